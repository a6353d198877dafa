//! What the user typed, made fit for a letter: control and bidirectional-override characters
//! dropped, blanks collapsed, addresses cut into lines, SIREN / SIRET and IBAN grouped.

/// One line of user text: blanks (line breaks and tabs included) become single spaces, other
/// control characters and bidirectional overrides are dropped.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            blank = !out.is_empty();
            continue;
        }
        if c.is_control() || is_bidi_control(c) {
            continue;
        }
        if blank {
            out.push(' ');
            blank = false;
        }
        out.push(c);
    }
    out
}

/// Several lines of user text (an edited paragraph): each line cleaned, line breaks kept as
/// `\n`, leading and trailing blank lines dropped.
pub fn clean_multiline(raw: &str) -> String {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalised.split('\n').map(clean).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines
        .get(first..last.max(first))
        .unwrap_or_default()
        .join("\n")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Address lines: the user's line breaks, else commas ("12 rue des Lilas, 69003 Lyon"); a
/// fragment that is only a street number ("12, rue des Lilas") or a postcode stays with what
/// follows.
pub fn address_lines(raw: &str) -> Vec<String> {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let parts: Vec<String> = if normalised.trim().contains('\n') {
        normalised.split('\n').map(clean).collect()
    } else {
        normalised.split(',').map(clean).collect()
    };
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<(String, &str)> = None;
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        let joined = match pending.take() {
            Some((head, sep)) => format!("{head}{sep}{part}"),
            None => part,
        };
        if let Some(sep) = number_fragment(&joined) {
            pending = Some((joined, sep));
        } else {
            out.push(joined);
        }
    }
    if let Some((head, _)) = pending {
        out.push(head);
    }
    out
}

/// `Some(separator)` when a fragment is a lone street number (`12`, `12 bis`) or postcode.
fn number_fragment(s: &str) -> Option<&'static str> {
    let mut words = s.split(' ');
    let number = words.next().unwrap_or_default();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (words.next(), words.next()) {
        (None, _) if number.len() == 5 => Some(" "),
        (None, _) => Some(", "),
        (Some("bis" | "ter" | "quater" | "b" | "t"), None) => Some(", "),
        _ => None,
    }
}

/// `SIREN 732 829 320` (a SIRET: `SIRET 732 829 320 00074`); empty input gives `None`.
pub fn siren_line(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let grouped = |d: &str| {
        d.as_bytes()
            .chunks(3)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match digits.len() {
        9 => Some(format!("SIREN {}", grouped(&digits))),
        14 => Some(format!(
            "SIRET {} {}",
            grouped(digits.get(..9).unwrap_or_default()),
            digits.get(9..).unwrap_or_default()
        )),
        _ => {
            let text = clean(raw);
            (!text.is_empty()).then(|| format!("SIREN {text}"))
        }
    }
}

/// `FR76 3000 6000 0112 3456 7890 189`.
pub fn iban_grouped(raw: &str) -> String {
    let compact: Vec<char> = clean(raw).chars().filter(|c| *c != ' ').collect();
    compact
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            address_lines("12 rue des Lilas, 69003 Lyon"),
            ["12 rue des Lilas", "69003 Lyon"]
        );
        assert_eq!(
            address_lines("12, rue des Lilas, 69003, Lyon"),
            ["12, rue des Lilas", "69003 Lyon"]
        );
        assert_eq!(
            address_lines("Bât. A\r\n  4 place du Marché, RDC \n\n38000 Grenoble\n"),
            ["Bât. A", "4 place du Marché, RDC", "38000 Grenoble"]
        );
        assert_eq!(address_lines("12 bis, rue X"), ["12 bis, rue X"]);
        assert_eq!(address_lines(""), Vec::<String>::new());
        assert_eq!(address_lines("12"), ["12"]);
        // A one-word fragment that is not a number stays on its own line.
        assert_eq!(
            address_lines("Résidence, 12 rue X, 69003 Lyon"),
            ["Résidence", "12 rue X", "69003 Lyon"]
        );
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            siren_line("732829320").as_deref(),
            Some("SIREN 732 829 320")
        );
        assert_eq!(
            siren_line("73282932000074").as_deref(),
            Some("SIRET 732 829 320 00074")
        );
        assert_eq!(siren_line(""), None);
        // Neither 9 nor 14 digits: the text as typed, cleaned.
        assert_eq!(
            siren_line(" 732 829\t32 ").as_deref(),
            Some("SIREN 732 829 32")
        );
        assert_eq!(siren_line("\u{7}").as_deref(), None);
        assert_eq!(
            iban_grouped("FR7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("  a\tb\n\nc \u{202e}d\u{0}  "), "a b c d");
        assert_eq!(clean_multiline("\r\n a \r\n\r\n b\u{7}c \n"), "a\n\nbc");
        assert_eq!(clean_multiline(" \n "), "");
    }
}
