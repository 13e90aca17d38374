use rust_decimal::Decimal;

/// Everything that can go wrong when reading or computing amounts and percents.
///
/// Positions are character offsets (0-based) into the text as given.
///
/// ```
/// use yusuan_money::{MoneyError, Wan};
/// let err = Wan::parse("8,63.56").unwrap_err();
/// assert!(matches!(err, MoneyError::InvalidAmount { position: 4, .. }));
/// assert_eq!(
///     err.to_string(),
///     "invalid amount \"8,63.56\" at character 4: a thousands group needs exactly 3 digits"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// An amount was required but the cell is empty or holds a "no amount" dash.
    #[error("expected an amount, found {text:?} (an empty cell or a dash)")]
    MissingAmount {
        /// The text as given.
        text: String,
    },
    /// The text is not a number in any form documents print.
    #[error("invalid amount {text:?} at character {position}: {reason}")]
    InvalidAmount {
        /// The text as given.
        text: String,
        /// Character offset of the first offending character.
        position: usize,
        /// What was expected there.
        reason: &'static str,
    },
    /// The text is not a percentage such as `48.36%`.
    #[error("invalid percent {text:?} at character {position}: {reason}")]
    InvalidPercent {
        /// The text as given.
        text: String,
        /// Character offset of the first offending character.
        position: usize,
        /// What was expected there.
        reason: &'static str,
    },
    /// A share or growth rate was asked of a zero whole / zero base.
    #[error("{what}: the denominator is zero (numerator {numerator})")]
    ZeroDenominator {
        /// Which computation (e.g. "share", "growth").
        what: &'static str,
        /// The numerator, for the message.
        numerator: Decimal,
    },
    /// A share allocation was asked of a negative part.
    #[error("share allocation: part {index} is negative ({value})")]
    NegativePart {
        /// Index of the part in the list.
        index: usize,
        /// Its value.
        value: Decimal,
    },
    /// The result does not fit in a decimal (about 7.9 × 10^28).
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// Which computation overflowed.
        operation: &'static str,
    },
}
