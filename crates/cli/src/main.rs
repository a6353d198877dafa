//! `relance`: the engine on the command line.
//!
//! `relance compute FILE [--as-of YYYY-MM-DD] [--format table|json|csv]` reads a dossier file
//! and prints its décompte; `relance letter FILE --kind relance|mise-en-demeure|echeancier
//! --format pdf|docx|txt -o OUT` writes the same letter as the web app; `relance strategy FILE
//! [--as-of YYYY-MM-DD] [--format table|json] [--path CODE]` compares the ways of chasing the
//! claim (engine `strategy`). Exit codes: 0 success, 2 bad input or bad arguments (with a French
//! message naming the field), 1 when the output cannot be written.

mod strategy;
mod table;

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use relance_engine::strategy::PathKind;
use relance_engine::{compute, parse, report, Computation, Dossier, RateTables};
use relance_letter::LetterKind;

const USAGE: &str = "\
Usage : relance compute FICHIER [--as-of AAAA-MM-JJ] [--format table|json|csv] [-o SORTIE]
        relance letter FICHIER --kind relance|mise-en-demeure|echeancier
                       [--format pdf|docx|txt] [-o SORTIE] [--as-of AAAA-MM-JJ]
        relance strategy FICHIER [--as-of AAAA-MM-JJ] [--format table|json] [--path VOIE]
                       [-o SORTIE]

compute  : ce que doit le débiteur d'un dossier (fichier JSON) : principal, pénalités ou
           intérêts de retard segment par segment, indemnités, total.
letter   : la lettre (relance amiable, mise en demeure, proposition d'échéancier) avec le
           décompte en annexe, datée du jour de calcul ; PDF et DOCX exigent -o.
strategy : les voies de recouvrement comparées (net espéré, chance d'être payé, délai, coût),
           leurs seuils de rentabilité, la sensibilité aux hypothèses et le calendrier de la
           meilleure voie. Aide à la décision, pas un conseil juridique. Les hypothèses se
           modifient dans la section « strategy » du dossier.

  --as-of    date de calcul et de la lettre (par défaut : celle du dossier, sinon aujourd'hui)
  --format   compute : table (défaut), json ou csv ; letter : pdf (défaut), docx ou txt ;
             strategy : table (défaut) ou json
  --kind     type de lettre
  --path     strategy : voie dont le calendrier est détaillé (par défaut la meilleure) :
             amiable, mise-en-demeure, injonction, mediation, mediation-conventionnelle,
             agence, pspc, incontestees, refere, fond
  -o         fichier de sortie (sinon la sortie standard, pour table, json, csv et txt)";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Table,
    Json,
    Csv,
    Pdf,
    Docx,
    Txt,
}

#[derive(Debug)]
struct Args {
    file: String,
    as_of: Option<NaiveDate>,
    format: Format,
    kind: Option<LetterKind>,
    output: Option<String>,
    /// `strategy --path`: the path whose timeline is shown.
    path: Option<PathKind>,
}

/// What `main` should do once the arguments are read.
enum Command {
    Compute(Args),
    Letter(Args),
    Strategy(Args),
    Help,
    Version,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(c) => c,
        Err(message) => return fail(&message),
    };
    let (output, file) = match command {
        Command::Help => (format!("{USAGE}\n"), None),
        Command::Version => (format!("relance {}\n", env!("CARGO_PKG_VERSION")), None),
        Command::Compute(args) => match run(&args) {
            Ok(text) => (text, args.output),
            Err(message) => return fail(&message),
        },
        Command::Strategy(args) => match strategy(&args) {
            Ok(text) => (text, args.output),
            Err(message) => return fail(&message),
        },
        Command::Letter(args) => match letter(&args) {
            Ok(bytes) => match args.output {
                Some(path) => {
                    if let Err(e) = std::fs::write(&path, &bytes) {
                        eprintln!("relance : {path} : écriture impossible ({})", io_reason(&e));
                        return ExitCode::from(1);
                    }
                    (String::new(), None)
                }
                None => (String::from_utf8_lossy(&bytes).into_owned(), None),
            },
            Err(message) => return fail(&message),
        },
    };
    if let Some(path) = file {
        if let Err(e) = std::fs::write(&path, output.as_bytes()) {
            eprintln!("relance : {path} : écriture impossible ({})", io_reason(&e));
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`relance compute f | head`) is not worth an error message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("relance : écriture impossible : {e}");
            ExitCode::from(1)
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("relance : {message}");
    ExitCode::from(2)
}

/// A French reason for the usual I/O failures; the system's own words otherwise.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".to_owned(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        std::io::ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        _ => e.to_string(),
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("compute" | "letter" | "strategy") => {}
        Some(other) => return Err(format!("commande inconnue « {other} »\n\n{USAGE}")),
    }
    let is_letter = args.first().map(String::as_str) == Some("letter");
    let is_strategy = args.first().map(String::as_str) == Some("strategy");
    let mut file = None;
    let mut as_of = None;
    let mut format = None;
    let mut kind = None;
    let mut output = None;
    let mut path = None;
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("{name} : valeur manquante"))
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--as-of" => {
                let raw = value("--as-of")?;
                let date = parse::date(&raw)
                    .map_err(|e| format!("--as-of : {}", relance_engine::fr::input_error(&e)))?;
                as_of = Some(date);
            }
            "--format" => {
                let raw = value("--format")?;
                format = Some(match (is_letter, is_strategy, raw.as_str()) {
                    (false, _, "table") => Format::Table,
                    (false, _, "json") => Format::Json,
                    (false, false, "csv") => Format::Csv,
                    (true, _, "pdf") => Format::Pdf,
                    (true, _, "docx") => Format::Docx,
                    (true, _, "txt") => Format::Txt,
                    (false, false, other) => {
                        return Err(format!(
                        "--format : valeur « {other} » non reconnue (attendu : table, json, csv)"
                    ))
                    }
                    (false, true, other) => {
                        return Err(format!(
                            "--format : valeur « {other} » non reconnue (attendu : table, json)"
                        ))
                    }
                    (true, _, other) => {
                        return Err(format!(
                            "--format : valeur « {other} » non reconnue (attendu : pdf, docx, txt)"
                        ))
                    }
                });
            }
            "--path" if is_strategy => {
                let raw = value("--path")?;
                path = Some(PathKind::from_code(&raw).ok_or_else(|| {
                    let codes: Vec<&str> = PathKind::ALL.iter().map(|p| p.code()).collect();
                    format!(
                        "--path : voie « {raw} » inconnue (attendu : {})",
                        codes.join(", ")
                    )
                })?);
            }
            "--kind" if is_letter => {
                let raw = value("--kind")?;
                kind = Some(LetterKind::from_code(&raw).ok_or_else(|| {
                    format!("--kind : valeur « {raw} » non reconnue (attendu : relance, mise-en-demeure, echeancier)")
                })?);
            }
            "-o" | "--output" => output = Some(value("-o")?),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("option inconnue « {flag} »"))
            }
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("argument en trop « {extra} »")),
        }
    }
    let file = file.ok_or_else(|| format!("fichier du dossier manquant\n\n{USAGE}"))?;
    if !is_letter {
        let args = Args {
            file,
            as_of,
            format: format.unwrap_or(Format::Table),
            kind: None,
            output,
            path,
        };
        return Ok(if is_strategy {
            Command::Strategy(args)
        } else {
            Command::Compute(args)
        });
    }
    let format = format.unwrap_or(Format::Pdf);
    if kind.is_none() {
        return Err("--kind manquant (relance, mise-en-demeure ou echeancier)".to_owned());
    }
    if output.is_none() && matches!(format, Format::Pdf | Format::Docx) {
        return Err("-o SORTIE est obligatoire pour un PDF ou un DOCX".to_owned());
    }
    Ok(Command::Letter(Args {
        file,
        as_of,
        format,
        kind,
        output,
        path: None,
    }))
}

/// Reads and checks the dossier file named in `args`, and the calculation date.
fn load(args: &Args) -> Result<(Dossier, NaiveDate), String> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| format!("{} : lecture impossible ({})", args.file, io_reason(&e)))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} : le fichier n'est pas un texte UTF-8 (enregistrez-le en UTF-8)",
            args.file
        )
    })?;
    let dossier = parse::dossier(&text).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("{} : dossier invalide\n{}", args.file, lines.join("\n"))
    })?;
    // The engine never reads the clock; the CLI supplies "today" when nothing else is given.
    let as_of = args
        .as_of
        .or(dossier.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Ok((dossier, as_of))
}

/// `relance letter`: the letter of the dossier, dated on the calculation date.
fn letter(args: &Args) -> Result<Vec<u8>, String> {
    let (dossier, date) = load(args)?;
    let kind = args.kind.unwrap_or(LetterKind::FormalNotice);
    let computation = compute(&dossier, date, &RateTables::builtin());
    let letter = relance_letter::draft(kind, &dossier, &computation, &dossier.letter, date);
    Ok(match args.format {
        Format::Docx => relance_letter::docx::render(&letter),
        Format::Txt => relance_letter::text::render(&letter).into_bytes(),
        _ => relance_letter::pdf::render(&letter),
    })
}

fn run(args: &Args) -> Result<String, String> {
    let (dossier, as_of) = load(args)?;
    let computation: Computation = compute(&dossier, as_of, &RateTables::builtin());
    Ok(match args.format {
        Format::Table => table::render(&dossier, &computation),
        Format::Json => format!("{}\n", report::to_json(&computation)),
        _ => report::to_csv(&computation),
    })
}

/// `relance strategy`: the recovery paths of the dossier, compared on the calculation date.
fn strategy(args: &Args) -> Result<String, String> {
    let (dossier, today) = load(args)?;
    let computation = compute(&dossier, today, &RateTables::builtin());
    let analysis =
        relance_engine::strategy::analyse(&dossier, &computation, &dossier.strategy, today);
    // The timeline of the path asked for, else of the best open path.
    let path = args.path.or_else(|| analysis.best().map(|p| p.path));
    let timeline = path
        .map(|p| {
            relance_engine::strategy::timeline(
                p,
                &dossier,
                &computation,
                &analysis.assumptions,
                today,
            )
        })
        .unwrap_or_default();
    Ok(match args.format {
        Format::Json => format!(
            "{}\n",
            relance_engine::strategy::report::to_json(&analysis, path, &timeline)
        ),
        _ => strategy::render(&dossier, &analysis, path, &timeline),
    })
}
