//! Tables read by geometry joined to the typed model: a table the typed
//! reader read whole is kept typed; one it read in part is kept typed and
//! marked partial, with its generic reading beside it; one it could not type
//! stays generic ("read, not checked"). Nothing printed is dropped.

use std::collections::HashMap;

use rust_decimal::Decimal;
use yusuan_classification::Code;
use yusuan_money::Wan;
use yusuan_tables::{
    AmountUnit as ModelUnit, Amounts, BasicExpenditureAmounts, Basis, CodeRow, CodeTable, Column,
    ExpenditureAmounts, FundAmounts, GeneralBudgetAmounts, GenericTable, IncomeAmounts, Number,
    Period, TableKind, TableMeta, ThreePublicAmounts, ThreePublicRow, ThreePublicTable,
};
use yusuan_tables::{Line as TLine, RowKey, SummaryAmounts, SummaryRow, SummaryTable};

use crate::error::{ImportWarning, WarningKind};
use crate::segment::TableKind as TitleKind;

#[path = "final_tables.rs"]
pub(crate) mod final_tables;

/// The model kind a printed title names, if one of the nine.
pub(crate) fn kind_of_title(title: &str) -> Option<TableKind> {
    let sq = yusuan_money::text::squeeze(&yusuan_money::text::normalize(title));
    let sq = strip_title_prefix(&sq);
    // a trailing aside: 一般公共预算支出预算表（功能科目）
    let sq = match sq.rfind('(') {
        Some(i) if sq.ends_with(')') && i > 0 => sq.get(..i).unwrap_or(sq),
        _ => sq,
    };
    if sq.contains("决算") {
        return kind_of_final_title(sq);
    }
    TitleKind::from_title(sq).map(TitleKind::model)
}

/// The typed slot a 决算 table fills when its shape is the budget table's:
/// 支出决算表 (合计 = 基本 + 项目 + …, by 功能分类) is the 支出总表's shape,
/// 一般公共预算财政拨款支出决算表 the 一般公共预算支出表's, its 基本支出
/// table the 基本支出表's and the "三公" 决算 table the "三公" table's with
/// 预算数/决算数 periods, the 收入决算表 the 收入总表's. The others
/// (收入支出决算总表, 财政拨款收入支出决算总表, 基本支出决算表, 政府性基金/
/// 国有资本 收入支出决算表) are the 决算 kinds of [`TableKind::EXTRA`],
/// typed by [`final_tables`].
fn kind_of_final_title(t: &str) -> Option<TableKind> {
    let t = t.trim_end_matches([')', '续', '(']);
    if let Some(k) = final_tables::final_kind_of(t) {
        return Some(k);
    }
    if !t.ends_with("决算表") {
        return None;
    }
    if t.contains("三公") {
        return Some(TableKind::ThreePublicExpenditure);
    }
    if t == "收入决算表" || (t.ends_with("收入决算表") && !t.contains("支出")) {
        return Some(TableKind::IncomeSummary);
    }
    if t.contains("收入") || t.contains("政府性基金") || t.contains("国有资本") {
        return None;
    }
    if t.contains("一般公共预算") && t.contains("支出") && !t.contains("项目支出") {
        return Some(TableKind::GeneralBudgetExpenditure);
    }
    if t == "支出决算表" || (t.ends_with("支出决算表") && !t.contains("财政拨款")) {
        return Some(TableKind::ExpenditureSummary);
    }
    None
}

/// The nine tables a disclosure should print: a 决算's (when it is one or
/// holds 决算 tables: 收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入
/// 支出决算总表, 一般公共预算财政拨款支出决算表, 基本支出决算表, "三公" 决算表,
/// 政府性基金 and 国有资本经营 决算表), else a 预算's.
pub(crate) fn expected_kinds(d: &yusuan_tables::Disclosure) -> &'static [TableKind] {
    d.expected_tables()
}

/// Drops what publishers print before a table's name: a `公开07表` label, an
/// ordinal (`一、`), a year (`2017年度`) and the unit's name up to the last
/// `年度`/`年`.
fn strip_title_prefix(t: &str) -> &str {
    let mut s = t;
    if let Some(i) = s.find("表") {
        // 公开07表… / 部门公开表3…: a label before the name
        let head = s.get(..i).unwrap_or("");
        if (head.starts_with("公开") || head.ends_with("公开"))
            && head.chars().filter(|c| c.is_ascii_digit()).count() <= 2
            && i + "表".len() < s.len()
        {
            s = s.get(i + "表".len()..).unwrap_or(s);
        }
    }
    // an ordinal (一、 / 12、): only when followed by its 、
    if let Some(i) = s.find('、') {
        let head = s.get(..i).unwrap_or("");
        if !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            s = s.get(i + '、'.len_utf8()..).unwrap_or(s);
        }
    }
    s
}

/// A multiset of amounts (value → count), hashed as the solver's keys.
type AmountSet = HashMap<Decimal, usize, crate::grid::KeyHash>;

/// The printed-unit values of every amount of the typed table of `kind`,
/// as a multiset (value → count).
fn typed_amounts(d: &yusuan_tables::Disclosure, kind: TableKind) -> AmountSet {
    let yuan = table_unit(d, kind) == ModelUnit::Yuan;
    let mut m = AmountSet::default();
    for (_, n) in table_cells(d, kind) {
        if let Number::Amount(w) = n {
            let v = if yuan {
                w.value() * Decimal::from(10_000)
            } else {
                w.value()
            };
            *m.entry(v.normalize()).or_insert(0) += 1;
        }
    }
    m
}

fn table_unit(d: &yusuan_tables::Disclosure, kind: TableKind) -> ModelUnit {
    d.tables
        .meta(kind)
        .and_then(|m| m.amount_unit)
        .unwrap_or(d.amount_unit)
}

/// The cells of `g` whose amounts the multiset `have` does not hold
/// (consuming `have`), as `(row label, text)`.
fn not_held(g: &GenericTable, have: &mut AmountSet) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for row in &g.rows {
        for cell in row.cells.iter().flatten() {
            let Some(v) = cell.amount() else { continue };
            match have.get_mut(&v.normalize()) {
                Some(n) if *n > 0 => *n -= 1,
                _ => out.push((row_name(row), cell.text.clone())),
            }
        }
    }
    out
}

fn row_name(row: &yusuan_tables::GenericRow) -> String {
    match &row.code {
        Some(c) if row.label.is_empty() => c.clone(),
        Some(c) => format!("{c} {}", row.label),
        None => row.label.clone(),
    }
}

/// Joins the geometry reading `generic` to the typed tables of `d`, kind by
/// kind (two halves printed side by side under one title are one group):
/// - the text reader's typed table holds every amount printed: kept;
/// - otherwise, the geometry typing of a single printed table replaces it
///   when it succeeds;
/// - otherwise the typed table is removed (a table read in part would make
///   checks report differences the document does not have) and the printed
///   form stays as a generic table, "read, not checked".
///
/// Tables of no known kind stay generic.
pub(crate) fn join(
    d: &mut yusuan_tables::Disclosure,
    generic: Vec<GenericTable>,
    warnings: &mut Vec<ImportWarning>,
) {
    let mut groups: Vec<(Option<TableKind>, Vec<GenericTable>)> = Vec::new();
    for g in generic {
        let kind = kind_of_title(&g.title);
        match groups
            .iter_mut()
            .find(|(k, v)| kind.is_some() && *k == kind && v.iter().all(|x| x.title == g.title))
        {
            Some((_, v)) => v.push(g),
            None => groups.push((kind, vec![g])),
        }
    }
    for (kind, mut group) in groups {
        let Some(kind) = kind else {
            for mut g in group {
                if g.why_untyped.is_empty() {
                    g.why_untyped = "not one of the nine tables the model types".into();
                }
                warnings.push(ImportWarning {
                    kind: WarningKind::UnknownTable,
                    line: None,
                    table: None,
                    message: format!("{}: read as a generic table, not checked", g.title),
                    cells: Vec::new(),
                });
                d.tables.generic.push(g);
            }
            continue;
        };
        if kind.is_final() {
            join_final(d, kind, group, warnings);
            continue;
        }
        let printed: usize = group.iter().map(GenericTable::amount_count).sum();
        let text_reading = if d.tables.has(kind) {
            let typed = typed_amounts(d, kind);
            let mut have = typed.clone();
            let missing: Vec<(String, String)> =
                group.iter().flat_map(|g| not_held(g, &mut have)).collect();
            if missing.is_empty() {
                // amounts the text reader put in the table that the table
                // does not print (a page number under an empty table)
                let mut printed_here = AmountSet::default();
                for v in group
                    .iter()
                    .flat_map(|g| g.rows.iter().flat_map(|r| r.cells.iter().flatten()))
                    .filter_map(|c| c.amount())
                {
                    *printed_here.entry(v.normalize()).or_insert(0) += 1;
                }
                let foreign: Vec<Decimal> = typed
                    .into_iter()
                    .flat_map(|(v, n)| {
                        let k = n.saturating_sub(printed_here.get(&v).copied().unwrap_or(0));
                        std::iter::repeat(v).take(k)
                    })
                    .collect();
                let by_position = match group.as_slice() {
                    [g] => type_code_table(kind, g, d.amount_unit, d.year).ok(),
                    [income, spending] => {
                        type_summary(kind, income, spending, d.amount_unit, d.year)
                            .ok()
                            .map(|t| Typed::Summary((kind, t)))
                    }
                    _ => None,
                };
                match by_position {
                    Some(typed) if !foreign.is_empty() => {
                        let shown: Vec<String> =
                            foreign.iter().take(6).map(ToString::to_string).collect();
                        warnings.retain(|w| !(w.table == Some(kind) && w.line.is_some()));
                        warnings.push(ImportWarning {
                            kind: WarningKind::PlacedByPosition,
                            line: None,
                            table: Some(kind),
                            message: format!(
                                "the text reading held {} amount(s) the table does not print ({}); read by position instead",
                                foreign.len(),
                                shown.join("、")
                            ),
                            cells: Vec::new(),
                        });
                        typed.install(&mut d.tables);
                    }
                    Some(typed) => cross_check(d, kind, typed, warnings),
                    None => {}
                }
                continue;
            }
            Some(missing)
        } else {
            None
        };
        let geometry = match group.as_slice() {
            [g] => type_code_table(kind, g, d.amount_unit, d.year),
            [income, spending]
                if matches!(
                    kind,
                    TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary
                ) =>
            {
                type_summary(kind, income, spending, d.amount_unit, d.year)
                    .map(|t| Typed::Summary((kind, t)))
            }
            _ => Err(format!("printed in {} parts side by side", group.len())),
        };
        match (geometry, text_reading) {
            (Ok(typed), missing) => {
                // what the text reader said of this table no longer holds
                warnings.retain(|w| !(w.table == Some(kind) && w.line.is_some()));
                if let Some(missing) = missing {
                    warnings.push(ImportWarning {
                        kind: WarningKind::PlacedByPosition,
                        line: None,
                        table: Some(kind),
                        message: format!(
                            "the text reading held {} of the {} amounts printed; read by the positions of its columns instead",
                            printed.saturating_sub(missing.len()),
                            printed
                        ),
                        cells: Vec::new(),
                    });
                }
                typed.install(&mut d.tables);
            }
            (Err(why), Some(missing)) => {
                let rows = dedup(missing.iter().map(|(r, _)| r.clone()));
                remove(&mut d.tables, kind);
                warnings.push(ImportWarning {
                    kind: WarningKind::UnreadableTable,
                    line: None,
                    table: Some(kind),
                    message: format!(
                        "{} of the {} amounts printed were not read (rows {}), and its columns could not be typed by position ({why}); left unchecked, kept as printed",
                        missing.len(),
                        printed,
                        rows.join("、")
                    ),
                    cells: Vec::new(),
                });
                for g in &mut group {
                    g.kind = Some(kind);
                    g.why_untyped = format!(
                        "the {} read in part ({} of {} amounts) and not typed by position: {why}",
                        kind.label_zh(),
                        printed.saturating_sub(missing.len()),
                        printed
                    );
                }
                d.tables.generic.extend(group);
            }
            (Err(why), None) => {
                warnings.push(ImportWarning {
                    kind: WarningKind::UnknownTable,
                    line: None,
                    table: Some(kind),
                    message: format!(
                        "printed as {:?}; read, not checked ({why})",
                        group.first().map_or(kind.label_zh(), |g| g.title.as_str())
                    ),
                    cells: Vec::new(),
                });
                for g in &mut group {
                    g.kind = Some(kind);
                    g.why_untyped = why.clone();
                }
                d.tables.generic.extend(group);
            }
        }
    }
}

/// Types the halves of a 决算 table of [`TableKind::EXTRA`] together, or
/// keeps them generic with the reason.
fn join_final(
    d: &mut yusuan_tables::Disclosure,
    kind: TableKind,
    mut group: Vec<GenericTable>,
    warnings: &mut Vec<ImportWarning>,
) {
    let typed = if d.tables.has(kind) {
        Err("printed twice".to_owned())
    } else {
        final_tables::type_final(kind, &group, d.amount_unit, d.year)
    };
    match typed {
        Ok(t) => {
            if let Some(slot) = d.tables.final_accounts.slot_mut(kind) {
                *slot = Some(t);
            }
        }
        Err(why) => {
            warnings.push(ImportWarning {
                kind: WarningKind::UnknownTable,
                line: None,
                table: Some(kind),
                message: format!("{}: read, not checked ({why})", kind.label_zh()),
                cells: Vec::new(),
            });
            for g in &mut group {
                g.why_untyped = why.clone();
            }
            d.tables.generic.extend(group);
        }
    }
}

/// The cells of the table of `kind` holding a number, in the order of
/// [`yusuan_tables::Disclosure::cells`], read from the table's view alone:
/// the join asks for one table's cells three times per table, and listing
/// every table's to keep one table's was a third of its time.
fn table_cells(
    d: &yusuan_tables::Disclosure,
    kind: TableKind,
) -> Vec<((yusuan_tables::RowKey, Column), Number)> {
    let mut out = Vec::new();
    for section in d.view(kind).iter().flat_map(|v| &v.sections) {
        for row in &section.rows {
            for (column, value) in section.columns.iter().zip(&row.values) {
                if let Some(n) = value {
                    out.push(((row.key, *column), *n));
                }
            }
        }
    }
    out
}

/// The cells of the table of `kind`, by row and column (hashed as the
/// solver's keys are: SipHash was half the time of building the map).
fn cells_of(
    d: &yusuan_tables::Disclosure,
    kind: TableKind,
) -> HashMap<(yusuan_tables::RowKey, Column), Number, crate::grid::KeyHash> {
    table_cells(d, kind).into_iter().collect()
}

/// Compares the text reading of a table with its reading by position, cell
/// by cell. Where they differ, the reading under which fewer of the table's
/// own identities fail is kept; on a tie the differing cells are marked
/// doubtful ([`yusuan_tables::Placement::Guessed`]) so that no error rests
/// on them.
fn cross_check(
    d: &mut yusuan_tables::Disclosure,
    kind: TableKind,
    by_position: Typed,
    warnings: &mut Vec<ImportWarning>,
) {
    let text = cells_of(d, kind);
    let mut scratch = yusuan_tables::Disclosure::builder(String::new(), d.year)
        .amount_unit(d.amount_unit)
        .build_unchecked();
    by_position.install(&mut scratch.tables);
    let geo = cells_of(&scratch, kind);
    let mut differ: Vec<(yusuan_tables::RowKey, Column)> = text
        .iter()
        .filter(|(k, v)| geo.get(k) != Some(v))
        .map(|(k, _)| *k)
        .chain(geo.keys().filter(|k| !text.contains_key(k)).copied())
        .collect();
    // the reading by position confirms every cell it agrees on (a blank
    // one too): those are no longer in doubt
    let geo_rows: std::collections::HashSet<yusuan_tables::RowKey> =
        geo.keys().map(|(r, _)| *r).collect();
    if let Some(reading) = meta_mut(&mut d.tables, kind).and_then(|m| m.reading.as_mut()) {
        reading.doubtful.retain(|x| {
            let k = (x.row, x.column);
            let agree = match (text.get(&k), geo.get(&k)) {
                (Some(a), Some(b)) => a == b,
                (None, None) => geo_rows.contains(&x.row),
                _ => false,
            };
            !agree
        });
        if reading.doubtful.is_empty()
            && reading.completeness == yusuan_tables::Completeness::Complete
            && reading.missing_rows.is_empty()
            && reading.missing_columns.is_empty()
        {
            if let Some(m) = meta_mut(&mut d.tables, kind) {
                m.reading = None;
            }
        }
    }
    if differ.is_empty() {
        return;
    }
    differ.sort();
    differ.dedup();
    if d.tables.meta(kind).is_none() {
        return;
    }
    // the reading under which the table's own identities fail less wins;
    // a tie leaves the differing cells in doubt
    let text_failures = own_failures(d, kind);
    let geo_failures = own_failures(&scratch, kind);
    if text_failures < geo_failures {
        return;
    }
    let geometry_wins = geo_failures < text_failures;
    let show =
        |(r, c): &(yusuan_tables::RowKey, Column)| format!("{} {}", r.label_zh(), c.label_zh());
    let list: Vec<String> = differ.iter().take(6).map(show).collect();
    if geometry_wins {
        warnings.push(ImportWarning {
            kind: WarningKind::PlacedByPosition,
            line: None,
            table: Some(kind),
            message: format!(
                "the identities had placed {} cell(s) otherwise than their printed columns ({}), and fail more often so; read by position instead",
                differ.len(),
                list.join("、")
            ),
            cells: Vec::new(),
        });
        let mut s2 = scratch;
        if let Some(t) = take(&mut s2.tables, kind) {
            t.install(&mut d.tables);
        }
        return;
    }
    warnings.push(ImportWarning {
        kind: WarningKind::AmbiguousCells,
        line: None,
        table: Some(kind),
        message: format!(
            "the text reading and the reading by position differ in {} cell(s) ({}); they are marked doubtful",
            differ.len(),
            list.join("、")
        ),
        cells: Vec::new(),
    });
    if let Some(meta) = meta_mut(&mut d.tables, kind) {
        let reading = meta.reading.get_or_insert_with(Default::default);
        for (row, column) in differ {
            reading
                .doubtful
                .retain(|x| !(x.row == row && x.column == column));
            reading.doubtful.push(yusuan_tables::DoubtfulCell {
                row,
                column,
                placement: yusuan_tables::Placement::Guessed,
                why: "the text reading and the reading by column position differ".into(),
            });
        }
    }
}

/// How many of the within-table identities (T1xx) of the table of `kind`
/// fail (errors and warnings) when it is checked alone.
fn own_failures(d: &yusuan_tables::Disclosure, kind: TableKind) -> usize {
    let mut alone = yusuan_tables::Disclosure::builder(String::new(), d.year)
        .amount_unit(d.amount_unit)
        .build_unchecked();
    let mut t = d.tables.clone();
    if let Some(x) = take(&mut t, kind) {
        x.install(&mut alone.tables);
    }
    yusuan_reconcile::reconcile(&alone)
        .findings
        .iter()
        .filter(|f| {
            f.rule.family() == yusuan_reconcile::Family::WithinTable
                && f.severity >= yusuan_reconcile::Severity::Warning
        })
        .count()
}

/// Moves the typed table of `kind` out of `t`.
fn take(t: &mut yusuan_tables::Tables, kind: TableKind) -> Option<Typed> {
    Some(match kind {
        TableKind::IncomeSummary => Typed::Income(t.income_summary.take()?),
        TableKind::ExpenditureSummary => Typed::Expenditure(t.expenditure_summary.take()?),
        TableKind::GeneralBudgetExpenditure => Typed::General(t.general_budget_expenditure.take()?),
        TableKind::GeneralBudgetBasicExpenditure => {
            Typed::Basic(t.general_budget_basic_expenditure.take()?)
        }
        TableKind::GovernmentFundExpenditure => Typed::Fund(t.government_fund_expenditure.take()?),
        TableKind::StateCapitalExpenditure => Typed::Capital(t.state_capital_expenditure.take()?),
        TableKind::ThreePublicExpenditure => Typed::Three(t.three_public_expenditure.take()?),
        TableKind::IncomeExpenditureSummary => {
            Typed::Summary((kind, t.income_expenditure_summary.take()?))
        }
        TableKind::FiscalAppropriationSummary => {
            Typed::Summary((kind, t.fiscal_appropriation_summary.take()?))
        }
        _ => return None,
    })
}

fn meta_mut(t: &mut yusuan_tables::Tables, kind: TableKind) -> Option<&mut TableMeta> {
    match kind {
        TableKind::IncomeExpenditureSummary => {
            t.income_expenditure_summary.as_mut().map(|t| &mut t.meta)
        }
        TableKind::IncomeSummary => t.income_summary.as_mut().map(|t| &mut t.meta),
        TableKind::ExpenditureSummary => t.expenditure_summary.as_mut().map(|t| &mut t.meta),
        TableKind::FiscalAppropriationSummary => {
            t.fiscal_appropriation_summary.as_mut().map(|t| &mut t.meta)
        }
        TableKind::GeneralBudgetExpenditure => {
            t.general_budget_expenditure.as_mut().map(|t| &mut t.meta)
        }
        TableKind::GeneralBudgetBasicExpenditure => t
            .general_budget_basic_expenditure
            .as_mut()
            .map(|t| &mut t.meta),
        TableKind::GovernmentFundExpenditure => {
            t.government_fund_expenditure.as_mut().map(|t| &mut t.meta)
        }
        TableKind::StateCapitalExpenditure => {
            t.state_capital_expenditure.as_mut().map(|t| &mut t.meta)
        }
        TableKind::ThreePublicExpenditure => {
            t.three_public_expenditure.as_mut().map(|t| &mut t.meta)
        }
        _ => None,
    }
}

/// Removes the typed table of `kind`.
fn remove(t: &mut yusuan_tables::Tables, kind: TableKind) {
    match kind {
        TableKind::IncomeExpenditureSummary => t.income_expenditure_summary = None,
        TableKind::IncomeSummary => t.income_summary = None,
        TableKind::ExpenditureSummary => t.expenditure_summary = None,
        TableKind::FiscalAppropriationSummary => t.fiscal_appropriation_summary = None,
        TableKind::GeneralBudgetExpenditure => t.general_budget_expenditure = None,
        TableKind::GeneralBudgetBasicExpenditure => t.general_budget_basic_expenditure = None,
        TableKind::GovernmentFundExpenditure => t.government_fund_expenditure = None,
        TableKind::StateCapitalExpenditure => t.state_capital_expenditure = None,
        TableKind::ThreePublicExpenditure => t.three_public_expenditure = None,
        _ => {}
    }
}

fn dedup(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for s in it {
        if !v.contains(&s) {
            v.push(s);
        }
    }
    v
}

/// A code table typed from its geometry reading.
pub(crate) enum Typed {
    Income(CodeTable<IncomeAmounts>),
    Expenditure(CodeTable<ExpenditureAmounts>),
    General(CodeTable<GeneralBudgetAmounts>),
    Basic(CodeTable<BasicExpenditureAmounts>),
    Fund(CodeTable<FundAmounts>),
    Capital(CodeTable<FundAmounts>),
    Three(ThreePublicTable),
    /// A 收支总表 or 财政拨款收支总表 (its kind in the first field).
    Summary((TableKind, SummaryTable)),
}

impl Typed {
    fn install(self, t: &mut yusuan_tables::Tables) {
        match self {
            Typed::Income(x) => t.income_summary = Some(x),
            Typed::Expenditure(x) => t.expenditure_summary = Some(x),
            Typed::General(x) => t.general_budget_expenditure = Some(x),
            Typed::Basic(x) => t.general_budget_basic_expenditure = Some(x),
            Typed::Fund(x) => t.government_fund_expenditure = Some(x),
            Typed::Capital(x) => t.state_capital_expenditure = Some(x),
            Typed::Three(x) => t.three_public_expenditure = Some(x),
            Typed::Summary((TableKind::FiscalAppropriationSummary, x)) => {
                t.fiscal_appropriation_summary = Some(x)
            }
            Typed::Summary((_, x)) => t.income_expenditure_summary = Some(x),
        }
    }
}

/// The column a leaf heading path names in a table of `kind`, if any.
pub(crate) fn column_of(kind: TableKind, path: &[String]) -> Option<Column> {
    use Column as C;
    let h: String = path
        .iter()
        .map(|p| yusuan_money::text::squeeze(&yusuan_money::text::normalize(p)))
        .collect::<Vec<_>>()
        .join("/");
    let leaf = path
        .last()
        .map(|p| yusuan_money::text::squeeze(&yusuan_money::text::normalize(p)))
        .unwrap_or_default();
    let is_total = |s: &str| {
        s.is_empty()
            || s.ends_with("合计")
            || s == "金额"
            || s == "总计"
            || s.ends_with("预算数")
            || s.ends_with("决算数")
    };
    match kind {
        // the leaf decides when it names a source: a heading wrongly
        // spanning its neighbours (事业收入 over 上级补助收入) must not
        TableKind::IncomeSummary if !is_total(&leaf) && leaf != "小计" => {
            income_column(&leaf).or_else(|| income_column(&h))
        }
        TableKind::IncomeSummary => income_column(&h).or(Some(C::Total)),
        TableKind::ExpenditureSummary => Some(if h.contains("基本支出") {
            C::Basic
        } else if h.contains("项目支出") {
            C::Project
        } else if h.contains("上缴上级") {
            C::RemitToSuperior
        } else if h.contains("经营支出") {
            C::InstitutionOperatingExpenditure
        } else if h.contains("对附属单位") {
            C::SubsidyToSubordinate
        } else if is_total(&leaf) {
            C::Total
        } else {
            return None;
        }),
        TableKind::GeneralBudgetExpenditure => {
            if h.contains("执行") || h.contains("增减") || h.contains("扣除") {
                return None; // the prior-year forms are read by the typed reader
            }
            Some(if h.contains("基本支出") {
                C::Basic
            } else if h.contains("项目支出") {
                C::Project
            } else if is_total(&leaf) || leaf == "小计" {
                C::Total
            } else {
                return None;
            })
        }
        TableKind::GeneralBudgetBasicExpenditure => Some(if h.contains("人员经费") {
            C::Personnel
        } else if h.contains("公用经费") {
            C::Public
        } else if is_total(&leaf) {
            C::Total
        } else {
            return None;
        }),
        TableKind::GovernmentFundExpenditure | TableKind::StateCapitalExpenditure => {
            Some(if h.contains("基本支出") {
                C::Basic
            } else if h.contains("项目支出") {
                C::Project
            } else if is_total(&leaf) {
                C::Total
            } else {
                return None;
            })
        }
        _ => None,
    }
}

/// Types a code-keyed table from its geometry reading: every amount column
/// must map to one column of the kind by its heading path, every row must
/// carry a code or be the 合计 row.
pub(crate) fn type_code_table(
    kind: TableKind,
    g: &GenericTable,
    doc_unit: ModelUnit,
    doc_year: u16,
) -> Result<Typed, String> {
    let unit = g.amount_unit.unwrap_or(doc_unit);
    let meta = TableMeta {
        number: g.number.clone(),
        title: Some(g.title.clone()),
        amount_unit: (unit != doc_unit).then_some(unit),
        empty_note: if g.rows.is_empty() {
            g.note.clone()
        } else {
            None
        },
        notes: if g.rows.is_empty() {
            Vec::new()
        } else {
            g.note.iter().cloned().collect()
        },
        reading: None,
    };
    if kind == TableKind::ThreePublicExpenditure {
        return type_three_public(g, unit, doc_year, meta).map(Typed::Three);
    }
    let columns: Vec<Column> = g
        .columns
        .iter()
        .map(|c| {
            column_of(kind, &c.path)
                .ok_or_else(|| format!("column {:?} is not one of this table's", c.label()))
        })
        .collect::<Result<_, _>>()?;
    if columns.is_empty() {
        return Err("no amount column".into());
    }
    for (i, c) in columns.iter().enumerate() {
        if columns.iter().skip(i + 1).any(|d| d == c) {
            return Err(format!("two columns read as {}", c.label_zh()));
        }
    }
    fn build<A: Amounts>(
        g: &GenericTable,
        columns: &[Column],
        unit: ModelUnit,
        meta: TableMeta,
    ) -> Result<CodeTable<A>, String> {
        let mut t = CodeTable::<A>::new();
        t.meta = meta;
        t.columns = columns.to_vec();
        for row in &g.rows {
            let mut a = A::default();
            for (cell, &col) in row.cells.iter().zip(columns) {
                let Some(cell) = cell else { continue };
                let w = match Wan::parse_cell(&cell.text) {
                    Ok(Some(w)) => w,
                    Ok(None) => continue,
                    Err(_) => {
                        return Err(format!(
                            "cell {:?} of row {:?} is not an amount",
                            cell.text,
                            row_name(row)
                        ))
                    }
                };
                let w = if unit == ModelUnit::Yuan {
                    Wan::from_yuan_exact(w.value())
                } else {
                    w
                };
                a.set(col, Some(Number::Amount(w)))
                    .map_err(|e| e.to_string())?;
            }
            let label = yusuan_money::text::squeeze(&row.label);
            match &row.code {
                Some(code) => {
                    let c = Code::parse(code).map_err(|e| format!("row code {code:?}: {e}"))?;
                    if t.rows.iter().any(|r| r.code == c) {
                        return Err(format!("code {code} printed twice"));
                    }
                    t.rows.push(CodeRow::new(c, row.label.clone(), a));
                }
                // a table of one row printed without a label (the central
                // 收入总表 prints only its 合计 row, the label in the heading)
                None if label == "合计"
                    || label == "总计"
                    || (label.is_empty() && g.rows.len() == 1) =>
                {
                    if t.total.is_some() {
                        return Err("two 合计 rows".into());
                    }
                    t.total = Some(a);
                }
                None => return Err(format!("row {:?} has no 科目编码", row.label)),
            }
        }
        Ok(t)
    }
    Ok(match kind {
        TableKind::IncomeSummary => Typed::Income(build(g, &columns, unit, meta)?),
        TableKind::ExpenditureSummary => Typed::Expenditure(build(g, &columns, unit, meta)?),
        TableKind::GeneralBudgetExpenditure => Typed::General(build(g, &columns, unit, meta)?),
        TableKind::GeneralBudgetBasicExpenditure => Typed::Basic(build(g, &columns, unit, meta)?),
        TableKind::GovernmentFundExpenditure => Typed::Fund(build(g, &columns, unit, meta)?),
        TableKind::StateCapitalExpenditure => Typed::Capital(build(g, &columns, unit, meta)?),
        _ => {
            return Err(format!(
                "the {} is typed by the text reader only",
                kind.label_zh()
            ))
        }
    })
}

/// The "三公" item a heading path names, read from the innermost heading
/// out (`公务用车购置及运行维护费 › 小计` is the vehicles subtotal).
fn three_public_column(path: &[String]) -> Option<Column> {
    use Column as C;
    path.iter().rev().find_map(|seg| {
        let h = yusuan_money::text::squeeze(&yusuan_money::text::normalize(seg));
        Some(if h.contains("因公出国") {
            C::OutboundTravel
        } else if h.contains("公务接待") {
            C::Reception
        } else if h.contains("机关运行经费") {
            C::AgencyOperation
        } else if h == "小计" {
            C::Vehicles
        } else if h.ends_with("购置费") && !h.contains('及') {
            C::VehiclePurchase
        } else if (h.contains("运行费") || h.contains("运行维护费")) && !h.contains("购置")
        {
            C::VehicleOperation
        } else if h.contains("公务用车") || h.contains("公务车") {
            C::Vehicles
        } else if h.contains("合计") {
            C::Total
        } else {
            return None;
        })
    })
}

/// The period a heading path names: `2024年预算数`, `决算数`, … (a year not
/// printed is the table's year, taken from the title).
fn period_of(h: &str, year: Option<u16>) -> Option<Period> {
    let basis = if h.contains("决算") {
        Basis::FinalAccounts
    } else if h.contains("执行") {
        Basis::Execution
    } else if h.contains("预算") {
        Basis::Budget
    } else {
        return None;
    };
    let printed = crate::patterns::period()
        .captures(h)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse::<u16>().ok());
    Some(Period {
        year: printed.or_else(|| year_in(h)).or(year)?,
        basis,
    })
}

fn year_in(t: &str) -> Option<u16> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = t.get(i..i + 4)?;
        let y: u16 = w.parse().ok()?;
        ((1990..=2100).contains(&y) && t.get(i + 4..)?.starts_with('年')).then_some(y)
    })
}

/// Types a "三公" table whose columns pair an item with a period
/// (`公务接待费 › 预算数`, `公务接待费 › 决算数`): the 决算 form, and budget
/// forms printing two years side by side.
fn type_three_public(
    g: &GenericTable,
    unit: ModelUnit,
    doc_year: u16,
    meta: TableMeta,
) -> Result<ThreePublicTable, String> {
    let year = year_in(&yusuan_money::text::squeeze(&g.title)).or(Some(doc_year));
    let mut slots: Vec<(Period, Column)> = Vec::new();
    for c in &g.columns {
        let h = yusuan_money::text::squeeze(&yusuan_money::text::normalize(&c.path.join("/")));
        let col = three_public_column(&c.path)
            .ok_or_else(|| format!("column {:?} names no \"三公\" item", c.label()))?;
        let period = period_of(&h, year)
            .ok_or_else(|| format!("column {:?} names no 预算数/决算数", c.label()))?;
        if slots.contains(&(period, col)) {
            return Err(format!(
                "two columns read as {} {}",
                period.label_zh(),
                col.label_zh()
            ));
        }
        slots.push((period, col));
    }
    let data: Vec<&yusuan_tables::GenericRow> = g
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(Option::is_some))
        .collect();
    if data.len() > 1 {
        return Err(format!(
            "{} rows of amounts where one is printed",
            data.len()
        ));
    }
    let mut t = ThreePublicTable {
        meta,
        ..Default::default()
    };
    for (p, c) in &slots {
        if !t.periods.contains(p) {
            t.periods.push(*p);
        }
        if !t.columns.contains(c) {
            t.columns.push(*c);
        }
    }
    if let Some(row) = data.first() {
        for (cell, (period, col)) in row.cells.iter().zip(&slots) {
            let Some(cell) = cell else { continue };
            let w = match Wan::parse_cell(&cell.text) {
                Ok(Some(w)) => w,
                Ok(None) => continue,
                Err(_) => return Err(format!("cell {:?} is not an amount", cell.text)),
            };
            let w = if unit == ModelUnit::Yuan {
                Wan::from_yuan_exact(w.value())
            } else {
                w
            };
            let i = match t.rows.iter().position(|r| r.period == *period) {
                Some(i) => i,
                None => {
                    t.rows.push(ThreePublicRow {
                        period: *period,
                        amounts: ThreePublicAmounts::default(),
                    });
                    t.rows.len() - 1
                }
            };
            if let Some(r) = t.rows.get_mut(i) {
                r.amounts
                    .set(*col, Some(Number::Amount(w)))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(t)
}

/// The column of a 收支总表's or 财政拨款收支总表's 支出 side a heading path
/// names.
fn summary_spending_column(path: &[String]) -> Option<Column> {
    use Column as C;
    let segs: Vec<String> = path
        .iter()
        .map(|p| yusuan_money::text::squeeze(&yusuan_money::text::normalize(p)))
        .collect();
    let leaf = segs.last().cloned().unwrap_or_default();
    let h = segs.join("/");
    Some(if leaf.contains("人员经费") {
        C::Personnel
    } else if leaf.contains("公用经费") {
        C::Public
    } else if leaf.contains("基本支出") {
        C::Basic
    } else if leaf.contains("项目支出") {
        C::Project
    } else if leaf.contains("一般公共预算") {
        C::GeneralBudget
    } else if leaf.contains("政府性基金") {
        C::GovernmentFund
    } else if leaf.contains("国有资本经营") {
        C::StateCapital
    } else if leaf.is_empty()
        || leaf.ends_with("合计")
        || leaf == "小计"
        || leaf == "金额"
        || leaf.ends_with("预算数")
        || h.ends_with("预算数")
    {
        C::Total
    } else {
        return None;
    })
}

/// Types a 收支总表 or 财政拨款收支总表 from its two halves printed side by
/// side: the 收入 half's lines named by their labels (one amount column),
/// the 支出 half's rows by 类 name (resolved by the year's names, obsolete
/// ones included) or line, its columns by heading path.
fn type_summary(
    kind: TableKind,
    income: &GenericTable,
    spending: &GenericTable,
    doc_unit: ModelUnit,
    year: u16,
) -> Result<SummaryTable, String> {
    use crate::read::{summary_key, SKey};
    let catalog = yusuan_classification::Catalog::embedded();
    let classes = |name: &str| -> Option<Code> {
        let hit = catalog.resolve_name(yusuan_classification::Scheme::Function, name, year)?;
        (hit.code.len() == 3).then_some(hit.code)
    };
    if income.columns.len() != 1 {
        return Err(format!(
            "the 收入 side prints {} amount columns where one is expected",
            income.columns.len()
        ));
    }
    let spending_columns: Vec<Column> = spending
        .columns
        .iter()
        .map(|c| {
            summary_spending_column(&c.path)
                .ok_or_else(|| format!("column {:?} is not one of this table's", c.label()))
        })
        .collect::<Result<_, _>>()?;
    for (i, c) in spending_columns.iter().enumerate() {
        if spending_columns.iter().skip(i + 1).any(|x| x == c) {
            return Err(format!("two 支出 columns read as {}", c.label_zh()));
        }
    }
    let unit = income.amount_unit.unwrap_or(doc_unit);
    let amount = |text: &str| -> Result<Option<Wan>, String> {
        let w = Wan::parse_cell(text).map_err(|_| format!("cell {text:?} is not an amount"))?;
        Ok(w.map(|w| {
            if unit == ModelUnit::Yuan {
                Wan::from_yuan_exact(w.value())
            } else {
                w
            }
        }))
    };
    let mut t = SummaryTable {
        meta: TableMeta {
            number: income.number.clone(),
            title: Some(income.title.clone()),
            amount_unit: (unit != doc_unit).then_some(unit),
            empty_note: None,
            notes: income.note.iter().cloned().collect(),
            reading: None,
        },
        ..Default::default()
    };
    if spending_columns != [Column::Total] {
        t.expenditure_columns = spending_columns.clone();
    }
    let mut carryover = false;
    for row in &income.rows {
        let label: String = row.label.chars().filter(|c| !c.is_whitespace()).collect();
        let has_amount = row.cells.iter().flatten().next().is_some();
        if label.is_empty() {
            if has_amount {
                return Err("a 收入 amount without a label".into());
            }
            continue;
        }
        let key = summary_key(&label, kind, carryover, &classes);
        let line = match key {
            Some(SKey::Income(line)) => line,
            _ if !has_amount => continue,
            _ => return Err(format!("收入 line {label:?} is not one the model knows")),
        };
        if line == TLine::PriorYearCarryover {
            carryover = true;
        } else if line == TLine::IncomeTotal {
            carryover = false;
        }
        let mut amounts = SummaryAmounts::default();
        if let Some(Some(cell)) = row.cells.first() {
            amounts
                .set(Column::Total, amount(&cell.text)?.map(Number::Amount))
                .map_err(|e| e.to_string())?;
        }
        if t.income.iter().any(|r| r.key == RowKey::Line(line)) {
            return Err(format!("收入 line {label:?} printed twice"));
        }
        t.income.push(SummaryRow {
            key: RowKey::Line(line),
            label: row.label.clone(),
            amounts,
        });
    }
    for row in &spending.rows {
        let label: String = row.label.chars().filter(|c| !c.is_whitespace()).collect();
        let has_amount = row.cells.iter().flatten().next().is_some();
        if label.is_empty() {
            if has_amount {
                return Err("a 支出 amount without a label".into());
            }
            continue;
        }
        let key = match summary_key(&label, kind, false, &classes) {
            Some(SKey::Class(code)) => RowKey::Code(code),
            Some(SKey::Expenditure(line)) => RowKey::Line(line),
            _ if !has_amount => continue,
            _ => return Err(format!("支出 row {label:?} names no 类 or line")),
        };
        let mut amounts = SummaryAmounts::default();
        for (cell, &col) in row.cells.iter().zip(&spending_columns) {
            if let Some(cell) = cell {
                amounts
                    .set(col, amount(&cell.text)?.map(Number::Amount))
                    .map_err(|e| e.to_string())?;
            }
        }
        if t.expenditure.iter().any(|r| r.key == key) {
            return Err(format!("支出 row {label:?} printed twice"));
        }
        t.expenditure.push(SummaryRow {
            key,
            label: row.label.clone(),
            amounts,
        });
    }
    if t.income.is_empty() || t.expenditure.is_empty() {
        return Err("a side with no line read".into());
    }
    Ok(t)
}

/// The 收入总表 column a heading text names (a source of income), if any.
fn income_column(h: &str) -> Option<Column> {
    use Column as C;
    Some(if h.contains("教育收费") {
        C::EducationFees
    } else if h.contains("上年结转") {
        C::PriorYearCarryover
    } else if h.contains("结余") {
        C::NonFiscalBalanceUsed
    } else if h.contains("一般公共预算") {
        C::GeneralBudget
    } else if h.contains("政府性基金") {
        C::GovernmentFund
    } else if h.contains("国有资本经营") {
        C::StateCapital
    } else if h.contains("财政拨款") {
        C::FiscalAppropriation
    } else if h.contains("经营收入") {
        C::InstitutionOperatingIncome
    } else if h.contains("上级补助") {
        C::SuperiorSubsidy
    } else if h.contains("附属单位") {
        C::SubordinateRemittance
    } else if h.contains("其他收入") {
        C::OtherIncome
    } else if h.contains("事业收入") {
        C::BusinessIncome
    } else {
        return None;
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use yusuan_tables::{GenericCell, GenericColumn, GenericRow};

    /// A generic row printing `cells` (an empty string is a blank cell).
    pub(crate) fn row(code: Option<&str>, label: &str, cells: &[&str]) -> GenericRow {
        GenericRow {
            code: code.map(str::to_owned),
            label: label.into(),
            cells: cells
                .iter()
                .map(|t| (!t.is_empty()).then(|| GenericCell::new(*t)))
                .collect(),
        }
    }

    #[test]
    fn titles_with_prefixes_name_their_kind() {
        assert_eq!(
            kind_of_title("一、2017年度部门收支预算总表"),
            Some(TableKind::IncomeExpenditureSummary)
        );
        assert_eq!(
            kind_of_title("公开07表 一般公共预算支出预算表"),
            Some(TableKind::GeneralBudgetExpenditure)
        );
        assert_eq!(kind_of_title("一般公共预算机关运行经费支出预算表"), None);
        assert_eq!(kind_of_title("政府采购预算表"), None);
        assert_eq!(
            kind_of_title("公开 07 表 一般公共预算支出预算表（功能科目）"),
            Some(TableKind::GeneralBudgetExpenditure)
        );
    }

    #[test]
    fn a_single_amount_column_types_as_the_total() {
        // 江苏 一般公共预算基本支出预算表: 科目编码 | 科目名称 | 金额
        let g = GenericTable {
            title: "一般公共预算基本支出预算表".into(),
            columns: vec![GenericColumn::new(["金额"])],
            rows: vec![
                row(None, "合计", &["5,598.17"]),
                row(Some("301"), "工资福利支出", &["3,806.26"]),
                row(Some("30101"), "基本工资", &["854.47"]),
            ],
            ..Default::default()
        };
        let Ok(Typed::Basic(t)) = type_code_table(
            TableKind::GeneralBudgetBasicExpenditure,
            &g,
            ModelUnit::Wan,
            2024,
        ) else {
            panic!("not typed")
        };
        assert_eq!(t.columns, vec![Column::Total]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.total.unwrap().total.unwrap().to_string(), "5,598.17");
        assert_eq!(t.rows[1].amounts.personnel, None);
    }

    #[test]
    fn final_accounts_three_public_pairs_read_as_two_periods() {
        // case f15: 预算数 / 决算数 under every item; only 公务接待费 is spent
        let items = [
            "合计",
            "因公出国（境）费",
            "公务用车购置及运行维护费/小计",
            "公务用车购置及运行维护费/购置费",
            "公务用车购置及运行维护费/运行维护费",
            "公务接待费",
        ];
        let mut columns = Vec::new();
        for i in items {
            for b in ["预算数", "决算数"] {
                let mut path: Vec<String> = i.split('/').map(str::to_owned).collect();
                path.push(b.into());
                columns.push(GenericColumn { path });
            }
        }
        let g = GenericTable {
            title: "2024年度财政拨款“三公”经费支出决算表".into(),
            columns,
            rows: vec![row(
                None,
                "",
                &[
                    "2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                    "2.85", "0.39",
                ],
            )],
            ..Default::default()
        };
        assert_eq!(
            kind_of_title(&g.title),
            Some(TableKind::ThreePublicExpenditure)
        );
        let Ok(Typed::Three(t)) =
            type_code_table(TableKind::ThreePublicExpenditure, &g, ModelUnit::Wan, 2024)
        else {
            panic!(
                "not typed: {:?}",
                type_code_table(TableKind::ThreePublicExpenditure, &g, ModelUnit::Wan, 2024).err()
            )
        };
        let budget = Period {
            year: 2024,
            basis: Basis::Budget,
        };
        let fin = Period {
            year: 2024,
            basis: Basis::FinalAccounts,
        };
        assert_eq!(t.periods, vec![budget, fin]);
        assert_eq!(
            t.amounts(budget).unwrap().reception.unwrap().to_string(),
            "2.85"
        );
        assert_eq!(t.amounts(fin).unwrap().total.unwrap().to_string(), "0.39");
        assert_eq!(
            t.amounts(fin).unwrap().vehicles.unwrap().to_string(),
            "0.00"
        );
    }

    #[test]
    fn an_unknown_column_keeps_the_table_generic() {
        let g = GenericTable {
            title: "支出预算总表".into(),
            columns: vec![
                GenericColumn::new(["合计"]),
                GenericColumn::new(["单位预留机动经费"]),
            ],
            rows: vec![row(None, "合计", &["1.00", "2.00"])],
            ..Default::default()
        };
        let why = type_code_table(TableKind::ExpenditureSummary, &g, ModelUnit::Wan, 2024)
            .err()
            .unwrap();
        assert!(why.contains("单位预留机动经费"), "{why}");
    }
}
