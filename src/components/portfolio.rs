//! The « Portefeuille » (issue 15): the debtors imported together, one row each with what the
//! engine computes for its dossier (`relance_import::portfolio`), the largest total first. A
//! row opens its dossier in the form; the portfolio is kept in this browser until removed, and
//! exported as CSV for a spreadsheet.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::{compute, fr, Dossier, RateTables};
use relance_import::portfolio;
use relance_letter::{DraftOptions, LetterKind};
use yew::prelude::*;

use super::field::Dispatch;
use super::letter::file_stem;
use super::progress::progress_line;
use crate::derived::Latest;
use crate::hooks::use_portfolio_rows::use_portfolio_rows;
use crate::state::Action;
use crate::web;
use crate::web::pace::{Done, Slices, Work};

/// Rows shown at first, and added by « Afficher … de plus »: the largest totals; the CSV has
/// every row.
const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct PortfolioProps {
    pub dossiers: Rc<Vec<Rc<Dossier>>>,
    /// The dossier the form shows, if one of these.
    pub open: Option<usize>,
    pub today: Option<NaiveDate>,
    /// The form's figures at the click: its creditor and letter fields sign every letter.
    pub latest: Latest,
    pub dispatch: Dispatch,
}

/// The formal notices of every debtor, as one ZIP of PDFs: each dossier signed with the
/// creditor and the letter fields of the dossier in the form; a debtor whose letter would
/// have a blank is left out and named with what is missing.
async fn notices_zip(
    dossiers: &[Rc<Dossier>],
    signed_by: &Dossier,
    today: NaiveDate,
    pace: &mut Slices<impl FnMut(Done)>,
) -> (Vec<u8>, Vec<String>) {
    let tables = RateTables::builtin();
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    let total = dossiers.len();
    for (done, d) in dossiers.iter().enumerate() {
        pace.stop(Work::Letters, done, total).await;
        let mut d = Dossier::clone(d);
        d.creditor = signed_by.creditor.clone();
        d.letter = signed_by.letter.clone();
        let c = compute(&d, d.as_of.unwrap_or(today), &tables);
        if c.totals.total <= rust_decimal::Decimal::ZERO {
            continue;
        }
        let blanks = relance_engine::letter_blanks::before_letter(&d, &c);
        let name = &d.debtor.identity.name;
        if !blanks.is_empty() {
            let what: Vec<&str> = blanks.iter().map(|b| b.what.as_str()).collect();
            left_out.push(format!(
                "{} : indiquez {}",
                if name.is_empty() { "(sans nom)" } else { name },
                what.join(", ")
            ));
            continue;
        }
        let kind = LetterKind::FormalNotice;
        let public = c.regime == relance_engine::Regime::Public;
        let letter = relance_letter::draft_with(
            kind,
            &d,
            &c,
            &d.letter,
            c.as_of,
            &DraftOptions { annex: true },
        );
        let mut stem = file_stem(kind, public, name, c.as_of);
        // Two debtors of one name keep a file each.
        while files
            .iter()
            .any(|(n, _): &(String, Vec<u8>)| *n == format!("{stem}.pdf"))
        {
            stem.push_str("-bis");
        }
        files.push((format!("{stem}.pdf"), relance_letter::pdf::render(&letter)));
    }
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let zip = if entries.is_empty() {
        Vec::new()
    } else {
        relance_letter::zip::store(&entries)
    };
    (zip, left_out)
}

/// Saves the letters' ZIP, if any letter was written: its file's name, or the download's
/// refusal.
fn save_letters(
    zip: &[u8],
    today: NaiveDate,
) -> Option<Result<String, web::download::DownloadError>> {
    (!zip.is_empty()).then(|| {
        let name = format!("mises-en-demeure-{today}.zip");
        web::download::save_bytes(&name, "application/zip", zip).map(|()| name)
    })
}

/// What is said of the letters: their file (or why there is none), and the debtors left out.
fn said_of_letters(
    saved: Option<Result<String, web::download::DownloadError>>,
    left_out: &[String],
) -> String {
    let mut said = match saved {
        None => "Aucune lettre : ".to_owned(),
        Some(Ok(name)) => format!("Fichier {name} créé. "),
        Some(Err(_)) => format!("{} ", web::download::DownloadError::MESSAGE),
    };
    if !left_out.is_empty() {
        said.push_str(&format!(
            "Sans lettre, à compléter : {}.",
            left_out.join(" ; ")
        ));
    }
    said.trim_end().to_owned()
}

/// What is being done for the whole portfolio (its rows, or its letters), and how far it is.
fn progress_bar(progress: Option<Done>) -> Html {
    let Some(d) = progress else {
        return html! {};
    };
    let what = if d.work == Work::Letters {
        "Mises en demeure écrites"
    } else {
        "Débiteurs calculés"
    };
    progress_line(
        "portfolio-progress",
        format!("{what} : {} sur {}", d.done, d.total),
        d.per_mille(),
    )
}

#[function_component(Portfolio)]
pub fn portfolio_view(props: &PortfolioProps) -> Html {
    let message = use_state_eq(|| None::<String>);
    // How far the letters are written, while they are.
    let writing = use_state_eq(|| None::<Done>);
    // The rows shown: the largest totals, a page at a time.
    let shown = use_state_eq(|| PAGE);
    let (computed, computing) = use_portfolio_rows(props.dossiers.clone(), props.today);
    let Some(today) = props.today else {
        return html! {};
    };
    if props.dossiers.is_empty() {
        return html! {};
    }
    // Until the first rows are computed, only the progress.
    let Some(computed) = computed else {
        return html! {
            <section class="portfolio" aria-labelledby="portfolio-title" data-testid="portfolio">
                <h2 id="portfolio-title">{ format!("Portefeuille : {} débiteurs", props.dossiers.len()) }</h2>
                { progress_bar(computing) }
            </section>
        };
    };
    let rows = computed.rows.clone();
    // Rows of an older portfolio (while the new one is computed) name places that may have
    // moved: their buttons wait.
    let fresh = Rc::ptr_eq(&computed.from, &props.dossiers);
    let letters = {
        let (dossiers, latest, message, writing) = (
            props.dossiers.clone(),
            props.latest.clone(),
            message.clone(),
            writing.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let now = latest.get();
            let Some(signed_by) = now.dossier.clone() else {
                message.set(Some("Ouvrez un débiteur et indiquez le créancier et le signataire : chaque lettre les reprend.".to_owned()));
                return;
            };
            if writing.is_some() {
                return;
            }
            let (dossiers, message, writing) = (dossiers.clone(), message.clone(), writing.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut pace = Slices::new(|p| writing.set(Some(p)));
                let (zip, left_out) = notices_zip(&dossiers, &signed_by, today, &mut pace).await;
                writing.set(None);
                let saved = save_letters(&zip, today);
                message.set(Some(said_of_letters(saved, &left_out)));
            });
        })
    };
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
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
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
                        { for rows.iter().take(*shown).map(|r| {
                            let index = r.dossier;
                            let open = {
                                let dispatch = props.dispatch.clone();
                                Callback::from(move |_: MouseEvent| {
                                    if fresh {
                                        dispatch.dispatch(Action::OpenFromPortfolio(index));
                                        crate::components::form_errors::go_to_field("step-amount");
                                    }
                                })
                            };
                            let remove = {
                                let dispatch = props.dispatch.clone();
                                Callback::from(move |_: MouseEvent| if fresh {
                                    dispatch.dispatch(Action::RemoveFromPortfolio(index));
                                })
                            };
                            let name = if r.debtor.is_empty() { "(sans nom)".to_owned() } else { r.debtor.clone() };
                            html! {
                                <tr data-testid="portfolio-row" class={classes!((props.open == Some(index)).then_some("open"))}
                                    aria-current={(props.open == Some(index)).then_some("true")}>
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
            if rows.len() > *shown {
                <p>
                    <button type="button" onclick={more}>
                        { format!("Afficher {} débiteurs de plus ({} non affichés)", PAGE.min(rows.len() - *shown), rows.len() - *shown) }
                    </button>
                </p>
            }
            { progress_bar(computing.or(*writing)) }
            <div class="row-actions">
                <button type="button" onclick={export}>{ "Exporter le portefeuille (CSV)" }</button>
                <button type="button" onclick={letters}>{ "Mises en demeure de tous les débiteurs (ZIP de PDF)" }</button>
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
