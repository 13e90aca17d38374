//! The table's name from its printed title line.

use crate::text::{is_cjk, starts_with_ordinal};

/// Words a table's name starts with, after the unit's name.
const STARTERS: [&str; 18] = [
    "预算单位",
    "部门",
    "单位",
    "财务收支",
    "收支",
    "收入",
    "支出",
    "财政拨款",
    "一般公共预算",
    "政府性基金",
    "国有资本",
    "“三公”",
    "\"三公\"",
    "三公",
    "项目",
    "政府采购",
    "机关运行",
    "基本支出",
];

/// Characters a unit's name ends with (局, 院, 办公厅, 委员会 …).
const UNIT_END: &str = "院局厅委会室处所部府司馆站心队校区社行团盟联";

/// The name of a table from its printed title (label already removed):
/// without ordinal (`一、`), year (`2017年度`) or the unit's name.
///
/// ```
/// use yusuan_layout::table_name;
/// assert_eq!(table_name("一、2017 年度江苏省某院部门收支预算总表"), "部门收支预算总表");
/// assert_eq!(table_name("2026年预算单位财务收支预算总表"), "预算单位财务收支预算总表");
/// assert_eq!(table_name("：一般公共预算基本支出预算表"), "一般公共预算基本支出预算表");
/// assert_eq!(table_name("收支总表"), "收支总表");
/// ```
pub fn table_name(printed: &str) -> String {
    let mut t: &str = printed.trim();
    t = without_ordinal(t);
    t = strip_year(t);
    // The unit's name: up to a starter right after a unit-ending character.
    let mut best: Option<usize> = None;
    for st in STARTERS {
        let mut from = 0;
        while let Some(rel) = t.get(from..).and_then(|r| r.find(st)) {
            let p = from + rel;
            if p > 0 {
                let before = t.get(..p).and_then(|h| h.chars().last());
                let ok = before.is_some_and(|c| UNIT_END.contains(c) || c == '年' || c == '度');
                if ok && best.map_or(true, |b| p < b) {
                    best = Some(p);
                }
            }
            from = p + st.len();
        }
    }
    if let Some(p) = best {
        let head = t.get(..p).unwrap_or("");
        if head
            .chars()
            .all(|c| is_cjk(c) || c.is_ascii_digit() || c == ' ')
        {
            t = t.get(p..).unwrap_or(t);
        }
    }
    t = strip_year(t);
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A printed title without the separators around it and its ordinal
/// (`一、`, `1．`): year and unit's name kept.
pub(crate) fn without_ordinal(printed: &str) -> &str {
    let mut t = printed.trim_matches(|c: char| matches!(c, '：' | ':') || c.is_whitespace());
    if starts_with_ordinal(t) {
        if let Some(p) = t.find(['、', '．', '.', '）', ')']) {
            let l = t
                .get(p..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            t = t.get(p + l..).unwrap_or(t).trim_start();
        }
    }
    t
}

fn strip_year(t: &str) -> &str {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let rest = t.get(4..).unwrap_or("").trim_start();
        for y in ["年度", "年"] {
            if let Some(r) = rest.strip_prefix(y) {
                return r.trim_start();
            }
        }
    }
    t
}
