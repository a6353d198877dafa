//! The strategy model: the forum breakeven, the seed dossier's analysis, eligibility, the
//! timeline, and properties (probabilities in [0, 1], expected net bounded by what can be
//! recovered, monotone in every cost).

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::params::{params, Field, Slot, Unit};
use relance_engine::strategy::{
    analyse, breakeven, evaluate, thresholds, timeline, value_plan, Assumptions, Claim,
    MilestoneKind, Overrides, PathKind, StepKind, Versus,
};
use relance_engine::{compute, parse, RateTables, SEED_DOSSIER};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

fn eur(units: i64) -> Decimal {
    Decimal::from(units)
}

fn claim(principal: i64) -> Claim {
    Claim {
        regime: Regime::B2b,
        principal: eur(principal),
        extras: Decimal::ZERO,
        judgment: None,
    }
}

/// The forum figures: a lawsuit costs about 800 € and recovers about 65 %; an amicable reminder
/// succeeds 4 times out of 10 and costs almost nothing; with 10 hours of the creditor's time
/// at 50 €/h, escalating from the reminder to a lawsuit pays off from 2 000 €.
#[test]
fn escalating_to_a_lawsuit_pays_off_from_2000_euros_with_the_forum_figures() {
    let a = Assumptions::defaults(Regime::B2b);
    assert_eq!(a.step(StepKind::Lawsuit, Field::Cost), eur(800));
    assert_eq!(a.step(StepKind::Lawsuit, Field::Success), eur(65));
    assert_eq!(a.step(StepKind::Lawsuit, Field::Hours), eur(10));
    assert_eq!(a.step(StepKind::Reminder, Field::Success), eur(40));
    assert_eq!(a.get("global.hourly_rate"), Some(eur(50)));

    let amicable = [StepKind::Reminder];
    let escalate = [StepKind::Reminder, StepKind::Lawsuit];
    let found = breakeven(&escalate, Some(&amicable), claim(0), &a, eur(100_000));
    assert_eq!(found, Some(eur(2000)));

    // To the euro: at 1 999 € the reminder alone is better, at 2 000 € escalating is not worse.
    let net = |steps: &[StepKind], x| evaluate(steps, claim(x), &a).expected_net;
    assert!(net(&escalate, 1999) < net(&amicable, 1999));
    assert!(net(&escalate, 2000) >= net(&amicable, 2000));
    assert!(net(&escalate, 2001) > net(&amicable, 2001));
    // 0.4 × 2 000 − 25 (half an hour of reminder) = 775 €, for both ladders.
    assert_eq!(net(&amicable, 2000), eur(775));
    assert_eq!(net(&escalate, 2000), eur(775));
}

#[test]
fn a_costlier_lawsuit_moves_the_breakeven_up() {
    let mut a = Assumptions::defaults(Regime::B2b);
    assert!(a.set("fond.cost", eur(1100)));
    let found = breakeven(
        &[StepKind::Reminder, StepKind::Lawsuit],
        Some(&[StepKind::Reminder]),
        claim(0),
        &a,
        eur(100_000),
    );
    // (1 100 + 500) / 0.65 = 2 461.54 → 2 462 €.
    assert_eq!(found, Some(eur(2462)));
}

fn seed() -> (relance_engine::Dossier, relance_engine::Computation) {
    let dossier = parse::dossier(SEED_DOSSIER).expect("seed dossier reads");
    let computation = compute(&dossier, ymd(2026, 11, 22), &RateTables::builtin());
    (dossier, computation)
}

#[test]
fn the_seed_dossier_is_analysed() {
    let (dossier, computation) = seed();
    let s = analyse(&dossier, &computation, &Overrides::new(), ymd(2026, 11, 22));
    assert_eq!(s.claim.principal, eur(24_000));
    assert_eq!(s.claim.extras, Decimal::new(1_413_253, 2));
    // Every path open between professionals (none of a public buyer's).
    assert_eq!(s.paths.len(), 11);
    assert!(s.paths.iter().all(|p| p.path.open_to(s.claim.regime)));
    // 24 000 € is above the small-claims cap: that path is closed and listed last.
    let last = s.paths.last().expect("paths");
    assert_eq!(last.path, PathKind::SmallClaims);
    assert!(!last.eligible);
    assert!(last.blocked[0].contains("5 000 €"));
    // Open paths with known fees come first, by expected net; then the two whose fees are not
    // published (uncontested claims, référé-provision), which would otherwise win on a 0 € fee.
    // « Ne plus rien faire », the baseline, is always there: open, known fees, 0 € here.
    let open: Vec<_> = s.paths.iter().filter(|p| p.eligible).collect();
    assert_eq!(open.len(), 10);
    let (known, unknown) = open.split_at(8);
    let abandon = known.last().expect("known paths");
    assert_eq!(abandon.path, PathKind::Abandon);
    assert_eq!(abandon.outcome.expected_net, Decimal::ZERO);
    assert!(known.iter().all(|p| p.outcome.unknown_fees.is_empty()));
    assert!(known
        .windows(2)
        .all(|w| w[0].outcome.expected_net >= w[1].outcome.expected_net));
    let unknown: Vec<_> = unknown.iter().map(|p| p.path).collect();
    assert_eq!(unknown, [PathKind::ProvisionalOrder, PathKind::Uncontested]);
    assert_eq!(s.best().map(|p| p.path), Some(PathKind::PaymentOrder));
    assert!(s.paths[8].warnings.iter().any(|w| w.code == "unknown-fees"));
    // A lawyer is mandatory for a lawsuit above 10 000 €.
    let lawsuit = s
        .paths
        .iter()
        .find(|p| p.path == PathKind::Lawsuit)
        .expect("lawsuit");
    assert!(lawsuit.warnings.iter().any(|w| w.code == "lawyer"));
    // The prescription date is at the latest five years after the invoice (4 March 2022): the
    // period runs from the end of the service, which comes before the invoice.
    assert!(s
        .warnings
        .iter()
        .any(|w| w.code == "prescription" && w.message.contains("04/03/2027 au plus tard")));
    assert!(s.warnings.iter().any(|w| w.code == "court"));
    // Chart: one series per path open to the claim, the claim marked, the axis up to 50 000 €.
    assert_eq!(s.chart.series.len(), s.paths.len());
    assert_eq!(s.chart.claim, eur(24_000));
    assert_eq!(s.chart.amounts.last(), Some(&eur(50_000)));
    assert!(s
        .chart
        .breakevens
        .iter()
        .any(|b| b.path == PathKind::Lawsuit && b.versus == Versus::Amicable));
    // Sensitivity: the base scenario first, with the same ranking as the table.
    assert_eq!(s.sensitivity[0].code, "base");
    assert_eq!(s.sensitivity[0].ranking[0].0, open[0].path);
    assert!(!s.sensitivity[0].best_changed);
}

#[test]
fn the_small_claims_path_opens_under_5000_and_uncontested_claims_need_traders() {
    let a = Assumptions::defaults(Regime::B2c);
    let small = Claim {
        regime: Regime::B2c,
        principal: eur(1500),
        extras: eur(20),
        judgment: None,
    };
    let ranked = relance_engine::strategy::rank(small, &a);
    let find = |p: PathKind| ranked.iter().find(|r| r.path == p).expect("path");
    assert!(find(PathKind::SmallClaims).eligible);
    assert!(!find(PathKind::Uncontested).eligible);
    assert!(find(PathKind::Uncontested).blocked[0].contains("commerçants"));
    // Consumer, 5 000 € or less: the compulsory amicable attempt before a lawsuit.
    assert!(find(PathKind::Lawsuit)
        .warnings
        .iter()
        .any(|w| w.code == "amicable-attempt"));
}

#[test]
fn editing_an_assumption_changes_the_ranking() {
    let (dossier, computation) = seed();
    let base = analyse(&dossier, &computation, &Overrides::new(), ymd(2026, 11, 22));
    let best = base.best().expect("an open path").path;
    let mut overrides = Overrides::new();
    // Make the best path's distinctive step hopeless.
    for step in best.steps() {
        overrides.insert(format!("{}.success", step.code()), Decimal::ZERO);
    }
    let changed = analyse(&dossier, &computation, &overrides, ymd(2026, 11, 22));
    assert_ne!(changed.best().expect("an open path").path, best);
}

#[test]
fn the_timeline_dates_the_payment_order_path() {
    let (dossier, computation) = seed();
    let a = Assumptions::defaults(Regime::B2b);
    let today = ymd(2026, 11, 22);
    let t = timeline(PathKind::PaymentOrder, &dossier, &computation, &a, today);
    assert_eq!(t[0].date, today);
    assert_eq!(t[0].kind, MilestoneKind::Action);
    assert!(t.iter().any(|m| m.title.contains("mise en demeure")));
    assert!(t.iter().any(|m| m.title.contains("injonction de payer")));
    assert!(t.iter().any(|m| m.title.contains("saisie-attribution")));
    // Each step's milestones name it, for the page's links to the documents.
    let step_of = |words: &str| {
        t.iter()
            .find(|m| m.title.contains(words))
            .and_then(|m| m.step)
    };
    assert_eq!(step_of("injonction de payer"), Some(StepKind::PaymentOrder));
    assert_eq!(step_of("saisie-attribution"), Some(StepKind::Enforcement));
    let p = t
        .iter()
        .find(|m| m.kind == MilestoneKind::Prescription)
        .expect("prescription milestone");
    assert_eq!(p.date, ymd(2027, 3, 4));
    assert!(p.detail.contains("pas le dépôt de la requête"));
    assert!(t.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn a_formal_notice_already_sent_is_shown_as_done() {
    let (mut dossier, _) = seed();
    dossier.options.formal_notice_date = Some(ymd(2026, 11, 10));
    let computation = compute(&dossier, ymd(2026, 11, 22), &RateTables::builtin());
    let a = Assumptions::defaults(Regime::B2b);
    let t = timeline(
        PathKind::PaymentOrder,
        &dossier,
        &computation,
        &a,
        ymd(2026, 11, 22),
    );
    assert_eq!(t[0].kind, MilestoneKind::Done);
    assert_eq!(t[0].date, ymd(2026, 11, 10));
    assert!(!t.iter().any(|m| m.title.starts_with("Relancer")));
}

#[test]
fn overrides_round_trip_through_the_dossier_file_and_bad_ones_are_named() {
    let (mut dossier, _) = seed();
    dossier.strategy.insert("fond.cost".into(), eur(1200));
    dossier
        .strategy
        .insert("global.insolvency".into(), Decimal::new(125, 1));
    let back = parse::dossier(&dossier.to_json()).expect("round trip");
    assert_eq!(back, dossier);

    let bad = SEED_DOSSIER.trim_end().trim_end_matches('}').to_owned()
        + r#","strategy":{"assumptions":{"fond.success":"150","nope.cost":"1"}}}"#;
    let errors = parse::dossier(&bad).expect_err("refused");
    let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"strategy.assumptions.fond.success"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"strategy.assumptions.nope.cost"),
        "{paths:?}"
    );
}

#[test]
fn a_payment_plan_is_worth_less_than_a_lump_sum_when_it_may_stop() {
    let mut a = Assumptions::defaults(Regime::B2b);
    assert!(a.set("plan.default", eur(20)));
    let v = value_plan(eur(3000), &a);
    assert!(v.expected_value < v.present_value);
    assert!(v.equivalent_discount > Decimal::ZERO);
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Random assumptions: every parameter drawn within its range.
fn assumptions() -> impl Strategy<Value = Assumptions> {
    let ps = params(Regime::B2b);
    let n = ps.len();
    (prop::collection::vec(0u32..=10_000, n), any::<bool>()).prop_map(move |(draws, b2c)| {
        let regime = if b2c { Regime::B2c } else { Regime::B2b };
        let mut a = Assumptions::defaults(regime);
        for (p, draw) in ps.iter().zip(draws) {
            let value = match p.unit {
                Unit::Percent | Unit::PercentPerYear => Decimal::new(i64::from(draw), 2),
                Unit::Count => Decimal::from(1 + draw % 12),
                Unit::Days => Decimal::from(draw % 1000),
                Unit::Hours => Decimal::new(i64::from(draw), 1),
                Unit::Euro | Unit::EuroPerHour => Decimal::from(draw),
            };
            a.set(&p.id, value);
        }
        a
    })
}

fn claims() -> impl Strategy<Value = Claim> {
    (0i64..500_000_000, 0i64..100_000_000, 0u8..3).prop_map(|(p, e, r)| Claim {
        regime: match r {
            0 => Regime::B2b,
            1 => Regime::B2c,
            _ => Regime::Public,
        },
        principal: Decimal::new(p, 2),
        extras: Decimal::new(e, 2),
        judgment: None,
    })
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn probabilities_stay_between_0_and_1(a in assumptions(), c in claims()) {
        for path in PathKind::ALL {
            let o = evaluate(path.steps(), c, &a);
            prop_assert!(o.probability_paid >= Decimal::ZERO && o.probability_paid <= Decimal::ONE);
            let mut paid = Decimal::ZERO;
            for s in &o.steps {
                prop_assert!(s.reached >= Decimal::ZERO && s.reached <= Decimal::ONE);
                prop_assert!(s.paid >= Decimal::ZERO && s.paid <= s.reached);
                paid += s.paid;
            }
            prop_assert!(paid <= Decimal::ONE);
        }
    }

    #[test]
    fn expected_net_never_exceeds_the_claim_plus_what_the_debtor_can_be_made_to_bear(
        a in assumptions(), c in claims()
    ) {
        for path in PathKind::ALL {
            let o = evaluate(path.steps(), c, &a);
            // Fees the debtor is ordered to bear (tariff acts are dépens; the editable fees their
            // share): rounded per step, hence the cent.
            let borne: Decimal = o
                .steps
                .iter()
                .map(|s| {
                    s.tariff
                        + (s.fees - s.tariff) * a.step(s.step, Field::Recoverable)
                            / Decimal::ONE_HUNDRED
                })
                .sum();
            let bound = c.total() + borne + Decimal::new(1, 2);
            prop_assert!(o.expected_net <= bound, "{path:?}: {} > {bound}", o.expected_net);
            prop_assert!(o.best_case <= bound);
        }
    }

    #[test]
    fn raising_a_step_cost_never_raises_the_path_expected_net(
        a in assumptions(), c in claims(), extra in 1u32..100_000, which in 0usize..64
    ) {
        // Every path with a step (« Ne plus rien faire » has none).
        for path in PathKind::ALL.into_iter().filter(|p| !p.steps().is_empty()) {
            let steps = path.steps();
            let step = steps[which % steps.len()];
            let before = evaluate(steps, c, &a).expected_net;
            let mut dearer = a.clone();
            for field in [Field::Cost, Field::Hours] {
                let id = format!("{}.{}", step.code(), field.code());
                let value = a.step(step, field) + Decimal::from(extra);
                if !dearer.set(&id, value) {
                    continue;
                }
                let after = evaluate(steps, c, &dearer).expected_net;
                prop_assert!(after <= before, "{path:?} {id}: {after} > {before}");
            }
        }
    }

    /// Issue 18: ranges hold the central figures; no consent-based path is likelier to pay than
    /// the injonction de payer for the same claim; a path's expected delay lies within its own
    /// calendar; one more step never lowers the expected costs.
    #[test]
    fn ranges_consent_delays_and_costs_hold_together(a in assumptions(), c in claims()) {
        let mut ranked = relance_engine::strategy::rank(c, &a);
        relance_engine::strategy::with_ranges(&mut ranked, c, &a);
        for p in ranked {
            let o = &p.outcome;
            prop_assert!(p.probability_range.0 <= o.probability_paid && o.probability_paid <= p.probability_range.1);
            prop_assert!(p.net_range.0 <= o.expected_net && o.expected_net <= p.net_range.1);
            if let (Some(days), Some(first), Some(last)) = (o.expected_days, o.steps.first(), o.steps.last()) {
                prop_assert!(first.ends.floor() <= days && days <= last.ends.ceil(), "{:?}: {days}", p.path);
            }
            let steps = p.path.steps();
            for k in 1..steps.len() {
                let shorter = evaluate(&steps[..k], c, &a).expected_costs;
                let longer = evaluate(&steps[..=k], c, &a).expected_costs;
                prop_assert!(longer >= shorter, "{:?} {k}: {longer} < {shorter}", p.path);
            }
        }
        let title = evaluate(PathKind::PaymentOrder.steps(), c, &a).probability_paid;
        for consent in [PathKind::Mediation, PathKind::ConventionalMediation, PathKind::SmallClaims] {
            let o = evaluate(consent.steps(), c, &a);
            prop_assert!(o.probability_paid <= title, "{consent:?}: {} > {title}", o.probability_paid);
        }
    }

    /// A dearer step never pays off sooner; a likelier one never later.
    #[test]
    fn thresholds_follow_cost_and_chance(a in assumptions(), c in claims(), which in 0usize..64, extra in 1u32..10_000) {
        let with_steps: Vec<PathKind> = PathKind::ALL.into_iter().filter(|p| !p.steps().is_empty()).collect();
        let path = with_steps[which % with_steps.len()];
        let steps = path.steps();
        let i = which % steps.len();
        let step = steps[i];
        let base = thresholds(steps, c, &a)[i];
        let mut dearer = a.clone();
        if dearer.set(&format!("{}.cost", step.code()), a.step(step, Field::Cost) + Decimal::from(extra)) {
            let after = thresholds(steps, c, &dearer)[i];
            // `None` (never) counts as the highest threshold.
            prop_assert!(after.is_none() || (base.is_some() && after >= base), "{path:?} {step:?}: {after:?} < {base:?}");
        }
        let mut likelier = a.clone();
        let success = (a.step(step, Field::Success) + Decimal::TEN).min(Decimal::ONE_HUNDRED);
        if likelier.set(&format!("{}.success", step.code()), success) {
            let after = thresholds(steps, c, &likelier)[i];
            prop_assert!(base.is_none() || (after.is_some() && after <= base), "{path:?} {step:?}: {after:?} > {base:?}");
        }
    }

    #[test]
    fn analyse_never_panics_and_ranks_open_paths_first(a in assumptions(), c in claims()) {
        let ranked = relance_engine::strategy::rank(c, &a);
        prop_assert_eq!(ranked.len(), PathKind::ALL.iter().filter(|p| p.open_to(c.regime)).count());
        let first_closed = ranked.iter().position(|p| !p.eligible).unwrap_or(ranked.len());
        prop_assert!(ranked[first_closed..].iter().all(|p| !p.eligible));
        let plan = value_plan(c.principal, &a);
        prop_assert!(plan.expected_value <= plan.present_value);
        prop_assert!(plan.present_value <= c.principal);
    }
}

#[test]
fn every_parameter_is_addressable() {
    for p in params(Regime::B2b) {
        if let Slot::Step(step, field) = p.slot {
            assert_eq!(p.id, format!("{}.{}", step.code(), field.code()));
        }
    }
}

#[test]
fn a_path_that_lets_the_claim_be_prescribed_says_so() {
    let (dossier, computation) = seed();
    // Last day to act 4 March 2027 at the latest: 102 days after 22 November 2026.
    let s = analyse(&dossier, &computation, &Overrides::new(), ymd(2026, 11, 22));
    let risk = |p: PathKind| {
        s.paths
            .iter()
            .find(|r| r.path == p)
            .expect("path")
            .warnings
            .iter()
            .any(|w| w.code == "prescription-risk")
    };
    // Amicable ladders never interrupt it; mediation then a plan take 150 days.
    assert!(risk(PathKind::AmicableOnly));
    assert!(risk(PathKind::Mediation));
    // The injonction de payer is served after about 45 days: in time.
    assert!(!risk(PathKind::PaymentOrder));

    // The clock first: 102 days from the last day, no more friendly reminder; the plan starts
    // by saying so, and a step still under way after the last day says it too.
    let a = Assumptions::defaults(Regime::B2b);
    let plan_on = |today| timeline(PathKind::PaymentOrder, &dossier, &computation, &a, today);
    let t = plan_on(ymd(2026, 11, 22));
    assert!(!t.iter().any(|m| m.title.starts_with("Relancer")));
    assert_eq!(
        t[0].title,
        "Prescription proche : pas de nouvelle relance amiable"
    );
    assert!(t[0].detail.contains("04/03/2027") && t[0].detail.contains("C. civ. 2240"));
    // The mise en demeure comes first, today.
    assert!(t[1].title.starts_with("Envoyer la mise en demeure") && t[1].date == ymd(2026, 11, 22));
    let late: Vec<&str> = t
        .iter()
        .filter(|m| m.date > ymd(2027, 3, 4) && m.kind != MilestoneKind::Prescription)
        .map(|m| m.detail.as_str())
        .collect();
    assert!(
        !late.is_empty()
            && late
                .iter()
                .all(|d| d.contains("Attention : après le 04/03/2027"))
    );
    // Far from the last day (a year earlier), the plan still starts with a reminder.
    let early = plan_on(ymd(2025, 11, 22));
    assert_eq!(early[0].title, "Relancer le débiteur");

    // Its service deadline is brought to the last day to act (C. civ. 2229).
    let serve = t
        .iter()
        .find(|m| m.title.starts_with("Faire signifier"))
        .expect("service deadline");
    assert_eq!(serve.date, ymd(2027, 3, 4));
    assert!(serve.title.contains("avant la prescription"));
}
