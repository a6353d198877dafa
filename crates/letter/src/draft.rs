//! Drafting: the three letters (relance amiable, mise en demeure de payer, proposition
//! d'échéancier) written from a dossier, its computed décompte and the letter fields.
//!
//! Every figure comes from the engine's [`Computation`] (formatted by `relance_engine::fr`),
//! never recomputed here; the only arithmetic is choosing which engine totals a letter claims.
//! Which law is cited follows the regime: a professional debtor (B2B) owes C. com. L441-10
//! penalties and the D441-5 indemnity; a consumer (B2C) owes legal interest from the formal
//! notice (C. civ. 1231-6, 1344-1) and neither of the former is ever mentioned to him.
//!
//! Paragraphs carry stable ids (`intro`, `facts`, `claim`, `deadline`, `notice-1344`…): the
//! user's edits (`LetterFields::edits`) replace the drafted text of the paragraph with that id,
//! in the body and in the annex.
//!
//! User text is cleaned of control and bidirectional-override characters; nothing is escaped
//! here (each renderer encodes for its own format).

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use relance_engine::compute::{Computation, InvoiceResult, Regime};
use relance_engine::dossier::{CreditorKind, Dossier, RateChoice, RatePeriod};
use relance_engine::fr;
use relance_engine::letter_fields::{LetterFields, Sending};
use relance_engine::plan;

use crate::annex;
use crate::model::{Align, Annex, Block, Column, Letter, LetterKind, Table};

/// What a draft includes beyond the letter itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftOptions {
    /// Attach the décompte as an annex (the payment-plan letter always attaches its
    /// acceptance slip).
    pub annex: bool,
}

impl Default for DraftOptions {
    fn default() -> DraftOptions {
        DraftOptions { annex: true }
    }
}

/// Drafts a letter of `kind` dated `date`, with the décompte annexed. `computation` is the
/// dossier computed by the caller (normally on `date`).
pub fn draft(
    kind: LetterKind,
    dossier: &Dossier,
    computation: &Computation,
    fields: &LetterFields,
    date: NaiveDate,
) -> Letter {
    draft_with(
        kind,
        dossier,
        computation,
        fields,
        date,
        &DraftOptions::default(),
    )
}

/// [`draft`] with explicit options.
pub fn draft_with(
    kind: LetterKind,
    dossier: &Dossier,
    computation: &Computation,
    fields: &LetterFields,
    date: NaiveDate,
    options: &DraftOptions,
) -> Letter {
    let ctx = Ctx::new(dossier, computation, fields, date, options.annex);
    let mut letter = Letter {
        kind,
        sender: ctx.sender_lines(),
        recipient: ctx.recipient_lines(),
        place_date: ctx.place_date(),
        sending: ctx.sending_line(kind),
        subject: ctx.subject(kind),
        references: ctx.references(),
        salutation: "Madame, Monsieur,".to_owned(),
        body: Vec::new(),
        closing: ctx.closing(),
        signature: ctx.signature(),
        annex: None,
    };
    match kind {
        LetterKind::Reminder => {
            letter.body = ctx.reminder_body();
            letter.annex = options.annex.then(|| ctx.decompte_annex());
        }
        LetterKind::FormalNotice => {
            letter.body = ctx.formal_notice_body();
            letter.annex = options.annex.then(|| ctx.decompte_annex());
        }
        LetterKind::PaymentPlan => {
            let plan = ctx.plan();
            letter.body = ctx.plan_body(&plan);
            letter.annex = Some(ctx.plan_annex(&plan));
        }
    }
    apply_edits(&mut letter, fields);
    letter
}

/// Replaces the text of every paragraph whose id the user edited.
fn apply_edits(letter: &mut Letter, fields: &LetterFields) {
    if fields.edits.is_empty() {
        return;
    }
    let annex_blocks = letter.annex.iter_mut().flat_map(|a| a.blocks.iter_mut());
    for block in letter.body.iter_mut().chain(annex_blocks) {
        if let Block::Paragraph { id, text } = block {
            if let Some(edit) = fields.edits.get(id.as_str()) {
                *text = clean_multiline(edit);
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `22 novembre 2026`, `1er décembre 2026`.
pub fn long_date(date: NaiveDate) -> String {
    let month = MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    let day = match date.day() {
        1 => "1er".to_owned(),
        d => d.to_string(),
    };
    format!("{day} {month} {}", date.year())
}

/// One line of user text: blanks (line breaks and tabs included) become single spaces, other
/// control characters and bidirectional overrides are dropped.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            blank = !out.is_empty();
            continue;
        }
        if c.is_control() || is_bidi_control(c) {
            continue;
        }
        if blank {
            out.push(' ');
            blank = false;
        }
        out.push(c);
    }
    out
}

/// Several lines of user text (an edited paragraph): each line cleaned, line breaks kept as
/// `\n`, leading and trailing blank lines dropped.
pub fn clean_multiline(raw: &str) -> String {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalised.split('\n').map(clean).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines
        .get(first..last.max(first))
        .unwrap_or_default()
        .join("\n")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Address lines: the user's line breaks, else commas ("12 rue des Lilas, 69003 Lyon"); a
/// fragment that is only a street number ("12, rue des Lilas") or a postcode stays with what
/// follows.
pub fn address_lines(raw: &str) -> Vec<String> {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let parts: Vec<String> = if normalised.trim().contains('\n') {
        normalised.split('\n').map(clean).collect()
    } else {
        normalised.split(',').map(clean).collect()
    };
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<(String, &str)> = None;
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        let joined = match pending.take() {
            Some((head, sep)) => format!("{head}{sep}{part}"),
            None => part,
        };
        if let Some(sep) = number_fragment(&joined) {
            pending = Some((joined, sep));
        } else {
            out.push(joined);
        }
    }
    if let Some((head, _)) = pending {
        out.push(head);
    }
    out
}

/// `Some(separator)` when a fragment is a lone street number (`12`, `12 bis`) or postcode.
fn number_fragment(s: &str) -> Option<&'static str> {
    let mut words = s.split(' ');
    let number = words.next().unwrap_or_default();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (words.next(), words.next()) {
        (None, _) if number.len() == 5 => Some(" "),
        (None, _) => Some(", "),
        (Some("bis" | "ter" | "quater" | "b" | "t"), None) => Some(", "),
        _ => None,
    }
}

/// `SIREN 732 829 320` (a SIRET: `SIRET 732 829 320 00074`); empty input gives `None`.
pub fn siren_line(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let grouped = |d: &str| {
        d.as_bytes()
            .chunks(3)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match digits.len() {
        9 => Some(format!("SIREN {}", grouped(&digits))),
        14 => Some(format!(
            "SIRET {} {}",
            grouped(digits.get(..9).unwrap_or_default()),
            digits.get(9..).unwrap_or_default()
        )),
        _ => {
            let text = clean(raw);
            (!text.is_empty()).then(|| format!("SIREN {text}"))
        }
    }
}

/// `FR76 3000 6000 0112 3456 7890 189`.
pub fn iban_grouped(raw: &str) -> String {
    let compact: Vec<char> = clean(raw).chars().filter(|c| *c != ' ').collect();
    compact
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "de Boulangeries Martin", "d'Atelier Numérique": the preposition elided before a vowel
/// or a mute h.
pub fn de(name: &str) -> String {
    let first = name.chars().next().map(relance_engine::fr::lower);
    let vowel = first.is_some_and(|c| "aeiouyhàâäéèêëîïôöùûüœæ".contains(c));
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// `1 694`: an integer with French thousands groups.
fn int_fr(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// "A", "A et B", "A, B et C".
fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// The sums a letter claims: the engine's total, minus the extra recovery costs for a
/// consumer (C. proc. civ. exéc. L111-8: they cannot be claimed without an enforceable title).
pub fn claimed_total(computation: &Computation) -> Decimal {
    match computation.regime {
        Regime::B2b => computation.totals.total,
        Regime::B2c => computation.totals.total - computation.totals.extra_costs,
    }
}

/// Words that change with who writes: a company says "nous", a person "je".
#[derive(Clone, Copy)]
struct Voice {
    we: bool,
}

impl Voice {
    fn s<'a>(self, we: &'a str, i: &'a str) -> &'a str {
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
    fields: &'a LetterFields,
    date: NaiveDate,
    with_annex: bool,
    voice: Voice,
    pub(crate) creditor: String,
    pub(crate) debtor: String,
    /// Invoices with something still owed (all of them when nothing is).
    open: Vec<&'a InvoiceResult>,
    deadline: NaiveDate,
}

impl<'a> Ctx<'a> {
    fn new(
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
        let days = u64::from(fields.deadline_days.clamp(1, 3650));
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
            deadline: date.checked_add_days(Days::new(days)).unwrap_or(date),
        }
    }

    fn b2b(&self) -> bool {
        self.c.regime == Regime::B2b
    }

    fn plural(&self) -> bool {
        self.open.len() > 1
    }

    /// `s` for one invoice, `p` for several.
    fn n<'s>(&self, s: &'s str, p: &'s str) -> &'s str {
        if self.plural() {
            p
        } else {
            s
        }
    }

    fn amount(value: Decimal) -> String {
        fr::amount(value)
    }

    // ---- Header -------------------------------------------------------------------------

    fn sender_lines(&self) -> Vec<String> {
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

    fn recipient_lines(&self) -> Vec<String> {
        let mut lines = vec![self.debtor.clone()];
        lines.extend(address_lines(&self.dossier.debtor.identity.address));
        lines
    }

    fn place_date(&self) -> String {
        let place = clean(&self.fields.place);
        if place.is_empty() {
            format!("Le {}", long_date(self.date))
        } else {
            format!("{place}, le {}", long_date(self.date))
        }
    }

    fn sending_line(&self, kind: LetterKind) -> Option<String> {
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

    fn invoice_numbers(&self) -> Vec<String> {
        self.open.iter().map(|i| clean(&i.number)).collect()
    }

    fn subject(&self, kind: LetterKind) -> String {
        let what = if self.open.len() > 3 {
            format!("{} factures impayées", self.open.len())
        } else {
            format!(
                "{} n° {}",
                self.n("facture", "factures"),
                join_fr(&self.invoice_numbers())
            )
        };
        let head = match kind {
            LetterKind::Reminder => "Relance amiable",
            LetterKind::FormalNotice => "Mise en demeure de payer",
            LetterKind::PaymentPlan => "Proposition d'échéancier",
        };
        format!("{head} — {what}")
    }

    fn references(&self) -> Vec<String> {
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

    fn closing(&self) -> String {
        format!(
            "{} d'agréer, Madame, Monsieur, l'expression de {} salutations distinguées.",
            self.voice.s("Nous vous prions", "Je vous prie"),
            self.voice.s("nos", "mes")
        )
    }

    fn signature(&self) -> Vec<String> {
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
    fn single_invoice_phrase(&self, inv: &InvoiceResult) -> String {
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
    fn invoice_table(&self) -> Block {
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
    fn push_opening(&self, body: &mut Vec<Block>, intro: String) {
        body.push(para("intro", intro));
        if self.plural() {
            body.push(self.invoice_table());
        }
        if let Some(facts) = self.facts_text() {
            body.push(para("facts", facts));
        }
    }

    /// Contract reference, earlier reminders, payments received — or `None` if none of them.
    fn facts_text(&self) -> Option<String> {
        let mut sentences = Vec::new();
        let contract = clean(&self.fields.contract_reference);
        if !contract.is_empty() {
            sentences.push(format!(
                "{} en exécution de : {contract}.",
                self.n("Cette facture a été émise", "Ces factures ont été émises")
            ));
        }
        let mut reminders = self.fields.reminders.clone();
        reminders.sort();
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
                join_fr(many)
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

    fn payment_text(&self) -> String {
        let iban = clean(&self.fields.iban);
        let reference = format!(
            "en indiquant en référence {} {}",
            self.n("le numéro de la facture", "les numéros des factures"),
            if self.open.len() > 3 {
                "concernées".to_owned()
            } else {
                join_fr(&self.invoice_numbers())
            }
        );
        if iban.is_empty() {
            format!(
                "Le règlement peut être effectué par virement ou par chèque à l'ordre {}, {reference}.",
                de(&self.creditor)
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
                de(&self.creditor),
                iban_grouped(&iban)
            )
        }
    }

    fn annex_note(&self) -> &'static str {
        if self.with_annex {
            " (détail en annexe)"
        } else {
            ""
        }
    }

    fn as_of(&self) -> String {
        long_date(self.c.as_of)
    }

    /// The rate wording of the B2B penalties, with the rates actually applied.
    fn penalty_rate_text(&self) -> String {
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
            (RateChoice::Contractual(p), _) => format!(
                "Elles sont calculées au taux contractuel de {} l'an (article L441-10 du Code de commerce).",
                fr::percent(p.get())
            ),
            (RateChoice::LegalDefault, RatePeriod::Semester) => format!(
                "Elles sont calculées au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en retenant pour chaque semestre le taux en vigueur au 1er janvier ou au 1er juillet (article L441-10 du Code de commerce).{applied}"
            ),
            (RateChoice::LegalDefault, RatePeriod::FrozenAtDueDate) => format!(
                "Elles sont calculées au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en vigueur au premier jour de retard (article L441-10 du Code de commerce).{applied}"
            ),
        }
    }

    /// One bullet per invoice bearing interest: period, rates and amount.
    fn interest_bullets(&self) -> Option<Block> {
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
                    int_fr(days),
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
    fn claim_table(&self) -> Block {
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
            let count = self
                .c
                .invoices
                .iter()
                .filter(|i| !i.indemnity.is_zero())
                .count();
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
                    "Intérêts au taux légal au {} (C. civ. 1231-6)",
                    fr::date(self.c.as_of)
                ),
                Self::amount(t.interest),
            ]);
        }
        Block::Table(Table {
            columns: vec![
                col("Somme", Align::Left, 5),
                col("Montant", Align::Right, 2),
            ],
            rows,
            total: Some(vec![
                "Total".to_owned(),
                Self::amount(claimed_total(self.c)),
            ]),
        })
    }

    // ---- Relance amiable ----------------------------------------------------------------

    fn reminder_body(&self) -> Vec<Block> {
        let v = self.voice;
        let mut body = Vec::new();
        let intro = match self.open.as_slice() {
            [inv] => format!(
                "Sauf erreur ou omission de {} part, {}, {}.",
                v.s("notre", "ma"),
                self.single_invoice_phrase(inv),
                still_owed(inv)
            ),
            _ => format!(
                "Sauf erreur ou omission de {} part, les {} factures ci-dessous n'ont pas été intégralement réglées à leur échéance :",
                v.s("notre", "ma"),
                self.open.len()
            ),
        };
        self.push_opening(&mut body, intro);
        body.push(para(
            "request",
            format!(
                "{} de bien vouloir procéder au règlement de la somme de {} au plus tard le {}.",
                v.s("Nous vous remercions", "Je vous remercie"),
                Self::amount(if self.c.totals.principal.is_zero() {
                    claimed_total(self.c)
                } else {
                    self.c.totals.principal
                }),
                long_date(self.deadline)
            ),
        ));
        if self.b2b() {
            let t = &self.c.totals;
            let indemnity = if self.dossier.options.indemnity {
                ", ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5 du même code)"
            } else {
                ""
            };
            let mut text = format!(
                "{} qu'entre professionnels, tout retard de paiement fait courir de plein droit, sans qu'un rappel soit nécessaire, des pénalités de retard (article L441-10 du Code de commerce){indemnity}. Au {}, les pénalités s'élèvent à {}",
                v.s("Nous vous rappelons", "Je vous rappelle"),
                self.as_of(),
                Self::amount(t.interest)
            );
            if !t.indemnities.is_zero() {
                text.push_str(&format!(
                    " et les indemnités forfaitaires à {}",
                    Self::amount(t.indemnities)
                ));
            }
            text.push_str(&format!(
                ", soit un total dû de {}{}.",
                Self::amount(claimed_total(self.c)),
                self.annex_note()
            ));
            body.push(para("penalties", text));
        }
        let email = clean(&self.dossier.creditor.identity.email);
        let reach = if email.is_empty() {
            String::new()
        } else {
            format!(" à l'adresse {email}")
        };
        body.push(para(
            "contact",
            format!(
                "Si ce règlement a été effectué entre-temps, {} de ne pas tenir compte de ce courrier. En cas de difficulté ou de question sur ces montants, n'hésitez pas à {} contacter{reach} : {} disposé{} à rechercher avec vous une solution.",
                v.s("nous vous prions", "je vous prie"),
                v.s("nous", "me"),
                v.s("nous sommes", "je suis"),
                v.s("s", "")
            ),
        ));
        body.push(para("payment", self.payment_text()));
        body
    }

    // ---- Mise en demeure ----------------------------------------------------------------

    fn party(&self, name: &str, siren: &str) -> String {
        match siren_line(siren) {
            Some(s) => format!("{name} ({s})"),
            None => name.to_owned(),
        }
    }

    fn formal_notice_body(&self) -> Vec<Block> {
        let v = self.voice;
        let t = &self.c.totals;
        let mut body = Vec::new();
        let creditor = self.party(&self.creditor, &self.dossier.creditor.identity.siren);
        let debtor = self.party(&self.debtor, &self.dossier.debtor.identity.siren);
        let intro = match self.open.as_slice() {
            [inv] => format!(
                "{creditor} est titulaire d'une créance sur {debtor} au titre de {}, {}.",
                self.single_invoice_phrase(inv),
                still_owed(inv)
            ),
            _ => format!(
                "{creditor} est titulaire d'une créance sur {debtor} au titre des {} factures ci-dessous, échues et non intégralement réglées à leur échéance :",
                self.open.len()
            ),
        };
        self.push_opening(&mut body, intro);
        body.push(Block::Heading("Sommes réclamées".to_owned()));
        body.push(para(
            "claim",
            format!(
                "Au {}, les sommes dues s'établissent comme suit{} :",
                self.as_of(),
                self.annex_note()
            ),
        ));
        body.push(self.claim_table());
        if self.b2b() {
            let mut text = format!(
                "Les pénalités de retard sont dues de plein droit, sans qu'un rappel soit nécessaire, à compter du lendemain de la date d'échéance de chaque facture. {}",
                self.penalty_rate_text()
            );
            if !t.indemnities.is_zero() {
                text.push_str(" L'indemnité forfaitaire pour frais de recouvrement de 40 € est due pour chaque facture payée en retard (articles L441-10 et D441-5 du Code de commerce).");
            }
            if !self.c.daily_accrual.is_zero() {
                text.push_str(&format!(
                    " Les pénalités continuent de courir jusqu'au complet paiement : {} par jour à ce jour.",
                    Self::amount(self.c.daily_accrual)
                ));
            }
            body.push(para("claim-rates", text));
            body.extend(self.interest_bullets());
        } else {
            let mut text = "Conformément aux articles 1231-6 et 1344-1 du Code civil, la présente mise en demeure fait courir sur ces sommes, à compter de sa réception et jusqu'à complet paiement, des intérêts au taux de l'intérêt légal.".to_owned();
            if let Some(notice) = self.dossier.options.formal_notice_date {
                if !t.interest.is_zero() {
                    text.push_str(&format!(
                        " Les intérêts au taux légal courus depuis la mise en demeure du {} s'élèvent à {} au {}.",
                        fr::date(notice),
                        Self::amount(t.interest),
                        fr::date(self.c.as_of)
                    ));
                }
            }
            body.push(para("claim-interest", text));
            body.extend(self.interest_bullets());
        }
        let running = if self.b2b() {
            "augmentée des pénalités de retard qui courent jusqu'au complet paiement"
        } else {
            "augmentée des intérêts au taux légal à compter de la réception de la présente"
        };
        body.push(para(
            "deadline",
            format!(
                "En conséquence, {} de {} régler la somme de {}, {running}, au plus tard le {}.",
                v.s("nous vous mettons en demeure", "je vous mets en demeure"),
                v.s("nous", "me"),
                Self::amount(claimed_total(self.c)),
                long_date(self.deadline)
            ),
        ));
        body.push(para(
            "notice-1344",
            "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.".to_owned(),
        ));
        let court = if self.b2b() {
            "auprès du président du tribunal de commerce compétent (ou du tribunal judiciaire si la créance n'est pas commerciale)"
        } else {
            "auprès du tribunal judiciaire compétent (ou de son juge des contentieux de la protection, selon la nature de la créance)"
        };
        body.push(para(
            "consequences",
            format!(
                "À défaut de paiement intégral à cette date, {} le droit d'engager sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer {court}, ou une demande de provision en référé, et de demander que les frais de procédure soient mis à votre charge.",
                v.s("nous nous réservons", "je me réserve")
            ),
        ));
        body.push(para("payment", self.payment_text()));
        body
    }

    // ---- Proposition d'échéancier -------------------------------------------------------

    fn plan(&self) -> Plan {
        let p = &self.fields.plan;
        let total = p.total.map_or_else(|| claimed_total(self.c), |t| t.get());
        let first = p
            .first_date
            .unwrap_or_else(|| plan::default_first_date(self.date));
        Plan {
            total,
            lines: plan::schedule(total, p.instalments, first, p.interval_months),
        }
    }

    fn plan_table(plan: &Plan) -> Block {
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

    fn plan_body(&self, plan: &Plan) -> Vec<Block> {
        let v = self.voice;
        let mut body = Vec::new();
        // More than three invoices are counted when the décompte annexed lists them, else named.
        let invoices = if self.open.len() > 3 && self.with_annex {
            format!("des {} factures", self.open.len())
        } else {
            format!(
                "{} n° {}",
                self.n("de la facture", "des factures"),
                join_fr(&self.invoice_numbers())
            )
        };
        body.push(para(
            "intro",
            format!(
                "Au {}, vous restez redevable envers {} de la somme de {} au titre {invoices}{}.",
                self.as_of(),
                self.creditor,
                Self::amount(claimed_total(self.c)),
                self.annex_note()
            ),
        ));
        if let Some(facts) = self.facts_text() {
            body.push(para("facts", facts));
        }
        let count = plan.lines.len();
        let spread = if count == 1 {
            "en un versement unique, à la date suivante".to_owned()
        } else {
            format!("en {count} versements, selon le calendrier suivant")
        };
        body.push(para(
            "plan",
            format!(
                "Afin de faciliter ce règlement, {} de régler la somme de {} {spread} :",
                v.s("nous vous proposons", "je vous propose"),
                Self::amount(plan.total)
            ),
        ));
        body.push(Self::plan_table(plan));
        body.push(para(
            "plan-terms",
            format!(
                "Chaque versement devra {} parvenir au plus tard à la date indiquée. Tant que l'échéancier sera respecté, les sommes ainsi échelonnées ne produiront pas d'intérêts supplémentaires.",
                v.s("nous", "me")
            ),
        ));
        let interest = if self.b2b() {
            "des pénalités de retard au taux prévu par l'article L441-10 du Code de commerce"
        } else {
            "des intérêts au taux de l'intérêt légal"
        };
        body.push(para(
            "plan-default",
            format!(
                "Si un versement n'était pas effectué à sa date et restait impayé {} jours après un simple rappel, l'échéancier pourrait être considéré comme caduc : la totalité du solde restant dû deviendrait alors immédiatement exigible et produirait de nouveau {interest}, {} d'en poursuivre le recouvrement par toute voie de droit.",
                self.fields.deadline_days.clamp(1, 3650),
                v.s("nous réservant", "me réservant")
            ),
        ));
        body.push(para(
            "plan-accept",
            format!(
                "Si cette proposition vous convient, {} de {} retourner le bon pour accord joint, daté et signé, au plus tard le {}. Sans réponse de votre part à cette date, elle sera considérée comme déclinée.",
                v.s("nous vous remercions", "je vous remercie"),
                v.s("nous", "me"),
                long_date(self.deadline)
            ),
        ));
        body.push(para("payment", self.payment_text()));
        body
    }

    fn plan_annex(&self, plan: &Plan) -> Annex {
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
            Regime::B2b => format!(
                "Je soussigné(e) ......................................................., agissant pour le compte {},",
                de(&self.party(&self.debtor, &self.dossier.debtor.identity.siren))
            ),
            Regime::B2c => format!("Je soussigné(e) {},", self.debtor),
        };
        let mut blocks = vec![
            Block::Heading("Bon pour accord".to_owned()),
            para(
                "plan-slip",
                format!(
                    "{who} accepte l'échéancier proposé par {} dans son courrier du {} et reconnais devoir la somme de {}, que je m'engage à régler{span}, selon le calendrier suivant :",
                    self.creditor,
                    long_date(self.date),
                    Self::amount(plan.total)
                ),
            ),
            Self::plan_table(plan),
            para(
                "plan-slip-date",
                "Fait à ...................................., le ......../......../................"
                    .to_owned(),
            ),
            para(
                "plan-slip-signature",
                "Signature, précédée de la mention manuscrite « Bon pour accord » :".to_owned(),
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

    fn decompte_annex(&self) -> Annex {
        annex::decompte(self.dossier, self.c)
    }
}

struct Plan {
    total: Decimal,
    lines: Vec<(NaiveDate, Decimal)>,
}

/// What became of an invoice that still owes something.
fn still_owed(inv: &InvoiceResult) -> &'static str {
    if inv.principal.is_zero() {
        "réglée après son échéance"
    } else if inv.principal == inv.amount {
        "restée impayée à ce jour"
    } else {
        "restée partiellement impayée à ce jour"
    }
}

/// "Facture n° F-2022-031 du 04/03/2022, échue le 03/04/2022".
fn invoice_reference(inv: &InvoiceResult) -> String {
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

pub(crate) fn para(id: &str, text: String) -> Block {
    Block::Paragraph {
        id: id.to_owned(),
        text,
    }
}

pub(crate) fn col(title: &str, align: Align, weight: u16) -> Column {
    Column {
        title: title.to_owned(),
        align,
        weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relance_engine::calendar::ymd;

    #[test]
    fn long_dates() {
        assert_eq!(long_date(ymd(2026, 11, 22)), "22 novembre 2026");
        assert_eq!(long_date(ymd(2026, 12, 1)), "1er décembre 2026");
        assert_eq!(long_date(ymd(2027, 2, 28)), "28 février 2027");
        assert_eq!(long_date(ymd(2027, 8, 15)), "15 août 2027");
    }

    #[test]
    fn addresses() {
        assert_eq!(
            address_lines("12 rue des Lilas, 69003 Lyon"),
            ["12 rue des Lilas", "69003 Lyon"]
        );
        assert_eq!(
            address_lines("12, rue des Lilas, 69003, Lyon"),
            ["12, rue des Lilas", "69003 Lyon"]
        );
        assert_eq!(
            address_lines("Bât. A\r\n  4 place du Marché, RDC \n\n38000 Grenoble\n"),
            ["Bât. A", "4 place du Marché, RDC", "38000 Grenoble"]
        );
        assert_eq!(address_lines("12 bis, rue X"), ["12 bis, rue X"]);
        assert_eq!(address_lines(""), Vec::<String>::new());
        assert_eq!(address_lines("12"), ["12"]);
        // A one-word fragment that is not a number stays on its own line.
        assert_eq!(
            address_lines("Résidence, 12 rue X, 69003 Lyon"),
            ["Résidence", "12 rue X", "69003 Lyon"]
        );
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            siren_line("732829320").as_deref(),
            Some("SIREN 732 829 320")
        );
        assert_eq!(
            siren_line("73282932000074").as_deref(),
            Some("SIRET 732 829 320 00074")
        );
        assert_eq!(siren_line(""), None);
        // Neither 9 nor 14 digits: the text as typed, cleaned.
        assert_eq!(
            siren_line(" 732 829\t32 ").as_deref(),
            Some("SIREN 732 829 32")
        );
        assert_eq!(siren_line("\u{7}").as_deref(), None);
        assert_eq!(
            iban_grouped("FR7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("  a\tb\n\nc \u{202e}d\u{0}  "), "a b c d");
        assert_eq!(clean_multiline("\r\n a \r\n\r\n b\u{7}c \n"), "a\n\nbc");
        assert_eq!(clean_multiline(" \n "), "");
        assert_eq!(join_fr(&["a".into(), "b".into(), "c".into()]), "a, b et c");
        assert_eq!(de("Atelier"), "d'Atelier");
        assert_eq!(de("Hôtel X"), "d'Hôtel X");
        assert_eq!(de("Élise"), "d'Élise");
        assert_eq!(de("Boulangeries"), "de Boulangeries");
        assert_eq!(de(""), "de ");
        assert_eq!(int_fr(1694), "1 694");
        assert_eq!(int_fr(184), "184");
        assert_eq!(int_fr(0), "0");
        assert_eq!(int_fr(-1234567), "-1 234 567");
    }
}
