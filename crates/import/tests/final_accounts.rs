//! The 决算 (final accounts) tables end to end on the two real 2024 部门决算
//! of 上海市普陀区 (`fixtures/corpus/shanghai/sh-putuo-ghzyj_2024_dept-final.pdf`,
//! `sh-putuo-shgzb_2024_dept-final.pdf`): PDF → geometry reading → the 决算
//! model → rules T162, T172, T181–T189 and X221–X227.
//!
//! Each rule passes on the figures as printed (the documents' rounding
//! differences are warnings, as `fixtures/corpus/truth.tsv` says) and is
//! caught on one perturbed figure. Expected values are the documents'
//! printed figures and arithmetic on them by hand. Skipped without
//! pdftotext.

use std::path::{Path, PathBuf};

use yusuan_classification::Code;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Report, Rule, Severity, Status};
use yusuan_tables::{
    CellRef, Column, Disclosure, FinalRow, FinalTable, Line, Number, NumberRef, RowKey, TableKind,
};

fn shanghai() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus/shanghai")
}

fn have_pdftotext() -> bool {
    let have = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !have {
        eprintln!("pdftotext (poppler-utils) is not installed: this test reads a corpus PDF and is skipped");
    }
    have
}

fn import(stem: &str) -> Option<Disclosure> {
    if !have_pdftotext() {
        return None;
    }
    let path = shanghai().join(format!("{stem}.pdf"));
    Some(
        yusuan_import::import_path(&path)
            .expect("imports")
            .disclosure,
    )
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn code(s: &str) -> RowKey {
    RowKey::Code(Code::parse(s).unwrap())
}

fn at(kind: TableKind, row: RowKey, column: Column) -> NumberRef {
    NumberRef::Cell(CellRef::new(kind, row, column))
}

fn get(d: &Disclosure, kind: TableKind, row: RowKey, column: Column) -> Option<Wan> {
    d.get(&at(kind, row, column)).and_then(|n| n.as_amount())
}

const FINAL_RULES: [Rule; 18] = [
    Rule::FinalGovernmentFundRows,
    Rule::FinalStateCapitalRows,
    Rule::FinalIncomeSubtotal,
    Rule::FinalIncomeGrandTotal,
    Rule::FinalExpenditureSubtotal,
    Rule::FinalExpenditureGrandTotal,
    Rule::FinalBalance,
    Rule::FinalFiscalIncome,
    Rule::FinalFiscalExpenditure,
    Rule::FinalFiscalColumns,
    Rule::FinalBasicTotals,
    Rule::FinalIncomeTableTotal,
    Rule::FinalIncomeTableSources,
    Rule::FinalExpenditureTableTotal,
    Rule::FinalExpenditureClasses,
    Rule::FinalFiscalMatchesGeneralBudget,
    Rule::FinalBasicMatchesGeneralBudget,
    Rule::FinalFiscalIncomeMatchesSummary,
];

fn count(r: &Report, rule: Rule, severity: Severity) -> usize {
    r.findings
        .iter()
        .filter(|f| f.rule == rule && f.severity == severity)
        .count()
}

fn outcome(r: &Report, rule: Rule) -> &yusuan_reconcile::RuleOutcome {
    r.rules.iter().find(|o| o.rule == rule).unwrap()
}

#[test]
fn ghzyj_reads_into_the_final_accounts_model() {
    let Some(d) = import("sh-putuo-ghzyj_2024_dept-final") else {
        return;
    };
    let t1 = TableKind::FinalIncomeExpenditureSummary;
    let c = Column::Total;
    // as printed in 收入支出决算总表 (page 7)
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::GeneralBudgetAppropriation), c),
        Some(w("9746.50"))
    );
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::CurrentYearIncome), c),
        Some(w("9746.50"))
    );
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::OpeningBalance), c),
        Some(w("112.88"))
    );
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::IncomeTotal), c),
        Some(w("9859.38"))
    );
    assert_eq!(get(&d, t1, code("210"), c), Some(w("236.63")));
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::CurrentYearExpenditure), c),
        Some(w("9759.38"))
    );
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::ClosingBalance), c),
        Some(w("100.00"))
    );
    assert_eq!(
        get(&d, t1, RowKey::Line(Line::BalanceDistribution), c),
        None
    );
    // 财政拨款收入支出决算总表
    let t4 = TableKind::FinalFiscalAppropriationSummary;
    assert_eq!(
        get(&d, t4, code("212"), Column::GeneralBudget),
        Some(w("3832.36"))
    );
    assert_eq!(
        get(&d, t4, RowKey::Line(Line::ExpenditureTotal), c),
        Some(w("9746.50"))
    );
    // 一般公共预算财政拨款基本支出决算表, both halves
    let t6 = TableKind::FinalBasicExpenditure;
    assert_eq!(
        get(&d, t6, RowKey::Line(Line::PersonnelTotal), c),
        Some(w("4884.09"))
    );
    assert_eq!(
        get(&d, t6, RowKey::Line(Line::PublicTotal), c),
        Some(w("480.66"))
    );
    assert_eq!(get(&d, t6, code("31002"), c), Some(w("39.76")));
    // 收入决算表 as the 收入总表
    assert_eq!(
        get(
            &d,
            TableKind::IncomeSummary,
            RowKey::Total,
            Column::FiscalAppropriation
        ),
        Some(w("9746.50"))
    );
    // the empty 政府性基金 / 国有资本 决算表 with their 说明
    let fund = d.tables.final_accounts.government_fund.as_ref().unwrap();
    assert!(fund.rows.is_empty());
    assert!(fund.meta.empty_note.as_deref().unwrap().contains("没有"));
    // the 说明's totals refer to the 决算 summary tables
    let refers = |subject: &str| {
        d.narrative
            .iter()
            .find(|c| c.kind.subject() == subject)
            .and_then(|c| c.refers_to)
    };
    assert_eq!(
        refers("收入支出总计"),
        Some(CellRef::new(t1, Line::IncomeTotal, c))
    );
    assert_eq!(
        refers("本年支出合计"),
        Some(CellRef::new(t1, Line::CurrentYearExpenditure, c))
    );
    assert_eq!(
        refers("财政拨款收入支出总计"),
        Some(CellRef::new(t4, Line::IncomeTotal, c))
    );
    assert_eq!(
        refers("人员经费"),
        Some(CellRef::new(t6, Line::PersonnelTotal, c))
    );
    // nothing left generic, no amount twice
    assert!(d.tables.generic.is_empty());
    assert!(d
        .describe(&at(t6, RowKey::Line(Line::PersonnelTotal), c))
        .contains("人员经费合计"));
}

#[test]
fn ghzyj_final_rules_pass_with_the_documents_rounding_as_warnings() {
    let Some(d) = import("sh-putuo-ghzyj_2024_dept-final") else {
        return;
    };
    let r = reconcile(&d);
    for rule in FINAL_RULES {
        assert_eq!(count(&r, rule, Severity::Error), 0, "{rule}");
    }
    for rule in &FINAL_RULES[2..] {
        assert!(outcome(&r, *rule).checks > 0, "{rule} made no check");
    }
    // the 基本支出决算表's 30212 / 30217 / 30231 / 31013 within the "三公" 决算数
    for rule in [
        Rule::BasicTravelWithinThreePublic,
        Rule::BasicReceptionWithinThreePublic,
        Rule::BasicVehicleOperationWithinThreePublic,
        Rule::BasicVehiclePurchaseWithinThreePublic,
    ] {
        assert_eq!(outcome(&r, rule).status, Status::Passed, "{rule}");
    }
    // empty tables: skipped
    assert_eq!(
        outcome(&r, Rule::FinalGovernmentFundRows).status,
        Status::Skipped
    );
    // the rounding rows of truth.tsv: 9746.49 (T187, two columns), 4884.10
    // (T189; and 302's items add to 440.88 for 440.90), 236.63 / 3845.25
    // (X224), 236.63 (X225)
    assert_eq!(
        count(&r, Rule::FinalFiscalExpenditure, Severity::Warning),
        2
    );
    assert_eq!(count(&r, Rule::FinalBasicTotals, Severity::Warning), 2);
    assert_eq!(
        count(&r, Rule::FinalExpenditureClasses, Severity::Warning),
        2
    );
    assert_eq!(
        count(&r, Rule::FinalFiscalMatchesGeneralBudget, Severity::Warning),
        1
    );
    // 六 "人员经费 4896.98 万元" against 人员经费合计 4,884.09: an error
    assert!(r.findings.iter().any(|f| f.rule == Rule::NarrativeAmount
        && f.severity == Severity::Error
        && f.message.contains("4,896.98")
        && f.message.contains("4,884.09")));
}

/// Sets one amount, returning the disclosure.
fn with(mut d: Disclosure, kind: TableKind, row: RowKey, column: Column, v: &str) -> Disclosure {
    d.set(&at(kind, row, column), Some(Number::Amount(w(v))))
        .expect("the cell exists");
    d
}

#[test]
fn each_final_rule_catches_a_perturbed_figure() {
    let Some(mut d) = import("sh-putuo-ghzyj_2024_dept-final") else {
        return;
    };
    // the merged labels of the 收入支出决算总表 leave its 本年收入合计 and
    // 本年支出合计 in doubt: first as read (a warning at most), then as if
    // read for certain
    let t1 = TableKind::FinalIncomeExpenditureSummary;
    let t4 = TableKind::FinalFiscalAppropriationSummary;
    let t6 = TableKind::FinalBasicExpenditure;
    let c = Column::Total;
    let doubtful = with(d.clone(), t1, RowKey::Line(Line::OtherIncome), c, "1.00");
    let r = reconcile(&doubtful);
    assert_eq!(count(&r, Rule::FinalIncomeSubtotal, Severity::Error), 0);
    assert_eq!(count(&r, Rule::FinalIncomeSubtotal, Severity::Warning), 1);
    if let Some(t) = d.tables.final_accounts.income_expenditure_summary.as_mut() {
        t.meta.reading = None;
    }
    assert_eq!(
        count(&reconcile(&d), Rule::FinalIncomeSubtotal, Severity::Error),
        0
    );
    let cases: [(Rule, TableKind, RowKey, Column, &str); 18] = [
        (
            Rule::FinalIncomeSubtotal,
            t1,
            RowKey::Line(Line::OtherIncome),
            c,
            "1.00",
        ),
        (
            Rule::FinalIncomeGrandTotal,
            t1,
            RowKey::Line(Line::OpeningBalance),
            c,
            "113.88",
        ),
        (Rule::FinalExpenditureSubtotal, t1, code("208"), c, "755.75"),
        (
            Rule::FinalExpenditureGrandTotal,
            t1,
            RowKey::Line(Line::ClosingBalance),
            c,
            "101.00",
        ),
        (
            Rule::FinalBalance,
            t1,
            RowKey::Line(Line::ExpenditureTotal),
            c,
            "9860.38",
        ),
        (
            Rule::FinalFiscalIncome,
            t4,
            RowKey::Line(Line::GeneralBudgetAppropriation),
            c,
            "9747.50",
        ),
        (Rule::FinalFiscalExpenditure, t4, code("221"), c, "462.08"),
        (
            Rule::FinalFiscalColumns,
            t4,
            code("221"),
            Column::GeneralBudget,
            "462.08",
        ),
        (Rule::FinalBasicTotals, t6, code("303"), c, "68.96"),
        (
            Rule::FinalIncomeTableTotal,
            TableKind::IncomeSummary,
            RowKey::Total,
            c,
            "9747.50",
        ),
        (
            Rule::FinalIncomeTableSources,
            TableKind::IncomeSummary,
            RowKey::Total,
            Column::FiscalAppropriation,
            "9747.50",
        ),
        (
            Rule::FinalExpenditureTableTotal,
            TableKind::ExpenditureSummary,
            RowKey::Total,
            c,
            "9760.38",
        ),
        (
            Rule::FinalExpenditureClasses,
            TableKind::ExpenditureSummary,
            code("220"),
            c,
            "4462.67",
        ),
        (
            Rule::FinalFiscalMatchesGeneralBudget,
            TableKind::GeneralBudgetExpenditure,
            code("221"),
            c,
            "462.08",
        ),
        (
            Rule::FinalBasicMatchesGeneralBudget,
            t6,
            RowKey::Line(Line::PublicTotal),
            c,
            "481.66",
        ),
        (
            Rule::FinalFiscalIncomeMatchesSummary,
            t1,
            RowKey::Line(Line::GeneralBudgetAppropriation),
            c,
            "9747.50",
        ),
        (
            Rule::FinalBasicTotals,
            t6,
            RowKey::Line(Line::PersonnelTotal),
            c,
            "4885.09",
        ),
        // 30217 公务接待费 0.39 ≤ the "三公" 决算数 0.39
        (
            Rule::BasicReceptionWithinThreePublic,
            t6,
            code("30217"),
            c,
            "0.50",
        ),
    ];
    for (rule, kind, row, column, v) in cases {
        let r = reconcile(&with(d.clone(), kind, row, column, v));
        assert!(
            count(&r, rule, Severity::Error) >= 1,
            "{rule} not caught on {kind:?} {row} {column:?} = {v}: {:?}",
            r.findings
                .iter()
                .filter(|f| f.rule == rule)
                .map(|f| &f.message)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn fund_final_rows_carry_their_balances() {
    let Some(mut d) = import("sh-putuo-ghzyj_2024_dept-final") else {
        return;
    };
    // the table is printed empty in both documents: a row as the template
    // prints it, 年初 1.00 + 本年收入 10.00 − 本年支出 9.00 (4.00 + 5.00) = 年末 2.00
    let row = FinalRow::new(RowKey::Total, "合计")
        .with(Column::OpeningBalance, w("1.00"))
        .with(Column::CurrentYearIncome, w("10.00"))
        .with(Column::Total, w("9.00"))
        .with(Column::Basic, w("4.00"))
        .with(Column::Project, w("5.00"))
        .with(Column::ClosingBalance, w("2.00"));
    for (kind, rule) in [
        (
            TableKind::FinalGovernmentFund,
            Rule::FinalGovernmentFundRows,
        ),
        (TableKind::FinalStateCapital, Rule::FinalStateCapitalRows),
    ] {
        if let Some(slot) = d.tables.final_accounts.slot_mut(kind) {
            *slot = Some(FinalTable {
                rows: vec![row.clone()],
                ..Default::default()
            });
        }
        let r = reconcile(&d);
        assert_eq!(outcome(&r, rule).status, Status::Passed, "{rule}");
        for (column, v) in [(Column::ClosingBalance, "3.00"), (Column::Basic, "5.00")] {
            let r = reconcile(&with(d.clone(), kind, RowKey::Total, column, v));
            assert_eq!(count(&r, rule, Severity::Error), 1, "{rule} {column:?}");
        }
    }
}

#[test]
fn shgzb_final_rules_pass_and_its_basic_rounding_is_a_warning() {
    let Some(d) = import("sh-putuo-shgzb_2024_dept-final") else {
        return;
    };
    let t6 = TableKind::FinalBasicExpenditure;
    assert_eq!(
        get(&d, t6, RowKey::Line(Line::PersonnelTotal), Column::Total),
        Some(w("95.36"))
    );
    assert_eq!(
        get(&d, t6, RowKey::Line(Line::PublicTotal), Column::Total),
        Some(w("10.23"))
    );
    let r = reconcile(&d);
    for rule in FINAL_RULES {
        assert_eq!(count(&r, rule, Severity::Error), 0, "{rule}");
    }
    // 一般公共预算财政拨款支出决算表 基本 105.58 vs 95.36 + 10.23 = 105.59
    assert_eq!(
        count(&r, Rule::FinalBasicMatchesGeneralBudget, Severity::Warning),
        1
    );
}

/// The text `pdftotext -layout` gives of a 决算, read as a `.txt`: the same
/// tables as the PDF, and no error the PDF does not give. pdftotext lays out
/// every page afresh (its own left edge and character width), so a table's
/// continuation page prints its columns elsewhere than its heading page:
/// the 财政拨款收入支出决算总表's second page prints `4461.67 4461.67` two
/// columns right of the first page's `754.75 754.75`, once read as the
/// 一般公共预算 and 政府性基金 columns (false T187/T188 errors), and the
/// 收入决算表 and 支出决算表's second pages prints narrower (labels read as
/// amounts, the tables not read). Expected figures are the document's.
#[test]
fn ghzyj_layout_text_reads_what_the_pdf_reads() {
    if !have_pdftotext() {
        return;
    }
    let pdf = shanghai().join("sh-putuo-ghzyj_2024_dept-final.pdf");
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let imported = yusuan_import::import_text(&text).expect("imports");
    let d = imported.disclosure;
    let fas = TableKind::FinalFiscalAppropriationSummary;
    let gb = Column::GeneralBudget;
    let fund = Column::GovernmentFund;
    // the rows of its second page: 合计 and 一般公共预算 only
    for (c, v) in [("220", "4461.67"), ("221", "461.08")] {
        let row = RowKey::Code(Code::parse(c).unwrap());
        assert_eq!(get(&d, fas, row, Column::Total), Some(w(v)), "{c}");
        assert_eq!(get(&d, fas, row, gb), Some(w(v)), "{c}");
        assert_eq!(get(&d, fas, row, fund), None, "{c}");
    }
    assert_eq!(
        get(
            &d,
            fas,
            RowKey::Line(Line::CurrentYearExpenditure),
            Column::Total
        ),
        Some(w("9746.50"))
    );
    // the 收入决算表 and 支出决算表, their second pages included
    let row212 = code("212");
    assert_eq!(
        get(&d, TableKind::IncomeSummary, row212, Column::Total),
        Some(w("3832.36"))
    );
    let es = TableKind::ExpenditureSummary;
    assert_eq!(get(&d, es, row212, Column::Total), Some(w("3845.24")));
    assert_eq!(get(&d, es, row212, Column::Basic), Some(w("1585.59")));
    assert_eq!(get(&d, es, row212, Column::Project), Some(w("2259.65")));
    // the 基本支出决算表, its 310 printed on a line of its own
    let basic = TableKind::FinalBasicExpenditure;
    assert_eq!(get(&d, basic, code("310"), Column::Total), Some(w("39.76")));
    assert_eq!(
        get(&d, basic, RowKey::Line(Line::PersonnelTotal), Column::Total),
        Some(w("4884.09"))
    );
    let r = reconcile(&d);
    for rule in [Rule::FinalFiscalExpenditure, Rule::FinalFiscalColumns] {
        assert_eq!(count(&r, rule, Severity::Error), 0, "{rule:?}: {r:#?}");
    }
    // the same errors as from the PDF: the true 人员经费 4896.98 among them
    let pdf_d = import("sh-putuo-ghzyj_2024_dept-final").unwrap();
    let pdf_r = reconcile(&pdf_d);
    let errors = |r: &Report| -> Vec<String> {
        let mut v: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(errors(&r), errors(&pdf_r));
    assert!(errors(&r).iter().any(|m| m.contains("4,896.98")));
}
