//! The invoice inside a Factur-X (or ZUGFeRD, XRechnung) PDF: the embedded XML file
//! (`factur-x.xml`, `zugferd-invoice.xml`, `xrechnung.xml`), read by `einvoice`.
//!
//! How: an embedded file is a stream object, and a stream is never inside an object stream, so
//! every `stream … endstream` of the file is looked at — whatever its cross-reference table or
//! stream, and whether its dictionaries are plain or packed in object streams. Streams marked
//! `/EmbeddedFile` come first; each is inflated when `/FlateDecode` (with `miniz_oxide`, within
//! a size limit) and the first that reads as an invoice is the one. Nothing here panics.

use miniz_oxide::inflate::decompress_to_vec_zlib_with_limit;

use crate::einvoice::{self, EInvoice};

/// Largest PDF read.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Largest stream once inflated (an invoice's XML is a few hundred KB at most).
const MAX_STREAM_BYTES: usize = 5 * 1024 * 1024;
/// Most streams inflated and read, and most bytes inflated in all: a hostile file stays quick.
const MAX_TRIES: usize = 64;
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// Whether `bytes` is a PDF.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF")
}

/// The electronic invoice a PDF carries; `Err` is a French sentence (the caller names the file).
pub fn read(bytes: &[u8]) -> Result<EInvoice, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "fichier trop volumineux ({} Mo ; {} Mo au plus)",
            bytes.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let streams = streams(bytes);
    // The last embedded file first (an incremental update replaces the earlier ones); the other
    // streams only when no file is embedded.
    let embedded: Vec<&Stream> = streams.iter().rev().filter(|s| s.embedded_file).collect();
    let candidates: Vec<&Stream> = if embedded.is_empty() {
        streams.iter().collect()
    } else {
        embedded
    };
    let mut last_error = None;
    let mut inflated = 0usize;
    for stream in candidates.into_iter().take(MAX_TRIES) {
        if inflated > MAX_INFLATED {
            break;
        }
        let Some(data) = decode(stream) else { continue };
        inflated += data.len();
        let text = crate::text::decode(&data);
        if !einvoice::looks_like_xml(&text) {
            continue;
        }
        match einvoice::read(&text) {
            Ok(invoice) => return Ok(invoice),
            Err(e) if stream.embedded_file => last_error = Some(e),
            Err(_) => {}
        }
    }
    Err(last_error.unwrap_or_else(|| {
        "PDF sans facture électronique intégrée (factur-x.xml) : une facture PDF ordinaire se saisit à la main"
            .to_owned()
    }))
}

/// One stream of the file: its dictionary's text and its raw bytes.
struct Stream<'a> {
    dictionary: &'a [u8],
    data: &'a [u8],
    embedded_file: bool,
}

/// Every `… stream␤ … endstream` of the file, in order.
fn streams(bytes: &[u8]) -> Vec<Stream<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    // Where the previous stream ended: no dictionary starts before it.
    let mut previous_end = 0;
    while let Some(at) = find(bytes, b"stream", from) {
        from = at + b"stream".len();
        // `endstream` contains `stream`: skip it.
        if at >= 3 && bytes.get(at - 3..at) == Some(b"end") {
            continue;
        }
        // The data starts after the end of the line (CR LF or LF).
        let start = match bytes.get(from..from + 2) {
            Some(b"\r\n") => from + 2,
            Some([b'\n', _]) | Some([b'\n']) => from + 1,
            _ => continue,
        };
        // The dictionary: since the object's `obj`, looked for in the 64 KB before (a longer
        // dictionary is no embedded file's), so the search stays linear.
        let window = at.saturating_sub(64 * 1024).max(previous_end);
        let dictionary_start = rfind(bytes, b"obj", window, at).map_or(window, |o| o + 3);
        let dictionary = bytes.get(dictionary_start..at).unwrap_or_default();
        let end = length(dictionary)
            .and_then(|n| start.checked_add(n))
            .filter(|&e| {
                bytes
                    .get(e..)
                    .is_some_and(|rest| starts_after_blanks(rest, b"endstream"))
            })
            .or_else(|| find(bytes, b"endstream", start));
        let Some(end) = end else { break };
        let data = bytes.get(start..end).unwrap_or_default();
        out.push(Stream {
            dictionary,
            data,
            embedded_file: contains(dictionary, b"/EmbeddedFile"),
        });
        from = end;
        previous_end = end;
    }
    out
}

/// The stream's bytes once its filter is undone: none, or `/FlateDecode` without a predictor.
fn decode(stream: &Stream) -> Option<Vec<u8>> {
    let d = stream.dictionary;
    if contains(d, b"/Predictor") {
        return None;
    }
    if contains(d, b"/FlateDecode") || contains(d, b"/Fl ") || contains(d, b"/Fl]") {
        return decompress_to_vec_zlib_with_limit(stream.data, MAX_STREAM_BYTES).ok();
    }
    if contains(d, b"/Filter") {
        return None;
    }
    Some(stream.data.to_vec())
}

/// A direct `/Length N` of a dictionary (`N 0 R`, an indirect one, is `None`).
fn length(dictionary: &[u8]) -> Option<usize> {
    let at = find(dictionary, b"/Length", 0)? + b"/Length".len();
    let rest = dictionary.get(at..)?;
    let text: String = rest
        .iter()
        .take(32)
        .map(|&b| char::from(b))
        .collect::<String>();
    let mut words = text.split(|c: char| c.is_whitespace() || c == '/' || c == '>');
    let first = words.find(|w| !w.is_empty())?;
    let n: usize = first.parse().ok()?;
    // `12 0 R` is a reference, not a length.
    let mut next = words.filter(|w| !w.is_empty());
    match (next.next(), next.next()) {
        (Some(g), Some("R")) if g.chars().all(|c| c.is_ascii_digit()) => None,
        _ => Some(n),
    }
}

fn starts_after_blanks(bytes: &[u8], word: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes
        .get(start..)
        .is_some_and(|rest| rest.starts_with(word))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle, 0).is_some()
}

/// The first `needle` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let rest = haystack.get(from..)?;
    rest.windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The last `needle` between `from` and `before`.
fn rfind(haystack: &[u8], needle: &[u8], from: usize, before: usize) -> Option<usize> {
    haystack
        .get(from..before)?
        .windows(needle.len())
        .rposition(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_direct_length_and_a_reference() {
        assert_eq!(length(b"<< /Length 42 /Filter /FlateDecode >>"), Some(42));
        assert_eq!(length(b"<</Length 12 0 R/Filter/FlateDecode>>"), None);
        assert_eq!(length(b"<</Type/EmbeddedFile>>"), None);
    }

    #[test]
    fn not_a_pdf_with_an_invoice() {
        let plain = b"%PDF-1.4\n1 0 obj << /Length 5 >> stream\nhello\nendstream endobj\n%%EOF";
        assert!(read(plain).unwrap_err().starts_with("PDF sans facture"));
        assert!(read(b"%PDF-1.7 stream").is_err());
        assert!(
            read(b"%PDF-1.7 1 0 obj <</Filter/FlateDecode>> stream\r\n\x78\x9c\xff endstream")
                .is_err()
        );
    }
}
