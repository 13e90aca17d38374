//! Addresses of numbers: [`CellRef`] (a table cell) and [`NumberRef`] (any
//! number of a disclosure), with [`Disclosure::cells`], [`Disclosure::get`],
//! [`Disclosure::set`] and [`Disclosure::describe`].

use std::fmt;

use serde::{Deserialize, Serialize};
use yusuan_money::{Percent, Wan};

use crate::kinds::{terms, Column, RowKey, TableKind};
use crate::narrative::{AgencyOperationField, ClaimKind, ProcurementField};
use crate::tables::{put, Number};
use crate::view;
use crate::{Disclosure, TablesError};

/// The address of one table cell: table kind, row key, column.
///
/// JSON: `{"table": "expenditure_summary", "row": "2080108", "column":
/// "project"}`. `Display` gives a short Chinese label; for the row's name and
/// the printed title use [`Disclosure::describe`].
///
/// ```
/// use yusuan_tables::{CellRef, Column, RowKey, TableKind};
/// let cell = CellRef::new(TableKind::ExpenditureSummary, "2080108".parse::<RowKey>()?, Column::Project);
/// assert_eq!(cell.to_string(), "支出总表 / 2080108 / 项目支出");
/// let json = serde_json::to_string(&cell).unwrap();
/// assert_eq!(json, r#"{"table":"expenditure_summary","row":"2080108","column":"project"}"#);
/// # Ok::<(), yusuan_tables::TablesError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRef {
    /// The table.
    pub table: TableKind,
    /// The row.
    pub row: RowKey,
    /// The column.
    pub column: Column,
}

impl CellRef {
    /// A cell address.
    pub fn new(table: TableKind, row: impl Into<RowKey>, column: Column) -> CellRef {
        CellRef {
            table,
            row: row.into(),
            column,
        }
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {} / {}",
            self.table.label_zh(),
            self.row.label_zh(),
            self.column.header_zh(self.table)
        )
    }
}

/// Which number of a narrative claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimField {
    /// The amount (share, change, total, amount claims; the subject's amount
    /// of a comparison).
    Amount,
    /// The printed share (占 Y%).
    Percent,
    /// The whole of a share, as stated.
    Whole,
    /// The comparison figure of a change.
    BaseAmount,
    /// The change amount (增加 A 万元).
    Change,
    /// The rate (增长 B%).
    Rate,
    /// The amount of the n-th part of a total (0-based).
    Part(usize),
    /// The object's amount of a comparison ("大于 2024 年 … Y 万元": Y).
    ObjectAmount,
}

impl ClaimField {
    /// Chinese label: 金额, 占比, 总数, 比较数, 增减额, 增减率, 第n项,
    /// 比较对象金额.
    pub fn label_zh(self) -> String {
        match (self, self.fixed_label_zh()) {
            (_, Some(label)) => label.to_owned(),
            (ClaimField::Part(n), None) => format!("第{}项", ordinal(n)),
            (_, None) => String::new(),
        }
    }

    /// The label of a field other than [`ClaimField::Part`], without
    /// allocating.
    pub(crate) const fn fixed_label_zh(self) -> Option<&'static str> {
        Some(match self {
            ClaimField::Amount => "金额",
            ClaimField::Percent => "占比",
            ClaimField::Whole => "总数",
            ClaimField::BaseAmount => "比较数",
            ClaimField::Change => "增减额",
            ClaimField::Rate => "增减率",
            ClaimField::ObjectAmount => "比较对象金额",
            ClaimField::Part(_) => return None,
        })
    }
}

terms! {
    /// A number of the 项目资金 of a 项目绩效目标表.
    pub enum FundsField {
        /// 年度资金总额.
        Total = ("total", "年度资金总额"),
        /// 其中：财政拨款.
        FiscalAppropriation = ("fiscal_appropriation", "财政拨款"),
        /// 上年结转.
        CarriedOver = ("carried_over", "上年结转"),
        /// 其他资金.
        Other = ("other", "其他资金"),
    }
}

/// The address of any number of a disclosure: a table cell, a 政府采购
/// figure, a 机关运行经费 figure, the 绩效目标管理 amount, a number of a
/// narrative claim, or a 项目资金 figure of a 项目绩效目标表.
///
/// ```
/// use yusuan_tables::{ClaimField, NumberRef, ProcurementField};
/// let r = NumberRef::Narrative { claim: 3, field: ClaimField::Percent };
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"narrative":{"claim":3,"field":"percent"}}"#);
/// let p = NumberRef::Procurement(ProcurementField::Goods);
/// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"procurement":"goods"}"#);
/// let a = NumberRef::AgencyOperation(yusuan_tables::AgencyOperationField::Amount);
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"agency_operation":"amount"}"#);
/// assert_eq!(a.to_string(), "机关运行经费 / 金额");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberRef {
    /// A table cell.
    Cell(CellRef),
    /// A figure of the 政府采购 statement.
    Procurement(ProcurementField),
    /// A figure of the 机关运行经费 statement.
    AgencyOperation(AgencyOperationField),
    /// The amount of the 绩效目标管理 statement.
    PerformanceManagement,
    /// A number of the narrative claim with this index.
    Narrative {
        /// Index into [`Disclosure::narrative`].
        claim: usize,
        /// Which number.
        field: ClaimField,
    },
    /// A 项目资金 figure of a 项目绩效目标表.
    PerformanceFunds {
        /// Index into [`Disclosure::performance_tables`].
        table: usize,
        /// Which figure.
        field: FundsField,
    },
}

impl From<CellRef> for NumberRef {
    fn from(c: CellRef) -> NumberRef {
        NumberRef::Cell(c)
    }
}

impl fmt::Display for NumberRef {
    /// A short label; [`Disclosure::describe`] gives names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberRef::Cell(c) => write!(f, "{c}"),
            NumberRef::Procurement(p) => write!(f, "政府采购 / {}", p.label_zh()),
            NumberRef::AgencyOperation(a) => write!(f, "机关运行经费 / {}", a.label_zh()),
            NumberRef::PerformanceManagement => f.write_str("预算绩效管理 / 涉及金额"),
            NumberRef::Narrative { claim, field } => {
                write!(f, "情况说明 第{}条 / {}", ordinal(*claim), field.label_zh())
            }
            NumberRef::PerformanceFunds { table, field } => {
                write!(
                    f,
                    "项目绩效目标表 第{}张 / {}",
                    ordinal(*table),
                    field.label_zh()
                )
            }
        }
    }
}

/// A mutable slot of a number outside the tables.
enum Slot<'a> {
    Amount(&'a mut Option<Wan>),
    Percent(&'a mut Option<Percent>),
    /// A required amount (not optional in the model): can be changed, not
    /// blanked.
    RequiredAmount(&'a mut Wan),
    RequiredPercent(&'a mut Percent),
}

impl Disclosure {
    /// Every number of the disclosure with its address: all table cells
    /// that hold a value (blank cells are skipped), then 政府采购,
    /// 机关运行经费, the 绩效目标管理 amount, the numbers of each narrative claim and the
    /// 项目资金 of each 项目绩效目标表.
    ///
    /// A row key that appears twice in one table (a validation error) gives
    /// two entries with the same address; [`Disclosure::get`] and
    /// [`Disclosure::set`] reach the first.
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// use yusuan_tables::*;
    /// let d = Disclosure::builder("某单位", 2025)
    ///     .procurement(Procurement { total: Some(Wan::parse("1912.9")?), ..Default::default() })
    ///     .build()?;
    /// let cells = d.cells();
    /// assert_eq!(cells, [(NumberRef::Procurement(ProcurementField::Total), Wan::parse("1912.9")?.into())]);
    /// assert_eq!(d.get(&cells[0].0), Some(cells[0].1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cells(&self) -> Vec<(NumberRef, Number)> {
        let mut out = Vec::new();
        for v in view::views(self) {
            for section in &v.sections {
                for row in &section.rows {
                    for (column, value) in section.columns.iter().zip(&row.values) {
                        if let Some(n) = value {
                            out.push((NumberRef::Cell(CellRef::new(v.kind, row.key, *column)), *n));
                        }
                    }
                }
            }
        }
        self.outside_cells(&mut out);
        out
    }

    /// The numbers outside the tables, in the order of [`Disclosure::cells`]
    /// (which lists them after the table cells).
    pub(crate) fn outside_cells(&self, out: &mut Vec<(NumberRef, Number)>) {
        if let Some(p) = &self.procurement {
            for &field in ProcurementField::ALL {
                if let Some(w) = p.get(field) {
                    out.push((NumberRef::Procurement(field), w.into()));
                }
            }
        }
        if self.agency_operation.is_some() {
            for &field in AgencyOperationField::ALL {
                let at = NumberRef::AgencyOperation(field);
                if let Some(n) = self.get(&at) {
                    out.push((at, n));
                }
            }
        }
        if let Some(w) = self.performance_management.as_ref().and_then(|p| p.amount) {
            out.push((NumberRef::PerformanceManagement, w.into()));
        }
        for (i, claim) in self.narrative.iter().enumerate() {
            for field in claim_fields(&claim.kind) {
                let at = NumberRef::Narrative { claim: i, field };
                if let Some(n) = self.get(&at) {
                    out.push((at, n));
                }
            }
        }
        for (i, _) in self.performance_tables.iter().enumerate() {
            for &field in FundsField::ALL {
                let at = NumberRef::PerformanceFunds { table: i, field };
                if let Some(n) = self.get(&at) {
                    out.push((at, n));
                }
            }
        }
    }

    /// The number at `at`; `None` if it is blank or the address names
    /// nothing.
    pub fn get(&self, at: &NumberRef) -> Option<Number> {
        match at {
            NumberRef::Cell(c) => self.tables.get(c.table, &c.row, c.column),
            NumberRef::Procurement(f) => self.procurement.as_ref()?.get(*f).map(Number::from),
            NumberRef::AgencyOperation(f) => {
                let a = self.agency_operation.as_ref()?;
                match f {
                    AgencyOperationField::Amount => a.amount.map(Number::from),
                    AgencyOperationField::Change => a.change.map(Number::from),
                    AgencyOperationField::Rate => a.rate.map(Number::from),
                }
            }
            NumberRef::PerformanceManagement => self
                .performance_management
                .as_ref()?
                .amount
                .map(Number::from),
            NumberRef::Narrative { claim, field } => {
                claim_get(&self.narrative.get(*claim)?.kind, *field)
            }
            NumberRef::PerformanceFunds { table, field } => {
                let f = &self.performance_tables.get(*table)?.funds;
                match field {
                    FundsField::Total => f.total,
                    FundsField::FiscalAppropriation => f.fiscal_appropriation,
                    FundsField::CarriedOver => f.carried_over,
                    FundsField::Other => f.other,
                }
                .map(Number::from)
            }
        }
    }

    /// Sets the number at `at` (`None` blanks it) and returns the old value;
    /// for a mutation test that perturbs one number, or an editor.
    ///
    /// # Errors
    /// [`TablesError::NoSuchNumber`] if the address names no existing row,
    /// column, claim field or table (or a required number is blanked);
    /// [`TablesError::WrongValueKind`] for a percentage given for an amount
    /// or the reverse.
    ///
    /// ```
    /// use yusuan_classification::Code;
    /// use yusuan_money::Wan;
    /// use yusuan_tables::*;
    /// let w = |s: &str| Some(Wan::parse(s).unwrap());
    /// let mut d = Disclosure::builder("某单位", 2025)
    ///     .expenditure_summary(CodeTable::new().numbered("单位公开表3", "单位支出总表")
    ///         .row(Code::parse("2080108")?, "信息化建设",
    ///              ExpenditureAmounts { total: w("3731.75"), project: w("3731.75"), ..Default::default() }))
    ///     .build()?;
    /// let at = NumberRef::Cell(CellRef::new(
    ///     TableKind::ExpenditureSummary, "2080108".parse::<RowKey>()?, Column::Project));
    /// let old = d.set(&at, Some(Wan::parse("3731.76")?.into()))?;
    /// assert_eq!(old, Some(Wan::parse("3731.75")?.into()));
    /// assert_eq!(d.describe(&at), "单位支出总表 / 2080108 信息化建设 / 项目支出");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set(
        &mut self,
        at: &NumberRef,
        value: Option<Number>,
    ) -> Result<Option<Number>, TablesError> {
        let described = self.describe(at);
        let missing = || TablesError::NoSuchNumber {
            at: described.clone(),
        };
        let relabel = |e: TablesError| match e {
            TablesError::WrongValueKind {
                expected, found, ..
            } => TablesError::WrongValueKind {
                at: described.clone(),
                expected,
                found,
            },
            TablesError::NoSuchNumber { .. } => missing(),
            other => other,
        };
        let slot = match at {
            NumberRef::Cell(c) => {
                return self
                    .tables
                    .set(c.table, &c.row, c.column, value)
                    .ok_or_else(missing)?
                    .map_err(relabel);
            }
            NumberRef::Procurement(f) => {
                Slot::Amount(self.procurement.as_mut().ok_or_else(missing)?.slot(*f))
            }
            NumberRef::AgencyOperation(f) => {
                let a = self.agency_operation.as_mut().ok_or_else(missing)?;
                match f {
                    AgencyOperationField::Amount => Slot::Amount(&mut a.amount),
                    AgencyOperationField::Change => Slot::Amount(&mut a.change),
                    AgencyOperationField::Rate => Slot::Percent(&mut a.rate),
                }
            }
            NumberRef::PerformanceManagement => Slot::Amount(
                &mut self
                    .performance_management
                    .as_mut()
                    .ok_or_else(missing)?
                    .amount,
            ),
            NumberRef::Narrative { claim, field } => {
                let claim = self.narrative.get_mut(*claim).ok_or_else(missing)?;
                claim_slot(&mut claim.kind, *field).ok_or_else(missing)?
            }
            NumberRef::PerformanceFunds { table, field } => {
                let f = &mut self
                    .performance_tables
                    .get_mut(*table)
                    .ok_or_else(missing)?
                    .funds;
                Slot::Amount(match field {
                    FundsField::Total => &mut f.total,
                    FundsField::FiscalAppropriation => &mut f.fiscal_appropriation,
                    FundsField::CarriedOver => &mut f.carried_over,
                    FundsField::Other => &mut f.other,
                })
            }
        };
        let column = Column::Total; // only used in messages, replaced by relabel
        match slot {
            Slot::Amount(s) => put(s, value, column).map_err(relabel),
            Slot::Percent(s) => put(s, value, column).map_err(relabel),
            Slot::RequiredAmount(s) => {
                let mut tmp = Some(*s);
                let old = put(&mut tmp, value, column).map_err(relabel)?;
                *s = tmp.ok_or_else(missing)?;
                Ok(old)
            }
            Slot::RequiredPercent(s) => {
                let mut tmp = Some(*s);
                let old = put(&mut tmp, value, column).map_err(relabel)?;
                *s = tmp.ok_or_else(missing)?;
                Ok(old)
            }
        }
    }

    /// The header of `column` in the table of `kind` as this document prints
    /// it: [`Column::header_zh`], with a 决算's words where the budget's would
    /// be wrong (预算数 → 决算数, 预算数小计 → 合计).
    ///
    /// ```
    /// use yusuan_tables::{Column, Disclosure, DocumentKind, TableKind};
    /// let d = Disclosure::builder("某局", 2024).kind(DocumentKind::DepartmentFinalAccounts).build_unchecked();
    /// assert_eq!(d.column_header(TableKind::GeneralBudgetExpenditure, Column::Total), "合计");
    /// assert_eq!(d.column_header(TableKind::GeneralBudgetExpenditure, Column::Basic), "基本支出");
    /// ```
    pub fn column_header(&self, kind: TableKind, column: Column) -> &'static str {
        let h = column.header_zh(kind);
        if self.kind.is_final_accounts() {
            final_header(h)
        } else {
            h
        }
    }

    /// A human label for a number, with the table's printed title and the
    /// row's printed name: `单位支出总表 / 2080108 信息化建设 / 项目支出`,
    /// `情况说明 第3条「上年结转」/ 占比`, `政府采购 / 货物`.
    pub fn describe(&self, at: &NumberRef) -> String {
        match at {
            NumberRef::Cell(c) => {
                let title = self
                    .tables
                    .meta(c.table)
                    .and_then(|m| m.title.as_deref())
                    .unwrap_or_else(|| c.table.label_zh());
                format!(
                    "{title} / {} / {}",
                    self.row_label(c.table, &c.row),
                    self.column_header(c.table, c.column)
                )
            }
            NumberRef::Narrative { claim, field } => match self.narrative.get(*claim) {
                Some(cl) => {
                    // Borrowed where the text is fixed: labels are made for
                    // every finding of a report.
                    let field: std::borrow::Cow<'_, str> = match (field, &cl.kind) {
                        (ClaimField::Part(n), ClaimKind::Total { parts, .. }) => parts
                            .get(*n)
                            .map_or_else(|| field.label_zh().into(), |p| p.subject.as_str().into()),
                        (ClaimField::ObjectAmount, ClaimKind::Comparison { object, .. }) => {
                            format!("比较对象「{object}」").into()
                        }
                        (ClaimField::Percent, ClaimKind::Completion { .. }) => "完成率".into(),
                        (ClaimField::Amount, ClaimKind::Completion { .. }) => "决算数".into(),
                        (ClaimField::BaseAmount, ClaimKind::Completion { budget_label, .. }) => {
                            budget_label.as_str().into()
                        }
                        _ => field
                            .fixed_label_zh()
                            .map_or_else(|| field.label_zh().into(), Into::into),
                    };
                    format!(
                        "情况说明 第{}条「{}」/ {field}",
                        ordinal(*claim),
                        cl.kind.subject()
                    )
                }
                None => at.to_string(),
            },
            NumberRef::PerformanceFunds { table, field } => {
                match self.performance_tables.get(*table) {
                    Some(t) => {
                        format!("项目绩效目标表「{}」/ {}", t.project_name, field.label_zh())
                    }
                    None => at.to_string(),
                }
            }
            _ => at.to_string(),
        }
    }

    /// The label of a row as printed: `2080108 信息化建设`, `合计`,
    /// `一、一般公共预算拨款收入`, `2025年预算数`.
    pub fn row_label(&self, table: TableKind, row: &RowKey) -> String {
        view::row_label(self, table, row).unwrap_or_else(|| row.label_zh())
    }
}

/// The numeric fields a claim kind has (present or not).
fn claim_fields(kind: &ClaimKind) -> Vec<ClaimField> {
    match kind {
        ClaimKind::Share { .. } => vec![ClaimField::Amount, ClaimField::Percent, ClaimField::Whole],
        ClaimKind::Change { .. } => vec![
            ClaimField::Amount,
            ClaimField::BaseAmount,
            ClaimField::Change,
            ClaimField::Rate,
        ],
        ClaimKind::Total { parts, .. } => std::iter::once(ClaimField::Amount)
            .chain((0..parts.len()).map(ClaimField::Part))
            .collect(),
        ClaimKind::Amount { .. } => vec![ClaimField::Amount],
        ClaimKind::NoAmount { .. } => vec![],
        ClaimKind::Comparison { .. } => vec![ClaimField::Amount, ClaimField::ObjectAmount],
        ClaimKind::Completion { .. } => vec![
            ClaimField::Amount,
            ClaimField::BaseAmount,
            ClaimField::Percent,
        ],
    }
}

fn claim_get(kind: &ClaimKind, field: ClaimField) -> Option<Number> {
    match (kind, field) {
        (ClaimKind::Share { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Total { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Amount { amount, .. }, ClaimField::Amount) => Some((*amount).into()),
        (ClaimKind::Share { percent, .. }, ClaimField::Percent) => Some((*percent).into()),
        (ClaimKind::Share { whole, .. }, ClaimField::Whole) => whole.map(Number::from),
        (ClaimKind::Change { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Comparison { amount, .. }, ClaimField::Amount) => amount.map(Number::from),
        (ClaimKind::Comparison { object_amount, .. }, ClaimField::ObjectAmount) => {
            object_amount.map(Number::from)
        }
        (ClaimKind::Change { base_amount, .. }, ClaimField::BaseAmount) => {
            base_amount.map(Number::from)
        }
        (ClaimKind::Change { change, .. }, ClaimField::Change) => change.map(Number::from),
        (ClaimKind::Change { rate, .. }, ClaimField::Rate) => rate.map(Number::from),
        (ClaimKind::Total { parts, .. }, ClaimField::Part(n)) => {
            parts.get(n).map(|p| p.amount.into())
        }
        (ClaimKind::Completion { actual, .. }, ClaimField::Amount) => Some((*actual).into()),
        (ClaimKind::Completion { budget, .. }, ClaimField::BaseAmount) => budget.map(Number::from),
        (ClaimKind::Completion { percent, .. }, ClaimField::Percent) => percent.map(Number::from),
        _ => None,
    }
}

fn claim_slot(kind: &mut ClaimKind, field: ClaimField) -> Option<Slot<'_>> {
    Some(match (kind, field) {
        (ClaimKind::Share { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Total { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Amount { amount, .. }, ClaimField::Amount) => Slot::RequiredAmount(amount),
        (ClaimKind::Share { percent, .. }, ClaimField::Percent) => Slot::RequiredPercent(percent),
        (ClaimKind::Share { whole, .. }, ClaimField::Whole) => Slot::Amount(whole),
        (ClaimKind::Change { amount, .. }, ClaimField::Amount)
        | (ClaimKind::Comparison { amount, .. }, ClaimField::Amount) => Slot::Amount(amount),
        (ClaimKind::Comparison { object_amount, .. }, ClaimField::ObjectAmount) => {
            Slot::Amount(object_amount)
        }
        (ClaimKind::Change { base_amount, .. }, ClaimField::BaseAmount) => {
            Slot::Amount(base_amount)
        }
        (ClaimKind::Change { change, .. }, ClaimField::Change) => Slot::Amount(change),
        (ClaimKind::Change { rate, .. }, ClaimField::Rate) => Slot::Percent(rate),
        (ClaimKind::Total { parts, .. }, ClaimField::Part(n)) => {
            Slot::RequiredAmount(&mut parts.get_mut(n)?.amount)
        }
        _ => return None,
    })
}

/// The 1-based ordinal (第 n 条) of a 0-based index. Indices may come from
/// untrusted JSON, so this widens instead of overflowing at `usize::MAX`.
pub(crate) fn ordinal(index: usize) -> u128 {
    u128::try_from(index).map_or(u128::MAX, |i| i.saturating_add(1))
}

/// A budget column header as a 决算 prints it: 预算数 → 决算数, 预算数小计 →
/// 合计; any other header as it is.
pub(crate) fn final_header(h: &'static str) -> &'static str {
    match h {
        "预算数" => "决算数",
        "预算数小计" => "合计",
        _ => h,
    }
}
