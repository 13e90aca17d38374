//! Shared by the tests that read corpus PDFs.

use std::path::Path;

/// The `pdftotext -layout` text of a PDF of `fixtures/corpus` (`rel`:
/// `shanghai/….pdf`), or `None` when pdftotext is missing (the test then
/// passes without reading).
pub fn corpus_layout_text(rel: &str) -> Option<String> {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/corpus")
        .join(rel);
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}
