//! `cargo xtask test`: every check, in the order CI runs them, then one closing line.
//!
//! Steps keep running after a failure so one run shows everything that is wrong; only the
//! size budget and the e2e tests are skipped when there is no build to check. The closing
//! line `N passed, M failed` counts each test of a test step and each other step as one
//! (each fuzz target's smoke run is one; each Lighthouse category checked is one).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::env::Env;
use crate::html::{attribute, query_value};
use crate::{fuzz, tools};

/// The first load's budget: gzip -9 size of everything index.html loads (the stylesheet, the
/// module scripts, and the modules carrying the quick start's and the app's WebAssembly that
/// boot.js requests), summed.
/// Issue 16 set 350 000 B for every feature of the open issues; their page parts were measured
/// not to fit (docs/measurements.md), so the budget grows only by what a page part measured
/// when it landed: the judgment's (issue 13), 26.8 KB; the court step's (issue 14), 40.4 KB; the
/// invoices' import and the portfolio (issue 15), 59.4 KB; their reading in slices with its
/// progress, and the portfolio computed and kept in slices (issue 15's « without freezing the
/// page »), 8.0 KB; the quick start's own module, requested before the app's, with the app's
/// hand-over (issue 16's « usable before everything has arrived »), 83.9 KB.
const TOTAL_BUDGET: u64 = 566_900;
/// How the quick start's files are named (xtask/src/bin/embed-wasm-and-hash.rs).
const QUICK: &str = "relance-web-quick-";
const WASM: &str = "wasm32-unknown-unknown";
const E2E: &str = "e2e tests (playwright)";
/// Lighthouse (tests/e2e/lighthouse.mjs) on dist/, mobile and desktop: Accessibility, Best
/// Practices and SEO must be 100 (one test each per form factor, and robots.txt checked outside
/// the page); Performance is printed. Reports in tests/e2e/artifacts/lighthouse/.
const LIGHTHOUSE: &str = "lighthouse";

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
    // The quick start's page glue (crates/quick/src/page.rs) exists on wasm32 only.
    let wasm_clippy = format!("{clippy} -p relance-web -p relance-quick --target {WASM}");
    tally.check(
        env,
        "clippy (wasm32, relance-web and relance-quick)",
        cargo(&wasm_clippy).args(deny),
    );
    tally.tests(
        env,
        "native tests",
        &mut cargo("test --workspace --exclude relance-web --locked --no-fail-fast"),
    );
    // The engine as the page builds it (`user-rates`, `judgment`, `court`: since issue 14's page
    // part, the CLI's features too), kept apart so that the two can diverge again.
    tally.tests(
        env,
        "native tests (the page's engine)",
        &mut cargo(
            "test -p relance-engine --no-default-features --features user-rates,judgment,court --lib --locked --no-fail-fast",
        ),
    );
    fuzz_smoke(env, &mut tally);
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
    let built = tally.check(env, "trunk build (release-z)", &mut trunk_build(env));
    if built {
        tally.step(env, "size budget", || size_budget(&env.root.join("dist")));
        tally.e2e(env);
        tally.tests_with(
            env,
            LIGHTHOUSE,
            Command::new("node")
                .arg("lighthouse.mjs")
                .current_dir(env.root.join("tests/e2e"))
                .env("CHROME_PATH", "/usr/bin/chromium"),
            "lighthouse:",
        );
    } else {
        println!("==> size budget, e2e tests and lighthouse skipped: no build");
    }
    tally.report(start)
}

/// Every fuzz target for `fuzz::SMOKE_SECONDS`, each counted as one test; installing the tools
/// (cargo-fuzz, nightly) and building the targets count as one step. Any crash, panic,
/// timeout or out-of-memory fails its target, with the input's path and the command that
/// replays it.
fn fuzz_smoke(env: &Env, tally: &mut Tally) {
    let mut toolchain = None;
    let built = tally.step(env, "fuzz build (cargo-fuzz)", || {
        let found = fuzz::ensure_tools(env)?;
        fuzz::build(env, &found)?;
        toolchain = Some(found);
        Ok(())
    });
    let Some(toolchain) = toolchain.filter(|_| built) else {
        println!("==> fuzz smoke skipped: no build");
        return;
    };
    for target in &fuzz::TARGETS {
        let start = Instant::now();
        let outcome = fuzz::run(env, &toolchain, target, fuzz::SMOKE_SECONDS, false);
        let name = format!("fuzz {} ({} s)", target.name, fuzz::SMOKE_SECONDS);
        tally.record(&name, outcome.ok, start.elapsed().as_secs_f64());
        if let Some(artifact) = outcome.artifact {
            tally
                .rows
                .push(format!("  crash input: {}", artifact.display()));
        }
    }
}

/// `cargo` with space-separated `args`.
fn cargo(args: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args.split(' '));
    cmd
}

/// The release build of dist/ (index.html, scripts, stylesheet, manifest, icons, sw.js).
pub fn trunk_build(env: &Env) -> Command {
    let mut cmd = Command::new("trunk");
    cmd.args("build --release --cargo-profile release-z --offline --locked".split(' '))
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env(WEB_RUSTFLAGS, env.web_rustflags());
    cmd
}

/// Cargo's variable for the rust flags of wasm32 builds only (not build scripts nor macros).
pub const WEB_RUSTFLAGS: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";

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
        self.tests_with(env, name, cmd, "test result:");
    }

    /// A step whose output has lines `<prefix> N passed, M failed` (summed).
    fn tests_with(&mut self, env: &Env, name: &str, cmd: &mut Command, prefix: &str) {
        println!("==> {name}");
        let start = Instant::now();
        let result = run_counting(env, cmd, prefix);
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

/// Runs `cmd`, echoing its stdout, and sums the lines starting with `prefix` (`test result:`):
/// (passed, failed, success).
fn run_counting(env: &Env, cmd: &mut Command, prefix: &str) -> Result<(u32, u32, bool), String> {
    let mut child = env
        .prepare(cmd)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", crate::env::show(cmd)))?;
    let (mut passed, mut failed) = (0, 0);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(result) = line.trim_start().strip_prefix(prefix) {
                passed += count_before(result, "passed");
                failed += count_before(result, "failed");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("{}: {e}", crate::env::show(cmd)))?;
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

/// Checks the first load against `TOTAL_BUDGET`: the gzip -9 size of every file dist/index.html
/// loads, i.e. what the browser downloads (the page makes no request after its load event).
/// Other files in dist/ are listed, not counted.
pub fn size_budget(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let loaded = local_references(&html);
    let mut total = 0;
    let mut quick = 0;
    for name in &loaded {
        let (raw, gz) = sizes(&dist.join(name)).map_err(|e| {
            format!("index.html loads {name}, which dist/ lacks or cannot gzip: {e}")
        })?;
        total += gz;
        if name.starts_with(QUICK) {
            quick += gz;
        }
        println!("    {name:<45} {raw:>9} B raw {gz:>9} B gzip");
    }
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut others: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "index.html" && !loaded.contains(name))
        .collect();
    others.sort();
    for name in &others {
        let (raw, gz) = sizes(&dist.join(name))?;
        println!("    (not loaded by index.html: {name:<24} {raw:>9} B raw {gz:>9} B gzip)");
    }
    // After the first visit the service worker downloads the build once more (its cache), with
    // revalidation: a server that answers 304 sends none of it again.
    let (mut raw_all, mut gz_all, mut count) = (0, 0, 0);
    for name in std::iter::once(&"index.html".to_string())
        .chain(&loaded)
        .chain(&others)
    {
        if name != "sw.js" {
            let (raw, gz) = sizes(&dist.join(name))?;
            (raw_all, gz_all, count) = (raw_all + raw, gz_all + gz, count + 1);
        }
    }
    println!("    service worker cache: {count} files, {raw_all} B raw, {gz_all} B gzip");
    println!(
        "    the quick start's own bindings and module (crates/quick, before the app's): {quick} B gzip"
    );
    let tenths = total * 10 / 1024;
    println!(
        "    first load (gzip -9): {total} B = {}.{} KiB, budget {TOTAL_BUDGET} B",
        tenths / 10,
        tenths % 10
    );
    if !loaded.iter().any(|name| name.ends_with(".js")) {
        Err("dist/index.html loads no script".into())
    } else if total > TOTAL_BUDGET {
        Err(format!(
            "first load over budget by {} B",
            total - TOTAL_BUDGET
        ))
    } else {
        Ok(())
    }
}

/// The local files an HTML text loads when it opens: its `<script src>`, the modules a script
/// is told to load by its `js=`, `wasm=`, `qjs=` and `quick=` parameters (src/boot.js requests
/// the WebAssembly modules itself), and its stylesheets and module preloads
/// (`<link rel="stylesheet|modulepreload|preload" href>`), without query, leading `./` or `/`
/// (Trunk's public URL), in order, once each; `data:` and other schemes are left out, and so are
/// links the browser reads only to install the app (manifest, touch icon).
fn local_references(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in html.match_indices('<') {
        let tag = &html[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let mut values = Vec::new();
        if tag.starts_with("<script") {
            if let Some(src) = attribute(tag, "src") {
                values.push(src);
                values.extend(
                    ["js", "wasm", "qjs", "quick"]
                        .iter()
                        .filter_map(|k| query_value(src, k)),
                );
            }
        } else if tag.starts_with("<link")
            && attribute(tag, "rel")
                .is_some_and(|rel| ["stylesheet", "modulepreload", "preload"].contains(&rel))
        {
            values.extend(attribute(tag, "href"));
        }
        for value in values {
            let path = value.split(['?', '#']).next().unwrap_or_default();
            let name = path.trim_start_matches("./").trim_start_matches('/');
            if !name.is_empty() && !path.contains(':') && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
    found
}

/// Raw and gzip -9 sizes of `file`, in bytes.
fn sizes(file: &Path) -> Result<(u64, u64), String> {
    let raw = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err("gzip failed".into());
    }
    Ok((raw, out.stdout.len() as u64))
}

#[cfg(test)]
mod tests {
    use super::local_references;

    #[test]
    fn finds_what_a_page_loads() {
        let html = r#"<link rel="icon" href="data:,"><link rel="stylesheet" href="/app-1.css" integrity="x"/>
<script type="module" src="/app-2.js"></script><script type="module" src="/app-2_bg.wasm.js"></script>
<script type="module" src="/boot.js?js=/app-2.js&amp;wasm=/app-2_bg.wasm.js"></script>
<a href="https://example.org/">x</a>"#;
        assert_eq!(
            local_references(html),
            ["app-1.css", "app-2.js", "app-2_bg.wasm.js", "boot.js"]
        );
        // boot.js requests the WebAssembly module itself: its parameters name it.
        let html = r#"<script type="module" src="./boot.js?js=./app-2.js&amp;wasm=./app-2_bg.wasm.js" integrity="z"></script><script type="module" fetchpriority="low" src="./app-2.js"></script>"#;
        assert_eq!(
            local_references(html),
            ["boot.js", "app-2.js", "app-2_bg.wasm.js"]
        );
        // Relative URLs (public_url = "./"); the manifest and the touch icon are not first-load files.
        let html = r#"<link rel="manifest" href="manifest.webmanifest"><link rel="apple-touch-icon" href="apple-touch-icon.png">
<link rel="stylesheet" href="./app-1.css" integrity="x"/><script type="module" src="./app-2.js" integrity="y"></script>"#;
        assert_eq!(local_references(html), ["app-1.css", "app-2.js"]);
    }
}
