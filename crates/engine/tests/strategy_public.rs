//! Stratégie against a public buyer (issue 12): only the paths that exist against a public
//! person, each figure with its source, the lawyer before the tribunal administratif, the
//! request for payment that opens the court and interrupts the prescription quadriennale.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::params::{params, Basis, Field, Slot};
use relance_engine::strategy::{
    analyse, rank, timeline, Assumptions, Claim, MilestoneKind, Overrides, PathKind, StepKind,
};
use relance_engine::{compute, parse, Dossier, RateTables};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

/// The golden public buyer: a commune owing 6 000 € of a 10 000 € invoice on 31/12/2025.
fn public_buyer() -> (Dossier, relance_engine::Computation) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/public_buyer.json"
    );
    let text = std::fs::read_to_string(path).expect("golden dossier");
    let dossier = parse::dossier(&text).expect("valid dossier");
    let c = compute(&dossier, ymd(2025, 12, 31), &RateTables::builtin());
    (dossier, c)
}

fn claim(regime: Regime, principal: i64) -> Claim {
    Claim {
        regime,
        principal: Decimal::from(principal),
        extras: Decimal::ZERO,
        judgment: None,
    }
}

#[test]
fn only_the_paths_that_exist_against_a_public_person() {
    let (d, c) = public_buyer();
    assert_eq!(c.regime, Regime::Public);
    let s = analyse(&d, &c, &Overrides::new(), ymd(2025, 12, 31));
    let mut codes: Vec<&str> = s.paths.iter().map(|p| p.path.code()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "abandon",
            "amiable",
            "demande-paiement",
            "fond-ta",
            "mandatement",
            "mediation-publique",
            "refere-ta"
        ]
    );
    // No injonction de payer, no civil or commercial court, no seizure, no payment plan.
    for p in &s.paths {
        for step in p.path.steps() {
            assert!(
                !matches!(
                    step,
                    StepKind::FormalNotice
                        | StepKind::PaymentOrder
                        | StepKind::SmallClaims
                        | StepKind::Uncontested
                        | StepKind::ProvisionalOrder
                        | StepKind::Lawsuit
                        | StepKind::Enforcement
                        | StepKind::Negotiation
                        | StepKind::Agency
                        | StepKind::ConventionalMediation
                ),
                "{:?} in {:?}",
                step,
                p.path
            );
        }
        assert!(p.eligible, "{:?}", p.path);
    }
    assert_eq!(s.chart.series.len(), 7);
    // And none of a public buyer's paths between companies or for a consumer.
    for regime in [Regime::B2b, Regime::B2c] {
        let ranked = rank(claim(regime, 6_000), &Assumptions::defaults(regime));
        assert!(ranked.iter().all(|p| !matches!(
            p.path,
            PathKind::PublicRequest
                | PathKind::PublicMediation
                | PathKind::AdminProvision
                | PathKind::AdminLawsuit
                | PathKind::PrefectMandate
        )));
    }
}

#[test]
fn every_figure_has_its_source_and_the_lawyer_is_the_administrative_courts() {
    let ps = params(Regime::Public);
    let ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
    for absent in [
        "global.opposition",
        "lawyer.lawsuit",
        "lawyer.provisional_order",
        "plan.instalments",
        "injonction.cost",
        "saisie.success",
    ] {
        assert!(!ids.contains(&absent), "{absent}");
    }
    for present in [
        "lawyer.administrative",
        "demande-paiement.days",
        "refere-ta.success",
        "fond-ta.days",
        "mandatement.success",
        "mediation.success",
        "public.prefect",
    ] {
        assert!(ids.contains(&present), "{present}");
    }
    for p in &ps {
        assert!(!p.source.is_empty(), "{}", p.id);
    }
    let source = |id: &str| {
        ps.iter()
            .find(|p| p.id == id)
            .map(|p| (p.default, p.basis, p.source))
            .expect("a parameter")
    };
    // No court fee before the tribunal administratif; its 2023 average delay; the Médiateur's
    // 2024 figure; the lawyer at 0 € unless the debtor is the State.
    assert_eq!(source("refere-ta.cost").0, Decimal::ZERO);
    assert!(source("refere-ta.cost").2.contains("2014"));
    assert_eq!(source("fond-ta.days").0, Decimal::from(730));
    assert_eq!(source("fond-ta.days").1, Basis::ThirdParty);
    assert!(source("fond-ta.days").2.contains("9 mois et 20 jours"));
    assert_eq!(source("mediation.success").0, Decimal::from(70));
    assert!(source("mediation.success").2.contains("2024"));
    assert_eq!(source("lawyer.administrative").0, Decimal::ZERO);
    assert!(source("lawyer.administrative").2.contains("R431-2"));
    assert!(source("lawyer.article_700").2.contains("L761-1"));
    assert!(source("demande-paiement.recoverable")
        .2
        .contains("D2192-35"));
    // Between companies, the same ids keep their old meaning and the new ones are absent.
    let b2b: Vec<String> = params(Regime::B2b).into_iter().map(|p| p.id).collect();
    assert!(!b2b
        .iter()
        .any(|id| id == "lawyer.administrative" || id.starts_with("refere-ta.")));
    assert_eq!(
        StepKind::Mediation.label(Regime::Public),
        "Médiateur des entreprises"
    );
}

/// Before the tribunal administratif the lawyer is counted whatever the sum (CJA R431-2), on the
/// two court steps only.
#[test]
fn a_lawyer_costs_the_court_paths_only() {
    let base = Assumptions::defaults(Regime::Public);
    let mut with_lawyer = base.clone();
    assert!(with_lawyer.set("lawyer.administrative", Decimal::from(1_500)));
    let c = claim(Regime::Public, 3_000);
    let net = |a: &Assumptions, path: PathKind| {
        rank(c, a)
            .into_iter()
            .find(|p| p.path == path)
            .map(|p| p.outcome.expected_net)
            .expect("an open path")
    };
    for path in [PathKind::AdminProvision, PathKind::AdminLawsuit] {
        assert!(net(&with_lawyer, path) < net(&base, path), "{path:?}");
        let lawyer = rank(c, &with_lawyer)
            .into_iter()
            .find(|p| p.path == path)
            .and_then(|p| p.outcome.steps.last().map(|s| s.lawyer));
        assert_eq!(lawyer, Some(Decimal::from(1_500)), "{path:?}");
    }
    for path in [
        PathKind::PublicRequest,
        PathKind::PublicMediation,
        PathKind::PrefectMandate,
    ] {
        assert_eq!(net(&with_lawyer, path), net(&base, path), "{path:?}");
    }
}

/// The référé-provision's chance is the title that bounds what the Médiateur can bring.
#[test]
fn consent_never_beats_the_administrative_judge() {
    let c = claim(Regime::Public, 10_000);
    let mediation = |title: i64| {
        let mut a = Assumptions::defaults(Regime::Public);
        assert!(a.set("refere-ta.success", Decimal::from(title)));
        rank(c, &a)
            .into_iter()
            .find(|p| p.path == PathKind::PublicMediation)
            .and_then(|p| {
                p.outcome
                    .steps
                    .into_iter()
                    .find(|s| s.step == StepKind::Mediation)
            })
            .expect("the Médiateur")
    };
    let bounded = mediation(30);
    assert!(bounded.paid <= bounded.reached * Decimal::new(30, 2));
    let free = mediation(100);
    assert!(free.paid > free.reached * Decimal::new(30, 2));
}

#[test]
fn the_plan_starts_with_the_request_that_opens_the_court() {
    let (d, c) = public_buyer();
    let a = Assumptions::defaults(Regime::Public);
    let today = ymd(2025, 12, 31);
    let plan = timeline(PathKind::AdminProvision, &d, &c, &a, today);
    let titles: Vec<&str> = plan.iter().map(|m| m.title.as_str()).collect();
    assert!(titles.contains(&"Envoyer la demande de paiement en recommandé avec avis de réception"));
    assert!(titles.contains(&"Sans réponse, la demande est rejetée"));
    assert!(
        titles.contains(&"Saisir le juge des référés du tribunal administratif (référé-provision)")
    );
    let request = plan
        .iter()
        .find(|m| m.title.starts_with("Envoyer la demande"))
        .expect("the request");
    assert!(request.detail.contains("CJA R421-1"));
    assert!(request.detail.contains("loi n° 68-1250, art. 2"));
    // The prescription quadriennale, counted from the 1st of January that follows.
    let last = plan
        .iter()
        .find(|m| m.kind == MilestoneKind::Prescription)
        .expect("prescription");
    assert!(last.detail.contains("quadriennale"), "{}", last.detail);
    assert!(
        !last.detail.contains("Cour de cassation"),
        "{}",
        last.detail
    );
    // A request already sent (the dossier's formal-notice date) is done, and the court waits
    // for its two months.
    let mut sent = d.clone();
    sent.options.formal_notice_date = Some(ymd(2025, 12, 1));
    let plan = timeline(PathKind::AdminProvision, &sent, &c, &a, today);
    let done = plan
        .iter()
        .find(|m| m.kind == MilestoneKind::Done)
        .expect("done");
    assert_eq!(done.title, "Demande de paiement envoyée");
    let court = plan
        .iter()
        .find(|m| m.title.starts_with("Saisir le juge des référés"))
        .expect("the référé");
    assert_eq!(court.date, ymd(2026, 2, 1));
}

#[test]
fn each_court_path_says_what_it_needs() {
    let (d, c) = public_buyer();
    let s = analyse(&d, &c, &Overrides::new(), ymd(2025, 12, 31));
    let codes = |path: PathKind| -> Vec<&'static str> {
        s.paths
            .iter()
            .find(|p| p.path == path)
            .map(|p| p.warnings.iter().map(|w| w.code).collect())
            .unwrap_or_default()
    };
    for path in [PathKind::AdminProvision, PathKind::AdminLawsuit] {
        let found = codes(path);
        assert!(found.contains(&"prior-claim"), "{path:?} {found:?}");
        assert!(
            found.contains(&"lawyer-administrative"),
            "{path:?} {found:?}"
        );
    }
    assert!(codes(PathKind::PrefectMandate).contains(&"prefect"));
    assert!(codes(PathKind::PublicMediation).is_empty());
    let court = s
        .warnings
        .iter()
        .find(|w| w.code == "court")
        .expect("court");
    assert!(court.message.contains("tribunal administratif"));
    // Every figure's id is one the reader accepts.
    for p in params(Regime::Public) {
        assert!(matches!(
            relance_engine::strategy::params::slot(&p.id),
            Some(Slot::Global(_) | Slot::Step(_, _))
        ));
    }
}

/// Near the last day of the prescription quadriennale (31/12/2029: four years from the
/// 1st of January after the payment of 10/08/2025), the request must leave first.
#[test]
fn near_the_last_day_the_request_comes_first() {
    let (d, _) = public_buyer();
    let today = ymd(2029, 12, 20);
    let c = compute(&d, today, &RateTables::builtin());
    let s = analyse(&d, &c, &Overrides::new(), today);
    let request = s
        .paths
        .iter()
        .find(|p| p.path == PathKind::PublicRequest)
        .expect("open");
    let risk = request
        .warnings
        .iter()
        .find(|w| w.code == "prescription-risk")
        .expect("a risk");
    assert!(
        risk.message
            .contains("la demande de paiement écrite partirait après le 31/12/2029"),
        "{}",
        risk.message
    );
    let plan = timeline(
        PathKind::PublicRequest,
        &d,
        &c,
        &Assumptions::defaults(Regime::Public),
        today,
    );
    let first = plan.first().expect("a plan");
    assert_eq!(
        first.title,
        "Prescription proche : pas de nouvelle relance amiable"
    );
    assert!(
        first.detail.contains("loi n° 68-1250, art. 2"),
        "{}",
        first.detail
    );
    let general = s
        .warnings
        .iter()
        .find(|w| w.code == "prescription")
        .expect("prescription");
    assert!(
        general.message.contains("quadriennale"),
        "{}",
        general.message
    );
    // Its figures rest on the reminder's and the request's chances, both forum figures.
    assert_eq!(
        Assumptions::defaults(Regime::Public).basis(StepKind::PaymentRequest, Field::Success),
        Basis::Forum
    );
}

/// The prefect mandates only a local authority's debt: the path pays nothing at that step until
/// the user says the buyer is one (`public.prefect`), and then the step's own chance applies.
#[test]
fn the_prefect_waits_for_a_local_authority() {
    let c = claim(Regime::Public, 10_000);
    let prefect = |open: i64| {
        let mut a = Assumptions::defaults(Regime::Public);
        assert!(a.set("public.prefect", Decimal::from(open)));
        rank(c, &a)
            .into_iter()
            .find(|p| p.path == PathKind::PrefectMandate)
            .expect("open")
    };
    let unknown = prefect(0);
    let step = unknown.outcome.steps.last().expect("the prefect");
    assert_eq!(step.step, StepKind::PrefectMandate);
    assert_eq!(step.paid, Decimal::ZERO);
    assert_eq!(
        Assumptions::defaults(Regime::Public).get("public.prefect"),
        Some(Decimal::ZERO)
    );
    let commune = prefect(100);
    let step = commune.outcome.steps.last().expect("the prefect");
    assert!(step.paid > Decimal::ZERO);
    assert!(commune.outcome.expected_net > unknown.outcome.expected_net);
    // The contract's claim procedure is said for every public buyer.
    let (d, c) = public_buyer();
    let s = analyse(&d, &c, &Overrides::new(), ymd(2025, 12, 31));
    let ccag = s.warnings.iter().find(|w| w.code == "ccag").expect("ccag");
    assert!(ccag.message.contains("mémoire en réclamation"));
    assert!(ccag.message.contains("sous peine de forclusion"));
}

/// A public buyer's invoice past its last day: the prescription quadriennale, which the
/// administration must invoke (art. 7); between companies, the civil wording stays.
#[test]
fn a_prescribed_invoice_is_said_in_the_words_of_the_loi_of_1968() {
    let (d, _) = public_buyer();
    let today = ymd(2030, 2, 1);
    let c = compute(&d, today, &RateTables::builtin());
    let s = analyse(&d, &c, &Overrides::new(), today);
    let prescribed = s
        .warnings
        .iter()
        .find(|w| w.code == "prescription")
        .expect("prescription");
    assert!(
        prescribed.message.contains("semble prescrite"),
        "{}",
        prescribed.message
    );
    assert!(
        prescribed.message.contains("quadriennale"),
        "{}",
        prescribed.message
    );
    assert!(
        prescribed.message.contains("(art. 7)"),
        "{}",
        prescribed.message
    );
    // What a step costs is the creditor's: the 40 € of each regime's own code.
    let recoverable = |regime: Regime| {
        params(regime)
            .into_iter()
            .find(|p| p.id == "relance.recoverable")
            .map(|p| p.source)
            .expect("relance.recoverable")
    };
    assert!(recoverable(Regime::Public).contains("D2192-35"));
    assert!(recoverable(Regime::B2b).contains("D441-5"));
    assert!(!recoverable(Regime::B2b).contains("D2192-35"));
}
