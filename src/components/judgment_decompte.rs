//! The décompte after a judgment (issue 13): the award, its interest period by period with the
//! legal basis of each (C. civ. 1231-7, C. mon. fin. L313-3), the capitalisations (C. civ.
//! 1343-2), the payments since and what is still owed. Every figure is the engine's.

use relance_engine::fr;
use relance_engine::judgment::JudgmentResult;
use yew::prelude::*;

use super::segment_row::{segments_head, SegmentRow};

#[derive(Properties, PartialEq)]
pub struct JudgmentDecompteProps {
    pub account: JudgmentResult,
    /// The footnotes' sources, in order: a segment's note is its source's place + 1.
    pub sources: Vec<&'static str>,
}

#[function_component(JudgmentDecompte)]
pub fn judgment_decompte(props: &JudgmentDecompteProps) -> Html {
    let j = &props.account;
    let mut meta = vec![format!(
        "base des intérêts (principal et article 700) : {}",
        fr::amount(j.base)
    )];
    meta.push(match (j.served, j.increase_from) {
        (Some(served), Some(from)) => format!(
            "signifiée le {}, taux majoré de 5 points à compter du {} (C. mon. fin. L313-3)",
            fr::date(served),
            fr::date(from)
        ),
        _ => "non signifiée : pas de majoration de 5 points (C. mon. fin. L313-3)".to_owned(),
    });
    let row = |label: &str, value| {
        html! {
            <><dt>{ label.to_owned() }</dt><dd class="amount">{ fr::amount(value) }</dd></>
        }
    };
    html! {
        <article class="invoice-decompte judgment-decompte" data-testid="judgment-decompte">
            <h3>{ format!("Décision du {}", fr::date(j.date)) }</h3>
            <p class="invoice-meta">{ meta.join(" · ") }</p>
            if j.segments.is_empty() {
                <p class="note">{ "Aucune période d'intérêts à cette date." }</p>
            } else {
                <table class="segments">
                    <caption>{ "Intérêts depuis la décision, période par période" }</caption>
                    { segments_head() }
                    <tbody>
                        { for j.segments.iter().enumerate().map(|(i, s)| {
                            let note = props.sources.iter().position(|x| *x == s.rate.source).map(|i| i + 1);
                            html! { <SegmentRow key={i} segment={s.clone()} {note} /> }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="6">{ "Intérêts échus depuis la décision" }</th>
                            <td class="num" data-label="Intérêts échus">{ fr::amount(j.interest_accrued) }</td>
                        </tr>
                    </tfoot>
                </table>
            }
            if !j.capitalisations.is_empty() {
                <ul class="capitalisations">
                    { for j.capitalisations.iter().map(|c| html! {
                        <li>{ format!(
                            "Capitalisation du {} : {} d'intérêts ajoutés à la base (C. civ. 1343-2)",
                            fr::date(c.date), fr::amount(c.amount)
                        ) }</li>
                    }) }
                </ul>
            }
            if !j.payments.is_empty() {
                <table class="payments">
                    <caption>{ "Paiements depuis la décision : sur les dépens, puis les intérêts, puis le principal" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Date" }</th>
                            <th scope="col" class="num">{ "Sur les dépens" }</th>
                            <th scope="col" class="num">{ "Sur les intérêts" }</th>
                            <th scope="col" class="num">{ "Sur le principal" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for j.payments.iter().map(|p| html! {
                            <tr>
                                <td class="date" data-label="Date">{ fr::date(p.date) }</td>
                                <td class="num" data-label="Sur les dépens">{ fr::amount(p.to_costs) }</td>
                                <td class="num" data-label="Sur les intérêts">{ fr::amount(p.to_interest) }</td>
                                <td class="num" data-label="Sur le principal">{ fr::amount(p.to_base) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <dl class="invoice-totals">
                { row("Principal et article 700 restant dus", j.base_owed) }
                if !j.awarded.is_zero() {
                    { row("Intérêts fixés par la décision, restant dus", j.awarded_owed) }
                }
                { row("Intérêts depuis la décision, restant dus", j.accrued_owed) }
                if !j.capitalisations.is_empty() {
                    { row("Intérêts capitalisés, restant dus", j.capitalised_owed) }
                }
                if !j.costs.is_zero() {
                    { row("Dépens restant dus", j.costs_owed) }
                }
                if !j.unallocated.is_zero() {
                    { row("Payé au-delà de la dette", j.unallocated) }
                }
                <dt class="strong">{ "Total dû sur la décision" }</dt><dd class="amount strong">{ fr::amount(j.total()) }</dd>
            </dl>
        </article>
    }
}
