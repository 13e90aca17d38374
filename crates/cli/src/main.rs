//! `yusuan`: check, show, score and look up China's government budget
//! disclosures (预算公开) from the command line.
//!
//! ```text
//! yusuan check FILE|DIR|-... [--format text|json|jsonl]   reconcile disclosures (.json, .txt, .pdf)
//! yusuan import FILE [-o OUT.json]                read a disclosure's text into the JSON model
//! yusuan show FILE                                print every table (and 政府采购, 机关运行经费, 国有资产占有) as aligned text
//! yusuan code CODE... [--year Y]                  classification codes with their full path
//! yusuan code --harvest FILE|DIR... | --coverage  codes printed in documents; catalog coverage
//! yusuan score TABLE.json ACTUALS.json            score a 项目绩效目标表 (绩效自评)
//! yusuan explain RULE                             what a reconciliation rule checks
//! ```
//!
//! Exit status of `check`: 0 when no input has an error finding, 1 when
//! some has, 2 when some input could not be read at all, 3 when an input
//! was read but nothing in it could be checked (no typed table with amounts
//! and no checkable narrative: the report says so and never "未发现错误").
//! When files differ, unusable input (2) wins over findings (1), findings
//! over nothing checked (3), and 3 over 0. The other commands exit 0 on success, 1 when the
//! answer is negative (e.g. a code without a name in the catalog) and 2 on
//! unusable input or a usage error.
//!
//! Output is written through [`output::Out`]: a closed pipe ends a command
//! quietly, any other write error is a message and exit 2, never a panic.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod check;
mod code;
mod input;
mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use output::{Out, Stop};

/// Budget disclosures (预算公开): reconcile, import, show, score, look up.
#[derive(Debug, Parser)]
#[command(name = "yusuan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Reconcile disclosures: every identity within and across the tables,
    /// the narrative and the performance tables.
    ///
    /// Exit status: 0 no error found in what was checked (the report's
    /// 结论 says what that was); 1 some input has an error finding; 2 some
    /// input could not be read at all; 3 an input was read but nothing in it
    /// could be checked (no table with amounts, no checkable narrative).
    /// Precedence over several files: 2, then 1, then 3, then 0.
    #[command(after_help = check::AFTER_HELP)]
    Check {
        /// Files (.json model, .txt extracted text, .pdf), directories
        /// (searched recursively for those extensions) or `-` for standard
        /// input (a JSON model or extracted text).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The 部门预算 that includes the unit budgets given as FILE: each is
        /// also checked against it (rules D7xx: no figure of the department
        /// smaller than the unit's).
        #[arg(long, value_name = "DEPT")]
        department: Option<PathBuf>,
        /// Never show a progress bar (it is shown only when standard error
        /// is a terminal and more than one document is checked).
        #[arg(long)]
        no_progress: bool,
    },
    /// Read a disclosure's text (.txt from pdftotext, or .pdf) into the JSON model.
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// The .txt or .pdf file.
        file: PathBuf,
        /// Where to write the JSON (default: standard output). Never the
        /// input file itself.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write one SVG picture per page into this directory: the words,
        /// and drawn over them the tables, heading cells, columns and rows
        /// found, amounts placed in no table in red.
        #[arg(long, value_name = "DIR")]
        debug_dir: Option<PathBuf>,
    },
    /// Print every table of a disclosure as aligned text, then the other
    /// matters it states (政府采购 with its 中小企业 figures, 机关运行经费,
    /// 国有资产占有).
    #[command(after_help = SHOW_HELP)]
    Show {
        /// A .json, .txt or .pdf disclosure.
        file: PathBuf,
    },
    /// Print classification codes with their full path and names; harvest
    /// the codes documents print (--harvest); say what the catalog covers (--coverage).
    #[command(after_help = CODE_HELP)]
    Code(code::CodeArgs),
    /// Score a 项目绩效目标表 against actuals (绩效自评).
    #[command(after_help = SCORE_HELP)]
    Score {
        /// The target table (JSON, as in examples/data/2025-jinbao-target.json).
        table: PathBuf,
        /// The actuals (JSON, as in examples/data/2025-jinbao-actuals.json).
        actuals: PathBuf,
        /// Lower-is-better indicators deduct linearly (a regional variant).
        #[arg(long)]
        linear: bool,
        /// Qualitative bands 80/50 instead of 80/60 (a regional variant).
        #[arg(long)]
        bands_80_50: bool,
    },
    /// Explain a reconciliation rule by its ID, or list all rules.
    #[command(after_help = EXPLAIN_HELP)]
    Explain {
        /// A rule ID; omit to list every rule.
        rule: Option<String>,
    },
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable, grouped by severity, with Chinese labels.
    Text,
    /// JSON: one pretty-printed object per document ({path, input_issues,
    /// report}); a single object when one document is checked, an array of
    /// them otherwise. Written as the documents are checked (the array is
    /// not held in memory).
    Json,
    /// JSON Lines: one compact object per document and line, the same
    /// object as `json`, written as each document is checked; always one
    /// line per document, even for one.
    Jsonl,
}

/// Exit status: success.
const OK: u8 = 0;
/// Exit status: findings or a negative answer.
const FINDINGS: u8 = 1;
/// Exit status: unusable input, a usage error, or output that cannot be
/// written.
const UNUSABLE: u8 = 2;
/// Exit status of `check`: an input was read but nothing in it could be
/// checked.
const NOTHING_CHECKED: u8 = 3;

const IMPORT_HELP: &str = "\
Exit status:
  0  the JSON was written (import warnings, if any, are on standard error)
  2  the input cannot be read or is not a budget disclosure, an amount or
     the year is out of range, OUT is the input file, or the output cannot
     be written";

const SHOW_HELP: &str = "\
Exit status:
  0  the tables were printed
  2  the input cannot be read or is not a budget disclosure, or the output
     cannot be written";

const CODE_HELP: &str = "\
Exit status:
  0  every code (or name) has an entry in the catalog for the year; the
     harvest or the coverage was printed
  1  some code or name has no entry in the embedded catalog (it is partial)
  2  a code that does not parse, a file that cannot be read, or the output
     cannot be written";

const SCORE_HELP: &str = "\
Exit status:
  0  scored and graded, and the target table has no validation error
  1  the target table has validation errors (the scorecard is still
     printed), or no grade (an actual is missing)
  2  a file cannot be read or parsed, the actuals are another project's
     (项目名称 differs) or name an indicator the table does not have, or the
     output cannot be written";

const EXPLAIN_HELP: &str = "\
Exit status:
  0  the rule (or the list) was printed
  2  no such rule, or the output cannot be written";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            department,
            no_progress,
        } => check::run(&check::Options {
            paths: &paths,
            format,
            department: department.as_deref(),
            progress: !no_progress,
        }),
        Command::Import {
            file,
            output,
            debug_dir,
        } => import(&file, output.as_deref(), debug_dir.as_deref()),
        Command::Show { file } => show(&file),
        Command::Code(args) => code::run(&args),
        Command::Score {
            table,
            actuals,
            linear,
            bands_80_50,
        } => score(&table, &actuals, linear, bands_80_50),
        Command::Explain { rule } => explain(rule.as_deref()),
    };
    ExitCode::from(code)
}

/// Runs `body` with standard output and returns `status`; a failed write
/// ends it by [`Stop::status`] (a broken pipe keeps `status`).
fn with_stdout(status: u8, body: impl FnOnce(&mut Out) -> Result<(), Stop>) -> u8 {
    let mut out = Out::stdout();
    match body(&mut out).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(stop) => stop.status(status),
    }
}

/// Whether `a` and `b` name the same file (`b` need not exist).
fn same_file(a: &Path, b: &Path) -> bool {
    let Ok(a) = std::fs::canonicalize(a) else {
        return false;
    };
    if let Ok(b) = std::fs::canonicalize(b) {
        return a == b;
    }
    // `b` does not exist yet: compare its parent directory and name.
    let parent = match b.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), b.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name) == a,
        _ => false,
    }
}

/// `tables: 9 typed, 2 generic (read, not checked); amounts: 231 printed, 231
/// placed, 0 unplaced`.
fn reading_line(loaded: &input::Loaded) -> String {
    let t = &loaded.disclosure.tables;
    let mut s = format!(
        "tables: {} typed, {} generic (read, not checked)",
        t.kinds().len(),
        t.generic.len()
    );
    if let Some(l) = &loaded.layout {
        let placed = l.scan.placed_amounts();
        let unplaced = l.scan.unplaced.len();
        s.push_str(&format!(
            "; amounts printed in tables: {}, placed {placed}, unplaced {unplaced}{}",
            placed + unplaced,
            if unplaced > 0 {
                " (listed under `unplaced` in the JSON)"
            } else {
                ""
            }
        ));
    }
    s
}

/// Writes `page-001.svg`, … into `dir`.
fn write_debug_pictures(dir: &Path, loaded: &input::Loaded) -> Result<usize, String> {
    let Some(l) = &loaded.layout else {
        return Err("the input has no page geometry (raw text or JSON): give the PDF or its pdftotext -layout text".into());
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for page in &l.pages {
        let path = dir.join(format!("page-{:03}.svg", page.number));
        std::fs::write(&path, yusuan_layout::debug_svg(page, &l.scan))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(l.pages.len())
}

fn import(file: &Path, output: Option<&Path>, debug_dir: Option<&Path>) -> u8 {
    if let Some(out) = output {
        if same_file(file, out) {
            note!(
                "error: {} is the input file; refusing to overwrite it (give another -o)",
                out.display()
            );
            return UNUSABLE;
        }
    }
    let loaded = match input::load(file) {
        Ok(l) => l,
        Err(e) => {
            note!("error: {e}");
            return UNUSABLE;
        }
    };
    for issue in &loaded.issues {
        note!("{}: {issue}", file.display());
    }
    note!("{}: {}", file.display(), reading_line(&loaded));
    if let Some(dir) = debug_dir {
        match write_debug_pictures(dir, &loaded) {
            Ok(n) => note!("wrote {n} page picture(s) into {}", dir.display()),
            Err(e) => {
                note!("error: {e}");
                return UNUSABLE;
            }
        }
    }
    let json = loaded.disclosure.to_json();
    match output {
        Some(out) => {
            if let Err(e) = std::fs::write(out, json + "\n") {
                note!("error: cannot write {}: {e}", out.display());
                return UNUSABLE;
            }
            note!(
                "wrote {} ({} input issue(s))",
                out.display(),
                loaded.issues.len()
            );
            OK
        }
        None => with_stdout(OK, |out| out.line(&json)),
    }
}

fn show(file: &Path) -> u8 {
    match input::load(file) {
        Ok(loaded) => {
            for issue in &loaded.issues {
                note!("{}: {issue}", file.display());
            }
            with_stdout(OK, |out| {
                out.write(&yusuan_tables::render::text_all(&loaded.disclosure))
            })
        }
        Err(e) => {
            note!("error: {e}");
            UNUSABLE
        }
    }
}

fn score(table: &Path, actuals: &Path, linear: bool, bands: bool) -> u8 {
    use yusuan_performance::{
        render, score, validate, LowerIsBetterRule, PerformanceTargetTable, ProjectActuals,
        QualitativeBands, ScoringPolicy,
    };
    fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        serde_json::from_str(text).map_err(|e| format!("{}: {e}", path.display()))
    }
    let (table_path, actuals_path) = (table, actuals);
    let (table, actuals): (PerformanceTargetTable, ProjectActuals) =
        match (read(table), read(actuals)) {
            (Ok(t), Ok(a)) => (t, a),
            (Err(e), _) | (_, Err(e)) => {
                note!("error: {e}");
                return UNUSABLE;
            }
        };
    let squeeze = yusuan_money::text::squeeze;
    if squeeze(&table.project_name) != squeeze(&actuals.project_name) {
        note!(
            "error: {} are the actuals of {:?}, but {} is the target table of {:?}",
            actuals_path.display(),
            actuals.project_name,
            table_path.display(),
            table.project_name
        );
        return UNUSABLE;
    }
    let mut policy = ScoringPolicy::central();
    if linear {
        policy = policy.with_lower_is_better(LowerIsBetterRule::LinearDeduction);
    }
    if bands {
        policy = policy.with_qualitative_bands(QualitativeBands::Bands80_50);
    }
    let validation = validate(&table, &policy);
    match score(&table, &actuals, &policy) {
        Ok(card) => {
            let status = if card.grade.is_some() && validation.is_valid() {
                OK
            } else {
                FINDINGS
            };
            if !validation.is_valid() {
                note!(
                    "{}: {} validation error(s) in the target table (see the scorecard)",
                    table_path.display(),
                    validation.errors().count()
                );
            }
            with_stdout(status, |out| {
                out.write(&render::scorecard_text(&table, &validation, &card))
            })
        }
        Err(e) => {
            note!("error: {e}");
            UNUSABLE
        }
    }
}

fn explain(rule: Option<&str>) -> u8 {
    use yusuan_reconcile::Rule;
    match rule {
        None => with_stdout(OK, |out| {
            for rule in Rule::ALL {
                let info = rule.info();
                out.line(&format!(
                    "{}  {:<7}  {}",
                    info.id, info.severity, info.title_zh
                ))?;
            }
            Ok(())
        }),
        Some(id) => match Rule::from_id(id) {
            Some(rule) => with_stdout(OK, |out| out.line(&rule.explain())),
            None => {
                note!("error: no rule {id:?}; `yusuan explain` lists them all");
                UNUSABLE
            }
        },
    }
}
