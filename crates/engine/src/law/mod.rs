//! The law, one rule per function, each citing its article: every caller (the décompte,
//! Stratégie, the letters, the web form) asks here rather than restating a rule.
//! ARCHITECTURE.md indexes them article by article with their tests.

#[cfg(feature = "judgment")]
pub mod capitalisation;
pub mod consumer;
pub mod imputation;
pub mod indemnity;
#[cfg(feature = "court")]
pub mod injunction;
#[cfg(feature = "court")]
pub mod insolvency;
pub mod judgment;
pub mod late_interest;
pub mod payment_terms;
pub mod prescription;
pub mod procedures;
pub mod regime;

pub use regime::Regime;
