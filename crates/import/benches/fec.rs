//! `cargo bench -p relance-import --bench fec` (or `cargo xtask bench`): the time to read a
//! generated FEC of 202 000 lines, 2 000 customers of 33 invoices and a lettered payment each,
//! into its dossiers, then to compute their portfolio. Prints the medians; the target is under
//! 2 s natively for the reading (issue 15).

// Timing is this file's whole point, and milliseconds for display are not money.
#![allow(clippy::disallowed_methods, clippy::float_arithmetic)]

use std::fmt::Write;
use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use relance_engine::RateTables;
use relance_import::{fec, files, portfolio};

const CUSTOMERS: usize = 2_000;
const INVOICES: usize = 33;

/// An FEC with a header, then per customer: each invoice as a sales entry of three lines
/// (411 debit, 706 and 44571 credits), and one bank entry of two lines paying its first
/// invoice, lettered with it.
fn generated() -> String {
    let mut out = String::from(
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t\
         CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t\
         ValidDate\tMontantdevise\tIdevise\n",
    );
    let mut entry = 0;
    for c in 0..CUSTOMERS {
        let (aux, name) = (format!("C{c:05}"), format!("Client {c}"));
        let mut paid = 0;
        for i in 0..INVOICES {
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

fn median_ms(runs: usize, mut run: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], times[0])
}

fn main() {
    let text = generated();
    let lines = text.lines().count();
    let file = [files::File {
        name: "732829320FEC20251231.txt".into(),
        bytes: text.clone().into_bytes(),
    }];
    let read = files::read(&file, fec::DEFAULT_TERMS_DAYS);
    assert_eq!(read.dossiers.len(), CUSTOMERS, "{:?}", read.said.first());
    let (median, min) = median_ms(5, || {
        black_box(files::read(black_box(&file), fec::DEFAULT_TERMS_DAYS));
    });
    println!(
        "import: FEC of {lines} lines ({:.1} MB), {CUSTOMERS} customers: median {median:.0} ms, min {min:.0} ms (5 runs; goal under 2 000 ms)",
        text.len() as f64 / 1e6
    );
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let tables = RateTables::builtin();
    let (median, min) = median_ms(5, || {
        black_box(portfolio::rows(black_box(&read.dossiers), as_of, &tables));
    });
    println!(
        "portfolio: {CUSTOMERS} dossiers of {INVOICES} invoices computed and sorted: median {median:.0} ms, min {min:.0} ms (5 runs)"
    );
}
