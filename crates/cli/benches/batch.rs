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
//! PDFs at scale, measured by hand (too long for criterion's ten samples),
//! release build, 2 cores shared with another engineer's builds (load
//! average 3.4 to 7.6 during the runs): `yusuan check --format jsonl
//! --no-progress DIR > /dev/null` against `ls DIR/*.pdf | xargs -P2 -I{}
//! pdftotext -tsv {} /dev/null`, run in turn, three times (600 PDFs: the
//! 26 corpus PDFs repeated by symlinks) and five times (130: the corpus ×5).
//! A PDF is read with one `pdftotext -tsv` run (its layout text is rebuilt
//! from the words, `yusuan_layout::layout_text`); the previous importer,
//! which also ran `pdftotext -layout`, is given for comparison:
//!
//! | PDFs | yusuan (median, runs) | pdftotext -tsv ×2 | ratio | two runs per PDF (before) |
//! |---|---|---|---|---|
//! | 600 | 54.2 s (54.2, 34.0, 60.4) | 52.1 s (52.1, 61.7, 50.4) | 1.04× | 101.6 s (76.7, 102.5, 101.6): 1.95× |
//! | 130 | 12.3 s (14.3, 12.5, 12.3, 10.8, 8.4) | 10.6 s (14.1, 10.3, 12.7, 7.7, 10.6) | 1.15× (median of the per-run ratios 1.01×) | 24.2 s: 2.3× |
//!
//! The extraction is most of the time; the load made single runs vary by
//! ±30%. Peak memory (`/usr/bin/time -v`, 130 PDFs): 13.3 MB. (Before the second `pdftotext` run was added: 117.5 s against
//! 99.3 s for 600 PDFs, 1.18×, one run under load.)

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
