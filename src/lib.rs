#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use yusuan_classification as classification;
pub use yusuan_import as import;
pub use yusuan_money as money;
pub use yusuan_performance as performance;
pub use yusuan_reconcile as reconcile;
pub use yusuan_tables as tables;
