//! JSON text from a `serde_json::Value`, written by hand: the same bytes as serde_json's
//! `to_string` and `to_string_pretty` (keys in the map's order, two spaces a level, its
//! escapes), without serde's text serialiser in the WebAssembly (issue 16: every kilobyte of
//! the first load counts). Every file and report the engine writes goes through here.

use serde_json::Value;

/// `value` on one line, as `serde_json::to_string` writes it.
pub fn compact(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, None);
    out
}

/// `value` indented by two spaces a level, as `serde_json::to_string_pretty` writes it.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, Some(0));
    out
}

/// Writes `value`, whose container is at `depth` levels of indentation (`None`: on one line).
fn write(out: &mut String, value: &Value, depth: Option<usize>) {
    let inner = depth.map(|d| d + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                item_start(out, i, inner);
                write(out, item, inner);
            }
            close(out, ']', items.is_empty(), depth);
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                item_start(out, i, inner);
                string(out, key);
                out.push_str(if depth.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            close(out, '}', map.is_empty(), depth);
        }
    }
}

/// Before the `i`th item of a container: a comma after the first, and in pretty text a new
/// line indented to the items' `depth`.
fn item_start(out: &mut String, i: usize, depth: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(depth) = depth {
        new_line(out, depth);
    }
}

/// The closing bracket, on its own line in pretty text unless the container is empty.
fn close(out: &mut String, bracket: char, empty: bool, depth: Option<usize>) {
    if let (Some(depth), false) = (depth, empty) {
        new_line(out, depth);
    }
    out.push(bracket);
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A string in quotes, escaped as serde_json does: quote, backslash, the five short control
/// escapes, other control characters as `\u00xx`; everything else as it is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let code = u32::from(c);
                out.push_str("\\u00");
                out.push(char::from_digit(code >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(code & 0xf, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn the_same_bytes_as_serde_json() {
        let v = json!({
            "b": [1, "deux", null, true, false, [], {}, [[]], {"x": {}}],
            "a": "\"\\\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}/é€😀",
            "n": serde_json::Number::from_string_unchecked("12345.670".to_owned()),
            "": {"nested": [{"k": "v"}]},
        });
        assert_eq!(compact(&v), serde_json::to_string(&v).expect("text"));
        assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).expect("text"));
        for scalar in [json!(null), json!("x"), json!(1), json!([]), json!({})] {
            assert_eq!(
                pretty(&scalar),
                serde_json::to_string_pretty(&scalar).expect("text")
            );
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_is_written_as_serde_json_writes_it(v in value()) {
            prop_assert_eq!(compact(&v), serde_json::to_string(&v).expect("text"));
            prop_assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).expect("text"));
        }
    }
}
