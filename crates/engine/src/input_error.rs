//! What can be wrong with a field of a dossier: the reader's error values. Their French text is
//! in `fr`.

use crate::money::NumberError;

/// One problem in a dossier file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// Where: `invoices[2].due`; empty for the whole file.
    pub path: String,
    pub kind: InputErrorKind,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    /// The text is not JSON.
    Syntax { line: usize, column: usize },
    /// A required key is absent.
    Missing,
    /// A key the format does not know.
    UnknownKey(String),
    /// Wrong JSON type (`expected` names it in French).
    WrongType { expected: &'static str },
    /// Not a date, or an impossible one.
    InvalidDate(String),
    /// A date outside 1900–2199.
    DateOutOfRange(String),
    /// Not an amount.
    InvalidAmount(String, NumberError),
    /// Not a percentage.
    InvalidPercent(String, NumberError),
    /// Not one of the allowed words.
    InvalidChoice {
        found: String,
        allowed: &'static [&'static str],
    },
    /// SIREN not 9 digits or failing its check digit.
    InvalidSiren(String),
    /// Not an e-mail address.
    InvalidEmail(String),
    /// A file format version this build cannot read.
    UnsupportedVersion(String),
    /// Two invoices with the same number.
    DuplicateInvoice(String),
    /// A payment or credit note naming an invoice that is not in the dossier.
    UnknownInvoice(String),
    /// An empty list of invoices.
    NoInvoice,
    /// A zero amount where only a positive one makes sense.
    ZeroAmount,
    /// An IBAN failing its mod-97 check.
    InvalidIban(String),
    /// A whole number outside its range.
    InvalidInteger { found: String, min: u32, max: u32 },
    /// A strategy assumption out of its range or not a number (the French reason).
    InvalidAssumption(String),
    /// The file is larger than [`MAX_FILE_BYTES`](crate::parse::MAX_FILE_BYTES).
    FileTooLarge { bytes: usize, max: usize },
    /// An acknowledgment of `invoice` dated before it was issued (or delivered) on `since`.
    BeforeInvoice {
        invoice: String,
        since: chrono::NaiveDate,
    },
    /// Not a semester `AAAA-1` or `AAAA-2` from 2015 (the legal rate was yearly before).
    InvalidSemester(String),
    /// A second rate entered for the same date or semester.
    DuplicateRate(String),
    /// A section this build does not read (the page, for now): rates the user entered, a
    /// judgment, the court part; what it holds, in French.
    NotInPage(&'static str),
    /// `options.capitalisation_from` after the calculation date.
    #[cfg(feature = "judgment")]
    CapitalisationAfterAsOf(chrono::NaiveDate),
    /// `insolvency.published` before the opening judgment it publishes.
    #[cfg(feature = "court")]
    PublishedBeforeOpening(chrono::NaiveDate),
    /// A decision served before it was given (on this date).
    ServedBeforeJudgment(chrono::NaiveDate),
    /// A choice the regulation makes for a public buyer (C. commande publique R2192-31).
    RegulatedForPublicBuyer,
    /// More rows than a dossier may hold (`what`: French plural noun).
    TooMany { what: &'static str, max: usize },
}
