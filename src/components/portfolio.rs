//! The « Portefeuille » (issue 15): the debtors imported together, one row each with what the
//! engine computes for its dossier (`relance_import::portfolio`), the largest total first. A
//! row opens its dossier in the form; the portfolio is kept in this browser until removed, and
//! exported as CSV for a spreadsheet.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::form::Form;
use relance_engine::{fr, Dossier, RateTables};
use relance_import::portfolio;
use yew::prelude::*;

use super::field::Dispatch;
use crate::state::Action;
use crate::web;

#[derive(Properties, PartialEq)]
pub struct PortfolioProps {
    pub dossiers: Rc<Vec<Dossier>>,
    pub today: Option<NaiveDate>,
    pub dispatch: Dispatch,
}

#[function_component(Portfolio)]
pub fn portfolio_view(props: &PortfolioProps) -> Html {
    let message = use_state_eq(|| None::<String>);
    let Some(today) = props.today else {
        return html! {};
    };
    if props.dossiers.is_empty() {
        return html! {};
    }
    let rows = portfolio::rows(&props.dossiers, today, &RateTables::builtin());
    let export = {
        let (rows, message) = (rows.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("portefeuille-{today}.csv");
            let csv = portfolio::to_csv(&rows, today);
            message.set(Some(
                match web::download::save_bytes(&name, "text/csv;charset=utf-8", csv.as_bytes()) {
                    Ok(()) => format!("Fichier {name} créé."),
                    Err(_) => web::download::DownloadError::MESSAGE.to_owned(),
                },
            ));
        })
    };
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetPortfolio(Vec::new())))
    };
    html! {
        <section class="portfolio" aria-labelledby="portfolio-title" data-testid="portfolio">
            <h2 id="portfolio-title">{ format!("Portefeuille : {} débiteurs", rows.len()) }</h2>
            <p class="hint">{ format!("Au {}, du plus gros total au plus petit. Ouvrez un débiteur pour voir son décompte, sa stratégie et ses lettres ; le portefeuille reste dans ce navigateur jusqu'à ce que vous le fermiez.", fr::date(today)) }</p>
            <div class="table-scroll">
                <table class="portfolio-table">
                    <caption class="sr-only">{ "Débiteurs du portefeuille" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Débiteur" }</th>
                            <th scope="col" class="num">{ "Principal" }</th>
                            <th scope="col" class="num">{ "Pénalités ou intérêts" }</th>
                            <th scope="col" class="num">{ "Indemnités" }</th>
                            <th scope="col" class="num">{ "Total" }</th>
                            <th scope="col">{ "Plus ancienne échéance" }</th>
                            <th scope="col">{ "Prescription" }</th>
                            <th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let index = r.dossier;
                            let open = {
                                let (dispatch, dossiers) = (props.dispatch.clone(), props.dossiers.clone());
                                Callback::from(move |_: MouseEvent| {
                                    if let Some(d) = dossiers.get(index) {
                                        dispatch.dispatch(Action::Import(Box::new(Form::from_dossier(d))));
                                        crate::components::form_errors::go_to_field("step-amount");
                                    }
                                })
                            };
                            let remove = {
                                let dispatch = props.dispatch.clone();
                                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveFromPortfolio(index)))
                            };
                            let name = if r.debtor.is_empty() { "(sans nom)".to_owned() } else { r.debtor.clone() };
                            html! {
                                <tr data-testid="portfolio-row">
                                    <th scope="row" data-label="Débiteur">
                                        <button type="button" class="link" onclick={open}>
                                            { name.clone() }<span class="sr-only">{ " : ouvrir son dossier" }</span>
                                        </button>
                                        if !r.siren.is_empty() {
                                            <span class="siren">{ format!(" SIREN {}", r.siren) }</span>
                                        }
                                    </th>
                                    <td class="num" data-label="Principal">{ fr::amount(r.principal) }</td>
                                    <td class="num" data-label="Pénalités ou intérêts">{ fr::amount(r.interest) }</td>
                                    <td class="num" data-label="Indemnités">{ fr::amount(r.indemnities) }</td>
                                    <td class="num" data-label="Total"><strong>{ fr::amount(r.total) }</strong></td>
                                    <td class="date" data-label="Plus ancienne échéance">{ r.oldest_due.map(fr::date).unwrap_or_default() }</td>
                                    <td data-label="Prescription">{ r.prescription_label() }</td>
                                    <td>
                                        <button type="button" class="danger" onclick={remove}>
                                            { "Retirer" }<span class="sr-only">{ format!(" {name} du portefeuille") }</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="row-actions">
                <button type="button" onclick={export}>{ "Exporter le portefeuille (CSV)" }</button>
                <button type="button" class="danger" onclick={close}>{ "Fermer le portefeuille" }</button>
            </div>
            <div role="status">
                if let Some(m) = &*message {
                    <p>{ m }</p>
                }
            </div>
        </section>
    }
}
