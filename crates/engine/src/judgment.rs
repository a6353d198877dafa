//! What a debtor owes after a judgment (issue 13): the award, legal interest on the principal
//! and the CPC 700 award from the judgment or the day the judge set (C. civ. 1231-7), 5 points
//! more from two months after service (C. mon. fin. L313-3), the costs, less what was paid since.
//!
//! Like the invoices' décompte: segments cut at every 1 January and 1 July, at the first day of
//! the increase and at each payment, each rounded to the cent; a payment goes to the costs,
//! then to interest (accrued since the judgment, then the interest awarded), then to the base.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::{next_day, previous_day, semester_end};
use crate::dossier::{DayCount, Dossier, Judgment, Payment};
use crate::law::capitalisation::{anniversary, Capitalised};
use crate::law::judgment::{
    enforcement_last_day, increase_from, interest_claimable_from, interest_start, INCREASE,
};
use crate::law::late_interest::legal_category;
use crate::notice::Notice;
use crate::rates::{Basis, LegalCategory, Lookup, RateTables, Status};
use crate::segment::{divisor, segment_interest, Segment};

/// The judgment's account on the calculation date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgmentResult {
    pub date: NaiveDate,
    pub served: Option<NaiveDate>,
    /// First day of the 5-point increase, when the decision was served.
    pub increase_from: Option<NaiveDate>,
    /// Principal + CPC 700 award: what bears interest.
    pub base: Decimal,
    /// Interest the decision awarded up to its date.
    pub awarded: Decimal,
    /// Costs (dépens) as liquidated.
    pub costs: Decimal,
    /// Base still owed.
    pub base_owed: Decimal,
    /// Interest awarded by the decision, still owed.
    pub awarded_owed: Decimal,
    /// Sum of the segments.
    pub interest_accrued: Decimal,
    /// Interest accrued since, still owed.
    pub accrued_owed: Decimal,
    /// Costs (dépens) still owed.
    pub costs_owed: Decimal,
    pub segments: Vec<Segment>,
    pub payments: Vec<JudgmentPayment>,
    /// Paid beyond everything owed.
    pub unallocated: Decimal,
    /// Interest (awarded and since) that joined the base on each anniversary of
    /// `options.capitalisation_from` (C. civ. 1343-2).
    pub capitalisations: Vec<Capitalised>,
    /// Capitalised interest still owed: it bears interest with the base.
    pub capitalised_owed: Decimal,
}

impl JudgmentResult {
    /// Interest still owed: awarded, accrued since, and capitalised.
    pub fn interest_owed(&self) -> Decimal {
        self.awarded_owed + self.accrued_owed + self.capitalised_owed
    }

    pub fn total(&self) -> Decimal {
        self.base_owed + self.interest_owed() + self.costs_owed
    }
}

/// How one payment after the judgment was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgmentPayment {
    pub date: NaiveDate,
    pub to_costs: Decimal,
    pub to_interest: Decimal,
    pub to_base: Decimal,
}

/// The judgment's account of `dossier` on `as_of`; payments dated on or before the judgment are
/// left to it (a notice says so).
pub fn account(
    dossier: &Dossier,
    j: &Judgment,
    as_of: NaiveDate,
    tables: &RateTables,
    notes: &mut BTreeSet<Notice>,
) -> JudgmentResult {
    let base = j.principal.get() + j.article_700.get();
    let mut r = JudgmentResult {
        date: j.date,
        served: j.served,
        increase_from: increase_from(j.served),
        base,
        awarded: j.interest_awarded.get(),
        costs: j.costs.get(),
        base_owed: base,
        awarded_owed: j.interest_awarded.get(),
        interest_accrued: Decimal::ZERO,
        accrued_owed: Decimal::ZERO,
        costs_owed: j.costs.get(),
        segments: Vec::new(),
        payments: Vec::new(),
        unallocated: Decimal::ZERO,
        capitalisations: Vec::new(),
        capitalised_owed: Decimal::ZERO,
    };
    let category = legal_category(dossier.creditor.kind);
    let day_count = dossier.options.day_count;
    let mut next = interest_start(j.date, j.interest_from);
    let before: Decimal = dossier
        .payments
        .iter()
        .filter(|p| p.date <= j.date)
        .map(|p| p.amount.get())
        .sum();
    if !before.is_zero() {
        notes.insert(Notice::PaymentsBeforeJudgment {
            date: j.date,
            amount: before,
        });
    }
    for p in dossier.payments.iter().filter(|p| p.date > as_of) {
        notes.insert(Notice::PaymentAfterAsOf {
            date: p.date,
            amount: p.amount.get(),
        });
    }
    let mut after: Vec<&Payment> = dossier
        .payments
        .iter()
        .filter(|p| p.date > j.date && p.date <= as_of)
        .collect();
    crate::order::sort_by_date(&mut after, |p| p.date);
    // C. civ. 1343-2: the anniversaries of `capitalisation_from` after the judgment, through
    // `as_of`, in order with the payments (an anniversary before a payment of the same day).
    let from = dossier.options.capitalisation_from;
    let anniversaries = (1..)
        .map_while(|k| from.and_then(|f| anniversary(f, k)).filter(|d| *d <= as_of))
        // On the judgment's day itself, the interest it awarded is owed: it joins the base.
        .filter(|d| *d >= j.date);
    let mut events: Vec<(NaiveDate, Option<Decimal>)> = anniversaries.map(|d| (d, None)).collect();
    events.extend(after.iter().map(|p| (p.date, Some(p.amount.get()))));
    crate::order::sort_stable_by(&mut events, |a, b| {
        (a.0, a.1.is_some()).cmp(&(b.0, b.1.is_some()))
    });
    for (date, payment) in events {
        match payment {
            Some(amount) => {
                accrue(&mut r, &mut next, date, category, day_count, tables, notes);
                apply(&mut r, date, amount);
            }
            None => {
                if let Some(before) = previous_day(date) {
                    accrue(
                        &mut r, &mut next, before, category, day_count, tables, notes,
                    );
                }
                capitalise(&mut r, date);
            }
        }
    }
    accrue(&mut r, &mut next, as_of, category, day_count, tables, notes);
    if let Some(from) = r.increase_from {
        if from > as_of && from <= crate::calendar::add_days(as_of, 30).unwrap_or(as_of) {
            notes.insert(Notice::IncreaseSoon { from });
        }
    }
    // CPCE L111-4: 10 years to enforce it; said once within 183 days, as for a claim.
    if let Some(last_day) = enforcement_last_day(j.date, j.served) {
        let status = crate::law::prescription::Term {
            regime: crate::law::Regime::B2b,
            start: crate::law::prescription::Start::Due(j.date),
            years: 10,
            last_day,
        }
        .status(as_of);
        if status != crate::law::prescription::Status::Running {
            notes.insert(Notice::JudgmentEnforcement { last_day, status });
        }
    }
    // C. civ. 2224: interest of days more than 5 years back.
    if let Some(from) = interest_claimable_from(as_of) {
        if r.segments.first().is_some_and(|s| s.from < from) {
            notes.insert(Notice::JudgmentOldInterest { from });
        }
    }
    r
}

/// Accrues interest on the base still owed from `next` through `through`.
fn accrue(
    r: &mut JudgmentResult,
    next: &mut Option<NaiveDate>,
    through: NaiveDate,
    category: LegalCategory,
    day_count: DayCount,
    tables: &RateTables,
    notes: &mut BTreeSet<Notice>,
) {
    let Some(mut day) = *next else { return };
    if day > through {
        return;
    }
    *next = next_day(through);
    let base = r.base_owed + r.capitalised_owed;
    if base <= Decimal::ZERO {
        return;
    }
    loop {
        let increased = r.increase_from.is_some_and(|f| day >= f);
        // The day before the increase ends a segment.
        let before_increase = r
            .increase_from
            .filter(|f| *f > day)
            .and_then(previous_day)
            .unwrap_or(NaiveDate::MAX);
        let end = match tables.legal(day, category) {
            Lookup::Known {
                mut quote,
                through: valid,
            } => {
                let end = through
                    .min(valid.max(day))
                    .min(semester_end(day))
                    .min(before_increase);
                let legal = quote.percent;
                let period_from = match quote.basis {
                    Basis::Legal { period_from, .. } => period_from,
                    _ => day,
                };
                quote.basis = Basis::Judgment {
                    category,
                    period_from,
                    legal,
                    increased,
                };
                if increased {
                    quote.percent = legal + INCREASE;
                }
                // As for the invoices: a rate not verified, or beyond the tables, is said.
                if quote.status == Status::Unverified {
                    notes.insert(Notice::UnverifiedRate {
                        period: period_from,
                        percent: legal,
                        source: quote.source.to_owned(),
                    });
                }
                if quote.provisional {
                    notes.insert(Notice::ProvisionalRate {
                        period: crate::calendar::semester_start(day),
                        percent: legal,
                    });
                }
                let days = crate::calendar::days_inclusive(day, end);
                let divisor = divisor(day, day_count);
                let interest = segment_interest(base, quote.percent, days, divisor);
                r.interest_accrued += interest;
                r.accrued_owed += interest;
                r.segments.push(Segment {
                    from: day,
                    to: end,
                    days,
                    base,
                    rate: quote,
                    divisor,
                    interest,
                });
                end
            }
            Lookup::Unknown { through: valid } => {
                let end = through.min(valid.max(day)).min(semester_end(day));
                notes.insert(Notice::JudgmentRateUnavailable { from: day, to: end });
                end
            }
        };
        match next_day(end) {
            Some(n) if n <= through => day = n,
            _ => break,
        }
    }
}

/// C. civ. 1343-2: on an anniversary, the interest still owed (awarded and since) joins the base.
fn capitalise(r: &mut JudgmentResult, date: NaiveDate) {
    let amount = r.accrued_owed + r.awarded_owed;
    if amount > Decimal::ZERO {
        r.capitalisations.push(Capitalised { date, amount });
        r.capitalised_owed += amount;
        r.accrued_owed = Decimal::ZERO;
        r.awarded_owed = Decimal::ZERO;
    }
}

/// A payment: the costs, then interest since the judgment, then the interest awarded, then the
/// base; what is left is unallocated.
fn apply(r: &mut JudgmentResult, date: NaiveDate, amount: Decimal) {
    let mut left = amount;
    let mut take = |owed: &mut Decimal| {
        let part = left.min(*owed).max(Decimal::ZERO);
        *owed -= part;
        left -= part;
        part
    };
    let to_costs = take(&mut r.costs_owed);
    // Interest not yet capitalised first (C. civ. 1343-1), then capitalised interest.
    let to_interest =
        take(&mut r.accrued_owed) + take(&mut r.awarded_owed) + take(&mut r.capitalised_owed);
    let to_base = take(&mut r.base_owed);
    r.unallocated += left;
    r.payments.push(JudgmentPayment {
        date,
        to_costs,
        to_interest,
        to_base,
    });
}
