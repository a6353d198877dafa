//! The mise en demeure de payer (C. civ. 1344): the sums claimed, their legal basis, the
//! deadline and what follows without payment.

use relance_engine::fr;
use relance_engine::law::procedures::amicable_attempt_required;

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
        let principal = Self::amount(t.principal);
        if self.b2b() {
            let mut text = format!(
                "Les pénalités de retard sont dues de plein droit, sans qu'un rappel soit nécessaire, à compter du lendemain de la date d'échéance de chaque facture. {}{}",
                self.penalty_rate_text(),
                self.terms_text()
            );
            if !t.indemnities.is_zero() {
                // C. com. L441-10 II: more than 40 € on proof of the costs.
                text.push_str(" L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée en retard (articles L441-10 et D441-5 du Code de commerce), sans préjudice d'une indemnisation complémentaire, sur justification, lorsque les frais de recouvrement exposés dépassent ce montant.");
            }
            if !self.c.daily_accrual.is_zero() {
                // The page's build has no capitalisation: its sentence, unchanged, costs nothing.
                let capitalised = self.capitalised_words();
                text.push_str(&if cfg!(feature = "judgment") && !capitalised.is_empty() {
                    format!(
                        " Les pénalités continuent de courir sur le principal restant dû{capitalised} jusqu'au complet paiement, soit actuellement {} par jour.",
                        Self::amount(self.c.daily_accrual)
                    )
                } else {
                    format!(
                        " Les pénalités continuent de courir sur le principal restant dû jusqu'au complet paiement, soit actuellement {} par jour.",
                        Self::amount(self.c.daily_accrual)
                    )
                });
            }
            body.push(para(ids::CLAIM_RATES, text));
            body.extend(self.interest_bullets());
        } else {
            // C. civ. 1231-6, 1344-1: legal interest on the principal, from one formal notice.
            let text = match self.dossier.options.formal_notice_date {
                Some(notice) => {
                    let mut text = format!(
                        "Conformément aux articles 1231-6 et 1344-1 du Code civil, des intérêts au taux de l'intérêt légal courent sur le principal restant dû depuis la mise en demeure du {} et jusqu'à complet paiement.",
                        fr::date(notice)
                    );
                    if !t.interest.is_zero() {
                        text.push_str(&format!(
                            " Au {}, ils s'élèvent à {}.",
                            fr::date(self.c.as_of),
                            Self::amount(t.interest)
                        ));
                    }
                    text
                }
                None => format!(
                    "Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur le principal restant dû de {principal}, à compter de sa réception et jusqu'à complet paiement, des intérêts au taux de l'intérêt légal."
                ),
            };
            body.push(para(ids::CLAIM_INTEREST, text));
            body.extend(self.interest_bullets());
        }
        #[cfg(feature = "judgment")]
        body.extend(self.capitalisation_paragraph());
        // Interest runs on the principal only: the sum claimed may already hold some. Nothing
        // runs on a principal paid in full.
        let running = if t.principal.is_zero() {
            String::new()
        } else if cfg!(feature = "judgment") && !self.capitalised_words().is_empty() {
            // Capitalised interest bears interest too (feature `judgment`, not the page's).
            let noun = if self.b2b() {
                "les pénalités de retard"
            } else {
                "les intérêts au taux de l'intérêt légal"
            };
            format!(
                ", {noun} continuant de courir sur le principal restant dû de {principal}{} jusqu'au complet paiement",
                self.capitalised_words()
            )
        } else if self.b2b() {
            format!(", les pénalités de retard continuant de courir sur le principal restant dû de {principal} jusqu'au complet paiement")
        } else if self.dossier.options.formal_notice_date.is_some() {
            format!(", les intérêts au taux de l'intérêt légal continuant de courir sur le principal restant dû de {principal} jusqu'au complet paiement")
        } else {
            format!(", augmentée des intérêts au taux de l'intérêt légal sur le principal restant dû de {principal} à compter de la réception de la présente")
        };
        // The deadline right after the verb: at the end, it could read as the time the
        // penalties run.
        body.push(para(
            ids::DEADLINE,
            format!(
                "En conséquence, {} de {} régler, {}, la somme de {}{running}.",
                v.s("nous vous mettons en demeure", "je vous mets en demeure"),
                v.s("nous", "me"),
                self.deadline_text(),
                Self::amount(self.c.claimable_without_title())
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
        let mut consequences = format!(
            "À défaut de paiement intégral dans ce délai, {} le droit d'engager sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer {court}, ou une demande de provision en référé, et de demander que les frais de procédure soient mis à votre charge.",
            v.s("nous nous réservons", "je me réserve")
        );
        // CPC 750-1: up to 5 000 €, an action on the merits starts with an amicable attempt.
        if amicable_attempt_required(self.c.claimable_without_title()) {
            consequences.push_str(" Une action au fond serait précédée d'une tentative de conciliation devant un conciliateur de justice, comme le prévoit l'article 750-1 du Code de procédure civile pour une créance n'excédant pas 5 000 €.");
        }
        body.push(para(ids::CONSEQUENCES, consequences));
        body.push(para(
            ids::PAYMENT,
            format!("{} {}", self.payment_text(), self.part_payment_text()),
        ));
        body.extend(self.mediator());
        body.push(self.enclosures(false));
        body
    }
}
