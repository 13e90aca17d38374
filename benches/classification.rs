//! Benchmarks of yusuan-classification: parse a code, look one up, build a
//! path.
//!
//! Run with `cargo bench --bench classification`. Medians (criterion's
//! middle estimate) measured on the development machine: 2 shared cores with
//! other builds running, so expect ±30% between runs; criterion 0.5, release
//! profile (fat LTO, one codegen unit), 242 embedded entries. "Before" is
//! the previous measurement: a binary search over the sorted keys, without
//! LTO.
//!
//! | benchmark | before | median |
//! |---|---|---|
//! | parse `2080108` | 15 ns | 15 ns |
//! | parse `208 01 08` | 25 ns | 17 ns |
//! | parse full-width `２０８０１０８` | 28 ns | 20 ns |
//! | look up `2080108` in 2025 (hit) | 63 ns | 16 ns |
//! | look up `2080108` in 2019 (miss) | 37 ns | 13 ns |
//! | build the path of `2080108` in 2025 | 221 ns | 117 ns (three lookups) |
//! | build and format the path as text | 540 ns | 295 ns (allocates the string) |
//! | check a name (`信息化建设`, normalised) | 222 ns | 102 ns (normalises both names) |
//!
//! A lookup hashes the code's sort key (an integer) into a map of where the
//! code's entries start: tens of nanoseconds, not microseconds.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

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
