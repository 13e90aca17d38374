//! yusuan-performance: the 项目绩效目标表 (project performance target table),
//! its 指标值 (indicator targets), validation, and 绩效自评 (performance
//! self-evaluation) scoring.
//!
//! - [`PerformanceTargetTable`], [`Indicator`], [`Department`],
//!   [`ProjectFunds`]: the table as a typed, serde-able model (re-used by
//!   yusuan-tables in its disclosure model).
//! - [`Level1`], [`Level2`], [`classify`]: the indicator taxonomy of
//!   财预〔2021〕101号.
//! - [`Target`], [`Comparator`], [`Unit`], [`QualitativeLevel`]: the printed
//!   指标值 (`≤2459.07万元`, `≥1000台（套）`, `优`) read into typed targets.
//! - [`validate()`]: weights (indicators + 执行率 = 100, split by 一级指标),
//!   fund arithmetic, the 成本指标 ceiling against the funds, taxonomy,
//!   duplicates, empty names → a list of typed [`Issue`]s with locations.
//! - [`score()`] under a [`ScoringPolicy`]: the 预算执行率 score, each
//!   indicator's score with its [`Rule`] and formula, the total and the
//!   [`Grade`] (优/良/中/差).
//!
//! ```
//! use yusuan_performance::{score, validate, PerformanceTargetTable, ProjectActuals, ScoringPolicy};
//! let table: PerformanceTargetTable =
//!     serde_json::from_str(include_str!("../../../examples/data/2025-jinbao-target.json"))?;
//! let actuals: ProjectActuals =
//!     serde_json::from_str(include_str!("../../../examples/data/2025-jinbao-actuals.json"))?;
//! let policy = ScoringPolicy::central();
//! assert!(validate(&table, &policy).is_valid());
//! let card = score(&table, &actuals, &policy)?;
//! assert_eq!(card.lines.len(), 18);
//! assert!(card.missing.is_empty() && card.grade.is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
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

mod error;
mod model;
pub mod policy;
pub mod render;
pub mod score;
mod serde_dec;
pub mod target;
pub mod taxonomy;
pub mod validate;

pub use error::PerformanceError;
pub use model::{
    Department, Indicator, Pairing, PairingConfidence, PerformanceTargetTable, ProjectFunds,
};
pub use policy::{
    Grade, GradeBands, LowerIsBetterRule, QualitativeBands, Rule, ScoringPolicy, Tier,
};
pub use score::{
    score, Actual, ActualEntry, ExecutionScore, LineScore, ProjectActuals, ScoreLine, Scorecard,
};
pub use target::{
    Comparator, Dimension, Direction, Measure, QualitativeLevel, Scale, Target, Unit,
};
pub use taxonomy::{classify, Classification, Level1, Level2};
pub use validate::{
    taxonomy_issues, validate, validate_without_pairings, Issue, IssueKind, Location, Severity,
    ValidationReport, WeightSplit,
};
