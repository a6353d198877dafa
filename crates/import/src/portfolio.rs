//! The portfolio: one row per debtor who owes something, with what the engine computes for
//! its dossier, the largest total first.

use chrono::NaiveDate;
use relance_engine::law::prescription::Status;
use relance_engine::{compute, Computation, Dossier, RateTables};
use rust_decimal::Decimal;

/// One debtor of the portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index of its dossier in the list given.
    pub dossier: usize,
    pub debtor: String,
    pub siren: String,
    pub principal: Decimal,
    /// Penalties or interest still owed.
    pub interest: Decimal,
    pub indemnities: Decimal,
    pub total: Decimal,
    /// The earliest due date of an invoice still owing something.
    pub oldest_due: Option<NaiveDate>,
    /// The most urgent prescription status among its invoices (`None`: none soon).
    pub prescription: Option<Status>,
}

impl Row {
    /// The prescription column of the portfolio: « peut-être prescrite », « bientôt
    /// prescrite », or nothing.
    pub fn prescription_label(&self) -> &'static str {
        match self.prescription {
            Some(Status::Prescribed) => "peut-être prescrite",
            Some(Status::Soon) => "bientôt prescrite",
            Some(Status::Running) | None => "",
        }
    }
}

/// The rows of the dossiers that owe something on `as_of`, the largest total first (equal
/// totals in the order given).
pub fn rows(dossiers: &[Dossier], as_of: NaiveDate, tables: &RateTables) -> Vec<Row> {
    let mut rows: Vec<Row> = dossiers
        .iter()
        .enumerate()
        .filter_map(|(i, d)| row_of(i, d, as_of, tables))
        .collect();
    sort(&mut rows);
    rows
}

/// The row of `d`, the `index`-th dossier, if it owes something on `as_of`: what [`rows`]
/// computes for each, for a caller that computes them one at a time.
pub fn row_of(index: usize, d: &Dossier, as_of: NaiveDate, tables: &RateTables) -> Option<Row> {
    row(index, d, &compute(d, as_of, tables), as_of)
}

/// The largest total first; equal totals keep their order.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by_key(|r| std::cmp::Reverse(r.total));
}

fn row(index: usize, d: &Dossier, c: &Computation, as_of: NaiveDate) -> Option<Row> {
    let t = &c.totals;
    if t.total <= Decimal::ZERO {
        return None;
    }
    let owing = c.invoices.iter().filter(|i| !i.total.is_zero());
    let prescription = c
        .invoices
        .iter()
        .filter_map(|i| i.prescription.map(|p| p.status(as_of)))
        .filter(|s| *s != Status::Running)
        .min();
    Some(Row {
        dossier: index,
        debtor: d.debtor.identity.name.clone(),
        siren: d.debtor.identity.siren.clone(),
        principal: t.principal,
        interest: t.interest,
        indemnities: t.indemnities,
        total: t.total,
        oldest_due: owing.map(|i| i.due).min(),
        prescription,
    })
}

/// The portfolio as a CSV file for a French spreadsheet (`;`, decimal comma, UTF-8 with a
/// byte-order mark, cells that could be formulas neutralised), the largest total first.
pub fn to_csv(rows: &[Row], as_of: NaiveDate) -> String {
    let amount = |d: Decimal| {
        relance_engine::money::round_cents(d)
            .to_string()
            .replace('.', ",")
    };
    let line = |cells: &[&str]| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| relance_engine::report::csv_cell(c))
            .collect();
        format!("{}\r\n", cells.join(";"))
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&[
        "Portefeuille au",
        &relance_engine::fr::date(as_of),
    ]));
    out.push_str(&line(&[]));
    out.push_str(&line(&[
        "débiteur",
        "siren",
        "principal",
        "pénalités ou intérêts",
        "indemnités",
        "total",
        "plus ancienne échéance",
        "prescription",
    ]));
    for r in rows {
        let prescription = r.prescription_label();
        let oldest = r
            .oldest_due
            .map(relance_engine::fr::date)
            .unwrap_or_default();
        out.push_str(&line(&[
            &r.debtor,
            &r.siren,
            &amount(r.principal),
            &amount(r.interest),
            &amount(r.indemnities),
            &amount(r.total),
            &oldest,
            prescription,
        ]));
    }
    out
}
