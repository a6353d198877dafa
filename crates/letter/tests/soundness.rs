//! What a debtor's lawyer would attack, checked on every letter kind × B2B / B2C × the
//! engine's golden dossiers (legal and contractual rates, partial payments, several invoices):
//! no interest on interest, a deadline counted from receipt, the whole sum asked, a real
//! forfeiture clause in a plan, and no English word in what the reader sees.

use chrono::NaiveDate;
use relance_engine::compute::Regime;
use relance_engine::letter_fields::LetterFields;
use relance_engine::{compute, fr, parse, Computation, Dossier, RateTables};
use relance_letter::model::Annex;
use relance_letter::{draft, text, Block, Letter, LetterKind};

const KINDS: [LetterKind; 3] = [
    LetterKind::Reminder,
    LetterKind::FormalNotice,
    LetterKind::PaymentPlan,
];

const GOLDEN: [&str; 10] = [
    "seed",
    "b2c",
    "several_invoices",
    "contractual",
    "frozen_rate",
    "leap_year",
    "partial_payments",
    "below_floor_floor",
    "below_floor_contractual",
    "below_floor_default",
];

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn golden(name: &str) -> Dossier {
    let path = format!(
        "{}/../engine/tests/golden/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse::dossier(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Every golden dossier, and the consumer one without its earlier formal notice (no interest
/// has run yet: this letter starts it).
fn cases() -> Vec<(String, Dossier, Computation)> {
    let mut out = Vec::new();
    for name in GOLDEN {
        let d = golden(name);
        let c = compute(&d, day(), &RateTables::builtin());
        out.push((name.to_owned(), d, c));
    }
    let mut d = golden("b2c");
    d.options.formal_notice_date = None;
    let c = compute(&d, day(), &RateTables::builtin());
    out.push(("b2c without notice".to_owned(), d, c));
    out
}

fn fields() -> LetterFields {
    LetterFields {
        place: "Lyon".into(),
        signatory: "Claire Durand".into(),
        ..LetterFields::default()
    }
}

fn paragraph<'a>(letter: &'a Letter, id: &str) -> Option<&'a str> {
    letter
        .body
        .iter()
        .chain(letter.annex.iter().flat_map(|a: &Annex| a.blocks.iter()))
        .find_map(|b| match b {
            Block::Paragraph { id: i, text } if i == id => Some(text.as_str()),
            _ => None,
        })
}

/// The amount written just before `at` in `text` (« 2 400,00 € » before « , augmentée »).
fn amount_before(text: &str, at: usize) -> String {
    let head = &text[..at];
    let end = head.rfind('€').expect("an amount before « augmentée »") + '€'.len_utf8();
    let start = head[..end]
        .rfind(|c: char| {
            !(c.is_ascii_digit()
                || c == ','
                || c == ' '
                || c == '\u{a0}'
                || c == '\u{202f}'
                || c == '€')
        })
        .map_or(0, |i| i + 1);
    head[start..end].trim().to_owned()
}

#[test]
fn no_interest_runs_on_a_sum_that_holds_interest() {
    for (name, d, c) in cases() {
        for kind in KINDS {
            let text = text::render(&draft(kind, &d, &c, &fields(), day()));
            for (at, _) in text.match_indices("augmentée des") {
                let amount = amount_before(&text, at);
                assert_eq!(
                    amount,
                    fr::amount(c.totals.principal),
                    "{name} {kind:?}: « augmentée des » follows {amount}, not the principal alone"
                );
            }
            // Interest, when it keeps running, runs on the principal.
            if kind == LetterKind::FormalNotice && !c.totals.interest.is_zero() {
                let deadline = paragraph(&draft(kind, &d, &c, &fields(), day()), "deadline")
                    .unwrap()
                    .to_owned();
                assert!(
                    deadline.contains(&format!(
                        "continuant de courir sur le principal restant dû de {}",
                        fr::amount(c.totals.principal)
                    )),
                    "{name}: {deadline}"
                );
            }
        }
    }
}

#[test]
fn every_deadline_counts_from_receipt() {
    for (name, d, c) in cases() {
        for kind in KINDS {
            let mut f = fields();
            f.deadline_days = 15;
            let letter = draft(kind, &d, &c, &f, day());
            let id = match kind {
                LetterKind::Reminder => "request",
                LetterKind::FormalNotice => "deadline",
                LetterKind::PaymentPlan => "plan-accept",
                #[cfg(feature = "court")]
                _ => unreachable!("KINDS holds the three letters"),
            };
            let text = paragraph(&letter, id).unwrap();
            assert!(
                text.contains("dans un délai de 15 jours à compter de la réception de la présente"),
                "{name} {kind:?}: {text}"
            );
            assert!(
                !text::render(&letter).contains("au plus tard le"),
                "{name} {kind:?}: a deadline dated from the letter"
            );
        }
    }
}

#[test]
fn the_reminder_asks_for_the_whole_sum() {
    for (name, d, c) in cases() {
        let letter = draft(LetterKind::Reminder, &d, &c, &fields(), day());
        let request = paragraph(&letter, "request").unwrap();
        let whole = format!("la somme de {}", fr::amount(c.claimable_without_title()));
        assert!(request.contains(&whole), "{name}: {request}");
        // Part payments waive nothing.
        let payment = paragraph(&letter, "payment").unwrap();
        assert!(
            payment.contains("sans novation ni renonciation"),
            "{name}: {payment}"
        );
    }
}

#[test]
fn the_plan_has_a_forfeiture_clause_and_the_1376_mention() {
    for (name, d, c) in cases() {
        let letter = draft(LetterKind::PaymentPlan, &d, &c, &fields(), day());
        let clause = paragraph(&letter, "plan-default").unwrap();
        for needle in [
            "À défaut de paiement d'un seul versement à sa date",
            "mise en demeure restée sans effet",
            "la déchéance du terme sera acquise de plein droit",
            "immédiatement exigible",
            "le principal restant dû produira",
        ] {
            assert!(clause.contains(needle), "{name}: {needle:?} in {clause}");
        }
        assert!(!clause.contains("pourrait"), "{name}: a clause that hedges");
        let signature = paragraph(&letter, "plan-slip-signature").unwrap();
        assert!(
            signature
                .contains("écrite en chiffres et en toutes lettres (article 1376 du Code civil)"),
            "{name}: {signature}"
        );
        if c.regime == Regime::B2c {
            assert!(
                signature.contains(&fr::amount(c.claimable_without_title())),
                "{name}: the sum to write by hand: {signature}"
            );
        }
        assert!(paragraph(&letter, "plan-accept").unwrap().contains(
            "reconnaissance de la dette et interrompt la prescription (article 2240 du Code civil)"
        ));
    }
}

#[test]
fn every_letter_lists_its_enclosures() {
    for (name, d, c) in cases() {
        for kind in KINDS {
            let letter = draft(kind, &d, &c, &fields(), day());
            let list = paragraph(&letter, "enclosures").unwrap();
            assert!(
                list.starts_with("Pièces jointes : copie de"),
                "{name} {kind:?}: {list}"
            );
            assert_eq!(
                list.contains("bon pour accord"),
                kind == LetterKind::PaymentPlan,
                "{name} {kind:?}: {list}"
            );
        }
    }
}

/// English words that are not also French: found in a letter or a notice, they are a slip.
const ENGLISH: [&str; 22] = [
    "the",
    "and",
    "of",
    "only",
    "not",
    "read",
    "per",
    "with",
    "from",
    "full",
    "text",
    "quoted",
    "verbatim",
    "reproduced",
    "repos",
    "press",
    "release",
    "effect",
    "third",
    "party",
    "rate",
    "interest",
];

/// The English words of `text`, web addresses aside (a cited page's address is what it is).
fn english_words(text: &str) -> Vec<String> {
    let is_address = |token: &str| {
        token.contains('/')
            || token
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .split('.')
                .filter(|part| !part.is_empty())
                .count()
                > 1
    };
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|token| !is_address(token))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

#[test]
fn no_english_word_in_a_letter_or_a_notice() {
    for (name, d, c) in cases() {
        for kind in KINDS {
            let text = text::render(&draft(kind, &d, &c, &fields(), day()));
            assert_eq!(
                english_words(&text),
                Vec::<String>::new(),
                "{name} {kind:?}"
            );
        }
        for notice in &c.notices {
            let message = fr::notice(notice);
            assert_eq!(
                english_words(&message),
                Vec::<String>::new(),
                "{name}: {message}"
            );
        }
        for segment in c.invoices.iter().flat_map(|i| &i.segments) {
            // The sources are shown under the décompte on the page.
            let source: &str = segment.rate.source;
            assert_eq!(
                english_words(source),
                Vec::<String>::new(),
                "{name}: {source}"
            );
        }
    }
}

/// The court documents and what is said beside them (issue 14).
#[cfg(feature = "court")]
#[test]
fn no_english_word_in_a_court_document() {
    use relance_engine::procedure;
    for name in ["company", "individual", "large", "redressement"] {
        let path = format!(
            "{}/../engine/tests/court/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let d = parse::dossier(&std::fs::read_to_string(path).unwrap()).unwrap();
        let c = compute(&d, day(), &RateTables::builtin());
        for kind in [
            LetterKind::InjunctionRequest,
            LetterKind::Bordereau,
            LetterKind::ClaimDeclaration,
            LetterKind::CerfaGuide,
        ] {
            let text = text::render(&draft(kind, &d, &c, &d.letter, day()));
            assert_eq!(
                english_words(&text),
                Vec::<String>::new(),
                "{name} {kind:?}"
            );
        }
        let checks = [
            procedure::injunction_check(&d, &c),
            procedure::declaration_check(&d, day()),
        ];
        for check in checks {
            let said = check
                .notes
                .into_iter()
                .chain(check.blockers.into_iter().map(|b| b.message));
            for sentence in said {
                assert_eq!(
                    english_words(&sentence),
                    Vec::<String>::new(),
                    "{name}: {sentence}"
                );
            }
        }
    }
}

#[test]
fn the_english_scan_finds_english() {
    assert_eq!(
        english_words("third-party code only; arrêté not read"),
        ["third", "party", "only", "not", "read"]
    );
    assert!(english_words("Les pénalités de retard sont dues à compter du lendemain.").is_empty());
    assert!(english_words("tableau (bsi.si/en/ecb-interest-rates) ; fxstreet.com").is_empty());
}

/// The string literals of a Rust source, test modules aside.
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A `'"'` character literal opens no string.
        if chars[i] == '"' && !(i > 0 && chars[i - 1] == '\'' && chars.get(i + 1) == Some(&'\'')) {
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(c) = chars.get(i) {
                    text.push(*c);
                }
                i += 1;
            }
            out.push(text);
        }
        i += 1;
    }
    out
}

/// Every sentence the engine's French module and the letters can write, as written in their
/// source (placeholders aside): the scan reaches notices and paragraphs no dossier above
/// happens to produce.
#[test]
fn no_english_word_in_any_french_sentence_of_the_source() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut files = vec![
        format!("{root}/engine/src/fr.rs"),
        format!("{root}/engine/src/letter_blanks.rs"),
    ];
    for dir in ["letter/src", "letter/src/draft", "engine/src/procedure"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path.to_string_lossy().into_owned());
            }
        }
    }
    let mut scanned = 0;
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for literal in literals(&source) {
            // Sentences have spaces; ids, codes and format specs do not.
            if !literal.contains(' ') {
                continue;
            }
            let mut text = String::new();
            let mut depth = 0;
            for c in literal.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => text.push(c),
                    _ => {}
                }
            }
            scanned += 1;
            assert_eq!(
                english_words(&text),
                Vec::<String>::new(),
                "{file}: {literal:?}"
            );
        }
    }
    assert!(scanned > 100, "only {scanned} sentences found");
}

/// CPC 750-1: up to 5 000 €, the mise en demeure says an action on the merits would start with a
/// conciliateur de justice; above, it does not.
#[test]
fn the_conciliateur_is_named_for_small_claims_only() {
    for (name, d, c) in cases() {
        let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
        let text = paragraph(&letter, "consequences").unwrap();
        let small = c.claimable_without_title() <= rust_decimal::Decimal::from(5000);
        assert_eq!(
            text.contains("conciliateur de justice, comme le prévoit l'article 750-1"),
            small,
            "{name}: {text}"
        );
    }
}

/// Before sending: an invoice prescribed or soon to be, and a plan ending after the last day
/// to act, are said beside the letter (not in it).
#[test]
fn prescription_is_said_before_sending() {
    use relance_letter::before_sending;
    let d = golden("seed");
    let on = |date: NaiveDate, kind: LetterKind, f: &LetterFields| {
        let c = compute(&d, date, &RateTables::builtin());
        before_sending(kind, &d, &c, f, date)
    };
    let ymd = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    // Issued on 4 March 2022: five years, the last day to act is 4 March 2027.
    assert_eq!(
        on(day(), LetterKind::FormalNotice, &fields()),
        ["La facture F-2022-031 sera prescrite après le 04/03/2027, dernier jour pour agir en justice : cette lettre, même recommandée, n'interrompt pas la prescription."]
    );
    assert!(on(ymd(2026, 9, 1), LetterKind::FormalNotice, &fields()).is_empty());
    let late = on(ymd(2027, 3, 5), LetterKind::Reminder, &fields());
    assert_eq!(late.len(), 1);
    assert!(late[0].starts_with("La facture F-2022-031 semble prescrite : le dernier jour pour agir en justice était le 04/03/2027."), "{late:?}");
    // Three monthly instalments from 22 December end on 22 February: in time. Six end in May.
    assert_eq!(on(day(), LetterKind::PaymentPlan, &fields()).len(), 1);
    let mut f = fields();
    f.plan.instalments = 6;
    let notes = on(day(), LetterKind::PaymentPlan, &f);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[1].starts_with("La dernière échéance, le 22/05/2027, tombe après le 04/03/2027, dernier jour pour agir en justice pour la facture F-2022-031"), "{notes:?}");
    // Once nothing is owed, nothing can be prescribed.
    let mut paid = d.clone();
    paid.invoices[0].amount = relance_engine::money::Eur::new(rust_decimal::Decimal::ZERO).unwrap();
    let c = compute(&paid, day(), &RateTables::builtin());
    assert!(before_sending(LetterKind::Reminder, &paid, &c, &fields(), day()).is_empty());
}

/// The terms-of-sale clause is cited with the B2B penalties; the consumer mediator is named in a
/// consumer's letters, and its absence is said before sending (C. conso. L616-1).
#[test]
fn the_terms_clause_and_the_consumer_mediator_are_cited_when_given() {
    let f = LetterFields {
        terms_reference: "article 9 de nos conditions générales de vente".into(),
        consumer_mediator: "CM2C, 14 rue Saint-Jean, 75017 Paris, www.cm2c.net".into(),
        ..fields()
    };
    for (name, d, c) in cases() {
        for kind in KINDS {
            let letter = draft(kind, &d, &c, &f, day());
            let text = text::render(&letter);
            let b2b = c.regime == Regime::B2b;
            let cited =
                text.contains("stipulées à : article 9 de nos conditions générales de vente.");
            assert_eq!(
                cited,
                b2b && kind != LetterKind::PaymentPlan,
                "{name} {kind:?}"
            );
            let mediator = paragraph(&letter, "mediator");
            assert_eq!(mediator.is_some(), !b2b, "{name} {kind:?}");
            if let Some(m) = mediator {
                assert!(m.contains("médiateur de la consommation dont je relève : CM2C, 14 rue Saint-Jean, 75017 Paris, www.cm2c.net (articles L612-1 et L616-1 du Code de la consommation)."), "{m}");
            }
            let unnamed = relance_letter::before_sending(kind, &d, &c, &fields(), day());
            assert_eq!(
                unnamed.iter().any(|n| n.contains("L616-1")),
                !b2b,
                "{name} {kind:?}: {unnamed:?}"
            );
            let named = relance_letter::before_sending(kind, &d, &c, &f, day());
            assert!(named.iter().all(|n| !n.contains("L616-1")));
        }
    }
}

/// The plan is compared with the earliest last day to act among the invoices still owed, and
/// ending on that very day is in time.
#[test]
fn a_plan_is_compared_with_the_earliest_last_day() {
    use relance_engine::dossier::Invoice;
    use relance_engine::money::Eur;
    use relance_letter::before_sending;
    let ymd = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let invoice = |number: &str, issued, due| Invoice {
        number: number.into(),
        issued: Some(issued),
        due,
        due_assumed: false,
        amount: Eur::new(rust_decimal::Decimal::from(1000)).unwrap(),
        delivered: None,
    };
    let mut d = golden("seed");
    // Due first, but sued on until 1 June 2027; the second, issued earlier, until 4 March 2027.
    d.invoices = vec![
        invoice("A", ymd(2022, 6, 1), ymd(2022, 6, 5)),
        invoice("B", ymd(2022, 3, 4), ymd(2022, 7, 1)),
    ];
    let plan_notes = |d: &Dossier, first: NaiveDate| {
        let c = compute(d, day(), &RateTables::builtin());
        let mut f = fields();
        f.plan.instalments = 3;
        f.plan.first_date = Some(first);
        before_sending(LetterKind::PaymentPlan, d, &c, &f, day())
            .into_iter()
            .filter(|n| n.starts_with("La dernière échéance"))
            .collect::<Vec<_>>()
    };
    // Three monthly instalments from 4 January end on 4 March 2027: the last day itself.
    assert!(plan_notes(&d, ymd(2027, 1, 4)).is_empty());
    let late = plan_notes(&d, ymd(2027, 1, 5));
    assert_eq!(late.len(), 1);
    assert!(
        late[0].contains(
            "tombe après le 04/03/2027, dernier jour pour agir en justice pour la facture B"
        ),
        "{late:?}"
    );
    // Two invoices with the same last day: the first one is named.
    d.invoices[0].issued = Some(ymd(2022, 3, 4));
    let tie = plan_notes(&d, ymd(2027, 1, 5));
    assert!(tie[0].contains("pour la facture A :"), "{tie:?}");
}

/// C. com. L441-10: a contractual rate below three times the legal rate is never presented as
/// lawful: the letter says what was applied instead, or that the clause was kept as it is.
#[test]
fn a_rate_below_the_floor_is_said_as_such_in_every_letter() {
    for (name, said) in [
        ("below_floor_floor", "minimum qu'un contrat peut fixer, ce minimum s'applique à sa place (article L441-10 du Code de commerce)"),
        ("below_floor_default", "s'applique à sa place"),
        ("below_floor_contractual", "appliqué tel quel, y compris pour les semestres où il est inférieur au minimum de trois fois le taux de l'intérêt légal"),
    ] {
        let d = golden(name);
        let c = compute(&d, day(), &RateTables::builtin());
        // The mise en demeure states the rate (the reminder and the plan name no rate).
        let text = text::render(&draft(LetterKind::FormalNotice, &d, &c, &fields(), day()));
        assert!(text.contains(said), "{name}:\n{text}");
    }
}
