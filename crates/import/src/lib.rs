//! yusuan-import: reads a published budget disclosure (预算公开) from the
//! text `pdftotext` extracts from its PDF into the [`yusuan_tables`] model.
//!
//! Disclosures are published as PDFs, and their extracted text is hard to
//! read back: blank cells vanish, headers are reordered or split one
//! character per line, a row's label may come after its numbers, sentences
//! break across lines and pages, and a 项目绩效目标表 prints its indicator
//! names and values in separate runs. This crate reads that text, and says
//! where it cannot.
//!
//! - [`import_text`] takes the text (raw `pdftotext` or `pdftotext -layout`
//!   output, told apart by [`TextFormat::detect`]); [`import_path`] takes a
//!   `.txt` or a `.pdf` (read by poppler-utils' `pdftotext -tsv`, run once:
//!   the words with their boxes, and the layout text rebuilt from them by
//!   [`yusuan_layout::layout_text`]);
//!   [`import_with_pages`] takes text and pages you already have.
//! - The result is an [`Import`]: the [`Disclosure`] as far as it could be
//!   read, [`ImportWarning`]s with line numbers for everything not
//!   recognised, left out, or read with less than certainty, and the
//!   [`LayoutReading`] (pages and tables found by geometry) for pictures
//!   ([`Import::debug_svgs`]) and counts ([`Import::amount_counts`]).
//!
//! # Two readers, joined
//!
//! Layout text and PDFs are read by the **geometry reader**
//! ([`yusuan_layout::find_tables`]) first: every table of the pages by the
//! position of its words (title, heading tree, rows, every cell), each typed
//! from its heading paths where it is one of the nine; amounts it placed in
//! no table become [`Disclosure::unplaced`]. When it types every table the
//! text segmentation finds, and the tables so typed keep their own
//! identities, that is the reading (a typed table is titled as printed,
//! `2025年部门收入预算总表`). Otherwise the **text reader** below reads the
//! tables too (an amount printed between two columns, placed by position
//! in the wrong one, would break an identity and accuse the document of a
//! misreading), and the two are joined table by table:
//! - a typed table that holds every amount the geometry reader found in it
//!   stays; where the two readings differ cell by cell, the one under which
//!   fewer of the table's own identities fail is kept, and on a tie the
//!   differing cells are marked [`yusuan_tables::Placement::Guessed`];
//! - a typed table holding only part of its printed amounts is replaced by
//!   the reading by position typed from its heading paths, or else left out
//!   (a table read in part would make checks report differences the
//!   document does not have) and kept as printed;
//! - a table the model does not type (机关运行经费, 政府采购, a 收支预算总表 by
//!   支出用途, most 决算 tables) stays in [`yusuan_tables::Tables::generic`],
//!   "read, not checked". The 决算's 支出决算表, 一般公共预算财政拨款支出
//!   决算表 and "三公" 决算表 (预算数 and 决算数 periods) are typed by
//!   position into the budget tables of the same shape.
//!
//! On the 26 documents of the project's corpus the two readings never
//! differed in a way the text reading won: reading the tables a second time
//! only on those conditions changed no finding.
//!
//! Raw text (the seed) has no geometry and is read by the text reader alone.
//!
//! # How the text reader reads
//!
//! 1. **Segmentation.** Each table is found by its `单位：万元` / `单位：元`
//!    line and recognised by its **title**, never its number (单位公开表 and
//!    部门公开表 number and order them differently; Shanghai titles such as
//!    `一般公共预算支出功能分类预算表` are recognised too). The title may come
//!    before the table or, in raw text, after its rows. Prose parts are found
//!    by their headings: 单位概况/主要职能/机构设置, 情况说明/编制说明 (also a
//!    `关于…的说明` right after its table), 其他重要事项, 名词解释, 附件 and
//!    the 项目绩效目标表 (one or several).
//! 2. **Rows.** A line is split into its 科目编码 (also printed split,
//!    `208 01 08`, `310   02`), its label and its numbers; amounts printed in
//!    元 are converted to 万元 exactly.
//! 3. **Columns.** The columns a table prints are read from its header.
//!    Where a row prints fewer numbers than there are columns, every
//!    order-preserving placement is tried and only those satisfying the
//!    table's identities are kept: within the row (小计 = 基本 + 项目,
//!    增减额 = 预算 − 执行, 增减% recomputed), across rows (a parent = Σ its
//!    children, 合计 = Σ the top rows) and across tables (收入总表 columns =
//!    收支总表 lines, 支出总表 ≥ 一般公共预算支出表 per code, …), by
//!    propagation until nothing changes. In layout text, when the identities
//!    leave a choice and the printed column positions decide it clearly,
//!    the position decides (with a warning). Otherwise the ambiguity is
//!    reported with the cells and the table is left out, never guessed.
//! 4. **Narrative.** Sentences are rejoined across lines and pages, with
//!    their section headings. "X 万元，占 Y%" (with the whole stated before
//!    其中), "比 2024 年执行数增加 A 万元，增长 B%" / "与…持平", comparisons
//!    of two amounts ("X 万元，大于 … Y 万元", "本年支出合计等于本年收入合计",
//!    the word found also when broken across lines or letter-spaced), stated
//!    totals with their parts, "没有…" and quoted amounts become [`yusuan_tables::Claim`]s;
//!    a claim's table cell is set only when its section names the table and
//!    its subject names the cell.
//! 5. **项目绩效目标表.** Fields, funds and indicators; names are paired
//!    with values by 二级指标 group, kind of quantity (hours, %, 次, 台/个 …)
//!    and printed order, and every pairing records its confidence.
//!
//! # Robustness
//!
//! No input makes the importer panic: the crate denies `unwrap`, `expect`,
//! `panic!` and indexing outside tests, a proptest feeds it arbitrary and
//! disclosure-like text, and a cargo-fuzz target (`fuzz/`, run with
//! `cargo +nightly fuzz run import_text` from `crates/import`) feeds it
//! mutated disclosures. Time grows linearly with the text (see the
//! `import` bench).
//!
//! # Example
//!
//! ```
//! let text = include_str!("../../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt");
//! let imported = yusuan_import::import_text(text)?;
//! let d = &imported.disclosure;
//! assert_eq!(d.unit.name, "人力资源和社会保障部信息中心");
//! assert_eq!(d.year, 2025);
//! assert_eq!(d.tables.kinds().len(), 9);
//! let total = d.tables.income_expenditure_summary.as_ref().unwrap()
//!     .amount(yusuan_tables::Line::IncomeTotal).unwrap();
//! assert_eq!(total.to_string(), "8,633.56");
//! // the 2080108 row prints 9 of 10 numbers: the tree sums place them
//! let t5 = d.tables.general_budget_expenditure.as_ref().unwrap();
//! let row = t5.find("2080108".parse()?).unwrap();
//! assert_eq!(row.amounts.basic, None);
//! assert_eq!(row.amounts.project.unwrap().to_string(), "3,430.74");
//! assert_eq!(d.narrative.len(), 30);
//! for w in &imported.warnings {
//!     println!("{w}"); // e.g. uncertain indicator pairings, with line numbers
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
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

mod doc;
mod error;
mod generic;
mod grid;
mod headings;
mod matters;
mod narrative;
mod patterns;
mod perf;
mod prepare;
mod prose;
mod read;
mod segment;
mod solve;
mod source;
mod tokens;

pub use error::{ImportError, ImportWarning, WarningKind};
pub use source::TextFormat;

use yusuan_tables::Disclosure;

/// The result of an import: the disclosure as far as it could be read, and
/// everything that could not be read with certainty.
#[derive(Debug, Clone)]
pub struct Import {
    /// The disclosure.
    pub disclosure: Disclosure,
    /// What was not recognised, left out or left blank, with line numbers.
    pub warnings: Vec<ImportWarning>,
    /// Whether the input was raw or layout text.
    pub format: TextFormat,
    /// The pages as words with boxes and the tables found on them by their
    /// geometry ([`yusuan_layout::find_tables`]); `None` for raw text, which
    /// has no geometry. The source of the generic tables, of
    /// [`Disclosure::unplaced`] and of [`yusuan_layout::debug_svg`] pictures.
    pub layout: Option<LayoutReading>,
}

/// What the geometry reader saw: the pages and what it found on them.
#[derive(Debug, Clone)]
pub struct LayoutReading {
    /// The pages, words with boxes.
    pub pages: Vec<yusuan_layout::Page>,
    /// The tables found and the amounts placed in none.
    pub scan: yusuan_layout::Scan,
}

impl Import {
    /// How many amounts the tables print, by the geometry reader, and how many
    /// of them it placed in no table ([`Disclosure::unplaced`]).
    pub fn amount_counts(&self) -> Option<(usize, usize)> {
        self.layout.as_ref().map(|l| {
            let placed = l.scan.placed_amounts();
            let unplaced = l.scan.unplaced.len();
            (placed + unplaced, unplaced)
        })
    }

    /// One SVG picture per page: the words and, drawn over them, the tables,
    /// heading cells, columns and rows found, unplaced amounts in red (see
    /// [`yusuan_layout::debug_svg`]). Empty for raw text.
    pub fn debug_svgs(&self) -> Vec<String> {
        self.layout
            .as_ref()
            .map(|l| {
                l.pages
                    .iter()
                    .map(|p| yusuan_layout::debug_svg(p, &l.scan))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Imports the text of a disclosure as extracted by `pdftotext` (raw or
/// `-layout`, told apart automatically).
///
/// # Errors
/// [`ImportError::NotADisclosure`] when the text has none of the nine
/// tables and no 情况说明.
pub fn import_text(text: &str) -> Result<Import, ImportError> {
    let pages = match TextFormat::detect(text) {
        TextFormat::Layout => Some(yusuan_layout::pages_from_layout_text(text)),
        _ => None,
    };
    import_with_pages(text, pages)
}

/// Imports the text of a disclosure with the geometry of its pages: the
/// geometry reader ([`yusuan_layout::find_tables`]) reads every table of
/// the pages and types those it can by their heading paths; the text reader
/// reads the narrative, and the tables too when some table was not typed by
/// position or the tables typed so break one of their own identities, the
/// two readings then joined table by table (crate docs, "Two readers,
/// joined"). A table that could not be typed stays a generic table.
/// `pages` is `None` for raw text, read by the text reader alone.
///
/// # Errors
/// As [`import_text`].
pub fn import_with_pages(
    text: &str,
    pages: Option<Vec<yusuan_layout::Page>>,
) -> Result<Import, ImportError> {
    read_disclosure(Some(text), pages)
}

/// Imports a disclosure from the words of its pages alone (a PDF's
/// `pdftotext -tsv` output, [`yusuan_layout::parse_tsv`]): the text reader
/// reads the layout text rebuilt from them ([`yusuan_layout::layout_text`],
/// what [`import_path`] does for a PDF).
///
/// ```
/// let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
///     1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n\
///     5\t1\t0\t0\t0\t0\t100\t100\t60\t10\t100\t情况说明\n";
/// let pages = yusuan_layout::parse_tsv(tsv).unwrap();
/// // a heading and nothing else: read, but no table and no figure
/// let imported = yusuan_import::import_pages(pages).unwrap();
/// assert!(imported.disclosure.narrative.is_empty());
/// ```
///
/// # Errors
/// As [`import_text`].
pub fn import_pages(pages: Vec<yusuan_layout::Page>) -> Result<Import, ImportError> {
    read_disclosure(None, Some(pages))
}

/// Both readers: `text`, or the layout text rebuilt from `pages` when it is
/// `None`. (The geometry reader's search for tables and the text reader's
/// first passes depend on nothing of each other; run side by side on two
/// threads they took longer, 4.0 against 3.9 ms for 31 pages: the time went
/// to the allocator and to waking the second thread.)
fn read_disclosure(
    text: Option<&str>,
    pages: Option<Vec<yusuan_layout::Page>>,
) -> Result<Import, ImportError> {
    let find = || {
        pages
            .as_deref()
            .map(|p| yusuan_layout::find_tables(p, &yusuan_layout::Settings::default()))
    };
    let read_text = || {
        let rebuilt;
        let text = match text {
            Some(t) => t,
            None => {
                rebuilt = yusuan_layout::layout_text(pages.as_deref().unwrap_or_default());
                rebuilt.as_str()
            }
        };
        let src = source::Source::new(text);
        let parts = segment::segment(&src);
        let outline = headings::document_text(&src, &parts);
        (src, parts, outline)
    };
    let (scan, (src, parts, outline)) = (find(), read_text());
    let mut warnings = Vec::new();
    let has_tables = parts.iter().any(|p| {
        matches!(
            p.kind,
            segment::PartKind::Table(_) | segment::PartKind::UnknownTable
        )
    });
    let has_explanation = parts
        .iter()
        .any(|p| p.kind == segment::PartKind::Explanation);
    if !has_tables && !has_explanation {
        return Err(ImportError::NotADisclosure {
            reason: "no table with a 单位：万元/元 line and no 情况说明 or 编制说明 heading".into(),
            lines: src.lines.len(),
        });
    }
    let (year, kind) = match doc::year_and_kind(&src) {
        Some(yk) => yk,
        None => {
            let y = doc::fallback_year(&src).unwrap_or(0);
            warnings.push(ImportWarning {
                kind: WarningKind::Document,
                line: None,
                table: None,
                message: format!(
                    "no title such as \"2025年度单位预算\"; year taken as {y} (the most frequent year printed), kind as 单位预算"
                ),
                cells: Vec::new(),
            });
            (y, yusuan_tables::DocumentKind::UnitBudget)
        }
    };
    let unit_name = doc::unit_name(&src).unwrap_or_else(|| {
        warnings.push(ImportWarning {
            kind: WarningKind::Document,
            line: None,
            table: None,
            message: "the publishing unit's name was not found (预算单位：…, 第二部分 …)".into(),
            cells: Vec::new(),
        });
        String::new()
    });
    // unknown tables and unmodelled parts
    for p in &parts {
        let first = src.lines.get(p.title.unwrap_or(p.start)).map(|l| l.number);
        let title = p
            .title
            .and_then(|i| src.lines.get(i))
            .map(|l| l.raw.trim().to_owned())
            .unwrap_or_default();
        match p.kind {
            segment::PartKind::UnknownTable => {
                // a 决算 table the text reader does not read (the reader by
                // position does, from a PDF or layout text)
                let known = generic::kind_of_title(&title);
                warnings.push(ImportWarning {
                    kind: WarningKind::UnknownTable,
                    line: first,
                    table: known,
                    message: if title.is_empty() {
                        "a table (with a 单位 line) whose title was not found; not read".into()
                    } else if known.is_some() {
                        format!("table {title:?} is read only by the positions of its columns, from a PDF or `pdftotext -layout` text; not read from this text")
                    } else {
                        format!("table {title:?} is not one of the nine standard tables; not read")
                    },
                    cells: Vec::new(),
                })
            }
            segment::PartKind::Unmodelled => warnings.push(ImportWarning {
                kind: WarningKind::UnmodelledPart,
                line: first,
                table: None,
                message: format!("part {title:?} is not modelled; not read"),
                cells: Vec::new(),
            }),
            _ => {}
        }
    }
    let doc_unit = parts
        .iter()
        .filter_map(|p| p.unit_line)
        .filter_map(|i| src.lines.get(i))
        .filter_map(|l| segment::unit_of(l.squeezed()))
        .fold(
            std::collections::BTreeMap::<u8, usize>::new(),
            |mut m, u| {
                *m.entry(matches!(u, segment::AmountUnit::Yuan) as u8)
                    .or_default() += 1;
                m
            },
        )
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(segment::AmountUnit::Wan, |(k, _)| {
            if k == 1 {
                segment::AmountUnit::Yuan
            } else {
                segment::AmountUnit::Wan
            }
        });
    // the geometry reader first: the text reader reads the tables only when
    // some table it found was not typed by position
    let mut groups = scan
        .as_ref()
        .map(|s| generic::groups(&s.tables, &s.geometry, doc_unit.model(), year));
    let all_typed_by_position = groups.as_mut().is_some_and(|groups| {
        parts.iter().all(|p| match p.kind {
            segment::PartKind::Table(k) => groups.iter().any(|g| g.typed_kind() == Some(k.model())),
            _ => true,
        }) && !generic::breaks_own_identities(groups, doc_unit.model(), year)
    });
    let tables = if all_typed_by_position {
        yusuan_tables::Tables::default()
    } else {
        read::read_tables(&src, &parts, year, doc_unit, &mut warnings)
    };
    let mut d = yusuan_tables::Disclosure::builder(unit_name.clone(), year)
        .kind(kind)
        .amount_unit(doc_unit.model())
        .build_unchecked();
    d.tables = tables;
    if let (Some(scan), Some(groups)) = (&scan, groups) {
        for (t, g) in scan.tables.iter().zip(&scan.geometry) {
            for note in &g.reading_notes {
                warnings.push(ImportWarning {
                    kind: WarningKind::PrintedForm,
                    line: None,
                    table: None,
                    message: format!("{}: {note}", t.title),
                    cells: Vec::new(),
                });
            }
        }
        generic::join(&mut d, groups, &mut warnings);
        d.unplaced = scan
            .unplaced
            .iter()
            .map(|u| yusuan_tables::UnplacedAmount {
                text: u.text.clone(),
                at: format!("p{} x={:.0} y={:.0}", u.at.page, u.at.bbox.x0, u.at.bbox.y0),
                reason: u.reason.to_string(),
            })
            .collect();
        // the geometry reader read the tables the text reader could not
        // name: their "not read" warnings no longer hold
        warnings.retain(|w| w.kind != WarningKind::UnknownTable || w.line.is_none());
    }
    let layout = pages
        .zip(scan)
        .map(|(pages, scan)| LayoutReading { pages, scan });
    let is_final =
        generic::expected_kinds(&d).first() == yusuan_tables::TableKind::FINAL_NINE.first();
    for &k in generic::expected_kinds(&d) {
        if !d.tables.has(k) && !warnings.iter().any(|w| w.table == Some(k)) {
            let message = if is_final && k.final_label_zh() != k.label_zh() {
                // the 决算 table of that shape, by its own name
                format!(
                    "no {} was found (its rows would fill the model's {})",
                    k.final_label_zh(),
                    k.label_zh()
                )
            } else {
                "no table with this title was found".into()
            };
            warnings.push(ImportWarning {
                kind: WarningKind::MissingTable,
                line: None,
                table: Some(k),
                message,
                cells: Vec::new(),
            });
        }
    }
    // prose parts
    let lines_of = |p: &segment::Part| -> Vec<&source::Line> {
        src.lines
            .get(p.start..p.end)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                // a part's own heading is not prose, unless numbered (一、关于…的说明),
                // which the prose keeps as the section of what follows
                Some(p.start + i) != p.title || segment::starts_numbered(l.squeezed())
            })
            .map(|(_, l)| l)
            .collect()
    };
    let ctx = narrative::Ctx {
        unit_name: &unit_name,
        year,
        tables: &d.tables,
    };
    let mut claims = Vec::new();
    let mut procurement = None;
    let mut other = matters::OtherMatters::default();
    let mut pm_paragraphs: Vec<prose::Paragraph> = Vec::new();
    let mut glossary_ps = Vec::new();
    let mut profile_ps = Vec::new();
    let mut perf_tables = Vec::new();
    for p in &parts {
        match p.kind {
            segment::PartKind::Explanation | segment::PartKind::OtherMatters => {
                // an unnumbered "关于收支总表的说明" heading is left out of the
                // prose: it is still the section of what it heads, so that
                // the claims there are tied to its table
                let own_heading = p
                    .title
                    .and_then(|t| src.lines.get(t))
                    .filter(|l| {
                        let sq = l.squeezed();
                        !segment::starts_numbered(sq)
                            && sq.starts_with("关于")
                            && sq.ends_with("说明")
                    })
                    .map(|l| l.raw.trim().to_owned());
                for mut para in prose::paragraphs(&lines_of(p)) {
                    if para.section.is_none() {
                        para.section.clone_from(&own_heading);
                    }
                    let section = para
                        .section
                        .as_deref()
                        .map(yusuan_money::text::squeeze)
                        .unwrap_or_default();
                    if section.contains("政府采购")
                        || (procurement.is_none() && para.norm.contains("政府采购预算"))
                    {
                        match (&procurement, narrative::procurement(&para)) {
                            (None, found) => procurement = found,
                            (Some(first), Some(second)) if first.sentence != second.sentence => {
                                // the model holds one 政府采购 statement: say
                                // what is left, never drop it silently
                                warnings.push(ImportWarning {
                                    kind: WarningKind::UnmodelledPart,
                                    line: None,
                                    table: None,
                                    message: format!(
                                        "a second 政府采购 statement is not read (the first is): {}",
                                        second.sentence.as_deref().unwrap_or_default()
                                    ),
                                    cells: Vec::new(),
                                });
                            }
                            _ => {}
                        }
                        let sme = matters::procurement_sme(&para);
                        other.unread.extend(sme.unread.iter().cloned());
                        if !sme.figures.is_empty() {
                            let p = procurement.get_or_insert_with(Default::default);
                            other.merge_sme(p, sme);
                        }
                        continue;
                    }
                    if section.contains("绩效") {
                        pm_paragraphs.push(para);
                        continue;
                    }
                    if section.contains("国有资产") {
                        let (holdings, unread) = matters::asset_holdings(&para);
                        other.unread.extend(unread);
                        if let Some(h) = holdings {
                            other.merge_assets(h);
                        }
                        continue;
                    }
                    let mut read: Vec<yusuan_tables::Claim> = narrative::claims(&para, &ctx);
                    for c in &mut read {
                        narrative::resolve(c, &ctx);
                    }
                    if yusuan_money::text::squeeze(&para.norm).contains("机关运行经费") {
                        let (found, unread) = matters::agency_operation(&para, &read);
                        other.unread.extend(unread);
                        for a in found {
                            other.add_agency_operation(a);
                        }
                    }
                    claims.extend(read);
                }
            }
            segment::PartKind::Performance => {
                if let Some(t) = perf::read(&lines_of_all(&src, p), &mut warnings) {
                    perf_tables.push(t);
                }
            }
            segment::PartKind::Glossary => glossary_ps.extend(prose::paragraphs(&lines_of(p))),
            segment::PartKind::Profile => profile_ps.extend(profile_paragraphs(&src, p)),
            _ => {}
        }
    }
    d.narrative = claims;
    d.procurement = procurement;
    d.agency_operation = other.agency_operation.take();
    d.asset_holdings = other.asset_holdings.take();
    other.warn(&mut warnings);
    d.performance_management =
        narrative::performance_management(&pm_paragraphs.iter().collect::<Vec<_>>());
    d.glossary = doc::glossary(&glossary_ps);
    d.profile = doc::profile(&profile_ps);
    if let Some(dep) = perf_tables
        .iter()
        .map(|t| &t.department)
        .find(|d| !d.code.is_empty())
    {
        d.unit.department = Some(dep.name.clone());
        d.unit.department_code = Some(dep.code.clone());
    }
    d.performance_tables = perf_tables;
    d.document = (!outline.is_empty()).then_some(outline);
    Ok(Import {
        disclosure: d,
        warnings,
        format: src.format,
        layout,
    })
}

fn lines_of_all<'a>(src: &'a source::Source, p: &segment::Part) -> Vec<&'a source::Line> {
    src.lines
        .get(p.start..p.end)
        .unwrap_or_default()
        .iter()
        .collect()
}

/// A profile part's paragraphs, with its unnumbered sub-headings
/// (…主要职能, …机构设置) as sections.
fn profile_paragraphs(src: &source::Source, p: &segment::Part) -> Vec<prose::Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<&source::Line> = Vec::new();
    let mut heading: Option<String> = None;
    let lines = src.lines.get(p.start..p.end).unwrap_or_default();
    let flush = |block: &mut Vec<&source::Line>,
                 heading: &Option<String>,
                 out: &mut Vec<prose::Paragraph>| {
        for mut para in prose::paragraphs(block) {
            if let Some(h) = heading {
                para.section = Some(match &para.section {
                    Some(s) => format!("{h} / {s}"),
                    None => h.clone(),
                });
            }
            out.push(para);
        }
        block.clear();
    };
    for l in lines {
        let sq = l.squeezed();
        let is_heading = sq.chars().count() <= 40
            && !segment::starts_numbered(sq)
            && (sq.ends_with("概况")
                || sq.ends_with("主要职能")
                || sq.ends_with("主要职责")
                || sq.ends_with("机构设置"));
        if is_heading {
            flush(&mut block, &heading, &mut out);
            heading = Some(l.raw.trim().to_owned());
        } else if !(sq.starts_with('第') && sq.contains("部分")) {
            block.push(l);
        }
    }
    flush(&mut block, &heading, &mut out);
    out
}

/// Imports a disclosure from a file: a `.txt` holding the text `pdftotext`
/// extracted (raw or `-layout`, told apart automatically) or a `.pdf`, read
/// with `pdftotext -tsv` (Debian/Ubuntu package poppler-utils).
///
/// The disclosure's [`source`](Disclosure::source) is set to the path.
///
/// # Errors
/// [`ImportError::Io`] / [`ImportError::NotUtf8`] when the file cannot be
/// read as text; [`ImportError::Pdf`] for a `.pdf` that cannot be read as
/// words (pdftotext missing, encrypted, scanned without a text layer,
/// damaged: the message says what to do); [`ImportError::UnsupportedFile`]
/// for another extension; otherwise as [`import_text`].
///
/// A PDF is read by running `pdftotext -tsv` **once**: its words with boxes
/// go to the geometry reader, and the text reader reads the layout text
/// rebuilt from them by [`yusuan_layout::layout_text`] (the same lines and
/// character columns as `pdftotext -layout`, give or take a column or a
/// blank line). Line numbers in warnings and in the document outline refer
/// to that text.
///
/// ```no_run
/// let imported = yusuan_import::import_path(std::path::Path::new("unit-budget.pdf"))?;
/// for w in &imported.warnings {
///     eprintln!("{w}");
/// }
/// # Ok::<(), yusuan_import::ImportError>(())
/// ```
pub fn import_path(path: &std::path::Path) -> Result<Import, ImportError> {
    let shown = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // a PDF is read once: its words with boxes (`pdftotext -tsv`) for the
    // tables, and the layout text rebuilt from them for the text reader
    let mut imported = match ext.as_str() {
        "pdf" => import_pages(yusuan_layout::pdf_pages(path).map_err(ImportError::Pdf)?)?,
        "txt" | "text" => {
            let bytes = std::fs::read(path).map_err(|e| ImportError::Io {
                path: shown.clone(),
                message: e.to_string(),
            })?;
            let text = String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
                path: shown.clone(),
                valid_up_to: e.utf8_error().valid_up_to(),
            })?;
            import_text(&text)?
        }
        _ => return Err(ImportError::UnsupportedFile { path: shown }),
    };
    if imported.disclosure.source.is_none() {
        imported.disclosure.source = Some(shown);
    }
    Ok(imported)
}
