//! Stub: the real engine is being written. The web shell may rely on exactly these items:
//! `SEED_DOSSIER`, `compute_str`, `Computation { totals: Totals { total, .. }, .. }`, `fr::amount`.
pub mod fr {
    /// French amount, e.g. `38 132,53 €` (U+202F narrow no-break space for thousands, U+00A0 before €).
    pub fn amount(_d: rust_decimal::Decimal) -> String {
        String::new()
    }
}
pub const SEED_DOSSIER: &str = "{}";
pub struct Totals {
    pub total: rust_decimal::Decimal,
}
pub struct Computation {
    pub totals: Totals,
}
pub struct InputError;
pub fn compute_str(_json: &str, _as_of: Option<chrono::NaiveDate>) -> Result<Computation, Vec<InputError>> {
    Err(vec![])
}
