//! The whole analysis of one dossier: ranked paths, chart, sensitivity, guards, plan value.

use chrono::NaiveDate;

use super::claim::Claim;
use super::curve::{self, Chart};
use super::ladder::thresholds;
use super::params::{Assumptions, Overrides};
use super::plan_value::{value_plan, PlanValue};
use super::rank::{rank, with_ranges, PathResult};
use super::sensitivity::{self, Scenario};
use super::warnings::{self, Warning};
use crate::compute::Computation;
use crate::dossier::Dossier;

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

/// Analyses `dossier` as computed in `computation`, on `today`, with `overrides`.
pub fn analyse(
    dossier: &Dossier,
    computation: &Computation,
    overrides: &Overrides,
    today: NaiveDate,
) -> Strategy {
    let claim = Claim::from_computation(computation);
    let assumptions = Assumptions::with(claim, overrides);
    let mut paths = rank(claim, &assumptions);
    with_ranges(&mut paths, claim, &assumptions);
    for p in &mut paths {
        let found = thresholds(p.path.steps(), claim, &assumptions);
        for (step, threshold) in p.outcome.steps.iter_mut().zip(found) {
            step.threshold = threshold;
        }
    }
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
