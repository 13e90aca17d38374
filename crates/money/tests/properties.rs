//! Property tests of the arithmetic invariants of yusuan-money.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yusuan_money::shares::{allocate, judge_printed_shares};
use yusuan_money::{round_half_away, Percent, Wan};

/// Amounts in 万元 with two decimals, up to 10^12 万元.
fn amount() -> impl Strategy<Value = Wan> {
    (-100_000_000_000_000i64..100_000_000_000_000i64).prop_map(|c| Wan::new(Decimal::new(c, 2)))
}

fn positive_amount() -> impl Strategy<Value = Wan> {
    (1i64..100_000_000_000_000i64).prop_map(|c| Wan::new(Decimal::new(c, 2)))
}

/// Half a unit in the last place of a 2-decimal result.
fn half_ulp() -> Decimal {
    Decimal::new(5, 3)
}

proptest! {
    #[test]
    fn parse_inverts_display(x in amount(), scale in 0u32..6) {
        let mut v = x.value();
        v.rescale(scale.max(v.scale()));
        let x = Wan::new(v);
        prop_assert_eq!(Wan::parse(&x.to_string()).unwrap(), x);
        prop_assert_eq!(Wan::parse(&x.plain()).unwrap(), x);
        let json = serde_json::to_string(&x).unwrap();
        prop_assert_eq!(serde_json::from_str::<Wan>(&json).unwrap(), x);
    }

    #[test]
    fn parse_accepts_full_width(x in amount()) {
        let full: String = x.to_string().chars().map(|c| match c {
            '0'..='9' | ',' | '.' | '-' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            other => other,
        }).collect();
        prop_assert_eq!(Wan::parse(&format!("\u{3000}{full}\u{3000}")).unwrap(), x);
    }

    #[test]
    fn rounding_is_half_away_from_zero(units in -1_000_000i64..1_000_000, tail in 0i64..1000) {
        // value = units.tail (3 decimals); rounding to 2 places.
        let v = Decimal::new(units * 1000 + units.signum() * tail, 5);
        let r = round_half_away(v, 2);
        let diff = (r - v).abs();
        prop_assert!(diff <= Decimal::new(5, 3));
        if diff == Decimal::new(5, 3) {
            // exactly at a midpoint: away from zero
            prop_assert!(r.abs() > v.abs());
        }
    }

    #[test]
    fn share_is_within_half_ulp_of_exact(part in amount(), whole in positive_amount()) {
        let p = Percent::share(part, whole).unwrap().points();
        // |p - part*100/whole| <= 0.005  <=>  |p*whole - part*100| <= 0.005*whole
        let lhs = (p * whole.value() - part.value() * Decimal::ONE_HUNDRED).abs();
        prop_assert!(lhs <= half_ulp() * whole.value());
        prop_assert_eq!(p.scale(), 2);
    }

    #[test]
    fn growth_is_within_half_ulp_of_exact(new in amount(), old in positive_amount()) {
        let g = Percent::growth(new, old).unwrap().points();
        let lhs = (g * old.value() - (new.value() - old.value()) * Decimal::ONE_HUNDRED).abs();
        prop_assert!(lhs <= half_ulp() * old.value());
    }

    #[test]
    fn allocations_sum_to_exactly_100(parts in proptest::collection::vec(positive_amount(), 1..12)) {
        let a = allocate(&parts).unwrap();
        let sum = |v: &[Percent]| v.iter().map(|p| p.points()).sum::<Decimal>();
        prop_assert_eq!(sum(&a.largest_remainder), Decimal::ONE_HUNDRED);
        prop_assert_eq!(sum(&a.last_item_residual), Decimal::ONE_HUNDRED);
        for (lr, exact) in a.largest_remainder.iter().zip(&a.exact) {
            // a largest-remainder share is the floor or the floor + 0.01
            prop_assert!((lr.points() - exact).abs() < Decimal::new(1, 2));
        }
        // printing the rounded shares never produces a mismatch
        let verdicts = judge_printed_shares(&parts, &a.rounded).unwrap();
        prop_assert!(verdicts.iter().all(|v| v.is_consistent()));
        let verdicts = judge_printed_shares(&parts, &a.largest_remainder).unwrap();
        prop_assert!(verdicts.iter().all(|v| v.is_consistent()));
    }

    #[test]
    fn checked_sum_matches_pairwise(a in amount(), b in amount(), c in amount()) {
        let s = Wan::checked_sum([a, b, c]).unwrap();
        prop_assert_eq!(s, a.checked_add(b).unwrap().checked_add(c).unwrap());
        prop_assert_eq!(s.checked_sub(c).unwrap(), a.checked_add(b).unwrap());
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(s in "\\PC{0,20}") {
        let _ = Wan::parse_cell(&s);
        let _ = Percent::parse(&s);
    }
}
