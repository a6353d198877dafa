//! The demand to execute a judgment (issue 13): what the decision awarded, what is owed today
//! with interest since (C. civ. 1231-7) and the 5-point increase (C. mon. fin. L313-3), the
//! payments received, a deadline, then enforcement by a commissaire de justice.

use relance_engine::fr::{self, long_date};

use super::context::Ctx;
use super::ids;
use crate::annex;
use crate::model::{para, sums, Annex, Block};
use crate::user_text::clean;

impl Ctx<'_> {
    pub(crate) fn execution_subject(&self) -> String {
        match &self.dossier.judgment {
            Some(j) => format!(
                "Demande d'exécution de la décision du {}",
                long_date(j.date)
            ),
            None => "Demande d'exécution de la décision".to_owned(),
        }
    }

    /// « Décision du 10/03/2025 — Tribunal de commerce de Lyon — RG n° 25/01234 », then its
    /// service.
    pub(crate) fn execution_references(&self) -> Vec<String> {
        let Some(j) = &self.dossier.judgment else {
            return Vec::new();
        };
        let mut first = format!("Décision du {}", fr::date(j.date));
        for part in [clean(&j.court), clean(&j.reference)] {
            if !part.is_empty() {
                first.push_str(&format!(" — {part}"));
            }
        }
        let mut lines = vec![first];
        if let Some(served) = j.served {
            lines.push(format!("Signifiée le {}", fr::date(served)));
        }
        lines
    }

    pub(crate) fn execution_body(&self) -> Vec<Block> {
        let (Some(j), Some(r)) = (&self.dossier.judgment, &self.c.judgment) else {
            return Vec::new();
        };
        let court = clean(&j.court);
        let by = if court.is_empty() {
            "La décision".to_owned()
        } else {
            format!("La décision du {court}")
        };
        let mut awarded = vec![format!("{} en principal", Self::amount(j.principal.get()))];
        if !j.interest_awarded.get().is_zero() {
            awarded.push(format!(
                "{} d'intérêts arrêtés à la date de la décision",
                Self::amount(j.interest_awarded.get())
            ));
        }
        if !j.article_700.get().is_zero() {
            awarded.push(format!(
                "{} au titre de l'article 700 du Code de procédure civile",
                Self::amount(j.article_700.get())
            ));
        }
        if !j.costs.get().is_zero() {
            awarded.push(format!(
                "les dépens, liquidés à {}",
                Self::amount(j.costs.get())
            ));
        }
        let served = j
            .served
            .map(|d| format!(" Cette décision a été signifiée le {}.", long_date(d)))
            .unwrap_or_default();
        let mut body = vec![para(
            ids::EXECUTION_AWARD,
            format!(
                "{by} du {} a condamné {} à payer à {} : {}.{served}",
                long_date(j.date),
                self.debtor,
                self.creditor,
                fr::join_and(&awarded)
            ),
        )];
        let start = relance_engine::law::judgment::interest_start(j.date, j.interest_from)
            .map(|d| format!(" à compter du {}", long_date(d)))
            .unwrap_or_default();
        let mut interest = format!(
            "Le principal et la somme allouée au titre de l'article 700 produisent intérêts au taux de l'intérêt légal{start} (article 1231-7 du Code civil)."
        );
        if let Some(from) = r.increase_from {
            let verb = if from <= self.c.as_of { "est" } else { "sera" };
            interest.push_str(&format!(
                " Ce taux {verb} majoré de cinq points à compter du {}, à l'expiration d'un délai de deux mois après la signification (article L313-3 du Code monétaire et financier).",
                long_date(from)
            ));
        }
        if !r.capitalisations.is_empty() {
            let dates: Vec<String> = r.capitalisations.iter().map(|c| fr::date(c.date)).collect();
            interest.push_str(&format!(
                " La capitalisation des intérêts s'applique (article 1343-2 du Code civil) : les intérêts échus ont été ajoutés à la base des intérêts {} {}.",
                if dates.len() > 1 { "les" } else { "le" },
                fr::join_and(&dates)
            ));
        }
        body.push(para(ids::EXECUTION_INTEREST, interest));
        if !r.payments.is_empty() {
            let paid: Vec<String> = r
                .payments
                .iter()
                .map(|p| {
                    format!(
                        "{} le {}",
                        Self::amount(p.to_costs + p.to_interest + p.to_base),
                        fr::date(p.date)
                    )
                })
                .collect();
            body.push(para(
                ids::FACTS,
                format!(
                    "{} {} depuis la décision : {}. {} imputé{} sur les dépens, puis sur les intérêts, puis sur le principal{}.",
                    self.voice.s("Nous avons reçu", "J'ai reçu"),
                    if paid.len() > 1 { "les règlements suivants" } else { "un règlement" },
                    fr::join_and(&paid),
                    if paid.len() > 1 { "Ils ont été" } else { "Il a été" },
                    if paid.len() > 1 { "s" } else { "" },
                    self.annex_note()
                ),
            ));
        }
        body.push(sums(
            "Somme",
            vec![
                vec![
                    "Principal et article 700 restant dus".to_owned(),
                    Self::amount(r.base_owed),
                ],
                vec![
                    format!("Intérêts restant dus au {}", fr::date(self.c.as_of)),
                    Self::amount(r.interest_owed()),
                ],
                vec!["Dépens restant dus".to_owned(), Self::amount(r.costs_owed)],
            ],
            ["Total".to_owned(), Self::amount(r.total())],
        ));
        body.push(para(
            ids::EXECUTION_DEMAND,
            format!(
                "{} de régler la somme de {} {}, les intérêts continuant de courir jusqu'au paiement.",
                self.voice.s("Nous vous demandons", "Je vous demande"),
                Self::amount(r.total()),
                self.deadline_text()
            ),
        ));
        let reference = format!(
            "en indiquant en référence la décision du {}",
            fr::date(j.date)
        );
        body.push(para(ids::PAYMENT, self.payment_with(&reference)));
        let enforcement = if j.served.is_some() {
            format!(
                "À défaut, {} un commissaire de justice de l'exécution forcée de cette décision (saisie des sommes détenues sur vos comptes, saisie de vos biens).",
                self.voice.s("nous chargerons", "je chargerai")
            )
        } else {
            format!(
                "À défaut, {} signifier cette décision par un commissaire de justice et en {} l'exécution forcée (saisie des sommes détenues sur vos comptes, saisie de vos biens).",
                self.voice.s("nous ferons", "je ferai"),
                self.voice.s("poursuivrons", "poursuivrai")
            )
        };
        body.push(para(ids::EXECUTION_ENFORCEMENT, enforcement));
        body
    }

    /// The judgment's account as an annex, when there is one.
    pub(crate) fn execution_annex(&self) -> Option<Annex> {
        let r = self.c.judgment.as_ref()?;
        Some(annex::judgment(
            r,
            self.c.as_of,
            self.dossier.options.day_count,
            self.fields.show_unverified,
        ))
    }
}
