//! `cargo xtask test`: every check, in the order CI runs them, then one closing line.
//!
//! Steps keep running after a failure so one run shows everything that is wrong; only the
//! size budget and the e2e tests are skipped when there is no build to check. The closing
//! line `N passed, M failed` counts each test of a test step and each other step as one.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::{tools, Env};

/// First-load budget: gzip -9 size of the .wasm, .js and .css files in dist/, summed.
const SIZE_BUDGET: u64 = 250 * 1024;
const WASM: &str = "wasm32-unknown-unknown";
const E2E: &str = "e2e tests (playwright)";

pub fn run(env: &Env) -> ExitCode {
    let start = Instant::now();
    let setup = (|| {
        tools::ensure_build_tools(env)?;
        tools::ensure_browser_tools(env)?;
        tools::ensure_npm_packages(env)?;
        // Trunk's --offline makes cargo offline too, so fetch everything first.
        env.step("cargo fetch --locked", || {
            env.run(&mut cargo("fetch --locked"))
        })
    })();
    if let Err(message) = setup {
        eprintln!("error: {message}");
        println!("0 passed, 1 failed");
        return ExitCode::FAILURE;
    }

    let mut tally = Tally::default();
    tally.check(env, "cargo fmt --check", &mut cargo("fmt --all --check"));
    let deny = ["--", "-D", "warnings"];
    let clippy = "clippy --all-targets --locked";
    tally.check(
        env,
        "clippy (native)",
        cargo(&format!("{clippy} --workspace")).args(deny),
    );
    let wasm_clippy = format!("{clippy} -p relance-web --target {WASM}");
    tally.check(
        env,
        "clippy (wasm32, relance-web)",
        cargo(&wasm_clippy).args(deny),
    );
    tally.tests(
        env,
        "native tests",
        &mut cargo("test --workspace --exclude relance-web --locked --no-fail-fast"),
    );
    tally.tests(
        env,
        "browser component tests",
        cargo(&format!(
            "test -p relance-web --target {WASM} --locked --no-fail-fast"
        ))
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            env.root.join("tests/webdriver.json"),
        ),
    );
    let built = tally.check(
        env,
        "trunk build (release-z)",
        Command::new("trunk")
            .args("build --release --cargo-profile release-z --offline --locked".split(' '))
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    );
    if built {
        tally.step(env, "size budget", || size_budget(&env.root.join("dist")));
        tally.e2e(env);
    } else {
        println!("==> size budget and e2e tests skipped: no build");
    }
    tally.report(start)
}

/// `cargo` with space-separated `args`.
fn cargo(args: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args.split(' '));
    cmd
}

/// Results so far: one row per step, and the counts for the closing line.
#[derive(Default)]
struct Tally {
    passed: u32,
    failed: u32,
    rows: Vec<String>,
}

impl Tally {
    fn record(&mut self, name: &str, ok: bool, seconds: f64) {
        if ok {
            self.passed += 1
        } else {
            self.failed += 1
        }
        self.rows.push(format!(
            "{:<30} {:<7} {seconds:>6.1} s",
            name,
            if ok { "ok" } else { "FAILED" }
        ));
    }

    /// A step that counts as one: passed if the command succeeds.
    fn check(&mut self, env: &Env, name: &str, cmd: &mut Command) -> bool {
        self.step(env, name, || env.run(cmd))
    }

    /// A step that counts as one: passed if `f` succeeds.
    fn step(&mut self, env: &Env, name: &str, f: impl FnOnce() -> Result<(), String>) -> bool {
        let start = Instant::now();
        let ok = env.step(name, f).is_ok();
        self.record(name, ok, start.elapsed().as_secs_f64());
        ok
    }

    /// A `cargo test` step: counts the tests from each binary's `test result:` line.
    fn tests(&mut self, env: &Env, name: &str, cmd: &mut Command) {
        println!("==> {name}");
        let start = Instant::now();
        let result = run_counting(env, cmd);
        self.add_counts(name, result, start);
    }

    /// Playwright: counts the tests from its JSON report.
    fn e2e(&mut self, env: &Env) {
        let start = Instant::now();
        let dir = env.root.join("tests/e2e");
        let report = dir.join("artifacts/results.json");
        let _ = std::fs::remove_file(&report);
        println!("==> {E2E}");
        let run = env.run(
            Command::new("npx")
                .args(["--no", "playwright", "test"])
                .current_dir(&dir),
        );
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        let counts = match (
            json_number(&text, "expected"),
            json_number(&text, "unexpected"),
        ) {
            (Some(passed), Some(failed)) => (passed, failed, run.is_ok()),
            _ => (0, 0, false),
        };
        if let Err(message) = run {
            eprintln!("error: {message}");
        }
        self.add_counts(E2E, Ok(counts), start);
    }

    fn add_counts(&mut self, name: &str, result: Result<(u32, u32, bool), String>, start: Instant) {
        let (passed, mut failed, ok) = result.unwrap_or_else(|message| {
            eprintln!("error: {message}");
            (0, 0, false)
        });
        // A run that failed without reporting a failed test (build error, crash) still counts.
        if !ok && failed == 0 {
            failed = 1;
        }
        self.passed += passed;
        self.failed += failed;
        let verdict = if failed == 0 { "ok" } else { "FAILED" };
        let seconds = start.elapsed().as_secs_f64();
        println!("==> {name}: {verdict} in {seconds:.1} s ({passed} passed, {failed} failed)");
        self.rows.push(format!(
            "{name:<30} {verdict:<7} {seconds:>6.1} s  ({passed} passed, {failed} failed)"
        ));
    }

    fn report(self, start: Instant) -> ExitCode {
        println!("\n==> summary ({:.0} s)", start.elapsed().as_secs_f64());
        for row in &self.rows {
            println!("    {row}");
        }
        println!("{} passed, {} failed", self.passed, self.failed);
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// Runs `cmd`, echoing its stdout, and sums the `test result:` lines: (passed, failed, success).
fn run_counting(env: &Env, cmd: &mut Command) -> Result<(u32, u32, bool), String> {
    let mut child = env
        .prepare(cmd)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", crate::show(cmd)))?;
    let (mut passed, mut failed) = (0, 0);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(result) = line.trim_start().strip_prefix("test result:") {
                passed += count_before(result, "passed");
                failed += count_before(result, "failed");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("{}: {e}", crate::show(cmd)))?;
    Ok((passed, failed, status.success()))
}

/// In `ok. 3 passed; 1 failed; ...`, the number just before `word`.
fn count_before(text: &str, word: &str) -> u32 {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[1].trim_end_matches([';', ',']) == word)
        .and_then(|w| w[0].parse().ok())
        .unwrap_or(0)
}

/// The number after the first `"key":` in a JSON text (enough for Playwright's `stats`).
fn json_number(text: &str, key: &str) -> Option<u32> {
    let stats = &text[text.find("\"stats\"")?..];
    let rest = stats[stats.find(&format!("\"{key}\":"))? + key.len() + 3..].trim_start();
    rest[..rest.find(|c: char| !c.is_ascii_digit())?]
        .parse()
        .ok()
}

/// Checks the gzip -9 size of dist's .wasm, .js and .css files against `SIZE_BUDGET`.
fn size_budget(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "wasm" || x == "js" || x == "css")
        })
        .collect();
    files.sort();
    let mut total = 0;
    for file in &files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let out = Command::new("gzip")
            .args(["-9", "-c"])
            .arg(file)
            .output()
            .map_err(|e| format!("cannot run gzip: {e}"))?;
        let gz = out.stdout.len() as u64;
        total += gz;
        println!(
            "    {:<40} {raw:>9} B raw {gz:>9} B gzip",
            file.file_name().unwrap_or_default().to_string_lossy()
        );
    }
    let tenths = total * 10 / 1024;
    println!(
        "    first load (gzip -9): {total} B = {}.{} KiB, budget {} KiB",
        tenths / 10,
        tenths % 10,
        SIZE_BUDGET / 1024
    );
    if files.is_empty() {
        Err("dist/ has no .wasm, .js or .css file".into())
    } else if total > SIZE_BUDGET {
        Err(format!("over budget by {} B", total - SIZE_BUDGET))
    } else {
        Ok(())
    }
}
