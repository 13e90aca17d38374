//! Validation of a 项目绩效目标表: weights, fund arithmetic, the 成本指标
//! ceiling, taxonomy, duplicates, empty names, unreadable 指标值.
//!
//! ```
//! use yusuan_performance::{validate, IssueKind, PerformanceTargetTable, ScoringPolicy};
//! let json = include_str!("../../../examples/data/2025-jinbao-target.json");
//! let table: PerformanceTargetTable = serde_json::from_str(json).unwrap();
//! let report = validate(&table, &ScoringPolicy::central());
//! assert_eq!(report.split.to_string(), "产出 40 + 成本 20 + 效益 30 + 满意度 0 + 预算执行率 10 = 100");
//! assert!(report.errors().next().is_none());
//! // ≤2459.07万元 against 年度资金总额 2,459.08: a warning, not an error
//! assert!(report.warnings().any(|i| matches!(i.kind, IssueKind::CostCeilingDiffersFromFunds { .. })));
//! ```

use crate::model::PerformanceTargetTable;
use crate::policy::ScoringPolicy;
use crate::target::{squeezed, Comparator, Dimension, Target};
use crate::taxonomy::{classify, Classification, Level1, Level2};
use crate::PairingConfidence;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use yusuan_money::Wan;

/// How serious an [`Issue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The table is wrong.
    Error,
    /// Probably wrong, or worth a look (e.g. a rounding-sized difference).
    Warning,
    /// Worth knowing (e.g. a transcriber's uncertain pairing).
    Info,
}

impl Severity {
    /// 错误 / 警告 / 提示.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Where an [`Issue`] is: the project and, for an indicator, its 0-based
/// index and 三级指标 name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// 项目名称.
    pub project: String,
    /// Index into the table's indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_index: Option<usize>,
    /// The indicator's 三级指标 name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_name: Option<String>,
}

impl Location {
    /// The table as a whole.
    pub fn table(project: &str) -> Self {
        Location {
            project: project.to_owned(),
            indicator_index: None,
            indicator_name: None,
        }
    }

    /// One indicator of the table.
    pub fn indicator(project: &str, index: usize, name: &str) -> Self {
        Location {
            project: project.to_owned(),
            indicator_index: Some(index),
            indicator_name: Some(name.to_owned()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "项目 {:?}", self.project)?;
        if let Some(i) = self.indicator_index {
            write!(f, ", 指标 #{i}")?;
        }
        if let Some(n) = &self.indicator_name {
            write!(f, " {n:?}")?;
        }
        Ok(())
    }
}

/// What an [`Issue`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueKind {
    /// 项目名称 is empty.
    EmptyProjectName,
    /// A 三级指标 name is empty.
    EmptyIndicatorName,
    /// Two indicators share a 三级指标 name.
    DuplicateIndicator {
        /// Index of the first indicator with this name.
        first_index: usize,
    },
    /// A 指标值 that [`Target::parse`] cannot read.
    UnreadableTarget {
        /// The 指标值 as printed.
        text: String,
        /// Why.
        reason: String,
    },
    /// A 二级指标 under the wrong 一级指标.
    WrongLevel1 {
        /// The 一级指标 given.
        level1: Level1,
        /// The 二级指标 given.
        level2: Level2,
        /// The 一级指标 it belongs under.
        expected: Level1,
    },
    /// A 一级/二级 name outside the taxonomy (from [`taxonomy_issues`]).
    UnknownTaxonomyName {
        /// The name as printed.
        text: String,
    },
    /// A 分值 that is negative or zero.
    NonPositiveWeight {
        /// The weight.
        #[serde(with = "crate::serde_dec")]
        weight: Decimal,
    },
    /// Indicators' 分值 + 执行率分值 ≠ the policy's total.
    WeightTotal {
        /// The policy's total (100).
        #[serde(with = "crate::serde_dec")]
        expected: Decimal,
        /// Σ indicator 分值 + 执行率分值.
        #[serde(with = "crate::serde_dec")]
        found: Decimal,
    },
    /// The header's declared indicator weight (分值权重（90）) ≠ Σ 分值.
    DeclaredWeight {
        /// As printed in the header.
        #[serde(with = "crate::serde_dec")]
        declared: Decimal,
        /// Σ indicator 分值.
        #[serde(with = "crate::serde_dec")]
        found: Decimal,
    },
    /// 年度资金总额 ≠ 财政拨款 + 上年结转 + 其他资金. A warning when the
    /// difference is within rounding of the printed parts (n × 0.005 万元),
    /// an error beyond.
    FundsArithmetic {
        /// 年度资金总额.
        total: Wan,
        /// Σ of the printed parts.
        parts_sum: Wan,
        /// total − parts_sum.
        difference: Wan,
    },
    /// The parts of the funds are printed but 年度资金总额 is not.
    FundsTotalMissing,
    /// The only money 成本指标 is a ceiling that differs from 年度资金总额
    /// (the seed: ≤2459.07万元 against 2,459.08).
    CostCeilingDiffersFromFunds {
        /// The ceiling, in 万元.
        ceiling: Wan,
        /// 年度资金总额.
        funds_total: Wan,
        /// ceiling − funds_total.
        difference: Wan,
    },
    /// Several money 成本指标 ceilings add up to more than 年度资金总额.
    CostCeilingsExceedFunds {
        /// Σ ceilings, in 万元.
        ceilings_sum: Wan,
        /// 年度资金总额.
        funds_total: Wan,
    },
    /// 主管部门及代码: the printed text does not carry the code and name.
    DepartmentMismatch {
        /// The printed cell.
        printed: String,
        /// The code field.
        code: String,
        /// The name field.
        name: String,
    },
    /// The transcription records that this name↔value pairing is not
    /// certain.
    UncertainPairing {
        /// How sure it is.
        confidence: PairingConfidence,
        /// The transcriber's note.
        note: String,
    },
}

impl IssueKind {
    /// The severity of this finding. [`IssueKind::FundsArithmetic`] is an
    /// error here; [`validate`] lowers it to a warning when the difference is
    /// within rounding of the printed parts.
    pub fn severity(&self) -> Severity {
        match self {
            IssueKind::EmptyProjectName
            | IssueKind::EmptyIndicatorName
            | IssueKind::UnreadableTarget { .. }
            | IssueKind::WrongLevel1 { .. }
            | IssueKind::NonPositiveWeight { .. }
            | IssueKind::WeightTotal { .. }
            | IssueKind::DeclaredWeight { .. }
            | IssueKind::FundsArithmetic { .. } => Severity::Error,
            IssueKind::DuplicateIndicator { .. }
            | IssueKind::UnknownTaxonomyName { .. }
            | IssueKind::FundsTotalMissing
            | IssueKind::CostCeilingDiffersFromFunds { .. }
            | IssueKind::CostCeilingsExceedFunds { .. }
            | IssueKind::DepartmentMismatch { .. } => Severity::Warning,
            IssueKind::UncertainPairing { .. } => Severity::Info,
        }
    }
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::EmptyProjectName => f.write_str("项目名称 is empty"),
            IssueKind::EmptyIndicatorName => f.write_str("the 三级指标 name is empty"),
            IssueKind::DuplicateIndicator { first_index } => {
                write!(f, "the same 三级指标 name as indicator #{first_index}")
            }
            IssueKind::UnreadableTarget { text, reason } => {
                write!(f, "cannot read 指标值 {text:?}: {reason}")
            }
            IssueKind::WrongLevel1 {
                level1,
                level2,
                expected,
            } => write!(
                f,
                "二级指标 {level2} belongs under {expected}, not under {level1}"
            ),
            IssueKind::UnknownTaxonomyName { text } => {
                write!(f, "{text:?} is not an 一级/二级指标 of the taxonomy")
            }
            IssueKind::NonPositiveWeight { weight } => write!(f, "分值 {weight} is not positive"),
            IssueKind::WeightTotal { expected, found } => write!(
                f,
                "分值 add up to {found} (indicators + 执行率), expected {expected}"
            ),
            IssueKind::DeclaredWeight { declared, found } => write!(
                f,
                "the header declares 分值权重 {declared} but the indicators add up to {found}"
            ),
            IssueKind::FundsArithmetic {
                total,
                parts_sum,
                difference,
            } => write!(
                f,
                "年度资金总额 {total} ≠ 财政拨款 + 上年结转 + 其他资金 = {parts_sum} (difference {difference})"
            ),
            IssueKind::FundsTotalMissing => {
                f.write_str("the parts of 项目资金 are printed but 年度资金总额 is not")
            }
            IssueKind::CostCeilingDiffersFromFunds {
                ceiling,
                funds_total,
                difference,
            } => write!(
                f,
                "成本指标 ceiling {ceiling} 万元 differs from 年度资金总额 {funds_total} by {difference}"
            ),
            IssueKind::CostCeilingsExceedFunds {
                ceilings_sum,
                funds_total,
            } => write!(
                f,
                "成本指标 ceilings add up to {ceilings_sum} 万元, more than 年度资金总额 {funds_total}"
            ),
            IssueKind::DepartmentMismatch {
                printed,
                code,
                name,
            } => write!(
                f,
                "主管部门及代码 printed {printed:?} does not carry [{code}]{name}"
            ),
            IssueKind::UncertainPairing { confidence, note } => write!(
                f,
                "name↔指标值 pairing is {} ({}): {note}",
                confidence.label_zh(),
                match confidence {
                    PairingConfidence::Certain => "certain",
                    PairingConfidence::Likely => "likely",
                    PairingConfidence::Uncertain => "uncertain",
                }
            ),
        }
    }
}

/// One finding of [`validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// How serious.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What.
    #[serde(flatten)]
    pub kind: IssueKind,
}

impl Issue {
    fn new(location: Location, kind: IssueKind) -> Self {
        Issue {
            severity: kind.severity(),
            location,
            kind,
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}]: {}",
            self.severity.label_zh(),
            self.location,
            self.kind
        )
    }
}

/// The weights by 一级指标, plus the 执行率.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightSplit {
    /// 产出指标.
    #[serde(with = "crate::serde_dec")]
    pub output: Decimal,
    /// 成本指标.
    #[serde(with = "crate::serde_dec")]
    pub cost: Decimal,
    /// 效益指标.
    #[serde(with = "crate::serde_dec")]
    pub benefit: Decimal,
    /// 满意度指标.
    #[serde(with = "crate::serde_dec")]
    pub satisfaction: Decimal,
    /// 预算执行率.
    #[serde(with = "crate::serde_dec")]
    pub execution_rate: Decimal,
    /// The sum of all of the above.
    #[serde(with = "crate::serde_dec")]
    pub total: Decimal,
}

impl WeightSplit {
    /// The split of a table.
    pub fn of(table: &PerformanceTargetTable) -> Self {
        let output = table.weight_of(Level1::Output);
        let cost = table.weight_of(Level1::Cost);
        let benefit = table.weight_of(Level1::Benefit);
        let satisfaction = table.weight_of(Level1::Satisfaction);
        let execution_rate = table.execution_rate_weight;
        WeightSplit {
            output,
            cost,
            benefit,
            satisfaction,
            execution_rate,
            total: crate::model::saturating_sum([
                output,
                cost,
                benefit,
                satisfaction,
                execution_rate,
            ]),
        }
    }
}

impl fmt::Display for WeightSplit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "产出 {} + 成本 {} + 效益 {} + 满意度 {} + 预算执行率 {} = {}",
            self.output.normalize(),
            self.cost.normalize(),
            self.benefit.normalize(),
            self.satisfaction.normalize(),
            self.execution_rate.normalize(),
            self.total.normalize()
        )
    }
}

/// The result of [`validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationReport {
    /// Every finding, table-level first, then by indicator.
    pub issues: Vec<Issue>,
    /// The weights by 一级指标.
    pub split: WeightSplit,
}

impl ValidationReport {
    /// The findings of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The findings of severity [`Severity::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    /// Whether there is no error (warnings and infos allowed).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }
}

/// Validates a table under a policy (whose `total_weight` is the expected
/// weight total).
pub fn validate(table: &PerformanceTargetTable, policy: &ScoringPolicy) -> ValidationReport {
    validate_with(table, policy, true)
}

/// [`validate`] without the [`IssueKind::UncertainPairing`] infos, for a
/// caller that reads [`Indicator::pairing`](crate::Indicator::pairing)
/// itself: the other issues, in the same order, without copying the
/// transcribers' notes.
///
/// ```
/// use yusuan_performance::{validate, validate_without_pairings, IssueKind, PerformanceTargetTable, ScoringPolicy};
/// let json = include_str!("../../../examples/data/2025-jinbao-target.json");
/// let table: PerformanceTargetTable = serde_json::from_str(json).unwrap();
/// let policy = ScoringPolicy::central();
/// let all = validate(&table, &policy);
/// let others: Vec<_> = all.issues.iter()
///     .filter(|i| !matches!(i.kind, IssueKind::UncertainPairing { .. }))
///     .collect();
/// let report = validate_without_pairings(&table, &policy);
/// assert_eq!(report.issues.iter().collect::<Vec<_>>(), others);
/// assert_eq!(report.split, all.split);
/// ```
pub fn validate_without_pairings(
    table: &PerformanceTargetTable,
    policy: &ScoringPolicy,
) -> ValidationReport {
    validate_with(table, policy, false)
}

fn validate_with(
    table: &PerformanceTargetTable,
    policy: &ScoringPolicy,
    pairings: bool,
) -> ValidationReport {
    let project = table.project_name.as_str();
    let mut issues = Vec::new();
    let at_table = || Location::table(project);

    if project.trim().is_empty() {
        issues.push(Issue::new(at_table(), IssueKind::EmptyProjectName));
    }
    if !table.department.is_consistent() {
        issues.push(Issue::new(
            at_table(),
            IssueKind::DepartmentMismatch {
                printed: table.department.printed.clone(),
                code: table.department.code.clone(),
                name: table.department.name.clone(),
            },
        ));
    }

    // Weights.
    let split = WeightSplit::of(table);
    if split.total != policy.total_weight {
        issues.push(Issue::new(
            at_table(),
            IssueKind::WeightTotal {
                expected: policy.total_weight,
                found: split.total,
            },
        ));
    }
    let indicator_total = table.indicator_weight_total();
    if let Some(declared) = table.declared_indicator_weight {
        if declared != indicator_total {
            issues.push(Issue::new(
                at_table(),
                IssueKind::DeclaredWeight {
                    declared,
                    found: indicator_total,
                },
            ));
        }
    }

    // Funds.
    let funds = &table.funds;
    match (funds.total, funds.parts_sum()) {
        (Some(total), Some(parts_sum)) if total != parts_sum => {
            let difference = Wan::new(total.value().saturating_sub(parts_sum.value()));
            let printed_parts = [funds.fiscal_appropriation, funds.carried_over, funds.other]
                .iter()
                .filter(|p| p.is_some())
                .count();
            let tolerance = Decimal::new(5, 3) * Decimal::from(printed_parts);
            let mut issue = Issue::new(
                at_table(),
                IssueKind::FundsArithmetic {
                    total,
                    parts_sum,
                    difference,
                },
            );
            if difference.value().abs() <= tolerance {
                issue.severity = Severity::Warning;
            }
            issues.push(issue);
        }
        (None, Some(_)) => issues.push(Issue::new(at_table(), IssueKind::FundsTotalMissing)),
        _ => {}
    }

    // Indicators.
    let mut seen = Seen::with_capacity(table.indicators.len());
    let mut money_ceilings: Vec<(usize, Wan)> = Vec::new();
    for (index, ind) in table.indicators.iter().enumerate() {
        let at = || Location::indicator(project, index, &ind.name);
        let mut name = Name::new(&ind.name);
        if name.is_empty() {
            issues.push(Issue::new(at(), IssueKind::EmptyIndicatorName));
        } else if let Some(first_index) = seen.first_or_insert(name, index) {
            issues.push(Issue::new(
                at(),
                IssueKind::DuplicateIndicator { first_index },
            ));
        }
        if ind.level2.level1() != ind.level1 {
            issues.push(Issue::new(
                at(),
                IssueKind::WrongLevel1 {
                    level1: ind.level1,
                    level2: ind.level2,
                    expected: ind.level2.level1(),
                },
            ));
        }
        if ind.weight <= Decimal::ZERO {
            issues.push(Issue::new(
                at(),
                IssueKind::NonPositiveWeight { weight: ind.weight },
            ));
        }
        match Target::parse(&ind.target) {
            Err(crate::PerformanceError::UnreadableTarget { text, reason }) => {
                issues.push(Issue::new(
                    at(),
                    IssueKind::UnreadableTarget { text, reason },
                ));
            }
            Err(other) => issues.push(Issue::new(
                at(),
                IssueKind::UnreadableTarget {
                    text: ind.target.clone(),
                    reason: other.to_string(),
                },
            )),
            Ok(Target::Quantitative {
                comparator: Comparator::Le | Comparator::Lt,
                value,
                unit: Some(unit),
            }) if ind.level1 == Level1::Cost && unit.dimension() == Dimension::Money => {
                // In 万元, exactly (元 / 亿元 scale by powers of ten).
                if let Some(factor) = unit.base_factor() {
                    if let Some(yuan) = value.checked_mul(factor) {
                        money_ceilings.push((index, Wan::new(yuan / Decimal::from(10_000))));
                    }
                }
            }
            Ok(_) => {}
        }
        if let Some(p) = ind.pairing.as_ref().filter(|_| pairings) {
            if p.confidence != PairingConfidence::Certain {
                issues.push(Issue::new(
                    at(),
                    IssueKind::UncertainPairing {
                        confidence: p.confidence,
                        note: p.note.clone(),
                    },
                ));
            }
        }
    }

    // The 成本指标 ceiling against the annual funds.
    if let Some(funds_total) = funds.total {
        match money_ceilings.as_slice() {
            [(index, ceiling)] if *ceiling != funds_total => {
                let name = table
                    .indicators
                    .get(*index)
                    .map(|i| i.name.as_str())
                    .unwrap_or_default();
                issues.push(Issue::new(
                    Location::indicator(project, *index, name),
                    IssueKind::CostCeilingDiffersFromFunds {
                        ceiling: *ceiling,
                        funds_total,
                        difference: Wan::new(ceiling.value().saturating_sub(funds_total.value())),
                    },
                ));
            }
            [_, _, ..] => {
                let sum = Wan::checked_sum(money_ceilings.iter().map(|(_, w)| *w));
                if let Some(ceilings_sum) = sum.filter(|s| *s > funds_total) {
                    issues.push(Issue::new(
                        at_table(),
                        IssueKind::CostCeilingsExceedFunds {
                            ceilings_sum,
                            funds_total,
                        },
                    ));
                }
            }
            _ => {}
        }
    }

    ValidationReport { issues, split }
}

/// An indicator name for the duplicate check: the name, a signature of
/// its CJK ideographs (U+4000–U+9FFF, which squeezing never changes, so
/// names equal after squeezing have equal signatures), and its squeezed
/// form, made only when needed.
struct Name<'t> {
    raw: &'t str,
    signature: u64,
    ideographs: bool,
    squeezed: Option<Cow<'t, str>>,
}

impl<'t> Name<'t> {
    fn new(raw: &'t str) -> Self {
        // Lead bytes E4–E9 start exactly the characters U+4000–U+9FFF
        // (continuation bytes are 80–BF), so a byte scan finds them.
        let bytes = raw.as_bytes();
        let mut signature = 0u64;
        let mut ideographs = false;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if (0xE4..=0xE9).contains(&b) {
                let c1 = bytes.get(i + 1).copied().unwrap_or(0);
                let c2 = bytes.get(i + 2).copied().unwrap_or(0);
                let c = u64::from(b) << 16 | u64::from(c1) << 8 | u64::from(c2);
                signature = signature.wrapping_mul(0x0100_0000_01B3).wrapping_add(c);
                ideographs = true;
                i += 3;
            } else {
                i += 1;
            }
        }
        Name {
            raw,
            signature,
            ideographs,
            squeezed: None,
        }
    }

    /// The squeezed name.
    fn key(&mut self) -> &str {
        self.squeezed.get_or_insert_with(|| squeezed(self.raw))
    }

    /// Whether the squeezed name is empty (a name with an ideograph never
    /// is).
    fn is_empty(&mut self) -> bool {
        !self.ideographs && self.key().is_empty()
    }

    fn into_key(self) -> Cow<'t, str> {
        match self.squeezed {
            Some(k) => k,
            None => squeezed(self.raw),
        }
    }
}

/// The indicator names met so far, with the index of each one's first
/// indicator: a list searched in order for the few indicators a table has
/// (no hashing; names squeezed only when their signatures meet), a map of
/// the squeezed names beyond.
enum Seen<'t> {
    List(Vec<(Name<'t>, usize)>),
    Map(HashMap<Cow<'t, str>, usize>),
}

impl<'t> Seen<'t> {
    /// Tables with more indicators than this use a map.
    const LIST_MAX: usize = 64;

    fn with_capacity(n: usize) -> Self {
        if n <= Self::LIST_MAX {
            Seen::List(Vec::with_capacity(n))
        } else {
            Seen::Map(HashMap::with_capacity(n))
        }
    }

    /// The index of the first indicator whose squeezed name is `name`'s, or
    /// `None` after recording `index` as that first one.
    fn first_or_insert(&mut self, mut name: Name<'t>, index: usize) -> Option<usize> {
        match self {
            Seen::List(list) => {
                for (other, first) in list.iter_mut() {
                    if other.signature == name.signature && other.key() == name.key() {
                        return Some(*first);
                    }
                }
                list.push((name, index));
                None
            }
            Seen::Map(map) => {
                let key = name.into_key();
                match map.get(&key) {
                    Some(&first) => Some(first),
                    None => {
                        map.insert(key, index);
                        None
                    }
                }
            }
        }
    }
}

/// Checks a printed (一级指标, 二级指标) pair, as an importer reads it from a
/// table, before it builds an [`Indicator`](crate::Indicator): a 二级 under
/// the wrong 一级 is an error, a name outside the taxonomy a warning quoting
/// it.
///
/// ```
/// use yusuan_performance::{taxonomy_issues, Location, Severity};
/// let at = Location::indicator("项目", 0, "指标");
/// assert!(taxonomy_issues(&at, "产出指标", "数量指标").is_empty());
/// let wrong = taxonomy_issues(&at, "效益指标", "数量指标");
/// assert_eq!(wrong[0].severity, Severity::Error);
/// let unknown = taxonomy_issues(&at, "产出指标", "进度指标");
/// assert_eq!(unknown[0].severity, Severity::Warning);
/// assert!(unknown[0].to_string().contains("进度指标"));
/// ```
pub fn taxonomy_issues(location: &Location, level1: &str, level2: &str) -> Vec<Issue> {
    match classify(level1, level2) {
        Classification::Valid(..) => Vec::new(),
        Classification::WrongParent { level1, level2 } => vec![Issue::new(
            location.clone(),
            IssueKind::WrongLevel1 {
                level1,
                level2,
                expected: level2.level1(),
            },
        )],
        Classification::Unknown { unknown, .. } => unknown
            .into_iter()
            .map(|text| Issue::new(location.clone(), IssueKind::UnknownTaxonomyName { text }))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first earlier index with the same squeezed name, for each name
    /// (`None` for a first one; empty names are skipped), read naively.
    fn naive(names: &[String]) -> Vec<Option<usize>> {
        let keys: Vec<String> = names
            .iter()
            .map(|n| yusuan_money::text::squeeze(n))
            .collect();
        keys.iter()
            .enumerate()
            .map(|(i, k)| {
                if k.is_empty() {
                    return None;
                }
                keys.iter().take(i).position(|o| o == k)
            })
            .collect()
    }

    fn seen(names: &[String], n: usize) -> Vec<Option<usize>> {
        let mut seen = Seen::with_capacity(n);
        names
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let mut name = Name::new(raw);
                if name.is_empty() {
                    None
                } else {
                    seen.first_or_insert(name, i)
                }
            })
            .collect()
    }

    #[test]
    fn duplicates_under_squeezing_are_found() {
        let names: Vec<String> = [
            "数量（台）",
            "数 量(台)",
            "数量(台",
            "",
            "\u{3000}",
            "ab",
            "a b",
            "ａｂ",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let expected = vec![None, Some(0), None, None, None, None, Some(5), Some(5)];
        assert_eq!(seen(&names, names.len()), expected);
        assert_eq!(seen(&names, 100), expected);
        assert!(Name::new(" \u{3000}\n").is_empty());
        assert!(!Name::new("指").is_empty());
    }

    proptest! {
        #[test]
        fn seen_finds_what_squeezing_finds(
            names in proptest::collection::vec("[ a（）()\u{3000}\u{FF41}数量台]{0,4}", 0..12)
        ) {
            prop_assert_eq!(seen(&names, names.len()), naive(&names));
            prop_assert_eq!(seen(&names, 100), naive(&names));
        }
    }
}
