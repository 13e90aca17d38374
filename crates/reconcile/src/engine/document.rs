//! Rules S609–S615: document-level consistency, for 预算 and 决算 alike —
//! the year and the unit of the headings, the tables of the 目录 and of the
//! 决算 template, template text left in, doubled punctuation and empty
//! reasons. They read [`Disclosure::document`](yusuan_tables::Disclosure),
//! the text the importer keeps; without it they are skipped.

use yusuan_money::text::squeeze;
use yusuan_tables::{DocumentKind, DocumentText, HeadingKind, Passage, TableKind};

use super::codes::has_placeholder;
use super::Ctx;
use crate::finding::{Location, Severity, Value};
use crate::rules::Rule;

const RULES: [Rule; 8] = [
    Rule::HeadingYear,
    Rule::HeadingUnit,
    Rule::ContentsTablesPresent,
    Rule::FinalAccountsTablesPresent,
    Rule::TemplateText,
    Rule::DoubledPunctuation,
    Rule::EmptyReason,
    Rule::CopiedItemText,
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let Some(text) = ctx.d.document.as_ref() else {
        for rule in RULES {
            ctx.skip(rule, "没有文档文本（标题、目录、表注），无法检查");
        }
        return;
    };
    let template = is_template(ctx, text);
    years(ctx, text);
    units(ctx, text, template);
    let listed_missing = contents(ctx, text);
    final_tables(ctx, text, &listed_missing);
    template_text(ctx, text, template);
    copied_item_text(ctx, text);
    if template {
        // the template's blanks ("主要原因是。", "。。" around a missing
        // figure) are where a publisher writes
        ctx.skip(Rule::DoubledPunctuation, "空白样张：留空处是样张的内容");
        ctx.skip(Rule::EmptyReason, "空白样张：留空处是样张的内容");
        return;
    }
    punctuation(ctx, text);
    reasons(ctx, text);
}

/// The blank template (公开样张): its cover names a placeholder unit.
fn is_template(ctx: &Ctx<'_>, text: &DocumentText) -> bool {
    text.cover_unit
        .as_deref()
        .is_some_and(|u| has_placeholder(&squeeze(u)))
        || has_placeholder(&squeeze(&ctx.d.unit.name))
}

fn at(place: &str, line: usize) -> Location {
    let l = Location::table(place);
    if line > 0 {
        l.row(format!("第{line}行"))
    } else {
        l
    }
}

fn finding(
    ctx: &mut Ctx<'_>,
    rule: Rule,
    severity: Severity,
    location: Location,
    message: String,
    expected: Option<String>,
    actual: String,
) {
    ctx.note(
        rule,
        severity,
        location,
        message,
        expected.map(Value::Text),
        Some(Value::Text(actual)),
        Some(rule.info().action_zh.to_owned()),
        Vec::new(),
    );
}

// ------------------------------------------------------------------ S609

/// The years `YYYY年` printed in `s` (normalised, squeezed), with the
/// text from each on.
fn years_in(s: &str) -> Vec<(u16, &str)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes.get(i..i + 4).unwrap_or_default();
        let before_digit = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
        if !before_digit
            && digits.iter().all(u8::is_ascii_digit)
            && s.get(i + 4..).is_some_and(|r| r.starts_with('年'))
        {
            let y = digits
                .iter()
                .fold(0u16, |v, d| v * 10 + u16::from(d - b'0'));
            if (1990..=2100).contains(&y) {
                out.push((y, s.get(i..).unwrap_or_default()));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

fn years(ctx: &mut Ctx<'_>, text: &DocumentText) {
    let year = ctx.d.year;
    if year == 0 {
        ctx.skip(Rule::HeadingYear, "文件年度未知");
        return;
    }
    let final_accounts = matches!(
        ctx.d.kind,
        DocumentKind::UnitFinalAccounts | DocumentKind::DepartmentFinalAccounts
    );
    let kind_zh = ctx.d.kind.label_zh();
    let mut items: Vec<(&str, &str, usize)> = text
        .headings
        .iter()
        .map(|h| (h.kind.label_zh(), h.text.as_str(), h.line))
        .collect();
    items.extend(
        text.contents
            .iter()
            .map(|p| ("目录", p.text.as_str(), p.line)),
    );
    for (place, t, line) in items {
        let sq = squeeze(t);
        let found = years_in(&sq);
        // a heading comparing with last year may name it: a budget's with
        // last year's execution, any heading naming both years
        let comparing = (!final_accounts
            && (sq.contains("执行") || sq.contains("决算") || sq.contains("上年")))
            || found.iter().any(|&(y, _)| y == year);
        for (y, _) in found {
            ctx.count(Rule::HeadingYear);
            if y == year || (comparing && y + 1 == year) {
                continue;
            }
            finding(
                ctx,
                Rule::HeadingYear,
                Rule::HeadingYear.severity(),
                at(place, line),
                format!("{place}「{t}」写的是 {y} 年，而本文件是 {year} 年度{kind_zh}。"),
                Some(format!("{year}年")),
                format!("{y}年"),
            );
        }
    }
    for p in &text.dated {
        let sq = squeeze(&p.text);
        let Some(pos) = sq.find("截至") else {
            continue;
        };
        let Some(&(y, _)) = years_in(sq.get(pos..).unwrap_or_default()).first() else {
            continue;
        };
        ctx.count(Rule::HeadingYear);
        // a budget is prepared in the year before: its asset count may be dated then
        let ok = y == year || (!final_accounts && y + 1 == year);
        if ok {
            continue;
        }
        let expected = if final_accounts {
            format!("截至{year}年12月31日")
        } else {
            format!("截至{}年或{year}年", year.saturating_sub(1))
        };
        finding(
            ctx,
            Rule::HeadingYear,
            Rule::HeadingYear.severity(),
            at("时点表述", p.line),
            format!(
                "「{}」的时点为 {y} 年，而本文件是 {year} 年度{kind_zh}。",
                p.text
            ),
            Some(expected),
            format!("{y}年"),
        );
    }
}

// ------------------------------------------------------------------ S610

/// `第X部分` removed.
fn strip_part(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('第') {
        if let Some(pos) = rest.find("部分") {
            let head = rest.get(..pos).unwrap_or_default();
            if !head.is_empty() && head.chars().all(|c| "一二三四五六七八九十".contains(c))
            {
                return rest.get(pos + "部分".len()..).unwrap_or(s);
            }
        }
    }
    s
}

/// The unit a part heading names: the text before its year
/// (`上海市XX局2024年度部门决算表`) or before 概况; `None` for a heading
/// naming none (`第四部分名词解释`, `第一部分部门概况`).
fn named_unit(heading: &str) -> Option<String> {
    let body = strip_part(heading);
    let name = if let Some(&(_, from)) = years_in(body).first() {
        body.get(..body.len() - from.len()).unwrap_or_default()
    } else {
        body.strip_suffix("概况")?
    };
    let name = name.trim_end_matches(['_', '-', ':', '(', ')']);
    let generic = [
        "",
        "部门",
        "单位",
        "本部门",
        "本单位",
        "部门预算",
        "单位预算",
    ];
    if generic.contains(&name) || name.chars().count() < 3 {
        return None;
    }
    Some(name.to_owned())
}

/// The leading place of a full unit name: `上海市` of `上海市普陀区…`,
/// `江苏省` of `江苏省人民检察院`; `None` for a short form (`省检察院`).
fn leading_place(name: &str) -> Option<&str> {
    let rest = name.strip_prefix("中共").unwrap_or(name);
    for (i, c) in rest.char_indices() {
        if matches!(c, '省' | '市') || rest.get(i..).is_some_and(|r| r.starts_with("自治区")) {
            let n = rest.get(..i).map_or(0, |h| h.chars().count());
            return (2..=7)
                .contains(&n)
                .then(|| rest.get(..i + c.len_utf8()))
                .flatten();
        }
    }
    None
}

/// Only places (上海市普陀区): no unit.
fn place_only(name: &str) -> bool {
    let mut rest = name.strip_prefix("中共").unwrap_or(name);
    loop {
        let Some(pos) = rest.find(['省', '市', '区', '县']) else {
            return false;
        };
        let head = rest.get(..pos).map_or(0, |h| h.chars().count());
        if !(1..=6).contains(&head) {
            return false;
        }
        rest = rest.get(pos + '省'.len_utf8()..).unwrap_or_default();
        if rest.is_empty() {
            return true;
        }
    }
}

fn units(ctx: &mut Ctx<'_>, text: &DocumentText, template: bool) {
    let reference = text
        .cover_unit
        .clone()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| ctx.d.unit.name.clone());
    let reference = squeeze(&reference);
    if reference.is_empty() {
        ctx.skip(Rule::HeadingUnit, "封面单位名称未知");
        return;
    }
    if template {
        ctx.skip(Rule::HeadingUnit, "空白样张：单位名称为占位符");
        return;
    }
    let part_like = |t: &str| t.starts_with('第') && t.contains("部分");
    let mut items: Vec<(&str, &str, usize)> = text
        .headings
        .iter()
        .filter(|h| h.kind == HeadingKind::Part)
        .map(|h| (h.kind.label_zh(), h.text.as_str(), h.line))
        .collect();
    items.extend(
        text.contents
            .iter()
            .filter(|p| part_like(&squeeze(&p.text)))
            .map(|p| ("目录", p.text.as_str(), p.line)),
    );
    let reference_place = leading_place(&reference);
    for (place, t, line) in items {
        let Some(named) = named_unit(&squeeze(t)) else {
            continue;
        };
        ctx.count(Rule::HeadingUnit);
        if named == reference || place_only(&named) {
            continue;
        }
        let message = if has_placeholder(&named) {
            format!(
                "{place}「{t}」中的单位名称是模板占位符「{named}」，封面单位为「{reference}」。"
            )
        } else {
            // a short form (省检察院) is not a different unit
            let Some(named_place) = leading_place(&named) else {
                continue;
            };
            let shortened = reference_place == Some(named_place);
            if shortened {
                format!(
                    "{place}「{t}」中的单位名称「{named}」与封面单位「{reference}」不一致（缺少或改动了部分名称，是另一家单位的名称）。"
                )
            } else {
                format!("{place}「{t}」中的单位名称「{named}」与封面单位「{reference}」不一致。")
            }
        };
        finding(
            ctx,
            Rule::HeadingUnit,
            Rule::HeadingUnit.severity(),
            at(place, line),
            message,
            Some(reference.clone()),
            named,
        );
    }
}

// ------------------------------------------------------------ S611, S612

/// The kind of a table, from its title, as a short key: titles differ
/// between templates (收支总表 / 财务收支预算总表 / 收入支出决算总表), the kind
/// does not. `None` for a title naming no known kind.
pub(crate) fn table_key(title: &str) -> Option<&'static str> {
    let t = squeeze(title);
    // "财政拨款支出预算表(功能科目)", "收入决算表(续)"
    let t = match (t.ends_with(')'), t.rfind('(')) {
        (true, Some(open)) => t.get(..open).unwrap_or(&t),
        _ => t.as_str(),
    };
    if !t.ends_with('表') {
        return None;
    }
    let has = |w: &str| t.contains(w);
    let income_and_expenditure = has("收支") || has("收入支出");
    Some(if has("三公") {
        "三公"
    } else if has("政府性基金") {
        "政府性基金"
    } else if has("国有资本") {
        "国有资本"
    } else if has("机关运行") {
        "机关运行"
    } else if has("政府采购") {
        "政府采购"
    } else if has("绩效") {
        "绩效"
    } else if has("项目支出") {
        "项目支出"
    } else if has("一般公共预算") && has("基本支出") {
        "一般公共预算基本支出"
    } else if has("一般公共预算") && has("支出") {
        "一般公共预算支出"
    } else if has("财政拨款") && has("基本支出") {
        "财政拨款基本支出"
    } else if has("财政拨款") && income_and_expenditure {
        "财政拨款收支"
    } else if has("财政拨款") && has("支出") {
        "财政拨款支出"
    } else if income_and_expenditure {
        "收支"
    } else if has("收入") {
        "收入"
    } else if has("支出") {
        "支出"
    } else {
        return None;
    })
}

/// The keys of the tables the document prints: its table titles and the
/// tables the model holds.
fn present_keys(ctx: &Ctx<'_>, text: &DocumentText) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = text
        .headings
        .iter()
        .filter(|h| h.kind == HeadingKind::Table)
        .filter_map(|h| table_key(&h.text))
        .collect();
    for &kind in TableKind::ALL {
        if let Some(meta) = ctx.d.tables.meta(kind) {
            keys.extend(meta.title.as_deref().and_then(table_key));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Checks the 目录's tables; returns the keys reported missing.
fn contents(ctx: &mut Ctx<'_>, text: &DocumentText) -> Vec<&'static str> {
    let listed: Vec<(&Passage, &'static str)> = text
        .contents
        .iter()
        .filter(|p| !squeeze(&p.text).starts_with('第'))
        .filter_map(|p| table_key(&p.text).map(|k| (p, k)))
        .collect();
    if listed.is_empty() {
        ctx.skip(Rule::ContentsTablesPresent, "没有目录，或目录未列表格");
        return Vec::new();
    }
    let present = present_keys(ctx, text);
    if present.is_empty() {
        ctx.count(Rule::ContentsTablesPresent);
        let names: Vec<&str> = listed.iter().map(|(p, _)| p.text.as_str()).collect();
        finding(
            ctx,
            Rule::ContentsTablesPresent,
            Severity::Warning,
            at("目录", listed.first().map_or(0, |(p, _)| p.line)),
            format!(
                "目录列出 {} 张表（{}），本文件中一张也没有：表格可能另行公开（如另一个 PDF），或未能读取。",
                names.len(),
                names.join("、")
            ),
            Some("目录所列的表".into()),
            "本文件中没有表".into(),
        );
        return Vec::new();
    }
    let mut missing = Vec::new();
    for (p, key) in listed {
        ctx.count(Rule::ContentsTablesPresent);
        if present.contains(&key) || missing.contains(&key) {
            continue;
        }
        missing.push(key);
        finding(
            ctx,
            Rule::ContentsTablesPresent,
            Rule::ContentsTablesPresent.severity(),
            at("目录", p.line),
            format!("目录列出「{}」，正文中没有这张表。", p.text),
            Some(p.text.clone()),
            "正文中没有".into(),
        );
    }
    missing
}

/// The nine tables of the 决算 template, by key, with their names.
const FINAL_TABLES: [(&str, &str); 9] = [
    ("收支", "收入支出决算总表"),
    ("收入", "收入决算表"),
    ("支出", "支出决算表"),
    ("财政拨款收支", "财政拨款收入支出决算总表"),
    ("一般公共预算支出", "一般公共预算财政拨款支出决算表"),
    ("一般公共预算基本支出", "一般公共预算财政拨款基本支出决算表"),
    ("三公", "财政拨款“三公”经费支出决算表"),
    ("政府性基金", "政府性基金预算财政拨款收入支出决算表"),
    ("国有资本", "国有资本经营预算财政拨款收入支出决算表"),
];

fn final_tables(ctx: &mut Ctx<'_>, text: &DocumentText, listed_missing: &[&str]) {
    if !matches!(
        ctx.d.kind,
        DocumentKind::UnitFinalAccounts | DocumentKind::DepartmentFinalAccounts
    ) {
        ctx.skip(Rule::FinalAccountsTablesPresent, "不是决算");
        return;
    }
    let present = present_keys(ctx, text);
    if present.is_empty() {
        ctx.count(Rule::FinalAccountsTablesPresent);
        finding(
            ctx,
            Rule::FinalAccountsTablesPresent,
            Severity::Warning,
            Location::table("决算表"),
            "本文件中没有决算表：表格可能另行公开，或未能读取。".into(),
            Some("九张决算表".into()),
            "没有表".into(),
        );
        return;
    }
    for (key, name) in FINAL_TABLES {
        ctx.count(Rule::FinalAccountsTablesPresent);
        if present.contains(&key) || listed_missing.contains(&key) {
            continue;
        }
        finding(
            ctx,
            Rule::FinalAccountsTablesPresent,
            Rule::FinalAccountsTablesPresent.severity(),
            Location::table(name),
            format!("决算应公开{name}，本文件中没有这张表。"),
            Some(name.to_owned()),
            "没有".into(),
        );
    }
}

// ------------------------------------------------------------ S606, S613

/// Instructions of the 公开样张 written for the preparer.
const INSTRUCTIONS: [&str; 7] = [
    "仍保留该表格式",
    "作下述说明",
    "如持平作持平表述",
    "不涉及的不列",
    "有关主要职能填写",
    "本部分内容为",
    "(制度名称)",
];

const DIRECTION_WORDS: [&str; 11] = [
    "增加", "减少", "增长", "下降", "上升", "降低", "大于", "小于", "高于", "低于", "等于",
];

/// An unresolved alternative `增加(减少)` in `sq` (normalised, squeezed):
/// its text and the number right after it, if any.
fn alternative(sq: &str) -> Option<(String, Option<String>)> {
    for w in DIRECTION_WORDS {
        let mut from = 0;
        while let Some(pos) = sq.get(from..).and_then(|r| r.find(w)).map(|p| p + from) {
            let after = sq.get(pos + w.len()..).unwrap_or_default();
            from = pos + w.len();
            let Some(inner) = after.strip_prefix('(') else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let body = inner.get(..close).unwrap_or_default();
            if !DIRECTION_WORDS.iter().any(|d| body.starts_with(d)) || body.chars().count() > 8 {
                continue;
            }
            let rest = inner.get(close + 1..).unwrap_or_default();
            let number: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                .collect();
            let shown = format!("{w}（{body}）");
            return Some((shown, (!number.is_empty()).then_some(number)));
        }
    }
    None
}

fn is_zero(number: &str) -> bool {
    number.chars().all(|c| matches!(c, '0' | '.' | ','))
}

fn template_text(ctx: &mut Ctx<'_>, text: &DocumentText, template: bool) {
    if template {
        ctx.skip(Rule::TemplateText, "空白样张：填写说明是样张的内容");
        return;
    }
    let claims: Vec<String> = ctx
        .d
        .narrative
        .iter()
        .map(|c| squeeze(&c.sentence))
        .collect();
    let mut items: Vec<(&str, &str, usize)> = Vec::new();
    items.extend(
        text.headings
            .iter()
            .map(|h| (h.kind.label_zh(), h.text.as_str(), h.line)),
    );
    items.extend(
        text.table_notes
            .iter()
            .map(|p| ("表注", p.text.as_str(), p.line)),
    );
    items.extend(
        text.sentences
            .iter()
            .map(|p| ("正文", p.text.as_str(), p.line)),
    );
    for (place, t, line) in items {
        let sq = squeeze(t);
        ctx.count(Rule::TemplateText);
        if let Some(i) = INSTRUCTIONS.iter().find(|i| sq.contains(*i)) {
            finding(
                ctx,
                Rule::TemplateText,
                Rule::TemplateText.severity(),
                at(place, line),
                format!("{place}中残留模板填写说明「{i}」：「{t}」。"),
                None,
                (*i).to_owned(),
            );
        } else if let Some((alt, number)) = alternative(&sq) {
            let (severity, why) = match &number {
                Some(n) if !is_zero(n) => (
                    Rule::TemplateText.severity(),
                    format!("其后的 {n} 因此方向不明"),
                ),
                Some(n) => (Severity::Warning, format!("其后为 {n}，意思不受影响")),
                None => (Severity::Warning, "其后没有数字".to_owned()),
            };
            finding(
                ctx,
                Rule::TemplateText,
                severity,
                at(place, line),
                format!("{place}中残留模板备选词「{alt}」，未作取舍（{why}）：「{t}」。"),
                None,
                alt,
            );
        }
        // placeholders (S606) in what the narrative claims do not cover
        if place != HeadingKind::Part.label_zh()
            && has_placeholder(&sq)
            && !claims
                .iter()
                .any(|c| c.contains(&sq) || sq.contains(c.as_str()))
        {
            ctx.count(Rule::Placeholder);
            finding(
                ctx,
                Rule::Placeholder,
                Rule::Placeholder.severity(),
                at(place, line),
                format!("{place}中有模板占位符：「{t}」。"),
                None,
                t.to_owned(),
            );
        }
    }
}

// ------------------------------------------------------------ S614, S615

fn punctuation(ctx: &mut Ctx<'_>, text: &DocumentText) {
    let doubles = ["。。", "，，", ",,", "、、", "；；", ";;"];
    let items = text
        .table_notes
        .iter()
        .map(|p| ("表注", p))
        .chain(text.sentences.iter().map(|p| ("正文", p)));
    let mut found = Vec::new();
    for (place, p) in items {
        ctx.count(Rule::DoubledPunctuation);
        if let Some(d) = doubles.iter().find(|d| p.text.contains(*d)) {
            found.push((place, p, *d));
        }
    }
    for (place, p, d) in found {
        finding(
            ctx,
            Rule::DoubledPunctuation,
            Rule::DoubledPunctuation.severity(),
            at(place, p.line),
            format!("{place}中标点重复「{d}」：「{}」。", p.text),
            None,
            d.to_owned(),
        );
    }
}

/// `主要原因是。` / `主要原因：。`: a reason with nothing after it. Returns
/// the words as printed.
fn empty_reason(sq: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(pos) = sq
        .get(from..)
        .and_then(|r| r.find("原因"))
        .map(|p| p + from)
    {
        from = pos + "原因".len();
        let start = if sq.get(..pos).is_some_and(|b| b.ends_with("主要")) {
            pos - "主要".len()
        } else {
            pos
        };
        let mut rest = sq.get(from..).unwrap_or_default();
        let mut linked = false;
        for w in ["是", "为", "在于"] {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r;
                linked = true;
                break;
            }
        }
        if let Some(r) = rest.strip_prefix(':') {
            rest = r;
            linked = true;
        }
        if linked && rest.starts_with(['。', ';']) {
            let end = sq.len() - rest.len() + rest.chars().next().map_or(0, char::len_utf8);
            return sq.get(start..end);
        }
    }
    None
}

fn reasons(ctx: &mut Ctx<'_>, text: &DocumentText) {
    let mut found = Vec::new();
    for p in &text.sentences {
        ctx.count(Rule::EmptyReason);
        let sq = squeeze(&p.text);
        if let Some(words) = empty_reason(&sq) {
            // as printed: 主要原因是。 (the full-width colon restored)
            found.push((p, words.replace(':', "：")));
        }
    }
    for (p, words) in found {
        finding(
            ctx,
            Rule::EmptyReason,
            Rule::EmptyReason.severity(),
            at("正文", p.line),
            format!("原因未填写「{words}」：「{}」。", p.text),
            None,
            words,
        );
    }
}

// ------------------------------------------------------------------ S616

/// The items "N、…（款）NAME（项）。主要用于：USE。" of the prose, in order, as
/// (name, use, line).
fn item_uses(text: &DocumentText) -> Vec<(String, String, usize)> {
    // headings and sentences in printed order: an item's heading may be a
    // heading line and its 主要用于 the next sentence
    let mut parts: Vec<(usize, &str)> = text
        .headings
        .iter()
        .map(|h| (h.line, h.text.as_str()))
        .chain(text.sentences.iter().map(|p| (p.line, p.text.as_str())))
        .collect();
    parts.sort_by_key(|(line, _)| *line);
    let mut joined = String::new();
    let mut lines: Vec<(usize, usize)> = Vec::new(); // (byte offset, line)
    for (line, t) in parts {
        lines.push((joined.len(), line));
        joined.push_str(&squeeze(&yusuan_money::text::normalize(t)));
    }
    let line_at = |off: usize| {
        lines
            .iter()
            .take_while(|(o, _)| *o <= off)
            .last()
            .map_or(0, |(_, l)| *l)
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = joined.get(from..).and_then(|s| s.find("(项)")) {
        let at = from + i;
        let before = joined.get(..at).unwrap_or("");
        let start = before.rfind(')').map_or(0, |k| k + 1);
        let name = before.get(start..).unwrap_or("").to_owned();
        let after = joined.get(at + "(项)".len()..).unwrap_or("");
        let after = after.trim_start_matches('。');
        let next_item = after.find("(项)").unwrap_or(after.len());
        if let Some(rest) = after
            .get(..next_item)
            .and_then(|a| a.strip_prefix("主要用于:"))
        {
            let use_ = rest.split('。').next().unwrap_or("").to_owned();
            if !name.is_empty() && !use_.is_empty() {
                out.push((name, use_, line_at(at)));
            }
        }
        from = at + "(项)".len();
    }
    out
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let c: Vec<char> = s.chars().collect();
    c.windows(2)
        .filter_map(|w| Some((*w.first()?, *w.get(1)?)))
        .collect()
}

fn shares_words(a: &str, b: &str) -> bool {
    let bb = bigrams(b);
    bigrams(a).iter().any(|x| bb.contains(x))
}

fn copied_item_text(ctx: &mut Ctx<'_>, text: &DocumentText) {
    let items = item_uses(text);
    for pair in items.windows(2) {
        let [(prev_name, prev_use, _), (name, use_, line)] = pair else {
            continue;
        };
        ctx.count(Rule::CopiedItemText);
        if use_ == prev_use
            && name != prev_name
            && !shares_words(use_, name)
            && shares_words(use_, prev_name)
        {
            finding(
                ctx,
                Rule::CopiedItemText,
                Rule::CopiedItemText.severity(),
                at("情况说明", *line),
                format!(
                    "「{name}（项）」的“主要用于：{use_}”与上一项「{prev_name}（项）」一字不差，且与本项名称不符：疑为照抄上一项。"
                ),
                None,
                format!("主要用于：{use_}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_use_copied_from_the_item_above_is_found() {
        let text = DocumentText {
            sentences: vec![
                Passage::new(
                    "7、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。",
                    545,
                ),
                Passage::new("主要用于：事业单位医疗保险支出。", 547),
                Passage::new(
                    "8、住房保障支出（类）住房改革支出（款）住房公积金（项）。",
                    553,
                ),
                Passage::new("主要用于：事业单位医疗保险支出。", 555),
                Passage::new(
                    "9、住房保障支出（类）住房改革支出（款）购房补贴（项）。",
                    561,
                ),
                Passage::new("主要用于：行政单位购房补贴支出。", 563),
            ],
            ..Default::default()
        };
        let items = item_uses(&text);
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[1].0, "住房公积金");
        assert_eq!(items[1].1, "事业单位医疗保险支出");
        // copied: same words, none of 住房公积金's, all about 医疗
        assert!(!shares_words(&items[1].1, &items[1].0));
        assert!(shares_words(&items[1].1, &items[0].0));
        // a repeated use that fits its own item is not copied
        assert!(shares_words("行政单位人员支出、公用支出", "行政运行"));
    }

    #[test]
    fn years_are_found() {
        let y: Vec<u16> = years_in("第三部分上海市XX局2024年度部门决算情况说明与2023年")
            .iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(y, [2024, 2023]);
        assert!(years_in("12024年").is_empty());
        assert!(years_in("2024").is_empty());
    }

    #[test]
    fn units_of_headings() {
        assert_eq!(
            named_unit("上海市规划和自然资源局2024年度部门决算表").as_deref(),
            Some("上海市规划和自然资源局")
        );
        assert_eq!(
            named_unit("第一部分上海市普陀区规划和自然资源局概况").as_deref(),
            Some("上海市普陀区规划和自然资源局")
        );
        assert_eq!(named_unit("第一部分部门概况"), None);
        assert_eq!(named_unit("第二部分2018年度部门预算表"), None);
        assert_eq!(named_unit("第四部分名词解释"), None);
        assert_eq!(leading_place("上海市普陀区司法局"), Some("上海市"));
        assert_eq!(
            leading_place("中共上海市普陀区委社会工作部"),
            Some("上海市")
        );
        assert_eq!(leading_place("江苏省人民检察院"), Some("江苏省"));
        assert_eq!(leading_place("省检察院"), None);
        assert_eq!(leading_place("省委办公厅"), None);
        assert!(place_only("上海市普陀区"));
        assert!(!place_only("上海市XX局"));
    }

    #[test]
    fn table_kinds() {
        assert_eq!(table_key("一、收入支出决算总表"), Some("收支"));
        assert_eq!(table_key("2025年预算单位财务收支预算总表"), Some("收支"));
        assert_eq!(table_key("二、收入决算表"), Some("收入"));
        assert_eq!(table_key("支出决算表"), Some("支出"));
        assert_eq!(table_key("财政拨款收入支出决算总表"), Some("财政拨款收支"));
        assert_eq!(
            table_key("一般公共预算财政拨款支出决算表"),
            Some("一般公共预算支出")
        );
        assert_eq!(
            table_key("一般公共预算财政拨款基本支出决算表"),
            Some("一般公共预算基本支出")
        );
        assert_eq!(
            table_key("十、政府性基金财政拨款支出预算表"),
            Some("政府性基金")
        );
        assert_eq!(
            table_key("2025年单位“三公”经费和机关运行经费预算表"),
            Some("三公")
        );
        assert_eq!(
            table_key("财政拨款支出预算表（功能科目）"),
            Some("财政拨款支出")
        );
        assert_eq!(table_key("五、部门预算表"), None);
        assert_eq!(table_key("第二部分上海市XX局2024年度部门决算表"), None);
        assert_eq!(table_key("十一、其他重要事项说明"), None);
    }

    #[test]
    fn alternatives_and_reasons() {
        assert_eq!(
            alternative("减少0.15万元,下降(增长)27.78%"),
            Some(("下降（增长）".into(), Some("27.78".into())))
        );
        assert_eq!(
            alternative("增加(减少)0万元"),
            Some(("增加（减少）".into(), Some("0".into())))
        );
        assert_eq!(
            alternative("增加(减少)的主要原因"),
            Some(("增加（减少）".into(), None))
        );
        assert_eq!(alternative("因公出国(境)费增加"), None);
        assert_eq!(alternative("增加(含追加)100万元"), None);
        assert_eq!(
            empty_reason("与2023年预算持平,主要原因是。其中"),
            Some("主要原因是。")
        );
        assert_eq!(empty_reason("主要原因:。"), Some("主要原因:。"));
        assert_eq!(empty_reason("这是增加的主要原因。"), None);
        assert_eq!(empty_reason("主要原因是人员增加。"), None);
    }
}
