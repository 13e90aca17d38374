//! Runs every example as a user would, from the built example binaries.

use std::path::PathBuf;
use std::process::{Command, Output};

/// `target/<profile>/examples/NAME`, next to this test's own `deps/` dir.
fn example(name: &str) -> Command {
    let mut dir = std::env::current_exe().expect("test executable path");
    dir.pop(); // the test binary
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path: PathBuf = dir.join("examples").join(name);
    if !path.exists() {
        // `cargo test --workspace` builds the examples first; a narrower
        // `cargo test --test examples` does not, so build the one we need.
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--example", name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --example {name} failed");
    }
    let mut cmd = Command::new(path);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().expect("example runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

#[test]
fn classify_prints_the_full_path() {
    let (out, stdout, _) = run(example("classify").args(["2080108", "30239"]));
    assert!(out.status.success());
    assert!(stdout.contains(
        "208 社会保障和就业支出 > 20801 人力资源和社会保障管理事务 > 2080108 信息化建设"
    ));
    assert!(stdout.contains("302 商品和服务支出 > 30239 其他交通费用"));
}

#[test]
fn classify_rejects_a_bad_length() {
    let (out, _, stderr) = run(example("classify").arg("20801089"));
    assert!(!out.status.success());
    assert!(stderr.contains("20801089"), "{stderr}");
    assert!(stderr.contains("8 digits"), "{stderr}");
}

#[test]
fn show_prints_every_table_of_the_seed() {
    let (out, stdout, _) =
        run(example("show").arg("examples/data/2025-mohrss-information-center.json"));
    assert!(out.status.success());
    for title in [
        "单位收支总表",
        "单位支出总表",
        "一般公共预算支出表",
        "一般公共预算基本支出表",
    ] {
        assert!(stdout.contains(title), "missing {title}");
    }
    // figures read off the seed
    for figure in ["8,633.56", "4,901.81", "3,430.74", "606.93", "137.85"] {
        assert!(stdout.contains(figure), "missing {figure}");
    }
}

#[test]
fn show_reports_malformed_json_with_its_position() {
    let dir = std::env::temp_dir().join(format!("yusuan-show-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, "{\n  \"unit\": {\n    \"name\": 1\n  }\n").unwrap();
    let (out, _, stderr) = run(example("show").arg(&file));
    assert!(!out.status.success());
    assert!(stderr.contains("line 3"), "{stderr}");
}

#[test]
fn score_prints_a_graded_scorecard() {
    let (out, stdout, _) = run(&mut example("score"));
    assert!(out.status.success());
    // 执行率 2,400.00 / 2,459.08 × 10 = 9.7597… → 9.76 (hand arithmetic)
    assert!(stdout.contains("9.76"), "{stdout}");
    assert!(stdout.contains("评价等级"), "{stdout}");
}

#[test]
fn reconcile_checks_the_embedded_seed_with_no_error() {
    // From another directory: the seed fixture is embedded in the example.
    let (out, stdout, _) = run(example("reconcile").current_dir(std::env::temp_dir()));
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("错误 0"), "{stdout}");
    // the 1.50% share (130.00 / 8,633.56 = 1.5057% → 1.51%) is an explained info
    assert!(
        stdout.contains("N302") && stdout.contains("1.50%"),
        "{stdout}"
    );
    // 成本指标 ≤2459.07万元 against 年度资金总额 2,459.08: a warning
    assert!(
        stdout.contains("P403") && stdout.contains("2,459.07"),
        "{stdout}"
    );
}

#[test]
fn reconcile_exits_1_on_a_file_with_an_error() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/data/2025-mohrss-information-center.json"),
    )
    .unwrap();
    // 单位支出总表 合计 8,633.56 → 8,643.56 (a tenfold slip of one digit)
    let changed = text.replacen("\"8633.56\"", "\"8643.56\"", 1);
    assert_ne!(changed, text);
    let dir = std::env::temp_dir().join(format!("yusuan-reconcile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("changed.json");
    std::fs::write(&file, changed).unwrap();
    let (out, stdout, _) = run(example("reconcile").arg(&file));
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}
