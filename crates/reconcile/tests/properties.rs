//! Property tests of the arithmetic judgements.

use proptest::prelude::*;
use yusuan_money::{Decimal, Percent, Wan};
use yusuan_reconcile::percent::{judge_growth, judge_share, PercentAgreement};
use yusuan_reconcile::tolerance::{Agreement, Rounding};

fn cents(c: i64) -> Wan {
    Wan::new(Decimal::new(c, 2))
}

proptest! {
    /// A total printed as the exact sum of its parts passes; k hundredths off
    /// is a warning while k × 0.01 ≤ n × 0.005, an error beyond.
    #[test]
    fn sum_tolerance_is_n_half_units(
        parts in prop::collection::vec(0i64..100_000_000, 1..12),
        k in 1i64..20,
        negative in any::<bool>(),
    ) {
        let ws: Vec<Wan> = parts.iter().map(|&c| cents(c)).collect();
        let sum: i64 = parts.iter().sum();
        let exact = Rounding::WAN.judge_sum(cents(sum), &ws).unwrap();
        prop_assert_eq!(exact.agreement, Agreement::Exact);
        let off = if negative { sum - k } else { sum + k };
        let j = Rounding::WAN.judge_sum(cents(off), &ws).unwrap();
        // k hundredths within n × half a hundredth ⇔ 2k ≤ n
        let within = 2 * k as usize <= ws.len();
        prop_assert_eq!(j.agreement, if within { Agreement::Rounding } else { Agreement::Mismatch });
        prop_assert_eq!(j.difference.abs(), cents(k));
    }

    /// A share printed as computed (四舍五入) passes; the growth rate too.
    #[test]
    fn recomputed_percentages_pass(part in 1i64..10_000_000, rest in 0i64..10_000_000, old in 1i64..10_000_000) {
        let whole = cents(part + rest);
        let p = Percent::share(cents(part), whole).unwrap();
        prop_assert_eq!(judge_share(Rounding::WAN, cents(part), whole, p).unwrap().agreement, PercentAgreement::Exact);
        let g = Percent::growth(cents(part), cents(old)).unwrap();
        prop_assert_eq!(judge_growth(Rounding::WAN, cents(part), cents(old), g).unwrap().agreement, PercentAgreement::Exact);
    }

    /// A share off by at least one point is never accepted for amounts above
    /// 100 万元 (the rounding of the amounts moves it far less).
    #[test]
    fn a_point_off_is_an_error(part in 10_000i64..10_000_000, rest in 10_000i64..10_000_000) {
        let whole = cents(part + rest);
        let p = Percent::share(cents(part), whole).unwrap();
        let wrong = Percent::new(p.points() + Decimal::ONE);
        prop_assert_eq!(judge_share(Rounding::WAN, cents(part), whole, wrong).unwrap().agreement, PercentAgreement::Mismatch);
    }
}
