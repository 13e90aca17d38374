//! yusuan-tables: a typed model of a whole budget disclosure (预算公开) —
//! the nine tables, the narrative claims, 政府采购, 机关运行经费, 国有资产占有,
//! 绩效目标管理, 名词解释, 单位概况 and the 项目绩效目标表 — with a hand-writable JSON form,
//! structural validation, text rendering and CSV export.
//!
//! # The model
//!
//! - [`Disclosure`]: unit, year, [`DocumentKind`], [`AmountUnit`], the
//!   [`Tables`], [`Claim`]s, [`Procurement`] (with its 中小企业 figures),
//!   [`AgencyOperation`] (机关运行经费), [`AssetHoldings`] (国有资产占有: 车辆,
//!   large equipment), [`PerformanceManagement`], [`GlossaryEntry`]s, [`Profile`] and
//!   [`yusuan_performance::PerformanceTargetTable`]s.
//! - Tables are modelled by kind ([`TableKind`]), not by number: publishers
//!   number and order them differently, so the printed number and title are
//!   metadata ([`TableMeta`]). Code-keyed tables are [`CodeTable`]s whose rows
//!   carry a typed [`yusuan_classification::Code`] and a 合计 row kept apart;
//!   the 收支总表 and 财政拨款收支总表 are [`SummaryTable`]s of named
//!   [`Line`]s and function classes; the "三公" table is a
//!   [`ThreePublicTable`] with one row per [`Period`].
//! - A blank cell (not printed, `-`) is `None`, distinct from `Some(0.00)`.
//!   Each table records which [`Column`]s its publisher printed, so a
//!   一般公共预算支出表 without the prior-year columns, or a "三公" table with
//!   two years, are both representable.
//! - Every amount is a [`yusuan_money::Wan`] (万元). A document printed in 元
//!   ([`AmountUnit::Yuan`]) is converted exactly with
//!   [`yusuan_money::Wan::from_yuan_exact`] — no rounding — so
//!   [`yusuan_money::Wan::to_yuan`] gives back every printed digit.
//! - Every number has an address ([`NumberRef`], [`CellRef`]):
//!   [`Disclosure::cells`] lists them all, [`Disclosure::get`] /
//!   [`Disclosure::set`] read and write one, [`Disclosure::describe`] names
//!   it in Chinese (`单位支出总表 / 2080108 信息化建设 / 项目支出`).
//!
//! ```
//! use yusuan_classification::Code;
//! use yusuan_money::Wan;
//! use yusuan_tables::*;
//!
//! let w = |s: &str| Some(Wan::parse(s).unwrap());
//! let d = Disclosure::builder("人力资源和社会保障部信息中心", 2025)
//!     .general_budget_basic_expenditure(
//!         CodeTable::new()
//!             .numbered("单位公开表6", "一般公共预算基本支出表")
//!             .row(Code::parse("302")?, "商品和服务支出",
//!                  BasicExpenditureAmounts { total: w("137.85"), public: w("137.85"), ..Default::default() })
//!             .row(Code::parse("30207")?, "邮电费",
//!                  BasicExpenditureAmounts { total: w("18.00"), public: w("18.00"), ..Default::default() }),
//!     )
//!     .build()?;
//! let at = CellRef::new(TableKind::GeneralBudgetBasicExpenditure, Code::parse("30207")?, Column::Public);
//! assert_eq!(d.get(&at.into()), Some(Wan::parse("18.00")?.into()));
//! assert_eq!(d.describe(&at.into()), "一般公共预算基本支出表 / 30207 邮电费 / 公用经费");
//! assert!(render::text(&d.view(TableKind::GeneralBudgetBasicExpenditure).unwrap()).contains("邮电费"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # JSON format
//!
//! A disclosure is one JSON object, readable and writable by hand. Field
//! names are English snake_case; amounts, percentages and codes are
//! **strings** (`"8633.56"`, `"17.47"`, `"2080108"`) so nothing passes
//! through floating point; a blank cell is simply left out. Unknown fields
//! are rejected (a typo is an error with its line and column, not a silently
//! dropped number). [`Disclosure::to_json`] writes this form and
//! [`Disclosure::from_json`] reads it back exactly.
//!
//! ```json
//! {
//!   "unit": { "name": "人力资源和社会保障部信息中心",
//!             "department": "人力资源社会保障部", "department_code": "117" },
//!   "year": 2025,
//!   "kind": "unit_budget",           // unit_budget | department_budget | unit_final_accounts | department_final_accounts
//!   "amount_unit": "wan",            // wan (万元) | yuan (元)
//!   "title": "…", "source": "…",     // optional
//!   "tables": {
//!     "income_expenditure_summary": {          // 收支总表 (a SummaryTable)
//!       "meta": { "number": "单位公开表1", "title": "单位收支总表" },
//!       "income": [ { "key": "general_budget_appropriation",
//!                     "label": "一、一般公共预算拨款收入",
//!                     "amounts": { "total": "4175.52" } }, … ],
//!       "expenditure": [ { "key": "208", "label": "一、社会保障和就业支出",
//!                          "amounts": { "total": "8282.63" } }, … ]
//!     },
//!     "expenditure_summary": {                 // 支出总表 (a CodeTable)
//!       "meta": { "number": "单位公开表3", "title": "单位支出总表" },
//!       "columns": [ "total", "basic", "project", … ],  // as printed; omitted = all
//!       "rows": [ { "code": "2080108", "name": "信息化建设",
//!                   "amounts": { "total": "3731.75", "project": "3731.75" } }, … ],
//!       "total": { "total": "8633.56", "basic": "4901.81", "project": "3731.75" }
//!     },
//!     "government_fund_expenditure": {         // an empty table with its note
//!       "meta": { "number": "单位公开表7", "empty_note": "注：……" },
//!       "rows": [], "total": null
//!     },
//!     "three_public_expenditure": { "periods": ["2025_budget"], "rows": [ … ] },
//!     "final_accounts": {                      // a 决算's own tables (FinalAccounts)
//!       "income_expenditure_summary": { "columns": ["total"], "rows": [
//!           { "key": "opening_balance", "label": "年初结转和结余",
//!             "amounts": { "total": "112.88" } }, … ] },
//!       "basic_expenditure": { "rows": [ { "key": "personnel_total",
//!           "label": "人员经费合计", "amounts": { "total": "4884.09" } }, … ] }
//!     }
//!   },
//!   "narrative": [ { "section": "…", "sentence": "…",
//!                    "kind": { "type": "share", "subject": "上年结转",
//!                              "amount": "324.37", "percent": "3.76", "whole": "8633.56" },
//!                    "refers_to": { "table": "income_summary", "row": "total",
//!                                   "column": "prior_year_carryover" } },
//!                  { "sentence": "本年支出合计等于本年收入合计。",
//!                    "kind": { "type": "comparison", "subject": "本年支出合计",
//!                              "relation": "equal", "object": "本年收入合计",
//!                              "object_refers_to": { "table": "income_expenditure_summary",
//!                                                    "row": "current_year_income", "column": "total" } },
//!                    "refers_to": { "table": "income_expenditure_summary",
//!                                   "row": "current_year_expenditure", "column": "total" } } ],
//!   "procurement": { "total": "1912.9", "goods": "128.22", "services": "1784.68",
//!                    "sme_reserved": "…", "small_micro_reserved": "…" },   // 中小企业, when printed
//!   "agency_operation": { "sentence": "…", "amount": "171.01" },          // 机关运行经费
//!   "asset_holdings": { "sentence": "…",                                   // 国有资产占有
//!                       "as_of": { "year": 2024, "month": 12, "day": 31 },
//!                       "vehicles": { "total": 0, "categories": [ { "name": "其他用车", "count": 0 }, … ] },
//!                       "large_equipment": 0 },
//!   "performance_management": { "sentence": "…", "amount": "3430.74" },
//!   "glossary": [ { "term": "…", "explanation": "…" } ],
//!   "profile": { "duties": [ … ], "organization": [ … ], "divisions": [ … ] },
//!   "performance_tables": [ … ],     // yusuan_performance::PerformanceTargetTable
//!   "notes": [ "…" ],
//!   "document": { "cover_unit": "…",          // DocumentText: set by the importer
//!                 "headings": [ { "kind": "part", "text": "第二部分…", "line": 13 } ],
//!                 "contents": [ … ], "table_notes": [ … ], "dated": [ … ], "sentences": [ … ] }
//! }
//! ```
//!
//! Names used in JSON:
//!
//! | JSON | Rust | values |
//! |---|---|---|
//! | table field names under `tables`, `"table"` of a cell | [`TableKind`] | `income_expenditure_summary`, `income_summary`, `expenditure_summary`, `fiscal_appropriation_summary`, `general_budget_expenditure`, `general_budget_basic_expenditure`, `government_fund_expenditure`, `state_capital_expenditure`, `three_public_expenditure` |
//! | `columns`, keys of `amounts`, `"column"` of a cell | [`Column`] | `total`, `basic`, `project`, `personnel`, `public`, `prior_year`, `change_percent`, … ([`Column::ALL`]) |
//! | `key` of a summary row, `"row"` of a cell | [`RowKey`] | `"total"`, a code (`"2080108"`), a [`Line`] (`"income_total"`), a [`Period`] (`"2025_budget"`) |
//! | `kind.type` of a claim | [`ClaimKind`] | `share`, `change`, `total`, `amount`, `no_amount`, `comparison` |
//! | `direction`, `rate_direction` | [`Direction`] | `increase` 增加, `growth` 增长, `decrease` 减少, `decline` 下降, `flat` 持平, … |
//! | `relation` of a comparison | [`Relation`] | `greater` 大于, `higher` 高于, `less` 小于, `lower` 低于, `equal` 等于, `same` 相等, `not_exceeding` 不超过, `not_lower` 不低于, … ([`Relation::ALL`]) |
//! | `"field"` of a claim number | [`ClaimField`] | `amount`, `percent`, `whole`, `base_amount`, `change`, `rate`, `object_amount`, `{"part": n}` |
//!
//! Which amounts fields each table kind has: [`IncomeAmounts`],
//! [`ExpenditureAmounts`], [`GeneralBudgetAmounts`],
//! [`BasicExpenditureAmounts`], [`FundAmounts`], [`SummaryAmounts`],
//! [`ThreePublicAmounts`].
//!
//! # Validation
//!
//! [`Disclosure::validate`] reports structural [`Issue`]s (duplicate rows,
//! more than two decimals in the printed unit, a code of the wrong scheme,
//! a missing parent row in a printed tree, …) with table, row and column;
//! [`Disclosure::load`] fails on errors and returns warnings. Arithmetic
//! (sums, shares, cross-table identities) is the work of yusuan-reconcile.
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

mod address;
mod document;
mod document_text;
mod error;
mod final_accounts;
mod generic;
mod kinds;
mod narrative;
pub mod render;
mod tables;
mod validate;
pub mod view;

pub use address::{CellRef, ClaimField, FundsField, NumberRef};
pub use document::{Disclosure, DisclosureBuilder, Unit};
pub use document_text::{DocumentText, Heading, HeadingKind, Passage};
pub use error::TablesError;
pub use final_accounts::{FinalAccounts, FinalRow, FinalTable};
pub use generic::{
    Completeness, DoubtfulCell, GenericCell, GenericColumn, GenericRow, GenericTable, Placement,
    Reading, UnplacedAmount,
};
pub use kinds::{AmountUnit, Basis, Column, DocumentKind, Line, Period, RowKey, TableKind};
pub use narrative::{
    AgencyOperation, AgencyOperationField, AssetHoldings, Claim, ClaimKind, ClaimPart, Direction,
    GlossaryEntry, PerformanceManagement, Procurement, ProcurementField, Profile, Relation,
    StatedDate, VehicleCategory, VehicleCount,
};
pub use tables::{
    Amounts, BasicExpenditureAmounts, CodeRow, CodeTable, ExpenditureAmounts, ExtraCell,
    ExtraColumn, FundAmounts, GeneralBudgetAmounts, IncomeAmounts, Number, SummaryAmounts,
    SummaryRow, SummaryTable, TableMeta, Tables, ThreePublicAmounts, ThreePublicRow,
    ThreePublicTable,
};
pub use validate::{Issue, IssueKind, Severity, MAX_INTEGER_DIGITS, PLAUSIBLE_YEARS};
pub use view::TableView;
