//! What the invoice sold, asked in plain words, sets the VAT already paid to the State on it
//! (`global.vat_paid`), which the « Ne plus rien faire » path recovers for an insolvent debtor
//! (CGI 272).

use rust_decimal::Decimal;

/// What the invoice was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Supply {
    /// VAT due on receipt: nothing paid on an unpaid invoice (CGI 269, 2-c).
    Services,
    /// VAT due on delivery, paid even if the client never pays (CGI 269, 2-a), standard rate.
    Goods,
}

/// The standard VAT rate, in percent (CGI 278).
const STANDARD_RATE: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

impl Supply {
    pub const ALL: [Supply; 2] = [Supply::Services, Supply::Goods];

    pub fn code(self) -> &'static str {
        match self {
            Supply::Services => "services",
            Supply::Goods => "goods",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Supply::Services => "Des services : TVA due à l'encaissement, rien n'a été reversé",
            Supply::Goods => {
                "Des biens, TVA à 20 % : reversée dès la livraison, même si le client ne paie pas"
            }
        }
    }

    /// The value of `global.vat_paid` (percent of the amount with VAT) for this answer: none
    /// for services, 20 / 120 of it for goods, to four decimals.
    pub fn vat_paid(self) -> Decimal {
        match self {
            Supply::Services => Decimal::ZERO,
            Supply::Goods => crate::money::round(
                STANDARD_RATE * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + STANDARD_RATE),
                4,
            ),
        }
    }

    /// [`Supply::vat_paid`] as the page writes it in the assumption's field, French decimal
    /// comma (`fr::decimal`, tested): the page compares what is typed with it.
    pub fn vat_paid_typed(self) -> &'static str {
        match self {
            Supply::Services => "0",
            Supply::Goods => "16,6667",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goods_paid_a_sixth_of_the_amount_and_services_nothing() {
        assert_eq!(Supply::Goods.vat_paid(), Decimal::new(166_667, 4));
        assert_eq!(Supply::Services.vat_paid(), Decimal::ZERO);
        for s in Supply::ALL {
            assert_eq!(crate::fr::decimal(s.vat_paid()), s.vat_paid_typed());
        }
    }
}
