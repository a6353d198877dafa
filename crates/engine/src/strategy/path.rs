//! The steps a creditor can take and the paths (ladders of steps) they make.

use crate::law::Regime;

/// Stratégie after a judgment comes with the engine's `judgment` feature (the CLI's): without
/// it (the page), none of its figures or sentences is built in.
pub(crate) const AFTER_JUDGMENT: bool = cfg!(feature = "judgment");

/// Where the creditor stands, which decides the paths open and the figures that apply: the
/// debtor's regime, and whether a decision is already in hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub regime: Regime,
    pub judged: bool,
}

/// Before any decision.
impl From<Regime> for Setting {
    fn from(regime: Regime) -> Setting {
        Setting {
            regime,
            judged: false,
        }
    }
}

/// One thing a creditor can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepKind {
    /// Relance amiable (e-mail, phone, letter).
    Reminder,
    /// Mise en demeure by registered letter (C. civ. 1344).
    FormalNotice,
    /// Free mediation: Médiateur des entreprises (B2B), conciliateur de justice (B2C).
    Mediation,
    /// Conventional, paid mediation.
    ConventionalMediation,
    /// Discount and/or payment plan.
    Negotiation,
    /// Recovery agency, paid on results.
    Agency,
    /// Injonction de payer (CPC 1405 s.).
    PaymentOrder,
    /// Procédure simplifiée de recouvrement des petites créances (CPCE L125-1).
    SmallClaims,
    /// Recouvrement des créances commerciales incontestées (CPCE L126-1, loi 2026-307).
    Uncontested,
    /// Référé-provision (CPC 873 al. 2, 835 al. 2).
    ProvisionalOrder,
    /// Action au fond.
    Lawsuit,
    /// Saisie-attribution by a commissaire de justice.
    Enforcement,
    /// A public buyer: the written request for payment, the prior claim the administrative
    /// judge requires (CJA R421-1).
    PaymentRequest,
    /// A public buyer: référé-provision before the tribunal administratif (CJA R541-1).
    AdminProvision,
    /// A public buyer: action before the tribunal administratif.
    AdminLawsuit,
    /// A local authority's undisputed debt paid by the prefect (CGCT L1612-15, L1612-16).
    PrefectMandate,
    /// After a decision: the creditor's letter asking the debtor to pay what it awards.
    ExecutionDemand,
    /// After a decision: commandement de payer, then seizure and sale of the debtor's goods.
    SaleSeizure,
}

impl StepKind {
    pub const ALL: [StepKind; 18] = [
        StepKind::Reminder,
        StepKind::FormalNotice,
        StepKind::Mediation,
        StepKind::ConventionalMediation,
        StepKind::Negotiation,
        StepKind::Agency,
        StepKind::PaymentOrder,
        StepKind::SmallClaims,
        StepKind::Uncontested,
        StepKind::ProvisionalOrder,
        StepKind::Lawsuit,
        StepKind::Enforcement,
        StepKind::PaymentRequest,
        StepKind::AdminProvision,
        StepKind::AdminLawsuit,
        StepKind::PrefectMandate,
        StepKind::ExecutionDemand,
        StepKind::SaleSeizure,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StepKind::Reminder => "relance",
            StepKind::FormalNotice => "mise-en-demeure",
            StepKind::Mediation => "mediation",
            StepKind::ConventionalMediation => "mediation-conventionnelle",
            StepKind::Negotiation => "negociation",
            StepKind::Agency => "agence",
            StepKind::PaymentOrder => "injonction",
            StepKind::SmallClaims => "pspc",
            StepKind::Uncontested => "incontestees",
            StepKind::ProvisionalOrder => "refere",
            StepKind::Lawsuit => "fond",
            StepKind::Enforcement => "saisie",
            StepKind::PaymentRequest => "demande-paiement",
            StepKind::AdminProvision => "refere-ta",
            StepKind::AdminLawsuit => "fond-ta",
            StepKind::PrefectMandate => "mandatement",
            StepKind::ExecutionDemand => "demande-execution",
            StepKind::SaleSeizure => "saisie-vente",
        }
    }

    /// French name, for a regime (mediation differs).
    pub fn label(self, regime: Regime) -> &'static str {
        match self {
            StepKind::Reminder => "Relance amiable",
            StepKind::FormalNotice => "Mise en demeure (LRAR)",
            StepKind::Mediation if regime == Regime::B2c => "Conciliateur de justice",
            StepKind::Mediation => "Médiateur des entreprises",
            StepKind::ConventionalMediation => "Médiation conventionnelle",
            StepKind::Negotiation => "Négociation (remise, échéancier)",
            StepKind::Agency => "Société de recouvrement",
            StepKind::PaymentOrder => "Injonction de payer",
            StepKind::SmallClaims => "Petites créances (PSPC)",
            StepKind::Uncontested => "Créances commerciales incontestées",
            StepKind::ProvisionalOrder => "Référé-provision",
            StepKind::Lawsuit => "Action au fond",
            StepKind::Enforcement => "Saisie-attribution",
            StepKind::PaymentRequest => "Demande de paiement écrite",
            StepKind::AdminProvision => "Référé-provision (tribunal administratif)",
            StepKind::AdminLawsuit => "Action devant le tribunal administratif",
            StepKind::PrefectMandate => "Mandatement d'office par le préfet",
            StepKind::ExecutionDemand => "Demande d'exécution du jugement (LRAR)",
            StepKind::SaleSeizure => "Saisie-vente",
        }
    }

    /// Pays only if the debtor agrees (mediation, a negotiated plan, the PSPC): never likelier
    /// than a step that ends in an enforceable title.
    pub fn needs_consent(self) -> bool {
        matches!(
            self,
            StepKind::Mediation
                | StepKind::ConventionalMediation
                | StepKind::Negotiation
                | StepKind::SmallClaims
        )
    }

    /// Before a judge, a commissaire de justice or the prefect: interest and the indemnity are
    /// claimed in full, and the step's fees may be charged to the debtor.
    pub fn is_judicial(self) -> bool {
        matches!(
            self,
            StepKind::PaymentOrder
                | StepKind::SmallClaims
                | StepKind::Uncontested
                | StepKind::ProvisionalOrder
                | StepKind::Lawsuit
                | StepKind::Enforcement
                | StepKind::SaleSeizure
                | StepKind::AdminProvision
                | StepKind::AdminLawsuit
                | StepKind::PrefectMandate
        )
    }
}

/// The ladders Relance compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PathKind {
    AmicableOnly,
    FormalNotice,
    PaymentOrder,
    Mediation,
    ConventionalMediation,
    Agency,
    SmallClaims,
    Uncontested,
    ProvisionalOrder,
    Lawsuit,
    /// A public buyer: the request for payment after a reminder.
    PublicRequest,
    /// A public buyer: the request, then the Médiateur des entreprises.
    PublicMediation,
    /// A public buyer: the request, then a référé-provision before the tribunal administratif.
    AdminProvision,
    /// A public buyer: the request, then an action before the tribunal administratif.
    AdminLawsuit,
    /// A local authority: the request, then the prefect's mandatement d'office.
    PrefectMandate,
    /// After a decision: the demand to execute it, then a saisie-attribution.
    ExecutionDemand,
    /// After a decision: a saisie-attribution at once.
    Seizure,
    /// After a decision: a saisie-attribution, then a saisie-vente.
    SaleSeizure,
    /// The baseline: no further step; the debt is written off.
    Abandon,
}

impl PathKind {
    pub const ALL: [PathKind; 19] = [
        PathKind::AmicableOnly,
        PathKind::FormalNotice,
        PathKind::PaymentOrder,
        PathKind::Mediation,
        PathKind::ConventionalMediation,
        PathKind::Agency,
        PathKind::SmallClaims,
        PathKind::Uncontested,
        PathKind::ProvisionalOrder,
        PathKind::Lawsuit,
        PathKind::PublicRequest,
        PathKind::PublicMediation,
        PathKind::AdminProvision,
        PathKind::AdminLawsuit,
        PathKind::PrefectMandate,
        PathKind::ExecutionDemand,
        PathKind::Seizure,
        PathKind::SaleSeizure,
        PathKind::Abandon,
    ];

    /// Whether the path exists in `setting` (a debtor's regime, a decision in hand or not):
    /// against a public person, no injonction de payer, no civil or commercial court, no
    /// seizure (CGPPP L2311-1), and the administrative judge in their place (CCP L6); after a
    /// decision, only its enforcement.
    pub fn open_to(self, setting: impl Into<Setting>) -> bool {
        let Setting { regime, judged } = setting.into();
        let enforcement = matches!(
            self,
            PathKind::ExecutionDemand | PathKind::Seizure | PathKind::SaleSeizure
        );
        // With a decision in hand, only its enforcement is left; a public person's property
        // cannot be seized, so none of these is open against a public buyer.
        if judged || enforcement {
            return match self {
                PathKind::Abandon => true,
                _ => enforcement && judged && regime != Regime::Public,
            };
        }
        let public = matches!(
            self,
            PathKind::PublicRequest
                | PathKind::PublicMediation
                | PathKind::AdminProvision
                | PathKind::AdminLawsuit
                | PathKind::PrefectMandate
        );
        match self {
            PathKind::AmicableOnly | PathKind::Abandon => true,
            _ => public == (regime == Regime::Public),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            PathKind::AmicableOnly => "amiable",
            PathKind::FormalNotice => "mise-en-demeure",
            PathKind::PaymentOrder => "injonction",
            PathKind::Mediation => "mediation",
            PathKind::ConventionalMediation => "mediation-conventionnelle",
            PathKind::Agency => "agence",
            PathKind::SmallClaims => "pspc",
            PathKind::Uncontested => "incontestees",
            PathKind::ProvisionalOrder => "refere",
            PathKind::Lawsuit => "fond",
            PathKind::PublicRequest => "demande-paiement",
            PathKind::PublicMediation => "mediation-publique",
            PathKind::AdminProvision => "refere-ta",
            PathKind::AdminLawsuit => "fond-ta",
            PathKind::PrefectMandate => "mandatement",
            PathKind::ExecutionDemand => "demande-execution",
            PathKind::Seizure => "saisie-attribution",
            PathKind::SaleSeizure => "saisie-vente",
            PathKind::Abandon => "abandon",
        }
    }

    pub fn from_code(code: &str) -> Option<PathKind> {
        PathKind::ALL.into_iter().find(|p| p.code() == code)
    }

    /// French name.
    pub fn label(self) -> &'static str {
        match self {
            PathKind::AmicableOnly => "Relance amiable seule",
            PathKind::FormalNotice => "Relance puis mise en demeure",
            PathKind::PaymentOrder => "Mise en demeure puis injonction de payer",
            PathKind::Mediation => "Médiation gratuite puis échéancier",
            PathKind::ConventionalMediation => "Médiation payante puis échéancier",
            PathKind::Agency => "Société de recouvrement",
            PathKind::SmallClaims => "Mise en demeure puis petites créances",
            PathKind::Uncontested => "Mise en demeure puis créance incontestée",
            PathKind::ProvisionalOrder => "Mise en demeure puis référé-provision",
            PathKind::Lawsuit => "Mise en demeure puis action au fond",
            PathKind::PublicRequest => "Relance puis demande de paiement écrite",
            PathKind::PublicMediation => "Demande de paiement puis Médiateur des entreprises",
            PathKind::AdminProvision => {
                "Demande de paiement puis référé-provision au tribunal administratif"
            }
            PathKind::AdminLawsuit => "Demande de paiement puis action au tribunal administratif",
            PathKind::PrefectMandate => {
                "Demande de paiement puis mandatement d'office (collectivité territoriale)"
            }
            PathKind::ExecutionDemand => "Demande d'exécution puis saisie-attribution",
            PathKind::Seizure => "Saisie-attribution sans attendre",
            PathKind::SaleSeizure => "Saisie-attribution puis saisie-vente",
            PathKind::Abandon => "Ne plus rien faire (passer la créance en perte)",
        }
    }

    pub fn steps(self) -> &'static [StepKind] {
        use StepKind::*;
        match self {
            PathKind::AmicableOnly => &[Reminder],
            PathKind::FormalNotice => &[Reminder, FormalNotice],
            PathKind::PaymentOrder => &[Reminder, FormalNotice, PaymentOrder, Enforcement],
            PathKind::Mediation => &[Reminder, Mediation, Negotiation],
            PathKind::ConventionalMediation => &[Reminder, ConventionalMediation, Negotiation],
            PathKind::Agency => &[Agency],
            PathKind::SmallClaims => &[Reminder, FormalNotice, SmallClaims, Enforcement],
            PathKind::Uncontested => &[Reminder, FormalNotice, Uncontested, Enforcement],
            PathKind::ProvisionalOrder => &[Reminder, FormalNotice, ProvisionalOrder, Enforcement],
            PathKind::Lawsuit => &[Reminder, FormalNotice, Lawsuit, Enforcement],
            PathKind::PublicRequest => &[Reminder, PaymentRequest],
            PathKind::PublicMediation => &[Reminder, PaymentRequest, Mediation],
            PathKind::AdminProvision => &[Reminder, PaymentRequest, StepKind::AdminProvision],
            PathKind::AdminLawsuit => &[Reminder, PaymentRequest, StepKind::AdminLawsuit],
            PathKind::PrefectMandate => &[Reminder, PaymentRequest, StepKind::PrefectMandate],
            PathKind::ExecutionDemand => &[StepKind::ExecutionDemand, Enforcement],
            PathKind::Seizure => &[Enforcement],
            PathKind::SaleSeizure => &[Enforcement, StepKind::SaleSeizure],
            PathKind::Abandon => &[],
        }
    }
}
