//! Boxes, and the geometry record of every table read.

use serde::{Deserialize, Serialize};

/// A box on a page: left, top, right, bottom (points for PDF pages,
/// columns and lines for layout text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl BBox {
    /// A box from its edges.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        BBox { x0, y0, x1, y1 }
    }

    /// The smallest box holding both.
    pub fn union(self, o: BBox) -> BBox {
        BBox {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
}

/// A box on a given page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct PageBox {
    /// The page, from 1.
    pub page: u32,
    /// The box.
    pub bbox: BBox,
}

/// What a heading cell is in the heading tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingRole {
    /// The heading of an amount column (the last element of its path).
    Leaf,
    /// A merged heading over several columns (`基本支出` over 人员经费 /
    /// 公用经费).
    Parent,
    /// A heading of the code / name columns (`项目`, `科目编码`, `类 款 项`).
    Label,
}

/// A heading cell: its pieces over one or more lines joined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadingCell {
    /// Where it is printed.
    pub at: PageBox,
    /// Its text (pieces split over lines joined).
    pub text: String,
    /// Its role.
    pub role: HeadingRole,
}

/// The geometry of a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowBox {
    /// Where the row is printed (its name fragments included).
    pub at: PageBox,
    /// The box of each cell, `None` where the cell is blank; one per column.
    pub cells: Vec<Option<BBox>>,
}

/// Where a table and its parts were found: for debugging
/// ([`debug_svg`](crate::debug_svg)) and for telling the user where a cell
/// came from. Kept apart from the [`GenericTable`](yusuan_tables::GenericTable),
/// which holds only printed text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableGeometry {
    /// The title line as printed, prefixes and labels included
    /// (`一、2017 年度江苏省某院部门收支预算总表`).
    pub printed_title: String,
    /// The title as printed without its number label (`公开07表`), its
    /// ordinal (`一、`) and the separators around them: year and unit's name
    /// kept (`2025年部门收入预算总表`), where [`GenericTable::title`] holds the
    /// table's name alone (`部门收入预算总表`).
    ///
    /// [`GenericTable::title`]: yusuan_tables::GenericTable::title
    #[serde(default)]
    pub printed_name: String,
    /// The box of the title line.
    pub title_box: Option<PageBox>,
    /// The pages it is printed on.
    pub pages: Vec<u32>,
    /// Its region on each page (heading and rows).
    pub regions: Vec<PageBox>,
    /// Its heading cells (of the first page's heading).
    pub heading_cells: Vec<HeadingCell>,
    /// One box per column: its heading leaf widened to the rows.
    pub columns: Vec<PageBox>,
    /// One per row of the table.
    pub rows: Vec<RowBox>,
    /// `Some((i, n))` for the i-th (from 1) of n tables printed side by side
    /// under one title (a 收支总表's 收入 | 支出 halves).
    pub half: Option<(usize, usize)>,
    /// How the reading departed from plain position (`款 printed without its
    /// leading zero: 301 2 read as 30102`).
    pub reading_notes: Vec<String>,
    /// The pages (numbers) whose cells were placed in their columns by a
    /// guess: continuation pages of layout text without a heading of their
    /// own whose amounts could be matched to the columns in more than one
    /// way. The cells of their rows that leave a column blank are marked
    /// [`GenericCell::guessed`](yusuan_tables::GenericCell::guessed) (a row
    /// printing every column is placed by its order alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guessed: Vec<u32>,
}
