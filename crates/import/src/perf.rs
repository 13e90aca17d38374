//! 项目绩效目标表: fields, funds and indicators.
//!
//! Extracted text prints a target table's 三级指标 names and their values
//! (指标值, 分值) in separate runs. Values come in printed row order, with
//! their 一级/二级指标 where the row prints them; names are rebuilt from
//! their wrapped lines. Names are paired with values by the kind of
//! quantity each speaks of (a 时间 with hours, a 率 with a percentage, a
//! 次数 with 次 …), then by printed order; every pairing records how sure
//! it is.

use rust_decimal::Decimal;
use yusuan_money::Wan;
use yusuan_performance::{
    Department, Indicator, Level1, Level2, Pairing, PairingConfidence, PerformanceTargetTable,
    ProjectFunds,
};

use crate::error::{ImportWarning, WarningKind};
use crate::source::Line;

fn sq(s: &str) -> String {
    yusuan_money::text::squeeze(s)
}

/// Display width: CJK and full-width characters count 2.
fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// What kind of quantity a target or a name speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantity {
    Money,
    Time,
    Rate,
    Occurrences,
    Items,
    Level,
    Unknown,
}

fn value_quantity(target: &str) -> Quantity {
    let t = sq(target);
    if t.contains('%') {
        Quantity::Rate
    } else if t.contains("元") {
        Quantity::Money
    } else if ["小时", "分钟", "天", "日", "月", "年", "周"]
        .iter()
        .any(|u| t.contains(u))
    {
        Quantity::Time
    } else if t.contains('次') {
        Quantity::Occurrences
    } else if t.chars().any(|c| c.is_ascii_digit()) {
        Quantity::Items
    } else {
        Quantity::Level
    }
}

fn name_quantity(name: &str) -> Quantity {
    let n = sq(name);
    if n.contains("执行数")
        || n.contains("成本")
        || n.contains("资金")
        || n.contains("金额")
        || n.contains("费用")
    {
        Quantity::Money
    } else if n.contains("时间") || n.contains("时限") || n.contains("时长") || n.contains("时效")
    {
        Quantity::Time
    } else if n.ends_with('率')
        || n.contains("满意度")
        || n.contains("比例")
        || n.contains("覆盖率")
    {
        Quantity::Rate
    } else if n.contains("次数") {
        Quantity::Occurrences
    } else if n.contains("数量") || n.ends_with('数') || n.contains("测评") || n.contains("个数")
    {
        Quantity::Items
    } else {
        Quantity::Unknown
    }
}

fn is_target(word: &str) -> bool {
    let w = yusuan_money::text::normalize(word);
    let first = w.chars().next();
    matches!(first, Some('≥' | '≤' | '=' | '>' | '<' | '≧' | '≦'))
        || first.is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w.as_str(),
            "优" | "良"
                | "中"
                | "差"
                | "好"
                | "较好"
                | "高"
                | "较高"
                | "达标"
                | "合格"
                | "完成"
                | "有效"
                | "显著"
                | "明显"
                | "提升"
                | "提高"
        )
}

fn parse_weight(word: &str) -> Option<Decimal> {
    let w = yusuan_money::text::normalize(word);
    if w.is_empty() || !w.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    w.parse().ok()
}

/// Words that are the table's own headings, not names.
fn is_fixed(s: &str) -> bool {
    const FIXED: &[&str] = &[
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "分值权重",
        "分值",
        "权重",
        "绩效指标",
        "年度总体目标",
        "项目资金",
        "(万元)",
        "执行率",
        "实施单位",
        "项目绩效目标表",
        "其中:",
        "年度指标值",
    ];
    FIXED.contains(&s)
        || (s.starts_with('(') && s.ends_with(')'))
        || s.starts_with("分值")
        || s.starts_with("项目名称")
        || s.starts_with("主管部门")
        || s.starts_with("实施单位")
        || s.contains("资金总额")
        || s.starts_with("其中:")
        || s.starts_with("上年结转")
        || s.starts_with("其他资金")
        || s.starts_with("财政拨款")
        || s.contains("绩效目标表")
        || Level1::parse(s).is_some()
        || Level2::parse(s).is_some()
}

/// A line made only of the table's column headings.
fn is_header_line(s: &str) -> bool {
    let mut rest = s.to_owned();
    for w in [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "分值权重",
        "分值",
        "权重",
        "绩效指标",
        "年度总体目标",
    ] {
        rest = rest.replace(w, "");
    }
    rest = rest.replace("执行率", "");
    rest.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '（' | '）' | '.'))
}

/// Whether the last name line before line `number` ends right before it and
/// fills the cell.
fn prev_name_full(names: &[(String, usize)], number: usize, lines: &[&Line]) -> bool {
    let Some((last, at)) = names.last() else {
        return false;
    };
    let between_blank = lines
        .iter()
        .filter(|l| l.number > *at && l.number < number)
        .all(|l| l.text.trim().is_empty());
    let full = names.iter().map(|(s, _)| width(s)).max().unwrap_or(0);
    between_blank && width(last) + 1 >= full
}

fn next_is_single(lines: &[&Line], number: usize) -> bool {
    lines
        .iter()
        .filter(|l| l.number > number && !l.text.trim().is_empty())
        .map(|l| sq(&l.text).chars().count())
        .next()
        .is_some_and(|n| n == 1)
}

struct Value {
    /// The 三级指标 name when printed on the value's own line.
    name: Option<String>,
    level1: Option<Level1>,
    level2: Option<Level2>,
    target: String,
    weight: Decimal,
    line: usize,
}

/// Reads one 项目绩效目标表 from its lines.
pub(crate) fn read(
    lines: &[&Line],
    warnings: &mut Vec<ImportWarning>,
) -> Option<PerformanceTargetTable> {
    let first_line = lines.first().map_or(0, |l| l.number);
    let mut project_name = None;
    let mut department: Option<Department> = None;
    let mut implementing_unit = None;
    let mut year = None;
    let mut funds = ProjectFunds::default();
    let mut values: Vec<Value> = Vec::new();
    let mut floating: Vec<(Option<Level1>, Level2)> = Vec::new();
    let mut name_lines: Vec<(String, usize)> = Vec::new();
    let mut goal_runs: Vec<Vec<String>> = vec![Vec::new()];
    let all: String = lines.iter().map(|l| sq(&l.text)).collect();
    let exec_weight = crate::patterns::exec_weight()
        .captures(&all)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok());
    let declared = crate::patterns::declared_weight()
        .captures(&all)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok());
    let amount =
        |s: &str| -> Option<Wan> { Wan::parse_cell(s.trim_start_matches(':')).ok().flatten() };
    for l in lines {
        let s = sq(&l.text);
        if s.is_empty() {
            continue;
        }
        // a line of several "label  value" pairs (the 2023 填报表:
        // 项目名称 X 项目性质 Y 项目类别 Z; 主管部门 X 实施单位 Y)
        let pairs = field_pairs(&l.raw);
        if pairs.len() > 1 {
            for (label, value) in &pairs {
                match *label {
                    "项目名称" if !value.is_empty() => project_name = Some(value.clone()),
                    "主管部门及代码" | "主管部门" if !value.is_empty() => {
                        department =
                            Some(Department::parse(value).unwrap_or_else(|_| Department {
                                code: String::new(),
                                name: value.clone(),
                                printed: value.clone(),
                            }));
                    }
                    "实施单位" if !value.is_empty() => {
                        implementing_unit = Some(sq(value));
                    }
                    _ => {}
                }
            }
            continue;
        }
        if let Some(rest) = s.strip_prefix("项目名称") {
            if !rest.is_empty() {
                project_name = Some(
                    l.raw
                        .trim()
                        .trim_start_matches("项目名称")
                        .trim()
                        .to_owned(),
                );
            }
            continue;
        }
        if let Some(rest) = s
            .strip_prefix("主管部门及代码")
            .or_else(|| s.strip_prefix("主管部门"))
        {
            if !rest.is_empty() {
                let printed = l.raw.trim();
                let printed = printed
                    .strip_prefix("主管部门及代码")
                    .or_else(|| printed.strip_prefix("主管部门"))
                    .unwrap_or(printed)
                    .trim();
                department = Some(Department::parse(printed).unwrap_or_else(|_| Department {
                    code: String::new(),
                    name: printed.to_owned(),
                    printed: printed.to_owned(),
                }));
            }
            continue;
        }
        if let Some(rest) = s.strip_prefix("实施单位") {
            if !rest.is_empty() {
                implementing_unit = Some(rest.to_owned());
            }
            continue;
        }
        if let Some(c) = crate::patterns::year_paren().captures(&s) {
            year = c.get(1).and_then(|m| m.as_str().parse().ok());
            continue;
        }
        if let Some(i) = s.find("资金总额") {
            funds.total = s.get(i + "资金总额".len()..).and_then(amount);
            continue;
        }
        let fund_line = |key: &str| {
            s.strip_prefix("其中:")
                .unwrap_or(&s)
                .strip_prefix(key)
                .map(str::to_owned)
        };
        if let Some(v) = fund_line("财政拨款") {
            funds.fiscal_appropriation = amount(&v);
            continue;
        }
        if let Some(v) = fund_line("上年结转") {
            funds.carried_over = amount(&v);
            continue;
        }
        if let Some(v) = fund_line("其他资金") {
            funds.other = amount(&v);
            continue;
        }
        let words: Vec<&str> = l.raw.split_whitespace().collect();
        // a value row: … target weight
        if words.len() >= 2 {
            let n = words.len();
            let (Some(wt), Some(tg)) = (words.get(n - 1), words.get(n - 2)) else {
                continue;
            };
            if let (Some(weight), true) = (parse_weight(wt), is_target(tg)) {
                let mut level1 = None;
                let mut level2 = None;
                let mut name = String::new();
                for w in words.iter().take(n - 2) {
                    if let Some(l1) = Level1::parse(w) {
                        level1 = Some(l1);
                    } else if let Some(l2) = Level2::parse(w) {
                        level2 = Some(l2);
                    } else {
                        name.push_str(w);
                    }
                }
                values.push(Value {
                    name: (!name.is_empty()).then_some(name),
                    level1,
                    level2,
                    target: (*tg).to_owned(),
                    weight,
                    line: l.number,
                });
                continue;
            }
        }
        if let Some(l2) = Level2::parse(&s) {
            floating.push((None, l2));
            continue;
        }
        if Level1::parse(&s).is_some() || is_fixed(&s) {
            continue;
        }
        // prose of the 年度总体目标: long lines with punctuation
        if s.chars().count() >= 28 {
            if let Some(run) = goal_runs.last_mut() {
                run.push(l.raw.trim().to_owned());
            }
            continue;
        }
        if goal_runs.last().is_some_and(|r| !r.is_empty()) {
            // a goal ends with its last (shorter) line
            if goal_runs
                .last()
                .is_some_and(|r| r.last().is_some_and(|x| !x.trim_end().ends_with('。')))
                && s.ends_with('。')
            {
                if let Some(run) = goal_runs.last_mut() {
                    run.push(l.raw.trim().to_owned());
                }
                goal_runs.push(Vec::new());
                continue;
            }
            goal_runs.push(Vec::new());
        }
        if s.chars().count() == 1 {
            // a letter of a vertical heading (年/度/总/体/目/标), unless it
            // ends a name wrapped at the full cell width
            let prev_full = prev_name_full(&name_lines, l.number, lines);
            let next_single = next_is_single(lines, l.number);
            if !prev_full || next_single {
                continue;
            }
        }
        if is_header_line(&s) {
            continue;
        }
        let printed: String = l.raw.chars().filter(|c| !c.is_whitespace()).collect();
        name_lines.push((printed, l.number));
    }
    let annual_goal = goal_runs
        .into_iter()
        .max_by_key(|r| r.iter().map(|x| x.chars().count()).sum::<usize>())
        .unwrap_or_default()
        .concat();
    // names: wrapped lines joined while a line fills the cell
    let full = name_lines.iter().map(|(s, _)| width(s)).max().unwrap_or(0);
    let mut names: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (s, _) in &name_lines {
        cur.push_str(s);
        let complete = [
            "次数",
            "数量",
            "时间",
            "率",
            "测评",
            "满意度",
            "时长",
            "个数",
        ]
        .iter()
        .any(|e| s.ends_with(e));
        if width(s) + 1 < full || complete {
            names.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        names.push(cur);
    }
    let Some(project_name) = project_name else {
        warnings.push(ImportWarning {
            kind: WarningKind::PerformanceField,
            line: Some(first_line),
            table: None,
            message: "a 项目绩效目标表 without 项目名称; not read".into(),
            cells: Vec::new(),
        });
        return None;
    };
    let department = department.unwrap_or_else(|| {
        warnings.push(ImportWarning {
            kind: WarningKind::PerformanceField,
            line: Some(first_line),
            table: None,
            message: format!("项目绩效目标表 {project_name:?}: 主管部门及代码 not read"),
            cells: Vec::new(),
        });
        Department {
            code: String::new(),
            name: String::new(),
            printed: String::new(),
        }
    });
    // groups of the values without their own 二级指标: the floating labels, in order
    assign_groups(&mut values, &floating);
    let mut t = PerformanceTargetTable::new(project_name.clone(), department);
    t.year = year;
    t.implementing_unit = implementing_unit;
    t.funds = funds;
    t.annual_goal = annual_goal;
    if let Some(w) = exec_weight {
        t.execution_rate_weight = w;
    }
    t.declared_indicator_weight = declared;
    t.indicators = pair(&values, &names, &project_name, warnings);
    Some(t)
}

/// Gives each value without a printed 二级指标 one of the floating labels:
/// contiguous runs in label order, split where the kinds of quantity change.
fn assign_groups(values: &mut [Value], floating: &[(Option<Level1>, Level2)]) {
    let mut current: Option<Level2> = None;
    let idx: Vec<usize> = (0..values.len())
        .filter(|&i| values.get(i).is_some_and(|v| v.level2.is_none()))
        .collect();
    if floating.is_empty() {
        for v in values.iter_mut() {
            if v.level2.is_none() {
                v.level2 = current;
            } else {
                current = v.level2;
            }
        }
        return;
    }
    let labels: Vec<Level2> = floating.iter().map(|(_, l)| *l).collect();
    // choose cut points maximising agreement of quantities with the labels
    let expect = |l: Level2, q: Quantity| -> i32 {
        match (l, q) {
            (Level2::Timeliness, Quantity::Time) => 2,
            (Level2::Quality, Quantity::Rate) => 2,
            (Level2::Quantity, Quantity::Items) => 2,
            (Level2::Quantity, Quantity::Occurrences) => 1,
            (Level2::Quality, Quantity::Occurrences) => 1,
            (Level2::Timeliness, _)
            | (Level2::Quantity, Quantity::Time)
            | (Level2::Quality, Quantity::Time) => -2,
            _ => 0,
        }
    };
    let qs: Vec<Quantity> = idx
        .iter()
        .filter_map(|&i| values.get(i).map(|v| value_quantity(&v.target)))
        .collect();
    let n = qs.len();
    let m = labels.len();
    if n < m || m == 0 {
        for &i in &idx {
            if let (Some(v), Some(l)) = (values.get_mut(i), labels.first()) {
                v.level2 = Some(*l);
            }
        }
        return;
    }
    // dynamic programming over (value, label)
    let neg = i32::MIN / 4;
    let mut best = vec![vec![neg; m]; n];
    let mut from = vec![vec![0usize; m]; n];
    for i in 0..n {
        for j in 0..m {
            let gain = expect(
                labels.get(j).copied().unwrap_or(Level2::Quantity),
                qs.get(i).copied().unwrap_or(Quantity::Unknown),
            );
            if i == 0 {
                if j == 0 {
                    if let Some(b) = best.get_mut(0).and_then(|r| r.get_mut(0)) {
                        *b = gain;
                    }
                }
                continue;
            }
            let stay = best
                .get(i - 1)
                .and_then(|r| r.get(j))
                .copied()
                .unwrap_or(neg);
            let advance = if j > 0 {
                best.get(i - 1)
                    .and_then(|r| r.get(j - 1))
                    .copied()
                    .unwrap_or(neg)
            } else {
                neg
            };
            let (b, f) = if advance > stay {
                (advance, j.saturating_sub(1))
            } else {
                (stay, j)
            };
            if b > neg {
                if let Some(x) = best.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *x = b + gain;
                }
                if let Some(x) = from.get_mut(i).and_then(|r| r.get_mut(j)) {
                    *x = f;
                }
            }
        }
    }
    let mut j = m - 1;
    for i in (0..n).rev() {
        if let (Some(&vi), Some(l)) = (idx.get(i), labels.get(j)) {
            if let Some(v) = values.get_mut(vi) {
                v.level2 = Some(*l);
            }
        }
        j = from.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0);
    }
}

/// Pairs names with values by kind of quantity, then printed order.
fn pair(
    values: &[Value],
    names: &[String],
    project: &str,
    warnings: &mut Vec<ImportWarning>,
) -> Vec<Indicator> {
    if !values.is_empty() && values.iter().all(|v| v.name.is_some()) {
        // names printed on their value's line: nothing to pair
        return values
            .iter()
            .map(|v| {
                let level2 = v.level2.unwrap_or(Level2::Quantity);
                let mut ind = Indicator::new(
                    level2,
                    v.name.clone().unwrap_or_default(),
                    v.target.clone(),
                    v.weight,
                );
                if let Some(l1) = v.level1 {
                    if l1 != level2.level1() {
                        ind.level1 = l1;
                    }
                }
                ind.with_pairing(Pairing {
                    confidence: PairingConfidence::Certain,
                    note: "name and value printed on the same line".into(),
                    alternatives: Vec::new(),
                })
            })
            .collect();
    }
    let nq: Vec<Quantity> = names.iter().map(|n| name_quantity(n)).collect();
    let vq: Vec<Quantity> = values.iter().map(|v| value_quantity(&v.target)).collect();
    let mut taken = vec![false; names.len()];
    // name index for each value: same kind, in order
    let mut chosen: Vec<Option<usize>> = vec![None; values.len()];
    let mut exact_kind = vec![false; values.len()];
    let mut decided = vec![false; values.len()];
    // 次 values: a ceiling (≤, <) counts failures (中断, 故障 …), a floor or
    // an exact count counts work done (巡检 …); when that splits the names
    // and values one to one, it decides.
    {
        let occ_v: Vec<usize> = (0..values.len())
            .filter(|&i| vq.get(i) == Some(&Quantity::Occurrences))
            .collect();
        let occ_n: Vec<usize> = (0..names.len())
            .filter(|&i| nq.get(i) == Some(&Quantity::Occurrences))
            .collect();
        let ceiling = |i: &usize| {
            values.get(*i).is_some_and(|v| {
                let t = yusuan_money::text::normalize(&v.target);
                t.starts_with('≤') || t.starts_with('<') || t.starts_with('≦')
            })
        };
        let failure = |i: &usize| {
            names.get(*i).is_some_and(|n| {
                [
                    "中断", "故障", "事故", "投诉", "差错", "失误", "停机", "宕机",
                ]
                .iter()
                .any(|w| n.contains(w))
            })
        };
        let (vc, vf): (Vec<usize>, Vec<usize>) = occ_v.iter().partition(|i| ceiling(i));
        let (nc, nf): (Vec<usize>, Vec<usize>) = occ_n.iter().partition(|i| failure(i));
        if occ_v.len() == occ_n.len()
            && vc.len() == 1
            && nc.len() == 1
            && vf.len() == 1
            && nf.len() == 1
        {
            for (v, n) in [(vc.first(), nc.first()), (vf.first(), nf.first())] {
                if let (Some(&v), Some(&n)) = (v, n) {
                    if let Some(c) = chosen.get_mut(v) {
                        *c = Some(n);
                    }
                    if let Some(e) = exact_kind.get_mut(v) {
                        *e = true;
                    }
                    if let Some(d) = decided.get_mut(v) {
                        *d = true;
                    }
                    if let Some(t) = taken.get_mut(n) {
                        *t = true;
                    }
                }
            }
        }
    }
    for (vi, q) in vq.iter().enumerate() {
        if chosen.get(vi).copied().flatten().is_some() {
            continue;
        }
        if let Some(ni) = (0..names.len())
            .find(|&i| !taken.get(i).copied().unwrap_or(true) && nq.get(i) == Some(q))
        {
            if let Some(t) = taken.get_mut(ni) {
                *t = true;
            }
            if let Some(c) = chosen.get_mut(vi) {
                *c = Some(ni);
            }
            if let Some(e) = exact_kind.get_mut(vi) {
                *e = true;
            }
        }
    }
    // the rest in order, names of no known kind first
    for vi in 0..values.len() {
        if chosen.get(vi).copied().flatten().is_some() {
            continue;
        }
        let pick = (0..names.len())
            .find(|&i| {
                !taken.get(i).copied().unwrap_or(true) && nq.get(i) == Some(&Quantity::Unknown)
            })
            .or_else(|| (0..names.len()).find(|&i| !taken.get(i).copied().unwrap_or(true)));
        if let Some(ni) = pick {
            if let Some(t) = taken.get_mut(ni) {
                *t = true;
            }
            if let Some(c) = chosen.get_mut(vi) {
                *c = Some(ni);
            }
        }
    }
    let mut out = Vec::new();
    for (vi, v) in values.iter().enumerate() {
        let q = vq.get(vi).copied().unwrap_or(Quantity::Unknown);
        let Some(ni) = chosen.get(vi).copied().flatten() else {
            warnings.push(ImportWarning {
                kind: WarningKind::LowConfidencePairing,
                line: Some(v.line),
                table: None,
                message: format!(
                    "项目绩效目标表 {project:?}: no 三级指标 name left for the value {} ({}); indicator left out",
                    v.target, v.weight
                ),
                cells: Vec::new(),
            });
            continue;
        };
        let name = names.get(ni).cloned().unwrap_or_default();
        let exact = exact_kind.get(vi).copied().unwrap_or(false);
        let kind_values: Vec<&Value> = values
            .iter()
            .zip(&vq)
            .filter(|(_, k)| **k == q)
            .map(|(w, _)| w)
            .collect();
        let kind_names: Vec<String> = names
            .iter()
            .zip(&nq)
            .filter(|(_, k)| **k == q)
            .map(|(n, _)| n.clone())
            .collect();
        let alternatives: Vec<String> = if exact {
            kind_names.iter().filter(|n| **n != name).cloned().collect()
        } else {
            Vec::new()
        };
        let all_same = kind_values
            .iter()
            .all(|w| w.target == v.target && w.weight == v.weight);
        let single_level = q == Quantity::Level
            && kind_values.len() == 1
            && nq.iter().filter(|k| **k == Quantity::Unknown).count() == 1
            && nq.get(ni) == Some(&Quantity::Unknown);
        let (confidence, note) = if decided.get(vi).copied().unwrap_or(false) {
            (
                PairingConfidence::Certain,
                if yusuan_money::text::normalize(&v.target).starts_with(['≤', '<', '≦']) {
                    "the only ceiling on a count of 次 and the only name counting failures (中断, 故障 …)".to_owned()
                } else {
                    "the only floor or exact count of 次 and the only name counting work done"
                        .to_owned()
                },
            )
        } else if single_level {
            (
                PairingConfidence::Certain,
                "the only qualitative value (优/良 …) and the only name that is not a measured quantity".to_owned(),
            )
        } else if exact && kind_values.len() == 1 && kind_names.len() == 1 {
            (
                PairingConfidence::Certain,
                format!("the only name and the only value of their kind ({:?})", q),
            )
        } else if exact && kind_values.len() == kind_names.len() && all_same {
            (
                PairingConfidence::Likely,
                format!(
                    "every value of this kind is {} with weight {}: which of these names takes which does not change the table",
                    v.target, v.weight
                ),
            )
        } else if exact {
            (
                PairingConfidence::Uncertain,
                format!(
                    "{} names and {} values of the same kind ({:?}); paired by printed order only",
                    kind_names.len(),
                    kind_values.len(),
                    q
                ),
            )
        } else {
            (
                PairingConfidence::Uncertain,
                "no name speaks of this kind of quantity; paired by printed order only".to_owned(),
            )
        };
        if confidence != PairingConfidence::Certain {
            warnings.push(ImportWarning {
                kind: WarningKind::LowConfidencePairing,
                line: Some(v.line),
                table: None,
                message: format!(
                    "项目绩效目标表 {project:?}: {name} ↔ {} ({})",
                    v.target,
                    confidence.label_zh()
                ),
                cells: alternatives.clone(),
            });
        }
        let level2 = v.level2.unwrap_or(Level2::Quantity);
        let mut ind = Indicator::new(level2, name, v.target.clone(), v.weight);
        if let Some(l1) = v.level1 {
            if l1 != level2.level1() {
                ind.level1 = l1;
            }
        }
        out.push(ind.with_pairing(Pairing {
            confidence,
            note,
            alternatives,
        }));
    }
    for (i, n) in names.iter().enumerate() {
        if !taken.get(i).copied().unwrap_or(true) {
            warnings.push(ImportWarning {
                kind: WarningKind::LowConfidencePairing,
                line: None,
                table: None,
                message: format!(
                    "项目绩效目标表 {project:?}: the name {n:?} has no value left; not read"
                ),
                cells: Vec::new(),
            });
        }
    }
    out
}

/// The field labels of a 项目绩效目标表's head, longest first where one
/// starts another.
const FIELD_LABELS: [&str; 8] = [
    "项目名称",
    "项目性质",
    "项目类别",
    "主管部门及代码",
    "主管部门",
    "实施单位",
    "计划开始日期",
    "计划完成日期",
];

/// The `(label, value)` pairs of a head line that prints several fields side
/// by side (labels as whole words separated by spaces); one pair or none for
/// an ordinary line.
fn field_pairs(raw: &str) -> Vec<(&'static str, String)> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for w in words {
        if let Some(label) = FIELD_LABELS.iter().find(|l| **l == w) {
            out.push((label, String::new()));
        } else if let Some((_, v)) = out.last_mut() {
            if !v.is_empty() {
                v.push(' ');
            }
            v.push_str(w);
        } else {
            return Vec::new();
        }
    }
    out
}
