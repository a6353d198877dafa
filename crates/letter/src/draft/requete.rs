//! The requête en injonction de payer (CPC 1405 ff.), on plain paper: the parties as CPC 54
//! and 57 require, the facts, the basis of the claim, the sums with their décompte, the
//! request to transfer the case on opposition (CPC 1408) and the bordereau (CPC 1407).

use relance_engine::dossier::CourtKind;
use relance_engine::fr;
use relance_engine::law::injunction;

use super::context::Ctx;
use super::ids;
use crate::model::{para, Block};
use crate::user_text::{address_lines, clean};

impl Ctx<'_> {
    /// The court as the user named it.
    pub(crate) fn court_name(&self) -> String {
        clean(&self.dossier.court.injunction.court)
    }

    /// « Madame, Monsieur le Président », then the court and its address.
    pub(crate) fn court_lines(&self) -> Vec<String> {
        let mut lines = vec![
            "Madame, Monsieur le Président".to_owned(),
            self.court_name(),
        ];
        lines.extend(address_lines(&self.dossier.court.injunction.court_address));
        lines
    }

    pub(crate) fn requete_subject(&self) -> String {
        "Requête en injonction de payer (articles 1405 et suivants du Code de procédure civile)"
            .to_owned()
    }

    pub(crate) fn requete_body(&self) -> Vec<Block> {
        let mut body = vec![
            Block::Heading("Le demandeur".to_owned()),
            para(
                ids::COURT_CREDITOR,
                format!("{}.", self.creditor_description()),
            ),
            Block::Heading("Le débiteur".to_owned()),
            para(ids::COURT_DEBTOR, format!("{}.", self.debtor_description())),
            Block::Heading("Exposé des faits".to_owned()),
            para(ids::COURT_FACTS, self.requete_facts()),
        ];
        body.push(self.invoice_table());
        if let Some(facts) = self.facts_text() {
            body.push(para(ids::FACTS, facts));
        }
        body.push(Block::Heading("Fondement de la créance".to_owned()));
        body.push(para(ids::COURT_BASIS, self.requete_basis()));
        body.push(Block::Heading("Montant de la demande".to_owned()));
        body.push(self.claim_table());
        body.push(para(ids::COURT_AMOUNT, self.requete_amount_note()));
        body.push(Block::Heading("Par ces motifs".to_owned()));
        body.push(para(ids::COURT_REQUEST, self.requete_request()));
        body.push(Block::Bullets(self.requete_sums()));
        body.push(para(
            ids::COURT_TRANSFER,
            format!(
                "En cas d'opposition, {} demande que l'affaire soit immédiatement renvoyée devant la juridiction compétente, le {} (article 1408 du Code de procédure civile).",
                self.creditor,
                self.court_noun()
            ),
        ));
        let listed = self.listed();
        body.push(Block::Heading(
            "Bordereau des pièces communiquées".to_owned(),
        ));
        body.push(para(
            ids::COURT_PIECES,
            "Les pièces suivantes sont produites à l'appui de la présente requête (article 1407 du Code de procédure civile) :".to_owned(),
        ));
        body.push(self.bordereau_table(&listed));
        body
    }

    /// The court after « le » / « devant le »: « Tribunal de commerce de Lyon ».
    fn court_noun(&self) -> String {
        let name = self.court_name();
        let kind = injunction::court_kind(
            self.dossier.court.injunction.court_kind,
            self.dossier.debtor.kind,
            &self.dossier.court.debtor.legal_form,
        );
        match (name.is_empty(), kind) {
            (false, _) => name,
            (true, Some(CourtKind::Commerce)) => "tribunal de commerce".to_owned(),
            (true, _) => "tribunal judiciaire".to_owned(),
        }
    }

    fn requete_facts(&self) -> String {
        let contract = clean(&self.fields.contract_reference);
        let context = if contract.is_empty() {
            String::new()
        } else {
            format!(" en exécution de : {contract}")
        };
        let notice = self
            .dossier
            .options
            .formal_notice_date
            .map(|d| format!(", malgré la mise en demeure du {}", fr::date(d)))
            .unwrap_or_default();
        let (what, verb) = if self.plural() {
            ("les factures suivantes", "demeurées impayées")
        } else {
            ("la facture suivante", "demeurée impayée")
        };
        format!(
            "{} a émis à l'ordre {}{context} {what}, {verb} à ce jour{notice} :",
            self.creditor,
            fr::de(&self.debtor)
        )
    }

    fn requete_basis(&self) -> String {
        let head = format!(
            "La créance a une cause contractuelle et un montant déterminé (article 1405, 1°, du Code de procédure civile) : {} {} ci-dessus.",
            self.n("elle résulte de la facture", "elle résulte des factures"),
            self.n("citée", "citées"),
        );
        if self.b2b() {
            let indemnity = if self.dossier.options.indemnity {
                " L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée en retard (article D441-5 du même code)."
            } else {
                ""
            };
            format!(
                "{head} Les pénalités de retard sont dues de plein droit à compter du lendemain de l'échéance, sans rappel (article L441-10 du Code de commerce). {}{indemnity}{}",
                self.penalty_rate_text(),
                self.terms_text()
            )
        } else {
            let from = self
                .dossier
                .options
                .formal_notice_date
                .map(|d| format!(" à compter de la mise en demeure du {}", fr::date(d)))
                .unwrap_or_default();
            format!(
                "{head} Les intérêts au taux de l'intérêt légal courent{from} (articles 1231-6 et 1344-1 du Code civil)."
            )
        }
    }

    fn requete_amount_note(&self) -> String {
        let noun = if self.b2b() {
            "Les pénalités de retard sont arrêtées"
        } else {
            "Les intérêts sont arrêtés"
        };
        format!(
            "{noun} au {} et sont à parfaire jusqu'au paiement effectif ; leur calcul, période par période, figure au décompte annexé.",
            fr::date(self.c.as_of)
        )
    }

    fn requete_request(&self) -> String {
        format!(
            "{} demande qu'il plaise à Madame, Monsieur le Président du {} de rendre une ordonnance enjoignant à {} de lui payer :",
            self.creditor,
            self.court_noun(),
            self.debtor
        )
    }

    fn requete_sums(&self) -> Vec<String> {
        let t = &self.c.totals;
        let at = fr::date(self.c.as_of);
        let mut sums = vec![format!(
            "la somme de {} en principal ;",
            Self::amount(t.principal)
        )];
        if self.b2b() {
            if !t.interest.is_zero() {
                sums.push(format!(
                    "la somme de {} au titre des pénalités de retard arrêtées au {at}, à parfaire ;",
                    Self::amount(t.interest)
                ));
            }
            if !t.indemnities.is_zero() {
                sums.push(format!(
                    "la somme de {} au titre de l'indemnité forfaitaire pour frais de recouvrement ;",
                    Self::amount(t.indemnities)
                ));
            }
            if !t.extra_costs.is_zero() {
                sums.push(format!(
                    "la somme de {} au titre des frais de recouvrement complémentaires justifiés ;",
                    Self::amount(t.extra_costs)
                ));
            }
        } else if !t.interest.is_zero() {
            sums.push(format!(
                "la somme de {} au titre des intérêts au taux légal arrêtés au {at}, à parfaire ;",
                Self::amount(t.interest)
            ));
        }
        sums.push(format!(
            "soit un total de {} au {at}, ainsi que les dépens.",
            Self::amount(self.c.claimable_without_title())
        ));
        sums
    }
}
