//! Benchmarks of yusuan-import: the seed at 1×, 10× and 100× its size, and
//! a 支出总表 whose rows grow 1×, 10×, 100× (every row printing blank cells
//! for the solver to place).
//!
//! Run with `cargo bench --bench import`. Medians measured on the
//! development machine (2 cores shared with other engineers; criterion 0.5;
//! the workspace's release profile, fat LTO and one codegen unit), both
//! columns in one sitting with the load average at 1.0: "before" is the
//! code before the allocation and regex work of issue #10's last target,
//! "median" after it:
//!
//! | benchmark | before | median | throughput |
//! |---|---|---|---|
//! | the seed, 1× (22 KB) | 4.97 ms | 2.17 ms | 9.9 MiB/s |
//! | the seed, 10× | 36.5 ms | 14.2 ms | 15 MiB/s |
//! | the seed, 100× (2.2 MB) | 404 ms | 207 ms | 10 MiB/s |
//! | 支出总表, 14 rows | 0.19 ms | 0.070 ms | 200 K rows/s |
//! | 支出总表, 122 rows | 1.40 ms | 0.53 ms | 228 K rows/s |
//! | 支出总表, 1,202 rows | 13.5 ms | 5.6 ms | 214 K rows/s |
//! | `pdf_words_to_model`, 31 pages | 11.2 ms | see below | |
//!
//! `pdf_words_to_model`: a 31-page PDF (the 2025 部门预算 of 万里街道, 400 KB
//! of `pdftotext -tsv` words) from its words to the model, as
//! [`import_path`](yusuan::import::import_path) reads a PDF after running
//! pdftotext: `parse_tsv`, then `import_pages` — the layout text rebuilt from
//! the words, the geometry reader, the text reader and their join. Three
//! runs in one sitting, load average 1.1, each beside `pdftotext -tsv` on
//! the same PDF (`perf stat -r 30`, run just before it):
//!
//! | yusuan, median | pdftotext -tsv, CPU | pdftotext -tsv, wall | ratio (CPU) |
//! |---|---|---|---|
//! | **3.86 ms** | 43.09 ms | 47.2 ms | 1/11.2 |
//! | **3.86 ms** | 37.60 ms | 38.1 ms | 1/9.7 |
//! | **3.91 ms** | 37.15 ms | 38.9 ms | 1/9.5 |
//!
//! yusuan's own time is about a tenth of pdftotext's, not reliably under it
//! (an earlier sitting: 3.70–3.91 ms against 37.8–39.8 ms, 1/10.2 each
//! time). The check that the tables read by position keep their own
//! identities (else the text reader reads them too, see the import crate's
//! docs) costs about 0.1 ms of it.
//! Before this bench rebuilt the layout text it read a saved one
//! text instead of rebuilding it (4.5 ms then, 1.3 ms of rebuilding left
//! out; 11.2 ms the session before). What made the difference: a PDF's
//! tables are read by position only, the text reader reading them again
//! only when some table is not typed so (0.9 ms and most of the join);
//! `layout_text` with one character buffer per page (1.27 → 0.45 ms); the
//! text's lines normalised at byte speed; earlier, the regex crate's `perf`
//! features, one table's cells read from its own view in the join,
//! `parse_tsv` splitting by bytes, SipHash replaced in hot maps. Where the
//! time goes now (perf): `find_tables` 1.0 ms, `parse_tsv` 0.56 ms,
//! `layout_text` 0.45 ms, the narrative 0.6 ms, the text's lines 0.35 ms,
//! the outline 0.25 ms, typing the tables by position 0.2 ms; malloc and
//! free are a fifth of it. Run on two threads (the geometry reader beside
//! the text reader's first passes) it took longer (4.0 against 3.9 ms):
//! kept on one.
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

/// A 31-page PDF's words (its `pdftotext -tsv` output) → the model: the
/// layout text rebuilt from them, both readers and their join (what
/// `import_path` does after pdftotext).
fn pdf_words_to_model(c: &mut Criterion) {
    let tsv = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/layout/benches/data/wanlijiedao_2025_dept-budget.tsv"
    ));
    let mut g = c.benchmark_group("pdf_words_to_model");
    g.sample_size(20);
    g.bench_function("31 pages", |b| {
        b.iter(|| {
            let pages = yusuan::layout::parse_tsv(black_box(tsv)).unwrap_or_default();
            yusuan::import::import_pages(pages)
        })
    });
    g.finish();
}

criterion_group!(benches, seed_sizes, table_sizes, pdf_words_to_model);
criterion_main!(benches);
