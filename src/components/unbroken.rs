//! Legal references kept on one line: « C. civ. 1231-6 » must not break as « 1231- / 6 ».
//! The text is unchanged (same `textContent`); each reference is a `nowrap` span.

use relance_engine::fr::is_article_reference as is_reference;
use yew::prelude::*;

/// `text` with each article reference in a span that does not wrap.
pub fn unbroken(text: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut plain = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            plain.push(' ');
        }
        if is_reference(word) {
            out.push(Html::from(std::mem::take(&mut plain)));
            out.push(html! { <span class="nowrap">{ word }</span> });
        } else {
            plain.push_str(word);
        }
    }
    out.push(Html::from(plain));
    html! { <>{ for out }</> }
}
