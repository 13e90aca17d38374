//! Benchmarks of yusuan-classification: parse a code, look one up, build a
//! path.
//!
//! Run with `cargo bench --bench classification`. Medians measured on the
//! development machine (2 shared cores, other builds running; `cargo bench`,
//! criterion 0.5):
//!
//! | benchmark | median |
//! |---|---|
//! | parse `2080108` | MEDIAN_PARSE_PLAIN |
//! | parse `208 01 08` | MEDIAN_PARSE_SPLIT |
//! | parse full-width `２０８０１０８` | MEDIAN_PARSE_FULL |
//! | look up `2080108` in 2025 (hit) | MEDIAN_LOOKUP_HIT |
//! | look up `2080108` in 2019 (miss) | MEDIAN_LOOKUP_MISS |
//! | build the path of `2080108` in 2025 | MEDIAN_PATH |
//! | build and format the path as text | MEDIAN_PATH_TEXT |
//! | check a name (`信息化建设`, normalised) | MEDIAN_CHECK |
//!
//! A lookup is a binary search over the sorted entries: tens of
//! nanoseconds, not microseconds.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use yusuan::classification::{Catalog, Code};

fn parse(c: &mut Criterion) {
    c.bench_function("parse 2080108", |b| {
        b.iter(|| Code::parse(black_box("2080108")))
    });
    c.bench_function("parse '208 01 08'", |b| {
        b.iter(|| Code::parse(black_box("208 01 08")))
    });
    c.bench_function("parse full-width", |b| {
        b.iter(|| Code::parse(black_box("２０８０１０８")))
    });
}

fn lookup(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let code = Code::parse("2080108").unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("lookup 2080108 in 2025", |b| {
        b.iter(|| catalog.get(black_box(code), black_box(2025)))
    });
    c.bench_function("lookup 2080108 in 2019 (miss)", |b| {
        b.iter(|| catalog.get(black_box(code), black_box(2019)))
    });
    c.bench_function("path 2080108 in 2025", |b| {
        b.iter(|| catalog.path(black_box(code), black_box(2025)))
    });
    c.bench_function("path 2080108 in 2025 to text", |b| {
        b.iter(|| catalog.path(black_box(code), black_box(2025)).to_string())
    });
    c.bench_function("check name 信息化建设", |b| {
        b.iter(|| catalog.check_name(black_box(code), 2025, black_box("信息化建设")))
    });
}

criterion_group!(benches, parse, lookup);
criterion_main!(benches);
