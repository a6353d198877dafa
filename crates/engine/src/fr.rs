//! Every French word the engine produces: number and date formatting, and the messages of
//! input errors and notices. The web app and the CLI both print these, so they say the same.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::semester_label;
use crate::input_error::{InputError, InputErrorKind};
use crate::law::prescription::{Start, Status};
use crate::law::Regime;
use crate::money::{round, round_cents, NumberError};
use crate::notice::Notice;
use crate::rates::{Basis, LegalCategory, RateQuote};

/// `12 345,67 €` (ASCII spaces; callers that must not wrap use CSS `white-space: nowrap`).
pub fn amount(value: Decimal) -> String {
    format!("{} €", number(value))
}

/// `12 345,67`: two decimals, comma, thousands separated by a space.
pub fn number(value: Decimal) -> String {
    let rounded = round_cents(value);
    let text = rounded.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let grouped = thousands(int);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped},{frac}")
}

/// `20 000`: a count with thousands separated by a space.
pub fn count(value: usize) -> String {
    thousands(&value.to_string())
}

/// Digits grouped by three from the right with spaces: `1234567` → `1 234 567`.
fn thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `12 000 €`: whole euros, rounded half away from zero.
pub fn whole_euros(value: Decimal) -> String {
    let text = number(round(value, 0));
    format!("{} €", text.strip_suffix(",00").unwrap_or(&text))
}

/// A decimal as a French user types it, without trailing zeros: `6,11`, `0,5`, `1100`.
pub fn decimal(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// `65 %`, `112,9 %`: a percentage rounded to `dp` decimals, without trailing zeros.
pub fn percent_short(value: Decimal, dp: u32) -> String {
    format!("{} %", decimal(round(value, dp)))
}

/// `65,0 %`, `71,1 %`: a percentage with exactly `dp` decimals, for columns of figures.
pub fn percent_fixed(value: Decimal, dp: u32) -> String {
    let mut v = round(value, dp);
    v.rescale(dp);
    format!("{} %", v.to_string().replace('.', ","))
}

/// `45 j`: whole days.
pub fn days(value: Decimal) -> String {
    format!("{} j", round(value, 0))
}

/// `45 j`, or `165 j (≈ 5,4 mois)` from two months on (a month of 30.4 days); `—` for none.
pub fn duration(days_: Option<Decimal>) -> String {
    match days_ {
        None => "—".to_owned(),
        Some(d) if d < Decimal::from(60) => days(d),
        Some(d) => format!(
            "{} (≈ {} mois)",
            days(d),
            decimal(round(d / Decimal::new(304, 1), 1))
        ),
    }
}

/// `12,40 %`: at least two decimals, up to four.
pub fn percent(value: Decimal) -> String {
    format!("{} %", percent_number(value).replace('.', ","))
}

/// `12.40`: the rate as the JSON result writes it.
pub fn percent_number(value: Decimal) -> String {
    let mut v = value.normalize();
    v.rescale(v.scale().max(2));
    v.to_string()
}

/// `03/04/2022`.
pub fn date(value: NaiveDate) -> String {
    // By hand: chrono's strftime machinery costs about 8 KB of wasm.
    format!(
        "{:02}/{:02}/{:04}",
        value.day(),
        value.month(),
        value.year()
    )
}

/// What the letter step drafts for a public buyer.
pub const PUBLIC_BUYER_LETTER: &str = "Acheteur public : la lettre est une demande de paiement du principal, des intérêts moratoires et de l'indemnité forfaitaire (C. commande publique R2192-31 et suivants), adressée à l'acheteur avec copie à son comptable public. La relance amiable et la proposition d'échéancier ne sont pas proposées pour un acheteur public.";

/// What Stratégie compares for a public buyer, and why nothing else.
pub const PUBLIC_BUYER_STRATEGY: &str = "Acheteur public : pas d'injonction de payer, procédure du juge judiciaire, car un marché public est un contrat administratif (CCP L6) jugé par le tribunal administratif ; pas de saisie, les biens des personnes publiques étant insaisissables (CGPPP L2311-1). Les voies comparées ici : la relance, la demande de paiement écrite, le Médiateur des entreprises, le référé-provision et l'action devant le tribunal administratif et, pour une commune, un département, une région ou un de leurs établissements publics, le mandatement d'office par le préfet. Seul le Médiateur publie un taux de réussite, toutes affaires confondues : les autres chances sont des hypothèses à ajuster.";

/// What the interest of a regime is called, and its plural agreement: « Pénalités de retard »
/// (`dues`), « Intérêts au taux légal » and « Intérêts moratoires » (`dus`).
pub fn interest_noun(regime: Regime) -> (&'static str, &'static str) {
    match regime {
        Regime::B2b => ("Pénalités de retard", "dues"),
        Regime::B2c => ("Intérêts au taux légal", "dus"),
        Regime::Public => ("Intérêts moratoires", "dus"),
    }
}

/// What a prescription period is counted from: « depuis la facture du 04/03/2022 ».
pub fn prescription_start(start: Start) -> String {
    match start {
        Start::Delivered(d) => format!("depuis la livraison ou la prestation du {}", date(d)),
        Start::Issued(d) => format!("depuis la facture du {}", date(d)),
        Start::Due(d) => format!("depuis l'échéance du {}", date(d)),
        Start::Payment(d) => format!("depuis le paiement du {}", date(d)),
        Start::Acknowledged(d) => format!("depuis la reconnaissance de dette du {}", date(d)),
    }
}

/// The legal basis of a rate, in a few words: `BCE 2,40 % au 01/07/2026 + 10 points`; a rate
/// the user entered says so.
pub fn rate_basis(quote: &RateQuote) -> String {
    let basis = legal_basis(quote);
    if quote.status == crate::rates::Status::User {
        format!("{basis}, taux saisi par vous")
    } else {
        basis
    }
}

fn legal_basis(quote: &RateQuote) -> String {
    match quote.basis {
        Basis::EcbPlusTen { ecb, reference } => {
            format!(
                "taux BCE {} au {} + 10 points (C. com. L441-10)",
                percent(ecb),
                date(reference)
            )
        }
        Basis::EcbPlusEight { ecb, reference } => format!(
            "taux BCE {} au {} + 8 points, fixe pour tout le retard (C. commande publique R2192-31)",
            percent(ecb),
            date(reference)
        ),
        #[cfg(feature = "judgment")]
        Basis::Judgment {
            category,
            period_from,
            increased,
            legal,
        } => {
            let who = match category {
                LegalCategory::All => "",
                LegalCategory::Particuliers => ", créanciers particuliers",
                LegalCategory::AutresCas => ", autres cas",
            };
            let label = period_label(period_from);
            if increased {
                format!(
                    "taux de l'intérêt légal {label}{who}, {}, majoré de 5 points deux mois après la signification (C. civ. 1231-7 ; C. mon. fin. L313-3)",
                    percent(legal)
                )
            } else {
                format!("taux de l'intérêt légal {label}{who}, sur la condamnation (C. civ. 1231-7)")
            }
        }
        Basis::Contractual => "taux contractuel (C. com. L441-10)".to_owned(),
        Basis::ContractualFloor {
            contractual,
            legal,
            period_from,
        } => format!(
            "taux contractuel de {} porté au plancher de trois fois le taux de l'intérêt légal {}, 3 × {} (C. com. L441-10)",
            percent(contractual),
            period_label(period_from),
            percent(legal)
        ),
        Basis::ContractualDefault {
            contractual,
            floor,
            ecb,
            reference,
        } => format!(
            "taux contractuel de {} inférieur au plancher légal de {} : taux BCE {} au {} + 10 points (C. com. L441-10)",
            percent(contractual),
            percent(floor),
            percent(ecb),
            date(reference)
        ),
        Basis::Legal {
            category,
            period_from,
        } => {
            let who = match category {
                LegalCategory::All => "",
                LegalCategory::Particuliers => ", créanciers particuliers",
                LegalCategory::AutresCas => ", autres cas",
            };
            format!(
                "taux de l'intérêt légal {}{who} (C. civ. 1231-6)",
                period_label(period_from)
            )
        }
    }
}

fn period_label(from: NaiveDate) -> String {
    use chrono::Datelike;
    if from.year() < 2015 {
        format!("{}", from.year())
    } else {
        semester_label(from)
    }
}

fn number_error(e: NumberError) -> &'static str {
    match e {
        NumberError::Empty => "vide",
        NumberError::Invalid => "nombre illisible",
        NumberError::Negative => "négatif",
        NumberError::TooPrecise => "plus de deux décimales",
        NumberError::TooLarge => "trop grand",
    }
}

/// The message of an input error, without its path.
pub fn input_error(kind: &InputErrorKind) -> String {
    match kind {
        InputErrorKind::Syntax { line, column } => {
            format!("fichier JSON illisible (ligne {line}, colonne {column})")
        }
        InputErrorKind::Missing => "champ obligatoire manquant".to_owned(),
        InputErrorKind::UnknownKey(key) => format!("clé inconnue « {key} »"),
        InputErrorKind::WrongType { expected } => format!("type incorrect (attendu : {expected})"),
        InputErrorKind::InvalidDate(raw) => format!("date invalide « {raw} »"),
        InputErrorKind::DateOutOfRange(raw) => {
            format!("date hors limites « {raw} » (années 1900 à 2199)")
        }
        InputErrorKind::InvalidAmount(raw, e) => {
            format!("montant invalide « {raw} » ({})", number_error(*e))
        }
        InputErrorKind::InvalidPercent(raw, e) => {
            let why = match e {
                NumberError::TooPrecise => "plus de quatre décimales",
                NumberError::TooLarge => "plus de 100 %",
                other => number_error(*other),
            };
            format!("taux invalide « {raw} » ({why})")
        }
        InputErrorKind::InvalidChoice { found, allowed } => {
            format!(
                "valeur « {found} » non reconnue (attendu : {})",
                allowed.join(", ")
            )
        }
        InputErrorKind::InvalidSiren(raw) => {
            format!("SIREN invalide « {raw} » (9 chiffres, clé de contrôle)")
        }
        InputErrorKind::InvalidEmail(raw) => format!("adresse e-mail invalide « {raw} »"),
        InputErrorKind::UnsupportedVersion(raw) => {
            format!(
                "version de format non prise en charge « {raw} » (attendu : 1 à {})",
                crate::dossier::FORMAT_VERSION
            )
        }
        InputErrorKind::DuplicateInvoice(n) => format!("numéro de facture en double « {n} »"),
        InputErrorKind::UnknownInvoice(n) => format!("facture inconnue « {n} »"),
        InputErrorKind::NoInvoice => "au moins une facture est nécessaire".to_owned(),
        InputErrorKind::ZeroAmount => "le montant doit être supérieur à zéro".to_owned(),
        InputErrorKind::InvalidIban(raw) => format!("IBAN invalide « {raw} » (clé de contrôle)"),
        InputErrorKind::InvalidInteger { found, min, max } => {
            format!("nombre entier attendu entre {min} et {max}, pas « {found} »")
        }
        InputErrorKind::InvalidAssumption(reason) => reason.clone(),
        InputErrorKind::BeforeInvoice { invoice, since } => format!(
            "date antérieure à la facture {invoice} ({}) : une reconnaissance de dette ne peut la précéder",
            date(*since)
        ),
        InputErrorKind::InvalidSemester(raw) => format!("semestre invalide « {raw} » (attendu : AAAA-1 pour janvier à juin, AAAA-2 pour juillet à décembre, à partir de 2015)"),
        InputErrorKind::NotInPage(what) => format!("ce dossier contient {what}, que la page ne lit pas encore : utilisez la ligne de commande (relance compute, relance letter)"),
        #[cfg(feature = "judgment")]
        InputErrorKind::CapitalisationAfterAsOf(d) => format!("capitalisation demandée après la date de calcul du {}", date(*d)),
        #[cfg(feature = "court")]
        InputErrorKind::PublishedBeforeOpening(d) => format!("publication antérieure au jugement d'ouverture du {}", date(*d)),
        InputErrorKind::ServedBeforeJudgment(d) => format!("signification antérieure au jugement du {}", date(*d)),
        InputErrorKind::DuplicateRate(when) => format!("un autre taux est déjà saisi pour {when}"),
        InputErrorKind::RegulatedForPublicBuyer => "pour un acheteur public, le taux des intérêts moratoires est fixé par la réglementation (C. commande publique, R2192-31) : laissez le choix par défaut".to_owned(),
        InputErrorKind::FileTooLarge { bytes, max } => format!(
            "fichier trop volumineux ({} Mo ; {} Mo au plus) : rien n'a été importé",
            bytes.div_ceil(1024 * 1024),
            max / (1024 * 1024)
        ),
        InputErrorKind::TooMany { what, max } => {
            // Elided before a vowel: « trop d'avoirs ».
            let of = if what.starts_with(['a', 'e', 'é', 'i', 'o', 'u']) {
                "d'"
            } else {
                "de "
            };
            format!(
                "trop {of}{what} (plus de {} dans un même dossier) : rien n'a été importé",
                count(*max)
            )
        }
    }
}

/// The message of a notice.
pub fn notice(n: &Notice) -> String {
    match n {
        Notice::ContractualRateBelowFloor { semester, percent: p, floor } => format!(
            "{} : le taux contractuel ({}) est inférieur au plancher légal de trois fois le taux de l'intérêt légal ({}) (C. com. L441-10). La clause pourrait être écartée.",
            capitalise(&semester_label(*semester)), percent(*p), percent(*floor)
        ),
        Notice::ContractualRateRaisedToFloor { semester, percent: p, floor } => format!(
            "{} : le taux contractuel ({}) est inférieur à trois fois le taux de l'intérêt légal ({}), taux minimal qu'un contrat peut fixer (C. com. L441-10) ; ce plancher est appliqué à sa place.",
            capitalise(&semester_label(*semester)), percent(*p), percent(*floor)
        ),
        Notice::ContractualRateReplacedByDefault { semester, percent: p, floor, applied } => format!(
            "{} : le taux contractuel ({}) est inférieur à trois fois le taux de l'intérêt légal ({}), taux minimal qu'un contrat peut fixer (C. com. L441-10) ; le taux par défaut, taux de la BCE majoré de 10 points ({}), est appliqué à sa place.",
            capitalise(&semester_label(*semester)), percent(*p), percent(*floor), percent(*applied)
        ),
        Notice::PaymentTermsBeyondCap { invoice, issued, due } => format!(
            "Facture {invoice} : l'échéance du {} dépasse le délai maximal de 60 jours (ou 45 jours fin de mois) après la facture du {} (C. com. L441-10 I).",
            date(*due), date(*issued)
        ),
        // C. com. L441-10 I counts the 30 days from the delivery or the service, not the invoice.
        Notice::DueDateAssumed { invoice, due, regime: Regime::B2b } => format!(
            "Facture {invoice} : pas d'échéance indiquée ; paiement supposé dû le {}, 30 jours après la date de la facture. Le délai légal par défaut court de la réception des marchandises ou de l'exécution de la prestation (C. com. L441-10 I) : si elle est postérieure à la facture, indiquez l'échéance.",
            date(*due)
        ),
        Notice::DueDateAssumed { invoice, due, regime: Regime::Public } => format!(
            "Facture {invoice} : pas d'échéance indiquée ; paiement supposé dû le {}, 30 jours après la date de la facture (C. commande publique R2192-10). Le délai est de 50 jours pour un établissement public de santé et de 60 jours pour une entreprise publique, et court de la réception de la demande de paiement : si l'échéance est autre, indiquez-la.",
            date(*due)
        ),
        Notice::DueDateAssumed { invoice, due, regime: Regime::B2c } => format!(
            "Facture {invoice} : pas d'échéance indiquée ; paiement supposé dû le {}, 30 jours après la date de la facture (hypothèse de calcul) : indiquez la date de paiement convenue.",
            date(*due)
        ),
        Notice::UnverifiedRate { period, percent: p, source } => format!(
            "Taux non vérifié : {} ({}) n'a pas été confirmé dans une source officielle. Source indiquée : {source}. Vérifiez-le avant de l'utiliser.",
            percent(*p), period_label(*period)
        ),
        Notice::ProvisionalRate { period, percent: p } => format!(
            "Taux provisoire pour le {} : le taux n'est pas encore connu ; le dernier taux connu ({}) a été utilisé.",
            semester_label(*period), percent(*p)
        ),
        Notice::UserRate { ecb, legal } => {
            let rows = ecb.iter().map(|(from, p, source)| {
                format!("taux BCE de {} à compter du {} (source : {source})", percent(*p), date(*from))
            });
            let rows = rows.chain(legal.iter().map(|(semester, p, a, source)| {
                format!(
                    "taux de l'intérêt légal {} : {} pour les particuliers, {} dans les autres cas (source : {source})",
                    semester_label(*semester), percent(*p), percent(*a)
                )
            }));
            format!(
                "Taux saisis par vous, utilisés dans ce calcul : {}. Vérifiez-les avant d'envoyer un courrier.",
                rows.collect::<Vec<_>>().join(" ; ")
            )
        }
        Notice::RateUnavailable { invoice, from, to } => format!(
            "Facture {invoice} : aucun taux connu du {} au {} ; aucun intérêt n'est calculé pour ces jours.",
            date(*from), date(*to)
        ),
        Notice::Prescription { invoice, term, status } => {
            let since = prescription_start(term.start);
            let years = term.years;
            let last = date(term.last_day);
            let period = match term.regime {
                // Loi n° 68-1250 art. 1.
                Regime::Public => format!("la prescription quadriennale, comptée {since} à partir du 1er janvier suivant,"),
                Regime::B2b | Regime::B2c => format!("le délai de prescription de {years} ans, compté {since},"),
            };
            match (status, term.regime) {
                // Loi n° 68-1250: a written demand for payment to the public buyer interrupts it
                // too, and the new period runs from 1 January after.
                (Status::Prescribed, Regime::Public) => format!(
                    "Facture {invoice} : {period} a expiré le {last} ; la créance est peut-être prescrite, sauf interruption absente du dossier (demande de paiement écrite adressée à l'acheteur, action en justice, paiement)."
                ),
                (Status::Soon | Status::Running, Regime::Public) => format!(
                    "Facture {invoice} : {period} expire le {last} ; une demande de paiement écrite adressée à l'acheteur public, une action en justice ou un paiement l'interrompent (loi n° 68-1250), un nouveau délai courant alors du 1er janvier suivant ; envoyez-la avant cette date."
                ),
                (Status::Prescribed, _) => format!(
                    "Facture {invoice} : {period} a expiré le {last} ; la créance est peut-être prescrite, sauf interruption absente du dossier (action en justice, reconnaissance de dette, paiement) ou suspension."
                ),
                (Status::Soon | Status::Running, _) => format!(
                    "Facture {invoice} : {period} expire le {last} ; une lettre, même recommandée, ne l'interrompt pas : seuls une action en justice, une mesure d'exécution, un paiement ou une reconnaissance de dette écrite l'interrompent."
                ),
            }
        }
        Notice::PublicAccessoriesDue { invoice, paid, deadline } => format!(
            "Facture {invoice} : principal payé le {} ; les intérêts moratoires et l'indemnité forfaitaire sont dus dans les 45 jours, au plus tard le {} (C. commande publique R2192-36), puis portent eux-mêmes intérêts au taux légal, non calculés ici.",
            date(*paid), date(*deadline)
        ),
        #[cfg(feature = "judgment")]
        Notice::PaymentsBeforeJudgment { date: d, amount: a } => format!(
            "Paiements datés du jour du jugement ({}) ou antérieurs ({} en tout) : le jugement est réputé en avoir tenu compte ; ils ne sont pas déduits de nouveau.",
            date(*d), amount(*a)
        ),
        #[cfg(feature = "judgment")]
        Notice::JudgmentEnforcement { last_day, status: Status::Prescribed } => format!(
            "Le délai de 10 ans pour exécuter le jugement semble écoulé depuis le {} (C. proc. civ. exéc. L111-4 ; compté de sa signification, à défaut de sa date), sauf interruption ou s'il est devenu exécutoire plus tard.",
            date(*last_day)
        ),
        #[cfg(feature = "judgment")]
        Notice::JudgmentEnforcement { last_day, .. } => format!(
            "Le jugement peut être exécuté jusqu'au {} au moins (10 ans à compter du jour où il est exécutoire, C. proc. civ. exéc. L111-4 ; comptés ici de sa signification, à défaut de sa date) : confiez-le à un commissaire de justice avant cette date.",
            date(*last_day)
        ),
        #[cfg(feature = "judgment")]
        Notice::JudgmentOldInterest { from } => format!(
            "Les intérêts échus avant le {} ont plus de 5 ans : ils sont prescrits (C. civ. 2224), sauf interruption ; le décompte les compte encore, retirez-les de la demande s'ils n'ont pas été réclamés.",
            date(*from)
        ),
        #[cfg(feature = "judgment")]
        Notice::JudgmentAfterAsOf { date: d } => format!(
            "Le jugement est daté du {}, après la date de calcul : il n'est pas pris en compte ; le décompte est celui des factures.",
            date(*d)
        ),
        #[cfg(feature = "judgment")]
        Notice::JudgmentRateUnavailable { from, to } => format!(
            "Jugement : aucun taux de l'intérêt légal connu du {} au {} ; aucun intérêt n'est calculé pour ces jours.",
            date(*from), date(*to)
        ),
        #[cfg(feature = "judgment")]
        Notice::CapitalisationConsumer => "Capitalisation des intérêts contre un particulier : elle n'est due que si le contrat ou une décision de justice la prévoit (C. civ. 1343-2), et elle est exclue en crédit à la consommation.".to_owned(),
        #[cfg(feature = "judgment")]
        Notice::IncreaseSoon { from } => format!(
            "Le taux de l'intérêt légal sera majoré de 5 points à compter du {} (C. mon. fin. L313-3), deux mois après la signification du jugement.",
            date(*from)
        ),
        Notice::UnallocatedPayment { amount: a } => format!(
            "Les paiements dépassent de {} la somme due en principal et intérêts ; ce montant n'est imputé sur aucune facture.",
            amount(*a)
        ),
        Notice::UnallocatedCredit { amount: a } => format!(
            "Les avoirs dépassent de {} le montant des factures auxquelles ils s'appliquent ; ce montant n'est imputé sur aucune facture.",
            amount(*a)
        ),
        Notice::PaymentAfterAsOf { date: d, amount: a } => format!(
            "Le paiement de {} du {} est postérieur à la date de calcul et n'a pas été pris en compte.",
            amount(*a), date(*d)
        ),
        Notice::NoFormalNotice => "Débiteur consommateur : les intérêts au taux de l'intérêt légal ne courent qu'à compter de la mise en demeure (C. civ. 1231-6). Indiquez sa date pour les calculer.".to_owned(),
        Notice::FormalNoticeAfterAsOf { date: d } => format!(
            "Débiteur consommateur : la mise en demeure est datée du {}, après la date du calcul ; les intérêts au taux de l'intérêt légal n'ont pas encore commencé à courir (C. civ. 1231-6).",
            date(*d)
        ),
        Notice::FormalNoticeBeforeDue { invoice, notice, due } => format!(
            "Facture {invoice} : la mise en demeure du {} précède l'échéance du {} ; une somme ne peut être exigée avant son échéance (C. civ. 1305-2), elle ne fait donc pas courir les intérêts. Envoyez une nouvelle mise en demeure après l'échéance et indiquez sa date.",
            date(*notice), date(*due)
        ),
        Notice::NotYetDue { invoice, due } => format!(
            "Facture {invoice} : échéance le {}, pas encore dépassée à la date du calcul ; ni pénalités ni indemnité ne sont encore dues.",
            date(*due)
        ),
        Notice::ExtraCostsFromConsumer => "Débiteur consommateur : sans titre exécutoire, les frais de recouvrement restent à la charge du créancier (C. pr. exéc. L111-8) ; les frais complémentaires indiqués sont ajoutés au total, mais ils ne pourront pas être réclamés à l'amiable.".to_owned(),
        Notice::ContractualRateIgnoredForConsumer => "Débiteur consommateur : le taux contractuel n'est pas appliqué ; le calcul utilise le taux de l'intérêt légal (C. civ. 1231-6).".to_owned(),
        Notice::IndemnityBefore2013 { invoice } => format!(
            "Facture {invoice} : l'indemnité forfaitaire de 40 € (C. com. D441-5) ne s'applique qu'aux factures à partir de 2013."
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => std::iter::once(upper(c)).chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower case for ASCII and the Latin letters French uses (À–Þ, Œ, Ÿ); other characters stay.
/// `char::to_lowercase` would bring the whole Unicode case table into the wasm (several KB).
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// Upper case, the inverse of [`lower`] on the same letters.
pub fn upper(c: char) -> char {
    match c {
        'a'..='z' | 'à'..='ö' | 'ø'..='þ' => char::from_u32(u32::from(c) - 0x20).unwrap_or(c),
        'œ' => 'Œ',
        'ÿ' => 'Ÿ',
        _ => c,
    }
}

/// [`lower`] on a whole text.
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `22 novembre 2026`, `1er décembre 2026`.
pub fn long_date(date: NaiveDate) -> String {
    let month = MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    let day = match date.day() {
        1 => "1er".to_owned(),
        d => d.to_string(),
    };
    format!("{day} {month} {}", date.year())
}

/// "de Boulangeries Martin", "d'Atelier Numérique": the preposition elided before a vowel
/// or a mute h.
pub fn de(name: &str) -> String {
    let first = name.chars().next().map(lower);
    let vowel = first.is_some_and(|c| "aeiouyhàâäéèêëîïôöùûüœæ".contains(c));
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// `1 694`: an integer with French thousands groups.
pub fn integer(value: i64) -> String {
    let grouped = thousands(&value.unsigned_abs().to_string());
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// "A", "A et B", "A, B et C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = input_error(&self.kind);
        if self.path.is_empty() {
            f.write_str(&message)
        } else {
            write!(f, "{}: {message}", self.path)
        }
    }
}

impl Notice {
    /// The message shown to the user, in French.
    pub fn message(&self) -> String {
        notice(self)
    }
}

/// Whether `word` is an article number with a hyphen between digits (`1231-6`, `L441-10`,
/// `R2192-31`), brackets and trailing punctuation aside: the page keeps it on one line.
pub fn is_article_reference(word: &str) -> bool {
    let word = word.trim_end_matches([')', ',', ';', '.', ':']);
    let word = word.trim_start_matches('(');
    let word = word.strip_prefix(['L', 'R', 'D', 'A']).unwrap_or(word);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    word.contains('-') && word.split('-').all(digits)
}

#[cfg(test)]
mod tests {
    #[test]
    fn french_case_without_the_unicode_tables() {
        assert_eq!(
            lowercase("ÉCHÉANCE Œuvre ÀÇÏÔÙŸ Zß€"),
            "échéance œuvre àçïôùÿ zß€"
        );
        for c in ['a', 'z', 'é', 'à', 'ç', 'ô', 'ù', 'œ', 'ÿ', 'ø', 'þ'] {
            assert_eq!(lower(upper(c)), c);
            assert_eq!(upper(c).to_string(), c.to_uppercase().to_string());
        }
        assert_eq!(lower('×'), '×');
        assert_eq!(upper('÷'), '÷');
    }

    use super::*;

    #[test]
    fn article_numbers_with_a_hyphen_are_references() {
        for word in [
            "1231-6",
            "1231-6)",
            "L441-10",
            "(L441-10,",
            "R2192-31",
            "D441-5.",
            "L313-3;",
        ] {
            assert!(is_article_reference(word), "{word}");
        }
        for word in [
            "",
            "-",
            "1231-",
            "-6",
            "sous-traitant",
            "2026",
            "Mise",
            "15-03-2026x",
            "a-1",
            "LL441-10",
        ] {
            assert!(!is_article_reference(word), "{word}");
        }
    }
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn french_amounts() {
        assert_eq!(amount(d("38132.53")), "38 132,53 €");
        assert_eq!(amount(d("12345.675")), "12 345,68 €");
        assert_eq!(amount(d("0")), "0,00 €");
        assert_eq!(amount(d("999")), "999,00 €");
        assert_eq!(amount(d("1000000")), "1 000 000,00 €");
        assert_eq!(amount(d("-40")), "-40,00 €");
    }

    /// Thousands are grouped by three from the right, never before the first digit.
    #[test]
    fn thousands_groups() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1 000");
        assert_eq!(count(100_000), "100 000");
        assert_eq!(count(1_234_567), "1 234 567");
        assert_eq!(amount(d("123456.78")), "123 456,78 €");
        assert_eq!(amount(d("-100000")), "-100 000,00 €");
    }

    /// The legal rate is yearly until 2014 and per semester and category from 2015 (legal
    /// reference §2), and its basis says which.
    #[test]
    fn legal_rate_basis_names_its_year_or_semester() {
        let quote = |category, period_from| RateQuote {
            percent: d("0.04"),
            basis: Basis::Legal {
                category,
                period_from,
            },
            status: crate::rates::Status::Src,
            source: "",
            provisional: false,
        };
        let ymd = crate::calendar::ymd;
        assert_eq!(
            rate_basis(&quote(LegalCategory::All, ymd(2014, 1, 1))),
            "taux de l'intérêt légal 2014 (C. civ. 1231-6)"
        );
        assert_eq!(
            rate_basis(&quote(LegalCategory::AutresCas, ymd(2015, 1, 1))),
            "taux de l'intérêt légal 1er semestre 2015, autres cas (C. civ. 1231-6)"
        );
        assert_eq!(
            rate_basis(&quote(LegalCategory::Particuliers, ymd(2016, 7, 1))),
            "taux de l'intérêt légal 2e semestre 2016, créanciers particuliers (C. civ. 1231-6)"
        );
    }

    /// A contractual rate below the C. com. L441-10 floor: what replaced it and from which
    /// published rate, the legal rate named by its year before 2015.
    #[test]
    fn replaced_contractual_rate_bases_say_what_applied() {
        let quote = |basis| RateQuote {
            percent: d("2.13"),
            basis,
            status: crate::rates::Status::Src,
            source: "",
            provisional: false,
        };
        let ymd = crate::calendar::ymd;
        assert_eq!(
            rate_basis(&quote(Basis::ContractualFloor {
                contractual: d("2"),
                legal: d("0.71"),
                period_from: ymd(2012, 1, 1),
            })),
            "taux contractuel de 2,00 % porté au plancher de trois fois le taux de l'intérêt légal 2012, 3 × 0,71 % (C. com. L441-10)"
        );
        assert_eq!(
            rate_basis(&quote(Basis::ContractualDefault {
                contractual: d("9.5"),
                floor: d("12.66"),
                ecb: d("4"),
                reference: ymd(2023, 7, 1),
            })),
            "taux contractuel de 9,50 % inférieur au plancher légal de 12,66 % : taux BCE 4,00 % au 01/07/2023 + 10 points (C. com. L441-10)"
        );
    }

    #[test]
    fn french_rates_and_dates() {
        assert_eq!(percent(d("12.4")), "12,40 %");
        assert_eq!(percent(d("10")), "10,00 %");
        assert_eq!(percent(d("2.125")), "2,125 %");
        assert_eq!(percent_number(d("12.40")), "12.40");
        assert_eq!(percent_number(d("0.9300")), "0.93");
        assert_eq!(percent_number(d("3.1416")), "3.1416");
        assert_eq!(percent_number(d("0")), "0.00");
        assert_eq!(date(crate::calendar::ymd(2022, 4, 3)), "03/04/2022");
    }

    #[test]
    fn long_dates_elision_integers_and_lists() {
        use crate::calendar::ymd;
        assert_eq!(long_date(ymd(2026, 11, 22)), "22 novembre 2026");
        assert_eq!(long_date(ymd(2026, 12, 1)), "1er décembre 2026");
        assert_eq!(long_date(ymd(2027, 2, 28)), "28 février 2027");
        assert_eq!(long_date(ymd(2027, 8, 15)), "15 août 2027");
        assert_eq!(join_and(&["a".into(), "b".into(), "c".into()]), "a, b et c");
        assert_eq!(join_and(&["a".into()]), "a");
        assert_eq!(join_and(&[]), "");
        assert_eq!(de("Atelier"), "d'Atelier");
        assert_eq!(de("Hôtel X"), "d'Hôtel X");
        assert_eq!(de("Élise"), "d'Élise");
        assert_eq!(de("Boulangeries"), "de Boulangeries");
        assert_eq!(de(""), "de ");
        assert_eq!(integer(1694), "1 694");
        assert_eq!(integer(184), "184");
        assert_eq!(integer(0), "0");
        assert_eq!(integer(-1234567), "-1 234 567");
    }

    #[test]
    fn whole_euros_percents_and_durations() {
        assert_eq!(whole_euros(d("12000.49")), "12 000 €");
        assert_eq!(whole_euros(d("2.5")), "3 €");
        assert_eq!(whole_euros(d("-1499.5")), "-1 500 €");
        assert_eq!(decimal(d("6.110")), "6,11");
        assert_eq!(percent_short(d("65.00"), 1), "65 %");
        assert_eq!(percent_short(d("112.95"), 1), "113 %");
        assert_eq!(percent_short(d("112.94"), 1), "112,9 %");
        assert_eq!(percent_fixed(d("65"), 1), "65,0 %");
        assert_eq!(percent_fixed(d("71.05"), 1), "71,1 %");
        assert_eq!(days(d("44.5")), "45 j");
        assert_eq!(duration(None), "—");
        assert_eq!(duration(Some(d("45"))), "45 j");
        // Months are shown from two months (60 days) on, not after.
        assert_eq!(duration(Some(d("59"))), "59 j");
        assert_eq!(duration(Some(d("60"))), "60 j (≈ 2 mois)");
        assert_eq!(duration(Some(d("165"))), "165 j (≈ 5,4 mois)");
    }
}
