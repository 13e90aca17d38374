//! Resolving a 类 or 款 printed without its code to the code, by year.

use serde::{Deserialize, Serialize};

use crate::catalog::{has_name_key, name_key};
use crate::{Catalog, Code, Entry, Level, Scheme, YearRange};

/// How a printed name relates to the names of its code in the year asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameStatus {
    /// The name is the code's name in that year.
    Current,
    /// The name is the code's name in other years only (an older or newer
    /// edition): the document prints an obsolete name. A warning, not an
    /// error: the code is known.
    Obsolete {
        /// The code's name in the year asked.
        current_name: String,
        /// The years in which the printed name is the code's name.
        valid_in: YearRange,
    },
    /// The name is the code's name in other years, and the catalog has no
    /// name for the code in the year asked: cannot tell whether it is
    /// obsolete.
    OtherYears {
        /// The years in which the printed name is the code's name.
        valid_in: YearRange,
    },
}

impl NameStatus {
    /// Whether the name is obsolete in the year asked.
    pub fn is_obsolete(&self) -> bool {
        matches!(self, NameStatus::Obsolete { .. })
    }
}

/// A name resolved to its code: see [`Catalog::resolve_name`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameMatch {
    /// The code the name names.
    pub code: Code,
    /// The name as the catalog holds it (the entry that matched).
    pub name: String,
    /// Whether the name is current, obsolete or of other years.
    pub status: NameStatus,
}

/// Removes what documents print before a name in a list: an ordinal
/// (`三、`, `十七、`, `（三）`, `(3)`, `3.`, `3、`, `1．`) and `其中：`, and all
/// whitespace inside (letter-spacing, ideographic spaces).
///
/// ```
/// use yusuan_classification::strip_ordinal;
/// assert_eq!(strip_ordinal("三、医疗卫生与计划生育支出"), "医疗卫生与计划生育支出");
/// assert_eq!(strip_ordinal("  十七、国土海洋气象等支出"), "国土海洋气象等支出");
/// assert_eq!(strip_ordinal("（二）卫 生 健 康 支 出"), "卫生健康支出");
/// assert_eq!(strip_ordinal("2.住房保障支出"), "住房保障支出");
/// assert_eq!(strip_ordinal("其中：行政运行"), "行政运行");
/// assert_eq!(strip_ordinal("外交支出"), "外交支出");
/// ```
pub fn strip_ordinal(text: &str) -> String {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = squeezed.as_str();
    rest = rest
        .strip_prefix("其中：")
        .or_else(|| rest.strip_prefix("其中:"))
        .unwrap_or(rest);
    let is_numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十百零".contains(c)
    };
    // (三) / （三）
    if let Some(inner) = rest.strip_prefix(['(', '（']) {
        let digits = inner.chars().take_while(|&c| is_numeral(c)).count();
        let after: String = inner.chars().skip(digits).collect();
        if digits > 0 {
            if let Some(name) = after.strip_prefix([')', '）']) {
                return name.to_owned();
            }
        }
        return rest.to_owned();
    }
    // 三、 / 3. / 3、 / 1．
    let digits = rest.chars().take_while(|&c| is_numeral(c)).count();
    if digits > 0 {
        let after: String = rest.chars().skip(digits).collect();
        if let Some(name) = after.strip_prefix(['、', '.', '．', '，', ',']) {
            return name.to_owned();
        }
    }
    rest.to_owned()
}

impl Catalog {
    /// The 类 or 款 of `scheme` that `printed` names in budget year `year`,
    /// for names printed without a code (the 收支总表 lists 类 as
    /// "三、医疗卫生与计划生育支出"). The ordinal and spaces are removed
    /// first ([`strip_ordinal`]), and names compare as in
    /// [`Catalog::check_name`] (full-width = half-width).
    ///
    /// A name of the year gives [`NameStatus::Current`]. A name the code
    /// had in other years only is still resolved, marked
    /// [`NameStatus::Obsolete`] with the year's name (or
    /// [`NameStatus::OtherYears`] if the catalog has no name for the code
    /// in `year`). `None` when no 类 or 款 has that name, or when two codes
    /// of one level do (ambiguous): a 类 is preferred to a 款.
    ///
    /// ```
    /// use yusuan_classification::{Catalog, NameStatus, Scheme};
    /// let catalog = Catalog::embedded();
    ///
    /// let hit = catalog.resolve_name(Scheme::Function, "三、医疗卫生与计划生育支出", 2018).unwrap();
    /// assert_eq!((hit.code.as_str(), &hit.status), ("210", &NameStatus::Current));
    ///
    /// // The same name in a 2024 document: the code, and a flag.
    /// let hit = catalog.resolve_name(Scheme::Function, "三、医疗卫生与计划生育支出", 2024).unwrap();
    /// assert_eq!(hit.code.as_str(), "210");
    /// assert!(hit.status.is_obsolete());
    /// let NameStatus::Obsolete { current_name, valid_in } = &hit.status else { unreachable!() };
    /// assert_eq!(current_name, "卫生健康支出");
    /// assert_eq!(valid_in.to_string(), "2017–2018");
    ///
    /// assert_eq!(catalog.resolve_name(Scheme::Function, "九、卫 生 健 康 支 出", 2024).unwrap().code.as_str(), "210");
    /// assert!(catalog.resolve_name(Scheme::Function, "一、财政拨款收入", 2024).is_none());
    /// ```
    pub fn resolve_name(&self, scheme: Scheme, printed: &str, year: u16) -> Option<NameMatch> {
        let key = name_key(&strip_ordinal(printed));
        if key.is_empty() {
            return None;
        }
        for level in [Level::Class, Level::Section] {
            let hits: Vec<&Entry> = self
                .entries()
                .iter()
                .filter(|e| {
                    e.code().scheme() == scheme
                        && e.code().level() == level
                        && has_name_key(e.name(), &key)
                })
                .collect();
            if hits.is_empty() {
                continue;
            }
            // Current in the year?
            let mut current: Vec<&Entry> = hits
                .iter()
                .copied()
                .filter(|e| e.years().contains(year))
                .collect();
            current.dedup_by_key(|e| e.code());
            match current.as_slice() {
                [one] => {
                    return Some(NameMatch {
                        code: one.code(),
                        name: one.name().to_owned(),
                        status: NameStatus::Current,
                    })
                }
                [_, _, ..] => return None,
                [] => {}
            }
            let mut codes: Vec<Code> = hits.iter().map(|e| e.code()).collect();
            codes.dedup();
            let [code] = codes.as_slice() else {
                return None;
            };
            let valid_in = hits.iter().map(|e| e.years()).reduce(|a, b| {
                YearRange::new(a.first().min(b.first()), a.last().max(b.last())).unwrap_or(a)
            })?;
            let name = hits.first().map(|e| e.name().to_owned())?;
            let status = match self.name(*code, year) {
                Some(current_name) => NameStatus::Obsolete {
                    current_name: current_name.to_owned(),
                    valid_in,
                },
                None => NameStatus::OtherYears { valid_in },
            };
            return Some(NameMatch {
                code: *code,
                name,
                status,
            });
        }
        None
    }
}
