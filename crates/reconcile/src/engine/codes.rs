//! Rules C5xx (classification codes and names) and S6xx (structure).

use yusuan_classification::{Code, NameCheck};
use yusuan_tables::{AmountUnit, CellRef, Column, DocumentKind, NumberRef, RowKey, TableKind};

use super::Ctx;
use crate::finding::{CellUse, Location, Severity, Value};
use crate::rules::Rule;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    names(ctx);
    structure(ctx);
    presence(ctx);
    placeholders(ctx);
}

/// Strips a printed ordinal (`一、`, `（一）`, `(二)`, `1.`) from a label.
fn strip_ordinal(label: &str) -> &str {
    let s = trim(label);
    // Both forms start with a numeral or a bracket: most labels have neither.
    match s.chars().next() {
        Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '（' | '(') =>
            {}
        _ => return s,
    }
    if let Some(pos) = s.find('、') {
        let head = s.get(..pos).unwrap_or_default();
        if !head.is_empty() && head.chars().all(is_numeral) {
            return s.get(pos + '、'.len_utf8()..).unwrap_or(s).trim();
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let head = rest.get(..end).unwrap_or_default();
                if !head.is_empty() && head.chars().all(is_numeral) {
                    return rest.get(end + close.len_utf8()..).unwrap_or(s).trim();
                }
            }
        }
    }
    s
}

/// A Chinese numeral of an ordinal (一 … 十).
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// [`str::trim`], after a look at the first and last character: printed
/// names rarely carry surrounding whitespace, and `trim` decodes and
/// classifies characters from both ends.
fn trim(s: &str) -> &str {
    let mut chars = s.chars();
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if edge(chars.next()) || edge(chars.next_back()) {
        s.trim()
    } else {
        s
    }
}

/// Every (table, code, printed name) of the disclosure.
fn code_rows<'d>(ctx: &Ctx<'d>) -> Vec<(TableKind, Code, &'d str)> {
    let d: &'d yusuan_tables::Disclosure = ctx.d;
    let t = &d.tables;
    let mut out = Vec::with_capacity(64);
    macro_rules! code_table {
        ($field:ident, $kind:expr) => {
            if let Some(x) = &t.$field {
                out.extend(x.rows.iter().map(|r| ($kind, r.code, r.name.as_str())));
            }
        };
    }
    if let Some(x) = &t.income_expenditure_summary {
        out.extend(x.expenditure.iter().filter_map(|r| {
            r.key.code().map(|c| {
                (
                    TableKind::IncomeExpenditureSummary,
                    c,
                    strip_ordinal(&r.label),
                )
            })
        }));
    }
    code_table!(income_summary, TableKind::IncomeSummary);
    code_table!(expenditure_summary, TableKind::ExpenditureSummary);
    if let Some(x) = &t.fiscal_appropriation_summary {
        out.extend(x.expenditure.iter().filter_map(|r| {
            r.key.code().map(|c| {
                (
                    TableKind::FiscalAppropriationSummary,
                    c,
                    strip_ordinal(&r.label),
                )
            })
        }));
    }
    code_table!(
        general_budget_expenditure,
        TableKind::GeneralBudgetExpenditure
    );
    code_table!(
        general_budget_basic_expenditure,
        TableKind::GeneralBudgetBasicExpenditure
    );
    code_table!(
        government_fund_expenditure,
        TableKind::GovernmentFundExpenditure
    );
    code_table!(
        state_capital_expenditure,
        TableKind::StateCapitalExpenditure
    );
    out
}

/// A printed name with its ordinal and a trailing （类）/（款）/（项） removed.
fn bare(name: &str) -> &str {
    let s = strip_ordinal(name);
    // Every suffix ends with a bracket; most names do not.
    if !s.ends_with(['）', ')']) {
        return s;
    }
    for suffix in ["（类）", "（款）", "（项）", "(类)", "(款)", "(项)"] {
        if let Some(x) = s.strip_suffix(suffix) {
            return x.trim();
        }
    }
    s
}

// ------------------------------------------------------------ C501, C502

fn names(ctx: &mut Ctx<'_>) {
    let year = ctx.d.year;
    let catalog = ctx.catalog;
    let rows = code_rows(ctx);
    if rows.is_empty() {
        ctx.skip(Rule::CodeKnown, "没有按科目编码列示的行");
        ctx.skip(Rule::CodeName, "没有按科目编码列示的行");
        return;
    }
    let mut seen: Vec<(Code, &str)> = Vec::with_capacity(rows.len());
    // Codes the catalog lacks for the year: one summary finding below, not
    // one per code.
    let mut missing: Vec<(TableKind, Code, &str)> = Vec::new();
    for (kind, code, printed) in rows {
        let name = bare(printed);
        if seen.iter().any(|&(c, n)| c == code && n == name) {
            continue;
        }
        seen.push((code, name));
        ctx.count(Rule::CodeKnown);
        let at = NumberRef::Cell(CellRef::new(kind, RowKey::Code(code), Column::Total));
        let location = || Location::table(kind.label_zh()).row(format!("{code} {name}"));
        match catalog.get(code, year) {
            Some(entry) if entry.name() == name => {
                ctx.count(Rule::CodeName);
                continue;
            }
            Some(_) => {}
            None => {
                missing.push((kind, code, name));
                continue;
            }
        }
        ctx.count(Rule::CodeName);
        match catalog.check_name(code, year, name) {
            NameCheck::Matches | NameCheck::Unknown => {}
            NameCheck::Differs {
                catalog_name,
                name_valid_in,
            } => {
                let note = match name_valid_in {
                    Some(years) => format!(
                        "打印名称是该编码在 {years} 的名称，{year} 年版本已改为「{catalog_name}」。"
                    ),
                    None => format!("{year} 年版本的名称为「{catalog_name}」。"),
                };
                ctx.note(
                    Rule::CodeName,
                    Rule::CodeName.severity(),
                    location(),
                    format!(
                        "科目 {code} 打印名称为「{name}」，{year} 年《政府收支分类科目》为「{catalog_name}」。"
                    ),
                    Some(Value::Text(catalog_name.clone())),
                    Some(Value::Text(name.to_owned())),
                    Some(note),
                    vec![CellUse {
                        at,
                        label: ctx.label(&at),
                        value: Some(Value::Text(format!("{code} {name}"))),
                    }],
                );
            }
            _ => {}
        }
    }
    missing_codes(ctx, year, &missing);
}

/// C501: the codes the catalog lacks for `year`, as one info finding for
/// the document (how many, and the list); a year for which the catalog
/// holds no entry at all is said once, as such.
fn missing_codes(ctx: &mut Ctx<'_>, year: u16, missing: &[(TableKind, Code, &str)]) {
    if missing.is_empty() {
        return;
    }
    let catalog = ctx.catalog;
    let year_known = catalog.entries().iter().any(|e| e.years().contains(year));
    let mut codes: Vec<String> = Vec::with_capacity(missing.len());
    for &(_, code, name) in missing {
        let text = format!("{code} {name}");
        if !codes.contains(&text) {
            codes.push(text);
        }
    }
    let (message, note) = if year_known {
        (
            format!(
                "{} 个科目编码不在内置的 {year} 年科目目录中：{}。",
                codes.len(),
                codes.join("、")
            ),
            "内置科目目录不完整，未收录的编码只作提示；可加载完整的官方版本核对。".to_owned(),
        )
    } else {
        (
            format!(
                "内置科目目录没有 {year} 年的版本，本文件的 {} 个科目编码均未按 {year} 年目录核对：{}。",
                codes.len(),
                codes.join("、")
            ),
            format!("可加载 {year} 年的官方《政府收支分类科目》后再查。"),
        )
    };
    let cells = missing
        .iter()
        .map(|&(kind, code, name)| {
            let at = NumberRef::Cell(CellRef::new(kind, RowKey::Code(code), Column::Total));
            CellUse {
                label: ctx.label(&at),
                at,
                value: Some(Value::Text(format!("{code} {name}"))),
            }
        })
        .collect();
    ctx.note(
        Rule::CodeKnown,
        Severity::Info,
        Location::default(),
        message,
        None,
        Some(Value::Number(yusuan_money::Decimal::from(codes.len()))),
        Some(note),
        cells,
    );
}

// ----------------------------------------------- C503, C504, S604, S607

/// Appends the codes of the code rows of one table to `out`, in printed
/// order (all tables are read once, by [`Ctx::code_index`]).
pub(super) fn push_table_codes(
    d: &yusuan_tables::Disclosure,
    kind: TableKind,
    out: &mut Vec<Code>,
) {
    let t = &d.tables;
    macro_rules! codes {
        ($x:expr) => {
            if let Some(x) = $x {
                out.extend(x.rows.iter().map(|r| r.code));
            }
        };
    }
    match kind {
        TableKind::IncomeExpenditureSummary => {
            if let Some(x) = &t.income_expenditure_summary {
                out.extend(x.expenditure.iter().filter_map(|r| r.key.code()));
            }
        }
        TableKind::FiscalAppropriationSummary => {
            if let Some(x) = &t.fiscal_appropriation_summary {
                out.extend(x.expenditure.iter().filter_map(|r| r.key.code()));
            }
        }
        TableKind::IncomeSummary => codes!(&t.income_summary),
        TableKind::ExpenditureSummary => codes!(&t.expenditure_summary),
        TableKind::GeneralBudgetExpenditure => codes!(&t.general_budget_expenditure),
        TableKind::GeneralBudgetBasicExpenditure => codes!(&t.general_budget_basic_expenditure),
        TableKind::GovernmentFundExpenditure => codes!(&t.government_fund_expenditure),
        TableKind::StateCapitalExpenditure => codes!(&t.state_capital_expenditure),
        _ => {}
    }
}

fn row_finding(
    ctx: &mut Ctx<'_>,
    rule: Rule,
    severity: Severity,
    kind: TableKind,
    key: RowKey,
    message: String,
) {
    let location = Location::table(kind.label_zh()).row(ctx.d.row_label(kind, &key));
    ctx.note(
        rule,
        severity,
        location,
        message,
        None,
        None,
        Some(rule.info().action_zh.to_owned()),
        Vec::new(),
    );
}

fn structure(ctx: &mut Ctx<'_>) {
    for &kind in TableKind::ALL {
        if !ctx.d.tables.has(kind) {
            continue;
        }
        // C503: duplicate codes; a missing parent where the table prints a
        // tree (rows of more than one level).
        // With the codes as integers (see `code_key`): equality and the
        // parent without byte-wise comparisons.
        let index = ctx.code_index();
        let (codes, keys) = (index.codes(kind), index.keys(kind));
        let schemes = kind.row_schemes();
        let tree = keys.iter().any(|&k| super::parent_key(k).is_some())
            && keys.iter().any(|&k| super::parent_key(k).is_none());
        for (i, (&code, &code_key)) in codes.iter().zip(keys.iter()).enumerate() {
            ctx.count(Rule::CodeTree);
            ctx.count(Rule::CodeScheme);
            let key = RowKey::Code(code);
            if keys
                .get(..i)
                .is_some_and(|before| before.contains(&code_key))
            {
                row_finding(
                    ctx,
                    Rule::CodeTree,
                    Severity::Error,
                    kind,
                    key,
                    format!("科目 {code} 在{}中重复列示。", kind.label_zh()),
                );
            }
            if !schemes.contains(&code.scheme()) {
                let expected = schemes.first().map_or("（无科目编码）", |s| s.label_zh());
                row_finding(
                    ctx,
                    Rule::CodeScheme,
                    Severity::Error,
                    kind,
                    key,
                    format!(
                        "科目 {code} 属于{}，{}应使用{expected}。",
                        code.scheme().label_zh(),
                        kind.label_zh()
                    ),
                );
                continue;
            }
            if tree {
                let missing = super::parent_key(code_key).is_some_and(|p| !keys.contains(&p));
                let parent = if missing { code.parent() } else { None };
                if let Some(parent) = parent {
                    row_finding(
                        ctx,
                        Rule::CodeTree,
                        Severity::Warning,
                        kind,
                        key,
                        format!(
                            "{}按层级列示科目，但未列示 {code} 的上级科目 {parent}。",
                            kind.label_zh()
                        ),
                    );
                }
            }
        }
        // S607: lines a summary table cannot have.
        let d = ctx.d;
        let summary = match kind {
            TableKind::IncomeExpenditureSummary => d.tables.income_expenditure_summary.as_ref(),
            TableKind::FiscalAppropriationSummary => d.tables.fiscal_appropriation_summary.as_ref(),
            _ => None,
        };
        let lines = summary
            .into_iter()
            .flat_map(|t| t.income.iter().chain(&t.expenditure))
            .map(|r| r.key);
        for key in lines {
            ctx.count(Rule::ModelStructure);
            let allowed = match key {
                RowKey::Line(l) => l.allowed_in(kind),
                RowKey::Code(_) => true,
                _ => false,
            };
            if !allowed {
                row_finding(
                    ctx,
                    Rule::ModelStructure,
                    Severity::Error,
                    kind,
                    key,
                    format!("{}不能有此行。", kind.label_zh()),
                );
            }
        }
    }
    // S604 for the numbers outside the tables (printed in 万元).
    outside_numbers(ctx.d, &mut |at, n| {
        ctx.count(Rule::AmountPrecision);
        if let Some(places) = excess_places(n, AmountUnit::Wan) {
            decimals_finding(ctx, at, n, places);
        }
    });
}

/// Calls `out` with every number outside the tables: claims, 政府采购,
/// 机关运行经费, 绩效管理, 项目资金.
fn outside_numbers(
    d: &yusuan_tables::Disclosure,
    out: &mut impl FnMut(NumberRef, yusuan_tables::Number),
) {
    use yusuan_tables::{ClaimField, ClaimKind, FundsField, Number, ProcurementField};
    for (i, claim) in d.narrative.iter().enumerate() {
        let mut push = |field: ClaimField, n: Option<Number>| {
            if let Some(n) = n {
                out(NumberRef::Narrative { claim: i, field }, n);
            }
        };
        match &claim.kind {
            ClaimKind::Share {
                amount,
                percent,
                whole,
                ..
            } => {
                push(ClaimField::Amount, Some((*amount).into()));
                push(ClaimField::Percent, Some((*percent).into()));
                push(ClaimField::Whole, whole.map(Number::from));
            }
            ClaimKind::Change {
                amount,
                base_amount,
                change,
                rate,
                ..
            } => {
                push(ClaimField::Amount, amount.map(Number::from));
                push(ClaimField::BaseAmount, base_amount.map(Number::from));
                push(ClaimField::Change, change.map(Number::from));
                push(ClaimField::Rate, rate.map(Number::from));
            }
            ClaimKind::Total { amount, parts, .. } => {
                push(ClaimField::Amount, Some((*amount).into()));
                for (k, p) in parts.iter().enumerate() {
                    push(ClaimField::Part(k), Some(p.amount.into()));
                }
            }
            ClaimKind::Amount { amount, .. } => push(ClaimField::Amount, Some((*amount).into())),
            _ => {}
        }
    }
    if let Some(p) = &d.procurement {
        for &f in ProcurementField::ALL {
            if let Some(w) = p.get(f) {
                out(NumberRef::Procurement(f), w.into());
            }
        }
    }
    // the 机关运行经费 statement's numbers, unless a narrative claim quotes
    // the same sentence (its numbers are checked there, once)
    let squeeze = yusuan_money::text::squeeze;
    let quoted = |sentence: &str| {
        let s = squeeze(sentence);
        d.narrative.iter().any(|c| {
            let c = squeeze(&c.sentence);
            !c.is_empty() && (s.contains(&c) || c.contains(&s))
        })
    };
    if let Some(a) = d.agency_operation.as_ref().filter(|a| !quoted(&a.sentence)) {
        use yusuan_tables::AgencyOperationField as A;
        for (f, n) in [
            (A::Amount, a.amount.map(Number::from)),
            (A::Change, a.change.map(Number::from)),
            (A::Rate, a.rate.map(Number::from)),
        ] {
            if let Some(n) = n {
                out(NumberRef::AgencyOperation(f), n);
            }
        }
    }
    if let Some(w) = d.performance_management.as_ref().and_then(|p| p.amount) {
        out(NumberRef::PerformanceManagement, w.into());
    }
    for (i, t) in d.performance_tables.iter().enumerate() {
        for (f, v) in [
            (FundsField::Total, t.funds.total),
            (
                FundsField::FiscalAppropriation,
                t.funds.fiscal_appropriation,
            ),
            (FundsField::CarriedOver, t.funds.carried_over),
            (FundsField::Other, t.funds.other),
        ] {
            if let Some(w) = v {
                out(NumberRef::PerformanceFunds { table: i, field: f }, w.into());
            }
        }
    }
}

/// Decimals beyond two in the printed unit (`None` if two or fewer).
#[inline]
fn excess_places(n: yusuan_tables::Number, unit: AmountUnit) -> Option<u32> {
    // Fast path: two places or fewer as stored (万元 amounts, percentages).
    let stored = n.value().scale();
    let unit_places = match (n, unit) {
        (yusuan_tables::Number::Amount(_), AmountUnit::Yuan) => 6,
        _ => 2,
    };
    if stored <= unit_places {
        return None;
    }
    let printed = match n {
        yusuan_tables::Number::Amount(w) => match unit {
            AmountUnit::Yuan => w.to_yuan().map_or(w.value(), |y| y),
            _ => w.value(),
        },
        yusuan_tables::Number::Percent(p) => p.points(),
    };
    let places = printed.normalize().scale();
    (places > 2).then_some(places)
}

fn decimals_finding(ctx: &mut Ctx<'_>, at: NumberRef, n: yusuan_tables::Number, places: u32) {
    let value = match n {
        yusuan_tables::Number::Amount(w) => Value::Amount(w),
        yusuan_tables::Number::Percent(p) => Value::Percent(p),
    };
    ctx.note(
        Rule::AmountPrecision,
        Rule::AmountPrecision.severity(),
        ctx.location(&at),
        format!(
            "{} 为 {value}，有 {places} 位小数；公开表格保留两位小数。",
            ctx.label(&at)
        ),
        None,
        Some(value.clone()),
        Some(Rule::AmountPrecision.info().action_zh.to_owned()),
        vec![CellUse {
            at,
            label: ctx.label(&at),
            value: Some(value),
        }],
    );
}

// ------------------------------------------------ S601, S602, S603, S605

fn presence(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    let budget = matches!(
        d.kind,
        DocumentKind::UnitBudget | DocumentKind::DepartmentBudget
    );
    let mut any_empty = false;
    let mut any_noted = false;
    for &kind in TableKind::ALL {
        let Some(meta) = d.tables.meta(kind) else {
            if budget {
                ctx.count(Rule::TablePresent);
                // printed, but read only as printed (a shape the model does
                // not type): not a missing table
                if let Some(g) = d.tables.generic.iter().find(|g| g.kind == Some(kind)) {
                    ctx.note(
                        Rule::TablePresent,
                        crate::Severity::Info,
                        Location::table(kind.label_zh()),
                        format!(
                            "文件印有{}（「{}」），但其格式未能按该表读取，仅作为通用表格读取，未核对。",
                            kind.label_zh(),
                            g.title
                        ),
                        None,
                        None,
                        Some("无需补充；可对照原表人工核对。".to_owned()),
                        Vec::new(),
                    );
                    continue;
                }
                ctx.note(
                    Rule::TablePresent,
                    Rule::TablePresent.severity(),
                    Location::table(kind.label_zh()),
                    format!(
                        "文件中没有{}（公开表{}）：未公开，或未能读取。",
                        kind.label_zh(),
                        kind.template_number()
                    ),
                    None,
                    None,
                    Some(Rule::TablePresent.info().action_zh.to_owned()),
                    Vec::new(),
                );
            }
            continue;
        };
        if budget {
            ctx.count(Rule::TablePresent);
        }
        // One pass over the table: (S604) cells with more than two decimals
        // in the printed unit, (S605) negative amounts (changes excepted),
        // and the non-zero cells: counted, the first ten kept for a table
        // noted as empty.
        let unit = meta.amount_unit.unwrap_or(d.amount_unit);
        let noted = meta.empty_note.is_some();
        let mut nonzero_count = 0usize;
        let mut nonzero: Vec<(NumberRef, yusuan_tables::Number)> = Vec::new();
        super::walk::table_numbers(d, kind, &mut |row, column, n| {
            let at = || NumberRef::Cell(CellRef::new(kind, row, column));
            if let Some(places) = excess_places(n, unit) {
                decimals_finding(ctx, at(), n, places);
            }
            if n.value().is_zero() {
                return;
            }
            nonzero_count += 1;
            if noted && nonzero.len() < 10 {
                nonzero.push((at(), n));
            }
            let change = matches!(
                column,
                Column::Change
                    | Column::ChangeExclCapital
                    | Column::ChangePercent
                    | Column::ChangePercentExclCapital
            );
            if !change && n.value().is_sign_negative() {
                let at = at();
                ctx.note(
                    Rule::NegativeAmount,
                    Rule::NegativeAmount.severity(),
                    ctx.location(&at),
                    format!("{} 为负数 {}。", ctx.label(&at), n),
                    None,
                    Some(match n {
                        yusuan_tables::Number::Amount(w) => Value::Amount(w),
                        yusuan_tables::Number::Percent(p) => Value::Percent(p),
                    }),
                    Some(Rule::NegativeAmount.info().action_zh.to_owned()),
                    Vec::new(),
                );
            }
        });
        ctx.count(Rule::AmountPrecision);
        let title = || {
            meta.title
                .clone()
                .unwrap_or_else(|| kind.label_zh().to_owned())
        };
        ctx.count(Rule::NegativeAmount);
        let has_amounts = nonzero_count > 0;
        match (&meta.empty_note, has_amounts) {
            (Some(note), true) => {
                any_noted = true;
                ctx.count(Rule::NotedEmptyTableIsEmpty);
                let title = title();
                let cells: Vec<CellUse> = nonzero
                    .iter()
                    .map(|(at, n)| CellUse {
                        at: *at,
                        label: ctx.label(at),
                        value: Some(match n {
                            yusuan_tables::Number::Amount(w) => Value::Amount(*w),
                            yusuan_tables::Number::Percent(p) => Value::Percent(*p),
                        }),
                    })
                    .collect();
                ctx.note(
                    Rule::NotedEmptyTableIsEmpty,
                    Rule::NotedEmptyTableIsEmpty.severity(),
                    Location::table(title.clone()),
                    format!("{title}注明「{note}」，但表中有 {nonzero_count} 个非零金额。"),
                    Some(Value::Text("空表".into())),
                    Some(Value::Text(format!("{nonzero_count} 个非零金额"))),
                    Some(Rule::NotedEmptyTableIsEmpty.info().action_zh.to_owned()),
                    cells,
                );
            }
            (Some(_), false) => {
                any_noted = true;
                any_empty = true;
                ctx.count(Rule::NotedEmptyTableIsEmpty);
                ctx.count(Rule::EmptyTableNote);
            }
            (None, false) => {
                any_empty = true;
                ctx.count(Rule::EmptyTableNote);
                let title = title();
                ctx.note(
                    Rule::EmptyTableNote,
                    Rule::EmptyTableNote.severity(),
                    Location::table(title.clone()),
                    format!("{title}没有金额，也没有说明单位没有该项收支的表注。"),
                    None,
                    None,
                    Some(Rule::EmptyTableNote.info().action_zh.to_owned()),
                    Vec::new(),
                );
            }
            (None, true) => {}
        }
    }
    if !budget {
        ctx.skip(Rule::TablePresent, "非预算文件，表格构成不同");
    }
    if !any_empty {
        ctx.skip(Rule::EmptyTableNote, "没有空表");
    }
    if !any_noted {
        ctx.skip(Rule::NotedEmptyTableIsEmpty, "没有注明为空的表");
    }
}

// ------------------------------------------------------------ S606

/// Whether `text` holds a template placeholder: two X-like characters in a
/// row (`XX局`, `ＸＸ区`, `××单位`), in one pass over the characters that
/// reads only their lead bytes (a Chinese character is one step, not three).
pub(crate) fn has_placeholder(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Every X-like character carries a mark: the byte `X`, or the byte
    // pairs C3 97 (×), BC B8 (Ｘ), 9C 95 (✕), all before the last byte when
    // another character follows. Most texts have none: a branch-free pass
    // over the byte pairs (which vectorises) rules them out.
    let next = bytes.get(1..).unwrap_or_default();
    let marks = bytes.iter().zip(next).fold(0u8, |m, (&a, &b)| {
        m | u8::from(a == b'X')
            | u8::from(a == 0xC3 && b == 0x97)
            | u8::from(a == 0xBC && b == 0xB8)
            | u8::from(a == 0x9C && b == 0x95)
    });
    if marks == 0 {
        return false;
    }
    let mut previous = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let tail = |n: usize| bytes.get(i + 1..i + 1 + n);
        // Whether the character starting here is X-like, and its length.
        let (x_like, len) = match b {
            b'X' => (true, 1),
            0x00..=0xBF => (false, 1),
            // ×
            0xC3 => (tail(1) == Some(&[0x97]), 2),
            0xC0..=0xDF => (false, 2),
            // Ｘ
            0xEF => (tail(2) == Some(&[0xBC, 0xB8]), 3),
            // ✕
            0xE2 => (tail(2) == Some(&[0x9C, 0x95]), 3),
            0xE0..=0xEF => (false, 3),
            _ => (false, 4),
        };
        if x_like {
            if previous {
                return true;
            }
            previous = true;
        } else {
            previous = false;
        }
        i += len;
    }
    false
}

fn placeholders(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    // The blank template (公开样张) names a placeholder unit on its cover:
    // its placeholders are its content. One note says so, instead of one
    // error per placeholder.
    let cover = d
        .document
        .as_ref()
        .and_then(|t| t.cover_unit.as_deref())
        .unwrap_or("");
    if has_placeholder(&d.unit.name) || has_placeholder(cover) {
        ctx.count(Rule::Placeholder);
        let unit = if d.unit.name.is_empty() {
            cover
        } else {
            d.unit.name.as_str()
        };
        ctx.note(
            Rule::Placeholder,
            crate::Severity::Info,
            Location::table("单位名称"),
            format!(
                "单位名称「{unit}」是占位符：本文件是公开样张（模板），其中的占位符是样张的内容，不作为错误报告。"
            ),
            None,
            Some(Value::Text(unit.to_owned())),
            Some("以实际单位的公开文本核对。".to_owned()),
            Vec::new(),
        );
        return;
    }
    // (where, claim index, text); locations are built only for a hit.
    let mut texts: Vec<(&str, Option<usize>, &str)> = Vec::with_capacity(
        2 + d.narrative.len() + d.performance_tables.len() + TableKind::ALL.len(),
    );
    texts.push(("单位名称", None, d.unit.name.as_str()));
    if let Some(t) = &d.title {
        texts.push(("标题", None, t.as_str()));
    }
    let mut previous: Option<&str> = None;
    for (i, claim) in d.narrative.iter().enumerate() {
        // Claims of one sentence share it: look at it once.
        if previous == Some(claim.sentence.as_str()) {
            continue;
        }
        previous = Some(claim.sentence.as_str());
        texts.push(("情况说明", Some(i), claim.sentence.as_str()));
    }
    for t in &d.performance_tables {
        texts.push(("项目绩效目标表", None, t.project_name.as_str()));
    }
    for &kind in TableKind::ALL {
        if let Some(title) = d.tables.meta(kind).and_then(|m| m.title.as_deref()) {
            texts.push((kind.label_zh(), None, title));
        }
    }
    for (place, claim, text) in texts {
        ctx.count(Rule::Placeholder);
        if !has_placeholder(text) {
            continue;
        }
        let location = match claim {
            Some(i) => Location::table(place).row(format!("第{}条", i + 1)),
            None => Location::table(place),
        };
        ctx.note(
            Rule::Placeholder,
            Rule::Placeholder.severity(),
            location,
            format!("文本中有模板占位符：「{text}」。"),
            None,
            Some(Value::Text(text.to_owned())),
            Some(Rule::Placeholder.info().action_zh.to_owned()),
            Vec::new(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte-at-a-time scan `has_placeholder` replaced, as the
    /// reference.
    fn placeholder_by_bytes(text: &str) -> bool {
        let patterns: [&[u8]; 4] = [b"X", "×".as_bytes(), "Ｘ".as_bytes(), "✕".as_bytes()];
        let bytes = text.as_bytes();
        let mut previous = false;
        let mut i = 0;
        while i < bytes.len() {
            match patterns.iter().find(|p| bytes[i..].starts_with(p)) {
                Some(p) => {
                    if previous {
                        return true;
                    }
                    previous = true;
                    i += p.len();
                }
                None => {
                    previous = false;
                    i += 1;
                }
            }
        }
        false
    }

    proptest! {
        #[test]
        fn placeholder_scan_matches_the_byte_scan(text in "[Xx×Ｘ✕é，、中文𠀀 1-]{0,10}") {
            prop_assert_eq!(has_placeholder(&text), placeholder_by_bytes(&text));
        }

        #[test]
        fn ordinal_fast_exit_changes_nothing(text in "[一二三十、（）()1. 支出类]{0,8}") {
            // The reference: the same function without the fast exit.
            fn slow(label: &str) -> &str {
                let s = label.trim();
                if let Some(pos) = s.find('、') {
                    let head = s.get(..pos).unwrap_or_default();
                    if !head.is_empty() && head.chars().all(|c| "一二三四五六七八九十".contains(c)) {
                        return s.get(pos + '、'.len_utf8()..).unwrap_or(s).trim();
                    }
                }
                for (open, close) in [('（', '）'), ('(', ')')] {
                    if let Some(rest) = s.strip_prefix(open) {
                        if let Some(end) = rest.find(close) {
                            let head = rest.get(..end).unwrap_or_default();
                            if !head.is_empty() && head.chars().all(|c| "一二三四五六七八九十".contains(c)) {
                                return rest.get(end + close.len_utf8()..).unwrap_or(s).trim();
                            }
                        }
                    }
                }
                s
            }
            prop_assert_eq!(strip_ordinal(&text), slow(&text));
        }
    }

    #[test]
    fn ordinals_are_stripped() {
        assert_eq!(
            strip_ordinal("一、社会保障和就业支出"),
            "社会保障和就业支出"
        );
        assert_eq!(strip_ordinal("（二）住房保障支出"), "住房保障支出");
        assert_eq!(
            strip_ordinal("(三)国有资本经营预算拨款"),
            "国有资本经营预算拨款"
        );
        assert_eq!(strip_ordinal("住房保障支出"), "住房保障支出");
        assert_eq!(bare("社会保障和就业支出（类）"), "社会保障和就业支出");
    }

    #[test]
    fn placeholders_are_found() {
        assert!(has_placeholder("XX局2025年部门预算"));
        assert!(has_placeholder("××单位"));
        assert!(has_placeholder("ＸＸ区"));
        assert!(!has_placeholder("人力资源和社会保障部信息中心"));
        assert!(!has_placeholder("X光机 1 台"));
        assert!(has_placeholder("X×"));
        assert!(has_placeholder("单位Ｘ✕"));
        assert!(!has_placeholder("X，X"));
        assert!(!has_placeholder("Ｘé×"));
        assert!(!has_placeholder("𠀀X𠀀X"));
        assert!(has_placeholder("𠀀XX"));
    }
}
