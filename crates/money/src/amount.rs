use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::number::{parse_number, trim_with_offset};
use crate::{is_no_amount_marker, round_half_away, text, MoneyError};

/// An amount in 万元 (ten thousand yuan), the unit of the standard tables.
///
/// Exact: a newtype over [`Decimal`] that keeps the scale it was given
/// (`70` stays `70`, `8,633.56` stays two places), so a checker can tell an
/// amount printed with more than two decimals. Equality ignores scale.
///
/// Arithmetic is checked (`checked_add`, `checked_sub`, [`Wan::checked_sum`]):
/// a decimal overflows near 7.9 × 10^28, and input must never make this
/// library panic. A decimal holds 28–29 significant digits; a sum that would
/// need more (10^26 万元 plus 0.01) is rounded to fit rather than refused —
/// far beyond any budget, but worth knowing.
///
/// Serialises as a JSON string (`"8633.56"`) so amounts never pass through
/// floating point.
///
/// ```
/// use yusuan_money::Wan;
/// let a = Wan::parse("4,175.52")?;
/// let b = Wan::parse("324.37")?;
/// assert_eq!(a.checked_add(b), Some(Wan::parse("4499.89")?));
/// assert_eq!(serde_json::to_string(&a).unwrap(), "\"4175.52\"");
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Wan(Decimal);

impl Wan {
    /// Zero.
    pub const ZERO: Wan = Wan(Decimal::ZERO);

    /// Wraps a decimal number of 万元.
    pub const fn new(value: Decimal) -> Wan {
        Wan(value)
    }

    /// The number of 万元.
    pub const fn value(self) -> Decimal {
        self.0
    }

    /// Parses an amount as documents print it: `8,633.56`, `8633.56`,
    /// full-width `８，６３３．５６`, negatives, surrounding spaces (also
    /// U+3000). An empty cell or a dash is [`MoneyError::MissingAmount`]; use
    /// [`Wan::parse_cell`] where a blank cell is legitimate.
    ///
    /// ```
    /// use yusuan_money::{MoneyError, Wan};
    /// assert_eq!(Wan::parse("\u{3000}-0.43 ")?.to_string(), "-0.43");
    /// assert!(matches!(Wan::parse("—"), Err(MoneyError::MissingAmount { .. })));
    /// assert!(matches!(Wan::parse("12万元"), Err(MoneyError::InvalidAmount { position: 2, .. })));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Wan, MoneyError> {
        match Wan::parse_cell(text)? {
            Some(w) => Ok(w),
            None => Err(MoneyError::MissingAmount {
                text: text.to_owned(),
            }),
        }
    }

    /// Parses a table cell: `Ok(None)` for "no amount" (empty, `-`, `－`,
    /// `—`), otherwise as [`Wan::parse`].
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// assert_eq!(Wan::parse_cell("")?, None);
    /// assert_eq!(Wan::parse_cell("－")?, None);
    /// assert_eq!(Wan::parse_cell("0.00")?, Some(Wan::ZERO)); // zero is not blank
    /// # Ok::<(), yusuan_money::MoneyError>(())
    /// ```
    pub fn parse_cell(text: &str) -> Result<Option<Wan>, MoneyError> {
        let normalized = text::normalized(text);
        let (trimmed, offset) = trim_with_offset(&normalized);
        if is_no_amount_marker(trimmed) {
            return Ok(None);
        }
        parse_number(trimmed, offset)
            .map(|d| Some(Wan(d)))
            .map_err(|(position, reason)| MoneyError::InvalidAmount {
                text: text.to_owned(),
                position,
                reason,
            })
    }

    /// Converts 元 to 万元: ÷ 10,000, rounded 四舍五入 to two places, as a
    /// publisher converting a 元 ledger into a 万元 table does.
    ///
    /// ```
    /// use yusuan_money::{Decimal, Wan};
    /// let yuan: Decimal = "371514655.00".parse().unwrap();
    /// assert_eq!(Wan::from_yuan(yuan).to_string(), "37,151.47");
    /// let half: Decimal = "50".parse().unwrap(); // 0.005 万元
    /// assert_eq!(Wan::from_yuan(half).to_string(), "0.01");
    /// ```
    pub fn from_yuan(yuan: Decimal) -> Wan {
        // Dividing by 10^4 only moves the decimal point: exact unless the
        // scale is already at its maximum of 28, where rounding is harmless.
        let wan = yuan / Decimal::from(10_000);
        Wan(round_half_away(wan, 2))
    }

    /// Converts 元 to 万元 exactly (÷ 10,000, no rounding): for a model that
    /// must keep every digit of a table printed in 元.
    ///
    /// ```
    /// use yusuan_money::{Decimal, Wan};
    /// let yuan: Decimal = "371514655.00".parse().unwrap();
    /// assert_eq!(Wan::from_yuan_exact(yuan).plain(), "37151.465500");
    /// assert_eq!(Wan::from_yuan_exact(yuan).to_yuan()?, yuan);
    /// # Ok::<(), yusuan_money::MoneyError>(())
    /// ```
    pub fn from_yuan_exact(yuan: Decimal) -> Wan {
        let mut v = yuan;
        // Moving the point four places is exact while the scale stays <= 28.
        match v.set_scale(yuan.scale() + 4) {
            Ok(()) => Wan(v),
            Err(_) => Wan(yuan / Decimal::from(10_000)),
        }
    }

    /// Converts to 元 (× 10,000), exactly.
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// assert_eq!(Wan::parse("1.5")?.to_yuan()?.to_string(), "15000.0");
    /// # Ok::<(), yusuan_money::MoneyError>(())
    /// ```
    pub fn to_yuan(self) -> Result<Decimal, MoneyError> {
        let yuan = self
            .0
            .checked_mul(Decimal::from(10_000))
            .ok_or(MoneyError::Overflow {
                operation: "万元 to 元",
            })?;
        // Keep the scale the 元 figure was printed with (× 10^4 adds none).
        let mut y = yuan;
        if self.0.scale() >= 4 {
            y.rescale(self.0.scale() - 4);
            if y == yuan {
                return Ok(y);
            }
        }
        Ok(yuan)
    }

    /// Rounds to two places (0.01 万元), 四舍五入.
    pub fn round_to_cents(self) -> Wan {
        Wan(round_half_away(self.0, 2))
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Wan) -> Option<Wan> {
        self.0.checked_add(other.0).map(Wan)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Wan) -> Option<Wan> {
        self.0.checked_sub(other.0).map(Wan)
    }

    /// The sum of all amounts, or `None` on overflow. An empty sum is zero.
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// let parts = ["4,175.52", "568.77", "3,434.90"].map(|s| Wan::parse(s).unwrap());
    /// assert_eq!(Wan::checked_sum(parts), Some(Wan::parse("8179.19").unwrap()));
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Wan>>(amounts: I) -> Option<Wan> {
        amounts
            .into_iter()
            .try_fold(Wan::ZERO, |acc, w| acc.checked_add(w))
    }

    /// Absolute value.
    pub fn abs(self) -> Wan {
        Wan(self.0.abs())
    }

    /// Whether the amount is zero (of any scale).
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Decimal places as written (`8633.56` → 2, `70` → 0, `1.005` → 3).
    pub fn decimal_places(self) -> u32 {
        self.0.scale()
    }

    /// Displays without thousands separators (`8633.56`), as in JSON.
    pub fn plain(self) -> String {
        self.0.to_string()
    }
}

impl FromStr for Wan {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Wan::parse(s)
    }
}

impl From<Decimal> for Wan {
    fn from(value: Decimal) -> Self {
        Wan(value)
    }
}

/// `8,633.56`: thousands separators and at least two decimals (more if the
/// amount has them, so nothing is hidden).
impl fmt::Display for Wan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::display::write_decimal(f, self.0, true, 0)
    }
}

impl Serialize for Wan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.plain())
    }
}

impl<'de> Deserialize<'de> for Wan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::number::deserialize_from_str(
            deserializer,
            "an amount in 万元 as a string, e.g. \"8633.56\"",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }

    #[test]
    fn parses_what_documents_print() {
        assert_eq!(w("8,633.56").value(), "8633.56".parse::<Decimal>().unwrap());
        assert_eq!(w("8633.56"), w("8,633.56"));
        assert_eq!(w("８，６３３．５６"), w("8633.56"));
        assert_eq!(w("\u{3000}8,633.56\u{3000}"), w("8633.56"));
        assert_eq!(w("－0.43"), w("-0.43"));
        assert_eq!(w("70"), w("70.00"));
        assert_eq!(w("70").decimal_places(), 0);
        for blank in ["", "  ", "-", "－", "—", "——", "\u{3000}"] {
            assert_eq!(Wan::parse_cell(blank).unwrap(), None, "{blank:?}");
        }
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = Wan::parse("4,175.52元").unwrap_err();
        assert_eq!(
            e,
            MoneyError::InvalidAmount {
                text: "4,175.52元".into(),
                position: 8,
                reason: "unexpected character after the number"
            }
        );
        assert!(matches!(
            Wan::parse("  x"),
            Err(MoneyError::InvalidAmount { position: 2, .. })
        ));
    }

    #[test]
    fn display_groups_thousands() {
        assert_eq!(w("8633.56").to_string(), "8,633.56");
        assert_eq!(w("1912.9").to_string(), "1,912.90");
        assert_eq!(w("70").to_string(), "70.00");
        assert_eq!(w("-1234567.891").to_string(), "-1,234,567.891");
        assert_eq!(w("-0.00").to_string(), "0.00");
        assert_eq!(w("999").to_string(), "999.00");
        assert_eq!(format!("{:>10}", w("1")), "      1.00");
    }

    #[test]
    fn serde_is_a_string() {
        let json = serde_json::to_string(&w("8,633.56")).unwrap();
        assert_eq!(json, "\"8633.56\"");
        let back: Wan = serde_json::from_str(&json).unwrap();
        assert_eq!(back, w("8633.56"));
        assert!(serde_json::from_str::<Wan>("8633.56").is_err());
        assert!(serde_json::from_str::<Wan>("\"abc\"").is_err());
    }

    #[test]
    fn yuan_conversion_rounds_half_away() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Wan::from_yuan(d("12345")), w("1.23")); // 1.2345
        assert_eq!(Wan::from_yuan(d("12350")), w("1.24")); // 1.235 -> up
        assert_eq!(Wan::from_yuan(d("12250")), w("1.23")); // 1.225 -> up (banker's: 1.22)
        assert_eq!(Wan::from_yuan(d("-12250")), w("-1.23"));
        assert_eq!(w("1.23").to_yuan().unwrap(), d("12300"));
    }
}
