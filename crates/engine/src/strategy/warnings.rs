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

/// The court that hears the claim, in French ("le tribunal de commerce").
pub fn court(regime: Regime) -> &'static str {
    match regime {
        Regime::B2b => "le tribunal de commerce",
        Regime::B2c => "le tribunal judiciaire",
    }
}

/// C. com. L110-4 / C. civ. 2224: 5 years; C. conso. L218-2: 2 years for a consumer.
pub fn prescription_years(regime: Regime) -> u32 {
    match regime {
        Regime::B2b => 5,
        Regime::B2c => 2,
    }
}

/// The oldest unpaid invoice and the day its claim is prescribed.
pub fn prescription(computation: &Computation) -> Option<(String, NaiveDate)> {
    let years = prescription_years(computation.regime);
    computation
        .invoices
        .iter()
        .filter(|i| i.principal > Decimal::ZERO)
        .min_by_key(|i| i.due)
        .and_then(|i| {
            let date = i.due.checked_add_months(Months::new(12 * years))?;
            Some((i.number.clone(), date))
        })
}

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
            "Si le débiteur est en procédure collective, les poursuites individuelles sont \
             arrêtées (C. com. L622-21) : il faut déclarer la créance au mandataire.",
        ));
    }
    let seat = seat(dossier);
    out.push(w(
        "court",
        match claim.regime {
            Regime::B2b => format!(
                "Tribunal compétent : le tribunal de commerce (ou le tribunal des activités \
                 économiques) si le débiteur est commerçant ou société commerciale, sinon le \
                 tribunal judiciaire — celui du siège du débiteur{seat}, seul compétent pour \
                 l'injonction de payer (CPC 1406)."
            ),
            Regime::B2c => format!(
                "Tribunal compétent : le tribunal judiciaire du domicile du débiteur{seat}, seul \
                 compétent pour l'injonction de payer (CPC 1406)."
            ),
        },
    ));
    if let Some((invoice, date)) = prescription(computation) {
        let years = prescription_years(claim.regime);
        let text = if date <= today {
            format!(
                "La facture {invoice} semble prescrite depuis le {} ({years} ans après son \
                 échéance), sauf interruption (paiement partiel, reconnaissance de dette, demande \
                 en justice).",
                fr_date(date)
            )
        } else {
            format!(
                "Prescription : la facture {invoice} sera prescrite le {} ({years} ans après son \
                 échéance). Une lettre, même recommandée, n'interrompt pas la prescription ; une \
                 demande en justice l'interrompt (C. civ. 2241), comme un paiement partiel ou une \
                 reconnaissance de dette (C. civ. 2240).",
                fr_date(date)
            )
        };
        out.push(w("prescription", text));
    }
    out
}

/// The debtor's town as the last line of its address, for the court's seat.
fn seat(dossier: &Dossier) -> String {
    dossier
        .debtor
        .identity
        .address
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(|l| format!(" ({l})"))
        .unwrap_or_default()
}

/// Guards for one path.
pub(crate) fn for_path(path: PathKind, claim: Claim, a: &Assumptions) -> Vec<Warning> {
    let mut out = Vec::new();
    let steps = path.steps();
    let total = claim.total();
    let has = |s: StepKind| steps.contains(&s);
    if (has(StepKind::Lawsuit) || has(StepKind::ProvisionalOrder)) && total > LAWYER_THRESHOLD {
        // CPC 853 (tribunal de commerce), 760 (tribunal judiciaire).
        out.push(w(
            "lawyer",
            "Avocat obligatoire au-delà de 10 000 € (CPC 853, 760) : ajoutez ses honoraires aux \
             frais de l'étape.",
        ));
    }
    if has(StepKind::PaymentOrder) {
        out.push(w(
            "payment-order-service",
            "L'ordonnance d'injonction de payer doit être signifiée dans les 3 mois, sinon elle \
             devient caduque (ordonnances rendues depuis le 1er septembre 2026, décret \
             n° 2026-96).",
        ));
        if total > LAWYER_THRESHOLD {
            out.push(w(
                "lawyer-opposition",
                "Pas d'avocat pour la requête ; en cas d'opposition au-delà de 10 000 €, avocat \
                 obligatoire.",
            ));
        }
    }
    if has(StepKind::Lawsuit) && claim.regime == Regime::B2c && total <= AMICABLE_ATTEMPT_CAP {
        out.push(w(
            "amicable-attempt",
            "Jusqu'à 5 000 €, une tentative de conciliation, de médiation ou de procédure \
             participative est obligatoire avant de saisir le tribunal judiciaire (CPC 750-1) ; \
             elle n'est pas exigée pour l'injonction de payer.",
        ));
    }
    if has(StepKind::SmallClaims) {
        out.push(w(
            "small-claims",
            "Le débiteur doit donner son accord ; sans accord, passez à l'injonction de payer. \
             Tous les frais restent à votre charge (CPCE L125-1).",
        ));
    }
    if has(StepKind::Uncontested) {
        out.push(w(
            "uncontested",
            "Procédure de la loi du 23 avril 2026 : entre commerçants, pour une créance facturée \
             et non contestée ; son tarif n'est pas encore publié.",
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
