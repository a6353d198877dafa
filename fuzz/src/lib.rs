//! What the fuzz targets share: how a fuzz input is read, and the invariants a computation
//! must keep whatever the dossier.
//!
//! A fuzz input is a dossier text, optionally followed by a NUL byte and one or two bytes that
//! move the calculation date: a little-endian `i16` of days (one byte: an `i8`) from the
//! dossier's `as_of`, or from 22 November 2026 when it has none. A NUL never appears in a valid
//! JSON text, so the seeds (plain dossier files) are inputs as they are.

use chrono::{Datelike, NaiveDate, TimeDelta};
use relance_engine::{Computation, Dossier};
use rust_decimal::{Decimal, RoundingStrategy};

/// The date used when the dossier names none: the check case's `as_of`.
pub const DEFAULT_AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 22) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

pub struct Input {
    /// The dossier text (invalid UTF-8 replaced, as a browser's file reader would).
    pub text: String,
    /// Days added to the dossier's `as_of`.
    pub shift: i16,
}

/// Splits a fuzz input into the dossier text and the date shift.
pub fn input(data: &[u8]) -> Input {
    let (text, tail) = match data.iter().rposition(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let shift = match tail {
        [] => 0,
        [a] => i16::from(i8::from_ne_bytes([*a])),
        [a, b, ..] => i16::from_le_bytes([*a, *b]),
    };
    Input {
        text: String::from_utf8_lossy(text).into_owned(),
        shift,
    }
}

impl Input {
    /// The calculation date for `dossier`: its `as_of` (or [`DEFAULT_AS_OF`]) moved by
    /// `shift` days, kept within the years the dossier reader accepts (1900 to 2199), as the
    /// CLI and the web app do.
    pub fn as_of(&self, dossier: &Dossier) -> NaiveDate {
        let base = dossier.as_of.unwrap_or(DEFAULT_AS_OF);
        let date = base
            .checked_add_signed(TimeDelta::days(i64::from(self.shift)))
            .unwrap_or(base);
        match date.year() {
            ..=1899 => NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(date),
            2200.. => NaiveDate::from_ymd_opt(2199, 12, 31).unwrap_or(date),
            _ => date,
        }
    }
}

/// Panics unless `c` keeps the documented invariants of a computation of `dossier`: each
/// segment counts its days inclusively, each invoice's accrued interest is the sum of its
/// segments and its total is principal + interest + indemnity, and the totals are the sums
/// (plus the extra costs), rounded to the cent.
pub fn check_computation(dossier: &Dossier, c: &Computation) {
    let cents = |d: Decimal| d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // After a judgment, what is owed comes from its account, not from the invoices.
    if let Some(j) = &c.judgment {
        let mut accrued = Decimal::ZERO;
        for s in &j.segments {
            assert!(s.from <= s.to, "segment ends before it starts: {s:?}");
            assert_eq!(s.days, (s.to - s.from).num_days() + 1, "segment {s:?}");
            accrued += s.interest;
        }
        assert_eq!(j.interest_accrued, accrued, "judgment");
        let t = &c.totals;
        assert_eq!(t.principal, cents(j.base_owed), "totals {t:?}");
        assert_eq!(t.interest, cents(j.interest_owed()), "totals {t:?}");
        assert_eq!(t.extra_costs, cents(j.costs_owed), "totals {t:?}");
        assert!(t.indemnities.is_zero(), "totals {t:?}");
        assert_eq!(t.total, t.principal + t.interest + t.extra_costs, "totals {t:?}");
        return;
    }
    let (mut principal, mut interest, mut indemnities) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for inv in &c.invoices {
        let mut accrued = Decimal::ZERO;
        for s in &inv.segments {
            assert!(s.from <= s.to, "segment ends before it starts: {s:?}");
            assert_eq!(s.days, (s.to - s.from).num_days() + 1, "segment {s:?}");
            accrued += s.interest;
        }
        assert_eq!(inv.interest_accrued, accrued, "invoice {}", inv.number);
        assert_eq!(
            inv.total,
            inv.principal + inv.interest + inv.indemnity,
            "invoice {}",
            inv.number
        );
        principal += inv.principal;
        interest += inv.interest;
        indemnities += inv.indemnity;
    }
    let t = &c.totals;
    assert_eq!(t.principal, cents(principal), "totals {t:?}");
    assert_eq!(t.interest, cents(interest), "totals {t:?}");
    assert_eq!(t.indemnities, cents(indemnities), "totals {t:?}");
    let extra = dossier.options.extra_costs.get();
    assert_eq!(
        t.total,
        cents(principal + interest + indemnities + extra),
        "totals {t:?}"
    );
}

/// The entries of a ZIP archive whose files are stored uncompressed (as `relance_letter::zip`
/// writes them), read from their local headers: (name, content). Panics on anything else.
pub fn stored_entries(zip: &[u8]) -> Vec<(String, &[u8])> {
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([zip[at], zip[at + 1]]));
    let u32_at = |at: usize| {
        usize::try_from(u32::from_le_bytes([
            zip[at],
            zip[at + 1],
            zip[at + 2],
            zip[at + 3],
        ]))
        .unwrap_or(usize::MAX)
    };
    let mut entries = Vec::new();
    let mut at = 0;
    while zip[at..].starts_with(b"PK\x03\x04") {
        assert_eq!(u16_at(at + 8), 0, "entry {} is not stored", entries.len());
        let size = u32_at(at + 18);
        assert_eq!(size, u32_at(at + 22), "stored sizes differ");
        let name_len = u16_at(at + 26);
        let data = at + 30 + name_len + u16_at(at + 28);
        let name =
            String::from_utf8(zip[at + 30..at + 30 + name_len].to_vec()).expect("UTF-8 name");
        entries.push((name, &zip[data..data + size]));
        at = data + size;
    }
    assert!(
        zip[at..].starts_with(b"PK\x01\x02"),
        "no central directory after the entries"
    );
    entries
}

/// Panics unless every XML part of the DOCX `docx` is well-formed XML 1.0.
pub fn check_docx(docx: &[u8]) {
    let entries = stored_entries(docx);
    assert!(
        entries.iter().any(|(name, _)| name == "word/document.xml"),
        "no word/document.xml"
    );
    for (name, data) in entries {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"));
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{name}: {e}\n{text}");
            }
        }
    }
}
