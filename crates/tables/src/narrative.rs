//! The text parts of a disclosure: narrative claims (情况说明), 政府采购,
//! 绩效目标管理, 名词解释 and 单位概况.

use serde::{Deserialize, Serialize};
use yusuan_money::{Percent, Wan};

use crate::address::CellRef;
use crate::kinds::{terms, Basis};

/// One statement of the narrative (情况说明) that quotes numbers, kept with
/// its sentence.
///
/// ```
/// use yusuan_money::{Percent, Wan};
/// use yusuan_tables::{Claim, ClaimKind};
/// let claim = Claim::new(
///     "其中：上年结转 324.37 万元，占 3.76%",
///     ClaimKind::Share {
///         subject: "上年结转".into(),
///         amount: Wan::parse("324.37")?,
///         percent: Percent::parse("3.76%")?,
///         whole: Some(Wan::parse("8633.56")?),
///         whole_subject: Some("收入预算".into()),
///         whole_refers_to: None,
///     },
/// );
/// assert_eq!(claim.kind.label_zh(), "占比");
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The heading of the section it is in, e.g. `二、关于 2025 年单位收入
    /// 总表的说明`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The sentence as printed (PDF line breaks removed).
    pub sentence: String,
    /// What the sentence states.
    pub kind: ClaimKind,
    /// The table cell the claim's main amount should equal (for a share:
    /// the part; for a change: the budget amount; for a total: the total),
    /// when known. An importer leaves it `None` when unsure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<CellRef>,
}

impl Claim {
    /// A claim with no section and no table reference.
    pub fn new(sentence: impl Into<String>, kind: ClaimKind) -> Claim {
        Claim {
            section: None,
            sentence: sentence.into(),
            kind,
            refers_to: None,
        }
    }

    /// Sets the section heading.
    pub fn in_section(mut self, section: impl Into<String>) -> Claim {
        self.section = Some(section.into());
        self
    }

    /// Sets the table cell the claim refers to.
    pub fn refers_to(mut self, cell: CellRef) -> Claim {
        self.refers_to = Some(cell);
        self
    }
}

/// What a narrative sentence states. JSON: an object with `"type"` naming
/// the variant (`share`, `change`, `total`, `amount`, `no_amount`,
/// `comparison`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ClaimKind {
    /// "X 万元，占 Y%": an amount and its printed share of a whole.
    Share {
        /// What the amount is, as printed (`上年结转`).
        subject: String,
        /// The amount (X).
        amount: Wan,
        /// The printed share (Y).
        percent: Percent,
        /// The whole as stated in the same sentence (`收入预算 8,633.56 万元，
        /// 其中：…`), if stated there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        whole: Option<Wan>,
        /// What the whole is (`收入预算`), if named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        whole_subject: Option<String>,
        /// The table cell holding the whole, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        whole_refers_to: Option<CellRef>,
    },
    /// A comparison with another year: "2025 年预算数为 A 万元，比 2024 年
    /// 执行数增加 B 万元，增长 C%", "与 2024 年执行数持平", "比 2025 年预算
    /// 执行数减少 1.10%".
    Change {
        /// What is compared, as printed (`信息化建设`).
        subject: String,
        /// The amount of the current year, if stated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<Wan>,
        /// The year compared with (2024).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base_year: Option<u16>,
        /// What the comparison figure is (执行数, 预算数).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<Basis>,
        /// The comparison figure, if stated (`2025年当年预算执行数为1690.69万元`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base_amount: Option<Wan>,
        /// The first direction word as printed: 增加 / 减少 / 持平 …
        direction: Direction,
        /// The change amount after the direction word, if printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<Wan>,
        /// A second direction word before the rate (增长 / 下降), if printed;
        /// `None` when the rate follows `direction` directly ("减少1.10%").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rate_direction: Option<Direction>,
        /// The rate, if printed (unsigned, as printed).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rate: Option<Percent>,
    },
    /// A total stated in words, optionally with its parts in the same
    /// sentence ("基本支出 744.78 万元，其中：人员经费 606.93 万元…日常公用
    /// 经费 137.85 万元").
    Total {
        /// What the total is (`收支总预算`).
        subject: String,
        /// The total.
        amount: Wan,
        /// Parts stated with it (not as shares).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parts: Vec<ClaimPart>,
    },
    /// An amount stated for a subject ("社会保障和就业支出 4,420.96 万元").
    Amount {
        /// What the amount is.
        subject: String,
        /// The amount.
        amount: Wan,
    },
    /// A statement that there is no such amount ("没有使用政府性基金预算拨款
    /// 安排的支出").
    NoAmount {
        /// What there is none of.
        subject: String,
    },
    /// A comparison of two amounts by a relation word: "2025 年收入预算
    /// 8,633.56 万元，大于 2024 年收入预算 8,000.00 万元", "本年支出合计等于
    /// 本年收入合计". Either side may state its amount or leave it to a
    /// table cell: the claim's [`Claim::refers_to`] is the subject's cell,
    /// `object_refers_to` the object's.
    ///
    /// ```
    /// use yusuan_money::Wan;
    /// use yusuan_tables::{CellRef, Claim, ClaimKind, Column, Line, Relation, RowKey, TableKind};
    /// let cell = |l| CellRef::new(TableKind::IncomeExpenditureSummary, RowKey::Line(l), Column::Total);
    /// let claim = Claim::new(
    ///     "本年支出合计等于本年收入合计。",
    ///     ClaimKind::Comparison {
    ///         subject: "本年支出合计".into(),
    ///         amount: None,
    ///         relation: Relation::Equal,
    ///         object: "本年收入合计".into(),
    ///         object_amount: None,
    ///         object_refers_to: Some(cell(Line::CurrentYearIncome)),
    ///     },
    /// )
    /// .refers_to(cell(Line::CurrentYearExpenditure));
    /// let json = serde_json::to_string(&claim.kind).unwrap();
    /// assert!(json.starts_with(r#"{"type":"comparison","subject":"本年支出合计","relation":"equal""#), "{json}");
    /// assert_eq!(claim.kind.label_zh(), "比较");
    /// assert!(Relation::Greater.holds(Wan::parse("8633.56")?, Wan::parse("8179.19")?));
    /// # Ok::<(), yusuan_money::MoneyError>(())
    /// ```
    Comparison {
        /// The first side, as printed (`2025 年收入预算`, `本年支出合计`).
        subject: String,
        /// The subject's amount, if stated in the sentence.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<Wan>,
        /// The relation word as printed (大于, 小于, 等于, 不超过 …).
        relation: Relation,
        /// The second side, as printed (`2024 年收入预算`, `本年收入合计`).
        object: String,
        /// The object's amount, if stated in the sentence.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        object_amount: Option<Wan>,
        /// The table cell holding the object's amount, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        object_refers_to: Option<CellRef>,
    },
    /// A completion statement of a 决算 narrative: "年初预算为 A 万元，支出
    /// 决算为 B 万元，完成年初预算的 C%", and the word of "决算数小于预算数"
    /// that often follows it. The claim's fields: [`ClaimField::Amount`] is
    /// B, [`ClaimField::BaseAmount`] is A, [`ClaimField::Percent`] is C.
    ///
    /// [`ClaimField::Amount`]: crate::ClaimField::Amount
    /// [`ClaimField::BaseAmount`]: crate::ClaimField::BaseAmount
    /// [`ClaimField::Percent`]: crate::ClaimField::Percent
    Completion {
        /// What was spent (`一般公共预算财政拨款支出`).
        subject: String,
        /// The budget the rate is of, as printed (`年初预算`, `全年预算`,
        /// `预算`).
        budget_label: String,
        /// The budget (A), if stated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        budget: Option<Wan>,
        /// The final amount (B).
        actual: Wan,
        /// The printed completion rate (C), if printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        percent: Option<Percent>,
        /// The word of "决算数大于（小于、等于）预算数", if printed (同…持平
        /// reads as 等于).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        relation: Option<Relation>,
    },
}

impl ClaimKind {
    /// A Chinese name of the kind of claim: 占比, 增减, 总额, 金额, 无, 比较,
    /// 完成.
    pub const fn label_zh(&self) -> &'static str {
        match self {
            ClaimKind::Share { .. } => "占比",
            ClaimKind::Change { .. } => "增减",
            ClaimKind::Total { .. } => "总额",
            ClaimKind::Amount { .. } => "金额",
            ClaimKind::NoAmount { .. } => "无",
            ClaimKind::Comparison { .. } => "比较",
            ClaimKind::Completion { .. } => "完成",
        }
    }

    /// The subject of the claim.
    pub fn subject(&self) -> &str {
        match self {
            ClaimKind::Share { subject, .. }
            | ClaimKind::Change { subject, .. }
            | ClaimKind::Total { subject, .. }
            | ClaimKind::Amount { subject, .. }
            | ClaimKind::Comparison { subject, .. }
            | ClaimKind::Completion { subject, .. }
            | ClaimKind::NoAmount { subject } => subject,
        }
    }
}

/// A part stated together with a total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimPart {
    /// What the part is (`人员经费`).
    pub subject: String,
    /// The amount.
    pub amount: Wan,
    /// The table cell it should equal, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<CellRef>,
}

terms! {
    /// A direction word of a comparison, as printed.
    pub enum Direction {
        /// 增加.
        Increase = ("increase", "增加"),
        /// 增长.
        Growth = ("growth", "增长"),
        /// 上升.
        Rise = ("rise", "上升"),
        /// 减少.
        Decrease = ("decrease", "减少"),
        /// 下降.
        Decline = ("decline", "下降"),
        /// 降低.
        Reduce = ("reduce", "降低"),
        /// 持平 (no change).
        Flat = ("flat", "持平"),
    }
}

impl Direction {
    /// +1 for a rise, −1 for a fall, 0 for 持平.
    pub const fn sign(self) -> i8 {
        match self {
            Direction::Increase | Direction::Growth | Direction::Rise => 1,
            Direction::Decrease | Direction::Decline | Direction::Reduce => -1,
            Direction::Flat => 0,
        }
    }

    /// The word as printed in Chinese text, recognised (`增加` → Increase).
    pub fn from_zh(word: &str) -> Option<Direction> {
        Direction::ALL
            .iter()
            .copied()
            .find(|d| d.label_zh() == word)
    }
}

terms! {
    /// A relation word comparing two amounts, as printed: 大于 / 高于 / 多于 /
    /// 超过 (a > b), 小于 / 低于 / 少于 (a < b), 等于 / 相等 (a = b), 不小于 /
    /// 不低于 / 不少于 (a ≥ b), 不大于 / 不高于 / 不多于 / 不超过 (a ≤ b).
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use yusuan_money::Wan;
    /// use yusuan_tables::Relation;
    /// let w = |s: &str| Wan::parse(s).unwrap();
    /// assert_eq!(Relation::find("收入预算 8,633.56 万元，大\n于上年"), Some((Relation::Greater, 27)));
    /// assert_eq!(Relation::from_zh("不 超 过"), Some(Relation::NotExceeding));
    /// assert!(Relation::NotExceeding.holds(w("50.00"), w("50.00")));
    /// assert!(!Relation::Less.holds(w("50.00"), w("50.00")));
    /// assert_eq!(Relation::Lower.sign(), Some(-1));
    /// assert_eq!(Relation::NotLower.sign(), None);
    /// assert!(Relation::NotLower.allows(Ordering::Equal));
    /// assert_eq!(Relation::Same.symbol(), "=");
    /// ```
    pub enum Relation {
        /// 大于 (a > b).
        Greater = ("greater", "大于"),
        /// 高于 (a > b).
        Higher = ("higher", "高于"),
        /// 多于 (a > b).
        More = ("more", "多于"),
        /// 超过 (a > b).
        Exceeds = ("exceeds", "超过"),
        /// 小于 (a < b).
        Less = ("less", "小于"),
        /// 低于 (a < b).
        Lower = ("lower", "低于"),
        /// 少于 (a < b).
        Fewer = ("fewer", "少于"),
        /// 等于 (a = b).
        Equal = ("equal", "等于"),
        /// 相等 ("a 与 b 相等", a = b).
        Same = ("same", "相等"),
        /// 不小于 (a ≥ b).
        NotLess = ("not_less", "不小于"),
        /// 不低于 (a ≥ b).
        NotLower = ("not_lower", "不低于"),
        /// 不少于 (a ≥ b).
        NotFewer = ("not_fewer", "不少于"),
        /// 不大于 (a ≤ b).
        NotGreater = ("not_greater", "不大于"),
        /// 不高于 (a ≤ b).
        NotHigher = ("not_higher", "不高于"),
        /// 不多于 (a ≤ b).
        NotMore = ("not_more", "不多于"),
        /// 不超过 (a ≤ b).
        NotExceeding = ("not_exceeding", "不超过"),
    }
}

impl Relation {
    /// The sign the relation requires of `a − b`: +1 (a > b), −1 (a < b),
    /// 0 (a = b); `None` for the non-strict 不小于 / 不大于 forms, which
    /// allow two signs.
    pub const fn sign(self) -> Option<i8> {
        match self {
            Relation::Greater | Relation::Higher | Relation::More | Relation::Exceeds => Some(1),
            Relation::Less | Relation::Lower | Relation::Fewer => Some(-1),
            Relation::Equal | Relation::Same => Some(0),
            _ => None,
        }
    }

    /// The mathematical symbol: `>`, `<`, `=`, `≥`, `≤`.
    pub const fn symbol(self) -> &'static str {
        match self {
            Relation::Greater | Relation::Higher | Relation::More | Relation::Exceeds => ">",
            Relation::Less | Relation::Lower | Relation::Fewer => "<",
            Relation::Equal | Relation::Same => "=",
            Relation::NotLess | Relation::NotLower | Relation::NotFewer => "≥",
            _ => "≤",
        }
    }

    /// Whether `a` compared to `b` giving `ordering` satisfies the relation.
    pub const fn allows(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering as O;
        match self {
            Relation::Greater | Relation::Higher | Relation::More | Relation::Exceeds => {
                matches!(ordering, O::Greater)
            }
            Relation::Less | Relation::Lower | Relation::Fewer => matches!(ordering, O::Less),
            Relation::Equal | Relation::Same => matches!(ordering, O::Equal),
            Relation::NotLess | Relation::NotLower | Relation::NotFewer => {
                !matches!(ordering, O::Less)
            }
            Relation::NotGreater
            | Relation::NotHigher
            | Relation::NotMore
            | Relation::NotExceeding => !matches!(ordering, O::Greater),
        }
    }

    /// Whether `a` and `b` (as printed) satisfy the relation ("a 大于 b").
    pub fn holds(self, a: Wan, b: Wan) -> bool {
        self.allows(a.cmp(&b))
    }

    /// The word as printed, recognised after removing whitespace (PDF
    /// extraction letter-spaces and breaks words: `大\n于` → Greater).
    pub fn from_zh(word: &str) -> Option<Relation> {
        let word = yusuan_money::text::squeeze(word);
        Relation::ALL.iter().copied().find(|r| r.label_zh() == word)
    }

    /// The first relation word of `text`, with its byte position in the
    /// squeezed text ([`yusuan_money::text::squeeze`]: normalised, whitespace removed,
    /// so words broken across lines or letter-spaced are found). A word
    /// negated by a 不 / 未 that is not one of the listed forms (`不等于`,
    /// `未超过`) is not a relation and is passed over.
    pub fn find(text: &str) -> Option<(Relation, usize)> {
        Relation::find_in_squeezed(&yusuan_money::text::squeeze(text))
    }

    /// [`Relation::find`] on text already squeezed.
    pub fn find_in_squeezed(squeezed: &str) -> Option<(Relation, usize)> {
        for (pos, c) in squeezed.char_indices() {
            if !matches!(
                c,
                '大' | '高' | '多' | '超' | '小' | '低' | '少' | '等' | '相' | '不'
            ) {
                continue;
            }
            let rest = squeezed.get(pos..).unwrap_or_default();
            // The 不 forms are listed after the plain ones; try them first.
            let Some(r) = Relation::ALL
                .iter()
                .rev()
                .copied()
                .find(|r| rest.starts_with(r.label_zh()))
            else {
                continue;
            };
            let negated = squeezed
                .get(..pos)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|p| matches!(p, '不' | '未'));
            if !negated {
                return Some((r, pos));
            }
        }
        None
    }
}

/// 政府采购情况: the procurement total and its split, and the part of it
/// for small and medium-sized enterprises (中小企业).
///
/// A 预算 states the procurement budget (政府采购预算) and the part of it
/// reserved for 中小企业 ("面向中小企业预留政府采购项目预算金额 34 万元，其中，
/// 预留给小型和微型企业的政府采购项目预算为 34 万元"); a 决算 states the
/// contracts signed in the year (政府采购金额（以合同签订为准）), the reserves, and
/// what 中小企业 and 小微企业 suppliers won (中标或成交) in the reserved projects
/// and in the other projects. All amounts in 万元.
///
/// ```
/// use yusuan_money::Wan;
/// use yusuan_tables::{Procurement, ProcurementField};
/// let p = Procurement {
///     total: Some(Wan::parse("2319.21")?),
///     sme_reserved: Some(Wan::parse("225.10")?),
///     small_micro_reserved: Some(Wan::parse("164.87")?),
///     ..Default::default()
/// };
/// assert_eq!(p.get(ProcurementField::SmallMicroReserved), Some(Wan::parse("164.87")?));
/// let json = serde_json::to_string(&p).unwrap();
/// assert_eq!(json, r#"{"total":"2319.21","sme_reserved":"225.10","small_micro_reserved":"164.87"}"#);
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// The sentence as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// 政府采购预算总额 (a 预算) or 政府采购金额（以合同签订为准）(a 决算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Wan>,
    /// 政府采购货物预算 (货物采购金额).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<Wan>,
    /// 政府采购工程预算 (工程采购金额).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub works: Option<Wan>,
    /// 政府采购服务预算 (服务采购金额).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Wan>,
    /// The sentences on 中小企业 as printed, when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_sentence: Option<String>,
    /// 面向中小企业预留政府采购项目预算金额: the procurement budget reserved
    /// for small and medium-sized enterprises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_reserved: Option<Wan>,
    /// 面向小微企业预留政府采购项目预算金额 (预留给小型和微型企业的政府采购
    /// 项目预算): the part reserved for small and micro enterprises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_micro_reserved: Option<Wan>,
    /// 在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的采购
    /// 金额: awarded to 中小企业 in the projects reserved for them (a 决算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_awarded_reserved: Option<Wan>,
    /// 在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的采购
    /// 金额: awarded to 小微企业 in the projects reserved for them (a 决算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_micro_awarded_reserved: Option<Wan>,
    /// 在其他政府采购项目中，由中小企业供应商中标或成交的采购金额: awarded to
    /// 中小企业 in the projects not reserved (a 决算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_awarded_other: Option<Wan>,
}

terms! {
    /// A number of the 政府采购 statement.
    pub enum ProcurementField {
        /// 总额.
        Total = ("total", "总额"),
        /// 货物.
        Goods = ("goods", "货物"),
        /// 工程.
        Works = ("works", "工程"),
        /// 服务.
        Services = ("services", "服务"),
        /// 面向中小企业预留 (预算金额).
        SmeReserved = ("sme_reserved", "面向中小企业预留"),
        /// 面向小微企业预留 (预算金额).
        SmallMicroReserved = ("small_micro_reserved", "面向小微企业预留"),
        /// 中小企业预留项目中由中小企业中标或成交.
        SmeAwardedReserved = ("sme_awarded_reserved", "中小企业预留项目中由中小企业中标或成交"),
        /// 小微企业预留项目中由小微企业中标或成交.
        SmallMicroAwardedReserved = ("small_micro_awarded_reserved", "小微企业预留项目中由小微企业中标或成交"),
        /// 其他项目中由中小企业中标或成交.
        SmeAwardedOther = ("sme_awarded_other", "其他项目中由中小企业中标或成交"),
    }
}

impl Procurement {
    /// The field's slot.
    pub(crate) fn slot(&mut self, field: ProcurementField) -> &mut Option<Wan> {
        match field {
            ProcurementField::Total => &mut self.total,
            ProcurementField::Goods => &mut self.goods,
            ProcurementField::Works => &mut self.works,
            ProcurementField::Services => &mut self.services,
            ProcurementField::SmeReserved => &mut self.sme_reserved,
            ProcurementField::SmallMicroReserved => &mut self.small_micro_reserved,
            ProcurementField::SmeAwardedReserved => &mut self.sme_awarded_reserved,
            ProcurementField::SmallMicroAwardedReserved => &mut self.small_micro_awarded_reserved,
            ProcurementField::SmeAwardedOther => &mut self.sme_awarded_other,
        }
    }

    /// The field's value.
    pub fn get(&self, field: ProcurementField) -> Option<Wan> {
        match field {
            ProcurementField::Total => self.total,
            ProcurementField::Goods => self.goods,
            ProcurementField::Works => self.works,
            ProcurementField::Services => self.services,
            ProcurementField::SmeReserved => self.sme_reserved,
            ProcurementField::SmallMicroReserved => self.small_micro_reserved,
            ProcurementField::SmeAwardedReserved => self.sme_awarded_reserved,
            ProcurementField::SmallMicroAwardedReserved => self.small_micro_awarded_reserved,
            ProcurementField::SmeAwardedOther => self.sme_awarded_other,
        }
    }

    /// Sets the field (`None` blanks it) and returns the old value.
    pub fn set(&mut self, field: ProcurementField, value: Option<Wan>) -> Option<Wan> {
        std::mem::replace(self.slot(field), value)
    }

    /// Whether any 中小企业 figure was read.
    pub fn has_sme_figures(&self) -> bool {
        ProcurementField::SME.iter().any(|&f| self.get(f).is_some())
    }
}

impl ProcurementField {
    /// The 中小企业 figures: the two reserves and the three awarded amounts.
    pub const SME: [ProcurementField; 5] = [
        ProcurementField::SmeReserved,
        ProcurementField::SmallMicroReserved,
        ProcurementField::SmeAwardedReserved,
        ProcurementField::SmallMicroAwardedReserved,
        ProcurementField::SmeAwardedOther,
    ];
}

/// 机关运行经费: the statement of the running costs of the administrative
/// organs (行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的
/// 基本支出中的日常公用经费支出), in 万元: "机关运行经费支出 142.80 万元，比
/// 2023 年度减少 13.52 万元，下降 8.65%" (a 决算), "财政拨款的机关运行经费预算为
/// 171.01 万元" (a 预算), or "无机关运行经费" (`none`).
///
/// The change and rate are those of the sentence as printed; the narrative
/// keeps the same sentence as a [`ClaimKind::Change`] claim, which the
/// reconciliation checks.
///
/// ```
/// use yusuan_money::{Percent, Wan};
/// use yusuan_tables::{AgencyOperation, Direction};
/// let a = AgencyOperation {
///     sentence: "机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%。".into(),
///     amount: Some(Wan::parse("142.80")?),
///     base_year: Some(2023),
///     direction: Some(Direction::Decrease),
///     change: Some(Wan::parse("13.52")?),
///     rate_direction: Some(Direction::Decline),
///     rate: Some(Percent::parse("8.65%")?),
///     ..Default::default()
/// };
/// let json = serde_json::to_string(&a).unwrap();
/// assert!(json.contains(r#""amount":"142.80","base_year":2023,"direction":"decrease""#), "{json}");
/// assert!(!json.contains("none"));
/// # Ok::<(), yusuan_money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyOperation {
    /// The sentence as printed.
    pub sentence: String,
    /// The amount (预算数 in a 预算, 支出 in a 决算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Wan>,
    /// "无机关运行经费（支出）": the unit states it has none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub none: bool,
    /// The year compared with ("比 2023 年度").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<u16>,
    /// The direction word of the change (增加 / 减少 / 持平).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The change amount, unsigned as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Wan>,
    /// The direction word before the rate (增长 / 下降), if printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_direction: Option<Direction>,
    /// The rate, unsigned as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Percent>,
}

terms! {
    /// A number of the 机关运行经费 statement.
    pub enum AgencyOperationField {
        /// 金额.
        Amount = ("amount", "金额"),
        /// 增减额.
        Change = ("change", "增减额"),
        /// 增减率.
        Rate = ("rate", "增减率"),
    }
}

/// A date as printed in "截至 2024 年 12 月 31 日" (month and day when
/// printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedDate {
    /// The year.
    pub year: u16,
    /// The month (1–12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl std::fmt::Display for StatedDate {
    /// `2024年12月31日`, as printed without spaces.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年", self.year)?;
        if let Some(m) = self.month {
            write!(f, "{m}月")?;
        }
        if let Some(d) = self.day {
            write!(f, "{d}日")?;
        }
        Ok(())
    }
}

/// A number of vehicles (车辆) with its split by category as printed
/// ("共有车辆 8 辆，其中：部级领导干部用车 0 辆、…、其他用车 1 辆").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleCount {
    /// 车辆 (the total, 辆).
    pub total: u32,
    /// The categories (其中：…), in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<VehicleCategory>,
}

impl VehicleCount {
    /// The sum of the categories (`None` if none are printed or the sum
    /// overflows).
    pub fn categories_sum(&self) -> Option<u64> {
        if self.categories.is_empty() {
            return None;
        }
        self.categories
            .iter()
            .try_fold(0u64, |s, c| s.checked_add(u64::from(c.count)))
    }
}

/// One category of vehicles as printed (部级领导干部用车, 主要领导干部用车,
/// 机要通信用车, 应急保障用车, 执法执勤用车, 特种专业技术用车, 离退休干部用车,
/// 其他用车, 一般公务用车 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleCategory {
    /// The category's name as printed.
    pub name: String,
    /// The number of vehicles (辆).
    pub count: u32,
}

/// 国有资产占有使用情况: the vehicles (车辆) and the equipment of 100万元 or
/// more a piece (单价 100 万元（含）以上设备（不含车辆）) the unit holds at a date
/// ("截至 2024 年 12 月 31 日"), and, in a 预算, those its budget plans to buy
/// ("2025 年单位预算安排购置车辆 0 辆，其中：…").
///
/// ```
/// use yusuan_tables::{AssetHoldings, StatedDate, VehicleCategory, VehicleCount};
/// let a = AssetHoldings {
///     sentence: "截至2024年12月31日，共有车辆2辆，其中：执法执勤用车2辆。".into(),
///     as_of: Some(StatedDate { year: 2024, month: Some(12), day: Some(31) }),
///     vehicles: Some(VehicleCount {
///         total: 2,
///         categories: vec![VehicleCategory { name: "执法执勤用车".into(), count: 2 }],
///     }),
///     ..Default::default()
/// };
/// assert_eq!(a.as_of.unwrap().to_string(), "2024年12月31日");
/// assert_eq!(a.vehicles.as_ref().unwrap().categories_sum(), Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetHoldings {
    /// The sentences as printed.
    pub sentence: String,
    /// The date the holdings are counted at (截至…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<StatedDate>,
    /// 车辆 held, with the categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicles: Option<VehicleCount>,
    /// 单价 100 万元（含）以上设备（不含车辆）, 台（套）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_equipment: Option<u32>,
    /// 预算安排购置车辆: the vehicles the budget plans to buy (a 预算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_vehicles: Option<VehicleCount>,
    /// 预算安排购置单价 100 万元（含）以上设备（不含车辆）, 台（套） (a 预算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_large_equipment: Option<u32>,
}

/// 预算绩效管理情况: the statement that project spending is under 绩效目标
/// 管理, "涉及一般公共预算拨款 3,430.74 万元".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerformanceManagement {
    /// The paragraph as printed.
    pub sentence: String,
    /// The amount covered ("涉及…3,430.74 万元").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Wan>,
    /// What the amount is, as printed (`一般公共预算拨款`, `项目预算资金`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_subject: Option<String>,
    /// The number of projects, if stated ("共19个").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_count: Option<u32>,
    /// Projects named as having a 绩效目标表 in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<String>,
}

/// One 名词解释 entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term, e.g. `一般公共预算拨款收入`.
    pub term: String,
    /// The explanation.
    pub explanation: String,
}

/// 单位概况 (or 部门概况): duties and organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Paragraphs of 主要职责 before the numbered list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties_preamble: Vec<String>,
    /// 主要职责, one entry per numbered item (without its number).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<String>,
    /// 机构设置, the paragraphs as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization: Vec<String>,
    /// The internal divisions (处室, 内设机构) listed in 机构设置.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Column, RowKey, TableKind};

    #[test]
    fn claims_round_trip_and_reject_unknown_fields() {
        let claim = Claim::new(
            "比 2024 年执行数增加 584.00 万元，增长 20.51%。",
            ClaimKind::Change {
                subject: "信息化建设".into(),
                amount: Some(Wan::parse("3430.74").unwrap()),
                base_year: Some(2024),
                base: Some(Basis::Execution),
                base_amount: None,
                direction: Direction::Increase,
                change: Some(Wan::parse("584.00").unwrap()),
                rate_direction: Some(Direction::Growth),
                rate: Some(Percent::parse("20.51%").unwrap()),
            },
        )
        .refers_to(CellRef::new(
            TableKind::GeneralBudgetExpenditure,
            "2080108".parse::<RowKey>().unwrap(),
            Column::Total,
        ));
        let json = serde_json::to_string(&claim).unwrap();
        assert!(
            json.contains(r#""kind":{"type":"change","subject":"信息化建设""#),
            "{json}"
        );
        assert!(json.contains(r#""direction":"increase""#));
        let back: Claim = serde_json::from_str(&json).unwrap();
        assert_eq!(back, claim);
        let typo = json.replace("\"rate\"", "\"rat\"");
        assert!(serde_json::from_str::<Claim>(&typo).is_err());
    }

    #[test]
    fn comparison_claims_round_trip_and_address_their_numbers() {
        let cell = |l| {
            CellRef::new(
                TableKind::IncomeExpenditureSummary,
                RowKey::Line(l),
                Column::Total,
            )
        };
        let claim = Claim::new(
            "本年收入合计 8,179.19 万元，小于本年支出合计 8,633.56 万元。",
            ClaimKind::Comparison {
                subject: "本年收入合计".into(),
                amount: Some(Wan::parse("8179.19").unwrap()),
                relation: Relation::Less,
                object: "本年支出合计".into(),
                object_amount: Some(Wan::parse("8633.56").unwrap()),
                object_refers_to: Some(cell(crate::Line::CurrentYearExpenditure)),
            },
        )
        .refers_to(cell(crate::Line::CurrentYearIncome));
        let json = serde_json::to_string(&claim).unwrap();
        assert!(json.contains(r#""relation":"less""#), "{json}");
        assert!(json.contains(r#""object_amount":"8633.56""#), "{json}");
        let back: Claim = serde_json::from_str(&json).unwrap();
        assert_eq!(back, claim);
        // Optional amounts are left out, unknown fields rejected.
        let bare = r#"{"sentence":"收入总计等于支出总计。","kind":{"type":"comparison","subject":"收入总计","relation":"equal","object":"支出总计"}}"#;
        let c: Claim = serde_json::from_str(bare).unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), bare);
        assert!(serde_json::from_str::<Claim>(&bare.replace("\"object\"", "\"objet\"")).is_err());
        assert!(serde_json::from_str::<Claim>(&bare.replace("equal", "equals")).is_err());

        let mut d = crate::Disclosure::builder("某单位", 2025).build().unwrap();
        d.narrative.push(claim);
        let fields: Vec<_> = d.cells().into_iter().map(|(at, _)| at).collect();
        let object = crate::NumberRef::Narrative {
            claim: 0,
            field: crate::ClaimField::ObjectAmount,
        };
        assert_eq!(
            fields,
            [
                crate::NumberRef::Narrative {
                    claim: 0,
                    field: crate::ClaimField::Amount
                },
                object
            ]
        );
        assert_eq!(
            d.set(&object, Some(Wan::parse("8633.57").unwrap().into()))
                .unwrap(),
            Some(Wan::parse("8633.56").unwrap().into())
        );
        assert_eq!(d.get(&object), Some(Wan::parse("8633.57").unwrap().into()));
        assert_eq!(
            d.describe(&object),
            "情况说明 第1条「本年收入合计」/ 比较对象「本年支出合计」"
        );
        // Optional: can be blanked.
        assert!(d.set(&object, None).is_ok());
        assert_eq!(d.get(&object), None);
        // Dangling object references are reported.
        let issues = d.validate();
        assert!(
            issues.iter().any(|i| i.claim == Some(0)
                && matches!(i.kind, crate::IssueKind::DanglingReference { cell: c, .. } if c == cell(crate::Line::CurrentYearExpenditure))),
            "{issues:?}"
        );
    }

    #[test]
    fn relation_words_and_their_meaning() {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let w = |s: &str| Wan::parse(s).unwrap();
        for r in Relation::ALL {
            // Each word is recognised as itself, also letter-spaced.
            assert_eq!(Relation::from_zh(r.label_zh()), Some(*r));
            let spaced: String = r.label_zh().chars().flat_map(|c| [c, ' ']).collect();
            assert_eq!(Relation::from_zh(&spaced), Some(*r));
            assert_eq!(
                Relation::find(&format!("甲{}乙", r.label_zh())),
                Some((*r, 3))
            );
            // sign and allows agree.
            let allowed: Vec<_> = [Less, Equal, Greater]
                .into_iter()
                .filter(|o| r.allows(*o))
                .collect();
            match r.sign() {
                Some(1) => assert_eq!(allowed, [Greater], "{r}"),
                Some(-1) => assert_eq!(allowed, [Less], "{r}"),
                Some(0) => assert_eq!(allowed, [Equal], "{r}"),
                _ => assert_eq!(allowed.len(), 2, "{r}"),
            }
        }
        assert!(Relation::Exceeds.holds(w("8633.56"), w("8179.19")));
        assert!(!Relation::Exceeds.holds(w("8179.19"), w("8633.56")));
        assert!(Relation::NotLower.holds(w("5.00"), w("5.00")));
        assert!(!Relation::NotHigher.holds(w("5.01"), w("5.00")));
        // Line breaks, ideographic spaces, negated forms, non-words.
        assert_eq!(Relation::find("小\n于"), Some((Relation::Less, 0)));
        assert_eq!(Relation::find("等　于"), Some((Relation::Equal, 0)));
        assert_eq!(
            Relation::find("不超过 12%"),
            Some((Relation::NotExceeding, 0))
        );
        assert_eq!(Relation::find("不 低\n于"), Some((Relation::NotLower, 0)));
        assert_eq!(Relation::find("甲不等于乙"), None);
        assert_eq!(Relation::find("未超过"), None);
        assert_eq!(
            Relation::find("收入总计与支出总计相\n等"),
            Some((Relation::Same, 27))
        );
        assert_eq!(Relation::find("大学、高校"), None);
        assert_eq!(Relation::from_zh("大"), None);
    }

    #[test]
    fn other_matters_round_trip_reject_unknown_fields_and_are_addressed() {
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        let mut d = crate::Disclosure::builder("上海市普陀区规划和自然资源局", 2024)
            .kind(crate::DocumentKind::DepartmentFinalAccounts)
            .procurement(Procurement {
                total: w("2319.21"),
                goods: w("122.43"),
                works: w("1387.72"),
                services: w("809.07"),
                sme_reserved: w("225.10"),
                small_micro_reserved: w("164.87"),
                sme_awarded_reserved: w("225.10"),
                small_micro_awarded_reserved: w("164.87"),
                sme_awarded_other: w("0.00"),
                ..Default::default()
            })
            .agency_operation(AgencyOperation {
                sentence: "机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%。"
                    .into(),
                amount: w("142.80"),
                base_year: Some(2023),
                direction: Some(Direction::Decrease),
                change: w("13.52"),
                rate_direction: Some(Direction::Decline),
                rate: Some(Percent::parse("8.65%").unwrap()),
                ..Default::default()
            })
            .asset_holdings(AssetHoldings {
                sentence: "截至 2024 年 12 月 31 日，…共有车辆 0 辆…".into(),
                as_of: Some(StatedDate {
                    year: 2024,
                    month: Some(12),
                    day: Some(31),
                }),
                vehicles: Some(VehicleCount {
                    total: 0,
                    categories: vec![VehicleCategory {
                        name: "其他用车".into(),
                        count: 0,
                    }],
                }),
                large_equipment: Some(0),
                ..Default::default()
            })
            .build()
            .unwrap();
        let json = d.to_json();
        assert_eq!(crate::Disclosure::from_json(&json).unwrap(), d);
        for (key, typo) in [
            ("\"sme_reserved\"", "\"sme_reserve\""),
            ("\"base_year\"", "\"base_yr\""),
            ("\"large_equipment\"", "\"equipment\""),
            ("\"month\"", "\"mon\""),
            ("\"count\"", "\"n\""),
        ] {
            assert!(json.contains(key), "{key} in {json}");
            assert!(
                crate::Disclosure::from_json(&json.replacen(key, typo, 1)).is_err(),
                "{typo}"
            );
        }
        // `none` is written only when true
        assert!(!json.contains("\"none\""));
        // every figure is addressed: 9 of 政府采购, 3 of 机关运行经费
        let at: Vec<_> = d.cells().into_iter().map(|(at, _)| at).collect();
        assert_eq!(at.len(), 12, "{at:?}");
        let rate = crate::NumberRef::AgencyOperation(AgencyOperationField::Rate);
        assert_eq!(d.describe(&rate), "机关运行经费 / 增减率");
        let old = d
            .set(&rate, Some(Percent::parse("8.66%").unwrap().into()))
            .unwrap();
        assert_eq!(old, Some(Percent::parse("8.65%").unwrap().into()));
        assert!(d.set(&rate, Some(Wan::parse("1").unwrap().into())).is_err());
        let other = crate::NumberRef::Procurement(ProcurementField::SmeAwardedOther);
        assert_eq!(d.get(&other), Some(Wan::parse("0.00").unwrap().into()));
    }

    #[test]
    fn direction_words() {
        assert_eq!(Direction::from_zh("持平"), Some(Direction::Flat));
        assert_eq!(Direction::from_zh("下降").map(Direction::sign), Some(-1));
        assert_eq!(Direction::from_zh("多"), None);
    }
}
