//! 绩效自评 scoring: a table, the year's actuals and a [`ScoringPolicy`] →
//! a [`Scorecard`].
//!
//! ```
//! use yusuan_performance::{score, Actual, ActualEntry, Department, Indicator, Level2,
//!     PerformanceTargetTable, ProjectActuals, ScoringPolicy, LowerIsBetterRule};
//! use yusuan_money::{Decimal, Wan};
//!
//! let mut table = PerformanceTargetTable::new("项目", Department::new("117", "人力资源社会保障部"));
//! table.indicators.push(Indicator::new(Level2::Timeliness, "故障响应时间", "≤8小时", "2.5".parse()?));
//! let actuals = ProjectActuals {
//!     project_name: "项目".into(),
//!     note: None,
//!     budget: Some(Wan::parse("2,459.08")?),
//!     executed: Some(Wan::parse("2,400.00")?),
//!     indicators: vec![ActualEntry::new("故障响应时间", Actual::parse("10小时")?)],
//! };
//! let card = score(&table, &actuals, &ScoringPolicy::central())?;
//! assert_eq!(card.lines[0].score().unwrap().to_string(), "2.00");   // 8 ÷ 10 × 2.5
//! assert_eq!(card.execution.as_ref().unwrap().score.to_string(), "9.76"); // 2,400.00 ÷ 2,459.08 × 10
//!
//! let linear = ScoringPolicy::central().with_lower_is_better(LowerIsBetterRule::LinearDeduction);
//! let card = score(&table, &actuals, &linear)?;
//! assert_eq!(card.lines[0].score().unwrap().to_string(), "1.88");   // (1 − 2 ÷ 8) × 2.5 = 1.875
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::error::PerformanceError;
use crate::model::{Indicator, PerformanceTargetTable};
use crate::policy::{Grade, LowerIsBetterRule, Rule, ScoringPolicy, Tier};
use crate::target::{Comparator, Dimension, Measure, QualitativeLevel, Target, Unit};
use crate::taxonomy::{Level1, Level2};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use yusuan_money::{round_half_away, Percent, Wan};

/// An actual result (实际完成值) of one indicator.
///
/// In JSON: a string (`"10小时"`, `"98.5%"`, `"优"`) or, for an evaluator's
/// assessment of a qualitative indicator, `{"tier": "partly_achieved",
/// "percent": "70"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Actual {
    /// A measured value with its unit.
    Measured(Measure),
    /// A qualitative level (compared with the target's level).
    Level(QualitativeLevel),
    /// An evaluator's assessment: the tier and the percentage of the 分值
    /// within the tier's band.
    Assessed {
        /// The tier.
        tier: Tier,
        /// Percentage of the 分值 (e.g. 70 for 70%).
        percent: Decimal,
    },
}

impl Actual {
    /// Reads `优` as a level, anything else as a [`Measure`] (`10小时`).
    ///
    /// # Errors
    /// [`PerformanceError::UnreadableActual`] quoting the text.
    pub fn parse(text: &str) -> Result<Actual, PerformanceError> {
        match QualitativeLevel::parse(text) {
            Some(level) => Ok(Actual::Level(level)),
            None => Measure::parse(text).map(Actual::Measured),
        }
    }
}

impl fmt::Display for Actual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actual::Measured(m) => m.fmt(f),
            Actual::Level(l) => l.fmt(f),
            Actual::Assessed { tier, percent } => write!(f, "{} {percent}%", tier.label_zh()),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum ActualRepr {
    Text(String),
    Assessed {
        tier: Tier,
        #[serde(with = "crate::serde_dec")]
        percent: Decimal,
    },
}

impl Serialize for Actual {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Actual::Assessed { tier, percent } => ActualRepr::Assessed {
                tier: *tier,
                percent: *percent,
            },
            other => ActualRepr::Text(other.to_string()),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Actual {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match ActualRepr::deserialize(deserializer)? {
            ActualRepr::Text(text) => Actual::parse(&text).map_err(serde::de::Error::custom),
            ActualRepr::Assessed { tier, percent } => Ok(Actual::Assessed { tier, percent }),
        }
    }
}

/// The actual of one indicator, keyed by its 三级指标 name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualEntry {
    /// The 三级指标 name, as in the table.
    pub name: String,
    /// The indicator's index in the table, needed only when two indicators
    /// share a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The actual result.
    pub actual: Actual,
    /// A remark (source of the figure …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ActualEntry {
    /// An entry for the indicator named `name`.
    pub fn new(name: impl Into<String>, actual: Actual) -> Self {
        ActualEntry {
            name: name.into(),
            index: None,
            actual,
            note: None,
        }
    }
}

/// The year's actuals of one project (绩效自评 input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectActuals {
    /// 项目名称.
    pub project_name: String,
    /// A remark (e.g. that the figures are invented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 全年预算数 (万元).
    #[serde(default)]
    pub budget: Option<Wan>,
    /// 全年执行数 (万元).
    #[serde(default)]
    pub executed: Option<Wan>,
    /// One entry per indicator.
    #[serde(default)]
    pub indicators: Vec<ActualEntry>,
}

/// The 预算执行率 part of a scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecutionScore {
    /// 全年预算数.
    pub budget: Wan,
    /// 全年执行数.
    pub executed: Wan,
    /// 预算执行率, 四舍五入 to 2 places.
    pub rate: Percent,
    /// 执行率分值.
    #[serde(with = "crate::serde_dec")]
    pub weight: Decimal,
    /// The score, 四舍五入 to 2 places, never above the weight.
    #[serde(with = "crate::serde_dec")]
    pub score: Decimal,
    /// The rule applied.
    pub rule: Rule,
    /// The formula with its numbers.
    pub formula: String,
}

/// How one indicator was scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineScore {
    /// The score, 四舍五入 to 2 places, never above the 分值.
    #[serde(with = "crate::serde_dec")]
    pub score: Decimal,
    /// Whether the target is met.
    pub met: bool,
    /// The rule that produced the score.
    pub rule: Rule,
    /// The formula with its numbers, e.g. `8 ÷ 10 × 2.5 = 2.00`.
    pub formula: String,
}

/// One indicator's line of a [`Scorecard`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    /// Index of the indicator in the table.
    pub index: usize,
    /// 一级指标.
    pub level1: Level1,
    /// 二级指标.
    pub level2: Level2,
    /// 三级指标.
    pub name: String,
    /// 指标值 as printed.
    pub target: String,
    /// 分值.
    #[serde(with = "crate::serde_dec")]
    pub weight: Decimal,
    /// The actual, as given; `None` when missing.
    pub actual: Option<Actual>,
    /// The result; `None` when the actual is missing (never zero-filled).
    pub outcome: Option<LineScore>,
}

impl ScoreLine {
    /// The score, if scored.
    pub fn score(&self) -> Option<Decimal> {
        self.outcome.as_ref().map(|o| o.score)
    }
}

/// The result of [`score`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    /// 项目名称.
    pub project_name: String,
    /// The policy's name.
    pub policy: String,
    /// The 预算执行率 part; `None` if 全年预算数 or 全年执行数 is missing.
    pub execution: Option<ExecutionScore>,
    /// One line per indicator, in table order.
    pub lines: Vec<ScoreLine>,
    /// What could not be scored for want of an actual: `预算执行率` and/or
    /// 三级指标 names.
    pub missing: Vec<String>,
    /// Σ of the scored parts (each already rounded), so it equals the sum of
    /// the printed scores.
    #[serde(with = "crate::serde_dec")]
    pub total: Decimal,
    /// Σ of all weights (执行率 included).
    #[serde(with = "crate::serde_dec")]
    pub max_total: Decimal,
    /// The grade; `None` while anything is missing.
    pub grade: Option<Grade>,
}

/// Scores `table` against `actuals` under `policy`.
///
/// Every indicator gets a [`ScoreLine`]; an indicator without an actual is
/// listed in [`Scorecard::missing`] and not scored, and the grade is then
/// withheld.
///
/// # Errors
/// - [`PerformanceError::UnreadableTarget`] for a 指标值 that cannot be read;
/// - [`PerformanceError::UnknownActual`] / [`PerformanceError::AmbiguousActual`]
///   for an actual that names no indicator, or several, or twice the same;
/// - [`PerformanceError::IncompatibleUnits`], [`PerformanceError::ActualKindMismatch`],
///   [`PerformanceError::IncomparableLevels`], [`PerformanceError::PercentOutsideBand`],
///   [`PerformanceError::NegativeValue`] for an actual that cannot be scored
///   against its target;
/// - [`PerformanceError::NonPositiveBudget`] / [`PerformanceError::NegativeExecution`].
pub fn score(
    table: &PerformanceTargetTable,
    actuals: &ProjectActuals,
    policy: &ScoringPolicy,
) -> Result<Scorecard, PerformanceError> {
    let project = table.project_name.clone();
    // Match the actuals to the indicators.
    let mut assigned: Vec<Option<&Actual>> = vec![None; table.indicators.len()];
    for entry in &actuals.indicators {
        let index = match entry.index {
            Some(i) => {
                let ok = table.indicators.get(i).is_some_and(|ind| {
                    yusuan_money::text::squeeze(&ind.name)
                        == yusuan_money::text::squeeze(&entry.name)
                });
                if !ok {
                    return Err(PerformanceError::UnknownActual {
                        project,
                        name: format!("{} (index {i})", entry.name),
                    });
                }
                i
            }
            None => {
                let mut found = table.find_indicators(&entry.name).map(|(i, _)| i);
                match (found.next(), found.next()) {
                    (Some(i), None) => i,
                    (None, _) => {
                        return Err(PerformanceError::UnknownActual {
                            project,
                            name: entry.name.clone(),
                        })
                    }
                    (Some(_), Some(_)) => {
                        return Err(PerformanceError::AmbiguousActual {
                            project,
                            name: entry.name.clone(),
                            reason: "several indicators have this name; give the index",
                        })
                    }
                }
            }
        };
        match assigned.get_mut(index) {
            Some(slot @ None) => *slot = Some(&entry.actual),
            _ => {
                return Err(PerformanceError::AmbiguousActual {
                    project,
                    name: entry.name.clone(),
                    reason: "the indicator is given two actuals",
                })
            }
        }
    }

    let mut missing = Vec::new();
    let execution = match (actuals.budget, actuals.executed) {
        (Some(budget), Some(executed)) => Some(score_execution(
            &project,
            budget,
            executed,
            table.execution_rate_weight,
        )?),
        _ => {
            missing.push("预算执行率".to_owned());
            None
        }
    };

    let mut lines = Vec::with_capacity(table.indicators.len());
    for ((index, ind), actual) in table.indicators.iter().enumerate().zip(assigned) {
        let outcome = match actual {
            Some(a) => Some(score_indicator(index, ind, a, policy)?),
            None => {
                missing.push(ind.name.clone());
                None
            }
        };
        lines.push(ScoreLine {
            index,
            level1: ind.level1,
            level2: ind.level2,
            name: ind.name.clone(),
            target: ind.target.clone(),
            weight: ind.weight,
            actual: actual.cloned(),
            outcome,
        });
    }

    let total = crate::model::saturating_sum(
        execution
            .as_ref()
            .map(|e| e.score)
            .into_iter()
            .chain(lines.iter().filter_map(ScoreLine::score)),
    );
    let max_total = table.total_weight();
    let grade = missing.is_empty().then(|| policy.grade_bands.grade(total));
    Ok(Scorecard {
        project_name: project,
        policy: policy.name.clone(),
        execution,
        lines,
        missing,
        total,
        max_total,
        grade,
    })
}

/// 四舍五入 to 2 places, never above the weight (a weight with more than
/// two places caps at its value truncated to two), never below 0; always
/// printed with two places.
fn finish(raw: Decimal, weight: Decimal) -> Decimal {
    let mut score = round_half_away(raw, 2);
    if score > weight {
        score = weight.round_dp_with_strategy(2, RoundingStrategy::ToZero);
    }
    let mut score = score.max(Decimal::ZERO);
    score.rescale(2);
    score
}

/// `= raw` or `= raw → score` for formulas.
fn result_text(raw: Decimal, score: Decimal) -> String {
    let shown = round_half_away(raw, 4).normalize();
    if shown == score {
        format!("= {score}")
    } else if round_half_away(raw, 4) == raw {
        format!("= {shown} → {score}")
    } else {
        format!("≈ {shown} → {score}")
    }
}

fn score_execution(
    project: &str,
    budget: Wan,
    executed: Wan,
    weight: Decimal,
) -> Result<ExecutionScore, PerformanceError> {
    if budget.value() <= Decimal::ZERO {
        return Err(PerformanceError::NonPositiveBudget {
            project: project.to_owned(),
            budget: budget.value(),
        });
    }
    if executed.is_negative() {
        return Err(PerformanceError::NegativeExecution {
            project: project.to_owned(),
            executed: executed.value(),
        });
    }
    let ratio = executed
        .value()
        .checked_div(budget.value())
        .ok_or(PerformanceError::Overflow {
            operation: "预算执行率",
        })?;
    let rate = Percent::new(round_half_away(
        ratio.saturating_mul(Decimal::ONE_HUNDRED),
        2,
    ));
    let raw = ratio.min(Decimal::ONE) * weight;
    let score = finish(raw, weight);
    let formula = if ratio > Decimal::ONE {
        format!("{executed} ÷ {budget} > 1, capped at the 分值: {score}")
    } else {
        format!(
            "{executed} ÷ {budget} × {weight} {}",
            result_text(raw, score)
        )
    };
    Ok(ExecutionScore {
        budget,
        executed,
        rate,
        weight,
        score,
        rule: Rule::ExecutionRate,
        formula,
    })
}

/// A unit's size in base units under a policy (工作日 via its hours).
fn factor(unit: &Unit, policy: &ScoringPolicy) -> Option<Decimal> {
    match unit {
        Unit::WorkingDays => policy
            .working_day_hours
            .and_then(|h| h.checked_mul(Decimal::from(60))),
        other => other.base_factor(),
    }
}

fn dimension(unit: &Unit, policy: &ScoringPolicy) -> Dimension {
    match unit {
        Unit::WorkingDays if policy.working_day_hours.is_some() => Dimension::Time,
        other => other.dimension(),
    }
}

/// The actual value expressed in the target's unit, exactly where the
/// conversion factors allow.
fn convert(
    index: usize,
    ind: &Indicator,
    actual: &Measure,
    target_unit: Option<&Unit>,
    policy: &ScoringPolicy,
) -> Result<Decimal, PerformanceError> {
    let incompatible = || PerformanceError::IncompatibleUnits {
        index,
        indicator: ind.name.clone(),
        target_unit: target_unit
            .map(|u| u.label_zh().to_owned())
            .unwrap_or_default(),
        actual_unit: actual
            .unit
            .as_ref()
            .map(|u| u.label_zh().to_owned())
            .unwrap_or_default(),
    };
    match (target_unit, actual.unit.as_ref()) {
        (None, None) => Ok(actual.value),
        (Some(t), Some(a)) if t == a => Ok(actual.value),
        (Some(t), Some(a)) if dimension(t, policy) == dimension(a, policy) => {
            let (ft, fa) = match (factor(t, policy), factor(a, policy)) {
                (Some(ft), Some(fa)) if !ft.is_zero() => (ft, fa),
                _ => return Err(incompatible()),
            };
            actual
                .value
                .checked_mul(fa)
                .and_then(|base| base.checked_div(ft))
                .ok_or(PerformanceError::Overflow {
                    operation: "unit conversion",
                })
        }
        _ => Err(incompatible()),
    }
}

fn score_indicator(
    index: usize,
    ind: &Indicator,
    actual: &Actual,
    policy: &ScoringPolicy,
) -> Result<LineScore, PerformanceError> {
    let weight = ind.weight;
    let mismatch = || PerformanceError::ActualKindMismatch {
        index,
        indicator: ind.name.clone(),
        target: ind.target.clone(),
        actual: actual.to_string(),
    };
    let negative = |value: Decimal| PerformanceError::NegativeValue {
        index,
        indicator: ind.name.clone(),
        value,
    };
    match (ind.parsed_target()?, actual) {
        (
            Target::Quantitative {
                comparator,
                value: target,
                unit,
            },
            Actual::Measured(m),
        ) => {
            if target.is_sign_negative() && !target.is_zero() {
                return Err(negative(target));
            }
            let a = convert(index, ind, m, unit.as_ref(), policy)?;
            if a.is_sign_negative() && !a.is_zero() {
                return Err(negative(m.value));
            }
            let u = unit.as_ref().map(Unit::label_zh).unwrap_or_default();
            let (shown_actual, conversion) = if m.unit.as_ref() == unit.as_ref() {
                (m.value.to_string(), String::new())
            } else {
                let approx = if round_half_away(a, 4) == a {
                    "="
                } else {
                    "≈"
                };
                let shown = round_half_away(a, 4).normalize().to_string();
                let note = format!("{m} {approx} {shown}{u}; ");
                (shown, note)
            };
            let mut line =
                score_quantitative(comparator, target, a, &shown_actual, u, weight, policy);
            line.formula.insert_str(0, &conversion);
            Ok(line)
        }
        (Target::Qualitative(target), Actual::Level(level)) => {
            if level.scale() != target.scale() {
                return Err(PerformanceError::IncomparableLevels {
                    index,
                    indicator: ind.name.clone(),
                    target: target.label_zh().to_owned(),
                    actual: level.label_zh().to_owned(),
                });
            }
            let bands = policy.qualitative_bands;
            if level.rank() >= target.rank() {
                let score = finish(weight, weight);
                return Ok(LineScore {
                    score,
                    met: true,
                    rule: Rule::MetTarget,
                    formula: format!("{level} 达到目标 {target}: 满分 {score}"),
                });
            }
            let steps = target.rank() - level.rank();
            let tier = if steps == 1 {
                Tier::PartlyAchieved
            } else {
                Tier::NotAchieved
            };
            let (low, _) = bands.band(tier);
            let raw = low / Decimal::ONE_HUNDRED * weight;
            let score = finish(raw, weight);
            Ok(LineScore {
                score,
                met: false,
                rule: bands.rule(),
                formula: format!(
                    "{level} 低于目标 {target} {steps} 档 → {}: {low}% × {weight} {}",
                    tier.label_zh(),
                    result_text(raw, score)
                ),
            })
        }
        (Target::Qualitative(_), Actual::Assessed { tier, percent }) => {
            let bands = policy.qualitative_bands;
            if !bands.contains(*tier, *percent) {
                let (low, high) = bands.band(*tier);
                return Err(PerformanceError::PercentOutsideBand {
                    index,
                    indicator: ind.name.clone(),
                    tier: tier.label_zh(),
                    percent: *percent,
                    low,
                    high,
                });
            }
            let raw = *percent / Decimal::ONE_HUNDRED * weight;
            let score = finish(raw, weight);
            Ok(LineScore {
                score,
                met: *tier == Tier::Achieved,
                rule: bands.rule(),
                formula: format!(
                    "{}: {percent}% × {weight} {}",
                    tier.label_zh(),
                    result_text(raw, score)
                ),
            })
        }
        _ => Err(mismatch()),
    }
}

/// Scores a quantitative target `t` against an actual `a` already in the
/// target's unit. Both are non-negative.
fn score_quantitative(
    comparator: Comparator,
    t: Decimal,
    a: Decimal,
    shown_actual: &str,
    unit: &str,
    weight: Decimal,
    policy: &ScoringPolicy,
) -> LineScore {
    if comparator.is_met(a, t) {
        let score = finish(weight, weight);
        return LineScore {
            score,
            met: true,
            rule: Rule::MetTarget,
            formula: format!(
                "{shown_actual}{unit} {} {t}{unit}: 满分 {score}",
                comparator.symbol()
            ),
        };
    }
    let (rule, raw, text) = match comparator {
        Comparator::Ge | Comparator::Gt => {
            // Not met, so a ≤ t; t > 0 unless a = t = 0 under `>`.
            let ratio = if t.is_zero() {
                Decimal::ONE
            } else {
                (a / t).min(Decimal::ONE)
            };
            (
                Rule::HigherIsBetterRatio,
                ratio * weight,
                format!("{shown_actual} ÷ {t} × {weight}"),
            )
        }
        Comparator::Le | Comparator::Lt => match policy.lower_is_better {
            LowerIsBetterRule::Ratio => {
                // Not met, so a ≥ t; a > 0 unless a = t = 0 under `<`.
                let ratio = if a.is_zero() {
                    Decimal::ONE
                } else {
                    (t / a).min(Decimal::ONE)
                };
                (
                    Rule::LowerIsBetterRatio,
                    ratio * weight,
                    format!("{t} ÷ {shown_actual} × {weight}"),
                )
            }
            LowerIsBetterRule::LinearDeduction => {
                let factor = if t.is_zero() {
                    if a.is_zero() {
                        Decimal::ONE
                    } else {
                        Decimal::ZERO
                    }
                } else {
                    // An excess too large for a decimal deducts everything.
                    (a - t).checked_div(t).map_or(Decimal::ZERO, |excess| {
                        (Decimal::ONE - excess.min(Decimal::ONE)).max(Decimal::ZERO)
                    })
                };
                (
                    Rule::LowerIsBetterLinearDeduction,
                    factor * weight,
                    format!("(1 − ({shown_actual} − {t}) ÷ {t}) × {weight}"),
                )
            }
        },
        Comparator::Eq => {
            let (small, large) = if a < t { (a, t) } else { (t, a) };
            let ratio = if large.is_zero() {
                Decimal::ONE
            } else {
                small / large
            };
            let text = if a < t {
                format!("{shown_actual} ÷ {t} × {weight}")
            } else {
                format!("{t} ÷ {shown_actual} × {weight}")
            };
            (Rule::EqualityProportional, ratio * weight, text)
        }
    };
    let score = finish(raw, weight);
    let formula =
        if raw < Decimal::ZERO || (rule == Rule::LowerIsBetterLinearDeduction && raw.is_zero()) {
            format!("{text} ≤ 0 → 0")
        } else {
            format!("{text} {}", result_text(raw, score))
        };
    LineScore {
        score,
        met: false,
        rule,
        formula,
    }
}
