//! Benchmarks of yusuan-reconcile: reconcile the seed fixture, and a batch
//! of 1,000 disclosures.
//!
//! Run with `cargo bench --bench reconcile`. Medians (criterion's middle
//! estimate) measured on the development machine: 2 shared cores with other
//! builds running, so expect ±30% between runs; criterion 0.5, release
//! profile:
//!
//! | benchmark | median |
//! |---|---|
//! | reconcile the seed (67 rules, ~430 comparisons) | MEDIAN_ONE |
//! | reconcile 1,000 disclosures (seed variants, one core) | MEDIAN_BATCH |
//! | render the seed's report as text | MEDIAN_TEXT |
//! | serialise the seed's report as JSON | MEDIAN_JSON |
//! | parse the seed's JSON (for scale) | MEDIAN_PARSE |
//!
//! The reconciliation walks the typed model directly and formats text only
//! for findings, so a clean disclosure costs microseconds; reading the JSON
//! costs more than checking it.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use yusuan::money::Wan;
use yusuan::reconcile::reconcile;
use yusuan::tables::Disclosure;

const SEED: &str = include_str!("../examples/data/2025-mohrss-information-center.json");

fn seed() -> Disclosure {
    Disclosure::from_json(SEED).unwrap_or_else(|e| panic!("seed fixture: {e}"))
}

/// 1,000 disclosures: the seed, and variants with one number changed (so
/// some carry findings, as a real batch does).
fn batch() -> Vec<Disclosure> {
    let base = seed();
    let cells = base.cells();
    (0..1000)
        .map(|i| {
            let mut d = base.clone();
            if i % 10 == 0 {
                if let Some((at, n)) = cells.get(i % cells.len()) {
                    if let Some(w) = n.as_amount() {
                        let bumped = Wan::new(w.value() + yusuan::money::Decimal::ONE);
                        let _ = d.set(at, Some(bumped.into()));
                    }
                }
            }
            d
        })
        .collect()
}

fn one(c: &mut Criterion) {
    let d = seed();
    c.bench_function("reconcile seed", |b| b.iter(|| reconcile(black_box(&d))));
    let report = reconcile(&d);
    c.bench_function("render text", |b| {
        b.iter(|| black_box(&report).render_text())
    });
    c.bench_function("report json", |b| {
        b.iter(|| serde_json::to_string(black_box(&report)))
    });
    c.bench_function("parse seed json", |b| {
        b.iter(|| Disclosure::from_json(black_box(SEED)))
    });
}

fn many(c: &mut Criterion) {
    let docs = batch();
    let mut group = c.benchmark_group("batch");
    group.sample_size(20);
    group.bench_function("reconcile 1000", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .map(|d| reconcile(d).summary.errors)
                .sum::<u32>()
        })
    });
    group.finish();
}

criterion_group!(benches, one, many);
criterion_main!(benches);
