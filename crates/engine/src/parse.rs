//! Reading a dossier file: JSON text → validated [`Dossier`], or every problem found, each
//! naming its field (`invoices[2].due`).
//!
//! The JSON is first read as an untyped tree, then walked by hand: this gives French messages
//! with exact paths, accepts the spellings people use (`"24 000,00"`, JSON numbers,
//! `03/04/2022`) and refuses unknown keys by name. Nothing here panics, whatever the input.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use crate::calendar::parse_date;
use crate::codes::Coded;
use crate::dossier::*;
use crate::law::payment_terms;
use crate::letter_fields::{LetterFields, DEADLINE_DAYS, PLAN_INSTALMENTS, PLAN_INTERVAL_MONTHS};
use crate::money::{parse_amount, parse_percent, Eur, NumberError, Percent};

pub use crate::input_error::{InputError, InputErrorKind};

/// Largest dossier file read (5 Mio: a 1 000-invoice, 10 000-payment dossier is about 1 Mio).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most invoices and credit notes in one dossier (one debtor).
pub const MAX_INVOICES: usize = 2_000;
/// Most payments in one dossier.
pub const MAX_PAYMENTS: usize = 20_000;

pub(crate) const DATE_MIN_YEAR: i32 = 1900;
pub(crate) const DATE_MAX_YEAR: i32 = 2199;

/// Reads a dossier file. Returns every error found, in file order.
pub fn dossier(text: &str) -> Result<Dossier, Vec<InputError>> {
    // Refused before parsing, so a huge file costs nothing.
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![InputError {
            path: String::new(),
            kind: InputErrorKind::FileTooLarge {
                bytes: text.len(),
                max: MAX_FILE_BYTES,
            },
        }]);
    }
    // A byte-order mark (as spreadsheets and some editors write) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = match crate::json_text::read(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(vec![InputError {
                path: String::new(),
                kind: InputErrorKind::Syntax {
                    line: e.line,
                    column: e.column,
                },
            }])
        }
    };
    dossier_of_value(&root)
}

/// The dossier of a JSON value already read (a dossier file's root, or one of a kept
/// portfolio's dossiers), checked as [`dossier`] checks a file.
pub fn dossier_of_value(root: &Value) -> Result<Dossier, Vec<InputError>> {
    let mut r = Reader {
        errors: Vec::new(),
        version: FORMAT_VERSION,
    };
    let parsed = r.dossier(root);
    match parsed {
        Some(d) if r.errors.is_empty() => Ok(d),
        _ => Err(r.errors),
    }
}

/// C. commande publique R2192-31: for a public buyer the rate is the regulation's, never a
/// contractual one nor another reading of its period; the options that say otherwise, by path.
pub fn regulated_for_public_buyer(
    debtor: DebtorKind,
    rate: RateKind,
    rate_period: RatePeriod,
) -> Vec<&'static str> {
    let mut paths = Vec::new();
    if debtor == DebtorKind::Public {
        if rate != RateKind::LegalDefault {
            paths.push("options.rate.kind");
        }
        if rate_period != RatePeriod::Semester {
            paths.push("options.rate_period");
        }
    }
    paths
}

/// The earlier of two dates, either may be unknown: an invoice exists from its delivery or its
/// issue, whichever came first.
pub fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A semester `2027-1` (January–June) or `2027-2` (July–December), as its first day; from
/// 2015, when the legal rate became half-yearly (C. mon. fin. L313-2), through 2199.
pub fn semester(raw: &str) -> Option<NaiveDate> {
    let (year, half) = raw.trim().split_once('-')?;
    let year: i32 = year.trim().parse().ok()?;
    let month = match half.trim() {
        "1" => 1,
        "2" => 7,
        _ => return None,
    };
    (2015..=DATE_MAX_YEAR)
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year, month, 1))
        .flatten()
}

/// Parses a date typed by a person (ISO or `JJ/MM/AAAA`), within the accepted range.
pub fn date(raw: &str) -> Result<NaiveDate, InputErrorKind> {
    let date = parse_date(raw).ok_or_else(|| InputErrorKind::InvalidDate(raw.to_owned()))?;
    if !(DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&date.year()) {
        return Err(InputErrorKind::DateOutOfRange(raw.to_owned()));
    }
    Ok(date)
}

/// A date as people type it in the form: [`date`]'s spellings and also `15/03/26`,
/// `15.03.2026`, `15-03-2026` (day first, `calendar::parse_loose_date`).
pub fn typed_date(raw: &str) -> Result<NaiveDate, InputErrorKind> {
    let date = crate::calendar::parse_loose_date(raw, false)
        .ok_or_else(|| InputErrorKind::InvalidDate(raw.to_owned()))?;
    if !(DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&date.year()) {
        return Err(InputErrorKind::DateOutOfRange(raw.to_owned()));
    }
    Ok(date)
}

/// The court part as the page's form gives it (feature `court`): `root` is shaped as a
/// dossier's root (`creditor` and `debtor` with their details, `pieces`, `injunction`,
/// `insolvency`), its texts as typed, and is read by the same rules as a file.
#[cfg(feature = "court")]
pub fn court_part(root: &Map<String, Value>) -> (Court, Vec<InputError>) {
    let mut reader = Reader {
        errors: Vec::new(),
        version: 3,
    };
    let court = reader.court(root);
    (court, reader.errors)
}

/// C. civ. 1343-2: capitalisation from a day after the calculation date is a mistake.
#[cfg(feature = "judgment")]
pub fn capitalisation_after(from: NaiveDate, as_of: NaiveDate) -> Option<InputErrorKind> {
    (from > as_of).then_some(InputErrorKind::CapitalisationAfterAsOf(as_of))
}

/// Checks a SIREN: 9 digits (blanks allowed) with a valid Luhn check digit. Returns the digits.
pub fn siren(raw: &str) -> Result<String, InputErrorKind> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let valid = digits.len() == 9 && digits.bytes().all(|b| b.is_ascii_digit()) && luhn(&digits);
    if valid {
        Ok(digits)
    } else {
        Err(InputErrorKind::InvalidSiren(raw.to_owned()))
    }
}

/// Checks an e-mail address as far as a form can: a name, `@`, a domain with a dot, no blank.
pub fn email(raw: &str) -> Result<String, InputErrorKind> {
    let plausible = raw
        .split_once('@')
        .is_some_and(|(name, domain)| !name.is_empty() && domain.contains('.'))
        && !raw.contains(char::is_whitespace);
    if plausible {
        Ok(raw.to_owned())
    } else {
        Err(InputErrorKind::InvalidEmail(raw.to_owned()))
    }
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                // The sum of the digits of the double: 7 → 14 → 1 + 4 = 14 − 9.
                let doubled = d * 2;
                doubled - 9 * (doubled / 10)
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

struct Reader {
    errors: Vec<InputError>,
    /// The file's format version, once read.
    version: u64,
}

type Obj = Map<String, Value>;

/// The keys of `creditor` and `debtor`; with the feature `court`, also a court's details.
#[cfg(not(feature = "court"))]
const PARTY_KEYS: &[&str] = &["name", "kind", "siren", "address", "email"];
#[cfg(feature = "court")]
const PARTY_KEYS: &[&str] = &[
    "name",
    "kind",
    "siren",
    "address",
    "email",
    "legal_form",
    "share_capital",
    "rcs_city",
    "registered_office",
    "representative",
    "representative_capacity",
    "first_name",
    "last_name",
    "profession",
    "nationality",
    "birth_date",
    "birth_place",
    "civility",
];

/// Most pieces a dossier lists.
#[cfg(feature = "court")]
pub const MAX_PIECES: usize = 1_000;

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    fn error(&mut self, path: &str, kind: InputErrorKind) {
        self.errors.push(InputError {
            path: path.to_owned(),
            kind,
        });
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str, allowed: &[&str]) -> Option<&'v Obj> {
        let Some(map) = value.as_object() else {
            self.error(
                path,
                InputErrorKind::WrongType {
                    expected: "un objet",
                },
            );
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.error(&join(path, key), InputErrorKind::UnknownKey(key.clone()));
            }
        }
        Some(map)
    }

    /// A present, non-null value, or a `Missing` error when `required`.
    fn field<'v>(
        &mut self,
        map: &'v Obj,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v Value> {
        match map.get(key) {
            Some(Value::Null) | None => {
                if required {
                    self.error(&join(path, key), InputErrorKind::Missing);
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, map: &Obj, path: &str, key: &str) -> Option<String> {
        let value = self.field(map, path, key, false)?;
        match value {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => {
                self.error(
                    &join(path, key),
                    InputErrorKind::WrongType {
                        expected: "un texte",
                    },
                );
                None
            }
        }
    }

    fn date(&mut self, map: &Obj, path: &str, key: &str, required: bool) -> Option<NaiveDate> {
        let value = self.field(map, path, key, required)?;
        let Some(raw) = value.as_str() else {
            self.error(
                &join(path, key),
                InputErrorKind::WrongType {
                    expected: "une date (texte)",
                },
            );
            return None;
        };
        match date(raw) {
            Ok(d) => Some(d),
            Err(kind) => {
                self.error(&join(path, key), kind);
                None
            }
        }
    }

    fn amount(&mut self, map: &Obj, path: &str, key: &str, required: bool) -> Option<Eur> {
        let value = self.field(map, path, key, required)?;
        let raw = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.error(
                    &join(path, key),
                    InputErrorKind::WrongType {
                        expected: "un montant",
                    },
                );
                return None;
            }
        };
        match parse_amount(&raw) {
            Ok(a) => Some(a),
            Err(e) => {
                self.error(&join(path, key), InputErrorKind::InvalidAmount(raw, e));
                None
            }
        }
    }

    /// An error at `path` when `later` comes before `earlier` (when both are given): a
    /// judgment served before it was given, proceedings published before they were opened.
    #[cfg(any(feature = "judgment", feature = "court"))]
    fn not_before(
        &mut self,
        path: &str,
        earlier: Option<NaiveDate>,
        later: Option<NaiveDate>,
        kind: fn(NaiveDate) -> InputErrorKind,
    ) {
        if let (Some(earlier), Some(later)) = (earlier, later) {
            if later < earlier {
                self.error(path, kind(earlier));
            }
        }
    }

    fn positive_amount(&mut self, map: &Obj, path: &str, key: &str) -> Option<Eur> {
        let amount = self.amount(map, path, key, true)?;
        if amount.get().is_zero() {
            self.error(&join(path, key), InputErrorKind::ZeroAmount);
            return None;
        }
        Some(amount)
    }

    fn choice<T: Coded>(&mut self, map: &Obj, path: &str, key: &str, required: bool) -> Option<T> {
        let value = self.field(map, path, key, required)?;
        let found = match value {
            Value::String(s) => s.clone(),
            other => crate::json_text::compact(other),
        };
        let value = T::from_code(&found);
        if value.is_none() {
            self.error(
                &join(path, key),
                InputErrorKind::InvalidChoice {
                    found,
                    allowed: T::CODES,
                },
            );
        }
        value
    }

    fn array<'v>(&mut self, map: &'v Obj, key: &str, required: bool) -> &'v [Value] {
        let (what, max) = match key {
            "payments" => ("paiements", MAX_PAYMENTS),
            "acknowledgments" => ("reconnaissances de dette", MAX_PAYMENTS),
            "credit_notes" => ("avoirs", MAX_INVOICES),
            _ => ("factures", MAX_INVOICES),
        };
        match self.field(map, "", key, required) {
            Some(Value::Array(items)) if items.len() > max => {
                self.error(key, InputErrorKind::TooMany { what, max });
                &[]
            }
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.error(
                    key,
                    InputErrorKind::WrongType {
                        expected: "une liste",
                    },
                );
                &[]
            }
            None => &[],
        }
    }

    fn dossier(&mut self, root: &Value) -> Option<Dossier> {
        let keys = [
            "version",
            "as_of",
            "creditor",
            "debtor",
            "invoices",
            "payments",
            "credit_notes",
            "options",
            "letter",
            "strategy",
            "acknowledgments",
            "rates",
            "judgment",
            "pieces",
            "injunction",
            "insolvency",
        ];
        let map = self.object(root, "", &keys)?;
        // Version 2 added `letter`, version 3 `options.rate.below_floor`; older files are read
        // as they always were.
        let version = match self.field(map, "", "version", true) {
            Some(v) if matches!(v.as_u64(), Some(1..=FORMAT_VERSION)) => {
                v.as_u64().unwrap_or(FORMAT_VERSION)
            }
            Some(v) => {
                self.error(
                    "version",
                    InputErrorKind::UnsupportedVersion(crate::json_text::compact(v)),
                );
                FORMAT_VERSION
            }
            None => FORMAT_VERSION,
        };
        self.version = version;
        for key in [
            "acknowledgments",
            "rates",
            "judgment",
            "pieces",
            "injunction",
            "insolvency",
        ] {
            if version < 3 && map.contains_key(key) {
                self.error(key, InputErrorKind::UnknownKey(key.into()));
            }
        }
        let letter = match self.field(map, "", "letter", false) {
            Some(_) if version < 2 => {
                self.error("letter", InputErrorKind::UnknownKey("letter".into()));
                Some(LetterFields::default())
            }
            Some(v) => self.letter(v, version),
            None => Some(LetterFields::default()),
        };
        let as_of = self.date(map, "", "as_of", false);
        let creditor = self
            .field(map, "", "creditor", true)
            .and_then(|v| self.creditor(v));
        let debtor = self
            .field(map, "", "debtor", true)
            .and_then(|v| self.debtor(v));
        let invoice_values = self.array(map, "invoices", true);
        if map
            .get("invoices")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            self.error("invoices", InputErrorKind::NoInvoice);
        }
        let invoices: Vec<Option<Invoice>> = invoice_values
            .iter()
            .enumerate()
            .map(|(i, v)| self.invoice(v, &format!("invoices[{i}]"), i))
            .collect();
        let payments: Vec<Option<Payment>> = self
            .array(map, "payments", false)
            .iter()
            .enumerate()
            .map(|(i, v)| self.payment(v, &format!("payments[{i}]")))
            .collect();
        let credit_notes: Vec<Option<CreditNote>> = self
            .array(map, "credit_notes", false)
            .iter()
            .enumerate()
            .map(|(i, v)| self.credit_note(v, &format!("credit_notes[{i}]")))
            .collect();
        let acknowledgments: Vec<Option<Acknowledgment>> = self
            .array(map, "acknowledgments", false)
            .iter()
            .enumerate()
            .map(|(i, v)| self.acknowledgment(v, &format!("acknowledgments[{i}]")))
            .collect();
        let rates = self.rates(map);
        let judgment = self.judgment(map);
        #[cfg(feature = "court")]
        let court = self.court(map);
        #[cfg(not(feature = "court"))]
        for key in ["pieces", "injunction", "insolvency"] {
            if map.contains_key(key) {
                self.error(
                    key,
                    InputErrorKind::NotInPage(
                        "des pièces, un tribunal ou une procédure collective",
                    ),
                );
            }
        }
        let strategy = self.strategy(map);
        let options = match self.field(map, "", "options", false) {
            Some(v) => self.options(v, version),
            None => Some(Options::default()),
        };

        // Invoice numbers must be unique, and referenced numbers must exist.
        let mut numbers = HashSet::new();
        for (i, invoice) in invoices.iter().enumerate() {
            if let Some(inv) = invoice {
                if !numbers.insert(inv.number.clone()) {
                    self.error(
                        &format!("invoices[{i}].number"),
                        InputErrorKind::DuplicateInvoice(inv.number.clone()),
                    );
                }
            }
        }
        let all_invoices_read = invoices.iter().all(Option::is_some);
        let references = payments
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                Some((
                    format!("payments[{i}].invoice"),
                    p.as_ref()?.invoice.clone()?,
                ))
            })
            .chain(credit_notes.iter().enumerate().filter_map(|(i, c)| {
                Some((
                    format!("credit_notes[{i}].invoice"),
                    c.as_ref()?.invoice.clone()?,
                ))
            }))
            .chain(acknowledgments.iter().enumerate().filter_map(|(i, a)| {
                Some((
                    format!("acknowledgments[{i}].invoice"),
                    a.as_ref()?.invoice.clone()?,
                ))
            }))
            .collect::<Vec<_>>();
        if all_invoices_read {
            for (path, number) in references {
                if !numbers.contains(&number) {
                    self.error(&path, InputErrorKind::UnknownInvoice(number));
                }
            }
            self.acknowledged_after_invoices(&invoices, &acknowledgments);
        }
        #[cfg(feature = "judgment")]
        if let Some(kind) = options
            .as_ref()
            .and_then(|o| capitalisation_after(o.capitalisation_from?, as_of?))
        {
            self.error("options.capitalisation_from", kind);
        }
        if let (Some(debtor), Some(options)) = (&debtor, &options) {
            for path in
                regulated_for_public_buyer(debtor.kind, options.rate.kind(), options.rate_period)
            {
                self.error(path, InputErrorKind::RegulatedForPublicBuyer);
            }
        }

        Some(Dossier {
            as_of,
            creditor: creditor?,
            debtor: debtor?,
            invoices: invoices.into_iter().collect::<Option<Vec<_>>>()?,
            payments: payments.into_iter().collect::<Option<Vec<_>>>()?,
            credit_notes: credit_notes.into_iter().collect::<Option<Vec<_>>>()?,
            acknowledgments: acknowledgments.into_iter().collect::<Option<Vec<_>>>()?,
            rates,
            judgment,
            options: options?,
            letter: letter?,
            strategy,
            #[cfg(feature = "court")]
            court,
        })
    }

    #[cfg(not(feature = "judgment"))]
    fn judgment(&mut self, map: &Obj) -> Option<Judgment> {
        if map.contains_key("judgment") {
            self.error("judgment", InputErrorKind::NotInPage("un jugement"));
        }
        None
    }

    /// The optional `judgment` section: `date` and `principal` required, `served` not before
    /// `date`, every sum positive or zero.
    #[cfg(feature = "judgment")]
    fn judgment(&mut self, map: &Obj) -> Option<Judgment> {
        let value = self.field(map, "", "judgment", false)?;
        let keys = [
            "date",
            "served",
            "principal",
            "interest_awarded",
            "article_700",
            "costs",
            "interest_from",
            "court",
            "reference",
        ];
        let path = "judgment";
        let j = self.object(value, path, &keys)?;
        let date = self.date(j, path, "date", true);
        let served = self.date(j, path, "served", false);
        let principal = self.positive_amount(j, path, "principal");
        let mut sum = |key: &str| self.amount(j, path, key, false).unwrap_or(Eur::ZERO);
        let (interest_awarded, article_700, costs) =
            (sum("interest_awarded"), sum("article_700"), sum("costs"));
        let interest_from = self.date(j, path, "interest_from", false);
        let court = self.string(j, path, "court").unwrap_or_default();
        let reference = self.string(j, path, "reference").unwrap_or_default();
        self.not_before(
            "judgment.served",
            date,
            served,
            InputErrorKind::ServedBeforeJudgment,
        );
        Some(Judgment {
            date: date?,
            served,
            principal: principal?,
            interest_awarded,
            article_700,
            costs,
            interest_from,
            court,
            reference,
        })
    }

    /// The court part of the file: the parties' details, `pieces`, `injunction` and
    /// `insolvency` (format version 3, refused in older files above).
    #[cfg(feature = "court")]
    fn court(&mut self, map: &Obj) -> Court {
        let details = |r: &mut Reader, path: &str| {
            let Some(Value::Object(party)) = map.get(path) else {
                return PartyDetails::default();
            };
            let mut text = |key: &str| r.string(party, path, key).unwrap_or_default();
            let (legal_form, rcs_city, registered_office) = (
                text("legal_form"),
                text("rcs_city"),
                text("registered_office"),
            );
            let (representative, representative_capacity) =
                (text("representative"), text("representative_capacity"));
            let (first_name, last_name) = (text("first_name"), text("last_name"));
            let (profession, nationality, birth_place) =
                (text("profession"), text("nationality"), text("birth_place"));
            let share_capital = r.amount(party, path, "share_capital", false);
            let birth_date = r.date(party, path, "birth_date", false);
            let civility = r.choice(party, path, "civility", false);
            PartyDetails {
                civility,
                legal_form,
                share_capital,
                rcs_city,
                registered_office,
                representative,
                representative_capacity,
                first_name,
                last_name,
                profession,
                nationality,
                birth_date,
                birth_place,
            }
        };
        let creditor = details(self, "creditor");
        let debtor = details(self, "debtor");
        let mut pieces = Vec::new();
        match self.field(map, "", "pieces", false) {
            Some(Value::Array(rows)) if rows.len() > MAX_PIECES => {
                let (what, max) = ("pièces", MAX_PIECES);
                self.error("pieces", InputErrorKind::TooMany { what, max });
            }
            Some(Value::Array(rows)) => {
                for (i, row) in rows.iter().enumerate() {
                    let path = format!("pieces[{i}]");
                    let Some(m) = self.object(row, &path, &["kind", "date", "title"]) else {
                        continue;
                    };
                    let kind = self.choice(m, &path, "kind", true);
                    let date = self.date(m, &path, "date", false);
                    let title = self.string(m, &path, "title").unwrap_or_default();
                    if title.is_empty() {
                        self.error(&join(&path, "title"), InputErrorKind::Missing);
                    }
                    if let Some(kind) = kind.filter(|_| !title.is_empty()) {
                        pieces.push(Piece { kind, date, title });
                    }
                }
            }
            Some(_) => {
                let expected = "une liste";
                self.error("pieces", InputErrorKind::WrongType { expected });
            }
            None => {}
        }
        let injunction = match self.field(map, "", "injunction", false) {
            Some(value) => {
                let keys = ["court_kind", "court", "court_address", "amicable_attempt"];
                match self.object(value, "injunction", &keys) {
                    Some(m) => {
                        let court_kind = self.choice(m, "injunction", "court_kind", false);
                        let mut text = |key| self.string(m, "injunction", key).unwrap_or_default();
                        Injunction {
                            court_kind,
                            court: text("court"),
                            court_address: text("court_address"),
                            amicable_attempt: text("amicable_attempt"),
                        }
                    }
                    None => Injunction::default(),
                }
            }
            None => Injunction::default(),
        };
        let insolvency = self.insolvency(map);
        Court {
            creditor,
            debtor,
            pieces,
            injunction,
            insolvency,
        }
    }

    /// `insolvency`: `procedure` and `opened` required, `published` not before `opened`.
    #[cfg(feature = "court")]
    fn insolvency(&mut self, map: &Obj) -> Option<Insolvency> {
        let value = self.field(map, "", "insolvency", false)?;
        let path = "insolvency";
        let keys = [
            "procedure",
            "opened",
            "published",
            "court",
            "representative",
            "security",
            "creditor_abroad",
            "pending_case",
        ];
        let m = self.object(value, path, &keys)?;
        let procedure = self.choice(m, path, "procedure", true);
        let opened = self.date(m, path, "opened", true);
        let published = self.date(m, path, "published", false);
        let court = self.string(m, path, "court").unwrap_or_default();
        let security = self.string(m, path, "security").unwrap_or_default();
        let pending_case = self.string(m, path, "pending_case").unwrap_or_default();
        let creditor_abroad = match self.field(m, path, "creditor_abroad", false) {
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                let expected = "vrai ou faux";
                self.error(
                    "insolvency.creditor_abroad",
                    InputErrorKind::WrongType { expected },
                );
                false
            }
            None => false,
        };
        let (mut representative_name, mut representative_address) = (String::new(), String::new());
        if let Some(r) = self.field(m, path, "representative", false) {
            let rpath = "insolvency.representative";
            if let Some(r) = self.object(r, rpath, &["name", "address"]) {
                representative_name = self.string(r, rpath, "name").unwrap_or_default();
                representative_address = self.string(r, rpath, "address").unwrap_or_default();
            }
        }
        self.not_before(
            "insolvency.published",
            opened,
            published,
            InputErrorKind::PublishedBeforeOpening,
        );
        Some(Insolvency {
            procedure: procedure?,
            opened: opened?,
            published,
            court,
            representative_name,
            representative_address,
            security,
            creditor_abroad,
            pending_case,
        })
    }

    #[cfg(not(feature = "user-rates"))]
    fn rates(&mut self, map: &Obj) -> UserRates {
        if map.contains_key("rates") {
            self.error(
                "rates",
                InputErrorKind::NotInPage("des taux saisis par l'utilisateur"),
            );
        }
        UserRates::default()
    }

    /// The optional `rates` section: `{"ecb": [{"from", "percent", "source"}], "legal":
    /// [{"semester": "2027-1", "particuliers", "autres_cas", "source"}]}`; every field required,
    /// one row per date or semester.
    #[cfg(feature = "user-rates")]
    fn rates(&mut self, map: &Obj) -> UserRates {
        let mut out = UserRates::default();
        let Some(section) = self.field(map, "", "rates", false) else {
            return out;
        };
        let Some(section) = self.object(section, "rates", &["ecb", "legal"]) else {
            return out;
        };
        let list = |r: &mut Reader, key: &str| -> Vec<(String, &Obj)> {
            let path = format!("rates.{key}");
            match r.field(section, "rates", key, false) {
                Some(Value::Array(rows)) if rows.len() > MAX_INVOICES => {
                    let what = "taux saisis";
                    let max = MAX_INVOICES;
                    r.error(&path, InputErrorKind::TooMany { what, max });
                    Vec::new()
                }
                Some(Value::Array(rows)) => rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| {
                        let row = format!("{path}[{i}]");
                        let keys: &[&str] = if key == "ecb" {
                            &["from", "percent", "source"]
                        } else {
                            &["semester", "particuliers", "autres_cas", "source"]
                        };
                        r.object(v, &row, keys).map(|m| (row, m))
                    })
                    .collect(),
                Some(_) => {
                    let expected = "une liste";
                    r.error(&path, InputErrorKind::WrongType { expected });
                    Vec::new()
                }
                None => Vec::new(),
            }
        };
        for (path, m) in list(self, "ecb") {
            let from = self.date(m, &path, "from", true);
            let percent = self.percent(m, &path, "percent");
            let source = self.source(m, &path);
            if let (Some(from), Some(percent), Some(source)) = (from, percent, source) {
                if out.ecb.iter().any(|r| r.from == from) {
                    let when = crate::fr::date(from);
                    self.error(&join(&path, "from"), InputErrorKind::DuplicateRate(when));
                    continue;
                }
                out.ecb.push(UserEcbRow {
                    from,
                    percent,
                    source,
                });
            }
        }
        for (path, m) in list(self, "legal") {
            let semester = self.semester(m, &path);
            let particuliers = self.percent(m, &path, "particuliers");
            let autres_cas = self.percent(m, &path, "autres_cas");
            let source = self.source(m, &path);
            if let (Some(semester), Some(particuliers), Some(autres_cas), Some(source)) =
                (semester, particuliers, autres_cas, source)
            {
                if out.legal.iter().any(|r| r.semester == semester) {
                    let when = semester_code(semester);
                    self.error(
                        &join(&path, "semester"),
                        InputErrorKind::DuplicateRate(when),
                    );
                    continue;
                }
                out.legal.push(UserLegalRow {
                    semester,
                    particuliers,
                    autres_cas,
                    source,
                });
            }
        }
        out
    }

    #[cfg(feature = "user-rates")]
    fn percent(&mut self, map: &Obj, path: &str, key: &str) -> Option<Percent> {
        let value = self.field(map, path, key, true)?;
        let raw = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => {
                let expected = "un pourcentage";
                self.error(&join(path, key), InputErrorKind::WrongType { expected });
                return None;
            }
        };
        parse_percent(&raw)
            .map_err(|e| self.error(&join(path, key), InputErrorKind::InvalidPercent(raw, e)))
            .ok()
    }

    #[cfg(feature = "user-rates")]
    /// The source of a rate the user entered: required, so that every figure says where it
    /// comes from.
    fn source(&mut self, map: &Obj, path: &str) -> Option<String> {
        let wrong_type = map
            .get("source")
            .is_some_and(|v| !(v.is_string() || v.is_number() || v.is_null()));
        let source = self.string(map, path, "source").filter(|s| !s.is_empty());
        if source.is_none() && !wrong_type {
            self.error(&join(path, "source"), InputErrorKind::Missing);
        }
        source
    }

    #[cfg(feature = "user-rates")]
    fn semester(&mut self, map: &Obj, path: &str) -> Option<NaiveDate> {
        let raw = self.string(map, path, "semester");
        let Some(raw) = raw else {
            if map.get("semester").is_none_or(Value::is_null) {
                self.error(&join(path, "semester"), InputErrorKind::Missing);
            }
            return None;
        };
        let parsed = semester(&raw);
        if parsed.is_none() {
            self.error(
                &join(path, "semester"),
                InputErrorKind::InvalidSemester(raw),
            );
        }
        parsed
    }

    /// The optional `strategy` section: `{"assumptions": {"fond.cost": "1200", …}}`.
    fn strategy(&mut self, map: &Obj) -> crate::strategy::Overrides {
        let mut out = crate::strategy::Overrides::new();
        let Some(section) = self.field(map, "", "strategy", false) else {
            return out;
        };
        let Some(section) = self.object(section, "strategy", &["assumptions"]) else {
            return out;
        };
        let Some(values) = self.field(section, "strategy", "assumptions", false) else {
            return out;
        };
        let Some(values) = values.as_object() else {
            self.error(
                "strategy.assumptions",
                InputErrorKind::WrongType {
                    expected: "un objet",
                },
            );
            return out;
        };
        for (id, value) in values {
            let path = format!("strategy.assumptions.{id}");
            if crate::strategy::params::slot(id).is_none() {
                self.error(&path, InputErrorKind::UnknownKey(id.clone()));
                continue;
            }
            let raw = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => {
                    self.error(
                        &path,
                        InputErrorKind::WrongType {
                            expected: "un nombre",
                        },
                    );
                    continue;
                }
            };
            match crate::strategy::params::parse_value(id, &raw) {
                Ok(v) => {
                    out.insert(id.clone(), v);
                }
                Err(reason) => self.error(&path, InputErrorKind::InvalidAssumption(reason)),
            }
        }
        out
    }

    fn integer(
        &mut self,
        map: &Obj,
        path: &str,
        key: &str,
        range: std::ops::RangeInclusive<u32>,
    ) -> Option<u32> {
        let value = self.field(map, path, key, false)?;
        let raw = match value {
            Value::String(s) => s.trim().to_owned(),
            other => crate::json_text::compact(other),
        };
        match raw.parse::<u32>() {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                let (min, max) = (*range.start(), *range.end());
                self.error(
                    &join(path, key),
                    InputErrorKind::InvalidInteger {
                        found: raw,
                        min,
                        max,
                    },
                );
                None
            }
        }
    }

    fn letter(&mut self, value: &Value, version: u64) -> Option<LetterFields> {
        let mut keys = vec![
            "place",
            "signatory",
            "capacity",
            "deadline_days",
            "sending",
            "tracking_number",
            "iban",
            "bic",
            "contract_reference",
            "reminders",
            "plan",
            "edits",
        ];
        // Version 3 added the terms-of-sale clause, the consumer mediator and the choice to keep
        // unverified rates marked.
        if version >= 3 {
            keys.extend([
                "terms_reference",
                "consumer_mediator",
                "show_unverified",
                "keep_prescribed",
            ]);
        }
        let path = "letter";
        let map = self.object(value, path, &keys)?;
        let d = LetterFields::default();
        let text = |r: &mut Reader, key: &str| r.string(map, path, key).unwrap_or_default();
        let iban = match self.string(map, path, "iban") {
            Some(raw) if !raw.is_empty() => crate::letter_fields::iban(&raw).unwrap_or_else(|| {
                self.error("letter.iban", InputErrorKind::InvalidIban(raw));
                String::new()
            }),
            _ => String::new(),
        };
        let reminders = match self.field(map, path, "reminders", false) {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let p = format!("letter.reminders[{i}]");
                    match v.as_str().map(date) {
                        Some(Ok(d)) => Some(d),
                        Some(Err(kind)) => {
                            self.error(&p, kind);
                            None
                        }
                        None => {
                            self.error(
                                &p,
                                InputErrorKind::WrongType {
                                    expected: "une date (texte)",
                                },
                            );
                            None
                        }
                    }
                })
                .collect(),
            Some(_) => {
                self.error(
                    "letter.reminders",
                    InputErrorKind::WrongType {
                        expected: "une liste de dates",
                    },
                );
                Vec::new()
            }
            None => Vec::new(),
        };
        let plan = match self.field(map, path, "plan", false) {
            Some(v) => match self.object(
                v,
                "letter.plan",
                &["instalments", "first_date", "interval_months", "total"],
            ) {
                Some(p) => crate::letter_fields::PlanFields {
                    instalments: self
                        .integer(p, "letter.plan", "instalments", PLAN_INSTALMENTS)
                        .unwrap_or(d.plan.instalments),
                    first_date: self.date(p, "letter.plan", "first_date", false),
                    interval_months: self
                        .integer(p, "letter.plan", "interval_months", PLAN_INTERVAL_MONTHS)
                        .unwrap_or(d.plan.interval_months),
                    total: self.amount(p, "letter.plan", "total", false),
                },
                None => d.plan.clone(),
            },
            None => d.plan.clone(),
        };
        let flag = |r: &mut Reader, key: &str| match r.field(map, path, key, false) {
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                r.error(
                    &format!("letter.{key}"),
                    InputErrorKind::WrongType {
                        expected: "true ou false",
                    },
                );
                false
            }
            None => false,
        };
        let show_unverified = flag(self, "show_unverified");
        let keep_prescribed = flag(self, "keep_prescribed");
        let edits = match self.field(map, path, "edits", false) {
            Some(Value::Object(m)) => {
                crate::order::map_of(m.iter().filter_map(|(k, v)| match v.as_str() {
                    Some(s) => Some((k.clone(), s.to_owned())),
                    None => {
                        self.error(
                            &format!("letter.edits.{k}"),
                            InputErrorKind::WrongType {
                                expected: "un texte",
                            },
                        );
                        None
                    }
                }))
            }
            Some(_) => {
                self.error(
                    "letter.edits",
                    InputErrorKind::WrongType {
                        expected: "un objet",
                    },
                );
                Default::default()
            }
            None => Default::default(),
        };
        Some(LetterFields {
            place: text(self, "place"),
            signatory: text(self, "signatory"),
            capacity: text(self, "capacity"),
            deadline_days: self
                .integer(map, path, "deadline_days", DEADLINE_DAYS)
                .unwrap_or(d.deadline_days),
            sending: self
                .choice(map, path, "sending", false)
                .unwrap_or(d.sending),
            tracking_number: text(self, "tracking_number"),
            iban,
            bic: text(self, "bic").to_ascii_uppercase(),
            contract_reference: text(self, "contract_reference"),
            terms_reference: text(self, "terms_reference"),
            consumer_mediator: text(self, "consumer_mediator"),
            show_unverified,
            keep_prescribed,
            reminders,
            plan,
            edits,
        })
    }

    fn identity(&mut self, map: &Obj, path: &str) -> Identity {
        let name = self.string(map, path, "name").unwrap_or_default();
        let address = self.string(map, path, "address").unwrap_or_default();
        let siren = match self.string(map, path, "siren") {
            Some(raw) if !raw.is_empty() => match siren(&raw) {
                Ok(digits) => digits,
                Err(kind) => {
                    self.error(&join(path, "siren"), kind);
                    String::new()
                }
            },
            _ => String::new(),
        };
        let email = match self.string(map, path, "email") {
            Some(raw) if !raw.is_empty() => email(&raw).unwrap_or_else(|kind| {
                self.error(&join(path, "email"), kind);
                String::new()
            }),
            _ => String::new(),
        };
        Identity {
            name,
            siren,
            address,
            email,
        }
    }

    fn creditor(&mut self, value: &Value) -> Option<Creditor> {
        let map = self.object(value, "creditor", PARTY_KEYS)?;
        let kind = self.choice(map, "creditor", "kind", true);
        let identity = self.identity(map, "creditor");
        Some(Creditor {
            kind: kind?,
            identity,
        })
    }

    fn debtor(&mut self, value: &Value) -> Option<Debtor> {
        let map = self.object(value, "debtor", PARTY_KEYS)?;
        let kind = self.choice(map, "debtor", "kind", true);
        let identity = self.identity(map, "debtor");
        Some(Debtor {
            kind: kind?,
            identity,
        })
    }

    fn invoice(&mut self, value: &Value, path: &str, index: usize) -> Option<Invoice> {
        let keys: &[&str] = if self.version >= 3 {
            &["number", "issued", "due", "amount", "delivered"]
        } else {
            &["number", "issued", "due", "amount"]
        };
        let map = self.object(value, path, keys)?;
        let number = self
            .string(map, path, "number")
            .filter(|n| !n.is_empty())
            .unwrap_or(format!("n°{}", index + 1));
        let issued = self.date(map, path, "issued", false);
        let due_assumed = map.get("due").is_none_or(Value::is_null) && issued.is_some();
        let due = if due_assumed {
            issued.and_then(payment_terms::default_due)
        } else {
            self.date(map, path, "due", true)
        };
        let amount = self.positive_amount(map, path, "amount");
        let delivered = self.date(map, path, "delivered", false);
        Some(Invoice {
            number,
            issued,
            due: due?,
            due_assumed,
            amount: amount?,
            delivered,
        })
    }

    fn acknowledgment(&mut self, value: &Value, path: &str) -> Option<Acknowledgment> {
        let map = self.object(value, path, &["date", "invoice"])?;
        let date = self.date(map, path, "date", true);
        let invoice = self.string(map, path, "invoice").filter(|s| !s.is_empty());
        Some(Acknowledgment {
            date: date?,
            invoice,
        })
    }

    /// An acknowledgment of one invoice dated before that invoice — the earlier of its delivery
    /// and its issue date — acknowledges nothing: a mistake in the date.
    fn acknowledged_after_invoices(
        &mut self,
        invoices: &[Option<Invoice>],
        acknowledgments: &[Option<Acknowledgment>],
    ) {
        for (i, a) in acknowledgments.iter().enumerate() {
            let Some(Acknowledgment {
                date,
                invoice: Some(number),
            }) = a
            else {
                continue;
            };
            let invoice = invoices.iter().flatten().find(|inv| &inv.number == number);
            if let Some(since) = invoice.and_then(|inv| earliest(inv.issued, inv.delivered)) {
                if *date < since {
                    self.error(
                        &format!("acknowledgments[{i}].date"),
                        InputErrorKind::BeforeInvoice {
                            invoice: number.clone(),
                            since,
                        },
                    );
                }
            }
        }
    }

    fn payment(&mut self, value: &Value, path: &str) -> Option<Payment> {
        let map = self.object(value, path, &["date", "amount", "invoice"])?;
        let date = self.date(map, path, "date", true);
        let amount = self.positive_amount(map, path, "amount");
        let invoice = self.string(map, path, "invoice").filter(|s| !s.is_empty());
        Some(Payment {
            date: date?,
            amount: amount?,
            invoice,
        })
    }

    fn credit_note(&mut self, value: &Value, path: &str) -> Option<CreditNote> {
        let map = self.object(value, path, &["date", "amount", "invoice"])?;
        let date = self.date(map, path, "date", false);
        let amount = self.positive_amount(map, path, "amount");
        let invoice = self.string(map, path, "invoice").filter(|s| !s.is_empty());
        Some(CreditNote {
            date,
            amount: amount?,
            invoice,
        })
    }

    fn options(&mut self, value: &Value, version: u64) -> Option<Options> {
        let keys = [
            "rate",
            "rate_period",
            "day_count",
            "imputation",
            "indemnity",
            "extra_costs",
            "formal_notice_date",
        ];
        // Version 3, feature `judgment`.
        #[cfg(feature = "judgment")]
        let with_capitalisation = [keys.as_slice(), &["capitalisation_from"]].concat();
        #[cfg(feature = "judgment")]
        let keys: &[&str] = if version >= 3 {
            &with_capitalisation
        } else {
            &keys
        };
        #[cfg(not(feature = "judgment"))]
        let keys: &[&str] = &keys;
        let map = self.object(value, "options", keys)?;
        let d = Options::default();
        let rate = match self.field(map, "options", "rate", false) {
            Some(v) => self.rate(v, version),
            None => Some(d.rate),
        };
        let rate_period = self
            .choice(map, "options", "rate_period", false)
            .unwrap_or(d.rate_period);
        let day_count = self
            .choice(map, "options", "day_count", false)
            .unwrap_or(d.day_count);
        let imputation = self
            .choice(map, "options", "imputation", false)
            .unwrap_or(d.imputation);
        let indemnity = match self.field(map, "options", "indemnity", false) {
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(
                    "options.indemnity",
                    InputErrorKind::WrongType {
                        expected: "true ou false",
                    },
                );
                d.indemnity
            }
            None => d.indemnity,
        };
        let extra_costs = self
            .amount(map, "options", "extra_costs", false)
            .unwrap_or(d.extra_costs);
        let formal_notice_date = self.date(map, "options", "formal_notice_date", false);
        #[cfg(feature = "judgment")]
        let capitalisation_from = if version >= 3 {
            self.date(map, "options", "capitalisation_from", false)
        } else {
            None
        };
        Some(Options {
            rate: rate?,
            rate_period,
            day_count,
            imputation,
            indemnity,
            extra_costs,
            formal_notice_date,
            #[cfg(feature = "judgment")]
            capitalisation_from,
        })
    }

    fn rate(&mut self, value: &Value, version: u64) -> Option<RateChoice> {
        let map = self.object(value, "options.rate", &["kind", "percent", "below_floor"])?;
        let kind: Option<RateKind> = self.choice(map, "options.rate", "kind", true);
        // Version 3 added `below_floor`; before it, a clause below the floor was applied as
        // agreed, and such a file keeps that meaning. Checked whatever the kind, though only a
        // contractual rate uses it.
        let below_floor = if version < 3 {
            if map.contains_key("below_floor") {
                self.error(
                    "options.rate.below_floor",
                    InputErrorKind::UnknownKey("below_floor".into()),
                );
            }
            BelowFloor::Contractual
        } else {
            self.choice(map, "options.rate", "below_floor", false)
                .unwrap_or(BelowFloor::Floor)
        };
        if kind? == RateKind::LegalDefault {
            if map.contains_key("percent") {
                self.error(
                    "options.rate.percent",
                    InputErrorKind::UnknownKey("percent".into()),
                );
            }
            return Some(RateChoice::LegalDefault);
        }
        let raw = match self.field(map, "options.rate", "percent", true)? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.error(
                    "options.rate.percent",
                    InputErrorKind::WrongType {
                        expected: "un pourcentage",
                    },
                );
                return None;
            }
        };
        match parse_percent(&raw) {
            Ok(percent) => Some(RateChoice::Contractual {
                percent,
                below_floor,
            }),
            Err(e) => {
                self.error(
                    "options.rate.percent",
                    InputErrorKind::InvalidPercent(raw, e),
                );
                None
            }
        }
    }
}

/// Percent accessor kept for symmetry with the amount helpers (used by the web form).
pub fn percent(raw: &str) -> Result<Percent, NumberError> {
    parse_percent(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// A value already read gives the dossier its text gives, and the same errors.
    #[test]
    fn a_value_read_is_checked_as_its_text() {
        let root = crate::json_text::read(crate::SEED_DOSSIER).unwrap();
        assert_eq!(
            dossier_of_value(&root).unwrap(),
            dossier(crate::SEED_DOSSIER).unwrap()
        );
        let bad = r#"{"version": 3, "invoices": [{"number": "F1", "amount": "abc"}]}"#;
        let from_value = dossier_of_value(&crate::json_text::read(bad).unwrap()).unwrap_err();
        assert!(!from_value.is_empty());
        assert_eq!(from_value, dossier(bad).unwrap_err());
    }

    fn errors(text: &str) -> Vec<String> {
        match dossier(text) {
            Ok(_) => vec![],
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    const MINIMAL: &str = r#"{"version":1,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
        "invoices":[{"due":"2022-04-03","amount":"24000.00"}]}"#;

    /// The page's build (none of the features `judgment`, `user-rates`, `court`): what it
    /// cannot read yet is refused by name, and the rest of the file is still read.
    #[cfg(not(any(feature = "judgment", feature = "user-rates", feature = "court")))]
    #[test]
    fn the_page_refuses_by_name_what_it_cannot_read_yet() {
        let text = r#"{"version":3,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
            "invoices":[{"number":"1","due":"2026-01-01","amount":"10"}],
            "judgment":{"date":"2025-01-01","principal":"10"},"rates":{"ecb":[]},
            "pieces":[],"injunction":{},"insolvency":null}"#;
        assert_eq!(
            errors(text),
            [
                "rates: ce dossier contient des taux saisis par l'utilisateur, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)",
                "judgment: ce dossier contient un jugement, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)",
                "pieces: ce dossier contient des pièces, un tribunal ou une procédure collective, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)",
                "injunction: ce dossier contient des pièces, un tribunal ou une procédure collective, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)",
                "insolvency: ce dossier contient des pièces, un tribunal ou une procédure collective, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)",
            ]
        );
    }

    #[test]
    fn minimal_dossier_gets_the_defaults() {
        let d = dossier(MINIMAL).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.options, Options::default());
        assert_eq!(d.invoices[0].number, "n°1");
        assert_eq!(d.as_of, None);
    }

    #[test]
    fn errors_name_the_field_in_french() {
        let text = r#"{"version":1,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
            "invoices":[{"due":"2022-04-03","amount":"1"},{"due":"2022-04-03","amount":"1"},
                        {"number":"F3","due":"31/02/2026","amount":"12,345"}]}"#;
        assert_eq!(
            errors(text),
            [
                "invoices[2].due: date invalide « 31/02/2026 »",
                "invoices[2].amount: montant invalide « 12,345 » (plus de deux décimales)",
            ]
        );
    }

    #[test]
    fn files_beyond_the_limits_are_refused_with_a_french_message() {
        let big = format!(
            "{{\"version\": 2, \"pad\": \"{}\"}}",
            "x".repeat(MAX_FILE_BYTES)
        );
        let errors = dossier(&big).expect_err("too large");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            crate::fr::input_error(&errors[0].kind),
            "fichier trop volumineux (6 Mo ; 5 Mo au plus) : rien n'a été importé"
        );

        let invoice = r#"{"number":"F","due":"2026-01-01","amount":"1"}"#;
        let many = format!(
            r#"{{"version":2,"creditor":{{"kind":"company"}},"debtor":{{"kind":"professional"}},"invoices":[{}]}}"#,
            vec![invoice; MAX_INVOICES + 1].join(",")
        );
        let errors = dossier(&many).expect_err("too many");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "invoices");
        assert_eq!(
            crate::fr::input_error(&errors[0].kind),
            "trop de factures (plus de 2 000 dans un même dossier) : rien n'a été importé"
        );
    }

    /// A file of exactly `MAX_FILE_BYTES` is still read; one byte more is refused unread.
    #[test]
    fn the_size_limit_is_inclusive() {
        let padded = |len: usize| format!("{MINIMAL}{}", " ".repeat(len - MINIMAL.len()));
        assert!(dossier(&padded(MAX_FILE_BYTES)).is_ok());
        let errors = dossier(&padded(MAX_FILE_BYTES + 1)).expect_err("too large");
        assert_eq!(
            errors[0].kind,
            InputErrorKind::FileTooLarge {
                bytes: MAX_FILE_BYTES + 1,
                max: MAX_FILE_BYTES
            }
        );
    }

    /// Each list has its own limit and its own word: 2 000 invoices (or credit notes) and
    /// 20 000 payments are read; one more is refused.
    #[test]
    fn row_limits_per_list() {
        let file = |invoices: usize, payments: usize, credit_notes: usize| {
            let invoices: Vec<String> = (0..invoices)
                .map(|i| format!(r#"{{"number":"F{i}","due":"2026-01-01","amount":"1"}}"#))
                .collect();
            let payment = r#"{"date":"2026-02-01","amount":"1"}"#;
            format!(
                r#"{{"version":2,"creditor":{{"kind":"company"}},"debtor":{{"kind":"professional"}},
                    "invoices":[{}],"payments":[{}],"credit_notes":[{}]}}"#,
                invoices.join(","),
                vec![payment; payments].join(","),
                vec![payment; credit_notes].join(",")
            )
        };
        let d = dossier(&file(MAX_INVOICES, MAX_PAYMENTS, MAX_INVOICES)).unwrap();
        assert_eq!(
            (d.invoices.len(), d.payments.len(), d.credit_notes.len()),
            (2_000, 20_000, 2_000)
        );
        assert_eq!(
            errors(&file(1, MAX_PAYMENTS + 1, 0)),
            ["payments: trop de paiements (plus de 20 000 dans un même dossier) : rien n'a été importé"]
        );
        assert_eq!(
            errors(&file(1, 0, MAX_INVOICES + 1)),
            ["credit_notes: trop d'avoirs (plus de 2 000 dans un même dossier) : rien n'a été importé"]
        );
    }

    /// A number written as a JSON number (`42`) is read as the text `42`, for an invoice as
    /// for a payment naming it.
    #[test]
    fn invoice_numbers_may_be_json_numbers() {
        let text = r#"{"version":2,"creditor":{"kind":"company","name":2024},"debtor":{"kind":"professional"},
            "invoices":[{"number":42,"due":"2026-01-01","amount":"100"}],
            "payments":[{"date":"2026-02-01","amount":"10","invoice":42}]}"#;
        let d = dossier(text).unwrap();
        assert_eq!(d.invoices[0].number, "42");
        assert_eq!(d.payments[0].invoice.as_deref(), Some("42"));
        assert_eq!(d.creditor.identity.name, "2024");
        let text = text.replace("\"number\":42", "\"number\":[42]");
        // The invoice is then "n°1", which the payment does not name.
        assert_eq!(
            errors(&text),
            [
                "invoices[0].number: type incorrect (attendu : un texte)",
                "payments[0].invoice: facture inconnue « 42 »"
            ]
        );
    }

    /// An empty SIREN or e-mail is no SIREN or e-mail, not a bad one.
    #[test]
    fn empty_identity_fields_are_absent() {
        let text = MINIMAL.replace(
            r#"{"kind":"company"}"#,
            r#"{"kind":"company","siren":" ","email":""}"#,
        );
        let d = dossier(&text).unwrap();
        assert_eq!(d.creditor.identity, Identity::default());
    }

    /// Strategy assumptions are read by id, from a text or a JSON number; an unknown id, a
    /// value of another type or out of range is named.
    #[test]
    fn strategy_assumptions_by_id() {
        let with = |assumptions: &str| {
            MINIMAL.replace(
                "\"invoices\"",
                &format!(r#""strategy":{{"assumptions":{assumptions}}},"invoices""#),
            )
        };
        let d = dossier(&with(r#"{"fond.cost":1200,"global.hourly_rate":"55,5"}"#)).unwrap();
        assert_eq!(d.strategy.get("fond.cost"), Some(&Decimal::from(1200)));
        assert_eq!(
            d.strategy.get("global.hourly_rate"),
            Some(&Decimal::new(555, 1))
        );
        assert_eq!(
            errors(&with(
                r#"{"fond.colour":"1","fond.cost":true,"fond.success":"150"}"#
            )),
            [
                "strategy.assumptions.fond.colour: clé inconnue « fond.colour »",
                "strategy.assumptions.fond.cost: type incorrect (attendu : un nombre)",
                "strategy.assumptions.fond.success: attendu : un pourcentage entre 0 et 100",
            ]
        );
    }

    /// A contractual rate may be a JSON number (`12.5`) or a text (`"12,5"`); another type, a
    /// missing percent, or a percent beside the legal default rate is named.
    #[test]
    fn contractual_rate_spellings() {
        let with = |rate: &str| {
            MINIMAL.replace(
                "\"invoices\"",
                &format!(r#""options":{{"rate":{rate}}},"invoices""#),
            )
        };
        let d = dossier(&with(r#"{"kind":"contractual","percent":12.5}"#)).unwrap();
        assert_eq!(
            d.options.rate,
            RateChoice::Contractual {
                percent: parse_percent("12.5").unwrap(),
                below_floor: BelowFloor::Contractual
            }
        );
        assert_eq!(
            errors(&with(r#"{"kind":"contractual","percent":true}"#)),
            ["options.rate.percent: type incorrect (attendu : un pourcentage)"]
        );
        assert_eq!(
            errors(&with(r#"{"kind":"contractual"}"#)),
            ["options.rate.percent: champ obligatoire manquant"]
        );
        assert_eq!(
            errors(&with(r#"{"kind":"contractual","percent":"101"}"#)),
            ["options.rate.percent: taux invalide « 101 » (plus de 100 %)"]
        );
        assert_eq!(
            errors(&with(r#"{"kind":"legal_default","percent":"8"}"#)),
            ["options.rate.percent: clé inconnue « percent »"]
        );
    }

    /// C. com. L441-10 floor: version 3 reads `below_floor` (default `floor`); versions 1 and
    /// 2 never had it and keep their meaning, the clause's rate as agreed, so a file written
    /// back as version 3 says `contractual` and still computes the same.
    #[test]
    fn below_floor_by_version() {
        let file = |version: u32, rate: &str| {
            MINIMAL
                .replace("\"version\":1", &format!("\"version\":{version}"))
                .replace(
                    "\"invoices\"",
                    &format!(r#""options":{{"rate":{rate}}},"invoices""#),
                )
        };
        let below_floor = |text: &str| match dossier(text).map(|d| d.options.rate) {
            Ok(RateChoice::Contractual { below_floor, .. }) => Ok(below_floor),
            other => Err(format!("{other:?}")),
        };
        let plain = r#"{"kind":"contractual","percent":"9,5"}"#;
        for version in [1, 2] {
            assert_eq!(
                below_floor(&file(version, plain)),
                Ok(BelowFloor::Contractual),
                "version {version}"
            );
            let d = dossier(&file(version, plain)).unwrap();
            let written = d.to_json();
            assert!(written.contains("\"version\": 3"), "{written}");
            assert!(
                written.contains("\"below_floor\": \"contractual\""),
                "{written}"
            );
            assert_eq!(dossier(&written), Ok(d));
        }
        assert_eq!(below_floor(&file(3, plain)), Ok(BelowFloor::Floor));
        for (code, want) in [
            ("floor", BelowFloor::Floor),
            ("contractual", BelowFloor::Contractual),
            ("default", BelowFloor::LegalDefault),
        ] {
            let rate =
                format!(r#"{{"kind":"contractual","percent":"9,5","below_floor":"{code}"}}"#);
            assert_eq!(below_floor(&file(3, &rate)), Ok(want), "{code}");
            let d = dossier(&file(3, &rate)).unwrap();
            assert_eq!(dossier(&d.to_json()), Ok(d), "{code}");
        }
        // An unknown code is named with the allowed ones, for the legal default rate too
        // (which ignores a valid one).
        let unknown = r#"{"kind":"contractual","percent":"9,5","below_floor":"plancher"}"#;
        let message = "options.rate.below_floor: valeur « plancher » non reconnue (attendu : floor, contractual, default)";
        assert_eq!(errors(&file(3, unknown)), [message]);
        let legal = r#"{"kind":"legal_default","below_floor":"plancher"}"#;
        assert_eq!(errors(&file(3, legal)), [message]);
        let legal = r#"{"kind":"legal_default","below_floor":"default"}"#;
        assert_eq!(
            dossier(&file(3, legal)).map(|d| d.options.rate),
            Ok(RateChoice::LegalDefault)
        );
        // Versions 1 and 2 did not know the key.
        let explicit = r#"{"kind":"contractual","percent":"9,5","below_floor":"floor"}"#;
        for version in [1, 2] {
            assert_eq!(
                errors(&file(version, explicit)),
                ["options.rate.below_floor: clé inconnue « below_floor »"],
                "version {version}"
            );
        }
    }

    #[test]
    fn unknown_keys_and_bad_choices_are_named() {
        let text = r#"{"version":1,"creditor":{"kind":"firm","colour":"red"},"debtor":{"kind":"professional"},
            "invoices":[{"due":"2022-04-03","amount":"1"}],"options":{"day_count":"360"}}"#;
        assert_eq!(
            errors(text),
            [
                "creditor.colour: clé inconnue « colour »",
                "creditor.kind: valeur « firm » non reconnue (attendu : company, individual_professional, individual_private)",
                "options.day_count: valeur « 360 » non reconnue (attendu : 365, actual)",
            ]
        );
    }

    #[test]
    fn references_and_duplicates_are_checked() {
        let text = r#"{"version":1,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
            "invoices":[{"number":"A","due":"2022-04-03","amount":"1"},{"number":"A","due":"2022-04-03","amount":"1"}],
            "payments":[{"date":"2022-05-01","amount":1,"invoice":"B"}]}"#;
        assert_eq!(
            errors(text),
            [
                "invoices[1].number: numéro de facture en double « A »",
                "payments[0].invoice: facture inconnue « B »",
            ]
        );
    }

    #[test]
    fn syntax_and_version_errors() {
        assert_eq!(errors("{"), ["fichier JSON illisible (ligne 1, colonne 1)"]);
        assert_eq!(errors("[]"), ["type incorrect (attendu : un objet)"]);
        let v4 = MINIMAL.replace("\"version\":1", "\"version\":4");
        assert_eq!(
            errors(&v4),
            ["version: version de format non prise en charge « 4 » (attendu : 1 à 3)"]
        );
    }

    #[test]
    fn numbers_and_french_spellings_are_accepted() {
        let text = r#"{"version":1,"creditor":{"kind":"company","siren":"732 829 320"},"debtor":{"kind":"consumer"},
            "invoices":[{"issued":"04/03/2022","amount":24000.5}],
            "options":{"rate":{"kind":"contractual","percent":"12,5"},"formal_notice_date":"2022-05-02"}}"#;
        let d = dossier(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.invoices[0].due, crate::calendar::ymd(2022, 4, 3));
        assert_eq!(d.invoices[0].amount.get().to_string(), "24000.50");
        assert_eq!(d.creditor.identity.siren, "732829320");
        assert!(
            matches!(d.options.rate, RateChoice::Contractual { percent, .. } if percent.get().to_string() == "12.5")
        );
    }

    #[test]
    fn a_leading_byte_order_mark_is_ignored() {
        assert!(dossier(&format!("\u{feff}{MINIMAL}")).is_ok());
    }

    #[test]
    fn version_2_letter_section_round_trips_and_is_checked() {
        let text = MINIMAL.replace("\"version\":1", "\"version\":2").replace(
            "\"invoices\"",
            r#""letter":{"place":"Lyon","signatory":"Claire Durand","capacity":"Gérante","deadline_days":15,
                "sending":"lre","tracking_number":"LRE-42","iban":"FR76 3000 6000 0112 3456 7890 189","bic":"agrifrpp",
                "contract_reference":"Devis D-12","reminders":["01/10/2026","2026-10-15"],
                "plan":{"instalments":4,"first_date":"2026-12-15","interval_months":1,"total":"1 000,00"},
                "edits":{"intro":"Texte revu."}},"invoices""#,
        );
        let d = dossier(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.letter.iban, "FR7630006000011234567890189");
        assert_eq!(d.letter.bic, "AGRIFRPP");
        assert_eq!(d.letter.reminders.len(), 2);
        assert_eq!(d.letter.plan.instalments, 4);
        assert_eq!(
            d.letter.edits.get("intro").map(String::as_str),
            Some("Texte revu.")
        );
        assert_eq!(dossier(&d.to_json()), Ok(d));

        let bad = text
            .replace("189\"", "188\"")
            .replace("\"deadline_days\":15", "\"deadline_days\":0");
        assert_eq!(
            errors(&bad),
            [
                "letter.iban: IBAN invalide « FR76 3000 6000 0112 3456 7890 188 » (clé de contrôle)",
                "letter.deadline_days: nombre entier attendu entre 1 et 90, pas « 0 »",
            ]
        );
        // A version-1 file has no letter section.
        let v1 = text.replace("\"version\":2", "\"version\":1");
        assert_eq!(errors(&v1), ["letter: clé inconnue « letter »"]);
    }

    /// Version 3 adds to the letter the terms-of-sale clause, the consumer mediator and the
    /// choice to keep unverified rates marked; a version-2 file does not know them.
    #[test]
    fn version_3_letter_keys() {
        let text = MINIMAL.replace("\"version\":1", "\"version\":3").replace(
            "\"invoices\"",
            r#""letter":{"signatory":"Claire Durand","terms_reference":"article 9 des CGV",
                "consumer_mediator":"CM2C","keep_prescribed":true,"show_unverified":true},"invoices""#,
        );
        let d = dossier(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.letter.terms_reference, "article 9 des CGV");
        assert_eq!(d.letter.consumer_mediator, "CM2C");
        assert!(d.letter.show_unverified);
        assert!(d.letter.keep_prescribed);
        assert_eq!(dossier(&d.to_json()), Ok(d));
        assert_eq!(
            errors(&text.replace("true}", "\"oui\"}")),
            ["letter.show_unverified: type incorrect (attendu : true ou false)"]
        );
        let v2 = text.replace("\"version\":3", "\"version\":2");
        assert_eq!(
            errors(&v2),
            [
                "letter.consumer_mediator: clé inconnue « consumer_mediator »",
                "letter.keep_prescribed: clé inconnue « keep_prescribed »",
                "letter.show_unverified: clé inconnue « show_unverified »",
                "letter.terms_reference: clé inconnue « terms_reference »"
            ]
        );
    }

    /// An e-mail address needs a name, `@`, a domain with a dot and no blank.
    #[test]
    fn email_shape() {
        assert_eq!(email("compta@atelier.fr"), Ok("compta@atelier.fr".into()));
        for bad in [
            "@atelier.fr",
            "compta@atelier",
            "compta.atelier.fr",
            "com pta@atelier.fr",
        ] {
            assert_eq!(email(bad), Err(InputErrorKind::InvalidEmail(bad.into())));
        }
        let text = MINIMAL.replace(
            r#"{"kind":"company"}"#,
            r#"{"kind":"company","email":" a@b.fr "}"#,
        );
        let d = dossier(&text).unwrap();
        assert_eq!(d.creditor.identity.email, "a@b.fr");
        let text = MINIMAL.replace(
            r#"{"kind":"professional"}"#,
            r#"{"kind":"professional","email":"a@b"}"#,
        );
        assert_eq!(
            errors(&text),
            ["debtor.email: adresse e-mail invalide « a@b »"]
        );
    }

    #[test]
    fn siren_check_digit() {
        assert!(siren("732 829 320").is_ok());
        assert!(siren("732829321").is_err());
        assert!(siren("12345678").is_err());
    }

    #[test]
    fn round_trip_through_json() {
        let text = r#"{"version":1,"as_of":"2026-11-22","creditor":{"kind":"individual_private","name":"Ana"},
            "debtor":{"kind":"consumer","name":"Bob","address":"1 rue X"},
            "invoices":[{"number":"F1","issued":"2024-01-01","due":"2024-01-31","amount":"100"}],
            "payments":[{"date":"2024-03-01","amount":"10"}],
            "credit_notes":[{"amount":"5","invoice":"F1"}],
            "options":{"rate":{"kind":"contractual","percent":"15"},"rate_period":"frozen_at_due_date","day_count":"actual",
                       "imputation":"principal_first","indemnity":false,"extra_costs":"12.5","formal_notice_date":"2024-02-01"}}"#;
        let d = dossier(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(dossier(&d.to_json()), Ok(d));
    }
}
