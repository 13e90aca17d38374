//! Arithmetic never panics: every number of the seed fixture set, one at a
//! time, to `Decimal::MAX` and to `-Decimal::MAX` (e.g. 本年收入合计 =
//! 79228162514264337593543950335) reconciles without a panic, and an
//! identity that cannot be computed is never counted as passed.

use yusuan_money::{Decimal, Percent, Wan};
use yusuan_reconcile::{reconcile, Rule, Status};
use yusuan_tables::{Disclosure, Number};

const SEED: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");

fn extreme(n: Number, v: Decimal) -> Number {
    match n {
        Number::Amount(_) => Number::Amount(Wan::new(v)),
        Number::Percent(_) => Number::Percent(Percent::new(v)),
    }
}

#[test]
fn every_number_at_the_edge_of_decimal_reconciles_without_panic() {
    let seed = Disclosure::from_json(SEED).unwrap();
    let cells = seed.cells();
    assert!(cells.len() > 100);
    // Where each panic happened, for the failure message.
    static WHERE: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut w) = WHERE.lock() {
            // The first frame of yusuan below the panic.
            let trace = std::backtrace::Backtrace::force_capture().to_string();
            let ours = trace
                .lines()
                .find(|l| {
                    l.contains("src/") && !l.contains("rust_decimal") && !l.contains("/rustc/")
                })
                .unwrap_or_default()
                .trim()
                .to_owned();
            w.push(format!("{info} ({ours})"));
        }
    }));
    let mut panics = Vec::new();
    for (at, n) in &cells {
        for v in [Decimal::MAX, -Decimal::MAX] {
            let mut d = seed.clone();
            d.set(at, Some(extreme(*n, v))).unwrap();
            let label = d.describe(at);
            let run = std::panic::catch_unwind(|| {
                let report = reconcile(&d);
                // The text and JSON renderings must not panic either.
                let _ = report.render_text();
                let _ = report.to_json_pretty();
            });
            if run.is_err() {
                let at = WHERE.lock().map(|w| w.join(" / ")).unwrap_or_default();
                if let Ok(mut w) = WHERE.lock() {
                    w.clear();
                }
                panics.push(format!("{label} = {v}: {at}"));
            }
        }
    }
    let _ = std::panic::take_hook();
    assert!(
        panics.is_empty(),
        "{} panics:\n{}",
        panics.len(),
        panics.join("\n")
    );
}

#[test]
fn an_overflowing_sum_is_not_counted_as_passed() {
    let mut seed = Disclosure::from_json(SEED).unwrap();
    // 本年收入合计 = Σ income lines: set two lines to Decimal::MAX so the
    // sum of the parts overflows.
    let lines: Vec<_> = seed
        .cells()
        .into_iter()
        .filter(|(at, _)| {
            let l = seed.describe(at);
            l.contains("收支总表") && (l.contains("一般公共预算拨款收入") || l.contains("事业收入"))
        })
        .map(|(at, _)| at)
        .collect();
    assert!(lines.len() >= 2, "{lines:?}");
    for at in &lines {
        seed.set(at, Some(Number::Amount(Wan::new(Decimal::MAX))))
            .unwrap();
    }
    let report = reconcile(&seed);
    let outcome = report.outcome(Rule::IncomeSubtotal).unwrap();
    assert_ne!(outcome.status, Status::Passed, "{outcome:?}");
    let said = report
        .findings_for(Rule::IncomeSubtotal)
        .any(|f| f.message.contains("超出可计算范围"))
        || outcome
            .skip_reason
            .as_deref()
            .is_some_and(|r| r.contains("超出可计算范围"));
    assert!(said, "{}", report.render_text());
}
