//! 江苏's summary tables print the expenditure side by use (支出用途: 基本支出,
//! 项目支出, 单位预留机动经费) beside or instead of the 功能分类 classes, and
//! the income by source (财政拨款, 财政专户管理资金, 其他资金). Figures of the
//! 2018 部门预算 of 江苏省人民检察院 (公开 01 and 04 表), added by hand:
//! income 21,940.96 + 14.39 = 21,955.35; classes 16,458.75 + 1,836.22 +
//! 3,660.38 = 21,955.35; by use 13,994.31 + 5,573.00 + 2,388.04 =
//! 21,955.35; 财政拨款 by use 13,979.92 + 5,573.00 + 2,388.04 = 21,940.96.

use yusuan_classification::Code;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Report, Rule, Severity, Status};
use yusuan_tables::{Disclosure, Line, SummaryRow, SummaryTable};

fn w(s: &str) -> Option<Wan> {
    Some(Wan::parse(s).unwrap())
}

fn summary(basic: &str) -> SummaryTable {
    let line = |l: Line, label: &str, v: Option<Wan>| SummaryRow::new(l, label, v);
    let class =
        |c: &str, label: &str, v: &str| SummaryRow::new(Code::parse(c).unwrap(), label, w(v));
    SummaryTable {
        income: vec![
            line(
                Line::FiscalAppropriationIncome,
                "一、财政拨款",
                w("21940.96"),
            ),
            line(
                Line::GeneralBudgetAppropriation,
                "1.一般公共预算",
                w("21940.96"),
            ),
            line(Line::SpecialAccountFunds, "二、财政专户管理资金", None),
            line(Line::OtherFunds, "三、其他资金", w("14.39")),
            line(Line::CurrentYearIncome, "当年收入小计", w("21955.35")),
            line(Line::PriorYearCarryover, "上年结转资金", None),
            line(Line::IncomeTotal, "收入合计", w("21955.35")),
        ],
        expenditure: vec![
            class("204", "四、公共安全支出", "16458.75"),
            class("208", "八、社会保障和就业支出", "1836.22"),
            class("221", "十八、住房保障支出", "3660.38"),
            line(Line::BasicExpenditure, "一、基本支出", w(basic)),
            line(Line::ProjectExpenditure, "二、项目支出", w("5573.00")),
            line(Line::UnitReserveFund, "三、单位预留机动经费", w("2388.04")),
            line(Line::CurrentYearExpenditure, "当年支出小计", w("21955.35")),
            line(Line::CarryForward, "结转下年资金", None),
            line(Line::ExpenditureTotal, "支出合计", w("21955.35")),
        ],
        ..SummaryTable::default()
    }
}

fn fiscal(basic: &str) -> SummaryTable {
    let line = |l: Line, label: &str, v: &str| SummaryRow::new(l, label, w(v));
    SummaryTable {
        income: vec![
            line(
                Line::GeneralBudgetAppropriation,
                "一、一般公共预算",
                "21940.96",
            ),
            line(Line::IncomeTotal, "收入合计", "21940.96"),
        ],
        expenditure: vec![
            line(Line::BasicExpenditure, "一、基本支出", basic),
            line(Line::ProjectExpenditure, "二、项目支出", "5573.00"),
            line(Line::UnitReserveFund, "三、单位预留机动经费", "2388.04"),
            line(Line::ExpenditureTotal, "支出合计", "21940.96"),
        ],
        ..SummaryTable::default()
    }
}

fn check(summary: SummaryTable, fiscal: SummaryTable) -> Report {
    let d = Disclosure::builder("江苏省人民检察院", 2018)
        .income_expenditure_summary(summary)
        .fiscal_appropriation_summary(fiscal)
        .build()
        .unwrap();
    reconcile(&d)
}

fn errors(r: &Report, rule: Rule) -> usize {
    r.findings_for(rule)
        .filter(|f| f.severity == Severity::Error)
        .count()
}

#[test]
fn the_printed_tables_pass_by_class_by_use_and_by_source() {
    let r = check(summary("13994.31"), fiscal("13979.92"));
    for rule in [
        Rule::IncomeSubtotal,
        Rule::IncomeGrandTotal,
        Rule::ExpenditureSubtotal,
        Rule::SummaryExpenditureByUse,
        Rule::ExpenditureGrandTotal,
        Rule::SummaryBalance,
        Rule::FiscalExpenditureTotal,
        Rule::FiscalBalance,
    ] {
        let o = r.outcome(rule).unwrap();
        assert_eq!(o.status, Status::Passed, "{rule:?}: {o:?}");
    }
    assert!(!r.has_errors(), "{}", r.render_text());
}

#[test]
fn a_wrong_line_by_use_is_an_error() {
    // 基本支出 printed 100.00 too high: Σ by use 22,055.35 against 21,955.35
    let r = check(summary("14094.31"), fiscal("13979.92"));
    assert_eq!(
        errors(&r, Rule::SummaryExpenditureByUse),
        1,
        "{}",
        r.render_text()
    );
    let f = r
        .findings_for(Rule::SummaryExpenditureByUse)
        .next()
        .unwrap();
    assert!(f.message.contains("基本支出"), "{}", f.message);
    // the classes still add up
    assert_eq!(errors(&r, Rule::ExpenditureSubtotal), 0);
    // the 财政拨款收支总表 prints no 本年支出: 支出合计 = Σ by use
    let r = check(summary("13994.31"), fiscal("14079.92"));
    assert_eq!(
        errors(&r, Rule::FiscalExpenditureTotal),
        1,
        "{}",
        r.render_text()
    );
}

#[test]
fn other_funds_replace_the_other_income_lines() {
    // 其他资金 14.39 dropped: 21,940.96 against 本年收入 21,955.35
    let mut s = summary("13994.31");
    s.income.retain(|r| r.label != "三、其他资金");
    let r = check(s, fiscal("13979.92"));
    assert_eq!(errors(&r, Rule::IncomeSubtotal), 1, "{}", r.render_text());
}

#[test]
fn without_a_subtotal_the_lines_by_use_are_checked_against_the_grand_total() {
    let r = check(summary("13994.31"), fiscal("13979.92"));
    let o = r.outcome(Rule::FiscalExpenditureByUse).unwrap();
    assert_eq!(o.status, Status::Skipped);
    assert!(
        o.skip_reason.as_deref().unwrap().contains("支出总计"),
        "{o:?}"
    );
    assert_eq!(
        r.outcome(Rule::FiscalExpenditureTotal).unwrap().status,
        Status::Passed
    );
}
