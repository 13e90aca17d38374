//! A narrative printed as one very long sentence is read in linear time and
//! memory: the claims keep an excerpt of such a sentence (not a copy of the
//! whole of it each), and the work per claim does not grow with the text.
//!
//! The text is the seed with one sentence of `n` clauses added to its 收入总表
//! section. Each clause, "信息化建设 12.34 万元，比 2024 年执行数增加 1.00 万元，
//! 增长 8.82%，", is consistent on its own: 1.00 / (12.34 − 1.00) = 8.818…%.

use proptest::prelude::*;
use yusuan_import::import_text;
use yusuan_money::Wan;
use yusuan_tables::ClaimKind;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt"
));

/// The last line of the 收入总表 section's first paragraph.
const ANCHOR: &str = "8,633.56 万元，其中：上年结转 324.37 万元，占 3.76%；";

const CLAUSE: &str = "信息化建设 12.34 万元，比 2024 年执行数增加 1.00 万元，增长 8.82%，";

/// The longest sentence a claim may keep, in characters (an excerpt of 400
/// characters and two ellipses; a short sentence is kept whole).
const MAX_KEPT: usize = 402;

fn with_long_sentence(n: usize) -> String {
    assert!(SEED.contains(ANCHOR));
    let mut long = String::with_capacity(CLAUSE.len() * n + 8);
    for _ in 0..n {
        long.push_str(CLAUSE);
    }
    long.push_str("合计。\n");
    SEED.replacen(ANCHOR, &format!("{ANCHOR}\n{long}"), 1)
}

/// The change claims read from the long sentence, and the characters all
/// claims keep as their sentences.
fn read(n: usize) -> (usize, usize, usize) {
    let d = import_text(&with_long_sentence(n)).unwrap().disclosure;
    let twelve = Wan::parse("12.34").unwrap();
    let changes = d
        .narrative
        .iter()
        .filter(|c| matches!(&c.kind, ClaimKind::Change { amount: Some(a), .. } if *a == twelve))
        .count();
    let kept: usize = d.narrative.iter().map(|c| c.sentence.chars().count()).sum();
    let longest = d
        .narrative
        .iter()
        .map(|c| c.sentence.chars().count())
        .max()
        .unwrap_or(0);
    (changes, kept, longest)
}

#[test]
fn a_one_megabyte_sentence_keeps_bounded_excerpts() {
    let n = (1 << 20) / CLAUSE.len() + 1;
    let text = with_long_sentence(n);
    assert!(text.len() > 1 << 20);
    let (changes, kept, longest) = read(n);
    // every clause is read, once
    assert_eq!(changes, n);
    // no claim keeps more than an excerpt: the memory the claims hold is
    // linear in the number of claims (the whole sentence copied into each
    // claim was n × 1 MB)
    assert!(longest <= MAX_KEPT, "{longest}");
    let claims_from_seed_sentences = 40 * 200;
    assert!(kept <= n * MAX_KEPT + claims_from_seed_sentences, "{kept}");
}

#[test]
fn the_long_sentence_is_consistent_and_its_claims_pass() {
    let d = import_text(&with_long_sentence(200)).unwrap().disclosure;
    let report = yusuan_reconcile::reconcile(&d);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == yusuan_reconcile::Severity::Error)
        .map(|f| f.message.clone())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        report
            .outcome(yusuan_reconcile::Rule::NarrativeChangeRate)
            .unwrap()
            .checks,
        200
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    /// Doubling the sentence at most doubles what the claims keep (plus the
    /// seed's own claims): linear, not quadratic.
    #[test]
    fn what_claims_keep_grows_linearly_with_the_sentence(n in 50usize..400) {
        let (c1, k1, _) = read(n);
        let (c2, k2, _) = read(2 * n);
        prop_assert_eq!(c1, n);
        prop_assert_eq!(c2, 2 * n);
        let seed = read(0).1;
        prop_assert!(k2 - seed <= 2 * (k1 - seed) + 2 * MAX_KEPT, "{} {} {}", seed, k1, k2);
    }
}
