//! Lookups, name checks, searches, paths and loading, on the embedded
//! catalog and on small hand-written editions.

use yusuan_classification::{
    Catalog, ClassificationError, Code, Level, NameCheck, Provenance, Scheme, YearRange,
};

fn c(s: &str) -> Code {
    Code::parse(s).unwrap()
}

#[test]
fn names_change_by_edition() {
    let catalog = Catalog::embedded();
    assert_eq!(catalog.name(c("20805"), 2019), Some("行政事业单位离退休"));
    assert_eq!(catalog.name(c("20805"), 2023), Some("行政事业单位养老支出"));
    // Printed 2017–2019 and from 2023: no printed disclosure of 2020–2022 names it.
    assert_eq!(catalog.name(c("20805"), 2021), None);
    assert_eq!(catalog.name(c("20805"), 2017), Some("行政事业单位离退休"));
    let history: Vec<(&str, String)> = catalog
        .history(c("20805"))
        .iter()
        .map(|e| (e.name(), e.years().to_string()))
        .collect();
    assert_eq!(
        history,
        [
            ("行政事业单位离退休", "2017–2019".to_string()),
            ("行政事业单位养老支出", "2023–2026".to_string())
        ]
    );
}

#[test]
fn official_entries_answer_first_and_extend_printed_years() {
    let catalog = Catalog::embedded();
    // 30103 奖金 is printed 2017–2025; for 2025 the official edition answers.
    let entry = catalog.get(c("30103"), 2025).unwrap();
    assert_eq!(entry.name(), "奖金");
    assert_eq!(
        *entry.provenance(),
        Provenance::OfficialScheme {
            edition: "2025年政府收支分类科目".into()
        }
    );
    let entry = catalog.get(c("30103"), 2024).unwrap();
    assert_eq!(
        *entry.provenance(),
        Provenance::PrintedInDisclosure {
            years: YearRange::new(2017, 2025).unwrap()
        }
    );
}

#[test]
fn path_shows_gaps() {
    let catalog = Catalog::embedded();
    let path = catalog.path(c("2080108"), 2019);
    assert!(!path.is_complete());
    assert_eq!(
        path.to_string(),
        "208 社会保障和就业支出 > 20801 ? > 2080108 ?"
    );
    assert_eq!(
        path.missing().map(|c| c.to_string()).collect::<Vec<_>>(),
        ["20801", "2080108"]
    );
    let path = catalog.path(c("30239"), 2025);
    assert!(path.is_complete());
    assert_eq!(path.to_string(), "302 商品和服务支出 > 30239 其他交通费用");
    assert_eq!(
        catalog.path(c("208"), 2025).to_string(),
        "208 社会保障和就业支出"
    );
}

#[test]
fn children_of_a_class_and_of_a_section() {
    let catalog = Catalog::embedded();
    let names = |code: &str, year| -> Vec<String> {
        catalog
            .children(c(code), year)
            .iter()
            .map(|e| e.code().to_string())
            .collect()
    };
    assert_eq!(
        names("208", 2025),
        ["20801", "20805", "20807", "20808", "20816", "20825", "20899"]
    );
    assert_eq!(names("20801", 2025), ["2080108", "2080150"]);
    assert_eq!(
        names("20805", 2024),
        ["2080501", "2080502", "2080505", "2080506", "2080599"]
    );
    assert_eq!(names("303", 2025).len(), 12);
    assert!(names("2080108", 2025).is_empty());
}

#[test]
fn name_check_normalises_spaces_and_width() {
    let catalog = Catalog::embedded();
    assert_eq!(
        catalog.check_name(c("2080108"), 2025, "信 息 化　建 设"),
        NameCheck::Matches
    );
    assert_eq!(
        catalog.check_name(c("30213"), 2024, "维修(护)费"),
        NameCheck::Matches
    );
    assert_eq!(
        catalog.check_name(c("2080108"), 2025, "事业运行"),
        NameCheck::Differs {
            catalog_name: "信息化建设".into(),
            name_valid_in: None
        }
    );
    assert_eq!(
        catalog.check_name(c("21508"), 2019, "支持中小企业发展和管理支出"),
        NameCheck::Unknown
    );
}

#[test]
fn search_within_a_scheme() {
    let catalog = Catalog::embedded();
    let hits: Vec<String> = catalog
        .search(Scheme::Function, "事业运行", Some(2024))
        .iter()
        .map(|e| e.code().to_string())
        .collect();
    assert_eq!(hits, ["2013950", "2200150"]);
    assert!(catalog.search(Scheme::Revenue, "支出", None).is_empty());
}

#[test]
fn coverage_report_lists_each_scheme_level() {
    let coverage = Catalog::embedded().coverage();
    let row = |scheme, level| {
        coverage
            .rows
            .iter()
            .find(|r| r.scheme == scheme && r.level == level)
            .unwrap()
    };
    let section = row(Scheme::DepartmentEconomic, Level::Section);
    assert_eq!(section.official_entries, 13 + 27 + 12 + 4 + 16);
    assert_eq!(section.years, Some(YearRange::new(2017, 2026).unwrap()));
    assert!(coverage.rows.iter().all(|r| r.scheme != Scheme::Revenue));
    let text = coverage.to_string();
    assert!(
        text.starts_with("scheme\tlevel\tcodes\tprinted\tofficial\tyears\tdocuments\n"),
        "{text}"
    );
    assert!(text.contains("支出功能分类\t类\t29\t"), "{text}");
}

#[test]
fn layered_edition_answers_before_the_embedded_catalog() {
    let mine = Catalog::load_edition(
        "mine.tsv",
        "208\t社会保障和就业支出（测试）\n",
        "test edition",
        YearRange::single(2025),
    )
    .unwrap();
    let both = mine.layered_over(Catalog::embedded());
    assert_eq!(
        both.name(c("208"), 2025),
        Some("社会保障和就业支出（测试）")
    );
    assert_eq!(both.name(c("208"), 2019), Some("社会保障和就业支出"));
    assert_eq!(both.len(), Catalog::embedded().len() + 1);
}

#[test]
fn loading_a_file_reports_io_errors_with_the_path() {
    let err = Catalog::load_edition_file("/nonexistent/edition.csv", "e", YearRange::single(2025))
        .unwrap_err();
    assert!(
        matches!(err, ClassificationError::Io { ref path, .. } if path == "/nonexistent/edition.csv")
    );
}

#[test]
fn loading_from_a_file_on_disk() {
    let dir = std::env::temp_dir().join(format!("yusuan-classification-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("edition.csv");
    std::fs::write(
        &path,
        "\u{FEFF}科目编码,科目名称,说明\n301,工资福利支出,\"反映…,等\"\n30101,基本工资,\n",
    )
    .unwrap();
    let catalog =
        Catalog::load_edition_file(&path, "2025年政府收支分类科目", YearRange::single(2025))
            .unwrap();
    assert_eq!(
        catalog.path(c("30101"), 2025).to_string(),
        "301 工资福利支出 > 30101 基本工资"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_length_lines_name_the_scheme() {
    let err = Catalog::load_edition(
        "x.csv",
        "301,工资福利支出\n3010101,x\n",
        "e",
        YearRange::single(2025),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.csv: 1 problem(s): x.csv line 2: code \"3010101\" has 7 digits; 部门预算支出经济分类 codes have 3 or 5"
    );
}

#[test]
fn serde_round_trips() {
    let catalog = Catalog::load_edition(
        "t.csv",
        "208,社会保障和就业支出\n20801,人力资源和社会保障管理事务\n",
        "2025年政府收支分类科目",
        YearRange::single(2025),
    )
    .unwrap();
    let json = serde_json::to_string(&catalog).unwrap();
    assert!(json.starts_with(
        r#"[{"code":"208","name":"社会保障和就业支出","years":{"first":2025,"last":2025},"provenance":{"kind":"official_scheme","edition":"2025年政府收支分类科目"}}"#
    ), "{json}");
    let back: Catalog = serde_json::from_str(&json).unwrap();
    assert_eq!(back, catalog);
    assert!(serde_json::from_str::<YearRange>(r#"{"first":2025,"last":2019}"#).is_err());
    let check = NameCheck::Differs {
        catalog_name: "x".into(),
        name_valid_in: None,
    };
    let json = serde_json::to_string(&check).unwrap();
    assert_eq!(
        json,
        r#"{"result":"differs","catalog_name":"x","name_valid_in":null}"#
    );
    assert_eq!(
        serde_json::to_string(&Scheme::DepartmentEconomic).unwrap(),
        "\"department_economic\""
    );
}
