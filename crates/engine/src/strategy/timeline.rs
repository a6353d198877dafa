//! "Que faire maintenant": the steps of one path, dated from today, with the legal deadlines
//! they open and the prescription date.

use chrono::{Days, Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::params::{Assumptions, Field, Global};
use super::path::{PathKind, StepKind, AFTER_JUDGMENT};
use super::warnings::{court, prescription, prescription_risk, INTERRUPTION, PUBLIC_INTERRUPTION};
use crate::compute::Computation;
use crate::dossier::Dossier;
use crate::fr::{date as fr_date, number, prescription_start};
use crate::law::Regime;
use crate::money::round;
use crate::order::sort_by_date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneKind {
    /// Something the creditor does that day.
    Action,
    /// A date by which something must happen.
    Deadline,
    /// Something already done (the formal notice of the dossier).
    Done,
    Prescription,
}

impl MilestoneKind {
    /// How the web page and the CLI name it.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Action => "À faire",
            MilestoneKind::Deadline => "Date limite",
            MilestoneKind::Done => "Fait",
            MilestoneKind::Prescription => "Prescription",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub date: NaiveDate,
    pub kind: MilestoneKind,
    pub title: String,
    pub detail: String,
    /// The path's step it belongs to, if any: the page links it to the step that drafts its
    /// document (a letter, the requête).
    pub step: Option<StepKind>,
}

fn plus_days(date: NaiveDate, days: Decimal) -> NaiveDate {
    let days = round(days, 0).to_u64().unwrap_or(0);
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn plus_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

fn m(
    date: NaiveDate,
    kind: MilestoneKind,
    title: impl Into<String>,
    detail: impl Into<String>,
) -> Milestone {
    Milestone {
        date,
        kind,
        title: title.into(),
        detail: detail.into(),
        step: None,
    }
}

/// The dated plan for `path`, from `today`. When the dossier records a formal notice already
/// sent, the reminder and the notice are shown as done and the next step waits for its
/// deadline.
pub fn timeline(
    path: PathKind,
    dossier: &Dossier,
    computation: &Computation,
    a: &Assumptions,
    today: NaiveDate,
) -> Vec<Milestone> {
    let regime = computation.regime;
    let court = court(regime);
    let deadline_days = Decimal::from(dossier.letter.deadline_days.clamp(1, 3650));
    let mut out = Vec::new();
    let mut day = today;
    let notice_sent = dossier.options.formal_notice_date;
    let prescribed = prescription(computation);
    // The clock first: within six months of the last day to act, no more friendly reminders.
    let urgent = prescribed.as_ref().filter(|(_, t)| {
        t.last_day >= today
            && (t.last_day - today).num_days() <= crate::law::prescription::SOON_DAYS
    });
    let reminder_planned = notice_sent.is_none() && path.steps().contains(&StepKind::Reminder);
    if let (Some((invoice, term)), true) = (urgent, reminder_planned) {
        let last = fr_date(term.last_day);
        out.push(m(
            today,
            MilestoneKind::Action,
            "Prescription proche : pas de nouvelle relance amiable",
            if regime == Regime::Public {
                format!(
                    "Pour la facture {invoice}, le dernier jour pour agir est le {last}. Envoyez \
                     d'abord la demande de paiement écrite : une réclamation écrite à l'acheteur \
                     interrompt la prescription quadriennale (loi n° 68-1250, art. 2)."
                )
            } else {
                format!(
                    "Pour la facture {invoice}, le dernier jour pour agir est le {last}. Agissez \
                     d'abord (injonction de payer signifiée, assignation), ou obtenez du débiteur \
                     une reconnaissance écrite de la dette, qui fait courir un nouveau délai \
                     (C. civ. 2240)."
                )
            },
        ));
    }
    // A decision is enforced only once served (CPC 503).
    let judgment = dossier.judgment.as_ref().filter(|_| AFTER_JUDGMENT);
    if let Some(j) = judgment.filter(|j| j.served.is_none()) {
        if path != PathKind::Abandon {
            out.push(m(
                today,
                MilestoneKind::Action,
                "Faire signifier la décision par un commissaire de justice",
                format!(
                    "Aucune exécution forcée n'est possible avant (CPC 503). Le taux légal est \
                     majoré de cinq points deux mois après que la décision, signifiée, est \
                     devenue exécutoire ; le juge de l'exécution peut réduire ou supprimer cette \
                     majoration (C. mon. fin. L313-3). Décision du {}.",
                    fr_date(j.date)
                ),
            ));
        }
    }
    for &step in path.steps() {
        let days = a.step(step, Field::Days);
        let next = plus_days(day, days);
        let first = out.len();
        match step {
            StepKind::Reminder if notice_sent.is_some() || urgent.is_some() => continue,
            StepKind::PaymentRequest => {
                if let Some(sent) = notice_sent {
                    out.push(m(
                        sent,
                        MilestoneKind::Done,
                        "Demande de paiement envoyée",
                        "Sans réponse dans les deux mois suivant sa réception, elle est rejetée \
                         (CRPA L231-4).",
                    ));
                    day = day.max(plus_months(sent, 2));
                    continue;
                }
                out.push(m(
                    day,
                    MilestoneKind::Action,
                    "Envoyer la demande de paiement en recommandé avec avis de réception",
                    "Onglet « Lettre » : demande de paiement à l'acheteur, copie au comptable \
                     public. Elle interrompt la prescription quadriennale (loi n° 68-1250, art. 2) \
                     et c'est la demande préalable sans laquelle le tribunal administratif ne peut \
                     être saisi (CJA R421-1). Si votre marché renvoie à un CCAG, rédigez-la comme \
                     un mémoire en réclamation (voir les points d'attention).",
                ));
                out.push(m(
                    plus_months(day, 2),
                    MilestoneKind::Deadline,
                    "Sans réponse, la demande est rejetée",
                    "Sans réponse dans les deux mois suivant sa réception, la demande est rejetée \
                     (CRPA L231-4) : vous pouvez saisir le tribunal administratif. Si l'acheteur \
                     la rejette par écrit en indiquant les voies et délais de recours, saisissez \
                     le tribunal dans les deux mois (CJA R421-1), sauf si votre créance naît de \
                     l'exécution du marché ; dans le doute, agissez dans ces deux mois.",
                ));
            }
            StepKind::AdminProvision => out.push(m(
                day,
                MilestoneKind::Action,
                "Saisir le juge des référés du tribunal administratif (référé-provision)",
                format!(
                    "Par requête, une fois la demande de paiement rejetée ou restée deux mois \
                     sans réponse (CJA R421-1) ; le Conseil d'État admet une requête plus tôt si \
                     le rejet, même implicite, intervient avant que le juge statue (CE 23 sept. \
                     2019, n° 427923). La provision peut être accordée si l'obligation n'est pas \
                     sérieusement contestable (R541-1). Ordonnance attendue vers le {} ; la \
                     requête interrompt la prescription quadriennale (loi n° 68-1250, art. 2).",
                    fr_date(next)
                ),
            )),
            StepKind::AdminLawsuit => out.push(m(
                day,
                MilestoneKind::Action,
                "Saisir le tribunal administratif d'une demande de paiement",
                format!(
                    "Par requête, une fois la demande de paiement rejetée ou restée deux mois \
                     sans réponse (CJA R421-1). Jugement attendu vers le {} (durée indicative). \
                     Si le jugement, devenu définitif, fixe la somme, l'acheteur doit la payer \
                     dans les deux mois de sa notification ; à défaut, demandez le paiement au \
                     comptable public (État) ou le mandatement d'office au préfet (collectivité, \
                     établissement public), jugement revêtu de la formule exécutoire à l'appui \
                     (loi n° 80-539, art. 1).",
                    fr_date(next)
                ),
            )),
            StepKind::PrefectMandate => out.push(m(
                day,
                MilestoneKind::Action,
                "Demander au préfet le mandatement d'office",
                "Pour une dette échue, certaine, liquide et non sérieusement contestée d'une \
                 commune, d'un département, d'une région ou d'un de leurs établissements publics : \
                 demandez au préfet de mettre l'exécutif en demeure de mandater, puis de mandater \
                 d'office (CGCT L1612-16) ; si les crédits ne sont pas inscrits au budget, \
                 saisissez vous-même la chambre régionale des comptes (L1612-15).",
            )),
            StepKind::FormalNotice => {
                if let Some(sent) = notice_sent {
                    let due = plus_days(sent, deadline_days);
                    out.push(m(
                        sent,
                        MilestoneKind::Done,
                        "Mise en demeure envoyée",
                        format!(
                            "Délai de paiement : {} jours après réception.",
                            deadline_days
                        ),
                    ));
                    day = day.max(due);
                    continue;
                }
                out.push(m(
                    day,
                    MilestoneKind::Action,
                    "Envoyer la mise en demeure en recommandé avec avis de réception",
                    "Onglet « Lettre » : mise en demeure, avec le décompte en annexe.",
                ));
                out.push(m(
                    plus_days(day, deadline_days),
                    MilestoneKind::Deadline,
                    "Fin du délai de paiement, au plus tôt",
                    format!(
                        "{} jours après réception de la lettre ; sans paiement, passez à l'étape \
                         suivante.",
                        deadline_days
                    ),
                ));
            }
            StepKind::Reminder => out.push(m(
                day,
                MilestoneKind::Action,
                "Relancer le débiteur",
                format!(
                    "Courriel, appel ou lettre simple{}. Sans paiement au {}, passez à l'étape \
                     suivante.",
                    if regime == Regime::Public {
                        ""
                    } else {
                        " (onglet « Lettre » : relance amiable)"
                    },
                    fr_date(next)
                ),
            )),
            StepKind::Mediation => out.push(m(
                day,
                MilestoneKind::Action,
                match regime {
                    Regime::B2b | Regime::Public => "Saisir le Médiateur des entreprises (gratuit)",
                    Regime::B2c => "Saisir un conciliateur de justice (gratuit)",
                },
                format!("Réponse attendue vers le {}.", fr_date(next)),
            )),
            StepKind::ConventionalMediation => out.push(m(
                day,
                MilestoneKind::Action,
                "Proposer une médiation conventionnelle",
                format!("Issue attendue vers le {}.", fr_date(next)),
            )),
            StepKind::Negotiation => out.push(m(
                day,
                MilestoneKind::Action,
                format!(
                    "Proposer un échéancier en {} versements",
                    a.global(Global::PlanInstalments).trunc()
                ),
                "Onglet « Lettre » : proposition d'échéancier, avec bon pour accord.",
            )),
            StepKind::Agency => out.push(m(
                day,
                MilestoneKind::Action,
                "Confier le dossier à une société de recouvrement",
                format!(
                    "Commission prévue : {} % des sommes recouvrées.",
                    number(a.step(step, Field::Fee)).trim_end_matches(",00")
                ),
            )),
            StepKind::PaymentOrder => {
                let other = match regime {
                    Regime::B2b => {
                        ", tribunal judiciaire si le débiteur n'est ni commerçant, ni artisan, \
                         ni société commerciale"
                    }
                    Regime::B2c | Regime::Public => "",
                };
                out.push(m(
                    day,
                    MilestoneKind::Action,
                    format!("Déposer une requête en injonction de payer auprès du greffe {court}"),
                    format!(
                        "Celui du lieu où le débiteur est établi ou domicilié (CPC 1406){other} ; \
                         joignez les factures, la mise en demeure et le décompte. Pas d'avocat \
                         pour la requête. Le dépôt n'interrompt pas la prescription."
                    ),
                ));
                let order = plus_days(day, Decimal::from(15));
                let lapses = plus_months(order, 3);
                // Served after the prescription date, the order would come too late.
                let (date, title) = match &prescribed {
                    Some((_, t)) if t.last_day >= today && t.last_day <= lapses => (
                        t.last_day,
                        "Faire signifier l'ordonnance avant la prescription",
                    ),
                    _ => (
                        lapses,
                        "Faire signifier l'ordonnance, au plus tard 3 mois après sa date",
                    ),
                };
                out.push(m(
                    date,
                    MilestoneKind::Deadline,
                    title,
                    format!(
                        "Par commissaire de justice, sinon elle est non avenue (CPC 1411 modifié \
                         par le décret n° 2026-96). Date indicative, pour une ordonnance vers le \
                         {} ; la signification interrompt la prescription ; le débiteur a ensuite \
                         un mois pour faire opposition (CPC 1416), plus s'il n'a pas reçu l'acte \
                         en personne.",
                        fr_date(order)
                    ),
                ));
            }
            StepKind::SmallClaims => out.push(m(
                day,
                MilestoneKind::Action,
                "Demander à un commissaire de justice d'engager la procédure de petites créances",
                "Le débiteur a un mois pour accepter d'y participer ; si vous vous accordez sur le \
                 montant et l'échéancier, le commissaire de justice délivre un titre exécutoire \
                 (CPCE L125-1).",
            )),
            StepKind::Uncontested => out.push(m(
                day,
                MilestoneKind::Action,
                "Faire délivrer un commandement de payer (créance commerciale incontestée)",
                "Le débiteur a un mois pour payer ou contester ; une contestation met fin à la \
                 procédure ; sinon le greffier du tribunal de commerce rend exécutoire le \
                 procès-verbal de non-contestation (CPCE L126-1 à L126-4).",
            )),
            StepKind::ProvisionalOrder => out.push(m(
                day,
                MilestoneKind::Action,
                format!("Assigner en référé-provision devant le président {court}"),
                format!(
                    "Ordonnance attendue vers le {} ; l'assignation interrompt la prescription.",
                    fr_date(next)
                ),
            )),
            StepKind::Lawsuit => out.push(m(
                day,
                MilestoneKind::Action,
                format!("Assigner au fond devant le tribunal {}", court.trim_start_matches("du tribunal ")),
                format!(
                    "Jugement attendu vers le {} (durée moyenne indicative) ; l'assignation \
                     interrompt la prescription.",
                    fr_date(next)
                ),
            )),
            StepKind::ExecutionDemand if AFTER_JUDGMENT => {
                out.push(m(
                    day,
                    MilestoneKind::Action,
                    "Envoyer la demande d'exécution du jugement en recommandé avec avis de réception",
                    "Lettre « Demande d'exécution du jugement » : les condamnations, les intérêts \
                     qu'elles portent depuis la date fixée par la décision, les paiements reçus, \
                     le décompte en annexe, et le délai que vous fixez avant l'exécution par un \
                     commissaire de justice.",
                ));
                out.push(m(
                    plus_days(day, deadline_days),
                    MilestoneKind::Deadline,
                    "Fin du délai de paiement, au plus tôt",
                    format!(
                        "{deadline_days} jours après réception de la lettre ; sans paiement, \
                         confiez la décision à un commissaire de justice."
                    ),
                ));
            }
            StepKind::SaleSeizure if AFTER_JUDGMENT => out.push(m(
                day,
                MilestoneKind::Action,
                "Faire délivrer un commandement de payer aux fins de saisie-vente",
                format!(
                    "Si la saisie-attribution n'a pas suffi : commandement de payer (CPCE R221-1), \
                     saisie des biens meubles au plus tôt huit jours après (R221-10), un mois \
                     laissé au débiteur pour les vendre lui-même (R221-30), puis vente aux \
                     enchères, vers le {} (durée indicative). Les frais sont à la charge du \
                     débiteur, sauf s'ils n'étaient manifestement pas nécessaires (CPCE L111-8) ; \
                     le droit proportionnel (C. com. A444-32) reste à la vôtre.",
                    fr_date(next)
                ),
            )),
            StepKind::ExecutionDemand | StepKind::SaleSeizure => {}
            StepKind::Enforcement if judgment.is_some() => out.push(m(
                day,
                MilestoneKind::Action,
                "Faire pratiquer une saisie-attribution (commissaire de justice)",
                "Sur les comptes du débiteur, avec la décision signifiée (CPC 503), si elle est \
                 exécutoire : exécution provisoire, ou délais de recours expirés ; exécutée à \
                 titre provisoire, c'est à vos risques (CPCE L111-10). Les frais sont à la charge \
                 du débiteur, sauf s'ils n'étaient manifestement pas nécessaires (L111-8) ; le \
                 droit proportionnel (C. com. A444-32) reste à la vôtre.",
            )),
            StepKind::Enforcement => out.push(m(
                day,
                MilestoneKind::Action,
                "Faire pratiquer une saisie-attribution (commissaire de justice)",
                "Sur les comptes du débiteur, une fois le titre exécutoire obtenu ; ses frais sont \
                 à la charge du débiteur (CPCE L111-8), sauf le droit proportionnel (C. com. A444-32) qui \
                 reste à la vôtre.",
            )),
        }
        for milestone in out.iter_mut().skip(first) {
            milestone.step = Some(step);
        }
        day = next;
    }
    // Any step still under way after the last day to act says so.
    if let Some((_, term)) = prescribed.as_ref().filter(|(_, t)| t.last_day >= today) {
        for late in out.iter_mut().filter(|x| {
            x.date > term.last_day
                && matches!(x.kind, MilestoneKind::Action | MilestoneKind::Deadline)
        }) {
            late.detail.push_str(&format!(
                " Attention : après le {}, dernier jour pour interrompre la prescription.",
                fr_date(term.last_day)
            ));
        }
    }
    if let Some((invoice, term)) = prescribed {
        let risk = prescription_risk(path, a, today, term.last_day)
            .map(|w| format!("{} ", w.message))
            .unwrap_or_default();
        let since = prescription_start(term.start);
        out.push(m(
            term.last_day,
            MilestoneKind::Prescription,
            format!("Prescription de la facture {invoice} : dernier jour pour l'interrompre, au plus tard"),
            if regime == Regime::Public {
                format!(
                    "{risk}{} ans comptés {since} à partir du 1er janvier suivant (prescription \
                     quadriennale, loi n° 68-1250, art. 1). {PUBLIC_INTERRUPTION}",
                    term.years
                )
            } else {
                format!(
                    "{risk}{} ans comptés {since} (la Cour de cassation les fait courir dès la \
                     fin de la prestation). {INTERRUPTION}",
                    term.years
                )
            },
        ));
    }
    if let Some(last_day) =
        judgment.and_then(|j| crate::law::judgment::enforcement_last_day(j.date, j.served))
    {
        out.push(m(
            last_day,
            MilestoneKind::Prescription,
            "Dernier jour pour exécuter la décision, au plus tôt",
            "Dix ans à compter du jour où la décision est exécutoire (CPCE L111-4) : date \
             prudente, comptée de sa signification, à défaut de sa date. Un acte d'exécution \
             forcée interrompt ce délai (C. civ. 2244).",
        ));
    }
    sort_by_date(&mut out, |x| x.date);
    out
}
