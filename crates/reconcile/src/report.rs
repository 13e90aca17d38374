//! The reconciliation report: per-rule outcomes, findings, summaries, and the
//! human text and JSON renderings.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Severity, Value};
use crate::rules::{Family, Rule};

/// What was checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// The document's title, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publishing unit or department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The budget year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The kind of document (单位预算, 部门预算, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The printed amount unit: `"万元"` or `"元"`.
    pub amount_unit: String,
}

/// How a rule ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every check held (info findings allowed).
    Passed,
    /// At least one warning or error.
    Failed,
    /// Not applicable to this document (see the reason).
    Skipped,
}

impl Status {
    /// 通过 / 未通过 / 跳过.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Status::Passed => "通过",
            Status::Failed => "未通过",
            Status::Skipped => "跳过",
        }
    }
}

/// The outcome of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleOutcome {
    /// The rule (its ID).
    pub rule: Rule,
    /// Chinese title (copied from the catalogue for readers of the JSON).
    pub title_zh: Cow<'static, str>,
    /// English title.
    pub title_en: Cow<'static, str>,
    /// The rule's severity beyond tolerance.
    pub severity: Severity,
    /// Passed, failed or skipped.
    pub status: Status,
    /// Why the rule was skipped (e.g. the table is absent), or, for a rule
    /// that ran, why some of its comparisons were not made
    /// ([`RuleOutcome::not_compared`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_reason: Option<Cow<'static, str>>,
    /// How many comparisons the rule made.
    pub checks: u32,
    /// How many comparisons it did not make because a cell, row or column
    /// they need was not read (never compared with a blank).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub not_compared: u32,
    /// Error findings.
    pub errors: u32,
    /// Warning findings.
    pub warnings: u32,
    /// Info findings.
    pub infos: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What was checked (核对范围): which tables were read, how many amounts
/// and comparisons, and the conclusion that follows.
///
/// The conclusion says "未发现错误" unqualified only when every one of the
/// nine tables was read completely and no rule was left unapplied for a
/// reason of reading or shape; otherwise it says what was checked and what
/// could not be read ("未发现错误（仅核对了 9 张表中的 7 张；未能读取：…）").
/// When nothing could be checked — no comparison of an amount was made by
/// a rule of the families T, X, N or P (no typed table with amounts and no
/// checkable narrative) — [`Coverage::nothing_checked`] is true and the
/// conclusion never says "未发现错误"; `yusuan check` then exits 3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Typed tables present in the model, of the nine (表1–表9).
    pub tables_read: u32,
    /// The nine.
    pub tables_expected: u32,
    /// Typed tables holding at least one amount.
    pub tables_with_amounts: u32,
    /// The Chinese names of the nine not read (absent from the model).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables_not_read: Vec<String>,
    /// The Chinese names of the tables read in part
    /// ([`yusuan_tables::Completeness::Partial`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables_partial: Vec<String>,
    /// Tables read but not typed (通用表格): read, not checked.
    pub generic_tables: u32,
    /// Amounts (and percentages) in the typed tables: what the table rules
    /// can check.
    pub table_amounts: u32,
    /// Cells of typed tables placed with less than certainty.
    pub doubtful_cells: u32,
    /// Statements of the narrative (情况说明) read as claims (amounts,
    /// shares, changes, comparisons).
    pub narrative_claims: u32,
    /// Rules that ran (passed or failed).
    pub rules_run: u32,
    /// Rules skipped.
    pub rules_skipped: u32,
    /// Comparisons not made because a cell, row or column was not read.
    pub not_compared: u32,
    /// Why rules or comparisons were not applied for reasons of reading or
    /// of a table's shape (each once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<String>,
    /// No amount could be checked (see the type's docs).
    pub nothing_checked: bool,
    /// Everything was read and every rule that fits ran: "未发现错误"
    /// unqualified.
    pub complete: bool,
    /// The conclusion (结论), in Chinese.
    pub conclusion: String,
}

/// Counts over the whole report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Rules in the catalogue.
    pub rules: u32,
    /// Rules passed.
    pub passed: u32,
    /// Rules failed.
    pub failed: u32,
    /// Rules skipped.
    pub skipped: u32,
    /// Comparisons made.
    pub checks: u32,
    /// Error findings.
    pub errors: u32,
    /// Warning findings.
    pub warnings: u32,
    /// Info findings.
    pub infos: u32,
}

/// The result of reconciling one disclosure.
///
/// # JSON
///
/// `serde_json::to_string(&report)` gives a stable document (field names are
/// part of the API; new fields may be added, none renamed or removed):
///
/// ```text
/// {
///   "subject":  { "title"?, "unit"?, "year"?, "kind"?, "amount_unit" },
///   "summary":  { "rules", "passed", "failed", "skipped", "checks",
///                 "errors", "warnings", "infos" },
///   "coverage": { "tables_read", "tables_expected", "tables_with_amounts",
///                 "tables_not_read"?: [name], "tables_partial"?: [name],
///                 "generic_tables", "table_amounts", "doubtful_cells",
///                 "narrative_claims", "rules_run", "rules_skipped",
///                 "not_compared", "gaps"?: [reason], "nothing_checked",
///                 "complete", "conclusion" },
///   "rules":    [ { "rule": "T101", "title_zh", "title_en", "severity",
///                   "status": "passed" | "failed" | "skipped",
///                   "skip_reason"?, "checks", "not_compared"?, "errors",
///                   "warnings", "infos" } ],
///   "findings": [ { "rule": "T101", "severity": "error" | "warning" | "info",
///                   "message", "location": { "table"?, "row"?, "column"? },
///                   "expected"?, "actual"?, "difference"?, "tolerance"?,
///                   "note"?, "cells": [ { "at", "label", "value"? } ] } ]
/// }
/// ```
///
/// Values are `{"kind": "amount" | "percent" | "number" | "text", "value":
/// "…"}` with numbers as strings. `coverage` is described at [`Coverage`]:
/// `conclusion` is the sentence the text report prints after "结论：";
/// `nothing_checked` is true when no amount could be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// What was checked.
    pub subject: Subject,
    /// Counts.
    pub summary: Summary,
    /// What was checked, and the conclusion.
    #[serde(default)]
    pub coverage: Coverage,
    /// One outcome per rule the report covers (those checking one document,
    /// or the `D7xx` rules comparing a unit with its department), in
    /// catalogue order.
    pub rules: Vec<RuleOutcome>,
    /// Every finding, by severity (errors first), then rule, then order found.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// Whether any finding is a warning.
    pub fn has_warnings(&self) -> bool {
        self.summary.warnings > 0
    }

    /// The findings of one severity.
    pub fn findings_of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The findings of one rule.
    pub fn findings_for(&self, rule: Rule) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// The outcome of one rule.
    pub fn outcome(&self, rule: Rule) -> Option<&RuleOutcome> {
        self.rules.iter().find(|o| o.rule == rule)
    }

    /// Pretty JSON (see the module docs for the fields).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// One line: `8 errors, 1 warning, 1 info (62 rules: 50 passed, …)` in
    /// Chinese, for a batch summary.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        format!(
            "错误 {} · 警告 {} · 提示 {}（规则 {} 条：通过 {}，未通过 {}，跳过 {}；检查 {} 项）",
            s.errors, s.warnings, s.infos, s.rules, s.passed, s.failed, s.skipped, s.checks
        )
    }

    /// The human report: a header, the summary per severity and per family,
    /// the findings grouped by severity (errors first) with expected, actual,
    /// difference and the cells, then the skipped rules.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let _ = self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut String) -> std::fmt::Result {
        let s = &self.summary;
        writeln!(out, "预算公开一致性检查报告")?;
        let mut subject = String::new();
        if let Some(unit) = &self.subject.unit {
            subject.push_str(unit);
        }
        if let Some(year) = self.subject.year {
            let _ = write!(subject, " {year} 年度");
        }
        if let Some(kind) = &self.subject.kind {
            subject.push_str(kind);
        }
        if let Some(title) = &self.subject.title {
            if !subject.is_empty() {
                subject.push_str(" · ");
            }
            subject.push_str(title);
        }
        if !subject.trim().is_empty() {
            writeln!(out, "对象：{}", subject.trim())?;
        }
        writeln!(out, "金额单位：{}", self.subject.amount_unit)?;
        let verdict = if !self.coverage.conclusion.is_empty() {
            self.coverage.conclusion.clone()
        } else if s.errors > 0 {
            format!("发现 {} 个错误", s.errors)
        } else {
            "未发现错误".to_owned()
        };
        writeln!(out, "结论：{verdict}")?;
        writeln!(out, "发现：{}", self.summary_line())?;
        if self.coverage.tables_expected > 0 {
            writeln!(out, "核对范围：{}", self.coverage.scope_line())?;
        }
        writeln!(out)?;
        writeln!(out, "按类别：")?;
        let mut families: Vec<Family> = self.rules.iter().map(|o| o.rule.family()).collect();
        families.dedup();
        for family in families {
            let (mut n, mut p, mut f, mut k) = (0, 0, 0, 0);
            for o in self.rules.iter().filter(|o| o.rule.family() == family) {
                n += 1;
                match o.status {
                    Status::Passed => p += 1,
                    Status::Failed => f += 1,
                    Status::Skipped => k += 1,
                }
            }
            writeln!(
                out,
                "  {}{} 条：通过 {p}，未通过 {f}，跳过 {k}",
                pad_zh(family.label_zh(), 18),
                n
            )?;
        }
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let count = self.findings_of(severity).count();
            writeln!(out)?;
            writeln!(out, "── {}（{count}）──", severity.label_zh())?;
            let yuan = self.subject.amount_unit == "元";
            for finding in self.findings_of(severity) {
                write_finding(out, finding, yuan)?;
            }
        }
        let partial: Vec<&RuleOutcome> = self
            .rules
            .iter()
            .filter(|o| o.status != Status::Skipped && o.not_compared > 0)
            .collect();
        if !partial.is_empty() {
            writeln!(out)?;
            writeln!(out, "── 因未读取而未作的比较（{}）──", partial.len())?;
            for o in partial {
                writeln!(
                    out,
                    "  [{}] {}：{} 项，{}",
                    o.rule.id(),
                    o.title_zh,
                    o.not_compared,
                    o.skip_reason.as_deref().unwrap_or("所需单元格未读取")
                )?;
            }
        }
        let skipped: Vec<&RuleOutcome> = self
            .rules
            .iter()
            .filter(|o| o.status == Status::Skipped)
            .collect();
        if !skipped.is_empty() {
            writeln!(out)?;
            writeln!(out, "── 跳过的规则（{}）──", skipped.len())?;
            for o in skipped {
                writeln!(
                    out,
                    "  [{}] {}：{}",
                    o.rule.id(),
                    o.title_zh,
                    o.skip_reason.as_deref().unwrap_or("不适用")
                )?;
            }
        }
        Ok(())
    }
}

impl Coverage {
    /// One line: tables read, amounts, rules run and skipped, comparisons
    /// not made.
    pub fn scope_line(&self) -> String {
        let mut line = format!(
            "读取九张表中的 {} 张（有金额 {} 张），表内金额 {} 个",
            self.tables_read, self.tables_with_amounts, self.table_amounts
        );
        if self.doubtful_cells > 0 {
            let _ = write!(line, "（其中读取存疑 {} 个）", self.doubtful_cells);
        }
        if self.generic_tables > 0 {
            let _ = write!(
                line,
                "；通用表格 {} 张（已读取，未核对）",
                self.generic_tables
            );
        }
        let _ = write!(
            line,
            "；说明语句 {} 条；规则运行 {} 条、跳过 {} 条",
            self.narrative_claims, self.rules_run, self.rules_skipped
        );
        if self.not_compared > 0 {
            let _ = write!(line, "；因未读取而未作的比较 {} 项", self.not_compared);
        }
        line
    }
}

/// Pads Chinese text to a display width (CJK characters count as 2).
fn pad_zh(text: &str, width: usize) -> String {
    let w: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    let mut s = text.to_owned();
    for _ in w..width {
        s.push(' ');
    }
    s
}

/// A tolerance in the unit its difference is shown in: a 万元 difference
/// beside a 万元 tolerance (`差额 1.00 · 容差 ±0.015`), a 元 difference
/// beside a 元 one, never the one beside the other.
fn tolerance_text(t: &Value, difference: Option<&Value>, yuan: bool) -> String {
    let (Value::Amount(t), Some(Value::Amount(d))) = (t, difference) else {
        return t.text(yuan);
    };
    let difference_in_yuan = d.value().scale() > 2 && d.to_yuan().is_ok();
    match (difference_in_yuan, t.to_yuan()) {
        (true, Ok(y)) => {
            let mut y = y.normalize();
            if y.scale() < 2 {
                y.rescale(2);
            }
            let text = yusuan_money::Wan::new(y).to_string();
            if yuan {
                text
            } else {
                format!("{text} 元")
            }
        }
        _ if yuan => format!("{t} 万元"),
        _ => t.to_string(),
    }
}

fn write_finding(out: &mut String, f: &Finding, yuan: bool) -> std::fmt::Result {
    writeln!(out, "[{}] {}", f.rule.id(), f.rule.title_zh())?;
    let location = f.location.to_string();
    if !location.is_empty() {
        writeln!(out, "  位置：{location}")?;
    }
    writeln!(out, "  {}", f.message)?;
    let mut numbers = Vec::new();
    if let Some(e) = &f.expected {
        // An inequality's expected value is a bound, on the side the
        // printed value crossed.
        let inequality = f.rule.info().tolerance == crate::Tolerance::RoundingInequality;
        let expected = match (&f.expected, &f.actual) {
            (Some(Value::Amount(e)), Some(Value::Amount(a))) if inequality && a > e => "应不大于",
            (Some(Value::Amount(e)), Some(Value::Amount(a))) if inequality && a < e => "应不小于",
            _ => "应为",
        };
        numbers.push(format!("{expected} {}", e.text(yuan)));
    }
    if let Some(a) = &f.actual {
        numbers.push(format!("实际 {}", a.text(yuan)));
    }
    if let Some(d) = &f.difference {
        numbers.push(format!("差额 {}", d.text(yuan)));
    }
    if let Some(t) = &f.tolerance {
        numbers.push(format!(
            "容差 ±{}",
            tolerance_text(t, f.difference.as_ref(), yuan)
        ));
    }
    if !numbers.is_empty() {
        writeln!(out, "  {}", numbers.join(" · "))?;
    }
    if let Some(note) = &f.note {
        writeln!(out, "  注：{note}")?;
    }
    if !f.cells.is_empty() {
        writeln!(out, "  单元格：")?;
        for c in &f.cells {
            match &c.value {
                Some(v) => writeln!(out, "    {} = {}", c.label, v.text(yuan))?,
                None => writeln!(out, "    {} = （空白）", c.label)?,
            }
        }
    }
    Ok(())
}
