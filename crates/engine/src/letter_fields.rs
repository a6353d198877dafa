//! What a letter needs beyond the décompte: place, signatory, deadline, sending mode, bank
//! details, references, earlier reminders, the payment plan and the user's edits of paragraphs.
//! Validated values only (see [`iban`]); the letter crate turns them into text.
//!
//! The dossier file carries them under `"letter"` (format version 2; a version-1 file gets the
//! defaults).

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::NaiveDate;

use crate::codes::coded;
use crate::money::Eur;

/// How the letter is sent; a mise en demeure names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sending {
    /// Lettre recommandée avec accusé de réception (with its number).
    #[default]
    Lrar,
    /// Lettre recommandée électronique.
    Lre,
    Email,
    /// Ordinary mail.
    Letter,
}

/// Days the debtor is given to pay, counted from the letter.
pub const DEADLINE_DAYS: RangeInclusive<u32> = 1..=90;
/// Instalments of a payment plan.
pub const PLAN_INSTALMENTS: RangeInclusive<u32> = 1..=60;
/// Months between two instalments.
pub const PLAN_INTERVAL_MONTHS: RangeInclusive<u32> = 1..=12;

coded!(Sending {
    Lrar => "lrar",
    Lre => "lre",
    Email => "email",
    Letter => "letter",
});

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterFields {
    /// Town written before the date: "Lyon, le 22 novembre 2026".
    pub place: String,
    pub signatory: String,
    /// "Gérant", "Présidente"…
    pub capacity: String,
    /// Days given to pay from the letter's date (mise en demeure; default 8).
    pub deadline_days: u32,
    pub sending: Sending,
    /// LRAR / LRE number.
    pub tracking_number: String,
    /// Validated IBAN, compact (no spaces), or empty.
    pub iban: String,
    pub bic: String,
    /// Contract, quote or order reference the invoices relate to.
    pub contract_reference: String,
    /// Where the terms of sale set the penalties and the indemnity: « article 9 de nos
    /// conditions générales de vente » (format version 3).
    pub terms_reference: String,
    /// The consumer mediator the creditor adheres to, named in a consumer's letters (C. conso.
    /// L616-1; format version 3).
    pub consumer_mediator: String,
    /// Keep the « non vérifié » mark of unverified rates in the letter's annex: the user keeps
    /// them knowingly (format version 3). Without it, the letter shows the rate unmarked and the
    /// warning is said beside the letter.
    pub show_unverified: bool,
    /// Keep in the letter the invoices that seem prescribed: the user's explicit choice
    /// (format version 3).
    pub keep_prescribed: bool,
    /// Dates of reminders already sent.
    pub reminders: Vec<NaiveDate>,
    pub plan: PlanFields,
    /// Paragraph id → the user's text, replacing the drafted one.
    pub edits: BTreeMap<String, String>,
}

impl Default for LetterFields {
    fn default() -> LetterFields {
        LetterFields {
            place: String::new(),
            signatory: String::new(),
            capacity: String::new(),
            deadline_days: 8,
            sending: Sending::Lrar,
            tracking_number: String::new(),
            iban: String::new(),
            bic: String::new(),
            contract_reference: String::new(),
            terms_reference: String::new(),
            consumer_mediator: String::new(),
            show_unverified: false,
            keep_prescribed: false,
            reminders: Vec::new(),
            plan: PlanFields::default(),
            edits: BTreeMap::new(),
        }
    }
}

/// A proposed payment plan ("proposition d'échéancier").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanFields {
    /// Number of instalments (2 to 24).
    pub instalments: u32,
    /// Date of the first instalment; `None` = one month after the letter.
    pub first_date: Option<NaiveDate>,
    /// Months between instalments.
    pub interval_months: u32,
    /// Amount to spread; `None` = the total due on the letter's date.
    pub total: Option<Eur>,
}

impl Default for PlanFields {
    fn default() -> PlanFields {
        PlanFields {
            instalments: 3,
            first_date: None,
            interval_months: 1,
            total: None,
        }
    }
}

/// Checks an IBAN (ISO 13616: country code, check digits, mod-97 = 1). Blanks are ignored;
/// returns the compact upper-case form.
pub fn iban(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let bytes = compact.as_bytes();
    let shape_ok = (15..=34).contains(&bytes.len())
        && bytes.iter().take(2).all(u8::is_ascii_uppercase)
        && bytes.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && bytes.iter().all(u8::is_ascii_alphanumeric);
    if !shape_ok {
        return None;
    }
    // Move the first four characters to the end, letters become 10..35, then mod 97.
    let rotated = compact
        .get(4..)
        .unwrap_or_default()
        .chars()
        .chain(compact.get(..4).unwrap_or_default().chars());
    let mut remainder: u32 = 0;
    for c in rotated {
        let value = c.to_digit(36)?;
        // A letter is two digits long, a digit one.
        let shift = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * shift + value) % 97;
    }
    (remainder == 1).then_some(compact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_mod_97() {
        assert_eq!(
            iban("FR76 3000 6000 0112 3456 7890 189").as_deref(),
            Some("FR7630006000011234567890189")
        );
        assert_eq!(
            iban("fr7630006000011234567890189").as_deref(),
            Some("FR7630006000011234567890189")
        );
        assert_eq!(iban("FR76 3000 6000 0112 3456 7890 188"), None);
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00").as_deref(),
            Some("DE89370400440532013000")
        );
        assert_eq!(iban("12"), None);
        assert_eq!(iban(""), None);
    }

    /// Letters count as two digits (A = 10 … Z = 35), several in a row included: the official
    /// British and Maltese examples pass, a character changed fails.
    #[test]
    fn iban_letters_in_the_account_number() {
        assert_eq!(
            iban("GB82 WEST 1234 5698 7654 32").as_deref(),
            Some("GB82WEST12345698765432")
        );
        assert_eq!(iban("GB82 WEST 1234 5698 7654 33"), None);
        assert_eq!(iban("GB82 WEST 1234 5698 7654 3A"), None);
        // Seven letters in a row (the official Maltese example).
        assert_eq!(
            iban("MT84 MALT 0110 0001 2345 MTLC AST0 01S").as_deref(),
            Some("MT84MALT011000012345MTLCAST001S")
        );
        assert_eq!(iban("MT84 MALT 0110 0001 2345 MTLC AST0 01T"), None);
        // 10 for A: the same digits with a final A are valid with the check digits 05.
        assert_eq!(
            iban("FR05 3000 6000 0112 3456 7890 18A").as_deref(),
            Some("FR053000600001123456789018A")
        );
    }

    /// Each rule of the shape holds on its own: these pass mod 97, yet are refused.
    #[test]
    fn iban_shape_is_checked_before_the_key() {
        // 14 characters (under 15).
        assert_eq!(iban("FR22 1234 5678 90"), None);
        // 35 characters (over 34).
        assert_eq!(iban("FR74 1234 5678 9012 3456 7890 1234 5678 901"), None);
        // The country is not two letters.
        assert_eq!(iban("1262 3000 6000 0112 3456 7890 189"), None);
        // The check digits are letters.
        assert_eq!(iban("FRAB 3000 6000 0112 3456 7890 9"), None);
    }
}
