//! Splitting a table line into codes, labels and numbers.

use rust_decimal::Decimal;

use crate::source::Line;

/// What a piece of a table line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Text: a row label, a header or a note (spaces inside removed).
    Label(String),
    /// An amount as printed (`8,633.56`, `0`, `189,767,551`).
    Amount(Decimal),
    /// A percentage as printed (`17.47%`), in points.
    Percent(Decimal),
    /// A "no amount" dash (`-`, `—`).
    Dash,
}

/// A token with its position on the line (character columns, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    pub kind: TokKind,
    /// The text as printed (normalised).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn is_number(&self) -> bool {
        matches!(self.kind, TokKind::Amount(_) | TokKind::Percent(_))
    }
    pub fn label(&self) -> Option<&str> {
        match &self.kind {
            TokKind::Label(s) => Some(s),
            _ => None,
        }
    }
}

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '-' | '+')
}

fn is_dash(s: &[char]) -> bool {
    !s.is_empty() && s.iter().all(|c| matches!(c, '-' | '—' | '–' | '─' | '―'))
}

/// Splits a normalised line into tokens.
///
/// Words are separated by whitespace. Inside a word, a run of number
/// characters followed by text stays part of the text (`1、`, `2025年`)
/// unless it is a decimal, grouped or percent number (`17.09%合  计` is a
/// percent then a label). A label's words are joined when separated by a
/// single space or by letter spacing, so `合  计` and `收 入 总 计` are one
/// label; a run of three or more spaces in layout text separates cells.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    tokenize_chars(&chars)
}

/// [`tokenize`] on the characters of the text.
fn tokenize_chars(chars: &[char]) -> Vec<Tok> {
    // 1. words with positions
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        words.push((start, i));
    }
    // 2. split words into numeric / text pieces
    let mut pieces: Vec<Tok> = Vec::new();
    let label = |s: usize, e: usize| {
        let run: String = chars.get(s..e).unwrap_or_default().iter().collect();
        Tok {
            kind: TokKind::Label(run.clone()),
            text: run,
            start: s,
            end: e,
        }
    };
    for (ws, we) in words {
        let word = chars.get(ws..we).unwrap_or_default();
        if is_dash(word) {
            pieces.push(Tok {
                kind: TokKind::Dash,
                text: word.iter().collect(),
                start: ws,
                end: we,
            });
            continue;
        }
        // maximal numeric runs of the word, each parsed once; the text
        // between numbers (numeric runs that are not numbers included) is
        // one piece
        let mut text_from: Option<usize> = None;
        let mut j = ws;
        while j < we {
            let c = chars.get(j).copied().unwrap_or(' ');
            let starts_number = c.is_ascii_digit()
                || ((c == '-' || c == '+') && chars.get(j + 1).is_some_and(|d| d.is_ascii_digit()));
            if !starts_number {
                text_from.get_or_insert(j);
                j += 1;
                continue;
            }
            let s = j;
            j += 1;
            while j < we && chars.get(j).copied().is_some_and(is_numeric_char) {
                j += 1;
            }
            let run: String = chars.get(s..j).unwrap_or_default().iter().collect();
            let whole = s == ws && j == we;
            let strong = run.contains(['.', ',', '%']);
            let number = if whole || strong {
                number_token(run, s, j)
            } else {
                None
            };
            match number {
                Some(tok) => {
                    if let Some(t) = text_from.take() {
                        pieces.push(label(t, s));
                    }
                    pieces.push(tok);
                }
                None => {
                    text_from.get_or_insert(s);
                }
            }
        }
        if let Some(t) = text_from {
            pieces.push(label(t, we));
        }
    }
    // 3. join adjacent label pieces separated by less than 3 spaces
    let mut out: Vec<Tok> = Vec::new();
    for p in pieces {
        if let (Some(last), TokKind::Label(t)) = (out.last_mut(), &p.kind) {
            if let TokKind::Label(prev) = &mut last.kind {
                let gap = p.start.saturating_sub(last.end);
                if gap < 3 {
                    prev.push_str(t);
                    let between: String = chars
                        .get(last.end..p.start)
                        .unwrap_or_default()
                        .iter()
                        .collect();
                    last.text.push_str(&between);
                    last.text.push_str(&p.text);
                    last.end = p.end;
                    continue;
                }
            }
        }
        out.push(p);
    }
    out
}

fn number_token(run: String, start: usize, end: usize) -> Option<Tok> {
    if let Some(body) = run.strip_suffix('%') {
        let p = yusuan_money::Percent::parse(body).ok()?;
        return Some(Tok {
            kind: TokKind::Percent(p.points()),
            text: run,
            start,
            end,
        });
    }
    let w = yusuan_money::Wan::parse(&run).ok()?;
    Some(Tok {
        kind: TokKind::Amount(w.value()),
        text: run,
        start,
        end,
    })
}

/// A 科目编码 printed at the start of a row, whole (`2080108`) or split into
/// its levels (`208 01 08`, `310   02`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeTok {
    /// The digits joined, e.g. `2080108`.
    pub digits: String,
    /// As printed.
    pub printed: String,
}

/// A table line read as a row: optional code, label text, numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub line: usize,
    pub page: usize,
    pub code: Option<CodeTok>,
    /// All label text of the line, joined (spaces removed).
    pub label: String,
    /// The tokens after the code, in order.
    pub toks: Vec<Tok>,
}

impl Row {
    /// The numbers (amounts, percents, dashes) in printed order.
    pub fn numbers(&self) -> impl Iterator<Item = &Tok> {
        self.toks
            .iter()
            .filter(|t| t.is_number() || matches!(t.kind, TokKind::Dash))
    }
    #[cfg(test)]
    pub fn number_count(&self) -> usize {
        self.numbers().count()
    }
    pub fn has_numbers(&self) -> bool {
        self.toks.iter().any(Tok::is_number)
    }
}

/// Reads a line as a row: leading digit groups that form a 科目编码
/// (3 digits, then groups of 2, or 5 or 7 digits whole) followed by a label
/// are the code.
pub(crate) fn row_of(line: &Line) -> Row {
    // the line's characters, split once for the code and the tokens (room
    // made at once: collecting guesses a quarter and grows)
    let mut chars: Vec<char> = Vec::with_capacity(line.text.len());
    chars.extend(line.text.chars());
    let (code, from) = split_code(&chars);
    let toks = tokenize_chars(chars.get(from..).unwrap_or_default());
    let mut label = String::new();
    for l in toks.iter().filter_map(|t| t.label()) {
        label.extend(l.chars().filter(|c| !c.is_whitespace()));
    }
    let toks = toks
        .into_iter()
        .map(|mut t| {
            t.start += from;
            t.end += from;
            t
        })
        .collect();
    Row {
        line: line.number,
        page: line.page,
        code,
        label,
        toks,
    }
}

/// Splits a leading code off; returns the code and the character offset of
/// the rest of the line.
fn split_code(chars: &[char]) -> (Option<CodeTok>, usize) {
    let mut i = 0;
    let mut groups: Vec<String> = Vec::new();
    let mut end_of_code = 0;
    loop {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let s = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == s {
            break;
        }
        // the group must end at a space or at text (not at , . %)
        match chars.get(i) {
            Some(c) if is_numeric_char(*c) => break,
            _ => {}
        }
        groups.push(chars.get(s..i).unwrap_or_default().iter().collect());
        end_of_code = i;
        if groups.len() == 3 {
            break;
        }
    }
    // what follows must be text (a label), not a number
    let next_is_text = chars
        .get(end_of_code..)
        .unwrap_or_default()
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| !c.is_ascii_digit() && !matches!(c, '-' | '+' | '.' | ','));
    // try the longest valid prefix of groups
    for n in (1..=groups.len()).rev() {
        let g = groups.get(..n).unwrap_or_default();
        let digits: String = g.concat();
        let valid = match g {
            [a] => matches!(a.len(), 3 | 5 | 7 | 9),
            [a, b] => a.len() == 3 && b.len() == 2,
            [a, b, c] => a.len() == 3 && b.len() == 2 && c.len() == 2,
            _ => false,
        };
        if !valid || !digits.starts_with(|c: char| ('1'..='9').contains(&c)) {
            continue;
        }
        if n == groups.len() && !next_is_text {
            continue;
        }
        if n < groups.len() {
            // the next group is then a number of the row: only accept if
            // the rest is text-led; otherwise not a code line
            continue;
        }
        // find the char offset where the n-th group ends
        let mut seen = 0;
        let mut k = 0;
        let mut end = 0;
        while k < chars.len() && seen < n {
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            while chars.get(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            end = k;
            seen += 1;
        }
        let printed: String = chars
            .get(..end)
            .unwrap_or_default()
            .iter()
            .collect::<String>()
            .trim()
            .to_owned();
        return (Some(CodeTok { digits, printed }), end);
    }
    (None, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line::new(1, 1, s.into())
    }

    fn kinds(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .map(|t| match t.kind {
                TokKind::Label(l) => format!("L:{l}"),
                TokKind::Amount(a) => format!("A:{a}"),
                TokKind::Percent(p) => format!("P:{p}"),
                TokKind::Dash => "-".into(),
            })
            .collect()
    }

    #[test]
    fn labels_numbers_percents() {
        assert_eq!(
            kinds("  3,566.14     3,566.14   609.38 17.09%合  计"),
            ["A:3566.14", "A:3566.14", "A:609.38", "P:17.09", "L:合计"]
        );
        assert_eq!(
            kinds("一、一般公共预算拨款收入 4,175.52 一、社会保障和就业支出 8,282.63"),
            [
                "L:一、一般公共预算拨款收入",
                "A:4175.52",
                "L:一、社会保障和就业支出",
                "A:8282.63"
            ]
        );
        assert_eq!(
            kinds("1、一般公共预算资金     371,514,655.00 二、科学技术支出"),
            [
                "L:1、一般公共预算资金",
                "A:371514655.00",
                "L:二、科学技术支出"
            ]
        );
        assert_eq!(
            kinds("收　入　总　计 8,633.56"),
            ["L:收入总计", "A:8633.56"]
        );
        assert_eq!(kinds("2025年预算数"), ["L:2025年预算数"]);
        assert_eq!(kinds("其他资金 -"), ["L:其他资金", "-"]);
        assert_eq!(
            kinds("37.91   0   1.35  15"),
            ["A:37.91", "A:0", "A:1.35", "A:15"]
        );
    }

    #[test]
    fn codes() {
        let r = row_of(&line("    2080108     信息化建设 3,731.75 3,731.75"));
        assert_eq!(r.code.as_ref().unwrap().digits, "2080108");
        assert_eq!(r.label, "信息化建设");
        assert_eq!(r.number_count(), 2);
        let r = row_of(&line("201   13   01   行政运行   9,389,913.00"));
        assert_eq!(r.code.as_ref().unwrap().digits, "2011301");
        assert_eq!(r.code.unwrap().printed, "201   13   01");
        let r = row_of(&line("  310   02    办公设备购置   78,000.00"));
        assert_eq!(r.code.unwrap().digits, "31002");
        let r = row_of(&line("  22102 　住房改革支出      77.00"));
        assert_eq!(r.code.unwrap().digits, "22102");
        let r = row_of(&line("8,633.56 4,901.81 3,731.75"));
        assert!(r.code.is_none());
        let r = row_of(&line("37.91 0 1.35"));
        assert!(r.code.is_none());
        let r = row_of(&line("  15    21.56"));
        assert!(r.code.is_none());
    }
}
