//! The court part of a dossier (issue 14): read and written back, refused where it does not
//! belong, the bordereau's order, the guards before a requête or a déclaration, and the claim
//! as at the opening judgment.
#![cfg(feature = "court")]

use chrono::NaiveDate;
use relance_engine::dossier::{Dossier, PieceKind};
use relance_engine::procedure::{self, Source};
use relance_engine::{compute, parse, RateTables};
use rust_decimal::Decimal;

fn text(name: &str) -> String {
    let path = format!("{}/tests/court/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dossier(name: &str) -> Dossier {
    parse::dossier(&text(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// Every error path of a dossier text.
fn errors(json: &str) -> Vec<String> {
    match parse::dossier(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.path.clone()).collect(),
    }
}

#[test]
fn every_court_field_is_read_and_written_back() {
    for name in ["company", "individual", "large", "redressement"] {
        let first = dossier(name);
        let again = parse::dossier(&first.to_json()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(first, again, "{name}");
    }
    let c = dossier("company").court;
    assert_eq!(c.creditor.legal_form, "SARL");
    assert_eq!(
        c.creditor.share_capital.map(|e| e.get()),
        Some(dec("10000"))
    );
    assert_eq!(c.creditor.representative, "Claire Durand");
    assert_eq!(c.debtor.rcs_city, "Grenoble");
    assert_eq!(c.pieces.len(), 3);
    assert_eq!(c.injunction.court, "Tribunal de commerce de Grenoble");
    let i = dossier("individual").court.creditor;
    assert_eq!(i.birth_date, Some(d(1984, 5, 17)));
    assert_eq!(
        i.civility,
        Some(relance_engine::dossier::Civility::Monsieur)
    );
    assert_eq!(i.profession, "plombier");
    let r = dossier("redressement").court.insolvency;
    let r = r.unwrap_or_else(|| panic!("no insolvency"));
    assert_eq!(r.opened, d(2026, 9, 23));
    assert_eq!(r.published, Some(d(2026, 10, 4)));
    assert!(r.representative_name.starts_with("SELARL"));
}

#[test]
fn court_sections_are_refused_in_older_versions_and_checked() {
    let base = r#"{"version":VERSION,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
        "invoices":[{"number":"1","due":"2026-01-01","amount":"10"}],EXTRA}"#;
    let with =
        |version: &str, extra: &str| base.replace("VERSION", version).replace("EXTRA", extra);
    for key in ["pieces", "injunction", "insolvency"] {
        let extra = format!(r#""{key}":null"#);
        assert_eq!(errors(&with("2", &extra)), vec![key.to_owned()], "{key}");
    }
    let bad = with(
        "3",
        r#""pieces":[{"kind":"lettre","title":"x"},{"kind":"facture","title":"  "},{"kind":"avoir","date":"2026-13-01","title":"a"}],
           "insolvency":{"procedure":"redressement","opened":"2026-05-10","published":"2026-05-01","creditor_abroad":"oui","representative":{"nom":"x"}},
           "injunction":{"court_kind":"prud'hommes","juge":"x"}"#,
    );
    let mut found = errors(&bad);
    found.sort();
    assert_eq!(
        found,
        [
            "injunction.court_kind",
            "injunction.juge",
            "insolvency.creditor_abroad",
            "insolvency.published",
            "insolvency.representative.nom",
            "pieces[0].kind",
            "pieces[1].title",
            "pieces[2].date",
        ]
    );
    let party = with("3", "\"pieces\":[]").replace(
        r#""creditor":{"kind":"company"}"#,
        r#""creditor":{"kind":"company","share_capital":"dix mille","birth_date":"hier"}"#,
    );
    assert_eq!(
        errors(&party),
        ["creditor.share_capital", "creditor.birth_date"]
    );
    let many = format!(
        r#""pieces":[{}]"#,
        vec![r#"{"kind":"autre","title":"p"}"#; 1001].join(",")
    );
    assert_eq!(errors(&with("3", &many)), ["pieces"]);
}

#[test]
fn the_bordereau_lists_the_pieces_the_invoices_and_the_decompte_in_order() {
    let dossier = dossier("company");
    let listed = procedure::bordereau(&dossier);
    let sources: Vec<Source> = listed.iter().map(|l| l.source).collect();
    assert_eq!(
        sources,
        [
            Source::User(1),    // the quote
            Source::Invoice(0), // F-2026-031
            Source::Invoice(1), // F-2026-058
            Source::CreditNote(0),
            Source::User(0), // an e-mail of 5 May
            Source::FormalNotice(d(2026, 9, 15)),
            Source::User(2), // the receipt of 18 September
            Source::Decompte,
        ]
    );
    let numbers: Vec<usize> = listed.iter().map(|l| l.number).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
    assert_eq!(listed.last().map(|l| l.kind), Some(PieceKind::Decompte));
}

#[test]
fn pieces_the_user_lists_are_not_listed_twice() {
    let mut dossier = dossier("company");
    let piece = |kind, title: &str| relance_engine::dossier::Piece {
        kind,
        date: None,
        title: title.to_owned(),
    };
    dossier.court.pieces = vec![
        piece(
            PieceKind::Invoice,
            "Facture F-2026-058 et son bon de livraison",
        ),
        piece(PieceKind::CreditNote, "Avoir AV-3"),
        piece(PieceKind::FormalNotice, "Mise en demeure"),
        piece(PieceKind::Decompte, "Décompte du cabinet"),
    ];
    let sources: Vec<Source> = procedure::bordereau(&dossier)
        .iter()
        .map(|l| l.source)
        .collect();
    assert_eq!(
        sources,
        [
            Source::User(0),
            Source::Invoice(0),
            Source::User(1),
            Source::User(2),
            Source::User(3),
        ]
    );
}

#[test]
fn two_hundred_pieces_keep_their_order() {
    let mut dossier = dossier("large");
    dossier.court.pieces = (0..200)
        .map(|i| relance_engine::dossier::Piece {
            kind: PieceKind::Correspondence,
            date: None,
            title: format!("Courrier {i}"),
        })
        .collect();
    let listed = procedure::bordereau(&dossier);
    // Two invoices, 200 letters, the formal notice, the décompte.
    assert_eq!(listed.len(), 204);
    let users: Vec<usize> = listed
        .iter()
        .filter_map(|l| match l.source {
            Source::User(i) => Some(i),
            _ => None,
        })
        .collect();
    assert_eq!(users, (0..200).collect::<Vec<_>>());
}

fn blocker_paths(check: &procedure::Check) -> Vec<&str> {
    check.blockers.iter().map(|g| g.path.as_str()).collect()
}

#[test]
fn a_complete_dossier_may_go_to_court() {
    let tables = RateTables::builtin();
    for name in ["company", "individual", "large"] {
        let dossier = dossier(name);
        let c = compute(&dossier, d(2026, 12, 1), &tables);
        let check = procedure::injunction_check(&dossier, &c);
        assert_eq!(blocker_paths(&check), Vec::<&str>::new(), "{name}");
        assert!(
            check
                .notes
                .iter()
                .any(|n| n.contains("dans les trois mois de sa date") && n.contains("1411")),
            "{name}: {:?}",
            check.notes
        );
        let amicable = check.notes.iter().any(|n| n.contains("750-1"));
        let lawyer = check.notes.iter().any(|n| {
            n.contains(
                "représentée par un avocat devant le tribunal de commerce (C. proc. civ. 853)",
            )
        });
        // A consumer before the tribunal judiciaire for less than 5 000 €; over 10 000 €.
        assert_eq!(amicable, name == "individual", "{name}");
        assert_eq!(lawyer, name == "large", "{name}");
    }
}

#[test]
fn what_stops_a_requete_is_named_by_its_field() {
    let tables = RateTables::builtin();
    let mut company = dossier("company");
    company.court.creditor = Default::default();
    company.court.injunction = Default::default();
    company.debtor.identity.siren.clear();
    let c = compute(&company, d(2026, 12, 1), &tables);
    assert_eq!(
        blocker_paths(&procedure::injunction_check(&company, &c)),
        [
            "injunction.court",
            "creditor.legal_form",
            "creditor.representative",
            "debtor.siren"
        ]
    );
    let mut individual = dossier("individual");
    individual.court.creditor = Default::default();
    individual.court.debtor = Default::default();
    let c = compute(&individual, d(2026, 12, 1), &tables);
    assert_eq!(
        blocker_paths(&procedure::injunction_check(&individual, &c)),
        [
            "creditor.last_name",
            "creditor.first_name",
            "creditor.profession",
            "creditor.nationality",
            "creditor.birth_place",
            "creditor.birth_date",
            "debtor.last_name",
            "debtor.first_name"
        ]
    );
    let mut unknown = dossier("large");
    unknown.court.injunction.court_kind = None;
    unknown.court.debtor.legal_form = "SCI".to_owned();
    let c = compute(&unknown, d(2026, 12, 1), &tables);
    assert_eq!(
        blocker_paths(&procedure::injunction_check(&unknown, &c)),
        ["injunction.court_kind"]
    );
    let insolvent = dossier("redressement");
    let c = compute(&insolvent, d(2026, 12, 1), &tables);
    let check = procedure::injunction_check(&insolvent, &c);
    assert_eq!(
        blocker_paths(&check)[..2],
        ["insolvency", "injunction.court"]
    );
    assert!(check.blockers[0].message.contains("déclarez la créance"));
}

#[test]
fn the_claim_is_declared_as_it_stood_on_the_opening_judgment() {
    let dossier = dossier("redressement");
    let p = dossier
        .court
        .insolvency
        .clone()
        .unwrap_or_else(|| panic!("no proceedings"));
    let tables = RateTables::builtin();
    let declared = procedure::declared(&dossier, &p, &tables);
    let c = &declared.computation;
    assert_eq!(c.as_of, d(2026, 9, 23));
    // The payment of 15 October came after the opening: not in the figures.
    let f031 = &c.invoices[declared.due[0]];
    assert_eq!(f031.number, "F-2026-031");
    assert_eq!(f031.principal, dec("2400.00"));
    assert_eq!(f031.indemnity, dec("40"));
    assert!(f031.interest > Decimal::ZERO);
    assert_eq!(f031.segments.last().map(|s| s.to), Some(d(2026, 9, 23)));
    let f090 = &c.invoices[declared.not_yet_due[0]];
    assert_eq!(
        (f090.number.as_str(), f090.due),
        ("F-2026-090", d(2026, 10, 31))
    );
    assert_eq!(
        (f090.interest, f090.indemnity),
        (Decimal::ZERO, Decimal::ZERO)
    );
    assert_eq!(declared.not_yet_due_total, dec("3000.00"));
    assert_eq!(declared.due_total, f031.total);
    assert_eq!(
        declared.due_total + declared.not_yet_due_total,
        c.totals.total
    );
    assert_eq!(declared.last_day, Some(d(2026, 12, 4)));
    assert_eq!(declared.relief_last_day, Some(d(2027, 4, 4)));
}

#[test]
fn the_declaration_says_its_deadline_and_the_relief_once_passed() {
    let mut dossier = dossier("redressement");
    let check = procedure::declaration_check(&dossier, d(2026, 12, 1));
    assert_eq!(blocker_paths(&check), Vec::<&str>::new());
    assert!(check.notes[0].starts_with("Dernier jour pour déclarer : le 04/12/2026 (deux mois après la publication au BODACC du 04/10/2026"), "{:?}", check.notes);
    assert!(!check.notes.iter().any(|n| n.contains("forclusion")));
    let late = procedure::declaration_check(&dossier, d(2026, 12, 10));
    assert!(
        late.notes
            .iter()
            .any(|n| n
                .contains("relevé de la forclusion, au plus tard le 04/04/2027 (C. com. L622-26)")),
        "{:?}",
        late.notes
    );
    let too_late = procedure::declaration_check(&dossier, d(2027, 4, 5));
    assert!(too_late
        .notes
        .iter()
        .any(|n| n.contains("lui aussi écoulé")));
    if let Some(p) = dossier.court.insolvency.as_mut() {
        p.creditor_abroad = true;
        p.published = None;
    }
    let abroad = procedure::declaration_check(&dossier, d(2026, 12, 1));
    assert!(
        abroad.notes[0].contains("quatre mois") && abroad.notes[0].contains("indiquez sa date")
    );
    let none = procedure::declaration_check(&self::dossier("company"), d(2026, 12, 1));
    assert_eq!(blocker_paths(&none), ["insolvency"]);
}

#[test]
fn the_court_must_fit_the_debtor() {
    let tables = RateTables::builtin();
    let paths = |d: &Dossier| {
        let c = compute(d, d.as_of.unwrap_or_default(), &tables);
        procedure::injunction_check(d, &c)
            .blockers
            .into_iter()
            .map(|g| g.path)
            .collect::<Vec<_>>()
    };
    // CPC 1406: a consumer never before the tribunal de commerce.
    let mut consumer = dossier("individual");
    consumer.court.injunction.court_kind = Some(relance_engine::dossier::CourtKind::Commerce);
    assert_eq!(paths(&consumer), ["injunction.court_kind"]);
    // The court of the debtor's département.
    let mut elsewhere = dossier("company");
    elsewhere.court.injunction.court_address = "44 rue de Bonnel\n69003 Lyon".to_owned();
    assert_eq!(paths(&elsewhere), ["injunction.court_address"]);
    elsewhere.court.injunction.court_address = "38000 Grenoble".to_owned();
    assert_eq!(paths(&elsewhere), Vec::<String>::new());
    // A trade name alone: a company or a person?
    let mut unnamed = dossier("company");
    unnamed.court.debtor.legal_form.clear();
    // Neither is the court known then: a trader goes to commerce, a liberal profession not.
    assert_eq!(
        paths(&unnamed),
        ["injunction.court_kind", "debtor.legal_form"]
    );
    unnamed.court.injunction.court_kind = Some(relance_engine::dossier::CourtKind::Commerce);
    unnamed.court.debtor.last_name = "Martin".to_owned();
    unnamed.court.debtor.first_name = "Paul".to_owned();
    assert_eq!(paths(&unnamed), Vec::<String>::new());
}

#[test]
fn an_invoice_after_the_opening_is_not_declared() {
    let mut dossier = dossier("redressement");
    if let Some(p) = dossier.court.insolvency.as_mut() {
        p.opened = d(2026, 8, 20);
        p.published = Some(d(2026, 8, 30));
    }
    let check = procedure::declaration_check(&dossier, d(2026, 9, 1));
    assert_eq!(blocker_paths(&check), ["invoices[1].issued"]);
    assert!(check.blockers[0].message.contains("F-2026-090"));
    // Delivered before the opening, invoiced after: born before, declared.
    dossier.invoices[1].delivered = Some(d(2026, 8, 10));
    let check = procedure::declaration_check(&dossier, d(2026, 9, 1));
    assert_eq!(blocker_paths(&check), Vec::<&str>::new());
}

#[test]
fn a_liquidation_makes_the_later_sums_payable() {
    let mut dossier = dossier("redressement");
    if let Some(p) = dossier.court.insolvency.as_mut() {
        p.procedure = relance_engine::dossier::Procedure::Liquidation;
        p.pending_case = "Tribunal de commerce de Grenoble, RG 2026F00123".to_owned();
    }
    let again = parse::dossier(&dossier.to_json()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(again, dossier);
    let p = dossier
        .court
        .insolvency
        .clone()
        .unwrap_or_else(|| panic!("no proceedings"));
    let declared = procedure::declared(&dossier, &p, &RateTables::builtin());
    assert!(declared.made_payable);
    assert_eq!(declared.not_yet_due.len(), 1);
    let recovery = self::dossier("redressement");
    let p = recovery
        .court
        .insolvency
        .clone()
        .unwrap_or_else(|| panic!("no proceedings"));
    assert!(!procedure::declared(&recovery, &p, &RateTables::builtin()).made_payable);
}

/// The edges of the declaration's rules: a day is not « after » itself.
#[test]
fn the_declaration_at_its_edges() {
    let tables = RateTables::builtin();
    let mut dossier = dossier("redressement");
    let opened = d(2026, 9, 23);
    // Delivered on the opening day: born before it, declared.
    dossier.invoices[1].delivered = Some(opened);
    dossier.invoices[1].issued = Some(opened);
    // Paid on the opening day: not « after » it.
    dossier.payments[0].date = opened;
    if let Some(p) = dossier.court.insolvency.as_mut() {
        p.security.clear();
    }
    let check = procedure::declaration_check(&dossier, d(2026, 12, 4));
    assert_eq!(blocker_paths(&check), Vec::<&str>::new());
    let said = check.notes.join(" ");
    assert!(
        !said.contains("postérieur au jugement d'ouverture"),
        "{said}"
    );
    assert!(!said.contains("Sûreté"), "{said}");
    // The last day itself is not passed.
    assert!(!said.contains("Ce délai est passé"), "{said}");
    // A liquidation names the liquidator; a redressement the mandataire.
    let mut liquidation = dossier.clone();
    if let Some(p) = liquidation.court.insolvency.as_mut() {
        p.procedure = relance_engine::dossier::Procedure::Liquidation;
        p.representative_name.clear();
    }
    let check = procedure::declaration_check(&liquidation, d(2026, 12, 4));
    assert!(check.blockers[0].message.contains("du liquidateur"));
    let mut recovery = dossier.clone();
    if let Some(p) = recovery.court.insolvency.as_mut() {
        p.representative_name.clear();
    }
    let check = procedure::declaration_check(&recovery, d(2026, 12, 4));
    assert!(check.blockers[0]
        .message
        .contains("du mandataire judiciaire"));
    // An invoice due on the opening day is due; one whose principal is paid but whose
    // penalties are owed is still declared.
    let mut due = self::dossier("redressement");
    due.invoices[1].due = opened;
    due.invoices[1].issued = Some(d(2026, 8, 24));
    due.payments = vec![relance_engine::dossier::Payment {
        date: d(2026, 9, 1),
        amount: relance_engine::money::Eur::new(dec("3000.00"))
            .unwrap_or(relance_engine::money::Eur::ZERO),
        invoice: Some("F-2026-031".to_owned()),
    }];
    let p = due
        .court
        .insolvency
        .clone()
        .unwrap_or_else(|| panic!("no proceedings"));
    let declared = procedure::declared(&due, &p, &tables);
    let c = &declared.computation;
    let numbers: Vec<&str> = declared
        .due
        .iter()
        .map(|i| c.invoices[*i].number.as_str())
        .collect();
    assert_eq!(numbers, ["F-2026-031", "F-2026-090"]);
    assert!(declared.not_yet_due.is_empty());
    let f031 = &c.invoices[declared.due[0]];
    assert!(f031.total > Decimal::ZERO);
}

#[test]
fn the_edges_of_the_court_part_of_a_file() {
    let base = r#"{"version":3,"creditor":{"kind":"company"},"debtor":{"kind":"professional"},
        "invoices":[{"number":"1","due":"2026-01-01","amount":"10"}],EXTRA}"#;
    // Exactly the most pieces a file may list.
    let pieces = format!(
        r#""pieces":[{}]"#,
        vec![r#"{"kind":"autre","title":"p"}"#; 1000].join(",")
    );
    assert_eq!(
        errors(&base.replace("EXTRA", &pieces)),
        Vec::<String>::new()
    );
    // Published the day of the opening.
    let same_day =
        r#""insolvency":{"procedure":"sauvegarde","opened":"2026-05-10","published":"2026-05-10"}"#;
    assert_eq!(
        errors(&base.replace("EXTRA", same_day)),
        Vec::<String>::new()
    );
}

/// The proof note is for a consumer only.
#[test]
fn only_a_consumer_gets_the_proof_note() {
    let tables = RateTables::builtin();
    for (name, consumer) in [("individual", true), ("company", false)] {
        let dossier = dossier(name);
        let c = compute(&dossier, d(2026, 12, 1), &tables);
        let notes = procedure::injunction_check(&dossier, &c).notes.join(" ");
        assert_eq!(
            notes.contains("la facture seule prouve mal la créance"),
            consumer,
            "{name}"
        );
    }
}

/// A letter of the user's dated the day of the formal notice stays before it; one dated after
/// follows it.
#[test]
fn the_formal_notice_goes_before_the_letters_dated_after_it() {
    let mut dossier = dossier("company");
    dossier.court.pieces = vec![
        relance_engine::dossier::Piece {
            kind: PieceKind::Correspondence,
            date: Some(d(2026, 9, 15)),
            title: "Courriel du même jour".to_owned(),
        },
        relance_engine::dossier::Piece {
            kind: PieceKind::Correspondence,
            date: Some(d(2026, 9, 16)),
            title: "Courriel du lendemain".to_owned(),
        },
    ];
    let sources: Vec<Source> = procedure::bordereau(&dossier)
        .iter()
        .map(|l| l.source)
        .filter(|s| matches!(s, Source::User(_) | Source::FormalNotice(_)))
        .collect();
    assert_eq!(
        sources,
        [
            Source::User(0),
            Source::FormalNotice(d(2026, 9, 15)),
            Source::User(1)
        ]
    );
}

/// A payment after the opening judgment is said beside the declaration; one before, not.
#[test]
fn a_payment_after_the_opening_is_said() {
    let after = dossier("redressement");
    let said = procedure::declaration_check(&after, d(2026, 12, 1))
        .notes
        .join(" ");
    assert!(
        said.contains("Le règlement du 15/10/2026 (300,00 €), postérieur au jugement d'ouverture"),
        "{said}"
    );
    let mut before = after.clone();
    before.payments[0].date = d(2026, 9, 1);
    let said = procedure::declaration_check(&before, d(2026, 12, 1))
        .notes
        .join(" ");
    assert!(
        !said.contains("postérieur au jugement d'ouverture"),
        "{said}"
    );
}
