//! Harvesting (code, name) pairs from the text of printed disclosures.
//!
//! Budget disclosures print thousands of 科目编码 / 科目名称 pairs, each for
//! the document's budget year. [`harvest_text`] reads them back from the
//! text `pdftotext -layout` makes of a document (characters placed by
//! column, lines by row) and [`Harvest`] collects them over many
//! documents, merges them into year ranges and reports conflicts (one code
//! printed with two names in one year).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::{Code, Scheme};

/// One code printed with its name in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedName {
    /// The code (split codes such as `201 06 01` joined).
    pub code: Code,
    /// The name as printed (wrapped lines joined, spaces removed).
    pub name: String,
    /// The budget year of the document.
    pub year: u16,
    /// The document's identifier (e.g. its file name without extension).
    pub document: String,
    /// The 1-based line of the text where the code is printed.
    pub line: usize,
    /// Whether the name was joined from several lines of the text (a
    /// wrapped cell): such names deserve a second look.
    pub joined: bool,
}

/// A code printed with two different names in one budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameConflict {
    /// The code.
    pub code: Code,
    /// The budget year.
    pub year: u16,
    /// Each name with the documents that print it, most printed first.
    pub names: Vec<(String, Vec<String>)>,
}

impl std::fmt::Display for NameConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} in {}: ", self.code, self.year)?;
        for (i, (name, docs)) in self.names.iter().enumerate() {
            if i > 0 {
                f.write_str(" / ")?;
            }
            write!(f, "{name} ({})", docs.join(", "))?;
        }
        Ok(())
    }
}

/// Words that head columns or close tables, never a 科目名称.
const NOT_NAMES: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "项目",
    "科目名称",
    "科目编码",
    "功能分类",
    "经济分类",
    "类",
    "款",
    "项",
    "金额",
    "预算数",
    "决算数",
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Characters a 科目名称 may hold besides CJK ideographs.
fn is_name_punct(c: char) -> bool {
    matches!(
        c,
        '（' | '）' | '(' | ')' | '、' | '“' | '”' | '《' | '》' | '·' | '－' | '—'
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A run of non-space characters and the column (character index) it starts at.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    col: usize,
    end: usize,
}

fn tokens(line: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut current: Option<Token> = None;
    for (col, c) in line.chars().enumerate() {
        if c.is_whitespace() {
            if let Some(t) = current.take() {
                out.push(t);
            }
        } else {
            match current.as_mut() {
                Some(t) => {
                    t.text.push(c);
                    t.end = col + 1;
                }
                None => {
                    current = Some(Token {
                        text: c.to_string(),
                        col,
                        end: col + 1,
                    })
                }
            }
        }
    }
    if let Some(t) = current {
        out.push(t);
    }
    // "30207邮电费": a code glued to its name is two tokens.
    let mut split: Vec<Token> = Vec::with_capacity(out.len());
    for t in out {
        let digits = t.text.chars().take_while(|&c| is_digit(c)).count();
        let rest: String = t.text.chars().skip(digits).collect();
        if matches!(digits, 3 | 5 | 7 | 9) && rest.chars().next().is_some_and(is_cjk) {
            split.push(Token {
                text: t.text.chars().take(digits).collect(),
                col: t.col,
                end: t.col + digits,
            });
            split.push(Token {
                text: rest,
                col: t.col + digits,
                end: t.end,
            });
        } else {
            split.push(t);
        }
    }
    split
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_digit)
}

/// Text made of name characters only, with at least one ideograph.
fn is_name_text(text: &str) -> bool {
    text.chars().any(is_cjk) && text.chars().all(|c| is_cjk(c) || is_name_punct(c))
}

/// A code printed in a row, with its name if on the same line.
#[derive(Debug, Clone)]
struct Row {
    line: usize,
    code: Code,
    code_col: usize,
    /// The name on the code's line and its column.
    name: Option<(String, usize)>,
    /// Columns where this row's name cells lie (for wrapped parts).
    zone: (usize, usize),
    prefix: Vec<String>,
    suffix: Vec<String>,
}

/// A name fragment: name text not beside a code (part of a wrapped cell).
#[derive(Debug, Clone)]
struct Fragment {
    line: usize,
    text: String,
    col: usize,
    used: bool,
}

/// Parses a code starting at token `i`: `2080108`, `208 01 08`,
/// `310   02`, `301   2`. Returns the code and the index after it.
fn code_at(toks: &[Token], i: usize) -> Option<(Code, usize)> {
    let first = toks.get(i)?;
    if !all_digits(&first.text) {
        return None;
    }
    let len = first.text.chars().count();
    let code_ok = |text: &str| -> Option<Code> {
        let code = Code::parse(text).ok()?;
        // 收入分类 codes are read only with 5+ digits: a 3-digit "1xx" is
        // too often a count or a page.
        (code.scheme() != Scheme::Revenue || code.as_str().len() >= 5).then_some(code)
    };
    if len == 3 {
        // Split forms: 3 digits, then one or two 2-digit (or one 1-digit) parts.
        let mut text = first.text.clone();
        let mut j = i + 1;
        while let Some(t) = toks.get(j) {
            let n = t.text.chars().count();
            if !all_digits(&t.text) || n > 2 || text.chars().count() >= 7 {
                break;
            }
            // A part must be followed by another part or by a name.
            let next_is_name = toks.get(j + 1).is_some_and(|n| is_name_text(&n.text));
            let next_is_part = toks.get(j + 1).is_some_and(|n| {
                all_digits(&n.text) && n.text.chars().count() == 2 && text.chars().count() == 3
            });
            if !(next_is_name || next_is_part) {
                break;
            }
            if n == 1 {
                text.push('0');
            }
            text.push_str(&t.text);
            j += 1;
        }
        if j > i + 1 {
            return code_ok(&text).map(|c| (c, j));
        }
    }
    if matches!(len, 3 | 5 | 7 | 9) {
        return code_ok(&first.text).map(|c| (c, i + 1));
    }
    None
}

/// Whether a token is an amount or a number cell.
fn is_amount(text: &str) -> bool {
    text.chars().any(is_digit)
        && text
            .chars()
            .all(|c| is_digit(c) || matches!(c, ',' | '.' | '-' | '%' | '，' | '．' | '－'))
}

fn read_line(line_no: usize, line: &str, rows: &mut Vec<Row>, frags: &mut Vec<Fragment>) {
    let toks = tokens(line);
    // Join letter-spaced name tokens ("收 入" → "收入") first.
    let mut merged: Vec<Token> = Vec::with_capacity(toks.len());
    for t in toks {
        if let Some(last) = merged.last_mut() {
            if is_name_text(&last.text) && is_name_text(&t.text) && t.col <= last.end + 1 {
                last.text.push_str(&t.text);
                last.end = t.end;
                continue;
            }
        }
        merged.push(t);
    }
    let toks = merged;
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // A code starts a cell: at the start of the line or after an amount
        // (two tables side by side) or after a name (a row of the table on
        // the left whose amounts are blank).
        let starts_cell = i == 0
            || toks
                .get(i - 1)
                .is_some_and(|p| is_amount(&p.text) || is_name_text(&p.text));
        if starts_cell {
            if let Some((code, next)) = code_at(&toks, i) {
                let after = toks.get(next);
                let name = after
                    .filter(|n| is_name_after_code(&n.text))
                    .map(|n| (n.text.clone(), n.col));
                let has_name = name.is_some();
                // Nothing but amounts after a bare code: the code must stand
                // alone or before numbers (not "208 年" or "2080108 个").
                let plausible = has_name
                    || after.is_none()
                    || after.is_some_and(|a| is_amount(&a.text) || all_digits(&a.text));
                if plausible {
                    let name_end = if has_name { next + 1 } else { next };
                    let zone_end = toks.get(name_end).map(|n| n.col).unwrap_or(usize::MAX);
                    rows.push(Row {
                        line: line_no,
                        code,
                        code_col: t.col,
                        zone: (t.col, zone_end),
                        name,
                        prefix: Vec::new(),
                        suffix: Vec::new(),
                    });
                    i = name_end;
                    continue;
                }
            }
        }
        if is_name_text(&t.text) && is_fragment(&t.text) {
            frags.push(Fragment {
                line: line_no,
                text: t.text.clone(),
                col: t.col,
                used: false,
            });
        }
        i += 1;
    }
}

/// Whether a name-only token can be part of a wrapped 科目名称: not a
/// table title (…表), a total (…合计) or a column heading.
fn is_fragment(text: &str) -> bool {
    !(text.ends_with('表')
        || text.ends_with("合计")
        || text.ends_with("总计")
        || text.starts_with("注")
        || text.contains('“')
        || text.contains("预算")
        || NOT_NAMES.contains(&text))
}

/// Whether the text after a code can be its name: not a unit or a measure
/// word of a sentence ("增加 200 万元、…", "2025 年").
fn is_name_after_code(text: &str) -> bool {
    is_name_text(text)
        && !text.contains("万元")
        && !text.starts_with(['元', '年', '月', '日', '万', '亿'])
}

/// Whether fragment `f` lies in row `r`'s name column.
fn in_zone(r: &Row, f: &Fragment) -> bool {
    match &r.name {
        Some((_, col)) => f.col + 3 >= *col && f.col <= col + 3,
        None => f.col > r.code_col && f.col < r.zone.1,
    }
}

/// Reads every (code, name) pair printed in `text`, the `pdftotext -layout`
/// text of one document of budget year `year`, identified as `document`.
///
/// A row is a code (3, 5, 7 digits, or 9 for a 收入分类 目; printed whole,
/// split by level as `201 06 01` / `310   02`, or with a one-digit 款 as
/// `301   2`, or glued to its name as `30207邮电费`) followed by its name;
/// two tables side by side give two rows on one line. A name wrapped in its
/// cell is joined from the lines above and below that hold only name text
/// in the same column; such names are marked [`PrintedName::joined`].
/// Codes whose name cannot be found are left out.
///
/// ```
/// use yusuan_classification::harvest_text;
/// let text = "\
/// 201   06        财政事务                  127,886,849
/// 201   06   01   行政运行                   84,861,719
/// 2080505   机关事业单位基本养老保险缴      446.11
///           费支出
/// 301     工资福利支出          4816.14   302     商品和服务支出         440.90
/// ";
/// let found = harvest_text(text, 2025, "example");
/// let pairs: Vec<(String, &str)> = found.iter().map(|p| (p.code.to_string(), p.name.as_str())).collect();
/// assert_eq!(pairs, [
///     ("20106".to_string(), "财政事务"),
///     ("2010601".to_string(), "行政运行"),
///     ("2080505".to_string(), "机关事业单位基本养老保险缴费支出"),
///     ("301".to_string(), "工资福利支出"),
///     ("302".to_string(), "商品和服务支出"),
/// ]);
/// assert!(found[2].joined);
/// ```
pub fn harvest_text(text: &str, year: u16, document: &str) -> Vec<PrintedName> {
    let mut rows: Vec<Row> = Vec::new();
    let mut frags: Vec<Fragment> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        read_line(i + 1, line, &mut rows, &mut frags);
    }
    let blank = |line: usize| -> bool {
        lines
            .get(line.wrapping_sub(1))
            .map_or(true, |l| l.trim().is_empty())
    };

    // Wrapped cells: fragments between two rows of one column go to the
    // row above (the rest of its name) or below (the start of its name).
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows.get(i).map(|r| (r.line, r.code_col)));
    for (pos, &ri) in order.iter().enumerate() {
        let Some(row) = rows.get(ri).cloned() else {
            continue;
        };
        // The next row in the same column.
        let next = order.iter().skip(pos + 1).copied().find(|&j| {
            rows.get(j).is_some_and(|n| {
                n.line > row.line
                    && n.code_col + 4 >= row.code_col
                    && n.code_col <= row.code_col + 4
            })
        });
        let next_row = next.and_then(|j| rows.get(j).cloned());
        // Fragments below this row: contiguous lines (no blank line), at
        // most three, before the next row.
        let limit = next_row
            .as_ref()
            .map_or(row.line + 4, |n| n.line.min(row.line + 4));
        let mut below: Vec<usize> = Vec::new();
        let mut line = row.line + 1;
        while line < limit && !blank(line) {
            let in_col: Vec<usize> = frags
                .iter()
                .enumerate()
                .filter(|(_, f)| f.line == line && !f.used && in_zone(&row, f))
                .map(|(k, _)| k)
                .collect();
            match in_col.as_slice() {
                [k] => below.push(*k),
                _ => break,
            }
            line += 1;
        }
        // Which of them start the next row's name.
        let mut to_next = 0;
        if let Some(n) = &next_row {
            let reaches_next = below
                .last()
                .and_then(|&k| frags.get(k))
                .is_some_and(|f| f.line + 1 == n.line);
            if reaches_next {
                let k = below.len();
                if k >= 2 || (n.name.is_none() && (row.name.is_some() || !row.prefix.is_empty())) {
                    to_next = 1;
                }
            }
        }
        let mine = below.len() - to_next;
        let suffix: Vec<String> = below
            .iter()
            .take(mine)
            .filter_map(|&k| frags.get(k).map(|f| f.text.clone()))
            .collect();
        for &k in below.iter().take(mine) {
            if let Some(f) = frags.get_mut(k) {
                f.used = true;
            }
        }
        if let Some(r) = rows.get_mut(ri) {
            r.suffix = suffix;
        }
        if to_next == 1 {
            if let (Some(&k), Some(j)) = (below.last(), next) {
                if let Some(f) = frags.get_mut(k) {
                    f.used = true;
                    let text = f.text.clone();
                    if let Some(n) = rows.get_mut(j) {
                        n.prefix.push(text);
                    }
                }
            }
        }
        // A row whose name is missing or that starts a table may have the
        // start of its name on the line above, not yet taken.
        if let Some(r) = rows.get(ri) {
            if r.prefix.is_empty() && r.line >= 2 && !blank(r.line - 1) {
                let above = frags
                    .iter()
                    .position(|f| f.line + 1 == r.line && !f.used && in_zone(r, f));
                let previous_row_ends_there = rows.iter().any(|p| p.line + 1 == r.line);
                if let Some(k) = above {
                    if r.name.is_none() && !previous_row_ends_there {
                        if let Some(f) = frags.get_mut(k) {
                            f.used = true;
                            let text = f.text.clone();
                            if let Some(r) = rows.get_mut(ri) {
                                r.prefix.push(text);
                            }
                        }
                    }
                }
            }
        }
    }

    let mut out: Vec<PrintedName> = Vec::new();
    for r in rows {
        let mut name = String::new();
        let mut parts = 0;
        for p in r
            .prefix
            .iter()
            .chain(r.name.iter().map(|(n, _)| n))
            .chain(&r.suffix)
        {
            name.push_str(p);
            parts += 1;
        }
        // Printed names use full-width brackets; a few PDFs use half-width.
        let name = name.replace('(', "（").replace(')', "）");
        if name.chars().count() < 2 || NOT_NAMES.contains(&name.as_str()) {
            continue;
        }
        out.push(PrintedName {
            code: r.code,
            name,
            year,
            document: document.to_owned(),
            line: r.line,
            joined: parts > 1,
        });
    }
    out
}

/// Many documents' harvests, merged: see [`Harvest::add_text`].
///
/// ```
/// use yusuan_classification::Harvest;
/// let mut harvest = Harvest::new();
/// harvest.add_text("210   医疗卫生与计划生育支出   10.00\n", 2018, "a-2018");
/// harvest.add_text("210   卫生健康支出   10.00\n", 2019, "b-2019");
/// harvest.add_text("210   卫生健康支出   12.00\n", 2020, "c-2020");
/// assert!(harvest.conflicts().is_empty());
/// assert_eq!(
///     harvest.to_tsv(),
///     "code\tname\tfirst_year\tlast_year\tsource\n\
///      210\t医疗卫生与计划生育支出\t2018\t2018\ta-2018\n\
///      210\t卫生健康支出\t2019\t2020\tb-2019,c-2020\n"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Harvest {
    printed: Vec<PrintedName>,
}

/// (code, year) → name → documents.
type ByYear = BTreeMap<(Code, u16), BTreeMap<String, BTreeSet<String>>>;

impl Harvest {
    /// An empty harvest.
    pub fn new() -> Harvest {
        Harvest::default()
    }

    /// Harvests one document's text (see [`harvest_text`]); returns how many
    /// (code, name) pairs it printed.
    pub fn add_text(&mut self, text: &str, year: u16, document: &str) -> usize {
        let found = harvest_text(text, year, document);
        let n = found.len();
        self.printed.extend(found);
        n
    }

    /// Adds pairs harvested elsewhere.
    pub fn extend(&mut self, printed: impl IntoIterator<Item = PrintedName>) {
        self.printed.extend(printed);
    }

    /// Every pair found, in the order found.
    pub fn printed(&self) -> &[PrintedName] {
        &self.printed
    }

    fn by_year(&self) -> ByYear {
        let mut map: ByYear = BTreeMap::new();
        for p in &self.printed {
            map.entry((p.code, p.year))
                .or_default()
                .entry(p.name.clone())
                .or_default()
                .insert(p.document.clone());
        }
        map
    }

    /// Codes printed with two or more names in one budget year.
    pub fn conflicts(&self) -> Vec<NameConflict> {
        self.by_year()
            .into_iter()
            .filter(|(_, names)| names.len() > 1)
            .map(|((code, year), names)| {
                let mut names: Vec<(String, Vec<String>)> = names
                    .into_iter()
                    .map(|(n, d)| (n, d.into_iter().collect()))
                    .collect();
                names.sort_by_key(|n| std::cmp::Reverse(n.1.len()));
                NameConflict { code, year, names }
            })
            .collect()
    }

    /// The harvest as rows of the printed-names data file
    /// (`code, name, first_year, last_year, source`), sorted by code then
    /// year: for each code and year the name most documents print (ties:
    /// a name printed on one line somewhere wins over one only joined from
    /// wrapped lines, then the first in sort order), years with one name merged
    /// into one range, `source` listing the documents. A code printed in
    /// non-consecutive years with the same name gets one row spanning
    /// them, unless another name lies between.
    pub fn rows(&self) -> Vec<HarvestRow> {
        let single_line: BTreeSet<(Code, String)> = self
            .printed
            .iter()
            .filter(|p| !p.joined)
            .map(|p| (p.code, p.name.clone()))
            .collect();
        let mut chosen: BTreeMap<Code, Vec<(u16, String, BTreeSet<String>)>> = BTreeMap::new();
        for ((code, year), names) in self.by_year() {
            let best = names.into_iter().max_by(|a, b| {
                a.1.len()
                    .cmp(&b.1.len())
                    .then_with(|| {
                        single_line
                            .contains(&(code, a.0.clone()))
                            .cmp(&single_line.contains(&(code, b.0.clone())))
                    })
                    .then_with(|| b.0.cmp(&a.0))
            });
            if let Some((name, docs)) = best {
                chosen.entry(code).or_default().push((year, name, docs));
            }
        }
        let mut rows: Vec<HarvestRow> = Vec::new();
        for (code, years) in chosen {
            let mut current: Option<HarvestRow> = None;
            for (year, name, docs) in years {
                match current.as_mut() {
                    Some(row) if row.name == name => {
                        row.last_year = year;
                        row.sources.extend(docs);
                    }
                    _ => {
                        if let Some(row) = current.take() {
                            rows.push(row);
                        }
                        current = Some(HarvestRow {
                            code,
                            name,
                            first_year: year,
                            last_year: year,
                            sources: docs,
                        });
                    }
                }
            }
            rows.extend(current);
        }
        rows
    }

    /// [`Harvest::rows`] as TSV with a header line, the format of
    /// `data/printed-in-disclosures.tsv`; it loads back with
    /// [`Catalog::load_edition`](crate::Catalog::load_edition).
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("code\tname\tfirst_year\tlast_year\tsource\n");
        for row in self.rows() {
            let _ = writeln!(out, "{row}");
        }
        out
    }
}

/// One row of a [`Harvest`]: a code's name over a range of budget years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestRow {
    /// The code.
    pub code: Code,
    /// The name.
    pub name: String,
    /// First budget year printing it.
    pub first_year: u16,
    /// Last budget year printing it.
    pub last_year: u16,
    /// The documents printing it.
    pub sources: BTreeSet<String>,
}

impl std::fmt::Display for HarvestRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sources: Vec<&str> = self.sources.iter().map(String::as_str).collect();
        write!(
            f,
            "{}\t{}\t{}\t{}\t{}",
            self.code,
            self.name,
            self.first_year,
            self.last_year,
            sources.join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        harvest_text(text, 2024, "t")
            .into_iter()
            .map(|p| (p.code.to_string(), p.name))
            .collect()
    }

    #[test]
    fn right_hand_code_with_its_name_on_the_next_line() {
        let text = "\
30107    绩效工资           1594.02   30205    水费               0.92
         机关事业单位基本养老保
30108                    446.11   30206    电费              18.86
        险缴费
30109    职业年金缴费          225.12   30207
                                     邮电费                    8.05
30110    职工基本医疗保险缴费    236.63     30208
                                     取暖费                    0.00
";
        let found = pairs(text);
        let get = |c: &str| {
            found
                .iter()
                .find(|(code, _)| code == c)
                .map(|(_, n)| n.as_str())
        };
        assert_eq!(get("30107"), Some("绩效工资"));
        assert_eq!(get("30205"), Some("水费"));
        assert_eq!(get("30108"), Some("机关事业单位基本养老保险缴费"));
        assert_eq!(get("30206"), Some("电费"));
        assert_eq!(get("30109"), Some("职业年金缴费"));
        assert_eq!(get("30207"), Some("邮电费"));
        assert_eq!(get("30110"), Some("职工基本医疗保险缴费"));
        assert_eq!(get("30208"), Some("取暖费"));
        assert_eq!(found.len(), 8, "{found:?}");
    }

    #[test]
    fn a_one_line_name_above_a_bare_code_is_its_name() {
        // (A string continuation would eat the first line's indent.)
        let text = "
           城乡社区管理
21201                  1092.80      1084.02      8.77
           事务
           行政运行
2120101                1092.80      1084.02      8.77
           城乡社区规划
21202                  2739.56       488.68    2250.88
           与管理
";
        assert_eq!(
            pairs(text),
            [
                ("21201".to_string(), "城乡社区管理事务".to_string()),
                ("2120101".to_string(), "行政运行".to_string()),
                ("21202".to_string(), "城乡社区规划与管理".to_string()),
            ]
        );
    }

    #[test]
    fn titles_and_totals_are_not_joined_to_names() {
        let text = "\
2210202            提租补贴                       1,959.99
      七、2017 年度江苏省高级人民法院部门政府性基金支出预算表
2210203   购房补贴   171.49
          合计        9746.50
";
        assert_eq!(
            pairs(text),
            [
                ("2210202".to_string(), "提租补贴".to_string()),
                ("2210203".to_string(), "购房补贴".to_string()),
            ]
        );
    }
}
