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

/// A paragraph's characters, indexed once: every slice by character
/// positions costs its own length, not the paragraph's (a narrative printed
/// as one long sentence is read in linear time and memory).
///
/// Letter-spacing is removed first ("收 、 支 预 算 总 计 各 增 加 3,958.67
/// 万 元" reads as "收、支预算总计各增加 3,958.67 万元"): a run of whitespace
/// goes when neither neighbour is an ASCII letter or digit. Positions are
/// those of the compacted text; [`Para::printed`] gives a sentence as
/// printed.
pub(crate) struct Para {
    /// The printed characters, compacted.
    text: Vec<char>,
    /// The normalised characters, compacted, asides blanked.
    norm: Vec<char>,
    /// The printed characters, as given.
    raw: Vec<char>,
    /// For each compacted position, its position in `raw`.
    orig: Vec<usize>,
}

impl Para {
    pub(crate) fn new(p: &Paragraph) -> Para {
        let raw: Vec<char> = p.text.chars().collect();
        let norm: Vec<char> = p.norm.chars().collect();
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let mut keep = vec![true; norm.len()];
        let mut i = 0;
        while i < norm.len() {
            if norm.get(i).is_some_and(|c| c.is_whitespace()) {
                let start = i;
                while norm.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
                let before = start.checked_sub(1).and_then(|b| norm.get(b));
                let after = norm.get(i);
                if before.is_some() && after.is_some() && !word(before) && !word(after) {
                    for k in keep.get_mut(start..i).into_iter().flatten() {
                        *k = false;
                    }
                }
            } else {
                i += 1;
            }
        }
        let mut text = Vec::with_capacity(raw.len());
        let mut cnorm = Vec::with_capacity(norm.len());
        let mut orig = Vec::with_capacity(norm.len());
        for (i, (&k, &n)) in keep.iter().zip(&norm).enumerate() {
            if k {
                text.push(raw.get(i).copied().unwrap_or(n));
                cnorm.push(n);
                orig.push(i);
            }
        }
        Para {
            text,
            norm: blank_asides(cnorm),
            raw,
            orig,
        }
    }

    /// Sentences: `[start, end)` ranges ending after `。` (or at the end);
    /// a doubled `。。` ends one sentence (which keeps it, for the wording
    /// check).
    fn sentences(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in self.norm.iter().enumerate() {
            if *c == '。' && self.norm.get(i + 1) != Some(&'。') {
                out.push((start, i + 1));
                start = i + 1;
            }
        }
        if self
            .norm
            .get(start..)
            .is_some_and(|r| r.iter().any(|c| !c.is_whitespace()))
        {
            out.push((start, self.norm.len()));
        }
        out
    }

    /// The characters `[start, end)` as printed (letter-spacing kept),
    /// trimmed.
    fn printed(&self, start: usize, end: usize) -> String {
        if end <= start {
            return String::new();
        }
        let (Some(&a), Some(&b)) = (self.orig.get(start), self.orig.get(end - 1)) else {
            return String::new();
        };
        self.raw
            .get(a..=b)
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    /// The printed characters `[start, end)`.
    fn text(&self, start: usize, end: usize) -> String {
        self.text
            .get(start.min(self.text.len())..end.min(self.text.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// The normalised characters `[start, end)`.
    fn norm(&self, start: usize, end: usize) -> String {
        self.norm
            .get(start.min(self.norm.len())..end.min(self.norm.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// The normalised character at `i`.
    fn norm_at(&self, i: usize) -> Option<char> {
        self.norm.get(i).copied()
    }

    /// The normalised text `[start, end)` with its byte-to-character map.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.norm(start, end), start)
    }
}

/// A stretch of normalised text and where it starts in its paragraph, with
/// the byte offset of each character (to turn a regex match into paragraph
/// positions by binary search instead of counting from the start).
struct Span {
    s: String,
    start: usize,
    bytes: Vec<usize>,
}

impl Span {
    fn new(s: String, start: usize) -> Span {
        let bytes = s.char_indices().map(|(b, _)| b).collect();
        Span { s, start, bytes }
    }

    /// The paragraph position of the byte offset `byte` of the span.
    fn pos(&self, byte: usize) -> usize {
        self.start + self.bytes.partition_point(|&b| b < byte)
    }
}

/// Asides the sentence does not need, blanked with spaces (the character
/// count is kept): "比2022年（上一年度，下同）预算增加" reads as "比2022年
/// 预算增加". An aside is a parenthesis without digits that says what a term
/// stands for (下同, 以下简称, 上一年度 …).
fn blank_asides(mut norm: Vec<char>) -> Vec<char> {
    let mut i = 0;
    while i < norm.len() {
        if norm.get(i) == Some(&'(') {
            // the closing parenthesis within a short distance
            let close = norm
                .get(i + 1..norm.len().min(i + 24))
                .and_then(|r| r.iter().position(|&c| c == ')' || c == '('));
            if let Some(k) = close {
                let end = i + 1 + k;
                if norm.get(end) == Some(&')') {
                    let inner: String = norm
                        .get(i + 1..end)
                        .map(|c| c.iter().filter(|c| !c.is_whitespace()).collect())
                        .unwrap_or_default();
                    let aside = !inner.chars().any(|c| c.is_ascii_digit())
                        && ["下同", "简称", "上一年度", "上年度", "以下"]
                            .iter()
                            .any(|w| inner.contains(w));
                    if aside {
                        for c in norm.get_mut(i..=end).into_iter().flatten() {
                            *c = ' ';
                        }
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    norm
}

/// The longest subject kept before an amount, in characters: a subject is
/// a few words; without this bound a run of amounts with no punctuation
/// would make every subject as long as the text before it.
const MAX_SUBJECT: usize = 120;

/// The longest sentence a claim keeps whole, in characters; a longer one is
/// kept as the excerpt around the claim (each claim would otherwise copy
/// the whole sentence).
const MAX_SENTENCE: usize = 600;

/// The characters around a claim at `pos` kept from a long sentence.
const EXCERPT_BEFORE: usize = 150;
const EXCERPT_AFTER: usize = 250;

const DELIMS: &[char] = &[',', '，', ';', '；', ':', '：', '、', '。'];

/// Context needed to clean subjects and resolve cells.
pub(crate) struct Ctx<'a> {
    pub unit_name: &'a str,
    pub year: u16,
    pub tables: &'a Tables,
}

/// Cleans a subject: numbering, the unit's name, the year, quotes, 为 …
fn clean_subject(raw: &str, ctx: &Ctx<'_>) -> String {
    // slices of `raw` all along: one allocation, for the result
    let mut s: &str = raw.trim();
    // leading "其中"
    for p in ["其中", "包括", "主要"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim_start_matches([':', '：']).trim();
        }
    }
    // numbering, looked at in normalised characters (one for one)
    let cn = "一二三四五六七八九十";
    let numeral = |c: char| cn.contains(c) || c.is_ascii_digit();
    let mut n = s.chars().map(yusuan_money::text::normalize_char);
    let skip = if n.next() == Some('(') {
        let (mut count, mut all, mut closed) = (0usize, true, false);
        for c in n {
            if c == ')' {
                closed = true;
                break;
            }
            count += 1;
            all &= numeral(c);
        }
        if closed && count > 0 && all {
            count + 2
        } else {
            0
        }
    } else {
        let mut n = s.chars().map(yusuan_money::text::normalize_char);
        let mut k = 0usize;
        let after = loop {
            match n.next() {
                Some(c) if numeral(c) => k += 1,
                other => break other,
            }
        };
        if k > 0 && matches!(after, Some('、' | '.' | '．')) {
            k + 1
        } else {
            0
        }
    };
    let at = s.char_indices().nth(skip).map_or(s.len(), |(i, _)| i);
    s = s.get(at..).unwrap_or("").trim();
    if !ctx.unit_name.is_empty() {
        if let Some(r) = s.strip_prefix(ctx.unit_name) {
            s = r.trim();
        }
    }
    for p in ["本单位", "本部门"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim();
        }
    }
    // leading year "2025 年" / "2025年度"
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let rest = s.get(4..).unwrap_or("").trim_start();
        if let Some(r) = rest.strip_prefix('年') {
            let r = r.strip_prefix('度').unwrap_or(r);
            s = r.trim_start_matches([',', '，']).trim();
        }
    }
    // trailing "2025 年预算数为", "为", "科目"
    loop {
        let before = s;
        for suf in ["为", "科目", "预算数", "预算安排", "年", "年度"] {
            if let Some(r) = s.strip_suffix(suf) {
                s = r.trim_end();
            }
        }
        let tail_digits = s.chars().rev().take_while(char::is_ascii_digit).count();
        if tail_digits == 4 && (before.ends_with('年') || s.len() < before.len()) {
            // four ASCII digits: four bytes
            s = s.get(..s.len() - 4).unwrap_or("").trim_end();
        }
        if s == before {
            break;
        }
    }
    let t = s.trim_matches(|c: char| c == '“' || c == '”' || c == '"' || c.is_whitespace());
    // a quote whose pair is kept stays: “三公”经费, not 三公”经费
    let s = s.trim();
    let open = s.starts_with('“') && t.contains('”') && !t.contains('“');
    let close = s.ends_with('”') && t.contains('“') && !t.contains('”');
    format!(
        "{}{t}{}",
        if open { "“" } else { "" },
        if close { "”" } else { "" }
    )
}

/// The mentions of amounts in `[start, end)` of a paragraph.
fn mentions(p: &Para, start: usize, end: usize) -> Vec<Mention> {
    let sp = p.span(start, end);
    mentions_in(p, &sp)
}

/// The mentions of amounts of a span.
fn mentions_in(p: &Para, sp: &Span) -> Vec<Mention> {
    let start = sp.start;
    let mut out = Vec::new();
    // the last clause delimiter seen, scanning forward
    let mut last_delim: Option<usize> = None;
    let mut scanned = start;
    for c in patterns::amount_wan().captures_iter(&sp.s) {
        let (Some(whole), Some(num)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(w) = Wan::parse(num.as_str()) else {
            continue;
        };
        let s = sp.pos(num.start());
        let e = sp.pos(whole.end());
        // thresholds ("单价100万元（含）以上") are not amounts of the budget
        let after = p.norm(e, e + 6);
        let after = after.trim_start();
        if after.starts_with("(含)") || after.starts_with("以上") || after.starts_with("以下")
        {
            continue;
        }
        // subject: back to the last delimiter of the clause (or 其中)
        while scanned < s {
            if p.norm_at(scanned).is_some_and(|c| DELIMS.contains(&c)) {
                last_delim = Some(scanned);
            }
            scanned += 1;
        }
        let clause_start = last_delim.map_or(start, |d| d + 1).max(start);
        let mut subject_start = clause_start.max(s.saturating_sub(MAX_SUBJECT));
        let clause = p.norm(subject_start, s);
        if let Some(pos) = clause.find("其中") {
            subject_start += char_index(&clause, pos) + 2;
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

fn subject_of(p: &Para, m: &Mention, ctx: &Ctx<'_>) -> String {
    clean_subject(&p.text(m.subject_start, m.start), ctx)
}

/// The sentence a claim at `pos` keeps: the whole sentence, or the excerpt
/// around `pos` when the sentence is very long.
fn sentence_for(p: &Para, (s0, e0): (usize, usize), pos: usize, whole: &str) -> String {
    if e0.saturating_sub(s0) <= MAX_SENTENCE {
        return whole.to_owned();
    }
    let a = pos.saturating_sub(EXCERPT_BEFORE).max(s0);
    let b = pos.saturating_add(EXCERPT_AFTER).min(e0);
    let mut out = String::new();
    if a > s0 {
        out.push('…');
    }
    out.push_str(&p.printed(a, b));
    if b < e0 {
        out.push('…');
    }
    out
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

/// Characters after a change's direction word searched for its amount and
/// rate, and after an amount for its share.
const TAIL: usize = 80;

/// How many mentions before a change are searched for its amount.
const CHANGE_LOOKBACK: usize = 8;

/// The direction of a change as printed: the words of [`Direction`], and
/// 一致 / 相同 (no change: "与2024年预算一致").
fn direction_of_word(word: &str) -> Option<Direction> {
    match word {
        "一致" | "相同" => Some(Direction::Flat),
        "增幅" | "增长率" => Some(Direction::Growth),
        "降幅" | "下降率" => Some(Direction::Decline),
        w => Direction::from_zh(w),
    }
}

/// "比/较/与 [2024年] [预算数] [相比] 增加 …": a change, with its base year,
/// basis and direction word (groups 2, 3, 4).
fn change_re() -> &'static regex::Regex {
    static RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"(比|较|与)\s*(?:上一?年度?|去年)?\s*([0-9]{4})?\s*年?度?\s*(?:当年)?\s*(预算执行数|执行数|预算数|预算|决算数|决算)?\s*(?:相比\s*[,，]?\s*(?P<subj>[^0-9,，。;；:：%()]{1,30}?))?\s*(?:相比)?\s*[,，]?\s*(?P<dir>增加|减少|增长|下降|上升|降低|持平|一致|相同)",
        )
        .ok()
    });
    RE.as_ref().unwrap_or_else(|| patterns::change())
}

/// The rate after a change: "，增长 B%", "，降幅 B %", "增长率 B%" (the
/// word in group 1, the number in group 2).
fn rate_re() -> &'static regex::Regex {
    static RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"^\s*[,，]?\s*(增长率|下降率|增幅|降幅|增长|下降|上升|降低|增加|减少)?\s*(?:了|为)?\s*([0-9]+(?:\.[0-9]+)?)\s*%",
        )
        .ok()
    });
    RE.as_ref().unwrap_or_else(|| patterns::rate_after())
}

/// Reads the claims of a narrative paragraph.
pub(crate) fn claims(p: &Paragraph, ctx: &Ctx<'_>) -> Vec<Claim> {
    let pp = Para::new(p);
    let pp = &pp;
    let sents = pp.sentences();
    let mut found: Vec<Found> = Vec::new();
    let mut skip_until = 0usize;
    // made only for the change that needs it (few paragraphs)
    let first_subject = || -> Option<String> {
        sents
            .first()
            .and_then(|(s, e)| mentions(pp, *s, *e).into_iter().next())
            .map(|m| subject_of(pp, &m, ctx))
            .filter(|s| !s.is_empty())
    };
    for (si, &(s0, e0)) in sents.iter().enumerate() {
        if si < skip_until {
            continue;
        }
        let sentence = pp.printed(s0, e0);
        let sp = pp.span(s0, e0);
        let ns = sp.s.as_str();
        let ms = mentions_in(pp, &sp);
        let mut used = vec![false; ms.len()];
        let mk = |kind: ClaimKind, pos: usize, sentence: &str| Claim {
            section: p.section.clone(),
            sentence: sentence_for(pp, (s0, e0), pos, sentence),
            kind,
            refers_to: None,
        };
        // NoAmount: 没有(使用)X / a clause starting with 无X和Y
        for c in patterns::no_amount().captures_iter(ns) {
            let Some(m) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let pos = sp.pos(m.start());
            let printed = pp.text(pos, pos + m.as_str().chars().count());
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
                        claim: mk(ClaimKind::NoAmount { subject: subj }, pos, &sentence),
                    });
                }
            }
        }
        // Change
        let mut prev_ms: Option<Vec<Mention>> = None;
        for c in change_re().captures_iter(ns) {
            let (Some(all), Some(dir)) = (c.get(0), c.name("dir")) else {
                continue;
            };
            // "与2023年度相比，收入支出总计增加…": the subject named after 相比
            let named = c.name("subj").map(|m| {
                let a = sp.pos(m.start());
                clean_subject(&pp.text(a, a + m.as_str().chars().count()), ctx)
            });
            let Some(direction) = direction_of_word(dir.as_str()) else {
                continue;
            };
            let cpos = sp.pos(all.start());
            let after_pos = sp.pos(all.end());
            let base_year = c.get(2).and_then(|y| y.as_str().parse::<u16>().ok());
            let base = basis_of(c.get(3).map(|m| m.as_str()));
            let tail = pp.norm(after_pos, e0.min(after_pos + TAIL));
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
                    if let Some(r) = rate_re().captures(tail2) {
                        if let Some(num) = r.get(2) {
                            rate = Percent::parse(num.as_str()).ok();
                            rate_direction = r.get(1).and_then(|d| direction_of_word(d.as_str()));
                        }
                    }
                }
            }
            // the amount compared, and a stated comparison figure: the
            // nearest free mentions before the word
            let mut amount = None;
            let mut base_amount = None;
            let mut subject = String::new();
            let upto = ms.partition_point(|m| m.end <= cpos);
            for i in (upto.saturating_sub(CHANGE_LOOKBACK)..upto).rev() {
                let Some(m) = ms.get(i) else { continue };
                if amount.is_some() && cpos.saturating_sub(m.end) > 2 * MAX_SUBJECT {
                    break;
                }
                if used.get(i).copied().unwrap_or(true) {
                    continue;
                }
                let subj_raw = pp.text(m.subject_start, m.start);
                if subj_raw.contains("执行数") && base_amount.is_none() {
                    base_amount = Some(Wan::new(m.amount));
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                    continue;
                }
                if amount.is_none() {
                    amount = Some(Wan::new(m.amount));
                    subject = subject_of(pp, m, ctx);
                    if let Some(u) = used.get_mut(i) {
                        *u = true;
                    }
                }
            }
            if let Some(named) = named.filter(|n| !n.is_empty()) {
                if amount.is_none() && si > 0 {
                    // its amount stated in the sentence before ("…总计
                    // 307.82 万元。与 2023 年度相比，…总计增加 307.82 万元")
                    let key = yusuan_money::text::squeeze(&named);
                    let prev = prev_ms.get_or_insert_with(|| {
                        sents
                            .get(si - 1)
                            .map(|&(s1, e1)| mentions(pp, s1, e1))
                            .unwrap_or_default()
                    });
                    amount = prev
                        .iter()
                        .rev()
                        .find(|m| {
                            yusuan_money::text::squeeze(&pp.text(m.subject_start, m.start))
                                .ends_with(&key)
                        })
                        .map(|m| Wan::new(m.amount));
                }
                subject = named;
            } else if amount.is_none() {
                // no amount before: the subject is the clause before 比
                let from = s0.max(cpos.saturating_sub(MAX_SUBJECT));
                let before: Vec<char> = pp.text(from, cpos).chars().collect();
                let k = before
                    .iter()
                    .rposition(|c| DELIMS.contains(c))
                    .map_or(0, |x| x + 1);
                subject = clean_subject(&before.iter().skip(k).collect::<String>(), ctx);
            }
            // "基本支出预算数为 17123.19 万元。与上年相比增加 1408.29 万元": a
            // change with no subject of its own is of the sentence before
            // it (the subject of its last amount), not of an older one
            if subject.is_empty() && amount.is_none() && si > 0 {
                let prev = prev_ms.get_or_insert_with(|| {
                    sents
                        .get(si - 1)
                        .map(|&(s1, e1)| mentions(pp, s1, e1))
                        .unwrap_or_default()
                });
                if let Some(m) = prev.last() {
                    subject = subject_of(pp, m, ctx);
                }
            }
            if subject.is_empty() || subject.ends_with("预算安排") {
                subject = first_subject().unwrap_or(subject);
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
                    cpos,
                    &sentence,
                ),
            });
        }
        // the whole stated before 其中
        let qizhong = ns.find("其中").map(|b| sp.pos(b));
        let whole_ix = qizhong.and_then(|q| ms.iter().rposition(|m| m.end <= q));
        // Shares
        let mut shares = 0usize;
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let tail = pp.norm(m.end, e0.min(m.end + TAIL));
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
                    (Some(Wan::new(w.amount)), Some(subject_of(pp, w, ctx)))
                }
                // "占本年支出合计的 99.86%": the whole is named
                _ => (
                    None,
                    named_whole(&tail, num.start()).or_else(|| section_whole(p.section.as_deref())),
                ),
            };
            found.push(Found {
                pos: m.start,
                claim: mk(
                    ClaimKind::Share {
                        subject: subject_of(pp, m, ctx),
                        amount: Wan::new(m.amount),
                        percent,
                        whole,
                        whole_subject,
                        whole_refers_to: None,
                    },
                    m.start,
                    &sentence,
                ),
            });
        }
        // Comparisons: 大于 / 小于 / 等于 … between two amounts
        for c in patterns::relation().captures_iter(ns) {
            let Some(word) = c.get(0) else { continue };
            let ws = sp.pos(word.start());
            let we = sp.pos(word.end());
            if let Some((pos, claim)) = comparison(pp, ctx, (s0, e0), (ws, we), &ms, &mut used) {
                found.push(Found {
                    pos,
                    claim: mk(claim, pos, &sentence),
                });
            }
        }
        // Totals: the whole before 其中, or a subject naming a total
        let mut sentence_text = sentence.clone();
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let subject = subject_of(pp, m, ctx);
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
                            subject: subject_of(pp, n, ctx),
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
                    let next = mentions(pp, s1, e1);
                    let ns1 = pp.norm(s1, e1);
                    let [only] = next.as_slice() else { break };
                    if only.start - s1 > 24 || ns1.contains("比") || ns1.contains("其中") {
                        break;
                    }
                    parts.push(ClaimPart {
                        subject: subject_of(pp, only, ctx),
                        amount: Wan::new(only.amount),
                        refers_to: None,
                    });
                    sentence_text.push_str(&pp.printed(s1, e1));
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
                    m.start,
                    &sentence_text,
                ),
            });
        }
        // Amounts: everything else. "公务接待费支出年初预算为2.85万元，支出
        // 决算为0.39万元": a subject of basis words alone continues the item
        // last named in the sentence (公务接待费支出决算), not the whole
        for (i, m) in ms.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            let mut subject = subject_of(pp, m, ctx);
            if is_basis_only(&subject) {
                // the mentions before it are looked at only here (rare)
                let last_item = ms
                    .get(..i)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .map(|before| subject_of(pp, before, ctx))
                    .find(|s| !is_basis_only(s))
                    .map(|s| item_of(&s))
                    .unwrap_or_default();
                if !last_item.is_empty() {
                    subject = format!("{last_item}{subject}");
                }
            }
            found.push(Found {
                pos: m.start,
                claim: mk(
                    ClaimKind::Amount {
                        subject,
                        amount: Wan::new(m.amount),
                    },
                    m.start,
                    &sentence,
                ),
            });
        }
    }
    found.extend(completions(pp, p, ctx));
    found.sort_by_key(|f| f.pos);
    found.into_iter().map(|f| f.claim).collect()
}

/// The words that say which figure of an item a subject is (its basis and
/// period), longest first.
const BASIS_WORDS: [&str; 11] = [
    "年初预算",
    "全年预算",
    "调整预算",
    "预算数",
    "决算数",
    "预算",
    "决算",
    "支出",
    "年初",
    "全年",
    "数",
];

/// A subject made of basis words alone (`支出决算`, `决算数`): it names no
/// item of its own.
fn is_basis_only(subject: &str) -> bool {
    let sq = yusuan_money::text::squeeze(subject);
    !sq.is_empty() && item_of(&sq).is_empty()
}

/// A subject without the basis words it ends with: its item
/// (`公务接待费支出年初预算` → `公务接待费`).
fn item_of(subject: &str) -> String {
    let mut s = subject.trim();
    while let Some(rest) = BASIS_WORDS.iter().find_map(|w| s.strip_suffix(w)) {
        s = rest.trim_end();
    }
    s.to_owned()
}

/// A regex compiled once; `None` only if the literal were invalid (a test
/// compiles every one).
fn lazy_re(
    cell: &'static once_cell::sync::Lazy<Option<regex::Regex>>,
) -> Option<&'static regex::Regex> {
    cell.as_ref()
}

static BUDGET_RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"(年初预算|全年预算|调整预算|预算)数?\s*(?:为|是)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*万元",
    )
    .ok()
});
static ACTUAL_RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"决算数?\s*(?:为|是)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*万元").ok()
});
static DONE_RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"完成\s*(年初预算|全年预算|调整预算|预算)数?\s*的?\s*([0-9]+(?:\.[0-9]+)?)\s*%",
    )
    .ok()
});
static WORD_RE: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"决算数?\s*(大于|高于|多于|小于|低于|少于|等于|同|与)\s*(?:年初|全年|调整)?预算数?\s*(持平|相等|一致)?",
    )
    .ok()
});

/// What a 决算 completion pass sees, in text order.
enum Event {
    Budget(String, Wan),
    Actual(Wan, usize),
    Done(String, Percent),
    Word(Relation),
}

/// The completion statements of a 决算 narrative paragraph ("年初预算为 A 万
/// 元，支出决算为 B 万元，完成年初预算的 C%。决算数小于预算数的主要原因…"),
/// read across sentence breaks: each rate is of the latest budget of its
/// label stated before it in the paragraph and the latest final amount.
fn completions(pp: &Para, p: &Paragraph, ctx: &Ctx<'_>) -> Vec<Found> {
    let (Some(budget_re), Some(actual_re), Some(done_re), Some(word_re)) = (
        lazy_re(&BUDGET_RE),
        lazy_re(&ACTUAL_RE),
        lazy_re(&DONE_RE),
        lazy_re(&WORD_RE),
    ) else {
        return Vec::new();
    };
    let sp = pp.span(0, pp.norm.len());
    if !sp.s.contains("决算") {
        return Vec::new();
    }
    let mut events: Vec<(usize, Event)> = Vec::new();
    for c in budget_re.captures_iter(&sp.s) {
        if let (Some(l), Some(n)) = (c.get(1), c.get(2)) {
            if let Ok(w) = Wan::parse(n.as_str()) {
                events.push((sp.pos(l.start()), Event::Budget(l.as_str().to_owned(), w)));
            }
        }
    }
    for c in actual_re.captures_iter(&sp.s) {
        if let (Some(all), Some(n)) = (c.get(0), c.get(1)) {
            if let Ok(w) = Wan::parse(n.as_str()) {
                let at = sp.pos(all.start());
                events.push((at, Event::Actual(w, at)));
            }
        }
    }
    for c in done_re.captures_iter(&sp.s) {
        if let (Some(l), Some(n)) = (c.get(1), c.get(2)) {
            if let Ok(v) = Percent::parse(n.as_str()) {
                events.push((sp.pos(l.start()), Event::Done(l.as_str().to_owned(), v)));
            }
        }
    }
    for c in word_re.captures_iter(&sp.s) {
        let (Some(all), Some(w)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let relation = match (w.as_str(), c.get(2).is_some()) {
            ("同" | "与", true) => Relation::Equal,
            ("同" | "与", false) => continue,
            (word, _) => match Relation::from_zh(word) {
                Some(r) => r,
                None => continue,
            },
        };
        events.push((sp.pos(all.start()), Event::Word(relation)));
    }
    events.sort_by_key(|(pos, _)| *pos);
    let sents = pp.sentences();
    let sentence_of = |pos: usize| {
        sents
            .iter()
            .find(|(a, b)| *a <= pos && pos < *b)
            .copied()
            .unwrap_or((0, 0))
    };
    // the subject: the clause before the first budget, else the first
    // clause of the paragraph (an item's heading)
    let subject_before = |pos: usize| {
        let (s0, _) = sentence_of(pos);
        let from = s0.max(pos.saturating_sub(MAX_SUBJECT));
        let before: Vec<char> = pp.text(from, pos).chars().collect();
        let k = before
            .iter()
            .rposition(|c| DELIMS.contains(c))
            .map_or(0, |x| x + 1);
        clean_subject(&before.iter().skip(k).collect::<String>(), ctx)
    };
    let heading = sents
        .first()
        .map(|&(a, b)| {
            let t = pp.text(a, b.min(a + MAX_SUBJECT));
            let end = t.find(['。', '，', ',', '；']).unwrap_or(t.len());
            clean_subject(t.get(..end).unwrap_or(""), ctx)
        })
        .unwrap_or_default();
    let mut out: Vec<Found> = Vec::new();
    let mut budgets: Vec<(String, Wan, usize)> = Vec::new();
    let mut actual: Option<(Wan, usize)> = None;
    // the claim a following word belongs to, and whether it has its word
    let mut open: Option<usize> = None;
    let subject_for = |budgets: &[(String, Wan, usize)]| {
        let s = budgets
            .first()
            .map(|(_, _, at)| subject_before(*at))
            .unwrap_or_default();
        if s.is_empty() {
            heading.clone()
        } else {
            s
        }
    };
    let claim_at = |pos: usize, kind: ClaimKind| {
        let (s0, e0) = sentence_of(pos);
        Found {
            pos,
            claim: Claim {
                section: p.section.clone(),
                sentence: sentence_for(pp, (s0, e0), pos, &pp.printed(s0, e0)),
                kind,
                refers_to: None,
            },
        }
    };
    for (pos, ev) in events {
        match ev {
            Event::Budget(label, w) => {
                if actual.is_some() {
                    // a new item starts
                    budgets.clear();
                    actual = None;
                }
                budgets.retain(|(l, _, _)| *l != label);
                budgets.push((label, w, pos));
            }
            Event::Actual(w, at) => actual = Some((w, at)),
            Event::Done(label, percent) => {
                let Some((b, _)) = actual else { continue };
                let budget = budgets
                    .iter()
                    .rev()
                    .find(|(l, _, _)| *l == label)
                    .or_else(|| {
                        // "完成预算的": the budget stated, whatever its label
                        (label == "预算").then(|| budgets.first()).flatten()
                    });
                let Some((_, a, _)) = budget else { continue };
                // "…年初预算为 A，支出决算为 B，完成预算的 C%，其中：因公出国
                // （境）费决算为 B1，完成预算的 C1%": an item named before its
                // own 决算 is an item of the whole; A is not its budget
                let whole = subject_for(&budgets);
                let own = actual
                    .map(|(_, at)| subject_before(at))
                    .filter(|s| !s.is_empty() && *s != whole && !whole.contains(s.as_str()));
                let (subject, budget) = match own {
                    Some(item) => (item, None),
                    None => (whole, Some(*a)),
                };
                out.push(claim_at(
                    pos,
                    ClaimKind::Completion {
                        subject,
                        budget_label: label,
                        budget,
                        actual: b,
                        percent: Some(percent),
                        relation: None,
                    },
                ));
                open = Some(out.len() - 1);
                actual = None;
            }
            Event::Word(relation) => {
                // "决算数小于预算数" after both a 年初预算 and a 全年预算 names
                // neither: it is read only when it holds, or fails, against
                // every budget stated
                let agreed = |b: Wan| {
                    let truths: Vec<bool> = budgets
                        .iter()
                        .filter_map(|(_, a, _)| {
                            relation
                                .sign()
                                .map(|s| b.value().cmp(&a.value()) as i8 == s)
                        })
                        .collect();
                    truths.windows(2).all(|w| w.first() == w.get(1))
                };
                if let Some(ClaimKind::Completion {
                    relation: r @ None,
                    actual,
                    ..
                }) = open.and_then(|i| out.get_mut(i)).map(|f| &mut f.claim.kind)
                {
                    if agreed(*actual) {
                        *r = Some(relation);
                    }
                    open = None;
                    continue;
                }
                let (Some((b, _)), Some((label, a, _))) = (actual, budgets.first()) else {
                    continue;
                };
                if !agreed(b) {
                    actual = None;
                    continue;
                }
                out.push(claim_at(
                    pos,
                    ClaimKind::Completion {
                        subject: subject_for(&budgets),
                        budget_label: label.clone(),
                        budget: Some(*a),
                        actual: b,
                        percent: None,
                        relation: Some(relation),
                    },
                ));
                open = None;
                actual = None;
            }
        }
    }
    out
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
    p: &Para,
    ctx: &Ctx<'_>,
    (s0, e0): (usize, usize),
    (ws, we): (usize, usize),
    ms: &[Mention],
    used: &mut [bool],
) -> Option<(usize, ClaimKind)> {
    // a clause is searched at most this far from the word
    let s0 = s0.max(ws.saturating_sub(2 * MAX_SUBJECT));
    let e0 = e0.min(we.saturating_add(2 * MAX_SUBJECT));
    let at = |i: usize| {
        if i < s0 || i >= e0 {
            None
        } else {
            p.norm_at(i)
        }
    };
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
    // mentions are in order: only those from the span's start are looked at
    let from_object = ms.partition_point(|m| m.start < object_span.0);
    let object_mention = (from_object..ms.len())
        .take_while(|&i| ms.get(i).is_some_and(|m| m.start < object_span.1))
        .find(|&i| {
            free(i, used)
                && ms
                    .get(i)
                    .is_some_and(|m| m.start >= object_span.0 && m.end <= object_span.1)
        });
    let (object, object_amount) = match object_mention.and_then(|i| ms.get(i)) {
        Some(m) => (
            comparison_side(&p.text(object_span.0, m.start), ctx),
            Some(Wan::new(m.amount)),
        ),
        None if has_digit(object_span.0, object_span.1) => return None,
        None => (
            comparison_side(&p.text(object_span.0, object_span.1), ctx),
            None,
        ),
    };
    // The subject: a mention inside its span; or, when the span is empty
    // ("X 万元，大于 …"), the sentence's last free mention before the word;
    // else its words (no number).
    let from_subject = ms.partition_point(|m| m.start < subject_span.0);
    let to_subject = ms.partition_point(|m| m.end <= subject_span.1);
    let in_span = (from_subject..to_subject.max(from_subject))
        .rev()
        .find(|&i| {
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
        None if span_empty => {
            let upto = ms.partition_point(|m| m.end <= ws);
            (upto.saturating_sub(CHANGE_LOOKBACK)..upto)
                .rev()
                .find(|&i| free(i, used) && ms.get(i).is_some_and(|m| m.start >= s0))
        }
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
                comparison_side(&p.text(from, m.start), ctx),
                Some(Wan::new(m.amount)),
                m.start,
            )
        }
        None if has_digit(subject_span.0, subject_span.1) => return None,
        None => (
            comparison_side(&p.text(subject_span.0, subject_span.1), ctx),
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

/// The whole a share names between 占 and its number ("占本年支出合计的
/// 99.86%" → `本年支出合计`); `None` for a bare "占 Y%" or "占比".
fn named_whole(tail: &str, number_at: usize) -> Option<String> {
    let before = tail.get(..number_at)?;
    let name = before
        .trim()
        .trim_start_matches([',', '，'])
        .trim()
        .strip_prefix('占')?
        .trim();
    let name = name.strip_prefix('比').unwrap_or(name).trim();
    let name = name.strip_suffix('的').unwrap_or(name).trim();
    let name = yusuan_money::text::squeeze(name);
    (name.chars().count() >= 2 && (name.ends_with("合计") || name.ends_with("总计")))
        .then_some(name)
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

/// 政府采购: the first sentence that states the procurement budget, with its
/// split into 货物 / 工程 / 服务 in the same sentence or the next ones
/// ("…总金额为 3742.4 万元。其中拟购买货物 525.4 万元；拟购买工程 500 万元…").
/// Words are matched without whitespace, so letter-spaced text ("拟 采 购 货
/// 物 支 出") is read.
pub(crate) fn procurement(p: &Paragraph) -> Option<Procurement> {
    let pp = Para::new(p);
    let pp = &pp;
    let sents = pp.sentences();
    for (k, &(s0, e0)) in sents.iter().enumerate() {
        let ns = yusuan_money::text::squeeze(&pp.norm(s0, e0));
        // the 中小企业 sentences are read by `matters::procurement_sme`
        if !ns.contains("政府采购") || crate::matters::mentions_sme(&ns) {
            continue;
        }
        let ms = mentions(pp, s0, e0);
        if ms.is_empty() {
            continue;
        }
        let mut pr = Procurement::default();
        let mut sentence = pp.printed(s0, e0);
        let read = |pr: &mut Procurement, ms: &[Mention]| {
            for m in ms {
                let subj = yusuan_money::text::squeeze(&pp.norm(m.subject_start, m.start));
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
        };
        read(&mut pr, &ms);
        // the split continues in the next sentences ("其中拟购买货物…")
        for &(s1, e1) in sents.iter().skip(k + 1).take(2) {
            if pr.goods.is_some() && pr.services.is_some() {
                break;
            }
            let n1 = yusuan_money::text::squeeze(&pp.norm(s1, e1));
            if !["货物", "工程", "服务"].iter().any(|w| n1.contains(w)) || n1.contains("总")
            {
                break;
            }
            let next = mentions(pp, s1, e1);
            if next.is_empty() {
                break;
            }
            read(&mut pr, &next);
            sentence.push_str(&pp.printed(s1, e1));
        }
        pr.sentence = Some(sentence);
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
/// A 决算's totals stated in the sections on its summary tables: 收入支出
/// 总计 (一、收入支出决算总体情况), 本年收入合计 (二、收入决算情况), 本年支出
/// 合计 (三、支出决算情况) against the 收入支出决算总表, 财政拨款收入支出总计
/// (四、财政拨款收入支出决算总体情况) against the 财政拨款收入支出决算总表;
/// the stated amount only (not a change or share).
fn final_total(claim: &Claim, t: &Tables) -> Option<CellRef> {
    if !matches!(
        claim.kind,
        ClaimKind::Amount { .. } | ClaimKind::Total { .. }
    ) {
        return None;
    }
    let section = yusuan_money::text::squeeze(claim.section.as_deref()?.split(" / ").next()?);
    let subject = yusuan_money::text::squeeze(claim.kind.subject());
    let (kind, line) = if section.contains("财政拨款收入支出决算总体情况") {
        match subject.as_str() {
            "财政拨款收入支出总计" => (
                TableKind::FinalFiscalAppropriationSummary,
                TLine::IncomeTotal,
            ),
            _ => return None,
        }
    } else if section.contains("收入支出决算总体情况") {
        match subject.as_str() {
            "收入支出总计" => (TableKind::FinalIncomeExpenditureSummary, TLine::IncomeTotal),
            _ => return None,
        }
    } else if section.contains("收入决算情况") && subject == "本年收入合计" {
        (
            TableKind::FinalIncomeExpenditureSummary,
            TLine::CurrentYearIncome,
        )
    } else if section.contains("支出决算情况")
        && !section.contains("财政拨款")
        && subject == "本年支出合计"
    {
        (
            TableKind::FinalIncomeExpenditureSummary,
            TLine::CurrentYearExpenditure,
        )
    } else {
        return None;
    };
    let row = RowKey::Line(line);
    t.final_accounts
        .table(kind)
        .is_some_and(|x| x.get(&row, Column::Total).is_some())
        .then(|| CellRef::new(kind, row, Column::Total))
}

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

/// A line of the 收支总表 by use or by source (江苏: 基本支出, 项目支出,
/// 单位预留机动经费; 财政专户管理资金, 其他资金; and the 财政拨款 / 一般公共
/// 预算 / 政府性基金 lines) named exactly by a claim of a paragraph on the
/// 收支（预算）总表, the 收入预算 or the 支出预算 ("基本支出预算数为 17,123.19
/// 万元", "单位预留机动经费 182.92 万元，占 0.64%"), or of one on the 财政
/// 拨款收支（预算）总表 (then that table's line): the cell, and for a share the
/// whole it is of, 本年收入合计 or 本年支出合计 of the same table (else 收入
/// 总计 / 支出总计). `None` when the table prints no such line.
fn summary_line_by_name(claim: &Claim, t: &Tables) -> Option<(CellRef, Option<CellRef>)> {
    if !matches!(
        claim.kind,
        ClaimKind::Amount { .. }
            | ClaimKind::Share { .. }
            | ClaimKind::Total { .. }
            | ClaimKind::Change { .. }
    ) {
        return None;
    }
    let section = yusuan_money::text::squeeze(claim.section.as_deref()?.split(" / ").next()?);
    let kind = if section.contains("财政拨款收支") {
        TableKind::FiscalAppropriationSummary
    } else if ![
        "财政拨款",
        "一般公共预算",
        "政府性基金",
        "国有资本",
        "基本支出",
        "三公",
    ]
    .iter()
    .any(|w| section.contains(w))
        && ["收支", "收入预算", "支出预算"]
            .iter()
            .any(|w| section.contains(w))
    {
        TableKind::IncomeExpenditureSummary
    } else {
        return None;
    };
    let table = match kind {
        TableKind::FiscalAppropriationSummary => t.fiscal_appropriation_summary.as_ref(),
        _ => t.income_expenditure_summary.as_ref(),
    }?;
    let sq = yusuan_money::text::squeeze(claim.kind.subject());
    let name = sq
        .strip_suffix("预算数")
        .or_else(|| sq.strip_suffix("预算"))
        .unwrap_or(&sq);
    let line = match name {
        "基本支出" => TLine::BasicExpenditure,
        "项目支出" => TLine::ProjectExpenditure,
        "单位预留机动经费" | "预留机动经费" => TLine::UnitReserveFund,
        "财政专户管理资金" => TLine::SpecialAccountFunds,
        "其他资金" => TLine::OtherFunds,
        "财政拨款收入" => TLine::FiscalAppropriationIncome,
        "一般公共预算收入" | "一般公共预算拨款收入" => {
            TLine::GeneralBudgetAppropriation
        }
        "政府性基金预算收入" | "政府性基金预算拨款收入" => {
            TLine::GovernmentFundAppropriation
        }
        _ => return None,
    };
    let row = RowKey::Line(line);
    table.find(&row)?;
    let income = table.income.iter().any(|r| r.key == row);
    let wholes = if income {
        [TLine::CurrentYearIncome, TLine::IncomeTotal]
    } else {
        [TLine::CurrentYearExpenditure, TLine::ExpenditureTotal]
    };
    let whole = wholes
        .iter()
        .map(|l| RowKey::Line(*l))
        .find(|r| table.find(r).is_some())
        .map(|r| CellRef::new(kind, r, Column::Total));
    Some((CellRef::new(kind, row, Column::Total), whole))
}

/// The period row of the "三公" table a subject quotes. A 决算's table
/// prints the year's 预算数 and 决算数: the subject's word chooses (决算,
/// else 预算), else a 决算 section's (a figure with neither word in "…支出
/// 决算情况说明" is the 决算数); a period the table does not print is none.
/// A budget's table prints 预算数 only: the document's year.
fn three_public_row(t: &Tables, subject: &str, section: Option<&str>, year: u16) -> Option<RowKey> {
    let periods = t
        .three_public_expenditure
        .as_ref()
        .map(|x| x.periods.as_slice());
    let has_final = periods.is_some_and(|ps| ps.iter().any(|p| p.basis == Basis::FinalAccounts));
    let budget = RowKey::Period(Period {
        year,
        basis: Basis::Budget,
    });
    if !has_final {
        return Some(budget);
    }
    let sq = yusuan_money::text::squeeze(subject);
    let section = section.map(yusuan_money::text::squeeze).unwrap_or_default();
    let basis = if sq.contains("决算") {
        Basis::FinalAccounts
    } else if sq.contains("预算") {
        Basis::Budget
    } else if section.contains("决算") && !section.contains("预算") {
        Basis::FinalAccounts
    } else {
        return None;
    };
    let period = Period { year, basis };
    periods
        .is_some_and(|ps| ps.contains(&period))
        .then_some(RowKey::Period(period))
}

/// The column of the "三公" table a subject names: an item (因公出国（境）
/// 费, 公务用车购置及运行（维护）费, its 购置 or its 运行（维护）, 公务接待
/// 费, 机关运行经费), or the 合计 ("三公"经费, or only the spending:
/// 支出决算, 年初预算). A subject with a figure or an aside in it, or a part
/// of an item (国内 / 外宾接待), names none.
fn three_public_column(subject: &str) -> Option<Column> {
    let s = yusuan_money::text::squeeze(subject);
    if s.chars().any(|c| c.is_ascii_digit())
        || ["含", "国内", "外宾", "外事"].iter().any(|w| s.contains(w))
    {
        return None;
    }
    let bare = [
        "财政拨款",
        "经费",
        "支出",
        "决算",
        "预算",
        "年初",
        "全年",
        "合计",
        "数",
    ]
    .iter()
    .fold(s.clone(), |r, w| r.replace(w, ""));
    Some(if s.contains("机关运行经费") {
        Column::AgencyOperation
    } else if s.contains("出国") {
        Column::OutboundTravel
    } else if s.contains("购置") && !s.contains("运行") {
        Column::VehiclePurchase
    } else if s.contains("运行") && !s.contains("购置") {
        Column::VehicleOperation
    } else if s.contains("公务用车") || s.contains("公务车") {
        // 公务车购置及运行费 is a variant spelling of 公务用车购置及运行费
        Column::Vehicles
    } else if s.contains("接待") {
        Column::Reception
    } else if s.contains("三公") || bare.is_empty() {
        Column::Total
    } else {
        return None;
    })
}

/// Sets `refers_to` where the section names a table and the subject names
/// one of its cells unambiguously; leaves it `None` otherwise.
pub(crate) fn resolve(claim: &mut Claim, ctx: &Ctx<'_>) {
    if let Some(cell) = final_total(claim, ctx.tables) {
        claim.refers_to = Some(cell);
        return;
    }
    if let Some((cell, whole)) = summary_line_by_name(claim, ctx.tables) {
        claim.refers_to = Some(cell);
        if let ClaimKind::Share {
            whole_refers_to, ..
        } = &mut claim.kind
        {
            *whole_refers_to = whole;
        }
        return;
    }
    let Some(table) = section_table(claim.section.as_deref()) else {
        return;
    };
    let t = ctx.tables;
    if !t.has(table) {
        // the 一般公共预算基本支出 stated when its table was not typed (a
        // 决算 prints it in halves) is the 基本支出 合计 of the 一般公共预算
        // 支出表, the same figure by definition
        let sq = yusuan_money::text::squeeze(claim.kind.subject());
        // a 决算's 人员经费 / 公用经费 are the 人员经费合计 / 公用经费合计 of
        // its 一般公共预算财政拨款基本支出决算表
        if table == TableKind::GeneralBudgetBasicExpenditure
            && t.has(TableKind::FinalBasicExpenditure)
            && matches!(
                claim.kind,
                ClaimKind::Amount { .. } | ClaimKind::Total { .. }
            )
        {
            let line = match sq.as_str() {
                "人员经费" | "人员经费合计" => Some(TLine::PersonnelTotal),
                "公用经费" | "公用经费合计" => Some(TLine::PublicTotal),
                _ => None,
            };
            if let Some(line) = line {
                claim.refers_to = Some(CellRef::new(
                    TableKind::FinalBasicExpenditure,
                    RowKey::Line(line),
                    Column::Total,
                ));
                return;
            }
        }
        if table == TableKind::GeneralBudgetBasicExpenditure
            && t.has(TableKind::GeneralBudgetExpenditure)
            && matches!(
                claim.kind,
                ClaimKind::Amount { .. } | ClaimKind::Total { .. }
            )
            && sq.ends_with("基本支出")
            && sq.contains("一般公共预算")
        {
            claim.refers_to = Some(CellRef::new(
                TableKind::GeneralBudgetExpenditure,
                RowKey::Total,
                Column::Basic,
            ));
        }
        return;
    }
    let cell = |row: RowKey, col: Column| Some(CellRef::new(table, row, col));
    use TableKind as K;
    let total_cell = match table {
        K::IncomeExpenditureSummary | K::FiscalAppropriationSummary => {
            cell(RowKey::Line(TLine::IncomeTotal), Column::Total)
        }
        K::ThreePublicExpenditure => {
            three_public_row(t, claim.kind.subject(), claim.section.as_deref(), ctx.year)
                .and_then(|row| cell(row, Column::Total))
        }
        _ => cell(RowKey::Total, Column::Total),
    };
    let three_col = three_public_column;
    // the rows searched by name, made only for the claims that search them
    let t5_rows = || {
        t.general_budget_expenditure
            .as_ref()
            .map(code_rows)
            .unwrap_or_default()
    };
    let fa_rows = || -> Vec<(yusuan_classification::Code, String)> {
        t.fiscal_appropriation_summary
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
            .unwrap_or_default()
    };
    let subject = claim.kind.subject().to_owned();
    let sq = yusuan_money::text::squeeze(&subject);
    let target = match (&claim.kind, table) {
        // a total of the "三公" table is the total of the item it names
        (ClaimKind::Total { .. }, K::ThreePublicExpenditure) => {
            three_col(&subject).and_then(|c| total_cell.map(|t| CellRef::new(table, t.row, c)))
        }
        (ClaimKind::Total { .. }, _) => total_cell,
        // "因公出国（境）费支出决算 0.00 万元，占 0.00%": the item, of the
        // 合计 of the same period
        (ClaimKind::Share { .. }, K::ThreePublicExpenditure) => {
            three_col(&subject).and_then(|c| total_cell.map(|t| CellRef::new(table, t.row, c)))
        }
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
                find_row(&t5_rows(), &subject).and_then(|r| cell(r, Column::Total))
            }
        }
        // "其中：人员经费 X 万元…；公用经费 Y 万元" in a sentence of its own
        (ClaimKind::Amount { .. }, K::GeneralBudgetBasicExpenditure) => {
            if sq.contains("人员经费") {
                cell(RowKey::Total, Column::Personnel)
            } else if sq.contains("公用经费") {
                cell(RowKey::Total, Column::Public)
            } else if sq.ends_with("基本支出") {
                total_cell
            } else {
                None
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
                find_row(&fa_rows(), &subject).and_then(|r| cell(r, Column::Total))
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
        (ClaimKind::NoAmount { .. }, K::GovernmentFundExpenditure | K::StateCapitalExpenditure) => {
            total_cell
        }
        // "没有因公出国（境）事项支出" is about that item; "无此项支出" names none
        (ClaimKind::NoAmount { .. }, K::ThreePublicExpenditure) => {
            three_col(&subject).and_then(|c| total_cell.map(|t| CellRef::new(table, t.row, c)))
        }
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
        } if whole_subject.is_some() || table == K::ThreePublicExpenditure => {
            *whole_refers_to = total_cell;
        }
        ClaimKind::Comparison {
            object,
            object_refers_to,
            ..
        } => {
            *object_refers_to = summary_line_cell(t, table, object, ctx.year);
        }
        // "支出决算为 0.39 万元，其中：因公出国（境）费决算为 0.00 万元…":
        // each part is its item, of the period it names, else the total's
        ClaimKind::Total { parts, .. } if table == K::ThreePublicExpenditure => {
            for part in parts {
                let row = three_public_row(t, &part.subject, None, ctx.year)
                    .or_else(|| total_cell.map(|c| c.row));
                part.refers_to = row
                    .zip(three_col(&part.subject))
                    .map(|(r, c)| CellRef::new(table, r, c));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_numbering_unit_year_and_trailing_words() {
        let tables = Tables::default();
        let ctx = Ctx {
            unit_name: "上海市普陀区万里街道办事处",
            year: 2025,
            tables: &tables,
        };
        // (raw, cleaned): each by the rule its comment names
        for (raw, expected) in [
            // numbering, as printed and full width
            ("（一）基本支出", "基本支出"),
            ("(12)项目支出", "项目支出"),
            ("十一、机关运行经费", "机关运行经费"),
            ("1．工资福利支出", "工资福利支出"),
            ("１．工资福利支出", "工资福利支出"),
            ("3.商品和服务支出", "商品和服务支出"),
            // not numbering: no closing parenthesis, letters inside, no mark
            ("（一基本支出", "（一基本支出"),
            ("（其中）公用经费", "（其中）公用经费"),
            ("一般公共预算", "一般公共预算"),
            ("2025年度一般公共预算", "一般公共预算"),
            // 其中, the unit's name, 本单位
            ("其中：人员经费", "人员经费"),
            ("上海市普陀区万里街道办事处 本单位收入", "收入"),
            // trailing year, 预算数, 为, 科目
            ("一般公共服务支出2025年预算数为", "一般公共服务支出"),
            ("行政运行科目", "行政运行"),
            // quotes: a kept pair stays, a lone one goes
            ("“三公”经费", "“三公”经费"),
            ("“三公经费", "三公经费"),
            ("", ""),
        ] {
            assert_eq!(clean_subject(raw, &ctx), expected, "{raw:?}");
        }
    }

    #[test]
    fn local_patterns_compile() {
        for re in [&BUDGET_RE, &ACTUAL_RE, &DONE_RE, &WORD_RE] {
            assert!(lazy_re(re).is_some());
        }
        assert!(!std::ptr::eq(change_re(), patterns::change()));
        assert!(!std::ptr::eq(rate_re(), patterns::rate_after()));
    }

    #[test]
    fn asides_are_blanked_keeping_the_length() {
        let n: Vec<char> = "比2022年(上一年度,下同)预算增加1421.25万元(含税)"
            .chars()
            .collect();
        let out: String = blank_asides(n.clone()).into_iter().collect();
        assert_eq!(out.chars().count(), n.len());
        let blanked = format!(
            "比2022年{}预算增加",
            " ".repeat("(上一年度,下同)".chars().count())
        );
        assert!(out.starts_with(&blanked), "{out}");
        assert!(out.ends_with("(含税)"), "{out}");
    }

    #[test]
    fn letter_spacing_is_removed_and_the_sentence_kept_as_printed() {
        let text = "与 上 年 相 比 收 、 支 预 算 总 计 各 增 加 3,958.67 万 元 ， 增长 21.95 %。";
        let p = Paragraph {
            section: None,
            text: text.into(),
            norm: yusuan_money::text::normalize(text),
            line_of: vec![1; text.chars().count()],
        };
        let pp = Para::new(&p);
        let all: String = pp.norm.iter().collect();
        assert_eq!(
            all,
            "与上年相比收、支预算总计各增加 3,958.67 万元,增长 21.95 %。"
        );
        let sents = pp.sentences();
        assert_eq!(sents.len(), 1);
        let (a, b) = sents[0];
        assert_eq!(pp.printed(a, b), text);
    }
}
