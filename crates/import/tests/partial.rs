//! Texts that are not disclosures, unknown tables, odd files: clear errors
//! or partial results with warnings; never a panic.

use proptest::prelude::*;
use yusuan_import::{import_path, import_text, ImportError, WarningKind};
use yusuan_tables::TableKind;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));

#[test]
fn a_text_that_is_not_a_disclosure_is_a_clear_error() {
    for text in [
        "",
        "\n\n\u{c}",
        "会议纪要\n\n一、会议讨论了明年的工作安排。\n二、散会。",
        "hello world 123 4,567.89",
    ] {
        let err = import_text(text).unwrap_err();
        assert!(
            matches!(err, ImportError::NotADisclosure { .. }),
            "{text:?}: {err}"
        );
        assert!(err.to_string().contains("not a budget disclosure"), "{err}");
    }
}

#[test]
fn an_unknown_table_gives_a_partial_result_naming_it() {
    // the 收入总表 renamed: not one of the nine
    let text = SEED.replace("单位收入总表", "单位收入明细表");
    let imp = import_text(&text).unwrap();
    assert!(!imp.disclosure.tables.has(TableKind::IncomeSummary));
    assert_eq!(imp.disclosure.tables.kinds().len(), 8);
    let w = imp
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::UnknownTable)
        .expect("a warning for the unknown table");
    assert!(w.message.contains("单位收入明细表"), "{w}");
    assert!(w.line.is_some());
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::MissingTable && w.table == Some(TableKind::IncomeSummary)));
    // an extra table after the nine
    let extra = format!(
        "{SEED}\n单位公开表10\n\n单位：万元\n\n科目编码 科目名称 金额\n\n208 社会保障和就业支出 10.00\n\n单位项目支出表\n"
    );
    let imp = import_text(&extra).unwrap();
    assert_eq!(imp.disclosure.tables.kinds().len(), 9);
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::UnknownTable && w.message.contains("单位项目支出表")));
}

#[test]
fn files_that_cannot_be_read_are_clear_errors() {
    let dir = std::env::temp_dir();
    let missing = dir.join("yusuan-import-no-such-file.txt");
    assert!(matches!(import_path(&missing), Err(ImportError::Io { .. })));
    let docx = dir.join("yusuan-import-test.docx");
    assert!(matches!(
        import_path(&docx),
        Err(ImportError::UnsupportedFile { .. })
    ));
    let latin1 = dir.join(format!("yusuan-import-latin1-{}.txt", std::process::id()));
    std::fs::write(&latin1, [0x41u8, 0xe9, 0x42]).unwrap();
    assert!(matches!(
        import_path(&latin1),
        Err(ImportError::NotUtf8 { valid_up_to: 1, .. })
    ));
    let _ = std::fs::remove_file(&latin1);
}

#[test]
fn pdftotext_missing_names_the_package() {
    let err = ImportError::PdfToTextMissing {
        path: "a.pdf".into(),
    };
    assert!(err.to_string().contains("poppler-utils"));
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("单位：万元".to_owned()),
        Just("单位:元".to_owned()),
        Just("单位收支总表".to_owned()),
        Just("一般公共预算支出表".to_owned()),
        Just("财政拨款预算“三公”经费支出表".to_owned()),
        Just("合  计".to_owned()),
        Just("项目名称 X".to_owned()),
        Just("实施单位".to_owned()),
        Just("年度资金总额： -".to_owned()),
        Just("一、关于 2025 年单位收入总表的说明".to_owned()),
        Just("（一）".to_owned()),
        Just("比 2024 年执行数增加".to_owned()),
        Just("占 3.76%".to_owned()),
        Just("万元".to_owned()),
        Just("没有使用".to_owned()),
        Just("208 01 08".to_owned()),
        Just("2080108".to_owned()),
        Just("\u{c}".to_owned()),
        Just("\n".to_owned()),
        Just("   ".to_owned()),
        "[0-9,.%-]{1,12}",
        "[\\PC]{0,8}",
        "[≥≤=<>＞＜０-９，．、。；：（）]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC*") {
        let _ = import_text(&s);
    }

    #[test]
    fn disclosure_like_text_never_panics(parts in proptest::collection::vec(fragment(), 0..80)) {
        let text = parts.join(" ");
        let _ = import_text(&text);
        let text = parts.join("\n");
        let _ = import_text(&text);
    }

    #[test]
    fn mangled_seed_never_panics(cut in 0usize..1164, len in 0usize..200, dup in 0usize..1164) {
        let lines: Vec<&str> = SEED.lines().collect();
        let mut out: Vec<&str> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if i >= cut && i < cut + len {
                continue;
            }
            out.push(l);
            if i == dup {
                out.extend(lines.iter().skip(dup).take(40));
            }
        }
        let _ = import_text(&out.join("\n"));
    }
}

/// Two tables of one kind under different titles: the model holds one, so
/// the first printed is checked and the second kept as printed with a
/// warning, never put silently in the first one's place.
#[test]
fn a_second_table_of_a_kind_is_kept_as_printed_not_in_the_firsts_place() {
    let table = |title: &str, amount: &str| {
        format!(
            "{title}\n                                 单位：万元\n科目编码   科目名称          合计       人员经费     公用经费\n\n301        工资福利支出      {amount}      {amount}\n30101      基本工资          {amount}      {amount}\n           合计              {amount}      {amount}\n\n"
        )
    };
    let text = format!(
        "{}\u{c}{}",
        table("一般公共预算基本支出表", "10.00"),
        table("一般公共预算基本支出预算表", "20.00")
    );
    let imp = import_text(&text).unwrap();
    let t = &imp.disclosure.tables;
    let basic = t
        .general_budget_basic_expenditure
        .as_ref()
        .expect("the first table typed");
    let row = basic.find("301".parse().unwrap()).expect("row 301");
    assert_eq!(
        row.amounts.total,
        Some(yusuan_money::Wan::parse("10.00").unwrap())
    );
    let second = t
        .generic
        .iter()
        .find(|g| g.title.contains("基本支出预算表"))
        .expect("the second kept as printed");
    assert_eq!(second.kind, Some(TableKind::GeneralBudgetBasicExpenditure));
    assert!(
        imp.warnings
            .iter()
            .any(|w| w.kind == WarningKind::DuplicateTable),
        "{:?}",
        imp.warnings
    );
}
