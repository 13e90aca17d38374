//! Honest findings (issue 11): a finding that accuses the document rests on
//! cells read for certain. Disclosures are built from the seed fixture with
//! the reading record (`meta.reading`) set by hand, as the importer sets it.
//! Expected values come from the seed's printed figures.

use serde_json::{json, Value};
use yusuan_reconcile::{reconcile, Report, Rule, Severity, Status};
use yusuan_tables::Disclosure;

const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

fn seed() -> Value {
    serde_json::from_str(SEED).unwrap()
}

fn check(v: &Value) -> Report {
    reconcile(&Disclosure::from_json(&v.to_string()).unwrap())
}

fn errors_of(report: &Report, rule: Rule) -> usize {
    report
        .findings_for(rule)
        .filter(|f| f.severity == Severity::Error)
        .count()
}

/// The 收支总表 income row with this key.
fn income_row<'a>(v: &'a mut Value, key: &str) -> &'a mut Value {
    v["tables"]["income_expenditure_summary"]["income"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["key"] == key)
        .unwrap()
}

#[test]
fn the_seed_is_clean_and_its_conclusion_unqualified() {
    let report = check(&seed());
    assert!(!report.has_errors());
    let c = &report.coverage;
    assert_eq!((c.tables_read, c.tables_expected), (9, 9));
    assert!(c.complete, "{c:?}");
    assert!(!c.nothing_checked);
    assert_eq!(c.conclusion, "未发现错误");
    assert_eq!(c.generic_tables, 0);
    assert!(c.table_amounts > 100, "{c:?}");
}

#[test]
fn a_failed_identity_over_a_doubtful_cell_is_a_warning_naming_it() {
    // 本年收入合计 printed 8,179.19; read as 8,180.19 by a guess.
    let mut v = seed();
    income_row(&mut v, "current_year_income")["amounts"]["total"] = json!("8180.19");
    // Certain: an error (T101: 4,175.52 + 568.77 + 3,434.90 = 8,179.19).
    assert!(errors_of(&check(&v), Rule::IncomeSubtotal) > 0);
    v["tables"]["income_expenditure_summary"]["meta"]["reading"] = json!({
        "doubtful": [{
            "row": "current_year_income",
            "column": "total",
            "placement": "guessed",
            "why": "该行印有 2 个数字，按顺序推测"
        }]
    });
    let report = check(&v);
    assert!(!report.has_errors(), "{}", report.render_text());
    let f = report.findings_for(Rule::IncomeSubtotal).next().unwrap();
    assert_eq!(f.severity, Severity::Warning);
    let note = f.note.as_deref().unwrap();
    assert!(note.contains("本年收入合计"), "{note}");
    assert!(note.contains("推测"), "{note}");
    assert!(note.contains("按顺序推测"), "{note}");
    assert_eq!(report.coverage.doubtful_cells, 1);
    assert!(!report.coverage.complete);
    // An identity choice is doubtful too.
    v["tables"]["income_expenditure_summary"]["meta"]["reading"]["doubtful"][0]["placement"] =
        json!("identity");
    let report = check(&v);
    assert!(!report.has_errors());
    // A certain placement recorded as such changes nothing.
    v["tables"]["income_expenditure_summary"]["meta"]["reading"]["doubtful"][0]["placement"] =
        json!("position");
    assert!(errors_of(&check(&v), Rule::IncomeSubtotal) > 0);
}

#[test]
fn a_row_the_table_did_not_read_is_never_compared_with_a_blank() {
    // Drop 事业收入 568.77 from the 收支总表.
    let mut v = seed();
    v["tables"]["income_expenditure_summary"]["income"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["key"] != "business_income");
    // Read as complete, the table now contradicts itself: 8,179.19 against
    // 4,175.52 + 3,434.90 = 7,610.42.
    let report = check(&v);
    assert!(errors_of(&report, Rule::IncomeSubtotal) > 0);
    // Read in part, with the row named as missing: not compared.
    v["tables"]["income_expenditure_summary"]["meta"]["reading"] = json!({
        "completeness": "partial",
        "missing_rows": ["四、事业收入"]
    });
    let report = check(&v);
    assert_eq!(
        errors_of(&report, Rule::IncomeSubtotal),
        0,
        "{}",
        report.render_text()
    );
    let outcome = report.outcome(Rule::IncomeSubtotal).unwrap();
    assert!(outcome.not_compared >= 1, "{outcome:?}");
    let reason = outcome.skip_reason.as_deref().unwrap();
    assert!(reason.contains("未") && reason.contains("读"), "{reason}");
    assert!(!report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.message.contains("（空白）")));
    assert_eq!(report.coverage.tables_partial, vec!["收支总表".to_owned()]);
    assert!(
        report.coverage.conclusion.contains("部分读取：收支总表"),
        "{}",
        report.coverage.conclusion
    );
    // Partial without naming the row: a row the table lacks is still not
    // compared.
    v["tables"]["income_expenditure_summary"]["meta"]["reading"] =
        json!({ "completeness": "partial" });
    assert_eq!(errors_of(&check(&v), Rule::IncomeSubtotal), 0);
}

#[test]
fn a_comparison_needing_an_unread_row_is_not_made_even_when_it_would_pass() {
    // Without 事业收入 568.77 the lines add to 4,175.52 + 3,434.90 =
    // 7,610.42; print that as 本年收入合计.
    let mut v = seed();
    v["tables"]["income_expenditure_summary"]["income"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["key"] != "business_income");
    income_row(&mut v, "current_year_income")["amounts"]["total"] = json!("7610.42");
    assert_eq!(
        check(&v).outcome(Rule::IncomeSubtotal).unwrap().status,
        Status::Passed
    );
    v["tables"]["income_expenditure_summary"]["meta"]["reading"] = json!({
        "completeness": "partial",
        "missing_rows": ["事业收入"]
    });
    let report = check(&v);
    let o = report.outcome(Rule::IncomeSubtotal).unwrap();
    assert_eq!(o.status, Status::Skipped, "{o:?}");
    assert_eq!(o.checks, 0);
    assert_eq!(o.not_compared, 1);
    assert!(
        o.skip_reason.as_deref().unwrap().contains("事业收入"),
        "{o:?}"
    );
    assert!(report.render_text().contains("事业收入"));
}

#[test]
fn a_column_not_read_skips_the_row_identity_with_its_reason() {
    // 支出总表: the 项目支出 column not read (its cells absent).
    let mut v = seed();
    let t = &mut v["tables"]["expenditure_summary"];
    for row in t["rows"].as_array_mut().unwrap() {
        row["amounts"].as_object_mut().unwrap().remove("project");
    }
    t["total"].as_object_mut().unwrap().remove("project");
    assert!(errors_of(&check(&v), Rule::ExpenditureTableRow) > 0);
    v["tables"]["expenditure_summary"]["meta"]["reading"] = json!({
        "completeness": "partial",
        "missing_columns": ["project"]
    });
    let report = check(&v);
    let outcome = report.outcome(Rule::ExpenditureTableRow).unwrap();
    assert_eq!(outcome.status, Status::Skipped, "{outcome:?}");
    assert!(outcome.skip_reason.as_deref().unwrap().contains("未读取"));
    assert!(!report.has_errors(), "{}", report.render_text());
}

#[test]
fn a_one_column_basic_table_gets_only_the_hierarchy_sums() {
    // Case f21: a 基本支出表 printing one 金额 column.
    let mut v = seed();
    let t = &mut v["tables"]["general_budget_basic_expenditure"];
    for row in t["rows"].as_array_mut().unwrap() {
        let a = row["amounts"].as_object_mut().unwrap();
        a.remove("personnel");
        a.remove("public");
    }
    let total = t["total"].as_object_mut().unwrap();
    total.remove("personnel");
    total.remove("public");
    let report = check(&v);
    assert!(!report.has_errors(), "{}", report.render_text());
    for rule in [Rule::BasicRow, Rule::BasicPersonnelSplit] {
        let o = report.outcome(rule).unwrap();
        assert_eq!(o.status, Status::Skipped, "{o:?}");
        assert!(
            o.skip_reason.as_deref().unwrap().contains("一个金额栏"),
            "{o:?}"
        );
    }
    // The hierarchy sums still apply, and hold (301 = 30101 + 30102 + …).
    assert_eq!(
        report.outcome(Rule::BasicTree).unwrap().status,
        Status::Passed
    );
    assert!(!report.coverage.complete);
    assert!(
        report.coverage.conclusion.starts_with("未发现错误（"),
        "{}",
        report.coverage.conclusion
    );
}

#[test]
fn a_table_failing_most_of_its_own_identities_is_one_doubtful_reading_warning() {
    // Every 合计 of the 基本支出表 read one column off: +1.00 on each.
    let mut v = seed();
    let t = &mut v["tables"]["general_budget_basic_expenditure"];
    let bump = |a: &mut Value| {
        let s = a["total"].as_str().unwrap().to_owned();
        let d: yusuan_money::Decimal = s.parse().unwrap();
        a["total"] = json!((d + yusuan_money::Decimal::ONE).to_string());
    };
    for row in t["rows"].as_array_mut().unwrap() {
        bump(&mut row["amounts"]);
    }
    bump(&mut t["total"]);
    let report = check(&v);
    let own_errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| {
            f.rule.own_table() == Some(yusuan_tables::TableKind::GeneralBudgetBasicExpenditure)
        })
        .count();
    assert_eq!(own_errors, 0, "{}", report.render_text());
    let doubtful: Vec<_> = report.findings_for(Rule::TableReadingDoubtful).collect();
    assert_eq!(doubtful.len(), 1, "{}", report.render_text());
    let f = doubtful[0];
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("本表读取存疑"));
    assert!(f.note.as_deref().unwrap().contains("[T151]"));
    assert!(!f.cells.is_empty());
    // The folded failures keep their rule failed (as warnings).
    assert_eq!(
        report.outcome(Rule::BasicRow).unwrap().status,
        Status::Failed
    );
}

#[test]
fn a_performance_form_without_weights_skips_the_weight_rules() {
    // Case f09: the 2023 填报表 has no 分值 column.
    let mut v = seed();
    let t = &mut v["performance_tables"][0];
    for ind in t["indicators"].as_array_mut().unwrap() {
        ind["weight"] = json!("0");
    }
    t.as_object_mut()
        .unwrap()
        .remove("declared_indicator_weight");
    let report = check(&v);
    assert_eq!(report.findings_for(Rule::IndicatorWeights).count(), 0);
    // Nor is each indicator's missing 分值 a fault of the form.
    assert!(
        !report
            .findings_for(Rule::PerformanceTableForm)
            .any(|f| f.message.contains("分值")),
        "{}",
        report.render_text()
    );
    let o = report.outcome(Rule::IndicatorWeights).unwrap();
    assert_eq!(o.status, Status::Skipped);
    assert!(o.skip_reason.as_deref().unwrap().contains("本表未列分值"));
}

/// The seed with a 30217 公务接待费 row of `basic` in the 基本支出表 and a
/// 2025 公务接待费 of `three` in the “三公” table.
fn reception(basic: Option<&str>, three: Option<&str>, name: &str) -> Report {
    let mut v = seed();
    if let Some(b) = basic {
        v["tables"]["general_budget_basic_expenditure"]["rows"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": "30217", "name": name, "amounts": {"total": b}}));
    }
    if let Some(t) = three {
        let t3 = &mut v["tables"]["three_public_expenditure"];
        t3["meta"].as_object_mut().unwrap().remove("empty_note");
        t3["rows"][0]["amounts"] = json!({"total": t, "reception": t});
    }
    check(&v)
}

#[test]
fn basic_table_items_are_at_most_the_three_public_figure() {
    // 5.00 ≤ 6.00: passes (part ≤ whole, not equality).
    let r = reception(Some("5.00"), Some("6.00"), "公务接待费");
    assert_eq!(
        r.outcome(Rule::BasicReceptionWithinThreePublic)
            .unwrap()
            .status,
        Status::Passed
    );
    // 5.00 > 4.00: an error naming both cells.
    let r = reception(Some("5.00"), Some("4.00"), "公务接待费");
    let f = r
        .findings_for(Rule::BasicReceptionWithinThreePublic)
        .next()
        .unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.cells.len(), 2);
    assert!(f.message.contains("30217"), "{}", f.message);
    // Either side absent: skipped.
    for r in [
        reception(None, Some("4.00"), "公务接待费"),
        reception(Some("5.00"), None, "公务接待费"),
    ] {
        assert_eq!(
            r.outcome(Rule::BasicReceptionWithinThreePublic)
                .unwrap()
                .status,
            Status::Skipped
        );
    }
    // A 30217 printed with another item's name is not the item.
    let r = reception(Some("5.00"), Some("4.00"), "机关事业单位退休人员活动费");
    assert_eq!(
        r.outcome(Rule::BasicReceptionWithinThreePublic)
            .unwrap()
            .status,
        Status::Skipped
    );
    for rule in [
        Rule::BasicTravelWithinThreePublic,
        Rule::BasicVehicleOperationWithinThreePublic,
        Rule::BasicVehiclePurchaseWithinThreePublic,
    ] {
        assert_eq!(r.outcome(rule).unwrap().status, Status::Skipped);
    }
}

#[test]
fn codes_missing_from_the_catalog_are_one_finding_per_document() {
    let mut v = seed();
    // Two 款 the embedded catalog does not hold, under 302.
    for (code, name) in [("30290", "某项费用甲"), ("30291", "某项费用乙")] {
        v["tables"]["general_budget_basic_expenditure"]["rows"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": code, "name": name, "amounts": {}}));
    }
    let report = check(&v);
    let notes: Vec<_> = report.findings_for(Rule::CodeKnown).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].message.contains("30290") && notes[0].message.contains("30291"));
    assert!(notes[0].message.starts_with("2 个"), "{}", notes[0].message);
    // A year the catalog has no edition of: said once.
    let mut v = seed();
    v["year"] = json!(1990);
    let report = check(&v);
    let notes: Vec<_> = report.findings_for(Rule::CodeKnown).collect();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].message.contains("没有 1990 年的版本"),
        "{}",
        notes[0].message
    );
}

#[test]
fn a_table_not_read_qualifies_the_conclusion() {
    let mut v = seed();
    v["tables"]
        .as_object_mut()
        .unwrap()
        .remove("state_capital_expenditure");
    let report = check(&v);
    assert!(!report.has_errors());
    let c = &report.coverage;
    assert_eq!(c.tables_read, 8);
    assert_eq!(c.tables_not_read, vec!["国有资本经营预算支出表".to_owned()]);
    assert!(
        c.conclusion
            .starts_with("未发现错误（仅核对了9张表中的 8 张"),
        "{}",
        c.conclusion
    );
    assert!(c.conclusion.contains("未能读取：国有资本经营预算支出表"));
    assert!(report.render_text().contains("结论：未发现错误（"));
}

#[test]
fn a_disclosure_with_nothing_to_check_never_says_no_error() {
    let mut v = seed();
    v["tables"] = json!({});
    v["narrative"] = json!([]);
    v.as_object_mut().unwrap().remove("procurement");
    v.as_object_mut().unwrap().remove("performance_management");
    v["performance_tables"] = json!([]);
    let report = check(&v);
    assert!(report.coverage.nothing_checked, "{:?}", report.coverage);
    assert!(!report.coverage.conclusion.contains("未发现错误"));
    assert!(!report.render_text().contains("未发现错误"));
}

#[test]
fn a_row_with_an_amount_in_an_extra_column_is_not_summed() {
    // The seed's 支出总表 合计 row: 8,633.56 = 基本 4,901.81 + 项目 3,731.75.
    // Print 8,733.56 with 100.00 in a column the model lacks (江苏's
    // 单位预留机动经费): whether that column is one of the parts is not
    // known, so the row is not compared.
    let mut v = seed();
    v["tables"]["expenditure_summary"]["total"]["total"] = json!("8733.56");
    assert!(errors_of(&check(&v), Rule::ExpenditureTableRow) > 0);
    v["tables"]["expenditure_summary"]["meta"]["extra_columns"] = json!([{
        "heading": ["单位预留机动经费"],
        "cells": [{ "row": "total", "amount": "100.00" }]
    }]);
    let report = check(&v);
    assert_eq!(errors_of(&report, Rule::ExpenditureTableRow), 0);
    let o = report.outcome(Rule::ExpenditureTableRow).unwrap();
    assert_eq!(o.not_compared, 1, "{o:?}");
    assert!(
        o.skip_reason
            .as_deref()
            .unwrap()
            .contains("单位预留机动经费"),
        "{o:?}"
    );
    // the other rows are still compared
    assert!(o.checks > 0, "{o:?}");
    // and the column is shown with the table
    let d = Disclosure::from_json(&v.to_string()).unwrap();
    let text = yusuan_tables::render::text(
        &d.view(yusuan_tables::TableKind::ExpenditureSummary)
            .unwrap(),
    );
    assert!(text.contains("单位预留机动经费"), "{text}");
    assert!(text.contains("100.00"), "{text}");
    let csv = yusuan_tables::render::csv(
        &d.view(yusuan_tables::TableKind::ExpenditureSummary)
            .unwrap(),
    );
    assert!(csv.contains("单位预留机动经费（万元）"), "{csv}");
}

#[test]
fn an_empty_three_public_table_is_compared_only_when_read_for_certain() {
    // The seed's "三公" table without its row and note (nothing read), and a
    // sentence quoting a 三公 figure of it.
    let mut v = seed();
    let t9 = &mut v["tables"]["three_public_expenditure"];
    t9["rows"] = json!([]);
    t9["meta"].as_object_mut().unwrap().remove("empty_note");
    v["narrative"].as_array_mut().unwrap().push(json!({
        "sentence": "2025 年财政拨款“三公”经费支出预算为 5.00 万元。",
        "kind": { "type": "amount", "subject": "财政拨款“三公”经费支出预算", "amount": "5.00" },
        "refers_to": { "table": "three_public_expenditure", "row": "2025_budget", "column": "total" }
    }));
    // Nothing read and no note: the blank is not compared.
    let r = check(&v);
    assert_eq!(r.findings_for(Rule::NarrativeAmount).count(), 0);
    // Found whole with an empty body: the blank is a blank, and 5.00 an error.
    v["tables"]["three_public_expenditure"]["meta"]["reading"] = json!({ "printed_empty": true });
    let r = check(&v);
    let f: Vec<_> = r.findings_for(Rule::NarrativeAmount).collect();
    assert_eq!(f.len(), 1, "{}", r.render_text());
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(
        f[0].actual,
        Some(yusuan_reconcile::Value::Amount(
            yusuan_money::Wan::parse("5.00").unwrap()
        ))
    );
    assert_eq!(f[0].cells[1].value, None);
}
