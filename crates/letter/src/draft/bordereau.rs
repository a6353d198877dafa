//! The bordereau de pièces alone, and the one-page guide « Remplir le Cerfa » for a user who
//! prefers the official form: each heading of the form and the value to copy into it.

use relance_engine::dossier::CourtKind;
use relance_engine::fr;
use relance_engine::law::injunction;
use relance_engine::procedure::injunction_check;

use super::context::Ctx;
use super::ids;
use crate::model::{col, para, Align, Block, Table};
use crate::user_text::clean;

impl Ctx<'_> {
    /// Who the bordereau goes to: the court of the requête, else the mandataire.
    pub(crate) fn bordereau_recipient(&self) -> Vec<String> {
        if !self.court_name().is_empty() {
            self.court_lines()
        } else if self.dossier.court.insolvency.is_some() {
            self.representative_lines()
        } else {
            Vec::new()
        }
    }

    pub(crate) fn bordereau_subject(&self) -> String {
        format!(
            "Bordereau de pièces — {} contre {}",
            self.creditor, self.debtor
        )
    }

    pub(crate) fn bordereau_body(&self) -> Vec<Block> {
        let listed = self.listed();
        vec![
            para(
                ids::COURT_PIECES,
                format!(
                    "Pièces communiquées par {} au soutien de sa demande contre {} :",
                    self.creditor, self.debtor
                ),
            ),
            self.bordereau_table(&listed),
        ]
    }

    pub(crate) fn guide_subject(&self) -> String {
        format!(
            "Remplir le Cerfa n° {} — requête en injonction de payer",
            self.cerfa()
        )
    }

    /// Cerfa 12946 before the tribunal de commerce, 12948 before the tribunal judiciaire.
    fn cerfa(&self) -> &'static str {
        let kind = injunction::court_kind(
            self.dossier.court.injunction.court_kind,
            self.dossier.debtor.kind,
            &self.dossier.court.debtor.legal_form,
        );
        if kind == Some(CourtKind::Commerce) {
            "12946"
        } else {
            "12948"
        }
    }

    pub(crate) fn guide_body(&self) -> Vec<Block> {
        let t = &self.c.totals;
        let at = fr::date(self.c.as_of);
        let listed = self.listed();
        let mut rows = vec![
            vec!["Juridiction".to_owned(), self.court_name()],
            vec!["Demandeur".to_owned(), self.creditor_description()],
            vec!["Débiteur".to_owned(), self.debtor_description()],
            vec!["Principal".to_owned(), Self::amount(t.principal)],
        ];
        if self.b2b() {
            rows.push(vec![
                "Intérêts (pénalités de retard, C. com. L441-10)".to_owned(),
                format!("{} arrêtées au {at}, à parfaire", Self::amount(t.interest)),
            ]);
            if !t.indemnities.is_zero() {
                rows.push(vec![
                    "Indemnité forfaitaire (C. com. D441-5)".to_owned(),
                    Self::amount(t.indemnities),
                ]);
            }
            if !t.extra_costs.is_zero() {
                rows.push(vec!["Frais".to_owned(), Self::amount(t.extra_costs)]);
            }
        } else if !t.interest.is_zero() {
            rows.push(vec![
                "Intérêts au taux légal (C. civ. 1231-6)".to_owned(),
                format!("{} arrêtés au {at}, à parfaire", Self::amount(t.interest)),
            ]);
        }
        rows.push(vec![
            "Total".to_owned(),
            Self::amount(self.c.claimable_without_title()),
        ]);
        rows.push(vec![
            "Fondement de la créance".to_owned(),
            format!(
                "Contrat : {} n° {} (C. proc. civ. 1405, 1°)",
                self.n("facture", "factures"),
                fr::join_and(&self.invoice_numbers())
            ),
        ]);
        rows.push(vec![
            "Documents justificatifs".to_owned(),
            format!(
                "Les {} pièces du bordereau, numérotées de 1 à {}, dont le décompte",
                fr::count(listed.len()),
                fr::count(listed.len())
            ),
        ]);
        rows.push(vec![
            "Renvoi en cas d'opposition (C. proc. civ. 1408)".to_owned(),
            format!("Oui, devant le {}", self.court_name()),
        ]);
        let signatory = clean(&self.fields.signatory);
        rows.push(vec![
            "Date et signature".to_owned(),
            format!("{}, {}", self.place_date(), signatory),
        ]);
        vec![
            para(
                ids::GUIDE_INTRO,
                format!(
                    "Pour qui préfère le formulaire officiel (Cerfa n° {}) à la requête sur papier libre : la valeur à reporter dans chaque rubrique. Les intitulés exacts varient selon la version du formulaire ; joignez le bordereau et les pièces dans l'ordre de leurs numéros.",
                    self.cerfa()
                ),
            ),
            Block::Table(Table {
                columns: vec![
                    col("Rubrique", Align::Left, 2),
                    col("À reporter", Align::Left, 5),
                ],
                rows,
                total: None,
            }),
            Block::Heading("À savoir".to_owned()),
            Block::Bullets(injunction_check(self.dossier, self.c).notes),
        ]
    }
}
