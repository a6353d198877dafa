//! Component tests: the app mounted in headless Chromium (wasm-bindgen-test), driven
//! through the DOM like a user, plus the reducer's rules.
//!
//! Run by `cargo xtask test` with `--target wasm32-unknown-unknown`; see `tests/webdriver.json`.
#![cfg(target_arch = "wasm32")]

mod common;

use relance_engine::form::{InvoiceForm, PaymentForm};
use relance_engine::paste::Pasted;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use relance_web::app::{App, LIVE_DECOMPTE_MAX};
use relance_web::state::{Action, AppState, FieldId, Flow, InvoiceField};
use relance_web::web;

wasm_bindgen_test_configure!(run_in_browser);

const AMOUNT: &str = "#qs-f-invoices-0-amount";
const DUE: &str = "#qs-f-invoices-0-due";
const AS_OF: &str = "#f-as_of";

// The title is index.html's (painted before the WebAssembly arrives; e2e home.spec.ts): the
// app starts with the quick start, and adds no second <h1>.
#[wasm_bindgen_test]
async fn starts_with_the_quick_start_under_the_page_title() {
    common::clear_storage();
    let root = common::mount::<App>().await;
    assert_eq!(
        root.query_selector_all("h1").map(|l| l.length()).ok(),
        Some(0)
    );
    assert!(root.query_selector(AMOUNT).ok().flatten().is_some());
}

// The check case of the specification, through "Charger un exemple".
#[wasm_bindgen_test]
async fn the_example_gives_the_check_case() {
    common::clear_storage();
    let root = common::mount::<App>().await;
    common::click_button(&root, "Charger un exemple").await;
    let total = common::text(&root, "[data-testid=total-due]").map(|t| common::plain_spaces(&t));
    assert_eq!(total.as_deref(), Some("38 132,53 €"));
}

// A keystroke paints the totals at once; Stratégie and the letter preview follow after a
// pause in typing (hooks::use_settled), each from the figures of that moment.
#[wasm_bindgen_test]
async fn strategy_and_the_letter_preview_follow_the_totals_after_a_pause() {
    common::clear_storage();
    let root = common::mount::<App>().await;
    common::click_button(&root, "Charger un exemple").await;
    common::settle().await;
    common::click_button(&root, "Comparer les voies de recouvrement").await;
    let claim =
        || common::text(&root, "[data-testid=chart-claim]").map(|t| common::plain_spaces(&t));
    let preview = || common::text(&root, ".letter-preview").map(|t| common::plain_spaces(&t));
    assert!(
        claim().is_some_and(|c| c.contains("24 000 €")),
        "{:?}",
        claim()
    );
    assert!(preview().is_some_and(|p| p.contains("24 000,00 €")));

    common::fill(&root, AMOUNT, "30000").await;
    let total = common::text(&root, "[data-testid=total-due]").map(|t| common::plain_spaces(&t));
    assert_ne!(total.as_deref(), Some("38 132,53 €"), "the totals at once");
    assert!(
        claim().is_some_and(|c| c.contains("24 000 €")),
        "{:?}",
        claim()
    );
    assert!(preview().is_some_and(|p| p.contains("24 000,00 €")));

    common::settle().await;
    assert!(
        claim().is_some_and(|c| c.contains("30 000 €")),
        "{:?}",
        claim()
    );
    assert!(preview().is_some_and(|p| p.contains("30 000,00 €") && !p.contains("24 000,00 €")));
    common::clear_storage();
}

#[wasm_bindgen_test]
async fn a_bad_amount_is_explained_under_its_field_and_the_rest_is_kept() {
    common::clear_storage();
    let root = common::mount::<App>().await;
    common::fill(&root, AMOUNT, "24000").await;
    common::fill(&root, DUE, "2022-04-03").await;
    common::fill(&root, AS_OF, "22/11/2026").await;
    assert_eq!(
        common::text(&root, "[data-testid=total-due]").map(|t| common::plain_spaces(&t)),
        Some("38 132,53 €".to_owned())
    );

    common::fill(&root, AMOUNT, "12,345").await;
    let amount = common::input(&root, AMOUNT);
    let error_id = "qs-f-invoices-0-amount-error";
    assert_eq!(
        common::text(&root, &format!("#{error_id}")).as_deref(),
        Some("montant invalide « 12,345 » (plus de deux décimales)")
    );
    assert_eq!(
        amount.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(amount
        .get_attribute("aria-describedby")
        .is_some_and(|ids| ids.split(' ').any(|id| id == error_id)));
    assert_eq!(amount.value(), "12,345");
    assert_eq!(common::input(&root, DUE).value(), "2022-04-03");
    assert_eq!(common::input(&root, AS_OF).value(), "22/11/2026");
    assert_eq!(common::text(&root, "[data-testid=total-due]"), None);

    common::fill(&root, AMOUNT, "24000").await;
    assert_eq!(common::text(&root, "#qs-f-invoices-0-amount-error"), None);
    assert_eq!(amount.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_reload_restores_the_form_from_local_storage() {
    common::clear_storage();
    let first = common::mount::<App>().await;
    common::fill(&first, AMOUNT, "1 500,00").await;
    common::fill(&first, DUE, "pas une date").await;
    let saved = common::storage().get_item(web::storage::KEY).ok().flatten();
    assert!(saved.is_some_and(|s| s.contains("pas une date")));

    // A second mount reads the same storage, like the page after a reload.
    let second = common::mount::<App>().await;
    assert_eq!(common::input(&second, AMOUNT).value(), "1 500,00");
    assert_eq!(common::input(&second, DUE).value(), "pas une date");
    assert_eq!(
        common::text(&second, "#qs-f-invoices-0-due-error").as_deref(),
        Some("date invalide « pas une date »")
    );
}

// A décompte of more than `LIVE_DECOMPTE_MAX` invoices follows after the pause, with Stratégie
// and the letter: a new « Calculer au » repaints the totals at once. Up to that size it follows
// each keystroke.
#[wasm_bindgen_test]
async fn a_large_decompte_follows_the_totals_after_a_pause() {
    let saved = |n: usize| {
        let rows: Vec<String> = (1..=n)
            .map(|i| {
                format!(
                    r#"{{"number":"F-{i}","terms":"custom","due":"15/03/2025","amount":"1000"}}"#
                )
            })
            .collect();
        format!(
            r#"{{"form_version":1,"as_of":"31/03/2026","invoices":[{}]}}"#,
            rows.join(",")
        )
    };
    let heading = |root: &web_sys::Element| common::text(root, "#decompte-title");
    let total = |root: &web_sys::Element| common::text(root, "[data-testid=total-due]");
    for (n, deferred) in [(LIVE_DECOMPTE_MAX, false), (LIVE_DECOMPTE_MAX + 1, true)] {
        common::clear_storage();
        common::storage()
            .set_item(web::storage::KEY, &saved(n))
            .expect("saved");
        let root = common::mount::<App>().await;
        assert_eq!(heading(&root).as_deref(), Some("Décompte au 31/03/2026"));
        let before = total(&root);
        common::fill(&root, "#f-as_of", "30/04/2026").await;
        assert_ne!(total(&root), before, "{n} invoices: the totals at once");
        let expected = if deferred {
            "Décompte au 31/03/2026"
        } else {
            "Décompte au 30/04/2026"
        };
        assert_eq!(heading(&root).as_deref(), Some(expected), "{n} invoices");
        common::settle().await;
        assert_eq!(
            heading(&root).as_deref(),
            Some("Décompte au 30/04/2026"),
            "{n} invoices"
        );
    }
    common::clear_storage();
}

// C. com. L441-10 floor: the choice appears with a contractual rate only; a form saved before
// it existed applies the floor, and each choice changes the total (the engine's golden
// dossiers `below_floor_*`: 9,50 % on 10 000 € due 15/03/2023, on 31/03/2026).
#[wasm_bindgen_test]
async fn a_contractual_rate_below_the_floor_follows_the_choice() {
    const BELOW_FLOOR: &str = "#f-options-rate-below_floor";
    let saved = |kind: &str| {
        format!(
            r#"{{"form_version":1,"as_of":"31/03/2026","invoices":[{{"number":"IV-2023-018","terms":"custom","due":"15/03/2023","amount":"10000"}}],"options":{{"rate_kind":"{kind}","rate_percent":"9,5"}}}}"#
        )
    };
    let total = |root: &web_sys::Element| {
        common::text(root, "[data-testid=total-due]").map(|t| common::plain_spaces(&t))
    };
    common::clear_storage();
    common::storage()
        .set_item(web::storage::KEY, &saved("legal_default"))
        .expect("saved");
    let root = common::mount::<App>().await;
    assert!(root.query_selector(BELOW_FLOOR).ok().flatten().is_none());

    common::storage()
        .set_item(web::storage::KEY, &saved("contractual"))
        .expect("saved");
    let root = common::mount::<App>().await;
    let label = common::text(&root, &format!("label[for={}]", &BELOW_FLOOR[1..]));
    assert_eq!(
        label.as_deref(),
        Some("Si le taux contractuel est inférieur au plancher légal (3 × taux légal)")
    );
    assert_eq!(total(&root).as_deref(), Some("13 724,26 €"));
    common::choose(&root, BELOW_FLOOR, "contractual").await;
    assert_eq!(total(&root).as_deref(), Some("12 934,24 €"));
    common::choose(&root, BELOW_FLOOR, "default").await;
    assert_eq!(total(&root).as_deref(), Some("13 830,86 €"));
    let saved = common::storage().get_item(web::storage::KEY).ok().flatten();
    assert!(saved.is_some_and(|s| s.contains(r#""below_floor":"default""#)));
}

#[wasm_bindgen_test]
fn the_reducer_edits_adds_duplicates_and_removes_rows() {
    let mut state = AppState::default();
    // Typing in the quick start on an empty form creates the first invoice.
    state.apply(Action::Edit(
        FieldId::Invoice(0, InvoiceField::Amount),
        "100".into(),
    ));
    assert_eq!(state.form.invoices.len(), 1);
    state.apply(Action::Edit(
        FieldId::Invoice(0, InvoiceField::Number),
        "F-1".into(),
    ));
    state.apply(Action::DuplicateInvoice(0));
    assert_eq!(state.form.invoices.len(), 2);
    assert_eq!(state.form.invoices[1].amount, "100");
    assert_eq!(state.form.invoices[1].number, "", "numbers stay unique");
    // Stale indexes are ignored, never a panic.
    state.apply(Action::RemoveInvoice(7));
    state.apply(Action::Edit(
        FieldId::Invoice(9, InvoiceField::Amount),
        "1".into(),
    ));
    assert_eq!(state.form.invoices.len(), 2);
    state.apply(Action::RemoveInvoice(0));
    assert_eq!(state.form.invoices[0].number, "");
    state.apply(Action::Clear);
    assert_eq!(state, AppState::default());
}

#[wasm_bindgen_test]
fn pasted_rows_replace_an_untouched_empty_invoice() {
    let mut state = AppState::default();
    state.apply(Action::AddInvoice);
    let row = InvoiceForm {
        number: "F-9".into(),
        due: "2024-01-31".into(),
        amount: "10".into(),
        ..InvoiceForm::default()
    };
    state.apply(Action::AppendPasted(Box::new(Pasted {
        rows: vec![row.clone(), row.clone()],
        ..Pasted::default()
    })));
    assert_eq!(state.form.invoices, vec![row.clone(), row]);
    // A pasted payment takes the place of an untouched empty payment row too; typed rows stay.
    state.apply(Action::AddFlow(Flow::Payment));
    let paid = PaymentForm {
        date: "2024-02-10".into(),
        amount: "5".into(),
        invoice: "F-9".into(),
    };
    state.apply(Action::AppendPasted(Box::new(Pasted {
        payments: vec![paid.clone()],
        credit_notes: vec![paid.clone()],
        ..Pasted::default()
    })));
    assert_eq!(state.form.payments, vec![paid.clone()]);
    assert_eq!(state.form.credit_notes, vec![paid]);
    assert_eq!(state.form.invoices.len(), 2);
}

// The panic hook's fallback: a download link to the last autosave, written outside Yew.
#[wasm_bindgen_test]
async fn the_panic_fallback_offers_the_last_autosave() {
    common::clear_storage();
    common::storage()
        .set_item(
            web::storage::KEY,
            r#"{"form_version":1,"as_of":"2026-11-22"}"#,
        )
        .expect("saved");
    web::panic::show_fallback();
    web::panic::show_fallback(); // Written once only.
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .expect("a <body>");
    let blocks = body
        .query_selector_all(&format!("#{}", web::panic::FALLBACK_ID))
        .expect("query");
    assert_eq!(blocks.length(), 1);
    let block = common::find(&body, &format!("#{}", web::panic::FALLBACK_ID));
    assert_eq!(block.get_attribute("role").as_deref(), Some("alert"));
    let link = common::find(&block, "a[download]");
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some(web::panic::RESCUE_FILE)
    );
    assert!(link
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("blob:")));
    block.remove();
    common::clear_storage();
}

// The "Lettre" step: the example's mise en demeure, and a paragraph edited in place.
#[wasm_bindgen_test]
async fn the_letter_preview_shows_the_formal_notice_and_takes_a_paragraph_edit() {
    use wasm_bindgen::JsCast;
    common::clear_storage();
    let root = common::mount::<App>().await;
    common::click_button(&root, "Charger un exemple").await;
    // The preview follows the figures after a pause in typing.
    common::settle().await;
    let subject = common::text(&root, ".letter-preview .subject").unwrap_or_default();
    assert!(
        subject.contains("Mise en demeure de payer"),
        "subject: {subject}"
    );

    let first = common::find(&root, ".letter-preview .paragraph");
    let id = first
        .get_attribute("data-paragraph")
        .expect("a paragraph id");
    common::click_button(&root, "Modifier").await;
    let area: web_sys::HtmlTextAreaElement = common::find(&root, &format!("#letter-edit-{id}"))
        .dyn_into()
        .expect("a <textarea>");
    area.set_value("Texte <b>revu</b> à la main.");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("an event");
    area.dispatch_event(&event).expect("dispatched");
    common::flush().await;
    common::click_button(&root, "Terminer").await;
    common::settle().await;
    let selector = format!(".letter-preview [data-paragraph='{id}'] p");
    assert_eq!(
        common::text(&root, &selector).as_deref(),
        Some("Texte <b>revu</b> à la main.")
    );
    assert!(root
        .query_selector(".letter-preview b")
        .ok()
        .flatten()
        .is_none());
    let saved = common::storage().get_item(web::storage::KEY).ok().flatten();
    assert!(saved.is_some_and(|s| s.contains("revu")));

    common::click_button(&root, "Rétablir").await;
    common::settle().await;
    assert_ne!(
        common::text(&root, &selector).as_deref(),
        Some("Texte <b>revu</b> à la main.")
    );
    common::clear_storage();
}

#[wasm_bindgen_test]
fn letter_file_names_use_a_slug_of_the_debtor() {
    use relance_web::components::letter::{file_stem, slug};
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    assert_eq!(
        file_stem(
            relance_letter::LetterKind::FormalNotice,
            false,
            "Boulangeries Martin SAS",
            date
        ),
        "mise-en-demeure-boulangeries-martin-sas-2026-11-22"
    );
    // A public buyer's letter is a request for payment, and its files say so.
    assert_eq!(
        file_stem(
            relance_letter::LetterKind::FormalNotice,
            true,
            "Mairie de Lyon",
            date
        ),
        "demande-de-paiement-mairie-de-lyon-2026-11-22"
    );
    assert_eq!(
        slug("  Société Générale — Œuvres & Cie!! "),
        "societe-generale-oeuvres-cie"
    );
    assert_eq!(slug("<script>"), "script");
    assert_eq!(slug("🙂"), "debiteur");
    assert_eq!(slug(&"a".repeat(60)).len(), 40);
}

// The strategy chart: one polyline per path drawn, the claim marker, the zero line, a mark
// per breakeven against the amicable reminder, and the table that lists them.
#[derive(yew::Properties, PartialEq)]
struct ChartProps {
    strategy: std::rc::Rc<relance_engine::strategy::Strategy>,
    shown: Vec<relance_engine::strategy::PathKind>,
}

#[yew::function_component(ChartHost)]
fn chart_host(props: &ChartProps) -> yew::Html {
    relance_web::components::strategy::chart::chart(
        &props.strategy,
        &props.shown,
        yew::Callback::noop(),
    )
}

fn example_strategy() -> relance_engine::strategy::Strategy {
    let dossier = relance_engine::parse::dossier(relance_engine::SEED_DOSSIER).expect("the seed");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let computation =
        relance_engine::compute(&dossier, as_of, &relance_engine::RateTables::builtin());
    relance_engine::strategy::analyse(&dossier, &computation, &dossier.strategy, as_of)
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map_or(0, |l| l.length())
}

/// The chart of `strategy` with the paths `shown`, rendered in a new `<div>` of the page.
async fn chart_of(
    strategy: &std::rc::Rc<relance_engine::strategy::Strategy>,
    shown: Vec<relance_engine::strategy::PathKind>,
) -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a <div>");
    document
        .body()
        .expect("a <body>")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<ChartHost>::with_root_and_props(
        root.clone(),
        ChartProps {
            strategy: strategy.clone(),
            shown,
        },
    )
    .render();
    common::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_chart_draws_each_open_path_the_claim_and_the_breakevens() {
    use relance_web::components::strategy::chart::{amicable, default_shown, drawn};
    let strategy = std::rc::Rc::new(example_strategy());
    let root = chart_of(&strategy, drawn(&strategy)).await;

    let paths = drawn(&strategy);
    assert!(paths.len() >= 9, "{paths:?}");
    assert_eq!(
        count(&root, "svg[role=img] polyline.series"),
        paths.len() as u32
    );
    for p in strategy.paths.iter().filter(|p| p.eligible) {
        let selector = format!("polyline[data-path='{}']", p.path.code());
        assert_eq!(count(&root, &selector), 1, "{selector}");
    }
    assert_eq!(count(&root, ".chart-legend li"), paths.len() as u32);
    let claim = common::text(&root, "[data-testid=chart-claim]").map(|t| common::plain_spaces(&t));
    assert_eq!(claim.as_deref(), Some("Votre principal : 24 000 €"));
    assert_eq!(count(&root, "[data-testid=chart-zero]"), 1);
    let marks = amicable(&strategy).len() as u32;
    assert!(marks > 0);
    assert_eq!(count(&root, "[data-testid=chart-breakeven]"), marks);
    assert_eq!(count(&root, "table.breakevens tbody tr"), 11);
    let title = common::text(&root, "svg title");
    assert_eq!(
        title.as_deref(),
        Some("Gain net espéré selon le montant de la créance")
    );
    assert_eq!(
        count(&root, ".chart-legend input[type=checkbox]:checked"),
        paths.len() as u32
    );
    root.remove();

    // By default: the three best open paths and the amicable reminder, every path still in
    // the legend, ticked or not.
    let shown = default_shown(&strategy);
    let best: Vec<_> = strategy
        .paths
        .iter()
        .filter(|p| p.eligible)
        .take(3)
        .map(|p| p.path)
        .collect();
    assert!(best.iter().all(|p| shown.contains(p)));
    assert!(shown.contains(&relance_engine::strategy::PathKind::AmicableOnly));
    assert!(shown.len() <= 4);
    let root = chart_of(&strategy, shown.clone()).await;
    assert_eq!(
        count(&root, "svg[role=img] polyline.series"),
        shown.len() as u32
    );
    for p in &shown {
        let selector = format!("polyline[data-path='{}']", p.code());
        assert_eq!(count(&root, &selector), 1, "{selector}");
    }
    assert_eq!(count(&root, ".chart-legend li"), paths.len() as u32);
    assert_eq!(
        count(&root, ".chart-legend input[type=checkbox]:checked"),
        shown.len() as u32
    );
    root.remove();
}

// The strategy step wired to the reducer: opened on request, ranked by the engine, re-ranked
// when an assumption changes, an invalid value explained beside it, reset to the defaults.
#[yew::function_component(StrategyHost)]
fn strategy_host() -> yew::Html {
    use relance_web::components::strategy::StrategyStep;
    let state = yew::use_reducer_eq(|| AppState::new(relance_web::state::example()));
    let derived = yew::use_memo(state.form.clone(), |form| {
        relance_web::app::derive(form, None)
    });
    yew::html! {
        <StrategyStep dossier={derived.dossier.clone()} computation={derived.computation.clone()}
            today={None} typed={state.form.strategy.clone()} checked={derived.checked.clone()}
            dispatch={state.dispatcher()} />
    }
}

fn order(root: &web_sys::Element) -> Vec<String> {
    let rows = root
        .query_selector_all("table.strategy-table tbody tr")
        .expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.get(i))
        .filter_map(|n| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n)
                .ok()?
                .get_attribute("data-path")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_strategy_ranks_re_ranks_explains_and_resets() {
    let root = common::mount::<StrategyHost>().await;
    assert_eq!(
        count(&root, "table.strategy-table"),
        0,
        "computed on request only"
    );
    common::click_button(&root, "Comparer les voies de recouvrement").await;
    let before = order(&root);
    assert_eq!(before.len(), 11);
    assert_eq!(before.first().map(String::as_str), Some("injonction"));
    assert_eq!(before.last().map(String::as_str), Some("pspc"));
    assert!(count(&root, ".timeline li[data-kind=prescription]") == 1);

    common::fill(&root, "#a-fond-cost", "1 000 000").await;
    let after = order(&root);
    assert_ne!(after, before);
    let at = |o: &[String], code: &str| o.iter().position(|c| c == code);
    assert!(at(&after, "fond") > at(&after, "amiable"), "{after:?}");

    common::fill(&root, "#a-fond-success", "150").await;
    assert_eq!(
        common::text(&root, "#a-fond-success-error").as_deref(),
        Some("attendu : un pourcentage entre 0 et 100")
    );
    assert_eq!(common::input(&root, "#a-fond-success").value(), "150");
    assert_eq!(order(&root), after, "the last valid values still apply");

    common::click_button(&root, "Rétablir les valeurs par défaut").await;
    assert_eq!(common::input(&root, "#a-fond-cost").value(), "800");
    assert_eq!(common::text(&root, "#a-fond-success-error"), None);
    assert_eq!(order(&root), before);
    root.remove();
}
