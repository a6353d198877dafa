//! The assumptions of the strategy model: every figure a path's value depends on, each with its
//! unit, its default, where that default comes from and how sure it is. Nothing here is hidden:
//! the app shows this table and lets the user change any value.
//!
//! Defaults come from `shared/reference/legal-reference.md` §4 when a figure is sourced; where
//! nothing better is sourced, from the figures quoted on French forums (labelled
//! [`Basis::Forum`]); what no source gives is an [`Basis::Assumption`] the user should set, or
//! [`Basis::Unknown`] when a fee exists but its amount is not published.

use rust_decimal::Decimal;

use super::path::{PathKind, Setting, StepKind, AFTER_JUDGMENT};
use crate::fr;
use crate::law::Regime;

/// What a parameter measures; decides how it is read, bounded and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Euros, VAT included.
    Euro,
    /// A percentage between 0 and 100.
    Percent,
    /// Percent per year.
    PercentPerYear,
    Hours,
    Days,
    EuroPerHour,
    /// A whole number (instalments, months).
    Count,
}

impl Unit {
    /// What follows a parameter's label: ` (€)`, ` (% par an)`; nothing for a count.
    pub fn label_suffix(self) -> &'static str {
        match self {
            Unit::Euro => " (€)",
            Unit::Percent => " (%)",
            Unit::PercentPerYear => " (% par an)",
            Unit::Hours => " (heures)",
            Unit::Days => " (jours)",
            Unit::EuroPerHour => " (€ de l'heure)",
            Unit::Count => "",
        }
    }

    /// A value with its unit, in French: `800,00 €`, `50,00 €/h`, `10 % par an`, `15 j`.
    pub fn show(self, v: Decimal) -> String {
        match self {
            Unit::Euro => fr::amount(v),
            Unit::EuroPerHour => format!("{}/h", fr::amount(v)),
            Unit::Percent => format!("{} %", fr::decimal(v)),
            Unit::PercentPerYear => format!("{} % par an", fr::decimal(v)),
            Unit::Hours => format!("{} h", fr::decimal(v)),
            Unit::Days => format!("{} j", fr::decimal(v)),
            Unit::Count => fr::decimal(v),
        }
    }
}

/// How much a default can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Basis {
    /// Read in an official text or a regulated tariff.
    Official,
    /// Quoted by a secondary source (press, professional site).
    ThirdParty,
    /// A source exists but the current value could not be confirmed: shown as "non vérifié".
    Unverified,
    /// A figure people quote on forums, used where nothing better is sourced.
    Forum,
    /// No source: a starting point for the user to change.
    Assumption,
    /// The fee exists but its amount is not published: counted as 0 and flagged.
    Unknown,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::Official => "official",
            Basis::ThirdParty => "third-party",
            Basis::Unverified => "unverified",
            Basis::Forum => "forum",
            Basis::Assumption => "assumption",
            Basis::Unknown => "unknown",
        }
    }

    /// How weak a source is, from 0 (an official text) up.
    fn weakness(self) -> u8 {
        match self {
            Basis::Official => 0,
            Basis::ThirdParty => 1,
            Basis::Unverified => 2,
            Basis::Forum => 3,
            Basis::Assumption => 4,
            Basis::Unknown => 5,
        }
    }

    /// What figures with this basis are, in the plural, for « reposent sur des … »; `None`
    /// for an official text.
    pub fn rests_on(self) -> Option<&'static str> {
        match self {
            Basis::Official => None,
            Basis::ThirdParty => Some("sources secondaires"),
            Basis::Unverified => Some("chiffres non vérifiés"),
            Basis::Forum => Some("chiffres de forum"),
            Basis::Assumption | Basis::Unknown => Some("hypothèses sans source"),
        }
    }

    /// Short French badge.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Official => "texte officiel",
            Basis::ThirdParty => "source secondaire",
            Basis::Unverified => "non vérifié",
            Basis::Forum => "chiffre forum",
            Basis::Assumption => "hypothèse",
            Basis::Unknown => "inconnu",
        }
    }
}

/// One step's figures, in the order the assumptions table shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Out-of-pocket fees paid when the step starts (fees computed from a tariff come on top).
    Cost,
    /// The creditor's own time.
    Hours,
    /// From the start of the step until the outcome is known.
    Days,
    /// Probability that the debtor pays at this step, when it is reached (solvent debtor).
    Success,
    /// Share of the claim obtained when the debtor pays at this step (100 − any discount).
    Share,
    /// Commission on the amount recovered (recovery agency).
    Fee,
    /// Share of this step's fees the debtor is ordered to bear (dépens, CPC 696).
    Recoverable,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Cost,
        Field::Hours,
        Field::Days,
        Field::Success,
        Field::Share,
        Field::Fee,
        Field::Recoverable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Cost => "cost",
            Field::Hours => "hours",
            Field::Days => "days",
            Field::Success => "success",
            Field::Share => "share",
            Field::Fee => "fee",
            Field::Recoverable => "recoverable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Cost => "Frais",
            Field::Hours => "Votre temps",
            Field::Days => "Durée",
            Field::Success => "Chance d'être payé",
            Field::Share => "Part obtenue",
            Field::Fee => "Commission",
            Field::Recoverable => "Frais mis à la charge du débiteur",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Field::Cost => Unit::Euro,
            Field::Hours => Unit::Hours,
            Field::Days => Unit::Days,
            Field::Success | Field::Share | Field::Fee | Field::Recoverable => Unit::Percent,
        }
    }
}

/// Parameters that are not tied to one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Global {
    HourlyRate,
    Insolvency,
    InsolvencyRecovery,
    CostOfMoney,
    AmicableExtras,
    AmicableDecay,
    LawyerLawsuit,
    LawyerProvisional,
    LawyerArticle700,
    Opposition,
    VatPaid,
    PlanInstalments,
    PlanInterval,
    PlanDefault,
    /// A public buyer: the lawyer before the tribunal administratif.
    LawyerAdministrative,
    /// A public buyer: whether the prefect can mandate its debt (a local authority), 0 or 100.
    PrefectOpen,
}

impl Global {
    pub const ALL: [Global; 16] = [
        Global::HourlyRate,
        Global::Insolvency,
        Global::InsolvencyRecovery,
        Global::CostOfMoney,
        Global::AmicableExtras,
        Global::AmicableDecay,
        Global::LawyerLawsuit,
        Global::LawyerProvisional,
        Global::LawyerArticle700,
        Global::Opposition,
        Global::VatPaid,
        Global::PlanInstalments,
        Global::PlanInterval,
        Global::PlanDefault,
        Global::LawyerAdministrative,
        Global::PrefectOpen,
    ];

    /// Whether the figure concerns `setting`: the injonction de payer's opposition, the civil
    /// and commercial courts' lawyers and the payment plan are not a public buyer's, the
    /// administrative court's lawyer is only theirs; after a decision, neither lawyers nor the
    /// discount amicable steps get on interest (the decision awards it).
    pub fn applies(self, setting: impl Into<Setting>) -> bool {
        let Setting { regime, judged } = setting.into();
        let public = regime == Regime::Public;
        if judged
            && matches!(
                self,
                Global::LawyerLawsuit
                    | Global::LawyerProvisional
                    | Global::LawyerArticle700
                    | Global::Opposition
                    | Global::AmicableExtras
                    | Global::AmicableDecay
            )
        {
            return false;
        }
        match self {
            Global::LawyerAdministrative | Global::PrefectOpen => public,
            Global::LawyerLawsuit
            | Global::LawyerProvisional
            | Global::Opposition
            | Global::PlanInstalments
            | Global::PlanInterval
            | Global::PlanDefault => !public,
            _ => true,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Global::HourlyRate => "global.hourly_rate",
            Global::Insolvency => "global.insolvency",
            Global::InsolvencyRecovery => "global.insolvency_recovery",
            Global::CostOfMoney => "global.cost_of_money",
            Global::AmicableExtras => "global.amicable_extras",
            Global::AmicableDecay => "global.amicable_decay",
            Global::LawyerLawsuit => "lawyer.lawsuit",
            Global::LawyerProvisional => "lawyer.provisional_order",
            Global::LawyerArticle700 => "lawyer.article_700",
            Global::Opposition => "global.opposition",
            Global::VatPaid => "global.vat_paid",
            Global::PlanInstalments => "plan.instalments",
            Global::PlanInterval => "plan.interval_months",
            Global::PlanDefault => "plan.default",
            Global::LawyerAdministrative => "lawyer.administrative",
            Global::PrefectOpen => "public.prefect",
        }
    }
}

/// Where a parameter belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Global(Global),
    Step(StepKind, Field),
}

/// One editable figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// Stable id, `global.hourly_rate` or `<step>.<field>` (`fond.cost`).
    pub id: String,
    pub slot: Slot,
    pub label: &'static str,
    pub unit: Unit,
    pub default: Decimal,
    pub basis: Basis,
    /// Where the default comes from, in French.
    pub source: &'static str,
}

/// `units × 10^-scale`, for small positive constants.
const fn d(units: u32, scale: u32) -> Decimal {
    Decimal::from_parts(units, 0, 0, false, scale)
}

const FORUM_AMICABLE: &str =
    "Chiffre cité sur les forums : une relance amiable aboutit environ 4 fois sur 10.";
const FORUM_CONTENTIOUS: &str = "Chiffre cité sur les forums : une procédure contentieuse \
     recouvre environ 65 % en moyenne ; aucune statistique officielle par procédure.";
const NO_SOURCE: &str = "Aucune source chiffrée : ajustez selon votre dossier.";

type Default3 = (Decimal, Basis, &'static str);

/// The default of `field` for `step` in `setting`.
fn step_default(step: StepKind, field: Field, setting: Setting) -> Default3 {
    use Basis::*;
    use Field::*;
    use StepKind::*;
    let Setting { regime, judged } = setting;
    let judged = AFTER_JUDGMENT && judged;
    let b2b = regime == Regime::B2b;
    let b2c = regime == Regime::B2c;
    match (step, field) {
        // Shares: the whole claim unless a discount is negotiated.
        (Mediation | ConventionalMediation, Share) => (
            d(100, 0),
            Assumption,
            "Un accord de médiation peut prévoir une remise, mais aucune source ne chiffre la \
             part obtenue : 100 % faute de mieux ; saisissez la remise que vous accepteriez.",
        ),
        (_, Share) => (
            d(100, 0),
            Assumption,
            "Le débiteur paie tout ce qui est dû.",
        ),
        (Agency, Fee) => (
            d(15, 0),
            ThirdParty,
            "12 à 15 % des sommes recouvrées pour de petits volumes (journaldunet.com, Coface \
             Services) ; 10 à 30 % selon d'autres sources.",
        ),
        (_, Fee) => (Decimal::ZERO, Assumption, "Pas de commission."),

        (Reminder, Cost) => (Decimal::ZERO, Assumption, "Courriel ou lettre simple."),
        (Reminder, Hours) => (d(5, 1), Assumption, NO_SOURCE),
        (Reminder, Days) => (d(15, 0), Assumption, NO_SOURCE),
        (Reminder, Success) => (d(40, 0), Forum, FORUM_AMICABLE),

        (FormalNotice | ExecutionDemand, Cost) => (
            d(611, 2),
            Unverified,
            "Lettre recommandée 20 g, tarif 2026 : 6,11 € (AFP / La Poste) ; le supplément \
             avis de réception 2026 n'a pas été trouvé : ajoutez-le.",
        ),
        (FormalNotice | ExecutionDemand, Hours) => (d(1, 0), Assumption, NO_SOURCE),
        (FormalNotice | ExecutionDemand, Days) => (
            d(15, 0),
            Assumption,
            "Délai de paiement de la lettre (8 jours en général) et acheminement.",
        ),
        (FormalNotice, Success) => (
            d(40, 0),
            Forum,
            "Chiffre forum de la relance amiable, faute de statistique sur la mise en demeure.",
        ),

        (Mediation, Cost) if !b2c => (
            Decimal::ZERO,
            ThirdParty,
            "Médiateur des entreprises : gratuit et confidentiel (efl.fr).",
        ),
        (Mediation, Cost) => (
            Decimal::ZERO,
            ThirdParty,
            "Conciliateur de justice : gratuit, auxiliaire de justice bénévole (décret \
             n° 78-381) ; jusqu'à 5 000 €, cette tentative vaut aussi celle exigée par CPC 750-1.",
        ),
        (Mediation, Hours) => (d(3, 0), Assumption, NO_SOURCE),
        (Mediation, Days) => (
            d(60, 0),
            ThirdParty,
            "Médiateur des entreprises : de quelques jours à 2 ou 3 mois (efl.fr).",
        ),
        (Mediation, Success) if regime == Regime::Public => (
            d(70, 0),
            Official,
            "Médiateur des entreprises : « taux d'efficacité » de 70 % en 2024, toutes affaires \
             confondues (bilan d'activité 2024, economie.gouv.fr) ; aucun chiffre propre aux \
             acheteurs publics ; un accord ne veut pas toujours dire paiement intégral.",
        ),
        (Mediation, Success) if b2b => (
            d(70, 0),
            ThirdParty,
            "Médiateur des entreprises : accord dans sept cas sur dix en 2023 (75 % selon un \
             chiffre plus ancien, efl.fr) ; un accord ne veut pas toujours dire paiement intégral.",
        ),
        (Mediation, Success) => (
            d(50, 0),
            ThirdParty,
            "Conciliateurs de justice : « taux de réussite autour de 50 % » des affaires \
             terminées (conciliateurs.fr, 2024).",
        ),

        (ConventionalMediation, Cost) => (
            d(1100, 0),
            ThirdParty,
            "Médiation conventionnelle : environ 1 100 € minimum pour 6 heures \
             (nantesmediation.fr) ; 200 € HT d'ouverture puis 250 € HT de l'heure par partie \
             ailleurs.",
        ),
        (ConventionalMediation, Hours) => (d(6, 0), Assumption, NO_SOURCE),
        (ConventionalMediation, Days) => (d(60, 0), Assumption, NO_SOURCE),
        (ConventionalMediation, Success) => (
            d(70, 0),
            Unverified,
            "Taux d'accord du Médiateur des entreprises (sept sur dix en 2023), repris faute de \
             chiffre pour la médiation conventionnelle.",
        ),

        (Negotiation, Cost) => (Decimal::ZERO, Assumption, "Négociation directe."),
        (Negotiation, Hours) => (d(2, 0), Assumption, NO_SOURCE),
        (Negotiation, Days) => (
            d(90, 0),
            Forum,
            "Un échéancier sur 2 à 3 mois débloque beaucoup de dossiers (forums).",
        ),
        (Negotiation, Success) => (
            d(40, 0),
            Forum,
            "Chiffre forum de la relance amiable, faute de statistique sur les échéanciers.",
        ),

        (Agency, Cost) => (
            Decimal::ZERO,
            ThirdParty,
            "Rémunération au résultat seulement ; certains cabinets facturent un abonnement \
             (700 à 10 000 € par an).",
        ),
        (Agency, Hours) => (d(1, 0), Assumption, NO_SOURCE),
        (Agency, Days) => (d(90, 0), Assumption, NO_SOURCE),
        (Agency, Success) => (
            d(40, 0),
            Forum,
            "Chiffre forum de la relance amiable, faute de statistique par cabinet.",
        ),

        (PaymentOrder, Cost) if b2b => (
            d(3840, 2),
            Unverified,
            "Greffe du tribunal de commerce : environ 30 à 38,40 € TTC selon les sources \
             (Infogreffe, service-public, heropay) ; tarif 2026 non relu, valeur haute retenue. \
             La signification par commissaire de justice est ajoutée d'après son tarif.",
        ),
        (PaymentOrder, Cost) => (
            Decimal::ZERO,
            ThirdParty,
            "Requête gratuite au tribunal judiciaire. La signification par commissaire de \
             justice est ajoutée d'après son tarif.",
        ),
        (PaymentOrder, Hours) => (d(4, 0), Assumption, NO_SOURCE),
        (PaymentOrder, Days) => (
            d(90, 0),
            Assumption,
            "Ordonnance en une à deux semaines (Paris), signification, puis un mois \
             d'opposition (CPC 1416) ; pour les ordonnances rendues depuis le 1er septembre \
             2026, exécution possible 2 mois après la signification sans opposition notifiée.",
        ),
        (PaymentOrder, Success) => (d(65, 0), Forum, FORUM_CONTENTIOUS),
        (PaymentOrder, Recoverable) => (
            d(100, 0),
            Official,
            "Frais de greffe et de signification : des dépens, en principe à la charge du \
             perdant, sauf décision contraire du juge (CPC 696).",
        ),

        (SmallClaims, Cost) => (
            Decimal::ZERO,
            Unknown,
            "Frais du commissaire de justice non trouvés : demandez son tarif et saisissez-le.",
        ),
        (SmallClaims, Hours) => (d(2, 0), Assumption, NO_SOURCE),
        (SmallClaims, Days) => (
            d(45, 0),
            Assumption,
            "Le débiteur a un mois pour accepter d'y participer (CPCE L125-1).",
        ),
        (SmallClaims, Success) => (d(65, 0), Forum, FORUM_CONTENTIOUS),
        (SmallClaims, Recoverable) => (
            Decimal::ZERO,
            Official,
            "Tous les frais restent à la charge du créancier (CPCE L125-1).",
        ),

        (Uncontested, Cost) => (
            Decimal::ZERO,
            Unknown,
            "Tarif de la procédure de la loi du 23 avril 2026 pas encore publié : saisissez le \
             devis du commissaire de justice.",
        ),
        (Uncontested, Hours) => (d(2, 0), Assumption, NO_SOURCE),
        (Uncontested, Days) => (
            d(45, 0),
            ThirdParty,
            "Un mois pour payer ou contester après le commandement, puis procès-verbal de \
             non-contestation au plus tôt 8 jours après l'expiration de ce mois (CPCE L126-2, \
             L126-3).",
        ),
        (Uncontested, Success) => (d(65, 0), Forum, FORUM_CONTENTIOUS),
        (Uncontested, Recoverable) => (
            Decimal::ZERO,
            Unknown,
            "Inconnu tant que le décret fixant le tarif de cette procédure n'est pas publié.",
        ),

        (ProvisionalOrder, Cost) => (
            Decimal::ZERO,
            Unknown,
            "Frais de greffe du référé non publiés par une source officielle (41,93 € selon \
             un agrégateur, non vérifié) ; l'avocat, obligatoire au-delà de 10 000 €, est compté \
             à part (lawyer.provisional_order) ; l'assignation et la signification sont ajoutées \
             d'après le tarif des commissaires de justice.",
        ),
        (ProvisionalOrder, Hours) => (d(6, 0), Assumption, NO_SOURCE),
        (ProvisionalOrder, Days) => (
            d(45, 0),
            ThirdParty,
            "Ordonnance « généralement dans un délai d'un mois » (deshoulieres-avocats.com), \
             puis signification.",
        ),
        (ProvisionalOrder, Success) => (d(65, 0), Forum, FORUM_CONTENTIOUS),
        (ProvisionalOrder, Recoverable) => (
            d(100, 0),
            Official,
            "Frais de greffe du référé : des dépens, en principe à la charge du perdant, sauf \
             décision contraire du juge (CPC 696), comme pour l'injonction de payer. Les \
             honoraires d'avocat suivent lawyer.article_700.",
        ),

        (Lawsuit, Cost) => (
            d(800, 0),
            Forum,
            "Chiffre cité sur les forums : une procédure contentieuse coûte environ 800 €. \
             Au-delà de 10 000 €, l'avocat obligatoire est compté à part (lawyer.lawsuit).",
        ),
        (Lawsuit, Hours) => (
            d(10, 0),
            Assumption,
            "10 heures de votre temps (hypothèse par défaut).",
        ),
        (Lawsuit, Days) if b2b => (
            d(300, 0),
            ThirdParty,
            "Tribunal de commerce : 10 mois en moyenne en 2021 (ministère de la Justice, rapport \
             annuel de performances 2022, programme 166).",
        ),
        (Lawsuit, Days) => (
            d(390, 0),
            ThirdParty,
            "Tribunal judiciaire : 12,9 mois en moyenne en 2022 (ministère de la Justice, \
             rapport annuel de performances).",
        ),
        (Lawsuit, Success) => (d(65, 0), Forum, FORUM_CONTENTIOUS),
        (Lawsuit, Recoverable) => (
            Decimal::ZERO,
            Unverified,
            "Les dépens sont en principe à la charge du perdant (CPC 696), mais le chiffre forum \
             de 800 € est un coût global qui ne les distingue pas des honoraires (que seule \
             l'article 700 compense) : 0 % par prudence ; saisissez la part de dépens si vous la \
             connaissez. L'avocat obligatoire suit lawyer.article_700.",
        ),

        // After a decision (issue 13): enforcement only.
        (ExecutionDemand, Success) if judged => (
            d(40, 0),
            Assumption,
            "Aucune statistique : le chiffre forum de la relance amiable (40 %), à titre \
             d'hypothèse, pour la lettre qui rappelle la décision, ses intérêts et la saisie qui \
             suivra. Elle prévient aussi le débiteur, qui peut vider ses comptes avant la saisie : \
             si vous le craignez, baissez ce chiffre ou celui de la saisie.",
        ),
        (ExecutionDemand, Recoverable) => (
            Decimal::ZERO,
            Official,
            "Une lettre n'est pas un acte d'exécution forcée : ses frais restent à votre charge \
             (CPCE L111-8).",
        ),
        (Enforcement, Cost) if judged => (
            Decimal::ZERO,
            Unverified,
            "Dénonciation de la saisie au débiteur, certificat de non-contestation (21,28 € HT, \
             tarif non daté) et frais annexes : non chiffrés, à ajouter. L'acte de \
             saisie-attribution (43,61 € HT, tarif A444-16 non daté, avec coefficient, \
             déplacement et TVA) est ajouté d'après le tarif ; la signification de la décision \
             (25,79 € HT), si elle n'est pas encore faite, l'est à la première étape (CPC 503) ; \
             le droit proportionnel A444-32 est compté sur les sommes recouvrées.",
        ),
        (Enforcement, Success) if judged => (
            d(65, 0),
            Assumption,
            "Aucune statistique de l'exécution seule : 65 %, le chiffre forum d'une procédure \
             contentieuse menée jusqu'à l'exécution, à titre d'hypothèse ; il dépend surtout des \
             comptes du débiteur que le commissaire de justice trouvera.",
        ),
        (SaleSeizure, Cost) if judged => (
            Decimal::ZERO,
            Unverified,
            "Procès-verbal de saisie, enlèvement et vente des biens : non chiffrés, à ajouter. \
             Le commandement de payer (20,21 € HT, tarif 2021 lu sur rbb-paris.com, avec \
             coefficient, déplacement et TVA) est ajouté d'après le tarif ; le droit \
             proportionnel A444-32 est compté sur les sommes recouvrées.",
        ),
        (SaleSeizure, Hours) => (d(2, 0), Assumption, NO_SOURCE),
        (SaleSeizure, Days) if judged => (
            d(90, 0),
            Assumption,
            "Le commandement de payer (CPCE R221-1), la saisie au plus tôt huit jours après \
             (R221-10), un mois laissé au débiteur pour vendre lui-même (R221-30), puis la vente \
             aux enchères : trois mois, à titre d'hypothèse.",
        ),
        (SaleSeizure, Success) => (
            Decimal::ZERO,
            Assumption,
            "Aucun chiffre trouvé : 0 % tant que vous ne saisissez pas la chance qu'une vente \
             paie ; elle dépend des biens du débiteur.",
        ),
        // Before a decision these steps are on no open path: never shown.
        (ExecutionDemand, Success) | (SaleSeizure, Cost | Days) => {
            (Decimal::ZERO, Assumption, NO_SOURCE)
        }

        (Enforcement, Cost) => (
            Decimal::ZERO,
            Unverified,
            "Dénonciation de la saisie au débiteur et frais annexes : non chiffrés, à ajouter. \
             L'acte de saisie-attribution (43,61 € HT, tarif A444-16 non daté, avec coefficient, \
             déplacement et TVA) est ajouté d'après le tarif ; le droit proportionnel A444-32 \
             est compté sur les sommes recouvrées.",
        ),
        (Enforcement, Hours) => (d(1, 0), Assumption, NO_SOURCE),
        (Enforcement, Days) if judged => (
            d(45, 0),
            Assumption,
            "La saisie, sa dénonciation au débiteur dans les huit jours (CPCE R211-3), puis le \
             mois qu'il a pour la contester avant que la banque paie (R211-11) : 45 jours, à \
             titre d'hypothèse.",
        ),
        (Enforcement, Days) => (d(30, 0), Assumption, NO_SOURCE),
        (Enforcement, Success) => (
            Decimal::ZERO,
            Forum,
            "0 % par défaut : le chiffre forum de 65 % pour une procédure contentieuse couvre déjà \
             la procédure jusqu'à l'exécution. Mettez ici la chance qu'une saisie paie quand le \
             débiteur n'a pas payé après la décision (et baissez alors celle de l'étape \
             judiciaire).",
        ),
        (Enforcement | SaleSeizure, Recoverable) => (
            d(100, 0),
            Official,
            "Les frais de l'exécution forcée sont à la charge du débiteur (CPCE L111-8) ; seul \
             le droit proportionnel (C. com. A444-32) reste à votre charge.",
        ),

        // A public buyer (issue 12): the request the administrative judge requires first, the
        // tribunal administratif, the prefect. Sources: docs/public-buyer-paths.md.
        (PaymentRequest, Cost) => (
            d(611, 2),
            Unverified,
            "Lettre recommandée 20 g, tarif 2026 : 6,11 € (AFP / La Poste) ; le supplément \
             avis de réception 2026 n'a pas été trouvé : ajoutez-le.",
        ),
        (PaymentRequest, Hours) => (d(1, 0), Assumption, NO_SOURCE),
        (PaymentRequest, Days) => (
            d(60, 0),
            Unverified,
            "Deux mois : le silence de l'administration sur une demande à caractère financier \
             vaut rejet (CRPA L231-4) ; cette décision, même implicite, ouvre le tribunal \
             administratif (CJA R421-1).",
        ),
        (PaymentRequest, Success) => (
            d(40, 0),
            Forum,
            "Chiffre forum de la relance amiable, faute de statistique sur la demande de paiement \
             à un acheteur public.",
        ),
        (AdminProvision | AdminLawsuit, Cost) => (
            Decimal::ZERO,
            Official,
            "Aucun droit ni timbre devant le tribunal administratif : la contribution pour l'aide \
             juridique a été supprimée au 1er janvier 2014 (tribunal administratif de La Réunion), \
             celle de 50 € créée en 2026 ne vise que le tribunal judiciaire et le conseil de \
             prud'hommes (timbre.justice.gouv.fr). Les honoraires d'avocat sont comptés à part \
             (lawyer.administrative).",
        ),
        (AdminProvision, Hours) => (d(6, 0), Assumption, NO_SOURCE),
        (AdminProvision, Days) => (
            d(105, 0),
            ThirdParty,
            "Trois à quatre mois selon des avocats (lagazettefrance.fr) ; plus d'un an dans \
             certains tribunaux. Sans condition d'urgence (CJA R541-1).",
        ),
        (AdminProvision, Success) => (
            d(65, 0),
            Forum,
            "Chiffre forum des procédures contentieuses civiles et commerciales, faute de \
             statistique devant le tribunal administratif ; la provision n'est accordée que si \
             l'obligation n'est pas sérieusement contestable (CJA R541-1).",
        ),
        (AdminLawsuit, Hours) => (
            d(10, 0),
            Assumption,
            "10 heures de votre temps (hypothèse par défaut).",
        ),
        (AdminLawsuit, Days) => (
            d(730, 0),
            ThirdParty,
            "Au fond, environ deux ans selon des avocats (lagazettefrance.fr ; 2 ans et 2 mois \
             en 2010 d'après le rapport public du Conseil d'État) ; la moyenne officielle de \
             9 mois et 20 jours en 2023 (budget.gouv.fr, programme 165) compte aussi les référés \
             et les ordonnances.",
        ),
        (AdminLawsuit, Success) => (
            d(65, 0),
            Forum,
            "Chiffre forum des procédures contentieuses civiles et commerciales, faute de \
             statistique devant le tribunal administratif.",
        ),
        (AdminProvision | AdminLawsuit, Recoverable) => (
            Decimal::ZERO,
            Official,
            "Rien à rembourser : aucun frais de justice devant le tribunal administratif ; les \
             honoraires d'avocat ne sont compensés que par les frais que le juge peut mettre à la \
             charge de la partie perdante (CJA L761-1), comme l'article 700 ailleurs.",
        ),
        (PrefectMandate, Cost) => (
            Decimal::ZERO,
            Official,
            "Aucun frais : une lettre au préfet, qui met la collectivité en demeure puis mandate \
             d'office (CGCT L1612-16).",
        ),
        (PrefectMandate, Hours) => (d(2, 0), Assumption, NO_SOURCE),
        (PrefectMandate, Days) => (
            d(60, 0),
            ThirdParty,
            "Un mois après la mise en demeure du préfet, deux si la dépense atteint 5 % de la \
             section de fonctionnement (CGCT L1612-16) ; plus si la chambre régionale des \
             comptes doit d'abord l'inscrire au budget (L1612-15).",
        ),
        (PrefectMandate, Success) => (
            d(65, 0),
            Assumption,
            "Aucune statistique : 65 %, comme pour une procédure contentieuse, à titre \
             d'hypothèse, pour une dette échue, certaine, liquide et non sérieusement contestée \
             d'une collectivité territoriale ; multipliée par public.prefect, nulle tant que \
             vous n'avez pas dit que l'acheteur en est une.",
        ),

        (_, Recoverable) if regime == Regime::Public => (
            Decimal::ZERO,
            Official,
            "Frais d'une démarche amiable : à votre charge ; l'indemnité de 40 € par facture \
             payée en retard (C. commande publique D2192-35) les compense en partie.",
        ),
        (_, Recoverable) => (
            Decimal::ZERO,
            Official,
            "Frais d'une démarche amiable : à votre charge (CPCE L111-8) ; entre professionnels, \
             l'indemnité de 40 € par facture (C. com. D441-5) les compense en partie.",
        ),
    }
}

fn global_default(global: Global, regime: Regime) -> (&'static str, Unit, Default3) {
    use Basis::*;
    match global {
        Global::LawyerArticle700 if regime == Regime::Public => (
            "Part des honoraires d'avocat mise à la charge de l'acheteur (CJA L761-1)",
            Unit::Percent,
            (
                Decimal::ZERO,
                Unverified,
                "Les honoraires d'avocat ne sont pas des dépens : le juge administratif peut en \
                 mettre une part à la charge de la partie perdante (CJA L761-1), en équité ; \
                 aucune moyenne officielle : 0 % par prudence.",
            ),
        ),
        Global::HourlyRate => (
            "Valeur d'une heure de votre temps",
            Unit::EuroPerHour,
            (
                d(50, 0),
                Assumption,
                "50 € de l'heure (hypothèse par défaut) : mettez votre taux.",
            ),
        ),
        Global::Insolvency => (
            "Probabilité que le débiteur soit insolvable",
            Unit::Percent,
            (
                Decimal::ZERO,
                Assumption,
                "Les chiffres forum incluent déjà les débiteurs défaillants ; augmentez-la si \
                 votre débiteur est en difficulté.",
            ),
        ),
        Global::InsolvencyRecovery => (
            "Part récupérée si le débiteur est insolvable",
            Unit::Percent,
            (
                Decimal::ZERO,
                Assumption,
                "En procédure collective, souvent rien ou presque.",
            ),
        ),
        Global::CostOfMoney => (
            "Votre coût de l'argent",
            Unit::PercentPerYear,
            (
                Decimal::ZERO,
                Assumption,
                "Taux de votre découvert ou de votre financement : un euro reçu dans un an vaut \
                 moins qu'un euro aujourd'hui.",
            ),
        ),
        Global::AmicableExtras => (
            "Pénalités et indemnité obtenues à l'amiable",
            Unit::Percent,
            (
                Decimal::ZERO,
                Assumption,
                "À l'amiable, on renonce souvent aux pénalités ; devant le juge, elles sont \
                 demandées en entier (le juge peut en accorder moins).",
            ),
        ),
        Global::AmicableDecay => (
            "Chance d'une démarche amiable après un échec (en % de sa chance de départ)",
            Unit::Percent,
            (
                d(75, 0),
                Assumption,
                "Un débiteur qui a ignoré une relance répond moins à la suivante : la chance de \
                 chaque démarche amiable est multipliée par ce pourcentage pour chaque démarche \
                 amiable restée sans effet avant elle (pas les étapes judiciaires). Aucune \
                 statistique par échec ; des estimations de cabinets de recouvrement voient la \
                 chance d'être payé baisser avec l'ancienneté de la créance (85 à 95 % à 30 jours, \
                 50 à 70 % à 90 jours, kreancia.com, 2025).",
            ),
        ),
        Global::LawyerLawsuit => (
            "Honoraires d'avocat d'une action au fond, si la demande dépasse 10 000 €",
            Unit::Euro,
            (
                d(2200, 0),
                ThirdParty,
                "Avocat obligatoire au-delà de 10 000 € (CPC 853 au tribunal de commerce, 760 et \
                 761 au tribunal judiciaire). Honoraires libres, aucun barème officiel ; prix \
                 d'appel publiés par des cabinets : à partir de 2 200 € TTC devant le tribunal de \
                 commerce (optima-avocats.fr), 1 500 € HT (yann-meric-avocat.fr), 3 000 à \
                 6 000 € HT devant l'ancien TGI (laurentmercie-avocat.fr). Non remboursés comme \
                 dépens : seule l'indemnité de l'article 700 les compense.",
            ),
        ),
        Global::LawyerProvisional => (
            "Honoraires d'avocat d'un référé-provision, si la demande dépasse 10 000 €",
            Unit::Euro,
            (
                d(900, 0),
                ThirdParty,
                "Avocat obligatoire au-delà de 10 000 € devant le tribunal de commerce. Prix \
                 publiés par des cabinets : 700 € HT (yann-meric-avocat.fr), 900 € TTC \
                 (minier-maugendre.fr) ; aucun barème officiel.",
            ),
        ),
        Global::LawyerArticle700 => (
            "Part des honoraires d'avocat remboursée par le débiteur (article 700)",
            Unit::Percent,
            (
                Decimal::ZERO,
                Unverified,
                "Les honoraires d'avocat ne sont pas des dépens : seule l'indemnité de \
                 l'article 700 du CPC les compense, fixée en équité, souvent bien en deçà des \
                 frais réels ; aucune moyenne officielle : 0 % par prudence. Vaut pour toutes \
                 les étapes où un avocat est compté.",
            ),
        ),
        Global::Opposition => (
            "Probabilité que le débiteur forme opposition à l'injonction de payer",
            Unit::Percent,
            (
                d(325, 2),
                ThirdParty,
                "Environ 13 000 oppositions pour 400 000 ordonnances en 2019 (ministère de la \
                 Justice, Infostat n° 178), soit 3,25 % ; moins de 10 % au tribunal de commerce \
                 de Paris (lamoureux.paris). L'opposition renvoie l'affaire au tribunal : \
                 au-delà de 10 000 €, les honoraires d'avocat de l'action au fond \
                 (lawyer.lawsuit) sont comptés avec cette probabilité ; son délai ne l'est pas.",
            ),
        ),
        Global::VatPaid => (
            "TVA déjà reversée sur la facture (en % du TTC)",
            Unit::Percent,
            (
                Decimal::ZERO,
                Official,
                "Prestations de services : TVA due à l'encaissement, rien n'a été reversé : 0 %. \
                 Vente de biens (ou services avec option pour les débits) : TVA due dès la \
                 livraison, même impayée (CGI 269) : 16,67 % du TTC au taux de 20 %. Elle se \
                 récupère quand la créance est définitivement irrécouvrable (poursuites restées \
                 vaines, liquidation judiciaire), sur facture rectificative (CGI 272, \
                 BOI-TVA-DED-40-10-20) : comptée ici pour un débiteur insolvable.",
            ),
        ),
        Global::PlanInstalments => (
            "Échéancier : nombre d'échéances",
            Unit::Count,
            (
                d(3, 0),
                Forum,
                "Un échéancier sur 2 à 3 mois débloque beaucoup de dossiers (forums).",
            ),
        ),
        Global::PlanInterval => (
            "Échéancier : mois entre deux échéances",
            Unit::Count,
            (d(1, 0), Assumption, "Échéances mensuelles."),
        ),
        Global::PlanDefault => (
            "Échéancier : risque d'arrêt à chaque échéance",
            Unit::Percent,
            (Decimal::ZERO, Assumption, NO_SOURCE),
        ),
        Global::LawyerAdministrative => (
            "Honoraires d'avocat devant le tribunal administratif",
            Unit::Euro,
            (
                Decimal::ZERO,
                Assumption,
                "0 € : sans avocat, possible contre une collectivité territoriale, un de ses \
                 établissements ou un hôpital public (CJA R431-3). Contre l'État ou un de ses \
                 établissements publics, l'avocat est obligatoire pour une demande d'argent \
                 (CJA R431-2) : saisissez ses honoraires, libres et sans chiffre sourcé.",
            ),
        ),
        Global::PrefectOpen => (
            "Le préfet peut mandater la dette d'office (100 : oui, 0 : non)",
            Unit::Percent,
            (
                Decimal::ZERO,
                Assumption,
                "Seulement pour une commune, un département, une région ou un de leurs \
                 établissements publics (CGCT L1612-15, L1612-16) : 0 tant que vous ne l'avez pas \
                 dit ; contre l'État ou un autre acheteur, cette voie ne paie pas.",
            ),
        ),
    }
}

/// Every parameter with its default in `setting`: the globals, then each step's fields; only
/// those of the paths open in `setting`.
pub fn params(setting: impl Into<Setting>) -> Vec<Param> {
    let setting = setting.into();
    let regime = setting.regime;
    let mut out = Vec::new();
    for global in Global::ALL.into_iter().filter(|g| g.applies(setting)) {
        let (label, unit, (default, basis, source)) = global_default(global, regime);
        out.push(Param {
            id: global.id().to_owned(),
            slot: Slot::Global(global),
            label,
            unit,
            default,
            basis,
            source,
        });
    }
    let used = |step: &StepKind| {
        PathKind::ALL
            .iter()
            .any(|p| p.open_to(setting) && p.steps().contains(step))
    };
    for step in StepKind::ALL.into_iter().filter(used) {
        for field in Field::ALL {
            let (default, basis, source) = step_default(step, field, setting);
            out.push(Param {
                id: format!("{}.{}", step.code(), field.code()),
                slot: Slot::Step(step, field),
                label: field.label(),
                unit: field.unit(),
                default,
                basis,
                source,
            });
        }
    }
    out
}

pub use crate::dossier::Overrides;

/// The values the model runs on: the defaults for a regime, with the user's changes. Stored
/// in arrays indexed by the enums' declaration order (`Global::ALL`, `StepKind::ALL`,
/// `Field::ALL`): small code in wasm, no allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumptions {
    pub regime: Regime,
    /// A decision is in hand: only its enforcement is left.
    pub judged: bool,
    globals: [Decimal; Global::ALL.len()],
    steps: [[Decimal; Field::ALL.len()]; StepKind::ALL.len()],
}

impl Assumptions {
    pub fn defaults(setting: impl Into<Setting>) -> Assumptions {
        let setting = setting.into();
        let Setting { regime, judged } = setting;
        let mut a = Assumptions {
            regime,
            judged,
            globals: [Decimal::ZERO; Global::ALL.len()],
            steps: [[Decimal::ZERO; Field::ALL.len()]; StepKind::ALL.len()],
        };
        for g in Global::ALL {
            a.set_slot(Slot::Global(g), global_default(g, regime).2 .0);
        }
        for step in StepKind::ALL {
            for field in Field::ALL {
                a.set_slot(
                    Slot::Step(step, field),
                    step_default(step, field, setting).0,
                );
            }
        }
        a
    }

    /// The defaults with `overrides` applied; unknown ids and out-of-range values are skipped
    /// (the form and the file reader report them).
    pub fn with(setting: impl Into<Setting>, overrides: &Overrides) -> Assumptions {
        let mut a = Assumptions::defaults(setting);
        for (id, value) in overrides {
            a.set(id, *value);
        }
        a
    }

    pub fn setting(&self) -> Setting {
        Setting {
            regime: self.regime,
            judged: self.judged,
        }
    }

    pub fn global(&self, g: Global) -> Decimal {
        self.globals.get(g as usize).copied().unwrap_or_default()
    }

    pub fn step(&self, s: StepKind, f: Field) -> Decimal {
        self.steps
            .get(s as usize)
            .and_then(|row| row.get(f as usize))
            .copied()
            .unwrap_or_default()
    }

    /// How sure the default of `step`'s `field` is.
    pub fn basis(&self, step: StepKind, field: Field) -> Basis {
        step_default(step, field, self.setting()).1
    }

    /// The weakest source among the chances of `steps`, leaving out the ones the user set;
    /// `None` when no chance rests on a default.
    pub fn chance_basis(&self, steps: &[StepKind]) -> Option<Basis> {
        steps
            .iter()
            .filter(|&&s| {
                step_default(s, Field::Success, self.setting()).0 == self.step(s, Field::Success)
            })
            .map(|&s| self.basis(s, Field::Success))
            .max_by_key(|b| b.weakness())
    }

    pub fn get(&self, id: &str) -> Option<Decimal> {
        match slot(id)? {
            Slot::Global(g) => Some(self.global(g)),
            Slot::Step(s, f) => Some(self.step(s, f)),
        }
    }

    /// Sets a parameter by id; `false` (and no change) when the id is unknown or the value out
    /// of its range.
    pub fn set(&mut self, id: &str, value: Decimal) -> bool {
        match slot(id) {
            Some(s) if check_value(unit_of(s), value).is_ok() => {
                self.set_slot(s, value);
                true
            }
            _ => false,
        }
    }

    pub(crate) fn set_slot(&mut self, slot: Slot, value: Decimal) {
        let cell = match slot {
            Slot::Global(g) => self.globals.get_mut(g as usize),
            Slot::Step(s, f) => self
                .steps
                .get_mut(s as usize)
                .and_then(|row| row.get_mut(f as usize)),
        };
        if let Some(cell) = cell {
            *cell = value;
        }
    }

    /// The ids whose value differs from the default, with their value.
    pub fn overrides(&self) -> Overrides {
        params(self.setting())
            .into_iter()
            .filter_map(|p| {
                let v = self.get(&p.id)?;
                (v != p.default).then_some((p.id, v))
            })
            .collect()
    }
}

/// The slot a parameter id names.
pub fn slot(id: &str) -> Option<Slot> {
    if let Some(g) = Global::ALL.into_iter().find(|g| g.id() == id) {
        return Some(Slot::Global(g));
    }
    let (step, field) = id.split_once('.')?;
    let step = StepKind::ALL.into_iter().find(|s| s.code() == step)?;
    let field = Field::ALL.into_iter().find(|f| f.code() == field)?;
    Some(Slot::Step(step, field))
}

pub fn unit_of(slot: Slot) -> Unit {
    match slot {
        Slot::Global(g) => global_default(g, Regime::B2b).1,
        Slot::Step(_, f) => f.unit(),
    }
}

/// Largest amount accepted for a fee or an hourly rate: beyond, the model means nothing.
const MAX_EURO: Decimal = d(10_000_000, 0);

/// Checks `value` against `unit`'s range; the error is a French sentence.
pub fn check_value(unit: Unit, value: Decimal) -> Result<(), String> {
    let (max, what) = match unit {
        Unit::Percent => (d(100, 0), "un pourcentage entre 0 et 100"),
        Unit::PercentPerYear => (d(100, 0), "un taux annuel entre 0 et 100 %"),
        Unit::Euro | Unit::EuroPerHour => (MAX_EURO, "un montant entre 0 et 10 000 000 €"),
        Unit::Hours => (d(10_000, 0), "un nombre d'heures entre 0 et 10 000"),
        Unit::Days => (d(3650, 0), "une durée entre 0 et 3 650 jours"),
        Unit::Count => (d(60, 0), "un nombre entier entre 1 et 60"),
    };
    let whole = unit != Unit::Count || (value.fract().is_zero() && value >= Decimal::ONE);
    if value.is_sign_negative() || value > max || !whole {
        return Err(format!("attendu : {what}"));
    }
    Ok(())
}

/// Reads a typed value for parameter `id` (French or English decimal notation).
pub fn parse_value(id: &str, raw: &str) -> Result<Decimal, String> {
    let Some(s) = slot(id) else {
        return Err(format!("paramètre inconnu « {id} »"));
    };
    let unit = unit_of(s);
    let cleaned: String = raw
        .trim()
        .trim_end_matches(['%', '€', 'h', 'j'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err("valeur manquante".to_owned());
    }
    let value = cleaned
        .parse::<Decimal>()
        .map_err(|_| format!("nombre invalide « {} »", raw.trim()))?;
    check_value(unit, value)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the page and the CLI write each unit, after a label and with a value.
    #[test]
    fn each_unit_is_written_in_french() {
        let v = Decimal::new(1250, 2);
        let written: Vec<(&str, String)> = [
            Unit::Euro,
            Unit::Percent,
            Unit::PercentPerYear,
            Unit::Hours,
            Unit::Days,
            Unit::EuroPerHour,
            Unit::Count,
        ]
        .into_iter()
        .map(|u| (u.label_suffix(), u.show(v)))
        .collect();
        assert_eq!(
            written,
            [
                (" (€)", "12,50 €".to_owned()),
                (" (%)", "12,5 %".to_owned()),
                (" (% par an)", "12,5 % par an".to_owned()),
                (" (heures)", "12,5 h".to_owned()),
                (" (jours)", "12,5 j".to_owned()),
                (" (€ de l'heure)", "12,50 €/h".to_owned()),
                ("", "12,5".to_owned()),
            ]
        );
    }

    #[test]
    fn every_param_has_a_source_and_a_default_in_range() {
        // A public buyer: no opposition, civil lawyers or plan, its own lawyer; six steps.
        for (regime, globals, steps) in [
            (Regime::B2b, 14, 12),
            (Regime::B2c, 14, 12),
            (Regime::Public, 10, 6),
        ] {
            let ps = params(regime);
            assert_eq!(ps.len(), globals + steps * Field::ALL.len(), "{regime:?}");
            for p in ps {
                assert!(!p.source.is_empty(), "{}", p.id);
                assert!(check_value(p.unit, p.default).is_ok(), "{}", p.id);
                assert_eq!(slot(&p.id), Some(p.slot));
            }
        }
    }

    #[test]
    fn enums_are_declared_in_the_order_of_their_all_arrays() {
        // The arrays of `Assumptions` are indexed by discriminant.
        assert!(Global::ALL
            .iter()
            .enumerate()
            .all(|(i, g)| *g as usize == i));
        assert!(Field::ALL.iter().enumerate().all(|(i, f)| *f as usize == i));
        assert!(StepKind::ALL
            .iter()
            .enumerate()
            .all(|(i, s)| *s as usize == i));
        let a = Assumptions::defaults(Regime::B2b);
        for p in params(Regime::B2b) {
            assert_eq!(a.get(&p.id), Some(p.default), "{}", p.id);
        }
    }

    #[test]
    fn overrides_round_trip_and_bad_values_are_refused() {
        let mut a = Assumptions::defaults(Regime::B2b);
        assert!(a.set("fond.cost", d(1200, 0)));
        assert!(!a.set("fond.success", d(101, 0)));
        assert!(!a.set("nope.cost", d(1, 0)));
        assert!(!a.set("plan.instalments", d(15, 1)));
        let o = a.overrides();
        assert_eq!(o.len(), 1);
        assert_eq!(Assumptions::with(Regime::B2b, &o), a);
        assert_eq!(parse_value("fond.success", "62,5 %"), Ok(d(625, 1)));
        assert!(parse_value("fond.success", "abc").is_err());
        assert!(parse_value("fond.cost", "-3").is_err());
        assert!(parse_value("x.y", "3").is_err());
    }
}
