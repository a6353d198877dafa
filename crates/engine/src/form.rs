//! The form layer for the web app: what the user typed, as strings, field by field
//! ([`Form`]), and its reading into a [`Dossier`] plus one French message per bad field
//! ([`check`]). A bad field never blocks the others: invalid rows are left out of the
//! computation and listed, everything valid is computed.
//!
//! `Form` is also what the browser saves (`Form::to_json` / `Form::from_json`), so a reload
//! restores exactly what was typed, mistakes included.

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use crate::calendar::{add_days, end_of_month};
use crate::dossier::*;
use crate::money::{parse_amount, parse_percent, Eur};
use crate::parse::{self, InputErrorKind};

/// Payment-terms choices offered next to the issue date.
pub const TERMS: [(&str, &str); 4] = [
    ("30", "30 jours"),
    ("45fdm", "45 jours fin de mois"),
    ("60", "60 jours"),
    ("custom", "date d'échéance saisie"),
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
    pub options: OptionsForm,
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
}

/// A payment or a credit note.
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
    /// `semester` or `frozen_at_due_date`.
    pub rate_period: String,
    /// `365` or `actual`.
    pub day_count: String,
    /// `interest_first` or `principal_first`.
    pub imputation: String,
    pub indemnity: bool,
    pub extra_costs: String,
    pub formal_notice_date: String,
}

impl Default for OptionsForm {
    fn default() -> OptionsForm {
        OptionsForm {
            rate_kind: "legal_default".into(),
            rate_percent: String::new(),
            rate_period: "semester".into(),
            day_count: "365".into(),
            imputation: "interest_first".into(),
            indemnity: true,
            extra_costs: String::new(),
            formal_notice_date: String::new(),
        }
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
}

impl Checked {
    /// The message for `field`, if it has one.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// Due date from an issue date and payment terms (C. com. L441-10 I).
pub fn due_from_terms(issued: NaiveDate, terms: &str) -> Option<NaiveDate> {
    match terms {
        "30" => add_days(issued, 30),
        "60" => add_days(issued, 60),
        // "45 jours fin de mois": 45 days, then to the end of that month.
        "45fdm" => add_days(issued, 45).and_then(end_of_month),
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
    let date = |raw: &str| -> Option<Result<NaiveDate, InputErrorKind>> {
        let raw = raw.trim();
        (!raw.is_empty()).then(|| parse::date(raw))
    };
    let amount = |raw: &str| {
        parse_amount(raw).map_err(|e| InputErrorKind::InvalidAmount(raw.trim().to_owned(), e))
    };

    let as_of = match date(&form.as_of) {
        Some(Ok(d)) => Some(d),
        Some(Err(kind)) => {
            err("as_of".into(), kind);
            None
        }
        None => None,
    };

    let creditor_kind = match form.creditor.kind.as_str() {
        "" | "company" => CreditorKind::Company,
        "individual_professional" => CreditorKind::IndividualProfessional,
        "individual_private" => CreditorKind::IndividualPrivate,
        other => {
            err(
                "creditor.kind".into(),
                choice(
                    other,
                    &["company", "individual_professional", "individual_private"],
                ),
            );
            CreditorKind::Company
        }
    };
    let debtor_kind = match form.debtor.kind.as_str() {
        "" | "professional" => DebtorKind::Professional,
        "consumer" => DebtorKind::Consumer,
        other => {
            err(
                "debtor.kind".into(),
                choice(other, &["professional", "consumer"]),
            );
            DebtorKind::Professional
        }
    };
    let mut identity = |path: &str, p: &PartyForm| {
        let siren = match p.siren.trim() {
            "" => String::new(),
            raw => parse::siren(raw).unwrap_or_else(|kind| {
                err(format!("{path}.siren"), kind);
                String::new()
            }),
        };
        let email = p.email.trim();
        let email_ok = email.is_empty()
            || (email
                .split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
                && !email.contains(char::is_whitespace));
        if !email_ok {
            err(
                format!("{path}.email"),
                InputErrorKind::InvalidEmail(email.to_owned()),
            );
        }
        Identity {
            name: p.name.trim().to_owned(),
            siren,
            address: p.address.trim().to_owned(),
            email: if email_ok {
                email.to_owned()
            } else {
                String::new()
            },
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
    let mut numbers = std::collections::HashSet::new();
    for (i, f) in form.invoices.iter().enumerate() {
        let path = format!("invoices[{i}]");
        let number = match f.number.trim() {
            "" => format!("n°{}", i + 1),
            n => n.to_owned(),
        };
        let issued = match date(&f.issued) {
            Some(Ok(d)) => Some(d),
            Some(Err(kind)) => {
                err(format!("{path}.issued"), kind);
                None
            }
            None => None,
        };
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
        let amount = match amount(&f.amount) {
            Ok(a) if a.get().is_zero() => {
                err(format!("{path}.amount"), InputErrorKind::ZeroAmount);
                None
            }
            Ok(a) => Some(a),
            Err(kind) => {
                err(format!("{path}.amount"), kind);
                None
            }
        };
        if !numbers.insert(number.clone()) {
            err(
                format!("{path}.number"),
                InputErrorKind::DuplicateInvoice(number),
            );
            continue;
        }
        if let (Some(due), Some(amount)) = (due, amount) {
            invoices.push(Invoice {
                number,
                issued,
                due,
                due_assumed: false,
                amount,
            });
        }
    }

    let mut flows = |list: &[PaymentForm], key: &str| {
        let mut out = Vec::new();
        for (i, f) in list.iter().enumerate() {
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
            let amount = match amount(&f.amount) {
                Ok(a) if a.get().is_zero() => {
                    err(format!("{path}.amount"), InputErrorKind::ZeroAmount);
                    None
                }
                Ok(a) => Some(a),
                Err(kind) => {
                    err(format!("{path}.amount"), kind);
                    None
                }
            };
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

    let o = &form.options;
    let rate = match o.rate_kind.as_str() {
        "contractual" => match parse_percent(&o.rate_percent) {
            Ok(p) => RateChoice::Contractual(p),
            Err(e) => {
                err(
                    "options.rate.percent".into(),
                    InputErrorKind::InvalidPercent(o.rate_percent.trim().to_owned(), e),
                );
                RateChoice::LegalDefault
            }
        },
        _ => RateChoice::LegalDefault,
    };
    let extra_costs = match o.extra_costs.trim() {
        "" => Eur::ZERO,
        raw => amount(raw).unwrap_or_else(|kind| {
            err("options.extra_costs".into(), kind);
            Eur::ZERO
        }),
    };
    let formal_notice_date = match date(&o.formal_notice_date) {
        Some(Ok(d)) => Some(d),
        Some(Err(kind)) => {
            err("options.formal_notice_date".into(), kind);
            None
        }
        None => None,
    };
    let options = Options {
        rate,
        rate_period: if o.rate_period == "frozen_at_due_date" {
            RatePeriod::FrozenAtDueDate
        } else {
            RatePeriod::Semester
        },
        day_count: if o.day_count == "actual" {
            DayCount::Actual
        } else {
            DayCount::Fixed365
        },
        imputation: if o.imputation == "principal_first" {
            Imputation::PrincipalFirst
        } else {
            Imputation::InterestFirst
        },
        indemnity: o.indemnity,
        extra_costs,
        formal_notice_date,
    };
    let dossier = (!invoices.is_empty()).then_some(Dossier {
        as_of,
        creditor,
        debtor,
        invoices,
        payments,
        credit_notes,
        options,
        // The web form has no letter fields yet: the letter step will fill them.
        letter: crate::letter_fields::LetterFields::default(),
    });
    Checked {
        dossier,
        as_of,
        errors,
    }
}

fn choice(found: &str, allowed: &'static [&'static str]) -> InputErrorKind {
    InputErrorKind::InvalidChoice {
        found: found.to_owned(),
        allowed,
    }
}

/// A date as the form shows it: `04/03/2022`.
fn date_text(date: Option<NaiveDate>) -> String {
    date.map(crate::fr::date).unwrap_or_default()
}

/// An amount as the form shows it: `24 000,00`.
fn amount_text(amount: Eur) -> String {
    crate::fr::number(amount.get())
}

impl Form {
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
                    terms: "custom".into(),
                    due: date_text(Some(i.due)),
                    amount: amount_text(i.amount),
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
            options: OptionsForm {
                rate_kind: match o.rate {
                    RateChoice::LegalDefault => "legal_default".into(),
                    RateChoice::Contractual(_) => "contractual".into(),
                },
                rate_percent: match o.rate {
                    RateChoice::Contractual(p) => p.get().to_string().replace('.', ","),
                    RateChoice::LegalDefault => String::new(),
                },
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
            },
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
        let o = &self.options;
        let value = json!({
            "form_version": 1,
            "as_of": self.as_of,
            "creditor": party(&self.creditor),
            "debtor": party(&self.debtor),
            "invoices": self.invoices.iter().map(|i| json!({
                "number": i.number, "issued": i.issued, "terms": i.terms, "due": i.due, "amount": i.amount,
            })).collect::<Vec<_>>(),
            "payments": flows(&self.payments),
            "credit_notes": flows(&self.credit_notes),
            "options": {
                "rate_kind": o.rate_kind, "rate_percent": o.rate_percent, "rate_period": o.rate_period,
                "day_count": o.day_count, "imputation": o.imputation, "indemnity": o.indemnity,
                "extra_costs": o.extra_costs, "formal_notice_date": o.formal_notice_date,
            },
        });
        value.to_string()
    }

    /// Reads what [`Form::to_json`] wrote; `None` if it is not such a text. Missing keys
    /// take their default, so older saves still load.
    pub fn from_json(text: &str) -> Option<Form> {
        let v: Value = serde_json::from_str(text).ok()?;
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
                })
                .collect(),
            payments: flows("payments"),
            credit_notes: flows("credit_notes"),
            options: OptionsForm {
                rate_kind: or(s(o, "rate_kind"), d.rate_kind),
                rate_percent: s(o, "rate_percent"),
                rate_period: or(s(o, "rate_period"), d.rate_period),
                day_count: or(s(o, "day_count"), d.day_count),
                imputation: or(s(o, "imputation"), d.imputation),
                indemnity: o.get("indemnity").and_then(Value::as_bool).unwrap_or(true),
                extra_costs: s(o, "extra_costs"),
                formal_notice_date: s(o, "formal_notice_date"),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    fn one_invoice(amount: &str, due: &str) -> Form {
        Form {
            invoices: vec![InvoiceForm {
                amount: amount.into(),
                due: due.into(),
                ..InvoiceForm::default()
            }],
            ..Form::default()
        }
    }

    #[test]
    fn a_bad_row_is_reported_and_the_others_computed() {
        let mut form = one_invoice("24 000", "03/04/2022");
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
    }

    #[test]
    fn storage_round_trip_keeps_mistakes() {
        let mut form = one_invoice("12,3456", "pas une date");
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
