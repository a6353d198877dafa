//! Eligibility and legal guards: the competent court, lawyer thresholds, the compulsory
//! amicable attempt, prescription, unknown or unverified fees.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::params::{Assumptions, Basis, Field, Global};
use super::tariff::{AMICABLE_ATTEMPT_CAP, LAWYER_THRESHOLD};
use super::{Claim, PathKind, StepKind};
use crate::compute::{Computation, Regime};
use crate::dossier::Dossier;
use crate::fr::date as fr_date;

/// One guard, with a stable code and its French text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

fn w(code: &'static str, message: impl Into<String>) -> Warning {
    Warning {
        code,
        message: message.into(),
    }
}

/// The court that usually hears the claim, after "du" ("du tribunal de commerce").
pub fn court(regime: Regime) -> &'static str {
    match regime {
        Regime::B2b => "du tribunal de commerce",
        Regime::B2c => "du tribunal judiciaire",
    }
}

/// C. com. L110-4 / C. civ. 2224: 5 years; C. conso. L218-2: 2 years for a consumer.
pub fn prescription_years(regime: Regime) -> u32 {
    match regime {
        Regime::B2b => 5,
        Regime::B2c => 2,
    }
}

/// The unpaid invoice prescribed first and the latest day it can be: the period runs from the
/// end of the service (Cass. com. 26 Feb 2020 n° 18-25.036), which Relance does not know, so
/// it counts from the issue date (else the due date) — a service ends before its invoice.
pub fn prescription(computation: &Computation) -> Option<(String, NaiveDate)> {
    let years = prescription_years(computation.regime);
    computation
        .invoices
        .iter()
        .filter(|i| i.principal > Decimal::ZERO)
        .map(|i| (i, i.issued.unwrap_or(i.due)))
        .min_by_key(|(_, start)| *start)
        .and_then(|(i, start)| {
            let date = start.checked_add_months(Months::new(12 * years))?;
            Some((i.number.clone(), date))
        })
}

/// What interrupts prescription and what does not (C. civ. 2238, 2240, 2241, 2244).
pub const INTERRUPTION: &str = "Seuls l'interrompent : une assignation (au fond ou en référé), la \
     signification de l'ordonnance d'injonction de payer (pas le dépôt de la requête), une mesure \
     conservatoire ou d'exécution, ou une reconnaissance de la dette, y compris un paiement \
     partiel (C. civ. 2240, 2241, 2244). Une lettre, même recommandée, ne l'interrompt pas ; une \
     médiation ou une conciliation la suspend seulement (C. civ. 2238).";

/// Guards that concern every path.
pub(crate) fn general(
    dossier: &Dossier,
    computation: &Computation,
    claim: Claim,
    a: &Assumptions,
    today: NaiveDate,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if claim.total() <= Decimal::ZERO {
        out.push(w(
            "nothing-owed",
            "Rien ne reste dû à la date de calcul : aucune démarche ne rapporterait quelque chose.",
        ));
    }
    if a.global(Global::Insolvency) > Decimal::ZERO {
        out.push(w(
            "insolvency",
            "Si le débiteur est en sauvegarde, redressement ou liquidation judiciaire, le \
             jugement d'ouverture interrompt ou interdit les actions en paiement et arrête les \
             exécutions (C. com. L622-21) : déclarez la créance au mandataire judiciaire ou au \
             liquidateur dans les 2 mois de la publication au BODACC (R622-24).",
        ));
    }
    let seat = seat(dossier);
    out.push(w(
        "court",
        match claim.regime {
            Regime::B2b => format!(
                "Tribunal compétent : pour l'injonction de payer, seul est compétent le tribunal \
                 du lieu où le débiteur est établi ou domicilié (CPC 1406) : le tribunal de \
                 commerce (ou des activités économiques) s'il est commerçant, artisan ou société \
                 commerciale, sinon le tribunal judiciaire.{seat}"
            ),
            Regime::B2c => format!(
                "Tribunal compétent : pour l'injonction de payer, seul est compétent le tribunal \
                 judiciaire du lieu où demeure le débiteur (CPC 1406).{seat}"
            ),
        },
    ));
    if let Some((invoice, date)) = prescription(computation) {
        let years = prescription_years(claim.regime);
        let text = if date <= today {
            format!(
                "La facture {invoice} semble prescrite depuis le {} au plus tard ({years} ans), \
                 sauf interruption ou suspension (paiement partiel, reconnaissance de dette, \
                 demande en justice, médiation).",
                fr_date(date)
            )
        } else {
            format!(
                "Prescription : la facture {invoice} sera prescrite le {} au plus tard ({years} \
                 ans, comptés ici depuis la facture ; la Cour de cassation les fait courir dès la \
                 fin de la prestation, parfois plus tôt ; sauf prescription spéciale plus courte, \
                 comme 1 an pour un transport). Un paiement déjà enregistré ne décale pas cette \
                 date ici. {INTERRUPTION}",
                fr_date(date)
            )
        };
        out.push(w("prescription", text));
    }
    out
}

/// The last line of the debtor's address (usually the town), to find the court.
fn seat(dossier: &Dossier) -> String {
    dossier
        .debtor
        .identity
        .address
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(|l| format!(" Adresse du débiteur dans le dossier : {l}."))
        .unwrap_or_default()
}

/// Steps that interrupt prescription (C. civ. 2241, 2244): the signification of an
/// injonction de payer, an assignation, an enforcement measure.
fn interrupts(step: StepKind) -> bool {
    matches!(
        step,
        StepKind::PaymentOrder
            | StepKind::ProvisionalOrder
            | StepKind::Lawsuit
            | StepKind::Enforcement
    )
}

/// Days after its start at which a step interrupts prescription: an injonction de payer only
/// once its order is served (about two weeks for the order, then the service).
fn interruption_delay(step: StepKind) -> i64 {
    if step == StepKind::PaymentOrder {
        15
    } else {
        0
    }
}

/// A warning when `path` would let the claim be prescribed on `prescribed` before anything in it
/// interrupts prescription, its steps taking the durations of `a` from `today`.
pub(crate) fn prescription_risk(
    path: PathKind,
    a: &Assumptions,
    today: NaiveDate,
    prescribed: NaiveDate,
) -> Option<Warning> {
    if prescribed <= today {
        return None;
    }
    let mut day = Decimal::ZERO;
    let mut interrupted_on = None;
    for &step in path.steps() {
        if interrupts(step) {
            interrupted_on = Some(day + Decimal::from(interruption_delay(step)));
            break;
        }
        day += a.step(step, Field::Days);
    }
    // A path that never interrupts it lets the claim be prescribed unless the debtor pays.
    if let Some(when) = interrupted_on {
        let days = u64::try_from(when.round().mantissa()).unwrap_or(u64::MAX);
        let date = today.checked_add_days(chrono::Days::new(days));
        if date.is_some_and(|d| d < prescribed) {
            return None;
        }
    }
    Some(w(
        "prescription-risk",
        match interrupted_on {
            Some(_) => format!(
                "Au rythme prévu, l'action en justice viendrait après la prescription du {} : \
                 engagez-la plus tôt.",
                fr_date(prescribed)
            ),
            None => format!(
                "Cette voie n'interrompt pas la prescription du {} : sans paiement d'ici là, \
                 la créance ne pourra plus être réclamée en justice.",
                fr_date(prescribed)
            ),
        },
    ))
}

/// Guards for one path.
pub(crate) fn for_path(path: PathKind, claim: Claim, a: &Assumptions) -> Vec<Warning> {
    let mut out = Vec::new();
    let steps = path.steps();
    let total = claim.total();
    let has = |s: StepKind| steps.contains(&s);
    if (has(StepKind::Lawsuit) || has(StepKind::ProvisionalOrder)) && total > LAWYER_THRESHOLD {
        // CPC 853 (tribunal de commerce), 760-761 (tribunal judiciaire).
        out.push(w(
            "lawyer",
            "Avocat obligatoire au-delà de 10 000 € (CPC 853 ; 760-761) : ajoutez ses honoraires \
             aux frais de l'étape.",
        ));
    }
    if has(StepKind::PaymentOrder) {
        out.push(w(
            "payment-order-service",
            "L'ordonnance d'injonction de payer doit être signifiée dans les 3 mois de sa date, \
             sinon elle est non avenue (CPC 1411 modifié par le décret n° 2026-96, ordonnances \
             rendues à compter du 1er septembre 2026). Le dépôt de la requête n'interrompt pas la \
             prescription ; la signification l'interrompt.",
        ));
        if total > LAWYER_THRESHOLD {
            out.push(w(
                "lawyer-opposition",
                "Pas d'avocat pour la requête ; en cas d'opposition au-delà de 10 000 €, avocat \
                 obligatoire (sauf matières du juge des contentieux de la protection).",
            ));
        }
    }
    if has(StepKind::Lawsuit) && total <= AMICABLE_ATTEMPT_CAP {
        let when = match claim.regime {
            Regime::B2c => "Jusqu'à 5 000 €",
            Regime::B2b => {
                "Si le débiteur n'est pas commerçant (tribunal judiciaire), jusqu'à 5 000 €"
            }
        };
        out.push(w(
            "amicable-attempt",
            format!(
                "{when}, la demande doit, à peine d'irrecevabilité, être précédée d'une tentative \
                 de conciliation par un conciliateur de justice, de médiation ou de procédure \
                 participative (CPC 750-1), sauf dispense ; elle n'est exigée ni pour \
                 l'injonction de payer ni après opposition (avis Cass. 25 sept. 2025)."
            ),
        ));
    }
    if has(StepKind::SmallClaims) {
        out.push(w(
            "small-claims",
            "Le débiteur doit accepter d'y participer ; sans accord sur le montant et \
             l'échéancier, passez à l'injonction de payer. Tous les frais restent à votre charge \
             (CPCE L125-1).",
        ));
        if claim.regime == Regime::B2b {
            out.push(w(
                "small-claims-traders",
                "Depuis la loi n° 2026-307 du 23 avril 2026, les créances facturées entre \
                 commerçants relèveraient de la procédure des créances incontestées et non plus \
                 des petites créances (texte à vérifier).",
            ));
        }
    }
    if has(StepKind::Uncontested) {
        out.push(w(
            "uncontested",
            "Procédure de la loi du 23 avril 2026 : entre commerçants (artisans non visés), pour \
             une créance facturée, certaine, liquide et exigible ; une contestation y met fin. \
             Son tarif n'est pas encore publié.",
        ));
    }
    if has(StepKind::Agency) && claim.regime == Regime::B2c {
        out.push(w(
            "agency-consumer",
            "Les frais de recouvrement amiable restent à la charge du créancier (CPCE L111-8) : \
             ne les réclamez pas au consommateur.",
        ));
    }
    let unknown: Vec<&str> = steps
        .iter()
        .filter(|&&s| a.basis(s, Field::Cost) == Basis::Unknown && a.step(s, Field::Cost).is_zero())
        .map(|s| s.label(claim.regime))
        .collect();
    if !unknown.is_empty() {
        out.push(w(
            "unknown-fees",
            format!(
                "Frais non publiés, comptés 0 € : {}. Saisissez un devis pour un résultat juste.",
                unknown.join(", ")
            ),
        ));
    }
    out
}
