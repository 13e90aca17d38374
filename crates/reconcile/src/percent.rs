//! Printed shares (占比) and growth rates (增长率) recomputed with 四舍五入.
//!
//! A printed percentage is compared with the one recomputed from the printed
//! amounts, rounded half away from zero to the places printed (usually two):
//!
//! - equal: **pass**;
//! - a share that differs only because the publisher made the shares of a
//!   list sum to exactly 100.00% (尾差 on the last item, or the largest-
//!   remainder method; see [`yusuan_money::shares`]): **info**, explained;
//! - different, but reachable from amounts within their own rounding (each
//!   printed amount may be off by half a unit: the percentage is recomputed
//!   at the corners of that box): a **warning**;
//! - otherwise: an **error** (a real document prints 71.73% where the
//!   amounts give 71.65%).
//!
//! ```
//! use yusuan_money::{Percent, Wan};
//! use yusuan_reconcile::percent::{judge_growth, judge_share_list, PercentAgreement};
//! use yusuan_reconcile::tolerance::Rounding;
//! let w = |s: &str| Wan::parse(s).unwrap();
//! let p = |s: &str| Percent::parse(s).unwrap();
//! // 信息化建设 3,430.74 against 2,846.74: 增长 20.51%.
//! let g = judge_growth(Rounding::WAN, w("3430.74"), w("2846.74"), p("20.51%"))?;
//! assert_eq!(g.agreement, PercentAgreement::Exact);
//! // The seed's income shares: 1.50% is the 尾差 on the last item.
//! let parts = [w("324.37"), w("4175.52"), w("568.77"), w("3434.90"), w("130.00")];
//! let printed = [p("3.76%"), p("48.36%"), p("6.59%"), p("39.79%"), p("1.50%")];
//! let j = judge_share_list(Rounding::WAN, w("8633.56"), &parts, &printed)?;
//! assert!(j[..4].iter().all(|s| s.agreement == PercentAgreement::Exact));
//! assert!(matches!(j[4].agreement, PercentAgreement::Adjusted(_)));
//! assert_eq!(j[4].expected, p("1.51%"));
//! # Ok::<(), yusuan_money::MoneyError>(())
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use yusuan_money::shares::{judge_printed_shares, ShareVerdict};
use yusuan_money::{round_half_away, MoneyError, Percent, Wan};

use crate::tolerance::Rounding;

/// How a publisher made a list of shares sum to 100.00%.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareAdjustment {
    /// 尾差 on the last item: the last share is `100.00 − Σ others`.
    LastItemResidual,
    /// Largest-remainder method (最大余数法).
    LargestRemainder,
}

impl ShareAdjustment {
    /// Chinese label: 尾差计入最后一项 / 最大余数法.
    pub const fn label_zh(self) -> &'static str {
        match self {
            ShareAdjustment::LastItemResidual => "尾差计入最后一项",
            ShareAdjustment::LargestRemainder => "最大余数法",
        }
    }
}

/// How a printed percentage relates to the recomputed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "adjustment", rename_all = "snake_case")]
pub enum PercentAgreement {
    /// Equal at the printed precision.
    Exact,
    /// Different only by a recognised adjustment that makes a list of shares
    /// sum to 100.00%: info.
    Adjusted(ShareAdjustment),
    /// Different, but within what the rounding of the printed amounts
    /// allows: a warning.
    Rounding,
    /// Different beyond that: an error.
    Mismatch,
}

/// The outcome of one percentage comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentJudged {
    /// Recomputed from the printed amounts, 四舍五入 to the printed places.
    pub expected: Percent,
    /// As printed.
    pub actual: Percent,
    /// `actual − expected`, in percentage points.
    pub difference: Percent,
    /// The unrounded recomputed value (percentage points); computed only
    /// when the printed value is not the recomputed one.
    pub exact: Option<Decimal>,
    /// The verdict.
    pub agreement: PercentAgreement,
}

/// Places to compare at: as printed, between 0 and 4.
fn places(printed: Percent) -> u32 {
    printed.points().scale().min(4)
}

/// `num / den × 100`, unrounded; `None` for a zero denominator or overflow.
fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    if den.is_zero() {
        return None;
    }
    num.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(den)
}

/// Rounded extremes of `f(a, b) = a / b × 100 − offset` over the box
/// `a ± ha`, `b ± hb`; `None` if the box lets `b` reach zero.
fn corner_range(
    a: Decimal,
    ha: Decimal,
    b: Decimal,
    hb: Decimal,
    offset: Decimal,
    dp: u32,
) -> Option<(Decimal, Decimal)> {
    let b_lo = b.checked_sub(hb)?;
    let b_hi = b.checked_add(hb)?;
    if b_lo.is_sign_negative() != b_hi.is_sign_negative() || b_lo.is_zero() || b_hi.is_zero() {
        return None;
    }
    let mut lo: Option<Decimal> = None;
    let mut hi: Option<Decimal> = None;
    for aa in [a.checked_sub(ha)?, a.checked_add(ha)?] {
        for bb in [b_lo, b_hi] {
            let v = ratio(aa, bb)?.checked_sub(offset)?;
            lo = Some(lo.map_or(v, |l| l.min(v)));
            hi = Some(hi.map_or(v, |h| h.max(v)));
        }
    }
    Some((round_half_away(lo?, dp), round_half_away(hi?, dp)))
}

/// An amount in hundredths (its mantissa at scale 2) when it is printed
/// with at most two decimals and small enough for the integer fast path.
fn hundredths(w: Wan) -> Option<i64> {
    const LIMIT: i128 = 1_000_000_000_000_000; // 10^15: products stay in i64
    let v = w.value();
    let m = v.mantissa().checked_mul(match v.scale() {
        0 => 100,
        1 => 10,
        2 => 1,
        _ => return None,
    })?;
    if m.abs() >= LIMIT {
        return None;
    }
    i64::try_from(m).ok()
}

/// `num / den × 100` rounded half away from zero to two places, on the
/// hundredths of two amounts: the value (and scale, 2) that
/// [`Percent::share`] and [`Percent::growth`] compute, without decimal
/// arithmetic. `None` for a zero `den` or an overflow (the caller then
/// takes the general path, which reports them).
fn percent_of_hundredths(num: i64, den: i64) -> Option<Percent> {
    if den == 0 {
        return None;
    }
    // Hundredths of a percentage point: num × 100 × 100 / den.
    let n = num.checked_mul(10_000)?;
    let q = n / den;
    let r = n % den;
    let q = if r.unsigned_abs().checked_mul(2)? >= den.unsigned_abs() {
        if (n < 0) != (den < 0) {
            q - 1
        } else {
            q + 1
        }
    } else {
        q
    };
    Some(Percent::new(Decimal::new(q, 2)))
}

/// [`Percent::share`], by the integer fast path where it applies.
fn share_rounded(part: Wan, whole: Wan) -> Result<Percent, MoneyError> {
    match (hundredths(part), hundredths(whole)) {
        (Some(p), Some(w)) => {
            percent_of_hundredths(p, w).map_or_else(|| Percent::share(part, whole), Ok)
        }
        _ => Percent::share(part, whole),
    }
}

/// Whether [`judge_share`] finds `printed` exact: printed with two places
/// and equal to the share recomputed on the integer fast path. `false`
/// means "not settled here" (the caller then judges in full).
pub(crate) fn share_is_exact(part: Wan, whole: Wan, printed: Percent) -> bool {
    places(printed) == 2
        && matches!((hundredths(part), hundredths(whole)), (Some(p), Some(w))
            if percent_of_hundredths(p, w) == Some(printed))
}

/// [`Percent::growth`], by the integer fast path where it applies.
fn growth_rounded(new: Wan, old: Wan) -> Result<Percent, MoneyError> {
    match (hundredths(new), hundredths(old)) {
        (Some(n), Some(o)) => n
            .checked_sub(o)
            .and_then(|change| percent_of_hundredths(change, o))
            .map_or_else(|| Percent::growth(new, old), Ok),
        _ => Percent::growth(new, old),
    }
}

fn half(rounding: Rounding, printed: Wan) -> Decimal {
    rounding.half_of(printed).value()
}

/// Judges `printed` against a recomputed percentage. `fast` is the value
/// rounded to two places by exact integer arithmetic (used when the printed
/// value has two places); `exact` gives the unrounded value, computed only
/// when needed.
fn judge(
    fast: impl FnOnce() -> Result<Percent, MoneyError>,
    exact: impl FnOnce() -> Result<Decimal, MoneyError>,
    range: impl FnOnce() -> Option<(Decimal, Decimal)>,
    printed: Percent,
) -> Result<PercentJudged, MoneyError> {
    let mut j = judge_value(fast, exact, printed)?;
    settle_range(&mut j, range);
    Ok(j)
}

/// [`judge`] without the range: a printed value other than the
/// recomputed one is left [`PercentAgreement::Mismatch`] for
/// [`settle_range`] to decide.
fn judge_value(
    fast: impl FnOnce() -> Result<Percent, MoneyError>,
    exact: impl FnOnce() -> Result<Decimal, MoneyError>,
    printed: Percent,
) -> Result<PercentJudged, MoneyError> {
    let dp = places(printed);
    let (expected, exact) = if dp == 2 {
        let expected = fast()?;
        if expected == printed {
            return Ok(PercentJudged {
                expected,
                actual: printed,
                difference: Percent::default(),
                exact: None,
                agreement: PercentAgreement::Exact,
            });
        }
        (expected, exact()?)
    } else {
        let e = exact()?;
        (Percent::new(round_half_away(e, dp)), e)
    };
    let actual = printed;
    let difference = Percent::new(actual.points().saturating_sub(expected.points()));
    let agreement = if expected == actual {
        PercentAgreement::Exact
    } else {
        PercentAgreement::Mismatch
    };
    Ok(PercentJudged {
        expected,
        actual,
        difference,
        exact: Some(exact),
        agreement,
    })
}

/// Turns a [`PercentAgreement::Mismatch`] of [`judge_value`] into
/// [`PercentAgreement::Rounding`] when the printed value is reachable from
/// the amounts within their rounding (`range`).
fn settle_range(j: &mut PercentJudged, range: impl FnOnce() -> Option<(Decimal, Decimal)>) {
    if j.agreement == PercentAgreement::Mismatch
        && range().is_some_and(|(lo, hi)| lo <= j.actual.points() && j.actual.points() <= hi)
    {
        j.agreement = PercentAgreement::Rounding;
    }
}

/// The range of a share `part / whole` over the rounding of both amounts.
fn share_range(rounding: Rounding, part: Wan, whole: Wan, dp: u32) -> Option<(Decimal, Decimal)> {
    corner_range(
        part.value(),
        half(rounding, part),
        whole.value(),
        half(rounding, whole),
        Decimal::ZERO,
        dp,
    )
}

/// [`judge_share`] without the range ([`judge_value`]).
fn judge_share_value(part: Wan, whole: Wan, printed: Percent) -> Result<PercentJudged, MoneyError> {
    judge_value(
        || share_rounded(part, whole),
        || Percent::exact_share(part, whole),
        printed,
    )
}

/// Judges a printed share `part / whole`.
///
/// # Errors
/// [`MoneyError::ZeroDenominator`] for a zero `whole`; overflow.
pub fn judge_share(
    rounding: Rounding,
    part: Wan,
    whole: Wan,
    printed: Percent,
) -> Result<PercentJudged, MoneyError> {
    let mut j = judge_share_value(part, whole, printed)?;
    settle_range(&mut j, || {
        share_range(rounding, part, whole, places(printed))
    });
    Ok(j)
}

/// Judges a printed growth rate `(new − old) / old × 100`.
///
/// # Errors
/// [`MoneyError::ZeroDenominator`] for a zero `old`; overflow.
pub fn judge_growth(
    rounding: Rounding,
    new: Wan,
    old: Wan,
    printed: Percent,
) -> Result<PercentJudged, MoneyError> {
    let dp = places(printed);
    judge(
        || growth_rounded(new, old),
        || {
            ratio(new.value(), old.value())
                .and_then(|r| r.checked_sub(Decimal::ONE_HUNDRED))
                .ok_or(MoneyError::ZeroDenominator {
                    what: "growth",
                    numerator: new.value(),
                })
        },
        || {
            corner_range(
                new.value(),
                half(rounding, new),
                old.value(),
                half(rounding, old),
                Decimal::ONE_HUNDRED,
                dp,
            )
        },
        printed,
    )
}

/// Judges the printed shares of a list of `parts` of `whole`, in printed
/// order, recognising the adjustments that make a complete list sum to
/// 100.00% ([`judge_printed_shares`]). The adjustments are recognised only
/// when there is one printed share per part, the parts add up to `whole`
/// (within their rounding) and the printed shares sum to exactly 100.00%.
///
/// # Errors
/// [`MoneyError::ZeroDenominator`] for a zero `whole`; a negative part
/// ([`MoneyError::NegativePart`]) when the adjustments are looked for;
/// overflow.
pub fn judge_share_list(
    rounding: Rounding,
    whole: Wan,
    parts: &[Wan],
    printed: &[Percent],
) -> Result<Vec<PercentJudged>, MoneyError> {
    // Complete: one share per part, and the parts add up to the whole
    // (within the rounding of the printed parts).
    let complete = parts.len() == printed.len()
        && Wan::checked_sum(parts.iter().copied()).is_some_and(|sum| {
            let bound = parts.iter().fold(Decimal::ZERO, |b, &p| {
                b.saturating_add(rounding.half_of(p).value())
            });
            sum.value()
                .checked_sub(whole.value())
                .is_some_and(|d| d.abs() <= bound)
        });
    // The range of a share that is off is computed only if no list-wide
    // adjustment explains it.
    let mut judged = parts
        .iter()
        .zip(printed)
        .map(|(&part, &p)| judge_share_value(part, whole, p))
        .collect::<Result<Vec<_>, _>>()?;
    // The list-wide adjustments matter only when some share is off.
    let all_exact = judged
        .iter()
        .all(|j| j.agreement == PercentAgreement::Exact);
    let adjustments = if complete && !all_exact {
        share_adjustments(parts, printed)?
    } else {
        Vec::new()
    };
    for (j, adjustment) in judged.iter_mut().zip(adjustments) {
        if j.agreement == PercentAgreement::Exact {
            continue;
        }
        if let Some(adjustment) = adjustment {
            j.agreement = PercentAgreement::Adjusted(adjustment);
        }
    }
    for (j, &part) in judged.iter_mut().zip(parts) {
        let dp = places(j.actual);
        settle_range(j, || share_range(rounding, part, whole, dp));
    }
    Ok(judged)
}

/// The adjustment each printed share is explained by, as
/// [`judge_printed_shares`] recognises them (`None`: exact or a mismatch).
fn share_adjustments(
    parts: &[Wan],
    printed: &[Percent],
) -> Result<Vec<Option<ShareAdjustment>>, MoneyError> {
    if let Some(fast) = share_adjustments_in_hundredths(parts, printed) {
        return Ok(fast);
    }
    Ok(judge_printed_shares(parts, printed)?
        .iter()
        .map(|v| match v {
            ShareVerdict::LastItemResidual { .. } => Some(ShareAdjustment::LastItemResidual),
            ShareVerdict::LargestRemainder { .. } => Some(ShareAdjustment::LargestRemainder),
            _ => None,
        })
        .collect())
}

/// [`share_adjustments`] on integers, for parts printed with at most two
/// decimals, non-negative and not all zero (the shares of their sum in
/// hundredths of a percent: rounded half away from zero, with the 尾差 on
/// the last, and by largest remainder, ties to the earlier part, exactly as
/// [`yusuan_money::shares::allocate`] computes them); `None` otherwise,
/// for the general path (which also reports the errors).
fn share_adjustments_in_hundredths(
    parts: &[Wan],
    printed: &[Percent],
) -> Option<Vec<Option<ShareAdjustment>>> {
    const UNITS: i128 = 10_000; // 100.00% in 0.01 steps
    let mut ints: Vec<i128> = Vec::with_capacity(parts.len());
    for &p in parts {
        let h = i128::from(hundredths(p)?);
        if h < 0 {
            return None;
        }
        ints.push(h);
    }
    let sum: i128 = ints.iter().sum();
    if sum == 0 {
        return None;
    }
    let rounded: Vec<i128> = ints
        .iter()
        .map(|&x| {
            let n = x * UNITS;
            let (q, r) = (n / sum, n % sum);
            if 2 * r >= sum {
                q + 1
            } else {
                q
            }
        })
        .collect();
    let mut largest: Vec<i128> = ints.iter().map(|&x| x * UNITS / sum).collect();
    let remainders: Vec<i128> = ints.iter().map(|&x| x * UNITS % sum).collect();
    let missing = usize::try_from(UNITS - largest.iter().sum::<i128>()).ok()?;
    let mut order: Vec<usize> = (0..ints.len()).collect();
    order.sort_by(|&a, &b| remainders.get(b).cmp(&remainders.get(a)).then(a.cmp(&b)));
    for &i in order.iter().take(missing) {
        if let Some(f) = largest.get_mut(i) {
            *f += 1;
        }
    }
    let last = printed.len().checked_sub(1);
    let residual = last.and_then(|l| {
        let others: i128 = rounded.iter().take(l).sum();
        Some(UNITS - others).filter(|_| l < rounded.len())
    });
    let printed_sum = printed
        .iter()
        .try_fold(Percent::default(), |acc, p| acc.checked_add(*p));
    let sums_to_hundred = parts.len() == printed.len() && printed_sum == Some(Percent::HUNDRED);
    let percent = |h: i128| {
        i64::try_from(h)
            .ok()
            .map(|h| Percent::new(Decimal::new(h, 2)))
    };
    Some(
        printed
            .iter()
            .zip(&rounded)
            .enumerate()
            .map(|(i, (&p, &r))| {
                if Some(p) == percent(r) {
                    None
                } else if sums_to_hundred
                    && Some(i) == last
                    && residual.and_then(percent) == Some(p)
                {
                    Some(ShareAdjustment::LastItemResidual)
                } else if sums_to_hundred && largest.get(i).and_then(|&h| percent(h)) == Some(p) {
                    Some(ShareAdjustment::LargestRemainder)
                } else {
                    None
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_percentages_are_the_general_ones(
            a in -10_000_000_000i64..10_000_000_000,
            b in -10_000_000_000i64..10_000_000_000,
            sa in 0u32..4,
            sb in 0u32..4,
        ) {
            let a = Wan::new(Decimal::new(a, sa));
            let b = Wan::new(Decimal::new(b, sb));
            let same = |x: Result<Percent, MoneyError>, y: Result<Percent, MoneyError>| match (x, y) {
                (Ok(x), Ok(y)) => x == y && x.points().scale() == y.points().scale(),
                (Err(x), Err(y)) => x == y,
                _ => false,
            };
            prop_assert!(same(share_rounded(a, b), Percent::share(a, b)));
            prop_assert!(same(growth_rounded(a, b), Percent::growth(a, b)));
        }
    }

    proptest! {
        #[test]
        fn fast_share_adjustments_are_those_of_yusuan_money(
            parts in proptest::collection::vec(0i64..2_000_000, 1..6),
            scale in 0u32..3,
            tweak in proptest::collection::vec(-2i64..3, 1..6),
            residual in any::<bool>(),
        ) {
            let parts: Vec<Wan> = parts.iter().map(|&h| Wan::new(Decimal::new(h, scale))).collect();
            let Ok(alloc) = yusuan_money::shares::allocate(&parts) else { return Ok(()) };
            // Printed shares near the allocations, sometimes exactly one of them.
            let base = if residual { &alloc.last_item_residual } else { &alloc.largest_remainder };
            let printed: Vec<Percent> = base
                .iter()
                .zip(tweak.iter().chain(std::iter::repeat(&0)))
                .map(|(p, &t)| Percent::new(p.points() + Decimal::new(t, 2) * Decimal::from(i64::from(t.abs() == 2))))
                .collect();
            let reference: Vec<Option<ShareAdjustment>> = judge_printed_shares(&parts, &printed)
                .unwrap()
                .iter()
                .map(|v| match v {
                    ShareVerdict::LastItemResidual { .. } => Some(ShareAdjustment::LastItemResidual),
                    ShareVerdict::LargestRemainder { .. } => Some(ShareAdjustment::LargestRemainder),
                    _ => None,
                })
                .collect();
            prop_assert_eq!(share_adjustments_in_hundredths(&parts, &printed), Some(reference));
        }
    }

    #[test]
    fn fast_share_adjustments_fall_back_for_negative_parts() {
        let w = |s: &str| Wan::parse(s).unwrap();
        let p = |s: &str| Percent::parse(s).unwrap();
        assert_eq!(
            share_adjustments_in_hundredths(&[w("-1"), w("2")], &[p("0%"), p("100%")]),
            None
        );
        assert!(share_adjustments(&[w("-1"), w("2")], &[p("0%"), p("100%")]).is_err());
        assert_eq!(
            share_adjustments_in_hundredths(&[w("0"), w("0")], &[p("0%"), p("0%")]),
            None
        );
    }

    #[test]
    fn fast_percentages_round_half_away() {
        let w = |s: &str| Wan::parse(s).unwrap();
        for (a, b) in [
            ("1", "8"),
            ("-1", "8"),
            ("1", "-8"),
            ("0.01", "0.03"),
            ("130.00", "8633.56"),
            ("799", "800"),
        ] {
            assert_eq!(
                share_rounded(w(a), w(b)).unwrap(),
                Percent::share(w(a), w(b)).unwrap()
            );
            assert_eq!(
                growth_rounded(w(a), w(b)).unwrap(),
                Percent::growth(w(a), w(b)).unwrap()
            );
        }
        assert!(share_rounded(w("1"), w("0")).is_err());
    }

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }
    fn p(s: &str) -> Percent {
        Percent::parse(s).unwrap()
    }

    #[test]
    fn seed_growth_rates() {
        // (new, old, printed) from 一般公共预算支出表; hand check:
        // 609.38/3489.14 = 17.465% -> 17.47; 584.00/2846.74 = 20.515% -> 20.51?
        // 584/2846.74 = 0.205147... -> 20.51; 24.95/632.03 = 3.9476% -> 3.95;
        // 0.43/10.37 = 4.1466% -> 4.15; 609.38/3566.14 = 17.0879% -> 17.09.
        for (new, old, printed) in [
            ("4098.52", "3489.14", "17.47%"),
            ("3430.74", "2846.74", "20.51%"),
            ("656.98", "632.03", "3.95%"),
            ("10.80", "10.37", "4.15%"),
            ("4175.52", "3566.14", "17.09%"),
            ("77.00", "77.00", "0.00%"),
        ] {
            let j = judge_growth(Rounding::WAN, w(new), w(old), p(printed)).unwrap();
            assert_eq!(
                j.agreement,
                PercentAgreement::Exact,
                "{new} {old} {printed}"
            );
        }
    }

    #[test]
    fn growth_off_by_a_hundredth_is_an_error_when_the_amounts_are_large() {
        // 17.48% for 609.38 / 3489.14: the box of ±0.005 moves the rate by
        // about 0.0003 points only.
        let j = judge_growth(Rounding::WAN, w("4098.52"), w("3489.14"), p("17.48%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Mismatch);
        assert_eq!(j.expected, p("17.47%"));
        assert_eq!(j.difference, p("0.01"));
    }

    #[test]
    fn growth_within_amount_rounding_is_a_warning() {
        // 0.43 on 10.37: 4.1466%. With ±0.005 on both: (10.795/10.375 − 1) =
        // 4.048% … (10.805/10.365 − 1) = 4.245%: 4.20% is reachable.
        let j = judge_growth(Rounding::WAN, w("10.80"), w("10.37"), p("4.20%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Rounding);
        let j = judge_growth(Rounding::WAN, w("10.80"), w("10.37"), p("4.30%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Mismatch);
    }

    #[test]
    fn growth_of_nothing_is_an_error() {
        assert!(judge_growth(Rounding::WAN, w("1"), w("0"), p("1%")).is_err());
    }

    #[test]
    fn fewer_printed_places_compare_at_that_precision() {
        // 4175.52 / 8633.56 = 48.3638% printed as 48.4%.
        let j = judge_share(Rounding::WAN, w("4175.52"), w("8633.56"), p("48.4%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Exact);
        let j = judge_share(Rounding::WAN, w("4175.52"), w("8633.56"), p("48%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Exact);
    }

    #[test]
    fn seed_spending_shares() {
        // 基本支出 4,901.81 / 8,633.56 = 56.776% -> 56.78; 项目 43.224% -> 43.22.
        let j = judge_share_list(
            Rounding::WAN,
            w("8633.56"),
            &[w("4901.81"), w("3731.75")],
            &[p("56.78%"), p("43.22%")],
        )
        .unwrap();
        assert!(j.iter().all(|j| j.agreement == PercentAgreement::Exact));
        // 4,098.52 / 4,175.52 = 98.156% -> 98.16; 77 / 4175.52 = 1.844% -> 1.84.
        let j = judge_share_list(
            Rounding::WAN,
            w("4175.52"),
            &[w("4098.52"), w("77.00")],
            &[p("98.16%"), p("1.84%")],
        )
        .unwrap();
        assert!(j.iter().all(|j| j.agreement == PercentAgreement::Exact));
    }

    #[test]
    fn wrong_shares_summing_to_more_than_100_are_errors() {
        // 71.65% / 28.35% printed as 71.73 / 28.34 (sum 100.07).
        let j = judge_share_list(
            Rounding::WAN,
            w("10000.00"),
            &[w("7165.00"), w("2835.00")],
            &[p("71.73%"), p("28.34%")],
        )
        .unwrap();
        assert_eq!(j[0].agreement, PercentAgreement::Mismatch);
        assert_eq!(j[1].agreement, PercentAgreement::Mismatch);
    }

    #[test]
    fn small_amounts_leave_room_for_rounding() {
        // 28.35 of 100.00 may be 28.345 … 28.355 of 99.995 … 100.005:
        // 28.34% is reachable, a warning rather than an error.
        let j = judge_share(Rounding::WAN, w("28.35"), w("100.00"), p("28.34%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Rounding);
    }

    #[test]
    fn residual_not_recognised_on_a_partial_list() {
        // Only the last share quoted: 1.50% for 1.5057% is wrong on its own.
        let j =
            judge_share_list(Rounding::WAN, w("8633.56"), &[w("130.00")], &[p("1.50%")]).unwrap();
        assert_eq!(j[0].agreement, PercentAgreement::Mismatch);
    }

    #[test]
    fn share_within_amount_rounding_is_a_warning() {
        // 0.01 of 0.03: 33.33%; with ±0.005 on the part, 16.67% … 50%.
        let j = judge_share(Rounding::WAN, w("0.01"), w("0.03"), p("40.00%")).unwrap();
        assert_eq!(j.agreement, PercentAgreement::Rounding);
    }
}
