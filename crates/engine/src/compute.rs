//! The computation: from a validated [`Dossier`], a calculation date and the rate tables, the
//! dated breakdown ("décompte") of what the debtor owes, invoice by invoice and segment by
//! segment, with its totals and notices.
//!
//! How it works. Each invoice has a ledger: principal still owed, interest accrued and paid,
//! and the first day not yet accrued. Payments are taken in date order; before a payment
//! touches an invoice, that invoice's interest is accrued through the payment date, so each
//! segment has one base and one rate. Segments are cut at every 1 January and 1 July, at
//! each payment, and wherever the rate changes. Each segment's interest is rounded to the
//! cent; every total is a sum of rounded figures, so the printed décompte adds up.
//!
//! Nothing here reads the clock, panics or allocates per day: work is per segment.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::{next_day, semester_end, semester_start};
use crate::dossier::*;
use crate::law::imputation::{split, Take};
use crate::law::indemnity::{indemnity, Indemnity};
use crate::law::late_interest::{accrual_start, is_below_floor, legal_category};
use crate::law::{self, payment_terms, prescription};
use crate::money::round_cents;
use crate::notice::Notice;
use crate::order::{sort_by_date, sort_stable_by};
#[cfg(feature = "user-rates")]
use crate::rates::Merged;
use crate::rates::{Basis, LegalCategory, Lookup, RateQuote, RateTables, Status};
use crate::segment::divisor;
pub use crate::segment::{segment_interest, Segment};

/// What the debtor owes on `as_of`, with the working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Computation {
    pub as_of: NaiveDate,
    pub regime: Regime,
    /// Invoices by due date (then issue date, then number).
    pub invoices: Vec<InvoiceResult>,
    pub totals: Totals,
    /// Interest that one more day of delay adds, at the rates of `as_of`, rounded to the cent.
    pub daily_accrual: Decimal,
    /// Payments beyond everything owed in principal and interest.
    pub unallocated_payments: Decimal,
    pub notices: Vec<Notice>,
    /// After a judgment, its account: the totals are then its own, and the invoices' décompte
    /// is their history up to its date.
    #[cfg(feature = "judgment")]
    pub judgment: Option<crate::judgment::JudgmentResult>,
}

pub use crate::law::Regime;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceResult {
    pub number: String,
    pub issued: Option<NaiveDate>,
    pub due: NaiveDate,
    /// Delivery of the goods or end of the service, when the dossier gives it.
    pub delivered: Option<NaiveDate>,
    /// Amount of the invoice, VAT included.
    pub amount: Decimal,
    /// Credit notes applied to it: the sum of `credits`.
    pub credited: Decimal,
    /// Principal still owed.
    pub principal: Decimal,
    /// Interest still owed (accrued minus paid).
    pub interest: Decimal,
    /// Sum of the segments' interest.
    pub interest_accrued: Decimal,
    pub interest_paid: Decimal,
    pub indemnity: Decimal,
    /// principal + interest + indemnity.
    pub total: Decimal,
    /// First day of delay that bears interest; `None` when none does (consumer without notice).
    pub accrual_start: Option<NaiveDate>,
    pub segments: Vec<Segment>,
    pub payments: Vec<AppliedPayment>,
    /// What each credit note took off this invoice, in the dossier's order.
    pub credits: Vec<AppliedCredit>,
    /// The prescription of what is still owed on it in principal or interest on `as_of`;
    /// `None` once that is nothing.
    pub prescription: Option<prescription::Term>,
    /// Interest added to the base on each anniversary (C. civ. 1343-2; feature `judgment`).
    #[cfg(feature = "judgment")]
    pub capitalisations: Vec<Capitalised>,
}

#[cfg(feature = "judgment")]
pub use crate::law::capitalisation::Capitalised;

#[cfg(feature = "judgment")]
impl InvoiceResult {
    /// All the interest capitalised on this invoice.
    pub fn capitalised(&self) -> Decimal {
        self.capitalisations.iter().map(|c| c.amount).sum()
    }
}

impl Computation {
    /// What a letter may claim before any judgment: the total, less the extra recovery costs
    /// for a consumer (C. proc. civ. exéc. L111-8).
    pub fn claimable_without_title(&self) -> Decimal {
        law::consumer::claimable_without_title(
            self.regime,
            self.totals.total,
            self.totals.extra_costs,
        )
    }
}

impl Computation {
    /// What became of a contractual rate below the C. com. L441-10 floor in some semester:
    /// `Floor` or `LegalDefault` where it gave way, `Contractual` where it was kept (with its
    /// notice); `None` when no semester computed had it below the floor.
    pub fn contractual_below_floor(&self) -> Option<BelowFloor> {
        let bases = self.invoices.iter().flat_map(|i| &i.segments);
        for s in bases {
            match s.rate.basis {
                Basis::ContractualFloor { .. } => return Some(BelowFloor::Floor),
                Basis::ContractualDefault { .. } => return Some(BelowFloor::LegalDefault),
                Basis::Contractual
                | Basis::EcbPlusTen { .. }
                | Basis::EcbPlusEight { .. }
                | Basis::Legal { .. } => {}
                #[cfg(feature = "judgment")]
                Basis::Judgment { .. } => {}
            }
        }
        self.notices
            .iter()
            .any(|n| matches!(n, Notice::ContractualRateBelowFloor { .. }))
            .then_some(BelowFloor::Contractual)
    }
}

/// How one payment was imputed on one invoice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedPayment {
    pub date: NaiveDate,
    pub to_interest: Decimal,
    pub to_principal: Decimal,
}

/// What one credit note of the dossier took off one invoice: a note naming no invoice is
/// spread over the invoices by due date, so it may appear on several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedCredit {
    /// The credit note's date, if the dossier gives one.
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Totals {
    pub principal: Decimal,
    pub interest: Decimal,
    pub interest_accrued: Decimal,
    pub indemnities: Decimal,
    pub extra_costs: Decimal,
    pub total: Decimal,
}

pub use crate::law::indemnity::{AMOUNT as INDEMNITY, FROM as INDEMNITY_FROM};
const HUNDRED: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

/// Computes the décompte of `dossier` on `as_of` with `tables` and the rates the dossier adds
/// to them. Never panics.
pub fn compute(dossier: &Dossier, as_of: NaiveDate, tables: &RateTables) -> Computation {
    // One call either way: the computation is compiled once.
    #[cfg(feature = "user-rates")]
    let merged = (!dossier.rates.is_empty()).then(|| Merged::new(tables, &dossier.rates));
    #[cfg(feature = "user-rates")]
    let merged = merged.as_ref().map(Merged::tables);
    #[cfg(feature = "user-rates")]
    let tables = merged.as_ref().unwrap_or(tables);
    #[cfg(feature = "judgment")]
    if let Some(j) = &dossier.judgment {
        return after_judgment(dossier, j, as_of, tables);
    }
    compute_with(dossier, as_of, tables)
}

/// After a judgment: the invoices' décompte up to its date (with the payments made by then,
/// without their prescription, which the judgment replaces), then the judgment's account.
#[cfg(feature = "judgment")]
fn after_judgment(
    dossier: &Dossier,
    j: &Judgment,
    as_of: NaiveDate,
    tables: &RateTables,
) -> Computation {
    let mut history = dossier.clone();
    history.judgment = None;
    if j.date > as_of {
        // A judgment to come counts for nothing yet.
        let mut c = compute_with(&history, as_of, tables);
        let mut notes: BTreeSet<Notice> = c.notices.drain(..).collect();
        notes.insert(Notice::JudgmentAfterAsOf { date: j.date });
        c.notices = notes.into_iter().collect();
        return c;
    }
    history.payments.retain(|p| p.date <= j.date);
    let mut c = compute_with(&history, j.date, tables);
    c.as_of = as_of;
    let mut notes: BTreeSet<Notice> = c
        .notices
        .drain(..)
        .filter(|n| !matches!(n, Notice::Prescription { .. }))
        .collect();
    for inv in &mut c.invoices {
        inv.prescription = None;
    }
    let account = crate::judgment::account(dossier, j, as_of, tables, &mut notes);
    #[cfg(feature = "user-rates")]
    if account
        .segments
        .iter()
        .any(|s| s.rate.status == Status::User)
    {
        notes.insert(user_rate_notice(dossier));
    }
    if !account.unallocated.is_zero() {
        notes.insert(Notice::UnallocatedPayment {
            amount: account.unallocated,
        });
    }
    let (base, interest, costs) = (
        round_cents(account.base_owed),
        round_cents(account.interest_owed()),
        round_cents(account.costs_owed),
    );
    c.totals = Totals {
        principal: base,
        interest,
        interest_accrued: round_cents(account.interest_accrued),
        indemnities: round_cents(Decimal::ZERO),
        extra_costs: costs,
        total: base + interest + costs,
    };
    c.daily_accrual =
        account
            .segments
            .last()
            .filter(|s| s.to == as_of)
            .map_or(Decimal::ZERO, |s| {
                // What bears interest: the base and the capitalised interest (C. civ. 1343-2).
                let base = account.base_owed + account.capitalised_owed;
                round_cents(base * s.rate.percent / (HUNDRED * Decimal::from(s.divisor)))
            });
    c.unallocated_payments = round_cents(account.unallocated);
    c.notices = notes.into_iter().collect();
    c.judgment = Some(account);
    c
}

/// The notice naming the rates the user entered, once a segment uses one.
#[cfg(feature = "user-rates")]
fn user_rate_notice(dossier: &Dossier) -> Notice {
    let r = &dossier.rates;
    // In date order, whatever the order of the rows in the dossier.
    let mut ecb: Vec<_> = r
        .ecb
        .iter()
        .map(|u| (u.from, u.percent.get(), u.source.clone()))
        .collect();
    sort_by_date(&mut ecb, |r| r.0);
    let mut legal: Vec<_> = r
        .legal
        .iter()
        .map(|u| {
            let (p, a) = (u.particuliers.get(), u.autres_cas.get());
            (u.semester, p, a, u.source.clone())
        })
        .collect();
    sort_by_date(&mut legal, |r| r.0);
    Notice::UserRate { ecb, legal }
}

fn compute_with(dossier: &Dossier, as_of: NaiveDate, tables: &RateTables) -> Computation {
    let options = &dossier.options;
    let regime = Regime::of(dossier.debtor.kind);
    let mut notes = BTreeSet::new();
    let mut ledgers = open_ledgers(dossier, regime, tables, &mut notes);
    // Why a total may hold no interest yet: a consumer's notice still to come (C. civ. 1231-6),
    // an invoice not yet due.
    if let Some(date) = options.formal_notice_date.filter(|d| *d > as_of) {
        if regime == Regime::B2c {
            notes.insert(Notice::FormalNoticeAfterAsOf { date });
        }
    }
    if let (Regime::B2c, Some(notice)) = (regime, options.formal_notice_date) {
        for inv in dossier.invoices.iter().filter(|i| notice < i.due) {
            notes.insert(Notice::FormalNoticeBeforeDue {
                invoice: inv.number.clone(),
                notice,
                due: inv.due,
            });
        }
    }
    for inv in dossier.invoices.iter().filter(|i| i.due >= as_of) {
        notes.insert(Notice::NotYetDue {
            invoice: inv.number.clone(),
            due: inv.due,
        });
    }

    let index: HashMap<String, usize> = ledgers
        .iter()
        .enumerate()
        .map(|(i, l)| (l.result.number.clone(), i))
        .collect();
    apply_credit_notes(dossier, &mut ledgers, &index, &mut notes);

    let mut payments: Vec<&Payment> = Vec::with_capacity(dossier.payments.len());
    for p in &dossier.payments {
        if p.date > as_of {
            notes.insert(Notice::PaymentAfterAsOf {
                date: p.date,
                amount: p.amount.get(),
            });
        } else {
            payments.push(p);
        }
    }
    sort_by_date(&mut payments, |p| p.date);
    let mut unallocated = Decimal::ZERO;
    let mut cursor = Cursors::default();
    for payment in payments {
        let mut left = payment.amount.get();
        let env = Env {
            tables,
            options,
            notes: &mut notes,
        };
        unallocated += allocate(payment, &mut left, &mut ledgers, &index, &mut cursor, env);
    }
    if !unallocated.is_zero() {
        notes.insert(Notice::UnallocatedPayment {
            amount: unallocated,
        });
    }

    let mut daily = Decimal::ZERO;
    for ledger in &mut ledgers {
        ledger.advance(
            as_of,
            Env {
                tables,
                options,
                notes: &mut notes,
            },
        );
        daily += ledger.daily_interest(as_of, tables, options);
    }
    let invoices: Vec<InvoiceResult> = ledgers
        .into_iter()
        .map(|l| l.finish(regime, dossier, as_of, &mut notes))
        .collect();
    #[cfg(feature = "user-rates")]
    if invoices
        .iter()
        .flat_map(|i| &i.segments)
        .any(|s| s.rate.status == Status::User)
    {
        notes.insert(user_rate_notice(dossier));
    }
    let mut totals = Totals {
        extra_costs: options.extra_costs.get(),
        ..Totals::default()
    };
    for inv in &invoices {
        totals.principal += inv.principal;
        totals.interest += inv.interest;
        totals.interest_accrued += inv.interest_accrued;
        totals.indemnities += inv.indemnity;
    }
    totals.total = totals.principal + totals.interest + totals.indemnities + totals.extra_costs;
    for field in [
        &mut totals.principal,
        &mut totals.interest,
        &mut totals.interest_accrued,
        &mut totals.indemnities,
        &mut totals.extra_costs,
        &mut totals.total,
    ] {
        *field = round_cents(*field);
    }
    Computation {
        as_of,
        regime,
        invoices,
        totals,
        daily_accrual: round_cents(daily),
        unallocated_payments: round_cents(unallocated),
        notices: notes.into_iter().collect(),
        #[cfg(feature = "judgment")]
        judgment: None,
    }
}

/// Shared, read-mostly context of the accrual functions.
struct Env<'a> {
    tables: &'a RateTables<'a>,
    options: &'a Options,
    notes: &'a mut BTreeSet<Notice>,
}

/// Which rate an invoice bears.
#[derive(Clone, Copy)]
enum Mode {
    /// C. com. L441-10 default rate.
    Default(DefaultRate),
    /// The contract's rate; `default` is what `BelowFloor::LegalDefault` gives way to.
    Contractual {
        percent: Decimal,
        below_floor: BelowFloor,
        default: DefaultRate,
    },
    /// C. civ. 1231-6 legal interest.
    Legal(LegalCategory),
}

/// How the C. com. L441-10 default rate is read (option `rate_period`).
#[derive(Clone, Copy)]
enum DefaultRate {
    /// Re-anchored each semester.
    Semester,
    /// That of the first day of delay, for the whole delay.
    Frozen(Lookup),
}

impl DefaultRate {
    fn lookup(self, day: NaiveDate, tables: &RateTables) -> Lookup {
        match self {
            DefaultRate::Semester => tables.l441_default(day),
            DefaultRate::Frozen(lookup) => match lookup {
                Lookup::Known { quote, .. } => Lookup::Known {
                    quote,
                    through: NaiveDate::MAX,
                },
                Lookup::Unknown { .. } => Lookup::Unknown {
                    through: NaiveDate::MAX,
                },
            },
        }
    }
}

/// C. com. L441-10: the contract's rate, or, in a period where it is below three times the
/// legal rate, what `below_floor` puts instead; the contract's rate again where that floor or
/// that rate is not known (before 2009).
fn contractual_lookup(
    percent: Decimal,
    below_floor: BelowFloor,
    default: DefaultRate,
    day: NaiveDate,
    tables: &RateTables,
) -> Lookup {
    // The floor moves with the legal rate, so no answer holds beyond the semester.
    let through = semester_end(day);
    let clause = Lookup::Known {
        quote: RateQuote {
            percent,
            basis: Basis::Contractual,
            status: Status::Src,
            source: "taux contractuel",
            provisional: false,
        },
        through,
    };
    let Some((floor, legal)) = tables.contractual_floor(day) else {
        return clause;
    };
    if !is_below_floor(percent, floor) {
        return clause;
    }
    match below_floor {
        BelowFloor::Contractual => clause,
        BelowFloor::Floor => {
            let period_from = match legal.basis {
                Basis::Legal { period_from, .. } => period_from,
                _ => semester_start(day),
            };
            Lookup::Known {
                quote: RateQuote {
                    percent: floor,
                    basis: Basis::ContractualFloor {
                        contractual: percent,
                        legal: legal.percent,
                        period_from,
                    },
                    ..legal
                },
                through,
            }
        }
        BelowFloor::LegalDefault => match default.lookup(day, tables) {
            Lookup::Known {
                quote,
                through: valid,
            } => match quote.basis {
                Basis::EcbPlusTen { ecb, reference } => Lookup::Known {
                    quote: RateQuote {
                        basis: Basis::ContractualDefault {
                            contractual: percent,
                            floor,
                            ecb,
                            reference,
                        },
                        ..quote
                    },
                    through: through.min(valid),
                },
                _ => clause,
            },
            Lookup::Unknown { .. } => clause,
        },
    }
}

struct Ledger {
    result: InvoiceResult,
    mode: Mode,
    /// First day not yet accrued; `None` when no day ever bears interest.
    next_day: Option<NaiveDate>,
    /// Principal imputed by payments dated on or before the due date.
    paid_by_due: Decimal,
    unavailable: Vec<(NaiveDate, NaiveDate)>,
    #[cfg(feature = "judgment")]
    cap: Capitalisation,
}

/// Where an invoice stands with capitalisation (C. civ. 1343-2).
#[cfg(feature = "judgment")]
#[derive(Default)]
struct Capitalisation {
    from: Option<NaiveDate>,
    /// Anniversaries already passed.
    passed: u32,
    /// Capitalised interest paid since (payments take interest not yet capitalised first).
    paid: Decimal,
}

fn open_ledgers(
    dossier: &Dossier,
    regime: Regime,
    tables: &RateTables,
    notes: &mut BTreeSet<Notice>,
) -> Vec<Ledger> {
    let options = &dossier.options;
    if regime == Regime::B2c {
        if matches!(options.rate, RateChoice::Contractual { .. }) {
            notes.insert(Notice::ContractualRateIgnoredForConsumer);
        }
        if options.formal_notice_date.is_none() {
            notes.insert(Notice::NoFormalNotice);
        }
        if !options.extra_costs.get().is_zero() {
            notes.insert(Notice::ExtraCostsFromConsumer);
        }
        #[cfg(feature = "judgment")]
        if options.capitalisation_from.is_some() {
            notes.insert(Notice::CapitalisationConsumer);
        }
    }
    let mut ledgers: Vec<Ledger> = dossier
        .invoices
        .iter()
        .map(|inv| {
            let accrual_start = accrual_start(regime, inv.due, options.formal_notice_date);
            let default = match options.rate_period {
                RatePeriod::Semester => DefaultRate::Semester,
                RatePeriod::FrozenAtDueDate => DefaultRate::Frozen(accrual_start.map_or(
                    Lookup::Unknown {
                        through: NaiveDate::MAX,
                    },
                    |d| tables.l441_default(d),
                )),
            };
            let mode = match (regime, options.rate) {
                (Regime::B2c, _) => Mode::Legal(legal_category(dossier.creditor.kind)),
                // C. commande publique R2192-31: one rate for the whole delay, never re-anchored.
                (Regime::Public, _) => Mode::Default(DefaultRate::Frozen(accrual_start.map_or(
                    Lookup::Unknown {
                        through: NaiveDate::MAX,
                    },
                    |d| tables.public(d),
                ))),
                (
                    Regime::B2b,
                    RateChoice::Contractual {
                        percent,
                        below_floor,
                    },
                ) => Mode::Contractual {
                    percent: percent.get(),
                    below_floor,
                    default,
                },
                (Regime::B2b, RateChoice::LegalDefault) => Mode::Default(default),
            };
            if inv.due_assumed {
                notes.insert(Notice::DueDateAssumed {
                    invoice: inv.number.clone(),
                    due: inv.due,
                    regime,
                });
            }
            Ledger {
                result: InvoiceResult {
                    number: inv.number.clone(),
                    issued: inv.issued,
                    due: inv.due,
                    delivered: inv.delivered,
                    amount: inv.amount.get(),
                    credited: Decimal::ZERO,
                    principal: inv.amount.get(),
                    interest: Decimal::ZERO,
                    interest_accrued: Decimal::ZERO,
                    interest_paid: Decimal::ZERO,
                    indemnity: Decimal::ZERO,
                    total: Decimal::ZERO,
                    accrual_start,
                    segments: Vec::new(),
                    payments: Vec::new(),
                    credits: Vec::new(),
                    prescription: None,
                    #[cfg(feature = "judgment")]
                    capitalisations: Vec::new(),
                },
                mode,
                next_day: accrual_start,
                paid_by_due: Decimal::ZERO,
                unavailable: Vec::new(),
                #[cfg(feature = "judgment")]
                cap: Capitalisation {
                    from: options.capitalisation_from,
                    ..Capitalisation::default()
                },
            }
        })
        .collect();
    // C. civ. 1342-10: without the debtor's choice, the debt due first is paid first.
    sort_stable_by(&mut ledgers, |a, b| {
        (a.result.due, a.result.issued, &a.result.number).cmp(&(
            b.result.due,
            b.result.issued,
            &b.result.number,
        ))
    });
    ledgers
}

/// Credit notes reduce their invoice from the start, before any interest is computed; each
/// part a note takes off an invoice is kept with the note's date (`InvoiceResult::credits`).
fn apply_credit_notes(
    dossier: &Dossier,
    ledgers: &mut [Ledger],
    index: &HashMap<String, usize>,
    notes: &mut BTreeSet<Notice>,
) {
    let mut excess = Decimal::ZERO;
    for note in &dossier.credit_notes {
        let mut left = note.amount.get();
        let named = note.invoice.as_ref().and_then(|n| index.get(n).copied());
        let order: Vec<usize> = match named {
            Some(i) => vec![i],
            None => (0..ledgers.len()).collect(),
        };
        for i in order {
            let Some(ledger) = ledgers.get_mut(i) else {
                continue;
            };
            let cut = left.min(ledger.result.principal);
            if cut.is_zero() {
                continue;
            }
            ledger.result.principal -= cut;
            ledger.result.credited += cut;
            ledger.result.credits.push(AppliedCredit {
                date: note.date,
                amount: cut,
            });
            left -= cut;
            if left.is_zero() {
                break;
            }
        }
        excess += left;
    }
    if !excess.is_zero() {
        notes.insert(Notice::UnallocatedCredit { amount: excess });
    }
}

/// Positions before which no invoice has principal (resp. interest) left: both only move
/// forward, which keeps allocation linear in the number of invoices.
#[derive(Default)]
struct Cursors {
    principal: usize,
    interest: usize,
}

/// Imputes one payment; returns what could not be imputed anywhere.
fn allocate(
    payment: &Payment,
    left: &mut Decimal,
    ledgers: &mut [Ledger],
    index: &HashMap<String, usize>,
    cursor: &mut Cursors,
    mut env: Env,
) -> Decimal {
    let imputation = Take::from(env.options.imputation);
    // The invoice the debtor named comes first (C. civ. 1342-10: the debtor chooses).
    if let Some(number) = &payment.invoice {
        if let Some(ledger) = index.get(number).and_then(|&i| ledgers.get_mut(i)) {
            ledger.apply(payment.date, left, imputation, env.reborrow());
        }
    }
    // Then the oldest invoices with principal left, overflowing to the next. Principal first
    // means all principal before any interest, so that splitting a payment changes nothing.
    let first_pass = match imputation {
        Take::PrincipalFirst => Take::PrincipalOnly,
        other => other,
    };
    while !left.is_zero() {
        let Some(ledger) = ledgers.get_mut(cursor.principal) else {
            break;
        };
        if ledger.result.principal.is_zero() {
            cursor.principal += 1;
            continue;
        }
        // An invoice this pays off is passed over at the next turn.
        ledger.apply(payment.date, left, first_pass, env.reborrow());
    }
    // Then interest still owed on invoices whose principal is paid.
    while !left.is_zero() {
        let Some(ledger) = ledgers.get_mut(cursor.interest) else {
            break;
        };
        ledger.apply(payment.date, left, imputation, env.reborrow());
        // Money left over means this invoice's interest is all paid.
        if !left.is_zero() {
            cursor.interest += 1;
        }
    }
    std::mem::take(left)
}

impl Env<'_> {
    fn reborrow(&mut self) -> Env<'_> {
        Env {
            tables: self.tables,
            options: self.options,
            notes: self.notes,
        }
    }
}

impl Ledger {
    fn outstanding_interest(&self) -> Decimal {
        self.result.interest_accrued - self.result.interest_paid
    }

    fn lookup(&self, day: NaiveDate, tables: &RateTables) -> Lookup {
        match self.mode {
            Mode::Default(rate) => rate.lookup(day, tables),
            Mode::Contractual {
                percent,
                below_floor,
                default,
            } => contractual_lookup(percent, below_floor, default, day, tables),
            Mode::Legal(category) => tables.legal(day, category),
        }
    }

    /// Accrues interest through `through`, capitalising on each anniversary passed on the way
    /// (C. civ. 1343-2): interest up to the day before, then what is still owed joins the base.
    fn advance(&mut self, through: NaiveDate, mut env: Env) {
        #[cfg(feature = "judgment")]
        while let Some(day) = self
            .cap
            .from
            .and_then(|from| law::capitalisation::anniversary(from, self.cap.passed + 1))
            .filter(|day| *day <= through)
        {
            self.cap.passed += 1;
            if let Some(before) = crate::calendar::previous_day(day) {
                self.accrue(before, env.reborrow());
            }
            let amount = self.outstanding_interest() - self.capitalised_owed();
            if amount > Decimal::ZERO && self.next_day.is_some() {
                self.result
                    .capitalisations
                    .push(Capitalised { date: day, amount });
            }
        }
        self.accrue(through, env.reborrow());
    }

    /// Capitalised interest still owed: it bears interest with the principal.
    #[cfg(feature = "judgment")]
    fn capitalised_owed(&self) -> Decimal {
        self.result.capitalised() - self.cap.paid
    }

    /// What bears interest: the principal, and the interest capitalised still owed.
    fn base(&self) -> Decimal {
        #[cfg(feature = "judgment")]
        return self.result.principal + self.capitalised_owed();
        #[cfg(not(feature = "judgment"))]
        self.result.principal
    }

    /// Accrues interest on the current base from the next unaccrued day through `through`.
    fn accrue(&mut self, through: NaiveDate, env: Env) {
        let Some(mut day) = self.next_day else { return };
        if day > through {
            return;
        }
        self.next_day = next_day(through);
        let base = self.base();
        if base.is_zero() {
            return;
        }
        loop {
            let semester_last = semester_end(day);
            let end = match self.lookup(day, env.tables) {
                Lookup::Known {
                    quote,
                    through: valid,
                } => {
                    let end = through.min(valid.max(day)).min(semester_last);
                    self.push_segment(day, end, base, quote, env.options.day_count);
                    note_rate(day, quote, env.tables, env.notes);
                    end
                }
                Lookup::Unknown { through: valid } => {
                    let end = through.min(valid.max(day)).min(semester_last);
                    match self.unavailable.last_mut() {
                        Some(last) if next_day(last.1) == Some(day) => last.1 = end,
                        _ => self.unavailable.push((day, end)),
                    }
                    end
                }
            };
            match next_day(end) {
                Some(next) if next <= through => day = next,
                _ => break,
            }
        }
    }

    fn push_segment(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        base: Decimal,
        rate: RateQuote,
        day_count: DayCount,
    ) {
        let days = crate::calendar::days_inclusive(from, to);
        let divisor = divisor(from, day_count);
        let interest = segment_interest(base, rate.percent, days, divisor);
        self.result.interest_accrued += interest;
        self.result.segments.push(Segment {
            from,
            to,
            days,
            base,
            rate,
            divisor,
            interest,
        });
    }

    /// Imputes as much of `left` as this invoice takes on `date`.
    fn apply(&mut self, date: NaiveDate, left: &mut Decimal, take: Take, env: Env) {
        self.advance(date, env);
        let interest_due = self.outstanding_interest();
        let principal = self.result.principal;
        let (to_interest, to_principal) = split(*left, interest_due, principal, take);
        if (to_interest + to_principal).is_zero() {
            return;
        }
        if date <= self.result.due {
            self.paid_by_due += to_principal;
        }
        // Interest not yet capitalised is paid first, then capitalised interest.
        #[cfg(feature = "judgment")]
        {
            let simple = interest_due - self.capitalised_owed();
            self.cap.paid += (to_interest - simple).max(Decimal::ZERO);
        }
        self.result.principal -= to_principal;
        self.result.interest_paid += to_interest;
        *left -= to_interest + to_principal;
        self.result.payments.push(AppliedPayment {
            date,
            to_interest,
            to_principal,
        });
    }

    /// Interest one more day adds at the rate of `as_of`, unrounded.
    fn daily_interest(&self, as_of: NaiveDate, tables: &RateTables, options: &Options) -> Decimal {
        let accruing = self.result.accrual_start.is_some_and(|s| s <= as_of);
        if !accruing || self.base().is_zero() {
            return Decimal::ZERO;
        }
        match self.lookup(as_of, tables) {
            Lookup::Known { quote, .. } => {
                self.base() * quote.percent
                    / (HUNDRED * Decimal::from(divisor(as_of, options.day_count)))
            }
            Lookup::Unknown { .. } => Decimal::ZERO,
        }
    }

    fn finish(
        mut self,
        regime: Regime,
        dossier: &Dossier,
        as_of: NaiveDate,
        notes: &mut BTreeSet<Notice>,
    ) -> InvoiceResult {
        let options = &dossier.options;
        let r = &mut self.result;
        let number = r.number.clone();
        for (from, to) in &self.unavailable {
            notes.insert(Notice::RateUnavailable {
                invoice: number.clone(),
                from: *from,
                to: *to,
            });
        }
        let owed_at_due = r.amount - r.credited - self.paid_by_due;
        match indemnity(
            regime,
            options.indemnity,
            r.issued,
            r.due,
            owed_at_due,
            as_of,
        ) {
            Indemnity::Owed => r.indemnity = INDEMNITY,
            Indemnity::Before2013 => {
                notes.insert(Notice::IndemnityBefore2013 {
                    invoice: number.clone(),
                });
            }
            Indemnity::None => {}
        }
        r.interest = r.interest_accrued - r.interest_paid;
        r.total = r.principal + r.interest + r.indemnity;
        // Every amount is already exact to the cent; this only gives each one two decimals.
        for field in [
            &mut r.amount,
            &mut r.credited,
            &mut r.principal,
            &mut r.interest,
            &mut r.interest_accrued,
            &mut r.interest_paid,
            &mut r.indemnity,
            &mut r.total,
        ] {
            *field = round_cents(*field);
        }
        if r.principal + r.interest > Decimal::ZERO {
            r.prescription = prescription_term(regime, r, &dossier.acknowledgments, as_of);
        }
        if let Some(term) = r.prescription {
            let status = term.status(as_of);
            if status != prescription::Status::Running {
                notes.insert(Notice::Prescription {
                    invoice: number.clone(),
                    term,
                    status,
                });
            }
        }
        // C. commande publique R2192-36: 45 days after the principal is paid.
        let paid_off = r.payments.iter().rev().find(|p| !p.to_principal.is_zero());
        let owed = r.interest + r.indemnity > Decimal::ZERO;
        if let (Regime::Public, true, true, Some(p)) =
            (regime, r.principal.is_zero(), owed, paid_off)
        {
            if let Some(deadline) = law::late_interest::public_accessories_deadline(p.date) {
                notes.insert(Notice::PublicAccessoriesDue {
                    invoice: number.clone(),
                    paid: p.date,
                    deadline,
                });
            }
        }
        // The L441-10 caps on payment terms bind traders only.
        if let (Regime::B2b, Some(issued)) = (regime, r.issued) {
            if r.due > payment_terms::cap(issued) {
                notes.insert(Notice::PaymentTermsBeyondCap {
                    invoice: number,
                    issued,
                    due: r.due,
                });
            }
        }
        self.result
    }
}

/// C. civ. 2240, 2231: the period runs from the end of the service and starts again at each
/// payment applied to the invoice and each written acknowledgment covering it, made on or
/// before `as_of` and before the period then running had ended.
fn prescription_term(
    regime: Regime,
    r: &InvoiceResult,
    acknowledgments: &[Acknowledgment],
    as_of: NaiveDate,
) -> Option<prescription::Term> {
    use prescription::Start;
    let covers = |a: &&Acknowledgment| a.invoice.as_ref().is_none_or(|n| *n == r.number);
    let mut events: Vec<Start> = r
        .payments
        .iter()
        .map(|p| Start::Payment(p.date))
        .chain(
            acknowledgments
                .iter()
                .filter(covers)
                .map(|a| Start::Acknowledged(a.date)),
        )
        .filter(|e| e.date() <= as_of)
        .collect();
    sort_by_date(&mut events, |e| e.date());
    let mut term = prescription::term(regime, Start::of(r.delivered, r.issued, r.due))?;
    for event in events {
        if event.date() <= term.last_day {
            term = prescription::term(regime, term.start.restarted(event))?;
        }
    }
    Some(term)
}

/// The notices a segment's rate calls for: unverified or provisional, and a contractual rate
/// below the floor, kept or replaced.
fn note_rate(day: NaiveDate, quote: RateQuote, tables: &RateTables, notes: &mut BTreeSet<Notice>) {
    let semester = semester_start(day);
    if quote.status == Status::Unverified {
        let period = match quote.basis {
            Basis::EcbPlusTen { reference, .. }
            | Basis::EcbPlusEight { reference, .. }
            | Basis::ContractualDefault { reference, .. } => reference,
            Basis::Legal { period_from, .. } | Basis::ContractualFloor { period_from, .. } => {
                period_from
            }
            #[cfg(feature = "judgment")]
            Basis::Judgment { period_from, .. } => period_from,
            Basis::Contractual => semester,
        };
        notes.insert(Notice::UnverifiedRate {
            period,
            percent: quote.percent,
            source: quote.source.to_owned(),
        });
    }
    if quote.provisional {
        notes.insert(Notice::ProvisionalRate {
            period: semester,
            percent: quote.percent,
        });
    }
    match quote.basis {
        // C. com. L441-10: a contractual rate may not be below 3 × the legal rate.
        Basis::Contractual => {
            if let Some((floor, _)) = tables.contractual_floor(day) {
                if is_below_floor(quote.percent, floor) {
                    notes.insert(Notice::ContractualRateBelowFloor {
                        semester,
                        percent: quote.percent,
                        floor,
                    });
                }
            }
        }
        Basis::ContractualFloor { contractual, .. } => {
            notes.insert(Notice::ContractualRateRaisedToFloor {
                semester,
                percent: contractual,
                floor: quote.percent,
            });
        }
        Basis::ContractualDefault {
            contractual, floor, ..
        } => {
            notes.insert(Notice::ContractualRateReplacedByDefault {
                semester,
                percent: contractual,
                floor,
                applied: quote.percent,
            });
        }
        Basis::EcbPlusTen { .. } | Basis::EcbPlusEight { .. } | Basis::Legal { .. } => {}
        #[cfg(feature = "judgment")]
        Basis::Judgment { .. } => {}
    }
}
