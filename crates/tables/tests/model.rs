//! The model beyond the seed: publisher variants, 元 documents, structural
//! validation, JSON round trips (proptest).

use proptest::prelude::*;
use yusuan_classification::Code;
use yusuan_money::{Decimal, Percent, Wan};
use yusuan_tables::*;

fn w(s: &str) -> Option<Wan> {
    Some(Wan::parse(s).unwrap())
}

fn c(s: &str) -> Code {
    Code::parse(s).unwrap()
}

fn round_trip(d: &Disclosure) {
    let json = d.to_json();
    let back = Disclosure::from_json(&json).unwrap();
    assert_eq!(&back, d);
    assert_eq!(back.to_json(), json);
}

fn kinds(issues: &[Issue]) -> Vec<&IssueKind> {
    issues.iter().map(|i| &i.kind).collect()
}

#[test]
fn publisher_variants_are_representable() {
    // 一般公共预算支出表 without prior-year columns (Shanghai), amounts
    // printed without decimals ("70").
    let t5 = CodeTable::new()
        .numbered("5", "2026年预算单位一般公共预算支出功能分类预算表")
        .with_columns(&[Column::Total, Column::Basic, Column::Project])
        .row(
            c("2040601"),
            "行政运行",
            GeneralBudgetAmounts {
                total: w("70"),
                basic: w("70"),
                ..Default::default()
            },
        );
    // 基本支出表 side by side, 公用经费 including 310 资本性支出.
    let t6 = CodeTable::new()
        .row(
            c("303"),
            "对个人和家庭的补助",
            BasicExpenditureAmounts {
                personnel: w("46.62"),
                ..Default::default()
            },
        )
        .row(
            c("310"),
            "资本性支出",
            BasicExpenditureAmounts {
                public: w("1.44"),
                ..Default::default()
            },
        );
    // A "三公" table with two years side by side and 机关运行经费, in 万元
    // while the document is in 元.
    let t9 = ThreePublicTable {
        meta: TableMeta {
            amount_unit: Some(AmountUnit::Wan),
            ..TableMeta::default()
        },
        periods: vec![
            "2025_budget".parse().unwrap(),
            "2026_budget".parse().unwrap(),
        ],
        rows: vec![
            ThreePublicRow {
                period: "2025_budget".parse().unwrap(),
                amounts: ThreePublicAmounts {
                    total: w("10.71"),
                    reception: w("0.73"),
                    vehicles: w("9.98"),
                    vehicle_purchase: w("0.00"),
                    vehicle_operation: w("9.98"),
                    outbound_travel: w("0.00"),
                    agency_operation: w("184.59"),
                },
            },
            ThreePublicRow {
                period: "2026_budget".parse().unwrap(),
                amounts: ThreePublicAmounts {
                    total: w("10.71"),
                    ..Default::default()
                },
            },
        ],
        ..ThreePublicTable::default()
    };
    let d = Disclosure::builder("上海市普陀区司法局", 2026)
        .amount_unit(AmountUnit::Yuan)
        .general_budget_expenditure(t5)
        .general_budget_basic_expenditure(t6)
        .three_public_expenditure(t9)
        .build()
        .unwrap();
    round_trip(&d);
    let json = d.to_json();
    assert!(json.contains("\"total\": \"70\""), "scale kept: {json}");
    let t5 = d.tables.general_budget_expenditure.as_ref().unwrap();
    assert_eq!(t5.rows[0].amounts.total.unwrap().to_string(), "70.00");
    assert_eq!(t5.rows[0].amounts.prior_year, None);
    let view = d.view(TableKind::GeneralBudgetExpenditure).unwrap();
    assert_eq!(
        view.sections[0].columns,
        [Column::Total, Column::Basic, Column::Project]
    );
    let t9 = d.view(TableKind::ThreePublicExpenditure).unwrap();
    assert_eq!(t9.amount_unit, AmountUnit::Wan);
    assert_eq!(t9.sections[0].rows.len(), 2);
    assert!(render::text(&t9).contains("2026年预算数"));
}

#[test]
fn yuan_documents_keep_every_digit() {
    // 元 cells converted exactly; a 元 amount with two decimals is fine, three
    // are not.
    let yuan = |s: &str| Some(Wan::from_yuan_exact(s.parse::<Decimal>().unwrap()));
    let d = Disclosure::builder("上海市普陀区司法局", 2026)
        .amount_unit(AmountUnit::Yuan)
        .expenditure_summary(
            CodeTable::new()
                .with_columns(&[Column::Total, Column::Basic, Column::Project])
                .row(
                    c("204"),
                    "公共安全支出",
                    ExpenditureAmounts {
                        total: yuan("79189400.34"),
                        basic: yuan("14348853.34"),
                        project: yuan("64840547"),
                        ..Default::default()
                    },
                )
                .with_total(ExpenditureAmounts {
                    total: yuan("86959408.345"),
                    ..Default::default()
                }),
        )
        .build_unchecked();
    round_trip(&d);
    let issues = d.validate();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].row, Some(RowKey::Total));
    assert!(matches!(
        issues[0].kind,
        IssueKind::TooManyDecimals {
            places: 3,
            unit: Some(AmountUnit::Yuan),
            ..
        }
    ));
    assert_eq!(
        issues[0].to_string(),
        "error: 支出总表 / 合计 / 合计: amount 8695.9408345 (万元) has 3 decimals in 元; printed amounts have at most 2"
    );
    let view = d.view(TableKind::ExpenditureSummary).unwrap();
    let text = render::text(&view);
    assert!(text.contains("79,189,400.34"), "{text}");
    assert!(text.contains("（单位：元）"));
    let csv = render::csv(&view);
    assert!(
        csv.contains("204,公共安全支出,79189400.34,14348853.34,64840547\r\n"),
        "{csv}"
    );
    assert!(csv.starts_with("\u{feff}科目编码,科目名称,合计（元）"));
}

#[test]
fn validation_finds_structural_problems() {
    let t3 = CodeTable::new()
        .with_columns(&[Column::Total, Column::Basic, Column::Project])
        .row(
            c("208"),
            "社会保障和就业支出",
            ExpenditureAmounts::default(),
        )
        .row(
            c("2080108"),
            "信息化建设",
            ExpenditureAmounts {
                remit_to_superior: w("1.00"),
                ..Default::default()
            },
        )
        .row(
            c("208"),
            "社会保障和就业支出",
            ExpenditureAmounts::default(),
        );
    let t6 = CodeTable::new().row(
        c("2080108"),
        "信息化建设",
        BasicExpenditureAmounts::default(),
    );
    let t1 = SummaryTable {
        income: vec![
            SummaryRow::new(
                Line::CarryoverGeneralBudget,
                "(一)一般公共预算拨款",
                w("1.00"),
            ),
            SummaryRow::new(RowKey::Total, "合计", None),
        ],
        expenditure: vec![SummaryRow::new(c("30101"), "基本工资", None)],
        ..SummaryTable::default()
    };
    let t7: CodeTable<FundAmounts> =
        CodeTable::new().with_columns(&[Column::Total, Column::Personnel]);
    let d = Disclosure::builder("某单位", 2025)
        .expenditure_summary(t3)
        .general_budget_basic_expenditure(t6)
        .income_expenditure_summary(t1)
        .government_fund_expenditure(t7)
        .claim(
            Claim::new(
                "……",
                ClaimKind::Amount {
                    subject: "x".into(),
                    amount: Wan::parse("1.234").unwrap(),
                },
            )
            .refers_to(CellRef::new(
                TableKind::IncomeSummary,
                RowKey::Total,
                Column::Total,
            )),
        )
        .build_unchecked();
    let issues = d.validate();
    let found = kinds(&issues);
    let expect = |k: &IssueKind, table: Option<TableKind>, row: Option<RowKey>| {
        assert!(
            issues
                .iter()
                .any(|i| &i.kind == k && i.table == table && i.row == row),
            "{k:?} in {table:?}/{row:?} not in {found:?}"
        );
    };
    use TableKind::*;
    expect(
        &IssueKind::RowKeyNotAllowed,
        Some(IncomeExpenditureSummary),
        Some(Line::CarryoverGeneralBudget.into()),
    );
    expect(
        &IssueKind::RowKeyNotAllowed,
        Some(IncomeExpenditureSummary),
        Some(RowKey::Total),
    );
    expect(
        &IssueKind::WrongScheme {
            code: c("30101"),
            expected: yusuan_classification::Scheme::Function,
        },
        Some(IncomeExpenditureSummary),
        Some(c("30101").into()),
    );
    expect(
        &IssueKind::DuplicateRow,
        Some(ExpenditureSummary),
        Some(c("208").into()),
    );
    expect(
        &IssueKind::MissingParent { parent: c("20801") },
        Some(ExpenditureSummary),
        Some(c("2080108").into()),
    );
    expect(
        &IssueKind::UnprintedColumn,
        Some(ExpenditureSummary),
        Some(c("2080108").into()),
    );
    expect(
        &IssueKind::WrongScheme {
            code: c("2080108"),
            expected: yusuan_classification::Scheme::DepartmentEconomic,
        },
        Some(GeneralBudgetBasicExpenditure),
        Some(c("2080108").into()),
    );
    expect(
        &IssueKind::UnknownColumn,
        Some(GovernmentFundExpenditure),
        None,
    );
    let unprinted = issues
        .iter()
        .find(|i| i.kind == IssueKind::UnprintedColumn)
        .unwrap();
    assert_eq!(unprinted.column, Some(Column::RemitToSuperior));
    let claim_issues: Vec<_> = issues.iter().filter(|i| i.claim == Some(0)).collect();
    assert_eq!(claim_issues.len(), 2, "{claim_issues:?}");
    assert!(claim_issues
        .iter()
        .any(|i| matches!(i.kind, IssueKind::TooManyDecimals { places: 3, .. })));
    // the 收入总表 is not in the disclosure at all
    let dangling = claim_issues
        .iter()
        .find(|i| matches!(i.kind, IssueKind::DanglingReference { .. }))
        .unwrap();
    assert_eq!(dangling.severity, Severity::Warning);
    assert!(matches!(
        dangling.kind,
        IssueKind::DanglingReference {
            table_present: false,
            ..
        }
    ));
    assert!(dangling.to_string().contains("not in the disclosure"));
    assert_eq!(issues.len(), 10, "{issues:#?}");
    // load() fails on errors and lists them all.
    match Disclosure::load(&d.to_json()) {
        Err(TablesError::Invalid { issues: all }) => assert_eq!(all, issues),
        other => panic!("{other:?}"),
    }
    // Issues serialise for reports.
    let json = serde_json::to_string(&issues[0]).unwrap();
    assert_eq!(serde_json::from_str::<Issue>(&json).unwrap(), issues[0]);
}

#[test]
fn a_printed_leaf_only_table_needs_no_parents() {
    let d = Disclosure::builder("某单位", 2025)
        .expenditure_summary(
            CodeTable::new()
                .row(c("2080108"), "信息化建设", ExpenditureAmounts::default())
                .row(c("2210201"), "住房公积金", ExpenditureAmounts::default()),
        )
        .build();
    assert!(d.is_ok());
}

#[test]
fn blank_and_zero_differ() {
    let d = Disclosure::builder("某单位", 2025)
        .government_fund_expenditure(
            CodeTable::new()
                .row(
                    c("229"),
                    "其他支出",
                    FundAmounts {
                        total: w("0.00"),
                        ..Default::default()
                    },
                )
                .with_empty_note("注：……"),
        )
        .build()
        .unwrap();
    let t = d.tables.government_fund_expenditure.as_ref().unwrap();
    assert_eq!(t.rows[0].amounts.total, Some(Wan::ZERO));
    assert_eq!(t.rows[0].amounts.basic, None);
    let json = d.to_json();
    assert!(json.contains("\"total\": \"0.00\""));
    assert!(!json.contains("\"basic\""));
    round_trip(&d);
}

fn amount() -> impl Strategy<Value = Option<Wan>> {
    prop::option::of(
        (-10_000_000_000i64..10_000_000_000i64, 0u32..=2)
            .prop_map(|(n, scale)| Wan::new(Decimal::new(n, scale))),
    )
}

fn percent() -> impl Strategy<Value = Option<Percent>> {
    prop::option::of((-100_000i64..100_000i64).prop_map(|n| Percent::new(Decimal::new(n, 2))))
}

fn function_code() -> impl Strategy<Value = Code> {
    (
        200u32..=299,
        prop::option::of((1u32..=99, prop::option::of(1u32..=99))),
    )
        .prop_map(|(a, rest)| {
            let s = match rest {
                None => format!("{a}"),
                Some((b, None)) => format!("{a}{b:02}"),
                Some((b, Some(c))) => format!("{a}{b:02}{c:02}"),
            };
            Code::parse(&s).unwrap()
        })
}

fn general_budget() -> impl Strategy<Value = GeneralBudgetAmounts> {
    (
        amount(),
        amount(),
        amount(),
        amount(),
        amount(),
        percent(),
        percent(),
    )
        .prop_map(
            |(prior_year, total, basic, project, change, change_percent, pct2)| {
                GeneralBudgetAmounts {
                    prior_year,
                    total,
                    basic,
                    project,
                    change,
                    change_percent,
                    change_percent_excl_capital: pct2,
                    ..Default::default()
                }
            },
        )
}

proptest! {
    /// Any table survives JSON exactly: blanks stay blank, zeros stay zero,
    /// the scale of every amount is kept.
    #[test]
    fn json_round_trip_is_exact(
        rows in prop::collection::vec((function_code(), "[一-龥]{1,8}", general_budget()), 0..8),
        total in prop::option::of(general_budget()),
    ) {
        let mut t5 = CodeTable::new();
        let mut seen = std::collections::BTreeSet::new();
        for (code, name, amounts) in rows {
            if seen.insert(code) {
                t5 = t5.row(code, name, amounts);
            }
        }
        t5.total = total;
        let d = Disclosure::builder("某单位", 2025).general_budget_expenditure(t5).build_unchecked();
        let json = d.to_json();
        let back = Disclosure::from_json(&json).unwrap();
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(back.to_json(), json);
        for (at, n) in d.cells() {
            prop_assert_eq!(back.get(&at), Some(n));
            let NumberRef::Cell(cell) = at else { continue };
            prop_assert!(d.cell_exists(&cell));
            if let Number::Amount(a) = n {
                prop_assert_eq!(back.get(&at).and_then(Number::as_amount).map(|b| b.decimal_places()), Some(a.decimal_places()));
            }
        }
    }

    /// Row keys and periods read back from their string form.
    #[test]
    fn row_keys_round_trip(code in function_code(), year in 1990u16..2100, i in 0usize..3) {
        let basis = [Basis::Budget, Basis::Execution, Basis::FinalAccounts][i];
        for key in [RowKey::Code(code), RowKey::Period(Period { year, basis }), RowKey::Total] {
            prop_assert_eq!(key.to_string().parse::<RowKey>().unwrap(), key);
        }
    }
}

#[test]
fn every_line_and_column_name_reads_back() {
    for &l in Line::ALL {
        assert_eq!(
            RowKey::Line(l).to_string().parse::<RowKey>().unwrap(),
            RowKey::Line(l)
        );
        assert!(!l.label_zh().is_empty());
    }
    for &col in Column::ALL {
        assert_eq!(col.as_str().parse::<Column>().unwrap(), col);
    }
    for &k in TableKind::ALL {
        assert_eq!(
            serde_json::to_string(&k).unwrap(),
            format!("\"{}\"", k.as_str())
        );
    }
    assert!("nonsense".parse::<RowKey>().is_err());
    assert!("20801089".parse::<RowKey>().is_err());
    assert!("2025_budgets".parse::<RowKey>().is_err());
}

#[test]
fn huge_indices_from_json_display_without_overflow() {
    // Indices in a reference read from JSON are untrusted: showing one must
    // not overflow when it turns the 0-based index into a 1-based ordinal.
    let max = usize::MAX;
    // The 1-based ordinal of index usize::MAX, computed without overflow.
    let next = u128::try_from(max).unwrap() + 1;
    let narrative: NumberRef = serde_json::from_str(&format!(
        r#"{{"narrative":{{"claim":{max},"field":"amount"}}}}"#
    ))
    .unwrap();
    assert_eq!(narrative.to_string(), format!("情况说明 第{next}条 / 金额"));
    let part: NumberRef = serde_json::from_str(&format!(
        r#"{{"narrative":{{"claim":0,"field":{{"part":{max}}}}}}}"#
    ))
    .unwrap();
    assert!(part.to_string().ends_with(&format!("第{next}项")));
    let funds: NumberRef = serde_json::from_str(&format!(
        r#"{{"performance_funds":{{"table":{max},"field":"total"}}}}"#
    ))
    .unwrap();
    assert!(funds
        .to_string()
        .starts_with(&format!("项目绩效目标表 第{next}张")));
    let issue: Issue = serde_json::from_str(&format!(
        r#"{{"severity":"error","kind":{{"type":"duplicate_row"}},"claim":{max}}}"#
    ))
    .unwrap();
    assert!(issue.to_string().contains(&format!("情况说明 第{next}条")));
}

/// A claim about 人员经费 against a 基本支出表 printing one 金额 column (江苏):
/// the table is there, the column is not.
#[test]
fn a_reference_to_a_column_its_table_does_not_print_says_so() {
    let t6 = CodeTable::<BasicExpenditureAmounts>::new()
        .with_columns(&[Column::Total])
        .with_total(BasicExpenditureAmounts {
            total: Some(Wan::parse("13979.92").unwrap()),
            ..Default::default()
        });
    let d = Disclosure::builder("某单位", 2018)
        .general_budget_basic_expenditure(t6)
        .claim(
            Claim::new(
                "人员经费11257.35万元",
                ClaimKind::Amount {
                    subject: "人员经费".into(),
                    amount: Wan::parse("11257.35").unwrap(),
                },
            )
            .refers_to(CellRef::new(
                TableKind::GeneralBudgetBasicExpenditure,
                RowKey::Total,
                Column::Personnel,
            )),
        )
        .build_unchecked();
    let issues = d.validate();
    let [issue] = issues.as_slice() else {
        panic!("{issues:#?}");
    };
    assert!(matches!(
        issue.kind,
        IssueKind::DanglingReference {
            table_present: true,
            ..
        }
    ));
    assert!(
        issue.to_string().contains("its table does not print"),
        "{issue}"
    );
}
