//! Visits the numbers of the tables without building views (no allocation).

use yusuan_tables::{Amounts, CodeTable, Column, Disclosure, Number, RowKey, TableKind};

/// Calls `f` for every non-blank cell of the table of `kind`.
pub(crate) fn table_numbers(
    d: &Disclosure,
    kind: TableKind,
    f: &mut impl FnMut(RowKey, Column, Number),
) {
    fn code_table<A: Amounts>(t: &CodeTable<A>, f: &mut impl FnMut(RowKey, Column, Number)) {
        for row in &t.rows {
            amounts(RowKey::Code(row.code), &row.amounts, f);
        }
        if let Some(total) = &t.total {
            amounts(RowKey::Total, total, f);
        }
    }
    fn amounts<A: Amounts>(key: RowKey, a: &A, f: &mut impl FnMut(RowKey, Column, Number)) {
        a.for_each_number(|c, n| f(key, c, n));
    }
    let t = &d.tables;
    match kind {
        TableKind::IncomeExpenditureSummary | TableKind::FiscalAppropriationSummary => {
            let s = if kind == TableKind::IncomeExpenditureSummary {
                t.income_expenditure_summary.as_ref()
            } else {
                t.fiscal_appropriation_summary.as_ref()
            };
            if let Some(s) = s {
                for row in s.income.iter().chain(&s.expenditure) {
                    amounts(row.key, &row.amounts, f);
                }
            }
        }
        TableKind::IncomeSummary => {
            if let Some(x) = &t.income_summary {
                code_table(x, f);
            }
        }
        TableKind::ExpenditureSummary => {
            if let Some(x) = &t.expenditure_summary {
                code_table(x, f);
            }
        }
        TableKind::GeneralBudgetExpenditure => {
            if let Some(x) = &t.general_budget_expenditure {
                code_table(x, f);
            }
        }
        TableKind::GeneralBudgetBasicExpenditure => {
            if let Some(x) = &t.general_budget_basic_expenditure {
                code_table(x, f);
            }
        }
        TableKind::GovernmentFundExpenditure => {
            if let Some(x) = &t.government_fund_expenditure {
                code_table(x, f);
            }
        }
        TableKind::StateCapitalExpenditure => {
            if let Some(x) = &t.state_capital_expenditure {
                code_table(x, f);
            }
        }
        TableKind::ThreePublicExpenditure => {
            if let Some(x) = &t.three_public_expenditure {
                for row in &x.rows {
                    amounts(RowKey::Period(row.period), &row.amounts, f);
                }
            }
        }
        _ => {}
    }
}
