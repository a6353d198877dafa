//! Every legal reference Stratégie shows (in the engine's French sentences and in the web
//! step's) has its plain-French line in `strategy::cited::CITED`, and every line is used.

use std::path::Path;

use relance_engine::strategy::cited::{CITED, CITED_JUDGMENT, CITED_PUBLIC};

/// The codes as Stratégie writes them, before an article number.
const CODES: [&str; 10] = [
    "CPCE ",
    "C. mon. fin. ",
    "CPC ",
    "C. com. ",
    "C. civ. ",
    "CJA ",
    "CRPA ",
    "CGCT ",
    "C. commande publique ",
    "loi n° ",
];

/// `(code, article)` of every reference in the non-comment lines of the `.rs` files in `dir`.
fn references(dir: &Path, out: &mut Vec<(String, String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("cited.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Test modules cite nothing the user reads.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for code in CODES {
                for (at, _) in line.match_indices(code) {
                    if code == "CPC " && line[..at].ends_with('E') {
                        continue;
                    }
                    let article: String = line[at + code.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if article.chars().any(|c| c.is_ascii_digit()) {
                        out.push((code.to_owned(), article, path.display().to_string()));
                    }
                }
            }
        }
    }
}

/// Whether `cited` names `article`, directly or in a range (`L126-1 à L126-4` holds `L126-2`).
fn names(cited: &str, article: &str) -> bool {
    if cited.contains(article) {
        return true;
    }
    let Some((base, n)) = article.rsplit_once('-') else {
        return false;
    };
    let words: Vec<&str> = cited.split([' ', ',', ';']).collect();
    words.windows(3).any(|w| {
        let (from, to) = match (w[0].rsplit_once('-'), w[2].rsplit_once('-')) {
            (Some(a), Some(b)) if w[1] == "à" => (a, b),
            _ => return false,
        };
        let number = |s: &str| s.parse::<u32>().ok();
        from.0 == base
            && to.0 == base
            && matches!((number(from.1), number(n), number(to.1)), (Some(a), Some(x), Some(b)) if a <= x && x <= b)
    })
}

#[test]
fn every_reference_shown_is_explained() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    references(&root.join("src/strategy"), &mut found);
    references(&root.join("../../src/components/strategy"), &mut found);
    assert!(found.len() > 15, "{found:?}");
    for (code, article, file) in &found {
        let explained = CITED
            .iter()
            .chain(CITED_PUBLIC)
            .chain(CITED_JUDGMENT)
            .any(|(cited, _)| {
                cited.starts_with(code.as_str()) && names(&cited[code.len()..], article)
            });
        assert!(explained, "{code}{article} ({file}) has no line in CITED");
    }
    for (cited, text) in CITED.iter().chain(CITED_PUBLIC).chain(CITED_JUDGMENT) {
        assert!(
            found.iter().any(|(code, article, _)| cited.starts_with(code.as_str())
                && names(cited, article)),
            "{cited} is explained but never cited"
        );
        assert!(text.ends_with('.') && text.len() < 320, "{cited}: {text}");
    }
}
