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
    ExpenditureAmounts, ExtraCell, ExtraColumn, FundAmounts, GeneralBudgetAmounts, GenericTable,
    IncomeAmounts, Number, Period, TableKind, TableMeta, ThreePublicAmounts, ThreePublicRow,
    ThreePublicTable,
};
use yusuan_tables::{
    DoubtfulCell, Line as TLine, RowKey, SummaryAmounts, SummaryRow, SummaryTable,
};

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

/// The geometry reading of the tables printed under one title (two halves
/// side by side are one group), with its typing by position.
pub(crate) struct Group<'a> {
    kind: Option<TableKind>,
    /// The tables as the geometry reader found them (cloned only to be kept
    /// generic).
    tables: Vec<&'a GenericTable>,
    /// For a budget table of a known kind: its typing by position, or why
    /// it could not be typed. `None` for a 决算 table (typed in
    /// [`join_final`]) and a table of no known kind.
    by_position: Option<Result<Typed, String>>,
    /// What the typing by position noticed (a 类 printed under an obsolete
    /// name), said when its typing is installed.
    notes: Vec<ImportWarning>,
}

impl Group<'_> {
    /// The kind of budget table this group was typed as, by position.
    pub(crate) fn typed_kind(&self) -> Option<TableKind> {
        match self.by_position {
            Some(Ok(_)) => self.kind,
            _ => None,
        }
    }
}

/// Groups the geometry reading by kind and types each budget table by the
/// positions of its columns (a 决算 table is typed by [`join`]). A typed
/// table's title is its title line as printed (`2025年部门收入预算总表`),
/// from `geometry` (in the order of `generic`).
pub(crate) fn groups<'a>(
    generic: &'a [GenericTable],
    geometry: &[yusuan_layout::TableGeometry],
    unit: ModelUnit,
    year: u16,
) -> Vec<Group<'a>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut printed_names: Vec<&str> = Vec::new();
    for (i, g) in generic.iter().enumerate() {
        let printed = geometry.get(i).map_or("", |x| x.printed_name.as_str());
        let kind = kind_of_title(&g.title);
        match groups.iter_mut().find(|x| {
            kind.is_some() && x.kind == kind && x.tables.iter().all(|t| t.title == g.title)
        }) {
            Some(x) => x.tables.push(g),
            None => {
                printed_names.push(printed);
                groups.push(Group {
                    kind,
                    tables: vec![g],
                    by_position: None,
                    notes: Vec::new(),
                })
            }
        }
    }
    for (g, printed) in groups.iter_mut().zip(printed_names) {
        let Some(kind) = g.kind.filter(|k| !k.is_final()) else {
            continue;
        };
        let mut typed = match g.tables.as_slice() {
            [t] => type_code_table(kind, t, unit, year),
            [income, spending @ ..] if is_summary(kind) && !spending.is_empty() => {
                type_summary(kind, income, spending, unit, year, &mut g.notes)
                    .map(|t| Typed::Summary((kind, t)))
            }
            _ => Err(format!("printed in {} parts side by side", g.tables.len())),
        };
        if let Ok(t) = &mut typed {
            if !printed.is_empty() {
                t.meta_mut().title = Some(printed.to_owned());
            }
        }
        g.by_position = Some(typed);
    }
    groups
}

/// Whether the tables typed by position, checked alone, break one of their
/// own identities (a within-table error): then the text reader reads the
/// tables too, and where the two readings differ cell by cell the
/// [`cross_check`] decides or leaves the cells in doubt. A reading by
/// position alone could put an amount printed between two columns in the
/// wrong one for certain, and accuse the document of its own misreading.
pub(crate) fn breaks_own_identities(groups: &mut [Group], unit: ModelUnit, year: u16) -> bool {
    // the first table of each kind (the one the join keeps) is moved into a
    // disclosure of its own and back: cloning them was a tenth of the import
    let mut alone = yusuan_tables::Disclosure::builder(String::new(), year)
        .amount_unit(unit)
        .build_unchecked();
    let mut moved: Vec<(usize, TableKind)> = Vec::new();
    for (i, g) in groups.iter_mut().enumerate() {
        let Some(kind) = g.typed_kind() else { continue };
        if moved.iter().any(|(_, k)| *k == kind) {
            continue;
        }
        if let Some(Ok(t)) = g.by_position.take() {
            t.install(&mut alone.tables);
            moved.push((i, kind));
        }
    }
    let broken = within_table_severities(&alone).any(|s| s >= yusuan_reconcile::Severity::Error);
    for (i, kind) in moved {
        if let (Some(g), Some(t)) = (groups.get_mut(i), take(&mut alone.tables, kind)) {
            g.by_position = Some(Ok(t));
        }
    }
    broken
}

/// The severities of the within-table findings (T1xx) of the tables of `d`.
fn within_table_severities(
    d: &yusuan_tables::Disclosure,
) -> impl Iterator<Item = yusuan_reconcile::Severity> {
    yusuan_reconcile::reconcile(d)
        .findings
        .into_iter()
        .filter(|f| f.rule.family() == yusuan_reconcile::Family::WithinTable)
        .map(|f| f.severity)
}

/// Joins the geometry reading (`groups`, from [`groups`]) to the typed
/// tables of `d`, kind by kind:
/// - the text reader's typed table holds every amount printed: kept, and
///   compared cell by cell with the typing by position ([`cross_check`]);
/// - otherwise, the geometry typing of a single printed table replaces it
///   when it succeeds;
/// - otherwise the typed table is removed (a table read in part would make
///   checks report differences the document does not have) and the printed
///   form stays as a generic table, "read, not checked";
/// - a second table of a kind already joined (under another title) stays
///   generic with a [`WarningKind::DuplicateTable`] warning: the first is
///   the one checked.
///
/// Tables of no known kind stay generic.
pub(crate) fn join(
    d: &mut yusuan_tables::Disclosure,
    groups: Vec<Group>,
    warnings: &mut Vec<ImportWarning>,
) {
    let mut joined: Vec<TableKind> = Vec::new();
    for Group {
        kind,
        tables: group,
        by_position: typed_by_position,
        notes,
    } in groups
    {
        let Some(kind) = kind else {
            for g in group {
                let mut g = g.clone();
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
            join_final(d, kind, group.into_iter().cloned().collect(), warnings);
            continue;
        }
        if joined.contains(&kind) {
            // the model holds one table of a kind: the first printed is
            // kept, as the text reader keeps it, and the second stays as
            // printed, never silently in its place
            warnings.push(ImportWarning {
                kind: WarningKind::DuplicateTable,
                line: None,
                table: Some(kind),
                message: format!(
                    "a second table of this kind ({:?}); kept as printed, not checked",
                    group.first().map_or("", |g| g.title.as_str())
                ),
                cells: Vec::new(),
            });
            for g in group {
                let mut g = g.clone();
                g.kind = Some(kind);
                g.why_untyped = "a second table of this kind: the first is the one checked".into();
                d.tables.generic.push(g);
            }
            continue;
        }
        joined.push(kind);
        let printed: usize = group.iter().map(|g| g.amount_count()).sum();
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
                let by_position = typed_by_position.and_then(Result::ok);
                // found whole (title, unit, heading band) and printing no
                // amount: read, for certain, as empty
                let empty_body = printed == 0 && group.iter().all(|g| !g.columns.is_empty());
                let heading_periods = match &by_position {
                    Some(Typed::Three(t)) => t.periods.clone(),
                    _ => Vec::new(),
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
                        for n in notes {
                            if !warnings.contains(&n) {
                                warnings.push(n);
                            }
                        }
                        typed.install(&mut d.tables);
                    }
                    Some(typed) => cross_check(d, kind, typed, warnings),
                    None => {}
                }
                if empty_body && foreign.is_empty() {
                    mark_printed_empty(d, kind, &heading_periods);
                }
                continue;
            }
            Some(missing)
        } else {
            None
        };
        let geometry = typed_by_position
            .unwrap_or_else(|| Err(format!("printed in {} parts side by side", group.len())));
        let empty_body = printed == 0 && group.iter().all(|g| !g.columns.is_empty());
        match (geometry, text_reading) {
            (Ok(typed), missing) => {
                // what the text reader said of this table no longer holds
                warnings.retain(|w| !(w.table == Some(kind) && w.line.is_some()));
                for n in notes {
                    if !warnings.contains(&n) {
                        warnings.push(n);
                    }
                }
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
                if empty_body {
                    mark_printed_empty(d, kind, &[]);
                }
            }
            (Err(why), Some(missing)) => {
                let rows = dedup(missing.iter().map(|(r, _)| r.clone()));
                remove(&mut d.tables, kind);
                // the text reader's notes on rows of a table no longer in
                // the model: the one warning below says what was not read
                warnings.retain(|w| !(w.table == Some(kind) && w.line.is_some()));
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
                for g in group {
                    let mut g = g.clone();
                    g.kind = Some(kind);
                    g.why_untyped = format!(
                        "the {} read in part ({} of {} amounts) and not typed by position: {why}",
                        kind.label_zh(),
                        printed.saturating_sub(missing.len()),
                        printed
                    );
                    d.tables.generic.push(g);
                }
            }
            (Err(why), None) => {
                warnings.retain(|w| !(w.table == Some(kind) && w.line.is_some()));
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
                for g in group {
                    let mut g = g.clone();
                    g.kind = Some(kind);
                    g.why_untyped = why.clone();
                    d.tables.generic.push(g);
                }
            }
        }
    }
}

/// The 收支总表 and the 财政拨款收支总表: printed in halves (收入 | 支出).
fn is_summary(kind: TableKind) -> bool {
    matches!(
        kind,
        TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary
    )
}

/// Marks the table of `kind` read, for certain, as empty
/// ([`yusuan_tables::Reading::printed_empty`]): the geometry reader found its
/// title, unit line and heading band, and no amount in its body. A "三公"
/// table also takes the periods its heading prints (`heading_periods`, from
/// the reading by position): a 决算's 预算数 / 决算数 print no year, which the
/// text reader's reading of periods needs.
fn mark_printed_empty(
    d: &mut yusuan_tables::Disclosure,
    kind: TableKind,
    heading_periods: &[yusuan_tables::Period],
) {
    if let Some(t) = d.tables.three_public_expenditure.as_mut() {
        if kind == TableKind::ThreePublicExpenditure
            && t.rows.is_empty()
            && t.periods.iter().all(|p| heading_periods.contains(p))
            && !heading_periods.is_empty()
        {
            t.periods = heading_periods.to_vec();
        }
    }
    if let Some(m) = meta_mut(&mut d.tables, kind) {
        m.reading.get_or_insert_with(Default::default).printed_empty = true;
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
                message: format!("read, not checked ({why})"),
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
    within_table_severities(&alone)
        .filter(|&s| s >= yusuan_reconcile::Severity::Warning)
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
    fn meta_mut(&mut self) -> &mut TableMeta {
        match self {
            Typed::Income(x) => &mut x.meta,
            Typed::Expenditure(x) => &mut x.meta,
            Typed::General(x) => &mut x.meta,
            Typed::Basic(x) => &mut x.meta,
            Typed::Fund(x) | Typed::Capital(x) => &mut x.meta,
            Typed::Three(x) => &mut x.meta,
            Typed::Summary((_, x)) => &mut x.meta,
        }
    }

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

/// Where a printed amount column goes: a column of the model, or an extra
/// column ([`yusuan_tables::ExtraColumn`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Model(Column),
    Extra,
}

/// Whether a heading no column of the model names is kept as a named extra
/// column: a whole name of money (单位预留机动经费, 结转下年资金, 会议费,
/// 培训费). A heading broken into single characters, or naming no kind of
/// money, is a heading misread: the table is not typed (a column wrongly
/// set aside would leave the others' identities to fail or pass by chance).
fn is_extra_heading(path: &[String]) -> bool {
    let segs: Vec<String> = path
        .iter()
        .map(|p| yusuan_money::text::squeeze(&yusuan_money::text::normalize(p)))
        .collect();
    let Some(leaf) = segs.last() else {
        return false;
    };
    segs.iter().all(|s| s.chars().count() >= 2)
        && leaf.chars().count() >= 3
        && ["费", "经费", "资金", "支出", "收入"]
            .iter()
            .any(|end| leaf.ends_with(end))
}

/// The extra columns of a table, one per [`Slot::Extra`], with no cells yet.
fn extra_columns(g: &GenericTable, slots: &[Slot]) -> Vec<ExtraColumn> {
    g.columns
        .iter()
        .zip(slots)
        .filter(|(_, s)| matches!(s, Slot::Extra))
        .map(|(c, _)| ExtraColumn {
            heading: c.path.clone(),
            cells: Vec::new(),
        })
        .collect()
}

/// A printed cell's amount in 万元: `Ok(None)` for a blank or dash, `Err`
/// for text that is not an amount.
fn cell_amount(text: &str, unit: ModelUnit) -> Result<Option<Wan>, ()> {
    match Wan::parse_cell(text) {
        Ok(Some(w)) if unit == ModelUnit::Yuan => Ok(Some(Wan::from_yuan_exact(w.value()))),
        Ok(w) => Ok(w),
        Err(_) => Err(()),
    }
}

/// A cell the geometry reader placed in its column by a guess
/// ([`GenericCell::guessed`](yusuan_tables::GenericCell::guessed)): doubtful.
pub(crate) fn guessed_cell(row: RowKey, column: Column) -> DoubtfulCell {
    DoubtfulCell {
        row,
        column,
        placement: yusuan_tables::Placement::Guessed,
        why: "所在页未印表头，金额按列位置对应到表头的方式不止一种".into(),
    }
}

/// Adds `doubts` to the doubtful cells of a table's reading.
pub(crate) fn add_doubts(meta: &mut TableMeta, doubts: Vec<DoubtfulCell>) {
    if !doubts.is_empty() {
        meta.reading
            .get_or_insert_with(Default::default)
            .doubtful
            .extend(doubts);
    }
}

/// Types a code-keyed table from its geometry reading: every amount column
/// must map to one column of the kind by its heading path or be a named
/// extra column ([`is_extra_heading`]), every row must carry a code or be the
/// 合计 row.
pub(crate) fn type_code_table(
    kind: TableKind,
    g: &GenericTable,
    doc_unit: ModelUnit,
    doc_year: u16,
) -> Result<Typed, String> {
    let unit = g.amount_unit.unwrap_or(doc_unit);
    // no amount in any row (a blank 合计 row may be printed): the note is the
    // empty table's
    let empty = g.rows.iter().all(|r| r.cells.iter().all(Option::is_none));
    let meta = TableMeta {
        number: g.number.clone(),
        title: Some(g.title.clone()),
        amount_unit: (unit != doc_unit).then_some(unit),
        empty_note: if empty { g.note.clone() } else { None },
        notes: if empty {
            Vec::new()
        } else {
            g.note.iter().cloned().collect()
        },
        reading: None,
        extra_columns: Vec::new(),
    };
    if kind == TableKind::ThreePublicExpenditure {
        return type_three_public(g, unit, doc_year, meta).map(Typed::Three);
    }
    let slots: Vec<Slot> = g
        .columns
        .iter()
        .map(|c| match column_of(kind, &c.path) {
            Some(col) => Ok(Slot::Model(col)),
            // the 一般公共预算支出表's prior-year and change columns are the
            // text reader's to type: not extra columns
            None if kind != TableKind::GeneralBudgetExpenditure && is_extra_heading(&c.path) => {
                Ok(Slot::Extra)
            }
            None => Err(format!("column {:?} is not one of this table's", c.label())),
        })
        .collect::<Result<_, _>>()?;
    let columns: Vec<Column> = slots
        .iter()
        .filter_map(|s| match s {
            Slot::Model(c) => Some(*c),
            Slot::Extra => None,
        })
        .collect();
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
        slots: &[Slot],
        unit: ModelUnit,
        meta: TableMeta,
    ) -> Result<CodeTable<A>, String> {
        let mut t = CodeTable::<A>::new();
        t.meta = meta;
        t.columns = slots
            .iter()
            .filter_map(|s| match s {
                Slot::Model(c) => Some(*c),
                Slot::Extra => None,
            })
            .collect();
        let mut extra = extra_columns(g, slots);
        let mut guessed: Vec<DoubtfulCell> = Vec::new();
        for row in &g.rows {
            let mut a = A::default();
            let mut extra_cells: Vec<(usize, Wan)> = Vec::new();
            let mut guessed_cols: Vec<Column> = Vec::new();
            for (j, (cell, slot)) in row.cells.iter().zip(slots).enumerate() {
                let Some(cell) = cell else { continue };
                let Some(w) = cell_amount(&cell.text, unit).map_err(|()| {
                    format!(
                        "cell {:?} of row {:?} is not an amount",
                        cell.text,
                        row_name(row)
                    )
                })?
                else {
                    continue;
                };
                match slot {
                    Slot::Model(col) => {
                        a.set(*col, Some(Number::Amount(w)))
                            .map_err(|e| e.to_string())?;
                        if cell.guessed {
                            guessed_cols.push(*col);
                        }
                    }
                    Slot::Extra => {
                        let i = slots
                            .get(..j)
                            .unwrap_or_default()
                            .iter()
                            .filter(|s| matches!(s, Slot::Extra))
                            .count();
                        extra_cells.push((i, w));
                    }
                }
            }
            let label = yusuan_money::text::squeeze(&row.label);
            let key = match &row.code {
                Some(code) => {
                    let c = Code::parse(code).map_err(|e| format!("row code {code:?}: {e}"))?;
                    if t.rows.iter().any(|r| r.code == c) {
                        return Err(format!("code {code} printed twice"));
                    }
                    t.rows.push(CodeRow::new(c, row.label.clone(), a));
                    RowKey::Code(c)
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
                    RowKey::Total
                }
                None => return Err(format!("row {:?} has no 科目编码", row.label)),
            };
            for (i, w) in extra_cells {
                if let Some(x) = extra.get_mut(i) {
                    x.cells.push(ExtraCell {
                        row: key,
                        amount: w,
                    });
                }
            }
            guessed.extend(
                guessed_cols
                    .into_iter()
                    .map(|column| guessed_cell(key, column)),
            );
        }
        t.meta.extra_columns = extra;
        add_doubts(&mut t.meta, guessed);
        Ok(t)
    }
    Ok(match kind {
        TableKind::IncomeSummary => Typed::Income(build(g, &slots, unit, meta)?),
        TableKind::ExpenditureSummary => Typed::Expenditure(build(g, &slots, unit, meta)?),
        TableKind::GeneralBudgetExpenditure => Typed::General(build(g, &slots, unit, meta)?),
        TableKind::GeneralBudgetBasicExpenditure => Typed::Basic(build(g, &slots, unit, meta)?),
        TableKind::GovernmentFundExpenditure => Typed::Fund(build(g, &slots, unit, meta)?),
        TableKind::StateCapitalExpenditure => Typed::Capital(build(g, &slots, unit, meta)?),
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
    if is_group_subtotal(path) {
        return Some(C::Total);
    }
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
/// forms printing two years side by side. When no column names a period, the
/// title does (`…支出预算表`: the budget of the title's year).
///
/// 江苏 prints 会议费 and 培训费 beside the "三公" items, with the "三公"
/// subtotal as `“三公”经费 › 小计` and a 合计 over all of them: the subtotal is
/// the model's 合计, and 合计, 会议费 and 培训费 are extra columns.
fn type_three_public(
    g: &GenericTable,
    unit: ModelUnit,
    doc_year: u16,
    meta: TableMeta,
) -> Result<ThreePublicTable, String> {
    let year = year_in(&yusuan_money::text::squeeze(&g.title)).or(Some(doc_year));
    let heading = |c: &yusuan_tables::GenericColumn| {
        yusuan_money::text::squeeze(&yusuan_money::text::normalize(&c.path.join("/")))
    };
    let by_title = if g
        .columns
        .iter()
        .any(|c| period_of(&heading(c), year).is_some())
    {
        None
    } else {
        period_of(&yusuan_money::text::squeeze(&g.title), year)
    };
    let mut items: Vec<Option<Column>> = g
        .columns
        .iter()
        .map(|c| three_public_column(&c.path))
        .collect();
    // the "三公" subtotal printed under its group beside a 合计 over the
    // group and the extra items: that 合计 is an extra column
    let subtotal_in_group = g.columns.iter().any(|c| is_group_subtotal(&c.path));
    let has_extra = g
        .columns
        .iter()
        .zip(&items)
        .any(|(c, i)| i.is_none() && is_extra_heading(&c.path));
    let mut grand_total: Option<usize> = None;
    if subtotal_in_group && has_extra {
        for (i, c) in g.columns.iter().enumerate() {
            let leaf = c.path.last().map(|l| yusuan_money::text::squeeze(l));
            if items.get(i) == Some(&Some(Column::Total))
                && !is_group_subtotal(&c.path)
                && leaf.as_deref() == Some("合计")
            {
                if let Some(x) = items.get_mut(i) {
                    *x = None;
                }
                grand_total = Some(i);
            }
        }
    }
    let mut slots: Vec<Option<(Period, Column)>> = Vec::new();
    let mut extra: Vec<(usize, ExtraColumn, Period)> = Vec::new();
    for (i, (c, item)) in g.columns.iter().zip(&items).enumerate() {
        let h = heading(c);
        let period = period_of(&h, year).or(by_title);
        match item {
            Some(col) => {
                let period = period
                    .ok_or_else(|| format!("column {:?} names no 预算数/决算数", c.label()))?;
                if slots.contains(&Some((period, *col))) {
                    return Err(format!(
                        "two columns read as {} {}",
                        period.label_zh(),
                        col.label_zh()
                    ));
                }
                slots.push(Some((period, *col)));
            }
            None if grand_total == Some(i) || is_extra_heading(&c.path) => {
                let period = period
                    .ok_or_else(|| format!("column {:?} names no 预算数/决算数", c.label()))?;
                // 会议费 and 培训费 are no "三公" items whatever group
                // heading the reading put above them
                let heading = if grand_total == Some(i) {
                    vec!["合计".to_owned()]
                } else {
                    c.path
                        .iter()
                        .filter(|p| !p.contains("三公"))
                        .cloned()
                        .collect()
                };
                extra.push((
                    i,
                    ExtraColumn {
                        heading,
                        cells: Vec::new(),
                    },
                    period,
                ));
                slots.push(None);
            }
            None => return Err(format!("column {:?} names no \"三公\" item", c.label())),
        }
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
    for (p, c) in slots.iter().flatten() {
        if !t.periods.contains(p) {
            t.periods.push(*p);
        }
        if !t.columns.contains(c) {
            t.columns.push(*c);
        }
    }
    let mut guessed: Vec<DoubtfulCell> = Vec::new();
    if let Some(row) = data.first() {
        for (i, (cell, slot)) in row.cells.iter().zip(&slots).enumerate() {
            let Some(cell) = cell else { continue };
            let Some(w) = cell_amount(&cell.text, unit)
                .map_err(|()| format!("cell {:?} is not an amount", cell.text))?
            else {
                continue;
            };
            let Some((period, col)) = slot else {
                if let Some((_, x, p)) = extra.iter_mut().find(|(j, _, _)| *j == i) {
                    x.cells.push(ExtraCell {
                        row: RowKey::Period(*p),
                        amount: w,
                    });
                }
                continue;
            };
            let k = match t.rows.iter().position(|r| r.period == *period) {
                Some(k) => k,
                None => {
                    t.rows.push(ThreePublicRow {
                        period: *period,
                        amounts: ThreePublicAmounts::default(),
                    });
                    t.rows.len() - 1
                }
            };
            if let Some(r) = t.rows.get_mut(k) {
                r.amounts
                    .set(*col, Some(Number::Amount(w)))
                    .map_err(|e| e.to_string())?;
            }
            if cell.guessed {
                guessed.push(guessed_cell(RowKey::Period(*period), *col));
            }
        }
    }
    add_doubts(&mut t.meta, guessed);
    t.meta.extra_columns = extra.into_iter().map(|(_, x, _)| x).collect();
    Ok(t)
}

/// `“三公”经费 › 小计`: the subtotal of the "三公" group (江苏), as against
/// `公务用车购置及运行维护费 › 小计`.
fn is_group_subtotal(path: &[String]) -> bool {
    let segs: Vec<String> = path
        .iter()
        .map(|p| yusuan_money::text::squeeze(&yusuan_money::text::normalize(p)))
        .collect();
    matches!(segs.as_slice(), [.., parent, leaf] if leaf == "小计" && parent.contains("三公"))
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
    spending_parts: &[&GenericTable],
    doc_unit: ModelUnit,
    year: u16,
    notes: &mut Vec<ImportWarning>,
) -> Result<SummaryTable, String> {
    use crate::read::{summary_key, SKey};
    let catalog = yusuan_classification::Catalog::embedded();
    let obsolete_names: std::cell::RefCell<Vec<ImportWarning>> = Default::default();
    let classes = |name: &str| -> Option<Code> {
        let hit = catalog.resolve_name(yusuan_classification::Scheme::Function, name, year)?;
        if hit.code.len() != 3 {
            return None;
        }
        if let yusuan_classification::NameStatus::Obsolete { current_name, .. } = &hit.status {
            let w = crate::read::obsolete_name(name, hit.code, current_name, year, kind);
            let mut seen = obsolete_names.borrow_mut();
            if !seen.contains(&w) {
                seen.push(w);
            }
        }
        Some(hit.code)
    };
    if income.columns.len() != 1 {
        return Err(format!(
            "the 收入 side prints {} amount columns where one is expected",
            income.columns.len()
        ));
    }
    let Some(spending) = spending_parts.first() else {
        return Err("no 支出 side".into());
    };
    let spending_columns: Vec<Column> = spending
        .columns
        .iter()
        .map(|c| {
            summary_spending_column(&c.path)
                .ok_or_else(|| format!("column {:?} is not one of this table's", c.label()))
        })
        .collect::<Result<_, _>>()?;
    // 江苏 prints the 支出 side twice, by 功能分类 and by 支出用途 (基本支出,
    // 项目支出, 单位预留机动经费), side by side: both views of one column
    for part in spending_parts.iter().skip(1) {
        let same = part.columns.len() == spending.columns.len()
            && part
                .columns
                .iter()
                .all(|c| summary_spending_column(&c.path) == Some(Column::Total));
        if !same || spending_columns != [Column::Total] {
            return Err(format!(
                "printed in {} parts side by side, the 支出 parts not of one amount column each",
                spending_parts.len() + 1
            ));
        }
    }
    for (i, c) in spending_columns.iter().enumerate() {
        if spending_columns.iter().skip(i + 1).any(|x| x == c) {
            return Err(format!("two 支出 columns read as {}", c.label_zh()));
        }
    }
    let unit = income.amount_unit.unwrap_or(doc_unit);
    let amount = |text: &str| -> Result<Option<Wan>, String> {
        cell_amount(text, unit).map_err(|()| format!("cell {text:?} is not an amount"))
    };
    let mut t = SummaryTable {
        meta: TableMeta {
            number: income.number.clone(),
            title: Some(income.title.clone()),
            amount_unit: (unit != doc_unit).then_some(unit),
            empty_note: None,
            notes: income.note.iter().cloned().collect(),
            reading: None,
            extra_columns: Vec::new(),
        },
        ..Default::default()
    };
    if spending_columns != [Column::Total] {
        t.expenditure_columns = spending_columns.clone();
    }
    let mut carryover = false;
    let mut guessed: Vec<DoubtfulCell> = Vec::new();
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
            if cell.guessed {
                guessed.push(guessed_cell(RowKey::Line(line), Column::Total));
            }
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
    for row in spending_parts.iter().flat_map(|p| &p.rows) {
        // a name that fell into the amount column of a row without a label
        // (a page of layout text fitted a little off): the row's label
        let misplaced = row.label.trim().is_empty()
            && row.code.is_none()
            && row
                .cells
                .iter()
                .flatten()
                .all(|c| Wan::parse_cell(&c.text).is_err());
        let (label, has_amount): (String, bool) = if misplaced {
            let text: String = row
                .cells
                .iter()
                .flatten()
                .map(|c| c.text.as_str())
                .collect();
            (text.chars().filter(|c| !c.is_whitespace()).collect(), false)
        } else {
            (
                row.label.chars().filter(|c| !c.is_whitespace()).collect(),
                row.cells.iter().flatten().next().is_some(),
            )
        };
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
        let mut guessed_here: Vec<DoubtfulCell> = Vec::new();
        for (cell, &col) in row
            .cells
            .iter()
            .zip(&spending_columns)
            .filter(|_| !misplaced)
        {
            if let Some(cell) = cell {
                amounts
                    .set(col, amount(&cell.text)?.map(Number::Amount))
                    .map_err(|e| e.to_string())?;
                if cell.guessed {
                    guessed_here.push(guessed_cell(key, col));
                }
            }
        }
        if let Some(i) = t.expenditure.iter().position(|r| r.key == key) {
            // a total's name printed in one part, its amount in the next
            // (江苏's 当年支出小计): the row with the amount stands
            let blank = |r: &SummaryRow| r.amounts.is_blank();
            match t.expenditure.get(i) {
                Some(before) if blank(before) && has_amount => {
                    t.expenditure.remove(i);
                }
                Some(_) if !has_amount => continue,
                // a total printed under each view with one amount (江苏's
                // 支出合计 under 功能分类 and under 支出用途)
                Some(before) if spending_parts.len() > 1 && before.amounts == amounts => continue,
                _ => return Err(format!("支出 row {label:?} printed twice")),
            }
        }
        t.expenditure.push(SummaryRow {
            key,
            label: row.label.clone(),
            amounts,
        });
        guessed.extend(guessed_here);
    }
    if t.income.is_empty() || t.expenditure.is_empty() {
        return Err("a side with no line read".into());
    }
    add_doubts(&mut t.meta, guessed);
    notes.extend(obsolete_names.take());
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
    fn a_named_column_the_model_lacks_becomes_an_extra_column() {
        // 江苏 2018 检察院, 公开 03 表: 21,955.35 = 13,994.31 + 5,573.00 + 2,388.04
        let g = GenericTable {
            title: "支出预算总表".into(),
            columns: vec![
                GenericColumn::new(["合计"]),
                GenericColumn::new(["基本支出"]),
                GenericColumn::new(["项目支出"]),
                GenericColumn::new(["单位预留机动经费"]),
                GenericColumn::new(["结转下年资金"]),
            ],
            rows: vec![row(
                None,
                "",
                &["21,955.35", "13,994.31", "5,573.00", "2,388.04", ""],
            )],
            ..Default::default()
        };
        let Ok(Typed::Expenditure(t)) =
            type_code_table(TableKind::ExpenditureSummary, &g, ModelUnit::Wan, 2018)
        else {
            panic!("not typed");
        };
        assert_eq!(t.columns, [Column::Total, Column::Basic, Column::Project]);
        let total = t.total.as_ref().unwrap();
        assert_eq!(total.basic, Some(Wan::parse("13994.31").unwrap()));
        let extra = &t.meta.extra_columns;
        assert_eq!(extra.len(), 2);
        assert_eq!(extra[0].heading, ["单位预留机动经费"]);
        assert_eq!(
            extra[0].amount(&RowKey::Total),
            Some(Wan::parse("2388.04").unwrap())
        );
        assert_eq!(extra[1].heading, ["结转下年资金"]);
        assert!(extra[1].cells.is_empty(), "a blank cell holds nothing");
    }

    #[test]
    fn an_extra_column_of_a_table_in_yuan_is_converted_to_wan() {
        let g = GenericTable {
            title: "支出总表".into(),
            columns: vec![
                GenericColumn::new(["合计"]),
                GenericColumn::new(["单位预留机动经费"]),
            ],
            rows: vec![row(
                Some("201"),
                "一般公共服务支出",
                &["12,345.00", "5,000.00"],
            )],
            ..Default::default()
        };
        let Ok(Typed::Expenditure(t)) =
            type_code_table(TableKind::ExpenditureSummary, &g, ModelUnit::Yuan, 2024)
        else {
            panic!("not typed");
        };
        let key = RowKey::Code(Code::parse("201").unwrap());
        assert_eq!(
            t.meta.extra_columns[0].amount(&key),
            Some(Wan::parse("0.5").unwrap())
        );
    }

    #[test]
    fn a_misread_heading_keeps_the_table_generic() {
        // a heading broken into single characters is a misreading, and a
        // name of no kind of money is no column to set aside
        for path in [vec!["因公", "小", "出国"], vec!["备注"]] {
            let g = GenericTable {
                title: "支出预算总表".into(),
                columns: vec![
                    GenericColumn::new(["合计"]),
                    GenericColumn::new(path.clone()),
                ],
                rows: vec![row(None, "合计", &["1.00", "2.00"])],
                ..Default::default()
            };
            let why = type_code_table(TableKind::ExpenditureSummary, &g, ModelUnit::Wan, 2024)
                .err()
                .unwrap();
            assert!(why.contains(path[path.len() - 1]), "{why}");
        }
    }

    #[test]
    fn the_prior_year_columns_of_the_general_budget_table_are_not_extra() {
        let g = GenericTable {
            title: "一般公共预算支出表".into(),
            columns: vec![
                GenericColumn::new(["2024年执行数"]),
                GenericColumn::new(["2025年预算数", "小计"]),
            ],
            rows: vec![row(None, "合计", &["1.00", "2.00"])],
            ..Default::default()
        };
        assert!(type_code_table(
            TableKind::GeneralBudgetExpenditure,
            &g,
            ModelUnit::Wan,
            2025
        )
        .is_err());
    }

    #[test]
    fn a_summary_in_three_parts_reads_classes_and_lines_by_use() {
        // 江苏 2018 检察院 公开 01 表, cut down: 收入 | 功能分类 | 支出用途;
        // 当年支出小计's name in the second part, its amount in the third
        let part = |title: &str, rows: Vec<yusuan_tables::GenericRow>| GenericTable {
            title: title.into(),
            columns: vec![GenericColumn::new(["金额"])],
            rows,
            ..Default::default()
        };
        let income = part(
            "收支预算总表",
            vec![
                row(None, "一、财政拨款", &["21,940.96"]),
                row(None, "三、其他资金", &["14.39"]),
                row(None, "当年收入小计", &["21,955.35"]),
                row(None, "收入合计", &["21,955.35"]),
            ],
        );
        let classes = part(
            "收支预算总表",
            vec![
                row(None, "一、一般公共服务支出", &[""]),
                row(None, "四、公共安全支出", &["16,458.75"]),
                row(None, "当年支出小计", &[""]),
            ],
        );
        let uses = part(
            "收支预算总表",
            vec![
                row(None, "一、基本支出", &["13,994.31"]),
                row(None, "二、项目支出", &["5,573.00"]),
                row(None, "当年支出小计", &["21,955.35"]),
                row(None, "支出合计", &["21,955.35"]),
            ],
        );
        let t = type_summary(
            TableKind::IncomeExpenditureSummary,
            &income,
            &[&classes, &uses],
            ModelUnit::Wan,
            2018,
            &mut Vec::new(),
        )
        .unwrap();
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        assert_eq!(t.amount(TLine::OtherFunds), w("14.39"));
        assert_eq!(t.amount(Code::parse("204").unwrap()), w("16458.75"));
        assert!(t.find(&RowKey::Code(Code::parse("201").unwrap())).is_some());
        assert_eq!(t.amount(TLine::BasicExpenditure), w("13994.31"));
        assert_eq!(t.amount(TLine::CurrentYearExpenditure), w("21955.35"));
        let subtotals = t
            .expenditure
            .iter()
            .filter(|r| r.key == RowKey::Line(TLine::CurrentYearExpenditure))
            .count();
        assert_eq!(subtotals, 1);
    }

    #[test]
    fn jiangsu_three_public_with_meeting_and_training_columns() {
        // 江苏 2018 检察院, 公开 09 表 (columns as the geometry reads them:
        // the 合计 over all and the "三公" 小计 both under “三公”经费)
        let g = GenericTable {
            title: "一般公共预算“三公”经费、会议费、培训费支出预算表".into(),
            columns: vec![
                GenericColumn::new(["“三公”经费", "合计"]),
                GenericColumn::new(["“三公”经费", "小计"]),
                GenericColumn::new(["“三公”经费", "因公出国（境）费"]),
                GenericColumn::new(["“三公”经费", "公务用车购置及运行维护费", "小计"]),
                GenericColumn::new(["“三公”经费", "公务用车购置及运行维护费", "公务用车购置费"]),
                GenericColumn::new([
                    "“三公”经费",
                    "公务用车购置及运行维护费",
                    "公务用车运行维护费",
                ]),
                GenericColumn::new(["“三公”经费", "公务接待费"]),
                GenericColumn::new(["“三公”经费", "会议费"]),
                GenericColumn::new(["“三公”经费", "培训费"]),
            ],
            rows: vec![row(
                None,
                "",
                &[
                    "1,384.74", "484.30", "100.00", "267.80", "", "267.80", "116.50", "200.44",
                    "700.00",
                ],
            )],
            ..Default::default()
        };
        let Ok(Typed::Three(t)) =
            type_code_table(TableKind::ThreePublicExpenditure, &g, ModelUnit::Wan, 2018)
        else {
            panic!("not typed");
        };
        let p: Period = "2018_budget".parse().unwrap();
        assert_eq!(t.periods, [p]);
        let a = &t.rows[0].amounts;
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        // the "三公" subtotal is the model's 合计: 100.00 + 267.80 + 116.50
        assert_eq!(a.total, w("484.30"));
        assert_eq!(a.vehicles, w("267.80"));
        assert_eq!(a.vehicle_purchase, None);
        let extra: Vec<(String, Option<Wan>)> = t
            .meta
            .extra_columns
            .iter()
            .map(|x| (x.label(), x.amount(&RowKey::Period(p))))
            .collect();
        assert_eq!(
            extra,
            [
                ("合计".to_owned(), w("1384.74")),
                ("会议费".to_owned(), w("200.44")),
                ("培训费".to_owned(), w("700.00")),
            ]
        );
    }
}
