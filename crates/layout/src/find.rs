//! Generic tables from the geometry of pages.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use yusuan_tables::{AmountUnit, GenericCell, GenericColumn, GenericRow, GenericTable};

use crate::geometry::{BBox, HeadingCell, PageBox, RowBox, TableGeometry};
use crate::heading::{analyse_heading, Leaf};
use crate::lines::{is_label_heading, number_label, page_lines, Kind, Line, PageLines, Tok};
use crate::text::{
    is_amount, is_dash, is_digits, join_pieces, squeeze, squeezed, starts_with_ordinal,
};
use crate::title::{table_name, without_ordinal};
use crate::{Page, Settings};

/// Why an amount-looking word is in no cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnplacedReason {
    /// On a table page but outside every table (a sentence's amount, a
    /// table not recognised).
    OutsideTables,
    /// Among the headings of a table.
    InHeading,
    /// In a row that prints more amounts than the table has columns.
    ExtraInRow,
    /// In a 注/说明 under a table.
    InNote,
}

impl fmt::Display for UnplacedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnplacedReason::OutsideTables => "outside every table",
            UnplacedReason::InHeading => "among the headings",
            UnplacedReason::ExtraInRow => "more amounts in the row than columns",
            UnplacedReason::InNote => "in a note under the table",
        })
    }
}

/// An amount-looking word on a table page that is in no cell.
///
/// Page numbers, 栏次 numbers (1 2 3 …), 科目编码 parts, years (`2017 年度`)
/// and the numbers of labels (`公开 07 表`) are not amounts and are never
/// listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    /// Where it is printed.
    pub at: PageBox,
    /// Its text.
    pub text: String,
    /// Why it was not placed.
    pub reason: UnplacedReason,
}

/// What [`find_tables`] read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    /// The tables, in printed order (two halves printed side by side are
    /// two tables with the same title, left first).
    pub tables: Vec<GenericTable>,
    /// The geometry of each table, same order as `tables`.
    pub geometry: Vec<TableGeometry>,
    /// Every amount-looking word of a table page that is in no cell.
    pub unplaced: Vec<Unplaced>,
}

impl Scan {
    /// How many amounts the tables' cells hold.
    pub fn placed_amounts(&self) -> usize {
        self.tables.iter().map(GenericTable::amount_count).sum()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Free,
    Placed,
    NotAmount,
    Heading,
    Body,
    Note,
}

struct Head {
    page: usize,
    unit_line: usize,
    first_line: usize,
    title_line: Option<usize>,
    printed: String,
    printed_name: String,
    title: String,
    number: Option<String>,
    unit: AmountUnit,
}

struct Segment {
    page: usize,
    band: Vec<usize>,
    body: Vec<usize>,
    note: Vec<usize>,
}

struct Ctx<'a> {
    pls: &'a [PageLines<'a>],
    s: &'a Settings,
    stops: HashSet<(usize, usize)>,
    roles: Vec<PageRoles>,
}

/// The role of every token of a page, line after line (one list per page:
/// one per line was a twentieth of the allocations of finding tables).
struct PageRoles {
    roles: Vec<Role>,
    /// Where each line's tokens start in `roles`, and where the last ends.
    starts: Vec<usize>,
}

impl PageRoles {
    fn new(pl: &PageLines<'_>) -> PageRoles {
        let mut roles = Vec::with_capacity(pl.lines.iter().map(|l| l.toks.len()).sum());
        let mut starts = Vec::with_capacity(pl.lines.len() + 1);
        for l in &pl.lines {
            starts.push(roles.len());
            let r = match l.kind {
                Kind::PageNumber
                | Kind::Label
                | Kind::Unit(_)
                | Kind::Boilerplate
                | Kind::Lanci => Role::NotAmount,
                _ => Role::Free,
            };
            roles.extend(
                l.toks
                    .iter()
                    .map(|t| if t.amount { r } else { Role::NotAmount }),
            );
        }
        starts.push(roles.len());
        PageRoles { roles, starts }
    }

    fn line_mut(&mut self, l: usize) -> Option<&mut [Role]> {
        let (a, b) = (*self.starts.get(l)?, *self.starts.get(l + 1)?);
        self.roles.get_mut(a..b)
    }

    fn line(&self, l: usize) -> Option<&[Role]> {
        let (a, b) = (*self.starts.get(l)?, *self.starts.get(l + 1)?);
        self.roles.get(a..b)
    }
}

/// Finds the tables of the pages by their geometry.
///
/// A table is anchored on its unit line (`单位：万元`, `单位:元`,
/// `金额单位：万元`); its title is the nearest line above holding `表`
/// (label lines such as `单位公开表 1`, page numbers and 编制单位 lines are
/// passed over); the heading band runs from the unit line to the first
/// data row; rows run to a 注/说明 note, a part heading, prose, the next
/// table's title or the end of the page, and continue on the next page when
/// it starts with rows (with or without a repeated heading).
///
/// ```
/// use yusuan_layout::{find_tables, pages_from_layout_text, Settings};
/// let text = "\
/// 一般公共预算基本支出表
///                                  单位：万元
/// 科目编码   科目名称          金额
///
/// 301        工资福利支出      10,204.52
/// 301   2    津贴补贴           8,086.84
/// ";
/// let scan = find_tables(&pages_from_layout_text(text), &Settings::default());
/// let t = &scan.tables[0];
/// assert_eq!(t.title, "一般公共预算基本支出表");
/// assert_eq!(t.columns[0].path, ["金额"]);
/// assert_eq!(t.rows[1].code.as_deref(), Some("30102"));
/// assert_eq!(t.rows[1].cells[0].as_ref().unwrap().text, "8,086.84");
/// assert!(scan.unplaced.is_empty());
/// ```
pub fn find_tables(pages: &[Page], s: &Settings) -> Scan {
    let pls: Vec<PageLines> = pages.iter().map(|p| page_lines(p, s)).collect();
    let roles: Vec<PageRoles> = pls.iter().map(PageRoles::new).collect();
    let mut heads = Vec::new();
    for (pi, pl) in pls.iter().enumerate() {
        for (li, l) in pl.lines.iter().enumerate() {
            if let Kind::Unit(u) = l.kind {
                heads.push(find_head(pl, pi, li, u, s));
            }
        }
    }
    let mut stops = HashSet::new();
    for h in &heads {
        for li in h.first_line..=h.unit_line {
            stops.insert((h.page, li));
        }
    }
    let mut cx = Ctx {
        pls: &pls,
        s,
        stops,
        roles,
    };
    let mut scan = Scan::default();
    for h in &heads {
        for li in h.first_line..=h.unit_line {
            cx.mark(h.page, li, Role::NotAmount);
        }
        let segs = cx.segments(h);
        if segs.is_empty() {
            continue;
        }
        cx.build(h, &segs, &mut scan);
    }
    // Every amount-looking word of a table page in no cell.
    let table_pages: HashSet<u32> = scan
        .geometry
        .iter()
        .flat_map(|g| g.pages.iter().copied())
        .collect();
    for (pi, pl) in pls.iter().enumerate() {
        if !table_pages.contains(&pl.number) {
            continue;
        }
        for (li, l) in pl.lines.iter().enumerate() {
            for (ti, t) in l.toks.iter().enumerate() {
                let role = cx.role(pi, li, ti);
                let reason = match role {
                    Role::Placed | Role::NotAmount => continue,
                    Role::Free => UnplacedReason::OutsideTables,
                    Role::Heading => UnplacedReason::InHeading,
                    Role::Body => UnplacedReason::ExtraInRow,
                    Role::Note => UnplacedReason::InNote,
                };
                scan.unplaced.push(Unplaced {
                    at: PageBox {
                        page: pl.number,
                        bbox: t.b,
                    },
                    text: t.text.to_string(),
                    reason,
                });
            }
        }
    }
    scan
}

fn find_head(pl: &PageLines, pi: usize, u: usize, unit: AmountUnit, s: &Settings) -> Head {
    let mut number: Option<String> = None;
    let mut title_line = None;
    let mut title_top: Option<usize> = None;
    let mut first = u;
    // A title printed on the unit line itself.
    let own: Vec<&str> = pl
        .lines
        .get(u)
        .map(|l| {
            l.toks
                .iter()
                .map(|t| &*t.text)
                .filter(|t| {
                    let sq = squeeze(t);
                    crate::lines::unit_of(&sq).is_none()
                        && !sq.starts_with("编制")
                        && !sq.starts_with("部门")
                        && !sq.starts_with("单位")
                })
                .collect()
        })
        .unwrap_or_default();
    let own_text = join_pieces(own.iter().copied());
    if own_text.contains('表') {
        title_line = Some(u);
    } else {
        let mut seen = 0;
        let mut i = u;
        while i > 0 && seen < s.title_lookback {
            i -= 1;
            let Some(l) = pl.lines.get(i) else { break };
            match l.kind {
                Kind::PageNumber | Kind::Boilerplate => {}
                Kind::Label => {
                    if number.is_none() {
                        number = label_text(&l.text);
                    }
                    first = i;
                }
                Kind::Content if !l.has_amount() => {
                    if squeeze(&l.text).contains('表') {
                        title_line = Some(i);
                        first = i;
                        break;
                    }
                    seen += 1;
                }
                _ => break,
            }
        }
        // A title printed over two lines (`公开 09 表：一般公共预算“三公”经费、
        // 会议费、培训费` / `支出预算表`): the line just above, without
        // amounts, within a line's height.
        if let Some(t) = title_line {
            let upper = t
                .checked_sub(1)
                .and_then(|j| pl.lines.get(j).map(|l| (j, l)));
            let line = pl.lines.get(t);
            if let (Some((j, up)), Some(line)) = (upper, line) {
                let h = line.b.y1 - line.b.y0;
                let up_sq = squeeze(&up.text);
                let joins = up.kind == Kind::Content
                    && !up.has_amount()
                    && !up_sq.ends_with('表')
                    && !up_sq.starts_with('表')
                    && crate::text::han_count(&up_sq) >= 6
                    && line.b.y0 - up.b.y1 <= h
                    && (number_label(&up.text).is_some() || !squeeze(&line.text).contains("公开"))
                    && squeeze(&line.text).chars().count() <= 8;
                if joins {
                    title_top = Some(j);
                    first = j;
                }
            }
        }
        // A label on its own line above the title.
        if let Some(t) = title_top.or(title_line) {
            let mut j = t;
            while j > 0 {
                j -= 1;
                match pl.lines.get(j).map(|l| l.kind) {
                    Some(Kind::PageNumber) => {}
                    Some(Kind::Label) => {
                        if number.is_none() {
                            number = pl.lines.get(j).and_then(|l| label_text(&l.text));
                        }
                        first = j;
                        break;
                    }
                    _ => break,
                }
            }
        }
    }
    let printed = match title_line {
        Some(t) if t == u => own_text,
        Some(t) => (title_top.unwrap_or(t)..=t)
            .filter_map(|k| pl.lines.get(k))
            .flat_map(|l| l.toks.iter().map(|t| &*t.text))
            .fold(String::new(), |acc, w| join_pieces([acc.as_str(), w])),
        None => String::new(),
    };
    let mut name_src = printed.clone();
    if number.is_none() {
        // As printed, spaces kept (`公开 08 表`).
        let spaced = title_line
            .map(|t| {
                (title_top.unwrap_or(t)..=t)
                    .filter_map(|k| pl.lines.get(k))
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        number = label_text(&spaced);
    }
    if let Some((a, b)) = number_label(&printed) {
        name_src = format!(
            "{}{}",
            printed.get(..a).unwrap_or(""),
            printed.get(b..).unwrap_or("")
        );
    }
    Head {
        page: pi,
        unit_line: u,
        first_line: first,
        title_line,
        title: table_name(&name_src),
        printed_name: without_ordinal(&name_src).to_owned(),
        printed,
        number,
        unit,
    }
}

fn label_text(text: &str) -> Option<String> {
    number_label(text).and_then(|(a, b)| text.get(a..b).map(|x| x.trim().to_owned()))
}

fn is_total_only(l: &Line) -> bool {
    l.toks.len() == 1
        && l.toks
            .first()
            .is_some_and(|t| matches!(&*squeezed(&t.text), "合计" | "总计" | "本年合计"))
}

fn code_start(l: &Line) -> bool {
    let mut it = l.toks.iter();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => {
            is_digits(&a.text) && matches!(a.text.len(), 3 | 5 | 7) && !b.amount
                || is_digits(&a.text)
                    && a.text.len() == 3
                    && is_digits(&b.text)
                    && b.text.len() <= 2
        }
        _ => false,
    }
}

fn is_data_line(l: &Line) -> bool {
    l.has_amount() || code_start(l) || is_total_only(l) || ordinal_row(l)
}

/// A row name with an ordinal (`一、一般公共预算财政拨款收入`): a row even
/// when no amount is printed (a blank template, an empty table).
fn ordinal_row(l: &Line) -> bool {
    l.toks
        .first()
        .is_some_and(|t| starts_with_ordinal(&t.text) && crate::text::han_count(&t.text) >= 4)
}

impl Ctx<'_> {
    fn role(&self, p: usize, l: usize, t: usize) -> Role {
        self.roles
            .get(p)
            .and_then(|x| x.line(l))
            .and_then(|x| x.get(t))
            .copied()
            .unwrap_or(Role::NotAmount)
    }

    fn set(&mut self, p: usize, l: usize, t: usize, r: Role) {
        if let Some(x) = self
            .roles
            .get_mut(p)
            .and_then(|x| x.line_mut(l))
            .and_then(|x| x.get_mut(t))
        {
            *x = r;
        }
    }

    /// Marks the free amount tokens of a line.
    fn mark(&mut self, p: usize, l: usize, r: Role) {
        if let Some(line) = self.roles.get_mut(p).and_then(|x| x.line_mut(l)) {
            for x in line.iter_mut() {
                if *x != Role::Placed && *x != Role::NotAmount {
                    *x = r;
                }
            }
        }
    }

    fn line(&self, p: usize, l: usize) -> Option<&Line<'_>> {
        self.pls.get(p).and_then(|pl| pl.lines.get(l))
    }

    fn grid(&self, p: usize) -> bool {
        self.pls.get(p).is_some_and(|pl| pl.grid)
    }

    fn em(&self, p: usize) -> f64 {
        self.pls.get(p).map_or(1.0, |pl| pl.em)
    }

    /// The band, rows and note of a table from its unit line, over pages.
    fn segments(&mut self, h: &Head) -> Vec<Segment> {
        let mut segs = Vec::new();
        let mut page = h.page;
        let mut start = h.unit_line + 1;
        loop {
            let rows_yet = segs.iter().any(|s: &Segment| !s.body.is_empty());
            let (seg, ended) = self.scan_page(page, start, !rows_yet);
            let has_body = !seg.body.is_empty();
            let first = segs.is_empty();
            if first || has_body {
                segs.push(seg);
            }
            // A page without rows after the table's rows ended it; a
            // heading at the foot of a page continues on the next.
            if ended || !has_body && (rows_yet || !first) {
                break;
            }
            page += 1;
            start = 0;
            if page >= self.pls.len() {
                break;
            }
        }
        segs
    }

    /// Scans one page from `start`: returns the segment and whether the
    /// table ended on this page.
    fn scan_page(&mut self, page: usize, start: usize, first: bool) -> (Segment, bool) {
        let mut seg = Segment {
            page,
            band: Vec::new(),
            body: Vec::new(),
            note: Vec::new(),
        };
        let n = self.pls.get(page).map_or(0, |pl| pl.lines.len());
        let em = self.em(page);
        let mut in_body = false;
        let mut i = start;
        while i < n {
            if self.stops.contains(&(page, i)) {
                return (seg, true);
            }
            let Some(l) = self.line(page, i) else { break };
            match l.kind {
                // a lone short number between rows of the body is no page
                // number but a code printed on a line of its own above its
                // row (`310` / `资本性支出 39.76` in layout text)
                Kind::PageNumber if in_body && self.rows_follow(page, i) => seg.body.push(i),
                Kind::PageNumber | Kind::Boilerplate | Kind::Lanci | Kind::Label => {}
                Kind::Unit(_) | Kind::PartHeading | Kind::Prose => return (seg, true),
                Kind::EmptyMarker => seg.note.push(i),
                Kind::Note => {
                    // The note and the lines that continue it.
                    let mut last = l.b.y1;
                    seg.note.push(i);
                    let mut j = i + 1;
                    while j < n && !self.stops.contains(&(page, j)) {
                        let Some(m) = self.line(page, j) else { break };
                        let close = m.b.y0 - last <= self.s.fragment_gap * em * 2.0;
                        match m.kind {
                            Kind::Note => {}
                            Kind::Content | Kind::Prose | Kind::EmptyMarker if close => {}
                            _ => break,
                        }
                        seg.note.push(j);
                        last = m.b.y1;
                        j += 1;
                    }
                    return (seg, true);
                }
                Kind::Content if !in_body && self.unit_name_tail(page, start, l) => {}
                Kind::Content => {
                    if in_body {
                        seg.body.push(i);
                    } else if is_data_line(l) {
                        in_body = true;
                        self.band_tail_to_body(page, &mut seg, l);
                        seg.body.push(i);
                    } else {
                        seg.band.push(i);
                        if seg.band.len() > self.s.max_heading_lines {
                            if !first {
                                seg.band.clear();
                            }
                            return (seg, true);
                        }
                    }
                }
            }
            i += 1;
        }
        (seg, false)
    }

    /// Whether the line after line `i` of the page is a data row of the
    /// same body (a code printed alone is followed by its row).
    fn rows_follow(&self, page: usize, i: usize) -> bool {
        let next = i + 1;
        !self.stops.contains(&(page, next))
            && self
                .line(page, next)
                .is_some_and(|m| m.kind == Kind::Content && is_data_line(m))
    }

    /// The end of a unit's name wrapped under its 部门名称： line
    /// (`部门名称：江苏省人大` / `常委会办公厅`): one short word, no amount,
    /// under the start of a 编制单位/部门 line printed just before the band.
    fn unit_name_tail(&self, page: usize, start: usize, l: &Line) -> bool {
        let [t] = l.toks.as_slice() else {
            return false;
        };
        let em = self.em(page);
        if t.amount || t.text.chars().count() > 12 || is_label_heading(&t.text) {
            return false;
        }
        (start.saturating_sub(4)..start).any(|j| {
            self.line(page, j).is_some_and(|b| {
                let names_unit = match b.kind {
                    Kind::Boilerplate => true,
                    Kind::Unit(_) => {
                        let sq = squeeze(&b.text);
                        ["部门", "编制", "单位名称", "预算单位", "预算主管部门"]
                            .iter()
                            .any(|p| sq.starts_with(p))
                    }
                    _ => false,
                };
                names_unit && (b.b.x0 - t.b.x0).abs() <= 2.0 * em && t.b.y0 - b.b.y1 <= 3.0 * em
            })
        })
    }

    /// Name fragments printed above the first row (`社会保障和就` over
    /// `208 … 754.75`) belong to the rows, not to the heading.
    fn band_tail_to_body(&self, page: usize, seg: &mut Segment, first: &Line) {
        let em = self.em(page);
        let skip = code_shape_prefix(&first.toks, None);
        let Some(first_amount_x) = first
            .toks
            .iter()
            .skip(skip)
            .find(|t| t.amount)
            .map(|t| t.b.x0)
        else {
            return;
        };
        let mut next_y0 = first.b.y0;
        let mut moved = Vec::new();
        while let Some(&li) = seg.band.last() {
            let Some(l) = self.line(page, li) else { break };
            let adjacent = next_y0 - l.b.y1 <= self.s.fragment_gap * em;
            let left = l.toks.iter().all(|t| t.b.x1 <= first_amount_x);
            let vocab = l.toks.iter().any(|t| is_label_heading(&t.text));
            if !(adjacent && left && !vocab) {
                break;
            }
            next_y0 = l.b.y0;
            moved.push(li);
            seg.band.pop();
        }
        moved.reverse();
        seg.body.extend(moved);
    }

    fn build(&mut self, h: &Head, segs: &[Segment], scan: &mut Scan) {
        let Some(first) = segs.first() else { return };
        // The heading: over the first rows, or at the foot of the page
        // before them.
        let seg0 = segs
            .iter()
            .find(|s| !s.body.is_empty() && !s.band.is_empty())
            .filter(|s| first.body.is_empty() || std::ptr::eq(*s, first))
            .unwrap_or(first);
        let em0 = self.em(seg0.page);
        let band_toks: Vec<Tok> = seg0
            .band
            .iter()
            .filter_map(|&li| self.line(seg0.page, li))
            .flat_map(|l| l.toks.iter().cloned())
            .collect();
        let hd = analyse_heading(&band_toks, em0, self.grid(seg0.page), self.s);
        let mut leaves0 = hd.leaves.clone();
        if leaves0.is_empty() {
            leaves0 = self.cluster_columns(segs);
        }
        // Per segment: the leaves positioned on its page.
        let mut guessed: Vec<u32> = Vec::new();
        let seg_leaves: Vec<Vec<Leaf>> = segs
            .iter()
            .enumerate()
            .map(|(k, sg)| {
                if k == 0 || std::ptr::eq(sg, seg0) {
                    return leaves0.clone();
                }
                if sg.band.is_empty() {
                    return if self.grid(sg.page) && self.grid(seg0.page) {
                        let (leaves, doubtful) = self.shifted(sg, seg0, &leaves0);
                        if doubtful {
                            if let Some(pl) = self.pls.get(sg.page) {
                                guessed.push(pl.number);
                            }
                        }
                        leaves
                    } else {
                        leaves0.clone()
                    };
                }
                let toks: Vec<Tok> = sg
                    .band
                    .iter()
                    .filter_map(|&li| self.line(sg.page, li))
                    .flat_map(|l| l.toks.iter().cloned())
                    .collect();
                let hk = analyse_heading(&toks, self.em(sg.page), self.grid(sg.page), self.s);
                if hk.leaves.len() == leaves0.len() {
                    hk.leaves
                        .into_iter()
                        .zip(&leaves0)
                        .map(|(mut l, l0)| {
                            l.path.clone_from(&l0.path);
                            l
                        })
                        .collect()
                } else {
                    leaves0.clone()
                }
            })
            .collect();
        for sg in segs {
            for &li in &sg.band {
                self.mark(sg.page, li, Role::Heading);
            }
            for &li in &sg.body {
                self.mark(sg.page, li, Role::Body);
            }
            for &li in &sg.note {
                self.mark(sg.page, li, Role::Note);
            }
        }
        // Side-by-side halves: where row names are printed right of an
        // amount column.
        let starts = self.half_starts(seg0, &leaves0, &hd.label_cells);
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut a = 0;
        for &b in &starts {
            ranges.push((a, b));
            a = b;
        }
        ranges.push((a, leaves0.len()));
        let n_halves = ranges.len();
        let note = {
            let texts: Vec<String> = segs
                .iter()
                .flat_map(|sg| sg.note.iter().filter_map(|&li| self.line(sg.page, li)))
                .map(|l| join_pieces(l.toks.iter().map(|t| &*t.text)))
                .collect();
            if texts.is_empty() {
                None
            } else {
                Some(texts.join("\n"))
            }
        };
        let pages: Vec<u32> = {
            let mut v: Vec<u32> = segs
                .iter()
                .filter_map(|sg| self.pls.get(sg.page).map(|p| p.number))
                .collect();
            v.dedup();
            v
        };
        let at = match (pages.first(), pages.last()) {
            (Some(a), Some(b)) if a == b => format!("p{a}"),
            (Some(a), Some(b)) => format!("pages {a}–{b}"),
            _ => String::new(),
        };
        let title_box = h.title_line.and_then(|t| {
            let pl = self.pls.get(h.page)?;
            Some(PageBox {
                page: pl.number,
                bbox: pl.lines.get(t)?.b,
            })
        });
        let regions: Vec<PageBox> = segs
            .iter()
            .filter_map(|sg| {
                let pl = self.pls.get(sg.page)?;
                let b = sg
                    .band
                    .iter()
                    .chain(&sg.body)
                    .filter_map(|&li| pl.lines.get(li).map(|l| l.b))
                    .reduce(BBox::union)?;
                Some(PageBox {
                    page: pl.number,
                    bbox: b,
                })
            })
            .collect();
        let page0 = self.pls.get(seg0.page).map_or(0, |p| p.number);
        let heading_cells: Vec<HeadingCell> = hd
            .cells
            .iter()
            .map(|c| HeadingCell {
                at: PageBox {
                    page: page0,
                    bbox: c.b,
                },
                text: c.text.clone(),
                role: c.role,
            })
            .collect();
        let first_table = scan.tables.len();
        for (hi, &(a, b)) in ranges.iter().enumerate() {
            let mut notes = Vec::new();
            let mut drafts: Vec<(usize, Vec<Item>)> = Vec::new();
            for (k, sg) in segs.iter().enumerate() {
                let leaves = seg_leaves.get(k).unwrap_or(&leaves0);
                let Some(group) = leaves.get(a..b) else {
                    continue;
                };
                let xs = if hi == 0 {
                    f64::NEG_INFINITY
                } else {
                    self.half_x(sg, leaves, a)
                };
                let xe = match ranges.get(hi + 1) {
                    Some(&(na, _)) => self.half_x(sg, leaves, na),
                    None => f64::INFINITY,
                };
                let items = self.items(sg, group, a, leaves, &ranges, xs, xe, &mut notes);
                drafts.push((sg.page, items));
            }
            let (mut rows, mut boxes) = self.rows(drafts, b - a);
            join_orphan_codes(&mut rows, &mut boxes);
            let mut guessed_here: Vec<u32> = Vec::new();
            for (r, rb) in rows.iter_mut().zip(&boxes) {
                // a row printing every column is placed by its order alone
                if !guessed.contains(&rb.at.page) || r.cells.iter().all(Option::is_some) {
                    continue;
                }
                for c in r.cells.iter_mut().flatten() {
                    c.guessed = true;
                    if !guessed_here.contains(&rb.at.page) {
                        guessed_here.push(rb.at.page);
                    }
                }
            }
            for p in &guessed_here {
                notes.push(format!(
                    "p{p}: the page prints no heading of its own and its amounts fit the columns in more than one way; the cells of its rows that leave a column blank are placed by a guess"
                ));
            }
            let columns: Vec<GenericColumn> = leaves0
                .get(a..b)
                .unwrap_or(&[])
                .iter()
                .map(|l| GenericColumn {
                    path: l.path.clone(),
                })
                .collect();
            let col_boxes: Vec<PageBox> = leaves0
                .get(a..b)
                .unwrap_or(&[])
                .iter()
                .map(|l| {
                    let y1 = regions.first().map_or(l.b.y1, |r| r.bbox.y1);
                    PageBox {
                        page: page0,
                        bbox: BBox::new(l.b.x0, l.b.y0, l.b.x1, y1),
                    }
                })
                .collect();
            scan.tables.push(GenericTable {
                title: h.title.clone(),
                number: h.number.clone(),
                amount_unit: Some(h.unit),
                at: at.clone(),
                columns,
                rows,
                note: note.clone(),
                why_untyped: String::new(),
                kind: None,
            });
            scan.geometry.push(TableGeometry {
                printed_title: h.printed.clone(),
                printed_name: h.printed_name.clone(),
                title_box,
                pages: pages.clone(),
                regions: regions.clone(),
                heading_cells: heading_cells.clone(),
                columns: col_boxes,
                rows: boxes,
                half: (n_halves > 1).then_some((hi + 1, n_halves)),
                reading_notes: notes,
                guessed: guessed_here,
            });
        }
        merged_total_labels(scan, first_table);
    }

    /// The columns on a continuation page of layout text, which pdftotext
    /// lays out afresh on every page, with its own left edge and its own
    /// character width: the page is mapped onto the heading page by the
    /// affine map `x ↦ a + b·x` under which its amount columns (their right
    /// edges) best meet those of the heading page (else the columns' right
    /// boundaries) and its left edge meets theirs. The second value says
    /// when another map, placing the page's amounts in other columns, fits
    /// almost as well: the columns of the page's amounts are then a guess.
    fn shifted(&self, sg: &Segment, seg0: &Segment, leaves: &[Leaf]) -> (Vec<Leaf>, bool) {
        let right_edges = |segs: &[&Segment]| -> Vec<f64> {
            let owned: Vec<Segment> = segs
                .iter()
                .map(|s| Segment {
                    page: s.page,
                    band: Vec::new(),
                    body: s.body.clone(),
                    note: Vec::new(),
                })
                .collect();
            self.cluster_columns(&owned)
                .iter()
                .map(|c| c.b.x1)
                .collect()
        };
        let left_edge = |sg: &Segment| -> Option<f64> {
            sg.body
                .iter()
                .filter_map(|&li| self.line(sg.page, li))
                .filter_map(|l| l.toks.first().map(|t| t.b.x0))
                .reduce(f64::min)
        };
        let mine = right_edges(&[sg]);
        let mut targets = right_edges(&[seg0]);
        if targets.is_empty() {
            targets = right_bounds(leaves, &[(0, leaves.len())]);
        }
        let anchor = left_edge(sg).zip(left_edge(seg0));
        let fit = |a: f64, b: f64| -> (f64, Vec<usize>) {
            let mut cost = 0.0;
            let mut at = Vec::with_capacity(mine.len());
            for &c in &mine {
                let x = a + b * c;
                let k = nearest(&targets, x);
                cost += targets.get(k).map_or(0.0, |t| (x - t).abs());
                at.push(k);
            }
            if let Some((mk, m0)) = anchor {
                cost += (a + b * mk - m0).abs();
            }
            (cost, at)
        };
        let mut maps: Vec<(f64, f64)> = vec![(0.0, 1.0)];
        for (i, &ci) in mine.iter().enumerate() {
            for (p, &tp) in targets.iter().enumerate() {
                maps.push((tp - ci, 1.0));
                for &cj in mine.iter().skip(i + 1) {
                    for &tq in targets.iter().skip(p + 1) {
                        let b = (tq - tp) / (cj - ci);
                        if b.is_finite() && (0.75..=1.35).contains(&b) {
                            maps.push((tp - b * ci, b));
                        }
                    }
                }
            }
        }
        let mut scored: Vec<(f64, f64, f64, Vec<usize>)> = maps
            .into_iter()
            .map(|(a, b)| {
                let (cost, at) = fit(a, b);
                (cost, a, b, at)
            })
            .collect();
        scored.sort_by(|x, y| {
            x.0.total_cmp(&y.0)
                .then((x.2 - 1.0).abs().total_cmp(&(y.2 - 1.0).abs()))
                .then(x.1.abs().total_cmp(&y.1.abs()))
        });
        let Some((best, a, b, at)) = scored.first().cloned() else {
            return (leaves.to_vec(), false);
        };
        // another map putting the amounts in other columns, fitting within
        // a character or so of the best: which columns they are is a guess
        let em = self.em(sg.page);
        let doubtful = scored
            .iter()
            .any(|(c, _, _, other)| *other != at && *c <= best + self.s.shift_margin * em);
        let back = |x: f64| (x - a) / b;
        let moved = leaves
            .iter()
            .map(|l| {
                let mut l = l.clone();
                l.b = BBox::new(back(l.b.x0), l.b.y0, back(l.b.x1), l.b.y1);
                l
            })
            .collect();
        (moved, doubtful)
    }

    /// Columns from the amounts themselves, for a table printed without a
    /// heading: overlapping extents form one column.
    fn cluster_columns(&self, segs: &[Segment]) -> Vec<Leaf> {
        let mut spans: Vec<BBox> = Vec::new();
        for sg in segs {
            for &li in &sg.body {
                let Some(l) = self.line(sg.page, li) else {
                    continue;
                };
                let skip = code_prefix(&l.toks, None);
                spans.extend(l.toks.iter().skip(skip).filter(|t| t.amount).map(|t| t.b));
            }
        }
        spans.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut out: Vec<BBox> = Vec::new();
        for b in spans {
            match out.last_mut() {
                Some(last) if b.x0 <= last.x1 => *last = last.union(b),
                _ => out.push(b),
            }
        }
        out.into_iter()
            .map(|b| Leaf {
                b,
                path: Vec::new(),
                part: false,
            })
            .collect()
    }

    /// Leaf indexes where a side-by-side half starts.
    fn half_starts(&self, seg: &Segment, leaves: &[Leaf], label_cells: &[BBox]) -> Vec<usize> {
        let mut support = vec![0usize; leaves.len()];
        let mut note_at = |x0: f64, w: usize| {
            let k = leaves.iter().take_while(|l| l.b.cx() < x0).count();
            if k > 0 && k < leaves.len() {
                if let Some(s) = support.get_mut(k) {
                    *s += w;
                }
            }
        };
        for b in label_cells {
            note_at(b.x0, 2);
        }
        for &li in &seg.body {
            let Some(l) = self.line(seg.page, li) else {
                continue;
            };
            let mut counted = HashSet::new();
            for (ti, t) in l.toks.iter().enumerate() {
                let code_then_label = is_digits(&t.text)
                    && matches!(t.text.len(), 3 | 5 | 7)
                    && l.toks
                        .get(ti + 1)
                        .is_some_and(|n| !n.amount && !is_digits(&n.text));
                let labelish = !t.amount && !is_dash(&t.text) && !is_digits(&t.text);
                if labelish || code_then_label {
                    let k = leaves.iter().take_while(|lf| lf.b.cx() < t.b.x0).count();
                    if counted.insert(k) {
                        note_at(t.b.x0, 1);
                    }
                }
            }
        }
        support
            .iter()
            .enumerate()
            .filter(|(_, &s)| s >= self.s.min_half_support)
            .map(|(k, _)| k)
            .collect()
    }

    /// Where the half starting at leaf `a` starts on the segment's page: the
    /// left edge of the row names printed before that leaf.
    fn half_x(&self, seg: &Segment, leaves: &[Leaf], a: usize) -> f64 {
        let (Some(prev), Some(next)) = (leaves.get(a.wrapping_sub(1)), leaves.get(a)) else {
            return f64::INFINITY;
        };
        let mut x = f64::INFINITY;
        for &li in seg.body.iter().chain(&seg.band) {
            let Some(l) = self.line(seg.page, li) else {
                continue;
            };
            for (ti, t) in l.toks.iter().enumerate() {
                let code = codeish(t)
                    && l.toks
                        .get(ti + 1)
                        .map_or(true, |n| !n.amount && !is_dash(&n.text));
                let labelish = !t.amount && !is_dash(&t.text) || code;
                if labelish && t.b.x0 > prev.b.cx() && t.b.x0 < next.b.cx() {
                    x = x.min(t.b.x0);
                }
            }
        }
        if x.is_finite() {
            x - 1e-6
        } else {
            (prev.b.x1 + next.b.x0) / 2.0
        }
    }

    /// The rows and text lines of one half on one segment.
    #[allow(clippy::too_many_arguments)]
    fn items(
        &mut self,
        sg: &Segment,
        group: &[Leaf],
        offset: usize,
        all: &[Leaf],
        ranges: &[(usize, usize)],
        xs: f64,
        xe: f64,
        notes: &mut Vec<String>,
    ) -> Vec<Item> {
        let em = self.em(sg.page);
        let tol = self.s.heading_tolerance * em;
        let first_x0 = group.first().map_or(f64::INFINITY, |l| l.b.x0);
        let rights = right_bounds(all, ranges);
        let b_end = offset + group.len();
        let mut items = Vec::new();
        let pls = self.pls;
        // buffers of one line, kept from line to line (their allocations
        // per row were a third of those of finding a PDF's tables)
        let mut idx: Vec<usize> = Vec::new();
        let mut toks: Vec<&Tok> = Vec::new();
        let mut code_parts: Vec<&str> = Vec::new();
        let mut label_parts: Vec<&str> = Vec::new();
        let mut cells: Vec<(usize, &Tok)> = Vec::new(); // (token idx in line, token)
        let mut costs: Vec<f64> = Vec::new();
        let mut dp = Monotone::default();
        for &li in &sg.body {
            let Some(line) = pls.get(sg.page).and_then(|p| p.lines.get(li)) else {
                continue;
            };
            idx.clear();
            idx.extend((0..line.toks.len()).filter(|&ti| {
                line.toks.get(ti).is_some_and(|t| {
                    if (t.amount && !codeish(t) || is_dash(&t.text)) && !rights.is_empty() {
                        // An amount belongs to the half of the column
                        // whose right boundary is nearest its right edge.
                        let g = nearest(&rights, t.b.x1);
                        g >= offset && g < b_end
                    } else {
                        t.b.x0 >= xs && t.b.x0 < xe
                    }
                })
            }));
            if idx.is_empty() {
                continue;
            }
            toks.clear();
            toks.extend(idx.iter().filter_map(|&ti| line.toks.get(ti)));
            let n_code = code_prefix(&toks, Some(first_x0 - tol));
            code_parts.clear();
            code_parts.extend(toks.iter().take(n_code).map(|t| &*t.text));
            label_parts.clear();
            cells.clear();
            for (k, t) in toks.iter().enumerate().skip(n_code) {
                let ti = idx.get(k).copied().unwrap_or(0);
                if t.amount || is_dash(&t.text) || t.b.cx() >= first_x0 {
                    cells.push((ti, t));
                } else {
                    label_parts.push(&t.text);
                }
            }
            let mut b = toks
                .iter()
                .map(|t| t.b)
                .reduce(BBox::union)
                .unwrap_or(line.b);
            let code = if code_parts.is_empty() {
                None
            } else {
                let (c, note) = join_code(&code_parts);
                if let Some(n) = note {
                    notes.push(n);
                }
                Some(c)
            };
            for &ti in idx.iter().take(n_code) {
                self.set(sg.page, li, ti, Role::NotAmount);
            }
            let label = join_pieces(label_parts.iter().copied());
            if code.is_none() && cells.is_empty() {
                items.push(Item::Text { text: label, b });
                continue;
            }
            // Cells to columns: monotone, least total distance from each
            // amount's right edge to its column's right boundary.
            let group_rights = rights.get(offset..b_end).unwrap_or(&[]);
            costs.clear();
            for (_, t) in &cells {
                let by_right = t.amount || is_dash(&t.text);
                // one cost per column, missing rights costing the most
                costs.extend(
                    group
                        .iter()
                        .enumerate()
                        .map(|(k, lf)| match group_rights.get(k) {
                            Some(r) if by_right => (t.b.x1 - r).abs(),
                            Some(_) => (t.b.cx() - lf.b.cx()).abs(),
                            None => f64::INFINITY,
                        }),
                );
            }
            let mut assign = dp.assign(&costs, group.len(), 1e6 * em.max(1.0));
            if self.s.whole_before_part {
                // A lone amount under a 金额 / 其中… pair is the whole's.
                for k in 1..group.len() {
                    let part = group.get(k).is_some_and(|l| l.part);
                    let taken = |x: usize| assign.contains(&Some(x));
                    if part && taken(k) && !taken(k - 1) {
                        for a in assign.iter_mut() {
                            if *a == Some(k) {
                                *a = Some(k - 1);
                            }
                        }
                        notes.push(format!(
                            "a lone amount under `{}` placed in the column before it (the whole of which it is a part)",
                            group.get(k).map(|l| l.path.join(" › ")).unwrap_or_default()
                        ));
                    }
                }
            }
            let mut row_cells: Vec<Option<(String, BBox)>> = vec![None; group.len()];
            for ((ti, t), slot) in cells.iter().zip(assign) {
                if let Some(k) = slot {
                    if let Some(c) = row_cells.get_mut(k) {
                        *c = Some((t.text.to_string(), t.b));
                        b = b.union(t.b);
                        if t.amount {
                            self.set(sg.page, li, *ti, Role::Placed);
                        }
                    }
                }
            }
            items.push(Item::Row(RowDraft {
                code,
                above: Vec::new(),
                label,
                below: Vec::new(),
                cells: row_cells,
                b,
                page: self.pls.get(sg.page).map_or(0, |p| p.number),
            }));
        }
        items
    }

    /// Attaches name fragments to their rows and makes the rows.
    fn rows(
        &self,
        drafts: Vec<(usize, Vec<Item>)>,
        ncols: usize,
    ) -> (Vec<GenericRow>, Vec<RowBox>) {
        let mut out_rows: Vec<RowDraft> = Vec::new();
        for (page, items) in drafts {
            let em = self.em(page);
            let gap = self.s.fragment_gap * em;
            let number = self.pls.get(page).map_or(0, |p| p.number);
            // Indexes of rows among items.
            let mut rows: Vec<RowDraft> = Vec::new();
            let mut pending: Vec<(String, BBox)> = Vec::new(); // a block of text lines
            let wrap = self.s.wrap_gap * em;
            // The names printed alone on their lines: a name wraps only when
            // it fills its cell, as far as the widest name aligned with it.
            let texts: Vec<BBox> = items
                .iter()
                .filter_map(|it| match it {
                    Item::Text { b, .. } => Some(*b),
                    Item::Row(_) => None,
                })
                .collect();
            let wrap = Wrap {
                gap: wrap,
                em,
                texts: &texts,
            };
            let flush = |pending: &mut Vec<(String, BBox)>,
                         rows: &mut Vec<RowDraft>,
                         next: Option<&mut RowDraft>| {
                let block = std::mem::take(pending);
                attach_block(block, rows, next, gap, &wrap, ncols, number);
            };
            for item in items {
                match item {
                    Item::Text { text, b } => {
                        if text.is_empty() {
                            continue;
                        }
                        pending.push((text, b));
                    }
                    Item::Row(mut r) => {
                        flush(&mut pending, &mut rows, Some(&mut r));
                        rows.push(r);
                    }
                }
            }
            flush(&mut pending, &mut rows, None);
            out_rows.extend(rows);
        }
        let mut grows = Vec::new();
        let mut boxes = Vec::new();
        for r in out_rows {
            let label = join_pieces(
                r.above
                    .iter()
                    .map(String::as_str)
                    .chain(std::iter::once(r.label.as_str()))
                    .chain(r.below.iter().map(String::as_str)),
            );
            boxes.push(RowBox {
                at: PageBox {
                    page: r.page,
                    bbox: r.b,
                },
                cells: r.cells.iter().map(|c| c.as_ref().map(|x| x.1)).collect(),
            });
            grows.push(GenericRow {
                code: r.code,
                label,
                cells: r
                    .cells
                    .into_iter()
                    .map(|c| c.map(|(t, _)| GenericCell::new(t)))
                    .collect(),
            });
        }
        (grows, boxes)
    }
}

/// When lines of a name without amounts are one wrapped name.
struct Wrap<'a> {
    /// Largest vertical gap between the lines.
    gap: f64,
    em: f64,
    /// The boxes of the names printed alone on their lines.
    texts: &'a [BBox],
}

impl Wrap<'_> {
    /// Whether a line reaches as far right as the widest name aligned with
    /// it (so that its name may continue on the next line).
    fn fills(&self, b: &BBox) -> bool {
        let full = self
            .texts
            .iter()
            .filter(|t| (t.x0 - b.x0).abs() <= self.em)
            .map(|t| t.x1)
            .fold(b.x1, f64::max);
        b.x1 >= full - 1.5 * self.em
    }
}

/// Places a block of text lines printed between two rows (or after the
/// last): name fragments of the row above or below, or rows of their own.
///
/// The block is cut into runs, each one name: a line starting with an
/// ordinal (`四、`) always starts a run, and a line continues the run above
/// only when the line above stops mid-word (not after 入, 出, 费, 计 …, but
/// after 基金 of 政府性基金预算) and, unless the block is *tight* (each line
/// within `gap` of the next, as wrapped lines of one cell are), is within
/// `wrap` of it and fills its cell ([`Wrap::fills`]). The first run ends the upper row's name when it
/// touches that row and does not start with an ordinal; the last starts the
/// lower row's when it touches it (and that row's own name does not start
/// with an ordinal); the runs between are rows of their own (names printed
/// without amounts). A single tight run without ordinals touching both rows
/// is shared out: the lines nearer the upper row end its name, the others
/// start the lower row's (pdftotext centres a wrapped name on its row's
/// numbers).
fn attach_block(
    block: Vec<(String, BBox)>,
    rows: &mut Vec<RowDraft>,
    mut next: Option<&mut RowDraft>,
    gap: f64,
    wrap: &Wrap<'_>,
    ncols: usize,
    page: u32,
) {
    if block.is_empty() {
        return;
    }
    let tight = block.windows(2).all(|w| match w {
        [a, b] => b.1.y0 - a.1.y1 <= gap,
        _ => true,
    });
    // Cut into runs.
    let mut runs: Vec<Vec<(String, BBox)>> = Vec::new();
    for (t, b) in block {
        let joins = !starts_with_ordinal(&t)
            && runs.last().and_then(|r| r.last()).is_some_and(|(lt, lb)| {
                let mid_word = !crate::heading::complete(lt) || lt.ends_with("基金");
                mid_word && (tight || b.y0 - lb.y1 <= wrap.gap && wrap.fills(lb))
            });
        match runs.last_mut() {
            Some(r) if joins => r.push((t, b)),
            _ => runs.push(vec![(t, b)]),
        }
    }
    let touches_prev = |rows: &Vec<RowDraft>, y0: f64, reach: f64| {
        rows.last().is_some_and(|r| y0 - r.b.y1 <= reach)
    };
    let reach = if tight { gap } else { wrap.gap };
    let n = runs.len();
    // One tight run without ordinals touching both rows: shared out.
    if n == 1 && tight {
        let run = runs.pop().unwrap_or_default();
        let first_y0 = run.first().map_or(0.0, |x| x.1.y0);
        let last_y1 = run.last().map_or(0.0, |x| x.1.y1);
        let ord = run.first().is_some_and(|(t, _)| starts_with_ordinal(t));
        let prev_adj = !ord && touches_prev(rows, first_y0, gap);
        let next_ok = next.as_ref().is_some_and(|r| {
            r.b.y0 - last_y1 <= gap && (r.label.is_empty() || !starts_with_ordinal(&r.label))
        });
        let len = run.len();
        let to_prev = match (prev_adj, next_ok) {
            (true, false) => len,
            (false, true) => 0,
            (true, true) => {
                let next_empty = next.as_ref().is_some_and(|r| r.label.is_empty());
                if len == 1 {
                    usize::from(!next_empty)
                } else {
                    len / 2
                }
            }
            (false, false) => {
                own_row(rows, run, ncols, page);
                return;
            }
        };
        let mut it = run.into_iter();
        if let Some(p) = rows.last_mut() {
            for (t, b) in it.by_ref().take(to_prev) {
                p.below.push(t);
                p.b = p.b.union(b);
            }
        }
        let rest: Vec<(String, BBox)> = it.collect();
        if let Some(nx) = next {
            for (t, b) in rest.into_iter().rev() {
                nx.above.insert(0, t);
                nx.b = nx.b.union(b);
            }
        }
        return;
    }
    for (k, run) in runs.into_iter().enumerate() {
        let ry0 = run.first().map_or(0.0, |x| x.1.y0);
        let ry1 = run.last().map_or(0.0, |x| x.1.y1);
        let ord = run.first().is_some_and(|(t, _)| starts_with_ordinal(t));
        if k == 0 && !ord && touches_prev(rows, ry0, reach) {
            if let Some(p) = rows.last_mut() {
                for (t, b) in run {
                    p.below.push(t);
                    p.b = p.b.union(b);
                }
            }
            continue;
        }
        if k + 1 == n {
            if let Some(nx) = next.as_deref_mut().filter(|nx| {
                nx.b.y0 - ry1 <= gap && (nx.label.is_empty() || !starts_with_ordinal(&nx.label))
            }) {
                for (t, b) in run.into_iter().rev() {
                    nx.above.insert(0, t);
                    nx.b = nx.b.union(b);
                }
                continue;
            }
        }
        own_row(rows, run, ncols, page);
    }
}

/// A name printed without amounts: a row of its own, blank cells.
fn own_row(rows: &mut Vec<RowDraft>, run: Vec<(String, BBox)>, ncols: usize, page: u32) {
    let b = run
        .iter()
        .map(|x| x.1)
        .reduce(BBox::union)
        .unwrap_or_default();
    rows.push(RowDraft {
        code: None,
        above: Vec::new(),
        label: join_pieces(run.iter().map(|x| x.0.as_str())),
        below: Vec::new(),
        cells: vec![None; ncols],
        b,
        page,
    });
}

enum Item {
    Row(RowDraft),
    Text { text: String, b: BBox },
}

struct RowDraft {
    code: Option<String>,
    above: Vec<String>,
    label: String,
    below: Vec<String>,
    cells: Vec<Option<(String, BBox)>>,
    b: BBox,
    page: u32,
}

/// A total printed across two halves (江苏's 支出合计 under both the 功能分类
/// and the 支出用途 views): its name in one half with no amount, its amount
/// in the next half with no name. The amount's row gets the name too, with
/// a reading note.
fn merged_total_labels(scan: &mut Scan, first: usize) {
    let n = scan.tables.len();
    for hi in first + 1..n {
        let mut fixes: Vec<(usize, String)> = Vec::new();
        let (Some(lt), Some(lg), Some(rt), Some(rg)) = (
            scan.tables.get(hi - 1),
            scan.geometry.get(hi - 1),
            scan.tables.get(hi),
            scan.geometry.get(hi),
        ) else {
            continue;
        };
        // Both halves' rows are in printed order: one pass over each.
        let left: Vec<(&GenericRow, &RowBox)> = lt.rows.iter().zip(&lg.rows).collect();
        let mut k = 0;
        for (ri, (r, rb)) in rt.rows.iter().zip(&rg.rows).enumerate() {
            let before = |lb: &RowBox| {
                lb.at.page < rb.at.page
                    || lb.at.page == rb.at.page && lb.at.bbox.y1 <= rb.at.bbox.y0
            };
            while left.get(k).is_some_and(|(_, lb)| before(lb)) {
                k += 1;
            }
            if r.code.is_some() || !r.label.is_empty() || r.cells.iter().all(Option::is_none) {
                continue;
            }
            let name =
                left.get(k..).unwrap_or(&[]).iter().take_while(|(_, lb)| {
                    lb.at.page == rb.at.page && lb.at.bbox.y0 < rb.at.bbox.y1
                });
            let name = name
                .filter(|(_, lb)| rb.at.bbox.y0 < lb.at.bbox.y1)
                .find_map(|(l, _)| total_name(l));
            if let Some(label) = name {
                fixes.push((ri, label));
            }
        }
        for (ri, label) in fixes {
            if let Some(r) = scan.tables.get_mut(hi).and_then(|t| t.rows.get_mut(ri)) {
                r.label.clone_from(&label);
            }
            if let Some(g) = scan.geometry.get_mut(hi) {
                g.reading_notes.push(format!(
                    "`{label}` printed across two halves: its name read from the half before"
                ));
            }
        }
    }
}

/// The total's name a row of the half before prints with no amount: its
/// label, or (layout text whose page was fitted a little off) the one text
/// that fell into an amount column of a row without a label.
fn total_name(l: &GenericRow) -> Option<String> {
    if !l.label.is_empty() {
        return (is_total_label(&l.label) && l.cells.iter().all(Option::is_none))
            .then(|| l.label.clone());
    }
    let mut texts = l.cells.iter().flatten();
    match (texts.next(), texts.next()) {
        (Some(c), None) if !is_amount(&c.text) && is_total_label(&c.text) => Some(c.text.clone()),
        _ => None,
    }
}

/// A total's name (合计, 支出合计, 当年收入小计, 总计): only a total is
/// printed across two halves; a name fragment beside an amount in the next
/// half (a text column of a 政府采购 table) is no such name.
fn is_total_label(label: &str) -> bool {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    ["合计", "总计", "小计"].iter().any(|t| l.ends_with(t))
}

/// A token shaped like a whole 科目编码 (3, 5 or 7 digits, no separator).
fn codeish(t: &Tok) -> bool {
    is_digits(&t.text) && matches!(t.text.len(), 3 | 5 | 7)
}

/// How many leading tokens are parts of a 科目编码 (`201 06 01`, `301 2`,
/// `2080505`): digits only, the first of 3, 5 or 7 digits, the next of one
/// or two; all left of `limit_x` (the amount columns) when given.
/// (Over tokens or references to them: a row's tokens are not copied.)
fn code_prefix<'a, T: Borrow<Tok<'a>>>(toks: &[T], limit_x: Option<f64>) -> usize {
    let n = code_shape_prefix(toks, limit_x);
    if n > 0 && limit_x.is_none() {
        // Without columns, a lone code must be followed by a name.
        match toks.get(n).map(Borrow::borrow) {
            Some(t) if t.amount && n == 1 => return 0,
            _ => {}
        }
    }
    n
}

/// Leading tokens shaped like code parts.
fn code_shape_prefix<'a, T: Borrow<Tok<'a>>>(toks: &[T], limit_x: Option<f64>) -> usize {
    let mut n = 0;
    for t in toks.iter().map(Borrow::borrow) {
        if !is_digits(&t.text) || limit_x.is_some_and(|lx| t.b.x1 > lx) {
            break;
        }
        let len = t.text.len();
        let ok = if n == 0 {
            matches!(len, 3 | 5 | 7)
        } else {
            len <= 2
        };
        if !ok {
            break;
        }
        n += 1;
        if n == 3 {
            break;
        }
    }
    n
}

/// Joins code parts; a one-digit 款/项 gets its leading zero, with a note.
fn join_code(parts: &[&str]) -> (String, Option<String>) {
    let mut code = String::new();
    let mut padded = false;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 && p.len() == 1 {
            code.push('0');
            padded = true;
        }
        code.push_str(p);
    }
    let note = padded.then(|| {
        format!(
            "款/项 printed without its leading zero: `{}` read as {}",
            parts.join(" "),
            code
        )
    });
    (code, note)
}

/// The right boundary of each column's cells: midway to the next column's
/// centre in the same half, else as far right of its centre as the
/// previous boundary is left of it.
fn right_bounds(all: &[Leaf], ranges: &[(usize, usize)]) -> Vec<f64> {
    let mut out = Vec::with_capacity(all.len());
    for &(a, b) in ranges {
        for g in a..b {
            let me = all.get(g).map_or(0.0, |l| l.b.cx());
            let r = if g + 1 < b {
                all.get(g + 1).map_or(me, |n| (me + n.b.cx()) / 2.0)
            } else if let Some(p) = g.checked_sub(1).and_then(|p| all.get(p)) {
                me + (me - p.b.cx()) / 2.0
            } else {
                all.get(g).map_or(me, |l| l.b.x1 + l.b.width() / 2.0)
            };
            out.push(r);
        }
    }
    out
}

fn nearest(rights: &[f64], x: f64) -> usize {
    let mut best = (f64::INFINITY, 0);
    for (i, r) in rights.iter().enumerate() {
        let d = (x - r).abs();
        if d < best.0 {
            best = (d, i);
        }
    }
    best.1
}

/// The tables of [`Monotone::assign`], kept from row to row.
#[derive(Default)]
struct Monotone {
    dp: Vec<f64>,
    from: Vec<u8>,
}

impl Monotone {
    /// Assigns items, in order, to `n` slots, in order, each slot at most
    /// once, minimising the total cost; an item may be left out at `skip`
    /// cost (only when there are more items than slots, as `skip` is
    /// large). `costs` holds `n` costs per item, item after item.
    /// O(items × slots).
    fn assign(&mut self, costs: &[f64], n: usize, skip: f64) -> Vec<Option<usize>> {
        if n == 0 {
            return vec![None; costs.len()];
        }
        let k = costs.len().div_ceil(n);
        let w = n + 1;
        let inf = f64::INFINITY;
        // dp[i][j]: best cost with the first i items over the first j slots.
        let dp = &mut self.dp;
        dp.clear();
        dp.resize((k + 1) * w, inf);
        // 1 = slot j-1 empty, 2 = item i-1 in slot j-1, 3 = item skipped
        let from = &mut self.from;
        from.clear();
        from.resize((k + 1) * w, 0u8);
        let at = |i: usize, j: usize| i * w + j;
        for j in 0..=n {
            if let Some(x) = dp.get_mut(at(0, j)) {
                *x = 0.0;
            }
            if let Some(x) = from.get_mut(at(0, j)) {
                *x = 1;
            }
        }
        for i in 1..=k {
            for j in 0..=n {
                let mut best = dp.get(at(i - 1, j)).copied().unwrap_or(inf) + skip;
                let mut how = 3u8;
                if j > 0 {
                    let empty = dp.get(at(i, j - 1)).copied().unwrap_or(inf);
                    if empty < best {
                        best = empty;
                        how = 1;
                    }
                    let c = costs.get((i - 1) * n + j - 1).copied().unwrap_or(inf);
                    let put = dp.get(at(i - 1, j - 1)).copied().unwrap_or(inf) + c;
                    if put <= best {
                        best = put;
                        how = 2;
                    }
                }
                if let Some(x) = dp.get_mut(at(i, j)) {
                    *x = best;
                }
                if let Some(x) = from.get_mut(at(i, j)) {
                    *x = how;
                }
            }
        }
        let mut out = vec![None; k];
        let (mut i, mut j) = (k, n);
        while i > 0 {
            match from.get(at(i, j)).copied().unwrap_or(3) {
                1 if j > 0 => j -= 1,
                2 if j > 0 => {
                    if let Some(o) = out.get_mut(i - 1) {
                        *o = Some(j - 1);
                    }
                    i -= 1;
                    j -= 1;
                }
                _ => i -= 1,
            }
        }
        out
    }
}

/// A code printed on a line of its own just above its row (the row's name
/// and amounts on the next line, the code vertically centred on a taller
/// cell in some 决算 templates) joins that row: `[22102] | _ _ _` then
/// `[] 住房改革支出 | 461.08 …` is one row 22102 住房改革支出.
fn join_orphan_codes(rows: &mut Vec<GenericRow>, boxes: &mut Vec<RowBox>) {
    let mut i = 0;
    while i + 1 < rows.len() {
        let orphan = rows.get(i).is_some_and(|r| {
            r.code.is_some() && r.label.trim().is_empty() && r.cells.iter().all(Option::is_none)
        });
        let holder = rows.get(i + 1).is_some_and(|r| {
            r.code.is_none() && !r.label.trim().is_empty() && r.cells.iter().any(Option::is_some)
        });
        if orphan && holder {
            let code = rows.get_mut(i).and_then(|r| r.code.take());
            if let Some(next) = rows.get_mut(i + 1) {
                next.code = code;
            }
            rows.remove(i);
            if i < boxes.len() {
                let gone = boxes.remove(i);
                if let Some(next) = boxes.get_mut(i) {
                    if next.at.page == gone.at.page {
                        next.at.bbox = next.at.bbox.union(gone.at.bbox);
                    }
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotone_assignment() {
        // three items, four slots: the blank is where the distance says.
        let mut dp = Monotone::default();
        let costs = [
            0.0, 5.0, 9.0, 9.0, //
            5.0, 0.5, 6.0, 9.0, //
            9.0, 9.0, 6.0, 0.5,
        ];
        assert_eq!(dp.assign(&costs, 4, 1e9), vec![Some(0), Some(1), Some(3)]);
        // more items than slots: one left out.
        let a = dp.assign(&[0.0, 1.0], 1, 1e9);
        assert_eq!(a.iter().flatten().count(), 1);
        assert!(dp.assign(&[], 3, 1.0).is_empty());
        // no slots: every item left out.
        assert_eq!(dp.assign(&[1.0, 2.0], 0, 1.0), vec![None, None]);
    }

    #[test]
    fn codes() {
        assert_eq!(join_code(&["301", "2"]).0, "30102");
        assert!(join_code(&["301", "2"]).1.is_some());
        assert_eq!(join_code(&["201", "06", "01"]), ("2010601".into(), None));
    }
}
