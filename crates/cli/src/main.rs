//! `yusuan`: check, show, score and look up China's government budget
//! disclosures (预算公开) from the command line.
//!
//! ```text
//! yusuan check FILE|DIR... [--format text|json]   reconcile disclosures (.json, .txt, .pdf)
//! yusuan import FILE [-o OUT.json]                read a disclosure's text into the JSON model
//! yusuan show FILE                                print every table as aligned text
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

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    Check {
        /// Files (.json model, .txt extracted text, .pdf) or directories
        /// (searched recursively for those extensions).
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
    },
    /// Read a disclosure's text (.txt from pdftotext, or .pdf) into the JSON model.
    Import {
        /// The .txt or .pdf file.
        file: PathBuf,
        /// Where to write the JSON (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print every table of a disclosure as aligned text.
    Show {
        /// A .json, .txt or .pdf disclosure.
        file: PathBuf,
    },
    /// Print classification codes with their full path and names; harvest
    /// the codes documents print (--harvest); say what the catalog covers (--coverage).
    Code(code::CodeArgs),
    /// Score a 项目绩效目标表 against actuals (绩效自评).
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
    /// JSON: one object per file ({path, input_issues, report}); an array
    /// when several files are checked.
    Json,
}

/// Exit status: success.
const OK: u8 = 0;
/// Exit status: findings or a negative answer.
const FINDINGS: u8 = 1;
/// Exit status: unusable input.
const UNUSABLE: u8 = 2;
/// Exit status of `check`: an input was read but nothing in it could be
/// checked.
const NOTHING_CHECKED: u8 = 3;

/// The worse of two exit statuses of `check`: unusable input (2) over
/// findings (1) over nothing checked (3) over success (0).
fn worse(a: u8, b: u8) -> u8 {
    let rank = |s: u8| match s {
        UNUSABLE => 3,
        FINDINGS => 2,
        NOTHING_CHECKED => 1,
        _ => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            department,
        } => check::run(&paths, format == Format::Json, department.as_deref()),
        Command::Import { file, output } => import(&file, output.as_deref()),
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

fn import(file: &std::path::Path, output: Option<&std::path::Path>) -> u8 {
    let loaded = match input::load(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return UNUSABLE;
        }
    };
    for issue in &loaded.issues {
        eprintln!("{}: {issue}", file.display());
    }
    let json = loaded.disclosure.to_json();
    match output {
        Some(out) => {
            if let Err(e) = std::fs::write(out, json + "\n") {
                eprintln!("error: cannot write {}: {e}", out.display());
                return UNUSABLE;
            }
            eprintln!(
                "wrote {} ({} input issue(s))",
                out.display(),
                loaded.issues.len()
            );
        }
        None => println!("{json}"),
    }
    OK
}

fn show(file: &std::path::Path) -> u8 {
    match input::load(file) {
        Ok(loaded) => {
            for issue in &loaded.issues {
                eprintln!("{}: {issue}", file.display());
            }
            print!("{}", yusuan_tables::render::text_all(&loaded.disclosure));
            OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            UNUSABLE
        }
    }
}

fn score(table: &std::path::Path, actuals: &std::path::Path, linear: bool, bands: bool) -> u8 {
    use yusuan_performance::{
        render, score, validate, LowerIsBetterRule, PerformanceTargetTable, ProjectActuals,
        QualitativeBands, ScoringPolicy,
    };
    fn read<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
    let (table, actuals): (PerformanceTargetTable, ProjectActuals) =
        match (read(table), read(actuals)) {
            (Ok(t), Ok(a)) => (t, a),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("error: {e}");
                return UNUSABLE;
            }
        };
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
            print!("{}", render::scorecard_text(&table, &validation, &card));
            if card.grade.is_some() {
                OK
            } else {
                FINDINGS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            UNUSABLE
        }
    }
}

fn explain(rule: Option<&str>) -> u8 {
    use yusuan_reconcile::Rule;
    match rule {
        None => {
            for rule in Rule::ALL {
                let info = rule.info();
                println!("{}  {:<7}  {}", info.id, info.severity, info.title_zh);
            }
            OK
        }
        Some(id) => match Rule::from_id(id) {
            Some(rule) => {
                println!("{}", rule.explain());
                OK
            }
            None => {
                eprintln!("error: no rule {id:?}; `yusuan explain` lists them all");
                UNUSABLE
            }
        },
    }
}
