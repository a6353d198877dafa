//! The strategy chart: expected net recovery (vertical) against the claim's principal
//! (horizontal) for every path, as hand-written SVG (no chart library). Each path has its own
//! colour *and* dash pattern, so the chart does not rely on colour alone; the user's claim, the
//! zero line and the amounts from which escalating beats the amicable reminder are marked.
//! The legend and the table of breakevens under the chart are its text alternative.
//!
//! Every figure is the engine's (`Strategy::chart`); this module only places them. Coordinates
//! are computed in decimals and rounded to whole units of a 640 × 330 view box (no floats).
//! Plain functions, not components: the chart is part of the strategy view's render.
//! Only the paths the user ticks in the legend are drawn (by default the three best and the
//! amicable reminder, the one the breakevens compare with): ten lines on a phone are a tangle.

use relance_engine::fr;
use relance_engine::money::round;
use relance_engine::strategy::{Breakeven, PathKind, Strategy, Versus};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

const W: i64 = 640;
const H: i64 = 330;
const LEFT: i64 = 100;
const RIGHT: i64 = 16;
const TOP: i64 = 26;
const BOTTOM: i64 = H - 56;
/// Smallest gap, in view-box units, between two breakeven numbers on the axis.
const LABEL_GAP: i64 = 30;

/// Colour and dash pattern of a path, stable whatever the ranking (Okabe–Ito palette and a
/// few more, all readable on white).
pub fn style(path: PathKind) -> (&'static str, &'static str) {
    match path {
        PathKind::AmicableOnly => ("#0072b2", "none"),
        // A public buyer's paths, and those after a decision, never meet the others on one
        // chart: they take the styles of their counterparts.
        PathKind::FormalNotice | PathKind::PublicRequest | PathKind::ExecutionDemand => {
            ("#d55e00", "9 4")
        }
        PathKind::PaymentOrder | PathKind::PrefectMandate | PathKind::Seizure => ("#009e73", "2 3"),
        PathKind::Mediation | PathKind::PublicMediation | PathKind::SaleSeizure => {
            ("#cc79a7", "10 3 2 3")
        }
        PathKind::ConventionalMediation => ("#b07800", "5 2"),
        PathKind::Agency => ("#2b8fc7", "12 3 2 3 2 3"),
        PathKind::SmallClaims => ("#1b1f24", "1 3"),
        PathKind::Uncontested => ("#8c564b", "6 2 1 2"),
        PathKind::ProvisionalOrder | PathKind::AdminProvision => ("#6b6b6b", "14 4"),
        PathKind::Lawsuit | PathKind::AdminLawsuit => ("#7b4fb0", "3 6"),
        PathKind::Abandon => ("#767676", "1 6"),
    }
}

/// A "round" step (1, 2 or 5 × 10ⁿ euros, at least 1 €) that cuts `span` in about five.
fn nice_step(span: Decimal) -> Decimal {
    let target = span / Decimal::from(5);
    let mut unit = Decimal::ONE;
    loop {
        for m in [1u32, 2, 5] {
            let candidate = unit * Decimal::from(m);
            if candidate >= target {
                return candidate;
            }
        }
        match unit.checked_mul(Decimal::TEN) {
            Some(next) => unit = next,
            None => return target.max(Decimal::ONE),
        }
    }
}

/// `offset + value × length / span`, in whole view-box units.
#[inline(never)]
fn place(offset: i64, value: Decimal, length: i64, span: Decimal) -> i64 {
    offset
        + round(value * Decimal::from(length) / span, 0)
            .to_i64()
            .unwrap_or(0)
}

#[inline(never)]
fn line(class: &'static str, x1: i64, y1: i64, x2: i64, y2: i64) -> Html {
    html! {
        <line {class} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
    }
}

#[inline(never)]
fn text(x: i64, y: i64, anchor: &'static str, content: String) -> Html {
    html! { <text x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ content }</text> }
}

/// The decisive step of `path`, its last one with a threshold (`StepOutcome::threshold`; a
/// saisie is never worth it alone), and from which principal it is worth taking; or « — ».
fn decisive(s: &Strategy, path: PathKind) -> String {
    s.paths
        .iter()
        .find(|r| r.path == path)
        .and_then(|r| {
            r.outcome
                .steps
                .iter()
                .rev()
                .find_map(|st| st.threshold.map(|t| (st.step, t)))
        })
        .map_or_else(
            || "—".to_owned(),
            |(step, t)| format!("{} : {}", step.label(s.claim.regime), fr::whole_euros(t)),
        )
}

/// The breakevens of `s` against the amicable reminder, numbered from 1 in this order.
pub fn amicable(s: &Strategy) -> Vec<&Breakeven> {
    s.chart
        .breakevens
        .iter()
        .filter(|b| b.versus == Versus::Amicable)
        .collect()
}

/// The paths drawn (open for at least two amounts of the axis).
pub fn drawn(s: &Strategy) -> Vec<PathKind> {
    s.chart
        .series
        .iter()
        .filter(|s| s.points.iter().flatten().nth(1).is_some())
        .map(|s| s.path)
        .collect()
}

/// The paths drawn before the user ticks any: the three best open paths and the amicable
/// reminder.
pub fn default_shown(s: &Strategy) -> Vec<PathKind> {
    let mut shown: Vec<PathKind> = s
        .paths
        .iter()
        .filter(|r| r.eligible)
        .take(3)
        .map(|r| r.path)
        .collect();
    if !shown.contains(&PathKind::AmicableOnly) {
        shown.push(PathKind::AmicableOnly);
    }
    shown
}

/// The SVG chart (the `shown` paths), its legend (a box to tick per path, `toggle`) and its
/// table of breakevens.
pub fn chart(s: &Strategy, shown: &[PathKind], toggle: Callback<PathKind>) -> Html {
    let chart = &s.chart;
    let x_max = chart
        .amounts
        .last()
        .copied()
        .filter(|m| *m > Decimal::ZERO)
        .unwrap_or(Decimal::ONE_THOUSAND);
    let values = chart.series.iter().flat_map(|s| s.points.iter().flatten());
    let (low, high) = values.fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    // The top is a round tick; the bottom is the lowest value with a little room, so that a
    // few euros below zero do not take a whole tick of height.
    let step = nice_step(high - low);
    let y_min = low - (high - low) / Decimal::from(40);
    let y_max = ((high / step).ceil() * step).max(y_min + step);
    let first = (y_min / step).ceil() * step;
    let x = |v: Decimal| place(LEFT, v.clamp(Decimal::ZERO, x_max), W - LEFT - RIGHT, x_max);
    let y = |v: Decimal| {
        place(
            TOP,
            y_max - v.clamp(y_min, y_max),
            BOTTOM - TOP,
            y_max - y_min,
        )
    };
    let mut nodes: Vec<Html> = Vec::new();
    for i in 0..=12 {
        let v = first + step * Decimal::from(i);
        if v > y_max {
            break;
        }
        let at = y(v);
        nodes.push(line("gridline", LEFT, at, W - RIGHT, at));
        nodes.push(text(LEFT - 6, at + 4, "end", fr::whole_euros(v)));
    }
    for i in 0..=5 {
        let v = x_max * Decimal::from(i) / Decimal::from(5);
        let at = x(v);
        let anchor = ["start", "middle", "middle", "middle", "middle", "end"];
        nodes.push(line("gridline", at, BOTTOM, at, BOTTOM + 4));
        let label = text(
            at,
            BOTTOM + 17,
            anchor.get(i).copied().unwrap_or("middle"),
            fr::whole_euros(v),
        );
        // On a phone every other amount is hidden (CSS), so that the labels do not touch.
        nodes.push(if i % 2 == 1 {
            html! { <g class="tick-odd">{ label }</g> }
        } else {
            label
        });
    }
    nodes.push(line("axis", LEFT, TOP, LEFT, BOTTOM));
    let zero = y(Decimal::ZERO);
    nodes.push(html! {
        <line class="zero" data-testid="chart-zero" x1={LEFT.to_string()} y1={zero.to_string()}
            x2={(W - RIGHT).to_string()} y2={zero.to_string()} />
    });

    // One polyline per run of amounts where the path is open.
    for series in chart.series.iter().filter(|s| shown.contains(&s.path)) {
        let (colour, dash) = style(series.path);
        let mut run: Vec<String> = Vec::new();
        for (amount, point) in chart
            .amounts
            .iter()
            .zip(&series.points)
            .chain([(&Decimal::ZERO, &None)])
        {
            match point {
                Some(v) => run.push(format!("{},{}", x(*amount), y(*v))),
                None if run.len() > 1 => {
                    nodes.push(html! {
                        <polyline class="series" data-path={series.path.code()}
                            points={run.join(" ")} stroke={colour} stroke-dasharray={dash} />
                    });
                    run.clear();
                }
                None => run.clear(),
            }
        }
    }

    let claim = x(chart.claim);
    let right = claim > W / 2;
    nodes.push(html! {
        <g class="claim" data-testid="chart-claim">
            { line("", claim, TOP - 6, claim, BOTTOM) }
            { text(if right { claim - 4 } else { claim + 4 }, TOP - 10, if right { "end" } else { "start" },
                format!("Votre principal : {}", fr::whole_euros(chart.claim))) }
        </g>
    });

    // Breakevens against the amicable reminder: a triangle on the axis in the path's colour,
    // numbered where the number does not overlap another (the table lists them all).
    let amicable = amicable(s);
    let mut labelled: Vec<i64> = Vec::new();
    for (i, b) in amicable.iter().enumerate() {
        let at = x(b.amount);
        let free = labelled.iter().all(|l| (l - at).abs() >= LABEL_GAP);
        if free {
            labelled.push(at);
        }
        let (colour, _) = style(b.path);
        nodes.push(html! {
            <g class="breakeven" data-testid="chart-breakeven" data-path={b.path.code()}>
                <polygon fill={colour} points={format!("{at},{BOTTOM} {},{} {},{}", at - 4, BOTTOM + 7, at + 4, BOTTOM + 7)} />
                // Numbered as in the table, « [1] », so it does not read as an axis amount.
                if free { { text(at, BOTTOM + 36, "middle", format!("[{}]", i + 1)) } }
            </g>
        });
    }
    nodes.push(text(
        W - RIGHT,
        H - 2,
        "end",
        "Principal de la créance".to_owned(),
    ));

    let drawn = drawn(s);
    let description = format!(
        "Gain net espéré (axe vertical) selon le principal de la créance (axe horizontal, de 0 à {}), pour {} voies ; votre principal : {}. Légende et seuils ci-dessous.",
        fr::whole_euros(x_max),
        drawn.iter().filter(|p| shown.contains(p)).count(),
        fr::whole_euros(chart.claim)
    );
    let breakeven = |p: PathKind, versus: Versus| {
        let found = chart
            .breakevens
            .iter()
            .find(|b| b.path == p && b.versus == versus);
        match (found, amicable.iter().position(|b| b.path == p)) {
            (Some(b), Some(i)) if versus == Versus::Amicable => {
                format!("{} [{}]", fr::whole_euros(b.amount), i + 1)
            }
            (Some(b), _) => fr::whole_euros(b.amount),
            (None, _) => "—".to_owned(),
        }
    };
    html! {
        <figure class="chart">
            <svg class="chart-svg" viewBox={format!("0 0 {W} {H}")} role="img"
                aria-labelledby="strategy-chart-title strategy-chart-desc" data-testid="strategy-chart">
                <title id="strategy-chart-title">{ "Gain net espéré selon le montant de la créance" }</title>
                <desc id="strategy-chart-desc">{ description }</desc>
                { for nodes }
            </svg>
            <figcaption>
                <fieldset class="chart-legend">
                    <legend>{ "Voies tracées (légende)" }</legend>
                    <ul>
                        { for drawn.iter().map(|&p| {
                            let (colour, dash) = style(p);
                            let closed = !s.paths.iter().any(|r| r.path == p && r.eligible);
                            let id = format!("chart-show-{}", p.code());
                            let onchange = toggle.reform(move |_: Event| p);
                            html! {
                                <li data-path={p.code()}>
                                    <input type="checkbox" id={id.clone()} checked={shown.contains(&p)} {onchange} />
                                    <label for={id}>
                                        <svg class="swatch" viewBox="0 0 36 10" aria-hidden="true">
                                            <line x1="0" y1="5" x2="36" y2="5" stroke={colour} stroke-dasharray={dash} />
                                        </svg>
                                        { p.label() }
                                        { if closed { " (fermée pour votre créance)" } else { "" } }
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
                { super::table::table(
                    "breakevens",
                    "breakeven",
                    "Seuils : montant du principal à partir duquel chaque voie…",
                    &["Voie", "#…rapporte plus qu'elle ne coûte", "…justifie son étape décisive, les précédentes ayant échoué", "#…fait mieux que la relance amiable seule"],
                    PathKind::ALL.iter().filter(|p| p.open_to(s.claim)).map(|&p| (
                        p.code(),
                        "",
                        html! { p.label() },
                        vec![breakeven(p, Versus::Zero), decisive(s, p), breakeven(p, Versus::Amicable)],
                    )).collect(),
                ) }
                <p class="hint">{ "Les numéros entre crochets repèrent les seuils sur l'axe horizontal. « — » : jamais sur l'échelle du graphique, ou sans objet." }</p>
            </figcaption>
        </figure>
    }
}
