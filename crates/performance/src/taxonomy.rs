//! The indicator taxonomy (绩效指标体系) of 财预〔2021〕101号: 一级指标 and
//! their 二级指标.
//!
//! | 一级指标 ([`Level1`]) | 二级指标 ([`Level2`]) |
//! |---|---|
//! | 产出指标 | 数量指标, 质量指标, 时效指标 |
//! | 成本指标 | 经济成本指标, 社会成本指标, 生态环境成本指标 |
//! | 效益指标 | 经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标 |
//! | 满意度指标 | 服务对象满意度指标 |
//!
//! Names are parsed from what tables print, with or without the trailing
//! 指标 and with letter spacing removed:
//!
//! ```
//! use yusuan_performance::{Level1, Level2};
//! assert_eq!(Level2::parse("数量指标"), Some(Level2::Quantity));
//! assert_eq!(Level2::parse("社会效益"), Some(Level2::SocialBenefit));
//! assert_eq!(Level2::SocialBenefit.level1(), Level1::Benefit);
//! assert_eq!(Level1::parse("产 出 指 标"), Some(Level1::Output));
//! assert_eq!(Level2::EconomicCost.label_zh(), "经济成本指标");
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// 一级指标: the four top-level indicator kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level1 {
    /// 产出指标 (output).
    Output,
    /// 成本指标 (cost; part of the taxonomy since 2021).
    Cost,
    /// 效益指标 (benefit).
    Benefit,
    /// 满意度指标 (satisfaction).
    Satisfaction,
}

impl Level1 {
    /// Every 一级指标, in the order of the official taxonomy.
    pub const ALL: [Level1; 4] = [
        Level1::Output,
        Level1::Cost,
        Level1::Benefit,
        Level1::Satisfaction,
    ];

    /// The official Chinese name, e.g. `产出指标`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Level1::Output => "产出指标",
            Level1::Cost => "成本指标",
            Level1::Benefit => "效益指标",
            Level1::Satisfaction => "满意度指标",
        }
    }

    /// The stable English code used in JSON, e.g. `output`.
    pub const fn code(self) -> &'static str {
        match self {
            Level1::Output => "output",
            Level1::Cost => "cost",
            Level1::Benefit => "benefit",
            Level1::Satisfaction => "satisfaction",
        }
    }

    /// The 二级指标 that belong under this 一级指标.
    pub fn children(self) -> impl Iterator<Item = Level2> {
        Level2::ALL
            .into_iter()
            .filter(move |l2| l2.level1() == self)
    }

    /// Parses a printed name (`产出指标` or `产出`, full-width or letter-spaced
    /// forms too), or the English [`code`](Level1::code). `None` if unknown.
    pub fn parse(text: &str) -> Option<Level1> {
        let s = yusuan_money::text::squeeze(text);
        let core = s.strip_suffix("指标").unwrap_or(&s);
        Level1::ALL
            .into_iter()
            .find(|l1| l1.code() == s || l1.label_zh().strip_suffix("指标") == Some(core))
    }
}

impl fmt::Display for Level1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// 二级指标: the second level of the taxonomy; each belongs to one
/// [`Level1`] ([`Level2::level1`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level2 {
    /// 数量指标 (under 产出指标).
    Quantity,
    /// 质量指标 (under 产出指标).
    Quality,
    /// 时效指标 (under 产出指标).
    Timeliness,
    /// 经济成本指标 (under 成本指标).
    EconomicCost,
    /// 社会成本指标 (under 成本指标).
    SocialCost,
    /// 生态环境成本指标 (under 成本指标).
    EcologicalCost,
    /// 经济效益指标 (under 效益指标).
    EconomicBenefit,
    /// 社会效益指标 (under 效益指标).
    SocialBenefit,
    /// 生态效益指标 (under 效益指标; older tables print 生态环境效益指标).
    EcologicalBenefit,
    /// 可持续影响指标 (under 效益指标).
    Sustainability,
    /// 服务对象满意度指标 (under 满意度指标; older tables print
    /// 社会公众或服务对象满意度指标).
    ServiceRecipientSatisfaction,
}

impl Level2 {
    /// Every 二级指标, grouped by [`Level1`] in the order of the taxonomy.
    pub const ALL: [Level2; 11] = [
        Level2::Quantity,
        Level2::Quality,
        Level2::Timeliness,
        Level2::EconomicCost,
        Level2::SocialCost,
        Level2::EcologicalCost,
        Level2::EconomicBenefit,
        Level2::SocialBenefit,
        Level2::EcologicalBenefit,
        Level2::Sustainability,
        Level2::ServiceRecipientSatisfaction,
    ];

    /// The 一级指标 this 二级指标 belongs to.
    pub const fn level1(self) -> Level1 {
        match self {
            Level2::Quantity | Level2::Quality | Level2::Timeliness => Level1::Output,
            Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost => Level1::Cost,
            Level2::EconomicBenefit
            | Level2::SocialBenefit
            | Level2::EcologicalBenefit
            | Level2::Sustainability => Level1::Benefit,
            Level2::ServiceRecipientSatisfaction => Level1::Satisfaction,
        }
    }

    /// The official Chinese name, e.g. `数量指标`.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Level2::Quantity => "数量指标",
            Level2::Quality => "质量指标",
            Level2::Timeliness => "时效指标",
            Level2::EconomicCost => "经济成本指标",
            Level2::SocialCost => "社会成本指标",
            Level2::EcologicalCost => "生态环境成本指标",
            Level2::EconomicBenefit => "经济效益指标",
            Level2::SocialBenefit => "社会效益指标",
            Level2::EcologicalBenefit => "生态效益指标",
            Level2::Sustainability => "可持续影响指标",
            Level2::ServiceRecipientSatisfaction => "服务对象满意度指标",
        }
    }

    /// The stable English code used in JSON, e.g. `quantity`.
    pub const fn code(self) -> &'static str {
        match self {
            Level2::Quantity => "quantity",
            Level2::Quality => "quality",
            Level2::Timeliness => "timeliness",
            Level2::EconomicCost => "economic_cost",
            Level2::SocialCost => "social_cost",
            Level2::EcologicalCost => "ecological_cost",
            Level2::EconomicBenefit => "economic_benefit",
            Level2::SocialBenefit => "social_benefit",
            Level2::EcologicalBenefit => "ecological_benefit",
            Level2::Sustainability => "sustainability",
            Level2::ServiceRecipientSatisfaction => "service_recipient_satisfaction",
        }
    }

    /// Parses a printed name (`数量指标` or `数量`, full-width or
    /// letter-spaced forms too, and the older names noted on the variants),
    /// or the English [`code`](Level2::code). `None` if unknown.
    pub fn parse(text: &str) -> Option<Level2> {
        let s = yusuan_money::text::squeeze(text);
        let core = s.strip_suffix("指标").unwrap_or(&s);
        let alias = match core {
            "生态环境效益" => Some(Level2::EcologicalBenefit),
            "社会公众或服务对象满意度" | "社会公众满意度" => {
                Some(Level2::ServiceRecipientSatisfaction)
            }
            _ => None,
        };
        alias.or_else(|| {
            Level2::ALL
                .into_iter()
                .find(|l2| l2.code() == s || l2.label_zh().strip_suffix("指标") == Some(core))
        })
    }
}

impl fmt::Display for Level2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

macro_rules! serde_by_code {
    ($ty:ident, $what:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        /// Accepts the English code (`"quantity"`) or the Chinese name
        /// (`"数量指标"`), so that JSON written by hand may use either.
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $ty::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", $what, " {:?}; expected one of {}"),
                        text,
                        $ty::ALL
                            .iter()
                            .map(|x| format!("{} ({})", x.code(), x.label_zh()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })
            }
        }
    };
}

serde_by_code!(Level1, "一级指标");
serde_by_code!(Level2, "二级指标");

/// The result of reading a printed (一级, 二级) pair with [`classify`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Classification {
    /// Both names are known and the 二级 belongs under the 一级.
    Valid(Level1, Level2),
    /// Both names are known but the 二级 belongs under another 一级: an
    /// error in the table.
    WrongParent {
        /// The 一级指标 as printed.
        level1: Level1,
        /// The 二级指标 as printed.
        level2: Level2,
    },
    /// At least one name is not in the taxonomy: a warning quoting it (the
    /// taxonomy may have grown, or the text is garbled). The known half, if
    /// any, is kept.
    Unknown {
        /// The 一级指标, if it was recognised.
        level1: Option<Level1>,
        /// The 二级指标, if it was recognised.
        level2: Option<Level2>,
        /// The unrecognised names, as printed.
        unknown: Vec<String>,
    },
}

/// Reads a printed (一级指标, 二级指标) pair against the taxonomy.
///
/// ```
/// use yusuan_performance::{classify, Classification, Level1, Level2};
/// assert_eq!(classify("产出指标", "时效指标"), Classification::Valid(Level1::Output, Level2::Timeliness));
/// assert_eq!(
///     classify("效益指标", "数量指标"),
///     Classification::WrongParent { level1: Level1::Benefit, level2: Level2::Quantity },
/// );
/// assert!(matches!(classify("产出指标", "进度指标"), Classification::Unknown { .. }));
/// ```
pub fn classify(level1: &str, level2: &str) -> Classification {
    match (Level1::parse(level1), Level2::parse(level2)) {
        (Some(l1), Some(l2)) if l2.level1() == l1 => Classification::Valid(l1, l2),
        (Some(l1), Some(l2)) => Classification::WrongParent {
            level1: l1,
            level2: l2,
        },
        (l1, l2) => {
            let mut unknown = Vec::new();
            if l1.is_none() {
                unknown.push(level1.to_owned());
            }
            if l2.is_none() {
                unknown.push(level2.to_owned());
            }
            Classification::Unknown {
                level1: l1,
                level2: l2,
                unknown,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level2_has_exactly_one_parent_and_round_trips() {
        for l2 in Level2::ALL {
            assert!(Level1::ALL.contains(&l2.level1()));
            assert_eq!(Level2::parse(l2.label_zh()), Some(l2));
            assert_eq!(Level2::parse(l2.code()), Some(l2));
            let short = l2.label_zh().strip_suffix("指标").unwrap();
            assert_eq!(Level2::parse(short), Some(l2));
            let json = serde_json::to_string(&l2).unwrap();
            assert_eq!(serde_json::from_str::<Level2>(&json).unwrap(), l2);
        }
        let total: usize = Level1::ALL.iter().map(|l1| l1.children().count()).sum();
        assert_eq!(total, Level2::ALL.len());
    }

    #[test]
    fn taxonomy_of_the_2021_guideline() {
        let names = |l1: Level1| l1.children().map(|c| c.label_zh()).collect::<Vec<_>>();
        assert_eq!(names(Level1::Output), ["数量指标", "质量指标", "时效指标"]);
        assert_eq!(
            names(Level1::Cost),
            ["经济成本指标", "社会成本指标", "生态环境成本指标"]
        );
        assert_eq!(
            names(Level1::Benefit),
            [
                "经济效益指标",
                "社会效益指标",
                "生态效益指标",
                "可持续影响指标"
            ]
        );
        assert_eq!(names(Level1::Satisfaction), ["服务对象满意度指标"]);
    }

    #[test]
    fn parses_printed_variants() {
        assert_eq!(Level1::parse("成本指标"), Some(Level1::Cost));
        assert_eq!(Level1::parse("满意度"), Some(Level1::Satisfaction));
        assert_eq!(Level1::parse("满意度指标指标"), None);
        assert_eq!(Level2::parse("时\n效指标"), Some(Level2::Timeliness));
        assert_eq!(
            Level2::parse("社会公众或服务对象满意度指标"),
            Some(Level2::ServiceRecipientSatisfaction)
        );
        assert_eq!(
            Level2::parse("生态环境效益指标"),
            Some(Level2::EcologicalBenefit)
        );
        assert_eq!(Level2::parse("效益指标"), None);
        assert_eq!(Level2::parse(""), None);
        assert_eq!(
            serde_json::from_str::<Level2>("\"质量指标\"").unwrap(),
            Level2::Quality
        );
        let err = serde_json::from_str::<Level2>("\"进度指标\"").unwrap_err();
        assert!(err.to_string().contains("进度指标"), "{err}");
    }

    #[test]
    fn classify_reports_unknown_names_verbatim() {
        assert_eq!(
            classify("产出指标", "进度指标"),
            Classification::Unknown {
                level1: Some(Level1::Output),
                level2: None,
                unknown: vec!["进度指标".to_owned()],
            }
        );
        assert_eq!(
            classify("成本", "社会效益"),
            Classification::WrongParent {
                level1: Level1::Cost,
                level2: Level2::SocialBenefit
            }
        );
    }
}
