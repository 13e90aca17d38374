//! Comparison sentences (大于 / 小于 / 等于 …) are read from the narrative,
//! also when the extracted text breaks or letter-spaces the word, and
//! reconciled: a false one is an error, a true one passes.
//!
//! The text is the seed with two sentences added to its 收支总表 section,
//! whose figures are the seed's: 收入总计 = 支出总计 = 8,633.56, 本年收入合计
//! 8,179.19, 本年支出合计 8,633.56.

use yusuan_import::import_text;
use yusuan_money::Wan;
use yusuan_reconcile::{reconcile, Rule, Severity, Status, Value};
use yusuan_tables::{CellRef, ClaimKind, Column, Line, Relation, RowKey, TableKind};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));

/// The last line of the 收支总表 section's paragraph.
const ANCHOR: &str = "总预算 8,633.56 万元。 \n";

/// True (cells only, the word letter-spaced with U+3000), then false
/// (amounts stated, the word broken across two lines: 8,179.19 is not
/// above 8,633.56).
const ADDED: &str =
    "收入总计等　于支出总计。本年收入合计 8,179.19 万元，大\n\n于本年支出合计 8,633.56 万元。 \n";

fn synthetic() -> String {
    assert!(SEED.contains(ANCHOR));
    SEED.replacen(ANCHOR, &format!("{ANCHOR}{ADDED}"), 1)
}

fn line(l: Line) -> Option<CellRef> {
    Some(CellRef::new(
        TableKind::IncomeExpenditureSummary,
        RowKey::Line(l),
        Column::Total,
    ))
}

#[test]
fn comparisons_are_read_with_their_cells() {
    let imported = import_text(&synthetic()).unwrap();
    let d = &imported.disclosure;
    let comparisons: Vec<_> = d
        .narrative
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Comparison { .. }))
        .collect();
    assert_eq!(comparisons.len(), 2, "{comparisons:#?}");
    let (eq, gt) = (comparisons[0], comparisons[1]);
    assert_eq!(eq.sentence, "收入总计等　于支出总计。");
    assert_eq!(
        eq.kind,
        ClaimKind::Comparison {
            subject: "收入总计".into(),
            amount: None,
            relation: Relation::Equal,
            object: "支出总计".into(),
            object_amount: None,
            object_refers_to: line(Line::ExpenditureTotal),
        }
    );
    assert_eq!(eq.refers_to, line(Line::IncomeTotal));
    assert_eq!(
        gt.sentence,
        "本年收入合计 8,179.19 万元，大于本年支出合计 8,633.56 万元。"
    );
    assert_eq!(
        gt.kind,
        ClaimKind::Comparison {
            subject: "本年收入合计".into(),
            amount: Some(Wan::parse("8179.19").unwrap()),
            relation: Relation::Greater,
            object: "本年支出合计".into(),
            object_amount: Some(Wan::parse("8633.56").unwrap()),
            object_refers_to: line(Line::CurrentYearExpenditure),
        }
    );
    assert_eq!(gt.refers_to, line(Line::CurrentYearIncome));
    // Everything else reads as from the seed itself.
    let seed = import_text(SEED).unwrap().disclosure;
    let others: Vec<_> = d
        .narrative
        .iter()
        .filter(|c| !matches!(c.kind, ClaimKind::Comparison { .. }))
        .cloned()
        .collect();
    assert_eq!(others, seed.narrative);
    assert_eq!(d.tables, seed.tables);
}

#[test]
fn the_false_comparison_is_an_error_the_true_one_passes() {
    let imported = import_text(&synthetic()).unwrap();
    let report = reconcile(&imported.disclosure);
    let o = report.outcome(Rule::NarrativeComparison).unwrap();
    assert_eq!((o.status, o.checks), (Status::Failed, 2), "{o:?}");
    let fs: Vec<_> = report.findings_for(Rule::NarrativeComparison).collect();
    assert_eq!(fs.len(), 1, "{}", report.render_text());
    let f = fs[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.expected, Some(Value::Text("小于".into())));
    assert_eq!(f.actual, Some(Value::Text("大于".into())));
    // 8,179.19 − 8,633.56
    assert_eq!(
        f.difference,
        Some(Value::Amount(Wan::parse("-454.37").unwrap()))
    );
    // No other new finding: the stated amounts equal their cells (N301),
    // and the rest is the seed's report (claims numbered two further on).
    let seed = reconcile(&import_text(SEED).unwrap().disclosure);
    let others = |r: &yusuan_reconcile::Report| -> Vec<String> {
        r.findings
            .iter()
            .filter(|f| f.rule != Rule::NarrativeComparison)
            .map(|f| {
                format!(
                    "{:?} {} {:?} {:?}",
                    f.severity, f.rule, f.expected, f.actual
                )
            })
            .collect()
    };
    assert_eq!(others(&report), others(&seed));
    assert_eq!(report.summary.errors, seed.summary.errors + 1);
    let n301 = report.outcome(Rule::NarrativeAmount).unwrap();
    let seed_n301 = seed.outcome(Rule::NarrativeAmount).unwrap();
    assert_eq!(n301.checks, seed_n301.checks + 2);
}
