//! The strategy's tables: one data-driven `html!` for every row of every table (smaller
//! WebAssembly than one per table).

use yew::prelude::*;

/// A table row: code, class, header cell, other cells.
pub type Row = (&'static str, &'static str, Html, Vec<String>);

/// A cell's text; a second line (after `\n`) is its range, in small type under the figure.
fn lines(cell: String) -> Html {
    match cell.split_once('\n') {
        Some((figure, range)) => html! {
            <><span class="central">{ figure.to_owned() }</span><small class="range">{ range.to_owned() }</small></>
        },
        None => html! { cell },
    }
}

/// A table (class and `data-testid` `testid`) in its own scrolling region. A header starting
/// with `#` marks a right-aligned (numeric) column. Each row: its code (`data-path`, and
/// `data-testid` `<row>-<code>`), a class, its header cell and its other cells; a single cell
/// spans the row. A cell may hold a figure and, after `\n`, its range.
#[inline(never)]
pub fn table(
    testid: &'static str,
    row: &'static str,
    caption: &str,
    cols: &[&'static str],
    rows: Vec<Row>,
) -> Html {
    let cols: Vec<(&str, &str)> = cols
        .iter()
        .map(|c| match c.strip_prefix('#') {
            Some(c) => (c, "num"),
            None => (*c, ""),
        })
        .collect();
    let span = cols.len().saturating_sub(1).to_string();
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={caption.to_owned()}>
            <table class={testid} data-testid={testid}>
                <caption>{ caption }</caption>
                <thead><tr>{ for cols.iter().map(|(c, class)| html! { <th scope="col" class={*class}>{ *c }</th> }) }</tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(code, class, head, cells)| {
                        let one = cells.len() == 1 && cols.len() > 2;
                        html! {
                            <tr {class} data-path={code} data-testid={format!("{row}-{code}")}>
                                <th scope="row">{ head }</th>
                                { for cells.into_iter().zip(cols.iter().skip(1)).map(|(cell, (label, class))| html! {
                                    <td class={*class} data-label={*label} colspan={one.then(|| span.clone())}>{ lines(cell) }</td>
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
