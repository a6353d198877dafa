//! The FEC — fichier des écritures comptables (LPF A47 A-1), the export every French accounting
//! package writes: a header line, then one line per accounting entry, 18 columns separated by a
//! tab or `|`, dates `AAAAMMJJ`, amounts with a decimal comma.
//!
//! What is read: the lines of customer accounts (`CompteNum` 411…), one customer per
//! `CompAuxNum` (else per `CompteNum`), named by `CompAuxLib` (else `CompteLib`). A debit is an
//! invoice (`PieceRef`, `PieceDate`); a credit is a payment dated `EcritureDate`. Entries that
//! share a lettering code (`EcritureLet`) are an invoice and the payments that settled it, so
//! each such payment names its invoice (C. civ. 1342-10: the debtor's choice) and an invoice paid
//! late still owes its penalties; a credit without lettering is left to the imputation rules.
//! The due date is the invoice date plus the payment terms given (30 days by default, C. com.
//! L441-10 I), « supposée ». Nothing here panics, whatever the text.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use relance_engine::calendar::add_days;
use relance_engine::dossier::{Dossier, Identity, Invoice, Payment};
use relance_engine::money::{parse_amount, Eur};
use relance_engine::parse::{MAX_INVOICES, MAX_PAYMENTS};

/// The payment terms assumed when none are given: C. com. L441-10 I.
pub const DEFAULT_TERMS_DAYS: u32 = 30;

/// Largest FEC read (200 Mio: a large company's year is a few hundred thousand lines).
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

/// The columns read, by their names in the header (LPF A47 A-1).
const COLUMNS: [&str; 10] = [
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "Debit",
    "Credit",
];
/// Optional: without it, no payment names its invoice.
const LETTERING: &str = "EcritureLet";

/// One customer's entries, in file order.
#[derive(Default)]
struct Customer {
    name: String,
    /// (number, date, amount, lettering code).
    invoices: Vec<(String, NaiveDate, Eur, String)>,
    /// (date, amount, lettering code).
    payments: Vec<(NaiveDate, Eur, String)>,
}

/// Whether `text` looks like an FEC: its first line names the FEC columns.
pub fn looks_like_fec(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default();
    first.contains("CompteNum") && first.contains("EcritureDate")
}

/// Reads an FEC: one dossier per customer account with at least one invoice, in the order of
/// the accounts; `terms_days` gives each invoice's due date. Every problem found is returned,
/// each a French sentence naming its line.
pub fn read(text: &str, terms_days: u32) -> Result<Vec<Dossier>, Vec<String>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![format!(
            "fichier trop volumineux ({} Mo ; {} Mo au plus)",
            text.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )]);
    }
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(vec!["fichier vide : aucune ligne d'en-tête".to_owned()]);
    };
    let separator = if header.contains('\t') {
        '\t'
    } else if header.contains('|') {
        '|'
    } else {
        return Err(vec![
            "en-tête illisible : les colonnes d'un FEC sont séparées par une tabulation ou « | »"
                .to_owned(),
        ]);
    };
    let names: Vec<&str> = header.split(separator).map(str::trim).collect();
    let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let mut errors = Vec::new();
    let mut at = [0usize; 10];
    for (slot, name) in at.iter_mut().zip(COLUMNS) {
        match find(name) {
            Some(i) => *slot = i,
            None => errors.push(format!("colonne « {name} » absente de l'en-tête")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let lettering = find(LETTERING);
    let [num, entry_date, account, account_name, aux, aux_name, piece, piece_date, debit, credit] =
        at;

    let mut customers: BTreeMap<String, (usize, Customer)> = BTreeMap::new();
    for (index, line) in lines {
        let n = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(separator).collect();
        let field = |i: usize| fields.get(i).map_or("", |f| f.trim());
        if !field(account).starts_with("411") {
            continue;
        }
        if fields.len() < names.len() {
            errors.push(format!(
                "ligne {n} : {} colonnes au lieu de {}",
                fields.len(),
                names.len()
            ));
            continue;
        }
        let key = match field(aux) {
            "" => field(account).to_owned(),
            k => k.to_owned(),
        };
        let name = match field(aux_name) {
            "" => field(account_name),
            k => k,
        };
        let mut amount = |column: usize, label: &str| match field(column) {
            "" => Some(Eur::ZERO),
            raw => match parse_amount(raw) {
                Ok(a) => Some(a),
                Err(_) => {
                    errors.push(format!("ligne {n} : montant illisible « {raw} » ({label})"));
                    None
                }
            },
        };
        let (Some(debit), Some(credit)) = (amount(debit, "Debit"), amount(credit, "Credit")) else {
            continue;
        };
        let letter = lettering.map_or("", field).to_owned();
        let order = customers.len();
        let customer = &mut customers
            .entry(key)
            .or_insert_with(|| (order, Customer::default()))
            .1;
        if customer.name.is_empty() {
            name.clone_into(&mut customer.name);
        }
        if !debit.get().is_zero() {
            let date = match date(field(piece_date)).or_else(|| date(field(entry_date))) {
                Some(d) => d,
                None => {
                    let raw = field(piece_date);
                    errors.push(format!(
                        "ligne {n} : date de pièce illisible ou hors des années 1900 à 2199 « {raw} »"
                    ));
                    continue;
                }
            };
            let number = match (field(piece), field(num)) {
                ("", "") => format!("ligne {n}"),
                ("", entry) => entry.to_owned(),
                (piece, _) => piece.to_owned(),
            };
            customer
                .invoices
                .push((number, date, debit, letter.clone()));
        }
        if !credit.get().is_zero() {
            let Some(date) = date(field(entry_date)) else {
                let raw = field(entry_date);
                errors.push(format!(
                    "ligne {n} : date d'écriture illisible ou hors des années 1900 à 2199 « {raw} »"
                ));
                continue;
            };
            customer.payments.push((date, credit, letter));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ordered: Vec<(usize, String, Customer)> =
        customers.into_iter().map(|(k, (o, c))| (o, k, c)).collect();
    ordered.sort_by_key(|(o, _, _)| *o);
    let mut dossiers = Vec::new();
    for (_, key, customer) in ordered {
        if customer.invoices.is_empty() {
            continue;
        }
        match dossier(&key, customer, terms_days) {
            Ok(d) => dossiers.push(d),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(dossiers)
    } else {
        Err(errors)
    }
}

/// A date as an FEC writes it (`20240131`), or as people do (ISO, `31/01/2024`), within the
/// years a dossier accepts.
fn date(raw: &str) -> Option<NaiveDate> {
    let digits = raw.len() == 8 && raw.bytes().all(|b| b.is_ascii_digit());
    match (digits, raw.get(..4), raw.get(4..6), raw.get(6..)) {
        (true, Some(y), Some(m), Some(d)) => {
            relance_engine::parse::date(&format!("{y}-{m}-{d}")).ok()
        }
        _ => relance_engine::parse::date(raw).ok(),
    }
}

/// Whether a dossier file can hold `date` (`parse::date`'s years).
fn date_in_range(date: NaiveDate) -> bool {
    relance_engine::parse::date(&date.to_string()).is_ok()
}

/// One customer's dossier: its invoices (one per piece and date, numbers made unique), its
/// payments, each naming the invoice it is lettered with when that is one invoice.
fn dossier(key: &str, customer: Customer, terms_days: u32) -> Result<Dossier, String> {
    let who = if customer.name.is_empty() {
        key.to_owned()
    } else {
        format!("{} ({key})", customer.name)
    };
    // Several lines of one piece on one day are one invoice (in linear time: a customer may
    // have many thousand lines).
    let mut invoices: Vec<(String, NaiveDate, Eur, String)> = Vec::new();
    let mut seen: HashMap<(String, NaiveDate, String), usize> = HashMap::new();
    for (number, date, amount, letter) in customer.invoices {
        let key = (number.clone(), date, letter.clone());
        match seen.get(&key).and_then(|&i| invoices.get_mut(i)) {
            Some(same) => {
                let sum = Eur::new(same.2.get() + amount.get()).unwrap_or(same.2);
                same.2 = sum;
            }
            None => {
                seen.insert(key, invoices.len());
                invoices.push((number, date, amount, letter));
            }
        }
    }
    if invoices.len() > MAX_INVOICES {
        return Err(format!(
            "client {who} : plus de {MAX_INVOICES} factures, la limite d'un dossier"
        ));
    }
    if customer.payments.len() > MAX_PAYMENTS {
        return Err(format!(
            "client {who} : plus de {MAX_PAYMENTS} paiements, la limite d'un dossier"
        ));
    }
    // A number already used gets the next free « (2) », « (3) »…: a dossier's are unique.
    let mut numbers: Vec<String> = Vec::with_capacity(invoices.len());
    let mut taken: HashSet<String> = HashSet::new();
    for (number, ..) in &invoices {
        let mut unique = number.clone();
        let mut k = 2;
        while taken.contains(&unique) {
            unique = format!("{number} ({k})");
            k += 1;
        }
        taken.insert(unique.clone());
        numbers.push(unique);
    }
    // The invoice of each lettering code, when it is one invoice.
    let mut by_letter: HashMap<&str, Option<&String>> = HashMap::new();
    for ((.., letter), number) in invoices.iter().zip(&numbers) {
        if !letter.is_empty() {
            by_letter
                .entry(letter.as_str())
                .and_modify(|one| *one = None)
                .or_insert(Some(number));
        }
    }
    let lettered = |letter: &str| by_letter.get(letter).copied().flatten().cloned();
    let payments = customer
        .payments
        .iter()
        .map(|(date, amount, letter)| Payment {
            date: *date,
            amount: *amount,
            invoice: lettered(letter),
        })
        .collect();
    let due_assumed = terms_days == DEFAULT_TERMS_DAYS;
    let mut due_invoices = Vec::with_capacity(invoices.len());
    for ((_, date, amount, _), number) in invoices.iter().zip(numbers) {
        let Some(due) = add_days(*date, u64::from(terms_days)).filter(|d| date_in_range(*d)) else {
            return Err(format!(
                "client {who}, facture {number} : échéance après 2199, hors des dates qu'un dossier accepte"
            ));
        };
        due_invoices.push(Invoice {
            number,
            issued: Some(*date),
            due,
            due_assumed,
            amount: *amount,
            delivered: None,
        });
    }
    let invoices = due_invoices;
    // The customers of a company's books: professionals, as far as the FEC tells.
    let name = if customer.name.is_empty() {
        key.to_owned()
    } else {
        customer.name
    };
    let debtor = Identity {
        name,
        ..Identity::default()
    };
    Ok(crate::imported::dossier(
        Identity::default(),
        debtor,
        invoices,
        payments,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

    /// A line of account `a`, customer `c` named `n`, piece `p` on date `d`, debit, credit,
    /// lettering.
    fn line([a, c, n, p, d, debit, credit, letter]: [&str; 8]) -> String {
        format!("VT\tVentes\t1\t{d}\t{a}\tClients\t{c}\t{n}\t{p}\t{d}\tlib\t{debit}\t{credit}\t{letter}\t\t{d}\t\t")
    }

    #[test]
    fn dates_as_an_fec_and_as_people_write_them() {
        assert_eq!(date("20240131"), NaiveDate::from_ymd_opt(2024, 1, 31));
        assert_eq!(date("2024-01-31"), NaiveDate::from_ymd_opt(2024, 1, 31));
        assert_eq!(date("20240231"), None);
        assert_eq!(date("2024013"), None);
    }

    #[test]
    fn lettering_names_the_invoice_and_numbers_stay_unique() {
        let text = [
            HEADER.to_owned(),
            line([
                "411000", "C1", "Dupont", "F-1", "20240110", "1200,00", "", "AA",
            ]),
            line([
                "411000", "C1", "Dupont", "F-1", "20240210", "300,00", "", "",
            ]),
            line([
                "512000", "", "Banque", "R-1", "20240320", "1200,00", "", "AA",
            ]),
            line([
                "411000", "C1", "Dupont", "R-1", "20240320", "", "1200,00", "AA",
            ]),
            line([
                "411000", "C1", "Dupont", "R-2", "20240401", "", "100,00", "",
            ]),
            line(["411000", "C2", "Martin", "R-3", "20240401", "", "50,00", ""]),
        ]
        .join("\n");
        let Ok(dossiers) = read(&text, 30) else {
            panic!("read")
        };
        assert_eq!(dossiers.len(), 1, "Martin has no invoice");
        let d = &dossiers[0];
        assert_eq!(d.debtor.identity.name, "Dupont");
        let numbers: Vec<&str> = d.invoices.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["F-1", "F-1 (2)"]);
        assert_eq!(
            d.invoices[0].due,
            NaiveDate::from_ymd_opt(2024, 2, 9).unwrap()
        );
        assert!(d.invoices[0].due_assumed);
        let named: Vec<Option<&str>> = d.payments.iter().map(|p| p.invoice.as_deref()).collect();
        assert_eq!(named, [Some("F-1"), None]);
    }

    /// Found by the fuzzer: a date beyond 2199 is refused here, not written into a dossier
    /// its reader would refuse; so is an invoice falling due after 2199.
    #[test]
    fn dates_stay_within_the_years_a_dossier_accepts() {
        let far = [
            HEADER.to_owned(),
            line([
                "411000", "C1", "Dupont", "F-1", "40501202", "480,00", "", "",
            ]),
        ];
        assert_eq!(
            read(&far.join("\n"), 30).err().unwrap_or_default(),
            ["ligne 2 : date de pièce illisible ou hors des années 1900 à 2199 « 40501202 »"]
        );
        let late = [
            HEADER.to_owned(),
            line([
                "411000", "C1", "Dupont", "F-1", "21991215", "480,00", "", "",
            ]),
        ];
        assert_eq!(
            read(&late.join("\n"), 30).err().unwrap_or_default(),
            ["client Dupont (C1), facture F-1 : échéance après 2199, hors des dates qu'un dossier accepte"]
        );
    }

    #[test]
    fn mistakes_are_named_by_line() {
        let text = [
            HEADER.to_owned(),
            line([
                "411000", "C1", "Dupont", "F-1", "20241301", "1200,00", "", "",
            ]),
            line(["411000", "C1", "Dupont", "F-2", "20240110", "douze", "", ""]),
        ]
        .join("\n");
        assert_eq!(
            read(&text, 30).err().unwrap_or_default(),
            [
                "ligne 2 : date de pièce illisible ou hors des années 1900 à 2199 « 20241301 »",
                "ligne 3 : montant illisible « douze » (Debit)"
            ]
        );
        assert_eq!(
            read("JournalCode;CompteNum", 30)
                .err()
                .unwrap_or_default()
                .len(),
            1
        );
        let no_credit = HEADER.replace("\tCredit", "\tCrédit");
        assert_eq!(
            read(&no_credit, 30).err().unwrap_or_default(),
            ["colonne « Credit » absente de l'en-tête"]
        );
    }
}
