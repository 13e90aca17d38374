//! `yusuan check --format jsonl` over a directory of 10,000 small JSON
//! documents (the reference disclosure cut to its unit, year, 收支总表,
//! 支出总表 and "三公" table: 8.9 KB each), standard output to nowhere.
//!
//! Measured on the development machine (2 cores shared with other builds,
//! release profile with fat LTO), `cargo bench -p yusuan-cli --bench batch`:
//! median 1.74 s for 10,000 documents (5,700 documents/s; [1.55 s, 1.92 s],
//! measured while other builds kept the load average near 8). Single runs
//! once the machine was quieter (load 4.9): 0.79 s on 2 threads, 1.11 s with
//! `RAYON_NUM_THREADS=1`.
//!
//! Peak memory, `/usr/bin/time -v yusuan check --format jsonl DIR >
//! /dev/null` on the same 10,000 documents: 8.0 MB maximum resident set size
//! (`--format json`, the array, streamed too: 8.2 MB; `text`: 8.0 MB; one
//! thread: 7.3 MB). Memory does not
//! grow with the number of documents: at most four per thread are held at
//! once (see `crates/cli/src/check.rs`).
//!
//! `YUSUAN_BENCH_DOCS=N` changes the number of documents.
//!
//! PDFs at scale, measured by hand (one run each, too long for criterion's
//! ten samples; load average near 9 from other builds): the 27 corpus PDFs
//! repeated to 600 files, `yusuan check --format jsonl --no-progress DIR >
//! /dev/null` took 117.5 s (5.1 documents/s, 11.4 MB peak) where `ls
//! DIR/*.pdf | xargs -P2 -I{} pdftotext -tsv {} /dev/null` took 99.3 s:
//! 1.18× the extraction alone, which is most of the time (the importer runs
//! `pdftotext` once per PDF).

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion};

/// The small document: the reference disclosure cut down.
fn small_document() -> String {
    let text = include_str!("../../../examples/data/2025-mohrss-information-center.json");
    let Ok(serde_json::Value::Object(full)) = serde_json::from_str::<serde_json::Value>(text)
    else {
        return text.to_owned();
    };
    let mut small = serde_json::Map::new();
    for key in ["unit", "year", "kind", "amount_unit"] {
        if let Some(v) = full.get(key) {
            small.insert(key.to_owned(), v.clone());
        }
    }
    let mut tables = serde_json::Map::new();
    for key in [
        "income_expenditure_summary",
        "expenditure_summary",
        "three_public_expenditure",
    ] {
        if let Some(v) = full.get("tables").and_then(|t| t.get(key)) {
            tables.insert(key.to_owned(), v.clone());
        }
    }
    small.insert("tables".to_owned(), serde_json::Value::Object(tables));
    serde_json::to_string_pretty(&serde_json::Value::Object(small)).unwrap_or_default()
}

fn corpus(n: usize) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("yusuan-bench-batch-{n}"));
    if dir.join(format!("doc-{:05}.json", n - 1)).exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir)?;
    let doc = small_document();
    for i in 0..n {
        std::fs::write(dir.join(format!("doc-{i:05}.json")), &doc)?;
    }
    Ok(dir)
}

fn check(dir: &Path) -> bool {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(["check", "--format", "jsonl", "--no-progress"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.code().is_some())
}

fn batch(c: &mut Criterion) {
    let n = std::env::var("YUSUAN_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000usize)
        .max(1);
    let Ok(dir) = corpus(n) else {
        eprintln!("cannot write the bench's documents");
        return;
    };
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function(format!("{n} small JSON documents, jsonl"), |b| {
        b.iter(|| check(&dir))
    });
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
