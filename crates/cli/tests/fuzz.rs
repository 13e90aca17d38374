//! Fuzzing on the stable toolchain: proptest feeds arbitrary and mutated
//! input to the parsers of untrusted input, and every one must return a
//! value or a typed error, never panic (issue 13).
//!
//! - the JSON loader (`Disclosure::load`), and the reconciliation of what
//!   it accepts;
//! - the text importer (`yusuan_import::import_text`) on arbitrary text and
//!   on the seed's text with a slice replaced, and the reconciliation of
//!   what it accepts;
//! - the 指标值 parser (`yusuan_performance::Target::parse`).
//!
//! `cargo test` runs a bounded number of cases (a few seconds in all). The
//! longer run sets `PROPTEST_CASES`, which every target here reads:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release -p yusuan-cli --test fuzz
//! ```
//!
//! Its figures are in the README (Fuzzing).

use proptest::prelude::*;
use yusuan_tables::Disclosure;

const SEED_JSON: &str = include_str!("../../../examples/data/2025-mohrss-information-center.json");
const SEED_TXT: &str =
    include_str!("../../../fixtures/seeds/2025-mohrss-information-center-unit-budget.txt");

/// `PROPTEST_CASES`, or `default` when it is not set.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// `text` with the characters `start..start+len` (clamped, in characters)
/// replaced by `with`.
fn splice(text: &str, start: usize, len: usize, with: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = start % (chars.len() + 1);
    let end = (start + len).min(chars.len());
    let mut out: String = chars[..start].iter().collect();
    out.push_str(with);
    out.extend(&chars[end..]);
    out
}

/// Loads `text`; what loads is reconciled (the engine must not panic on
/// anything the loader accepts).
fn load_and_reconcile(text: &str) {
    if let Ok((d, _)) = Disclosure::load(text) {
        let _ = yusuan_reconcile::reconcile(&d);
    }
}

/// Imports `text`; what imports without an out-of-range value is
/// reconciled (as `yusuan check` does).
fn import_and_reconcile(text: &str) {
    if let Ok(import) = yusuan_import::import_text(text) {
        let issues = import.disclosure.validate();
        let refused = issues.iter().any(|i| i.kind.is_out_of_range())
            || import
                .warnings
                .iter()
                .any(|w| w.kind == yusuan_import::WarningKind::OutOfRange);
        if !refused {
            let _ = yusuan_reconcile::reconcile(&import.disclosure);
        }
    }
}

/// Cases the fuzzer found, kept as plain tests.
#[test]
fn found_by_fuzzing() {
    // An amount with 28 decimals in a table: the importer's rounding
    // tolerance (half the last printed unit) had 29 and panicked.
    import_and_reconcile(&splice(
        SEED_TXT,
        13396,
        99,
        "0.0000000000000000000000000001",
    ));
    // Decimal::MAX in a table row: the column solver's sums overflowed.
    import_and_reconcile(&splice(
        SEED_TXT,
        3141,
        193,
        "79228162514264337593543950335",
    ));
}

/// Numbers a budget never prints, and some it does.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("79228162514264337593543950335".to_owned()),
        Just("-79228162514264337593543950335".to_owned()),
        Just("999999999999.99".to_owned()),
        Just("1000000000000".to_owned()),
        Just("0.0000000000000000000000000001".to_owned()),
        Just("1e308".to_owned()),
        Just("-0".to_owned()),
        "-?[0-9]{1,30}(\\.[0-9]{1,30})?",
    ]
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn json_loader_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_and_reconcile(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_loader_on_a_mutated_seed(
        start in 0usize..40_000,
        len in 0usize..64,
        with in "[\\[\\]{}\":,0-9.eE+\\-a-z\\u{feff}\u{4e00}-\u{4e10} ]{0,16}",
    ) {
        load_and_reconcile(&splice(SEED_JSON, start, len, &with));
    }

    #[test]
    fn json_loader_with_any_amount_in_any_string(
        nth in 0usize..400,
        value in number(),
    ) {
        // Replace the nth string value that looks like an amount.
        let mut seen = 0;
        let mut out = String::with_capacity(SEED_JSON.len());
        for (i, part) in SEED_JSON.split('"').enumerate() {
            if i > 0 {
                out.push('"');
            }
            let is_amount = i % 2 == 1
                && !part.is_empty()
                && part.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
            if is_amount {
                seen += 1;
            }
            if is_amount && seen == nth {
                out.push_str(&value);
            } else {
                out.push_str(part);
            }
        }
        load_and_reconcile(&out);
    }

    #[test]
    fn importer_on_arbitrary_text(text in "(?s).{0,400}") {
        import_and_reconcile(&text);
    }

    #[test]
    fn importer_on_a_mutated_seed(
        start in 0usize..25_000,
        len in 0usize..200,
        with in prop_oneof![
            "[0-9,.\\-%万元（）() \n]{0,24}",
            number(),
            "(?s).{0,24}",
        ],
    ) {
        import_and_reconcile(&splice(SEED_TXT, start, len, &with));
    }

    #[test]
    fn target_parser_on_arbitrary_text(text in "(?s).{0,64}") {
        let _ = yusuan_performance::Target::parse(&text);
    }

    #[test]
    fn target_parser_on_target_like_text(
        op in "(≥|≤|>|<|=|＞|＜|不低于|不高于|大于|小于|约)?",
        value in number(),
        unit in "(%|万元|元|个|台（套）|小时|天|分钟|次|年|[a-z]{0,3}|)",
        tail in "[-~—至到 0-9.%]{0,8}",
    ) {
        let _ = yusuan_performance::Target::parse(&format!("{op}{value}{unit}{tail}"));
    }
}
