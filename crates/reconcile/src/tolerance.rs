//! Rounding tolerance (舍入误差): when a printed total may differ from the sum
//! of its printed parts without anyone having erred.
//!
//! Disclosures print every cell rounded to 0.01 of the printed unit (万元, or
//! 元 in many local templates), one cell at a time and often from a 元
//! ledger. The sum of `n` rounded parts can therefore differ from the rounded
//! total. The policy here, applied by every arithmetic rule:
//!
//! - the printed figures agree exactly: **pass**;
//! - they differ by no more than `n × 0.005` of the printed unit, `n` being the
//!   number of printed parts: a **warning** that says the difference is
//!   consistent with rounding, and gives `n` and the bound;
//! - they differ by more: an **error**.
//!
//! Two figures that should be the same amount printed in two places (a 类 row
//! of one table and the same line of another) count as `n = 2`: either may
//! have been rounded from a different unrounded computation, so they may
//! differ by 0.01.
//!
//! A figure printed with fewer decimals than the unit's two (the narrative's
//! `1,912.9`) widens the bound by its own coarser rounding
//! (`0.05 − 0.005` for one decimal). A figure printed without a decimal
//! point (`70`) is taken as exact.
//!
//! ```
//! use yusuan_reconcile::tolerance::{Agreement, Rounding};
//! use yusuan_money::Wan;
//! let w = |s: &str| Wan::parse(s).unwrap();
//! let r = Rounding::WAN;
//! // 本年收入合计 8,179.19 = 4,175.52 + 568.77 + 3,434.90: exact.
//! let ok = r.judge_sum(w("8179.19"), &[w("4175.52"), w("568.77"), w("3434.90")]).unwrap();
//! assert_eq!(ok.agreement, Agreement::Exact);
//! // 2,336.91 printed against class rows adding to 2,336.92 (3 parts): rounding.
//! let near = r.judge_sum(w("2336.91"), &[w("1000.00"), w("1000.00"), w("336.92")]).unwrap();
//! assert_eq!(near.agreement, Agreement::Rounding);
//! assert_eq!(near.bound, w("0.015"));
//! // One whole 万元 off: an error.
//! let bad = r.judge_sum(w("8180.19"), &[w("4175.52"), w("568.77"), w("3434.90")]).unwrap();
//! assert_eq!(bad.agreement, Agreement::Mismatch);
//! assert_eq!(bad.difference, w("1.00"));
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use yusuan_money::Wan;

/// How two printed figures relate under the rounding policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Equal (or, for an inequality, satisfied).
    Exact,
    /// Different, but within the rounding bound: a warning.
    Rounding,
    /// Different beyond the rounding bound: an error.
    Mismatch,
}

/// The rounding precision of the printed unit of a disclosure.
///
/// Amounts are stored in 万元 ([`Wan`]) whatever unit the document prints;
/// the tolerance depends on the printed unit: half of 0.01 万元 is 0.005 万元,
/// half of 0.01 元 is 0.0000005 万元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rounding {
    /// Half of the last printed place, in 万元.
    half_unit: Decimal,
}

impl Rounding {
    /// Tables printed in 万元 with two decimals: half unit 0.005 万元.
    pub const WAN: Rounding = Rounding {
        half_unit: Decimal::from_parts(5, 0, 0, false, 3),
    };
    /// Tables printed in 元 with two decimals: half unit 0.005 元
    /// (0.0000005 万元).
    pub const YUAN: Rounding = Rounding {
        half_unit: Decimal::from_parts(5, 0, 0, false, 7),
    };

    /// Half of the last printed place of the unit, in 万元 (0.005 for
    /// [`Rounding::WAN`]).
    pub fn half_unit(self) -> Wan {
        Wan::new(self.half_unit)
    }

    /// The extra rounding (in 万元) a figure printed with fewer decimals than
    /// the unit carries: `0.5 × 10^−scale − half_unit` when positive, else zero. A
    /// figure without a decimal point (scale 0 in 万元) counts as exact.
    pub fn coarse_extra(self, printed: Wan) -> Decimal {
        let scale = printed.value().scale();
        // The unit's own places: 0.005 → 2, 0.0000005 → 6.
        let unit_places = self.half_unit.scale().saturating_sub(1);
        if scale == 0 || scale >= unit_places {
            return Decimal::ZERO;
        }
        // 0.5 × 10^-scale − half_unit
        Decimal::from_i128_with_scale(5, scale.saturating_add(1).min(28)) - self.half_unit
    }

    /// How far one printed figure may be from its unrounded value: half a
    /// unit, more if it is printed with fewer decimals.
    pub fn half_of(self, printed: Wan) -> Wan {
        let extra = self.coarse_extra(printed);
        if extra.is_zero() {
            Wan::new(self.half_unit)
        } else {
            Wan::new(self.half_unit.saturating_add(extra))
        }
    }

    /// The rounding bound of `total = Σ parts`: `n × half_unit` for the `n`
    /// parts, widened for any figure printed with fewer decimals.
    pub fn bound(self, total: Wan, parts: &[Wan]) -> Wan {
        let n = Decimal::from(parts.len());
        let mut bound = self.half_unit.checked_mul(n).unwrap_or(Decimal::MAX);
        for &p in parts.iter().chain(std::iter::once(&total)) {
            bound = bound.saturating_add(self.coarse_extra(p));
        }
        Wan::new(bound)
    }

    /// Judges a printed `total` against the sum of its printed `parts`.
    ///
    /// `None` only on arithmetic overflow (amounts near 10^28).
    pub fn judge_sum(self, total: Wan, parts: &[Wan]) -> Option<Judged> {
        let expected = Wan::checked_sum(parts.iter().copied())?;
        Some(Judged::new(
            expected,
            total,
            self.bound(total, parts),
            parts.len(),
        ))
    }

    /// Judges two printings of what must be the same amount (in two tables,
    /// or a table and the narrative): counted as `n = 2`, so they may differ
    /// by 0.01 of the unit as a rounding warning.
    pub fn judge_same(self, expected: Wan, actual: Wan) -> Judged {
        let bound = self.bound(actual, &[expected, Wan::ZERO]);
        Judged::new(expected, actual, bound, 2)
    }

    /// Judges `actual = minuend − subtrahend` (e.g. 增减额 = 预算数 −
    /// 执行数): two printed parts.
    pub fn judge_difference(self, actual: Wan, minuend: Wan, subtrahend: Wan) -> Option<Judged> {
        let expected = minuend.checked_sub(subtrahend)?;
        let bound = self.bound(actual, &[minuend, subtrahend]);
        Some(Judged::new(expected, actual, bound, 2))
    }

    /// Judges `small ≤ large` between two printed figures: satisfied is
    /// [`Agreement::Exact`]; `small` above `large` by no more than the bound
    /// of two figures is [`Agreement::Rounding`]; more is a mismatch. In the
    /// result `expected` is `large` (the ceiling) and `actual` is `small`.
    pub fn judge_at_most(self, small: Wan, large: Wan) -> Option<Judged> {
        let bound = self.bound(small, &[large, Wan::ZERO]);
        let difference = small.checked_sub(large)?;
        let agreement = if difference.value() <= Decimal::ZERO {
            Agreement::Exact
        } else if difference <= bound {
            Agreement::Rounding
        } else {
            Agreement::Mismatch
        };
        Some(Judged {
            expected: large,
            actual: small,
            difference,
            bound,
            parts: 2,
            agreement,
        })
    }
}

impl Judged {
    /// Judges `actual` against `expected` with an explicit rounding `bound`
    /// computed for `parts` printed parts (for figures printed in different
    /// units, sum their [`Rounding::half_of`]).
    pub fn new(expected: Wan, actual: Wan, bound: Wan, parts: usize) -> Judged {
        let difference = actual
            .checked_sub(expected)
            .unwrap_or(Wan::new(Decimal::MAX));
        let agreement = if difference.is_zero() {
            Agreement::Exact
        } else if difference.abs() <= bound {
            Agreement::Rounding
        } else {
            Agreement::Mismatch
        };
        Judged {
            expected,
            actual,
            difference,
            bound,
            parts,
            agreement,
        }
    }
}

/// The outcome of one arithmetic comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judged {
    /// What the identity computes from the other printed figures.
    pub expected: Wan,
    /// The printed figure under test.
    pub actual: Wan,
    /// `actual − expected`.
    pub difference: Wan,
    /// The rounding bound applied.
    pub bound: Wan,
    /// `n`, the number of printed parts the bound was computed for.
    pub parts: usize,
    /// The verdict.
    pub agreement: Agreement,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }

    #[test]
    fn seed_income_identity_is_exact() {
        // 收入总计 8,633.56 = 本年收入合计 8,179.19 + 结余 130.00 + 上年结转 324.37.
        let j = Rounding::WAN
            .judge_sum(w("8633.56"), &[w("8179.19"), w("130.00"), w("324.37")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Exact);
        assert_eq!(j.expected, w("8633.56"));
        assert_eq!(j.bound, w("0.015"));
    }

    #[test]
    fn rounding_bound_is_n_half_units() {
        let r = Rounding::WAN;
        // +0.01 on a total of 3 parts: within 0.015.
        let j = r
            .judge_sum(w("8179.20"), &[w("4175.52"), w("568.77"), w("3434.90")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Rounding);
        assert_eq!(j.difference, w("0.01"));
        // +0.02 on 3 parts: still within 0.015? no: 0.02 > 0.015.
        let j = r
            .judge_sum(w("8179.21"), &[w("4175.52"), w("568.77"), w("3434.90")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
        // one part: bound 0.005, so 0.01 is an error (a total of one part must
        // equal it: both are the same rounded value).
        let j = r.judge_sum(w("25.01"), &[w("25.00")]).unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
        assert_eq!(j.bound, w("0.005"));
        // no parts at all: the total must be zero.
        let j = r.judge_sum(w("1.00"), &[]).unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
        assert_eq!(j.expected, Wan::ZERO);
    }

    #[test]
    fn same_amount_in_two_places_may_differ_by_one_hundredth() {
        let r = Rounding::WAN;
        assert_eq!(
            r.judge_same(w("326.71"), w("326.72")).agreement,
            Agreement::Rounding
        );
        assert_eq!(
            r.judge_same(w("326.71"), w("326.73")).agreement,
            Agreement::Mismatch
        );
        assert_eq!(
            r.judge_same(w("4175.52"), w("4175.52")).agreement,
            Agreement::Exact
        );
    }

    #[test]
    fn coarse_printing_widens_the_bound() {
        let r = Rounding::WAN;
        // 政府采购 1,912.9 = 128.22 + 1,784.68 = 1,912.90: exact.
        let j = r
            .judge_sum(w("1912.9"), &[w("128.22"), w("1784.68")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Exact);
        // 0.01 + (0.05 − 0.005) = 0.055
        assert_eq!(j.bound, w("0.055"));
        // 1,912.9 printed for parts adding to 1,912.87: rounding to one decimal.
        let j = r
            .judge_sum(w("1912.9"), &[w("128.22"), w("1784.65")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Rounding);
        // An integer-printed figure is exact: no widening.
        assert_eq!(r.bound(w("70"), &[w("70")]), w("0.005"));
    }

    #[test]
    fn yuan_documents_use_a_yuan_bound() {
        let r = Rounding::YUAN;
        let y = |s: &str| Wan::from_yuan_exact(s.parse().unwrap());
        // 0.01 元 off on two parts: within 2 × 0.005 元.
        let j = r
            .judge_sum(y("300.01"), &[y("100.00"), y("200.00")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Rounding);
        assert_eq!(
            j.bound.to_yuan().unwrap(),
            "0.01".parse::<Decimal>().unwrap()
        );
        // 1 元 off: an error, although it is only 0.0001 万元.
        let j = r
            .judge_sum(y("301.00"), &[y("100.00"), y("200.00")])
            .unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
        // A 元 table printed in whole 元 rounds to 1 元.
        let j = r.judge_sum(y("301"), &[y("100.4"), y("200.4")]).unwrap();
        assert_eq!(j.agreement, Agreement::Rounding);
    }

    #[test]
    fn at_most() {
        let r = Rounding::WAN;
        // T4 上年结转 324.37 ≤ T1 上年结转 324.37
        assert_eq!(
            r.judge_at_most(w("324.37"), w("324.37")).unwrap().agreement,
            Agreement::Exact
        );
        assert_eq!(
            r.judge_at_most(w("324.38"), w("324.37")).unwrap().agreement,
            Agreement::Rounding
        );
        let j = r.judge_at_most(w("325.37"), w("324.37")).unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
        assert_eq!(j.difference, w("1.00"));
    }

    #[test]
    fn difference() {
        let r = Rounding::WAN;
        // 增减额 609.38 = 4,098.52 − 3,489.14
        let j = r
            .judge_difference(w("609.38"), w("4098.52"), w("3489.14"))
            .unwrap();
        assert_eq!(j.agreement, Agreement::Exact);
        let j = r
            .judge_difference(w("610.38"), w("4098.52"), w("3489.14"))
            .unwrap();
        assert_eq!(j.agreement, Agreement::Mismatch);
    }
}
