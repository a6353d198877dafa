//! What a letter cannot be sent without: every blank in a letter is read by the debtor's
//! lawyer. The web app lists these next to their fields and keeps the files back; the CLI
//! refuses them (exit 2) unless asked for a draft.

use crate::dossier::Dossier;

/// One blank: where it is typed (its dossier path, also the web field's id `f-…`) and what it
/// is, in French.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blank {
    pub path: &'static str,
    pub what: &'static str,
}

/// The blanks of `dossier` for a letter, in the order of the letter's page.
pub fn missing(dossier: &Dossier) -> Vec<Blank> {
    let c = &dossier.creditor.identity;
    let d = &dossier.debtor.identity;
    [
        (
            &c.name,
            "creditor.name",
            "le nom de l'expéditeur (créancier)",
        ),
        (
            &c.address,
            "creditor.address",
            "l'adresse de l'expéditeur (créancier)",
        ),
        (&d.name, "debtor.name", "le nom du destinataire (débiteur)"),
        (
            &d.address,
            "debtor.address",
            "l'adresse du destinataire (débiteur)",
        ),
        (
            &dossier.letter.signatory,
            "letter.signatory",
            "le nom du signataire",
        ),
    ]
    .into_iter()
    .filter(|(value, _, _)| value.trim().is_empty())
    .map(|(_, path, what)| Blank { path, what })
    .collect()
}

/// « À renseigner avant de produire la lettre : l'adresse de … et le nom du signataire. »
pub fn message(blanks: &[Blank]) -> String {
    let items: Vec<String> = blanks.iter().map(|b| b.what.to_owned()).collect();
    format!(
        "À renseigner avant de produire la lettre : {}.",
        crate::fr::join_and(&items)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_blank_is_named_by_its_path() {
        let mut d = crate::parse::dossier(crate::SEED_DOSSIER).unwrap();
        assert_eq!(
            missing(&d),
            [Blank {
                path: "letter.signatory",
                what: "le nom du signataire"
            }]
        );
        d.letter.signatory = "Claire Durand".into();
        assert!(missing(&d).is_empty());
        d.creditor.identity.address = " ".into();
        d.debtor.identity.address = String::new();
        d.debtor.identity.name = "\t".into();
        let paths: Vec<&str> = missing(&d).iter().map(|b| b.path).collect();
        assert_eq!(paths, ["creditor.address", "debtor.name", "debtor.address"]);
        assert_eq!(
            message(&missing(&d)),
            "À renseigner avant de produire la lettre : l'adresse de l'expéditeur (créancier), le nom du destinataire (débiteur) et l'adresse du destinataire (débiteur)."
        );
        d.creditor.identity.name = String::new();
        assert_eq!(missing(&d)[0].path, "creditor.name");
    }
}
