//! Invariants of the shipped rate tables (`data/rates/*.csv` → `src/reference/tables.rs`).
//! Freshness of the generated file against the CSV is checked in `xtask` (`cargo xtask rates`).

use chrono::{Datelike, NaiveDate};
use relance_engine::calendar::{next_day, semester_end, ymd};
use relance_engine::fr::percent_number;
use relance_engine::rates::{LegalCategory, Lookup, RateTables};

#[test]
fn ecb_table_is_sorted_and_sourced() {
    let t = RateTables::builtin();
    assert_eq!(t.ecb.first().map(|r| r.from), Some(ymd(2008, 7, 9)));
    assert_eq!(t.ecb.last().map(|r| r.from), Some(ymd(2026, 9, 16)));
    assert!(
        t.ecb.windows(2).all(|w| w[0].from < w[1].from),
        "ECB rows must be in strictly increasing date order"
    );
    assert!(
        t.ecb.windows(2).all(|w| w[0].percent != w[1].percent),
        "each ECB row must be a change"
    );
    assert!(
        t.ecb.iter().all(|r| r.source.trim().len() > 3),
        "every ECB row needs a source"
    );
    assert!(t.ecb_complete_through >= ymd(2026, 9, 16));
}

/// What only a maintainer should read: a web address, a code repository, how often a figure was
/// quoted. It belongs in the CSV's `note` column, which is never compiled in; a row's `source`
/// (shown on the page, in the décompte and in letters) names the official act or publication.
const MAINTAINER_WORDS: [&str; 11] = [
    ".com",
    ".fr",
    ".eu",
    ".net",
    ".si",
    "www",
    "dépôt",
    "code tiers",
    "selon le code",
    "cité mot pour mot",
    "repo",
];

#[test]
fn no_source_carries_a_maintainers_note() {
    let t = RateTables::builtin();
    let sources = t
        .ecb
        .iter()
        .map(|r| (r.from, r.source))
        .chain(t.legal.iter().map(|r| (r.from, r.source)));
    for (from, source) in sources {
        let lower = source.to_lowercase();
        for word in MAINTAINER_WORDS {
            assert!(
                !lower.contains(word),
                "row from {from}: the source shown to users contains {word:?} (move it to the CSV's note column): {source}"
            );
        }
    }
}

#[test]
fn legal_table_has_no_gap_or_overlap() {
    let t = RateTables::builtin();
    assert!(
        t.legal.iter().all(|r| r.source.trim().len() > 3),
        "every legal-rate row needs a source"
    );
    assert!(
        t.legal.windows(2).all(|w| w[0].from <= w[1].from),
        "legal-rate rows sorted by date"
    );
    for category in [LegalCategory::Particuliers, LegalCategory::AutresCas] {
        let rows: Vec<_> = t
            .legal
            .iter()
            .filter(|r| r.category == category || r.category == LegalCategory::All)
            .collect();
        assert_eq!(
            rows.first().map(|r| r.from),
            Some(ymd(2008, 1, 1)),
            "{category:?}"
        );
        assert_eq!(
            rows.last().map(|r| r.to),
            Some(ymd(2026, 12, 31)),
            "{category:?}"
        );
        for pair in rows.windows(2) {
            assert_eq!(
                next_day(pair[0].to),
                Some(pair[1].from),
                "{category:?}: gap or overlap after {}",
                pair[0].from
            );
        }
        for r in &rows {
            let annual = r.from.year() < 2015;
            let expected_end = if annual {
                NaiveDate::from_ymd_opt(r.from.year(), 12, 31)
            } else {
                Some(semester_end(r.from))
            };
            assert_eq!(Some(r.to), expected_end, "{category:?} row from {}", r.from);
            assert_eq!(
                annual,
                r.category == LegalCategory::All,
                "annual rows until 2014, two categories from 2015"
            );
        }
    }
}

/// The L441-10 default rate of every semester since 2013, as tabulated in
/// `shared/reference/legal-reference.md` §3.2 (cross-checked there against enterprise.gov.ie):
/// an independent check of the ECB transcription and of the semester anchoring.
#[test]
fn l441_default_matches_the_reference_table() {
    let t = RateTables::builtin();
    let mut expected: Vec<(i32, u32, &str)> = vec![
        (2013, 1, "10.75"),
        (2013, 7, "10.50"),
        (2014, 1, "10.25"),
        (2014, 7, "10.15"),
    ];
    expected.extend([(2015, 1, "10.05"), (2015, 7, "10.05"), (2016, 1, "10.05")]);
    for year in 2016..=2022 {
        if year > 2016 {
            expected.push((year, 1, "10.00"));
        }
        expected.push((year, 7, "10.00"));
    }
    expected.extend([
        (2023, 1, "12.50"),
        (2023, 7, "14.00"),
        (2024, 1, "14.50"),
        (2024, 7, "14.25"),
        (2025, 1, "13.15"),
        (2025, 7, "12.15"),
        (2026, 1, "12.15"),
        (2026, 7, "12.40"),
    ]);
    for (year, month, want) in expected {
        let day = ymd(year, month, 15);
        match t.l441_default(day) {
            Lookup::Known { quote, .. } => {
                assert_eq!(percent_number(quote.percent), want, "{year}-{month:02}");
                assert!(!quote.provisional, "{year}-{month:02} must be known");
            }
            Lookup::Unknown { .. } => panic!("no rate for {day}"),
        }
    }
}

#[test]
fn legal_rates_spot_checks() {
    let t = RateTables::builtin();
    // (day, category, percent) from legal-reference.md §2.1–2.2, including the values other
    // tables got wrong (2019 S1 autres cas 0.86, 2018 S1 0.89).
    for (day, category, want) in [
        (ymd(2009, 6, 1), LegalCategory::AutresCas, "3.79"),
        (ymd(2014, 6, 1), LegalCategory::Particuliers, "0.04"),
        (ymd(2018, 3, 1), LegalCategory::AutresCas, "0.89"),
        (ymd(2019, 3, 1), LegalCategory::AutresCas, "0.86"),
        (ymd(2023, 3, 1), LegalCategory::Particuliers, "4.47"),
        (ymd(2023, 3, 1), LegalCategory::AutresCas, "2.06"),
        (ymd(2024, 3, 1), LegalCategory::AutresCas, "5.07"),
        (ymd(2026, 3, 1), LegalCategory::Particuliers, "6.67"),
        (ymd(2026, 9, 1), LegalCategory::AutresCas, "2.75"),
    ] {
        match t.legal(day, category) {
            Lookup::Known { quote, .. } => {
                assert_eq!(percent_number(quote.percent), want, "{day} {category:?}")
            }
            Lookup::Unknown { .. } => panic!("no legal rate for {day}"),
        }
    }
}

/// An official link is never guessed: its page or its Légifrance identifier is in the reference
/// the team verified (`shared/reference/legal-reference.md`, beside the repository).
#[test]
fn every_official_link_is_named_in_the_legal_reference() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/legal-reference.md"
    );
    let reference = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (the shared folder sits beside the repository)"));
    for link in relance_engine::rates::all_links() {
        let key = link
            .trim_start_matches("https://")
            .trim_start_matches("www.")
            .rsplit('/')
            .next()
            .filter(|last| last.starts_with("JORF") || last.starts_with("LEGI"))
            .map_or_else(
                || {
                    link.trim_start_matches("https://")
                        .trim_start_matches("www.")
                        .to_owned()
                },
                str::to_owned,
            );
        assert!(
            reference.contains(&key),
            "{link}: « {key} » is not in the legal reference"
        );
    }
}
