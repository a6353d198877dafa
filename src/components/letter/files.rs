//! The letter's files: their MIME types and names.

use chrono::NaiveDate;
use relance_letter::LetterKind;

pub const PDF_MIME: &str = "application/pdf";
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A file-name slug: lowercase ASCII, accents removed, other characters → `-`, at most 40
/// characters, `debiteur` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().map(relance_engine::fr::lower) {
        let ascii: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(ascii);
    }
    let mut collapsed = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push('-');
        }
        collapsed.push_str(part);
    }
    collapsed.truncate(40);
    let trimmed = collapsed.trim_end_matches('-');
    if trimmed.is_empty() {
        "debiteur".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `mise-en-demeure-boulangeries-martin-sas-2026-11-22` (without the extension); for a public
/// buyer, whose letter is a request for payment, `demande-de-paiement-…`.
pub fn file_stem(kind: LetterKind, public: bool, debtor: &str, date: NaiveDate) -> String {
    let what = if public {
        "demande-de-paiement"
    } else {
        kind.code()
    };
    format!("{what}-{}-{date}", slug(debtor))
}
