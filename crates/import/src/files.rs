//! Several files at once, as the CLI and the page receive them: each recognised (a Factur-X
//! PDF, a UBL or CII invoice, an FEC) and read, then joined into one dossier per debtor: an
//! FEC's customers in file order, then the e-invoices' (one per seller and buyer), each
//! e-invoice joined to the FEC customer it belongs to (`merge`). A file refused is named in
//! what is said, with what the join did; the others are kept.

use relance_engine::dossier::Dossier;

use crate::pace::{at_once, Pace, Progress, Stage, Unpaced};
use crate::{einvoice, fec, merge, pdf};

/// A file as received: its name or path (for the messages and an FEC's SIREN) and its bytes.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The dossiers read, and what is said beside them (files refused, notes of the join).
pub struct Read {
    pub dossiers: Vec<Dossier>,
    pub said: Vec<String>,
}

/// Reads `files`; due dates not given are the invoice date plus `terms_days`.
pub fn read(files: &[File], terms_days: u32) -> Read {
    at_once(read_paced(files, terms_days, &mut Unpaced))
}

/// [`read`], stopping at `pace` between files and within an FEC; the bytes read so far count
/// every file's.
pub async fn read_paced(files: &[File], terms_days: u32, pace: &mut impl Pace) -> Read {
    let total = files.iter().map(|f| f.bytes.len()).sum();
    let mut before = 0;
    let mut all = Vec::new();
    let mut said = Vec::new();
    let mut einvoices = Vec::new();
    // Each FEC dossier's last entry, by position in `all`.
    let mut last_entries = Vec::new();
    for file in files {
        let name = &file.name;
        let bytes = &file.bytes;
        let mut within = Within {
            pace: &mut *pace,
            before,
            size: bytes.len(),
            total,
        };
        within.pause(reading(0, 0)).await;
        before += bytes.len();
        if bytes.len() > fec::MAX_FILE_BYTES {
            said.push(too_large(name, bytes.len()));
            continue;
        }
        if pdf::looks_like_pdf(bytes) {
            match pdf::read(bytes) {
                Ok(invoice) => einvoices.push(invoice),
                Err(e) => said.push(format!("{name} : {e}")),
            }
            continue;
        }
        let text = crate::text::decode(bytes);
        // Megabytes decoded: a stop before they are read.
        within.pause(reading(0, 0)).await;
        if einvoice::looks_like_xml(&text) {
            match einvoice::read(&text) {
                Ok(invoice) => einvoices.push(invoice),
                Err(e) => said.push(format!("{name} : {e}")),
            }
            continue;
        }
        if !fec::looks_like_fec(&text) {
            said.push(format!(
                "{name} : format non reconnu (attendu : un FEC avec sa ligne d'en-tête, une facture \
                 UBL ou CII, un PDF Factur-X)"
            ));
            continue;
        }
        match fec::read_paced(&text, terms_days, &mut within).await {
            Ok(imported) => {
                let siren = creditor_siren(name);
                let mut dossiers = imported.dossiers;
                last_entries.extend(dossiers.iter().map(|_| imported.last_entry));
                for d in &mut dossiers {
                    d.creditor.identity.siren.clone_from(&siren);
                }
                all.extend(dossiers);
                said.extend(
                    imported
                        .left_out
                        .iter()
                        .map(|why| format!("{name} : {why}")),
                );
            }
            Err(errors) => said.push(format!("{name} : FEC refusé\n{}", errors.join("\n"))),
        }
    }
    let (einvoices, twice) = einvoice::read_twice(einvoices);
    said.extend(twice);
    said.extend(einvoice::penalty_notes(&einvoices));
    let joined = merge::fec_and_einvoices(all, &last_entries, einvoices, terms_days);
    said.extend(joined.said);
    let (dossiers, left_out) = einvoice::dossiers(joined.rest, terms_days);
    said.extend(left_out);
    let mut all = joined.dossiers;
    all.extend(dossiers);
    Read {
        dossiers: all,
        said,
    }
}

/// The reading of files `before` bytes into them all (`total`), while one of `size` bytes is
/// read: its progress, as a part of theirs.
struct Within<'p, P> {
    pace: &'p mut P,
    before: usize,
    size: usize,
    total: usize,
}

impl<P: Pace> Pace for Within<'_, P> {
    fn pause(&mut self, progress: Progress) -> impl std::future::Future<Output = ()> {
        self.pace.pause(match progress.stage {
            Stage::Reading => reading(self.before + progress.done.min(self.size), self.total),
            Stage::Sorting => progress,
        })
    }
}

fn reading(done: usize, total: usize) -> Progress {
    Progress {
        stage: Stage::Reading,
        done,
        total,
    }
}

/// What is said of a file above [`fec::MAX_FILE_BYTES`], refused unread.
pub fn too_large(name: &str, bytes: usize) -> String {
    format!(
        "{name} : fichier trop volumineux ({} Mo ; {} Mo au plus)",
        bytes.div_ceil(1024 * 1024),
        fec::MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// The SIREN an FEC's file name starts with (LPF A47 A-1: `SIRENFECAAAAMMJJ`), if valid; `path`
/// may name its directories too.
pub fn creditor_siren(path: &str) -> String {
    let file_name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match file_name.get(..12) {
        Some(head) if head.ends_with("FEC") || head.ends_with("fec") => head
            .get(..9)
            .and_then(|s| relance_engine::parse::siren(s).ok())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_fecs_name_gives_the_creditors_siren_when_valid() {
        assert_eq!(creditor_siren("732829320FEC20261231.txt"), "732829320");
        assert_eq!(
            creditor_siren("exports/2026/732829320fec20261231.txt"),
            "732829320"
        );
        assert_eq!(
            creditor_siren("C:\\exports\\732829320FEC20261231.txt"),
            "732829320"
        );
        // A SIREN whose check digit is wrong, or no FEC name at all: none.
        assert_eq!(creditor_siren("732829321FEC20261231.txt"), "");
        assert_eq!(creditor_siren("grand-livre.txt"), "");
    }

    #[test]
    fn a_file_neither_fec_nor_invoice_is_named_and_the_others_kept() {
        let files = [
            File {
                name: "notes.txt".into(),
                bytes: b"bonjour".to_vec(),
            },
            File {
                name: "vide.pdf".into(),
                bytes: b"%PDF-1.7\n%%EOF".to_vec(),
            },
        ];
        let read = read(&files, 30);
        assert!(read.dossiers.is_empty());
        assert_eq!(read.said.len(), 2);
        assert!(read.said[0].starts_with("notes.txt : format non reconnu"));
        assert!(read.said[1].starts_with("vide.pdf : "));
    }
}
