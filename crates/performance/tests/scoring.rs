//! Scoring rules on small tables, every expected value computed by hand.

use rust_decimal::Decimal;
use yusuan_money::Wan;
use yusuan_performance::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn one(level2: Level2, target: &str, weight: &str) -> PerformanceTargetTable {
    let mut t =
        PerformanceTargetTable::new("测试项目", Department::new("117", "人力资源社会保障部"));
    t.indicators
        .push(Indicator::new(level2, "指标", target, d(weight)));
    t
}

fn actual(text: &str) -> ProjectActuals {
    with(Actual::parse(text).unwrap())
}

fn with(a: Actual) -> ProjectActuals {
    ProjectActuals {
        project_name: "测试项目".into(),
        note: None,
        budget: None,
        executed: None,
        indicators: vec![ActualEntry::new("指标", a)],
    }
}

fn line(
    t: &PerformanceTargetTable,
    a: &ProjectActuals,
    p: &ScoringPolicy,
) -> Result<LineScore, PerformanceError> {
    score(t, a, p).map(|c| c.lines[0].outcome.clone().unwrap())
}

#[test]
fn lower_is_better_eight_hours_against_ten() {
    let t = one(Level2::Timeliness, "≤8小时", "2.5");
    let central = line(&t, &actual("10小时"), &ScoringPolicy::central()).unwrap();
    assert_eq!(central.score, d("2.00")); // 8 ÷ 10 × 2.5
    let linear = ScoringPolicy::central().with_lower_is_better(LowerIsBetterRule::LinearDeduction);
    let l = line(&t, &actual("10小时"), &linear).unwrap();
    assert_eq!(l.score, d("1.88")); // (1 − 2 ÷ 8) × 2.5 = 1.875
                                    // Linear deduction reaches 0 at twice the target.
    assert_eq!(line(&t, &actual("16小时"), &linear).unwrap().score, d("0"));
    assert_eq!(line(&t, &actual("20小时"), &linear).unwrap().score, d("0"));
    // Ratio: 8 ÷ 16 × 2.5 = 1.25
    assert_eq!(
        line(&t, &actual("16小时"), &ScoringPolicy::central())
            .unwrap()
            .score,
        d("1.25")
    );
    // Met: full.
    let met = line(&t, &actual("8小时"), &ScoringPolicy::central()).unwrap();
    assert_eq!(
        (met.score, met.met, met.rule),
        (d("2.5"), true, Rule::MetTarget)
    );
}

#[test]
fn execution_rate() {
    let t = one(Level2::Quantity, "≥1次", "90");
    let mut a = actual("1次");
    a.budget = Some(Wan::parse("2,459.08").unwrap());
    a.executed = Some(Wan::parse("2,400.00").unwrap());
    let card = score(&t, &a, &ScoringPolicy::central()).unwrap();
    let e = card.execution.unwrap();
    assert_eq!(e.score, d("9.76"));
    assert_eq!(e.formula, "2,400.00 ÷ 2,459.08 × 10 ≈ 9.7597 → 9.76");
    assert_eq!(card.total, d("99.76"));
    assert_eq!(card.grade, Some(Grade::Excellent));
    // Over-execution is capped at the 分值.
    a.executed = Some(Wan::parse("2,500.00").unwrap());
    let e = score(&t, &a, &ScoringPolicy::central())
        .unwrap()
        .execution
        .unwrap();
    assert_eq!(e.score, d("10"));
    assert_eq!(e.rate.to_string(), "101.66%"); // 2500 ÷ 2459.08 = 1.016640…
    a.budget = Some(Wan::ZERO);
    assert!(matches!(
        score(&t, &a, &ScoringPolicy::central()),
        Err(PerformanceError::NonPositiveBudget { .. })
    ));
}

#[test]
fn higher_is_better_and_equality() {
    let c = ScoringPolicy::central();
    let t = one(Level2::Quantity, "≥1000台（套）", "2.5");
    // 950 ÷ 1000 × 2.5 = 2.375 → 2.38
    assert_eq!(
        line(&t, &actual("950台（套）"), &c).unwrap().score,
        d("2.38")
    );
    // 925 ÷ 1000 × 2.5 = 2.3125 → 2.31
    assert_eq!(line(&t, &actual("925台(套)"), &c).unwrap().score, d("2.31"));
    let t = one(Level2::Quantity, "≥19个", "2.5");
    // 17 ÷ 19 × 2.5 = 2.2368… → 2.24
    assert_eq!(line(&t, &actual("17个"), &c).unwrap().score, d("2.24"));
    let t = one(Level2::Quantity, "=12次", "2.5");
    assert_eq!(line(&t, &actual("12次"), &c).unwrap().score, d("2.5"));
    // 11 ÷ 12 × 2.5 = 2.2916… → 2.29
    assert_eq!(line(&t, &actual("11次"), &c).unwrap().score, d("2.29"));
    // 12 ÷ 13 × 2.5 = 2.3076… → 2.31
    let over = line(&t, &actual("13次"), &c).unwrap();
    assert_eq!(
        (over.score, over.rule),
        (d("2.31"), Rule::EqualityProportional)
    );
    // Half-way case for 四舍五入: ≥4, actual 1, weight 0.1 → 0.025 → 0.03
    // (banker's rounding would give 0.02).
    let t = one(Level2::Quantity, "≥4次", "0.1");
    assert_eq!(line(&t, &actual("1次"), &c).unwrap().score, d("0.03"));
}

#[test]
fn unit_conversions() {
    let c = ScoringPolicy::central();
    let t = one(Level2::Timeliness, "≤8小时", "2.5");
    // 0.5天 = 12小时: 8 ÷ 12 × 2.5 = 1.666… → 1.67
    let s = line(&t, &actual("0.5天"), &c).unwrap();
    assert_eq!(s.score, d("1.67"));
    assert!(
        s.formula.starts_with("0.5天 = 12小时; 8 ÷ 12 × 2.5"),
        "{}",
        s.formula
    );
    // 480分钟 = 8小时: met.
    assert!(line(&t, &actual("480分钟"), &c).unwrap().met);
    // 工作日 is not convertible under the central policy …
    let err = line(&t, &actual("1工作日"), &c).unwrap_err();
    assert!(
        matches!(err, PerformanceError::IncompatibleUnits { ref target_unit, ref actual_unit, .. }
        if target_unit == "小时" && actual_unit == "工作日")
    );
    // … but is under a policy that defines it (8 hours): met.
    let p = ScoringPolicy::central().with_working_day_hours(d("8"));
    assert!(line(&t, &actual("1工作日"), &p).unwrap().met);
    // 元 ↔ 万元: 24,000,000元 = 2,400万元 ≤ 2,459.07万元.
    let t = one(Level2::EconomicCost, "≤2459.07万元", "20");
    assert!(line(&t, &actual("24000000元"), &c).unwrap().met);
    // 25,000,000元 = 2,500万元: 2459.07 ÷ 2500 × 20 = 19.67256 → 19.67
    assert_eq!(
        line(&t, &actual("25,000,000元"), &c).unwrap().score,
        d("19.67")
    );
    // Counting units never convert; a bare number does not match a unit.
    let t = one(Level2::Quantity, "≥500台", "2.5");
    assert!(matches!(
        line(&t, &actual("500个"), &c),
        Err(PerformanceError::IncompatibleUnits { .. })
    ));
    assert!(matches!(
        line(&t, &actual("500"), &c),
        Err(PerformanceError::IncompatibleUnits { .. })
    ));
    // % only with %.
    let t = one(Level2::Quality, "≥99%", "2.5");
    assert!(matches!(
        line(&t, &actual("99次"), &c),
        Err(PerformanceError::IncompatibleUnits { .. })
    ));
}

#[test]
fn qualitative_bands() {
    let t = one(Level2::SocialBenefit, "优", "30");
    let c = ScoringPolicy::central();
    let r = ScoringPolicy::central().with_qualitative_bands(QualitativeBands::Bands80_50);
    assert_eq!(line(&t, &actual("优"), &c).unwrap().score, d("30"));
    // One step below: 部分达成, the band's lower bound: 60% × 30 = 18.00; 50% × 30 = 15.00.
    let s = line(&t, &actual("良"), &c).unwrap();
    assert_eq!((s.score, s.rule), (d("18.00"), Rule::QualitativeBands80_60));
    assert_eq!(line(&t, &actual("良"), &r).unwrap().score, d("15.00"));
    // Two steps below: 未达成, 0.
    assert_eq!(line(&t, &actual("中"), &c).unwrap().score, d("0.00"));
    // An assessment inside its band: 75% × 30 = 22.50; outside: an error.
    let a = with(Actual::Assessed {
        tier: Tier::PartlyAchieved,
        percent: d("75"),
    });
    assert_eq!(line(&t, &a, &c).unwrap().score, d("22.50"));
    let a = with(Actual::Assessed {
        tier: Tier::PartlyAchieved,
        percent: d("55"),
    });
    assert!(matches!(
        line(&t, &a, &c),
        Err(PerformanceError::PercentOutsideBand { .. })
    ));
    assert_eq!(line(&t, &a, &r).unwrap().score, d("16.50")); // 55% × 30 under 80/50
                                                             // Another scale: an error; a number: an error.
    assert!(matches!(
        line(&t, &actual("较好"), &c),
        Err(PerformanceError::IncomparableLevels { .. })
    ));
    assert!(matches!(
        line(&t, &actual("95%"), &c),
        Err(PerformanceError::ActualKindMismatch { .. })
    ));
    let q = one(Level2::Quantity, "≥95%", "2.5");
    assert!(matches!(
        line(&q, &actual("优"), &c),
        Err(PerformanceError::ActualKindMismatch { .. })
    ));
}

#[test]
fn unreadable_target_stops_scoring_with_its_text() {
    let t = one(Level2::Quantity, "90%-100%", "2.5");
    let err = line(&t, &actual("95%"), &ScoringPolicy::central()).unwrap_err();
    assert!(err.to_string().contains("90%-100%"), "{err}");
}

#[test]
fn table_validation_findings() {
    let p = ScoringPolicy::central();
    let mut t =
        PerformanceTargetTable::new("测试项目", Department::new("117", "人力资源社会保障部"));
    t.funds = ProjectFunds {
        total: Some(Wan::parse("100.00").unwrap()),
        fiscal_appropriation: Some(Wan::parse("60.00").unwrap()),
        carried_over: Some(Wan::parse("40.01").unwrap()),
        other: None,
    };
    t.indicators = vec![
        Indicator::new(Level2::Quantity, "数量", "≥10个", d("40")),
        Indicator::new(Level2::Quantity, "数 量", "≥10个", d("10")),
        Indicator::new(Level2::Quality, "", "≥90%", d("10")),
        Indicator::new(Level2::SocialBenefit, "效益", "显著提升", d("30")),
        Indicator::new(Level2::EconomicCost, "成本", "≤120万元", d("0")),
    ];
    t.indicators[3].level1 = Level1::Output; // 社会效益 under 产出: wrong
    let report = validate(&t, &p);
    let kinds: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.severity, i.location.indicator_index, &i.kind))
        .collect();
    // 40 + 10 + 10 + 30 + 0 = 90, + 10 = 100: the total is right, the declared 90 too.
    assert!(!report
        .issues
        .iter()
        .any(|i| matches!(i.kind, IssueKind::WeightTotal { .. })));
    // 100.00 vs 60.00 + 40.01 = 100.01: 0.01 within 2 × 0.005: a rounding warning.
    assert!(kinds.contains(&(
        Severity::Warning,
        None,
        &IssueKind::FundsArithmetic {
            total: Wan::parse("100").unwrap(),
            parts_sum: Wan::parse("100.01").unwrap(),
            difference: Wan::parse("-0.01").unwrap(),
        }
    )));
    assert!(kinds.contains(&(
        Severity::Warning,
        Some(1),
        &IssueKind::DuplicateIndicator { first_index: 0 }
    )));
    assert!(kinds.contains(&(Severity::Error, Some(2), &IssueKind::EmptyIndicatorName)));
    assert!(kinds.contains(&(
        Severity::Error,
        Some(3),
        &IssueKind::WrongLevel1 {
            level1: Level1::Output,
            level2: Level2::SocialBenefit,
            expected: Level1::Benefit
        }
    )));
    assert!(report
        .issues
        .iter()
        .any(|i| i.location.indicator_index == Some(3)
            && matches!(&i.kind, IssueKind::UnreadableTarget { text, .. } if text == "显著提升")));
    assert!(kinds.contains(&(
        Severity::Error,
        Some(4),
        &IssueKind::NonPositiveWeight { weight: d("0") }
    )));
    assert!(kinds.contains(&(
        Severity::Warning,
        Some(4),
        &IssueKind::CostCeilingDiffersFromFunds {
            ceiling: Wan::parse("120").unwrap(),
            funds_total: Wan::parse("100").unwrap(),
            difference: Wan::parse("20").unwrap(),
        }
    )));
    // Weights off, parts off by more than rounding: errors.
    t.indicators[0].weight = d("39");
    t.funds.carried_over = Some(Wan::parse("41.00").unwrap());
    let report = validate(&t, &p);
    assert!(report.errors().any(|i| i.kind
        == IssueKind::WeightTotal {
            expected: d("100"),
            found: d("99")
        }));
    assert!(report.errors().any(|i| i.kind
        == IssueKind::DeclaredWeight {
            declared: d("90"),
            found: d("89")
        }));
    assert!(report
        .errors()
        .any(|i| matches!(i.kind, IssueKind::FundsArithmetic { .. })));
    // A policy may expect another total.
    let mut other = ScoringPolicy::central();
    other.total_weight = d("99");
    assert!(!validate(&t, &other)
        .issues
        .iter()
        .any(|i| matches!(i.kind, IssueKind::WeightTotal { .. })));
    // Display says where and what.
    let text = report
        .issues
        .iter()
        .find(|i| i.location.indicator_index == Some(3))
        .unwrap()
        .to_string();
    assert!(text.contains("测试项目") && text.contains("#3"), "{text}");
}

#[test]
fn extreme_values_do_not_panic() {
    let max = "79228162514264337593543950335";
    let linear = ScoringPolicy::central().with_lower_is_better(LowerIsBetterRule::LinearDeduction);
    let t = one(Level2::Timeliness, "≤0.01小时", "2.5");
    assert_eq!(
        line(&t, &actual(&format!("{max}小时")), &linear)
            .unwrap()
            .score,
        d("0")
    );
    assert_eq!(
        line(
            &t,
            &actual(&format!("{max}小时")),
            &ScoringPolicy::central()
        )
        .unwrap()
        .score,
        d("0")
    );
    // Converting the largest decimal number of days into hours overflows: an error, not a panic.
    assert!(matches!(
        line(&t, &actual(&format!("{max}天")), &linear),
        Err(PerformanceError::Overflow { .. })
    ));
    let mut a = actual("1小时");
    a.budget = Some(Wan::parse("0.01").unwrap());
    a.executed = Some(Wan::parse(max).unwrap());
    assert!(matches!(
        score(&t, &a, &ScoringPolicy::central()),
        Err(PerformanceError::Overflow { .. })
    ));
    let mut huge = t.clone();
    huge.indicators[0].weight = d(max);
    huge.execution_rate_weight = d(max);
    let report = validate(&huge, &ScoringPolicy::central());
    assert!(report
        .errors()
        .any(|i| matches!(i.kind, IssueKind::WeightTotal { .. })));
}
