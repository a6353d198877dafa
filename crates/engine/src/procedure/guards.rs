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
    if debtor.kind == DebtorKind::Consumer
        && court.injunction.court_kind == Some(CourtKind::Commerce)
    {
        check.block(
            "injunction.court_kind",
            "un particulier se poursuit devant le tribunal judiciaire, non devant le tribunal de commerce (C. proc. civ. 1406)",
        );
    } else if kind.is_none() {
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
    if let (Some(seat), Some(court_at)) = (
        department(&debtor.identity.address),
        department(&court.injunction.court_address),
    ) {
        if seat != court_at {
            check.block(
                "injunction.court_address",
                "le tribunal indiqué n'est pas dans le département où le débiteur demeure ou est établi : le juge compétent est celui de ce lieu (C. proc. civ. 1406, d'ordre public) ; vérifiez le tribunal",
            );
        }
    }
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
    } else if d.legal_form.trim().is_empty() && d.last_name.trim().is_empty() {
        check.block(
            "debtor.legal_form",
            "précisez si le débiteur est une société (sa forme sociale et son SIREN) ou un entrepreneur individuel (son nom et ses prénoms)",
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
            "Devant le tribunal judiciaire, une demande n'excédant pas {} doit en principe être précédée d'une tentative de conciliation, de médiation ou de procédure participative (C. proc. civ. 750-1) ; selon l'avis de la Cour de cassation du 25 septembre 2025 (2e chambre civile, n° 25-70.013), cette obligation ne s'applique pas à l'injonction de payer, ni avant la requête ni après une opposition.",
            fr::whole_euros(procedures::AMICABLE_ATTEMPT_CAP)
        ));
    }
    if procedures::lawyer_required(total) {
        let (court_name, articles) = match kind {
            Some(CourtKind::Commerce) => ("le tribunal de commerce", "C. proc. civ. 853"),
            _ => ("le tribunal judiciaire", "C. proc. civ. 760 et 761"),
        };
        check.notes.push(format!(
            "La demande dépasse {} : si le débiteur forme opposition, chaque partie devra être représentée par un avocat devant {court_name} ({articles}). La requête elle-même peut être déposée sans avocat.",
            fr::whole_euros(procedures::LAWYER_THRESHOLD)
        ));
    }
    if debtor.kind == DebtorKind::Consumer {
        check.notes.push(
            "Contre un particulier, joignez aussi le devis signé, le bon de commande ou le procès-verbal de réception : la facture seule prouve mal la créance.".to_owned(),
        );
    }
    check.notes.push(format!(
        "Une fois l'ordonnance rendue, faites-la signifier au débiteur par un commissaire de justice dans les trois mois de sa date (six mois si elle a été rendue avant le {} ; décret n° 2026-96), sinon elle est non avenue (C. proc. civ. 1411). Le débiteur peut former opposition dans le mois de la signification ; si elle n'a pas été faite à sa personne, ce mois court du premier acte signifié à sa personne ou de la première mesure d'exécution qui rend ses biens indisponibles (C. proc. civ. 1416).",
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
            "une procédure collective (sauvegarde, redressement, liquidation) ne vise qu'un débiteur professionnel ; un particulier surendetté relève de la commission de surendettement",
        );
    }
    for (i, invoice) in dossier.invoices.iter().enumerate() {
        // Born when the goods or the service were delivered; else when invoiced.
        let born = invoice.delivered.or(invoice.issued);
        if born.is_some_and(|b| b > p.opened) {
            let path = if invoice.delivered.is_some() {
                "delivered"
            } else {
                "issued"
            };
            check.block(
                &format!("invoices[{i}].{path}"),
                format!(
                    "la facture {} est postérieure au jugement d'ouverture du {} : elle n'entre pas dans cette déclaration ; retirez-la du dossier, ou indiquez la date de livraison si la prestation l'a précédé",
                    invoice.number,
                    fr::date(p.opened)
                ),
            );
        }
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
                            "demandez d'abord au juge-commissaire d'être relevé de la forclusion, au plus tard le {} (C. com. L622-26), en établissant que votre défaillance n'est pas due à votre fait ou que le débiteur vous a omis de la liste de ses créanciers ; relevé, vous aurez pour déclarer la moitié du délai, à compter de la notification de la décision (C. com. L622-24)",
                            fr::date(r)
                        ),
                        _ => "le délai de six mois pour demander le relevé de forclusion est lui aussi écoulé (C. com. L622-26)".to_owned(),
                    };
                    check.notes.push(format!("Ce délai est passé : {relief}."));
                }
            }
        }
    }
    if !p.security.trim().is_empty() {
        check.notes.push(
            "Sûreté : la déclaration en précise la nature, les biens sur lesquels elle porte et sa date (C. com. L622-25, R622-23) ; vérifiez que « sûreté » les donne.".to_owned(),
        );
        if p.security.to_lowercase().contains("propriété") {
            check.notes.push(
                "Réserve de propriété : la déclaration ne suffit pas à reprendre les biens ; leur revendication est une demande distincte, à faire dans un délai bref qui court de la publication du jugement d'ouverture : faites-la sans attendre, avec la déclaration.".to_owned(),
            );
        }
    }
    for paid in dossier.payments.iter().filter(|x| x.date > p.opened) {
        check.notes.push(format!(
            "Le règlement du {} ({}), postérieur au jugement d'ouverture, n'est pas déduit : la déclaration est arrêtée au jour de ce jugement (C. com. L622-25) ; elle le signale.",
            fr::date(paid.date),
            fr::amount(paid.amount.get())
        ));
    }
    check.notes.push(
        "La déclaration peut être faite par le créancier, un préposé ou tout mandataire de son choix (C. com. L622-24) ; un mandataire qui n'est pas avocat doit détenir un pouvoir spécial écrit, donné avant la fin du délai, sinon le créancier peut ratifier la déclaration jusqu'à ce que le juge statue sur son admission (C. com. L622-24).".to_owned(),
    );
    check
}

/// The département of the last postcode of an address (`38000 Grenoble` → `38`; `97100` →
/// `971`; Corsica's `20…` → `20`).
fn department(address: &str) -> Option<String> {
    address
        .split(|c: char| !c.is_ascii_digit())
        .rfind(|digits| digits.len() == 5)
        .and_then(|code| code.get(..if code.starts_with("97") { 3 } else { 2 }))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::department;

    #[test]
    fn the_department_is_read_from_the_last_postcode() {
        assert_eq!(
            department("4 place du Marché\n38000 Grenoble").as_deref(),
            Some("38")
        );
        assert_eq!(
            department("12 rue X, 97100 Basse-Terre").as_deref(),
            Some("971")
        );
        assert_eq!(
            department("BP 12, 69003 Lyon Cedex 03").as_deref(),
            Some("69")
        );
        assert_eq!(department("Zone des Gresses, Saint-Étienne"), None);
        assert_eq!(department("Tél. 0612345678"), None);
    }
}
