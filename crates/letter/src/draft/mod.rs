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
//!
//! One module per letter: `reminder` (relance amiable), `formal_notice` (mise en demeure),
//! `payment_plan` (proposition d'échéancier); what they share (header, opening, claim table,
//! payment details, closing) is in `context`; the paragraph ids in `ids`.

mod before_sending;
#[cfg(feature = "court")]
mod bordereau;
mod context;
#[cfg(feature = "court")]
mod declaration;
#[cfg(feature = "judgment")]
mod execution;
mod formal_notice;
pub mod ids;
#[cfg(feature = "court")]
mod parties;
mod payment_plan;
#[cfg(feature = "public")]
mod public_request;
mod reminder;
#[cfg(feature = "court")]
mod requete;

use chrono::NaiveDate;

use relance_engine::compute::Computation;
use relance_engine::dossier::Dossier;
use relance_engine::letter_fields::LetterFields;

use crate::model::{Block, Letter, LetterKind};
use crate::user_text::clean_multiline;
use context::Ctx;

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
            // A public buyer: a request for payment, not a mise en demeure (feature `public`).
            #[cfg(feature = "public")]
            if computation.regime == relance_engine::Regime::Public {
                letter.subject = ctx.public_subject();
                letter.body = ctx.public_request_body();
            }
        }
        LetterKind::PaymentPlan => {
            let plan = ctx.plan();
            letter.body = ctx.plan_body(&plan);
            letter.annex = Some(ctx.plan_annex(&plan));
        }
        #[cfg(feature = "court")]
        LetterKind::InjunctionRequest => {
            letter.recipient = ctx.court_lines();
            letter.sending = None;
            letter.subject = ctx.requete_subject();
            letter.references = Vec::new();
            letter.salutation = "Madame ou Monsieur le Président,".to_owned();
            letter.body = ctx.requete_body();
            letter.closing = "Sous toutes réserves.".to_owned();
            letter.annex = options.annex.then(|| ctx.court_decompte_annex());
        }
        #[cfg(feature = "court")]
        LetterKind::Bordereau => {
            letter.recipient = ctx.bordereau_recipient();
            letter.sending = None;
            letter.subject = ctx.bordereau_subject();
            letter.references = Vec::new();
            letter.salutation = String::new();
            letter.body = ctx.bordereau_body();
            letter.closing = String::new();
        }
        #[cfg(feature = "court")]
        LetterKind::ClaimDeclaration => {
            letter.recipient = ctx.representative_lines();
            letter.sending = ctx.sending_line(LetterKind::FormalNotice);
            letter.subject = ctx.declaration_subject();
            letter.salutation = "Maître,".to_owned();
            letter.body = ctx.declaration_body();
            letter.closing = format!(
                "{} d'agréer, Maître, l'expression de {} salutations distinguées.",
                ctx.voice.s("Nous vous prions", "Je vous prie"),
                ctx.voice.s("nos", "mes")
            );
            letter.annex = options.annex.then(|| ctx.declaration_annex());
        }
        #[cfg(feature = "judgment")]
        LetterKind::JudgmentExecution => {
            letter.subject = ctx.execution_subject();
            letter.references = ctx.execution_references();
            letter.body = ctx.execution_body();
            letter.annex = options.annex.then(|| ctx.execution_annex()).flatten();
        }
        #[cfg(feature = "court")]
        LetterKind::CerfaGuide => {
            letter.recipient = Vec::new();
            letter.sending = None;
            letter.subject = ctx.guide_subject();
            letter.references = Vec::new();
            letter.salutation = String::new();
            letter.body = ctx.guide_body();
            letter.closing = String::new();
        }
    }
    apply_edits(&mut letter, fields);
    letter
}

/// What the sender should know before sending this letter (prescription, a plan that ends after
/// the last day to act), in French: said beside the letter, never in it.
pub fn before_sending(
    kind: LetterKind,
    dossier: &Dossier,
    computation: &Computation,
    fields: &LetterFields,
    date: NaiveDate,
) -> Vec<String> {
    Ctx::new(dossier, computation, fields, date, false).before_sending(kind)
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
