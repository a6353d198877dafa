//! `relance`: the engine on the command line.
//!
//! `relance compute FILE [--as-of YYYY-MM-DD] [--format table|json|csv]` reads a dossier file
//! and prints its décompte; `relance letter FILE --kind relance|mise-en-demeure|echeancier
//! --format pdf|docx|txt -o OUT` writes the same letter as the web app; `relance strategy FILE
//! [--as-of YYYY-MM-DD] [--format table|json] [--path CODE]` compares the ways of chasing the
//! claim (engine `strategy`). Exit codes: 0 success, 2 bad input or bad arguments (with a French
//! message naming the field), 1 when the output cannot be written.

mod args;
mod court;
mod import;
mod io;
mod strategy;
mod table;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use relance_engine::{compute, parse, report, Dossier, RateTables};

use args::{Command, ComputeFormat, LetterFormat, StrategyFormat, USAGE};

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
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
        Command::Import(args) => match import::run(&args) {
            Ok(text) => (text, None),
            Err(message) => return fail(&message),
        },
        Command::Letter(args) => match letter(&args) {
            Ok(bytes) => match args.output {
                Some(path) => {
                    if let Err(e) = std::fs::write(&path, &bytes) {
                        eprintln!(
                            "relance : {} : écriture impossible ({})",
                            path.display(),
                            io::reason(&e)
                        );
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
            eprintln!(
                "relance : {} : écriture impossible ({})",
                path.display(),
                io::reason(&e)
            );
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

/// Reads and checks the dossier file, and the calculation date: `as_of`, else the file's, else
/// today.
fn load(file: &Path, as_of: Option<NaiveDate>) -> Result<(Dossier, NaiveDate), String> {
    let name = file.display();
    let bytes = std::fs::read(file)
        .map_err(|e| format!("{name} : lecture impossible ({})", io::reason(&e)))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("{name} : le fichier n'est pas un texte UTF-8 (enregistrez-le en UTF-8)")
    })?;
    let dossier = parse::dossier(&text).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("{name} : dossier invalide\n{}", lines.join("\n"))
    })?;
    // The engine never reads the clock; the CLI supplies "today" when nothing else is given.
    let as_of = as_of
        .or(dossier.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let late = dossier
        .options
        .capitalisation_from
        .and_then(|from| parse::capitalisation_after(from, as_of));
    if let Some(kind) = late {
        let path = "options.capitalisation_from".to_owned();
        let error = relance_engine::InputError { path, kind };
        return Err(format!("{name} : dossier invalide\n{error}"));
    }
    Ok((dossier, as_of))
}

/// Why no other letter, nor Stratégie, after a judgment (issue 13).
const AFTER_JUDGMENT: &str = "après un jugement, seule la demande d'exécution (--kind execution-jugement) ; « relance strategy » compare les voies d'exécution ; « relance compute » donne ce qui est dû";

/// `relance letter`: the letter of the dossier, dated on the calculation date.
fn letter(args: &args::Letter) -> Result<Vec<u8>, String> {
    let (dossier, date) = load(&args.file, args.as_of)?;
    if let Some(document) = court::document(args, &dossier, date) {
        return document.map(|d| render(&d, args.format));
    }
    let computation = compute(&dossier, date, &RateTables::builtin());
    // A public buyer gets the request for payment (--kind mise-en-demeure), nothing else.
    if computation.regime == relance_engine::Regime::Public
        && args.kind != relance_letter::LetterKind::FormalNotice
    {
        return Err(format!(
            "{} : pour un acheteur public, la demande de paiement des intérêts moratoires et de l'indemnité : --kind mise-en-demeure",
            args.file.display()
        ));
    }
    let execution = args.kind == relance_letter::LetterKind::JudgmentExecution;
    match (&dossier.judgment, execution) {
        (Some(_), false) => return Err(format!("{} : {AFTER_JUDGMENT}", args.file.display())),
        (None, true) => {
            return Err(format!(
                "{} : pas de décision dans ce dossier (section « judgment ») : la demande d'exécution part d'un jugement ou d'une ordonnance exécutoire",
                args.file.display()
            ))
        }
        (Some(j), true) if j.served.is_none() => eprintln!(
            "relance : à savoir : la décision n'est pas signifiée : faites-la signifier par un commissaire de justice avant toute exécution forcée ; la majoration de cinq points ne court qu'à partir de deux mois après la signification (C. mon. fin. L313-3)."
        ),
        _ => {}
    }
    if execution {
        // What the account leaves to the decision, or counts from elsewhere, said beside it.
        for notice in &computation.notices {
            let said = matches!(
                notice,
                relance_engine::Notice::PaymentsBeforeJudgment { .. }
                    | relance_engine::Notice::CapitalisationConsumer
                    | relance_engine::Notice::IncreaseSoon { .. }
                    | relance_engine::Notice::JudgmentEnforcement { .. }
                    | relance_engine::Notice::JudgmentOldInterest { .. }
            );
            if said {
                eprintln!(
                    "relance : à savoir : {}",
                    relance_engine::fr::notice(notice)
                );
            }
        }
        if dossier.options.capitalisation_from.is_some() {
            eprintln!("relance : à savoir : la capitalisation des intérêts n'est due que si la décision ou le contrat la prévoit (C. civ. 1343-2).");
        }
    }
    let blanks = relance_engine::letter_blanks::before_letter(&dossier, &computation);
    if !args.draft && !blanks.is_empty() {
        return Err(format!(
            "{} : {} (ou --brouillon pour un brouillon)",
            args.file.display(),
            relance_engine::letter_blanks::message(&blanks)
        ));
    }
    // Said beside the letter, never in it: prescription, a plan ending after the last day.
    for note in
        relance_letter::before_sending(args.kind, &dossier, &computation, &dossier.letter, date)
    {
        eprintln!("relance : attention : {note}");
    }
    let letter = relance_letter::draft(args.kind, &dossier, &computation, &dossier.letter, date);
    Ok(render(&letter, args.format))
}

/// A drafted letter in the format asked.
fn render(letter: &relance_letter::Letter, format: LetterFormat) -> Vec<u8> {
    match format {
        LetterFormat::Docx => relance_letter::docx::render(letter),
        LetterFormat::Txt => relance_letter::text::render(letter).into_bytes(),
        LetterFormat::Pdf => relance_letter::pdf::render(letter),
    }
}

/// `relance compute`: the décompte of the dossier.
fn run(args: &args::Compute) -> Result<String, String> {
    let (dossier, as_of) = load(&args.file, args.as_of)?;
    let computation = compute(&dossier, as_of, &RateTables::builtin());
    Ok(match args.format {
        ComputeFormat::Table => table::render(&dossier, &computation),
        ComputeFormat::Json => format!("{}\n", report::to_json(&computation)),
        ComputeFormat::Csv => report::to_csv(&dossier, &computation),
    })
}

/// `relance strategy`: the recovery paths of the dossier, compared on the calculation date.
fn strategy(args: &args::Strategy) -> Result<String, String> {
    let (dossier, today) = load(&args.file, args.as_of)?;
    let computation = compute(&dossier, today, &RateTables::builtin());
    // The engine's own reading of the debtor's regime and of a decision in hand.
    let setting = relance_engine::strategy::Setting::from(
        relance_engine::strategy::Claim::from_computation(&computation),
    );
    // A public person's property cannot be seized (CGPPP L2311-1): its debt under a decision
    // is paid through the accountant or the prefect (loi n° 80-539, art. 1).
    if setting.judged && setting.regime == relance_engine::Regime::Public {
        return Err(format!(
            "{} : après une décision contre un acheteur public, ses biens ne peuvent être saisis : la somme fixée par une décision passée en force de chose jugée se paie dans les deux mois de sa notification ; sinon, à votre demande, le comptable public paie (État), ou le représentant de l'État ou l'autorité de tutelle la mandate d'office (collectivité, établissement public), décision revêtue de la formule exécutoire à l'appui (loi n° 80-539, art. 1)",
            args.file.display()
        ));
    }
    // A path that does not exist against this debtor (an injonction de payer against a public
    // buyer, the tribunal administratif against a company, a court after a decision).
    if let Some(path) = args.path.filter(|p| !p.open_to(setting)) {
        let open: Vec<&str> = relance_engine::strategy::PathKind::ALL
            .iter()
            .filter(|p| p.open_to(setting))
            .map(|p| p.code())
            .collect();
        return Err(format!(
            "--path : la voie « {} » n'existe pas contre ce débiteur (possibles : {})",
            path.code(),
            open.join(", ")
        ));
    }
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
        StrategyFormat::Json => format!(
            "{}\n",
            relance_engine::strategy::report::to_json(&analysis, path, &timeline)
        ),
        StrategyFormat::Table => strategy::render(&dossier, &analysis, path, &timeline),
    })
}
