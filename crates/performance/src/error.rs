//! The error type of yusuan-performance.

use rust_decimal::Decimal;

/// Everything that can go wrong reading targets and scoring.
///
/// Each variant quotes the offending text and, where there is one, names the
/// project and the indicator (0-based index into
/// [`PerformanceTargetTable::indicators`](crate::PerformanceTargetTable::indicators)
/// and its 三级指标 name).
///
/// ```
/// use yusuan_performance::{PerformanceError, Target};
/// let err = Target::parse("≥约95%").unwrap_err();
/// assert!(matches!(err, PerformanceError::UnreadableTarget { .. }));
/// assert_eq!(err.to_string(), "cannot read 指标值 \"≥约95%\": expected a number after the comparator, found \"约95%\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PerformanceError {
    /// A 主管部门及代码 cell without the `[code]name` form.
    #[error("cannot read 主管部门及代码 {text:?}: {reason}")]
    InvalidDepartment {
        /// The cell as given.
        text: String,
        /// What is missing.
        reason: &'static str,
    },
    /// A 指标值 that is neither a comparator-value-unit target nor a known
    /// qualitative level.
    #[error("cannot read 指标值 {text:?}: {reason}")]
    UnreadableTarget {
        /// The 指标值 as given.
        text: String,
        /// What was expected, and what was found.
        reason: String,
    },
    /// An actual value (实际完成值) that cannot be read.
    #[error("cannot read the actual value {text:?}: {reason}")]
    UnreadableActual {
        /// The value as given.
        text: String,
        /// What was expected, and what was found.
        reason: String,
    },
    /// The actual value is in a unit that cannot be converted to the
    /// target's (e.g. 工作日 against 小时 when the policy defines no working
    /// day, or 台 against 个).
    #[error("indicator {index} {indicator:?}: the actual is in {actual_unit:?}, which cannot be converted to the target's {target_unit:?}")]
    IncompatibleUnits {
        /// Index of the indicator.
        index: usize,
        /// Its 三级指标 name.
        indicator: String,
        /// The target's unit as printed (empty if none).
        target_unit: String,
        /// The actual's unit (empty if none).
        actual_unit: String,
    },
    /// A quantitative target given a qualitative actual, or the reverse.
    #[error("indicator {index} {indicator:?}: target {target:?} cannot be scored against the actual {actual:?}")]
    ActualKindMismatch {
        /// Index of the indicator.
        index: usize,
        /// Its 三级指标 name.
        indicator: String,
        /// The target as printed.
        target: String,
        /// The actual as given.
        actual: String,
    },
    /// A qualitative actual on another scale than the target (e.g. 较好
    /// against 优).
    #[error("indicator {index} {indicator:?}: the level {actual:?} is not on the scale of the target {target:?}")]
    IncomparableLevels {
        /// Index of the indicator.
        index: usize,
        /// Its 三级指标 name.
        indicator: String,
        /// The target level.
        target: String,
        /// The actual level.
        actual: String,
    },
    /// An assessed percentage of the 分值 outside the band of its tier under
    /// the policy's qualitative bands.
    #[error("indicator {index} {indicator:?}: {percent}% of the 分值 is outside the band {low}%–{high}% of the tier {tier}")]
    PercentOutsideBand {
        /// Index of the indicator.
        index: usize,
        /// Its 三级指标 name.
        indicator: String,
        /// The tier (its Chinese label).
        tier: &'static str,
        /// The percentage given.
        percent: Decimal,
        /// The band's lower bound.
        low: Decimal,
        /// The band's upper bound.
        high: Decimal,
    },
    /// A negative actual or target value where only non-negative ones make
    /// sense (counts, durations, rates, amounts).
    #[error("indicator {index} {indicator:?}: negative value {value}")]
    NegativeValue {
        /// Index of the indicator.
        index: usize,
        /// Its 三级指标 name.
        indicator: String,
        /// The value.
        value: Decimal,
    },
    /// 全年预算数 is zero or negative, so no 预算执行率 can be computed.
    #[error(
        "project {project:?}: 全年预算数 {budget} is not positive; no 预算执行率 can be computed"
    )]
    NonPositiveBudget {
        /// 项目名称.
        project: String,
        /// The budget as given (万元).
        budget: Decimal,
    },
    /// 全年执行数 is negative.
    #[error("project {project:?}: 全年执行数 {executed} is negative")]
    NegativeExecution {
        /// 项目名称.
        project: String,
        /// The amount as given (万元).
        executed: Decimal,
    },
    /// An actual names no indicator of the table.
    #[error("project {project:?}: the actual for {name:?} names no indicator of the table")]
    UnknownActual {
        /// 项目名称.
        project: String,
        /// The name given with the actual.
        name: String,
    },
    /// An actual names more than one indicator, or one indicator is given two
    /// actuals.
    #[error("project {project:?}: {name:?} is ambiguous: {reason}")]
    AmbiguousActual {
        /// 项目名称.
        project: String,
        /// The 三级指标 name.
        name: String,
        /// Why.
        reason: &'static str,
    },
    /// A computation exceeded the range of a decimal.
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// Which computation.
        operation: &'static str,
    },
}
