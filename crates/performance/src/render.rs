//! A scorecard as aligned text for a terminal (Chinese headers).

use std::fmt::Write as _;

use yusuan_money::text::pad_to;

use crate::{PerformanceTargetTable, Scorecard, Severity, ValidationReport};

const WIDTHS: [usize; 6] = [4, 30, 14, 14, 6, 6];

fn row(cells: &[String]) -> String {
    cells
        .iter()
        .zip(WIDTHS)
        .map(|(cell, w)| pad_to(cell, w))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Renders the validation summary and the scorecard of one project:
/// indicator, target, actual, weight, score and formula, then the total and
/// the grade. Informational validation notes are counted, not listed.
///
/// ```
/// use yusuan_performance::{render, score, validate, PerformanceTargetTable, ProjectActuals, ScoringPolicy};
/// # let table: PerformanceTargetTable = serde_json::from_str(include_str!("../../../examples/data/2025-jinbao-target.json")).unwrap();
/// # let actuals: ProjectActuals = serde_json::from_str(include_str!("../../../examples/data/2025-jinbao-actuals.json")).unwrap();
/// let policy = ScoringPolicy::central();
/// let card = score(&table, &actuals, &policy)?;
/// let text = render::scorecard_text(&table, &validate(&table, &policy), &card);
/// assert!(text.contains("预算执行率"));
/// assert!(text.contains("总分"));
/// # Ok::<(), yusuan_performance::PerformanceError>(())
/// ```
pub fn scorecard_text(
    table: &PerformanceTargetTable,
    validation: &ValidationReport,
    card: &Scorecard,
) -> String {
    let mut out = String::new();
    let funds = table
        .funds
        .total
        .map(|w| w.to_string())
        .unwrap_or_else(|| "-".to_owned());
    let _ = writeln!(out, "项目绩效自评 — {}", table.project_name);
    let _ = writeln!(
        out,
        "主管部门 {}    年度资金总额 {} 万元    policy: {}",
        table.department.label(),
        funds,
        card.policy
    );
    let count = |s: Severity| validation.issues.iter().filter(|i| i.severity == s).count();
    let _ = writeln!(
        out,
        "\nvalidation: {} error(s), {} warning(s), {} note(s); weights {}",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        validation.split
    );
    for issue in validation
        .issues
        .iter()
        .filter(|i| i.severity != Severity::Info)
    {
        let _ = writeln!(out, "  {issue}");
    }
    let header = ["#", "三级指标", "指标值", "实际值", "分值", "得分"].map(str::to_owned);
    let _ = writeln!(out, "\n{}  公式", row(&header));
    let _ = writeln!(
        out,
        "{}",
        "-".repeat(WIDTHS.iter().sum::<usize>() + 2 * WIDTHS.len() + 30)
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
        let _ = writeln!(out, "{}  {}", row(&cells), e.formula);
    }
    let mut group = None;
    for line in &card.lines {
        if group != Some(line.level2) {
            group = Some(line.level2);
            let _ = writeln!(out, "[{} / {}]", line.level1, line.level2);
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
        let _ = writeln!(out, "{}  {}", row(&cells), formula);
    }
    out.push('\n');
    if !card.missing.is_empty() {
        let _ = writeln!(
            out,
            "missing actuals (not scored): {}",
            card.missing.join("; ")
        );
    }
    let _ = writeln!(out, "总分 {} / {}", card.total, card.max_total.normalize());
    match card.grade {
        Some(g) => {
            let _ = writeln!(out, "评价等级 {g}");
        }
        None => {
            let _ = writeln!(out, "评价等级: not graded while actuals are missing");
        }
    }
    out
}
