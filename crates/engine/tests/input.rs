//! The input and output side through the public API: dossier files read, exports written.

mod common;

use common::run;
use relance_engine::report;

/// The CSV export has one line per step of the décompte: principal, credit note, each
/// interest segment, a payment split between interest and principal (C. civ. 1343-1), the
/// D441-5 indemnity, the invoice total, then the totals. An invoice number a spreadsheet would
/// run as a formula (`=F-1`) is prefixed with `'`.
///   1 000 − 100 (credit note) = 900 from 1 February 2026, ECB 2.15 % + 10 = 12.15 %:
///   900 × 12.15 % × 59 / 365 = 17.676… → 17.68 (1 Feb – 31 Mar);
///   the 200 paid on 31 March: 17.68 to interest, 182.32 to principal → 717.68;
///   717.68 × 12.15 % × 30 / 365 = 7.166… → 7.17 (1 – 30 Apr);
///   total 717.68 + 7.17 + 40 + 15 (extra costs) = 779.85; per day 717.68 × 12.15 % / 365 = 0.238… → 0.24.
#[test]
fn csv_export_lists_every_line_of_the_decompte() {
    let c = run(r#"{"version": 2, "as_of": "2026-04-30",
        "creditor": {"name": "Atelier Martin", "kind": "company"},
        "debtor": {"name": "Dupont SARL", "kind": "professional"},
        "invoices": [{"number": "=F-1", "issued": "2026-01-01", "due": "2026-01-31", "amount": "1000.00"}],
        "credit_notes": [{"date": "2026-02-10", "amount": "100.00", "invoice": "=F-1"}],
        "payments": [{"date": "2026-03-31", "amount": "200.00"}],
        "options": {"extra_costs": "15"}}"#);
    let basis = "taux BCE 2,15 % au 01/01/2026 + 10 points (C. com. L441-10)";
    let expected = [
        "\u{feff}facture;ligne;du;au;jours;base;taux (%);montant;fondement".to_owned(),
        "'=F-1;principal;;31/01/2026;;;;1000,00;montant TTC, échéance".to_owned(),
        "'=F-1;avoir;;;;;;-100,00;".to_owned(),
        format!("'=F-1;intérêts;01/02/2026;31/03/2026;59;900,00;12,15;17,68;{basis}"),
        format!("'=F-1;intérêts;01/04/2026;30/04/2026;30;717,68;12,15;7,17;{basis}"),
        "'=F-1;paiement imputé sur les intérêts;31/03/2026;;;;;-17,68;C. civ. 1343-1".to_owned(),
        "'=F-1;paiement imputé sur le principal;31/03/2026;;;;;-182,32;".to_owned(),
        "'=F-1;indemnité forfaitaire;;;;;;40,00;C. com. D441-5".to_owned(),
        "'=F-1;total facture;;;;;;764,85;".to_owned(),
        "TOTAL;principal restant dû;;30/04/2026;;;;717,68;".to_owned(),
        "TOTAL;intérêts restant dus;;30/04/2026;;;;7,17;".to_owned(),
        "TOTAL;indemnités forfaitaires;;30/04/2026;;;;40,00;".to_owned(),
        "TOTAL;frais complémentaires;;30/04/2026;;;;15,00;".to_owned(),
        "TOTAL;total dû;;30/04/2026;;;;779,85;".to_owned(),
        "TOTAL;intérêts par jour de retard;;30/04/2026;;;;0,24;".to_owned(),
    ];
    let csv = report::to_csv(&c);
    assert_eq!(csv, format!("{}\r\n", expected.join("\r\n")));
}

/// Lines of nothing are left out: no credit note, no payment, no indemnity (option off) give
/// no "avoir", "paiement" or "indemnité" line; a payment that only reaches interest gives no
/// principal line.
///   1 000 × 12.15 % × 59 / 365 = 19.64 (1 Feb – 31 Mar 2026); the 10 paid on 31 March all go
///   to interest, 9.64 left; total 1 009.64.
#[test]
fn csv_export_leaves_out_empty_lines() {
    let c = run(r#"{"version": 2, "as_of": "2026-03-31",
        "creditor": {"kind": "company"}, "debtor": {"kind": "professional"},
        "invoices": [{"number": "F-1", "due": "2026-01-31", "amount": "1000.00"}],
        "payments": [{"date": "2026-03-31", "amount": "10.00"}],
        "options": {"indemnity": false}}"#);
    let csv = report::to_csv(&c);
    let lines: Vec<&str> = csv
        .lines()
        .map(|l| l.split(';').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        lines,
        [
            "ligne",
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
    assert!(csv.contains("F-1;total facture;;;;;;1009,64;\r\n"), "{csv}");
}
