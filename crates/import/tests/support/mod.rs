//! Shared by the import tests: corpus PDFs read as layout text, findings
//! picked out of a report.

use std::path::Path;

/// The `pdftotext -layout` text of a PDF of `fixtures/corpus` (`rel`:
/// `shanghai/….pdf`), or `None` when pdftotext is missing (the test then
/// passes without reading).
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn corpus_layout_text(rel: &str) -> Option<String> {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/corpus")
        .join(rel);
    let Ok(out) = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext (poppler-utils) is not installed: this test reads a corpus PDF and is skipped");
        return None;
    };
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

/// The N301 findings whose table side is a cell of the "三公" table.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn three_public_amount_findings(
    report: &yusuan_reconcile::Report,
) -> Vec<&yusuan_reconcile::Finding> {
    use yusuan_tables::{NumberRef, TableKind};
    report
        .findings_for(yusuan_reconcile::Rule::NarrativeAmount)
        .filter(|f| {
            f.cells.iter().any(|c| {
                matches!(c.at, NumberRef::Cell(cell) if cell.table == TableKind::ThreePublicExpenditure)
            })
        })
        .collect()
}
