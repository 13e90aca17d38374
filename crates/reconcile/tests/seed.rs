//! The seed fixture reconciles with no error; the two known deviations are
//! reported as the design says; a changed number is an error naming its cell.

use yusuan_money::{Percent, Wan};
use yusuan_reconcile::{reconcile, Report, Rule, Severity, Status, Value};
use yusuan_tables::{CellRef, Column, Disclosure, Line, NumberRef, RowKey, TableKind};

const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

fn seed() -> Disclosure {
    Disclosure::from_json(SEED).unwrap()
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

#[test]
fn seed_has_no_error() {
    let report = reconcile(&seed());
    assert!(!report.has_errors(), "{}", report.render_text());
    assert_eq!(report.summary.errors, 0);
    // Every rule was either run or skipped with a reason.
    for o in &report.rules {
        if o.status == Status::Skipped {
            assert!(o.skip_reason.is_some(), "{}", o.rule);
        }
    }
    // The identities of DESIGN.md were all checked, and passed.
    for rule in [
        Rule::IncomeSubtotal,
        Rule::IncomeGrandTotal,
        Rule::ExpenditureGrandTotal,
        Rule::SummaryBalance,
        Rule::IncomeTableRow,
        Rule::IncomeColumnsMatchSummary,
        Rule::ExpenditureTableRow,
        Rule::ExpenditureTableTree,
        Rule::ExpenditureTableTotal,
        Rule::ExpenditureClassesMatchSummary,
        Rule::FiscalIncomeTotal,
        Rule::FiscalBalance,
        Rule::FiscalIncomeMatchesSummary,
        Rule::FiscalCarryOverWithinSummary,
        Rule::FiscalClassesCoverGeneralBudget,
        Rule::GeneralBudgetRow,
        Rule::GeneralBudgetTree,
        Rule::GeneralBudgetChange,
        Rule::GeneralBudgetChangeRate,
        Rule::GeneralBudgetMatchesFiscal,
        Rule::GeneralBudgetBasicMatchesBasicTable,
        Rule::BasicRow,
        Rule::BasicTree,
        Rule::BasicPersonnelSplit,
        Rule::NarrativeAmount,
        Rule::NarrativeGrowth,
        Rule::NarrativeChange,
        Rule::NarrativeDirection,
        Rule::NarrativeEmptyTable,
        Rule::ProcurementTotal,
        Rule::PerformanceManagementAmount,
        Rule::ProjectFundsTotal,
        Rule::IndicatorWeights,
        Rule::ProjectFundsWithinTables,
        Rule::CodeName,
        Rule::EmptyTableNote,
        Rule::NotedEmptyTableIsEmpty,
    ] {
        let o = report.outcome(rule).unwrap();
        assert_eq!(o.status, Status::Passed, "{rule}: {o:?}");
        assert!(o.checks > 0, "{rule}");
    }
}

#[test]
fn the_one_warning_is_the_cost_indicator() {
    let report = reconcile(&seed());
    let warnings: Vec<_> = report.findings_of(Severity::Warning).collect();
    assert_eq!(warnings.len(), 1, "{}", report.render_text());
    let f = warnings[0];
    assert_eq!(f.rule, Rule::CostIndicatorFunds);
    // ≤2459.07万元 against 年度资金总额 2,459.08: 0.01 apart.
    assert_eq!(f.expected, Some(Value::Amount(w("2459.08"))));
    assert_eq!(f.actual, Some(Value::Amount(w("2459.07"))));
    assert_eq!(f.difference, Some(Value::Amount(w("-0.01"))));
    assert_eq!(f.location.column.as_deref(), Some("项目预算执行数"));
}

#[test]
fn the_150_share_is_an_explained_rounding_adjustment() {
    let report = reconcile(&seed());
    let shares: Vec<_> = report.findings_for(Rule::NarrativeShare).collect();
    assert_eq!(shares.len(), 1, "{}", report.render_text());
    let f = shares[0];
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.actual,
        Some(Value::Percent(Percent::parse("1.50%").unwrap()))
    );
    // 130.00 / 8,633.56 = 1.5057% → 1.51%
    assert_eq!(
        f.expected,
        Some(Value::Percent(Percent::parse("1.51%").unwrap()))
    );
    let note = f.note.as_deref().unwrap();
    assert!(note.contains("尾差") && note.contains("100.00%"), "{note}");
}

fn with_income_subtotal(value: &str) -> (Report, NumberRef) {
    let mut d = seed();
    let at = NumberRef::Cell(CellRef::new(
        TableKind::IncomeExpenditureSummary,
        RowKey::Line(Line::CurrentYearIncome),
        Column::Total,
    ));
    d.set(&at, Some(w(value).into())).unwrap();
    (reconcile(&d), at)
}

#[test]
fn a_changed_subtotal_is_an_error_naming_the_cell() {
    let (report, at) = with_income_subtotal("8180.19");
    assert!(report.has_errors());
    let f = report
        .findings_for(Rule::IncomeSubtotal)
        .find(|f| f.severity == Severity::Error)
        .unwrap();
    // 4,175.52 + 568.77 + 3,434.90 = 8,179.19
    assert_eq!(f.expected, Some(Value::Amount(w("8179.19"))));
    assert_eq!(f.actual, Some(Value::Amount(w("8180.19"))));
    assert_eq!(f.difference, Some(Value::Amount(w("1.00"))));
    assert_eq!(f.cells[0].at, at);
    assert_eq!(f.cells.len(), 4);
    assert!(f.location.row.as_deref().unwrap().contains("本年收入合计"));
    assert!(
        f.message.contains("8,180.19") && f.message.contains("8,179.19"),
        "{}",
        f.message
    );
    // It also breaks 收入总计 = 本年收入合计 + 结余 + 结转.
    assert!(report
        .findings_for(Rule::IncomeGrandTotal)
        .any(|f| f.severity == Severity::Error));
    let text = report.render_text();
    assert!(
        text.contains("T101") && text.contains("本年收入合计"),
        "{text}"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["summary"]["errors"].as_u64(),
        Some(report.summary.errors.into())
    );
}

#[test]
fn a_subtotal_off_by_a_hundredth_is_a_rounding_warning() {
    let (report, _) = with_income_subtotal("8179.20");
    let f = report.findings_for(Rule::IncomeSubtotal).next().unwrap();
    assert_eq!(f.severity, Severity::Warning);
    // three printed parts: bound 0.015
    assert_eq!(f.tolerance, Some(Value::Amount(w("0.015"))));
    assert!(f.note.as_deref().unwrap().contains("舍入"));
}

#[test]
fn json_round_trips() {
    let report = reconcile(&seed());
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["rules"][0]["rule"], "T101");
    assert_eq!(v["subject"]["year"], 2025);
}

#[test]
fn a_contradicted_direction_word_is_an_error() {
    // "比 2024 年执行数增加 584.00 万元，增长 20.51%" rewritten as 减少.
    let mut d = seed();
    let claim = d
        .narrative
        .iter_mut()
        .find(|c| c.sentence.contains("信息化建设"))
        .unwrap();
    if let yusuan_tables::ClaimKind::Change { direction, .. } = &mut claim.kind {
        *direction = yusuan_tables::Direction::Decrease;
    }
    let report = reconcile(&d);
    let f = report
        .findings_for(Rule::NarrativeDirection)
        .find(|f| f.severity == Severity::Error)
        .unwrap();
    assert_eq!(f.actual, Some(Value::Text("减少".into())));
    assert_eq!(f.expected, Some(Value::Text("增加".into())));
}

#[test]
fn a_table_said_to_be_empty_that_is_not_is_an_error() {
    use yusuan_classification::Code;
    use yusuan_tables::{CodeRow, FundAmounts};
    let mut d = seed();
    let t7 = d.tables.government_fund_expenditure.as_mut().unwrap();
    let a = FundAmounts {
        total: Some(w("10.00")),
        project: Some(w("10.00")),
        ..Default::default()
    };
    t7.rows.push(CodeRow::new(
        Code::parse("2080108").unwrap(),
        "信息化建设",
        a,
    ));
    t7.total = Some(a);
    let report = reconcile(&d);
    // The narrative says there is none (N306) and the table's note says so
    // too (S603).
    assert!(report
        .findings_for(Rule::NarrativeEmptyTable)
        .any(|f| f.severity == Severity::Error));
    assert!(report
        .findings_for(Rule::NotedEmptyTableIsEmpty)
        .any(|f| f.severity == Severity::Error));
    // And 财政拨款收支总表 has no 政府性基金预算拨款 to pay for it (X212).
    let f = report
        .findings_for(Rule::SpecialBudgetsWithinFiscal)
        .next()
        .unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.actual, Some(Value::Amount(w("10.00"))));
    assert_eq!(f.expected, Some(Value::Amount(Wan::ZERO)));
    // The text report gives an inequality's bound as a bound.
    let text = report.render_text();
    assert!(text.contains("应不大于 0.00 · 实际 10.00"), "{text}");
}

#[test]
fn every_rule_explains_itself() {
    for rule in Rule::ALL {
        let text = rule.explain();
        assert!(text.starts_with(rule.id()));
        assert_eq!(yusuan_reconcile::rule(rule.id()).unwrap(), *rule);
    }
}

#[test]
fn three_decimals_are_reported() {
    let mut d = seed();
    let at = NumberRef::Cell(CellRef::new(
        TableKind::ExpenditureSummary,
        RowKey::Code("2210202".parse().unwrap()),
        Column::Total,
    ));
    d.set(&at, Some(w("10.935").into())).unwrap();
    let report = reconcile(&d);
    let f = report.findings_for(Rule::AmountPrecision).next().unwrap();
    assert_eq!(f.cells[0].at, at);
    assert_eq!(f.severity, Severity::Error);
}
