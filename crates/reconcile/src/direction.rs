//! Direction words (增加/减少/持平, 增长/下降, 大于/小于/等于) and whether the
//! numbers agree with them.
//!
//! Text is squeezed first ([`yusuan_money::text::squeeze`]): PDF extraction
//! breaks words across lines and letter-spaces them ("小\n于", "持 平"), and
//! a checker that misses such a word reports a false finding.
//!
//! ```
//! use yusuan_money::Wan;
//! use yusuan_reconcile::direction::Direction;
//! use yusuan_reconcile::tolerance::{Agreement, Rounding};
//! let w = |s: &str| Wan::parse(s).unwrap();
//! let d = Direction::find("比 2024 年执行数增\n加 584.00 万元").unwrap();
//! assert_eq!(d, Direction::Increase);
//! assert_eq!(d.judge(Rounding::WAN, w("3430.74"), w("2846.74")), Agreement::Exact);
//! assert_eq!(Direction::find("与 2024 年执行数持　平"), Some(Direction::Flat));
//! assert_eq!(Direction::Flat.judge(Rounding::WAN, w("2961.68"), w("0.30")), Agreement::Mismatch);
//! ```

use serde::{Deserialize, Serialize};
use yusuan_money::Wan;

use crate::tolerance::{Agreement, Rounding};

/// A word that states how one amount compares with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// 增加 / 增长 / 上升 / 提高: new > old.
    Increase,
    /// 减少 / 下降 / 降低: new < old.
    Decrease,
    /// 持平 / 不变 / 无变化: new = old.
    Flat,
    /// 大于 / 高于 / 多于 / 超过: a > b.
    Greater,
    /// 小于 / 低于 / 少于: a < b.
    Less,
    /// 等于 / 相等: a = b.
    Equal,
    /// 不低于 / 不少于 / 不小于: a ≥ b.
    AtLeast,
    /// 不高于 / 不超过 / 不大于 / 不多于: a ≤ b.
    AtMost,
}

/// Words in matching order: longer (negated) forms before the words they
/// contain.
const WORDS: &[(&str, Direction)] = &[
    ("不低于", Direction::AtLeast),
    ("不少于", Direction::AtLeast),
    ("不小于", Direction::AtLeast),
    ("不高于", Direction::AtMost),
    ("不超过", Direction::AtMost),
    ("不大于", Direction::AtMost),
    ("不多于", Direction::AtMost),
    ("没有变化", Direction::Flat),
    ("无变化", Direction::Flat),
    ("不变", Direction::Flat),
    ("持平", Direction::Flat),
    ("增加", Direction::Increase),
    ("增长", Direction::Increase),
    ("上升", Direction::Increase),
    ("提高", Direction::Increase),
    ("减少", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("大于", Direction::Greater),
    ("高于", Direction::Greater),
    ("多于", Direction::Greater),
    ("超过", Direction::Greater),
    ("小于", Direction::Less),
    ("低于", Direction::Less),
    ("少于", Direction::Less),
    ("等于", Direction::Equal),
    ("相等", Direction::Equal),
];

impl Direction {
    /// The Chinese word this direction is usually printed as.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Direction::Increase => "增加",
            Direction::Decrease => "减少",
            Direction::Flat => "持平",
            Direction::Greater => "大于",
            Direction::Less => "小于",
            Direction::Equal => "等于",
            Direction::AtLeast => "不低于",
            Direction::AtMost => "不高于",
        }
    }

    /// The first direction word in `text` (squeezed first, so words broken
    /// across lines or letter-spaced are found), with its position in the
    /// squeezed text.
    pub fn find_with_position(text: &str) -> Option<(Direction, usize)> {
        let squeezed = yusuan_money::text::squeeze(text);
        Direction::find_in_squeezed(&squeezed)
    }

    /// [`Direction::find_with_position`] on text already squeezed.
    pub fn find_in_squeezed(squeezed: &str) -> Option<(Direction, usize)> {
        let mut best: Option<(Direction, usize)> = None;
        for &(word, dir) in WORDS {
            if let Some(pos) = squeezed.find(word) {
                // Earliest wins; at equal positions the earlier (longer) word.
                if best.map_or(true, |(_, b)| pos < b) {
                    best = Some((dir, pos));
                }
            }
        }
        best
    }

    /// The first direction word in `text`, if any.
    pub fn find(text: &str) -> Option<Direction> {
        Direction::find_with_position(text).map(|(d, _)| d)
    }

    /// The direction the numbers show for `a` against `b` (new against old):
    /// [`Direction::Increase`], [`Direction::Decrease`] or [`Direction::Flat`].
    pub fn of_change(a: Wan, b: Wan) -> Direction {
        match a.cmp(&b) {
            std::cmp::Ordering::Greater => Direction::Increase,
            std::cmp::Ordering::Less => Direction::Decrease,
            std::cmp::Ordering::Equal => Direction::Flat,
        }
    }

    /// Whether the word agrees with `a` compared to `b` (new against old for
    /// 增加/减少/持平).
    ///
    /// A strict word (增加, 大于 …) over two equal printed amounts is
    /// [`Agreement::Rounding`]: the unrounded amounts may still differ. An
    /// equality word (持平, 等于) over amounts that differ by no more than the
    /// rounding of two figures is [`Agreement::Rounding`] too. Anything else
    /// that contradicts the word is [`Agreement::Mismatch`].
    pub fn judge(self, rounding: Rounding, a: Wan, b: Wan) -> Agreement {
        self.judge_by(a, b, || rounding.bound(a, &[b, Wan::ZERO]))
    }

    /// [`Direction::judge`] with an explicit rounding `bound` (for two
    /// figures printed in different units: the sum of their
    /// [`Rounding::half_of`]).
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// use yusuan_reconcile::direction::Direction;
    /// use yusuan_reconcile::tolerance::{Agreement, Rounding};
    /// let w = |s: &str| Wan::parse(s).unwrap();
    /// let bound = Wan::new(Rounding::WAN.half_of(w("8633.56")).value() * rust_decimal::Decimal::TWO);
    /// assert_eq!(Direction::Equal.judge_within(w("8633.57"), w("8633.56"), bound), Agreement::Rounding);
    /// assert_eq!(Direction::Equal.judge_within(w("8633.58"), w("8633.56"), bound), Agreement::Mismatch);
    /// ```
    pub fn judge_within(self, a: Wan, b: Wan, bound: Wan) -> Agreement {
        self.judge_by(a, b, || bound)
    }

    /// The judgement, with the bound computed only when the word and the
    /// order of `a` and `b` do not settle it.
    fn judge_by(self, a: Wan, b: Wan, bound: impl FnOnce() -> Wan) -> Agreement {
        use std::cmp::Ordering;
        let order = a.cmp(&b);
        // Whether the two figures are within the rounding bound of each other.
        let within = || a.value().saturating_sub(b.value()).abs() <= bound().value();
        let fuzzy = |within: bool| {
            if within {
                Agreement::Rounding
            } else {
                Agreement::Mismatch
            }
        };
        // A strict word: the wanted order, or equal printed figures (the
        // unrounded ones may still differ).
        let strict = |want: Ordering| {
            if order == want {
                Agreement::Exact
            } else if order == Ordering::Equal {
                Agreement::Rounding
            } else {
                Agreement::Mismatch
            }
        };
        match self {
            Direction::Increase | Direction::Greater => strict(Ordering::Greater),
            Direction::Decrease | Direction::Less => strict(Ordering::Less),
            Direction::Flat | Direction::Equal => {
                if order == Ordering::Equal {
                    Agreement::Exact
                } else {
                    fuzzy(within())
                }
            }
            Direction::AtLeast => {
                if order != Ordering::Less {
                    Agreement::Exact
                } else {
                    fuzzy(within())
                }
            }
            Direction::AtMost => {
                if order != Ordering::Greater {
                    Agreement::Exact
                } else {
                    fuzzy(within())
                }
            }
        }
    }
}

impl From<yusuan_tables::Relation> for Direction {
    /// 大于 / 高于 / 多于 / 超过 → [`Direction::Greater`], 小于 / 低于 / 少于 →
    /// [`Direction::Less`], 等于 / 相等 → [`Direction::Equal`], the 不小于
    /// forms → [`Direction::AtLeast`], the 不大于 forms →
    /// [`Direction::AtMost`].
    fn from(r: yusuan_tables::Relation) -> Direction {
        match r.sign() {
            Some(1) => Direction::Greater,
            Some(-1) => Direction::Less,
            Some(_) => Direction::Equal,
            None if r.allows(std::cmp::Ordering::Less) => Direction::AtMost,
            None => Direction::AtLeast,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }

    #[test]
    fn words_are_found_across_line_breaks_and_spaces() {
        assert_eq!(Direction::find("小\n于"), Some(Direction::Less));
        assert_eq!(Direction::find("增　长 20.51%"), Some(Direction::Increase));
        assert_eq!(Direction::find("下\r\n降"), Some(Direction::Decrease));
        assert_eq!(Direction::find("不 低 于 95%"), Some(Direction::AtLeast));
        assert_eq!(Direction::find("增减额"), None);
        assert_eq!(Direction::find("2025 年预算数为 50.00 万元"), None);
    }

    #[test]
    fn the_first_word_wins() {
        // "比 … 增加 609.38 万元，主要原因是 … 严控一般性支出" — 增加 first.
        assert_eq!(
            Direction::find("比2024年执行数增加609.38万元，主要原因是减少"),
            Some(Direction::Increase)
        );
    }

    #[test]
    fn judging_the_seed_statements() {
        let r = Rounding::WAN;
        // 住房公积金 50.00 与 2024 年执行数 50.00 持平.
        assert_eq!(
            Direction::Flat.judge(r, w("50.00"), w("50.00")),
            Agreement::Exact
        );
        // 增加 over 4,175.52 vs 3,566.14.
        assert_eq!(
            Direction::Increase.judge(r, w("4175.52"), w("3566.14")),
            Agreement::Exact
        );
        assert_eq!(
            Direction::Decrease.judge(r, w("4175.52"), w("3566.14")),
            Agreement::Mismatch
        );
        // 持平 over 50.01 vs 50.00: rounding at most.
        assert_eq!(
            Direction::Flat.judge(r, w("50.01"), w("50.00")),
            Agreement::Rounding
        );
        assert_eq!(
            Direction::Flat.judge(r, w("51.00"), w("50.00")),
            Agreement::Mismatch
        );
        // 增加 over equal printed amounts: cannot be ruled out.
        assert_eq!(
            Direction::Increase.judge(r, w("50.00"), w("50.00")),
            Agreement::Rounding
        );
        assert_eq!(
            Direction::AtMost.judge(r, w("49.00"), w("50.00")),
            Agreement::Exact
        );
        assert_eq!(
            Direction::AtMost.judge(r, w("50.01"), w("50.00")),
            Agreement::Rounding
        );
        assert_eq!(
            Direction::AtLeast.judge(r, w("49.00"), w("50.00")),
            Agreement::Mismatch
        );
    }
}
