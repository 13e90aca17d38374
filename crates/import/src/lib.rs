//! yusuan-import: reads a published budget disclosure (预算公开) from the
//! text `pdftotext` extracts from its PDF into the [`yusuan_tables`] model.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod error;
mod grid;
mod patterns;
mod prepare;
mod prose;
mod read;
mod segment;
mod solve;
mod source;
mod tokens;

pub use error::{ImportError, ImportWarning, WarningKind};
pub use source::TextFormat;

use yusuan_tables::Disclosure;

/// The result of an import: the disclosure as far as it could be read, and
/// everything that could not be read with certainty.
#[derive(Debug, Clone)]
pub struct Import {
    /// The disclosure.
    pub disclosure: Disclosure,
    /// What was not recognised, left out or left blank, with line numbers.
    pub warnings: Vec<ImportWarning>,
    /// Whether the input was raw or layout text.
    pub format: TextFormat,
}

/// Imports the text of a disclosure as extracted by `pdftotext` (raw or
/// `-layout`, told apart automatically).
///
/// # Errors
/// [`ImportError::NotADisclosure`] when the text has none of the nine
/// tables and no 情况说明.
pub fn import_text(text: &str) -> Result<Import, ImportError> {
    let src = source::Source::new(text);
    let parts = segment::segment(&src);
    let mut warnings = Vec::new();
    let year = 2025;
    let (tables, _preps) = read::read_tables(&src, &parts, year, segment::AmountUnit::Wan, &mut warnings);
    let mut b = Disclosure::builder("", year).build_unchecked();
    b.tables = tables;
    Ok(Import {
        disclosure: b,
        warnings,
        format: src.format,
    })
}
