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
mod serde_dec;
pub mod target;
pub mod taxonomy;

pub use error::PerformanceError;
pub use model::{
    Department, Indicator, Pairing, PairingConfidence, PerformanceTargetTable, ProjectFunds,
};
pub use target::{
    Comparator, Dimension, Direction, Measure, QualitativeLevel, Scale, Target, Unit,
};
pub use taxonomy::{classify, Classification, Level1, Level2};
