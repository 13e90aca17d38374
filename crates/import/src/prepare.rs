//! A table part's lines sorted into data rows, header text and notes.

use rust_decimal::Decimal;
use yusuan_tables::TableKind;

use crate::segment::{unit_of, AmountUnit, Part};
use crate::source::{Line, Source};
use crate::tokens::{row_of, Row, TokKind};

/// The lines of one table, sorted.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub kind: TableKind,
    /// The printed title (as printed, trimmed).
    pub title: Option<String>,
    /// The printed number (`单位公开表3`).
    pub number: Option<String>,
    pub unit: AmountUnit,
    /// All header text (lines without numbers), squeezed, in order.
    pub header: String,
    /// Header lines (index into source lines) for positions.
    pub header_lines: Vec<usize>,
    /// Lines with at least one number.
    pub rows: Vec<Row>,
    /// 注 lines, as printed.
    pub notes: Vec<String>,
    /// 1-based line of the title (or unit line).
    pub line: usize,
    /// Whether the text is layout text.
    pub layout: bool,
}

impl Prepared {
    /// Half of the last printed decimal unit, the rounding tolerance of one
    /// cell: 0.005 for `8,633.56`, 0.5 for `189,767,551`.
    pub fn half_unit(&self) -> Decimal {
        let dp = self
            .rows
            .iter()
            .flat_map(|r| r.toks.iter())
            .filter_map(|t| match t.kind {
                TokKind::Amount(d) => Some(d.scale()),
                _ => None,
            })
            .max()
            .unwrap_or(2);
        // A decimal has at most 28 places: an amount printed with 28
        // (`0.0000000000000000000000000001`) must not make this panic.
        Decimal::new(5, dp.min(27) + 1)
    }
}

fn is_number_line(sq: &str) -> bool {
    let t = sq.trim_end_matches(|c: char| c.is_ascii_digit());
    t.len() < sq.len() && (t.ends_with("公开表") || t == "表")
}

/// Sorts a table part's lines.
pub(crate) fn prepare(src: &Source, part: &Part, kind: TableKind) -> Prepared {
    let lines: &[Line] = src.lines.get(part.start..part.end).unwrap_or_default();
    let title = part
        .title
        .and_then(|i| src.lines.get(i))
        .map(|l| l.raw.trim().to_owned());
    let mut number = None;
    let mut header = String::new();
    let mut header_lines = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut unit = AmountUnit::Wan;
    let mut in_note = false;
    let layout = src.format == crate::TextFormat::Layout;
    for (off, line) in lines.iter().enumerate() {
        let idx = part.start + off;
        let sq = line.squeezed();
        if sq.is_empty() {
            in_note = false;
            continue;
        }
        if Some(idx) == part.title {
            continue;
        }
        if let Some(u) = unit_of(sq) {
            unit = u;
            continue;
        }
        if is_number_line(sq) {
            number = Some(line.raw.trim().to_owned());
            continue;
        }
        if sq.starts_with("编制单位") || sq.starts_with("编制部门") {
            continue;
        }
        if sq.starts_with("注:") || sq.starts_with("注：") || sq.starts_with("说明:") {
            notes.push(line.raw.trim().to_owned());
            in_note = !sq.ends_with('。');
            continue;
        }
        if in_note && !layout_row_like(line) {
            if let Some(last) = notes.last_mut() {
                last.push_str(line.raw.trim());
            }
            in_note = !sq.ends_with('。');
            continue;
        }
        let row = row_of(line);
        if row.has_numbers() {
            rows.push(row);
        } else if layout
            && row.code.is_none()
            && row.toks.len() == 1
            && sq.chars().count() <= 12
            && line.text.len() - line.text.trim_start().len() >= 8
            && rows
                .last()
                .is_some_and(|r| r.code.is_some() && r.line + 1 == line.number)
        {
            // a label wrapped onto the next line ("…相关机构事" + "务支出")
            if let Some(last) = rows.last_mut() {
                last.label.push_str(sq);
            }
        } else {
            header.push_str(sq);
            header_lines.push(idx);
        }
    }
    Prepared {
        kind,
        title,
        number,
        unit,
        header,
        header_lines,
        rows,
        notes,
        line: part
            .title
            .or(part.unit_line)
            .and_then(|i| src.lines.get(i))
            .map_or(0, |l| l.number),
        layout,
    }
}

fn layout_row_like(line: &Line) -> bool {
    row_of(line).has_numbers()
}
