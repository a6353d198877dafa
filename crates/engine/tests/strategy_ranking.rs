//! Which paths are open, how they rank, where they start to pay off and how the ranking moves
//! when the assumptions move (the sensitivity scenarios), with the documented defaults.

use std::str::FromStr;

use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::{
    analyse, blocked, breakeven, Assumptions, Breakeven, Claim, Overrides, PathKind, StepKind,
    Versus,
};
use relance_engine::{compute, parse, RateTables, SEED_DOSSIER};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal constant")
}

fn claim(regime: Regime, principal: &str, extras: &str) -> Claim {
    Claim {
        regime,
        principal: d(principal),
        extras: d(extras),
        judgment: None,
    }
}

fn seed_strategy(overrides: &Overrides) -> relance_engine::strategy::Strategy {
    let dossier = parse::dossier(SEED_DOSSIER).expect("seed dossier reads");
    let today = dossier.as_of.expect("seed has a date");
    let c = compute(&dossier, today, &RateTables::builtin());
    analyse(&dossier, &c, overrides, today)
}

/// CPCE R125-1: the small-claims procedure takes claims of 5 000 € at most, interest included:
/// 4 900 € + 100 € is open, one more cent is not.
#[test]
fn small_claims_are_open_up_to_5000_euros_interest_included() {
    let at_cap = claim(Regime::B2b, "4900", "100");
    assert!(blocked(PathKind::SmallClaims, at_cap).is_empty());
    let above = claim(Regime::B2b, "4900", "100.01");
    assert_eq!(
        blocked(PathKind::SmallClaims, above),
        ["réservée aux créances de 5 000 € au plus, intérêts compris (CPCE R125-1)"]
    );
    // Other paths are not capped.
    assert!(blocked(PathKind::Lawsuit, above).is_empty());
    assert!(blocked(PathKind::Uncontested, above).is_empty());
    // CPCE L126-1: the uncontested-claims procedure is for traders only.
    assert_eq!(
        blocked(PathKind::Uncontested, claim(Regime::B2c, "100", "0")),
        ["réservée aux créances entre commerçants (CPCE L126-1)"]
    );
    assert!(blocked(PathKind::SmallClaims, claim(Regime::B2c, "100", "0")).is_empty());
    assert!(blocked(PathKind::PaymentOrder, claim(Regime::B2c, "100", "0")).is_empty());
}

/// The seed dossier's ranking: open paths with known fees by expected net (the injonction de
/// payer first), then the two with an unpublished fee by expected net, then the closed
/// small-claims path.
#[test]
fn the_seed_ranking_puts_unknown_fees_after_known_ones() {
    let s = seed_strategy(&Overrides::new());
    let order: Vec<(PathKind, Decimal)> = s
        .paths
        .iter()
        .map(|p| (p.path, p.outcome.expected_net))
        .collect();
    assert_eq!(
        order,
        [
            (PathKind::PaymentOrder, d("24115.54")),
            (PathKind::Lawsuit, d("22776.55")),
            (PathKind::Mediation, d("18555.50")),
            (PathKind::ConventionalMediation, d("17805.50")),
            (PathKind::FormalNotice, d("13861.33")),
            (PathKind::AmicableOnly, d("9575.00")),
            (PathKind::Agency, d("8110.00")),
            (PathKind::Abandon, d("0.00")),
            (PathKind::ProvisionalOrder, d("23722.54")),
            (PathKind::Uncontested, d("23688.32")),
            (PathKind::SmallClaims, d("23688.32")),
        ]
    );
    assert_eq!(s.best().map(|p| p.path), Some(PathKind::PaymentOrder));
}

/// The sensitivity scenarios move every probability or every editable cost and hour. On the
/// seed's relance amiable (24 000 €, 40 %, half an hour at 50 €): 0.4 × 24 000 − 25 = 9 575 €;
/// 30 % and 20 % chances: 7 175 € and 4 775 €; 50 %: 11 975 €; 15, 37.5 and 50 € of time:
/// 9 587.50, 9 562.50 and 9 550 €; insolvent 3 times in 10: 0.7 × 9 575 − 0.3 × 25 = 6 695 €.
#[test]
fn each_scenario_scales_probabilities_costs_or_insolvency() {
    let s = seed_strategy(&Overrides::new());
    let codes: Vec<(&str, &str)> = s.sensitivity.iter().map(|x| (x.code, x.label)).collect();
    assert_eq!(
        codes,
        [
            ("base", "Vos hypothèses"),
            ("success-75", "Chances de paiement −25 %"),
            ("success-50", "Chances de paiement −50 %"),
            ("success-125", "Chances de paiement +25 %"),
            ("costs-50", "Frais saisis et temps −50 %"),
            ("costs-150", "Frais saisis et temps +50 %"),
            ("costs-200", "Frais saisis et temps × 2"),
            ("insolvency-30", "Débiteur insolvable 3 fois sur 10"),
        ]
    );
    let amicable: Vec<Decimal> = s
        .sensitivity
        .iter()
        .map(|x| {
            x.ranking
                .iter()
                .find(|r| r.0 == PathKind::AmicableOnly)
                .expect("the amicable path is open")
                .1
        })
        .collect();
    assert_eq!(
        amicable,
        ["9575", "7175", "4775", "11975", "9587.5", "9562.5", "9550", "6695"].map(d)
    );
    // Doubled costs are not capped: the lawsuit costs 1 600 € and 20 hours (22 164.53 €
    // instead of 22 776.55 €; the lawyer's
    // 2 200 € above 10 000 € is a global figure, not scaled).
    let lawsuit = |code: &str| {
        let sc = s.sensitivity.iter().find(|x| x.code == code).expect(code);
        sc.ranking
            .iter()
            .find(|r| r.0 == PathKind::Lawsuit)
            .expect("open")
            .1
    };
    assert_eq!(lawsuit("base"), d("22776.55"));
    assert_eq!(lawsuit("costs-200"), d("22164.53"));
    // Only open paths are ranked: the small-claims path is closed to 38 132.53 €.
    assert!(s
        .sensitivity
        .iter()
        .all(|x| x.ranking.len() == 10 && x.ranking.iter().all(|r| r.0 != PathKind::SmallClaims)));
    // The injonction de payer stays the best path in every scenario.
    assert!(s.sensitivity.iter().all(|x| !x.best_changed));
    assert!(s
        .sensitivity
        .iter()
        .all(|x| x.ranking[0].0 == PathKind::PaymentOrder));
}

/// A raised chance of payment is capped at 100 %: at 90 %, the +25 % scenario pays the whole
/// 24 000 € at the reminder (24 000 − 25 = 23 975 €), never more.
#[test]
fn a_raised_chance_of_payment_is_capped_at_certainty() {
    let mut o = Overrides::new();
    o.insert("relance.success".to_owned(), d("90"));
    let s = seed_strategy(&o);
    let sc = s
        .sensitivity
        .iter()
        .find(|x| x.code == "success-125")
        .expect("scenario");
    let amicable = sc
        .ranking
        .iter()
        .find(|r| r.0 == PathKind::AmicableOnly)
        .expect("open");
    assert_eq!(amicable.1, d("23975"));
    // Every ladder that starts with the reminder is then paid there (23 975 €); ties keep the
    // order of the paths, the reminder alone first, so the best path changes.
    assert!(sc.best_changed);
    assert_eq!(sc.ranking[0].0, PathKind::AmicableOnly);
}

/// The breakevens of the seed's chart, by hand for the amicable ladders, a failed amicable step
/// leaving 75 % of the next one's chance (`global.amicable_decay`) and consent steps together
/// within the injonction's 65 %:
/// relance 0.4 x − 25 ≥ 0 from 62.5 → 63 €; mise en demeure (0.4 × 0.75 = 0.3) 0.58 x − 58.666
/// ≥ 0 from 101.15 → 102 €, better than the relance alone when 0.18 x ≥ 0.6 × 56.11, from
/// 187.03 → 188 €; agency 0.4 × 0.85 x ≥ 50 from 147.06 → 148 € (never compared with the
/// relance: it replaces it); mediation 0.7 × 0.75 = 0.525, then a plan 0.4 × 0.75² = 0.225
/// (under the cap 1 − 0.35 / 0.475): paid 0.779125, costs 25 + 0.6 × 150 + 0.285 × 100 =
/// 143.5, from 184.18 → 185 €, better than the relance from 0.379125 x ≥ 118.5 → 313 €; paid
/// mediation (1 100 € and 6 h): 0.779125 x ≥ 893.5 → 1 147 €, 0.379125 x ≥ 868.5 → 2 291 €.
#[test]
fn breakevens_are_found_to_the_euro() {
    let s = seed_strategy(&Overrides::new());
    let find = |path, versus| {
        s.chart
            .breakevens
            .iter()
            .find(|b: &&Breakeven| b.path == path && b.versus == versus)
            .map(|b| b.amount)
    };
    assert_eq!(find(PathKind::AmicableOnly, Versus::Zero), Some(d("63")));
    assert_eq!(find(PathKind::AmicableOnly, Versus::Amicable), None);
    assert_eq!(find(PathKind::FormalNotice, Versus::Zero), Some(d("102")));
    assert_eq!(
        find(PathKind::FormalNotice, Versus::Amicable),
        Some(d("188"))
    );
    assert_eq!(find(PathKind::Agency, Versus::Zero), Some(d("148")));
    assert_eq!(find(PathKind::Agency, Versus::Amicable), None);
    assert_eq!(find(PathKind::Mediation, Versus::Zero), Some(d("185")));
    assert_eq!(find(PathKind::Mediation, Versus::Amicable), Some(d("313")));
    assert_eq!(
        find(PathKind::ConventionalMediation, Versus::Zero),
        Some(d("1147"))
    );
    assert_eq!(
        find(PathKind::ConventionalMediation, Versus::Amicable),
        Some(d("2291"))
    );
    assert_eq!(s.chart.breakevens.len(), 18);
}

/// A ladder that costs nothing pays off from the first euro: no breakeven to show. One that
/// never pays never breaks even.
#[test]
fn no_breakeven_when_a_ladder_always_or_never_pays_off() {
    let steps = [StepKind::Reminder];
    let zero = claim(Regime::B2b, "0", "0");
    let mut free = Assumptions::defaults(Regime::B2b);
    assert!(free.set("relance.hours", Decimal::ZERO));
    assert_eq!(breakeven(&steps, None, zero, &free, d("10000")), None);
    let mut hopeless = Assumptions::defaults(Regime::B2b);
    assert!(hopeless.set("relance.success", Decimal::ZERO));
    assert_eq!(breakeven(&steps, None, zero, &hopeless, d("10000")), None);
    let a = Assumptions::defaults(Regime::B2b);
    assert_eq!(breakeven(&steps, None, zero, &a, d("10000")), Some(d("63")));
    // Beyond the axis, not found: 63 € is above 50 €.
    assert_eq!(breakeven(&steps, None, zero, &a, d("50")), None);
}

/// The chart's small-claims series stops where the path closes: its points above 5 000 € of
/// claim (principal and accessories in the seed's proportion) are empty; a small-claims fee of
/// 10 000 € never pays off before the path closes, so it has no breakeven.
#[test]
fn a_closed_path_has_no_points_and_no_breakeven_beyond_its_cap() {
    let mut o = Overrides::new();
    o.insert("pspc.cost".to_owned(), d("10000"));
    let s = seed_strategy(&o);
    let series = s
        .chart
        .series
        .iter()
        .find(|x| x.path == PathKind::SmallClaims)
        .expect("series");
    // The axis goes by 1 000 €; with 14 132.53 / 24 000 of accessories, 3 000 € of principal
    // is a 4 766.57 € claim, 4 000 € a 6 355.42 € one.
    assert_eq!(s.chart.amounts[3], d("3000"));
    assert!(series.points[3].is_some());
    assert!(series.points[4..].iter().all(Option::is_none));
    assert!(s
        .chart
        .breakevens
        .iter()
        .all(|b| b.path != PathKind::SmallClaims));
}
