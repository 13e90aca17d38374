//! Prints the tables read from a layout text, a TSV or a PDF:
//! `cargo run -p yusuan-layout --example dump -- FILE [SVG_DIR]`.
use yusuan_layout::{
    debug_svg, find_tables, pages_from_layout_text, parse_tsv, pdf_pages, Settings,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: dump FILE [SVG_DIR]")?;
    let pages = if path.ends_with(".pdf") {
        pdf_pages(path)?
    } else if path.ends_with(".tsv") {
        parse_tsv(&std::fs::read_to_string(path)?)?
    } else {
        pages_from_layout_text(&std::fs::read_to_string(path)?)
    };
    let scan = find_tables(&pages, &Settings::default());
    for (t, g) in scan.tables.iter().zip(&scan.geometry) {
        println!(
            "== {} | number {:?} | {:?} | {} | half {:?} | printed {:?}",
            t.title, t.number, t.amount_unit, t.at, g.half, g.printed_title
        );
        if std::env::var_os("DUMP_HEADING").is_some() {
            for h in &g.heading_cells {
                println!(
                    "   heading {:?} {:.1}-{:.1} x {:.1}-{:.1} {}",
                    h.role, h.at.bbox.x0, h.at.bbox.x1, h.at.bbox.y0, h.at.bbox.y1, h.text
                );
            }
        }
        for (i, c) in t.columns.iter().enumerate() {
            println!("   col {i}: {}", c.label());
        }
        for r in &t.rows {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| c.as_ref().map_or("_".to_string(), |c| c.text.clone()))
                .collect();
            println!(
                "   [{}] {} | {}",
                r.code.as_deref().unwrap_or(""),
                r.label,
                cells.join(" ")
            );
        }
        if let Some(n) = &t.note {
            println!("   note: {n}");
        }
        for n in &g.reading_notes {
            println!("   reading: {n}");
        }
    }
    println!(
        "placed {} unplaced {}",
        scan.placed_amounts(),
        scan.unplaced.len()
    );
    for u in &scan.unplaced {
        println!("   unplaced p{} {} ({})", u.at.page, u.text, u.reason);
    }
    if let Some(dir) = args.get(2) {
        std::fs::create_dir_all(dir)?;
        for p in &pages {
            std::fs::write(format!("{dir}/p{}.svg", p.number), debug_svg(p, &scan))?;
        }
    }
    Ok(())
}
