//! The error type of this crate.

use crate::validate::Issue;

/// Everything that can go wrong in this crate.
///
/// A malformed JSON file gives [`TablesError::Json`] with its line and
/// column:
///
/// ```
/// use yusuan_tables::{Disclosure, TablesError};
/// let err = Disclosure::from_json("{\n  \"year\": 2025,\n  oops\n}").unwrap_err();
/// assert!(matches!(err, TablesError::Json { line: 3, column: 3, .. }));
/// assert!(err.to_string().starts_with("JSON line 3, column 3:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TablesError {
    /// The JSON text is malformed or does not match the model (a syntax
    /// error, a missing field, an unknown field, an amount that does not
    /// parse, …).
    #[error("JSON line {line}, column {column}: {message}")]
    Json {
        /// 1-based line (0 if serde_json gave none).
        line: usize,
        /// 1-based column (0 if serde_json gave none).
        column: usize,
        /// serde_json's description, which quotes what was found.
        message: String,
    },

    /// A file could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },

    /// Structural validation found errors (warnings alone never fail).
    #[error("{} structural error(s): {}", issues.iter().filter(|i| i.is_error()).count(), join(issues))]
    Invalid {
        /// Every issue found, errors and warnings.
        issues: Vec<Issue>,
    },

    /// A name that is not one of the known snake_case names of an enum.
    #[error("unknown {what} {text:?}")]
    UnknownName {
        /// The type expected (e.g. `"TableKind"`).
        what: &'static str,
        /// The text found.
        text: String,
    },

    /// A row key that looks like a code but is not a valid one.
    #[error("row key {text:?}: {source}")]
    Code {
        /// The text found.
        text: String,
        /// Why it is not a code.
        source: yusuan_classification::ClassificationError,
    },

    /// [`crate::Disclosure::set`] or [`crate::Disclosure::get`] was given an
    /// address that names no number of the disclosure (a table, row, column,
    /// claim or project that is not there).
    #[error("no such number: {at}")]
    NoSuchNumber {
        /// The address, described.
        at: String,
    },

    /// A percentage was given for an amount cell, or the reverse.
    #[error("{at} holds {expected}, not {found}")]
    WrongValueKind {
        /// The address, described.
        at: String,
        /// `"an amount"` or `"a percentage"`.
        expected: &'static str,
        /// `"an amount"` or `"a percentage"`.
        found: &'static str,
    },
}

impl TablesError {
    /// Wraps a serde_json error, keeping its line and column.
    pub(crate) fn json(e: &serde_json::Error) -> TablesError {
        let full = e.to_string();
        // serde_json appends " at line L column C"; the fields carry them.
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        TablesError::Json {
            line: e.line(),
            column: e.column(),
            message,
        }
    }
}

fn join(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
