//! Eligibility and legal guards: the competent court, lawyer thresholds, the compulsory
//! amicable attempt, prescription, unknown or unverified fees.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::claim::Claim;
use super::params::{Assumptions, Basis, Field, Global};
use super::path::{PathKind, StepKind, AFTER_JUDGMENT};
use crate::compute::Computation;
use crate::dossier::Dossier;
use crate::fr::{date as fr_date, prescription_start};
use crate::law::prescription::{Status, Term};
use crate::law::procedures::{amicable_attempt_required, lawyer_required};
use crate::law::Regime;
use crate::money::round;

/// One guard, with a stable code and its French text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    /// For a `prescription` warning: the invoice, its term and where it stands today.
    pub prescription: Option<Prescribing>,
}

/// An invoice prescribed or soon prescribed, as the décompte's notice says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prescribing {
    pub invoice: String,
    pub term: Term,
    pub status: Status,
}

fn w(code: &'static str, message: impl Into<String>) -> Warning {
    Warning {
        code,
        message: message.into(),
        prescription: None,
    }
}

/// The court that usually hears the claim, after "du" ("du tribunal de commerce").
pub fn court(regime: Regime) -> &'static str {
    match regime {
        Regime::B2b => "du tribunal de commerce",
        Regime::B2c => "du tribunal judiciaire",
        Regime::Public => "du tribunal administratif",
    }
}

/// The invoice still owed whose prescription comes first, and its term.
pub fn prescription(computation: &Computation) -> Option<(String, Term)> {
    computation
        .invoices
        .iter()
        .filter_map(|i| Some((i.number.clone(), i.prescription?)))
        .min_by_key(|(_, term)| term.last_day)
}

/// Every invoice still owed that is prescribed or will be within [`SOON_DAYS`](crate::law::prescription::SOON_DAYS)
/// of `today`: the same invoices, terms and statuses as the décompte's notices on that day.
pub fn prescribing(computation: &Computation, today: NaiveDate) -> Vec<Prescribing> {
    computation
        .invoices
        .iter()
        .filter_map(|i| {
            let term = i.prescription?;
            let status = term.status(today);
            (status != Status::Running).then(|| Prescribing {
                invoice: i.number.clone(),
                term,
                status,
            })
        })
        .collect()
}

/// What interrupts prescription and what does not (C. civ. 2238, 2240, 2241, 2244).
pub const INTERRUPTION: &str = "Seuls l'interrompent : une assignation (au fond ou en référé), la \
     signification de l'ordonnance d'injonction de payer (pas le dépôt de la requête), une mesure \
     conservatoire ou d'exécution, ou une reconnaissance de la dette, y compris un paiement \
     partiel (C. civ. 2240, 2241, 2244). Une lettre, même recommandée, ne l'interrompt pas ; une \
     médiation ou une conciliation la suspend seulement (C. civ. 2238).";

/// What interrupts the prescription quadriennale of a public buyer's debt (loi n° 68-1250,
/// art. 2).
pub const PUBLIC_INTERRUPTION: &str = "L'interrompent : une demande de paiement ou une \
     réclamation écrite à l'acheteur (même adressée à une autre administration), un recours \
     devant un tribunal, un paiement, ou toute communication écrite de l'administration sur la \
     créance ; un nouveau délai de quatre ans court du 1er janvier de l'année suivant \
     l'interruption et, après un recours en justice, du 1er janvier suivant la décision devenue \
     définitive (loi n° 68-1250, art. 2).";

/// The contract's claim procedure a public buyer's supplier must follow before the court.
pub const CCAG: &str = "Si votre marché renvoie à un CCAG (fournitures courantes et services, \
     travaux, prestations intellectuelles…), le refus ou le silence de l'acheteur sur votre \
     demande peut faire naître un « différend » : adressez-lui alors un mémoire en réclamation \
     indiquant chaque somme et son mode de calcul, dans le délai du CCAG (deux mois pour le \
     CCAG-FCS, art. 37.2), sous peine de forclusion ; sans lui, le tribunal administratif \
     rejettera votre demande. En travaux, contestez aussi le décompte général dans le délai du \
     CCAG. Le plus sûr : rédiger la demande de paiement elle-même comme un mémoire en \
     réclamation.";

/// How the prescription of `regime`'s claims is counted and interrupted, after « ans ».
fn counted(regime: Regime, since: &str) -> String {
    match regime {
        Regime::Public => format!(
            "comptés {since} à partir du 1er janvier suivant : prescription quadriennale, loi \
             n° 68-1250, art. 1). {PUBLIC_INTERRUPTION}"
        ),
        _ => format!(
            "comptés ici {since} ; la Cour de cassation les fait courir dès la fin de la \
             prestation, parfois plus tôt ; sauf prescription spéciale plus courte, comme 1 an \
             pour un transport). {INTERRUPTION}"
        ),
    }
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
            "Si le débiteur est en sauvegarde, redressement ou liquidation judiciaire, le \
             jugement d'ouverture interrompt ou interdit les actions en paiement et arrête les \
             exécutions (C. com. L622-21) : déclarez la créance au mandataire judiciaire ou au \
             liquidateur dans les 2 mois de la publication au BODACC (R622-24).",
        ));
    }
    if let Some(judged) = claim.judgment.filter(|_| AFTER_JUDGMENT) {
        out.push(w(
            "judgment",
            format!(
                "Une décision est obtenue : Relance ne compare plus que son exécution (le \
                 débiteur peut encore faire appel ou demander des délais). Muni d'un titre \
                 exécutoire, vous pouvez en poursuivre l'exécution forcée sur les biens du \
                 débiteur par un commissaire de justice (CPCE L111-2) ; ses frais sont à la \
                 charge du débiteur, sauf s'ils n'étaient manifestement pas nécessaires \
                 (L111-8).{}",
                if judged.served {
                    ""
                } else {
                    " La décision n'est pas encore signifiée : faites-la signifier d'abord \
                     (CPC 503)."
                }
            ),
        ));
        // CPC 478: a judgment by default or deemed adversarial, not served within six months,
        // is void.
        let six_months = dossier
            .judgment
            .as_ref()
            .and_then(|j| j.date.checked_add_months(chrono::Months::new(6)));
        if !judged.served && six_months.is_some_and(|end| end < today) {
            out.push(w(
                "judgment-service",
                "La décision n'est pas signifiée depuis plus de six mois : rendue par défaut ou \
                 réputée contradictoire, elle est non avenue (CPC 478), comme une ordonnance \
                 d'injonction de payer non signifiée dans son délai (CPC 1411). Vérifiez-le \
                 avant toute dépense.",
            ));
        }
        return out;
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
            Regime::Public => "Tribunal compétent : le tribunal administratif ; l'injonction de \
                 payer n'existe pas contre une personne publique."
                .to_owned(),
        },
    ));
    if claim.regime == Regime::Public {
        out.push(w("ccag", CCAG));
    }
    for p in prescribing(computation, today) {
        let (invoice, years, last) = (&p.invoice, p.term.years, fr_date(p.term.last_day));
        let since = prescription_start(p.term.start);
        let text = match p.status {
            Status::Prescribed if claim.regime == Regime::Public => format!(
                "La facture {invoice} semble prescrite : le dernier jour pour agir était le \
                 {last} au plus tard ({years} ans comptés {since} à partir du 1er janvier \
                 suivant, prescription quadriennale, loi n° 68-1250, art. 1), sauf interruption \
                 (demande ou réclamation écrite, recours, paiement, écrit de l'administration \
                 sur la dette). Elle ne joue que si l'administration l'invoque avant le jugement \
                 de première instance (art. 7)."
            ),
            Status::Prescribed => format!(
                "La facture {invoice} semble prescrite : le dernier jour pour agir était le \
                 {last} au plus tard ({years} ans comptés {since}), sauf interruption ou \
                 suspension (paiement partiel, reconnaissance de dette, demande en justice, \
                 médiation)."
            ),
            Status::Soon | Status::Running => format!(
                "Prescription : pour la facture {invoice}, le dernier jour pour agir est le \
                 {last} au plus tard ({years} ans, {})",
                counted(claim.regime, &since)
            ),
        };
        out.push(Warning {
            prescription: Some(p),
            ..w("prescription", text)
        });
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
/// injonction de payer, an assignation, an enforcement measure; against a public buyer, any
/// written claim to it or to another administration, and a court action (loi n° 68-1250,
/// art. 2).
fn interrupts(step: StepKind) -> bool {
    matches!(
        step,
        StepKind::PaymentOrder
            | StepKind::ProvisionalOrder
            | StepKind::Lawsuit
            | StepKind::Enforcement
            | StepKind::PaymentRequest
            | StepKind::AdminProvision
            | StepKind::AdminLawsuit
            | StepKind::PrefectMandate
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

/// A warning when `path` would let the claim be prescribed, `last_day` being the last day to act,
/// before anything in it interrupts prescription, its steps taking the durations of `a` from
/// `today`.
pub(crate) fn prescription_risk(
    path: PathKind,
    a: &Assumptions,
    today: NaiveDate,
    last_day: NaiveDate,
) -> Option<Warning> {
    if last_day < today {
        return None;
    }
    let mut day = Decimal::ZERO;
    let mut interrupted_on = None;
    let mut by_letter = false;
    for &step in path.steps() {
        if interrupts(step) {
            interrupted_on = Some(day + Decimal::from(interruption_delay(step)));
            by_letter = step == StepKind::PaymentRequest;
            break;
        }
        day += a.step(step, Field::Days);
    }
    // A path that never interrupts it lets the claim be prescribed unless the debtor pays.
    if let Some(when) = interrupted_on {
        let days = u64::try_from(round(when, 0).mantissa()).unwrap_or(u64::MAX);
        let date = today.checked_add_days(chrono::Days::new(days));
        if date.is_some_and(|d| d <= last_day) {
            return None;
        }
    }
    Some(w(
        "prescription-risk",
        match interrupted_on {
            Some(_) if by_letter => format!(
                "Au rythme prévu, la demande de paiement écrite partirait après le {}, dernier \
                 jour pour interrompre la prescription : envoyez-la plus tôt.",
                fr_date(last_day)
            ),
            Some(_) => format!(
                "Au rythme prévu, l'action en justice viendrait après le {}, dernier jour pour \
                 interrompre la prescription : engagez-la plus tôt.",
                fr_date(last_day)
            ),
            None => format!(
                "Cette voie n'interrompt pas la prescription, dont le dernier jour est le {} : \
                 sans paiement d'ici là, la créance ne pourra plus être réclamée en justice.",
                fr_date(last_day)
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
    if (has(StepKind::Lawsuit) || has(StepKind::ProvisionalOrder)) && lawyer_required(total) {
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
        if lawyer_required(total) {
            out.push(w(
                "lawyer-opposition",
                "Pas d'avocat pour la requête ; en cas d'opposition au-delà de 10 000 €, avocat \
                 obligatoire (sauf matières du juge des contentieux de la protection).",
            ));
        }
    }
    // CPC 750-1 binds the civil courts only, not the administrative ones.
    let when = match claim.regime {
        Regime::B2c => Some("Jusqu'à 5 000 €"),
        Regime::B2b => {
            Some("Si le débiteur n'est pas commerçant (tribunal judiciaire), jusqu'à 5 000 €")
        }
        Regime::Public => None,
    };
    if let Some(when) = when.filter(|_| has(StepKind::Lawsuit) && amicable_attempt_required(total))
    {
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
    if has(StepKind::AdminProvision) || has(StepKind::AdminLawsuit) {
        out.push(w(
            "prior-claim",
            "Le tribunal administratif n'examine une demande d'argent qu'après la décision de \
             l'acheteur sur une demande préalable (CJA R421-1) : la demande de paiement écrite, \
             rejetée ou restée deux mois sans réponse. Si l'acheteur la rejette par écrit en \
             indiquant les voies et délais de recours, saisissez le tribunal dans les deux mois, \
             sauf si votre créance naît de l'exécution du marché (R421-1) ; dans le doute, \
             agissez dans ces deux mois. Voir aussi le mémoire en réclamation du CCAG.",
        ));
        out.push(w(
            "lawyer-administrative",
            "Avocat obligatoire contre l'État ou un de ses établissements publics pour une \
             demande d'argent (CJA R431-2), pas contre une collectivité territoriale, un de ses \
             établissements ou un hôpital public (R431-3) : s'il en faut un, saisissez ses \
             honoraires (hypothèses générales).",
        ));
    }
    if has(StepKind::PrefectMandate) {
        out.push(w(
            "prefect",
            "Seulement contre une commune, un département, une région ou un de leurs \
             établissements publics, pour une dette échue, certaine, liquide et non sérieusement \
             contestée (CGCT L1612-15, L1612-16) ; contre un autre acheteur, ou si la dette est \
             contestée, le tribunal administratif d'abord. Après un jugement devenu définitif \
             qui fixe la somme, à défaut de paiement dans les deux mois, à votre demande, le \
             comptable public paie (État) ou le préfet mandate d'office (collectivité) (loi \
             n° 80-539, art. 1).",
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
