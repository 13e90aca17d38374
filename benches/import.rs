//! Benchmarks of yusuan-import: the seed at 1×, 10× and 100× its size, and
//! a 支出总表 whose rows grow 1×, 10×, 100× (every row printing blank cells
//! for the solver to place).
//!
//! Run with `cargo bench --bench import`. Medians measured on the
//! development machine (2 cores shared with other engineers; criterion 0.5;
//! the workspace's release profile, fat LTO and one codegen unit), load
//! average 0.8–1.0. "before" is the code before the allocation and regex
//! work of issue #10's last target; "median" the code of 2026-11-30:
//!
//! | benchmark | before | median | throughput |
//! |---|---|---|---|
//! | the seed, 1× (22 KB) | 4.97 ms | 2.03 ms | 10.6 MiB/s |
//! | the seed, 10× | 36.5 ms | 12.5 ms | 17 MiB/s |
//! | the seed, 100× (2.2 MB) | 404 ms | 188 ms | 11 MiB/s |
//! | 支出总表, 14 rows | 0.19 ms | 0.069 ms | 204 K rows/s |
//! | 支出总表, 122 rows | 1.40 ms | 0.52 ms | 235 K rows/s |
//! | 支出总表, 1,202 rows | 13.5 ms | 5.6 ms | 215 K rows/s |
//! | `pdf_words_to_model`, 31 pages | 11.2 ms | see below | |
//!
//! `pdf_words_to_model`: a 31-page PDF (the 2025 部门预算 of 万里街道, 400 KB
//! of `pdftotext -tsv` words) from its words to the model, as
//! [`import_path`](yusuan::import::import_path) reads a PDF after running
//! pdftotext: `parse_tsv`, then `import_pages` — the layout text rebuilt from
//! the words, the geometry reader, the text reader and their join. Three
//! runs in one sitting (2026-11-30, load average 0.8–0.9), each just after
//! `pdftotext -tsv` on the same PDF (`perf stat -r 30 -e task-clock`):
//!
//! | yusuan, median | pdftotext -tsv, CPU | ratio |
//! |---|---|---|
//! | **3.38 ms** | 37.72 ms | 1/11.2 |
//! | **3.29 ms** | 38.23 ms | 1/11.6 |
//! | **3.21 ms** | 37.16 ms | 1/11.6 |
//!
//! yusuan's own time is under a tenth of pdftotext's: 3.2–3.4 ms against
//! 37–38 ms here, and pdftotext was never measured below 37 ms on this PDF
//! (37–43 ms in earlier sittings). The session before measured 3.86–3.91
//! ms (1/9.5 to 1/11.2); what took the rest, with the same output on every
//! corpus document:
//! - the layout layer's tokens borrow their words' text, a row's buffers
//!   (its tokens, costs and the assignment's tables) are kept from row to
//!   row, a page's token roles are one list, a line's squeezed text one
//!   buffer: `find_tables` 0.91 → 0.77 ms, 14.6 K → 7.3 K allocations (27 K
//!   → 16.5 K for the whole import);
//! - `layout_text` keeps one character buffer for the whole document, and
//!   places a block by looking one by one only at the earlier blocks whose
//!   extent reaches its left edge (those it is right of count as one
//!   number, the largest end column + 3): 0.48 → 0.36 ms;
//! - `parse_tsv` finds line ends with `memchr`, trims a field without
//!   decoding it when it starts and ends with printable ASCII, and reads
//!   pdftotext's decimals by Clinger's fast path (the same `f64` as
//!   `str::parse`): 0.53 → 0.40 ms;
//! - whitespace is found by a byte table (`push_unspaced`, 17% faster);
//!   a narrative subject is cleaned on slices of its text, and the rows a
//!   claim is looked for in are listed only for the claims that look.
//!
//! Earlier sessions: a PDF's tables are read by position only, the text
//! reader reading them again only when some table is not typed so or
//! breaks its own identities (the check costs about 0.1 ms); `layout_text`
//! with one character buffer per page (1.27 → 0.45 ms); the text's lines
//! normalised at byte speed; the regex crate's `perf` features; one
//! table's cells read from its own view in the join; `parse_tsv` splitting
//! by bytes; SipHash replaced in hot maps. Where the time goes now (perf,
//! shares of the bench's samples, each part with all it calls, malloc and
//! free included): `find_tables` 22%, `layout_text` 16%, `parse_tsv` 14%,
//! the narrative's claims 8%, the text's lines 7%, the outline 7%, typing
//! the tables by position 5%, the identity check 4%. Within the bench the
//! parts take more than alone (`layout_text` 0.36 ms alone is 11% of it):
//! they share the caches. malloc and free, counted within those parts, are
//! about a sixth of all samples.
//! Run on two threads (the geometry reader beside the text reader's first
//! passes) it took longer (4.0 against 3.9 ms): kept on one.
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
