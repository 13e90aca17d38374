//! Invariants of scoring, under every policy variant.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yusuan_money::Wan;
use yusuan_performance::*;

fn policies() -> Vec<ScoringPolicy> {
    let c = ScoringPolicy::central();
    vec![
        c.clone(),
        c.clone()
            .with_lower_is_better(LowerIsBetterRule::LinearDeduction),
        c.clone()
            .with_qualitative_bands(QualitativeBands::Bands80_50),
        c.with_lower_is_better(LowerIsBetterRule::LinearDeduction)
            .with_qualitative_bands(QualitativeBands::Bands80_50),
    ]
}

const COMPARATORS: [&str; 5] = ["≥", ">", "=", "≤", "<"];
const UNITS: [&str; 4] = ["小时", "次", "%", "万元"];
const LEVELS: [&str; 4] = ["优", "良", "中", "差"];

/// An indicator spec: target text, weight, actual.
#[derive(Debug, Clone)]
struct Spec {
    target: String,
    weight: Decimal,
    actual: Actual,
}

fn dec(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

fn quantitative() -> impl Strategy<Value = Spec> {
    (
        0usize..5,
        0usize..4,
        0i64..1_000_000,
        0i64..2_000_000,
        1i64..=60,
    )
        .prop_map(|(c, u, t, a, w)| Spec {
            target: format!("{}{}{}", COMPARATORS[c], dec(t), UNITS[u]),
            weight: Decimal::new(w * 5, 2), // 0.05 … 3.00
            actual: Actual::Measured(Measure::new(dec(a), Some(Unit::parse(UNITS[u]).unwrap()))),
        })
}

fn qualitative() -> impl Strategy<Value = Spec> {
    (0usize..4, 0usize..4, 1i64..=60).prop_map(|(t, a, w)| Spec {
        target: LEVELS[t].to_owned(),
        weight: Decimal::from(w),
        actual: Actual::parse(LEVELS[a]).unwrap(),
    })
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![4 => quantitative(), 1 => qualitative()]
}

fn build(specs: &[Spec], budget: i64, executed: i64) -> (PerformanceTargetTable, ProjectActuals) {
    let mut t =
        PerformanceTargetTable::new("属性测试", Department::new("117", "人力资源社会保障部"));
    let mut a = ProjectActuals {
        project_name: t.project_name.clone(),
        note: None,
        budget: Some(Wan::new(dec(budget))),
        executed: Some(Wan::new(dec(executed))),
        indicators: Vec::new(),
    };
    for (i, s) in specs.iter().enumerate() {
        let name = format!("指标{i}");
        t.indicators
            .push(Indicator::new(Level2::Quantity, &name, &s.target, s.weight));
        a.indicators.push(ActualEntry::new(name, s.actual.clone()));
    }
    (t, a)
}

fn single(
    target: &str,
    weight: Decimal,
    actual: Decimal,
    unit: &str,
    p: &ScoringPolicy,
) -> LineScore {
    let spec = Spec {
        target: target.to_owned(),
        weight,
        actual: Actual::Measured(Measure::new(actual, Unit::parse(unit))),
    };
    let (t, a) = build(&[spec], 100, 100);
    score(&t, &a, p).unwrap().lines[0].outcome.clone().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_lie_between_zero_and_the_weight(specs in prop::collection::vec(spec(), 1..12),
                                              budget in 1i64..10_000_000, executed in 0i64..20_000_000) {
        let (t, a) = build(&specs, budget, executed);
        for p in policies() {
            let card = score(&t, &a, &p).unwrap();
            let e = card.execution.as_ref().unwrap();
            prop_assert!(e.score >= Decimal::ZERO && e.score <= e.weight);
            if executed >= budget {
                prop_assert_eq!(e.score, e.weight);
            }
            for l in &card.lines {
                let o = l.outcome.as_ref().unwrap();
                prop_assert!(o.score >= Decimal::ZERO && o.score <= l.weight, "{:?}", l);
                prop_assert_eq!(o.score.scale(), 2);
                if o.met {
                    prop_assert_eq!(o.score, l.weight, "a met target scores full: {:?}", l);
                }
            }
            // total = Σ parts
            let sum: Decimal = e.score + card.lines.iter().filter_map(ScoreLine::score).sum::<Decimal>();
            prop_assert_eq!(card.total, sum);
            prop_assert!(card.total <= card.max_total);
            prop_assert!(card.grade.is_some());
        }
    }

    #[test]
    fn a_met_target_scores_full(c in 0usize..5, u in 0usize..4, t in 0i64..1_000_000, delta in 0i64..1_000_000,
                                w in 1i64..=60) {
        let weight = Decimal::new(w, 1);
        let target = dec(t);
        let actual = match COMPARATORS[c] {
            "≥" => target + dec(delta),
            ">" => target + dec(delta + 1),
            "=" => target,
            "≤" => (target - dec(delta)).max(Decimal::ZERO),
            _ => {
                prop_assume!(t > 0);
                (target - dec(delta + 1)).max(Decimal::ZERO)
            }
        };
        for p in policies() {
            let s = single(&format!("{}{}{}", COMPARATORS[c], target, UNITS[u]), weight, actual, UNITS[u], &p);
            prop_assert!(s.met);
            prop_assert_eq!(s.score, weight);
        }
    }

    #[test]
    fn higher_is_better_never_falls_as_the_actual_rises(c in 0usize..2, t in 0i64..1_000_000,
            a1 in 0i64..2_000_000, a2 in 0i64..2_000_000, w in 1i64..=60) {
        let (lo, hi) = if a1 <= a2 { (a1, a2) } else { (a2, a1) };
        let weight = Decimal::new(w, 1);
        let target = format!("{}{}小时", COMPARATORS[c], dec(t));
        for p in policies() {
            let s_lo = single(&target, weight, dec(lo), "小时", &p).score;
            let s_hi = single(&target, weight, dec(hi), "小时", &p).score;
            prop_assert!(s_lo <= s_hi, "{} {} → {}, {} → {}", target, lo, s_lo, hi, s_hi);
        }
    }

    #[test]
    fn lower_is_better_never_rises_as_the_actual_rises(c in 3usize..5, t in 0i64..1_000_000,
            a1 in 0i64..2_000_000, a2 in 0i64..2_000_000, w in 1i64..=60) {
        let (lo, hi) = if a1 <= a2 { (a1, a2) } else { (a2, a1) };
        let weight = Decimal::new(w, 1);
        let target = format!("{}{}小时", COMPARATORS[c], dec(t));
        for p in policies() {
            let s_lo = single(&target, weight, dec(lo), "小时", &p).score;
            let s_hi = single(&target, weight, dec(hi), "小时", &p).score;
            prop_assert!(s_lo >= s_hi, "{} {} → {}, {} → {}", target, lo, s_lo, hi, s_hi);
        }
    }

    #[test]
    fn switching_policy_changes_only_the_rules_it_names(specs in prop::collection::vec(spec(), 1..12),
                                                        budget in 1i64..10_000_000, executed in 0i64..20_000_000) {
        let (t, a) = build(&specs, budget, executed);
        let central = ScoringPolicy::central();
        let base = score(&t, &a, &central).unwrap();
        let switches = [
            (central.clone().with_lower_is_better(LowerIsBetterRule::LinearDeduction),
             Rule::LowerIsBetterRatio, Rule::LowerIsBetterLinearDeduction),
            (central.clone().with_qualitative_bands(QualitativeBands::Bands80_50),
             Rule::QualitativeBands80_60, Rule::QualitativeBands80_50),
        ];
        for (policy, old_rule, new_rule) in switches {
            let other = score(&t, &a, &policy).unwrap();
            prop_assert_eq!(&base.execution, &other.execution);
            for (l0, l1) in base.lines.iter().zip(&other.lines) {
                let (o0, o1) = (l0.outcome.as_ref().unwrap(), l1.outcome.as_ref().unwrap());
                if o0.rule == old_rule {
                    prop_assert_eq!(o1.rule, new_rule);
                } else {
                    prop_assert_eq!(o0, o1, "a line under {:?} changed", o0.rule);
                }
            }
        }
    }

    #[test]
    fn target_text_round_trips(c in 0usize..5, u in 0usize..4, t in 0i64..100_000_000) {
        let text = format!("{}{}{}", COMPARATORS[c], dec(t), UNITS[u]);
        let parsed = Target::parse(&text).unwrap();
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn target_parsing_never_panics(text in "\\PC{0,12}") {
        let _ = Target::parse(&text);
        let _ = Measure::parse(&text);
        let _ = Department::parse(&text);
    }
}
