//! Which body of rules governs the claim, from the debtor's kind.

use crate::codes::coded;
use crate::dossier::DebtorKind;

/// Which set of rules applies, decided by the debtor's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Regime {
    /// Professional debtor: C. com. L441-10 penalties and D441-5 indemnity.
    B2b,
    /// Consumer debtor: C. civ. 1231-6 legal interest from the formal notice.
    B2c,
    /// Public buyer: C. commande publique R2192-31 moratory interest and D2192-35 indemnity.
    Public,
}

coded!(Regime {
    B2b => "b2b",
    B2c => "b2c",
    Public => "public",
});

impl Regime {
    /// The regime of a claim on a debtor of this kind.
    pub fn of(debtor: DebtorKind) -> Regime {
        match debtor {
            DebtorKind::Professional => Regime::B2b,
            DebtorKind::Consumer => Regime::B2c,
            DebtorKind::Public => Regime::Public,
        }
    }
}
