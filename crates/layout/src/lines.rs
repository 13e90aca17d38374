//! Pages into lines of tokens, and what kind of line each is.

use std::borrow::Cow;

use yusuan_tables::AmountUnit;

use crate::geometry::BBox;
use crate::text::{
    han_count, is_amount, is_digits, is_han, squeeze, squeezed, starts_with_ordinal,
};
use crate::{Page, Settings, Word};

/// A token: a word (or letter-spaced word) with its box. Its text is
/// borrowed from the page's word unless made of several (a token of its
/// own each was a third of the allocations of finding a PDF's tables).
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub b: BBox,
    pub text: Cow<'a, str>,
    /// Counted as an amount candidate (an amount-looking word that is not
    /// a year such as the `2017` of `2017 年度`).
    pub amount: bool,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    PageNumber,
    Unit(AmountUnit),
    Note,
    PartHeading,
    EmptyMarker,
    Label,
    Boilerplate,
    Lanci,
    Prose,
    Content,
}

#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub toks: Vec<Tok<'a>>,
    pub b: BBox,
    pub kind: Kind,
    /// Tokens joined by single spaces.
    pub text: String,
}

impl Line<'_> {
    pub fn has_amount(&self) -> bool {
        self.toks.iter().any(|t| t.amount)
    }
}

/// A page as lines.
#[derive(Debug, Clone)]
pub(crate) struct PageLines<'a> {
    pub number: u32,
    pub em: f64,
    /// Words on a character grid (pdftotext -layout text): lines touch.
    pub grid: bool,
    pub lines: Vec<Line<'a>>,
}

pub(crate) fn page_lines<'a>(page: &'a Page, s: &Settings) -> PageLines<'a> {
    let mut heights: Vec<f64> = page
        .words
        .iter()
        .map(|w| w.y1 - w.y0)
        .filter(|h| h.is_finite() && *h > 0.0)
        .collect();
    heights.sort_by(f64::total_cmp);
    let em = heights
        .get(heights.len() / 2)
        .copied()
        .unwrap_or(1.0)
        .max(1e-6);
    let mut order: Vec<usize> = (0..page.words.len()).collect();
    order.sort_by(|a, b| {
        let wa = page.words.get(*a).map_or(0.0, |w| w.cy());
        let wb = page.words.get(*b).map_or(0.0, |w| w.cy());
        wa.total_cmp(&wb)
    });
    // the words of each line (runs of `order` within the tolerance of the
    // line's first word), each line's tokens made at their final size
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut kept: Vec<&Word> = Vec::with_capacity(order.len());
    let mut line_y = f64::NAN;
    for i in order {
        let Some(w) = page.words.get(i) else { continue };
        if !(w.x0.is_finite() && w.x1.is_finite() && w.y0.is_finite() && w.y1.is_finite()) {
            continue;
        }
        if w.text.trim().is_empty() {
            continue;
        }
        let cy = w.cy();
        match runs.last_mut() {
            Some(r) if (cy - line_y).abs() <= s.line_tolerance * em => r.end += 1,
            _ => {
                line_y = cy;
                runs.push(kept.len()..kept.len() + 1);
            }
        }
        kept.push(w);
    }
    // the squeezed text of a line, one buffer for all of them
    let mut squeezed_text = String::new();
    let lines = runs
        .into_iter()
        .map(|r| {
            let mut toks: Vec<Tok> = kept
                .get(r)
                .unwrap_or_default()
                .iter()
                .map(|w| Tok {
                    b: BBox::new(w.x0, w.y0, w.x1, w.y1),
                    text: Cow::Borrowed(w.text.trim()),
                    amount: false,
                })
                .collect();
            toks.sort_by(|a, b| a.b.x0.total_cmp(&b.b.x0));
            merge_letter_spaced(&mut toks, s.letter_gap * em);
            mark_amounts(&mut toks);
            let b = toks
                .iter()
                .map(|t| t.b)
                .reduce(BBox::union)
                .unwrap_or_default();
            let mut text =
                String::with_capacity(toks.iter().map(|t| t.text.len() + 1).sum::<usize>());
            for (k, t) in toks.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(&t.text);
            }
            let mut line = Line {
                toks,
                b,
                kind: Kind::Content,
                text,
            };
            line.kind = classify(&line, s, &mut squeezed_text);
            line
        })
        .collect();
    let grid = !page.words.is_empty()
        && page
            .words
            .iter()
            .all(|w| (w.y1 - w.y0 - 1.0).abs() < 1e-9 && w.y0.fract() == 0.0);
    PageLines {
        number: page.number,
        em,
        grid,
        lines,
    }
}

fn single_han(t: &str) -> bool {
    let mut c = t.chars();
    matches!((c.next(), c.next()), (Some(a), None) if is_han(a))
}

/// Joins letter-spaced single ideographs (`收   入   总   计`).
fn merge_letter_spaced(toks: &mut Vec<Tok<'_>>, max_gap: f64) {
    let mut last_spaced = false;
    // `t` is removed (merged into `last`, the token kept before it) when
    // this says so
    toks.dedup_by(|t, last| {
        let gap = t.b.x0 - last.b.x1;
        let merge = single_han(&t.text)
            && (last_spaced || single_han(&last.text))
            && gap <= max_gap
            && gap >= -max_gap;
        if merge {
            last.text.to_mut().push_str(&t.text);
            last.b = last.b.union(t.b);
        }
        last_spaced = merge;
        merge
    });
}

fn mark_amounts(toks: &mut [Tok<'_>]) {
    let n = toks.len();
    for i in 0..n {
        // most words are no amount: the year test is for those that are
        if !toks.get(i).is_some_and(|t| is_amount(&t.text)) {
            if let Some(t) = toks.get_mut(i) {
                t.amount = false;
            }
            continue;
        }
        let year = {
            let this = toks.get(i).map(|t| &*t.text).unwrap_or("");
            let next = toks.get(i + 1).map(|t| &*t.text).unwrap_or("");
            let prev = i
                .checked_sub(1)
                .and_then(|k| toks.get(k))
                .map(|t| &*t.text)
                .unwrap_or("");
            let label = is_digits(this)
                && (prev.ends_with("公开") || prev.ends_with("公开表") || next.starts_with('表'));
            label || is_digits(this) && this.len() == 4 && next.starts_with('年')
        };
        if let Some(t) = toks.get_mut(i) {
            t.amount = !year;
        }
    }
}

/// The unit a line declares (`单位：万元`, `金额单位：元`), if any.
pub(crate) fn unit_of(sq: &str) -> Option<AmountUnit> {
    // every pattern starts with 单位: one search rules out most lines
    if !sq.contains("单位") {
        return None;
    }
    for (pat, unit) in [
        ("单位：万元", AmountUnit::Wan),
        ("单位:万元", AmountUnit::Wan),
        ("单位（万元）", AmountUnit::Wan),
        ("单位(万元)", AmountUnit::Wan),
        ("单位：元", AmountUnit::Yuan),
        ("单位:元", AmountUnit::Yuan),
        ("单位（元）", AmountUnit::Yuan),
        ("单位(元)", AmountUnit::Yuan),
    ] {
        if sq.contains(pat) {
            return Some(unit);
        }
    }
    None
}

/// The printed number label inside `s` (`公开 07 表`, `单位公开表3`,
/// `部门公开表 3`), as a byte range.
pub(crate) fn number_label(s: &str) -> Option<(usize, usize)> {
    // both forms hold 公开: one search rules out most lines
    if !s.contains("公开") {
        return None;
    }
    // 公开表 N, with an optional 部门/单位 before it.
    if let Some(p) = s.find("公开表") {
        let start = ["部门", "单位"]
            .iter()
            .find(|pre| s.get(..p).is_some_and(|h| h.ends_with(*pre)))
            .map_or(p, |pre| p - pre.len());
        let after = p + "公开表".len();
        let rest = s.get(after..).unwrap_or("");
        let ws = rest.len() - rest.trim_start().len();
        let digits = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 {
            return Some((start, after + ws + digits));
        }
    }
    // 公开 N 表
    let mut from = 0;
    while let Some(rel) = s.get(from..).and_then(|r| r.find("公开")) {
        let p = from + rel;
        let after = p + "公开".len();
        let rest = s.get(after..).unwrap_or("");
        let t = rest.trim_start();
        let ws = rest.len() - t.len();
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            let t2 = t.get(digits..).unwrap_or("");
            let t3 = t2.trim_start();
            if t3.starts_with('表') {
                let end = after + ws + digits + (t2.len() - t3.len()) + '表'.len_utf8();
                return Some((p, end));
            }
        }
        from = after;
    }
    None
}

fn is_page_number(sq: &str, max_digits: usize) -> bool {
    // 第 3 页 共 20 页, 3/20
    if let Some(rest) = sq.strip_prefix('第') {
        if let Some((a, b)) = rest.split_once("页共") {
            let b = b.strip_suffix('页').unwrap_or(b);
            return is_digits(a) && is_digits(b);
        }
    }
    if let Some((a, b)) = sq.split_once('/') {
        if is_digits(a) && is_digits(b) && a.len() <= max_digits && b.len() <= max_digits {
            return true;
        }
    }
    let core = sq
        .trim_matches(|c| c == '-' || c == '—' || c == '－')
        .trim_start_matches('第')
        .trim_end_matches('页');
    is_digits(core) && core.len() <= max_digits && sq.len() <= max_digits + 8
}

fn is_lanci(line: &Line) -> bool {
    let mut expect = 1u32;
    let mut n = 0;
    let mut named = false;
    for t in &line.toks {
        // most tokens have no whitespace to squeeze out
        let sq = if t.text.contains(char::is_whitespace) {
            std::borrow::Cow::Owned(squeeze(&t.text))
        } else {
            std::borrow::Cow::Borrowed(&*t.text)
        };
        if sq == "栏次" || sq == "行次" {
            named = true;
            continue;
        }
        match sq.parse::<u32>() {
            Ok(v) if v == expect && is_digits(&sq) => {
                expect += 1;
                n += 1;
            }
            _ => return false,
        }
    }
    n >= 3 || named && n >= 1
}

/// Heading vocabulary of the row-name and code columns (not amount columns).
pub(crate) fn is_label_heading(text: &str) -> bool {
    let sq = squeezed(text);
    matches!(
        &*sq,
        "项目"
            | "类"
            | "款"
            | "项"
            | "类款项"
            | "类款"
            | "栏次"
            | "行次"
            | "科目"
            | "序号"
            | "编码"
    ) || ["编码", "名称", "代码", "科目编码"]
        .iter()
        .any(|e| sq.ends_with(e))
}

/// What `line` is; `buf` holds its squeezed text (given to reuse its
/// allocation).
fn classify(line: &Line, s: &Settings, buf: &mut String) -> Kind {
    buf.clear();
    yusuan_money::text::push_unspaced(&line.text, buf);
    let sq: &str = buf;
    if line.toks.len() <= 6 {
        let digit_words = line.toks.iter().filter(|t| is_digits(&t.text)).count();
        if (digit_words == 1 || digit_words == 2 && sq.contains('共'))
            && is_page_number(sq, s.page_number_max_digits)
        {
            return Kind::PageNumber;
        }
    }
    // counted only for the tests that need it (most lines reach none)
    let hans = || han_count(sq);
    if let Some(u) = unit_of(sq) {
        if hans() < 40 {
            return Kind::Unit(u);
        }
    }
    for p in [
        "注：",
        "注:",
        "说明：",
        "说明:",
        "备注：",
        "备注:",
        "注释：",
    ] {
        if sq.starts_with(p) {
            return Kind::Note;
        }
    }
    if sq.starts_with('第') && sq.chars().take(6).collect::<String>().contains("部分") {
        return Kind::PartHeading;
    }
    if sq == "无"
        || !line.has_amount()
            && ["此表为空", "本表为空", "本表无数据", "无数据", "空表"]
                .iter()
                .any(|m| sq.contains(m))
            && hans() < 30
    {
        return Kind::EmptyMarker;
    }
    if let Some((a, b)) = number_label(sq) {
        let rest: String = sq
            .get(..a)
            .unwrap_or("")
            .chars()
            .chain(sq.get(b..).unwrap_or("").chars())
            .filter(|c| !matches!(c, '：' | ':' | '　'))
            .collect();
        if rest.is_empty() {
            return Kind::Label;
        }
    }
    for p in [
        "编制单位",
        "编制部门",
        "部门名称",
        "单位名称：",
        "预算单位：",
        "预算主管部门",
        "部门：",
        "部门:",
        "单位：",
        "单位:",
    ] {
        if sq.starts_with(p) {
            return Kind::Boilerplate;
        }
    }
    if is_lanci(line) {
        return Kind::Lanci;
    }
    if (sq.contains('，') || sq.contains('。') || sq.contains('；')) && hans() >= s.prose_min_han
    {
        return Kind::Prose;
    }
    if !line.has_amount()
        && (sq.ends_with("说明") || sq.ends_with("情况"))
        && (starts_with_ordinal(sq) || sq.starts_with("关于") || hans() <= 12)
    {
        return Kind::PartHeading;
    }
    Kind::Content
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let s = "公开 08 表：一般公共预算基本支出预算表";
        let (a, b) = number_label(s).unwrap();
        assert_eq!(&s[a..b], "公开 08 表");
        let s = "单位公开表 1";
        let (a, b) = number_label(s).unwrap();
        assert_eq!(&s[a..b], "单位公开表 1");
        let s = "部门公开表3";
        let (a, b) = number_label(s).unwrap();
        assert_eq!(&s[a..b], "部门公开表3");
        assert!(number_label("公开透明").is_none());
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("19", 3));
        assert!(is_page_number("-19-", 3));
        assert!(is_page_number("第3页", 3));
        assert!(!is_page_number("2024", 3));
        assert!(!is_page_number("1.5", 3));
        assert!(is_page_number("第3页共20页", 3));
        assert!(is_page_number("3/20", 3));
        assert!(!is_page_number("3/2024", 3));
    }
}
