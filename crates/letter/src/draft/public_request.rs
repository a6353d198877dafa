//! A public buyer's late payment (C. commande publique L2192-12 ff., feature `public`): instead
//! of a mise en demeure, a request for payment of the principal, the moratory interest
//! (R2192-31) and the 40 € indemnity (D2192-35), addressed to the buyer, copied to its public
//! accountant; nothing of L441-10.

use relance_engine::fr;

use super::context::{still_owed, Ctx};
use super::ids;
use crate::model::{para, sums, Block};

impl Ctx<'_> {
    pub(crate) fn public_subject(&self) -> String {
        let what = if self.open.len() > 3 {
            format!("{} factures", self.open.len())
        } else {
            format!(
                "{} n° {}",
                self.n("facture", "factures"),
                fr::join_and(&self.invoice_numbers())
            )
        };
        if self.c.totals.principal.is_zero() {
            format!("Demande de paiement des intérêts moratoires et de l'indemnité forfaitaire — {what}")
        } else {
            format!("Demande de paiement du principal restant dû, des intérêts moratoires et de l'indemnité forfaitaire — {what}")
        }
    }

    pub(crate) fn public_request_body(&self) -> Vec<Block> {
        let v = self.voice;
        let t = &self.c.totals;
        let creditor = self.party(&self.creditor, &self.dossier.creditor.identity.siren);
        let intro = match self.open.as_slice() {
            [inv] => format!(
                "{creditor} vous a adressé {}, {}, le délai de paiement étant expiré.",
                self.single_invoice_phrase(inv),
                still_owed(inv)
            ),
            _ => format!(
                "{creditor} vous a adressé les {} factures ci-dessous, qui n'ont pas été intégralement réglées dans le délai de paiement :",
                self.open.len()
            ),
        };
        let mut body = Vec::new();
        self.push_opening(&mut body, intro);
        body.push(Block::Heading("Sommes dues".to_owned()));
        body.push(para(
            ids::CLAIM,
            format!(
                "Le dépassement du délai de paiement fait courir des intérêts moratoires et ouvre droit à une indemnité forfaitaire pour frais de recouvrement (articles L2192-12 et suivants du Code de la commande publique). Au {}, les sommes dues s'établissent comme suit{} :",
                self.as_of(),
                self.annex_note()
            ),
        ));
        body.push(self.public_claim_table());
        let rates: Vec<String> = self
            .c
            .invoices
            .iter()
            .filter_map(|i| i.segments.first())
            .map(|s| fr::percent(s.rate.percent))
            .fold(Vec::new(), |mut seen, r| {
                if !seen.contains(&r) {
                    seen.push(r);
                }
                seen
            });
        let applied = match rates.as_slice() {
            [] => String::new(),
            [one] => format!(", soit {one} l'an"),
            many => format!(", soit selon la facture {}", fr::join_and(many)),
        };
        let mut rate = format!(
            "Les intérêts moratoires courent à compter du lendemain de l'expiration du délai de paiement, au taux appliqué par la Banque centrale européenne à ses opérations principales de refinancement les plus récentes, en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de huit points, pour toute la durée du retard (article R2192-31 du Code de la commande publique){applied}."
        );
        if !t.indemnities.is_zero() {
            rate.push_str(" L'indemnité forfaitaire pour frais de recouvrement est de 40 € par facture payée en retard (article D2192-35 du même code).");
        }
        body.push(para(ids::CLAIM_RATES, rate));
        let accessories = if t.indemnities.is_zero() {
            format!(
                "les intérêts moratoires ({} au {})",
                Self::amount(t.interest),
                fr::date(self.c.as_of)
            )
        } else {
            format!(
                "les intérêts moratoires ({} au {}) et l'indemnité forfaitaire ({})",
                Self::amount(t.interest),
                fr::date(self.c.as_of),
                Self::amount(t.indemnities)
            )
        };
        let deadline = if t.principal.is_zero() {
            format!(
                "Le principal ayant été payé, {accessories} étaient à payer au plus tard dans les 45 jours qui ont suivi ce paiement (article R2192-36 du Code de la commande publique). {} de régler la somme de {} {}.",
                v.s("Nous vous demandons", "Je vous demande"),
                Self::amount(self.c.claimable_without_title()),
                self.deadline_text()
            )
        } else {
            format!(
                "{} de mettre en paiement le principal restant dû, soit {}, {} ; {accessories} sont à payer au plus tard dans les 45 jours qui suivent le paiement du principal (article R2192-36 du Code de la commande publique), soit en tout {}.",
                v.s("Nous vous demandons", "Je vous demande"),
                Self::amount(t.principal),
                self.deadline_text(),
                Self::amount(self.c.claimable_without_title())
            )
        };
        body.push(para(ids::DEADLINE, deadline));
        body.push(para(ids::PAYMENT, self.payment_text()));
        // A CCAG's claim procedure (CCAG-FCS art. 37.2: « sous peine de forclusion »): the
        // request states each sum and how it is computed, so it can stand as the mémoire.
        body.push(para(
            ids::PUBLIC_CLAIM,
            "La présente demande vaut, en tant que de besoin, mémoire en réclamation au sens du cahier des clauses administratives générales applicable au marché : elle expose le motif du différend, le retard de paiement, ainsi que le montant et le mode de calcul de chaque somme réclamée.".to_owned(),
        ));
        body.push(para(
            ids::CONSEQUENCES,
            format!(
                "À défaut de paiement, {} de saisir le juge administratif.",
                v.s("nous nous réservons", "je me réserve")
            ),
        ));
        body.push(para(
            ids::PUBLIC_COPY,
            "Copie : le comptable public assignataire de la dépense.".to_owned(),
        ));
        body.push(self.enclosures(false));
        body
    }

    /// Principal, moratory interest and indemnities, from the engine's totals.
    fn public_claim_table(&self) -> Block {
        let t = &self.c.totals;
        let mut rows = vec![vec![
            "Principal restant dû".to_owned(),
            Self::amount(t.principal),
        ]];
        rows.push(vec![
            format!(
                "Intérêts moratoires au {} (C. commande publique R2192-31)",
                fr::date(self.c.as_of)
            ),
            Self::amount(t.interest),
        ]);
        let count = self.indemnified();
        if count > 0 {
            rows.push(vec![
                format!(
                    "Indemnité forfaitaire pour frais de recouvrement, 40 € × {count} (C. commande publique D2192-35)"
                ),
                Self::amount(t.indemnities),
            ]);
        }
        sums(
            "Somme",
            rows,
            [
                "Total".to_owned(),
                Self::amount(self.c.claimable_without_title()),
            ],
        )
    }
}
