//! The narrative (情况说明): claims with their sentences, 政府采购 and
//! 绩效目标管理.

use rust_decimal::Decimal;
use yusuan_money::{Percent, Wan};
use yusuan_tables::{
    Basis, CellRef, Claim, ClaimKind, ClaimPart, Column, Direction, Line as TLine,
    PerformanceManagement, Period, Procurement, Relation, RowKey, TableKind, Tables,
};

use crate::patterns;
use crate::prose::Paragraph;

/// An amount quoted in a sentence ("X 万元"), by character positions in
/// the paragraph.
#[derive(Debug, Clone)]
struct Mention {
    /// Start of the number.
    start: usize,
    /// End of `万元`.
    end: usize,
    amount: Decimal,
    /// Start of its subject (after the clause's delimiter).
    subject_start: usize,
}

fn char_index(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |p| p.chars().count())
}

fn chars_of(s: &str, start: usize, end: usize) -> String {
    s.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

const DELIMS: &[char] = &[',', '，', ';', '；', ':', '：', '、', '。'];

/// Context needed to clean subjects and resolve cells.
pub(crate) struct Ctx<'a> {
    pub unit_name: &'a str,
    pub year: u16,
    pub tables: &'a Tables,
}

/// Cleans a subject: numbering, the unit's name, the year, quotes, 为 …
fn clean_subject(raw: &str, ctx: &Ctx<'_>) -> String {
    let mut s = raw.trim().to_owned();
    // leading "其中"
    for p in ["其中", "包括", "主要"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim_start_matches([':', '：']).trim().to_owned();
        }
    }
    // numbering
    let n = yusuan_money::text::normalize(&s);
    let cn = "一二三四五六七八九十";
    let mut skip = 0usize;
    let chars: Vec<char> = n.chars().collect();
    if chars.first() == Some(&'(') {
        if let Some(close) = chars.iter().position(|&c| c == ')') {
            if chars.get(1..close).is_some_and(|x| {
                !x.is_empty() && x.iter().all(|c| cn.contains(*c) || c.is_ascii_digit())
            }) {
                skip = close + 1;
            }
        }
    } else {
        let k = chars
            .iter()
            .take_while(|c| cn.contains(**c) || c.is_ascii_digit())
            .count();
        if k > 0 && chars.get(k).is_some_and(|c| matches!(c, '、' | '.' | '．')) {
            skip = k + 1;
        }
    }
    s = s.chars().skip(skip).collect::<String>().trim().to_owned();
    if !ctx.unit_name.is_empty() {
        if let Some(r) = s.strip_prefix(ctx.unit_name) {
            s = r.trim().to_owned();
        }
    }
    for p in ["本单位", "本部门"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim().to_owned();
        }
    }
    // leading year "2025 年" / "2025年度"
    let n: Vec<char> = s.chars().collect();
    let digits = n.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 {
        let rest: String = n.iter().skip(4).collect::<String>();
        let rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('年') {
            let r = r.strip_prefix('度').unwrap_or(r);
            s = r.trim_start_matches([',', '，']).trim().to_owned();
        }
    }
    // trailing "2025 年预算数为", "为", "科目"
    loop {
        let before = s.clone();
        for suf in ["为", "科目", "预算数", "预算安排", "年", "年度"] {
            if let Some(r) = s.strip_suffix(suf) {
                s = r.trim_end().to_owned();
            }
        }
        let n: Vec<char> = s.chars().collect();
        let tail_digits = n.iter().rev().take_while(|c| c.is_ascii_digit()).count();
        if tail_digits == 4 && (before.ends_with('年') || s.len() < before.len()) {
            s = n
                .iter()
                .take(n.len() - 4)
                .collect::<String>()
                .trim_end()
                .to_owned();
        }
        if s == before {
            break;
        }
    }
    s.trim_matches(|c: char| c == '“' || c == '”' || c == '"' || c.is_whitespace())
        .to_owned()
}

/// The mentions of amounts in `[start, end)` of a paragraph.
fn mentions(p: &Paragraph, start: usize, end: usize) -> Vec<Mention> {
    let ns = chars_of(&p.norm, start, end);
    let mut out = Vec::new();
    for c in patterns::amount_wan().captures_iter(&ns) {
        let (Some(whole), Some(num)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(w) = Wan::parse(num.as_str()) else {
            continue;
        };
        let s = start + char_index(&ns, num.start());
        let e = start + char_index(&ns, whole.end());
        // thresholds ("单价100万元（含）以上") are not amounts of the budget
        let after: String = p.norm.chars().skip(e).take(6).collect();
        let after = after.trim_start();
        if after.starts_with("(含)") || after.starts_with("以上") || after.starts_with("以下")
        {
            continue;
        }
        // subject: back to the last delimiter of the clause (or 其中)
        let before: Vec<char> = p.norm.chars().skip(start).take(s - start).collect();
        let mut k = before.len();
        while k > 0 {
            let c = before.get(k - 1).copied().unwrap_or(' ');
            if DELIMS.contains(&c) {
                break;
            }
            k -= 1;
        }
        let mut subject_start = start + k;
        let clause: String = before.iter().skip(k).collect();
        if let Some(pos) = clause.find("其中") {
            subject_start = start + k + char_index(&clause, pos) + 2;
        }
        out.push(Mention {
            start: s,
            end: e,
            amount: w.value(),
            subject_start,
        });
    }
    out
}

fn subject_of(p: &Paragraph, m: &Mention, ctx: &Ctx<'_>) -> String {
    clean_subject(&chars_of(&p.text, m.subject_start, m.start), ctx)
}

/// One claim found, with its position (for order).
struct Found {
    pos: usize,
    claim: Claim,
}

fn basis_of(word: Option<&str>) -> Option<Basis> {
    match word? {
        "执行数" | "预算执行数" => Some(Basis::Execution),
        "预算" | "预算数" => Some(Basis::Budget),
        "决算" | "决算数" => Some(Basis::FinalAccounts),
        _ => None,
    }
}

/// Reads the claims of a narrative paragraph.
pub(crate) fn claims(p: &Paragraph, ctx: &Ctx<'_>) -> Vec<Claim> {
    let sents = p.sentences();
    let mut found: Vec<Found> = Vec::new();
    let mut skip_until = 0usize;
    let first_subject: Option<String> = sents
        .first()
        .and_then(|(s, e)| mentions(p, *s, *e).into_iter().next())
        .map(|m| subject_of(p, &m, ctx))
        .filter(|s| !s.is_empty());
    for (si, &(s0, e0)) in sents.iter().enumerate() {
        if si < skip_until {
            continue;
        }
        let sentence = p.slice(s0, e0);
        let ns = chars_of(&p.norm, s0, e0);
        let ms = mentions(p, s0, e0);
        let mut used = vec![false; ms.len()];
        let mk = |kind: ClaimKind, sentence: &str| Claim {
            section: p.section.clone(),
            sentence: sentence.to_owned(),
            kind,
            refers_to: None,
        };
        // NoAmount: 没有(使用)X / a clause starting with 无X和Y
        for c in patterns::no_amount().captures_iter(&ns) {
            let Some(m) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let pos = s0 + char_index(&ns, m.start());
            let printed = chars_of(&p.text, pos, pos + m.as_str().chars().count());
            let parts: Vec<String> = if c.get(2).is_some() {
                printed
                    .split(['和', '、'])
                    .map(|x| x.trim().to_owned())
                    .collect()
            } else {
                vec![printed.trim().to_owned()]
            };
            for (k, subj) in parts.into_iter().enumerate() {
                if !subj.is_empty() {
                    found.push(Found {
                        pos: pos + k,
                        claim: mk(ClaimKind::NoAmount { subject: subj }, &sentence),
                    });
                }
            }
        }
        // Change
        for c in patterns::change().captures_iter(&ns) {
            let (Some(all), Some(dir)) = (c.get(0), c.get(4)) else {
                continue;
            };
            let Some(direction) = Direction::from_zh(dir.as_str()) else {
                continue;
            };
            let cpos = s0 + char_index(&ns, all.start());
            let after_pos = s0 + char_index(&ns, all.end());
            let base_year = c.get(2).and_then(|y| y.as_str().parse::<u16>().ok());
            let base = basis_of(c.get(3).map(|m| m.as_str()));
            let tail: String = p
                .norm
                .chars()
                .skip(after_pos)
                .take(e0.saturating_sub(after_pos))
                .collect();
            let mut change = None;
            let mut rate = None;
            let mut rate_direction = None;
            let mut rest_from = 0usize;
            if let Some(a) = patterns::after_direction().captures(&tail) {
                if let (Some(num), Some(unit), Some(all)) = (a.get(1), a.get(2), a.get(0)) {
                    if unit.as_str() == "%" {
                        rate = Percent::parse(num.as_str()).ok();
                    } else {
                        change = Wan::parse(num.as_str()).ok();
                        let end = after_pos + char_index(&tail, all.end());
                        if let Some(i) = ms.iter().position(|m| m.end == end) {
                            if let Some(u) = used.get_mut(i) {
                                *u = true;
                            }
                        }
                    }
                    rest_from = all.end();
                }
            }
            if rate.is_none() {
                if let Some(tail2) = tail.get(rest_from..) {
                    if let Some(r) = patterns::rate_after().captures(tail2) {
                        if let Some(num) = r.get(2) {
                            rate = Percent::parse(num.as_str()).ok();
                            rate_direction = r.get(1).and_then(|d| Direction::from_zh(d.as_str()));
                        }
                    }
                }
            }
            // the amount compared, and a stated comparison figure
            let mut amount = None;
            let mut base_amount = None;
            let mut subject = String::new();
            for (i, m) in ms.iter().enumerate().rev() {
                if m.end > cpos || used.get(i).copied().unwrap_or(true) {
                    continue;
                }
                let subj_raw = chars_of(&p.text, m.subject_start, m.start);
                if subj_raw.contains("执行数") && base_amount.is_none() {
                    base_amount = Some(Wan::new(m.amount));
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                    continue;
                }
                if amount.is_none() {
                    amount = Some(Wan::new(m.amount));
                    subject = subject_of(p, m, ctx);
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
            }
            if amount.is_none() {
                // no amount before: the subject is the clause before 比
                let before: Vec<char> = p.text.chars().skip(s0).take(cpos - s0).collect();
                let k = before
                    .iter()
                    .rposition(|c| DELIMS.contains(c))
                    .map_or(0, |x| x + 1);
                subject = clean_subject(&before.iter().skip(k).collect::<String>(), ctx);
            }
            if subject.is_empty() || subject.ends_with("预算安排") {
                subject = first_subject.clone().unwrap_or(subject);
            }
            found.push(Found {
                pos: cpos,
                claim: mk(
                    ClaimKind::Change {
                        subject,
                        amount,
                        base_year,
                        base,
                        base_amount,
                        direction,
                        change,
                        rate_direction,
                        rate,
                    },
                    &sentence,
                ),
            });
        }
        // the whole stated before 其中
        let qizhong = ns.find("其中").map(|b| s0 + char_index(&ns, b));
        let whole_ix = qizhong.and_then(|q| ms.iter().rposition(|m| m.end <= q));
        // Shares
        let mut shares = 0usize;
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let tail: String = p
                .norm
                .chars()
                .skip(m.end)
                .take(e0.saturating_sub(m.end))
                .collect();
            let Some(c) = patterns::share_after().captures(&tail) else {
                continue;
            };
            let Some(num) = c.get(1) else { continue };
            let Ok(percent) = Percent::parse(num.as_str()) else {
                continue;
            };
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            shares += 1;
            let (whole, whole_subject) = match whole_ix.and_then(|w| ms.get(w)) {
                Some(w) if w.end <= m.start => {
                    (Some(Wan::new(w.amount)), Some(subject_of(p, w, ctx)))
                }
                _ => (None, section_whole(p.section.as_deref())),
            };
            found.push(Found {
                pos: m.start,
                claim: mk(
                    ClaimKind::Share {
                        subject: subject_of(p, m, ctx),
                        amount: Wan::new(m.amount),
                        percent,
                        whole,
                        whole_subject,
                        whole_refers_to: None,
                    },
                    &sentence,
                ),
            });
        }
        // Comparisons: 大于 / 小于 / 等于 … between two amounts
        for c in patterns::relation().captures_iter(&ns) {
            let Some(word) = c.get(0) else { continue };
            let ws = s0 + char_index(&ns, word.start());
            let we = s0 + char_index(&ns, word.end());
            if let Some((pos, claim)) = comparison(p, ctx, (s0, e0), (ws, we), &ms, &mut used) {
                found.push(Found {
                    pos,
                    claim: mk(claim, &sentence),
                });
            }
        }
        // Totals: the whole before 其中, or a subject naming a total
        let mut sentence_text = sentence.clone();
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let subject = subject_of(p, m, ctx);
            let is_whole = Some(i) == whole_ix;
            if !is_whole && !subject.contains('总') {
                continue;
            }
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            let mut parts = Vec::new();
            if is_whole {
                // parts: the other amounts after 其中 that are not shares or changes
                for (j, n) in ms.iter().enumerate() {
                    if n.start > m.end && !used.get(j).copied().unwrap_or(true) {
                        parts.push(ClaimPart {
                            subject: subject_of(p, n, ctx),
                            amount: Wan::new(n.amount),
                            refers_to: None,
                        });
                        if let Some(u) = used.get_mut(j) {
                            *u = true;
                        }
                    }
                }
                // an enumeration of parts continues into the next sentences
                let mut k = si + 1;
                while shares == 0 && !parts.is_empty() && sentence_text.contains("主要包括") {
                    let Some(&(s1, e1)) = sents.get(k) else { break };
                    let next = mentions(p, s1, e1);
                    let ns1 = chars_of(&p.norm, s1, e1);
                    let [only] = next.as_slice() else { break };
                    if only.start - s1 > 24 || ns1.contains("比") || ns1.contains("其中") {
                        break;
                    }
                    parts.push(ClaimPart {
                        subject: subject_of(p, only, ctx),
                        amount: Wan::new(only.amount),
                        refers_to: None,
                    });
                    sentence_text.push_str(&p.slice(s1, e1));
                    k += 1;
                    skip_until = k;
                }
            }
            found.push(Found {
                pos: m.start,
                claim: mk(
                    ClaimKind::Total {
                        subject,
                        amount: Wan::new(m.amount),
                        parts,
                    },
                    &sentence_text,
                ),
            });
        }
        // Amounts: everything else
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            found.push(Found {
                pos: m.start,
                claim: mk(
                    ClaimKind::Amount {
                        subject: subject_of(p, m, ctx),
                        amount: Wan::new(m.amount),
                    },
                    &sentence,
                ),
            });
        }
    }
    found.sort_by_key(|f| f.pos);
    found.into_iter().map(|f| f.claim).collect()
}

/// Trims a side of a comparison: whitespace, quotes, the unit's name, a
/// trailing 为 / 是. Unlike [`clean_subject`] it keeps the year, which
/// tells the two sides apart ("2025 年收入预算 … 大于 2024 年收入预算").
fn comparison_side(raw: &str, ctx: &Ctx<'_>) -> String {
    let quotes = |c: char| c == '“' || c == '”' || c == '"' || c.is_whitespace();
    let mut s = raw.trim_matches(quotes);
    if !ctx.unit_name.is_empty() {
        s = s.strip_prefix(ctx.unit_name).unwrap_or(s).trim_start();
    }
    for p in ["本单位", "本部门"] {
        s = s.strip_prefix(p).unwrap_or(s).trim_start();
    }
    for suf in ["为", "是"] {
        s = s.strip_suffix(suf).unwrap_or(s).trim_end();
    }
    s.trim_matches(quotes).to_owned()
}

/// A comparison claim for the relation word at `[ws, we)` of the sentence
/// `[s0, e0)`, with the position it sorts at; `None` when the word does not
/// compare two amounts (negated as in 不等于, a percentage or a count on
/// either side, a side that names nothing). Mentions it takes are marked
/// in `used`.
fn comparison(
    p: &Paragraph,
    ctx: &Ctx<'_>,
    (s0, e0): (usize, usize),
    (ws, we): (usize, usize),
    ms: &[Mention],
    used: &mut [bool],
) -> Option<(usize, ClaimKind)> {
    let norm: Vec<char> = p.norm.chars().skip(s0).take(e0 - s0).collect();
    let at = |i: usize| norm.get(i.checked_sub(s0)?).copied();
    let word: String = (ws..we).filter_map(at).collect();
    let relation = Relation::from_zh(&word)?;
    // 不等于, 未超过: a negation the model has no word for.
    let before = (s0..ws).rev().filter_map(at).find(|c| !c.is_whitespace());
    if relation.sign().is_some() && matches!(before, Some('不' | '未')) {
        return None;
    }
    // A clause ends at punctuation, not at the comma of `8,633.56`.
    let digit = |i: Option<usize>| i.and_then(at).is_some_and(|c| c.is_ascii_digit());
    let is_delim = |i: usize| match at(i) {
        Some(',') => !(digit(i.checked_sub(1)) && digit(i.checked_add(1))),
        Some(c) => matches!(c, '，' | ';' | '；' | '。' | ':' | '：'),
        None => false,
    };
    let clause_start = (s0..ws).rev().find(|&i| is_delim(i)).map_or(s0, |i| i + 1);
    let clause_end = (we..e0).find(|&i| is_delim(i)).unwrap_or(e0);
    let free = |i: usize, used: &[bool]| !used.get(i).copied().unwrap_or(true);
    let has_digit = |a: usize, b: usize| (a..b).filter_map(at).any(|c| c.is_ascii_digit());
    // The two spans compared: "A 大于 B", or "A 与 B 相等".
    let (subject_span, object_span) = if relation == Relation::Same {
        let k = (clause_start..ws).find(|&i| matches!(at(i), Some('与' | '和' | '同')))?;
        ((clause_start, k), (k + 1, ws))
    } else {
        ((clause_start, ws), (we, clause_end))
    };
    // The object: a mention inside its span, else its words (no number).
    let object_mention = (0..ms.len()).find(|&i| {
        free(i, used)
            && ms
                .get(i)
                .is_some_and(|m| m.start >= object_span.0 && m.end <= object_span.1)
    });
    let (object, object_amount) = match object_mention.and_then(|i| ms.get(i)) {
        Some(m) => (
            comparison_side(&chars_of(&p.text, object_span.0, m.start), ctx),
            Some(Wan::new(m.amount)),
        ),
        None if has_digit(object_span.0, object_span.1) => return None,
        None => (
            comparison_side(&chars_of(&p.text, object_span.0, object_span.1), ctx),
            None,
        ),
    };
    // The subject: a mention inside its span; or, when the span is empty
    // ("X 万元，大于 …"), the sentence's last free mention before the word;
    // else its words (no number).
    let in_span = (0..ms.len()).rev().find(|&i| {
        free(i, used)
            && ms
                .get(i)
                .is_some_and(|m| m.start >= subject_span.0 && m.end <= subject_span.1)
    });
    let span_empty = (subject_span.0..subject_span.1)
        .filter_map(at)
        .all(char::is_whitespace);
    let subject_mention = match in_span {
        Some(i) => Some(i),
        None if span_empty => (0..ms.len())
            .rev()
            .find(|&i| free(i, used) && ms.get(i).is_some_and(|m| m.end <= ws)),
        None => None,
    };
    let (subject, amount, pos) = match subject_mention.and_then(|i| ms.get(i)) {
        Some(m) => {
            let from = if in_span.is_some() {
                subject_span.0.max(m.subject_start)
            } else {
                m.subject_start
            };
            (
                comparison_side(&chars_of(&p.text, from, m.start), ctx),
                Some(Wan::new(m.amount)),
                m.start,
            )
        }
        None if has_digit(subject_span.0, subject_span.1) => return None,
        None => (
            comparison_side(&chars_of(&p.text, subject_span.0, subject_span.1), ctx),
            None,
            subject_span.0,
        ),
    };
    if subject.is_empty() || object.is_empty() {
        return None;
    }
    for i in [subject_mention, object_mention].into_iter().flatten() {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    Some((
        pos,
        ClaimKind::Comparison {
            subject,
            amount,
            relation,
            object,
            object_amount,
            object_refers_to: None,
        },
    ))
}

/// `（二）一般公共预算当年拨款结构情况` → `一般公共预算当年拨款`.
fn section_whole(section: Option<&str>) -> Option<String> {
    let last = section?.rsplit(" / ").next()?.trim();
    let n = yusuan_money::text::normalize(last);
    let body = n.split_once(')').map_or(n.as_str(), |(_, b)| b);
    for suf in ["结构情况", "构成情况", "结构"] {
        if let Some(r) = body.strip_suffix(suf) {
            if !r.is_empty() {
                // back to the printed characters
                let start = last.chars().count() - body.chars().count();
                return Some(chars_of(last, start, start + r.chars().count()));
            }
        }
    }
    None
}

/// 政府采购: the first sentence that splits the procurement budget.
pub(crate) fn procurement(p: &Paragraph) -> Option<Procurement> {
    for (s0, e0) in p.sentences() {
        let ns = chars_of(&p.norm, s0, e0);
        if !ns.contains("政府采购") {
            continue;
        }
        let ms = mentions(p, s0, e0);
        if ms.is_empty() {
            continue;
        }
        let mut pr = Procurement {
            sentence: Some(p.slice(s0, e0)),
            ..Default::default()
        };
        for m in &ms {
            let subj = chars_of(&p.norm, m.subject_start, m.start);
            let w = Some(Wan::new(m.amount));
            if subj.contains("货物") {
                pr.goods = w;
            } else if subj.contains("工程") {
                pr.works = w;
            } else if subj.contains("服务") {
                pr.services = w;
            } else if pr.total.is_none() {
                pr.total = w;
            }
        }
        return Some(pr);
    }
    None
}

/// 预算绩效管理: the paragraph with "涉及 … 万元".
pub(crate) fn performance_management(ps: &[&Paragraph]) -> Option<PerformanceManagement> {
    let text: String = ps
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("");
    if text.is_empty() {
        return None;
    }
    let norm = yusuan_money::text::normalize(&text);
    let mut pm = PerformanceManagement {
        sentence: text.clone(),
        ..Default::default()
    };
    if let Some(c) = patterns::involving().captures(&norm) {
        if let (Some(subj), Some(num)) = (c.get(1), c.get(2)) {
            pm.amount = Wan::parse(num.as_str()).ok();
            let s = char_index(&norm, subj.start());
            let e = char_index(&norm, subj.end());
            let printed = chars_of(&text, s, e).trim().to_owned();
            if !printed.is_empty() {
                pm.amount_subject = Some(printed);
            }
        }
    }
    if let Some(c) = patterns::project_count().captures(&norm) {
        pm.project_count = c.get(1).and_then(|m| m.as_str().parse().ok());
    }
    for c in patterns::quoted_project().captures_iter(&text) {
        if let Some(m) = c.get(1) {
            let name = m.as_str().trim().to_owned();
            if !pm.projects.contains(&name) {
                pm.projects.push(name);
            }
        }
    }
    Some(pm)
}

/// The table a section heading is about.
fn section_table(section: Option<&str>) -> Option<TableKind> {
    let top = yusuan_money::text::squeeze(section?.split(" / ").next()?);
    let k = if top.contains("财政拨款收支总表") {
        TableKind::FiscalAppropriationSummary
    } else if top.contains("收支总表") {
        TableKind::IncomeExpenditureSummary
    } else if top.contains("收入总表") {
        TableKind::IncomeSummary
    } else if top.contains("支出总表") {
        TableKind::ExpenditureSummary
    } else if top.contains("三公") {
        TableKind::ThreePublicExpenditure
    } else if top.contains("基本支出") {
        TableKind::GeneralBudgetBasicExpenditure
    } else if top.contains("一般公共预算支出") {
        TableKind::GeneralBudgetExpenditure
    } else if top.contains("政府性基金") {
        TableKind::GovernmentFundExpenditure
    } else if top.contains("国有资本经营") {
        TableKind::StateCapitalExpenditure
    } else {
        return None;
    };
    Some(k)
}

fn income_column(subject: &str) -> Option<Column> {
    let s = yusuan_money::text::squeeze(subject);
    let c = match s.as_str() {
        x if x.contains("上年结转") => Column::PriorYearCarryover,
        x if x.contains("结余") => Column::NonFiscalBalanceUsed,
        x if x.contains("一般公共预算") => Column::GeneralBudget,
        x if x.contains("政府性基金") => Column::GovernmentFund,
        x if x.contains("国有资本经营") => Column::StateCapital,
        x if x.contains("财政拨款") => Column::FiscalAppropriation,
        x if x.contains("经营收入") => Column::InstitutionOperatingIncome,
        x if x.contains("事业收入") => Column::BusinessIncome,
        x if x.contains("上级补助") => Column::SuperiorSubsidy,
        x if x.contains("附属单位") => Column::SubordinateRemittance,
        x if x.contains("其他收入") => Column::OtherIncome,
        _ => return None,
    };
    Some(c)
}

/// Finds the code row a subject names in a code table's rows: the code
/// printed in it (`公共安全支出（204类）司法（06款）…`), or the path of names
/// (`X（类）Y（款）Z（项）`, `X-Y-Z`), or a single name.
fn find_row(rows: &[(yusuan_classification::Code, String)], subject: &str) -> Option<RowKey> {
    let s = yusuan_money::text::squeeze(subject);
    // codes in the subject
    let re = patterns::level_code();
    let mut digits = String::new();
    for c in re.captures_iter(&s) {
        if let Some(d) = c.get(1) {
            digits.push_str(d.as_str());
        }
    }
    if digits.len() >= 3 {
        if let Ok(code) = yusuan_classification::Code::parse(&digits) {
            if rows.iter().any(|(c, _)| *c == code) {
                return Some(RowKey::Code(code));
            }
        }
    }
    let names: Vec<String> = patterns::level_split()
        .split(&s)
        .map(|x| {
            x.trim_matches(|c: char| c == '“' || c == '”' || c == '-')
                .to_owned()
        })
        .filter(|x| !x.is_empty())
        .collect();
    let names: Vec<String> = if names.len() == 1 {
        names
            .first()
            .map(|n| n.split('-').map(str::to_owned).collect())
            .unwrap_or_default()
    } else {
        names
    };
    let last = names.last()?;
    let hits: Vec<&(yusuan_classification::Code, String)> = rows
        .iter()
        .filter(|(code, name)| {
            if name != last {
                return false;
            }
            // every ancestor named must match
            let mut anc: Vec<yusuan_classification::Code> = code.ancestors().collect();
            anc.reverse();
            names.len() <= anc.len() + 1
                && names
                    .iter()
                    .rev()
                    .skip(1)
                    .zip(anc.iter().rev())
                    .all(|(n, a)| rows.iter().any(|(c, nm)| c == a && nm == n))
        })
        .collect();
    match hits.as_slice() {
        [(code, _)] if code.len() == 7 || names.len() == 1 => Some(RowKey::Code(*code)),
        [(code, _)] if names.len() > 1 => Some(RowKey::Code(*code)),
        _ => None,
    }
}

fn code_rows<A>(t: &yusuan_tables::CodeTable<A>) -> Vec<(yusuan_classification::Code, String)> {
    t.rows
        .iter()
        .map(|r| (r.code, yusuan_money::text::squeeze(&r.name)))
        .collect()
}

/// Sets `refers_to` where the section names a table and the subject names
/// one of its cells unambiguously; leaves it `None` otherwise.
pub(crate) fn resolve(claim: &mut Claim, ctx: &Ctx<'_>) {
    let Some(table) = section_table(claim.section.as_deref()) else {
        return;
    };
    let t = ctx.tables;
    if !t.has(table) {
        return;
    }
    let cell = |row: RowKey, col: Column| Some(CellRef::new(table, row, col));
    use TableKind as K;
    let total_cell = match table {
        K::IncomeExpenditureSummary | K::FiscalAppropriationSummary => {
            cell(RowKey::Line(TLine::IncomeTotal), Column::Total)
        }
        K::ThreePublicExpenditure => {
            // a 决算's 三公 table prints 预算数 and 决算数: the subject must
            // say which it quotes, or the claim stays unresolved
            let final_accounts = t
                .three_public_expenditure
                .as_ref()
                .is_some_and(|x| x.periods.iter().any(|p| p.basis == Basis::FinalAccounts));
            let sq = yusuan_money::text::squeeze(claim.kind.subject());
            let basis = if !final_accounts {
                Some(Basis::Budget)
            } else if sq.contains("决算") {
                Some(Basis::FinalAccounts)
            } else if sq.contains("预算") {
                Some(Basis::Budget)
            } else {
                None
            };
            basis.and_then(|basis| {
                cell(
                    RowKey::Period(Period {
                        year: ctx.year,
                        basis,
                    }),
                    Column::Total,
                )
            })
        }
        _ => cell(RowKey::Total, Column::Total),
    };
    let three_col = |s: &str| -> Option<Column> {
        let s = yusuan_money::text::squeeze(s);
        Some(if s.contains("出国") {
            Column::OutboundTravel
        } else if s.contains("购置费") {
            Column::VehiclePurchase
        } else if s.contains("运行费") && !s.contains("购置") {
            Column::VehicleOperation
        } else if s.contains("公务用车") {
            Column::Vehicles
        } else if s.contains("接待") {
            Column::Reception
        } else if s.contains("机关运行经费") {
            Column::AgencyOperation
        } else if s.contains("三公") {
            Column::Total
        } else {
            return None;
        })
    };
    let t5_rows = t
        .general_budget_expenditure
        .as_ref()
        .map(code_rows)
        .unwrap_or_default();
    let fa_rows: Vec<(yusuan_classification::Code, String)> = t
        .fiscal_appropriation_summary
        .as_ref()
        .map(|s| {
            s.expenditure
                .iter()
                .filter_map(|r| {
                    r.key
                        .code()
                        .map(|c| (c, yusuan_money::text::squeeze(strip_num(&r.label))))
                })
                .collect()
        })
        .unwrap_or_default();
    let subject = claim.kind.subject().to_owned();
    let sq = yusuan_money::text::squeeze(&subject);
    let target = match (&claim.kind, table) {
        (ClaimKind::Total { .. }, _) => total_cell,
        (ClaimKind::Share { .. }, K::IncomeSummary) => {
            income_column(&subject).and_then(|c| cell(RowKey::Total, c))
        }
        (ClaimKind::Share { .. }, K::ExpenditureSummary) => {
            if sq.contains("基本支出") {
                cell(RowKey::Total, Column::Basic)
            } else if sq.contains("项目支出") {
                cell(RowKey::Total, Column::Project)
            } else {
                None
            }
        }
        (
            ClaimKind::Share { .. } | ClaimKind::Change { .. } | ClaimKind::Amount { .. },
            K::GeneralBudgetExpenditure,
        ) => {
            if sq.contains("一般公共预算") && !sq.contains("(类)") && !sq.contains("（类）")
            {
                total_cell
            } else {
                find_row(&t5_rows, &subject).and_then(|r| cell(r, Column::Total))
            }
        }
        (ClaimKind::Amount { .. }, K::FiscalAppropriationSummary) => {
            if sq.contains("上年结转") {
                cell(RowKey::Line(TLine::PriorYearCarryover), Column::Total)
            } else if sq.contains("一般公共预算") && sq.contains("收入") {
                cell(
                    RowKey::Line(TLine::GeneralBudgetAppropriation),
                    Column::Total,
                )
            } else {
                find_row(&fa_rows, &subject).and_then(|r| cell(r, Column::Total))
            }
        }
        (ClaimKind::NoAmount { .. }, K::FiscalAppropriationSummary) => {
            if sq.contains("政府性基金") {
                cell(
                    RowKey::Line(TLine::GovernmentFundAppropriation),
                    Column::Total,
                )
            } else if sq.contains("国有资本经营") {
                cell(
                    RowKey::Line(TLine::StateCapitalAppropriation),
                    Column::Total,
                )
            } else {
                None
            }
        }
        (
            ClaimKind::NoAmount { .. },
            K::GovernmentFundExpenditure | K::StateCapitalExpenditure | K::ThreePublicExpenditure,
        ) => total_cell,
        // "…支出决算减少 0.15 万元": the amount is a change, not a cell
        (ClaimKind::Amount { .. }, K::ThreePublicExpenditure)
            if ["增加", "减少", "增长", "下降"]
                .iter()
                .any(|w| sq.ends_with(w)) =>
        {
            None
        }
        (ClaimKind::Amount { .. }, K::ThreePublicExpenditure) => {
            three_col(&subject).and_then(|c| total_cell.map(|t| CellRef::new(table, t.row, c)))
        }
        // a 决算 sentence's change ("支出决算减少 0.15 万元") is not a cell
        (ClaimKind::Change { .. }, K::ThreePublicExpenditure)
            if t.three_public_expenditure
                .as_ref()
                .is_some_and(|x| x.periods.iter().all(|p| p.basis != Basis::FinalAccounts)) =>
        {
            three_col(&subject).and_then(|c| total_cell.map(|t| CellRef::new(table, t.row, c)))
        }
        (ClaimKind::Comparison { .. }, _) => summary_line_cell(t, table, &subject, ctx.year),
        _ => None,
    };
    claim.refers_to = target;
    match &mut claim.kind {
        ClaimKind::Share {
            whole_subject,
            whole_refers_to,
            ..
        } if whole_subject.is_some() => {
            *whole_refers_to = total_cell;
        }
        ClaimKind::Comparison {
            object,
            object_refers_to,
            ..
        } => {
            *object_refers_to = summary_line_cell(t, table, object, ctx.year);
        }
        ClaimKind::Total { parts, .. } if table == K::GeneralBudgetBasicExpenditure => {
            for part in parts {
                let s = yusuan_money::text::squeeze(&part.subject);
                part.refers_to = if s.contains("人员经费") {
                    cell(RowKey::Total, Column::Personnel)
                } else if s.contains("公用经费") {
                    cell(RowKey::Total, Column::Public)
                } else {
                    None
                };
            }
        }
        _ => {}
    }
}

/// The 合计 / 总计 cell of a 收支总表 or 财政拨款收支总表 that a side of a
/// comparison names exactly (`本年支出合计`, `2025 年收入总计`, `本年收入`),
/// when the table prints it; `None` for any other table, another year, or
/// a name that is not exactly one line's.
fn summary_line_cell(t: &Tables, table: TableKind, side: &str, year: u16) -> Option<CellRef> {
    if !matches!(
        table,
        TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary
    ) {
        return None;
    }
    let s = yusuan_money::text::squeeze(side);
    // A leading year must be the document's.
    let s = match s.split_once('年') {
        Some((y, rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            if y.parse::<u16>().ok()? != year {
                return None;
            }
            rest.strip_prefix('度').unwrap_or(rest).to_owned()
        }
        _ => s,
    };
    let line = match s.as_str() {
        "本年收入" => TLine::CurrentYearIncome,
        "本年支出" => TLine::CurrentYearExpenditure,
        name => *TLine::ALL.iter().find(|l| l.label_zh() == name)?,
    };
    if !line.allowed_in(table) {
        return None;
    }
    let row = RowKey::Line(line);
    t.get(table, &row, Column::Total)?;
    Some(CellRef::new(table, row, Column::Total))
}

fn strip_num(s: &str) -> &str {
    let t =
        s.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit());
    if let Some(r) = t.strip_prefix('、') {
        return r;
    }
    if let Some(r) = s.strip_prefix('(').or_else(|| s.strip_prefix('（')) {
        if let Some(i) = r.find([')', '）']) {
            return r
                .get(
                    i + r
                        .get(i..)
                        .and_then(|x| x.chars().next())
                        .map_or(1, char::len_utf8)..,
                )
                .unwrap_or(s);
        }
    }
    s
}
