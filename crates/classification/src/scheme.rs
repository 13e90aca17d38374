//! The four schemes (分类) of the 政府收支分类科目, their levels and residual kinds.

use serde::{Deserialize, Serialize};

/// One of the four code schemes of the 政府收支分类科目 (government revenue and
/// expenditure classification), published yearly by 财政部.
///
/// The scheme is recognised from the first digit of a code:
///
/// | first digit | scheme | levels (digits) |
/// |---|---|---|
/// | `1` | [`Scheme::Revenue`] 收入分类 | 类 3 / 款 5 / 项 7 / 目 9 |
/// | `2` | [`Scheme::Function`] 支出功能分类 | 类 3 / 款 5 / 项 7 |
/// | `3` | [`Scheme::DepartmentEconomic`] 部门预算支出经济分类 | 类 3 / 款 5 |
/// | `5` | [`Scheme::GovernmentEconomic`] 政府预算支出经济分类 | 类 3 / 款 5 |
///
/// ```
/// use yusuan_classification::{Level, Scheme};
/// assert_eq!(Scheme::Function.label_zh(), "支出功能分类");
/// assert_eq!(Scheme::from_leading_digit('3'), Some(Scheme::DepartmentEconomic));
/// assert_eq!(Scheme::DepartmentEconomic.levels(), &[Level::Class, Level::Section]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// 支出功能分类: what the money is for (208 社会保障和就业支出 …).
    Function,
    /// 部门预算支出经济分类: what the money is spent on, in department budgets
    /// (301 工资福利支出 …).
    DepartmentEconomic,
    /// 政府预算支出经济分类: what the money is spent on, in government budgets
    /// (501 机关工资福利支出 …).
    GovernmentEconomic,
    /// 收入分类: where the money comes from (101 税收收入 …).
    Revenue,
}

impl Scheme {
    /// All four schemes, in the order of this enum.
    pub const ALL: [Scheme; 4] = [
        Scheme::Function,
        Scheme::DepartmentEconomic,
        Scheme::GovernmentEconomic,
        Scheme::Revenue,
    ];

    /// The official Chinese name: 支出功能分类, 部门预算支出经济分类,
    /// 政府预算支出经济分类 or 收入分类.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Scheme::Function => "支出功能分类",
            Scheme::DepartmentEconomic => "部门预算支出经济分类",
            Scheme::GovernmentEconomic => "政府预算支出经济分类",
            Scheme::Revenue => "收入分类",
        }
    }

    /// The first digit every code of this scheme starts with.
    pub const fn leading_digit(self) -> char {
        match self {
            Scheme::Revenue => '1',
            Scheme::Function => '2',
            Scheme::DepartmentEconomic => '3',
            Scheme::GovernmentEconomic => '5',
        }
    }

    /// The scheme whose codes start with `digit` (ASCII), if any.
    pub const fn from_leading_digit(digit: char) -> Option<Scheme> {
        match digit {
            '1' => Some(Scheme::Revenue),
            '2' => Some(Scheme::Function),
            '3' => Some(Scheme::DepartmentEconomic),
            '5' => Some(Scheme::GovernmentEconomic),
            _ => None,
        }
    }

    /// The levels of this scheme, from the top (类) down.
    pub const fn levels(self) -> &'static [Level] {
        match self {
            Scheme::Revenue => &[Level::Class, Level::Section, Level::Item, Level::Entry],
            Scheme::Function => &[Level::Class, Level::Section, Level::Item],
            Scheme::DepartmentEconomic | Scheme::GovernmentEconomic => {
                &[Level::Class, Level::Section]
            }
        }
    }

    /// The level a code of `len` digits has in this scheme, if that length is
    /// valid here.
    pub const fn level_of_len(self, len: usize) -> Option<Level> {
        let level = match Level::of_len(len) {
            Some(level) => level,
            None => return None,
        };
        if level.depth() <= self.levels().len() {
            Some(level)
        } else {
            None
        }
    }

    /// The valid code lengths, as text for messages: "3, 5 or 7".
    pub(crate) const fn lengths_text(self) -> &'static str {
        match self {
            Scheme::Revenue => "3, 5, 7 or 9",
            Scheme::Function => "3, 5 or 7",
            Scheme::DepartmentEconomic | Scheme::GovernmentEconomic => "3 or 5",
        }
    }

    /// The stable machine name used in data files and JSON: `function`,
    /// `department_economic`, `government_economic`, `revenue`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Function => "function",
            Scheme::DepartmentEconomic => "department_economic",
            Scheme::GovernmentEconomic => "government_economic",
            Scheme::Revenue => "revenue",
        }
    }
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// A level (级次) of the code tree: 类, 款, 项 or 目.
///
/// Every scheme uses the same widths: a 类 has 3 digits and each lower level
/// adds 2. Which levels exist depends on the [`Scheme`].
///
/// ```
/// use yusuan_classification::Level;
/// assert_eq!(Level::Item.label_zh(), "项");
/// assert_eq!(Level::Item.digits(), 7);
/// assert_eq!(Level::of_len(5), Some(Level::Section));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 类: 3 digits (208).
    Class,
    /// 款: 5 digits (20801).
    Section,
    /// 项: 7 digits (2080108).
    Item,
    /// 目: 9 digits (收入分类 only).
    Entry,
}

impl Level {
    /// The official Chinese name: 类, 款, 项 or 目.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Level::Class => "类",
            Level::Section => "款",
            Level::Item => "项",
            Level::Entry => "目",
        }
    }

    /// The number of digits of a code at this level: 3, 5, 7 or 9.
    pub const fn digits(self) -> usize {
        match self {
            Level::Class => 3,
            Level::Section => 5,
            Level::Item => 7,
            Level::Entry => 9,
        }
    }

    /// 1 for 类, 2 for 款, 3 for 项, 4 for 目.
    pub const fn depth(self) -> usize {
        match self {
            Level::Class => 1,
            Level::Section => 2,
            Level::Item => 3,
            Level::Entry => 4,
        }
    }

    /// The level of a code with `len` digits, in the scheme with most levels
    /// (收入分类). See [`Scheme::level_of_len`] for a given scheme.
    pub const fn of_len(len: usize) -> Option<Level> {
        match len {
            3 => Some(Level::Class),
            5 => Some(Level::Section),
            7 => Some(Level::Item),
            9 => Some(Level::Entry),
            _ => None,
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// The conventional residual (兜底) codes, recognised from the last two
/// digits of a 款, 项 or 目.
///
/// - `…50` in a 支出功能分类 项 is 事业运行 (running costs of public
///   institutions), e.g. 2080150.
/// - `…99` is the "other" line of its parent: 其他…支出 / 其他…收入, e.g.
///   2080599 其他行政事业单位养老支出, 30199 其他工资福利支出.
///
/// These are conventions of the scheme, not names: the name still comes from
/// a [`Catalog`](crate::Catalog).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResidualKind {
    /// 事业运行: a 支出功能分类 项 ending in 50.
    InstitutionOperation,
    /// 其他: a 款, 项 or 目 ending in 99 (其他…支出 / 其他…收入).
    Other,
}

impl ResidualKind {
    /// The official Chinese wording: 事业运行 or 其他.
    pub const fn label_zh(self) -> &'static str {
        match self {
            ResidualKind::InstitutionOperation => "事业运行",
            ResidualKind::Other => "其他",
        }
    }
}
