//! The narrative cases of `fixtures/cases/` (f01, f07, f20, b2): what the
//! importer reads from each, and what the reconciliation concludes. The
//! expected values were worked out by hand from the documents
//! (`fixtures/cases/README.md`).

use yusuan_import::import_text;
use yusuan_money::{Percent, Wan};
use yusuan_reconcile::{reconcile, Report, Rule, Severity};
use yusuan_tables::{Claim, ClaimKind, Column, Direction, Disclosure};

macro_rules! case {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/cases/",
            $name
        ))
    };
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn read(text: &str) -> (Disclosure, Report) {
    let d = import_text(text).unwrap().disclosure;
    let r = reconcile(&d);
    (d, r)
}

fn narrative_errors(r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.rule.id().starts_with('N') && f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule.id(), f.message))
        .collect()
}

fn subjects(d: &Disclosure) -> Vec<String> {
    let mut out = Vec::new();
    for c in &d.narrative {
        out.push(c.kind.subject().to_owned());
        if let ClaimKind::Total { parts, .. } = &c.kind {
            out.extend(parts.iter().map(|p| p.subject.clone()));
        }
    }
    out
}

fn change_of(c: &Claim) -> Option<(Option<Wan>, Direction, Option<Wan>, Option<Percent>)> {
    match &c.kind {
        ClaimKind::Change {
            amount,
            direction,
            change,
            rate,
            ..
        } => Some((*amount, *direction, *change, *rate)),
        _ => None,
    }
}

#[test]
fn f01_a_variant_spelling_of_the_vehicle_item_and_a_comparison_clause() {
    let (d, r) = read(case!("f01_gongwuche_alias.txt"));
    // 公务车购置及运行费 is 公务用车购置及运行费: the 小计 column, not the 合计.
    let vehicles = d
        .narrative
        .iter()
        .find(|c| c.kind.subject() == "公务车购置及运行费")
        .expect("the vehicle sentence is read");
    assert_eq!(
        vehicles.refers_to.map(|c| c.column),
        Some(Column::Vehicles),
        "{vehicles:?}"
    );
    // "与2024年预算一致0万元" is a comparison (no change), not a part.
    assert!(
        subjects(&d).iter().all(|s| !s.contains("一致")),
        "{:?}",
        subjects(&d)
    );
    let flat: Vec<_> = d
        .narrative
        .iter()
        .filter(|c| c.sentence.contains("一致"))
        .filter_map(change_of)
        .filter(|(_, dir, change, _)| *dir == Direction::Flat && *change == Some(w("0")))
        .collect();
    assert_eq!(flat.len(), 2, "{:#?}", d.narrative);
    assert_eq!(narrative_errors(&r), Vec::<String>::new());
    assert!(r.outcome(Rule::NarrativeAmount).unwrap().checks >= 4);
}

#[test]
fn f07_an_aside_in_parentheses_and_an_increase_to_zero() {
    let (d, r) = read(case!("f07_paren_change_clause.txt"));
    // The parenthesis is dropped: 1421.25 is the change of 财政拨款收入.
    assert!(
        subjects(&d).iter().all(|s| !s.contains("下同")),
        "{:?}",
        subjects(&d)
    );
    let income = d
        .narrative
        .iter()
        .find(|c| c.kind.subject() == "财政拨款收入")
        .and_then(change_of)
        .expect("the income change is read");
    assert_eq!(
        income,
        (Some(w("16497.86")), Direction::Increase, Some(w("1421.25")), None)
    );
    // "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元": the prior
    // amount would be 0 − 1421.25 < 0.
    let errors = narrative_errors(&r);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("N313"), "{errors:?}");
    assert!(errors[0].contains("政府性基金拨款支出预算"), "{errors:?}");
    assert!(errors[0].contains("1,421.25"), "{errors:?}");
    // The other increases (16497.86 after +1421.25) are consistent.
    assert_eq!(r.outcome(Rule::NarrativeNegativePrior).unwrap().checks, 4);
}

#[test]
fn f20_procurement_parts_in_the_next_sentence_and_letter_spaced() {
    let text = case!("f20_procurement_wording.txt");
    let second = text.find("    十二、政府采购支出预算情况说明").unwrap();
    // 2017: the split is in the sentence after the total.
    let (d, r) = read(&text[..second]);
    let p = d.procurement.expect("procurement read");
    assert_eq!(p.total, Some(w("3742.4")));
    assert_eq!(p.goods, Some(w("525.4")));
    assert_eq!(p.works, Some(w("500")));
    assert_eq!(p.services, Some(w("2717")));
    assert_eq!(r.findings_for(Rule::ProcurementTotal).count(), 0);
    assert_eq!(r.outcome(Rule::ProcurementTotal).unwrap().checks, 1);
    // 2018: "拟 采 购 货 物 支 出 268 万元" letter-spaced.
    let header = &text[..text.find("     十二、").unwrap()];
    let (d, r) = read(&format!("{header}{}", &text[second..]));
    let p = d.procurement.expect("procurement read");
    assert_eq!(p.total, Some(w("3096.24")));
    assert_eq!(p.goods, Some(w("268")));
    assert_eq!(p.works, None);
    assert_eq!(p.services, Some(w("2828.24")));
    assert_eq!(r.findings_for(Rule::ProcurementTotal).count(), 0);
    assert_eq!(r.outcome(Rule::ProcurementTotal).unwrap().checks, 1);
}

#[test]
fn b2_a_rate_over_a_zero_base_and_an_increase_to_zero_are_errors() {
    let (_, r) = read(case!("b2_zero_base.txt"));
    let zero: Vec<_> = r.findings_for(Rule::NarrativeZeroBase).collect();
    // "三公"经费 0.30 and 公务接待费 0.30, each "增加0.30万元，增长100%".
    assert_eq!(zero.len(), 2, "{zero:#?}");
    assert!(zero.iter().all(|f| f.severity == Severity::Error));
    assert!(zero[1].message.contains("公务接待费"));
    let negative: Vec<_> = r.findings_for(Rule::NarrativeNegativePrior).collect();
    assert_eq!(negative.len(), 1, "{negative:#?}");
    assert_eq!(negative[0].severity, Severity::Error);
    assert!(negative[0].message.contains("14.25"));
    assert_eq!(narrative_errors(&r).len(), 3);
}
