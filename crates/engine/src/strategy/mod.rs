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

mod analysis;
pub mod cited;
mod claim;
mod curve;
mod ladder;
pub mod params;
mod path;
mod plan_value;
mod rank;
pub mod report;
mod sensitivity;
pub mod supply;
mod tariff;
mod timeline;
pub mod uncertainty;
mod warnings;

pub use analysis::{analyse, Strategy};
pub use claim::{blocked, Claim, Judged, MAX_CLAIM};
pub use curve::{breakeven, Breakeven, Chart, Series, Versus};
pub use ladder::{evaluate, thresholds, Outcome, StepOutcome};
pub use params::{Assumptions, Basis, Field, Global, Overrides, Param, Unit};
pub use path::{PathKind, Setting, StepKind};
pub use plan_value::{value_plan, PlanValue};
pub use rank::{rank, with_ranges, PathResult};
pub use report::DISCLAIMER;
pub use sensitivity::Scenario;
pub use supply::Supply;
pub use tariff::{a444_32, coefficient, service_fee};
pub use timeline::{timeline, Milestone, MilestoneKind};
pub use warnings::Warning;
