//! The other matters of a disclosure stated in sentences: the 中小企业 part
//! of 政府采购, 机关运行经费 and 国有资产占有 (车辆, large equipment).
//!
//! Each sentence is matched whole, on its normalised text with every
//! whitespace removed (so letter-spaced or line-broken words such as "本部门
//! 面向中小企业预留 政府采购项目预算 金额" read as printed words): every amount
//! (`…万元`) or count (`…辆`, `…台（套）`) of a sentence must be taken by one
//! of the known forms, or nothing of the sentence is read and it is returned
//! as unread, for the importer to warn about. Nothing is half-read or
//! guessed.

use regex::Regex;
use yusuan_money::Wan;
use yusuan_tables::{
    AgencyOperation, AssetHoldings, Claim, ClaimKind, ProcurementField, StatedDate,
    VehicleCategory, VehicleCount,
};

use crate::patterns::pattern as regex;
use crate::prose::Paragraph;

/// A compiled pattern of this module.
type Pattern = fn() -> &'static Regex;

/// An amount in 万元 as printed, squeezed (`1,486.42`).
const NUM: &str = r"([0-9][0-9,]*(?:\.[0-9]+)?)";

// The 中小企业 forms, on squeezed text (full-width punctuation normalised:
// "，" → ",").
regex!(
    sme_reserved,
    &format!(r"面向中小企业预留的?政府采购项目预算(?:金额)?(?:为|是)?{NUM}万元")
);
regex!(
    small_micro_reserved,
    &format!(
        r"(?:面向小微企业预留的?|预留给小型和微型企业的|面向小型和微型企业预留的?)政府采购项目预算(?:金额)?(?:为|是)?{NUM}万元"
    )
);
regex!(
    sme_awarded_reserved,
    &format!(
        r"在面向中小企业预留的?政府采购项目中,?由中小企业供应商中标或成交的?,?采购金额(?:为|是)?{NUM}万元"
    )
);
regex!(
    small_micro_awarded_reserved,
    &format!(
        r"在面向小微企业预留的?政府采购项目中,?由小微企业供应商中标或成交的?,?采购金额(?:为|是)?{NUM}万元"
    )
);
regex!(
    sme_awarded_other,
    &format!(r"在其他政府采购项目中,?由中小企业供应商中标或成交的?,?采购金额(?:为|是)?{NUM}万元")
);
regex!(amount_wan, r"[0-9][0-9,]*(?:\.[0-9]+)?万元");

// 国有资产占有
regex!(
    as_of,
    r"截[至止]([0-9]{4})年(?:([0-9]{1,2})月)?(?:([0-9]{1,2})日)?"
);
// "共有车辆 8 辆，其中：部级领导干部用车 0 辆、…其他用车 1 辆" up to the
// end of the clause, or "车辆 7 辆（一般公务用车 3 辆，…）".
regex!(
    vehicles_held,
    r"(?:共有|有)?车辆([0-9]+)辆(?:,?其中:([^;。]*)|\(([^)]*)\))?"
);
regex!(
    vehicles_planned,
    r"预算安排购置车辆([0-9]+)辆(?:,?其中:([^;。]*))?"
);
regex!(vehicle_item, r"^([^0-9、,]+?)([0-9]+)辆$");
regex!(
    large_equipment,
    r"(购置)?单价100万元?\(含\)以上设备\(不含车辆\)([0-9]+)台\(套\)"
);
regex!(count_unit, r"[0-9]+(?:辆|台\(套\)|台/套)");
regex!(
    no_agency_operation,
    r"无机关运行经费(?:支出)?(?:预算)?[。.]?$"
);

/// A sentence of a paragraph: its printed text, squeezed normalised text and
/// first input line.
struct Sentence {
    printed: String,
    squeezed: String,
    line: Option<usize>,
}

fn sentences(p: &Paragraph) -> Vec<Sentence> {
    let norm: Vec<char> = p.norm.chars().collect();
    p.sentences()
        .into_iter()
        .map(|(s, e)| Sentence {
            printed: p.slice(s, e),
            squeezed: norm
                .get(s..e)
                .unwrap_or_default()
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect(),
            line: p.line_of.get(s).copied(),
        })
        .collect()
}

/// A sentence that could not be read whole: left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unread {
    /// The sentence as printed.
    pub sentence: String,
    /// Its first input line.
    pub line: Option<usize>,
    /// What it is about (政府采购（中小企业）, 机关运行经费, 国有资产占有).
    pub what: &'static str,
}

impl Unread {
    fn of(s: &Sentence, what: &'static str) -> Unread {
        Unread {
            sentence: s.printed.clone(),
            line: s.line,
            what,
        }
    }
}

/// Whether every match of `items` in `text` lies inside one of `spans`.
fn all_taken(text: &str, items: &Regex, spans: &[(usize, usize)]) -> bool {
    items
        .find_iter(text)
        .all(|m| spans.iter().any(|&(s, e)| s <= m.start() && m.end() <= e))
}

fn wan(s: &str) -> Option<Wan> {
    Wan::parse(s).ok()
}

/// The 中小企业 figures of a 政府采购 paragraph.
#[derive(Debug, Default)]
pub(crate) struct SmeReading {
    /// The figures read, by field.
    pub figures: Vec<(ProcurementField, Wan)>,
    /// The sentences they come from, as printed.
    pub sentence: Option<String>,
    /// Sentences on 中小企业 that could not be read whole.
    pub unread: Vec<Unread>,
}

/// Whether a squeezed sentence is about the 中小企业 part of procurement.
pub(crate) fn mentions_sme(squeezed: &str) -> bool {
    squeezed.contains("中小企业")
        || squeezed.contains("小微企业")
        || squeezed.contains("小型和微型")
}

/// The 中小企业 figures of a paragraph on 政府采购: the reserves (面向中小
/// 企业预留…预算金额, 面向小微企业预留 / 预留给小型和微型企业的…预算) and the
/// amounts awarded (由中小企业 / 小微企业供应商中标或成交的采购金额) in the
/// reserved and the other projects. A sentence naming 中小企业 whose every
/// amount is not taken by one of these forms is not read (returned in
/// `unread`); a figure stated twice is read once, a second different value
/// makes its sentence unread.
pub(crate) fn procurement_sme(p: &Paragraph) -> SmeReading {
    let forms: [(ProcurementField, Pattern); 5] = [
        (ProcurementField::SmeAwardedReserved, sme_awarded_reserved),
        (
            ProcurementField::SmallMicroAwardedReserved,
            small_micro_awarded_reserved,
        ),
        (ProcurementField::SmeAwardedOther, sme_awarded_other),
        (ProcurementField::SmeReserved, sme_reserved),
        (ProcurementField::SmallMicroReserved, small_micro_reserved),
    ];
    let mut out = SmeReading::default();
    let mut printed: Vec<String> = Vec::new();
    for s in sentences(p) {
        if !mentions_sme(&s.squeezed) || !s.squeezed.contains("万元") {
            continue;
        }
        let mut found: Vec<(ProcurementField, Wan)> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut whole = true;
        for (field, re) in forms {
            for c in re().captures_iter(&s.squeezed) {
                let (Some(all), Some(n)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                // the awarded forms are tried first: a reserve's words
                // inside one of them are not a reserve
                if spans.iter().any(|&(a, b)| a < all.end() && all.start() < b) {
                    continue;
                }
                let Some(v) = wan(n.as_str()) else {
                    whole = false;
                    continue;
                };
                spans.push((all.start(), all.end()));
                found.push((field, v));
            }
        }
        whole &= !found.is_empty() && all_taken(&s.squeezed, amount_wan(), &spans);
        // a field stated twice with two values is not read
        let stated = out.figures.iter().chain(&found);
        if found
            .iter()
            .any(|(f, v)| stated.clone().any(|(g, w)| g == f && w != v))
        {
            whole = false;
        }
        if !whole {
            out.unread.push(Unread::of(&s, "政府采购（中小企业）"));
            continue;
        }
        for (field, v) in found {
            if !out.figures.iter().any(|(f, _)| *f == field) {
                out.figures.push((field, v));
            }
        }
        printed.push(s.printed);
    }
    if !printed.is_empty() {
        out.sentence = Some(printed.join(""));
    }
    out
}

/// The 机关运行经费 statement of a paragraph, from the narrative claims read
/// from it ([`crate::narrative::claims`]): the first claim whose subject is
/// 机关运行经费 and states its amount ("机关运行经费支出 142.80 万元，比 2023
/// 年度减少 13.52 万元，下降 8.65%", "财政拨款的机关运行经费预算为 171.01
/// 万元"), or a sentence stating there is none ("…无机关运行经费。"). A
/// sentence on 机关运行经费 with an amount from which no such claim was read is
/// returned unread.
pub(crate) fn agency_operation(
    p: &Paragraph,
    claims: &[Claim],
) -> (Vec<AgencyOperation>, Vec<Unread>) {
    let mut found = Vec::new();
    let mut unread = Vec::new();
    let squeeze = yusuan_money::text::squeeze;
    for s in sentences(p) {
        if !s.squeezed.contains("机关运行经费") {
            continue;
        }
        if no_agency_operation().is_match(&s.squeezed) {
            found.push(AgencyOperation {
                sentence: s.printed.clone(),
                none: true,
                ..Default::default()
            });
            continue;
        }
        if !s.squeezed.contains("万元") {
            continue;
        }
        // the claims read from this sentence (a claim's sentence is the
        // printed sentence, or a clause of it)
        let statement = claims
            .iter()
            .filter(|c| {
                let cs = squeeze(&c.sentence);
                !cs.is_empty() && (s.squeezed.contains(&cs) || cs.contains(&s.squeezed))
            })
            .filter(|c| squeeze(c.kind.subject()).contains("机关运行经费"))
            .find_map(|c| match &c.kind {
                ClaimKind::Change {
                    amount: Some(amount),
                    base_year,
                    direction,
                    change,
                    rate_direction,
                    rate,
                    ..
                } => Some(AgencyOperation {
                    sentence: s.printed.clone(),
                    amount: Some(*amount),
                    base_year: *base_year,
                    direction: Some(*direction),
                    change: *change,
                    rate_direction: *rate_direction,
                    rate: *rate,
                    none: false,
                }),
                ClaimKind::Amount { amount, .. } | ClaimKind::Total { amount, .. } => {
                    Some(AgencyOperation {
                        sentence: s.printed.clone(),
                        amount: Some(*amount),
                        ..Default::default()
                    })
                }
                _ => None,
            });
        match statement {
            Some(a) => found.push(a),
            None => unread.push(Unread::of(&s, "机关运行经费")),
        }
    }
    (found, unread)
}

/// A list of vehicle categories ("部级领导干部用车0辆、…、其他用车1辆"), all
/// of it, or `None`.
fn vehicle_items(list: &str) -> Option<Vec<VehicleCategory>> {
    let list = list.trim_end_matches([',', '、']);
    if list.is_empty() {
        return None;
    }
    list.split(['、', ','])
        .map(|item| {
            let c = vehicle_item().captures(item)?;
            Some(VehicleCategory {
                name: c.get(1)?.as_str().to_owned(),
                count: c.get(2)?.as_str().parse().ok()?,
            })
        })
        .collect()
}

/// A vehicle count and its category list as matched (`None` when the list
/// is printed but not read whole).
fn vehicle_count(total: &str, list: Option<&str>) -> Option<VehicleCount> {
    Some(VehicleCount {
        total: total.parse().ok()?,
        categories: match list {
            Some(l) => vehicle_items(l)?,
            None => Vec::new(),
        },
    })
}

/// The 国有资产占有 statement of a paragraph: the date (截至…), the vehicles
/// held with their categories, the equipment of 100 万元 or more a piece
/// (不含车辆), and, in a 预算, the vehicles and equipment its budget plans to
/// buy. A sentence naming 车辆 or 设备 with a count that is not taken whole
/// by these forms is returned unread, and nothing of it is kept.
pub(crate) fn asset_holdings(p: &Paragraph) -> (Option<AssetHoldings>, Vec<Unread>) {
    let mut h = AssetHoldings::default();
    let mut printed: Vec<String> = Vec::new();
    let mut unread = Vec::new();
    let mut any = false;
    for s in sentences(p) {
        let t = &s.squeezed;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut next = h.clone();
        let mut whole = true;
        let mut read = false;
        if let Some(c) = as_of().captures(t) {
            if next.as_of.is_none() {
                next.as_of =
                    c.get(1)
                        .and_then(|y| y.as_str().parse().ok())
                        .map(|year| StatedDate {
                            year,
                            month: c.get(2).and_then(|m| m.as_str().parse().ok()),
                            day: c.get(3).and_then(|d| d.as_str().parse().ok()),
                        });
                read |= next.as_of.is_some();
            }
        }
        for c in vehicles_planned().captures_iter(t) {
            let Some(all) = c.get(0) else { continue };
            spans.push((all.start(), all.end()));
            match c
                .get(1)
                .and_then(|n| vehicle_count(n.as_str(), c.get(2).map(|l| l.as_str())))
            {
                Some(v) if next.planned_vehicles.is_none() => {
                    next.planned_vehicles = Some(v);
                    read = true;
                }
                _ => whole = false,
            }
        }
        for c in vehicles_held().captures_iter(t) {
            let Some(all) = c.get(0) else { continue };
            if spans.iter().any(|&(a, b)| a < all.end() && all.start() < b) {
                continue;
            }
            spans.push((all.start(), all.end()));
            let list = c.get(2).or(c.get(3)).map(|l| l.as_str());
            match c.get(1).and_then(|n| vehicle_count(n.as_str(), list)) {
                Some(v) if next.vehicles.is_none() => {
                    next.vehicles = Some(v);
                    read = true;
                }
                _ => whole = false,
            }
        }
        for c in large_equipment().captures_iter(t) {
            let (Some(all), Some(n)) = (c.get(0), c.get(2)) else {
                continue;
            };
            spans.push((all.start(), all.end()));
            let planned = c.get(1).is_some();
            let slot = if planned {
                &mut next.planned_large_equipment
            } else {
                &mut next.large_equipment
            };
            match n.as_str().parse() {
                Ok(v) if slot.is_none() => {
                    *slot = Some(v);
                    read = true;
                }
                _ => whole = false,
            }
        }
        // every count of vehicles or equipment is taken by a form
        let about = t.contains("车辆") || t.contains("设备");
        if about && !all_taken(t, count_unit(), &spans) {
            whole = false;
        }
        // a count no form takes (placeholders: "共有车辆 XX 辆")
        if about && spans.is_empty() && (t.contains('辆') || t.contains('台')) {
            whole = false;
        }
        if !whole {
            if about || read {
                unread.push(Unread::of(&s, "国有资产占有"));
            }
            continue;
        }
        if read {
            h = next;
            any = true;
            printed.push(s.printed);
        }
    }
    if !any {
        return (None, unread);
    }
    h.sentence = printed.join("");
    (Some(h), unread)
}

/// What the prose parts say of the other matters, collected over the
/// paragraphs: one 机关运行经费 statement, one 国有资产占有 statement, and the
/// sentences left out.
#[derive(Debug, Default)]
pub(crate) struct OtherMatters {
    pub agency_operation: Option<AgencyOperation>,
    pub asset_holdings: Option<AssetHoldings>,
    /// Sentences not read whole, and second statements.
    pub unread: Vec<Unread>,
    /// Statements not kept, with why.
    pub second: Vec<(Unread, &'static str)>,
}

impl OtherMatters {
    /// Keeps the first 机关运行经费 statement; a second one stating other
    /// figures is said to be left out.
    pub fn add_agency_operation(&mut self, a: AgencyOperation) {
        match &self.agency_operation {
            None => self.agency_operation = Some(a),
            Some(first) if first.sentence == a.sentence => {}
            Some(_) => self.second.push((
                Unread {
                    sentence: a.sentence,
                    line: None,
                    what: "机关运行经费",
                },
                "a second 机关运行经费 statement is not read (the first is)",
            )),
        }
    }

    /// Adds the 中小企业 figures of a paragraph to the procurement
    /// statement: a figure already read with another value is said to be
    /// left out.
    pub fn merge_sme(&mut self, p: &mut yusuan_tables::Procurement, sme: SmeReading) {
        let mut conflict = false;
        for (field, v) in sme.figures {
            match p.get(field) {
                None => {
                    p.set(field, Some(v));
                }
                Some(w) if w == v => {}
                Some(_) => conflict = true,
            }
        }
        if let Some(s) = sme.sentence {
            if conflict {
                self.second.push((
                    Unread {
                        sentence: s,
                        line: None,
                        what: "政府采购（中小企业）",
                    },
                    "a second 政府采购 中小企业 statement with other figures is not read (the first is)",
                ));
            } else {
                match &mut p.sme_sentence {
                    Some(t) => t.push_str(&s),
                    None => p.sme_sentence = Some(s),
                }
            }
        }
    }

    /// Adds a paragraph's 国有资产占有 statement: its figures fill what is
    /// not read yet; a figure read with another value leaves the paragraph
    /// out, said.
    pub fn merge_assets(&mut self, h: AssetHoldings) {
        let Some(first) = &mut self.asset_holdings else {
            self.asset_holdings = Some(h);
            return;
        };
        fn fill<T: Clone + PartialEq>(a: &Option<T>, b: &Option<T>) -> Result<Option<T>, ()> {
            match (a, b) {
                (Some(x), Some(y)) if x != y => Err(()),
                (Some(x), _) => Ok(Some(x.clone())),
                (None, y) => Ok(y.clone()),
            }
        }
        let merged = (|| -> Result<AssetHoldings, ()> {
            Ok(AssetHoldings {
                sentence: format!("{}{}", first.sentence, h.sentence),
                as_of: fill(&first.as_of, &h.as_of)?,
                vehicles: fill(&first.vehicles, &h.vehicles)?,
                large_equipment: fill(&first.large_equipment, &h.large_equipment)?,
                planned_vehicles: fill(&first.planned_vehicles, &h.planned_vehicles)?,
                planned_large_equipment: fill(
                    &first.planned_large_equipment,
                    &h.planned_large_equipment,
                )?,
            })
        })();
        match merged {
            Ok(m) => *first = m,
            Err(()) => self.second.push((
                Unread {
                    sentence: h.sentence,
                    line: None,
                    what: "国有资产占有",
                },
                "a second 国有资产占有 statement with other figures is not read (the first is)",
            )),
        }
    }

    /// The import warnings: every sentence left out.
    pub fn warn(&self, warnings: &mut Vec<crate::ImportWarning>) {
        for u in &self.unread {
            warnings.push(crate::ImportWarning {
                kind: crate::WarningKind::UnreadSentence,
                line: u.line,
                table: None,
                message: format!(
                    "a {} sentence in a form not read whole is left out: {}",
                    u.what, u.sentence
                ),
                cells: Vec::new(),
            });
        }
        for (u, why) in &self.second {
            warnings.push(crate::ImportWarning {
                kind: crate::WarningKind::UnreadSentence,
                line: u.line,
                table: None,
                message: format!("{why}: {}", u.sentence),
                cells: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Paragraph {
        let norm = yusuan_money::text::normalize(text);
        Paragraph {
            section: None,
            text: text.to_owned(),
            norm,
            line_of: text.chars().map(|_| 1).collect(),
        }
    }

    fn w(s: &str) -> Wan {
        Wan::parse(s).unwrap()
    }

    #[test]
    fn patterns_compile() {
        for re in [
            sme_reserved(),
            small_micro_reserved(),
            sme_awarded_reserved(),
            small_micro_awarded_reserved(),
            sme_awarded_other(),
            amount_wan(),
            as_of(),
            vehicles_held(),
            vehicles_planned(),
            vehicle_item(),
            large_equipment(),
            count_unit(),
            no_agency_operation(),
        ] {
            assert!(!re.as_str().is_empty());
        }
    }

    #[test]
    fn sme_figures_of_a_final_account_letter_spaced() {
        // shgzb 2024 决算, as extracted (letter-spaced words, line breaks)
        let p = para(
            "2024 年度本部门 面向中小企业预留 政府采购项目预算 金额\n21.07 万元，面向小微企业预留政府采购项目预算金额 21.07 万元。\
             在面向中小企业预留的政府采购项目中，由中小企业供应商中标或\n成交的，采购金额 21.07 万元；在面向小微企业预留政府采购项目\n\
             中，由小微企业供应商中标或成交的，采购金额 21.07 万元；在其\n他政府采购项目中，由中小企业供应商中标或成交的，采购金额\n21.07 万元。",
        );
        let r = procurement_sme(&p);
        assert!(r.unread.is_empty(), "{:?}", r.unread);
        use ProcurementField as F;
        assert_eq!(
            r.figures,
            [
                (F::SmeReserved, w("21.07")),
                (F::SmallMicroReserved, w("21.07")),
                (F::SmeAwardedReserved, w("21.07")),
                (F::SmallMicroAwardedReserved, w("21.07")),
                (F::SmeAwardedOther, w("21.07")),
            ]
        );
    }

    #[test]
    fn sme_reserve_of_a_budget_and_unread_forms() {
        let p = para("2026年本部门面向中小企业预留政府采购项目预算金额1486.42万元，其中，预留给小型和微型企业的政府采购项目预算为1486.42万元。");
        let r = procurement_sme(&p);
        assert_eq!(
            r.figures,
            [
                (ProcurementField::SmeReserved, w("1486.42")),
                (ProcurementField::SmallMicroReserved, w("1486.42")),
            ]
        );
        // a form not known (授予中小企业合同金额…): left out whole, said
        let p = para("本部门面向中小企业预留政府采购项目预算金额100万元，授予中小企业合同金额80万元，占80%。");
        let r = procurement_sme(&p);
        assert!(r.figures.is_empty(), "{:?}", r.figures);
        assert_eq!(r.unread.len(), 1);
        // placeholders: nothing read, said
        let p = para("2024 年度本部门面向中小企业预留政府采购项目预算金额XX 万元。");
        let r = procurement_sme(&p);
        assert!(r.figures.is_empty());
        assert_eq!(r.unread.len(), 1);
    }

    #[test]
    fn vehicles_held_planned_and_equipment() {
        let p = para("截至2025年8月31日，上海市普陀区司法局共有车辆3辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车3辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；单价100万元（含）以上设备（不含车辆）0台（套）。2026年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。");
        let (h, unread) = asset_holdings(&p);
        assert!(unread.is_empty(), "{unread:?}");
        let h = h.unwrap();
        assert_eq!(
            h.as_of,
            Some(StatedDate {
                year: 2025,
                month: Some(8),
                day: Some(31)
            })
        );
        let v = h.vehicles.unwrap();
        assert_eq!(v.total, 3);
        assert_eq!(v.categories.len(), 8);
        assert_eq!(v.categories[4].name, "执法执勤用车");
        assert_eq!(v.categories[4].count, 3);
        assert_eq!(h.large_equipment, Some(0));
        let planned = h.planned_vehicles.unwrap();
        assert_eq!((planned.total, planned.categories.len()), (0, 8));
        assert_eq!(h.planned_large_equipment, Some(0));
    }

    #[test]
    fn vehicles_in_parentheses_and_equipment_of_another_form() {
        // wanlijiedao 2023: 车辆 in parentheses; the 100万 threshold only for
        // 专用设备 (not the standard form): equipment not read
        let p = para("截止2022年12月31日，本部门流动资产448.82万元。固定资产3149.52万元，其中：房屋14609.83平方米；车辆7辆（一般公务用车3辆，执法执勤用车4辆，特种专业技术用车0辆，其他用车0辆）；单价50万元以上通用设备0台/套；专用设备818台/套（其中：单价100万元以上专用设备0台/套）；其他固定资产0万元。");
        let (h, unread) = asset_holdings(&p);
        // the sentence with 车辆 also prints equipment counts no form
        // takes: left out whole, said
        assert_eq!(unread.len(), 1, "{unread:?}");
        let h = h.unwrap();
        assert_eq!(h.as_of.map(|d| d.year), Some(2022));
        assert_eq!(h.vehicles, None);
        assert_eq!(h.large_equipment, None);
    }

    #[test]
    fn a_category_list_not_read_whole_leaves_the_vehicles_out() {
        let p = para("截至2024年12月31日，共有车辆2辆，其中：执法执勤用车1辆、另有一辆待报废。");
        let (h, unread) = asset_holdings(&p);
        assert_eq!(unread.len(), 1);
        assert_eq!(h.and_then(|h| h.vehicles), None);
        let p = para("截至 2024 年 12 月 31 日，XX 部门（单位）共有车辆 XX 辆，其中：部级领导干部用车 XX 辆。");
        let (h, unread) = asset_holdings(&p);
        assert_eq!(unread.len(), 1);
        assert_eq!(h.and_then(|h| h.vehicles), None);
    }

    #[test]
    fn no_agency_operation_statement() {
        let p = para("2024年上海市普陀区社会福利院无机关运行经费。");
        let (found, unread) = agency_operation(&p, &[]);
        assert!(unread.is_empty());
        assert_eq!(found.len(), 1);
        assert!(found[0].none);
        assert_eq!(found[0].amount, None);
        // an amount sentence with no claim read from it is unread
        let p = para("机关运行经费支出 XXX 万元，比 2023 年度增加（减少）XXX万元。");
        let (found, unread) = agency_operation(&p, &[]);
        assert!(found.is_empty());
        assert_eq!(unread.len(), 1);
    }
}
