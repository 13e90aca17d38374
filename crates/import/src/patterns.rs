//! Regular expressions, compiled once.

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        pub(crate) fn $name() -> &'static ::regex::Regex {
            // The pattern is a literal, compiled by a test of its module: it
            // cannot fail.
            #[allow(clippy::expect_used)]
            static RE: ::once_cell::sync::Lazy<::regex::Regex> =
                ::once_cell::sync::Lazy::new(|| {
                    ::regex::Regex::new($re).expect("valid literal regex")
                });
            &RE
        }
    };
}
pub(crate) use pattern;

pattern!(period, r"([0-9]{4})年(预算数|执行数|决算数)");
pattern!(
    doc_year,
    r"([0-9]{4})\s*年度?\s*(?:区级|市级|县级|省级)?\s*(单位|部门)\s*(预算|决算)"
);
pattern!(amount_wan, r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*万元");
pattern!(
    share_after,
    r"^\s*[,，]?\s*占(?:比)?[^0-9%。;；]{0,16}?([0-9]+(?:\.[0-9]+)?)\s*%"
);
pattern!(
    change,
    r"(比|较|与)\s*([0-9]{4})?\s*年?度?\s*(?:当年)?\s*(预算执行数|执行数|预算数|预算|决算数|决算)?\s*(?:相比)?\s*[,，]?\s*(增加|减少|增长|下降|上升|降低|持平)"
);
pattern!(
    after_direction,
    r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|%)"
);
pattern!(
    rate_after,
    r"^\s*[,，]?\s*(增长|下降|上升|降低|增加|减少)?\s*([0-9]+(?:\.[0-9]+)?)\s*%"
);
pattern!(
    relation,
    r"不\s*(?:小|低|少|大|高|多)\s*于|不\s*超\s*过|(?:大|高|多|小|低|少|等)\s*于|超\s*过|相\s*等"
);
pattern!(
    no_amount,
    r"没有(?:使用)?([^,，。;；]+)|(?:^|[,，;；:：])\s*无([^,，。;；]+)"
);
pattern!(
    involving,
    r"涉及([^0-9。,，;；]{0,20}?)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*万元"
);
pattern!(project_count, r"项目(?:共|数)?\s*([0-9]+)\s*个");
pattern!(
    quoted_project,
    r#"[“"]([^”"]{2,40}?)[”"]\s*(?:项目)?绩效目标表"#
);
pattern!(level_code, r"\(([0-9]{2,3})(?:类|款|项)\)");
pattern!(level_split, r"\((?:[0-9]{2,3})?(?:类|款|项)\)");
pattern!(any_year, r"(20[0-9]{2})年");
pattern!(
    exec_weight,
    r"执行率(?:分值)?\(([0-9]+(?:\.[0-9]+)?)\)|执行率分值\(([0-9]+)\)"
);
pattern!(
    declared_weight,
    r"分值权重\(([0-9]+(?:\.[0-9]+)?)\)|权重\(([0-9]+)\)"
);
pattern!(year_paren, r"^\(([0-9]{4})年度?\)$");

#[cfg(test)]
mod tests {
    #[test]
    fn all_compile() {
        for re in [
            super::period(),
            super::doc_year(),
            super::amount_wan(),
            super::share_after(),
            super::change(),
            super::after_direction(),
            super::rate_after(),
            super::no_amount(),
            super::relation(),
            super::involving(),
            super::project_count(),
            super::quoted_project(),
            super::level_code(),
            super::level_split(),
            super::any_year(),
            super::exec_weight(),
            super::declared_weight(),
            super::year_paren(),
        ] {
            assert!(!re.as_str().is_empty());
        }
    }
}
