//! The other matters of real disclosures read into the model: the 中小企业
//! part of 政府采购, 机关运行经费 and 国有资产占有 (车辆 by category, large
//! equipment), from section 十一 "其他重要事项的情况说明" of the two 2024
//! 部门决算 of 上海市普陀区 and the blank template
//! (`fixtures/corpus/shanghai/*.pdf`, skipped without pdftotext) and from
//! "其他相关情况说明" of the 普陀 budgets (`fixtures/corpus/putuo/*.layout.txt`).
//!
//! Expected values are the documents' printed figures. A sentence that
//! cannot be read whole is left out with a warning, never half-read.

use std::path::{Path, PathBuf};

use yusuan_import::{import_path, import_text, Import, WarningKind};
use yusuan_money::{Percent, Wan};
use yusuan_tables::{Direction, ProcurementField as F, StatedDate, VehicleCount};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")
}

fn have_pdftotext() -> bool {
    let have = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !have {
        eprintln!("pdftotext (poppler-utils) is not installed: this test reads a corpus PDF and is skipped");
    }
    have
}

fn pdf(stem: &str) -> Option<Import> {
    if !have_pdftotext() {
        return None;
    }
    Some(import_path(&root().join(format!("shanghai/{stem}.pdf"))).expect("imports"))
}

fn layout(stem: &str) -> Import {
    let text = std::fs::read_to_string(root().join(format!("putuo/{stem}.layout.txt")))
        .expect("corpus file");
    import_text(&text).expect("imports")
}

fn w(s: &str) -> Wan {
    Wan::parse(s).unwrap()
}

fn unread(imp: &Import) -> Vec<&str> {
    imp.warnings
        .iter()
        .filter(|w| w.kind == WarningKind::UnreadSentence)
        .map(|w| w.message.as_str())
        .collect()
}

/// The eight categories of 公务用车 the Shanghai forms print, in order.
const CATEGORIES: [&str; 8] = [
    "部级领导干部用车",
    "主要领导干部用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部用车",
    "其他用车",
];

/// The categories as printed: names in the standard order with `counts`.
fn standard(v: &VehicleCount, total: u32, counts: [u32; 8]) {
    assert_eq!(v.total, total);
    let got: Vec<(&str, u32)> = v
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    let want: Vec<(&str, u32)> = CATEGORIES.iter().copied().zip(counts).collect();
    assert_eq!(got, want);
}

#[test]
fn ghzyj_final_account_states_every_other_matter() {
    let Some(imp) = pdf("sh-putuo-ghzyj_2024_dept-final") else {
        return;
    };
    assert!(unread(&imp).is_empty(), "{:?}", unread(&imp));
    let d = &imp.disclosure;
    let p = d.procurement.as_ref().expect("政府采购");
    // "政府采购金额（以合同签订为准）为 2319.21 万元，其中：货物采购金额 122.43
    // 万元、工程采购金额 1387.72 万元、服务采购金额 809.07 万元"
    assert_eq!(p.total, Some(w("2319.21")));
    assert_eq!(p.services, Some(w("809.07")));
    for (field, printed) in [
        (F::SmeReserved, "225.10"),
        (F::SmallMicroReserved, "164.87"),
        (F::SmeAwardedReserved, "225.10"),
        (F::SmallMicroAwardedReserved, "164.87"),
        (F::SmeAwardedOther, "0.00"),
    ] {
        assert_eq!(p.get(field), Some(w(printed)), "{field}");
    }
    assert!(p
        .sme_sentence
        .as_deref()
        .unwrap()
        .contains("在其他政府采购项目中"));
    // "机关运行经费支出 142.80 万元，比 2023 年度减少 13.52 万元，下降 8.65%"
    let a = d.agency_operation.as_ref().expect("机关运行经费");
    assert_eq!(a.amount, Some(w("142.80")));
    assert_eq!(a.base_year, Some(2023));
    assert_eq!(a.direction, Some(Direction::Decrease));
    assert_eq!(a.change, Some(w("13.52")));
    assert_eq!(a.rate_direction, Some(Direction::Decline));
    assert_eq!(a.rate, Some(Percent::parse("8.65%").unwrap()));
    assert!(!a.none);
    // "截至 2024 年 12 月 31 日，…共有车辆 0 辆，其中：…；单价 100 万元（含）以上
    // 设备（不含车辆）0 台（套）"
    let h = d.asset_holdings.as_ref().expect("国有资产占有");
    assert_eq!(
        h.as_of,
        Some(StatedDate {
            year: 2024,
            month: Some(12),
            day: Some(31)
        })
    );
    standard(h.vehicles.as_ref().unwrap(), 0, [0; 8]);
    assert_eq!(h.large_equipment, Some(0));
    assert_eq!(h.planned_vehicles, None);
}

#[test]
fn shgzb_final_account_letter_spaced_sme_sentence_is_read() {
    let Some(imp) = pdf("sh-putuo-shgzb_2024_dept-final") else {
        return;
    };
    assert!(unread(&imp).is_empty(), "{:?}", unread(&imp));
    let d = &imp.disclosure;
    let p = d.procurement.as_ref().expect("政府采购");
    assert_eq!(p.total, Some(w("21.07")));
    assert_eq!(p.goods, Some(w("21.07")));
    // "本部门 面向中小企业预留 政府采购项目预算 金额 21.07 万元", and every
    // other 中小企业 figure printed 21.07
    for field in F::SME {
        assert_eq!(p.get(field), Some(w("21.07")), "{field}");
    }
    let a = d.agency_operation.as_ref().expect("机关运行经费");
    assert_eq!(a.amount, Some(w("10.23")));
    assert_eq!(a.change, Some(w("10.23")));
    assert_eq!(a.rate, Some(Percent::parse("100.00%").unwrap()));
    let h = d.asset_holdings.as_ref().expect("国有资产占有");
    standard(h.vehicles.as_ref().unwrap(), 0, [0; 8]);
}

#[test]
fn a_budget_states_the_reserve_the_vehicles_held_and_planned() {
    let imp = layout("sh-putuo-sifaju_2026_dept-budget");
    assert!(unread(&imp).is_empty(), "{:?}", unread(&imp));
    let d = &imp.disclosure;
    let p = d.procurement.as_ref().expect("政府采购");
    // "政府采购预算1486.42万元…面向中小企业预留政府采购项目预算金额1486.42万元，
    // 其中，预留给小型和微型企业的政府采购项目预算为1486.42万元"
    assert_eq!(p.total, Some(w("1486.42")));
    assert_eq!(p.sme_reserved, Some(w("1486.42")));
    assert_eq!(p.small_micro_reserved, Some(w("1486.42")));
    assert_eq!(p.sme_awarded_reserved, None);
    // "财政拨款的机关运行经费预算为217.83万元"
    let a = d.agency_operation.as_ref().expect("机关运行经费");
    assert_eq!(a.amount, Some(w("217.83")));
    assert_eq!(a.direction, None);
    let h = d.asset_holdings.as_ref().expect("国有资产占有");
    assert_eq!(
        h.as_of,
        Some(StatedDate {
            year: 2025,
            month: Some(8),
            day: Some(31)
        })
    );
    standard(h.vehicles.as_ref().unwrap(), 3, [0, 0, 0, 0, 3, 0, 0, 0]);
    assert_eq!(h.large_equipment, Some(0));
    // "2026年部门预算安排购置车辆0辆，其中：…；部门预算安排购置单价100万元
    // （含）以上设备（不含车辆）0台（套）"
    standard(h.planned_vehicles.as_ref().unwrap(), 0, [0; 8]);
    assert_eq!(h.planned_large_equipment, Some(0));
}

#[test]
fn a_budget_without_agency_operation_says_so() {
    let Some(imp) = pdf("sh-putuo-fuliyuan_2024_unit-budget") else {
        return;
    };
    let d = &imp.disclosure;
    // "2024年上海市普陀区社会福利院无机关运行经费。"
    let a = d.agency_operation.as_ref().expect("机关运行经费");
    assert!(a.none);
    assert_eq!(a.amount, None);
    // "共有车辆2辆，其中：…其他用车2辆"
    let h = d.asset_holdings.as_ref().expect("国有资产占有");
    standard(h.vehicles.as_ref().unwrap(), 2, [0, 0, 0, 0, 0, 0, 0, 2]);
}

#[test]
fn a_statement_in_another_form_is_left_out_and_said() {
    let Some(imp) = pdf("sh-putuo-wanlijiedao_2023_dept-budget") else {
        return;
    };
    // "车辆7辆（一般公务用车3辆，…）；单价50万元以上通用设备0台/套；专用设备
    // 818台/套…": counts of equipment no form takes: the sentence is left out
    // whole, vehicles included
    let h = imp
        .disclosure
        .asset_holdings
        .as_ref()
        .expect("国有资产占有");
    assert_eq!(h.as_of.map(|d| d.year), Some(2022));
    assert_eq!(h.vehicles, None);
    assert_eq!(h.large_equipment, None);
    let u = unread(&imp);
    assert_eq!(u.len(), 1, "{u:?}");
    assert!(u[0].contains("车辆7辆"), "{}", u[0]);
    // the 中小企业 reserve of the same document is read
    let p = imp.disclosure.procurement.as_ref().unwrap();
    assert_eq!(p.sme_reserved, Some(w("332.00")));
    assert_eq!(p.small_micro_reserved, Some(w("232.40")));
}

#[test]
fn the_template_placeholders_are_not_read() {
    let Some(imp) = pdf("sh-template_2024_dept-final-blank") else {
        return;
    };
    let d = &imp.disclosure;
    assert!(d
        .procurement
        .as_ref()
        .map_or(true, |p| !p.has_sme_figures()));
    assert!(d
        .asset_holdings
        .as_ref()
        .map_or(true, |h| h.vehicles.is_none()));
    assert!(d
        .agency_operation
        .as_ref()
        .map_or(true, |a| a.amount.is_none()));
    // "机关运行经费支出 XXX 万元…", the two 中小企业 sentences, "共有车辆 XX 辆…"
    // and "…设备（不含车辆）XX 台（套）"
    let u = unread(&imp);
    assert_eq!(u.len(), 5, "{u:#?}");
    assert!(u.iter().any(|m| m.contains("机关运行经费支出 XXX")));
}
