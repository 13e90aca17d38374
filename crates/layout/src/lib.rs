//! yusuan-layout: reads the tables of a budget disclosure (预算公开/决算公开)
//! from the **geometry** of its pages, whatever the template.
//!
//! ```text
//! PDF ──pdftotext -tsv──▶ pages of words with boxes ─┐
//! layout .txt (chars as x, lines as y) ──────────────┴▶ find_tables ──▶ GenericTable + geometry
//! ```
//!
//! - [`pdf_pages`] runs `pdftotext -tsv` once; [`parse_tsv`] reads its
//!   output; [`pages_from_layout_text`] turns `pdftotext -layout` text into
//!   the same words (x = character column, y = line), so one table builder
//!   serves both. [`layout_text`] goes the other way: it rebuilds the
//!   `pdftotext -layout` text from the `-tsv` words, so that a PDF is read
//!   by running `pdftotext` once.
//! - [`find_tables`] anchors each table on its unit line (`单位：万元`),
//!   finds its title above (ordinal, year, unit name and `公开 07 表` /
//!   `单位公开表 1` labels recognised), builds its leaf columns with their
//!   heading paths from the heading band ([`heading`](crate#heading-band)),
//!   reads its rows (split codes joined, wrapped names joined, 栏次 rows,
//!   page numbers and 编制单位 lines dropped), follows it onto the next page,
//!   and splits side-by-side halves. The result, a [`Scan`], holds
//!   [`yusuan_tables::GenericTable`]s (printed text only), a
//!   [`TableGeometry`] per table, and every amount-looking word of a table
//!   page that is in no cell ([`Unplaced`]).
//! - [`debug_svg`] draws a page with what was read over it.
//!
//! Every tolerance is a field of [`Settings`].
//!
//! # Heading band
//!
//! The lines between the unit line and the first data row. Pieces of one
//! heading printed over several lines are joined (`机关运行经` / `费预算数`),
//! merged headings become the parents of the columns under them
//! (`基本支出 › 人员经费`), and each amount column (leaf) gets its path.
//! Amounts go to columns by a monotone assignment minimising the distance
//! from each amount's right edge to its column's right boundary (amounts
//! are right-aligned, headings centred), so a blank cell leaves its column
//! empty instead of shifting the row.
//!
//! # Side-by-side tables
//!
//! Where row names are printed to the right of an amount column (a 收支总表's
//! 收入 | 支出, a 决算 基本支出表's 人员经费 | 公用经费 halves), the table is
//! **split into one [`GenericTable`](yusuan_tables::GenericTable) per half**,
//! each with the same title and its own rows; the half is recorded in
//! [`TableGeometry::half`], and the columns keep their full heading paths
//! (`["收入", "预算数"]`). Two tables rather than column groups, because each
//! half has its own row names, which one row of a `GenericTable` cannot
//! hold.
//!
//! # Amounts accounted for
//!
//! [`Scan::unplaced`] lists every amount-looking word of a page holding a
//! table that no cell holds. Page numbers, 栏次 numbers, code parts, years
//! (`2017 年度`) and label numbers (`公开 07 表`) are not amounts: they are
//! never listed (they are dropped by position and shape, and a test checks
//! that a page number under an empty table does not become its 合计).
//!
//! # Results on the corpus
//!
//! On the 23 PDFs of `fixtures/corpus` that hold tables (江苏 2017–2018,
//! 上海 市级, 普陀 预算 and 决算), 5,633 of the 5,635 amounts printed inside
//! the table regions found are placed in cells; the other two are listed
//! in [`Scan::unplaced`]. The six 普陀 disclosures read from their
//! `pdftotext -layout` text give the same rows and cells as from the PDF.
//!
//! # Known limitations
//!
//! - A table is found only by its unit line (`单位：万元`/`单位：元`): a table
//!   printed without one is not read, and its amounts are listed as
//!   unplaced only when another table shares its page.
//! - Tables of text columns (政府采购预算表 with 采购品目 / 采购组织形式)
//!   are read as amount tables: their amounts are placed, but the text
//!   columns are split into halves or joined into the row names.
//! - Heading paths rest on centring; a heading spanning rows can still be
//!   taken as the parent of its neighbour's column in dense 江苏 三公 tables
//!   (a missing or extra path element, never a lost amount), and a lone
//!   heading at the top of the band is put over every column below it.
//! - Running headers and footers are dropped by their shape (page numbers
//!   `7`, `-7-`, `第7页`, `第7页共20页`, `7/20`; 编制单位/部门 lines), not
//!   by their position on the page.
//!
//! ```
//! use yusuan_layout::{find_tables, pages_from_layout_text, Settings};
//! let text = "\
//!                 财政拨款“三公”经费支出决算表
//!                                            单位：万元
//!                  公务接待费
//!         预算数       决算数
//!
//!           2.85         0.39
//!                          19
//! ";
//! let scan = find_tables(&pages_from_layout_text(text), &Settings::default());
//! let t = &scan.tables[0];
//! assert_eq!(t.columns[1].path, ["公务接待费", "决算数"]);
//! assert_eq!(t.rows.len(), 1);
//! assert_eq!(t.amount_count(), 2); // the page number 19 is not data
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod error;
mod find;
mod geometry;
mod heading;
mod lines;
mod render;
mod settings;
mod svg;
mod text;
mod title;
mod words;

pub use error::LayoutError;
pub use find::{find_tables, Scan, Unplaced, UnplacedReason};
pub use geometry::{BBox, HeadingCell, HeadingRole, PageBox, RowBox, TableGeometry};
pub use render::layout_text;
pub use settings::Settings;
pub use svg::debug_svg;
pub use text::is_amount;
pub use title::table_name;
pub use words::{pages_from_layout_text, parse_tsv, pdf_pages, LineId, Page, Word};
