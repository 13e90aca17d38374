//! The document's own text for the document-level checks
//! ([`yusuan_tables::DocumentText`]): the cover's unit, the part and
//! section headings, the table titles, the 目录 entries, the notes under
//! the tables, the dated statements (截至…) and the prose sentences.
//!
//! Everything is kept as printed (whitespace removed), with its line
//! number; judging it is the work of yusuan-reconcile.

use once_cell::sync::Lazy;
use regex::Regex;
use yusuan_tables::{DocumentText, Heading, HeadingKind, Passage};

use crate::segment::{starts_numbered, Part, PartKind};
use crate::source::Source;

macro_rules! regex {
    ($name:ident, $re:expr) => {
        fn $name() -> &'static Regex {
            // A literal, compiled by the tests below: it cannot fail.
            #[allow(clippy::expect_used)]
            static RE: Lazy<Regex> = Lazy::new(|| Regex::new($re).expect("valid literal regex"));
            &RE
        }
    };
}

// "上海市普陀区规划和自然资源局2024年度部门决算": the unit before the year.
regex!(
    unit_then_year,
    r"^(.*?)([0-9]{4})年度?(?:区级|市级|县级|省级)?(?:部门|单位)(?:预算|决算)"
);
// "2017年度江苏省高级人民法院部门预算公开": the unit after the year.
regex!(
    year_then_unit,
    r"^([0-9]{4})年度?(.+?)(?:部门|单位)?(?:预算|决算)"
);
// An unnumbered part heading naming a unit and a year, alone on its line:
// "上海市规划和自然资源局2024年度部门决算表".
regex!(
    unit_year_heading,
    r"^(.{2,40}?)([0-9]{4})年度?(?:部门|单位)(?:预算|决算)(?:表|情况说明|公开)?$"
);
regex!(part_heading, r"^第[一二三四五六七八九十]+部分");
regex!(dated, r"截至[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?");

/// Words a complete heading ends with; a heading ending otherwise may
/// continue on the next line ("…2024年度部门决算" + "表").
const HEADING_ENDS: &[&str] = &[
    "表", "说明", "概况", "解释", "职能", "职责", "构成", "情况", "目标", "设置", "事项", "附件",
];

fn ends_complete(s: &str) -> bool {
    HEADING_ENDS.iter().any(|e| s.ends_with(e))
}

/// Sentence ends (normalised: `；` is `;`).
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?')
}

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// A 目录 entry without its dot leaders and page number.
fn strip_leaders(s: &str) -> String {
    let cut = s
        .find(['…', '·', '━', '─'])
        .or_else(|| s.find(".."))
        .unwrap_or(s.len());
    let t = s.get(..cut).unwrap_or(s);
    let t = if cut < s.len() {
        t
    } else {
        t.trim_end_matches(|c: char| c.is_ascii_digit())
    };
    t.trim_end_matches(['.', '。']).to_owned()
}

/// A unit name that is only a place (上海市, 上海市普陀区, 江苏省): the cover
/// of a Shanghai budget names the district, not the unit.
pub(crate) fn is_place_only(name: &str) -> bool {
    let mut rest = name.strip_prefix("中共").unwrap_or(name);
    if rest.is_empty() {
        return true;
    }
    loop {
        let Some(pos) = rest.find(['省', '市', '区', '县']) else {
            return false;
        };
        let head_chars = rest.get(..pos).map_or(0, |h| h.chars().count());
        if !(1..=6).contains(&head_chars) {
            return false;
        }
        rest = rest.get(pos + '省'.len_utf8()..).unwrap_or_default();
        if rest.is_empty() {
            return true;
        }
    }
}

/// The unit named on the cover, from its first lines (up to the 目录), and
/// the index of the line after the cover's title (`None`: no title found).
fn cover_unit(norm: &[&str], end: usize) -> (Option<String>, Option<usize>) {
    let mut joined = String::new();
    let mut taken = 0;
    for (i, s) in norm.iter().enumerate().take(end) {
        if s.is_empty() || digits_only(s) {
            continue;
        }
        taken += 1;
        if taken > 5 {
            break;
        }
        joined.push_str(s);
        let unit = if let Some(c) = unit_then_year().captures(&joined) {
            c.get(1).map(|m| m.as_str().to_owned())
        } else {
            year_then_unit()
                .captures(&joined)
                .and_then(|c| c.get(2).map(|m| m.as_str().to_owned()))
        };
        if let Some(u) = unit {
            let u = u.trim_end_matches(['_', '-', ':']).to_owned();
            let unit = (!u.is_empty() && !is_place_only(&u)).then_some(u);
            return (unit, Some(i + 1));
        }
    }
    (None, None)
}

/// `财政拨款支出预算表(功能科目)`, `收入决算表(续)`: the bracketed suffix
/// removed.
fn strip_paren_suffix(s: &str) -> &str {
    match (s.ends_with(')'), s.rfind('(')) {
        (true, Some(open)) => s.get(..open).unwrap_or(s),
        _ => s,
    }
}

/// A short line ending with 表: a table title (or a heading naming one).
fn is_table_title(s: &str) -> bool {
    let t = strip_paren_suffix(s);
    let n = s.chars().count();
    t.ends_with('表')
        && (3..=60).contains(&n)
        && !s.contains('。')
        && !s.contains(',')
        && !s.contains(';')
        && !s.starts_with('注')
        && !s.starts_with("说明")
        && !s.starts_with("本表")
        && !s.starts_with("详见")
        && !part_heading().is_match(s)
}

/// A table title broken over two lines: line `i` (no 表 at its end) and a
/// short line `k` after it ending with 表; returns `k`.
fn wrapped_title(norm: &[&str], i: usize) -> Option<usize> {
    let s = norm.get(i)?;
    let n = s.chars().count();
    if !(4..=50).contains(&n)
        || s.ends_with('表')
        || s.contains('。')
        || s.contains(',')
        || s.chars().filter(char::is_ascii_digit).count() > 6
    {
        return None;
    }
    let k = (i + 1..i + 3).find(|&k| norm.get(k).is_some_and(|t| !t.is_empty()))?;
    let t = norm.get(k)?;
    (t.chars().count() <= 6 && t.ends_with('表') && is_table_title(&format!("{s}{t}"))).then_some(k)
}

/// A numbered section heading: `一、收入支出决算总体情况说明`.
fn is_section_heading(s: &str) -> bool {
    starts_numbered(s)
        && s.chars().count() <= 40
        && !s.contains('。')
        && !s.contains(',')
        && !s.contains(';')
        && !s.contains(':')
        && ends_complete(s)
}

/// Which lines are headings.
struct HeadingLines(Vec<bool>);

impl HeadingLines {
    fn push(&mut self, i: usize) {
        if let Some(h) = self.0.get_mut(i) {
            *h = true;
        }
    }

    fn has(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}

/// Reads the [`DocumentText`] of the text.
pub(crate) fn document_text(src: &Source, parts: &[Part]) -> DocumentText {
    let norm: Vec<&str> = src.lines.iter().map(|l| l.squeezed()).collect();
    let n = norm.len();
    let get = |i: usize| norm.get(i).copied().unwrap_or_default();
    // a line as printed, without whitespace (made for the few lines shown)
    let show = |i: usize| {
        src.lines
            .get(i)
            .map(|l| {
                l.raw
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
            })
            .unwrap_or_default()
    };
    let number = |i: usize| src.lines.get(i).map_or(0, |l| l.number);

    // ---- table regions: a table's part, up to the next part or section heading
    let regions: Vec<(usize, usize, &Part)> = parts
        .iter()
        .filter(|p| matches!(p.kind, PartKind::Table(_) | PartKind::UnknownTable))
        .map(|p| {
            let from = p.unit_line.unwrap_or(p.start) + 1;
            let end = (from..p.end)
                .find(|&i| {
                    let s = get(i);
                    part_heading().is_match(s) || (is_section_heading(s) && !is_table_title(s))
                })
                .unwrap_or(p.end);
            (p.start, end, p)
        })
        .collect();
    let mut table_line = vec![false; n];
    for &(s, e, _) in &regions {
        for t in table_line.get_mut(s..e.min(n)).unwrap_or_default() {
            *t = true;
        }
    }
    let in_table = |i: usize| table_line.get(i).copied().unwrap_or(false);

    // ---- the 目录 and the cover before it
    let toc = (0..n.min(120)).find(|&i| get(i) == "目录");
    let mut out = DocumentText::default();
    let mut contents_end = toc.map_or(0, |t| t + 1);
    if let Some(t) = toc {
        let mut first: Option<String> = None;
        let mut i = t + 1;
        while i < n {
            let s = get(i);
            if in_table(i) {
                break;
            }
            if s.is_empty() || digits_only(s) {
                i += 1;
                continue;
            }
            let core = strip_leaders(s);
            if first.as_deref() == Some(core.as_str()) {
                break;
            }
            let entry = starts_numbered(s)
                || part_heading().is_match(s)
                || s.contains('…')
                || s.contains("...")
                || is_table_title(&core);
            let short = s.chars().count() <= 8;
            if entry {
                if first.is_none() {
                    first = Some(core.clone());
                }
                out.contents
                    .push(Passage::new(strip_leaders(&show(i)), number(i)));
            } else if short {
                if let Some(last) = out.contents.last_mut() {
                    if !ends_complete(&last.text) || core.starts_with('表') || core == "说明" {
                        last.text.push_str(&strip_leaders(&show(i)));
                    }
                }
            } else {
                break;
            }
            i += 1;
        }
        contents_end = i;
    }
    let (unit, title_end) = cover_unit(&norm, toc.unwrap_or(n.min(8)));
    out.cover_unit = unit;
    // without a 目录, the cover is its title's lines
    let cover_end = toc.or(title_end).unwrap_or(0);
    let in_contents = |i: usize| toc.is_some_and(|t| t <= i && i < contents_end);
    let skip_front = |i: usize| i < cover_end || in_contents(i);

    // ---- the notes under the tables
    let amount_like = |s: &str| {
        s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .any(|t| t.contains('.') && t.chars().filter(char::is_ascii_digit).count() >= 2)
    };
    for &(_, end, p) in &regions {
        let from = p.unit_line.unwrap_or(p.start) + 1;
        let Some(first_note) = (from..end).find(|&i| {
            let s = get(i);
            s.starts_with("注") || s.starts_with("说明:") || s.starts_with("备注:")
        }) else {
            continue;
        };
        let mut current: Option<Passage> = None;
        for i in first_note..end {
            let s = get(i);
            if s.is_empty() || digits_only(s) || Some(i) == p.title || amount_like(s) {
                continue;
            }
            let opens = s.starts_with("注") || s.starts_with("说明:") || s.starts_with("备注:");
            match (&mut current, opens) {
                (Some(c), false) if !c.text.ends_with(['。', ':', '：']) => {
                    c.text.push_str(&show(i))
                }
                _ => {
                    if let Some(c) = current.take() {
                        out.table_notes.push(c);
                    }
                    current = Some(Passage::new(show(i), number(i)));
                }
            }
        }
        if let Some(c) = current {
            out.table_notes.push(c);
        }
    }

    // ---- headings
    let mut heading_lines = HeadingLines(vec![false; n]);
    let mut i = cover_end;
    while i < n {
        if skip_front(i) {
            i += 1;
            continue;
        }
        let s = get(i);
        if s.is_empty() {
            i += 1;
            continue;
        }
        if part_heading().is_match(s) {
            let mut text = show(i);
            heading_lines.push(i);
            if !ends_complete(s) {
                // "第二部分 …2024年度部门决算" + "表": the rest on a following line
                if let Some(k) = (i + 1..n.min(i + 4)).find(|&k| !get(k).is_empty()) {
                    let t = get(k);
                    if t.chars().count() <= 24
                        && !starts_numbered(t)
                        && !part_heading().is_match(t)
                        && !t.contains("单位:")
                        && !t.contains('。')
                    {
                        text.push_str(&show(k));
                        heading_lines.push(k);
                        out.headings
                            .push(Heading::new(HeadingKind::Part, text, number(i)));
                        i = k + 1;
                        continue;
                    }
                }
            }
            out.headings
                .push(Heading::new(HeadingKind::Part, text, number(i)));
        } else if s.chars().count() <= 48
            && !s.contains(',')
            && !s.contains('。')
            && unit_year_heading().is_match(s)
        {
            heading_lines.push(i);
            out.headings
                .push(Heading::new(HeadingKind::Part, show(i), number(i)));
        } else if is_table_title(s) {
            heading_lines.push(i);
            out.headings
                .push(Heading::new(HeadingKind::Table, show(i), number(i)));
        } else if let Some(k) = wrapped_title(&norm, i) {
            // "…“三公”经费、会议费、培训费支出预" + "算表"
            heading_lines.push(i);
            heading_lines.push(k);
            out.headings.push(Heading::new(
                HeadingKind::Table,
                format!("{}{}", show(i), show(k)),
                number(i),
            ));
            i = k + 1;
            continue;
        } else if !in_table(i) && is_section_heading(s) {
            heading_lines.push(i);
            out.headings
                .push(Heading::new(HeadingKind::Section, show(i), number(i)));
        }
        i += 1;
    }

    // ---- sentences of the prose, rejoined across lines
    let mut chars: Vec<(char, usize)> = Vec::new();
    let flush = |chars: &mut Vec<(char, usize)>, out: &mut Vec<Passage>| {
        let mut start = 0;
        let mut k = 0;
        while k < chars.len() {
            let c = chars.get(k).map_or(' ', |x| x.0);
            if is_terminal(yusuan_money::text::normalize_char(c)) {
                // a run of punctuation stays with its sentence ("。。")
                while chars.get(k + 1).is_some_and(|x| {
                    let d = yusuan_money::text::normalize_char(x.0);
                    is_terminal(d) || matches!(d, ',' | '、' | ':')
                }) {
                    k += 1;
                }
                push_sentence(chars.get(start..=k).unwrap_or_default(), out);
                start = k + 1;
            }
            k += 1;
        }
        push_sentence(chars.get(start..).unwrap_or_default(), out);
        chars.clear();
    };
    for i in cover_end..n {
        let s = get(i);
        let prose = !skip_front(i) && !in_table(i) && !heading_lines.has(i) && !digits_only(s);
        if !prose {
            if !s.is_empty() || in_table(i) || heading_lines.has(i) {
                flush(&mut chars, &mut out.sentences);
            }
            continue;
        }
        let line = number(i);
        chars.extend(
            src.lines
                .get(i)
                .into_iter()
                .flat_map(|l| l.raw.chars())
                .filter(|c| !c.is_whitespace())
                .map(|c| (c, line)),
        );
    }
    flush(&mut chars, &mut out.sentences);
    out.sentences.retain(|p| {
        // lines of punctuation only ("。。" filling a template's list) are no prose
        p.text
            .chars()
            .any(|c| c.is_alphanumeric() && !c.is_ascii_punctuation())
    });

    // ---- dated statements
    for p in &out.sentences {
        let sq = yusuan_money::text::squeeze(&p.text);
        if dated().is_match(&sq) {
            let from = p.text.find("截至").unwrap_or(0);
            let text: String = p
                .text
                .get(from..)
                .unwrap_or(&p.text)
                .chars()
                .take(60)
                .collect();
            out.dated.push(Passage::new(text, p.line));
        }
    }
    out
}

fn push_sentence(chars: &[(char, usize)], out: &mut Vec<Passage>) {
    let Some(&(_, line)) = chars.first() else {
        return;
    };
    let text: String = chars.iter().map(|x| x.0).collect();
    if !text.is_empty() {
        out.push(Passage::new(text, line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        assert!(unit_then_year().is_match("上海市XX局2024年度部门决算"));
        assert!(year_then_unit().is_match("2017年度江苏省高级人民法院部门预算公开"));
        assert!(unit_year_heading().is_match("上海市规划和自然资源局2024年度部门决算表"));
        assert!(part_heading().is_match("第二部分上海市"));
        assert!(dated().is_match("截至2024年12月31日"));
    }

    #[test]
    fn places_are_not_units() {
        assert!(is_place_only("上海市"));
        assert!(is_place_only("上海市普陀区"));
        assert!(is_place_only("江苏省"));
        assert!(!is_place_only("上海市XX局"));
        assert!(!is_place_only("上海市普陀区规划和自然资源局"));
        assert!(!is_place_only("中共上海市普陀区委社会工作部"));
    }

    #[test]
    fn leaders_are_stripped() {
        assert_eq!(strip_leaders("一、部门主要职能……………3"), "一、部门主要职能");
        assert_eq!(
            strip_leaders("十一、其他重要事项说明"),
            "十一、其他重要事项说明"
        );
    }

    #[test]
    fn a_small_final_account() {
        let text = "上海市普陀区规划和自然\n    资源局\n 2024 年度部门决算\n             目   录\n\n第一部分 上海市普陀区规划和自然资源局概况\n\n第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算\n\n表\n\n一、收入支出决算总表\n\n二、收入决算表\n\n第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算\n\n情况说明\n\n第四部分 名词解释\n  第一部分     上海市普陀区规划和自然资源局概况\n  一、主要职能\n  1.履行职责。主要原因\n是。\n          上海市规划和自然资源局 2024 年度部门决算表\n                    收入支出决算总表\n                                                 单位：万元\n  本年收入合计         9746.50          本年支出合计         9759.38\n  注：本表反映部门本年度的总收支和年末结转结余情况。\n第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算\n\n                  情况说明\n   （三）国有资产占有使用情况说明\n  截至 2024 年 12 月 31 日，共有车辆 2 辆。\n";
        let src = Source::new(text);
        let parts = crate::segment::segment(&src);
        let d = document_text(&src, &parts);
        assert_eq!(
            d.cover_unit.as_deref(),
            Some("上海市普陀区规划和自然资源局")
        );
        let contents: Vec<&str> = d.contents.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            contents,
            [
                "第一部分上海市普陀区规划和自然资源局概况",
                "第二部分上海市普陀区规划和自然资源局2024年度部门决算表",
                "一、收入支出决算总表",
                "二、收入决算表",
                "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明",
                "第四部分名词解释",
            ]
        );
        let headings: Vec<(HeadingKind, &str)> = d
            .headings
            .iter()
            .map(|h| (h.kind, h.text.as_str()))
            .collect();
        assert!(headings.contains(&(
            HeadingKind::Part,
            "上海市规划和自然资源局2024年度部门决算表"
        )));
        assert!(headings.contains(&(HeadingKind::Table, "收入支出决算总表")));
        assert!(headings.contains(&(
            HeadingKind::Part,
            "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明"
        )));
        assert!(headings.contains(&(HeadingKind::Section, "（三）国有资产占有使用情况说明")));
        assert_eq!(
            d.table_notes.first().map(|p| p.text.as_str()),
            Some("注：本表反映部门本年度的总收支和年末结转结余情况。")
        );
        assert!(d.sentences.iter().any(|p| p.text == "1.履行职责。"));
        assert!(d.sentences.iter().any(|p| p.text == "主要原因是。"));
        assert_eq!(d.dated.len(), 1);
        assert!(d.dated[0].text.starts_with("截至2024年12月31日"));
    }
}
