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

/// Court documents: the creditor as a court names it.
pub const COURT_CREDITOR: &str = "court-creditor";
/// Court documents: the debtor as a court names it.
pub const COURT_DEBTOR: &str = "court-debtor";
/// Requête: the facts.
pub const COURT_FACTS: &str = "court-facts";
/// Requête: the basis of the claim (CPC 1405).
pub const COURT_BASIS: &str = "court-basis";
/// Requête: the sums, « à parfaire ».
pub const COURT_AMOUNT: &str = "court-amount";
/// Requête: what is asked of the judge.
pub const COURT_REQUEST: &str = "court-request";
/// Requête: transfer to the court on opposition (CPC 1408).
pub const COURT_TRANSFER: &str = "court-transfer";
/// Court documents: the pieces, under bordereau.
pub const COURT_PIECES: &str = "court-pieces";
/// Déclaration de créance: who declares what, in which proceedings.
pub const DECLARATION_INTRO: &str = "declaration-intro";
/// Déclaration de créance: interest stopped at the opening (L622-28).
pub const DECLARATION_INTEREST: &str = "declaration-interest";
/// Déclaration de créance: the sums to fall due (L622-25, L622-29, L643-1).
pub const DECLARATION_LATER: &str = "declaration-later";
/// Déclaration de créance: unsecured, or the security.
pub const DECLARATION_NATURE: &str = "declaration-nature";
/// Déclaration de créance: certified sincere (L622-25).
pub const DECLARATION_CERTIFIED: &str = "declaration-certified";
/// Déclaration de créance: who declares (L622-24).
pub const DECLARATION_DECLARANT: &str = "declaration-declarant";
/// Déclaration de créance: the case pending before a court (R622-23 3°).
pub const DECLARATION_CASE: &str = "declaration-case";
/// Déclaration de créance: payments received after the opening judgment.
pub const DECLARATION_AFTER: &str = "declaration-after";
/// Déclaration de créance annex: its total split into sums due and sums to fall due.
pub const DECLARATION_SPLIT: &str = "declaration-split";
/// Demande d'exécution: the judgment and what it awarded.
pub const EXECUTION_AWARD: &str = "execution-award";
/// Demande d'exécution: interest since the judgment and the 5-point increase.
pub const EXECUTION_INTEREST: &str = "execution-interest";
/// Demande d'exécution: the sum asked and the deadline.
pub const EXECUTION_DEMAND: &str = "execution-demand";
/// Demande d'exécution: enforcement by a commissaire de justice.
pub const EXECUTION_ENFORCEMENT: &str = "execution-enforcement";
/// Letters (feature `judgment`): the capitalisation applied (C. civ. 1343-2).
pub const CLAIM_CAPITALISED: &str = "claim-capitalised";
/// Public buyer's request: the copy to the public accountant.
pub const PUBLIC_COPY: &str = "public-copy";
/// Public buyer's request: it stands as the CCAG's mémoire en réclamation.
pub const PUBLIC_CLAIM: &str = "public-claim";
/// Guide « Remplir le Cerfa »: which form, and how to use the guide.
pub const GUIDE_INTRO: &str = "guide-intro";

/// Every id, in the order the letters use them.
pub const ALL: [&str; 48] = [
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
    COURT_CREDITOR,
    COURT_DEBTOR,
    COURT_FACTS,
    COURT_BASIS,
    COURT_AMOUNT,
    COURT_REQUEST,
    COURT_TRANSFER,
    COURT_PIECES,
    DECLARATION_INTRO,
    DECLARATION_INTEREST,
    DECLARATION_LATER,
    DECLARATION_NATURE,
    DECLARATION_CERTIFIED,
    DECLARATION_DECLARANT,
    GUIDE_INTRO,
    DECLARATION_CASE,
    DECLARATION_AFTER,
    DECLARATION_SPLIT,
    EXECUTION_AWARD,
    EXECUTION_INTEREST,
    EXECUTION_DEMAND,
    EXECUTION_ENFORCEMENT,
    PUBLIC_COPY,
    CLAIM_CAPITALISED,
    PUBLIC_CLAIM,
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
                "court-creditor",
                "court-debtor",
                "court-facts",
                "court-basis",
                "court-amount",
                "court-request",
                "court-transfer",
                "court-pieces",
                "declaration-intro",
                "declaration-interest",
                "declaration-later",
                "declaration-nature",
                "declaration-certified",
                "declaration-declarant",
                "guide-intro",
                "declaration-case",
                "declaration-after",
                "declaration-split",
                "execution-award",
                "execution-interest",
                "execution-demand",
                "execution-enforcement",
                "public-copy",
                "claim-capitalised",
                "public-claim",
            ]
        );
    }
}
