//! The template family, not only the seed: tables numbered and ordered
//! differently, a 一般公共预算支出表 without prior-year columns, a header
//! split one character per line, an explanation right after its table, a
//! "三公" table with two years, several 项目绩效目标表, a 基本支出表 printing
//! 人员经费 and 公用经费 side by side. Expected figures are the ones printed
//! in the test texts.

use yusuan_import::{import_text, WarningKind};
use yusuan_money::Wan;
use yusuan_tables::{Basis, Column, DocumentKind, Period, RowKey, TableKind};

const VARIANT: &str = include_str!("data/variant-dept-budget.txt");
const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));

fn w(s: &str) -> Option<Wan> {
    Some(Wan::parse(s).unwrap())
}

fn code(s: &str) -> RowKey {
    RowKey::Code(s.parse().unwrap())
}

#[test]
fn a_department_budget_of_another_shape() {
    let imp = import_text(VARIANT).unwrap();
    let d = &imp.disclosure;
    assert!(imp.warnings.is_empty(), "{:#?}", imp.warnings);
    assert_eq!(d.unit.name, "示例部门");
    assert_eq!(d.kind, DocumentKind::DepartmentBudget);
    assert_eq!(d.tables.kinds().len(), 9);
    let t = &d.tables;
    let get = |k, r: RowKey, c| t.get(k, &r, c).and_then(|n| n.as_amount());
    // 收入总表 with its header one character per line
    let t2 = t.income_summary.as_ref().unwrap();
    assert_eq!(
        t2.printed_columns(),
        [
            Column::Total,
            Column::PriorYearCarryover,
            Column::GeneralBudget,
            Column::BusinessIncome
        ]
    );
    assert_eq!(
        get(
            TableKind::IncomeSummary,
            RowKey::Total,
            Column::BusinessIncome
        ),
        w("200.00")
    );
    // 一般公共预算支出表 without prior-year columns; blanks placed by the tree
    let t5 = t.general_budget_expenditure.as_ref().unwrap();
    assert_eq!(
        t5.printed_columns(),
        [Column::Total, Column::Basic, Column::Project]
    );
    assert_eq!(
        get(
            TableKind::GeneralBudgetExpenditure,
            code("2050201"),
            Column::Project
        ),
        w("300.00")
    );
    assert_eq!(
        get(
            TableKind::GeneralBudgetExpenditure,
            code("2050201"),
            Column::Basic
        ),
        None
    );
    assert_eq!(
        get(
            TableKind::GeneralBudgetExpenditure,
            code("2050299"),
            Column::Basic
        ),
        w("400.00")
    );
    // tables numbered differently: the "三公" table is 部门公开表7, with two years
    let t9 = t.three_public_expenditure.as_ref().unwrap();
    assert_eq!(t9.meta.number.as_deref(), Some("部门公开表7"));
    let y24 = RowKey::Period(Period {
        year: 2024,
        basis: Basis::Budget,
    });
    let y25 = RowKey::Period(Period {
        year: 2025,
        basis: Basis::Budget,
    });
    assert_eq!(
        get(TableKind::ThreePublicExpenditure, y24, Column::Reception),
        w("3.00")
    );
    assert_eq!(
        get(TableKind::ThreePublicExpenditure, y25, Column::Vehicles),
        w("7.00")
    );
    assert_eq!(
        get(TableKind::ThreePublicExpenditure, y25, Column::Reception),
        None
    );
    // the explanation printed right after its table
    let first = d.narrative.first().unwrap();
    assert_eq!(
        first.section.as_deref(),
        Some("一、关于 2025 年部门收支总表的说明")
    );
    assert_eq!(first.kind.subject(), "收支总预算");
    // several 项目绩效目标表
    assert_eq!(d.performance_tables.len(), 2);
    assert_eq!(d.performance_tables[1].project_name, "乙项目");
    assert_eq!(d.performance_tables[1].funds.carried_over, w("20.00"));
    assert_eq!(d.unit.department_code.as_deref(), Some("999"));
    // and the check finds no error in it
    let report = yusuan_reconcile::reconcile(d);
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == yusuan_reconcile::Severity::Error)
        .map(|f| f.message.clone())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_basic_expenditure_table_side_by_side() {
    let start = SEED.find("单位公开表6").unwrap();
    let end = SEED.find("单位公开表7").unwrap();
    let t6 = "单位公开表6\n\n单位：万元\n\n人员经费 公用经费\n\n科目编码 科目名称 金额 科目编码 科目名称 金额\n\n\
301 工资福利支出 596.13 302 商品和服务支出 137.85\n\n\
30101 基本工资 461.78 30207 邮电费 18.00\n\n\
30102 津贴补贴 80.00 30211 差旅费 29.85\n\n\
30107 绩效工资 4.35 30215 会议费 15.00\n\n\
30113 住房公积金 50.00 30239 其他交通费用 75.00\n\n\
303 对个人和家庭的补助 10.80\n\n\
30302 退休费 10.80\n\n\
人员经费合计 606.93 公用经费合计 137.85\n\n\
一般公共预算基本支出表\n\n";
    let text = format!("{}{}{}", &SEED[..start], t6, &SEED[end..]);
    let imp = import_text(&text).unwrap();
    let t = &imp.disclosure.tables;
    let get = |r: RowKey, c| {
        t.get(TableKind::GeneralBudgetBasicExpenditure, &r, c)
            .and_then(|n| n.as_amount())
    };
    assert_eq!(get(code("30207"), Column::Public), w("18.00"));
    assert_eq!(get(code("30113"), Column::Personnel), w("50.00"));
    assert_eq!(get(code("30302"), Column::Personnel), w("10.80"));
    assert_eq!(get(RowKey::Total, Column::Personnel), w("606.93"));
    assert_eq!(get(RowKey::Total, Column::Public), w("137.85"));
    assert!(imp
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::PlacedByPosition
            && w.table == Some(TableKind::GeneralBudgetBasicExpenditure)));
    // the rest of the seed is read as before
    assert_eq!(t.kinds().len(), 9);
}
