//! Benchmarks of yusuan-reconcile: reconcile the seed fixture, and a batch
//! of 1,000 disclosures.
//!
//! Run with `cargo bench --bench reconcile`. Medians (criterion's middle
//! estimate) measured on the development machine: 2 cores shared with other
//! engineers' builds and tests (load average 1.0–1.7 during the runs; expect
//! ±10% between runs), criterion 0.5. The workspace's release profile (which
//! `cargo bench` uses) has fat LTO and one codegen unit; the "no LTO" column
//! is the same code built as a dependent's default release build would
//! build it (`CARGO_PROFILE_RELEASE_LTO=false
//! CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16`). "Before" is the previous
//! session's figure (no LTO, before the fourth speed pass below).
//!
//! **With issues 10–13** the engine runs 114 rules on one document (certainty gating of every
//! comparison, the 本表读取存疑 collapse, the narrative self-checks, the
//! document-level rules S609–S615). Re-measured on 2026-11-30 with the load
//! average at 1.0: reconcile the seed **78.1 µs**; render text 7.6 µs;
//! report JSON 28.5 µs; parse the seed's JSON 94.4 µs; validate 11.1 µs (a
//! first measurement, under a load average of 5–6, gave 103.7 µs for the
//! seed). The 68-rule engine's 18.5 µs below is not comparable, and where
//! the added time goes has not been profiled. The previous table, for the
//! record:
//!
//! | benchmark | before | median | no LTO |
//! |---|---|---|---|
//! | reconcile the seed (68 rules, 583 comparisons, 3 findings) | 26.0 µs | **18.5 µs** | 19.7 µs |
//! | reconcile 1,000 disclosures (seed variants, one in ten with a changed number; one core) | 39.0 ms | 30.1 ms (30 µs each) | |
//! | validate the seed's structure (`Disclosure::validate`, run by `Disclosure::load`) | 8.4 µs | 6.6 µs | |
//! | render the seed's report as text | 5.9 µs | 3.8 µs | |
//! | serialise the seed's report as JSON | 21.1 µs | 16.5 µs | |
//! | parse the seed's JSON (for scale) | 146 µs | 115 µs | |
//! | the seed's unit against a department made of it alone (rules D7xx, new) | | 3.2 µs | |
//!
//! The target, under 20 µs for one disclosure on one core, is met when the
//! host leaves the core alone; the shared machine does not always. Seventeen
//! runs of the final code (criterion medians, in order): 21.4, 22.6, 21.0,
//! 21.3, 19.6 µs during a burst of interference (confidence intervals ±1 µs
//! wide), then 17.8, 18.7, 18.1, 17.7, 18.0, 18.1, 18.7, 18.5, 18.1, 17.3,
//! 19.0, 17.9 µs; the median of all seventeen 18.5 µs, thirteen under
//! 20 µs. The last three alternated with the previous commit (same
//! single-document code, before the `D7xx` rules joined the catalogue),
//! which gave 19.0, 17.1, 19.9 µs: the spread is the machine's, not the
//! code's. Before that commit, seven runs in a quiet period gave 16.9–17.4
//! µs. The best of 20 timed loops of 3,000 reconciliations, which
//! interference least affects: 17.2 µs. Without LTO (as a dependent's
//! default release build compiles it), measured on that previous commit:
//! 19.7 µs.
//!
//! The fourth pass, counted with callgrind (instructions per reconciliation
//! of the seed, no LTO): 299,710 before, 227,961 after (−24%; 225,545
//! before the report learned to cover a range of a larger catalogue).
//! Every step
//! left every report unchanged byte for byte — the JSON and text reports of
//! the fixture, of the seed's text and of the twelve Shanghai corpus texts,
//! and the JSON report of each of 1,300 perturbations of the fixture (every
//! number +0.01, −0.01, +1.00, ×10, blank, +0.004), compared against a
//! build of the previous commit. The steps:
//! - `Wan` and `Percent` are displayed without allocating (−11k);
//! - `Code` equality compares two integers instead of calling `memcmp`, and
//!   code keys are read from the digit bytes without a UTF-8 check (−8k);
//! - the lines of each summary table are indexed once, so a line is found
//!   in one step instead of a scan of the rows (−6k);
//! - tree sums are settled in every column at once, each row read once with
//!   `Amounts::for_each_number` (−5k);
//! - the codes of all tables are read into one index per disclosure (3
//!   allocations instead of 23), ordinals are matched without a substring
//!   search, rule skip texts are fixed strings, and identities no longer
//!   collect rows or columns into temporary vectors (202 → ~100
//!   allocations per reconciliation);
//! - classification codes are looked up by a hash of their sort key instead
//!   of a binary search (fewer cache and branch misses; the instruction
//!   count barely moves);
//! - row sums (合计 = Σ columns of one row) are settled reading each row once
//!   (−4k);
//! - the 指标值 of the 项目绩效目标表 in their plain form (`≥1000台`,
//!   `≤2459.07万元`) are read in one pass, compared with the general reading
//!   by a property test (−9k).
//!
//! Where the time goes now (sampled with `perf`, LTO build, final code):
//! the table identities 27%, the narrative 24%, codes, structure and
//! placeholders 20%, the 项目绩效目标表 17% (of which
//! `yusuan_performance::validate` 10%), building the report 9%. About a
//! tenth is the text of the three findings the seed has (an info, a warning
//! and a transcriber's note): labels, messages and notes are formatted only
//! for findings, but they are formatted. What is left is spread thinly; the
//! next real step would be integer amounts (hundredths) in the model in
//! place of `Decimal`, a model change. Reading the JSON costs six times as
//! much as checking it, so a batch run is bound by parsing.

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
    c.bench_function("validate seed structure", |b| {
        b.iter(|| black_box(&d).validate())
    });
    // A department made of the seed's unit alone: every D7xx comparison
    // made, none failing.
    let mut department = d.clone();
    department.kind = yusuan::tables::DocumentKind::DepartmentBudget;
    c.bench_function("reconcile unit in department", |b| {
        b.iter(|| {
            yusuan::reconcile::reconcile_unit_in_department(black_box(&d), black_box(&department))
        })
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
