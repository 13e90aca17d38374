//! Typing the 决算 tables no budget table holds ([`TableKind::EXTRA`]) from
//! their geometry reading: the 收入支出决算总表 and 财政拨款收入支出决算总表
//! (two halves side by side: 收入 | 支出), the 一般公共预算财政拨款基本支出
//! 决算表 (two halves: 人员经费 | 公用经费) and the 政府性基金 / 国有资本经营
//! 预算财政拨款收入支出决算表. A table whose columns or rows cannot be mapped
//! stays generic, with the reason.

use yusuan_classification::{Catalog, Code, Scheme};
use yusuan_money::text::{normalize, squeeze};
use yusuan_money::Wan;
use yusuan_tables::{
    AmountUnit, Column, DoubtfulCell, FinalRow, FinalTable, GenericCell, GenericTable, Line,
    Placement, RowKey, TableKind, TableMeta,
};

/// The 决算 kind of [`TableKind::EXTRA`] a squeezed title (prefix dropped)
/// names, if one.
pub(crate) fn final_kind_of(t: &str) -> Option<TableKind> {
    if !t.ends_with("决算表") && !t.ends_with("决算总表") {
        return None;
    }
    if t.contains("财政拨款收入支出决算总表") {
        return Some(TableKind::FinalFiscalAppropriationSummary);
    }
    if t.contains("收入支出决算总表") {
        return Some(TableKind::FinalIncomeExpenditureSummary);
    }
    if t.contains("收入支出决算表") && t.contains("政府性基金") {
        return Some(TableKind::FinalGovernmentFund);
    }
    if t.contains("收入支出决算表") && t.contains("国有资本") {
        return Some(TableKind::FinalStateCapital);
    }
    if t.contains("一般公共预算") && t.contains("基本支出") {
        return Some(TableKind::FinalBasicExpenditure);
    }
    None
}

fn sq(s: &str) -> String {
    squeeze(&normalize(s))
}

/// The amount of a printed cell, in 万元 (`None`: blank).
fn amount(text: &str, unit: AmountUnit, row: &str) -> Result<Option<Wan>, String> {
    super::cell_amount(text, unit)
        .map_err(|()| format!("cell {text:?} of row {row:?} is not an amount"))
}

/// Marks the cell (`row`, `column`) of `t` doubtful when the geometry
/// reader placed it in its column by a guess ([`GenericCell::guessed`]).
fn note_guess(t: &mut FinalTable, cell: &GenericCell, row: RowKey, column: Column) {
    if !cell.guessed {
        return;
    }
    let reading = t.meta.reading.get_or_insert_with(Default::default);
    if !reading
        .doubtful
        .iter()
        .any(|d| d.row == row && d.column == column)
    {
        reading.doubtful.push(super::guessed_cell(row, column));
    }
}

/// Types the halves `group` of a 决算 table of `kind`.
pub(crate) fn type_final(
    kind: TableKind,
    group: &[GenericTable],
    doc_unit: AmountUnit,
    year: u16,
) -> Result<FinalTable, String> {
    let first = group.first().ok_or("no table")?;
    let unit = first.amount_unit.unwrap_or(doc_unit);
    let empty = group.iter().all(|g| g.rows.is_empty());
    let note = group.iter().find_map(|g| g.note.clone());
    let mut t = FinalTable {
        meta: TableMeta {
            number: first.number.clone(),
            title: Some(first.title.clone()),
            amount_unit: (unit != doc_unit).then_some(unit),
            empty_note: if empty { note.clone() } else { None },
            notes: if empty {
                Vec::new()
            } else {
                note.into_iter().collect()
            },
            reading: None,
            extra_columns: Vec::new(),
        },
        ..Default::default()
    };
    match kind {
        TableKind::FinalIncomeExpenditureSummary | TableKind::FinalFiscalAppropriationSummary => {
            summary(kind, group, unit, year, &mut t)?;
        }
        TableKind::FinalBasicExpenditure => basic(group, unit, &mut t)?,
        TableKind::FinalGovernmentFund | TableKind::FinalStateCapital => {
            fund(group, unit, empty, &mut t)?;
        }
        _ => return Err(format!("{} is not a 决算 table", kind.label_zh())),
    }
    Ok(t)
}

/// The fixed lines of a 决算 summary table that may be read merged with the
/// label of a neighbouring row (`本年收入合计使用非财政拨款结余`), longest
/// first, with their line on the 收入 (`true`) or 支出 side.
const FIXED: &[(&str, Line, Option<bool>)] = &[
    ("年初财政拨款结转和结余", Line::OpeningBalance, Some(true)),
    ("年末财政拨款结转和结余", Line::ClosingBalance, Some(false)),
    ("使用非财政拨款结余", Line::NonFiscalBalanceUsed, Some(true)),
    ("年初结转和结余", Line::OpeningBalance, Some(true)),
    ("年末结转和结余", Line::ClosingBalance, Some(false)),
    ("本年收入合计", Line::CurrentYearIncome, Some(true)),
    ("本年支出合计", Line::CurrentYearExpenditure, Some(false)),
    ("结余分配", Line::BalanceDistribution, Some(false)),
    ("总计", Line::IncomeTotal, None),
];

/// The segments of a squeezed label: the fixed line names it holds and the
/// text between them, in printed order.
fn segments(label: &str) -> Vec<(String, Option<Line>)> {
    let mut out: Vec<(String, Option<Line>)> = Vec::new();
    let mut rest = label;
    let mut free = String::new();
    while !rest.is_empty() {
        if let Some((name, line, _)) = FIXED.iter().find(|(n, _, _)| rest.starts_with(n)) {
            if !free.is_empty() {
                out.push((std::mem::take(&mut free), None));
            }
            out.push(((*name).to_owned(), Some(*line)));
            rest = rest.get(name.len()..).unwrap_or("");
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                free.push(c);
            }
            rest = chars.as_str();
        }
    }
    if !free.is_empty() {
        out.push((free, None));
    }
    out
}

/// The income line a free label names (`一、一般公共预算财政拨款收入`), with
/// `opening` when it follows the 年初财政拨款结转和结余 line.
fn income_line(label: &str, opening: bool) -> Option<Line> {
    let s = yusuan_classification::strip_ordinal(label);
    let (g, f, c) = if opening {
        (
            Line::OpeningGeneralBudget,
            Line::OpeningGovernmentFund,
            Line::OpeningStateCapital,
        )
    } else {
        (
            Line::GeneralBudgetAppropriation,
            Line::GovernmentFundAppropriation,
            Line::StateCapitalAppropriation,
        )
    };
    Some(if s.starts_with("一般公共预算") {
        g
    } else if s.starts_with("政府性基金") {
        f
    } else if s.starts_with("国有资本经营") {
        c
    } else if opening {
        return None;
    } else if s == "上级补助收入" {
        Line::SuperiorSubsidy
    } else if s == "事业收入" {
        Line::BusinessIncome
    } else if s == "经营收入" || s == "事业单位经营收入" {
        Line::InstitutionOperatingIncome
    } else if s == "附属单位上缴收入" {
        Line::SubordinateRemittance
    } else if s == "其他收入" {
        Line::OtherIncome
    } else {
        return None;
    })
}

/// How strongly a line of a merged row claims the row's amount: a 总计
/// before a 合计 before any other.
fn claim(key: &RowKey) -> u8 {
    match key {
        RowKey::Line(Line::IncomeTotal | Line::ExpenditureTotal) => 2,
        RowKey::Line(Line::CurrentYearIncome | Line::CurrentYearExpenditure) => 1,
        _ => 0,
    }
}

fn summary(
    kind: TableKind,
    group: &[GenericTable],
    unit: AmountUnit,
    year: u16,
    t: &mut FinalTable,
) -> Result<(), String> {
    let catalog = Catalog::embedded();
    if group.len() != 2 {
        return Err(format!(
            "printed in {} part(s): the 收入 and 支出 halves could not be told apart",
            group.len()
        ));
    }
    let mut doubtful = Vec::new();
    let mut guesses: Vec<(GenericCell, RowKey, Column)> = Vec::new();
    for (half, g) in group.iter().enumerate() {
        let income = half == 0;
        let columns: Vec<Column> = g
            .columns
            .iter()
            .map(|c| {
                let h = sq(&c.path.join("/"));
                let leaf = c.path.last().map(|s| sq(s)).unwrap_or_default();
                let side_ok = if income {
                    !h.contains("支出")
                } else {
                    !h.contains("收入")
                };
                if !side_ok {
                    return Err(format!("column {:?} is not of its half", c.label()));
                }
                Ok(
                    if leaf == "决算数" || leaf == "金额" || (leaf == "合计" && !income) {
                        Column::Total
                    } else if !income && kind == TableKind::FinalFiscalAppropriationSummary {
                        if leaf.contains("一般公共预算") {
                            Column::GeneralBudget
                        } else if leaf.contains("政府性基金") {
                            Column::GovernmentFund
                        } else if leaf.contains("国有资本") {
                            Column::StateCapital
                        } else {
                            return Err(format!(
                                "column {:?} is not one of this table's",
                                c.label()
                            ));
                        }
                    } else {
                        return Err(format!("column {:?} is not one of this table's", c.label()));
                    },
                )
            })
            .collect::<Result<_, _>>()?;
        for (i, c) in columns.iter().enumerate() {
            if columns.iter().skip(i + 1).any(|d| d == c) {
                return Err(format!("two columns read as {}", c.label_zh()));
            }
            if !t.columns.contains(c) {
                t.columns.push(*c);
            }
        }
        let mut opening = false;
        for row in &g.rows {
            if row.code.is_some() {
                return Err(format!("row {:?} prints a code", row.label));
            }
            let label = sq(&row.label);
            let mut keys: Vec<(String, RowKey)> = Vec::new();
            let mut unknown: Vec<String> = Vec::new();
            for (text, line) in segments(&label) {
                let key = match line {
                    Some(Line::IncomeTotal) if !income => Line::ExpenditureTotal,
                    Some(l) => {
                        if income && l == Line::OpeningBalance {
                            opening = true;
                        }
                        if !l.is_income() && income || l.is_income() && !income {
                            return Err(format!("row {text:?} is not of its half"));
                        }
                        l
                    }
                    None if income => {
                        let l = income_line(&text, opening)
                            .ok_or_else(|| format!("row {text:?} names no income line"))?;
                        if !l.allowed_in(kind) {
                            return Err(format!("row {text:?} is not one of this table's"));
                        }
                        keys.push((text, RowKey::Line(l)));
                        continue;
                    }
                    None => {
                        match catalog
                            .resolve_name(Scheme::Function, &text, year)
                            .filter(|h| h.code.len() == 3)
                        {
                            Some(hit) => keys.push((text, RowKey::Code(hit.code))),
                            // a 类 the catalog does not know (抗疫特别国债安排的
                            // 支出): kept only if no amount is its
                            None => unknown.push(text),
                        }
                        continue;
                    }
                };
                if !key.allowed_in(kind) {
                    return Err(format!("row {text:?} is not one of this table's"));
                }
                keys.push((text, RowKey::Line(key)));
            }
            let has_amount = row
                .cells
                .iter()
                .flatten()
                .any(|c| !c.text.trim().is_empty());
            if let Some(text) = unknown.first() {
                if has_amount && keys.is_empty() {
                    return Err(format!("row {text:?} names no 功能分类 类"));
                }
            }
            let merged = keys.len() + unknown.len();
            // the row that owns the amounts of a merged row
            let owner = if merged > 1 && has_amount {
                let best = keys.iter().map(|(_, k)| claim(k)).max().unwrap_or(0);
                let n = keys.iter().filter(|(_, k)| claim(k) == best).count();
                if best == 0 || n > 1 {
                    return Err(format!(
                        "the labels of {} printed lines were read as one row ({label}) with amounts: whose they are cannot be told",
                        merged
                    ));
                }
                keys.iter().position(|(_, k)| claim(k) == best)
            } else {
                Some(0)
            };
            for (i, (text, key)) in keys.iter().enumerate() {
                if t.has_row(key) {
                    return Err(format!("row {text:?} printed twice"));
                }
                let mut r = FinalRow::new(*key, text.clone());
                if Some(i) == owner {
                    for (cell, &col) in row.cells.iter().zip(&columns) {
                        let Some(cell) = cell else { continue };
                        if let Some(w) = amount(&cell.text, unit, text)? {
                            r.amounts.insert(col, w);
                            guesses.push((cell.clone(), *key, col));
                            if merged > 1 {
                                doubtful.push(DoubtfulCell {
                                    row: *key,
                                    column: col,
                                    placement: Placement::Guessed,
                                    why: format!(
                                        "“{label}”读作一行（{merged} 个打印行的标签相连），金额归于“{text}”"
                                    ),
                                });
                            }
                        }
                    }
                }
                t.rows.push(r);
            }
        }
    }
    super::add_doubts(&mut t.meta, doubtful);
    for (cell, row, column) in guesses {
        note_guess(t, &cell, row, column);
    }
    Ok(())
}

fn basic(group: &[GenericTable], unit: AmountUnit, t: &mut FinalTable) -> Result<(), String> {
    t.columns.push(Column::Total);
    for g in group {
        if g.columns.len() != 1 {
            return Err(format!(
                "{} amount columns in a part where one (决算数) is printed",
                g.columns.len()
            ));
        }
        if let Some(c) = g.columns.first() {
            let leaf = c.path.last().map(|s| sq(s)).unwrap_or_default();
            if !(leaf == "决算数" || leaf == "金额" || leaf.ends_with("合计")) {
                return Err(format!("column {:?} is not 决算数", c.label()));
            }
        }
        for row in &g.rows {
            let label = sq(&row.label);
            let key = match &row.code {
                Some(code) => {
                    let c = Code::parse(code).map_err(|e| format!("row code {code:?}: {e}"))?;
                    RowKey::Code(c)
                }
                None if label == "人员经费合计" || label == "人员经费" => {
                    RowKey::Line(Line::PersonnelTotal)
                }
                None if label == "公用经费合计" || label == "公用经费" => {
                    RowKey::Line(Line::PublicTotal)
                }
                None if label == "合计" || label == "总计" => RowKey::Total,
                None => return Err(format!("row {:?} has no 科目编码", row.label)),
            };
            if t.has_row(&key) {
                return Err(format!("row {} printed twice", key.label_zh()));
            }
            let mut r = FinalRow::new(key, row.label.clone());
            if let Some(Some(cell)) = row.cells.first() {
                if let Some(w) = amount(&cell.text, unit, &row.label)? {
                    r.amounts.insert(Column::Total, w);
                    note_guess(t, cell, key, Column::Total);
                }
            }
            t.rows.push(r);
        }
    }
    Ok(())
}

/// The column of a 政府性基金/国有资本经营 收入支出决算表 a heading path names.
fn fund_column(path: &[String]) -> Option<Column> {
    let h = sq(&path.join("/"));
    let leaf = path.last().map(|s| sq(s)).unwrap_or_default();
    Some(if h.contains("年初结转") {
        Column::OpeningBalance
    } else if h.contains("年末结转") {
        Column::ClosingBalance
    } else if h.contains("本年收入") {
        Column::CurrentYearIncome
    } else if h.contains("本年支出") && leaf.contains("基本支出") {
        Column::Basic
    } else if h.contains("本年支出") && leaf.contains("项目支出") {
        Column::Project
    } else if h.contains("本年支出") && (leaf.ends_with("合计") || leaf == "本年支出") {
        Column::Total
    } else {
        return None;
    })
}

fn fund(
    group: &[GenericTable],
    unit: AmountUnit,
    empty: bool,
    t: &mut FinalTable,
) -> Result<(), String> {
    if group.iter().filter(|g| !g.rows.is_empty()).count() > 1 {
        return Err("printed in parts whose rows cannot be aligned".into());
    }
    for g in group {
        let mut columns = Vec::new();
        for c in &g.columns {
            match fund_column(&c.path) {
                Some(col) => {
                    if t.columns.contains(&col) {
                        return Err(format!("two columns read as {}", col.label_zh()));
                    }
                    t.columns.push(col);
                    columns.push(Some(col));
                }
                // a heading of an empty table not read as a column of it
                None if empty => columns.push(None),
                None => return Err(format!("column {:?} is not one of this table's", c.label())),
            }
        }
        for row in &g.rows {
            let label = sq(&row.label);
            let key = match &row.code {
                Some(code) => {
                    RowKey::Code(Code::parse(code).map_err(|e| format!("row code {code:?}: {e}"))?)
                }
                None if label == "合计" || label == "总计" => RowKey::Total,
                None => return Err(format!("row {:?} has no 科目编码", row.label)),
            };
            if t.has_row(&key) {
                return Err(format!("row {} printed twice", key.label_zh()));
            }
            let mut r = FinalRow::new(key, row.label.clone());
            for (cell, col) in row.cells.iter().zip(&columns) {
                let (Some(cell), Some(col)) = (cell, col) else {
                    continue;
                };
                if let Some(w) = amount(&cell.text, unit, &row.label)? {
                    r.amounts.insert(*col, w);
                    note_guess(t, cell, key, *col);
                }
            }
            t.rows.push(r);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_tables::{GenericColumn, GenericRow};

    pub(crate) use crate::generic::tests::row;

    fn half(title: &str, cols: &[&[&str]], rows: Vec<GenericRow>) -> GenericTable {
        GenericTable {
            title: title.into(),
            columns: cols
                .iter()
                .map(|p| GenericColumn::new(p.iter().copied()))
                .collect(),
            rows,
            ..Default::default()
        }
    }

    /// The 收入支出决算总表 of sh-putuo-ghzyj_2024 as the geometry reader
    /// gives it (labels of lines without amounts merged into a neighbour).
    pub(crate) fn ghzyj_t1() -> Vec<GenericTable> {
        let t = "收入支出决算总表";
        vec![
            half(
                t,
                &[&["收入", "决算数"]],
                vec![
                    row(None, "一、一般公共预算财政拨款收入", &["9746.50"]),
                    row(None, "二、政府性基金预算财政拨款收入", &[""]),
                    row(None, "八、其他收入", &[""]),
                    row(None, "本年收入合计使用非财政拨款结余", &["9746.50"]),
                    row(None, "年初结转和结余", &["112.88"]),
                    row(None, "总计", &["9859.38"]),
                ],
            ),
            half(
                t,
                &[&["支出", "决算数"]],
                vec![
                    row(None, "一、一般公共服务支出", &[""]),
                    row(None, "八、社会保障和就业支出", &["754.75"]),
                    row(None, "九、卫生健康支出", &["236.63"]),
                    row(None, "十一、城乡社区支出", &["3845.25"]),
                    row(None, "十八、自然资源海洋气象等支出", &["4461.67"]),
                    row(None, "十九、住房保障支出", &["461.08"]),
                    row(
                        None,
                        "二十四、抗疫特别国债安排的支出本年支出合计结余分配",
                        &["9759.38"],
                    ),
                    row(None, "年末结转和结余", &["100.00"]),
                    row(None, "总计", &["9859.38"]),
                ],
            ),
        ]
    }

    #[test]
    fn titles_name_the_final_kinds() {
        assert_eq!(
            final_kind_of("财政拨款收入支出决算总表"),
            Some(TableKind::FinalFiscalAppropriationSummary)
        );
        assert_eq!(
            final_kind_of("收入支出决算总表"),
            Some(TableKind::FinalIncomeExpenditureSummary)
        );
        assert_eq!(
            final_kind_of("一般公共预算财政拨款基本支出决算表"),
            Some(TableKind::FinalBasicExpenditure)
        );
        assert_eq!(
            final_kind_of("国有资本经营预算财政拨款收入支出决算表"),
            Some(TableKind::FinalStateCapital)
        );
        assert_eq!(final_kind_of("收入决算表"), None);
    }

    #[test]
    fn merged_labels_give_the_amount_to_the_total_and_mark_it_doubtful() {
        let t = type_final(
            TableKind::FinalIncomeExpenditureSummary,
            &ghzyj_t1(),
            AmountUnit::Wan,
            2024,
        )
        .unwrap();
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        assert_eq!(t.line(Line::CurrentYearIncome, Column::Total), w("9746.50"));
        assert!(t.has_row(&RowKey::Line(Line::NonFiscalBalanceUsed)));
        assert_eq!(t.line(Line::NonFiscalBalanceUsed, Column::Total), None);
        assert_eq!(
            t.line(Line::CurrentYearExpenditure, Column::Total),
            w("9759.38")
        );
        assert_eq!(t.line(Line::ExpenditureTotal, Column::Total), w("9859.38"));
        assert_eq!(t.line(Line::IncomeTotal, Column::Total), w("9859.38"));
        assert_eq!(t.line(Line::ClosingBalance, Column::Total), w("100.00"));
        let c210 = RowKey::Code(Code::parse("210").unwrap());
        assert_eq!(t.get(&c210, Column::Total), w("236.63"));
        let reading = t.meta.reading.as_ref().unwrap();
        assert_eq!(reading.doubtful.len(), 2);
        assert!(!reading
            .placement(&RowKey::Line(Line::CurrentYearIncome), Column::Total)
            .is_certain());
    }

    #[test]
    fn an_unknown_row_keeps_the_table_generic() {
        let mut g = ghzyj_t1();
        g[0].rows
            .push(row(None, "九、用事业基金弥补收支差额", &["1.00"]));
        let why = type_final(
            TableKind::FinalIncomeExpenditureSummary,
            &g,
            AmountUnit::Wan,
            2024,
        )
        .unwrap_err();
        assert!(why.contains("用事业基金弥补收支差额"), "{why}");
    }

    #[test]
    fn fiscal_summary_reads_the_opening_lines_after_a_merged_row() {
        // sh-putuo-shgzb_2024 财政拨款收入支出决算总表 as the geometry reader
        // gives it: 本年收入合计 and 年初财政拨款结转和结余 read as one row
        let t = "财政拨款收入支出决算总表";
        let g = vec![
            half(
                t,
                &[&["收入", "决算数"]],
                vec![
                    row(None, "一、一般公共预算财政拨款", &["307.82"]),
                    row(None, "二、政府性基金预算财政拨款", &[""]),
                    row(None, "三、国有资本经营预算财政拨款", &[""]),
                    row(None, "本年收入合计年初财政拨款结转和结余", &["307.82"]),
                    row(None, "一、一般公共预算财政拨款", &[""]),
                    row(None, "二、政府性基金预算财政拨款", &[""]),
                    row(None, "三、国有资本经营预算财政拨款", &[""]),
                    row(None, "总计", &["307.82"]),
                ],
            ),
            half(
                t,
                &[
                    &["支出", "合计"],
                    &["支出", "一般公共预算财政拨款"],
                    &["支出", "政府性基金预算财政拨款"],
                    &["支出", "国有资本经营预算财政拨款"],
                ],
                vec![
                    row(None, "三、国防支出", &["", "", "", ""]),
                    row(None, "八、社会保障和就业支出", &["29.42", "29.42", "", ""]),
                    row(None, "本年支出合计", &["307.82", "307.82", "", ""]),
                    row(None, "年末财政拨款结转和结余", &["", "", "", ""]),
                    row(None, "总计", &["307.82", "307.82", "", ""]),
                ],
            ),
        ];
        let t = type_final(
            TableKind::FinalFiscalAppropriationSummary,
            &g,
            AmountUnit::Wan,
            2024,
        )
        .unwrap();
        let w = |s: &str| Some(Wan::parse(s).unwrap());
        assert_eq!(t.line(Line::CurrentYearIncome, Column::Total), w("307.82"));
        assert!(t.has_row(&RowKey::Line(Line::OpeningGeneralBudget)));
        assert!(t.has_row(&RowKey::Line(Line::OpeningStateCapital)));
        assert_eq!(
            t.line(Line::GeneralBudgetAppropriation, Column::Total),
            w("307.82")
        );
        assert_eq!(t.line(Line::IncomeTotal, Column::Total), w("307.82"));
        assert_eq!(
            t.line(Line::ExpenditureTotal, Column::GeneralBudget),
            w("307.82")
        );
        let c208 = RowKey::Code(Code::parse("208").unwrap());
        assert_eq!(t.get(&c208, Column::GeneralBudget), w("29.42"));
        assert_eq!(
            t.columns,
            vec![
                Column::Total,
                Column::GeneralBudget,
                Column::GovernmentFund,
                Column::StateCapital
            ]
        );
    }

    #[test]
    fn an_empty_fund_table_keeps_its_note_and_a_stray_heading_is_no_column() {
        // the 政府性基金 决算表 printed empty: its left half reads only the
        // heading "功能分类 › 合计"
        let t = "政府性基金预算财政拨款收入支出决算表";
        let note = "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。\n说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。";
        let mut left = half(t, &[&["功能分类", "合计"]], vec![]);
        left.note = Some(note.into());
        let mut right = half(
            t,
            &[
                &["年初结转和结余"],
                &["本年收入"],
                &["本年支出", "合计"],
                &["本年支出", "基本支出"],
                &["本年支出", "项目支出"],
                &["年末结转和结余"],
            ],
            vec![],
        );
        right.note = Some(note.into());
        let f = type_final(
            TableKind::FinalGovernmentFund,
            &[left.clone(), right.clone()],
            AmountUnit::Wan,
            2024,
        )
        .unwrap();
        assert!(f.rows.is_empty());
        assert_eq!(f.columns.len(), 6);
        assert!(f.meta.empty_note.as_deref().unwrap().contains("没有"));
        // with amounts, a column it cannot name keeps it generic
        right
            .rows
            .push(row(None, "合计", &["1.00", "", "", "", "", "1.00"]));
        left.rows.push(row(None, "合计", &["1.00"]));
        assert!(type_final(
            TableKind::FinalGovernmentFund,
            &[left, right],
            AmountUnit::Wan,
            2024
        )
        .is_err());
    }

    #[test]
    fn basic_expenditure_halves_read_together() {
        let t = "一般公共预算财政拨款基本支出决算表";
        let g = vec![
            half(
                t,
                &[&["决算数"]],
                vec![
                    row(Some("301"), "工资福利支出", &["4816.14"]),
                    row(Some("303"), "对个人和家庭的补助", &["67.96"]),
                    row(None, "人员经费合计", &["4884.09"]),
                ],
            ),
            half(
                t,
                &[&["决算数"]],
                vec![
                    row(Some("302"), "商品和服务支出", &["440.90"]),
                    row(Some("310"), "资本性支出", &["39.76"]),
                    row(None, "公用经费合计", &["480.66"]),
                ],
            ),
        ];
        let t = type_final(TableKind::FinalBasicExpenditure, &g, AmountUnit::Wan, 2024).unwrap();
        assert_eq!(t.rows.len(), 6);
        assert_eq!(
            t.line(Line::PublicTotal, Column::Total),
            Some(Wan::parse("480.66").unwrap())
        );
    }
}
