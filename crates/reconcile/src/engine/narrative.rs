//! Rules N3xx: the narrative (情况说明), 政府采购 and 预算绩效管理 against
//! the tables.

use yusuan_money::{Percent, Wan};
use yusuan_tables::{
    Basis, CellRef, Claim, ClaimField, ClaimKind, Column, NumberRef, Period, RowKey, TableKind,
};

use super::{Ctx, Term};
use crate::direction::Direction;
use crate::finding::{CellUse, Location, Severity, Value};
use crate::percent::{judge_growth, judge_share, judge_share_list, share_is_exact};
use crate::rules::Rule;
use crate::tolerance::{Agreement, Judged, Rounding};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    if d.narrative.is_empty() {
        for rule in [
            Rule::NarrativeAmount,
            Rule::NarrativeShare,
            Rule::NarrativeGrowth,
            Rule::NarrativeChange,
            Rule::NarrativeDirection,
            Rule::NarrativeEmptyTable,
            Rule::NarrativeYear,
            Rule::NarrativeComparison,
            Rule::NarrativeChangeRate,
            Rule::NarrativeZeroBase,
            Rule::NarrativeNegativePrior,
            Rule::NarrativeItemAmount,
            Rule::NarrativeWording,
            Rule::NarrativeCompletion,
            Rule::NarrativeCompletionWord,
            Rule::NarrativeTemplateAlternative,
        ] {
            ctx.skip(rule, "没有情况说明");
        }
    }
    amounts(ctx);
    shares(ctx);
    changes(ctx);
    item_amounts(ctx);
    wording(ctx);
    completions(ctx);
    comparisons(ctx);
    no_amounts(ctx);
    years(ctx);
    procurement(ctx);
    performance_management(ctx);
}

fn narr(claim: usize, field: ClaimField, v: Option<Wan>) -> Term {
    Term::new(NumberRef::Narrative { claim, field }, v, Rounding::WAN)
}

/// The table cell a claim refers to, as a term.
fn cell_term(ctx: &Ctx<'_>, c: CellRef) -> Term {
    let at = NumberRef::Cell(c);
    Term::new(
        at,
        ctx.d.get(&at).and_then(|n| n.as_amount()),
        ctx.table_rounding(c.table),
    )
}

/// Whether a cell's row and column were read: the cell exists, and is not
/// blank in a column that is blank in every row (a column printed in the
/// heading whose amounts were never placed: a table of one 金额 column). In
/// the "三公" table a blank item is printed for 0.
fn was_read(ctx: &Ctx<'_>, cell: &CellRef) -> bool {
    if !ctx.d.cell_exists(cell) {
        return false;
    }
    if cell.table == TableKind::ThreePublicExpenditure
        || ctx.d.get(&NumberRef::Cell(*cell)).is_some()
    {
        return true;
    }
    let mut any = false;
    super::walk::table_numbers(ctx.d, cell.table, &mut |_, column, _| {
        any |= column == cell.column;
    });
    any
}

// ------------------------------------------------------------ N301

fn amounts(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    for (i, claim) in d.narrative.iter().enumerate() {
        let main = match &claim.kind {
            ClaimKind::Share { amount, .. }
            | ClaimKind::Total { amount, .. }
            | ClaimKind::Amount { amount, .. } => Some(*amount),
            ClaimKind::Change { amount, .. } | ClaimKind::Comparison { amount, .. } => *amount,
            _ => None,
        };
        if let (Some(cell), Some(v)) = (claim.refers_to, main) {
            // A row or column that was not read is not compared with a blank.
            if was_read(ctx, &cell) {
                let t = cell_term(ctx, cell);
                ctx.same(
                    Rule::NarrativeAmount,
                    t,
                    narr(i, ClaimField::Amount, Some(v)),
                );
            } else {
                ctx.skip(
                    Rule::NarrativeAmount,
                    "说明所指的表格行或列未能读取，未与空白比较",
                );
            }
        }
        match &claim.kind {
            ClaimKind::Total { amount, parts, .. } => {
                for (k, p) in parts.iter().enumerate() {
                    if let Some(cell) = p.refers_to.filter(|c| was_read(ctx, c)) {
                        let t = cell_term(ctx, cell);
                        ctx.same(
                            Rule::NarrativeAmount,
                            t,
                            narr(i, ClaimField::Part(k), Some(p.amount)),
                        );
                    }
                }
                // Parts stated "其中" cannot exceed their total.
                if !parts.is_empty() {
                    let sum = Wan::checked_sum(parts.iter().map(|p| p.amount));
                    if let Some(sum) = sum {
                        // The bound is needed only when the parts exceed the total.
                        let bound = || -> yusuan_money::Decimal {
                            parts.iter().fold(yusuan_money::Decimal::ZERO, |b, p| {
                                b.saturating_add(Rounding::WAN.half_of(p.amount).value())
                            })
                        };
                        // A difference out of range exceeds any bound.
                        let exceeds =
                            |d: Option<yusuan_money::Decimal>| d.map_or(true, |d| d > bound());
                        if sum > *amount && exceeds(sum.value().checked_sub(amount.value())) {
                            let mut terms = vec![narr(i, ClaimField::Amount, Some(*amount))];
                            terms.extend(
                                parts
                                    .iter()
                                    .enumerate()
                                    .map(|(k, p)| narr(i, ClaimField::Part(k), Some(p.amount))),
                            );
                            if let Some((total, parts)) = terms.split_first() {
                                ctx.sum(Rule::NarrativeAmount, *total, parts);
                            }
                        } else {
                            ctx.count(Rule::NarrativeAmount);
                        }
                    }
                }
            }
            ClaimKind::Share {
                whole: Some(w),
                whole_refers_to: Some(cell),
                ..
            } if was_read(ctx, cell) => {
                let t = cell_term(ctx, *cell);
                ctx.same(
                    Rule::NarrativeAmount,
                    t,
                    narr(i, ClaimField::Whole, Some(*w)),
                );
            }
            ClaimKind::Comparison {
                object_amount: Some(v),
                object_refers_to: Some(cell),
                ..
            } if was_read(ctx, cell) => {
                let t = cell_term(ctx, *cell);
                ctx.same(
                    Rule::NarrativeAmount,
                    t,
                    narr(i, ClaimField::ObjectAmount, Some(*v)),
                );
            }
            _ => {}
        }
    }
}

// ------------------------------------------------------------ N302

struct ShareItem {
    claim: usize,
    amount: Wan,
    percent: Percent,
    whole: Term,
}

fn shares(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let mut group: Vec<ShareItem> = Vec::new();
    let mut key: Option<(Option<&str>, Option<&str>)> = None;
    for (i, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::Share {
            amount,
            percent,
            whole,
            whole_subject,
            whole_refers_to,
            ..
        } = &claim.kind
        else {
            flush(ctx, &mut group);
            key = None;
            continue;
        };
        let k = (claim.section.as_deref(), whole_subject.as_deref());
        if key != Some(k) {
            flush(ctx, &mut group);
            key = Some(k);
        }
        let whole_term = match (whole, whole_refers_to) {
            (Some(w), _) => narr(i, ClaimField::Whole, Some(*w)),
            (None, Some(cell)) => cell_term(ctx, *cell),
            // A share of a whole the narrative states elsewhere ("占本年支出
            // 合计的 99.86%" after "本年支出合计 9,759.38 万元"); else of an
            // unstated whole: the group's whole, if any.
            (None, None) => match (stated_whole(d, i, whole_subject.as_deref()), group.first()) {
                (Some((k, v)), _) => narr(k, ClaimField::Amount, Some(v)),
                (None, Some(first)) => first.whole,
                (None, None) => Term::new(
                    NumberRef::Narrative {
                        claim: i,
                        field: ClaimField::Whole,
                    },
                    None,
                    Rounding::WAN,
                ),
            },
        };
        group.push(ShareItem {
            claim: i,
            amount: *amount,
            percent: *percent,
            whole: whole_term,
        });
    }
    flush(ctx, &mut group);
}

/// The amount an earlier claim states for the total a share names
/// (`本年支出合计`, `收入总计`: only names of a 合计 or 总计), and that claim.
fn stated_whole(
    d: &yusuan_tables::Disclosure,
    before: usize,
    name: Option<&str>,
) -> Option<(usize, Wan)> {
    let name = name?;
    if !(name.ends_with("合计") || name.ends_with("总计")) {
        return None;
    }
    d.narrative
        .get(..before)?
        .iter()
        .enumerate()
        .rev()
        .find_map(|(k, c)| match &c.kind {
            ClaimKind::Total {
                subject, amount, ..
            }
            | ClaimKind::Amount { subject, amount }
                if yusuan_money::text::squeeze(subject) == name =>
            {
                Some((k, *amount))
            }
            _ => None,
        })
}

/// Judges one group of shares of the same whole, and empties it.
fn flush(ctx: &mut Ctx<'_>, group: &mut Vec<ShareItem>) {
    if !group.is_empty() {
        judge_group(ctx, group);
        group.clear();
    }
}

fn judge_group(ctx: &mut Ctx<'_>, items: &[ShareItem]) {
    let Some(first) = items.first() else { return };
    let whole = first.whole;
    // Every claim of the group states the same whole.
    for item in items.iter().skip(1) {
        if item.whole.at != whole.at && item.whole.v.is_some() {
            ctx.same(Rule::NarrativeAmount, whole, item.whole);
        }
    }
    let Some(wv) = whole.v else {
        return; // the whole is not stated: nothing to recompute against
    };
    if wv.is_zero() {
        return;
    }
    // Shares printed to add up to 100.00% say the parts make up the whole.
    let printed_sum = items
        .iter()
        .try_fold(Percent::default(), |a, s| a.checked_add(s.percent));
    if items.len() > 1
        && printed_sum == Some(Percent::HUNDRED)
        && !ctx.sum_settled(
            Rule::NarrativeShare,
            whole.v,
            items.iter().map(|s| Some(s.amount)),
        )
    {
        let terms: Vec<Term> = items
            .iter()
            .map(|s| narr(s.claim, ClaimField::Amount, Some(s.amount)))
            .collect();
        ctx.sum(Rule::NarrativeShare, whole, &terms);
    }
    // Settled on the bare values when every printed share is the
    // recomputed one (then no list-wide adjustment is looked for either).
    if items
        .iter()
        .all(|s| share_is_exact(s.amount, wv, s.percent))
    {
        for _ in items {
            ctx.count(Rule::NarrativeShare);
        }
        return;
    }
    let parts: Vec<Wan> = items.iter().map(|s| s.amount).collect();
    let printed: Vec<Percent> = items.iter().map(|s| s.percent).collect();
    let Ok(judged) = judge_share_list(Rounding::WAN, wv, &parts, &printed) else {
        return;
    };
    for (item, j) in items.iter().zip(&judged) {
        let inputs = [
            narr(item.claim, ClaimField::Amount, Some(item.amount)),
            whole,
        ];
        ctx.percent(
            Rule::NarrativeShare,
            NumberRef::Narrative {
                claim: item.claim,
                field: ClaimField::Percent,
            },
            j,
            &inputs,
            "金额 / 总额",
        );
    }
}

// ------------------------------------------------------- N303, N304, N305

/// The table cell holding the comparison figure of a claim that refers to
/// `cell`: the same row's 上年执行数 in the 一般公共预算支出表, the same
/// column of the base period in the "三公" table.
fn base_cell(
    cell: CellRef,
    base_year: Option<u16>,
    base: Option<yusuan_tables::Basis>,
) -> Option<CellRef> {
    match cell.table {
        TableKind::GeneralBudgetExpenditure => {
            let column = match cell.column {
                Column::Total => Column::PriorYear,
                Column::TotalExclCapital => Column::PriorYearExclCapital,
                _ => return None,
            };
            Some(CellRef::new(cell.table, cell.row, column))
        }
        TableKind::ThreePublicExpenditure => {
            let (Some(year), Some(basis)) = (base_year, base) else {
                return None;
            };
            Some(CellRef::new(
                cell.table,
                RowKey::Period(Period { year, basis }),
                cell.column,
            ))
        }
        _ => None,
    }
}

fn direction_of(d: yusuan_tables::Direction) -> Direction {
    match d.sign() {
        1 => Direction::Increase,
        -1 => Direction::Decrease,
        _ => Direction::Flat,
    }
}

fn changes(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    for (i, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::Change {
            amount,
            base_year,
            base,
            base_amount,
            direction,
            change,
            rate_direction,
            rate,
            ..
        } = &claim.kind
        else {
            continue;
        };
        change_claim(
            ctx,
            i,
            claim,
            *amount,
            *base_year,
            *base,
            *base_amount,
            *direction,
            *change,
            *rate_direction,
            *rate,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn change_claim(
    ctx: &mut Ctx<'_>,
    i: usize,
    claim: &Claim,
    amount: Option<Wan>,
    base_year: Option<u16>,
    base: Option<yusuan_tables::Basis>,
    base_amount: Option<Wan>,
    direction: yusuan_tables::Direction,
    change: Option<Wan>,
    rate_direction: Option<yusuan_tables::Direction>,
    rate: Option<Percent>,
) {
    // The prior amount the sentence itself implies: X − A after an
    // increase, X + A after a decrease.
    let implied = implied_prior(amount, direction, change);
    if let (Some(x), Some(a), Some(p)) = (amount, change, implied) {
        if direction.sign() > 0 {
            negative_prior(ctx, i, claim, x, a, p);
        }
    }
    // The new figure: as stated, else the referred cell.
    let new = match (amount, claim.refers_to) {
        (Some(v), _) => Some(narr(i, ClaimField::Amount, Some(v))),
        (None, Some(cell)) => Some(cell_term(ctx, cell)),
        _ => None,
    };
    // The base figure: as stated (checked against its cell), else its cell.
    let base_cell = claim.refers_to.and_then(|c| base_cell(c, base_year, base));
    let old = match (base_amount, base_cell) {
        (Some(v), Some(cell)) => {
            let stated = narr(i, ClaimField::BaseAmount, Some(v));
            let t = cell_term(ctx, cell);
            ctx.same(Rule::NarrativeAmount, t, stated);
            Some(stated)
        }
        (Some(v), None) => Some(narr(i, ClaimField::BaseAmount, Some(v))),
        (None, Some(cell)) => Some(cell_term(ctx, cell)),
        (None, None) => None,
    };
    // Nothing to compare with (no prior stated, no table, or a blank
    // cell): the sentence is checked against itself.
    let (Some(new), Some(old)) = (new, old) else {
        self_check(ctx, i, claim, amount, change, rate, implied);
        return;
    };
    let (Some(nv), Some(ov)) = (new.v, old.v) else {
        self_check(ctx, i, claim, amount, change, rate, implied);
        return;
    };

    // N305: the direction word.
    for (word, field) in [
        (Some(direction), ClaimField::Change),
        (rate_direction, ClaimField::Rate),
    ] {
        let Some(word) = word else { continue };
        let dir = direction_of(word);
        ctx.count(Rule::NarrativeDirection);
        let agreement = dir.judge(new.r, nv, ov);
        if agreement == Agreement::Exact {
            continue;
        }
        let severity = match agreement {
            Agreement::Rounding => Severity::Warning,
            _ => Rule::NarrativeDirection.severity(),
        };
        let actual_dir = Direction::of_change(nv, ov);
        let message = format!(
            "情况说明第{}条称「{}」{}，但 {} 为 {}、{} 为 {}（实为{}）。",
            i + 1,
            claim.kind.subject(),
            word.label_zh(),
            ctx.label(&new.at),
            ctx.amt(nv),
            ctx.label(&old.at),
            ctx.amt(ov),
            actual_dir.label_zh()
        );
        let note = match agreement {
            Agreement::Rounding => {
                Some("两数之差在四舍五入误差范围内，未舍入的金额仍可能符合该说法。".to_owned())
            }
            _ => Some(Rule::NarrativeDirection.info().action_zh.to_owned()),
        };
        let cells = vec![
            CellUse {
                at: NumberRef::Narrative { claim: i, field },
                label: ctx.label(&NumberRef::Narrative { claim: i, field }),
                value: Some(Value::Text(word.label_zh().to_owned())),
            },
            cell_use(ctx, &new),
            cell_use(ctx, &old),
        ];
        ctx.note(
            Rule::NarrativeDirection,
            severity,
            ctx.location(&NumberRef::Narrative { claim: i, field }),
            message,
            Some(Value::Text(actual_dir.label_zh().to_owned())),
            Some(Value::Text(word.label_zh().to_owned())),
            note,
            cells,
        );
    }

    // N304: the change amount (unsigned, as printed).
    if let Some(cv) = change {
        let change_term = narr(i, ClaimField::Change, Some(cv));
        if let Some(diff) = nv.checked_sub(ov) {
            ctx.count(Rule::NarrativeChange);
            let expected = diff.abs();
            // Settled when the printed change is the difference.
            if expected != cv {
                change_finding(ctx, i, cv, expected, change_term, new, old);
            }
        }
    }

    // N303: the rate, signed by its direction word.
    if let Some(rate) = rate {
        if ov.is_zero() {
            // Only a prior the sentence implies makes it an error; a 0
            // printed as the prior marks a new item.
            let severity = if implied.is_some_and(|p| p.is_zero()) {
                Severity::Error
            } else {
                Severity::Warning
            };
            zero_base(ctx, i, claim, rate, severity, &[new, old]);
            return;
        }
        let sign = rate_direction.unwrap_or(direction).sign();
        let signed = if sign < 0 {
            Percent::new(-rate.points())
        } else {
            rate
        };
        if let Ok(j) = judge_growth(new.r, nv, ov, signed) {
            ctx.percent(
                Rule::NarrativeGrowth,
                NumberRef::Narrative {
                    claim: i,
                    field: ClaimField::Rate,
                },
                &j,
                &[new, old],
                "（本年 − 上年）/ 上年",
            );
        }
    }
}

/// The prior amount a change sentence implies: `amount − change` after an
/// increase, `amount + change` after a decrease; `None` for 持平 or when a
/// figure is missing.
fn implied_prior(
    amount: Option<Wan>,
    direction: yusuan_tables::Direction,
    change: Option<Wan>,
) -> Option<Wan> {
    let (x, a) = (amount?, change?);
    match direction.sign() {
        1 => x.checked_sub(a),
        -1 => x.checked_add(a),
        _ => None,
    }
}

/// N313: an increase `a` to `x` leaves a prior amount `p = x − a`, which
/// cannot be negative.
fn negative_prior(ctx: &mut Ctx<'_>, i: usize, claim: &Claim, x: Wan, a: Wan, p: Wan) {
    let rule = Rule::NarrativeNegativePrior;
    ctx.count(rule);
    if !p.is_negative() {
        return;
    }
    let bound = Rounding::WAN
        .half_of(x)
        .value()
        .saturating_add(Rounding::WAN.half_of(a).value());
    let (severity, note) = if p.value().abs() <= bound {
        (
            Severity::Warning,
            "差额在两个打印数的舍入误差以内，未舍入的金额仍可能相等。".to_owned(),
        )
    } else {
        (rule.severity(), rule.info().action_zh.to_owned())
    };
    let at = NumberRef::Narrative {
        claim: i,
        field: ClaimField::Change,
    };
    let message = format!(
        "情况说明第{}条称「{}」为 {}，增加 {}：上年数应为 {} − {} = {}，为负数。",
        i + 1,
        claim.kind.subject(),
        ctx.amt(x),
        ctx.amt(a),
        ctx.amt(x),
        ctx.amt(a),
        ctx.amt(p)
    );
    let cells = vec![
        cell_use(ctx, &narr(i, ClaimField::Amount, Some(x))),
        cell_use(ctx, &narr(i, ClaimField::Change, Some(a))),
    ];
    let location = ctx.location(&at);
    ctx.push(crate::finding::Finding {
        rule,
        severity,
        message,
        location,
        expected: Some(Value::Amount(Wan::ZERO)),
        actual: Some(Value::Amount(p)),
        difference: Some(Value::Amount(p)),
        tolerance: Some(Value::Amount(Wan::new(bound))),
        note: Some(note),
        cells,
    });
}

/// N312: a rate printed over a prior amount of zero.
fn zero_base(
    ctx: &mut Ctx<'_>,
    i: usize,
    claim: &Claim,
    rate: Percent,
    severity: Severity,
    inputs: &[Term],
) {
    let rule = Rule::NarrativeZeroBase;
    ctx.count(rule);
    let at = NumberRef::Narrative {
        claim: i,
        field: ClaimField::Rate,
    };
    let how = if severity == Severity::Error {
        "本年数等于增加额，上年数为 0"
    } else {
        "上年数印为 0"
    };
    let message = format!(
        "情况说明第{}条称「{}」增长 {}，但{}：增长率无定义。",
        i + 1,
        claim.kind.subject(),
        rate,
        how
    );
    let note = if severity == Severity::Error {
        rule.info().action_zh.to_owned()
    } else {
        "上年数为 0 时的“100%”常用于标示新增项目；增长率本身无定义，宜改为说明新增。".to_owned()
    };
    let mut cells = vec![CellUse {
        at,
        label: ctx.label(&at),
        value: Some(Value::Percent(rate)),
    }];
    cells.extend(inputs.iter().map(|t| cell_use(ctx, t)));
    let location = ctx.location(&at);
    ctx.note(
        rule,
        severity,
        location,
        message,
        None,
        Some(Value::Percent(rate)),
        Some(note),
        cells,
    );
}

/// N311 / N312: a change sentence with no prior amount to compare with,
/// checked against itself: the rate is the change over the prior amount
/// the sentence implies.
fn self_check(
    ctx: &mut Ctx<'_>,
    i: usize,
    claim: &Claim,
    amount: Option<Wan>,
    change: Option<Wan>,
    rate: Option<Percent>,
    implied: Option<Wan>,
) {
    let (Some(x), Some(a), Some(rate), Some(p)) = (amount, change, rate, implied) else {
        return;
    };
    if p.is_negative() {
        return; // N313 has said it
    }
    let inputs = [
        narr(i, ClaimField::Change, Some(a)),
        narr(i, ClaimField::Amount, Some(x)),
    ];
    if p.is_zero() {
        zero_base(ctx, i, claim, rate, Severity::Error, &inputs);
        return;
    }
    if let Ok(j) = judge_share(Rounding::WAN, a, p, rate) {
        ctx.percent(
            Rule::NarrativeChangeRate,
            NumberRef::Narrative {
                claim: i,
                field: ClaimField::Rate,
            },
            &j,
            &inputs,
            &format!("增减额 / 上年数（{}）", ctx.amt(p)),
        );
    }
}

/// N304 when the printed change `cv` is not the difference `expected`.
fn change_finding(
    ctx: &mut Ctx<'_>,
    i: usize,
    cv: Wan,
    expected: Wan,
    change_term: Term,
    new: Term,
    old: Term,
) {
    let (nv, ov) = (new.v.unwrap_or(Wan::ZERO), old.v.unwrap_or(Wan::ZERO));
    let bound = Rounding::WAN
        .coarse_extra(cv)
        .saturating_add(new.r.half_of(nv).value())
        .saturating_add(old.r.half_of(ov).value());
    let j = Judged::new(expected, cv, Wan::new(bound), 2);
    if j.agreement != Agreement::Exact {
        let terms = [change_term, new, old];
        ctx.report(Rule::NarrativeChange, j, &terms, |c| {
            format!(
                "情况说明第{}条称变动 {}，而 {} 与 {} 相差 {}。",
                i + 1,
                c.amt(cv),
                c.label(&new.at),
                c.label(&old.at),
                c.amt(expected)
            )
        });
    }
}

fn cell_use(ctx: &Ctx<'_>, t: &Term) -> CellUse {
    CellUse {
        at: t.at,
        label: ctx.label(&t.at),
        value: t.v.map(Value::Amount),
    }
}

// ------------------------------------------------------------ N314

/// The amount a claim states for its subject, for N314: an item's amount
/// ("n. 科目 X 万元，主要用于…").
fn stated_amount(kind: &ClaimKind) -> Option<Wan> {
    match kind {
        ClaimKind::Amount { amount, .. } | ClaimKind::Total { amount, .. } => Some(*amount),
        _ => None,
    }
}

/// Whether a change claim's rate already fails against the figures its own
/// sentence states (its stated prior, else the prior its change implies):
/// then N303 / N311 report the sentence, and N314 says why.
fn rate_fails_on_its_own(kind: &ClaimKind) -> bool {
    let ClaimKind::Change {
        amount: Some(y),
        base_amount,
        direction,
        change,
        rate_direction,
        rate: Some(rate),
        ..
    } = kind
    else {
        return false;
    };
    let exact = |j: Result<crate::percent::PercentJudged, _>| {
        j.is_ok_and(|j: crate::percent::PercentJudged| {
            j.agreement == crate::percent::PercentAgreement::Exact
        })
    };
    if let Some(b) = base_amount.filter(|b| !b.is_zero()) {
        let sign = rate_direction.unwrap_or(*direction).sign();
        let signed = if sign < 0 {
            Percent::new(-rate.points())
        } else {
            *rate
        };
        return !exact(judge_growth(Rounding::WAN, *y, b, signed));
    }
    match (change, implied_prior(Some(*y), *direction, *change)) {
        (Some(a), Some(p)) if !p.is_negative() && !p.is_zero() => {
            !exact(judge_share(Rounding::WAN, *a, p, *rate))
        }
        _ => false,
    }
}

/// N314: a change sentence that states another amount for the subject the
/// item just stated (a sentence copied from the item before).
fn item_amounts(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let rule = Rule::NarrativeItemAmount;
    let mut any = false;
    for (j, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::Change {
            subject,
            amount: Some(y),
            ..
        } = &claim.kind
        else {
            continue;
        };
        // the item: the nearest claim before, in the same section, stating
        // an amount for the same subject in another sentence
        let item = (j.saturating_sub(3)..j).rev().find_map(|k| {
            let c = d.narrative.get(k)?;
            (c.section == claim.section
                && c.sentence != claim.sentence
                && c.kind.subject() == subject.as_str()
                && !subject.is_empty())
            .then_some(())?;
            stated_amount(&c.kind).map(|x| (k, x))
        });
        let Some((k, x)) = item else { continue };
        any = true;
        ctx.count(rule);
        let bound = Rounding::WAN
            .half_of(x)
            .value()
            .saturating_add(Rounding::WAN.half_of(*y).value());
        let j_ = Judged::new(x, *y, Wan::new(bound), 2);
        if j_.agreement == Agreement::Exact {
            continue;
        }
        // An error of its own, unless the sentence's rate already fails
        // against its own figures (then that error stands, and this says
        // why); within rounding, a warning.
        let (severity, note) = match j_.agreement {
            Agreement::Rounding => (
                Severity::Warning,
                "两数之差在舍入误差以内，可能并非错误。".to_owned(),
            ),
            _ if rate_fails_on_its_own(&claim.kind) => (
                Severity::Warning,
                "该句的增减率已按其本身的数字报告为错误；金额与条目不符可能就是原因（复制自上一条而未改）。"
                    .to_owned(),
            ),
            _ => (rule.severity(), rule.info().action_zh.to_owned()),
        };
        let item_t = narr(k, ClaimField::Amount, Some(x));
        let sent_t = narr(j, ClaimField::Amount, Some(*y));
        let message = format!(
            "情况说明第{}条「{}」列示 {}，而其增减句（第{}条）称本年为 {}，相差 {}。",
            k + 1,
            subject,
            ctx.amt(x),
            j + 1,
            ctx.amt(*y),
            ctx.amt(j_.difference)
        );
        let mut cells = vec![cell_use(ctx, &item_t), cell_use(ctx, &sent_t)];
        if let ClaimKind::Change {
            base_amount: Some(b),
            ..
        } = &claim.kind
        {
            cells.push(cell_use(ctx, &narr(j, ClaimField::BaseAmount, Some(*b))));
        }
        let location = ctx.location(&sent_t.at);
        ctx.push(crate::finding::Finding {
            rule,
            severity,
            message,
            location,
            expected: Some(Value::Amount(x)),
            actual: Some(Value::Amount(*y)),
            difference: Some(Value::Amount(j_.difference)),
            tolerance: Some(Value::Amount(Wan::new(bound))),
            note: Some(note),
            cells,
        });
    }
    if !any {
        ctx.skip(rule, "情况说明没有先列科目金额、再述增减的条目");
    }
}

// ------------------------------------------------------------ N315

/// The wording defects of a sentence: an empty reason, doubled
/// punctuation (each with the text found).
fn wording_defects(sentence: &str) -> Vec<(&'static str, String)> {
    let s = yusuan_money::text::squeeze(sentence);
    let mut out = Vec::new();
    for reason in ["主要原因是", "主要原因为", "主要原因", "原因是"] {
        for end in ["。", ":。", "；", ";"] {
            let pat = format!("{reason}{end}");
            if s.contains(&pat) {
                out.push(("原因为空", pat));
                break;
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    for pair in ["。。", ",,", "，，", ";;", "；；", "、、"] {
        if s.contains(pair) {
            out.push(("标点重复", pair.to_owned()));
        }
    }
    out
}

/// A template alternative left in a sentence: a direction or relation
/// word followed by its opposite in parentheses ("下降（增长）", "大于（小于）"),
/// as printed.
fn template_alternative(sentence: &str) -> Option<String> {
    const WORDS: &[&str] = &[
        "增加", "减少", "增长", "下降", "上升", "降低", "持平", "大于", "小于", "等于",
    ];
    let chars: Vec<char> = sentence.chars().filter(|c| !c.is_whitespace()).collect();
    let norm: Vec<char> = chars
        .iter()
        .map(|&c| yusuan_money::text::normalize_char(c))
        .collect();
    let word_at = |i: usize| {
        WORDS.iter().find(|w| {
            w.chars()
                .enumerate()
                .all(|(k, c)| norm.get(i + k) == Some(&c))
        })
    };
    for i in 0..norm.len() {
        let Some(first) = word_at(i) else { continue };
        let open = i + 2;
        if norm.get(open) != Some(&'(') {
            continue;
        }
        let Some(second) = word_at(open + 1) else {
            continue;
        };
        if second != first && norm.get(open + 3) == Some(&')') {
            return chars.get(i..open + 4).map(|c| c.iter().collect());
        }
    }
    None
}

/// Where a claim's sentence is: 情况说明 · 第n条「subject」 · 文字.
fn sentence_location(i: usize, claim: &yusuan_tables::Claim) -> Location {
    Location::table("情况说明")
        .row(format!("第{}条「{}」", i + 1, claim.kind.subject()))
        .column("文字")
}

/// N315: an empty reason, doubled punctuation, once per sentence.
///
/// When the document's text was read ([`yusuan_tables::Disclosure::document`]),
/// the document-level rules S613–S615 read every sentence, with or without a
/// claim: N315 and N318 then say so and leave the finding to them, so that
/// one slip is one finding.
fn wording(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    if d.document.is_some() {
        for rule in [Rule::NarrativeWording, Rule::NarrativeTemplateAlternative] {
            ctx.skip(
                rule,
                "全文已读取：模板备选词、空原因和重复标点由 S613–S615 按全文检查",
            );
        }
        return;
    }
    let rule = Rule::NarrativeWording;
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, claim) in d.narrative.iter().enumerate() {
        let sentence = claim.sentence.as_str();
        if !seen.insert(sentence) {
            continue;
        }
        ctx.count(rule);
        if let Some(found) = template_alternative(sentence) {
            let rule = Rule::NarrativeTemplateAlternative;
            ctx.count(rule);
            // Over a change of 0 the direction does not matter: a wording
            // slip, not a contradiction.
            let zero = sentence
                .split(found.as_str())
                .nth(1)
                .map(|rest| {
                    let digits: String = rest
                        .chars()
                        .skip_while(|c| !c.is_ascii_digit())
                        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                        .collect();
                    Wan::parse(&digits).is_ok_and(|w| w.is_zero())
                })
                .unwrap_or(false);
            let (severity, note) = if zero {
                (
                    Severity::Warning,
                    "增减额为 0，方向无关紧要；仍应删去未选定的选项。".to_owned(),
                )
            } else {
                (rule.severity(), rule.info().action_zh.to_owned())
            };
            let message = format!(
                "情况说明第{}条所在语句留有未选定的模板选项“{found}”：{sentence}",
                i + 1
            );
            let location = sentence_location(i, claim);
            ctx.note(
                rule,
                severity,
                location,
                message,
                None,
                Some(Value::Text(found)),
                Some(note),
                Vec::new(),
            );
        }
        for (what, found) in wording_defects(sentence) {
            let message = format!(
                "情况说明第{}条所在语句{what}（“{found}”）：{sentence}",
                i + 1
            );
            let location = sentence_location(i, claim);
            ctx.note(
                rule,
                rule.severity(),
                location,
                message,
                None,
                Some(Value::Text(found)),
                Some(rule.info().action_zh.to_owned()),
                Vec::new(),
            );
        }
    }
}

// ------------------------------------------------------- N316, N317

/// The completion statements of a 决算 narrative: the rate (N316) and the
/// word (N317), both against the figures stated.
fn completions(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let mut any = false;
    for (i, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::Completion {
            subject,
            budget_label,
            budget,
            actual: b,
            percent,
            relation,
        } = &claim.kind
        else {
            continue;
        };
        // the budget stated in the sentence, else (a "三公" item of the
        // whole: "其中：因公出国（境）费决算为…，完成预算的…") the item's
        // 预算数 in the "三公" table, when that cell was read
        let mut doubtful = false;
        let budget_t = match budget {
            Some(a) => narr(i, ClaimField::BaseAmount, Some(*a)),
            None => {
                let Some(t) = three_public_budget(ctx, subject) else {
                    continue;
                };
                match ctx.gate([(&t.at, t.v.is_none())]) {
                    super::Gate::Unread(reason) => {
                        ctx.not_compared(Rule::NarrativeCompletion, reason);
                        continue;
                    }
                    super::Gate::Doubtful(_) => doubtful = true,
                    super::Gate::Certain => {}
                }
                t
            }
        };
        // a blank cell read for certain is nothing budgeted
        let a = budget_t.v.unwrap_or(Wan::ZERO);
        any = true;
        let b = *b;
        let actual_t = narr(i, ClaimField::Amount, Some(b));
        if let Some(c) = percent {
            let rule = Rule::NarrativeCompletion;
            let at = NumberRef::Narrative {
                claim: i,
                field: ClaimField::Percent,
            };
            if a.is_zero() {
                ctx.count(rule);
                // nothing budgeted and nothing spent: "完成预算的0%" is a
                // slip of wording, not a wrong figure
                let severity = if b.is_zero() || doubtful {
                    Severity::Warning
                } else {
                    rule.severity()
                };
                let message = format!(
                    "情况说明第{}条称「{subject}」完成{budget_label}的 {c}，但{budget_label}为 {}：完成率的分母为零，无定义。",
                    i + 1,
                    ctx.amt(a)
                );
                let cells = vec![
                    CellUse {
                        at,
                        label: ctx.label(&at),
                        value: Some(Value::Percent(*c)),
                    },
                    cell_use(ctx, &actual_t),
                    cell_use(ctx, &budget_t),
                ];
                let location = ctx.location(&at);
                ctx.note(
                    rule,
                    severity,
                    location,
                    message,
                    None,
                    Some(Value::Percent(*c)),
                    Some(rule.info().action_zh.to_owned()),
                    cells,
                );
            } else if let Ok(j) = judge_share(Rounding::WAN, b, a, *c) {
                ctx.percent(
                    rule,
                    at,
                    &j,
                    &[actual_t, budget_t],
                    &format!("决算数 / {budget_label}"),
                );
            }
        }
        if let Some(relation) = relation {
            let rule = Rule::NarrativeCompletionWord;
            ctx.count(rule);
            let dir = Direction::from(*relation);
            let bound = Wan::new(
                Rounding::WAN
                    .half_of(a)
                    .value()
                    .saturating_add(Rounding::WAN.half_of(b).value()),
            );
            let agreement = dir.judge_within(b, a, bound);
            if agreement == Agreement::Exact {
                continue;
            }
            let actual_word = match b.cmp(&a) {
                std::cmp::Ordering::Greater => "大于",
                std::cmp::Ordering::Less => "小于",
                std::cmp::Ordering::Equal => "等于",
            };
            let (severity, note) = match agreement {
                Agreement::Rounding => (
                    Severity::Warning,
                    "两数之差在舍入误差以内，未舍入的金额仍可能符合该说法。".to_owned(),
                ),
                _ => (rule.severity(), rule.info().action_zh.to_owned()),
            };
            let message = format!(
                "情况说明第{}条称「{subject}」决算数{}预算数，但决算数 {}、{budget_label} {}（实为{actual_word}）。",
                i + 1,
                relation.label_zh(),
                ctx.amt(b),
                ctx.amt(a)
            );
            let at = NumberRef::Narrative {
                claim: i,
                field: ClaimField::Amount,
            };
            let location = ctx.location(&at);
            let cells = vec![cell_use(ctx, &actual_t), cell_use(ctx, &budget_t)];
            ctx.note(
                rule,
                severity,
                location,
                message,
                Some(Value::Text(actual_word.to_owned())),
                Some(Value::Text(relation.label_zh().to_owned())),
                Some(note),
                cells,
            );
        }
    }
    if !any {
        ctx.skip(Rule::NarrativeCompletion, "情况说明没有预算完成情况的语句");
        ctx.skip(
            Rule::NarrativeCompletionWord,
            "情况说明没有预算完成情况的语句",
        );
    }
}

/// The 预算数 cell of the "三公" item `subject` names (因公出国（境）费,
/// 公务用车购置及运行维护费 or its 购置 / 运行维护 part, 公务接待费) in the
/// "三公" table, for the document's year.
fn three_public_budget(ctx: &Ctx<'_>, subject: &str) -> Option<Term> {
    let t = ctx.d.tables.three_public_expenditure.as_ref()?;
    let column = if subject.contains("因公出国") {
        Column::OutboundTravel
    } else if subject.contains("公务接待") {
        Column::Reception
    } else if subject.contains("购置") && !subject.contains("运行") {
        Column::VehiclePurchase
    } else if subject.contains("运行") && !subject.contains("购置") {
        Column::VehicleOperation
    } else if subject.contains("公务用车") {
        Column::Vehicles
    } else {
        return None;
    };
    let period = t
        .periods
        .iter()
        .find(|p| p.basis == Basis::Budget && p.year == ctx.d.year)?;
    Some(cell_term(
        ctx,
        CellRef::new(
            TableKind::ThreePublicExpenditure,
            RowKey::Period(*period),
            column,
        ),
    ))
}

// ------------------------------------------------------------ N310

fn comparisons(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let mut any = false;
    for (i, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::Comparison {
            amount,
            relation,
            object,
            object_amount,
            object_refers_to,
            ..
        } = &claim.kind
        else {
            continue;
        };
        any = true;
        // Each side: as stated, else its cell.
        let side =
            |ctx: &Ctx<'_>, stated: Option<Wan>, field, cell: Option<CellRef>| match (stated, cell)
            {
                (Some(v), _) => Some(narr(i, field, Some(v))),
                (None, Some(c)) => Some(cell_term(ctx, c)),
                (None, None) => None,
            };
        let a = side(ctx, *amount, ClaimField::Amount, claim.refers_to);
        let b = side(
            ctx,
            *object_amount,
            ClaimField::ObjectAmount,
            *object_refers_to,
        );
        let (Some(a), Some(b)) = (a, b) else {
            continue;
        };
        // A blank cell is not compared: nothing is printed to contradict.
        let (Some(av), Some(bv)) = (a.v, b.v) else {
            continue;
        };
        ctx.count(Rule::NarrativeComparison);
        let dir = Direction::from(*relation);
        let bound = Wan::new(
            a.r.half_of(av)
                .value()
                .saturating_add(b.r.half_of(bv).value()),
        );
        let agreement = dir.judge_within(av, bv, bound);
        if agreement == Agreement::Exact {
            continue;
        }
        comparison_finding(ctx, i, claim, object, *relation, a, b, bound, agreement);
    }
    if any {
        ctx.skip(
            Rule::NarrativeComparison,
            "比较语句缺少可比较的金额（未列示、未指向表格单元格或单元格空白）",
        );
    } else {
        ctx.skip(
            Rule::NarrativeComparison,
            "情况说明没有比较两项金额大小的语句",
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn comparison_finding(
    ctx: &mut Ctx<'_>,
    i: usize,
    claim: &Claim,
    object: &str,
    relation: yusuan_tables::Relation,
    a: Term,
    b: Term,
    bound: Wan,
    agreement: Agreement,
) {
    let (av, bv) = (a.v.unwrap_or(Wan::ZERO), b.v.unwrap_or(Wan::ZERO));
    let actual = match av.cmp(&bv) {
        std::cmp::Ordering::Greater => "大于",
        std::cmp::Ordering::Less => "小于",
        std::cmp::Ordering::Equal => "等于",
    };
    let difference = av.checked_sub(bv).unwrap_or(Wan::ZERO);
    let word = relation.label_zh();
    // Each side by its printed name, with the table cell it was read from.
    let side = |ctx: &Ctx<'_>, name: &str, t: &Term, v: Wan| match t.at {
        NumberRef::Cell(_) => format!("「{name}」为 {}（{}）", ctx.amt(v), ctx.label(&t.at)),
        _ => format!("「{name}」为 {}", ctx.amt(v)),
    };
    let subject = claim.kind.subject();
    let message = format!(
        "情况说明第{}条称「{subject}」{word}「{object}」，但{}、{}，实为{actual}。",
        i + 1,
        side(ctx, subject, &a, av),
        side(ctx, object, &b, bv),
    );
    let (severity, note) = match agreement {
        Agreement::Rounding if av == bv => (
            Severity::Warning,
            format!("两个打印数相等；未舍入的金额仍可能{word}，可能并非错误。"),
        ),
        Agreement::Rounding => (
            Severity::Warning,
            format!(
                "两数相差 {}，在两个打印数的舍入误差（±{}）以内，未舍入的金额仍可能符合“{word}”，可能并非错误。",
                ctx.amt(difference.abs()),
                ctx.amt(Wan::new(bound.value().normalize()))
            ),
        ),
        _ => (
            Rule::NarrativeComparison.severity(),
            Rule::NarrativeComparison.info().action_zh.to_owned(),
        ),
    };
    let finding = crate::finding::Finding {
        rule: Rule::NarrativeComparison,
        severity,
        message,
        location: Location::table("情况说明")
            .row(format!("第{}条「{}」", i + 1, claim.kind.subject()))
            .column("比较词"),
        expected: Some(Value::Text(actual.to_owned())),
        actual: Some(Value::Text(word.to_owned())),
        difference: Some(Value::Amount(difference)),
        tolerance: Some(Value::Amount(Wan::new(bound.value().normalize()))),
        note: Some(note),
        cells: vec![cell_use(ctx, &a), cell_use(ctx, &b)],
    };
    ctx.push(finding);
}

// ------------------------------------------------------------ N306

/// The table a "没有……" statement is about.
fn table_of_subject(subject: &str) -> Option<TableKind> {
    let s = yusuan_money::text::squeeze(subject);
    if s.contains("政府性基金") {
        Some(TableKind::GovernmentFundExpenditure)
    } else if s.contains("国有资本经营") {
        Some(TableKind::StateCapitalExpenditure)
    } else if s.contains("三公") {
        Some(TableKind::ThreePublicExpenditure)
    } else {
        None
    }
}

/// The non-zero cells of a table.
pub(super) fn nonzero_cells(
    ctx: &Ctx<'_>,
    kind: TableKind,
) -> Vec<(NumberRef, yusuan_tables::Number)> {
    let mut out = Vec::new();
    super::walk::table_numbers(ctx.d, kind, &mut |row, column, n| {
        if !n.value().is_zero() {
            out.push((NumberRef::Cell(CellRef::new(kind, row, column)), n));
        }
    });
    out
}

fn no_amounts(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let mut any = false;
    for (i, claim) in d.narrative.iter().enumerate() {
        let ClaimKind::NoAmount { subject } = &claim.kind else {
            continue;
        };
        // What the statement is about: the referred cell's row (a line such
        // as 政府性基金预算拨款), or a whole table (its 合计, a "三公"
        // period, or a table named by the subject).
        // A "三公" item ("没有因公出国（境）事项支出") is about its own column.
        let item = claim
            .refers_to
            .filter(|c| c.table == TableKind::ThreePublicExpenditure && c.column != Column::Total);
        let (kind, line) = match claim.refers_to {
            Some(c) => match (c.table, c.row) {
                (
                    TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary,
                    RowKey::Line(_) | RowKey::Code(_),
                ) => (c.table, Some(c.row)),
                (t, _) => (t, None),
            },
            None => match table_of_subject(subject) {
                Some(k) => (k, None),
                None => continue,
            },
        };
        any = true;
        ctx.count(Rule::NarrativeEmptyTable);
        // Settled without allocating when the table (or line) has no
        // non-zero amount, as the statement says.
        let mut nonzero = false;
        super::walk::table_numbers(ctx.d, kind, &mut |row, column, n| {
            nonzero |= !n.value().is_zero()
                && line.map_or(true, |l| l == row)
                && item.map_or(true, |c| c.row == row && c.column == column);
        });
        if !nonzero {
            continue;
        }
        let mut cells = nonzero_cells(ctx, kind);
        if let Some(row) = line {
            cells.retain(|(at, _)| matches!(at, NumberRef::Cell(c) if c.row == row));
        }
        if let Some(it) = item {
            cells.retain(
                |(at, _)| matches!(at, NumberRef::Cell(c) if c.row == it.row && c.column == it.column),
            );
        }
        if cells.is_empty() {
            continue;
        }
        let uses: Vec<CellUse> = cells
            .iter()
            .map(|(at, n)| CellUse {
                at: *at,
                label: ctx.label(at),
                value: Some(match n {
                    yusuan_tables::Number::Amount(w) => Value::Amount(*w),
                    yusuan_tables::Number::Percent(p) => Value::Percent(*p),
                }),
            })
            .collect();
        let message = format!(
            "情况说明第{}条称没有{}，但{}有 {} 个非零金额。",
            i + 1,
            subject,
            match line {
                Some(row) => format!("{} {}", kind.label_zh(), ctx.d.row_label(kind, &row)),
                None => kind.label_zh().to_owned(),
            },
            cells.len()
        );
        ctx.note(
            Rule::NarrativeEmptyTable,
            Rule::NarrativeEmptyTable.severity(),
            Location::table("情况说明").row(format!("第{}条「{}」", i + 1, subject)),
            message,
            Some(Value::Text("空表".into())),
            Some(Value::Text(format!("{} 个非零金额", cells.len()))),
            Some(Rule::NarrativeEmptyTable.info().action_zh.to_owned()),
            uses,
        );
    }
    if !any {
        ctx.skip(Rule::NarrativeEmptyTable, "情况说明没有称某表为空");
    }
}

// ------------------------------------------------------------ N309

/// Calls `f` with each year written as `2025 年` / `2025年` in `text`, in
/// order: four digits (ASCII or full-width) not preceded by a digit, then
/// optional whitespace, then 年. Read from each 年 backwards (found by a
/// fast substring search), so a heading is not normalised character by
/// character and nothing is allocated; the same years as the forward
/// reading (a test compares them).
fn for_each_year(text: &str, mut f: impl FnMut(u16)) {
    fn digit(c: char) -> Option<u16> {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '\u{FF10}'..='\u{FF19}' => u32::from(c) - 0xFF10,
            _ => return None,
        };
        u16::try_from(d).ok()
    }
    for (at, _) in text.match_indices('年') {
        let before = text.get(..at).unwrap_or_default();
        let mut value: u16 = 0;
        let mut digits = 0u32;
        let mut scale: u16 = 1;
        for c in before.chars().rev().skip_while(|c| c.is_whitespace()) {
            let Some(d) = digit(c) else { break };
            digits += 1;
            if digits > 4 {
                break;
            }
            value = value.saturating_add(d.saturating_mul(scale));
            scale = scale.saturating_mul(10);
        }
        if digits == 4 {
            f(value);
        }
    }
}

fn years(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let mut last_section: Option<&str> = None;
    for (i, claim) in d.narrative.iter().enumerate() {
        if let Some(section) = claim.section.as_deref() {
            if last_section != Some(section) {
                last_section = Some(section);
                for_each_year(section, |y| {
                    ctx.count(Rule::NarrativeYear);
                    if y != d.year {
                        year_finding(ctx, i, y, format!("情况说明标题「{section}」的年度为 {y} 年，与预算年度 {} 年不一致。", d.year));
                    }
                });
            }
        }
        if let ClaimKind::Change {
            base_year: Some(y), ..
        } = &claim.kind
        {
            ctx.count(Rule::NarrativeYear);
            if *y > d.year {
                let y = *y;
                year_finding(
                    ctx,
                    i,
                    y,
                    format!(
                        "情况说明第{}条以 {y} 年为比较基数，晚于预算年度 {} 年。",
                        i + 1,
                        d.year
                    ),
                );
            }
        }
    }
}

fn year_finding(ctx: &mut Ctx<'_>, claim: usize, year: u16, message: String) {
    let subject = ctx
        .d
        .narrative
        .get(claim)
        .map(|c| c.kind.subject().to_owned())
        .unwrap_or_default();
    ctx.note(
        Rule::NarrativeYear,
        Rule::NarrativeYear.severity(),
        Location::table("情况说明").row(format!("第{}条「{subject}」", claim + 1)),
        message,
        Some(Value::Number(ctx.d.year.into())),
        Some(Value::Number(year.into())),
        Some(Rule::NarrativeYear.info().action_zh.to_owned()),
        Vec::new(),
    );
}

// ------------------------------------------------------------ N307, N308

fn procurement(ctx: &mut Ctx<'_>) {
    use yusuan_tables::ProcurementField as F;
    let Some(p) = ctx.d.procurement.as_ref() else {
        ctx.skip(Rule::ProcurementTotal, "没有政府采购情况");
        return;
    };
    let term = |f: F| Term::new(NumberRef::Procurement(f), p.get(f), Rounding::WAN);
    if p.total.is_none() {
        ctx.skip(Rule::ProcurementTotal, "未列示政府采购预算总额");
        return;
    }
    // A total stated alone (no 货物、工程、服务 figure read) is not a sum:
    // never compared with blank parts.
    if [F::Goods, F::Works, F::Services]
        .iter()
        .all(|&f| p.get(f).is_none())
    {
        ctx.skip_shape(
            Rule::ProcurementTotal,
            "政府采购只列示（或只读到）总额，未列示货物、工程、服务分项，不作分项比较",
        );
        return;
    }
    ctx.sum(
        Rule::ProcurementTotal,
        term(F::Total),
        &[term(F::Goods), term(F::Works), term(F::Services)],
    );
}

fn performance_management(ctx: &mut Ctx<'_>) {
    let rule = Rule::PerformanceManagementAmount;
    let Some(pm) = ctx.d.performance_management.as_ref() else {
        ctx.skip(rule, "没有预算绩效管理情况");
        return;
    };
    // a 决算's 绩效管理 amount is budgeted money under evaluation; the
    // tables print what was spent, which may be less
    if matches!(
        ctx.d.kind,
        yusuan_tables::DocumentKind::UnitFinalAccounts
            | yusuan_tables::DocumentKind::DepartmentFinalAccounts
    ) {
        ctx.skip(rule, "决算的预算绩效管理金额是预算数，不与决算支出比较");
        return;
    }
    let Some(amount) = pm.amount else {
        ctx.skip(rule, "预算绩效管理情况未列示金额");
        return;
    };
    let stated = Term::new(
        NumberRef::PerformanceManagement,
        Some(amount),
        Rounding::WAN,
    );
    let subject = pm
        .amount_subject
        .as_deref()
        .map(yusuan_money::text::squeeze)
        .unwrap_or_default();
    let general = subject.is_empty() || subject.contains("一般公共预算");
    if general {
        let kind = TableKind::GeneralBudgetExpenditure;
        let Some(t5) = ctx.d.tables.general_budget_expenditure.as_ref() else {
            ctx.skip(rule, "一般公共预算支出表未公开");
            return;
        };
        let Some(total) = t5.total.as_ref() else {
            ctx.skip(rule, "一般公共预算支出表没有合计行");
            return;
        };
        let cell = Term::new(
            NumberRef::Cell(CellRef::new(kind, RowKey::Total, Column::Project)),
            total.project,
            ctx.table_rounding(kind),
        );
        ctx.same(rule, cell, stated);
    } else {
        // Another scope (e.g. 项目支出 of all funds): it cannot exceed the
        // 支出总表's 项目支出.
        let kind = TableKind::ExpenditureSummary;
        let Some(total) = ctx
            .d
            .tables
            .expenditure_summary
            .as_ref()
            .and_then(|t| t.total.as_ref())
        else {
            ctx.skip(rule, "支出总表未公开");
            return;
        };
        let cell = Term::new(
            NumberRef::Cell(CellRef::new(kind, RowKey::Total, Column::Project)),
            total.project,
            ctx.table_rounding(kind),
        );
        ctx.at_most(rule, stated, cell);
    }
}

#[cfg(test)]
mod tests {
    use yusuan_tables::{Disclosure, Line, Relation};

    use super::*;
    use crate::report::{Report, Status};

    const SEED: &str =
        include_str!("../../../../examples/data/2025-mohrss-information-center.json");

    #[test]
    fn wording_defects_and_template_alternatives() {
        assert_eq!(
            template_alternative("比 2023 年度减少 0.15 万元，下降（增长）27.78%，其中"),
            Some("下降（增长）".to_owned())
        );
        assert_eq!(template_alternative("下降 27.78%（增长率）"), None);
        assert_eq!(
            template_alternative("增加（减少） 1 万元"),
            Some("增加（减少）".to_owned())
        );
        assert_eq!(template_alternative("增长（增长）"), None);
        let d = wording_defects("公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。");
        assert_eq!(d, vec![("原因为空", "主要原因是。".to_owned())]);
        let d = wording_defects("公务接待费0.95万元，，主要原因是业务需要。");
        assert_eq!(d, vec![("标点重复", ",,".to_owned())]);
        assert!(wording_defects("主要原因是：人员增加。").is_empty());
    }

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }

    /// A cell of the seed's 收支总表 (收入总计 = 支出总计 = 8,633.56, 本年收入
    /// 合计 8,179.19, 本年支出合计 8,633.56).
    fn line(l: Line) -> CellRef {
        CellRef::new(
            TableKind::IncomeExpenditureSummary,
            RowKey::Line(l),
            Column::Total,
        )
    }

    fn comparison(
        sentence: &str,
        subject: (&str, Option<&str>, Option<Line>),
        relation: Relation,
        object: (&str, Option<&str>, Option<Line>),
    ) -> Claim {
        Claim {
            section: Some("一、关于 2025 年单位收支总表的说明".into()),
            sentence: sentence.into(),
            kind: ClaimKind::Comparison {
                subject: subject.0.into(),
                amount: subject.1.map(w),
                relation,
                object: object.0.into(),
                object_amount: object.1.map(w),
                object_refers_to: object.2.map(line),
            },
            refers_to: subject.2.map(line),
        }
    }

    /// The seed with `claims` appended to its narrative, reconciled; the
    /// findings of N310 and N301 on the new claims.
    fn check(claims: Vec<Claim>) -> (Report, usize) {
        let mut d = Disclosure::from_json(SEED).unwrap();
        let first = d.narrative.len();
        d.narrative.extend(claims);
        (crate::reconcile(&d), first)
    }

    /// The years of a heading as the engine read them before the byte scan:
    /// normalised character by character.
    fn years_reference(text: &str) -> Vec<u16> {
        let mut out = Vec::new();
        let mut digits: u32 = 0;
        let mut value: u32 = 0;
        let mut spaces = false;
        for c in text.chars() {
            let c = yusuan_money::text::normalize_char(c);
            if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
                if spaces {
                    digits = 0;
                    value = 0;
                    spaces = false;
                }
                digits += 1;
                value = value.saturating_mul(10).saturating_add(d);
            } else if c.is_whitespace() && digits > 0 {
                spaces = true;
            } else {
                if c == '年' && digits == 4 {
                    if let Ok(y) = u16::try_from(value) {
                        out.push(y);
                    }
                }
                digits = 0;
                value = 0;
                spaces = false;
            }
        }
        out
    }

    fn years(text: &str) -> Vec<u16> {
        let mut out = Vec::new();
        for_each_year(text, |y| out.push(y));
        out
    }

    #[test]
    fn years_of_headings() {
        for (text, want) in [
            ("二、关于 2025 年单位收入总表的说明", vec![2025]),
            ("关于２０２５　年度", vec![2025]),
            ("2024年和 2025\n年", vec![2024, 2025]),
            ("12025 年、202 年、20 25 年", vec![]),
            ("1 2025 年", vec![2025]),
            ("2025年年", vec![2025]),
            ("２０2５年", vec![2025]),
            (
                "九、关于 2025 年财政拨款预算“三公”经费支出表的说明",
                vec![2025],
            ),
            ("", vec![]),
        ] {
            assert_eq!(years(text), want, "{text}");
            assert_eq!(years_reference(text), want, "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn years_agree_with_the_character_by_character_reading(
            text in "[0-9０-９年 　\\n\u{a0}\u{ff01}-\u{ff5e}关于说明a-z、]{0,40}"
        ) {
            proptest::prop_assert_eq!(years(&text), years_reference(&text));
        }
    }

    fn change_claim_of(x: Wan, up: bool, a: Wan, rate: Percent) -> Claim {
        Claim::new(
            "自洽检验",
            ClaimKind::Change {
                subject: "某项支出".into(),
                amount: Some(x),
                base_year: Some(2024),
                base: None,
                base_amount: None,
                direction: if up {
                    yusuan_tables::Direction::Increase
                } else {
                    yusuan_tables::Direction::Decrease
                },
                change: Some(a),
                rate_direction: None,
                rate: Some(rate),
            },
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]
        /// A change sentence whose rate is A / prior, 四舍五入 to two places,
        /// passes its self-check; one point more is an error.
        #[test]
        fn a_self_consistent_change_passes_and_a_point_off_fails(
            prior in 10_000i64..100_000_000,
            frac in 1i64..=1000,
            up in proptest::bool::ANY,
        ) {
            let p = Wan::new(rust_decimal::Decimal::new(prior, 2));
            // a ≤ prior (a rate up to 100%), at least 0.01
            let a = Wan::new(rust_decimal::Decimal::new((prior * frac / 1000).max(1), 2));
            let x = if up { p.checked_add(a).unwrap() } else { p.checked_sub(a).unwrap() };
            let rate = Percent::share(a, p).unwrap();
            let (report, _) = check(vec![change_claim_of(x, up, a, rate)]);
            let own = |r: &Report| {
                r.findings
                    .iter()
                    .filter(|f| matches!(f.rule, Rule::NarrativeChangeRate | Rule::NarrativeZeroBase | Rule::NarrativeNegativePrior))
                    .map(|f| f.message.clone())
                    .collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(own(&report), Vec::<String>::new());
            proptest::prop_assert_eq!(report.outcome(Rule::NarrativeChangeRate).unwrap().checks, 1);
            let off = rate.checked_add(Percent::parse("1.00").unwrap()).unwrap();
            let (report, _) = check(vec![change_claim_of(x, up, a, off)]);
            let errors: Vec<_> = report
                .findings_for(Rule::NarrativeChangeRate)
                .filter(|f| f.severity == Severity::Error)
                .collect();
            proptest::prop_assert_eq!(errors.len(), 1);
        }
    }

    #[test]
    fn a_seed_without_comparisons_skips_the_rule_with_a_reason() {
        let (report, _) = check(Vec::new());
        let o = report.outcome(Rule::NarrativeComparison).unwrap();
        assert_eq!(o.status, Status::Skipped);
        assert!(
            o.skip_reason.as_deref().unwrap().contains("没有比较"),
            "{o:?}"
        );
    }

    #[test]
    fn true_comparisons_pass_and_stated_amounts_meet_their_cells() {
        let (report, _) = check(vec![
            // 8,179.19 < 8,633.56, both stated and both matching their cells.
            comparison(
                "本年收入合计 8,179.19 万元，小于本年支出合计 8,633.56 万元。",
                (
                    "本年收入合计",
                    Some("8179.19"),
                    Some(Line::CurrentYearIncome),
                ),
                Relation::Less,
                (
                    "本年支出合计",
                    Some("8633.56"),
                    Some(Line::CurrentYearExpenditure),
                ),
            ),
            // No amounts: the cells, 8,633.56 = 8,633.56.
            comparison(
                "收入总计等于支出总计。",
                ("收入总计", None, Some(Line::IncomeTotal)),
                Relation::Equal,
                ("支出总计", None, Some(Line::ExpenditureTotal)),
            ),
            // One side stated, the other a cell: 8,633.56 ≤ 8,633.56.
            comparison(
                "支出总计 8,633.56 万元，不超过收入总计。",
                ("支出总计", Some("8633.56"), None),
                Relation::NotExceeding,
                ("收入总计", None, Some(Line::IncomeTotal)),
            ),
        ]);
        assert!(!report.has_errors(), "{}", report.render_text());
        let o = report.outcome(Rule::NarrativeComparison).unwrap();
        assert_eq!((o.status, o.checks), (Status::Passed, 3), "{o:?}");
        assert_eq!(report.findings_for(Rule::NarrativeComparison).count(), 0);
    }

    #[test]
    fn a_contradicted_relation_is_an_error_naming_both_amounts() {
        let (report, first) = check(vec![comparison(
            "本年收入合计 8,179.19 万元，大于本年支出合计 8,633.56 万元。",
            (
                "本年收入合计",
                Some("8179.19"),
                Some(Line::CurrentYearIncome),
            ),
            Relation::Greater,
            (
                "本年支出合计",
                Some("8633.56"),
                Some(Line::CurrentYearExpenditure),
            ),
        )]);
        let fs: Vec<_> = report.findings_for(Rule::NarrativeComparison).collect();
        assert_eq!(fs.len(), 1, "{}", report.render_text());
        let f = fs[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.expected, Some(Value::Text("小于".into())));
        assert_eq!(f.actual, Some(Value::Text("大于".into())));
        // 8,179.19 − 8,633.56
        assert_eq!(f.difference, Some(Value::Amount(w("-454.37"))));
        let at: Vec<NumberRef> = f.cells.iter().map(|c| c.at).collect();
        assert_eq!(
            at,
            [
                NumberRef::Narrative {
                    claim: first,
                    field: ClaimField::Amount
                },
                NumberRef::Narrative {
                    claim: first,
                    field: ClaimField::ObjectAmount
                },
            ]
        );
        assert!(f.message.contains("实为小于"), "{}", f.message);
        // The stated amounts equal their cells: no N301 finding.
        assert_eq!(report.findings_for(Rule::NarrativeAmount).count(), 0);
    }

    #[test]
    fn equality_within_rounding_is_a_warning_beyond_it_an_error() {
        let (report, _) = check(vec![
            // 0.01 apart: within two half-units (0.005 + 0.005).
            comparison(
                "收入总计 8,633.57 万元，等于支出总计 8,633.56 万元。",
                ("收入总计", Some("8633.57"), None),
                Relation::Equal,
                ("支出总计", Some("8633.56"), None),
            ),
            // 0.02 apart: beyond.
            comparison(
                "收入总计 8,633.58 万元，与支出总计 8,633.56 万元相等。",
                ("收入总计", Some("8633.58"), None),
                Relation::Same,
                ("支出总计", Some("8633.56"), None),
            ),
            // A strict word over two equal printed cells: cannot be ruled out.
            comparison(
                "收入总计大于支出总计。",
                ("收入总计", None, Some(Line::IncomeTotal)),
                Relation::Greater,
                ("支出总计", None, Some(Line::ExpenditureTotal)),
            ),
        ]);
        let fs: Vec<_> = report.findings_for(Rule::NarrativeComparison).collect();
        assert_eq!(fs.len(), 3, "{}", report.render_text());
        let by_word = |word: &str| {
            fs.iter()
                .find(|f| f.actual == Some(Value::Text(word.into())))
                .unwrap()
        };
        let equal = by_word("等于");
        assert_eq!(equal.severity, Severity::Warning);
        assert_eq!(equal.difference, Some(Value::Amount(w("0.01"))));
        assert_eq!(equal.tolerance, Some(Value::Amount(w("0.01"))));
        assert!(
            equal.note.as_deref().unwrap().contains("舍入误差"),
            "{equal:?}"
        );
        let same = by_word("相等");
        assert_eq!(same.severity, Severity::Error);
        assert_eq!(same.difference, Some(Value::Amount(w("0.02"))));
        let greater = by_word("大于");
        assert_eq!(greater.severity, Severity::Warning);
        assert!(greater.note.as_deref().unwrap().contains("两个打印数相等"));
    }

    #[test]
    fn relation_words_broken_across_lines_or_letter_spaced_are_read() {
        // The claim's word as read from the printed sentence.
        let read = |sentence: &str| {
            let squeezed = yusuan_money::text::squeeze(sentence);
            let (relation, _) = Relation::find_in_squeezed(&squeezed).unwrap();
            // The reconcile crate's own reading of the same text agrees.
            assert_eq!(Direction::find(sentence), Some(Direction::from(relation)));
            relation
        };
        let broken = "本年收入合计大\n于本年支出合计。";
        let spaced = "收入总计等　于支出总计。";
        let negated = "本年收入合计不 超\r\n过本年支出合计。";
        assert_eq!(read(broken), Relation::Greater);
        assert_eq!(read(spaced), Relation::Equal);
        assert_eq!(read(negated), Relation::NotExceeding);
        let (report, first) = check(vec![
            comparison(
                broken,
                ("本年收入合计", None, Some(Line::CurrentYearIncome)),
                read(broken),
                ("本年支出合计", None, Some(Line::CurrentYearExpenditure)),
            ),
            comparison(
                spaced,
                ("收入总计", None, Some(Line::IncomeTotal)),
                read(spaced),
                ("支出总计", None, Some(Line::ExpenditureTotal)),
            ),
            comparison(
                negated,
                ("本年收入合计", None, Some(Line::CurrentYearIncome)),
                read(negated),
                ("本年支出合计", None, Some(Line::CurrentYearExpenditure)),
            ),
        ]);
        // Only the first is false (8,179.19 is not above 8,633.56).
        let fs: Vec<_> = report.findings_for(Rule::NarrativeComparison).collect();
        assert_eq!(fs.len(), 1, "{}", report.render_text());
        assert_eq!(fs[0].severity, Severity::Error);
        assert!(fs[0]
            .location
            .row
            .as_deref()
            .unwrap()
            .starts_with(&format!("第{}条", first + 1)));
        assert_eq!(report.outcome(Rule::NarrativeComparison).unwrap().checks, 3);
    }
}
