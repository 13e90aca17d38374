//! yusuan-reconcile: does a budget disclosure (预算公开) agree with itself?
//!
//! [`reconcile`] runs every rule of the catalogue ([`Rule::ALL`]) that
//! checks one document over a [`yusuan_tables::Disclosure`] and returns a
//! [`Report`]: one [`RuleOutcome`] per rule (passed, failed or skipped with
//! the reason) and
//! the [`Finding`]s, each with its rule ID, severity, message, location
//! (table, row, column), expected and actual values, their difference, the
//! tolerance applied and every cell involved.
//!
//! ```
//! use yusuan_reconcile::{reconcile, Rule, Severity};
//! use yusuan_tables::Disclosure;
//!
//! let json = include_str!("../../../examples/data/2025-mohrss-information-center.json");
//! let mut disclosure = Disclosure::from_json(json)?;
//! let report = reconcile(&disclosure);
//! assert!(!report.has_errors());
//! // 使用非财政拨款结余 "占 1.50%": 130.00 / 8,633.56 = 1.5057%, printed 1.50% so
//! // that the shares sum to 100.00% — explained, as info.
//! let share = report.findings_for(Rule::NarrativeShare).next().unwrap();
//! assert_eq!(share.severity, Severity::Info);
//! // 成本指标 ≤2459.07万元 against 年度资金总额 2,459.08: a rounding-sized warning.
//! let cost = report.findings_of(Severity::Warning).next().unwrap();
//! assert_eq!(cost.rule, Rule::CostIndicatorFunds);
//!
//! // Change one number: the finding names the cell, expected and actual.
//! let cell = disclosure.cells().into_iter()
//!     .find(|(at, _)| disclosure.describe(at).contains("本年收入合计"))
//!     .unwrap().0;
//! disclosure.set(&cell, Some(yusuan_money::Wan::parse("8180.19")?.into()))?;
//! let report = reconcile(&disclosure);
//! let error = report.findings_of(Severity::Error).next().unwrap();
//! assert_eq!(error.rule.id(), "T101");
//! assert_eq!(error.cells[0].at, cell);
//! println!("{}", report.render_text());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`reconcile_unit_in_department`] compares a unit's budget (单位预算) with
//! the budget of the department that includes it (部门预算), by the rules
//! `D7xx`: no current-year figure of the department can be smaller than the
//! unit's.
//!
//! # Tolerance
//!
//! Published amounts are rounded to 0.01 of the printed unit cell by cell, so
//! a total may differ from the sum of its `n` printed parts by up to
//! `n × 0.005` without anyone erring: an exact match passes, a difference
//! inside that bound is a warning that says so (with `n` and the bound), a
//! larger one is an error ([`tolerance`]). Shares and growth rates are
//! recomputed with 四舍五入; a share that differs only because the publisher
//! put the 尾差 on the last item is info ([`percent`]). Direction words are
//! read from normalised text ([`direction`]). Each rule documents its
//! tolerance ([`RuleInfo::tolerance`]).
//!
//! A checker that cries wolf is worse than none: every rule is written so
//! that a correct document produces no error — unknown codes are info (the
//! embedded catalog is partial), rounding-sized differences are warnings,
//! and a rule that cannot apply is skipped with its reason.
//!
//! # Honest findings
//!
//! A finding that accuses the document rests on cells read for certain
//! ([`yusuan_tables::Reading`] on each table's metadata; a table written by
//! hand is certain). A failed comparison over a cell placed by an identity
//! or a guess is at most a warning whose note names the cell and why. A
//! comparison that needs a blank cell of a row or column its table did not
//! read — listed as missing, a table read in part, a table in which no row
//! was read, a split column of a table whose amounts all sit in its 合计
//! column — is not made ([`RuleOutcome::not_compared`], with the reason):
//! never "与…的（空白）不一致". Rules that do not fit a table's shape (a
//! single 金额 column) are skipped with the reason. A table failing more
//! than half of its own identities ([`Rule::own_table`]; at least 4
//! comparisons) gives one warning [`Rule::TableReadingDoubtful`] listing
//! them, not one error each. The report's [`Coverage`] says what was
//! checked, and its conclusion says "未发现错误" unqualified only when all
//! nine tables were read completely and every rule that fits ran;
//! [`Coverage::nothing_checked`] when no amount could be checked.
//!
//! # Reports
//!
//! [`Report::render_text`] gives a terminal report grouped by severity with
//! Chinese labels; `serde_json::to_string(&report)` gives the JSON described
//! in the [`Report`] documentation; [`Rule::explain`] documents one rule for
//! `yusuan explain RULE`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod direction;
mod engine;
mod error;
mod finding;
pub mod percent;
mod report;
mod rules;
pub mod tolerance;

pub use engine::{reconcile, reconcile_unit_in_department, Reconciler};
pub use error::ReconcileError;
pub use finding::{amount_text, CellUse, Finding, Location, Severity, Value};
pub use report::{Coverage, Report, RuleOutcome, Status, Subject, Summary};

/// The rule with this ID, for `yusuan explain RULE`.
///
/// ```
/// let rule = yusuan_reconcile::rule("x211")?;
/// assert!(rule.explain().contains("744.78") || rule.explain().contains("表6"));
/// assert!(yusuan_reconcile::rule("T999").is_err());
/// # Ok::<(), yusuan_reconcile::ReconcileError>(())
/// ```
///
/// # Errors
/// [`ReconcileError::UnknownRule`] quoting the ID.
pub fn rule(id: &str) -> Result<Rule, ReconcileError> {
    Rule::from_id(id).ok_or_else(|| ReconcileError::UnknownRule { id: id.to_owned() })
}
pub use rules::{Family, Rule, RuleInfo, Tolerance};
