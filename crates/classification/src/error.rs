//! The error type of this crate.

use crate::Scheme;

/// Everything that can go wrong in this crate: parsing a code, or loading a
/// catalog from a file. Every variant carries the offending text and, for
/// files, the line (1-based).
///
/// ```
/// use yusuan_classification::{ClassificationError, Code};
/// let err = Code::parse("20801089").unwrap_err();
/// assert!(matches!(err, ClassificationError::BadLength { len: 8, .. }));
/// assert_eq!(
///     err.to_string(),
///     "code \"20801089\" has 8 digits; 支出功能分类 codes have 3, 5 or 7"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClassificationError {
    /// The text holds no code at all (empty or only spaces).
    #[error("expected a classification code, found empty text {text:?}")]
    Empty {
        /// The text as given.
        text: String,
    },

    /// A character that is neither a digit (half- or full-width) nor a space.
    #[error(
        "code {text:?} contains {found:?}; a code is digits only (spaces allowed between levels)"
    )]
    NonDigit {
        /// The text as given.
        text: String,
        /// The first offending character.
        found: char,
    },

    /// The first digit is not the first digit of any scheme (1, 2, 3 or 5).
    #[error("code {text:?} starts with {digit:?}; codes start with 1 (收入分类), 2 (支出功能分类), 3 (部门预算支出经济分类) or 5 (政府预算支出经济分类)")]
    UnknownScheme {
        /// The text as given.
        text: String,
        /// The first digit (half-width).
        digit: char,
    },

    /// The number of digits is not a level of the code's scheme.
    #[error("code {text:?} has {len} digits; {scheme} codes have {expected}", expected = scheme.lengths_text())]
    BadLength {
        /// The text as given.
        text: String,
        /// The scheme recognised from the first digit.
        scheme: Scheme,
        /// The number of digits found.
        len: usize,
    },

    /// The code belongs to another scheme than the one required.
    #[error("code {text:?} is a {found} code; expected a {expected} code (starting with {digit})", digit = expected.leading_digit())]
    WrongScheme {
        /// The text as given.
        text: String,
        /// The scheme required by the caller.
        expected: Scheme,
        /// The scheme recognised from the first digit.
        found: Scheme,
    },

    /// Spaces split the code somewhere else than between levels
    /// (`208 01 08` is fine, `20 80108` is not).
    #[error("code {text:?} is split after digit {after}; spaces may only separate levels (after digit 3, 5 or 7)")]
    MisplacedSpace {
        /// The text as given.
        text: String,
        /// The number of digits before the misplaced space.
        after: usize,
    },

    /// A line of a catalog file holds a code that does not parse.
    #[error("{source_name} line {line}: {error}")]
    BadCodeOnLine {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the code.
        error: Box<ClassificationError>,
    },

    /// A line of a catalog file lacks a column.
    #[error("{source_name} line {line}: expected {column} column, found {text:?}")]
    MissingColumn {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// The missing column ("code", "name", …).
        column: &'static str,
        /// The whole line.
        text: String,
    },

    /// A line of a catalog file gives a code an empty name.
    #[error("{source_name} line {line}: code {code} has an empty name")]
    EmptyName {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// The code.
        code: String,
    },

    /// A code appears twice in a catalog file (for overlapping years).
    #[error("{source_name} line {line}: duplicate code {code} (first on line {first_line})")]
    DuplicateCode {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number of the repetition.
        line: usize,
        /// 1-based line number of the first occurrence.
        first_line: usize,
        /// The code.
        code: String,
    },

    /// A 款, 项 or 目 whose parent code is not in the catalog file.
    #[error("{source_name} line {line}: code {code} has no parent {parent} in the file")]
    MissingParent {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// The code.
        code: String,
        /// The parent code that is missing.
        parent: String,
    },

    /// A cell that should be a value of a known set or a year is not.
    #[error("{source_name} line {line}: bad {column} {text:?}: {reason}")]
    BadField {
        /// The file (or source) name.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// The column.
        column: &'static str,
        /// The cell as found.
        text: String,
        /// What was expected.
        reason: &'static str,
    },

    /// A year range whose first year is after its last.
    #[error("year range {first}–{last} is empty (first year after last year)")]
    BadYearRange {
        /// First year.
        first: u16,
        /// Last year.
        last: u16,
    },

    /// A catalog file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },

    /// A catalog file has problems on several lines; all are listed.
    #[error("{source_name}: {} problem(s): {}", problems.len(), join(problems))]
    InvalidFile {
        /// The file (or source) name.
        source_name: String,
        /// Every problem found, in line order.
        problems: Vec<ClassificationError>,
    },
}

fn join(problems: &[ClassificationError]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
