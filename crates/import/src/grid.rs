//! Tables as grids of rows under known columns, solved and turned into the
//! model.

use std::collections::HashMap;

use rust_decimal::Decimal;
use yusuan_classification::Code;
use yusuan_money::{Percent, Wan};
use yusuan_tables::{Amounts, Column, Number, RowKey, TableKind};

use crate::error::{ImportWarning, WarningKind};
use crate::segment::AmountUnit;
use crate::solve::{self, Fix, Group, RowRule, SRow, Val};
use crate::tokens::{Tok, TokKind};

/// One table (or one side of a summary table) under solution.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub kind: TableKind,
    /// A name for messages ("收入" / "支出" side), empty for code tables.
    pub side: &'static str,
    pub columns: Vec<Column>,
    pub keys: Vec<RowKey>,
    pub names: Vec<String>,
    pub lines: Vec<usize>,
    /// Right edge (character column) of each printed value.
    pub ends: Vec<Vec<usize>>,
    pub rows: Vec<SRow>,
    pub groups: Vec<Group>,
    pub rules: Vec<RowRule>,
    pub half: Decimal,
    pub unit: AmountUnit,
    /// Right edges of the column headers, when known (layout text).
    pub header_ends: Vec<Option<usize>>,
}

/// Values already known from any table, in 万元 (or percentage points).
pub(crate) type Known = HashMap<(TableKind, RowKey, Column), Decimal, KeyHash>;

/// The hasher of [`Known`] and of the join's maps of cells and amounts: a
/// multiply-rotate hash (as rustc's "Fx") of the key's few integers. The
/// solver fills its map anew on every round, and SipHash, whose resistance
/// to chosen keys keys made by the program do not need, was most of that
/// time. Only the join's amounts are iterated in an order that can reach
/// the output (the first few of a warning's list), now the same on every
/// run (SipHash's random keys made it vary).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KeyHash;

impl std::hash::BuildHasher for KeyHash {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

/// See [`KeyHash`].
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) fn val_of(t: &Tok) -> Option<Val> {
    match t.kind {
        TokKind::Amount(d) => Some(Val::Amount(d)),
        TokKind::Percent(d) => Some(Val::Percent(d)),
        TokKind::Dash => Some(Val::Dash),
        TokKind::Label(_) => None,
    }
}

impl Grid {
    pub fn new(
        kind: TableKind,
        side: &'static str,
        columns: Vec<Column>,
        half: Decimal,
        unit: AmountUnit,
    ) -> Grid {
        let rules = rules_for(kind, &columns);
        Grid {
            kind,
            side,
            header_ends: vec![None; columns.len()],
            columns,
            keys: Vec::new(),
            names: Vec::new(),
            lines: Vec::new(),
            ends: Vec::new(),
            rows: Vec::new(),
            groups: Vec::new(),
            rules,
            half,
            unit,
        }
    }

    pub fn pct(&self) -> Vec<bool> {
        self.columns.iter().map(|c| c.is_percent()).collect()
    }

    pub fn col(&self, c: Column) -> Option<usize> {
        self.columns.iter().position(|&x| x == c)
    }

    /// Adds a row; `false` (with a warning) if it cannot be placed at all.
    pub fn push(
        &mut self,
        key: RowKey,
        name: String,
        line: usize,
        vals: Vec<(Val, usize)>,
        warnings: &mut Vec<ImportWarning>,
    ) -> bool {
        let n = self.columns.len();
        if vals.len() > n {
            warnings.push(ImportWarning {
                kind: WarningKind::UnreadableRow,
                line: Some(line),
                table: Some(self.kind),
                message: format!(
                    "row {} {name}: {} numbers printed for {n} columns; row left out",
                    key.label_zh(),
                    vals.len()
                ),
                cells: vec![vals
                    .iter()
                    .map(|(v, _)| show(*v))
                    .collect::<Vec<_>>()
                    .join(" ")],
            });
            return false;
        }
        // A number no budget holds (e.g. 79,228,162,514,264,337,593,543,950,335)
        // would overflow the solver's sums: the row is left out, said as such.
        let limit = Decimal::from(10_i64.pow(yusuan_tables::MAX_INTEGER_DIGITS + 4));
        if let Some((v, _)) = vals.iter().find(|(v, _)| match v {
            Val::Amount(d) | Val::Percent(d) => d.abs() >= limit,
            Val::Dash => false,
        }) {
            warnings.push(ImportWarning {
                kind: WarningKind::OutOfRange,
                line: Some(line),
                table: Some(self.kind),
                message: format!(
                    "row {} {name}: {} is out of range (10^16 or more as printed); row left out",
                    key.label_zh(),
                    show(*v)
                ),
                cells: Vec::new(),
            });
            return false;
        }
        let values: Vec<Val> = vals.iter().map(|(v, _)| *v).collect();
        let Some(row) = solve::new_row(values, &self.pct(), &self.rules, self.half) else {
            warnings.push(ImportWarning {
                kind: WarningKind::UnreadableRow,
                line: Some(line),
                table: Some(self.kind),
                message: format!(
                    "row {} {name}: too many ways to place its numbers; row left out",
                    key.label_zh()
                ),
                cells: Vec::new(),
            });
            return false;
        };
        if row.cands.is_empty() {
            warnings.push(ImportWarning {
                kind: WarningKind::UnreadableRow,
                line: Some(line),
                table: Some(self.kind),
                message: format!(
                    "row {} {name}: its numbers fit none of the columns {}; row left out",
                    key.label_zh(),
                    self.columns
                        .iter()
                        .map(|c| c.header_zh(self.kind))
                        .collect::<Vec<_>>()
                        .join("/")
                ),
                cells: vec![vals
                    .iter()
                    .map(|(v, _)| show(*v))
                    .collect::<Vec<_>>()
                    .join(" ")],
            });
            return false;
        }
        self.keys.push(key);
        self.names.push(name);
        self.lines.push(line);
        self.ends.push(vals.iter().map(|(_, e)| *e).collect());
        self.rows.push(row);
        true
    }

    /// Adds a row whose placement is already decided (`cols[i]` is the
    /// column of value `i`).
    pub fn push_placed(
        &mut self,
        key: RowKey,
        name: String,
        line: usize,
        vals: Vec<(Val, usize)>,
        cols: Vec<usize>,
    ) {
        self.keys.push(key);
        self.names.push(name);
        self.lines.push(line);
        self.ends.push(vals.iter().map(|(_, e)| *e).collect());
        self.rows.push(SRow {
            values: vals.iter().map(|(v, _)| *v).collect(),
            cands: vec![cols],
            consistent: true,
            initial: 1,
            by_position: false,
        });
    }

    /// The cells whose column the printed text alone did not decide: every
    /// column of a row printing fewer numbers than columns whose placement
    /// the identities chose (a choice by printed position is certain).
    pub fn doubtful_cells(&self) -> Vec<yusuan_tables::DoubtfulCell> {
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            if row.initial <= 1 || row.by_position {
                continue;
            }
            let Some(key) = self.keys.get(r) else {
                continue;
            };
            for &column in &self.columns {
                out.push(yusuan_tables::DoubtfulCell {
                    row: *key,
                    column,
                    placement: yusuan_tables::Placement::Identity,
                    why: format!(
                        "the row prints {} numbers under {} columns; the identities of the tables placed them",
                        row.values.len(),
                        self.columns.len()
                    ),
                });
            }
        }
        out
    }

    pub fn index(&self, key: &RowKey) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }

    /// Tree groups of a code table: each code with the codes directly under
    /// it (nearest ancestor present), and the 合计 row over the top rows.
    pub fn code_groups(&mut self) {
        let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut tops = Vec::new();
        for (i, k) in self.keys.iter().enumerate() {
            let RowKey::Code(code) = k else { continue };
            let parent = code.ancestors().find_map(|a| self.index(&RowKey::Code(a)));
            match parent {
                Some(p) => children.entry(p).or_default().push(i),
                None => tops.push(i),
            }
        }
        let mut groups: Vec<Group> = children
            .into_iter()
            .map(|(parent, children)| Group { parent, children })
            .collect();
        groups.sort_by_key(|g| g.parent);
        if let Some(t) = self.index(&RowKey::Total) {
            if !tops.is_empty() {
                groups.push(Group {
                    parent: t,
                    children: tops,
                });
            }
        }
        self.groups = groups;
    }

    fn scale(&self) -> Decimal {
        match self.unit {
            AmountUnit::Wan => Decimal::ONE,
            AmountUnit::Yuan => Decimal::from(10_000),
        }
    }

    /// Narrows with the groups and the given fixes (in 万元).
    pub fn propagate(&mut self, fixes: &[(RowKey, Column, Fix)]) {
        let scale = self.scale();
        let fx: Vec<(usize, usize, Fix)> = fixes
            .iter()
            .filter_map(|(k, c, f)| {
                let r = self.index(k)?;
                let c = self.col(*c)?;
                let f = match f {
                    Fix::Eq(v) => Fix::Eq(*v * scale),
                    Fix::AtLeast(v) => Fix::AtLeast(*v * scale),
                };
                Some((r, c, f))
            })
            .collect();
        let sum_cols: Vec<usize> = (0..self.columns.len())
            .filter(|&c| self.columns.get(c).is_some_and(|col| !col.is_percent()))
            .collect();
        solve::propagate(&mut self.rows, &sum_cols, &self.groups, &fx, self.half);
    }

    /// Cells whose value is certain, in 万元 (percent columns in points).
    pub fn known(&self, out: &mut Known) {
        let scale = self.scale();
        for (r, row) in self.rows.iter().enumerate() {
            let Some(key) = self.keys.get(r) else {
                continue;
            };
            let amb = solve::ambiguous_columns(row, self.columns.len());
            let Some(p) = row.cands.first() else { continue };
            for (c, col) in self.columns.iter().enumerate() {
                if amb.contains(&c) {
                    continue;
                }
                let v = row.get(p, c).map_or(Decimal::ZERO, Val::num);
                // a 万元 table's value as it is, a 元 table's with its
                // decimal point moved: the same value (it is only compared)
                // without a division, the slowest operation of a Decimal
                let v = if col.is_percent() || scale == Decimal::ONE {
                    v
                } else {
                    Decimal::try_from_i128_with_scale(v.mantissa(), v.scale() + 4)
                        .unwrap_or_else(|_| v / scale)
                };
                out.insert((self.kind, *key, *col), v);
            }
        }
    }

    /// Chooses by layout position among candidates that remain, when the
    /// header positions decide clearly.
    pub fn place_by_position(&mut self, warnings: &mut Vec<ImportWarning>) {
        let anchors = self.anchors();
        for r in 0..self.rows.len() {
            let Some(row) = self.rows.get(r) else {
                continue;
            };
            if row.cands.len() < 2 {
                continue;
            }
            let Some(ends) = self.ends.get(r) else {
                continue;
            };
            let mut scored: Vec<(i64, usize)> = Vec::new();
            for (i, p) in row.cands.iter().enumerate() {
                let mut cost = 0i64;
                let mut ok = true;
                for (vi, &c) in p.iter().enumerate() {
                    match (anchors.get(c).copied().flatten(), ends.get(vi)) {
                        (Some(a), Some(&e)) => cost += (a as i64 - e as i64).abs(),
                        _ => ok = false,
                    }
                }
                if ok {
                    scored.push((cost, i));
                }
            }
            scored.sort();
            let decided = match scored.as_slice() {
                [(best, i), (second, _), ..]
                    if *second >= best + 4 && scored.len() == row.cands.len() =>
                {
                    Some(*i)
                }
                _ => None,
            };
            if let Some(i) = decided {
                let name = self.names.get(r).cloned().unwrap_or_default();
                let key = self.keys.get(r).map(RowKey::label_zh).unwrap_or_default();
                let line = self.lines.get(r).copied();
                let cells = self.describe_candidates(r);
                if let Some(row) = self.rows.get_mut(r) {
                    if let Some(p) = row.cands.get(i).cloned() {
                        row.cands = vec![p];
                    }
                    row.by_position = true;
                }
                warnings.push(ImportWarning {
                    kind: WarningKind::PlacedByPosition,
                    line,
                    table: Some(self.kind),
                    message: format!(
                        "row {key} {name}: the identities allow several placements; the one matching the printed column positions was taken"
                    ),
                    cells,
                });
            }
        }
    }

    /// Column anchors: the right edge of each column, from rows that print
    /// every column, else from the header.
    fn anchors(&self) -> Vec<Option<usize>> {
        let n = self.columns.len();
        let mut acc: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (r, row) in self.rows.iter().enumerate() {
            if row.values.len() == n {
                if let Some(ends) = self.ends.get(r) {
                    for (c, e) in ends.iter().enumerate() {
                        if let Some(a) = acc.get_mut(c) {
                            a.push(*e);
                        }
                    }
                }
            }
        }
        acc.into_iter()
            .enumerate()
            .map(|(c, mut v)| {
                if v.is_empty() {
                    self.header_ends.get(c).copied().flatten()
                } else {
                    v.sort_unstable();
                    v.get(v.len() / 2).copied()
                }
            })
            .collect()
    }

    fn describe_candidates(&self, r: usize) -> Vec<String> {
        let Some(row) = self.rows.get(r) else {
            return Vec::new();
        };
        row.cands
            .iter()
            .map(|p| {
                p.iter()
                    .enumerate()
                    .map(|(vi, &c)| {
                        format!(
                            "{} → {}",
                            row.values.get(vi).map(|v| show(*v)).unwrap_or_default(),
                            self.columns
                                .get(c)
                                .map(|c| c.header_zh(self.kind))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect()
    }

    /// The cells of row `r` as the model stores them; ambiguous cells are
    /// left blank, with a warning.
    pub fn cells(
        &self,
        r: usize,
        warnings: &mut Vec<ImportWarning>,
    ) -> Vec<(Column, Option<Number>)> {
        let mut out = Vec::new();
        let Some(row) = self.rows.get(r) else {
            return out;
        };
        let amb = solve::ambiguous_columns(row, self.columns.len());
        let key = self.keys.get(r).map(RowKey::label_zh).unwrap_or_default();
        let name = self.names.get(r).cloned().unwrap_or_default();
        let line = self.lines.get(r).copied();
        if !amb.is_empty() {
            warnings.push(ImportWarning {
                kind: WarningKind::AmbiguousCells,
                line,
                table: Some(self.kind),
                message: format!(
                    "row {key} {name}{}: {} readings satisfy every identity; the cells {} are left blank",
                    if self.side.is_empty() { String::new() } else { format!(" ({})", self.side) },
                    row.cands.len(),
                    amb.iter()
                        .filter_map(|&c| self.columns.get(c).map(|c| c.header_zh(self.kind)))
                        .collect::<Vec<_>>()
                        .join("、")
                ),
                cells: self.describe_candidates(r),
            });
        }
        if !row.consistent {
            warnings.push(ImportWarning {
                kind: WarningKind::InconsistentRow,
                line,
                table: Some(self.kind),
                message: format!(
                    "row {key} {name}: no placement of its numbers satisfies the table's identities; kept as printed"
                ),
                cells: vec![row.values.iter().map(|v| show(*v)).collect::<Vec<_>>().join(" ")],
            });
        }
        let Some(p) = row.cands.first() else {
            return out;
        };
        for (c, col) in self.columns.iter().enumerate() {
            if amb.contains(&c) {
                continue;
            }
            let v = row.get(p, c).and_then(|v| self.number(v, *col));
            out.push((*col, v));
        }
        out
    }

    fn number(&self, v: Val, col: Column) -> Option<Number> {
        match v {
            Val::Dash => None,
            Val::Percent(p) => Some(Number::Percent(Percent::new(p))),
            Val::Amount(a) => {
                if col.is_percent() {
                    return None;
                }
                Some(Number::Amount(match self.unit {
                    AmountUnit::Wan => Wan::new(a),
                    AmountUnit::Yuan => Wan::from_yuan_exact(a),
                }))
            }
        }
    }

    /// Fills `A` from row `r`.
    pub fn amounts<A: Amounts>(&self, r: usize, warnings: &mut Vec<ImportWarning>) -> A {
        let mut a = A::default();
        for (col, v) in self.cells(r, warnings) {
            // a column of another kind cannot be set: the grid only uses A's
            let _ = a.set(col, v);
        }
        a
    }
}

/// A printed value, for messages.
pub(crate) fn show(v: Val) -> String {
    match v {
        Val::Amount(d) => Wan::new(d).to_string(),
        Val::Percent(p) => format!("{p}%"),
        Val::Dash => "-".into(),
    }
}

/// The identities each row of a table of `kind` satisfies, for the
/// columns printed.
pub(crate) fn rules_for(kind: TableKind, cols: &[Column]) -> Vec<RowRule> {
    let ix = |c: Column| cols.iter().position(|&x| x == c);
    let mut rules = Vec::new();
    let sum = |total: Column, parts: &[Column], rules: &mut Vec<RowRule>| {
        if let Some(t) = ix(total) {
            let ps: Vec<usize> = parts.iter().filter_map(|&p| ix(p)).collect();
            if !ps.is_empty() {
                rules.push(RowRule::Sum {
                    total: t,
                    parts: ps,
                });
            }
        }
    };
    use Column as C;
    match kind {
        TableKind::IncomeSummary => {
            let mut parts: Vec<Column> = yusuan_tables::IncomeAmounts::COLUMNS
                .iter()
                .copied()
                .filter(|c| !matches!(c, C::Total | C::EducationFees))
                .collect();
            if ix(C::FiscalAppropriation).is_some() {
                parts.retain(|c| {
                    !matches!(c, C::GeneralBudget | C::GovernmentFund | C::StateCapital)
                });
            }
            sum(C::Total, &parts, &mut rules);
            if let (Some(s), Some(b)) = (ix(C::EducationFees), ix(C::BusinessIncome)) {
                rules.push(RowRule::AtMost { small: s, big: b });
            }
        }
        TableKind::ExpenditureSummary => sum(
            C::Total,
            &[
                C::Basic,
                C::Project,
                C::RemitToSuperior,
                C::InstitutionOperatingExpenditure,
                C::SubsidyToSubordinate,
            ],
            &mut rules,
        ),
        TableKind::GeneralBudgetExpenditure => {
            sum(C::Total, &[C::Basic, C::Project], &mut rules);
            if let (Some(r), Some(m), Some(s)) = (ix(C::Change), ix(C::Total), ix(C::PriorYear)) {
                rules.push(RowRule::Diff {
                    result: r,
                    minuend: m,
                    subtrahend: s,
                });
                if let Some(p) = ix(C::ChangePercent) {
                    rules.push(RowRule::Growth {
                        percent: p,
                        change: r,
                        base: s,
                    });
                }
            }
            if let (Some(r), Some(m), Some(s)) = (
                ix(C::ChangeExclCapital),
                ix(C::TotalExclCapital),
                ix(C::PriorYearExclCapital),
            ) {
                rules.push(RowRule::Diff {
                    result: r,
                    minuend: m,
                    subtrahend: s,
                });
                if let Some(p) = ix(C::ChangePercentExclCapital) {
                    rules.push(RowRule::Growth {
                        percent: p,
                        change: r,
                        base: s,
                    });
                }
            }
            if let (Some(a), Some(b)) = (ix(C::TotalExclCapital), ix(C::Total)) {
                rules.push(RowRule::AtMost { small: a, big: b });
            }
            if let (Some(a), Some(b)) = (ix(C::PriorYearExclCapital), ix(C::PriorYear)) {
                rules.push(RowRule::AtMost { small: a, big: b });
            }
        }
        TableKind::GeneralBudgetBasicExpenditure => {
            sum(C::Total, &[C::Personnel, C::Public], &mut rules)
        }
        TableKind::GovernmentFundExpenditure | TableKind::StateCapitalExpenditure => {
            sum(C::Total, &[C::Basic, C::Project], &mut rules)
        }
        TableKind::ThreePublicExpenditure => {
            sum(
                C::Total,
                &[C::OutboundTravel, C::Vehicles, C::Reception],
                &mut rules,
            );
            sum(
                C::Vehicles,
                &[C::VehiclePurchase, C::VehicleOperation],
                &mut rules,
            );
        }
        TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary => {
            if ix(C::Basic).is_some() {
                sum(C::Total, &[C::Basic, C::Project], &mut rules);
                sum(C::Basic, &[C::Personnel, C::Public], &mut rules);
            } else {
                sum(C::Total, &[C::Personnel, C::Public, C::Project], &mut rules);
            }
            sum(
                C::Total,
                &[C::GeneralBudget, C::GovernmentFund, C::StateCapital],
                &mut rules,
            );
        }
        _ => {}
    }
    if let Some(t) = ix(C::Total) {
        if kind != TableKind::ThreePublicExpenditure && cols.len() > 1 {
            rules.push(RowRule::Required(t));
        }
    }
    rules
}

/// Parses a code printed in a table.
pub(crate) fn parse_code(digits: &str) -> Option<Code> {
    Code::parse(digits).ok()
}
