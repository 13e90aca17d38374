//! The reconciliation engine: runs every rule of the catalogue over a
//! [`Disclosure`] and collects a [`Report`].
//!
//! The checks walk the typed model directly (no lookups by address), count
//! every comparison, and build text only for findings, so a clean
//! disclosure reconciles in microseconds.

mod codes;
mod document;
mod narrative;
mod pair;
mod performance;
mod tables;
mod walk;

use std::borrow::Cow;
use std::rc::Rc;

use yusuan_classification::{Catalog, Code};
use yusuan_money::Wan;
use yusuan_tables::{AmountUnit, Amounts, Column, Disclosure, Number, NumberRef, TableKind};

use crate::finding::{CellUse, Finding, Location, Severity, Value};
use crate::percent::{PercentAgreement, PercentJudged};
use crate::report::{Report, RuleOutcome, Status, Subject, Summary};
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
        narrative::check(&mut ctx);
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

pub(crate) struct Ctx<'d> {
    pub d: &'d Disclosure,
    pub catalog: &'d Catalog,
    checks: [u32; RULES],
    skips: [Option<Cow<'static, str>>; RULES],
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
                c.column.header_zh(c.table)
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
                    .column(c.column.header_zh(c.table))
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
        let severity = match j.agreement {
            Agreement::Exact => return,
            Agreement::Rounding => Severity::Warning,
            Agreement::Mismatch => rule.severity(),
        };
        let Some(first) = terms.first() else { return };
        let note = match j.agreement {
            Agreement::Rounding => Some(format!(
                "差额 {} 在舍入误差范围内（{} 个打印数逐项四舍五入，容差 ±{}），可能并非错误。",
                self.amt(j.difference),
                j.parts,
                self.amt(Wan::new(j.bound.value().normalize()))
            )),
            _ => Some(rule.info().action_zh.to_owned()),
        };
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
                    None => return,
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
        self.report(rule, j, &terms, |c| {
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
        self.count(rule);
        let e = expected.v.unwrap_or(Wan::ZERO);
        let a = actual.v.unwrap_or(Wan::ZERO);
        if e == a {
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
        self.count(rule);
        let s = small.v.unwrap_or(Wan::ZERO);
        let l = large.v.unwrap_or(Wan::ZERO);
        if s <= l {
            return;
        }
        let Some(difference) = s.checked_sub(l) else {
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
        if actual.is_none() && minuend.is_none() && subtrahend.is_none() {
            return true;
        }
        let m = minuend.unwrap_or(Wan::ZERO);
        let s = subtrahend.unwrap_or(Wan::ZERO);
        match m.checked_sub(s) {
            Some(expected) if expected != actual.unwrap_or(Wan::ZERO) => false,
            _ => {
                self.count(rule);
                true
            }
        }
    }

    /// `actual = minuend − subtrahend`.
    pub fn difference(&mut self, rule: Rule, actual: Term, minuend: Term, subtrahend: Term) {
        if actual.v.is_none() && minuend.v.is_none() && subtrahend.v.is_none() {
            return;
        }
        self.count(rule);
        let m = minuend.v.unwrap_or(Wan::ZERO);
        let s = subtrahend.v.unwrap_or(Wan::ZERO);
        let a = actual.v.unwrap_or(Wan::ZERO);
        let Some(expected) = m.checked_sub(s) else {
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
        let (severity, note) = match j.agreement {
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
            mut findings,
            ..
        } = self;
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
        let range = scope.range();
        let mut rules = Vec::with_capacity(range.len());
        let per_rule_parts = Rule::ALL.iter().zip(checks).zip(per_rule).zip(skips);
        for (((&rule, n), [errors, warnings, infos]), skip) in
            per_rule_parts.skip(range.start).take(range.len())
        {
            let (status, skip_reason) = if errors + warnings > 0 {
                (Status::Failed, None)
            } else if n > 0 || infos > 0 {
                (Status::Passed, None)
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
            rules.push(RuleOutcome {
                rule,
                title_zh: Cow::Borrowed(rule.title_zh()),
                title_en: Cow::Borrowed(rule.title_en()),
                severity: rule.severity(),
                status,
                skip_reason,
                checks: n,
                errors,
                warnings,
                infos,
            });
        }
        Report {
            subject: Subject {
                title: d.title.clone(),
                unit: Some(d.unit.name.clone()).filter(|n| !n.is_empty()),
                year: Some(d.year),
                kind: Some(d.kind.label_zh().to_owned()),
                amount_unit: d.amount_unit.label_zh().to_owned(),
            },
            summary,
            rules,
            findings,
        }
    }
}
