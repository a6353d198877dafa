//! The value of a ladder of steps, figure by figure: hand-computed ladders with the documented
//! defaults (`params.rs`, legal-reference §4) and a few assumptions changed, each checked to the
//! cent (probabilities exactly).

use std::str::FromStr;

use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::{
    evaluate, thresholds, Assumptions, Claim, Outcome, PathKind, StepKind,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal constant")
}

fn b2b(principal: &str, extras: &str) -> Claim {
    Claim {
        regime: Regime::B2b,
        principal: d(principal),
        extras: d(extras),
        judgment: None,
    }
}

/// The B2B defaults with `changes` (id, value) applied, each step's chance taken as written:
/// no decay after a failed amicable step (`global.amicable_decay` 100 %), so that the hand
/// computations below chain the chances they name. The decay and the consent cap have their
/// own tests at the end.
fn assume(changes: &[(&str, &str)]) -> Assumptions {
    let mut a = Assumptions::defaults(Regime::B2b);
    assert!(a.set("global.amicable_decay", d("100")));
    for (id, value) in changes {
        assert!(a.set(id, d(value)), "{id} = {value}");
    }
    a
}

/// The headline figures of an outcome, in a fixed order: expected net, received, costs,
/// probability paid, cost at risk, best case, worst case.
fn figures(o: &Outcome) -> [Decimal; 7] {
    [
        o.expected_net,
        o.expected_received,
        o.expected_costs,
        o.probability_paid,
        o.cost_at_risk,
        o.best_case,
        o.worst_case,
    ]
}

fn ds<const N: usize>(values: [&str; N]) -> [Decimal; N] {
    values.map(d)
}

/// One step's figures: starts, ends, reached, paid, fees, tariff, time, received, success fee.
fn step_figures(o: &Outcome, i: usize) -> [Decimal; 9] {
    let s = &o.steps[i];
    [
        s.starts,
        s.ends,
        s.reached,
        s.paid,
        s.fees,
        s.tariff,
        s.time,
        s.received,
        s.success_fee,
    ]
}

/// Relance then mise en demeure for 1 000 € of principal and 200 € of accessories, half of the
/// accessories obtained amicably: each step claims 1 000 + 200 × 50 % = 1 100 €.
/// Relance: 0.4 × 1 100 − 25 (½ h at 50 €) = 415; mise en demeure: reached 0.6, paid
/// 0.6 × 0.4 = 0.24, 0.24 × 1 100 − 0.6 × (6.11 + 50) = 230.334; net 645.334 → 645.33 €,
/// received 440 + 264 = 704 €, 53.8 % of the 1 200 € claim, cash after
/// (0.4 × 15 + 0.24 × 30) / 0.64 = 20.6 → 21 days.
#[test]
fn amicable_steps_claim_the_agreed_share_of_the_accessories() {
    let a = assume(&[("global.amicable_extras", "50")]);
    let o = evaluate(PathKind::FormalNotice.steps(), b2b("1000", "200"), &a);
    assert_eq!(
        figures(&o),
        ds(["645.33", "704", "58.67", "0.64", "81.11", "1075", "-81.11"])
    );
    assert_eq!(o.net_percent, d("53.8"));
    assert_eq!(o.expected_days, Some(d("21")));
    assert_eq!(
        step_figures(&o, 0),
        ds(["0", "15", "1", "0.4", "0", "0", "25", "1100", "0"])
    );
    assert_eq!(
        step_figures(&o, 1),
        ds(["15", "30", "0.6", "0.24", "6.11", "0", "50", "1100", "0"])
    );
    assert!(o.unknown_fees.is_empty());
    assert!(o.steps.iter().all(|s| !s.unknown_fee));
}

/// The injonction de payer path for 2 000 €, with a saisie that pays half the time and half of
/// the greffe fee charged to the debtor.
/// Injonction: greffe 38.40 € + service (25.79 × 2 + 9.40) × 1.2 + 3.90 = 77.076 €; received
/// 2 000 + 77.076 + 38.40 × 50 % = 2 096.276 €; paid 0.36 × 0.65 = 0.234.
/// Saisie: act (43.61 × 2 + 9.40) × 1.2 + 3.90 = 119.844 € (borne by the debtor: received
/// 2 216.12 €); A444-32 on the 2 000 € recovered, 1.2 × (125 × 11.61 % + 485 × 10.64 % +
/// 915 × 10.16 % + 475 × 3.87 %) = 212.9556 €; paid 0.126 × 0.5 = 0.063.
/// Net: relance 775, mise en demeure 446.334, injonction 0.234 × 2 096.276 − 0.36 × 315.476
/// = 376.957, saisie 0.063 × (2 216.12 − 212.9556) − 0.126 × 169.844 = 104.799;
/// 1 703.09 € in all.
#[test]
fn a_judicial_ladder_adds_its_tariffs_and_the_fees_the_debtor_bears() {
    let a = assume(&[("saisie.success", "50"), ("injonction.recoverable", "50")]);
    let o = evaluate(PathKind::PaymentOrder.steps(), b2b("2000", "0"), &a);
    assert_eq!(
        figures(&o),
        ds(["1703.09", "1910.14", "207.05", "0.937", "566.43", "1975", "-566.43"])
    );
    assert_eq!(o.net_percent, d("85.2"));
    // (0.4 × 15 + 0.24 × 30 + 0.234 × 120 + 0.063 × 150) / 0.937 = 54.1 → 54 days.
    assert_eq!(o.expected_days, Some(d("54")));
    assert_eq!(
        step_figures(&o, 2),
        ds(["30", "120", "0.36", "0.234", "115.48", "77.08", "200", "2096.28", "0"])
    );
    assert_eq!(
        step_figures(&o, 3),
        ds(["120", "150", "0.126", "0.063", "119.84", "119.84", "50", "2216.12", "212.96"])
    );
}

/// The référé-provision costs an assignation and the service of the decision, both at the
/// tariff: (18.28 × 2 + 9.40) × 1.2 + 3.90 + (25.79 × 2 + 9.40) × 1.2 + 3.90 = 136.128 €,
/// dépens borne by the debtor; the saisie's A444-32 fee is charged even at 0 % success.
#[test]
fn a_provisional_order_costs_a_summons_and_a_service_at_the_tariff() {
    let a = assume(&[]);
    let o = evaluate(PathKind::ProvisionalOrder.steps(), b2b("2000", "0"), &a);
    assert_eq!(
        step_figures(&o, 2),
        ds(["30", "75", "0.36", "0.234", "136.13", "136.13", "300", "2136.13", "0"])
    );
    assert_eq!(
        step_figures(&o, 3),
        ds(["75", "105", "0.126", "0", "119.84", "119.84", "50", "2255.97", "212.96"])
    );
    // 775 + 446.334 + 0.234 × 2 136.128 − 0.36 × 436.128 − 0.126 × 169.844 = 1 542.78 €.
    assert_eq!(
        figures(&o),
        ds(["1542.78", "1779.85", "237.07", "0.874", "687.08", "1975", "-687.08"])
    );
    // Its greffe and lawyer fees are not published: counted 0 and flagged.
    assert_eq!(o.unknown_fees, [StepKind::ProvisionalOrder]);
}

/// With a 25 % cost of money and one-year steps, a euro in one year is worth 1 / 1.25 = 0.8,
/// in two years 1 / 1.5. A debtor insolvent 2 times in 10 never pays, but 10 % of the principal
/// comes back from the estate at the end: 0.2 × 0.1 × 1 000 / 1.5 = 13.33 €.
/// Relance: 0.8 × (0.4 × 800 − 25) − 0.2 × 25 = 231; mise en demeure (starts in a year):
/// 0.8 × (0.24 × 666.67 − 0.6 × 56.11 × 0.8) − 0.2 × 56.11 × 0.8 = 97.48;
/// net 231 + 97.48 + 13.33 = 341.81 €.
#[test]
fn cost_of_money_and_insolvency_discount_and_weigh_every_flow() {
    let a = assume(&[
        ("global.cost_of_money", "25"),
        ("global.insolvency", "20"),
        ("global.insolvency_recovery", "10"),
        ("relance.days", "365"),
        ("mise-en-demeure.days", "365"),
    ]);
    let o = evaluate(PathKind::FormalNotice.steps(), b2b("1000", "0"), &a);
    assert_eq!(
        figures(&o),
        ds(["341.81", "397.33", "55.52", "0.512", "81.11", "775", "-81.11"])
    );
    assert_eq!(o.net_percent, d("34.2"));
    // Paid at 365 days with 0.32, at 730 with 0.192: 256.96 / 0.512 = 501.9 → 502 days.
    assert_eq!(o.expected_days, Some(d("502")));
    // Reached by every debtor; the second step by 0.8 × 0.6 solvent + 0.2 insolvent.
    assert_eq!(
        step_figures(&o, 0),
        ds(["0", "365", "1", "0.32", "0", "0", "25", "1000", "0"])
    );
    assert_eq!(
        step_figures(&o, 1),
        ds(["365", "730", "0.68", "0.192", "6.11", "0", "50", "1000", "0"])
    );
}

/// Free mediation then a payment plan, at a 12 % cost of money, the debtor stopping at each of
/// the 3 monthly instalments 1 time in 10: the plan is worth
/// (33.33 × 0.9 / 1.01 + 33.33 × 0.81 / 1.02 + 33.34 × 0.729 / 1.03) / 100 = 0.797649 of the
/// claim, counted from the start of the negotiation (day 75), not its end. The injonction's
/// chance is set to 100 % so that the consent cap (`consent_never_beats_a_title`) does not
/// bind here.
#[test]
fn a_negotiated_plan_is_valued_from_the_agreement() {
    let a = assume(&[
        ("global.cost_of_money", "12"),
        ("plan.default", "10"),
        ("injonction.success", "100"),
    ]);
    let o = evaluate(PathKind::Mediation.steps(), b2b("1000", "0"), &a);
    // 0.4 × 1 000 / (1 + 0.12 × 15 / 365) − 25 = 373.04;
    // 0.42 × 1 000 / (1 + 0.12 × 75 / 365) − 0.6 × 150 / (1 + 0.12 × 15 / 365) = 319.45;
    // (0.072 × 797.65 − 0.18 × 100) / (1 + 0.12 × 75 / 365) = 39.36.
    assert_eq!(
        figures(&o),
        ds(["731.85", "863.98", "132.13", "0.892", "275", "970.09", "-275"])
    );
    assert_eq!(
        step_figures(&o, 2),
        ds(["75", "165", "0.18", "0.072", "0", "0", "100", "797.65", "0"])
    );
    assert_eq!(o.expected_days, Some(d("55")));
}

/// A recovery agency keeps 15 % of what it recovers: 0.4 × (1 000 − 150) − 1 h at 50 € = 290 €.
/// Accessories are not claimed amicably by default.
#[test]
fn an_agency_commission_is_taken_on_what_it_recovers() {
    let a = Assumptions::defaults(Regime::B2b);
    let o = evaluate(PathKind::Agency.steps(), b2b("1000", "100"), &a);
    assert_eq!(
        figures(&o),
        ds(["290", "400", "110", "0.4", "50", "800", "-50"])
    );
    assert_eq!(
        step_figures(&o, 0),
        ds(["0", "90", "1", "0.4", "0", "0", "50", "1000", "150"])
    );
    // 290 / 1 100 = 26.4 %.
    assert_eq!(o.net_percent, d("26.4"));
}

/// A 20 % discount leaves 80 % of the claim: 0.4 × 800 − 25 = 295 €.
#[test]
fn a_discount_lowers_what_is_received() {
    let a = assume(&[("relance.share", "80")]);
    let o = evaluate(PathKind::AmicableOnly.steps(), b2b("1000", "0"), &a);
    assert_eq!(
        figures(&o),
        ds(["295", "320", "25", "0.4", "25", "775", "-25"])
    );
    assert_eq!(o.net_percent, d("29.5"));
}

/// Nothing owed: the reminder only costs the creditor's half hour, its best case included, and
/// the percentage of a zero claim is 0.
#[test]
fn chasing_nothing_only_costs_time() {
    let a = Assumptions::defaults(Regime::B2b);
    let o = evaluate(PathKind::AmicableOnly.steps(), b2b("0", "0"), &a);
    assert_eq!(
        figures(&o),
        ds(["-25", "0", "25", "0.4", "25", "-25", "-25"])
    );
    assert_eq!(o.net_percent, Decimal::ZERO);
    assert_eq!(o.expected_days, Some(d("15")));
}

/// A ladder that never pays has no expected date of cash.
#[test]
fn a_ladder_that_never_pays_has_no_expected_days() {
    let a = assume(&[("relance.success", "0")]);
    let o = evaluate(PathKind::AmicableOnly.steps(), b2b("1000", "0"), &a);
    assert_eq!(o.probability_paid, Decimal::ZERO);
    assert_eq!(o.expected_days, None);
    assert_eq!(o.expected_net, d("-25"));
}

/// The small-claims fee is not published: counted 0 and flagged, until the user types one.
#[test]
fn an_unpublished_fee_is_flagged_until_it_is_typed() {
    let a = Assumptions::defaults(Regime::B2b);
    let steps = PathKind::SmallClaims.steps();
    let o = evaluate(steps, b2b("1000", "0"), &a);
    assert_eq!(o.unknown_fees, [StepKind::SmallClaims]);
    let flags: Vec<bool> = o.steps.iter().map(|s| s.unknown_fee).collect();
    assert_eq!(flags, [false, false, true, false]);
    let typed = assume(&[("pspc.cost", "90")]);
    let o = evaluate(steps, b2b("1000", "0"), &typed);
    assert!(o.unknown_fees.is_empty());
    assert_eq!(o.steps[2].fees, d("90"));
}

/// The decision at each step (issue 18): with the forum figures — relance 40 %; action au fond
/// 800 €, 65 %, 10 h at 50 €/h — a creditor whose letters have failed should sue from
/// (800 + 10 × 50) / 65 % = 2 000 € of principal, whatever the cheap first steps gave. No
/// insolvency and no cost of money here, so that only those figures count.
#[test]
fn the_lawsuit_step_pays_off_from_two_thousand_euros_with_the_forum_figures() {
    let a = assume(&[
        ("global.insolvency", "0"),
        ("global.cost_of_money", "0"),
        ("global.hourly_rate", "50"),
        ("relance.success", "40"),
        ("fond.cost", "800"),
        ("fond.hours", "10"),
        ("fond.success", "65"),
    ]);
    let steps = PathKind::Lawsuit.steps();
    let found = thresholds(steps, b2b("24000", "0"), &a);
    let lawsuit = steps
        .iter()
        .position(|s| *s == StepKind::Lawsuit)
        .expect("a lawsuit step");
    assert_eq!(found[lawsuit], Some(d("2000")));
    // The relance: ½ h at 50 € for a 40 % chance: from 62,50 €, rounded up to the euro.
    assert_eq!(found[0], Some(d("63")));
    // The seizure after the judgment: 0 % by default, it never pays off on its own.
    assert_eq!(found[steps.len() - 1], None);
}

/// A step's threshold rises with its cost and falls as its chance rises; a debtor who may be
/// insolvent raises it (those still unpaid are more often insolvent).
#[test]
fn thresholds_move_the_right_way() {
    let claim = b2b("24000", "0");
    let steps = PathKind::Lawsuit.steps();
    let lawsuit = steps
        .iter()
        .position(|s| *s == StepKind::Lawsuit)
        .expect("a lawsuit step");
    let at = |changes: &[(&str, &str)]| {
        thresholds(steps, claim, &assume(changes))[lawsuit].expect("a threshold")
    };
    let base = at(&[]);
    assert!(at(&[("fond.cost", "1600")]) > base);
    assert!(at(&[("fond.success", "80")]) < base);
    assert!(at(&[("global.insolvency", "30")]) > at(&[("global.insolvency", "5")]));
}

/// Dependent steps: with the defaults, the mise en demeure after a failed relance keeps 75 % of
/// its 40 % (30 %); a judicial step keeps its chance. Relance then mise en demeure for 1 000 €:
/// 0.4 × 1 000 − 25 = 375; reached 0.6, paid 0.6 × 0.3 = 0.18, 0.18 × 1 000 − 0.6 × 56.11 =
/// 146.334; net 521.334 → 521.33 €, probability 0.58.
#[test]
fn a_debtor_who_ignored_a_letter_answers_the_next_one_less() {
    let a = Assumptions::defaults(Regime::B2b);
    let o = evaluate(PathKind::FormalNotice.steps(), b2b("1000", "0"), &a);
    assert_eq!(o.steps[1].paid, d("0.18"));
    assert_eq!(o.probability_paid, d("0.58"));
    assert_eq!(o.expected_net, d("521.33"));
    let ip = evaluate(PathKind::PaymentOrder.steps(), b2b("1000", "0"), &a);
    // 0.6 × 0.7 = 0.42 reach the injonction, which pays 65 % of them: 0.273.
    assert_eq!(ip.steps[2].paid, d("0.273"));
}

/// Consent steps together never bring more than the injonction de payer would: the free
/// mediation's 70 % is cut so that mediation and plan together stay within 65 %.
#[test]
fn consent_never_beats_a_title() {
    let a = Assumptions::defaults(Regime::B2b);
    let claim = b2b("1500", "0");
    let consent = evaluate(PathKind::Mediation.steps(), claim, &a);
    let title = evaluate(PathKind::PaymentOrder.steps(), claim, &a);
    assert!(consent.probability_paid < title.probability_paid);
    // After the relance (0.6 left), mediation and plan pay at most 65 % of those: 0.39.
    let after_relance: Decimal = consent.steps[1..].iter().map(|s| s.paid).sum();
    assert!(after_relance <= d("0.39"), "{after_relance}");
    // Even when the user believes in mediation: 95 %, and a plan at 90 %.
    let keen = assume(&[("mediation.success", "95"), ("negociation.success", "90")]);
    let consent = evaluate(PathKind::Mediation.steps(), claim, &keen);
    let title = evaluate(PathKind::PaymentOrder.steps(), claim, &keen);
    assert!(consent.probability_paid <= title.probability_paid);
}

/// Real costs: above 10 000 € a lawyer must represent the creditor in an action au fond (CPC
/// 853, 760-761): the 24 000 € claim's lawsuit step carries the 2 200 € of `lawyer.lawsuit`,
/// a 9 000 € one does not; the saisie's A444-32 fee grows with the sum recovered.
#[test]
fn a_lawsuit_above_ten_thousand_euros_pays_a_lawyer_and_a444_32_grows_with_the_sum() {
    let a = Assumptions::defaults(Regime::B2b);
    let steps = PathKind::Lawsuit.steps();
    let at = |principal: &str| evaluate(steps, b2b(principal, "0"), &a);
    let big = at("24000");
    let lawsuit = &big.steps[2];
    assert_eq!(lawsuit.step, StepKind::Lawsuit);
    assert_eq!(lawsuit.lawyer, d("2200"));
    assert_eq!(lawsuit.fees, d("3000"));
    assert_eq!(at("9000").steps[2].lawyer, d("0"));
    // The limit is the amount claimed: 10 000 € exactly needs no lawyer.
    assert_eq!(at("10000").steps[2].lawyer, d("0"));
    assert_eq!(at("10000.01").steps[2].lawyer, d("2200"));
    let fee = |principal: &str| at(principal).steps[3].success_fee;
    assert!(fee("1500") < fee("24000"));
    assert!(fee("24000") < fee("38000"));
}

/// An opposition sends the injonction de payer to trial, where a lawyer is mandatory above
/// 10 000 € (legal-reference §4.2): the step counts `lawyer.lawsuit` weighted by
/// `global.opposition`, 3.25 % × 2 200 € = 71.50 € for 24 000 €; nothing at 10 000 €.
#[test]
fn an_opposition_above_ten_thousand_euros_costs_a_lawyer_as_often_as_it_happens() {
    let a = Assumptions::defaults(Regime::B2b);
    let steps = PathKind::PaymentOrder.steps();
    assert_eq!(steps[2], StepKind::PaymentOrder);
    let order =
        |principal: &str, a: &Assumptions| evaluate(steps, b2b(principal, "0"), a).steps[2].clone();
    assert_eq!(order("24000", &a).lawyer, d("71.50"));
    assert_eq!(order("10000", &a).lawyer, d("0"));
    let mut never = a.clone();
    assert!(never.set("global.opposition", d("0")));
    assert_eq!(order("24000", &never).lawyer, d("0"));
    let mut often = a.clone();
    assert!(often.set("global.opposition", d("10")));
    assert_eq!(order("24000", &often).lawyer, d("220"));
    let net = |a: &Assumptions| evaluate(steps, b2b("24000", "0"), a).expected_net;
    assert!(net(&often) < net(&a) && net(&a) < net(&never));
}

/// Lawyer fees are not dépens: one share, `lawyer.article_700`, says how much of them the
/// debtor is ordered to pay back, the same in the lawsuit, the référé and the injonction's
/// opposition; the commissaire de justice's acts stay dépens borne by the debtor.
#[test]
fn lawyer_fees_come_back_at_one_share_in_every_court_step() {
    let none = Assumptions::defaults(Regime::B2b);
    let mut half = none.clone();
    assert!(half.set("lawyer.article_700", d("50")));
    for (path, lawyer) in [
        (PathKind::Lawsuit, "2200"),
        (PathKind::ProvisionalOrder, "900"),
        (PathKind::PaymentOrder, "71.50"),
    ] {
        let court = |a: &Assumptions| {
            let o = evaluate(path.steps(), b2b("24000", "0"), a);
            o.steps[2].clone()
        };
        let (without, with) = (court(&none), court(&half));
        assert_eq!(without.lawyer, d(lawyer), "{path:?}");
        assert_eq!(
            with.received - without.received,
            d(lawyer) / d("2"),
            "{path:?}"
        );
        assert!(
            evaluate(path.steps(), b2b("24000", "0"), &half).expected_net
                > evaluate(path.steps(), b2b("24000", "0"), &none).expected_net
        );
    }
}
