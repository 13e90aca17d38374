//! Exact amounts for Chinese budget disclosures: [`Wan`] (万元), [`Percent`],
//! 四舍五入 rounding, and the parsing of what real documents print.
//!
//! Budget tables are published in 万元 with two decimals, one cell at a time,
//! and narratives quote shares ("占 48.36%") and growth rates ("增长 20.51%")
//! rounded half away from zero (四舍五入). Everything here is exact decimal
//! arithmetic over [`rust_decimal::Decimal`]; there is no floating point.
//!
//! ```
//! use yusuan_money::{Percent, Wan};
//!
//! let income: Wan = "４，１７５．５２".parse()?;          // full-width, as printed
//! let total = Wan::parse("8,633.56")?;
//! assert_eq!(income.to_string(), "4,175.52");
//! assert_eq!(Percent::share(income, total)?.to_string(), "48.36%");
//! assert_eq!(Wan::parse_cell("－")?, None);              // a dash is "no amount"
//! # Ok::<(), yusuan_money::MoneyError>(())
//! ```
//!
//! Rounding is [`round_half_away`]: `Decimal::round_dp` alone rounds half to
//! even (banker's rounding), which is not how Chinese public finance rounds.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod amount;
mod display;
mod error;
mod number;
mod percent;
pub mod shares;
pub mod text;

pub use amount::Wan;
pub use error::MoneyError;
pub use percent::Percent;
pub use rust_decimal::Decimal;

use rust_decimal::RoundingStrategy;

/// Rounds `value` to `dp` decimal places, half away from zero (四舍五入).
///
/// ```
/// use yusuan_money::{round_half_away, Decimal};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round_half_away(d("0.125"), 2), d("0.13")); // banker's would give 0.12
/// assert_eq!(round_half_away(d("-0.125"), 2), d("-0.13"));
/// ```
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The "no amount" markers publishers print in an empty cell, after
/// [`text::normalize`]: an empty string, `-`, `—`, `–`, `─` and repetitions.
pub(crate) fn is_no_amount_marker(normalized: &str) -> bool {
    normalized
        .chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '─' | '－' | '―'))
}
