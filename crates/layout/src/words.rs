//! Words with boxes: from `pdftotext -tsv`, from `pdftotext -layout` text,
//! or from a PDF through `pdftotext`.

use std::path::Path;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::error::LayoutError;
use crate::text::is_amount;

/// A word printed on a page, with its box.
///
/// Geometry is in PDF points (origin top left, y growing downwards) for a
/// word read from `pdftotext -tsv`, and in character columns / line indexes
/// for a word read from `pdftotext -layout` text (see
/// [`pages_from_layout_text`]). Positions are `f64`: they are measures of
/// the page, never money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The page it is printed on, from 1.
    pub page: u32,
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The text as extracted.
    pub text: String,
    /// The `pdftotext -tsv` line it belongs to, `None` for a word read
    /// from layout text. [`layout_text`](crate::layout_text) uses it to
    /// rebuild the lines and blocks `pdftotext` found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<LineId>,
}

/// Where a word sits in `pdftotext`'s reading structure: its flow
/// (`par_num`), block (`block_num`) and line (`line_num`) on its page, as
/// `pdftotext -tsv` numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineId {
    /// The flow, from 0.
    pub flow: u32,
    /// The block within the page, from 0.
    pub block: u32,
    /// The line within the block, from 0.
    pub line: u32,
}

impl Word {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// A page: its number, size and words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Page number, from 1.
    pub number: u32,
    /// Width (points, or columns for layout text).
    pub width: f64,
    /// Height (points, or lines for layout text).
    pub height: f64,
    /// The words, in the order extracted.
    pub words: Vec<Word>,
}

const TSV_HEADER: [&str; 12] = [
    "level",
    "page_num",
    "par_num",
    "block_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
];

/// Parses the output of `pdftotext -tsv` into pages of words.
///
/// Level 1 rows start a page and give its size; level 5 rows are words
/// (`left top width height` become the box). Other levels are checked for
/// shape and skipped. Errors name the line (from 1), what was expected and
/// what was found.
///
/// ```
/// use yusuan_layout::parse_tsv;
/// let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
///            1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n\
///            5\t1\t0\t0\t0\t0\t100\t200\t30\t12\t100\t合计\n";
/// let pages = parse_tsv(tsv).unwrap();
/// assert_eq!(pages.len(), 1);
/// assert_eq!(pages[0].width, 595.0);
/// assert_eq!(pages[0].words[0].text, "合计");
/// assert_eq!(pages[0].words[0].x1, 130.0);
/// ```
pub fn parse_tsv(tsv: &str) -> Result<Vec<Page>, LayoutError> {
    let mut pages: Vec<Page> = Vec::new();
    let mut saw_header = false;
    for (i, raw) in lines(tsv).enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if trim(line).is_empty() {
            continue;
        }
        if !saw_header {
            let (fields, count) = split_fields(line);
            let fields = fields.get(..count).unwrap_or_default();
            if fields.first().map(|f| f.trim()) == Some("level") {
                let found: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
                if found != TSV_HEADER {
                    return Err(LayoutError::Tsv {
                        line: line_no,
                        expected: TSV_HEADER.join(" "),
                        found: line.replace('\t', " "),
                    });
                }
                saw_header = true;
                continue;
            }
            return Err(LayoutError::Tsv {
                line: line_no,
                expected: "the header line `level page_num … text`".into(),
                found: short(line),
            });
        }
        // a count of the tabs vectorises, unlike splitting at each of them:
        // the rows of levels 2 to 4 (two in three) are not split further
        // than their first two fields
        // (counted in bytes, 255 at a time: 16 bytes per instruction)
        let tabs: usize = line
            .as_bytes()
            .chunks(255)
            .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\t'))))
            .sum();
        let count = tabs.min(11) + 1;
        if count != 12 {
            return Err(LayoutError::Tsv {
                line: line_no,
                expected: "12 tab-separated fields".into(),
                found: format!("{count} field(s): {}", short(line)),
            });
        }
        let (level, rest) = first_field(line);
        let level = trim(level);
        let fields = if level == "1" || level == "5" {
            split_fields(line).0
        } else {
            [""; 12]
        };
        let num = |k: usize, what: &str| -> Result<f64, LayoutError> {
            let f = fields.get(k).copied().unwrap_or("");
            parse_f64(trim(f))
                .filter(|v| v.is_finite())
                .ok_or_else(|| LayoutError::Tsv {
                    line: line_no,
                    expected: format!("a number for `{what}`"),
                    found: short(f),
                })
        };
        let page_no = trim(first_field(rest).0);
        let page_no: u32 = page_no.parse().map_err(|_| LayoutError::Tsv {
            line: line_no,
            expected: "a page number in `page_num`".into(),
            found: short(page_no),
        })?;
        match level {
            "1" => {
                let width = num(8, "width")?;
                let height = num(9, "height")?;
                pages.push(Page {
                    number: page_no,
                    width,
                    height,
                    words: Vec::new(),
                });
            }
            "5" => {
                let left = num(6, "left")?;
                let top = num(7, "top")?;
                let width = num(8, "width")?;
                let height = num(9, "height")?;
                let text = fields.get(11).copied().unwrap_or("").trim();
                if text.is_empty() {
                    continue;
                }
                let page = match pages.last_mut() {
                    Some(p) if p.number == page_no => p,
                    _ => {
                        return Err(LayoutError::Tsv {
                            line: line_no,
                            expected: format!("a level 1 row for page {page_no} before its words"),
                            found: short(line),
                        })
                    }
                };
                let id = |k: usize| -> Option<u32> {
                    fields.get(k).and_then(|f| trim(f).parse::<u32>().ok())
                };
                let line = match (id(2), id(3), id(4)) {
                    (Some(flow), Some(block), Some(line)) => Some(LineId { flow, block, line }),
                    _ => None,
                };
                page.words.push(Word {
                    page: page_no,
                    x0: left,
                    y0: top,
                    x1: left + width,
                    y1: top + height,
                    text: text.to_owned(),
                    line,
                });
            }
            "2" | "3" | "4" => {}
            other => {
                return Err(LayoutError::Tsv {
                    line: line_no,
                    expected: "a level from 1 to 5".into(),
                    found: short(other),
                })
            }
        }
    }
    if !saw_header && !pages.is_empty() {
        return Err(LayoutError::Tsv {
            line: 1,
            expected: "the header line".into(),
            found: String::new(),
        });
    }
    Ok(pages)
}

/// The first 12 tab-separated fields of a line (the twelfth keeps any
/// further tabs), as `line.splitn(12, '\t')` gives them, and how many there
/// are. Split by bytes into an array: `splitn` with a `char` pattern calls
/// `memchr` and then `memcmp` for every field, and collecting the fields
/// allocated for every line; together they were most of the time of
/// reading the 6,000 lines of a 31-page PDF's words (1.7 → 0.8 ms).
fn split_fields(line: &str) -> ([&str; 12], usize) {
    let mut fields = [""; 12];
    let mut count = 0;
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        // a tab byte is never inside a multi-byte character: `i` is a
        // character boundary
        if b == b'\t' && count < 11 {
            if let Some(f) = fields.get_mut(count) {
                *f = line.get(start..i).unwrap_or("");
            }
            count += 1;
            start = i + 1;
        }
    }
    if let Some(f) = fields.get_mut(count) {
        *f = line.get(start..).unwrap_or("");
    }
    (fields, count + 1)
}

/// Powers of ten that an `f64` holds exactly (10^22 is the last).
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `s` as an `f64`, the same value `s.parse::<f64>()` gives. A plain
/// decimal of at most 15 digits (all `pdftotext -tsv` prints: `149.95`,
/// `841.850000`) is read directly: its digits make an integer below 2^53
/// and the point a power of ten up to 10^15, both exact in an `f64`, so
/// one division rounds correctly (Clinger's fast path). Anything else
/// (exponents, signs other than `-`, more digits) goes to `str::parse`.
/// Four of these per word were a tenth of reading a PDF's words.
fn parse_f64(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut point: Option<usize> = None;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
            }
            b'.' if point.is_none() => point = Some(count),
            _ => return s.parse().ok(),
        }
        if count > 15 {
            return s.parse().ok();
        }
    }
    if count == 0 {
        return s.parse().ok();
    }
    let scale = EXACT_POWERS_OF_TEN.get(point.map_or(0, |p| count - p))?;
    // below 2^53: exact
    let value = mantissa as f64 / scale;
    Some(if negative { -value } else { value })
}

/// The lines of `text`, as [`str::lines`] gives them: a line ends at `\n`
/// or `\r\n` (one `\r` taken off), and a last line left empty is none.
/// Found with `memchr`'s SIMD search: `str::lines` looks for each of the
/// 6,000 line ends of a 31-page PDF's words on its own, eight bytes at a
/// time.
fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        ends: memchr::memchr_iter(b'\n', text.as_bytes()),
        start: 0,
    }
}

/// See [`lines`].
struct Lines<'a> {
    text: &'a str,
    ends: memchr::Memchr<'a>,
    start: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // `\n` is never inside a multi-byte character: slices are whole
        match self.ends.next() {
            Some(end) => {
                let line = self.text.get(self.start..end).unwrap_or("");
                self.start = end + 1;
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            // the last line, without a `\n`: its `\r` stays
            None if self.start < self.text.len() => {
                let line = self.text.get(self.start..).unwrap_or("");
                self.start = self.text.len();
                Some(line)
            }
            None => None,
        }
    }
}

/// `s.trim()`, without looking at the characters when `s` starts and ends
/// with a printable ASCII character, as every field but the text of a
/// `pdftotext -tsv` line does (ten of these per word were a tenth of
/// reading a PDF's words).
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The text before the first tab of `s` and after it (`s` and "" when it
/// has none).
fn first_field(s: &str) -> (&str, &str) {
    match s.bytes().position(|b| b == b'\t') {
        Some(i) => (s.get(..i).unwrap_or(s), s.get(i + 1..).unwrap_or("")),
        None => (s, ""),
    }
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// Turns `pdftotext -layout` text into pages of words, so that the same
/// table reader serves both inputs.
///
/// Pages are split at form feeds (`\x0c`). A word's x is its character
/// column and its y its line index on the page (box height 1). Verified on
/// the corpus: `pdftotext -layout` advances **one column per character**,
/// CJK and full-width characters included (`一、财政拨款收入` and
/// `1、一般公共预算` both put their amount at column 16), so a column is a
/// character, not a display width. Words are split at runs of two or more
/// spaces, and at a single space next to a number (`2.85 0.39`,
/// `301 2`, `86,959,408.34 一、公共安全支出`).
///
/// ```
/// use yusuan_layout::pages_from_layout_text;
/// let pages = pages_from_layout_text("科目名称    金额\n基本工资    2.85 0.39\n");
/// let w: Vec<&str> = pages[0].words.iter().map(|w| w.text.as_str()).collect();
/// assert_eq!(w, ["科目名称", "金额", "基本工资", "2.85", "0.39"]);
/// assert_eq!(pages[0].words[1].x0, 8.0);
/// assert_eq!(pages[0].words[2].y0, 1.0);
/// ```
pub fn pages_from_layout_text(text: &str) -> Vec<Page> {
    let mut parts: Vec<&str> = text.split('\x0c').collect();
    // pdftotext ends its output with a form feed: no page after it.
    if parts.len() > 1 && parts.last().is_some_and(|p| p.trim().is_empty()) {
        parts.pop();
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let mut words = Vec::new();
            let mut width = 0usize;
            let mut height = 0usize;
            for (y, line) in part.split('\n').enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                let chars: Vec<char> = line.chars().collect();
                width = width.max(chars.len());
                height = y + 1;
                for (x0, x1, t) in split_layout_line(&chars) {
                    words.push(Word {
                        page: number,
                        x0: x0 as f64,
                        y0: y as f64,
                        x1: x1 as f64,
                        y1: (y + 1) as f64,
                        text: t,
                        line: None,
                    });
                }
            }
            Page {
                number,
                width: width as f64,
                height: height as f64,
                words,
            }
        })
        .collect()
}

/// Splits a line into `(start column, end column, text)` words.
fn split_layout_line(chars: &[char]) -> Vec<(usize, usize, String)> {
    // Pieces separated by single spaces, with the width of the gap before.
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, gap before)
    let mut i = 0;
    let mut gap = 0usize;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c == ' ' || c == '\t' {
            gap += 1;
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !matches!(chars.get(i), Some(' ') | Some('\t')) {
            i += 1;
        }
        pieces.push((start, i, gap));
        gap = 0;
    }
    let text_of =
        |s: usize, e: usize| -> String { chars.get(s..e).unwrap_or(&[]).iter().collect() };
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (s, e, g) in pieces {
        let t = text_of(s, e);
        if let Some(last) = out.last_mut() {
            if g == 1 && !is_amount(&last.2) && !is_amount(&t) {
                last.2.push(' ');
                last.2.push_str(&t);
                last.1 = e;
                continue;
            }
        }
        out.push((s, e, t));
    }
    out
}

/// Reads a PDF's words by running `pdftotext -tsv -enc UTF-8 FILE -` once.
///
/// Errors tell the user what to do: [`LayoutError::PdftotextMissing`]
/// (install poppler-utils), [`LayoutError::NotPdf`],
/// [`LayoutError::Encrypted`], [`LayoutError::Damaged`],
/// [`LayoutError::NoTextLayer`] (run OCR first).
///
/// ```no_run
/// let pages = yusuan_layout::pdf_pages("budget.pdf")?;
/// let scan = yusuan_layout::find_tables(&pages, &yusuan_layout::Settings::default());
/// # Ok::<(), yusuan_layout::LayoutError>(())
/// ```
pub fn pdf_pages(path: impl AsRef<Path>) -> Result<Vec<Page>, LayoutError> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let head = read_head(path).map_err(|e| LayoutError::Io {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(LayoutError::NotPdf { path: shown });
    }
    let out = Command::new("pdftotext")
        .args(["-tsv", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                LayoutError::PdftotextMissing
            } else {
                LayoutError::Io {
                    path: "pdftotext".into(),
                    message: e.to_string(),
                }
            }
        })?;
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let low = stderr.to_lowercase();
    if !out.status.success() {
        if low.contains("incorrect password") || low.contains("encrypt") {
            return Err(LayoutError::Encrypted { path: shown });
        }
        if low.contains("syntax error")
            || low.contains("couldn't")
            || low.contains("may not be a pdf")
        {
            return Err(LayoutError::Damaged {
                path: shown,
                detail: short(stderr.trim()),
            });
        }
        return Err(LayoutError::Pdftotext {
            path: shown,
            status: out
                .status
                .code()
                .map_or_else(|| "signal".into(), |c| c.to_string()),
            detail: short(stderr.trim()),
        });
    }
    let tsv = String::from_utf8_lossy(&out.stdout);
    let pages = parse_tsv(&tsv)?;
    if pages.iter().all(|p| p.words.is_empty()) {
        return Err(LayoutError::NoTextLayer {
            path: shown,
            pages: pages.len(),
        });
    }
    Ok(pages)
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 1024];
    let n = f.read(&mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_split_rules() {
        let p = pages_from_layout_text("301   2     津贴补贴 二 x   16,623,810 0\x0c第二页\x0c");
        assert_eq!(p.len(), 2);
        let w: Vec<&str> = p[0].words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(w, ["301", "2", "津贴补贴 二 x", "16,623,810", "0"]);
        assert_eq!(p[1].words[0].text, "第二页");
    }

    #[test]
    fn numbers_read_as_str_parse_reads_them() {
        for s in [
            "0",
            "-0",
            "-0.00",
            "149.95",
            "841.850000",
            "0.1",
            "595.25",
            "123456789012345",
            "1234567890123456",
            "0.000000000000001",
            "1e3",
            "+5",
            ".5",
            "5.",
            "-",
            ".",
            "",
            "1.2.3",
            "nan",
            "inf",
            "12a",
            "９",
            "99999999999999.9",
        ] {
            let got = parse_f64(s);
            let expected = s.parse::<f64>().ok();
            assert_eq!(
                got.map(f64::to_bits),
                expected.map(f64::to_bits),
                "{s:?}: {got:?} against {expected:?}"
            );
        }
    }

    #[test]
    fn lines_split_as_str_lines() {
        for text in [
            "",
            "\n",
            "\r\n",
            "\r",
            "a",
            "a\n",
            "a\r",
            "a\nb",
            "a\n\nb\n",
            "\n\na",
            "合计\r\n1\t2\n",
            "a\r\r\nb\r\r\n",
        ] {
            let expected: Vec<&str> = text.lines().collect();
            let got: Vec<&str> = lines(text).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn fields_trimmed_as_str_trim_trims_them() {
        for s in [
            "",
            " ",
            "\t",
            "12",
            " 12",
            "12 ",
            "\u{3000}12",
            "12\u{a0}",
            "合计 ",
            "a b",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_split_as_str_lines(text in "[a\r\n合\t]{0,24}") {
            let expected: Vec<&str> = text.lines().collect();
            let got: Vec<&str> = lines(&text).collect();
            proptest::prop_assert_eq!(got, expected);
        }

        #[test]
        fn decimals_read_as_str_parse_reads_them(
            int in 0u64..10_000_000_000,
            frac in 0u64..10_000_000,
            places in 0usize..9,
            negative: bool,
        ) {
            let sign = if negative { "-" } else { "" };
            let s = if places == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac:0places$}")
            };
            let got = parse_f64(&s).map(f64::to_bits);
            proptest::prop_assert_eq!(got, s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }
    }

    #[test]
    fn fields_split_as_splitn() {
        for line in [
            "",
            "a",
            "\t",
            "5\t1\t0\t0\t0\t0\t149.95\t160.23\t541.55\t35.82\t100\t上海市普陀区",
            "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t\t",
            "合计\t\t元\t",
        ] {
            let (fields, count) = split_fields(line);
            let expected: Vec<&str> = line.splitn(12, '\t').collect();
            assert_eq!(&fields[..count], expected.as_slice(), "{line:?}");
        }
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let e = parse_tsv("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t0\t0\t0\t0\tx\t1\t1\t1\t1\tw\n").unwrap_err();
        match e {
            LayoutError::Tsv { line, .. } => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        assert!(parse_tsv("garbage").is_err());
        assert!(parse_tsv("").unwrap().is_empty());
    }
}
