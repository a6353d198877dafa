//! `cargo xtask mutants [--package P] [--file F] [--shard K/N] [--in-diff D] [--jobs J]`: mutation testing
//! of the pure crates with cargo-mutants (pinned, from crates.io).
//!
//! Settings every run shares live in `.cargo/mutants.toml` (the `mutants` cargo profile, the
//! generated tables left out, the few equivalent mutants excluded with a reason each). Each run
//! writes its report to `target/mutants/<run>/mutants.out/` (`missed.txt`, `caught.txt`,
//! `timeout.txt`, `unviable.txt`, `outcomes.json`), one folder per package, file and shard, so
//! the shards of a full run can run one after the other, or on several machines, and be read
//! together with `cargo xtask mutants --summary`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::env::Env;
use crate::tools;

const CARGO_MUTANTS_VERSION: &str = "27.1.0";
/// The crates with no I/O, no clock and no browser, whose every rule must be pinned by a test.
/// A crate the reshape adds (input, strategy…) joins this list.
pub const PURE_CRATES: [&str; 2] = ["relance-engine", "relance-letter"];
/// The outcomes cargo-mutants writes one file each for, in the order they are reported.
const OUTCOMES: [&str; 4] = ["caught", "missed", "timeout", "unviable"];

/// What was asked on the command line.
#[derive(Default)]
struct Request {
    package: Option<String>,
    files: Vec<String>,
    shard: Option<(u32, u32)>,
    /// `--in-diff D`: only the mutants on lines a diff (`git diff BASE > D`) adds or changes.
    in_diff: Option<String>,
    jobs: Option<u32>,
    summary: bool,
    list: bool,
    help: bool,
}

pub fn usage() -> String {
    format!(
        "usage: cargo xtask mutants [--package P] [--file F]... [--shard K/N] [--jobs J] [--list]
       cargo xtask mutants --summary
  P: one of {} (default: all of them)
  F: a source file or glob; a bare name matches at any depth (`report.rs` is also
     `strategy/report.rs`): give the path to be exact (`crates/engine/src/report.rs`)
  --shard K/N: the K-th of N slices (1-based), to run a full pass a piece at a time
  --in-diff D: only mutants on the lines the diff file D changes (`git diff BASE > D`):
     after a full pass, what changed since its commit
  --summary: add up every report under target/mutants/",
        PURE_CRATES.join(", ")
    )
}

pub fn command(env: &Env, args: &[String]) -> Result<(), String> {
    let request = parse(args)?;
    if request.help {
        println!("{}", usage());
        return Ok(());
    }
    let root = env.root.join("target/mutants");
    if request.summary {
        return summary(&root);
    }
    ensure_cargo_mutants(env)?;
    let packages: Vec<&str> = match &request.package {
        Some(p) => vec![p.as_str()],
        None => PURE_CRATES.to_vec(),
    };
    let mut cmd = Command::new("cargo");
    cmd.arg("mutants");
    for package in &packages {
        cmd.args(["--package", package]);
    }
    for file in &request.files {
        cmd.args(["--file", file]);
    }
    if let Some(diff) = &request.in_diff {
        cmd.args(["--in-diff", diff]);
    }
    if request.list {
        return env.run(cmd.arg("--list"));
    }
    let out = root.join(run_name(&request));
    if let Some((k, n)) = request.shard {
        // cargo-mutants counts shards from 0; slices keep a file's mutants together.
        cmd.args(["--shard", &format!("{}/{n}", k - 1), "--sharding", "slice"]);
    }
    if let Some(jobs) = request.jobs {
        cmd.args(["--jobs", &jobs.to_string()]);
    }
    cmd.arg("--output").arg(&out);
    // cargo-mutants creates its report folder, not the folders above it.
    std::fs::create_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    // cargo-mutants exits non-zero when a mutant is missed or times out (a timeout is a mutant
    // the tests did not pass): the report below, not its exit code, gives the verdict.
    println!("==> cargo mutants ({})", run_name(&request));
    let ran = env.run(&mut cmd);
    // No report (the baseline failed, say): cargo-mutants' own error is the one to show.
    let counts = match read_counts(&out.join("mutants.out")) {
        Ok(counts) => counts,
        Err(e) => return ran.and(Err(e)),
    };
    println!("==> {}: {}", out.display(), counts.line());
    print_missed(&out.join("mutants.out"));
    match counts.missed() {
        0 if counts.total() == 0 => ran.and(Err("no mutant was tested".into())),
        0 => Ok(()),
        missed => Err(format!(
            "{missed} mutant(s) missed: add a test of the behaviour each one changes"
        )),
    }
}

fn parse(args: &[String]) -> Result<Request, String> {
    let mut request = Request::default();
    let mut rest = args.iter();
    let bad = |what: &str| format!("{what}\n\n{}", usage());
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| bad(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--package" | "-p" => {
                let p = value()?;
                if !PURE_CRATES.contains(&p.as_str()) {
                    return Err(bad(&format!("`{p}` is not one of the pure crates")));
                }
                request.package = Some(p);
            }
            "--file" | "-f" => request.files.push(value()?),
            "--shard" => {
                let v = value()?;
                request.shard =
                    Some(parse_shard(&v).ok_or_else(|| {
                        bad(&format!("--shard {v}: expected K/N with 1 <= K <= N"))
                    })?);
            }
            "--jobs" | "-j" => {
                let v = value()?;
                request.jobs =
                    Some(v.parse().ok().filter(|&j| j > 0).ok_or_else(|| {
                        bad(&format!("--jobs {v}: expected a whole number above 0"))
                    })?);
            }
            "--in-diff" => request.in_diff = Some(value()?),
            "--summary" => request.summary = true,
            "--help" | "-h" => request.help = true,
            "--list" => request.list = true,
            other => return Err(bad(&format!("unexpected argument `{other}`"))),
        }
    }
    Ok(request)
}

/// `K/N` with 1 <= K <= N.
fn parse_shard(text: &str) -> Option<(u32, u32)> {
    let (k, n) = text.split_once('/')?;
    let (k, n) = (k.parse().ok()?, n.parse().ok()?);
    (1..=n).contains(&k).then_some((k, n))
}

/// The report folder's name: what was mutated, so two runs do not overwrite each other.
fn run_name(request: &Request) -> String {
    let mut parts = vec![request
        .package
        .as_deref()
        .map_or("all", |p| p.trim_start_matches("relance-"))
        .to_owned()];
    for file in &request.files {
        let clean: String = file
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        parts.push(clean);
    }
    // A folder name stays well under the 255 bytes a file system allows: a long list of files
    // is named by its count and a hash of the list.
    if parts.iter().map(String::len).sum::<usize>() > 100 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&request.files, &mut hasher);
        let hash = std::hash::Hasher::finish(&hasher);
        parts.truncate(1);
        parts.push(format!("{}-files-{hash:016x}", request.files.len()));
    }
    if let Some(diff) = &request.in_diff {
        let stem = Path::new(diff)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let clean: String = stem
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        parts.push(format!("diff-{clean}"));
    }
    if let Some((k, n)) = request.shard {
        parts.push(format!("shard-{k}-of-{n}"));
    }
    parts.join("-")
}

fn ensure_cargo_mutants(env: &Env) -> Result<(), String> {
    tools::ensure_cargo_install(
        env,
        "cargo-mutants",
        CARGO_MUTANTS_VERSION,
        "about 3 min",
        Command::new("cargo").args(["mutants", "--version"]),
    )
}

/// How many mutants ended each way in one report.
#[derive(Default)]
struct Counts([usize; OUTCOMES.len()]);

impl Counts {
    fn missed(&self) -> usize {
        self.0[1]
    }

    fn total(&self) -> usize {
        self.0.iter().sum()
    }

    fn add(&mut self, other: &Counts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    fn line(&self) -> String {
        let parts: Vec<String> = OUTCOMES
            .iter()
            .zip(self.0)
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        format!("{} mutants: {}", self.total(), parts.join(", "))
    }
}

/// The counts of the report in `dir` (a `mutants.out` folder), one mutant per line of each file.
fn read_counts(dir: &Path) -> Result<Counts, String> {
    let mut counts = Counts::default();
    for (slot, name) in counts.0.iter_mut().zip(OUTCOMES) {
        let path = dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        *slot = text.lines().filter(|l| !l.trim().is_empty()).count();
    }
    Ok(counts)
}

fn print_missed(dir: &Path) {
    if let Ok(text) = std::fs::read_to_string(dir.join("missed.txt")) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            println!("    missed: {line}");
        }
    }
}

/// `--summary`: every report under `target/mutants/`, then their sum.
fn summary(root: &Path) -> Result<(), String> {
    let mut reports: Vec<PathBuf> = std::fs::read_dir(root)
        .map_err(|e| format!("no reports in {}: {e}", root.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("mutants.out"))
        .filter(|dir| dir.join("outcomes.json").exists())
        .collect();
    reports.sort();
    let mut total = Counts::default();
    for dir in &reports {
        let counts = read_counts(dir)?;
        let name = dir
            .parent()
            .unwrap_or(dir)
            .strip_prefix(root)
            .unwrap_or(dir);
        println!("{}: {}", name.display(), counts.line());
        print_missed(dir);
        total.add(&counts);
    }
    println!("all reports: {}", total.line());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_one_based_and_within_their_count() {
        assert_eq!(parse_shard("1/8"), Some((1, 8)));
        assert_eq!(parse_shard("8/8"), Some((8, 8)));
        assert_eq!(parse_shard("0/8"), None);
        assert_eq!(parse_shard("9/8"), None);
        assert_eq!(parse_shard("x/8"), None);
    }

    #[test]
    fn each_run_has_its_own_report_folder() {
        let args = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let name = |s: &str| parse(&args(s)).map(|r| run_name(&r));
        assert_eq!(name("--shard 2/8"), Ok("all-shard-2-of-8".to_owned()));
        assert_eq!(
            name("-p relance-engine -f compute.rs"),
            Ok("engine-compute_rs".to_owned())
        );
        let many = format!(
            "-p relance-engine{}",
            " -f crates/engine/src/law/prescription.rs".repeat(8)
        );
        let long = name(&many).unwrap_or_default();
        assert!(
            long.starts_with("engine-8-files-") && long.len() < 60,
            "{long}"
        );
        assert_eq!(
            name("--in-diff /tmp/since-affc3ab.diff --shard 1/2"),
            Ok("all-diff-since_affc3ab-shard-1-of-2".to_owned())
        );
        assert!(name("-p relance-web").is_err());
        assert!(name("--jobs 0").is_err());
    }
}
