//! The `yusuan` command as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = "examples/data/2025-mohrss-information-center.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("yusuan runs");
    (
        status.code().expect("exit code"),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn check_json_of_the_seed_fixture_exits_0() {
    let (code, stdout, stderr) = yusuan(&["check", "--format", "json", FIXTURE]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    assert_eq!(v["path"], FIXTURE);
    assert_eq!(v["report"]["summary"]["errors"], 0);
    assert!(stderr.contains("checked 1 document(s)"), "{stderr}");
}

#[test]
fn check_names_a_changed_cell_and_exits_1() {
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    // 本年收入合计 8,179.19 in the seed's 收支总表; make it 8,180.19.
    let row = doc["tables"]["income_expenditure_summary"]["income"]
        .as_array_mut()
        .expect("income rows")
        .iter_mut()
        .find(|r| r["key"] == "current_year_income")
        .expect("本年收入合计 row");
    assert_eq!(row["amounts"]["total"], "8179.19");
    row["amounts"]["total"] = "8180.19".into();
    let changed = serde_json::to_string_pretty(&doc).expect("JSON");
    let file = temp_dir("changed").join("changed.json");
    std::fs::write(&file, changed).expect("write");
    let (code, stdout, _) = yusuan(&["check", "--format", "json", file.to_str().expect("utf-8")]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    let findings = v["report"]["findings"].as_array().expect("findings");
    // T101: 本年收入合计 = Σ income lines = 8,179.19 (seed), printed 8,180.19.
    let t101 = findings
        .iter()
        .find(|f| f["rule"] == "T101" && f["severity"] == "error")
        .unwrap_or_else(|| panic!("no T101 error in {stdout}"));
    let text = t101.to_string();
    assert!(
        text.contains("8179.19") && text.contains("8180.19"),
        "{text}"
    );
    assert!(text.contains("本年收入合计"), "{text}");
}

#[test]
fn check_text_of_the_seed_agrees_with_the_fixture() {
    let seed = root().join("fixtures/seeds/2025-mohrss-information-center-unit-budget.txt");
    let (code, stdout, stderr) = yusuan(&["check", seed.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("P403"), "{stdout}");
    assert!(stdout.contains("N302"), "{stdout}");
}

#[test]
fn the_seed_concludes_unqualified_with_what_was_checked() {
    let (code, stdout, stderr) = yusuan(&["check", FIXTURE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("结论：未发现错误\n"), "{stdout}");
    assert!(stdout.contains("读取九张表中的 9 张"), "{stdout}");
    let (_, json, _) = yusuan(&["check", "--format", "json", FIXTURE]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON report");
    let coverage = &v["report"]["coverage"];
    assert_eq!(coverage["tables_read"], 9);
    assert_eq!(coverage["nothing_checked"], false);
    assert_eq!(coverage["complete"], true);
    assert_eq!(coverage["conclusion"], "未发现错误");
}

#[test]
fn table_titles_with_nothing_readable_exit_3_without_saying_no_error() {
    let file = temp_dir("titles").join("titles.txt");
    std::fs::write(
        &file,
        "上海市普陀区某局\n2024年度部门预算\n\n部门收支总表\n单位：万元\n项目    预算数\n\n\
         部门收入总表\n单位：万元\n\n部门支出总表\n单位：万元\n",
    )
    .expect("write");
    // The same as a 决算: six of its nine tables are not found (S612
    // warnings: not printed, or not read), and nothing could be checked:
    // exit 3, never 0.
    let final_accounts = temp_dir("final-titles").join("titles.txt");
    std::fs::write(
        &final_accounts,
        "上海市普陀区某局\n2024年度部门决算\n\n收入支出决算总表\n单位：万元\n项目    决算数\n\n\
         收入决算表\n单位：万元\n\n支出决算表\n单位：万元\n",
    )
    .expect("write");
    let (code, stdout, stderr) = yusuan(&["check", final_accounts.to_str().expect("utf-8")]);
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(!stdout.contains("未发现错误"), "{stdout}");
    assert!(stdout.contains("S612"), "{stdout}");
    let (code, stdout, stderr) = yusuan(&["check", file.to_str().expect("utf-8")]);
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(!stdout.contains("未发现错误"), "{stdout}");
    assert!(stdout.contains("未能核对"), "{stdout}");
    assert!(stderr.contains("1 with nothing checkable"), "{stderr}");
    let (code, json, _) = yusuan(&["check", "--format", "json", file.to_str().expect("utf-8")]);
    assert_eq!(code, 3);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON report");
    assert_eq!(v["report"]["coverage"]["nothing_checked"], true);
    // With a file that has an error, the error wins (1 over 3).
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    let changed = text.replacen("\"8179.19\"", "\"8180.19\"", 1);
    assert_ne!(changed, text);
    let bad = temp_dir("titles-and-error").join("changed.json");
    std::fs::write(&bad, changed).expect("write");
    let (code, _, _) = yusuan(&[
        "check",
        file.to_str().expect("utf-8"),
        bad.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    // `check --help` documents the code.
    let (code, help, _) = yusuan(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        help.contains("3 an input was read but nothing in it could be checked"),
        "{help}"
    );
}

#[test]
fn unusable_input_exits_2() {
    let file = temp_dir("unusable").join("note.txt");
    std::fs::write(&file, "这不是预算公开文件。\n只是一段文字。\n").expect("write");
    let (code, _, stderr) = yusuan(&["check", file.to_str().expect("utf-8")]);
    assert_eq!(code, 2, "{stderr}");
    let bad = temp_dir("bad").join("bad.json");
    std::fs::write(&bad, "{\n  \"unit\": \n").expect("write");
    let (code, _, stderr) = yusuan(&["check", bad.to_str().expect("utf-8")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("line"), "{stderr}");
    let (code, _, _) = yusuan(&["check", "no-such-file.json"]);
    assert_eq!(code, 2);
}

#[test]
fn code_prints_the_path_and_rejects_bad_lengths() {
    let (code, stdout, _) = yusuan(&["code", "2080108", "30239"]);
    assert_eq!(code, 0);
    assert!(stdout.contains(
        "208 社会保障和就业支出 > 20801 人力资源和社会保障管理事务 > 2080108 信息化建设"
    ));
    let (code, _, stderr) = yusuan(&["code", "20801089"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("8 digits"), "{stderr}");
    // 20805 is 行政事业单位离退休 in 2019, 行政事业单位养老支出 from 2023.
    let (_, stdout, _) = yusuan(&["code", "--year", "2019", "20805"]);
    assert!(stdout.contains("行政事业单位离退休"), "{stdout}");
}

#[test]
fn explain_lists_and_explains_rules() {
    let (code, stdout, _) = yusuan(&["explain"]);
    assert_eq!(code, 0);
    assert!(stdout.lines().count() > 20);
    let (code, stdout, _) = yusuan(&["explain", "T101"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("本年收入合计"));
    let (code, _, _) = yusuan(&["explain", "Z999"]);
    assert_eq!(code, 2);
}

#[test]
fn score_prints_the_scorecard() {
    let (code, stdout, stderr) = yusuan(&[
        "score",
        "examples/data/2025-jinbao-target.json",
        "examples/data/2025-jinbao-actuals.json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // 执行率 2,400.00 / 2,459.08 × 10 = 9.7597… → 9.76 (hand arithmetic)
    assert!(stdout.contains("9.76"));
    assert!(stdout.contains("评价等级"));
}

#[test]
fn import_writes_a_loadable_disclosure_and_show_prints_it() {
    let seed = root().join("fixtures/seeds/2025-mohrss-information-center-unit-budget.txt");
    let out = temp_dir("import").join("seed.json");
    let (code, _, stderr) = yusuan(&[
        "import",
        seed.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = yusuan(&["show", out.to_str().expect("utf-8")]);
    assert_eq!(code, 0);
    for figure in ["8,633.56", "4,175.52", "744.78"] {
        assert!(stdout.contains(figure), "missing {figure}");
    }
}

#[test]
fn check_against_the_department_budget() {
    let corpus = "fixtures/corpus/putuo";
    let file = |stem: &str| format!("{corpus}/sh-putuo-{stem}.layout.txt");
    // 商务委: the unit's figures all fit within the department's.
    let (code, stdout, stderr) = yusuan(&[
        "check",
        "--format",
        "json",
        "--department",
        &file("shangwuwei_2025_dept-budget"),
        &file("shangwuwei_2025_unit-budget"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let pair = &v["unit_in_department"];
    assert_eq!(pair["summary"]["rules"], 5, "{pair}");
    assert_eq!(pair["summary"]["errors"], 0, "{pair}");
    assert!(pair["rules"][0]["rule"].as_str().unwrap().starts_with('D'));

    // 司法局: the unit's 2040601 行政运行 prints 项目支出 64,840,547.00 where
    // the department prints 0.00 (see the import crate's corpus test).
    let (code, stdout, _) = yusuan(&[
        "check",
        "--department",
        &file("sifaju_2026_dept-budget"),
        &file("sifaju_2026_unit-budget"),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("（对照部门预算）"), "{stdout}");
    assert!(
        stdout.contains("[D703]") && stdout.contains("2040601"),
        "{stdout}"
    );

    // A unit budget of 2025 against a department budget of 2026: unusable.
    let (code, _, stderr) = yusuan(&[
        "check",
        "--department",
        &file("sifaju_2026_dept-budget"),
        &file("shangwuwei_2025_unit-budget"),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("2025") && stderr.contains("2026"),
        "{stderr}"
    );
}

#[test]
fn import_says_what_was_read_and_draws_the_pages() {
    let dir = temp_dir("debug-dir").join("pictures");
    let out = temp_dir("debug-dir-json").join("d.json");
    let file = "fixtures/corpus/putuo/sh-putuo-qufuban_2025_unit-budget.layout.txt";
    let (code, _, stderr) = yusuan(&[
        "import",
        file,
        "-o",
        out.to_str().expect("utf-8"),
        "--debug-dir",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // the document's nine tables, every printed amount in one of them
    assert!(stderr.contains("tables: 9 typed, 0 generic"), "{stderr}");
    assert!(stderr.contains("unplaced 0"), "{stderr}");
    let pictures = std::fs::read_dir(&dir).expect("pictures").count();
    let pages = std::fs::read_to_string(root().join(file))
        .expect("layout text")
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .count();
    assert_eq!(pictures, pages);
    let svg = std::fs::read_to_string(dir.join("page-001.svg")).expect("page 1");
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..80]
    );
    // JSON input has no geometry to draw
    let (code, _, stderr) = yusuan(&[
        "import",
        "examples/data/2025-mohrss-information-center.json",
        "--debug-dir",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 2, "{stderr}");
}

/// The blank 决算 template (公开样张, 上海市XX局) is a template, not a
/// document with errors: one note says so.
#[test]
fn the_blank_template_is_said_to_be_a_template() {
    let file = "fixtures/corpus/shanghai/sh-template_2024_dept-final-blank.pdf";
    let (code, json, stderr) = yusuan(&["check", "--format", "json", file]);
    if stderr.contains("pdftotext") && code == 2 {
        return; // pdftotext not installed here
    }
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON report");
    let findings = v["report"]["findings"].as_array().expect("findings");
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "S606"
                && f["message"].as_str().is_some_and(|m| m.contains("样张"))),
        "{findings:#?}"
    );
    assert_ne!(code, 1, "{stderr}");
}

#[test]
fn show_prints_the_other_matters_after_the_tables() {
    // 司法局 2026 部门预算, 其他相关情况说明: 政府采购预算1486.42万元 (其中面向
    // 中小企业预留1486.42万元), 机关运行经费预算217.83万元, 共有车辆3辆 (执法执勤
    // 用车3辆)
    let file = "fixtures/corpus/putuo/sh-putuo-sifaju_2026_dept-budget.layout.txt";
    let (code, stdout, stderr) = yusuan(&["show", file]);
    assert_eq!(code, 0, "{stderr}");
    let other = stdout
        .split("\n其他事项\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no 其他事项 in {stdout}"));
    for line in [
        "【政府采购】",
        "【机关运行经费】",
        "【国有资产占有】",
        "截至",
        "2025年8月31日",
    ] {
        assert!(other.contains(line), "missing {line} in {other}");
    }
    let has = |item: &str, value: &str, unit: &str| {
        other
            .lines()
            .any(|l| l.starts_with(item) && l.contains(&format!(" {value}  {unit}")))
    };
    assert!(has("面向中小企业预留", "1,486.42", "万元"), "{other}");
    assert!(has("金额", "217.83", "万元"), "{other}");
    assert!(has("车辆 / 执法执勤用车", "3", "辆"), "{other}");
}
