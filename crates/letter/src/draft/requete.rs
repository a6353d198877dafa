//! The requête en injonction de payer (CPC 1405 ff.), on plain paper: the parties as CPC 54
//! and 57 require, the facts, the basis of the claim, the sums with their décompte, the
//! request to transfer the case on opposition (CPC 1408) and the bordereau (CPC 1407).

use relance_engine::calendar::next_day;
use relance_engine::dossier::CourtKind;
use relance_engine::fr::{self, long_date};
use relance_engine::law::injunction;
use relance_engine::procedure::{Listed, Source};

use super::context::Ctx;
use super::ids;
use super::parties::grounds;
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
            "Madame ou Monsieur le Président".to_owned(),
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
        let listed = self.listed();
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
        if let Some(imputed) = self.imputations() {
            body.push(imputed);
        }
        if let Some(facts) = self.facts_text() {
            body.push(para(ids::FACTS, facts));
        }
        body.push(Block::Heading("Fondement de la créance".to_owned()));
        body.push(para(ids::COURT_BASIS, self.requete_basis(&listed)));
        body.push(Block::Heading("Montant de la demande".to_owned()));
        body.push(self.claim_table());
        body.push(para(ids::COURT_AMOUNT, self.requete_amount_note(&listed)));
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
        body.push(Block::Heading(
            "Bordereau des pièces produites à l'appui de la requête".to_owned(),
        ));
        body.push(para(
            ids::COURT_PIECES,
            "Documents justificatifs produits à l'appui de la présente requête (article 1407 du Code de procédure civile) :".to_owned()));
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
        let notice = self
            .dossier
            .options
            .formal_notice_date
            .map(|d| format!(", malgré la mise en demeure du {}", long_date(d)))
            .unwrap_or_default();
        let what = if self.plural() {
            "les factures suivantes, qui demeurent impayées en tout ou partie"
        } else {
            "la facture suivante, qui demeure impayée en tout ou partie"
        };
        format!(
            "{} a adressé à {} {what}{notice} :",
            self.creditor, self.debtor
        )
    }

    /// How each payment and credit note was applied, so that the table adds up for a reader
    /// who has not opened the annex (C. civ. 1343-1).
    fn imputations(&self) -> Option<Block> {
        let mut lines = Vec::new();
        for inv in &self.c.invoices {
            let number = clean(&inv.number);
            for credit in &inv.credits {
                let when = credit
                    .date
                    .map(|d| format!(" du {}", fr::date(d)))
                    .unwrap_or_default();
                lines.push(format!(
                    "L'avoir{when} de {} a été déduit de la facture n° {number}.",
                    Self::amount(credit.amount)
                ));
            }
            for paid in &inv.payments {
                let total = paid.to_interest + paid.to_principal;
                lines.push(if paid.to_interest.is_zero() {
                    format!(
                        "Le règlement de {} du {} a été imputé sur le principal de la facture n° {number}.",
                        Self::amount(total),
                        fr::date(paid.date)
                    )
                } else {
                    let noun = if self.b2b() {
                        "les pénalités de retard échues"
                    } else {
                        "les intérêts échus"
                    };
                    format!(
                        "Le règlement de {} du {} a été imputé sur la facture n° {number}, d'abord sur {noun} ({}), puis sur le principal ({}) (article 1343-1 du Code civil).",
                        Self::amount(total),
                        fr::date(paid.date),
                        Self::amount(paid.to_interest),
                        Self::amount(paid.to_principal)
                    )
                });
            }
        }
        (!lines.is_empty()).then_some(Block::Bullets(lines))
    }

    fn requete_basis(&self, listed: &[Listed]) -> String {
        let grounds: Vec<String> = grounds(listed)
            .filter_map(|l| match l.source {
                Source::User(i) => self
                    .dossier
                    .court
                    .pieces
                    .get(i)
                    .map(|p| format!("« {} » (pièce n° {})", clean(&p.title), l.number)),
                _ => None,
            })
            .collect();
        let invoices = self.n(
            "la facture citée ci-dessus",
            "les factures citées ci-dessus",
        );
        let cause = if grounds.is_empty() {
            format!("elle résulte des prestations ou des ventes convenues entre les parties, que constate{} {invoices}", self.n("", "nt"))
        } else {
            format!(
                "elle résulte de {}, exécuté{} et facturé{} selon {invoices}",
                fr::join_and(&grounds),
                if grounds.len() > 1 { "s" } else { "" },
                if grounds.len() > 1 { "s" } else { "" }
            )
        };
        let head = format!(
            "La créance a une cause contractuelle et un montant déterminé (article 1405, 1°, du Code de procédure civile) : {cause}."
        );
        if self.b2b() {
            let indemnity = if self.dossier.options.indemnity {
                " L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture non payée à son échéance (article D441-5 du même code)."
            } else {
                ""
            };
            format!(
                "{head} Les pénalités de retard sont dues de plein droit à compter du lendemain de l'échéance, sans rappel (article L441-10 du Code de commerce). {}{indemnity}{}",
                self.penalty_rate_text(),
                self.terms_text()
            )
        } else {
            match self.dossier.options.formal_notice_date {
                Some(d) => format!(
                    "{head} Les intérêts au taux de l'intérêt légal courent à compter du lendemain de la mise en demeure du {} (articles 1231-6 et 1344-1 du Code civil).",
                    long_date(d)
                ),
                None => format!(
                    "{head} Faute de mise en demeure préalable, aucun intérêt n'est réclamé à ce jour."
                ),
            }
        }
    }

    fn requete_amount_note(&self, listed: &[Listed]) -> String {
        let noun = if self.b2b() {
            "Les pénalités de retard sont arrêtées"
        } else {
            "Les intérêts sont arrêtés"
        };
        let piece = self
            .decompte_piece(listed)
            .map(|n| format!(" (pièce n° {n})"))
            .unwrap_or_default();
        if self.c.totals.interest.is_zero() {
            return format!("Le calcul des sommes dues figure au décompte annexé{piece}.");
        }
        format!(
            "{noun} au {} et continuent de courir jusqu'au paiement ; leur calcul, période par période, figure au décompte annexé{piece}.",
            long_date(self.c.as_of)
        )
    }

    fn requete_request(&self) -> String {
        format!(
            "{} prie Madame ou Monsieur le Président du {} de bien vouloir rendre une ordonnance portant injonction de payer, enjoignant à {} de lui payer :",
            self.creditor,
            self.court_noun(),
            self.debtor
        )
    }

    /// The sums asked: each as the décompte has it on its date, interest to come at the rate of
    /// that day, then the total and the costs.
    fn requete_sums(&self) -> Vec<String> {
        let t = &self.c.totals;
        let at = fr::date(self.c.as_of);
        let mut sums = vec![format!(
            "la somme de {} en principal ;",
            Self::amount(t.principal)
        )];
        let (past, future) = if self.b2b() {
            (
                "des pénalités de retard échues",
                "les pénalités de retard à échoir",
            )
        } else {
            (
                "des intérêts au taux légal échus",
                "les intérêts au taux légal à échoir",
            )
        };
        if !t.interest.is_zero() {
            sums.push(format!(
                "la somme de {} au titre {past} au {at} ;",
                Self::amount(t.interest)
            ));
        }
        if let Some(running) = self.running_interest(future) {
            sums.push(running);
        }
        if self.b2b() {
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
        }
        sums.push(format!(
            "soit la somme totale de {} arrêtée au {at}, outre les dépens.",
            Self::amount(self.c.claimable_without_title())
        ));
        sums
    }

    /// « les pénalités de retard à échoir sur le principal de 3 571,12 €, du 02/12/2026 jusqu'au
    /// paiement, au taux prévu par l'article L441-10 du Code de commerce, soit 12,40 % l'an au
    /// 01/12/2026 ; » — when interest runs on the calculation date.
    fn running_interest(&self, noun: &str) -> Option<String> {
        let t = &self.c.totals;
        let last = self
            .c
            .invoices
            .iter()
            .filter(|i| !i.principal.is_zero())
            .filter_map(|i| i.segments.last())
            .find(|s| s.to == self.c.as_of)?;
        let from = next_day(self.c.as_of)?;
        let basis = if self.b2b() {
            "au taux prévu par l'article L441-10 du Code de commerce"
        } else {
            "au taux de l'intérêt légal (article 1231-6 du Code civil)"
        };
        Some(format!(
            "{noun} sur le principal de {}, du {} jusqu'au paiement, {basis}, soit {} l'an au {} ;",
            Self::amount(t.principal),
            fr::date(from),
            fr::percent(last.rate.percent),
            fr::date(self.c.as_of)
        ))
    }
}
