//! The dossier: everything Relance knows about one unpaid claim — parties, invoices, payments,
//! credit notes and options. Values here are already validated (see `parse`); the JSON file
//! format (version 3, which also reads versions 1 and 2 with their meaning) is read by
//! `parse::dossier` and written back by [`Dossier::to_json`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::json_text::json;

use crate::codes::coded;
use crate::letter_fields::LetterFields;
use crate::money::{Eur, Percent};

#[cfg(feature = "court")]
pub mod court;
#[cfg(feature = "court")]
pub use court::{
    Civility, Court, CourtKind, Injunction, Insolvency, PartyDetails, Piece, PieceKind, Procedure,
};

/// The user's changes to Stratégie's default assumptions, by parameter id (`fond.cost`). Kept
/// in the dossier file.
pub type Overrides = BTreeMap<String, Decimal>;

/// Current version of the dossier file format: 2 added `letter`, 3 added
/// `options.rate.below_floor` (a version-1 or -2 file reads as `"contractual"`), then the
/// debtor kind `public`, `invoices[].delivered` and `acknowledgments`.
pub const FORMAT_VERSION: u64 = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dossier {
    /// Calculation date stored in the file; the caller's choice wins over it.
    pub as_of: Option<NaiveDate>,
    pub creditor: Creditor,
    pub debtor: Debtor,
    pub invoices: Vec<Invoice>,
    pub payments: Vec<Payment>,
    pub credit_notes: Vec<CreditNote>,
    /// Written acknowledgments of the debt, in the file's order.
    pub acknowledgments: Vec<Acknowledgment>,
    /// Rates the user entered beyond (or over) the shipped tables.
    pub rates: UserRates,
    /// A judgment or an enforceable order: what is owed then comes from it (format version 3).
    pub judgment: Option<Judgment>,
    pub options: Options,
    /// What the letters need (format version 2; defaults when reading a version-1 file).
    pub letter: LetterFields,
    /// The user's changes to the strategy assumptions, by parameter id (optional section).
    pub strategy: Overrides,
    /// What a court or a mandataire needs (format version 3, feature `court`).
    #[cfg(feature = "court")]
    pub court: Court,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Identity {
    pub name: String,
    pub siren: String,
    pub address: String,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Creditor {
    pub kind: CreditorKind,
    pub identity: Identity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debtor {
    pub kind: DebtorKind,
    pub identity: Identity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditorKind {
    Company,
    IndividualProfessional,
    /// A natural person not acting for professional needs ("particulier").
    IndividualPrivate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DebtorKind {
    /// B2B: C. com. L441-10 penalties and the D441-5 indemnity.
    Professional,
    /// B2C: C. civ. 1231-6 legal interest from the formal notice.
    Consumer,
    /// A public buyer (State, local authority, public establishment or hospital): C. commande
    /// publique L2192-12 ff.
    Public,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invoice {
    pub number: String,
    pub issued: Option<NaiveDate>,
    pub due: NaiveDate,
    /// The file gave no due date: `due` is the issue date + 30 days (C. com. L441-10 I).
    pub due_assumed: bool,
    /// Amount due, VAT included (CJUE C-585/20: VAT is part of the amount due).
    pub amount: Eur,
    /// Delivery of the goods or end of the service: prescription runs from it (format version 3).
    pub delivered: Option<NaiveDate>,
}

/// A judgment (or an injonction de payer made enforceable) awarding the claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgment {
    pub date: NaiveDate,
    /// Service of the decision (signification): the 5-point increase runs two months after.
    pub served: Option<NaiveDate>,
    pub principal: Eur,
    /// Interest the decision fixed up to its date.
    pub interest_awarded: Eur,
    /// The award under CPC 700: it bears interest with the principal.
    pub article_700: Eur,
    /// The dépens as liquidated: no interest.
    pub costs: Eur,
    /// A start of interest the judge set; else the judgment's date.
    pub interest_from: Option<NaiveDate>,
    /// The court that gave it (« Tribunal de commerce de Lyon »), for the letters.
    #[cfg(feature = "judgment")]
    pub court: String,
    /// Its number (« RG n° 25/01234 »), for the letters.
    #[cfg(feature = "judgment")]
    pub reference: String,
}

/// Rate rows the user adds to the shipped tables (format version 3): each wins over a shipped
/// row of the same date (ECB) or semester (legal rate).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct UserRates {
    pub ecb: Vec<UserEcbRow>,
    pub legal: Vec<UserLegalRow>,
}

impl UserRates {
    pub fn is_empty(&self) -> bool {
        self.ecb.is_empty() && self.legal.is_empty()
    }
}

/// An ECB main refinancing rate in force from `from` until the next change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserEcbRow {
    pub from: NaiveDate,
    pub percent: Percent,
    pub source: String,
}

/// The legal interest rates of the semester starting on `semester` (1 January or 1 July).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserLegalRow {
    pub semester: NaiveDate,
    pub particuliers: Percent,
    pub autres_cas: Percent,
    pub source: String,
}

/// A semester as the file writes it: `2027-1` (January–June) or `2027-2`.
pub fn semester_code(first_day: NaiveDate) -> String {
    use chrono::Datelike;
    let half = if first_day.month() < 7 { 1 } else { 2 };
    format!("{}-{half}", first_day.year())
}

/// The debtor's written acknowledgment of the debt (C. civ. 2240), of one invoice or, without
/// `invoice`, of every invoice issued by then (format version 3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledgment {
    pub date: NaiveDate,
    pub invoice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub date: NaiveDate,
    pub amount: Eur,
    /// Invoice number the debtor named; `None` lets the rules choose (C. civ. 1342-10).
    pub invoice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditNote {
    pub date: Option<NaiveDate>,
    pub amount: Eur,
    pub invoice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub rate: RateChoice,
    pub rate_period: RatePeriod,
    pub day_count: DayCount,
    pub imputation: Imputation,
    /// Claim the D441-5 fixed indemnity (B2B only).
    pub indemnity: bool,
    /// Justified recovery costs beyond the indemnity (C. com. L441-10 II), added as given.
    pub extra_costs: Eur,
    /// Date of the mise en demeure; starts legal interest for a consumer (C. civ. 1231-6).
    pub formal_notice_date: Option<NaiveDate>,
    /// The day capitalisation was asked in court or agreed: on each anniversary, interest still
    /// owed joins the base (C. civ. 1343-2; feature `judgment`, format version 3).
    #[cfg(feature = "judgment")]
    pub capitalisation_from: Option<NaiveDate>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            rate: RateChoice::LegalDefault,
            rate_period: RatePeriod::Semester,
            day_count: DayCount::Fixed365,
            imputation: Imputation::InterestFirst,
            indemnity: true,
            extra_costs: Eur::ZERO,
            formal_notice_date: None,
            #[cfg(feature = "judgment")]
            capitalisation_from: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateChoice {
    /// ECB rate + 10 points (C. com. L441-10).
    LegalDefault,
    /// A rate agreed in the contract or the terms of sale, yearly, in percent, and what applies
    /// in a semester where it is below the legal floor. The choice lives with the percent: it
    /// means nothing without a contractual rate.
    Contractual {
        percent: Percent,
        below_floor: BelowFloor,
    },
}

impl RateChoice {
    pub fn kind(self) -> RateKind {
        match self {
            RateChoice::LegalDefault => RateKind::LegalDefault,
            RateChoice::Contractual { .. } => RateKind::Contractual,
        }
    }
}

/// C. com. L441-10: a contractual rate may not be below three times the legal interest rate.
/// What applies, in a semester where the clause's rate is below that floor, is not settled by
/// the text or any decision found (legal reference §1.2): the user chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BelowFloor {
    /// The floor itself, three times the legal rate « autres cas » of the period (format
    /// version 3's default: the clause stands, raised to the lowest rate the law allows).
    Floor,
    /// The clause's rate as agreed, with a notice (what versions 1 and 2 computed).
    Contractual,
    /// The L441-10 default rate, ECB + 10 points, as if there were no clause.
    LegalDefault,
}

/// Which rate, without its percentage: the `kind` of `options.rate` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateKind {
    LegalDefault,
    Contractual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatePeriod {
    /// Each semester of delay bears the rate of its own 1 January / 1 July (majority reading).
    Semester,
    /// The rate of the semester of the first day of delay, for the whole delay (minority reading).
    FrozenAtDueDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayCount {
    /// Always divide by 365 (Banque de France answer, 2019).
    Fixed365,
    /// Divide by 366 for days of a leap year.
    Actual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imputation {
    /// C. civ. 1343-1: a partial payment goes to interest first.
    InterestFirst,
    /// A contractual clause imputing payments to principal first.
    PrincipalFirst,
}

coded!(CreditorKind {
    Company => "company",
    IndividualProfessional => "individual_professional",
    IndividualPrivate => "individual_private",
});
coded!(DebtorKind {
    Professional => "professional",
    Consumer => "consumer",
    Public => "public",
});
coded!(RateKind {
    LegalDefault => "legal_default",
    Contractual => "contractual",
});
coded!(BelowFloor {
    Floor => "floor",
    Contractual => "contractual",
    LegalDefault => "default",
});
coded!(RatePeriod {
    Semester => "semester",
    FrozenAtDueDate => "frozen_at_due_date",
});
coded!(DayCount {
    Fixed365 => "365",
    Actual => "actual",
});
coded!(Imputation {
    InterestFirst => "interest_first",
    PrincipalFirst => "principal_first",
});

pub fn iso(date: NaiveDate) -> String {
    // `NaiveDate`'s Display is ISO 8601 (years 1900–2199 here), without strftime.
    date.to_string()
}

impl Dossier {
    /// A dossier of these parties and rows, with the default options and nothing else (what an
    /// import gives before the user completes it).
    pub fn new(
        creditor: Creditor,
        debtor: Debtor,
        invoices: Vec<Invoice>,
        payments: Vec<Payment>,
        credit_notes: Vec<CreditNote>,
    ) -> Dossier {
        Dossier {
            as_of: None,
            creditor,
            debtor,
            invoices,
            payments,
            credit_notes,
            acknowledgments: Vec::new(),
            rates: UserRates::default(),
            judgment: None,
            options: Options::default(),
            letter: LetterFields::default(),
            strategy: Overrides::new(),
            #[cfg(feature = "court")]
            court: Court::default(),
        }
    }

    /// The dossier as a JSON file of the current format version, pretty-printed. `parse::dossier` reads it back
    /// to an equal value.
    pub fn to_json(&self) -> String {
        crate::json_text::pretty(&self.to_value())
    }

    /// The dossier as the JSON value [`Dossier::to_json`] writes (to put several in one file).
    pub fn to_value(&self) -> Value {
        let party = |kind: &str, id: &Identity| {
            let mut map = Map::new();
            map.insert("name".into(), json!(id.name));
            map.insert("kind".into(), json!(kind));
            for (key, value) in [
                ("siren", &id.siren),
                ("address", &id.address),
                ("email", &id.email),
            ] {
                if !value.is_empty() {
                    map.insert(key.into(), json!(value));
                }
            }
            Value::Object(map)
        };
        let invoices: Vec<Value> = self
            .invoices
            .iter()
            .map(|i| {
                let mut map = Map::new();
                map.insert("number".into(), json!(i.number));
                if let Some(issued) = i.issued {
                    map.insert("issued".into(), json!(iso(issued)));
                }
                if !i.due_assumed {
                    map.insert("due".into(), json!(iso(i.due)));
                }
                map.insert("amount".into(), json!(i.amount.get().to_string()));
                if let Some(delivered) = i.delivered {
                    map.insert("delivered".into(), json!(iso(delivered)));
                }
                Value::Object(map)
            })
            .collect();
        let payments: Vec<Value> = self
            .payments
            .iter()
            .map(|p| {
                let mut map = Map::new();
                map.insert("date".into(), json!(iso(p.date)));
                map.insert("amount".into(), json!(p.amount.get().to_string()));
                if let Some(invoice) = &p.invoice {
                    map.insert("invoice".into(), json!(invoice));
                }
                Value::Object(map)
            })
            .collect();
        let credit_notes: Vec<Value> = self
            .credit_notes
            .iter()
            .map(|c| {
                let mut map = Map::new();
                if let Some(date) = c.date {
                    map.insert("date".into(), json!(iso(date)));
                }
                map.insert("amount".into(), json!(c.amount.get().to_string()));
                if let Some(invoice) = &c.invoice {
                    map.insert("invoice".into(), json!(invoice));
                }
                Value::Object(map)
            })
            .collect();
        let o = &self.options;
        let rate = match o.rate {
            RateChoice::LegalDefault => json!({"kind": RateKind::LegalDefault.code()}),
            RateChoice::Contractual {
                percent,
                below_floor,
            } => json!({
                "kind": RateKind::Contractual.code(),
                "percent": percent.get().to_string(),
                "below_floor": below_floor.code(),
            }),
        };
        let mut root = Map::new();
        root.insert("version".into(), json!(FORMAT_VERSION));
        root.insert(
            "as_of".into(),
            self.as_of.map_or(Value::Null, |d| json!(iso(d))),
        );
        #[allow(unused_mut)]
        let (mut creditor, mut debtor) = (
            party(self.creditor.kind.code(), &self.creditor.identity),
            party(self.debtor.kind.code(), &self.debtor.identity),
        );
        #[cfg(feature = "court")]
        {
            court::write_details(&mut creditor, &self.court.creditor);
            court::write_details(&mut debtor, &self.court.debtor);
        }
        root.insert("creditor".into(), creditor);
        root.insert("debtor".into(), debtor);
        root.insert("invoices".into(), Value::Array(invoices));
        root.insert("payments".into(), Value::Array(payments));
        root.insert("credit_notes".into(), Value::Array(credit_notes));
        if !self.acknowledgments.is_empty() {
            let rows = self.acknowledgments.iter().map(|a| {
                let mut map = Map::new();
                map.insert("date".into(), json!(iso(a.date)));
                if let Some(invoice) = &a.invoice {
                    map.insert("invoice".into(), json!(invoice));
                }
                Value::Object(map)
            });
            root.insert("acknowledgments".into(), Value::Array(rows.collect()));
        }
        root.insert(
            "options".into(),
            json!({
                "rate": rate,
                "rate_period": o.rate_period.code(),
                "day_count": o.day_count.code(),
                "imputation": o.imputation.code(),
                "indemnity": o.indemnity,
                "extra_costs": o.extra_costs.get().to_string(),
                "formal_notice_date": o.formal_notice_date.map_or(Value::Null, |d| json!(iso(d))),
            }),
        );
        #[cfg(feature = "judgment")]
        if let (Some(from), Some(Value::Object(map))) =
            (o.capitalisation_from, root.get_mut("options"))
        {
            map.insert("capitalisation_from".into(), json!(iso(from)));
        }
        if !self.rates.is_empty() {
            let ecb = self.rates.ecb.iter().map(|r| {
                json!({"from": iso(r.from), "percent": r.percent.get().to_string(), "source": r.source})
            });
            let legal = self.rates.legal.iter().map(|r| {
                json!({
                    "semester": semester_code(r.semester),
                    "particuliers": r.particuliers.get().to_string(),
                    "autres_cas": r.autres_cas.get().to_string(),
                    "source": r.source,
                })
            });
            let (ecb, legal): (Vec<Value>, Vec<Value>) = (ecb.collect(), legal.collect());
            root.insert("rates".into(), json!({"ecb": ecb, "legal": legal}));
        }
        if let Some(j) = &self.judgment {
            let amount = |a: Eur| json!(a.get().to_string());
            root.insert(
                "judgment".into(),
                json!({
                    "date": iso(j.date),
                    "served": j.served.map(iso),
                    "principal": amount(j.principal),
                    "interest_awarded": amount(j.interest_awarded),
                    "article_700": amount(j.article_700),
                    "costs": amount(j.costs),
                    "interest_from": j.interest_from.map(iso),
                }),
            );
            #[cfg(feature = "judgment")]
            if let Some(Value::Object(map)) = root.get_mut("judgment") {
                for (key, text) in [("court", &j.court), ("reference", &j.reference)] {
                    if !text.is_empty() {
                        map.insert(key.into(), json!(text));
                    }
                }
            }
        }
        #[cfg(feature = "court")]
        court::write(&mut root, &self.court);
        root.insert("letter".into(), letter_json(&self.letter));
        if !self.strategy.is_empty() {
            // `extend`, not `collect`, which would sort again (see `order::map_of`).
            let mut assumptions = Map::new();
            assumptions.extend(
                self.strategy
                    .iter()
                    .map(|(id, v)| (id.clone(), json!(v.normalize().to_string()))),
            );
            root.insert("strategy".into(), json!({ "assumptions": assumptions }));
        }
        Value::Object(root)
    }
}

fn letter_json(l: &LetterFields) -> Value {
    let p = &l.plan;
    json!({
        "place": l.place,
        "signatory": l.signatory,
        "capacity": l.capacity,
        "deadline_days": l.deadline_days,
        "sending": l.sending.code(),
        "tracking_number": l.tracking_number,
        "iban": l.iban,
        "bic": l.bic,
        "contract_reference": l.contract_reference,
        "terms_reference": l.terms_reference,
        "consumer_mediator": l.consumer_mediator,
        "show_unverified": l.show_unverified,
        "keep_prescribed": l.keep_prescribed,
        "reminders": l.reminders.iter().map(|d| iso(*d)).collect::<Vec<_>>(),
        "plan": {
            "instalments": p.instalments,
            "first_date": p.first_date.map(iso),
            "interval_months": p.interval_months,
            "total": p.total.map(|t| t.get().to_string()),
        },
        "edits": l.edits,
    })
}
