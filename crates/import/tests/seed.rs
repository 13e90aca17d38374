//! Importing the seed text gives the hand-made fixture, number for number.

use std::collections::BTreeMap;

use yusuan_import::import_text;
use yusuan_tables::Disclosure;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));
const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/data/2025-mohrss-information-center.json"
));

#[test]
fn seed_equals_fixture_in_every_number() {
    let fixture = Disclosure::from_json(FIXTURE).expect("fixture parses");
    let imported = import_text(SEED).expect("seed imports");
    let d = &imported.disclosure;
    let want: BTreeMap<String, String> = fixture
        .cells()
        .into_iter()
        .map(|(at, n)| (fixture.describe(&at), n.to_string()))
        .collect();
    let got: BTreeMap<String, String> = d
        .cells()
        .into_iter()
        .map(|(at, n)| (d.describe(&at), n.to_string()))
        .collect();
    let mut diffs = Vec::new();
    for (k, v) in &want {
        match got.get(k) {
            Some(g) if g == v => {}
            Some(g) => diffs.push(format!("DIFFERENT {k}: fixture {v}, imported {g}")),
            None => diffs.push(format!("MISSING   {k}: fixture {v}")),
        }
    }
    for (k, v) in &got {
        if !want.contains_key(k) {
            diffs.push(format!("EXTRA     {k}: imported {v}"));
        }
    }
    for d in &diffs {
        println!("{d}");
    }
    for w in &imported.warnings {
        println!("warning: {w}");
    }
    assert!(
        diffs.is_empty(),
        "{} differences (printed above)",
        diffs.len()
    );
    assert_eq!(want.len(), got.len());
}

#[test]
fn seed_claims_equal_fixture_claims() {
    let fixture = Disclosure::from_json(FIXTURE).expect("fixture parses");
    let imported = import_text(SEED).expect("seed imports");
    let d = &imported.disclosure;
    for (i, (a, b)) in fixture.narrative.iter().zip(&d.narrative).enumerate() {
        if a != b {
            println!("claim {}:\n  fixture  {a:?}\n  imported {b:?}", i + 1);
        }
    }
    assert_eq!(fixture.narrative, d.narrative);
    assert_eq!(fixture.procurement, d.procurement);
    assert_eq!(fixture.performance_management, d.performance_management);
    assert_eq!(fixture.glossary, d.glossary);
    let (fp, dp) = (
        fixture.profile.clone().unwrap_or_default(),
        d.profile.clone().unwrap_or_default(),
    );
    assert_eq!(fp.duties_preamble, dp.duties_preamble);
    for (a, b) in fp.duties.iter().zip(&dp.duties) {
        assert_eq!(a, b);
    }
    assert_eq!(fp.duties.len(), dp.duties.len());
    assert_eq!(fp.organization, dp.organization);
    assert_eq!(fp.divisions, dp.divisions);
    assert_eq!(fixture.unit.name, d.unit.name);
    assert_eq!(fixture.year, d.year);
    assert_eq!(fixture.kind, d.kind);
}

#[test]
fn checking_the_import_finds_what_checking_the_fixture_finds() {
    let fixture = Disclosure::from_json(FIXTURE).expect("fixture parses");
    let imported = import_text(SEED).expect("seed imports");
    let show = |r: &yusuan_reconcile::Report| -> Vec<String> {
        let mut v: Vec<String> = r
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{:?} {:?} {} | {}",
                    f.severity, f.rule, f.location, f.message
                )
            })
            .collect();
        v.sort();
        v
    };
    let want = show(&yusuan_reconcile::reconcile(&fixture));
    let got = show(&yusuan_reconcile::reconcile(&imported.disclosure));
    for w in &want {
        if !got.contains(w) {
            println!("only for the fixture: {w}");
        }
    }
    for g in &got {
        if !want.contains(g) {
            println!("only for the import:  {g}");
        }
    }
    assert_eq!(want, got);
}

/// The seed's 一般公共预算支出表 row 2080108 prints 9 numbers under 10
/// columns (its 基本支出 is blank): only the tree sums tell which cell is
/// blank, so its cells are recorded as placed by identity, not by position.
/// Rows printing every column are certain.
#[test]
fn cells_placed_by_identity_are_recorded_as_doubtful() {
    use yusuan_tables::{Column, Placement, RowKey};
    let imported = import_text(SEED).expect("seed imports");
    let t5 = imported
        .disclosure
        .tables
        .general_budget_expenditure
        .as_ref()
        .expect("一般公共预算支出表");
    let row = RowKey::Code("2080108".parse().expect("code"));
    assert_eq!(t5.meta.placement(&row, Column::Basic), Placement::Identity);
    assert_eq!(
        t5.meta.placement(&row, Column::Project),
        Placement::Identity
    );
    let full = RowKey::Code("208".parse().expect("code"));
    assert_eq!(t5.meta.placement(&full, Column::Total), Placement::Position);
}
