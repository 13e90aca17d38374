//! Tables as printed, before (or instead of) typing: [`GenericTable`], and
//! how completely and how surely a typed table was read: [`Reading`].
//!
//! A reader of real documents meets tables the nine typed shapes do not
//! hold (一般公共预算机关运行经费支出预算表, 政府采购预算表, a 收支预算总表 by
//! 支出用途, a 决算 table before the 决算 model knows it). Such a table stays
//! in the disclosure as a [`GenericTable`] — title, column headings as
//! paths, rows keyed by code and/or name, every cell with its printed text —
//! so nothing printed is dropped, and a report can say it was "read, not
//! checked".
//!
//! ```
//! use yusuan_tables::{GenericCell, GenericColumn, GenericRow, GenericTable};
//!
//! let t = GenericTable {
//!     title: "一般公共预算机关运行经费支出预算表".into(),
//!     columns: vec![GenericColumn::new(["金额"])],
//!     rows: vec![GenericRow {
//!         code: Some("30201".into()),
//!         label: "办公费".into(),
//!         cells: vec![Some(GenericCell::new("120.50"))],
//!     }],
//!     ..Default::default()
//! };
//! assert_eq!(t.rows[0].cells[0].as_ref().unwrap().amount().unwrap().to_string(), "120.50");
//! assert_eq!(t.amount_count(), 1);
//! ```

use serde::{Deserialize, Serialize};
use yusuan_money::Decimal;

use crate::{AmountUnit, Column, RowKey};

/// A table read from the page but not typed into one of the table kinds
/// (通用表格): what was printed, in printed order.
///
/// Amounts stay as printed, in the table's own unit ([`GenericTable::amount_unit`]):
/// a generic table is not converted to 万元 because nothing checks it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericTable {
    /// The table's name as printed: from a PDF or layout text, without the
    /// ordinal, year and unit's-name prefixes of its title line
    /// (`部门收支预算总表` for `一、2017年度江苏省某院部门收支预算总表`), which
    /// the reader's geometry keeps.
    #[serde(default)]
    pub title: String,
    /// A printed number or label (`公开 07 表`, `单位公开表3`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The unit of its amounts (单位：万元 / 元), if printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_unit: Option<AmountUnit>,
    /// Where it was printed, e.g. `pages 7–8` (a string, so that page numbers
    /// are never mistaken for amounts).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// The leaf columns of the amounts, left to right, each with the path of
    /// headings above it (`["基本支出", "人员经费"]`).
    #[serde(default)]
    pub columns: Vec<GenericColumn>,
    /// The rows, in printed order.
    #[serde(default)]
    pub rows: Vec<GenericRow>,
    /// A 注/说明 printed under the table (an empty table's note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why the table is generic: not one of the kinds the model types, or a
    /// shape the typing did not recognise (with what it found).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why_untyped: String,
    /// The table kind its title names, when it names one of the nine but
    /// could not be typed (the document prints it; it was read, not checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::TableKind>,
}

impl GenericTable {
    /// How many amounts its cells hold.
    pub fn amount_count(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .filter(|c| c.amount().is_some())
            .count()
    }
}

/// A leaf column of a [`GenericTable`]: the headings above it, outermost
/// first (`["2024年预算数", "公务用车购置及运行费", "购置费"]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericColumn {
    /// Heading path, outermost first; empty when no heading was printed.
    #[serde(default)]
    pub path: Vec<String>,
}

impl GenericColumn {
    /// A column under the given heading path.
    pub fn new<S: Into<String>>(path: impl IntoIterator<Item = S>) -> Self {
        GenericColumn {
            path: path.into_iter().map(Into::into).collect(),
        }
    }

    /// The path joined with ` › ` (`基本支出 › 人员经费`).
    pub fn label(&self) -> String {
        self.path.join(" › ")
    }
}

/// A row of a [`GenericTable`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericRow {
    /// The 科目编码 as digits (a split `201 06 01` joined), if printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The row's name or label (wrapped lines joined).
    #[serde(default)]
    pub label: String,
    /// One entry per column of the table; `None` for a blank cell.
    #[serde(default)]
    pub cells: Vec<Option<GenericCell>>,
}

/// A printed cell of a [`GenericTable`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericCell {
    /// The text as printed (`1,234.50`, `-`, `12.5%`).
    pub text: String,
    /// Placed in its column by a guess, not by its position for certain (a
    /// continuation page of layout text whose columns could be matched to
    /// the heading's in more than one way): a typed cell read from it is
    /// doubtful ([`Placement::Guessed`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub guessed: bool,
}

impl GenericCell {
    /// A cell printing `text`.
    pub fn new(text: impl Into<String>) -> Self {
        GenericCell {
            text: text.into(),
            guessed: false,
        }
    }

    /// The amount the cell prints, in the table's unit; `None` for a text
    /// cell or a dash.
    pub fn amount(&self) -> Option<Decimal> {
        yusuan_money::Wan::parse_cell(&self.text)
            .ok()
            .flatten()
            .map(|w| w.value())
    }
}

/// How a typed table was read (读取情况): how completely, and which of its
/// cells were placed with less than certainty. Absent on a table written by
/// hand, which is read completely and for certain.
///
/// Rules use it: a failed identity over a doubtful cell is at most a
/// warning naming the doubt, and a rule whose rows or columns were not read
/// is skipped with that reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Whether every row and column printed reached the table.
    #[serde(default)]
    pub completeness: Completeness,
    /// Columns printed but not read (their cells are absent, not blank).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_columns: Vec<Column>,
    /// Rows printed but not read, by their printed label or code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_rows: Vec<String>,
    /// Cells placed otherwise than by position under their heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubtful: Vec<DoubtfulCell>,
    /// The table was found whole — title, unit line and heading band — and
    /// its body prints no amount (表体为空): it is read, for certain, as
    /// empty, and its blank cells are blanks, not cells left unread. A
    /// narrative quoting figures of such a table is compared with the blanks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub printed_empty: bool,
}

impl Reading {
    /// How the cell at `row`, `column` was placed: as listed in
    /// [`Reading::doubtful`], else [`Placement::Position`].
    pub fn placement(&self, row: &RowKey, column: Column) -> Placement {
        self.doubtful
            .iter()
            .find(|d| &d.row == row && d.column == column)
            .map_or(Placement::Position, |d| d.placement)
    }

    /// The doubtful cell at `row`, `column`, if it is one.
    pub fn doubt(&self, row: &RowKey, column: Column) -> Option<&DoubtfulCell> {
        self.doubtful
            .iter()
            .find(|d| &d.row == row && d.column == column)
    }
}

/// Whether a table was read whole (读取完整性).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Completeness {
    /// Every printed row and column reached the model.
    #[default]
    Complete,
    /// Some rows or columns were not read ([`Reading::missing_rows`],
    /// [`Reading::missing_columns`]).
    Partial,
}

/// How a cell's amount was placed in its column (单元格定位方式).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Placement {
    /// By its position under its heading: certain.
    #[default]
    Position,
    /// Chosen among several placements by the identities of the tables:
    /// doubtful, since the identities it would then be checked by chose it.
    Identity,
    /// Placed by a guess (e.g. printed order alone): doubtful.
    Guessed,
}

impl Placement {
    /// Whether a finding may rest on a cell placed this way.
    pub fn is_certain(self) -> bool {
        self == Placement::Position
    }

    /// Chinese label: 按位置, 按勾稽关系推定, 推测.
    pub fn label_zh(self) -> &'static str {
        match self {
            Placement::Position => "按位置",
            Placement::Identity => "按勾稽关系推定",
            Placement::Guessed => "推测",
        }
    }
}

/// A cell of a typed table placed with less than certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoubtfulCell {
    /// Its row.
    pub row: RowKey,
    /// Its column.
    pub column: Column,
    /// How it was placed.
    pub placement: Placement,
    /// Why it is doubtful (`the row prints 9 of 10 numbers; …`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// A printed amount the reader found on a table page but placed in no
/// table (未归位金额): listed so that nothing printed is dropped silently.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnplacedAmount {
    /// The text as printed (`503,724.00`).
    pub text: String,
    /// Where: page and position, e.g. `p11 x=412 y=233` (a string, so that
    /// positions are never mistaken for amounts).
    pub at: String,
    /// Why it was not placed (outside every table's columns, in a row
    /// without a label, …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}
