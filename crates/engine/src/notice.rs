//! Notices: what a computation wants the reader to know although it succeeded — a rate not
//! verified, a rate beyond the tables, a claim that may be prescribed. They are values shown
//! next to the result (rust-analyzer's `(T, Vec<Diagnostic>)`), never errors.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::law::prescription::{Status, Term};
use crate::law::Regime;

/// One remark attached to a computation. French wording is in `fr::notice`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Notice {
    /// C. com. L441-10: the contractual rate is below 3 × the legal rate of this semester.
    ContractualRateBelowFloor {
        semester: NaiveDate,
        percent: Decimal,
        floor: Decimal,
    },
    /// C. com. L441-10: the contractual rate is below 3 × the legal rate of this semester, and
    /// that floor was applied instead (option `below_floor: "floor"`).
    ContractualRateRaisedToFloor {
        semester: NaiveDate,
        percent: Decimal,
        floor: Decimal,
    },
    /// C. com. L441-10: the contractual rate is below 3 × the legal rate of this semester, and
    /// the default rate (ECB + 10 points), `applied`, was used instead (`below_floor: "default"`).
    ContractualRateReplacedByDefault {
        semester: NaiveDate,
        percent: Decimal,
        floor: Decimal,
        applied: Decimal,
    },
    /// C. com. L441-10 I: payment terms longer than 60 days (or 45 days end of month).
    PaymentTermsBeyondCap {
        invoice: String,
        issued: NaiveDate,
        due: NaiveDate,
    },
    /// The invoice had no due date: 30 days after its issue date were assumed (L441-10 I).
    DueDateAssumed {
        invoice: String,
        due: NaiveDate,
        /// Between professionals the 30 days are L441-10 I's default; for a consumer, only an
        /// assumption of the calculation.
        regime: Regime,
    },
    /// Some days use a rate marked UNVERIFIED in the tables.
    UnverifiedRate {
        period: NaiveDate,
        percent: Decimal,
        source: String,
    },
    /// Some days bear a rate the user entered (`Dossier::rates`): every row, ECB (from, percent,
    /// source) and legal (semester, particuliers, autres cas, source).
    UserRate {
        ecb: Vec<(NaiveDate, Decimal, String)>,
        legal: Vec<(NaiveDate, Decimal, Decimal, String)>,
    },
    /// Some days lie beyond the last known rate: the last known value was used.
    ProvisionalRate { period: NaiveDate, percent: Decimal },
    /// No rate is known for these days: nothing was computed for them.
    RateUnavailable {
        invoice: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// C. com. L110-4 / C. conso. L218-2: the claim is prescribed, or soon will be.
    Prescription {
        invoice: String,
        term: Term,
        status: Status,
    },
    /// Payments exceeded everything owed (principal and interest).
    UnallocatedPayment { amount: Decimal },
    /// Credit notes exceeded the invoices they apply to.
    UnallocatedCredit { amount: Decimal },
    /// A payment dated after the calculation date was not taken into account.
    PaymentAfterAsOf { date: NaiveDate, amount: Decimal },
    /// Consumer debtor without a formal-notice date: no interest runs (C. civ. 1231-6).
    NoFormalNotice,
    /// Consumer debtor whose formal notice is dated after the calculation date: no interest has
    /// run yet (C. civ. 1231-6).
    FormalNoticeAfterAsOf { date: NaiveDate },
    /// Consumer debtor whose formal notice predates this invoice's due date: it puts no one in
    /// default (C. civ. 1305-2, 1344), so no interest runs until a new notice.
    FormalNoticeBeforeDue {
        invoice: String,
        notice: NaiveDate,
        due: NaiveDate,
    },
    /// The invoice falls due on or after the calculation date: nothing is late yet.
    NotYetDue { invoice: String, due: NaiveDate },
    /// Consumer debtor: recovery costs are borne by the creditor without an enforceable title
    /// (CPCE L111-8); they are added as asked, with this warning.
    ExtraCostsFromConsumer,
    /// Consumer debtor: the contractual rate option was set aside for the legal rate.
    ContractualRateIgnoredForConsumer,
    /// C. commande publique R2192-36: the principal was paid on `paid`; the moratory interest
    /// and the indemnity were due within 45 days, by `deadline`, then bear legal interest.
    PublicAccessoriesDue {
        invoice: String,
        paid: NaiveDate,
        deadline: NaiveDate,
    },
    /// Payments dated on or before the judgment of `date` (`amount` in all): taken as counted by
    /// the judgment.
    #[cfg(feature = "judgment")]
    PaymentsBeforeJudgment { date: NaiveDate, amount: Decimal },
    /// C. mon. fin. L313-3: the 5-point increase starts on `from`, within 30 days.
    #[cfg(feature = "judgment")]
    IncreaseSoon { from: NaiveDate },
    /// C. civ. 1343-2: capitalisation asked against a consumer.
    #[cfg(feature = "judgment")]
    CapitalisationConsumer,
    /// CPCE L111-4: the judgment can be enforced through `last_day`; said from 183 days before.
    #[cfg(feature = "judgment")]
    JudgmentEnforcement {
        last_day: NaiveDate,
        status: crate::law::prescription::Status,
    },
    /// C. civ. 2224: interest for the days before `from` is more than 5 years old.
    #[cfg(feature = "judgment")]
    JudgmentOldInterest { from: NaiveDate },
    /// The judgment is dated after the calculation date: it counts for nothing yet.
    #[cfg(feature = "judgment")]
    JudgmentAfterAsOf { date: NaiveDate },
    /// No rate is known for these days of a judgment's account: nothing was computed for them.
    #[cfg(feature = "judgment")]
    JudgmentRateUnavailable { from: NaiveDate, to: NaiveDate },
    /// D441-5 applies to payment terms starting from 2013: no indemnity for this invoice.
    IndemnityBefore2013 { invoice: String },
}

impl Notice {
    /// Stable machine-readable code, used in the JSON result.
    pub fn code(&self) -> &'static str {
        match self {
            Notice::ContractualRateBelowFloor { .. } => "contractual_rate_below_floor",
            Notice::ContractualRateRaisedToFloor { .. } => "contractual_rate_raised_to_floor",
            Notice::ContractualRateReplacedByDefault { .. } => {
                "contractual_rate_replaced_by_default"
            }
            Notice::PaymentTermsBeyondCap { .. } => "payment_terms_beyond_cap",
            Notice::DueDateAssumed { .. } => "due_date_assumed",
            Notice::UnverifiedRate { .. } => "unverified_rate",
            Notice::UserRate { .. } => "user_rate",
            Notice::ProvisionalRate { .. } => "provisional_rate",
            Notice::RateUnavailable { .. } => "rate_unavailable",
            Notice::Prescription { .. } => "prescription",
            Notice::UnallocatedPayment { .. } => "unallocated_payment",
            Notice::UnallocatedCredit { .. } => "unallocated_credit",
            Notice::PaymentAfterAsOf { .. } => "payment_after_as_of",
            Notice::NoFormalNotice => "no_formal_notice",
            Notice::FormalNoticeAfterAsOf { .. } => "formal_notice_after_as_of",
            Notice::NotYetDue { .. } => "not_yet_due",
            Notice::FormalNoticeBeforeDue { .. } => "formal_notice_before_due",
            Notice::ExtraCostsFromConsumer => "extra_costs_from_consumer",
            Notice::ContractualRateIgnoredForConsumer => "contractual_rate_ignored_for_consumer",
            Notice::IndemnityBefore2013 { .. } => "indemnity_before_2013",
            Notice::PublicAccessoriesDue { .. } => "public_accessories_due",
            #[cfg(feature = "judgment")]
            Notice::PaymentsBeforeJudgment { .. } => "payments_before_judgment",
            #[cfg(feature = "judgment")]
            Notice::IncreaseSoon { .. } => "increase_soon",
            #[cfg(feature = "judgment")]
            Notice::CapitalisationConsumer => "capitalisation_consumer",
            #[cfg(feature = "judgment")]
            Notice::JudgmentAfterAsOf { .. } => "judgment_after_as_of",
            #[cfg(feature = "judgment")]
            Notice::JudgmentEnforcement { .. } => "judgment_enforcement",
            #[cfg(feature = "judgment")]
            Notice::JudgmentOldInterest { .. } => "judgment_old_interest",
            #[cfg(feature = "judgment")]
            Notice::JudgmentRateUnavailable { .. } => "rate_unavailable",
        }
    }
}
