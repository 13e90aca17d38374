//! The seed's 金保工程建设及运行维护项目 table (examples/data/2025-jinbao-target.json)
//! against figures read off the seed by hand, and scores computed by hand.

use rust_decimal::Decimal;
use yusuan_money::Wan;
use yusuan_performance::*;

const TARGET_JSON: &str = include_str!("../../../examples/data/2025-jinbao-target.json");
const ACTUALS_JSON: &str = include_str!("../../../examples/data/2025-jinbao-actuals.json");
const SEED: &str =
    include_str!("../../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn table() -> PerformanceTargetTable {
    serde_json::from_str(TARGET_JSON).unwrap()
}

fn actuals() -> ProjectActuals {
    serde_json::from_str(ACTUALS_JSON).unwrap()
}

#[test]
fn fixture_round_trips_exactly() {
    let t = table();
    let back = serde_json::to_string_pretty(&t).unwrap() + "\n";
    assert_eq!(back, TARGET_JSON);
    let a = actuals();
    let back = serde_json::to_string_pretty(&a).unwrap() + "\n";
    assert_eq!(back, ACTUALS_JSON);
}

#[test]
fn fixture_matches_the_seed() {
    let t = table();
    // Figures read off the seed's last pages by hand.
    assert_eq!(t.project_name, "金保工程建设及运行维护项目");
    assert_eq!(t.year, Some(2025));
    assert_eq!(t.department.code, "117");
    assert_eq!(t.department.name, "人力资源社会保障部");
    assert_eq!(
        t.department.leading_text(),
        Some("人力资源和社会保障部信息中心")
    );
    assert_eq!(t.implementing_unit, None);
    assert_eq!(t.funds.total, Some(Wan::parse("2,459.08").unwrap()));
    assert_eq!(
        t.funds.fiscal_appropriation,
        Some(Wan::parse("2,344.14").unwrap())
    );
    assert_eq!(t.funds.carried_over, Some(Wan::parse("114.94").unwrap()));
    assert_eq!(t.funds.other, None); // printed "-"
    assert_eq!(t.execution_rate_weight, d("10"));
    assert_eq!(t.declared_indicator_weight, Some(d("90")));
    assert_eq!(t.indicators.len(), 18);
    let outputs: Vec<_> = t
        .indicators
        .iter()
        .filter(|i| i.level1 == Level1::Output)
        .collect();
    assert_eq!(outputs.len(), 16);
    assert!(outputs.iter().all(|i| i.weight == d("2.5")));
    let count = |l2| t.indicators.iter().filter(|i| i.level2 == l2).count();
    assert_eq!(count(Level2::Quantity), 6);
    assert_eq!(count(Level2::Quality), 3);
    assert_eq!(count(Level2::Timeliness), 7);
    let cost: Vec<_> = t
        .indicators
        .iter()
        .filter(|i| i.level1 == Level1::Cost)
        .collect();
    assert_eq!(cost.len(), 1);
    assert_eq!(
        (cost[0].name.as_str(), cost[0].target.as_str()),
        ("项目预算执行数", "≤2459.07万元")
    );
    assert_eq!(cost[0].weight, d("20"));
    let benefit: Vec<_> = t
        .indicators
        .iter()
        .filter(|i| i.level1 == Level1::Benefit)
        .collect();
    assert_eq!(benefit.len(), 1);
    assert_eq!(benefit[0].level2, Level2::SocialBenefit);
    assert_eq!(
        (benefit[0].target.as_str(), benefit[0].weight),
        ("优", d("30"))
    );

    // The 指标值 in printed order, as the seed prints them.
    let printed = [
        "≤2459.07万元",
        "=12次",
        "≥1000台（套）",
        "≥19个",
        "≥500台",
        "≥18个（套）",
        "≥600台",
        "≥99%",
        "≤2次",
        "≥95%",
        "≤8小时",
        "≤24小时",
        "≤4小时",
        "≤2小时",
        "≤48小时",
        "≤48小时",
        "≤48小时",
        "优",
    ];
    let ours: Vec<_> = t.indicators.iter().map(|i| i.target.as_str()).collect();
    assert_eq!(ours, printed);

    // Every name and the 年度总体目标 occur in the seed (line breaks removed).
    let squeezed: String = SEED.split_whitespace().collect();
    for i in &t.indicators {
        assert!(squeezed.contains(&i.name), "{} not in the seed", i.name);
        assert!(squeezed.contains(&i.target));
    }
    assert!(squeezed.contains(&t.annual_goal));
    assert!(squeezed.contains(&t.department.printed));

    // Every pairing is recorded; the ones the brief names are not certain.
    for i in &t.indicators {
        assert!(i.pairing.is_some(), "{}", i.name);
    }
    for name in [
        "部数据中心机房服务器加固数量",
        "加固服务器数量",
        "网络安全系统现场服务的平均响应时间",
    ] {
        let (_, i) = t.find_indicators(name).next().unwrap();
        assert_eq!(
            i.pairing.as_ref().unwrap().confidence,
            PairingConfidence::Uncertain
        );
    }
}

#[test]
fn every_target_of_the_fixture_parses() {
    use Comparator::*;
    let expected: [(Comparator, &str, Unit); 17] = [
        (Le, "2459.07", Unit::Wan),
        (Eq, "12", Unit::Times),
        (Ge, "1000", Unit::MachineSets),
        (Ge, "19", Unit::Items),
        (Ge, "500", Unit::Machines),
        (Ge, "18", Unit::ItemSets),
        (Ge, "600", Unit::Machines),
        (Ge, "99", Unit::Percent),
        (Le, "2", Unit::Times),
        (Ge, "95", Unit::Percent),
        (Le, "8", Unit::Hours),
        (Le, "24", Unit::Hours),
        (Le, "4", Unit::Hours),
        (Le, "2", Unit::Hours),
        (Le, "48", Unit::Hours),
        (Le, "48", Unit::Hours),
        (Le, "48", Unit::Hours),
    ];
    let t = table();
    for (ind, (c, v, u)) in t.indicators.iter().zip(expected) {
        assert_eq!(
            ind.parsed_target().unwrap(),
            Target::Quantitative {
                comparator: c,
                value: d(v),
                unit: Some(u)
            },
            "{}",
            ind.target
        );
    }
    assert_eq!(
        t.indicators[17].parsed_target().unwrap(),
        Target::Qualitative(QualitativeLevel::Excellent)
    );
}

#[test]
fn validation_of_the_seed_table() {
    let t = table();
    let report = validate(&t, &ScoringPolicy::central());
    assert!(report.is_valid(), "{:#?}", report.issues);
    // 成本 20, 产出 40 (16 × 2.5), 效益 30, 满意度 0, 执行率 10 (DESIGN.md).
    assert_eq!(report.split.output, d("40"));
    assert_eq!(report.split.cost, d("20"));
    assert_eq!(report.split.benefit, d("30"));
    assert_eq!(report.split.satisfaction, d("0"));
    assert_eq!(report.split.execution_rate, d("10"));
    assert_eq!(report.split.total, d("100"));
    let warnings: Vec<_> = report.warnings().collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(
        warnings[0].kind,
        IssueKind::CostCeilingDiffersFromFunds {
            ceiling: Wan::parse("2459.07").unwrap(),
            funds_total: Wan::parse("2459.08").unwrap(),
            difference: Wan::parse("-0.01").unwrap(),
        }
    );
    assert_eq!(warnings[0].location.indicator_index, Some(0));
    assert_eq!(
        warnings[0].location.indicator_name.as_deref(),
        Some("项目预算执行数")
    );
    // 6 likely + 8 uncertain pairings are surfaced as infos.
    let infos = report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Info)
        .count();
    assert_eq!(infos, 14);
    // The report serializes with the issue kind as a tag.
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"kind\":\"cost_ceiling_differs_from_funds\""));
    assert_eq!(
        serde_json::from_str::<ValidationReport>(&json).unwrap(),
        report
    );
}

#[test]
fn scoring_the_invented_actuals_by_hand() {
    let t = table();
    let a = actuals();
    let card = score(&t, &a, &ScoringPolicy::central()).unwrap();
    assert!(card.missing.is_empty());
    let e = card.execution.as_ref().unwrap();
    // 2,400.00 ÷ 2,459.08 = 0.975975… × 10 = 9.7597… → 9.76
    assert_eq!(e.score, d("9.76"));
    assert_eq!(e.rate.to_string(), "97.60%");
    let by_name = |name: &str| {
        card.lines
            .iter()
            .find(|l| l.name == name)
            .unwrap()
            .outcome
            .clone()
            .unwrap()
    };
    // 480 ÷ 500 × 2.5 = 2.40
    assert_eq!(by_name("部数据中心机房服务器加固数量").score, d("2.40"));
    // ≤2次, actual 3: 2 ÷ 3 × 2.5 = 1.666… → 1.67
    let s = by_name("安全防护系统、设备影响网络和应用服务中断次数");
    assert_eq!((s.score, s.rule), (d("1.67"), Rule::LowerIsBetterRatio));
    // ≥95%, actual 93%: 93 ÷ 95 × 2.5 = 2.447… → 2.45
    assert_eq!(
        by_name(
            "应用系统运维过程中，针对系统用户提出的技术问题（包括电话、QQ、邮件等形式）的解答率"
        )
        .score,
        d("2.45")
    );
    // ≤8小时, actual 10小时: 8 ÷ 10 × 2.5 = 2.00
    let s = by_name("机房环境系统的各设备、各系统发生故障到场服务的平均响应时间");
    assert_eq!(s.score, d("2.00"));
    assert_eq!(s.formula, "8 ÷ 10 × 2.5 = 2.00");
    // 1天 = 24小时 ≤ 24小时; 90分钟 = 1.5小时 ≤ 2小时; 2天 = 48小时 ≤ 48小时: met.
    for name in [
        "当年发生小型机、磁盘阵列等设备故障停机的平均时间",
        "应用系统运维过程中软件故障的平均响应时间",
        "广域网设备故障处理时间",
    ] {
        let s = by_name(name);
        assert!(s.met && s.score == d("2.5"), "{name}: {s:?}");
    }
    assert!(by_name("应用系统运维过程中软件故障的平均响应时间")
        .formula
        .starts_with("90分钟 = 1.5小时"));
    // 达成年度指标, assessed 90%: 0.9 × 30 = 27.00
    assert_eq!(
        by_name("保障金保工程建设成果安全稳定运行，支持业务顺利开展").score,
        d("27.00")
    );
    // 2,400.00万元 ≤ 2,459.07万元: full 20.
    assert_eq!(by_name("项目预算执行数").score, d("20"));
    // Total: 9.76 + 20 + (40 − 0.10 − 0.83 − 0.05 − 0.50) + 27 = 95.28 → 优.
    assert_eq!(card.total, d("95.28"));
    assert_eq!(card.max_total, d("100"));
    assert_eq!(card.grade, Some(Grade::Excellent));
    let parts: Decimal = e.score
        + card
            .lines
            .iter()
            .filter_map(ScoreLine::score)
            .sum::<Decimal>();
    assert_eq!(parts, card.total);

    // The linear deduction changes the two missed ceilings only:
    // 3次: (1 − (3 − 2) ÷ 2) × 2.5 = 1.25; 10小时: (1 − (10 − 8) ÷ 8) × 2.5 = 1.875 → 1.88.
    let linear = ScoringPolicy::central().with_lower_is_better(LowerIsBetterRule::LinearDeduction);
    let card2 = score(&t, &a, &linear).unwrap();
    assert_eq!(card2.total, d("94.74"));
    let s = card2
        .lines
        .iter()
        .find(|l| l.name.starts_with("机房环境系统"))
        .unwrap();
    let o = s.outcome.as_ref().unwrap();
    assert_eq!(
        (o.score, o.rule),
        (d("1.88"), Rule::LowerIsBetterLinearDeduction)
    );
    assert_eq!(o.formula, "(1 − (10 − 8) ÷ 8) × 2.5 = 1.875 → 1.88");
    let json = serde_json::to_string(&card2).unwrap();
    assert_eq!(serde_json::from_str::<Scorecard>(&json).unwrap(), card2);
}

#[test]
fn missing_actuals_are_reported_not_zero_filled() {
    let t = table();
    let mut a = actuals();
    a.indicators.retain(|e| e.name != "加固服务器数量");
    a.executed = None;
    let card = score(&t, &a, &ScoringPolicy::central()).unwrap();
    assert_eq!(card.missing, ["预算执行率", "加固服务器数量"]);
    assert_eq!(card.grade, None);
    assert!(card.execution.is_none());
    let line = card
        .lines
        .iter()
        .find(|l| l.name == "加固服务器数量")
        .unwrap();
    assert_eq!((line.actual.as_ref(), line.outcome.as_ref()), (None, None));
    // 95.28 − 9.76 − 2.5
    assert_eq!(card.total, d("83.02"));
}

#[test]
fn actuals_that_name_no_indicator_or_two() {
    let t = table();
    let mut a = actuals();
    a.indicators.push(ActualEntry::new(
        "不存在的指标",
        Actual::parse("1次").unwrap(),
    ));
    let err = score(&t, &a, &ScoringPolicy::central()).unwrap_err();
    assert!(
        matches!(err, PerformanceError::UnknownActual { ref name, .. } if name == "不存在的指标")
    );
    let mut a = actuals();
    a.indicators.push(ActualEntry::new(
        "加固服务器数量",
        Actual::parse("1台").unwrap(),
    ));
    let err = score(&t, &a, &ScoringPolicy::central()).unwrap_err();
    assert!(matches!(err, PerformanceError::AmbiguousActual { .. }));
}
