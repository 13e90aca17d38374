//! Fuzz target: any bytes, as text, must import or fail with an error,
//! never panic. Run with `cargo +nightly fuzz run import_text` from
//! `crates/import` (seed corpus: `fuzz/corpus/import_text/`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = yusuan_import::import_text(&text);
});
