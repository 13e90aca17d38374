//! The document's own text, as far as document-level checks need it
//! (文档层面): the cover's unit, the part and section headings, the
//! 目录 (table of contents), the table titles and notes, the dated
//! statements (截至…) and the prose sentences.
//!
//! A [`Disclosure`](crate::Disclosure) imported from a PDF carries a
//! [`DocumentText`] in [`Disclosure::document`](crate::Disclosure::document);
//! one written by hand usually does not, and the document-level rules of
//! yusuan-reconcile are then skipped. Every passage keeps its 1-based line
//! number in the extracted text, so a finding can say where it is.
//!
//! Nothing here is an amount: texts are kept as printed (whitespace
//! removed), numbers are not parsed.
//!
//! ```
//! use yusuan_tables::{DocumentText, Heading, HeadingKind, Passage};
//! let text = DocumentText {
//!     cover_unit: Some("上海市普陀区规划和自然资源局".into()),
//!     headings: vec![Heading::new(HeadingKind::Part, "第三部分上海市普陀区规划和自然资源局2024年度部门决算情况说明", 578)],
//!     contents: vec![Passage::new("一、收入支出决算总表", 17)],
//!     ..DocumentText::default()
//! };
//! let json = serde_json::to_string(&text).unwrap();
//! assert!(json.contains(r#""kind":"part""#));
//! assert!(!json.contains("table_notes")); // empty lists are omitted
//! assert_eq!(serde_json::from_str::<DocumentText>(&json).unwrap(), text);
//! ```

use serde::{Deserialize, Serialize};

/// What a [`Heading`] heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeadingKind {
    /// A part heading (部分标题): `第二部分 上海市XX局2024年度部门决算表`, or
    /// an unnumbered one naming the unit and the year
    /// (`上海市XX局2024年度部门决算表` above the tables).
    Part,
    /// A numbered section heading (节标题): `一、收入支出决算总体情况说明`,
    /// `（三）国有资产占有使用情况说明`.
    Section,
    /// A table's title (表名): `收入支出决算总表`,
    /// `2025年预算单位财务收支预算总表`.
    Table,
}

impl HeadingKind {
    /// Chinese label: 部分标题 / 节标题 / 表名.
    pub const fn label_zh(self) -> &'static str {
        match self {
            HeadingKind::Part => "部分标题",
            HeadingKind::Section => "节标题",
            HeadingKind::Table => "表名",
        }
    }
}

/// A heading as printed (whitespace removed, a heading broken over two
/// lines joined), with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// Part, section or table title.
    pub kind: HeadingKind,
    /// The text, e.g. `第二部分上海市普陀区规划和自然资源局2024年度部门决算表`.
    pub text: String,
    /// 1-based line number in the extracted text (0 when unknown).
    #[serde(default)]
    pub line: usize,
}

impl Heading {
    /// A heading of `kind` reading `text`, on line `line`.
    pub fn new(kind: HeadingKind, text: impl Into<String>, line: usize) -> Heading {
        Heading {
            kind,
            text: text.into(),
            line,
        }
    }
}

/// A passage of text (a 目录 entry, a table note, a sentence) with the line
/// it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The text as printed, whitespace removed.
    pub text: String,
    /// 1-based line number in the extracted text (0 when unknown).
    #[serde(default)]
    pub line: usize,
}

impl Passage {
    /// A passage reading `text`, starting on line `line`.
    pub fn new(text: impl Into<String>, line: usize) -> Passage {
        Passage {
            text: text.into(),
            line,
        }
    }
}

/// The text of the document that the document-level rules (S6xx of
/// yusuan-reconcile) read: the same checks for 预算 and 决算.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentText {
    /// The unit named on the cover (封面单位名称), e.g.
    /// `上海市普陀区规划和自然资源局`; `None` when the cover names only a
    /// place (`上海市普陀区2025年区级单位预算`) or was not found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_unit: Option<String>,
    /// Part and section headings and table titles, in printed order (the
    /// 目录 excluded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Heading>,
    /// The entries of the 目录 (table of contents), page numbers and dot
    /// leaders removed, an entry broken over two lines joined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<Passage>,
    /// The notes printed under the tables (注：…, 说明：… and what stands
    /// between them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table_notes: Vec<Passage>,
    /// Dated statements (时点表述): `截至2024年12月31日…`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dated: Vec<Passage>,
    /// The sentences of the prose outside the tables and the 目录, rejoined
    /// across line breaks, each with the line it starts on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Passage>,
}

impl DocumentText {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self == &DocumentText::default()
    }
}
