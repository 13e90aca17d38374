//! Prints every table of a disclosure (JSON, see `yusuan::tables`) as an
//! aligned text table with Chinese headers, so it can be compared with the
//! published PDF.
//!
//! ```text
//! cargo run --example show -- examples/data/2025-mohrss-information-center.json
//! cargo run --example show                      # the seed fixture
//! cargo run --example show -- FILE.json --csv OUT_DIR   # also write one CSV per table
//! ```
//!
//! A malformed file prints the error with its line and column and exits
//! with status 1; structural warnings are printed to stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use yusuan::tables::{render, Disclosure};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/2025-mohrss-information-center.json"
);

fn main() -> ExitCode {
    let mut path = PathBuf::from(SEED);
    let mut csv_dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--csv" => match args.next() {
                Some(dir) => csv_dir = Some(dir.into()),
                None => {
                    eprintln!("--csv needs a directory");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: show [FILE.json] [--csv DIR]");
                return ExitCode::SUCCESS;
            }
            _ => path = arg.into(),
        }
    }

    let (disclosure, warnings) = match Disclosure::load_path(&path) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    for w in &warnings {
        eprintln!("{}: {w}", path.display());
    }

    print!("{}", render::text_all(&disclosure));
    println!();
    println!(
        "情况说明 {} 条；项目绩效目标表 {} 张；名词解释 {} 条",
        disclosure.narrative.len(),
        disclosure.performance_tables.len(),
        disclosure.glossary.len()
    );

    if let Some(dir) = csv_dir {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        for (name, contents) in render::csv_files(&disclosure) {
            let file = dir.join(name);
            if let Err(e) = std::fs::write(&file, contents) {
                eprintln!("{}: {e}", file.display());
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {}", file.display());
        }
    }
    ExitCode::SUCCESS
}
