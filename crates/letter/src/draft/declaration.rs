//! The déclaration de créance to the mandataire judiciaire or the liquidator (C. com. L622-24
//! ff.): the claim as at the opening judgment, the sums due then apart from those to fall
//! due, the nature of the claim, the certification and the pieces under bordereau.

use relance_engine::dossier::{Insolvency, Procedure};
use relance_engine::fr;
use relance_engine::procedure::{split, Declared};

use super::context::Ctx;
use super::ids;
use crate::model::{col, para, sums, Align, Block, Table};
use crate::user_text::{address_lines, clean, siren_line};
use relance_engine::fr::long_date;

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
        ];
        if declared.due.is_empty() {
            body.push(para(
                ids::DECLARATION_INTEREST,
                format!("Aucune somme n'était échue au {opened}, jour du jugement d'ouverture."),
            ));
        } else {
            body.push(Block::Heading(format!("Sommes échues au {opened}")));
            body.push(self.due_table(&declared));
            let noun = if self.b2b() {
                "Les pénalités de retard (article L441-10 du Code de commerce) sont calculées"
            } else {
                "Les intérêts sont calculés"
            };
            let articles = match p.procedure {
                Procedure::Liquidation => "articles L622-28 et L641-3 du Code de commerce",
                _ => "article L622-28 du Code de commerce",
            };
            body.push(para(
                ids::DECLARATION_INTEREST,
                format!("{noun} jusqu'au {opened}, date du jugement d'ouverture, qui en a arrêté le cours ({articles})."),
            ));
        }
        if !declared.not_yet_due.is_empty() {
            let (heading, why) = if declared.made_payable {
                (
                    "Sommes devenues exigibles du fait du jugement de liquidation judiciaire",
                    "Le jugement de liquidation judiciaire rend exigibles les créances non échues (article L643-1 du Code de commerce) ; elles sont déclarées avec leur date d'échéance contractuelle.",
                )
            } else {
                (
                    "Sommes à échoir",
                    match p.procedure {
                        Procedure::Recovery => "Le jugement d'ouverture ne rend pas exigibles les créances non échues (articles L622-29 et L631-14 du Code de commerce) : elles sont déclarées avec la date de leurs échéances (article L622-25 du Code de commerce).",
                        _ => "Le jugement d'ouverture ne rend pas exigibles les créances non échues (article L622-29 du Code de commerce) : elles sont déclarées avec la date de leurs échéances (article L622-25 du Code de commerce).",
                    },
                )
            };
            body.push(Block::Heading(heading.to_owned()));
            body.push(self.later_table(&declared));
            body.push(para(ids::DECLARATION_LATER, why.to_owned()));
        }
        body.push(Block::Heading("Montant déclaré".to_owned()));
        body.push(self.declared_total_table(&declared));
        let security = clean(&p.security);
        let nature = if security.is_empty() {
            "La créance est déclarée à titre chirographaire.".to_owned()
        } else {
            format!("La créance est déclarée avec la sûreté suivante (nature, biens sur lesquels elle porte, date) : {security}.")
        };
        body.push(para(ids::DECLARATION_NATURE, nature));
        let case = clean(&p.pending_case);
        if !case.is_empty() {
            body.push(para(
                ids::DECLARATION_CASE,
                format!("La créance fait l'objet d'une instance en cours : {case} (article R622-23 du Code de commerce)."),
            ));
        }
        let after: Vec<String> = self
            .dossier
            .payments
            .iter()
            .filter(|x| x.date > p.opened)
            .map(|x| format!("{} le {}", Self::amount(x.amount.get()), long_date(x.date)))
            .collect();
        if !after.is_empty() {
            body.push(para(
                ids::DECLARATION_AFTER,
                format!(
                    "Pour information, {} {} {} après le jugement d'ouverture : la créance est déclarée pour son montant au jour de ce jugement.",
                    if after.len() > 1 { "des règlements de" } else { "un règlement de" },
                    fr::join_and(&after),
                    if after.len() > 1 { "ont été reçus" } else { "a été reçu" }
                ),
            ));
        }
        body.push(para(
            ids::DECLARATION_CERTIFIED,
            format!(
                "{} certifie sincère la créance déclarée ci-dessus, d'un montant total de {} (article L622-25 du Code de commerce).",
                self.creditor,
                Self::amount(declared.computation.totals.total)
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

    /// The décompte on the opening day, its total split as the declaration splits it: the
    /// annex's « Total dû » also counts the sums to fall due.
    pub(crate) fn declaration_annex(&self) -> crate::model::Annex {
        let mut annex = self.court_decompte_annex();
        if let Some(p) = self.proceedings() {
            let declared = split(self.c.clone(), p);
            if !declared.not_yet_due.is_empty() {
                let later = if declared.made_payable {
                    "devenues exigibles du fait de la liquidation judiciaire"
                } else {
                    "à échoir"
                };
                annex.blocks.push(para(
                    ids::DECLARATION_SPLIT,
                    format!(
                        "Créance déclarée au {} : sommes échues {} ; sommes {later} {} ; total {}.",
                        fr::date(p.opened),
                        Self::amount(declared.due_total),
                        Self::amount(declared.not_yet_due_total),
                        Self::amount(declared.computation.totals.total)
                    ),
                ));
            }
        }
        annex
    }

    /// Who declares: the creditor itself, its legal representative, or someone holding its
    /// written power (C. com. L622-24).
    fn declarant_text(&self) -> String {
        let signatory = clean(&self.fields.signatory);
        let capacity = clean(&self.fields.capacity);
        let representative = clean(&self.dossier.court.creditor.representative);
        let law = "(article L622-24 du Code de commerce)";
        if signatory.is_empty() {
            return format!(
                "La présente déclaration est faite par {} {law}.",
                self.creditor
            );
        }
        let with_capacity = if capacity.is_empty() {
            signatory.clone()
        } else {
            format!("{signatory}, {}", fr::lowercase(&capacity))
        };
        if !self.voice.we {
            format!("La présente déclaration est faite et signée par le créancier lui-même, {with_capacity} {law}.")
        } else if signatory == representative {
            format!(
                "La présente déclaration est faite et signée par {with_capacity}, qui représente légalement {} {law}.",
                self.creditor
            )
        } else {
            format!(
                "La présente déclaration est faite par {with_capacity}, en vertu du pouvoir spécial écrit que lui a donné {} {law}.",
                self.creditor
            )
        }
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
            let label = if declared.made_payable {
                "Sommes devenues exigibles du fait de la liquidation judiciaire"
            } else {
                "Sommes à échoir"
            };
            rows.push(vec![
                label.to_owned(),
                Self::amount(declared.not_yet_due_total),
            ]);
        }
        sums(
            "Créance",
            rows,
            [
                "Total déclaré".to_owned(),
                Self::amount(declared.computation.totals.total),
            ],
        )
    }
}
