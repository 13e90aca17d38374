//! Prints the full path, with names, of each classification code given.
//!
//! ```text
//! cargo run --example classify -- 2080108 30239
//! cargo run --example classify -- --year 2019 20805
//! ```
//!
//! Names come from the catalog embedded in `yusuan-classification` for the
//! budget year asked (default 2025). A code that does not parse is reported
//! with what is wrong, and the program exits with status 1; a code whose
//! name is not in the catalog for that year is shown with `?` and also
//! makes the exit status 1.

use std::process::ExitCode;

use yusuan::classification::{Catalog, Code};

const USAGE: &str = "usage: classify [--year YEAR] CODE...   (e.g. classify 2080108 30239)";

fn main() -> ExitCode {
    let mut year: u16 = 2025;
    let mut texts: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let year_text = if arg == "--year" || arg == "-y" {
            match args.next() {
                Some(value) => Some(value),
                None => {
                    eprintln!("error: --year needs a value\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        } else {
            arg.strip_prefix("--year=").map(str::to_owned)
        };
        if let Some(value) = year_text {
            match value.parse() {
                Ok(y) => year = y,
                Err(_) => {
                    eprintln!("error: --year expects a year such as 2025, found {value:?}");
                    return ExitCode::from(2);
                }
            }
        } else if arg == "--help" || arg == "-h" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        } else {
            texts.push(arg);
        }
    }
    if texts.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let catalog = Catalog::embedded();
    let mut failed = false;
    for text in &texts {
        let code = match Code::parse(text) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("error: {error}");
                failed = true;
                continue;
            }
        };
        let path = catalog.path(code, year);
        println!(
            "{code} ({} {}, {year}): {path}",
            code.scheme().label_zh(),
            code.level().label_zh()
        );
        if !path.is_complete() {
            let missing: Vec<String> = path.missing().map(|c| c.to_string()).collect();
            eprintln!(
                "note: no name for {} in {year} in the embedded catalog (see Catalog::coverage, or load a full edition)",
                missing.join(", ")
            );
            failed = true;
        }
        if let Some(entry) = catalog.get(code, year) {
            println!("  source: {}", entry.provenance());
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
