//! How a payment is imputed on what an invoice owes (C. civ. 1342-10, 1343-1). Which invoice a
//! payment goes to — the one it names (1342-10: the debtor chooses), else the one due first with
//! principal left — is walked by `compute::allocate`; this module decides the split inside one.

use rust_decimal::Decimal;

use crate::dossier::Imputation;

/// What one invoice takes from a payment, in which order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// C. civ. 1343-1: a partial payment goes to interest first.
    InterestFirst,
    /// A contractual clause: principal first, then interest.
    PrincipalFirst,
    /// Principal only (the first pass of principal first over several invoices, so that
    /// splitting a payment in two changes nothing).
    PrincipalOnly,
}

impl From<Imputation> for Take {
    fn from(imputation: Imputation) -> Take {
        match imputation {
            Imputation::InterestFirst => Take::InterestFirst,
            Imputation::PrincipalFirst => Take::PrincipalFirst,
        }
    }
}

/// `(to_interest, to_principal)`: what `amount` pays of `interest_due` and `principal`, by `take`.
pub fn split(
    amount: Decimal,
    interest_due: Decimal,
    principal: Decimal,
    take: Take,
) -> (Decimal, Decimal) {
    match take {
        Take::InterestFirst => {
            let i = amount.min(interest_due);
            (i, (amount - i).min(principal))
        }
        Take::PrincipalFirst => {
            let p = amount.min(principal);
            ((amount - p).min(interest_due), p)
        }
        Take::PrincipalOnly => (Decimal::ZERO, amount.min(principal)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_pays_what_it_should_and_no_more() {
        let d = Decimal::from;
        assert_eq!(
            split(d(150), d(100), d(1000), Take::InterestFirst),
            (d(100), d(50))
        );
        assert_eq!(
            split(d(150), d(100), d(1000), Take::PrincipalFirst),
            (d(0), d(150))
        );
        assert_eq!(
            split(d(1050), d(100), d(1000), Take::PrincipalFirst),
            (d(50), d(1000))
        );
        assert_eq!(
            split(d(1050), d(100), d(1000), Take::PrincipalOnly),
            (d(0), d(1000))
        );
        assert_eq!(
            split(d(2000), d(100), d(1000), Take::InterestFirst),
            (d(100), d(1000))
        );
    }
}
