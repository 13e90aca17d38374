//! Document-level facts: year, kind, unit; 名词解释 and 单位概况.

use yusuan_tables::{DocumentKind, GlossaryEntry, Profile};

use crate::patterns;
use crate::prose::Paragraph;
use crate::source::Source;

/// Year and kind from the cover or the part titles.
pub(crate) fn year_and_kind(src: &Source) -> Option<(u16, DocumentKind)> {
    let re = patterns::doc_year();
    for l in &src.lines {
        let sq: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        if sq.contains('…') || sq.contains("...") {
            continue;
        }
        if let Some(c) = re.captures(&sq) {
            let year = c.get(1)?.as_str().parse().ok()?;
            let dept = c.get(2).is_some_and(|m| m.as_str() == "部门");
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
