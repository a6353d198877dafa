//! Root component: holds the form in a reducer, derives everything else from it with the
//! engine (`check`, then `compute`), autosaves it, and lays out the page.
//!
//! Derived figures are recomputed on each change (`use_memo` on the form), never stored.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::dossier::DebtorKind;
use relance_engine::form::Form;
use yew::prelude::*;

use crate::components::decompte::Decompte;
use crate::components::form_errors::{form_errors, go_to_field};
use crate::components::invoice_list::InvoiceList;
use crate::components::judgment::JudgmentPart;
use crate::components::letter::LetterStep;
use crate::components::notices::Notices;
use crate::components::options::Options;
use crate::components::parties::Parties;
use crate::components::paste::Paste;
use crate::components::payment_list::FlowList;
use crate::components::portfolio::Portfolio;
use crate::components::procedure::ProcedureStep;
use crate::components::quick_start::QuickStart;
use crate::components::steps::{summary, StepNav};
use crate::components::strategy::StrategyStep;
use crate::components::toolbar::Toolbar;
use crate::components::totals::Totals;
use crate::components::user_rates::UserRates;
pub use crate::derived::{derive, Derived, Latest};
use crate::hooks::use_autosave::use_autosave;
use crate::hooks::use_kept_portfolio::use_kept_portfolio;
use crate::hooks::use_settled::use_settled;
use crate::state::{Action, AppState, Flow};
use crate::web;

/// The "Stratégie" step, between the décompte and the letter, drawn from the `settled` figures
/// (the assumptions' errors too): a keystroke elsewhere does not redraw it.
fn strategy_step(
    settled: &Derived,
    today: Option<NaiveDate>,
    state: &AppState,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    html! {
        <StrategyStep dossier={settled.dossier.clone()} computation={settled.computation.clone()}
            {today} typed={state.form.strategy.clone()} checked={settled.checked.clone()}
            dispatch={dispatch.clone()} />
    }
}

/// Up to this many invoices, the décompte and its notices follow each keystroke; above, they
/// follow after a pause in typing, with Stratégie and the letter preview.
pub const LIVE_DECOMPTE_MAX: usize = 20;

/// Id of the full dossier's title (its `<summary>`).
const DOSSIER_TITLE: &str = "dossier-title";

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer_eq(|| {
        let (portfolio, open) = web::storage::load_portfolio();
        AppState::new(
            web::storage::load_form()
                .or_else(web::quick::typed)
                .unwrap_or_default(),
        )
        .with_portfolio(portfolio, open)
    });
    // The portfolio is kept in this browser as it changes (issue 15); a refusal is said beside
    // the form's.
    let portfolio_failed = use_kept_portfolio(state.portfolio.clone(), state.open);
    let today = *use_memo((), |_| web::clock::today());
    let derived = use_memo((state.form.clone(), today), |(form, today)| {
        derive(form, *today)
    });
    let storage_failed = use_autosave(&state.form);
    // Stratégie and the letter preview follow the figures after a pause in typing: a keystroke
    // paints the totals first, whatever the size of the dossier (issue 16).
    let settled = use_settled(derived.clone());
    // A large décompte follows after the pause too: its rows are the largest redraw of a
    // keystroke (a new « Calculer au » changes every invoice's), and they are below the fold.
    let shown = if derived.computation.as_ref().map_or(0, |c| c.invoices.len()) > LIVE_DECOMPTE_MAX
    {
        settled.clone()
    } else {
        derived.clone()
    };
    let latest = use_mut_ref(|| derived.clone());
    *latest.borrow_mut() = derived.clone();
    let latest = Latest::new(latest);
    // The full dossier opens by itself when the form gets several invoices (a stored form,
    // an import, a paste) and is never closed by the program: only the user closes it. Opened
    // after the page's first render, its title takes the focus, so that the user sees it is
    // open (a tap on a dossier opened out of sight would close it). Already open, it is left
    // alone.
    let dossier_ref = use_node_ref();
    let open_at_start = *use_memo((), |_| state.form.invoices.len() > 1);
    {
        let dossier_ref = dossier_ref.clone();
        use_effect_with(state.form.invoices.len() > 1, move |many| {
            let closed = dossier_ref
                .cast::<web_sys::Element>()
                .is_some_and(|d| !d.has_attribute("open"));
            if *many && closed {
                go_to_field(DOSSIER_TITLE);
            }
        });
    }
    let dispatch = state.dispatcher();
    // The portfolio's dossier shown in the form takes back what is typed in it (issue 15). From
    // the figures of this render, not the settled ones: those lag behind, and could write a
    // dossier just left into the one just opened.
    {
        let (dispatch, portfolio) = (dispatch.clone(), state.portfolio.clone());
        use_effect_with(
            (derived.dossier.clone(), state.open),
            move |(dossier, open)| {
                if let (Some(i), Some(d)) = (*open, dossier) {
                    if portfolio.get(i).is_some_and(|kept| **kept != **d) {
                        dispatch.dispatch(Action::UpdatePortfolio(i, Box::new((**d).clone())));
                    }
                }
            },
        );
    }
    let form = &state.form;
    let numbers = invoice_numbers(form);
    let first = form.invoices.first().cloned().unwrap_or_default();
    let partial = derived.checked.figure_errors().next().is_some();
    // A consumer's interest runs from the formal notice (C. civ. 1231-6): without its date, 0 €.
    let no_notice = derived.dossier.as_ref().is_some_and(|d| {
        d.debtor.kind == DebtorKind::Consumer && d.options.formal_notice_date.is_none()
    });
    html! {
        // Inside index.html's <main id="app">, under its title and tagline (src/lib.rs).
        <>
            if storage_failed {
                <p class="warning" role="status">{ web::storage::StorageError::MESSAGE }</p>
            }
            if portfolio_failed {
                <p class="warning" role="status">{ web::storage::PORTFOLIO_NOT_KEPT }</p>
            }
            <StepNav />
            <Toolbar
                latest={latest.clone()}
                computed={derived.computation.is_some()}
                error_count={derived.checked.errors.len()}
                partial={partial}
                has_input={state.has_input()}
                can_undo={state.before_example.is_some()}
                dispatch={dispatch.clone()} />
            <div class="step" id="step-amount" tabindex="-1">
                <QuickStart
                    invoice={first}
                    invoice_count={form.invoices.len()}
                    debtor_kind={form.debtor.kind.clone()}
                    formal_notice_date={form.options.formal_notice_date.clone()}
                    as_of={form.as_of.clone()}
                    {today}
                    checked={derived.checked.clone()}
                    dispatch={dispatch.clone()} />
                { form_errors(&derived.checked) }
                <Totals computation={derived.computation.clone()} reason={derived.reason.clone()}
                    {partial} {no_notice} />
                <Portfolio dossiers={state.portfolio.clone()} open={state.open} {today}
                    latest={latest.clone()} dispatch={dispatch.clone()} />
                <Paste dispatch={dispatch.clone()} invoices={form.invoices.clone()} />
                <details class="dossier" open={open_at_start} ref={dossier_ref.clone()}>
                    <summary id={DOSSIER_TITLE}>{ "Dossier complet : factures, paiements, avoirs, options, jugement" }</summary>
                    <InvoiceList invoices={form.invoices.clone()} checked={derived.checked.clone()}
                        dispatch={dispatch.clone()} />
                    <FlowList flow={Flow::Payment} rows={form.payments.clone()}
                        invoices={numbers.clone()}
                        checked={derived.checked.clone()} dispatch={dispatch.clone()} />
                    <FlowList flow={Flow::CreditNote} rows={form.credit_notes.clone()}
                        invoices={numbers.clone()}
                        checked={derived.checked.clone()} dispatch={dispatch.clone()} />
                    <FlowList flow={Flow::Acknowledgment} rows={form.acknowledgments.clone()}
                        invoices={numbers.clone()}
                        checked={derived.checked.clone()} dispatch={dispatch.clone()} />
                    <Options options={form.options.clone()} checked={derived.checked.clone()}
                        dispatch={dispatch.clone()} />
                    <UserRates ecb={form.ecb_rates.clone()} legal={form.legal_rates.clone()}
                        checked={derived.checked.clone()} dispatch={dispatch.clone()} />
                    <JudgmentPart judgment={form.judgment.clone()}
                        capitalisation_from={form.options.capitalisation_from.clone()}
                        checked={derived.checked.clone()} dispatch={dispatch.clone()} />
                </details>
                if let Some(c) = &shown.computation {
                    <Decompte computation={c.clone()} dossier={shown.dossier.clone()} />
                    <Notices notices={c.notices.clone()} />
                }
            </div>
            <section class="step parties-step" id="step-parties" tabindex="-1" aria-labelledby="parties-title">
                <h2 id="parties-title">{ "Parties" }</h2>
                <p class="hint">{ "Qui réclame, à qui : chaque lettre en a besoin." }</p>
                <Parties creditor={form.creditor.clone()} debtor={form.debtor.clone()}
                    checked={derived.checked.clone()} dispatch={dispatch.clone()} />
            </section>
            <div class="step" id="step-strategy" tabindex="-1">
                { strategy_step(&settled, today, &state, &dispatch) }
            </div>
            <div class="step" id="step-letter" tabindex="-1">
                <LetterStep letter={form.letter.clone()} checked={derived.checked.clone()}
                    settled={settled.clone()} latest={latest.clone()} dispatch={dispatch.clone()} />
            </div>
            <div class="step" id="step-procedure" tabindex="-1">
                <ProcedureStep court={form.court.clone()} pieces={form.pieces.clone()}
                    creditor_kind={form.creditor.kind.clone()} debtor_kind={form.debtor.kind.clone()}
                    edits={form.letter.edits.clone()} checked={derived.checked.clone()}
                    settled={settled.clone()} latest={latest.clone()} dispatch={dispatch.clone()} />
            </div>
            { summary(derived.computation.as_deref(), partial) }
        </>
    }
}

/// The invoice numbers typed, for « Facture concernée ».
fn invoice_numbers(form: &Form) -> Rc<Vec<String>> {
    Rc::new(
        form.invoices
            .iter()
            .map(|i| i.number.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect(),
    )
}
