//! Scores a 项目绩效目标表 against a year's actuals (绩效自评) and prints the
//! scorecard: indicator, target, actual, weight, score and formula, then the
//! total and the grade.
//!
//! ```text
//! cargo run --example score
//! cargo run --example score -- --linear --bands-80-50
//! cargo run --example score -- TARGET.json ACTUALS.json
//! ```
//!
//! Without file arguments it scores the seed's 金保工程建设及运行维护项目
//! table (examples/data/2025-jinbao-target.json) against
//! examples/data/2025-jinbao-actuals.json, whose figures are INVENTED.
//! `--linear` deducts linearly for lower-is-better indicators, `--bands-80-50`
//! uses the 80/50 qualitative bands; both are regional variants of the
//! central policy. The table is validated first and its findings printed.
//! Exit status: 0 when scored, 1 on an error, 2 on a usage error.

use std::process::ExitCode;

use yusuan::performance::{
    render, score, validate, LowerIsBetterRule, PerformanceTargetTable, ProjectActuals,
    QualitativeBands, ScoringPolicy,
};

const USAGE: &str = "usage: score [--linear] [--bands-80-50] [TARGET.json ACTUALS.json]";
const TARGET: &str = include_str!("data/2025-jinbao-target.json");
const ACTUALS: &str = include_str!("data/2025-jinbao-actuals.json");

fn main() -> ExitCode {
    let mut policy = ScoringPolicy::central();
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--linear" => {
                policy = policy.with_lower_is_better(LowerIsBetterRule::LinearDeduction);
            }
            "--bands-80-50" => {
                policy = policy.with_qualitative_bands(QualitativeBands::Bands80_50);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                eprintln!("error: unknown option {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    let (target_json, actuals_json) = match files.as_slice() {
        [] => (TARGET.to_owned(), ACTUALS.to_owned()),
        [t, a] => match (std::fs::read_to_string(t), std::fs::read_to_string(a)) {
            (Ok(t), Ok(a)) => (t, a),
            (Err(e), _) => return fail(&format!("{t}: {e}")),
            (_, Err(e)) => return fail(&format!("{a}: {e}")),
        },
        _ => {
            eprintln!("error: give both TARGET.json and ACTUALS.json, or neither\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let table: PerformanceTargetTable = match serde_json::from_str(&target_json) {
        Ok(t) => t,
        Err(e) => return fail(&format!("target table: {e}")),
    };
    let actuals: ProjectActuals = match serde_json::from_str(&actuals_json) {
        Ok(a) => a,
        Err(e) => return fail(&format!("actuals: {e}")),
    };
    run(&table, &actuals, &policy)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}

fn run(
    table: &PerformanceTargetTable,
    actuals: &ProjectActuals,
    policy: &ScoringPolicy,
) -> ExitCode {
    if let Some(note) = &actuals.note {
        println!("actuals: {note}");
    }
    let validation = validate(table, policy);
    match score(table, actuals, policy) {
        Ok(card) => {
            print!("{}", render::scorecard_text(table, &validation, &card));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}
