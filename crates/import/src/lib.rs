//! yusuan-import (work in progress).
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod source;
mod segment;
mod tokens;

pub use source::TextFormat;
