//! Machine-readable exports of a [`Computation`]: the JSON result schema (CLI `--format json`,
//! web "Exporter le décompte (JSON)") and a CSV that opens as-is in a French spreadsheet
//! (`;` separators, comma decimals, UTF-8 byte-order mark): a header block naming the parties
//! and the date, then one dated line per step of the décompte.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::json_text::json;

use crate::compute::{Computation, Regime, Segment};
use crate::dossier::{iso, BelowFloor, Dossier};
use crate::fr;
use crate::money::round_cents;
use crate::notice::Notice;
use crate::rates::Basis;

fn money(value: Decimal) -> Value {
    Value::String(round_cents(value).to_string())
}

/// The result as a JSON value. Amounts are strings with two decimals, rates percent strings.
/// A segment where a contractual rate below the C. com. L441-10 floor gave way also has
/// `contractual_rate` (the clause's) and `below_floor` (`floor` or `default`: what applied).
pub fn to_json_value(c: &Computation) -> Value {
    let invoices: Vec<Value> = c
        .invoices
        .iter()
        .map(|inv| {
            let segments: Vec<Value> = inv.segments.iter().map(segment).collect();
            let payments: Vec<Value> = inv
                .payments
                .iter()
                .map(|p| {
                    json!({
                        "date": iso(p.date),
                        "amount": money(p.to_interest + p.to_principal),
                        "to_interest": money(p.to_interest),
                        "to_principal": money(p.to_principal),
                    })
                })
                .collect();
            #[cfg_attr(not(feature = "judgment"), allow(unused_mut))]
            let mut value = json!({
                "number": inv.number,
                "issued": inv.issued.map(iso),
                "due": iso(inv.due),
                "amount": money(inv.amount),
                "credited": money(inv.credited),
                "principal": money(inv.principal),
                "interest": money(inv.interest),
                "interest_accrued": money(inv.interest_accrued),
                "interest_paid": money(inv.interest_paid),
                "indemnity": money(inv.indemnity),
                "total": money(inv.total),
                "accrual_start": inv.accrual_start.map(iso),
                "segments": segments,
                "payments": payments,
            });
            // C. civ. 1343-2: written only when some interest was capitalised.
            #[cfg(feature = "judgment")]
            if let (false, Value::Object(map)) = (inv.capitalisations.is_empty(), &mut value) {
                let events = inv
                    .capitalisations
                    .iter()
                    .map(|c| json!({"date": iso(c.date), "amount": money(c.amount)}));
                map.insert("capitalised".into(), json!(money(inv.capitalised())));
                map.insert("capitalisations".into(), Value::Array(events.collect()));
            }
            value
        })
        .collect();
    let t = &c.totals;
    #[cfg_attr(not(feature = "judgment"), allow(unused_mut))]
    let mut value = json!({
        "as_of": iso(c.as_of),
        "regime": c.regime.code(),
        "invoices": invoices,
        "totals": {
            "principal": money(t.principal),
            "interest": money(t.interest),
            "interest_accrued": money(t.interest_accrued),
            "indemnities": money(t.indemnities),
            "extra_costs": money(t.extra_costs),
            "total": money(t.total),
        },
        "daily_accrual": money(c.daily_accrual),
        "unallocated_payments": money(c.unallocated_payments),
        "notices": c.notices.iter().map(notice).collect::<Vec<_>>(),
    });
    #[cfg(feature = "judgment")]
    if let (Some(j), Some(map)) = (&c.judgment, value.as_object_mut()) {
        map.insert("judgment".to_owned(), judgment(j));
    }
    value
}

/// A judgment's account: its dates, its segments and payments, and what is still owed.
#[cfg(feature = "judgment")]
fn judgment(j: &crate::judgment::JudgmentResult) -> Value {
    let payments: Vec<Value> = j
        .payments
        .iter()
        .map(|p| {
            json!({
                "date": iso(p.date),
                "amount": money(p.to_costs + p.to_interest + p.to_base),
                "to_costs": money(p.to_costs),
                "to_interest": money(p.to_interest),
                "to_base": money(p.to_base),
            })
        })
        .collect();
    json!({
        "date": iso(j.date),
        "served": j.served.map(iso),
        "increase_from": j.increase_from.map(iso),
        "base": money(j.base),
        "segments": j.segments.iter().map(segment).collect::<Vec<_>>(),
        "payments": payments,
        "interest_accrued": money(j.interest_accrued),
        "capitalisations": j.capitalisations.iter().map(|c| json!({"date": iso(c.date), "amount": money(c.amount)})).collect::<Vec<_>>(),
        "owed": {
            "base": money(j.base_owed),
            "interest_awarded": money(j.awarded_owed),
            "interest_since": money(j.accrued_owed),
            "interest_capitalised": money(j.capitalised_owed),
            "costs": money(j.costs_owed),
            "total": money(j.total()),
        },
    })
}

fn segment(s: &Segment) -> Value {
    let mut v = json!({
        "from": iso(s.from),
        "to": iso(s.to),
        "days": s.days,
        "base": money(s.base),
        "rate": fr::percent_number(s.rate.percent),
        "divisor": s.divisor,
        "interest": money(s.interest),
        "basis": fr::rate_basis(&s.rate),
        "status": s.rate.status.code(),
        "provisional": s.rate.provisional,
        "source": s.rate.source,
    });
    if let (Some(link), Some(map)) = (crate::rates::source_link(s.rate.source), v.as_object_mut()) {
        map.insert("source_link".into(), link.into());
    }
    let replaced = match s.rate.basis {
        Basis::ContractualFloor { contractual, .. } => Some((contractual, BelowFloor::Floor)),
        Basis::ContractualDefault { contractual, .. } => {
            Some((contractual, BelowFloor::LegalDefault))
        }
        Basis::Contractual
        | Basis::EcbPlusTen { .. }
        | Basis::EcbPlusEight { .. }
        | Basis::Legal { .. } => None,
        #[cfg(feature = "judgment")]
        Basis::Judgment { .. } => None,
    };
    if let (Some((contractual, below_floor)), Some(map)) = (replaced, v.as_object_mut()) {
        map.insert(
            "contractual_rate".to_owned(),
            json!(fr::percent_number(contractual)),
        );
        map.insert("below_floor".to_owned(), json!(below_floor.code()));
    }
    v
}

/// A notice as `{code, message}`; a prescription notice also names its `invoice`, the
/// `last_day` to act (ISO) and its `status` (`prescribed`, `soon`); a contractual rate below
/// the floor that gave way names its `semester` (first day, ISO), the `contractual_rate`, the
/// `floor` and, replaced by the default rate, the `applied_rate`.
fn notice(n: &Notice) -> Value {
    let mut v = json!({"code": n.code(), "message": n.message()});
    let Some(map) = v.as_object_mut() else {
        return v;
    };
    let mut rates = |semester, percent, floor| {
        map.insert("semester".to_owned(), json!(iso(semester)));
        map.insert(
            "contractual_rate".to_owned(),
            json!(fr::percent_number(percent)),
        );
        map.insert("floor".to_owned(), json!(fr::percent_number(floor)));
    };
    match n {
        Notice::Prescription {
            invoice,
            term,
            status,
        } => {
            map.insert("invoice".to_owned(), json!(invoice));
            map.insert("last_day".to_owned(), json!(iso(term.last_day)));
            map.insert("status".to_owned(), json!(status.code()));
        }
        Notice::ContractualRateRaisedToFloor {
            semester,
            percent,
            floor,
        } => rates(*semester, *percent, *floor),
        Notice::ContractualRateReplacedByDefault {
            semester,
            percent,
            floor,
            applied,
        } => {
            rates(*semester, *percent, *floor);
            map.insert(
                "applied_rate".to_owned(),
                json!(fr::percent_number(*applied)),
            );
        }
        _ => {}
    }
    v
}

/// The result as pretty-printed JSON text.
pub fn to_json(c: &Computation) -> String {
    crate::json_text::pretty(&to_json_value(c))
}

/// The columns of the décompte table of [`to_csv`].
const CSV_COLUMNS: [&str; 11] = [
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

/// CSV for a French spreadsheet (`;` separators, comma decimals, UTF-8 byte-order mark, CRLF).
///
/// First a header block, one `label;value` line each: the title, the creditor's and the
/// debtor's names (an empty cell when the dossier has none) and the calculation date; an empty
/// line; then the table ([`CSV_COLUMNS`]): per invoice its principal, each credit note, each
/// interest segment, each payment split between interest and principal, the D441-5 indemnity
/// and the invoice total; then the extra recovery costs and the totals.
///
/// Every table line is dated (`date`): the principal on its due date, a credit note on its own
/// date (the due date when the dossier gives none: the engine deducts it from the start), an
/// interest segment on its last day, a payment on its date, the indemnity on the due date it
/// was not paid by, totals on the calculation date. Line items have their amount in `montant`,
/// totals theirs in `total` only: the `montant` of an invoice's lines add up to its total, and
/// the whole column to the total owed, to the cent.
pub fn to_csv(dossier: &Dossier, c: &Computation) -> String {
    let as_of = fr::date(c.as_of);
    let mut csv = Csv(String::from("\u{feff}"));
    csv.line(&["Décompte des sommes dues"]);
    csv.line(&["Créancier", &dossier.creditor.identity.name]);
    csv.line(&["Débiteur", &dossier.debtor.identity.name]);
    csv.line(&["Calculé au", &as_of]);
    csv.line(&[]);
    csv.line(&CSV_COLUMNS);
    // After a judgment, what is owed comes from it: its lines replace the invoices'.
    #[cfg(feature = "judgment")]
    let invoices = if let Some(j) = &c.judgment {
        judgment_lines(&mut csv, j, c.as_of);
        &[][..]
    } else {
        &c.invoices[..]
    };
    #[cfg(not(feature = "judgment"))]
    let invoices = &c.invoices[..];
    for inv in invoices {
        let number = inv.number.as_str();
        csv.item(
            number,
            inv.due,
            "principal",
            inv.amount,
            "montant TTC, échéance",
        );
        for credit in &inv.credits {
            let date = credit.date.unwrap_or(inv.due);
            csv.item(number, date, "avoir", -credit.amount, "");
        }
        for s in &inv.segments {
            csv.segment(number, s);
        }
        for p in &inv.payments {
            if !p.to_interest.is_zero() {
                csv.item(
                    number,
                    p.date,
                    "paiement imputé sur les intérêts",
                    -p.to_interest,
                    "C. civ. 1343-1",
                );
            }
            if !p.to_principal.is_zero() {
                csv.item(
                    number,
                    p.date,
                    "paiement imputé sur le principal",
                    -p.to_principal,
                    "",
                );
            }
        }
        if !inv.indemnity.is_zero() {
            csv.item(
                number,
                inv.due,
                "indemnité forfaitaire",
                inv.indemnity,
                if c.regime == Regime::Public {
                    "C. commande publique D2192-35"
                } else {
                    "C. com. D441-5"
                },
            );
        }
        csv.total(number, c.as_of, "total facture", inv.total);
    }
    let t = &c.totals;
    // Owed on top of the invoices, so a line item of its own, on no invoice.
    if !t.extra_costs.is_zero() && !judged(c) {
        let basis = match c.regime {
            Regime::B2b => "C. com. L441-10",
            Regime::B2c | Regime::Public => "",
        };
        csv.item("", c.as_of, "frais complémentaires", t.extra_costs, basis);
    }
    let unallocated_credit: Decimal = c
        .notices
        .iter()
        .map(|n| match n {
            Notice::UnallocatedCredit { amount } => *amount,
            _ => Decimal::ZERO,
        })
        .sum();
    for (label, figure) in [
        ("principal restant dû", t.principal),
        ("intérêts restant dus", t.interest),
        ("indemnités forfaitaires", t.indemnities),
        (
            if judged(c) {
                "dépens"
            } else {
                "frais complémentaires"
            },
            t.extra_costs,
        ),
        ("total dû", t.total),
        ("intérêts par jour de retard", c.daily_accrual),
    ] {
        csv.total("TOTAL", c.as_of, label, figure);
    }
    // Money received beyond what is owed: not deducted anywhere above, shown for the record.
    for (label, figure) in [
        ("paiements non imputés", c.unallocated_payments),
        ("avoirs non imputés", unallocated_credit),
    ] {
        if !figure.is_zero() {
            csv.total("TOTAL", c.as_of, label, figure);
        }
    }
    csv.0
}

#[cfg(feature = "judgment")]
/// A judgment's lines: the award, the interest since segment by segment, each payment's parts.
fn judgment_lines(csv: &mut Csv, j: &crate::judgment::JudgmentResult, as_of: NaiveDate) {
    let name = "jugement";
    csv.item(
        name,
        j.date,
        "principal et article 700",
        j.base,
        "condamnation",
    );
    if !j.awarded.is_zero() {
        csv.item(name, j.date, "intérêts alloués", j.awarded, "condamnation");
    }
    if !j.costs.is_zero() {
        csv.item(name, j.date, "dépens", j.costs, "condamnation");
    }
    for s in &j.segments {
        csv.segment(name, s);
    }
    for p in &j.payments {
        for (label, part) in [
            ("paiement imputé sur les dépens", p.to_costs),
            ("paiement imputé sur les intérêts", p.to_interest),
            ("paiement imputé sur le principal", p.to_base),
        ] {
            if !part.is_zero() {
                csv.item(name, p.date, label, -part, "");
            }
        }
    }
    csv.total(name, as_of, "total jugement", j.total());
}

/// Whether the computation is a judgment's account (its extra costs are then the dépens).
fn judged(c: &Computation) -> bool {
    #[cfg(feature = "judgment")]
    return c.judgment.is_some();
    #[cfg(not(feature = "judgment"))]
    {
        let _ = c;
        false
    }
}

/// An amount with two decimals and a decimal comma.
fn cents(value: Decimal) -> String {
    round_cents(value).to_string().replace('.', ",")
}

/// The CSV text being written.
struct Csv(String);

impl Csv {
    /// One line of escaped cells.
    fn line(&mut self, cells: &[&str]) {
        let escaped: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        self.0.push_str(&escaped.join(";"));
        self.0.push_str("\r\n");
    }

    /// A line item of the décompte: its amount in `montant`.
    fn item(&mut self, invoice: &str, date: NaiveDate, label: &str, amount: Decimal, basis: &str) {
        let (date, amount) = (fr::date(date), cents(amount));
        self.line(&[
            invoice, &date, label, "", "", "", "", "", &amount, "", basis,
        ]);
    }

    /// A total (or a figure that is no line item): `montant` empty, the figure in `total`.
    /// An interest line: the segment's days, base, rate, interest and legal basis.
    fn segment(&mut self, invoice: &str, s: &Segment) {
        let to = fr::date(s.to);
        self.line(&[
            invoice,
            &to,
            "intérêts",
            &fr::date(s.from),
            &to,
            &s.days.to_string(),
            &cents(s.base),
            &fr::percent_number(s.rate.percent).replace('.', ","),
            &cents(s.interest),
            "",
            &fr::rate_basis(&s.rate),
        ]);
    }

    fn total(&mut self, invoice: &str, date: NaiveDate, label: &str, figure: Decimal) {
        let (date, figure) = (fr::date(date), cents(figure));
        self.line(&[invoice, &date, label, "", "", "", "", "", "", &figure, ""]);
    }
}

/// One CSV cell: quoted when it holds a separator, a quote or a line break; a text a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with `'`, except the numbers this report writes itself (`-500,00`).
pub fn csv_cell(cell: &str) -> String {
    let number = {
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
            && digits.starts_with(|c: char| c.is_ascii_digit())
    };
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number;
    let cell = if formula {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if cell.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_cannot_become_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 6"), "'+33 6");
        assert_eq!(csv_cell("-F1"), "'-F1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
        // Numbers the report writes itself stay numbers.
        assert_eq!(csv_cell("-500,00"), "-500,00");
        assert_eq!(csv_cell("F-2022-031"), "F-2022-031");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        // Only digits and commas after the sign make a number.
        assert_eq!(csv_cell("-1 OR 2"), "'-1 OR 2");
        assert_eq!(csv_cell("-,5"), "'-,5");
        assert_eq!(csv_cell("-"), "'-");
    }
}
