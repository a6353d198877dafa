//! The mise en demeure de payer (C. civ. 1344): the sums claimed, their legal basis, the
//! deadline and what follows without payment.

use relance_engine::fr::{self, long_date};

use super::context::{still_owed, Ctx};
use super::ids;
use crate::model::{para, Block};

impl Ctx<'_> {
    pub(crate) fn formal_notice_body(&self) -> Vec<Block> {
        let v = self.voice;
        let t = &self.c.totals;
        let mut body = Vec::new();
        let creditor = self.party(&self.creditor, &self.dossier.creditor.identity.siren);
        let debtor = self.party(&self.debtor, &self.dossier.debtor.identity.siren);
        let intro = match self.open.as_slice() {
            [inv] => format!(
                "{creditor} est titulaire d'une créance sur {debtor} au titre de {}, {}.",
                self.single_invoice_phrase(inv),
                still_owed(inv)
            ),
            _ => format!(
                "{creditor} est titulaire d'une créance sur {debtor} au titre des {} factures ci-dessous, échues et non intégralement réglées à leur échéance :",
                self.open.len()
            ),
        };
        self.push_opening(&mut body, intro);
        body.push(Block::Heading("Sommes réclamées".to_owned()));
        body.push(para(
            ids::CLAIM,
            format!(
                "Au {}, les sommes dues s'établissent comme suit{} :",
                self.as_of(),
                self.annex_note()
            ),
        ));
        body.push(self.claim_table());
        if self.b2b() {
            let mut text = format!(
                "Les pénalités de retard sont dues de plein droit, sans qu'un rappel soit nécessaire, à compter du lendemain de la date d'échéance de chaque facture. {}",
                self.penalty_rate_text()
            );
            if !t.indemnities.is_zero() {
                text.push_str(" L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée en retard (articles L441-10 et D441-5 du Code de commerce).");
            }
            if !self.c.daily_accrual.is_zero() {
                text.push_str(&format!(
                    " Les pénalités continuent de courir jusqu'au complet paiement : {} par jour à ce jour.",
                    Self::amount(self.c.daily_accrual)
                ));
            }
            body.push(para(ids::CLAIM_RATES, text));
            body.extend(self.interest_bullets());
        } else {
            let mut text = "Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur ces sommes, à compter de sa réception et jusqu'à complet paiement, des intérêts au taux de l'intérêt légal.".to_owned();
            if let Some(notice) = self.dossier.options.formal_notice_date {
                if !t.interest.is_zero() {
                    text.push_str(&format!(
                        " Les intérêts au taux légal courus depuis la mise en demeure du {} s'élèvent à {} au {}.",
                        fr::date(notice),
                        Self::amount(t.interest),
                        fr::date(self.c.as_of)
                    ));
                }
            }
            body.push(para(ids::CLAIM_INTEREST, text));
            body.extend(self.interest_bullets());
        }
        let running = if self.b2b() {
            "augmentée des pénalités de retard qui courent jusqu'au complet paiement"
        } else {
            "augmentée des intérêts au taux légal à compter de la réception de la présente"
        };
        body.push(para(
            ids::DEADLINE,
            format!(
                "En conséquence, {} de {} régler la somme de {}, {running}, au plus tard le {}.",
                v.s("nous vous mettons en demeure", "je vous mets en demeure"),
                v.s("nous", "me"),
                Self::amount(self.c.claimable_without_title()),
                long_date(self.deadline)
            ),
        ));
        body.push(para(
            ids::NOTICE_1344,
            "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.".to_owned(),
        ));
        let court = if self.b2b() {
            "auprès du président du tribunal de commerce compétent (ou du tribunal judiciaire si la créance n'est pas commerciale)"
        } else {
            "auprès du tribunal judiciaire compétent (ou de son juge des contentieux de la protection, selon la nature de la créance)"
        };
        body.push(para(
            ids::CONSEQUENCES,
            format!(
                "À défaut de paiement intégral à cette date, {} le droit d'engager sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer {court}, ou une demande de provision en référé, et de demander que les frais de procédure soient mis à votre charge.",
                v.s("nous nous réservons", "je me réserve")
            ),
        ));
        body.push(para(ids::PAYMENT, self.payment_text()));
        body
    }
}
