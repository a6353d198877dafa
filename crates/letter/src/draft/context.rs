//! What every letter shares: who writes to whom, the header, the opening paragraphs, the
//! claim table, the interest explanation, the payment details and the closing.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use relance_engine::compute::{Computation, InvoiceResult, Regime};
use relance_engine::dossier::{BelowFloor, CreditorKind, Dossier, RateChoice, RatePeriod};
use relance_engine::fr::{self, long_date};
use relance_engine::letter_fields::{LetterFields, Sending};

use super::ids;
use crate::annex;
use crate::model::{col, para, sums, Align, Annex, Block, LetterKind, Table};
use crate::user_text::{address_lines, clean, iban_grouped, siren_line};

/// Words that change with who writes: a company says "nous", a person "je".
#[derive(Clone, Copy)]
pub(crate) struct Voice {
    pub(crate) we: bool,
}

impl Voice {
    pub(crate) fn s<'a>(self, we: &'a str, i: &'a str) -> &'a str {
        if self.we {
            we
        } else {
            i
        }
    }
}

/// Everything the drafting functions share.
pub(crate) struct Ctx<'a> {
    pub(crate) dossier: &'a Dossier,
    pub(crate) c: &'a Computation,
    pub(crate) fields: &'a LetterFields,
    pub(crate) date: NaiveDate,
    pub(crate) with_annex: bool,
    pub(crate) voice: Voice,
    pub(crate) creditor: String,
    pub(crate) debtor: String,
    /// Invoices with something still owed (all of them when nothing is).
    pub(crate) open: Vec<&'a InvoiceResult>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        dossier: &'a Dossier,
        c: &'a Computation,
        fields: &'a LetterFields,
        date: NaiveDate,
        with_annex: bool,
    ) -> Ctx<'a> {
        let mut open: Vec<&InvoiceResult> = c
            .invoices
            .iter()
            .filter(|i| i.total > Decimal::ZERO)
            .collect();
        if open.is_empty() {
            open = c.invoices.iter().collect();
        }
        let or = |s: String, default: &str| {
            if s.is_empty() {
                default.to_owned()
            } else {
                s
            }
        };
        Ctx {
            dossier,
            c,
            fields,
            date,
            with_annex,
            voice: Voice {
                we: dossier.creditor.kind == CreditorKind::Company,
            },
            creditor: or(clean(&dossier.creditor.identity.name), "Le créancier"),
            debtor: or(clean(&dossier.debtor.identity.name), "Le débiteur"),
            open,
        }
    }

    /// « dans un délai de 8 jours à compter de la réception de la présente »: a deadline
    /// counted from a date the debtor may not know (the letter's) can pass before a registered
    /// letter is even collected.
    pub(crate) fn deadline_text(&self) -> String {
        format!(
            "dans un délai de {} à compter de la réception de la présente",
            day_count(self.fields.deadline_days)
        )
    }

    pub(crate) fn b2b(&self) -> bool {
        self.c.regime == Regime::B2b
    }

    pub(crate) fn plural(&self) -> bool {
        self.open.len() > 1
    }

    /// `s` for one invoice, `p` for several.
    pub(crate) fn n<'s>(&self, s: &'s str, p: &'s str) -> &'s str {
        if self.plural() {
            p
        } else {
            s
        }
    }

    pub(crate) fn amount(value: Decimal) -> String {
        fr::amount(value)
    }

    // ---- Header -------------------------------------------------------------------------

    pub(crate) fn sender_lines(&self) -> Vec<String> {
        let id = &self.dossier.creditor.identity;
        let mut lines = vec![self.creditor.clone()];
        lines.extend(address_lines(&id.address));
        lines.extend(siren_line(&id.siren));
        let email = clean(&id.email);
        if !email.is_empty() {
            lines.push(email);
        }
        lines
    }

    pub(crate) fn recipient_lines(&self) -> Vec<String> {
        let mut lines = vec![self.debtor.clone()];
        lines.extend(address_lines(&self.dossier.debtor.identity.address));
        lines
    }

    pub(crate) fn place_date(&self) -> String {
        let place = clean(&self.fields.place);
        if place.is_empty() {
            format!("Le {}", long_date(self.date))
        } else {
            format!("{place}, le {}", long_date(self.date))
        }
    }

    pub(crate) fn sending_line(&self, kind: LetterKind) -> Option<String> {
        let number = clean(&self.fields.tracking_number);
        let with_number = |label: &str| {
            if number.is_empty() {
                label.to_owned()
            } else {
                format!("{label} n° {number}")
            }
        };
        if kind != LetterKind::FormalNotice {
            // A reminder or a proposal names its sending mode only when it was registered.
            return match self.fields.sending {
                Sending::Lrar if !number.is_empty() => {
                    Some(with_number("Lettre recommandée avec accusé de réception"))
                }
                Sending::Lre if !number.is_empty() => {
                    Some(with_number("Lettre recommandée électronique"))
                }
                _ => None,
            };
        }
        Some(match self.fields.sending {
            Sending::Lrar => with_number("Lettre recommandée avec accusé de réception"),
            Sending::Lre => with_number("Lettre recommandée électronique"),
            Sending::Email => {
                let email = clean(&self.dossier.debtor.identity.email);
                if email.is_empty() {
                    "Envoyée par courrier électronique".to_owned()
                } else {
                    format!("Envoyée par courrier électronique à {email}")
                }
            }
            Sending::Letter => "Lettre simple".to_owned(),
        })
    }

    pub(crate) fn invoice_numbers(&self) -> Vec<String> {
        self.open.iter().map(|i| clean(&i.number)).collect()
    }

    pub(crate) fn subject(&self, kind: LetterKind) -> String {
        let what = if self.open.len() > 3 {
            format!("{} factures impayées", self.open.len())
        } else {
            format!(
                "{} n° {}",
                self.n("facture", "factures"),
                fr::join_and(&self.invoice_numbers())
            )
        };
        let head = match kind {
            LetterKind::Reminder => "Relance amiable",
            LetterKind::FormalNotice => "Mise en demeure de payer",
            LetterKind::PaymentPlan => "Proposition d'échéancier",
            // Each court document writes its own subject (`draft_with`).
            #[cfg(any(feature = "court", feature = "judgment"))]
            _ => "",
        };
        format!("{head} — {what}")
    }

    pub(crate) fn references(&self) -> Vec<String> {
        let mut lines: Vec<String> = if self.open.len() <= 3 {
            self.open.iter().map(|i| invoice_reference(i)).collect()
        } else {
            vec![format!(
                "{} factures, détaillées ci-dessous",
                self.open.len()
            )]
        };
        let contract = clean(&self.fields.contract_reference);
        if !contract.is_empty() {
            lines.push(format!("Référence : {contract}"));
        }
        lines
    }

    pub(crate) fn closing(&self) -> String {
        format!(
            "{} d'agréer, Madame, Monsieur, l'expression de {} salutations distinguées.",
            self.voice.s("Nous vous prions", "Je vous prie"),
            self.voice.s("nos", "mes")
        )
    }

    pub(crate) fn signature(&self) -> Vec<String> {
        let signatory = clean(&self.fields.signatory);
        let capacity = clean(&self.fields.capacity);
        let mut lines = Vec::new();
        if signatory.is_empty() {
            lines.push(self.creditor.clone());
            if !capacity.is_empty() {
                lines.push(capacity);
            }
        } else {
            lines.push(signatory);
            if !capacity.is_empty() {
                lines.push(capacity);
            }
            if self.voice.we {
                lines.push(self.creditor.clone());
            }
        }
        lines
    }

    // ---- Shared body pieces -------------------------------------------------------------

    /// "la facture n° X du 04/03/2022, d'un montant de 24 000,00 € TTC, échue le 03/04/2022".
    pub(crate) fn single_invoice_phrase(&self, inv: &InvoiceResult) -> String {
        let issued = inv
            .issued
            .map(|d| format!(" du {}", fr::date(d)))
            .unwrap_or_default();
        let mut text = format!(
            "la facture n° {}{issued}, d'un montant de {} TTC, échue le {}",
            clean(&inv.number),
            Self::amount(inv.amount),
            fr::date(inv.due)
        );
        if inv.principal != inv.amount {
            text.push_str(&format!(
                " (reste dû en principal : {})",
                Self::amount(inv.principal)
            ));
        }
        text
    }

    /// The invoices as a table (several invoices), with the principal still owed.
    pub(crate) fn invoice_table(&self) -> Block {
        let rows = self
            .open
            .iter()
            .map(|i| {
                vec![
                    clean(&i.number),
                    i.issued.map(fr::date).unwrap_or_else(|| "—".to_owned()),
                    fr::date(i.due),
                    Self::amount(i.amount),
                    Self::amount(i.principal),
                ]
            })
            .collect();
        Block::Table(Table {
            columns: vec![
                col("Facture", Align::Left, 3),
                col("Date", Align::Left, 2),
                col("Échéance", Align::Left, 2),
                col("Montant TTC", Align::Right, 3),
                col("Reste dû", Align::Right, 3),
            ],
            rows,
            total: Some(vec![
                "Total".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                Self::amount(self.c.totals.principal),
            ]),
        })
    }

    /// The opening shared by the reminder and the formal notice: the intro paragraph, the
    /// invoice table when there are several invoices, then the facts if any.
    pub(crate) fn push_opening(&self, body: &mut Vec<Block>, intro: String) {
        body.push(para(ids::INTRO, intro));
        if self.plural() {
            body.push(self.invoice_table());
        }
        if let Some(facts) = self.facts_text() {
            body.push(para(ids::FACTS, facts));
        }
    }

    /// Contract reference, earlier reminders, payments received — or `None` if none of them.
    pub(crate) fn facts_text(&self) -> Option<String> {
        let mut sentences = Vec::new();
        let contract = clean(&self.fields.contract_reference);
        if !contract.is_empty() {
            sentences.push(format!(
                "{} en exécution de : {contract}.",
                self.n("Cette facture a été émise", "Ces factures ont été émises")
            ));
        }
        let mut reminders = self.fields.reminders.clone();
        relance_engine::order::sort_by_date(&mut reminders, |d| *d);
        reminders.dedup();
        let dates: Vec<String> = reminders.iter().map(|d| fr::date(*d)).collect();
        match dates.as_slice() {
            [] => {}
            [one] => sentences.push(format!(
                "{} relance du {one} est restée sans effet.",
                self.voice.s("Notre", "Ma")
            )),
            many => sentences.push(format!(
                "{} relances des {} sont restées sans effet.",
                self.voice.s("Nos", "Mes"),
                fr::join_and(many)
            )),
        }
        let reduced = self
            .c
            .invoices
            .iter()
            .any(|i| !i.credited.is_zero() || !i.payments.is_empty());
        if reduced {
            sentences.push(format!(
                "Déduction faite des règlements et avoirs reçus, le principal restant dû s'élève à {}.",
                Self::amount(self.c.totals.principal)
            ));
        }
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }

    /// « Tout règlement partiel … sans novation ni renonciation »: taking part of the sum
    /// waives nothing of the rest.
    pub(crate) fn part_payment_text(&self) -> String {
        let rest = if self.b2b() && self.dossier.options.indemnity {
            "le solde, pénalités de retard et indemnités comprises"
        } else if self.b2b() {
            "le solde, pénalités de retard comprises"
        } else {
            "le solde et les intérêts"
        };
        format!(
            "Tout règlement partiel sera reçu sans novation ni renonciation à {} droits sur {rest}.",
            self.voice.s("nos", "mes")
        )
    }

    /// « Elles sont stipulées à : article 9 de nos conditions générales de vente. », when the
    /// user gave the clause (B2B).
    pub(crate) fn terms_text(&self) -> String {
        let terms = clean(&self.fields.terms_reference);
        if terms.is_empty() || !self.b2b() {
            return String::new();
        }
        let what = if self.dossier.options.indemnity {
            "Ces pénalités et l'indemnité forfaitaire sont stipulées"
        } else {
            "Ces pénalités sont stipulées"
        };
        format!(" {what} à : {terms}.")
    }

    /// The consumer mediator the creditor adheres to, for a consumer (C. conso. L616-1), when
    /// given.
    pub(crate) fn mediator(&self) -> Option<Block> {
        let mediator = clean(&self.fields.consumer_mediator);
        (!self.b2b() && !mediator.is_empty()).then(|| {
            para(
                ids::MEDIATOR,
                format!(
                    "En cas de litige, vous pouvez recourir gratuitement au médiateur de la consommation dont {} : {mediator} (articles L612-1 et L616-1 du Code de la consommation).",
                    self.voice.s("nous relevons", "je relève")
                ),
            )
        })
    }

    /// « Pièces jointes : copie de la facture n° …, décompte des sommes dues (annexe) ».
    pub(crate) fn enclosures(&self, slip: bool) -> Block {
        let mut items = vec![if self.open.len() > 3 {
            format!("copie des {} factures", self.open.len())
        } else {
            format!(
                "copie {} n° {}",
                self.n("de la facture", "des factures"),
                fr::join_and(&self.invoice_numbers())
            )
        }];
        if slip {
            items.push("bon pour accord à retourner signé (annexe)".to_owned());
        }
        if self.with_annex {
            items.push("décompte des sommes dues (annexe)".to_owned());
        }
        para(
            ids::ENCLOSURES,
            format!("Pièces jointes : {}.", items.join(" ; ")),
        )
    }

    pub(crate) fn payment_text(&self) -> String {
        let reference = format!(
            "en indiquant en référence {} {}",
            self.n("le numéro de la facture", "les numéros des factures"),
            if self.open.len() > 3 {
                "concernées".to_owned()
            } else {
                fr::join_and(&self.invoice_numbers())
            }
        );
        self.payment_with(&reference)
    }

    /// How to pay (IBAN, else transfer or cheque), then `reference` (« en indiquant en
    /// référence … »).
    pub(crate) fn payment_with(&self, reference: &str) -> String {
        let iban = clean(&self.fields.iban);
        if iban.is_empty() {
            format!(
                "Le règlement peut être effectué par virement ou par chèque à l'ordre {}, {reference}.",
                fr::de(&self.creditor)
            )
        } else {
            let bic = clean(&self.fields.bic);
            let bic = if bic.is_empty() {
                String::new()
            } else {
                format!(", BIC {bic}")
            };
            format!(
                "Le règlement peut être effectué par virement sur le compte {} : IBAN {}{bic}, {reference}.",
                fr::de(&self.creditor),
                iban_grouped(&iban)
            )
        }
    }

    pub(crate) fn annex_note(&self) -> &'static str {
        if self.with_annex {
            " (détail en annexe)"
        } else {
            ""
        }
    }

    pub(crate) fn as_of(&self) -> String {
        long_date(self.c.as_of)
    }

    /// The rate wording of the B2B penalties, with the rates actually applied.
    pub(crate) fn penalty_rate_text(&self) -> String {
        let mut rates: Vec<Decimal> = Vec::new();
        for s in self.c.invoices.iter().flat_map(|i| &i.segments) {
            if !rates.contains(&s.rate.percent) {
                rates.push(s.rate.percent);
            }
        }
        let applied: Vec<String> = rates.iter().map(|r| fr::percent(*r)).collect();
        let applied = match applied.as_slice() {
            [] => String::new(),
            [one] => format!(" Taux appliqué : {one}."),
            many => format!(" Taux appliqués : {}.", many.join(" ; ")),
        };
        match (self.dossier.options.rate, self.dossier.options.rate_period) {
            // C. com. L441-10: a clause below the floor is never shown as a lawful rate.
            (RateChoice::Contractual { percent: p, .. }, period) => {
                let p = fr::percent(p.get());
                match self.c.contractual_below_floor() {
                    None => format!(
                        "Elles sont calculées au taux contractuel de {p} l'an (article L441-10 du Code de commerce)."
                    ),
                    Some(BelowFloor::Floor) => format!(
                        "Elles sont calculées au taux contractuel de {p} l'an ; pour les semestres où ce taux est inférieur à trois fois le taux de l'intérêt légal, minimum qu'un contrat peut fixer, ce minimum s'applique à sa place (article L441-10 du Code de commerce).{applied}"
                    ),
                    Some(BelowFloor::LegalDefault) => {
                        let when = match period {
                            RatePeriod::Semester => {
                                "en vigueur au 1er janvier ou au 1er juillet du semestre"
                            }
                            RatePeriod::FrozenAtDueDate => {
                                "en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé"
                            }
                        };
                        format!(
                            "Elles sont calculées au taux contractuel de {p} l'an ; pour les semestres où ce taux est inférieur à trois fois le taux de l'intérêt légal, minimum qu'un contrat peut fixer, le taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, {when}, majoré de 10 points, s'applique à sa place (article L441-10 du Code de commerce).{applied}"
                        )
                    }
                    Some(BelowFloor::Contractual) => format!(
                        "Elles sont calculées au taux contractuel de {p} l'an, appliqué tel quel, y compris pour les semestres où il est inférieur au minimum de trois fois le taux de l'intérêt légal prévu par l'article L441-10 du Code de commerce."
                    ),
                }
            }
            (RateChoice::LegalDefault, RatePeriod::Semester) => format!(
                "Elles sont calculées au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en retenant pour chaque semestre le taux en vigueur au 1er janvier ou au 1er juillet (article L441-10 du Code de commerce).{applied}"
            ),
            (RateChoice::LegalDefault, RatePeriod::FrozenAtDueDate) => format!(
                "Elles sont calculées au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en retenant pour toute la durée du retard le taux en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé (article L441-10 du Code de commerce).{applied}"
            ),
        }
    }

    /// One bullet per invoice bearing interest: period, rates and amount.
    pub(crate) fn interest_bullets(&self) -> Option<Block> {
        let items: Vec<String> = self
            .c
            .invoices
            .iter()
            .filter_map(|inv| {
                let first = inv.segments.first()?;
                let last = inv.segments.last()?;
                let days: i64 = inv.segments.iter().map(|s| s.days).sum();
                let (low, high) = inv
                    .segments
                    .iter()
                    .fold((first.rate.percent, first.rate.percent), |(lo, hi), s| {
                        (lo.min(s.rate.percent), hi.max(s.rate.percent))
                    });
                let rate = if low == high {
                    format!("au taux de {}", fr::percent(low))
                } else {
                    format!("à des taux de {} à {}", fr::percent(low), fr::percent(high))
                };
                let (noun, paid) = if self.b2b() {
                    ("pénalités", "réglées")
                } else {
                    ("intérêts", "réglés")
                };
                let mut text = format!(
                    "Facture n° {} : du {} au {} ({} jours), {rate}, {noun} de {}",
                    clean(&inv.number),
                    fr::date(first.from),
                    fr::date(last.to),
                    fr::integer(days),
                    Self::amount(inv.interest_accrued)
                );
                if !inv.interest_paid.is_zero() {
                    text.push_str(&format!(
                        ", dont {} déjà {paid} par imputation, reste dû {}",
                        Self::amount(inv.interest_paid),
                        Self::amount(inv.interest)
                    ));
                }
                Some(text)
            })
            .collect();
        (!items.is_empty()).then_some(Block::Bullets(items))
    }

    /// The table of the sums claimed, from the engine's totals.
    pub(crate) fn claim_table(&self) -> Block {
        let t = &self.c.totals;
        let mut rows = vec![vec![
            "Principal restant dû".to_owned(),
            Self::amount(t.principal),
        ]];
        if self.b2b() {
            rows.push(vec![
                format!(
                    "Pénalités de retard au {} (C. com. L441-10)",
                    fr::date(self.c.as_of)
                ),
                Self::amount(t.interest),
            ]);
            let count = self.indemnified();
            if count > 0 {
                rows.push(vec![
                    format!(
                        "Indemnité forfaitaire pour frais de recouvrement, 40 € × {count} (C. com. D441-5)"
                    ),
                    Self::amount(t.indemnities),
                ]);
            }
            if !t.extra_costs.is_zero() {
                rows.push(vec![
                    "Frais de recouvrement complémentaires justifiés (C. com. L441-10)".to_owned(),
                    Self::amount(t.extra_costs),
                ]);
            }
        } else if !t.interest.is_zero() {
            rows.push(vec![
                format!(
                    "Intérêts au taux de l'intérêt légal arrêtés au {} (C. civ. 1231-6)",
                    fr::date(self.c.as_of)
                ),
                Self::amount(t.interest),
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

    /// How many invoices bear the fixed recovery indemnity.
    pub(crate) fn indemnified(&self) -> usize {
        self.c
            .invoices
            .iter()
            .filter(|i| !i.indemnity.is_zero())
            .count()
    }

    pub(crate) fn party(&self, name: &str, siren: &str) -> String {
        match siren_line(siren) {
            Some(s) => format!("{name} ({s})"),
            None => name.to_owned(),
        }
    }

    /// « et les pénalités capitalisées » when some interest joined the base (C. civ. 1343-2),
    /// after « sur le principal restant dû ».
    pub(crate) fn capitalised_words(&self) -> &'static str {
        #[cfg(feature = "judgment")]
        if self
            .c
            .invoices
            .iter()
            .any(|i| !i.capitalisations.is_empty())
        {
            return if self.b2b() {
                " et les pénalités capitalisées"
            } else {
                " et les intérêts capitalisés"
            };
        }
        ""
    }

    /// The capitalisation applied, and its ground (C. civ. 1343-2), when some interest joined
    /// the base.
    #[cfg(feature = "judgment")]
    pub(crate) fn capitalisation_paragraph(&self) -> Option<Block> {
        let mut dates: Vec<chrono::NaiveDate> = self
            .c
            .invoices
            .iter()
            .flat_map(|i| i.capitalisations.iter().map(|c| c.date))
            .collect();
        relance_engine::order::sort_by_date(&mut dates, |d| *d);
        dates.dedup();
        if dates.is_empty() {
            return None;
        }
        let words: Vec<String> = dates.iter().map(|d| fr::date(*d)).collect();
        let noun = if self.b2b() {
            "les pénalités échues ont été ajoutées à leur base"
        } else {
            "les intérêts échus ont été ajoutés à leur base"
        };
        Some(para(
            ids::CLAIM_CAPITALISED,
            format!(
                "Conformément à la capitalisation des intérêts prévue au contrat (article 1343-2 du Code civil), {noun} {} {}{}.",
                if words.len() > 1 { "les" } else { "le" },
                fr::join_and(&words),
                self.annex_note()
            ),
        ))
    }

    pub(crate) fn decompte_annex(&self) -> Annex {
        annex::decompte(self.dossier, self.c, self.fields.show_unverified)
    }
}

/// « 8 jours », « 1 jour ».
fn day_count(days: u32) -> String {
    let days = days.clamp(1, 3650);
    if days == 1 {
        "1 jour".to_owned()
    } else {
        format!("{} jours", fr::integer(i64::from(days)))
    }
}

/// What became of an invoice that still owes something, as a sentence's verb: « la facture
/// … est restée impayée à ce jour ».
pub(crate) fn still_owed_verb(inv: &InvoiceResult) -> &'static str {
    if inv.principal.is_zero() {
        "a été réglée après son échéance"
    } else if inv.principal == inv.amount {
        "est restée impayée à ce jour"
    } else {
        "n'a été que partiellement réglée à ce jour"
    }
}

/// What became of an invoice that still owes something, after its name: « au titre de la
/// facture …, restée impayée à ce jour ».
pub(crate) fn still_owed(inv: &InvoiceResult) -> &'static str {
    if inv.principal.is_zero() {
        "réglée après son échéance"
    } else if inv.principal == inv.amount {
        "restée impayée à ce jour"
    } else {
        "restée partiellement impayée à ce jour"
    }
}

/// "Facture n° F-2022-031 du 04/03/2022, échue le 03/04/2022".
pub(crate) fn invoice_reference(inv: &InvoiceResult) -> String {
    let issued = inv
        .issued
        .map(|d| format!(" du {}", fr::date(d)))
        .unwrap_or_default();
    format!(
        "Facture n° {}{issued}, échue le {}",
        clean(&inv.number),
        fr::date(inv.due)
    )
}
