//! What the debtor owes, live: total, principal, penalties or interest, indemnities, extra
//! costs and what one more day of delay adds. Every figure is the engine's, formatted by
//! `relance_engine::fr`; the `data-testid`s are a stable testing hook.

use std::rc::Rc;

use relance_engine::figures::{total_title, why_no_interest};
use relance_engine::{fr, Computation};
use yew::prelude::*;

use super::decompte::TotalLabels;
use super::unbroken::unbroken;

#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    pub computation: Option<Rc<Computation>>,
    /// Why nothing is computed, when `computation` is `None`.
    pub reason: AttrValue,
    /// Whether fields in error leave rows out of the figures.
    #[prop_or_default]
    pub partial: bool,
    /// A consumer without a formal-notice date: no interest yet, said where the figure is.
    #[prop_or_default]
    pub no_notice: bool,
}

#[function_component(Totals)]
pub fn totals(props: &TotalsProps) -> Html {
    let Some(c) = &props.computation else {
        return html! {
            <section class="totals" aria-labelledby="totals-title">
                <h2 id="totals-title">{ "Ce que doit le débiteur" }</h2>
                <p class="empty">{ &props.reason }</p>
            </section>
        };
    };
    let t = &c.totals;
    // Why the interest is 0 €, in one sentence beside it: no formal notice yet for a consumer,
    // a notice dated after the calculation, an invoice not yet due.
    let why_zero = if props.no_notice && t.interest.is_zero() {
        Some("Pour un particulier, les intérêts courent à partir de la mise en demeure (C. civ. 1231-6) : indiquez sa date ci-dessus, ou envoyez-la depuis l'étape Lettre.".to_owned())
    } else {
        why_no_interest(c)
    };
    let judged = c.judgment.is_some();
    let interest_label = if judged {
        "Intérêts (décision et depuis)"
    } else {
        fr::interest_noun(c.regime).0
    };
    let labels = TotalLabels::of(c);
    html! {
        <section class="totals" aria-labelledby="totals-title">
            <h2 id="totals-title">{ "Ce que doit le débiteur" }</h2>
            <p class="total-due" aria-live="polite" aria-atomic="true">
                { total_title(c) }
                <strong class="amount" data-testid="total-due">{ fr::amount(t.total) }</strong>
            </p>
            if props.partial {
                <p class="warning partial" data-testid="total-partial">
                    { "Total incomplet : les lignes à corriger signalées ci-dessus n'y sont pas comptées ; il peut être trop bas (une facture laissée de côté) ou trop haut (un paiement ou un avoir laissé de côté)." }
                </p>
            }
            <dl class="figures">
                <div>
                    <dt>{ labels.principal }</dt>
                    <dd class="amount" data-testid="total-principal">{ fr::amount(t.principal) }</dd>
                </div>
                <div>
                    <dt>{ interest_label }</dt>
                    <dd class="amount" data-testid="total-interest">{ fr::amount(t.interest) }</dd>
                    if let Some(why) = why_zero {
                        <dd class="why-zero" data-testid="why-zero">{ unbroken(&why) }</dd>
                    }
                </div>
                if !judged {
                    <div>
                        <dt>{ "Indemnités forfaitaires de recouvrement" }</dt>
                        <dd class="amount" data-testid="total-indemnities">{ fr::amount(t.indemnities) }</dd>
                    </div>
                }
                if !t.extra_costs.is_zero() {
                    <div>
                        <dt>{ labels.extra_costs }</dt>
                        <dd class="amount" data-testid="total-extra-costs">{ fr::amount(t.extra_costs) }</dd>
                    </div>
                }
            </dl>
            <p class="daily">
                { "+ " }<span class="amount" data-testid="daily-accrual">{ fr::amount(c.daily_accrual) }</span>
                { " par jour de retard" }
            </p>
        </section>
    }
}
