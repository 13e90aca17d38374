//! Column assignment: which printed number goes to which column.
//!
//! Extracted text drops blank cells, so a row printing `k` numbers under `n`
//! columns (`k < n`) can be read several ways. The numbers keep their
//! printed order; what is unknown is which columns are blank. This module
//! enumerates the order-preserving placements of a row, keeps those that
//! satisfy the row's identities (小计 = 基本 + 项目, 增减额 = 预算 − 执行 …),
//! then narrows them with the identities between rows (a parent = Σ its
//! children, the 合计 row = Σ the top rows) and with fixed cells given by
//! other tables, by propagation until nothing changes. Whatever is left
//! with more than one reading is reported, never guessed.

use rust_decimal::Decimal;

/// One printed cell of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val {
    Amount(Decimal),
    Percent(Decimal),
    /// A printed dash ("no amount").
    Dash,
}

impl Val {
    /// The value in sums: a dash or blank counts as zero.
    pub fn num(self) -> Decimal {
        match self {
            Val::Amount(d) | Val::Percent(d) => d,
            Val::Dash => Decimal::ZERO,
        }
    }
}

/// An identity that holds within every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowRule {
    /// `total = Σ parts` (blank = 0).
    Sum { total: usize, parts: Vec<usize> },
    /// `small ≤ big`.
    AtMost { small: usize, big: usize },
    /// `result = minuend − subtrahend`.
    Diff {
        result: usize,
        minuend: usize,
        subtrahend: usize,
    },
    /// `percent = change / base × 100` rounded to 2 places (when base ≠ 0).
    Growth {
        percent: usize,
        change: usize,
        base: usize,
    },
    /// The column must be printed (non-blank).
    Required(usize),
}

impl RowRule {
    /// The same rule over columns shifted by `by` (for a table printing
    /// the same columns for several periods side by side).
    pub fn shifted(&self, by: usize) -> RowRule {
        match self {
            RowRule::Sum { total, parts } => RowRule::Sum {
                total: total + by,
                parts: parts.iter().map(|p| p + by).collect(),
            },
            RowRule::AtMost { small, big } => RowRule::AtMost {
                small: small + by,
                big: big + by,
            },
            RowRule::Diff {
                result,
                minuend,
                subtrahend,
            } => RowRule::Diff {
                result: result + by,
                minuend: minuend + by,
                subtrahend: subtrahend + by,
            },
            RowRule::Growth {
                percent,
                change,
                base,
            } => RowRule::Growth {
                percent: percent + by,
                change: change + by,
                base: base + by,
            },
            RowRule::Required(c) => RowRule::Required(c + by),
        }
    }
}

/// A placement: `cols[i]` is the column of the row's `i`-th value.
pub(crate) type Placement = Vec<usize>;

/// A row under solution.
#[derive(Debug, Clone)]
pub(crate) struct SRow {
    pub values: Vec<Val>,
    pub cands: Vec<Placement>,
    /// Whether some placement satisfied all row rules.
    pub consistent: bool,
    /// How many order-preserving placements the printed numbers allowed
    /// before any identity was applied: more than one means the columns
    /// were chosen by identities (or by position), not read off the page.
    pub initial: usize,
    /// Whether the printed column positions chose among the placements.
    pub by_position: bool,
}

impl SRow {
    /// The value of column `c` under placement `p` (None = blank).
    pub fn get(&self, p: &Placement, c: usize) -> Option<Val> {
        p.iter()
            .position(|&x| x == c)
            .and_then(|i| self.values.get(i).copied())
    }
    fn num(&self, p: &Placement, c: usize) -> Decimal {
        self.get(p, c).map_or(Decimal::ZERO, Val::num)
    }
}

/// Upper bound on placements enumerated for one row.
const MAX_PLACEMENTS: usize = 20_000;
/// Upper bound on distinct partial sums kept by the propagation.
const MAX_SUMS: usize = 4_096;

/// Whether value `v` may sit in a column of this kind.
fn fits(v: Val, col_is_percent: bool) -> bool {
    match v {
        Val::Amount(_) => !col_is_percent,
        Val::Percent(_) => col_is_percent,
        Val::Dash => true,
    }
}

/// All order-preserving placements of `values` into `percent_cols.len()`
/// columns, respecting the value kinds. `None` if there are too many.
pub(crate) fn placements(values: &[Val], percent_cols: &[bool]) -> Option<Vec<Placement>> {
    let n = percent_cols.len();
    let k = values.len();
    let mut out = Vec::new();
    if k > n {
        return Some(out);
    }
    let mut cur: Vec<usize> = Vec::with_capacity(k);
    fn rec(
        i: usize,
        from: usize,
        values: &[Val],
        pc: &[bool],
        cur: &mut Vec<usize>,
        out: &mut Vec<Placement>,
    ) -> bool {
        if i == values.len() {
            out.push(cur.clone());
            return out.len() <= MAX_PLACEMENTS;
        }
        let remaining = values.len() - i;
        let Some(v) = values.get(i).copied() else {
            return true;
        };
        for c in from..=(pc.len().saturating_sub(remaining)) {
            if pc.get(c).is_some_and(|&p| fits(v, p)) {
                cur.push(c);
                let ok = rec(i + 1, c + 1, values, pc, cur, out);
                cur.pop();
                if !ok {
                    return false;
                }
            }
        }
        true
    }
    if rec(0, 0, values, percent_cols, &mut cur, &mut out) {
        Some(out)
    } else {
        None
    }
}

fn close(a: Decimal, b: Decimal, tol: Decimal) -> bool {
    (a - b).abs() <= tol
}

/// Whether placement `p` of `row` satisfies `rule` (`tol` per added term).
pub(crate) fn satisfies(row: &SRow, p: &Placement, rule: &RowRule, half_unit: Decimal) -> bool {
    match rule {
        RowRule::Sum { total, parts } => {
            let t = row.num(p, *total);
            let mut s = Decimal::ZERO;
            let mut terms = 0i64;
            for &c in parts {
                if row.get(p, c).is_some() {
                    terms += 1;
                }
                s += row.num(p, c);
            }
            close(t, s, half_unit * Decimal::from(terms.max(1)))
        }
        RowRule::AtMost { small, big } => row.num(p, *small) <= row.num(p, *big) + half_unit,
        RowRule::Diff {
            result,
            minuend,
            subtrahend,
        } => close(
            row.num(p, *result),
            row.num(p, *minuend) - row.num(p, *subtrahend),
            half_unit * Decimal::from(3),
        ),
        RowRule::Growth {
            percent,
            change,
            base,
        } => {
            let b = row.num(p, *base);
            let printed = row.get(p, *percent);
            if b.is_zero() {
                return !matches!(printed, Some(Val::Percent(x)) if !x.is_zero());
            }
            let Some(Val::Percent(pv)) = printed else {
                // a blank or dashed percentage beside a non-zero base
                return printed.is_none() && row.num(p, *change).is_zero()
                    || matches!(printed, Some(Val::Dash));
            };
            let ch = row.num(p, *change);
            match ch
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(b))
            {
                Some(g) => close(yusuan_money::round_half_away(g, 2), pv, Decimal::new(1, 2)),
                None => false,
            }
        }
        RowRule::Required(c) => matches!(row.get(p, *c), Some(Val::Amount(_))),
    }
}

/// Builds a row's candidates: all placements satisfying the rules, or all
/// placements (marked inconsistent) when none does. `None` when the row
/// has too many placements to enumerate.
pub(crate) fn new_row(
    values: Vec<Val>,
    percent_cols: &[bool],
    rules: &[RowRule],
    half_unit: Decimal,
) -> Option<SRow> {
    let all = placements(&values, percent_cols)?;
    if values.is_empty() {
        let initial = all.len();
        return Some(SRow {
            values,
            cands: all,
            consistent: true,
            initial,
            by_position: false,
        });
    }
    let mut row = SRow {
        values,
        cands: Vec::new(),
        consistent: true,
        initial: all.len(),
        by_position: false,
    };
    let good: Vec<Placement> = all
        .iter()
        .filter(|p| rules.iter().all(|r| satisfies(&row, p, r, half_unit)))
        .cloned()
        .collect();
    if good.is_empty() {
        // Required rules still apply: the document may be wrong, not the
        // column a total must sit in.
        let req: Vec<Placement> = all
            .iter()
            .filter(|p| {
                rules
                    .iter()
                    .filter(|r| matches!(r, RowRule::Required(_)))
                    .all(|r| satisfies(&row, p, r, half_unit))
            })
            .cloned()
            .collect();
        row.cands = if req.is_empty() { all } else { req };
        row.consistent = false;
    } else {
        row.cands = good;
    }
    Some(row)
}

/// A sum over rows: `rows[parent].c = Σ rows[children].c` for every amount
/// column `c` in `cols`.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub parent: usize,
    pub children: Vec<usize>,
}

/// A cell fixed from outside (another table): `rows[row].col` must equal
/// `value` (`Eq`) or be at least / at most it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fix {
    Eq(Decimal),
    AtLeast(Decimal),
}

/// The set of values column `c` can take in row `r` (blank = 0).
fn domain(row: &SRow, c: usize) -> Vec<Decimal> {
    let mut d: Vec<Decimal> = row.cands.iter().map(|p| row.num(p, c)).collect();
    d.sort();
    d.dedup();
    d
}

/// Sorted, deduplicated sums of one value from each domain; `None` if too many.
fn sums(domains: &[&Vec<Decimal>]) -> Option<Vec<Decimal>> {
    let mut s = vec![Decimal::ZERO];
    for d in domains {
        let mut next = Vec::with_capacity(s.len() * d.len());
        for a in &s {
            for b in d.iter() {
                next.push(*a + *b);
            }
        }
        next.sort();
        next.dedup();
        if next.len() > MAX_SUMS {
            return None;
        }
        s = next;
    }
    Some(s)
}

fn any_near(sorted: &[Decimal], target: Decimal, tol: Decimal) -> bool {
    let i = sorted.partition_point(|x| *x < target - tol);
    sorted.get(i).is_some_and(|x| *x <= target + tol)
}

/// Narrows candidates by the groups and fixes until nothing changes.
/// Filters that would leave a row without candidates are not applied (the
/// document is inconsistent there; the reconciliation will say so).
pub(crate) fn propagate(
    rows: &mut [SRow],
    sum_cols: &[usize],
    groups: &[Group],
    fixes: &[(usize, usize, Fix)],
    half_unit: Decimal,
) {
    for _round in 0..32 {
        let mut changed = false;
        for &(r, c, fix) in fixes {
            if let Some(row) = rows.get_mut(r) {
                let keep: Vec<Placement> = row
                    .cands
                    .iter()
                    .filter(|p| {
                        let v = row.num(p, c);
                        match fix {
                            Fix::Eq(x) => close(v, x, half_unit * Decimal::from(2)),
                            Fix::AtLeast(x) => v + half_unit * Decimal::from(2) >= x,
                        }
                    })
                    .cloned()
                    .collect();
                if !keep.is_empty() && keep.len() < row.cands.len() {
                    row.cands = keep;
                    changed = true;
                }
            }
        }
        for g in groups {
            for &c in sum_cols {
                let tol = half_unit * Decimal::from(g.children.len() as u64 + 1);
                let Some(parent) = rows.get(g.parent) else {
                    continue;
                };
                let pd = domain(parent, c);
                let child_domains: Vec<Vec<Decimal>> = g
                    .children
                    .iter()
                    .filter_map(|&ch| rows.get(ch).map(|r| domain(r, c)))
                    .collect();
                if child_domains.len() != g.children.len() {
                    continue;
                }
                if pd.len() == 1 && child_domains.iter().all(|d| d.len() == 1) {
                    continue;
                }
                let refs: Vec<&Vec<Decimal>> = child_domains.iter().collect();
                let Some(total) = sums(&refs) else { continue };
                // parent values supported by some children sum
                let p_ok: Vec<Decimal> = pd
                    .iter()
                    .copied()
                    .filter(|v| any_near(&total, *v, tol))
                    .collect();
                // child values supported: prefix + v + suffix near a parent value.
                // Only children with a choice need checking; the fixed ones
                // add a constant.
                let open: Vec<usize> = (0..child_domains.len())
                    .filter(|&i| child_domains.get(i).is_some_and(|d| d.len() > 1))
                    .collect();
                let mut child_ok: Vec<Vec<Decimal>> = child_domains.clone();
                let mut feasible = open.len() <= 64;
                if feasible {
                    let fixed: Decimal = child_domains
                        .iter()
                        .filter(|d| d.len() == 1)
                        .filter_map(|d| d.first())
                        .sum();
                    for &i in &open {
                        let others: Vec<&Vec<Decimal>> = open
                            .iter()
                            .filter(|&&j| j != i)
                            .filter_map(|&j| child_domains.get(j))
                            .collect();
                        let Some(rest) = sums(&others) else {
                            feasible = false;
                            break;
                        };
                        let ok: Vec<Decimal> = child_domains
                            .get(i)
                            .map(|d| {
                                d.iter()
                                    .copied()
                                    .filter(|v| {
                                        p_ok.iter().any(|pv| any_near(&rest, *pv - *v - fixed, tol))
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        if let Some(slot) = child_ok.get_mut(i) {
                            *slot = ok;
                        }
                    }
                }
                if !feasible || p_ok.is_empty() {
                    continue;
                }
                // apply
                if let Some(parent) = rows.get_mut(g.parent) {
                    changed |= restrict(parent, c, &p_ok);
                }
                for (i, &ch) in g.children.iter().enumerate() {
                    if let (Some(row), Some(ok)) = (rows.get_mut(ch), child_ok.get(i)) {
                        changed |= restrict(row, c, ok);
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Keeps the candidates whose column `c` takes one of `allowed`; returns
/// whether anything was removed. Never empties a row.
fn restrict(row: &mut SRow, c: usize, allowed: &[Decimal]) -> bool {
    let keep: Vec<Placement> = row
        .cands
        .iter()
        .filter(|p| allowed.contains(&row.num(p, c)))
        .cloned()
        .collect();
    if !keep.is_empty() && keep.len() < row.cands.len() {
        row.cands = keep;
        true
    } else {
        false
    }
}

/// The columns on which a row's remaining candidates disagree.
pub(crate) fn ambiguous_columns(row: &SRow, ncols: usize) -> Vec<usize> {
    (0..ncols)
        .filter(|&c| {
            let first = row.cands.first().map(|p| row.get(p, c));
            row.cands.iter().any(|p| Some(row.get(p, c)) != first)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Val {
        Val::Amount(s.parse().unwrap())
    }
    fn pc(s: &str) -> Val {
        Val::Percent(s.parse().unwrap())
    }
    fn hu() -> Decimal {
        Decimal::new(5, 3)
    }

    /// The seed's 一般公共预算支出表 columns.
    fn t5() -> (Vec<bool>, Vec<RowRule>) {
        let pct = vec![
            false, false, false, false, false, false, false, true, false, true,
        ];
        let rules = vec![
            RowRule::Sum {
                total: 2,
                parts: vec![3, 4],
            },
            RowRule::Diff {
                result: 6,
                minuend: 2,
                subtrahend: 0,
            },
            RowRule::Growth {
                percent: 7,
                change: 6,
                base: 0,
            },
            RowRule::Diff {
                result: 8,
                minuend: 5,
                subtrahend: 1,
            },
            RowRule::Growth {
                percent: 9,
                change: 8,
                base: 1,
            },
        ];
        (pct, rules)
    }

    #[test]
    fn placements_respect_order_and_kinds() {
        let p = placements(&[a("1"), pc("2")], &[false, false, true]).unwrap();
        assert_eq!(p, vec![vec![0, 2], vec![1, 2]]);
        assert!(placements(&[a("1"), a("2")], &[false]).unwrap().is_empty());
    }

    #[test]
    fn seed_t5_blank_is_resolved_by_the_tree() {
        let (pct, rules) = t5();
        // 20801, 2080108, 2080150 of the seed (values as printed there)
        let r20801 = [
            "3478.77", "3478.77", "4087.72", "656.98", "3430.74", "4087.72", "608.95",
        ];
        let mut v: Vec<Val> = r20801.iter().map(|s| a(s)).collect();
        v.push(pc("17.50"));
        v.push(a("608.95"));
        v.push(pc("17.50"));
        let p = new_row(v, &pct, &rules, hu()).unwrap();
        assert_eq!(p.cands.len(), 1);
        let r108 = vec![
            a("2846.74"),
            a("2846.74"),
            a("3430.74"),
            a("3430.74"),
            a("3430.74"),
            a("584.00"),
            pc("20.51"),
            a("584.00"),
            pc("20.51"),
        ];
        let c108 = new_row(r108, &pct, &rules, hu()).unwrap();
        assert_eq!(c108.cands.len(), 2); // 基本 or 项目 blank
        let r150 = vec![
            a("632.03"),
            a("632.03"),
            a("656.98"),
            a("656.98"),
            a("656.98"),
            a("24.95"),
            pc("3.95"),
            a("24.95"),
            pc("3.95"),
        ];
        let c150 = new_row(r150, &pct, &rules, hu()).unwrap();
        assert_eq!(c150.cands.len(), 2);
        let mut rows = vec![p, c108, c150];
        let groups = vec![Group {
            parent: 0,
            children: vec![1, 2],
        }];
        let sum_cols: Vec<usize> = vec![0, 1, 2, 3, 4, 5, 6, 8];
        propagate(&mut rows, &sum_cols, &groups, &[], hu());
        assert_eq!(rows[1].cands, vec![vec![0, 1, 2, 4, 5, 6, 7, 8, 9]]); // 基本 blank
        assert_eq!(rows[2].cands, vec![vec![0, 1, 2, 3, 5, 6, 7, 8, 9]]); // 项目 blank
    }

    #[test]
    fn inconsistent_rows_keep_every_reading() {
        let rules = vec![RowRule::Sum {
            total: 0,
            parts: vec![1, 2],
        }];
        let r = new_row(vec![a("10"), a("3"), a("3")], &[false; 3], &rules, hu()).unwrap();
        assert!(!r.consistent);
        assert_eq!(r.cands.len(), 1);
    }

    #[test]
    fn fixes_decide() {
        let rules = vec![RowRule::Sum {
            total: 0,
            parts: vec![1, 2],
        }];
        let r = new_row(vec![a("10"), a("10")], &[false; 3], &rules, hu()).unwrap();
        assert_eq!(r.cands.len(), 2);
        let mut rows = vec![r];
        propagate(
            &mut rows,
            &[0, 1, 2],
            &[],
            &[(0, 2, Fix::AtLeast("4".parse().unwrap()))],
            hu(),
        );
        assert_eq!(rows[0].cands, vec![vec![0, 2]]);
        assert_eq!(ambiguous_columns(&rows[0], 3), Vec::<usize>::new());
    }
}
