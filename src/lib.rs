#![doc = include_str!("../README.md")]
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

pub use yusuan_classification as classification;
pub use yusuan_import as import;
pub use yusuan_layout as layout;
pub use yusuan_money as money;
pub use yusuan_performance as performance;
pub use yusuan_reconcile as reconcile;
pub use yusuan_tables as tables;
