//! The French name of a form field from its dossier path (`payments[0].invoice` →
//! « Paiement 1, facture concernée »), for the list of fields to correct.

/// « Facture 2, montant », « Débiteur, adresse », « Calculer au ».
pub fn field_name(path: &str) -> String {
    let (head, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    let whole = match (head, leaf) {
        ("", "as_of") => "Calculer au",
        ("options", "formal_notice_date") => "Date de la mise en demeure",
        ("options.rate", "kind") => "Taux des pénalités",
        ("options.rate", "percent") => "Taux contractuel",
        ("options.rate", "below_floor") => "Taux sous le plancher légal",
        ("options", "extra_costs") => "Frais de recouvrement supplémentaires",
        ("options", "capitalisation_from") => "Capitalisation des intérêts, depuis le",
        ("options", _) => "Options du calcul",
        _ => "",
    };
    if !whole.is_empty() {
        return whole.to_owned();
    }
    let what = match leaf {
        "number" => "numéro",
        "issued" => "date d'émission",
        "terms" => "délai de paiement",
        "due" => "échéance",
        "amount" => "montant",
        "date" => "date",
        "invoice" => "facture concernée",
        "name" => "nom",
        "kind" => "qualité",
        "siren" => "SIREN",
        "address" => "adresse",
        "email" => "e-mail",
        "iban" => "IBAN",
        "bic" => "BIC",
        "deadline_days" => "délai accordé",
        "reminders" => "relances déjà envoyées",
        "instalments" => "nombre d'échéances",
        "first_date" => "première échéance",
        "interval_months" => "intervalle",
        "total" => "montant à échelonner",
        "delivered" => "livraison ou fin de la prestation",
        "from" => "date du changement",
        "percent" => "taux",
        "semester" => "semestre",
        "particuliers" => "taux des particuliers",
        "autres_cas" => "taux des autres cas",
        "source" => "source",
        "served" => "signification",
        "principal" => "principal",
        "interest_awarded" => "intérêts alloués",
        "article_700" => "article 700",
        "costs" => "dépens",
        "interest_from" => "intérêts à compter du",
        "court" => "juridiction",
        "reference" => "numéro",
        _ => "champ",
    };
    // `invoices[3]` → (« Facture », 4).
    let row = head.split_once('[').and_then(|(list, index)| {
        let n: usize = index.strip_suffix(']')?.parse().ok()?;
        let name = match list {
            "invoices" => "Facture",
            "payments" => "Paiement",
            "credit_notes" => "Avoir",
            "acknowledgments" => "Reconnaissance",
            "rates.ecb" => "Taux BCE saisi",
            "rates.legal" => "Taux légal saisi",
            _ => return None,
        };
        Some((name, n + 1))
    });
    match (row, head) {
        (Some((name, n)), _) => format!("{name} {n}, {what}"),
        (None, "creditor") => format!("Créancier, {what}"),
        (None, "debtor") => format!("Débiteur, {what}"),
        (None, "judgment") => format!("Jugement, {what}"),
        (None, h) if h.starts_with("letter") => format!("Lettre, {what}"),
        (None, _) => format!("Dossier, {what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_has_a_french_name() {
        for (path, name) in [
            ("as_of", "Calculer au"),
            ("invoices[0].amount", "Facture 1, montant"),
            ("invoices[11].due", "Facture 12, échéance"),
            ("payments[0].invoice", "Paiement 1, facture concernée"),
            ("credit_notes[2].date", "Avoir 3, date"),
            ("debtor.address", "Débiteur, adresse"),
            ("creditor.email", "Créancier, e-mail"),
            ("options.rate.percent", "Taux contractuel"),
            ("options.formal_notice_date", "Date de la mise en demeure"),
            ("options.day_count", "Options du calcul"),
            ("letter.iban", "Lettre, IBAN"),
            (
                "invoices[0].delivered",
                "Facture 1, livraison ou fin de la prestation",
            ),
            ("acknowledgments[1].date", "Reconnaissance 2, date"),
            ("rates.ecb[0].from", "Taux BCE saisi 1, date du changement"),
            ("rates.ecb[0].percent", "Taux BCE saisi 1, taux"),
            ("rates.legal[2].semester", "Taux légal saisi 3, semestre"),
            (
                "rates.legal[0].particuliers",
                "Taux légal saisi 1, taux des particuliers",
            ),
            (
                "rates.legal[0].autres_cas",
                "Taux légal saisi 1, taux des autres cas",
            ),
            ("rates.legal[0].source", "Taux légal saisi 1, source"),
            ("letter.plan.total", "Lettre, montant à échelonner"),
            ("invoices[x].amount", "Dossier, montant"),
            ("judgment.served", "Jugement, signification"),
            ("judgment.article_700", "Jugement, article 700"),
            (
                "options.capitalisation_from",
                "Capitalisation des intérêts, depuis le",
            ),
        ] {
            assert_eq!(field_name(path), name, "{path}");
        }
    }
}
