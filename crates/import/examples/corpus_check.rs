//! Imports every corpus document and reconciles it (development aid).
fn main() {
    for path in std::env::args().skip(1) {
        let imp = match yusuan_import::import_path(std::path::Path::new(&path)) {
            Ok(i) => i,
            Err(e) => {
                println!("== {path}: {e}");
                continue;
            }
        };
        let report = yusuan_reconcile::reconcile(&imp.disclosure);
        println!(
            "== {path} ({:?}): {} warnings, {} claims",
            imp.format,
            imp.warnings.len(),
            imp.disclosure.narrative.len()
        );
        for f in &report.findings {
            if f.severity == yusuan_reconcile::Severity::Error {
                println!(
                    "  [{:?}] {} @ {} expected={:?} actual={:?}",
                    f.rule,
                    f.message,
                    f.location,
                    f.expected.as_ref().map(ToString::to_string),
                    f.actual.as_ref().map(ToString::to_string)
                );
            }
        }
    }
}
