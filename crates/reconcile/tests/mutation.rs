//! Mutation test: every number of the seed fixture that takes part in an
//! identity is perturbed (+0.01, −0.01, +1.00, ×10) and the reconciliation
//! must notice: a warning or an error for every perturbation, an error for
//! +1.00 and ×10. A +0.01 on a total of n ≥ 2 parts stays inside the
//! rounding bound (n × 0.005), so a warning is the right answer there.
//!
//! "Notice" means a finding that the unperturbed fixture does not have and
//! that names the perturbed number among its cells.
//!
//! One kind of perturbation is exempt, and printed: one that turns a number
//! into the very value the unperturbed report says it should have. The seed
//! prints 使用非财政拨款结余 "占 1.50%", the 尾差 adjustment (info); +0.01
//! gives 1.51%, which is 130.00 / 8,633.56 = 1.5057% rounded on its own — a
//! correct print that must not be reported.

use std::collections::HashSet;

use yusuan_money::{Decimal, Percent, Wan};
use yusuan_reconcile::{reconcile, Finding, Report, Severity, Value};
use yusuan_tables::{Disclosure, Number, NumberRef};

const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

/// Numbers of the seed that take part in no identity, with the reason.
/// Keep this list short: every entry is a number nothing can check.
const UNCHECKED: &[(&str, &str)] = &[];

fn key(f: &Finding) -> (String, Severity, String) {
    (f.rule.id().to_owned(), f.severity, f.message.clone())
}

fn perturb(n: Number, how: &str) -> Option<Number> {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let apply = |v: Decimal| match how {
        "+0.01" => v + d("0.01"),
        "-0.01" => v - d("0.01"),
        "+1.00" => v + d("1.00"),
        "x10" => v * d("10"),
        _ => unreachable!(),
    };
    let new = match n {
        Number::Amount(w) => Number::Amount(Wan::new(apply(w.value()))),
        Number::Percent(p) => Number::Percent(Percent::new(apply(p.points()))),
    };
    (new != n).then_some(new)
}

/// The worst new finding naming `at`.
fn noticed(
    baseline: &HashSet<(String, Severity, String)>,
    report: &Report,
    at: &NumberRef,
) -> Option<Severity> {
    report
        .findings
        .iter()
        .filter(|f| !baseline.contains(&key(f)))
        .filter(|f| f.cells.iter().any(|c| c.at == *at))
        .map(|f| f.severity)
        .max()
}

#[test]
fn every_checked_number_is_guarded() {
    let seed = Disclosure::from_json(SEED).unwrap();
    let base = reconcile(&seed);
    assert!(!base.has_errors(), "{}", base.render_text());
    let baseline: HashSet<_> = base.findings.iter().map(key).collect();
    // The value the unperturbed report expects for a number it reports on.
    let expected_of = |at: &NumberRef| -> Option<Number> {
        base.findings
            .iter()
            .filter(|f| f.cells.first().is_some_and(|c| c.at == *at))
            .find_map(|f| match &f.expected {
                Some(Value::Amount(w)) => Some(Number::Amount(*w)),
                Some(Value::Percent(p)) => Some(Number::Percent(*p)),
                _ => None,
            })
    };
    let mut corrections = Vec::new();
    let mut failures = Vec::new();
    let mut unchecked = Vec::new();
    let cells = seed.cells();
    assert!(cells.len() > 100, "the seed has {} numbers", cells.len());
    for (at, n) in &cells {
        let mut results = Vec::new();
        for how in ["+0.01", "-0.01", "+1.00", "x10"] {
            let Some(new) = perturb(*n, how) else {
                continue;
            };
            if expected_of(at) == Some(new) {
                corrections.push(format!("{} {n} → {new}", seed.describe(at)));
                continue;
            }
            let mut d = seed.clone();
            d.set(at, Some(new)).unwrap();
            results.push((how, new, noticed(&baseline, &reconcile(&d), at)));
        }
        let label = seed.describe(at);
        if results.iter().all(|(_, _, s)| s.is_none()) {
            unchecked.push(label);
            continue;
        }
        for (how, new, severity) in results {
            let need = if how == "+1.00" || how == "x10" {
                Severity::Error
            } else {
                Severity::Warning
            };
            if severity.map_or(true, |s| s < need) {
                failures.push(format!(
                    "{label} = {n} → {new} ({how}): {severity:?}, need {need:?}"
                ));
            }
        }
    }
    println!("perturbations that correct a reported number (exempt): {corrections:?}");
    println!("numbers taking part in no identity ({}):", unchecked.len());
    for u in &unchecked {
        println!("  {u}");
    }
    assert!(
        failures.is_empty(),
        "{} perturbations not caught:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let expected: Vec<&str> = UNCHECKED.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        unchecked, expected,
        "update UNCHECKED (with a reason) or add a rule"
    );
}
