//! The French report printed by `relance strategy` (default `--format table`): the ranked
//! paths, their breakevens, the sensitivity of the ranking, the guards, what to do now, the value
//! of a payment plan and the assumptions to check.

use std::fmt::Write as _;

use relance_engine::dossier::Dossier;
use relance_engine::fr::{self, amount, date, percent_fixed, whole_euros};
use relance_engine::strategy::params::{params, Basis, Slot};
use relance_engine::strategy::report::DISCLAIMER;
use relance_engine::strategy::{Milestone, PathKind, PathResult, Strategy, Versus, Warning};
use relance_engine::Regime;
use rust_decimal::Decimal;

/// Text is wrapped to this many characters.
const WIDTH: usize = 96;

/// Renders the whole report; `path` is the path `timeline` was drawn for.
pub fn render(
    dossier: &Dossier,
    s: &Strategy,
    path: Option<PathKind>,
    timeline: &[Milestone],
) -> String {
    let mut out = String::new();
    header(&mut out, dossier, s);
    paths(&mut out, s);
    breakevens(&mut out, s);
    sensitivity(&mut out, s);
    if !s.warnings.is_empty() {
        let _ = writeln!(out, "\nPoints d'attention");
        bullets(&mut out, &s.warnings);
    }
    if let Some(path) = path {
        plan_of_action(&mut out, s, path, timeline);
    }
    // A public buyer is not offered a payment plan.
    if s.claim.regime != Regime::Public {
        plan(&mut out, s);
    }
    assumptions(&mut out, dossier, s);
    out
}

fn header(out: &mut String, dossier: &Dossier, s: &Strategy) {
    let c = &s.claim;
    let _ = writeln!(out, "Stratégie de recouvrement au {}", date(s.today));
    let (creditor, debtor) = (
        &dossier.creditor.identity.name,
        &dossier.debtor.identity.name,
    );
    if !creditor.is_empty() || !debtor.is_empty() {
        let _ = writeln!(
            out,
            "Créancier : {} — Débiteur : {}",
            or_dash(creditor),
            or_dash(debtor)
        );
    }
    let (who, extras) = match c.regime {
        // After a decision: its account (principal with the article 700 award, then interest
        // and dépens).
        _ if c.judgment.is_some() => (
            "décision obtenue",
            "intérêts depuis et selon la décision, dépens",
        ),
        Regime::B2b => (
            "débiteur professionnel",
            "pénalités de retard, indemnités forfaitaires, frais",
        ),
        Regime::B2c => ("débiteur consommateur", "intérêts au taux légal, frais"),
        Regime::Public => (
            "acheteur public",
            "intérêts moratoires, indemnités forfaitaires, frais",
        ),
    };
    wrap_into(
        out,
        "",
        "  ",
        &format!(
            "Créance : {} de principal + {} d'accessoires ({extras}) = {} ({who})",
            amount(c.principal),
            amount(c.extras),
            amount(c.total()),
        ),
    );
    let _ = writeln!(out, "{DISCLAIMER}");
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn paths(out: &mut String, s: &Strategy) {
    let open: Vec<&PathResult> = s.paths.iter().filter(|p| p.eligible).collect();
    let closed: Vec<&PathResult> = s.paths.iter().filter(|p| !p.eligible).collect();
    let _ = writeln!(
        out,
        "\nVoies de recouvrement, de la plus à la moins intéressante"
    );
    let label = |p: &PathResult| {
        let mark = if p.outcome.unknown_fees.is_empty() {
            ""
        } else {
            " *"
        };
        format!("{}{mark}", p.path.label())
    };
    let rows: Vec<[String; 5]> = open
        .iter()
        .map(|p| {
            let o = &p.outcome;
            [
                label(p),
                amount(o.expected_net),
                percent_fixed(o.net_percent, 0),
                percent_fixed(o.probability_paid * Decimal::ONE_HUNDRED, 0),
                o.expected_days.map_or_else(|| "—".to_owned(), fr::days),
            ]
        })
        .collect();
    let heads = [
        ["Voie", "Net", "% de la", "Chance", "Délai"],
        ["", "espéré", "créance", "d'être payé", "moyen"],
    ];
    let mut widths = [0usize; 5];
    for row in rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect::<Vec<_>>())
    {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    for head in &heads {
        for (w, cell) in widths.iter_mut().zip(head) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: [&str; 5], rank: &str| {
        let mut text = format!("  {rank:>3} ");
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w.saturating_sub(width(cell));
            if i == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        text.trim_end().to_owned()
    };
    for head in heads {
        let _ = writeln!(out, "{}", line(head, ""));
    }
    for (i, (p, row)) in open.iter().zip(&rows).enumerate() {
        let cells = [
            row[0].as_str(),
            row[1].as_str(),
            row[2].as_str(),
            row[3].as_str(),
            row[4].as_str(),
        ];
        let _ = writeln!(out, "{}", line(cells, &format!("{}.", i + 1)));
        let o = &p.outcome;
        let (chance_low, chance_high) = p.chance_range_percent();
        let rests_on = s
            .assumptions
            .chance_basis(p.path.steps())
            .and_then(|b| b.rests_on())
            .map_or_else(String::new, |what| format!(" · chances : {what}"));
        let ranges = format!(
            "net {} à {} · chance {} à {}{}{rests_on}",
            whole_euros(p.net_range.0),
            whole_euros(p.net_range.1),
            percent_fixed(chance_low, 0),
            percent_fixed(chance_high, 0),
            if p.overlaps_best {
                " · équivalente à la meilleure"
            } else {
                ""
            }
        );
        wrap_into(out, "       fourchette : ", "         ", &ranges);
        let _ = writeln!(
            out,
            "       coût en jeu {} · meilleur cas {} · pire cas {}",
            amount(o.cost_at_risk),
            amount(o.best_case),
            amount(o.worst_case)
        );
        // The decision at each step: from which principal it pays off once the earlier failed.
        let steps: Vec<String> = o
            .steps
            .iter()
            .map(|st| {
                let from = st.threshold.map_or_else(
                    || "jamais seule".to_owned(),
                    |t| format!("dès {}", whole_euros(t)),
                );
                format!("{} {from}", st.step.label(s.claim.regime))
            })
            .collect();
        if !steps.is_empty() {
            wrap_into(
                out,
                "       étapes rentables : ",
                "         ",
                &steps.join(" → "),
            );
        }
    }
    if open.is_empty() {
        let _ = writeln!(out, "  Aucune voie n'est ouverte pour ce dossier.");
    }
    let _ = writeln!(out);
    wrap_into(
        out,
        "  ",
        "  ",
        &format!("Net espéré : ce que vous pouvez espérer garder, frais, commissions et temps passé \
         déduits, pondéré par la chance d'être payé à chaque étape. Meilleur cas : payé à l'étape \
         qui laisse le plus ; pire cas : rien obtenu après toutes les étapes ; coût en jeu : frais \
         et temps de toutes les étapes. Fourchette : chaque hypothèse lue du côté défavorable puis \
         favorable, d'autant plus large que sa source est fragile (chances ±20 points pour un \
         chiffre de forum ou une hypothèse, ±10 pour une source secondaire ; frais, temps et délais \
         ±50 % ou ±25 % ; textes officiels fixes) ; deux voies dont les fourchettes se chevauchent \
         sont équivalentes compte tenu des incertitudes. Étapes rentables : le principal à partir duquel chaque \
         étape, tentée après l'échec des précédentes, rapporte en moyenne plus qu'elle ne coûte.{}",
        // After a decision, the interest it awards is owed at every step.
        if s.claim.judgment.is_some() {
            ""
        } else {
            " À l'amiable, les pénalités obtenues sont une hypothèse (global.amicable_extras)."
        }),
    );
    // The steps whose fee is unpublished, once each, in the order of the ranking.
    let mut unknown: Vec<&str> = Vec::new();
    for step in open.iter().flat_map(|p| &p.outcome.unknown_fees) {
        let label = step.label(s.claim.regime);
        if !unknown.contains(&label) {
            unknown.push(label);
        }
    }
    if !unknown.is_empty() {
        wrap_into(
            out,
            "  ",
            "  ",
            &format!(
                "* Frais non publiés, comptés 0 € : {}. Les voies marquées sont classées après \
                 celles dont les frais sont connus ; saisissez un devis dans la section \
                 « strategy » du dossier.",
                unknown.join(", ")
            ),
        );
    }
    if !closed.is_empty() {
        let _ = writeln!(out, "\nVoies fermées pour ce dossier");
        for p in closed {
            wrap_into(
                out,
                "  – ",
                "    ",
                &format!("{} : {}", p.path.label(), p.blocked.join(" ; ")),
            );
        }
    }
}

fn breakevens(out: &mut String, s: &Strategy) {
    let _ = writeln!(
        out,
        "\nSeuils de rentabilité (montant du principal, accessoires en proportion)"
    );
    let mut any = false;
    for p in &s.paths {
        let find = |v: Versus| {
            s.chart
                .breakevens
                .iter()
                .find(|b| b.path == p.path && b.versus == v)
                .map(|b| b.amount)
        };
        let mut parts = Vec::new();
        if let Some(a) = find(Versus::Zero) {
            parts.push(format!("rentable à partir de {}", whole_euros(a)));
        }
        if let Some(a) = find(Versus::Amicable) {
            parts.push(format!(
                "plus rentable que la relance seule à partir de {}",
                whole_euros(a)
            ));
        }
        if parts.is_empty() {
            continue;
        }
        any = true;
        wrap_into(
            out,
            "  ",
            "    ",
            &format!("{} : {}", p.path.label(), parts.join(" ; ")),
        );
    }
    let top = s.chart.amounts.last().copied().unwrap_or_default();
    if any {
        let _ = writeln!(
            out,
            "  Votre créance : {} de principal (seuils cherchés jusqu'à {}).",
            amount(s.claim.principal),
            whole_euros(top)
        );
    } else {
        let _ = writeln!(out, "  Aucun seuil entre 0 et {}.", whole_euros(top));
    }
}

fn sensitivity(out: &mut String, s: &Strategy) {
    let Some(base) = s.sensitivity.first() else {
        return;
    };
    let others = s.sensitivity.get(1..).unwrap_or(&[]);
    let changed = others.iter().filter(|sc| sc.best_changed).count();
    let _ = writeln!(out, "\nSensibilité aux hypothèses");
    let summary = if changed == 0 {
        format!(
            "La meilleure voie reste la même dans les {} variantes testées.",
            others.len()
        )
    } else {
        format!(
            "La meilleure voie change dans {changed} des {} variantes testées.",
            others.len()
        )
    };
    let _ = writeln!(out, "  {summary}");
    let label_width = s
        .sensitivity
        .iter()
        .map(|sc| width(sc.label))
        .max()
        .unwrap_or(0);
    for sc in std::iter::once(base).chain(others) {
        let best = match sc.ranking.first() {
            Some((path, net)) => format!("{}, {}", path.label(), amount(*net)),
            None => "aucune voie ouverte".to_owned(),
        };
        let flag = if sc.best_changed { "  ← change" } else { "" };
        let pad = label_width.saturating_sub(width(sc.label));
        let _ = writeln!(out, "  {}{} : {best}{flag}", sc.label, " ".repeat(pad));
    }
}

fn plan_of_action(out: &mut String, s: &Strategy, path: PathKind, timeline: &[Milestone]) {
    let _ = writeln!(out, "\nQue faire maintenant — {}", path.label());
    let result = s.paths.iter().find(|p| p.path == path);
    match result {
        Some(p) if !p.eligible => wrap_into(
            out,
            "  ",
            "  ",
            &format!(
                "Voie fermée pour ce dossier : {}. Calendrier donné à titre indicatif.",
                p.blocked.join(" ; ")
            ),
        ),
        _ => {
            if let Some(best) = s.best().filter(|b| b.path != path) {
                wrap_into(
                    out,
                    "  ",
                    "  ",
                    &format!(
                        "Voie choisie avec --path ; la meilleure est « {} ».",
                        best.path.label()
                    ),
                );
            }
        }
    }
    let kind_width = timeline
        .iter()
        .map(|m| width(m.kind.label()))
        .max()
        .unwrap_or(0);
    for m in timeline {
        let kind = m.kind.label();
        let first = format!(
            "  {}  {kind}{}  ",
            date(m.date),
            " ".repeat(kind_width - width(kind))
        );
        let indent = " ".repeat(width(&first));
        wrap_into(out, &first, &indent, &m.title);
        if !m.detail.is_empty() {
            wrap_into(out, &indent, &indent, &m.detail);
        }
    }
    if let Some(p) = result {
        if !p.warnings.is_empty() {
            let _ = writeln!(out, "  À savoir pour cette voie :");
            for w in &p.warnings {
                wrap_into(out, "  – ", "    ", &w.message);
            }
        }
    }
}

fn plan(out: &mut String, s: &Strategy) {
    let p = &s.plan;
    let count = p.instalments.len();
    let interval = p.instalments.first().map_or(1, |i| i.0);
    let every = if interval == 1 {
        "mensuels".to_owned()
    } else {
        format!("tous les {interval} mois")
    };
    let _ = writeln!(out, "\nÉchéancier : ce que vaut un paiement étalé");
    let _ = writeln!(
        out,
        "  {} en {count} versement{} {every} :",
        amount(p.nominal),
        if count > 1 { "s" } else { "" }
    );
    for (months, value, probability, today) in &p.instalments {
        let _ = writeln!(
            out,
            "    dans {months:>2} mois  {:>14}  payé {:>7}  vaut aujourd'hui {:>14}",
            amount(*value),
            percent_fixed(*probability * Decimal::ONE_HUNDRED, 1),
            amount(*today)
        );
    }
    wrap_into(
        out,
        "  ",
        "  ",
        &format!(
            "Valeur aujourd'hui : {} si tout est payé, {} en tenant compte du risque d'arrêt.",
            amount(p.present_value),
            amount(p.expected_value)
        ),
    );
    let _ = writeln!(
        out,
        "  Équivaut à une remise de {} sur un paiement comptant.",
        percent_fixed(p.equivalent_discount, 1)
    );
}

fn assumptions(out: &mut String, dossier: &Dossier, s: &Strategy) {
    let regime = s.claim.regime;
    let all = params(s.claim);
    let name = |slot: Slot, label: &str| match slot {
        Slot::Step(step, _) => format!("{} — {label}", step.label(regime)),
        Slot::Global(_) => label.to_owned(),
    };
    let _ = writeln!(out, "\nHypothèses");
    let changed = dossier.strategy.len();
    let _ = writeln!(
        out,
        "  {} paramètres ; {} modifié{} par le dossier (section « strategy »){}",
        all.len(),
        changed,
        if changed > 1 { "s" } else { "" },
        if changed == 0 { "." } else { " :" }
    );
    for (id, v) in &dossier.strategy {
        if let Some(p) = all.iter().find(|p| &p.id == id) {
            let _ = writeln!(
                out,
                "  – {} ({id}) : {} au lieu de {}",
                name(p.slot, p.label),
                p.unit.show(*v),
                p.unit.show(p.default)
            );
        }
    }
    let doubtful: Vec<_> = all
        .iter()
        .filter(|p| matches!(p.basis, Basis::Unverified | Basis::Unknown))
        .filter(|p| !dossier.strategy.contains_key(&p.id))
        .collect();
    if !doubtful.is_empty() {
        let _ = writeln!(
            out,
            "  À vérifier (valeurs par défaut non vérifiées ou inconnues) :"
        );
        for p in doubtful {
            let v = s.assumptions.get(&p.id).unwrap_or(p.default);
            wrap_into(
                out,
                "  – ",
                "    ",
                &format!(
                    "{} ({}) : {} [{}]",
                    name(p.slot, p.label),
                    p.id,
                    p.unit.show(v),
                    p.basis.label()
                ),
            );
        }
    }
    let _ = writeln!(
        out,
        "  Sources et valeurs de tous les paramètres : relance strategy FICHIER --format json."
    );
}

fn bullets(out: &mut String, warnings: &[Warning]) {
    for w in warnings {
        wrap_into(out, "  – ", "    ", &w.message);
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

/// Words that must not start a line (French punctuation, units) or end one (« n° »).
fn glued_to_previous(word: &str, previous: &str) -> bool {
    const TAIL: [&str; 8] = ["»", ":", ";", "!", "?", "€", "%", "—"];
    if TAIL.contains(&word) || previous.ends_with('«') || previous.ends_with("n°") {
        return true;
    }
    // Thousands: "5 000", "24 000,00".
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3
        && matches!(word.as_bytes().get(3), None | Some(b',' | b'.'))
        && previous.bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// Appends `text` wrapped to [`WIDTH`], the first line after `first`, the others after `rest`.
fn wrap_into(out: &mut String, first: &str, rest: &str, text: &str) {
    let mut units: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match units.last_mut() {
            Some(last) if glued_to_previous(word, last) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
    }
    let mut line = first.to_owned();
    let mut empty = true;
    for unit in units {
        if !empty && width(&line) + 1 + width(&unit) > WIDTH {
            let _ = writeln!(out, "{line}");
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&unit);
        empty = false;
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

#[cfg(test)]
mod tests {
    use super::*;
    use relance_engine::strategy::params::Unit;

    #[test]
    fn wrapping_keeps_french_punctuation_and_thousands_together() {
        let mut out = String::new();
        let text =
            "réservée aux créances de 5 000 € au plus, intérêts compris (onglet « Lettre » : \
                    mise en demeure) ";
        wrap_into(&mut out, "– ", "  ", &text.repeat(4));
        for line in out.lines() {
            assert!(width(line) <= WIDTH, "{line}");
            let trimmed = line.trim_start_matches(['–', ' ']);
            for bad in ["»", ":", "€", "000"] {
                assert!(!trimmed.starts_with(bad), "{line}");
            }
            assert!(!line.ends_with('«'), "{line}");
        }
        assert!(out.contains("5 000 €"));
        assert_eq!(out.matches("5 000 €").count(), 4);
    }

    #[test]
    fn numbers_are_french() {
        assert_eq!(percent_fixed(Decimal::new(711, 1), 1), "71,1 %");
        assert_eq!(percent_fixed(Decimal::ZERO, 1), "0,0 %");
        assert_eq!(
            percent_fixed(Decimal::new(9559, 4) * Decimal::ONE_HUNDRED, 1),
            "95,6 %"
        );
        assert_eq!(whole_euros(Decimal::from(1400)), "1 400 €");
        assert_eq!(Unit::Hours.show(Decimal::new(5, 1)), "0,5 h");
        assert_eq!(Unit::EuroPerHour.show(Decimal::from(50)), "50,00 €/h");
    }
}
