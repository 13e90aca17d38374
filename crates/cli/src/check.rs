//! `yusuan check`: reconcile files, directories and standard input.
//!
//! Documents are checked in parallel on every core (rayon's global pool;
//! `RAYON_NUM_THREADS` sets how many) and written in input order, each as
//! soon as it and every document before it are done. At most a small
//! window of documents (four per thread) is in flight or waiting to be
//! written, so memory does not grow with the number of documents, in any
//! format.

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use walkdir::WalkDir;
use yusuan_reconcile::{reconcile, reconcile_unit_in_department, Report, Severity};
use yusuan_tables::Disclosure;

use crate::input::{self, InputIssue, Loaded};
use crate::output::{Out, Stop};
use crate::{note, Format, FINDINGS, NOTHING_CHECKED, OK, UNUSABLE};

/// The exit codes of `check`, for its `--help`.
pub const AFTER_HELP: &str = "\
Directories are searched recursively for .json, .txt and .pdf files;
symbolic links are followed, a link back to a directory being walked is
noted and not followed; FIFOs, sockets and devices are skipped with a note;
an entry that cannot be read is reported and the rest is still checked.
`-` reads one document from standard input.

Reports are written in input order on standard output; a summary
(documents, with errors, unreadable, skipped, most frequent rules) on
standard error, with a progress bar when standard error is a terminal.

Exit status:
  0  no document has an error finding in what was checked (each report's
     结论 says what that was)
  1  some document has an error finding
  2  some input could not be read or used (unreadable, not a disclosure,
     out-of-range amount or year, a --department of another organisation
     or year), no document was found in the paths given, or the output
     cannot be written
  3  a document was read but nothing in it could be checked (no table
     with amounts, no checkable narrative): its report says 未能核对,
     never 未发现错误
Over several documents 2 wins over 1, 1 over 3, 3 over 0.
A closed standard output (`yusuan check DIR | head`) ends the command
quietly, with the status of what was checked until then.";

/// What `check` is asked to do.
pub struct Options<'a> {
    /// Files, directories and `-`.
    pub paths: &'a [PathBuf],
    /// Output format.
    pub format: Format,
    /// The department's budget (`--department`).
    pub department: Option<&'a Path>,
    /// Whether a progress bar may be shown (on a terminal only).
    pub progress: bool,
}

/// The JSON output for one document.
#[derive(Serialize)]
struct FileResult<'a> {
    path: &'a str,
    /// Why the document could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    input_issues: &'a [InputIssue],
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    /// With `--department`: this document against the department's budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_in_department: Option<&'a Report>,
    /// With `--department`: why this document cannot be compared with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    department_error: Option<&'a str>,
}

/// One document to check.
#[derive(Debug)]
enum Item {
    /// Standard input (`-`).
    Stdin,
    /// A file named on the command line or found in a directory.
    File(PathBuf),
    /// A directory entry that could not be read.
    Unreadable { path: String, error: String },
}

impl Item {
    fn shown(&self) -> String {
        match self {
            Item::Stdin => "<stdin>".to_owned(),
            Item::File(p) => p.display().to_string(),
            Item::Unreadable { path, .. } => path.clone(),
        }
    }
}

/// The documents to check, in order, and how many entries were skipped.
fn expand(paths: &[PathBuf]) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut skipped = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            items.push(Item::Stdin);
        } else if path.is_dir() {
            skipped += walk(path, &mut items);
        } else {
            // Named explicitly: read as given (even a FIFO: the user chose it).
            items.push(Item::File(path.clone()));
        }
    }
    (items, skipped)
}

/// Walks `dir` (sorted by name, links followed, loops detected) and returns
/// how many entries were skipped.
fn walk(dir: &Path, items: &mut Vec<Item>) -> usize {
    let mut skipped = 0;
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) => {
                let kind = entry.file_type();
                if kind.is_dir() || !input::is_input(entry.path()) {
                    continue;
                }
                if kind.is_file() {
                    items.push(Item::File(entry.into_path()));
                } else {
                    skipped += 1;
                    note!(
                        "note: {}: not a regular file (FIFO, socket or device): skipped",
                        entry.path().display()
                    );
                }
            }
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                if let Some(ancestor) = e.loop_ancestor() {
                    skipped += 1;
                    note!(
                        "note: {path}: a symbolic link back to {}: not followed",
                        ancestor.display()
                    );
                } else {
                    let error = match e.io_error() {
                        Some(io) => format!("cannot read {path}: {io}"),
                        None => format!("cannot read {path}: {e}"),
                    };
                    items.push(Item::Unreadable { path, error });
                }
            }
        }
    }
    skipped
}

/// What checking one document gave, rendered in the output format.
struct Done {
    /// The document's path as shown.
    path: String,
    /// The document's output (text report, JSON object or JSON line).
    rendered: String,
    /// Messages for standard error.
    notes: Vec<String>,
    tally: Tally,
}

/// Counts over the documents checked so far.
#[derive(Debug, Default)]
struct Tally {
    documents: usize,
    with_errors: usize,
    /// Documents read in which nothing could be checked.
    nothing_checked: usize,
    unusable: usize,
    skipped: usize,
    errors: usize,
    warnings: usize,
    /// Error and warning findings by rule ID.
    rules: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.documents += other.documents;
        self.with_errors += other.with_errors;
        self.nothing_checked += other.nothing_checked;
        self.unusable += other.unusable;
        self.skipped += other.skipped;
        self.errors += other.errors;
        self.warnings += other.warnings;
        for (rule, n) in other.rules {
            *self.rules.entry(rule).or_default() += n;
        }
    }

    fn count(&mut self, report: &Report) {
        self.errors += report.summary.errors as usize;
        self.warnings += report.summary.warnings as usize;
        for f in &report.findings {
            if matches!(f.severity, Severity::Error | Severity::Warning) {
                *self.rules.entry(f.rule.id().to_owned()).or_default() += 1;
            }
        }
    }

    /// `checked 3 document(s): …` and the most frequent rules.
    fn summary(&self) -> String {
        let mut s = format!(
            "checked {} document(s): {} with errors, {} with nothing checkable, {} unreadable or unusable, {} skipped; {} error(s), {} warning(s)",
            self.documents,
            self.with_errors,
            self.nothing_checked,
            self.unusable,
            self.skipped,
            self.errors,
            self.warnings
        );
        let mut rules: Vec<(&String, &usize)> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if !rules.is_empty() {
            let top: Vec<String> = rules
                .iter()
                .take(5)
                .map(|(rule, n)| format!("{rule} ×{n}"))
                .collect();
            s.push_str("\nmost frequent rules: ");
            s.push_str(&top.join(", "));
        }
        s
    }
}

/// The exit status of `check` (see [`AFTER_HELP`]): unusable input wins
/// over findings, findings over nothing checked, nothing checked over 0.
fn exit_status(tally: &Tally) -> u8 {
    if tally.unusable > 0 {
        UNUSABLE
    } else if tally.with_errors > 0 {
        FINDINGS
    } else if tally.nothing_checked > 0 {
        NOTHING_CHECKED
    } else {
        OK
    }
}

/// Why `unit` cannot be compared with `department`'s budget because it is
/// not one of the department's units. It is when the 主管部门 codes agree
/// (both given), or the unit's name or 主管部门 name is the department's
/// name, or the unit's name is in the department's title or 机构设置; when
/// both codes are given and differ, or none of that holds, it is not.
fn another_organisation(unit: &Disclosure, department: &Disclosure) -> Option<String> {
    let squeeze = yusuan_money::text::squeeze;
    let (u, d) = (&unit.unit, &department.unit);
    if let (Some(uc), Some(dc)) = (&u.department_code, &d.department_code) {
        return (uc.trim() != dc.trim()).then(|| {
            format!(
                "the unit's 主管部门 code is {uc}, the department's document ({}) is of {dc}",
                d.name
            )
        });
    }
    let unit_names: Vec<String> = std::iter::once(u.name.as_str())
        .chain(u.department.as_deref())
        .map(squeeze)
        .filter(|n| !n.is_empty())
        .collect();
    let department_names: Vec<String> = std::iter::once(d.name.as_str())
        .chain(d.department.as_deref())
        .map(squeeze)
        .filter(|n| !n.is_empty())
        .collect();
    if unit_names.iter().any(|n| department_names.contains(n)) {
        return None;
    }
    let mut described: Vec<&str> = department.title.iter().map(String::as_str).collect();
    if let Some(p) = &department.profile {
        described.extend(p.organization.iter().map(String::as_str));
        described.extend(p.duties_preamble.iter().map(String::as_str));
    }
    let unit_name = squeeze(&u.name);
    if !unit_name.is_empty() && described.iter().any(|t| squeeze(t).contains(&unit_name)) {
        return None;
    }
    Some(format!(
        "{} is not one of the units of {} (its 主管部门 is {}; the department's 机构设置 does not name it); \
         if it is, give its 主管部门 as unit.department in its JSON",
        u.name,
        d.name,
        u.department.as_deref().unwrap_or("not given")
    ))
}

/// Checks one document and renders its output.
fn check_one(item: &Item, format: Format, department: Option<&Disclosure>) -> Done {
    let path = item.shown();
    let loaded = match item {
        Item::Stdin => input::load_stdin(),
        Item::File(p) => input::load(p),
        Item::Unreadable { error, .. } => Err(error.clone()),
    };
    let mut tally = Tally {
        documents: 1,
        ..Tally::default()
    };
    let mut notes = Vec::new();
    let Loaded {
        disclosure, issues, ..
    } = match loaded {
        Ok(l) => l,
        Err(e) => return failed(format, &path, &e),
    };
    let report = reconcile(&disclosure);
    let (pair, department_error) = match department {
        None => (None, None),
        // Kinds and years first (the engine's own check), then whether the
        // unit is one of the department's.
        Some(d) => match reconcile_unit_in_department(&disclosure, d) {
            Err(e) => (None, Some(e.to_string())),
            Ok(r) => match another_organisation(&disclosure, d) {
                Some(why) => (None, Some(why)),
                None => (Some(r), None),
            },
        },
    };
    if let Some(e) = &department_error {
        tally.unusable = 1;
        notes.push(format!("error: {path}: {e}"));
    }
    tally.count(&report);
    if let Some(p) = &pair {
        tally.count(p);
    }
    if report.has_errors() || pair.as_ref().is_some_and(Report::has_errors) {
        tally.with_errors = 1;
    } else if report.coverage.nothing_checked {
        tally.nothing_checked = 1;
    }
    let rendered = match format {
        Format::Text => {
            let mut s = format!("== {path} ==\n");
            if !issues.is_empty() {
                s.push_str(&format!("input: {} issue(s) while reading\n", issues.len()));
                for issue in &issues {
                    s.push_str(&format!("  {issue}\n"));
                }
                s.push('\n');
            }
            s.push_str(&report.render_text());
            s.push('\n');
            if let Some(r) = &pair {
                s.push_str(&format!("== {path}（对照部门预算）==\n"));
                s.push_str(&r.render_text());
                s.push('\n');
            }
            s
        }
        _ => render_json(
            format,
            &FileResult {
                path: &path,
                error: None,
                input_issues: &issues,
                report: Some(&report),
                unit_in_department: pair.as_ref(),
                department_error: department_error.as_deref(),
            },
        ),
    };
    Done {
        path,
        rendered,
        notes,
        tally,
    }
}

/// A document that could not be checked: `error` on standard error, and in
/// the JSON output.
fn failed(format: Format, path: &str, error: &str) -> Done {
    let rendered = match format {
        Format::Text => String::new(),
        _ => render_json(
            format,
            &FileResult {
                path,
                error: Some(error),
                input_issues: &[],
                report: None,
                unit_in_department: None,
                department_error: None,
            },
        ),
    };
    Done {
        path: path.to_owned(),
        rendered,
        notes: vec![format!("error: {error}")],
        tally: Tally {
            documents: 1,
            unusable: 1,
            ..Tally::default()
        },
    }
}

fn render_json(format: Format, result: &FileResult<'_>) -> String {
    let text = if format == Format::Jsonl {
        serde_json::to_string(result)
    } else {
        serde_json::to_string_pretty(result)
    };
    // The model's maps all have string keys: serialising cannot fail. If it
    // ever does, say so in the output rather than drop the document.
    text.unwrap_or_else(|e| {
        serde_json::json!({ "path": result.path, "error": format!("cannot write JSON: {e}") })
            .to_string()
    })
}

/// Runs `check` and returns the exit status.
pub fn run(opts: &Options<'_>) -> u8 {
    let department: Option<Disclosure> = match opts.department.map(input::load) {
        None => None,
        Some(Ok(loaded)) => Some(loaded.disclosure),
        Some(Err(e)) => {
            note!("error: the department's document: {e}");
            return UNUSABLE;
        }
    };
    let (items, skipped) = expand(opts.paths);
    let mut tally = Tally {
        skipped,
        ..Tally::default()
    };
    let bar = if opts.progress && items.len() > 1 && std::io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(
            Some(items.len() as u64),
            ProgressDrawTarget::stderr_with_hz(4),
        );
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} eta {eta} {wide_msg}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut out = Out::stdout();
    let format = opts.format;
    let many = items.len() != 1;
    let result = (|| -> Result<(), Stop> {
        if format == Format::Json && many {
            out.write("[")?;
        }
        let mut first = true;
        let department = Arc::new(department);
        let work = move |item: Item| {
            let shown = item.shown();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check_one(&item, format, department.as_ref().as_ref())
            }))
            .unwrap_or_else(|_| {
                failed(
                    format,
                    &shown,
                    "internal error while checking it (a bug of yusuan: please report it with the file)",
                )
            })
        };
        in_order_parallel(items, work, |_, done| {
            bar.inc(1);
            bar.set_message(done.path);
            tally.add(done.tally);
            bar.suspend(|| -> Result<(), Stop> {
                for n in &done.notes {
                    note!("{n}");
                }
                if done.rendered.is_empty() {
                    return Ok(());
                }
                match format {
                    Format::Text => out.write(&done.rendered)?,
                    Format::Json if many => {
                        out.write(if first { "\n" } else { ",\n" })?;
                        out.write(&done.rendered)?;
                    }
                    Format::Json | Format::Jsonl => out.line(&done.rendered)?,
                }
                first = false;
                out.flush()
            })
        })?;
        if format == Format::Json && many {
            out.write(if first { "]\n" } else { "\n]\n" })?;
        }
        out.flush()
    })();
    bar.finish_and_clear();
    // nothing to check at all (a mistyped directory) is not a clean pass
    let status = if tally.documents == 0 && tally.unusable == 0 {
        note!("error: no .json, .txt or .pdf document found in the paths given");
        UNUSABLE
    } else {
        exit_status(&tally)
    };
    match result {
        Ok(()) => {
            note!("{}", tally.summary());
            status
        }
        Err(stop) => stop.status(status),
    }
}

/// Runs `work` on every item on rayon's pool and hands the results to
/// `sink` in item order, each as soon as it and all before it are done.
/// At most `4 × threads` items are in flight or waiting, so memory stays
/// bounded however many items there are. Stops at `sink`'s first error
/// (items in flight finish and are dropped).
fn in_order_parallel<T, R, E>(
    items: Vec<T>,
    work: impl Fn(T) -> R + Send + Sync + 'static,
    mut sink: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send + 'static,
    R: Send + 'static,
{
    let window = (4 * rayon::current_num_threads()).max(4);
    let work = Arc::new(work);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    let mut pending = items.into_iter().enumerate();
    let mut submit = |n: usize| -> usize {
        let mut submitted = 0;
        for (i, item) in pending.by_ref().take(n) {
            submitted += 1;
            let (tx, work) = (tx.clone(), Arc::clone(&work));
            rayon::spawn(move || {
                // The receiver is gone only when the sink stopped.
                let _ = tx.send((i, work(item)));
            });
        }
        submitted
    };
    let mut in_flight = submit(window);
    let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
    let mut next = 0;
    while in_flight > 0 {
        let Ok((i, r)) = rx.recv() else { break };
        waiting.insert(i, r);
        while let Some(r) = waiting.remove(&next) {
            sink(next, r)?;
            next += 1;
            in_flight = in_flight - 1 + submit(1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::in_order_parallel;

    #[test]
    fn results_come_in_input_order_and_stop_at_the_first_sink_error() {
        // Later items finish first: each sleeps less than the one before.
        let n = 64;
        let mut seen = Vec::new();
        let done: Result<(), ()> = in_order_parallel(
            (0..n).collect(),
            move |i: u64| {
                std::thread::sleep(std::time::Duration::from_micros((n - i) * 50));
                i * 10
            },
            |i, r| {
                seen.push((i, r));
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        let expected: Vec<(usize, u64)> = (0..n).map(|i| (i as usize, i * 10)).collect();
        assert_eq!(seen, expected);

        let mut count = 0;
        let stopped = in_order_parallel(
            (0..1000u32).collect(),
            |i| i,
            |i, _| {
                count += 1;
                if i == 9 {
                    Err("reader left")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(stopped, Err("reader left"));
        assert_eq!(count, 10);
    }
}
