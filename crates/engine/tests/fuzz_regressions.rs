//! Inputs found by the fuzz targets (`fuzz/`, `cargo xtask fuzz`), kept as plain tests.

use relance_engine::{form, paste};

/// Every row a paste accepts goes into the form without an error on its fields.
fn form_accepts(pasted: &paste::Pasted) {
    let form = form::Form {
        invoices: pasted.rows.clone(),
        ..form::Form::default()
    };
    let checked = form::check(&form);
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    assert_eq!(
        checked.dossier.map(|d| d.invoices.len()),
        Some(pasted.rows.len())
    );
}

/// Found by `paste` (rows then read by `form::check`): an ISO date outside the years a dossier
/// accepts (1900 to 2199) was taken as a row, which the form then refused ("date hors
/// limites"); slash dates were already refused.
#[test]
fn paste_refuses_iso_dates_outside_the_dossier_years() {
    // The input as the fuzzer found it: the year-112 due date was read as a row.
    let found = paste::parse(",0\u{a0},0112-05-31,,.9\n");
    assert!(found.rows.is_empty(), "{:?}", found.rows);
    assert_eq!(found.rejected.len(), 1, "{:?}", found.rejected);

    let pasted = paste::parse(
        "N°\tÉchéance\tMontant\nF1\t0112-05-31\t100\nF2\t2200-01-01\t100\nF3\t1899-12-31\t100\nF4\t2199-12-31\t100\nF5\t1900-01-01\t100\nF6\t31/12/2200\t100\n",
    );
    let rows: Vec<&str> = pasted.rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(rows, ["F4", "F5"]);
    let rejected: Vec<String> = pasted
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.line, r.reason))
        .collect();
    assert_eq!(
        rejected,
        [
            "2: date d'échéance invalide « 0112-05-31 »",
            "3: date d'échéance invalide « 2200-01-01 »",
            "4: date d'échéance invalide « 1899-12-31 »",
            "7: date d'échéance invalide « 31/12/2200 »",
        ]
    );
    form_accepts(&pasted);
}
