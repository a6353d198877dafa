//! The relance amiable: a courteous reminder of what is owed.

use relance_engine::fr::long_date;

use super::context::{still_owed, Ctx};
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
                still_owed(inv)
            ),
            _ => format!(
                "Sauf erreur ou omission de {} part, les {} factures ci-dessous n'ont pas été intégralement réglées à leur échéance :",
                v.s("notre", "ma"),
                self.open.len()
            ),
        };
        self.push_opening(&mut body, intro);
        body.push(para(
            ids::REQUEST,
            format!(
                "{} de bien vouloir procéder au règlement de la somme de {} au plus tard le {}.",
                v.s("Nous vous remercions", "Je vous remercie"),
                Self::amount(if self.c.totals.principal.is_zero() {
                    self.c.claimable_without_title()
                } else {
                    self.c.totals.principal
                }),
                long_date(self.deadline)
            ),
        ));
        if self.b2b() {
            let t = &self.c.totals;
            let indemnity = if self.dossier.options.indemnity {
                ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du même code)"
            } else {
                ""
            };
            let mut text = format!(
                "{} qu'entre professionnels, tout retard de paiement fait courir de plein droit, sans qu'un rappel soit nécessaire, des pénalités de retard (article L441-10 du Code de commerce){indemnity}. Au {}, les pénalités s'élèvent à {}",
                v.s("Nous vous rappelons", "Je vous rappelle"),
                self.as_of(),
                Self::amount(t.interest)
            );
            if !t.indemnities.is_zero() {
                text.push_str(&format!(
                    " et les indemnités forfaitaires à {}",
                    Self::amount(t.indemnities)
                ));
            }
            text.push_str(&format!(
                ", soit un total dû de {}{}.",
                Self::amount(self.c.claimable_without_title()),
                self.annex_note()
            ));
            body.push(para(ids::PENALTIES, text));
        }
        let email = clean(&self.dossier.creditor.identity.email);
        let reach = if email.is_empty() {
            String::new()
        } else {
            format!(" à l'adresse {email}")
        };
        body.push(para(
            ids::CONTACT,
            format!(
                "Si ce règlement a été effectué entre-temps, {} de ne pas tenir compte de ce courrier. En cas de difficulté ou de question sur ces montants, n'hésitez pas à {} contacter{reach} : {} disposé{} à rechercher avec vous une solution.",
                v.s("nous vous prions", "je vous prie"),
                v.s("nous", "me"),
                v.s("nous sommes", "je suis"),
                v.s("s", "")
            ),
        ));
        body.push(para(ids::PAYMENT, self.payment_text()));
        body
    }
}
