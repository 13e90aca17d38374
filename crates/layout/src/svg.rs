//! One SVG per page showing what was read.

use std::fmt::Write as _;

use crate::find::Scan;
use crate::geometry::{BBox, HeadingRole};
use crate::Page;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rect(out: &mut String, b: &BBox, k: f64, style: &str) {
    let _ = writeln!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {style}/>"#,
        b.x0 * k,
        b.y0 * k,
        (b.x1 - b.x0).max(0.0) * k,
        (b.y1 - b.y0).max(0.0) * k
    );
}

/// Draws a page as an SVG: its words as text at their boxes, and over them
/// the tables (blue), heading cells (green: leaf, olive: parent, grey:
/// label), columns (dashed), rows (thin orange) and the unplaced amounts
/// (red), like pdfplumber's `debug_tablefinder`.
///
/// Layout-text pages (one unit per column and line) are drawn at 8 × 14
/// units so that the text stays readable.
///
/// ```
/// use yusuan_layout::{debug_svg, find_tables, pages_from_layout_text, Settings};
/// let pages = pages_from_layout_text("某表\n单位：万元\n项目   金额\n合计   1.00\n");
/// let scan = find_tables(&pages, &Settings::default());
/// let svg = debug_svg(&pages[0], &scan);
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("金额"));
/// ```
pub fn debug_svg(page: &Page, scan: &Scan) -> String {
    // Layout text: scale columns and lines to something like points.
    let layout = page.words.iter().all(|w| (w.y1 - w.y0 - 1.0).abs() < 1e-9);
    let (kx, ky) = if layout && !page.words.is_empty() {
        (8.0, 14.0)
    } else {
        (1.0, 1.0)
    };
    let k = kx;
    let sb = |b: &BBox| BBox::new(b.x0, b.y0 * ky / kx, b.x1, b.y1 * ky / kx);
    let w = page.width.max(1.0) * kx;
    let h = page.height.max(1.0) * ky;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.1} {h:.1}" font-family="Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, SimSun, sans-serif">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    for wd in &page.words {
        let b = sb(&BBox::new(wd.x0, wd.y0, wd.x1, wd.y1));
        let fs = ((b.y1 - b.y0) * k * 0.8).max(4.0);
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{fs:.1}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
            b.x0 * k,
            b.y1 * k - fs * 0.15,
            ((b.x1 - b.x0) * k).max(1.0),
            esc(&wd.text)
        );
    }
    for g in &scan.geometry {
        if let Some(t) = g.title_box.filter(|t| t.page == page.number) {
            rect(
                &mut out,
                &sb(&t.bbox),
                k,
                r#"fill="none" stroke="purple" stroke-width="1.5""#,
            );
        }
        for r in g.regions.iter().filter(|r| r.page == page.number) {
            rect(
                &mut out,
                &sb(&r.bbox),
                k,
                r#"fill="blue" fill-opacity="0.04" stroke="blue" stroke-width="2""#,
            );
        }
        for c in g.heading_cells.iter().filter(|c| c.at.page == page.number) {
            let color = match c.role {
                HeadingRole::Leaf => "green",
                HeadingRole::Parent => "olive",
                HeadingRole::Label => "grey",
            };
            rect(
                &mut out,
                &sb(&c.at.bbox),
                k,
                &format!(r#"fill="{color}" fill-opacity="0.12" stroke="{color}""#),
            );
        }
        for c in g.columns.iter().filter(|c| c.page == page.number) {
            rect(
                &mut out,
                &sb(&c.bbox),
                k,
                r#"fill="none" stroke="teal" stroke-dasharray="4 3""#,
            );
        }
        for r in g.rows.iter().filter(|r| r.at.page == page.number) {
            rect(
                &mut out,
                &sb(&r.at.bbox),
                k,
                r#"fill="none" stroke="orange" stroke-width="0.6""#,
            );
            for c in r.cells.iter().flatten() {
                rect(
                    &mut out,
                    &sb(c),
                    k,
                    r#"fill="green" fill-opacity="0.15" stroke="none""#,
                );
            }
        }
    }
    for u in scan.unplaced.iter().filter(|u| u.at.page == page.number) {
        rect(
            &mut out,
            &sb(&u.at.bbox),
            k,
            r#"fill="red" fill-opacity="0.3" stroke="red" stroke-width="1.5""#,
        );
    }
    out.push_str("</svg>\n");
    out
}
