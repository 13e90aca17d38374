//! Layout text rebuilt from the words of `pdftotext -tsv`, so that a PDF is
//! read by running `pdftotext` once.

use std::cmp::Ordering;

use crate::words::{Page, Word};

/// A line of text as `pdftotext` built it: its words joined, one column
/// per character. Its characters and their edges live in the page's
/// [`Arena`] (a line of its own allocation each was a third of the time).
#[derive(Clone, Copy)]
struct Line {
    /// Its first character in [`Arena::chars`].
    start: usize,
    /// How many characters it has.
    len: usize,
    /// Its first edge in [`Arena::edges`]: the left edge of each character
    /// and the right edge of the last (`len + 1` entries).
    edge_start: usize,
    /// The column of its first character, relative to the page once blocks
    /// are placed (character `k` is at column `offset + k`).
    offset: usize,
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

/// The characters of a page's lines and their left edges.
#[derive(Default)]
struct Arena {
    chars: Vec<char>,
    edges: Vec<f64>,
}

/// A character's width in ems: CJK and full-width forms one em, digits and
/// letters half, ASCII punctuation `punct`.
fn char_ems(c: char, punct: f64) -> f64 {
    // ASCII first: the ranges below hold none of it
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            0.5
        } else {
            punct
        };
    }
    match c as u32 {
        0x2018..=0x201F => 0.8,
        _ => 1.0,
    }
}

/// A word's width in ems, by the usual advance of its characters: CJK and
/// full-width forms one em, digits and letters half, punctuation a quarter.
fn ems(text: &str) -> f64 {
    ems_with(text, 0.25)
}

/// As [`ems`], with ASCII punctuation `punct` em wide (half an em in a CJK
/// font).
fn ems_with(text: &str, punct: f64) -> f64 {
    text.chars().map(|c| char_ems(c, punct)).sum()
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
    let wide = w.text.chars().filter(|&c| char_ems(c, 0.25) >= 1.0).count();
    let em = ems_with(&w.text, 0.5);
    (n > 0 && wide * 4 >= n * 3 && w.x1 > w.x0 && em > 0.0)
        .then(|| ((w.x1 - w.x0) / em).clamp(h / 1.35, h / 0.95))
}

impl Line {
    /// The line of `words` (one or more, in printed order), its characters
    /// pushed onto `arena`.
    fn new(words: &[Word], arena: &mut Arena) -> Line {
        let start = arena.chars.len();
        let edge_start = arena.edges.len();
        let first = words.first();
        let (size, descent) = first.map_or((1.0, 0.0), size_and_descent);
        let mut prev_x1: Option<f64> = None;
        let (mut x0, mut x1, mut y0) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY);
        for w in words {
            x0 = x0.min(w.x0);
            x1 = x1.max(w.x1);
            y0 = y0.min(w.y0);
            let n = w.text.chars().count();
            if n == 0 {
                continue;
            }
            if let Some(px) = prev_x1 {
                // pdftotext puts a space between two words of a line
                // unless they touch (a change of font inside a word)
                if w.x0 - px > 0.1 * size {
                    arena.chars.push(' ');
                    arena.edges.push(px);
                }
            }
            let step = (w.x1 - w.x0) / n as f64;
            for (i, c) in w.text.chars().enumerate() {
                arena.chars.push(c);
                arena.edges.push(w.x0 + step * i as f64);
            }
            prev_x1 = Some(w.x1);
        }
        arena.edges.push(prev_x1.unwrap_or(0.0));
        Line {
            start,
            len: arena.chars.len() - start,
            edge_start,
            offset: 0,
            x0,
            x1,
            y0,
            base: first.map_or(0.0, |w| w.y1) - descent,
            size,
            advance: first.and_then(advance_size).unwrap_or(size),
        }
    }

    fn end_col(&self) -> usize {
        self.offset + self.len
    }

    /// The column at which a line starting at `x` begins when placed
    /// against this one (`pdftotext`'s rule: after its end if `x` is past
    /// it, else at the first character whose centre is past `x`).
    fn col_at(&self, x: f64, arena: &Arena) -> usize {
        if x >= self.x1 {
            return self.end_col() + 1;
        }
        let edges = arena
            .edges
            .get(self.edge_start..=self.edge_start + self.len)
            .unwrap_or_default();
        let k = edges
            .windows(2)
            .position(|e| match e {
                [a, b] => x < 0.5 * (a + b),
                _ => true,
            })
            .unwrap_or(edges.len().saturating_sub(1));
        self.offset + k
    }
}

/// A block of lines (a range of the page's lines, placed together) and
/// where it is placed.
struct Block {
    lines: std::ops::Range<usize>,
    x0: f64,
    x1: f64,
    y0: f64,
    col: usize,
    columns: usize,
}

fn by_x_then_y(a: (f64, f64), b: (f64, f64)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
}

/// The column at which a block starting at `x` begins when placed against
/// the block `b` (`pdftotext`'s rule: three columns after its end if `x`
/// is past it, else at the proportional column within it).
fn start_after(b: &Block, x: f64) -> usize {
    if x > b.x1 {
        b.col + b.columns + 3
    } else if b.x1 <= b.x0 {
        b.col
    } else {
        let f = ((x - b.x0) / (b.x1 - b.x0)) * b.columns as f64;
        b.col + (f.max(0.0) as usize).min(MAX_COLUMN)
    }
}

/// Sets the column of each block (sorted by left edge): the largest column
/// the blocks before it give ([`start_after`]). Those it is right of give
/// their end + 3, and as blocks come by left edge, every later block is
/// right of them too: they are kept as one largest column (`past`), and
/// only the blocks not yet left behind (`open`) are looked at one by one
/// (looking at every block was a seventh of the time on a table page).
fn place_blocks(blocks: &mut [Block]) {
    let mut past = 0usize;
    let mut open: Vec<usize> = Vec::new();
    for k in 0..blocks.len() {
        let Some((done, rest)) = blocks.split_at_mut_checked(k) else {
            break;
        };
        let Some(blk) = rest.first_mut() else {
            break;
        };
        let col = if blk.x0.is_nan() {
            // not ordered against the others: every block is looked at
            // (never from `render_page`, whose edges are minima, which skip
            // NaN; kept so that the rule holds for any block)
            done.iter()
                .map(|b| start_after(b, blk.x0))
                .max()
                .unwrap_or(0)
        } else {
            open.retain(|&i| match done.get(i) {
                Some(b) if blk.x0 > b.x1 => {
                    past = past.max(start_after(b, blk.x0));
                    false
                }
                _ => true,
            });
            open.iter()
                .filter_map(|&i| done.get(i))
                .map(|b| start_after(b, blk.x0))
                .max()
                .unwrap_or(0)
                .max(past)
        };
        blk.col = col.min(MAX_COLUMN);
        open.push(k);
    }
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
/// Placing a block looks one by one only at the blocks it overlaps (those
/// it is right of are kept as the one column they push it to): time grows
/// with the blocks of a page times the blocks one vertical line crosses,
/// linearly with the pages.
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
    // one arena for all pages: it grows to the largest page once
    let mut arena = Arena::default();
    for page in pages {
        arena.chars.clear();
        arena.edges.clear();
        render_page(page, &mut arena, &mut out);
        out.push('\x0c');
    }
    out
}

fn render_page(page: &Page, arena: &mut Arena, out: &mut String) {
    // lines (runs of words with one line id) and blocks (runs of lines of
    // one block), in the order pdftotext printed them
    let mut lines: Vec<Line> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < page.words.len() {
        let id = page.words.get(i).and_then(|w| w.line);
        let mut j = i + 1;
        if id.is_some() {
            while page.words.get(j).is_some_and(|w| w.line == id) {
                j += 1;
            }
        }
        let block = id.map(|id| (id.flow, id.block));
        let same_block = block.is_some()
            && i > 0
            && page
                .words
                .get(i - 1)
                .and_then(|w| w.line)
                .map(|p| (p.flow, p.block))
                == block;
        if !same_block {
            blocks.push(Block {
                lines: lines.len()..lines.len(),
                x0: 0.0,
                x1: 0.0,
                y0: 0.0,
                col: 0,
                columns: 0,
            });
        }
        lines.push(Line::new(page.words.get(i..j).unwrap_or_default(), arena));
        if let Some(b) = blocks.last_mut() {
            b.lines.end = lines.len();
        }
        i = j;
    }
    for b in &mut blocks {
        let Some(block_lines) = lines.get_mut(b.lines.clone()) else {
            continue;
        };
        block_lines.sort_by(|a, b| by_x_then_y((a.x0, a.y0), (b.x0, b.y0)));
        // place the lines of the block
        let mut columns = 0;
        for k in 0..block_lines.len() {
            let Some((done, rest)) = block_lines.split_at_mut_checked(k) else {
                break;
            };
            let Some(line) = rest.first_mut() else {
                break;
            };
            let col = done
                .iter()
                .map(|l| l.col_at(line.x0, arena))
                .max()
                .unwrap_or(0)
                .min(MAX_COLUMN);
            line.offset += col;
            columns = columns.max(line.end_col());
        }
        b.x0 = block_lines
            .iter()
            .map(|l| l.x0)
            .fold(f64::INFINITY, f64::min);
        b.x1 = block_lines
            .iter()
            .map(|l| l.x1)
            .fold(f64::NEG_INFINITY, f64::max);
        b.y0 = block_lines
            .iter()
            .map(|l| l.y0)
            .fold(f64::INFINITY, f64::min);
        b.columns = columns;
    }
    // place the blocks on the page, left to right
    blocks.sort_by(|a, b| by_x_then_y((a.x0, a.y0), (b.x0, b.y0)));
    place_blocks(&mut blocks);
    let mut frags: Vec<Line> = Vec::with_capacity(lines.len());
    for b in &blocks {
        for l in lines.get(b.lines.clone()).unwrap_or_default() {
            let mut l = *l;
            // the block's lines move with it
            l.offset += b.col;
            frags.push(l);
        }
    }
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
            run.sort_by(|a, b| a.offset.cmp(&b.offset).then(a.x0.total_cmp(&b.x0)));
        }
        i = j;
    }
    let mut col = 0usize;
    for (i, f) in frags.iter().enumerate() {
        while col < f.offset {
            out.push(' ');
            col += 1;
        }
        out.extend(
            arena
                .chars
                .get(f.start..f.start + f.len)
                .unwrap_or_default(),
        );
        col += f.len;
        let next = frags.get(i + 1);
        let breaks = match next {
            None => 1,
            Some(n) => {
                if n.offset < col || (n.base - f.base).abs() > 0.5 * f.size {
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
    use proptest::strategy::{Just, Strategy};

    proptest::proptest! {
        /// The sweep places every block where looking at every block
        /// before it places it (the rule as first written).
        #[test]
        fn blocks_placed_as_against_every_earlier_block(
            raw in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        8 => (0u32..60).prop_map(|x| f64::from(x) / 2.0),
                        1 => Just(f64::NAN),
                        1 => Just(-f64::NAN),
                        1 => Just(-0.0),
                    ],
                    -4i32..30,
                    0usize..40,
                ),
                0..40,
            ),
        ) {
            let mut blocks: Vec<Block> = raw
                .iter()
                .map(|&(x0, w, columns)| Block {
                    lines: 0..0,
                    x0,
                    x1: x0 + f64::from(w) / 2.0,
                    y0: 0.0,
                    col: 0,
                    columns,
                })
                .collect();
            blocks.sort_by(|a, b| by_x_then_y((a.x0, a.y0), (b.x0, b.y0)));
            place_blocks(&mut blocks);
            let mut expected: Vec<usize> = Vec::new();
            for (k, blk) in blocks.iter().enumerate() {
                let col = blocks
                    .get(..k)
                    .unwrap_or_default()
                    .iter()
                    .zip(&expected)
                    .map(|(b, &col)| {
                        if blk.x0 > b.x1 {
                            col + b.columns + 3
                        } else if b.x1 <= b.x0 {
                            col
                        } else {
                            let f = ((blk.x0 - b.x0) / (b.x1 - b.x0)) * b.columns as f64;
                            col + (f.max(0.0) as usize).min(MAX_COLUMN)
                        }
                    })
                    .max()
                    .unwrap_or(0);
                expected.push(col.min(MAX_COLUMN));
            }
            let got: Vec<usize> = blocks.iter().map(|b| b.col).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }

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
