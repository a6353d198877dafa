//! The input and output side through the public API: dossier files read, exports written.

mod common;
#[path = "common/csv.rs"]
mod csv;

use common::read;
use relance_engine::report;

/// The CSV export: a header block (title, creditor, debtor, calculation date, an empty line),
/// then one dated line per step of the décompte: principal (on its due date), credit note (on
/// its date), each interest segment (on its last day), a payment split between interest and
/// principal (C. civ. 1343-1, on its date), the D441-5 indemnity (on the due date it was not
/// paid by), the invoice total, the extra costs, then the totals (on the calculation date).
/// Line items have their amount in `montant`, totals theirs in `total`. A cell a spreadsheet
/// would run as a formula (`=F-1`) is prefixed with `'`; one holding `;` is quoted.
///   1 000 − 100 (credit note) = 900 from 1 February 2026, ECB 2.15 % + 10 = 12.15 %:
///   900 × 12.15 % × 59 / 365 = 17.676… → 17.68 (1 Feb – 31 Mar);
///   the 200 paid on 31 March: 17.68 to interest, 182.32 to principal → 717.68;
///   717.68 × 12.15 % × 30 / 365 = 7.166… → 7.17 (1 – 30 Apr);
///   invoice 1 000 − 100 + 17.68 + 7.17 − 17.68 − 182.32 + 40 = 764.85 = 717.68 + 7.17 + 40;
///   total 764.85 + 15 (extra costs) = 779.85; per day 717.68 × 12.15 % / 365 = 0.238… → 0.24.
#[test]
fn csv_export_lists_every_line_of_the_decompte() {
    let (d, c) = read(
        r#"{"version": 2, "as_of": "2026-04-30",
        "creditor": {"name": "=Atelier Martin", "kind": "company"},
        "debtor": {"name": "Dupont ; fils", "kind": "professional"},
        "invoices": [{"number": "=F-1", "issued": "2026-01-01", "due": "2026-01-31", "amount": "1000.00"}],
        "credit_notes": [{"date": "2026-02-10", "amount": "100.00", "invoice": "=F-1"}],
        "payments": [{"date": "2026-03-31", "amount": "200.00"}],
        "options": {"extra_costs": "15"}}"#,
    );
    let basis = "taux BCE 2,15 % au 01/01/2026 + 10 points (C. com. L441-10)";
    let expected = [
        "\u{feff}Décompte des sommes dues".to_owned(),
        "Créancier;'=Atelier Martin".to_owned(),
        "Débiteur;\"Dupont ; fils\"".to_owned(),
        "Calculé au;30/04/2026".to_owned(),
        String::new(),
        "facture;date;ligne;du;au;jours;base;taux (%);montant;total;fondement".to_owned(),
        "'=F-1;31/01/2026;principal;;;;;;1000,00;;montant TTC, échéance".to_owned(),
        "'=F-1;10/02/2026;avoir;;;;;;-100,00;;".to_owned(),
        format!("'=F-1;31/03/2026;intérêts;01/02/2026;31/03/2026;59;900,00;12,15;17,68;;{basis}"),
        format!("'=F-1;30/04/2026;intérêts;01/04/2026;30/04/2026;30;717,68;12,15;7,17;;{basis}"),
        "'=F-1;31/03/2026;paiement imputé sur les intérêts;;;;;;-17,68;;C. civ. 1343-1".to_owned(),
        "'=F-1;31/03/2026;paiement imputé sur le principal;;;;;;-182,32;;".to_owned(),
        "'=F-1;31/01/2026;indemnité forfaitaire;;;;;;40,00;;C. com. D441-5".to_owned(),
        "'=F-1;30/04/2026;total facture;;;;;;;764,85;".to_owned(),
        ";30/04/2026;frais complémentaires;;;;;;15,00;;C. com. L441-10".to_owned(),
        "TOTAL;30/04/2026;principal restant dû;;;;;;;717,68;".to_owned(),
        "TOTAL;30/04/2026;intérêts restant dus;;;;;;;7,17;".to_owned(),
        "TOTAL;30/04/2026;indemnités forfaitaires;;;;;;;40,00;".to_owned(),
        "TOTAL;30/04/2026;frais complémentaires;;;;;;;15,00;".to_owned(),
        "TOTAL;30/04/2026;total dû;;;;;;;779,85;".to_owned(),
        "TOTAL;30/04/2026;intérêts par jour de retard;;;;;;;0,24;".to_owned(),
    ];
    let csv = report::to_csv(&d, &c);
    assert_eq!(csv, format!("{}\r\n", expected.join("\r\n")));
    csv::check_adds_up(&c, &csv);
}

/// Lines of nothing are left out: no credit note, no payment, no indemnity (option off), no
/// extra costs give no "avoir", "paiement", "indemnité" or "frais" line; a payment that only
/// reaches interest gives no principal line. Parties without a name give empty cells.
///   1 000 × 12.15 % × 59 / 365 = 19.64 (1 Feb – 31 Mar 2026); the 10 paid on 31 March all go
///   to interest, 9.64 left; total 1 009.64.
#[test]
fn csv_export_leaves_out_empty_lines() {
    let (d, c) = read(
        r#"{"version": 2, "as_of": "2026-03-31",
        "creditor": {"kind": "company"}, "debtor": {"kind": "professional"},
        "invoices": [{"number": "F-1", "due": "2026-01-31", "amount": "1000.00"}],
        "payments": [{"date": "2026-03-31", "amount": "10.00"}],
        "options": {"indemnity": false}}"#,
    );
    let csv = report::to_csv(&d, &c);
    assert!(
        csv.starts_with("\u{feff}Décompte des sommes dues\r\nCréancier;\r\nDébiteur;\r\n"),
        "{csv}"
    );
    let table = csv::check_adds_up(&c, &csv);
    let labels: Vec<&str> = table.iter().map(|row| row[2].as_str()).collect();
    assert_eq!(
        labels,
        [
            "principal",
            "intérêts",
            "paiement imputé sur les intérêts",
            "total facture",
            "principal restant dû",
            "intérêts restant dus",
            "indemnités forfaitaires",
            "frais complémentaires",
            "total dû",
            "intérêts par jour de retard",
        ]
    );
    assert!(
        csv.contains("\r\nF-1;31/03/2026;total facture;;;;;;;1009,64;\r\n"),
        "{csv}"
    );
}

/// One "avoir" line per credit note and invoice it reduced, on its own date, or on the due
/// date of that invoice when the note has none (the engine deducts credit notes from the
/// start). A note naming no invoice is spread by due date (A, then B); what no invoice could
/// take, and payments beyond everything owed, are shown under TOTAL, outside `montant`.
///   B: 500 − 100 (note of 10 February) = 400; the undated 1 200: 1 000 off A, 200 off B;
///   the 50 on A finds nothing left: 50 of credit unallocated.
///   B: 200 × 12.15 % × 31 / 365 = 2.063… → 2.06 (1 – 31 Mar 2026); the 300 paid on 31 March:
///   2.06 to interest, 200 to principal, 97.94 left over. B was not paid by its due date
///   (200 left): 40 of indemnity; A was (by its credit note): none.
///   A: 1 000 − 1 000 = 0; B: 500 − 100 − 200 + 2.06 − 2.06 − 200 + 40 = 40; total 40.
#[test]
fn csv_export_dates_each_credit_note_and_shows_what_is_left_over() {
    let (d, c) = read(
        r#"{"version": 3, "as_of": "2026-03-31",
        "creditor": {"name": "Atelier Martin", "kind": "company"},
        "debtor": {"name": "Dupont SARL", "kind": "professional"},
        "invoices": [{"number": "B", "due": "2026-02-28", "amount": "500.00"},
                     {"number": "A", "due": "2026-01-31", "amount": "1000.00"}],
        "credit_notes": [{"date": "2026-02-10", "amount": "100.00", "invoice": "B"},
                         {"amount": "1200.00"},
                         {"date": "2026-03-15", "amount": "50.00", "invoice": "A"}],
        "payments": [{"date": "2026-03-31", "amount": "300.00"}]}"#,
    );
    let basis = "taux BCE 2,15 % au 01/01/2026 + 10 points (C. com. L441-10)";
    let csv = report::to_csv(&d, &c);
    let table: Vec<String> = csv.split("\r\n").skip(6).map(str::to_owned).collect();
    let expected = [
        "A;31/01/2026;principal;;;;;;1000,00;;montant TTC, échéance".to_owned(),
        "A;31/01/2026;avoir;;;;;;-1000,00;;".to_owned(),
        "A;31/03/2026;total facture;;;;;;;0,00;".to_owned(),
        "B;28/02/2026;principal;;;;;;500,00;;montant TTC, échéance".to_owned(),
        "B;10/02/2026;avoir;;;;;;-100,00;;".to_owned(),
        "B;28/02/2026;avoir;;;;;;-200,00;;".to_owned(),
        format!("B;31/03/2026;intérêts;01/03/2026;31/03/2026;31;200,00;12,15;2,06;;{basis}"),
        "B;31/03/2026;paiement imputé sur les intérêts;;;;;;-2,06;;C. civ. 1343-1".to_owned(),
        "B;31/03/2026;paiement imputé sur le principal;;;;;;-200,00;;".to_owned(),
        "B;28/02/2026;indemnité forfaitaire;;;;;;40,00;;C. com. D441-5".to_owned(),
        "B;31/03/2026;total facture;;;;;;;40,00;".to_owned(),
        "TOTAL;31/03/2026;principal restant dû;;;;;;;0,00;".to_owned(),
        "TOTAL;31/03/2026;intérêts restant dus;;;;;;;0,00;".to_owned(),
        "TOTAL;31/03/2026;indemnités forfaitaires;;;;;;;40,00;".to_owned(),
        "TOTAL;31/03/2026;frais complémentaires;;;;;;;0,00;".to_owned(),
        "TOTAL;31/03/2026;total dû;;;;;;;40,00;".to_owned(),
        "TOTAL;31/03/2026;intérêts par jour de retard;;;;;;;0,00;".to_owned(),
        "TOTAL;31/03/2026;paiements non imputés;;;;;;;97,94;".to_owned(),
        "TOTAL;31/03/2026;avoirs non imputés;;;;;;;50,00;".to_owned(),
        String::new(),
    ];
    assert_eq!(table, expected, "{csv}");
    csv::check_adds_up(&c, &csv);
}

/// Every golden dossier's CSV: a date on every line of the table, and the `montant` column
/// adds up to each invoice's total and, over the file, to the total owed, to the cent.
#[test]
fn csv_export_of_every_golden_dossier_adds_up() {
    let dir = format!("{}/tests/golden", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".result.json")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "golden dossiers: {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let (d, c) = read(&text);
        let table = csv::check_adds_up(&c, &report::to_csv(&d, &c));
        let invoices = table.iter().filter(|r| r[2] == "total facture").count();
        let judgments = table.iter().filter(|r| r[2] == "total jugement").count();
        // After a judgment, one account replaces the invoices'.
        let expected = match d.judgment {
            Some(_) => (0, 1),
            None => (d.invoices.len(), 0),
        };
        assert_eq!((invoices, judgments), expected, "{path:?}");
    }
}
