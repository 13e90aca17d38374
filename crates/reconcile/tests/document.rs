//! The document-level rules (S609–S615) on a disclosure's
//! [`DocumentText`] written by hand (JSON), without the importer: skipped
//! without it, clean on consistent text, each planted defect found.

use yusuan_reconcile::{reconcile, Finding, Rule, Severity, Status};
use yusuan_tables::{Disclosure, DocumentKind, DocumentText, Heading, HeadingKind, Passage};

const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

/// The seed (a 2025 单位预算 of 人力资源和社会保障部信息中心) with the text of
/// its headings, 目录 and narrative.
fn seed_with_text() -> Disclosure {
    let mut d = Disclosure::from_json(SEED).unwrap();
    let unit = "人力资源和社会保障部信息中心";
    d.document = Some(DocumentText {
        cover_unit: Some(unit.into()),
        headings: vec![
            Heading::new(HeadingKind::Part, format!("第一部分{unit}概况"), 10),
            Heading::new(
                HeadingKind::Part,
                format!("第二部分{unit}2025年单位预算表"),
                40,
            ),
            Heading::new(HeadingKind::Table, "单位收支总表", 42),
            Heading::new(HeadingKind::Table, "单位收入总表", 80),
            Heading::new(
                HeadingKind::Part,
                format!("第三部分{unit}2025年单位预算情况说明"),
                300,
            ),
            Heading::new(
                HeadingKind::Section,
                "一、关于2025年收支预算情况的说明",
                302,
            ),
            Heading::new(
                HeadingKind::Section,
                "二、2024年预算执行情况与2025年预算的比较",
                320,
            ),
        ],
        contents: vec![
            Passage::new(format!("第一部分{unit}概况"), 3),
            Passage::new("一、单位收支总表", 5),
            Passage::new("二、单位收入总表", 6),
        ],
        dated: vec![Passage::new("截至2024年12月31日，共有车辆2辆。", 350)],
        sentences: vec![Passage::new(
            "2025年收支总预算8633.56万元，主要原因是业务量增加。",
            304,
        )],
        ..DocumentText::default()
    });
    d
}

fn findings(d: &Disclosure) -> Vec<Finding> {
    reconcile(d)
        .findings
        .into_iter()
        .filter(|f| f.rule.id() >= "S609" && f.rule.id() <= "S615")
        .collect()
}

#[test]
fn without_the_document_text_the_rules_are_skipped() {
    let d = Disclosure::from_json(SEED).unwrap();
    assert!(d.document.is_none());
    let report = reconcile(&d);
    for rule in [Rule::HeadingYear, Rule::HeadingUnit, Rule::EmptyReason] {
        let o = report.outcome(rule).unwrap();
        assert_eq!(o.status, Status::Skipped, "{rule}");
        assert!(o.skip_reason.is_some());
    }
}

#[test]
fn consistent_text_passes_and_round_trips() {
    let d = seed_with_text();
    assert!(findings(&d).is_empty(), "{:#?}", findings(&d));
    let report = reconcile(&d);
    assert_eq!(
        report.outcome(Rule::HeadingYear).unwrap().status,
        Status::Passed
    );
    let json = d.to_json();
    assert!(json.contains(r#""cover_unit": "人力资源和社会保障部信息中心""#));
    assert_eq!(Disclosure::from_json(&json).unwrap(), d);
}

/// What is planted, how, and the finding expected.
type Case = (&'static str, fn(&mut DocumentText), Rule, Severity);

#[test]
fn each_planted_defect_is_found() {
    let cases: [Case; 7] = [
        (
            "a 2024 part heading in a 2025 budget",
            |t| t.headings[1].text = "第二部分人力资源和社会保障部信息中心2024年单位预算表".into(),
            Rule::HeadingYear,
            Severity::Error,
        ),
        (
            "an asset count dated two years back",
            |t| t.dated[0].text = "截至2023年12月31日，共有车辆2辆。".into(),
            Rule::HeadingYear,
            Severity::Error,
        ),
        (
            "a placeholder unit",
            |t| t.headings[4].text = "第三部分XX局2025年单位预算情况说明".into(),
            Rule::HeadingUnit,
            Severity::Error,
        ),
        (
            "a table listed but not printed",
            |t| t.contents.push(Passage::new("十、政府采购预算表", 7)),
            Rule::ContentsTablesPresent,
            Severity::Error,
        ),
        (
            "an instruction of the template",
            |t| {
                t.table_notes.push(Passage::new(
                    "无政府性基金预算财政拨款收入支出的，仍保留该表格式。",
                    200,
                ))
            },
            Rule::TemplateText,
            Severity::Error,
        ),
        (
            "a doubled comma",
            |t| {
                t.sentences[0].text = "2025年收支总预算8633.56万元，，主要原因是业务量增加。".into()
            },
            Rule::DoubledPunctuation,
            Severity::Warning,
        ),
        (
            "an empty reason",
            |t| t.sentences[0].text = "2025年收支总预算8633.56万元，主要原因：。".into(),
            Rule::EmptyReason,
            Severity::Warning,
        ),
    ];
    for (what, plant, rule, severity) in cases {
        let mut d = seed_with_text();
        plant(d.document.as_mut().unwrap());
        let fs = findings(&d);
        assert_eq!(fs.len(), 1, "{what}: {fs:#?}");
        assert_eq!(fs[0].rule, rule, "{what}");
        assert_eq!(fs[0].severity, severity, "{what}");
    }
}

#[test]
fn a_final_account_dates_its_assets_at_the_end_of_its_year() {
    let mut d = seed_with_text();
    d.kind = DocumentKind::UnitFinalAccounts;
    // the seed's 2024 date is right for a 2025 budget, wrong for a 2025 决算
    let fs = findings(&d);
    assert!(
        fs.iter()
            .any(|f| f.rule == Rule::HeadingYear && f.message.contains("截至2024年12月31日")),
        "{fs:#?}"
    );
    assert_eq!(fs.len(), 1, "{fs:#?}");
}
