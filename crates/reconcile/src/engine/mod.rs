//! The reconciliation engine: runs every rule of the catalogue over a
//! [`Disclosure`] and collects a [`Report`].
//!
//! The checks walk the typed model directly (no lookups by address), count
//! every comparison, and build text only for findings, so a clean
//! disclosure reconciles in microseconds.

mod codes;
mod document;
mod final_accounts;
mod matters;
mod narrative;
mod pair;
mod performance;
mod tables;
mod walk;

use std::borrow::Cow;
use std::rc::Rc;

use yusuan_classification::{Catalog, Code};
use yusuan_money::Wan;
use yusuan_tables::{
    AmountUnit, Amounts, Column, Completeness, Disclosure, Number, NumberRef, RowKey, TableKind,
};

use crate::finding::{CellUse, Finding, Location, Severity, Value};
use crate::percent::{PercentAgreement, PercentJudged};
use crate::report::{Coverage, Report, RuleOutcome, Status, Subject, Summary};
use crate::rules::Rule;
use crate::tolerance::{Agreement, Judged, Rounding};
use crate::ReconcileError;

/// Reconciles a disclosure with the embedded classification catalog.
///
/// ```
/// use yusuan_reconcile::{reconcile, Rule, Status};
/// use yusuan_tables::Disclosure;
/// let json = include_str!("../../../../examples/data/2025-mohrss-information-center.json");
/// let report = reconcile(&Disclosure::from_json(json)?);
/// assert!(!report.has_errors());
/// assert_eq!(report.outcome(Rule::IncomeSubtotal).unwrap().status, Status::Passed);
/// # Ok::<(), yusuan_tables::TablesError>(())
/// ```
pub fn reconcile(disclosure: &Disclosure) -> Report {
    Reconciler::new().reconcile(disclosure)
}

/// Checks a unit's budget (单位预算) against the budget of the department
/// that includes it (部门预算), with the embedded catalog: the rules `D7xx`
/// ([`Family::UnitInDepartment`](crate::Family::UnitInDepartment)). A
/// department budget sums its units' budgets, so no current-year line, code
/// or column of the department can be smaller than the unit's; each finding
/// names both cells (the department's first, in `cells`).
///
/// ```
/// use yusuan_reconcile::{reconcile_unit_in_department, Family};
/// use yusuan_tables::{Disclosure, DocumentKind};
/// let json = include_str!("../../../../examples/data/2025-mohrss-information-center.json");
/// let unit = Disclosure::from_json(json)?;
/// // A department made of this one unit prints the same figures.
/// let mut department = unit.clone();
/// department.kind = DocumentKind::DepartmentBudget;
/// let report = reconcile_unit_in_department(&unit, &department)?;
/// assert!(!report.has_errors());
/// assert!(report.rules.iter().all(|o| o.rule.family() == Family::UnitInDepartment));
/// // Two unit budgets are not a unit and its department.
/// assert!(reconcile_unit_in_department(&unit, &unit).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ReconcileError::NotAUnitAndItsDepartment`] unless `unit` is a 单位预算
/// and `department` a 部门预算 (or a 单位决算 and a 部门决算) of the same
/// year.
pub fn reconcile_unit_in_department(
    unit: &Disclosure,
    department: &Disclosure,
) -> Result<Report, ReconcileError> {
    Reconciler::new().reconcile_unit_in_department(unit, department)
}

/// A configurable reconciliation: which classification catalog names are
/// checked against (default: [`Catalog::embedded`]).
#[derive(Debug, Clone, Copy)]
pub struct Reconciler<'c> {
    catalog: &'c Catalog,
}

impl Default for Reconciler<'static> {
    fn default() -> Self {
        Reconciler::new()
    }
}

impl Reconciler<'static> {
    /// With the embedded catalog.
    pub fn new() -> Self {
        Reconciler {
            catalog: Catalog::embedded(),
        }
    }
}

impl<'c> Reconciler<'c> {
    /// Checks codes and names against `catalog` (e.g. a full official
    /// edition loaded from a file, layered over the embedded one).
    pub fn with_catalog<'n>(self, catalog: &'n Catalog) -> Reconciler<'n> {
        Reconciler { catalog }
    }

    /// Runs every rule and returns the report.
    pub fn reconcile(&self, d: &Disclosure) -> Report {
        let mut ctx = Ctx::new(d, self.catalog);
        tables::check(&mut ctx);
        final_accounts::check(&mut ctx);
        narrative::check(&mut ctx);
        matters::check(&mut ctx);
        performance::check(&mut ctx);
        codes::check(&mut ctx);
        document::check(&mut ctx);
        ctx.finish(Scope::OneDocument)
    }

    /// [`reconcile_unit_in_department`] with this reconciler's catalog.
    ///
    /// # Errors
    /// As [`reconcile_unit_in_department`].
    pub fn reconcile_unit_in_department(
        &self,
        unit: &Disclosure,
        department: &Disclosure,
    ) -> Result<Report, ReconcileError> {
        pair::check_pair(unit, department)?;
        let mut ctx = Ctx::new(unit, self.catalog);
        pair::check(&mut ctx, department);
        let mut report = ctx.finish(Scope::UnitInDepartment);
        report.subject.kind = Some(format!(
            "{}（对照{}）",
            unit.kind.label_zh(),
            department.kind.label_zh()
        ));
        let department_name = department
            .title
            .clone()
            .unwrap_or_else(|| format!("{} {}", department.unit.name, department.kind.label_zh()));
        report.subject.title = Some(format!("对照：{department_name}"));
        Ok(report)
    }
}

/// One printed figure taking part in a check: where, its value (`None` for a
/// blank cell) and the rounding of the unit it is printed in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Term {
    pub at: NumberRef,
    pub v: Option<Wan>,
    pub r: Rounding,
}

impl Term {
    pub fn new(at: NumberRef, v: Option<Wan>, r: Rounding) -> Term {
        Term { at, v, r }
    }
}

/// Whether `total = Σ parts` holds exactly, by integer arithmetic on the
/// mantissas when every printed figure has the same scale (the common case:
/// all printed with two decimals). `false` means "not known to hold": the
/// caller then judges with decimals and the rounding bound.
fn exact_sum(total: Option<Wan>, parts: &[Term]) -> bool {
    let t = total.unwrap_or(Wan::ZERO).value();
    let scale = t.scale();
    let mut sum: i128 = 0;
    for p in parts {
        if let Some(v) = p.v {
            let v = v.value();
            if v.scale() != scale {
                return false;
            }
            sum = match sum.checked_add(v.mantissa()) {
                Some(x) => x,
                None => return false,
            };
        }
    }
    if total.is_none() {
        return sum == 0;
    }
    sum == t.mantissa()
}

/// A code as one integer: its digits as a number, times 16, plus its
/// length (at most 9, so four bits; unique, since the length fixes the
/// leading zeros). The parent
/// of a code (two digits fewer, while longer than three) is then
/// `(key >> 4) / 100` with length − 2: see [`parent_key`].
pub(crate) fn code_key(code: Code) -> u64 {
    let value = code.as_bytes().iter().fold(0u64, |v, &b| {
        v.wrapping_mul(10)
            .wrapping_add(u64::from(b.wrapping_sub(b'0')))
    });
    value << 4 | code.len() as u64
}

/// The key of the parent of the code with key `key` ([`Code::parent`]).
pub(crate) fn parent_key(key: u64) -> Option<u64> {
    let len = key & 0xF;
    (len > 3).then(|| ((key >> 4) / 100) << 4 | (len - 2))
}

/// Whether the code with key `a` is a strict ancestor of the code with key
/// `b` ([`Code::is_ancestor_of`](yusuan_classification::Code::is_ancestor_of)):
/// shorter, and `b`'s leading digits are `a`'s.
pub(crate) fn is_ancestor_key(a: u64, b: u64) -> bool {
    let (la, lb) = (a & 0xF, b & 0xF);
    if la >= lb {
        return false;
    }
    let cut = 10u64.checked_pow(u32::try_from(lb - la).unwrap_or(u32::MAX));
    cut.is_some_and(|cut| (b >> 4) / cut == a >> 4)
}

/// The rounding of a unit.
pub(crate) fn rounding_of(unit: AmountUnit) -> Rounding {
    match unit {
        AmountUnit::Yuan => Rounding::YUAN,
        _ => Rounding::WAN,
    }
}

/// The codes of every table's code rows (a summary table's expenditure
/// side) in printed order, and their keys ([`code_key`]): read once per
/// disclosure.
pub(crate) struct CodeIndex {
    codes: Vec<Code>,
    keys: Vec<u64>,
    /// `ranges[kind as usize]`: the table's rows in `codes` and `keys`.
    ranges: [std::ops::Range<usize>; TableKind::ALL.len()],
}

impl CodeIndex {
    fn new(d: &Disclosure) -> CodeIndex {
        let mut codes = Vec::with_capacity(64);
        let mut ranges = [const { 0..0 }; TableKind::ALL.len()];
        for &kind in TableKind::ALL {
            let start = codes.len();
            codes::push_table_codes(d, kind, &mut codes);
            if let Some(range) = ranges.get_mut(kind as usize) {
                *range = start..codes.len();
            }
        }
        let keys = codes.iter().map(|&c| code_key(c)).collect();
        CodeIndex {
            codes,
            keys,
            ranges,
        }
    }

    fn range(&self, kind: TableKind) -> std::ops::Range<usize> {
        self.ranges.get(kind as usize).cloned().unwrap_or(0..0)
    }

    /// The codes of the table of `kind`.
    pub fn codes(&self, kind: TableKind) -> &[Code] {
        self.codes.get(self.range(kind)).unwrap_or_default()
    }

    /// Their keys.
    pub fn keys(&self, kind: TableKind) -> &[u64] {
        self.keys.get(self.range(kind)).unwrap_or_default()
    }
}

/// Which rules a report covers: those of one document, or those comparing
/// a unit's document with its department's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    OneDocument,
    UnitInDepartment,
}

impl Scope {
    /// The positions in [`Rule::ALL`] of the rules the scope covers: the
    /// `D7xx` rules come last, as `ALL` is sorted by family.
    fn range(self) -> std::ops::Range<usize> {
        match self {
            Scope::OneDocument => 0..ONE_DOCUMENT_RULES,
            Scope::UnitInDepartment => ONE_DOCUMENT_RULES..RULES,
        }
    }
}

/// How many rules check one document: those before the first `D7xx` rule.
const ONE_DOCUMENT_RULES: usize = {
    let mut n = 0;
    while n < Rule::ALL.len() {
        let (_, rest) = Rule::ALL.split_at(n);
        if let [rule, ..] = rest {
            if matches!(rule.family(), crate::rules::Family::UnitInDepartment) {
                break;
            }
        }
        n += 1;
    }
    n
};

/// How many rules the catalogue has.
const RULES: usize = Rule::ALL.len();

/// The amount columns a set of identities runs over, each with its
/// position (at most 64, one bit each in [`Ctx::sum_settled_columns`]).
pub(crate) struct ColumnSet {
    columns: [Column; 64],
    len: usize,
    /// `slot[column as usize]`: the column's position, or `u8::MAX`.
    slot: [u8; Column::ALL.len()],
}

impl ColumnSet {
    /// `None` for more than 64 columns (the caller then checks column by
    /// column).
    pub fn new(columns: impl Iterator<Item = Column>) -> Option<ColumnSet> {
        let mut set = ColumnSet {
            columns: [Column::Total; 64],
            len: 0,
            slot: [u8::MAX; Column::ALL.len()],
        };
        for c in columns {
            let position = u8::try_from(set.len).ok()?;
            *set.columns.get_mut(set.len)? = c;
            if let Some(slot) = set.slot.get_mut(c as usize) {
                *slot = position;
            }
            set.len += 1;
        }
        Some(set)
    }

    /// The columns in order.
    fn columns(&self) -> &[Column] {
        self.columns.get(..self.len).unwrap_or_default()
    }
}

/// One column's sum on the fast path of [`Ctx::sum_settled`].
#[derive(Debug, Clone, Copy)]
struct ColumnSum {
    sum: i128,
    /// The scale every part has so far (`None` before the first).
    scale: Option<u32>,
    /// A part of another scale, or an overflow: not settled here.
    broken: bool,
}

impl ColumnSum {
    const EMPTY: ColumnSum = ColumnSum {
        sum: 0,
        scale: None,
        broken: false,
    };

    fn add(&mut self, v: Wan) {
        let v = v.value();
        let same_scale = *self.scale.get_or_insert(v.scale()) == v.scale();
        match self.sum.checked_add(v.mantissa()) {
            Some(x) if same_scale && !self.broken => self.sum = x,
            _ => self.broken = true,
        }
    }

    /// What [`Ctx::sum_settled`] decides for `total` against these parts:
    /// `Some(false)` every figure blank (skipped, not counted), `Some(true)`
    /// an exact match (counted), `None` not settled here.
    fn settles(&self, total: Option<Wan>) -> Option<bool> {
        if total.is_none() && self.scale.is_none() {
            return Some(false);
        }
        let t = total.unwrap_or(Wan::ZERO).value();
        let exact = !self.broken
            && self.scale.map_or(true, |s| s == t.scale())
            && self.sum == total.map_or(0, |_| t.mantissa());
        exact.then_some(true)
    }
}

/// A set of [`Column`]s as bits (every column's discriminant is below 64).
pub(crate) fn column_bits(columns: impl Iterator<Item = Column>) -> u64 {
    columns.fold(0, |bits, c| bits | 1u64.checked_shl(c as u32).unwrap_or(0))
}

/// What the reading of the cells of a failed comparison allows
/// ([`Ctx::gate`]).
enum Gate {
    /// Every cell read for certain: reported as the rule says.
    Certain,
    /// A blank cell of a row or column its table did not read: not
    /// compared, for this reason.
    Unread(String),
    /// Cells placed with less than certainty (named, with why): at most a
    /// warning.
    Doubtful(String),
}

/// The note of a finding demoted because its cells are doubtful.
fn doubt_note(doubt: &str, rest: Option<&str>) -> String {
    let mut note = format!(
        "所涉单元格读取存疑（{doubt}），不能据此断定文件有误，故仅作警告；请对照原表核对。"
    );
    if let Some(rest) = rest {
        note.push_str(rest);
    }
    note
}

/// Whether `row` (printed as `label`) is among a table's rows printed but
/// not read ([`yusuan_tables::Reading::missing_rows`], by printed label
/// or code).
fn row_is_missing(missing: &[String], row: &RowKey, label: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let label = squash(label);
    missing.iter().any(|m| {
        let m = squash(m);
        !m.is_empty()
            && (m == label
                || label.contains(&m)
                || (label.chars().count() >= 2 && m.contains(&label))
                || row.code().is_some_and(|c| m.starts_with(c.as_str())))
    })
}

/// Whether no row of the table of `kind` was read (no code or line row,
/// no 合计 row, no period).
fn nothing_read(d: &Disclosure, kind: TableKind) -> bool {
    let t = &d.tables;
    match kind {
        TableKind::IncomeExpenditureSummary => t
            .income_expenditure_summary
            .as_ref()
            .is_some_and(|t| t.income.is_empty() && t.expenditure.is_empty()),
        TableKind::FiscalAppropriationSummary => t
            .fiscal_appropriation_summary
            .as_ref()
            .is_some_and(|t| t.income.is_empty() && t.expenditure.is_empty()),
        TableKind::ThreePublicExpenditure => t
            .three_public_expenditure
            .as_ref()
            .is_some_and(|t| t.rows.is_empty()),
        _ => code_table_shape(d, kind, |rows, total, _| rows == 0 && !total),
    }
}

/// Whether the note of a table says it is empty (没有、无、为空).
fn noted_empty(meta: &yusuan_tables::TableMeta) -> bool {
    meta.empty_note
        .iter()
        .chain(&meta.notes)
        .any(|n| n.contains("没有") || n.contains("无") || n.contains("为空"))
}

/// Whether the amounts of a code table all sit in its 合计 column: some
/// row prints a 合计, none prints any other amount column (a table with
/// one 金额 column, or whose split columns were not read).
fn single_amount_column(d: &Disclosure, kind: TableKind) -> bool {
    code_table_shape(d, kind, |_, _, single| single)
}

/// `f(rows, has 合计 row, single amount column)` on the code table of
/// `kind`; `false` for another kind or an absent table.
fn code_table_shape(
    d: &Disclosure,
    kind: TableKind,
    f: impl Fn(usize, bool, bool) -> bool,
) -> bool {
    fn shape<A: Amounts>(t: &yusuan_tables::CodeTable<A>) -> (usize, bool, bool) {
        let (mut total, mut other) = (false, false);
        for a in t.rows.iter().map(|r| &r.amounts).chain(t.total.as_ref()) {
            a.for_each_number(|c, n| {
                if let Number::Amount(_) = n {
                    if c == Column::Total {
                        total = true;
                    } else {
                        other = true;
                    }
                }
            });
        }
        (t.rows.len(), t.total.is_some(), total && !other)
    }
    let t = &d.tables;
    let s = match kind {
        TableKind::IncomeSummary => t.income_summary.as_ref().map(shape),
        TableKind::ExpenditureSummary => t.expenditure_summary.as_ref().map(shape),
        TableKind::GeneralBudgetExpenditure => t.general_budget_expenditure.as_ref().map(shape),
        TableKind::GeneralBudgetBasicExpenditure => {
            t.general_budget_basic_expenditure.as_ref().map(shape)
        }
        TableKind::GovernmentFundExpenditure => t.government_fund_expenditure.as_ref().map(shape),
        TableKind::StateCapitalExpenditure => t.state_capital_expenditure.as_ref().map(shape),
        _ => None,
    };
    s.is_some_and(|(rows, total, single)| f(rows, total, single))
}

pub(crate) struct Ctx<'d> {
    pub d: &'d Disclosure,
    pub catalog: &'d Catalog,
    checks: [u32; RULES],
    skips: [Option<Cow<'static, str>>; RULES],
    /// Comparisons a rule did not make because a cell, row or column was
    /// not read (the first reason is kept in `skips`).
    not_compared: [u32; RULES],
    /// Why rules or comparisons were not applied for reasons of reading or
    /// of a table's shape (each reason once), for the conclusion.
    gaps: Vec<Cow<'static, str>>,
    /// Whether some table was read in part (rows or columns missing): the
    /// comparisons then check for unread cells before they count, and the
    /// fast paths on bare values are not taken.
    partial: bool,
    findings: Vec<Finding>,
    buf: Vec<Term>,
    pairs: Vec<(usize, usize)>,
    column_sums: Vec<ColumnSum>,
    /// The codes of the tables, once read.
    code_index: Option<Rc<CodeIndex>>,
}

impl<'d> Ctx<'d> {
    fn new(d: &'d Disclosure, catalog: &'d Catalog) -> Self {
        Ctx {
            d,
            catalog,
            checks: [0; RULES],
            skips: [const { None }; RULES],
            not_compared: [0; RULES],
            gaps: Vec::new(),
            partial: TableKind::ALL.iter().any(|&k| {
                d.tables
                    .meta(k)
                    .and_then(|m| m.reading.as_ref())
                    .is_some_and(|r| {
                        r.completeness == Completeness::Partial
                            || !r.missing_rows.is_empty()
                            || !r.missing_columns.is_empty()
                    })
            }),
            findings: Vec::new(),
            buf: Vec::with_capacity(32),
            pairs: Vec::with_capacity(64),
            column_sums: Vec::with_capacity(16),
            code_index: None,
        }
    }

    /// The codes of every table (read on first use).
    pub fn code_index(&mut self) -> Rc<CodeIndex> {
        let d = self.d;
        Rc::clone(
            self.code_index
                .get_or_insert_with(|| Rc::new(CodeIndex::new(d))),
        )
    }

    /// The rounding of the table of `kind` (its own unit or the document's).
    pub fn table_rounding(&self, kind: TableKind) -> Rounding {
        let unit = self
            .d
            .tables
            .meta(kind)
            .and_then(|m| m.amount_unit)
            .unwrap_or(self.d.amount_unit);
        rounding_of(unit)
    }

    /// Counts one comparison of `rule`.
    pub fn count(&mut self, rule: Rule) {
        if let Some(c) = self.checks.get_mut(rule.index()) {
            *c = c.saturating_add(1);
        }
    }

    /// Marks `rule` skipped (kept only if it makes no check at all).
    pub fn skip(&mut self, rule: Rule, reason: impl Into<Cow<'static, str>>) {
        self.skip_with(rule, || reason.into());
    }

    /// [`Ctx::skip`] with a reason built only if it is the rule's first.
    pub fn skip_with(&mut self, rule: Rule, reason: impl FnOnce() -> Cow<'static, str>) {
        if let Some(s) = self.skips.get_mut(rule.index()) {
            if s.is_none() {
                *s = Some(reason());
            }
        }
    }

    /// Takes back one comparison counted by [`Ctx::count`].
    fn uncount(&mut self, rule: Rule) {
        if let Some(c) = self.checks.get_mut(rule.index()) {
            *c = c.saturating_sub(1);
        }
    }

    /// Records a reason of reading or shape for the conclusion (once).
    #[allow(clippy::ptr_arg)] // the reason is kept as the `Cow` it is
    fn gap(&mut self, reason: &Cow<'static, str>) {
        if !self.gaps.iter().any(|g| g == reason) {
            self.gaps.push(Cow::clone(reason));
        }
    }

    /// Marks `rule` not applied because it does not fit the shape of a
    /// table, or because what it needs was not read: skipped with the
    /// reason (kept only if the rule makes no check at all), and the
    /// reason is named in the report's conclusion.
    pub fn skip_shape(&mut self, rule: Rule, reason: impl Into<Cow<'static, str>>) {
        let reason = reason.into();
        self.gap(&reason);
        self.skip_with(rule, || reason);
    }

    /// One comparison of `rule` not made because a cell it needs was not
    /// read: counted in [`RuleOutcome::not_compared`], the first reason
    /// kept.
    fn not_compared(&mut self, rule: Rule, reason: String) {
        if let Some(n) = self.not_compared.get_mut(rule.index()) {
            *n = n.saturating_add(1);
        }
        let reason = Cow::Owned(reason);
        self.gap(&reason);
        self.skip_with(rule, || reason);
    }

    /// What the reading of the cells of a failed comparison allows: a cell
    /// of a row or column its table did not read stops the comparison
    /// (never compared with a blank); a cell placed with less than
    /// certainty makes the finding at most a warning naming it.
    fn gate<'a>(&self, cells: impl IntoIterator<Item = (&'a NumberRef, bool)>) -> Gate {
        let mut doubts = Vec::new();
        for (at, blank) in cells {
            let NumberRef::Cell(c) = at else { continue };
            let Some(meta) = self.d.tables.meta(c.table) else {
                continue;
            };
            let table = || {
                meta.title
                    .clone()
                    .unwrap_or_else(|| c.table.label_zh().to_owned())
            };
            // Shapes that say a blank was not read, with or without a
            // reading record: a table in which no row was read at all (and
            // whose note does not say it is empty, and which was not found
            // whole with an empty body: `Reading::printed_empty`), and a
            // split column of a table whose amounts all sit in its 合计 column.
            if blank {
                if !self.d.tables.has_row(c.table, &c.row)
                    && nothing_read(self.d, c.table)
                    && !noted_empty(meta)
                    && !meta.reading.as_ref().is_some_and(|r| r.printed_empty)
                {
                    return Gate::Unread(format!(
                        "{}中没有读到任何行，不与其（空白）比较",
                        table()
                    ));
                }
                if c.column != Column::Total && single_amount_column(self.d, c.table) {
                    return Gate::Unread(format!(
                        "{}只有合计栏有金额（“{}”栏未读取或未列示），不与其（空白）比较",
                        table(),
                        self.d.column_header(c.table, c.column)
                    ));
                }
            }
            let Some(reading) = meta.reading.as_ref() else {
                continue;
            };
            let table = table();
            if blank {
                if reading.missing_columns.contains(&c.column) {
                    return Gate::Unread(format!(
                        "{table}的“{}”栏未读取，不与其（空白）比较",
                        self.d.column_header(c.table, c.column)
                    ));
                }
                let row = self.d.row_label(c.table, &c.row);
                if row_is_missing(&reading.missing_rows, &c.row, &row) {
                    return Gate::Unread(format!("{table}的“{row}”行未读取，不与其（空白）比较"));
                }
                // Read in part without saying what is missing: a row the
                // table lacks may be one it did not read. (Where the rows
                // and columns missing are listed, any other row the table
                // lacks was not printed.)
                if reading.completeness == Completeness::Partial
                    && reading.missing_rows.is_empty()
                    && reading.missing_columns.is_empty()
                    && !self.d.tables.has_row(c.table, &c.row)
                {
                    return Gate::Unread(format!(
                        "{table}未完整读取，没有读到“{row}”行，不与其（空白）比较"
                    ));
                }
            }
            if let Some(doubt) = reading.doubt(&c.row, c.column) {
                if !doubt.placement.is_certain() {
                    let why = if doubt.why.is_empty() {
                        String::new()
                    } else {
                        format!("：{}", doubt.why)
                    };
                    doubts.push(format!(
                        "{} 系{}{why}",
                        self.d.describe(at),
                        doubt.placement.label_zh()
                    ));
                }
            }
        }
        if doubts.is_empty() {
            Gate::Certain
        } else {
            Gate::Doubtful(doubts.join("；"))
        }
    }

    /// Before a comparison counts, where some table was read in part: the
    /// reason it cannot be made if one of its blank cells lies in a row or
    /// column its table did not read (then it is not made, pass or fail).
    fn unread(&mut self, rule: Rule, terms: &[Term]) -> bool {
        if !self.partial {
            return false;
        }
        let gate = self.gate(terms.iter().map(|t| (&t.at, t.v.is_none())));
        match gate {
            Gate::Unread(reason) => {
                self.not_compared(rule, reason);
                true
            }
            _ => false,
        }
    }

    /// A comparison whose arithmetic leaves the range of [`Decimal`]
    /// (amounts near 7.9 × 10^28): a warning that it could not be made,
    /// never a pass.
    ///
    /// [`Decimal`]: yusuan_money::Decimal
    fn out_of_range(&mut self, rule: Rule, terms: &[Term]) {
        let Some(first) = terms.first() else { return };
        let message = format!(
            "{} 所涉金额超出可计算范围（须小于 7.9×10^28），无法核对。",
            self.short(&first.at)
        );
        let finding = Finding {
            rule,
            severity: Severity::Warning,
            message,
            location: self.location(&first.at),
            expected: None,
            actual: first.v.map(Value::Amount),
            difference: None,
            tolerance: None,
            note: Some(
                "金额超出范围（amount out of range）：多为读取或录入错误，请核对该金额。"
                    .to_owned(),
            ),
            cells: terms.iter().map(|t| self.cell_use(t)).collect(),
        };
        self.push(finding);
    }

    /// Records a finding.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// The readable label of a number.
    pub fn label(&self, at: &NumberRef) -> String {
        self.d.describe(at)
    }

    /// A short label: row and column for a table cell, the description
    /// otherwise.
    pub fn short(&self, at: &NumberRef) -> String {
        match at {
            NumberRef::Cell(c) => format!(
                "{} {}",
                self.d.row_label(c.table, &c.row),
                self.d.column_header(c.table, c.column)
            ),
            other => self.d.describe(other),
        }
    }

    /// Where a number is.
    pub fn location(&self, at: &NumberRef) -> Location {
        match at {
            NumberRef::Cell(c) => {
                let title = self
                    .d
                    .tables
                    .meta(c.table)
                    .and_then(|m| m.title.clone())
                    .unwrap_or_else(|| c.table.label_zh().to_owned());
                Location::table(title)
                    .row(self.d.row_label(c.table, &c.row))
                    .column(self.d.column_header(c.table, c.column))
            }
            NumberRef::Narrative { claim, field } => {
                let subject = self
                    .d
                    .narrative
                    .get(*claim)
                    .map(|c| c.kind.subject())
                    .unwrap_or_default();
                Location::table("情况说明")
                    .row(format!("第{}条「{subject}」", claim + 1))
                    .column(field.label_zh())
            }
            NumberRef::Procurement(f) => Location::table("政府采购").column(f.label_zh()),
            NumberRef::AgencyOperation(f) => Location::table("机关运行经费").column(f.label_zh()),
            NumberRef::PerformanceManagement => Location::table("预算绩效管理").column("涉及金额"),
            NumberRef::PerformanceFunds { table, field } => {
                let project = self
                    .d
                    .performance_tables
                    .get(*table)
                    .map(|t| t.project_name.clone())
                    .unwrap_or_default();
                Location::table("项目绩效目标表")
                    .row(project)
                    .column(field.label_zh())
            }
            _ => Location::default(),
        }
    }

    fn cell_use(&self, t: &Term) -> CellUse {
        CellUse {
            at: t.at,
            label: self.label(&t.at),
            value: t.v.map(Value::Amount),
        }
    }

    /// Whether the document prints its tables in 元.
    pub fn in_yuan(&self) -> bool {
        self.d.amount_unit == AmountUnit::Yuan
    }

    /// An amount as text (in 元 where it was printed in 元).
    pub fn amt(&self, w: Wan) -> String {
        crate::finding::amount_text(w, self.in_yuan())
    }

    /// A number as text, `（空白）` for a blank.
    pub fn show(&self, v: Option<Wan>) -> String {
        v.map_or_else(|| "（空白）".to_owned(), |w| self.amt(w))
    }

    /// Turns a judged comparison into a finding (if not exact).
    fn report(
        &mut self,
        rule: Rule,
        j: Judged,
        terms: &[Term],
        message: impl FnOnce(&Self) -> String,
    ) {
        self.report_with(rule, j, terms, terms, message);
    }

    /// [`Ctx::report`] with the cells shown (`terms`) and every cell the
    /// comparison read, blanks included (`read`, for [`Ctx::gate`]).
    fn report_with(
        &mut self,
        rule: Rule,
        j: Judged,
        terms: &[Term],
        read: &[Term],
        message: impl FnOnce(&Self) -> String,
    ) {
        let mut severity = match j.agreement {
            Agreement::Exact => return,
            Agreement::Rounding => Severity::Warning,
            Agreement::Mismatch => rule.severity(),
        };
        let Some(first) = terms.first() else { return };
        let mut note = match j.agreement {
            Agreement::Rounding => Some(format!(
                "差额 {} 在舍入误差范围内（{} 个打印数逐项四舍五入，容差 ±{}），可能并非错误。",
                self.amt(j.difference),
                j.parts,
                self.amt(Wan::new(j.bound.value().normalize()))
            )),
            _ => Some(rule.info().action_zh.to_owned()),
        };
        match self.gate(read.iter().map(|t| (&t.at, t.v.is_none()))) {
            Gate::Certain => {}
            Gate::Unread(reason) => {
                self.uncount(rule);
                self.not_compared(rule, reason);
                return;
            }
            Gate::Doubtful(doubt) => {
                severity = severity.min(Severity::Warning);
                note = Some(doubt_note(&doubt, note.as_deref()));
            }
        }
        let j = Judged {
            bound: Wan::new(j.bound.value().normalize()),
            ..j
        };
        let finding = Finding {
            rule,
            severity,
            message: message(self),
            location: self.location(&first.at),
            expected: Some(Value::Amount(j.expected)),
            actual: Some(Value::Amount(j.actual)),
            difference: Some(Value::Amount(j.difference)),
            tolerance: Some(Value::Amount(j.bound)),
            note,
            cells: terms.iter().map(|t| self.cell_use(t)).collect(),
        };
        self.push(finding);
    }

    /// The fast path of [`Ctx::sum`] on the bare values, for callers that
    /// build the terms only when needed: `true` when the check is settled
    /// (every figure blank: not counted, as `sum` skips it; an exact match by
    /// [`exact_sum`]: counted), `false` when the caller must call
    /// [`Ctx::sum`] with the terms (nothing counted yet).
    pub fn sum_settled(
        &mut self,
        rule: Rule,
        total: Option<Wan>,
        parts: impl IntoIterator<Item = Option<Wan>>,
    ) -> bool {
        if self.partial {
            // Unread cells are looked for by `sum`, on the terms.
            return false;
        }
        let t = total.unwrap_or(Wan::ZERO).value();
        let scale = t.scale();
        let mut any = total.is_some();
        let mut integral = true;
        let mut sum: i128 = 0;
        for v in parts.into_iter().flatten() {
            any = true;
            if integral {
                let v = v.value();
                match sum.checked_add(v.mantissa()) {
                    Some(x) if v.scale() == scale => sum = x,
                    _ => integral = false,
                }
            }
        }
        if !any {
            return true;
        }
        let exact = integral
            && if total.is_none() {
                sum == 0
            } else {
                sum == t.mantissa()
            };
        if exact {
            self.count(rule);
        }
        exact
    }

    /// [`Ctx::sum_settled`] in every column of `columns` at once, for
    /// `total`'s row against the rows `parts`, each row read once (with
    /// [`Amounts::for_each_number`]) instead of once per column. Bit `k` of
    /// the result is set when the identity in `columns.columns()[k]` is
    /// settled (counted exactly as `sum_settled` counts); the caller checks
    /// the other columns with [`Ctx::sum`].
    pub fn sum_settled_columns<'a, A: Amounts + 'a>(
        &mut self,
        rule: Rule,
        columns: &ColumnSet,
        total: &A,
        parts: impl Iterator<Item = &'a A>,
    ) -> u64 {
        if self.partial {
            return 0;
        }
        let mut sums = std::mem::take(&mut self.column_sums);
        sums.clear();
        sums.resize(columns.len, ColumnSum::EMPTY);
        for row in parts {
            row.for_each_number(|c, n| {
                if let Number::Amount(w) = n {
                    let slot = columns.slot.get(c as usize).copied().unwrap_or(u8::MAX);
                    if let Some(sum) = sums.get_mut(usize::from(slot)) {
                        sum.add(w);
                    }
                }
            });
        }
        let mut settled = 0u64;
        for (k, (&c, sum)) in columns.columns().iter().zip(&sums).enumerate() {
            let total = total.get(c).and_then(|n| n.as_amount());
            if let Some(counted) = sum.settles(total) {
                if counted {
                    self.count(rule);
                }
                settled |= 1u64 << k;
            }
        }
        self.column_sums = sums;
        settled
    }

    /// [`Ctx::sum_settled`] for `total_col = Σ` the columns in `parts` (see
    /// [`column_bits`]) of one row, reading the row once.
    pub fn row_settled<A: Amounts>(
        &mut self,
        rule: Rule,
        row: &A,
        total_col: Column,
        parts: u64,
    ) -> bool {
        if self.partial {
            return false;
        }
        let mut sum = ColumnSum::EMPTY;
        let mut total = None;
        row.for_each_number(|c, n| {
            if let Number::Amount(w) = n {
                if c == total_col {
                    total = Some(w);
                } else if parts & 1u64.checked_shl(c as u32).unwrap_or(0) != 0 {
                    sum.add(w);
                }
            }
        });
        match sum.settles(total) {
            Some(counted) => {
                if counted {
                    self.count(rule);
                }
                true
            }
            None => false,
        }
    }

    /// `total = Σ parts`. Skipped when every figure is blank; a blank
    /// counts as zero otherwise.
    pub fn sum(&mut self, rule: Rule, total: Term, parts: &[Term]) {
        if total.v.is_none() && parts.iter().all(|p| p.v.is_none()) {
            return;
        }
        if self.partial {
            let mut all = Vec::with_capacity(parts.len() + 1);
            all.push(total);
            all.extend_from_slice(parts);
            if self.unread(rule, &all) {
                return;
            }
        }
        self.count(rule);
        if exact_sum(total.v, parts) {
            return;
        }
        let mut expected = Wan::ZERO;
        let mut bound = total.r.coarse_extra(total.v.unwrap_or(Wan::ZERO));
        let mut n = 0usize;
        for p in parts {
            if let Some(v) = p.v {
                expected = match expected.checked_add(v) {
                    Some(e) => e,
                    None => {
                        let mut terms = vec![total];
                        terms.extend(parts.iter().filter(|p| p.v.is_some()).copied());
                        self.out_of_range(rule, &terms);
                        return;
                    }
                };
                bound = bound.saturating_add(p.r.half_of(v).value());
                n += 1;
            }
        }
        let actual = total.v.unwrap_or(Wan::ZERO);
        let j = Judged::new(expected, actual, Wan::new(bound), n);
        if j.agreement == Agreement::Exact {
            return;
        }
        let mut terms = Vec::with_capacity(parts.len() + 1);
        terms.push(total);
        terms.extend(parts.iter().filter(|p| p.v.is_some()).copied());
        let mut read = Vec::with_capacity(parts.len() + 1);
        read.push(total);
        read.extend(parts.iter().copied());
        self.report_with(rule, j, &terms, &read, |c| {
            let names: Vec<String> = parts
                .iter()
                .filter(|p| p.v.is_some())
                .map(|p| c.short(&p.at))
                .collect();
            let names = if names.is_empty() {
                "（无分项）".to_owned()
            } else {
                names.join(" + ")
            };
            format!(
                "{} 为 {}，而 {} = {}，相差 {}。",
                c.short(&total.at),
                c.show(total.v),
                names,
                c.amt(j.expected),
                c.amt(j.difference)
            )
        });
    }

    /// `actual` and `expected` are the same amount printed twice.
    pub fn same(&mut self, rule: Rule, expected: Term, actual: Term) {
        if expected.v.is_none() && actual.v.is_none() {
            return;
        }
        if self.unread(rule, &[actual, expected]) {
            return;
        }
        self.count(rule);
        let e = expected.v.unwrap_or(Wan::ZERO);
        let a = actual.v.unwrap_or(Wan::ZERO);
        if e == a {
            return;
        }
        if a.checked_sub(e).is_none() {
            self.out_of_range(rule, &[actual, expected]);
            return;
        }
        let bound = expected
            .r
            .half_of(e)
            .value()
            .saturating_add(actual.r.half_of(a).value());
        let j = Judged::new(e, a, Wan::new(bound), 2);
        if j.agreement == Agreement::Exact {
            return;
        }
        self.report(rule, j, &[actual, expected], |c| {
            format!(
                "{} 为 {}，与 {} 的 {} 不一致，相差 {}。",
                c.label(&actual.at),
                c.show(actual.v),
                c.label(&expected.at),
                c.show(expected.v),
                c.amt(j.difference)
            )
        });
    }

    /// `small ≤ large`.
    pub fn at_most(&mut self, rule: Rule, small: Term, large: Term) {
        if small.v.is_none() && large.v.is_none() {
            return;
        }
        if self.unread(rule, &[small, large]) {
            return;
        }
        self.count(rule);
        let s = small.v.unwrap_or(Wan::ZERO);
        let l = large.v.unwrap_or(Wan::ZERO);
        if s <= l {
            return;
        }
        let Some(difference) = s.checked_sub(l) else {
            self.out_of_range(rule, &[small, large]);
            return;
        };
        let bound = Wan::new(
            small
                .r
                .half_of(s)
                .value()
                .saturating_add(large.r.half_of(l).value()),
        );
        let agreement = if difference.value() <= rust_decimal::Decimal::ZERO {
            return;
        } else if difference <= bound {
            Agreement::Rounding
        } else {
            Agreement::Mismatch
        };
        let j = Judged {
            expected: l,
            actual: s,
            difference,
            bound,
            parts: 2,
            agreement,
        };
        self.report(rule, j, &[small, large], |c| {
            format!(
                "{} 为 {}，超过 {} 的 {}，超出 {}。",
                c.label(&small.at),
                c.show(small.v),
                c.label(&large.at),
                c.show(large.v),
                c.amt(difference)
            )
        });
    }

    /// The fast path of [`Ctx::difference`] on the bare values: `true` when
    /// the check is settled (every figure blank: not counted; the difference
    /// matches exactly, or cannot be computed: counted), `false` when the
    /// caller must call [`Ctx::difference`] with the terms (nothing counted).
    pub fn difference_settled(
        &mut self,
        rule: Rule,
        actual: Option<Wan>,
        minuend: Option<Wan>,
        subtrahend: Option<Wan>,
    ) -> bool {
        if self.partial {
            return false;
        }
        if actual.is_none() && minuend.is_none() && subtrahend.is_none() {
            return true;
        }
        let m = minuend.unwrap_or(Wan::ZERO);
        let s = subtrahend.unwrap_or(Wan::ZERO);
        match m.checked_sub(s) {
            Some(expected) if expected == actual.unwrap_or(Wan::ZERO) => {
                self.count(rule);
                true
            }
            // A mismatch, or out of range: judged (and reported) by
            // `difference`.
            _ => false,
        }
    }

    /// `actual = minuend − subtrahend`.
    pub fn difference(&mut self, rule: Rule, actual: Term, minuend: Term, subtrahend: Term) {
        if actual.v.is_none() && minuend.v.is_none() && subtrahend.v.is_none() {
            return;
        }
        if self.unread(rule, &[actual, minuend, subtrahend]) {
            return;
        }
        self.count(rule);
        let m = minuend.v.unwrap_or(Wan::ZERO);
        let s = subtrahend.v.unwrap_or(Wan::ZERO);
        let a = actual.v.unwrap_or(Wan::ZERO);
        let Some(expected) = m.checked_sub(s) else {
            self.out_of_range(rule, &[actual, minuend, subtrahend]);
            return;
        };
        if expected == a {
            return;
        }
        let bound = actual
            .r
            .coarse_extra(a)
            .saturating_add(minuend.r.half_of(m).value())
            .saturating_add(subtrahend.r.half_of(s).value());
        let j = Judged::new(expected, a, Wan::new(bound), 2);
        if j.agreement == Agreement::Exact {
            return;
        }
        self.report(rule, j, &[actual, minuend, subtrahend], |c| {
            format!(
                "{} 为 {}，而 {} − {} = {}，相差 {}。",
                c.short(&actual.at),
                c.show(actual.v),
                c.short(&minuend.at),
                c.short(&subtrahend.at),
                c.amt(expected),
                c.amt(j.difference)
            )
        });
    }

    /// Records a percentage comparison (share or growth).
    #[allow(clippy::too_many_arguments)]
    pub fn percent(
        &mut self,
        rule: Rule,
        at: NumberRef,
        j: &PercentJudged,
        inputs: &[Term],
        what: &str,
    ) {
        self.count(rule);
        if j.agreement == PercentAgreement::Exact {
            return;
        }
        // The unrounded value to four places, for the explanation.
        let exact = j.exact.map_or_else(String::new, |e| {
            yusuan_money::round_half_away(e, 4).to_string()
        });
        let (mut severity, mut note) = match j.agreement {
            PercentAgreement::Exact => return,
            PercentAgreement::Adjusted(adj) => (
                Severity::Info,
                format!(
                    "按金额计算为 {}%，四舍五入为 {}；印发数 {} 是为使各项占比合计 100.00% 所作的调整（{}），属正常做法，并非错误。",
                    exact, j.expected, j.actual, adj.label_zh()
                ),
            ),
            PercentAgreement::Rounding => (
                Severity::Warning,
                format!(
                    "按印发金额计算为 {}%；考虑金额本身的四舍五入，{} 仍可得到，可能并非错误。",
                    exact, j.actual
                ),
            ),
            PercentAgreement::Mismatch => (
                rule.severity(),
                format!(
                    "按金额计算为 {}%，四舍五入为 {}。{}",
                    exact,
                    j.expected,
                    rule.info().action_zh
                ),
            ),
        };
        let cells =
            std::iter::once((&at, false)).chain(inputs.iter().map(|t| (&t.at, t.v.is_none())));
        match self.gate(cells) {
            Gate::Certain => {}
            Gate::Unread(reason) => {
                self.uncount(rule);
                self.not_compared(rule, reason);
                return;
            }
            Gate::Doubtful(doubt) => {
                severity = severity.min(Severity::Warning);
                note = doubt_note(&doubt, Some(&note));
            }
        }
        let label = self.label(&at);
        let message = format!(
            "{} 印为 {}，按{}重算为 {}，相差 {} 个百分点。",
            label,
            j.actual,
            what,
            j.expected,
            j.difference.points()
        );
        let mut cells = Vec::with_capacity(inputs.len() + 1);
        cells.push(CellUse {
            at,
            label,
            value: Some(Value::Percent(j.actual)),
        });
        cells.extend(inputs.iter().map(|t| self.cell_use(t)));
        let finding = Finding {
            rule,
            severity,
            message,
            location: self.location(&at),
            expected: Some(Value::Percent(j.expected)),
            actual: Some(Value::Percent(j.actual)),
            difference: Some(Value::Percent(j.difference)),
            tolerance: None,
            note: Some(note),
            cells,
        };
        self.push(finding);
    }

    /// A finding without arithmetic (codes, structure, text).
    #[allow(clippy::too_many_arguments)]
    pub fn note(
        &mut self,
        rule: Rule,
        severity: Severity,
        location: Location,
        message: String,
        expected: Option<Value>,
        actual: Option<Value>,
        note: Option<String>,
        cells: Vec<CellUse>,
    ) {
        self.push(Finding {
            rule,
            severity,
            message,
            location,
            expected,
            actual,
            difference: None,
            tolerance: None,
            note,
            cells,
        });
    }

    /// A scratch buffer of terms (returned with [`Ctx::give_back`]).
    pub fn take_buf(&mut self) -> Vec<Term> {
        let mut b = std::mem::take(&mut self.buf);
        b.clear();
        b
    }

    /// Returns the scratch buffer.
    pub fn give_back(&mut self, buf: Vec<Term>) {
        self.buf = buf;
    }

    /// A scratch buffer of index pairs (returned with
    /// [`Ctx::give_back_pairs`]).
    pub fn take_pairs(&mut self) -> Vec<(usize, usize)> {
        let mut b = std::mem::take(&mut self.pairs);
        b.clear();
        b
    }

    /// Returns the scratch buffer of index pairs.
    pub fn give_back_pairs(&mut self, pairs: Vec<(usize, usize)>) {
        self.pairs = pairs;
    }

    fn finish(self, scope: Scope) -> Report {
        let Ctx {
            d,
            checks,
            skips,
            not_compared,
            gaps,
            mut findings,
            ..
        } = self;
        let demoted = doubtful_tables(d, scope, &checks, &mut findings);
        findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        let mut summary = Summary {
            rules: u32::try_from(scope.range().len()).unwrap_or(u32::MAX),
            ..Summary::default()
        };
        let mut per_rule = [[0u32; 3]; RULES];
        for f in &findings {
            let slot = match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            };
            if let Some(c) = per_rule
                .get_mut(f.rule.index())
                .and_then(|r| r.get_mut(slot))
            {
                *c += 1;
            }
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        // A failure folded into a table's "reading doubtful" warning stays a
        // warning of its rule.
        for (counts, d) in per_rule.iter_mut().zip(demoted) {
            if let Some(w) = counts.get_mut(1) {
                *w += d;
            }
        }
        let range = scope.range();
        let mut rules = Vec::with_capacity(range.len());
        let mut amount_checks = 0u32;
        let mut total_not_compared = 0u32;
        let per_rule_parts = Rule::ALL
            .iter()
            .zip(checks)
            .zip(per_rule)
            .zip(skips)
            .zip(not_compared);
        for ((((&rule, n), [errors, warnings, infos]), skip), nc) in
            per_rule_parts.skip(range.start).take(range.len())
        {
            let (status, skip_reason) = if errors + warnings > 0 {
                (Status::Failed, skip.filter(|_| nc > 0))
            } else if n > 0 || infos > 0 {
                (Status::Passed, skip.filter(|_| nc > 0))
            } else {
                let reason = skip.unwrap_or(Cow::Borrowed("本文件中没有可检查的内容"));
                (Status::Skipped, Some(reason))
            };
            match status {
                Status::Passed => summary.passed += 1,
                Status::Failed => summary.failed += 1,
                Status::Skipped => summary.skipped += 1,
            }
            summary.checks = summary.checks.saturating_add(n);
            total_not_compared = total_not_compared.saturating_add(nc);
            if matches!(
                rule.family(),
                crate::rules::Family::WithinTable
                    | crate::rules::Family::CrossTable
                    | crate::rules::Family::Narrative
                    | crate::rules::Family::Performance
                    | crate::rules::Family::UnitInDepartment
            ) {
                amount_checks = amount_checks.saturating_add(n);
            }
            rules.push(RuleOutcome {
                rule,
                title_zh: Cow::Borrowed(rule.title_zh()),
                title_en: Cow::Borrowed(rule.title_en()),
                severity: rule.severity(),
                status,
                skip_reason,
                checks: n,
                not_compared: nc,
                errors,
                warnings,
                infos,
            });
        }
        let coverage = coverage(d, &summary, amount_checks, total_not_compared, gaps);
        Report {
            subject: Subject {
                title: d.title.clone(),
                unit: Some(d.unit.name.clone()).filter(|n| !n.is_empty()),
                year: Some(d.year),
                kind: Some(d.kind.label_zh().to_owned()),
                amount_unit: d.amount_unit.label_zh().to_owned(),
            },
            summary,
            coverage,
            rules,
            findings,
        }
    }
}

/// Fewer comparisons than this and a table is never judged "reading
/// doubtful": one misprint could fail most of them.
const DOUBTFUL_MIN_CHECKS: u32 = 4;

/// Folds the errors of each table that fails more than half of its own
/// identities ([`Rule::own_table`]; at least [`DOUBTFUL_MIN_CHECKS`]
/// comparisons) into one [`Rule::TableReadingDoubtful`] warning listing
/// them. Returns, per rule, how many of its errors were folded.
fn doubtful_tables(
    d: &Disclosure,
    scope: Scope,
    checks: &[u32; RULES],
    findings: &mut Vec<Finding>,
) -> [u32; RULES] {
    let mut demoted = [0u32; RULES];
    if scope != Scope::OneDocument {
        return demoted;
    }
    // Comparisons made and errors found per table, in one pass each.
    const KINDS: usize = TableKind::ALL.len() + TableKind::EXTRA.len();
    let mut made = [0u32; KINDS];
    for (rule, &n) in Rule::ALL.iter().zip(checks) {
        if let Some(slot) = rule.own_table().and_then(|k| made.get_mut(k as usize)) {
            *slot = slot.saturating_add(n);
        }
    }
    let mut failed = [0u32; KINDS];
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        if let Some(slot) = f.rule.own_table().and_then(|k| failed.get_mut(k as usize)) {
            *slot = slot.saturating_add(1);
        }
    }
    for ((&kind, &made), &failed) in TableKind::ALL
        .iter()
        .chain(TableKind::EXTRA)
        .zip(&made)
        .zip(&failed)
    {
        if made < DOUBTFUL_MIN_CHECKS || failed.saturating_mul(2) <= made {
            continue;
        }
        let own = |rule: Rule| rule.own_table() == Some(kind);
        let (folded, kept): (Vec<Finding>, Vec<Finding>) = std::mem::take(findings)
            .into_iter()
            .partition(|f| f.severity == Severity::Error && own(f.rule));
        *findings = kept;
        let title = d
            .tables
            .meta(kind)
            .and_then(|m| m.title.clone())
            .unwrap_or_else(|| kind.label_zh().to_owned());
        const LISTED: usize = 30;
        let mut list: Vec<String> = folded
            .iter()
            .take(LISTED)
            .map(|f| format!("[{}] {}", f.rule.id(), f.message))
            .collect();
        if folded.len() > LISTED {
            list.push(format!("……另 {} 项", folded.len() - LISTED));
        }
        let mut cells: Vec<CellUse> = Vec::new();
        for f in &folded {
            if let Some(slot) = demoted.get_mut(f.rule.index()) {
                *slot += 1;
            }
            for c in &f.cells {
                if !cells.iter().any(|k| k.at == c.at) {
                    cells.push(c.clone());
                }
            }
        }
        findings.push(Finding {
            rule: Rule::TableReadingDoubtful,
            severity: Severity::Warning,
            message: format!(
                "本表读取存疑：{title}的表内勾稽 {made} 项比较中 {failed} 项不符（多于一半），更可能是读取（分栏、对位）有误，而非文件逐项出错；以下不符不作为错误报告。"
            ),
            location: Location::table(title),
            expected: None,
            actual: None,
            difference: None,
            tolerance: None,
            note: Some(list.join("\n")),
            cells,
        });
    }
    demoted
}

/// What was checked: tables read, amounts, rules, and the conclusion
/// ([`Coverage`]).
fn coverage(
    d: &Disclosure,
    summary: &Summary,
    amount_checks: u32,
    not_compared: u32,
    gaps: Vec<Cow<'static, str>>,
) -> Coverage {
    let kinds = expected_kinds(d);
    let mut c = Coverage {
        tables_expected: u32::try_from(kinds.len()).unwrap_or(u32::MAX),
        generic_tables: u32::try_from(d.tables.generic.len()).unwrap_or(u32::MAX),
        rules_run: summary.passed.saturating_add(summary.failed),
        rules_skipped: summary.skipped,
        not_compared,
        gaps: gaps.into_iter().map(Cow::into_owned).collect(),
        ..Coverage::default()
    };
    let mut with_amounts = 0u32;
    for &kind in kinds {
        let n = table_amounts(d, kind);
        c.table_amounts = c.table_amounts.saturating_add(n);
        if n > 0 {
            with_amounts += 1;
        }
    }
    c.narrative_claims = u32::try_from(d.narrative.len()).unwrap_or(u32::MAX);
    let is_final = kinds.first() == TableKind::FINAL_NINE.first();
    for &kind in kinds {
        let name = || {
            if is_final {
                kind.final_label_zh().to_owned()
            } else {
                kind.label_zh().to_owned()
            }
        };
        match d.tables.meta(kind) {
            None => c.tables_not_read.push(name()),
            Some(meta) => {
                c.tables_read += 1;
                if !meta.is_complete() {
                    c.tables_partial.push(name());
                }
                if let Some(r) = &meta.reading {
                    let doubtful = r.doubtful.iter().filter(|x| !x.placement.is_certain());
                    let n = u32::try_from(doubtful.count()).unwrap_or(u32::MAX);
                    c.doubtful_cells = c.doubtful_cells.saturating_add(n);
                }
            }
        }
    }
    c.tables_with_amounts = with_amounts;
    c.nothing_checked = amount_checks == 0;
    c.complete = c.tables_not_read.is_empty()
        && c.tables_partial.is_empty()
        && c.doubtful_cells == 0
        && c.gaps.is_empty()
        && !c.nothing_checked;
    c.conclusion = conclusion(&c, summary.errors);
    c
}

/// The nine tables a disclosure should print: a 决算's (when it is one or
/// holds 决算 tables) or a 预算's.
fn expected_kinds(d: &Disclosure) -> &'static [TableKind] {
    d.expected_tables()
}

/// How many numbers the table of `kind` holds (read once, without
/// building addresses).
fn table_amounts(d: &Disclosure, kind: TableKind) -> u32 {
    fn count<'a, A: Amounts + 'a>(rows: impl Iterator<Item = &'a A>) -> u32 {
        let mut n = 0u32;
        for a in rows {
            a.for_each_number(|_, _| n = n.saturating_add(1));
        }
        n
    }
    fn code<A: Amounts>(t: Option<&yusuan_tables::CodeTable<A>>) -> u32 {
        t.map_or(0, |t| {
            count(t.rows.iter().map(|r| &r.amounts).chain(t.total.as_ref()))
        })
    }
    fn summary(t: Option<&yusuan_tables::SummaryTable>) -> u32 {
        t.map_or(0, |t| {
            count(t.income.iter().chain(&t.expenditure).map(|r| &r.amounts))
        })
    }
    let t = &d.tables;
    match kind {
        TableKind::IncomeExpenditureSummary => summary(t.income_expenditure_summary.as_ref()),
        TableKind::FiscalAppropriationSummary => summary(t.fiscal_appropriation_summary.as_ref()),
        TableKind::IncomeSummary => code(t.income_summary.as_ref()),
        TableKind::ExpenditureSummary => code(t.expenditure_summary.as_ref()),
        TableKind::GeneralBudgetExpenditure => code(t.general_budget_expenditure.as_ref()),
        TableKind::GeneralBudgetBasicExpenditure => {
            code(t.general_budget_basic_expenditure.as_ref())
        }
        TableKind::GovernmentFundExpenditure => code(t.government_fund_expenditure.as_ref()),
        TableKind::StateCapitalExpenditure => code(t.state_capital_expenditure.as_ref()),
        TableKind::ThreePublicExpenditure => t
            .three_public_expenditure
            .as_ref()
            .map_or(0, |t| count(t.rows.iter().map(|r| &r.amounts))),
        _ => t.final_accounts.table(kind).map_or(0, |t| {
            let n: usize = t.rows.iter().map(|r| r.amounts.len()).sum();
            u32::try_from(n).unwrap_or(u32::MAX)
        }),
    }
}

/// The conclusion sentence ([`Coverage::conclusion`]).
fn conclusion(c: &Coverage, errors: u32) -> String {
    if c.nothing_checked && errors == 0 {
        let mut s = "未能核对：没有读到可核对的表格金额或说明数字".to_owned();
        if c.generic_tables > 0 {
            s.push_str(&format!(
                "（读取了 {} 张通用表格，未作核对）",
                c.generic_tables
            ));
        }
        s.push_str("，无从判断有无错误");
        return s;
    }
    let head = if errors > 0 {
        format!("发现 {errors} 个错误")
    } else {
        "未发现错误".to_owned()
    };
    if c.complete {
        return head;
    }
    let mut first = format!("仅核对了{}张表中的 {} 张", c.tables_expected, c.tables_read);
    if c.tables_with_amounts < c.tables_read {
        first.push_str(&format!("（有金额的 {} 张）", c.tables_with_amounts));
    }
    let mut what = vec![first];
    if c.narrative_claims > 0 {
        if let Some(first) = what.first_mut() {
            first.push_str("及情况说明");
        }
    }
    if !c.tables_not_read.is_empty() {
        what.push(format!("未能读取：{}", c.tables_not_read.join("、")));
    }
    if !c.tables_partial.is_empty() {
        what.push(format!("部分读取：{}", c.tables_partial.join("、")));
    }
    if c.doubtful_cells > 0 {
        what.push(format!(
            "{} 个金额读取存疑，相关不符仅作警告",
            c.doubtful_cells
        ));
    }
    if !c.gaps.is_empty() {
        what.push(format!(
            "{} 处规则因未读取或表式不符未予适用（见跳过的规则）",
            c.gaps.len()
        ));
    }
    format!("{head}（{}）", what.join("；"))
}
