//! Official pages behind the rate sources, where `shared/reference/legal-reference.md` names one.
//! A source with no page there has no link: an address is never guessed.

/// (start of the source's wording, official address).
const LINKS: [(&str, &str); 3] = [
    // legal-reference.md §3.1: Banque de France "Key ECB interest rates" [SRC].
    (
        "Banque de France, taux directeurs de la BCE",
        "https://www.banque-france.fr/en/policy-rates",
    ),
    // legal-reference.md §3.1: Banka Slovenije, ECB interest rates [SRC].
    (
        "Banka Slovenije",
        "https://www.bsi.si/en/ecb-interest-rates",
    ),
    // legal-reference.md §2 (2023 S1): JORFARTI000046829012 [SRC].
    (
        "Arrêté du 26 décembre 2022",
        "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000046829012",
    ),
];

/// The official page of a rate source, if one is known.
pub fn source_link(source: &str) -> Option<&'static str> {
    LINKS
        .iter()
        .find(|(start, _)| source.starts_with(start))
        .map(|(_, link)| *link)
}

/// Every address this module knows, for the test that finds each in the legal reference.
pub fn all_links() -> impl Iterator<Item = &'static str> {
    LINKS.iter().map(|(_, link)| *link).chain([L441_10])
}

/// C. com. L441-10 on Légifrance (legal-reference.md §1.1: LEGIARTI000038414392).
pub const L441_10: &str = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038414392";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banque_de_france_rows_link_to_its_page() {
        assert_eq!(
            source_link("Banque de France, taux directeurs de la BCE"),
            Some("https://www.banque-france.fr/en/policy-rates")
        );
    }

    #[test]
    fn unknown_sources_have_no_link() {
        assert_eq!(
            source_link("Direction générale du Trésor, taux de l'intérêt légal"),
            None
        );
        assert_eq!(source_link(""), None);
    }

    #[test]
    fn every_link_is_https() {
        for link in all_links() {
            assert!(link.starts_with("https://"), "{link}");
        }
    }
}
