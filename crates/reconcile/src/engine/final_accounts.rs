//! The 决算 (final accounts) identities: within the tables of
//! [`yusuan_tables::FinalAccounts`] (T162, T172, T181–T189) and across the
//! 决算 tables (X221–X227). The 决算 tables of a budget shape (收入决算表,
//! 支出决算表, 一般公共预算财政拨款支出决算表, "三公") are also checked by
//! the budget rules of their kind.

use yusuan_money::Wan;
use yusuan_tables::{CellRef, Column, FinalTable, Line, NumberRef, RowKey, TableKind};

use super::{Ctx, Term};
use crate::rules::Rule;
use crate::tolerance::{Agreement, Judged};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    summary(ctx);
    fiscal(ctx);
    basic(ctx);
    fund(
        ctx,
        TableKind::FinalGovernmentFund,
        Rule::FinalGovernmentFundRows,
    );
    fund(
        ctx,
        TableKind::FinalStateCapital,
        Rule::FinalStateCapitalRows,
    );
    cross(ctx);
}

/// The 决算 table of `kind`, if present.
fn table<'d>(ctx: &Ctx<'d>, kind: TableKind) -> Option<&'d FinalTable> {
    ctx.d.tables.final_accounts.table(kind)
}

/// A term of a 决算 table (blank where the row or cell is not printed).
fn term(ctx: &Ctx<'_>, kind: TableKind, key: RowKey, column: Column) -> Term {
    Term::new(
        NumberRef::Cell(CellRef::new(kind, key, column)),
        table(ctx, kind).and_then(|t| t.get(&key, column)),
        ctx.table_rounding(kind),
    )
}

fn line(ctx: &Ctx<'_>, kind: TableKind, l: Line, column: Column) -> Term {
    term(ctx, kind, RowKey::Line(l), column)
}

/// A cell of a budget-shaped table (收入总表, 支出总表, 一般公共预算支出表).
fn budget_term(ctx: &Ctx<'_>, kind: TableKind, key: RowKey, column: Column) -> Term {
    Term::new(
        NumberRef::Cell(CellRef::new(kind, key, column)),
        ctx.d
            .tables
            .get(kind, &key, column)
            .and_then(|n| n.as_amount()),
        ctx.table_rounding(kind),
    )
}

fn has(ctx: &Ctx<'_>, kind: TableKind, key: RowKey) -> bool {
    table(ctx, kind).is_some_and(|t| t.has_row(&key))
}

fn skip_all(ctx: &mut Ctx<'_>, rules: &[Rule], why: &'static str) {
    for &r in rules {
        ctx.skip(r, why);
    }
}

/// The 类 (3-digit function codes) rows of a 决算 summary table.
fn classes(t: &FinalTable) -> Vec<RowKey> {
    t.rows
        .iter()
        .filter(|r| matches!(r.key, RowKey::Code(c) if c.len() == 3))
        .map(|r| r.key)
        .collect()
}

const INCOME_LINES: [Line; 8] = [
    Line::GeneralBudgetAppropriation,
    Line::GovernmentFundAppropriation,
    Line::StateCapitalAppropriation,
    Line::SuperiorSubsidy,
    Line::BusinessIncome,
    Line::InstitutionOperatingIncome,
    Line::SubordinateRemittance,
    Line::OtherIncome,
];

const APPROPRIATIONS: [Line; 3] = [
    Line::GeneralBudgetAppropriation,
    Line::GovernmentFundAppropriation,
    Line::StateCapitalAppropriation,
];

// ---------------------------------------------------- 收入支出决算总表 T18x

fn summary(ctx: &mut Ctx<'_>) {
    let kind = TableKind::FinalIncomeExpenditureSummary;
    let rules = [
        Rule::FinalIncomeSubtotal,
        Rule::FinalIncomeGrandTotal,
        Rule::FinalExpenditureSubtotal,
        Rule::FinalExpenditureGrandTotal,
        Rule::FinalBalance,
    ];
    let Some(t) = table(ctx, kind) else {
        skip_all(ctx, &rules, "未公开收入支出决算总表（或未能按决算表读取）");
        return;
    };
    let c = Column::Total;
    let l = |ctx: &Ctx<'_>, x: Line| line(ctx, kind, x, c);
    if has(ctx, kind, RowKey::Line(Line::CurrentYearIncome)) {
        let parts: Vec<Term> = INCOME_LINES.iter().map(|&x| l(ctx, x)).collect();
        let total = l(ctx, Line::CurrentYearIncome);
        ctx.sum(Rule::FinalIncomeSubtotal, total, &parts);
    } else {
        ctx.skip(Rule::FinalIncomeSubtotal, "未列示本年收入合计");
    }
    if has(ctx, kind, RowKey::Line(Line::IncomeTotal)) {
        let parts = [
            l(ctx, Line::CurrentYearIncome),
            l(ctx, Line::NonFiscalBalanceUsed),
            l(ctx, Line::OpeningBalance),
        ];
        let total = l(ctx, Line::IncomeTotal);
        ctx.sum(Rule::FinalIncomeGrandTotal, total, &parts);
    } else {
        ctx.skip(Rule::FinalIncomeGrandTotal, "未列示收入总计");
    }
    if has(ctx, kind, RowKey::Line(Line::CurrentYearExpenditure)) {
        let parts: Vec<Term> = classes(t)
            .into_iter()
            .map(|k| term(ctx, kind, k, c))
            .collect();
        let total = l(ctx, Line::CurrentYearExpenditure);
        ctx.sum(Rule::FinalExpenditureSubtotal, total, &parts);
    } else {
        ctx.skip(Rule::FinalExpenditureSubtotal, "未列示本年支出合计");
    }
    if has(ctx, kind, RowKey::Line(Line::ExpenditureTotal)) {
        let parts = [
            l(ctx, Line::CurrentYearExpenditure),
            l(ctx, Line::BalanceDistribution),
            l(ctx, Line::ClosingBalance),
        ];
        let total = l(ctx, Line::ExpenditureTotal);
        ctx.sum(Rule::FinalExpenditureGrandTotal, total, &parts);
    } else {
        ctx.skip(Rule::FinalExpenditureGrandTotal, "未列示支出总计");
    }
    if has(ctx, kind, RowKey::Line(Line::IncomeTotal))
        && has(ctx, kind, RowKey::Line(Line::ExpenditureTotal))
    {
        let (a, b) = (l(ctx, Line::IncomeTotal), l(ctx, Line::ExpenditureTotal));
        ctx.same(Rule::FinalBalance, a, b);
    } else {
        ctx.skip(Rule::FinalBalance, "未同时列示收入总计和支出总计");
    }
}

// ---------------------------------------------- 财政拨款收入支出决算总表 T186–T188

fn fiscal(ctx: &mut Ctx<'_>) {
    let kind = TableKind::FinalFiscalAppropriationSummary;
    let rules = [
        Rule::FinalFiscalIncome,
        Rule::FinalFiscalExpenditure,
        Rule::FinalFiscalColumns,
    ];
    let Some(t) = table(ctx, kind) else {
        skip_all(
            ctx,
            &rules,
            "未公开财政拨款收入支出决算总表（或未能按决算表读取）",
        );
        return;
    };
    let c = Column::Total;
    let l = |ctx: &Ctx<'_>, x: Line, c: Column| line(ctx, kind, x, c);
    // income side
    if has(ctx, kind, RowKey::Line(Line::CurrentYearIncome)) {
        let parts: Vec<Term> = APPROPRIATIONS.iter().map(|&x| l(ctx, x, c)).collect();
        let total = l(ctx, Line::CurrentYearIncome, c);
        ctx.sum(Rule::FinalFiscalIncome, total, &parts);
    }
    if has(ctx, kind, RowKey::Line(Line::OpeningBalance)) {
        let parts: Vec<Term> = [
            Line::OpeningGeneralBudget,
            Line::OpeningGovernmentFund,
            Line::OpeningStateCapital,
        ]
        .iter()
        .map(|&x| l(ctx, x, c))
        .collect();
        let total = l(ctx, Line::OpeningBalance, c);
        ctx.sum(Rule::FinalFiscalIncome, total, &parts);
    }
    if has(ctx, kind, RowKey::Line(Line::IncomeTotal)) {
        let parts = [
            l(ctx, Line::CurrentYearIncome, c),
            l(ctx, Line::OpeningBalance, c),
        ];
        let total = l(ctx, Line::IncomeTotal, c);
        ctx.sum(Rule::FinalFiscalIncome, total, &parts);
    }
    // expenditure side, column by column
    let columns: Vec<Column> = t
        .all_columns()
        .into_iter()
        .filter(|c| {
            matches!(
                c,
                Column::Total
                    | Column::GeneralBudget
                    | Column::GovernmentFund
                    | Column::StateCapital
            )
        })
        .collect();
    let cls = classes(t);
    for &col in &columns {
        if has(ctx, kind, RowKey::Line(Line::CurrentYearExpenditure)) {
            let parts: Vec<Term> = cls.iter().map(|&k| term(ctx, kind, k, col)).collect();
            let total = l(ctx, Line::CurrentYearExpenditure, col);
            ctx.sum(Rule::FinalFiscalExpenditure, total, &parts);
        }
        if has(ctx, kind, RowKey::Line(Line::ExpenditureTotal)) {
            let parts = [
                l(ctx, Line::CurrentYearExpenditure, col),
                l(ctx, Line::ClosingBalance, col),
            ];
            let total = l(ctx, Line::ExpenditureTotal, col);
            ctx.sum(Rule::FinalFiscalExpenditure, total, &parts);
        }
    }
    if has(ctx, kind, RowKey::Line(Line::IncomeTotal))
        && has(ctx, kind, RowKey::Line(Line::ExpenditureTotal))
    {
        let (a, b) = (
            l(ctx, Line::IncomeTotal, c),
            l(ctx, Line::ExpenditureTotal, c),
        );
        ctx.same(Rule::FinalFiscalExpenditure, a, b);
    }
    // 合计 = 三类财政拨款, per expenditure row
    let split = [
        Column::GeneralBudget,
        Column::GovernmentFund,
        Column::StateCapital,
    ];
    if columns.contains(&Column::Total) && split.iter().any(|c| columns.contains(c)) {
        let keys: Vec<RowKey> = t
            .rows
            .iter()
            .filter(|r| !matches!(r.key, RowKey::Line(x) if x.is_income()))
            .map(|r| r.key)
            .collect();
        for key in keys {
            let parts: Vec<Term> = split
                .iter()
                .filter(|c| columns.contains(c))
                .map(|&c| term(ctx, kind, key, c))
                .collect();
            let total = term(ctx, kind, key, Column::Total);
            ctx.sum(Rule::FinalFiscalColumns, total, &parts);
        }
    } else {
        ctx.skip(Rule::FinalFiscalColumns, "支出方只列示一栏");
    }
}

// ---------------------------------------- 基本支出决算表 T189

fn basic(ctx: &mut Ctx<'_>) {
    let kind = TableKind::FinalBasicExpenditure;
    let Some(t) = table(ctx, kind) else {
        ctx.skip(
            Rule::FinalBasicTotals,
            "未公开一般公共预算财政拨款基本支出决算表（或未能按决算表读取）",
        );
        return;
    };
    let c = Column::Total;
    let class_rows = |prefixes: &[&str]| -> Vec<RowKey> {
        t.rows
            .iter()
            .filter(|r| {
                matches!(r.key, RowKey::Code(code) if code.len() == 3 && prefixes.contains(&code.as_str()))
            })
            .map(|r| r.key)
            .collect()
    };
    for (total, prefixes) in [
        (Line::PersonnelTotal, &["301", "303"][..]),
        (Line::PublicTotal, &["302", "307", "309", "310", "399"][..]),
    ] {
        if !has(ctx, kind, RowKey::Line(total)) {
            continue;
        }
        let parts: Vec<Term> = class_rows(prefixes)
            .into_iter()
            .map(|k| term(ctx, kind, k, c))
            .collect();
        let total = line(ctx, kind, total, c);
        ctx.sum(Rule::FinalBasicTotals, total, &parts);
    }
    // 类 = Σ 款 (5-digit codes under it)
    let codes: Vec<yusuan_classification::Code> =
        t.rows.iter().filter_map(|r| r.key.code()).collect();
    for &class in codes.iter().filter(|c| c.len() == 3) {
        let items: Vec<Term> = codes
            .iter()
            .filter(|c| c.len() == 5 && c.as_str().starts_with(class.as_str()))
            .map(|&k| term(ctx, kind, RowKey::Code(k), c))
            .collect();
        if items.is_empty() {
            continue;
        }
        let total = term(ctx, kind, RowKey::Code(class), c);
        ctx.sum(Rule::FinalBasicTotals, total, &items);
    }
}

// ------------------------------ 政府性基金/国有资本 收入支出决算表 T162, T172

/// `年初 + 本年收入 − 本年支出 = 年末` of one row, with the rounding of
/// its four printed figures.
fn carry_over(ctx: &mut Ctx<'_>, rule: Rule, closing: Term, plus: [Term; 2], minus: Term) {
    let all = [closing, plus[0], plus[1], minus];
    if all.iter().all(|t| t.v.is_none()) {
        return;
    }
    if ctx.unread(rule, &all) {
        return;
    }
    ctx.count(rule);
    let z = |t: &Term| t.v.unwrap_or(Wan::ZERO);
    let expected = z(&plus[0])
        .checked_add(z(&plus[1]))
        .and_then(|s| s.checked_sub(z(&minus)));
    let Some(expected) = expected else {
        ctx.out_of_range(rule, &all);
        return;
    };
    let actual = z(&closing);
    if expected == actual {
        return;
    }
    let bound = all
        .iter()
        .map(|t| t.r.half_of(z(t)).value())
        .fold(closing.r.coarse_extra(actual), |a, b| a.saturating_add(b));
    let n = all.iter().filter(|t| t.v.is_some()).count();
    let j = Judged::new(expected, actual, Wan::new(bound), n);
    if j.agreement == Agreement::Exact {
        return;
    }
    ctx.report(rule, j, &all, |c| {
        format!(
            "{} 为 {}，而 {} + {} − {} = {}，相差 {}。",
            c.short(&closing.at),
            c.show(closing.v),
            c.short(&plus[0].at),
            c.short(&plus[1].at),
            c.short(&minus.at),
            c.amt(expected),
            c.amt(j.difference)
        )
    });
}

fn fund(ctx: &mut Ctx<'_>, kind: TableKind, rule: Rule) {
    let Some(t) = table(ctx, kind) else {
        ctx.skip(rule, "未公开该决算表（或未能按决算表读取）");
        return;
    };
    if t.is_empty() {
        ctx.skip(rule, "该决算表为空表");
        return;
    }
    let keys: Vec<RowKey> = t.rows.iter().map(|r| r.key).collect();
    for key in keys {
        let cell = |ctx: &Ctx<'_>, c: Column| term(ctx, kind, key, c);
        let closing = cell(ctx, Column::ClosingBalance);
        let plus = [
            cell(ctx, Column::OpeningBalance),
            cell(ctx, Column::CurrentYearIncome),
        ];
        let minus = cell(ctx, Column::Total);
        carry_over(ctx, rule, closing, plus, minus);
        let parts = [cell(ctx, Column::Basic), cell(ctx, Column::Project)];
        ctx.sum(rule, minus, &parts);
    }
}

// ------------------------------------------------------------ X221–X227

fn cross(ctx: &mut Ctx<'_>) {
    let t1 = TableKind::FinalIncomeExpenditureSummary;
    let t4 = TableKind::FinalFiscalAppropriationSummary;
    let t6 = TableKind::FinalBasicExpenditure;
    let income = TableKind::IncomeSummary;
    let expenditure = TableKind::ExpenditureSummary;
    let general = TableKind::GeneralBudgetExpenditure;
    let c = Column::Total;
    let has_t1 = table(ctx, t1).is_some();
    let t2_total = ctx
        .d
        .tables
        .income_summary
        .as_ref()
        .and_then(|t| t.total.as_ref())
        .is_some();
    let t3_total = ctx
        .d
        .tables
        .expenditure_summary
        .as_ref()
        .and_then(|t| t.total.as_ref())
        .is_some();
    // X221, X222: 收入决算表 against 收入支出决算总表
    if has_t1 && t2_total {
        let (a, b) = (
            budget_term(ctx, income, RowKey::Total, c),
            line(ctx, t1, Line::CurrentYearIncome, c),
        );
        ctx.same(Rule::FinalIncomeTableTotal, b, a);
        let fiscal = budget_term(ctx, income, RowKey::Total, Column::FiscalAppropriation);
        let parts: Vec<Term> = APPROPRIATIONS
            .iter()
            .map(|&x| line(ctx, t1, x, c))
            .collect();
        ctx.sum(Rule::FinalIncomeTableSources, fiscal, &parts);
        for (col, l) in [
            (Column::SuperiorSubsidy, Line::SuperiorSubsidy),
            (Column::BusinessIncome, Line::BusinessIncome),
            (
                Column::InstitutionOperatingIncome,
                Line::InstitutionOperatingIncome,
            ),
            (Column::SubordinateRemittance, Line::SubordinateRemittance),
            (Column::OtherIncome, Line::OtherIncome),
        ] {
            let (a, b) = (
                budget_term(ctx, income, RowKey::Total, col),
                line(ctx, t1, l, c),
            );
            ctx.same(Rule::FinalIncomeTableSources, b, a);
        }
    } else {
        let why = "需要收入支出决算总表和收入决算表合计行";
        skip_all(
            ctx,
            &[Rule::FinalIncomeTableTotal, Rule::FinalIncomeTableSources],
            why,
        );
    }
    // X223, X224: 支出决算表 against 收入支出决算总表
    if has_t1 && t3_total {
        let (a, b) = (
            budget_term(ctx, expenditure, RowKey::Total, c),
            line(ctx, t1, Line::CurrentYearExpenditure, c),
        );
        ctx.same(Rule::FinalExpenditureTableTotal, b, a);
        let mut keys = table(ctx, t1).map(classes).unwrap_or_default();
        if let Some(t3) = ctx.d.tables.expenditure_summary.as_ref() {
            for r in &t3.rows {
                let k = RowKey::Code(r.code);
                if r.code.len() == 3 && !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        for k in keys {
            let (a, b) = (budget_term(ctx, expenditure, k, c), term(ctx, t1, k, c));
            ctx.same(Rule::FinalExpenditureClasses, b, a);
        }
    } else {
        let why = "需要收入支出决算总表和支出决算表合计行";
        skip_all(
            ctx,
            &[
                Rule::FinalExpenditureTableTotal,
                Rule::FinalExpenditureClasses,
            ],
            why,
        );
    }
    // X225: 财政拨款收入支出决算总表 一般公共预算 column against 表5
    let t5_total = ctx
        .d
        .tables
        .general_budget_expenditure
        .as_ref()
        .and_then(|t| t.total.as_ref())
        .is_some();
    match table(ctx, t4) {
        Some(t) if t5_total && t.all_columns().contains(&Column::GeneralBudget) => {
            let mut keys = classes(t);
            if let Some(t5) = ctx.d.tables.general_budget_expenditure.as_ref() {
                for r in &t5.rows {
                    let k = RowKey::Code(r.code);
                    if r.code.len() == 3 && !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            for k in keys {
                let (a, b) = (
                    budget_term(ctx, general, k, c),
                    term(ctx, t4, k, Column::GeneralBudget),
                );
                ctx.same(Rule::FinalFiscalMatchesGeneralBudget, b, a);
            }
            let (a, b) = (
                budget_term(ctx, general, RowKey::Total, c),
                line(ctx, t4, Line::CurrentYearExpenditure, Column::GeneralBudget),
            );
            ctx.same(Rule::FinalFiscalMatchesGeneralBudget, b, a);
        }
        _ => ctx.skip(
            Rule::FinalFiscalMatchesGeneralBudget,
            "需要财政拨款收入支出决算总表（分栏）和一般公共预算财政拨款支出决算表",
        ),
    }
    // X226: 表5 基本支出 = 表6 人员经费合计 + 公用经费合计
    if t5_total
        && has(ctx, t6, RowKey::Line(Line::PersonnelTotal))
        && has(ctx, t6, RowKey::Line(Line::PublicTotal))
    {
        let total = budget_term(ctx, general, RowKey::Total, Column::Basic);
        let parts = [
            line(ctx, t6, Line::PersonnelTotal, c),
            line(ctx, t6, Line::PublicTotal, c),
        ];
        ctx.sum(Rule::FinalBasicMatchesGeneralBudget, total, &parts);
    } else {
        ctx.skip(
            Rule::FinalBasicMatchesGeneralBudget,
            "需要一般公共预算财政拨款支出决算表合计行和基本支出决算表的人员经费合计、公用经费合计",
        );
    }
    // X227: 表4 财政拨款收入 = 表1 财政拨款收入
    if has_t1 && table(ctx, t4).is_some() {
        for l in APPROPRIATIONS {
            if !has(ctx, t4, RowKey::Line(l)) || !has(ctx, t1, RowKey::Line(l)) {
                continue;
            }
            let (a, b) = (line(ctx, t4, l, c), line(ctx, t1, l, c));
            ctx.same(Rule::FinalFiscalIncomeMatchesSummary, b, a);
        }
    } else {
        ctx.skip(
            Rule::FinalFiscalIncomeMatchesSummary,
            "需要收入支出决算总表和财政拨款收入支出决算总表",
        );
    }
}
