//! Electronic invoices (EN 16931) in their two XML syntaxes: UBL 2.1 (`Invoice`, `CreditNote`)
//! and UN/CEFACT CII (`CrossIndustryInvoice`, the XML inside a Factur-X PDF). Each gives one
//! [`EInvoice`]; [`dossiers`] groups them by seller and buyer, one dossier per pair.
//!
//! Read, by business term: number (BT-1), issue date (BT-2), type (BT-3: 380, 384, 386 an
//! invoice, 381 a credit note), currency (BT-5, euros only), due date (BT-9, else the payment
//! terms text BT-20 when it says « N jours », else the terms given, « supposée »), preceding
//! invoice of a credit note (BT-25), seller and buyer names (BT-27, BT-44), SIREN (BT-30,
//! BT-47), addresses, delivery date (BT-72: prescription runs from it), the amount due
//! (BT-115, else the total with VAT BT-112) and the late-penalty note (BT-22 whose subject code
//! BT-21 is `PMD`; in UBL, a note starting `#PMD#`), said beside the invoice.

use std::collections::HashSet;

use chrono::NaiveDate;
use relance_engine::calendar::add_days;
use relance_engine::dossier::{CreditNote, Dossier, Identity, Invoice};
use relance_engine::money::{parse_amount, Eur};
use roxmltree::{Document, Node};

use crate::imported::{date, date_in_range, unique_number};

/// Largest XML invoice read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A party as an invoice names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub siren: String,
    pub address: String,
}

/// One electronic invoice or credit note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EInvoice {
    pub number: String,
    pub issued: NaiveDate,
    pub credit_note: bool,
    /// BT-9, or the days of BT-20 after the issue date; `None`: the terms given apply.
    pub due: Option<NaiveDate>,
    /// BT-25: the invoice a credit note corrects.
    pub corrects: Option<String>,
    pub delivered: Option<NaiveDate>,
    pub amount: Eur,
    pub seller: Party,
    pub buyer: Party,
    /// The late-penalty note (BT-22 with subject code `PMD`, C. com. L441-9): what the invoice
    /// says of its penalties, at most [`MAX_NOTE_CHARS`] characters.
    pub penalty_note: Option<String>,
}

/// Longest penalty note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// Whether `text` is an XML document (after a byte-order mark and blanks).
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Reads one UBL or CII document; `Err` is a French sentence (the caller names the file).
pub fn read(text: &str) -> Result<EInvoice, String> {
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "fichier trop volumineux ({} Mo ; {} Mo au plus)",
            text.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let text = text.trim_start_matches('\u{feff}');
    let doc = Document::parse(text).map_err(|e| format!("XML illisible ({e})"))?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "Invoice" | "CreditNote" => ubl(root),
        "CrossIndustryInvoice" => cii(root),
        other => Err(format!(
            "ce n'est pas une facture électronique (UBL ou CII) : élément racine « {other} »"
        )),
    }
}

/// The first child of `node` named `name` (namespaces aside).
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// The node at `path` below `node`, each step the first child of that name.
fn at<'a, 'i>(node: Node<'a, 'i>, path: &[&str]) -> Option<Node<'a, 'i>> {
    path.iter().try_fold(node, |n, name| child(n, name))
}

/// The trimmed text at `path`, empty when absent.
fn text_at(node: Node, path: &[&str]) -> String {
    at(node, path)
        .and_then(|n| n.text())
        .map(|t| t.trim().to_owned())
        .unwrap_or_default()
}

/// The nine digits of a SIREN in a legal registration identifier (a SIRET starts with it),
/// when its check digit holds.
fn siren(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    digits
        .get(..9)
        .and_then(|s| relance_engine::parse::siren(s).ok())
        .unwrap_or_default()
}

/// « 30 jours », « paiement à 45 jours » in a payment terms text: the number of days.
fn days_in(terms: &str) -> Option<u64> {
    let lower = terms.to_lowercase();
    let at = lower.find("jour")?;
    let before = lower.get(..at)?.trim_end();
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok().filter(|d| (1..=365).contains(d))
}

/// What both syntaxes share once read.
struct Fields {
    number: String,
    issued: String,
    type_code: String,
    currency: String,
    due: String,
    terms: String,
    corrects: String,
    delivered: String,
    payable: String,
    total: String,
    seller: Party,
    buyer: Party,
    penalty_note: String,
}

fn finish(f: Fields) -> Result<EInvoice, String> {
    if f.number.is_empty() {
        return Err("numéro de facture absent (BT-1)".to_owned());
    }
    let issued = date(&f.issued).ok_or_else(|| {
        format!(
            "facture {} : date d'émission absente ou illisible « {} » (BT-2)",
            f.number, f.issued
        )
    })?;
    let credit_note = match f.type_code.as_str() {
        "381" => true,
        "380" | "384" | "386" | "" => false,
        other => {
            return Err(format!(
                "facture {} : type de document {other} non pris en charge (380, 384, 386 ou 381)",
                f.number
            ))
        }
    };
    if !f.currency.is_empty() && f.currency != "EUR" {
        return Err(format!(
            "facture {} : en {} ; Relance ne calcule qu'en euros",
            f.number, f.currency
        ));
    }
    let amount_raw = if f.payable.is_empty() {
        &f.total
    } else {
        &f.payable
    };
    let amount = parse_amount(amount_raw).map_err(|_| {
        format!(
            "facture {} : montant dû absent ou illisible « {amount_raw} » (BT-115, BT-112)",
            f.number
        )
    })?;
    // Found by the fuzzer: nothing due is nothing to recover (and no dossier row).
    if amount.get().is_zero() {
        return Err(format!(
            "facture {} : montant dû nul (BT-115) : rien à recouvrer",
            f.number
        ));
    }
    let due = date(&f.due).or_else(|| days_in(&f.terms).and_then(|d| add_days(issued, d)));
    Ok(EInvoice {
        number: f.number,
        issued,
        credit_note,
        due,
        corrects: (!f.corrects.is_empty()).then_some(f.corrects),
        delivered: date(&f.delivered),
        amount,
        seller: f.seller,
        buyer: f.buyer,
        penalty_note: note(&f.penalty_note),
    })
}

/// A note's text on one line, cut at [`MAX_NOTE_CHARS`]; `None` when empty.
fn note(raw: &str) -> Option<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = text.chars().take(MAX_NOTE_CHARS).collect();
    match (cut.is_empty(), cut.len() < text.len()) {
        (true, _) => None,
        (false, true) => Some(format!("{cut}…")),
        (false, false) => Some(cut),
    }
}

/// UBL has no subject code on a note: by the EN 16931 binding, `#PMD#` opens it.
fn ubl_penalty_note(root: Node) -> String {
    root.children()
        .filter(|c| c.tag_name().name() == "Note")
        .filter_map(|n| n.text())
        .find_map(|t| t.trim().strip_prefix("#PMD#"))
        .map(|t| t.trim_end_matches('#').to_owned())
        .unwrap_or_default()
}

/// CII: the `IncludedNote` of the document whose `SubjectCode` is `PMD`.
fn cii_penalty_note(document: Option<Node>) -> String {
    document
        .into_iter()
        .flat_map(|d| d.children())
        .filter(|c| c.tag_name().name() == "IncludedNote")
        .find(|n| text_at(*n, &["SubjectCode"]) == "PMD")
        .map(|n| text_at(n, &["Content"]))
        .unwrap_or_default()
}

/// A UBL address: street lines, then postcode and city.
fn ubl_address(party: Node) -> String {
    let Some(a) = child(party, "PostalAddress") else {
        return String::new();
    };
    let city = [text_at(a, &["PostalZone"]), text_at(a, &["CityName"])]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [
        text_at(a, &["StreetName"]),
        text_at(a, &["AdditionalStreetName"]),
        city,
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("\n")
}

fn ubl_party(root: Node, role: &str) -> Party {
    let Some(party) = at(root, &[role, "Party"]) else {
        return Party::default();
    };
    let mut name = text_at(party, &["PartyLegalEntity", "RegistrationName"]);
    if name.is_empty() {
        name = text_at(party, &["PartyName", "Name"]);
    }
    Party {
        name,
        siren: siren(&text_at(party, &["PartyLegalEntity", "CompanyID"])),
        address: ubl_address(party),
    }
}

fn ubl(root: Node) -> Result<EInvoice, String> {
    let credit = root.tag_name().name() == "CreditNote";
    let type_code = if credit {
        text_at(root, &["CreditNoteTypeCode"])
    } else {
        text_at(root, &["InvoiceTypeCode"])
    };
    let mut due = text_at(root, &["DueDate"]);
    if due.is_empty() {
        due = text_at(root, &["PaymentMeans", "PaymentDueDate"]);
    }
    finish(Fields {
        number: text_at(root, &["ID"]),
        issued: text_at(root, &["IssueDate"]),
        type_code: if credit && type_code.is_empty() {
            "381".to_owned()
        } else {
            type_code
        },
        currency: text_at(root, &["DocumentCurrencyCode"]),
        due,
        terms: text_at(root, &["PaymentTerms", "Note"]),
        corrects: text_at(
            root,
            &["BillingReference", "InvoiceDocumentReference", "ID"],
        ),
        delivered: text_at(root, &["Delivery", "ActualDeliveryDate"]),
        payable: text_at(root, &["LegalMonetaryTotal", "PayableAmount"]),
        total: text_at(root, &["LegalMonetaryTotal", "TaxInclusiveAmount"]),
        seller: ubl_party(root, "AccountingSupplierParty"),
        buyer: ubl_party(root, "AccountingCustomerParty"),
        penalty_note: ubl_penalty_note(root),
    })
}

fn cii_party(agreement: Option<Node>, role: &str) -> Party {
    let Some(party) = agreement.and_then(|a| child(a, role)) else {
        return Party::default();
    };
    let address = child(party, "PostalTradeAddress")
        .map(|a| {
            let city = [text_at(a, &["PostcodeCode"]), text_at(a, &["CityName"])]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            [text_at(a, &["LineOne"]), text_at(a, &["LineTwo"]), city]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    Party {
        name: text_at(party, &["Name"]),
        siren: siren(&text_at(party, &["SpecifiedLegalOrganization", "ID"])),
        address,
    }
}

fn cii(root: Node) -> Result<EInvoice, String> {
    let document = child(root, "ExchangedDocument");
    let doc = |path: &[&str]| document.map(|d| text_at(d, path)).unwrap_or_default();
    let transaction = child(root, "SupplyChainTradeTransaction");
    let agreement = transaction.and_then(|t| child(t, "ApplicableHeaderTradeAgreement"));
    let settlement = transaction.and_then(|t| child(t, "ApplicableHeaderTradeSettlement"));
    let settle = |path: &[&str]| settlement.map(|s| text_at(s, path)).unwrap_or_default();
    let delivered = transaction
        .map(|t| {
            text_at(
                t,
                &[
                    "ApplicableHeaderTradeDelivery",
                    "ActualDeliverySupplyChainEvent",
                    "OccurrenceDateTime",
                    "DateTimeString",
                ],
            )
        })
        .unwrap_or_default();
    let summation = "SpecifiedTradeSettlementHeaderMonetarySummation";
    finish(Fields {
        number: doc(&["ID"]),
        issued: doc(&["IssueDateTime", "DateTimeString"]),
        type_code: doc(&["TypeCode"]),
        currency: settle(&["InvoiceCurrencyCode"]),
        due: settle(&[
            "SpecifiedTradePaymentTerms",
            "DueDateDateTime",
            "DateTimeString",
        ]),
        terms: settle(&["SpecifiedTradePaymentTerms", "Description"]),
        corrects: settle(&["InvoiceReferencedDocument", "IssuerAssignedID"]),
        delivered,
        payable: settle(&[summation, "DuePayableAmount"]),
        total: settle(&[summation, "GrandTotalAmount"]),
        seller: cii_party(agreement, "SellerTradeParty"),
        buyer: cii_party(agreement, "BuyerTradeParty"),
        penalty_note: cii_penalty_note(document),
    })
}

/// What the invoices say of their late penalties, one sentence per buyer and note, with the
/// invoices that carry it: the rate they state may not be the one the dossier computes.
pub fn penalty_notes(invoices: &[EInvoice]) -> Vec<String> {
    // By buyer (SIREN, else name): two companies of one name apart.
    let mut notes: Vec<(String, &str, &str, Vec<&str>)> = Vec::new();
    for inv in invoices.iter().filter(|i| !i.credit_note) {
        let Some(note) = inv.penalty_note.as_deref() else {
            continue;
        };
        let buyer = key(&inv.buyer);
        match notes
            .iter_mut()
            .find(|(b, _, n, _)| *b == buyer && *n == note)
        {
            Some((_, _, _, numbers)) => {
                if !numbers.contains(&inv.number.as_str()) {
                    numbers.push(&inv.number);
                }
            }
            None => notes.push((buyer, &inv.buyer.name, note, vec![&inv.number])),
        }
    }
    notes
        .into_iter()
        .map(|(_, buyer, note, numbers)| {
            format!(
                "client {buyer}, facture(s) {} : pénalités de retard selon la facture : « {note} » ; le calcul suit le taux par défaut tant que le dossier n'indique pas le taux convenu (options.rate)",
                numbers.join(", ")
            )
        })
        .collect()
}

/// One dossier per seller and buyer (by SIREN, else by name), in the order they first come:
/// the invoices, with their due dates (`terms_days` after the issue date when the invoice
/// gives none: « supposée »), and the credit notes, each on the invoice it corrects when that
/// invoice is in the same dossier.
pub fn dossiers(invoices: Vec<EInvoice>, terms_days: u32) -> (Vec<Dossier>, Vec<String>) {
    let (invoices, mut left_out) = read_twice(invoices);
    let groups = by_seller_and_buyer(invoices);
    let max = relance_engine::parse::MAX_INVOICES;
    let mut dossiers = Vec::new();
    for (_, mut list) in groups {
        let buyer = list
            .first()
            .map(|i| i.buyer.name.clone())
            .unwrap_or_default();
        // One number, another date or amount: two versions of one invoice (a seller numbers
        // each invoice once, CGI art. 242 nonies A); the first is kept, not both.
        let mut numbers: Vec<String> = Vec::new();
        let mut versions: Vec<String> = Vec::new();
        list.retain(|i| {
            if i.credit_note {
                true
            } else if numbers.contains(&i.number) {
                versions.push(i.number.clone());
                false
            } else {
                numbers.push(i.number.clone());
                true
            }
        });
        if !versions.is_empty() {
            left_out.push(format!(
                "client {buyer} : facture(s) {} en deux versions (même numéro, autre date ou montant) : la première lue est reprise",
                versions.join(", ")
            ));
        }
        if list.len() > max {
            left_out.push(format!(
                "client {buyer} : plus de {max} factures et avoirs, la limite d'un dossier ; non repris"
            ));
            continue;
        }
        let notes: Vec<String> = list
            .iter()
            .filter(|i| i.credit_note)
            .map(|i| i.number.clone())
            .collect();
        match dossier(list, terms_days) {
            Ok(Some(d)) => dossiers.push(d),
            Err(why) => left_out.push(format!("client {buyer}, {why} ; non repris")),
            // Credit notes with no invoice of the same seller and buyer: nothing to deduct from.
            Ok(None) => left_out.push(format!(
                "avoir(s) {} pour {buyer} sans facture du même vendeur et du même client : non repris",
                notes.join(", ")
            )),
        }
    }
    (dossiers, left_out)
}

/// The invoices of each seller and buyer (`key`s), in the order they first come.
pub fn by_seller_and_buyer(invoices: Vec<EInvoice>) -> Vec<((String, String), Vec<EInvoice>)> {
    let mut groups: Vec<((String, String), Vec<EInvoice>)> = Vec::new();
    for inv in invoices {
        let k = (key(&inv.seller), key(&inv.buyer));
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, list)) => list.push(inv),
            None => groups.push((k, vec![inv])),
        }
    }
    groups
}

/// Who a party is, to group invoices: its SIREN, else its name in lower case.
pub fn key(p: &Party) -> String {
    if p.siren.is_empty() {
        p.name.to_lowercase()
    } else {
        p.siren.clone()
    }
}

/// The invoices without those read twice: a seller numbers its invoices once (CGI art. 242
/// nonies A), so the same seller, number, date and amount twice is one invoice read twice (its
/// XML and its Factur-X PDF, say), counted once and said.
pub fn read_twice(invoices: Vec<EInvoice>) -> (Vec<EInvoice>, Vec<String>) {
    let mut seen: Vec<(String, String, bool, NaiveDate, Eur)> = Vec::new();
    let mut twice: Vec<(String, String)> = Vec::new();
    let mut kept = Vec::with_capacity(invoices.len());
    for i in invoices {
        let id = (
            key(&i.seller),
            i.number.clone(),
            i.credit_note,
            i.issued,
            i.amount,
        );
        if seen.contains(&id) {
            twice.push((i.buyer.name.clone(), i.number.clone()));
        } else {
            seen.push(id);
            kept.push(i);
        }
    }
    let said = twice
        .into_iter()
        .map(|(buyer, number)| {
            format!(
                "client {buyer} : {number} lue deux fois (même vendeur, même numéro, même date, même montant) : comptée une fois"
            )
        })
        .collect();
    (kept, said)
}

/// The due date of an invoice: BT-9 (or its terms text), else `terms_days` after its issue,
/// « supposée » when those are the default 30 days; `Err` when that falls past 2199.
pub fn due_of(inv: &EInvoice, terms_days: u32) -> Result<(NaiveDate, bool), String> {
    match inv.due {
        Some(due) => Ok((due, false)),
        // A due date past 2199 is one no dossier holds: the invoice is left out, said.
        None => match add_days(inv.issued, u64::from(terms_days)).filter(|d| date_in_range(*d)) {
            Some(due) => Ok((due, terms_days == crate::fec::DEFAULT_TERMS_DAYS)),
            None => Err(format!(
                "facture {} : échéance après 2199, hors des dates qu'un dossier accepte",
                inv.number
            )),
        },
    }
}

/// The dossier's row of an invoice, numbered `number`, due as [`due_of`] says.
pub fn row(inv: &EInvoice, number: String, terms_days: u32) -> Result<Invoice, String> {
    let (due, due_assumed) = due_of(inv, terms_days)?;
    Ok(Invoice {
        number,
        issued: Some(inv.issued),
        due,
        due_assumed,
        amount: inv.amount,
        delivered: inv.delivered,
    })
}

/// The dossier of one seller and buyer: `None` when it has credit notes only; `Err` names an
/// invoice no dossier can hold.
fn dossier(list: Vec<EInvoice>, terms_days: u32) -> Result<Option<Dossier>, String> {
    let Some(first) = list.first() else {
        return Ok(None);
    };
    let identity = |p: &Party| Identity {
        name: p.name.clone(),
        siren: p.siren.clone(),
        address: p.address.clone(),
        email: String::new(),
    };
    let (creditor, debtor) = (identity(&first.seller), identity(&first.buyer));
    let mut invoices: Vec<Invoice> = Vec::new();
    let mut taken = HashSet::new();
    for inv in list.iter().filter(|i| !i.credit_note) {
        invoices.push(row(
            inv,
            unique_number(&inv.number, &mut taken),
            terms_days,
        )?);
    }
    if invoices.is_empty() {
        return Ok(None);
    }
    let credit_notes = list
        .iter()
        .filter(|i| i.credit_note)
        .map(|c| CreditNote {
            date: Some(c.issued),
            amount: c.amount,
            invoice: c
                .corrects
                .clone()
                .filter(|n| invoices.iter().any(|i| &i.number == n)),
        })
        .collect();
    Ok(Some(crate::imported::dossier(
        creditor,
        debtor,
        invoices,
        Vec::new(),
        credit_notes,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_a_payment_terms_text() {
        assert_eq!(days_in("Paiement à 45 jours"), Some(45));
        assert_eq!(days_in("30 JOURS FIN DE MOIS"), Some(30));
        assert_eq!(days_in("à réception"), None);
        assert_eq!(days_in("0 jour"), None);
    }

    /// An invoice of late 2199 without a due date would fall due after the years a dossier
    /// holds: left out and said, not written into a dossier its reader refuses.
    #[test]
    fn a_due_date_past_2199_is_left_out() {
        let xml = r#"<Invoice><ID>F-1</ID><IssueDate>2199-12-20</IssueDate>
            <LegalMonetaryTotal><PayableAmount>10.00</PayableAmount></LegalMonetaryTotal></Invoice>"#;
        let (dossiers, left_out) = dossiers(vec![read(xml).unwrap()], 30);
        assert!(dossiers.is_empty());
        assert_eq!(
            left_out,
            ["client , facture F-1 : échéance après 2199, hors des dates qu'un dossier accepte ; non repris"]
        );
    }

    /// No due date on the invoice: the terms given; « supposée » only for the default 30 days
    /// of C. com. L441-10, not for terms the user gave.
    #[test]
    fn a_due_date_from_the_terms_given_is_assumed_only_by_default() {
        let xml = r#"<Invoice><ID>F-1</ID><IssueDate>2025-06-02</IssueDate>
            <LegalMonetaryTotal><PayableAmount>10.00</PayableAmount></LegalMonetaryTotal></Invoice>"#;
        let inv = read(xml).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        assert_eq!(due_of(&inv, 30), Ok((day(7, 2), true)));
        assert_eq!(due_of(&inv, 45), Ok((day(7, 17), false)));
    }

    #[test]
    fn nothing_due_is_refused() {
        let xml = r#"<Invoice><ID>F-1</ID><IssueDate>2025-06-02</IssueDate>
            <LegalMonetaryTotal><PayableAmount>0.00</PayableAmount></LegalMonetaryTotal></Invoice>"#;
        assert_eq!(
            read(xml),
            Err("facture F-1 : montant dû nul (BT-115) : rien à recouvrer".to_owned())
        );
    }

    #[test]
    fn a_siren_from_a_siret() {
        assert_eq!(siren("73282932000074"), "732829320");
        assert_eq!(siren("732 829 321"), "");
    }
}
