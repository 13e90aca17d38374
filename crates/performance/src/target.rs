//! 指标值: reading the printed target of an indicator.
//!
//! A quantitative target is a comparator, a value and a unit:
//!
//! ```
//! use yusuan_performance::{Comparator, Target, Unit};
//! use yusuan_money::Decimal;
//!
//! let t = Target::parse("≥1000台（套）")?;
//! assert_eq!(t, Target::Quantitative {
//!     comparator: Comparator::Ge,
//!     value: Decimal::from(1000),
//!     unit: Some(Unit::MachineSets),
//! });
//! assert_eq!(t.to_string(), "≥1000台（套）");
//! assert_eq!(Target::parse("不超过48小时")?, Target::parse("≤48小时")?);
//! assert_eq!(Target::parse("＞＝９９％")?, Target::parse("≥99%")?);
//! # Ok::<(), yusuan_performance::PerformanceError>(())
//! ```
//!
//! A qualitative target is a level such as `优` or `达到预期`:
//!
//! ```
//! use yusuan_performance::{QualitativeLevel, Target};
//! assert_eq!(Target::parse("优")?, Target::Qualitative(QualitativeLevel::Excellent));
//! # Ok::<(), yusuan_performance::PerformanceError>(())
//! ```
//!
//! Anything else is [`PerformanceError::UnreadableTarget`] quoting the text;
//! nothing is guessed. The grammar, after full-width → half-width
//! normalisation and removal of whitespace:
//!
//! - comparator: `≥ ≧ >= ≤ ≦ <= > < =` or the words 大于等于 / 不低于 /
//!   不少于 / 不小于 / 达到 / 至少 (≥), 小于等于 / 不高于 / 不超过 / 不多于 /
//!   不大于 / 至多 (≤), 大于 / 高于 / 超过 / 多于 (>), 小于 / 低于 / 少于 (<),
//!   等于 (=); or a suffix 以上 / 及以上 (≥), 以下 / 以内 / 及以下 (≤) after
//!   the unit. A bare value (`100%`) is read as `=`: the value itself is the
//!   target.
//! - value: digits with optional thousands separators and decimals.
//! - unit: one of [`Unit`]; a unit outside the list is kept verbatim as
//!   [`Unit::Other`] when it is made of letters only (no digits, no
//!   symbols, so ranges such as `90%-100%` are refused).

use crate::error::PerformanceError;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// [`yusuan_money::text::squeeze`], borrowing `text` when squeezing would
/// not change it (the common case: no full-width forms, no spaces), so that
/// reading a clean 指标值 or name allocates nothing.
pub(crate) fn squeezed(text: &str) -> Cow<'_, str> {
    if !any_squeeze_change(text) {
        return Cow::Borrowed(text);
    }
    // As `squeeze`, into a buffer allocated once.
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(yusuan_money::text::normalize_char) {
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The comparator of a quantitative 指标值.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Comparator {
    /// `≥` 大于等于 (不低于, 不少于, 达到 …): higher is better.
    Ge,
    /// `>` 大于: higher is better.
    Gt,
    /// `=` 等于: the value itself.
    Eq,
    /// `≤` 小于等于 (不高于, 不超过 …): lower is better.
    Le,
    /// `<` 小于: lower is better.
    Lt,
}

/// Which way an indicator improves, from its comparator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// `≥`, `>`: 正向指标, the more the better.
    HigherIsBetter,
    /// `≤`, `<`: 反向指标, the less the better.
    LowerIsBetter,
    /// `=`: the value itself.
    Exact,
}

impl Direction {
    /// 正向指标 / 反向指标 / 等值指标.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "正向指标",
            Direction::LowerIsBetter => "反向指标",
            Direction::Exact => "等值指标",
        }
    }
}

impl Comparator {
    /// The mathematical symbol as tables print it: `≥ > = ≤ <`.
    pub const fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
        }
    }

    /// The Chinese words: 大于等于 / 大于 / 等于 / 小于等于 / 小于.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Comparator::Ge => "大于等于",
            Comparator::Gt => "大于",
            Comparator::Eq => "等于",
            Comparator::Le => "小于等于",
            Comparator::Lt => "小于",
        }
    }

    /// Which way the indicator improves.
    pub const fn direction(self) -> Direction {
        match self {
            Comparator::Ge | Comparator::Gt => Direction::HigherIsBetter,
            Comparator::Eq => Direction::Exact,
            Comparator::Le | Comparator::Lt => Direction::LowerIsBetter,
        }
    }

    /// Whether `actual` meets a target `target` under this comparator.
    pub fn is_met(self, actual: Decimal, target: Decimal) -> bool {
        match self {
            Comparator::Ge => actual >= target,
            Comparator::Gt => actual > target,
            Comparator::Eq => actual == target,
            Comparator::Le => actual <= target,
            Comparator::Lt => actual < target,
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Prefix comparators, longest first within each family so that `不低于` is
/// not read as `低于`. Matched against normalised, whitespace-free text.
const PREFIXES: &[(&str, Comparator)] = &[
    ("大于或等于", Comparator::Ge),
    ("小于或等于", Comparator::Le),
    ("大于等于", Comparator::Ge),
    ("小于等于", Comparator::Le),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("不高于", Comparator::Le),
    ("不超过", Comparator::Le),
    ("不多于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("达到", Comparator::Ge),
    ("至少", Comparator::Ge),
    ("至多", Comparator::Le),
    ("大于", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("小于", Comparator::Lt),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("等于", Comparator::Eq),
    (">=", Comparator::Ge),
    ("=>", Comparator::Ge),
    ("<=", Comparator::Le),
    ("=<", Comparator::Le),
    ("≥", Comparator::Ge),
    ("≧", Comparator::Ge),
    ("⩾", Comparator::Ge),
    ("≤", Comparator::Le),
    ("≦", Comparator::Le),
    ("⩽", Comparator::Le),
    (">", Comparator::Gt),
    ("<", Comparator::Lt),
    ("=", Comparator::Eq),
];

/// Suffix comparators (`95%以上`), longest first.
const SUFFIXES: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("及以下", Comparator::Le),
    ("以上", Comparator::Ge),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
];

/// The unit of a quantitative 指标值 (计量单位).
///
/// Serialized as its Chinese label (`"台（套）"`); units convert only within
/// a dimension ([`Unit::dimension`]): 元 ↔ 万元 ↔ 亿元; 分钟 ↔ 小时 ↔ 天
/// (1 天 = 24 小时); 月 ↔ 年. 工作日 converts only under a
/// [`ScoringPolicy`](crate::ScoringPolicy) that defines its hours. Counting
/// units (台, 台（套）, 个 …) never convert into one another.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// 万元.
    Wan,
    /// 元.
    Yuan,
    /// 亿元.
    Yi,
    /// 次 (times).
    Times,
    /// 人次 (person-times).
    PersonTimes,
    /// 台 (machines).
    Machines,
    /// 台（套） (machines or sets).
    MachineSets,
    /// 套 (sets).
    Sets,
    /// 个 (items).
    Items,
    /// 个（套） (items or sets).
    ItemSets,
    /// 项 (items of work, entries).
    Entries,
    /// 件 (pieces).
    Pieces,
    /// 份 (copies).
    Copies,
    /// 人 (persons).
    Persons,
    /// 户 (households).
    Households,
    /// 家 (organisations).
    Organizations,
    /// % (percent).
    Percent,
    /// 分钟 (minutes).
    Minutes,
    /// 小时 (hours).
    Hours,
    /// 天 / 日 (calendar days of 24 hours).
    Days,
    /// 工作日 (working days).
    WorkingDays,
    /// 个月 / 月 (months).
    Months,
    /// 年 (years).
    Years,
    /// A unit outside this list, kept verbatim (compares only with itself).
    Other(String),
}

/// What a unit measures; units convert only within one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dimension {
    /// Money (元, 万元, 亿元).
    Money,
    /// Elapsed time (分钟, 小时, 天).
    Time,
    /// Working time (工作日), convertible to [`Dimension::Time`] only by policy.
    WorkingTime,
    /// Calendar months and years.
    CalendarMonths,
    /// A percentage.
    Percent,
    /// A count in the given unit; converts only to itself.
    Count(Unit),
}

impl Unit {
    /// Every unit except [`Unit::Other`].
    pub const KNOWN: [Unit; 23] = [
        Unit::Wan,
        Unit::Yuan,
        Unit::Yi,
        Unit::Times,
        Unit::PersonTimes,
        Unit::Machines,
        Unit::MachineSets,
        Unit::Sets,
        Unit::Items,
        Unit::ItemSets,
        Unit::Entries,
        Unit::Pieces,
        Unit::Copies,
        Unit::Persons,
        Unit::Households,
        Unit::Organizations,
        Unit::Percent,
        Unit::Minutes,
        Unit::Hours,
        Unit::Days,
        Unit::WorkingDays,
        Unit::Months,
        Unit::Years,
    ];

    /// The unit as the central template prints it (full-width brackets):
    /// `万元`, `台（套）`, `%`, `小时` ….
    pub fn label_zh(&self) -> &str {
        match self {
            Unit::Wan => "万元",
            Unit::Yuan => "元",
            Unit::Yi => "亿元",
            Unit::Times => "次",
            Unit::PersonTimes => "人次",
            Unit::Machines => "台",
            Unit::MachineSets => "台（套）",
            Unit::Sets => "套",
            Unit::Items => "个",
            Unit::ItemSets => "个（套）",
            Unit::Entries => "项",
            Unit::Pieces => "件",
            Unit::Copies => "份",
            Unit::Persons => "人",
            Unit::Households => "户",
            Unit::Organizations => "家",
            Unit::Percent => "%",
            Unit::Minutes => "分钟",
            Unit::Hours => "小时",
            Unit::Days => "天",
            Unit::WorkingDays => "工作日",
            Unit::Months => "个月",
            Unit::Years => "年",
            Unit::Other(s) => s,
        }
    }

    /// Reads a printed unit: one of [`Unit::KNOWN`] (brackets half- or
    /// full-width; also `百分比`, `％`, `日`, `月`, `h`), or else
    /// [`Unit::Other`] when the text is letters only. `None` for text with
    /// digits, symbols or spaces in it (a range, a second number …).
    ///
    /// ```
    /// use yusuan_performance::Unit;
    /// assert_eq!(Unit::parse("台(套)"), Some(Unit::MachineSets));
    /// assert_eq!(Unit::parse("％"), Some(Unit::Percent));
    /// assert_eq!(Unit::parse("平方米"), Some(Unit::Other("平方米".into())));
    /// assert_eq!(Unit::parse("%-100%"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Unit> {
        Unit::parse_squeezed(&squeezed(text))
    }

    /// [`Unit::parse`] of a text already squeezed (normalised, no
    /// whitespace); squeezing is idempotent, so this reads the same.
    fn parse_squeezed(squeezed: &str) -> Option<Unit> {
        // `（` and `）` are full-width forms: squeezing made them `(` `)`.
        let known = match squeezed {
            "万元" => Unit::Wan,
            "元" => Unit::Yuan,
            "亿元" => Unit::Yi,
            "次" => Unit::Times,
            "人次" => Unit::PersonTimes,
            "台" => Unit::Machines,
            "台(套)" => Unit::MachineSets,
            "套" => Unit::Sets,
            "个" => Unit::Items,
            "个(套)" => Unit::ItemSets,
            "项" => Unit::Entries,
            "件" => Unit::Pieces,
            "份" => Unit::Copies,
            "人" => Unit::Persons,
            "户" => Unit::Households,
            "家" => Unit::Organizations,
            "%" | "百分比" => Unit::Percent,
            "分钟" | "min" => Unit::Minutes,
            "小时" | "h" => Unit::Hours,
            "天" | "日" | "自然日" => Unit::Days,
            "工作日" | "个工作日" => Unit::WorkingDays,
            "个月" | "月" => Unit::Months,
            "年" => Unit::Years,
            "" => return None,
            other => {
                let letters_only = other
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '(' | ')' | '/' | '·'));
                return letters_only.then(|| Unit::Other(other.to_owned()));
            }
        };
        Some(known)
    }

    /// What the unit measures.
    pub fn dimension(&self) -> Dimension {
        match self {
            Unit::Wan | Unit::Yuan | Unit::Yi => Dimension::Money,
            Unit::Minutes | Unit::Hours | Unit::Days => Dimension::Time,
            Unit::WorkingDays => Dimension::WorkingTime,
            Unit::Months | Unit::Years => Dimension::CalendarMonths,
            Unit::Percent => Dimension::Percent,
            other => Dimension::Count(other.clone()),
        }
    }

    /// How many base units (元, 分钟, 月, or the unit itself) one of this
    /// unit is; `None` for 工作日, whose length only a policy defines.
    pub fn base_factor(&self) -> Option<Decimal> {
        Some(match self {
            Unit::Wan => Decimal::from(10_000),
            Unit::Yi => Decimal::from(100_000_000),
            Unit::Hours => Decimal::from(60),
            Unit::Days => Decimal::from(24 * 60),
            Unit::Years => Decimal::from(12),
            Unit::WorkingDays => return None,
            _ => Decimal::ONE,
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label_zh())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Unit::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("cannot read the unit {text:?}")))
    }
}

/// The scale a [`QualitativeLevel`] belongs to; levels compare only within
/// a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scale {
    /// 优 > 良 > 中 > 差.
    Grade,
    /// 好 > 较好 > 一般 > 较差.
    Descriptive,
    /// 达到预期 (met or not).
    Expectation,
}

/// A qualitative 指标值 (定性指标) or a qualitative assessment of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QualitativeLevel {
    /// 优 (also printed 优秀).
    Excellent,
    /// 良 (also printed 良好).
    Good,
    /// 中.
    Medium,
    /// 差.
    Poor,
    /// 好.
    Well,
    /// 较好.
    FairlyWell,
    /// 一般.
    Average,
    /// 较差.
    FairlyPoor,
    /// 达到预期 (also 符合预期, 达到预期目标).
    MeetsExpectation,
}

impl QualitativeLevel {
    /// Every level.
    pub const ALL: [QualitativeLevel; 9] = [
        QualitativeLevel::Excellent,
        QualitativeLevel::Good,
        QualitativeLevel::Medium,
        QualitativeLevel::Poor,
        QualitativeLevel::Well,
        QualitativeLevel::FairlyWell,
        QualitativeLevel::Average,
        QualitativeLevel::FairlyPoor,
        QualitativeLevel::MeetsExpectation,
    ];

    /// The Chinese label: 优, 良, 中, 差, 好, 较好, 一般, 较差, 达到预期.
    pub const fn label_zh(self) -> &'static str {
        match self {
            QualitativeLevel::Excellent => "优",
            QualitativeLevel::Good => "良",
            QualitativeLevel::Medium => "中",
            QualitativeLevel::Poor => "差",
            QualitativeLevel::Well => "好",
            QualitativeLevel::FairlyWell => "较好",
            QualitativeLevel::Average => "一般",
            QualitativeLevel::FairlyPoor => "较差",
            QualitativeLevel::MeetsExpectation => "达到预期",
        }
    }

    /// The scale of the level.
    pub const fn scale(self) -> Scale {
        match self {
            QualitativeLevel::Excellent
            | QualitativeLevel::Good
            | QualitativeLevel::Medium
            | QualitativeLevel::Poor => Scale::Grade,
            QualitativeLevel::Well
            | QualitativeLevel::FairlyWell
            | QualitativeLevel::Average
            | QualitativeLevel::FairlyPoor => Scale::Descriptive,
            QualitativeLevel::MeetsExpectation => Scale::Expectation,
        }
    }

    /// The rank within the scale, higher is better (4 = 优 / 好).
    pub const fn rank(self) -> u8 {
        match self {
            QualitativeLevel::Excellent | QualitativeLevel::Well => 4,
            QualitativeLevel::Good | QualitativeLevel::FairlyWell => 3,
            QualitativeLevel::Medium | QualitativeLevel::Average => 2,
            QualitativeLevel::Poor | QualitativeLevel::FairlyPoor => 1,
            QualitativeLevel::MeetsExpectation => 1,
        }
    }

    /// Reads a printed level (whitespace and full-width forms ignored).
    ///
    /// ```
    /// use yusuan_performance::QualitativeLevel;
    /// assert_eq!(QualitativeLevel::parse("优秀"), Some(QualitativeLevel::Excellent));
    /// assert_eq!(QualitativeLevel::parse("达到预期"), Some(QualitativeLevel::MeetsExpectation));
    /// assert_eq!(QualitativeLevel::parse("明显"), None);
    /// ```
    pub fn parse(text: &str) -> Option<QualitativeLevel> {
        QualitativeLevel::parse_squeezed(&squeezed(text))
    }

    /// [`QualitativeLevel::parse`] of an already squeezed text.
    fn parse_squeezed(s: &str) -> Option<QualitativeLevel> {
        // Every level starts with an ideograph (lead byte E4–E9); most
        // 指标值 start with a digit or a comparator and are ruled out here.
        if !s
            .as_bytes()
            .first()
            .is_some_and(|b| (0xE4..=0xE9).contains(b))
        {
            return None;
        }
        Some(match s {
            "优" | "优秀" => QualitativeLevel::Excellent,
            "良" | "良好" => QualitativeLevel::Good,
            "中" | "中等" => QualitativeLevel::Medium,
            "差" => QualitativeLevel::Poor,
            "好" => QualitativeLevel::Well,
            "较好" | "比较好" => QualitativeLevel::FairlyWell,
            "一般" => QualitativeLevel::Average,
            "较差" | "比较差" => QualitativeLevel::FairlyPoor,
            "达到预期" | "达到预期目标" | "符合预期" | "达预期" => {
                QualitativeLevel::MeetsExpectation
            }
            _ => return None,
        })
    }
}

impl fmt::Display for QualitativeLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// A typed 指标值.
///
/// Serialized as its canonical text (`"≥1000台（套）"`), parsed back with
/// [`Target::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// 定量指标: comparator, value, unit.
    Quantitative {
        /// ≥, >, =, ≤, <.
        comparator: Comparator,
        /// The value as printed (scale kept: `2459.07`).
        value: Decimal,
        /// The unit; `None` when the table prints none.
        unit: Option<Unit>,
    },
    /// 定性指标: a level such as 优 or 达到预期.
    Qualitative(QualitativeLevel),
}

impl Target {
    /// Reads a printed 指标值 (see the [module documentation](self) for the
    /// grammar).
    ///
    /// # Errors
    /// [`PerformanceError::UnreadableTarget`] quoting `text`, saying what was
    /// expected and what was found.
    pub fn parse(text: &str) -> Result<Target, PerformanceError> {
        match parse_plain(text) {
            Some(target) => Ok(target),
            None => Target::parse_general(text),
        }
    }

    /// [`Target::parse`] without the one-pass reading of the plain form.
    fn parse_general(text: &str) -> Result<Target, PerformanceError> {
        let unreadable = |reason: String| PerformanceError::UnreadableTarget {
            text: text.to_owned(),
            reason,
        };
        let s = squeezed(text);
        if s.is_empty() {
            return Err(unreadable("the 指标值 is empty".to_owned()));
        }
        if let Some(level) = QualitativeLevel::parse_squeezed(&s) {
            return Ok(Target::Qualitative(level));
        }
        let (prefix, rest) = match find_prefix(&s, PREFIXES) {
            Some((p, c)) => (Some(*c), s.get(p.len()..).unwrap_or_default()),
            None => (None, &*s),
        };
        let (suffix, rest) = match find_suffix(rest, SUFFIXES) {
            Some((p, c)) => (
                Some(*c),
                rest.get(..rest.len() - p.len()).unwrap_or_default(),
            ),
            None => (None, rest),
        };
        let comparator = match (prefix, suffix) {
            (Some(p), Some(q)) if p != q => {
                return Err(unreadable(format!(
                    "two contradicting comparators, {} and {}",
                    p.symbol(),
                    q.symbol()
                )))
            }
            (Some(c), _) | (None, Some(c)) => c,
            (None, None) => Comparator::Eq,
        };
        let (value, unit) = split_measure(rest).map_err(|reason| {
            if prefix.is_some() {
                unreadable(format!("{reason} after the comparator, found {rest:?}"))
            } else {
                unreadable(format!("{reason}, found {rest:?}"))
            }
        })?;
        Ok(Target::Quantitative {
            comparator,
            value,
            unit,
        })
    }

    /// The comparator of a quantitative target.
    pub fn comparator(&self) -> Option<Comparator> {
        match self {
            Target::Quantitative { comparator, .. } => Some(*comparator),
            Target::Qualitative(_) => None,
        }
    }

    /// The unit of a quantitative target.
    pub fn unit(&self) -> Option<&Unit> {
        match self {
            Target::Quantitative { unit, .. } => unit.as_ref(),
            Target::Qualitative(_) => None,
        }
    }
}

/// `≥1000台`, `≤2459.07万元`, `=12次`: one comparator symbol (`≥`, `≤`
/// or `=`), a plain number and a known unit, in text that squeezing leaves
/// as it is — the form nearly every 指标值 is printed in — read in one pass.
/// `None` for anything else, which [`Target::parse`] then reads the general
/// way (and which reads this form to the same target: a property test
/// compares the two).
fn parse_plain(text: &str) -> Option<Target> {
    let (comparator, rest) = match text.as_bytes().first()? {
        // ≥ U+2265, ≤ U+2264: E2 89 A5 / A4. No longer prefix starts with
        // either, nor with `=` followed by a digit.
        0xE2 => match text.get(..3)? {
            "≥" => (Comparator::Ge, text.get(3..)?),
            "≤" => (Comparator::Le, text.get(3..)?),
            _ => return None,
        },
        b'=' => (Comparator::Eq, text.get(1..)?),
        _ => return None,
    };
    let number_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let (number, unit_text) = (rest.get(..number_len)?, rest.get(number_len..)?);
    // A separator, a second number or a suffix comparator (`95%以上`): the
    // general way.
    if unit_text.starts_with(',')
        || any_squeeze_change(unit_text)
        || find_suffix(unit_text, SUFFIXES).is_some()
    {
        return None;
    }
    let value = plain_decimal(number)?;
    let unit = if unit_text.is_empty() {
        None
    } else {
        Some(Unit::parse_squeezed(unit_text)?)
    };
    Some(Target::Quantitative {
        comparator,
        value,
        unit,
    })
}

/// Splits `1,000台（套）` into its number and unit (`Err` says what is
/// wrong). `text` is squeezed (see [`squeezed`]).
pub(crate) fn split_measure(text: &str) -> Result<(Decimal, Option<Unit>), String> {
    // The number's characters are ASCII, and no byte of a longer character
    // is an ASCII byte: counting bytes counts them.
    let number_len = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        .count();
    let number = text.get(..number_len).unwrap_or_default();
    let unit_text = text.get(number_len..).unwrap_or_default();
    if number.is_empty() {
        return Err("expected a number".to_owned());
    }
    let value = match plain_decimal(number) {
        Some(d) => d,
        None => yusuan_money::Wan::parse(number)
            .map_err(|e| format!("the number {number:?} is malformed ({e})"))?
            .value(),
    };
    let unit = if unit_text.is_empty() {
        None
    } else {
        Some(Unit::parse_squeezed(unit_text).ok_or_else(|| {
            format!(
                "cannot read the unit {unit_text:?} (ranges and second numbers are not supported)"
            )
        })?)
    };
    Ok((value, unit))
}

/// `12`, `2459.07`: digits with at most one decimal point between digits,
/// no separators, read exactly as [`yusuan_money::Wan::parse`] reads them
/// (same value, same scale) without its general grammar; `None` for
/// anything else, which the caller reads the general way.
fn plain_decimal(number: &str) -> Option<Decimal> {
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    Decimal::from_str_exact(number).ok()
}

/// Whether [`yusuan_money::text::squeeze`] changes or drops `c`: whitespace
/// or a character that [`yusuan_money::text::normalize_char`] maps. Decided
/// without a table lookup for ASCII and for the CJK block between U+3001
/// and U+FF00, which holds neither.
fn squeeze_changes(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => matches!(c, '\t'..='\r' | ' '),
        0x3001..=0xFF00 => false,
        _ => c.is_whitespace() || yusuan_money::text::normalize_char(c) != c,
    }
}

/// Whether any character of `text` is one that [`squeeze_changes`]: a
/// scan of the bytes that decodes a character only at the lead bytes such
/// characters can have (ASCII whitespace, `C2` for U+0085/U+00A0, `E1` for
/// U+1680, `E2` for U+2000–U+205F, `E3` for U+3000, `EF` for the full-width
/// forms).
fn any_squeeze_change(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    // One step per character: its lead byte gives its length.
    while let Some(&b) = bytes.get(i) {
        let len = match b {
            b'\t'..=b'\r' | b' ' => return true,
            // ASCII (and, never at a character boundary, continuation bytes).
            0x00..=0xBF => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                if text
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(squeeze_changes)
                {
                    return true;
                }
                if b < 0xE0 {
                    2
                } else {
                    3
                }
            }
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        i += len;
    }
    false
}

/// The first of `table` that `s` starts with (first byte compared before
/// the whole pattern).
fn find_prefix(
    s: &str,
    table: &'static [(&'static str, Comparator)],
) -> Option<&'static (&'static str, Comparator)> {
    let first = s.as_bytes().first()?;
    table
        .iter()
        .find(|(p, _)| p.as_bytes().first() == Some(first) && s.starts_with(p))
}

/// The first of `table` that `s` ends with (last byte compared first).
fn find_suffix(
    s: &str,
    table: &'static [(&'static str, Comparator)],
) -> Option<&'static (&'static str, Comparator)> {
    let last = s.as_bytes().last()?;
    table
        .iter()
        .find(|(p, _)| p.as_bytes().last() == Some(last) && s.ends_with(p))
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Quantitative {
                comparator,
                value,
                unit,
            } => {
                write!(f, "{}{}", comparator.symbol(), value)?;
                if let Some(u) = unit {
                    f.write_str(u.label_zh())?;
                }
                Ok(())
            }
            Target::Qualitative(level) => f.write_str(level.label_zh()),
        }
    }
}

impl std::str::FromStr for Target {
    type Err = PerformanceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Target::parse(s)
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Target::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A measured quantity: a value and its unit, e.g. an actual `10小时`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Measure {
    /// The value.
    pub value: Decimal,
    /// The unit, `None` if none was given.
    pub unit: Option<Unit>,
}

impl Measure {
    /// A measure of `value` in `unit`.
    pub fn new(value: Decimal, unit: Option<Unit>) -> Self {
        Measure { value, unit }
    }

    /// Reads `10小时`, `2,400.00万元`, `98.5%`, `12` (no unit).
    ///
    /// ```
    /// use yusuan_performance::{Measure, Unit};
    /// let m = Measure::parse("10小时")?;
    /// assert_eq!((m.value, m.unit), (10.into(), Some(Unit::Hours)));
    /// # Ok::<(), yusuan_performance::PerformanceError>(())
    /// ```
    ///
    /// # Errors
    /// [`PerformanceError::UnreadableActual`] quoting the text.
    pub fn parse(text: &str) -> Result<Measure, PerformanceError> {
        let s = squeezed(text);
        split_measure(&s)
            .map(|(value, unit)| Measure { value, unit })
            .map_err(|reason| PerformanceError::UnreadableActual {
                text: text.to_owned(),
                reason: format!("{reason}, found {s:?}"),
            })
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some(u) = &self.unit {
            f.write_str(u.label_zh())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_plain_form_is_read_in_one_pass() {
        for (text, expected) in [
            (
                "≤2459.07万元",
                q(Comparator::Le, "2459.07", Some(Unit::Wan)),
            ),
            ("=12次", q(Comparator::Eq, "12", Some(Unit::Times))),
            ("≥99%", q(Comparator::Ge, "99", Some(Unit::Percent))),
            ("≤48小时", q(Comparator::Le, "48", Some(Unit::Hours))),
            ("≥3", q(Comparator::Ge, "3", None)),
        ] {
            assert_eq!(parse_plain(text), Some(expected.clone()), "{text}");
            assert_eq!(Target::parse(text).unwrap(), expected, "{text}");
        }
        // Left to the general way: full-width forms, spaces, separators,
        // suffix comparators, words, qualitative levels, unknown units.
        for text in [
            "≥1000台（套）",
            "≥ 19个",
            "≥1,000台",
            "95%以上",
            "不低于95%",
            "优",
            ">5天",
            "≥1.2.3次",
            "≥.5次",
            "=5~8次",
            "≥5 个",
            "",
        ] {
            assert_eq!(parse_plain(text), None, "{text}");
        }
    }

    #[test]
    fn every_qualitative_level_starts_with_an_ideograph() {
        // The texts `QualitativeLevel::parse_squeezed` accepts.
        for text in [
            "优",
            "优秀",
            "良",
            "良好",
            "中",
            "中等",
            "差",
            "好",
            "较好",
            "比较好",
            "一般",
            "较差",
            "比较差",
            "达到预期",
            "达到预期目标",
            "符合预期",
            "达预期",
        ] {
            let first = text.as_bytes()[0];
            assert!((0xE4..=0xE9).contains(&first), "{text}");
            assert!(QualitativeLevel::parse(text).is_some(), "{text}");
        }
    }

    #[test]
    fn squeezed_borrows_clean_text_and_squeezes_the_rest() {
        for text in [
            "≤2459.07万元",
            "优",
            "",
            "≥1000台（套）",
            "＞＝９９％",
            "小\n于 48 小时",
            "a\u{3000}b",
        ] {
            assert_eq!(
                squeezed(text),
                yusuan_money::text::squeeze(text),
                "{text:?}"
            );
        }
        assert!(matches!(squeezed("≤2459.07万元"), Cow::Borrowed(_)));
        assert!(matches!(squeezed("≥1000台（套）"), Cow::Owned(_)));
    }

    #[test]
    fn squeeze_changes_exactly_what_squeeze_changes() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let expected = c.is_whitespace() || yusuan_money::text::normalize_char(c) != c;
            assert_eq!(squeeze_changes(c), expected, "{c:?}");
            let mut text = String::from("指标");
            text.push(c);
            assert_eq!(any_squeeze_change(&text), expected, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn the_plain_form_reads_as_the_general_way(
            text in "[≥≤=><＝0-9.,万元台套个次小时天%（）() 以上下内及优]{0,9}"
        ) {
            if let Some(plain) = parse_plain(&text) {
                prop_assert_eq!(Target::parse_general(&text), Ok(plain));
            }
        }

        #[test]
        fn the_plain_form_reads_as_the_general_way_when_shaped_like_it(
            text in "(≥|≤|=|＝|>|<|=>)?[0-9]{0,4}(\\.[0-9]{0,3})?(,5)?(万元|元|亿元|台|台\\(套\\)|个|次|小时|天|%|以上|及以下|（套）| |优|x)?(以内)?"
        ) {
            if let Some(plain) = parse_plain(&text) {
                prop_assert_eq!(Target::parse_general(&text), Ok(plain));
            }
        }

        #[test]
        fn squeezed_is_squeeze(text in "[ 0-9a-zA-Z.,%（）()\u{3000}\u{FF10}-\u{FF5A}≤≥台套个优良\n]{0,12}") {
            prop_assert_eq!(squeezed(&text), yusuan_money::text::squeeze(&text));
        }

        #[test]
        fn plain_numbers_read_as_wan_reads_them(text in "[0-9.,]{1,12}") {
            if let Some(d) = plain_decimal(&text) {
                let w = yusuan_money::Wan::parse(&text).map(|w| w.value());
                prop_assert_eq!(Ok(d), w.clone());
                prop_assert_eq!(Ok(d.scale()), w.map(|w| w.scale()));
            }
        }
    }

    fn q(c: Comparator, v: &str, u: Option<Unit>) -> Target {
        Target::Quantitative {
            comparator: c,
            value: v.parse().unwrap(),
            unit: u,
        }
    }

    /// Every 指标值 printed in the seed's 金保工程 table, read by hand.
    #[test]
    fn every_target_printed_in_the_seed() {
        use Comparator::*;
        let cases: &[(&str, Target)] = &[
            ("≤2459.07万元", q(Le, "2459.07", Some(Unit::Wan))),
            ("=12次", q(Eq, "12", Some(Unit::Times))),
            ("≥1000台（套）", q(Ge, "1000", Some(Unit::MachineSets))),
            ("≥19个", q(Ge, "19", Some(Unit::Items))),
            ("≥500台", q(Ge, "500", Some(Unit::Machines))),
            ("≥18个（套）", q(Ge, "18", Some(Unit::ItemSets))),
            ("≥600台", q(Ge, "600", Some(Unit::Machines))),
            ("≥99%", q(Ge, "99", Some(Unit::Percent))),
            ("≤2次", q(Le, "2", Some(Unit::Times))),
            ("≥95%", q(Ge, "95", Some(Unit::Percent))),
            ("≤8小时", q(Le, "8", Some(Unit::Hours))),
            ("≤24小时", q(Le, "24", Some(Unit::Hours))),
            ("≤4小时", q(Le, "4", Some(Unit::Hours))),
            ("≤2小时", q(Le, "2", Some(Unit::Hours))),
            ("≤48小时", q(Le, "48", Some(Unit::Hours))),
            ("优", Target::Qualitative(QualitativeLevel::Excellent)),
        ];
        for (text, expected) in cases {
            let parsed = Target::parse(text).unwrap();
            assert_eq!(&parsed, expected, "{text}");
            assert_eq!(parsed.to_string(), *text, "canonical text of {text}");
        }
    }

    #[test]
    fn full_width_and_word_comparators() {
        use Comparator::*;
        let same = [
            ("＞＝９５％", q(Ge, "95", Some(Unit::Percent))),
            ("＞95%", q(Gt, "95", Some(Unit::Percent))),
            ("＜ 3 次", q(Lt, "3", Some(Unit::Times))),
            ("＝12次", q(Eq, "12", Some(Unit::Times))),
            ("≧90%", q(Ge, "90", Some(Unit::Percent))),
            ("不低于95%", q(Ge, "95", Some(Unit::Percent))),
            ("不少于19个", q(Ge, "19", Some(Unit::Items))),
            ("不高于2次", q(Le, "2", Some(Unit::Times))),
            ("不超过48小时", q(Le, "48", Some(Unit::Hours))),
            ("达到100%", q(Ge, "100", Some(Unit::Percent))),
            ("低于5%", q(Lt, "5", Some(Unit::Percent))),
            ("95%以上", q(Ge, "95", Some(Unit::Percent))),
            ("2个工作日以内", q(Le, "2", Some(Unit::WorkingDays))),
            ("≥1,000台(套)", q(Ge, "1000", Some(Unit::MachineSets))),
            ("100%", q(Eq, "100", Some(Unit::Percent))),
            ("≤ 3 天", q(Le, "3", Some(Unit::Days))),
            ("≥19", q(Ge, "19", None)),
            ("≥5平方米", q(Ge, "5", Some(Unit::Other("平方米".into())))),
        ];
        for (text, expected) in same {
            assert_eq!(Target::parse(text).unwrap(), expected, "{text}");
        }
        assert_eq!(
            Target::parse("达到预期").unwrap(),
            Target::Qualitative(QualitativeLevel::MeetsExpectation)
        );
        assert_eq!(
            Target::parse("较好").unwrap(),
            Target::Qualitative(QualitativeLevel::FairlyWell)
        );
    }

    #[test]
    fn unreadable_targets_are_errors_that_quote_the_text() {
        for bad in [
            "",
            "   ",
            "≥",
            "约95%",
            "≥约95%",
            "90%-100%",
            "≥90%且≤100%",
            "≥1,00台",
            "≥9.9.9%",
            "有效提升",
            "≥95%以下",
        ] {
            match Target::parse(bad) {
                Err(PerformanceError::UnreadableTarget { text, reason }) => {
                    assert_eq!(text, bad);
                    assert!(!reason.is_empty());
                }
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn serde_as_canonical_text() {
        let t = Target::parse("≥1000台(套)").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"≥1000台（套）\"");
        assert_eq!(
            serde_json::from_str::<Target>("\"≥1000台（套）\"").unwrap(),
            t
        );
        assert_eq!(serde_json::to_string(&Unit::Hours).unwrap(), "\"小时\"");
    }

    #[test]
    fn measures() {
        let m = Measure::parse("2,400.00万元").unwrap();
        assert_eq!(m.value, "2400.00".parse::<Decimal>().unwrap());
        assert_eq!(m.unit, Some(Unit::Wan));
        assert!(Measure::parse("十小时").is_err());
        assert!(Measure::parse("≥10小时").is_err());
    }
}
