//! What the court documents share: each party described as a court needs it (CPC 54, 57), and
//! the bordereau's rows.

use relance_engine::dossier::{Civility, CreditorKind, DebtorKind, PartyDetails, PieceKind};
use relance_engine::fr;
use relance_engine::procedure::{bordereau, Listed, Source};

use super::context::Ctx;
use crate::model::{col, Align, Block, Table};
use crate::user_text::{address_lines, clean, siren_line};

impl Ctx<'_> {
    /// « Atelier Numérique, SARL au capital de 10 000,00 €, immatriculée au registre du commerce
    /// et des sociétés de Lyon sous le numéro 732 829 320, dont le siège social est 12 rue des
    /// Lilas, 69003 Lyon, représentée par Claire Durand, gérante » (CPC 54 3° b);
    /// « Julien Morel, plombier, né le … » (54 3° a) for a person.
    pub(crate) fn creditor_description(&self) -> String {
        let id = &self.dossier.creditor.identity;
        let details = &self.dossier.court.creditor;
        match self.dossier.creditor.kind {
            CreditorKind::Company => company(&self.creditor, &id.siren, &id.address, details),
            CreditorKind::IndividualProfessional | CreditorKind::IndividualPrivate => {
                let mut parts = vec![person_name(&self.creditor, details)];
                push(&mut parts, "", &details.profession);
                let born = details.birth_date.map(fr::long_date).unwrap_or_default();
                let place = clean(&details.birth_place);
                let ne = match details.civility {
                    Some(Civility::Monsieur) => "né",
                    Some(Civility::Madame) => "née",
                    None => "né(e)",
                };
                match (born.is_empty(), place.is_empty()) {
                    (false, false) => parts.push(format!("{ne} le {born} à {place}")),
                    (false, true) => parts.push(format!("{ne} le {born}")),
                    (true, false) => parts.push(format!("{ne} à {place}")),
                    (true, true) => {}
                }
                push(&mut parts, "de nationalité ", &details.nationality);
                push(&mut parts, "demeurant ", &one_line(&id.address));
                if let Some(siren) = siren_line(&id.siren) {
                    parts.push(siren);
                }
                parts.join(", ")
            }
        }
    }

    /// The debtor: a company by its name, form, registration and seat; a person by names and
    /// domicile (CPC 57).
    pub(crate) fn debtor_description(&self) -> String {
        let id = &self.dossier.debtor.identity;
        let details = &self.dossier.court.debtor;
        let person = self.dossier.debtor.kind == DebtorKind::Consumer
            || (details.legal_form.trim().is_empty() && !details.last_name.trim().is_empty());
        if person {
            let mut parts = vec![person_name(&self.debtor, details)];
            push(&mut parts, "demeurant ", &one_line(&id.address));
            if let Some(siren) = siren_line(&id.siren) {
                parts.push(siren);
            }
            parts.join(", ")
        } else {
            company(&self.debtor, &id.siren, &id.address, details)
        }
    }

    /// The bordereau: one row per piece, numbered (CPC 1407; C. com. R622-23).
    pub(crate) fn bordereau_table(&self, listed: &[Listed]) -> Block {
        let rows = listed
            .iter()
            .map(|l| {
                let (title, date) = self.piece(l);
                vec![fr::integer(l.number as i64), title, date]
            })
            .collect();
        Block::Table(Table {
            columns: vec![
                col("N°", Align::Left, 1),
                col("Pièce", Align::Left, 9),
                col("Date", Align::Left, 2),
            ],
            rows,
            total: None,
        })
    }

    /// The décompte annexed to a court document, titled with its number in the bordereau.
    pub(crate) fn court_decompte_annex(&self) -> crate::model::Annex {
        let mut annex = self.decompte_annex();
        if let Some(n) = self.decompte_piece(&self.listed()) {
            annex.title = format!("{} (pièce n° {n})", annex.title);
        }
        annex
    }

    /// The bordereau of this dossier.
    pub(crate) fn listed(&self) -> Vec<Listed> {
        bordereau(self.dossier)
    }

    /// The number of the décompte in the bordereau.
    pub(crate) fn decompte_piece(&self, listed: &[Listed]) -> Option<usize> {
        listed
            .iter()
            .find(|l| l.kind == PieceKind::Decompte)
            .map(|l| l.number)
    }

    /// A piece's title and date as the bordereau writes them.
    fn piece(&self, listed: &Listed) -> (String, String) {
        let d = self.dossier;
        let date =
            |day: Option<chrono::NaiveDate>| day.map(fr::date).unwrap_or_else(|| "—".to_owned());
        match listed.source {
            Source::User(i) => match d.court.pieces.get(i) {
                Some(p) => (clean(&p.title), date(p.date)),
                None => (String::new(), date(None)),
            },
            Source::Invoice(i) => match d.invoices.get(i) {
                Some(inv) => (
                    format!(
                        "Facture n° {} ({} TTC)",
                        clean(&inv.number),
                        fr::amount(inv.amount.get())
                    ),
                    date(inv.issued),
                ),
                None => (String::new(), date(None)),
            },
            Source::CreditNote(i) => match d.credit_notes.get(i) {
                Some(note) => {
                    let on = note
                        .invoice
                        .as_deref()
                        .map(|n| format!(" sur la facture n° {}", clean(n)))
                        .unwrap_or_default();
                    (
                        format!("Avoir de {}{on}", fr::amount(note.amount.get())),
                        date(note.date),
                    )
                }
                None => (String::new(), date(None)),
            },
            Source::FormalNotice(day) => ("Lettre de mise en demeure".to_owned(), date(Some(day))),
            Source::Decompte => (
                format!(
                    "Décompte des sommes dues au {} (annexe)",
                    fr::date(self.c.as_of)
                ),
                date(Some(self.date)),
            ),
        }
    }
}

/// A company as a court names it: name, form and capital, register, seat, representative.
fn company(name: &str, siren: &str, address: &str, details: &PartyDetails) -> String {
    let mut first = name.to_owned();
    let form = clean(&details.legal_form);
    if !form.is_empty() {
        first.push_str(&format!(", {form}"));
        if let Some(capital) = details.share_capital {
            first.push_str(&format!(" au capital de {}", fr::amount(capital.get())));
        }
    }
    let mut parts = vec![first];
    let digits: String = siren.chars().filter(char::is_ascii_digit).collect();
    let number = siren_line(siren).map(|s| s.replace("SIREN ", ""));
    let city = clean(&details.rcs_city);
    match (number, city.is_empty()) {
        (Some(n), false) if digits.len() == 9 => parts.push(format!(
            "immatriculée au registre du commerce et des sociétés de {city} sous le numéro {n}"
        )),
        (Some(_), _) => parts.extend(siren_line(siren)),
        (None, _) => {}
    }
    let seat = one_line(if details.registered_office.trim().is_empty() {
        address
    } else {
        &details.registered_office
    });
    push(&mut parts, "dont le siège social est ", &seat);
    let representative = clean(&details.representative);
    if !representative.is_empty() {
        let capacity = clean(&details.representative_capacity);
        parts.push(if capacity.is_empty() {
            format!("représentée par {representative}")
        } else {
            format!("représentée par {representative}, {capacity}")
        });
    }
    parts.join(", ")
}

/// « M. Julien Morel », from the civility and names when given, else the name on file.
fn person_name(name: &str, details: &PartyDetails) -> String {
    let civility = details.civility.map(Civility::code).unwrap_or_default();
    let names = [
        civility.to_owned(),
        clean(&details.first_name),
        clean(&details.last_name),
    ];
    let given: Vec<&str> = names
        .iter()
        .skip(1)
        .filter(|n| !n.is_empty())
        .map(String::as_str)
        .collect();
    if given.is_empty() {
        return name.to_owned();
    }
    names
        .iter()
        .map(String::as_str)
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An address on one line: « 12 rue des Lilas, 69003 Lyon ».
fn one_line(address: &str) -> String {
    address_lines(address).join(", ")
}

/// Adds `prefix` + `value` when `value` is not blank.
fn push(parts: &mut Vec<String>, prefix: &str, value: &str) {
    let value = clean(value);
    if !value.is_empty() {
        parts.push(format!("{prefix}{value}"));
    }
}

/// The pieces the claim rests on (contract, quote, order), in the bordereau's order.
pub(crate) fn grounds(listed: &[Listed]) -> impl Iterator<Item = &Listed> {
    listed.iter().filter(|l| {
        matches!(
            l.kind,
            PieceKind::Contract | PieceKind::Quote | PieceKind::Order
        )
    })
}
