//! Reconciles a budget disclosure (预算公开) and prints the report: does
//! every total, tree, cross-table figure, narrative sentence and performance
//! table agree?
//!
//! ```text
//! cargo run --example reconcile                      # the seed fixture (embedded)
//! cargo run --example reconcile -- FILE.json         # a disclosure in yusuan's JSON
//! cargo run --example reconcile -- FILE.json --json  # the report as JSON
//! ```
//!
//! The seed fixture is embedded in the binary, so the first form works from
//! any directory. Exit status: 0 when no finding is an error, 1 when one is,
//! 2 when the input cannot be read.

use std::process::ExitCode;

use yusuan::reconcile::reconcile;
use yusuan::tables::Disclosure;

/// The 2025 unit budget of the MOHRSS Information Center, transcribed.
const SEED: &str = include_str!("data/2025-mohrss-information-center.json");

fn main() -> ExitCode {
    let mut path: Option<String> = None;
    let mut json = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: reconcile [FILE.json] [--json]");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(arg),
        }
    }

    let loaded = match &path {
        None => Disclosure::from_json(SEED),
        Some(p) => match std::fs::read_to_string(p) {
            Ok(text) => Disclosure::from_json(&text),
            Err(e) => {
                eprintln!("{p}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let disclosure = match loaded {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {e}", path.as_deref().unwrap_or("seed fixture"));
            return ExitCode::from(2);
        }
    };

    let report = reconcile(&disclosure);
    if json {
        println!("{}", report.to_json_pretty());
    } else {
        print!("{}", report.render_text());
    }
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
