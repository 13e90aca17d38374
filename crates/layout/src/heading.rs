//! The heading band of a table into leaf columns with heading paths.
//!
//! 1. **Cells.** Heading words are stacked into cells: a piece whose text
//!    does not end a heading word (`机关运行经`, `因公出国`, `一般公共预算`)
//!    joins the piece right under it (`费预算数`, `（境）费`, `拨款收入`)
//!    when they are centred on each other within
//!    [`Settings::stack_gap`](crate::Settings::stack_gap).
//! 2. **Extents.** A heading is centred over what it heads: a cell spans
//!    symmetrically around its centre, as far as the nearer midpoint to the
//!    cells beside it (cells sharing some of its height). A
//!    cell alone at the top of the band spans the whole table; a cell alone
//!    lower down spans the cells under it that reach under its text.
//! 3. **Leaves.** A cell with no cell below it inside its extent is a leaf
//!    (an amount column); so is a cell with exactly one cell below it when
//!    a cell beside it is a leaf, in layout text (pdftotext's layout
//!    squeezes columns: a `公务接待费` can end up over the next group's
//!    `小计`), or when that
//!    cell is also under a merged heading over several cells (a `合计`
//!    printed midway between the `基本支出` row and the `人员经费` row).
//! 4. **Paths.** A leaf's path is the texts of the non-leaf cells above it
//!    whose extent holds its centre, top first, then its own text.
//!
//! Headings of the code and name columns (`项目`, `科目编码`, `类 款 项`)
//! are kept as label cells and are not columns.

use crate::geometry::{BBox, HeadingRole};
use std::borrow::Cow;

use crate::lines::{is_label_heading, Tok};
use crate::text::join_pieces;
use crate::Settings;

/// An amount column found in the heading.
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub b: BBox,
    pub path: Vec<String>,
    /// A `其中…` column: a part of the column before it.
    pub part: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub b: BBox,
    last: BBox,
    pub text: String,
    label: bool,
    pub role: HeadingRole,
    ext: (f64, f64),
}

pub(crate) struct Heading {
    pub cells: Vec<Cell>,
    pub leaves: Vec<Leaf>,
    pub label_cells: Vec<BBox>,
}

/// Characters that end a heading word: a piece ending in one of them is
/// complete and does not continue on the next line.
const TERMINAL: &str = "费数计额入出余金转目称码类款项率%表资息值配";

pub(crate) fn complete(text: &str) -> bool {
    // 因公出 / 国（境）费: 出 ends 支出 but not 因公出国.
    if text.ends_with("因公出") {
        return false;
    }
    let mut rev = text.chars().rev();
    match rev.next() {
        // `增减(%)` is complete, `因公出国（境）` is not.
        Some(')' | '）') => rev.next() == Some('%'),
        Some(c) => TERMINAL.contains(c),
        None => true,
    }
}

pub(crate) fn analyse_heading(toks: &[Tok<'_>], em: f64, grid: bool, s: &Settings) -> Heading {
    let tol = s.heading_tolerance * em;
    let eps = 0.25 * em;
    let split: Vec<Tok> = toks.iter().flat_map(split_phrases).collect();
    let mut pieces: Vec<&Tok> = split.iter().filter(|t| !t.text.trim().is_empty()).collect();
    pieces.sort_by(|a, b| a.b.y0.total_cmp(&b.b.y0).then(a.b.x0.total_cmp(&b.b.x0)));
    // 1. Stack pieces into cells.
    let mut used = vec![false; pieces.len()];
    let mut cells: Vec<Cell> = Vec::new();
    for i in 0..pieces.len() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(p) = pieces.get(i) else { continue };
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        let mut cell = Cell {
            b: p.b,
            last: p.b,
            text: p.text.to_string(),
            label: is_label_heading(&p.text),
            role: HeadingRole::Leaf,
            ext: (p.b.x0, p.b.x1),
        };
        let mut last_text = p.text.clone();
        while !cell.label && !complete(&last_text) {
            let mut best: Option<(usize, f64, f64)> = None;
            for (j, q) in pieces.iter().enumerate() {
                if used.get(j).copied().unwrap_or(true) || is_label_heading(&q.text) {
                    continue;
                }
                let gap = q.b.y0 - cell.last.y1;
                if gap < -eps || gap > s.stack_gap * em {
                    continue;
                }
                let dc = (q.b.cx() - cell.last.cx()).abs();
                if dc > cell.last.width().max(q.b.width()) / 2.0 {
                    continue;
                }
                if best.map_or(true, |(_, g, d)| (gap, dc) < (g, d)) {
                    best = Some((j, gap, dc));
                }
            }
            let Some((j, _, _)) = best else { break };
            let Some(q) = pieces.get(j) else { break };
            if let Some(u) = used.get_mut(j) {
                *u = true;
            }
            cell.text = join_pieces([cell.text.as_str(), &*q.text]);
            cell.b = cell.b.union(q.b);
            cell.last = q.b;
            last_text.clone_from(&q.text);
        }
        cells.push(cell);
    }
    let nl: Vec<usize> = (0..cells.len())
        .filter(|&i| cells.get(i).is_some_and(|c| !c.label))
        .collect();
    // Cells beside each other share some height; on a PDF page, a cell
    // printed midway between two heading rows only touches them (a 合计
    // between the 基本支出 and 人员经费 rows), so touching counts there. On a
    // character grid every line touches the next: there it must overlap.
    let veps = if grid { 0.01 * em } else { -s.touch_gap * em };
    let overlap_v = |a: &BBox, b: &BBox| a.y0 < b.y1 - veps && b.y0 < a.y1 - veps;
    // 2. Extents from neighbours beside.
    let mut lone: Vec<usize> = Vec::new();
    for &i in &nl {
        let Some(c) = cells.get(i) else { continue };
        let cx = c.b.cx();
        let mut left: Option<f64> = None;
        let mut right: Option<f64> = None;
        for &j in &nl {
            if j == i {
                continue;
            }
            let Some(d) = cells.get(j) else { continue };
            if !overlap_v(&c.b, &d.b) {
                continue;
            }
            let dx = d.b.cx();
            if dx < cx {
                left = Some(left.map_or(dx, |l: f64| l.max(dx)));
            } else if dx > cx {
                right = Some(right.map_or(dx, |r: f64| r.min(dx)));
            }
        }
        // A top-level cell with nothing beside it on one side heads
        // everything on that side (收入 | 支出 over the two halves).
        let top_level = !nl
            .iter()
            .any(|&j| j != i && cells.get(j).is_some_and(|d| d.b.y1 <= c.b.y0 + eps));
        // In layout text, a side left open is bounded by the nearest cell on
        // the line just above or below (合计 printed on its own line between
        // the 基本支出 line and the 人员经费 line).
        if grid && !top_level && left.is_some() != right.is_some() {
            for &j in &nl {
                let Some(d) = cells.get(j).filter(|_| j != i) else {
                    continue;
                };
                let touching = d.b.y0 <= c.b.y1 + veps && c.b.y0 <= d.b.y1 + veps;
                // (A cell straight above or below is its parent or child.)
                let stacked = d.b.x0 < c.b.x1 && c.b.x0 < d.b.x1;
                if !touching || stacked || overlap_v(&c.b, &d.b) {
                    continue;
                }
                let dx = d.b.cx();
                if left.is_none() && dx < cx {
                    left = Some(left.map_or(dx, |l: f64| l.max(dx)));
                } else if right.is_none() && dx > cx {
                    right = Some(right.map_or(dx, |r: f64| r.min(dx)));
                }
            }
        }
        let ext = match (left, right) {
            (Some(l), None) if top_level => ((l + cx) / 2.0, f64::INFINITY),
            (None, Some(r)) if top_level => (f64::NEG_INFINITY, (r + cx) / 2.0),
            (Some(l), Some(r)) => {
                // Centred text: as far on each side as the nearer midpoint.
                let half = ((cx - l) / 2.0).min((r - cx) / 2.0);
                (cx - half, cx + half)
            }
            (Some(l), None) => {
                let lb = (l + cx) / 2.0;
                (lb, cx + (cx - lb))
            }
            (None, Some(r)) => {
                let rb = (r + cx) / 2.0;
                (cx - (rb - cx), rb)
            }
            (None, None) => {
                lone.push(i);
                (c.b.x0, c.b.x1)
            }
        };
        if let Some(c) = cells.get_mut(i) {
            c.ext = (ext.0.min(c.b.x0), ext.1.max(c.b.x1));
        }
    }
    // Lone cells, lowest first.
    lone.sort_by(|a, b| {
        let ya = cells.get(*a).map_or(0.0, |c| c.b.y1);
        let yb = cells.get(*b).map_or(0.0, |c| c.b.y1);
        yb.total_cmp(&ya)
    });
    for &i in &lone {
        let Some(c) = cells.get(i).cloned() else {
            continue;
        };
        let top = !nl
            .iter()
            .any(|&j| j != i && cells.get(j).is_some_and(|d| d.b.y1 <= c.b.y0 + eps));
        // The nearest cell above holding it, when that cell has neighbours
        // (a finite extent): alone on its level, it heads all of that
        // cell's columns (预算数 under 本年支出, over 合计 … 项目支出).
        let holder = nl
            .iter()
            .filter(|&&j| j != i && !lone.contains(&j))
            .filter_map(|&j| cells.get(j))
            .filter(|d| d.b.y1 <= c.b.y0 + eps && d.ext.0 <= c.b.cx() && c.b.cx() <= d.ext.1)
            .max_by(|a, b| a.b.y1.total_cmp(&b.b.y1))
            .map(|d| d.ext);
        let alone_between = holder.is_some() && {
            // No other cell on the levels between the holder and it.
            !nl.iter().any(|&j| {
                j != i
                    && cells.get(j).is_some_and(|d| {
                        overlap_v(&d.b, &c.b) || (d.b.y0 < c.b.y1 && d.b.y1 > c.b.y0)
                    })
            })
        };
        let ext = if top {
            (f64::NEG_INFINITY, f64::INFINITY)
        } else if let Some(e) = holder.filter(|_| alone_between) {
            e
        } else {
            // Its cell is wider than its text: half its width each side.
            let w = c.b.width() / 2.0;
            let mut e = (c.b.x0 - w, c.b.x1 + w);
            for &j in &nl {
                let Some(d) = cells.get(j) else { continue };
                if j != i && d.b.y0 >= c.b.y1 - eps && d.ext.0 < c.b.x1 && d.ext.1 > c.b.x0 {
                    e = (e.0.min(d.ext.0), e.1.max(d.ext.1));
                }
            }
            e
        };
        if let Some(c) = cells.get_mut(i) {
            c.ext = ext;
        }
    }
    // 3. Leaves.
    let below_sets: Vec<Vec<usize>> = (0..cells.len())
        .map(|i| {
            let Some(c) = cells.get(i) else {
                return Vec::new();
            };
            if c.label {
                return Vec::new();
            }
            nl.iter()
                .copied()
                .filter(|&j| {
                    j != i
                        && cells.get(j).is_some_and(|d| {
                            d.b.y0 >= c.b.y1 - eps
                                && d.b.cx() >= c.ext.0 - tol
                                && d.b.cx() <= c.ext.1 + tol
                        })
                })
                .collect()
        })
        .collect();
    let below: Vec<usize> = below_sets.iter().map(Vec::len).collect();
    let mut is_leaf: Vec<bool> = (0..cells.len())
        .map(|i| cells.get(i).is_some_and(|c| !c.label) && below.get(i).copied().unwrap_or(0) == 0)
        .collect();
    let provisional = is_leaf.clone();
    for &i in &nl {
        if below.get(i).copied() != Some(1) {
            continue;
        }
        let Some(c) = cells.get(i) else { continue };
        // (On a character grid only: pdftotext's layout squeezes columns.)
        let mate_leaf = grid
            && nl.iter().any(|&j| {
                j != i
                    && provisional.get(j).copied().unwrap_or(false)
                    && cells.get(j).is_some_and(|d| overlap_v(&c.b, &d.b))
            });
        // The one cell under it is one of several under another cell: a
        // single claim gives way to a merged heading's (a 合计 printed
        // midway between the 基本支出 row and the 人员经费 row).
        let only = below_sets.get(i).and_then(|v| v.first().copied());
        let claimed = only.is_some_and(|d| {
            below_sets
                .iter()
                .enumerate()
                .any(|(p, set)| p != i && set.len() >= 2 && set.contains(&d) && !set.contains(&i))
        });
        // A heading is centred over what it heads: one cell below, off to
        // the side of it (with the label cells under it), is not its child
        // (合计 spanning the heading rows, next to the 三公 group's 小计).
        let off_centre = only.and_then(|d| cells.get(d)).is_some_and(|d| {
            let mut lo = d.b.x0;
            let mut hi = d.b.x1;
            for l in cells.iter().filter(|l| l.label) {
                if l.b.y0 >= c.b.y1 - eps && l.b.cx() >= c.ext.0 - tol && l.b.cx() <= c.ext.1 + tol
                {
                    lo = lo.min(l.b.x0);
                    hi = hi.max(l.b.x1);
                }
            }
            let cx = c.b.cx();
            cx < lo - 0.5 * em || cx > hi + 0.5 * em
        });
        if mate_leaf || claimed || off_centre {
            if let Some(x) = is_leaf.get_mut(i) {
                *x = true;
            }
        }
    }
    for (i, c) in cells.iter_mut().enumerate() {
        // A 功能分类 over the code columns only: a label, not a column.
        if is_leaf.get(i).copied().unwrap_or(false)
            && (c.text.ends_with("分类") || c.text.ends_with("科目"))
        {
            c.label = true;
        }
        c.role = if c.label {
            HeadingRole::Label
        } else if is_leaf.get(i).copied().unwrap_or(false) {
            HeadingRole::Leaf
        } else {
            HeadingRole::Parent
        };
    }
    // 4. Paths.
    let mut leaves: Vec<Leaf> = Vec::new();
    for (i, l) in cells.iter().enumerate() {
        if l.role != HeadingRole::Leaf {
            continue;
        }
        let lx = l.b.cx();
        let mut anc: Vec<&Cell> = cells
            .iter()
            .enumerate()
            .filter(|(j, p)| {
                *j != i
                    && p.role == HeadingRole::Parent
                    && p.b.y1 <= l.b.y0 + eps
                    && lx >= p.ext.0 - tol
                    && lx <= p.ext.1 + tol
            })
            .map(|(_, p)| p)
            .collect();
        // Of parents beside each other, the one nearest the leaf heads it.
        let all = anc.clone();
        anc.retain(|p| {
            !all.iter()
                .any(|q| overlap_v(&p.b, &q.b) && (q.b.cx() - lx).abs() < (p.b.cx() - lx).abs())
        });
        anc.sort_by(|a, b| a.b.y0.total_cmp(&b.b.y0));
        let mut path: Vec<String> = anc.iter().map(|p| p.text.clone()).collect();
        path.push(l.text.clone());
        leaves.push(Leaf {
            b: l.b,
            part: l.text.starts_with("其中"),
            path,
        });
    }
    leaves.sort_by(|a, b| a.b.cx().total_cmp(&b.b.cx()));
    let label_cells: Vec<BBox> = cells.iter().filter(|c| c.label).map(|c| c.b).collect();
    Heading {
        cells,
        leaves,
        label_cells,
    }
}

/// Splits a layout-text word holding several headings separated by single
/// spaces (`政府性基金预算 国有资本经营预算`, `小计 基本支出 项目支出`); a
/// letter-spaced word (`拟 采 购`) stays whole. Positions are shared out
/// by characters (one column per character in layout text).
fn split_phrases<'a>(t: &Tok<'a>) -> Vec<Tok<'a>> {
    let parts: Vec<&str> = t.text.split(' ').filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 || parts.iter().any(|p| p.chars().count() < 2) {
        return vec![t.clone()];
    }
    let total = t.text.chars().count().max(1) as f64;
    let per = t.b.width() / total;
    let mut out = Vec::new();
    let mut col = 0usize;
    for p in t.text.split(' ') {
        let n = p.chars().count();
        if n > 0 {
            let x0 = t.b.x0 + col as f64 * per;
            out.push(Tok {
                b: BBox::new(x0, t.b.y0, x0 + n as f64 * per, t.b.y1),
                text: Cow::Owned(p.to_owned()),
                amount: false,
            });
        }
        col += n + 1;
    }
    out
}
