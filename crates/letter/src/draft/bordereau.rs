//! The bordereau de pièces alone, and the one-page guide « Remplir le Cerfa » for a user who
//! prefers the official form: each heading of the form and the value to copy into it.

use relance_engine::dossier::CourtKind;
use relance_engine::fr;
use relance_engine::law::injunction;
use relance_engine::procedure::injunction_check;

use super::context::Ctx;
use super::ids;
use super::parties::grounds;
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

    /// Whether the bordereau goes with a déclaration de créance rather than a requête.
    fn for_declaration(&self) -> bool {
        self.court_name().is_empty() && self.dossier.court.insolvency.is_some()
    }

    pub(crate) fn bordereau_subject(&self) -> String {
        if self.for_declaration() {
            format!(
                "Bordereau de pièces — déclaration de créance {} au passif {}",
                fr::de(&self.creditor),
                fr::de(&self.debtor)
            )
        } else {
            format!(
                "Bordereau de pièces — {} contre {}",
                self.creditor, self.debtor
            )
        }
    }

    pub(crate) fn bordereau_body(&self) -> Vec<Block> {
        let listed = self.listed();
        let intro = if self.for_declaration() {
            format!(
                "Pièces jointes à la déclaration de créance {} au passif {} :",
                fr::de(&self.creditor),
                fr::de(&self.debtor)
            )
        } else {
            format!(
                "Documents justificatifs produits par {} à l'appui de sa requête contre {} :",
                self.creditor, self.debtor
            )
        };
        vec![
            para(ids::COURT_PIECES, intro),
            self.bordereau_table(&listed),
        ]
    }

    pub(crate) fn guide_subject(&self) -> String {
        format!(
            "Remplir le Cerfa n° {} — requête en injonction de payer",
            self.cerfa()
        )
    }

    fn commercial_court(&self) -> bool {
        let kind = injunction::court_kind(
            self.dossier.court.injunction.court_kind,
            self.dossier.debtor.kind,
            &self.dossier.court.debtor.legal_form,
        );
        kind == Some(CourtKind::Commerce)
    }

    /// Cerfa 12946 before the tribunal de commerce, 12948 before the tribunal judiciaire.
    fn cerfa(&self) -> &'static str {
        if self.commercial_court() {
            "12946*02"
        } else {
            "12948*06"
        }
    }

    pub(crate) fn guide_body(&self) -> Vec<Block> {
        let t = &self.c.totals;
        let at = fr::date(self.c.as_of);
        let listed = self.listed();
        let mut rows = vec![
            vec!["Juridiction".to_owned(), self.court_name()],
            vec!["Demandeur".to_owned(), self.creditor_description()],
        ];
        let signatory = clean(&self.fields.signatory);
        let representative = clean(&self.dossier.court.creditor.representative);
        if self.voice.we && !signatory.is_empty() && signatory != representative {
            rows.push(vec![
                "Mandataire".to_owned(),
                format!(
                    "{signatory}, muni d'un pouvoir écrit {}",
                    fr::de(&self.creditor)
                ),
            ]);
        }
        rows.push(vec!["Débiteur".to_owned(), self.debtor_description()]);
        let invoices = format!(
            "{} n° {}",
            self.n("facture", "factures"),
            fr::join_and(&self.invoice_numbers())
        );
        let grounds: Vec<String> = grounds(&listed)
            .map(|l| format!("pièce n° {}", l.number))
            .collect();
        let cause = if grounds.is_empty() {
            invoices.clone()
        } else {
            format!("{} ; {invoices}", fr::join_and(&grounds))
        };
        rows.push(vec![
            "Principal — fondement".to_owned(),
            format!("{} — {cause}", Self::amount(t.principal)),
        ]);
        if self.b2b() {
            rows.push(vec![
                "Intérêts — fondement".to_owned(),
                format!(
                    "{} échues au {at}, puis à échoir jusqu'au paiement — pénalités de retard, article L441-10 du Code de commerce, du lendemain de chaque échéance",
                    Self::amount(t.interest)
                ),
            ]);
            if !t.indemnities.is_zero() {
                rows.push(vec![
                    "Indemnité — fondement".to_owned(),
                    format!(
                        "{} — article D441-5 du Code de commerce",
                        Self::amount(t.indemnities)
                    ),
                ]);
            }
            if !t.extra_costs.is_zero() {
                rows.push(vec![
                    "Frais — fondement".to_owned(),
                    format!(
                        "{} — article L441-10 du Code de commerce, frais justifiés",
                        Self::amount(t.extra_costs)
                    ),
                ]);
            }
        } else if !t.interest.is_zero() {
            rows.push(vec![
                "Intérêts — fondement".to_owned(),
                format!(
                    "{} échus au {at}, puis à échoir jusqu'au paiement — intérêts au taux légal, article 1231-6 du Code civil",
                    Self::amount(t.interest)
                ),
            ]);
        }
        rows.push(vec![
            "Total".to_owned(),
            Self::amount(self.c.claimable_without_title()),
        ]);
        rows.push(vec![
            "Documents justificatifs".to_owned(),
            format!(
                "les pièces du bordereau, numérotées de 1 à {}, dont le décompte",
                fr::count(listed.len())
            ),
        ]);
        if !self.commercial_court() {
            rows.push(vec![
                "Tentative de résolution amiable (si le formulaire la demande)".to_owned(),
                "non requise pour une injonction de payer (avis de la Cour de cassation, 2e chambre civile, 25 septembre 2025, n° 25-70.013)".to_owned(),
            ]);
        }
        rows.push(vec![
            "Renvoi en cas d'opposition (C. proc. civ. 1408)".to_owned(),
            format!("oui, devant le {}", self.court_name()),
        ]);
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
