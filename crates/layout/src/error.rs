//! Errors of reading pages: each says what went wrong and what to do.

use thiserror::Error;

/// Why pages could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LayoutError {
    /// A line of `pdftotext -tsv` output is not what the format prints.
    #[error("pdftotext -tsv output, line {line}: expected {expected}, found `{found}`")]
    Tsv {
        /// The line, from 1.
        line: usize,
        /// What the format requires there.
        expected: String,
        /// What the line holds (shortened).
        found: String,
    },
    /// `pdftotext` is not installed.
    #[error("pdftotext was not found: install poppler-utils (apt-get install poppler-utils, brew install poppler)")]
    PdftotextMissing,
    /// The file could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The system's message.
        message: String,
    },
    /// The file is not a PDF.
    #[error(
        "{path} is not a PDF (no %PDF- header): give the PDF itself, or its pdftotext -layout text"
    )]
    NotPdf {
        /// The file.
        path: String,
    },
    /// The PDF is encrypted with a password.
    #[error("{path} is encrypted: pdftotext needs its password (or an unencrypted copy, e.g. qpdf --decrypt)")]
    Encrypted {
        /// The file.
        path: String,
    },
    /// The PDF is damaged.
    #[error("{path} is damaged and could not be read ({detail}): download it again, or repair it (qpdf, mutool clean)")]
    Damaged {
        /// The file.
        path: String,
        /// pdftotext's message.
        detail: String,
    },
    /// The PDF has pages but no text: scanned images.
    #[error("{path}: its {pages} page(s) have no text layer; run OCR first, e.g. ocrmypdf -l chi_sim {path} out.pdf")]
    NoTextLayer {
        /// The file.
        path: String,
        /// How many pages it has.
        pages: usize,
    },
    /// pdftotext failed otherwise.
    #[error("pdftotext failed on {path} (exit {status}): {detail}")]
    Pdftotext {
        /// The file.
        path: String,
        /// Its exit status.
        status: String,
        /// Its message.
        detail: String,
    },
}
