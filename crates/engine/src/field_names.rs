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
        "legal_form" => "forme juridique",
        "share_capital" => "capital social",
        "rcs_city" => "ville du RCS",
        "registered_office" => "siège social",
        "representative" => "représentant légal",
        "representative_capacity" => "qualité du représentant",
        "first_name" => "prénom",
        "last_name" => "nom de famille",
        "profession" => "profession",
        "nationality" => "nationalité",
        "birth_date" => "date de naissance",
        "birth_place" => "lieu de naissance",
        "civility" => "civilité",
        "court_kind" => "tribunal compétent",
        "court_address" => "adresse du tribunal",
        "amicable_attempt" => "tentative amiable",
        "procedure" => "procédure",
        "opened" => "jugement d'ouverture",
        "published" => "publication au BODACC",
        "security" => "sûreté ou réserve de propriété",
        "creditor_abroad" => "créancier hors de France",
        "pending_case" => "instance en cours",
        "title" => "intitulé",
        _ => "champ",
    };
    let what = if leaf == "kind" && head.starts_with("pieces[") {
        "nature"
    } else {
        what
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
            "pieces" => "Pièce",
            _ => return None,
        };
        Some((name, n + 1))
    });
    match (row, head) {
        (Some((name, n)), _) => format!("{name} {n}, {what}"),
        (None, "creditor") => format!("Créancier, {what}"),
        (None, "debtor") => format!("Débiteur, {what}"),
        (None, "judgment") => format!("Jugement, {what}"),
        (None, "injunction") => format!("Injonction de payer, {what}"),
        (None, "insolvency.representative") if leaf == "name" => {
            "Procédure collective, mandataire ou liquidateur".to_owned()
        }
        (None, "insolvency.representative") => {
            "Procédure collective, adresse du mandataire ou du liquidateur".to_owned()
        }
        (None, "insolvency") => format!("Procédure collective, {what}"),
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
            ("judgment.date", "Jugement, date"),
            ("judgment.served", "Jugement, signification"),
            ("judgment.principal", "Jugement, principal"),
            ("judgment.interest_awarded", "Jugement, intérêts alloués"),
            ("judgment.article_700", "Jugement, article 700"),
            ("judgment.costs", "Jugement, dépens"),
            ("judgment.interest_from", "Jugement, intérêts à compter du"),
            ("judgment.court", "Jugement, juridiction"),
            ("judgment.reference", "Jugement, numéro"),
            ("debtor.legal_form", "Débiteur, forme juridique"),
            ("debtor.share_capital", "Débiteur, capital social"),
            ("creditor.rcs_city", "Créancier, ville du RCS"),
            ("debtor.registered_office", "Débiteur, siège social"),
            ("debtor.representative", "Débiteur, représentant légal"),
            (
                "debtor.representative_capacity",
                "Débiteur, qualité du représentant",
            ),
            ("debtor.first_name", "Débiteur, prénom"),
            ("debtor.last_name", "Débiteur, nom de famille"),
            ("creditor.profession", "Créancier, profession"),
            ("creditor.nationality", "Créancier, nationalité"),
            ("creditor.birth_date", "Créancier, date de naissance"),
            ("creditor.birth_place", "Créancier, lieu de naissance"),
            ("debtor.civility", "Débiteur, civilité"),
            (
                "injunction.court_kind",
                "Injonction de payer, tribunal compétent",
            ),
            ("injunction.court", "Injonction de payer, juridiction"),
            (
                "injunction.court_address",
                "Injonction de payer, adresse du tribunal",
            ),
            (
                "injunction.amicable_attempt",
                "Injonction de payer, tentative amiable",
            ),
            ("insolvency.procedure", "Procédure collective, procédure"),
            (
                "insolvency.opened",
                "Procédure collective, jugement d'ouverture",
            ),
            (
                "insolvency.published",
                "Procédure collective, publication au BODACC",
            ),
            ("insolvency.court", "Procédure collective, juridiction"),
            (
                "insolvency.security",
                "Procédure collective, sûreté ou réserve de propriété",
            ),
            (
                "insolvency.creditor_abroad",
                "Procédure collective, créancier hors de France",
            ),
            (
                "insolvency.pending_case",
                "Procédure collective, instance en cours",
            ),
            (
                "insolvency.representative.name",
                "Procédure collective, mandataire ou liquidateur",
            ),
            (
                "insolvency.representative.address",
                "Procédure collective, adresse du mandataire ou du liquidateur",
            ),
            ("pieces[2].title", "Pièce 3, intitulé"),
            ("pieces[0].kind", "Pièce 1, nature"),
            (
                "options.capitalisation_from",
                "Capitalisation des intérêts, depuis le",
            ),
        ] {
            assert_eq!(field_name(path), name, "{path}");
        }
    }
}
