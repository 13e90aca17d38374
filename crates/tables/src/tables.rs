//! The nine tables: row amounts per kind, the generic code-keyed table, the
//! two summary tables (收支总表, 财政拨款收支总表) and the "三公" table.

use std::fmt;

use serde::{Deserialize, Serialize};
use yusuan_classification::Code;
use yusuan_money::{Percent, Wan};

use crate::kinds::{AmountUnit, Column, Period, RowKey, TableKind};
use crate::TablesError;

/// One number of a disclosure: an amount (万元) or a percentage.
///
/// ```
/// use yusuan_money::{Percent, Wan};
/// use yusuan_tables::Number;
/// let n = Number::from(Wan::parse("8,633.56")?);
/// assert_eq!(n.to_string(), "8,633.56");
/// assert_eq!(n.as_amount(), Some(Wan::parse("8633.56")?));
/// assert_eq!(Number::from(Percent::parse("17.47%")?).to_string(), "17.47%");
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Number {
    /// An amount in 万元.
    Amount(Wan),
    /// A percentage, in points (17.47 is 17.47%).
    Percent(Percent),
}

impl Number {
    /// The amount, if this is one.
    pub fn as_amount(self) -> Option<Wan> {
        match self {
            Number::Amount(w) => Some(w),
            Number::Percent(_) => None,
        }
    }

    /// The percentage, if this is one.
    pub fn as_percent(self) -> Option<Percent> {
        match self {
            Number::Percent(p) => Some(p),
            Number::Amount(_) => None,
        }
    }

    /// The decimal value (万元 or percentage points).
    pub fn value(self) -> yusuan_money::Decimal {
        match self {
            Number::Amount(w) => w.value(),
            Number::Percent(p) => p.points(),
        }
    }

    /// `"an amount"` or `"a percentage"`, for messages.
    pub(crate) fn kind_text(self) -> &'static str {
        match self {
            Number::Amount(_) => "an amount",
            Number::Percent(_) => "a percentage",
        }
    }
}

impl From<Wan> for Number {
    fn from(w: Wan) -> Number {
        Number::Amount(w)
    }
}

impl From<Percent> for Number {
    fn from(p: Percent) -> Number {
        Number::Percent(p)
    }
}

impl fmt::Display for Number {
    /// `8,633.56` or `17.47%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Amount(w) => fmt::Display::fmt(w, f),
            Number::Percent(p) => fmt::Display::fmt(p, f),
        }
    }
}

/// A value a cell can hold: [`Wan`] or [`Percent`].
pub(crate) trait CellValue: Sized + Copy + Into<Number> {
    const KIND: &'static str;
    fn from_number(n: Number) -> Option<Self>;
}

impl CellValue for Wan {
    const KIND: &'static str = "an amount";
    fn from_number(n: Number) -> Option<Wan> {
        n.as_amount()
    }
}

impl CellValue for Percent {
    const KIND: &'static str = "a percentage";
    fn from_number(n: Number) -> Option<Percent> {
        n.as_percent()
    }
}

/// Stores `value` in `slot` (type-checked) and returns the old value.
pub(crate) fn put<T: CellValue>(
    slot: &mut Option<T>,
    value: Option<Number>,
    column: Column,
) -> Result<Option<Number>, TablesError> {
    let new = match value {
        None => None,
        Some(n) => Some(T::from_number(n).ok_or(TablesError::WrongValueKind {
            at: column.as_str().to_owned(),
            expected: T::KIND,
            found: n.kind_text(),
        })?),
    };
    Ok(std::mem::replace(slot, new).map(Into::into))
}

/// The amounts of one row of a table kind: one `Option` field per column
/// the kind can print. `None` is a blank cell (not printed, `-`), distinct
/// from `Some(0.00)`.
///
/// Implemented by [`IncomeAmounts`], [`ExpenditureAmounts`],
/// [`GeneralBudgetAmounts`], [`BasicExpenditureAmounts`], [`FundAmounts`],
/// [`SummaryAmounts`] and [`ThreePublicAmounts`].
pub trait Amounts: Default + Clone + PartialEq {
    /// Every column this kind can print, in the central template's order.
    const COLUMNS: &'static [Column];

    /// The value in `column`; `None` for a blank cell or a column this kind
    /// does not have.
    fn get(&self, column: Column) -> Option<Number>;

    /// Sets (or, with `None`, blanks) the cell in `column`; returns the old
    /// value.
    ///
    /// # Errors
    /// [`TablesError::NoSuchNumber`] for a column this kind does not have,
    /// [`TablesError::WrongValueKind`] for a percentage in an amount column
    /// or the reverse.
    fn set(&mut self, column: Column, value: Option<Number>)
        -> Result<Option<Number>, TablesError>;

    /// Whether every cell is blank.
    fn is_blank(&self) -> bool {
        Self::COLUMNS.iter().all(|&c| self.get(c).is_none())
    }

    /// Calls `f` with every non-blank cell, in the order of
    /// [`Amounts::COLUMNS`]: what [`Amounts::get`] gives column by column,
    /// read from the fields directly.
    fn for_each_number(&self, mut f: impl FnMut(Column, Number))
    where
        Self: Sized,
    {
        for &c in Self::COLUMNS {
            if let Some(n) = self.get(c) {
                f(c, n);
            }
        }
    }
}

macro_rules! amounts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ident = $col:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }

        impl Amounts for $name {
            const COLUMNS: &'static [Column] = &[$(Column::$col),*];

            fn get(&self, column: Column) -> Option<Number> {
                match column {
                    $(Column::$col => self.$field.map(Number::from),)*
                    _ => None,
                }
            }

            fn is_blank(&self) -> bool {
                true $(&& self.$field.is_none())*
            }

            fn for_each_number(&self, mut f: impl FnMut(Column, Number)) {
                $(
                    if let Some(v) = self.$field {
                        f(Column::$col, Number::from(v));
                    }
                )*
            }

            fn set(
                &mut self,
                column: Column,
                value: Option<Number>,
            ) -> Result<Option<Number>, TablesError> {
                match column {
                    $(Column::$col => put(&mut self.$field, value, column),)*
                    _ => Err(TablesError::NoSuchNumber {
                        at: format!("column {} in {}", column.as_str(), stringify!($name)),
                    }),
                }
            }
        }
    };
}

amounts! {
    /// A row of the 收入总表 (income summary). JSON field names are the
    /// [`Column`] names.
    pub struct IncomeAmounts {
        /// 合计.
        total: Wan = Total,
        /// 上年结转.
        prior_year_carryover: Wan = PriorYearCarryover,
        /// 财政拨款收入 (Shanghai template).
        fiscal_appropriation: Wan = FiscalAppropriation,
        /// 一般公共预算拨款收入.
        general_budget: Wan = GeneralBudget,
        /// 政府性基金预算拨款收入.
        government_fund: Wan = GovernmentFund,
        /// 国有资本经营预算拨款收入.
        state_capital: Wan = StateCapital,
        /// 事业收入 (金额).
        business_income: Wan = BusinessIncome,
        /// 事业收入 其中：教育收费.
        education_fees: Wan = EducationFees,
        /// 事业单位经营收入.
        institution_operating_income: Wan = InstitutionOperatingIncome,
        /// 上级补助收入.
        superior_subsidy: Wan = SuperiorSubsidy,
        /// 附属单位上缴收入.
        subordinate_remittance: Wan = SubordinateRemittance,
        /// 其他收入.
        other_income: Wan = OtherIncome,
        /// 使用非财政拨款结余.
        non_fiscal_balance_used: Wan = NonFiscalBalanceUsed,
    }
}

amounts! {
    /// A row of the 支出总表 (expenditure summary).
    pub struct ExpenditureAmounts {
        /// 合计.
        total: Wan = Total,
        /// 基本支出.
        basic: Wan = Basic,
        /// 项目支出.
        project: Wan = Project,
        /// 上缴上级支出.
        remit_to_superior: Wan = RemitToSuperior,
        /// 事业单位经营支出.
        institution_operating_expenditure: Wan = InstitutionOperatingExpenditure,
        /// 对附属单位补助支出.
        subsidy_to_subordinate: Wan = SubsidyToSubordinate,
    }
}

amounts! {
    /// A row of the 一般公共预算支出表. The central form prints all ten
    /// columns; others print only 合计 (小计) / 基本支出 / 项目支出.
    pub struct GeneralBudgetAmounts {
        /// 上年执行数 (2024年执行数 in a 2025 budget).
        prior_year: Wan = PriorYear,
        /// 扣除中央基建投资后执行数.
        prior_year_excl_capital: Wan = PriorYearExclCapital,
        /// 预算数 小计 (合计 where no prior year is printed).
        total: Wan = Total,
        /// 基本支出.
        basic: Wan = Basic,
        /// 项目支出.
        project: Wan = Project,
        /// 扣除中央基建投资后预算数.
        total_excl_capital: Wan = TotalExclCapital,
        /// 增减额.
        change: Wan = Change,
        /// 增减(%).
        change_percent: Percent = ChangePercent,
        /// 增减额 (扣除中央基建投资).
        change_excl_capital: Wan = ChangeExclCapital,
        /// 增减(%) (扣除中央基建投资).
        change_percent_excl_capital: Percent = ChangePercentExclCapital,
    }
}

amounts! {
    /// A row of the 一般公共预算基本支出表 (by 部门预算支出经济分类). Also
    /// holds the side-by-side form (人员经费 rows left, 公用经费 rows right):
    /// each row then fills the column of its side.
    pub struct BasicExpenditureAmounts {
        /// 合计.
        total: Wan = Total,
        /// 人员经费.
        personnel: Wan = Personnel,
        /// 公用经费.
        public: Wan = Public,
    }
}

amounts! {
    /// A row of the 政府性基金预算支出表 or the 国有资本经营预算支出表.
    pub struct FundAmounts {
        /// 合计 (小计).
        total: Wan = Total,
        /// 基本支出.
        basic: Wan = Basic,
        /// 项目支出.
        project: Wan = Project,
    }
}

amounts! {
    /// A row of the 收支总表 or the 财政拨款收支总表. The central template
    /// prints one column, 预算数 (`total`); Shanghai prints the expenditure
    /// side with 合计 / 基本支出 (人员经费, 公用经费) / 项目支出 (收支总表) or
    /// 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算 (财政拨款收支总表).
    pub struct SummaryAmounts {
        /// 预算数 (合计).
        total: Wan = Total,
        /// 基本支出.
        basic: Wan = Basic,
        /// 人员经费.
        personnel: Wan = Personnel,
        /// 公用经费.
        public: Wan = Public,
        /// 项目支出.
        project: Wan = Project,
        /// 一般公共预算.
        general_budget: Wan = GeneralBudget,
        /// 政府性基金预算.
        government_fund: Wan = GovernmentFund,
        /// 国有资本经营预算.
        state_capital: Wan = StateCapital,
    }
}

amounts! {
    /// A row (one period) of the 财政拨款"三公"经费支出表.
    pub struct ThreePublicAmounts {
        /// 合计.
        total: Wan = Total,
        /// 因公出国（境）费.
        outbound_travel: Wan = OutboundTravel,
        /// 公务用车购置及运行费 小计.
        vehicles: Wan = Vehicles,
        /// 公务用车购置费.
        vehicle_purchase: Wan = VehiclePurchase,
        /// 公务用车运行费.
        vehicle_operation: Wan = VehicleOperation,
        /// 公务接待费.
        reception: Wan = Reception,
        /// 机关运行经费 (Shanghai prints it in this table).
        agency_operation: Wan = AgencyOperation,
    }
}

/// One row of a table keyed by classification code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeRow<A> {
    /// 科目编码.
    pub code: Code,
    /// 科目名称 as printed (without the indentation).
    pub name: String,
    /// The cells.
    #[serde(default)]
    pub amounts: A,
}

impl<A: Amounts> CodeRow<A> {
    /// A row.
    pub fn new(code: Code, name: impl Into<String>, amounts: A) -> Self {
        CodeRow {
            code,
            name: name.into(),
            amounts,
        }
    }
}

/// Metadata every table carries: what the publisher printed around the
/// numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableMeta {
    /// The printed number, e.g. `单位公开表3`, `部门公开表7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The printed title, e.g. `单位支出总表`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The unit printed on this table if it differs from the document's
    /// (Shanghai prints the "三公" table in 万元 and the others in 元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_unit: Option<AmountUnit>,
    /// The note of an empty table, e.g. `注：……2025年没有政府性基金收入，
    /// 也没有使用政府性基金安排的支出。`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_note: Option<String>,
    /// Remarks of the transcriber (how a garbled cell was read, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// How completely and how surely the table was read; absent (a table
    /// written by hand) means complete and certain. See [`crate::Reading`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<crate::Reading>,
    /// Columns printed that no [`Column`] of the table's kind names (表外栏):
    /// kept with their heading and amounts, read and not checked. See
    /// [`ExtraColumn`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_columns: Vec<ExtraColumn>,
}

/// A printed column that no [`Column`] of its table's kind names (表外栏),
/// e.g. 江苏's 单位预留机动经费 and 结转下年资金 beside the 支出总表's 基本支出 /
/// 项目支出, or 会议费 and 培训费 beside the "三公" items. Its amounts are kept
/// as printed, in 万元 like every amount of the model (a table printed in 元
/// is converted exactly), and take part in no identity: the checks say which
/// row sums they leave unchecked.
///
/// ```
/// use yusuan_money::Wan;
/// use yusuan_tables::{ExtraCell, ExtraColumn, RowKey};
/// let c = ExtraColumn {
///     heading: vec!["单位预留机动经费".into()],
///     cells: vec![ExtraCell { row: RowKey::Total, amount: Wan::parse("2388.04")? }],
/// };
/// assert_eq!(c.label(), "单位预留机动经费");
/// assert_eq!(c.amount(&RowKey::Total), Some(Wan::parse("2388.04")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraColumn {
    /// The heading path as printed, outermost first (`["会议费"]`).
    pub heading: Vec<String>,
    /// The cells holding an amount, in row order (blank cells are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<ExtraCell>,
}

impl ExtraColumn {
    /// The heading path joined with ` › `.
    pub fn label(&self) -> String {
        self.heading.join(" › ")
    }

    /// The amount of the row at `row`, if printed.
    pub fn amount(&self, row: &RowKey) -> Option<Wan> {
        self.cells.iter().find(|c| c.row == *row).map(|c| c.amount)
    }
}

/// One amount of an [`ExtraColumn`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraCell {
    /// The row (合计, a code, or a period of the "三公" table).
    pub row: RowKey,
    /// The amount, in 万元.
    pub amount: Wan,
}

impl TableMeta {
    /// How the cell at `row`, `column` of this table was placed
    /// ([`crate::Placement::Position`] when the table has no reading record).
    pub fn placement(&self, row: &RowKey, column: Column) -> crate::Placement {
        self.reading
            .as_ref()
            .map_or(crate::Placement::Position, |r| r.placement(row, column))
    }

    /// The amounts of printed columns the model has no slot for in the row at
    /// `row` ([`TableMeta::extra_columns`]), with their column labels.
    pub fn extra_amounts(&self, row: &RowKey) -> impl Iterator<Item = (String, Wan)> + '_ {
        let row = *row;
        self.extra_columns
            .iter()
            .filter_map(move |c| c.amount(&row).map(|w| (c.label(), w)))
    }

    /// Whether the table was read whole (true when it has no reading record).
    pub fn is_complete(&self) -> bool {
        self.reading
            .as_ref()
            .map_or(true, |r| r.completeness == crate::Completeness::Complete)
    }
}

/// A table whose rows are keyed by classification code, with a separate
/// 合计 row: the 收入总表, 支出总表, 一般公共预算支出表, 一般公共预算基本
/// 支出表, 政府性基金预算支出表 and 国有资本经营预算支出表.
///
/// ```
/// use yusuan_classification::Code;
/// use yusuan_money::Wan;
/// use yusuan_tables::{CodeTable, Column, ExpenditureAmounts};
///
/// let w = |s: &str| Some(Wan::parse(s).unwrap());
/// let t = CodeTable::new()
///     .with_columns(&[Column::Total, Column::Basic, Column::Project])
///     .row(Code::parse("2080108")?, "信息化建设",
///          ExpenditureAmounts { total: w("3731.75"), project: w("3731.75"), ..Default::default() })
///     .with_total(ExpenditureAmounts { total: w("3731.75"), project: w("3731.75"), ..Default::default() });
/// assert_eq!(t.rows[0].amounts.basic, None); // blank, not 0.00
/// assert_eq!(t.printed_columns(), &[Column::Total, Column::Basic, Column::Project]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeTable<A> {
    /// Printed number, title, unit, empty-table note, transcriber notes.
    #[serde(default)]
    pub meta: TableMeta,
    /// The columns printed, in printed order; empty means all of
    /// [`Amounts::COLUMNS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// The code rows, in printed order.
    #[serde(default)]
    pub rows: Vec<CodeRow<A>>,
    /// The 合计 row, if printed.
    #[serde(default)]
    pub total: Option<A>,
}

impl<A: Amounts> Default for CodeTable<A> {
    fn default() -> Self {
        CodeTable {
            meta: TableMeta::default(),
            columns: Vec::new(),
            rows: Vec::new(),
            total: None,
        }
    }
}

impl<A: Amounts> CodeTable<A> {
    /// An empty table printing all columns of its kind.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the printed number and title.
    pub fn numbered(mut self, number: impl Into<String>, title: impl Into<String>) -> Self {
        self.meta.number = Some(number.into());
        self.meta.title = Some(title.into());
        self
    }

    /// Sets the printed columns, in printed order.
    pub fn with_columns(mut self, columns: &[Column]) -> Self {
        self.columns = columns.to_vec();
        self
    }

    /// Appends a code row.
    pub fn row(mut self, code: Code, name: impl Into<String>, amounts: A) -> Self {
        self.rows.push(CodeRow::new(code, name, amounts));
        self
    }

    /// Sets the 合计 row.
    pub fn with_total(mut self, amounts: A) -> Self {
        self.total = Some(amounts);
        self
    }

    /// Sets the note of an empty table.
    pub fn with_empty_note(mut self, note: impl Into<String>) -> Self {
        self.meta.empty_note = Some(note.into());
        self
    }

    /// The printed columns ([`CodeTable::columns`], or all of the kind's).
    pub fn printed_columns(&self) -> &[Column] {
        if self.columns.is_empty() {
            A::COLUMNS
        } else {
            &self.columns
        }
    }

    /// The first row with `code`.
    pub fn find(&self, code: Code) -> Option<&CodeRow<A>> {
        self.rows.iter().find(|r| r.code == code)
    }

    /// The amounts of the row at `key` (合计 or a code).
    pub fn amounts(&self, key: &RowKey) -> Option<&A> {
        match key {
            RowKey::Total => self.total.as_ref(),
            RowKey::Code(c) => self.find(*c).map(|r| &r.amounts),
            _ => None,
        }
    }

    pub(crate) fn amounts_mut(&mut self, key: &RowKey) -> Option<&mut A> {
        match key {
            RowKey::Total => self.total.as_mut(),
            RowKey::Code(c) => self
                .rows
                .iter_mut()
                .find(|r| r.code == *c)
                .map(|r| &mut r.amounts),
            _ => None,
        }
    }

    /// Whether the table has no row and no 合计 with a number (表7/8/9 of
    /// a unit without such funds).
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.amounts.is_blank())
            && match &self.total {
                None => true,
                Some(t) => t.is_blank(),
            }
    }
}

/// One row of the 收支总表 or 财政拨款收支总表: a named line
/// ([`crate::Line`]) or a function class ([`Code`]), with its printed label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryRow {
    /// The row key: a line (`"general_budget_appropriation"`) or a code
    /// (`"208"`).
    pub key: RowKey,
    /// The label as printed, e.g. `一、一般公共预算拨款收入`.
    pub label: String,
    /// The cells.
    #[serde(default)]
    pub amounts: SummaryAmounts,
}

impl SummaryRow {
    /// A row with one amount in the 预算数 column (`None`: blank).
    pub fn new(key: impl Into<RowKey>, label: impl Into<String>, total: Option<Wan>) -> Self {
        SummaryRow {
            key: key.into(),
            label: label.into(),
            amounts: SummaryAmounts {
                total,
                ..SummaryAmounts::default()
            },
        }
    }
}

/// The 收支总表 or the 财政拨款收支总表: an income side and an expenditure
/// side, each a list of rows in printed order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryTable {
    /// Printed number, title, unit, notes.
    #[serde(default)]
    pub meta: TableMeta,
    /// The columns printed on the income side; empty means `[total]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub income_columns: Vec<Column>,
    /// The columns printed on the expenditure side; empty means `[total]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expenditure_columns: Vec<Column>,
    /// 收入 side.
    #[serde(default)]
    pub income: Vec<SummaryRow>,
    /// 支出 side.
    #[serde(default)]
    pub expenditure: Vec<SummaryRow>,
}

const TOTAL_ONLY: &[Column] = &[Column::Total];

impl SummaryTable {
    /// The printed columns of the income side.
    pub fn printed_income_columns(&self) -> &[Column] {
        if self.income_columns.is_empty() {
            TOTAL_ONLY
        } else {
            &self.income_columns
        }
    }

    /// The printed columns of the expenditure side.
    pub fn printed_expenditure_columns(&self) -> &[Column] {
        if self.expenditure_columns.is_empty() {
            TOTAL_ONLY
        } else {
            &self.expenditure_columns
        }
    }

    /// The first row with `key`, on either side.
    pub fn find(&self, key: &RowKey) -> Option<&SummaryRow> {
        self.income
            .iter()
            .chain(&self.expenditure)
            .find(|r| r.key == *key)
    }

    /// The 预算数 (`total`) of the row at `key`.
    pub fn amount(&self, key: impl Into<RowKey>) -> Option<Wan> {
        self.find(&key.into()).and_then(|r| r.amounts.total)
    }

    pub(crate) fn amounts_mut(&mut self, key: &RowKey) -> Option<&mut SummaryAmounts> {
        self.income
            .iter_mut()
            .chain(self.expenditure.iter_mut())
            .find(|r| r.key == *key)
            .map(|r| &mut r.amounts)
    }
}

/// One period row of the "三公" table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicRow {
    /// The period, e.g. `"2025_budget"` (2025年预算数).
    pub period: Period,
    /// The cells.
    #[serde(default)]
    pub amounts: ThreePublicAmounts,
}

/// The 财政拨款"三公"经费支出表: one row per period (most publishers print
/// the budget year only; some print two years side by side).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublicTable {
    /// Printed number, title, unit, empty-table note, notes.
    #[serde(default)]
    pub meta: TableMeta,
    /// The columns printed; empty means all of [`ThreePublicAmounts`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// The periods printed as column groups (e.g. 2025年预算数), in printed
    /// order, also when the table is empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// The rows with numbers, one per period.
    #[serde(default)]
    pub rows: Vec<ThreePublicRow>,
}

impl ThreePublicTable {
    /// The printed columns.
    pub fn printed_columns(&self) -> &[Column] {
        if self.columns.is_empty() {
            ThreePublicAmounts::COLUMNS
        } else {
            &self.columns
        }
    }

    /// The amounts of one period.
    pub fn amounts(&self, period: Period) -> Option<&ThreePublicAmounts> {
        self.rows
            .iter()
            .find(|r| r.period == period)
            .map(|r| &r.amounts)
    }

    /// The amounts of a period to change: a period printed without a row
    /// (blank) gets one.
    pub(crate) fn amounts_mut(&mut self, key: &RowKey) -> Option<&mut ThreePublicAmounts> {
        match key {
            RowKey::Period(p) => {
                if !self.rows.iter().any(|r| r.period == *p) && self.periods.contains(p) {
                    self.rows.push(ThreePublicRow {
                        period: *p,
                        amounts: ThreePublicAmounts::default(),
                    });
                }
                self.rows
                    .iter_mut()
                    .find(|r| r.period == *p)
                    .map(|r| &mut r.amounts)
            }
            _ => None,
        }
    }

    /// Whether no row has a number.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.amounts.is_blank())
    }
}

/// The tables of a disclosure, one optional slot per [`TableKind`] (field
/// names are the kinds' snake_case names). A table the document does not
/// print at all is `None`; a table printed empty (表7/8/9 with their note)
/// is `Some` with no rows and a [`TableMeta::empty_note`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// 收支总表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_expenditure_summary: Option<SummaryTable>,
    /// 收入总表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_summary: Option<CodeTable<IncomeAmounts>>,
    /// 支出总表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expenditure_summary: Option<CodeTable<ExpenditureAmounts>>,
    /// 财政拨款收支总表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_appropriation_summary: Option<SummaryTable>,
    /// 一般公共预算支出表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_budget_expenditure: Option<CodeTable<GeneralBudgetAmounts>>,
    /// 一般公共预算基本支出表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_budget_basic_expenditure: Option<CodeTable<BasicExpenditureAmounts>>,
    /// 政府性基金预算支出表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government_fund_expenditure: Option<CodeTable<FundAmounts>>,
    /// 国有资本经营预算支出表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_capital_expenditure: Option<CodeTable<FundAmounts>>,
    /// 财政拨款"三公"经费支出表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub three_public_expenditure: Option<ThreePublicTable>,
    /// The 决算 tables whose shape no budget table has ([`TableKind::EXTRA`]).
    #[serde(default, skip_serializing_if = "crate::FinalAccounts::is_empty")]
    pub final_accounts: crate::FinalAccounts,
    /// Tables read but not typed into a kind (机关运行经费, 政府采购, a shape
    /// the typing did not recognise), in printed order: read, not checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generic: Vec<crate::GenericTable>,
}

impl Tables {
    /// The kinds present, in [`TableKind`] order (the 决算 kinds of
    /// [`TableKind::EXTRA`] last).
    pub fn kinds(&self) -> Vec<TableKind> {
        TableKind::ALL
            .iter()
            .chain(TableKind::EXTRA)
            .copied()
            .filter(|&k| self.has(k))
            .collect()
    }

    /// Whether the table of `kind` is present.
    pub fn has(&self, kind: TableKind) -> bool {
        self.meta(kind).is_some()
    }

    /// The metadata of the table of `kind`, if present.
    pub fn meta(&self, kind: TableKind) -> Option<&TableMeta> {
        match kind {
            TableKind::IncomeExpenditureSummary => {
                self.income_expenditure_summary.as_ref().map(|t| &t.meta)
            }
            TableKind::IncomeSummary => self.income_summary.as_ref().map(|t| &t.meta),
            TableKind::ExpenditureSummary => self.expenditure_summary.as_ref().map(|t| &t.meta),
            TableKind::FiscalAppropriationSummary => {
                self.fiscal_appropriation_summary.as_ref().map(|t| &t.meta)
            }
            TableKind::GeneralBudgetExpenditure => {
                self.general_budget_expenditure.as_ref().map(|t| &t.meta)
            }
            TableKind::GeneralBudgetBasicExpenditure => self
                .general_budget_basic_expenditure
                .as_ref()
                .map(|t| &t.meta),
            TableKind::GovernmentFundExpenditure => {
                self.government_fund_expenditure.as_ref().map(|t| &t.meta)
            }
            TableKind::StateCapitalExpenditure => {
                self.state_capital_expenditure.as_ref().map(|t| &t.meta)
            }
            TableKind::ThreePublicExpenditure => {
                self.three_public_expenditure.as_ref().map(|t| &t.meta)
            }
            _ => self.final_accounts.table(kind).map(|t| &t.meta),
        }
    }

    /// The value of one cell; `None` if blank or absent.
    pub fn get(&self, kind: TableKind, row: &RowKey, column: Column) -> Option<Number> {
        match kind {
            TableKind::IncomeExpenditureSummary => self
                .income_expenditure_summary
                .as_ref()?
                .find(row)?
                .amounts
                .get(column),
            TableKind::FiscalAppropriationSummary => self
                .fiscal_appropriation_summary
                .as_ref()?
                .find(row)?
                .amounts
                .get(column),
            TableKind::IncomeSummary => self.income_summary.as_ref()?.amounts(row)?.get(column),
            TableKind::ExpenditureSummary => {
                self.expenditure_summary.as_ref()?.amounts(row)?.get(column)
            }
            TableKind::GeneralBudgetExpenditure => self
                .general_budget_expenditure
                .as_ref()?
                .amounts(row)?
                .get(column),
            TableKind::GeneralBudgetBasicExpenditure => self
                .general_budget_basic_expenditure
                .as_ref()?
                .amounts(row)?
                .get(column),
            TableKind::GovernmentFundExpenditure => self
                .government_fund_expenditure
                .as_ref()?
                .amounts(row)?
                .get(column),
            TableKind::StateCapitalExpenditure => self
                .state_capital_expenditure
                .as_ref()?
                .amounts(row)?
                .get(column),
            TableKind::ThreePublicExpenditure => match row {
                RowKey::Period(p) => self
                    .three_public_expenditure
                    .as_ref()?
                    .amounts(*p)?
                    .get(column),
                _ => None,
            },
            _ => self
                .final_accounts
                .table(kind)?
                .get(row, column)
                .map(Number::Amount),
        }
    }

    /// Whether the table of `kind` has the row `row` (printed, possibly with
    /// blank cells).
    ///
    /// ```
    /// use yusuan_tables::{Disclosure, RowKey, TableKind};
    /// let d = Disclosure::from_json(include_str!("../../../examples/data/2025-mohrss-information-center.json"))?;
    /// assert!(d.tables.has_row(TableKind::ExpenditureSummary, &RowKey::Code("2080108".parse()?)));
    /// assert!(!d.tables.has_row(TableKind::ExpenditureSummary, &RowKey::Code("2010101".parse()?)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_row(&self, kind: TableKind, row: &RowKey) -> bool {
        match kind {
            TableKind::IncomeExpenditureSummary => self
                .income_expenditure_summary
                .as_ref()
                .is_some_and(|t| t.find(row).is_some()),
            TableKind::FiscalAppropriationSummary => self
                .fiscal_appropriation_summary
                .as_ref()
                .is_some_and(|t| t.find(row).is_some()),
            TableKind::IncomeSummary => self
                .income_summary
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::ExpenditureSummary => self
                .expenditure_summary
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::GeneralBudgetExpenditure => self
                .general_budget_expenditure
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::GeneralBudgetBasicExpenditure => self
                .general_budget_basic_expenditure
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::GovernmentFundExpenditure => self
                .government_fund_expenditure
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::StateCapitalExpenditure => self
                .state_capital_expenditure
                .as_ref()
                .is_some_and(|t| t.amounts(row).is_some()),
            TableKind::ThreePublicExpenditure => match row {
                RowKey::Period(p) => self
                    .three_public_expenditure
                    .as_ref()
                    .is_some_and(|t| t.amounts(*p).is_some()),
                _ => false,
            },
            _ => self
                .final_accounts
                .table(kind)
                .is_some_and(|t| t.rows.iter().any(|r| &r.key == row)),
        }
    }

    /// Sets one cell of an existing row; returns the old value.
    pub(crate) fn set(
        &mut self,
        kind: TableKind,
        row: &RowKey,
        column: Column,
        value: Option<Number>,
    ) -> Option<Result<Option<Number>, TablesError>> {
        Some(match kind {
            TableKind::IncomeExpenditureSummary => self
                .income_expenditure_summary
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::FiscalAppropriationSummary => self
                .fiscal_appropriation_summary
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::IncomeSummary => self
                .income_summary
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::ExpenditureSummary => self
                .expenditure_summary
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::GeneralBudgetExpenditure => self
                .general_budget_expenditure
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::GeneralBudgetBasicExpenditure => self
                .general_budget_basic_expenditure
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::GovernmentFundExpenditure => self
                .government_fund_expenditure
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::StateCapitalExpenditure => self
                .state_capital_expenditure
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            TableKind::ThreePublicExpenditure => self
                .three_public_expenditure
                .as_mut()?
                .amounts_mut(row)?
                .set(column, value),
            _ => {
                return self
                    .final_accounts
                    .slot_mut(kind)?
                    .as_mut()?
                    .set(row, column, value)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column set, one by one, to a distinct value: `for_each_number`
    /// gives what `get` gives column by column, and `is_blank` agrees.
    fn check<A: Amounts + Default>() {
        let mut a = A::default();
        assert!(a.is_blank());
        let mut seen = Vec::new();
        a.for_each_number(|c, n| seen.push((c, n)));
        assert!(seen.is_empty());
        for (i, &c) in A::COLUMNS.iter().enumerate() {
            let v = rust_decimal::Decimal::from(i + 1);
            let n = if c.is_percent() {
                Number::Percent(Percent::new(v))
            } else {
                Number::Amount(Wan::new(v))
            };
            a.set(c, Some(n)).unwrap();
            assert!(!a.is_blank());
            let by_get: Vec<(Column, Number)> = A::COLUMNS
                .iter()
                .filter_map(|&c| a.get(c).map(|n| (c, n)))
                .collect();
            let mut seen = Vec::new();
            a.for_each_number(|c, n| seen.push((c, n)));
            assert_eq!(seen, by_get);
            assert_eq!(seen.len(), i + 1);
        }
    }

    #[test]
    fn for_each_number_and_is_blank_read_as_get_reads() {
        check::<IncomeAmounts>();
        check::<ExpenditureAmounts>();
        check::<GeneralBudgetAmounts>();
        check::<FundAmounts>();
        check::<ThreePublicAmounts>();
        check::<SummaryAmounts>();
    }
}
