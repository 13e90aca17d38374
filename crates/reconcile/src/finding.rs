//! Findings (检查发现): what a rule found, where, and by how much.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use yusuan_money::{Percent, Wan};

use yusuan_tables::NumberRef;

use crate::rules::Rule;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示: worth knowing, not wrong (e.g. a share adjusted so the list sums
    /// to 100.00%, a code the partial catalog does not know).
    Info,
    /// 警告: probably right, worth a look (e.g. a difference consistent with
    /// rounding).
    Warning,
    /// 错误: the document contradicts itself.
    Error,
}

impl Severity {
    /// 错误 / 警告 / 提示.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    /// error / warning / info.
    pub const fn label_en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label_en())
    }
}

/// A value in a finding: an amount, a percentage, a plain number or text.
///
/// Serialised as `{"kind": "amount", "value": "8633.56"}` (numbers as
/// strings, never floats).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Value {
    /// An amount in 万元.
    Amount(Wan),
    /// A percentage (percentage points).
    Percent(Percent),
    /// A plain number (a weight, a count).
    Number(#[serde(with = "rust_decimal::serde::str")] Decimal),
    /// Text (a name, a code, a word).
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Amount(w) => write!(f, "{w}"),
            Value::Percent(p) => write!(f, "{p}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(t) => f.write_str(t),
        }
    }
}

impl From<Wan> for Value {
    fn from(w: Wan) -> Self {
        Value::Amount(w)
    }
}

impl From<Percent> for Value {
    fn from(p: Percent) -> Self {
        Value::Percent(p)
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Value::Number(d)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

/// An amount as text for a reader: an amount kept with more than two
/// decimals of 万元 comes from a table printed in 元 and is shown in 元
/// (`86,959,408.34 元`); other amounts are 万元, shown plain when the
/// document is in 万元 (`8,633.56`) and with their unit otherwise.
pub fn amount_text(w: Wan, document_in_yuan: bool) -> String {
    if w.value().scale() > 2 {
        if let Ok(yuan) = w.to_yuan() {
            let mut y = yuan.normalize();
            if y.scale() < 2 {
                y.rescale(2);
            }
            let text = Wan::new(y).to_string();
            return if document_in_yuan {
                text
            } else {
                format!("{text} 元")
            };
        }
    }
    if document_in_yuan {
        format!("{w} 万元")
    } else {
        w.to_string()
    }
}

impl Value {
    /// As text, amounts by [`amount_text`].
    pub fn text(&self, document_in_yuan: bool) -> String {
        match self {
            Value::Amount(w) => amount_text(*w, document_in_yuan),
            other => other.to_string(),
        }
    }
}

/// One number taking part in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellUse {
    /// Its address in the disclosure: `{"cell": {"table": …, "row": …,
    /// "column": …}}`, `{"narrative": {"claim": 3, "field": "percent"}}`, …
    /// (read it back with `Disclosure::get`).
    pub at: NumberRef,
    /// A readable Chinese label: table title, row name, column
    /// (`Disclosure::describe`).
    pub label: String,
    /// The value printed there; `None` for a blank cell.
    pub value: Option<Value>,
}

/// Where a finding is: table, row (code or label) and column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The table's Chinese name (收支总表 …), or 情况说明 / 项目绩效目标表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// The row: a classification code with its name, or a line label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl Location {
    /// A location in `table`.
    pub fn table(table: impl Into<String>) -> Self {
        Location {
            table: Some(table.into()),
            row: None,
            column: None,
        }
    }

    /// Sets the row.
    pub fn row(mut self, row: impl Into<String>) -> Self {
        self.row = Some(row.into());
        self
    }

    /// Sets the column.
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [&self.table, &self.row, &self.column]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        f.write_str(&parts.join(" · "))
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule (serialised as its ID, e.g. `"T101"`).
    pub rule: Rule,
    /// How serious.
    pub severity: Severity,
    /// What was found, in Chinese.
    pub message: String,
    /// Where.
    pub location: Location,
    /// What the identity computes (or the other printing of the figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    /// What is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// `actual − expected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<Value>,
    /// The rounding bound applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Value>,
    /// Why the finding has this severity (e.g. "consistent with rounding of
    /// 3 parts, bound 0.015"; "尾差 on the last item").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Every cell taking part, the one under test first.
    #[serde(default)]
    pub cells: Vec<CellUse>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_show_in_the_unit_they_were_printed_in() {
        let yuan = |s: &str| Wan::from_yuan_exact(s.parse().unwrap());
        // 86,959,408.34 元 kept exactly as 8,695.940834 万元
        assert_eq!(amount_text(yuan("86959408.34"), true), "86,959,408.34");
        assert_eq!(amount_text(yuan("0.34"), true), "0.34");
        assert_eq!(amount_text(yuan("100"), false), "100.00 元");
        // 万元 figures (the narrative) in a 元 document carry their unit
        assert_eq!(
            amount_text(Wan::parse("37151.47").unwrap(), true),
            "37,151.47 万元"
        );
        assert_eq!(
            amount_text(Wan::parse("8633.56").unwrap(), false),
            "8,633.56"
        );
    }
}
