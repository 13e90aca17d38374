//! Benchmarks of yusuan-layout on a real document: the 31-page 2025 部门预算
//! of 上海市普陀区万里街道办事处 (`pdftotext -tsv` output saved in
//! `benches/data/`, 400 KB, 11 tables, 875 amounts placed).
//!
//! Run with `cargo bench -p yusuan-layout --bench layout`. Medians measured
//! on the development machine (2 cores shared with other engineers, load
//! average 1.0; criterion 0.5, the workspace's release profile), before and
//! after the work on issue #10's last target:
//!
//! | benchmark | before | median |
//! |---|---|---|
//! | parse_tsv, 31 pages | 1.62 ms | 0.56 ms |
//! | find_tables, 31 pages (words → tables) | 1.33 ms | 0.98 ms |
//! | layout_text, 31 pages (words → `-layout` text) | 1.27 ms | 0.45 ms |
//! | both (parse_tsv and find_tables) | 3.03 ms | 1.63 ms |
//!
//! parse_tsv splits fields by bytes and only for page and word rows; lines
//! are classified with fewer allocations and searches; layout_text keeps a
//! page's characters in one buffer (three vectors per line before).
//!
//! For comparison, `pdftotext -tsv` itself takes 37–38 ms of CPU (39–45 ms
//! wall; `perf stat -r 30`) on the same PDF.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use yusuan_layout::{find_tables, layout_text, parse_tsv, Settings};

const TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/benches/data/wanlijiedao_2025_dept-budget.tsv"
));

fn layout(c: &mut Criterion) {
    let mut g = c.benchmark_group("layout");
    g.sample_size(20);
    let pages = parse_tsv(TSV).unwrap_or_default();
    let s = Settings::default();
    g.bench_function("parse_tsv", |b| b.iter(|| parse_tsv(black_box(TSV))));
    g.bench_function("find_tables", |b| {
        b.iter(|| find_tables(black_box(&pages), &s))
    });
    g.bench_function("layout_text", |b| b.iter(|| layout_text(black_box(&pages))));
    g.bench_function("both", |b| {
        b.iter(|| find_tables(&parse_tsv(black_box(TSV)).unwrap_or_default(), &s))
    });
    g.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
