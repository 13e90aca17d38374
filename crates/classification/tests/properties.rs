//! Property tests of [`Code`]: parsing, display and the tree operations.

use proptest::prelude::*;
use yusuan_classification::{Catalog, Code, Level, Scheme};

/// Any valid code, as its plain digit string.
fn valid_code() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!['1', '2', '3', '5']),
        0usize..4,
        prop::collection::vec(0u8..10, 8),
    )
        .prop_map(|(first, level, digits)| {
            let scheme = Scheme::from_leading_digit(first).unwrap();
            let levels = scheme.levels();
            let len = levels[level % levels.len()].digits();
            let mut s = String::from(first);
            s.extend(digits.iter().take(len - 1).map(|d| char::from(b'0' + d)));
            s
        })
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
        .collect()
}

proptest! {
    #[test]
    fn parse_display_round_trips(s in valid_code()) {
        let code = Code::parse(&s).unwrap();
        prop_assert_eq!(code.to_string(), s.clone());
        prop_assert_eq!(code.as_str(), s.as_str());
        prop_assert_eq!(Code::parse(&code.to_string()).unwrap(), code);
        // Split by level, full-width, padded: the same code.
        prop_assert_eq!(Code::parse(&format!("{code:#}")).unwrap(), code);
        prop_assert_eq!(Code::parse(&full_width(&s)).unwrap(), code);
        prop_assert_eq!(Code::parse(&format!("\u{3000} {s}\t")).unwrap(), code);
        let json = serde_json::to_string(&code).unwrap();
        prop_assert_eq!(&json, &format!("\"{s}\""));
        prop_assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        prop_assert_eq!(Code::parse_in(code.scheme(), &s).unwrap(), code);
    }

    #[test]
    fn scheme_and_level_follow_first_digit_and_length(s in valid_code()) {
        let code = Code::parse(&s).unwrap();
        prop_assert_eq!(Some(code.scheme()), Scheme::from_leading_digit(s.chars().next().unwrap()));
        prop_assert_eq!(code.level().digits(), s.len());
        prop_assert!(code.scheme().levels().contains(&code.level()));
    }

    #[test]
    fn parent_is_a_prefix_one_level_up(s in valid_code()) {
        let code = Code::parse(&s).unwrap();
        match code.parent() {
            None => prop_assert_eq!(code.level(), Level::Class),
            Some(parent) => {
                prop_assert_eq!(parent.as_str(), &s[..s.len() - 2]);
                prop_assert_eq!(parent.scheme(), code.scheme());
                prop_assert_eq!(parent.level().depth() + 1, code.level().depth());
                prop_assert!(parent.is_ancestor_of(code));
                prop_assert!(parent < code, "a parent sorts before its children");
            }
        }
        let ancestors: Vec<Code> = code.ancestors().collect();
        prop_assert_eq!(ancestors.len() + 1, code.level().depth());
        for a in &ancestors {
            prop_assert!(a.is_ancestor_of(code));
            prop_assert!(!code.is_ancestor_of(*a));
            prop_assert!(s.starts_with(a.as_str()));
        }
        prop_assert_eq!(code.class().level(), Level::Class);
        prop_assert!(!code.is_ancestor_of(code));
    }

    #[test]
    fn path_has_one_step_per_level(s in valid_code(), year in 2015u16..2030) {
        let code = Code::parse(&s).unwrap();
        let path = Catalog::embedded().path(code, year);
        let steps: Vec<Code> = path.steps().map(|st| st.code).collect();
        let mut expected: Vec<Code> = code.ancestors().collect();
        expected.reverse();
        expected.push(code);
        prop_assert_eq!(steps, expected);
    }

    #[test]
    fn wrong_lengths_are_errors_naming_the_text(s in valid_code(), extra in 0u8..10) {
        let longer = format!("{s}{extra}");
        let err = Code::parse(&longer).unwrap_err();
        prop_assert!(err.to_string().contains(&longer), "{}", err);
    }

    #[test]
    fn any_text_parses_or_errs_without_panicking(s in "\\PC{0,12}") {
        let _ = Code::parse(&s);
    }

    #[test]
    fn digit_strings_parse_iff_scheme_and_length_fit(s in "[0-9]{1,10}") {
        let first = s.chars().next().unwrap();
        let ok = Scheme::from_leading_digit(first)
            .and_then(|scheme| scheme.level_of_len(s.len()))
            .is_some();
        prop_assert_eq!(Code::parse(&s).is_ok(), ok);
    }
}

proptest! {
    #[test]
    fn catalog_order_is_code_order(a in valid_code(), b in valid_code()) {
        // Lookups binary-search a packed key; it must order like the codes.
        let (ca, cb) = (Code::parse(&a).unwrap(), Code::parse(&b).unwrap());
        prop_assert_eq!(ca.cmp(&cb), a.cmp(&b));
        let catalog = Catalog::from_entries([ca, cb].map(|c| {
            yusuan_classification::Entry::new(
                c,
                "x",
                yusuan_classification::YearRange::single(2025),
                yusuan_classification::Provenance::OfficialScheme { edition: "t".into() },
            )
        }));
        prop_assert_eq!(catalog.get(ca, 2025).map(|e| e.code()), Some(ca));
        prop_assert_eq!(catalog.get(cb, 2025).map(|e| e.code()), Some(cb));
    }
}
