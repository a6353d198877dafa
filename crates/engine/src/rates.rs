//! The rate tables and the questions the engine asks them: which ECB rate applied on a day,
//! which legal interest rate applied in a semester, and how far the tables are known.
//!
//! The tables themselves are data (`data/rates/*.csv`, generated into `reference/tables.rs`);
//! this module only reads them. It never guesses: a day before the first row is `None`, a day
//! after the last known value gets that value flagged `provisional`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::{previous_day, semester_end, semester_start};
#[cfg(feature = "user-rates")]
use crate::dossier::UserRates;
use crate::law::late_interest::{
    contractual_floor, default_rate, ecb_reference_day, public_rate, PUBLIC_RATE_FROM,
};
#[cfg(feature = "user-rates")]
use crate::order::{sort_by_date, sort_stable_by};
use crate::reference::tables;

pub use crate::reference::links::{all_links, source_link, L441_10};
pub use crate::reference::rows::{EcbRow, LegalCategory, LegalRow, Status};

/// The reference data a computation uses. An argument, never a global, so tests can swap it.
#[derive(Clone, Copy, Debug)]
pub struct RateTables<'a> {
    pub ecb: &'a [EcbRow],
    /// Last day for which the ECB table is known to be complete.
    pub ecb_complete_through: NaiveDate,
    pub legal: &'a [LegalRow],
}

/// The source of every row the user entered; the user's own words are in the dossier and in
/// the `user_rate` notice.
pub const USER_SOURCE: &str = "saisi par vous";

#[cfg(feature = "user-rates")]
/// Tables with the user's rows (`Dossier::rates`) added: each wins over a shipped row of the
/// same date (ECB) or semester (legal rate); an ECB row holds until the next change, shipped or
/// entered. The order of the user's rows does not matter.
#[derive(Clone, Debug)]
pub struct Merged {
    ecb: Vec<EcbRow>,
    legal: Vec<LegalRow>,
    ecb_complete_through: NaiveDate,
}

#[cfg(feature = "user-rates")]
impl Merged {
    pub fn new(base: &RateTables, user: &UserRates) -> Merged {
        let mut ecb: Vec<EcbRow> = base
            .ecb
            .iter()
            .filter(|r| !user.ecb.iter().any(|u| u.from == r.from))
            .copied()
            .chain(user.ecb.iter().map(|u| EcbRow {
                from: u.from,
                percent: u.percent.get(),
                status: Status::User,
                source: USER_SOURCE,
            }))
            .collect();
        sort_by_date(&mut ecb, |r| r.from);
        let entered = |r: &LegalRow| {
            r.category != LegalCategory::All && user.legal.iter().any(|u| u.semester == r.from)
        };
        let mut legal: Vec<LegalRow> = base.legal.iter().filter(|r| !entered(r)).copied().collect();
        for u in &user.legal {
            let to = semester_end(u.semester);
            for (category, percent) in [
                (LegalCategory::Particuliers, u.particuliers),
                (LegalCategory::AutresCas, u.autres_cas),
            ] {
                legal.push(LegalRow {
                    from: u.semester,
                    to,
                    category,
                    percent: percent.get(),
                    status: Status::User,
                    source: USER_SOURCE,
                });
            }
        }
        sort_stable_by(&mut legal, |a, b| {
            (a.from, a.category).cmp(&(b.from, b.category))
        });
        // The shipped table stays what it is complete through: a row entered for a later date
        // says nothing of the semesters before it (its own segments are never provisional).
        Merged {
            ecb,
            legal,
            ecb_complete_through: base.ecb_complete_through,
        }
    }

    pub fn tables(&self) -> RateTables<'_> {
        RateTables {
            ecb: &self.ecb,
            ecb_complete_through: self.ecb_complete_through,
            legal: &self.legal,
        }
    }
}

impl RateTables<'_> {
    /// The last day of the shipped legal-rate table.
    pub fn legal_known_through(&self) -> Option<NaiveDate> {
        self.legal.iter().map(|r| r.to).max()
    }
}

impl RateTables<'static> {
    /// The tables shipped with this version (`data/rates/`).
    pub fn builtin() -> RateTables<'static> {
        RateTables {
            ecb: tables::ECB_MRO,
            ecb_complete_through: tables::ECB_COMPLETE_THROUGH,
            legal: tables::LEGAL_RATE,
        }
    }
}

/// What a segment's rate is and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateQuote {
    /// Yearly rate in percent.
    pub percent: Decimal,
    pub basis: Basis,
    pub status: Status,
    pub source: &'static str,
    /// The period is beyond the tables: the last known value was used.
    pub provisional: bool,
}

/// The legal origin of a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// C. com. L441-10: ECB rate in force on `reference` plus 10 points.
    EcbPlusTen { ecb: Decimal, reference: NaiveDate },
    /// C. commande publique R2192-31: ECB rate in force on `reference`, the first day of the
    /// semester in which the delay began, plus 8 points, for the whole delay.
    EcbPlusEight { ecb: Decimal, reference: NaiveDate },
    /// The rate agreed in the contract (C. com. L441-10, "sauf disposition contraire").
    Contractual,
    /// C. com. L441-10: a `contractual` rate below the floor, raised to three times the legal
    /// rate « autres cas » (`legal`) of the period starting on `period_from`.
    ContractualFloor {
        contractual: Decimal,
        legal: Decimal,
        period_from: NaiveDate,
    },
    /// C. com. L441-10: a `contractual` rate below the `floor`, set aside for the default rate:
    /// the ECB rate in force on `reference` plus 10 points.
    ContractualDefault {
        contractual: Decimal,
        floor: Decimal,
        ecb: Decimal,
        reference: NaiveDate,
    },
    /// C. civ. 1231-7: the `legal` rate of the period starting on `period_from` on a judgment's
    /// award, 5 points more when `increased` (C. mon. fin. L313-3).
    #[cfg(feature = "judgment")]
    Judgment {
        category: LegalCategory,
        period_from: NaiveDate,
        legal: Decimal,
        increased: bool,
    },
    /// C. civ. 1231-6: the legal interest rate of the period starting on `period_from`.
    Legal {
        category: LegalCategory,
        period_from: NaiveDate,
    },
}

/// The answer to "what rate applies on this day?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// This quote applies from the day asked through `through` (at least).
    Known {
        quote: RateQuote,
        through: NaiveDate,
    },
    /// No rate is known from the day asked through `through`.
    Unknown { through: NaiveDate },
}

pub use crate::law::late_interest::{ECB_PLUS_TEN_FROM, SEMESTER_RULE_FROM};

impl RateTables<'_> {
    /// Index of the ECB row in force on `day`.
    fn ecb_index(&self, day: NaiveDate) -> Option<usize> {
        self.ecb.partition_point(|r| r.from <= day).checked_sub(1)
    }

    /// C. com. L441-10 default rate for a day of delay: ECB + 10 points, taken on 1 January
    /// for days of the first semester and on 1 July for the second (from 2013), or on the day
    /// itself for 2009–2012 days.
    pub fn l441_default(&self, day: NaiveDate) -> Lookup {
        if day < ECB_PLUS_TEN_FROM {
            return Lookup::Unknown {
                through: previous_day(ECB_PLUS_TEN_FROM).unwrap_or(day),
            };
        }
        if day >= SEMESTER_RULE_FROM {
            let anchor = ecb_reference_day(day);
            return match self.ecb_index(anchor).and_then(|i| self.ecb.get(i)) {
                Some(row) => Lookup::Known {
                    quote: RateQuote {
                        percent: default_rate(row.percent),
                        basis: Basis::EcbPlusTen {
                            ecb: row.percent,
                            reference: anchor,
                        },
                        status: row.status,
                        source: row.source,
                        provisional: anchor > self.ecb_complete_through
                            && row.status != Status::User,
                    },
                    through: semester_end(day),
                },
                None => Lookup::Unknown {
                    through: semester_end(day),
                },
            };
        }
        // Before 2013: "taux de l'opération de refinancement la plus récente", day by day.
        let Some(index) = self.ecb_index(day) else {
            let first = self.ecb.first().map(|r| r.from).and_then(previous_day);
            return Lookup::Unknown {
                through: first.unwrap_or(day).min(semester_end(day)),
            };
        };
        let Some(row) = self.ecb.get(index) else {
            return Lookup::Unknown { through: day };
        };
        let next_change = self.ecb.get(index + 1).and_then(|r| previous_day(r.from));
        let mut through = semester_end(day).min(previous_day(SEMESTER_RULE_FROM).unwrap_or(day));
        if let Some(last) = next_change {
            through = through.min(last);
        }
        Lookup::Known {
            quote: RateQuote {
                percent: default_rate(row.percent),
                basis: Basis::EcbPlusTen {
                    ecb: row.percent,
                    reference: row.from,
                },
                status: row.status,
                source: row.source,
                provisional: day > self.ecb_complete_through,
            },
            through,
        }
    }

    /// C. commande publique R2192-31: the moratory interest rate of a delay whose first day is
    /// `first_day`, fixed for the whole delay.
    pub fn public(&self, first_day: NaiveDate) -> Lookup {
        if first_day < PUBLIC_RATE_FROM {
            return Lookup::Unknown {
                through: previous_day(PUBLIC_RATE_FROM).unwrap_or(first_day),
            };
        }
        let anchor = semester_start(first_day);
        match self.ecb_index(anchor).and_then(|i| self.ecb.get(i)) {
            Some(row) => Lookup::Known {
                quote: RateQuote {
                    percent: public_rate(row.percent),
                    basis: Basis::EcbPlusEight {
                        ecb: row.percent,
                        reference: anchor,
                    },
                    status: row.status,
                    source: row.source,
                    provisional: anchor > self.ecb_complete_through && row.status != Status::User,
                },
                through: NaiveDate::MAX,
            },
            None => Lookup::Unknown {
                through: NaiveDate::MAX,
            },
        }
    }

    /// Legal interest rate (C. mon. fin. L313-2) of the period containing `day`, in `category`.
    /// Annual rows (category `All`) serve every category. Rows are in date order (a test of the
    /// shipped table checks it); after the last one, its rate is used, flagged provisional.
    pub fn legal(&self, day: NaiveDate, category: LegalCategory) -> Lookup {
        let mut last = None;
        for row in self
            .legal
            .iter()
            .filter(|r| r.category == category || r.category == LegalCategory::All)
        {
            if day < row.from {
                let through = previous_day(row.from).unwrap_or(day).min(semester_end(day));
                // Between the last known period and a later one the user entered, the last
                // known rate, provisional, as after the tables; a gap in the tables stays one.
                return match last.filter(|_| row.status == Status::User) {
                    Some(last) => Lookup::Known {
                        quote: legal_quote(last, true),
                        through,
                    },
                    None => Lookup::Unknown { through },
                };
            }
            if day <= row.to {
                return Lookup::Known {
                    quote: legal_quote(row, false),
                    through: row.to,
                };
            }
            last = Some(row);
        }
        match last {
            Some(last) => Lookup::Known {
                quote: legal_quote(last, true),
                through: semester_end(day),
            },
            None => Lookup::Unknown { through: day },
        }
    }

    /// C. com. L441-10: a contractual rate may not be below three times the legal rate
    /// ("autres cas") of the period. `None` before 2009 or when no legal rate is known.
    pub fn contractual_floor(&self, day: NaiveDate) -> Option<(Decimal, RateQuote)> {
        if day < ECB_PLUS_TEN_FROM {
            return None;
        }
        match self.legal(day, LegalCategory::AutresCas) {
            Lookup::Known { quote, .. } => Some((contractual_floor(quote.percent), quote)),
            Lookup::Unknown { .. } => None,
        }
    }
}

fn legal_quote(row: &LegalRow, provisional: bool) -> RateQuote {
    RateQuote {
        percent: row.percent,
        basis: Basis::Legal {
            category: row.category,
            period_from: row.from,
        },
        status: row.status,
        source: row.source,
        provisional,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    fn known(lookup: Lookup) -> (String, NaiveDate, bool) {
        match lookup {
            Lookup::Known { quote, through } => (
                crate::fr::percent_number(quote.percent),
                through,
                quote.provisional,
            ),
            Lookup::Unknown { through } => ("unknown".into(), through, false),
        }
    }

    #[test]
    fn l441_semester_anchoring() {
        let t = RateTables::builtin();
        // 2022 S2: ECB was still 0.00 on 1 July 2022 (the hike took effect 27 July) → 10.00 %.
        assert_eq!(
            known(t.l441_default(ymd(2022, 9, 1))),
            ("10.00".into(), ymd(2022, 12, 31), false)
        );
        // 2023 S1: ECB 2.50 on 1 January 2023 → 12.50 %.
        assert_eq!(known(t.l441_default(ymd(2023, 3, 1))).0, "12.50");
        // 2026 S2: ECB 2.40 on 1 July 2026 (2.65 from 16 September does not change S2) → 12.40 %.
        assert_eq!(
            known(t.l441_default(ymd(2026, 11, 22))),
            ("12.40".into(), ymd(2026, 12, 31), false)
        );
        // 2027 S1: beyond the table (complete through 16 Sep 2026) → last value 2.65 + 10, provisional.
        assert_eq!(
            known(t.l441_default(ymd(2027, 2, 1))),
            ("12.65".into(), ymd(2027, 6, 30), true)
        );
    }

    #[test]
    fn l441_before_2013_follows_each_ecb_move() {
        let t = RateTables::builtin();
        // 13 April 2011: ECB 1.25 → 11.25 %, until the 13 July 2011 move.
        assert_eq!(
            known(t.l441_default(ymd(2011, 5, 2))),
            ("11.25".into(), ymd(2011, 6, 30), false)
        );
        assert_eq!(
            known(t.l441_default(ymd(2011, 7, 1))),
            ("11.25".into(), ymd(2011, 7, 12), false)
        );
        assert_eq!(known(t.l441_default(ymd(2011, 7, 13))).0, "11.50");
        // 2008 days: ECB + 7 regime, not computed.
        assert_eq!(known(t.l441_default(ymd(2008, 10, 1))).0, "unknown");
    }

    #[test]
    fn legal_rate_periods_and_categories() {
        let t = RateTables::builtin();
        assert_eq!(
            known(t.legal(ymd(2012, 5, 5), LegalCategory::AutresCas)),
            ("0.71".into(), ymd(2012, 12, 31), false)
        );
        assert_eq!(
            known(t.legal(ymd(2023, 8, 1), LegalCategory::AutresCas)).0,
            "4.22"
        );
        assert_eq!(
            known(t.legal(ymd(2023, 8, 1), LegalCategory::Particuliers)).0,
            "6.82"
        );
        assert_eq!(
            known(t.legal(ymd(2027, 1, 5), LegalCategory::AutresCas)),
            ("2.75".into(), ymd(2027, 6, 30), true)
        );
        assert_eq!(
            known(t.legal(ymd(2007, 5, 1), LegalCategory::AutresCas)).0,
            "unknown"
        );
    }

    /// ECB + 10 points applies to days from 1 January 2009 (loi LME); the day before is unknown.
    #[test]
    fn ecb_plus_ten_starts_on_1_january_2009() {
        let t = RateTables::builtin();
        // ECB 2.50 from 10 December 2008 → 12.50 %, until the 21 January 2009 move.
        assert_eq!(
            known(t.l441_default(ymd(2009, 1, 1))),
            ("12.50".into(), ymd(2009, 1, 20), false)
        );
        assert_eq!(
            known(t.l441_default(ymd(2008, 12, 31))),
            ("unknown".into(), ymd(2008, 12, 31), false)
        );
    }

    /// A rate is provisional when it is taken after the day the ECB table is known complete
    /// through: from 2013 the semester's anchor day counts, before 2013 the day itself.
    #[test]
    fn provisional_means_after_the_last_day_the_table_is_complete() {
        let complete_through = |day| RateTables {
            ecb_complete_through: day,
            ..RateTables::builtin()
        };
        let provisional = |t: RateTables, day| known(t.l441_default(day)).2;
        let anchored = complete_through(ymd(2026, 7, 1));
        assert!(!provisional(anchored, ymd(2026, 11, 22)));
        let before_anchor = complete_through(ymd(2026, 6, 30));
        assert!(provisional(before_anchor, ymd(2026, 11, 22)));
        let day_by_day = complete_through(ymd(2011, 5, 2));
        assert!(!provisional(day_by_day, ymd(2011, 5, 2)));
        assert!(provisional(day_by_day, ymd(2011, 5, 3)));
        assert!(provisional(day_by_day, ymd(2012, 5, 3)));
    }

    /// A legal-rate period is known from its first day through its last; before the table the
    /// rate is unknown up to the end of the semester or the table's first day, whichever comes
    /// first; after it the last rate is used, provisional.
    #[test]
    fn legal_rate_periods_at_their_edges() {
        let t = RateTables::builtin();
        for (day, want) in [
            (ymd(2023, 7, 1), ("4.22", ymd(2023, 12, 31), false)),
            (ymd(2023, 12, 31), ("4.22", ymd(2023, 12, 31), false)),
            (ymd(2026, 12, 31), ("2.75", ymd(2026, 12, 31), false)),
            (ymd(2027, 1, 1), ("2.75", ymd(2027, 6, 30), true)),
            (ymd(2007, 5, 1), ("unknown", ymd(2007, 6, 30), false)),
            (ymd(2007, 8, 1), ("unknown", ymd(2007, 12, 31), false)),
        ] {
            let (rate, through, provisional) = known(t.legal(day, LegalCategory::AutresCas));
            assert_eq!((rate.as_str(), through, provisional), want, "{day}");
        }
        let empty = RateTables {
            legal: &[],
            ..RateTables::builtin()
        };
        assert_eq!(
            known(empty.legal(ymd(2020, 3, 1), LegalCategory::AutresCas)),
            ("unknown".into(), ymd(2020, 3, 1), false)
        );
    }

    #[test]
    fn floor_is_three_times_the_legal_rate() {
        let t = RateTables::builtin();
        // From 1 January 2009: 3 × 3.79 = 11.37.
        assert_eq!(
            t.contractual_floor(ymd(2009, 1, 1))
                .map(|f| f.0.to_string()),
            Some("11.37".into())
        );
        assert_eq!(t.contractual_floor(ymd(2008, 12, 31)), None);
        // 2024 S1: 3 × 5.07 = 15.21 (above the default 14.50: the "floor anomaly").
        assert_eq!(
            t.contractual_floor(ymd(2024, 3, 1))
                .map(|f| f.0.to_string()),
            Some("15.21".into())
        );
        assert_eq!(t.contractual_floor(ymd(2008, 3, 1)), None);
    }
}
