//! Reading the tags Trunk writes in index.html: double-quoted attributes, URLs with `&amp;`
//! between their parameters. Shared by the post_build hook (`bin/embed-wasm-and-hash.rs`, integrity
//! hashes) and the size budget (`pipeline.rs`, what the page loads).

/// The value of the double-quoted attribute `name` of `tag` (`<script src="…" …>`).
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pattern = format!("{name}=\"");
    let mut from = 0;
    while let Some(found) = tag[from..].find(&pattern) {
        let at = from + found;
        if tag[..at].ends_with(char::is_whitespace) {
            let value = &tag[at + pattern.len()..];
            return value.split('"').next();
        }
        from = at + pattern.len();
    }
    None
}

/// The value of the query parameter `name` in `reference`, a URL as an HTML attribute writes
/// it (`&amp;` between parameters).
pub fn query_value<'a>(reference: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = reference.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    query
        .split("&amp;")
        .flat_map(|part| part.split('&'))
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::{attribute, query_value};

    #[test]
    fn attributes_as_trunk_writes_them() {
        let tag = r#"<script type="module" data-src="no" src="./a.js" integrity="sha384-x">"#;
        assert_eq!(attribute(tag, "src"), Some("./a.js"));
        assert_eq!(attribute(tag, "integrity"), Some("sha384-x"));
        assert_eq!(attribute(tag, "href"), None);
    }

    #[test]
    fn query_values_as_html_writes_them() {
        let src = "./boot.js?js=./a.js&amp;wasm=./w.js#x";
        assert_eq!(query_value(src, "js"), Some("./a.js"));
        assert_eq!(query_value(src, "wasm"), Some("./w.js"));
        assert_eq!(
            query_value("./b.js?wasm=./w.js&js=./a.js", "js"),
            Some("./a.js")
        );
        assert_eq!(query_value("./b.js?wasmx=1", "wasm"), None);
        assert_eq!(query_value("./b.js", "wasm"), None);
    }
}
