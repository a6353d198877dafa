//! The human-readable décompte printed by `relance compute` (default `--format table`).

use std::fmt::Write as _;

use relance_engine::dossier::Dossier;
use relance_engine::fr::{amount, date, percent, rate_basis};
use relance_engine::{Computation, Regime};

/// The segments of a décompte, one line each with its legal basis.
fn segments(out: &mut String, list: &[relance_engine::Segment]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {:<10}  {:<10}  {:>5}  {:>16}  {:>9}  {:>14}  Fondement",
        "Du", "Au", "Jours", "Base", "Taux", "Intérêts"
    );
    for s in list {
        let mut basis = rate_basis(&s.rate);
        if s.rate.provisional {
            basis.push_str(" [provisoire]");
        }
        if s.rate.status == relance_engine::rates::Status::Unverified {
            basis.push_str(" [non vérifié]");
        }
        let divisor = if s.divisor == 366 { " (/366)" } else { "" };
        let _ = writeln!(
            out,
            "  {:<10}  {:<10}  {:>5}  {:>16}  {:>9}  {:>14}  {basis}{divisor}",
            date(s.from),
            date(s.to),
            s.days,
            amount(s.base),
            percent(s.rate.percent),
            amount(s.interest)
        );
    }
}

/// A judgment's account: the award, its interest segment by segment, the payments since.
fn judgment(out: &mut String, j: &relance_engine::judgment::JudgmentResult) {
    let _ = writeln!(
        out,
        "\nJugement du {} (les factures ci-dessus : leur décompte jusqu'à cette date)",
        date(j.date)
    );
    match (j.served, j.increase_from) {
        (Some(served), Some(from)) => {
            let _ = writeln!(
                out,
                "  Signifié le {} : taux majoré de 5 points à compter du {} (C. mon. fin. L313-3)",
                date(served),
                date(from)
            );
        }
        _ => {
            let _ = writeln!(out, "  Non signifié : pas de majoration de 5 points");
        }
    }
    row(
        out,
        "  ",
        "Principal et article 700 (base des intérêts)",
        j.base,
    );
    segments(out, &j.segments);
    for cap in &j.capitalisations {
        let _ = writeln!(
            out,
            "  Capitalisation du {} : {} d'intérêts ajoutés à la base (C. civ. 1343-2)",
            date(cap.date),
            amount(cap.amount)
        );
    }
    for p in &j.payments {
        let _ = writeln!(
            out,
            "  Paiement du {} : {} aux dépens, {} aux intérêts, {} au principal",
            date(p.date),
            amount(p.to_costs),
            amount(p.to_interest),
            amount(p.to_base)
        );
    }
    row(out, "  ", "Intérêts alloués restant dus", j.awarded_owed);
    row(
        out,
        "  ",
        "Intérêts depuis le jugement restant dus",
        j.accrued_owed,
    );
    if !j.capitalised_owed.is_zero() {
        row(
            out,
            "  ",
            "Intérêts capitalisés restant dus",
            j.capitalised_owed,
        );
    }
    row(out, "  ", "Dépens restant dus", j.costs_owed);
}

/// Renders the décompte as aligned French text.
pub fn render(dossier: &Dossier, c: &Computation) -> String {
    let mut out = String::new();
    let regime = match c.regime {
        Regime::B2b => "débiteur professionnel : pénalités de retard (C. com. L441-10) et indemnité forfaitaire (D441-5)",
        Regime::B2c => "débiteur consommateur : intérêts au taux légal (C. civ. 1231-6)",
        Regime::Public => "acheteur public : intérêts moratoires (C. commande publique R2192-31) et indemnité forfaitaire (D2192-35)",
    };
    let _ = writeln!(out, "Décompte au {}", date(c.as_of));
    let names = [
        &dossier.creditor.identity.name,
        &dossier.debtor.identity.name,
    ];
    if names.iter().any(|n| !n.is_empty()) {
        let _ = writeln!(
            out,
            "Créancier : {} — Débiteur : {}",
            or_dash(names[0]),
            or_dash(names[1])
        );
    }
    let _ = writeln!(out, "{}", capitalise(regime));
    for inv in &c.invoices {
        let _ = writeln!(out);
        let issued = inv
            .issued
            .map(|d| format!("émise le {}, ", date(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "Facture {} — {issued}échéance le {} — {}",
            inv.number,
            date(inv.due),
            amount(inv.amount)
        );
        if !inv.credited.is_zero() {
            let _ = writeln!(out, "  Avoirs déduits : {}", amount(inv.credited));
        }
        segments(&mut out, &inv.segments);
        for cap in &inv.capitalisations {
            let _ = writeln!(
                out,
                "  Capitalisation du {} : {} d'intérêts ajoutés à la base (C. civ. 1343-2)",
                date(cap.date),
                amount(cap.amount)
            );
        }
        for p in &inv.payments {
            let _ = writeln!(
                out,
                "  Paiement du {} : {} imputés sur les intérêts, {} sur le principal",
                date(p.date),
                amount(p.to_interest),
                amount(p.to_principal)
            );
        }
        let (label, due) = relance_engine::fr::interest_noun(c.regime);
        row(&mut out, "  ", &format!("{label} {due}"), inv.interest);
        if !inv.interest_paid.is_zero() {
            let paid = if due == "dues" { "payées" } else { "payés" };
            row(
                &mut out,
                "  ",
                &format!("  (déjà {paid})"),
                inv.interest_paid,
            );
        }
        row(&mut out, "  ", "Principal restant dû", inv.principal);
        if !inv.indemnity.is_zero() {
            row(
                &mut out,
                "  ",
                if c.regime == Regime::Public {
                    "Indemnité forfaitaire (D2192-35)"
                } else {
                    "Indemnité forfaitaire (D441-5)"
                },
                inv.indemnity,
            );
        }
        row(&mut out, "  ", "Total facture", inv.total);
    }
    if let Some(j) = &c.judgment {
        judgment(&mut out, j);
    }
    let t = &c.totals;
    let _ = writeln!(out, "\nTotaux au {}", date(c.as_of));
    row(&mut out, "  ", "Principal restant dû", t.principal);
    row(
        &mut out,
        "  ",
        match c.regime {
            Regime::B2b if c.judgment.is_none() => "Pénalités de retard",
            Regime::B2b | Regime::B2c | Regime::Public => "Intérêts",
        },
        t.interest,
    );
    row(&mut out, "  ", "Indemnités forfaitaires", t.indemnities);
    if !t.extra_costs.is_zero() {
        let label = if c.judgment.is_some() {
            "Dépens"
        } else {
            "Frais complémentaires"
        };
        row(&mut out, "  ", label, t.extra_costs);
    }
    row(&mut out, "  ", "Total dû", t.total);
    let _ = writeln!(out, "  + {} par jour de retard", amount(c.daily_accrual));
    if !c.unallocated_payments.is_zero() {
        row(
            &mut out,
            "  ",
            "Paiements non imputés",
            c.unallocated_payments,
        );
    }
    if !c.notices.is_empty() {
        let _ = writeln!(out, "\nRemarques");
        for n in &c.notices {
            let _ = writeln!(out, "  - {}", n.message());
        }
    }
    out
}

fn row(out: &mut String, indent: &str, label: &str, value: rust_decimal::Decimal) {
    let _ = writeln!(out, "{indent}{label:<34}{:>18}", amount(value));
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
