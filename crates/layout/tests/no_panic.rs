//! No input makes the readers panic.

use proptest::prelude::*;
use yusuan_layout::{debug_svg, find_tables, pages_from_layout_text, parse_tsv, Settings};

fn layout_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("单位：万元".to_string()),
        Just("一般公共预算基本支出表".to_string()),
        Just("合计".to_string()),
        Just("注：本表无数据。".to_string()),
        Just("科目编码   科目名称   合计   基本支出".to_string()),
        Just("301   2   津贴补贴   1,234.50   0".to_string()),
        Just("\x0c".to_string()),
        "[ 0-9,.一二合计单位：万元表注（）\\-]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn layout_text_never_panics(lines in prop::collection::vec(layout_line(), 0..40)) {
        let text = lines.join("\n");
        let pages = pages_from_layout_text(&text);
        let scan = find_tables(&pages, &Settings::default());
        for p in &pages {
            let _ = debug_svg(p, &scan);
        }
        for t in &scan.tables {
            for r in &t.rows {
                prop_assert_eq!(r.cells.len(), t.columns.len());
            }
        }
    }

    #[test]
    fn tsv_never_panics(rows in prop::collection::vec(
        (0u8..7, 0u32..4, "[-0-9.ex]{0,8}", "[-0-9.]{0,6}", "[ 0-9,.合计单位：万元表\\t]{0,12}"), 0..60)) {
        let mut s = String::from("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        for (level, page, x, w, text) in rows {
            s += &format!("{level}\t{page}\t0\t0\t0\t0\t{x}\t{x}\t{w}\t{w}\t100\t{text}\n");
        }
        if let Ok(pages) = parse_tsv(&s) {
            let scan = find_tables(&pages, &Settings::default());
            for p in &pages {
                let _ = debug_svg(p, &scan);
            }
        }
        let _ = parse_tsv(&s.replace('\t', " "));
    }

    #[test]
    fn arbitrary_words_never_panic(words in prop::collection::vec(
        (-1e3f64..1e4, -1e3f64..1e4, 0f64..300.0, 0f64..40.0, "[0-9,.合计单位：万元表科目编码注 ]{1,8}"), 0..80)) {
        let mut s = String::from("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t600\t800\t-1\t###PAGE###\n");
        for (x, y, w, h, t) in words {
            s += &format!("5\t1\t0\t0\t0\t0\t{x}\t{y}\t{w}\t{h}\t100\t{t}\n");
        }
        let pages = parse_tsv(&s).unwrap();
        let scan = find_tables(&pages, &Settings::default());
        let _ = debug_svg(&pages[0], &scan);
    }
}
