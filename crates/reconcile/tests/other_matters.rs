//! Rules N319–N323 — the 中小企业 part of 政府采购, 车辆 by category and
//! 机关运行经费 against the "三公" table — on small disclosures built from
//! the printed figures of real documents: the 2024 部门决算 of
//! 上海市普陀区规划和自然资源局 (ghzyj) and 中共上海市普陀区委社会工作部
//! (shgzb), `fixtures/corpus/shanghai/`, section 十一; the 2026 部门预算 of
//! 上海市普陀区司法局 and the 2025 单位预算 of 上海市普陀区商务委员会,
//! `fixtures/corpus/putuo/`, 其他相关情况说明. Each identity holds on the
//! figures as printed and is caught on one changed figure: beyond the
//! rounding of two printed figures an error, within it a warning.

use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Finding, Report, Rule, Severity, Status, Value};
use yusuan_tables::{
    AgencyOperation, AgencyOperationField, AmountUnit, AssetHoldings, Column, Disclosure,
    DocumentKind, NumberRef, Period, Procurement, ProcurementField as F, TableMeta,
    ThreePublicAmounts, ThreePublicRow, ThreePublicTable, VehicleCategory, VehicleCount,
};

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn ws(s: &str) -> Option<Wan> {
    Some(w(s))
}

/// ghzyj's 政府采购 as printed: total 2319.21 = 货物 122.43 + 工程 1387.72 +
/// 服务 809.07 (a 0.01 rounding residue, a warning of N307), reserves 225.10
/// and 164.87, awarded 225.10 and 164.87 in them, 0.00 in the other projects.
fn ghzyj() -> Disclosure {
    Disclosure::builder("上海市普陀区规划和自然资源局", 2024)
        .kind(DocumentKind::DepartmentFinalAccounts)
        .procurement(Procurement {
            total: ws("2319.21"),
            goods: ws("122.43"),
            works: ws("1387.72"),
            services: ws("809.07"),
            sme_reserved: ws("225.10"),
            small_micro_reserved: ws("164.87"),
            sme_awarded_reserved: ws("225.10"),
            small_micro_awarded_reserved: ws("164.87"),
            sme_awarded_other: ws("0.00"),
            ..Default::default()
        })
        .build_unchecked()
}

/// shgzb's 政府采购 as printed: every figure 21.07, the amount awarded in
/// the other projects included.
fn shgzb() -> Disclosure {
    let mut p = Procurement {
        total: ws("21.07"),
        goods: ws("21.07"),
        works: ws("0"),
        services: ws("0"),
        ..Default::default()
    };
    for f in F::SME {
        p.set(f, ws("21.07"));
    }
    Disclosure::builder("中共上海市普陀区委社会工作部", 2024)
        .kind(DocumentKind::DepartmentFinalAccounts)
        .procurement(p)
        .build_unchecked()
}

fn set(d: &mut Disclosure, f: F, v: &str) {
    d.procurement.as_mut().unwrap().set(f, ws(v));
}

fn of(r: &Report, rule: Rule) -> Vec<&Finding> {
    r.findings_for(rule).collect()
}

fn checks(r: &Report, rule: Rule) -> u32 {
    r.outcome(rule).map_or(0, |o| o.checks)
}

const SME_RULES: [Rule; 3] = [
    Rule::ProcurementSmeWithinTotal,
    Rule::ProcurementSmallMicroWithinSme,
    Rule::ProcurementAwardWithinReserve,
];

#[test]
fn ghzyj_sme_figures_hold() {
    let r = reconcile(&ghzyj());
    for rule in SME_RULES {
        assert!(of(&r, rule).is_empty(), "{rule}: {:?}", of(&r, rule));
        assert_eq!(r.outcome(rule).unwrap().status, Status::Passed, "{rule}");
    }
    // 225.10 ≤ 2319.21 and 0.00 ≤ 2319.21; 164.87 ≤ 225.10 twice; 225.10 ≤
    // 225.10 and 164.87 ≤ 164.87
    assert_eq!(checks(&r, Rule::ProcurementSmeWithinTotal), 2);
    assert_eq!(checks(&r, Rule::ProcurementSmallMicroWithinSme), 2);
    assert_eq!(checks(&r, Rule::ProcurementAwardWithinReserve), 2);
}

#[test]
fn shgzb_other_projects_figure_is_not_accused() {
    // "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元"
    // while the total is 21.07 and all of it was awarded in reserved
    // projects: each amount is within the total; no rule adds them up (the
    // truth file lists no defect here).
    let r = reconcile(&shgzb());
    for rule in SME_RULES {
        assert!(of(&r, rule).is_empty(), "{rule}: {:?}", of(&r, rule));
    }
    assert!(!r.has_errors(), "{}", r.render_text());
    assert_eq!(checks(&r, Rule::ProcurementSmeWithinTotal), 2);
}

#[test]
fn an_award_above_the_total_is_an_error_within_rounding_a_warning() {
    let mut d = ghzyj();
    set(&mut d, F::SmeAwardedOther, "2400.00");
    let r = reconcile(&d);
    let fs = of(&r, Rule::ProcurementSmeWithinTotal);
    assert_eq!(fs.len(), 1, "{fs:?}");
    let f = fs[0];
    assert_eq!(f.severity, Severity::Error);
    // both sides: 2400.00 against the total 2319.21, 80.79 over
    assert_eq!(f.actual, Some(Value::Amount(w("2400.00"))));
    assert_eq!(f.expected, Some(Value::Amount(w("2319.21"))));
    assert_eq!(f.difference, Some(Value::Amount(w("80.79"))));
    assert_eq!(f.cells[0].at, NumberRef::Procurement(F::SmeAwardedOther));
    assert_eq!(f.cells[1].at, NumberRef::Procurement(F::Total));
    // 2319.22: over by 0.01, the rounding of two printed figures
    set(&mut d, F::SmeAwardedOther, "2319.22");
    let r = reconcile(&d);
    let fs = of(&r, Rule::ProcurementSmeWithinTotal);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Warning);
}

#[test]
fn a_small_micro_reserve_above_the_sme_reserve_is_an_error() {
    let mut d = ghzyj();
    set(&mut d, F::SmallMicroReserved, "225.20");
    let r = reconcile(&d);
    let fs = of(&r, Rule::ProcurementSmallMicroWithinSme);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(fs[0].actual, Some(Value::Amount(w("225.20"))));
    assert_eq!(fs[0].expected, Some(Value::Amount(w("225.10"))));
    // the 小微 award 164.87 is now below its reserve 225.20: N321 holds
    assert!(of(&r, Rule::ProcurementAwardWithinReserve).is_empty());
}

#[test]
fn an_award_above_its_reserve_is_an_error() {
    let mut d = ghzyj();
    set(&mut d, F::SmeAwardedReserved, "230.00");
    let r = reconcile(&d);
    let fs = of(&r, Rule::ProcurementAwardWithinReserve);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(fs[0].actual, Some(Value::Amount(w("230.00"))));
    assert_eq!(fs[0].expected, Some(Value::Amount(w("225.10"))));
    assert_eq!(fs[0].difference, Some(Value::Amount(w("4.90"))));
}

/// 司法局 2026 部门预算: "政府采购预算1486.42万元…面向中小企业预留政府采购项目
/// 预算金额1486.42万元，其中，预留给小型和微型企业的政府采购项目预算为
/// 1486.42万元".
fn sifaju() -> Disclosure {
    Disclosure::builder("上海市普陀区司法局", 2026)
        .kind(DocumentKind::DepartmentBudget)
        .procurement(Procurement {
            total: ws("1486.42"),
            goods: ws("3.66"),
            works: ws("36.44"),
            services: ws("1446.32"),
            sme_reserved: ws("1486.42"),
            small_micro_reserved: ws("1486.42"),
            ..Default::default()
        })
        .asset_holdings(AssetHoldings {
            vehicles: Some(VehicleCount {
                total: 3,
                categories: [
                    ("部级领导干部用车", 0),
                    ("主要领导干部用车", 0),
                    ("机要通信用车", 0),
                    ("应急保障用车", 0),
                    ("执法执勤用车", 3),
                    ("特种专业技术用车", 0),
                    ("离退休干部用车", 0),
                    ("其他用车", 0),
                ]
                .into_iter()
                .map(|(name, count)| VehicleCategory {
                    name: name.into(),
                    count,
                })
                .collect(),
            }),
            planned_vehicles: Some(VehicleCount {
                total: 0,
                categories: vec![VehicleCategory {
                    name: "其他用车".into(),
                    count: 0,
                }],
            }),
            ..Default::default()
        })
        .build_unchecked()
}

#[test]
fn a_budget_reserve_within_its_total_and_beyond_it() {
    let r = reconcile(&sifaju());
    for rule in SME_RULES {
        assert!(of(&r, rule).is_empty(), "{rule}");
    }
    assert_eq!(checks(&r, Rule::ProcurementSmeWithinTotal), 1);
    assert_eq!(checks(&r, Rule::ProcurementSmallMicroWithinSme), 1);
    // a budget states no awards
    assert_eq!(
        r.outcome(Rule::ProcurementAwardWithinReserve)
            .unwrap()
            .status,
        Status::Skipped
    );
    let mut d = sifaju();
    set(&mut d, F::SmeReserved, "1500.00");
    let r = reconcile(&d);
    let fs = of(&r, Rule::ProcurementSmeWithinTotal);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(fs[0].actual, Some(Value::Amount(w("1500.00"))));
    assert_eq!(fs[0].expected, Some(Value::Amount(w("1486.42"))));
}

#[test]
fn vehicles_add_up_and_a_wrong_total_is_an_error() {
    let r = reconcile(&sifaju());
    assert!(of(&r, Rule::VehicleCategories).is_empty());
    // the vehicles held and those planned
    assert_eq!(checks(&r, Rule::VehicleCategories), 2);
    let mut d = sifaju();
    d.asset_holdings
        .as_mut()
        .unwrap()
        .vehicles
        .as_mut()
        .unwrap()
        .total = 4;
    let r = reconcile(&d);
    let fs = of(&r, Rule::VehicleCategories);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    // 3 by the categories (执法执勤用车 3), 4 printed
    assert_eq!(fs[0].expected, Some(Value::Number(3.into())));
    assert_eq!(fs[0].actual, Some(Value::Number(4.into())));
    assert!(
        fs[0].message.contains("执法执勤用车 3"),
        "{}",
        fs[0].message
    );
}

/// 商务委 2025 单位预算: the "三公"经费和机关运行经费预算表 (万元) prints
/// 合计 1.00, 公务接待费 1.00 and 机关运行经费预算数 171.01; the narrative says
/// "财政拨款的机关运行经费预算为171.01万元".
fn shangwuwei(statement: AgencyOperation) -> Disclosure {
    let period = Period {
        year: 2025,
        basis: yusuan_tables::Basis::Budget,
    };
    Disclosure::builder("上海市普陀区商务委员会", 2025)
        .amount_unit(AmountUnit::Yuan)
        .three_public_expenditure(ThreePublicTable {
            meta: TableMeta {
                title: Some("2025年单位“三公”经费和机关运行经费预算表".into()),
                amount_unit: Some(AmountUnit::Wan),
                ..TableMeta::default()
            },
            columns: vec![
                Column::Total,
                Column::OutboundTravel,
                Column::Reception,
                Column::Vehicles,
                Column::VehiclePurchase,
                Column::VehicleOperation,
                Column::AgencyOperation,
            ],
            periods: vec![period],
            rows: vec![ThreePublicRow {
                period,
                amounts: ThreePublicAmounts {
                    total: ws("1.00"),
                    reception: ws("1.00"),
                    agency_operation: ws("171.01"),
                    ..Default::default()
                },
            }],
        })
        .agency_operation(statement)
        .build_unchecked()
}

fn stated(amount: &str) -> AgencyOperation {
    AgencyOperation {
        sentence: format!("2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为{amount}万元。"),
        amount: ws(amount),
        ..Default::default()
    }
}

#[test]
fn agency_operation_matches_the_table_column() {
    let rule = Rule::AgencyOperationMatchesTable;
    let r = reconcile(&shangwuwei(stated("171.01")));
    assert!(of(&r, rule).is_empty());
    assert_eq!(checks(&r, rule), 1);
    // beyond rounding: an error with both sides
    let r = reconcile(&shangwuwei(stated("171.11")));
    let fs = of(&r, rule);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(fs[0].actual, Some(Value::Amount(w("171.11"))));
    assert_eq!(fs[0].expected, Some(Value::Amount(w("171.01"))));
    assert_eq!(
        fs[0].cells[0].at,
        NumberRef::AgencyOperation(AgencyOperationField::Amount)
    );
    // 0.01: the rounding of two printed figures
    let r = reconcile(&shangwuwei(stated("171.02")));
    assert_eq!(of(&r, rule)[0].severity, Severity::Warning);
}

#[test]
fn no_agency_operation_against_an_amount_in_the_table() {
    let rule = Rule::AgencyOperationMatchesTable;
    let none = AgencyOperation {
        sentence: "2025年上海市普陀区商务委员会无机关运行经费。".into(),
        none: true,
        ..Default::default()
    };
    let r = reconcile(&shangwuwei(none.clone()));
    let fs = of(&r, rule);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0].severity, Severity::Error);
    assert_eq!(fs[0].expected, Some(Value::Amount(w("171.01"))));
    assert_eq!(fs[0].actual, Some(Value::Amount(Wan::ZERO)));
    // and with the column at 0 (福利院 2024: "无机关运行经费", its table 0)
    let mut d = shangwuwei(none);
    d.tables.three_public_expenditure.as_mut().unwrap().rows[0]
        .amounts
        .agency_operation = ws("0");
    let r = reconcile(&d);
    assert!(of(&r, rule).is_empty());
    assert_eq!(checks(&r, rule), 1);
}

#[test]
fn a_final_accounts_agency_operation_is_not_compared() {
    let mut d = ghzyj();
    d.agency_operation = Some(AgencyOperation {
        sentence: "机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%。".into(),
        amount: ws("142.80"),
        ..Default::default()
    });
    let r = reconcile(&d);
    let o = r.outcome(Rule::AgencyOperationMatchesTable).unwrap();
    assert_eq!(o.status, Status::Skipped);
    assert!(o.skip_reason.as_deref().unwrap().contains("决算"));
}
