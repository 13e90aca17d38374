//! The 项目绩效目标表 (project performance target table) as a typed model.
//!
//! One table per project, attached to a budget disclosure (附件). Fields in
//! the order the central template prints them:
//!
//! | printed label | field |
//! |---|---|
//! | 项目名称 | [`PerformanceTargetTable::project_name`] |
//! | 主管部门及代码 | [`PerformanceTargetTable::department`] ([`Department`]) |
//! | 实施单位 | [`PerformanceTargetTable::implementing_unit`] |
//! | 项目资金（万元）: 年度资金总额, 其中 财政拨款 / 上年结转 / 其他资金 | [`PerformanceTargetTable::funds`] ([`ProjectFunds`]) |
//! | 年度总体目标 | [`PerformanceTargetTable::annual_goal`] |
//! | 一级指标 / 二级指标 / 三级指标 / 指标值 / 分值权重（90） | [`PerformanceTargetTable::indicators`] ([`Indicator`]), [`PerformanceTargetTable::declared_indicator_weight`] |
//! | 执行率分值（10） | [`PerformanceTargetTable::execution_rate_weight`] |

use crate::error::PerformanceError;
use crate::taxonomy::{Level1, Level2};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use yusuan_money::Wan;

/// 项目绩效目标表: the performance target table of one project.
///
/// Serialized with English snake_case field names; amounts and weights are
/// JSON strings.
///
/// ```
/// use yusuan_performance::{Department, Indicator, Level1, Level2, PerformanceTargetTable, ProjectFunds};
/// use yusuan_money::{Decimal, Wan};
///
/// let mut table = PerformanceTargetTable::new(
///     "金保工程建设及运行维护项目",
///     Department::parse("[117]人力资源社会保障部")?,
/// );
/// table.funds = ProjectFunds {
///     total: Some(Wan::parse("2,459.08")?),
///     fiscal_appropriation: Some(Wan::parse("2,344.14")?),
///     carried_over: Some(Wan::parse("114.94")?),
///     other: None, // printed "-"
/// };
/// table.indicators.push(Indicator::new(
///     Level2::EconomicCost, "项目预算执行数", "≤2459.07万元", Decimal::from(20),
/// ));
/// assert_eq!(table.indicators[0].level1, Level1::Cost);
/// assert_eq!(table.indicator_weight_total(), Decimal::from(20));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerformanceTargetTable {
    /// 项目名称.
    pub project_name: String,
    /// The budget year printed under the title, e.g. `（2025年度）` → 2025.
    #[serde(default)]
    pub year: Option<u16>,
    /// 主管部门及代码.
    pub department: Department,
    /// 实施单位; `None` when the cell is blank.
    #[serde(default)]
    pub implementing_unit: Option<String>,
    /// 项目资金（万元）.
    pub funds: ProjectFunds,
    /// 年度总体目标, the text as printed (line breaks of the PDF removed).
    #[serde(default)]
    pub annual_goal: String,
    /// The 三级指标 rows, in printed order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// 执行率分值: the weight of the 预算执行率 (10 in the central template).
    #[serde(with = "crate::serde_dec")]
    pub execution_rate_weight: Decimal,
    /// The indicator weight total the header declares, e.g. `分值权重（90）`
    /// → 90; `None` if the header prints no figure.
    #[serde(default, with = "crate::serde_dec::option")]
    pub declared_indicator_weight: Option<Decimal>,
    /// A free remark of the transcriber (e.g. how an ambiguous cell was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PerformanceTargetTable {
    /// A table with the given project and department, no funds, no
    /// indicators, the central template's weights (执行率 10, indicators 90).
    pub fn new(project_name: impl Into<String>, department: Department) -> Self {
        PerformanceTargetTable {
            project_name: project_name.into(),
            year: None,
            department,
            implementing_unit: None,
            funds: ProjectFunds::default(),
            annual_goal: String::new(),
            indicators: Vec::new(),
            execution_rate_weight: Decimal::from(10),
            declared_indicator_weight: Some(Decimal::from(90)),
            note: None,
        }
    }

    /// Σ 分值 of the indicators (without the 执行率).
    pub fn indicator_weight_total(&self) -> Decimal {
        saturating_sum(self.indicators.iter().map(|i| i.weight))
    }

    /// Σ 分值 of the indicators plus the 执行率分值 (100 in a well-formed
    /// table).
    pub fn total_weight(&self) -> Decimal {
        self.indicator_weight_total()
            .saturating_add(self.execution_rate_weight)
    }

    /// Σ 分值 of the indicators under one 一级指标.
    pub fn weight_of(&self, level1: Level1) -> Decimal {
        saturating_sum(
            self.indicators
                .iter()
                .filter(|i| i.level1 == level1)
                .map(|i| i.weight),
        )
    }

    /// The indicators whose 三级指标 name equals `name` (compared after
    /// whitespace and full-width normalisation), with their index.
    pub fn find_indicators<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (usize, &'a Indicator)> + 'a {
        let key = yusuan_money::text::squeeze(name);
        self.indicators
            .iter()
            .enumerate()
            .filter(move |(_, i)| yusuan_money::text::squeeze(&i.name) == key)
    }
}

/// Σ that saturates instead of panicking on overflow (absurd weights in
/// hand-written JSON are reported by validation, not a panic).
pub(crate) fn saturating_sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, |acc, v| acc.saturating_add(v))
}

/// 主管部门及代码: the supervising department and its code, as in
/// `[117]人力资源社会保障部`.
///
/// The cell is kept exactly as printed in [`printed`](Department::printed);
/// [`code`](Department::code) and [`name`](Department::name) are read from
/// the `[code]name` part. Some publishers (and some PDF extractions) put the
/// unit's own name in front of it: the seed prints
/// `人力资源和社会保障部信息中心[117]人力资源社会保障部`, which
/// [`leading_text`](Department::leading_text) returns as
/// `人力资源和社会保障部信息中心`.
///
/// ```
/// use yusuan_performance::Department;
/// let d = Department::parse("人力资源和社会保障部信息中心[117]人力资源社会保障部")?;
/// assert_eq!(d.code, "117");
/// assert_eq!(d.name, "人力资源社会保障部");
/// assert_eq!(d.leading_text(), Some("人力资源和社会保障部信息中心"));
/// assert_eq!(d.label(), "[117]人力资源社会保障部");
/// assert_eq!(Department::parse("［117］人力资源社会保障部")?, Department::new("117", "人力资源社会保障部").with_printed("［117］人力资源社会保障部"));
/// # Ok::<(), yusuan_performance::PerformanceError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Department {
    /// 主管部门代码, e.g. `"117"` (a string: leading zeros are significant).
    pub code: String,
    /// 主管部门名称, e.g. `"人力资源社会保障部"`.
    pub name: String,
    /// The cell exactly as printed.
    pub printed: String,
}

impl Department {
    /// A department from its code and name; [`printed`](Department::printed)
    /// is set to the canonical `[code]name`.
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        let code = code.into();
        let name = name.into();
        let printed = format!("[{code}]{name}");
        Department {
            code,
            name,
            printed,
        }
    }

    /// Replaces the printed text (e.g. with full-width brackets as printed).
    pub fn with_printed(mut self, printed: impl Into<String>) -> Self {
        self.printed = printed.into();
        self
    }

    /// Reads a printed cell: optional leading text, `[`digits`]`, name.
    /// Brackets may be half- or full-width (`[]`, `［］`, `【】`).
    ///
    /// # Errors
    /// [`PerformanceError::InvalidDepartment`] quoting the text when there is
    /// no bracketed numeric code or no name after it.
    pub fn parse(printed: &str) -> Result<Department, PerformanceError> {
        let invalid = |reason: &'static str| PerformanceError::InvalidDepartment {
            text: printed.to_owned(),
            reason,
        };
        let text = department_text(printed);
        let (_, code, name) = split_department(&text).map_err(invalid)?;
        Ok(Department {
            code: code.to_owned(),
            name: name.to_owned(),
            printed: printed.to_owned(),
        })
    }

    /// The canonical `[code]name` label.
    pub fn label(&self) -> String {
        format!("[{}]{}", self.code, self.name)
    }

    /// Text printed before `[code]`, if any (see the type's documentation).
    pub fn leading_text(&self) -> Option<&str> {
        let cut = self.printed.find(['[', '［', '【'])?;
        let lead = self.printed.get(..cut)?.trim();
        (!lead.is_empty()).then_some(lead)
    }

    /// Whether [`printed`](Department::printed) carries the same code and
    /// name as the fields.
    pub fn is_consistent(&self) -> bool {
        // printed without a code (the 2023 填报表 prints the name alone), or
        // not printed: nothing to disagree with
        if self.code.is_empty() {
            return self.printed.trim() == self.name.trim();
        }
        let text = department_text(&self.printed);
        matches!(split_department(&text),
            Ok((_, code, name)) if code == self.code && name == self.name)
    }
}

/// The printed department text normalised for splitting: full-width forms
/// half-width, `【】` as `[]`; borrowed when that changes nothing.
fn department_text(printed: &str) -> Cow<'_, str> {
    let map = |c: char| match yusuan_money::text::normalize_char(c) {
        '【' => '[',
        '】' => ']',
        other => other,
    };
    if printed.chars().all(|c| map(c) == c) {
        Cow::Borrowed(printed)
    } else {
        Cow::Owned(printed.chars().map(map).collect())
    }
}

/// Splits `lead[code]name` into its three parts (trimmed); `s` is the
/// [`department_text`] of the printed cell.
fn split_department(s: &str) -> Result<(&str, &str, &str), &'static str> {
    let open = s.find('[').ok_or("no bracketed code such as [117]")?;
    let rest = s.get(open + 1..).ok_or("no bracketed code such as [117]")?;
    let close = rest.find(']').ok_or("the code bracket is not closed")?;
    let code = rest.get(..close).unwrap_or_default().trim();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err("the department code must be digits, as in [117]");
    }
    let name = rest.get(close + 1..).unwrap_or_default().trim();
    if name.is_empty() {
        return Err("no department name after the code");
    }
    let lead = s.get(..open).unwrap_or_default().trim();
    Ok((lead, code, name))
}

/// 项目资金（万元）: the project's funds for the year.
///
/// Each cell is `None` when the table prints `-` or nothing ("not printed"),
/// which is distinct from `Some(0.00)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProjectFunds {
    /// 年度资金总额.
    #[serde(default)]
    pub total: Option<Wan>,
    /// 其中：财政拨款.
    #[serde(default)]
    pub fiscal_appropriation: Option<Wan>,
    /// 上年结转.
    #[serde(default)]
    pub carried_over: Option<Wan>,
    /// 其他资金.
    #[serde(default)]
    pub other: Option<Wan>,
}

impl ProjectFunds {
    /// 财政拨款 + 上年结转 + 其他资金 over the printed cells; `None` if none is
    /// printed (or on overflow).
    pub fn parts_sum(&self) -> Option<Wan> {
        let parts = [self.fiscal_appropriation, self.carried_over, self.other];
        if parts.iter().all(Option::is_none) {
            return None;
        }
        Wan::checked_sum(parts.into_iter().flatten())
    }
}

/// One 三级指标 row of a performance target table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标.
    pub level1: Level1,
    /// 二级指标.
    pub level2: Level2,
    /// 三级指标: the indicator's name, as printed.
    pub name: String,
    /// 指标值 exactly as printed, e.g. `≥1000台（套）`; read it with
    /// [`Indicator::parsed_target`].
    pub target: String,
    /// 分值 (weight), e.g. `2.5`.
    #[serde(with = "crate::serde_dec")]
    pub weight: Decimal,
    /// How sure the transcription is that this name goes with this 指标值
    /// (PDF extraction prints names and values in separate runs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairing: Option<Pairing>,
}

impl Indicator {
    /// An indicator under `level2` (its 一级 is `level2.level1()`), with no
    /// pairing note.
    pub fn new(
        level2: Level2,
        name: impl Into<String>,
        target: impl Into<String>,
        weight: Decimal,
    ) -> Self {
        Indicator {
            level1: level2.level1(),
            level2,
            name: name.into(),
            target: target.into(),
            weight,
            pairing: None,
        }
    }

    /// Attaches a pairing note.
    pub fn with_pairing(mut self, pairing: Pairing) -> Self {
        self.pairing = Some(pairing);
        self
    }

    /// Reads the printed 指标值 ([`crate::Target::parse`]).
    ///
    /// # Errors
    /// [`PerformanceError::UnreadableTarget`] quoting the text.
    pub fn parsed_target(&self) -> Result<crate::Target, PerformanceError> {
        crate::Target::parse(&self.target)
    }
}

/// A transcriber's record of how a 三级指标 name was paired with its 指标值
/// when the source prints them apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// How sure the pairing is.
    pub confidence: PairingConfidence,
    /// The reasoning, and what else it could be.
    pub note: String,
    /// The other 三级指标 names this 指标值 could belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

/// Confidence of a name↔value pairing ([`Pairing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PairingConfidence {
    /// The source decides it (e.g. the only value of its unit in its group).
    Certain,
    /// More than one reading fits the text; this one is argued in the note.
    Likely,
    /// The text does not decide between the alternatives; the pairing follows
    /// printed order only.
    Uncertain,
}

impl PairingConfidence {
    /// Chinese label: 确定 / 较可能 / 不确定.
    pub const fn label_zh(self) -> &'static str {
        match self {
            PairingConfidence::Certain => "确定",
            PairingConfidence::Likely => "较可能",
            PairingConfidence::Uncertain => "不确定",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_of_the_seed() {
        let d = Department::parse("人力资源和社会保障部信息中心[117]人力资源社会保障部").unwrap();
        assert_eq!(d.code, "117");
        assert_eq!(d.name, "人力资源社会保障部");
        assert_eq!(d.leading_text(), Some("人力资源和社会保障部信息中心"));
        assert!(d.is_consistent());
        let plain = Department::new("117", "人力资源社会保障部");
        assert_eq!(plain.printed, "[117]人力资源社会保障部");
        assert_eq!(plain.leading_text(), None);
        let full = Department::parse("【117】 人力资源社会保障部").unwrap();
        assert_eq!(full.label(), "[117]人力资源社会保障部");
        let mut wrong = plain.clone();
        wrong.code = "118".into();
        assert!(!wrong.is_consistent());
    }

    #[test]
    fn department_errors_quote_the_text() {
        for bad in [
            "人力资源社会保障部",
            "[]人社部",
            "[11a]人社部",
            "[117]",
            "[117 人社部",
        ] {
            let err = Department::parse(bad).unwrap_err();
            assert!(err.to_string().contains(bad), "{err}");
        }
    }

    #[test]
    fn funds_sum_skips_unprinted_cells() {
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        let f = ProjectFunds {
            total: w("2,459.08"),
            fiscal_appropriation: w("2,344.14"),
            carried_over: w("114.94"),
            other: None,
        };
        assert_eq!(f.parts_sum(), w("2459.08"));
        assert_eq!(ProjectFunds::default().parts_sum(), None);
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"total":"2459.08","fiscal_appropriation":"2344.14","carried_over":"114.94","other":null}"#
        );
        assert_eq!(serde_json::from_str::<ProjectFunds>(&json).unwrap(), f);
    }

    #[test]
    fn indicator_json_is_readable_and_round_trips() {
        let i = Indicator::new(
            Level2::Timeliness,
            "广域网设备故障处理时间",
            "≤48小时",
            "2.5".parse().unwrap(),
        )
        .with_pairing(Pairing {
            confidence: PairingConfidence::Likely,
            note: "n".into(),
            alternatives: vec![],
        });
        let json = serde_json::to_string(&i).unwrap();
        assert_eq!(
            json,
            r#"{"level1":"output","level2":"timeliness","name":"广域网设备故障处理时间","target":"≤48小时","weight":"2.5","pairing":{"confidence":"likely","note":"n"}}"#
        );
        assert_eq!(serde_json::from_str::<Indicator>(&json).unwrap(), i);
        // weights are strings, never floats
        assert!(serde_json::from_str::<Indicator>(&json.replace("\"2.5\"", "2.5")).is_err());
    }
}
