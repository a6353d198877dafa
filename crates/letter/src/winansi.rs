//! Text for the PDF's standard fonts: Unicode → WinAnsiEncoding (Windows-1252) bytes, and the
//! Helvetica / Helvetica-Bold advance widths of those bytes.
//!
//! The PDF uses the non-embedded standard Type 1 fonts with `/WinAnsiEncoding`, so one byte is
//! one glyph. Everything French needs is there (é è à ç ô œ « » € ’ — …); a character outside
//! WinAnsi becomes `?` ([`lossy`] tells what a PDF reader will show). Both no-break spaces
//! (U+00A0 and the narrow U+202F French uses before `:`, `;`, `€`, `»` and in amounts) become
//! byte 0xA0: a space glyph that the layout never breaks at.

/// Byte a line breaker may break at.
pub const SPACE: u8 = b' ';
/// The no-break space byte (glyph `space`, never a break opportunity).
pub const NBSP: u8 = 0xA0;

/// The WinAnsi byte of `c`, if WinAnsi has it (after folding the spaces and hyphens that have an
/// obvious look-alike). Control characters and zero-width characters have none.
pub fn byte_of(c: char) -> Option<u8> {
    let b = match c {
        ' '..='~' => c as u8,
        '\u{AD}' => return None, // soft hyphen: invisible unless hyphenating
        '\u{A0}'..='\u{FF}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        // Look-alikes.
        '\u{202F}' | '\u{2007}' => NBSP,
        '\u{2000}'..='\u{200A}' | '\u{205F}' | '\u{3000}' => SPACE,
        '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
        '\u{2024}' => b'.',
        _ => return None,
    };
    Some(b)
}

/// Characters that are dropped rather than shown as `?`: controls (the callers handle line
/// breaks themselves), zero-width marks, variation selectors, the soft hyphen.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
        )
}

/// Precomposed WinAnsi letters written as a base letter + combining mark (text pasted from some
/// systems is decomposed: `e` + U+0301 for `é`).
const COMPOSE: [(char, char, char); 58] = [
    ('S', '\u{030c}', 'Š'),
    ('Z', '\u{030c}', 'Ž'),
    ('s', '\u{030c}', 'š'),
    ('z', '\u{030c}', 'ž'),
    ('Y', '\u{0308}', 'Ÿ'),
    ('A', '\u{0300}', 'À'),
    ('A', '\u{0301}', 'Á'),
    ('A', '\u{0302}', 'Â'),
    ('A', '\u{0303}', 'Ã'),
    ('A', '\u{0308}', 'Ä'),
    ('A', '\u{030a}', 'Å'),
    ('C', '\u{0327}', 'Ç'),
    ('E', '\u{0300}', 'È'),
    ('E', '\u{0301}', 'É'),
    ('E', '\u{0302}', 'Ê'),
    ('E', '\u{0308}', 'Ë'),
    ('I', '\u{0300}', 'Ì'),
    ('I', '\u{0301}', 'Í'),
    ('I', '\u{0302}', 'Î'),
    ('I', '\u{0308}', 'Ï'),
    ('N', '\u{0303}', 'Ñ'),
    ('O', '\u{0300}', 'Ò'),
    ('O', '\u{0301}', 'Ó'),
    ('O', '\u{0302}', 'Ô'),
    ('O', '\u{0303}', 'Õ'),
    ('O', '\u{0308}', 'Ö'),
    ('U', '\u{0300}', 'Ù'),
    ('U', '\u{0301}', 'Ú'),
    ('U', '\u{0302}', 'Û'),
    ('U', '\u{0308}', 'Ü'),
    ('Y', '\u{0301}', 'Ý'),
    ('a', '\u{0300}', 'à'),
    ('a', '\u{0301}', 'á'),
    ('a', '\u{0302}', 'â'),
    ('a', '\u{0303}', 'ã'),
    ('a', '\u{0308}', 'ä'),
    ('a', '\u{030a}', 'å'),
    ('c', '\u{0327}', 'ç'),
    ('e', '\u{0300}', 'è'),
    ('e', '\u{0301}', 'é'),
    ('e', '\u{0302}', 'ê'),
    ('e', '\u{0308}', 'ë'),
    ('i', '\u{0300}', 'ì'),
    ('i', '\u{0301}', 'í'),
    ('i', '\u{0302}', 'î'),
    ('i', '\u{0308}', 'ï'),
    ('n', '\u{0303}', 'ñ'),
    ('o', '\u{0300}', 'ò'),
    ('o', '\u{0301}', 'ó'),
    ('o', '\u{0302}', 'ô'),
    ('o', '\u{0303}', 'õ'),
    ('o', '\u{0308}', 'ö'),
    ('u', '\u{0300}', 'ù'),
    ('u', '\u{0301}', 'ú'),
    ('u', '\u{0302}', 'û'),
    ('u', '\u{0308}', 'ü'),
    ('y', '\u{0301}', 'ý'),
    ('y', '\u{0308}', 'ÿ'),
];

fn compose(base: char, mark: char) -> Option<char> {
    COMPOSE
        .iter()
        .find(|(b, m, _)| *b == base && *m == mark)
        .map(|(_, _, c)| *c)
}

/// One line of text as WinAnsi bytes: line breaks and tabs become spaces, invisible characters
/// are dropped, decomposed accents are composed, anything else outside WinAnsi becomes `?`.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match chars.peek().and_then(|&m| compose(c, m)) {
            Some(composed) => {
                chars.next();
                composed
            }
            None => c,
        };
        if matches!(c, '\t' | '\n' | '\r') {
            out.push(SPACE);
        } else if is_invisible(c) {
            continue;
        } else {
            out.push(byte_of(c).unwrap_or(b'?'));
        }
    }
    out
}

/// The Unicode character a PDF reader shows for a WinAnsi byte (U+FFFD for the 5 unused codes).
pub fn char_of(b: u8) -> char {
    match b {
        0x80 => '€',
        0x82 => '‚',
        0x83 => 'ƒ',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x88 => 'ˆ',
        0x89 => '‰',
        0x8A => 'Š',
        0x8B => '‹',
        0x8C => 'Œ',
        0x8E => 'Ž',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x98 => '˜',
        0x99 => '™',
        0x9A => 'š',
        0x9B => '›',
        0x9C => 'œ',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        0x80..=0x9F | 0x00..=0x1F | 0x7F => '\u{FFFD}',
        _ => char::from(b),
    }
}

/// The text as the PDF shows it: [`encode`] then back to Unicode.
pub fn lossy(text: &str) -> String {
    encode(text).into_iter().map(char_of).collect()
}

/// Advance width of a byte in 1/1000 em.
pub fn width(bold: bool, b: u8) -> u16 {
    let table = if bold { &HELVETICA_BOLD } else { &HELVETICA };
    usize::from(b)
        .checked_sub(0x20)
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or(0)
}

/// Advance width of a byte string in 1/1000 em.
pub fn text_width(bold: bool, bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| u32::from(width(bold, b))).sum()
}

// Advance widths (WX) of the WinAnsi codes 0x20..=0xFF, from Adobe's Core 14 AFM files
// Helvetica.afm and Helvetica-Bold.afm (version 002.000, 1997); 0 for the unused codes
// 0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D. Glyphs: 0x27 quotesingle, 0x60 grave, 0xA0 space,
// 0xAD hyphen (WinAnsi's names, not StandardEncoding's).
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];

const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_round_trips() {
        let s = "« Œuvre » à 24\u{202F}000,00\u{A0}€ — l’été… ç ô";
        assert_eq!(lossy(s), s.replace('\u{202F}', "\u{A0}"));
    }

    #[test]
    fn outside_winansi_becomes_question_mark() {
        assert_eq!(lossy("a😀b\u{FE0F}c→"), "a?bc?");
        assert_eq!(lossy("e\u{301}te\u{301}"), "été");
        assert_eq!(lossy("a\tb\nc\u{7}d\u{200B}e"), "a b cde");
    }

    /// Windows-1252's 0x80..=0x9F row (U+FFFD for its five unused codes); every other byte is
    /// the Latin-1 code point of the same number.
    const CP1252_80: &str = "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ";

    #[test]
    fn every_byte_shows_its_windows_1252_character() {
        let row: Vec<char> = CP1252_80.chars().collect();
        assert_eq!(row.len(), 32);
        for b in 0..=255_u8 {
            let want = match b {
                0x80..=0x9F => row[usize::from(b - 0x80)],
                0x00..=0x1F | 0x7F => '\u{FFFD}',
                _ => char::from(b),
            };
            assert_eq!(char_of(b), want, "byte {b:#04x}");
            // And back: each character shown is encoded as its byte.
            if want != '\u{FFFD}' && b != 0xAD {
                assert_eq!(byte_of(want), Some(b), "{want:?}");
            }
        }
    }

    #[test]
    fn soft_hyphens_and_controls_have_no_byte() {
        assert_eq!(byte_of('\u{AD}'), None);
        assert_eq!(byte_of('\u{7}'), None);
        assert_eq!(byte_of('\u{200B}'), None);
        assert_eq!(byte_of('→'), None);
        assert_eq!(lossy("co\u{AD}opé\u{2060}ration\u{FEFF}"), "coopération");
    }

    #[test]
    fn look_alike_spaces_and_dashes_are_folded() {
        // The narrow and figure no-break spaces are no-break spaces; the typographic spaces,
        // breakable spaces; hyphens and the minus sign, a hyphen-minus; the one-dot leader, a
        // full stop.
        assert_eq!(encode("1\u{202F}2\u{2007}3"), b"1\xA02\xA03");
        for space in ['\u{2000}', '\u{2005}', '\u{200A}', '\u{205F}', '\u{3000}'] {
            assert_eq!(byte_of(space), Some(SPACE), "{space:?}");
        }
        for dash in ['\u{2010}', '\u{2011}', '\u{2212}'] {
            assert_eq!(byte_of(dash), Some(b'-'), "{dash:?}");
        }
        assert_eq!(byte_of('\u{2024}'), Some(b'.'));
        assert_eq!(encode("a\u{2010}b\u{2024}"), b"a-b.");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        for (base, mark, composed) in COMPOSE {
            let decomposed: String = [base, mark].iter().collect();
            assert_eq!(lossy(&decomposed), composed.to_string(), "{decomposed:?}");
        }
        // A mark that WinAnsi cannot compose with its letter is dropped to '?'.
        assert_eq!(lossy("x\u{301}"), "x?");
        assert_eq!(lossy("Noe\u{308}l"), "Noël");
    }

    #[test]
    fn widths_are_the_afm_ones() {
        assert_eq!(width(false, b'A'), 667);
        assert_eq!(width(true, b'A'), 722);
        assert_eq!(width(false, 0x80), 556); // Euro
        assert_eq!(width(false, 0xE9), 556); // eacute
        assert_eq!(width(true, 0x9C), 944); // oe
        assert_eq!(width(false, 0x0A), 0);
        assert_eq!(text_width(false, b"Helvetica"), 4_112);
        // Helvetica-Bold: H 722 e 556 l 278 v 556 e 556 t 333 i 278 c 556 a 556.
        assert_eq!(text_width(true, b"Helvetica"), 4_391);
        assert_eq!(width(false, b' '), 278);
        assert_eq!(width(false, NBSP), 278);
        assert_eq!(width(false, 0x1F), 0);
        assert_eq!(width(false, 0xFF), 500); // ydieresis
        assert_eq!(text_width(false, b""), 0);
    }
}
