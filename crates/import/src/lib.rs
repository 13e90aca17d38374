//! yusuan-import (work in progress).
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod solve;
mod source;
mod prose;
mod segment;
mod tokens;

pub use source::TextFormat;
