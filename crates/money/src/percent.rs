use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::number::{parse_number, ratio_round, trim_with_offset};
use crate::{round_half_away, text, MoneyError, Wan};

/// A percentage in percentage points: `Percent` 48.36 is 48.36%.
///
/// Shares (占比) and growth rates (增长率) in disclosures are printed to two
/// places, rounded 四舍五入; [`Percent::share`] and [`Percent::growth`]
/// compute them exactly that way, from exact rationals.
///
/// ```
/// use yusuan_money::{Percent, Wan};
/// let w = |s: &str| Wan::parse(s).unwrap();
/// // 信息化建设: 3,430.74 budgeted against 2,846.74 executed in 2024.
/// assert_eq!(Percent::growth(w("3430.74"), w("2846.74"))?.to_string(), "20.51%");
/// assert_eq!(Percent::share(w("130.00"), w("8633.56"))?.to_string(), "1.51%");
/// assert_eq!(Percent::parse("４８．３６％")?, Percent::parse("48.36%")?);
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(Decimal);

impl Percent {
    /// One hundred percent.
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    /// A percentage of `points` percentage points.
    pub const fn new(points: Decimal) -> Percent {
        Percent(points)
    }

    /// The percentage points (48.36 for 48.36%).
    pub const fn points(self) -> Decimal {
        self.0
    }

    /// `part / whole × 100`, rounded 四舍五入 to two places.
    ///
    /// A zero `whole` is [`MoneyError::ZeroDenominator`].
    ///
    /// ```
    /// use yusuan_money::{MoneyError, Percent, Wan};
    /// let w = |s: &str| Wan::parse(s).unwrap();
    /// // 4,175.52 / 8,633.56 = 48.3637…% → 48.36%
    /// assert_eq!(Percent::share(w("4,175.52"), w("8,633.56"))?.to_string(), "48.36%");
    /// // 130.00 / 8,633.56 = 1.5057…% → 1.51% (the seed prints 1.50%: see `shares`)
    /// assert_eq!(Percent::share(w("130.00"), w("8,633.56"))?.to_string(), "1.51%");
    /// assert!(matches!(
    ///     Percent::share(w("1"), Wan::ZERO),
    ///     Err(MoneyError::ZeroDenominator { .. })
    /// ));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn share(part: Wan, whole: Wan) -> Result<Percent, MoneyError> {
        Percent::ratio(part.value(), whole.value(), "share")
    }

    /// `(new − old) / old × 100`, rounded 四舍五入 to two places: the
    /// 增长率 of "比 2024 年执行数增加 A 万元，增长 B%".
    ///
    /// A zero `old` is [`MoneyError::ZeroDenominator`].
    ///
    /// ```
    /// use yusuan_money::{Percent, Wan};
    /// let w = |s: &str| Wan::parse(s).unwrap();
    /// // (4,175.52 − 3,566.14) / 3,566.14 = 609.38 / 3,566.14 = 17.088…% → 17.09%
    /// assert_eq!(Percent::growth(w("4,175.52"), w("3,566.14"))?.to_string(), "17.09%");
    /// // a fall is negative: (799 − 800) / 800 = −0.125% → −0.13% (四舍五入, not −0.12%)
    /// assert_eq!(Percent::growth(w("799"), w("800"))?.to_string(), "-0.13%");
    /// # Ok::<(), yusuan_money::MoneyError>(())
    /// ```
    pub fn growth(new: Wan, old: Wan) -> Result<Percent, MoneyError> {
        let change = new.checked_sub(old).ok_or(MoneyError::Overflow {
            operation: "growth",
        })?;
        Percent::ratio(change.value(), old.value(), "growth")
    }

    /// The unrounded share in percentage points (28 significant digits), for
    /// explanations such as "130.00 / 8,633.56 = 1.5057%".
    pub fn exact_share(part: Wan, whole: Wan) -> Result<Decimal, MoneyError> {
        if whole.is_zero() {
            return Err(MoneyError::ZeroDenominator {
                what: "share",
                numerator: part.value(),
            });
        }
        part.value()
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|n| n.checked_div(whole.value()))
            .ok_or(MoneyError::Overflow { operation: "share" })
    }

    fn ratio(num: Decimal, den: Decimal, what: &'static str) -> Result<Percent, MoneyError> {
        if den.is_zero() {
            return Err(MoneyError::ZeroDenominator {
                what,
                numerator: num,
            });
        }
        let hundredfold = num
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or(MoneyError::Overflow { operation: what })?;
        ratio_round(hundredfold, den, 2)
            .map(Percent)
            .ok_or(MoneyError::Overflow { operation: what })
    }

    /// Parses `48.36%`, `48.36`, `４８．３６％`, `-3.5%`.
    ///
    /// ```
    /// use yusuan_money::{MoneyError, Percent};
    /// assert!(matches!(Percent::parse("48.36%%"), Err(MoneyError::InvalidPercent { position: 5, .. })));
    /// ```
    pub fn parse(text: &str) -> Result<Percent, MoneyError> {
        let normalized = text::normalized(text);
        let (trimmed, offset) = trim_with_offset(&normalized);
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
        parse_number(number, offset)
            .map(Percent)
            .map_err(|(position, reason)| MoneyError::InvalidPercent {
                text: text.to_owned(),
                position,
                reason,
            })
    }

    /// Rounds to two places, 四舍五入.
    pub fn round_to_hundredths(self) -> Percent {
        Percent(round_half_away(self.0, 2))
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Percent) -> Option<Percent> {
        self.0.checked_add(other.0).map(Percent)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Percent) -> Option<Percent> {
        self.0.checked_sub(other.0).map(Percent)
    }
}

impl FromStr for Percent {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Percent::parse(s)
    }
}

/// `48.36%`; at least two decimals (`0.00%`).
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::display::write_decimal(f, self.0, false, b'%')
    }
}

/// As a string of points without the sign: `"48.36"`.
impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::number::deserialize_from_str(
            deserializer,
            "a percentage as a string, e.g. \"48.36\" or \"48.36%\"",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }
    fn p(s: &str) -> Percent {
        Percent::parse(s).unwrap()
    }

    /// Every share and growth rate the seed's narrative prints, recomputed
    /// from the seed's table figures.
    #[test]
    fn seed_shares_and_growth() {
        let total = w("8,633.56");
        assert_eq!(Percent::share(w("324.37"), total).unwrap(), p("3.76"));
        assert_eq!(Percent::share(w("4,175.52"), total).unwrap(), p("48.36"));
        assert_eq!(Percent::share(w("568.77"), total).unwrap(), p("6.59"));
        assert_eq!(Percent::share(w("3,434.90"), total).unwrap(), p("39.79"));
        // printed 1.50%: the publisher's 尾差 adjustment, see `shares`.
        assert_eq!(Percent::share(w("130.00"), total).unwrap(), p("1.51"));
        assert_eq!(Percent::share(w("4,901.81"), total).unwrap(), p("56.78"));
        assert_eq!(Percent::share(w("3,731.75"), total).unwrap(), p("43.22"));
        assert_eq!(
            Percent::share(w("4,098.52"), w("4,175.52")).unwrap(),
            p("98.16")
        );
        assert_eq!(
            Percent::share(w("77.00"), w("4,175.52")).unwrap(),
            p("1.84")
        );
        assert_eq!(
            Percent::growth(w("4,098.52"), w("3,489.14")).unwrap(),
            p("17.47")
        );
        assert_eq!(
            Percent::growth(w("4,087.72"), w("3,478.77")).unwrap(),
            p("17.50")
        );
        assert_eq!(
            Percent::growth(w("3,430.74"), w("2,846.74")).unwrap(),
            p("20.51")
        );
        assert_eq!(
            Percent::growth(w("656.98"), w("632.03")).unwrap(),
            p("3.95")
        );
        assert_eq!(Percent::growth(w("10.80"), w("10.37")).unwrap(), p("4.15"));
        assert_eq!(
            Percent::growth(w("4,175.52"), w("3,566.14")).unwrap(),
            p("17.09")
        );
        assert_eq!(Percent::growth(w("77.00"), w("77.00")).unwrap(), p("0.00"));
    }

    #[test]
    fn zero_denominator_is_an_error() {
        assert_eq!(
            Percent::share(w("1"), Wan::ZERO),
            Err(MoneyError::ZeroDenominator {
                what: "share",
                numerator: "1".parse().unwrap()
            })
        );
        assert!(Percent::growth(w("1"), w("0.00")).is_err());
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 1 / 800 = 0.125%: banker's rounding would print 0.12%.
        assert_eq!(Percent::share(w("1"), w("800")).unwrap(), p("0.13"));
        assert_eq!(Percent::growth(w("799"), w("800")).unwrap(), p("-0.13"));
    }

    #[test]
    fn display_and_serde() {
        assert_eq!(p("5").to_string(), "5.00%");
        assert_eq!(p("-0.00").to_string(), "0.00%");
        assert_eq!(serde_json::to_string(&p("48.36%")).unwrap(), "\"48.36\"");
        assert_eq!(
            serde_json::from_str::<Percent>("\"48.36%\"").unwrap(),
            p("48.36")
        );
        assert!(Percent::parse("%").is_err());
        assert!(Percent::parse("abc").is_err());
    }
}
