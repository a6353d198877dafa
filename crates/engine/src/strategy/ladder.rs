//! The value of one ladder of steps for one claim: expected money in, money out, time to cash,
//! best and worst case. Exact decimals throughout; the [`Outcome`] is rounded to the cent.

use rust_decimal::Decimal;

use super::claim::{Claim, MAX_CLAIM};
use super::params::{Assumptions, Field, Global};
use super::path::StepKind;
use super::plan_value::plan_factor;
use super::tariff::{
    a444_32, service_fee, COMMAND_TO_PAY, SEIZURE, SERVE_DECISION, SERVE_PAYMENT_ORDER, SUMMONS,
};
use crate::money::{round, round_cents};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const YEAR: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

/// One step as the path meets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepOutcome {
    pub step: StepKind,
    /// Days from today to the start and to the outcome of the step.
    pub starts: Decimal,
    pub ends: Decimal,
    /// Probability that the step is reached (every debtor, solvent or not), 0 to 1.
    pub reached: Decimal,
    /// Probability that the debtor pays at this step, 0 to 1.
    pub paid: Decimal,
    /// Out-of-pocket fees when the step is reached; `tariff` of them come from a regulated
    /// tariff (commissaire de justice), `lawyer` from the lawyer's fees, the rest is the
    /// editable figure.
    pub fees: Decimal,
    pub tariff: Decimal,
    /// The creditor's time, valued.
    pub time: Decimal,
    /// What the creditor receives when paid at this step (before any commission).
    pub received: Decimal,
    /// Charged only on success: agency commission, A444-32 proportional fee.
    pub success_fee: Decimal,
    /// Lawyer's fees, when representation is mandatory (above 10 000 €: CPC 853, 760-761);
    /// part of `fees`.
    pub lawyer: Decimal,
    /// The editable fee is not published and counts as zero here.
    pub unknown_fee: bool,
    /// The smallest principal from which taking this step, once the earlier ones have failed,
    /// pays off on average (`thresholds`); `None` when never. Filled by `analyse`.
    pub threshold: Option<Decimal>,
}

/// A path's value for one claim, rounded to the cent (probabilities to 4 decimals).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub steps: Vec<StepOutcome>,
    /// Expected money kept: what is received minus every fee, commission and hour spent,
    /// discounted at the cost of money.
    pub expected_net: Decimal,
    /// Expected net as a percentage of the claim (principal + accessories), one decimal.
    pub net_percent: Decimal,
    pub expected_received: Decimal,
    pub expected_costs: Decimal,
    /// Probability of being paid at some step, 0 to 1.
    pub probability_paid: Decimal,
    /// Expected days to cash, when paid.
    pub expected_days: Option<Decimal>,
    /// Fees and time spent if every step is climbed and nothing is paid.
    pub cost_at_risk: Decimal,
    /// The best outcome: paid at the step where that leaves the most, every earlier step's fees
    /// and time spent.
    pub best_case: Decimal,
    /// Nothing paid after every step.
    pub worst_case: Decimal,
    /// Steps whose fee is unknown (counted as zero).
    pub unknown_fees: Vec<StepKind>,
}

/// Regulated fees a step costs when reached, for a claim of `total`.
fn tariff(step: StepKind, total: Decimal) -> Decimal {
    match step {
        StepKind::PaymentOrder => service_fee(SERVE_PAYMENT_ORDER, total),
        StepKind::ProvisionalOrder => {
            service_fee(SUMMONS, total) + service_fee(SERVE_DECISION, total)
        }
        StepKind::Enforcement => service_fee(SEIZURE, total),
        StepKind::SaleSeizure => service_fee(COMMAND_TO_PAY, total),
        _ => Decimal::ZERO,
    }
}

/// Above this claim, a lawyer must represent the creditor before the court (CPC 853, 760-761).
const LAWYER_FROM: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// Lawyer's fees a step costs for a claim of `total` above 10 000 € (CPC 853, 760-761): an
/// action au fond, a référé, and the trial an opposition to an injonction de payer opens,
/// weighted by its likelihood; before the tribunal administratif, whatever the sum.
fn lawyer(step: StepKind, total: Decimal, a: &Assumptions) -> Decimal {
    match step {
        // Before the tribunal administratif, whatever the sum (CJA R431-2, R431-3).
        StepKind::AdminProvision | StepKind::AdminLawsuit => a.global(Global::LawyerAdministrative),
        _ if total <= LAWYER_FROM => Decimal::ZERO,
        StepKind::Lawsuit => a.global(Global::LawyerLawsuit),
        StepKind::ProvisionalOrder => a.global(Global::LawyerProvisional),
        StepKind::PaymentOrder => {
            pct(a.global(Global::Opposition)) * a.global(Global::LawyerLawsuit)
        }
        _ => Decimal::ZERO,
    }
}

/// `1 / (1 + rate × days / 365)`: today's value of one euro received in `days`.
fn discount(rate: Decimal, days: Decimal) -> Decimal {
    let denominator = Decimal::ONE + rate * days / YEAR;
    if denominator.is_zero() {
        Decimal::ONE
    } else {
        Decimal::ONE / denominator
    }
}

fn pct(value: Decimal) -> Decimal {
    (value / HUNDRED).clamp(Decimal::ZERO, Decimal::ONE)
}

/// The steps met, the exact expected net (unrounded), and each step's own expected gain when it
/// is reached (see [`thresholds`]).
pub(crate) fn walk(
    steps: &[StepKind],
    claim: Claim,
    a: &Assumptions,
) -> (Vec<StepOutcome>, Exact, Vec<Decimal>) {
    let hourly = a.global(Global::HourlyRate);
    let rate = a.global(Global::CostOfMoney) / HUNDRED;
    let insolvent = pct(a.global(Global::Insolvency));
    let solvent = Decimal::ONE - insolvent;
    let salvage = pct(a.global(Global::InsolvencyRecovery));
    let amicable_extras = pct(a.global(Global::AmicableExtras));
    let decay = pct(a.global(Global::AmicableDecay));
    let lawyer_share = pct(a.global(Global::LawyerArticle700));
    // A title compels: the chance of the injonction de payer (of the référé-provision against
    // a public buyer) bounds what consent can bring.
    let title = pct(a.step(
        if a.regime == crate::law::Regime::Public {
            StepKind::AdminProvision
        } else {
            StepKind::PaymentOrder
        },
        Field::Success,
    ));
    // What is left of an amicable step's chance after the amicable steps before it failed.
    let mut fatigue = Decimal::ONE;
    // Among debtors reaching the consent steps, the share none of them has paid yet.
    let mut consent_unpaid = Decimal::ONE;
    let total = claim.total();

    let mut out = Vec::with_capacity(steps.len());
    let mut gains = Vec::with_capacity(steps.len());
    let mut exact = Exact::default();
    let mut reach = Decimal::ONE; // among solvent debtors
    let mut day = Decimal::ZERO;
    let mut recoverable_fees = Decimal::ZERO;
    let mut spent = Decimal::ZERO;
    // A decision not served is served first, whatever the path (CPC 503; its appeal time and
    // the 5-point increase start from it): its fee belongs to the first step.
    let mut serve_first = claim.judgment.is_some_and(|j| !j.served);
    for &step in steps {
        let param = a.step(step, Field::Cost);
        let mut tariff = tariff(step, total);
        if std::mem::take(&mut serve_first) {
            tariff += service_fee(SERVE_DECISION, total);
        }
        let lawyer = lawyer(step, total, a);
        let fees = param + lawyer + tariff;
        let time = a.step(step, Field::Hours) * hourly;
        let starts = day;
        let ends = day + a.step(step, Field::Days);
        let mut p = pct(a.step(step, Field::Success));
        // The prefect mandates only a local authority's debt (CGCT L1612-16).
        if step == StepKind::PrefectMandate {
            p *= pct(a.global(Global::PrefectOpen));
        }
        // A debtor who ignored the earlier amicable steps answers the next one less.
        if !step.is_judicial() {
            p *= fatigue;
            fatigue *= decay;
        }
        // Consent steps together never bring more than a title would: 1 − Π(1 − p) ≤ title.
        if step.needs_consent() {
            let room = if consent_unpaid.is_zero() {
                Decimal::ZERO
            } else {
                (Decimal::ONE - (Decimal::ONE - title) / consent_unpaid).max(Decimal::ZERO)
            };
            p = p.min(room);
            consent_unpaid *= Decimal::ONE - p;
        }
        // Commissaire de justice acts are dépens (CPC 695-696); the editable fees follow their
        // own share; lawyer fees, one share for every step (CPC 700).
        recoverable_fees +=
            tariff + param * pct(a.step(step, Field::Recoverable)) + lawyer * lawyer_share;
        // After a decision, the interest and costs it awards are owed whatever the step.
        let extras = if step.is_judicial() || claim.judgment.is_some() {
            claim.extras
        } else {
            claim.extras * amicable_extras
        };
        let share = pct(a.step(step, Field::Share));
        let mut claimed = share * (claim.principal + extras);
        if step == StepKind::Negotiation {
            claimed *= plan_factor(a);
        }
        let received = claimed + recoverable_fees;
        let success_fee = match step {
            // A444-32 is computed on the sums recovered, dépens excluded, whenever a commissaire
            // de justice obtains the payment, even without enforcement (Cass. 2e civ. 20 Jan 2022,
            // n° 20-14.537): the saisie, the PSPC and the uncontested-claims procedure.
            StepKind::Enforcement
            | StepKind::SaleSeizure
            | StepKind::SmallClaims
            | StepKind::Uncontested => a444_32(total, claimed),
            _ => received * pct(a.step(step, Field::Fee)),
        };
        let paid = reach * p;
        // A plan's instalments are already discounted from the agreement by `plan_factor`.
        let cashed = if step == StepKind::Negotiation {
            starts
        } else {
            ends
        };
        let cash_in = (received - success_fee) * discount(rate, cashed);
        let cash_out = (fees + time) * discount(rate, starts);
        // Taking this step once the earlier ones failed: a debtor still unpaid here is solvent
        // with the odds left among those who reach it; its fees and time against what it brings,
        // valued at its start.
        let reaching = solvent * reach + insolvent;
        let still_solvent = if reaching.is_zero() {
            Decimal::ZERO
        } else {
            solvent * reach / reaching
        };
        gains.push(
            still_solvent * p * (received - success_fee) * discount(rate, cashed - starts)
                - (fees + time),
        );
        exact.net += solvent * (paid * cash_in - reach * cash_out) - insolvent * cash_out;
        exact.received += solvent * paid * received * discount(rate, cashed);
        exact.probability += solvent * paid;
        exact.days_weighted += solvent * paid * ends;
        exact.cost_at_risk += fees + time;
        spent += cash_out;
        let if_paid_here = cash_in - spent;
        exact.best = if out.is_empty() {
            if_paid_here
        } else {
            exact.best.max(if_paid_here)
        };
        out.push(StepOutcome {
            step,
            starts,
            ends,
            reached: solvent * reach + insolvent,
            paid: solvent * paid,
            fees: round_cents(fees),
            tariff: round_cents(tariff),
            lawyer: round_cents(lawyer),
            time: round_cents(time),
            received: round_cents(received),
            success_fee: round_cents(success_fee),
            unknown_fee: param.is_zero()
                && a.basis(step, Field::Cost) == super::params::Basis::Unknown,
            threshold: None,
        });
        reach -= paid;
        day = ends;
    }
    // An insolvent debtor's estate may pay a share of the principal at the end; the VAT
    // already paid on a definitively irrecoverable debt comes back (CGI 272).
    let vat = pct(a.global(Global::VatPaid));
    let salvaged = insolvent
        * (salvage + vat * (Decimal::ONE - salvage))
        * claim.principal
        * discount(rate, day);
    exact.net += salvaged;
    exact.received += salvaged;
    (out, exact, gains)
}

/// Unrounded sums of one walk.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Exact {
    pub net: Decimal,
    pub received: Decimal,
    pub probability: Decimal,
    pub days_weighted: Decimal,
    pub cost_at_risk: Decimal,
    pub best: Decimal,
}

/// The exact expected net of `steps` for `claim` (for breakevens and rankings).
pub(crate) fn expected_net(steps: &[StepKind], claim: Claim, a: &Assumptions) -> Decimal {
    walk(steps, claim, a).1.net
}

/// For each step of `steps`, the smallest principal (to the euro) from which taking it, once
/// the earlier ones have failed, pays off on average: its chance (among debtors still unpaid,
/// some insolvent) times what it brings, net of its success fee, is at least its fees and the
/// creditor's time. `None` when it never does up to [`MAX_CLAIM`]. Found by bisection: a step's
/// gain grows with the principal.
pub fn thresholds(steps: &[StepKind], claim: Claim, a: &Assumptions) -> Vec<Option<Decimal>> {
    // A step's gain depends on it and the steps before it only.
    let gain = |i: usize, x: Decimal| {
        let upto = steps.get(..=i).unwrap_or(steps);
        walk(upto, claim.scaled(x), a)
            .2
            .get(i)
            .copied()
            .unwrap_or(Decimal::ZERO)
    };
    (0..steps.len())
        .map(|i| {
            if gain(i, Decimal::ZERO) >= Decimal::ZERO {
                return Some(Decimal::ZERO);
            }
            // Most thresholds are small: the upper end grows ×16 from 10 000 € until the step
            // pays off, then bisection to the euro.
            let (mut lo, mut hi) = (Decimal::ZERO, Decimal::from(10_000));
            while gain(i, hi) < Decimal::ZERO {
                if hi >= MAX_CLAIM {
                    return None;
                }
                lo = hi;
                hi = (hi * Decimal::from(16)).min(MAX_CLAIM);
            }
            while hi - lo > Decimal::ONE {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if gain(i, mid) >= Decimal::ZERO {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(hi)
        })
        .collect()
}

/// Evaluates the ladder `steps` for `claim` under `a`.
pub fn evaluate(steps: &[StepKind], claim: Claim, a: &Assumptions) -> Outcome {
    let (steps, exact, _) = walk(steps, claim, a);
    let total = claim.total();
    let net = round_cents(exact.net);
    let received = round_cents(exact.received);
    let net_percent = if total.is_zero() {
        Decimal::ZERO
    } else {
        round(exact.net * HUNDRED / total, 1)
    };
    let expected_days =
        (!exact.probability.is_zero()).then(|| round(exact.days_weighted / exact.probability, 0));
    Outcome {
        unknown_fees: steps
            .iter()
            .filter(|s| s.unknown_fee)
            .map(|s| s.step)
            .collect(),
        steps,
        expected_net: net,
        net_percent,
        expected_received: received,
        expected_costs: received - net,
        probability_paid: round(exact.probability, 4),
        expected_days,
        cost_at_risk: round_cents(exact.cost_at_risk),
        best_case: round_cents(exact.best),
        worst_case: -round_cents(exact.cost_at_risk),
    }
}
