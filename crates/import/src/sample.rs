//! Generated FEC files, for the benchmark of a large import and the tests of its pace; the same
//! shape as the e2e tests' `bigFec` (tests/e2e/dossiers.ts). Not used by the readers.

use std::fmt::Write;

/// An FEC of `customers` customers with a header, then per customer: each of its `invoices`
/// invoices as a sales entry of three lines (411 debit, 706 and 44571 credits), and one bank
/// entry of two lines paying its first invoice, lettered with it: `1 + customers × (3 ×
/// invoices + 2)` lines.
pub fn fec(customers: usize, invoices: usize) -> String {
    let mut out = String::from(
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t\
         CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t\
         ValidDate\tMontantdevise\tIdevise\n",
    );
    let mut entry = 0;
    for c in 0..customers {
        let (aux, name) = (format!("C{c:05}"), format!("Client {c}"));
        let mut paid = 0;
        for i in 0..invoices {
            entry += 1;
            let day = format!("2025{:02}{:02}", 1 + (c + i) % 12, 1 + (c * 7 + i) % 28);
            let piece = format!("FA-{c}-{i}");
            let ht = 100 + (c * 31 + i * 17) % 5_000;
            let (tva, ttc) = (ht / 5, ht + ht / 5);
            let letter = if i == 0 { "AA" } else { "" };
            if i == 0 {
                paid = ttc;
            }
            let lines = [
                (
                    "411000",
                    "Clients",
                    aux.as_str(),
                    name.as_str(),
                    ttc,
                    0,
                    letter,
                ),
                ("706000", "Prestations", "", "", 0, ht, ""),
                ("445710", "TVA collectée", "", "", 0, tva, ""),
            ];
            for (account, label, aux, aux_name, debit, credit, letter) in lines {
                let _ = writeln!(
                    out,
                    "VT\tVentes\t{entry}\t{day}\t{account}\t{label}\t{aux}\t{aux_name}\t{piece}\t\
                     {day}\tFacture {piece}\t{debit},00\t{credit},00\t{letter}\t\t{day}\t\t"
                );
            }
        }
        entry += 1;
        let day = "20251115";
        for (account, label, aux, aux_name, debit, credit) in [
            ("512000", "Banque", "", "", paid, 0),
            ("411000", "Clients", aux.as_str(), name.as_str(), 0, paid),
        ] {
            let _ = writeln!(
                out,
                "BQ\tBanque\t{entry}\t{day}\t{account}\t{label}\t{aux}\t{aux_name}\tVIR-{c}\t\
                 {day}\tVirement\t{debit},00\t{credit},00\tAA\t\t{day}\t\t"
            );
        }
    }
    out
}
