//! The décompte: for each invoice, its interest period by period (dates, days, base, rate,
//! legal basis, interest) with the rate's source and a visible "provisoire" / "non vérifié"
//! mark where the engine flags one; payments' imputation; per-invoice and grand totals.
//! This is what prints (with the parties) on A4.
//!
//! Every figure is the engine's; totals are its sums of rounded segments, so they add up.

use std::rc::Rc;

use relance_engine::compute::AppliedPayment;
use relance_engine::dossier::Identity;
use relance_engine::rates::{source_link, L441_10};
use relance_engine::{fr, Computation, Dossier, InvoiceResult, Regime};
use yew::prelude::*;

use super::judgment_decompte::JudgmentDecompte;
use super::segment_row::{segments_head, SegmentRow};

#[derive(Properties, PartialEq)]
pub struct DecompteProps {
    pub computation: Rc<Computation>,
    /// The valid dossier, for the parties printed above the décompte.
    pub dossier: Option<Rc<Dossier>>,
}

/// The distinct rate sources, in order of first use: footnote `n` is `sources[n - 1]`.
fn sources(c: &Computation) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let judged = c.judgment.iter().flat_map(|j| &j.segments);
    for seg in judged.chain(c.invoices.iter().flat_map(|i| &i.segments)) {
        if !out.contains(&seg.rate.source) {
            out.push(seg.rate.source);
        }
    }
    out
}

#[function_component(Decompte)]
pub fn decompte(props: &DecompteProps) -> Html {
    let c = &props.computation;
    let sources = use_memo(props.computation.clone(), |c| sources(c));
    let t = &c.totals;
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let (rule, interest_label) = match c.regime {
        _ if c.judgment.is_some() => (
            "Après la décision : intérêts au taux de l'intérêt légal sur la condamnation (C. civ. 1231-7), majoré de 5 points deux mois après sa signification (C. mon. fin. L313-3), capitalisés chaque année si elle a été demandée (C. civ. 1343-2). Le décompte des factures s'arrête à la décision.",
            "Intérêts (arrêtés par la décision et depuis)",
        ),
        Regime::B2b => (
            "Entre professionnels : pénalités de retard (C. com. L441-10) et indemnité forfaitaire de recouvrement de 40 € par facture (C. com. D441-5).",
            "Pénalités de retard",
        ),
        Regime::B2c => (
            "Débiteur consommateur : intérêts au taux légal à compter de la mise en demeure (C. civ. 1231-6).",
            "Intérêts au taux légal",
        ),
        Regime::Public => (
            "Acheteur public : intérêts moratoires au taux de la BCE du premier jour du semestre où le retard a commencé, majoré de 8 points, fixe pour tout le retard (C. commande publique R2192-31), et indemnité forfaitaire de 40 € par facture (D2192-35).",
            "Intérêts moratoires",
        ),
    };
    let labels = TotalLabels::of(c);
    html! {
        <section class="decompte" aria-labelledby="decompte-title">
            <h2 id="decompte-title">{ format!("Décompte au {}", fr::date(c.as_of)) }</h2>
            if let Some(d) = &props.dossier {
                <div class="print-only parties-print">
                    { party_line("Créancier", &d.creditor.identity) }
                    { party_line("Débiteur", &d.debtor.identity) }
                </div>
            }
            <p class="note">{ rule }</p>
            <div class="row-actions no-print">
                <button type="button" onclick={print}>{ "Imprimer le décompte" }</button>
            </div>
            if let Some(j) = &c.judgment {
                <JudgmentDecompte account={j.clone()} sources={(*sources).clone()} />
                <h3>{ format!("Avant la décision : les factures jusqu'au {}", fr::date(j.date)) }</h3>
            }
            { for (0..c.invoices.len()).map(|index| html! {
                <InvoiceDecompte key={index} {index} computation={props.computation.clone()}
                    sources={sources.clone()} />
            }) }
            <h3>{ "Récapitulatif" }</h3>
            <table class="recap">
                <caption class="sr-only">{ "Récapitulatif de la somme due" }</caption>
                <tbody>
                    <tr><th scope="row">{ labels.principal }</th><td class="num">{ fr::amount(t.principal) }</td></tr>
                    <tr><th scope="row">{ interest_label }</th><td class="num">{ fr::amount(t.interest) }</td></tr>
                    if c.judgment.is_none() {
                        <tr><th scope="row">{ "Indemnités forfaitaires de recouvrement" }</th><td class="num">{ fr::amount(t.indemnities) }</td></tr>
                    }
                    if !t.extra_costs.is_zero() {
                        <tr><th scope="row">{ labels.extra_costs }</th><td class="num">{ fr::amount(t.extra_costs) }</td></tr>
                    }
                </tbody>
                <tfoot>
                    <tr><th scope="row">{ format!("Total dû au {}", fr::date(c.as_of)) }</th><td class="num">{ fr::amount(t.total) }</td></tr>
                </tfoot>
            </table>
            <p>{ format!("Chaque jour de retard supplémentaire ajoute {}.", fr::amount(c.daily_accrual)) }</p>
            if !sources.is_empty() {
                <div class="sources">
                    <h3>{ "Sources des taux" }</h3>
                    <ol>
                        { for sources.iter().map(|s| source_item(s)) }
                    </ol>
                    if c.regime == Regime::B2b {
                        <p>
                            { "Texte appliqué : " }
                            <a href={L441_10} rel="noopener noreferrer" target="_blank">{ "Code de commerce, article L441-10 (Légifrance)" }</a>
                        </p>
                    }
                </div>
            }
        </section>
    }
}

/// The names of the totals that change after a judgment: its base is principal and article
/// 700, its extra costs are the dépens.
pub struct TotalLabels {
    pub principal: &'static str,
    pub extra_costs: &'static str,
}

impl TotalLabels {
    pub fn of(c: &Computation) -> TotalLabels {
        if c.judgment.is_some() {
            TotalLabels {
                principal: "Principal et article 700 restant dus",
                extra_costs: "Dépens restant dus",
            }
        } else {
            TotalLabels {
                principal: "Principal restant dû",
                extra_costs: "Frais de recouvrement supplémentaires",
            }
        }
    }
}

/// A rate source, with its official page where one is known (never guessed: `rates::source_link`).
fn source_item(source: &'static str) -> Html {
    match source_link(source) {
        Some(link) => html! {
            <li>{ source }{ " — " }<a href={link} rel="noopener noreferrer" target="_blank">{ "page officielle" }</a></li>
        },
        None => html! { <li>{ source }</li> },
    }
}

fn party_line(role: &str, id: &Identity) -> Html {
    let mut parts = vec![if id.name.is_empty() {
        "(nom non renseigné)".to_owned()
    } else {
        id.name.clone()
    }];
    if !id.siren.is_empty() {
        parts.push(format!("SIREN {}", id.siren));
    }
    if !id.address.is_empty() {
        parts.push(id.address.clone());
    }
    html! {
        <p><strong>{ format!("{role} : ") }</strong>{ parts.join(" — ") }</p>
    }
}

#[derive(Properties)]
pub struct InvoiceDecompteProps {
    pub index: usize,
    /// The whole computation, shared: the invoice is `computation.invoices[index]`.
    pub computation: Rc<Computation>,
    pub sources: Rc<Vec<&'static str>>,
}

impl InvoiceDecompteProps {
    fn result(&self) -> Option<&InvoiceResult> {
        self.computation.invoices.get(self.index)
    }
}

/// Equal when the invoice's figures are: a keystroke in another invoice leaves this one alone.
impl PartialEq for InvoiceDecompteProps {
    fn eq(&self, other: &Self) -> bool {
        self.result() == other.result() && self.sources == other.sources
    }
}

/// One invoice's décompte.
#[function_component(InvoiceDecompte)]
pub fn invoice_decompte(props: &InvoiceDecompteProps) -> Html {
    let Some(r) = props.result() else {
        return Html::default();
    };
    let mut meta = Vec::new();
    if let Some(issued) = r.issued {
        meta.push(format!("émise le {}", fr::date(issued)));
    }
    meta.push(format!("échéance le {}", fr::date(r.due)));
    meta.push(format!("{} TTC", fr::amount(r.amount)));
    meta.push(match r.accrual_start {
        Some(d) => format!("intérêts à compter du {}", fr::date(d)),
        None => "aucun intérêt ne court".to_owned(),
    });
    html! {
        <article class="invoice-decompte">
            <h3>{ format!("Facture {}", r.number) }</h3>
            <p class="invoice-meta">{ meta.join(" · ") }</p>
            if r.segments.is_empty() {
                <p class="note">{ "Aucune période d'intérêts à cette date." }</p>
            } else {
                <table class="segments">
                    <caption>{ format!("Intérêts de retard de la facture {}, période par période", r.number) }</caption>
                    { segments_head() }
                    <tbody>
                        { for r.segments.iter().enumerate().map(|(i, s)| {
                            let q = &s.rate;
                            let note = props.sources.iter().position(|x| *x == q.source).map(|i| i + 1);
                            html! { <SegmentRow key={i} segment={s.clone()} {note} /> }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="6">{ "Intérêts échus" }</th>
                            <td class="num" data-label="Intérêts échus">{ fr::amount(r.interest_accrued) }</td>
                        </tr>
                    </tfoot>
                </table>
            }
            if !r.payments.is_empty() {
                { payments_table(&r.number, &r.payments) }
            }
            <dl class="invoice-totals">
                if !r.credited.is_zero() {
                    <dt>{ "Avoirs imputés" }</dt><dd class="amount">{ fr::amount(r.credited) }</dd>
                }
                <dt>{ "Principal restant dû" }</dt><dd class="amount">{ fr::amount(r.principal) }</dd>
                if !r.interest_paid.is_zero() {
                    <dt>{ "Intérêts déjà payés" }</dt><dd class="amount">{ fr::amount(r.interest_paid) }</dd>
                }
                <dt>{ "Intérêts restant dus" }</dt><dd class="amount">{ fr::amount(r.interest) }</dd>
                <dt>{ "Indemnité forfaitaire" }</dt><dd class="amount">{ fr::amount(r.indemnity) }</dd>
                <dt class="strong">{ "Total de la facture" }</dt><dd class="amount strong">{ fr::amount(r.total) }</dd>
            </dl>
        </article>
    }
}

fn payments_table(number: &str, payments: &[AppliedPayment]) -> Html {
    html! {
        <table class="payments">
            <caption>{ format!("Paiements imputés sur la facture {number}") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Date" }</th>
                    <th scope="col" class="num">{ "Sur les intérêts" }</th>
                    <th scope="col" class="num">{ "Sur le principal" }</th>
                </tr>
            </thead>
            <tbody>
                { for payments.iter().map(|p| html! {
                    <tr>
                        <td class="date" data-label="Date">{ fr::date(p.date) }</td>
                        <td class="num" data-label="Sur les intérêts">{ fr::amount(p.to_interest) }</td>
                        <td class="num" data-label="Sur le principal">{ fr::amount(p.to_principal) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
