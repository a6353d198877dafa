//! Text as accounting packages write it: UTF-8, or Windows-1252 (Latin-9 and Latin-1 read the
//! same for the accents of French names), which many FEC exports still use.

/// The text of `bytes`: UTF-8 when it is, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One byte of Windows-1252: Latin-1, except 0x80–0x9F (€, œ, typographic quotes…).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_or_windows_1252() {
        assert_eq!(decode("Société Générale".as_bytes()), "Société Générale");
        assert_eq!(decode(b"Soci\xe9t\xe9 \x80 \x9c"), "Société € œ");
    }
}
