//! The 政府收支分类科目 (government revenue and expenditure classification):
//! codes, their tree, and their names by year.
//!
//! Every row of every table of a Chinese budget disclosure (预算公开) is
//! labelled with a code of this classification, published each year by
//! 财政部. There are four schemes, told apart by the first digit:
//!
//! | scheme | first digit | levels | example |
//! |---|---|---|---|
//! | 支出功能分类 ([`Scheme::Function`]) | 2 | 类 3 / 款 5 / 项 7 | 2080108 信息化建设 |
//! | 部门预算支出经济分类 ([`Scheme::DepartmentEconomic`]) | 3 | 类 3 / 款 5 | 30239 其他交通费用 |
//! | 政府预算支出经济分类 ([`Scheme::GovernmentEconomic`]) | 5 | 类 3 / 款 5 | 50101 … |
//! | 收入分类 ([`Scheme::Revenue`]) | 1 | 类 3 / 款 5 / 项 7 / 目 9 | 10101 … |
//!
//! # Codes
//!
//! A [`Code`] is a small `Copy` value: parsing accepts what documents print
//! (`2080108`, `208 01 08`, full-width digits) and a wrong length, a stray
//! character or an unknown scheme is a [`ClassificationError`] that names
//! the text. The tree operations need no names:
//!
//! ```
//! use yusuan_classification::{Code, Level, ResidualKind, Scheme};
//!
//! let code = Code::parse("208 01 50")?;
//! assert_eq!((code.scheme(), code.level()), (Scheme::Function, Level::Item));
//! assert_eq!(code.parent().map(|p| p.to_string()), Some("20801".to_string()));
//! assert_eq!(code.residual(), Some(ResidualKind::InstitutionOperation)); // …50 事业运行
//!
//! let err = Code::parse("20801089").unwrap_err();
//! assert_eq!(err.to_string(), "code \"20801089\" has 8 digits; 支出功能分类 codes have 3, 5 or 7");
//! # Ok::<(), yusuan_classification::ClassificationError>(())
//! ```
//!
//! # Names, by year
//!
//! Names change between editions (20805 is 行政事业单位离退休 in 2019 and
//! 行政事业单位养老支出 from 2023), so every lookup takes a budget year. A
//! [`Catalog`] answers lookups, name checks, searches, children and paths:
//!
//! ```
//! use yusuan_classification::{Catalog, Code, NameCheck, Scheme};
//!
//! let catalog = Catalog::embedded();
//! let code = Code::parse("2080108")?;
//! assert_eq!(
//!     catalog.path(code, 2025).to_string(),
//!     "208 社会保障和就业支出 > 20801 人力资源和社会保障管理事务 > 2080108 信息化建设"
//! );
//! assert_eq!(catalog.check_name(code, 2025, "信息化建设"), NameCheck::Matches);
//! assert_eq!(catalog.check_name(code, 2019, "信息化建设"), NameCheck::Unknown); // not in the data for 2019
//! let hits = catalog.search(Scheme::DepartmentEconomic, "差旅", Some(2025));
//! assert_eq!(hits[0].to_string(), "30211 差旅费");
//! # Ok::<(), yusuan_classification::ClassificationError>(())
//! ```
//!
//! The catalog never guesses: a code it has no name for in a year gives
//! `None` / [`NameCheck::Unknown`], and a path shows the gap as `?`.
//!
//! # Data
//!
//! **The embedded catalog is partial.** No complete machine-readable
//! edition of the 政府收支分类科目 was available when this crate was
//! written, so it holds only what could be verified: the codes that real
//! disclosures print, with the names they print, for the years they print
//! them; and the parts of the 2025 edition that could be checked. Every
//! entry records where it comes from ([`Provenance`], [`Entry::sources`]).
//! A code or year it lacks gives `None`, never a guess; load a full
//! edition (below) when you need one.
//!
//! - `data/printed-in-disclosures.tsv`: 257 rows (248 codes) of 2017–2026
//!   ([`Provenance::PrintedInDisclosure`]). They were harvested with
//!   [`Harvest`] (`yusuan code --harvest fixtures/corpus`) from the 26
//!   disclosures of the repository's corpus (江苏省 2017–2018, 上海市 and
//!   普陀区 2023–2026, 预算 and 决算) and the blank 2024 部门决算 template,
//!   merged with `fixtures/data/codes-seen-in-disclosures.tsv`, and reviewed
//!   by hand (a document that numbers its 款 in sequence instead of by the
//!   official codes was left out). Each row gives the first and last budget
//!   year printing that name (the row applies to the years between, too) and,
//!   in its `source` column, the documents that print it. A code printed with
//!   two names in different years has two rows: 210 is
//!   医疗卫生与计划生育支出 to 2018 and 卫生健康支出 from 2019.
//! - `data/official-2025.tsv`: parts of the 2025 edition
//!   ([`Provenance::OfficialScheme`], budget year 2025): the 类 of
//!   支出功能分类 (201–233; 234 and any special-treasury-bond 类 are left
//!   out because their status in 2025 could not be verified), the ten 类 of
//!   部门预算支出经济分类, and its 款 under 301, 302, 303, 307 and 310 (the
//!   款 under 309, 311, 312, 313 and 399 are left out, not verified). A name
//!   that could not be verified is left out, never guessed.
//!
//! [`Catalog::coverage`] and [`Catalog::coverage_in`] report, per scheme and
//! level, how many codes and entries of each provenance the catalog holds
//! and which documents they come from (`yusuan code --coverage --year Y`
//! prints it). There is no 收入分类 and no 政府预算支出经济分类 (5xx) yet: no
//! document of the corpus prints them.
//!
//! Names printed without a code (the 类 of a 收支总表, "三、医疗卫生与计划生育
//! 支出") resolve with [`Catalog::resolve_name`], which also says when the
//! name is obsolete for the year:
//!
//! ```
//! use yusuan_classification::{Catalog, NameStatus, Scheme};
//! let hit = Catalog::embedded().resolve_name(Scheme::Function, "三、医疗卫生与计划生育支出", 2024).unwrap();
//! assert_eq!(hit.code.as_str(), "210");
//! assert!(matches!(hit.status, NameStatus::Obsolete { ref current_name, .. } if current_name == "卫生健康支出"));
//! ```
//!
//! Each TSV file starts with `#` lines naming its source and edition. They
//! are turned into `src/generated.rs` (`// @generated`, checked in), so the
//! data is compiled into the binary as static tables: no file access, no
//! parse errors at run time, and a test (`tests/data.rs`) fails if the
//! generated file is stale. After editing a TSV file, regenerate with
//! `YUSUAN_REGENERATE=1 cargo test -p yusuan-classification --test data`.
//! The same tests check every row: unique (code, years) with no two rows
//! of a code sharing a year, parent present, level matching length, clean
//! names, every source a document of the corpus, and every code of the
//! reference disclosure's tables present with its name exactly as printed.
//!
//! ## Growing the data
//!
//! `yusuan code --harvest DIR > harvest.tsv` prints every (code, name,
//! years, documents) that the PDFs (read with `pdftotext -layout`) or text
//! files under `DIR` print, and reports on standard error each code printed
//! with two names in one year. Review the rows (a name must be a clean 科目
//! name; a document may print wrong codes), add them to
//! `data/printed-in-disclosures.tsv`, and regenerate.
//!
//! ## Loading a full official edition
//!
//! 财政部 publishes the full edition every year, and budget software keeps
//! it in a database. Export it as TSV or CSV with the columns
//! `code,name[,...]` (optionally `first_year,last_year` named in a header,
//! for an edition spanning years) and load it with [`Catalog::load_edition`] (or
//! [`Catalog::load_edition_file`]); every line is validated, and all
//! problems (bad code, empty name, duplicate code, missing parent) are
//! reported with their line numbers. The result is a [`Catalog`] like the
//! embedded one, so it can replace it, or be put in front of it with
//! [`Catalog::layered_over`]:
//!
//! ```
//! use yusuan_classification::{Catalog, Code, YearRange};
//!
//! let csv = "科目编码,科目名称\n215,资源勘探工业信息等支出\n21508,支持中小企业发展和管理支出\n";
//! let edition = Catalog::load_edition("2025.csv", csv, "2025年政府收支分类科目", YearRange::single(2025))?;
//! let catalog = edition.layered_over(Catalog::embedded());
//! assert_eq!(
//!     catalog.path(Code::parse("21508")?, 2025).to_string(),
//!     "215 资源勘探工业信息等支出 > 21508 支持中小企业发展和管理支出"
//! );
//! # Ok::<(), yusuan_classification::ClassificationError>(())
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

mod by_name;
mod catalog;
mod code;
mod embedded;
mod error;
#[rustfmt::skip]
mod generated;
mod harvest;
mod load;
mod scheme;

pub use by_name::{strip_ordinal, NameMatch, NameStatus};
pub use catalog::{
    Catalog, CodePath, Coverage, CoverageRow, Entry, NameCheck, PathStep, Provenance, YearRange,
};
pub use code::Code;
pub use error::ClassificationError;
pub use harvest::{harvest_text, Harvest, HarvestRow, NameConflict, PrintedName};
pub use scheme::{Level, ResidualKind, Scheme};
