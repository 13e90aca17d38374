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
    score, validate, LowerIsBetterRule, PerformanceTargetTable, ProjectActuals, QualitativeBands,
    ScoringPolicy, Severity,
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
    println!("项目绩效自评 — {}", table.project_name);
    println!(
        "主管部门 {}    年度资金总额 {} 万元    policy: {}",
        table.department.label(),
        table
            .funds
            .total
            .map(|w| w.to_string())
            .unwrap_or_else(|| "-".to_owned()),
        policy.name
    );
    if let Some(note) = &actuals.note {
        println!("actuals: {note}");
    }

    let report = validate(table, policy);
    let count = |s: Severity| report.issues.iter().filter(|i| i.severity == s).count();
    println!(
        "\nvalidation: {} error(s), {} warning(s), {} note(s); weights {}",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        report.split
    );
    for issue in report
        .issues
        .iter()
        .filter(|i| i.severity != Severity::Info)
    {
        println!("  {issue}");
    }

    let card = match score(table, actuals, policy) {
        Ok(card) => card,
        Err(e) => return fail(&e.to_string()),
    };

    let widths = [4, 30, 14, 14, 6, 6];
    let header = ["#", "三级指标", "指标值", "实际值", "分值", "得分"];
    println!();
    println!("{}  公式", row(&header.map(str::to_owned), &widths));
    println!(
        "{}",
        "-".repeat(widths.iter().sum::<usize>() + 2 * widths.len() + 30)
    );
    if let Some(e) = &card.execution {
        let cells = [
            "-".to_owned(),
            "预算执行率".to_owned(),
            "-".to_owned(),
            e.rate.to_string(),
            e.weight.to_string(),
            e.score.to_string(),
        ];
        println!("{}  {}", row(&cells, &widths), e.formula);
    }
    let mut group = None;
    for line in &card.lines {
        if group != Some(line.level2) {
            group = Some(line.level2);
            println!("[{} / {}]", line.level1, line.level2);
        }
        let (score, formula) = match &line.outcome {
            Some(o) => (o.score.to_string(), format!("{}: {}", o.rule, o.formula)),
            None => ("—".to_owned(), "no actual given".to_owned()),
        };
        let cells = [
            line.index.to_string(),
            line.name.clone(),
            line.target.clone(),
            line.actual
                .as_ref()
                .map(|a| a.to_string())
                .unwrap_or_else(|| "(missing)".to_owned()),
            line.weight.to_string(),
            score,
        ];
        println!("{}  {}", row(&cells, &widths), formula);
    }
    println!();
    if !card.missing.is_empty() {
        println!("missing actuals (not scored): {}", card.missing.join("; "));
    }
    println!("总分 {} / {}", card.total, card.max_total.normalize());
    match card.grade {
        Some(g) => println!("评价等级 {g}"),
        None => println!("评价等级: not graded while actuals are missing"),
    }
    ExitCode::SUCCESS
}

/// Display width of a cell: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// Cuts a cell to `max` columns, marking the cut with `…`.
fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(&c.to_string()) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn row(cells: &[String], widths: &[usize]) -> String {
    cells
        .iter()
        .zip(widths)
        .map(|(cell, &w)| {
            let cell = fit(cell, w);
            let pad = w.saturating_sub(width(&cell));
            format!("{cell}{}", " ".repeat(pad))
        })
        .collect::<Vec<_>>()
        .join("  ")
}
