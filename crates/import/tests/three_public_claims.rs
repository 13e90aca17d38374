//! The "三公" figures of a 决算 说明 against the "三公" 决算表 (rule N301), end
//! to end on `fixtures/corpus/shanghai/sh-putuo-ghzyj_2024_dept-final.pdf`
//! read with `pdftotext -layout` (the tests pass without reading when
//! pdftotext is missing). Its table prints, for 2024, 预算数 / 决算数: 合计
//! 2.85 / 0.39, 因公出国（境）费 0.00 / 0.00, 公务用车购置及运行维护费 (小计,
//! 购置费, 运行维护费) 0.00 / 0.00, 公务接待费 2.85 / 0.39; its 说明 quotes
//! them in section 七. The document as published agrees; each planted change
//! of one figure is an error against the cell of its period and item.

mod support;

use yusuan_import::import_text;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Report, Severity, Value};
use yusuan_tables::{Basis, CellRef, Column, NumberRef, Period, RowKey, TableKind};

fn ghzyj() -> Option<String> {
    support::corpus_layout_text("shanghai/sh-putuo-ghzyj_2024_dept-final.pdf")
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn report(text: &str) -> Report {
    reconcile(&import_text(text).expect("imports").disclosure)
}

fn cell(basis: Basis, column: Column) -> NumberRef {
    NumberRef::Cell(CellRef::new(
        TableKind::ThreePublicExpenditure,
        RowKey::Period(Period { year: 2024, basis }),
        column,
    ))
}

#[test]
fn the_published_three_public_figures_agree_with_the_table() {
    let Some(text) = ghzyj() else { return };
    let r = report(&text);
    assert!(
        support::three_public_amount_findings(&r).is_empty(),
        "{}",
        r.render_text()
    );
    // the 决算数 of the 说明 are compared: the 合计 and every item
    let d = import_text(&text).unwrap().disclosure;
    let referred: Vec<CellRef> = d
        .narrative
        .iter()
        .flat_map(|c| {
            let mut v: Vec<CellRef> = c.refers_to.into_iter().collect();
            if let yusuan_tables::ClaimKind::Total { parts, .. } = &c.kind {
                v.extend(parts.iter().filter_map(|p| p.refers_to));
            }
            v
        })
        .filter(|c| c.table == TableKind::ThreePublicExpenditure)
        .collect();
    for column in [
        Column::Total,
        Column::OutboundTravel,
        Column::Vehicles,
        Column::VehiclePurchase,
        Column::VehicleOperation,
        Column::Reception,
    ] {
        let want = cell(Basis::FinalAccounts, column);
        assert!(
            referred.iter().any(|c| NumberRef::Cell(*c) == want),
            "{column:?} not referred: {referred:?}"
        );
    }
    // the claim labels keep both quotes of “三公”
    assert!(d
        .narrative
        .iter()
        .all(|c| !c.kind.subject().starts_with("三公”")));
    assert!(d
        .narrative
        .iter()
        .any(|c| c.kind.subject().starts_with("“三公”经费")));
}

#[test]
fn a_changed_three_public_figure_is_an_error_against_its_cell() {
    let Some(text) = ghzyj() else { return };
    // (printed text, changed text, the cell it quotes, its table value)
    let cases = [
        // 七（一）: "支出决算为 0.39 万元" is the 合计's 决算数
        (
            "算为 0.39 万元，完成预算的 13.68%，其中",
            "算为 0.49 万元，完成预算的 13.68%，其中",
            cell(Basis::FinalAccounts, Column::Total),
            "0.39",
        ),
        // "因公出国（境）费决算为 0.00 万元"
        (
            "决算为 0.00 万元，完成预算的 0.00%；公务用车",
            "决算为 0.20 万元，完成预算的 0.00%；公务用车",
            cell(Basis::FinalAccounts, Column::OutboundTravel),
            "0.00",
        ),
        // "公务接待费支出决算为 0.39 万元"
        (
            "出决算为 0.39 万元，完成预算的 13.68%。",
            "出决算为 0.59 万元，完成预算的 13.68%。",
            cell(Basis::FinalAccounts, Column::Reception),
            "0.39",
        ),
        // 七（二）: "公务接待费支出决算 0.39 万元，占 100.00%"
        (
            "算 0.39 万元，占",
            "算 0.59 万元，占",
            cell(Basis::FinalAccounts, Column::Reception),
            "0.39",
        ),
        // "公务用车购置支出为 0.00 万元"
        (
            "公务用车购置支出为 0.00 万元",
            "公务用车购置支出为 0.10 万元",
            cell(Basis::FinalAccounts, Column::VehiclePurchase),
            "0.00",
        ),
        // "公务用车运行维护支出 0.00 万元"
        (
            "公务用车运行维护支出 0.00 万元",
            "公务用车运行维护支出 0.10 万元",
            cell(Basis::FinalAccounts, Column::VehicleOperation),
            "0.00",
        ),
        // "3、公务接待费支出 0.39 万元"
        (
            "公务接待费支出 0.39 万元。",
            "公务接待费支出 0.59 万元。",
            cell(Basis::FinalAccounts, Column::Reception),
            "0.39",
        ),
        // "年初预算为 2.85 万元" is the 合计's 预算数
        (
            "年初预算为 2.85 万元",
            "年初预算为 2.95 万元",
            cell(Basis::Budget, Column::Total),
            "2.85",
        ),
    ];
    for (from, to, at, table_value) in cases {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        let r = report(&text.replacen(from, to, 1));
        let fs = support::three_public_amount_findings(&r);
        let f = fs
            .iter()
            .find(|f| f.cells.iter().any(|c| c.at == at))
            .unwrap_or_else(|| panic!("{to}: no finding at {at:?}\n{}", r.render_text()));
        assert_eq!(f.severity, Severity::Error, "{to}");
        let cell_use = f.cells.iter().find(|c| c.at == at).unwrap();
        assert_eq!(cell_use.value, Some(Value::Amount(w(table_value))), "{to}");
        // nothing else of the table is accused
        assert!(
            fs.iter().all(|f| f
                .cells
                .iter()
                .all(|c| !matches!(c.at, NumberRef::Cell(_)) || c.at == at)),
            "{to}: {}",
            r.render_text()
        );
    }
}
