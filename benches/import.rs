//! Benchmarks of yusuan-import: the seed at 1×, 10× and 100× its size, and
//! a 支出总表 whose rows grow 1×, 10×, 100× (every row printing blank cells
//! for the solver to place).
//!
//! Run with `cargo bench --bench import`. Medians measured on the
//! development machine (2 shared cores with other builds running, expect
//! ±30%; criterion 0.5). "Before": release profile without LTO, the previous
//! session; "median": the workspace's release profile with fat LTO and one
//! codegen unit (the importer's code unchanged):
//!
//! | benchmark | before | median | throughput |
//! |---|---|---|---|
//! | the seed, 1× (22 KB) | 5.2 ms | 4.0 ms | 5.4 MiB/s |
//! | the seed, 10× | 36 ms | 25 ms | 8.5 MiB/s |
//! | the seed, 100× (2.2 MB) | 304 ms | 309 ms | 7.0 MiB/s |
//! | 支出总表, 14 rows | 0.18 ms | 0.15 ms | 94 K rows/s |
//! | 支出总表, 122 rows | 1.3 ms | 1.1 ms | 112 K rows/s |
//! | 支出总表, 1,202 rows | 14.5 ms | 11.6 ms | 104 K rows/s |
//!
//! `pdf_words_to_model`: a 31-page PDF (the 2025 部门预算 of 万里街道, 47 KB
//! of layout text, 400 KB of `pdftotext -tsv` words) from its words and text
//! to the model — the geometry reader, the text reader (tables, narrative)
//! and their join: **12.0 ms** median (fat LTO; measured with the machine's
//! load average at 4, other builds running). `pdftotext -tsv` on the same
//! PDF takes 50–60 ms wall, 30–40 ms CPU, so yusuan's own time is a fifth to
//! a third of pdftotext's; the geometry reader alone (words → tables, the
//! `layout` bench of yusuan-layout) is 3.3 ms, under a tenth. Most of the
//! rest is the text reader, which reads the tables a second time.
//!
//! Time grows linearly with the size of the text: segmentation, tokenising and prose are single
//! passes; the column solver works row by row and propagates over the tree
//! groups, each a bounded number of times.
//!
//! "N× the seed" is the seed's text repeated N times: the copies after the
//! first are segmented, tokenised and their narrative read (their tables
//! are reported as duplicates). The growing table measures the table path:
//! a 支出总表 of one class with k 款, each with two 项 (one printing only
//! 基本支出, one only 项目支出), so that every row has a blank cell to place.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use yusuan::import::import_text;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));

/// A 支出总表 with `k` 款 under class 208 (3k + 2 rows).
fn table(k: usize) -> String {
    let mut s =
        String::from("单位公开表3\n\n单位：万元\n\n科目编码 科目名称 合计 基本支出 项目支出\n\n");
    let total = |n: usize, a: usize| format!("{}.00", n * a);
    s.push_str(&format!(
        "208 社会保障和就业支出 {} {} {}\n\n",
        total(k, 15),
        total(k, 10),
        total(k, 5)
    ));
    for i in 1..=k {
        let kuan = format!("208{:02}", i % 100);
        let kuan = if i >= 100 {
            format!("2{:02}{:02}", 8 + i / 100, i % 100)
        } else {
            kuan
        };
        s.push_str(&format!("  {kuan}   款{i} 15.00 10.00 5.00\n\n"));
        s.push_str(&format!("    {kuan}01     项{i}甲 10.00 10.00\n\n"));
        s.push_str(&format!("    {kuan}02     项{i}乙 5.00 5.00\n\n"));
    }
    s.push_str(&format!(
        "{} {} {}\n\n单位支出总表\n\n合  计\n",
        total(k, 15),
        total(k, 10),
        total(k, 5)
    ));
    s
}

fn seed_sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("import the seed");
    g.sample_size(10);
    for n in [1usize, 10, 100] {
        let text = SEED.repeat(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{n}x")),
            &text,
            |b, t| b.iter(|| import_text(black_box(t))),
        );
    }
    g.finish();
}

fn table_sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("import a 支出总表");
    g.sample_size(10);
    for k in [4usize, 40, 400] {
        let text = table(k);
        g.throughput(Throughput::Elements((3 * k + 2) as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{} rows", 3 * k + 2)),
            &text,
            |b, t| b.iter(|| import_text(black_box(t))),
        );
    }
    g.finish();
}

/// A 31-page PDF's words (its `pdftotext -tsv` output) and layout text →
/// the model: both readers and their join (what `import_path` does after
/// pdftotext).
fn pdf_words_to_model(c: &mut Criterion) {
    let tsv = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/layout/benches/data/wanlijiedao_2025_dept-budget.tsv"
    ));
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/corpus/putuo/sh-putuo-wanlijiedao_2025_dept-budget.layout.txt"
    ));
    let mut g = c.benchmark_group("pdf_words_to_model");
    g.sample_size(20);
    g.bench_function("31 pages", |b| {
        b.iter(|| {
            let pages = yusuan::layout::parse_tsv(black_box(tsv)).unwrap_or_default();
            yusuan::import::import_with_pages(black_box(text), Some(pages))
        })
    });
    g.finish();
}

criterion_group!(benches, seed_sizes, table_sizes, pdf_words_to_model);
criterion_main!(benches);
