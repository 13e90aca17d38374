//! Document-level consistency (rules S606, S609–S615) end to end: text →
//! import → reconcile, on excerpts of the two real 2024 部门决算 of 上海市普陀区
//! and of the blank 决算 template (`tests/data/final-*-excerpt.layout.txt`:
//! `pdftotext -layout` of `fixtures/corpus/shanghai/sh-putuo-ghzyj_2024_dept-final.pdf`,
//! `sh-putuo-shgzb_2024_dept-final.pdf` and `sh-template_2024_dept-final-blank.pdf`,
//! cover, 目录, the tables and a few narrative sections, unchanged).
//!
//! Each real excerpt is checked as it is (its real defects found, nothing
//! else), then with one planted defect at a time on a clean version; last, a
//! "三公" 决算表 blanked (title and headings kept) while the narrative still
//! quotes its figures (rule N301).

mod support;

use yusuan_import::import_text;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Finding, Rule, Severity, Status, Value};
use yusuan_tables::{Basis, CellRef, Column, HeadingKind, NumberRef, Period, RowKey, TableKind};

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

const GHZYJ: &str = include_str!("data/final-ghzyj-2024-excerpt.layout.txt");
const SHGZB: &str = include_str!("data/final-shgzb-2024-excerpt.layout.txt");
const TEMPLATE: &str = include_str!("data/final-template-2024-excerpt.layout.txt");

const DOCUMENT_RULES: [Rule; 8] = [
    Rule::Placeholder,
    Rule::HeadingYear,
    Rule::HeadingUnit,
    Rule::ContentsTablesPresent,
    Rule::FinalAccountsTablesPresent,
    Rule::TemplateText,
    Rule::DoubledPunctuation,
    Rule::EmptyReason,
];

/// The findings of the document-level rules.
fn findings(text: &str) -> Vec<Finding> {
    let imported = import_text(text).expect("imports");
    let report = reconcile(&imported.disclosure);
    report
        .findings
        .into_iter()
        .filter(|f| DOCUMENT_RULES.contains(&f.rule))
        .collect()
}

fn shown(fs: &[Finding]) -> String {
    fs.iter()
        .map(|f| format!("{} {:?} {}", f.rule, f.severity, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The shgzb excerpt without the two template instructions its publisher
/// left in (the real defect): a clean 决算 to plant defects in.
fn clean_shgzb() -> String {
    SHGZB
        .lines()
        .filter(|l| !l.contains("仍保留该表格式"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "excerpt lacks {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn the_excerpts_are_read_as_final_accounts_of_their_unit() {
    for (text, unit) in [
        (GHZYJ, "上海市普陀区规划和自然资源局"),
        (SHGZB, "中共上海市普陀区委社会工作部"),
    ] {
        let d = import_text(text).unwrap().disclosure;
        assert_eq!(d.year, 2024);
        let doc = d.document.as_ref().expect("document text");
        assert_eq!(doc.cover_unit.as_deref(), Some(unit));
        let tables = doc
            .headings
            .iter()
            .filter(|h| h.kind == HeadingKind::Table)
            .count();
        assert_eq!(tables, 9, "{unit}: {:#?}", doc.headings);
        assert_eq!(doc.contents.len(), 26, "{unit}: {:#?}", doc.contents);
        assert_eq!(doc.dated.len(), 1, "{unit}");
    }
}

#[test]
fn ghzyj_as_published_its_tables_heading_names_another_unit() {
    let fs = findings(GHZYJ);
    let errors: Vec<&Finding> = fs
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 2, "{}", shown(&fs));
    // truth.tsv: the 第二部分 heading lacks 普陀区
    assert!(
        errors.iter().any(|f| f.rule == Rule::HeadingUnit
            && f.message
                .contains("上海市规划和自然资源局2024年度部门决算表")
            && f.message.contains("上海市普陀区规划和自然资源局")),
        "{}",
        shown(&fs)
    );
    // truth.tsv: "下降（增长）27.78%", the template's alternative left in
    assert!(
        errors
            .iter()
            .any(|f| f.rule == Rule::TemplateText && f.message.contains("下降（增长）27.78%")),
        "{}",
        shown(&fs)
    );
    assert_eq!(fs.len(), 2, "{}", shown(&fs));
}

#[test]
fn shgzb_as_published_keeps_the_template_instruction_in_two_notes() {
    let fs = findings(SHGZB);
    assert_eq!(fs.len(), 2, "{}", shown(&fs));
    for f in &fs {
        assert_eq!(f.rule, Rule::TemplateText);
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("仍保留该表格式"), "{}", f.message);
    }
}

#[test]
fn the_clean_excerpt_is_clean() {
    let fs = findings(&clean_shgzb());
    assert!(fs.is_empty(), "{}", shown(&fs));
    let report = reconcile(&import_text(&clean_shgzb()).unwrap().disclosure);
    for rule in [
        Rule::HeadingYear,
        Rule::HeadingUnit,
        Rule::ContentsTablesPresent,
        Rule::FinalAccountsTablesPresent,
        Rule::TemplateText,
    ] {
        assert_eq!(
            report.outcome(rule).map(|o| o.status),
            Some(Status::Passed),
            "{rule}"
        );
    }
}

#[test]
fn a_wrong_year_in_a_heading_is_an_error() {
    let text = replace_once(
        &clean_shgzb(),
        "第三部分    中共上海市普陀区委社会工作部 2024 年度部门决算情况",
        "第三部分    中共上海市普陀区委社会工作部 2023 年度部门决算情况",
    );
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::HeadingYear);
    assert_eq!(fs[0].severity, Severity::Error);
    assert!(fs[0].message.contains("2023"), "{}", fs[0].message);
}

#[test]
fn a_section_heading_of_last_year_is_an_error() {
    let text = replace_once(
        &clean_shgzb(),
        "一、收入支出决算总体情况说明\n",
        "一、2023年度收入支出决算总体情况说明\n",
    );
    let fs = findings(&text);
    // the 目录 entry is unchanged: only the body's heading
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::HeadingYear);
}

#[test]
fn a_dated_statement_of_last_year_is_an_error() {
    let text = replace_once(
        &clean_shgzb(),
        "截至 2024 年 12 月 31 日",
        "截至 2023 年 12 月 31 日",
    );
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::HeadingYear);
    assert!(
        fs[0].message.contains("截至2023年12月31日"),
        "{}",
        fs[0].message
    );
}

#[test]
fn a_placeholder_in_a_part_heading_is_an_error() {
    let text = replace_once(
        &clean_shgzb(),
        "     中共上海市普陀区委社会工作部 2024 年度部门决算表",
        "     上海市 XX 局 2024 年度部门决算表",
    );
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::HeadingUnit);
    assert_eq!(fs[0].severity, Severity::Error);
    assert!(fs[0].message.contains("上海市XX局"), "{}", fs[0].message);
}

#[test]
fn a_shortened_unit_in_a_part_heading_is_an_error() {
    // the ghzyj defect, planted in the other document
    let text = replace_once(
        &clean_shgzb(),
        "第三部分    中共上海市普陀区委社会工作部 2024 年度部门决算情况",
        "第三部分    中共上海市委社会工作部 2024 年度部门决算情况",
    );
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::HeadingUnit);
}

#[test]
fn a_deleted_table_listed_in_the_contents_is_an_error() {
    // the 收入决算表 removed from the body: its title and unit line
    let text = clean_shgzb();
    let start = text
        .find("                                       收入决算表")
        .unwrap();
    let end = start + text[start..].find("注：").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]);
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::ContentsTablesPresent);
    assert_eq!(fs[0].severity, Severity::Error);
    assert!(fs[0].message.contains("收入决算表"), "{}", fs[0].message);
}

#[test]
fn a_table_neither_printed_nor_listed_is_a_warning_of_the_nine() {
    let text = clean_shgzb();
    let start = text
        .find("                                       收入决算表")
        .unwrap();
    let end = start + text[start..].find("注：").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]);
    let text = replace_once(&text, "二、收入决算表\n", "\n");
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::FinalAccountsTablesPresent);
    // not found may be not read: a warning, as S601 for a budget
    assert_eq!(fs[0].severity, Severity::Warning);
    assert!(fs[0].message.contains("收入决算表"), "{}", fs[0].message);
}

#[test]
fn a_doubled_full_stop_is_a_warning() {
    let text = replace_once(&clean_shgzb(), "拨款支出。", "拨款支出。。");
    let fs = findings(&text);
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].rule, Rule::DoubledPunctuation);
    assert_eq!(fs[0].severity, Severity::Warning);
    assert!(fs[0].message.contains("。。"), "{}", fs[0].message);
}

#[test]
fn an_empty_reason_is_a_warning() {
    let text = replace_once(
        GHZYJ,
        "费支出决算数小于预算数的主要原因：严格落实中央八项规定，\n\n控制“三公”经费支出。",
        "费支出决算数小于预算数的主要原因是。",
    );
    let fs: Vec<Finding> = findings(&text)
        .into_iter()
        .filter(|f| f.rule == Rule::EmptyReason)
        .collect();
    assert_eq!(fs.len(), 1, "{}", shown(&fs));
    assert_eq!(fs[0].severity, Severity::Warning);
    assert!(fs[0].message.contains("主要原因是。"), "{}", fs[0].message);
}

#[test]
fn the_blank_template_is_recognised_and_its_instructions_not_reported() {
    let d = import_text(TEMPLATE).unwrap().disclosure;
    let doc = d.document.as_ref().unwrap();
    assert_eq!(doc.cover_unit.as_deref(), Some("上海市XX局"));
    let report = reconcile(&d);
    for rule in [Rule::HeadingUnit, Rule::TemplateText] {
        assert_eq!(
            report.outcome(rule).map(|o| o.status),
            Some(Status::Skipped),
            "{rule}"
        );
    }
    let fs = findings(TEMPLATE);
    assert!(
        fs.iter()
            .all(|f| f.rule == Rule::Placeholder || f.severity < Severity::Error),
        "{}",
        shown(&fs)
    );
}

#[test]
fn the_template_filled_in_is_clean_and_its_planted_defects_caught() {
    let filled = TEMPLATE
        .replace("上海市 XX 局", "上海市普陀区示例局")
        .replace("上海市XX局", "上海市普陀区示例局");
    let fs = findings(&filled);
    // the template's instructions, alternatives, XX figures and "。。"
    // fillers are now text left in a filled-in document
    assert!(
        fs.iter().all(|f| matches!(
            f.rule,
            Rule::TemplateText | Rule::Placeholder | Rule::DoubledPunctuation
        )),
        "{}",
        shown(&fs)
    );
    assert!(fs
        .iter()
        .any(|f| f.rule == Rule::TemplateText && f.message.contains("仍保留该表格式")));
    assert!(!fs.iter().any(|f| matches!(
        f.rule,
        Rule::HeadingYear | Rule::HeadingUnit | Rule::ContentsTablesPresent
    )));
    let planted = replace_once(
        &filled,
        "第二部分 上海市普陀区示例局 2024 年度部门决算表",
        "第二部分 上海市普陀区示例局 2023 年度部门决算表",
    );
    let fs = findings(&planted);
    assert_eq!(
        fs.iter().filter(|f| f.rule == Rule::HeadingYear).count(),
        1,
        "{}",
        shown(&fs)
    );
}

/// The ghzyj excerpt with the body of its "三公" 决算表 blanked: title, unit
/// line, the heading band (预算数 / 决算数 of each item) and the note kept,
/// the one line of amounts (预算数 2.85 … 决算数 0.39) removed.
fn blanked_three_public() -> String {
    replace_once(
        GHZYJ,
        "     2.85 0.39 0.00 0.00  0.00              0.00    0.00    0.00    0.00    0.00    2.85    0.39\n",
        "",
    )
}

#[test]
fn a_blanked_three_public_table_quoted_by_the_narrative_is_an_error() {
    let imported = import_text(&blanked_three_public()).unwrap();
    let d = &imported.disclosure;
    // read, for certain, as empty: found with its heading band, both
    // periods of the 决算 form, no row
    let t = d
        .tables
        .three_public_expenditure
        .as_ref()
        .expect("三公 table");
    assert!(t.rows.is_empty(), "{:?}", t.rows);
    let budget = Period {
        year: 2024,
        basis: Basis::Budget,
    };
    let final_accounts = Period {
        year: 2024,
        basis: Basis::FinalAccounts,
    };
    assert_eq!(t.periods, [budget, final_accounts]);
    assert!(t.meta.reading.as_ref().is_some_and(|r| r.printed_empty));
    let report = reconcile(d);
    let fs = support::three_public_amount_findings(&report);
    // each figure the narrative quotes against the blank cell of its period
    // and item: "“三公”经费财政拨款支出年初预算为 2.85 万元" (2024年预算数
    // 合计), "支出决算为 0.39 万元" (2024年决算数 合计) and "公务接待费支出决算
    // 为 0.39 万元" (2024年决算数 公务接待费); the items stated as 0.00 agree
    // with a blank
    let expected = [
        (budget, Column::Total, "2.85"),
        (final_accounts, Column::Total, "0.39"),
        (final_accounts, Column::Reception, "0.39"),
    ];
    assert_eq!(fs.len(), expected.len(), "{}", report.render_text());
    for (period, column, amount) in expected {
        let cell = NumberRef::Cell(CellRef::new(
            TableKind::ThreePublicExpenditure,
            RowKey::Period(period),
            column,
        ));
        let f = fs
            .iter()
            .find(|f| f.cells.get(1).is_some_and(|c| c.at == cell))
            .unwrap_or_else(|| panic!("{cell:?}: {}", report.render_text()));
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.actual, Some(Value::Amount(w(amount))));
        assert_eq!(f.expected, Some(Value::Amount(Wan::ZERO)));
        assert_eq!(f.difference, Some(Value::Amount(w(amount))));
        assert!(matches!(f.cells[0].at, NumberRef::Narrative { .. }));
        assert_eq!(f.cells[0].value, Some(Value::Amount(w(amount))));
        assert_eq!(f.cells[1].value, None);
        assert!(f.message.contains("（空白）"), "{}", f.message);
    }
}

#[test]
fn the_three_public_table_as_printed_matches_its_narrative() {
    let d = import_text(GHZYJ).unwrap().disclosure;
    let t = d
        .tables
        .three_public_expenditure
        .as_ref()
        .expect("三公 table");
    assert_eq!(t.rows.len(), 2);
    assert!(!t.meta.reading.as_ref().is_some_and(|r| r.printed_empty));
    let report = reconcile(&d);
    assert!(
        support::three_public_amount_findings(&report).is_empty(),
        "{}",
        report.render_text()
    );
    // the same sentence is compared, and agrees (2.85 = 2.85)
    assert!(report.outcome(Rule::NarrativeAmount).unwrap().checks > 0);
}

/// "其中：…公务接待费支出决算为 0.39 万元，完成预算的 13.68%": an item's rate
/// is of the item's 预算数 in the "三公" table (公务接待费 2.85: 0.39 / 2.85 =
/// 13.684%), not of the whole's; the items with nothing budgeted and nothing
/// spent ("因公出国（境）费决算为 0.00 万元，完成预算的 0.00%") are a wording
/// slip, a warning.
#[test]
fn a_three_public_item_completion_is_of_its_own_budget() {
    let report = reconcile(&import_text(GHZYJ).unwrap().disclosure);
    let n316: Vec<&Finding> = report.findings_for(Rule::NarrativeCompletion).collect();
    let zero: Vec<&&Finding> = n316
        .iter()
        .filter(|f| f.message.contains("分母为零"))
        .collect();
    assert_eq!(zero.len(), 2, "{}", shown(&report.findings));
    assert!(zero.iter().all(|f| f.severity == Severity::Warning));
    assert!(zero[0].message.contains("因公出国"), "{}", zero[0].message);
    assert!(zero[1].message.contains("公务用车"), "{}", zero[1].message);
    let planted = replace_once(
        GHZYJ,
        "出决算为 0.39 万元，完成预算的 13.68%。",
        "出决算为 0.39 万元，完成预算的 23.68%。",
    );
    let report = reconcile(&import_text(&planted).unwrap().disclosure);
    let errors: Vec<&Finding> = report
        .findings_for(Rule::NarrativeCompletion)
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{}", shown(&report.findings));
    assert!(
        errors[0].message.contains("公务接待费"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("13.68%"),
        "{}",
        errors[0].message
    );
    assert!(errors[0].cells.iter().any(|c| matches!(
        c.at,
        NumberRef::Cell(cell) if cell.table == TableKind::ThreePublicExpenditure
            && cell.column == Column::Reception
    )));
}

/// A 决算 table of a budget shape that is missing is named by its 决算 name
/// in the import notes (收入决算表, not the 收入总表 whose slot it fills).
#[test]
fn a_missing_final_table_is_named_as_a_final_table() {
    // the title renamed: no 收入决算表 any more
    let text = GHZYJ.replacen(
        "                                      收入决算表",
        "                                      收入明细表",
        1,
    );
    let imported = import_text(&text).expect("imports");
    let missing: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| w.kind == yusuan_import::WarningKind::MissingTable)
        .map(ToString::to_string)
        .collect();
    assert!(
        missing
            .iter()
            .any(|w| w.contains("no 收入决算表 was found")),
        "{missing:?}"
    );
}
