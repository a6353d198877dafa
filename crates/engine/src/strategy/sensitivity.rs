//! How the ranking of the paths moves when the success probabilities and the costs move (the
//! editable fees and hours; regulated tariffs stay as they are).

use rust_decimal::Decimal;

use super::claim::Claim;
use super::params::{Assumptions, Field, Global};
use super::path::{PathKind, StepKind};
use super::rank::rank;

/// One variation of the assumptions and the ranking it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Stable code and French label.
    pub code: &'static str,
    pub label: &'static str,
    /// Open paths by expected net, best first, with their expected net.
    pub ranking: Vec<(PathKind, Decimal)>,
    /// The best path differs from the one of the current assumptions.
    pub best_changed: bool,
}

/// What a scenario does to the assumptions.
enum Change {
    None,
    Scale(&'static [Field], u32),
    Insolvency(u32),
}

const SCENARIOS: [(&str, &str, Change); 8] = [
    ("base", "Vos hypothèses", Change::None),
    (
        "success-75",
        "Chances de paiement −25 %",
        Change::Scale(&[Field::Success], 75),
    ),
    (
        "success-50",
        "Chances de paiement −50 %",
        Change::Scale(&[Field::Success], 50),
    ),
    (
        "success-125",
        "Chances de paiement +25 %",
        Change::Scale(&[Field::Success], 125),
    ),
    (
        "costs-50",
        "Frais saisis et temps −50 %",
        Change::Scale(&[Field::Cost, Field::Hours], 50),
    ),
    (
        "costs-150",
        "Frais saisis et temps +50 %",
        Change::Scale(&[Field::Cost, Field::Hours], 150),
    ),
    (
        "costs-200",
        "Frais saisis et temps × 2",
        Change::Scale(&[Field::Cost, Field::Hours], 200),
    ),
    (
        "insolvency-30",
        "Débiteur insolvable 3 fois sur 10",
        Change::Insolvency(30),
    ),
];

fn apply(change: &Change, base: &Assumptions) -> Assumptions {
    let mut a = base.clone();
    match change {
        Change::None => {}
        Change::Scale(fields, percent) => {
            let factor = Decimal::new(i64::from(*percent), 2);
            for step in StepKind::ALL {
                for &field in *fields {
                    let mut value = a.step(step, field) * factor;
                    if field == Field::Success {
                        value = value.min(Decimal::ONE_HUNDRED);
                    }
                    a.set_slot(super::params::Slot::Step(step, field), value);
                }
            }
        }
        Change::Insolvency(percent) => {
            a.set_slot(
                super::params::Slot::Global(Global::Insolvency),
                Decimal::from(*percent),
            );
        }
    }
    a
}

pub(crate) fn scenarios(claim: Claim, base: &Assumptions) -> Vec<Scenario> {
    let mut out: Vec<Scenario> = Vec::with_capacity(SCENARIOS.len());
    for (code, label, change) in &SCENARIOS {
        let a = apply(change, base);
        let ranking: Vec<(PathKind, Decimal)> = rank(claim, &a)
            .into_iter()
            .filter(|p| p.eligible)
            .map(|p| (p.path, p.outcome.expected_net))
            .collect();
        let best = ranking.first().map(|r| r.0);
        let base_best = out.first().and_then(|s| s.ranking.first()).map(|r| r.0);
        out.push(Scenario {
            code,
            label,
            best_changed: !out.is_empty() && best != base_best,
            ranking,
        });
    }
    out
}
