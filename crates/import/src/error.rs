//! Errors and warnings of the importer.

use serde::{Deserialize, Serialize};

/// Why a text or file could not be imported at all.
///
/// Everything short of this is a partial result with
/// [`ImportWarning`]s: the importer recognises what it can.
///
/// ```
/// use yusuan_import::{import_text, ImportError};
/// let err = import_text("这是一份会议纪要。\n没有任何表格。").unwrap_err();
/// assert!(matches!(err, ImportError::NotADisclosure { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The text has none of the nine tables and no 情况说明: it is not a
    /// budget disclosure (预算公开), or its text could not be extracted.
    #[error("not a budget disclosure (预算公开): {reason} ({lines} lines read)")]
    NotADisclosure {
        /// What was looked for and not found.
        reason: String,
        /// How many lines the text has.
        lines: usize,
    },
    /// The file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// The file is not UTF-8 text.
    #[error("{path} is not UTF-8 text (byte {valid_up_to} is not valid UTF-8); convert it or give the PDF")]
    NotUtf8 {
        /// The path.
        path: String,
        /// Length of the valid prefix, in bytes.
        valid_up_to: usize,
    },
    /// A `.pdf` was given but `pdftotext` is not installed.
    #[error("{path}: reading a PDF needs the `pdftotext` command, which is not installed; install the Debian/Ubuntu package poppler-utils (apt-get install poppler-utils) or give the text extracted with `pdftotext -layout`")]
    PdfToTextMissing {
        /// The PDF's path.
        path: String,
    },
    /// `pdftotext` ran and failed.
    #[error("{path}: pdftotext failed ({status}): {stderr}")]
    PdfToTextFailed {
        /// The PDF's path.
        path: String,
        /// The exit status.
        status: String,
        /// What pdftotext wrote to standard error.
        stderr: String,
    },
    /// The PDF could not be read as words with boxes: pdftotext missing, an
    /// encrypted, scanned (no text layer) or damaged file; the message says
    /// what to do (see [`yusuan_layout::LayoutError`]).
    #[error("{0}")]
    Pdf(yusuan_layout::LayoutError),
    /// The file's extension is neither `.txt` nor `.pdf`.
    #[error("{path}: expected a .txt (text extracted by pdftotext) or a .pdf file")]
    UnsupportedFile {
        /// The path.
        path: String,
    },
}

/// What an [`ImportWarning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A table whose title is not one of the nine standard tables, or a 决算
    /// table in text the reader by position cannot read (raw `pdftotext`
    /// output): not read.
    UnknownTable,
    /// A standard table that could not be read (rows split apart by the
    /// extraction, columns not recognised …): left out of the result.
    UnreadableTable,
    /// The same standard table printed twice: the second is left out.
    DuplicateTable,
    /// A row of a table that could not be read (no code, unknown line …):
    /// left out.
    UnreadableRow,
    /// More than one placement of a row's numbers into the columns
    /// satisfies every identity: the cells that differ are left blank.
    AmbiguousCells,
    /// The numbers of a row were placed by their printed position (layout
    /// text) after the identities left more than one reading.
    PlacedByPosition,
    /// No placement of a row's numbers satisfies the identities (a printed
    /// total differs from its parts): the numbers are kept in printed order
    /// and the reconciliation will report the difference.
    InconsistentRow,
    /// A part of the document this importer does not model (项目经费情况
    /// 说明 …): not read.
    UnmodelledPart,
    /// A standard table the document does not have.
    MissingTable,
    /// A 项目绩效目标表 indicator whose name and value could not be paired
    /// with certainty.
    LowConfidencePairing,
    /// A 项目绩效目标表 field that could not be read.
    PerformanceField,
    /// Something about the whole document (year, unit, unit of amounts).
    Document,
    /// A 科目 printed without its code under a name it does not have in the
    /// document's year (医疗卫生与计划生育支出, the name of 210 until 2018,
    /// in a 2024 document): mapped to its code.
    ObsoleteName,
    /// A cell printed in an unusual form and read as what it means (`301 2`
    /// read as 30102: a 款 printed without its leading zero).
    PrintedForm,
    /// A table row printing a number no budget can hold (10^16 or more in
    /// magnitude as printed, i.e. 10^12 万元 in a 元 table): the row is left
    /// out, and the document should not be checked (`yusuan` refuses it).
    OutOfRange,
    /// A sentence of 政府采购 (中小企业), 机关运行经费 or 国有资产占有 that
    /// could not be read whole (a form not known, placeholders, a list not
    /// read to its end), or a second statement of the same: left out, never
    /// half-read.
    UnreadSentence,
}

impl WarningKind {
    /// A Chinese label.
    pub const fn label_zh(self) -> &'static str {
        match self {
            WarningKind::UnknownTable => "未识别的表",
            WarningKind::UnreadableTable => "无法读取的表",
            WarningKind::DuplicateTable => "重复的表",
            WarningKind::UnreadableRow => "无法读取的行",
            WarningKind::AmbiguousCells => "列归属不确定",
            WarningKind::PlacedByPosition => "按版式位置定列",
            WarningKind::InconsistentRow => "行内数字不平衡",
            WarningKind::UnmodelledPart => "未建模的部分",
            WarningKind::MissingTable => "缺少的表",
            WarningKind::LowConfidencePairing => "指标配对不确定",
            WarningKind::PerformanceField => "绩效目标表字段",
            WarningKind::Document => "文档信息",
            WarningKind::ObsoleteName => "已停用的科目名称",
            WarningKind::PrintedForm => "印刷格式",
            WarningKind::OutOfRange => "数值超出范围",
            WarningKind::UnreadSentence => "未读取的句子",
        }
    }
}

/// Something the importer could not read with certainty, with where it is.
///
/// Nothing is dropped or guessed silently: every row left out, every cell
/// left blank for ambiguity and every low-confidence pairing has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    /// What it is about.
    pub kind: WarningKind,
    /// The 1-based line of the input it concerns (the first, if several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The table it concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<yusuan_tables::TableKind>,
    /// What happened, and what was printed.
    pub message: String,
    /// The cells concerned (e.g. `2080108 信息化建设: 3,731.75 → 基本支出 | 项目支出`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
}

impl std::fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(l) = self.line {
            write!(f, "line {l}: ")?;
        }
        write!(f, "[{}] ", self.kind.label_zh())?;
        if let Some(t) = self.table {
            write!(f, "{}: ", t.label_zh())?;
        }
        f.write_str(&self.message)?;
        for c in &self.cells {
            write!(f, "\n    {c}")?;
        }
        Ok(())
    }
}
