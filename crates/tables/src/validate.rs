//! Structural validation: what can be wrong with a disclosure's shape
//! before any arithmetic is checked (that is yusuan-reconcile's work).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use yusuan_classification::{Code, Scheme};
use yusuan_money::Decimal;

use crate::address::{CellRef, NumberRef};
use crate::kinds::{terms, AmountUnit, Column, Line, RowKey, TableKind};
use crate::narrative::ClaimKind;
use crate::tables::{Amounts, CodeTable, Number, SummaryTable, ThreePublicTable};
use crate::Disclosure;

/// The plausible budget years: a year outside is an
/// [`IssueKind::ImplausibleYear`] error. 政府收支分类 and 预算公开 are younger
/// than 1990; a year of 2100 or later is a typo.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<u16> = 1990..=2099;

/// Amounts (in 万元) and percentages (in points) must have fewer integer
/// digits than this: a magnitude of 10^12 万元 (10^16 元, thousands of times
/// China's whole national budget) or more is an [`IssueKind::OutOfRange`]
/// error. The bound keeps every sum and product the reconciliation forms far
/// inside the range of a decimal (about 7.9 × 10^28), so no check can
/// overflow.
pub const MAX_INTEGER_DIGITS: u32 = 12;

/// 10^[`MAX_INTEGER_DIGITS`].
fn magnitude_limit() -> Decimal {
    Decimal::from(10_i64.pow(MAX_INTEGER_DIGITS))
}

terms! {
    /// How serious an [`Issue`] is.
    pub enum Severity {
        /// The disclosure may still be used; a person should look.
        Warning = ("warning", "警告"),
        /// The model is not what the document printed (or cannot be).
        Error = ("error", "错误"),
    }
}

/// What is structurally wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueKind {
    /// The same row key twice in one table (error).
    DuplicateRow,
    /// An amount or percentage with more than two decimals in the unit it is
    /// printed in (error): a typo or a unit mix-up.
    TooManyDecimals {
        /// The value as stored (万元 or percentage points).
        value: String,
        /// Decimals in the printed unit.
        places: u32,
        /// The printed unit (`None` for a percentage).
        unit: Option<AmountUnit>,
    },
    /// A code of a scheme the table does not use, e.g. an economic code in
    /// the 支出总表 (error).
    WrongScheme {
        /// The code.
        code: Code,
        /// The scheme the table uses.
        expected: Scheme,
    },
    /// The table prints a tree (rows of several levels) but this row's parent
    /// is not printed (warning).
    MissingParent {
        /// The missing parent.
        parent: Code,
    },
    /// A row key that this table kind cannot have: a line of the other
    /// summary table, a 合计 or period key in a summary table (error).
    RowKeyNotAllowed,
    /// A number in a column the table does not print (error).
    UnprintedColumn,
    /// A printed column this table kind does not have (error).
    UnknownColumn,
    /// A claim refers to a cell that is not in the disclosure (warning).
    DanglingReference {
        /// The reference.
        cell: CellRef,
        /// Whether the table is in the disclosure (its row or column is not
        /// printed: a table of one 金额 column has no 人员经费).
        table_present: bool,
    },
    /// An amount or percentage whose magnitude no budget can have: 10^12
    /// (万元 or percentage points) or more (error; see
    /// [`MAX_INTEGER_DIGITS`]). Nothing is reconciled with it.
    OutOfRange {
        /// The value as stored (万元 or percentage points).
        value: String,
    },
    /// A budget year outside [`PLAUSIBLE_YEARS`] (error).
    ImplausibleYear {
        /// The year.
        year: u16,
    },
}

impl IssueKind {
    /// Whether a value of the disclosure is out of any plausible range (an
    /// amount or the year): such a disclosure cannot be checked at all.
    pub const fn is_out_of_range(&self) -> bool {
        matches!(
            self,
            IssueKind::OutOfRange { .. } | IssueKind::ImplausibleYear { .. }
        )
    }

    /// The severity of this kind of issue.
    pub const fn severity(&self) -> Severity {
        match self {
            IssueKind::MissingParent { .. } | IssueKind::DanglingReference { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

/// One structural issue, located by table, row and column (or claim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub kind: IssueKind,
    /// The table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableKind>,
    /// The row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<RowKey>,
    /// The column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<Column>,
    /// A number outside the tables (a claim, 政府采购, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<NumberRef>,
    /// Index of the narrative claim concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<usize>,
}

impl Issue {
    fn new(kind: IssueKind) -> Issue {
        Issue {
            severity: kind.severity(),
            kind,
            table: None,
            row: None,
            column: None,
            at: None,
            claim: None,
        }
    }

    fn in_table(
        kind: IssueKind,
        table: TableKind,
        row: Option<RowKey>,
        column: Option<Column>,
    ) -> Issue {
        Issue {
            table: Some(table),
            row,
            column,
            ..Issue::new(kind)
        }
    }

    /// Whether it is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    /// `error: 支出总表 / 2080108 / 项目支出: …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity.as_str())?;
        let mut place = Vec::new();
        if let Some(t) = self.table {
            place.push(t.label_zh().to_owned());
        }
        if let Some(r) = &self.row {
            place.push(r.label_zh());
        }
        if let (Some(c), Some(t)) = (self.column, self.table) {
            place.push(c.header_zh(t).to_owned());
        }
        if let Some(at) = &self.at {
            place.push(at.to_string());
        } else if let Some(i) = self.claim {
            place.push(format!("情况说明 第{}条", crate::address::ordinal(i)));
        }
        if !place.is_empty() {
            write!(f, "{}: ", place.join(" / "))?;
        }
        match &self.kind {
            IssueKind::DuplicateRow => f.write_str("the row appears more than once"),
            IssueKind::TooManyDecimals { value, places, unit } => match unit {
                Some(u) => write!(
                    f,
                    "amount {value} (万元) has {places} decimals in {}; printed amounts have at most 2",
                    u.label_zh()
                ),
                None => write!(f, "percentage {value} has {places} decimals; printed percentages have at most 2"),
            },
            IssueKind::WrongScheme { code, expected } => write!(
                f,
                "code {code} is a {} code; this table uses {expected} codes",
                code.scheme()
            ),
            IssueKind::MissingParent { parent } => {
                write!(f, "the table prints a tree but not the parent row {parent}")
            }
            IssueKind::RowKeyNotAllowed => f.write_str("this table cannot have this row"),
            IssueKind::UnprintedColumn => {
                f.write_str("a number in a column the table does not print")
            }
            IssueKind::UnknownColumn => f.write_str("this table kind has no such column"),
            IssueKind::DanglingReference {
                cell,
                table_present: true,
            } => write!(f, "refers to {cell}, which its table does not print"),
            IssueKind::DanglingReference { cell, .. } => {
                write!(f, "refers to {cell}, which is not in the disclosure")
            }
            IssueKind::OutOfRange { value } => write!(
                f,
                "{value} is out of range: amounts (万元) and percentages must be below 10^{MAX_INTEGER_DIGITS} in magnitude"
            ),
            IssueKind::ImplausibleYear { year } => write!(
                f,
                "year {year} is out of range {}..={}",
                PLAUSIBLE_YEARS.start(),
                PLAUSIBLE_YEARS.end()
            ),
        }
    }
}

impl Disclosure {
    /// Checks the structure: duplicate rows, more than two decimals in the
    /// printed unit, codes of the wrong scheme, missing parent rows where a
    /// table prints a tree, row keys and columns a table cannot have, numbers
    /// in unprinted columns, claims referring to absent cells, amounts and
    /// percentages of 10^12 or more in magnitude, a year outside
    /// [`PLAUSIBLE_YEARS`].
    ///
    /// ```
    /// use yusuan_classification::Code;
    /// use yusuan_money::Wan;
    /// use yusuan_tables::*;
    /// let w = |s: &str| Some(Wan::parse(s).unwrap());
    /// let d = Disclosure::builder("某单位", 2025)
    ///     .expenditure_summary(CodeTable::new()
    ///         .row(Code::parse("2080108")?, "信息化建设", ExpenditureAmounts { total: w("1.005"), ..Default::default() })
    ///         .row(Code::parse("30101")?, "基本工资", ExpenditureAmounts::default())
    ///         .row(Code::parse("208")?, "社会保障和就业支出", ExpenditureAmounts::default()))
    ///     .build_unchecked();
    /// let issues = d.validate();
    /// let kinds: Vec<_> = issues.iter().map(|i| &i.kind).collect();
    /// assert!(matches!(kinds[0], IssueKind::TooManyDecimals { places: 3, .. }));
    /// assert!(matches!(kinds[1], IssueKind::MissingParent { .. })); // 20801 not printed
    /// assert!(matches!(kinds[2], IssueKind::WrongScheme { .. }));
    /// assert_eq!(issues[0].row, Some("2080108".parse()?));
    /// assert_eq!(issues[0].column, Some(Column::Total));
    /// assert!(Disclosure::load(&d.to_json()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Vec<Issue> {
        let mut out = Vec::new();
        if !PLAUSIBLE_YEARS.contains(&self.year) {
            out.push(Issue::new(IssueKind::ImplausibleYear { year: self.year }));
        }
        let unit = self.amount_unit;
        let t = &self.tables;
        if let Some(x) = &t.income_expenditure_summary {
            summary(&mut out, TableKind::IncomeExpenditureSummary, x, unit);
        }
        if let Some(x) = &t.income_summary {
            code_table(&mut out, TableKind::IncomeSummary, x, unit);
        }
        if let Some(x) = &t.expenditure_summary {
            code_table(&mut out, TableKind::ExpenditureSummary, x, unit);
        }
        if let Some(x) = &t.fiscal_appropriation_summary {
            summary(&mut out, TableKind::FiscalAppropriationSummary, x, unit);
        }
        if let Some(x) = &t.general_budget_expenditure {
            code_table(&mut out, TableKind::GeneralBudgetExpenditure, x, unit);
        }
        if let Some(x) = &t.general_budget_basic_expenditure {
            code_table(&mut out, TableKind::GeneralBudgetBasicExpenditure, x, unit);
        }
        if let Some(x) = &t.government_fund_expenditure {
            code_table(&mut out, TableKind::GovernmentFundExpenditure, x, unit);
        }
        if let Some(x) = &t.state_capital_expenditure {
            code_table(&mut out, TableKind::StateCapitalExpenditure, x, unit);
        }
        if let Some(x) = &t.three_public_expenditure {
            three_public(&mut out, x, unit);
        }
        for &kind in TableKind::EXTRA {
            if let Some(x) = t.final_accounts.table(kind) {
                final_table(&mut out, kind, x, unit);
            }
        }
        self.validate_outside_tables(&mut out);
        out
    }

    fn validate_outside_tables(&self, out: &mut Vec<Issue>) {
        // Numbers outside the tables are printed in 万元 ("…万元", 项目资金（万元）).
        let mut outside = Vec::new();
        self.outside_cells(&mut outside);
        for (at, n) in outside {
            for kind in range_issue(n)
                .into_iter()
                .chain(decimals_issue(n, AmountUnit::Wan))
            {
                let claim = match at {
                    NumberRef::Narrative { claim, .. } => Some(claim),
                    _ => None,
                };
                out.push(Issue {
                    at: Some(at),
                    claim,
                    ..Issue::new(kind)
                });
            }
        }
        for (i, claim) in self.narrative.iter().enumerate() {
            let mut refs: Vec<CellRef> = claim.refers_to.into_iter().collect();
            match &claim.kind {
                ClaimKind::Share {
                    whole_refers_to: Some(w),
                    ..
                } => refs.push(*w),
                ClaimKind::Total { parts, .. } => {
                    refs.extend(parts.iter().filter_map(|p| p.refers_to))
                }
                ClaimKind::Comparison {
                    object_refers_to: Some(o),
                    ..
                } => refs.push(*o),
                ClaimKind::NoAmount { .. } => refs.clear(),
                _ => {}
            }
            for cell in refs {
                if !self.cell_exists(&cell) {
                    out.push(Issue {
                        claim: Some(i),
                        ..Issue::new(IssueKind::DanglingReference {
                            cell,
                            table_present: self.tables.has(cell.table),
                        })
                    });
                }
            }
        }
    }

    /// Whether the table, row and column of `cell` exist (the cell may be
    /// blank): the row is in the table, and the column is printed or holds
    /// a number in some row of the same section (as in the table's
    /// [`view`](Disclosure::view)). Reads the model directly, without
    /// building views.
    pub fn cell_exists(&self, cell: &CellRef) -> bool {
        /// Whether `column` is among a section's view columns: printed, or
        /// a column of the kind holding a number in one of `rows`.
        fn has_column<'r, A: Amounts + 'r>(
            printed: &[Column],
            mut rows: impl Iterator<Item = &'r A>,
            column: Column,
        ) -> bool {
            printed.contains(&column)
                || (A::COLUMNS.contains(&column) && rows.any(|a| a.get(column).is_some()))
        }
        fn in_code_table<A: Amounts>(t: &CodeTable<A>, cell: &CellRef) -> bool {
            let row = match cell.row {
                RowKey::Total => t.total.is_some(),
                RowKey::Code(code) => t.rows.iter().any(|r| r.code == code),
                _ => false,
            };
            row && has_column(
                t.printed_columns(),
                t.rows.iter().map(|r| &r.amounts).chain(t.total.iter()),
                cell.column,
            )
        }
        fn in_summary(t: &SummaryTable, cell: &CellRef) -> bool {
            [
                (&t.income, t.printed_income_columns()),
                (&t.expenditure, t.printed_expenditure_columns()),
            ]
            .into_iter()
            .any(|(rows, printed)| {
                rows.iter().any(|r| r.key == cell.row)
                    && has_column(printed, rows.iter().map(|r| &r.amounts), cell.column)
            })
        }
        let t = &self.tables;
        let found = match cell.table {
            TableKind::IncomeExpenditureSummary => t
                .income_expenditure_summary
                .as_ref()
                .map(|x| in_summary(x, cell)),
            TableKind::FiscalAppropriationSummary => t
                .fiscal_appropriation_summary
                .as_ref()
                .map(|x| in_summary(x, cell)),
            TableKind::IncomeSummary => t.income_summary.as_ref().map(|x| in_code_table(x, cell)),
            TableKind::ExpenditureSummary => t
                .expenditure_summary
                .as_ref()
                .map(|x| in_code_table(x, cell)),
            TableKind::GeneralBudgetExpenditure => t
                .general_budget_expenditure
                .as_ref()
                .map(|x| in_code_table(x, cell)),
            TableKind::GeneralBudgetBasicExpenditure => t
                .general_budget_basic_expenditure
                .as_ref()
                .map(|x| in_code_table(x, cell)),
            TableKind::GovernmentFundExpenditure => t
                .government_fund_expenditure
                .as_ref()
                .map(|x| in_code_table(x, cell)),
            TableKind::StateCapitalExpenditure => t
                .state_capital_expenditure
                .as_ref()
                .map(|x| in_code_table(x, cell)),
            TableKind::ThreePublicExpenditure => t.three_public_expenditure.as_ref().map(|x| {
                // a period printed as a column group is a row of the table,
                // blank when it prints no amount (an empty table lists its
                // periods)
                let row = match cell.row {
                    RowKey::Period(p) => {
                        x.rows.iter().any(|r| r.period == p) || x.periods.contains(&p)
                    }
                    _ => false,
                };
                row && has_column(
                    x.printed_columns(),
                    x.rows.iter().map(|r| &r.amounts),
                    cell.column,
                )
            }),
            _ => t
                .final_accounts
                .table(cell.table)
                .map(|x| x.has_row(&cell.row) && x.all_columns().contains(&cell.column)),
        };
        found.unwrap_or(false)
    }
}

/// An [`IssueKind::OutOfRange`] if `n` is 10^12 or more in magnitude.
fn range_issue(n: Number) -> Option<IssueKind> {
    (n.value().abs() >= magnitude_limit()).then(|| IssueKind::OutOfRange {
        value: n.value().to_string(),
    })
}

/// The decimals of `n` in the printed unit, if more than two.
fn decimals_issue(n: Number, unit: AmountUnit) -> Option<IssueKind> {
    // Two places or fewer as stored: never more in the printed unit (a 元
    // figure has four places fewer than its 万元 value).
    if n.value().scale() <= 2 {
        return None;
    }
    let (printed, unit): (Decimal, Option<AmountUnit>) = match n {
        Number::Amount(w) => (
            match unit {
                AmountUnit::Wan => w.value(),
                // A 元 amount ×10^4 cannot overflow for any real budget; if it
                // does, judge the 万元 value.
                _ => w.to_yuan().unwrap_or(w.value()),
            },
            Some(unit),
        ),
        Number::Percent(p) => (p.points(), None),
    };
    let places = printed.normalize().scale();
    (places > 2).then(|| IssueKind::TooManyDecimals {
        value: n.value().to_string(),
        places,
        unit,
    })
}

fn check_amounts<A: Amounts>(
    out: &mut Vec<Issue>,
    kind: TableKind,
    row: RowKey,
    amounts: &A,
    printed: &[Column],
    unit: AmountUnit,
) {
    for &column in A::COLUMNS {
        let Some(n) = amounts.get(column) else {
            continue;
        };
        for k in range_issue(n).into_iter().chain(decimals_issue(n, unit)) {
            out.push(Issue::in_table(k, kind, Some(row), Some(column)));
        }
        if !printed.contains(&column) {
            out.push(Issue::in_table(
                IssueKind::UnprintedColumn,
                kind,
                Some(row),
                Some(column),
            ));
        }
    }
}

fn check_columns<A: Amounts>(out: &mut Vec<Issue>, kind: TableKind, printed: &[Column]) {
    for &c in printed {
        if !A::COLUMNS.contains(&c) {
            out.push(Issue::in_table(
                IssueKind::UnknownColumn,
                kind,
                None,
                Some(c),
            ));
        }
    }
}

fn code_table<A: Amounts>(
    out: &mut Vec<Issue>,
    kind: TableKind,
    t: &CodeTable<A>,
    doc_unit: AmountUnit,
) {
    let unit = t.meta.amount_unit.unwrap_or(doc_unit);
    let printed = t.printed_columns();
    check_columns::<A>(out, kind, printed);
    let mut seen = BTreeSet::new();
    let codes: BTreeSet<Code> = t.rows.iter().map(|r| r.code).collect();
    let levels: BTreeSet<_> = codes.iter().map(Code::level).collect();
    let schemes = kind.row_schemes();
    for r in &t.rows {
        let key = RowKey::Code(r.code);
        check_amounts(out, kind, key, &r.amounts, printed, unit);
        if !seen.insert(r.code) {
            out.push(Issue::in_table(
                IssueKind::DuplicateRow,
                kind,
                Some(key),
                None,
            ));
        }
        if !schemes.contains(&r.code.scheme()) {
            if let Some(&expected) = schemes.first() {
                out.push(Issue::in_table(
                    IssueKind::WrongScheme {
                        code: r.code,
                        expected,
                    },
                    kind,
                    Some(key),
                    None,
                ));
            }
        } else if levels.len() > 1 {
            if let Some(parent) = r.code.parent() {
                if !codes.contains(&parent) {
                    out.push(Issue::in_table(
                        IssueKind::MissingParent { parent },
                        kind,
                        Some(key),
                        None,
                    ));
                }
            }
        }
    }
    if let Some(total) = &t.total {
        check_amounts(out, kind, RowKey::Total, total, printed, unit);
    }
}

fn summary(out: &mut Vec<Issue>, kind: TableKind, t: &SummaryTable, doc_unit: AmountUnit) {
    let unit = t.meta.amount_unit.unwrap_or(doc_unit);
    let mut seen = BTreeSet::new();
    for (rows, printed) in [
        (&t.income, t.printed_income_columns()),
        (&t.expenditure, t.printed_expenditure_columns()),
    ] {
        check_columns::<crate::SummaryAmounts>(out, kind, printed);
        for r in rows {
            check_amounts(out, kind, r.key, &r.amounts, printed, unit);
            if !seen.insert(r.key) {
                out.push(Issue::in_table(
                    IssueKind::DuplicateRow,
                    kind,
                    Some(r.key),
                    None,
                ));
            }
            let allowed = match r.key {
                RowKey::Line(l) => allowed_line(l, kind),
                RowKey::Code(c) => {
                    if c.scheme() != Scheme::Function {
                        out.push(Issue::in_table(
                            IssueKind::WrongScheme {
                                code: c,
                                expected: Scheme::Function,
                            },
                            kind,
                            Some(r.key),
                            None,
                        ));
                    }
                    true
                }
                _ => false,
            };
            if !allowed {
                out.push(Issue::in_table(
                    IssueKind::RowKeyNotAllowed,
                    kind,
                    Some(r.key),
                    None,
                ));
            }
        }
    }
}

/// A 决算 table of [`crate::FinalAccounts`]: rows once each, lines of its
/// kind, codes of its schemes (功能分类; 经济分类 in the 基本支出决算表),
/// amounts within range and to two places, amounts not percentages.
fn final_table(out: &mut Vec<Issue>, kind: TableKind, t: &crate::FinalTable, doc_unit: AmountUnit) {
    let unit = t.meta.amount_unit.unwrap_or(doc_unit);
    let mut seen = BTreeSet::new();
    for r in &t.rows {
        if !seen.insert(r.key) {
            out.push(Issue::in_table(
                IssueKind::DuplicateRow,
                kind,
                Some(r.key),
                None,
            ));
        }
        let allowed = match r.key {
            RowKey::Line(l) => l.allowed_in(kind),
            RowKey::Code(c) => {
                let schemes = kind.row_schemes();
                if !schemes.contains(&c.scheme()) {
                    if let Some(&expected) = schemes.first() {
                        out.push(Issue::in_table(
                            IssueKind::WrongScheme { code: c, expected },
                            kind,
                            Some(r.key),
                            None,
                        ));
                    }
                }
                true
            }
            RowKey::Total => matches!(
                kind,
                TableKind::FinalGovernmentFund
                    | TableKind::FinalStateCapital
                    | TableKind::FinalBasicExpenditure
            ),
            RowKey::Period(_) => false,
        };
        if !allowed {
            out.push(Issue::in_table(
                IssueKind::RowKeyNotAllowed,
                kind,
                Some(r.key),
                None,
            ));
        }
        for (&column, &w) in &r.amounts {
            if column.is_percent() {
                out.push(Issue::in_table(
                    IssueKind::UnknownColumn,
                    kind,
                    Some(r.key),
                    Some(column),
                ));
            }
            let n = crate::Number::Amount(w);
            for issue in [range_issue(n), decimals_issue(n, unit)]
                .into_iter()
                .flatten()
            {
                out.push(Issue::in_table(issue, kind, Some(r.key), Some(column)));
            }
        }
    }
}

fn allowed_line(l: Line, kind: TableKind) -> bool {
    l.allowed_in(kind)
}

fn three_public(out: &mut Vec<Issue>, t: &ThreePublicTable, doc_unit: AmountUnit) {
    let kind = TableKind::ThreePublicExpenditure;
    let unit = t.meta.amount_unit.unwrap_or(doc_unit);
    let printed = t.printed_columns();
    check_columns::<crate::ThreePublicAmounts>(out, kind, printed);
    let mut seen = BTreeSet::new();
    for r in &t.rows {
        let key = RowKey::Period(r.period);
        check_amounts(out, kind, key, &r.amounts, printed, unit);
        if !seen.insert(r.period) {
            out.push(Issue::in_table(
                IssueKind::DuplicateRow,
                kind,
                Some(key),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

    /// `cell_exists` against a search of the views (how it was first
    /// written), for every table kind × row key × column.
    fn agrees_with_views(d: &Disclosure) {
        let views = d.views();
        let reference = |cell: &CellRef| {
            views.iter().any(|v| {
                v.kind == cell.table
                    && v.sections.iter().any(|s| {
                        s.columns.contains(&cell.column) && s.rows.iter().any(|r| r.key == cell.row)
                    })
            })
        };
        let mut rows: Vec<RowKey> = views
            .iter()
            .flat_map(|v| v.sections.iter().flat_map(|s| s.rows.iter().map(|r| r.key)))
            .collect();
        rows.push(RowKey::Total);
        rows.extend(Line::ALL.iter().map(|&l| RowKey::Line(l)));
        rows.push(RowKey::Code(Code::parse("2089999").unwrap()));
        rows.sort();
        rows.dedup();
        let mut found = 0;
        for &table in TableKind::ALL {
            for &row in &rows {
                for &column in Column::ALL {
                    let cell = CellRef::new(table, row, column);
                    let expected = reference(&cell);
                    assert_eq!(d.cell_exists(&cell), expected, "{cell:?}");
                    found += usize::from(expected);
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn cell_exists_reads_the_model_as_the_views_do() {
        let mut d = Disclosure::from_json(SEED).unwrap();
        agrees_with_views(&d);
        // Numbers in columns the tables do not print count as columns.
        if let Some(t) = &mut d.tables.expenditure_summary {
            t.columns = vec![Column::Total];
        }
        if let Some(t) = &mut d.tables.income_expenditure_summary {
            t.expenditure_columns = vec![Column::Total];
            t.income_columns = vec![Column::Basic];
        }
        if let Some(t) = &mut d.tables.three_public_expenditure {
            t.columns = vec![Column::Reception];
        }
        d.tables.general_budget_expenditure = None;
        agrees_with_views(&d);
    }
}
