//! The déclaration de créance to the mandataire judiciaire or the liquidator (C. com. L622-24
//! ff.): the claim as at the opening judgment, the sums due then apart from those to fall
//! due, the nature of the claim, the certification and the pieces under bordereau.

use relance_engine::dossier::{Insolvency, Procedure};
use relance_engine::fr;
use relance_engine::law::insolvency;
use relance_engine::procedure::{split, Declared};

use super::context::Ctx;
use super::ids;
use crate::model::{col, para, Align, Block, Table};
use crate::user_text::{address_lines, clean, siren_line};

/// « redressement judiciaire ».
fn procedure_name(p: Procedure) -> &'static str {
    match p {
        Procedure::Safeguard => "sauvegarde",
        Procedure::Recovery => "redressement judiciaire",
        Procedure::Liquidation => "liquidation judiciaire",
    }
}

impl Ctx<'_> {
    fn proceedings(&self) -> Option<&Insolvency> {
        self.dossier.court.insolvency.as_ref()
    }

    /// The mandataire or liquidator, and their address.
    pub(crate) fn representative_lines(&self) -> Vec<String> {
        let Some(p) = self.proceedings() else {
            return Vec::new();
        };
        let mut lines = vec![clean(&p.representative_name)];
        lines.extend(address_lines(&p.representative_address));
        lines
    }

    pub(crate) fn declaration_subject(&self) -> String {
        match self.proceedings() {
            Some(p) => format!(
                "Déclaration de créance — {} — procédure de {} ouverte le {}",
                self.debtor,
                procedure_name(p.procedure),
                fr::date(p.opened)
            ),
            None => "Déclaration de créance".to_owned(),
        }
    }

    pub(crate) fn declaration_body(&self) -> Vec<Block> {
        let Some(p) = self.proceedings() else {
            return Vec::new();
        };
        let declared = split(self.c.clone(), p);
        let opened = fr::date(p.opened);
        let court = clean(&p.court);
        let by = if court.is_empty() {
            String::new()
        } else {
            format!(" du {court}")
        };
        let siren = siren_line(&self.dossier.debtor.identity.siren)
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let mut body = vec![
            para(
                ids::DECLARATION_INTRO,
                format!(
                    "{} déclare entre vos mains, au passif {}{siren}, la créance ci-dessous, née avant le jugement{by} du {opened} qui a ouvert à son égard une procédure de {}.",
                    self.creditor,
                    fr::de(&self.debtor),
                    procedure_name(p.procedure)
                ),
            ),
            Block::Heading("Le créancier".to_owned()),
            para(ids::COURT_CREDITOR, format!("{}.", self.creditor_description())),
            Block::Heading("Le débiteur".to_owned()),
            para(ids::COURT_DEBTOR, format!("{}.", self.debtor_description())),
            Block::Heading(format!("Sommes échues au {opened}")),
            self.due_table(&declared),
        ];
        let interest = if self.b2b() {
            "Les pénalités de retard (article L441-10 du Code de commerce) sont arrêtées au jour du jugement d'ouverture, qui en arrête le cours (article L622-28 du Code de commerce)."
        } else {
            "Les intérêts sont arrêtés au jour du jugement d'ouverture, qui en arrête le cours (article L622-28 du Code de commerce)."
        };
        body.push(para(ids::DECLARATION_INTEREST, interest.to_owned()));
        if !declared.not_yet_due.is_empty() {
            body.push(Block::Heading("Sommes à échoir".to_owned()));
            body.push(self.later_table(&declared));
            let why = if insolvency::makes_payable(p.procedure) {
                "Le jugement de liquidation judiciaire rend exigibles les créances non échues (article L643-1 du Code de commerce) ; elles sont déclarées avec leur date d'échéance contractuelle (article L622-25 du Code de commerce)."
            } else {
                "Le jugement d'ouverture ne rend pas exigibles les créances non échues (article L622-29 du Code de commerce) : elles sont déclarées avec leur date d'échéance (article L622-25 du Code de commerce)."
            };
            body.push(para(ids::DECLARATION_LATER, why.to_owned()));
        }
        body.push(Block::Heading("Montant déclaré".to_owned()));
        body.push(self.declared_total_table(&declared));
        let security = clean(&p.security);
        let nature = if security.is_empty() {
            "La créance est chirographaire.".to_owned()
        } else {
            format!("La créance est assortie de : {security}.")
        };
        body.push(para(ids::DECLARATION_NATURE, nature));
        body.push(para(
            ids::DECLARATION_CERTIFIED,
            format!(
                "{} certifie sincère la présente déclaration de créance (article L622-25 du Code de commerce).",
                self.creditor
            ),
        ));
        body.push(para(ids::DECLARATION_DECLARANT, self.declarant_text()));
        let listed = self.listed();
        body.push(Block::Heading("Bordereau des pièces jointes".to_owned()));
        body.push(para(
            ids::COURT_PIECES,
            "Les pièces justificatives suivantes sont jointes sous bordereau (article R622-23 du Code de commerce) :".to_owned(),
        ));
        body.push(self.bordereau_table(&listed));
        body
    }

    /// « La présente déclaration est faite par Claire Durand, gérante, pour le compte de … ».
    fn declarant_text(&self) -> String {
        let signatory = clean(&self.fields.signatory);
        let capacity = clean(&self.fields.capacity);
        let who = match (signatory.is_empty(), capacity.is_empty()) {
            (true, _) => {
                return format!(
                "La présente déclaration est faite par {} (article L622-24 du Code de commerce).",
                self.creditor
            )
            }
            (false, true) => signatory,
            (false, false) => format!("{signatory}, {}", fr::lowercase(&capacity)),
        };
        format!(
            "La présente déclaration est faite par {who}, pour le compte {} (article L622-24 du Code de commerce).",
            fr::de(&self.creditor)
        )
    }

    fn due_table(&self, declared: &Declared) -> Block {
        let noun = if self.b2b() {
            "Pénalités"
        } else {
            "Intérêts"
        };
        let mut rows: Vec<Vec<String>> = declared
            .due
            .iter()
            .filter_map(|i| declared.computation.invoices.get(*i))
            .map(|inv| {
                vec![
                    clean(&inv.number),
                    fr::date(inv.due),
                    Self::amount(inv.principal),
                    Self::amount(inv.interest),
                    Self::amount(inv.indemnity),
                    Self::amount(inv.total),
                ]
            })
            .collect();
        let extra = declared.computation.totals.extra_costs;
        if !extra.is_zero() {
            let mut row = vec!["Frais de recouvrement justifiés".to_owned()];
            row.extend(["", "", "", ""].map(String::from));
            row.push(Self::amount(extra));
            rows.push(row);
        }
        Block::Table(Table {
            columns: vec![
                col("Facture", Align::Left, 3),
                col("Échéance", Align::Left, 2),
                col("Principal", Align::Right, 3),
                col(noun, Align::Right, 3),
                col("Indemnité", Align::Right, 2),
                col("Total", Align::Right, 3),
            ],
            rows,
            total: Some(vec![
                "Total échu".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                Self::amount(declared.due_total),
            ]),
        })
    }

    fn later_table(&self, declared: &Declared) -> Block {
        let rows = declared
            .not_yet_due
            .iter()
            .filter_map(|i| declared.computation.invoices.get(*i))
            .map(|inv| {
                vec![
                    clean(&inv.number),
                    fr::date(inv.due),
                    Self::amount(inv.principal),
                ]
            })
            .collect();
        Block::Table(Table {
            columns: vec![
                col("Facture", Align::Left, 3),
                col("Échéance", Align::Left, 2),
                col("Montant", Align::Right, 3),
            ],
            rows,
            total: Some(vec![
                "Total à échoir".to_owned(),
                String::new(),
                Self::amount(declared.not_yet_due_total),
            ]),
        })
    }

    fn declared_total_table(&self, declared: &Declared) -> Block {
        let opened = fr::date(declared.computation.as_of);
        let mut rows = vec![vec![
            format!("Sommes échues au {opened}"),
            Self::amount(declared.due_total),
        ]];
        if !declared.not_yet_due.is_empty() {
            rows.push(vec![
                "Sommes à échoir".to_owned(),
                Self::amount(declared.not_yet_due_total),
            ]);
        }
        Block::Table(Table {
            columns: vec![
                col("Créance", Align::Left, 5),
                col("Montant", Align::Right, 2),
            ],
            rows,
            total: Some(vec![
                "Total déclaré".to_owned(),
                Self::amount(declared.computation.totals.total),
            ]),
        })
    }
}
