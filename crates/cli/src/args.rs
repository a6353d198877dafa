//! The command line, read as OS strings (a file name need not be UTF-8) with `lexopt`: one
//! struct per command, every mistake a French message (exit 2), never a panic.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use lexopt::prelude::*;
use lexopt::Parser;
use relance_engine::dossier::DebtorKind;
use relance_engine::strategy::PathKind;
use relance_letter::LetterKind;

pub const USAGE: &str = "\
Usage : relance compute FICHIER [--as-of AAAA-MM-JJ] [--format table|json|csv] [-o SORTIE]
        relance letter FICHIER --kind relance|mise-en-demeure|echeancier|requete-injonction
                       |bordereau|declaration-creance|guide-cerfa|execution-jugement
                       [--format pdf|docx|txt] [-o SORTIE] [--as-of AAAA-MM-JJ]
                       [--brouillon]
        relance strategy FICHIER [--as-of AAAA-MM-JJ] [--format table|json] [--path VOIE]
                       [-o SORTIE]
        relance import FICHIER... [--terms JOURS] [--debtor professional|consumer|public]
                       [--as-of AAAA-MM-JJ] [--format table|json|csv] [-o DOSSIER]

compute  : ce que doit le débiteur d'un dossier (fichier JSON) : principal, pénalités ou
           intérêts de retard segment par segment, indemnités, total.
letter   : la lettre (relance amiable, mise en demeure, proposition d'échéancier) avec le
           décompte en annexe, datée du jour de calcul ; PDF et DOCX exigent -o. Noms et
           adresses des deux parties et signataire sont exigés, sauf avec --brouillon.
           requete-injonction : la requête en injonction de payer sur papier libre, avec son
           bordereau de pièces et le décompte ; guide-cerfa : la valeur de chaque rubrique du
           Cerfa 12946 ou 12948 ; bordereau : le bordereau de pièces seul ;
           declaration-creance : la déclaration de créance au mandataire ou au liquidateur,
           arrêtée au jugement d'ouverture ; execution-jugement : la demande de payer ce
           qu'une décision a alloué (section « judgment »), avant l'exécution forcée.
strategy : les voies de recouvrement comparées (net espéré, chance d'être payé, délai, coût),
           leurs seuils de rentabilité, la sensibilité aux hypothèses et le calendrier de la
           meilleure voie. Aide à la décision, pas un conseil juridique. Les hypothèses se
           modifient dans la section « strategy » du dossier.
import   : un dossier par client débiteur, lu dans un FEC (fichier des écritures comptables,
           comptes 411 : factures, paiements, avoirs et lettrage) ou dans des factures
           électroniques (PDF Factur-X, UBL, CII) ; les clients qui ne doivent rien sont
           écartés. table : le portefeuille ; csv : le portefeuille pour un tableur ;
           json : {\"dossiers\": [...]} ; -o DOSSIER : un
           fichier par débiteur (jamais par-dessus un fichier existant).

  --as-of    date de calcul et de la lettre (par défaut : celle du dossier, sinon aujourd'hui)
  --format   compute : table (défaut), json ou csv ; letter : pdf (défaut), docx ou txt ;
             strategy : table (défaut) ou json
  --kind     type de lettre
  --brouillon  letter : produit la lettre même s'il manque un nom, une adresse ou le signataire
  --terms    import : délai de paiement en jours, de la date de facture à l'échéance
             (défaut 30, C. com. L441-10 ; échéance « supposée »)
  --debtor   import : ce que sont les débiteurs (professional par défaut ; consumer : des
             particuliers ; public : des acheteurs publics)
  --path     strategy : voie dont le calendrier est détaillé (par défaut la meilleure) :
             amiable, mise-en-demeure, injonction, mediation, mediation-conventionnelle,
             agence, pspc, incontestees, refere, fond, abandon ; acheteur public :
             demande-paiement, mediation-publique, refere-ta, fond-ta, mandatement ; après
             un jugement : demande-execution, saisie-attribution, saisie-vente
  -o         fichier de sortie (sinon la sortie standard, pour table, json, csv et txt) ;
             import : le dossier où écrire un fichier par débiteur";

/// What `main` should do.
#[derive(Debug)]
pub enum Command {
    Compute(Compute),
    Letter(Letter),
    Strategy(Strategy),
    Import(Import),
    Help,
    Version,
}

/// `relance compute`.
#[derive(Debug)]
pub struct Compute {
    pub file: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub format: ComputeFormat,
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComputeFormat {
    Table,
    Json,
    Csv,
}

/// `relance letter`.
#[derive(Debug)]
pub struct Letter {
    pub file: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub kind: LetterKind,
    pub format: LetterFormat,
    pub output: Option<PathBuf>,
    /// `--brouillon`: a draft, blanks allowed.
    pub draft: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterFormat {
    Pdf,
    Docx,
    Txt,
}

/// `relance import`.
#[derive(Debug)]
pub struct Import {
    pub files: Vec<PathBuf>,
    pub terms: u32,
    /// What the debtors are: an export does not say (professionals by default).
    pub debtor: DebtorKind,
    pub as_of: Option<NaiveDate>,
    pub format: ImportFormat,
    /// A directory: one dossier file per debtor.
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Table,
    Json,
    Csv,
}

/// `relance strategy`.
#[derive(Debug)]
pub struct Strategy {
    pub file: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub format: StrategyFormat,
    /// The path whose timeline is shown (else the best one).
    pub path: Option<PathKind>,
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyFormat {
    Table,
    Json,
}

/// Reads the arguments after the program name. `Err` is the French message of a usage error.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut p = Parser::from_args(args);
    let command = match p.next().map_err(french)? {
        None => return Err(format!("commande manquante\n\n{USAGE}")),
        Some(Short('h') | Long("help")) => {
            return no_value(&mut p, "--help").map(|()| Command::Help)
        }
        Some(Short('V') | Long("version")) => {
            return no_value(&mut p, "--version").map(|()| Command::Version)
        }
        Some(Value(v)) if v == "help" => return Ok(Command::Help),
        Some(Value(v)) => v,
        Some(other) => return Err(french(other.unexpected())),
    };
    match command.to_str() {
        Some("compute") => compute(&mut p),
        Some("letter") => letter(&mut p),
        Some("strategy") => strategy(&mut p),
        Some("import") => import(&mut p),
        _ => Err(format!(
            "commande inconnue « {} »\n\n{USAGE}",
            command.to_string_lossy()
        )),
    }
}

/// What every command shares: the dossier file, `--as-of`, `-o` and the raw `--format`.
#[derive(Default)]
struct Common {
    file: Option<PathBuf>,
    as_of: Option<NaiveDate>,
    format: Option<String>,
    output: Option<PathBuf>,
}

impl Common {
    /// Takes `arg` if it is one of the shared arguments; `Ok(false)` if it is not.
    fn take(&mut self, arg: &Arg, p: &mut Parser) -> Result<bool, String> {
        match arg {
            Arg::Long(l) if l == "as-of" => {
                let raw = text(p, "--as-of")?;
                let date = relance_engine::parse::date(&raw)
                    .map_err(|e| format!("--as-of : {}", relance_engine::fr::input_error(&e)))?;
                self.as_of = Some(date);
            }
            Arg::Long(l) if l == "format" => self.format = Some(text(p, "--format")?),
            Arg::Short('o') => self.output = Some(p.value().map_err(french)?.into()),
            Arg::Long(l) if l == "output" => self.output = Some(p.value().map_err(french)?.into()),
            Arg::Value(v) if self.file.is_none() => self.file = Some(v.into()),
            Arg::Value(v) => return Err(format!("argument en trop « {} »", v.to_string_lossy())),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn file(&mut self) -> Result<PathBuf, String> {
        self.file
            .take()
            .ok_or_else(|| format!("fichier du dossier manquant\n\n{USAGE}"))
    }
}

/// One argument, no longer borrowing the parser.
#[derive(Debug, PartialEq, Eq)]
enum Arg {
    Short(char),
    Long(String),
    Value(OsString),
}

impl Arg {
    fn own(arg: lexopt::Arg) -> Arg {
        match arg {
            Short(c) => Arg::Short(c),
            Long(l) => Arg::Long(l.to_owned()),
            Value(v) => Arg::Value(v),
        }
    }

    fn is_long(&self, name: &str) -> bool {
        matches!(self, Arg::Long(l) if l == name)
    }

    fn unknown(self) -> String {
        match self {
            Arg::Short(c) => format!("option inconnue « -{c} »"),
            Arg::Long(l) => format!("option inconnue « --{l} »"),
            Arg::Value(v) => format!("argument en trop « {} »", v.to_string_lossy()),
        }
    }
}

/// Reads every argument of a command: `own` takes the command's own options (`Ok(false)` for
/// one it does not know); `Ok(None)` means help was asked.
fn read(
    p: &mut Parser,
    common: &mut Common,
    mut own: impl FnMut(&Arg, &mut Parser) -> Result<bool, String>,
) -> Result<Option<()>, String> {
    while let Some(arg) = p.next().map_err(french)?.map(Arg::own) {
        if matches!(arg, Arg::Short('h')) || arg.is_long("help") {
            no_value(p, "--help")?;
            return Ok(None);
        }
        if !common.take(&arg, p)? && !own(&arg, p)? {
            return Err(arg.unknown());
        }
    }
    Ok(Some(()))
}

fn compute(p: &mut Parser) -> Result<Command, String> {
    let mut c = Common::default();
    if read(p, &mut c, |_, _| Ok(false))?.is_none() {
        return Ok(Command::Help);
    }
    let format = match c.format.as_deref() {
        None | Some("table") => ComputeFormat::Table,
        Some("json") => ComputeFormat::Json,
        Some("csv") => ComputeFormat::Csv,
        Some(other) => return Err(unknown_format(other, "table, json, csv")),
    };
    Ok(Command::Compute(Compute {
        file: c.file()?,
        as_of: c.as_of,
        format,
        output: c.output,
    }))
}

fn letter(p: &mut Parser) -> Result<Command, String> {
    let mut c = Common::default();
    let mut kind = None;
    let mut draft = false;
    let asked = read(p, &mut c, |arg, p| {
        if arg.is_long("brouillon") {
            no_value(p, "--brouillon")?;
            draft = true;
            return Ok(true);
        }
        if !arg.is_long("kind") {
            return Ok(false);
        }
        let raw = text(p, "--kind")?;
        kind = Some(LetterKind::from_code(&raw).ok_or_else(|| {
            format!(
                "--kind : valeur « {raw} » non reconnue (attendu : relance, mise-en-demeure, \
                 echeancier, requete-injonction, bordereau, declaration-creance, guide-cerfa, \
                 execution-jugement)"
            )
        })?);
        Ok(true)
    })?;
    if asked.is_none() {
        return Ok(Command::Help);
    }
    let format = match c.format.as_deref() {
        None | Some("pdf") => LetterFormat::Pdf,
        Some("docx") => LetterFormat::Docx,
        Some("txt") => LetterFormat::Txt,
        Some(other) => return Err(unknown_format(other, "pdf, docx, txt")),
    };
    let file = c.file()?;
    let kind = kind.ok_or(
        "--kind manquant (relance, mise-en-demeure, echeancier, requete-injonction, bordereau, \
         declaration-creance, guide-cerfa ou execution-jugement)",
    )?;
    if c.output.is_none() && format != LetterFormat::Txt {
        return Err("-o SORTIE est obligatoire pour un PDF ou un DOCX".to_owned());
    }
    Ok(Command::Letter(Letter {
        file,
        as_of: c.as_of,
        kind,
        format,
        output: c.output,
        draft,
    }))
}

fn strategy(p: &mut Parser) -> Result<Command, String> {
    let mut c = Common::default();
    let mut path = None;
    let asked = read(p, &mut c, |arg, p| {
        if !arg.is_long("path") {
            return Ok(false);
        }
        let raw = text(p, "--path")?;
        path = Some(PathKind::from_code(&raw).ok_or_else(|| {
            let codes: Vec<&str> = PathKind::ALL.iter().map(|p| p.code()).collect();
            format!(
                "--path : voie « {raw} » inconnue (attendu : {})",
                codes.join(", ")
            )
        })?);
        Ok(true)
    })?;
    if asked.is_none() {
        return Ok(Command::Help);
    }
    let format = match c.format.as_deref() {
        None | Some("table") => StrategyFormat::Table,
        Some("json") => StrategyFormat::Json,
        Some(other) => return Err(unknown_format(other, "table, json")),
    };
    Ok(Command::Strategy(Strategy {
        file: c.file()?,
        as_of: c.as_of,
        format,
        path,
        output: c.output,
    }))
}

fn import(p: &mut Parser) -> Result<Command, String> {
    let mut c = Common::default();
    let mut files = Vec::new();
    let mut terms = relance_import::fec::DEFAULT_TERMS_DAYS;
    let mut debtor = DebtorKind::Professional;
    while let Some(arg) = p.next().map_err(french)?.map(Arg::own) {
        if matches!(arg, Arg::Short('h')) || arg.is_long("help") {
            no_value(p, "--help")?;
            return Ok(Command::Help);
        }
        match arg {
            Arg::Value(v) => files.push(v.into()),
            Arg::Long(l) if l == "debtor" => {
                let raw = text(p, "--debtor")?;
                debtor = DebtorKind::from_code(&raw).ok_or_else(|| {
                    format!(
                        "--debtor : valeur « {raw} » non reconnue (attendu : professional, \
                         consumer, public)"
                    )
                })?;
            }
            Arg::Long(l) if l == "terms" => {
                let raw = text(p, "--terms")?;
                terms = raw
                    .trim()
                    .parse()
                    .ok()
                    .filter(|d| (1..=365).contains(d))
                    .ok_or_else(|| {
                        format!("--terms : « {raw} » n'est pas un nombre de jours entre 1 et 365")
                    })?;
            }
            other => {
                if !c.take(&other, p)? {
                    return Err(other.unknown());
                }
            }
        }
    }
    if files.is_empty() {
        return Err(format!("fichier à importer manquant\n\n{USAGE}"));
    }
    let format = match c.format.as_deref() {
        None | Some("table") => ImportFormat::Table,
        Some("json") => ImportFormat::Json,
        Some("csv") => ImportFormat::Csv,
        Some(other) => return Err(unknown_format(other, "table, json, csv")),
    };
    Ok(Command::Import(Import {
        files,
        terms,
        debtor,
        as_of: c.as_of,
        format,
        output: c.output,
    }))
}

fn unknown_format(value: &str, expected: &str) -> String {
    format!("--format : valeur « {value} » non reconnue (attendu : {expected})")
}

/// Refuses a value given to a flag with `=` (`--help=yes`).
fn no_value(p: &mut Parser, name: &str) -> Result<(), String> {
    match p.optional_value() {
        Some(v) => Err(format!(
            "{name} : n'attend pas de valeur (« {} »)",
            v.to_string_lossy()
        )),
        None => Ok(()),
    }
}

/// The value of option `name`, which must be text.
fn text(p: &mut Parser, name: &str) -> Result<String, String> {
    p.value().map_err(french)?.into_string().map_err(|raw| {
        format!(
            "{name} : valeur illisible « {} » (caractères hors UTF-8)",
            raw.to_string_lossy()
        )
    })
}

/// lexopt's errors, in French.
fn french(e: lexopt::Error) -> String {
    use lexopt::Error as E;
    match e {
        E::MissingValue { option: Some(o) } => format!("{o} : valeur manquante"),
        E::MissingValue { option: None } => "valeur manquante".to_owned(),
        E::UnexpectedOption(o) => format!("option inconnue « {o} »"),
        E::UnexpectedArgument(v) => format!("argument en trop « {} »", v.to_string_lossy()),
        E::UnexpectedValue { option, value } => format!(
            "{option} : n'attend pas de valeur (« {} »)",
            value.to_string_lossy()
        ),
        E::NonUnicodeValue(v) => format!(
            "valeur illisible « {} » (caractères hors UTF-8)",
            v.to_string_lossy()
        ),
        other => other.to_string(),
    }
}
