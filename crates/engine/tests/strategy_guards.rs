//! The legal guards of the strategy (competent court, lawyer thresholds, CPC 750-1,
//! prescription and what interrupts it, unpublished fees) and the dated plan of each path.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::{
    analyse, rank, timeline, Assumptions, Claim, Milestone, MilestoneKind, Overrides, PathKind,
    Strategy,
};
use relance_engine::{compute, parse, Computation, Dossier, RateTables, SEED_DOSSIER};

const B2C: &str = include_str!("golden/b2c.json");

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal constant")
}

fn read(json: &str, today: NaiveDate) -> (Dossier, Computation) {
    let dossier = parse::dossier(json).expect("dossier reads");
    let c = compute(&dossier, today, &RateTables::builtin());
    (dossier, c)
}

fn analysed(json: &str, overrides: &Overrides, today: NaiveDate) -> Strategy {
    let (dossier, c) = read(json, today);
    analyse(&dossier, &c, overrides, today)
}

fn codes(s: &Strategy) -> Vec<&'static str> {
    s.warnings.iter().map(|w| w.code).collect()
}

fn path_codes(s: &Strategy, path: PathKind) -> Vec<&'static str> {
    s.paths
        .iter()
        .find(|p| p.path == path)
        .expect("every path is listed")
        .warnings
        .iter()
        .map(|w| w.code)
        .collect()
}

fn message<'a>(s: &'a Strategy, code: &str) -> &'a str {
    s.warnings
        .iter()
        .find(|w| w.code == code)
        .map(|w| w.message.as_str())
        .unwrap_or_else(|| panic!("no {code} warning in {:?}", s.warnings))
}

/// The seed dossier with `invoices_and_more` in place of its invoice list (same parties and
/// date).
fn seed_with(invoices_and_more: &str) -> String {
    let head = SEED_DOSSIER
        .split("\"invoices\"")
        .next()
        .expect("the seed has invoices");
    format!("{head}{invoices_and_more}\n}}")
}

/// Between professionals the injonction de payer goes to the court where the debtor is
/// established (CPC 1406), shown with the last line of the debtor's address; the seed's invoice
/// of 4 March 2022 is prescribed five years later at the latest (C. com. L110-4).
#[test]
fn the_seed_is_warned_of_its_court_and_coming_prescription() {
    let s = analysed(SEED_DOSSIER, &Overrides::new(), ymd(2026, 11, 22));
    assert_eq!(codes(&s), ["court", "prescription"]);
    assert_eq!(
        message(&s, "court"),
        "Tribunal compétent : pour l'injonction de payer, seul est compétent le tribunal du lieu \
         où le débiteur est établi ou domicilié (CPC 1406) : le tribunal de commerce (ou des \
         activités économiques) s'il est commerçant, artisan ou société commerciale, sinon le \
         tribunal judiciaire. Adresse du débiteur dans le dossier : 4 place du Marché, 38000 \
         Grenoble."
    );
    assert!(message(&s, "prescription").starts_with(
        "Prescription : pour la facture F-2022-031, le dernier jour pour agir est le 04/03/2027 \
         au plus tard (5 ans, comptés ici depuis la facture du 04/03/2022 ;"
    ));
}

/// A consumer's debt is prescribed after two years (C. conso. L218-2): the invoice of
/// 13 February 2025 on 13 February 2027; the court is the tribunal judiciaire where the consumer
/// lives.
#[test]
fn a_consumer_debt_is_prescribed_after_two_years() {
    let s = analysed(B2C, &Overrides::new(), ymd(2026, 11, 22));
    assert_eq!(codes(&s), ["court", "prescription"]);
    assert_eq!(
        message(&s, "court"),
        "Tribunal compétent : pour l'injonction de payer, seul est compétent le tribunal \
         judiciaire du lieu où demeure le débiteur (CPC 1406). Adresse du débiteur dans le \
         dossier : 8 allée des Tilleuls, 44000 Nantes."
    );
    assert!(message(&s, "prescription").starts_with(
        "Prescription : pour la facture 2025-017, le dernier jour pour agir est le 13/02/2027 au \
         plus tard (2 ans,"
    ));
}

/// After the last day to act, the invoice is said to be prescribed, and no path warns that it
/// would come too late; on the last day itself it is not yet.
#[test]
fn a_prescribed_invoice_is_said_to_be_prescribed() {
    let s = analysed(SEED_DOSSIER, &Overrides::new(), ymd(2027, 3, 4));
    assert!(message(&s, "prescription").starts_with("Prescription : pour la facture F-2022-031"));
    // On the last day a path that never interrupts prescription is still warned.
    assert!(path_codes(&s, PathKind::AmicableOnly).contains(&"prescription-risk"));
    for today in [ymd(2027, 3, 5), ymd(2027, 6, 1)] {
        let s = analysed(SEED_DOSSIER, &Overrides::new(), today);
        assert_eq!(
            message(&s, "prescription"),
            "La facture F-2022-031 semble prescrite : le dernier jour pour agir était le \
             04/03/2027 au plus tard (5 ans comptés depuis la facture du 04/03/2022), sauf \
             interruption ou suspension (paiement partiel, reconnaissance de dette, demande en \
             justice, médiation)."
        );
        assert!(s
            .paths
            .iter()
            .all(|p| p.warnings.iter().all(|w| w.code != "prescription-risk")));
    }
}

/// The décompte and Stratégie decide prescription with one rule: an invoice issued 10 January
/// 2021 on 6-month terms counts from its issue date, so on 1 March 2026 both call it prescribed
/// since its last day, 10 January 2026, and their JSON carries the same invoice, last day and
/// status; a younger invoice, last day 10 June 2027, is in neither.
#[test]
fn the_decompte_and_strategy_flag_the_same_invoices_alike() {
    use relance_engine::report;
    use relance_engine::strategy::report as strategy_report;
    let json = seed_with(
        r#""invoices": [
    {"number": "F-2021-001", "issued": "2021-01-10", "due": "2021-06-30", "amount": "500.00"},
    {"number": "F-2022-031", "issued": "2022-06-10", "due": "2022-07-10", "amount": "24000.00"}
  ]"#,
    );
    let today = ymd(2026, 3, 1);
    let (dossier, c) = read(&json, today);
    let s = analyse(&dossier, &c, &Overrides::new(), today);
    let fields = |v: &serde_json::Value| {
        v.as_array()
            .expect("a list")
            .iter()
            .filter(|n| n["code"] == "prescription")
            .map(|n| format!("{} {} {}", n["invoice"], n["last_day"], n["status"]))
            .collect::<Vec<_>>()
    };
    let notices = fields(&report::to_json_value(&c)["notices"]);
    assert_eq!(notices, [r#""F-2021-001" "2026-01-10" "prescribed""#]);
    let report = strategy_report::to_json_value(&s, None, &[]);
    assert_eq!(fields(&report["warnings"]), notices);
}

/// Paid before it fell due, the seed owes nothing: no path can bring anything, and no invoice is
/// left to be prescribed.
#[test]
fn nothing_owed_is_said_and_nothing_is_prescribed() {
    let paid = seed_with(
        r#""invoices": [
    {"number": "F-2022-031", "issued": "2022-03-04", "due": "2022-04-03", "amount": "24000.00"}
  ],
  "payments": [{"date": "2022-04-01", "amount": "24000.00"}]"#,
    );
    let s = analysed(&paid, &Overrides::new(), ymd(2026, 11, 22));
    assert_eq!(s.claim.total(), Decimal::ZERO);
    assert_eq!(codes(&s), ["nothing-owed", "court"]);
    assert_eq!(
        message(&s, "nothing-owed"),
        "Rien ne reste dû à la date de calcul : aucune démarche ne rapporterait quelque chose."
    );
}

/// The invoice prescribed first is the oldest one still owed: an older invoice paid off does
/// not count (here 2021's, paid, and 2022's, owed: 4 March 2027).
#[test]
fn a_paid_invoice_is_not_the_one_prescribed_first() {
    let two = seed_with(
        r#""invoices": [
    {"number": "F-2021-001", "issued": "2021-01-10", "due": "2021-02-09", "amount": "500.00"},
    {"number": "F-2022-031", "issued": "2022-03-04", "due": "2022-04-03", "amount": "24000.00"}
  ],
  "payments": [{"date": "2021-02-01", "amount": "500.00", "invoice": "F-2021-001"}]"#,
    );
    let s = analysed(&two, &Overrides::new(), ymd(2026, 11, 22));
    assert!(message(&s, "prescription").starts_with(
        "Prescription : pour la facture F-2022-031, le dernier jour pour agir est le 04/03/2027"
    ));
}

/// A debtor who may be insolvent: the warning on collective proceedings (C. com. L622-21,
/// R622-24) appears only when the risk is above zero.
#[test]
fn an_insolvency_risk_brings_the_collective_proceedings_warning() {
    let mut o = Overrides::new();
    o.insert("global.insolvency".to_owned(), d("0.01"));
    let s = analysed(SEED_DOSSIER, &o, ymd(2026, 11, 22));
    assert_eq!(codes(&s), ["insolvency", "court", "prescription"]);
    assert!(message(&s, "insolvency").starts_with(
        "Si le débiteur est en sauvegarde, redressement ou liquidation judiciaire, le jugement \
         d'ouverture interrompt ou interdit les actions en paiement"
    ));
}

/// The seat shown is the last non-empty line of the debtor's address; no address, no seat.
#[test]
fn the_court_warning_shows_the_last_line_of_the_address() {
    let lines = SEED_DOSSIER.replace(
        "\"4 place du Marché, 38000 Grenoble\"",
        "\"4 place du Marché\\n38000 Grenoble\\n  \\n\"",
    );
    let s = analysed(&lines, &Overrides::new(), ymd(2026, 11, 22));
    assert!(
        message(&s, "court").ends_with(" Adresse du débiteur dans le dossier : 38000 Grenoble.")
    );
    let none = SEED_DOSSIER.replace(", \"address\": \"4 place du Marché, 38000 Grenoble\"", "");
    let s = analysed(&none, &Overrides::new(), ymd(2026, 11, 22));
    assert!(message(&s, "court").ends_with("sinon le tribunal judiciaire."));
}

/// Only the service of the injonction de payer interrupts prescription, about 15 days after the
/// request; an assignation interrupts it the day it is served. With the seed's last day to act
/// on 4 March 2027 and 30 days of relance and mise en demeure: from 18 January the order is
/// served on 4 March, in time; from 19 January on 5 March, too late. The lawsuit's assignation,
/// on day 30, is too late from 3 February.
#[test]
fn the_service_of_the_order_must_come_before_prescription() {
    let risk = |today, path| {
        let s = analysed(SEED_DOSSIER, &Overrides::new(), today);
        path_codes(&s, path).contains(&"prescription-risk")
    };
    assert!(!risk(ymd(2027, 1, 18), PathKind::PaymentOrder));
    assert!(risk(ymd(2027, 1, 19), PathKind::PaymentOrder));
    assert!(!risk(ymd(2027, 1, 19), PathKind::Lawsuit));
    assert!(!risk(ymd(2027, 2, 2), PathKind::Lawsuit));
    assert!(risk(ymd(2027, 2, 3), PathKind::Lawsuit));
    assert!(!risk(ymd(2027, 2, 2), PathKind::ProvisionalOrder));
    assert!(risk(ymd(2027, 2, 3), PathKind::ProvisionalOrder));
    let s = analysed(SEED_DOSSIER, &Overrides::new(), ymd(2027, 1, 19));
    let late = s
        .paths
        .iter()
        .find(|p| p.path == PathKind::PaymentOrder)
        .and_then(|p| p.warnings.iter().find(|w| w.code == "prescription-risk"))
        .expect("a late service");
    assert_eq!(
        late.message,
        "Au rythme prévu, l'action en justice viendrait après le 04/03/2027, dernier jour pour \
         interrompre la prescription : engagez-la plus tôt."
    );
    let amicable = s
        .paths
        .iter()
        .find(|p| p.path == PathKind::AmicableOnly)
        .and_then(|p| p.warnings.iter().find(|w| w.code == "prescription-risk"))
        .expect("an amicable path never interrupts it");
    assert_eq!(
        amicable.message,
        "Cette voie n'interrompt pas la prescription, dont le dernier jour est le 04/03/2027 : \
         sans paiement d'ici là, la créance ne pourra plus être réclamée en justice."
    );
}

fn claim(regime: Regime, total: &str) -> Claim {
    Claim {
        regime,
        principal: d(total),
        extras: Decimal::ZERO,
        judgment: None,
    }
}

/// The guards of each path for a claim of `total`.
fn guards(regime: Regime, total: &str) -> Vec<(PathKind, Vec<&'static str>)> {
    let a = Assumptions::defaults(regime);
    let mut out: Vec<(PathKind, Vec<&'static str>)> = rank(claim(regime, total), &a)
        .into_iter()
        .map(|p| (p.path, p.warnings.iter().map(|w| w.code).collect()))
        .collect();
    out.sort_by_key(|p| p.0);
    out
}

/// Between professionals: a lawyer is mandatory above 10 000 € (CPC 853) for a lawsuit or a
/// référé, and for an opposition to an injonction de payer; up to 5 000 € a lawsuit may need
/// an amicable attempt first (CPC 750-1); the small-claims procedure would now be the
/// uncontested one between traders; unpublished fees are named.
#[test]
fn guards_of_each_path_between_professionals() {
    use PathKind::*;
    let at = |total| guards(Regime::B2b, total);
    let expected_10000: Vec<(PathKind, Vec<&str>)> = vec![
        (AmicableOnly, vec![]),
        (FormalNotice, vec![]),
        (PaymentOrder, vec!["payment-order-service"]),
        (Mediation, vec![]),
        (ConventionalMediation, vec![]),
        (Agency, vec![]),
        (
            SmallClaims,
            vec!["small-claims", "small-claims-traders", "unknown-fees"],
        ),
        (Uncontested, vec!["uncontested", "unknown-fees"]),
        (ProvisionalOrder, vec!["unknown-fees"]),
        (Lawsuit, vec![]),
        (Abandon, vec![]),
    ];
    assert_eq!(at("10000"), expected_10000);
    let above = at("10000.01");
    assert_eq!(
        above[2],
        (
            PaymentOrder,
            vec!["payment-order-service", "lawyer-opposition"]
        )
    );
    assert_eq!(above[8], (ProvisionalOrder, vec!["lawyer", "unknown-fees"]));
    assert_eq!(above[9], (Lawsuit, vec!["lawyer"]));
    assert_eq!(above[0], (AmicableOnly, vec![]));
    assert_eq!(at("5000")[9], (Lawsuit, vec!["amicable-attempt"]));
    assert_eq!(at("5000.01")[9], (Lawsuit, vec![]));
}

/// For a consumer: no uncontested-claims warning but the path is closed; an agency's fees
/// cannot be charged to the consumer (CPCE L111-8); the CPC 750-1 attempt applies up to 5 000 €.
#[test]
fn guards_of_each_path_for_a_consumer() {
    use PathKind::*;
    let g = guards(Regime::B2c, "3000");
    let expected: Vec<(PathKind, Vec<&str>)> = vec![
        (AmicableOnly, vec![]),
        (FormalNotice, vec![]),
        (PaymentOrder, vec!["payment-order-service"]),
        (Mediation, vec![]),
        (ConventionalMediation, vec![]),
        (Agency, vec!["agency-consumer"]),
        (SmallClaims, vec!["small-claims", "unknown-fees"]),
        (Uncontested, vec!["uncontested", "unknown-fees"]),
        (ProvisionalOrder, vec!["unknown-fees"]),
        (Lawsuit, vec!["amicable-attempt"]),
        (Abandon, vec![]),
    ];
    assert_eq!(g, expected);
}

/// The texts that change with the regime or the path: CPC 750-1 for a consumer or for a
/// non-trader, and the list of unpublished fees, gone once a fee is typed.
#[test]
fn guard_texts_name_the_regime_and_the_unpublished_fees() {
    let text = |regime, path: PathKind, code: &str, a: &Assumptions| {
        rank(claim(regime, "3000"), a)
            .into_iter()
            .find(|p| p.path == path)
            .and_then(|p| p.warnings.into_iter().find(|w| w.code == code))
            .map(|w| w.message)
    };
    let b2b = Assumptions::defaults(Regime::B2b);
    let b2c = Assumptions::defaults(Regime::B2c);
    let consumer = text(Regime::B2c, PathKind::Lawsuit, "amicable-attempt", &b2c)
        .expect("a consumer's lawsuit");
    assert!(consumer.starts_with(
        "Jusqu'à 5 000 €, la demande doit, à peine d'irrecevabilité, être précédée d'une \
         tentative de conciliation"
    ));
    let trader = text(Regime::B2b, PathKind::Lawsuit, "amicable-attempt", &b2b)
        .expect("a professional's lawsuit");
    assert!(trader.starts_with(
        "Si le débiteur n'est pas commerçant (tribunal judiciaire), jusqu'à 5 000 €, la demande"
    ));
    assert_eq!(
        text(Regime::B2b, PathKind::SmallClaims, "unknown-fees", &b2b).as_deref(),
        Some(
            "Frais non publiés, comptés 0 € : Petites créances (PSPC). Saisissez un devis pour un \
             résultat juste."
        )
    );
    let mut quoted = b2b.clone();
    assert!(quoted.set("pspc.cost", d("150")));
    assert_eq!(
        text(Regime::B2b, PathKind::SmallClaims, "unknown-fees", &quoted),
        None
    );
}

fn plan(json: &str, path: PathKind, today: NaiveDate) -> Vec<Milestone> {
    let (dossier, c) = read(json, today);
    let a = Assumptions::defaults(c.regime);
    timeline(path, &dossier, &c, &a, today)
}

fn dated(t: &[Milestone]) -> Vec<(NaiveDate, MilestoneKind, &str)> {
    t.iter()
        .map(|m| (m.date, m.kind, m.title.as_str()))
        .collect()
}

/// The injonction de payer path from 1 June 2026: relance (15 days), mise en demeure (8 days to
/// pay, 15 days in all), the request on 1 July, the order about 15 days later (16 July), to be
/// served within 3 months (16 October, CPC 1411), the saisie after the 90 days of the
/// procedure (29 September); the prescription of 4 March 2027 is far enough.
#[test]
fn the_payment_order_path_is_dated_from_today() {
    use MilestoneKind::*;
    let t = plan(SEED_DOSSIER, PathKind::PaymentOrder, ymd(2026, 6, 1));
    assert_eq!(
        dated(&t),
        [
            (ymd(2026, 6, 1), Action, "Relancer le débiteur"),
            (
                ymd(2026, 6, 16),
                Action,
                "Envoyer la mise en demeure en recommandé avec avis de réception"
            ),
            (
                ymd(2026, 6, 24),
                Deadline,
                "Fin du délai de paiement, au plus tôt"
            ),
            (
                ymd(2026, 7, 1),
                Action,
                "Déposer une requête en injonction de payer auprès du greffe du tribunal de \
                 commerce"
            ),
            (
                ymd(2026, 9, 29),
                Action,
                "Faire pratiquer une saisie-attribution (commissaire de justice)"
            ),
            (
                ymd(2026, 10, 16),
                Deadline,
                "Faire signifier l'ordonnance, au plus tard 3 mois après sa date"
            ),
            (
                ymd(2027, 3, 4),
                Prescription,
                "Prescription de la facture F-2022-031 : dernier jour pour l'interrompre, au plus tard"
            ),
        ]
    );
    assert!(t[0]
        .detail
        .ends_with("Sans paiement au 16/06/2026, passez à l'étape suivante."));
    assert!(t[3].detail.contains(
        "(CPC 1406), tribunal judiciaire si le débiteur n'est ni commerçant, ni artisan, ni \
         société commerciale ;"
    ));
    assert!(t[5]
        .detail
        .contains("pour une ordonnance vers le 16/07/2026 ;"));
    assert!(t[6]
        .detail
        .starts_with("5 ans comptés depuis la facture du 04/03/2022"));
}

/// On the last day to act the service is due that day; once the invoice is prescribed (the day
/// after, or later), the service deadline is the usual three months, not a date already past.
#[test]
fn after_prescription_the_service_deadline_is_three_months() {
    let last_day = ymd(2027, 3, 4);
    let t = plan(SEED_DOSSIER, PathKind::PaymentOrder, last_day);
    assert!(t
        .iter()
        .any(|m| m.date == last_day
            && m.title == "Faire signifier l'ordonnance avant la prescription"));
    for today in [ymd(2027, 3, 5), ymd(2027, 6, 1)] {
        let t = plan(SEED_DOSSIER, PathKind::PaymentOrder, today);
        let serve = t
            .iter()
            .find(|m| m.title.starts_with("Faire signifier"))
            .expect("service deadline");
        assert_eq!(
            serve.title,
            "Faire signifier l'ordonnance, au plus tard 3 mois après sa date"
        );
        // Request 30 days after today, order 15 days later, 3 months to serve it.
        let order = today + chrono::Days::new(45);
        assert_eq!(
            serve.date,
            order
                .checked_add_months(chrono::Months::new(3))
                .expect("date")
        );
    }
}

/// A consumer with a formal notice sent in June 2025: the relance is skipped, the notice shown as
/// done, every next step starts today; the court is the tribunal judiciaire, and the consumer
/// goes to a conciliateur de justice.
#[test]
fn a_consumer_plan_names_the_tribunal_judiciaire_and_the_conciliateur() {
    use MilestoneKind::*;
    let today = ymd(2026, 11, 22);
    let t = plan(B2C, PathKind::PaymentOrder, today);
    assert_eq!(
        dated(&t),
        [
            (ymd(2025, 6, 2), Done, "Mise en demeure envoyée"),
            (
                today,
                Action,
                "Déposer une requête en injonction de payer auprès du greffe du tribunal \
                 judiciaire"
            ),
            (
                ymd(2027, 2, 13),
                Deadline,
                "Faire signifier l'ordonnance avant la prescription"
            ),
            (
                ymd(2027, 2, 13),
                Prescription,
                "Prescription de la facture 2025-017 : dernier jour pour l'interrompre, au plus tard"
            ),
            (
                ymd(2027, 2, 20),
                Action,
                "Faire pratiquer une saisie-attribution (commissaire de justice)"
            ),
        ]
    );
    assert_eq!(t[0].detail, "Délai de paiement : 8 jours après réception.");
    assert!(t[1]
        .detail
        .starts_with("Celui du lieu où le débiteur est établi ou domicilié (CPC 1406) ; joignez"));
    let mediation = plan(B2C, PathKind::Mediation, today);
    assert_eq!(
        dated(&mediation)[..2],
        [
            (today, Action, "Saisir un conciliateur de justice (gratuit)"),
            (
                ymd(2027, 1, 21),
                Action,
                "Proposer un échéancier en 3 versements"
            ),
        ]
    );
    assert_eq!(mediation[0].detail, "Réponse attendue vers le 21/01/2027.");
    // Amicable only: it does not interrupt prescription, which the milestone says first.
    let amicable = plan(B2C, PathKind::Agency, today);
    assert_eq!(
        amicable[0].title,
        "Confier le dossier à une société de recouvrement"
    );
    assert_eq!(
        amicable[0].detail,
        "Commission prévue : 15 % des sommes recouvrées."
    );
    assert!(amicable[1].detail.starts_with(
        "Cette voie n'interrompt pas la prescription, dont le dernier jour est le 13/02/2027 : "
    ));
    let lawsuit = plan(B2C, PathKind::Lawsuit, today);
    assert_eq!(
        lawsuit[1].title,
        "Assigner au fond devant le tribunal judiciaire"
    );
    assert_eq!(
        lawsuit[1].detail,
        "Jugement attendu vers le 17/12/2027 (durée moyenne indicative) ; l'assignation \
         interrompt la prescription."
    );
    let refere = plan(B2C, PathKind::ProvisionalOrder, today);
    assert_eq!(
        refere[1].title,
        "Assigner en référé-provision devant le président du tribunal judiciaire"
    );
}

/// Between professionals the free mediator is the Médiateur des entreprises; a lawsuit goes to
/// the tribunal de commerce; an agency's commission is written with two decimals unless whole.
#[test]
fn a_professional_plan_names_the_mediator_and_the_tribunal_de_commerce() {
    let today = ymd(2026, 11, 22);
    let mediation = plan(SEED_DOSSIER, PathKind::Mediation, today);
    assert_eq!(
        mediation[1].title,
        "Saisir le Médiateur des entreprises (gratuit)"
    );
    let lawsuit = plan(SEED_DOSSIER, PathKind::Lawsuit, today);
    assert_eq!(
        lawsuit[3].title,
        "Assigner au fond devant le tribunal de commerce"
    );
    let (dossier, c) = read(SEED_DOSSIER, today);
    let mut a = Assumptions::defaults(Regime::B2b);
    assert!(a.set("agence.fee", d("12.5")));
    let agency = timeline(PathKind::Agency, &dossier, &c, &a, today);
    assert_eq!(
        agency[0].detail,
        "Commission prévue : 12,50 % des sommes recouvrées."
    );
}

/// The names of the timeline's milestones, as the page and the CLI show them.
#[test]
fn milestone_kinds_are_named_in_french() {
    let names: Vec<&str> = [
        MilestoneKind::Action,
        MilestoneKind::Deadline,
        MilestoneKind::Done,
        MilestoneKind::Prescription,
    ]
    .into_iter()
    .map(MilestoneKind::label)
    .collect();
    assert_eq!(names, ["À faire", "Date limite", "Fait", "Prescription"]);
}
