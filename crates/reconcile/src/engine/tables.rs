//! Rules T1xx (within a table) and X2xx (across tables).

use yusuan_classification::Code;
use yusuan_money::Wan;
use yusuan_tables::{
    Amounts, CellRef, CodeTable, Column, Line, NumberRef, RowKey, SummaryRow, SummaryTable,
    TableKind,
};

use super::{column_bits, parent_key, ColumnSet, Ctx, Term};
use crate::percent::judge_growth;
use crate::rules::Rule;
use crate::tolerance::Rounding;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    summary_table(ctx);
    income_table(ctx);
    expenditure_table(ctx);
    fiscal_table(ctx);
    general_budget_table(ctx);
    basic_table(ctx);
    fund_tables(ctx);
    three_public_table(ctx);
    cross_tables(ctx);
}

// ------------------------------------------------------------------ helpers

fn cell(kind: TableKind, row: RowKey, column: Column) -> NumberRef {
    NumberRef::Cell(CellRef::new(kind, row, column))
}

/// A term of a code table row (or of its 合计 row).
fn code_term<A: Amounts>(
    kind: TableKind,
    r: Rounding,
    row: RowKey,
    amounts: Option<&A>,
    column: Column,
) -> Term {
    Term::new(
        cell(kind, row, column),
        amounts
            .and_then(|a| a.get(column))
            .and_then(|n| n.as_amount()),
        r,
    )
}

/// A summary table with the first row of each [`Line`] found once: the
/// identities look lines up some hundred times per disclosure.
#[derive(Clone, Copy)]
struct Summary<'t> {
    table: &'t SummaryTable,
    lines: [Option<&'t SummaryRow>; Line::ALL.len()],
}

impl<'t> Summary<'t> {
    fn new(table: &'t SummaryTable) -> Self {
        let mut lines = [None; Line::ALL.len()];
        for row in table.income.iter().chain(&table.expenditure) {
            if let RowKey::Line(l) = row.key {
                if let Some(slot @ None) = lines.get_mut(l as usize) {
                    *slot = Some(row);
                }
            }
        }
        Summary { table, lines }
    }

    /// [`SummaryTable::find`].
    fn find(&self, key: &RowKey) -> Option<&'t SummaryRow> {
        match key {
            RowKey::Line(l) => self.lines.get(*l as usize).copied().flatten(),
            other => self.table.find(other),
        }
    }
}

impl std::ops::Deref for Summary<'_> {
    type Target = SummaryTable;
    fn deref(&self) -> &SummaryTable {
        self.table
    }
}

/// A term of a summary table row.
fn line_term(kind: TableKind, r: Rounding, t: &Summary<'_>, key: RowKey, column: Column) -> Term {
    Term::new(
        cell(kind, key, column),
        t.find(&key)
            .and_then(|row| row.amounts.get(column))
            .and_then(|n| n.as_amount()),
        r,
    )
}

/// For each row, the index of its nearest ancestor printed in the table
/// (the first row printing that ancestor code).
fn nearest_parents(keys: &[u64]) -> Vec<Option<usize>> {
    // The first row of each key: a scan of the keys for a small table, a
    // binary search in a sorted index for a large one.
    let mut index: Vec<(u64, usize)> = Vec::new();
    if keys.len() > 32 {
        index = keys.iter().copied().zip(0..).collect();
        index.sort_unstable();
        index.dedup_by_key(|(key, _)| *key);
    }
    let first_row = |a: u64| {
        if index.is_empty() {
            keys.iter().position(|&k| k == a)
        } else {
            index
                .binary_search_by(|(key, _)| key.cmp(&a))
                .ok()
                .and_then(|i| index.get(i))
                .map(|&(_, row)| row)
        }
    };
    keys.iter()
        .map(|&k| std::iter::successors(parent_key(k), |&p| parent_key(p)).find_map(&first_row))
        .collect()
}

/// Amount columns (not percentages) among `columns`.
fn amount_columns(columns: &[Column]) -> impl Iterator<Item = Column> + '_ {
    columns.iter().copied().filter(|c| !c.is_percent())
}

/// Tree sums (parent = Σ nearest children) and the 合计 row (= Σ roots) of a
/// code table, in every printed amount column.
fn tree_and_total<A: Amounts>(
    ctx: &mut Ctx<'_>,
    kind: TableKind,
    t: &CodeTable<A>,
    tree_rule: Rule,
    total_rule: Rule,
) -> Vec<Option<usize>> {
    let r = ctx.table_rounding(kind);
    let parents = nearest_parents(ctx.code_index().keys(kind));
    let columns = || amount_columns(t.printed_columns());
    // The rows that have a parent, grouped by it (parents in row order,
    // children in row order within a group), and the roots.
    let mut children = ctx.take_pairs();
    children.extend(
        parents
            .iter()
            .enumerate()
            .filter_map(|(j, p)| p.map(|i| (i, j))),
    );
    children.sort_unstable();
    let term = |row: &yusuan_tables::CodeRow<A>, c: Column| {
        code_term(kind, r, RowKey::Code(row.code), Some(&row.amounts), c)
    };
    // Settled on the bare values in every column at once where possible
    // (each row read once); the other columns one by one.
    let set = ColumnSet::new(columns());
    let mut buf = ctx.take_buf();
    for group in children.chunk_by(|a, b| a.0 == b.0) {
        let Some(parent) = group.first().and_then(|&(i, _)| t.rows.get(i)) else {
            continue;
        };
        let children = || group.iter().filter_map(|&(_, j)| t.rows.get(j));
        let settled = match &set {
            Some(set) => ctx.sum_settled_columns(
                tree_rule,
                set,
                &parent.amounts,
                children().map(|row| &row.amounts),
            ),
            None => 0,
        };
        for (k, c) in columns().enumerate() {
            if settled & 1u64.checked_shl(k as u32).unwrap_or(0) != 0 {
                continue;
            }
            let value =
                |row: &yusuan_tables::CodeRow<A>| row.amounts.get(c).and_then(|n| n.as_amount());
            if set.is_none() && ctx.sum_settled(tree_rule, value(parent), children().map(value)) {
                continue;
            }
            buf.clear();
            buf.extend(children().map(|row| term(row, c)));
            ctx.sum(tree_rule, term(parent, c), &buf);
        }
    }
    ctx.give_back_pairs(children);
    if let Some(total_row) = &t.total {
        if !t.rows.is_empty() {
            let roots = || {
                t.rows
                    .iter()
                    .zip(&parents)
                    .filter(|(_, p)| p.is_none())
                    .map(|(row, _)| row)
            };
            let settled = match &set {
                Some(set) => ctx.sum_settled_columns(
                    total_rule,
                    set,
                    total_row,
                    roots().map(|row| &row.amounts),
                ),
                None => 0,
            };
            for (k, c) in columns().enumerate() {
                if settled & 1u64.checked_shl(k as u32).unwrap_or(0) != 0 {
                    continue;
                }
                let value = |row: &yusuan_tables::CodeRow<A>| {
                    row.amounts.get(c).and_then(|n| n.as_amount())
                };
                let total_value = total_row.get(c).and_then(|n| n.as_amount());
                if set.is_none() && ctx.sum_settled(total_rule, total_value, roots().map(value)) {
                    continue;
                }
                buf.clear();
                buf.extend(roots().map(|row| term(row, c)));
                let total = code_term(kind, r, RowKey::Total, Some(total_row), c);
                ctx.sum(total_rule, total, &buf);
            }
        }
    }
    ctx.give_back(buf);
    parents
}

/// `total_col = Σ part_cols` on every row (合计 row included), when the
/// total column and at least one part column are printed.
fn row_sums<A: Amounts>(
    ctx: &mut Ctx<'_>,
    kind: TableKind,
    t: &CodeTable<A>,
    rule: Rule,
    total_col: Column,
    part_cols: &[Column],
) {
    let printed = t.printed_columns();
    if !printed.contains(&total_col) {
        return;
    }
    let parts = || part_cols.iter().copied().filter(|c| printed.contains(c));
    if parts().next().is_none() {
        return;
    }
    // Columns printed but not read: the identity cannot be made.
    if let Some(reading) = &t.meta.reading {
        let unread: Vec<String> = std::iter::once(total_col)
            .chain(parts())
            .filter(|c| reading.missing_columns.contains(c))
            .map(|c| format!("“{}”", c.header_zh(kind)))
            .collect();
        if !unread.is_empty() {
            ctx.skip_shape(
                rule,
                format!(
                    "{}的{}栏未读取，不作行内比较",
                    table_title(ctx, kind),
                    unread.join("、")
                ),
            );
            return;
        }
    }
    // One amount column: the parts' columns hold no amount anywhere while
    // the total column does (a table printing a single 金额 column, or
    // whose split columns were not read): the identity does not fit.
    if column_has_amount(t, total_col) && !parts().any(|c| column_has_amount(t, c)) {
        let names: Vec<String> = parts()
            .filter(|&c| c != total_col)
            .map(|c| format!("“{}”", c.header_zh(kind)))
            .collect();
        ctx.skip_shape(
            rule,
            format!(
                "{}只列示一个金额栏（{}栏均无金额），行内分栏关系不适用",
                table_title(ctx, kind),
                names.join("、")
            ),
        );
        return;
    }
    let r = ctx.table_rounding(kind);
    let mut buf = ctx.take_buf();
    let rows = t
        .rows
        .iter()
        .map(|row| (RowKey::Code(row.code), &row.amounts))
        .chain(t.total.iter().map(|a| (RowKey::Total, a)));
    // The total column is never one of its own parts.
    let bits = column_bits(parts().filter(|&c| c != total_col));
    for (key, a) in rows {
        // a column the model has no slot for may be one of the parts (江苏's
        // 单位预留机动经费 is one of the 支出总表's): the row's sum is unknown
        let extra: Vec<String> = t.meta.extra_amounts(&key).map(|(l, _)| l).collect();
        if !extra.is_empty() {
            let reason = format!(
                "{}列示模型之外的“{}”栏，含该栏金额的行不作行内合计比较",
                table_title(ctx, kind),
                extra.join("”、“")
            );
            ctx.not_compared(rule, reason);
            continue;
        }
        if ctx.row_settled(rule, a, total_col, bits) {
            continue;
        }
        buf.clear();
        buf.extend(parts().map(|c| code_term(kind, r, key, Some(a), c)));
        let total = code_term(kind, r, key, Some(a), total_col);
        ctx.sum(rule, total, &buf);
    }
    ctx.give_back(buf);
}

/// Whether any row of `t` (合计 row included) prints an amount in `c`.
fn column_has_amount<A: Amounts>(t: &CodeTable<A>, c: Column) -> bool {
    t.rows
        .iter()
        .map(|r| &r.amounts)
        .chain(t.total.as_ref())
        .any(|a| a.get(c).and_then(|n| n.as_amount()).is_some())
}

/// The printed title of the table of `kind`, else its standard name.
fn table_title(ctx: &Ctx<'_>, kind: TableKind) -> String {
    ctx.d
        .tables
        .meta(kind)
        .and_then(|m| m.title.clone())
        .unwrap_or_else(|| kind.label_zh().to_owned())
}

fn absent(ctx: &mut Ctx<'_>, rules: &[Rule], kind: TableKind) {
    for &rule in rules {
        ctx.skip(rule, skip_reasons(kind).0);
    }
}

fn empty(ctx: &mut Ctx<'_>, rules: &[Rule], kind: TableKind) {
    for &rule in rules {
        ctx.skip(rule, skip_reasons(kind).1);
    }
}

/// Why a table's rules are skipped: `未公开{表}` (absent) and `{表}为空表`
/// (empty), as fixed texts (a report is built for every disclosure, and
/// most carry a few of these).
fn skip_reasons(kind: TableKind) -> (&'static str, &'static str) {
    match kind {
        TableKind::IncomeExpenditureSummary => ("未公开收支总表", "收支总表为空表"),
        TableKind::IncomeSummary => ("未公开收入总表", "收入总表为空表"),
        TableKind::ExpenditureSummary => ("未公开支出总表", "支出总表为空表"),
        TableKind::FiscalAppropriationSummary => {
            ("未公开财政拨款收支总表", "财政拨款收支总表为空表")
        }
        TableKind::GeneralBudgetExpenditure => {
            ("未公开一般公共预算支出表", "一般公共预算支出表为空表")
        }
        TableKind::GeneralBudgetBasicExpenditure => (
            "未公开一般公共预算基本支出表",
            "一般公共预算基本支出表为空表",
        ),
        TableKind::GovernmentFundExpenditure => {
            ("未公开政府性基金预算支出表", "政府性基金预算支出表为空表")
        }
        TableKind::StateCapitalExpenditure => (
            "未公开国有资本经营预算支出表",
            "国有资本经营预算支出表为空表",
        ),
        TableKind::ThreePublicExpenditure => (
            "未公开财政拨款“三公”经费支出表",
            "财政拨款“三公”经费支出表为空表",
        ),
        _ => ("未公开此表", "此表为空表"),
    }
}

/// Income lines of the 收支总表 that make up 本年收入合计, the three
/// appropriations replaced by the 财政拨款收入 umbrella where it is printed.
const OTHER_INCOME_LINES: &[Line] = &[
    Line::BusinessIncome,
    Line::InstitutionOperatingIncome,
    Line::SuperiorSubsidy,
    Line::SubordinateRemittance,
    Line::OtherIncome,
];
/// 江苏's income by source: 财政拨款, 财政专户管理资金, 其他资金 (over 事业收入,
/// 经营收入, 其他收入 …), in place of [`OTHER_INCOME_LINES`] where 其他资金 is
/// printed.
const INCOME_BY_SOURCE_LINES: &[Line] = &[Line::SpecialAccountFunds, Line::OtherFunds];
/// [`OTHER_INCOME_LINES`] and 财政专户管理资金.
const OTHER_INCOME_AND_SPECIAL_LINES: &[Line] = &[
    Line::BusinessIncome,
    Line::InstitutionOperatingIncome,
    Line::SuperiorSubsidy,
    Line::SubordinateRemittance,
    Line::OtherIncome,
    Line::SpecialAccountFunds,
];

/// The income lines besides the appropriations that make up 本年收入合计.
fn other_income_lines(t: &Summary<'_>) -> &'static [Line] {
    if has_line(t, Line::OtherFunds) {
        INCOME_BY_SOURCE_LINES
    } else if has_line(t, Line::SpecialAccountFunds) {
        OTHER_INCOME_AND_SPECIAL_LINES
    } else {
        OTHER_INCOME_LINES
    }
}

const APPROPRIATION_LINES: &[Line] = &[
    Line::GeneralBudgetAppropriation,
    Line::GovernmentFundAppropriation,
    Line::StateCapitalAppropriation,
];
const CARRYOVER_LINES: &[Line] = &[
    Line::CarryoverGeneralBudget,
    Line::CarryoverGovernmentFund,
    Line::CarryoverStateCapital,
];

fn has_line(t: &Summary<'_>, line: Line) -> bool {
    t.find(&RowKey::Line(line)).is_some()
}

/// Appropriation lines: the umbrella if printed (after checking it against
/// the three), else the three.
fn appropriation_terms(
    ctx: &mut Ctx<'_>,
    kind: TableKind,
    t: &Summary<'_>,
    column: Column,
    rule: Rule,
    out: &mut Vec<Term>,
) {
    let r = ctx.table_rounding(kind);
    let three: Vec<Term> = APPROPRIATION_LINES
        .iter()
        .map(|&l| line_term(kind, r, t, RowKey::Line(l), column))
        .collect();
    if has_line(t, Line::FiscalAppropriationIncome) {
        let umbrella = line_term(
            kind,
            r,
            t,
            RowKey::Line(Line::FiscalAppropriationIncome),
            column,
        );
        if three.iter().any(|x| x.v.is_some()) {
            ctx.sum(rule, umbrella, &three);
        }
        out.push(umbrella);
    } else {
        out.extend(three);
    }
}

/// The appropriation lines (umbrella if printed, else the three), without
/// checking them.
fn appropriation_lines(
    kind: TableKind,
    r: Rounding,
    t: &Summary<'_>,
    column: Column,
    out: &mut Vec<Term>,
) {
    if has_line(t, Line::FiscalAppropriationIncome) {
        out.push(line_term(
            kind,
            r,
            t,
            RowKey::Line(Line::FiscalAppropriationIncome),
            column,
        ));
    } else {
        out.extend(
            APPROPRIATION_LINES
                .iter()
                .map(|&l| line_term(kind, r, t, RowKey::Line(l), column)),
        );
    }
}

/// Code rows of a summary table's expenditure side and, for each, whether
/// it is a root (no ancestor printed).
fn expenditure_roots(ctx: &mut Ctx<'_>, kind: TableKind, t: &Summary<'_>) -> Vec<RowKey> {
    let codes: Vec<Code> = t.expenditure.iter().filter_map(|r| r.key.code()).collect();
    let parents = nearest_parents(ctx.code_index().keys(kind));
    codes
        .iter()
        .zip(parents)
        .filter(|(_, p)| p.is_none())
        .map(|(c, _)| RowKey::Code(*c))
        .collect()
}

/// The expenditure side shared by 收支总表 and 财政拨款收支总表, in every
/// printed column: 本年支出(合计) = Σ class rows, and = Σ lines by use
/// (支出用途) where they are printed; 支出总计 = 本年支出(合计) (or the class
/// rows, or the lines by use, where no subtotal is printed) + 结转下年; and
/// 收入总计 = 支出总计. `rules` are the subtotal, by-use, grand-total and
/// balance rules; `no_parts` is the reason to skip the grand total when there
/// is nothing to add up.
fn expenditure_side(
    ctx: &mut Ctx<'_>,
    (kind, r, t): (TableKind, Rounding, &Summary<'_>),
    parts: &mut Vec<Term>,
    [subtotal_rule, by_use_rule, total_rule, balance_rule]: [Rule; 4],
    no_parts: &'static str,
) {
    let line = |l: Line, c: Column| line_term(kind, r, t, RowKey::Line(l), c);
    let roots = expenditure_roots(ctx, kind, t);
    let by_use = Line::EXPENDITURE_BY_USE.iter().any(|&l| has_line(t, l));
    let uses = |parts: &mut Vec<Term>, c: Column| {
        parts.extend(Line::EXPENDITURE_BY_USE.iter().map(|&l| line(l, c)));
    };
    if !by_use {
        ctx.skip(
            by_use_rule,
            "未列示按支出用途（基本支出、项目支出）的支出行",
        );
    } else if !has_line(t, Line::CurrentYearExpenditure) && roots.is_empty() {
        // the lines by use then add up to 支出总计 with 结转下年, under the
        // grand-total rule below
        ctx.skip(
            by_use_rule,
            "未列示本年支出合计行：按支出用途各项与结转下年之和按支出总计规则核对",
        );
    }
    for &c in t.printed_expenditure_columns() {
        if has_line(t, Line::CurrentYearExpenditure) && !roots.is_empty() {
            parts.clear();
            parts.extend(roots.iter().map(|&k| line_term(kind, r, t, k, c)));
            ctx.sum(subtotal_rule, line(Line::CurrentYearExpenditure, c), parts);
        }
        if has_line(t, Line::CurrentYearExpenditure) && by_use {
            parts.clear();
            uses(parts, c);
            ctx.sum(by_use_rule, line(Line::CurrentYearExpenditure, c), parts);
        }
        if has_line(t, Line::ExpenditureTotal) {
            parts.clear();
            if has_line(t, Line::CurrentYearExpenditure) {
                parts.push(line(Line::CurrentYearExpenditure, c));
            } else if !roots.is_empty() {
                parts.extend(roots.iter().map(|&k| line_term(kind, r, t, k, c)));
            } else if by_use {
                uses(parts, c);
            } else {
                ctx.skip(total_rule, no_parts);
                continue;
            }
            parts.push(line(Line::CarryForward, c));
            ctx.sum(total_rule, line(Line::ExpenditureTotal, c), parts);
            // no subtotal, and the classes made the total: the lines by use
            // are a second breakdown of the same total
            if by_use && !has_line(t, Line::CurrentYearExpenditure) && !roots.is_empty() {
                parts.clear();
                uses(parts, c);
                parts.push(line(Line::CarryForward, c));
                ctx.sum(by_use_rule, line(Line::ExpenditureTotal, c), parts);
            }
        }
    }
    if has_line(t, Line::IncomeTotal) && has_line(t, Line::ExpenditureTotal) {
        ctx.same(
            balance_rule,
            line(Line::IncomeTotal, Column::Total),
            line(Line::ExpenditureTotal, Column::Total),
        );
    }
}

// ------------------------------------------------------------ 收支总表 (T10x)

fn summary_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::IncomeExpenditureSummary;
    let rules = [
        Rule::IncomeSubtotal,
        Rule::IncomeGrandTotal,
        Rule::ExpenditureSubtotal,
        Rule::ExpenditureGrandTotal,
        Rule::SummaryBalance,
        Rule::SummaryExpenditureColumns,
        Rule::SummaryExpenditureByUse,
    ];
    let Some(t) = ctx.d.tables.income_expenditure_summary.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    let t = &Summary::new(t);
    let r = ctx.table_rounding(kind);
    let line = |l: Line, c: Column| line_term(kind, r, t, RowKey::Line(l), c);
    let mut parts = Vec::with_capacity(16);
    for &c in t.printed_income_columns() {
        if has_line(t, Line::CurrentYearIncome) {
            parts.clear();
            appropriation_terms(ctx, kind, t, c, Rule::IncomeSubtotal, &mut parts);
            parts.extend(other_income_lines(t).iter().map(|&l| line(l, c)));
            ctx.sum(
                Rule::IncomeSubtotal,
                line(Line::CurrentYearIncome, c),
                &parts,
            );
        }
        if has_line(t, Line::IncomeTotal) {
            // 本年收入合计, or its lines where the template prints no
            // subtotal (Shanghai).
            parts.clear();
            if has_line(t, Line::CurrentYearIncome) {
                parts.push(line(Line::CurrentYearIncome, c));
            } else {
                appropriation_lines(kind, r, t, c, &mut parts);
                parts.extend(other_income_lines(t).iter().map(|&l| line(l, c)));
            }
            parts.push(line(Line::NonFiscalBalanceUsed, c));
            parts.push(line(Line::PriorYearCarryover, c));
            ctx.sum(Rule::IncomeGrandTotal, line(Line::IncomeTotal, c), &parts);
        }
    }
    expenditure_side(
        ctx,
        (kind, r, t),
        &mut parts,
        [
            Rule::ExpenditureSubtotal,
            Rule::SummaryExpenditureByUse,
            Rule::ExpenditureGrandTotal,
            Rule::SummaryBalance,
        ],
        "支出方既无本年支出合计也无科目行",
    );
    let ecols = t.printed_expenditure_columns();
    // Shanghai-style expenditure columns.
    let has = |c: Column| ecols.contains(&c);
    // 合计 = 基本支出 (or, where no 基本支出 cell is printed, 人员经费 +
    // 公用经费) + 项目支出.
    let basic_parts: &[Column] = if has(Column::Basic) {
        &[Column::Basic]
    } else {
        &[Column::Personnel, Column::Public]
    };
    let total_parts = || {
        basic_parts
            .iter()
            .copied()
            .chain([Column::Project])
            .filter(|&c| has(c))
    };
    for row in &t.expenditure {
        let term = |c: Column| line_term(kind, r, t, row.key, c);
        if has(Column::Total) && total_parts().next().is_some() {
            parts.clear();
            parts.extend(total_parts().map(term));
            ctx.sum(Rule::SummaryExpenditureColumns, term(Column::Total), &parts);
        }
        if has(Column::Basic) && (has(Column::Personnel) || has(Column::Public)) {
            parts.clear();
            parts.extend(
                [Column::Personnel, Column::Public]
                    .into_iter()
                    .filter(|&c| has(c))
                    .map(term),
            );
            ctx.sum(Rule::SummaryExpenditureColumns, term(Column::Basic), &parts);
        }
    }
    if ecols.len() <= 1 {
        ctx.skip(Rule::SummaryExpenditureColumns, "支出方只列示预算数一栏");
    }
}

// ------------------------------------------------------------ 收入总表 (T11x)

fn income_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::IncomeSummary;
    let rules = [
        Rule::IncomeTableRow,
        Rule::IncomeTableOfWhich,
        Rule::IncomeTableTree,
    ];
    let Some(t) = ctx.d.tables.income_summary.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    let printed = t.printed_columns();
    let umbrella = printed.contains(&Column::FiscalAppropriation);
    // 合计 = 上年结转 + the appropriations (the 财政拨款 umbrella where it
    // is printed, checked against its three) + the other income.
    const OTHER_INCOME: [Column; 6] = [
        Column::BusinessIncome,
        Column::InstitutionOperatingIncome,
        Column::SuperiorSubsidy,
        Column::SubordinateRemittance,
        Column::OtherIncome,
        Column::NonFiscalBalanceUsed,
    ];
    let three = [
        Column::GeneralBudget,
        Column::GovernmentFund,
        Column::StateCapital,
    ];
    let [a, b, c, d, e, f] = OTHER_INCOME;
    let parts: &[Column] = if umbrella {
        if three.iter().any(|c| printed.contains(c)) {
            row_sums(
                ctx,
                kind,
                t,
                Rule::IncomeTableRow,
                Column::FiscalAppropriation,
                &three,
            );
        }
        &[
            Column::PriorYearCarryover,
            Column::FiscalAppropriation,
            a,
            b,
            c,
            d,
            e,
            f,
        ]
    } else {
        let [g, h, i] = three;
        &[Column::PriorYearCarryover, g, h, i, a, b, c, d, e, f]
    };
    row_sums(ctx, kind, t, Rule::IncomeTableRow, Column::Total, parts);
    if printed.contains(&Column::EducationFees) && printed.contains(&Column::BusinessIncome) {
        let r = ctx.table_rounding(kind);
        let rows = t
            .rows
            .iter()
            .map(|row| (RowKey::Code(row.code), &row.amounts))
            .chain(t.total.iter().map(|a| (RowKey::Total, a)))
            .map(|(k, a)| {
                (
                    code_term(kind, r, k, Some(a), Column::EducationFees),
                    code_term(kind, r, k, Some(a), Column::BusinessIncome),
                )
            });
        for (fees, business) in rows {
            if fees.v.is_some() {
                ctx.at_most(Rule::IncomeTableOfWhich, fees, business);
            }
        }
        ctx.skip(Rule::IncomeTableOfWhich, "“其中：教育收费”栏没有金额");
    } else {
        ctx.skip(Rule::IncomeTableOfWhich, "未列示“其中：教育收费”栏");
    }
    if t.rows.is_empty() {
        ctx.skip(Rule::IncomeTableTree, "收入总表只列示合计行");
    }
    tree_and_total(ctx, kind, t, Rule::IncomeTableTree, Rule::IncomeTableTree);
}

// ------------------------------------------------------------ 支出总表 (T12x)

fn expenditure_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::ExpenditureSummary;
    let rules = [
        Rule::ExpenditureTableRow,
        Rule::ExpenditureTableTree,
        Rule::ExpenditureTableTotal,
    ];
    let Some(t) = ctx.d.tables.expenditure_summary.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    row_sums(
        ctx,
        kind,
        t,
        Rule::ExpenditureTableRow,
        Column::Total,
        &[
            Column::Basic,
            Column::Project,
            Column::RemitToSuperior,
            Column::InstitutionOperatingExpenditure,
            Column::SubsidyToSubordinate,
        ],
    );
    tree_and_total(
        ctx,
        kind,
        t,
        Rule::ExpenditureTableTree,
        Rule::ExpenditureTableTotal,
    );
}

// ------------------------------------------------------ 财政拨款收支总表 (T13x)

fn fiscal_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::FiscalAppropriationSummary;
    let rules = [
        Rule::FiscalIncomeParts,
        Rule::FiscalIncomeTotal,
        Rule::FiscalExpenditureSubtotal,
        Rule::FiscalExpenditureTotal,
        Rule::FiscalBalance,
        Rule::FiscalExpenditureColumns,
        Rule::FiscalExpenditureByUse,
    ];
    let Some(t) = ctx.d.tables.fiscal_appropriation_summary.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    let t = &Summary::new(t);
    let r = ctx.table_rounding(kind);
    let line = |l: Line, c: Column| line_term(kind, r, t, RowKey::Line(l), c);
    let mut parts = Vec::with_capacity(16);
    for &c in t.printed_income_columns() {
        if has_line(t, Line::CurrentYearIncome) {
            parts.clear();
            appropriation_terms(ctx, kind, t, c, Rule::FiscalIncomeParts, &mut parts);
            if parts.iter().any(|p| p.v.is_some()) {
                ctx.sum(
                    Rule::FiscalIncomeParts,
                    line(Line::CurrentYearIncome, c),
                    &parts,
                );
            }
        }
        if has_line(t, Line::PriorYearCarryover) && CARRYOVER_LINES.iter().any(|&l| has_line(t, l))
        {
            parts.clear();
            parts.extend(CARRYOVER_LINES.iter().map(|&l| line(l, c)));
            ctx.sum(
                Rule::FiscalIncomeParts,
                line(Line::PriorYearCarryover, c),
                &parts,
            );
        }
        if has_line(t, Line::IncomeTotal) {
            // 本年收入 and 上年结转, or their lines where no subtotal is
            // printed.
            parts.clear();
            if has_line(t, Line::CurrentYearIncome) {
                parts.push(line(Line::CurrentYearIncome, c));
            } else {
                appropriation_lines(kind, r, t, c, &mut parts);
            }
            if has_line(t, Line::PriorYearCarryover) {
                parts.push(line(Line::PriorYearCarryover, c));
            } else {
                parts.extend(CARRYOVER_LINES.iter().map(|&l| line(l, c)));
            }
            ctx.sum(Rule::FiscalIncomeTotal, line(Line::IncomeTotal, c), &parts);
        }
    }
    expenditure_side(
        ctx,
        (kind, r, t),
        &mut parts,
        [
            Rule::FiscalExpenditureSubtotal,
            Rule::FiscalExpenditureByUse,
            Rule::FiscalExpenditureTotal,
            Rule::FiscalBalance,
        ],
        "支出方既无本年支出也无科目行",
    );
    let ecols = t.printed_expenditure_columns();
    let three = [
        Column::GeneralBudget,
        Column::GovernmentFund,
        Column::StateCapital,
    ];
    if ecols.contains(&Column::Total) && three.iter().any(|c| ecols.contains(c)) {
        for row in &t.expenditure {
            parts.clear();
            parts.extend(
                three
                    .iter()
                    .filter(|c| ecols.contains(c))
                    .map(|&c| line_term(kind, r, t, row.key, c)),
            );
            let total = line_term(kind, r, t, row.key, Column::Total);
            ctx.sum(Rule::FiscalExpenditureColumns, total, &parts);
        }
    } else {
        ctx.skip(Rule::FiscalExpenditureColumns, "支出方只列示预算数一栏");
    }
}

// ---------------------------------------------------- 一般公共预算支出表 (T14x)

fn general_budget_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::GeneralBudgetExpenditure;
    let rules = [
        Rule::GeneralBudgetRow,
        Rule::GeneralBudgetTree,
        Rule::GeneralBudgetTotal,
        Rule::GeneralBudgetChange,
        Rule::GeneralBudgetChangeRate,
    ];
    let Some(t) = ctx.d.tables.general_budget_expenditure.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    row_sums(
        ctx,
        kind,
        t,
        Rule::GeneralBudgetRow,
        Column::Total,
        &[Column::Basic, Column::Project],
    );
    tree_and_total(
        ctx,
        kind,
        t,
        Rule::GeneralBudgetTree,
        Rule::GeneralBudgetTotal,
    );
    let printed = t.printed_columns();
    let r = ctx.table_rounding(kind);
    let pairs = [
        (
            Column::Change,
            Column::ChangePercent,
            Column::Total,
            Column::PriorYear,
        ),
        (
            Column::ChangeExclCapital,
            Column::ChangePercentExclCapital,
            Column::TotalExclCapital,
            Column::PriorYearExclCapital,
        ),
    ];
    let rows = || {
        t.rows
            .iter()
            .map(|row| (RowKey::Code(row.code), &row.amounts))
            .chain(t.total.iter().map(|a| (RowKey::Total, a)))
    };
    let mut any_change = false;
    let mut any_rate = false;
    // Values first; the terms (addresses) only for a comparison that is not
    // settled on the values.
    let amount =
        |a: &yusuan_tables::GeneralBudgetAmounts, c: Column| a.get(c).and_then(|n| n.as_amount());
    for (change_col, rate_col, new_col, old_col) in pairs {
        let both = printed.contains(&new_col) && printed.contains(&old_col);
        if !both {
            continue;
        }
        let has_change = printed.contains(&change_col);
        let has_rate = printed.contains(&rate_col);
        for (key, a) in rows() {
            let (nv, ov) = (amount(a, new_col), amount(a, old_col));
            if has_change {
                any_change = true;
                let cv = amount(a, change_col);
                if !ctx.difference_settled(Rule::GeneralBudgetChange, cv, nv, ov) {
                    let new = code_term(kind, r, key, Some(a), new_col);
                    let old = code_term(kind, r, key, Some(a), old_col);
                    let change = code_term(kind, r, key, Some(a), change_col);
                    ctx.difference(Rule::GeneralBudgetChange, change, new, old);
                }
            }
            if has_rate {
                let Some(rate) = a.get(rate_col).and_then(|n| n.as_percent()) else {
                    continue;
                };
                let (Some(nv), Some(ov)) = (nv, ov) else {
                    continue;
                };
                if ov.is_zero() {
                    // 增减(%) is undefined against a zero base; publishers
                    // print 0.00% or a dash: nothing to check.
                    continue;
                }
                any_rate = true;
                if let Ok(j) = judge_growth(r, nv, ov, rate) {
                    if j.agreement == crate::percent::PercentAgreement::Exact {
                        // As `Ctx::percent` does for an exact match.
                        ctx.count(Rule::GeneralBudgetChangeRate);
                        continue;
                    }
                    let new = code_term(kind, r, key, Some(a), new_col);
                    let old = code_term(kind, r, key, Some(a), old_col);
                    ctx.percent(
                        Rule::GeneralBudgetChangeRate,
                        cell(kind, key, rate_col),
                        &j,
                        &[new, old],
                        "（预算数 − 执行数）/ 执行数",
                    );
                }
            }
        }
    }
    if !any_change {
        ctx.skip(Rule::GeneralBudgetChange, "未列示上年执行数或增减额");
    }
    if !any_rate {
        ctx.skip(Rule::GeneralBudgetChangeRate, "未列示增减(%)或执行数为零");
    }
}

// ------------------------------------------------ 一般公共预算基本支出表 (T15x)

fn basic_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::GeneralBudgetBasicExpenditure;
    let rules = [Rule::BasicRow, Rule::BasicTree, Rule::BasicPersonnelSplit];
    let Some(t) = ctx.d.tables.general_budget_basic_expenditure.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    row_sums(
        ctx,
        kind,
        t,
        Rule::BasicRow,
        Column::Total,
        &[Column::Personnel, Column::Public],
    );
    let parents = tree_and_total(ctx, kind, t, Rule::BasicTree, Rule::BasicTree);
    // 人员经费 = 301 + 303; 公用经费 = the other classes.
    let printed = t.printed_columns();
    let Some(total) = &t.total else {
        ctx.skip(Rule::BasicPersonnelSplit, "基本支出表没有合计行");
        return;
    };
    if !(printed.contains(&Column::Personnel) && printed.contains(&Column::Public)) {
        ctx.skip(Rule::BasicPersonnelSplit, "未分列人员经费和公用经费");
        return;
    }
    if !column_has_amount(t, Column::Personnel) && !column_has_amount(t, Column::Public) {
        ctx.skip_shape(
            Rule::BasicPersonnelSplit,
            format!(
                "{}的人员经费、公用经费栏均无金额（只列示一个金额栏），不作分列比较",
                table_title(ctx, kind)
            ),
        );
        return;
    }
    let r = ctx.table_rounding(kind);
    let mut personnel = Vec::new();
    let mut public = Vec::new();
    for (row, p) in t.rows.iter().zip(&parents) {
        if p.is_some() {
            continue;
        }
        let term = code_term(
            kind,
            r,
            RowKey::Code(row.code),
            Some(&row.amounts),
            Column::Total,
        );
        match row.code.class().as_str() {
            "301" | "303" => personnel.push(term),
            _ => public.push(term),
        }
    }
    if personnel.is_empty() && public.is_empty() {
        ctx.skip(Rule::BasicPersonnelSplit, "基本支出表没有科目行");
        return;
    }
    let tp = code_term(kind, r, RowKey::Total, Some(total), Column::Personnel);
    ctx.sum(Rule::BasicPersonnelSplit, tp, &personnel);
    let tq = code_term(kind, r, RowKey::Total, Some(total), Column::Public);
    ctx.sum(Rule::BasicPersonnelSplit, tq, &public);
}

// ------------------------------------------------- 政府性基金 / 国有资本 (T161, T171)

fn fund_tables(ctx: &mut Ctx<'_>) {
    for (kind, rule) in [
        (
            TableKind::GovernmentFundExpenditure,
            Rule::GovernmentFundTable,
        ),
        (TableKind::StateCapitalExpenditure, Rule::StateCapitalTable),
    ] {
        let t = match kind {
            TableKind::GovernmentFundExpenditure => {
                ctx.d.tables.government_fund_expenditure.as_ref()
            }
            _ => ctx.d.tables.state_capital_expenditure.as_ref(),
        };
        let Some(t) = t else {
            absent(ctx, &[rule], kind);
            continue;
        };
        if t.is_empty() {
            empty(ctx, &[rule], kind);
            continue;
        }
        row_sums(
            ctx,
            kind,
            t,
            rule,
            Column::Total,
            &[Column::Basic, Column::Project],
        );
        tree_and_total(ctx, kind, t, rule, rule);
    }
}

// ------------------------------------------------------- "三公" (T19x)

fn three_public_table(ctx: &mut Ctx<'_>) {
    let kind = TableKind::ThreePublicExpenditure;
    let rules = [Rule::ThreePublicTotal, Rule::ThreePublicVehicles];
    let Some(t) = ctx.d.tables.three_public_expenditure.as_ref() else {
        absent(ctx, &rules, kind);
        return;
    };
    if t.is_empty() {
        empty(ctx, &rules, kind);
        return;
    }
    let r = ctx.table_rounding(kind);
    let printed = t.printed_columns();
    // One amount column: the items hold no amount in any row while 合计
    // does (a table whose item columns were not read).
    let column_has = |c: Column| {
        t.rows
            .iter()
            .any(|row| row.amounts.get(c).and_then(|n| n.as_amount()).is_some())
    };
    let items = [
        Column::OutboundTravel,
        Column::Vehicles,
        Column::VehiclePurchase,
        Column::VehicleOperation,
        Column::Reception,
    ];
    if column_has(Column::Total) && !items.iter().any(|&c| column_has(c)) {
        let reason = format!(
            "{}只有合计栏有金额（各项栏均无金额），表内关系不适用",
            table_title(ctx, kind)
        );
        for rule in rules {
            ctx.skip_shape(rule, reason.clone());
        }
        return;
    }
    let has = |c: Column| printed.contains(&c);
    for row in &t.rows {
        let key = RowKey::Period(row.period);
        let term = |c: Column| code_term(kind, r, key, Some(&row.amounts), c);
        if has(Column::Total) {
            let (travel, reception) = (term(Column::OutboundTravel), term(Column::Reception));
            if has(Column::Vehicles) {
                let parts = [travel, term(Column::Vehicles), reception];
                ctx.sum(Rule::ThreePublicTotal, term(Column::Total), &parts);
            } else {
                let parts = [
                    travel,
                    term(Column::VehiclePurchase),
                    term(Column::VehicleOperation),
                    reception,
                ];
                ctx.sum(Rule::ThreePublicTotal, term(Column::Total), &parts);
            }
        }
        if has(Column::Vehicles) && (has(Column::VehiclePurchase) || has(Column::VehicleOperation))
        {
            ctx.sum(
                Rule::ThreePublicVehicles,
                term(Column::Vehicles),
                &[
                    term(Column::VehiclePurchase),
                    term(Column::VehicleOperation),
                ],
            );
        }
    }
}

// ------------------------------------------------------------ X2xx

fn cross_tables(ctx: &mut Ctx<'_>) {
    basic_items_within_three_public(ctx);
    let d = ctx.d;
    let s1 = d
        .tables
        .income_expenditure_summary
        .as_ref()
        .map(Summary::new);
    let t1 = s1.as_ref();
    let t2 = d.tables.income_summary.as_ref();
    let t3 = d.tables.expenditure_summary.as_ref();
    let s4 = d
        .tables
        .fiscal_appropriation_summary
        .as_ref()
        .map(Summary::new);
    let t4 = s4.as_ref();
    let t5 = d.tables.general_budget_expenditure.as_ref();
    let t6 = d.tables.general_budget_basic_expenditure.as_ref();
    let r1 = ctx.table_rounding(TableKind::IncomeExpenditureSummary);
    let r2 = ctx.table_rounding(TableKind::IncomeSummary);
    let r3 = ctx.table_rounding(TableKind::ExpenditureSummary);
    let r4 = ctx.table_rounding(TableKind::FiscalAppropriationSummary);
    let r5 = ctx.table_rounding(TableKind::GeneralBudgetExpenditure);
    let r6 = ctx.table_rounding(TableKind::GeneralBudgetBasicExpenditure);
    let k1 = TableKind::IncomeExpenditureSummary;
    let k2 = TableKind::IncomeSummary;
    let k3 = TableKind::ExpenditureSummary;
    let k4 = TableKind::FiscalAppropriationSummary;
    let k5 = TableKind::GeneralBudgetExpenditure;
    let k6 = TableKind::GeneralBudgetBasicExpenditure;
    let total = Column::Total;

    // X201, X202: 收入总表 against 收支总表.
    match (t1, t2) {
        (Some(t1), Some(t2)) if t2.total.is_some() => {
            let a = t2.total.as_ref();
            if has_line(t1, Line::IncomeTotal) {
                ctx.same(
                    Rule::IncomeTableMatchesSummary,
                    line_term(k1, r1, t1, RowKey::Line(Line::IncomeTotal), total),
                    code_term(k2, r2, RowKey::Total, a, total),
                );
            }
            let pairs = [
                (Column::PriorYearCarryover, Line::PriorYearCarryover),
                (Column::FiscalAppropriation, Line::FiscalAppropriationIncome),
                (Column::GeneralBudget, Line::GeneralBudgetAppropriation),
                (Column::GovernmentFund, Line::GovernmentFundAppropriation),
                (Column::StateCapital, Line::StateCapitalAppropriation),
                (Column::BusinessIncome, Line::BusinessIncome),
                (
                    Column::InstitutionOperatingIncome,
                    Line::InstitutionOperatingIncome,
                ),
                (Column::SuperiorSubsidy, Line::SuperiorSubsidy),
                (Column::SubordinateRemittance, Line::SubordinateRemittance),
                (Column::OtherIncome, Line::OtherIncome),
                (Column::NonFiscalBalanceUsed, Line::NonFiscalBalanceUsed),
            ];
            let printed = t2.printed_columns();
            for (col, l) in pairs {
                if printed.contains(&col) && has_line(t1, l) {
                    ctx.same(
                        Rule::IncomeColumnsMatchSummary,
                        line_term(k1, r1, t1, RowKey::Line(l), total),
                        code_term(k2, r2, RowKey::Total, a, col),
                    );
                }
            }
        }
        _ => {
            for rule in [
                Rule::IncomeTableMatchesSummary,
                Rule::IncomeColumnsMatchSummary,
            ] {
                ctx.skip(rule, "收支总表或收入总表（合计行）未公开");
            }
        }
    }

    // X203, X204: 支出总表 against 收支总表.
    match (t1, t3) {
        (Some(t1), Some(t3)) => {
            if has_line(t1, Line::CurrentYearExpenditure) && t3.total.is_some() {
                ctx.same(
                    Rule::ExpenditureTableMatchesSummary,
                    line_term(
                        k1,
                        r1,
                        t1,
                        RowKey::Line(Line::CurrentYearExpenditure),
                        total,
                    ),
                    code_term(k3, r3, RowKey::Total, t3.total.as_ref(), total),
                );
            }
            let t1_codes: Vec<Code> = t1.expenditure.iter().filter_map(|r| r.key.code()).collect();
            if t3.rows.is_empty() {
                ctx.skip_shape(
                    Rule::ExpenditureClassesMatchSummary,
                    format!("{}没有读到科目行，不按科目比较", table_title(ctx, k3)),
                );
            }
            for &code in t1_codes.iter().filter(|_| !t3.rows.is_empty()) {
                let key = RowKey::Code(code);
                ctx.same(
                    Rule::ExpenditureClassesMatchSummary,
                    line_term(k1, r1, t1, key, total),
                    code_term(k3, r3, key, t3.find(code).map(|r| &r.amounts), total),
                );
            }
            if !t1_codes.is_empty() {
                for row in &t3.rows {
                    let is_class = row.code.parent().is_none();
                    if is_class && !t1_codes.contains(&row.code) {
                        let key = RowKey::Code(row.code);
                        ctx.same(
                            Rule::ExpenditureClassesMatchSummary,
                            line_term(k1, r1, t1, key, total),
                            code_term(k3, r3, key, Some(&row.amounts), total),
                        );
                    }
                }
            }
        }
        _ => {
            for rule in [
                Rule::ExpenditureTableMatchesSummary,
                Rule::ExpenditureClassesMatchSummary,
            ] {
                ctx.skip(rule, "收支总表或支出总表未公开");
            }
        }
    }

    // X205: 一般公共预算支出表 ≤ 支出总表, per code and column.
    match (t3, t5) {
        (Some(t3), Some(t5)) => {
            let cols = [Column::Total, Column::Basic, Column::Project];
            let rows = t5
                .rows
                .iter()
                .map(|row| (RowKey::Code(row.code), Some(&row.amounts)))
                .chain(t5.total.iter().map(|a| (RowKey::Total, Some(a))));
            for (key, a5) in rows {
                let a3 = match key {
                    RowKey::Code(c) => match t3.find(c) {
                        Some(row) => Some(&row.amounts),
                        None => continue,
                    },
                    _ => match &t3.total {
                        Some(a) => Some(a),
                        None => continue,
                    },
                };
                for c in cols {
                    if !t5.printed_columns().contains(&c) || !t3.printed_columns().contains(&c) {
                        continue;
                    }
                    let small = code_term(k5, r5, key, a5, c);
                    if small.v.is_none() {
                        continue;
                    }
                    ctx.at_most(
                        Rule::ExpenditureCoversGeneralBudget,
                        small,
                        code_term(k3, r3, key, a3, c),
                    );
                }
            }
        }
        _ => ctx.skip(
            Rule::ExpenditureCoversGeneralBudget,
            "支出总表或一般公共预算支出表未公开",
        ),
    }

    // X206, X207: 财政拨款收支总表 against 收支总表.
    match (t1, t4) {
        (Some(t1), Some(t4)) => {
            for l in [
                Line::FiscalAppropriationIncome,
                Line::GeneralBudgetAppropriation,
                Line::GovernmentFundAppropriation,
                Line::StateCapitalAppropriation,
            ] {
                if has_line(t1, l) && has_line(t4, l) {
                    ctx.same(
                        Rule::FiscalIncomeMatchesSummary,
                        line_term(k1, r1, t1, RowKey::Line(l), total),
                        line_term(k4, r4, t4, RowKey::Line(l), total),
                    );
                }
            }
            if has_line(t4, Line::PriorYearCarryover) {
                let small = line_term(k4, r4, t4, RowKey::Line(Line::PriorYearCarryover), total);
                if small.v.is_some() {
                    ctx.at_most(
                        Rule::FiscalCarryOverWithinSummary,
                        small,
                        line_term(k1, r1, t1, RowKey::Line(Line::PriorYearCarryover), total),
                    );
                }
            }
        }
        _ => {
            for rule in [
                Rule::FiscalIncomeMatchesSummary,
                Rule::FiscalCarryOverWithinSummary,
            ] {
                ctx.skip(rule, "收支总表或财政拨款收支总表未公开");
            }
        }
    }

    // X208: 财政拨款 classes ≤ 支出总表 classes.
    match (t3, t4) {
        (Some(t3), Some(t4)) => {
            for row in &t4.expenditure {
                let Some(code) = row.key.code() else { continue };
                let small = line_term(k4, r4, t4, row.key, total);
                if small.v.is_none() {
                    continue;
                }
                ctx.at_most(
                    Rule::FiscalClassesWithinExpenditure,
                    small,
                    code_term(k3, r3, row.key, t3.find(code).map(|r| &r.amounts), total),
                );
            }
            if has_line(t4, Line::CurrentYearExpenditure) && t3.total.is_some() {
                ctx.at_most(
                    Rule::FiscalClassesWithinExpenditure,
                    line_term(
                        k4,
                        r4,
                        t4,
                        RowKey::Line(Line::CurrentYearExpenditure),
                        total,
                    ),
                    code_term(k3, r3, RowKey::Total, t3.total.as_ref(), total),
                );
            }
        }
        _ => ctx.skip(
            Rule::FiscalClassesWithinExpenditure,
            "支出总表或财政拨款收支总表未公开",
        ),
    }

    // X209, X210: 一般公共预算支出表 against 财政拨款收支总表.
    match (t4, t5) {
        (Some(t4), Some(t5)) => {
            let t4_has_codes = t4.expenditure.iter().any(|r| r.key.code().is_some());
            if !t4_has_codes {
                ctx.skip_shape(
                    Rule::FiscalClassesCoverGeneralBudget,
                    format!("{}支出方没有读到科目行，不按科目比较", table_title(ctx, k4)),
                );
            }
            for row in t5.rows.iter().filter(|_| t4_has_codes) {
                if row.code.parent().is_some() {
                    continue;
                }
                let key = RowKey::Code(row.code);
                let small = code_term(k5, r5, key, Some(&row.amounts), total);
                if small.v.is_none() {
                    continue;
                }
                ctx.at_most(
                    Rule::FiscalClassesCoverGeneralBudget,
                    small,
                    line_term(k4, r4, t4, key, total),
                );
            }
            if has_line(t4, Line::GeneralBudgetAppropriation) && t5.total.is_some() {
                ctx.same(
                    Rule::GeneralBudgetMatchesFiscal,
                    line_term(
                        k4,
                        r4,
                        t4,
                        RowKey::Line(Line::GeneralBudgetAppropriation),
                        total,
                    ),
                    code_term(k5, r5, RowKey::Total, t5.total.as_ref(), total),
                );
            } else {
                ctx.skip(
                    Rule::GeneralBudgetMatchesFiscal,
                    "财政拨款收支总表未列示一般公共预算拨款，或一般公共预算支出表没有合计行",
                );
            }
        }
        _ => {
            for rule in [
                Rule::FiscalClassesCoverGeneralBudget,
                Rule::GeneralBudgetMatchesFiscal,
            ] {
                ctx.skip(rule, "财政拨款收支总表或一般公共预算支出表未公开");
            }
        }
    }

    // X211: 一般公共预算支出表 基本支出 = 基本支出表 合计.
    match (t5, t6) {
        (Some(t5), Some(t6)) if t5.total.is_some() && t6.total.is_some() => {
            if t5.printed_columns().contains(&Column::Basic)
                && !column_has_amount(t5, Column::Basic)
            {
                ctx.skip_shape(
                    Rule::GeneralBudgetBasicMatchesBasicTable,
                    format!(
                        "{}的基本支出栏没有金额（只列示一个金额栏），不作比较",
                        table_title(ctx, k5)
                    ),
                );
            } else if t5.printed_columns().contains(&Column::Basic) {
                ctx.same(
                    Rule::GeneralBudgetBasicMatchesBasicTable,
                    code_term(k5, r5, RowKey::Total, t5.total.as_ref(), Column::Basic),
                    code_term(k6, r6, RowKey::Total, t6.total.as_ref(), total),
                );
            }
        }
        _ => ctx.skip(
            Rule::GeneralBudgetBasicMatchesBasicTable,
            "一般公共预算支出表或基本支出表（合计行）未公开",
        ),
    }

    // X212: 政府性基金 / 国有资本 tables within their appropriations.
    if let Some(t4) = t4 {
        for (kind, table, lines) in [
            (
                TableKind::GovernmentFundExpenditure,
                d.tables.government_fund_expenditure.as_ref(),
                [
                    Line::GovernmentFundAppropriation,
                    Line::CarryoverGovernmentFund,
                ],
            ),
            (
                TableKind::StateCapitalExpenditure,
                d.tables.state_capital_expenditure.as_ref(),
                [Line::StateCapitalAppropriation, Line::CarryoverStateCapital],
            ),
        ] {
            let Some(t) = table else { continue };
            let rk = ctx.table_rounding(kind);
            let small = code_term(kind, rk, RowKey::Total, t.total.as_ref(), total);
            let Some(sv) = small.v else { continue };
            let larges: Vec<Term> = lines
                .iter()
                .map(|&l| line_term(k4, r4, t4, RowKey::Line(l), total))
                .collect();
            at_most_sum(ctx, Rule::SpecialBudgetsWithinFiscal, small, sv, &larges);
        }
    } else {
        ctx.skip(Rule::SpecialBudgetsWithinFiscal, "财政拨款收支总表未公开");
    }
    if ctx
        .d
        .tables
        .government_fund_expenditure
        .as_ref()
        .map_or(true, |t| t.is_empty())
        && ctx
            .d
            .tables
            .state_capital_expenditure
            .as_ref()
            .map_or(true, |t| t.is_empty())
    {
        ctx.skip(
            Rule::SpecialBudgetsWithinFiscal,
            "政府性基金、国有资本经营预算支出表均为空",
        );
    }
}

/// X213–X216: items of the 基本支出表 within the “三公” table's figure of
/// the same item for the year (the “三公” table also counts project
/// spending: part ≤ whole, never equality). Not compared when either side
/// is absent.
fn basic_items_within_three_public(ctx: &mut Ctx<'_>) {
    // The rule, the code, the “三公” column, and words its printed name
    // contains.
    const ITEMS: [(Rule, &str, Column, &[&str]); 4] = [
        (
            Rule::BasicTravelWithinThreePublic,
            "30212",
            Column::OutboundTravel,
            &["出国"],
        ),
        (
            Rule::BasicReceptionWithinThreePublic,
            "30217",
            Column::Reception,
            &["接待"],
        ),
        (
            Rule::BasicVehicleOperationWithinThreePublic,
            "30231",
            Column::VehicleOperation,
            &["车运行", "车运维", "运行维护"],
        ),
        (
            Rule::BasicVehiclePurchaseWithinThreePublic,
            "31013",
            Column::VehiclePurchase,
            &["车购置", "购置"],
        ),
    ];
    let d = ctx.d;
    let k9 = TableKind::ThreePublicExpenditure;
    // the 基本支出表, or a 决算's 一般公共预算财政拨款基本支出决算表
    let t6 = d.tables.general_budget_basic_expenditure.as_ref();
    let final6 = d.tables.final_accounts.basic_expenditure.as_ref();
    let k6 = if t6.is_none() && final6.is_some() {
        TableKind::FinalBasicExpenditure
    } else {
        TableKind::GeneralBudgetBasicExpenditure
    };
    let (true, Some(t9)) = (
        t6.is_some() || final6.is_some(),
        d.tables.three_public_expenditure.as_ref(),
    ) else {
        for (rule, _, _, _) in ITEMS {
            ctx.skip(rule, "基本支出表或“三公”经费表未公开");
        }
        return;
    };
    // The year's figure: 决算数 in final accounts, 预算数 otherwise.
    let basis = match d.kind {
        yusuan_tables::DocumentKind::UnitFinalAccounts
        | yusuan_tables::DocumentKind::DepartmentFinalAccounts => {
            yusuan_tables::Basis::FinalAccounts
        }
        _ => yusuan_tables::Basis::Budget,
    };
    let period = yusuan_tables::Period {
        year: d.year,
        basis,
    };
    let r6 = ctx.table_rounding(k6);
    let r9 = ctx.table_rounding(k9);
    let a9 = t9.amounts(period);
    for (rule, code, column, keywords) in ITEMS {
        let Ok(code) = Code::parse(code) else {
            continue;
        };
        let (printed_name, small) = match t6 {
            Some(t6) => {
                let row = t6.find(code);
                (
                    row.map(|r| r.name.as_str()),
                    code_term(
                        k6,
                        r6,
                        RowKey::Code(code),
                        row.map(|r| &r.amounts),
                        Column::Total,
                    ),
                )
            }
            None => {
                let key = RowKey::Code(code);
                let row = final6.and_then(|t| t.row(&key));
                (
                    row.map(|r| r.label.as_str()),
                    Term::new(
                        cell(k6, key, Column::Total),
                        row.and_then(|r| r.get(Column::Total)),
                        r6,
                    ),
                )
            }
        };
        // The row must be the item: a code printed with another item's
        // name (sequential numbering) is not compared.
        if let Some(printed) = printed_name {
            let name = yusuan_money::text::squeeze(printed);
            if !name.is_empty() && !keywords.iter().any(|k| name.contains(k)) {
                ctx.skip(
                    rule,
                    format!("基本支出表的 {code} 印为“{printed}”，与该科目名称不符，不作比较"),
                );
                continue;
            }
        }
        let large = code_term(k9, r9, RowKey::Period(period), a9, column);
        let printed = t9.printed_columns().contains(&column);
        match (small.v, large.v) {
            (Some(_), Some(_)) if printed => ctx.at_most(rule, small, large),
            _ => ctx.skip_with(rule, || {
                format!(
                    "基本支出表未列 {code}，或“三公”经费表未列{}的{}",
                    period.label_zh(),
                    column.header_zh(k9)
                )
                .into()
            }),
        }
    }
}

/// `small ≤ Σ larges` (the larges printed in one unit).
fn at_most_sum(ctx: &mut Ctx<'_>, rule: Rule, small: Term, sv: Wan, larges: &[Term]) {
    let Some(sum) = Wan::checked_sum(larges.iter().filter_map(|t| t.v)) else {
        return;
    };
    ctx.count(rule);
    if sv <= sum {
        return;
    }
    let Some(difference) = sv.checked_sub(sum) else {
        return;
    };
    let mut bound = small.r.half_of(sv).value();
    for t in larges {
        if let Some(v) = t.v {
            bound = bound.saturating_add(t.r.half_of(v).value());
        }
    }
    let bound = Wan::new(bound);
    let agreement = if difference <= bound {
        crate::tolerance::Agreement::Rounding
    } else {
        crate::tolerance::Agreement::Mismatch
    };
    let j = crate::tolerance::Judged {
        expected: sum,
        actual: sv,
        difference,
        bound,
        parts: larges.len(),
        agreement,
    };
    let mut terms = vec![small];
    terms.extend(larges.iter().copied());
    ctx.report(rule, j, &terms, |c| {
        let names: Vec<String> = larges.iter().map(|t| c.label(&t.at)).collect();
        format!(
            "{} 为 {}，超过 {} 之和 {}，超出 {}。",
            c.label(&small.at),
            c.amt(sv),
            names.join(" + "),
            c.amt(sum),
            c.amt(difference)
        )
    });
}

#[cfg(test)]
mod tests {

    #[test]
    fn skip_reasons_name_each_table() {
        for &kind in TableKind::ALL {
            let (absent, empty) = skip_reasons(kind);
            assert_eq!(absent, format!("未公开{}", kind.label_zh()));
            assert_eq!(empty, format!("{}为空表", kind.label_zh()));
        }
    }
    use super::*;
    use crate::engine::code_key;

    #[test]
    fn code_keys_follow_the_code_tree() {
        let codes = [
            "208", "20801", "2080108", "2080150", "20805", "221", "2210201", "301", "30101",
            "30239", "101", "1010101", "501", "50101", "201", "2010101", "2010199", "229",
            "2299999",
        ];
        let mut keys = Vec::new();
        for s in codes {
            let c = Code::parse(s).unwrap();
            let key = code_key(c);
            assert_eq!(parent_key(key), c.parent().map(code_key), "{s}");
            keys.push(key);
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), codes.len());
        for a in codes {
            for b in codes {
                let (a, b) = (Code::parse(a).unwrap(), Code::parse(b).unwrap());
                assert_eq!(
                    super::super::is_ancestor_key(code_key(a), code_key(b)),
                    a.is_ancestor_of(b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn nearest_parents_skip_missing_levels_and_take_the_first_printing() {
        let c = |s: &str| Code::parse(s).unwrap();
        let codes = [
            c("208"),
            c("2080108"),
            c("20805"),
            c("208"),
            c("2080501"),
            c("221"),
        ];
        assert_eq!(
            nearest_parents(&codes.map(code_key)),
            vec![None, Some(0), Some(0), None, Some(2), None]
        );
    }
}
