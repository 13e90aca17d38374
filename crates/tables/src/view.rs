//! A uniform, read-only view of any table: sections of rows × columns.
//! Rendering ([`crate::render`]), CSV export and [`Disclosure::cells`] work
//! on views, so they treat all nine kinds alike.

use yusuan_classification::Code;

use crate::kinds::{AmountUnit, Column, RowKey, TableKind};
use crate::tables::{Amounts, CodeTable, Number, SummaryTable, TableMeta, ThreePublicTable};
use crate::Disclosure;

/// One table as sections of rows and columns.
#[derive(Debug, Clone, PartialEq)]
pub struct TableView<'a> {
    /// The kind.
    pub kind: TableKind,
    /// Printed number, title, note.
    pub meta: &'a TableMeta,
    /// The unit the table is printed in (its own, or the document's).
    pub amount_unit: AmountUnit,
    /// The budget year of the document (for headers such as 2024年执行数).
    pub year: u16,
    /// Whether the document is a 决算: headers say 决算数 and 合计 where a
    /// budget's say 预算数 and 预算数小计 ([`Disclosure::column_header`]).
    pub final_accounts: bool,
    /// One section for most tables; 收入 and 支出 for the two summary tables.
    pub sections: Vec<ViewSection>,
}

impl TableView<'_> {
    /// The printed title, or the kind's label.
    pub fn title(&self) -> &str {
        self.meta
            .title
            .as_deref()
            .unwrap_or_else(|| self.kind.label_zh())
    }

    /// Whether no row holds a number.
    pub fn is_empty(&self) -> bool {
        self.sections
            .iter()
            .all(|s| s.rows.iter().all(|r| r.values.iter().all(Option::is_none)))
    }

    /// The header of `column` in this table, with years where the template
    /// prints them (`2024年执行数`).
    pub fn header(&self, column: Column) -> String {
        let prior = self.year.saturating_sub(1);
        match (self.kind, column) {
            (TableKind::GeneralBudgetExpenditure, Column::PriorYear) => format!("{prior}年执行数"),
            (TableKind::GeneralBudgetExpenditure, Column::PriorYearExclCapital) => {
                format!("{prior}年扣除中央基建投资后执行数")
            }
            _ => {
                let h = column.header_zh(self.kind);
                if self.final_accounts {
                    crate::address::final_header(h)
                } else {
                    h
                }
            }
            .to_owned(),
        }
    }
}

/// A section of a table (the 收入 or 支出 side of a summary table, or the
/// whole of any other table).
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSection {
    /// `Some("收入")` / `Some("支出")` for the summary tables.
    pub name: Option<&'static str>,
    /// The columns: the printed ones, then any other column holding a number
    /// (so nothing is hidden).
    pub columns: Vec<Column>,
    /// The rows, in printed order; the 合计 row last.
    pub rows: Vec<ViewRow>,
}

/// One row of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    /// The row key.
    pub key: RowKey,
    /// The printed name or label (科目名称, `一、一般公共预算拨款收入`, 合计).
    pub label: String,
    /// Indentation depth: 0 for a 类 or a line, 1 for a 款, 2 for a 项.
    pub depth: usize,
    /// One value per column of the section (`None`: blank).
    pub values: Vec<Option<Number>>,
}

impl ViewRow {
    /// The code, for a code row.
    pub fn code(&self) -> Option<Code> {
        self.key.code()
    }
}

fn columns_of<'r, A: Amounts + 'r>(
    printed: &[Column],
    rows: impl Iterator<Item = &'r A> + Clone,
) -> Vec<Column> {
    let mut cols = printed.to_vec();
    for &c in A::COLUMNS {
        if !cols.contains(&c) && rows.clone().any(|a| a.get(c).is_some()) {
            cols.push(c);
        }
    }
    cols
}

fn values<A: Amounts>(a: &A, columns: &[Column]) -> Vec<Option<Number>> {
    columns.iter().map(|&c| a.get(c)).collect()
}

fn depth(code: Code) -> usize {
    code.level().depth().saturating_sub(1)
}

fn code_view<'a, A: Amounts>(
    kind: TableKind,
    t: &'a CodeTable<A>,
    unit: AmountUnit,
    year: u16,
) -> TableView<'a> {
    let all = t.rows.iter().map(|r| &r.amounts).chain(t.total.iter());
    let columns = columns_of(t.printed_columns(), all);
    let mut rows: Vec<ViewRow> = t
        .rows
        .iter()
        .map(|r| ViewRow {
            key: RowKey::Code(r.code),
            label: r.name.clone(),
            depth: depth(r.code),
            values: values(&r.amounts, &columns),
        })
        .collect();
    if let Some(total) = &t.total {
        rows.push(ViewRow {
            key: RowKey::Total,
            label: "合计".to_owned(),
            depth: 0,
            values: values(total, &columns),
        });
    }
    TableView {
        kind,
        meta: &t.meta,
        amount_unit: t.meta.amount_unit.unwrap_or(unit),
        year,
        final_accounts: false,
        sections: vec![ViewSection {
            name: None,
            columns,
            rows,
        }],
    }
}

fn summary_view(kind: TableKind, t: &SummaryTable, unit: AmountUnit, year: u16) -> TableView<'_> {
    let section = |name, rows: &[crate::SummaryRow], printed: &[Column]| {
        let columns = columns_of(printed, rows.iter().map(|r| &r.amounts));
        ViewSection {
            name: Some(name),
            rows: rows
                .iter()
                .map(|r| ViewRow {
                    key: r.key,
                    label: r.label.clone(),
                    depth: 0,
                    values: values(&r.amounts, &columns),
                })
                .collect(),
            columns,
        }
    };
    TableView {
        kind,
        meta: &t.meta,
        amount_unit: t.meta.amount_unit.unwrap_or(unit),
        year,
        final_accounts: false,
        sections: vec![
            section("收入", &t.income, t.printed_income_columns()),
            section("支出", &t.expenditure, t.printed_expenditure_columns()),
        ],
    }
}

fn three_public_view(t: &ThreePublicTable, unit: AmountUnit, year: u16) -> TableView<'_> {
    let columns = columns_of(t.printed_columns(), t.rows.iter().map(|r| &r.amounts));
    TableView {
        kind: TableKind::ThreePublicExpenditure,
        meta: &t.meta,
        amount_unit: t.meta.amount_unit.unwrap_or(unit),
        year,
        final_accounts: false,
        sections: vec![ViewSection {
            name: None,
            // the periods printed, in printed order (blank when the table
            // prints no amount for one), then any row of another period
            rows: t
                .periods
                .iter()
                .map(|p| (*p, t.amounts(*p)))
                .chain(
                    t.rows
                        .iter()
                        .filter(|r| !t.periods.contains(&r.period))
                        .map(|r| (r.period, Some(&r.amounts))),
                )
                .map(|(period, amounts)| ViewRow {
                    key: RowKey::Period(period),
                    label: period.label_zh(),
                    depth: 0,
                    values: match amounts {
                        Some(a) => values(a, &columns),
                        None => vec![None; columns.len()],
                    },
                })
                .collect(),
            columns,
        }],
    }
}

/// The view of the table of `kind`, if present.
pub(crate) fn view(d: &Disclosure, kind: TableKind) -> Option<TableView<'_>> {
    let (u, y, t) = (d.amount_unit, d.year, &d.tables);
    let mut v = match kind {
        TableKind::IncomeExpenditureSummary => {
            summary_view(kind, t.income_expenditure_summary.as_ref()?, u, y)
        }
        TableKind::FiscalAppropriationSummary => {
            summary_view(kind, t.fiscal_appropriation_summary.as_ref()?, u, y)
        }
        TableKind::IncomeSummary => code_view(kind, t.income_summary.as_ref()?, u, y),
        TableKind::ExpenditureSummary => code_view(kind, t.expenditure_summary.as_ref()?, u, y),
        TableKind::GeneralBudgetExpenditure => {
            code_view(kind, t.general_budget_expenditure.as_ref()?, u, y)
        }
        TableKind::GeneralBudgetBasicExpenditure => {
            code_view(kind, t.general_budget_basic_expenditure.as_ref()?, u, y)
        }
        TableKind::GovernmentFundExpenditure => {
            code_view(kind, t.government_fund_expenditure.as_ref()?, u, y)
        }
        TableKind::StateCapitalExpenditure => {
            code_view(kind, t.state_capital_expenditure.as_ref()?, u, y)
        }
        TableKind::ThreePublicExpenditure => {
            three_public_view(t.three_public_expenditure.as_ref()?, u, y)
        }
        _ => final_view(kind, t.final_accounts.table(kind)?, u, y),
    };
    v.final_accounts = d.kind.is_final_accounts();
    Some(v)
}

/// A 决算 table of [`crate::FinalAccounts`]: the summary tables in a 收入
/// and a 支出 section, the others in one.
fn final_view(
    kind: TableKind,
    t: &crate::FinalTable,
    unit: AmountUnit,
    year: u16,
) -> TableView<'_> {
    let section = |name: Option<&'static str>, rows: Vec<&crate::FinalRow>| {
        let mut columns: Vec<Column> = t
            .columns
            .iter()
            .copied()
            .filter(|c| {
                name.is_none()
                    || rows.iter().any(|r| r.amounts.contains_key(c))
                    || *c == Column::Total
            })
            .collect();
        for r in &rows {
            for c in r.amounts.keys() {
                if !columns.contains(c) {
                    columns.push(*c);
                }
            }
        }
        ViewSection {
            name,
            rows: rows
                .iter()
                .map(|r| ViewRow {
                    key: r.key,
                    label: r.label.clone(),
                    depth: r.key.code().map_or(0, depth),
                    values: columns
                        .iter()
                        .map(|c| r.get(*c).map(Number::Amount))
                        .collect(),
                })
                .collect(),
            columns,
        }
    };
    let summary = matches!(
        kind,
        TableKind::FinalIncomeExpenditureSummary | TableKind::FinalFiscalAppropriationSummary
    );
    let sections = if summary {
        let income = |r: &&crate::FinalRow| matches!(r.key, RowKey::Line(l) if l.is_income());
        vec![
            section(Some("收入"), t.rows.iter().filter(income).collect()),
            section(Some("支出"), t.rows.iter().filter(|r| !income(r)).collect()),
        ]
    } else {
        vec![section(None, t.rows.iter().collect())]
    };
    TableView {
        kind,
        meta: &t.meta,
        amount_unit: t.meta.amount_unit.unwrap_or(unit),
        year,
        final_accounts: false,
        sections,
    }
}

/// The trailing number of a printed table number (`单位公开表7` → 7).
fn printed_number(meta: &TableMeta) -> Option<u32> {
    let s = meta.number.as_deref()?;
    let digits: String = s
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// Views of all tables present, in printed order (by printed number, else
/// the template's).
pub(crate) fn views(d: &Disclosure) -> Vec<TableView<'_>> {
    let mut v: Vec<TableView<'_>> = TableKind::ALL
        .iter()
        .chain(TableKind::EXTRA)
        .filter_map(|&k| view(d, k))
        .collect();
    v.sort_by_key(|t| {
        (
            printed_number(t.meta).unwrap_or(u32::from(t.kind.template_number())),
            t.kind,
        )
    });
    v
}

/// The printed label of a row: `2080108 信息化建设`, `合计`, a line's label.
pub(crate) fn row_label(d: &Disclosure, kind: TableKind, key: &RowKey) -> Option<String> {
    let label = printed_row_label(d, kind, key)?;
    Some(match key {
        RowKey::Code(c) => format!("{c} {label}"),
        // A printed label that does not name its line ("(一)一般公共预算拨款"
        // under both 本年收入 and 上年结转) gets the line's own label.
        RowKey::Line(l) if !label.contains(l.label_zh()) => {
            format!("{label}（{}）", l.label_zh())
        }
        _ => label.into_owned(),
    })
}

/// The label the [`view`] of the table of `kind` gives the first row with
/// `key`, read from the model without building the view.
fn printed_row_label<'a>(
    d: &'a Disclosure,
    kind: TableKind,
    key: &RowKey,
) -> Option<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    fn in_code_table<'a, A: Amounts>(t: &'a CodeTable<A>, key: &RowKey) -> Option<Cow<'a, str>> {
        match key {
            RowKey::Code(c) => t
                .rows
                .iter()
                .find(|r| r.code == *c)
                .map(|r| Cow::Borrowed(r.name.as_str())),
            RowKey::Total => t.total.as_ref().map(|_| Cow::Borrowed("合计")),
            _ => None,
        }
    }
    fn in_summary<'a>(t: &'a SummaryTable, key: &RowKey) -> Option<Cow<'a, str>> {
        t.income
            .iter()
            .chain(&t.expenditure)
            .find(|r| r.key == *key)
            .map(|r| Cow::Borrowed(r.label.as_str()))
    }
    let t = &d.tables;
    match kind {
        TableKind::IncomeExpenditureSummary => {
            in_summary(t.income_expenditure_summary.as_ref()?, key)
        }
        TableKind::FiscalAppropriationSummary => {
            in_summary(t.fiscal_appropriation_summary.as_ref()?, key)
        }
        TableKind::IncomeSummary => in_code_table(t.income_summary.as_ref()?, key),
        TableKind::ExpenditureSummary => in_code_table(t.expenditure_summary.as_ref()?, key),
        TableKind::GeneralBudgetExpenditure => {
            in_code_table(t.general_budget_expenditure.as_ref()?, key)
        }
        TableKind::GeneralBudgetBasicExpenditure => {
            in_code_table(t.general_budget_basic_expenditure.as_ref()?, key)
        }
        TableKind::GovernmentFundExpenditure => {
            in_code_table(t.government_fund_expenditure.as_ref()?, key)
        }
        TableKind::StateCapitalExpenditure => {
            in_code_table(t.state_capital_expenditure.as_ref()?, key)
        }
        TableKind::ThreePublicExpenditure => match key {
            RowKey::Period(p) => t
                .three_public_expenditure
                .as_ref()?
                .rows
                .iter()
                .find(|r| r.period == *p)
                .map(|r| Cow::Owned(r.period.label_zh())),
            _ => None,
        },
        _ => t
            .final_accounts
            .table(kind)?
            .row(key)
            .map(|r| Cow::Borrowed(r.label.as_str())),
    }
}

impl Disclosure {
    /// Views of every table present, in printed order.
    pub fn views(&self) -> Vec<TableView<'_>> {
        views(self)
    }

    /// The view of the table of `kind`, if present.
    pub fn view(&self, kind: TableKind) -> Option<TableView<'_>> {
        view(self, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

    #[test]
    fn row_labels_are_those_of_the_views() {
        let d = Disclosure::from_json(SEED).unwrap();
        let views = d.views();
        let mut keys: Vec<RowKey> = views
            .iter()
            .flat_map(|v| v.sections.iter().flat_map(|s| s.rows.iter().map(|r| r.key)))
            .collect();
        keys.push(RowKey::Total);
        keys.extend(crate::Line::ALL.iter().map(|&l| RowKey::Line(l)));
        let mut found = 0;
        for &kind in TableKind::ALL {
            for key in &keys {
                // The reference: the first row with the key in the view.
                let expected = view(&d, kind).and_then(|v| {
                    v.sections
                        .iter()
                        .flat_map(|s| &s.rows)
                        .find(|r| r.key == *key)
                        .map(|r| r.label.clone())
                });
                let got = printed_row_label(&d, kind, key).map(|l| l.into_owned());
                assert_eq!(got, expected, "{kind:?} {key:?}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 50, "{found}");
    }
}
