//! `relance import`: accounting exports in, one dossier per debtor out, and the portfolio.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use relance_engine::dossier::{DebtorKind, Dossier};
use relance_engine::fr;
use relance_engine::json_text;
use relance_engine::RateTables;
use relance_import::portfolio::{self, Row};
use relance_import::{fec, files};

use crate::args::{Import, ImportFormat};

/// The dossiers of every file (`relance_import::files`), with the calculation date and the
/// debtors' kind asked for; a file that cannot be read is named in the second list.
fn read(args: &Import) -> (Vec<Dossier>, Vec<String>) {
    let mut refused = Vec::new();
    let mut files = Vec::new();
    for file in &args.files {
        let name = file.display();
        // Refused from its size, unread.
        if let Ok(meta) = std::fs::metadata(file) {
            if meta.len() > fec::MAX_FILE_BYTES as u64 {
                let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
                refused.push(files::too_large(&name.to_string(), bytes));
                continue;
            }
        }
        match std::fs::read(file) {
            Ok(bytes) => files.push(files::File {
                name: name.to_string(),
                bytes,
            }),
            Err(e) => refused.push(format!(
                "{name} : lecture impossible ({})",
                crate::io::reason(&e)
            )),
        }
    }
    let read = files::read(&files, args.terms);
    refused.extend(read.said);
    let mut all = read.dossiers;
    for d in &mut all {
        d.as_of = args.as_of;
        d.debtor.kind = args.debtor;
    }
    (all, refused)
}

/// Runs `relance import`: the text to print (empty when the dossiers went to a directory).
pub fn run(args: &Import) -> Result<String, String> {
    let (dossiers, refused) = read(args);
    if dossiers.is_empty() && !refused.is_empty() {
        return Err(refused.join("\n"));
    }
    // Said beside the result: the files left out.
    for why in &refused {
        eprintln!("relance : attention : {why}");
    }
    // The engine never reads the clock; the CLI supplies "today" when nothing else is given.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let rows = portfolio::rows(&dossiers, as_of, &RateTables::builtin());
    let owing = || rows.iter().filter_map(|r| dossiers.get(r.dossier));
    if let Some(dir) = &args.output {
        return write_all(dir, owing());
    }
    Ok(match args.format {
        ImportFormat::Csv => portfolio::to_csv(&rows, as_of),
        ImportFormat::Json => {
            let list = owing().map(Dossier::to_value).collect();
            let mut root = serde_json::Map::new();
            root.insert("dossiers".to_owned(), serde_json::Value::Array(list));
            format!("{}\n", json_text::pretty(&serde_json::Value::Object(root)))
        }
        ImportFormat::Table => table(&rows, as_of, args.debtor),
    })
}

/// One file per debtor in `dir`, named after it; says how many were written.
fn write_all<'a>(
    dir: &Path,
    dossiers: impl Iterator<Item = &'a Dossier>,
) -> Result<String, String> {
    let shown = dir.display();
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{shown} : création impossible ({})", crate::io::reason(&e)))?;
    let mut names: Vec<String> = Vec::new();
    for d in dossiers {
        let base = slug(&d.debtor.identity.name);
        let mut name = format!("{base}.json");
        let mut k = 2;
        while names.contains(&name) {
            name = format!("{base}-{k}.json");
            k += 1;
        }
        let path = dir.join(&name);
        // Never over a file already there: it may be a dossier the user has completed.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, d.to_json().as_bytes()));
        written.map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} : existe déjà, non remplacé (choisissez un autre dossier de sortie)",
                path.display()
            ),
            _ => format!(
                "{} : écriture impossible ({})",
                path.display(),
                crate::io::reason(&e)
            ),
        })?;
        names.push(name);
    }
    Ok(format!(
        "{} dossier(s) écrit(s) dans {shown}\n",
        names.len()
    ))
}

/// A file name from a debtor's name: letters and digits, the rest as `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "debiteur".to_owned()
    } else {
        format!("dossier-{out}")
    }
}

/// The portfolio as aligned French text, the largest total first.
fn table(rows: &[Row], as_of: NaiveDate, debtor: DebtorKind) -> String {
    let mut out = String::new();
    let total: rust_decimal::Decimal = rows.iter().map(|r| r.total).sum();
    let _ = writeln!(
        out,
        "Portefeuille au {} : {} débiteur(s), {} au total",
        fr::date(as_of),
        rows.len(),
        fr::amount(total)
    );
    if rows.is_empty() {
        let _ = writeln!(out, "Aucun client ne doit quelque chose à cette date.");
        return out;
    }
    let (who, interest) = match debtor {
        DebtorKind::Professional => ("professionnels (--debtor pour changer)", "les pénalités"),
        DebtorKind::Consumer => ("des particuliers", "les intérêts"),
        DebtorKind::Public => ("des acheteurs publics", "les intérêts moratoires"),
    };
    let _ = writeln!(
        out,
        "Débiteurs : {who} ; principal restant dû après imputation des paiements d'abord sur \
         {interest} (C. civ. 1343-1)."
    );
    let _ = writeln!(
        out,
        "\n{:<32} {:>15} {:>14} {:>11} {:>15}  {:<10}  Prescription",
        "Débiteur", "Principal", "Pénalités", "Indemnités", "Total", "Échéance"
    );
    for r in rows {
        let prescription = r.prescription_label();
        let name: String = r.debtor.chars().take(32).collect();
        let _ = writeln!(
            out,
            "{name:<32} {:>15} {:>14} {:>11} {:>15}  {:<10}  {prescription}",
            fr::amount(r.principal),
            fr::amount(r.interest),
            fr::amount(r.indemnities),
            fr::amount(r.total),
            r.oldest_due.map(fr::date).unwrap_or_default(),
        );
    }
    out
}
