//! Segmentation: which lines are the profile, each table, the narrative.

use crate::source::{Line, Source};

/// The nine standard tables, recognised by title (not by number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum TableKind {
    /// 收支总表 / 财务收支预算总表
    IncomeExpenditure,
    /// 收入总表 / 收入预算总表
    Income,
    /// 支出总表 / 支出预算总表
    Expenditure,
    /// 财政拨款收支总表 / 财政拨款收支预算总表
    FiscalAppropriation,
    /// 一般公共预算支出表 / 一般公共预算支出功能分类预算表
    GeneralPublic,
    /// 一般公共预算基本支出表 / …基本支出部门预算经济分类预算表
    GeneralPublicBasic,
    /// 政府性基金预算支出表
    GovernmentFund,
    /// 国有资本经营预算支出表
    StateCapital,
    /// "三公"经费支出表 / "三公"经费和机关运行经费预算表
    ThreePublic,
}

impl TableKind {
    /// Recognises a table title (squeezed, normalised). `None` when the
    /// line is not the title of one of the nine tables.
    pub fn from_title(t: &str) -> Option<TableKind> {
        let t = t.trim_end_matches([')', '续', '(']);
        if !t.ends_with('表') {
            return None;
        }
        if t.contains("三公") {
            return Some(TableKind::ThreePublic);
        }
        // not among the nine: 机关运行经费, 政府采购 and 项目支出 tables, and
        // 决算 tables (read as generic tables until typed as 决算)
        if t.contains("机关运行经费")
            || t.contains("政府采购")
            || t.contains("项目支出预算表")
            || t.contains("决算")
        {
            return None;
        }
        if t.contains("财政拨款收支") {
            return Some(TableKind::FiscalAppropriation);
        }
        if t.contains("政府性基金") && t.contains("支出") {
            return Some(TableKind::GovernmentFund);
        }
        if t.contains("国有资本经营") && t.contains("支出") {
            return Some(TableKind::StateCapital);
        }
        if t.contains("一般公共预算") && t.contains("基本支出") {
            return Some(TableKind::GeneralPublicBasic);
        }
        if t.contains("一般公共预算")
            && t.contains("支出")
            && !t.contains("项目支出")
            && !t.contains("三公")
        {
            return Some(TableKind::GeneralPublic);
        }
        if t.ends_with("收支总表") || t.ends_with("收支预算总表") {
            return Some(TableKind::IncomeExpenditure);
        }
        if t.ends_with("收入总表") || t.ends_with("收入预算总表") {
            return Some(TableKind::Income);
        }
        if t.ends_with("支出总表") || t.ends_with("支出预算总表") {
            return Some(TableKind::Expenditure);
        }
        None
    }
}

/// What a part of the document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PartKind {
    /// Cover page and anything before the first heading.
    Front,
    /// 目录.
    Contents,
    /// 单位概况 / 部门概况 / 主要职能 / 机构设置.
    Profile,
    /// One of the nine tables.
    Table(TableKind),
    /// A table whose title is not one of the nine.
    UnknownTable,
    /// 情况说明 / 编制说明 (the narrative about the tables).
    Explanation,
    /// 其他重要事项 / 其他相关情况说明.
    OtherMatters,
    /// 名词解释.
    Glossary,
    /// 附件 heading (the performance tables follow).
    Annex,
    /// One 项目绩效目标表.
    Performance,
    /// A heading this importer does not model (e.g. 项目经费情况说明).
    Unmodelled,
}

/// A contiguous run of lines `[start, end)` (indices into `Source::lines`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub kind: PartKind,
    pub start: usize,
    pub end: usize,
    /// Index of the title or heading line, if any.
    pub title: Option<usize>,
    /// Index of the `单位：万元` line of a table.
    pub unit_line: Option<usize>,
}

/// The amount unit of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmountUnit {
    Wan,
    Yuan,
}

/// Reads a `单位：万元` / `单位：元` line (squeezed). Also `金额单位：万元` and
/// `编制单位：X  单位：元`.
pub(crate) fn unit_of(squeezed: &str) -> Option<AmountUnit> {
    let pos = squeezed.rfind("单位:")?;
    let rest = squeezed.get(pos + "单位:".len()..)?;
    match rest {
        "万元" => Some(AmountUnit::Wan),
        "元" => Some(AmountUnit::Yuan),
        _ => None,
    }
}

/// `单位公开表3`, `部门公开表7`, `表3`: the publisher's table number line.
fn is_table_number_line(sq: &str) -> bool {
    let t = sq.trim_end_matches(|c: char| c.is_ascii_digit());
    t.len() < sq.len() && (t.ends_with("公开表") || t == "表" || t.ends_with("预算表"))
}

fn is_preparer_line(sq: &str) -> bool {
    sq.starts_with("编制单位:") || sq.starts_with("编制部门:") || sq.starts_with("单位名称:")
}

/// A line that looks like a table title: short, ends with 表 (or 表(续)).
pub(crate) fn is_title_like(sq: &str) -> bool {
    let t = sq.trim_end_matches([')', '续', '(']);
    let n = sq.chars().count();
    t.ends_with('表')
        && (4..=48).contains(&n)
        && !sq.starts_with("注")
        && !sq.contains("说明")
        && !sq.contains('…')
        && !is_table_number_line(sq)
        && !is_whole_part_heading(sq)
        && !starts_numbered(sq)
}

/// `2025年度单位预算表`, `第二部分…`: the heading of all tables, not one.
fn is_whole_part_heading(sq: &str) -> bool {
    let body = sq.trim_start_matches(|c: char| c.is_ascii_digit());
    sq.starts_with("第") && sq.contains("部分")
        || matches!(
            body,
            "年度单位预算表" | "年度部门预算表" | "年单位预算表" | "年部门预算表"
        )
        || sq.ends_with("预算公开表")
}

/// `一、`, `(一)`, `1.`, `1、`: a numbered line.
pub(crate) fn starts_numbered(sq: &str) -> bool {
    let cn = "一二三四五六七八九十";
    let mut chars = sq.chars();
    match chars.next() {
        Some('(') => chars
            .next()
            .is_some_and(|c| cn.contains(c) || c.is_ascii_digit()),
        Some(c) if cn.contains(c) => sq.chars().find(|c| !cn.contains(*c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => matches!(
            sq.chars().find(|c| !c.is_ascii_digit()),
            Some('、' | '.' | '．')
        ),
        _ => false,
    }
}

/// Recognises an unnumbered part heading.
fn heading_kind(sq: &str) -> Option<PartKind> {
    let n = sq.chars().count();
    if !(2..=48).contains(&n) {
        return None;
    }
    if sq.ends_with('。') || sq.ends_with(';') || sq.ends_with(',') || sq.ends_with(':') {
        return None;
    }
    if sq == "目录" {
        return Some(PartKind::Contents);
    }
    if starts_numbered(sq) {
        return None;
    }
    let sq = sq
        .strip_prefix("第")
        .and_then(|r| r.split_once("部分").map(|(_, b)| b))
        .unwrap_or(sq);
    if sq.is_empty() {
        return None;
    }
    if sq.ends_with("名词解释") {
        return Some(PartKind::Glossary);
    }
    if sq.ends_with("概况") || sq.ends_with("主要职能") || sq.ends_with("机构设置") {
        return Some(PartKind::Profile);
    }
    if sq.ends_with("其他重要事项")
        || sq.contains("其他相关情况说明")
        || sq.contains("其他重要事项情况说明")
    {
        return Some(PartKind::OtherMatters);
    }
    if sq == "附件" || sq.ends_with("附件") {
        return Some(PartKind::Annex);
    }
    if sq.contains("经费情况说明") || sq.contains("项目情况说明") {
        return Some(PartKind::Unmodelled);
    }
    // 第三部分 …2024 年度部门决算情况: a 决算's narrative part
    if sq.ends_with("情况说明")
        || sq.ends_with("编制说明")
        || (sq.starts_with("关于") && sq.ends_with("说明"))
        || sq.ends_with("决算情况")
    {
        return Some(PartKind::Explanation);
    }
    None
}

/// A table explanation heading, numbered or not: `关于2025年单位收支总表的说明`.
fn is_explanation_heading(sq: &str) -> bool {
    let n = sq.chars().count();
    n <= 48 && sq.contains("关于") && (sq.ends_with("说明") || sq.ends_with("的"))
}

/// Splits the document into parts.
pub(crate) fn segment(src: &Source) -> Vec<Part> {
    let lines = &src.lines;
    let sq: Vec<&str> = lines.iter().map(Line::squeezed).collect();
    let get = |i: usize| sq.get(i).copied().unwrap_or("");

    // 1. tables anchored on their unit lines
    let units: Vec<usize> = (0..lines.len())
        .filter(|&i| unit_of(get(i)).is_some())
        .collect();
    let mut table_parts: Vec<Part> = Vec::new();
    let mut claimed_titles: Vec<usize> = Vec::new();
    // Publishers print titles either above the table (and pdftotext keeps
    // them there) or the extraction moves them after the rows. Which one is
    // decided once, by the first table: is its title right above it?
    let title_before = units.first().is_some_and(|&u| {
        let mut j = u;
        while j > 0 {
            j -= 1;
            let s = get(j);
            if s.is_empty() || is_table_number_line(s) || is_preparer_line(s) {
                continue;
            }
            return is_title_like(s);
        }
        false
    });
    for (k, &u) in units.iter().enumerate() {
        // nearest non-blank line before, skipping table numbers and preparers
        let lower = if k == 0 {
            0
        } else {
            units.get(k - 1).map_or(0, |p| p + 1)
        };
        let mut start = u;
        let mut title = None;
        let mut j = u;
        while j > lower {
            j -= 1;
            let s = get(j);
            if s.is_empty() {
                continue;
            }
            if is_table_number_line(s) || is_preparer_line(s) {
                start = j;
                continue;
            }
            if title_before && is_title_like(s) {
                title = Some(j);
                start = j;
            }
            break;
        }
        if let Some(t) = title {
            claimed_titles.push(t);
        }
        table_parts.push(Part {
            kind: PartKind::UnknownTable,
            start,
            end: lines.len(),
            title,
            unit_line: Some(u),
        });
    }
    // ends: next table's start, or a part heading
    let starts: Vec<usize> = table_parts.iter().map(|p| p.start).collect();
    for (k, p) in table_parts.iter_mut().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(lines.len());
        let from = p.unit_line.unwrap_or(p.start) + 1;
        let mut end = next;
        for i in from..next {
            let s = get(i);
            if heading_kind(s).is_some() || is_explanation_heading(s) {
                end = i;
                break;
            }
        }
        // a title-after table: the title lies in the region
        if p.title.is_none() {
            p.title = (from..end).find(|&i| {
                is_title_like(get(i))
                    && !claimed_titles.contains(&i)
                    && TableKind::from_title(get(i)).is_some()
            });
            if p.title.is_none() {
                p.title =
                    (from..end).find(|&i| is_title_like(get(i)) && !claimed_titles.contains(&i));
            }
        }
        p.end = end;
        if let Some(t) = p.title {
            if let Some(kind) = TableKind::from_title(get(t)) {
                p.kind = PartKind::Table(kind);
            }
        }
    }

    // 2. headed parts outside tables
    let in_table = |i: usize| table_parts.iter().any(|p| p.start <= i && i < p.end);
    let mut parts: Vec<Part> = Vec::new();
    let mut current = Part {
        kind: PartKind::Front,
        start: 0,
        end: 0,
        title: None,
        unit_line: None,
    };
    let mut in_contents = false;
    let mut i = 0;
    while i < lines.len() {
        if let Some(tp) = table_parts.iter().find(|p| p.start == i) {
            current.end = i;
            parts.push(current);
            parts.push(tp.clone());
            i = tp.end.max(i + 1);
            current = Part {
                kind: PartKind::Front,
                start: i,
                end: i,
                title: None,
                unit_line: None,
            };
            // after a table, lines continue the part before the table
            if let Some(prev) = parts
                .iter()
                .rev()
                .find(|p| !matches!(p.kind, PartKind::Table(_) | PartKind::UnknownTable))
            {
                current.kind = prev.kind.clone();
                if current.kind == PartKind::Contents {
                    current.kind = PartKind::Front;
                }
            }
            in_contents = false;
            continue;
        }
        if in_table(i) {
            i += 1;
            continue;
        }
        let s = get(i);
        if s.is_empty() {
            i += 1;
            continue;
        }
        if in_contents {
            let toc_entry = starts_numbered(s) || s.contains('…') || s.contains("...");
            if toc_entry {
                i += 1;
                continue;
            }
            in_contents = false;
        }
        // performance tables are headed by their title, which in raw text may
        // be in the middle: handled in `split_performance`.
        let kind =
            heading_kind(s).or_else(|| is_explanation_heading(s).then_some(PartKind::Explanation));
        // a two-line heading "第一部分 X" + "X概况": the first line opens it
        let kind = match kind {
            Some(k) => Some(k),
            None if s.starts_with('第') && s.contains("部分") && s.chars().count() <= 40 => {
                Some(PartKind::Front)
            }
            None => None,
        };
        if let Some(kind) = kind {
            let numbered_sub = is_explanation_heading(s)
                && matches!(current.kind, PartKind::Explanation | PartKind::OtherMatters);
            let sub_other = kind == PartKind::OtherMatters
                && current.kind == PartKind::Explanation
                && starts_numbered(s);
            let same =
                kind == current.kind && matches!(kind, PartKind::Profile | PartKind::Explanation);
            if !(numbered_sub || sub_other || same) && kind != PartKind::Front {
                current.end = i;
                parts.push(current);
                current = Part {
                    kind: kind.clone(),
                    start: i,
                    end: i,
                    title: Some(i),
                    unit_line: None,
                };
                in_contents = kind == PartKind::Contents;
            } else if kind == PartKind::Front && current.kind != PartKind::Front {
                // "第三部分 …" before its heading line: close the current part here
                current.end = i;
                parts.push(current);
                current = Part {
                    kind: PartKind::Front,
                    start: i,
                    end: i,
                    title: None,
                    unit_line: None,
                };
            }
        }
        i += 1;
    }
    current.end = lines.len();
    parts.push(current);
    parts.retain(|p| p.end > p.start || p.title.is_some());
    split_performance(src, &sq, parts)
}

/// The 项目绩效目标表 region (from a heading or 附件 to the end of the part)
/// split into one part per table: a table starts on the page whose text has
/// its 项目名称 (raw text prints the title in the middle of the table).
fn split_performance(src: &Source, sq: &[&str], parts: Vec<Part>) -> Vec<Part> {
    let mut out = Vec::new();
    for p in parts {
        // a 项目名称 line alone is not a performance table (江苏: "项目名称 金额"
        // heads a 收支预算总表): it needs an indicator or goal line too
        let line_has = |pred: &dyn Fn(&str) -> bool| {
            (p.start..p.end).any(|i| sq.get(i).is_some_and(|s| pred(s)))
        };
        let has_perf = line_has(&|s| s.ends_with("项目绩效目标表"))
            || (line_has(&|s| s.starts_with("项目名称"))
                && line_has(&|s| {
                    s.contains("绩效指标")
                        || s.contains("一级指标")
                        || s.contains("年度总体目标")
                        || s.contains("绩效目标")
                }));
        let eligible = matches!(
            p.kind,
            PartKind::Annex | PartKind::Performance | PartKind::Front | PartKind::Unmodelled
        ) || (has_perf && !matches!(p.kind, PartKind::Table(_)));
        if !eligible || !has_perf {
            out.push(p);
            continue;
        }
        // the pages of the part; a table begins on each page holding a 项目名称
        let mut starts: Vec<usize> = Vec::new();
        let mut page_start = p.start;
        let mut last_page = src.lines.get(p.start).map_or(0, |l| l.page);
        let mut page_has_name = false;
        let mut page_starts: Vec<(usize, bool)> = Vec::new();
        for i in p.start..p.end {
            let pg = src.lines.get(i).map_or(0, |l| l.page);
            if pg != last_page {
                page_starts.push((page_start, page_has_name));
                page_start = i;
                page_has_name = false;
                last_page = pg;
            }
            if sq.get(i).is_some_and(|s| s.starts_with("项目名称")) {
                page_has_name = true;
            }
        }
        page_starts.push((page_start, page_has_name));
        let names: Vec<usize> = (p.start..p.end)
            .filter(|&i| sq.get(i).is_some_and(|s| s.starts_with("项目名称")))
            .collect();
        if page_starts.len() > 1 && page_starts.iter().filter(|(_, h)| *h).count() == names.len() {
            for (s, h) in &page_starts {
                if *h {
                    starts.push(*s);
                }
            }
        } else if names.len() <= 1 {
            // one table: from the first performance line
            let first = (p.start..p.end)
                .find(|&i| {
                    sq.get(i).is_some_and(|s| {
                        s.starts_with("实施单位")
                            || s.ends_with("项目绩效目标表")
                            || s.starts_with("项目名称")
                    })
                })
                .unwrap_or(p.start);
            starts.push(first);
        } else {
            // no page breaks: split at each title line (layout) or name
            let titles: Vec<usize> = (p.start..p.end)
                .filter(|&i| sq.get(i).is_some_and(|s| s.ends_with("项目绩效目标表")))
                .collect();
            starts = if titles.len() == names.len() {
                titles
            } else {
                names
            };
        }
        let first = starts.first().copied().unwrap_or(p.start);
        if first > p.start {
            out.push(Part {
                end: first,
                ..p.clone()
            });
        }
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(p.end);
            out.push(Part {
                kind: PartKind::Performance,
                start: s,
                end: e,
                title: (s..e).find(|&i| sq.get(i).is_some_and(|t| t.ends_with("项目绩效目标表"))),
                unit_line: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        use TableKind::*;
        let cases = [
            ("单位收支总表", IncomeExpenditure),
            ("2025年预算单位财务收支预算总表", IncomeExpenditure),
            ("单位收入总表", Income),
            ("2025年部门收入预算总表", Income),
            ("单位支出总表", Expenditure),
            ("财政拨款收支总表", FiscalAppropriation),
            ("2025年预算单位财政拨款收支预算总表", FiscalAppropriation),
            ("一般公共预算支出表", GeneralPublic),
            (
                "2025年预算单位一般公共预算支出功能分类预算表",
                GeneralPublic,
            ),
            ("一般公共预算基本支出表", GeneralPublicBasic),
            (
                "2025年预算单位一般公共预算基本支出部门预算经济分类预算表",
                GeneralPublicBasic,
            ),
            ("政府性基金预算支出表", GovernmentFund),
            (
                "2025年预算单位政府性基金预算支出功能分类预算表",
                GovernmentFund,
            ),
            ("国有资本经营预算支出表", StateCapital),
            ("财政拨款预算“三公”经费支出表", ThreePublic),
            ("2025年单位“三公”经费和机关运行经费预算表", ThreePublic),
            ("一般公共预算“三公”经费支出表", ThreePublic),
        ];
        for (t, k) in cases {
            assert_eq!(TableKind::from_title(t), Some(k), "{t}");
        }
        assert_eq!(TableKind::from_title("项目支出表"), None);
        assert_eq!(TableKind::from_title("政府采购预算表"), None);
    }

    #[test]
    fn units() {
        assert_eq!(unit_of("单位:万元"), Some(AmountUnit::Wan));
        assert_eq!(
            unit_of("编制单位:上海市普陀区商务委员会单位:元"),
            Some(AmountUnit::Yuan)
        );
        assert_eq!(unit_of("编制单位:上海市普陀区商务委员会"), None);
        assert_eq!(unit_of("金额单位:万元"), Some(AmountUnit::Wan));
    }

    #[test]
    fn numbered() {
        assert!(starts_numbered("一、主要职责"));
        assert!(starts_numbered("(一)政府采购情况"));
        assert!(starts_numbered("10、提供"));
        assert!(starts_numbered("1.2025年"));
        assert!(!starts_numbered("2025年预算"));
    }
}

#[cfg(test)]
mod corpus_debug {
    use super::*;

    #[test]
    #[ignore]
    fn print_segments() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut files = vec![format!(
            "{dir}/seeds/2025-mohrss-information-center-unit-budget.txt"
        )];
        for e in std::fs::read_dir(format!("{dir}/corpus/putuo")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p.display().to_string());
            }
        }
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let src = Source::new(&text);
            println!("== {f} {:?}", src.format);
            for p in segment(&src) {
                let t = p
                    .title
                    .and_then(|i| src.lines.get(i))
                    .map(|l| l.squeezed())
                    .unwrap_or_default();
                println!(
                    "  {:?} lines {}..{} title={t}",
                    p.kind,
                    src.lines.get(p.start).map_or(0, |l| l.number),
                    src.lines
                        .get(p.end.saturating_sub(1))
                        .map_or(0, |l| l.number)
                );
            }
        }
    }
}

impl TableKind {
    /// The model's kind.
    pub fn model(self) -> yusuan_tables::TableKind {
        use yusuan_tables::TableKind as K;
        match self {
            TableKind::IncomeExpenditure => K::IncomeExpenditureSummary,
            TableKind::Income => K::IncomeSummary,
            TableKind::Expenditure => K::ExpenditureSummary,
            TableKind::FiscalAppropriation => K::FiscalAppropriationSummary,
            TableKind::GeneralPublic => K::GeneralBudgetExpenditure,
            TableKind::GeneralPublicBasic => K::GeneralBudgetBasicExpenditure,
            TableKind::GovernmentFund => K::GovernmentFundExpenditure,
            TableKind::StateCapital => K::StateCapitalExpenditure,
            TableKind::ThreePublic => K::ThreePublicExpenditure,
        }
    }
}

impl AmountUnit {
    /// The model's unit.
    pub fn model(self) -> yusuan_tables::AmountUnit {
        match self {
            AmountUnit::Wan => yusuan_tables::AmountUnit::Wan,
            AmountUnit::Yuan => yusuan_tables::AmountUnit::Yuan,
        }
    }
}
