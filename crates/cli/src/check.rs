//! `yusuan check`: reconcile files and directories.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use yusuan_reconcile::{reconcile, reconcile_unit_in_department, Report};
use yusuan_tables::Disclosure;

use crate::input::{self, InputIssue};
use crate::{worse, FINDINGS, NOTHING_CHECKED, OK, UNUSABLE};

/// The JSON output for one file.
#[derive(Serialize)]
struct FileResult {
    path: String,
    /// Why the file could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    input_issues: Vec<InputIssue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    /// With `--department`: this file against the department's budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_in_department: Option<Report>,
    /// With `--department`: why this file cannot be compared with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    department_error: Option<String>,
}

/// Expands directories (recursively, sorted) into the files `check` reads.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if input::is_input(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Runs `check` and returns the exit status.
pub fn run(paths: &[PathBuf], json: bool, department: Option<&Path>) -> u8 {
    let files = match expand(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return UNUSABLE;
        }
    };
    let department: Option<Disclosure> = match department.map(input::load) {
        None => None,
        Some(Ok(loaded)) => Some(loaded.disclosure),
        Some(Err(e)) => {
            eprintln!("error: the department's document: {e}");
            return UNUSABLE;
        }
    };
    let progress = files.len() > 1 && std::io::stderr().is_terminal();
    let mut status = OK;
    let (mut with_errors, mut unusable, mut errors, mut warnings) =
        (0usize, 0usize, 0usize, 0usize);
    let mut nothing_checked = 0usize;
    let mut json_out = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if progress {
            eprint!("\r\x1b[2K[{}/{}] {}", i + 1, files.len(), file.display());
            let _ = std::io::stderr().flush();
        }
        let path = file.display().to_string();
        match input::load(file) {
            Err(e) => {
                unusable += 1;
                status = worse(status, UNUSABLE);
                if json {
                    json_out.push(FileResult {
                        path,
                        error: Some(e),
                        input_issues: Vec::new(),
                        report: None,
                        unit_in_department: None,
                        department_error: None,
                    });
                } else {
                    if progress {
                        eprintln!();
                    }
                    eprintln!("error: {e}");
                }
            }
            Ok(loaded) => {
                let report = reconcile(&loaded.disclosure);
                let pair = department
                    .as_ref()
                    .map(|d| reconcile_unit_in_department(&loaded.disclosure, d));
                let (pair_report, department_error) = match pair {
                    None => (None, None),
                    Some(Ok(r)) => (Some(r), None),
                    Some(Err(e)) => {
                        status = worse(status, UNUSABLE);
                        (None, Some(e.to_string()))
                    }
                };
                for r in std::iter::once(&report).chain(&pair_report) {
                    errors += r.summary.errors as usize;
                    warnings += r.summary.warnings as usize;
                }
                if report.has_errors() || pair_report.as_ref().is_some_and(Report::has_errors) {
                    with_errors += 1;
                    status = worse(status, FINDINGS);
                } else if report.coverage.nothing_checked {
                    nothing_checked += 1;
                    status = worse(status, NOTHING_CHECKED);
                }
                if json {
                    json_out.push(FileResult {
                        path,
                        error: None,
                        input_issues: loaded.issues,
                        report: Some(report),
                        unit_in_department: pair_report,
                        department_error,
                    });
                } else {
                    if progress {
                        eprint!("\r\x1b[2K");
                    }
                    println!("== {path} ==");
                    if !loaded.issues.is_empty() {
                        println!("input: {} issue(s) while reading", loaded.issues.len());
                        for issue in &loaded.issues {
                            println!("  {issue}");
                        }
                        println!();
                    }
                    print!("{}", report.render_text());
                    println!();
                    if let Some(r) = &pair_report {
                        println!("== {path}（对照部门预算）==");
                        print!("{}", r.render_text());
                        println!();
                    }
                    if let Some(e) = &department_error {
                        eprintln!("error: {path}: {e}");
                    }
                }
            }
        }
    }
    if progress {
        eprint!("\r\x1b[2K");
    }
    if json {
        let text = match json_out.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            many => serde_json::to_string_pretty(many),
        };
        match text {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                return UNUSABLE;
            }
        }
    }
    eprintln!(
        "checked {} file(s): {} with errors, {} unusable, {} with nothing checkable; {} error(s), {} warning(s)",
        files.len(),
        with_errors,
        unusable,
        nothing_checked,
        errors,
        warnings
    );
    status
}
