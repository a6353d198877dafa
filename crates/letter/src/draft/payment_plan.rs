//! The proposition d'échéancier: the sum spread over dated instalments, and the acceptance
//! slip the debtor signs.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use relance_engine::compute::Regime;
use relance_engine::fr::{self, long_date};
use relance_engine::plan;

use super::context::Ctx;
use super::ids;
use crate::model::{col, para, Align, Annex, Block, Table};

pub(crate) struct Plan {
    total: Decimal,
    lines: Vec<(NaiveDate, Decimal)>,
}

impl Plan {
    /// The date of the last instalment.
    pub(crate) fn last_date(&self) -> Option<NaiveDate> {
        self.lines.last().map(|(date, _)| *date)
    }
}

impl Ctx<'_> {
    pub(crate) fn plan(&self) -> Plan {
        let p = &self.fields.plan;
        let total = p
            .total
            .map_or_else(|| self.c.claimable_without_title(), |t| t.get());
        let first = p
            .first_date
            .unwrap_or_else(|| plan::default_first_date(self.date));
        Plan {
            total,
            lines: plan::schedule(total, p.instalments, first, p.interval_months),
        }
    }

    pub(crate) fn plan_table(plan: &Plan) -> Block {
        let count = plan.lines.len();
        Block::Table(Table {
            columns: vec![
                col("Versement", Align::Left, 2),
                col("Date", Align::Left, 3),
                col("Montant", Align::Right, 3),
            ],
            rows: plan
                .lines
                .iter()
                .enumerate()
                .map(|(k, (date, amount))| {
                    vec![
                        format!("{} / {count}", k + 1),
                        fr::date(*date),
                        Self::amount(*amount),
                    ]
                })
                .collect(),
            total: Some(vec![
                "Total".to_owned(),
                String::new(),
                Self::amount(plan.total),
            ]),
        })
    }

    pub(crate) fn plan_body(&self, plan: &Plan) -> Vec<Block> {
        let v = self.voice;
        let mut body = Vec::new();
        // More than three invoices are counted when the décompte annexed lists them, else named.
        let invoices = if self.open.len() > 3 && self.with_annex {
            format!("des {} factures", self.open.len())
        } else {
            format!(
                "{} n° {}",
                self.n("de la facture", "des factures"),
                fr::join_and(&self.invoice_numbers())
            )
        };
        body.push(para(
            ids::INTRO,
            format!(
                "Au {}, vous restez redevable envers {} de la somme de {} au titre {invoices}{}.",
                self.as_of(),
                self.creditor,
                Self::amount(self.c.claimable_without_title()),
                self.annex_note()
            ),
        ));
        if let Some(facts) = self.facts_text() {
            body.push(para(ids::FACTS, facts));
        }
        let count = plan.lines.len();
        let spread = if count == 1 {
            "en un versement unique, à la date suivante".to_owned()
        } else {
            format!("en {count} versements, selon le calendrier suivant")
        };
        body.push(para(
            ids::PLAN,
            format!(
                "Afin de faciliter ce règlement, {} de régler la somme de {} {spread} :",
                v.s("nous vous proposons", "je vous propose"),
                Self::amount(plan.total)
            ),
        ));
        body.push(Self::plan_table(plan));
        body.push(para(
            ids::PLAN_TERMS,
            format!(
                "Chaque versement devra {} parvenir au plus tard à la date indiquée. Tant que l'échéancier sera respecté, les sommes ainsi échelonnées ne produiront pas d'intérêts supplémentaires.",
                v.s("nous", "me")
            ),
        ));
        // The penalties or interest after forfeiture run on the principal left, never on a
        // balance that holds penalties, interest or the 40 € indemnity.
        let interest = if self.b2b() {
            "des pénalités de retard (article L441-10 du Code de commerce)"
        } else {
            "des intérêts au taux de l'intérêt légal (article 1231-6 du Code civil)"
        };
        body.push(para(
            ids::PLAN_DEFAULT,
            format!(
                "À défaut de paiement d'un seul versement à sa date, et huit jours après une mise en demeure restée sans effet, la déchéance du terme sera acquise de plein droit : la totalité du solde restant dû deviendra immédiatement exigible, le principal restant dû produira {interest} jusqu'à complet paiement, et {} d'en poursuivre le recouvrement par toute voie de droit. Cet échéancier n'emporte ni novation de la créance ni renonciation à aucune des sommes dues.",
                v.s("nous nous réserverons", "je me réserverai")
            ),
        ));
        body.push(para(
            ids::PLAN_ACCEPT,
            format!(
                "Si cette proposition vous convient, {} de {} retourner le bon pour accord joint, daté et signé, {}. Sa signature vaut reconnaissance de la dette et interrompt la prescription (article 2240 du Code civil). Sans réponse de votre part dans ce délai, la proposition sera considérée comme déclinée.",
                v.s("nous vous remercions", "je vous remercie"),
                v.s("nous", "me"),
                self.deadline_text()
            ),
        ));
        body.push(para(ids::PAYMENT, self.payment_text()));
        body.extend(self.mediator());
        body.push(self.enclosures(true));
        body
    }

    pub(crate) fn plan_annex(&self, plan: &Plan) -> Annex {
        let (first, last) = (plan.lines.first(), plan.lines.last());
        let span = match (first, last) {
            (Some((a, _)), Some((b, _))) if plan.lines.len() > 1 => {
                format!(
                    " en {} versements, du {} au {}",
                    plan.lines.len(),
                    fr::date(*a),
                    fr::date(*b)
                )
            }
            (Some((a, _)), _) => format!(" en un versement, le {}", fr::date(*a)),
            _ => String::new(),
        };
        let who = match self.c.regime {
            Regime::B2b | Regime::Public => format!(
                "Je soussigné(e) ......................................................., agissant pour le compte {},",
                fr::de(&self.party(&self.debtor, &self.dossier.debtor.identity.siren))
            ),
            Regime::B2c => format!("Je soussigné(e) {}", self.debtor),
        };
        let mut blocks = vec![
            Block::Heading("Bon pour accord".to_owned()),
            para(
            ids::PLAN_SLIP,
                // A signatory for a company binds the company, not himself.
                match self.c.regime {
                    Regime::B2b | Regime::Public => format!(
                        "{who} accepte, au nom de l'entreprise, l'échéancier proposé par {} dans son courrier du {} et reconnais qu'elle doit la somme de {}, qu'elle s'engage à régler{span}, selon le calendrier suivant :",
                        self.creditor,
                        long_date(self.date),
                        Self::amount(plan.total)
                    ),
                    Regime::B2c => format!(
                        "{who} accepte l'échéancier proposé par {} dans son courrier du {} et reconnais devoir la somme de {}, que je m'engage à régler{span}, selon le calendrier suivant :",
                        self.creditor,
                        long_date(self.date),
                        Self::amount(plan.total)
                    ),
                },
            ),
            Self::plan_table(plan),
            para(
            ids::PLAN_SLIP_DATE,
                "Fait à ...................................., le ......../......../................"
                    .to_owned(),
            ),
            para(
            ids::PLAN_SLIP_SIGNATURE,
                // C. civ. 1376: who promises to pay a sum writes it by hand, in words and figures.
                format!(
                    "Signature, précédée de la mention manuscrite « Bon pour accord » et de la somme de {} écrite en chiffres et en toutes lettres (article 1376 du Code civil) :",
                    Self::amount(plan.total)
                ),
            ),
        ];
        let mut title = "Annexe — Bon pour accord".to_owned();
        if self.with_annex {
            let decompte = self.decompte_annex();
            blocks.push(Block::Heading(decompte.title));
            blocks.extend(decompte.blocks);
            title = "Annexes — Bon pour accord et décompte".to_owned();
        }
        Annex { title, blocks }
    }
}
