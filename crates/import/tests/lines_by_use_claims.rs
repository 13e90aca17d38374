//! 江苏's lines by use and by source of the 收支预算总表 (基本支出, 项目支出,
//! 单位预留机动经费; 一般公共预算收入 …) quoted by the 说明, against the table
//! (rules N301, N302), end to end on
//! `fixtures/corpus/jiangsu/js-fy_2017_dept-budget.pdf` read with
//! `pdftotext -layout` (the tests pass without reading when pdftotext is
//! missing). Its 收支预算总表 prints 基本支出 17,123.19, 项目支出 11,543.27,
//! 单位预留机动经费 182.92, 当年支出小计 28,849.38, 一般公共预算 28,849.38.

mod support;

use yusuan_import::import_text;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Finding, Report, Rule, Severity, Value};
use yusuan_tables::{CellRef, ClaimKind, Column, Line, NumberRef, RowKey, TableKind};

fn fy17() -> Option<String> {
    support::corpus_layout_text("jiangsu/js-fy_2017_dept-budget.pdf")
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn line(l: Line) -> CellRef {
    CellRef::new(
        TableKind::IncomeExpenditureSummary,
        RowKey::Line(l),
        Column::Total,
    )
}

fn report(text: &str) -> Report {
    reconcile(&import_text(text).expect("imports").disclosure)
}

/// The error findings of N301 and N302.
fn errors(r: &Report) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| {
            matches!(f.rule, Rule::NarrativeAmount | Rule::NarrativeShare)
                && f.severity == Severity::Error
        })
        .collect()
}

#[test]
fn the_lines_by_use_of_the_narrative_refer_to_the_summary_table() {
    let Some(text) = fy17() else { return };
    let d = import_text(&text).unwrap().disclosure;
    let refers = |subject: &str, amount: &str| -> Vec<(Option<CellRef>, Option<CellRef>)> {
        d.narrative
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Amount {
                    subject: s,
                    amount: a,
                } if s == subject && *a == w(amount) => Some((c.refers_to, None)),
                ClaimKind::Share {
                    subject: s,
                    amount: a,
                    whole_refers_to,
                    ..
                } if s == subject && *a == w(amount) => Some((c.refers_to, *whole_refers_to)),
                _ => None,
            })
            .collect()
    };
    let expense = Some(line(Line::CurrentYearExpenditure));
    // "此外，基本支出预算数为 17123.19 万元", then "基本支出 17123.19 万元，占
    // 59.35%" (of 本年支出预算合计)
    for (subject, amount, l) in [
        ("基本支出", "17123.19", Line::BasicExpenditure),
        ("项目支出", "11543.27", Line::ProjectExpenditure),
        ("单位预留机动经费", "182.92", Line::UnitReserveFund),
    ] {
        assert_eq!(
            refers(subject, amount),
            [(Some(line(l)), None), (Some(line(l)), expense)],
            "{subject}"
        );
    }
    // "一般公共预算收入 28849.38 万元，占 100%" of 本年收入预算合计
    assert_eq!(
        refers("一般公共预算收入", "28849.38"),
        [(
            Some(line(Line::GeneralBudgetAppropriation)),
            Some(line(Line::CurrentYearIncome))
        )]
    );
    // as published, they agree
    let r = report(&text);
    assert!(errors(&r).is_empty(), "{}", r.render_text());
}

#[test]
fn a_changed_line_by_use_is_an_error_against_the_summary_table() {
    let Some(text) = fy17() else { return };
    // (printed text, changed text, the cell, its table value)
    let cases = [
        (
            "单位预留机动经费预算数为 182.92 万元",
            "单位预留机动经费预算数为 192.92 万元",
            line(Line::UnitReserveFund),
            "182.92",
        ),
        (
            "基本支出预算数为 17123.19 万元",
            "基本支出预算数为 17223.19 万元",
            line(Line::BasicExpenditure),
            "17123.19",
        ),
        (
            "项目支出 11543.27 万元，占 40.01%",
            "项目支出 11643.27 万元，占 40.01%",
            line(Line::ProjectExpenditure),
            "11543.27",
        ),
        // the whole of the shares by use is 本年支出合计
        (
            "本年支出预算合计 28849.38 万元",
            "本年支出预算合计 28949.38 万元",
            line(Line::CurrentYearExpenditure),
            "28849.38",
        ),
    ];
    for (from, to, at, value) in cases {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        let r = report(&text.replacen(from, to, 1));
        let at = NumberRef::Cell(at);
        let f = errors(&r)
            .into_iter()
            .find(|f| f.rule == Rule::NarrativeAmount && f.cells.iter().any(|c| c.at == at))
            .unwrap_or_else(|| panic!("{to}: no error at {at:?}\n{}", r.render_text()));
        let cell = f.cells.iter().find(|c| c.at == at).unwrap();
        assert_eq!(cell.value, Some(Value::Amount(w(value))), "{to}");
    }
    // a share of the right whole: 182.92 / 28,849.38 = 0.63%, printed 0.64%
    // (the 尾差 of shares forced to 100%); 0.74% is wrong
    let from = "单位预留机动经费 182.92 万元，占 0.64%";
    assert_eq!(text.matches(from).count(), 1);
    let r = report(&text.replacen(from, "单位预留机动经费 182.92 万元，占 0.74%", 1));
    assert!(
        errors(&r)
            .iter()
            .any(|f| f.rule == Rule::NarrativeShare && f.message.contains("0.74%")),
        "{}",
        r.render_text()
    );
}

#[test]
fn a_change_with_no_subject_takes_the_sentence_before_it() {
    let Some(text) = fy17() else { return };
    let d = import_text(&text).unwrap().disclosure;
    // "此外，基本支出预算数为 17123.19 万元。与上年相比增加 1408.29 万元，增长
    // 8.96%。" and "项目支出预算数为 11543.27 万元。与上年相比增加 400 万元，
    // 增长 3.59%。": each change is of the sentence before it, not of
    // 住房保障（类）支出 stated earlier in the paragraph
    for (subject, change, rate, l) in [
        ("基本支出", "1408.29", "8.96", Line::BasicExpenditure),
        ("项目支出", "400", "3.59", Line::ProjectExpenditure),
    ] {
        let c = d
            .narrative
            .iter()
            .find(|c| {
                matches!(&c.kind, ClaimKind::Change { change: Some(x), .. } if *x == w(change))
                    && c.sentence.contains(rate)
            })
            .unwrap_or_else(|| panic!("no change of {change}"));
        assert_eq!(c.kind.subject(), subject);
        assert_eq!(c.refers_to, Some(line(l)));
    }
}
