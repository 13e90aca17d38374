//! `yusuan code`: lookups by year, the harvest and its round trip, coverage.

use std::path::{Path, PathBuf};
use std::process::Command;

use yusuan_classification::{Catalog, Code, YearRange};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("yusuan runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn code_210_has_one_name_per_edition() {
    let (code, out, err) = yusuan(&["code", "210", "--year", "2017"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("210 医疗卫生与计划生育支出"), "{out}");
    let (code, out, err) = yusuan(&["code", "210", "--year", "2024"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("210 卫生健康支出"), "{out}");
    assert!(
        out.contains("other names: 医疗卫生与计划生育支出 (2017–2018)"),
        "{out}"
    );
}

fn pdftotext_available() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

#[test]
fn harvest_of_the_jiangsu_documents_loads_back_as_an_edition() {
    if !pdftotext_available() {
        eprintln!("pdftotext (poppler-utils) is not installed: harvest round trip not run");
        return;
    }
    let (code, tsv, err) = yusuan(&["code", "--harvest", "fixtures/corpus/jiangsu"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("js-fy_2017_dept-budget.pdf: 2017"), "{err}");
    let catalog = Catalog::load_edition(
        "harvest.tsv",
        &tsv,
        "harvested from fixtures/corpus/jiangsu",
        YearRange::new(2017, 2018).expect("years"),
    )
    .unwrap_or_else(|e| panic!("{e}\n{tsv}"));
    assert!(catalog.len() >= 80, "{}", catalog.len());
    let c = |s: &str| Code::parse(s).expect("code");
    assert_eq!(catalog.name(c("2040504"), 2017), Some("案件审判"));
    assert_eq!(catalog.name(c("20805"), 2018), Some("行政事业单位离退休"));
    // Every row agrees with the embedded data for its years.
    for e in catalog.entries() {
        for year in e.years().first()..=e.years().last() {
            assert_eq!(
                Catalog::embedded().name(e.code(), year),
                Some(e.name()),
                "{e} in {year}"
            );
        }
    }
}

#[test]
fn coverage_says_what_the_catalog_holds_for_a_year() {
    let (code, out, err) = yusuan(&["code", "--coverage", "--year", "2017"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("partial"), "{out}");
    assert!(out.contains("支出功能分类\t类\t20\t"), "{out}");
    assert!(out.contains("Catalog::load_edition_file"), "{out}");
    let (code, out, _) = yusuan(&["code", "--coverage"]);
    assert_eq!(code, 0);
    assert!(out.contains("部门预算支出经济分类\t款"), "{out}");
}

#[test]
fn a_name_without_code_resolves_and_an_obsolete_one_is_flagged() {
    let (code, out, err) = yusuan(&["code", "三、医疗卫生与计划生育支出", "--year", "2024"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("三、医疗卫生与计划生育支出: 210 (warning: obsolete in 2024"),
        "{out}"
    );
    assert!(out.contains("210 卫生健康支出"), "{out}");
    let (code, out, _) = yusuan(&["code", "九、医疗卫生与计划生育支出", "--year", "2018"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("九、医疗卫生与计划生育支出: 210 in 2018"),
        "{out}"
    );
    let (code, _, _) = yusuan(&["code", "不存在的支出"]);
    assert_eq!(code, 1);
}
