//! End-to-end tests of the `relance` binary: the seed dossier in the three formats, the
//! `--as-of` override, and bad input (exit code 2 with a French message naming the field,
//! never a panic).

use std::path::PathBuf;
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../engine/tests/golden/seed.json"
);

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

/// A finished run of the binary, with its output decoded.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn relance(args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_relance"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .output()
        .expect("the relance binary runs");
    let run = Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "relance {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// Runs and expects success with nothing on stderr.
fn ok(args: &[&str]) -> String {
    let run = relance(args);
    assert_eq!(
        run.code,
        Some(0),
        "relance {args:?} failed:\n{}",
        run.stderr
    );
    assert_eq!(run.stderr, "", "relance {args:?} wrote to stderr");
    run.stdout
}

/// The seed's invoice of 4 March 2022 on 22 November 2026: said beside every letter.
const SOON: &str = "relance : attention : La facture F-2022-031 sera prescrite après le 04/03/2027, dernier jour pour agir en justice : cette lettre, même recommandée, n'interrompt pas la prescription.\n";

/// Runs a `letter` command of the seed dossier on its date: exit 0, and on stderr only what the
/// sender should know before sending it (its coming prescription).
fn letter_ok(args: &[&str]) -> String {
    let run = relance(args);
    assert_eq!(
        run.code,
        Some(0),
        "relance {args:?} failed:\n{}",
        run.stderr
    );
    assert_eq!(run.stderr, SOON, "relance {args:?}");
    run.stdout
}

/// Runs and expects exit code 2 with `message` on stderr and nothing on stdout.
fn refused(args: &[&str], message: &str) -> String {
    let run = relance(args);
    assert_eq!(
        run.code,
        Some(2),
        "relance {args:?}: stdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stderr.contains(message),
        "relance {args:?}: stderr lacks {message:?}:\n{}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "relance {args:?} wrote to stdout");
    run.stderr
}

/// Table lines of the décompte that are interest segments (`  04/04/2022  30/06/2022  88 …`).
fn segment_lines(table: &str) -> Vec<&str> {
    let is_date = |s: &str| {
        let b = s.as_bytes();
        b.len() == 10
            && b[2] == b'/'
            && b[5] == b'/'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
    };
    table
        .lines()
        .filter(|line| {
            let mut words = line.split_whitespace();
            matches!((words.next(), words.next()), (Some(a), Some(b)) if is_date(a) && is_date(b))
        })
        .collect()
}

// --- A tiny JSON reader, enough to check the `--format json` output without a dependency. ----

#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn parse(text: &str) -> Result<Json, String> {
        let mut p = JsonParser {
            chars: text.chars().collect(),
            at: 0,
        };
        let value = p.value()?;
        p.blanks();
        if p.at != p.chars.len() {
            return Err(format!("trailing text at {}", p.at));
        }
        Ok(value)
    }

    /// The value at a `/`-separated path of keys and array indexes.
    fn at(&self, path: &str) -> Option<&Json> {
        path.split('/').try_fold(self, |v, step| match v {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == step).map(|(_, v)| v),
            Json::Array(items) => items.get(step.parse::<usize>().ok()?),
            _ => None,
        })
    }

    fn str_at(&self, path: &str) -> Option<&str> {
        match self.at(path)? {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    fn len_at(&self, path: &str) -> Option<usize> {
        match self.at(path)? {
            Json::Array(items) => Some(items.len()),
            _ => None,
        }
    }
}

struct JsonParser {
    chars: Vec<char>,
    at: usize,
}

impl JsonParser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Result<char, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.at += 1;
        Ok(c)
    }

    fn blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\n' | '\r' | '\t')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &str) -> Result<(), String> {
        for want in word.chars() {
            if self.next()? != want {
                return Err(format!("expected {word:?} at {}", self.at));
            }
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Json, String> {
        self.blanks();
        match self.peek().ok_or("unexpected end")? {
            'n' => self.expect("null").map(|()| Json::Null),
            't' => self.expect("true").map(|()| Json::Bool(true)),
            'f' => self.expect("false").map(|()| Json::Bool(false)),
            '"' => self.string().map(Json::String),
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.blanks();
                if self.peek() == Some(']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    self.blanks();
                    match self.next()? {
                        ',' => {}
                        ']' => return Ok(Json::Array(items)),
                        c => return Err(format!("unexpected {c:?} in array")),
                    }
                }
            }
            '{' => {
                self.at += 1;
                let mut fields = Vec::new();
                self.blanks();
                if self.peek() == Some('}') {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                loop {
                    self.blanks();
                    let key = self.string()?;
                    self.blanks();
                    self.expect(":")?;
                    fields.push((key, self.value()?));
                    self.blanks();
                    match self.next()? {
                        ',' => {}
                        '}' => return Ok(Json::Object(fields)),
                        c => return Err(format!("unexpected {c:?} in object")),
                    }
                }
            }
            c if c == '-' || c.is_ascii_digit() => {
                let start = self.at;
                while matches!(self.peek(), Some(c) if c.is_ascii_digit() || "+-.eE".contains(c)) {
                    self.at += 1;
                }
                Ok(Json::Number(self.chars[start..self.at].iter().collect()))
            }
            c => Err(format!("unexpected {c:?} at {}", self.at)),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            match self.next()? {
                '"' => return Ok(out),
                '\\' => match self.next()? {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let mut code = self.hex4()?;
                        if (0xD800..0xDC00).contains(&code) {
                            self.expect("\\u")?;
                            let low = self.hex4()?;
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        }
                        out.push(char::from_u32(code).ok_or("bad \\u escape")?);
                    }
                    c => return Err(format!("bad escape {c:?}")),
                },
                c if u32::from(c) < 0x20 => return Err("control character in string".into()),
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            code = code * 16 + self.next()?.to_digit(16).ok_or("bad hex digit")?;
        }
        Ok(code)
    }
}

// --- The seed dossier ---------------------------------------------------------------------------

#[test]
fn seed_as_a_table() {
    let out = ok(&["compute", SEED]);
    assert!(out.starts_with("Décompte au 22/11/2026\n"), "{out}");
    for figure in [
        "38 132,53 €",
        "14 092,53 €",
        "40,00 €",
        "24 000,00 €",
        "8,15 €",
    ] {
        assert!(out.contains(figure), "table lacks {figure}:\n{out}");
    }
    assert_eq!(segment_lines(&out).len(), 10, "{out}");
    let total = out
        .lines()
        .find(|l| l.trim_start().starts_with("Total dû"))
        .expect("a Total dû line");
    assert!(total.ends_with("38 132,53 €"), "{total}");
    // `--format table` is the default.
    assert_eq!(ok(&["compute", SEED, "--format", "table"]), out);
}

#[test]
fn seed_as_json() {
    let out = ok(&["compute", SEED, "--format", "json"]);
    let json = Json::parse(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"));
    assert_eq!(json.str_at("totals/total"), Some("38132.53"));
    assert_eq!(json.str_at("totals/interest"), Some("14092.53"));
    assert_eq!(json.str_at("totals/indemnities"), Some("40.00"));
    assert_eq!(json.str_at("totals/principal"), Some("24000.00"));
    assert_eq!(json.str_at("as_of"), Some("2026-11-22"));
    assert_eq!(json.str_at("regime"), Some("b2b"));
    assert_eq!(json.str_at("daily_accrual"), Some("8.15"));
    assert_eq!(json.len_at("invoices"), Some(1));
    assert_eq!(json.len_at("invoices/0/segments"), Some(10));
    assert_eq!(
        json.str_at("invoices/0/segments/0/from"),
        Some("2022-04-04")
    );
    assert_eq!(
        json.str_at("invoices/0/segments/0/interest"),
        Some("578.63")
    );
    assert_eq!(json.str_at("invoices/0/segments/9/to"), Some("2026-11-22"));
    // The only notice: 5 years from the invoice of 4 March 2022 end within 183 days.
    assert_eq!(json.len_at("notices"), Some(1));
    assert_eq!(json.str_at("notices/0/code"), Some("prescription"));
    assert_eq!(json.str_at("notices/0/invoice"), Some("F-2022-031"));
    assert_eq!(json.str_at("notices/0/last_day"), Some("2027-03-04"));
    assert_eq!(json.str_at("notices/0/status"), Some("soon"));
}

/// A 9.50 % clause below the C. com. L441-10 floor in 2023 S2 (3 × 4.22 % = 12.66 %), with
/// `below_floor: "floor"` (format version 3): the table names the floor as the basis, the JSON
/// adds to that segment the clause's rate and the rule applied, and to its notice the figures.
#[test]
fn contractual_rate_raised_to_the_floor_in_table_and_json() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/golden/below_floor_floor.json"
    );
    let table = ok(&["compute", file]);
    assert!(
        table.contains("12,66 %        638,20 €  taux contractuel de 9,50 % porté au plancher de trois fois le taux de l'intérêt légal 2e semestre 2023, 3 × 4,22 % (C. com. L441-10)"),
        "{table}"
    );
    assert!(table.contains("13 724,26 €"), "{table}");
    let out = ok(&["compute", file, "--format", "json"]);
    let json = Json::parse(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"));
    assert_eq!(json.str_at("totals/total"), Some("13724.26"));
    assert_eq!(json.str_at("invoices/0/segments/1/rate"), Some("12.66"));
    assert_eq!(
        json.str_at("invoices/0/segments/1/contractual_rate"),
        Some("9.50")
    );
    assert_eq!(
        json.str_at("invoices/0/segments/1/below_floor"),
        Some("floor")
    );
    // Where the clause stands, the segment is as before: no such fields.
    assert_eq!(json.str_at("invoices/0/segments/0/below_floor"), None);
    assert_eq!(
        json.str_at("notices/0/code"),
        Some("contractual_rate_raised_to_floor")
    );
    assert_eq!(json.str_at("notices/0/semester"), Some("2023-07-01"));
    assert_eq!(json.str_at("notices/0/contractual_rate"), Some("9.50"));
    assert_eq!(json.str_at("notices/0/floor"), Some("12.66"));
}

#[test]
fn as_of_overrides_the_file_date() {
    let json = |args: &[&str]| {
        let out = ok(args);
        Json::parse(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    };
    let earlier = json(&["compute", SEED, "--as-of", "2025-01-01", "--format", "json"]);
    assert_eq!(earlier.str_at("as_of"), Some("2025-01-01"));
    let total = earlier.str_at("totals/total").expect("a total");
    assert_ne!(total, "38132.53");
    // 04/04/2022 → 31/12/2024 is six semester segments, then 1 January 2025 alone.
    assert_eq!(earlier.len_at("invoices/0/segments"), Some(7));
    assert_eq!(
        earlier.str_at("invoices/0/segments/6/from"),
        Some("2025-01-01")
    );

    // The file's own date, given explicitly, in every accepted spelling and argument order.
    for args in [
        &["compute", SEED, "--as-of", "2026-11-22", "--format", "json"][..],
        &["compute", "--format=json", "--as-of=22/11/2026", SEED],
        &["compute", "--format", "json", SEED, "--as-of", "22/11/2026"],
    ] {
        assert_eq!(
            json(args).str_at("totals/total"),
            Some("38132.53"),
            "{args:?}"
        );
    }
    // The table follows the override too.
    let table = ok(&["compute", SEED, "--as-of", "2025-01-01"]);
    assert!(table.starts_with("Décompte au 01/01/2025\n"), "{table}");
    assert!(!table.contains("38 132,53 €"), "{table}");
}

#[test]
fn seed_as_csv() {
    let out = ok(&["compute", SEED, "--format", "csv"]);
    assert!(out.starts_with('\u{feff}'), "no UTF-8 byte-order mark");
    let lines: Vec<&str> = out
        .trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .collect();
    assert!(
        !out.replace("\r\n", "").contains('\n'),
        "bare line feed in CSV"
    );
    // The header block: who claims, from whom, on what date; then an empty line.
    assert_eq!(
        lines[..6],
        [
            "Décompte des sommes dues",
            "Créancier;Atelier Numérique SARL",
            "Débiteur;Boulangeries Martin SAS",
            "Calculé au;22/11/2026",
            "",
            "facture;date;ligne;du;au;jours;base;taux (%);montant;total;fondement",
        ],
        "{out}"
    );
    for line in &lines[5..] {
        assert_eq!(line.matches(';').count(), 10, "{line}");
    }
    let interest = lines
        .iter()
        .filter(|l| l.starts_with("F-2022-031;") && l.contains(";intérêts;"))
        .count();
    assert_eq!(interest, 10);
    for expected in [
        "F-2022-031;03/04/2022;principal;;;;;;24000,00;;montant TTC, échéance",
        "F-2022-031;30/06/2022;intérêts;04/04/2022;30/06/2022;88;24000,00;10,00;578,63;;taux BCE 0,00 % au 01/01/2022 + 10 points (C. com. L441-10)",
        "F-2022-031;03/04/2022;indemnité forfaitaire;;;;;;40,00;;C. com. D441-5",
        "F-2022-031;22/11/2026;total facture;;;;;;;38132,53;",
        "TOTAL;22/11/2026;total dû;;;;;;;38132,53;",
        "TOTAL;22/11/2026;indemnités forfaitaires;;;;;;;40,00;",
    ] {
        assert!(lines.contains(&expected), "lacks {expected:?}:\n{out}");
    }
}

#[test]
fn several_invoices_payment_and_credit_note() {
    let file = fixture("two_invoices_payment.json");
    let table = ok(&["compute", &file]);
    for expected in [
        "Facture F-1 — émise le 01/01/2025, échéance le 31/01/2025 — 24 000,00 €",
        "Facture F-2;bis — émise le 01/03/2025, échéance le 31/03/2025 — 1 500,00 €",
        "Avoirs déduits : 500,00 €",
        "Paiement du 15/06/2025 : 1 167,29 € imputés sur les intérêts, 8 832,71 € sur le principal",
        "Studio « Point-virgule ; » SARL",
    ] {
        assert!(
            table.contains(expected),
            "table lacks {expected:?}:\n{table}"
        );
    }
    // F-1 (due first) comes first; the payment cuts its first semester in two.
    assert!(
        table.find("Facture F-1").unwrap_or(usize::MAX) < table.find("Facture F-2").unwrap_or(0)
    );
    assert_eq!(segment_lines(&table).len(), 9, "{table}");

    let json = ok(&["compute", &file, "--format", "json"]);
    let json = Json::parse(&json).unwrap_or_else(|e| panic!("not JSON ({e}):\n{json}"));
    assert_eq!(json.str_at("invoices/0/number"), Some("F-1"));
    assert_eq!(json.str_at("invoices/0/interest_paid"), Some("1167.29"));
    assert_eq!(json.str_at("invoices/1/credited"), Some("500.00"));
    assert_eq!(json.str_at("totals/indemnities"), Some("80.00"));
    assert_eq!(json.str_at("notices/0/code"), Some("due_date_assumed"));

    // A cell holding the separator is quoted; the undated credit note is dated on the due date
    // of the invoice it reduces (deducted from the start).
    let csv = ok(&["compute", &file, "--format", "csv"]);
    assert!(
        csv.contains("\r\n\"F-2;bis\";31/03/2025;avoir;;;;;;-500,00;;\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\r\nCréancier;\"Studio « Point-virgule ; » SARL\"\r\nDébiteur;Client SAS\r\n"
        ),
        "{csv}"
    );
}

#[test]
fn help_and_version() {
    let help = ok(&["--help"]);
    assert!(
        help.starts_with("Usage : relance compute FICHIER"),
        "{help}"
    );
    assert_eq!(ok(&["help"]), help);
    assert_eq!(ok(&["compute", SEED, "-h"]), help);
    // No command is a usage error, with the usage on stderr.
    let stderr = refused(&[], "relance : commande manquante");
    assert!(
        stderr.contains("Usage : relance compute FICHIER"),
        "{stderr}"
    );
    let version = ok(&["--version"]);
    assert!(version.starts_with("relance "), "{version}");
}

// --- Bad input: exit code 2, a French message naming the field, never a panic. -----------------

#[test]
fn impossible_date_is_named() {
    let file = fixture("bad_date.json");
    let stderr = refused(
        &["compute", &file],
        "invoices[2].due: date invalide « 31/02/2026 »",
    );
    assert!(stderr.contains("dossier invalide"), "{stderr}");
    // Whatever the format asked for.
    for format in ["json", "csv", "table"] {
        refused(
            &["compute", &file, "--format", format],
            "invoices[2].due: date invalide « 31/02/2026 »",
        );
    }
}

#[test]
fn unknown_key_is_named() {
    refused(
        &["compute", &fixture("unknown_key.json")],
        "debtor.colour: clé inconnue « colour »",
    );
}

#[test]
fn every_error_is_listed() {
    let stderr = refused(
        &["compute", &fixture("several_errors.json")],
        "creditor.kind: valeur « firm » non reconnue",
    );
    for message in [
        "invoices[0].amount: montant invalide « 12,345 » (plus de deux décimales)",
        "invoices[1].amount: montant invalide « -5 » (négatif)",
        "options.day_count: valeur « 360 » non reconnue (attendu : 365, actual)",
    ] {
        assert!(
            stderr.contains(message),
            "stderr lacks {message:?}:\n{stderr}"
        );
    }
}

#[test]
fn text_that_is_not_json() {
    refused(&["compute", &fixture("not_json.txt")], "JSON illisible");
}

#[test]
fn missing_or_unreadable_file() {
    let missing = fixture("no-such-dossier.json");
    refused(&["compute", &missing], "no-such-dossier.json");
    // A directory cannot be read as a dossier either.
    refused(&["compute", &fixture("")], "lecture impossible");
}

#[test]
fn bad_arguments() {
    refused(
        &["compute", SEED, "--frobnicate"],
        "option inconnue « --frobnicate »",
    );
    refused(
        &["compute", SEED, "--format", "xml"],
        "--format : valeur « xml » non reconnue",
    );
    refused(&["compute", SEED, "--format=pdf"], "« pdf »");
    refused(
        &["compute", SEED, "--format"],
        "--format : valeur manquante",
    );
    refused(
        &["compute", SEED, "--as-of", "31/02/2026"],
        "--as-of : date invalide « 31/02/2026 »",
    );
    refused(&["compute", SEED, "--as-of", "demain"], "--as-of");
    refused(&["compute", SEED, "--as-of"], "--as-of : valeur manquante");
    refused(&["compute"], "fichier du dossier manquant");
    refused(&["compute", SEED, SEED], "argument en trop");
    refused(&["calcule", SEED], "commande inconnue « calcule »");
}

// `relance letter`: the same letter as the web app, as text, PDF or DOCX.

/// The README's example: the seed dossier with its letter section (signatory, place…).
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/exemple-dossier.json"
);

#[test]
fn letter_as_text_on_stdout() {
    let text = letter_ok(&[
        "letter",
        EXAMPLE,
        "--kind",
        "mise-en-demeure",
        "--format",
        "txt",
    ]);
    assert!(text.contains("Mise en demeure de payer"), "{text}");
    assert!(
        text.contains("La présente vaut mise en demeure au sens de l'article 1344 du Code civil"),
        "{text}"
    );
    assert!(text.contains("38 132,53 €"), "{text}");
    assert!(text.contains("F-2022-031"), "{text}");
    let reminder = letter_ok(&["letter", EXAMPLE, "--kind", "relance", "--format", "txt"]);
    assert!(!reminder.contains("vaut mise en demeure"), "{reminder}");
}

/// A letter with a blank where a name, an address or the signatory goes is refused, naming
/// each blank, unless a draft is asked for.
#[test]
fn a_letter_with_blanks_is_refused_unless_a_draft() {
    let args = ["letter", SEED, "--kind", "relance", "--format", "txt"];
    let stderr = refused(
        &args,
        "À renseigner avant de produire la lettre : le nom du signataire",
    );
    assert!(stderr.contains("--brouillon"), "{stderr}");
    let draft = letter_ok(&[&args[..], &["--brouillon"]].concat());
    assert!(draft.contains("Relance amiable"), "{draft}");
    refused(
        &[&args[..], &["--brouillon=oui"]].concat(),
        "--brouillon : n'attend pas de valeur",
    );
}

#[test]
fn letter_files_are_written() {
    let dir = std::env::temp_dir().join(format!("relance-cli-letter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    for (format, magic) in [("pdf", &b"%PDF-"[..]), ("docx", &b"PK\x03\x04"[..])] {
        let out = dir.join(format!("lettre.{format}"));
        let out_text = out.to_string_lossy().into_owned();
        let stdout = letter_ok(&[
            "letter",
            EXAMPLE,
            "--kind",
            "echeancier",
            "--format",
            format,
            "-o",
            &out_text,
        ]);
        assert_eq!(stdout, "");
        let bytes = std::fs::read(&out).expect("the letter file exists");
        assert!(
            bytes.starts_with(magic),
            "{format} file starts with {:?}",
            &bytes[..8.min(bytes.len())]
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn letter_arguments_are_checked() {
    refused(&["letter", SEED, "--format", "txt"], "--kind manquant");
    refused(
        &["letter", SEED, "--kind", "sommation"],
        "--kind : valeur « sommation » non reconnue",
    );
    refused(
        &["letter", SEED, "--kind", "relance"],
        "-o SORTIE est obligatoire",
    );
    refused(
        &["letter", SEED, "--kind", "relance", "--format", "csv"],
        "attendu : pdf, docx, txt",
    );
    refused(
        &["compute", SEED, "--format", "pdf"],
        "attendu : table, json, csv",
    );
}

/// The README's example dossier (format version 2, with its letter section) stays valid.
#[test]
fn readme_example_dossier_gives_the_check_case_and_its_letter() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/exemple-dossier.json"
    );
    let json = ok(&["compute", file, "--format", "json"]);
    assert!(json.contains("\"total\": \"38132.53\""), "{json}");
    let text = letter_ok(&[
        "letter",
        file,
        "--kind",
        "mise-en-demeure",
        "--format",
        "txt",
    ]);
    for needle in [
        "Claire Durand",
        "Gérante",
        "1A 123 456 7890 1",
        "FR76 3000 6000 0112 3456 7890 189",
        "devis D-2022-014",
        "dans un délai de 8 jours à compter de la réception de la présente",
    ] {
        assert!(text.contains(needle), "letter lacks {needle:?}:\n{text}");
    }
}

// `relance strategy`: the recovery paths compared, as a French report or as JSON.

fn strategy_json(args: &[&str]) -> serde_json::Value {
    let out = ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

fn paths_of(json: &serde_json::Value) -> &Vec<serde_json::Value> {
    json["paths"].as_array().expect("a paths array")
}

fn path_of<'a>(json: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    paths_of(json)
        .iter()
        .find(|p| p["code"] == code)
        .unwrap_or_else(|| panic!("no path {code}"))
}

fn decimal(value: &serde_json::Value) -> rust_decimal::Decimal {
    value
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an amount string: {value}"))
}

#[test]
fn strategy_of_the_seed_as_a_table() {
    let table = ok(&["strategy", SEED]);
    assert!(
        table.starts_with("Stratégie de recouvrement au 22/11/2026\n"),
        "{table}"
    );
    assert!(
        table.contains("\nAide à la décision, pas un conseil juridique.\n"),
        "{table}"
    );
    assert!(table.contains("24 000,00 € de principal"), "{table}");
    assert!(table.contains("38 132,53 €"), "{table}");
    // Ranges in whole euros and whole percents; the decision at each step.
    assert!(
        table.contains(
            "fourchette : net 18 868 € à 26 022 € · chance 62 % à 98 % · chances : chiffres de forum\n"
        ),
        "{table}"
    );
    assert!(table.contains("· équivalente à la meilleure"), "{table}");
    assert!(
        table.contains("étapes rentables : Relance amiable dès 63 € →"),
        "{table}"
    );
    assert!(table.contains("Saisie-attribution jamais seule"), "{table}");
    // Every open path is listed, in the order of the JSON ranking, numbered from 1.
    let json = strategy_json(&["strategy", SEED, "--format", "json"]);
    let open: Vec<&str> = paths_of(&json)
        .iter()
        .filter(|p| p["eligible"] == true)
        .map(|p| p["label"].as_str().expect("a label"))
        .collect();
    assert_eq!(open.len(), 10);
    let mut at = 0;
    for (i, label) in open.iter().enumerate() {
        let row = table[at..]
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{}. {label}", i + 1)))
            .unwrap_or_else(|| panic!("no row {}. {label}:\n{table}", i + 1));
        at = table.find(row).expect("the row is in the table") + row.len();
    }
    for label in [
        "Relance amiable seule",
        "Mise en demeure puis injonction de payer",
        "Société de recouvrement",
        "Médiation gratuite puis échéancier",
    ] {
        assert!(open.contains(&label), "{label} is open");
    }
    // The best row carries its figures: expected net, share of the claim, chance, delay.
    let best = table
        .lines()
        .find(|l| l.trim_start().starts_with("1. "))
        .expect("a first row");
    let net = decimal(&paths_of(&json)[0]["expected_net"]);
    assert!(
        best.contains(&relance_engine::fr::amount(net)),
        "{best} lacks {net}"
    );
    assert!(best.contains(" %") && best.ends_with(" j"), "{best}");
    // The closed path comes at the bottom with its reason, not in the ranking.
    let closed = table
        .find("Voies fermées pour ce dossier")
        .expect("a closed section");
    let pspc = table
        .find("Mise en demeure puis petites créances : réservée aux créances de 5 000 €")
        .expect("the small-claims path is closed");
    assert!(closed < pspc);
    assert!(!table[..closed].contains("petites créances"), "{table}");
    // Long sentences are wrapped: look for them in the text with its line breaks undone.
    let flat = table.split_whitespace().collect::<Vec<_>>().join(" ");
    for sentence in [
        "Mise en demeure puis injonction de payer : rentable à partir de",
        "plus rentable que la relance seule à partir de",
        "Relance amiable seule : rentable à partir de",
        "Votre créance : 24 000,00 € de principal",
        "pour la facture F-2022-031, le dernier jour pour agir est le",
        "Tribunal compétent",
    ] {
        assert!(
            flat.contains(sentence),
            "table lacks {sentence:?}:\n{table}"
        );
    }
    for section in [
        "Seuils de rentabilité",
        "Sensibilité aux hypothèses",
        "Points d'attention",
        "Que faire maintenant — Mise en demeure puis injonction de payer",
        "22/11/2026  À faire       Prescription proche : pas de nouvelle relance amiable",
        "Déposer une requête en injonction de payer",
        "Échéancier : ce que vaut un paiement étalé",
        "24 000,00 € en 3 versements mensuels",
        "98 paramètres ; 0 modifié par le dossier",
        "Mise en demeure (LRAR) — Frais (mise-en-demeure.cost) : 6,11 € [non vérifié]",
        "Référé-provision — Frais (refere.cost) : 0,00 € [inconnu]",
    ] {
        assert!(table.contains(section), "table lacks {section:?}:\n{table}");
    }
    // Paths whose fee is not published are marked, and explained.
    assert!(
        table.contains("Mise en demeure puis référé-provision *"),
        "{table}"
    );
    assert!(
        flat.contains(
            "* Frais non publiés, comptés 0 € : Référé-provision, Créances commerciales \
             incontestées. Les voies marquées sont classées après celles dont les frais sont \
             connus"
        ),
        "{table}"
    );
    // Text lines stay readable in a terminal.
    for line in table.lines() {
        assert!(line.chars().count() <= 100, "line too long: {line}");
    }
    assert_eq!(ok(&["strategy", SEED, "--format", "table"]), table);
}

#[test]
fn strategy_of_the_seed_as_json() {
    let json = strategy_json(&["strategy", SEED, "--format", "json"]);
    assert_eq!(
        json["disclaimer"],
        "Aide à la décision, pas un conseil juridique."
    );
    assert_eq!(json["today"], "2026-11-22");
    assert_eq!(json["claim"]["principal"], "24000.00");
    assert_eq!(json["claim"]["total"], "38132.53");
    assert_eq!(json["claim"]["regime"], "b2b");
    let paths = paths_of(&json);
    assert_eq!(paths.len(), 11);
    let codes: std::collections::BTreeSet<&str> =
        paths.iter().filter_map(|p| p["code"].as_str()).collect();
    assert_eq!(codes.len(), 11, "every path once");
    // The first open path is the best one and has the highest expected net among the open
    // paths whose fees are all known; the paths with an unpublished fee (counted 0 €) come
    // after them whatever their figure.
    let first = paths
        .iter()
        .find(|p| p["eligible"] == true)
        .expect("an open path");
    assert_eq!(first["code"], "injonction");
    assert_eq!(json["best"], "injonction");
    assert_eq!(first["rank"], 1);
    let known_fees = |p: &&serde_json::Value| p["unknown_fees"] == serde_json::json!([]);
    let highest = paths
        .iter()
        .filter(|p| p["eligible"] == true)
        .filter(known_fees)
        .map(|p| decimal(&p["expected_net"]))
        .max()
        .expect("open paths with known fees");
    assert_eq!(decimal(&first["expected_net"]), highest);
    let pspc = path_of(&json, "pspc");
    assert_eq!(pspc["eligible"], false);
    assert!(pspc["rank"].is_null());
    assert_eq!(paths.last().map(|p| &p["code"]), Some(&pspc["code"]));
    // Probabilities are percentages, amounts have two decimals.
    let amicable = path_of(&json, "amiable");
    assert_eq!(amicable["probability_paid"], "40.00");
    assert_eq!(amicable["expected_net"], "9575.00");
    assert_eq!(amicable["steps"][0]["code"], "relance");
    // What the chances rest on: the forum figure of the reminder, the path's weakest; none
    // for the path without steps.
    assert_eq!(amicable["steps"][0]["success_basis"], "forum");
    assert_eq!(amicable["chance_basis"], "forum");
    assert!(path_of(&json, "abandon")["chance_basis"].is_null());
    // The timeline is the best path's, dated from the file's date.
    assert_eq!(json["timeline_path"], "injonction");
    assert_eq!(json["timeline"][0]["date"], "2026-11-22");
    assert_eq!(json["timeline"][0]["kind"], "action");
    // Five years from the invoice (4 March 2022) or from its due date (3 April 2022).
    let prescription = json["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .find(|m| m["kind"] == "prescription")
        .expect("a prescription milestone");
    let date = prescription["date"].as_str().expect("a date");
    assert!(("2027-03-04"..="2027-04-03").contains(&date), "{date}");
    let assumptions = json["assumptions"].as_array().expect("assumptions");
    assert_eq!(assumptions.len(), 98);
    assert!(assumptions.iter().all(|a| a["overridden"] == false));
    assert_eq!(
        json["sensitivity"].as_array().map(Vec::len),
        Some(8),
        "{}",
        json["sensitivity"]
    );
    assert!(!json["breakevens"]
        .as_array()
        .expect("breakevens")
        .is_empty());
}

#[test]
fn strategy_assumptions_from_the_file_change_the_result() {
    let file = fixture("strategy_overrides.json");
    let seed = strategy_json(&["strategy", SEED, "--format", "json"]);
    let changed = strategy_json(&["strategy", &file, "--format", "json"]);
    // Same claim, same date: only the assumptions differ.
    assert_eq!(changed["claim"], seed["claim"]);
    let fond_before = decimal(&path_of(&seed, "fond")["expected_net"]);
    let fond_after = decimal(&path_of(&changed, "fond")["expected_net"]);
    assert!(
        fond_after < fond_before - rust_decimal::Decimal::from(10_000),
        "a lawsuit costing 50 000 € is worth less: {fond_before} → {fond_after}"
    );
    // The 50 000 € typed, and the lawyer a 38 132,53 € claim needs (CPC 853).
    assert_eq!(path_of(&changed, "fond")["steps"][2]["fees"], "52200.00");
    assert_eq!(path_of(&changed, "fond")["steps"][2]["lawyer"], "2200.00");
    assert_ne!(
        path_of(&changed, "fond")["rank"],
        path_of(&seed, "fond")["rank"]
    );
    let overridden: Vec<&str> = changed["assumptions"]
        .as_array()
        .expect("assumptions")
        .iter()
        .filter(|a| a["overridden"] == true)
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(
        overridden,
        ["incontestees.cost", "refere.cost", "fond.cost"]
    );
    // With every open path's fees known, the first open path has the highest expected net.
    let open: Vec<&serde_json::Value> = paths_of(&changed)
        .iter()
        .filter(|p| p["eligible"] == true)
        .collect();
    assert!(open
        .iter()
        .all(|p| p["unknown_fees"] == serde_json::json!([])));
    let highest = open
        .iter()
        .map(|p| decimal(&p["expected_net"]))
        .max()
        .expect("open paths");
    assert_eq!(decimal(&open[0]["expected_net"]), highest);
    assert_eq!(changed["best"], open[0]["code"]);

    let table = ok(&["strategy", &file]);
    for needle in [
        "98 paramètres ; 3 modifiés par le dossier (section « strategy ») :",
        "Action au fond — Frais (fond.cost) : 50 000,00 € au lieu de 800,00 €",
        "Référé-provision — Frais (refere.cost) : 1 500,00 € au lieu de 0,00 €",
    ] {
        assert!(table.contains(needle), "table lacks {needle:?}:\n{table}");
    }
    // Fees quoted by the user are no longer listed as unknown.
    assert!(
        !table.contains("(refere.cost) : 0,00 € [inconnu]"),
        "{table}"
    );
    assert!(!table.contains("* Frais non publiés"), "{table}");
    assert_ne!(table, ok(&["strategy", SEED]));
}

#[test]
fn an_assumption_out_of_range_is_refused_by_name() {
    let file = fixture("strategy_bad_override.json");
    for format in ["table", "json"] {
        let stderr = refused(
            &["strategy", &file, "--format", format],
            "strategy.assumptions.fond.success: attendu : un pourcentage entre 0 et 100",
        );
        assert!(stderr.contains("dossier invalide"), "{stderr}");
    }
}

#[test]
fn strategy_timeline_of_a_chosen_path() {
    // The small-claims procedure is closed to a 38 132,53 € claim: its plan is still shown,
    // marked as closed.
    let table = ok(&["strategy", SEED, "--path", "pspc"]);
    let plan = table
        .split("Que faire maintenant — ")
        .nth(1)
        .expect("a timeline section");
    assert!(
        plan.starts_with("Mise en demeure puis petites créances\n"),
        "{plan}"
    );
    assert!(
        plan.contains("Voie fermée pour ce dossier : réservée aux créances de 5 000 €"),
        "{plan}"
    );
    assert!(plan.contains("procédure de"), "{plan}");
    assert!(plan.contains("petites créances"), "{plan}");
    // An open path other than the best one is shown with a pointer to the best.
    let table = ok(&["strategy", SEED, "--path=amiable"]);
    assert!(
        table.contains("Que faire maintenant — Relance amiable seule\n"),
        "{table}"
    );
    assert!(
        table.contains("la meilleure est « Mise en demeure puis injonction de payer »"),
        "{table}"
    );
    let json = strategy_json(&["strategy", SEED, "--path", "pspc", "--format", "json"]);
    assert_eq!(json["timeline_path"], "pspc");
    assert_eq!(json["best"], "injonction");
    assert!(json["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .any(|m| m["title"]
            .as_str()
            .is_some_and(|t| t.contains("petites créances"))));
}

#[test]
fn strategy_arguments_are_checked() {
    refused(
        &["strategy", SEED, "--path", "nope"],
        "--path : voie « nope » inconnue (attendu : amiable, mise-en-demeure, injonction, \
         mediation, mediation-conventionnelle, agence, pspc, incontestees, refere, fond, \
         demande-paiement, mediation-publique, refere-ta, fond-ta, mandatement, demande-execution, saisie-attribution, saisie-vente, abandon)",
    );
    refused(&["strategy", SEED, "--path"], "--path : valeur manquante");
    refused(
        &["strategy", SEED, "--format", "csv"],
        "--format : valeur « csv » non reconnue (attendu : table, json)",
    );
    refused(
        &["strategy", SEED, "--kind", "relance"],
        "option inconnue « --kind »",
    );
    refused(
        &["compute", SEED, "--path", "fond"],
        "option inconnue « --path »",
    );
    refused(&["strategy"], "fichier du dossier manquant");
    refused(
        &["strategy", SEED, "--as-of", "31/02/2026"],
        "--as-of : date invalide « 31/02/2026 »",
    );
    refused(&["strategy", &fixture("bad_date.json")], "invoices[2].due");
    let help = ok(&["--help"]);
    for needle in [
        "relance strategy FICHIER [--as-of AAAA-MM-JJ] [--format table|json] [--path VOIE]",
        "Aide à la décision, pas un conseil juridique.",
        "strategy : table (défaut) ou json",
    ] {
        assert!(help.contains(needle), "help lacks {needle:?}:\n{help}");
    }
    assert_eq!(ok(&["strategy", SEED, "--help"]), help);
}

#[test]
fn strategy_date_comes_from_as_of_then_the_file_then_the_clock() {
    let earlier = strategy_json(&[
        "strategy",
        SEED,
        "--as-of",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(earlier["today"], "2025-01-01");
    // The claim is the décompte of that date, as `compute` gives it.
    let computed = strategy_json(&["compute", SEED, "--as-of", "2025-01-01", "--format", "json"]);
    assert_eq!(earlier["claim"]["total"], computed["totals"]["total"]);
    assert_ne!(earlier["claim"]["total"], "38132.53");
    assert_eq!(earlier["timeline"][0]["date"], "2025-01-01");
    let table = ok(&["strategy", SEED, "--as-of", "01/01/2025"]);
    assert!(
        table.starts_with("Stratégie de recouvrement au 01/01/2025\n"),
        "{table}"
    );
    // No date anywhere: today, from the system clock. A consumer's debt.
    let before = chrono::Local::now().date_naive().to_string();
    let json = strategy_json(&[
        "strategy",
        &fixture("strategy_no_date.json"),
        "--format",
        "json",
    ]);
    let after = chrono::Local::now().date_naive().to_string();
    assert!(
        json["today"] == before.as_str() || json["today"] == after.as_str(),
        "{} is not today",
        json["today"]
    );
    assert_eq!(json["claim"]["regime"], "b2c");
    // A consumer's claim is not open to the procedure between traders.
    assert_eq!(path_of(&json, "incontestees")["eligible"], false);
}

#[test]
fn output_file_for_compute_and_strategy() {
    let dir = std::env::temp_dir().join(format!("relance-cli-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let out = dir.join("strategie.json");
    let out_text = out.to_string_lossy().into_owned();
    assert_eq!(
        ok(&["strategy", SEED, "--format", "json", "-o", &out_text]),
        ""
    );
    let written = std::fs::read_to_string(&out).expect("the file is written");
    assert_eq!(written, ok(&["strategy", SEED, "--format", "json"]));
    let csv = dir.join("decompte.csv");
    let csv_text = csv.to_string_lossy().into_owned();
    assert_eq!(
        ok(&["compute", SEED, "--format", "csv", "-o", &csv_text]),
        ""
    );
    assert_eq!(
        std::fs::read_to_string(&csv).expect("the CSV is written"),
        ok(&["compute", SEED, "--format", "csv"])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// --- Arguments that are not UTF-8 (legal in Linux file names). ---------------------------------

/// Runs the binary on OS strings; returns the exit code, stdout and stderr (lossy).
#[cfg(unix)]
fn relance_os(args: &[std::ffi::OsString]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_relance"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the relance binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

/// A dossier whose file name is not UTF-8 is read, and a result written under such a name;
/// a non-UTF-8 `--as-of` is a usage error (exit 2), not a panic.
#[cfg(unix)]
#[test]
fn file_names_need_not_be_utf8() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let dir = std::env::temp_dir().join(format!("relance-cli-os-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = dir.join(OsString::from_vec(b"dossier-\xe9t\xe9.json".to_vec()));
    std::fs::copy(SEED, &file).expect("copy the seed");
    let os = |s: &str| OsString::from(s);
    let (code, stdout, stderr) = relance_os(&[os("compute"), file.clone().into_os_string()]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert_eq!(stdout, ok(&["compute", SEED]));

    let out = dir.join(OsString::from_vec(b"d\xe9compte.csv".to_vec()));
    let args = [
        os("compute"),
        file.clone().into_os_string(),
        os("--format"),
        os("csv"),
        os("-o"),
        out.clone().into_os_string(),
    ];
    assert_eq!(relance_os(&args).0, Some(0));
    assert_eq!(
        std::fs::read_to_string(&out).expect("the CSV is written"),
        ok(&["compute", SEED, "--format", "csv"])
    );

    let bad = OsString::from_vec(b"2026-11-\xff".to_vec());
    let (code, stdout, stderr) =
        relance_os(&[os("compute"), file.into_os_string(), os("--as-of"), bad]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert!(stderr.contains("--as-of : valeur illisible"), "{stderr}");

    // A command that is not UTF-8 is an unknown command.
    let (code, _, stderr) = relance_os(&[OsString::from_vec(b"calc\xff".to_vec())]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("commande inconnue"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Options take their value after a space or an `=`, and an option that takes none refuses one.
#[test]
fn option_values_after_an_equals_sign() {
    assert_eq!(
        ok(&["compute", SEED, "--as-of=2026-11-22"]),
        ok(&["compute", SEED])
    );
    refused(
        &["compute", SEED, "--help=yes"],
        "--help : n'attend pas de valeur",
    );
}

/// A public buyer: moratory interest at one rate for the whole delay (C. commande publique
/// R2192-31), the 40 € of D2192-35; a contractual rate is refused by field; the « mise en
/// demeure » is a request for payment (R2192-31 ff.), the other letters and Stratégie are
/// refused in French with exit 2.
#[test]
fn a_public_buyer_is_computed_and_gets_a_request_for_payment() {
    let file = fixture("public_buyer.json");
    let table = ok(&["compute", &file]);
    for line in [
        "Acheteur public : intérêts moratoires (C. commande publique R2192-31)",
        "Intérêts moratoires dus",
        "Indemnité forfaitaire (D2192-35)",
        "6 563,54",
    ] {
        assert!(table.contains(line), "{line:?} not in:\n{table}");
    }
    let json = ok(&["compute", &file, "--format", "json"]);
    assert!(json.contains("\"regime\": \"public\""), "{json}");
    refused(
        &["compute", &fixture("public_contractual.json")],
        "options.rate.kind",
    );
    let request = relance(&[
        "letter",
        &file,
        "--kind",
        "mise-en-demeure",
        "--format",
        "txt",
        "--brouillon",
    ]);
    assert_eq!(request.code, Some(0), "{}", request.stderr);
    for line in [
        "Objet : Demande de paiement du principal restant dû, des intérêts moratoires et de l'indemnité forfaitaire — facture n° F-1",
        "Intérêts moratoires au 31/12/2025 (C. commande publique R2192-31)",
        "de mettre en paiement le principal restant dû, soit 6 250,50 €, dans un délai de 8 jours",
        "soit en tout 6 563,54 €",
        "Intérêts moratoires courus (C. commande publique R2192-31)",
        "Indemnités forfaitaires pour frais de recouvrement (C. commande publique D2192-35)",
        "article R2192-36 du Code de la commande publique",
        "Copie : le comptable public assignataire de la dépense.",
    ] {
        assert!(request.stdout.contains(line), "{line:?} not in:\n{}", request.stdout);
    }
    for word in ["L441-10", "1344", "pénalités", "Mise en demeure"] {
        assert!(
            !request.stdout.contains(word),
            "{word:?} in a public buyer's request"
        );
    }
    refused(
        &["letter", &file, "--kind", "relance", "--format", "txt", "--brouillon"],
        "pour un acheteur public, la demande de paiement des intérêts moratoires et de l'indemnité : --kind mise-en-demeure",
    );
    // Stratégie compares the paths that exist against a public person, and no other.
    let table = ok(&["strategy", &file]);
    for path in [
        "Relance puis demande de paiement écrite",
        "Demande de paiement puis Médiateur des entreprises",
        "Demande de paiement puis référé-provision au tribunal administratif",
        "Demande de paiement puis action au tribunal administratif",
        "Demande de paiement puis mandatement d'office (collectivité territoriale)",
        "CJA R421-1",
    ] {
        assert!(table.contains(path), "{path:?} missing in:\n{table}");
    }
    for word in [
        "Injonction de payer",
        "Saisie-attribution",
        "Échéancier",
        "L441-10",
    ] {
        assert!(
            !table.contains(word),
            "{word:?} in a public buyer's strategy:\n{table}"
        );
    }
    refused(
        &["strategy", &file, "--path", "injonction"],
        "--path : la voie « injonction » n'existe pas contre ce débiteur (possibles : amiable, demande-paiement, mediation-publique, refere-ta, fond-ta, mandatement, abandon)",
    );
    let json = ok(&["strategy", &file, "--format", "json", "--path", "refere-ta"]);
    assert!(json.contains("\"code\": \"refere-ta\""), "{json}");
    assert!(!json.contains("\"code\": \"injonction\""), "{json}");
}

/// Rates the user entered beyond the shipped tables (issue 12): the CLI computes with them and
/// marks every segment that uses one; a row without its source is refused by field.
#[test]
fn rates_entered_by_the_user_are_used_and_marked() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/golden/user_rates.json"
    );
    let table = ok(&["compute", file]);
    for line in [
        "12,90 %",
        "taux saisi par vous",
        "10 463,40",
        "Taux saisis par vous, utilisés dans ce calcul",
    ] {
        assert!(table.contains(line), "{line:?} not in:\n{table}");
    }
    let json = ok(&["compute", file, "--format", "json"]);
    assert!(json.contains("\"status\": \"user\""), "{json}");
    assert!(json.contains("\"code\": \"user_rate\""), "{json}");
    refused(
        &["compute", &fixture("rate_without_source.json")],
        "rates.ecb[0].source",
    );
}

/// `relance import` of an FEC (Windows-1252, written by `crates/import/tests/fixtures/make_fec.py`):
/// the portfolio of the customers who owe something, their dossiers as JSON or one file each.
#[test]
fn an_fec_gives_the_portfolio_and_one_dossier_per_debtor() {
    let fec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../import/tests/fixtures/732829320FEC20251231.txt"
    );
    let table = ok(&["import", fec, "--as-of", "2025-12-31"]);
    for line in [
        "Portefeuille au 31/12/2025 : 2 débiteur(s), 3 619,10 € au total",
        "Garage Dupont SARL",
        "3 553,17 €",
        "Boulangerie Martin",
    ] {
        assert!(table.contains(line), "{line:?} not in:\n{table}");
    }
    assert!(!table.contains("Café du Port"), "{table}");
    let csv = ok(&["import", fec, "--as-of", "2025-12-31", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}Portefeuille au;31/12/2025");
    assert_eq!(
        lines[3],
        "Garage Dupont SARL;;3245,39;227,78;80,00;3553,17;31/03/2025;"
    );
    let json = ok(&["import", fec, "--as-of", "2025-12-31", "--format", "json"]);
    assert!(json.starts_with("{\n  \"dossiers\": ["), "{json}");
    assert_eq!(json.matches("\"version\": 3").count(), 2, "{json}");
    assert!(json.contains("\"siren\": \"732829320\""), "{json}");
    let dir = std::env::temp_dir().join(format!("relance-import-{}", std::process::id()));
    let said = ok(&["import", fec, "--terms", "60", "-o", dir.to_str().unwrap()]);
    assert!(said.starts_with("2 dossier(s) écrit(s)"), "{said}");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "dossier-boulangerie-martin.json",
            "dossier-garage-dupont-sarl.json"
        ]
    );
    let garage = dir.join("dossier-garage-dupont-sarl.json");
    let computed = ok(&["compute", garage.to_str().unwrap(), "--as-of", "2025-12-31"]);
    assert!(
        computed.contains("échéance le 30/04/2025"),
        "60 days: {computed}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    refused(&["import", SEED], "format non reconnu");
    refused(&["import", fec, "--terms", "0"], "--terms");
    // Consumers owe no interest before a formal notice, nor the 40 €: the one who paid late
    // owes nothing and leaves the portfolio.
    let consumers = ok(&[
        "import",
        fec,
        "--as-of",
        "2025-12-31",
        "--debtor",
        "consumer",
    ]);
    assert!(
        consumers.contains("Débiteurs : des particuliers"),
        "{consumers}"
    );
    assert!(
        consumers.contains("1 débiteur(s), 3 200,00 € au total"),
        "{consumers}"
    );
    refused(&["import", fec, "--debtor", "martien"], "--debtor");
}

/// `relance import` of UBL invoices and a Factur-X PDF (`crates/import/tests/fixtures/make_*.py`):
/// one dossier per seller and buyer, the credit note on the invoice it corrects; a file in
/// dollars is named on stderr and left out, the others kept.
#[test]
fn e_invoices_give_one_dossier_per_seller_and_buyer() {
    let fixture = |name: &str| {
        format!(
            "{}/../import/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let files = [
        "ubl-invoice.xml",
        "ubl-credit-note.xml",
        "facturx-object-streams.pdf",
        "ubl-dollars.xml",
    ]
    .map(fixture);
    let mut args = vec!["import", "--as-of", "2025-12-31", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let run = relance(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("ubl-dollars.xml : facture FA-2025-299 : en USD"),
        "{}",
        run.stderr
    );
    let json = run.stdout;
    assert_eq!(json.matches("\"version\": 3").count(), 1, "{json}");
    for needle in [
        "\"siren\": \"732829320\"",
        "\"name\": \"Garage Dupont SARL\"",
        "\"delivered\": \"2025-05-05\"",
        "\"invoice\": \"FA-2025-201\"",
    ] {
        assert!(json.contains(needle), "{needle} not in {json}");
    }
    refused(
        &["import", &fixture("not-an-invoice.xml")],
        "ce n'est pas une facture électronique",
    );
    // With the books of the same creditor, the e-invoices join their customer's dossier: one
    // Garage Dupont SARL, with its SIREN; invoices of the books' period they do not hold under
    // that number are not asked twice.
    let books = fixture("732829320FEC20251231.txt");
    let mut args = vec![
        "import",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
        &books,
    ];
    args.extend(files[..3].iter().map(String::as_str));
    let run = relance(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "client Garage Dupont SARL : facture(s) FA-2025-201, FA-2025-230 introuvable(s) dans le FEC"
        ),
        "{}",
        run.stderr
    );
    let alone = ok(&[
        "import",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
        &books,
    ]);
    assert_eq!(
        run.stdout.matches("\"version\": 3").count(),
        alone.matches("\"version\": 3").count(),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("Garage Dupont SARL").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"siren\": \"552100554\""),
        "{}",
        run.stdout
    );
}

/// After a judgment (issue 13): its account in the table and in the JSON, the totals its own.
#[test]
fn a_judgment_is_computed_from_its_award() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/golden/judgment_served.json"
    );
    let table = ok(&["compute", file]);
    for line in [
        "Jugement du 10/03/2025",
        "taux majoré de 5 points à compter du 03/06/2025",
        "Paiement du 15/09/2025 : 120,50 € aux dépens, 1 276,46 € aux intérêts, 1 603,04 € au principal",
        "12 391,13",
    ] {
        assert!(table.contains(line), "{line:?} not in:\n{table}");
    }
    let json = ok(&["compute", file, "--format", "json"]);
    assert!(json.contains("\"increase_from\": \"2025-06-03\""), "{json}");
    let csv = ok(&["compute", file, "--format", "csv"]);
    assert!(csv.contains("jugement;31/03/2026;total jugement"), "{csv}");
    // No letter but the demand to execute after a judgment: the others would argue the
    // invoices again.
    refused(
        &[
            "letter",
            file,
            "--kind",
            "mise-en-demeure",
            "--format",
            "txt",
        ],
        "après un jugement",
    );
}

/// Stratégie after a judgment (issue 13): its enforcement only, from the decision's account.
#[test]
fn after_a_judgment_strategy_compares_its_enforcement() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/golden/judgment_not_served.json"
    );
    let table = ok(&["strategy", file]);
    for line in [
        "5 408,99 € (décision obtenue)",
        "Demande d'exécution puis saisie-attribution",
        "Saisie-attribution sans attendre",
        "Saisie-attribution puis saisie-vente",
        "Faire signifier la décision par un commissaire de justice",
        "Dernier jour pour exécuter la décision",
    ] {
        assert!(table.contains(line), "{line:?} not in:\n{table}");
    }
    for absent in ["Injonction de payer", "action au fond", "amicable_extras"] {
        assert!(!table.contains(absent), "{absent:?} in:\n{table}");
    }
    let json = ok(&["strategy", file, "--format", "json"]);
    assert!(json.contains("\"served\": false"), "{json}");
    assert!(json.contains("\"best\": \"demande-execution\""), "{json}");
    // A court path is closed once the decision is in hand.
    refused(
        &["strategy", file, "--path", "injonction"],
        "possibles : demande-execution, saisie-attribution, saisie-vente, abandon",
    );
    // Against a public buyer, no seizure: the loi of 1980 says what to do instead.
    let public = std::fs::read_to_string(file)
        .expect("golden dossier")
        .replace("\"kind\": \"professional\"", "\"kind\": \"public\"");
    let dir = std::env::temp_dir().join(format!("relance-cli-judged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("public.json");
    std::fs::write(&path, public).expect("written");
    refused(
        &["strategy", path.to_str().expect("utf-8 path")],
        "loi n° 80-539, art. 1",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A court fixture of the engine's (issue 14).
fn court(name: &str) -> String {
    format!(
        "{}/../engine/tests/court/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs and expects success, with `notes` (what is said beside the document) on stderr.
fn document_ok(args: &[&str], notes: &[&str]) -> String {
    let run = relance(args);
    assert_eq!(
        run.code,
        Some(0),
        "relance {args:?} failed:\n{}",
        run.stderr
    );
    for note in notes {
        assert!(
            run.stderr.contains(note),
            "relance {args:?}: stderr lacks {note:?}:\n{}",
            run.stderr
        );
    }
    run.stdout
}

#[test]
fn court_documents_as_text() {
    let company = court("company");
    let serve = "dans les trois mois de sa date (six mois si elle a été rendue avant le 01/09/2026";
    let requete = document_ok(
        &[
            "letter",
            &company,
            "--kind",
            "requete-injonction",
            "--format",
            "txt",
        ],
        &[serve],
    );
    assert!(requete.contains("Objet : Requête en injonction de payer"));
    assert!(requete.contains("Tribunal de commerce de Grenoble"));
    assert!(requete
        .contains("soit la somme totale de 3 847,41 € arrêtée au 01/12/2026, outre les dépens"));
    assert!(requete.contains("8   Décompte des sommes dues au 01/12/2026 (annexe)"));
    let alone = document_ok(
        &["letter", &company, "--kind", "bordereau", "--format", "txt"],
        &[],
    );
    assert!(alone
        .contains("Objet : Bordereau de pièces — Atelier Numérique contre Boulangeries Martin"));
    let guide = document_ok(
        &[
            "letter",
            &company,
            "--kind",
            "guide-cerfa",
            "--format",
            "txt",
        ],
        &[serve],
    );
    assert!(guide.contains("Remplir le Cerfa n° 12946*02"));
    let declaration = document_ok(
        &["letter", &court("redressement"), "--kind", "declaration-creance", "--format", "txt"],
        &[
            "Dernier jour pour déclarer : le 04/12/2026",
            "Le règlement du 15/10/2026 (300,00 €), postérieur au jugement d'ouverture, n'est pas déduit",
        ],
    );
    let bordereau = document_ok(
        &[
            "letter",
            &court("redressement"),
            "--kind",
            "bordereau",
            "--format",
            "txt",
        ],
        &[],
    );
    // Alone, beside the declaration: the décompte of the opening day.
    assert!(bordereau.contains("Pièces jointes à la déclaration de créance d'Atelier Numérique"));
    assert!(bordereau.contains("Décompte des sommes dues au 23/09/2026"));
    assert!(declaration.contains("Sommes échues au 23/09/2026"));
    assert!(declaration.contains("Total déclaré                5 579,60 €"));
}

#[test]
fn court_documents_are_held_back_with_what_they_need() {
    let redressement = court("redressement");
    refused(
        &[
            "letter",
            &redressement,
            "--kind",
            "requete-injonction",
            "--format",
            "txt",
        ],
        "le débiteur est en procédure collective",
    );
    refused(
        &[
            "letter",
            &court("company"),
            "--kind",
            "declaration-creance",
            "--format",
            "txt",
        ],
        "indiquez la procédure collective du débiteur",
    );
    let stderr = refused(
        &[
            "letter",
            &redressement,
            "--kind",
            "guide-cerfa",
            "--format",
            "txt",
        ],
        "indiquez le tribunal du lieu où le débiteur demeure ou est établi (C. proc. civ. 1406)",
    );
    assert!(stderr.contains("(ou --brouillon pour un brouillon)"));
    // A draft is still written, its notes said.
    let draft = document_ok(
        &[
            "letter",
            &redressement,
            "--kind",
            "requete-injonction",
            "--format",
            "txt",
            "--brouillon",
        ],
        &["1411"],
    );
    assert!(draft.contains("Requête en injonction de payer"));
    refused(
        &[
            "letter",
            &redressement,
            "--kind",
            "requete",
            "--format",
            "txt",
        ],
        "requete-injonction, bordereau, declaration-creance, guide-cerfa",
    );
}

#[test]
fn court_documents_as_pdf_and_docx_files() {
    let dir = std::env::temp_dir().join(format!("relance-cli-court-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (kind, format) in [
        ("requete-injonction", "pdf"),
        ("declaration-creance", "docx"),
    ] {
        let name = if kind == "requete-injonction" {
            "company"
        } else {
            "redressement"
        };
        let out = dir.join(format!("{kind}.{format}"));
        let out = out.to_string_lossy();
        let run = relance(&[
            "letter",
            &court(name),
            "--kind",
            kind,
            "--format",
            format,
            "-o",
            &out,
        ]);
        assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
        let bytes = std::fs::read(&*out).expect("the file is written");
        let magic: &[u8] = if format == "pdf" { b"%PDF-" } else { b"PK" };
        assert!(bytes.starts_with(magic), "{kind}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_demand_to_execute_a_judgment() {
    let file = court("execution");
    let text = document_ok(
        &[
            "letter",
            &file,
            "--kind",
            "execution-jugement",
            "--format",
            "txt",
        ],
        &["le jugement est réputé en avoir tenu compte"],
    );
    assert!(text.contains("Objet : Demande d'exécution de la décision du 10 mars 2025"));
    assert!(text.contains("Nous vous demandons de régler la somme de 12 391,13 €"));
    // No judgment: nothing to execute.
    refused(
        &[
            "letter",
            &court("company"),
            "--kind",
            "execution-jugement",
            "--format",
            "txt",
        ],
        "pas de décision dans ce dossier",
    );
    // After a judgment, the other letters are not the right ones.
    refused(
        &[
            "letter",
            &file,
            "--kind",
            "mise-en-demeure",
            "--format",
            "txt",
        ],
        "seule la demande d'exécution (--kind execution-jugement)",
    );
    // Not served: said beside the letter.
    let unserved =
        std::env::temp_dir().join(format!("relance-unserved-{}.json", std::process::id()));
    let json = std::fs::read_to_string(&file)
        .expect("the fixture")
        .replace("\"served\": \"2025-04-02\",", "");
    std::fs::write(&unserved, json).expect("a temporary dossier");
    let unserved_path = unserved.to_string_lossy().into_owned();
    let letter = document_ok(
        &[
            "letter",
            &unserved_path,
            "--kind",
            "execution-jugement",
            "--format",
            "txt",
        ],
        &["la décision n'est pas signifiée"],
    );
    assert!(!letter.contains("majoré de cinq points"));
    let _ = std::fs::remove_file(&unserved);
}
