//! JSON text to and from a `serde_json::Value`, by hand: written as serde_json's `to_string`
//! and `to_string_pretty` write it (keys in the map's order, two spaces a level, its escapes),
//! read as strictly as `serde_json::from_str` reads it (numbers kept as written), without
//! serde's text serialiser and deserialiser in the WebAssembly (issue 16: every kilobyte of the
//! first load counts). Every file, saved form and report goes through here.

use serde_json::{Map, Number, Value};

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

/// A value made from Rust data, as `serde_json::json!` makes one (`{"key": value, …}`,
/// `[a, b]`, `null` or an expression), through [`ToJson`] rather than serde's serialiser.
macro_rules! json {
    (null) => {
        serde_json::Value::Null
    };
    ([ $($tt:tt)* ]) => {
        serde_json::Value::Array($crate::json_text::json_items!([] () $($tt)*))
    };
    ({ $($tt:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = serde_json::Map::new();
        $crate::json_text::json_entries!(map $($tt)*);
        serde_json::Value::Object(map)
    }};
    ($e:expr) => {
        $crate::json_text::ToJson::to_json(&$e)
    };
}

/// `json!`'s object entries: `"key": value` (a value's tokens run to the next comma).
macro_rules! json_entries {
    ($map:ident) => {};
    ($map:ident $key:literal : $($rest:tt)*) => {
        $crate::json_text::json_entries!(@value $map $key () $($rest)*)
    };
    (@value $map:ident $key:literal ($($v:tt)*) , $($rest:tt)*) => {
        $map.insert($key.to_owned(), $crate::json_text::json!($($v)*));
        $crate::json_text::json_entries!($map $($rest)*)
    };
    (@value $map:ident $key:literal ($($v:tt)*)) => {
        $map.insert($key.to_owned(), $crate::json_text::json!($($v)*));
    };
    (@value $map:ident $key:literal ($($v:tt)*) $next:tt $($rest:tt)*) => {
        $crate::json_text::json_entries!(@value $map $key ($($v)* $next) $($rest)*)
    };
}

/// `json!`'s array items, as a `Vec` (an item's tokens run to the next comma).
macro_rules! json_items {
    ([$($done:expr),*] ()) => {
        vec![$($done),*]
    };
    ([$($done:expr),*] ($($v:tt)+)) => {
        vec![$($done,)* $crate::json_text::json!($($v)+)]
    };
    ([$($done:expr),*] ($($v:tt)+) , $($rest:tt)*) => {
        $crate::json_text::json_items!([$($done,)* $crate::json_text::json!($($v)+)] () $($rest)*)
    };
    ([$($done:expr),*] ($($v:tt)*) $next:tt $($rest:tt)*) => {
        $crate::json_text::json_items!([$($done),*] ($($v)* $next) $($rest)*)
    };
}

pub(crate) use {json, json_entries, json_items};

/// Rust data as a JSON value, as serde_json's `to_value` makes it for these types.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_owned())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                Value::from(*self)
            }
        }
    )*};
}
integers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

impl ToJson for Map<String, Value> {
    fn to_json(&self) -> Value {
        Value::Object(self.clone())
    }
}

impl<V: ToJson> ToJson for std::collections::BTreeMap<String, V> {
    fn to_json(&self) -> Value {
        Value::Object(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

/// Where a text stops being JSON: line and column (both from 1) of the character that does
/// not fit, or of the last character when the text ends too soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
}

/// Nesting deeper than serde_json's limit is refused (and the reader's stack stays small).
const MAX_DEPTH: usize = 128;

/// Reads one JSON value, with nothing but blanks after it.
pub fn read(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader { text, at: 0 };
    let value = r.value(0)?;
    r.blanks();
    if r.at < text.len() {
        return Err(r.error());
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    /// Byte offset of the next character.
    at: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// The position of the next character, or of the last one at the end of the text.
    fn error(&self) -> SyntaxError {
        let before = self.text.get(..self.at).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).unwrap_or_default().chars().count();
        SyntaxError {
            line: 1 + before.matches('\n').count(),
            column: if self.at < self.text.len() {
                column + 1
            } else {
                column
            },
        }
    }

    fn blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.at += 1;
        }
    }

    /// Consumes `c` after blanks, or fails where it is not.
    fn eat(&mut self, c: char) -> Result<(), SyntaxError> {
        self.blanks();
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.blanks();
        if depth > MAX_DEPTH {
            return Err(self.error());
        }
        match self.peek() {
            Some('{') => self.object(depth),
            Some('[') => self.array(depth),
            Some('"') => self.string().map(Value::String),
            Some('-' | '0'..='9') => self.number(),
            _ => {
                for (word, value) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.rest().starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error())
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut map = Map::new();
        self.blanks();
        if self.peek() == Some('}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.blanks();
            if self.peek() != Some('"') {
                return Err(self.error());
            }
            let key = self.string()?;
            self.eat(':')?;
            let value = self.value(depth + 1)?;
            map.insert(key, value);
            if self.close('}')? {
                return Ok(Value::Object(map));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.blanks();
        if self.peek() == Some(']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.close(']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// After an item: a comma (`false`, another item follows) or `bracket` (`true`).
    fn close(&mut self, bracket: char) -> Result<bool, SyntaxError> {
        self.blanks();
        match self.peek() {
            Some(',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == bracket => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.error()),
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            let Some(c) = self.next() else {
                return Err(self.error());
            };
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let escaped = match self.peek() {
                        Some('u') => {
                            self.at += 1;
                            out.push(self.unicode_escape(start)?);
                            continue;
                        }
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('/') => '/',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some('n') => '\n',
                        Some('r') => '\r',
                        Some('t') => '\t',
                        _ => return Err(self.error()),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                c if c < ' ' => {
                    self.at = start;
                    return Err(self.error());
                }
                c => out.push(c),
            }
        }
    }

    /// After `\u`: four hex digits, and a second escape for a character beyond U+FFFF (a
    /// surrogate pair); a lone surrogate is refused, as serde_json refuses it.
    fn unicode_escape(&mut self, start: usize) -> Result<char, SyntaxError> {
        let high = self.hex4()?;
        let code = match high {
            0xd800..=0xdbff => {
                if !self.rest().starts_with("\\u") {
                    self.at = start;
                    return Err(self.error());
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    self.at = start;
                    return Err(self.error());
                }
                0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
            }
            0xdc00..=0xdfff => {
                self.at = start;
                return Err(self.error());
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| self.error())?;
            self.at += 1;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    /// A number as JSON writes it (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`), kept as
    /// written (serde_json's `arbitrary_precision`).
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        if self.peek() == Some('-') {
            self.at += 1;
        }
        match self.peek() {
            Some('0') => self.at += 1,
            Some('1'..='9') => self.digits(),
            _ => return Err(self.error()),
        }
        if self.peek() == Some('.') {
            self.at += 1;
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.error());
            }
            self.digits();
        }
        let mut literal = self.text.get(start..self.at).unwrap_or_default().to_owned();
        if matches!(self.peek(), Some('e' | 'E')) {
            // Written as serde_json keeps it: `e`, then the sign, `+` when none is written.
            self.at += 1;
            literal.push('e');
            match self.peek() {
                Some(sign @ ('+' | '-')) => {
                    self.at += 1;
                    literal.push(sign);
                }
                _ => literal.push('+'),
            }
            let digits = self.at;
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.error());
            }
            self.digits();
            literal.push_str(self.text.get(digits..self.at).unwrap_or_default());
        }
        Ok(Value::Number(Number::from_string_unchecked(literal)))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some('0'..='9')) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn json_makes_what_serde_json_makes() {
        let (n, none, some, list) = (7usize, None::<&str>, Some("x"), vec![Some(1i64), None]);
        let mut map = std::collections::BTreeMap::new();
        map.insert("k".to_owned(), "v".to_owned());
        let ours = json!({
            "n": n, "none": none, "some": some, "list": list, "map": map,
            "nested": {"a": [1, "b", null, {"c": [true, false]}], "e": {}},
            "empty": [], "calc": list.iter().map(|x| json!([x, n])).collect::<Vec<_>>(),
        });
        let theirs = serde_json::json!({
            "n": n, "none": none, "some": some, "list": list, "map": map,
            "nested": {"a": [1, "b", null, {"c": [true, false]}], "e": {}},
            "empty": [], "calc": list.iter().map(|x| serde_json::json!([x, n])).collect::<Vec<_>>(),
        });
        assert_eq!(ours, theirs);
        assert_eq!(json!(null), Value::Null);
        assert_eq!(json!(["a"]), serde_json::json!(["a"]));
    }

    #[test]
    fn the_same_bytes_as_serde_json() {
        let v = serde_json::json!({
            "b": [1, "deux", null, true, false, [], {}, [[]], {"x": {}}],
            "a": "\"\\\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}/é€😀",
            "n": serde_json::Number::from_string_unchecked("12345.670".to_owned()),
            "": {"nested": [{"k": "v"}]},
        });
        assert_eq!(compact(&v), serde_json::to_string(&v).expect("text"));
        assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).expect("text"));
        for scalar in [
            serde_json::json!(null),
            serde_json::json!("x"),
            serde_json::json!(1),
            serde_json::json!([]),
            serde_json::json!({}),
        ] {
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

    /// What serde_json makes of `text`: the value, or only that it refuses it.
    fn serde_reads(text: &str) -> Option<Value> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn reads_as_serde_json_reads() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[",
            "]",
            "[1,]",
            "[,1]",
            "{,}",
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{1:2}"#,
            "nul",
            "null",
            " true ",
            "false",
            "truex",
            "0",
            "-0",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1E-7",
            "-12.50e+03",
            "123456789012345678901234567890.000",
            r#""a\u00e9\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83dx""#,
            r#""\u12""#,
            r#""\x""#,
            "\"\u{1}\"",
            "\"\u{7f}\"",
            r#""é/\/""#,
            r#"{"a":1,"a":2}"#,
            "[1] 2",
            "[1]\n\t\r ",
            "\u{feff}1",
            r#"{"b":[1,{"c":null}],"a":"x"}"#,
        ] {
            assert_eq!(read(text).ok(), serde_reads(text), "{text:?}");
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(read(&deep).is_err());
    }

    #[test]
    fn says_where_the_text_stops_being_json() {
        let at = |text: &str| read(text).err().map(|e| (e.line, e.column));
        assert_eq!(at(r#"{"a": x}"#), Some((1, 7)));
        assert_eq!(at("{\n  \"é\": 1,\n  \"b\" 2\n}"), Some((3, 7)));
        assert_eq!(at("[1, 2"), Some((1, 5)));
        assert_eq!(at(""), Some((1, 0)));
        assert_eq!(at("\"a\u{1}\""), Some((1, 3)));
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(v in value()) {
            prop_assert_eq!(read(&compact(&v)), Ok(v.clone()));
            prop_assert_eq!(read(&pretty(&v)), Ok(v));
        }

        /// A written value with characters cut, doubled or replaced: read or refused as
        /// serde_json reads or refuses it.
        #[test]
        fn damaged_text_is_read_as_serde_json_reads_it(
            v in value(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, prop::sample::select(vec!['"', '\\', ',', ':', '[', ']', '{', '}', '0', '-', 'e', '.', 'u', ' ', 'a'])), 1..4),
        ) {
            let mut chars: Vec<char> = compact(&v).chars().collect();
            for (at, how, c) in edits {
                if chars.is_empty() {
                    break;
                }
                let i = at.index(chars.len());
                match how {
                    0 => { chars.remove(i); }
                    1 => chars.insert(i, c),
                    _ => chars[i] = c,
                }
            }
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(read(&text).ok(), serde_reads(&text), "{:?}", text);
        }

        #[test]
        fn any_value_is_written_as_serde_json_writes_it(v in value()) {
            prop_assert_eq!(compact(&v), serde_json::to_string(&v).expect("text"));
            prop_assert_eq!(pretty(&v), serde_json::to_string_pretty(&v).expect("text"));
        }
    }
}
