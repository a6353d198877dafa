//! Property tests of the engine: the parser never panics, `compute` never panics, the
//! décompte (and its CSV export) adds up, accrual is monotone in time, paying everything stops
//! it, invoice order is irrelevant, the file format round-trips, and every segment is what its
//! formula says.
//!
//! Generated dossiers are built directly from the model types, with dates in 2009–2026 (the
//! range the rate tables cover) unless a property needs the whole range the parser admits.
//! Failing seeds are kept in `crates/engine/proptest-regressions/props.txt` (commit it).

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;
use serde_json::Value;

use relance_engine::calendar::{is_leap_year, semester_start};
use relance_engine::dossier::{
    Acknowledgment, BelowFloor, CreditNote, Creditor, CreditorKind, DayCount, Debtor, DebtorKind,
    Dossier, Identity, Imputation, Invoice, Options, Payment, RateChoice, RatePeriod, UserEcbRow,
    UserLegalRow, UserRates,
};
use relance_engine::money::{Eur, Percent};
use relance_engine::rates::Basis;
use relance_engine::{compute, parse, report, Computation, Notice, RateTables};

#[path = "common/csv.rs"]
mod csv;

// ---------------------------------------------------------------------------------------------
// Helpers

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .expect("date in range")
}

fn minus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .expect("date in range")
}

fn eur_cents(cents: i64) -> Eur {
    Eur::new(Decimal::new(cents, 2)).expect("valid amount")
}

fn run(d: &Dossier, as_of: NaiveDate) -> Computation {
    compute(d, as_of, &RateTables::builtin())
}

/// Rounds `num / den` (both ≥ 0, den > 0) half away from zero.
fn div_round_half_up(num: i128, den: i128) -> i128 {
    (2 * num + den) / (2 * den)
}

/// A decimal with at most two decimals as integer cents.
fn to_cents(value: Decimal) -> i128 {
    let mut v = value;
    v.rescale(2);
    assert_eq!(v, value, "{value} has more than two decimals");
    v.mantissa()
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Every date from `from` through `to`.
fn date_between(from: NaiveDate, to: NaiveDate) -> BoxedStrategy<NaiveDate> {
    let span = u64::try_from((to - from).num_days()).expect("from <= to");
    (0..=span).prop_map(move |n| plus_days(from, n)).boxed()
}

/// Dates the generated dossiers use by default.
fn dossier_date() -> BoxedStrategy<NaiveDate> {
    date_between(ymd(2009, 1, 1), ymd(2026, 12, 31))
}

/// Amounts from 0.01 € to 10⁹ €, biased towards everyday sizes.
fn amount() -> BoxedStrategy<Eur> {
    prop_oneof![
        3 => 1i64..=10_000_000,        // up to 100 000 €
        2 => 1i64..=100_000_000_000,   // up to 10⁹ €
        1 => prop_oneof![Just(1i64), Just(100_000_000_000i64), Just(99i64), Just(100i64)],
        // Multiples of 3,65 €: at whole-percent rates over 365 days, a segment's exact
        // interest often ends in half a cent, where the rounding rule shows.
        2 => (1i64..=2_000_000).prop_map(|n| n * 365),
    ]
    .prop_map(eur_cents)
    .boxed()
}

/// Trimmed free text, as the parser returns it (names, addresses).
fn free_text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[A-Za-zÀ-ÿ0-9 '&.,()-]{0,24}",
        1 => "\\PC{0,16}",
        1 => Just(String::new()),
    ]
    .prop_map(|s| s.trim().to_owned())
    .boxed()
}

/// A SIREN with a valid Luhn check digit (9 digits, as the parser stores it).
fn siren() -> BoxedStrategy<String> {
    proptest::collection::vec(0u32..10, 8)
        .prop_map(|digits| {
            // Luhn over the 9 digits, from the right: positions 1, 3, … (0-based) are doubled.
            // The check digit is position 0; the 8 given digits are positions 8..=1.
            let sum: u32 = digits
                .iter()
                .rev()
                .enumerate()
                .map(|(i, d)| {
                    if i % 2 == 0 {
                        let x = d * 2;
                        if x > 9 {
                            x - 9
                        } else {
                            x
                        }
                    } else {
                        *d
                    }
                })
                .sum();
            let check = (10 - sum % 10) % 10;
            digits
                .iter()
                .chain(std::iter::once(&check))
                .map(|d| char::from_digit(*d, 10).expect("digit"))
                .collect()
        })
        .boxed()
}

fn identity() -> BoxedStrategy<Identity> {
    (
        free_text(),
        prop_oneof![Just(String::new()), siren()],
        free_text(),
        prop_oneof![
            Just(String::new()),
            "[a-z][a-z0-9._-]{0,8}@[a-z]{1,8}\\.(fr|com|eu)"
        ],
    )
        .prop_map(|(name, siren, address, email)| Identity {
            name,
            siren,
            address,
            email,
        })
        .boxed()
}

fn creditor_kind() -> BoxedStrategy<CreditorKind> {
    prop_oneof![
        Just(CreditorKind::Company),
        Just(CreditorKind::IndividualProfessional),
        Just(CreditorKind::IndividualPrivate),
    ]
    .boxed()
}

fn debtor_kind() -> BoxedStrategy<DebtorKind> {
    prop_oneof![
        3 => Just(DebtorKind::Professional),
        2 => Just(DebtorKind::Consumer),
        1 => Just(DebtorKind::Public),
    ]
    .boxed()
}

fn options(date: BoxedStrategy<NaiveDate>) -> BoxedStrategy<Options> {
    let below_floor = || {
        prop_oneof![
            Just(BelowFloor::Floor),
            Just(BelowFloor::Contractual),
            Just(BelowFloor::LegalDefault)
        ]
    };
    let rate = prop_oneof![
        Just(RateChoice::LegalDefault),
        (0i64..=30, below_floor()).prop_map(|(whole, below_floor)| {
            RateChoice::Contractual {
                percent: Percent::new(Decimal::from(whole)).expect("0–30 %"),
                below_floor,
            }
        }),
        (0i64..=3000, below_floor()).prop_map(|(hundredths, below_floor)| {
            RateChoice::Contractual {
                percent: Percent::new(Decimal::new(hundredths, 2)).expect("0–30 %"),
                below_floor,
            }
        }),
    ];
    (
        rate,
        prop_oneof![
            Just(RatePeriod::Semester),
            Just(RatePeriod::FrozenAtDueDate)
        ],
        prop_oneof![Just(DayCount::Fixed365), Just(DayCount::Actual)],
        prop_oneof![
            Just(Imputation::InterestFirst),
            Just(Imputation::PrincipalFirst)
        ],
        any::<bool>(),
        prop_oneof![3 => Just(Eur::ZERO), 1 => amount()],
        proptest::option::of(date),
    )
        .prop_map(
            |(rate, rate_period, day_count, imputation, indemnity, extra_costs, notice)| Options {
                rate,
                rate_period,
                day_count,
                imputation,
                indemnity,
                extra_costs,
                formal_notice_date: notice,
                #[cfg(feature = "judgment")]
                capitalisation_from: None,
            },
        )
        .boxed()
}

/// An invoice without its number: (issued, due, due_assumed, amount).
fn invoice_body(
    date: BoxedStrategy<NaiveDate>,
) -> BoxedStrategy<(Option<NaiveDate>, NaiveDate, bool, Eur)> {
    prop_oneof![
        // Explicit due date, optionally an issue date up to 120 days before (or a little after).
        3 => (date.clone(), proptest::option::of(-10i64..=120), amount()).prop_map(
            |(due, back, amount)| {
                let issued = back.map(|b| {
                    if b >= 0 {
                        minus_days(due, b.unsigned_abs())
                    } else {
                        plus_days(due, b.unsigned_abs())
                    }
                });
                (issued, due, false, amount)
            }
        ),
        // No due date in the file: issue date + 30 days (C. com. L441-10 I).
        1 => (date, amount()).prop_map(|(issued, amount)| {
            (Some(issued), plus_days(issued, 30), true, amount)
        }),
    ]
    .boxed()
}

/// Rates a user may add: at most one per date (ECB) or semester (legal rate), from 2015.
fn user_rates(date: BoxedStrategy<NaiveDate>) -> BoxedStrategy<UserRates> {
    let percent = || {
        (0u32..=1500).prop_map(|c| Percent::new(Decimal::new(i64::from(c), 2)).expect("in range"))
    };
    let source = "[a-zA-Zé]{1,12}";
    (
        proptest::collection::btree_map(date, (percent(), source), 0..=2),
        proptest::collection::btree_map(
            (2015i32..=2030, prop_oneof![Just(1u32), Just(7u32)]),
            (percent(), percent(), source),
            0..=2,
        ),
    )
        .prop_map(|(ecb, legal)| UserRates {
            ecb: ecb
                .into_iter()
                .map(|(from, (percent, source))| UserEcbRow {
                    from,
                    percent,
                    source,
                })
                .collect(),
            legal: legal
                .into_iter()
                .map(
                    |((year, month), (particuliers, autres_cas, source))| UserLegalRow {
                        semester: ymd(year, month, 1),
                        particuliers,
                        autres_cas,
                        source,
                    },
                )
                .collect(),
        })
        .boxed()
}

/// Valid dossiers (what `parse::dossier` could return) with dates drawn from `date`.
fn dossier_with(date: BoxedStrategy<NaiveDate>) -> BoxedStrategy<Dossier> {
    // A few dates drawn often, so that invoices share due dates and payments fall on them.
    let date = prop_oneof![
        3 => date,
        1 => proptest::sample::select(vec![
            ymd(2012, 12, 31),
            ymd(2013, 1, 1),
            ymd(2022, 4, 3),
            ymd(2022, 4, 4),
            ymd(2024, 2, 29),
            ymd(2024, 6, 30),
            ymd(2024, 7, 1),
        ]),
    ]
    .boxed();
    proptest::collection::btree_set("[A-Z0-9][A-Za-z0-9/_-]{0,10}", 1..=8)
        .prop_flat_map(move |numbers| {
            let numbers: Vec<String> = numbers.into_iter().collect();
            let n = numbers.len();
            let reference = proptest::option::weighted(0.4, any::<Index>());
            (
                Just(numbers).prop_shuffle(),
                proptest::collection::vec(invoice_body(date.clone()), n),
                proptest::collection::vec((date.clone(), amount(), reference.clone()), 0..=6),
                proptest::collection::vec(
                    (proptest::option::of(date.clone()), amount(), reference),
                    0..=3,
                ),
                (creditor_kind(), identity(), debtor_kind(), identity()),
                options(date.clone()),
                proptest::option::of(date.clone()),
                (
                    proptest::collection::vec(proptest::option::weighted(0.3, 0u64..=60), n),
                    proptest::collection::vec(
                        (
                            date.clone(),
                            proptest::option::weighted(0.5, any::<Index>()),
                        ),
                        0..=2,
                    ),
                    user_rates(date.clone()),
                ),
            )
        })
        .prop_map(
            |(numbers, bodies, payments, credit_notes, parties, mut options, as_of, extra)| {
                let (creditor_kind, creditor_id, debtor_kind, debtor_id) = parties;
                let (delivered, acknowledgments, rates) = extra;
                let invoices: Vec<Invoice> = numbers
                    .iter()
                    .zip(bodies)
                    .zip(delivered)
                    .map(
                        |((number, (issued, due, due_assumed, amount)), back)| Invoice {
                            number: number.clone(),
                            issued,
                            due,
                            due_assumed,
                            amount,
                            // Delivered up to 60 days before the invoice (or its due date).
                            delivered: back.map(|b| minus_days(issued.unwrap_or(due), b)),
                        },
                    )
                    .collect();
                let name = |i: Option<Index>| i.map(|i| i.get(&numbers).clone());
                // C. commande publique R2192-31: the regulation's rate, read per semester.
                if debtor_kind == DebtorKind::Public {
                    options.rate = RateChoice::LegalDefault;
                    options.rate_period = RatePeriod::Semester;
                }
                // An acknowledgment of one invoice is dated on or after it (`parse` says so).
                let acknowledgments = acknowledgments
                    .into_iter()
                    .map(|(date, i): (NaiveDate, Option<Index>)| Acknowledgment {
                        date,
                        invoice: name(i),
                    })
                    .filter(|a| {
                        let invoice = invoices
                            .iter()
                            .find(|inv| Some(&inv.number) == a.invoice.as_ref());
                        invoice
                            .and_then(|inv| parse::earliest(inv.issued, inv.delivered))
                            .is_none_or(|since| a.date >= since)
                    })
                    .collect();
                Dossier {
                    as_of,
                    creditor: Creditor {
                        kind: creditor_kind,
                        identity: creditor_id,
                    },
                    debtor: Debtor {
                        kind: debtor_kind,
                        identity: debtor_id,
                    },
                    invoices,
                    payments: payments
                        .into_iter()
                        .map(|(date, amount, i)| Payment {
                            date,
                            amount,
                            invoice: name(i),
                        })
                        .collect(),
                    credit_notes: credit_notes
                        .into_iter()
                        .map(|(date, amount, i)| CreditNote {
                            date,
                            amount,
                            invoice: name(i),
                        })
                        .collect(),
                    acknowledgments,
                    rates,
                    judgment: None,
                    options,
                    letter: relance_engine::letter_fields::LetterFields::default(),
                    strategy: Default::default(),
                    #[cfg(feature = "court")]
                    court: Default::default(),
                }
            },
        )
        .boxed()
}

fn dossier() -> BoxedStrategy<Dossier> {
    dossier_with(dossier_date())
}

/// Calculation dates: mostly where the rate tables are, sometimes anywhere in 2000–2099.
fn as_of() -> BoxedStrategy<NaiveDate> {
    prop_oneof![
        3 => date_between(ymd(2009, 1, 1), ymd(2030, 12, 31)),
        1 => date_between(ymd(2000, 1, 1), ymd(2099, 12, 31)),
    ]
    .boxed()
}

// --- Hostile input -----------------------------------------------------------------------------

/// Strings that mean something to some part of the parser.
const TRICKY_STRINGS: &[&str] = &[
    "",
    " ",
    "31/02/2026",
    "29/02/2024",
    "2026-02-29",
    "2024-02-29",
    "0000-01-01",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "9999-12-31",
    "+2022-04-03",
    "3/4/2022",
    "00/00/0000",
    "2022-04-03T00:00:00",
    "1e5",
    "24 000,00 €",
    "24\u{a0}000,00\u{a0}€",
    "1.234,56",
    "1,234.56",
    "1,234,567",
    "12,345",
    ",5",
    ".",
    ",",
    "-0",
    "-5",
    "\u{2212}5",
    "0,005",
    "0.00",
    "0",
    "99999999999999999999999999999999999",
    "999999999999999999999999999999999999999999999",
    "1000000000000",
    "1000000000000.01",
    "79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "NaN",
    "inf",
    "٣",
    "𝟙",
    "12.5 %",
    "100",
    "100.0001",
    "732 829 320",
    "732829321",
    "a@b.c",
    "@",
    "contractual",
    "legal_default",
    "semester",
    "frozen_at_due_date",
    "actual",
    "365",
    "interest_first",
    "principal_first",
    "company",
    "individual_professional",
    "individual_private",
    "professional",
    "consumer",
    "F1",
    "n°1",
    "\u{feff}",
    "\\u0000",
    "é",
];

/// JSON number spellings, including ones only `arbitrary_precision` keeps verbatim.
const TRICKY_NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "2",
    "-1",
    "1.5",
    "0.001",
    "24000.5",
    "1e400",
    "-1e-400",
    "1.5e3",
    "1E2",
    "123456789012345678901234567890",
    "18446744073709551616",
    "-9223372036854775809",
    "3.14159265358979323846264338327950288",
    "1000000000000.01",
    "100.00001",
];

const KEYS: &[&str] = &[
    "version",
    "as_of",
    "creditor",
    "debtor",
    "invoices",
    "payments",
    "credit_notes",
    "options",
    "name",
    "kind",
    "siren",
    "address",
    "email",
    "number",
    "issued",
    "due",
    "amount",
    "date",
    "invoice",
    "rate",
    "percent",
    "rate_period",
    "day_count",
    "imputation",
    "indemnity",
    "extra_costs",
    "formal_notice_date",
    "colour",
    "",
];

fn json_string_literal(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// A JSON scalar as text.
fn json_leaf() -> BoxedStrategy<String> {
    prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        proptest::sample::select(TRICKY_NUMBERS).prop_map(str::to_owned),
        "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,4})?",
        proptest::sample::select(TRICKY_STRINGS).prop_map(json_string_literal),
        "\\PC{0,12}".prop_map(|s| json_string_literal(&s)),
        "[0-9 ,./-]{0,14}".prop_map(|s| json_string_literal(&s)),
    ]
    .boxed()
}

fn json_key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
    .boxed()
}

/// Arbitrary JSON text (always well-formed), biased towards the dossier's vocabulary.
fn json_text() -> BoxedStrategy<String> {
    json_leaf()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                proptest::collection::vec((json_key(), inner), 0..6).prop_map(|fields| {
                    let fields: Vec<String> = fields
                        .iter()
                        .map(|(k, v)| format!("{}:{v}", json_string_literal(k)))
                        .collect();
                    format!("{{{}}}", fields.join(","))
                }),
            ]
        })
        .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    json_text()
        .prop_map(|t| serde_json::from_str(&t).expect("generated JSON is well-formed"))
        .boxed()
}

/// A textual edit of a file.
#[derive(Clone, Debug)]
enum TextEdit {
    Truncate(Index),
    Delete(Index, usize),
    Insert(Index, String),
    Duplicate(Index, usize),
}

fn text_edit() -> BoxedStrategy<TextEdit> {
    prop_oneof![
        any::<Index>().prop_map(TextEdit::Truncate),
        (any::<Index>(), 1usize..8).prop_map(|(i, n)| TextEdit::Delete(i, n)),
        (
            any::<Index>(),
            prop_oneof![
                "\\PC{1,4}",
                "[\\[\\]{}\":,0-9.eE+-]{1,3}",
                Just("null".to_owned()),
                Just("\"".to_owned()),
                Just("\\".to_owned()),
            ]
        )
            .prop_map(|(i, s)| TextEdit::Insert(i, s)),
        (any::<Index>(), 1usize..40).prop_map(|(i, n)| TextEdit::Duplicate(i, n)),
    ]
    .boxed()
}

fn apply_text_edit(chars: &mut Vec<char>, edit: &TextEdit) {
    let len = chars.len();
    match edit {
        TextEdit::Truncate(at) => chars.truncate(at.index(len + 1)),
        TextEdit::Delete(at, n) => {
            let from = at.index(len + 1);
            let to = (from + n).min(len);
            chars.drain(from..to);
        }
        TextEdit::Insert(at, s) => {
            let at = at.index(len + 1);
            chars.splice(at..at, s.chars());
        }
        TextEdit::Duplicate(at, n) => {
            let from = at.index(len + 1);
            let to = (from + n).min(len);
            let copy: Vec<char> = chars[from..to].to_vec();
            chars.splice(to..to, copy);
        }
    }
}

/// A structural edit of a JSON tree: at the `Index`-th node (pre-order)…
#[derive(Clone, Debug)]
enum TreeEdit {
    /// …put this value instead,
    Replace(Index, Value),
    /// …remove the node from its parent,
    Remove(Index),
    /// …add (or overwrite) this key, if the node is an object; push it, if it is an array.
    Add(Index, String, Value),
}

fn tree_edit() -> BoxedStrategy<TreeEdit> {
    prop_oneof![
        3 => (any::<Index>(), json_value()).prop_map(|(i, v)| TreeEdit::Replace(i, v)),
        1 => any::<Index>().prop_map(TreeEdit::Remove),
        1 => (any::<Index>(), json_key(), json_value()).prop_map(|(i, k, v)| TreeEdit::Add(i, k, v)),
    ]
    .boxed()
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Applies `edit` to the `target`-th node (pre-order) under `v`; `*seen` counts nodes visited.
/// Returns true when the node itself must be removed by its parent.
fn edit_node(v: &mut Value, target: usize, seen: &mut usize, edit: &TreeEdit) -> bool {
    if *seen == target {
        *seen += count_nodes(v);
        match edit {
            TreeEdit::Replace(_, new) => *v = new.clone(),
            TreeEdit::Remove(_) => return true,
            TreeEdit::Add(_, key, new) => match v {
                Value::Object(map) => {
                    map.insert(key.clone(), new.clone());
                }
                Value::Array(items) => items.push(new.clone()),
                _ => *v = new.clone(),
            },
        }
        return false;
    }
    *seen += 1;
    match v {
        Value::Array(items) => {
            let mut remove = None;
            for (i, item) in items.iter_mut().enumerate() {
                if edit_node(item, target, seen, edit) {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove {
                items.remove(i);
            }
        }
        Value::Object(map) => {
            let mut remove = None;
            for (k, item) in map.iter_mut() {
                if edit_node(item, target, seen, edit) {
                    remove = Some(k.clone());
                }
            }
            if let Some(k) = remove {
                map.remove(&k);
            }
        }
        _ => {}
    }
    false
}

fn apply_tree_edit(root: &mut Value, edit: &TreeEdit) {
    let index = match edit {
        TreeEdit::Replace(i, _) | TreeEdit::Remove(i) | TreeEdit::Add(i, _, _) => i,
    };
    let target = index.index(count_nodes(root));
    let mut seen = 0;
    if edit_node(root, target, &mut seen, edit) {
        *root = Value::Null;
    }
}

/// Parses `text`; whatever comes out must be displayable, and a dossier that parses must
/// compute and export without panicking.
fn parse_and_use(text: &str) {
    match parse::dossier(text) {
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err carries at least one error");
            for e in &errors {
                let _ = e.to_string();
            }
        }
        Ok(d) => {
            let _ = d.to_json();
            let as_of = d.as_of.unwrap_or(ymd(2026, 11, 22));
            let c = run(&d, as_of);
            let _ = report::to_json(&c);
            let _ = report::to_csv(&d, &c);
        }
    }
    let _ = relance_engine::compute_str(text, None);
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Where `prop_splitting_a_payment_changes_nothing` cuts a payment in two.
#[derive(Clone, Copy, Debug)]
enum Cut {
    Anywhere(Index),
    AtAnInvoiceAmount(Index),
}

/// The payment `prop_splitting_a_payment_changes_nothing` adds.
#[derive(Clone, Copy, Debug)]
enum Extra {
    Amount(Eur),
    EighthsOfInvoiced(i64),
}

/// 256 cases per property (about 10 s in debug mode); `PROPTEST_CASES=N` runs more.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/props.txt"
        )))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn prop_parse_never_panics_on_any_text(text in "\\PC*") {
        parse_and_use(&text);
    }

    #[test]
    fn prop_paste_and_form_never_panic(
        text in prop_oneof!["[\\PC\t\n;,\"/0-9 ]*", "([A-Z0-9-]{0,5}\t[0-3]?[0-9]/[01]?[0-9]/20[0-9]{2}\t[0-9 ]{1,7}(,[0-9]{2})?\n){0,6}"]
    ) {
        let pasted = relance_engine::paste::parse(&text);
        let form = relance_engine::form::Form { invoices: pasted.rows, ..Default::default() };
        let checked = relance_engine::form::check(&form);
        // Every pasted row is a valid invoice: the form accepts it as is (a number pasted
        // twice is the one thing it may flag).
        prop_assert!(checked.errors.iter().all(|e| e.field.ends_with(".number")), "{:?}", checked.errors);
        prop_assert_eq!(relance_engine::form::Form::from_json(&form.to_json()), Some(form));
    }

    #[test]
    fn prop_parse_never_panics_on_edited_dossier_text(
        d in dossier(),
        edits in proptest::collection::vec(text_edit(), 1..4),
    ) {
        let mut chars: Vec<char> = d.to_json().chars().collect();
        for edit in &edits {
            apply_text_edit(&mut chars, edit);
        }
        let text: String = chars.into_iter().collect();
        parse_and_use(&text);
    }

    #[test]
    fn prop_parse_never_panics_on_edited_dossier_tree(
        d in dossier(),
        edits in proptest::collection::vec(tree_edit(), 1..4),
    ) {
        let mut root: Value = serde_json::from_str(&d.to_json()).expect("to_json is JSON");
        for edit in &edits {
            apply_tree_edit(&mut root, edit);
        }
        parse_and_use(&root.to_string());
    }

    #[test]
    fn prop_parse_never_panics_on_arbitrary_json(
        text in json_text(),
        fields in proptest::collection::vec((json_key(), json_text()), 0..9),
    ) {
        parse_and_use(&text);
        // The same vocabulary at the top level, where the reader expects a dossier.
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}:{v}", json_string_literal(k)))
            .collect();
        parse_and_use(&format!("{{{}}}", body.join(",")));
    }

    #[test]
    fn prop_compute_never_panics(
        d in prop_oneof![
            dossier(),
            // Anything the parser admits: dates in 1900–2199.
            dossier_with(date_between(ymd(1900, 6, 1), ymd(2199, 12, 1))),
        ],
        as_of in prop_oneof![
            date_between(ymd(2000, 1, 1), ymd(2099, 12, 31)),
            date_between(ymd(1900, 1, 1), ymd(2199, 12, 31)),
        ],
    ) {
        let c = run(&d, as_of);
        let _ = report::to_json(&c);
        let _ = report::to_csv(&d, &c);
        for n in &c.notices {
            let _ = n.message();
        }
    }

    #[test]
    fn prop_decompte_adds_up(d in dossier(), as_of in as_of()) {
        let c = run(&d, as_of);
        let mut sum = relance_engine::Totals::default();
        for inv in &c.invoices {
            let segments: Decimal = inv.segments.iter().map(|s| s.interest).sum();
            prop_assert_eq!(segments, inv.interest_accrued, "invoice {}", inv.number);
            prop_assert_eq!(inv.interest, inv.interest_accrued - inv.interest_paid, "invoice {}", inv.number);
            prop_assert_eq!(inv.total, inv.principal + inv.interest + inv.indemnity, "invoice {}", inv.number);
            prop_assert!(inv.principal >= Decimal::ZERO, "invoice {}: principal {}", inv.number, inv.principal);
            prop_assert!(inv.interest >= Decimal::ZERO, "invoice {}: interest {}", inv.number, inv.interest);
            prop_assert!(
                inv.indemnity.is_zero() || inv.indemnity == Decimal::new(4000, 2),
                "invoice {}: indemnity {}", inv.number, inv.indemnity
            );
            sum.principal += inv.principal;
            sum.interest += inv.interest;
            sum.interest_accrued += inv.interest_accrued;
            sum.indemnities += inv.indemnity;
        }
        let t = &c.totals;
        prop_assert_eq!(t.principal, sum.principal);
        prop_assert_eq!(t.interest, sum.interest);
        prop_assert_eq!(t.interest_accrued, sum.interest_accrued);
        prop_assert_eq!(t.indemnities, sum.indemnities);
        prop_assert_eq!(t.extra_costs, d.options.extra_costs.get());
        prop_assert_eq!(t.total, t.principal + t.interest + t.indemnities + t.extra_costs);
        prop_assert_eq!(c.invoices.len(), d.invoices.len());
        // The CSV too: every line dated, Σ montant per invoice and over the file.
        csv::check_adds_up(&c, &report::to_csv(&d, &c));
    }

    #[test]
    fn prop_payments_and_credits_are_conserved(d in dossier(), as_of in as_of()) {
        let c = run(&d, as_of);
        let mut imputed = Decimal::ZERO;
        let mut credited = Decimal::ZERO;
        for inv in &c.invoices {
            let to_principal: Decimal = inv.payments.iter().map(|p| p.to_principal).sum();
            let to_interest: Decimal = inv.payments.iter().map(|p| p.to_interest).sum();
            prop_assert_eq!(
                inv.principal, inv.amount - inv.credited - to_principal,
                "invoice {}", inv.number
            );
            prop_assert_eq!(inv.interest_paid, to_interest, "invoice {}", inv.number);
            prop_assert!(inv.payments.iter().all(|p| p.date <= as_of));
            // Each credit note's part, dated as the note is (the CSV's "avoir" lines).
            let credits: Decimal = inv.credits.iter().map(|n| n.amount).sum();
            prop_assert_eq!(credits, inv.credited, "invoice {}", inv.number);
            prop_assert!(inv.credits.iter().all(|n| n.amount > Decimal::ZERO));
            imputed += to_principal + to_interest;
            credited += inv.credited;
        }
        let paid: Decimal = d
            .payments
            .iter()
            .filter(|p| p.date <= as_of)
            .map(|p| p.amount.get())
            .sum();
        prop_assert_eq!(imputed + c.unallocated_payments, paid);
        let unallocated_credit: Decimal = c
            .notices
            .iter()
            .map(|n| match n {
                Notice::UnallocatedCredit { amount } => *amount,
                _ => Decimal::ZERO,
            })
            .sum();
        let notes: Decimal = d.credit_notes.iter().map(|n| n.amount.get()).sum();
        prop_assert_eq!(credited + unallocated_credit, notes);
        // A payment is left unimputed only when nothing at all was owed any more; then no
        // interest runs afterwards either.
        if c.unallocated_payments > Decimal::ZERO {
            prop_assert_eq!(c.totals.principal, Decimal::ZERO);
            prop_assert_eq!(c.totals.interest, Decimal::ZERO);
        }
    }

    #[test]
    fn prop_splitting_a_payment_changes_nothing(
        d in dossier(),
        as_of in as_of(),
        which in any::<Index>(),
        cut in prop_oneof![
            any::<Index>().prop_map(Cut::Anywhere),
            any::<Index>().prop_map(Cut::AtAnInvoiceAmount),
        ],
        extra in prop_oneof![
            amount().prop_map(Extra::Amount),
            (1i64..=16).prop_map(Extra::EighthsOfInvoiced),
        ],
        back in 0u64..1500,
        imputation in prop_oneof![Just(Imputation::InterestFirst), Just(Imputation::PrincipalFirst)],
    ) {
        // Paying 1 000 € then 500 € on the same day is paying 1 500 € that day.
        let mut d = d;
        d.options.imputation = imputation;
        let invoiced: i128 = d.invoices.iter().map(|i| to_cents(i.amount.get())).sum();
        let extra = match extra {
            Extra::Amount(a) => a,
            Extra::EighthsOfInvoiced(k) => eur_cents(
                i64::try_from((invoiced * i128::from(k) / 8).clamp(2, 100_000_000_000_000)).expect("fits"),
            ),
        };
        d.payments.push(Payment { date: minus_days(as_of, back), amount: extra, invoice: None });
        let splittable = |p: &Payment| p.date <= as_of && p.amount.get() > Decimal::new(1, 2);
        let candidates: Vec<usize> = (0..d.payments.len()).filter(|&i| splittable(&d.payments[i])).collect();
        prop_assume!(!candidates.is_empty());
        let i = *which.get(&candidates);
        let whole = i64::try_from(to_cents(d.payments[i].amount.get())).expect("fits");
        let first = match cut {
            Cut::Anywhere(at) => 1 + i64::try_from(at.index(usize::try_from(whole - 1).expect("fits"))).expect("fits"),
            // Exactly one invoice's amount: the first part may settle one invoice's principal.
            Cut::AtAnInvoiceAmount(at) => {
                let amount = at.get(&d.invoices).amount.get();
                i64::try_from(to_cents(amount)).expect("fits").clamp(1, whole - 1)
            }
        };
        let mut split = d.clone();
        split.payments[i].amount = eur_cents(first);
        let mut second = split.payments[i].clone();
        second.amount = eur_cents(whole - first);
        split.payments.insert(i + 1, second);
        let (a, b) = (run(&d, as_of), run(&split, as_of));
        prop_assert_eq!(&a.totals, &b.totals);
        prop_assert_eq!(a.daily_accrual, b.daily_accrual);
        prop_assert_eq!(a.unallocated_payments, b.unallocated_payments);
        prop_assert_eq!(&a.notices, &b.notices);
        for (x, y) in a.invoices.iter().zip(&b.invoices) {
            prop_assert_eq!(&x.number, &y.number);
            prop_assert_eq!(x.principal, y.principal, "invoice {}", x.number);
            prop_assert_eq!(x.interest_paid, y.interest_paid, "invoice {}", x.number);
            prop_assert_eq!(&x.segments, &y.segments, "invoice {}", x.number);
            prop_assert_eq!(x.indemnity, y.indemnity, "invoice {}", x.number);
        }
    }

    #[test]
    fn prop_interest_accrued_never_decreases(d in dossier(), as_of in as_of(), k in 0u64..3000) {
        let later = plus_days(as_of, k);
        let before = run(&d, as_of);
        let after = run(&d, later);
        prop_assert!(
            after.totals.interest_accrued >= before.totals.interest_accrued,
            "total accrued {} on {} but {} on {}",
            before.totals.interest_accrued, as_of, after.totals.interest_accrued, later
        );
        for (b, a) in before.invoices.iter().zip(&after.invoices) {
            prop_assert_eq!(&b.number, &a.number);
            prop_assert!(
                a.interest_accrued >= b.interest_accrued,
                "invoice {}: accrued {} on {} but {} on {}",
                b.number, b.interest_accrued, as_of, a.interest_accrued, later
            );
        }
    }

    #[test]
    fn prop_paying_everything_stops_accrual(
        d in dossier(),
        as_of in date_between(ymd(2009, 1, 1), ymd(2030, 12, 31)),
        back in 0u64..4000,
        k in 1u64..2000,
    ) {
        let mut d = d;
        let pay_on = minus_days(as_of, back).max(ymd(2000, 1, 1));
        let invoiced: i128 = d.invoices.iter().map(|i| to_cents(i.amount.get())).sum();
        // Interest over ≤ 22 years at ≤ 30 % is < 7 × the principal; 40 × leaves room.
        let cents = (invoiced * 40 + 100_000_000).min(100_000_000_000_000);
        let cents = i64::try_from(cents).expect("fits");
        d.payments.push(Payment { date: pay_on, amount: eur_cents(cents), invoice: None });
        let later = plus_days(as_of, k);
        let now = run(&d, as_of);
        let then = run(&d, later);
        for inv in &now.invoices {
            prop_assert!(inv.principal.is_zero(), "invoice {}: principal {}", inv.number, inv.principal);
            prop_assert!(inv.interest.is_zero(), "invoice {}: interest {}", inv.number, inv.interest);
            prop_assert!(inv.segments.iter().all(|s| s.to <= pay_on), "invoice {}: accrual after {}", inv.number, pay_on);
        }
        prop_assert!(now.daily_accrual.is_zero(), "daily accrual {}", now.daily_accrual);
        prop_assert!(now.unallocated_payments > Decimal::ZERO);
        prop_assert_eq!(now.totals.principal, Decimal::ZERO);
        prop_assert_eq!(now.totals.interest, Decimal::ZERO);
        prop_assert_eq!(now.totals.interest_accrued, then.totals.interest_accrued);
        for (a, b) in now.invoices.iter().zip(&then.invoices) {
            prop_assert_eq!(&a.number, &b.number);
            prop_assert_eq!(a.interest_accrued, b.interest_accrued, "invoice {}", a.number);
        }
        prop_assert!(then.daily_accrual.is_zero());
    }

    #[test]
    fn prop_invoice_order_does_not_matter(
        (d, shuffled) in dossier().prop_flat_map(|d| {
            let invoices = d.invoices.clone();
            (Just(d), Just(invoices).prop_shuffle())
        }),
        as_of in as_of(),
    ) {
        let reference = run(&d, as_of);
        let mut other = d.clone();
        other.invoices = shuffled;
        prop_assert_eq!(&run(&other, as_of), &reference);
        other.invoices.reverse();
        prop_assert_eq!(&run(&other, as_of), &reference);
        // Output order: due date, then issue date, then number.
        let keys: Vec<_> = reference.invoices.iter().map(|i| (i.due, i.issued, i.number.clone())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    /// C. civ. 2240: a payment or an acknowledgment only ever starts the period again, so
    /// the last day to act of what is still owed never comes earlier for having them.
    #[test]
    fn prop_payments_never_bring_prescription_closer(d in dossier(), as_of in as_of()) {
        let with = run(&d, as_of);
        let mut bare = d.clone();
        bare.payments.clear();
        bare.acknowledgments.clear();
        let without = run(&bare, as_of);
        for inv in &with.invoices {
            let before = without.invoices.iter().find(|i| i.number == inv.number);
            if let (Some(t), Some(Some(b))) = (inv.prescription, before.map(|i| i.prescription)) {
                prop_assert!(t.last_day >= b.last_day, "invoice {}: {:?} < {:?}", inv.number, t, b);
            }
        }
    }

    /// The rows a user adds to the rate tables count the same in any order.
    #[test]
    fn prop_the_order_of_entered_rates_does_not_matter(d in dossier(), as_of in as_of()) {
        let reference = run(&d, as_of);
        let mut other = d.clone();
        other.rates.ecb.reverse();
        other.rates.legal.reverse();
        prop_assert_eq!(&run(&other, as_of), &reference);
    }

    /// What the web form shows of a dossier reads back to the same dossier.
    #[test]
    fn prop_form_round_trips(d in dossier()) {
        let form = relance_engine::form::Form::from_dossier(&d);
        let checked = relance_engine::form::check(&form);
        prop_assert_eq!(checked.errors, vec![]);
        prop_assert_eq!(checked.dossier, Some(d));
    }

    #[test]
    fn prop_file_round_trips(d in dossier()) {
        let text = d.to_json();
        prop_assert_eq!(parse::dossier(&text), Ok(d.clone()), "file:\n{}", text);
    }

    #[test]
    fn prop_wide_file_round_trips(d in dossier_with(date_between(ymd(1900, 6, 1), ymd(2199, 12, 1)))) {
        let text = d.to_json();
        prop_assert_eq!(parse::dossier(&text), Ok(d.clone()), "file:\n{}", text);
    }

    #[test]
    fn prop_segments_follow_their_formula(d in dossier(), as_of in as_of()) {
        let c = run(&d, as_of);
        for inv in &c.invoices {
            let n = &inv.number;
            if let Some(first) = inv.segments.first() {
                prop_assert_eq!(Some(first.from), inv.accrual_start, "invoice {}", n);
            }
            for pair in inv.segments.windows(2) {
                prop_assert_eq!(
                    pair[0].to.succ_opt(), Some(pair[1].from),
                    "invoice {}: segments not contiguous", n
                );
            }
            for s in &inv.segments {
                prop_assert!(s.from <= s.to, "invoice {}: {:?}", n, s);
                prop_assert!(s.to <= as_of, "invoice {}: segment after as_of {:?}", n, s);
                prop_assert_eq!(semester_start(s.from), semester_start(s.to), "invoice {}: segment across semesters", n);
                prop_assert_eq!(s.days, (s.to - s.from).num_days() + 1, "invoice {}", n);
                prop_assert!(s.days > 0);
                prop_assert!(s.base > Decimal::ZERO, "invoice {}: zero base {:?}", n, s);
                let leap = matches!(d.options.day_count, DayCount::Actual) && is_leap_year(s.from.year());
                prop_assert_eq!(s.divisor, if leap { 366 } else { 365 }, "invoice {}", n);
                // C. com. L441-10: the clause's rate, or what the chosen rule puts in its place
                // in a semester where it is below the floor (the floor only raises it).
                if let (DebtorKind::Professional, RateChoice::Contractual { percent, below_floor }) = (d.debtor.kind, d.options.rate) {
                    let p = percent.get();
                    match s.rate.basis {
                        Basis::Contractual => prop_assert_eq!(s.rate.percent, p, "invoice {}", n),
                        Basis::ContractualFloor { contractual, legal, .. } => {
                            prop_assert_eq!(below_floor, BelowFloor::Floor, "invoice {}", n);
                            prop_assert_eq!(contractual, p, "invoice {}", n);
                            prop_assert!(s.rate.percent > p, "invoice {}: {:?}", n, s);
                            prop_assert_eq!(s.rate.percent, legal * Decimal::from(3), "invoice {}", n);
                        }
                        Basis::ContractualDefault { contractual, floor, ecb, .. } => {
                            prop_assert_eq!(below_floor, BelowFloor::LegalDefault, "invoice {}", n);
                            prop_assert_eq!(contractual, p, "invoice {}", n);
                            prop_assert!(p < floor, "invoice {}: {:?}", n, s);
                            prop_assert_eq!(s.rate.percent, ecb + Decimal::from(10), "invoice {}", n);
                        }
                        other => prop_assert!(false, "invoice {}: basis {:?}", n, other),
                    }
                }
                // Exact rational arithmetic: cents = base¢ × m × days / (10^scale × 100 × divisor).
                let base = to_cents(s.base);
                let rate = s.rate.percent;
                let num = base * rate.mantissa() * i128::from(s.days);
                let den = 10i128.pow(rate.scale()) * 100 * i128::from(s.divisor);
                let want = Decimal::new(
                    i64::try_from(div_round_half_up(num, den)).expect("fits"),
                    2,
                );
                prop_assert_eq!(s.interest, want, "invoice {}: {:?}", n, s);
            }
            // C. commande publique R2192-31: one rate for the whole delay, the ECB rate of the
            // first day of the semester in which it began, plus 8 points.
            if d.debtor.kind == DebtorKind::Public {
                for s in &inv.segments {
                    let Basis::EcbPlusEight { ecb, reference } = s.rate.basis else {
                        return Err(TestCaseError::fail(format!("invoice {n}: basis {:?}", s.rate.basis)));
                    };
                    prop_assert_eq!(Some(reference), inv.accrual_start.map(semester_start), "invoice {}", n);
                    prop_assert_eq!(s.rate.percent, ecb + Decimal::from(8), "invoice {}", n);
                    prop_assert_eq!(s.rate, inv.segments[0].rate, "invoice {}: the rate moved", n);
                }
            }
            // The rate tables cover every day from 2009 (from 1 April 2019 for a public buyer,
            // R2192-31): accrual runs through as_of while principal is owed.
            let covered = if d.debtor.kind == DebtorKind::Public { ymd(2019, 4, 1) } else { ymd(2009, 1, 1) };
            if let Some(start) = inv.accrual_start.filter(|s| *s >= covered) {
                if start <= as_of && !inv.principal.is_zero() {
                    prop_assert_eq!(inv.segments.last().map(|s| s.to), Some(as_of), "invoice {}", n);
                }
            }
        }
        // Notices are sorted and unique (they come from a set).
        let notices: BTreeSet<_> = c.notices.iter().cloned().collect();
        prop_assert_eq!(notices.len(), c.notices.len());
    }
}

/// The seed case keeps its known figures (a sanity check of the helpers above).
#[test]
fn seed_figures() {
    let d = parse::dossier(relance_engine::SEED_DOSSIER).expect("seed parses");
    let c = run(&d, ymd(2026, 11, 22));
    assert_eq!(c.totals.total.to_string(), "38132.53");
    assert_eq!(c.invoices[0].segments.len(), 10);
    assert_eq!(parse::dossier(&d.to_json()), Ok(d));
}

/// Engine bug found by `prop_splitting_a_payment_changes_nothing`: under `principal_first`,
/// one payment of 1 500 € imputes A's interest before B's principal, but 1 000 € + 500 € the
/// same day impute B's principal first. The same money on the same day must leave the same
/// debt, however the transfer was split.
#[test]
fn principal_first_split_payment_is_imputed_like_one_payment() {
    let one = r#"{"version":1,"as_of":"2026-01-01","creditor":{"kind":"company"},"debtor":{"kind":"professional"},
        "invoices":[{"number":"A","due":"2024-01-01","amount":"1000"},{"number":"B","due":"2024-01-01","amount":"1000"}],
        "payments":[{"date":"2025-01-01","amount":"1500"}],
        "options":{"rate":{"kind":"contractual","percent":"10"},"imputation":"principal_first","indemnity":false}}"#;
    let two = one.replace(
        r#"[{"date":"2025-01-01","amount":"1500"}]"#,
        r#"[{"date":"2025-01-01","amount":"1000"},{"date":"2025-01-01","amount":"500"}]"#,
    );
    let compute =
        |text: &str| relance_engine::compute_str(text, None).unwrap_or_else(|e| panic!("{e:?}"));
    let (a, b) = (compute(one), compute(&two));
    assert_eq!(a.totals, b.totals);
    assert_eq!(a.daily_accrual, b.daily_accrual);
}
