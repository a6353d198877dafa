//! The vocabulary of the strategy model and its assumptions: stable codes, French labels, the
//! documented defaults (legal-reference §4) with their basis, and how a typed value is read and
//! bounded.

use std::str::FromStr;

use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::strategy::params::{check_value, params, parse_value, slot, unit_of, Slot};
use relance_engine::strategy::{
    Assumptions, Basis, Claim, Field, Global, Overrides, PathKind, StepKind, Unit, MAX_CLAIM,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal constant")
}

/// Every step's code (used in parameter ids and the JSON) and French name; only mediation is
/// named after the regime: the Médiateur des entreprises between professionals, a conciliateur
/// de justice for a consumer.
#[test]
fn steps_have_stable_codes_and_french_names() {
    let expected = [
        (StepKind::Reminder, "relance", "Relance amiable"),
        (
            StepKind::FormalNotice,
            "mise-en-demeure",
            "Mise en demeure (LRAR)",
        ),
        (
            StepKind::Mediation,
            "mediation",
            "Médiateur des entreprises",
        ),
        (
            StepKind::ConventionalMediation,
            "mediation-conventionnelle",
            "Médiation conventionnelle",
        ),
        (
            StepKind::Negotiation,
            "negociation",
            "Négociation (remise, échéancier)",
        ),
        (StepKind::Agency, "agence", "Société de recouvrement"),
        (StepKind::PaymentOrder, "injonction", "Injonction de payer"),
        (StepKind::SmallClaims, "pspc", "Petites créances (PSPC)"),
        (
            StepKind::Uncontested,
            "incontestees",
            "Créances commerciales incontestées",
        ),
        (StepKind::ProvisionalOrder, "refere", "Référé-provision"),
        (StepKind::Lawsuit, "fond", "Action au fond"),
        (StepKind::Enforcement, "saisie", "Saisie-attribution"),
        (
            StepKind::PaymentRequest,
            "demande-paiement",
            "Demande de paiement écrite",
        ),
        (
            StepKind::AdminProvision,
            "refere-ta",
            "Référé-provision (tribunal administratif)",
        ),
        (
            StepKind::AdminLawsuit,
            "fond-ta",
            "Action devant le tribunal administratif",
        ),
        (
            StepKind::PrefectMandate,
            "mandatement",
            "Mandatement d'office par le préfet",
        ),
        (
            StepKind::ExecutionDemand,
            "demande-execution",
            "Demande d'exécution du jugement (LRAR)",
        ),
        (StepKind::SaleSeizure, "saisie-vente", "Saisie-vente"),
    ];
    assert_eq!(expected.map(|e| e.0), StepKind::ALL);
    for (step, code, label) in expected {
        assert_eq!(step.code(), code);
        assert_eq!(step.label(Regime::B2b), label);
        if step != StepKind::Mediation {
            assert_eq!(step.label(Regime::B2c), label);
        }
    }
    assert_eq!(
        StepKind::Mediation.label(Regime::B2c),
        "Conciliateur de justice"
    );
}

/// Before a judge, a commissaire de justice or the prefect, accessories are claimed in full: the
/// six judicial steps, a public buyer's three and the saisie-vente, not the amicable ones (nor
/// the letter asking to execute a decision).
#[test]
fn only_court_and_enforcement_steps_are_judicial() {
    let judicial: Vec<StepKind> = StepKind::ALL
        .into_iter()
        .filter(|s| s.is_judicial())
        .collect();
    assert_eq!(
        judicial,
        [
            StepKind::PaymentOrder,
            StepKind::SmallClaims,
            StepKind::Uncontested,
            StepKind::ProvisionalOrder,
            StepKind::Lawsuit,
            StepKind::Enforcement,
            StepKind::AdminProvision,
            StepKind::AdminLawsuit,
            StepKind::PrefectMandate,
            StepKind::SaleSeizure,
        ]
    );
}

/// Every path's code (the CLI's `--path`), French name and ladder; a code reads back as its path
/// and an unknown code as nothing.
#[test]
fn paths_have_stable_codes_names_and_ladders() {
    use StepKind::*;
    let expected: [(PathKind, &str, &str, &[StepKind]); 19] = [
        (
            PathKind::AmicableOnly,
            "amiable",
            "Relance amiable seule",
            &[Reminder],
        ),
        (
            PathKind::FormalNotice,
            "mise-en-demeure",
            "Relance puis mise en demeure",
            &[Reminder, FormalNotice],
        ),
        (
            PathKind::PaymentOrder,
            "injonction",
            "Mise en demeure puis injonction de payer",
            &[Reminder, FormalNotice, PaymentOrder, Enforcement],
        ),
        (
            PathKind::Mediation,
            "mediation",
            "Médiation gratuite puis échéancier",
            &[Reminder, Mediation, Negotiation],
        ),
        (
            PathKind::ConventionalMediation,
            "mediation-conventionnelle",
            "Médiation payante puis échéancier",
            &[Reminder, ConventionalMediation, Negotiation],
        ),
        (
            PathKind::Agency,
            "agence",
            "Société de recouvrement",
            &[Agency],
        ),
        (
            PathKind::SmallClaims,
            "pspc",
            "Mise en demeure puis petites créances",
            &[Reminder, FormalNotice, SmallClaims, Enforcement],
        ),
        (
            PathKind::Uncontested,
            "incontestees",
            "Mise en demeure puis créance incontestée",
            &[Reminder, FormalNotice, Uncontested, Enforcement],
        ),
        (
            PathKind::ProvisionalOrder,
            "refere",
            "Mise en demeure puis référé-provision",
            &[Reminder, FormalNotice, ProvisionalOrder, Enforcement],
        ),
        (
            PathKind::Lawsuit,
            "fond",
            "Mise en demeure puis action au fond",
            &[Reminder, FormalNotice, Lawsuit, Enforcement],
        ),
        (
            PathKind::PublicRequest,
            "demande-paiement",
            "Relance puis demande de paiement écrite",
            &[Reminder, PaymentRequest],
        ),
        (
            PathKind::PublicMediation,
            "mediation-publique",
            "Demande de paiement puis Médiateur des entreprises",
            &[Reminder, PaymentRequest, Mediation],
        ),
        (
            PathKind::AdminProvision,
            "refere-ta",
            "Demande de paiement puis référé-provision au tribunal administratif",
            &[Reminder, PaymentRequest, StepKind::AdminProvision],
        ),
        (
            PathKind::AdminLawsuit,
            "fond-ta",
            "Demande de paiement puis action au tribunal administratif",
            &[Reminder, PaymentRequest, StepKind::AdminLawsuit],
        ),
        (
            PathKind::PrefectMandate,
            "mandatement",
            "Demande de paiement puis mandatement d'office (collectivité territoriale)",
            &[Reminder, PaymentRequest, StepKind::PrefectMandate],
        ),
        (
            PathKind::ExecutionDemand,
            "demande-execution",
            "Demande d'exécution puis saisie-attribution",
            &[StepKind::ExecutionDemand, Enforcement],
        ),
        (
            PathKind::Seizure,
            "saisie-attribution",
            "Saisie-attribution sans attendre",
            &[Enforcement],
        ),
        (
            PathKind::SaleSeizure,
            "saisie-vente",
            "Saisie-attribution puis saisie-vente",
            &[Enforcement, StepKind::SaleSeizure],
        ),
        (
            PathKind::Abandon,
            "abandon",
            "Ne plus rien faire (passer la créance en perte)",
            &[],
        ),
    ];
    assert_eq!(expected.map(|e| e.0), PathKind::ALL);
    for (path, code, label, steps) in expected {
        assert_eq!(path.code(), code);
        assert_eq!(path.label(), label);
        assert_eq!(path.steps(), steps);
        assert_eq!(PathKind::from_code(code), Some(path));
    }
    assert_eq!(PathKind::from_code("nope"), None);
    assert_eq!(PathKind::from_code(""), None);
}

/// A claim scaled for the chart keeps its shape: 1 000 € + 200 € of accessories scaled to
/// 3 000 € carries 600 € of accessories; a claim without principal scales to no accessories;
/// the principal is clamped to the model's range.
#[test]
fn a_scaled_claim_keeps_its_accessories_in_proportion() {
    let c = Claim {
        regime: Regime::B2c,
        principal: d("1000"),
        extras: d("200"),
        judgment: None,
    };
    assert_eq!(c.total(), d("1200"));
    let s = c.scaled(d("3000"));
    assert_eq!(s.regime, Regime::B2c);
    assert_eq!((s.principal, s.extras), (d("3000"), d("600")));
    assert_eq!(c.scaled(d("-5")).principal, Decimal::ZERO);
    assert_eq!(c.scaled(Decimal::MAX).principal, MAX_CLAIM);
    // 20 % of 10¹⁵ € is within the range.
    assert_eq!(c.scaled(Decimal::MAX).extras, MAX_CLAIM / Decimal::from(5));
    let empty = Claim {
        principal: Decimal::ZERO,
        ..c
    };
    assert_eq!(empty.scaled(d("3000")).extras, Decimal::ZERO);
}

/// The badges of the bases, their codes (JSON), the fields' codes, labels and units, and the
/// globals' ids.
#[test]
fn bases_fields_and_globals_have_stable_codes_and_labels() {
    let bases = [
        (Basis::Official, "official", "texte officiel"),
        (Basis::ThirdParty, "third-party", "source secondaire"),
        (Basis::Unverified, "unverified", "non vérifié"),
        (Basis::Forum, "forum", "chiffre forum"),
        (Basis::Assumption, "assumption", "hypothèse"),
        (Basis::Unknown, "unknown", "inconnu"),
    ];
    for (basis, code, label) in bases {
        assert_eq!((basis.code(), basis.label()), (code, label));
    }
    let fields = [
        (Field::Cost, "cost", "Frais", Unit::Euro),
        (Field::Hours, "hours", "Votre temps", Unit::Hours),
        (Field::Days, "days", "Durée", Unit::Days),
        (
            Field::Success,
            "success",
            "Chance d'être payé",
            Unit::Percent,
        ),
        (Field::Share, "share", "Part obtenue", Unit::Percent),
        (Field::Fee, "fee", "Commission", Unit::Percent),
        (
            Field::Recoverable,
            "recoverable",
            "Frais mis à la charge du débiteur",
            Unit::Percent,
        ),
    ];
    assert_eq!(fields.map(|f| f.0), Field::ALL);
    for (field, code, label, unit) in fields {
        assert_eq!(
            (field.code(), field.label(), field.unit()),
            (code, label, unit)
        );
    }
    let globals = [
        (Global::HourlyRate, "global.hourly_rate", Unit::EuroPerHour),
        (Global::Insolvency, "global.insolvency", Unit::Percent),
        (
            Global::InsolvencyRecovery,
            "global.insolvency_recovery",
            Unit::Percent,
        ),
        (
            Global::CostOfMoney,
            "global.cost_of_money",
            Unit::PercentPerYear,
        ),
        (
            Global::AmicableExtras,
            "global.amicable_extras",
            Unit::Percent,
        ),
        (
            Global::AmicableDecay,
            "global.amicable_decay",
            Unit::Percent,
        ),
        (Global::LawyerLawsuit, "lawyer.lawsuit", Unit::Euro),
        (
            Global::LawyerProvisional,
            "lawyer.provisional_order",
            Unit::Euro,
        ),
        (
            Global::LawyerArticle700,
            "lawyer.article_700",
            Unit::Percent,
        ),
        (Global::Opposition, "global.opposition", Unit::Percent),
        (Global::VatPaid, "global.vat_paid", Unit::Percent),
        (Global::PlanInstalments, "plan.instalments", Unit::Count),
        (Global::PlanInterval, "plan.interval_months", Unit::Count),
        (Global::PlanDefault, "plan.default", Unit::Percent),
        (
            Global::LawyerAdministrative,
            "lawyer.administrative",
            Unit::Euro,
        ),
        (Global::PrefectOpen, "public.prefect", Unit::Percent),
    ];
    assert_eq!(globals.map(|g| g.0), Global::ALL);
    for (global, id, unit) in globals {
        assert_eq!(global.id(), id);
        assert_eq!(slot(id), Some(Slot::Global(global)));
        assert_eq!(unit_of(Slot::Global(global)), unit);
    }
}

/// The parameter table: the globals first (label, unit, default), then each step's seven fields
/// with ids `<step>.<field>`, the field's label and unit.
#[test]
fn the_parameter_table_lists_globals_then_every_step_field() {
    let ps = params(Regime::B2b);
    assert_eq!(ps.len(), 14 + 12 * 7);
    let globals: Vec<(&str, &str, Unit, Decimal)> = ps[..14]
        .iter()
        .map(|p| (p.id.as_str(), p.label, p.unit, p.default))
        .collect();
    assert_eq!(
        globals,
        [
            (
                "global.hourly_rate",
                "Valeur d'une heure de votre temps",
                Unit::EuroPerHour,
                d("50")
            ),
            (
                "global.insolvency",
                "Probabilité que le débiteur soit insolvable",
                Unit::Percent,
                d("0")
            ),
            (
                "global.insolvency_recovery",
                "Part récupérée si le débiteur est insolvable",
                Unit::Percent,
                d("0")
            ),
            (
                "global.cost_of_money",
                "Votre coût de l'argent",
                Unit::PercentPerYear,
                d("0")
            ),
            (
                "global.amicable_extras",
                "Pénalités et indemnité obtenues à l'amiable",
                Unit::Percent,
                d("0")
            ),
            (
                "global.amicable_decay",
                "Chance d'une démarche amiable après un échec (en % de sa chance de départ)",
                Unit::Percent,
                d("75")
            ),
            (
                "lawyer.lawsuit",
                "Honoraires d'avocat d'une action au fond, si la demande dépasse 10 000 €",
                Unit::Euro,
                d("2200")
            ),
            (
                "lawyer.provisional_order",
                "Honoraires d'avocat d'un référé-provision, si la demande dépasse 10 000 €",
                Unit::Euro,
                d("900")
            ),
            (
                "lawyer.article_700",
                "Part des honoraires d'avocat remboursée par le débiteur (article 700)",
                Unit::Percent,
                d("0")
            ),
            (
                "global.opposition",
                "Probabilité que le débiteur forme opposition à l'injonction de payer",
                Unit::Percent,
                d("3.25")
            ),
            (
                "global.vat_paid",
                "TVA déjà reversée sur la facture (en % du TTC)",
                Unit::Percent,
                d("0")
            ),
            (
                "plan.instalments",
                "Échéancier : nombre d'échéances",
                Unit::Count,
                d("3")
            ),
            (
                "plan.interval_months",
                "Échéancier : mois entre deux échéances",
                Unit::Count,
                d("1")
            ),
            (
                "plan.default",
                "Échéancier : risque d'arrêt à chaque échéance",
                Unit::Percent,
                d("0")
            ),
        ]
    );
    assert_eq!(ps[14].id, "relance.cost");
    assert_eq!(ps[14].slot, Slot::Step(StepKind::Reminder, Field::Cost));
    assert_eq!((ps[14].label, ps[14].unit), ("Frais", Unit::Euro));
    assert_eq!(ps[14].source, "Courriel ou lettre simple.");
    let last = ps.last().expect("parameters");
    assert_eq!(last.id, "saisie.recoverable");
    assert_eq!(last.unit, Unit::Percent);
}

/// The documented defaults that differ between a professional and a consumer debtor: the
/// mediator (Médiateur des entreprises, 70 % of agreements; conciliateur, about 50 %), the greffe
/// fee of an injonction de payer (38.40 € at the tribunal de commerce, free at the tribunal
/// judiciaire) and the length of a lawsuit (10 months at the tribunal de commerce, 12.9 at the
/// tribunal judiciaire).
#[test]
fn defaults_follow_the_court_of_the_regime() {
    let b2b = Assumptions::defaults(Regime::B2b);
    let b2c = Assumptions::defaults(Regime::B2c);
    let both = |id: &str| (b2b.get(id), b2c.get(id));
    assert_eq!(both("mediation.success"), (Some(d("70")), Some(d("50"))));
    assert_eq!(both("injonction.cost"), (Some(d("38.40")), Some(d("0"))));
    assert_eq!(both("fond.days"), (Some(d("300")), Some(d("390"))));
    assert_eq!(both("mediation.cost"), (Some(d("0")), Some(d("0"))));
    let source = |regime, id: &str| {
        params(regime)
            .into_iter()
            .find(|p| p.id == id)
            .map(|p| (p.basis, p.source))
            .expect(id)
    };
    let (basis, text) = source(Regime::B2b, "mediation.cost");
    assert_eq!(basis, Basis::ThirdParty);
    assert!(text.starts_with("Médiateur des entreprises"), "{text}");
    let (_, text) = source(Regime::B2c, "mediation.cost");
    assert!(text.starts_with("Conciliateur de justice"), "{text}");
    let (basis, text) = source(Regime::B2b, "injonction.cost");
    assert_eq!(basis, Basis::Unverified);
    assert!(text.starts_with("Greffe du tribunal de commerce"), "{text}");
    let (basis, text) = source(Regime::B2c, "injonction.cost");
    assert_eq!(basis, Basis::ThirdParty);
    assert!(text.starts_with("Requête gratuite"), "{text}");
    let (_, text) = source(Regime::B2c, "fond.days");
    assert!(
        text.starts_with("Tribunal judiciaire : 12,9 mois"),
        "{text}"
    );
    let (_, text) = source(Regime::B2c, "mediation.success");
    assert!(text.starts_with("Conciliateurs de justice"), "{text}");
    // The basis of a step field follows the regime too.
    assert_eq!(
        b2b.basis(StepKind::PaymentOrder, Field::Cost),
        Basis::Unverified
    );
    assert_eq!(
        b2c.basis(StepKind::PaymentOrder, Field::Cost),
        Basis::ThirdParty
    );
    assert_eq!(
        b2b.basis(StepKind::SmallClaims, Field::Cost),
        Basis::Unknown
    );
}

/// The figures of legal-reference §4 and the forum figures, as defaults: LRAR 6.11 €, a lawsuit
/// 800 € and 65 %, a reminder 40 %, an agency 15 %, the saisie's fees borne by the debtor
/// (CPCE L111-8), the small-claims fees by the creditor (L125-1).
#[test]
fn sourced_defaults_are_the_documented_figures() {
    let a = Assumptions::defaults(Regime::B2b);
    let expected = [
        ("mise-en-demeure.cost", "6.11"),
        ("fond.cost", "800"),
        ("fond.success", "65"),
        ("fond.hours", "10"),
        ("relance.success", "40"),
        ("relance.hours", "0.5"),
        ("agence.fee", "15"),
        ("agence.cost", "0"),
        ("mediation-conventionnelle.cost", "1100"),
        ("saisie.recoverable", "100"),
        ("injonction.recoverable", "100"),
        ("pspc.recoverable", "0"),
        ("saisie.success", "0"),
        ("relance.share", "100"),
        ("fond.fee", "0"),
    ];
    for (id, value) in expected {
        assert_eq!(a.get(id), Some(d(value)), "{id}");
    }
    assert_eq!(a.get("nope"), None);
    assert_eq!(a.get("fond.nope"), None);
    assert_eq!(a.get("nope.cost"), None);
}

/// Each unit's range, boundaries included, with its French message; counts are whole numbers
/// from 1.
#[test]
fn values_are_checked_against_their_unit_range() {
    let ok = |unit, v: &str| check_value(unit, d(v)).is_ok();
    for (unit, max, above) in [
        (Unit::Percent, "100", "100.01"),
        (Unit::PercentPerYear, "100", "100.01"),
        (Unit::Euro, "10000000", "10000000.01"),
        (Unit::EuroPerHour, "10000000", "10000000.01"),
        (Unit::Hours, "10000", "10000.1"),
        (Unit::Days, "3650", "3651"),
        (Unit::Count, "60", "61"),
    ] {
        assert!(ok(unit, max), "{unit:?} {max}");
        assert!(!ok(unit, above), "{unit:?} {above}");
        assert!(!ok(unit, "-1"), "{unit:?}");
    }
    assert!(ok(Unit::Percent, "0"));
    assert!(ok(Unit::Percent, "12.5"));
    assert!(ok(Unit::Count, "1"));
    assert!(!ok(Unit::Count, "0"));
    assert!(!ok(Unit::Count, "2.5"));
    assert_eq!(
        check_value(Unit::Percent, d("101")),
        Err("attendu : un pourcentage entre 0 et 100".to_owned())
    );
    assert_eq!(
        check_value(Unit::Count, d("0")),
        Err("attendu : un nombre entier entre 1 et 60".to_owned())
    );
    assert_eq!(
        check_value(Unit::Days, d("-1")),
        Err("attendu : une durée entre 0 et 3 650 jours".to_owned())
    );
    assert_eq!(
        check_value(Unit::PercentPerYear, d("200")),
        Err("attendu : un taux annuel entre 0 et 100 %".to_owned())
    );
    assert_eq!(
        check_value(Unit::Euro, d("-1")),
        Err("attendu : un montant entre 0 et 10 000 000 €".to_owned())
    );
    assert_eq!(
        check_value(Unit::Hours, d("10001")),
        Err("attendu : un nombre d'heures entre 0 et 10 000".to_owned())
    );
}

/// A typed value is read in French or English notation, with spaces (also narrow and
/// non-breaking) and a trailing unit sign; what cannot be read is named.
#[test]
fn typed_values_are_read_in_french_notation() {
    assert_eq!(parse_value("fond.cost", "1 200,50 €"), Ok(d("1200.50")));
    assert_eq!(parse_value("fond.cost", "1\u{202f}200"), Ok(d("1200")));
    assert_eq!(parse_value("fond.cost", "1\u{a0}200"), Ok(d("1200")));
    assert_eq!(parse_value("fond.hours", " 12h "), Ok(d("12")));
    assert_eq!(parse_value("fond.days", "30j"), Ok(d("30")));
    assert_eq!(parse_value("fond.success", "62.5%"), Ok(d("62.5")));
    assert_eq!(parse_value("plan.instalments", "6"), Ok(d("6")));
    assert_eq!(
        parse_value("plan.instalments", "0"),
        Err("attendu : un nombre entier entre 1 et 60".to_owned())
    );
    assert_eq!(
        parse_value("fond.cost", "  "),
        Err("valeur manquante".to_owned())
    );
    assert_eq!(
        parse_value("fond.cost", " 12a "),
        Err("nombre invalide « 12a »".to_owned())
    );
    assert_eq!(
        parse_value("x.y", "3"),
        Err("paramètre inconnu « x.y »".to_owned())
    );
}

/// A parameter is set by id when its value is in range; an unknown id or a value out of range
/// changes nothing. Only the values that differ from the defaults are overrides.
#[test]
fn assumptions_are_set_by_id_within_range() {
    let mut a = Assumptions::defaults(Regime::B2b);
    assert!(a.set("global.hourly_rate", d("80")));
    assert_eq!(a.get("global.hourly_rate"), Some(d("80")));
    assert!(a.set("pspc.days", d("60")));
    assert_eq!(a.step(StepKind::SmallClaims, Field::Days), d("60"));
    assert!(!a.set("pspc.success", d("101")));
    assert_eq!(a.get("pspc.success"), Some(d("65")));
    assert!(!a.set("pspc.nope", d("1")));
    // Setting a default back is no override.
    assert!(a.set("fond.cost", d("800")));
    let o = a.overrides();
    let expected: Overrides = [
        ("global.hourly_rate".to_owned(), d("80")),
        ("pspc.days".to_owned(), d("60")),
    ]
    .into_iter()
    .collect();
    assert_eq!(o, expected);
    let back = Assumptions::with(Regime::B2b, &o);
    assert_eq!(back, a);
    assert_eq!(back.global(Global::HourlyRate), d("80"));
    // Out-of-range overrides are skipped, the rest applied.
    let mut bad = o.clone();
    bad.insert("fond.success".to_owned(), d("150"));
    bad.insert("nope".to_owned(), d("1"));
    assert_eq!(Assumptions::with(Regime::B2b, &bad), a);
}

/// The slot of a parameter id: a global, or a step and a field; anything else is none.
#[test]
fn parameter_ids_name_their_slot() {
    assert_eq!(
        slot("fond.cost"),
        Some(Slot::Step(StepKind::Lawsuit, Field::Cost))
    );
    assert_eq!(
        slot("mise-en-demeure.recoverable"),
        Some(Slot::Step(StepKind::FormalNotice, Field::Recoverable))
    );
    assert_eq!(
        slot("plan.default"),
        Some(Slot::Global(Global::PlanDefault))
    );
    assert_eq!(slot("fond"), None);
    assert_eq!(slot("fond.costs"), None);
    assert_eq!(slot("procès.cost"), None);
    assert_eq!(
        unit_of(Slot::Step(StepKind::Lawsuit, Field::Days)),
        Unit::Days
    );
}

/// What a path's chances rest on: the weakest basis among its steps' default chances, the
/// ones the user typed left out; nothing for a path without steps.
#[test]
fn a_path_says_what_its_chances_rest_on() {
    let mut a = Assumptions::defaults(Regime::B2b);
    let rests = |a: &Assumptions, p: PathKind| a.chance_basis(p.steps());
    assert_eq!(rests(&a, PathKind::PaymentOrder), Some(Basis::Forum));
    assert_eq!(rests(&a, PathKind::Mediation), Some(Basis::Forum));
    assert_eq!(rests(&a, PathKind::Abandon), None);
    assert!(a.set("relance.success", d("30")));
    assert!(a.set("negociation.success", d("30")));
    // Left: the Médiateur des entreprises' own figure, a secondary source.
    assert_eq!(rests(&a, PathKind::Mediation), Some(Basis::ThirdParty));
    assert!(a.set("agence.success", d("30")));
    assert_eq!(rests(&a, PathKind::Agency), None);
    assert_eq!(Basis::Forum.rests_on(), Some("chiffres de forum"));
    assert_eq!(Basis::Official.rests_on(), None);
}
