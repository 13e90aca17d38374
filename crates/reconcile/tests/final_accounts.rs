//! The 决算 rules on small disclosures built by hand from the printed figures
//! of the real 2024 部门决算 of 上海市普陀区规划和自然资源局
//! (`fixtures/corpus/shanghai/sh-putuo-ghzyj_2024_dept-final.pdf`, pages 7,
//! 14–16): each identity holds on the figures as printed (or is a rounding
//! warning where the document rounds), and fails on one changed figure.
//! The end-to-end version, from the PDF, is `crates/import/tests/final_accounts.rs`.

use yusuan_classification::Code;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Report, Rule, Severity, Status};
use yusuan_tables::{
    CellRef, CodeTable, Column, Disclosure, DocumentKind, DoubtfulCell, FinalRow, FinalTable,
    GeneralBudgetAmounts, Line, Number, NumberRef, Placement, Reading, RowKey, TableKind,
};

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn code(s: &str) -> Code {
    Code::parse(s).unwrap()
}

fn line(l: Line, label: &str, v: Option<&str>) -> FinalRow {
    let r = FinalRow::new(l, label);
    match v {
        Some(v) => r.with(Column::Total, w(v)),
        None => r,
    }
}

fn class(c: &str, label: &str, v: &str) -> FinalRow {
    FinalRow::new(code(c), label).with(Column::Total, w(v))
}

/// ghzyj's 收入支出决算总表, 基本支出决算表 (its 类 rows and totals) and the
/// 合计 row of its 一般公共预算财政拨款支出决算表.
fn ghzyj() -> Disclosure {
    let mut d = Disclosure::builder("上海市普陀区规划和自然资源局", 2024)
        .kind(DocumentKind::DepartmentFinalAccounts)
        .build_unchecked();
    let fa = &mut d.tables.final_accounts;
    fa.income_expenditure_summary = Some(FinalTable {
        columns: vec![Column::Total],
        rows: vec![
            line(
                Line::GeneralBudgetAppropriation,
                "一、一般公共预算财政拨款收入",
                Some("9746.50"),
            ),
            line(Line::OtherIncome, "八、其他收入", None),
            line(Line::CurrentYearIncome, "本年收入合计", Some("9746.50")),
            line(Line::NonFiscalBalanceUsed, "使用非财政拨款结余", None),
            line(Line::OpeningBalance, "年初结转和结余", Some("112.88")),
            line(Line::IncomeTotal, "总计", Some("9859.38")),
            class("208", "八、社会保障和就业支出", "754.75"),
            class("210", "九、卫生健康支出", "236.63"),
            class("212", "十一、城乡社区支出", "3845.25"),
            class("220", "十八、自然资源海洋气象等支出", "4461.67"),
            class("221", "十九、住房保障支出", "461.08"),
            line(
                Line::CurrentYearExpenditure,
                "本年支出合计",
                Some("9759.38"),
            ),
            line(Line::BalanceDistribution, "结余分配", None),
            line(Line::ClosingBalance, "年末结转和结余", Some("100.00")),
            line(Line::ExpenditureTotal, "总计", Some("9859.38")),
        ],
        ..Default::default()
    });
    fa.basic_expenditure = Some(FinalTable {
        columns: vec![Column::Total],
        rows: vec![
            class("301", "工资福利支出", "4816.14"),
            class("303", "对个人和家庭的补助", "67.96"),
            line(Line::PersonnelTotal, "人员经费合计", Some("4884.09")),
            class("302", "商品和服务支出", "440.90"),
            class("310", "资本性支出", "39.76"),
            line(Line::PublicTotal, "公用经费合计", Some("480.66")),
        ],
        ..Default::default()
    });
    let mut t5 = CodeTable::<GeneralBudgetAmounts>::new();
    t5.columns = vec![Column::Total, Column::Basic, Column::Project];
    t5.total = Some(GeneralBudgetAmounts {
        total: Some(w("9746.50")),
        basic: Some(w("5364.75")),
        project: Some(w("4381.74")),
        ..Default::default()
    });
    d.tables.general_budget_expenditure = Some(t5);
    d
}

fn count(r: &Report, rule: Rule, severity: Severity) -> usize {
    r.findings
        .iter()
        .filter(|f| f.rule == rule && f.severity == severity)
        .count()
}

fn status(r: &Report, rule: Rule) -> Status {
    r.rules.iter().find(|o| o.rule == rule).unwrap().status
}

fn set(d: &mut Disclosure, kind: TableKind, row: impl Into<RowKey>, column: Column, v: &str) {
    let at = NumberRef::Cell(CellRef::new(kind, row, column));
    d.set(&at, Some(Number::Amount(w(v)))).unwrap();
}

const T1: TableKind = TableKind::FinalIncomeExpenditureSummary;
const T6: TableKind = TableKind::FinalBasicExpenditure;

#[test]
fn the_printed_figures_pass_and_the_rounding_is_a_warning() {
    let r = reconcile(&ghzyj());
    for rule in [
        Rule::FinalIncomeSubtotal,
        Rule::FinalIncomeGrandTotal,
        Rule::FinalExpenditureSubtotal,
        Rule::FinalExpenditureGrandTotal,
        Rule::FinalBalance,
        Rule::FinalBasicMatchesGeneralBudget,
    ] {
        assert_eq!(status(&r, rule), Status::Passed, "{rule}");
    }
    // 301 4,816.14 + 303 67.96 = 4,884.10 against 人员经费合计 4,884.09
    assert_eq!(count(&r, Rule::FinalBasicTotals, Severity::Warning), 1);
    assert_eq!(count(&r, Rule::FinalBasicTotals, Severity::Error), 0);
    assert_eq!(r.summary.errors, 0, "{:#?}", r.findings);
}

#[test]
fn each_summary_identity_fails_on_a_changed_figure() {
    for (rule, row, v) in [
        (
            Rule::FinalIncomeSubtotal,
            RowKey::Line(Line::OtherIncome),
            "1.00",
        ),
        (
            Rule::FinalIncomeGrandTotal,
            RowKey::Line(Line::OpeningBalance),
            "113.88",
        ),
        (
            Rule::FinalExpenditureSubtotal,
            RowKey::Code(code("210")),
            "236.73",
        ),
        (
            Rule::FinalExpenditureGrandTotal,
            RowKey::Line(Line::ClosingBalance),
            "100.10",
        ),
        (
            Rule::FinalBalance,
            RowKey::Line(Line::ExpenditureTotal),
            "9860.38",
        ),
    ] {
        let mut d = ghzyj();
        set(&mut d, T1, row, Column::Total, v);
        let r = reconcile(&d);
        assert_eq!(count(&r, rule, Severity::Error), 1, "{rule}");
    }
}

#[test]
fn the_basic_totals_fail_on_a_changed_figure() {
    let mut d = ghzyj();
    // 公用经费合计 480.66 = 302 440.90 + 310 39.76; 490.66 is wrong, and so
    // is 表5's 基本支出 against 4,884.09 + 490.66
    set(&mut d, T6, Line::PublicTotal, Column::Total, "490.66");
    let r = reconcile(&d);
    assert_eq!(count(&r, Rule::FinalBasicTotals, Severity::Error), 1);
    assert_eq!(
        count(&r, Rule::FinalBasicMatchesGeneralBudget, Severity::Error),
        1
    );
}

#[test]
fn a_doubtful_cell_makes_a_failure_a_warning() {
    let mut d = ghzyj();
    set(&mut d, T1, Line::OtherIncome, Column::Total, "1.00");
    if let Some(t) = d.tables.final_accounts.income_expenditure_summary.as_mut() {
        t.meta.reading = Some(Reading {
            doubtful: vec![DoubtfulCell {
                row: RowKey::Line(Line::CurrentYearIncome),
                column: Column::Total,
                placement: Placement::Guessed,
                why: "labels of two printed lines read as one row".into(),
            }],
            ..Default::default()
        });
    }
    let r = reconcile(&d);
    assert_eq!(count(&r, Rule::FinalIncomeSubtotal, Severity::Error), 0);
    assert_eq!(count(&r, Rule::FinalIncomeSubtotal, Severity::Warning), 1);
}

#[test]
fn json_round_trips_the_final_tables() {
    let d = ghzyj();
    let json = d.to_json();
    assert!(json.contains("\"final_accounts\""));
    assert!(json.contains("\"personnel_total\""));
    let back = Disclosure::from_json(&json).unwrap();
    assert_eq!(back.tables.final_accounts, d.tables.final_accounts);
    assert_eq!(
        back.cells().len(),
        d.cells().len(),
        "every printed number addressable after a round trip"
    );
}
