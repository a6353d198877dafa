//! The strategy as JSON (CLI `relance strategy --format json`).
//!
//! # Schema (`"format": "relance-strategy"`, `"version": 2`)
//!
//! Version 2 only adds to version 1: `assumptions[].range`, `paths[].calendar_days`,
//! `paths[].probability_range`, `paths[].net_range`,
//! `paths[].overlaps_best`, `paths[].chance_basis`, `paths[].steps[].lawyer` (the lawyer's
//! fees within `fees`, when representation is mandatory), `paths[].steps[].success_basis` and
//! `paths[].steps[].threshold`.
//!
//! Conventions, the same as the décompte export (`crate::report`):
//! - **amounts** are strings in euros with exactly two decimals and a dot: `"1234.50"`,
//!   negative with a leading `-` (`"-843.10"`);
//! - **probabilities and percentages** are strings of a percentage with at least two
//!   decimals: `"65.00"` means 65 % (a probability of 0.65);
//! - **durations** are whole numbers of days (JSON numbers), counted from `today`;
//! - **dates** are ISO strings `"2026-11-22"`;
//! - **codes** are stable ASCII identifiers; **labels and messages** are French.
//!
//! Top-level keys (objects are written with their keys in alphabetical order):
//! - `format`, `version`, `disclaimer` (« Aide à la décision, pas un conseil juridique. »),
//!   `today`;
//! - `claim`: `regime` (`b2b`/`b2c`), `principal`, `extras` (penalties or interest,
//!   indemnities and costs), `total`;
//! - `best`: code of the best open path, or `null` when every path is closed;
//! - `paths`: the ten paths in the engine's order: open paths whose fees are all known, by
//!   expected net (best first), then open paths with an unpublished fee, then the closed ones; each
//!   has `rank` (1-based among open paths, `null` when closed), `code`, `label`, `eligible`,
//!   `blocked` (French reasons), `expected_net`, `net_percent` (of the claim's total),
//!   `probability_paid`, `expected_days` (`null` when never paid), `cost_at_risk`,
//!   `best_case`, `worst_case`, `expected_received`, `expected_costs`, `probability_range`
//!   (`["low", "high"]`, whole percents as percent strings) and `net_range` (`["low", "high"]`,
//!   amounts): the figures with every assumption's band read pessimistically then
//!   optimistically (chances ±10 points for a secondary source, ±15 unverified, ±20 for a forum
//!   figure or an assumption; fees, hours and delays ±25 % or ±50 %; official figures fixed),
//!   `overlaps_best` (an open path whose net range meets the best one's: equivalent given the
//!   uncertainty), `chance_basis` (the weakest basis code, as in `assumptions[].basis`, among
//!   the default chances its steps rest on; `null` when none: no steps, or every chance set by
//!   the user), `calendar_days` (`[first, last]`: the days from today to the end of its first
//!   and of its last step, between which `expected_days` lies; `null` without steps),
//!   `unknown_fees` (step
//!   codes whose fee is unpublished and counted 0), `warnings` (`[{code, message}]`) and
//!   `steps` (`[{code, label, starts, ends, reached, paid, fees, tariff, time, received,
//!   success_fee, unknown_fee, lawyer, threshold, success_basis}]`: `reached`/`paid` are the probabilities that the
//!   step is reached / that the debtor pays at it, `fees` includes `tariff`, the regulated part;
//!   `threshold` is the smallest principal (euros string) from which taking the step, once the
//!   earlier ones have failed, pays off on average, `null` when never; `success_basis` the
//!   basis code of the default chance of the step);
//! - `breakevens`: `[{path, versus, amount}]`, `versus` = `zero` (expected net above zero from
//!   this principal) or `amicable` (better than the amicable reminder alone);
//! - `chart`: `claim` (the dossier's principal), `amounts` (principal axis) and `series`
//!   (`[{path, points}]`, expected net at each amount, `null` where the path is closed);
//! - `sensitivity`: `[{code, label, best, best_changed, ranking: [{path, expected_net}]}]`;
//! - `warnings`: guards for every path, `[{code, message}]`; a `prescription` warning also has
//!   `invoice`, `last_day` (ISO, the last day an action still interrupts it) and `status`
//!   (`prescribed`, `soon`), as the décompte's notice for the same invoice;
//! - `plan`: value of a payment plan of the principal: `nominal`, `present_value`,
//!   `expected_value`, `equivalent_discount` (percentage), `instalments`
//!   (`[{months, amount, probability, value}]`);
//! - `assumptions`: every parameter: `id`, `label`, `unit` (`euro`, `percent`,
//!   `percent_per_year`, `hours`, `days`, `euro_per_hour`, `count`), `value`, `default` (strings;
//!   euros with two decimals, other units as plain decimals), `range` (`[low, high]` around the
//!   value, from its basis, as the paths' ranges read it; `null` where none applies),
//!   `basis` (`{code, label}`),
//!   `source`, `overridden` (value differs from the default);
//! - `timeline_path` (code of the path the timeline is for, or `null`) and `timeline`:
//!   `[{date, kind, title, detail}]`, `kind` = `action`, `deadline`, `done` or `prescription`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::json_text::json;

use super::analysis::Strategy;
use super::curve::Versus;
use super::params::{params, Assumptions, Field, Slot, Unit};
use super::path::PathKind;
use super::rank::PathResult;
use super::timeline::{Milestone, MilestoneKind};
use super::uncertainty::band;
use super::warnings::Warning;
use crate::dossier::iso;
use crate::fr;
use crate::law::Regime;
use crate::money::{round, round_cents};

/// The sentence every strategy output carries.
pub const DISCLAIMER: &str = "Aide à la décision, pas un conseil juridique.";

/// Schema version of [`to_json`].
pub const VERSION: u32 = 2;

fn money(value: Decimal) -> Value {
    Value::String(round_cents(value).to_string())
}

/// A percentage (already ×100) as a string with at least two decimals.
fn percent(value: Decimal) -> Value {
    Value::String(fr::percent_number(value))
}

/// A probability (0 to 1) as a percentage string, two decimals.
fn probability(value: Decimal) -> Value {
    percent(round(value * Decimal::ONE_HUNDRED, 2))
}

/// Whole days.
fn days(value: Decimal) -> Value {
    Value::from(round(value, 0).to_i64().unwrap_or(i64::MAX))
}

pub fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Euro => "euro",
        Unit::Percent => "percent",
        Unit::PercentPerYear => "percent_per_year",
        Unit::Hours => "hours",
        Unit::Days => "days",
        Unit::EuroPerHour => "euro_per_hour",
        Unit::Count => "count",
    }
}

pub fn milestone_kind_code(kind: MilestoneKind) -> &'static str {
    match kind {
        MilestoneKind::Action => "action",
        MilestoneKind::Deadline => "deadline",
        MilestoneKind::Done => "done",
        MilestoneKind::Prescription => "prescription",
    }
}

pub fn versus_code(versus: Versus) -> &'static str {
    match versus {
        Versus::Zero => "zero",
        Versus::Amicable => "amicable",
    }
}

/// A parameter value in its unit: euros with two decimals, anything else as a plain decimal.
fn param_value(unit: Unit, value: Decimal) -> Value {
    match unit {
        Unit::Euro | Unit::EuroPerHour => money(value),
        _ => Value::String(value.normalize().to_string()),
    }
}

fn warnings(list: &[Warning]) -> Value {
    Value::Array(list.iter().map(warning).collect())
}

/// `{code, message}`, and for a prescription the décompte notice's `invoice`, `last_day` and
/// `status`.
fn warning(w: &Warning) -> Value {
    let mut v = json!({ "code": w.code, "message": w.message });
    if let (Some(p), Some(map)) = (&w.prescription, v.as_object_mut()) {
        map.insert("invoice".to_owned(), json!(p.invoice));
        map.insert("last_day".to_owned(), json!(iso(p.term.last_day)));
        map.insert("status".to_owned(), json!(p.status.code()));
    }
    v
}

fn path(p: &PathResult, rank: Option<usize>, a: &Assumptions) -> Value {
    let o = &p.outcome;
    let regime = a.regime;
    let steps: Vec<Value> = o
        .steps
        .iter()
        .map(|s| {
            json!({
                "code": s.step.code(),
                "label": s.step.label(regime),
                "starts": days(s.starts),
                "ends": days(s.ends),
                "reached": probability(s.reached),
                "paid": probability(s.paid),
                "fees": money(s.fees),
                "tariff": money(s.tariff),
                "lawyer": money(s.lawyer),
                "time": money(s.time),
                "received": money(s.received),
                "success_fee": money(s.success_fee),
                "unknown_fee": s.unknown_fee,
                "threshold": s.threshold.map(money),
                "success_basis": a.basis(s.step, Field::Success).code(),
            })
        })
        .collect();
    let chance = p.chance_range_percent();
    let chance_basis = a.chance_basis(p.path.steps()).map(|b| b.code());
    json!({
        "rank": rank,
        "code": p.path.code(),
        "label": p.path.label(),
        "eligible": p.eligible,
        "blocked": p.blocked,
        "expected_net": money(o.expected_net),
        "net_percent": percent(o.net_percent),
        "probability_paid": probability(o.probability_paid),
        "probability_range": [percent(chance.0), percent(chance.1)],
        "net_range": [money(p.net_range.0), money(p.net_range.1)],
        "overlaps_best": p.overlaps_best,
        "chance_basis": chance_basis,
        "expected_days": o.expected_days.map(days),
        "calendar_days": o.steps.first().zip(o.steps.last()).map(|(f, l)| json!([days(f.ends), days(l.ends)])),
        "cost_at_risk": money(o.cost_at_risk),
        "best_case": money(o.best_case),
        "worst_case": money(o.worst_case),
        "expected_received": money(o.expected_received),
        "expected_costs": money(o.expected_costs),
        "unknown_fees": o.unknown_fees.iter().map(|s| s.code()).collect::<Vec<_>>(),
        "warnings": warnings(&p.warnings),
        "steps": steps,
    })
}

/// The strategy as a JSON value (see the module documentation for the schema). `timeline` is
/// the dated plan of `timeline_path` (usually the best path), as [`super::timeline`] gives it.
pub fn to_json_value(
    s: &Strategy,
    timeline_path: Option<PathKind>,
    timeline: &[Milestone],
) -> Value {
    let regime = s.claim.regime;
    let mut rank = 0;
    let paths: Vec<Value> = s
        .paths
        .iter()
        .map(|p| {
            let r = p.eligible.then(|| {
                rank += 1;
                rank
            });
            path(p, r, &s.assumptions)
        })
        .collect();
    let breakevens: Vec<Value> = s
        .chart
        .breakevens
        .iter()
        .map(|b| {
            json!({
                "path": b.path.code(),
                "versus": versus_code(b.versus),
                "amount": money(b.amount),
            })
        })
        .collect();
    let series: Vec<Value> = s
        .chart
        .series
        .iter()
        .map(|se| {
            json!({
                "path": se.path.code(),
                "points": se.points.iter().map(|p| p.map(money)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let sensitivity: Vec<Value> = s
        .sensitivity
        .iter()
        .map(|sc| {
            json!({
                "code": sc.code,
                "label": sc.label,
                "best": sc.ranking.first().map(|r| r.0.code()),
                "best_changed": sc.best_changed,
                "ranking": sc.ranking.iter().map(|(p, net)| json!({
                    "path": p.code(),
                    "expected_net": money(*net),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let plan = &s.plan;
    let instalments: Vec<Value> = plan
        .instalments
        .iter()
        .map(|(months, amount, prob, value)| {
            json!({
                "months": months,
                "amount": money(*amount),
                "probability": probability(*prob),
                "value": money(*value),
            })
        })
        .collect();
    let assumptions: Vec<Value> = params(s.claim)
        .into_iter()
        .map(|p| {
            let value = s.assumptions.get(&p.id).unwrap_or(p.default);
            // The band the ranges read (none for globals, shares and recoverable parts).
            let range = match p.slot {
                Slot::Step(_, field) => band(field, p.basis, value).map(|(low, high)| {
                    json!([param_value(p.unit, low), param_value(p.unit, high)])
                }),
                Slot::Global(_) => None,
            };
            json!({
                "id": p.id,
                "label": p.label,
                "unit": unit_code(p.unit),
                "value": param_value(p.unit, value),
                "default": param_value(p.unit, p.default),
                "range": range,
                "basis": { "code": p.basis.code(), "label": p.basis.label() },
                "source": p.source,
                "overridden": value != p.default,
            })
        })
        .collect();
    let timeline: Vec<Value> = timeline
        .iter()
        .map(|m| {
            json!({
                "date": iso(m.date),
                "kind": milestone_kind_code(m.kind),
                "title": m.title,
                "detail": m.detail,
            })
        })
        .collect();
    let c = &s.claim;
    let mut out = serde_json::Map::new();
    let mut put = |key: &str, value: Value| {
        out.insert(key.to_owned(), value);
    };
    put("format", json!("relance-strategy"));
    put("version", json!(VERSION));
    put("disclaimer", json!(DISCLAIMER));
    put("today", json!(iso(s.today)));
    put(
        "claim",
        json!({
            "regime": Regime::code(regime),
            "principal": money(c.principal),
            "extras": money(c.extras),
            "total": money(c.total()),
            // A decision in hand (issue 13): only its enforcement is compared.
            "judgment": c.judgment.map(|j| json!({"served": j.served})),
        }),
    );
    put("best", json!(s.best().map(|p| p.path.code())));
    put("paths", Value::Array(paths));
    put("breakevens", Value::Array(breakevens));
    put(
        "chart",
        json!({
            "claim": money(s.chart.claim),
            "amounts": s.chart.amounts.iter().map(|a| money(*a)).collect::<Vec<_>>(),
            "series": series,
        }),
    );
    put("sensitivity", Value::Array(sensitivity));
    put("warnings", warnings(&s.warnings));
    put(
        "plan",
        json!({
            "nominal": money(plan.nominal),
            "present_value": money(plan.present_value),
            "expected_value": money(plan.expected_value),
            "equivalent_discount": percent(plan.equivalent_discount),
            "instalments": instalments,
        }),
    );
    put("assumptions", Value::Array(assumptions));
    put("timeline_path", json!(timeline_path.map(PathKind::code)));
    put("timeline", Value::Array(timeline));
    Value::Object(out)
}

/// The strategy as pretty-printed JSON (keys of each object in alphabetical order).
pub fn to_json(s: &Strategy, timeline_path: Option<PathKind>, timeline: &[Milestone]) -> String {
    crate::json_text::pretty(&to_json_value(s, timeline_path, timeline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::{analyse, timeline};
    use crate::{compute, parse, RateTables};

    fn seed(overrides: &[(&str, i64)]) -> (Strategy, Vec<Milestone>, PathKind) {
        let mut dossier = parse::dossier(crate::SEED_DOSSIER).expect("seed parses");
        let today = dossier.as_of.expect("seed has a date");
        for (id, v) in overrides {
            dossier.strategy.insert((*id).to_owned(), Decimal::from(*v));
        }
        let c = compute(&dossier, today, &RateTables::builtin());
        let s = analyse(&dossier, &c, &dossier.strategy, today);
        let best = s.best().expect("a path is open").path;
        let t = timeline(best, &dossier, &c, &s.assumptions, today);
        (s, t, best)
    }

    fn parsed(s: &Strategy, path: PathKind, t: &[Milestone]) -> Value {
        let text = to_json(s, Some(path), t);
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn is_amount(v: &Value) -> bool {
        let Some(s) = v.as_str() else { return false };
        let s = s.strip_prefix('-').unwrap_or(s);
        let Some((int, frac)) = s.split_once('.') else {
            return false;
        };
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.len() == 2
            && frac.bytes().all(|b| b.is_ascii_digit())
    }

    fn is_percent(v: &Value) -> bool {
        let Some(s) = v.as_str() else { return false };
        s.parse::<Decimal>()
            .is_ok_and(|d| d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED)
            && s.split_once('.').is_some_and(|(_, f)| f.len() >= 2)
    }

    #[test]
    fn seed_json_is_valid_and_in_the_documented_shape() {
        let (s, t, best) = seed(&[]);
        let v = parsed(&s, best, &t);
        assert_eq!(v["format"], "relance-strategy");
        assert_eq!(v["version"], 2);
        assert_eq!(v["disclaimer"], DISCLAIMER);
        assert_eq!(v["today"], "2026-11-22");
        assert_eq!(v["claim"]["regime"], "b2b");
        assert_eq!(v["claim"]["principal"], "24000.00");
        assert_eq!(v["claim"]["extras"], "14132.53");
        assert_eq!(v["claim"]["total"], "38132.53");
        assert_eq!(v["best"], best.code());
        assert_eq!(v["timeline_path"], best.code());
        let keys: Vec<&str> = v
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "assumptions",
                "best",
                "breakevens",
                "chart",
                "claim",
                "disclaimer",
                "format",
                "paths",
                "plan",
                "sensitivity",
                "timeline",
                "timeline_path",
                "today",
                "version",
                "warnings"
            ]
        );
    }

    #[test]
    fn every_path_is_present_once_ranked_by_expected_net() {
        let (s, t, best) = seed(&[]);
        let v = parsed(&s, best, &t);
        let paths = v["paths"].as_array().expect("paths");
        let open: Vec<PathKind> = PathKind::ALL
            .into_iter()
            .filter(|p| p.open_to(crate::law::Regime::B2b))
            .collect();
        assert_eq!(paths.len(), open.len());
        assert_eq!(open.len(), 11);
        for kind in open {
            let found: Vec<&Value> = paths.iter().filter(|p| p["code"] == kind.code()).collect();
            assert_eq!(found.len(), 1, "{}", kind.code());
            assert_eq!(found[0]["label"], kind.label());
            assert_eq!(
                found[0]["steps"].as_array().map(Vec::len),
                Some(kind.steps().len())
            );
        }
        // Open paths first, numbered 1, 2, …: those whose fees are all known by decreasing
        // expected net, then those with an unpublished fee (counted 0 €) by decreasing expected
        // net; closed ones unranked.
        let mut last: Option<(bool, Decimal)> = None;
        let mut open = 0;
        for (i, p) in paths.iter().enumerate() {
            let net: Decimal = p["expected_net"]
                .as_str()
                .expect("net")
                .parse()
                .expect("decimal");
            let unknown = !p["unknown_fees"]
                .as_array()
                .expect("unknown fees")
                .is_empty();
            if p["eligible"] == true {
                open += 1;
                assert_eq!(i + 1, open, "open paths come first");
                assert_eq!(p["rank"], open);
                if let Some((last_unknown, last_net)) = last {
                    assert!(!last_unknown || unknown, "known fees first: {paths:#?}");
                    assert!(
                        last_unknown != unknown || last_net >= net,
                        "ranked by expected net: {paths:#?}"
                    );
                }
                last = Some((unknown, net));
                assert_eq!(p["blocked"], json!([]));
            } else {
                assert!(p["rank"].is_null());
                assert!(!p["blocked"].as_array().expect("reasons").is_empty());
            }
        }
        assert_eq!(open, 10);
        // 38 132,53 € is far above the 5 000 € cap of the small-claims procedure.
        let pspc = paths.iter().find(|p| p["code"] == "pspc").expect("pspc");
        assert_eq!(pspc["eligible"], false);
        assert!(pspc["blocked"][0]
            .as_str()
            .expect("reason")
            .contains("5 000 €"));
        assert_eq!(paths[0]["code"], v["best"]);
    }

    #[test]
    fn amounts_have_two_decimals_and_probabilities_are_percentages() {
        let (s, t, best) = seed(&[]);
        let v = parsed(&s, best, &t);
        for p in v["paths"].as_array().expect("paths") {
            for key in [
                "expected_net",
                "cost_at_risk",
                "best_case",
                "worst_case",
                "expected_received",
                "expected_costs",
            ] {
                assert!(is_amount(&p[key]), "{key} = {}", p[key]);
            }
            assert!(
                is_percent(&p["probability_paid"]),
                "{}",
                p["probability_paid"]
            );
            // The ranges hold the central figures.
            let num = |v: &Value| v.as_str().and_then(|s| s.parse::<Decimal>().ok());
            let (lo, hi) = (
                num(&p["probability_range"][0]),
                num(&p["probability_range"][1]),
            );
            let central = num(&p["probability_paid"]);
            assert!(lo.is_some() && hi.is_some() && central.is_some());
            assert!(lo <= central && central <= hi, "{}", p["probability_range"]);
            let (lo, hi) = (num(&p["net_range"][0]), num(&p["net_range"][1]));
            let central = num(&p["expected_net"]);
            assert!(lo <= central && central <= hi, "{}", p["net_range"]);
            assert!(is_amount(&p["net_range"][0]) && is_amount(&p["net_range"][1]));
            assert!(p["overlaps_best"].is_boolean());
            // The expected delay lies within the path's own calendar.
            if let (Some(days), Some(first), Some(last)) = (
                p["expected_days"].as_u64(),
                p["calendar_days"][0].as_u64(),
                p["calendar_days"][1].as_u64(),
            ) {
                assert!(first <= days && days <= last, "{}", p["calendar_days"]);
            }
            for step in p["steps"].as_array().expect("steps") {
                for key in ["fees", "tariff", "time", "received", "success_fee"] {
                    assert!(is_amount(&step[key]), "{key} = {}", step[key]);
                }
                for key in ["reached", "paid"] {
                    assert!(is_percent(&step[key]), "{key} = {}", step[key]);
                }
                assert!(step["starts"].is_u64() && step["ends"].is_u64());
                assert!(
                    step["threshold"].is_null() || is_amount(&step["threshold"]),
                    "threshold = {}",
                    step["threshold"]
                );
            }
        }
        // The relance amiable: 40 % chance, paid at the end of its 15 days.
        let amicable = v["paths"]
            .as_array()
            .expect("paths")
            .iter()
            .find(|p| p["code"] == "amiable")
            .expect("amiable");
        assert_eq!(amicable["probability_paid"], "40.00");
        assert_eq!(amicable["expected_days"], 15);
        assert_eq!(amicable["steps"][0]["reached"], "100.00");
        // Half an hour at 50 € of the creditor's time.
        assert_eq!(amicable["steps"][0]["time"], "25.00");
        for b in v["breakevens"].as_array().expect("breakevens") {
            assert!(is_amount(&b["amount"]));
            assert!(b["versus"] == "zero" || b["versus"] == "amicable");
        }
        assert!(is_amount(&v["plan"]["expected_value"]));
        assert_eq!(v["plan"]["nominal"], "24000.00");
        assert_eq!(v["plan"]["instalments"].as_array().map(Vec::len), Some(3));
        assert_eq!(v["plan"]["equivalent_discount"], "0.00");
        for m in v["timeline"].as_array().expect("timeline") {
            let date = m["date"].as_str().expect("date");
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{date}"
            );
        }
        let first = v["timeline"][0]["date"].as_str().expect("a milestone");
        assert_eq!(first, "2026-11-22");
    }

    #[test]
    fn every_assumption_is_listed_with_its_override() {
        let (s, t, best) = seed(&[("fond.cost", 1200), ("global.insolvency", 10)]);
        let v = parsed(&s, best, &t);
        let list = v["assumptions"].as_array().expect("assumptions");
        assert_eq!(list.len(), params(Regime::B2b).len());
        let find = |id: &str| list.iter().find(|a| a["id"] == id).expect(id);
        let fond = find("fond.cost");
        assert_eq!(fond["value"], "1200.00");
        assert_eq!(fond["default"], "800.00");
        assert_eq!(fond["overridden"], true);
        assert_eq!(fond["unit"], "euro");
        assert_eq!(fond["basis"]["code"], "forum");
        assert_eq!(fond["basis"]["label"], "chiffre forum");
        let insolvency = find("global.insolvency");
        assert_eq!(insolvency["value"], "10");
        assert_eq!(insolvency["default"], "0");
        let hours = find("relance.hours");
        assert_eq!(hours["value"], "0.5");
        assert_eq!(hours["overridden"], false);
        assert_eq!(list.iter().filter(|a| a["overridden"] == true).count(), 2);
        for a in list {
            assert!(!a["source"].as_str().expect("source").is_empty());
        }
        // An insolvency risk shows in the dossier's warnings.
        assert!(v["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .any(|w| w["code"] == "insolvency"));
    }

    #[test]
    fn sensitivity_and_warnings_are_exported() {
        let (s, t, best) = seed(&[]);
        let v = parsed(&s, best, &t);
        let scenarios = v["sensitivity"].as_array().expect("scenarios");
        assert_eq!(scenarios.len(), s.sensitivity.len());
        assert_eq!(scenarios[0]["code"], "base");
        assert_eq!(scenarios[0]["best"], v["best"]);
        assert_eq!(scenarios[0]["best_changed"], false);
        for sc in scenarios {
            for r in sc["ranking"].as_array().expect("ranking") {
                assert!(is_amount(&r["expected_net"]));
                assert!(PathKind::from_code(r["path"].as_str().expect("code")).is_some());
            }
        }
        let codes: Vec<&str> = v["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .filter_map(|w| w["code"].as_str())
            .collect();
        assert!(codes.contains(&"court"), "{codes:?}");
        assert!(codes.contains(&"prescription"), "{codes:?}");
        let series = v["chart"]["series"].as_array().expect("series");
        assert_eq!(series.len(), 11, "the paths open between professionals");
        let amounts = v["chart"]["amounts"].as_array().expect("amounts").len();
        assert!(series
            .iter()
            .all(|se| se["points"].as_array().map(Vec::len) == Some(amounts)));
    }

    #[test]
    fn no_timeline_is_null_and_empty() {
        let (s, _, _) = seed(&[]);
        let v: Value = serde_json::from_str(&to_json(&s, None, &[])).expect("valid JSON");
        assert!(v["timeline_path"].is_null());
        assert_eq!(v["timeline"], json!([]));
    }

    #[test]
    fn helpers_format_as_documented() {
        assert_eq!(money(Decimal::new(123_450, 2)), "1234.50");
        assert_eq!(money(Decimal::new(-5, 0)), "-5.00");
        assert_eq!(probability(Decimal::new(6525, 4)), "65.25");
        assert_eq!(probability(Decimal::ONE), "100.00");
        assert_eq!(days(Decimal::new(155, 1)), 16);
    }

    /// The stable codes of the schema: regimes, units, milestone kinds, breakeven references.
    #[test]
    fn codes_are_the_documented_ones() {
        assert_eq!(
            [Regime::code(Regime::B2b), Regime::code(Regime::B2c)],
            ["b2b", "b2c"]
        );
        assert_eq!(
            [
                Unit::Euro,
                Unit::Percent,
                Unit::PercentPerYear,
                Unit::Hours,
                Unit::Days,
                Unit::EuroPerHour,
                Unit::Count
            ]
            .map(unit_code),
            [
                "euro",
                "percent",
                "percent_per_year",
                "hours",
                "days",
                "euro_per_hour",
                "count"
            ]
        );
        assert_eq!(
            [
                MilestoneKind::Action,
                MilestoneKind::Deadline,
                MilestoneKind::Done,
                MilestoneKind::Prescription
            ]
            .map(milestone_kind_code),
            ["action", "deadline", "done", "prescription"]
        );
        assert_eq!(
            [Versus::Zero, Versus::Amicable].map(versus_code),
            ["zero", "amicable"]
        );
        assert_eq!(param_value(Unit::EuroPerHour, Decimal::from(50)), "50.00");
        assert_eq!(param_value(Unit::Hours, Decimal::new(50, 2)), "0.5");
    }

    /// The seed's timeline in JSON: each milestone's ISO date and kind code, the first an action
    /// today (the clock first), one the prescription of 4 March 2027, one a deadline.
    #[test]
    fn the_timeline_is_exported_with_its_kinds() {
        let (s, t, best) = seed(&[]);
        let v = parsed(&s, best, &t);
        let list = v["timeline"].as_array().expect("timeline");
        assert_eq!(list.len(), t.len());
        assert_eq!(list[0]["kind"], "action");
        // The prescription is 102 days away: no more friendly reminder, said first.
        assert_eq!(
            list[0]["title"],
            "Prescription proche : pas de nouvelle relance amiable"
        );
        let prescription = list
            .iter()
            .find(|m| m["kind"] == "prescription")
            .expect("a prescription milestone");
        assert_eq!(prescription["date"], "2027-03-04");
        assert!(list.iter().any(|m| m["kind"] == "deadline"));
    }
}
