//! The ids of the paragraphs a user can edit. They are saved in dossier files
//! (`letter.edits`), so they never change: a test pins them.

/// The opening: which invoices, what is still owed.
pub const INTRO: &str = "intro";
/// The reminders and notices already sent.
pub const FACTS: &str = "facts";
/// Relance: the sum asked and by when.
pub const REQUEST: &str = "request";
/// Relance (B2B): penalties and indemnities due by law.
pub const PENALTIES: &str = "penalties";
/// Relance: if already paid, how to reach the creditor.
pub const CONTACT: &str = "contact";
/// How to pay (IBAN, cheque).
pub const PAYMENT: &str = "payment";
/// Mise en demeure: the sums claimed, before the table.
pub const CLAIM: &str = "claim";
/// Mise en demeure (B2B): the L441-10 penalties and D441-5 indemnity.
pub const CLAIM_RATES: &str = "claim-rates";
/// Mise en demeure (B2C): legal interest (C. civ. 1231-6, 1344-1).
pub const CLAIM_INTEREST: &str = "claim-interest";
/// Mise en demeure: the formal demand and its deadline.
pub const DEADLINE: &str = "deadline";
/// Mise en demeure: « vaut mise en demeure » (C. civ. 1344).
pub const NOTICE_1344: &str = "notice-1344";
/// Mise en demeure: what follows without payment.
pub const CONSEQUENCES: &str = "consequences";
/// Échéancier: the proposal.
pub const PLAN: &str = "plan";
/// Échéancier: each instalment by its date.
pub const PLAN_TERMS: &str = "plan-terms";
/// Échéancier: what a missed instalment does.
pub const PLAN_DEFAULT: &str = "plan-default";
/// Échéancier: how to accept, and by when.
pub const PLAN_ACCEPT: &str = "plan-accept";
/// Échéancier annex: the debtor's acceptance.
pub const PLAN_SLIP: &str = "plan-slip";
/// Échéancier annex: place and date.
pub const PLAN_SLIP_DATE: &str = "plan-slip-date";
/// Échéancier annex: signature.
pub const PLAN_SLIP_SIGNATURE: &str = "plan-slip-signature";
/// Décompte annex: how it was computed.
pub const ANNEX_METHOD: &str = "annex-method";
/// Décompte annex: a rate not verified.
pub const ANNEX_UNVERIFIED: &str = "annex-unverified";

/// Every letter: the enclosures (« Pièces jointes : … »).
pub const ENCLOSURES: &str = "enclosures";

/// Consumer letters: the consumer mediator (C. conso. L616-1).
pub const MEDIATOR: &str = "mediator";

/// Every id, in the order the letters use them.
pub const ALL: [&str; 23] = [
    INTRO,
    FACTS,
    REQUEST,
    PENALTIES,
    CONTACT,
    PAYMENT,
    CLAIM,
    CLAIM_RATES,
    CLAIM_INTEREST,
    DEADLINE,
    NOTICE_1344,
    CONSEQUENCES,
    PLAN,
    PLAN_TERMS,
    PLAN_DEFAULT,
    PLAN_ACCEPT,
    PLAN_SLIP,
    PLAN_SLIP_DATE,
    PLAN_SLIP_SIGNATURE,
    ANNEX_METHOD,
    ANNEX_UNVERIFIED,
    ENCLOSURES,
    MEDIATOR,
];

#[cfg(test)]
mod tests {
    /// Saved dossiers name paragraphs by these ids: changing one would drop the user's edit.
    #[test]
    fn the_ids_never_change() {
        assert_eq!(
            super::ALL,
            [
                "intro",
                "facts",
                "request",
                "penalties",
                "contact",
                "payment",
                "claim",
                "claim-rates",
                "claim-interest",
                "deadline",
                "notice-1344",
                "consequences",
                "plan",
                "plan-terms",
                "plan-default",
                "plan-accept",
                "plan-slip",
                "plan-slip-date",
                "plan-slip-signature",
                "annex-method",
                "annex-unverified",
                "enclosures",
                "mediator",
            ]
        );
    }
}
