//! Every tolerance of the table finder, in one place.

use serde::{Deserialize, Serialize};

/// The tolerances of [`find_tables`](crate::find_tables), like pdfplumber's
/// table settings. Distances are in **em**: the median word height of the
/// page (the font size in points for `pdftotext -tsv` pages, one line for
/// layout text, where a character is one column), so one setting serves
/// both inputs.
///
/// ```
/// use yusuan_layout::Settings;
/// let s = Settings { title_lookback: 6, ..Settings::default() };
/// assert_eq!(s.line_tolerance, 0.4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Words whose vertical centres differ by at most this (em) share a line.
    pub line_tolerance: f64,
    /// Single ideographs on a line closer than this (em) are one
    /// letter-spaced word (`收   入   总   计`).
    pub letter_gap: f64,
    /// How many lines above a `单位：万元` line are searched for the title
    /// (label lines such as `单位公开表 1`, page numbers and 编制单位 lines
    /// are passed over and do not count).
    pub title_lookback: usize,
    /// The heading band (lines between the unit line and the first data
    /// row) is at most this many lines; a longer band is not a table.
    pub max_heading_lines: usize,
    /// Slack (em) when deciding whether a heading cell lies under another.
    pub heading_tolerance: f64,
    /// Two heading pieces one above the other are one heading cell split
    /// over lines (`机关运行经` / `费预算数`) when the vertical gap between
    /// them is at most this (em) and the upper piece does not end a heading
    /// word (费, 数, 计, 入, 出 …).
    pub stack_gap: f64,
    /// On a PDF page, heading cells whose vertical gap is at most this (em)
    /// are beside each other (a 合计 printed midway between two heading
    /// rows touches both). Not used on layout text, where lines touch.
    pub touch_gap: f64,
    /// A line of row-name text with no number is a fragment of a wrapped
    /// name when its vertical gap (em) to a row's line is at most this.
    pub fragment_gap: f64,
    /// Lines of a name printed without amounts are one wrapped name when
    /// the vertical gap (em) between them is at most this and the lower
    /// does not start with an ordinal (`2.政府性基金` / `预算`).
    pub wrap_gap: f64,
    /// A line with at least this many ideographs and a `，`/`。`/`；` is prose:
    /// it ends a table.
    pub prose_min_han: usize,
    /// A line holding only a number of at most this many digits is a page
    /// number (not data, not an amount).
    pub page_number_max_digits: usize,
    /// A lone amount placed under a `其中…` column whose column before it
    /// is blank goes to that column: under a 金额 / 其中:教育收费 pair it is
    /// the 金额 (a part is printed only with its whole). Noted in
    /// [`TableGeometry::reading_notes`](crate::TableGeometry::reading_notes).
    pub whole_before_part: bool,
    /// A side-by-side half starts where row names are printed to the right
    /// of an amount column on at least this many lines (a heading cell such
    /// as `项目` counts for two).
    pub min_half_support: usize,
    /// Layout text only: a continuation page (no heading of its own) is
    /// mapped onto the heading page by its amount columns; when another
    /// mapping that puts its amounts in other columns fits within this
    /// (em, one character) of the best, the cells of its rows that leave a
    /// column blank are guesses,
    /// noted in [`TableGeometry::guessed`](crate::TableGeometry::guessed).
    #[serde(default = "default_shift_margin")]
    pub shift_margin: f64,
}

fn default_shift_margin() -> f64 {
    1.0
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            line_tolerance: 0.4,
            letter_gap: 3.5,
            title_lookback: 4,
            max_heading_lines: 14,
            heading_tolerance: 1.0,
            stack_gap: 1.2,
            touch_gap: 0.1,
            fragment_gap: 0.6,
            wrap_gap: 0.9,
            prose_min_han: 15,
            page_number_max_digits: 3,
            whole_before_part: true,
            min_half_support: 2,
            shift_margin: default_shift_margin(),
        }
    }
}
