//! The décompte CSV read back (`report::to_csv`): its cells, and the check that it adds up.
//! Included with `#[path]` by the test files that use it.

use chrono::NaiveDate;
use relance_engine::Computation;
use rust_decimal::Decimal;

/// The table's columns, in order.
pub const COLUMNS: [&str; 11] = [
    "facture",
    "date",
    "ligne",
    "du",
    "au",
    "jours",
    "base",
    "taux (%)",
    "montant",
    "total",
    "fondement",
];

/// Every line of the file as its cells (quotes removed, doubled quotes undone), the
/// byte-order mark dropped; an empty line is one empty cell.
pub fn rows(csv: &str) -> Vec<Vec<String>> {
    let text = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare line feed"),
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && row.is_empty() && cell.is_empty(),
        "unterminated last line"
    );
    rows
}

/// A cell written with a decimal comma, or `None` when empty.
fn amount(cell: &str) -> Option<Decimal> {
    (!cell.is_empty()).then(|| {
        cell.replace(',', ".")
            .parse()
            .unwrap_or_else(|e| panic!("amount {cell:?}: {e}"))
    })
}

/// Checks the file against its computation: the header block (title, two parties, the
/// calculation date, an empty line), the columns, a date on every line of the table, the
/// `montant` of each invoice's lines (after a judgment, the judgment's) adding up to its total
/// and the whole column to the total owed, to the cent; totals only in `total`. Returns the lines of the table, header aside.
pub fn check_adds_up(c: &Computation, csv: &str) -> Vec<Vec<String>> {
    let all = rows(csv);
    let as_of = c.as_of.format("%d/%m/%Y").to_string();
    let head: Vec<Vec<&str>> = all
        .iter()
        .take(6)
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(head.len(), 6, "header block");
    assert_eq!(head[0], ["Décompte des sommes dues"]);
    assert_eq!(head[1].first(), Some(&"Créancier"));
    assert_eq!(head[1].len(), 2);
    assert_eq!(head[2].first(), Some(&"Débiteur"));
    assert_eq!(head[2].len(), 2);
    assert_eq!(head[3], ["Calculé au", as_of.as_str()]);
    assert_eq!(head[4], [""]);
    assert_eq!(head[5], COLUMNS);
    let table: Vec<Vec<String>> = all.into_iter().skip(6).collect();

    // After a judgment, its lines replace the invoices' (their décompte is history).
    let mut invoices = if c.judgment.is_some() {
        [].iter()
    } else {
        c.invoices.iter()
    };
    let (mut invoice_sum, mut sum) = (Decimal::ZERO, Decimal::ZERO);
    let mut total_due = None;
    for row in &table {
        assert_eq!(row.len(), COLUMNS.len(), "{row:?}");
        let date = NaiveDate::parse_from_str(&row[1], "%d/%m/%Y");
        assert!(date.is_ok(), "no date: {row:?}");
        let (montant, total) = (amount(&row[8]), amount(&row[9]));
        assert!(
            montant.is_some() != total.is_some(),
            "one of montant and total: {row:?}"
        );
        if let Some(m) = montant {
            invoice_sum += m;
            sum += m;
        }
        match (row[0].as_str(), row[2].as_str()) {
            (_, "total facture") => {
                let inv = invoices.next().expect("as many invoice totals as invoices");
                assert_eq!(row[1], as_of, "{row:?}");
                assert_eq!(total, Some(inv.total), "{row:?}");
                assert_eq!(invoice_sum, inv.total, "invoice {}: Σ montant", inv.number);
                invoice_sum = Decimal::ZERO;
            }
            (_, "total jugement") => {
                let j = c
                    .judgment
                    .as_ref()
                    .expect("a judgment's total after a judgment");
                assert_eq!(row[1], as_of, "{row:?}");
                assert_eq!(total, Some(j.total()), "{row:?}");
                assert_eq!(invoice_sum, j.total(), "judgment: Σ montant");
                invoice_sum = Decimal::ZERO;
            }
            ("TOTAL", label) => {
                assert_eq!(row[1], as_of, "{row:?}");
                if label == "total dû" {
                    total_due = total;
                }
            }
            _ => {}
        }
    }
    assert!(invoices.next().is_none(), "an invoice without its total");
    assert_eq!(total_due, Some(c.totals.total), "TOTAL total dû");
    assert_eq!(sum, c.totals.total, "Σ montant over the file");
    table
}
