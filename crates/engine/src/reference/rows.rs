//! The shape of a rate table row, shared by the generated tables and their reader (`rates`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How far a published figure was checked (mirrors `shared/reference/legal-reference.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Read in the official source.
    Src,
    /// Read only in third-party material.
    Src3p,
    /// Computed from sourced inputs.
    Derived,
    /// Not confirmed by any source: usable, but every result that uses it says so.
    Unverified,
    /// Entered by the user (`Dossier::rates`), with the source the user gave.
    User,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Src => "SRC",
            Status::Src3p => "SRC-3P",
            Status::Derived => "DERIVED",
            Status::Unverified => "UNVERIFIED",
            Status::User => "user",
        }
    }
}

/// One change of the ECB main refinancing operations rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EcbRow {
    pub from: NaiveDate,
    pub percent: Decimal,
    pub status: Status,
    pub source: &'static str,
}

/// The two categories of the French legal interest rate since 2015 (C. mon. fin. L313-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LegalCategory {
    /// One rate for everybody (until 2014).
    All,
    /// Creditor is a natural person not acting for professional needs.
    Particuliers,
    /// Every other creditor.
    AutresCas,
}

/// One published value of the legal interest rate, for a year or a semester.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegalRow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub category: LegalCategory,
    pub percent: Decimal,
    pub status: Status,
    pub source: &'static str,
}
