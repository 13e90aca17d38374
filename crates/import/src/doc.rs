//! Document-level facts: year, kind, unit; 名词解释 and 单位概况.

use yusuan_tables::{DocumentKind, GlossaryEntry, Profile};

use crate::patterns;
use crate::prose::Paragraph;
use crate::source::Source;

/// Year and kind from the cover or the part titles.
pub(crate) fn year_and_kind(src: &Source) -> Option<(u16, DocumentKind)> {
    let re = patterns::doc_year();
    // the cover, its lines joined: "江苏省2018年度 / 省级部门预算公开报表"
    let cover: String = src
        .lines
        .iter()
        .map(|l| {
            l.text
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        })
        .filter(|l| !l.is_empty())
        .take_while(|l| !l.contains("目录"))
        .take(6)
        .collect();
    if let Some(c) = re.captures(&cover) {
        if let Some(year) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
            let dept = c.get(2).is_some_and(|m| m.as_str() == "部门");
            let fin = c.get(3).is_some_and(|m| m.as_str() == "决算");
            return Some((
                year,
                match (dept, fin) {
                    (false, false) => DocumentKind::UnitBudget,
                    (true, false) => DocumentKind::DepartmentBudget,
                    (false, true) => DocumentKind::UnitFinalAccounts,
                    (true, true) => DocumentKind::DepartmentFinalAccounts,
                },
            ));
        }
    }
    for (i, l) in src.lines.iter().enumerate() {
        let sq: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        if sq.contains('…') || sq.contains("...") {
            continue;
        }
        if let Some(c) = re.captures(&sq) {
            let year = c.get(1)?.as_str().parse().ok()?;
            // "江苏省2018年度 / 省级部门预算公开报表": the kind on the next line
            let next: String = src
                .lines
                .get(i + 1)
                .map(|n| n.text.chars().filter(|c| !c.is_whitespace()).collect())
                .unwrap_or_default();
            let dept = c.get(2).is_some_and(|m| m.as_str() == "部门")
                || (c.get(2).is_none()
                    && (next.starts_with("部门") || next.starts_with("省级部门")));
            let fin = c.get(3).is_some_and(|m| m.as_str() == "决算");
            let kind = match (dept, fin) {
                (false, false) => DocumentKind::UnitBudget,
                (true, false) => DocumentKind::DepartmentBudget,
                (false, true) => DocumentKind::UnitFinalAccounts,
                (true, true) => DocumentKind::DepartmentFinalAccounts,
            };
            return Some((year, kind));
        }
    }
    None
}

/// The most frequent `20xx年预算数`-like year of the tables, as a fallback.
pub(crate) fn fallback_year(src: &Source) -> Option<u16> {
    let mut counts: std::collections::BTreeMap<u16, usize> = Default::default();
    for l in &src.lines {
        let sq: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        for c in patterns::any_year().captures_iter(&sq) {
            if let Some(y) = c.get(1).and_then(|m| m.as_str().parse::<u16>().ok()) {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(y, _)| y)
}

/// The publishing unit's name.
pub(crate) fn unit_name(src: &Source) -> Option<String> {
    let first = |prefixes: &[&str]| -> Option<String> {
        for l in &src.lines {
            let sq: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
            for p in prefixes {
                if let Some(rest) = sq.strip_prefix(p) {
                    let rest = rest.trim_start_matches(':');
                    let name = rest.split("单位:").next().unwrap_or(rest);
                    if !name.is_empty() {
                        return Some(name.to_owned());
                    }
                }
            }
        }
        None
    };
    if let Some(n) = first(&["预算单位:", "预算主管部门:", "单位名称:"]) {
        return Some(n);
    }
    // "第二部分 人力资源和社会保障部信息中心": the longest such name
    let mut best: Option<String> = None;
    for l in &src.lines {
        let t = l.text.trim();
        if let Some(rest) = t.strip_prefix('第') {
            if let Some((num, name)) = rest.split_once("部分") {
                let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
                // "示例部门2025年度部门预算情况说明" → "示例部门"
                let name = match patterns::any_year().find(&name) {
                    Some(m) => name.get(..m.start()).unwrap_or("").to_owned(),
                    None => name,
                };
                // a heading wrapped after its year: "第三部分 某院 2018"
                let name = strip_trailing_year(&name);
                if num.chars().count() <= 2
                    && name.chars().count() >= 4
                    && !name.ends_with("概况")
                    && !name.contains("名词")
                    && !name.contains("附件")
                    && best
                        .as_ref()
                        .map_or(true, |b| b.chars().count() < name.chars().count())
                {
                    best = Some(name);
                }
            }
        }
    }
    best.or_else(|| first(&["编制单位:", "编制部门:"]))
        .or_else(|| cover_unit(src))
        .or_else(|| first(&["部门名称:", "部门:"]))
}

/// `某院2018` → `某院`.
fn strip_trailing_year(name: &str) -> String {
    let t = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if name.len() - t.len() == 4 && name.get(t.len()..).is_some_and(|y| y.starts_with("20")) {
        t.to_owned()
    } else {
        name.to_owned()
    }
}

/// The unit named on the cover, before the 目录: `江苏省人民检察院 / 2018年部门
/// 预算`, `江苏省人大常委会办公厅2018年度部门 / 预算公开`, `2018 年度江苏省高级 /
/// 人民法院预算公开`.
fn cover_unit(src: &Source) -> Option<String> {
    let mut cover = String::new();
    for l in src.lines.iter().take(12) {
        let sq: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        if sq.contains("目录") || sq.starts_with('第') {
            break;
        }
        if sq.chars().all(|c| c.is_ascii_digit()) {
            continue; // a page number
        }
        cover.push_str(&sq);
    }
    let m = patterns::any_year().find(&cover)?;
    let before = cover.get(..m.start()).unwrap_or("");
    let name = if before.chars().count() >= 4 {
        before.to_owned()
    } else {
        // "2018年度江苏省高级人民法院预算公开"
        let after = cover.get(m.end()..).unwrap_or("").trim_start_matches('度');
        let end = [
            "部门预算",
            "单位预算",
            "预算公开",
            "部门决算",
            "单位决算",
            "决算公开",
        ]
        .iter()
        .filter_map(|k| after.find(k))
        .min()?;
        after.get(..end).unwrap_or("").to_owned()
    };
    (name.chars().count() >= 4 && !name.contains("省级部门") && !name.contains("预算"))
        .then_some(name)
}

fn strip_numbering(s: &str) -> String {
    let n = yusuan_money::text::normalize(s);
    let chars: Vec<char> = n.chars().collect();
    let cn = "一二三四五六七八九十";
    let skip = if chars.first() == Some(&'(') {
        chars.iter().position(|&c| c == ')').map_or(0, |p| p + 1)
    } else {
        let k = chars
            .iter()
            .take_while(|c| cn.contains(**c) || c.is_ascii_digit())
            .count();
        if k > 0 && chars.get(k).is_some_and(|c| matches!(c, '、' | '.' | '．')) {
            k + 1
        } else {
            0
        }
    };
    s.chars().skip(skip).collect::<String>().trim().to_owned()
}

/// 名词解释 entries: `(一)term：explanation`.
pub(crate) fn glossary(ps: &[Paragraph]) -> Vec<GlossaryEntry> {
    let mut out = Vec::new();
    for p in ps {
        let sq: String = p.norm.chars().filter(|c| !c.is_whitespace()).collect();
        if !crate::segment::starts_numbered(&sq) {
            continue;
        }
        let body = strip_numbering(&p.text);
        let cut = body.find(['：', ':']);
        if let Some(i) = cut {
            let term = body.get(..i).unwrap_or("").trim().to_owned();
            let colon = body
                .get(i..)
                .and_then(|x| x.chars().next())
                .map_or(1, char::len_utf8);
            let explanation = body.get(i + colon..).unwrap_or("").trim().to_owned();
            if !term.is_empty() {
                out.push(GlossaryEntry { term, explanation });
            }
        }
    }
    out
}

/// 单位概况: duties (numbered), the paragraphs before them, organisation
/// and its divisions.
pub(crate) fn profile(ps: &[Paragraph]) -> Option<Profile> {
    let mut pr = Profile::default();
    for p in ps {
        let section = p
            .section
            .as_deref()
            .map(yusuan_money::text::squeeze)
            .unwrap_or_default();
        let organization = section.contains("机构设置") || section.contains("机构");
        let sq: String = p.norm.chars().filter(|c| !c.is_whitespace()).collect();
        if organization {
            for (s, e) in p.sentences() {
                let sentence = p.slice(s, e);
                if sentence.is_empty() {
                    continue;
                }
                let n = yusuan_money::text::normalize(&sentence);
                if n.contains('设')
                    && (n.contains("处室") || n.contains("机构") || n.contains("科室"))
                {
                    if let Some(i) = sentence.find(['：', ':']) {
                        let colon = sentence
                            .get(i..)
                            .and_then(|x| x.chars().next())
                            .map_or(1, char::len_utf8);
                        let list = sentence
                            .get(i + colon..)
                            .unwrap_or("")
                            .trim_end_matches('。');
                        pr.divisions.extend(split_list(list));
                    }
                }
                pr.organization.push(sentence);
            }
        } else if crate::segment::starts_numbered(&sq) {
            pr.duties.push(strip_numbering(&p.text));
        } else if pr.duties.is_empty() {
            for (s, e) in p.sentences() {
                let sentence = p.slice(s, e);
                if !sentence.is_empty() {
                    pr.duties_preamble.push(sentence);
                }
            }
        }
    }
    if pr == Profile::default() {
        None
    } else {
        Some(pr)
    }
}

/// Splits `A、B（C、D）、E` at 、 outside brackets.
fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if c == '、' && depth <= 0 {
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_owned());
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}
