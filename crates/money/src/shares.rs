//! Shares of a whole (占比) for a list of parts, and how publishers make
//! printed shares add up to 100.00%.
//!
//! Rounding each share on its own rarely sums to exactly 100.00%. Publishers
//! fix that in one of two ways, and a checker must recognise both instead of
//! calling them errors:
//!
//! - **尾差 on the last item**: every share is rounded except the last
//!   printed one, which is `100.00 − Σ others`. The seed does this: its five
//!   income shares round to 3.76 + 48.36 + 6.59 + 39.79 + 1.51 = 100.01, so
//!   使用非财政拨款结余 (130.00 / 8,633.56 = 1.5057%) is printed as 1.50%.
//! - **largest remainder** (最大余数法): shares are floored to 0.01 and the
//!   missing hundredths go to the parts with the largest remainders.
//!
//! ```
//! use yusuan_money::shares::{judge_printed_shares, ShareVerdict};
//! use yusuan_money::{Percent, Wan};
//! let w = |s: &str| Wan::parse(s).unwrap();
//! let p = |s: &str| Percent::parse(s).unwrap();
//! let parts = [w("324.37"), w("4175.52"), w("568.77"), w("3434.90"), w("130.00")];
//! let printed = [p("3.76%"), p("48.36%"), p("6.59%"), p("39.79%"), p("1.50%")];
//! let verdicts = judge_printed_shares(&parts, &printed)?;
//! assert_eq!(verdicts[0], ShareVerdict::Exact);
//! assert_eq!(verdicts[4], ShareVerdict::LastItemResidual { rounded: p("1.51%") });
//! # Ok::<(), yusuan_money::MoneyError>(())
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{MoneyError, Percent, Wan};

/// The shares of a list of parts in their sum, computed three ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareAllocation {
    /// Unrounded shares in percentage points (28 significant digits).
    pub exact: Vec<Decimal>,
    /// Each share rounded on its own, 四舍五入 to 0.01; need not sum to 100.
    pub rounded: Vec<Percent>,
    /// Largest-remainder shares: sum to exactly 100.00.
    pub largest_remainder: Vec<Percent>,
    /// Every share rounded except the last, which takes the 尾差
    /// (`100.00 − Σ others`); sums to exactly 100.00.
    pub last_item_residual: Vec<Percent>,
}

/// Computes the shares of `parts` in their sum, in the order given.
///
/// Parts must be non-negative and not all zero.
///
/// ```
/// use yusuan_money::shares::allocate;
/// use yusuan_money::{Percent, Wan};
/// let parts = ["1", "1", "1"].map(|s| Wan::parse(s).unwrap());
/// let a = allocate(&parts)?;
/// let p = |s: &str| Percent::parse(s).unwrap();
/// assert_eq!(a.rounded, vec![p("33.33"), p("33.33"), p("33.33")]);
/// assert_eq!(a.largest_remainder, vec![p("33.34"), p("33.33"), p("33.33")]);
/// assert_eq!(a.last_item_residual, vec![p("33.33"), p("33.33"), p("33.34")]);
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
pub fn allocate(parts: &[Wan]) -> Result<ShareAllocation, MoneyError> {
    if let Some((index, part)) = parts.iter().enumerate().find(|(_, p)| p.is_negative()) {
        return Err(MoneyError::NegativePart {
            index,
            value: part.value(),
        });
    }
    let whole = Wan::checked_sum(parts.iter().copied()).ok_or(MoneyError::Overflow {
        operation: "share allocation",
    })?;
    let exact = parts
        .iter()
        .map(|&p| Percent::exact_share(p, whole))
        .collect::<Result<Vec<_>, _>>()?;
    let rounded = parts
        .iter()
        .map(|&p| Percent::share(p, whole))
        .collect::<Result<Vec<_>, _>>()?;
    let largest_remainder = largest_remainder(parts)?;
    let mut last_item_residual = rounded.clone();
    if let Some((last, others)) = last_item_residual.split_last_mut() {
        let sum_others = others
            .iter()
            .try_fold(Percent::default(), |acc, p| acc.checked_add(*p))
            .ok_or(MoneyError::Overflow {
                operation: "share allocation",
            })?;
        *last = Percent::HUNDRED
            .checked_sub(sum_others)
            .ok_or(MoneyError::Overflow {
                operation: "share allocation",
            })?;
    }
    Ok(ShareAllocation {
        exact,
        rounded,
        largest_remainder,
        last_item_residual,
    })
}

/// Largest-remainder shares in hundredths of a percent, on exact integers.
fn largest_remainder(parts: &[Wan]) -> Result<Vec<Percent>, MoneyError> {
    const UNITS: i128 = 10_000; // 100.00% in 0.01 steps
    let overflow = || MoneyError::Overflow {
        operation: "largest-remainder allocation",
    };
    let scale = parts.iter().map(|p| p.value().scale()).max().unwrap_or(0);
    let ints = parts
        .iter()
        .map(|p| {
            10i128
                .checked_pow(scale - p.value().scale())
                .and_then(|f| p.value().mantissa().checked_mul(f))
                .ok_or_else(overflow)
        })
        .collect::<Result<Vec<i128>, _>>()?;
    let sum = ints
        .iter()
        .try_fold(0i128, |acc, &x| acc.checked_add(x))
        .ok_or_else(overflow)?;
    if sum == 0 {
        return Err(MoneyError::ZeroDenominator {
            what: "share allocation",
            numerator: Decimal::ZERO,
        });
    }
    let mut floors = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    for &x in &ints {
        let scaled = x.checked_mul(UNITS).ok_or_else(overflow)?;
        floors.push(scaled / sum);
        remainders.push(scaled % sum);
    }
    let assigned: i128 = floors.iter().sum();
    let missing = usize::try_from(UNITS - assigned).map_err(|_| overflow())?;
    let mut order: Vec<usize> = (0..ints.len()).collect();
    // Largest remainder first; ties go to the earlier part.
    order.sort_by(|&a, &b| remainders.get(b).cmp(&remainders.get(a)).then(a.cmp(&b)));
    for &i in order.iter().take(missing) {
        if let Some(f) = floors.get_mut(i) {
            *f += 1;
        }
    }
    floors
        .into_iter()
        .map(|f| {
            Decimal::try_from_i128_with_scale(f, 2)
                .map(Percent::new)
                .map_err(|_| overflow())
        })
        .collect()
}

/// How a printed share relates to the amounts it describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ShareVerdict {
    /// Equals the share rounded on its own.
    Exact,
    /// The last item carries the 尾差 so that the printed shares sum to
    /// 100.00%; `rounded` is what rounding alone would give.
    LastItemResidual {
        /// The share rounded on its own.
        rounded: Percent,
    },
    /// Equals the largest-remainder share (the printed shares sum to 100.00%).
    LargestRemainder {
        /// The share rounded on its own.
        rounded: Percent,
    },
    /// None of the above: the printed share is wrong.
    Mismatch {
        /// The share rounded on its own.
        expected: Percent,
    },
}

impl ShareVerdict {
    /// Whether the printed share is acceptable (exact or a recognised
    /// adjustment).
    pub fn is_consistent(&self) -> bool {
        !matches!(self, ShareVerdict::Mismatch { .. })
    }
}

/// Judges each printed share of `parts` (in printed order) against the
/// exact shares in the parts' sum.
///
/// An adjustment is recognised only when the printed shares as a whole sum to
/// exactly 100.00%, as the publisher intended. If `printed` and `parts` differ
/// in length, shares are judged pairwise up to the shorter list and the
/// adjustments are not recognised.
pub fn judge_printed_shares(
    parts: &[Wan],
    printed: &[Percent],
) -> Result<Vec<ShareVerdict>, MoneyError> {
    let alloc = allocate(parts)?;
    let printed_sum = printed
        .iter()
        .try_fold(Percent::default(), |acc, p| acc.checked_add(*p));
    let sums_to_hundred = parts.len() == printed.len() && printed_sum == Some(Percent::HUNDRED);
    let last = printed.len().checked_sub(1);
    Ok(printed
        .iter()
        .zip(&alloc.rounded)
        .enumerate()
        .map(|(i, (&printed, &rounded))| {
            if printed == rounded {
                ShareVerdict::Exact
            } else if sums_to_hundred
                && Some(i) == last
                && alloc.last_item_residual.get(i) == Some(&printed)
            {
                ShareVerdict::LastItemResidual { rounded }
            } else if sums_to_hundred && alloc.largest_remainder.get(i) == Some(&printed) {
                ShareVerdict::LargestRemainder { rounded }
            } else {
                ShareVerdict::Mismatch { expected: rounded }
            }
        })
        .collect())
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

    #[test]
    fn wrong_shares_are_mismatches() {
        // Two parts 71.65 / 28.35 printed as 71.73 / 28.34 (sum 100.07).
        let v = judge_printed_shares(&[w("71.65"), w("28.35")], &[p("71.73"), p("28.34")]).unwrap();
        assert_eq!(
            v[0],
            ShareVerdict::Mismatch {
                expected: p("71.65")
            }
        );
        assert_eq!(
            v[1],
            ShareVerdict::Mismatch {
                expected: p("28.35")
            }
        );
    }

    #[test]
    fn seed_income_shares() {
        let parts = [
            w("324.37"),
            w("4175.52"),
            w("568.77"),
            w("3434.90"),
            w("130.00"),
        ];
        let a = allocate(&parts).unwrap();
        // Hand arithmetic: 324.37/8633.56 = 3.7571%, 4175.52/8633.56 = 48.3638%,
        // 568.77/8633.56 = 6.5879%, 3434.90/8633.56 = 39.7854%, 130/8633.56 = 1.5057%.
        assert_eq!(
            a.rounded,
            vec![p("3.76"), p("48.36"), p("6.59"), p("39.79"), p("1.51")]
        );
        assert_eq!(
            a.last_item_residual,
            vec![p("3.76"), p("48.36"), p("6.59"), p("39.79"), p("1.50")]
        );
        // floors 3.75 48.36 6.58 39.78 1.50 = 99.97; remainders .71 .38 .79 .54 .57
        // -> +0.01 to 6.58, 3.75, 1.50
        assert_eq!(
            a.largest_remainder,
            vec![p("3.76"), p("48.36"), p("6.59"), p("39.78"), p("1.51")]
        );
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(matches!(
            allocate(&[w("1"), w("-1")]),
            Err(MoneyError::NegativePart { index: 1, .. })
        ));
        assert!(matches!(
            allocate(&[w("0"), w("0.00")]),
            Err(MoneyError::ZeroDenominator { .. })
        ));
        assert!(allocate(&[]).is_err());
    }
}
