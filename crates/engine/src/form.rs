//! The form layer for the web app: what the user typed, as strings, field by field
//! ([`Form`]), and its reading into a [`Dossier`] plus one French message per bad field
//! ([`check`]). A bad field never blocks the others: invalid rows are left out of the
//! computation and listed, everything valid is computed.
//!
//! `Form` is also what the browser saves (`Form::to_json` / `Form::from_json`), so a reload
//! restores exactly what was typed, mistakes included.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::json_text::json;

use crate::calendar::add_days;
use crate::codes::Coded;
use crate::dossier::*;
use crate::law::payment_terms;
use crate::letter_blanks::Blank;
use crate::letter_fields::{
    LetterFields, PlanFields, Sending, DEADLINE_DAYS, PLAN_INSTALMENTS, PLAN_INTERVAL_MONTHS,
};
use crate::money::{parse_amount, parse_percent, Eur};
use crate::order::map_of;
use crate::parse::{self, InputErrorKind};

/// Payment-terms choices offered next to the issue date.
pub const TERMS: [(&str, &str); 6] = [
    ("30", "30 jours"),
    ("45fdm", "45 jours fin de mois"),
    ("60", "60 jours"),
    ("custom", "date d'échéance saisie"),
    // No term agreed: 30 days by law (L441-10 I; R2192-10 for a public buyer), flagged.
    ("legal", "non convenus (30 jours, par la loi)"),
    // 50 days: a public health establishment's legal term (C. commande publique).
    ("50", "50 jours"),
];

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Form {
    /// "Calculer au" (ISO or JJ/MM/AAAA); empty means today, chosen by the caller.
    pub as_of: String,
    pub creditor: PartyForm,
    pub debtor: PartyForm,
    pub invoices: Vec<InvoiceForm>,
    pub payments: Vec<PaymentForm>,
    pub credit_notes: Vec<PaymentForm>,
    /// Written acknowledgments of the debt: a date and, optionally, the invoice (no amount).
    pub acknowledgments: Vec<PaymentForm>,
    /// ECB rates the user adds: `when` is the date of the change.
    pub ecb_rates: Vec<RateForm>,
    /// Legal rates the user adds: `when` is the semester (`2027-1`), `percent` the
    /// « particuliers » rate, `other` the « autres cas » one.
    pub legal_rates: Vec<RateForm>,
    /// The « Jugement » part (issue 13): all empty when there is no judgment.
    pub judgment: JudgmentForm,
    /// The court part (issue 14), by dossier path (`debtor.legal_form`, `injunction.court`,
    /// `insolvency.opened`, `insolvency.representative.name`; `insolvency.creditor_abroad` is
    /// `true` or empty), as typed.
    pub court: BTreeMap<String, String>,
    /// The documents the creditor holds (issue 14), in the user's order.
    pub pieces: Vec<PieceForm>,
    pub options: OptionsForm,
    pub letter: LetterForm,
    /// Strategy assumptions the user changed, as typed, by parameter id (`fond.cost`).
    pub strategy: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PartyForm {
    pub name: String,
    /// Creditor: `company`, `individual_professional`, `individual_private`;
    /// debtor: `professional`, `consumer`. Empty = the first of these.
    pub kind: String,
    pub siren: String,
    pub address: String,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct InvoiceForm {
    pub number: String,
    pub issued: String,
    /// One of the [`TERMS`] codes; `custom` (or empty) means `due` is typed.
    pub terms: String,
    pub due: String,
    pub amount: String,
    /// Delivery of the goods or end of the service (optional).
    pub delivered: String,
}

/// A rate the user adds to the shipped tables, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RateForm {
    pub when: String,
    pub percent: String,
    pub other: String,
    pub source: String,
}

/// A judgment (or an injonction de payer made enforceable), as typed: `date` and `principal`
/// required once anything is typed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct JudgmentForm {
    pub date: String,
    pub served: String,
    pub principal: String,
    pub interest_awarded: String,
    pub article_700: String,
    pub costs: String,
    pub interest_from: String,
    pub court: String,
    pub reference: String,
}

impl JudgmentForm {
    /// Its fields with their dossier keys (`judgment.served`), in the form's order.
    pub fn fields(&self) -> [(&'static str, &String); 9] {
        [
            ("date", &self.date),
            ("served", &self.served),
            ("principal", &self.principal),
            ("interest_awarded", &self.interest_awarded),
            ("article_700", &self.article_700),
            ("costs", &self.costs),
            ("interest_from", &self.interest_from),
            ("court", &self.court),
            ("reference", &self.reference),
        ]
    }

    /// The field of dossier key `key`, to edit.
    pub fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "date" => &mut self.date,
            "served" => &mut self.served,
            "principal" => &mut self.principal,
            "interest_awarded" => &mut self.interest_awarded,
            "article_700" => &mut self.article_700,
            "costs" => &mut self.costs,
            "interest_from" => &mut self.interest_from,
            "court" => &mut self.court,
            "reference" => &mut self.reference,
            _ => return None,
        })
    }
}

/// A document the creditor holds, as typed: `kind` is a `PieceKind` code.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PieceForm {
    pub kind: String,
    pub date: String,
    pub title: String,
}

/// A payment, a credit note, or an acknowledgment of debt (whose amount stays empty).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PaymentForm {
    pub date: String,
    pub amount: String,
    /// Invoice number, or empty to let the imputation rules choose.
    pub invoice: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsForm {
    /// `legal_default` or `contractual`.
    pub rate_kind: String,
    pub rate_percent: String,
    /// What applies where the contractual rate is below the legal floor (C. com. L441-10):
    /// `floor`, `contractual` or `default`; read with a contractual rate only.
    pub below_floor: String,
    /// `semester` or `frozen_at_due_date`.
    pub rate_period: String,
    /// `365` or `actual`.
    pub day_count: String,
    /// `interest_first` or `principal_first`.
    pub imputation: String,
    pub indemnity: bool,
    pub extra_costs: String,
    pub formal_notice_date: String,
    /// The day capitalisation was asked in court or agreed (C. civ. 1343-2); empty = none.
    pub capitalisation_from: String,
}

impl Default for OptionsForm {
    fn default() -> OptionsForm {
        OptionsForm {
            rate_kind: "legal_default".into(),
            rate_percent: String::new(),
            below_floor: BelowFloor::Floor.code().into(),
            rate_period: "semester".into(),
            day_count: "365".into(),
            imputation: "interest_first".into(),
            indemnity: true,
            extra_costs: String::new(),
            formal_notice_date: String::new(),
            capitalisation_from: String::new(),
        }
    }
}

/// The letter step, as typed. `kind` and `annex` are choices of the page; the other fields
/// become the dossier's [`LetterFields`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterForm {
    /// Letter kind code (`relance`, `mise-en-demeure`, `echeancier`); empty = mise en demeure.
    pub kind: String,
    pub place: String,
    pub signatory: String,
    pub capacity: String,
    pub deadline_days: String,
    /// `lrar`, `lre`, `email` or `letter`.
    pub sending: String,
    pub tracking_number: String,
    pub iban: String,
    pub bic: String,
    pub contract_reference: String,
    pub terms_reference: String,
    pub consumer_mediator: String,
    /// Keep unverified rates marked « non vérifié » in the letter.
    pub show_unverified: bool,
    /// Keep in the letter the invoices that seem prescribed.
    pub keep_prescribed: bool,
    /// Dates of earlier reminders, separated by commas, semicolons or new lines.
    pub reminders: String,
    pub plan_instalments: String,
    pub plan_first_date: String,
    pub plan_interval_months: String,
    /// Empty = the total due.
    pub plan_total: String,
    /// Attach the décompte as an annex.
    pub annex: bool,
    /// Paragraph id → the user's text.
    pub edits: BTreeMap<String, String>,
}

impl Default for LetterForm {
    fn default() -> LetterForm {
        LetterForm {
            kind: String::new(),
            place: String::new(),
            signatory: String::new(),
            capacity: String::new(),
            deadline_days: "8".into(),
            sending: "lrar".into(),
            tracking_number: String::new(),
            iban: String::new(),
            bic: String::new(),
            contract_reference: String::new(),
            terms_reference: String::new(),
            consumer_mediator: String::new(),
            show_unverified: false,
            keep_prescribed: false,
            reminders: String::new(),
            plan_instalments: "3".into(),
            plan_first_date: String::new(),
            plan_interval_months: "1".into(),
            plan_total: String::new(),
            annex: true,
            edits: BTreeMap::new(),
        }
    }
}

/// Reads the letter step; errors go to `errors` with `letter.` paths.
pub fn check_letter(f: &LetterForm, errors: &mut Vec<FieldError>) -> LetterFields {
    let mut err = |field: &str, kind: InputErrorKind| {
        errors.push(FieldError {
            field: field.to_owned(),
            message: crate::fr::input_error(&kind),
        });
    };
    let d = LetterFields::default();
    let mut integer =
        |field: &str, raw: &str, range: std::ops::RangeInclusive<u32>, default: u32| {
            let raw = raw.trim();
            if raw.is_empty() {
                return default;
            }
            match raw.parse::<u32>() {
                Ok(n) if range.contains(&n) => n,
                _ => {
                    let (min, max) = (*range.start(), *range.end());
                    err(
                        field,
                        InputErrorKind::InvalidInteger {
                            found: raw.to_owned(),
                            min,
                            max,
                        },
                    );
                    default
                }
            }
        };
    let deadline_days = integer(
        "letter.deadline_days",
        &f.deadline_days,
        DEADLINE_DAYS,
        d.deadline_days,
    );
    let instalments = integer(
        "letter.plan.instalments",
        &f.plan_instalments,
        PLAN_INSTALMENTS,
        d.plan.instalments,
    );
    let interval_months = integer(
        "letter.plan.interval_months",
        &f.plan_interval_months,
        PLAN_INTERVAL_MONTHS,
        d.plan.interval_months,
    );
    let mut err = |field: &str, kind: InputErrorKind| {
        errors.push(FieldError {
            field: field.to_owned(),
            message: crate::fr::input_error(&kind),
        });
    };
    let iban = match f.iban.trim() {
        "" => String::new(),
        raw => crate::letter_fields::iban(raw).unwrap_or_else(|| {
            err("letter.iban", InputErrorKind::InvalidIban(raw.to_owned()));
            String::new()
        }),
    };
    let mut reminders = Vec::new();
    for raw in f
        .reminders
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        match parse::typed_date(raw) {
            Ok(d) => reminders.push(d),
            Err(kind) => err("letter.reminders", kind),
        }
    }
    let first_date = match f.plan_first_date.trim() {
        "" => None,
        raw => parse::typed_date(raw)
            .map_err(|kind| err("letter.plan.first_date", kind))
            .ok(),
    };
    let total = match f.plan_total.trim() {
        "" => None,
        raw => parse_amount(raw)
            .map_err(|e| {
                err(
                    "letter.plan.total",
                    InputErrorKind::InvalidAmount(raw.to_owned(), e),
                )
            })
            .ok(),
    };
    LetterFields {
        place: f.place.trim().to_owned(),
        signatory: f.signatory.trim().to_owned(),
        capacity: f.capacity.trim().to_owned(),
        deadline_days,
        sending: Sending::from_code(&f.sending).unwrap_or(Sending::Lrar),
        tracking_number: f.tracking_number.trim().to_owned(),
        iban,
        bic: f.bic.trim().to_ascii_uppercase(),
        contract_reference: f.contract_reference.trim().to_owned(),
        terms_reference: f.terms_reference.trim().to_owned(),
        consumer_mediator: f.consumer_mediator.trim().to_owned(),
        show_unverified: f.show_unverified,
        keep_prescribed: f.keep_prescribed,
        reminders,
        plan: PlanFields {
            instalments,
            first_date,
            interval_months,
            total,
        },
        edits: f.edits.clone(),
    }
}

/// A French message for one field, addressed like the dossier file: `invoices[2].amount`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The outcome of reading a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Everything valid; `None` only when nothing can be computed (no valid invoice).
    pub dossier: Option<Dossier>,
    /// The calculation date typed, if valid (`None` when empty or invalid).
    pub as_of: Option<NaiveDate>,
    pub errors: Vec<FieldError>,
    /// The invoices computed without a number (by form index): the décompte calls them « n°1 »,
    /// a letter cannot.
    pub unnumbered: Vec<usize>,
}

impl Checked {
    /// Everything a letter on `c` still needs (`letter_blanks::before_letter`), and the number
    /// of each invoice typed without one.
    pub fn letter_missing(&self, c: &crate::compute::Computation) -> Vec<Blank> {
        let Some(d) = &self.dossier else {
            return Vec::new();
        };
        let mut blanks = crate::letter_blanks::before_letter(d, c);
        // One invoice: « la facture » is enough; several: which row.
        let one = d.invoices.len() == 1;
        blanks.extend(self.unnumbered.iter().map(|i| Blank {
            path: format!("invoices[{i}].number"),
            what: if one {
                "le numéro de la facture".to_owned()
            } else {
                format!("le numéro de la facture de la ligne {}", i + 1)
            },
        }));
        blanks
    }

    /// Whether `field` (a dossier path) is a blank a letter cannot be sent with; nothing is,
    /// while nothing is computed.
    pub fn letter_blank(&self, field: &str) -> bool {
        self.dossier.as_ref().is_some_and(|d| {
            crate::letter_blanks::missing(d)
                .iter()
                .any(|b| b.path == field)
        }) || self
            .unnumbered
            .iter()
            .any(|i| field == format!("invoices[{i}].number"))
    }

    /// The errors that leave something out of the figures (rows, options, the calculation
    /// date, a party's kind), not a name, an address or the letter's own fields: while there is
    /// one, the total and the décompte are those of the valid rows only.
    pub fn figure_errors(&self) -> impl Iterator<Item = &FieldError> {
        self.errors.iter().filter(|e| {
            let f = e.field.as_str();
            let party = f.starts_with("creditor.") || f.starts_with("debtor.");
            !(f.starts_with("letter.")
                || f.starts_with("strategy.")
                || party && !f.ends_with(".kind"))
        })
    }

    /// The message for `field`, if it has one.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// A date being typed on a numeric keypad, which has no « / »: after the day's and the month's
/// two digits, the slash is added (`15` → `15/`, `15/03` → `15/03/`); a separator typed right
/// after an added slash is dropped (`15//`, `15/.`, `15/-` → `15/`, for a keyboard that has
/// them); a « month » above 12 is a year typed first (`20/26` → `2026`: ISO, `2026-03-15`);
/// anything else is left as typed.
pub fn date_typing(typed: &str) -> Option<String> {
    // A separator typed right after an added slash stands for it: `15/.` → `15/`.
    if let Some(kept) = typed
        .strip_suffix(['/', '.', '-', ' '])
        .filter(|t| t.ends_with('/'))
    {
        return Some(kept.to_owned());
    }
    let b = typed.as_bytes();
    let n = b.len();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let day = n == 2 && digit(0) && digit(1);
    let month = n == 5 && digit(0) && digit(1) && b.get(2) == Some(&b'/') && digit(3) && digit(4);
    match (typed.get(..2), typed.get(3..)) {
        (Some(century), Some(year)) if month && year > "12" => Some(format!("{century}{year}")),
        _ => (day || month).then(|| format!("{typed}/")),
    }
}

/// A date left in another spelling than JJ/MM/AAAA or ISO (`15/03/26`, `15.03.2026`,
/// `1/3/2026`), written out as JJ/MM/AAAA when the field is left; `None` when the field is
/// already in one of those two spellings or is not a date (its error stays as typed).
pub fn date_written_out(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if parse::date(typed).is_ok() {
        return None;
    }
    parse::typed_date(typed).ok().map(crate::fr::date)
}

/// Due date from an issue date and payment terms (C. com. L441-10 I).
pub fn due_from_terms(issued: NaiveDate, terms: &str) -> Option<NaiveDate> {
    match terms {
        "30" | "legal" => payment_terms::default_due(issued),
        "50" => add_days(issued, 50),
        "60" => add_days(issued, 60),
        "45fdm" => payment_terms::forty_five_days_end_of_month(issued),
        _ => None,
    }
}

/// Reads the form. Never fails: bad fields become [`FieldError`]s and their row is left out.
pub fn check(form: &Form) -> Checked {
    let mut errors = Vec::new();
    let mut err = |field: String, kind: InputErrorKind| {
        errors.push(FieldError {
            field,
            message: crate::fr::input_error(&kind),
        });
    };
    // `None` when left empty; an optional date's error is reported and the date left out.
    let date = |raw: &str| -> Option<Result<NaiveDate, InputErrorKind>> {
        let raw = raw.trim();
        (!raw.is_empty()).then(|| parse::typed_date(raw))
    };
    let amount = |raw: &str| {
        parse_amount(raw).map_err(|e| InputErrorKind::InvalidAmount(raw.trim().to_owned(), e))
    };

    let as_of = date(&form.as_of).and_then(|r| r.map_err(|kind| err("as_of".into(), kind)).ok());

    let creditor_kind = kind(&form.creditor.kind, CreditorKind::Company).unwrap_or_else(|e| {
        err("creditor.kind".into(), e);
        CreditorKind::Company
    });
    let debtor_kind = kind(&form.debtor.kind, DebtorKind::Professional).unwrap_or_else(|e| {
        err("debtor.kind".into(), e);
        DebtorKind::Professional
    });
    let mut identity = |path: &str, p: &PartyForm| {
        let siren = match p.siren.trim() {
            "" => String::new(),
            raw => parse::siren(raw).unwrap_or_else(|kind| {
                err(format!("{path}.siren"), kind);
                String::new()
            }),
        };
        let email = match p.email.trim() {
            "" => String::new(),
            raw => parse::email(raw).unwrap_or_else(|kind| {
                err(format!("{path}.email"), kind);
                String::new()
            }),
        };
        Identity {
            name: p.name.trim().to_owned(),
            siren,
            address: p.address.trim().to_owned(),
            email,
        }
    };
    let creditor = Creditor {
        kind: creditor_kind,
        identity: identity("creditor", &form.creditor),
    };
    let debtor = Debtor {
        kind: debtor_kind,
        identity: identity("debtor", &form.debtor),
    };

    let mut invoices = Vec::new();
    let mut unnumbered = Vec::new();
    let mut numbers = std::collections::HashSet::new();
    for (i, f) in form.invoices.iter().enumerate() {
        // A row added and not yet typed in says nothing, and nothing is said of it.
        if [&f.number, &f.issued, &f.due, &f.amount, &f.delivered]
            .iter()
            .all(|v| v.trim().is_empty())
        {
            continue;
        }
        let path = format!("invoices[{i}]");
        let number = match f.number.trim() {
            "" => format!("n°{}", i + 1),
            n => n.to_owned(),
        };
        let issued = date(&f.issued)
            .and_then(|r| r.map_err(|kind| err(format!("{path}.issued"), kind)).ok());
        let typed_due = f.terms.is_empty() || f.terms == "custom";
        let due = if typed_due {
            match date(&f.due) {
                Some(Ok(d)) => Some(d),
                Some(Err(kind)) => {
                    err(format!("{path}.due"), kind);
                    None
                }
                None => {
                    err(format!("{path}.due"), InputErrorKind::Missing);
                    None
                }
            }
        } else {
            match issued {
                Some(d) => due_from_terms(d, &f.terms),
                None => {
                    if f.issued.trim().is_empty() {
                        err(format!("{path}.issued"), InputErrorKind::Missing);
                    }
                    None
                }
            }
        };
        let amount = positive_amount(&f.amount)
            .map_err(|kind| err(format!("{path}.amount"), kind))
            .ok();
        let delivered = date(&f.delivered).and_then(|r| {
            r.map_err(|kind| err(format!("{path}.delivered"), kind))
                .ok()
        });
        if !numbers.insert(number.clone()) {
            err(
                format!("{path}.number"),
                InputErrorKind::DuplicateInvoice(number),
            );
            continue;
        }
        if let (Some(due), Some(amount)) = (due, amount) {
            if f.number.trim().is_empty() {
                unnumbered.push(i);
            }
            invoices.push(Invoice {
                number,
                issued,
                due,
                due_assumed: f.terms == "legal",
                amount,
                delivered,
            });
        }
    }

    let mut flows = |list: &[PaymentForm], key: &str| {
        let mut out = Vec::new();
        for (i, f) in list.iter().enumerate() {
            if [&f.date, &f.amount, &f.invoice]
                .iter()
                .all(|v| v.trim().is_empty())
            {
                continue;
            }
            let path = format!("{key}[{i}]");
            let date = match date(&f.date) {
                Some(Ok(d)) => Some(d),
                Some(Err(kind)) => {
                    err(format!("{path}.date"), kind);
                    None
                }
                None if key == "payments" => {
                    err(format!("{path}.date"), InputErrorKind::Missing);
                    None
                }
                None => None,
            };
            let amount = positive_amount(&f.amount)
                .map_err(|kind| err(format!("{path}.amount"), kind))
                .ok();
            let invoice = match f.invoice.trim() {
                "" => None,
                n if numbers.contains(n) => Some(n.to_owned()),
                n => {
                    err(
                        format!("{path}.invoice"),
                        InputErrorKind::UnknownInvoice(n.to_owned()),
                    );
                    continue;
                }
            };
            if let Some(amount) = amount {
                out.push((date, amount, invoice));
            }
        }
        out
    };
    let payments: Vec<Payment> = flows(&form.payments, "payments")
        .into_iter()
        .filter_map(|(date, amount, invoice)| {
            Some(Payment {
                date: date?,
                amount,
                invoice,
            })
        })
        .collect();
    let credit_notes: Vec<CreditNote> = flows(&form.credit_notes, "credit_notes")
        .into_iter()
        .map(|(date, amount, invoice)| CreditNote {
            date,
            amount,
            invoice,
        })
        .collect();

    let mut acknowledgments = Vec::new();
    for (i, f) in form.acknowledgments.iter().enumerate() {
        let path = format!("acknowledgments[{i}]");
        let invoice = match f.invoice.trim() {
            "" => None,
            n => match invoices.iter().find(|inv| inv.number == n) {
                Some(inv) => Some(inv),
                None => {
                    if !numbers.contains(n) {
                        err(
                            format!("{path}.invoice"),
                            InputErrorKind::UnknownInvoice(n.to_owned()),
                        );
                    }
                    continue;
                }
            },
        };
        let date = match date(&f.date) {
            Some(Ok(d)) => d,
            Some(Err(kind)) => {
                err(format!("{path}.date"), kind);
                continue;
            }
            None if invoice.is_none() => continue,
            None => {
                err(format!("{path}.date"), InputErrorKind::Missing);
                continue;
            }
        };
        if let Some(since) = invoice.and_then(|inv| parse::earliest(inv.issued, inv.delivered)) {
            if date < since {
                let invoice = f.invoice.trim().to_owned();
                err(
                    format!("{path}.date"),
                    InputErrorKind::BeforeInvoice { invoice, since },
                );
                continue;
            }
        }
        acknowledgments.push(Acknowledgment {
            date,
            invoice: invoice.map(|inv| inv.number.clone()),
        });
    }

    let o = &form.options;
    // A choice of the page: a value it cannot produce falls back to the default.
    let below_floor = BelowFloor::from_code(&o.below_floor).unwrap_or(BelowFloor::Floor);
    let rate_kind = RateKind::from_code(&o.rate_kind).unwrap_or(RateKind::LegalDefault);
    let rate_period = RatePeriod::from_code(&o.rate_period).unwrap_or(RatePeriod::Semester);
    // C. commande publique R2192-31: for a public buyer, the choice itself is the error.
    let regulated = parse::regulated_for_public_buyer(debtor.kind, rate_kind, rate_period);
    let rate = match rate_kind {
        _ if !regulated.is_empty() => RateChoice::LegalDefault,
        RateKind::Contractual => match parse_percent(&o.rate_percent) {
            Ok(percent) => RateChoice::Contractual {
                percent,
                below_floor,
            },
            Err(e) => {
                err(
                    "options.rate.percent".into(),
                    InputErrorKind::InvalidPercent(o.rate_percent.trim().to_owned(), e),
                );
                RateChoice::LegalDefault
            }
        },
        RateKind::LegalDefault => RateChoice::LegalDefault,
    };
    let extra_costs = match o.extra_costs.trim() {
        "" => Eur::ZERO,
        raw => amount(raw).unwrap_or_else(|kind| {
            err("options.extra_costs".into(), kind);
            Eur::ZERO
        }),
    };
    let formal_notice_date = date(&o.formal_notice_date).and_then(|r| {
        r.map_err(|kind| err("options.formal_notice_date".into(), kind))
            .ok()
    });
    let options = Options {
        rate,
        // Radio buttons: a value the page cannot produce falls back to the default.
        rate_period: if regulated.is_empty() {
            rate_period
        } else {
            RatePeriod::Semester
        },
        day_count: DayCount::from_code(&o.day_count).unwrap_or(DayCount::Fixed365),
        imputation: Imputation::from_code(&o.imputation).unwrap_or(Imputation::InterestFirst),
        indemnity: o.indemnity,
        extra_costs,
        formal_notice_date,
        #[cfg(feature = "judgment")]
        capitalisation_from: date(&o.capitalisation_from).and_then(|r| {
            let from = r.map_err(|kind| err("options.capitalisation_from".into(), kind));
            let late = |from| as_of.and_then(|as_of| parse::capitalisation_after(from, as_of));
            match from.map(|from| (from, late(from))) {
                Ok((from, None)) => Some(from),
                Ok((_, Some(kind))) => {
                    err("options.capitalisation_from".into(), kind);
                    None
                }
                Err(()) => None,
            }
        }),
    };
    #[cfg(feature = "judgment")]
    let judgment = check_judgment(&form.judgment, &mut errors);
    #[cfg(feature = "court")]
    let court = check_court(form, &mut errors);
    #[cfg(not(feature = "judgment"))]
    let judgment = None;
    for path in regulated {
        errors.push(FieldError {
            field: path.to_owned(),
            message: crate::fr::input_error(&InputErrorKind::RegulatedForPublicBuyer),
        });
    }
    let rates = check_rates(form, &mut errors);
    let letter = check_letter(&form.letter, &mut errors);
    let mut strategy = crate::strategy::Overrides::new();
    for (id, raw) in &form.strategy {
        match crate::strategy::params::parse_value(id, raw) {
            Ok(value) => {
                strategy.insert(id.clone(), value);
            }
            Err(message) => errors.push(FieldError {
                field: format!("strategy.{id}"),
                message,
            }),
        }
    }
    let dossier = (!invoices.is_empty()).then_some(Dossier {
        as_of,
        creditor,
        debtor,
        invoices,
        payments,
        credit_notes,
        acknowledgments,
        rates,
        judgment,
        options,
        letter,
        strategy,
        #[cfg(feature = "court")]
        court,
    });
    Checked {
        dossier,
        as_of,
        errors,
        unnumbered,
    }
}

/// The « Jugement » part: nothing typed is no judgment; else `date` and `principal` are
/// required, `served` not before `date`, and every sum positive or zero (as a dossier file).
#[cfg(feature = "judgment")]
fn check_judgment(f: &JudgmentForm, errors: &mut Vec<FieldError>) -> Option<Judgment> {
    if f.fields().iter().all(|(_, v)| v.trim().is_empty()) {
        return None;
    }
    let mut err = |key: &str, kind: InputErrorKind| {
        errors.push(FieldError {
            field: format!("judgment.{key}"),
            message: crate::fr::input_error(&kind),
        });
    };
    let mut date = |key: &str, raw: &str, required: bool| match raw.trim() {
        "" if required => {
            err(key, InputErrorKind::Missing);
            None
        }
        "" => None,
        t => parse::typed_date(t).map_err(|kind| err(key, kind)).ok(),
    };
    let (given, served, interest_from) = (
        date("date", &f.date, true),
        date("served", &f.served, false),
        date("interest_from", &f.interest_from, false),
    );
    let principal = positive_amount(&f.principal)
        .map_err(|kind| err("principal", kind))
        .ok();
    let mut sum = |key: &str, raw: &str| match raw.trim() {
        "" => Some(Eur::ZERO),
        t => parse_amount(t)
            .map_err(|e| err(key, InputErrorKind::InvalidAmount(t.to_owned(), e)))
            .ok(),
    };
    let (interest_awarded, article_700, costs) = (
        sum("interest_awarded", &f.interest_awarded),
        sum("article_700", &f.article_700),
        sum("costs", &f.costs),
    );
    if let (Some(given), Some(on)) = (given, served) {
        if on < given {
            err("served", InputErrorKind::ServedBeforeJudgment(given));
            return None;
        }
    }
    Some(Judgment {
        date: given?,
        served,
        principal: principal?,
        interest_awarded: interest_awarded?,
        article_700: article_700?,
        costs: costs?,
        interest_from,
        court: f.court.trim().to_owned(),
        reference: f.reference.trim().to_owned(),
    })
}

/// The court part, read by the same rules as a file (`parse::court_part`): each mistake named
/// by its path, the rest kept. A piece row added and not typed in says nothing.
#[cfg(feature = "court")]
fn check_court(form: &Form, errors: &mut Vec<FieldError>) -> Court {
    let mut root = Map::new();
    for (path, raw) in &form.court {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let value = if path == "insolvency.creditor_abroad" {
            Value::Bool(raw == "true")
        } else {
            Value::String(raw.to_owned())
        };
        insert_at(&mut root, path, value);
    }
    // Only « creditor abroad » ticked: no proceedings.
    if let Some(Value::Object(m)) = root.get("insolvency") {
        if m.keys().all(|k| k == "creditor_abroad") {
            root.remove("insolvency");
        }
    }
    let typed: Vec<(usize, &PieceForm)> = form
        .pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.date.trim().is_empty() || !p.title.trim().is_empty())
        .collect();
    if !typed.is_empty() {
        let rows = typed.iter().map(|(_, p)| {
            let mut row = Map::new();
            for (key, value) in [("kind", &p.kind), ("date", &p.date), ("title", &p.title)] {
                if !value.trim().is_empty() {
                    row.insert(key.into(), Value::String(value.trim().to_owned()));
                }
            }
            Value::Object(row)
        });
        root.insert("pieces".into(), Value::Array(rows.collect()));
    }
    let (court, found) = parse::court_part(&root);
    for e in found {
        // `pieces[j]` of the rows read is `pieces[i]` of the form.
        let field = match e
            .path
            .strip_prefix("pieces[")
            .and_then(|r| r.split_once(']'))
        {
            Some((j, rest)) => match j.parse::<usize>().ok().and_then(|j| typed.get(j)) {
                Some((i, _)) => format!("pieces[{i}]{rest}"),
                None => e.path.clone(),
            },
            None => e.path.clone(),
        };
        errors.push(FieldError {
            field,
            message: crate::fr::input_error(&e.kind),
        });
    }
    court
}

/// Puts `value` at `path` (`insolvency.representative.name`) in `root`, making the objects on
/// the way.
#[cfg(feature = "court")]
fn insert_at(root: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let child = root
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = child {
                insert_at(map, rest, value);
            }
        }
    }
}

/// The court part of a dossier, as the form holds it: every text by its path, dates and the
/// capital written as a French user types them.
#[cfg(feature = "court")]
fn court_form(court: &Court) -> (BTreeMap<String, String>, Vec<PieceForm>) {
    fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    flatten(&path, v, out);
                }
            }
            Value::Bool(true) => {
                out.insert(prefix.to_owned(), "true".into());
            }
            Value::String(text) => {
                let leaf = prefix.rsplit('.').next().unwrap_or(prefix);
                let shown = match leaf {
                    "share_capital" => parse_amount(text).ok().map(amount_text),
                    "birth_date" | "opened" | "published" => {
                        crate::calendar::parse_date(text).map(|d| date_text(Some(d)))
                    }
                    _ => None,
                };
                let shown = shown.unwrap_or_else(|| text.clone());
                out.insert(prefix.to_owned(), shown);
            }
            _ => {}
        }
    }
    let mut root = crate::dossier::court::root_of(court);
    root.remove("pieces");
    let mut map = BTreeMap::new();
    flatten("", &Value::Object(root), &mut map);
    let pieces = court
        .pieces
        .iter()
        .map(|p| PieceForm {
            kind: p.kind.code().to_owned(),
            date: date_text(p.date),
            title: p.title.clone(),
        })
        .collect();
    (map, pieces)
}

#[cfg(not(feature = "user-rates"))]
fn check_rates(_: &Form, _: &mut [FieldError]) -> UserRates {
    UserRates::default()
}

#[cfg(feature = "user-rates")]
/// The rates the user added (`rates.ecb[i].from`, `rates.legal[i].semester`…); a row with a
/// mistake is left out, named; an untouched row says nothing.
fn check_rates(form: &Form, errors: &mut Vec<FieldError>) -> UserRates {
    let mut out = UserRates::default();
    let mut err = |field: String, kind: InputErrorKind| {
        errors.push(FieldError {
            field,
            message: crate::fr::input_error(&kind),
        });
    };
    let percent =
        |path: &str, key: &str, raw: &str, err: &mut dyn FnMut(String, InputErrorKind)| {
            match raw.trim() {
                "" => err(format!("{path}.{key}"), InputErrorKind::Missing),
                t => match parse_percent(t) {
                    Ok(p) => return Some(p),
                    Err(e) => err(
                        format!("{path}.{key}"),
                        InputErrorKind::InvalidPercent(t.to_owned(), e),
                    ),
                },
            }
            None
        };
    let rows = form
        .ecb_rates
        .iter()
        .map(|r| ("ecb", r))
        .chain(form.legal_rates.iter().map(|r| ("legal", r)));
    let (mut ecb_i, mut legal_i) = (0, 0);
    for (list, r) in rows {
        let i = if list == "ecb" {
            &mut ecb_i
        } else {
            &mut legal_i
        };
        let path = format!("rates.{list}[{i}]");
        *i += 1;
        if *r == RateForm::default() {
            continue;
        }
        let source = r.source.trim();
        if source.is_empty() {
            err(format!("{path}.source"), InputErrorKind::Missing);
        }
        if list == "ecb" {
            let from = match r.when.trim() {
                "" => Err(InputErrorKind::Missing),
                t => parse::typed_date(t),
            };
            let from = from.map_err(|kind| err(format!("{path}.from"), kind)).ok();
            let p = percent(&path, "percent", &r.percent, &mut err);
            if let (Some(from), Some(percent), false) = (from, p, source.is_empty()) {
                if out.ecb.iter().any(|u| u.from == from) {
                    err(
                        format!("{path}.from"),
                        InputErrorKind::DuplicateRate(crate::fr::date(from)),
                    );
                } else {
                    out.ecb.push(UserEcbRow {
                        from,
                        percent,
                        source: source.to_owned(),
                    });
                }
            }
        } else {
            let semester = match r.when.trim() {
                "" => Err(InputErrorKind::Missing),
                t => {
                    parse::semester(t).ok_or_else(|| InputErrorKind::InvalidSemester(t.to_owned()))
                }
            };
            let semester = semester
                .map_err(|kind| err(format!("{path}.semester"), kind))
                .ok();
            let particuliers = percent(&path, "particuliers", &r.percent, &mut err);
            let autres_cas = percent(&path, "autres_cas", &r.other, &mut err);
            if let (Some(semester), Some(particuliers), Some(autres_cas), false) =
                (semester, particuliers, autres_cas, source.is_empty())
            {
                if out.legal.iter().any(|u| u.semester == semester) {
                    err(
                        format!("{path}.semester"),
                        InputErrorKind::DuplicateRate(semester_code(semester)),
                    );
                } else {
                    out.legal.push(UserLegalRow {
                        semester,
                        particuliers,
                        autres_cas,
                        source: source.to_owned(),
                    });
                }
            }
        }
    }
    out
}

/// An amount that must be above zero (invoice, payment, credit note).
fn positive_amount(raw: &str) -> Result<Eur, InputErrorKind> {
    if raw.trim().is_empty() {
        return Err(InputErrorKind::Missing);
    }
    let amount =
        parse_amount(raw).map_err(|e| InputErrorKind::InvalidAmount(raw.trim().to_owned(), e))?;
    if amount.get().is_zero() {
        Err(InputErrorKind::ZeroAmount)
    } else {
        Ok(amount)
    }
}

/// A party kind as selected: empty is `default`; an unknown code is named with the allowed ones.
fn kind<T: Coded>(raw: &str, default: T) -> Result<T, InputErrorKind> {
    if raw.is_empty() {
        return Ok(default);
    }
    T::from_code(raw).ok_or_else(|| InputErrorKind::InvalidChoice {
        found: raw.to_owned(),
        allowed: T::CODES,
    })
}

/// A date as the form shows it: `04/03/2022`.
fn date_text(date: Option<NaiveDate>) -> String {
    date.map(crate::fr::date).unwrap_or_default()
}

/// A percentage as the form shows it: `2,9`.
fn percent_text(p: crate::money::Percent) -> String {
    p.get().to_string().replace('.', ",")
}

/// An amount as the form shows it: `24 000,00`.
fn amount_text(amount: Eur) -> String {
    crate::fr::number(amount.get())
}

impl Form {
    /// The form of the quick start with one invoice's amount and due date typed, the rest
    /// left empty (the page's quick start module and the app taking it over).
    pub fn one_invoice(amount: &str, due: &str) -> Form {
        Form {
            invoices: vec![InvoiceForm {
                amount: amount.to_owned(),
                due: due.to_owned(),
                ..InvoiceForm::default()
            }],
            ..Form::default()
        }
    }

    /// The form of an imported dossier, written as a French user types it (`24 000,00`,
    /// `04/03/2022`); `check` reads it back to the same dossier.
    pub fn from_dossier(d: &Dossier) -> Form {
        let party = |kind: &str, id: &Identity| PartyForm {
            name: id.name.clone(),
            kind: kind.to_owned(),
            siren: id.siren.clone(),
            address: id.address.clone(),
            email: id.email.clone(),
        };
        let o = &d.options;
        #[cfg(feature = "court")]
        let (court, pieces) = court_form(&d.court);
        #[cfg(not(feature = "court"))]
        let (court, pieces) = (BTreeMap::new(), Vec::new());
        Form {
            as_of: date_text(d.as_of),
            creditor: party(d.creditor.kind.code(), &d.creditor.identity),
            debtor: party(d.debtor.kind.code(), &d.debtor.identity),
            invoices: d
                .invoices
                .iter()
                .map(|i| InvoiceForm {
                    number: i.number.clone(),
                    issued: date_text(i.issued),
                    // A due date the file did not give stays "assumed" (terms `legal`).
                    terms: if i.due_assumed { "legal" } else { "custom" }.into(),
                    due: if i.due_assumed {
                        String::new()
                    } else {
                        date_text(Some(i.due))
                    },
                    amount: amount_text(i.amount),
                    delivered: date_text(i.delivered),
                })
                .collect(),
            payments: d
                .payments
                .iter()
                .map(|p| PaymentForm {
                    date: date_text(Some(p.date)),
                    amount: amount_text(p.amount),
                    invoice: p.invoice.clone().unwrap_or_default(),
                })
                .collect(),
            credit_notes: d
                .credit_notes
                .iter()
                .map(|c| PaymentForm {
                    date: date_text(c.date),
                    amount: amount_text(c.amount),
                    invoice: c.invoice.clone().unwrap_or_default(),
                })
                .collect(),
            acknowledgments: d
                .acknowledgments
                .iter()
                .map(|a| PaymentForm {
                    date: date_text(Some(a.date)),
                    amount: String::new(),
                    invoice: a.invoice.clone().unwrap_or_default(),
                })
                .collect(),
            ecb_rates: d
                .rates
                .ecb
                .iter()
                .map(|r| RateForm {
                    when: date_text(Some(r.from)),
                    percent: percent_text(r.percent),
                    other: String::new(),
                    source: r.source.clone(),
                })
                .collect(),
            legal_rates: d
                .rates
                .legal
                .iter()
                .map(|r| RateForm {
                    when: semester_code(r.semester),
                    percent: percent_text(r.particuliers),
                    other: percent_text(r.autres_cas),
                    source: r.source.clone(),
                })
                .collect(),
            options: OptionsForm {
                rate_kind: o.rate.kind().code().into(),
                rate_percent: match o.rate {
                    RateChoice::Contractual { percent, .. } => {
                        percent.get().to_string().replace('.', ",")
                    }
                    RateChoice::LegalDefault => String::new(),
                },
                below_floor: match o.rate {
                    RateChoice::Contractual { below_floor, .. } => below_floor,
                    RateChoice::LegalDefault => BelowFloor::Floor,
                }
                .code()
                .into(),
                rate_period: o.rate_period.code().into(),
                day_count: o.day_count.code().into(),
                imputation: o.imputation.code().into(),
                indemnity: o.indemnity,
                extra_costs: if o.extra_costs.get().is_zero() {
                    String::new()
                } else {
                    amount_text(o.extra_costs)
                },
                formal_notice_date: date_text(o.formal_notice_date),
                #[cfg(feature = "judgment")]
                capitalisation_from: date_text(o.capitalisation_from),
                #[cfg(not(feature = "judgment"))]
                capitalisation_from: String::new(),
            },
            judgment: d.judgment.as_ref().map(judgment_form).unwrap_or_default(),
            court,
            pieces,
            letter: letter_form(&d.letter),
            strategy: map_of(
                d.strategy
                    .iter()
                    .map(|(id, v)| (id.clone(), v.normalize().to_string().replace('.', ","))),
            ),
        }
    }

    /// The raw form as JSON, for the browser's storage. Keeps invalid values as typed.
    pub fn to_json(&self) -> String {
        let party = |p: &PartyForm| json!({"name": p.name, "kind": p.kind, "siren": p.siren, "address": p.address, "email": p.email});
        let flows = |l: &[PaymentForm]| {
            l.iter()
                .map(|p| json!({"date": p.date, "amount": p.amount, "invoice": p.invoice}))
                .collect::<Vec<_>>()
        };
        let rate_rows = |l: &[RateForm]| {
            l.iter()
                .map(|r| json!({"when": r.when, "percent": r.percent, "other": r.other, "source": r.source}))
                .collect::<Vec<_>>()
        };
        let o = &self.options;
        let l = &self.letter;
        let judgment: Map<String, Value> = self
            .judgment
            .fields()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), json!(v)))
            .collect();
        let value = json!({
            "form_version": 1,
            "as_of": self.as_of,
            "creditor": party(&self.creditor),
            "debtor": party(&self.debtor),
            "invoices": self.invoices.iter().map(|i| json!({
                "number": i.number, "issued": i.issued, "terms": i.terms, "due": i.due, "amount": i.amount,
                "delivered": i.delivered,
            })).collect::<Vec<_>>(),
            "payments": flows(&self.payments),
            "credit_notes": flows(&self.credit_notes),
            "acknowledgments": flows(&self.acknowledgments),
            "ecb_rates": rate_rows(&self.ecb_rates),
            "legal_rates": rate_rows(&self.legal_rates),
            "options": {
                "rate_kind": o.rate_kind, "rate_percent": o.rate_percent, "below_floor": o.below_floor,
                "rate_period": o.rate_period,
                "day_count": o.day_count, "imputation": o.imputation, "indemnity": o.indemnity,
                "extra_costs": o.extra_costs, "formal_notice_date": o.formal_notice_date,
                "capitalisation_from": o.capitalisation_from,
            },
            "judgment": judgment,
            "court": self.court,
            "pieces": self.pieces.iter().map(|p| json!({"kind": p.kind, "date": p.date, "title": p.title})).collect::<Vec<_>>(),
            "letter": {
                "kind": l.kind, "place": l.place, "signatory": l.signatory, "capacity": l.capacity,
                "deadline_days": l.deadline_days, "sending": l.sending, "tracking_number": l.tracking_number,
                "iban": l.iban, "bic": l.bic, "contract_reference": l.contract_reference,
                "terms_reference": l.terms_reference, "consumer_mediator": l.consumer_mediator,
                "show_unverified": l.show_unverified, "keep_prescribed": l.keep_prescribed,
                "reminders": l.reminders, "plan_instalments": l.plan_instalments,
                "plan_first_date": l.plan_first_date, "plan_interval_months": l.plan_interval_months,
                "plan_total": l.plan_total, "annex": l.annex, "edits": l.edits,
            },
            "strategy": self.strategy,
        });
        crate::json_text::compact(&value)
    }

    /// Reads what [`Form::to_json`] wrote; `None` if it is not such a text. Missing keys
    /// take their default, so older saves still load.
    pub fn from_json(text: &str) -> Option<Form> {
        let v: Value = crate::json_text::read(text).ok()?;
        let root = v.as_object()?;
        if root.get("form_version").and_then(Value::as_u64) != Some(1) {
            return None;
        }
        let s = |m: &Map<String, Value>, k: &str| {
            m.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let empty = Map::new();
        let obj = |k: &str| root.get(k).and_then(Value::as_object).unwrap_or(&empty);
        let list = |k: &str| {
            root.get(k)
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[])
        };
        let party = |m: &Map<String, Value>| PartyForm {
            name: s(m, "name"),
            kind: s(m, "kind"),
            siren: s(m, "siren"),
            address: s(m, "address"),
            email: s(m, "email"),
        };
        let flows = |k: &str| {
            list(k)
                .iter()
                .filter_map(Value::as_object)
                .map(|m| PaymentForm {
                    date: s(m, "date"),
                    amount: s(m, "amount"),
                    invoice: s(m, "invoice"),
                })
                .collect()
        };
        let rate_rows = |k: &str| {
            list(k)
                .iter()
                .filter_map(Value::as_object)
                .map(|m| RateForm {
                    when: s(m, "when"),
                    percent: s(m, "percent"),
                    other: s(m, "other"),
                    source: s(m, "source"),
                })
                .collect()
        };
        let o = obj("options");
        let d = OptionsForm::default();
        let or = |value: String, default: String| if value.is_empty() { default } else { value };
        Some(Form {
            as_of: s(root, "as_of"),
            creditor: party(obj("creditor")),
            debtor: party(obj("debtor")),
            invoices: list("invoices")
                .iter()
                .filter_map(Value::as_object)
                .map(|m| InvoiceForm {
                    number: s(m, "number"),
                    issued: s(m, "issued"),
                    terms: s(m, "terms"),
                    due: s(m, "due"),
                    amount: s(m, "amount"),
                    delivered: s(m, "delivered"),
                })
                .collect(),
            payments: flows("payments"),
            credit_notes: flows("credit_notes"),
            acknowledgments: flows("acknowledgments"),
            ecb_rates: rate_rows("ecb_rates"),
            legal_rates: rate_rows("legal_rates"),
            options: OptionsForm {
                rate_kind: or(s(o, "rate_kind"), d.rate_kind),
                rate_percent: s(o, "rate_percent"),
                // A form saved before this choice existed gets the form's default, the floor,
                // not the old behaviour (the clause as agreed): the form is what the user sees
                // and always exports version-3 dossiers, where the floor is the default, and
                // the choice is shown next to the rate, so the user can change it.
                below_floor: or(s(o, "below_floor"), d.below_floor),
                rate_period: or(s(o, "rate_period"), d.rate_period),
                day_count: or(s(o, "day_count"), d.day_count),
                imputation: or(s(o, "imputation"), d.imputation),
                indemnity: o.get("indemnity").and_then(Value::as_bool).unwrap_or(true),
                extra_costs: s(o, "extra_costs"),
                formal_notice_date: s(o, "formal_notice_date"),
                capitalisation_from: s(o, "capitalisation_from"),
            },
            court: text_map(root.get("court")),
            pieces: list("pieces")
                .iter()
                .filter_map(Value::as_object)
                .map(|m| PieceForm {
                    kind: s(m, "kind"),
                    date: s(m, "date"),
                    title: s(m, "title"),
                })
                .collect(),
            judgment: {
                let j = obj("judgment");
                let mut form = JudgmentForm::default();
                for key in JudgmentForm::default().fields().map(|(k, _)| k) {
                    if let Some(field) = form.field_mut(key) {
                        *field = s(j, key);
                    }
                }
                form
            },
            letter: {
                let l = obj("letter");
                let dl = LetterForm::default();
                LetterForm {
                    kind: s(l, "kind"),
                    place: s(l, "place"),
                    signatory: s(l, "signatory"),
                    capacity: s(l, "capacity"),
                    deadline_days: if l.contains_key("deadline_days") {
                        s(l, "deadline_days")
                    } else {
                        dl.deadline_days
                    },
                    sending: or(s(l, "sending"), dl.sending),
                    tracking_number: s(l, "tracking_number"),
                    iban: s(l, "iban"),
                    bic: s(l, "bic"),
                    contract_reference: s(l, "contract_reference"),
                    terms_reference: s(l, "terms_reference"),
                    consumer_mediator: s(l, "consumer_mediator"),
                    show_unverified: l
                        .get("show_unverified")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    keep_prescribed: l
                        .get("keep_prescribed")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    reminders: s(l, "reminders"),
                    plan_instalments: if l.contains_key("plan_instalments") {
                        s(l, "plan_instalments")
                    } else {
                        dl.plan_instalments
                    },
                    plan_first_date: s(l, "plan_first_date"),
                    plan_interval_months: if l.contains_key("plan_interval_months") {
                        s(l, "plan_interval_months")
                    } else {
                        dl.plan_interval_months
                    },
                    plan_total: s(l, "plan_total"),
                    annex: l.get("annex").and_then(Value::as_bool).unwrap_or(true),
                    edits: text_map(l.get("edits")),
                }
            },
            strategy: text_map(root.get("strategy")),
        })
    }
}

/// A JSON object of texts as a map (other values and non-objects are left out).
fn text_map(value: Option<&Value>) -> BTreeMap<String, String> {
    value
        .and_then(Value::as_object)
        .map(|m| {
            map_of(
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned()))),
            )
        })
        .unwrap_or_default()
}

/// A judgment, written as a French user types it.
fn judgment_form(j: &Judgment) -> JudgmentForm {
    let sum = |a: Eur| {
        if a.get().is_zero() {
            String::new()
        } else {
            amount_text(a)
        }
    };
    JudgmentForm {
        date: date_text(Some(j.date)),
        served: date_text(j.served),
        principal: amount_text(j.principal),
        interest_awarded: sum(j.interest_awarded),
        article_700: sum(j.article_700),
        costs: sum(j.costs),
        interest_from: date_text(j.interest_from),
        #[cfg(feature = "judgment")]
        court: j.court.clone(),
        #[cfg(feature = "judgment")]
        reference: j.reference.clone(),
        #[cfg(not(feature = "judgment"))]
        court: String::new(),
        #[cfg(not(feature = "judgment"))]
        reference: String::new(),
    }
}

/// The letter step of an imported dossier, written as a French user types it.
fn letter_form(l: &LetterFields) -> LetterForm {
    let p = &l.plan;
    LetterForm {
        kind: String::new(),
        place: l.place.clone(),
        signatory: l.signatory.clone(),
        capacity: l.capacity.clone(),
        deadline_days: l.deadline_days.to_string(),
        sending: l.sending.code().to_owned(),
        tracking_number: l.tracking_number.clone(),
        iban: l.iban.clone(),
        bic: l.bic.clone(),
        contract_reference: l.contract_reference.clone(),
        terms_reference: l.terms_reference.clone(),
        consumer_mediator: l.consumer_mediator.clone(),
        show_unverified: l.show_unverified,
        keep_prescribed: l.keep_prescribed,
        reminders: l
            .reminders
            .iter()
            .map(|d| crate::fr::date(*d))
            .collect::<Vec<_>>()
            .join(", "),
        plan_instalments: p.instalments.to_string(),
        plan_first_date: date_text(p.first_date),
        plan_interval_months: p.interval_months.to_string(),
        plan_total: p.total.map(amount_text).unwrap_or_default(),
        annex: true,
        edits: l.edits.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    #[test]
    fn a_bad_row_is_reported_and_the_others_computed() {
        let mut form = Form::one_invoice("24 000", "03/04/2022");
        form.invoices.push(InvoiceForm {
            amount: "12,345".into(),
            due: "2022-05-01".into(),
            ..InvoiceForm::default()
        });
        form.invoices.push(InvoiceForm {
            amount: "100".into(),
            due: "31/02/2026".into(),
            ..InvoiceForm::default()
        });
        let checked = check(&form);
        assert_eq!(checked.dossier.as_ref().map(|d| d.invoices.len()), Some(1));
        assert_eq!(
            checked.error("invoices[1].amount"),
            Some("montant invalide « 12,345 » (plus de deux décimales)")
        );
        assert_eq!(
            checked.error("invoices[2].due"),
            Some("date invalide « 31/02/2026 »")
        );
        assert_eq!(checked.errors.len(), 2);
    }

    fn eur(raw: &str) -> Eur {
        parse_amount(raw).unwrap()
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        for typed in [
            "15/03/2026",
            "15/03/26",
            "15.03.2026",
            "15-03-2026",
            "2026-03-15",
            " 15/3/26 ",
        ] {
            let checked = check(&Form::one_invoice("1000", typed));
            assert!(checked.errors.is_empty(), "{typed}: {:?}", checked.errors);
            let due = checked.dossier.map(|d| d.invoices[0].due);
            assert_eq!(due, Some(crate::calendar::ymd(2026, 3, 15)), "{typed}");
        }
        for typed in [
            "31/02/26",
            "15/13/2026",
            "15/03",
            "15 03 2026",
            "03/15/2026",
        ] {
            let checked = check(&Form::one_invoice("1000", typed));
            assert_eq!(
                checked.error("invoices[0].due"),
                Some(format!("date invalide « {typed} »").as_str()),
                "{typed}"
            );
        }
        for typed in ["31/12/9999", "9999-12-31", "01/01/1899"] {
            let checked = check(&Form::one_invoice("1000", typed));
            assert_eq!(
                checked.error("invoices[0].due"),
                Some(format!("date hors limites « {typed} » (années 1900 à 2199)").as_str()),
                "{typed}"
            );
        }
    }

    #[test]
    fn only_errors_in_the_figures_make_the_total_partial() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.creditor.email = "pas-un-courriel".into();
        form.debtor.siren = "123".into();
        form.letter.deadline_days = "0".into();
        let checked = check(&form);
        assert_eq!(checked.errors.len(), 3, "{:?}", checked.errors);
        assert_eq!(checked.figure_errors().count(), 0);
        for (field, raw) in [("as_of", "32/01/2026"), ("invoices[0].amount", "abc")] {
            let mut form = form.clone();
            match field {
                "as_of" => form.as_of = raw.into(),
                _ => form.invoices[0].amount = raw.into(),
            }
            let checked = check(&form);
            let figures: Vec<&str> = checked.figure_errors().map(|e| e.field.as_str()).collect();
            assert_eq!(figures, [field]);
        }
    }

    #[test]
    fn an_invoice_without_a_number_is_a_letter_blank() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.invoices.push(InvoiceForm {
            number: "F-2".into(),
            amount: "50".into(),
            due: "01/03/2026".into(),
            ..InvoiceForm::default()
        });
        let checked = check(&form);
        assert_eq!(checked.unnumbered, [0]);
        assert!(checked.letter_blank("invoices[0].number"));
        assert!(!checked.letter_blank("invoices[1].number"));
        let Some(d) = &checked.dossier else {
            panic!("computed")
        };
        let c = crate::compute(
            d,
            crate::calendar::ymd(2026, 6, 1),
            &crate::RateTables::builtin(),
        );
        let missing = checked.letter_missing(&c);
        let last = missing.last().map(|b| (b.path.as_str(), b.what.as_str()));
        assert_eq!(
            last,
            Some((
                "invoices[0].number",
                "le numéro de la facture de la ligne 1"
            ))
        );
        let alone = check(&Form::one_invoice("1000", "01/02/2026"));
        let alone = alone.letter_missing(&c);
        assert_eq!(
            alone.last().map(|b| b.what.as_str()),
            Some("le numéro de la facture")
        );
        form.invoices[0].number = "F-1".into();
        let checked = check(&form);
        assert!(checked.unnumbered.is_empty());
        assert!(!checked
            .letter_missing(&c)
            .iter()
            .any(|b| b.path.starts_with("invoices")));
    }

    #[test]
    fn a_row_not_yet_typed_in_says_nothing() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.invoices.push(InvoiceForm {
            terms: "30".into(),
            ..InvoiceForm::default()
        });
        form.payments.push(PaymentForm::default());
        form.credit_notes.push(PaymentForm {
            invoice: " ".into(),
            ..PaymentForm::default()
        });
        let checked = check(&form);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        form.payments[0].date = "01/03/2026".into();
        let checked = check(&form);
        assert_eq!(
            checked.error("payments[0].amount"),
            Some("champ obligatoire manquant")
        );
    }

    #[test]
    fn the_slash_comes_by_itself() {
        assert_eq!(date_typing("15").as_deref(), Some("15/"));
        assert_eq!(date_typing("15/03").as_deref(), Some("15/03/"));
        // A keyboard with « / », « . » or « - »: typing it after the added one gives one slash.
        for (typed, kept) in [
            ("15//", "15/"),
            ("15/03//", "15/03/"),
            ("15/.", "15/"),
            ("15/03/-", "15/03/"),
            ("15/ ", "15/"),
        ] {
            assert_eq!(date_typing(typed).as_deref(), Some(kept), "{typed}");
        }
        // A « month » above 12 is the end of a year typed first (ISO).
        assert_eq!(date_typing("20/26").as_deref(), Some("2026"));
        assert_eq!(date_typing("19/99").as_deref(), Some("1999"));
        assert_eq!(date_typing("20/12").as_deref(), Some("20/12/"));
        // Every keystroke of each spelling, as the field applies them, ends as a date it reads.
        for (keys, end) in [
            ("15.03.2026", "15/03/2026"),
            ("15-03-2026", "15/03/2026"),
            ("15 03 2026", "15/03/2026"),
            ("15/03/2026", "15/03/2026"),
            ("15032026", "15/03/2026"),
            ("2026-03-15", "2026-03-15"),
            ("1999-12-31", "1999-12-31"),
        ] {
            let mut value = String::new();
            for c in keys.chars() {
                value.push(c);
                if let Some(changed) = date_typing(&value) {
                    value = changed;
                }
            }
            assert_eq!(value, end, "{keys}");
            assert!(crate::parse::typed_date(&value).is_ok(), "{keys}");
        }
        for left in [
            "",
            "1",
            "15/",
            "15/0",
            "15/03/",
            "15/03/2026",
            "2026",
            "1a",
            "15.03",
            "15/3",
        ] {
            assert_eq!(date_typing(left), None, "{left}");
        }
    }

    #[test]
    fn short_and_dotted_dates_are_written_out_on_leaving_the_field() {
        for (typed, written) in [
            ("15/03/26", "15/03/2026"),
            ("15.03.2026", "15/03/2026"),
            ("15-03-2026", "15/03/2026"),
            (" 15/03/26 ", "15/03/2026"),
        ] {
            assert_eq!(date_written_out(typed).as_deref(), Some(written), "{typed}");
        }
        for kept in [
            "15/03/2026",
            "2026-03-15",
            "",
            "31/02/2026",
            "15/03/",
            "demain",
        ] {
            assert_eq!(date_written_out(kept), None, "{kept}");
        }
    }

    #[test]
    fn letter_sending_codes_choose_the_mode() {
        for (code, mode) in [
            ("lrar", Sending::Lrar),
            ("lre", Sending::Lre),
            ("email", Sending::Email),
            ("letter", Sending::Letter),
            ("", Sending::Lrar),
            ("fax", Sending::Lrar),
        ] {
            let mut form = Form::one_invoice("1000", "01/02/2026");
            form.letter.sending = code.into();
            let checked = check(&form);
            assert_eq!(
                checked.dossier.map(|d| d.letter.sending),
                Some(mode),
                "{code}"
            );
        }
    }

    /// An e-mail address needs a name, `@`, a domain with a dot and no blank: a bad one is
    /// reported and left out, the good one of the other party is kept (trimmed).
    #[test]
    fn party_emails_are_checked() {
        for bad in [
            "@atelier.fr",
            "compta@atelier",
            "compta.atelier.fr",
            "com pta@atelier.fr",
        ] {
            let mut form = Form::one_invoice("1000", "01/02/2026");
            form.creditor.email = " compta@atelier.fr ".into();
            form.debtor.email = bad.into();
            let checked = check(&form);
            let message = format!("adresse e-mail invalide « {bad} »");
            assert_eq!(checked.error("debtor.email"), Some(message.as_str()));
            assert_eq!(checked.errors.len(), 1, "{bad}: {:?}", checked.errors);
            let d = checked.dossier.unwrap();
            assert_eq!(d.creditor.identity.email, "compta@atelier.fr");
            assert_eq!(d.debtor.identity.email, "");
        }
    }

    /// A payment needs its date (it stops interest from that day); a credit note may have none.
    #[test]
    fn a_payment_needs_a_date_a_credit_note_does_not() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.payments.push(PaymentForm {
            amount: "100".into(),
            ..PaymentForm::default()
        });
        form.credit_notes.push(PaymentForm {
            amount: "50".into(),
            ..PaymentForm::default()
        });
        let checked = check(&form);
        assert_eq!(
            checked.error("payments[0].date"),
            Some("champ obligatoire manquant")
        );
        assert_eq!(checked.errors.len(), 1, "{:?}", checked.errors);
        let d = checked.dossier.unwrap();
        assert!(d.payments.is_empty());
        assert_eq!(
            d.credit_notes,
            [CreditNote {
                date: None,
                amount: eur("50"),
                invoice: None
            }]
        );
    }

    /// A payment or credit note naming an invoice that is not in the form is reported and
    /// left out; one naming a listed invoice is kept for it.
    #[test]
    fn payments_must_name_a_listed_invoice() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.invoices[0].number = "A".into();
        let flow = |amount: &str, invoice: &str| PaymentForm {
            date: "01/03/2026".into(),
            amount: amount.into(),
            invoice: invoice.into(),
        };
        form.payments = vec![flow("100", "A"), flow("200", "B")];
        form.credit_notes = vec![flow("50", "C")];
        let checked = check(&form);
        assert_eq!(
            checked.error("payments[1].invoice"),
            Some("facture inconnue « B »")
        );
        assert_eq!(
            checked.error("credit_notes[0].invoice"),
            Some("facture inconnue « C »")
        );
        assert_eq!(checked.errors.len(), 2, "{:?}", checked.errors);
        let d = checked.dossier.unwrap();
        assert_eq!(
            d.payments,
            [Payment {
                date: ymd(2026, 3, 1),
                amount: eur("100"),
                invoice: Some("A".into())
            }]
        );
        assert!(d.credit_notes.is_empty());
    }

    /// The options step: each choice gives its option; a contractual rate is read as typed
    /// (`12,5`), and a bad one is reported and replaced by the legal default rate.
    #[test]
    fn options_are_read_from_their_codes() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.options = OptionsForm {
            rate_kind: "contractual".into(),
            rate_percent: "12,5".into(),
            below_floor: "default".into(),
            rate_period: "frozen_at_due_date".into(),
            day_count: "actual".into(),
            imputation: "principal_first".into(),
            indemnity: false,
            extra_costs: "1 234,50".into(),
            formal_notice_date: "15/02/2026".into(),
            capitalisation_from: String::new(),
        };
        let checked = check(&form);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let o = checked.dossier.map(|d| d.options);
        let percent = parse_percent("12.5").ok();
        assert_eq!(
            o,
            Some(Options {
                rate: RateChoice::Contractual {
                    percent: percent.unwrap(),
                    below_floor: BelowFloor::LegalDefault
                },
                rate_period: RatePeriod::FrozenAtDueDate,
                day_count: DayCount::Actual,
                imputation: Imputation::PrincipalFirst,
                indemnity: false,
                extra_costs: eur("1234.50"),
                formal_notice_date: Some(ymd(2026, 2, 15)),
                #[cfg(feature = "judgment")]
                capitalisation_from: None,
            })
        );

        form.options.rate_percent = "douze".into();
        form.options.extra_costs = "-5".into();
        form.options.formal_notice_date = "30/02/2026".into();
        let checked = check(&form);
        assert_eq!(
            checked.error("options.rate.percent"),
            Some("taux invalide « douze » (nombre illisible)")
        );
        assert_eq!(
            checked.error("options.extra_costs"),
            Some("montant invalide « -5 » (négatif)")
        );
        assert_eq!(
            checked.error("options.formal_notice_date"),
            Some("date invalide « 30/02/2026 »")
        );
        assert_eq!(checked.errors.len(), 3, "{:?}", checked.errors);
        let o = checked.dossier.map(|d| d.options).unwrap();
        assert_eq!(o.rate, RateChoice::LegalDefault);
        assert_eq!(o.extra_costs, Eur::ZERO);
        assert_eq!(o.formal_notice_date, None);

        // The defaults of an untouched form are the dossier's defaults.
        let o = check(&Form::one_invoice("1000", "01/02/2026"))
            .dossier
            .map(|d| d.options);
        assert_eq!(o, Some(Options::default()));
    }

    /// C. com. L441-10 floor: the choice is read with a contractual rate only; an untouched
    /// form, or one saved before the choice existed, applies the floor; an imported dossier
    /// keeps its choice (a version-1 or -2 file: the clause as agreed), also through storage.
    #[test]
    fn below_floor_choice_is_read_kept_and_imported() {
        let below_floor = |form: &Form| match check(form).dossier.map(|d| d.options.rate) {
            Some(RateChoice::Contractual { below_floor, .. }) => Some(below_floor),
            _ => None,
        };
        let mut form = Form::one_invoice("1000", "01/02/2026");
        assert_eq!(form.options.below_floor, "floor");
        form.options.rate_kind = "contractual".into();
        form.options.rate_percent = "9,5".into();
        assert_eq!(below_floor(&form), Some(BelowFloor::Floor));
        for (code, want) in [
            ("contractual", BelowFloor::Contractual),
            ("default", BelowFloor::LegalDefault),
            // Not a value the page offers: the default, as for the other choices.
            ("plancher", BelowFloor::Floor),
        ] {
            form.options.below_floor = code.into();
            assert_eq!(below_floor(&form), Some(want), "{code}");
            assert!(check(&form).errors.is_empty(), "{code}");
        }
        form.options.below_floor = "default".into();
        assert_eq!(Form::from_json(&form.to_json()), Some(form.clone()));

        // Saved before the choice existed: no key.
        let old = form.to_json().replace(r#""below_floor":"default","#, "");
        assert!(!old.contains("below_floor"), "{old}");
        let loaded = Form::from_json(&old).unwrap();
        assert_eq!(loaded.options.below_floor, "floor");
        assert_eq!(below_floor(&loaded), Some(BelowFloor::Floor));

        // The legal default rate ignores it.
        form.options.rate_kind = "legal_default".into();
        let o = check(&form).dossier.map(|d| d.options.rate);
        assert_eq!(o, Some(RateChoice::LegalDefault));

        let v2 = r#"{"version":2,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
            "invoices":[{"number":"F1","due":"2025-03-01","amount":"100"}],
            "options":{"rate":{"kind":"contractual","percent":"9.5"}}}"#;
        let d = crate::parse::dossier(v2).expect("valid");
        let imported = Form::from_dossier(&d);
        assert_eq!(imported.options.below_floor, "contractual");
        assert_eq!(check(&imported).dossier, Some(d.clone()));
        let reloaded = Form::from_json(&imported.to_json()).unwrap();
        assert_eq!(check(&reloaded).dossier, Some(d));
    }

    #[test]
    fn payment_terms_give_the_due_date() {
        assert_eq!(due_from_terms(ymd(2022, 3, 4), "30"), Some(ymd(2022, 4, 3)));
        assert_eq!(due_from_terms(ymd(2022, 3, 4), "60"), Some(ymd(2022, 5, 3)));
        // 4 March + 45 days = 18 April → end of April.
        assert_eq!(
            due_from_terms(ymd(2022, 3, 4), "45fdm"),
            Some(ymd(2022, 4, 30))
        );
        let form = Form {
            invoices: vec![InvoiceForm {
                issued: "04/03/2022".into(),
                terms: "30".into(),
                amount: "24000".into(),
                ..InvoiceForm::default()
            }],
            ..Form::default()
        };
        let d = check(&form).dossier.map(|d| d.invoices[0].due);
        assert_eq!(d, Some(ymd(2022, 4, 3)));
    }

    #[test]
    fn empty_form_computes_nothing_and_blames_nothing_typed() {
        let checked = check(&Form::default());
        assert_eq!(checked.dossier, None);
        assert!(checked.errors.is_empty());
        // Nor are the blanks of a letter said before there is one.
        assert!(!checked.letter_blank("creditor.address"));
        assert!(!checked.letter_blank("letter.signatory"));
    }

    /// Once a letter can be drafted, the blanks it cannot go with are said by field.
    #[test]
    fn the_blanks_of_a_letter_are_said_by_field() {
        let d = crate::parse::dossier(crate::SEED_DOSSIER).unwrap();
        let mut form = Form::from_dossier(&d);
        let checked = check(&form);
        assert!(checked.letter_blank("letter.signatory"));
        assert!(!checked.letter_blank("creditor.address"));
        assert!(!checked.letter_blank("creditor.name"));
        form.letter.signatory = "Claire Durand".into();
        form.debtor.address = String::new();
        let checked = check(&form);
        assert!(!checked.letter_blank("letter.signatory"));
        assert!(checked.letter_blank("debtor.address"));
    }

    #[test]
    fn storage_round_trip_keeps_mistakes() {
        let mut form = Form::one_invoice("12,3456", "pas une date");
        form.as_of = "2026-11-22".into();
        form.debtor.kind = "consumer".into();
        form.options.indemnity = false;
        form.payments.push(PaymentForm {
            date: "01/01/2025".into(),
            amount: "10".into(),
            invoice: String::new(),
        });
        assert_eq!(Form::from_json(&form.to_json()), Some(form));
        assert_eq!(Form::from_json("{}"), None);
        assert_eq!(Form::from_json("not json"), None);
    }

    #[cfg(feature = "judgment")]
    #[test]
    fn a_judgment_and_capitalisation_read_back_the_same_and_are_saved_as_typed() {
        let text = r#"{"version":3,"as_of":"2026-06-30","creditor":{"kind":"company"},
            "debtor":{"kind":"professional"},
            "invoices":[{"number":"F1","due":"2024-01-31","amount":"12000"}],
            "judgment":{"date":"2025-03-10","served":"2025-04-02","principal":"12000",
                "interest_awarded":"850","article_700":"1500","costs":"120.50",
                "interest_from":"2025-01-15",
                "court":"Tribunal de commerce de Lyon","reference":"RG 25/01234"},
            "options":{"capitalisation_from":"2025-03-10"}}"#;
        let d = crate::parse::dossier(text).expect("valid");
        let form = Form::from_dossier(&d);
        assert_eq!(form.judgment.served, "02/04/2025");
        assert_eq!(form.judgment.interest_from, "15/01/2025");
        assert_eq!(form.options.capitalisation_from, "10/03/2025");
        assert_eq!(check(&form).dossier, Some(d));
        assert_eq!(Form::from_json(&form.to_json()), Some(form));
    }

    #[cfg(feature = "judgment")]
    #[test]
    fn a_judgments_mistakes_are_named_and_leave_it_out() {
        let mut form = Form::one_invoice("1000", "01/02/2025");
        form.as_of = "30/06/2026".into();
        form.judgment.date = "10/03/2025".into();
        form.judgment.served = "01/03/2025".into();
        form.judgment.principal = "1000".into();
        form.judgment.costs = "-5".into();
        form.options.capitalisation_from = "01/07/2026".into();
        let checked = check(&form);
        let fields: Vec<_> = checked.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "options.capitalisation_from",
                "judgment.costs",
                "judgment.served"
            ]
        );
        let d = checked.dossier.expect("the invoices still count");
        assert_eq!((d.judgment, d.options.capitalisation_from), (None, None));
        assert!(checked.errors[2].message.contains("10/03/2025"));

        // Served the day it was given: no mistake.
        form.options.capitalisation_from.clear();
        form.judgment.costs.clear();
        form.judgment.served = "10/03/2025".into();
        let checked = check(&form);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.dossier.is_some_and(|d| d.judgment.is_some()));

        // A judgment with no principal, or no date, is named too.
        form.judgment = JudgmentForm {
            served: "02/04/2025".into(),
            ..JudgmentForm::default()
        };
        let checked = check(&form);
        let fields: Vec<_> = checked.errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"judgment.date") && fields.contains(&"judgment.principal"));
        // Nothing typed: no judgment, nothing said.
        form.judgment = JudgmentForm::default();
        form.options.capitalisation_from.clear();
        assert!(check(&form).errors.is_empty());
    }

    #[cfg(feature = "court")]
    #[test]
    fn the_court_part_reads_back_the_same_and_is_saved_as_typed() {
        for file in ["company", "individual", "redressement", "large", "abroad"] {
            let path = format!("{}/tests/court/{file}.json", env!("CARGO_MANIFEST_DIR"));
            let text = match file {
                // The redressement, its creditor established abroad (R622-24: four months).
                "abroad" => std::fs::read_to_string(path.replace("abroad", "redressement"))
                    .expect("fixture")
                    .replace(
                        r#""procedure": "redressement","#,
                        r#""procedure": "redressement", "creditor_abroad": true,"#,
                    ),
                _ => std::fs::read_to_string(&path).expect("fixture"),
            };
            let d = crate::parse::dossier(&text).expect("valid");
            let form = Form::from_dossier(&d);
            let checked = check(&form);
            assert!(checked.errors.is_empty(), "{file}: {:?}", checked.errors);
            assert_eq!(checked.dossier.map(|d| d.court), Some(d.court), "{file}");
            assert_eq!(
                Form::from_json(&form.to_json()),
                Some(form.clone()),
                "{file}"
            );
            // Dates and the capital as a French user types them; a creditor abroad is ticked.
            let shown = |path: &str| form.court.get(path).map(String::as_str);
            match file {
                "individual" => assert_eq!(shown("creditor.birth_date"), Some("17/05/1984")),
                "redressement" => {
                    assert_eq!(shown("insolvency.creditor_abroad"), None);
                    assert_eq!(shown("insolvency.opened"), Some("23/09/2026"));
                    assert_eq!(shown("insolvency.published"), Some("04/10/2026"));
                    assert_eq!(shown("creditor.share_capital"), Some("10 000,00"));
                }
                "abroad" => assert_eq!(shown("insolvency.creditor_abroad"), Some("true")),
                _ => {}
            }
        }
    }

    #[cfg(feature = "court")]
    #[test]
    fn the_court_parts_mistakes_are_named_by_field_and_an_untouched_piece_says_nothing() {
        let mut form = Form::one_invoice("1000", "01/02/2025");
        form.pieces = vec![
            PieceForm::default(),
            PieceForm {
                kind: "contrat".into(),
                date: "31/02/2025".into(),
                title: "Contrat cadre".into(),
            },
            PieceForm {
                kind: "devis".into(),
                date: String::new(),
                title: "Devis n° 12".into(),
            },
        ];
        for (path, value) in [
            ("debtor.share_capital", "beaucoup"),
            ("insolvency.procedure", "liquidation"),
            ("insolvency.opened", "10/03/2025"),
            ("insolvency.published", "01/03/2025"),
            ("insolvency.creditor_abroad", "true"),
            ("injunction.court", "Tribunal de commerce de Lyon"),
        ] {
            form.court.insert(path.into(), value.into());
        }
        let checked = check(&form);
        let fields: Vec<_> = checked.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "debtor.share_capital",
                "pieces[1].date",
                "insolvency.published"
            ]
        );
        let court = checked.dossier.expect("computed").court;
        assert_eq!(court.pieces.len(), 2);
        assert_eq!(court.pieces[1].title, "Devis n° 12");
        assert_eq!(court.injunction.court, "Tribunal de commerce de Lyon");
        let proceedings = court.insolvency.expect("opened");
        assert!(proceedings.creditor_abroad);
        assert_eq!(court.pieces[0].date, None);

        // « Creditor abroad » alone opens no proceedings.
        form.court.retain(|k, _| k == "insolvency.creditor_abroad");
        form.pieces.clear();
        let checked = check(&form);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.dossier.map(|d| d.court.insolvency), Some(None));
    }

    #[test]
    fn an_imported_dossier_reads_back_the_same_even_without_a_due_date() {
        // Found by the fuzzer: the due date the law assumes (L441-10 I) was read back as typed.
        let text = r#"{"version":2,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
            "invoices":[{"number":"F1","issued":"2025-01-01","amount":"100"},
                        {"number":"F2","due":"2025-03-01","amount":"50"}]}"#;
        let d = crate::parse::dossier(text).expect("valid");
        assert!(d.invoices[0].due_assumed);
        assert_eq!(check(&Form::from_dossier(&d)).dossier, Some(d));
    }

    #[test]
    fn strategy_assumptions_are_checked_kept_as_typed_and_exported() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.strategy.insert("fond.cost".into(), "1 200,50".into());
        form.strategy.insert("fond.success".into(), "150".into());
        form.strategy
            .insert("global.hourly_rate".into(), "douze".into());
        let checked = check(&form);
        assert_eq!(
            checked.error("strategy.fond.success"),
            Some("attendu : un pourcentage entre 0 et 100")
        );
        assert_eq!(
            checked.error("strategy.global.hourly_rate"),
            Some("nombre invalide « douze »")
        );
        let dossier = checked.dossier.expect("computable");
        assert_eq!(dossier.strategy.len(), 1);
        assert_eq!(
            dossier.strategy.get("fond.cost"),
            Some(&rust_decimal::Decimal::new(120_050, 2))
        );
        // Autosave keeps the mistakes; the exported dossier keeps the valid values only.
        assert_eq!(Form::from_json(&form.to_json()), Some(form));
        let back = Form::from_dossier(&dossier);
        assert_eq!(
            back.strategy.get("fond.cost").map(String::as_str),
            Some("1200,5")
        );
    }

    #[test]
    fn letter_fields_are_checked_and_kept() {
        let mut form = Form::one_invoice("1000", "01/02/2026");
        form.letter.iban = "FR76 3000 6000 0112 3456 7890 188".into();
        form.letter.deadline_days = "0".into();
        form.letter.reminders = "01/10/2026; 2026-10-15, 31/02/2026".into();
        form.letter.plan_total = "abc".into();
        form.letter
            .edits
            .insert("intro".into(), "Mon texte.".into());
        let checked = check(&form);
        assert_eq!(
            checked.error("letter.iban"),
            Some("IBAN invalide « FR76 3000 6000 0112 3456 7890 188 » (clé de contrôle)")
        );
        assert_eq!(
            checked.error("letter.deadline_days"),
            Some("nombre entier attendu entre 1 et 90, pas « 0 »")
        );
        assert_eq!(
            checked.error("letter.reminders"),
            Some("date invalide « 31/02/2026 »")
        );
        assert_eq!(
            checked.error("letter.plan.total"),
            Some("montant invalide « abc » (nombre illisible)")
        );
        let letter = checked.dossier.map(|d| d.letter).unwrap_or_default();
        assert_eq!(letter.reminders, [ymd(2026, 10, 1), ymd(2026, 10, 15)]);
        assert_eq!(letter.deadline_days, 8);
        assert_eq!(
            letter.edits.get("intro").map(String::as_str),
            Some("Mon texte.")
        );
        assert_eq!(Form::from_json(&form.to_json()), Some(form.clone()));

        form.letter.iban = "FR76 3000 6000 0112 3456 7890 189".into();
        form.letter.deadline_days = "15".into();
        form.letter.reminders = "01/10/2026".into();
        form.letter.plan_total = "500".into();
        let dossier = check(&form).dossier.unwrap_or_else(|| panic!("valid form"));
        let again = check(&Form::from_dossier(&dossier)).dossier;
        assert_eq!(again.map(|d| d.letter), Some(dossier.letter));
    }

    #[test]
    fn imported_dossier_gives_the_same_computation() {
        let dossier =
            crate::parse::dossier(crate::SEED_DOSSIER).unwrap_or_else(|e| panic!("{e:?}"));
        let form = Form::from_dossier(&dossier);
        assert_eq!(
            (
                form.invoices[0].amount.as_str(),
                form.invoices[0].due.as_str()
            ),
            ("24 000,00", "03/04/2022")
        );
        let checked = check(&form);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.dossier, Some(dossier));
    }
}
