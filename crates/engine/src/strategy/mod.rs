//! Recovery strategy: for one claim, what each way of chasing it costs, how long it takes, how
//! likely it is to pay, and what the creditor can expect to keep — with every assumption
//! visible and editable ([`params`]). A decision aid, not legal advice.
//!
//! The model. A *path* is a ladder of *steps* (relance → mise en demeure → injonction de payer
//! → saisie). A solvent debtor pays at each reached step with that step's probability; if not,
//! the creditor climbs to the next one and pays its fees and time. An insolvent debtor pays at
//! no step. Each outcome is weighed by its probability and discounted at the creditor's cost of
//! money (`ladder`). Values are computed exactly in decimals and rounded to the cent only for
//! display. `curve` draws expected net against the claim amount and finds breakevens,
//! `sensitivity` moves probabilities and costs, `timeline` dates what to do next, `plan_value`
//! values a payment plan and `warnings` holds the eligibility and legal guards.

mod curve;
mod ladder;
pub mod params;
mod plan_value;
pub mod report;
mod sensitivity;
mod tariff;
mod timeline;
mod warnings;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use curve::{breakeven, Breakeven, Chart, Series, Versus};
pub use ladder::{evaluate, Outcome, StepOutcome};
pub use params::{Assumptions, Basis, Field, Global, Overrides, Param, Unit};
pub use plan_value::{value_plan, PlanValue};
pub use sensitivity::Scenario;
pub use tariff::{a444_32, coefficient, service_fee};
pub use timeline::{timeline, Milestone, MilestoneKind};
pub use warnings::Warning;

use crate::compute::{Computation, Regime};
use crate::dossier::Dossier;

/// The sentence every strategy output carries.
pub const DISCLAIMER: &str = "Aide à la décision, pas un conseil juridique.";

/// One thing a creditor can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepKind {
    /// Relance amiable (e-mail, phone, letter).
    Reminder,
    /// Mise en demeure by registered letter (C. civ. 1344).
    FormalNotice,
    /// Free mediation: Médiateur des entreprises (B2B), conciliateur de justice (B2C).
    Mediation,
    /// Conventional, paid mediation.
    ConventionalMediation,
    /// Discount and/or payment plan.
    Negotiation,
    /// Recovery agency, paid on results.
    Agency,
    /// Injonction de payer (CPC 1405 s.).
    PaymentOrder,
    /// Procédure simplifiée de recouvrement des petites créances (CPCE L125-1).
    SmallClaims,
    /// Recouvrement des créances commerciales incontestées (CPCE L126-1, loi 2026-307).
    Uncontested,
    /// Référé-provision (CPC 873 al. 2, 835 al. 2).
    ProvisionalOrder,
    /// Action au fond.
    Lawsuit,
    /// Saisie-attribution by a commissaire de justice.
    Enforcement,
}

impl StepKind {
    pub const ALL: [StepKind; 12] = [
        StepKind::Reminder,
        StepKind::FormalNotice,
        StepKind::Mediation,
        StepKind::ConventionalMediation,
        StepKind::Negotiation,
        StepKind::Agency,
        StepKind::PaymentOrder,
        StepKind::SmallClaims,
        StepKind::Uncontested,
        StepKind::ProvisionalOrder,
        StepKind::Lawsuit,
        StepKind::Enforcement,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StepKind::Reminder => "relance",
            StepKind::FormalNotice => "mise-en-demeure",
            StepKind::Mediation => "mediation",
            StepKind::ConventionalMediation => "mediation-conventionnelle",
            StepKind::Negotiation => "negociation",
            StepKind::Agency => "agence",
            StepKind::PaymentOrder => "injonction",
            StepKind::SmallClaims => "pspc",
            StepKind::Uncontested => "incontestees",
            StepKind::ProvisionalOrder => "refere",
            StepKind::Lawsuit => "fond",
            StepKind::Enforcement => "saisie",
        }
    }

    /// French name, for a regime (mediation differs).
    pub fn label(self, regime: Regime) -> &'static str {
        match self {
            StepKind::Reminder => "Relance amiable",
            StepKind::FormalNotice => "Mise en demeure (LRAR)",
            StepKind::Mediation if regime == Regime::B2b => "Médiateur des entreprises",
            StepKind::Mediation => "Conciliateur de justice",
            StepKind::ConventionalMediation => "Médiation conventionnelle",
            StepKind::Negotiation => "Négociation (remise, échéancier)",
            StepKind::Agency => "Société de recouvrement",
            StepKind::PaymentOrder => "Injonction de payer",
            StepKind::SmallClaims => "Petites créances (PSPC)",
            StepKind::Uncontested => "Créances commerciales incontestées",
            StepKind::ProvisionalOrder => "Référé-provision",
            StepKind::Lawsuit => "Action au fond",
            StepKind::Enforcement => "Saisie-attribution",
        }
    }

    /// Before a judge or a commissaire de justice: interest and the indemnity are claimed in
    /// full, and the step's fees may be charged to the debtor.
    pub fn is_judicial(self) -> bool {
        matches!(
            self,
            StepKind::PaymentOrder
                | StepKind::SmallClaims
                | StepKind::Uncontested
                | StepKind::ProvisionalOrder
                | StepKind::Lawsuit
                | StepKind::Enforcement
        )
    }
}

/// The ladders Relance compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PathKind {
    AmicableOnly,
    FormalNotice,
    PaymentOrder,
    Mediation,
    ConventionalMediation,
    Agency,
    SmallClaims,
    Uncontested,
    ProvisionalOrder,
    Lawsuit,
}

impl PathKind {
    pub const ALL: [PathKind; 10] = [
        PathKind::AmicableOnly,
        PathKind::FormalNotice,
        PathKind::PaymentOrder,
        PathKind::Mediation,
        PathKind::ConventionalMediation,
        PathKind::Agency,
        PathKind::SmallClaims,
        PathKind::Uncontested,
        PathKind::ProvisionalOrder,
        PathKind::Lawsuit,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PathKind::AmicableOnly => "amiable",
            PathKind::FormalNotice => "mise-en-demeure",
            PathKind::PaymentOrder => "injonction",
            PathKind::Mediation => "mediation",
            PathKind::ConventionalMediation => "mediation-conventionnelle",
            PathKind::Agency => "agence",
            PathKind::SmallClaims => "pspc",
            PathKind::Uncontested => "incontestees",
            PathKind::ProvisionalOrder => "refere",
            PathKind::Lawsuit => "fond",
        }
    }

    pub fn from_code(code: &str) -> Option<PathKind> {
        PathKind::ALL.into_iter().find(|p| p.code() == code)
    }

    /// French name.
    pub fn label(self) -> &'static str {
        match self {
            PathKind::AmicableOnly => "Relance amiable seule",
            PathKind::FormalNotice => "Relance puis mise en demeure",
            PathKind::PaymentOrder => "Mise en demeure puis injonction de payer",
            PathKind::Mediation => "Médiation gratuite puis échéancier",
            PathKind::ConventionalMediation => "Médiation payante puis échéancier",
            PathKind::Agency => "Société de recouvrement",
            PathKind::SmallClaims => "Mise en demeure puis petites créances",
            PathKind::Uncontested => "Mise en demeure puis créance incontestée",
            PathKind::ProvisionalOrder => "Mise en demeure puis référé-provision",
            PathKind::Lawsuit => "Mise en demeure puis action au fond",
        }
    }

    pub fn steps(self) -> &'static [StepKind] {
        use StepKind::*;
        match self {
            PathKind::AmicableOnly => &[Reminder],
            PathKind::FormalNotice => &[Reminder, FormalNotice],
            PathKind::PaymentOrder => &[Reminder, FormalNotice, PaymentOrder, Enforcement],
            PathKind::Mediation => &[Reminder, Mediation, Negotiation],
            PathKind::ConventionalMediation => &[Reminder, ConventionalMediation, Negotiation],
            PathKind::Agency => &[Agency],
            PathKind::SmallClaims => &[Reminder, FormalNotice, SmallClaims, Enforcement],
            PathKind::Uncontested => &[Reminder, FormalNotice, Uncontested, Enforcement],
            PathKind::ProvisionalOrder => &[Reminder, FormalNotice, ProvisionalOrder, Enforcement],
            PathKind::Lawsuit => &[Reminder, FormalNotice, Lawsuit, Enforcement],
        }
    }
}

/// What is chased: the principal still owed, and the accessories (penalties or interest, the
/// 40 € indemnities, justified costs) the debtor can be made to pay on top, as of the
/// calculation date. Interest that keeps running during a procedure is not counted: with a
/// zero cost of money it would make the slowest path look best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub regime: Regime,
    pub principal: Decimal,
    pub extras: Decimal,
}

/// Largest principal or accessories the model works with (10¹⁵ €): beyond, figures are
/// clamped so that no product overflows.
pub const MAX_CLAIM: Decimal = Decimal::from_parts(0xA4C6_8000, 0x3_8D7E, 0, false, 0);

impl Claim {
    pub fn from_computation(c: &Computation) -> Claim {
        let t = &c.totals;
        Claim {
            regime: c.regime,
            principal: t.principal.clamp(Decimal::ZERO, MAX_CLAIM),
            extras: (t.total - t.principal).clamp(Decimal::ZERO, MAX_CLAIM),
        }
    }

    /// The same claim scaled to `principal` (accessories in proportion), for the chart.
    pub fn scaled(self, principal: Decimal) -> Claim {
        let principal = principal.clamp(Decimal::ZERO, MAX_CLAIM);
        let scale = |part: Decimal| {
            if self.principal.is_zero() {
                Decimal::ZERO
            } else {
                (part / self.principal)
                    .checked_mul(principal)
                    .unwrap_or(MAX_CLAIM)
                    .min(MAX_CLAIM)
            }
        };
        Claim {
            regime: self.regime,
            principal,
            extras: scale(self.extras),
        }
    }

    pub fn total(self) -> Decimal {
        self.principal + self.extras
    }
}

/// One path, evaluated for the dossier's claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathResult {
    pub path: PathKind,
    /// `false` when the path is closed to this claim (see `blocked`).
    pub eligible: bool,
    /// Why the path is closed, in French.
    pub blocked: Vec<String>,
    pub outcome: Outcome,
    pub warnings: Vec<Warning>,
}

/// The whole analysis of one dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strategy {
    pub claim: Claim,
    pub today: NaiveDate,
    pub assumptions: Assumptions,
    /// Ranked as [`rank`] does: open paths with known fees by expected net, then open paths
    /// with an unpublished fee, then the closed ones.
    pub paths: Vec<PathResult>,
    pub chart: Chart,
    pub sensitivity: Vec<Scenario>,
    /// Guards that concern every path (prescription, competent court…).
    pub warnings: Vec<Warning>,
    pub plan: PlanValue,
}

impl Strategy {
    /// The best open path (one with known fees, if any).
    pub fn best(&self) -> Option<&PathResult> {
        self.paths.iter().find(|p| p.eligible)
    }
}

/// Why `path` is closed to `claim`, if it is.
pub fn blocked(path: PathKind, claim: Claim) -> Vec<String> {
    let mut out = Vec::new();
    let steps = path.steps();
    // CPCE R125-1: principal and interest up to 5 000 €.
    if steps.contains(&StepKind::SmallClaims) && claim.total() > tariff::SMALL_CLAIMS_CAP {
        out.push(
            "réservée aux créances de 5 000 € au plus, intérêts compris (CPCE R125-1)".to_owned(),
        );
    }
    // CPCE L126-1: invoiced claims between traders only.
    if steps.contains(&StepKind::Uncontested) && claim.regime == Regime::B2c {
        out.push("réservée aux créances entre commerçants (CPCE L126-1)".to_owned());
    }
    out
}

/// Analyses `dossier` as computed in `computation`, on `today`, with `overrides`.
pub fn analyse(
    dossier: &Dossier,
    computation: &Computation,
    overrides: &Overrides,
    today: NaiveDate,
) -> Strategy {
    let claim = Claim::from_computation(computation);
    let assumptions = Assumptions::with(claim.regime, overrides);
    let mut paths = rank(claim, &assumptions);
    if let Some((_, term)) = warnings::prescription(computation) {
        for p in &mut paths {
            p.warnings.extend(warnings::prescription_risk(
                p.path,
                &assumptions,
                today,
                term.last_day,
            ));
        }
    }
    let chart = curve::chart(claim, &assumptions);
    let sensitivity = sensitivity::scenarios(claim, &assumptions);
    let warnings = warnings::general(dossier, computation, claim, &assumptions, today);
    let plan = value_plan(claim.principal, &assumptions);
    Strategy {
        claim,
        today,
        assumptions,
        paths,
        chart,
        sensitivity,
        warnings,
        plan,
    }
}

/// Every path evaluated for `claim`: open paths whose fees are all known, by expected net; then
/// open paths with an unpublished fee (counted as zero, their figures flatter them); then the
/// closed ones. Ties keep the order of [`PathKind::ALL`].
pub fn rank(claim: Claim, assumptions: &Assumptions) -> Vec<PathResult> {
    let mut out: Vec<PathResult> = PathKind::ALL
        .into_iter()
        .map(|path| {
            let blocked = blocked(path, claim);
            PathResult {
                path,
                eligible: blocked.is_empty(),
                blocked,
                outcome: evaluate(path.steps(), claim, assumptions),
                warnings: warnings::for_path(path, claim, assumptions),
            }
        })
        .collect();
    insertion_sort(&mut out, |a, b| {
        b.eligible
            .cmp(&a.eligible)
            .then(
                a.outcome
                    .unknown_fees
                    .is_empty()
                    .cmp(&b.outcome.unknown_fees.is_empty())
                    .reverse(),
            )
            .then(b.outcome.expected_net.cmp(&a.outcome.expected_net))
    });
    out
}

/// A stable sort for the handful of items here (10 paths, a dozen milestones): the standard
/// library's stable sort costs several KB of wasm per item type.
pub(crate) fn insertion_sort<T>(items: &mut [T], order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        // Moves item `i` left while its left neighbour orders after it (none left of 0).
        loop {
            let (left, right) = items.split_at_mut(j);
            match (left.last(), right.first()) {
                (Some(a), Some(b)) if order(a, b) == std::cmp::Ordering::Greater => {
                    items.swap(j - 1, j);
                    j -= 1;
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items move left past every item that orders after them, however far; equal items keep
    /// their order.
    #[test]
    fn insertion_sort_is_a_stable_sort() {
        let mut items = [(2, 'a'), (3, 'b'), (1, 'c'), (2, 'd'), (0, 'e')];
        insertion_sort(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(items, [(0, 'e'), (1, 'c'), (2, 'a'), (2, 'd'), (3, 'b')]);
        let mut none: [u8; 0] = [];
        insertion_sort(&mut none, u8::cmp);
        let mut sorted = [1, 2, 3];
        insertion_sort(&mut sorted, i32::cmp);
        assert_eq!(sorted, [1, 2, 3]);
    }
}
