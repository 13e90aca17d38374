//! Rules P4xx: the 项目绩效目标表 (with yusuan-performance's validation) and
//! its funds against the tables.

use yusuan_classification::Code;
use yusuan_money::{Decimal, Wan};
use yusuan_performance::{
    validate_without_pairings, IssueKind, PairingConfidence, PerformanceTargetTable, ScoringPolicy,
};
use yusuan_tables::{CellRef, Column, FundsField, Line, NumberRef, RowKey, TableKind};

use super::{Ctx, Term};
use crate::finding::{CellUse, Location, Severity, Value};
use crate::rules::Rule;
use crate::tolerance::{Agreement, Judged, Rounding};

const RULES: [Rule; 5] = [
    Rule::ProjectFundsTotal,
    Rule::IndicatorWeights,
    Rule::CostIndicatorFunds,
    Rule::ProjectFundsWithinTables,
    Rule::PerformanceTableForm,
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let d = ctx.d;
    if d.performance_tables.is_empty() {
        for rule in RULES {
            ctx.skip(rule, "没有项目绩效目标表");
        }
        return;
    }
    let policy = ScoringPolicy::central();
    let code = project_code(ctx);
    for (i, t) in d.performance_tables.iter().enumerate() {
        let funds = |f: FundsField| {
            let v = match f {
                FundsField::Total => t.funds.total,
                FundsField::FiscalAppropriation => t.funds.fiscal_appropriation,
                FundsField::CarriedOver => t.funds.carried_over,
                FundsField::Other => t.funds.other,
                _ => None,
            };
            Term::new(
                NumberRef::PerformanceFunds { table: i, field: f },
                v,
                Rounding::WAN,
            )
        };
        // P401
        if t.funds.total.is_some() {
            ctx.sum(
                Rule::ProjectFundsTotal,
                funds(FundsField::Total),
                &[
                    funds(FundsField::FiscalAppropriation),
                    funds(FundsField::CarriedOver),
                    funds(FundsField::Other),
                ],
            );
        }
        // P402, P403, P405 from the performance crate's validation.
        // The pairing notes are read here, from the indicators (the
        // validation leaves them out rather than copy them).
        let report = validate_without_pairings(t, &policy);
        // A form without a 分值 column (the 2023 财政项目支出绩效目标填报表):
        // no indicator carries a weight and the header declares none, so
        // the weight rules have nothing to add up.
        let no_weights = t.declared_indicator_weight.is_none()
            && t.indicators.iter().all(|ind| ind.weight.is_zero());
        if no_weights {
            ctx.skip(Rule::IndicatorWeights, "本表未列分值，分值合计不适用");
        } else {
            ctx.count(Rule::IndicatorWeights);
        }
        ctx.count(Rule::PerformanceTableForm);
        if t.funds.total.is_some() {
            ctx.count(Rule::CostIndicatorFunds);
        }
        for issue in &report.issues {
            let weights = matches!(
                issue.kind,
                IssueKind::WeightTotal { .. }
                    | IssueKind::DeclaredWeight { .. }
                    | IssueKind::NonPositiveWeight { .. }
            );
            if no_weights && weights {
                continue;
            }
            issue_finding(ctx, i, t, issue, funds(FundsField::Total));
        }
        // A transcriber's remark, not a fault of the document: one summary
        // line per table.
        let uncertain: Vec<&str> = t
            .indicators
            .iter()
            .filter(|ind| {
                ind.pairing
                    .as_ref()
                    .is_some_and(|p| p.confidence != PairingConfidence::Certain)
            })
            .map(|ind| ind.name.as_str())
            .collect();
        if !uncertain.is_empty() {
            ctx.note(
                Rule::PerformanceTableForm,
                Severity::Info,
                Location::table("项目绩效目标表").row(t.project_name.clone()),
                format!(
                    "转录说明：{} 个三级指标的名称与指标值的对应关系不能由原文确定（见各指标的 pairing 说明）。",
                    uncertain.len()
                ),
                None,
                None,
                Some(format!("涉及：{}。", uncertain.join("；"))),
                Vec::new(),
            );
        }
        // P404
        within_tables(
            ctx,
            code,
            funds(FundsField::Total),
            funds(FundsField::FiscalAppropriation),
            funds(FundsField::CarriedOver),
        );
    }
}

fn location(t: &PerformanceTargetTable, issue: &yusuan_performance::Issue) -> Location {
    let loc = Location::table("项目绩效目标表").row(t.project_name.clone());
    match &issue.location.indicator_name {
        Some(name) => loc.column(name.clone()),
        None => loc,
    }
}

fn issue_finding(
    ctx: &mut Ctx<'_>,
    i: usize,
    t: &PerformanceTargetTable,
    issue: &yusuan_performance::Issue,
    total: Term,
) {
    let their = match issue.severity {
        yusuan_performance::Severity::Error => Severity::Error,
        yusuan_performance::Severity::Warning => Severity::Warning,
        _ => Severity::Info,
    };
    let loc = location(t, issue);
    match &issue.kind {
        // Done here with the rounding policy (P401).
        IssueKind::FundsArithmetic { .. } => {}
        IssueKind::FundsTotalMissing => ctx.note(
            Rule::ProjectFundsTotal,
            Severity::Warning,
            loc,
            format!(
                "项目「{}」列示了资金来源，但未列示年度资金总额。",
                t.project_name
            ),
            None,
            None,
            None,
            Vec::new(),
        ),
        IssueKind::WeightTotal { expected, found } => ctx.note(
            Rule::IndicatorWeights,
            Rule::IndicatorWeights.severity(),
            loc,
            format!(
                "各指标分值加执行率分值合计 {}，应为 {}。",
                found.normalize(),
                expected.normalize()
            ),
            Some(Value::Number(*expected)),
            Some(Value::Number(*found)),
            Some(Rule::IndicatorWeights.info().action_zh.to_owned()),
            Vec::new(),
        ),
        IssueKind::DeclaredWeight { declared, found } => ctx.note(
            Rule::IndicatorWeights,
            Rule::IndicatorWeights.severity(),
            loc,
            format!(
                "表头分值权重为 {}，各三级指标分值合计 {}。",
                declared.normalize(),
                found.normalize()
            ),
            Some(Value::Number(*declared)),
            Some(Value::Number(*found)),
            Some(Rule::IndicatorWeights.info().action_zh.to_owned()),
            Vec::new(),
        ),
        IssueKind::CostCeilingDiffersFromFunds {
            ceiling,
            funds_total,
            ..
        } => {
            // Two printed figures: 0.01 apart is rounding.
            let bound = Rounding::WAN
                .half_of(*ceiling)
                .value()
                .saturating_add(Rounding::WAN.half_of(*funds_total).value());
            let j = Judged::new(*funds_total, *ceiling, Wan::new(bound.normalize()), 2);
            let (severity, note) = match j.agreement {
                Agreement::Exact => return,
                Agreement::Rounding => (
                    Severity::Warning,
                    format!(
                        "相差 {}，在两个打印数的舍入误差（±{}）以内，可能是四舍五入所致。",
                        j.difference, j.bound
                    ),
                ),
                Agreement::Mismatch if j.difference.value() > Decimal::ZERO => (
                    Rule::CostIndicatorFunds.severity(),
                    "成本指标上限超过了项目年度资金总额，项目预算执行数不可能达到该值。".to_owned(),
                ),
                Agreement::Mismatch => (
                    Severity::Warning,
                    "成本指标上限低于年度资金总额：如计划少执行预算，应予说明；否则应与资金总额一致。"
                        .to_owned(),
                ),
            };
            let name = issue.location.indicator_name.clone().unwrap_or_default();
            let message = format!(
                "成本指标「{name}」为 ≤{} 万元，年度资金总额为 {} 万元，相差 {}。",
                ceiling, funds_total, j.difference
            );
            let cells = vec![CellUse {
                at: total.at,
                label: ctx.label(&total.at),
                value: total.v.map(Value::Amount),
            }];
            ctx.push(crate::finding::Finding {
                rule: Rule::CostIndicatorFunds,
                severity,
                message,
                location: loc,
                expected: Some(Value::Amount(*funds_total)),
                actual: Some(Value::Amount(*ceiling)),
                difference: Some(Value::Amount(j.difference)),
                tolerance: Some(Value::Amount(j.bound)),
                note: Some(note),
                cells,
            });
        }
        IssueKind::CostCeilingsExceedFunds {
            ceilings_sum,
            funds_total,
        } => {
            let difference = ceilings_sum.checked_sub(*funds_total).unwrap_or(Wan::ZERO);
            ctx.push(crate::finding::Finding {
                rule: Rule::CostIndicatorFunds,
                severity: Rule::CostIndicatorFunds.severity(),
                message: format!(
                    "各成本指标上限合计 {} 万元，超过年度资金总额 {} 万元。",
                    ceilings_sum, funds_total
                ),
                location: loc,
                expected: Some(Value::Amount(*funds_total)),
                actual: Some(Value::Amount(*ceilings_sum)),
                difference: Some(Value::Amount(difference)),
                tolerance: None,
                note: Some(Rule::CostIndicatorFunds.info().action_zh.to_owned()),
                cells: vec![CellUse {
                    at: total.at,
                    label: ctx.label(&total.at),
                    value: total.v.map(Value::Amount),
                }],
            });
        }
        other => {
            let message = format!("项目「{}」：{other}", t.project_name);
            let _ = i;
            ctx.note(
                Rule::PerformanceTableForm,
                their,
                loc,
                message,
                None,
                None,
                None,
                Vec::new(),
            );
        }
    }
}

/// The 功能分类 code of the project spending, where the tables determine
/// it: the only leaf row of the 支出总表 with 项目支出.
fn project_code(ctx: &Ctx<'_>) -> Option<Code> {
    let t3 = ctx.d.tables.expenditure_summary.as_ref()?;
    let keys: Vec<u64> = t3.rows.iter().map(|r| super::code_key(r.code)).collect();
    let mut found = None;
    for (row, &key) in t3.rows.iter().zip(&keys) {
        let is_leaf = !keys.iter().any(|&k| super::is_ancestor_key(key, k));
        let has_project = row.amounts.project.is_some_and(|p| !p.is_zero());
        if is_leaf && has_project {
            if found.is_some() {
                return None;
            }
            found = Some(row.code);
        }
    }
    found
}

fn within_tables(ctx: &mut Ctx<'_>, code: Option<Code>, total: Term, fiscal: Term, carried: Term) {
    let rule = Rule::ProjectFundsWithinTables;
    let d = ctx.d;
    let key = code.map_or(RowKey::Total, RowKey::Code);
    // Total funds ≤ 支出总表 项目支出 of the code (or the 合计).
    if let Some(t3) = d.tables.expenditure_summary.as_ref() {
        let kind = TableKind::ExpenditureSummary;
        let a = match code {
            Some(c) => t3.find(c).map(|r| &r.amounts),
            None => t3.total.as_ref(),
        };
        if let (Some(a), Some(_)) = (a, total.v) {
            let large = Term::new(
                NumberRef::Cell(CellRef::new(kind, key, Column::Project)),
                a.project,
                ctx.table_rounding(kind),
            );
            ctx.at_most(rule, total, large);
        }
    }
    // 财政拨款 ≤ 一般公共预算支出表 项目支出 of the code (when the other
    // two budgets are empty, so all appropriations are general-budget).
    let others_empty = d
        .tables
        .government_fund_expenditure
        .as_ref()
        .map_or(true, |t| t.is_empty())
        && d.tables
            .state_capital_expenditure
            .as_ref()
            .map_or(true, |t| t.is_empty());
    if let (Some(t5), Some(_), true) = (
        d.tables.general_budget_expenditure.as_ref(),
        fiscal.v,
        others_empty,
    ) {
        let kind = TableKind::GeneralBudgetExpenditure;
        let a = match code {
            Some(c) => t5.find(c).map(|r| &r.amounts),
            None => t5.total.as_ref(),
        };
        if let Some(a) = a {
            let large = Term::new(
                NumberRef::Cell(CellRef::new(kind, key, Column::Project)),
                a.project,
                ctx.table_rounding(kind),
            );
            ctx.at_most(rule, fiscal, large);
        }
    }
    // 上年结转 ≤ 收支总表 上年结转.
    if let (Some(t1), Some(_)) = (d.tables.income_expenditure_summary.as_ref(), carried.v) {
        let kind = TableKind::IncomeExpenditureSummary;
        if let Some(row) = t1.find(&RowKey::Line(Line::PriorYearCarryover)) {
            let large = Term::new(
                NumberRef::Cell(CellRef::new(kind, row.key, Column::Total)),
                row.amounts.total,
                ctx.table_rounding(kind),
            );
            ctx.at_most(rule, carried, large);
        }
    }
}
