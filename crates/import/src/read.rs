//! Reading the nine tables: columns from the headers, rows from the lines,
//! placements solved within and across tables, then the model.

use std::collections::HashMap;

use rust_decimal::Decimal;
use yusuan_classification::{Catalog, Code, Scheme};
use yusuan_tables::{
    Amounts, BasicExpenditureAmounts, Basis, CodeTable, Column, ExpenditureAmounts, FundAmounts,
    GeneralBudgetAmounts, IncomeAmounts, Line as TLine, Period, RowKey, SummaryAmounts, SummaryRow,
    SummaryTable, TableKind, TableMeta, Tables, ThreePublicAmounts, ThreePublicRow,
    ThreePublicTable,
};

use crate::error::{ImportWarning, WarningKind};
use crate::grid::{parse_code, val_of, Grid, Known};
use crate::prepare::Prepared;
use crate::segment::{starts_numbered, AmountUnit};
use crate::solve::Fix;
use crate::source::Source;
use crate::tokens::{row_of, TokKind};

/// A table being read.
pub(crate) enum Reading {
    Code(Box<Grid>),
    Summary {
        income: Box<Grid>,
        expenditure: Box<Grid>,
    },
    Three {
        grid: Box<Grid>,
        periods: Vec<Period>,
    },
    /// A table printed without rows (表7/8/9 with their note).
    Empty,
}

pub(crate) struct TableRead {
    pub prep: Prepared,
    pub reading: Reading,
}

fn has(h: &str, k: &str) -> bool {
    h.contains(k)
}

/// The columns a code table prints, from its header.
pub(crate) fn code_columns(kind: TableKind, header: &str) -> Vec<Column> {
    use Column as C;
    let h = header;
    match kind {
        TableKind::IncomeSummary => {
            let mut v = vec![C::Total];
            let checks: [(Column, &[&str]); 12] = [
                (C::PriorYearCarryover, &["上年结转"]),
                (C::FiscalAppropriation, &["财政拨款收入"]),
                (C::GeneralBudget, &["一般公共预算"]),
                (C::GovernmentFund, &["政府性基金"]),
                (C::StateCapital, &["国有资本经营"]),
                (C::BusinessIncome, &["事业收入"]),
                (C::EducationFees, &["教育收费"]),
                (C::InstitutionOperatingIncome, &["经营收入"]),
                (C::SuperiorSubsidy, &["上级补助"]),
                (C::SubordinateRemittance, &["附属单位", "上缴收入"]),
                (C::OtherIncome, &["其他收入"]),
                (C::NonFiscalBalanceUsed, &["结余"]),
            ];
            for (c, keys) in checks {
                if keys.iter().any(|k| has(h, k)) {
                    v.push(c);
                }
            }
            v
        }
        TableKind::ExpenditureSummary => {
            let mut v = vec![C::Total];
            let checks: [(Column, &[&str]); 5] = [
                (C::Basic, &["基本支出"]),
                (C::Project, &["项目支出"]),
                (C::RemitToSuperior, &["上缴上级"]),
                (C::InstitutionOperatingExpenditure, &["经营支出"]),
                (C::SubsidyToSubordinate, &["对附属单位", "补助支出"]),
            ];
            for (c, keys) in checks {
                if keys.iter().any(|k| has(h, k)) {
                    v.push(c);
                }
            }
            v
        }
        TableKind::GeneralBudgetExpenditure => {
            let prior = has(h, "执行数");
            let excl = has(h, "扣除");
            let change = has(h, "增减");
            let mut v = Vec::new();
            if prior {
                v.push(C::PriorYear);
                if excl {
                    v.push(C::PriorYearExclCapital);
                }
            }
            v.push(C::Total);
            // a single 金额 column (江苏: 一般公共预算支出预算表) prints no split
            if has(h, "基本支出") || has(h, "项目支出") || has(h, "小计") {
                v.extend([C::Basic, C::Project]);
            }
            if excl {
                v.push(C::TotalExclCapital);
            }
            if prior && change {
                v.extend([C::Change, C::ChangePercent]);
                if excl {
                    v.extend([C::ChangeExclCapital, C::ChangePercentExclCapital]);
                }
            }
            v
        }
        // a single 金额 column (江苏 templates) prints the total alone
        TableKind::GeneralBudgetBasicExpenditure => {
            if has(h, "人员经费") || has(h, "公用经费") {
                vec![C::Total, C::Personnel, C::Public]
            } else {
                vec![C::Total]
            }
        }
        TableKind::GovernmentFundExpenditure | TableKind::StateCapitalExpenditure => {
            if has(h, "基本支出") || has(h, "项目支出") {
                vec![C::Total, C::Basic, C::Project]
            } else {
                vec![C::Total]
            }
        }
        TableKind::ThreePublicExpenditure => {
            if has(h, "机关运行经费") {
                vec![
                    C::Total,
                    C::OutboundTravel,
                    C::Reception,
                    C::Vehicles,
                    C::VehiclePurchase,
                    C::VehicleOperation,
                    C::AgencyOperation,
                ]
            } else {
                vec![
                    C::Total,
                    C::OutboundTravel,
                    C::Vehicles,
                    C::VehiclePurchase,
                    C::VehicleOperation,
                    C::Reception,
                ]
            }
        }
        _ => vec![C::Total],
    }
}

fn warn(
    warnings: &mut Vec<ImportWarning>,
    kind: WarningKind,
    line: usize,
    table: TableKind,
    message: String,
) {
    warnings.push(ImportWarning {
        kind,
        line: Some(line),
        table: Some(table),
        message,
        cells: Vec::new(),
    });
}

/// Reads a code-keyed table into a grid.
fn read_code(prep: &Prepared, warnings: &mut Vec<ImportWarning>) -> Option<Reading> {
    let columns = code_columns(prep.kind, &prep.header);
    if prep.rows.is_empty() {
        return Some(Reading::Empty);
    }
    // rows split apart by raw extraction: several unlabeled number lines
    let unlabeled = prep
        .rows
        .iter()
        .filter(|r| r.code.is_none() && r.label.is_empty())
        .count();
    if unlabeled > 1 {
        warn(
            warnings,
            WarningKind::UnreadableTable,
            prep.line,
            prep.kind,
            format!(
                "{}: the extracted text splits its rows apart ({unlabeled} lines of bare numbers); not read. Give the text of `pdftotext -layout` or the PDF",
                prep.title.as_deref().unwrap_or(prep.kind.label_zh())
            ),
        );
        return None;
    }
    if prep.kind == TableKind::GeneralBudgetBasicExpenditure {
        if let Some(r) = read_side_by_side(prep, warnings) {
            return Some(r);
        }
    }
    let mut g = Grid::new(prep.kind, "", columns, prep.half_unit(), prep.unit);
    for row in &prep.rows {
        let vals: Vec<_> = row
            .numbers()
            .filter_map(|t| val_of(t).map(|v| (v, t.end)))
            .collect();
        let key = if let Some(code) = &row.code {
            match parse_code(&code.digits) {
                Some(c) => RowKey::Code(c),
                None => {
                    warn(
                        warnings,
                        WarningKind::UnreadableRow,
                        row.line,
                        prep.kind,
                        format!(
                            "row {} {}: not a valid 科目编码; row left out",
                            code.printed, row.label
                        ),
                    );
                    continue;
                }
            }
        } else if row.label.is_empty() || row.label.contains("合计") || row.label.contains("总计")
        {
            RowKey::Total
        } else {
            warn(
                warnings,
                WarningKind::UnreadableRow,
                row.line,
                prep.kind,
                format!(
                    "row {:?} has numbers but no 科目编码; row left out",
                    row.label
                ),
            );
            continue;
        };
        if g.index(&key).is_some() {
            warn(
                warnings,
                WarningKind::UnreadableRow,
                row.line,
                prep.kind,
                format!(
                    "row {} {} is printed twice; the second is left out",
                    key.label_zh(),
                    row.label
                ),
            );
            continue;
        }
        let name = if key == RowKey::Total {
            "合计".to_owned()
        } else {
            row.label.clone()
        };
        g.push(key, name, row.line, vals, warnings);
    }
    g.code_groups();
    Some(Reading::Code(Box::new(g)))
}

/// A label with its numbers (value, right edge), before it becomes a row.
type Pending = (SKey, String, Vec<(crate::solve::Val, usize)>);

/// One amount of a side-by-side 基本支出表: row, name, line, value (with its
/// right edge), column.
type SideCell = (RowKey, String, usize, (crate::solve::Val, usize), usize);

/// The 基本支出表 printed side by side (人员经费 rows on the left, 公用经费
/// rows on the right of the same lines): a line holding a second
/// 经济分类 code after a number. Each row fills the column of its side,
/// which its code's class decides (301 and 303 人员经费, others 公用经费);
/// `None` when the table is not printed that way.
fn read_side_by_side(prep: &Prepared, warnings: &mut Vec<ImportWarning>) -> Option<Reading> {
    let is_code_tok = |t: &crate::tokens::Tok| {
        matches!(t.kind, TokKind::Amount(d) if d.scale() == 0)
            && matches!(t.text.len(), 3 | 5)
            && t.text.starts_with('3')
            && t.text.chars().all(|c| c.is_ascii_digit())
    };
    let split_at = |r: &crate::tokens::Row| -> Option<usize> {
        (1..r.toks.len()).find(|&i| {
            let code_then_label = r.toks.get(i).is_some_and(is_code_tok)
                && r.toks.get(i + 1).is_some_and(|t| t.label().is_some());
            let total_label = r
                .toks
                .get(i)
                .and_then(|t| t.label())
                .is_some_and(|l| l.contains("合计"));
            (code_then_label || total_label) && r.toks.iter().take(i).any(|t| t.is_number())
        })
    };
    if !prep.rows.iter().any(|r| split_at(r).is_some()) {
        return None;
    }
    let columns = vec![Column::Total, Column::Personnel, Column::Public];
    let mut g = Grid::new(prep.kind, "", columns, prep.half_unit(), prep.unit);
    // (key, name, line, value, column)
    let mut cells: Vec<SideCell> = Vec::new();
    for r in &prep.rows {
        let cut = split_at(r).unwrap_or(r.toks.len());
        let left = r.toks.get(..cut).unwrap_or_default();
        let right = r.toks.get(cut..).unwrap_or_default();
        let mut sides: Vec<(Option<String>, &[crate::tokens::Tok])> =
            vec![(r.code.as_ref().map(|c| c.digits.clone()), left)];
        if let Some((first, rest)) = right.split_first() {
            if first.label().is_some() {
                sides.push((None, right));
            } else {
                sides.push((Some(first.text.clone()), rest));
            }
        }
        for (k, (code, toks)) in sides.into_iter().enumerate() {
            let label: String = toks.iter().filter_map(|t| t.label()).collect::<String>();
            let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
            let vals: Vec<_> = toks
                .iter()
                .filter(|t| t.is_number() || matches!(t.kind, TokKind::Dash))
                .filter_map(|t| val_of(t).map(|v| (v, t.end)))
                .collect();
            let [val] = vals.as_slice() else {
                if !vals.is_empty() {
                    warn(warnings, WarningKind::UnreadableRow, r.line, prep.kind, format!("side-by-side row {label}: {} numbers where one is printed per side; left out", vals.len()));
                }
                continue;
            };
            let (key, column) = match code.as_deref().and_then(parse_code) {
                Some(c) => {
                    let personnel = matches!(c.class().as_str(), "301" | "303");
                    (RowKey::Code(c), if personnel { 1 } else { 2 })
                }
                None if label.contains("合计") || label.contains("总计") => {
                    let column = if label.contains("公用") || (k == 1 && !label.contains("人员"))
                    {
                        2
                    } else if label.contains("人员") || k == 0 {
                        1
                    } else {
                        2
                    };
                    let column = if label == "合计" && k == 0 && right.is_empty() {
                        0
                    } else {
                        column
                    };
                    (RowKey::Total, column)
                }
                None => {
                    warn(
                        warnings,
                        WarningKind::UnreadableRow,
                        r.line,
                        prep.kind,
                        format!("side-by-side row {label:?} has no 科目编码; left out"),
                    );
                    continue;
                }
            };
            cells.push((key, label, r.line, *val, column));
        }
    }
    // one grid row per key, its cells placed
    let mut keys: Vec<RowKey> = Vec::new();
    for c in &cells {
        if !keys.contains(&c.0) {
            keys.push(c.0);
        }
    }
    for key in keys {
        let mine: Vec<&SideCell> = cells.iter().filter(|c| c.0 == key).collect();
        let mut cols: Vec<usize> = mine.iter().map(|c| c.4).collect();
        let mut vals: Vec<(crate::solve::Val, usize)> = mine.iter().map(|c| c.3).collect();
        let mut order: Vec<usize> = (0..cols.len()).collect();
        order.sort_by_key(|&i| cols.get(i).copied().unwrap_or(0));
        let sorted_cols: Vec<usize> = order.iter().filter_map(|&i| cols.get(i).copied()).collect();
        let sorted_vals: Vec<(crate::solve::Val, usize)> =
            order.iter().filter_map(|&i| vals.get(i).copied()).collect();
        cols = sorted_cols;
        vals = sorted_vals;
        let mut dedup = cols.clone();
        dedup.dedup();
        if dedup.len() != cols.len() {
            warn(
                warnings,
                WarningKind::UnreadableRow,
                mine.first().map_or(0, |c| c.2),
                prep.kind,
                format!(
                    "side-by-side row {} printed twice on one side; left out",
                    key.label_zh()
                ),
            );
            continue;
        }
        let name = if key == RowKey::Total {
            "合计".to_owned()
        } else {
            mine.first().map(|c| c.1.clone()).unwrap_or_default()
        };
        g.push_placed(key, name, mine.first().map_or(0, |c| c.2), vals, cols);
    }
    warnings.push(ImportWarning {
        kind: WarningKind::PlacedByPosition,
        line: Some(prep.line),
        table: Some(prep.kind),
        message: "the table prints 人员经费 and 公用经费 side by side; each row's amount is placed by its code's class (301, 303 人员经费; the others 公用经费)".into(),
        cells: Vec::new(),
    });
    g.code_groups();
    Some(Reading::Code(Box::new(g)))
}

/// What a summary-table label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SKey {
    Income(TLine),
    Expenditure(TLine),
    Class(Code),
}

/// Strips a leading `一、`, `(一)`, `1、`, `1.`.
fn strip_numbering(s: &str) -> &str {
    let cn = "一二三四五六七八九十";
    if let Some(rest) = s.strip_prefix('(') {
        if let Some((num, after)) = rest.split_once(')') {
            if !num.is_empty() && num.chars().all(|c| cn.contains(c) || c.is_ascii_digit()) {
                return after;
            }
        }
    }
    let t = s.trim_start_matches(|c: char| cn.contains(c) || c.is_ascii_digit());
    if t.len() < s.len() {
        if let Some(r) = t
            .strip_prefix('、')
            .or_else(|| t.strip_prefix('.'))
            .or_else(|| t.strip_prefix('．'))
        {
            return r;
        }
    }
    s
}

/// Splits a label glued from several ("二、政府性基金预算拨款收入二、住房保障支出").
fn split_labels(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let cn = "一二三四五六七八九十";
    let mut cuts = vec![0usize];
    for i in 1..chars.len() {
        let rest: String = chars.get(i..).unwrap_or_default().iter().collect();
        let prev = chars.get(i - 1).copied().unwrap_or(' ');
        if cn.contains(prev) || prev == '(' {
            continue;
        }
        let numbered = starts_numbered(&rest)
            && (rest.starts_with('(') || rest.chars().next().is_some_and(|c| cn.contains(c)));
        let total = (rest.starts_with("支出总计")
            || rest.starts_with("本年支出合计")
            || rest.starts_with("结转下年"))
            && i > 1;
        if numbered || total {
            cuts.push(i);
        }
    }
    cuts.push(chars.len());
    cuts.windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(
                chars
                    .get(*a..*b)
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>(),
            ),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The warning for a 类 printed under the name it had in another year
/// (医疗卫生与计划生育支出 in a 2024 document), read as `code`, in the
/// summary table `table`.
pub(crate) fn obsolete_name(
    name: &str,
    code: Code,
    current: &str,
    year: u16,
    table: TableKind,
) -> ImportWarning {
    ImportWarning {
        kind: WarningKind::ObsoleteName,
        line: None,
        table: Some(table),
        message: format!(
            "{name} is not the name of {code} in {year} (it is {current}); read as {code}"
        ),
        cells: Vec::new(),
    }
}

/// Names a summary-table label. `carryover` is set after 上年结转 (its
/// (一)(二)(三) are the carry-over by fund).
pub(crate) fn summary_key(
    label: &str,
    kind: TableKind,
    carryover: bool,
    classes: &dyn Fn(&str) -> Option<Code>,
) -> Option<SKey> {
    let l = strip_numbering(label);
    let l = l.trim_end_matches(':');
    use TLine as L;
    let income = |x| Some(SKey::Income(x));
    if carryover && kind == TableKind::FiscalAppropriationSummary {
        if l.starts_with("一般公共预算") {
            return income(L::CarryoverGeneralBudget);
        }
        if l.starts_with("政府性基金") {
            return income(L::CarryoverGovernmentFund);
        }
        if l.starts_with("国有资本经营") {
            return income(L::CarryoverStateCapital);
        }
    }
    match l {
        "财政拨款收入" | "财政拨款" => income(L::FiscalAppropriationIncome),
        "一般公共预算拨款收入"
        | "一般公共预算拨款"
        | "一般公共预算资金"
        | "一般公共预算"
        | "一般公共预算财政拨款" => income(L::GeneralBudgetAppropriation),
        "政府性基金预算拨款收入"
        | "政府性基金预算拨款"
        | "政府性基金"
        | "政府性基金预算"
        | "政府性基金预算资金" => income(L::GovernmentFundAppropriation),
        "国有资本经营预算拨款收入"
        | "国有资本经营预算拨款"
        | "国有资本经营预算"
        | "国有资本经营预算资金" => income(L::StateCapitalAppropriation),
        "事业收入" => income(L::BusinessIncome),
        "事业单位经营收入" => income(L::InstitutionOperatingIncome),
        "上级补助收入" => income(L::SuperiorSubsidy),
        "附属单位上缴收入" => income(L::SubordinateRemittance),
        "其他收入" => income(L::OtherIncome),
        "财政专户管理资金" => income(L::SpecialAccountFunds),
        "其他资金" => income(L::OtherFunds),
        "本年收入合计" | "本年收入" | "当年收入小计" => {
            income(L::CurrentYearIncome)
        }
        "使用非财政拨款结余" | "使用非财政拨款结余(结转)" => {
            income(L::NonFiscalBalanceUsed)
        }
        "上年结转" | "上年结转结余" | "上年结转资金" => {
            income(L::PriorYearCarryover)
        }
        "收入总计" | "收入合计" => income(L::IncomeTotal),
        "本年支出合计" | "本年支出" | "当年支出小计" => {
            Some(SKey::Expenditure(L::CurrentYearExpenditure))
        }
        "基本支出" => Some(SKey::Expenditure(L::BasicExpenditure)),
        "项目支出" => Some(SKey::Expenditure(L::ProjectExpenditure)),
        "单位预留机动经费" => Some(SKey::Expenditure(L::UnitReserveFund)),
        "结转下年" | "年末结转和结余" | "结转下年资金" => {
            Some(SKey::Expenditure(L::CarryForward))
        }
        "支出总计" | "支出合计" => Some(SKey::Expenditure(L::ExpenditureTotal)),
        _ => classes(l).map(SKey::Class),
    }
}

/// Reads a 收支总表 or 财政拨款收支总表.
fn read_summary(
    src: &Source,
    part: &crate::segment::Part,
    prep: &Prepared,
    classes: &dyn Fn(&str) -> Option<Code>,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Reading> {
    let h = &prep.header;
    let exp_cols = match prep.kind {
        TableKind::IncomeExpenditureSummary if has(h, "人员经费") && has(h, "公用经费") => {
            vec![
                Column::Total,
                Column::Personnel,
                Column::Public,
                Column::Project,
            ]
        }
        TableKind::IncomeExpenditureSummary
            if has(h, "基本支出") && has(h, "项目支出") && has(h, "合计") =>
        {
            vec![Column::Total, Column::Basic, Column::Project]
        }
        TableKind::FiscalAppropriationSummary if has(h, "合计") => vec![
            Column::Total,
            Column::GeneralBudget,
            Column::GovernmentFund,
            Column::StateCapital,
        ],
        _ => vec![Column::Total],
    };
    let half = prep.half_unit();
    let mut income = Grid::new(prep.kind, "收入", vec![Column::Total], half, prep.unit);
    let mut expenditure = Grid::new(prep.kind, "支出", exp_cols, half, prep.unit);
    let mut carryover = false;
    let mut first_side_numbers_before_label = 0usize;
    let lines = src.lines.get(part.start..part.end).unwrap_or_default();
    for line in lines {
        let sq: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        if sq.is_empty()
            || crate::segment::unit_of(&sq).is_some()
            || sq.starts_with("注")
            || sq.starts_with("编制")
            || Some(line.number) == Some(prep.line)
        {
            continue;
        }
        let row = row_of(line);
        let mut toks = row.toks.clone();
        if let Some(code) = &row.code {
            // not a code table: a leading number glued to a label is text
            toks.insert(
                0,
                crate::tokens::Tok {
                    kind: TokKind::Label(code.printed.clone()),
                    text: code.printed.clone(),
                    start: 0,
                    end: 0,
                },
            );
        }
        // walk: labels, then their numbers
        let mut current: Option<(SKey, String)> = None;
        let mut vals = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        let mut seen_label = false;
        for t in &toks {
            match &t.kind {
                TokKind::Label(l) => {
                    let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
                    for piece in split_labels(&l) {
                        if let Some((k, name)) = current.take() {
                            pending.push((k, name, std::mem::take(&mut vals)));
                        }
                        vals.clear();
                        seen_label = true;
                        let key = summary_key(&piece, prep.kind, carryover, classes);
                        if let Some(SKey::Income(TLine::PriorYearCarryover)) = key {
                            carryover = true;
                        } else if matches!(key, Some(SKey::Income(TLine::IncomeTotal)))
                            || (starts_numbered(&piece)
                                && !piece.starts_with('(')
                                && matches!(key, Some(SKey::Income(_))))
                        {
                            carryover = false;
                        }
                        current = key.map(|k| (k, piece.clone()));
                        if current.is_none() && row.has_numbers() && piece.chars().count() > 1 {
                            // a label with numbers that names nothing known
                            let has_own_numbers = toks
                                .iter()
                                .skip_while(|x| {
                                    x.label().map(|s| {
                                        s.chars().filter(|c| !c.is_whitespace()).collect::<String>()
                                    }) != Some(l.clone())
                                })
                                .skip(1)
                                .take_while(|x| x.is_number() || matches!(x.kind, TokKind::Dash))
                                .count()
                                > 0;
                            if has_own_numbers {
                                warnings.push(ImportWarning {
                                    kind: WarningKind::UnreadableRow,
                                    line: Some(line.number),
                                    table: Some(prep.kind),
                                    message: format!("line {piece:?} is not a known line or function class; left out"),
                                    cells: Vec::new(),
                                });
                            }
                        }
                    }
                }
                _ => {
                    if !seen_label {
                        first_side_numbers_before_label += 1;
                    }
                    if let Some(v) = val_of(t) {
                        if current.is_some() {
                            vals.push((v, t.end));
                        }
                    }
                }
            }
        }
        if let Some((k, name)) = current.take() {
            pending.push((k, name, vals));
        }
        let line_has_numbers = row.has_numbers();
        for (k, name, vals) in pending {
            if vals.is_empty() && !line_has_numbers && !starts_numbered(&name) {
                // a header word ("本年收入", "财政拨款收入"), not a line
                continue;
            }
            let (grid, key) = match k {
                SKey::Income(l) => (&mut income, RowKey::Line(l)),
                SKey::Expenditure(l) => (&mut expenditure, RowKey::Line(l)),
                SKey::Class(c) => (&mut expenditure, RowKey::Code(c)),
            };
            if let Some(i) = grid.index(&key) {
                // a header word repeated; keep the row with numbers
                if vals.is_empty() {
                    continue;
                }
                if grid.rows.get(i).is_some_and(|r| r.values.is_empty()) {
                    grid.keys.remove(i);
                    grid.names.remove(i);
                    grid.lines.remove(i);
                    grid.ends.remove(i);
                    grid.rows.remove(i);
                } else {
                    warn(
                        warnings,
                        WarningKind::UnreadableRow,
                        line.number,
                        prep.kind,
                        format!("line {name} is printed twice; the second is left out"),
                    );
                    continue;
                }
            }
            grid.push(key, name, line.number, vals, warnings);
        }
    }
    if first_side_numbers_before_label > 0 {
        warn(
            warnings,
            WarningKind::UnreadableTable,
            prep.line,
            prep.kind,
            format!(
                "{}: the extracted text prints numbers before their labels (cells split apart); not read. Give the text of `pdftotext -layout` or the PDF",
                prep.title.as_deref().unwrap_or(prep.kind.label_zh())
            ),
        );
        return None;
    }
    if income.rows.iter().all(|r| r.values.is_empty())
        && expenditure.rows.iter().all(|r| r.values.is_empty())
    {
        if prep.rows.is_empty() {
            return Some(Reading::Empty);
        }
        warn(
            warnings,
            WarningKind::UnreadableTable,
            prep.line,
            prep.kind,
            "no line of the table could be read".into(),
        );
        return None;
    }
    // the expenditure total is the sum of the function classes
    let classes_ix: Vec<usize> = expenditure
        .keys
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, RowKey::Code(_)))
        .map(|(i, _)| i)
        .collect();
    let parent = expenditure
        .index(&RowKey::Line(TLine::CurrentYearExpenditure))
        .or_else(|| expenditure.index(&RowKey::Line(TLine::ExpenditureTotal)));
    if let Some(p) = parent {
        if !classes_ix.is_empty() {
            expenditure.groups.push(crate::solve::Group {
                parent: p,
                children: classes_ix,
            });
        }
    }
    Some(Reading::Summary {
        income: Box::new(income),
        expenditure: Box::new(expenditure),
    })
}

/// Reads the "三公" table.
fn read_three(
    src: &Source,
    prep: &Prepared,
    year: u16,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Reading> {
    let columns = code_columns(prep.kind, &prep.header);
    let periods = periods_of(&prep.header, year);
    if prep.rows.is_empty() {
        return Some(Reading::Three {
            grid: Box::new(Grid::new(
                prep.kind,
                "",
                columns,
                prep.half_unit(),
                prep.unit,
            )),
            periods,
        });
    }
    let mut g = Grid::new(prep.kind, "", columns.clone(), prep.half_unit(), prep.unit);
    // header positions (layout): the right edge of each column's label
    if prep.layout {
        let words: [(Column, &str); 7] = [
            (Column::Total, "合计"),
            (Column::OutboundTravel, "因公出国"),
            (Column::Reception, "公务接待费"),
            (Column::Vehicles, "小计"),
            (Column::VehiclePurchase, "购置费"),
            (Column::VehicleOperation, "运行费"),
            (Column::AgencyOperation, "机关运行经费"),
        ];
        for &i in &prep.header_lines {
            let Some(line) = src.lines.get(i) else {
                continue;
            };
            for t in crate::tokens::tokenize(&line.text) {
                let Some(l) = t.label() else { continue };
                for (c, w) in words {
                    let exact = l == w
                        || (w == "因公出国" && l.starts_with(w))
                        || (w == "机关运行经费" && l.starts_with(w));
                    if exact {
                        if let Some(ci) = columns.iter().position(|&x| x == c) {
                            if let Some(slot) = g.header_ends.get_mut(ci) {
                                *slot = Some(t.end);
                            }
                        }
                    }
                }
            }
        }
    }
    // all numbers of the data lines in printed order
    let mut all: Vec<(crate::solve::Val, usize)> = Vec::new();
    let mut lines = Vec::new();
    for r in &prep.rows {
        lines.push(r.line);
        all.extend(r.numbers().filter_map(|t| val_of(t).map(|v| (v, t.end))));
    }
    let first = lines.first().copied().unwrap_or(prep.line);
    if periods.len() == 1 {
        if prep.rows.len() > 1 && !prep.layout {
            // raw text may print the cells apart; their order is still the
            // reading order, which the identities check
        }
        let p = periods.first().copied().unwrap_or(Period {
            year,
            basis: Basis::Budget,
        });
        g.push(RowKey::Period(p), p.label_zh(), first, all, warnings);
    } else if prep.rows.len() == periods.len() {
        for (r, p) in prep.rows.iter().zip(&periods) {
            let vals = r
                .numbers()
                .filter_map(|t| val_of(t).map(|v| (v, t.end)))
                .collect();
            g.push(RowKey::Period(*p), p.label_zh(), r.line, vals, warnings);
        }
    } else if all.len() <= periods.len() * columns.len() {
        // the periods side by side on one line: place the numbers over all
        // their columns at once, each period's identities holding
        let m = columns.len();
        let rules: Vec<crate::solve::RowRule> = (0..periods.len())
            .flat_map(|k| g.rules.iter().map(move |r| r.shifted(k * m)))
            .collect();
        let pct = vec![false; m * periods.len()];
        let values: Vec<crate::solve::Val> = all.iter().map(|(v, _)| *v).collect();
        let row = crate::solve::new_row(values, &pct, &rules, g.half);
        let decided = row.as_ref().and_then(|r| match r.cands.as_slice() {
            [only] if r.consistent => Some(only.clone()),
            _ => None,
        });
        let Some(placement) = decided else {
            warn(
                warnings,
                WarningKind::UnreadableTable,
                prep.line,
                prep.kind,
                format!(
                    "{} periods ({}) printed side by side: their {} numbers fit the columns in {} ways; not read",
                    periods.len(),
                    periods.iter().map(Period::label_zh).collect::<Vec<_>>().join("、"),
                    all.len(),
                    row.map_or(0, |r| r.cands.len())
                ),
            );
            return None;
        };
        for (k, p) in periods.iter().enumerate() {
            let mut vals = Vec::new();
            let mut cols = Vec::new();
            for (v, c) in all.iter().zip(&placement) {
                if *c >= k * m && *c < (k + 1) * m {
                    vals.push(*v);
                    cols.push(c - k * m);
                }
            }
            g.push_placed(RowKey::Period(*p), p.label_zh(), first, vals, cols);
        }
    } else {
        warn(
            warnings,
            WarningKind::UnreadableTable,
            prep.line,
            prep.kind,
            format!(
                "{} periods ({}) but {} numbers that cannot be split between them; not read",
                periods.len(),
                periods
                    .iter()
                    .map(Period::label_zh)
                    .collect::<Vec<_>>()
                    .join("、"),
                all.len()
            ),
        );
        return None;
    }
    Some(Reading::Three {
        grid: Box::new(g),
        periods,
    })
}

fn periods_of(header: &str, year: u16) -> Vec<Period> {
    let re = crate::patterns::period();
    let mut out: Vec<Period> = Vec::new();
    for c in re.captures_iter(header) {
        let y = c.get(1).and_then(|m| m.as_str().parse::<u16>().ok());
        let basis = match c.get(2).map(|m| m.as_str()) {
            Some("执行数") => Basis::Execution,
            Some("决算数") => Basis::FinalAccounts,
            _ => Basis::Budget,
        };
        if let Some(y) = y {
            let p = Period { year: y, basis };
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    if out.is_empty() {
        out.push(Period {
            year,
            basis: Basis::Budget,
        });
    }
    out
}

/// Reads all table parts, solves them together and returns the model's
/// tables.
pub(crate) fn read_tables(
    src: &Source,
    parts: &[crate::segment::Part],
    year: u16,
    doc_unit: AmountUnit,
    warnings: &mut Vec<ImportWarning>,
) -> Tables {
    let mut preps: Vec<(crate::segment::Part, Prepared)> = Vec::new();
    for p in parts {
        if let crate::segment::PartKind::Table(k) = p.kind {
            let kind = k.model();
            if preps.iter().any(|(_, q)| q.kind == kind) {
                warn(
                    warnings,
                    WarningKind::DuplicateTable,
                    src.lines.get(p.start).map_or(0, |l| l.number),
                    kind,
                    "a second table of this kind; left out".into(),
                );
                continue;
            }
            preps.push((p.clone(), crate::prepare::prepare(src, p, kind)));
        }
    }
    // code tables first: their class names name the summary tables' rows
    // (each prepared table moves into its reading)
    let mut reads: Vec<TableRead> = Vec::new();
    let mut summaries = Vec::new();
    for (part, prep) in preps {
        if matches!(
            prep.kind,
            TableKind::IncomeExpenditureSummary
                | TableKind::FiscalAppropriationSummary
                | TableKind::ThreePublicExpenditure
        ) {
            summaries.push((part, prep));
            continue;
        }
        if let Some(r) = read_code(&prep, warnings) {
            reads.push(TableRead { prep, reading: r });
        }
    }
    let mut class_names: HashMap<String, Code> = HashMap::new();
    for r in &reads {
        if let Reading::Code(g) = &r.reading {
            for (k, n) in g.keys.iter().zip(&g.names) {
                if let RowKey::Code(c) = k {
                    if c.len() == 3 && c.scheme() == Scheme::Function {
                        class_names.entry(n.clone()).or_insert(*c);
                    }
                }
            }
        }
    }
    let catalog = Catalog::embedded();
    // names of other years (医疗卫生与计划生育支出 in a 2024 document) are
    // mapped to their code and said once each
    let obsolete: std::cell::RefCell<Vec<(String, Code, String)>> = Default::default();
    let classes = |name: &str| -> Option<Code> {
        if let Some(c) = class_names.get(name) {
            return Some(*c);
        }
        let hit = catalog.resolve_name(Scheme::Function, name, year)?;
        if hit.code.len() != 3 {
            return None;
        }
        if let yusuan_classification::NameStatus::Obsolete { current_name, .. } = &hit.status {
            let mut o = obsolete.borrow_mut();
            if !o.iter().any(|(n, _, _)| n == name) {
                o.push((name.to_owned(), hit.code, current_name.clone()));
            }
        }
        Some(hit.code)
    };
    for (part, prep) in summaries {
        let r = match prep.kind {
            TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary => {
                read_summary(src, &part, &prep, &classes, warnings)
            }
            TableKind::ThreePublicExpenditure => read_three(src, &prep, year, warnings),
            _ => continue,
        };
        if let Some(r) = r {
            reads.push(TableRead { prep, reading: r });
        }
    }
    for (name, code, current) in obsolete.take() {
        // (the class names of both summaries are resolved together: said
        // of the 收支总表)
        warnings.push(obsolete_name(
            &name,
            code,
            &current,
            year,
            TableKind::IncomeExpenditureSummary,
        ));
    }
    solve_all(&mut reads);
    if src.format == crate::TextFormat::Layout {
        for r in &mut reads {
            match &mut r.reading {
                Reading::Code(g) | Reading::Three { grid: g, .. } => g.place_by_position(warnings),
                Reading::Summary {
                    income,
                    expenditure,
                } => {
                    income.place_by_position(warnings);
                    expenditure.place_by_position(warnings);
                }
                Reading::Empty => {}
            }
        }
    }
    materialize(&reads, doc_unit, warnings)
}

fn grids(reads: &[TableRead]) -> Vec<&Grid> {
    let mut out = Vec::new();
    for r in reads {
        match &r.reading {
            Reading::Code(g) | Reading::Three { grid: g, .. } => out.push(&**g),
            Reading::Summary {
                income,
                expenditure,
            } => {
                out.push(&**income);
                out.push(&**expenditure);
            }
            Reading::Empty => {}
        }
    }
    out
}

fn count(reads: &[TableRead]) -> usize {
    grids(reads)
        .iter()
        .map(|g| g.rows.iter().map(|r| r.cands.len()).sum::<usize>())
        .sum()
}

/// Fixes from other tables for a grid.
fn cross_fixes(g: &Grid, known: &Known) -> Vec<(RowKey, Column, Fix)> {
    use Column as C;
    use TableKind as K;
    let mut out = Vec::new();
    let get = |k: K, row: RowKey, c: Column| known.get(&(k, row, c)).copied();
    for key in &g.keys {
        match (g.kind, g.side) {
            (K::IncomeSummary, _) => {
                if *key == RowKey::Total {
                    let pairs = [
                        (C::PriorYearCarryover, TLine::PriorYearCarryover),
                        (C::FiscalAppropriation, TLine::FiscalAppropriationIncome),
                        (C::GeneralBudget, TLine::GeneralBudgetAppropriation),
                        (C::GovernmentFund, TLine::GovernmentFundAppropriation),
                        (C::StateCapital, TLine::StateCapitalAppropriation),
                        (C::BusinessIncome, TLine::BusinessIncome),
                        (
                            C::InstitutionOperatingIncome,
                            TLine::InstitutionOperatingIncome,
                        ),
                        (C::SuperiorSubsidy, TLine::SuperiorSubsidy),
                        (C::SubordinateRemittance, TLine::SubordinateRemittance),
                        (C::OtherIncome, TLine::OtherIncome),
                        (C::NonFiscalBalanceUsed, TLine::NonFiscalBalanceUsed),
                    ];
                    for (c, l) in pairs {
                        if let Some(v) = get(K::IncomeExpenditureSummary, RowKey::Line(l), C::Total)
                        {
                            out.push((*key, c, Fix::Eq(v)));
                        }
                    }
                }
                if let Some(v) = get(K::ExpenditureSummary, *key, C::Total) {
                    out.push((*key, C::Total, Fix::Eq(v)));
                }
            }
            (K::ExpenditureSummary, _) => {
                for other in [
                    K::GeneralBudgetExpenditure,
                    K::GovernmentFundExpenditure,
                    K::StateCapitalExpenditure,
                ] {
                    for c in [C::Basic, C::Project] {
                        if let Some(v) = get(other, *key, c) {
                            out.push((*key, c, Fix::AtLeast(v)));
                        }
                    }
                }
                if let RowKey::Code(_) = key {
                    if let Some(v) = get(K::IncomeExpenditureSummary, *key, C::Total) {
                        out.push((*key, C::Total, Fix::Eq(v)));
                    }
                }
            }
            (K::GeneralBudgetExpenditure, _) if *key == RowKey::Total => {
                if let Some(v) = get(K::GeneralBudgetBasicExpenditure, RowKey::Total, C::Total) {
                    out.push((*key, C::Basic, Fix::Eq(v)));
                }
            }
            (K::GeneralBudgetBasicExpenditure, _) if *key == RowKey::Total => {
                if let Some(v) = get(K::GeneralBudgetExpenditure, RowKey::Total, C::Basic) {
                    out.push((*key, C::Total, Fix::Eq(v)));
                }
            }
            (K::IncomeExpenditureSummary, "支出") => {
                let t3key = match key {
                    RowKey::Line(TLine::ExpenditureTotal)
                    | RowKey::Line(TLine::CurrentYearExpenditure) => Some(RowKey::Total),
                    RowKey::Code(_) => Some(*key),
                    _ => None,
                };
                if let Some(k3) = t3key {
                    for c in [C::Basic, C::Project] {
                        if let Some(v) = get(K::ExpenditureSummary, k3, c) {
                            out.push((*key, c, Fix::Eq(v)));
                        }
                    }
                    if g.col(C::Basic).is_none() {
                        if let Some(v) = get(K::ExpenditureSummary, k3, C::Project) {
                            out.push((*key, C::Project, Fix::Eq(v)));
                        }
                    }
                }
            }
            (K::FiscalAppropriationSummary, "支出") => {
                let k5 = match key {
                    RowKey::Line(TLine::ExpenditureTotal)
                    | RowKey::Line(TLine::CurrentYearExpenditure) => Some(RowKey::Total),
                    RowKey::Code(_) => Some(*key),
                    _ => None,
                };
                if let Some(k5) = k5 {
                    if let Some(v) = get(K::GeneralBudgetExpenditure, k5, C::Total) {
                        out.push((*key, C::GeneralBudget, Fix::AtLeast(v)));
                    }
                    if let Some(v) = get(K::GovernmentFundExpenditure, k5, C::Total) {
                        out.push((*key, C::GovernmentFund, Fix::AtLeast(v)));
                    }
                    if let Some(v) = get(K::StateCapitalExpenditure, k5, C::Total) {
                        out.push((*key, C::StateCapital, Fix::AtLeast(v)));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn solve_all(reads: &mut [TableRead]) {
    // one map for every round, cleared: it keeps the room it grew to
    let mut known = Known::default();
    for _ in 0..6 {
        let before = count(reads);
        known.clear();
        for g in grids(reads) {
            g.known(&mut known);
        }
        for r in reads.iter_mut() {
            match &mut r.reading {
                Reading::Code(g) | Reading::Three { grid: g, .. } => {
                    let f = cross_fixes(g, &known);
                    g.propagate(&f);
                }
                Reading::Summary {
                    income,
                    expenditure,
                } => {
                    let f = cross_fixes(income, &known);
                    income.propagate(&f);
                    let f = cross_fixes(expenditure, &known);
                    expenditure.propagate(&f);
                }
                Reading::Empty => {}
            }
        }
        if count(reads) == before {
            break;
        }
    }
}

fn meta_of(prep: &Prepared, doc_unit: AmountUnit, empty: bool) -> TableMeta {
    let mut m = TableMeta {
        number: prep.number.clone(),
        title: prep.title.clone(),
        amount_unit: None,
        empty_note: None,
        notes: Vec::new(),
        reading: None,
        extra_columns: Vec::new(),
    };
    if prep.unit != doc_unit {
        m.amount_unit = Some(prep.unit.model());
    }
    if empty {
        m.empty_note = prep.notes.first().cloned();
        m.notes = prep.notes.iter().skip(1).cloned().collect();
    } else {
        m.notes = prep.notes.clone();
    }
    m
}

/// Records the cells placed by identity in the table's reading.
fn set_doubtful(meta: &mut TableMeta, doubtful: Vec<yusuan_tables::DoubtfulCell>) {
    if doubtful.is_empty() {
        return;
    }
    meta.reading
        .get_or_insert_with(yusuan_tables::Reading::default)
        .doubtful
        .extend(doubtful);
}

fn code_table<A: Amounts>(
    g: Option<&Grid>,
    prep: &Prepared,
    doc_unit: AmountUnit,
    warnings: &mut Vec<ImportWarning>,
) -> CodeTable<A> {
    let mut t = CodeTable::<A>::new();
    let Some(g) = g else {
        t.meta = meta_of(prep, doc_unit, true);
        t.columns = code_columns(prep.kind, &prep.header);
        return t;
    };
    t.meta = meta_of(prep, doc_unit, false);
    t.columns = g.columns.clone();
    set_doubtful(&mut t.meta, g.doubtful_cells());
    for (r, key) in g.keys.iter().enumerate() {
        let a: A = g.amounts(r, warnings);
        match key {
            RowKey::Code(c) => t.rows.push(yusuan_tables::CodeRow::new(
                *c,
                g.names.get(r).cloned().unwrap_or_default(),
                a,
            )),
            RowKey::Total => t.total = Some(a),
            _ => {}
        }
    }
    t
}

fn summary_table(
    income: &Grid,
    expenditure: &Grid,
    prep: &Prepared,
    doc_unit: AmountUnit,
    warnings: &mut Vec<ImportWarning>,
) -> SummaryTable {
    let mut t = SummaryTable {
        meta: meta_of(prep, doc_unit, false),
        ..Default::default()
    };
    if expenditure.columns.len() > 1 {
        t.expenditure_columns = expenditure.columns.clone();
    }
    let mut doubtful = income.doubtful_cells();
    doubtful.extend(expenditure.doubtful_cells());
    set_doubtful(&mut t.meta, doubtful);
    for (g, side) in [(income, 0), (expenditure, 1)] {
        for (r, key) in g.keys.iter().enumerate() {
            let amounts: SummaryAmounts = g.amounts(r, warnings);
            let row = SummaryRow {
                key: *key,
                label: g.names.get(r).cloned().unwrap_or_default(),
                amounts,
            };
            if side == 0 {
                t.income.push(row);
            } else {
                t.expenditure.push(row);
            }
        }
    }
    t
}

/// Whether a grid has a row whose placement is still open.
fn ambiguous(g: &Grid) -> bool {
    g.rows
        .iter()
        .any(|r| !crate::solve::ambiguous_columns(r, g.columns.len()).is_empty())
}

fn materialize(
    reads: &[TableRead],
    doc_unit: AmountUnit,
    warnings: &mut Vec<ImportWarning>,
) -> Tables {
    let mut tables = Tables::default();
    for r in reads {
        let prep = &r.prep;
        let open: Vec<&Grid> = match &r.reading {
            Reading::Code(g) | Reading::Three { grid: g, .. } => vec![&**g],
            Reading::Summary {
                income,
                expenditure,
            } => vec![&**income, &**expenditure],
            Reading::Empty => Vec::new(),
        }
        .into_iter()
        .filter(|g| ambiguous(g))
        .collect();
        if !open.is_empty() {
            // A partial table would make the reconciliation report
            // differences that are not in the document: leave it out.
            for g in &open {
                for i in 0..g.rows.len() {
                    if g.rows.get(i).is_some_and(|row| {
                        !crate::solve::ambiguous_columns(row, g.columns.len()).is_empty()
                    }) {
                        let _ = g.cells(i, warnings);
                    }
                }
            }
            warn(
                warnings,
                WarningKind::UnreadableTable,
                prep.line,
                prep.kind,
                format!(
                    "{}: some numbers fit more than one column (see the ambiguities above); the table is left out rather than guessed",
                    prep.title.as_deref().unwrap_or(prep.kind.label_zh())
                ),
            );
            continue;
        }
        let g = match &r.reading {
            Reading::Code(g) => Some(&**g),
            _ => None,
        };
        match (&r.reading, prep.kind) {
            (
                Reading::Summary {
                    income,
                    expenditure,
                },
                TableKind::IncomeExpenditureSummary,
            ) => {
                tables.income_expenditure_summary =
                    Some(summary_table(income, expenditure, prep, doc_unit, warnings));
            }
            (
                Reading::Summary {
                    income,
                    expenditure,
                },
                TableKind::FiscalAppropriationSummary,
            ) => {
                tables.fiscal_appropriation_summary =
                    Some(summary_table(income, expenditure, prep, doc_unit, warnings));
            }
            (Reading::Empty, TableKind::IncomeExpenditureSummary) => {
                tables.income_expenditure_summary = Some(SummaryTable {
                    meta: meta_of(prep, doc_unit, true),
                    ..Default::default()
                });
            }
            (Reading::Empty, TableKind::FiscalAppropriationSummary) => {
                tables.fiscal_appropriation_summary = Some(SummaryTable {
                    meta: meta_of(prep, doc_unit, true),
                    ..Default::default()
                });
            }
            (Reading::Three { grid, periods }, _) => {
                let mut t = ThreePublicTable {
                    meta: meta_of(prep, doc_unit, grid.rows.is_empty()),
                    columns: grid.columns.clone(),
                    periods: periods.clone(),
                    rows: Vec::new(),
                };
                set_doubtful(&mut t.meta, grid.doubtful_cells());
                for (i, key) in grid.keys.iter().enumerate() {
                    if let RowKey::Period(p) = key {
                        let amounts: ThreePublicAmounts = grid.amounts(i, warnings);
                        t.rows.push(ThreePublicRow {
                            period: *p,
                            amounts,
                        });
                    }
                }
                tables.three_public_expenditure = Some(t);
            }
            (_, TableKind::IncomeSummary) => {
                tables.income_summary =
                    Some(code_table::<IncomeAmounts>(g, prep, doc_unit, warnings))
            }
            (_, TableKind::ExpenditureSummary) => {
                tables.expenditure_summary = Some(code_table::<ExpenditureAmounts>(
                    g, prep, doc_unit, warnings,
                ))
            }
            (_, TableKind::GeneralBudgetExpenditure) => {
                tables.general_budget_expenditure = Some(code_table::<GeneralBudgetAmounts>(
                    g, prep, doc_unit, warnings,
                ))
            }
            (_, TableKind::GeneralBudgetBasicExpenditure) => {
                tables.general_budget_basic_expenditure = Some(
                    code_table::<BasicExpenditureAmounts>(g, prep, doc_unit, warnings),
                )
            }
            (_, TableKind::GovernmentFundExpenditure) => {
                tables.government_fund_expenditure =
                    Some(code_table::<FundAmounts>(g, prep, doc_unit, warnings))
            }
            (_, TableKind::StateCapitalExpenditure) => {
                tables.state_capital_expenditure =
                    Some(code_table::<FundAmounts>(g, prep, doc_unit, warnings))
            }
            _ => {}
        }
    }
    tables
}

/// Rounding tolerance helper for callers.
#[allow(dead_code)]
pub(crate) fn zero() -> Decimal {
    Decimal::ZERO
}
