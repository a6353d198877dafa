//! How sure each figure is, as a band: the less solid its source, the wider. A path's range is
//! its value with every band read pessimistically (lower chances, higher fees, longer delays),
//! then optimistically; the central figure lies between. The bands are themselves a rule of
//! thumb, said on the page and in the JSON.

use rust_decimal::Decimal;

use super::params::{Assumptions, Basis, Field, Slot};
use super::path::StepKind;

/// Which end of every band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Pessimistic,
    Optimistic,
}

/// Half-width of a chance's band, in percentage points, by how sure its source is.
fn chance_points(basis: Basis) -> Decimal {
    Decimal::from(match basis {
        Basis::Official => 0,
        Basis::ThirdParty => 10,
        Basis::Unverified => 15,
        Basis::Forum | Basis::Assumption | Basis::Unknown => 20,
    })
}

/// Relative half-width of a fee's, an hour count's or a delay's band, in percent.
fn relative_percent(basis: Basis) -> Decimal {
    Decimal::from(match basis {
        Basis::Official => 0,
        Basis::ThirdParty => 25,
        Basis::Unverified | Basis::Forum | Basis::Assumption | Basis::Unknown => 50,
    })
}

/// The band `(low, high)` around `value`, a step's `field` whose default has `basis`; `None`
/// for the fields the bands leave as they are (share obtained, recoverable share).
pub fn band(field: Field, basis: Basis, value: Decimal) -> Option<(Decimal, Decimal)> {
    match field {
        Field::Success => {
            let points = chance_points(basis);
            Some((
                (value - points).max(Decimal::ZERO),
                (value + points).min(Decimal::ONE_HUNDRED),
            ))
        }
        Field::Cost | Field::Hours | Field::Days | Field::Fee => {
            let spread = value * relative_percent(basis) / Decimal::ONE_HUNDRED;
            let high = value + spread;
            Some((
                value - spread,
                if field == Field::Fee {
                    high.min(Decimal::ONE_HUNDRED)
                } else {
                    high
                },
            ))
        }
        Field::Share | Field::Recoverable => None,
    }
}

/// `a` with every step's band read at `end`: the pessimistic end takes the low chance and the
/// high fee, hours, commission and delay; the optimistic end the reverse.
pub fn at(a: &Assumptions, end: End) -> Assumptions {
    let mut out = a.clone();
    for step in StepKind::ALL {
        for field in Field::ALL {
            let Some((low, high)) = band(field, a.basis(step, field), a.step(step, field)) else {
                continue;
            };
            let good_is_high = field == Field::Success;
            let value = match (end, good_is_high) {
                (End::Pessimistic, true) | (End::Optimistic, false) => low,
                (End::Pessimistic, false) | (End::Optimistic, true) => high,
            };
            out.set_slot(Slot::Step(step, field), value);
        }
    }
    out
}

/// `(low, high)` of three values: the range that holds the central one whatever the model's
/// turns (a likelier early step may leave less than a later one).
pub fn span(a: Decimal, b: Decimal, c: Decimal) -> (Decimal, Decimal) {
    (a.min(b).min(c), a.max(b).max(c))
}

/// Whether two ranges share a point.
pub fn overlap(a: (Decimal, Decimal), b: (Decimal, Decimal)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn a_forum_chance_spans_twenty_points_each_way_within_zero_and_a_hundred() {
        assert_eq!(
            band(Field::Success, Basis::Forum, d(65)),
            Some((d(45), d(85)))
        );
        assert_eq!(
            band(Field::Success, Basis::Forum, d(10)),
            Some((d(0), d(30)))
        );
        assert_eq!(
            band(Field::Success, Basis::Official, d(65)),
            Some((d(65), d(65)))
        );
    }

    #[test]
    fn a_third_party_fee_spans_a_quarter_each_way() {
        assert_eq!(
            band(Field::Cost, Basis::ThirdParty, d(800)),
            Some((d(600), d(1000)))
        );
        assert_eq!(band(Field::Share, Basis::Assumption, d(100)), None);
    }

    #[test]
    fn ranges_overlap_when_they_share_a_point() {
        assert!(overlap((d(1), d(5)), (d(5), d(9))));
        assert!(!overlap((d(1), d(4)), (d(5), d(9))));
        assert_eq!(span(d(3), d(1), d(2)), (d(1), d(3)));
    }
}
