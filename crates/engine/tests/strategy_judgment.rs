//! Stratégie after a judgment (issue 13): only the enforcement of the decision, each step with
//! its tariff, the service first when the decision is not served, the ten years to enforce.
#![cfg(feature = "judgment")]

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy::MidpointAwayFromZero};

use relance_engine::compute::Regime;
use relance_engine::strategy::params::{params, Basis, Field, Slot};
use relance_engine::strategy::{
    analyse, evaluate, service_fee, timeline, Assumptions, Claim, Global, Judged, MilestoneKind,
    Overrides, PathKind, Setting, StepKind, Versus,
};
use relance_engine::{compute, parse, Dossier, RateTables};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

fn golden(name: &str, as_of: NaiveDate) -> (Dossier, relance_engine::Computation) {
    let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("golden dossier");
    let dossier = parse::dossier(&text).expect("valid dossier");
    let c = compute(&dossier, as_of, &RateTables::builtin());
    (dossier, c)
}

fn judged(served: bool, principal: i64) -> Claim {
    Claim {
        regime: Regime::B2b,
        principal: Decimal::from(principal),
        extras: Decimal::from(principal / 10),
        judgment: Some(Judged { served }),
    }
}

/// The commissaire de justice's émoluments, HT (legal-reference §4.7): serving a decision, a
/// saisie-attribution act, a commandement de payer before a saisie-vente.
fn emolument(text: &str) -> Decimal {
    text.parse().expect("a constant amount")
}

const JUDGED: Setting = Setting {
    regime: Regime::B2b,
    judged: true,
};

#[test]
fn after_a_judgment_only_its_enforcement_is_compared() {
    let (d, c) = golden("judgment_served", ymd(2026, 3, 31));
    let s = analyse(&d, &c, &Overrides::new(), ymd(2026, 3, 31));
    assert_eq!(s.claim.judgment, Some(Judged { served: true }));
    let mut codes: Vec<&str> = s.paths.iter().map(|p| p.path.code()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "abandon",
            "demande-execution",
            "saisie-attribution",
            "saisie-vente"
        ]
    );
    // No reminder, no court: the decision is the title.
    for p in &s.paths {
        for step in p.path.steps() {
            assert!(
                matches!(
                    step,
                    StepKind::ExecutionDemand | StepKind::Enforcement | StepKind::SaleSeizure
                ),
                "{step:?}"
            );
        }
    }
    assert_eq!(s.best().map(|p| p.path), Some(PathKind::ExecutionDemand));
    // Breakevens against zero only: the reminder alone is no longer a path to beat.
    assert!(!s.chart.breakevens.is_empty());
    assert!(
        s.chart.breakevens.iter().all(|b| b.versus == Versus::Zero),
        "{:?}",
        s.chart.breakevens
    );
    let codes: Vec<&str> = s.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"judgment"), "{codes:?}");
    assert!(!codes.contains(&"court"), "{codes:?}");
    // Served: the six months of CPC 478 do not matter.
    assert!(!codes.contains(&"judgment-service"), "{codes:?}");
}

/// CPC 478: a decision by default not served within six months is void; said before any cost.
#[test]
fn a_decision_unserved_for_six_months_may_be_void() {
    let (d, c) = golden("judgment_not_served", ymd(2025, 12, 31));
    let warned = |today: NaiveDate| {
        analyse(&d, &c, &Overrides::new(), today)
            .warnings
            .iter()
            .any(|w| w.code == "judgment-service" && w.message.contains("CPC 478"))
    };
    // Decision of 20/02/2025: six months end on 20/08/2025.
    assert!(warned(ymd(2025, 12, 31)));
    assert!(warned(ymd(2025, 8, 21)));
    assert!(!warned(ymd(2025, 8, 20)));
    assert!(!warned(ymd(2025, 3, 1)));
}

#[test]
fn the_enforcement_paths_are_closed_before_a_judgment_and_against_a_public_buyer() {
    for path in [
        PathKind::ExecutionDemand,
        PathKind::Seizure,
        PathKind::SaleSeizure,
    ] {
        for regime in [Regime::B2b, Regime::B2c, Regime::Public] {
            assert!(!path.open_to(regime), "{path:?} {regime:?}");
        }
        assert!(path.open_to(JUDGED));
        assert!(path.open_to(Setting {
            regime: Regime::B2c,
            judged: true
        }));
        // A public person's property cannot be seized (CGPPP L2311-1).
        assert!(!path.open_to(Setting {
            regime: Regime::Public,
            judged: true
        }));
    }
    for path in PathKind::ALL {
        let after = matches!(
            path,
            PathKind::ExecutionDemand
                | PathKind::Seizure
                | PathKind::SaleSeizure
                | PathKind::Abandon
        );
        assert_eq!(path.open_to(JUDGED), after, "{path:?}");
    }
}

#[test]
fn a_decision_not_served_is_served_before_the_seizure() {
    let a = Assumptions::defaults(JUDGED);
    let total = judged(true, 5000).total();
    let served = evaluate(PathKind::Seizure.steps(), judged(true, 5000), &a);
    let not_served = evaluate(PathKind::Seizure.steps(), judged(false, 5000), &a);
    assert_eq!(
        not_served.cost_at_risk - served.cost_at_risk,
        (service_fee(emolument("25.79"), total)).round_dp_with_strategy(2, MidpointAwayFromZero)
    );
    // Served at once, whatever the path: with the demand first, its fee is the letter's step's.
    let demand = |served| {
        evaluate(PathKind::ExecutionDemand.steps(), judged(served, 5000), &a).steps[0].tariff
    };
    assert_eq!(
        demand(false) - demand(true),
        service_fee(emolument("25.79"), total).round_dp_with_strategy(2, MidpointAwayFromZero)
    );
    assert_eq!(demand(true), Decimal::ZERO);
    // The seizure itself is on the tariff either way.
    let hours = a.step(StepKind::Enforcement, Field::Hours) * a.global(Global::HourlyRate);
    assert_eq!(
        served.cost_at_risk,
        (service_fee(emolument("43.61"), total) + hours)
            .round_dp_with_strategy(2, MidpointAwayFromZero)
    );
    // The saisie-vente adds its commandement de payer.
    let sale = evaluate(PathKind::SaleSeizure.steps(), judged(true, 5000), &a);
    let sale_hours = a.step(StepKind::SaleSeizure, Field::Hours) * a.global(Global::HourlyRate);
    assert_eq!(
        sale.cost_at_risk,
        (service_fee(emolument("43.61"), total)
            + hours
            + service_fee(emolument("20.21"), total)
            + sale_hours)
            .round_dp_with_strategy(2, MidpointAwayFromZero)
    );
}

#[test]
fn after_a_decision_its_interest_is_claimed_in_full_even_by_letter() {
    let claim = judged(true, 8000);
    let mut none = Assumptions::defaults(JUDGED);
    none.set("global.amicable_extras", Decimal::ZERO);
    let mut all = Assumptions::defaults(JUDGED);
    all.set("global.amicable_extras", Decimal::from(100));
    let steps = PathKind::ExecutionDemand.steps();
    assert_eq!(
        evaluate(steps, claim, &none).expected_net,
        evaluate(steps, claim, &all).expected_net
    );
    // Before a decision, the same letter step would depend on it.
    let before = Claim {
        judgment: None,
        ..claim
    };
    assert_ne!(
        evaluate(steps, before, &none).expected_net,
        evaluate(steps, before, &all).expected_net
    );
}

/// Each figure after a decision, with how sure it is; before a decision the two new steps are
/// on no open path and carry no figure.
#[test]
fn each_figure_after_a_decision_has_its_value_and_its_basis() {
    let after = Assumptions::defaults(JUDGED);
    let before = Assumptions::defaults(Regime::B2b);
    let percent = Decimal::from;
    for (step, field, value, basis) in [
        (
            StepKind::ExecutionDemand,
            Field::Success,
            percent(40),
            Basis::Assumption,
        ),
        (
            StepKind::ExecutionDemand,
            Field::Recoverable,
            percent(0),
            Basis::Official,
        ),
        (
            StepKind::ExecutionDemand,
            Field::Days,
            percent(15),
            Basis::Assumption,
        ),
        (
            StepKind::Enforcement,
            Field::Cost,
            percent(0),
            Basis::Unverified,
        ),
        (
            StepKind::SaleSeizure,
            Field::Cost,
            percent(0),
            Basis::Unverified,
        ),
        (
            StepKind::SaleSeizure,
            Field::Days,
            percent(90),
            Basis::Assumption,
        ),
        (
            StepKind::Enforcement,
            Field::Days,
            percent(45),
            Basis::Assumption,
        ),
        (
            StepKind::SaleSeizure,
            Field::Success,
            percent(0),
            Basis::Assumption,
        ),
    ] {
        assert_eq!(after.step(step, field), value, "{step:?} {field:?}");
        assert_eq!(after.basis(step, field), basis, "{step:?} {field:?}");
    }
    for (step, field) in [
        (StepKind::ExecutionDemand, Field::Success),
        (StepKind::SaleSeizure, Field::Success),
        (StepKind::SaleSeizure, Field::Days),
        (StepKind::SaleSeizure, Field::Cost),
    ] {
        assert_eq!(
            before.step(step, field),
            Decimal::ZERO,
            "{step:?} {field:?}"
        );
        assert_eq!(before.basis(step, field), Basis::Assumption);
    }
    assert_eq!(
        before.basis(StepKind::ExecutionDemand, Field::Recoverable),
        Basis::Official
    );
    // The sources say what each figure rests on: the service of the decision only after one.
    let source = |setting: Setting, id: &str| {
        params(setting)
            .into_iter()
            .find(|p| p.id == id)
            .map(|p| p.source)
            .unwrap_or_default()
    };
    assert!(source(JUDGED, "saisie.cost").contains("CPC 503"));
    assert!(!source(Regime::B2b.into(), "saisie.cost").contains("CPC 503"));
    assert!(source(JUDGED, "saisie-vente.cost").contains("20,21 €"));
    assert!(source(JUDGED, "saisie-vente.success").contains("Aucun chiffre"));
    assert!(source(JUDGED, "demande-execution.recoverable").contains("L111-8"));
    assert!(source(JUDGED, "demande-execution.success").contains("40 %"));
}

#[test]
fn the_seizure_carries_the_chance_once_the_decision_is_in_hand() {
    let before = Assumptions::defaults(Regime::B2b);
    let after = Assumptions::defaults(JUDGED);
    assert_eq!(
        before.step(StepKind::Enforcement, Field::Success),
        Decimal::ZERO
    );
    assert_eq!(
        after.step(StepKind::Enforcement, Field::Success),
        Decimal::from(65)
    );
    assert_eq!(
        after.basis(StepKind::Enforcement, Field::Success),
        Basis::Assumption
    );
    // No figure was found for a saisie-vente: nothing is promised until the user says.
    assert_eq!(
        after.step(StepKind::SaleSeizure, Field::Success),
        Decimal::ZERO
    );
    // The tariffed acts are the debtor's (CPCE L111-8), the letter is the creditor's.
    assert_eq!(
        after.step(StepKind::SaleSeizure, Field::Recoverable),
        Decimal::from(100)
    );
    assert_eq!(
        after.step(StepKind::ExecutionDemand, Field::Recoverable),
        Decimal::ZERO
    );
}

#[test]
fn the_assumptions_after_a_judgment_are_those_of_its_enforcement() {
    let ids: Vec<String> = params(JUDGED).into_iter().map(|p| p.id).collect();
    for gone in [
        "lawyer.lawsuit",
        "lawyer.provisional_order",
        "lawyer.article_700",
        "global.opposition",
        "global.amicable_extras",
        "global.amicable_decay",
        "relance.success",
        "injonction.success",
    ] {
        assert!(!ids.iter().any(|i| i == gone), "{gone} in {ids:?}");
    }
    for kept in [
        "global.hourly_rate",
        "global.insolvency",
        "demande-execution.success",
        "saisie.success",
        "saisie-vente.cost",
    ] {
        assert!(ids.iter().any(|i| i == kept), "{kept} not in {ids:?}");
    }
    // Every step listed has each of its figures, with a source sentence.
    for p in params(JUDGED) {
        if let Slot::Step(..) = p.slot {
            assert!(p.source.ends_with('.'), "{}: {}", p.id, p.source);
        }
    }
    // Changed figures read back through the overrides, as before a decision.
    let mut a = Assumptions::defaults(JUDGED);
    assert!(a.set("saisie-vente.success", Decimal::from(30)));
    let back = Assumptions::with(JUDGED, &a.overrides());
    assert_eq!(back, a);
}

#[test]
fn the_plan_serves_the_decision_first_and_ends_ten_years_after_it() {
    let today = ymd(2025, 12, 31);
    let (d, c) = golden("judgment_not_served", today);
    let s = analyse(&d, &c, &Overrides::new(), today);
    assert_eq!(s.claim.judgment, Some(Judged { served: false }));
    let t = timeline(PathKind::Seizure, &d, &c, &s.assumptions, today);
    let first = t.first().expect("a plan");
    assert_eq!(first.date, today);
    assert!(first.title.contains("signifier la décision"), "{first:?}");
    assert!(first.detail.contains("CPC 503"), "{first:?}");
    // The seizure on a decision in hand: only once enforceable, at the creditor's risk if
    // provisionally (CPCE L111-10); before a decision, once the title is obtained.
    let seizure = "Faire pratiquer une saisie-attribution (commissaire de justice)";
    let after = t.iter().find(|m| m.title == seizure).expect("the seizure");
    assert!(after.detail.contains("L111-10"), "{after:?}");
    let (seed, computed) = golden("seed", today);
    let before = timeline(
        PathKind::PaymentOrder,
        &seed,
        &computed,
        &Assumptions::defaults(computed.regime),
        today,
    );
    let before = before
        .iter()
        .find(|m| m.title == seizure)
        .expect("the seizure");
    assert!(
        before
            .detail
            .contains("une fois le titre exécutoire obtenu"),
        "{before:?}"
    );
    assert!(!before.detail.contains("L111-10"), "{before:?}");
    let last = t
        .iter()
        .find(|m| m.kind == MilestoneKind::Prescription)
        .expect("the last day to enforce");
    // Decision of 20/02/2025: enforceable through 20/02/2035 (CPCE L111-4).
    assert_eq!(last.date, ymd(2035, 2, 20));
    assert!(last.detail.contains("L111-4"), "{last:?}");
    // Served: no service in the plan.
    let (d, c) = golden("judgment_served", ymd(2026, 3, 31));
    let s = analyse(&d, &c, &Overrides::new(), ymd(2026, 3, 31));
    let t = timeline(
        PathKind::ExecutionDemand,
        &d,
        &c,
        &s.assumptions,
        ymd(2026, 3, 31),
    );
    assert!(t.iter().all(|m| !m.title.contains("signifier")), "{t:?}");
    assert!(t[0].title.contains("demande d'exécution"), "{t:?}");
    // The saisie-vente comes after the saisie-attribution, by a commandement de payer.
    let t = timeline(
        PathKind::SaleSeizure,
        &d,
        &c,
        &s.assumptions,
        ymd(2026, 3, 31),
    );
    let titles: Vec<&str> = t.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        &titles[..2],
        [
            "Faire pratiquer une saisie-attribution (commissaire de justice)",
            "Faire délivrer un commandement de payer aux fins de saisie-vente",
        ]
    );
}
