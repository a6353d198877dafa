//! The décompte as an annex: for each invoice, its periods (Du, Au, Jours, Base, Taux,
//! Fondement, Intérêts) with a total row, what was imputed on it and what it still owes; then
//! a summary whose rows add up to the total claimed, and the legal basis of the rates.
//!
//! Every amount is an engine figure formatted by `relance_engine::fr`; the engine guarantees
//! that each table's total is the sum of its rounded rows.

use rust_decimal::Decimal;

use relance_engine::compute::{Computation, InvoiceResult, Regime};
use relance_engine::dossier::{BelowFloor, DayCount, Dossier, Imputation, RateChoice, RatePeriod};
use relance_engine::fr::{self, long_date};
use relance_engine::segment::Segment;

use crate::draft::ids;
use crate::model::{col, para, sums, Align, Annex, Block, Table};
use crate::user_text::clean;

/// The décompte of `computation` as an annex titled with its date; unverified rates are marked
/// « non vérifié » only when `mark_unverified` (the user keeps them knowingly).
pub fn decompte(dossier: &Dossier, computation: &Computation, mark_unverified: bool) -> Annex {
    let c = computation;
    let b2b = c.regime == Regime::B2b;
    let interest_word = if b2b {
        Words {
            noun: "Pénalités",
            due: "dues",
            accrued: "courues",
            paid: "réglées",
        }
    } else {
        Words {
            noun: "Intérêts",
            due: "dus",
            accrued: "courus",
            paid: "réglés",
        }
    };
    let mut blocks = vec![para(ids::ANNEX_METHOD, method(dossier, c))];
    for inv in &c.invoices {
        blocks.extend(invoice_blocks(inv, b2b, &interest_word, mark_unverified));
    }
    blocks.push(Block::Heading(format!(
        "Récapitulatif au {}",
        fr::date(c.as_of)
    )));
    blocks.push(summary(c));
    if c.invoices
        .iter()
        .flat_map(|i| &i.segments)
        .any(|s| s.rate.provisional)
    {
        blocks.push(Block::Bullets(vec![
            "Taux « provisoire » : le taux de la période n'était pas encore publié à la date du calcul ; le dernier taux connu a été appliqué.".to_owned(),
        ]));
    }
    if mark_unverified
        && c.invoices
            .iter()
            .flat_map(|i| &i.segments)
            .any(|s| s.rate.status == relance_engine::rates::Status::Unverified)
    {
        // Shown to the user in the preview; an editable paragraph, to remove once the rate is confirmed.
        blocks.push(Block::Paragraph {
            id: ids::ANNEX_UNVERIFIED.to_owned(),
            text: "Taux « non vérifié » : ce taux n'a pas pu être confirmé dans le texte officiel à la date du calcul ; vérifiez-le avant d'envoyer ce décompte.".to_owned(),
        });
    }
    Annex {
        title: format!(
            "Annexe — Décompte des sommes dues au {}",
            long_date(c.as_of)
        ),
        blocks,
    }
}

/// What a day's interest is divided by, in words.
fn divisor_text(day_count: DayCount) -> &'static str {
    match day_count {
        DayCount::Fixed365 => "365",
        DayCount::Actual => "365 (366 pour les jours d'une année bissextile)",
    }
}

fn method(dossier: &Dossier, c: &Computation) -> String {
    let o = &dossier.options;
    let divisor = divisor_text(o.day_count);
    let common = format!(
        "Pour chaque période, intérêts = base × taux × jours / {divisor}, arrondis au centime ; chaque total est la somme des montants arrondis."
    );
    match c.regime {
        Regime::B2b => {
            let rate = match (o.rate, o.rate_period) {
                // C. com. L441-10: a clause below the floor is never shown as a lawful rate.
                (RateChoice::Contractual { percent: p, .. }, period) => {
                    let p = fr::percent(p.get());
                    match c.contractual_below_floor() {
                        None => format!("au taux contractuel de {p} l'an (C. com. L441-10)"),
                        Some(BelowFloor::Floor) => format!(
                            "au taux contractuel de {p} l'an, porté à trois fois le taux de l'intérêt légal pour les semestres où il est inférieur à ce plancher (C. com. L441-10)"
                        ),
                        Some(BelowFloor::LegalDefault) => {
                            let when = match period {
                                RatePeriod::Semester => "en vigueur au 1er janvier pour les jours du premier semestre et au 1er juillet pour ceux du second",
                                RatePeriod::FrozenAtDueDate => "en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé",
                            };
                            format!(
                                "au taux contractuel de {p} l'an, remplacé, pour les semestres où il est inférieur au plancher de trois fois le taux de l'intérêt légal, par le taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, {when} (C. com. L441-10)"
                            )
                        }
                        Some(BelowFloor::Contractual) => format!(
                            "au taux contractuel de {p} l'an, appliqué tel quel, y compris pour les semestres où il est inférieur au plancher de trois fois le taux de l'intérêt légal (C. com. L441-10)"
                        ),
                    }
                }
                (RateChoice::LegalDefault, RatePeriod::Semester) => "au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en vigueur au 1er janvier pour les jours du premier semestre et au 1er juillet pour ceux du second (C. com. L441-10)".to_owned(),
                (RateChoice::LegalDefault, RatePeriod::FrozenAtDueDate) => "au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points, en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé, pour toute la durée du retard (C. com. L441-10)".to_owned(),
            };
            let imputation = match o.imputation {
                Imputation::InterestFirst => {
                    "Les règlements partiels sont imputés d'abord sur les pénalités, puis sur le principal (C. civ. 1343-1)."
                }
                Imputation::PrincipalFirst => {
                    "Les règlements partiels sont imputés d'abord sur le principal, conformément au contrat."
                }
            };
            let indemnity = if o.indemnity {
                " Indemnité forfaitaire pour frais de recouvrement : 40 € par facture payée en retard (C. com. D441-5)."
            } else {
                ""
            };
            format!(
                "Pénalités de retard calculées sur le montant TTC restant dû, du lendemain de l'échéance jusqu'au {}, {rate}. {common} {imputation}{indemnity}",
                fr::date(c.as_of)
            )
        }
        Regime::Public => format!(
            "Intérêts moratoires calculés sur le montant TTC restant dû, du lendemain de l'échéance jusqu'au {}, au taux appliqué par la Banque centrale européenne à ses opérations principales de refinancement les plus récentes, en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de huit points, pour toute la durée du retard (C. commande publique R2192-31). {common} Les règlements partiels sont imputés d'abord sur les intérêts (C. civ. 1343-1).{}",
            fr::date(c.as_of),
            if o.indemnity { " Indemnité forfaitaire pour frais de recouvrement : 40 € par facture payée en retard (C. commande publique D2192-35)." } else { "" }
        ),
        Regime::B2c => {
            let start = match o.formal_notice_date {
                Some(d) => format!(
                    "à compter du lendemain de la mise en demeure du {} (ou de l'échéance si elle est postérieure)",
                    fr::date(d)
                ),
                None => "à compter de la réception de la mise en demeure ; aucun n'est encore calculé ici".to_owned(),
            };
            format!(
                "Intérêts au taux de l'intérêt légal (C. civ. 1231-6 et 1344-1 ; taux fixé chaque semestre en application de l'article L313-2 du Code monétaire et financier), {start}. {common} Les règlements partiels sont imputés d'abord sur les intérêts (C. civ. 1343-1)."
            )
        }
    }
}

/// "Pénalités dues" / "Intérêts dus": the noun of the regime and its agreements.
struct Words {
    noun: &'static str,
    due: &'static str,
    accrued: &'static str,
    paid: &'static str,
}

fn invoice_blocks(inv: &InvoiceResult, b2b: bool, w: &Words, mark_unverified: bool) -> Vec<Block> {
    let amount = fr::amount;
    let issued = inv
        .issued
        .map(|d| format!(" du {}", fr::date(d)))
        .unwrap_or_default();
    let mut blocks = vec![Block::Heading(format!(
        "Facture n° {}{issued}, échue le {} — {} TTC",
        clean(&inv.number),
        fr::date(inv.due),
        amount(inv.amount)
    ))];
    let mut imputed = Vec::new();
    if !inv.credited.is_zero() {
        imputed.push(format!("Avoir imputé : {}", amount(inv.credited)));
    }
    for p in &inv.payments {
        let on_interest = if b2b {
            "sur les pénalités"
        } else {
            "sur les intérêts"
        };
        let parts: Vec<String> = [
            (p.to_interest, on_interest),
            (p.to_principal, "sur le principal"),
        ]
        .iter()
        .filter(|(v, _)| !v.is_zero())
        .map(|(v, what)| format!("{} {what}", amount(*v)))
        .collect();
        if !parts.is_empty() {
            imputed.push(format!(
                "Règlement du {} imputé : {}",
                fr::date(p.date),
                parts.join(" et ")
            ));
        }
    }
    #[cfg(feature = "judgment")]
    imputed.extend(capitalised_lines(&inv.capitalisations));
    if !imputed.is_empty() {
        blocks.push(Block::Bullets(imputed));
    }
    if inv.segments.is_empty() {
        let why = if inv.accrual_start.is_none() {
            "Aucun intérêt calculé : les intérêts au taux de l'intérêt légal courent à compter de la mise en demeure (C. civ. 1231-6)."
        } else if b2b {
            "Aucune pénalité de retard calculée pour cette facture."
        } else {
            "Aucun intérêt de retard calculé pour cette facture."
        };
        blocks.push(Block::Bullets(vec![why.to_owned()]));
    } else {
        blocks.push(segments_table(
            &inv.segments,
            inv.interest_accrued,
            mark_unverified,
        ));
    }
    let mut owed = vec![format!("Principal restant dû : {}", amount(inv.principal))];
    if inv.interest_paid.is_zero() {
        owed.push(format!(
            "{} {} : {}",
            w.noun,
            w.due,
            amount(inv.interest_accrued)
        ));
    } else {
        owed.push(format!(
            "{} {} : {}, dont {} {}, reste dû : {}",
            w.noun,
            w.accrued,
            amount(inv.interest_accrued),
            amount(inv.interest_paid),
            w.paid,
            amount(inv.interest)
        ));
    }
    if b2b && !inv.indemnity.is_zero() {
        owed.push(format!(
            "Indemnité forfaitaire (C. com. D441-5) : {}",
            amount(inv.indemnity)
        ));
    }
    owed.push(format!(
        "Total dû pour cette facture : {}",
        amount(inv.total)
    ));
    blocks.push(Block::Bullets(owed));
    blocks
}

/// Summary rows that add up, row by row, to the total claimed.
fn summary(c: &Computation) -> Block {
    let t = &c.totals;
    let b2b = c.regime == Regime::B2b;
    // A public buyer's letter exists only with the feature `public` (not in the page yet).
    let public = cfg!(feature = "public") && c.regime == Regime::Public;
    let mut rows = vec![vec![
        "Principal restant dû".to_owned(),
        fr::amount(t.principal),
    ]];
    let accrued_label = if b2b {
        "Pénalités de retard courues (C. com. L441-10)"
    } else if public {
        "Intérêts moratoires courus (C. commande publique R2192-31)"
    } else {
        "Intérêts courus au taux de l'intérêt légal (C. civ. 1231-6)"
    };
    rows.push(vec![
        accrued_label.to_owned(),
        fr::amount(t.interest_accrued),
    ]);
    // Interest already paid: the difference of two engine totals, exact (no rounding).
    let paid = t.interest_accrued - t.interest;
    if paid != Decimal::ZERO {
        let label = if b2b {
            "Pénalités déjà réglées (imputées sur les règlements)"
        } else {
            "Intérêts déjà réglés (imputés sur les règlements)"
        };
        rows.push(vec![label.to_owned(), fr::amount(-paid)]);
    }
    if b2b && !t.indemnities.is_zero() {
        rows.push(vec![
            "Indemnités forfaitaires pour frais de recouvrement (C. com. D441-5)".to_owned(),
            fr::amount(t.indemnities),
        ]);
    }
    if public && !t.indemnities.is_zero() {
        rows.push(vec![
            "Indemnités forfaitaires pour frais de recouvrement (C. commande publique D2192-35)"
                .to_owned(),
            fr::amount(t.indemnities),
        ]);
    }
    if b2b && !t.extra_costs.is_zero() {
        rows.push(vec![
            "Frais de recouvrement complémentaires justifiés (C. com. L441-10)".to_owned(),
            fr::amount(t.extra_costs),
        ]);
    }
    sums(
        "Somme",
        rows,
        [
            "Total dû".to_owned(),
            fr::amount(c.claimable_without_title()),
        ],
    )
}

/// The interest of `segments`, one row per period, with their sum `total`.
fn segments_table(segments: &[Segment], total: Decimal, mark_unverified: bool) -> Block {
    let amount = fr::amount;
    let rows = segments
        .iter()
        .map(|s| {
            let mut rate = fr::percent(s.rate.percent);
            if s.rate.provisional {
                rate.push_str(" (provisoire)");
            }
            if mark_unverified && s.rate.status == relance_engine::rates::Status::Unverified {
                rate.push_str(" (non vérifié)");
            }
            vec![
                fr::date(s.from),
                fr::date(s.to),
                s.days.to_string(),
                amount(s.base),
                rate,
                fr::rate_basis(&s.rate),
                amount(s.interest),
            ]
        })
        .collect();
    Block::Table(Table {
        columns: vec![
            col("Du", Align::Left, 2),
            col("Au", Align::Left, 2),
            col("Jours", Align::Right, 1),
            col("Base", Align::Right, 3),
            col("Taux", Align::Right, 2),
            col("Fondement", Align::Left, 6),
            col("Intérêts", Align::Right, 3),
        ],
        rows,
        total: Some(vec![
            "Total".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            amount(total),
        ]),
    })
}

/// « Capitalisation du 01/03/2024 : 1 863,01 € d'intérêts ajoutés à la base (C. civ. 1343-2) ».
#[cfg(feature = "judgment")]
fn capitalised_lines(events: &[relance_engine::compute::Capitalised]) -> Vec<String> {
    events
        .iter()
        .map(|c| {
            format!(
                "Capitalisation du {} : {} d'intérêts ajoutés à la base des intérêts (C. civ. 1343-2)",
                fr::date(c.date),
                fr::amount(c.amount)
            )
        })
        .collect()
}

/// The account of a judgment (feature `judgment`): the award, its interest period by period,
/// the payments since and what is still owed, as `JudgmentResult` has them.
#[cfg(feature = "judgment")]
pub fn judgment(
    j: &relance_engine::judgment::JudgmentResult,
    as_of: chrono::NaiveDate,
    day_count: DayCount,
    mark_unverified: bool,
) -> Annex {
    let amount = fr::amount;
    let increase = if j.increase_from.is_some() {
        ", majoré de cinq points à l'expiration d'un délai de deux mois après sa signification (article L313-3 du Code monétaire et financier)"
    } else {
        ""
    };
    let mut blocks = vec![para(
        ids::ANNEX_METHOD,
        format!("Intérêts au taux de l'intérêt légal sur le principal et la somme allouée au titre de l'article 700 du Code de procédure civile, à compter de la décision (article 1231-7 du Code civil){increase}. Pour chaque période, intérêts = base × taux × jours / {}, arrondis au centime. Les règlements sont imputés sur les dépens, puis sur les intérêts, puis sur le principal.", divisor_text(day_count)),
    )];
    blocks.push(Block::Heading(format!(
        "Décision du {} — base des intérêts : {}",
        fr::date(j.date),
        amount(j.base)
    )));
    if !j.payments.is_empty() {
        let lines = j
            .payments
            .iter()
            .map(|p| {
                format!(
                    "Règlement du {} : {} sur les dépens, {} sur les intérêts, {} sur le principal",
                    fr::date(p.date),
                    amount(p.to_costs),
                    amount(p.to_interest),
                    amount(p.to_base)
                )
            })
            .collect();
        blocks.push(Block::Bullets(lines));
    }
    if !j.segments.is_empty() {
        blocks.push(segments_table(
            &j.segments,
            j.interest_accrued,
            mark_unverified,
        ));
    }
    blocks.push(Block::Heading(format!(
        "Récapitulatif au {}",
        fr::date(as_of)
    )));
    let mut rows = vec![
        vec![
            "Principal et article 700 restant dus".to_owned(),
            amount(j.base_owed),
        ],
        vec![
            "Intérêts fixés par la décision restant dus".to_owned(),
            amount(j.awarded_owed),
        ],
        vec![
            "Intérêts depuis la décision restant dus".to_owned(),
            amount(j.accrued_owed),
        ],
    ];
    if !j.capitalised_owed.is_zero() {
        rows.push(vec![
            "Intérêts capitalisés restant dus (C. civ. 1343-2)".to_owned(),
            amount(j.capitalised_owed),
        ]);
    }
    rows.push(vec!["Dépens restant dus".to_owned(), amount(j.costs_owed)]);
    blocks.push(sums(
        "Somme",
        rows,
        ["Total dû".to_owned(), amount(j.total())],
    ));
    Annex {
        title: format!(
            "Annexe — Décompte des sommes dues au {}",
            fr::long_date(as_of)
        ),
        blocks,
    }
}
