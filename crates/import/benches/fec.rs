//! `cargo bench -p relance-import --bench fec` (or `cargo xtask bench`): the time to read a
//! generated FEC of 202 000 lines, 2 000 customers of 33 invoices and a lettered payment each,
//! into its dossiers, then to compute their portfolio. Prints the medians; the target is under
//! 2 s natively for the reading (issue 15).

// Timing is this file's whole point, and milliseconds for display are not money.
#![allow(clippy::disallowed_methods, clippy::float_arithmetic)]

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use relance_engine::RateTables;
use relance_import::{fec, files, portfolio};

const CUSTOMERS: usize = 2_000;
const INVOICES: usize = 33;

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
    let text = relance_import::sample::fec(CUSTOMERS, INVOICES);
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
