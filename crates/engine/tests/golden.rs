//! Golden dossiers: hand-computed cases, to the cent.
//!
//! Each case is a dossier file in `golden/`. Its key figures are asserted here with the
//! computation written out (interest = base × rate × days / 365, rounded to the cent per
//! segment); the whole JSON result is also pinned in `golden/*.result.json`
//! (`UPDATE_EXPECT=1 cargo test -p relance-engine --test golden` rewrites those after a
//! deliberate change — the hand-computed assertions must still hold).

use expect_test::expect_file;
use relance_engine::dossier::BelowFloor;
use relance_engine::{compute_str, report, Computation, Notice};

struct Expected {
    segments: &'static [&'static str],
    interest: &'static str,
    indemnities: &'static str,
    total: &'static str,
    daily: &'static str,
    notices: &'static [&'static str],
}

#[track_caller]
fn check(name: &str, want: Expected) -> Computation {
    let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let c = compute_str(&text, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let segments: Vec<String> = c
        .invoices
        .iter()
        .flat_map(|i| &i.segments)
        .map(|s| {
            format!(
                "{} {} {} {} {} {}",
                s.from,
                s.to,
                s.days,
                s.base,
                s.rate.percent.normalize(),
                s.interest
            )
        })
        .collect();
    assert_eq!(segments, want.segments, "{name}: segments");
    assert_eq!(
        c.totals.interest.to_string(),
        want.interest,
        "{name}: interest"
    );
    assert_eq!(
        c.totals.indemnities.to_string(),
        want.indemnities,
        "{name}: indemnities"
    );
    assert_eq!(c.totals.total.to_string(), want.total, "{name}: total");
    assert_eq!(
        c.daily_accrual.to_string(),
        want.daily,
        "{name}: daily accrual"
    );
    let codes: Vec<&str> = c.notices.iter().map(Notice::code).collect();
    assert_eq!(codes, want.notices, "{name}: notices");
    let pinned = format!("{}\n", report::to_json(&c));
    expect_file![format!("golden/{name}.result.json")].assert_eq(&pinned);
    c
}

/// The specification's check case: 24 000 € due 3 April 2022, unpaid on 22 November 2026.
/// Rates: ECB + 10 points at 1 Jan / 1 Jul (ECB 0.00 until 27 Jul 2022, so 2022 S2 = 10 %).
///   24 000 × 10.00 % ×  88 / 365 =   578.630… →   578.63   (4 Apr – 30 Jun 2022)
///   24 000 × 10.00 % × 184 / 365 = 1 209.863… → 1 209.86
///   24 000 × 12.50 % × 181 / 365 = 1 487.671… → 1 487.67
///   24 000 × 14.00 % × 184 / 365 = 1 693.808… → 1 693.81
///   24 000 × 14.50 % × 182 / 365 = 1 735.232… → 1 735.23
///   24 000 × 14.25 % × 184 / 365 = 1 724.054… → 1 724.05
///   24 000 × 13.15 % × 181 / 365 = 1 565.030… → 1 565.03
///   24 000 × 12.15 % × 184 / 365 = 1 469.983… → 1 469.98
///   24 000 × 12.15 % × 181 / 365 = 1 446.016… → 1 446.02
///   24 000 × 12.40 % × 145 / 365 = 1 182.246… → 1 182.25   (1 Jul – 22 Nov 2026)
///   sum 14 092.53; + 40 (D441-5) + 24 000 = 38 132.53; per day 24 000 × 12.40 % / 365 = 8.153… → 8.15.
/// Prescription (C. com. L110-4): 5 years from the invoice of 4 March 2022, last day to act
/// 4 March 2027, within 183 days of the calculation date: flagged "soon".
#[test]
fn seed_case() {
    check(
        "seed",
        Expected {
            segments: &[
                "2022-04-04 2022-06-30 88 24000.00 10 578.63",
                "2022-07-01 2022-12-31 184 24000.00 10 1209.86",
                "2023-01-01 2023-06-30 181 24000.00 12.5 1487.67",
                "2023-07-01 2023-12-31 184 24000.00 14 1693.81",
                "2024-01-01 2024-06-30 182 24000.00 14.5 1735.23",
                "2024-07-01 2024-12-31 184 24000.00 14.25 1724.05",
                "2025-01-01 2025-06-30 181 24000.00 13.15 1565.03",
                "2025-07-01 2025-12-31 184 24000.00 12.15 1469.98",
                "2026-01-01 2026-06-30 181 24000.00 12.15 1446.02",
                "2026-07-01 2026-11-22 145 24000.00 12.4 1182.25",
            ],
            interest: "14092.53",
            indemnities: "40.00",
            total: "38132.53",
            daily: "8.15",
            notices: &["prescription"],
        },
    );
}

/// Consumer debtor, professional creditor: legal rate "autres cas" from the day after the
/// formal notice (2 June 2025), no indemnity (C. civ. 1231-6).
///   2 400 × 3.71 % ×  28 / 365 =  6.830… →  6.83   (3 – 30 Jun 2025)
///   2 400 × 2.76 % × 184 / 365 = 33.391… → 33.39
///   2 400 × 2.62 % × 181 / 365 = 31.181… → 31.18
///   2 400 × 2.75 % × 145 / 365 = 26.219… → 26.22   (2026 S2 rate UNVERIFIED → notice)
///   sum 97.62; total 2 497.62; per day 2 400 × 2.75 % / 365 = 0.180… → 0.18.
/// Prescription (C. conso. L218-2): 2 years from the invoice, last day to act within 183 days.
#[test]
fn consumer_debtor() {
    check(
        "b2c",
        Expected {
            segments: &[
                "2025-06-03 2025-06-30 28 2400.00 3.71 6.83",
                "2025-07-01 2025-12-31 184 2400.00 2.76 33.39",
                "2026-01-01 2026-06-30 181 2400.00 2.62 31.18",
                "2026-07-01 2026-11-22 145 2400.00 2.75 26.22",
            ],
            interest: "97.62",
            indemnities: "0.00",
            total: "2497.62",
            daily: "0.18",
            notices: &["unverified_rate", "prescription"],
        },
    );
}

/// Contractual rate of 12 %: used as is, with a notice for each semester where it is below
/// 3 × the legal rate "autres cas": 2023 S2 12.66, 2024 S1 15.21, 2024 S2 14.76 (not 2025 S1: 11.13).
///   5 000 × 12 % ×  77 / 365 = 126.575… → 126.58   (16 Oct – 31 Dec 2023)
///   5 000 × 12 % × 182 / 365 = 299.178… → 299.18
///   5 000 × 12 % × 184 / 365 = 302.465… → 302.47
///   5 000 × 12 % ×  90 / 365 = 147.945… → 147.95   (1 Jan – 31 Mar 2025)
///   sum 876.18; + 40 + 5 000 = 5 916.18; per day 5 000 × 12 % / 365 = 1.643… → 1.64.
#[test]
fn contractual_rate_below_floor() {
    let c = check(
        "contractual",
        Expected {
            segments: &[
                "2023-10-16 2023-12-31 77 5000.00 12 126.58",
                "2024-01-01 2024-06-30 182 5000.00 12 299.18",
                "2024-07-01 2024-12-31 184 5000.00 12 302.47",
                "2025-01-01 2025-03-31 90 5000.00 12 147.95",
            ],
            interest: "876.18",
            indemnities: "40.00",
            total: "5916.18",
            daily: "1.64",
            notices: &["contractual_rate_below_floor"; 3],
        },
    );
    let floors: Vec<String> = c
        .notices
        .iter()
        .filter_map(|n| match n {
            Notice::ContractualRateBelowFloor { floor, .. } => Some(floor.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(floors, ["12.66", "15.21", "14.76"]);
}

/// Two partial payments imputed on interest first (C. civ. 1343-1).
///   10 000.00 × 14.50 % × 75 / 365 = 297.945… → 297.95   (1 Feb – 15 Apr 2024)
///   15 Apr: 3 000 → 297.95 interest + 2 702.05 principal → base 7 297.95
///    7 297.95 × 14.50 % × 76 / 365 = 220.339… → 220.34   (16 Apr – 30 Jun)
///    7 297.95 × 14.25 % × 92 / 365 = 262.129… → 262.13   (1 Jul – 30 Sep)
///   30 Sep (no invoice named → the oldest): 2 000 → 482.47 interest + 1 517.53 principal → 5 780.42
///    5 780.42 × 14.25 % ×  92 / 365 = 207.619… → 207.62
///    5 780.42 × 13.15 % × 181 / 365 = 376.937… → 376.94
///   interest owed 207.62 + 376.94 = 584.56; + 40 + 5 780.42 = 6 404.98.
///   Per day (2025 S1 rate, as of 30 Jun 2025) 5 780.42 × 13.15 % / 365 = 2.082… → 2.08.
#[test]
fn partial_payments_interest_first() {
    let c = check(
        "partial_payments",
        Expected {
            segments: &[
                "2024-02-01 2024-04-15 75 10000.00 14.5 297.95",
                "2024-04-16 2024-06-30 76 7297.95 14.5 220.34",
                "2024-07-01 2024-09-30 92 7297.95 14.25 262.13",
                "2024-10-01 2024-12-31 92 5780.42 14.25 207.62",
                "2025-01-01 2025-06-30 181 5780.42 13.15 376.94",
            ],
            interest: "584.56",
            indemnities: "40.00",
            total: "6404.98",
            daily: "2.08",
            notices: &[],
        },
    );
    let imputed: Vec<(String, String)> = c.invoices[0]
        .payments
        .iter()
        .map(|p| (p.to_interest.to_string(), p.to_principal.to_string()))
        .collect();
    assert_eq!(
        imputed,
        [
            ("297.95".into(), "2702.05".into()),
            ("482.47".into(), "1517.53".into())
        ]
    );
}

/// Day count "actual": days of 2024 are divided by 366.
///   50 000 × 14.00 % ×  16 / 365 =   306.849… →   306.85   (16 – 31 Dec 2023)
///   50 000 × 14.50 % × 182 / 366 = 3 605.191… → 3 605.19   (with /365 it would be 3 615.07)
///   50 000 × 14.25 % × 184 / 366 = 3 581.967… → 3 581.97
///   sum 7 494.01; + 40 + 50 000 = 57 534.01; per day 50 000 × 14.25 % / 366 = 19.467… → 19.47.
#[test]
fn leap_year_actual_day_count() {
    let c = check(
        "leap_year",
        Expected {
            segments: &[
                "2023-12-16 2023-12-31 16 50000.00 14 306.85",
                "2024-01-01 2024-06-30 182 50000.00 14.5 3605.19",
                "2024-07-01 2024-12-31 184 50000.00 14.25 3581.97",
            ],
            interest: "7494.01",
            indemnities: "40.00",
            total: "57534.01",
            daily: "19.47",
            notices: &[],
        },
    );
    let divisors: Vec<u32> = c.invoices[0].segments.iter().map(|s| s.divisor).collect();
    assert_eq!(divisors, [365, 366, 366]);
}

/// Four invoices across the 2022–2026 rate changes, a credit note, named and unnamed payments.
/// - F-2022-045 (8 400, due 20 Jul 2022): 1 200 paid before the due date → base 7 200, still
///   late → indemnity. 1 Mar 2023: 4 000 unnamed → oldest invoice: interest 323.51 + 147.95 =
///   471.46, principal 3 528.54 → 3 671.46. 1 Sep 2025: 9 000 unnamed → F-2022-045 takes its
///   interest 1 256.85 (152.14 + 259.11 + 265.45 + 263.74 + 239.41 + 77.00) and 3 671.46 of
///   principal; the remaining 4 071.69 overflows to F-2023-112.
/// - F-2023-112 (12 000, credit note 2 000 → 10 000, due 2 Dec 2023): 1 Sep 2025 it takes
///   4 071.69: interest 2 414.41 (111.23 + 723.01 + 718.36 + 652.10 + 209.71), principal
///   1 657.28 → 8 342.72, then 336.03 + 502.65 + 410.96 = 1 249.64 owed.
/// - F-2024-050 (1 200): paid in full before its due date → no penalty, no indemnity.
/// - F-2025-007 (3 600, due 9 Feb 2025): unpaid, 182.88 + 220.50 + 216.90 + 177.34 = 797.62.
///
/// Totals: principal 8 342.72 + 3 600 = 11 942.72; interest 2 047.26; indemnities 3 × 40;
/// total 14 109.98; per day (8 342.72 + 3 600) × 12.40 % / 365 = 4.057… → 4.06.
#[test]
fn several_invoices_across_rate_changes() {
    let c = check(
        "several_invoices",
        Expected {
            segments: &[
                "2022-07-21 2022-12-31 164 7200.00 10 323.51",
                "2023-01-01 2023-03-01 60 7200.00 12.5 147.95",
                "2023-03-02 2023-06-30 121 3671.46 12.5 152.14",
                "2023-07-01 2023-12-31 184 3671.46 14 259.11",
                "2024-01-01 2024-06-30 182 3671.46 14.5 265.45",
                "2024-07-01 2024-12-31 184 3671.46 14.25 263.74",
                "2025-01-01 2025-06-30 181 3671.46 13.15 239.41",
                "2025-07-01 2025-09-01 63 3671.46 12.15 77.00",
                "2023-12-03 2023-12-31 29 10000.00 14 111.23",
                "2024-01-01 2024-06-30 182 10000.00 14.5 723.01",
                "2024-07-01 2024-12-31 184 10000.00 14.25 718.36",
                "2025-01-01 2025-06-30 181 10000.00 13.15 652.10",
                "2025-07-01 2025-09-01 63 10000.00 12.15 209.71",
                "2025-09-02 2025-12-31 121 8342.72 12.15 336.03",
                "2026-01-01 2026-06-30 181 8342.72 12.15 502.65",
                "2026-07-01 2026-11-22 145 8342.72 12.4 410.96",
                "2025-02-10 2025-06-30 141 3600.00 13.15 182.88",
                "2025-07-01 2025-12-31 184 3600.00 12.15 220.50",
                "2026-01-01 2026-06-30 181 3600.00 12.15 216.90",
                "2026-07-01 2026-11-22 145 3600.00 12.4 177.34",
            ],
            interest: "2047.26",
            indemnities: "120.00",
            total: "14109.98",
            daily: "4.06",
            notices: &[],
        },
    );
    let order: Vec<&str> = c.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(
        order,
        ["F-2022-045", "F-2023-112", "F-2024-050", "F-2025-007"]
    );
    assert_eq!(c.totals.principal.to_string(), "11942.72");
}

/// Option "frozen_at_due_date": the 2022 S1 rate (10 %) for the whole delay, still cut per semester.
///   24 000 × 10 % × 1 694 days / 365 ≈ 11 138.63 in one go; per semester rounding gives
///   578.63 + 1 209.86 + 1 190.14 + 1 209.86 + 1 196.71 + 1 209.86 + 1 190.14 + 1 209.86
///   + 1 190.14 + 953.42 = 11 138.62.
///
/// Prescription as for the seed: last day to act 4 March 2027, "soon".
#[test]
fn frozen_rate_option() {
    let c = check(
        "frozen_rate",
        Expected {
            segments: &[
                "2022-04-04 2022-06-30 88 24000.00 10 578.63",
                "2022-07-01 2022-12-31 184 24000.00 10 1209.86",
                "2023-01-01 2023-06-30 181 24000.00 10 1190.14",
                "2023-07-01 2023-12-31 184 24000.00 10 1209.86",
                "2024-01-01 2024-06-30 182 24000.00 10 1196.71",
                "2024-07-01 2024-12-31 184 24000.00 10 1209.86",
                "2025-01-01 2025-06-30 181 24000.00 10 1190.14",
                "2025-07-01 2025-12-31 184 24000.00 10 1209.86",
                "2026-01-01 2026-06-30 181 24000.00 10 1190.14",
                "2026-07-01 2026-11-22 145 24000.00 10 953.42",
            ],
            interest: "11138.62",
            indemnities: "40.00",
            total: "35178.62",
            daily: "6.58",
            notices: &["prescription"],
        },
    );
    assert!(c.invoices[0]
        .segments
        .iter()
        .all(|s| s.rate.percent.normalize().to_string() == "10"));
}

/// The dossier of the three `below_floor` cases (format version 3): a 9.50 % clause on
/// 10 000 € due 15 March 2023, unpaid on 31 March 2026. Three times the legal rate « autres
/// cas » (C. com. L441-10 floor) moves each semester: 2023 S1 3 × 2.06 = 6.18 (the clause is
/// above it), 2023 S2 3 × 4.22 = 12.66, 2024 S1 3 × 5.07 = 15.21, 2024 S2 3 × 4.92 = 14.76,
/// 2025 S1 3 × 3.71 = 11.13 (below: the rule acts), 2025 S2 3 × 2.76 = 8.28, 2026 S1 3 × 2.62
/// = 7.86 (above again). Figures computed apart with Python's `decimal` (ROUND_HALF_UP on
/// positive amounts is half away from zero); the semesters where the clause stands are the
/// same in the three cases:
///   10 000 × 9.50 % × 107 / 365 = 278.493… → 278.49   (16 Mar – 30 Jun 2023)
///   10 000 × 9.50 % × 184 / 365 = 478.904… → 478.90   (2025 S2)
///   10 000 × 9.50 % ×  90 / 365 = 234.246… → 234.25   (1 Jan – 31 Mar 2026)
/// and the day after 31 March 2026 adds 10 000 × 9.50 % / 365 = 2.602… → 2.60 in each.
///
/// This helper gives each segment of the first invoice as `from basis` (the basis in French).
fn bases(c: &Computation) -> Vec<String> {
    c.invoices[0]
        .segments
        .iter()
        .map(|s| format!("{} {}", s.from, relance_engine::fr::rate_basis(&s.rate)))
        .collect()
}

/// `below_floor: "floor"`: in the four semesters below the floor, the floor applies.
///   10 000 × 12.66 % × 184 / 365 = 638.202… → 638.20   (2023 S2)
///   10 000 × 15.21 % × 182 / 365 = 758.416… → 758.42   (2024 S1)
///   10 000 × 14.76 % × 184 / 365 = 744.065… → 744.07   (2024 S2)
///   10 000 × 11.13 % × 181 / 365 = 551.926… → 551.93   (2025 S1)
///   sum 278.49 + 638.20 + 758.42 + 744.07 + 551.93 + 478.90 + 234.25 = 3 684.26;
///   + 40 (D441-5) + 10 000 = 13 724.26.
#[test]
fn contractual_rate_raised_to_the_floor() {
    let c = check(
        "below_floor_floor",
        Expected {
            segments: &[
                "2023-03-16 2023-06-30 107 10000.00 9.5 278.49",
                "2023-07-01 2023-12-31 184 10000.00 12.66 638.20",
                "2024-01-01 2024-06-30 182 10000.00 15.21 758.42",
                "2024-07-01 2024-12-31 184 10000.00 14.76 744.07",
                "2025-01-01 2025-06-30 181 10000.00 11.13 551.93",
                "2025-07-01 2025-12-31 184 10000.00 9.5 478.90",
                "2026-01-01 2026-03-31 90 10000.00 9.5 234.25",
            ],
            interest: "3684.26",
            indemnities: "40.00",
            total: "13724.26",
            daily: "2.60",
            notices: &["contractual_rate_raised_to_floor"; 4],
        },
    );
    assert_eq!(c.contractual_below_floor(), Some(BelowFloor::Floor));
    assert_eq!(
        bases(&c)[..3],
        [
            "2023-03-16 taux contractuel (C. com. L441-10)",
            "2023-07-01 taux contractuel de 9,50 % porté au plancher de trois fois le taux de l'intérêt légal 2e semestre 2023, 3 × 4,22 % (C. com. L441-10)",
            "2024-01-01 taux contractuel de 9,50 % porté au plancher de trois fois le taux de l'intérêt légal 1er semestre 2024, 3 × 5,07 % (C. com. L441-10)",
        ]
    );
    assert_eq!(
        c.notices[0].message(),
        "2e semestre 2023 : le taux contractuel (9,50 %) est inférieur à trois fois le taux de l'intérêt légal (12,66 %), taux minimal qu'un contrat peut fixer (C. com. L441-10) ; ce plancher est appliqué à sa place."
    );
}

/// `below_floor: "contractual"`: the clause's 9.50 % throughout, as versions 1 and 2 did,
/// with a notice for each of the four semesters below the floor.
///   10 000 × 9.50 % × 184 / 365 = 478.904… → 478.90   (2023 S2, 2024 S2)
///   10 000 × 9.50 % × 182 / 365 = 473.698… → 473.70   (2024 S1)
///   10 000 × 9.50 % × 181 / 365 = 471.095… → 471.10   (2025 S1)
///   sum 278.49 + 478.90 + 473.70 + 478.90 + 471.10 + 478.90 + 234.25 = 2 894.24;
///   + 40 + 10 000 = 12 934.24.
#[test]
fn contractual_rate_kept_below_the_floor() {
    let c = check(
        "below_floor_contractual",
        Expected {
            segments: &[
                "2023-03-16 2023-06-30 107 10000.00 9.5 278.49",
                "2023-07-01 2023-12-31 184 10000.00 9.5 478.90",
                "2024-01-01 2024-06-30 182 10000.00 9.5 473.70",
                "2024-07-01 2024-12-31 184 10000.00 9.5 478.90",
                "2025-01-01 2025-06-30 181 10000.00 9.5 471.10",
                "2025-07-01 2025-12-31 184 10000.00 9.5 478.90",
                "2026-01-01 2026-03-31 90 10000.00 9.5 234.25",
            ],
            interest: "2894.24",
            indemnities: "40.00",
            total: "12934.24",
            daily: "2.60",
            notices: &["contractual_rate_below_floor"; 4],
        },
    );
    assert_eq!(c.contractual_below_floor(), Some(BelowFloor::Contractual));
    assert!(bases(&c)
        .iter()
        .all(|b| b.ends_with(" taux contractuel (C. com. L441-10)")));
}

/// `below_floor: "default"`: in the four semesters below the floor, ECB + 10 points of the
/// semester (ECB on 1 July 2023 4.00, 1 January 2024 4.50, 1 July 2024 4.25, 1 January 2025
/// 3.15), even where that is below the floor too (2024: 14.50 and 14.25 < 15.21 and 14.76).
///   10 000 × 14.00 % × 184 / 365 = 705.753… → 705.75   (2023 S2)
///   10 000 × 14.50 % × 182 / 365 = 723.013… → 723.01   (2024 S1)
///   10 000 × 14.25 % × 184 / 365 = 718.356… → 718.36   (2024 S2)
///   10 000 × 13.15 % × 181 / 365 = 652.095… → 652.10   (2025 S1)
///   sum 278.49 + 705.75 + 723.01 + 718.36 + 652.10 + 478.90 + 234.25 = 3 790.86;
///   + 40 + 10 000 = 13 830.86.
#[test]
fn contractual_rate_below_the_floor_replaced_by_the_default_rate() {
    let c = check(
        "below_floor_default",
        Expected {
            segments: &[
                "2023-03-16 2023-06-30 107 10000.00 9.5 278.49",
                "2023-07-01 2023-12-31 184 10000.00 14 705.75",
                "2024-01-01 2024-06-30 182 10000.00 14.5 723.01",
                "2024-07-01 2024-12-31 184 10000.00 14.25 718.36",
                "2025-01-01 2025-06-30 181 10000.00 13.15 652.10",
                "2025-07-01 2025-12-31 184 10000.00 9.5 478.90",
                "2026-01-01 2026-03-31 90 10000.00 9.5 234.25",
            ],
            interest: "3790.86",
            indemnities: "40.00",
            total: "13830.86",
            daily: "2.60",
            notices: &["contractual_rate_replaced_by_default"; 4],
        },
    );
    assert_eq!(c.contractual_below_floor(), Some(BelowFloor::LegalDefault));
    assert_eq!(
        bases(&c)[1],
        "2023-07-01 taux contractuel de 9,50 % inférieur au plancher légal de 12,66 % : taux BCE 4,00 % au 01/07/2023 + 10 points (C. com. L441-10)"
    );
    assert_eq!(
        c.notices[1].message(),
        "1er semestre 2024 : le taux contractuel (9,50 %) est inférieur à trois fois le taux de l'intérêt légal (15,21 %), taux minimal qu'un contrat peut fixer (C. com. L441-10) ; le taux par défaut, taux de la BCE majoré de 10 points (14,50 %), est appliqué à sa place."
    );
}

/// What the letters read to word the rate: nothing below the floor in the seed case; in the
/// version-1 contractual case, a clause kept below it (the meaning that file always had).
#[test]
fn contractual_below_floor_summary_of_older_cases() {
    let computed = |name: &str| {
        let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        compute_str(&text, None).unwrap_or_else(|e| panic!("{name}: {e:?}"))
    };
    assert_eq!(computed("seed").contractual_below_floor(), None);
    assert_eq!(
        computed("contractual").contractual_below_floor(),
        Some(BelowFloor::Contractual)
    );
}

/// A public buyer (C. commande publique R2192-31): the ECB rate of 1 January 2025 (3.15 %, in
/// force from 18 December 2024) + 8 points = 11.15 % for a delay that began on 21 May 2025,
/// kept after 1 July; the payment of 4 000 on 10 August goes to interest first (C. civ.
/// 1343-1): 250.50, then 3 749.50 of principal.
///   10 000.00 × 11.15 % ×  41 / 365 = 125.246… → 125.25   (21 May – 30 Jun 2025)
///   10 000.00 × 11.15 % ×  41 / 365 = 125.246… → 125.25   (1 Jul – 10 Aug)
///    6 250.50 × 11.15 % × 143 / 365 = 273.044… → 273.04   (11 Aug – 31 Dec)
///   owed 273.04 + 40 (D2192-35) + 6 250.50 = 6 563.54; per day 6 250.50 × 11.15 % / 365 = 1.909… → 1.91.
/// Prescription (loi n° 68-1250): from the payment, through 31 December 2029: no notice.
#[test]
fn public_buyer() {
    check(
        "public_buyer",
        Expected {
            segments: &[
                "2025-05-21 2025-06-30 41 10000.00 11.15 125.25",
                "2025-07-01 2025-08-10 41 10000.00 11.15 125.25",
                "2025-08-11 2025-12-31 143 6250.50 11.15 273.04",
            ],
            interest: "273.04",
            indemnities: "40.00",
            total: "6563.54",
            daily: "1.91",
            notices: &[],
        },
    );
}

/// Rates the user entered beyond the shipped tables: the ECB rate of 2.90 % from 16 December
/// 2026 anchors the first half of 2027 (C. com. L441-10: 2.90 + 10 = 12.90 %), marked « user »
/// and named in a notice, not provisional.
///   10 000 × 12.40 % × 31 / 365 = 105.315… → 105.32   (Dec 2026, shipped ECB 2.40 % of 1 July)
///   10 000 × 12.90 % × 90 / 365 = 318.082… → 318.08   (1 Jan – 31 Mar 2027)
///   423.40 + 40 + 10 000 = 10 463.40; per day 10 000 × 12.90 % / 365 = 3.534… → 3.53.
#[test]
fn rates_entered_by_the_user() {
    let c = check(
        "user_rates",
        Expected {
            segments: &[
                "2026-12-01 2026-12-31 31 10000.00 12.4 105.32",
                "2027-01-01 2027-03-31 90 10000.00 12.9 318.08",
            ],
            interest: "423.40",
            indemnities: "40.00",
            total: "10463.40",
            daily: "3.53",
            notices: &["user_rate"],
        },
    );
    let status: Vec<&str> = c.invoices[0]
        .segments
        .iter()
        .map(|s| s.rate.status.code())
        .collect();
    assert_eq!(status, ["SRC-3P", "user"]);
}

/// Prescription against a consumer (C. conso. L218-2, 2 years), no interest without a formal
/// notice: A runs from its delivery (10 Sep 2023, before its invoice) and has run out; B starts
/// again at its partial payment (1 Mar 2024); C, with no issue date, at the written
/// acknowledgment of 1 June 2024 (C. civ. 2240), within 183 days of the calculation date.
#[test]
fn prescription_from_delivery_payment_and_acknowledgment() {
    let c = check(
        "prescription",
        Expected {
            segments: &[],
            interest: "0.00",
            indemnities: "0.00",
            total: "1500.00",
            daily: "0.00",
            notices: &[
                "prescription",
                "prescription",
                "prescription",
                "no_formal_notice",
            ],
        },
    );
    let terms: Vec<String> = c
        .notices
        .iter()
        .filter_map(|n| match n {
            Notice::Prescription {
                invoice,
                term,
                status,
            } => Some(format!("{invoice} {} {}", term.last_day, status.code())),
            _ => None,
        })
        .collect();
    assert_eq!(
        terms,
        [
            "A 2025-09-10 prescribed",
            "B 2026-03-01 soon",
            "C 2026-06-01 soon"
        ]
    );
}

#[cfg(feature = "judgment")]
/// The judgment's segments and what it still owes, as `judgment_check.py` (an independent
/// script reading the rate table itself) computes them.
#[track_caller]
fn judgment_case(name: &str, want_segments: &[&str], want_owed: [&str; 4]) -> Computation {
    let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let c = compute_str(&text, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let Some(j) = &c.judgment else {
        panic!("{name}: no judgment")
    };
    let segments: Vec<String> = j
        .segments
        .iter()
        .map(|s| {
            let rate = s.rate.percent.normalize();
            format!(
                "{} {} {} {} {rate} {}",
                s.from, s.to, s.days, s.base, s.interest
            )
        })
        .collect();
    assert_eq!(segments, want_segments, "{name}: segments");
    let t = &c.totals;
    let owed = [t.principal, t.interest, t.extra_costs, t.total].map(|d| d.to_string());
    assert_eq!(owed, want_owed, "{name}: base, interest, costs, total");
    assert_eq!(t.indemnities.to_string(), "0.00");
    let pinned = format!("{}\n", report::to_json(&c));
    expect_file![format!("golden/{name}.result.json")].assert_eq(&pinned);
    c
}

/// A judgment served on 2 April 2025: legal interest (autres cas) on 12 000 + 1 500 (CPC 700)
/// from 11 March 2025 (C. civ. 1231-7), + 5 points from 3 June (C. mon. fin. L313-3); the
/// payment of 3 000 on 15 September goes to the costs (120.50), the interest since (426.46),
/// the interest awarded (850), then the base (1 603.04); the 500 paid before the judgment is
/// left to it (notice).
#[test]
#[cfg(feature = "judgment")]
fn judgment_served_with_a_payment_across_the_increase() {
    let c = judgment_case(
        "judgment_served",
        &[
            "2025-03-11 2025-06-02 84 13500.00 3.71 115.26",
            "2025-06-03 2025-06-30 28 13500.00 8.71 90.20",
            "2025-07-01 2025-09-15 77 13500.00 7.76 221.00",
            "2025-09-16 2025-12-31 107 11896.96 7.76 270.64",
            "2026-01-01 2026-03-31 90 11896.96 7.62 223.53",
        ],
        ["11896.96", "494.17", "0.00", "12391.13"],
    );
    let codes: Vec<&str> = c.notices.iter().map(Notice::code).collect();
    assert_eq!(codes, ["payments_before_judgment"]);
    assert_eq!(c.daily_accrual.to_string(), "2.48");
}

/// A judgment never served: no increase; interest from the day after the date the judge set
/// (5 November 2024), before the judgment; a private creditor gets the particuliers rate.
#[test]
#[cfg(feature = "judgment")]
fn judgment_not_served_with_interest_from_before_it() {
    judgment_case(
        "judgment_not_served",
        &[
            "2024-11-06 2024-12-31 56 5000.00 8.16 62.60",
            "2025-01-01 2025-06-30 181 5000.00 7.21 178.77",
            "2025-07-01 2025-12-31 184 5000.00 6.65 167.62",
        ],
        ["5000.00", "408.99", "0.00", "5408.99"],
    );
}

/// Capitalisation (C. civ. 1343-2, issue 13): 10 000 € due 31 December 2022 at a contractual
/// 16 % (above three times the legal rate all along), capitalised on each 1 March from 2024,
/// 2 500 € paid on 15 September 2024 between two anniversaries. Every figure below is what the
/// independent `golden/capitalisation_check.py` prints:
///   on 1 March 2024, 793,42 + 806,58 + 263,01 = 1 863,01 € join the base (11 863,01 €);
///   the payment takes 634,43 + 400,42 = 1 034,85 € of simple interest, then 1 465,15 € of the
///   capitalised sum: base 10 000 + 1 863,01 − 1 465,15 = 10 397,86 €;
///   on 1 March 2025, 487,70 + 268,92 = 756,62 €; on 1 March 2026, 596,54 + 899,69 + 288,49 =
///   1 784,72 €; interest owed 6 131,18 − 2 500 = 3 631,18 €.
#[cfg(feature = "judgment")]
#[test]
fn capitalisation_over_three_anniversaries_with_a_payment_between() {
    let c = check(
        "capitalisation",
        Expected {
            segments: &[
                "2023-01-01 2023-06-30 181 10000.00 16 793.42",
                "2023-07-01 2023-12-31 184 10000.00 16 806.58",
                "2024-01-01 2024-02-29 60 10000.00 16 263.01",
                "2024-03-01 2024-06-30 122 11863.01 16 634.43",
                "2024-07-01 2024-09-15 77 11863.01 16 400.42",
                "2024-09-16 2024-12-31 107 10397.86 16 487.70",
                "2025-01-01 2025-02-28 59 10397.86 16 268.92",
                "2025-03-01 2025-06-30 122 11154.48 16 596.54",
                "2025-07-01 2025-12-31 184 11154.48 16 899.69",
                "2026-01-01 2026-02-28 59 11154.48 16 288.49",
                "2026-03-01 2026-06-30 122 12939.20 16 691.98",
            ],
            interest: "3631.18",
            indemnities: "40.00",
            total: "13671.18",
            daily: "5.67",
            notices: &[],
        },
    );
    let events: Vec<String> = c.invoices[0]
        .capitalisations
        .iter()
        .map(|e| format!("{} {}", e.date, e.amount))
        .collect();
    assert_eq!(
        events,
        [
            "2024-03-01 1863.01",
            "2025-03-01 756.62",
            "2026-03-01 1784.72"
        ]
    );
}

/// Capitalisation on a judgment (C. civ. 1343-2): 8 000 + 1 000 (CPC 700), 600 of interest
/// awarded, served on 3 April 2023 (+5 points from 4 June), capitalised on each 1 May from
/// 2024; 2 500 paid on 20 September 2024 between two anniversaries goes to the costs (90),
/// the interest since (407.15), the capitalised interest (1 408.93: the 600 awarded and the
/// 808.93 since, on 1 May 2024), then the base (593.92). Figures as `judgment_check.py`
/// prints them.
#[test]
#[cfg(feature = "judgment")]
fn judgment_capitalised_over_three_anniversaries_with_a_payment_between() {
    let c = judgment_case(
        "judgment_capitalised",
        &[
            "2023-03-11 2023-06-03 85 9000.00 2.06 43.18",
            "2023-06-04 2023-06-30 27 9000.00 7.06 47.00",
            "2023-07-01 2023-12-31 184 9000.00 9.22 418.31",
            "2024-01-01 2024-04-30 121 9000.00 10.07 300.44",
            "2024-05-01 2024-06-30 61 10408.93 10.07 175.18",
            "2024-07-01 2024-09-20 82 10408.93 9.92 231.97",
            "2024-09-21 2024-12-31 102 8406.08 9.92 233.03",
            "2025-01-01 2025-04-30 120 8406.08 8.71 240.71",
            "2025-05-01 2025-06-30 61 8879.82 8.71 129.26",
            "2025-07-01 2025-12-31 184 8879.82 7.76 347.37",
            "2026-01-01 2026-04-30 120 8879.82 7.62 222.46",
            "2026-05-01 2026-06-30 61 9578.91 7.62 121.99",
        ],
        ["8406.08", "1294.82", "0.00", "9700.90"],
    );
    let Some(j) = &c.judgment else {
        panic!("no judgment")
    };
    let events: Vec<String> = j
        .capitalisations
        .iter()
        .map(|e| format!("{} {}", e.date, e.amount))
        .collect();
    assert_eq!(
        events,
        [
            "2024-05-01 1408.93",
            "2025-05-01 473.74",
            "2026-05-01 699.09"
        ]
    );
    // A day more: 7.62 % on the base and the capitalised interest, 9 578.91 / 365.
    assert_eq!(c.daily_accrual.to_string(), "2.00");
}
