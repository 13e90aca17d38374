//! The `yusuan` command (work in progress).
fn main() {}
