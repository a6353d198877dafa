//! What a letter cannot be sent without: every blank in a letter is read by the debtor's
//! lawyer. The web app lists these next to their fields and keeps the files back; the CLI
//! refuses them (exit 2) unless asked for a draft.

use crate::compute::Computation;
use crate::dossier::Dossier;
use crate::law::prescription::Status;

/// One blank: where it is typed (its dossier path, also the web field's id `f-…`) and what it
/// is, in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blank {
    pub path: String,
    pub what: String,
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
    .map(|(_, path, what)| Blank {
        path: path.to_owned(),
        what: what.to_owned(),
    })
    .collect()
}

/// [`missing`], and the choice a letter needs when an invoice still owed seems prescribed on
/// the computation's date (C. com. L110-4, C. conso. L218-2): claiming it exposes the sender
/// to a fin de non-recevoir, so it stays in the letter only if the user says so
/// (`letter.keep_prescribed`), or leaves the dossier.
pub fn before_letter(dossier: &Dossier, c: &Computation) -> Vec<Blank> {
    let mut blanks = missing(dossier);
    let prescribed: Vec<String> = c
        .invoices
        .iter()
        .filter(|i| {
            i.prescription
                .is_some_and(|t| t.status(c.as_of) == Status::Prescribed)
        })
        .map(|i| i.number.trim().to_owned())
        .collect();
    let several = prescribed.len() > 1;
    if !prescribed.is_empty() && !dossier.letter.keep_prescribed {
        blanks.push(Blank {
            path: "letter.keep_prescribed".to_owned(),
            what: format!(
                "votre choix pour {} n° {}, {} du dossier, ou {} dans la lettre",
                if several {
                    "les factures"
                } else {
                    "la facture"
                },
                crate::fr::join_and(&prescribed),
                if several {
                    "qui semblent prescrites : les retirer"
                } else {
                    "qui semble prescrite : la retirer"
                },
                if several {
                    "les maintenir"
                } else {
                    "la maintenir"
                },
            ),
        });
    }
    blanks
}

/// « À renseigner avant de produire la lettre : l'adresse de … et le nom du signataire. »
pub fn message(blanks: &[Blank]) -> String {
    let items: Vec<String> = blanks.iter().map(|b| b.what.clone()).collect();
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
                path: "letter.signatory".to_owned(),
                what: "le nom du signataire".to_owned()
            }]
        );
        d.letter.signatory = "Claire Durand".into();
        assert!(missing(&d).is_empty());
        d.creditor.identity.address = " ".into();
        d.debtor.identity.address = String::new();
        d.debtor.identity.name = "\t".into();
        let paths: Vec<String> = missing(&d).into_iter().map(|b| b.path).collect();
        assert_eq!(paths, ["creditor.address", "debtor.name", "debtor.address"]);
        assert_eq!(
            message(&missing(&d)),
            "À renseigner avant de produire la lettre : l'adresse de l'expéditeur (créancier), le nom du destinataire (débiteur) et l'adresse du destinataire (débiteur)."
        );
        d.creditor.identity.name = String::new();
        assert_eq!(missing(&d)[0].path, "creditor.name");
    }

    /// The seed's invoice of 4 March 2022 can be sued on until 4 March 2027: the day after, a
    /// letter needs the user's choice, then nothing more.
    #[test]
    fn a_prescribed_invoice_needs_a_choice() {
        let mut d = crate::parse::dossier(crate::SEED_DOSSIER).unwrap();
        d.letter.signatory = "Claire Durand".into();
        let on = |d: &Dossier, y, m, day| {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
            before_letter(d, &crate::compute(d, date, &crate::RateTables::builtin()))
        };
        assert!(on(&d, 2027, 3, 4).is_empty());
        let blanks = on(&d, 2027, 3, 5);
        assert_eq!(blanks.len(), 1);
        assert_eq!(blanks[0].path, "letter.keep_prescribed");
        assert_eq!(
            blanks[0].what,
            "votre choix pour la facture n° F-2022-031, qui semble prescrite : la retirer du dossier, ou la maintenir dans la lettre"
        );
        d.letter.keep_prescribed = true;
        assert!(on(&d, 2027, 3, 5).is_empty());
        // Two prescribed invoices are named together.
        d.letter.keep_prescribed = false;
        let mut second = d.invoices[0].clone();
        second.number = "F-2022-032".into();
        d.invoices.push(second);
        assert_eq!(
            on(&d, 2027, 3, 5)[0].what,
            "votre choix pour les factures n° F-2022-031 et F-2022-032, qui semblent prescrites : les retirer du dossier, ou les maintenir dans la lettre"
        );
    }
}
