//! yusuan-reconcile: does a budget disclosure (预算公开) agree with itself?
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

pub use engine::{reconcile, Reconciler};
pub use error::ReconcileError;
pub use finding::{CellUse, Finding, Location, Severity, Value};
pub use report::{Report, RuleOutcome, Status, Subject, Summary};
pub use rules::{Family, Rule, RuleInfo, Tolerance};
