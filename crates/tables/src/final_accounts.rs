//! The 决算 (final accounts) tables whose shape no budget table has: the
//! 收入支出决算总表, the 财政拨款收入支出决算总表, the 一般公共预算财政拨款基本
//! 支出决算表 (code rows with their 决算数, 人员经费合计 and 公用经费合计) and
//! the 政府性基金 / 国有资本经营预算财政拨款收入支出决算表 (年初结转和结余,
//! 本年收入, 本年支出 合计/基本/项目, 年末结转和结余 by 功能分类).
//!
//! The other 决算 tables fill the budget kinds of the same shape: the 收入
//! 决算表 the 收入总表 ([`TableKind::IncomeSummary`]), the 支出决算表 the
//! 支出总表, the 一般公共预算财政拨款支出决算表 the 一般公共预算支出表, the
//! "三公" 决算表 the "三公" table with 预算数 and 决算数 periods.
//!
//! Every amount is addressable as a [`crate::CellRef`] of its
//! [`TableKind`] ([`TableKind::EXTRA`]), a [`RowKey`] (a [`Line`], a
//! 功能分类 or 经济分类 code, or the 合计 row) and a [`Column`]:
//! [`crate::Disclosure::cells`], [`crate::Disclosure::get`] and
//! [`crate::Disclosure::describe`] reach them like any other cell.
//!
//! JSON (under `tables`, key `final_accounts`; every part optional):
//!
//! ```json
//! "final_accounts": {
//!   "income_expenditure_summary": {
//!     "meta": { "title": "收入支出决算总表" },
//!     "columns": ["total"],
//!     "rows": [ { "key": "general_budget_appropriation",
//!                 "label": "一、一般公共预算财政拨款收入",
//!                 "amounts": { "total": "9746.50" } },
//!               { "key": "208", "label": "八、社会保障和就业支出",
//!                 "amounts": { "total": "754.75" } } ]
//!   },
//!   "basic_expenditure": { "rows": [ { "key": "personnel_total", "label": "人员经费合计",
//!                                      "amounts": { "total": "4884.09" } } ] }
//! }
//! ```
//!
//! ```
//! use yusuan_money::Wan;
//! use yusuan_tables::*;
//! let mut t = FinalTable::default();
//! t.rows.push(FinalRow::new(Line::PersonnelTotal, "人员经费合计")
//!     .with(Column::Total, Wan::parse("4884.09")?));
//! let mut d = Disclosure::builder("某局", 2024).build_unchecked();
//! d.tables.final_accounts.basic_expenditure = Some(t);
//! let at = CellRef::new(TableKind::FinalBasicExpenditure, Line::PersonnelTotal, Column::Total);
//! assert_eq!(d.get(&at.into()), Some(Wan::parse("4884.09")?.into()));
//! assert_eq!(d.describe(&at.into()), "一般公共预算财政拨款基本支出决算表 / 人员经费合计 / 决算数");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use yusuan_money::Wan;

use crate::kinds::{Column, Line, RowKey, TableKind};
use crate::tables::{Number, TableMeta};
use crate::TablesError;

/// One 决算 table of [`FinalAccounts`]: rows keyed by a [`RowKey`], each with
/// its printed label and its amounts by [`Column`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalTable {
    /// Printed title, unit, note and how the table was read.
    #[serde(default)]
    pub meta: TableMeta,
    /// The amount columns printed, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// The rows, in printed order (the 收入 side before the 支出 side of
    /// a summary table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<FinalRow>,
}

/// One row of a [`FinalTable`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalRow {
    /// The row: a [`Line`], a code, or [`RowKey::Total`].
    pub key: RowKey,
    /// The label as printed (`八、社会保障和就业支出`, `人员经费合计`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The amounts printed, by column (a blank cell is absent).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub amounts: BTreeMap<Column, Wan>,
}

impl FinalRow {
    /// A row without amounts.
    pub fn new(key: impl Into<RowKey>, label: impl Into<String>) -> FinalRow {
        FinalRow {
            key: key.into(),
            label: label.into(),
            amounts: BTreeMap::new(),
        }
    }

    /// The row with `column` set to `amount`.
    #[must_use]
    pub fn with(mut self, column: Column, amount: Wan) -> FinalRow {
        self.amounts.insert(column, amount);
        self
    }

    /// The amount in `column`, if printed.
    pub fn get(&self, column: Column) -> Option<Wan> {
        self.amounts.get(&column).copied()
    }
}

impl FinalTable {
    /// The first row with `key`.
    pub fn row(&self, key: &RowKey) -> Option<&FinalRow> {
        self.rows.iter().find(|r| r.key == *key)
    }

    /// The amount at `key`, `column`, if printed.
    pub fn get(&self, key: &RowKey, column: Column) -> Option<Wan> {
        self.row(key)?.get(column)
    }

    /// The amount of a line in `column`.
    pub fn line(&self, line: Line, column: Column) -> Option<Wan> {
        self.get(&RowKey::Line(line), column)
    }

    /// Whether the table has a row with `key`.
    pub fn has_row(&self, key: &RowKey) -> bool {
        self.row(key).is_some()
    }

    /// Whether no row holds an amount.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.amounts.is_empty())
    }

    /// The columns of the table: the printed ones, then any other holding
    /// an amount.
    pub fn all_columns(&self) -> Vec<Column> {
        let mut cols = self.columns.clone();
        for r in &self.rows {
            for c in r.amounts.keys() {
                if !cols.contains(c) {
                    cols.push(*c);
                }
            }
        }
        cols
    }

    /// Sets one cell of an existing row; returns the old value.
    pub(crate) fn set(
        &mut self,
        key: &RowKey,
        column: Column,
        value: Option<Number>,
    ) -> Option<Result<Option<Number>, TablesError>> {
        let row = self.rows.iter_mut().find(|r| r.key == *key)?;
        let old = row.amounts.get(&column).copied().map(Number::Amount);
        Some(match value {
            None => {
                row.amounts.remove(&column);
                Ok(old)
            }
            Some(Number::Amount(w)) => {
                row.amounts.insert(column, w);
                Ok(old)
            }
            Some(Number::Percent(_)) => Err(TablesError::WrongValueKind {
                at: String::new(),
                expected: "an amount",
                found: "a percentage",
            }),
        })
    }
}

/// The 决算 tables of [`TableKind::EXTRA`], one optional slot each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalAccounts {
    /// 收入支出决算总表: income lines, 使用非财政拨款结余, 年初结转和结余,
    /// 总计; expenditure by 功能分类 类 (code rows), 本年支出合计, 结余分配,
    /// 年末结转和结余, 总计; one column, [`Column::Total`] (决算数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_expenditure_summary: Option<FinalTable>,
    /// 财政拨款收入支出决算总表: the three 财政拨款 lines, 本年收入合计, 年初
    /// 财政拨款结转和结余 and its three parts, 总计 ([`Column::Total`]);
    /// expenditure by 类 with [`Column::Total`] (合计), [`Column::GeneralBudget`],
    /// [`Column::GovernmentFund`], [`Column::StateCapital`]; 本年支出合计, 年末
    /// 财政拨款结转和结余, 总计.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_appropriation_summary: Option<FinalTable>,
    /// 一般公共预算财政拨款基本支出决算表: 经济分类 code rows (决算数 as
    /// [`Column::Total`]), [`Line::PersonnelTotal`] and [`Line::PublicTotal`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_expenditure: Option<FinalTable>,
    /// 政府性基金预算财政拨款收入支出决算表: rows by 功能分类 and 合计;
    /// columns [`Column::OpeningBalance`], [`Column::CurrentYearIncome`],
    /// [`Column::Total`] (本年支出合计), [`Column::Basic`], [`Column::Project`],
    /// [`Column::ClosingBalance`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government_fund: Option<FinalTable>,
    /// 国有资本经营预算财政拨款收入支出决算表: as `government_fund`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_capital: Option<FinalTable>,
}

impl FinalAccounts {
    /// Whether no 决算 table is present.
    pub fn is_empty(&self) -> bool {
        self.income_expenditure_summary.is_none()
            && self.fiscal_appropriation_summary.is_none()
            && self.basic_expenditure.is_none()
            && self.government_fund.is_none()
            && self.state_capital.is_none()
    }

    /// The table of `kind` (one of [`TableKind::EXTRA`]).
    pub fn table(&self, kind: TableKind) -> Option<&FinalTable> {
        match kind {
            TableKind::FinalIncomeExpenditureSummary => self.income_expenditure_summary.as_ref(),
            TableKind::FinalFiscalAppropriationSummary => {
                self.fiscal_appropriation_summary.as_ref()
            }
            TableKind::FinalBasicExpenditure => self.basic_expenditure.as_ref(),
            TableKind::FinalGovernmentFund => self.government_fund.as_ref(),
            TableKind::FinalStateCapital => self.state_capital.as_ref(),
            _ => None,
        }
    }

    /// The slot of `kind` (one of [`TableKind::EXTRA`]).
    pub fn slot_mut(&mut self, kind: TableKind) -> Option<&mut Option<FinalTable>> {
        Some(match kind {
            TableKind::FinalIncomeExpenditureSummary => &mut self.income_expenditure_summary,
            TableKind::FinalFiscalAppropriationSummary => &mut self.fiscal_appropriation_summary,
            TableKind::FinalBasicExpenditure => &mut self.basic_expenditure,
            TableKind::FinalGovernmentFund => &mut self.government_fund,
            TableKind::FinalStateCapital => &mut self.state_capital,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_duplicate_and_foreign_rows() {
        let mut d = crate::Disclosure::builder("某局", 2024).build_unchecked();
        let personnel = FinalRow::new(Line::PersonnelTotal, "人员经费合计")
            .with(Column::Total, Wan::parse("4884.09").unwrap());
        d.tables.final_accounts.basic_expenditure = Some(FinalTable {
            rows: vec![
                personnel.clone(),
                personnel,
                FinalRow::new(Line::IncomeTotal, "总计"),
                FinalRow::new(
                    yusuan_classification::Code::parse("208").unwrap(),
                    "社会保障和就业支出",
                ),
                FinalRow::new(
                    yusuan_classification::Code::parse("301").unwrap(),
                    "工资福利支出",
                )
                .with(Column::Total, Wan::parse("1.005").unwrap()),
            ],
            ..Default::default()
        });
        let kinds: Vec<crate::IssueKind> = d.validate().into_iter().map(|i| i.kind).collect();
        assert!(
            matches!(kinds[0], crate::IssueKind::DuplicateRow),
            "{kinds:?}"
        );
        assert!(
            matches!(kinds[1], crate::IssueKind::RowKeyNotAllowed),
            "{kinds:?}"
        );
        assert!(
            matches!(kinds[2], crate::IssueKind::WrongScheme { .. }),
            "{kinds:?}"
        );
        assert!(
            matches!(kinds[3], crate::IssueKind::TooManyDecimals { .. }),
            "{kinds:?}"
        );
        assert_eq!(kinds.len(), 4, "{kinds:?}");
    }

    #[test]
    fn json_round_trips_and_old_json_still_reads() {
        let fa = FinalAccounts {
            basic_expenditure: Some(FinalTable {
                columns: vec![Column::Total],
                rows: vec![FinalRow::new(Line::PersonnelTotal, "人员经费合计")
                    .with(Column::Total, Wan::parse("4884.09").unwrap())],
                ..Default::default()
            }),
            ..Default::default()
        };
        let json = serde_json::to_string(&fa).unwrap();
        assert_eq!(
            json,
            r#"{"basic_expenditure":{"meta":{},"columns":["total"],"rows":[{"key":"personnel_total","label":"人员经费合计","amounts":{"total":"4884.09"}}]}}"#
        );
        let back: FinalAccounts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, fa);
        let none: crate::Tables = serde_json::from_str("{}").unwrap();
        assert!(none.final_accounts.is_empty());
        assert!(!serde_json::to_string(&none)
            .unwrap()
            .contains("final_accounts"));
    }
}
