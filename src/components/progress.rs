//! A long work's progress line: what is being done, and a bar in thousandths. The import's
//! (`import-progress`) and the portfolio's (`portfolio-progress`) are drawn alike.

use yew::prelude::*;

/// The line `id` (also its `data-testid`): `label` for a `<progress>` at `per_mille` of 1 000.
pub fn progress_line(id: &'static str, label: String, per_mille: usize) -> Html {
    html! {
        <p class="import-progress">
            <label for={id}>{ label }</label>
            <progress {id} data-testid={id} max="1000" value={per_mille.to_string()}></progress>
        </p>
    }
}
