//! The harvest over the documents kept in the repository: the `pdftotext
//! -layout` text of the 普陀 disclosures and the hand-made cases.

use std::collections::BTreeMap;

use yusuan_classification::{harvest_text, Catalog, Harvest, YearRange};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/corpus/putuo");
const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/cases");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn pairs(text: &str, year: u16) -> BTreeMap<String, String> {
    harvest_text(text, year, "t")
        .into_iter()
        .map(|p| (p.code.to_string(), p.name))
        .collect()
}

#[test]
fn one_digit_sections_are_zero_padded() {
    let found = pairs(&read(&format!("{CASES}/f10_one_digit_kuan.txt")), 2024);
    assert_eq!(found["30102"], "津贴补贴");
    assert_eq!(found["30107"], "绩效工资");
    assert_eq!(found["30101"], "基本工资");
}

#[test]
fn names_wrapped_above_and_below_the_code_are_joined() {
    let found = pairs(&read(&format!("{CASES}/f14_final_wrapped_names.txt")), 2024);
    let expected = [
        ("208", "社会保障和就业支出"),
        ("20805", "行政事业单位养老支出"),
        ("2080501", "行政单位离退休"),
        ("2080505", "机关事业单位基本养老保险缴费支出"),
        ("210", "卫生健康支出"),
        ("21011", "行政事业单位医疗"),
        ("2101101", "行政单位医疗"),
    ];
    for (code, name) in expected {
        assert_eq!(found.get(code).map(String::as_str), Some(name), "{code}");
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
}

fn putuo_documents() -> Vec<(String, u16, String)> {
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(CORPUS).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".layout.txt") {
            let year: u16 = stem.split('_').nth(1).unwrap().parse().unwrap();
            docs.push((stem.to_owned(), year, read(path.to_str().unwrap())));
        }
    }
    docs.sort();
    assert_eq!(docs.len(), 6);
    docs
}

#[test]
fn every_pair_the_putuo_documents_print_is_embedded_with_its_name() {
    let mut harvest = Harvest::new();
    for (id, year, text) in putuo_documents() {
        assert!(harvest.add_text(&text, year, &id) > 50, "{id}");
    }
    assert!(harvest.conflicts().is_empty(), "{:?}", harvest.conflicts());
    for p in harvest.printed() {
        assert_eq!(
            Catalog::embedded().name(p.code, p.year),
            Some(p.name.as_str()),
            "{} {} printed in {} line {}",
            p.code,
            p.name,
            p.document,
            p.line
        );
    }
}

#[test]
fn the_harvest_tsv_loads_back_as_an_edition() {
    let mut harvest = Harvest::new();
    for (id, year, text) in putuo_documents() {
        harvest.add_text(&text, year, &id);
    }
    let tsv = harvest.to_tsv();
    let catalog = Catalog::load_edition(
        "putuo.tsv",
        &tsv,
        "harvest",
        YearRange::new(2025, 2026).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.len(), harvest.rows().len());
    for row in harvest.rows() {
        assert_eq!(
            catalog.name(row.code, row.first_year),
            Some(row.name.as_str())
        );
        assert!(!row.sources.is_empty());
    }
}

#[test]
fn conflicts_name_both_names_and_their_documents() {
    let mut harvest = Harvest::new();
    harvest.add_text("302   02   印刷费     1,000\n", 2024, "a");
    harvest.add_text("302   02   印刷费     1,000\n", 2024, "b");
    harvest.add_text("302   02   咨询费     1,000\n", 2024, "c");
    let conflicts = harvest.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].to_string(),
        "30202 in 2024: 印刷费 (a, b) / 咨询费 (c)"
    );
    // The TSV keeps the name most documents print.
    assert!(harvest
        .to_tsv()
        .contains("30202\t印刷费\t2024\t2024\ta,b\n"));
}

#[test]
fn narrative_numbers_are_not_codes() {
    let text = "  增加 200 万元、单位预留机动经费增加\n  2025 年部门预算\n  共有车辆 2 辆\n";
    assert!(harvest_text(text, 2025, "t").is_empty());
}
