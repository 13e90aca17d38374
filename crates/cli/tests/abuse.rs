//! The command at scale and under abuse (issue 13): every reproduction of
//! the issue, as a user runs it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const FIXTURE: &str = "examples/data/2025-mohrss-information-center.json";
const SEED_TXT: &str = "fixtures/seeds/2025-mohrss-information-center-unit-budget.txt";
const TARGET: &str = "examples/data/2025-jinbao-target.json";
const ACTUALS: &str = "examples/data/2025-jinbao-actuals.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_yusuan"));
    c.args(args).current_dir(root());
    c
}

/// Exit code, stdout, stderr; the run must end within 60 s and not panic.
fn finish(child: Child) -> (i32, String, String) {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(output) = rx.recv_timeout(Duration::from_secs(60)) else {
        // The child we started, by its id.
        let _ = Command::new("kill").arg(pid.to_string()).status();
        panic!("yusuan did not finish within 60 s (a hang)");
    };
    let Output {
        status,
        stdout,
        stderr,
    } = output.expect("output");
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    (
        status.code().expect("an exit code, not a signal"),
        String::from_utf8_lossy(&stdout).into_owned(),
        stderr,
    )
}

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let child = command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("yusuan runs");
    finish(child)
}

fn yusuan_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("yusuan runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    finish(child)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-abuse-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn seed_json() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

fn income_total(doc: &mut serde_json::Value) -> &mut serde_json::Value {
    let row = doc["tables"]["income_expenditure_summary"]["income"]
        .as_array_mut()
        .expect("income rows")
        .iter_mut()
        .find(|r| r["key"] == "current_year_income")
        .expect("本年收入合计 row");
    &mut row["amounts"]["total"]
}

fn write_json(dir: &Path, name: &str, doc: &serde_json::Value) -> PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, serde_json::to_string_pretty(doc).expect("JSON")).expect("write");
    file
}

/// A directory of `n` copies of the seed fixture.
fn copies(name: &str, n: usize) -> PathBuf {
    let dir = temp_dir(name);
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    for i in 0..n {
        std::fs::write(dir.join(format!("doc-{i:04}.json")), &text).expect("write");
    }
    dir
}

#[test]
fn a_broken_pipe_ends_check_quietly() {
    // `yusuan check DIR | head -1`: far more output than a pipe buffer.
    let dir = copies("pipe", 150);
    let mut child = command(&["check", s(&dir)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("yusuan runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    assert!(first.starts_with("== "), "{first}");
    // The reader goes away (the pipe's read end is dropped here).
    let (code, _, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_clean_error_not_a_panic() {
    for args in [
        &["import", SEED_TXT][..],
        &["check", FIXTURE][..],
        &["check", "--format", "jsonl", FIXTURE][..],
        &["show", FIXTURE][..],
        &["explain"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let child = command(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .expect("yusuan runs");
        let (code, _, stderr) = finish(child);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn out_of_range_amounts_are_refused_on_load() {
    let dir = temp_dir("range");
    // Decimal::MAX in 本年收入合计: the sum overflowed and T102 passed.
    let mut doc = seed_json();
    *income_total(&mut doc) = "79228162514264337593543950335".into();
    let max = write_json(&dir, "max.json", &doc);
    let (code, _, stderr) = yusuan(&["check", s(&max)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("out of range"), "{stderr}");
    assert!(stderr.contains("本年收入合计"), "{stderr}");
    // 10^12 万元 is out of range, just under it is not.
    *income_total(&mut doc) = "1000000000000".into();
    let big = write_json(&dir, "big.json", &doc);
    assert_eq!(yusuan(&["check", s(&big)]).0, 2);
    *income_total(&mut doc) = "999999999999.99".into();
    let under = write_json(&dir, "under.json", &doc);
    assert_eq!(yusuan(&["check", s(&under)]).0, 1);

    // A narrative amount near the decimal limit: panicked with
    // "Subtraction overflowed".
    let mut doc = seed_json();
    let claims = doc["narrative"].as_array_mut().expect("narrative");
    let mut changed = false;
    for claim in claims.iter_mut() {
        if let Some(amount) = claim["kind"].get_mut("amount") {
            if amount.is_string() {
                *amount = "-79228162514264337593543950335".into();
                changed = true;
                break;
            }
        }
    }
    assert!(changed, "no narrative amount in the fixture");
    let narrative = write_json(&dir, "narrative.json", &doc);
    let (code, _, stderr) = yusuan(&["check", "--format", "json", s(&narrative)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("情况说明"), "{stderr}");
}

#[test]
fn out_of_range_amounts_are_refused_on_import() {
    let dir = temp_dir("range-import");
    let text = std::fs::read_to_string(root().join(SEED_TXT)).expect("seed");
    let huge = text.replacen(
        "总预算 8,633.56 万元",
        "总预算 79,228,162,514,264,337,593,543,950,335 万元",
        1,
    );
    assert_ne!(huge, text);
    let file = dir.join("huge.txt");
    std::fs::write(&file, huge).expect("write");
    let (code, _, stderr) = yusuan(&["check", s(&file)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("out of range"), "{stderr}");
    let (code, stdout, stderr) = yusuan(&["import", s(&file)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    // In a table row: the importer's column solver overflowed.
    let row = text.replacen(
        "本年收入合计 8,179.19",
        "本年收入合计 79,228,162,514,264,337,593,543,950,335",
        1,
    );
    assert_ne!(row, text);
    let file = dir.join("row.txt");
    std::fs::write(&file, row).expect("write");
    let (code, _, stderr) = yusuan(&["check", s(&file)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("out of range"), "{stderr}");
}

#[test]
fn json_with_a_byte_order_mark_is_read() {
    let dir = temp_dir("bom");
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    let file = dir.join("bom.json");
    std::fs::write(&file, format!("\u{feff}{text}")).expect("write");
    let (code, _, stderr) = yusuan(&["check", s(&file)]);
    assert_eq!(code, 0, "{stderr}");
    // And on standard input.
    let (code, _, stderr) = yusuan_stdin(&["check", "-"], format!("\u{feff}{text}").as_bytes());
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn implausible_years_are_refused() {
    let dir = temp_dir("years");
    for year in [0, 1900, 1989, 2100, 65535] {
        let mut doc = seed_json();
        doc["year"] = year.into();
        let file = write_json(&dir, &format!("{year}.json"), &doc);
        let (code, _, stderr) = yusuan(&["check", s(&file)]);
        assert_eq!(code, 2, "{year}: {stderr}");
        assert!(stderr.contains(&format!("year {year}")), "{stderr}");
    }
    let mut doc = seed_json();
    doc["year"] = 2099.into();
    let file = write_json(&dir, "2099.json", &doc);
    assert_ne!(yusuan(&["check", s(&file)]).0, 2);
}

#[test]
fn import_refuses_to_overwrite_its_input() {
    let dir = temp_dir("overwrite");
    let file = dir.join("seed.txt");
    std::fs::copy(root().join(SEED_TXT), &file).expect("copy");
    let before = std::fs::read(&file).expect("read");
    let (code, _, stderr) = yusuan(&["import", s(&file), "-o", s(&file)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("input file"), "{stderr}");
    // The same file by another name.
    let other = format!("{}/./seed.txt", s(&dir));
    assert_eq!(yusuan(&["import", s(&file), "-o", &other]).0, 2);
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn a_department_of_another_organisation_exits_2() {
    let file = |stem: &str| format!("fixtures/corpus/putuo/sh-putuo-{stem}.layout.txt");
    let (code, _, stderr) = yusuan(&[
        "check",
        "--department",
        &file("wanlijiedao_2025_dept-budget"),
        &file("shangwuwei_2025_unit-budget"),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("上海市普陀区人民政府万里街道办事处"),
        "{stderr}"
    );
    // Its own department: 0 as before.
    let (code, _, stderr) = yusuan(&[
        "check",
        "--department",
        &file("shangwuwei_2025_dept-budget"),
        &file("shangwuwei_2025_unit-budget"),
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn score_exits_non_zero_after_validation_errors_and_for_another_project() {
    let dir = temp_dir("score");
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(root().join(p)).expect("read")).expect("JSON")
    };
    let mut table = read(TARGET);
    table["indicators"][0]["weight"] = "0".into();
    let bad = write_json(&dir, "bad-target.json", &table);
    let (code, stdout, stderr) = yusuan(&["score", s(&bad), ACTUALS]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("评价等级"), "{stdout}");
    assert!(stderr.contains("validation error"), "{stderr}");

    let mut actuals = read(ACTUALS);
    actuals["project_name"] = "另一个项目".into();
    let other = write_json(&dir, "other-actuals.json", &actuals);
    let (code, _, stderr) = yusuan(&["score", TARGET, s(&other)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("另一个项目"), "{stderr}");
}

#[test]
fn the_tolerance_is_printed_in_the_unit_of_the_difference() {
    let dir = temp_dir("tolerance");
    let mut doc = seed_json();
    *income_total(&mut doc) = "8180.19".into();
    let file = write_json(&dir, "changed.json", &doc);
    let (code, stdout, _) = yusuan(&["check", s(&file)]);
    assert_eq!(code, 1);
    let line = stdout
        .lines()
        .find(|l| l.contains("差额 1.00"))
        .unwrap_or_else(|| panic!("no difference of 1.00 in {stdout}"));
    assert!(line.contains("容差 ±0.015"), "{line}");
    assert!(!line.contains('元'), "{line}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_fifos_and_unreadable_entries_do_not_stop_the_walk() {
    use std::os::unix::fs::symlink;
    let dir = copies("walk", 2);
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).expect("sub");
    std::fs::copy(root().join(FIXTURE), sub.join("c.json")).expect("copy");
    // Two links back up: the walk used to check the same file again and
    // again, and never end.
    symlink(".", dir.join("loop")).expect("loop");
    symlink("..", sub.join("up")).expect("up");
    // A FIFO: blocked forever.
    let fifo = dir.join("pipe.json");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    // A link to nothing: an entry that cannot be read.
    symlink("nowhere.json", dir.join("dangling.json")).expect("dangling");

    let (code, stdout, stderr) = yusuan(&["check", "--format", "jsonl", s(&dir)]);
    let paths: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["path"].as_str().expect("path").to_owned()
        })
        .collect();
    let checked: Vec<&String> = paths.iter().filter(|p| !p.contains("dangling")).collect();
    assert_eq!(checked.len(), 3, "{paths:?}\n{stderr}");
    assert!(paths.iter().any(|p| p.contains("dangling")), "{paths:?}");
    assert!(stderr.contains("symbolic link back to"), "{stderr}");
    if made {
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert!(
            stderr.contains("1 skipped") || stderr.contains("3 skipped"),
            "{stderr}"
        );
    }
    assert!(stderr.contains("checked 4 document(s)"), "{stderr}");
    assert!(stderr.contains("1 unreadable"), "{stderr}");
    assert_eq!(code, 2, "{stderr}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copies("unreadable", 2);
    let locked = dir.join("locked");
    std::fs::create_dir(&locked).expect("locked");
    std::fs::copy(root().join(FIXTURE), locked.join("x.json")).expect("copy");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read_dir(&locked).is_ok(); // root reads anything
    let (code, stdout, stderr) = yusuan(&["check", "--format", "jsonl", s(&dir)]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    if readable {
        assert_eq!(code, 0, "{stderr}");
        return;
    }
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stderr.contains("locked"), "{stderr}");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let json = std::fs::read(root().join(FIXTURE)).expect("fixture");
    let (code, stdout, stderr) = yusuan_stdin(&["check", "--format", "json", "-"], &json);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one object");
    assert_eq!(v["path"], "<stdin>");
    let text = std::fs::read(root().join(SEED_TXT)).expect("seed");
    let (code, stdout, stderr) = yusuan_stdin(&["check", "-"], &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("P403"), "{stdout}");
}

#[test]
fn jsonl_is_one_report_per_line_in_input_order() {
    let dir = copies("jsonl", 40);
    let mut doc = seed_json();
    *income_total(&mut doc) = "8180.19".into();
    write_json(&dir, "doc-0007.json", &doc);
    let (code, stdout, stderr) = yusuan(&["check", "--format", "jsonl", s(&dir)]);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 40);
    for (i, v) in lines.iter().enumerate() {
        let path = v["path"].as_str().expect("path");
        assert!(path.ends_with(&format!("doc-{i:04}.json")), "{i}: {path}");
        let errors = v["report"]["summary"]["errors"].as_u64().expect("errors");
        assert_eq!(errors > 0, i == 7, "{i}");
    }
    assert!(
        stderr.contains("checked 40 document(s): 1 with errors"),
        "{stderr}"
    );
    assert!(stderr.contains("most frequent rules: "), "{stderr}");
    assert!(stderr.contains("T101 ×1"), "{stderr}");

    // `--format json`: an array for several documents, in the same order.
    let (_, stdout, _) = yusuan(&["check", "--format", "json", s(&dir)]);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("an array");
    let array = v.as_array().expect("array");
    assert_eq!(array.len(), 40);
    assert_eq!(array[7]["report"]["summary"]["errors"], 2);
    // …and an empty array for none, which is not a clean pass: exit 2 with
    // a message (a mistyped directory must not look checked)
    let empty = temp_dir("empty");
    let (code, stdout, stderr) = yusuan(&["check", "--format", "json", s(&empty)]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout.trim(), "[]");
    assert!(
        stderr.contains("no .json, .txt or .pdf document found"),
        "{stderr}"
    );
}

#[test]
fn every_subcommand_says_its_exit_codes_in_its_help() {
    for sub in ["check", "import", "show", "code", "score", "explain"] {
        let (code, stdout, _) = yusuan(&[sub, "--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("Exit status:"), "{sub}: {stdout}");
    }
}

#[test]
fn a_closed_pipe_on_a_single_command_is_quiet() {
    let mut child = command(&["explain"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("yusuan runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("a byte");
    drop(stdout);
    let (code, _, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
}

/// `yusuan code … | head -1` ends quietly (it used to panic on the broken
/// pipe).
#[test]
fn code_into_a_closed_pipe_ends_quietly() {
    use std::process::{Command, Stdio};
    let bin = env!("CARGO_BIN_EXE_yusuan");
    for args in [
        &["code", "--coverage"][..],
        &["code", "210", "2080108", "30239"][..],
    ] {
        let mut child = Command::new(bin)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // close our end of the pipe at once
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {:?} {stderr}",
            out.status
        );
    }
}
