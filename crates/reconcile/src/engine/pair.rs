//! Rules D7xx: a unit budget (单位预算) against the department budget (部门预算)
//! that includes it.
//!
//! A department budget sums its units' budgets (the department's own office
//! included), so no current-year figure of the department can be smaller
//! than the same figure of one of its units: line by line, code by code,
//! column by column. With a single unit the two are equal; the rules check
//! the inequality, which holds in both cases.

use yusuan_money::Wan;
use yusuan_tables::{
    Amounts, CellRef, CodeTable, Column, Disclosure, DocumentKind, NumberRef, RowKey, SummaryTable,
    TableKind,
};

use super::{rounding_of, Ctx};
use crate::finding::{CellUse, Finding, Location, Severity, Value};
use crate::rules::Rule;
use crate::tolerance::Rounding;
use crate::ReconcileError;

/// The two documents and how each prints its amounts.
struct Pair<'d> {
    unit: &'d Disclosure,
    department: &'d Disclosure,
    unit_rounding: Rounding,
    department_rounding: Rounding,
}

/// Checks that `unit` and `department` can be compared: a 单位预算 and a
/// 部门预算 (or a 单位决算 and a 部门决算) of the same year.
pub(super) fn check_pair(unit: &Disclosure, department: &Disclosure) -> Result<(), ReconcileError> {
    let kinds_pair = matches!(
        (unit.kind, department.kind),
        (DocumentKind::UnitBudget, DocumentKind::DepartmentBudget)
            | (
                DocumentKind::UnitFinalAccounts,
                DocumentKind::DepartmentFinalAccounts
            )
    );
    if !kinds_pair {
        return Err(ReconcileError::NotAUnitAndItsDepartment {
            reason: format!(
                "expected a 单位预算 and a 部门预算 (or a 单位决算 and a 部门决算), found a {} and a {}",
                unit.kind.label_zh(),
                department.kind.label_zh()
            ),
        });
    }
    if unit.year != department.year {
        return Err(ReconcileError::NotAUnitAndItsDepartment {
            reason: format!(
                "the unit's document is for {} and the department's for {}",
                unit.year, department.year
            ),
        });
    }
    Ok(())
}

/// Runs the D7xx rules (the caller has called [`check_pair`]).
pub(super) fn check(ctx: &mut Ctx<'_>, department: &Disclosure) {
    let unit = ctx.d;
    let pair = Pair {
        unit,
        department,
        unit_rounding: rounding_of(unit.amount_unit),
        department_rounding: rounding_of(department.amount_unit),
    };
    summary(ctx, &pair);
    let (u, d) = (&unit.tables, &department.tables);
    // The code tables have different row types: one call each.
    macro_rules! code_table {
        ($rule:ident, $kind:ident, $field:ident) => {
            code_table(
                ctx,
                &pair,
                Rule::$rule,
                TableKind::$kind,
                u.$field.as_ref(),
                d.$field.as_ref(),
            )
        };
    }
    code_table!(IncomeWithinDepartment, IncomeSummary, income_summary);
    code_table!(
        FunctionCodesWithinDepartment,
        ExpenditureSummary,
        expenditure_summary
    );
    code_table!(
        FunctionCodesWithinDepartment,
        GeneralBudgetExpenditure,
        general_budget_expenditure
    );
    code_table!(
        EconomicCodesWithinDepartment,
        GeneralBudgetBasicExpenditure,
        general_budget_basic_expenditure
    );
    three_public(ctx, &pair);
}

/// Current-year amount columns printed by both documents: not the prior
/// year, not changes, not percentages (a department's prior year or change
/// need not bound its unit's).
fn compared_columns<'a>(
    unit: &'a [Column],
    department: &'a [Column],
) -> impl Iterator<Item = Column> + 'a {
    unit.iter()
        .copied()
        .filter(move |&c| department.contains(&c) && current_year_amount(c))
}

/// Whether `column` holds a current-year amount (not the prior year, not a
/// change, not a percentage).
fn current_year_amount(column: Column) -> bool {
    !column.is_percent()
        && !matches!(
            column,
            Column::PriorYear
                | Column::PriorYearExclCapital
                | Column::Change
                | Column::ChangeExclCapital
        )
}

/// `department ≥ unit` in every compared column of one row.
#[allow(clippy::too_many_arguments)]
fn compare_row<A: Amounts>(
    ctx: &mut Ctx<'_>,
    pair: &Pair<'_>,
    rule: Rule,
    kind: TableKind,
    key: RowKey,
    unit_row: &A,
    department_row: &A,
    columns: impl Iterator<Item = Column>,
) {
    for column in columns {
        let u = unit_row.get(column).and_then(|n| n.as_amount());
        let d = department_row.get(column).and_then(|n| n.as_amount());
        if u.is_none() && d.is_none() {
            continue;
        }
        ctx.count(rule);
        let (uv, dv) = (u.unwrap_or(Wan::ZERO), d.unwrap_or(Wan::ZERO));
        if dv >= uv {
            continue;
        }
        let Some(shortfall) = uv.checked_sub(dv) else {
            continue;
        };
        let bound = Wan::new(
            pair.unit_rounding
                .half_of(uv)
                .value()
                .saturating_add(pair.department_rounding.half_of(dv).value())
                .normalize(),
        );
        let severity = if shortfall <= bound {
            Severity::Warning
        } else {
            rule.severity()
        };
        let at = NumberRef::Cell(CellRef::new(kind, key, column));
        let (unit_label, department_label) =
            (pair.unit.describe(&at), pair.department.describe(&at));
        let in_yuan = pair.unit.amount_unit == yusuan_tables::AmountUnit::Yuan;
        let amount = |w: Wan| crate::finding::amount_text(w, in_yuan);
        let note = if severity == Severity::Warning {
            format!(
                "差额 {} 在两个打印数的舍入误差（±{}）以内，可能并非错误。",
                amount(shortfall),
                amount(bound)
            )
        } else {
            rule.info().action_zh.to_owned()
        };
        let finding = Finding {
            rule,
            severity,
            message: format!(
                "部门预算的 {department_label} 为 {}，小于单位预算的 {}，相差 {}。",
                show(d, &amount),
                show(u, &amount),
                amount(shortfall)
            ),
            location: Location::table(kind.label_zh())
                .row(pair.unit.row_label(kind, &key))
                .column(column.header_zh(kind)),
            expected: Some(Value::Amount(uv)),
            actual: Some(Value::Amount(dv)),
            difference: dv.checked_sub(uv).map(Value::Amount),
            tolerance: Some(Value::Amount(bound)),
            note: Some(note),
            cells: vec![
                CellUse {
                    at,
                    label: format!("部门预算：{department_label}"),
                    value: d.map(Value::Amount),
                },
                CellUse {
                    at,
                    label: format!("单位预算：{unit_label}"),
                    value: u.map(Value::Amount),
                },
            ],
        };
        ctx.push(finding);
    }
}

fn show(v: Option<Wan>, amount: &impl Fn(Wan) -> String) -> String {
    v.map_or_else(|| "（空白）".to_owned(), amount)
}

/// Why the department's table may lack a row the unit prints.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Absence {
    /// It prints rows of that kind and level, so it would print this one:
    /// an error.
    Unexplained,
    /// It sums codes at a coarser level: nothing to compare (info).
    CoarserLevel,
    /// Its template prints other lines (an umbrella 财政拨款收入 for its
    /// three parts, or the reverse): nothing to compare (info).
    OtherLines,
}

/// A row the unit prints and the department does not.
fn missing_row<A: Amounts>(
    ctx: &mut Ctx<'_>,
    pair: &Pair<'_>,
    rule: Rule,
    kind: TableKind,
    key: RowKey,
    unit_row: &A,
    absence: Absence,
) {
    let total = unit_row.get(Column::Total).and_then(|n| n.as_amount());
    // A row without a current-year amount (all zero, or a prior year only)
    // is nothing the department must show.
    let any_amount = A::COLUMNS
        .iter()
        .filter(|&&c| current_year_amount(c))
        .filter_map(|&c| unit_row.get(c).and_then(|n| n.as_amount()))
        .any(|w| !w.is_zero());
    if !any_amount {
        return;
    }
    let label = pair.unit.row_label(kind, &key);
    let table = kind.label_zh();
    let (severity, message, note) = match absence {
        Absence::Unexplained => {
            ctx.count(rule);
            (
                rule.severity(),
                format!("单位预算的{table}列示 {label}，部门预算的同一表未列示该行。"),
                rule.info().action_zh.to_owned(),
            )
        }
        Absence::CoarserLevel => (
            Severity::Info,
            format!("单位预算的{table}列示 {label}，部门预算的同一表未细列到这一级，未比较。"),
            "部门预算按较粗的级次列示时，本规则只比较两者都列示的行。".to_owned(),
        ),
        Absence::OtherLines => (
            Severity::Info,
            format!("单位预算的{table}列示 {label}，部门预算的{table}没有这一行，未比较。"),
            "两份文件的收支总表所列行次不同时（如财政拨款收入合列或分列），本规则只比较两者都列示的行。"
                .to_owned(),
        ),
    };
    let at = NumberRef::Cell(CellRef::new(kind, key, Column::Total));
    ctx.push(Finding {
        rule,
        severity,
        message,
        location: Location::table(kind.label_zh()).row(label.clone()),
        expected: Some(Value::Text(label)),
        actual: None,
        difference: None,
        tolerance: None,
        note: Some(note),
        cells: vec![CellUse {
            at,
            label: format!("单位预算：{}", pair.unit.describe(&at)),
            value: total.map(Value::Amount),
        }],
    });
}

fn summary(ctx: &mut Ctx<'_>, pair: &Pair<'_>) {
    let rule = Rule::SummaryWithinDepartment;
    let kind = TableKind::IncomeExpenditureSummary;
    let (Some(u), Some(d)) = (
        pair.unit.tables.income_expenditure_summary.as_ref(),
        pair.department.tables.income_expenditure_summary.as_ref(),
    ) else {
        ctx.skip(rule, "两份文件中至少一份未公开收支总表");
        return;
    };
    let sides: [(&[yusuan_tables::SummaryRow], &[Column], &[Column]); 2] = [
        (
            &u.income,
            u.printed_income_columns(),
            d.printed_income_columns(),
        ),
        (
            &u.expenditure,
            u.printed_expenditure_columns(),
            d.printed_expenditure_columns(),
        ),
    ];
    for (rows, unit_columns, department_columns) in sides {
        for row in rows {
            match find_summary(d, &row.key) {
                Some(department_row) => compare_row(
                    ctx,
                    pair,
                    rule,
                    kind,
                    row.key,
                    &row.amounts,
                    department_row,
                    compared_columns(unit_columns, department_columns),
                ),
                // Templates differ in the lines they print (an umbrella
                // 财政拨款收入 or its three parts): a line the department
                // lacks is left uncompared, and said so.
                None => missing_row(
                    ctx,
                    pair,
                    rule,
                    kind,
                    row.key,
                    &row.amounts,
                    Absence::OtherLines,
                ),
            }
        }
    }
}

fn find_summary<'t>(
    t: &'t SummaryTable,
    key: &RowKey,
) -> Option<&'t yusuan_tables::SummaryAmounts> {
    t.find(key).map(|r| &r.amounts)
}

fn code_table<A: Amounts>(
    ctx: &mut Ctx<'_>,
    pair: &Pair<'_>,
    rule: Rule,
    kind: TableKind,
    unit: Option<&CodeTable<A>>,
    department: Option<&CodeTable<A>>,
) {
    let (Some(u), Some(d)) = (unit, department) else {
        ctx.skip_with(rule, || {
            format!("两份文件中至少一份未公开{}", kind.label_zh()).into()
        });
        return;
    };
    let columns = || compared_columns(u.printed_columns(), d.printed_columns());
    if let (Some(ut), Some(dt)) = (&u.total, &d.total) {
        compare_row(ctx, pair, rule, kind, RowKey::Total, ut, dt, columns());
    }
    for row in &u.rows {
        let key = RowKey::Code(row.code);
        match d.find(row.code) {
            Some(department_row) => compare_row(
                ctx,
                pair,
                rule,
                kind,
                key,
                &row.amounts,
                &department_row.amounts,
                columns(),
            ),
            None => {
                let absence = if d.rows.iter().any(|r| r.code.len() == row.code.len()) {
                    Absence::Unexplained
                } else {
                    Absence::CoarserLevel
                };
                missing_row(ctx, pair, rule, kind, key, &row.amounts, absence);
            }
        }
    }
    if u.rows.is_empty() && u.total.is_none() {
        ctx.skip_with(rule, || {
            format!("单位预算的{}为空表", kind.label_zh()).into()
        });
    }
}

fn three_public(ctx: &mut Ctx<'_>, pair: &Pair<'_>) {
    let rule = Rule::ThreePublicWithinDepartment;
    let kind = TableKind::ThreePublicExpenditure;
    let (Some(u), Some(d)) = (
        pair.unit.tables.three_public_expenditure.as_ref(),
        pair.department.tables.three_public_expenditure.as_ref(),
    ) else {
        ctx.skip(rule, "两份文件中至少一份未公开“三公”经费表");
        return;
    };
    // The budget year only: an earlier year's figures describe the units
    // the department had then.
    for row in u.rows.iter().filter(|r| r.period.year == pair.unit.year) {
        let key = RowKey::Period(row.period);
        match d.amounts(row.period) {
            Some(department_row) => compare_row(
                ctx,
                pair,
                rule,
                kind,
                key,
                &row.amounts,
                department_row,
                compared_columns(u.printed_columns(), d.printed_columns()),
            ),
            None => missing_row(
                ctx,
                pair,
                rule,
                kind,
                key,
                &row.amounts,
                Absence::Unexplained,
            ),
        }
    }
    ctx.skip(rule, "单位预算的“三公”经费表没有本年度的金额");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile_unit_in_department;
    use yusuan_classification::Code;

    const SEED: &str =
        include_str!("../../../../examples/data/2025-mohrss-information-center.json");

    /// The seed as a unit, and a department made of it alone.
    fn pair() -> (Disclosure, Disclosure) {
        let unit = Disclosure::from_json(SEED).unwrap();
        let mut department = unit.clone();
        department.kind = DocumentKind::DepartmentBudget;
        (unit, department)
    }

    fn code(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    #[test]
    fn a_department_of_one_unit_agrees_with_it() {
        let (unit, department) = pair();
        let report = reconcile_unit_in_department(&unit, &department).unwrap();
        assert_eq!(report.summary.rules, 5);
        assert_eq!(report.summary.errors + report.summary.warnings, 0);
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
        // Every rule found something to compare but D705: the seed's "三公"
        // table is empty (its note says the unit has no such expenses).
        assert_eq!(report.summary.passed, 4, "{:#?}", report.rules);
        let skipped: Vec<_> = report
            .rules
            .iter()
            .filter(|o| o.status == crate::Status::Skipped)
            .map(|o| o.rule)
            .collect();
        assert_eq!(skipped, [Rule::ThreePublicWithinDepartment]);
    }

    #[test]
    fn a_code_the_department_leaves_out_is_an_error_where_it_prints_that_level() {
        let (unit, mut department) = pair();
        // The seed's 一般公共预算支出表 prints 2080108 信息化建设 (a 项,
        // 3,430.74 万元 of 项目支出) among other 项.
        let t = department
            .tables
            .general_budget_expenditure
            .as_mut()
            .unwrap();
        t.rows.retain(|r| r.code != code("2080108"));
        let report = reconcile_unit_in_department(&unit, &department).unwrap();
        let errors: Vec<_> = report.findings_of(Severity::Error).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].rule, Rule::FunctionCodesWithinDepartment);
        assert!(
            errors[0].message.contains("2080108"),
            "{}",
            errors[0].message
        );

        // A department printing no 项 at all sums at the 款 level: nothing
        // to compare there, said as info, no error.
        let t = department
            .tables
            .general_budget_expenditure
            .as_mut()
            .unwrap();
        t.rows.retain(|r| r.code.len() < 7);
        let report = reconcile_unit_in_department(&unit, &department).unwrap();
        assert_eq!(report.summary.errors, 0, "{:#?}", report.findings);
        assert!(report
            .findings_of(Severity::Info)
            .all(|f| f.rule == Rule::FunctionCodesWithinDepartment));
        assert!(report.summary.infos > 0);
    }
}
