//! The text as lines: numbering, pages, normalisation, raw vs layout.

use serde::{Deserialize, Serialize};

/// How the text was extracted from the PDF.
///
/// `pdftotext` (poppler-utils) has two modes. Without options it writes the
/// text in reading order, a table cell or a run of cells per line, often
/// with blank lines between; with `-layout` it keeps the printed layout, one
/// printed row per line, cells separated by runs of spaces. The importer
/// tells them apart by itself ([`TextFormat::detect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TextFormat {
    /// `pdftotext FILE.pdf`: reading order (原始文本).
    Raw,
    /// `pdftotext -layout FILE.pdf`: printed layout (版式文本).
    Layout,
}

impl TextFormat {
    /// Chinese label: 原始文本 / 版式文本.
    pub const fn label_zh(self) -> &'static str {
        match self {
            TextFormat::Raw => "原始文本",
            TextFormat::Layout => "版式文本",
        }
    }

    /// Tells raw from layout text.
    ///
    /// Layout text separates cells with runs of spaces and indents centred
    /// titles and right-aligned 单位 lines; raw text rarely has a run of six
    /// or more spaces between two printed characters and indents no line by
    /// eight spaces or more (the seed: 3% of its lines have either, the
    /// layout texts of the corpus 46–69%, a mostly prose excerpt such as case
    /// f13 52%). When more than one non-blank line in five has either, the
    /// text is layout text.
    ///
    /// ```
    /// use yusuan_import::TextFormat;
    /// let raw = "单位收支总表\n\n收入\n\n一、一般公共预算拨款收入 4,175.52\n";
    /// assert_eq!(TextFormat::detect(raw), TextFormat::Raw);
    /// let layout = "         单位收支总表\n项目          预算数      项目      预算数\n一、一般公共预算拨款收入      4,175.52\n";
    /// assert_eq!(TextFormat::detect(layout), TextFormat::Layout);
    /// ```
    pub fn detect(text: &str) -> TextFormat {
        TextFormat::detect_normalized(
            text.lines()
                .map(|line| normalize_line(line.trim_start_matches('\u{c}'))),
        )
    }

    /// [`TextFormat::detect`] on the lines of the text already normalised
    /// (form feeds at their start removed).
    fn detect_normalized<S: AsRef<str>>(lines: impl Iterator<Item = S>) -> TextFormat {
        let mut nonblank = 0usize;
        let mut spaced = 0usize;
        for n in lines {
            let n = n.as_ref();
            if n.trim().is_empty() {
                continue;
            }
            nonblank += 1;
            // raw text is never indented; layout text centres titles and
            // right-aligns 单位 lines
            let indented = n.len() - n.trim_start_matches(' ').len() >= 8;
            if indented || has_gap(n.trim(), 6) {
                spaced += 1;
            }
        }
        if nonblank > 0 && spaced * 5 > nonblank {
            TextFormat::Layout
        } else {
            TextFormat::Raw
        }
    }
}

/// Whether `s` has a run of at least `n` spaces.
pub(crate) fn has_gap(s: &str, n: usize) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c == ' ' {
            run += 1;
            if run >= n {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// [`yusuan_money::text::normalize`] plus tabs to spaces; one character in,
/// one character out, so character offsets stay valid.
pub(crate) fn normalize_line(s: &str) -> String {
    // the runs of characters left as they are copied whole (most are); only
    // a tab and characters led by the bytes of the forms normalised (full
    // width, U+3000, U+00A0, U+2000–U+205F) are looked at: CJK text and
    // ASCII pass at the speed of a byte scan
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b == b'\t' {
                out.push_str(s.get(copied..i).unwrap_or_default());
                out.push(' ');
                copied = i + 1;
            }
            i += 1;
            continue;
        }
        let width = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        if matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF) {
            if let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
                let n = yusuan_money::text::normalize_char(c);
                if n != c {
                    out.push_str(s.get(copied..i).unwrap_or_default());
                    out.push(n);
                    copied = i + c.len_utf8();
                }
            }
        }
        i += width;
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    out
}

/// One line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the input.
    pub number: usize,
    /// 1-based page (form feeds counted), 1 if the text has none.
    pub page: usize,
    /// The line as given (form feed removed).
    pub raw: String,
    /// The line normalised ([`normalize_line`]); same character count as `raw`.
    pub text: String,
    /// `text` without any whitespace, made once: segmentation, the table
    /// and prose readers and the outline each read it.
    squeezed: String,
}

impl Line {
    /// The line `raw` (form feeds and carriage returns removed), normalised.
    pub fn new(number: usize, page: usize, raw: String) -> Line {
        let text = normalize_line(&raw);
        // (layout lines are mostly spaces: characters are filtered one by
        // one, not split into runs)
        let mut squeezed = String::with_capacity(text.len());
        yusuan_money::text::push_unspaced(&text, &mut squeezed);
        Line {
            number,
            page,
            raw,
            text,
            squeezed,
        }
    }

    /// The line without any whitespace ("收 入 总 计" → "收入总计").
    pub fn squeezed(&self) -> &str {
        &self.squeezed
    }
}

/// The whole input, split into lines.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub lines: Vec<Line>,
    pub format: TextFormat,
}

impl Source {
    pub fn new(text: &str) -> Source {
        let mut page = 1;
        let mut lines = Vec::new();
        for (i, l) in text.lines().enumerate() {
            let mut raw = l;
            while let Some(rest) = raw.strip_prefix('\u{c}') {
                page += 1;
                raw = rest;
            }
            let raw: String = if raw.bytes().any(|b| b == 0x0C || b == b'\r') {
                raw.chars().filter(|&c| c != '\u{c}' && c != '\r').collect()
            } else {
                raw.to_owned()
            };
            lines.push(Line::new(i + 1, page, raw));
        }
        // TextFormat::detect, on the lines normalised above where they are
        // the same (a form feed or carriage return inside a line is kept
        // there, and normalised again)
        let format = TextFormat::detect_normalized(text.lines().zip(&lines).map(|(l, line)| {
            let l = l.trim_start_matches('\u{c}');
            if l.len() == line.raw.len() {
                std::borrow::Cow::Borrowed(line.text.as_str())
            } else {
                std::borrow::Cow::Owned(normalize_line(l))
            }
        }));
        Source { lines, format }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_numbers() {
        let s = Source::new("a\n\u{c}b\r\nc\u{c}\n");
        assert_eq!(s.lines.len(), 3);
        assert_eq!(s.lines[1].page, 2);
        assert_eq!(s.lines[1].raw, "b");
        assert_eq!(s.lines[2].number, 3);
        assert_eq!(s.lines[2].raw, "c");
    }

    #[test]
    fn normalisation_matches_the_character_rule() {
        // every character the rule changes, and its neighbours
        let text: String = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| yusuan_money::text::normalize_char(c) != c || c == '\t')
            .flat_map(|c| [c, '合', c, 'a'])
            .collect();
        let expected: String = text
            .chars()
            .map(|c| match yusuan_money::text::normalize_char(c) {
                '\t' => ' ',
                n => n,
            })
            .collect();
        assert_eq!(normalize_line(&text), expected);
    }

    #[test]
    fn normalisation_keeps_offsets() {
        let raw = "合　计 ８，６３３．５６（一）";
        let n = normalize_line(raw);
        assert_eq!(n.chars().count(), raw.chars().count());
        assert_eq!(n, "合 计 8,633.56(一)");
    }
}
