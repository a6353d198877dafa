//! What must be known before a court document is drafted, and what the user should know
//! beside it (never in it). The page and the CLI say the same, in French.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::compute::Computation;
use crate::dossier::{CourtKind, CreditorKind, DebtorKind, Dossier, Procedure};
use crate::fr;
use crate::law::{injunction, insolvency, procedures};

/// A blank or a choice the document cannot do without: where it is typed and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guard {
    pub path: String,
    pub message: String,
}

/// The guards of a document, and the notes said beside it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Check {
    pub blockers: Vec<Guard>,
    pub notes: Vec<String>,
}

impl Check {
    fn block(&mut self, path: &str, message: impl Into<String>) {
        self.blockers.push(Guard {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Blocks when `value` is blank.
    fn need(&mut self, value: &str, path: &str, what: &str) {
        if value.trim().is_empty() {
            self.block(path, format!("indiquez {what}"));
        }
    }
}

/// Before a requête en injonction de payer: the debtor may be pursued this way, the court is
/// known, and the parties are described as CPC 54 and 57 require.
pub fn injunction_check(dossier: &Dossier, computation: &Computation) -> Check {
    let mut check = Check::default();
    let court = &dossier.court;
    let debtor = &dossier.debtor;
    if court.insolvency.is_some() {
        check.block(
            "insolvency",
            "le débiteur est en procédure collective : aucune injonction de payer n'est possible pendant la procédure ; déclarez la créance au mandataire ou au liquidateur",
        );
    }
    if debtor.kind == DebtorKind::Public {
        check.block(
            "debtor.kind",
            "pas d'injonction de payer contre une personne publique : demandez le paiement à l'acheteur et à son comptable public",
        );
        return check;
    }
    if computation.totals.total <= Decimal::ZERO {
        check.block("invoices", "rien n'est dû à la date du calcul");
    }
    let kind = injunction::court_kind(
        court.injunction.court_kind,
        debtor.kind,
        &court.debtor.legal_form,
    );
    if kind.is_none() {
        check.block(
            "injunction.court_kind",
            "dites si le débiteur est commerçant, artisan ou société commerciale (tribunal de commerce) ou non (tribunal judiciaire)",
        );
    }
    check.need(
        &court.injunction.court,
        "injunction.court",
        "le tribunal du lieu où le débiteur demeure ou est établi (C. proc. civ. 1406), par exemple « Tribunal de commerce de Lyon »",
    );
    // CPC 54 3°: the claimant.
    let c = &court.creditor;
    match dossier.creditor.kind {
        CreditorKind::Company => {
            check.need(
                &c.legal_form,
                "creditor.legal_form",
                "la forme sociale du créancier (SAS, SARL…)",
            );
            check.need(
                &c.representative,
                "creditor.representative",
                "qui représente légalement le créancier (son dirigeant)",
            );
        }
        CreditorKind::IndividualProfessional | CreditorKind::IndividualPrivate => {
            check.need(&c.last_name, "creditor.last_name", "le nom du créancier");
            check.need(
                &c.first_name,
                "creditor.first_name",
                "les prénoms du créancier",
            );
            check.need(
                &c.profession,
                "creditor.profession",
                "la profession du créancier",
            );
            check.need(
                &c.nationality,
                "creditor.nationality",
                "la nationalité du créancier",
            );
            check.need(
                &c.birth_place,
                "creditor.birth_place",
                "le lieu de naissance du créancier",
            );
            if c.birth_date.is_none() {
                check.block(
                    "creditor.birth_date",
                    "indiquez la date de naissance du créancier",
                );
            }
        }
    }
    // CPC 57: the debtor.
    let d = &court.debtor;
    if debtor.kind == DebtorKind::Consumer {
        check.need(&d.last_name, "debtor.last_name", "le nom du débiteur");
        check.need(
            &d.first_name,
            "debtor.first_name",
            "les prénoms du débiteur",
        );
    } else if !d.legal_form.trim().is_empty() && debtor.identity.siren.is_empty() {
        check.block(
            "debtor.siren",
            "indiquez le SIREN du débiteur : le greffe identifie une société par son immatriculation",
        );
    }
    let total = computation.totals.total;
    if kind == Some(CourtKind::Judiciaire) && procedures::amicable_attempt_required(total) {
        check.notes.push(format!(
            "Devant le tribunal judiciaire, une demande de {} ou moins doit d'ordinaire être précédée d'une tentative de règlement amiable (C. proc. civ. 750-1) ; selon l'avis de la Cour de cassation du 25 septembre 2025 (n° 25-70.013), rapporté par plusieurs sources, cette obligation ne s'applique pas à l'injonction de payer.",
            fr::whole_euros(procedures::AMICABLE_ATTEMPT_CAP)
        ));
    }
    if procedures::lawyer_required(total) {
        check.notes.push(format!(
            "La demande dépasse {} : si le débiteur forme opposition, l'avocat sera obligatoire devant le tribunal (C. proc. civ. 760-761, 853). La requête, elle, peut être déposée sans avocat.",
            fr::whole_euros(procedures::LAWYER_THRESHOLD)
        ));
    }
    check.notes.push(format!(
        "Une fois l'ordonnance rendue, faites-la signifier au débiteur par un commissaire de justice dans les 3 mois pour une ordonnance rendue depuis le {} (décret n° 2026-96 ; 6 mois avant), sinon elle est non avenue (C. proc. civ. 1411). Le débiteur a ensuite un mois pour former opposition (C. proc. civ. 1416).",
        fr::date(injunction::THREE_MONTHS_FROM)
    ));
    check
}

/// Before a déclaration de créance: the proceedings are known, and the deadlines.
pub fn declaration_check(dossier: &Dossier, today: NaiveDate) -> Check {
    let mut check = Check::default();
    let Some(p) = &dossier.court.insolvency else {
        check.block(
            "insolvency",
            "indiquez la procédure collective du débiteur (sauvegarde, redressement ou liquidation) et la date du jugement d'ouverture",
        );
        return check;
    };
    if dossier.debtor.kind != DebtorKind::Professional {
        check.block(
            "debtor.kind",
            "une procédure collective (sauvegarde, redressement, liquidation) ne vise qu'un débiteur professionnel : indiquez un débiteur professionnel",
        );
    }
    let to = if p.procedure == Procedure::Liquidation {
        "le nom et l'adresse du liquidateur"
    } else {
        "le nom et l'adresse du mandataire judiciaire"
    };
    check.need(&p.representative_name, "insolvency.representative.name", to);
    check.need(
        &p.representative_address,
        "insolvency.representative.address",
        to,
    );
    check.need(
        &p.court,
        "insolvency.court",
        "le tribunal qui a ouvert la procédure",
    );
    let months = if p.creditor_abroad { "quatre" } else { "deux" };
    match p.published {
        None => check.notes.push(format!(
            "Le délai pour déclarer est de {months} mois à compter de la publication du jugement d'ouverture au BODACC (C. com. R622-24) : indiquez sa date pour connaître le dernier jour."
        )),
        Some(published) => {
            let last = insolvency::declaration_last_day(published, p.creditor_abroad);
            let relief = insolvency::relief_last_day(published);
            if let Some(last) = last {
                check.notes.push(format!(
                    "Dernier jour pour déclarer : le {} ({months} mois après la publication au BODACC du {}, C. com. R622-24).",
                    fr::date(last),
                    fr::date(published)
                ));
                if last < today {
                    let relief = match relief {
                        Some(r) if r >= today => format!(
                            "vous pouvez demander au juge-commissaire d'être relevé de la forclusion jusqu'au {} (C. com. L622-26), en montrant que le retard ne vient pas de vous",
                            fr::date(r)
                        ),
                        _ => "le délai de six mois pour demander le relevé de forclusion est lui aussi écoulé (C. com. L622-26)".to_owned(),
                    };
                    check.notes.push(format!("Ce délai est passé : {relief}."));
                }
            }
        }
    }
    for paid in dossier.payments.iter().filter(|x| x.date > p.opened) {
        check.notes.push(format!(
            "Le règlement du {} ({}), postérieur au jugement d'ouverture, n'est pas déduit : la déclaration est arrêtée au jour de ce jugement (C. com. L622-25).",
            fr::date(paid.date),
            fr::amount(paid.amount.get())
        ));
    }
    check.notes.push(
        "La déclaration peut être faite par le créancier, un préposé ou tout mandataire de son choix (C. com. L622-24) ; un mandataire qui n'est pas avocat doit détenir un pouvoir spécial écrit, donné avant la fin du délai.".to_owned(),
    );
    check
}
