//! The relance amiable: a courteous reminder of what is owed.

use relance_engine::fr;

use super::context::{still_owed_verb, Ctx};
use super::ids;
use crate::model::{para, Block};
use crate::user_text::clean;

impl Ctx<'_> {
    pub(crate) fn reminder_body(&self) -> Vec<Block> {
        let v = self.voice;
        let mut body = Vec::new();
        let intro = match self.open.as_slice() {
            [inv] => format!(
                "Sauf erreur ou omission de {} part, {}, {}.",
                v.s("notre", "ma"),
                self.single_invoice_phrase(inv),
                still_owed_verb(inv)
            ),
            _ => format!(
                "Sauf erreur ou omission de {} part, les {} factures ci-dessous n'ont pas été intégralement réglées à leur échéance :",
                v.s("notre", "ma"),
                self.open.len()
            ),
        };
        self.push_opening(&mut body, intro);
        let t = &self.c.totals;
        let total = self.c.claimable_without_title();
        if self.b2b() {
            let indemnity = if self.dossier.options.indemnity {
                " et rend le débiteur redevable de plein droit d'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du même code)"
            } else {
                ""
            };
            // Every sum the total holds is named, so that the figures add up.
            let mut sums = vec![format!(
                "les pénalités s'élèvent à {}",
                Self::amount(t.interest)
            )];
            if !t.indemnities.is_zero() {
                let several = self.indemnified() > 1;
                sums.push(format!(
                    "{} à {}",
                    if several {
                        "les indemnités forfaitaires"
                    } else {
                        "l'indemnité forfaitaire"
                    },
                    Self::amount(t.indemnities)
                ));
            }
            if !t.extra_costs.is_zero() {
                sums.push(format!(
                    "les frais de recouvrement complémentaires justifiés à {}",
                    Self::amount(t.extra_costs)
                ));
            }
            let mut text = format!(
                "{} qu'entre professionnels, tout retard de paiement fait courir de plein droit, sans qu'un rappel soit nécessaire, des pénalités de retard (article L441-10 du Code de commerce){indemnity}. Au {}, {}",
                v.s("Nous vous rappelons", "Je vous rappelle"),
                self.as_of(),
                fr::join_and(&sums)
            );
            text.push_str(&format!(
                ", soit, avec le principal restant dû de {}, un total dû de {}{}.{}",
                Self::amount(t.principal),
                Self::amount(total),
                self.annex_note(),
                self.terms_text()
            ));
            body.push(para(ids::PENALTIES, text));
        }
        // The whole sum, never the principal alone: paying the principal must not read as
        // settling the debt (C. civ. 1342-10, 1343-1).
        let what = if self.b2b() || t.interest.is_zero() {
            String::new()
        } else {
            format!(
                " (soit {} en principal et {} d'intérêts au taux de l'intérêt légal arrêtés au {})",
                Self::amount(t.principal),
                Self::amount(t.interest),
                fr::date(self.c.as_of)
            )
        };
        body.push(para(
            ids::REQUEST,
            format!(
                "{} de bien vouloir procéder au règlement de la somme de {}{what} {}.",
                v.s("Nous vous remercions", "Je vous remercie"),
                Self::amount(total),
                self.deadline_text()
            ),
        ));
        let email = clean(&self.dossier.creditor.identity.email);
        let reach = if email.is_empty() {
            String::new()
        } else {
            format!(" à l'adresse {email}")
        };
        body.push(para(
            ids::CONTACT,
            format!(
                "Si ce règlement a été effectué entre-temps, {} de ne pas tenir compte de ce courrier. En cas de difficulté ou de question sur ces montants, n'hésitez pas à {} contacter{reach} : {} à votre disposition pour rechercher avec vous une solution.",
                v.s("nous vous prions", "je vous prie"),
                v.s("nous", "me"),
                v.s("nous restons", "je reste")
            ),
        ));
        body.push(para(
            ids::PAYMENT,
            format!("{} {}", self.payment_text(), self.part_payment_text()),
        ));
        body.extend(self.mediator());
        body.push(self.enclosures(false));
        body
    }
}
