//! Layout text rebuilt from the words of `pdftotext -tsv`, so that a PDF is
//! read by running `pdftotext` once.

use std::cmp::Ordering;

use crate::words::{LineId, Page, Word};

/// A line of text as `pdftotext` built it: its words joined, one column
/// per character.
struct Line {
    chars: Vec<char>,
    /// Left edge of each character and the right edge of the last
    /// (`chars.len() + 1` entries).
    edges: Vec<f64>,
    /// Column of each character and of the end (`chars.len() + 1`),
    /// relative to the page once blocks are placed.
    cols: Vec<usize>,
    x0: f64,
    x1: f64,
    y0: f64,
    /// Baseline estimate (the bottom of the line's box).
    base: f64,
    /// Font size estimate (the height of the first word's box).
    size: f64,
    /// Font size estimate from the advance of its first word's characters,
    /// when that word is mostly CJK text (for the count of line breaks).
    advance: f64,
}

/// A word's width in ems, by the usual advance of its characters: CJK and
/// full-width forms one em, digits and letters half, punctuation a quarter.
fn ems(text: &str) -> f64 {
    ems_with(text, 0.25)
}

/// As [`ems`], with ASCII punctuation `punct` em wide (half an em in a CJK
/// font).
fn ems_with(text: &str, punct: f64) -> f64 {
    text.chars()
        .map(|c| match c as u32 {
            0x2E80..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF01..=0xFF60 => 1.0,
            _ if c.is_ascii_alphanumeric() => 0.5,
            0x2018..=0x201F => 0.8,
            _ if c.is_ascii() => punct,
            _ => 1.0,
        })
        .sum()
}

/// The font size and descent (below the baseline) of a word, in points,
/// from its box. `pdftotext` makes a box `ascent − descent` font sizes
/// high: about one for a font with its own metrics (ascent 0.86, descent
/// 0.14), 1.3 with its defaults (0.95, 0.35); the box's height over the
/// size its characters' advances give tells which.
fn size_and_descent(w: &Word) -> (f64, f64) {
    let h = (w.y1 - w.y0).max(0.1);
    let em = ems(&w.text);
    let ratio = if em > 0.0 && w.x1 > w.x0 {
        h / ((w.x1 - w.x0) / em)
    } else {
        1.0
    };
    if (ratio - 1.0).abs() <= (ratio - 1.3).abs() {
        (h, 0.14 * h)
    } else {
        (h / 1.3, 0.35 * h / 1.3)
    }
}

/// The font size of a word of mostly CJK text: the advance per em of its
/// characters (unless letter-spaced), within the bounds its box's height
/// allows.
fn advance_size(w: &Word) -> Option<f64> {
    let h = (w.y1 - w.y0).max(0.1);
    let n = w.text.chars().count();
    let wide = w
        .text
        .chars()
        .filter(|c| ems(&c.to_string()) >= 1.0)
        .count();
    let em = ems_with(&w.text, 0.5);
    (n > 0 && wide * 4 >= n * 3 && w.x1 > w.x0 && em > 0.0)
        .then(|| ((w.x1 - w.x0) / em).clamp(h / 1.35, h / 0.95))
}

impl Line {
    fn new(words: &[&Word]) -> Line {
        let mut chars = Vec::new();
        let mut edges = Vec::new();
        let first = words.first();
        let (size, descent) = first.map_or((1.0, 0.0), |w| size_and_descent(w));
        let mut prev_x1: Option<f64> = None;
        for w in words {
            let n = w.text.chars().count();
            if n == 0 {
                continue;
            }
            if let Some(px) = prev_x1 {
                // pdftotext puts a space between two words of a line
                // unless they touch (a change of font inside a word)
                if w.x0 - px > 0.1 * size {
                    chars.push(' ');
                    edges.push(px);
                }
            }
            let step = (w.x1 - w.x0) / n as f64;
            for (i, c) in w.text.chars().enumerate() {
                chars.push(c);
                edges.push(w.x0 + step * i as f64);
            }
            prev_x1 = Some(w.x1);
        }
        edges.push(prev_x1.unwrap_or(0.0));
        let cols = (0..=chars.len()).collect();
        let fold = |f: fn(f64, f64) -> f64, init: f64, g: fn(&Word) -> f64| {
            words.iter().map(|w| g(w)).fold(init, f)
        };
        Line {
            chars,
            edges,
            cols,
            x0: fold(f64::min, f64::INFINITY, |w| w.x0),
            x1: fold(f64::max, f64::NEG_INFINITY, |w| w.x1),
            y0: fold(f64::min, f64::INFINITY, |w| w.y0),
            base: first.map_or(0.0, |w| w.y1) - descent,
            size,
            advance: first.and_then(|w| advance_size(w)).unwrap_or(size),
        }
    }

    fn end_col(&self) -> usize {
        self.cols.last().copied().unwrap_or(0)
    }

    /// The column at which a line starting at `x` begins when placed
    /// against this one (`pdftotext`'s rule: after its end if `x` is past
    /// it, else at the first character whose centre is past `x`).
    fn col_at(&self, x: f64) -> usize {
        if x >= self.x1 {
            return self.end_col() + 1;
        }
        let mut k = 0;
        while k < self.chars.len() {
            let mid = match (self.edges.get(k), self.edges.get(k + 1)) {
                (Some(a), Some(b)) => 0.5 * (a + b),
                _ => break,
            };
            if x < mid {
                break;
            }
            k += 1;
        }
        self.cols.get(k).copied().unwrap_or(0)
    }

    fn shift(&mut self, by: usize) {
        for c in &mut self.cols {
            *c += by;
        }
    }
}

struct Block {
    lines: Vec<Line>,
    x0: f64,
    x1: f64,
    y0: f64,
    col: usize,
    columns: usize,
}

fn by_x_then_y(a: (f64, f64), b: (f64, f64)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
}

/// No line starts further right than this: a real page has a few hundred
/// columns, and a box of almost no width must not make a line of spaces
/// without end.
const MAX_COLUMN: usize = 10_000;

/// Renders pages of words as `pdftotext -layout` would print them: each
/// line of words at the character column its position gives, one column
/// per character (CJK included), pages ended by a form feed (`\x0c`).
///
/// Words read from `pdftotext -tsv` ([`parse_tsv`](crate::parse_tsv),
/// [`pdf_pages`](crate::pdf_pages)) keep the line and block `pdftotext`
/// put them in ([`Word::line`]); the text is rebuilt with `pdftotext`'s
/// own placement rules:
/// - a line's words are joined by one space where there is a gap between
///   them;
/// - within a block, a line starts at the column of the first character of
///   an earlier (further left) line whose centre is past its left edge, or
///   one column after the end of a line it starts right of;
/// - a block starts three columns after the widest line of a block it is
///   right of, or at the proportional column of a block it overlaps;
/// - lines whose baselines are within half a font size are printed on one
///   text line, in column order; the gap to the next line gives one to five
///   line breaks.
///
/// Character positions within a word are taken as evenly spaced, and the
/// baseline and font size of a line from its box, so a column can differ
/// by one from `pdftotext -layout`'s in places; words read from layout text
/// (no line ids) are each taken as a line of their own.
///
/// Placing a block looks at every block left of it on its page, as
/// `pdftotext` does: time grows with the square of the blocks on one page
/// (a page of a budget table has a few hundred), linearly with the pages.
///
/// ```
/// use yusuan_layout::{layout_text, parse_tsv};
/// let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
///     1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n\
///     5\t1\t0\t0\t0\t0\t100\t200\t40\t10\t100\t基本工资\n\
///     5\t1\t0\t1\t0\t0\t300\t200\t20\t10\t100\t2.85\n\
///     5\t1\t0\t1\t0\t1\t330\t200\t20\t10\t100\t0.39\n\
///     5\t1\t0\t2\t0\t0\t100\t215\t20\t10\t100\t合计\n";
/// let text = layout_text(&parse_tsv(tsv).unwrap());
/// assert_eq!(text, "基本工资   2.85 0.39\n合计\n\x0c");
/// ```
pub fn layout_text(pages: &[Page]) -> String {
    let mut out = String::new();
    for page in pages {
        render_page(page, &mut out);
        out.push('\x0c');
    }
    out
}

/// The words of one line, in the order `pdftotext` printed them.
type WordLine<'a> = Vec<&'a Word>;

/// A block's flow and number; `None` for a word without line ids.
type BlockKey = Option<(u32, u32)>;

fn render_page(page: &Page, out: &mut String) {
    // lines and blocks, in the order pdftotext printed them
    let mut groups: Vec<(BlockKey, Vec<WordLine>)> = Vec::new();
    let mut last: Option<LineId> = None;
    for w in &page.words {
        match w.line {
            Some(id) => {
                let block = Some((id.flow, id.block));
                let same_block = groups.last().is_some_and(|g| g.0 == block);
                if !same_block {
                    groups.push((block, vec![vec![w]]));
                } else if let Some(g) = groups.last_mut() {
                    if last == Some(id) {
                        if let Some(l) = g.1.last_mut() {
                            l.push(w);
                        }
                    } else {
                        g.1.push(vec![w]);
                    }
                }
                last = Some(id);
            }
            None => {
                groups.push((None, vec![vec![w]]));
                last = None;
            }
        }
    }
    let mut blocks: Vec<Block> = groups
        .into_iter()
        .map(|(_, lines)| {
            let mut lines: Vec<Line> = lines.iter().map(|l| Line::new(l)).collect();
            lines.sort_by(|a, b| by_x_then_y((a.x0, a.y0), (b.x0, b.y0)));
            // place the lines of the block
            let mut columns = 0;
            for i in 0..lines.len() {
                let Some((done, rest)) = lines.split_at_mut_checked(i) else {
                    break;
                };
                let Some(line) = rest.first_mut() else {
                    break;
                };
                let col = done
                    .iter()
                    .map(|l| l.col_at(line.x0))
                    .max()
                    .unwrap_or(0)
                    .min(MAX_COLUMN);
                line.shift(col);
                columns = columns.max(line.end_col());
            }
            let x0 = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
            let x1 = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
            let y0 = lines.iter().map(|l| l.y0).fold(f64::INFINITY, f64::min);
            Block {
                lines,
                x0,
                x1,
                y0,
                col: 0,
                columns,
            }
        })
        .collect();
    // place the blocks on the page
    blocks.sort_by(|a, b| by_x_then_y((a.x0, a.y0), (b.x0, b.y0)));
    for i in 0..blocks.len() {
        let Some((done, rest)) = blocks.split_at_mut_checked(i) else {
            break;
        };
        let Some(blk) = rest.first_mut() else {
            break;
        };
        let col = done
            .iter()
            .map(|b| {
                if blk.x0 > b.x1 {
                    b.col + b.columns + 3
                } else if b.x1 <= b.x0 {
                    b.col
                } else {
                    let f = ((blk.x0 - b.x0) / (b.x1 - b.x0)) * b.columns as f64;
                    b.col + (f.max(0.0) as usize).min(MAX_COLUMN)
                }
            })
            .max()
            .unwrap_or(0);
        blk.col = col.min(MAX_COLUMN);
        for l in &mut blk.lines {
            l.shift(col);
        }
    }
    let mut frags: Vec<Line> = blocks.into_iter().flat_map(|b| b.lines).collect();
    frags.sort_by(|a, b| by_x_then_y((a.y0, a.x0), (b.y0, b.x0)));
    // lines on one baseline are printed together, in column order
    let mut i = 0;
    while i < frags.len() {
        let (base, delta) = frags.get(i).map_or((0.0, 0.0), |f| (f.base, 0.5 * f.size));
        let mut j = i + 1;
        while frags.get(j).is_some_and(|f| (f.base - base).abs() < delta) {
            j += 1;
        }
        if let Some(run) = frags.get_mut(i..j) {
            run.sort_by(|a, b| {
                a.cols
                    .first()
                    .cmp(&b.cols.first())
                    .then(a.x0.total_cmp(&b.x0))
            });
        }
        i = j;
    }
    let mut col = 0usize;
    for (i, f) in frags.iter().enumerate() {
        let start = f.cols.first().copied().unwrap_or(0);
        while col < start {
            out.push(' ');
            col += 1;
        }
        out.extend(f.chars.iter());
        col += f.chars.len();
        let next = frags.get(i + 1);
        let breaks = match next {
            None => 1,
            Some(n) => {
                let n_start = n.cols.first().copied().unwrap_or(0);
                if n_start < col || (n.base - f.base).abs() > 0.5 * f.size {
                    let d = ((n.base - f.base) / f.advance) as i64;
                    d.clamp(1, 5) as usize
                } else {
                    0
                }
            }
        };
        for _ in 0..breaks {
            out.push('\n');
        }
        if breaks > 0 {
            col = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_tsv;

    #[test]
    fn empty_pages_are_form_feeds() {
        let pages = vec![Page::default(), Page::default()];
        assert_eq!(layout_text(&pages), "\x0c\x0c");
    }

    #[test]
    fn blocks_right_of_others_start_three_columns_after() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n\
            5\t1\t0\t0\t0\t0\t100\t200\t20\t10\t100\t收入\n\
            5\t1\t0\t0\t1\t0\t100\t212\t40\t10\t100\t一般公共\n\
            5\t1\t0\t1\t0\t0\t400\t212\t30\t10\t100\t1.00\n";
        let text = layout_text(&parse_tsv(tsv).unwrap());
        assert_eq!(text, "收入\n一般公共   1.00\n\x0c");
    }

    #[test]
    fn words_without_ids_still_render() {
        let pages = crate::pages_from_layout_text("合计    1.00\n");
        let text = layout_text(&pages);
        assert!(text.contains("合计"));
        assert!(text.ends_with('\x0c'));
    }
}
