//! Prose: PDF lines joined back into paragraphs and sentences, with headings.

use crate::segment::starts_numbered;
use crate::source::Line;

/// A paragraph of prose: the text between two headings (or part
/// boundaries), its lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The heading it is under (as printed, joined), if any.
    pub section: Option<String>,
    /// The text as printed, PDF line breaks removed.
    pub text: String,
    /// The normalised text; same number of characters as `text`.
    pub norm: String,
    /// For each character, the 1-based input line it comes from.
    pub line_of: Vec<usize>,
}

impl Paragraph {
    /// The input line of the character at `char_index`.
    #[cfg(test)]
    pub fn line_at(&self, char_index: usize) -> usize {
        self.line_of
            .get(char_index)
            .or(self.line_of.last())
            .copied()
            .unwrap_or(0)
    }

    /// Sentences: `[start, end)` character ranges ending after `。` (or at
    /// the end).
    pub fn sentences(&self) -> Vec<(usize, usize)> {
        let chars: Vec<char> = self.norm.chars().collect();
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in chars.iter().enumerate() {
            if *c == '。' {
                out.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < chars.len()
            && chars
                .get(start..)
                .is_some_and(|r| r.iter().any(|c| !c.is_whitespace()))
        {
            out.push((start, chars.len()));
        }
        out
    }

    /// The printed text of a character range.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect::<String>()
            .trim()
            .to_owned()
    }
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['。', ';', ',', ':', '；', '，', '：', '、'])
}

/// Whether a line of prose is a heading: numbered (一、 (一) 1.), not ending
/// in punctuation, and either clearly shorter than a full line or naming
/// what it introduces (…说明, …情况).
fn is_heading(sq: &str, full_width: usize) -> bool {
    if !starts_numbered(sq) || ends_sentence(sq) {
        return false;
    }
    let n = sq.chars().count();
    n * 10 <= full_width * 7
        || sq.ends_with("说明")
        || sq.ends_with("情况")
        || (sq.contains("关于") && sq.ends_with('的'))
}

/// 1 for `一、`, 2 for `(一)`, 3 for `1.`.
fn heading_level(sq: &str) -> u8 {
    if sq.starts_with('(') {
        2
    } else if sq.starts_with(|c: char| c.is_ascii_digit()) {
        3
    } else {
        1
    }
}

/// Joins the lines `lines` (one part of the document) into paragraphs.
/// `skip` lists indices (into `lines`) to leave out (the part's title).
pub(crate) fn paragraphs(lines: &[&Line]) -> Vec<Paragraph> {
    // the typical length of a full line (median of the longer lines)
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.squeezed().chars().count())
        .filter(|&n| n >= 10)
        .collect();
    lens.sort_unstable();
    let full_width = lens.get(lens.len() / 2).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut section: Option<String> = None;
    let mut cur = Paragraph {
        section: None,
        text: String::new(),
        norm: String::new(),
        line_of: Vec::new(),
    };
    let flush = |cur: &mut Paragraph, out: &mut Vec<Paragraph>, section: &Option<String>| {
        if cur.norm.chars().any(|c| !c.is_whitespace()) {
            let mut p = std::mem::replace(
                cur,
                Paragraph {
                    section: None,
                    text: String::new(),
                    norm: String::new(),
                    line_of: Vec::new(),
                },
            );
            p.section = section.clone();
            out.push(p);
        } else {
            cur.text.clear();
            cur.norm.clear();
            cur.line_of.clear();
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let Some(line) = lines.get(i) else { break };
        let sq = line.squeezed();
        if sq.is_empty() {
            i += 1;
            continue;
        }
        // a page number between the two halves of a sentence broken by the
        // page ("因公出国（境）费支出 222.5" / "27" / "万元，占…"): centred,
        // alone, after a blank line
        let page_number = sq.len() <= 3
            && sq.bytes().all(|b| b.is_ascii_digit())
            && line.raw.len() - line.raw.trim_start().len() >= 10
            && i.checked_sub(1)
                .and_then(|k| lines.get(k))
                .is_some_and(|l| l.is_blank_text());
        if page_number {
            i += 1;
            continue;
        }
        // "十一、一般公共预算“三公”经费、会议费、培训费支出预算" + "表情况说明":
        // a numbered line whose heading ends on a short line of its own
        let wrapped_heading = starts_numbered(sq)
            && !ends_sentence(sq)
            && !sq.ends_with("说明")
            && lines
                .get(i + 1..)
                .and_then(|r| r.iter().find(|l| !l.is_blank_text()))
                .is_some_and(|nl| {
                    let nsq = nl.squeezed();
                    nsq.chars().count() <= 8 && nsq.ends_with("说明")
                });
        if wrapped_heading || is_heading(sq, full_width) {
            flush(&mut cur, &mut out, &section);
            let mut heading = line.raw.trim().to_owned();
            // "九、关于 … 支出表的" + "说明"
            if !sq.ends_with("说明") && (sq.contains("关于") || wrapped_heading) {
                if let Some(next) = lines
                    .get(i + 1..)
                    .and_then(|r| r.iter().position(|l| !l.is_blank_text()))
                {
                    if let Some(nl) = lines.get(i + 1 + next) {
                        let nsq = nl.squeezed();
                        if nsq.chars().count() <= 8 && nsq.ends_with("说明") {
                            heading.push_str(nl.raw.trim());
                            i += next + 1;
                        }
                    }
                }
            }
            let level = heading_level(sq);
            stack.retain(|(l, _)| *l < level);
            stack.push((level, heading));
            section = Some(
                stack
                    .iter()
                    .map(|(_, h)| h.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
            );
            i += 1;
            continue;
        }
        // a numbered line after a finished sentence starts a new paragraph
        if starts_numbered(sq) && cur.norm.trim_end().ends_with(['。', ';', '；', ':', '：']) {
            flush(&mut cur, &mut out, &section);
        }
        let raw = line.raw.trim();
        let norm = line.text.trim();
        let need_space = cur.norm.chars().last().is_some_and(|c| c.is_ascii_digit())
            && norm.chars().next().is_some_and(|c| c.is_ascii_digit());
        if need_space {
            cur.text.push(' ');
            cur.norm.push(' ');
            cur.line_of.push(line.number);
        }
        cur.text.push_str(raw);
        cur.norm.push_str(norm);
        cur.line_of
            .extend(std::iter::repeat(line.number).take(norm.chars().count()));
        i += 1;
    }
    flush(&mut cur, &mut out, &section);
    out
}

trait BlankText {
    fn is_blank_text(&self) -> bool;
}
impl BlankText for &Line {
    fn is_blank_text(&self) -> bool {
        self.text.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Line::new(i + 1, 1, l.into()))
            .collect()
    }

    #[test]
    fn a_heading_ending_on_a_short_line_of_its_own_is_one_heading() {
        // js-fy 2017: the 三公 part's heading wraps before "表情况说明"
        let text = "十、一般公共预算机关运行经费支出预算表情况说明\n机关运行经费 3,000 万元。\n  十一、一般公共预算“三公”经费、会议费、培训费支出预算\n表情况说明\n  因公出国（境）费支出 180 万元，占“三公”经费的 26.86%。";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let ps = paragraphs(&refs);
        assert_eq!(ps.len(), 2, "{ps:?}");
        assert_eq!(
            ps[1].section.as_deref(),
            Some("十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明")
        );
        assert!(ps[1].text.starts_with("因公出国"), "{}", ps[1].text);
    }

    #[test]
    fn a_page_number_inside_a_broken_sentence_is_not_text() {
        // js-rd 2018: "因公出国（境）费支出 222.5" / page 27 / "万元，占…"
        let text =
            "因公出国（境）费支出 222.5\n\n\n                27\n万元，占“三公”经费的 26.69%。";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let ps = paragraphs(&refs);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(
            ps[0].text,
            "因公出国（境）费支出 222.5万元，占“三公”经费的 26.69%。"
        );
    }

    #[test]
    fn joins_broken_sentences_and_keeps_headings() {
        let text = "二、关于 2025 年单位收入总表的说明 \n\n人力资源和社会保障部信息中心 2025 年收入预算\n\n8,633.56 万元，其中：上年结转 324.37 万元，占 3.76%；\n\n九、关于 2025 年财政拨款预算“三公”经费支出表的\n\n说明 \n\n没有。";
        let ls = lines(text);
        let refs: Vec<&Line> = ls.iter().collect();
        let ps = paragraphs(&refs);
        assert_eq!(ps.len(), 2);
        assert_eq!(
            ps[0].section.as_deref(),
            Some("二、关于 2025 年单位收入总表的说明")
        );
        assert_eq!(
            ps[0].text,
            "人力资源和社会保障部信息中心 2025 年收入预算8,633.56 万元，其中：上年结转 324.37 万元，占 3.76%；"
        );
        assert_eq!(ps[0].line_at(0), 3);
        assert_eq!(ps[0].line_at(30), 5);
        assert_eq!(
            ps[1].section.as_deref(),
            Some("九、关于 2025 年财政拨款预算“三公”经费支出表的说明")
        );

        assert_eq!(ps[1].text, "没有。");
        assert_eq!(ps[1].sentences(), vec![(0, 3)]);
        let text = "五、关于 2025 年一般公共预算支出表的说明 \n（一）一般公共预算当年拨款规模变化情况 \n甲。\n（二）结构情况\n乙。\n六、关于基本支出表的说明\n丙。";
        let ls2 = lines(text);
        let refs2: Vec<&Line> = ls2.iter().collect();
        let ps2 = paragraphs(&refs2);
        assert_eq!(
            ps2[0].section.as_deref(),
            Some(
                "五、关于 2025 年一般公共预算支出表的说明 / （一）一般公共预算当年拨款规模变化情况"
            )
        );
        assert_eq!(
            ps2[1].section.as_deref(),
            Some("五、关于 2025 年一般公共预算支出表的说明 / （二）结构情况")
        );
        assert_eq!(ps2[2].section.as_deref(), Some("六、关于基本支出表的说明"));
    }
}
