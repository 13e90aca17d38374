//! Scoring policies: which rule scores what, each rule named, explained and
//! attributed to its source.
//!
//! The central practice (as summarised in DESIGN.md: 财预〔2020〕10号
//! 《项目支出绩效评价管理办法》 and the central 项目支出绩效自评表) is
//! [`ScoringPolicy::central`]. Regions vary two things, each a field of the
//! policy: lower-is-better indicators may deduct linearly
//! ([`LowerIsBetterRule::LinearDeduction`]), and the qualitative bands may be
//! 80/50 instead of 80/60 ([`QualitativeBands::Bands80_50`]).
//!
//! ```
//! use yusuan_performance::{LowerIsBetterRule, Rule, ScoringPolicy};
//! let central = ScoringPolicy::central();
//! assert_eq!(central.lower_is_better, LowerIsBetterRule::Ratio);
//! let regional = ScoringPolicy::central().with_lower_is_better(LowerIsBetterRule::LinearDeduction);
//! assert!(regional.rules().contains(&Rule::LowerIsBetterLinearDeduction));
//! for rule in Rule::ALL {
//!     assert!(!rule.source().is_empty() && !rule.explanation().is_empty());
//! }
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A scoring rule: the catalogue of everything a [`ScoringPolicy`] can
/// apply. Every [`ScoreLine`](crate::ScoreLine) names the rule that produced
/// its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// 预算执行率: 全年执行数 ÷ 全年预算数 × 分值, capped at the 分值.
    ExecutionRate,
    /// A target that is met scores its full 分值.
    MetTarget,
    /// 正向指标 (≥, >) not met: 实际值 ÷ 目标值 × 分值.
    HigherIsBetterRatio,
    /// 反向指标 (≤, <) not met: 目标值 ÷ 实际值 × 分值.
    LowerIsBetterRatio,
    /// 反向指标 (≤, <) not met: (1 − (实际值 − 目标值) ÷ 目标值) × 分值, 0 from
    /// twice the target.
    LowerIsBetterLinearDeduction,
    /// 等值指标 (=) not met: smaller ÷ larger × 分值.
    EqualityProportional,
    /// 定性指标: tiers 100–80% (含 80), 80–60% (含 60), 60–0% of the 分值.
    QualitativeBands80_60,
    /// 定性指标: tiers 100–80% (含 80), 80–50% (含 50), 50–0% of the 分值.
    QualitativeBands80_50,
    /// Overall grade: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.
    GradeBands,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 9] = [
        Rule::ExecutionRate,
        Rule::MetTarget,
        Rule::HigherIsBetterRatio,
        Rule::LowerIsBetterRatio,
        Rule::LowerIsBetterLinearDeduction,
        Rule::EqualityProportional,
        Rule::QualitativeBands80_60,
        Rule::QualitativeBands80_50,
        Rule::GradeBands,
    ];

    /// A stable code (the serde name), e.g. `lower_is_better_ratio`.
    pub const fn code(self) -> &'static str {
        match self {
            Rule::ExecutionRate => "execution_rate",
            Rule::MetTarget => "met_target",
            Rule::HigherIsBetterRatio => "higher_is_better_ratio",
            Rule::LowerIsBetterRatio => "lower_is_better_ratio",
            Rule::LowerIsBetterLinearDeduction => "lower_is_better_linear_deduction",
            Rule::EqualityProportional => "equality_proportional",
            Rule::QualitativeBands80_60 => "qualitative_bands80_60",
            Rule::QualitativeBands80_50 => "qualitative_bands80_50",
            Rule::GradeBands => "grade_bands",
        }
    }

    /// Short Chinese title.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Rule::ExecutionRate => "预算执行率得分",
            Rule::MetTarget => "达到目标值得满分",
            Rule::HigherIsBetterRatio => "正向指标按比例得分",
            Rule::LowerIsBetterRatio => "反向指标按比例得分",
            Rule::LowerIsBetterLinearDeduction => "反向指标线性扣分",
            Rule::EqualityProportional => "等值指标按比例得分",
            Rule::QualitativeBands80_60 => "定性指标三档（80/60）",
            Rule::QualitativeBands80_50 => "定性指标三档（80/50）",
            Rule::GradeBands => "评价等级（优良中差）",
        }
    }

    /// What the rule computes.
    pub const fn explanation(self) -> &'static str {
        match self {
            Rule::ExecutionRate => {
                "score = 全年执行数 ÷ 全年预算数 × 执行率分值, capped at the 分值 \
                 (over-execution earns nothing extra); a budget of zero is an error"
            }
            Rule::MetTarget => {
                "a quantitative target whose comparator holds, or a qualitative level at \
                 or above the target level, scores the full 分值"
            }
            Rule::HigherIsBetterRatio => {
                "≥ / > not met: score = 实际值 ÷ 目标值 × 分值 (the ratio never exceeds 1)"
            }
            Rule::LowerIsBetterRatio => {
                "≤ / < not met: score = 目标值 ÷ 实际值 × 分值; a ceiling of 0 exceeded \
                 scores 0"
            }
            Rule::LowerIsBetterLinearDeduction => {
                "≤ / < not met: score = (1 − (实际值 − 目标值) ÷ 目标值) × 分值, never below 0 \
                 (0 from twice the target); a ceiling of 0 exceeded scores 0"
            }
            Rule::EqualityProportional => {
                "= not met: score = min(实际值, 目标值) ÷ max(实际值, 目标值) × 分值 \
                 (falling short and overshooting are treated alike)"
            }
            Rule::QualitativeBands80_60 => {
                "three tiers: 达成年度指标 100–80% (含 80), 部分达成并具有一定效果 80–60% \
                 (含 60), 未达成且效果较差 60–0% of the 分值. An assessed percentage must \
                 lie in its tier's band. A level alone: at or above the target level is \
                 full; one step below is 部分达成, two or more 未达成, each scored at its \
                 band's lower bound (60%, 0%) because only an evaluator may place it higher"
            }
            Rule::QualitativeBands80_50 => {
                "as the 80/60 bands, with 部分达成 at 80–50% (含 50) and 未达成 at 50–0%; \
                 a level one step below the target scores 50%"
            }
            Rule::GradeBands => {
                "total ≥ 90 优; 80 ≤ total < 90 良; 60 ≤ total < 80 中; total < 60 差 \
                 (graded only when every part is scored)"
            }
        }
    }

    /// Where the rule comes from.
    pub const fn source(self) -> &'static str {
        match self {
            Rule::ExecutionRate | Rule::MetTarget => {
                "central 绩效自评 practice (财预〔2020〕10号 and the central 项目支出绩效自评表), \
                 as summarised in DESIGN.md"
            }
            Rule::HigherIsBetterRatio | Rule::LowerIsBetterRatio => {
                "central 绩效自评 practice for 定量指标 (完成值 and 指标值 in proportion), \
                 as summarised in DESIGN.md"
            }
            Rule::LowerIsBetterLinearDeduction => {
                "a regional variant for lower-is-better indicators, as summarised in DESIGN.md"
            }
            Rule::EqualityProportional => {
                "DESIGN.md (\"equality: full when met, else proportional\"); reading \
                 'proportional' as smaller ÷ larger is yusuan's"
            }
            Rule::QualitativeBands80_60 => {
                "central 绩效自评 practice for 定性指标 (three tiers 100–80%, 80–60%, 60–0%), \
                 as summarised in DESIGN.md; the lower-bound default for a bare level is yusuan's"
            }
            Rule::QualitativeBands80_50 => {
                "a regional variant of the qualitative tiers (80/50), as summarised in DESIGN.md"
            }
            Rule::GradeBands => {
                "财预〔2020〕10号 《项目支出绩效评价管理办法》: 90（含）–100 优, 80（含）–90 良, \
                 60（含）–80 中, below 60 差"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How a lower-is-better (≤, <) indicator that misses its target is scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LowerIsBetterRule {
    /// [`Rule::LowerIsBetterRatio`] (central, default).
    #[default]
    Ratio,
    /// [`Rule::LowerIsBetterLinearDeduction`] (a regional variant).
    LinearDeduction,
}

impl LowerIsBetterRule {
    /// The rule applied.
    pub const fn rule(self) -> Rule {
        match self {
            LowerIsBetterRule::Ratio => Rule::LowerIsBetterRatio,
            LowerIsBetterRule::LinearDeduction => Rule::LowerIsBetterLinearDeduction,
        }
    }
}

/// The tier of a qualitative assessment (定性指标完成情况).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tier {
    /// 达成年度指标.
    Achieved,
    /// 部分达成年度指标并具有一定效果.
    PartlyAchieved,
    /// 未达成年度指标且效果较差.
    NotAchieved,
}

impl Tier {
    /// The Chinese wording of the tier.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Tier::Achieved => "达成年度指标",
            Tier::PartlyAchieved => "部分达成年度指标并具有一定效果",
            Tier::NotAchieved => "未达成年度指标且效果较差",
        }
    }
}

/// The qualitative bands: the percentage of the 分值 each [`Tier`] may earn.
///
/// When the actual is a qualitative level rather than an assessed
/// percentage, yusuan cannot know where inside a band the evaluator would
/// place it, so it takes the band's **lower edge**: a result one level below
/// the target (target 优, actual 良) is [`Tier::PartlyAchieved`] and earns
/// 60% of the 分值 under the 80/60 bands (50% under 80/50); two or more
/// levels below is [`Tier::NotAchieved`] and earns 0. Give an assessed
/// percentage (e.g. "达成年度指标 90%") to score inside a band.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QualitativeBands {
    /// [`Rule::QualitativeBands80_60`] (central, default).
    #[default]
    Bands80_60,
    /// [`Rule::QualitativeBands80_50`] (a regional variant).
    Bands80_50,
}

impl QualitativeBands {
    /// The rule applied.
    pub const fn rule(self) -> Rule {
        match self {
            QualitativeBands::Bands80_60 => Rule::QualitativeBands80_60,
            QualitativeBands::Bands80_50 => Rule::QualitativeBands80_50,
        }
    }

    /// The band of a tier as (low, high) percentages of the 分值; see
    /// [`QualitativeBands::contains`] for which ends are included.
    pub fn band(self, tier: Tier) -> (Decimal, Decimal) {
        let middle = match self {
            QualitativeBands::Bands80_60 => Decimal::from(60),
            QualitativeBands::Bands80_50 => Decimal::from(50),
        };
        match tier {
            Tier::Achieved => (Decimal::from(80), Decimal::ONE_HUNDRED),
            Tier::PartlyAchieved => (middle, Decimal::from(80)),
            Tier::NotAchieved => (Decimal::ZERO, middle),
        }
    }

    /// Whether `percent` lies in the band of `tier` (lower bound included;
    /// upper bound included only for [`Tier::Achieved`], whose top is 100).
    pub fn contains(self, tier: Tier, percent: Decimal) -> bool {
        let (low, high) = self.band(tier);
        percent >= low && (percent < high || (tier == Tier::Achieved && percent == high))
    }
}

/// The overall grade (评价等级) of a self-evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Grade {
    /// 优.
    Excellent,
    /// 良.
    Good,
    /// 中.
    Medium,
    /// 差.
    Poor,
}

impl Grade {
    /// 优 / 良 / 中 / 差.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Medium => "中",
            Grade::Poor => "差",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// The grade thresholds ([`Rule::GradeBands`]): each is the lowest total of
/// its grade (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GradeBands {
    /// Lowest total graded 优 (90).
    #[serde(with = "crate::serde_dec")]
    pub excellent_from: Decimal,
    /// Lowest total graded 良 (80).
    #[serde(with = "crate::serde_dec")]
    pub good_from: Decimal,
    /// Lowest total graded 中 (60).
    #[serde(with = "crate::serde_dec")]
    pub medium_from: Decimal,
}

impl Default for GradeBands {
    fn default() -> Self {
        GradeBands {
            excellent_from: Decimal::from(90),
            good_from: Decimal::from(80),
            medium_from: Decimal::from(60),
        }
    }
}

impl GradeBands {
    /// The grade of a total.
    ///
    /// ```
    /// use yusuan_performance::{Grade, GradeBands};
    /// let g = GradeBands::default();
    /// assert_eq!(g.grade(90.into()), Grade::Excellent);
    /// assert_eq!(g.grade("89.99".parse().unwrap()), Grade::Good);
    /// assert_eq!(g.grade(60.into()), Grade::Medium);
    /// assert_eq!(g.grade("59.99".parse().unwrap()), Grade::Poor);
    /// ```
    pub fn grade(&self, total: Decimal) -> Grade {
        if total >= self.excellent_from {
            Grade::Excellent
        } else if total >= self.good_from {
            Grade::Good
        } else if total >= self.medium_from {
            Grade::Medium
        } else {
            Grade::Poor
        }
    }
}

/// A scoring policy: the rules and parameters of one evaluation practice.
///
/// Serializable, so a program can load a region's policy from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoringPolicy {
    /// A name for reports, e.g. `central`.
    pub name: String,
    /// Indicators' 分值 + 执行率分值 must add up to this (100).
    #[serde(with = "crate::serde_dec")]
    pub total_weight: Decimal,
    /// How a lower-is-better indicator that misses is scored.
    pub lower_is_better: LowerIsBetterRule,
    /// The qualitative tiers.
    pub qualitative_bands: QualitativeBands,
    /// The grade thresholds.
    pub grade_bands: GradeBands,
    /// Hours in one 工作日, if the policy defines it; `None` (the default)
    /// makes 工作日 convertible to nothing but itself.
    #[serde(default, with = "crate::serde_dec::option")]
    pub working_day_hours: Option<Decimal>,
}

impl Default for ScoringPolicy {
    fn default() -> Self {
        ScoringPolicy::central()
    }
}

impl ScoringPolicy {
    /// The central policy: total 100, [`Rule::ExecutionRate`],
    /// [`Rule::MetTarget`], [`Rule::HigherIsBetterRatio`],
    /// [`Rule::LowerIsBetterRatio`], [`Rule::EqualityProportional`],
    /// [`Rule::QualitativeBands80_60`], [`Rule::GradeBands`] at 90/80/60, no
    /// 工作日 conversion.
    pub fn central() -> Self {
        ScoringPolicy {
            name: "central".to_owned(),
            total_weight: Decimal::ONE_HUNDRED,
            lower_is_better: LowerIsBetterRule::Ratio,
            qualitative_bands: QualitativeBands::Bands80_60,
            grade_bands: GradeBands::default(),
            working_day_hours: None,
        }
    }

    /// The same policy with another lower-is-better rule (the name gains a
    /// suffix).
    pub fn with_lower_is_better(mut self, rule: LowerIsBetterRule) -> Self {
        if rule != self.lower_is_better {
            self.lower_is_better = rule;
            self.name = format!("{}+{}", self.name, rule.rule().code());
        }
        self
    }

    /// The same policy with other qualitative bands (the name gains a
    /// suffix).
    pub fn with_qualitative_bands(mut self, bands: QualitativeBands) -> Self {
        if bands != self.qualitative_bands {
            self.qualitative_bands = bands;
            self.name = format!("{}+{}", self.name, bands.rule().code());
        }
        self
    }

    /// The same policy with 工作日 defined as `hours` hours.
    pub fn with_working_day_hours(mut self, hours: Decimal) -> Self {
        self.working_day_hours = Some(hours);
        self
    }

    /// The rules this policy applies.
    pub fn rules(&self) -> Vec<Rule> {
        vec![
            Rule::ExecutionRate,
            Rule::MetTarget,
            Rule::HigherIsBetterRatio,
            self.lower_is_better.rule(),
            Rule::EqualityProportional,
            self.qualitative_bands.rule(),
            Rule::GradeBands,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_and_coded_uniquely() {
        let mut codes: Vec<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
        for r in Rule::ALL {
            assert!(
                !r.explanation().is_empty() && !r.source().is_empty() && !r.label_zh().is_empty()
            );
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
        }
    }

    #[test]
    fn bands() {
        let d = |n: i64| Decimal::from(n);
        let c = QualitativeBands::Bands80_60;
        assert!(c.contains(Tier::Achieved, d(100)));
        assert!(c.contains(Tier::Achieved, d(80)));
        assert!(!c.contains(Tier::PartlyAchieved, d(80)));
        assert!(c.contains(Tier::PartlyAchieved, d(60)));
        assert!(!c.contains(Tier::NotAchieved, d(60)));
        assert!(c.contains(Tier::NotAchieved, d(0)));
        let r = QualitativeBands::Bands80_50;
        assert!(r.contains(Tier::PartlyAchieved, d(50)));
        assert!(!r.contains(Tier::NotAchieved, d(55)));
        assert!(r.contains(Tier::NotAchieved, d(49)));
    }

    #[test]
    fn policy_round_trips_through_json() {
        let p = ScoringPolicy::central()
            .with_lower_is_better(LowerIsBetterRule::LinearDeduction)
            .with_working_day_hours(Decimal::from(8));
        let json = serde_json::to_string(&p).unwrap();
        assert!(
            json.contains("\"linear_deduction\"") && json.contains("\"working_day_hours\":\"8\"")
        );
        assert_eq!(serde_json::from_str::<ScoringPolicy>(&json).unwrap(), p);
    }
}
