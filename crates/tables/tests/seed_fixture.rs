//! The seed fixture (examples/data/2025-mohrss-information-center.json)
//! against the seed text itself and figures read off the seed by hand.

use std::collections::BTreeMap;

use yusuan_classification::Code;
use yusuan_money::{Percent, Wan};
use yusuan_performance::PerformanceTargetTable;
use yusuan_tables::*;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/data/2025-mohrss-information-center.json"
));
const JINBAO: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/data/2025-jinbao-target.json"
));
const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
);

fn seed_text() -> String {
    std::fs::read_to_string(SEED_PATH).expect("the seed is at fixtures/seeds/ of the repository")
}

fn fixture() -> Disclosure {
    let (d, warnings) = Disclosure::load(FIXTURE).expect("the fixture loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    d
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn code(s: &str) -> RowKey {
    RowKey::Code(Code::parse(s).unwrap())
}

/// The text between two markers (the first `from`, the first `to` after it).
fn part<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let a = text.find(from).unwrap();
    let b = a + text[a..].find(to).unwrap();
    &text[a..b]
}

/// Number tokens with a decimal point (`8,633.56`, `17.47%`), scanned
/// without regular expressions: maximal runs of digits, commas and points,
/// with a `%` right after them kept.
fn number_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || ((c == ',' || c == '.') && !cur.is_empty()) {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            let token = cur.trim_end_matches([',', '.']).to_owned();
            if token.contains('.') {
                out.push(if c == '%' { format!("{token}%") } else { token });
            }
            cur.clear();
        }
    }
    let token = cur.trim_end_matches([',', '.']);
    if token.contains('.') {
        out.push(token.to_owned());
    }
    out
}

#[test]
fn loads_without_issues_and_round_trips_exactly() {
    let d = fixture();
    // The file is in canonical form: writing it back gives the same text.
    assert_eq!(d.to_json() + "\n", FIXTURE);
    assert_eq!(Disclosure::from_json(&d.to_json()).unwrap(), d);
    assert_eq!(d.unit.name, "人力资源和社会保障部信息中心");
    assert_eq!(d.unit.department.as_deref(), Some("人力资源社会保障部"));
    assert_eq!(d.unit.department_code.as_deref(), Some("117"));
    assert_eq!(d.year, 2025);
    assert_eq!(d.kind, DocumentKind::UnitBudget);
    assert_eq!(d.amount_unit, AmountUnit::Wan);
}

#[test]
fn holds_all_nine_tables_with_7_8_9_empty_and_noted() {
    let d = fixture();
    assert_eq!(d.tables.kinds(), TableKind::ALL);
    for (kind, number) in TableKind::ALL.iter().zip(1..) {
        let meta = d.tables.meta(*kind).unwrap();
        assert_eq!(
            meta.number.as_deref(),
            Some(format!("单位公开表{number}").as_str())
        );
    }
    let t7 = d.tables.government_fund_expenditure.as_ref().unwrap();
    let t8 = d.tables.state_capital_expenditure.as_ref().unwrap();
    let t9 = d.tables.three_public_expenditure.as_ref().unwrap();
    assert!(t7.is_empty() && t8.is_empty() && t9.is_empty());
    assert!(t7
        .meta
        .empty_note
        .as_ref()
        .unwrap()
        .contains("没有政府性基金收入"));
    assert!(t8
        .meta
        .empty_note
        .as_ref()
        .unwrap()
        .contains("没有国有资本经营预算收入"));
    assert!(t9
        .meta
        .empty_note
        .as_ref()
        .unwrap()
        .contains("“三公”经费支出"));
    for view in d.views() {
        let empty = matches!(
            view.kind,
            TableKind::GovernmentFundExpenditure
                | TableKind::StateCapitalExpenditure
                | TableKind::ThreePublicExpenditure
        );
        assert_eq!(view.is_empty(), empty, "{:?}", view.kind);
    }
}

/// Every number printed in 第二部分 (the tables) is a table cell of the
/// fixture, and every table cell is a printed number: the two multisets are
/// equal.
#[test]
fn every_amount_printed_in_the_tables_is_in_the_fixture() {
    let seed = seed_text();
    let tables_text = part(&seed, "第二部分", "第三部分");
    let tokens = number_tokens(tables_text);
    assert!(tokens.len() > 150, "{}", tokens.len());
    let mut printed: BTreeMap<String, usize> = BTreeMap::new();
    for t in &tokens {
        let n: Number = match t.strip_suffix('%') {
            Some(_) => Percent::parse(t).unwrap().into(),
            None => Wan::parse(t).unwrap().into(),
        };
        *printed.entry(canonical(n)).or_default() += 1;
    }
    let d = fixture();
    let mut cells: BTreeMap<String, usize> = BTreeMap::new();
    for (at, n) in d.cells() {
        if matches!(at, NumberRef::Cell(_)) {
            *cells.entry(canonical(n)).or_default() += 1;
        }
    }
    for (value, count) in &printed {
        assert!(
            cells.get(value).copied().unwrap_or(0) >= *count,
            "{value} is printed {count} times in 第二部分 but is in {:?} fixture cells",
            cells.get(value)
        );
    }
    assert_eq!(printed, cells);
}

fn canonical(n: Number) -> String {
    match n {
        Number::Amount(w) => format!("A{}", w.value().normalize()),
        Number::Percent(p) => format!("P{}", p.points().normalize()),
    }
}

#[test]
fn figures_read_off_the_seed() {
    let d = fixture();
    let t = &d.tables;
    let amount = |kind, row: RowKey, col| t.get(kind, &row, col).and_then(Number::as_amount);
    use Column::*;
    use TableKind::*;
    // 单位收支总表
    assert_eq!(
        amount(
            IncomeExpenditureSummary,
            RowKey::Line(Line::CurrentYearIncome),
            Total
        ),
        Some(w("8,179.19"))
    );
    assert_eq!(
        amount(
            IncomeExpenditureSummary,
            RowKey::Line(Line::IncomeTotal),
            Total
        ),
        Some(w("8,633.56"))
    );
    assert_eq!(
        amount(
            IncomeExpenditureSummary,
            RowKey::Line(Line::GovernmentFundAppropriation),
            Total
        ),
        None
    );
    assert_eq!(
        amount(
            IncomeExpenditureSummary,
            RowKey::Line(Line::CarryForward),
            Total
        ),
        None
    );
    assert_eq!(
        amount(IncomeExpenditureSummary, code("221"), Total),
        Some(w("350.93"))
    );
    // 单位收入总表: only the 合计 row
    let t2 = t.income_summary.as_ref().unwrap();
    assert!(t2.rows.is_empty());
    assert_eq!(t2.total.unwrap().other_income, Some(w("3,434.90")));
    assert_eq!(t2.total.unwrap().non_fiscal_balance_used, Some(w("130.00")));
    assert_eq!(t2.total.unwrap().education_fees, None);
    // 单位支出总表
    assert_eq!(
        amount(ExpenditureSummary, code("2080108"), Project),
        Some(w("3,731.75"))
    );
    assert_eq!(amount(ExpenditureSummary, code("2080108"), Basic), None);
    assert_eq!(
        amount(ExpenditureSummary, code("2210201"), Basic),
        Some(w("250.00"))
    );
    assert_eq!(
        amount(ExpenditureSummary, RowKey::Total, Basic),
        Some(w("4,901.81"))
    );
    // 财政拨款收支总表
    assert_eq!(
        amount(FiscalAppropriationSummary, code("208"), Total),
        Some(w("4,420.96"))
    );
    assert_eq!(
        amount(
            FiscalAppropriationSummary,
            RowKey::Line(Line::CarryoverGeneralBudget),
            Total
        ),
        Some(w("324.37"))
    );
    // 一般公共预算支出表: 2080108 prints 9 of 10 numbers, 基本支出 blank
    let row = t
        .general_budget_expenditure
        .as_ref()
        .unwrap()
        .find(Code::parse("2080108").unwrap())
        .unwrap();
    assert_eq!(row.amounts.basic, None);
    assert_eq!(row.amounts.project, Some(w("3,430.74")));
    assert_eq!(row.amounts.prior_year, Some(w("2,846.74")));
    assert_eq!(
        row.amounts.change_percent,
        Some(Percent::parse("20.51%").unwrap())
    );
    let total = t
        .general_budget_expenditure
        .as_ref()
        .unwrap()
        .total
        .unwrap();
    assert_eq!(total.basic, Some(w("744.78")));
    assert_eq!(
        total.change_percent_excl_capital,
        Some(Percent::parse("17.09%").unwrap())
    );
    assert_eq!(
        amount(GeneralBudgetExpenditure, code("2080150"), Project),
        None
    );
    // 一般公共预算基本支出表
    assert_eq!(
        amount(GeneralBudgetBasicExpenditure, RowKey::Total, Personnel),
        Some(w("606.93"))
    );
    assert_eq!(
        amount(GeneralBudgetBasicExpenditure, code("30239"), Public),
        Some(w("75.00"))
    );
    assert_eq!(
        amount(GeneralBudgetBasicExpenditure, code("30239"), Personnel),
        None
    );
    // 政府采购, 绩效目标管理
    let p = d.procurement.as_ref().unwrap();
    assert_eq!(
        (p.total, p.goods, p.works, p.services),
        (
            Some(w("1,912.9")),
            Some(w("128.22")),
            None,
            Some(w("1,784.68"))
        )
    );
    assert_eq!(
        d.performance_management.as_ref().unwrap().amount,
        Some(w("3,430.74"))
    );
    // 名词解释, 单位概况
    assert_eq!(d.glossary.len(), 13);
    assert_eq!(d.glossary[0].term, "一般公共预算拨款收入");
    assert_eq!(d.glossary[0].explanation, "指中央财政当年拨付的资金。");
    let profile = d.profile.as_ref().unwrap();
    assert_eq!(profile.duties.len(), 18);
    assert_eq!(profile.duties[17], "承担部领导交办的其他事项。");
    assert_eq!(profile.divisions.len(), 13);
    assert_eq!(profile.divisions[0], "综合处（人事处）");
}

#[test]
fn narrative_claims_match_the_seed_text() {
    let seed = seed_text();
    let joined: String = part(&seed, "第三部分", "第四部分")
        .lines()
        .map(str::trim)
        .collect();
    let d = fixture();
    assert_eq!(d.narrative.len(), 30);
    for (i, claim) in d.narrative.iter().enumerate() {
        assert!(
            joined.contains(&claim.sentence),
            "claim {i}: sentence not in the seed"
        );
        // Each number of the claim is printed in its sentence.
        for (at, n) in d.cells() {
            if let NumberRef::Narrative { claim: c, .. } = at {
                if c == i {
                    assert!(
                        claim.sentence.contains(&n.to_string()),
                        "claim {i}: {n} not in {:?}",
                        claim.sentence
                    );
                }
            }
        }
    }
    let count = |f: fn(&ClaimKind) -> bool| d.narrative.iter().filter(|c| f(&c.kind)).count();
    assert_eq!(count(|k| matches!(k, ClaimKind::Share { .. })), 9);
    assert_eq!(count(|k| matches!(k, ClaimKind::Change { .. })), 7);
    assert_eq!(
        count(|k| matches!(
            k,
            ClaimKind::Change {
                direction: Direction::Flat,
                ..
            }
        )),
        3
    );
    assert_eq!(count(|k| matches!(k, ClaimKind::Total { .. })), 5);
    // The share the publisher adjusted (130.00 / 8,633.56 = 1.5057% printed 1.50%).
    let adjusted = d
        .narrative
        .iter()
        .find(|c| c.kind.subject() == "使用非财政拨款结余")
        .unwrap();
    assert!(
        matches!(adjusted.kind, ClaimKind::Share { percent, .. } if percent == Percent::parse("1.50").unwrap())
    );
}

/// Each claim's `refers_to` names the cell holding the claim's amount (the
/// seed balances, so the hand-filled references must match exactly).
#[test]
fn claim_references_point_at_the_stated_amounts() {
    let d = fixture();
    for (i, claim) in d.narrative.iter().enumerate() {
        let Some(cell) = claim.refers_to else {
            panic!("claim {i} has no reference");
        };
        assert!(d.cell_exists(&cell), "claim {i}: {cell}");
        let table = d.get(&cell.into());
        let stated = match &claim.kind {
            ClaimKind::Share { amount, .. }
            | ClaimKind::Total { amount, .. }
            | ClaimKind::Amount { amount, .. } => Some(*amount),
            ClaimKind::Change { amount, .. } => *amount,
            ClaimKind::NoAmount { .. } => None,
            _ => unreachable!(),
        };
        assert_eq!(
            table,
            stated.map(Number::from),
            "claim {i}: {}",
            d.describe(&cell.into())
        );
        if let ClaimKind::Total { parts, .. } = &claim.kind {
            for p in parts {
                assert_eq!(d.get(&p.refers_to.unwrap().into()), Some(p.amount.into()));
            }
        }
    }
}

#[test]
fn performance_table_is_the_jinbao_fixture() {
    let d = fixture();
    let jinbao: PerformanceTargetTable = serde_json::from_str(JINBAO).unwrap();
    assert_eq!(d.performance_tables, [jinbao]);
    let t = &d.performance_tables[0];
    assert_eq!(t.funds.total, Some(w("2,459.08")));
    assert_eq!(t.indicators.len(), 18); // 1 cost + 16 output + 1 benefit
    let funds: Vec<_> = d
        .cells()
        .into_iter()
        .filter(|(at, _)| matches!(at, NumberRef::PerformanceFunds { .. }))
        .map(|(_, n)| n)
        .collect();
    assert_eq!(
        funds,
        [w("2459.08").into(), w("2344.14").into(), w("114.94").into()]
    );
}

/// Perturbing any single number changes exactly that number.
#[test]
fn every_number_can_be_perturbed_alone() {
    let d = fixture();
    let cells = d.cells();
    let mut labels = std::collections::BTreeSet::new();
    for (at, n) in &cells {
        let bumped = match n {
            Number::Amount(a) => Number::from(a.checked_add(w("0.01")).unwrap()),
            Number::Percent(p) => {
                Number::from(Percent::new(p.points() + yusuan_money::Decimal::ONE))
            }
        };
        let mut m = d.clone();
        assert_eq!(m.set(at, Some(bumped)).unwrap(), Some(*n));
        assert_eq!(m.get(at), Some(bumped));
        let changed: Vec<_> = m
            .cells()
            .into_iter()
            .zip(&cells)
            .filter(|(a, b)| a != *b)
            .collect();
        assert_eq!(changed.len(), 1, "{at:?}");
        assert!(
            labels.insert(d.describe(at)) || !matches!(at, NumberRef::Cell(_)),
            "duplicate label {}",
            d.describe(at)
        );
    }
    let at = NumberRef::Cell(CellRef::new(
        TableKind::ExpenditureSummary,
        code("2080108"),
        Column::Project,
    ));
    assert_eq!(
        d.describe(&at),
        "单位支出总表 / 2080108 信息化建设 / 项目支出"
    );
    let mut m = d.clone();
    assert!(matches!(
        m.set(&at, Some(Percent::parse("1%").unwrap().into())),
        Err(TablesError::WrongValueKind { .. })
    ));
    let missing = NumberRef::Cell(CellRef::new(
        TableKind::ExpenditureSummary,
        code("2080199"),
        Column::Project,
    ));
    assert!(matches!(
        m.set(&missing, None),
        Err(TablesError::NoSuchNumber { .. })
    ));
}

#[test]
fn malformed_json_reports_line_and_column() {
    // Break line 8 ("  \"kind\": \"unit_budget\",") by dropping its comma.
    let broken = FIXTURE.replacen("\"kind\": \"unit_budget\",", "\"kind\": \"unit_budget\"", 1);
    match Disclosure::from_json(&broken) {
        Err(TablesError::Json { line, column, .. }) => assert_eq!((line, column), (9, 3)),
        other => panic!("{other:?}"),
    }
    // A misspelt field is an error too, not a silently dropped number.
    let typo = FIXTURE.replacen(
        "\"prior_year_carryover\": \"324.37\"",
        "\"prior_year_carryovr\": \"324.37\"",
        1,
    );
    let err = Disclosure::from_json(&typo).unwrap_err();
    assert!(err.to_string().contains("prior_year_carryovr"), "{err}");
    // An amount that does not parse names itself.
    let bad = FIXTURE.replacen("\"8633.56\"", "\"8633,56x\"", 1);
    assert!(Disclosure::from_json(&bad)
        .unwrap_err()
        .to_string()
        .contains("8633,56x"));
}

#[test]
fn renders_every_table_and_exports_csv() {
    let d = fixture();
    let text = render::text_all(&d);
    for kind in TableKind::ALL {
        assert!(text.contains(d.tables.meta(*kind).unwrap().title.as_deref().unwrap()));
    }
    assert!(
        text.lines().any(|l| l.starts_with("2080108")
            && l.contains(" 信息化建设 ")
            && l.ends_with("3,731.75")),
        "{text}"
    );
    // the 政府采购 statement (1,912.9 = 货物 128.22 + 服务 1,784.68) after the tables
    assert!(
        text.ends_with(
            "【政府采购】\n总额  1,912.90  万元\n货物    128.22  万元\n服务  1,784.68  万元\n"
        ),
        "{text}"
    );
    let files = render::csv_files(&d);
    assert_eq!(files.len(), 10);
    let (name, other) = &files[9];
    assert_eq!(name, "10-other_matters.csv");
    assert_eq!(
        other,
        "\u{feff}事项,项目,数值,单位\r\n政府采购,总额,1912.9,万元\r\n政府采购,货物,128.22,万元\r\n政府采购,服务,1784.68,万元\r\n"
    );
    let (name, csv) = &files[2];
    assert_eq!(name, "03-expenditure_summary.csv");
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("\r\n2080108,信息化建设,3731.75,,3731.75,,,\r\n"),
        "{csv}"
    );
    let (_, t5) = &files[4];
    assert!(t5.contains("20.51%"));
    let (_, t9) = &files[8];
    assert!(
        t9.starts_with("\u{feff}项目,合计（万元）,因公出国（境）费（万元）"),
        "{t9}"
    );
    assert!(t9.ends_with("\r\n2025年预算数,,,,,,\r\n"), "{t9}");
}

/// The cells whose column the extracted text leaves open (收入总表's six
/// cells; rows of 支出总表 and 一般公共预算支出表 that print 合计 and only one
/// of 基本支出/项目支出; 基本支出表 rows with one of 人员经费/公用经费) are
/// checked here against the identities the printed document satisfies, on
/// the raw JSON, independently of the model and of the transcriber's notes:
/// a cell placed in the wrong column breaks a row or tree sum.
#[test]
fn inferred_placements_satisfy_the_row_and_tree_sums() {
    use serde_json::Value;
    use yusuan_money::{round_half_away, Decimal};
    let json: Value = serde_json::from_str(FIXTURE).unwrap();
    let tables = &json["tables"];
    let dec = |v: &Value, col: &str| -> Decimal {
        v.get(col)
            .and_then(Value::as_str)
            .map_or(Decimal::ZERO, |s| s.parse().unwrap())
    };
    let blank = |v: &Value, col: &str| v.get(col).is_none();
    // Rows as (code, amounts), plus the 合计 row.
    let rows = |t: &str| -> (Vec<(String, Value)>, Value) {
        let rows = tables[t]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["code"].as_str().unwrap().to_owned(), r["amounts"].clone()))
            .collect();
        (rows, tables[t]["total"].clone())
    };
    let check_tree = |t: &str, columns: &[&str], parts: (&str, &[&str])| {
        let (rows, total) = rows(t);
        for (code, a) in rows
            .iter()
            .map(|(c, a)| (c.as_str(), a))
            .chain([("合计", &total)])
        {
            // Per row: 合计 = Σ its parts.
            let sum: Decimal = parts.1.iter().map(|c| dec(a, c)).sum();
            assert_eq!(
                dec(a, parts.0),
                sum,
                "{t} {code}: {} ≠ Σ {:?}",
                parts.0,
                parts.1
            );
            // Per column: a parent (or 合计) = Σ its children (or Σ 类).
            let children: Vec<&Value> = rows
                .iter()
                .filter(|(c, _)| match code {
                    "合计" => c.len() == 3,
                    p => c.len() == p.len() + 2 && c.starts_with(p),
                })
                .map(|(_, a)| a)
                .collect();
            if children.is_empty() {
                continue;
            }
            for col in columns {
                let sum: Decimal = children.iter().map(|a| dec(a, col)).sum();
                assert_eq!(dec(a, col), sum, "{t} {code} {col}: ≠ Σ children");
            }
        }
    };
    check_tree(
        "expenditure_summary",
        &["total", "basic", "project"],
        ("total", &["basic", "project"]),
    );
    check_tree(
        "general_budget_expenditure",
        &[
            "prior_year",
            "prior_year_excl_capital",
            "total",
            "basic",
            "project",
            "total_excl_capital",
            "change",
            "change_excl_capital",
        ],
        ("total", &["basic", "project"]),
    );
    check_tree(
        "general_budget_basic_expenditure",
        &["total", "personnel", "public"],
        ("total", &["personnel", "public"]),
    );
    // 一般公共预算支出表: 增减额 = 预算数 − 执行数; 增减% = 增减额 / 执行数 × 100
    // rounded 四舍五入 to 2 places, for both pairs of columns.
    let (t5, t5_total) = rows("general_budget_expenditure");
    for (code, a) in t5
        .iter()
        .map(|(c, a)| (c.as_str(), a))
        .chain([("合计", &t5_total)])
    {
        for (budget, prior, change, pct) in [
            ("total", "prior_year", "change", "change_percent"),
            (
                "total_excl_capital",
                "prior_year_excl_capital",
                "change_excl_capital",
                "change_percent_excl_capital",
            ),
        ] {
            assert_eq!(
                dec(a, change),
                dec(a, budget) - dec(a, prior),
                "{code} {change}"
            );
            let rate = dec(a, change) / dec(a, prior) * Decimal::ONE_HUNDRED;
            assert_eq!(dec(a, pct), round_half_away(rate, 2), "{code} {pct}");
        }
    }
    // 收入总表: 合计 = Σ the other columns, and each column equals the 收支总表
    // line of the same name (blank where that line is blank).
    let t2 = &tables["income_summary"]["total"];
    let columns = tables["income_summary"]["columns"].as_array().unwrap();
    let others: Decimal = columns
        .iter()
        .map(|c| c.as_str().unwrap())
        .filter(|c| *c != "total" && *c != "education_fees")
        .map(|c| dec(t2, c))
        .sum();
    assert_eq!(dec(t2, "total"), others);
    let t1 = tables["income_expenditure_summary"]["income"]
        .as_array()
        .unwrap();
    let line = |key: &str| {
        &t1.iter()
            .find(|l| l["key"] == key)
            .unwrap_or_else(|| panic!("收支总表 has no {key}"))["amounts"]
    };
    for (t2_col, t1_key) in [
        ("total", "income_total"),
        ("prior_year_carryover", "prior_year_carryover"),
        ("general_budget", "general_budget_appropriation"),
        ("government_fund", "government_fund_appropriation"),
        ("state_capital", "state_capital_appropriation"),
        ("business_income", "business_income"),
        (
            "institution_operating_income",
            "institution_operating_income",
        ),
        ("other_income", "other_income"),
        ("non_fiscal_balance_used", "non_fiscal_balance_used"),
    ] {
        let l = line(t1_key);
        assert_eq!(blank(t2, t2_col), blank(l, "total"), "{t2_col}");
        assert_eq!(dec(t2, t2_col), dec(l, "total"), "{t2_col}");
    }
}

/// An extra column whose heading reads as one of the model's columns (江苏's
/// grand 合计 beside the "三公" subtotal, which is the model's 合计) says it
/// is the extra one, in the text and in the CSV.
#[test]
fn an_extra_column_named_like_a_model_column_says_it_is_extra() {
    let mut d = fixture();
    let three = d
        .tables
        .three_public_expenditure
        .as_mut()
        .expect("the seed has a 三公 table");
    let row = three.rows.first().expect("a period row").period;
    three.meta.extra_columns = vec![
        ExtraColumn {
            heading: vec!["合计".into()],
            cells: vec![ExtraCell {
                row: RowKey::Period(row),
                amount: w("1384.74"),
            }],
        },
        ExtraColumn {
            heading: vec!["会议费".into()],
            cells: Vec::new(),
        },
    ];
    let view = d.view(TableKind::ThreePublicExpenditure).expect("view");
    let text = render::text(&view);
    assert!(text.contains("合计（表外栏）"), "{text}");
    assert!(text.contains("1,384.74"), "{text}");
    assert!(!text.contains("会议费（表外栏）"), "{text}");
    let csv = render::csv(&view);
    assert!(csv.contains("合计（表外栏）（万元）"), "{csv}");
}

/// A 决算's tables are headed as a 决算 prints them: 合计 and 决算数 where a
/// budget's say 预算数小计 and 预算数 (as its findings name them).
#[test]
fn a_final_accounts_table_is_headed_as_a_final_accounts_table() {
    let mut d = fixture();
    let budget = render::text(&d.view(TableKind::GeneralBudgetExpenditure).expect("view"));
    assert!(budget.contains("预算数小计"), "{budget}");
    d.kind = DocumentKind::UnitFinalAccounts;
    let view = d.view(TableKind::GeneralBudgetExpenditure).expect("view");
    assert!(view.final_accounts);
    let text = render::text(&view);
    assert!(!text.contains("预算数小计"), "{text}");
    assert!(text.contains("合计"), "{text}");
}
