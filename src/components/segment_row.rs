//! One period of interest in a décompte (dates, days, base, rate with its source's footnote and
//! its "provisoire" / "non vérifié" marks, legal basis, interest), for the invoices' décompte
//! and the judgment's.

use relance_engine::rates::Status;
use relance_engine::{fr, Segment};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SegmentRowProps {
    pub segment: Segment,
    /// Footnote number of the rate's source.
    pub note: Option<usize>,
}

/// One period. A component, so that a new calculation date re-renders only the periods
/// that changed (usually the last of each invoice), not every row of a large dossier.
#[function_component(SegmentRow)]
pub fn segment_row(props: &SegmentRowProps) -> Html {
    let s = &props.segment;
    let q = &s.rate;
    let note = props.note;
    let days = if s.divisor == 365 {
        s.days.to_string()
    } else {
        format!("{} / {}", s.days, s.divisor)
    };
    html! {
        <tr>
            <td class="date" data-label="Du">{ fr::date(s.from) }</td>
            <td class="date" data-label="Au">{ fr::date(s.to) }</td>
            <td class="num" data-label="Jours">{ days }</td>
            <td class="num" data-label="Base">{ fr::amount(s.base) }</td>
            <td class="num rate" data-label="Taux" title={q.source}>
                { fr::percent(q.percent) }
                if let Some(n) = note {
                    <sup class="ref">{ format!("[{n}]") }</sup>
                }
                if q.provisional {
                    <span class="badge">{ "provisoire" }</span>
                }
                if q.status == Status::Unverified {
                    <span class="badge">{ "non vérifié" }</span>
                }
            </td>
            <td class="basis" data-label="Fondement">{ fr::rate_basis(q) }</td>
            <td class="num" data-label="Intérêts">{ fr::amount(s.interest) }</td>
        </tr>
    }
}

/// The columns of a table of periods, as `SegmentRow` fills them.
pub fn segments_head() -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ "Du" }</th>
                <th scope="col">{ "Au" }</th>
                <th scope="col" class="num">{ "Jours" }</th>
                <th scope="col" class="num">{ "Base" }</th>
                <th scope="col" class="num">{ "Taux" }</th>
                <th scope="col">{ "Fondement" }</th>
                <th scope="col" class="num">{ "Intérêts" }</th>
            </tr>
        </thead>
    }
}
