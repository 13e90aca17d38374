//! The 政府收支分类科目 (government revenue and expenditure classification) code tree.
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

mod catalog;
mod code;
mod embedded;
mod error;
#[rustfmt::skip]
mod generated;
mod load;
mod scheme;

pub use catalog::{
    Catalog, CodePath, Coverage, CoverageRow, Entry, NameCheck, PathStep, Provenance, YearRange,
};
pub use code::Code;
pub use error::ClassificationError;
pub use scheme::{Level, ResidualKind, Scheme};
