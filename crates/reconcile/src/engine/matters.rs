//! Rules N319–N323: the other matters — the 中小企业 part of 政府采购,
//! 国有资产占有 (车辆) and 机关运行经费 against the "三公" table.

use yusuan_money::Wan;
use yusuan_tables::{
    AgencyOperationField, Basis, CellRef, Column, NumberRef, Period, ProcurementField as F, RowKey,
    TableKind, VehicleCount,
};

use super::{Ctx, Term};
use crate::finding::{Location, Value};
use crate::rules::Rule;
use crate::tolerance::Rounding;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    procurement_sme(ctx);
    vehicles(ctx);
    agency_operation(ctx);
}

const SME_RULES: [Rule; 3] = [
    Rule::ProcurementSmeWithinTotal,
    Rule::ProcurementSmallMicroWithinSme,
    Rule::ProcurementAwardWithinReserve,
];

// ------------------------------------------------------------ N319–N321

fn procurement_sme(ctx: &mut Ctx<'_>) {
    let Some(p) = ctx.d.procurement.as_ref() else {
        for rule in SME_RULES {
            ctx.skip(rule, "没有政府采购情况");
        }
        return;
    };
    if !p.has_sme_figures() {
        // many templates print none (the central one); a sentence the
        // importer could not read whole is its warning, not a gap here
        for rule in SME_RULES {
            ctx.skip(rule, "政府采购未列示中小企业预留、成交金额");
        }
        return;
    }
    let term = |f: F| Term::new(NumberRef::Procurement(f), p.get(f), Rounding::WAN);
    let stated = |f: F| p.get(f).is_some();
    // each comparison only between two stated figures: a blank is "not
    // stated", never 0
    let mut pairs: Vec<(Rule, F, F)> = Vec::new();
    // N319. A 决算 states contracts (合同金额): the amounts awarded are part
    // of them; a 预算 states the procurement budget: the reserve is part of
    // it. The awarded amounts imply the 决算 form.
    let awarded = stated(F::SmeAwardedReserved)
        || stated(F::SmallMicroAwardedReserved)
        || stated(F::SmeAwardedOther);
    let final_accounts = ctx.d.kind.is_final_accounts() || awarded;
    if final_accounts {
        pairs.push((
            Rule::ProcurementSmeWithinTotal,
            F::SmeAwardedReserved,
            F::Total,
        ));
        if !stated(F::SmeAwardedReserved) {
            // else N320 compares it with the 中小企业 award
            pairs.push((
                Rule::ProcurementSmeWithinTotal,
                F::SmallMicroAwardedReserved,
                F::Total,
            ));
        }
        pairs.push((
            Rule::ProcurementSmeWithinTotal,
            F::SmeAwardedOther,
            F::Total,
        ));
    } else {
        pairs.push((Rule::ProcurementSmeWithinTotal, F::SmeReserved, F::Total));
        if !stated(F::SmeReserved) {
            pairs.push((
                Rule::ProcurementSmeWithinTotal,
                F::SmallMicroReserved,
                F::Total,
            ));
        }
    }
    // N320
    pairs.push((
        Rule::ProcurementSmallMicroWithinSme,
        F::SmallMicroReserved,
        F::SmeReserved,
    ));
    pairs.push((
        Rule::ProcurementSmallMicroWithinSme,
        F::SmallMicroAwardedReserved,
        F::SmeAwardedReserved,
    ));
    // N321
    pairs.push((
        Rule::ProcurementAwardWithinReserve,
        F::SmeAwardedReserved,
        F::SmeReserved,
    ));
    pairs.push((
        Rule::ProcurementAwardWithinReserve,
        F::SmallMicroAwardedReserved,
        F::SmallMicroReserved,
    ));
    for (rule, small, large) in pairs {
        if stated(small) && stated(large) {
            ctx.at_most(rule, term(small), term(large));
        }
    }
    for rule in SME_RULES {
        ctx.skip(rule, "政府采购未同时列示本规则比较的两项金额");
    }
    if !final_accounts {
        ctx.skip(
            Rule::ProcurementAwardWithinReserve,
            "预算不列示中小企业成交金额",
        );
    }
}

// ------------------------------------------------------------ N322

fn vehicles(ctx: &mut Ctx<'_>) {
    let rule = Rule::VehicleCategories;
    let Some(h) = ctx.d.asset_holdings.as_ref() else {
        ctx.skip(rule, "没有国有资产占有使用情况");
        return;
    };
    let counts: Vec<(&'static str, &VehicleCount)> = [
        ("共有车辆", h.vehicles.as_ref()),
        ("预算安排购置车辆", h.planned_vehicles.as_ref()),
    ]
    .into_iter()
    .filter_map(|(what, v)| v.map(|v| (what, v)))
    .collect();
    for (what, v) in counts {
        let Some(sum) = v.categories_sum() else {
            ctx.skip(rule, "车辆未列示分类数");
            continue;
        };
        ctx.count(rule);
        if sum == u64::from(v.total) {
            continue;
        }
        let parts: Vec<String> = v
            .categories
            .iter()
            .map(|c| format!("{} {}", c.name, c.count))
            .collect();
        let difference = i128::from(v.total) - i128::from(sum);
        ctx.note(
            rule,
            rule.severity(),
            Location::table("国有资产占有使用情况").row(what),
            format!(
                "{what} {} 辆，而各类用车之和为 {sum} 辆（{}），相差 {difference} 辆。",
                v.total,
                parts.join("、")
            ),
            Some(Value::Number(sum.into())),
            Some(Value::Number(v.total.into())),
            Some(rule.info().action_zh.to_owned()),
            Vec::new(),
        );
    }
    ctx.skip(rule, "国有资产占有使用情况未列示车辆数");
}

// ------------------------------------------------------------ N323

fn agency_operation(ctx: &mut Ctx<'_>) {
    let rule = Rule::AgencyOperationMatchesTable;
    let Some(a) = ctx.d.agency_operation.as_ref() else {
        ctx.skip(rule, "没有机关运行经费说明");
        return;
    };
    let stated = match (a.amount, a.none) {
        (Some(w), _) => w,
        (None, true) => Wan::ZERO,
        (None, false) => {
            ctx.skip(rule, "机关运行经费说明未列示金额");
            return;
        }
    };
    let kind = TableKind::ThreePublicExpenditure;
    let cell = CellRef::new(
        kind,
        RowKey::Period(Period {
            year: ctx.d.year,
            basis: Basis::Budget,
        }),
        Column::AgencyOperation,
    );
    // only a 预算's table prints the column: a 决算's statement is of
    // spending, compared with nothing here
    if ctx.d.kind.is_final_accounts() {
        ctx.skip(
            rule,
            "决算的机关运行经费为支出数，“三公”经费决算表不列机关运行经费，不作比较",
        );
        return;
    }
    if !ctx.d.cell_exists(&cell) {
        ctx.skip(rule, "“三公”经费表未列示本年机关运行经费预算数栏");
        return;
    }
    let at = NumberRef::Cell(cell);
    let table = Term::new(
        at,
        ctx.d.get(&at).and_then(|n| n.as_amount()),
        ctx.table_rounding(kind),
    );
    let statement = Term::new(
        NumberRef::AgencyOperation(AgencyOperationField::Amount),
        Some(stated),
        Rounding::WAN,
    );
    ctx.same(rule, table, statement);
}
