//! Rows pasted from a spreadsheet (tab-separated rows copied from Excel or LibreOffice) or read
//! from a CSV file (`;` or `,`), with French or English numbers and dates: invoices, and with a
//! type column payments and credit notes too. Returns what was understood, as form rows, and
//! every rejected line with its number and reason, so the user sees the result before anything
//! is added.
//!
//! Columns are recognised from a header line when there is one (`N°`, `Date`, `Échéance`,
//! `Montant TTC`, `Type`, `Facture concernée`, or the English words), otherwise from their
//! content: date columns (the first is the issue date, the last the due date), the amount column
//! (the rightmost numeric column), the type column (`facture`, `paiement`, `avoir`…) and the
//! invoice number (the first other column). A column of slash dates is read day-first unless one
//! of its dates only makes sense month-first (`04/23/2024`).
//!
//! A payment or credit note is dated by its date column (or its only date), may be negative
//! (a ledger's sign), and pays the invoice of its « facture concernée » column, or else the one
//! its number names when that is an invoice of the paste or of the dossier; otherwise none, and
//! the law chooses (C. civ. 1342-10).

use chrono::{Datelike, NaiveDate};

use crate::form::{InvoiceForm, PaymentForm};
use crate::money::{parse_amount, NumberError};

/// What a paste was understood as.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Pasted {
    /// One form row per accepted invoice line (dates `JJ/MM/AAAA`, amounts `24 000,00`).
    pub rows: Vec<InvoiceForm>,
    pub payments: Vec<PaymentForm>,
    pub credit_notes: Vec<PaymentForm>,
    pub rejected: Vec<RejectedLine>,
}

impl Pasted {
    /// How many rows were understood, of every type.
    pub fn len(&self) -> usize {
        self.rows.len() + self.payments.len() + self.credit_notes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedLine {
    /// 1-based line number in the pasted text.
    pub line: usize,
    /// French reason.
    pub reason: String,
}

/// More lines than this are refused (a paste of a whole ledger is not a dossier).
pub const MAX_LINES: usize = crate::parse::MAX_INVOICES;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Number,
    Issued,
    Due,
    Amount,
    Kind,
    Applies,
}

/// What a line is, from its type column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Invoice,
    Payment,
    CreditNote,
}

/// The type a cell names: an empty cell is an invoice; `None` for a word not understood.
fn kind_of(cell: &str) -> Option<Kind> {
    let c = crate::fr::lowercase(cell);
    let has = |words: &[&str]| words.iter().any(|w| c.contains(w));
    if c.trim().is_empty() {
        Some(Kind::Invoice)
    } else if has(&["avoir", "credit note", "note de cr"]) {
        Some(Kind::CreditNote)
    } else if has(&[
        "paiement",
        "règlement",
        "reglement",
        "virement",
        "chèque",
        "cheque",
        "encaiss",
        "versement",
        "acompte",
        "prélèvement",
        "prelevement",
        "payment",
    ]) {
        Some(Kind::Payment)
    } else if has(&["fact", "invoice"]) {
        Some(Kind::Invoice)
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DayOrder {
    DayFirst,
    MonthFirst,
}

/// Reads pasted text or a CSV file's content.
pub fn parse(text: &str) -> Pasted {
    parse_for(text, &[])
}

/// Reads pasted text, `invoices` being the numbers of the dossier's invoices (a payment whose
/// number is one of them pays it).
pub fn parse_for(text: &str, invoices: &[String]) -> Pasted {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let mut out = Pasted::default();
    if lines.len() > MAX_LINES {
        out.rejected.push(RejectedLine {
            line: 1,
            reason: format!(
                "trop de lignes (plus de {}, le maximum d'un dossier)",
                crate::fr::count(MAX_LINES)
            ),
        });
        return out;
    }
    let separator = detect_separator(&lines);
    let mut rows: Vec<(usize, Vec<String>)> = lines
        .iter()
        .map(|(n, l)| (*n, split(l, separator)))
        .collect();

    let header = rows.first().and_then(|(_, cells)| header_roles(cells));
    if header.is_some() && !rows.is_empty() {
        rows.remove(0);
    }
    let width = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let roles: Vec<Option<Role>> = match header {
        Some(roles) => roles,
        None => infer_roles(&rows, width),
    };
    let column = |role: Role| roles.iter().position(|r| *r == Some(role));
    let (number_col, issued_col, due_col, amount_col) = (
        column(Role::Number),
        column(Role::Issued),
        column(Role::Due),
        column(Role::Amount),
    );
    let (kind_col, applies_col) = (column(Role::Kind), column(Role::Applies));
    let orders: Vec<DayOrder> = (0..width)
        .map(|c| day_order(rows.iter().filter_map(|(_, cells)| cells.get(c))))
        .collect();
    let order_of = |c: usize| orders.get(c).copied().unwrap_or(DayOrder::DayFirst);
    // Payments and credit notes whose invoice is named only by their number, settled at the end.
    let mut by_number: Vec<(Kind, usize)> = Vec::new();

    for (line, cells) in &rows {
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).map(|s| s.trim()).unwrap_or("");
        let reject = |reason: String| RejectedLine {
            line: *line,
            reason,
        };
        let kind = match kind_of(cell(kind_col)) {
            Some(kind) => kind,
            None => {
                out.rejected.push(reject(format!(
                    "type inconnu « {} » (facture, paiement ou avoir)",
                    cell(kind_col)
                )));
                continue;
            }
        };
        let amount_raw = cell(amount_col);
        // A ledger writes what was received with a minus sign.
        let unsigned = match kind {
            Kind::Invoice => amount_raw,
            _ => amount_raw
                .trim_start_matches(['-', '\u{2212}'])
                .trim_start(),
        };
        let amount = match parse_amount(unsigned) {
            Ok(a) if !a.get().is_zero() => a,
            Ok(_) => {
                out.rejected.push(reject("montant nul".into()));
                continue;
            }
            Err(NumberError::Empty) => {
                out.rejected.push(reject("montant manquant".into()));
                continue;
            }
            Err(e) => {
                let why = match e {
                    NumberError::TooPrecise => " (plus de deux décimales)",
                    NumberError::Negative => " (négatif)",
                    NumberError::TooLarge => " (trop grand)",
                    _ => "",
                };
                out.rejected
                    .push(reject(format!("montant invalide « {amount_raw} »{why}")));
                continue;
            }
        };
        let read_date = |c: Option<usize>, what: &str| -> Result<Option<NaiveDate>, String> {
            let raw = cell(c);
            if raw.is_empty() {
                return Ok(None);
            }
            let order = c.map_or(DayOrder::DayFirst, order_of);
            parse_date(raw, order)
                .map(Some)
                .ok_or_else(|| format!("{what} invalide « {raw} »"))
        };
        let issued = match read_date(issued_col, "date de facture") {
            Ok(d) => d,
            Err(reason) => {
                out.rejected.push(reject(reason));
                continue;
            }
        };
        let due = match read_date(due_col, "date d'échéance") {
            Ok(d) => d,
            Err(reason) => {
                out.rejected.push(reject(reason));
                continue;
            }
        };
        // Written as a French user types them (`04/03/2022`, `24 000,00`), as an imported
        // dossier is (`Form::from_dossier`).
        let french = crate::fr::date;
        if kind != Kind::Invoice {
            // Its date is in the date column, or the only date of the line.
            let Some(date) = issued.or(due) else {
                out.rejected.push(reject("date manquante".into()));
                continue;
            };
            // The « facture concernée » column, or else the line's number, settled below.
            let invoice = cell(applies_col.or(number_col)).to_owned();
            let list = match kind {
                Kind::Payment => &mut out.payments,
                _ => &mut out.credit_notes,
            };
            if applies_col.is_none() {
                by_number.push((kind, list.len()));
            }
            list.push(PaymentForm {
                date: french(date),
                amount: crate::fr::number(amount.get()),
                invoice,
            });
            continue;
        }
        let (terms, due_text) = match (issued, due) {
            (_, Some(due)) => ("custom", french(due)),
            // No due date: 30 days after the invoice (C. com. L441-10 I).
            (Some(_), None) => ("30", String::new()),
            (None, None) => {
                out.rejected
                    .push(reject("date d'échéance manquante".into()));
                continue;
            }
        };
        out.rows.push(InvoiceForm {
            number: cell(number_col).to_owned(),
            issued: issued.map(french).unwrap_or_default(),
            terms: terms.to_owned(),
            due: due_text,
            amount: crate::fr::number(amount.get()),
            delivered: String::new(),
        });
    }
    // A number that is no invoice's is the payment's own reference: the law chooses (1342-10).
    let known: std::collections::HashSet<&str> = out
        .rows
        .iter()
        .map(|r| r.number.as_str())
        .chain(invoices.iter().map(String::as_str))
        .collect();
    let mut unknown: Vec<(Kind, usize)> = Vec::new();
    for (kind, i) in by_number {
        let list = match kind {
            Kind::Payment => &out.payments,
            _ => &out.credit_notes,
        };
        if let Some(row) = list.get(i) {
            if !known.contains(row.invoice.as_str()) {
                unknown.push((kind, i));
            }
        }
    }
    for (kind, i) in unknown {
        let list = match kind {
            Kind::Payment => &mut out.payments,
            _ => &mut out.credit_notes,
        };
        if let Some(row) = list.get_mut(i) {
            row.invoice.clear();
        }
    }
    out
}

fn detect_separator(lines: &[(usize, &str)]) -> char {
    if lines.iter().any(|(_, l)| l.contains('\t')) {
        '\t'
    } else if lines.iter().any(|(_, l)| l.contains(';')) {
        ';'
    } else {
        ','
    }
}

/// Splits one line, honouring CSV double quotes (`"1 234,56"`, `""` for a quote).
fn split(line: &str, separator: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            c if c == separator && !quoted => {
                cells.push(std::mem::take(&mut cell).trim().to_owned())
            }
            c => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// Column roles from a header line, if the line is one (no cell reads as a date or amount, and
/// at least the amount column is recognised).
fn header_roles(cells: &[String]) -> Option<Vec<Option<Role>>> {
    if cells
        .iter()
        .any(|c| parse_date(c, DayOrder::DayFirst).is_some() || parse_amount(c).is_ok())
    {
        return None;
    }
    let roles: Vec<Option<Role>> = cells
        .iter()
        .map(|c| {
            let c = crate::fr::lowercase(c);
            let has = |words: &[&str]| words.iter().any(|w| c.contains(w));
            if has(&["concern", "imput", "lettrage", "applies", "paid invoice"]) {
                Some(Role::Applies)
            } else if has(&["type", "nature", "opération", "operation", "sens"]) {
                Some(Role::Kind)
            } else if has(&["échéance", "echeance", "due", "exigib"]) {
                Some(Role::Due)
            } else if has(&[
                "montant", "amount", "ttc", "total", "somme", "solde", "reste",
            ]) {
                Some(Role::Amount)
            } else if has(&["date", "émission", "emission", "émise", "issued"]) {
                Some(Role::Issued)
            } else if has(&[
                "n°", "no", "num", "facture", "invoice", "réf", "ref", "pièce", "piece",
            ]) {
                Some(Role::Number)
            } else {
                None
            }
        })
        .collect();
    // A role given to several columns is read from the first of them (`column` in `parse`).
    roles.contains(&Some(Role::Amount)).then_some(roles)
}

/// Column roles from the content when there is no header.
fn infer_roles(rows: &[(usize, Vec<String>)], width: usize) -> Vec<Option<Role>> {
    let share = |col: usize, test: &dyn Fn(&str) -> bool| {
        let cells: Vec<&str> = rows
            .iter()
            .filter_map(|(_, c)| c.get(col))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let hits = cells.iter().filter(|c| test(c)).count();
        !cells.is_empty() && hits * 2 >= cells.len()
    };
    let is_date = |c: &str| {
        parse_date(c, DayOrder::DayFirst).is_some() || parse_date(c, DayOrder::MonthFirst).is_some()
    };
    let mut roles: Vec<Option<Role>> = vec![None; width];
    let set = |roles: &mut Vec<Option<Role>>, col: usize, role: Role| {
        if let Some(slot) = roles.get_mut(col) {
            *slot = Some(role);
        }
    };
    let date_cols: Vec<usize> = (0..width).filter(|&c| share(c, &is_date)).collect();
    match date_cols.as_slice() {
        [] => {}
        [only] => set(&mut roles, *only, Role::Due),
        [first, .., last] => {
            set(&mut roles, *first, Role::Issued);
            set(&mut roles, *last, Role::Due);
        }
    }
    let amount_col = (0..width)
        .rev()
        .find(|&c| !date_cols.contains(&c) && share(c, &|s| parse_amount(s).is_ok()));
    if let Some(c) = amount_col {
        set(&mut roles, c, Role::Amount);
    }
    // A column of words without digits that each name a type (`facture`, `paiement`,
    // `avoir`…), one at least a payment or a credit note: `FACT-001` is a number.
    let is_kind = |s: &str| !s.contains(|c: char| c.is_ascii_digit()) && kind_of(s).is_some();
    let not_invoice = |s: &str| is_kind(s) && kind_of(s) != Some(Kind::Invoice);
    let kind_col = (0..width).find(|&c| {
        roles.get(c) == Some(&None)
            && share(c, &is_kind)
            && rows
                .iter()
                .any(|(_, r)| r.get(c).is_some_and(|s| not_invoice(s)))
    });
    if let Some(c) = kind_col {
        set(&mut roles, c, Role::Kind);
    }
    if let Some(c) = (0..width).find(|&c| roles.get(c) == Some(&None)) {
        set(&mut roles, c, Role::Number);
    }
    roles
}

/// Day-first unless a date of the column only reads month-first (and none only day-first).
fn day_order<'a>(cells: impl Iterator<Item = &'a String>) -> DayOrder {
    let mut month_first_only = false;
    for c in cells {
        let c = c.trim();
        let (day_first, month_first) = (
            parse_date(c, DayOrder::DayFirst).is_some(),
            parse_date(c, DayOrder::MonthFirst).is_some(),
        );
        match (day_first, month_first) {
            (true, false) => return DayOrder::DayFirst,
            (false, true) => month_first_only = true,
            _ => {}
        }
    }
    if month_first_only {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    }
}

/// A pasted date in `order` (`calendar::parse_loose_date`), in the years a dossier accepts.
fn parse_date(raw: &str, order: DayOrder) -> Option<NaiveDate> {
    crate::calendar::parse_loose_date(raw, order == DayOrder::MonthFirst)
        .filter(|d| (crate::parse::DATE_MIN_YEAR..=crate::parse::DATE_MAX_YEAR).contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(p: &Pasted) -> Vec<String> {
        p.rows
            .iter()
            .map(|r| {
                format!(
                    "{}|{}|{}|{}|{}",
                    r.number, r.issued, r.terms, r.due, r.amount
                )
            })
            .collect()
    }

    fn rejected(p: &Pasted) -> Vec<String> {
        p.rejected
            .iter()
            .map(|r| format!("ligne {} : {}", r.line, r.reason))
            .collect()
    }

    fn flows(list: &[PaymentForm]) -> Vec<String> {
        list.iter()
            .map(|r| format!("{}|{}|{}", r.date, r.amount, r.invoice))
            .collect()
    }

    /// A ledger with a type column: payments (negative, as a ledger writes them) and credit
    /// notes beside the invoices, each dated; an unknown type is refused with its line.
    #[test]
    fn a_type_column_brings_payments_and_credit_notes() {
        let p = parse(
            "N°;Date;Échéance;Montant;Type\nF1;01/02/2024;02/03/2024;1500;Facture\nF1;15/03/2024;;-500;Règlement\nAV1;20/03/2024;;100,50;Avoir\nX;20/03/2024;;10;bidule\nF2;01/02/2024;02/03/2024;-3;\nF3;;;20;virement\n",
        );
        assert_eq!(rows(&p), ["F1|01/02/2024|custom|02/03/2024|1 500,00"]);
        // F1 is an invoice of the paste: the payment pays it; AV1 is the note's own number.
        assert_eq!(flows(&p.payments), ["15/03/2024|500,00|F1"]);
        assert_eq!(flows(&p.credit_notes), ["20/03/2024|100,50|"]);
        assert_eq!(
            rejected(&p),
            [
                "ligne 5 : type inconnu « bidule » (facture, paiement ou avoir)",
                "ligne 6 : montant invalide « -3 » (négatif)",
                "ligne 7 : date manquante",
            ]
        );
        assert_eq!(p.len(), 3);
    }

    /// Without a header the type column is found from its words; a number names the invoice
    /// paid when it is one of the dossier's.
    #[test]
    fn types_without_header_and_the_dossier_s_invoices() {
        let text = "F1\t01/02/2024\t1500\tfacture\nF0\t10/02/2024\t-200\tvirement\nVIR-9\t11/02/2024\t50\tpaiement\n";
        let p = parse_for(text, &["F0".to_owned()]);
        assert_eq!(rows(&p), ["F1||custom|01/02/2024|1 500,00"]);
        assert_eq!(
            flows(&p.payments),
            ["10/02/2024|200,00|F0", "11/02/2024|50,00|"]
        );
        assert!(p.rejected.is_empty());
        // Invoice numbers that contain a type word stay numbers.
        let p = parse("FACT-001\t01/02/2024\t100\nFACT-002\t01/02/2024\t200\n");
        assert_eq!(
            rows(&p),
            [
                "FACT-001||custom|01/02/2024|100,00",
                "FACT-002||custom|01/02/2024|200,00"
            ]
        );
    }

    /// A « facture concernée » column is taken as written: an unknown number is then the
    /// form's to flag, not the paste's to drop.
    #[test]
    fn the_invoice_paid_from_its_column() {
        let p = parse("Type;Date;Montant;Facture concernée\npaiement;10/02/2024;200;F-7\navoir;11/02/2024;30;\n");
        assert_eq!(flows(&p.payments), ["10/02/2024|200,00|F-7"]);
        assert_eq!(flows(&p.credit_notes), ["11/02/2024|30,00|"]);
        assert!(p.rows.is_empty() && p.rejected.is_empty());
    }

    #[test]
    fn excel_french_rows_without_header() {
        let p = parse(
            "F-001\t04/03/2022\t03/04/2022\t24 000,00\nF-002\t10/05/2022\t09/06/2022\t1 200,50 €\n",
        );
        assert_eq!(
            rows(&p),
            [
                "F-001|04/03/2022|custom|03/04/2022|24 000,00",
                "F-002|10/05/2022|custom|09/06/2022|1 200,50"
            ]
        );
        assert!(p.rejected.is_empty());
    }

    #[test]
    fn header_and_bad_rows_are_reported_with_their_line() {
        let text = "N° facture;Date;Échéance;Montant TTC\nA1;01/02/2024;02/03/2024;1500\nA2;01/02/2024;31/02/2024;10\nA3;01/02/2024;02/03/2024;abc\n\nA4;;02/03/2024;\n";
        let p = parse(text);
        assert_eq!(rows(&p), ["A1|01/02/2024|custom|02/03/2024|1 500,00"]);
        assert_eq!(
            rejected(&p),
            [
                "ligne 3 : date d'échéance invalide « 31/02/2024 »",
                "ligne 4 : montant invalide « abc »",
                "ligne 6 : montant manquant",
            ]
        );
    }

    #[test]
    fn english_csv_with_quotes_and_month_first_dates() {
        let text = "Invoice,Invoice date,Due date,Amount\nINV-7,04/23/2024,05/23/2024,\"1,234.56\"\nINV-8,2024-05-01,2024-05-31,99.9\n";
        let p = parse(text);
        assert_eq!(
            rows(&p),
            [
                "INV-7|23/04/2024|custom|23/05/2024|1 234,56",
                "INV-8|01/05/2024|custom|31/05/2024|99,90"
            ]
        );
    }

    #[test]
    fn a_single_date_is_the_due_date_and_no_due_date_means_30_days() {
        let p = parse("X\t15/01/2025\t300");
        assert_eq!(rows(&p), ["X||custom|15/01/2025|300,00"]);
        let p = parse("Facture\tDate\tMontant\nY\t15/01/2025\t300");
        assert_eq!(rows(&p), ["Y|15/01/2025|30||300,00"]);
    }

    /// A bad amount says why, as the form would: too precise, negative, too large, unreadable.
    #[test]
    fn bad_amounts_say_why() {
        let p = parse(
            "N°;Échéance;Montant\nA;02/03/2024;12,345\nB;02/03/2024;-5\nC;02/03/2024;10000000000000\nD;02/03/2024;douze\nE;02/03/2024;0\n",
        );
        assert!(p.rows.is_empty());
        assert_eq!(
            rejected(&p),
            [
                "ligne 2 : montant invalide « 12,345 » (plus de deux décimales)",
                "ligne 3 : montant invalide « -5 » (négatif)",
                "ligne 4 : montant invalide « 10000000000000 » (trop grand)",
                "ligne 5 : montant invalide « douze »",
                "ligne 6 : montant nul",
            ]
        );
    }

    /// CSV quotes: `""` inside a quoted cell is one quote; a quote inside an unquoted cell is
    /// an ordinary character.
    #[test]
    fn csv_quotes() {
        let p = parse("\"F \"\"1\"\"\";02/03/2024;\"1 234,50\"\nF\"2;02/03/2024;10\n");
        assert_eq!(
            rows(&p),
            [
                "F \"1\"||custom|02/03/2024|1 234,50",
                "F\"2||custom|02/03/2024|10,00"
            ]
        );
    }

    /// Without a header, a first line whose text merely contains a header word ("Reste à
    /// payer") is still data when it holds a date or an amount.
    #[test]
    fn a_data_line_with_header_words_is_data() {
        let p = parse("F-1\tReste à payer\t03/04/2022\t1200\nF-2\tSolde mars\t03/05/2022\t800\n");
        assert_eq!(
            rows(&p),
            [
                "F-1||custom|03/04/2022|1 200,00",
                "F-2||custom|03/05/2022|800,00"
            ]
        );
    }

    /// A header's first column of a role wins: "Date" is the issue date, a later "Date de
    /// règlement" is ignored.
    #[test]
    fn the_first_column_of_a_role_wins() {
        let p = parse(
            "N°;Date;Échéance;Date de règlement;Montant\nA;01/02/2024;02/03/2024;15/03/2024;10\n",
        );
        assert_eq!(rows(&p), ["A|01/02/2024|custom|02/03/2024|10,00"]);
    }

    /// An empty column (a trailing tab from a spreadsheet) is no date column: the only date
    /// column stays the due date.
    #[test]
    fn an_empty_column_has_no_role() {
        let p = parse("F-1\t03/04/2022\t1200\t\nF-2\t03/05/2022\t800\t\n");
        assert_eq!(
            rows(&p),
            [
                "F-1||custom|03/04/2022|1 200,00",
                "F-2||custom|03/05/2022|800,00"
            ]
        );
    }

    /// A column is read day-first as soon as one of its dates only reads day-first, even if a
    /// later one only reads month-first (that one is then refused); a column whose only
    /// unambiguous date is month-first reads its ambiguous dates month-first too.
    #[test]
    fn day_order_per_column() {
        let p = parse("N°;Échéance;Montant\nA;25/03/2024;10\nB;04/23/2024;20\n");
        assert_eq!(rows(&p), ["A||custom|25/03/2024|10,00"]);
        assert_eq!(
            rejected(&p),
            ["ligne 3 : date d'échéance invalide « 04/23/2024 »"]
        );
        let p = parse("Invoice,Due date,Amount\nINV-7,04/23/2024,1\nINV-8,05/03/2024,2\n");
        assert_eq!(
            rows(&p),
            [
                "INV-7||custom|23/04/2024|1,00",
                "INV-8||custom|03/05/2024|2,00"
            ]
        );
    }

    /// Date parts have at most four digits (`004/03/2024` is 4 March, `00004/03/2024` no date);
    /// two-digit years are of the 2000s.
    #[test]
    fn date_parts() {
        let p = parse("N°;Échéance;Montant\nA;004/03/2024;10\nB;00004/03/2024;10\nC;4.3.24;10\n");
        assert_eq!(
            rows(&p),
            ["A||custom|04/03/2024|10,00", "C||custom|04/03/2024|10,00"]
        );
        assert_eq!(
            rejected(&p),
            ["ligne 3 : date d'échéance invalide « 00004/03/2024 »"]
        );
    }

    /// Up to `MAX_LINES` lines are read; one more refuses the whole paste.
    #[test]
    fn the_line_limit_is_inclusive() {
        let lines = "1\t01/01/2025\t5\n".repeat(MAX_LINES);
        assert_eq!(parse(&lines).rows.len(), MAX_LINES);
        let p = parse(&format!("{lines}2\t01/01/2025\t5\n"));
        assert!(p.rows.is_empty());
        assert_eq!(
            rejected(&p),
            ["ligne 1 : trop de lignes (plus de 2 000, le maximum d'un dossier)"]
        );
    }

    #[test]
    fn nothing_breaks_on_odd_input() {
        for text in [
            "",
            "\n\n",
            "\"",
            "a\tb\tc",
            ";;;",
            "\u{feff}x",
            "1/1/1\t\t\t",
        ] {
            let _ = parse(text);
        }
        let big = "1\t01/01/2025\t5\n".repeat(MAX_LINES + 1);
        assert_eq!(parse(&big).rows.len(), 0);
    }
}
