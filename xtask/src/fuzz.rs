//! `cargo xtask fuzz [TARGET] [--seconds N]` and the fuzz smoke stage of `cargo xtask test`.
//!
//! The targets live in `fuzz/` (cargo-fuzz layout, its own workspace, excluded from the main
//! one). They are built by the nightly toolchain (`cargo +nightly fuzz`, which wins over
//! `rust-toolchain.toml`) into `fuzz/target/`; each run starts from the seeds in `fuzz/seeds/`
//! and grows a local corpus in `fuzz/corpus/<target>/`; a crash is written to
//! `fuzz/artifacts/<target>/` (all three ignored by git). A crash, a panic, a timeout (one
//! input over `TIMEOUT_SECONDS`) or running out of memory (`RSS_LIMIT_MB`) fails the run.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::env::Env;
use crate::tools;

const CARGO_FUZZ_VERSION: &str = "0.13.2";
const NIGHTLY: &str = "nightly";
/// The build flags, the same for `cargo xtask fuzz` and the smoke stage so they share a build:
/// debug assertions (and so overflow checks) on; no sanitizer, since every crate of ours
/// forbids `unsafe` (a safe-Rust bug is a panic, which libFuzzer catches without one).
const BUILD_FLAGS: [&str; 3] = ["--debug-assertions", "--sanitizer", "none"];
/// One input taking longer than this is a failure (a hang or quadratic blow-up).
const TIMEOUT_SECONDS: u32 = 10;
const RSS_LIMIT_MB: u32 = 2048;
/// Longest input tried: a dossier of about a hundred invoices, or as many pasted rows.
const MAX_LEN: u32 = 16384;
/// Seconds per target for `cargo xtask fuzz` without `--seconds`.
pub const DEFAULT_SECONDS: u32 = 60;
/// Seconds per target in `cargo xtask test`.
pub const SMOKE_SECONDS: u32 = 20;

/// A fuzz target, the seed folder it starts from and its dictionary (under `fuzz/`).
pub struct Target {
    pub name: &'static str,
    seeds: &'static str,
    dict: &'static str,
}

pub const TARGETS: [Target; 8] = [
    Target {
        name: "dossier_parse",
        seeds: "seeds/dossier",
        dict: "dossier.dict",
    },
    Target {
        name: "compute",
        seeds: "seeds/dossier",
        dict: "dossier.dict",
    },
    Target {
        name: "paste",
        seeds: "seeds/paste",
        dict: "paste.dict",
    },
    Target {
        name: "letter",
        seeds: "seeds/dossier",
        dict: "dossier.dict",
    },
    Target {
        name: "strategy",
        seeds: "seeds/dossier",
        dict: "dossier.dict",
    },
    Target {
        name: "fec",
        seeds: "seeds/fec",
        dict: "fec.dict",
    },
    Target {
        name: "einvoice",
        seeds: "seeds/einvoice",
        dict: "einvoice.dict",
    },
    Target {
        name: "pdf",
        seeds: "seeds/pdf",
        dict: "pdf.dict",
    },
];

/// How a run ended.
pub struct Outcome {
    pub ok: bool,
    /// libFuzzer's `Done N runs in S second(s)` line, if it got that far.
    pub summary: Option<String>,
    /// The input that failed, as libFuzzer wrote it.
    pub artifact: Option<PathBuf>,
}

/// `cargo xtask fuzz [TARGET] [--seconds N]`.
pub fn command(env: &Env, args: &[String]) -> Result<(), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut only: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--seconds needs a whole number of seconds above 0")?;
            }
            name if only.is_none() && !name.starts_with('-') => only = Some(name),
            other => return Err(format!("unexpected argument `{other}`\n\n{}", usage())),
        }
    }
    let targets: Vec<&Target> = match only {
        None => TARGETS.iter().collect(),
        Some(name) => vec![TARGETS
            .iter()
            .find(|t| t.name == name)
            .ok_or_else(|| format!("unknown fuzz target `{name}`\n\n{}", usage()))?],
    };
    let toolchain = ensure_tools(env)?;
    env.step("cargo fuzz build", || build(env, &toolchain))?;
    let mut failed = Vec::new();
    for target in targets {
        let outcome = run(env, &toolchain, target, seconds, true);
        if !outcome.ok {
            failed.push(target.name);
        }
    }
    if failed.is_empty() {
        println!("==> fuzz: no crash");
        Ok(())
    } else {
        Err(format!("fuzz target(s) failed: {}", failed.join(", ")))
    }
}

pub fn usage() -> String {
    let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
    format!(
        "usage: cargo xtask fuzz [TARGET] [--seconds N]   (default: every target, {DEFAULT_SECONDS} s each)\ntargets: {}",
        names.join(", ")
    )
}

/// How cargo-fuzz is run: `cargo +nightly`, or, where no nightly toolchain can be had, the
/// pinned toolchain with `RUSTC_BOOTSTRAP=1` (which unlocks the same unstable flags).
pub struct Toolchain {
    nightly: bool,
}

impl Toolchain {
    /// How to type the cargo-fuzz command by hand, for messages.
    fn shown(&self) -> String {
        if self.nightly {
            format!("cargo +{NIGHTLY} fuzz")
        } else {
            "RUSTC_BOOTSTRAP=1 cargo fuzz".to_owned()
        }
    }

    fn cargo(&self, env: &Env) -> Command {
        let mut cmd = Command::new("cargo");
        if self.nightly {
            cmd.arg(format!("+{NIGHTLY}"));
        } else {
            cmd.env("RUSTC_BOOTSTRAP", "1");
        }
        // Our own build directory, whatever CARGO_TARGET_DIR says: the fuzz build's flags
        // differ from every other build's.
        cmd.arg("fuzz").env_remove("CARGO_TARGET_DIR");
        cmd.current_dir(&env.root);
        cmd
    }
}

/// The nightly toolchain (installed with rustup if absent) and cargo-fuzz at its pinned
/// version (from crates.io, into cargo's bin directory).
pub fn ensure_tools(env: &Env) -> Result<Toolchain, String> {
    let toolchain = ensure_nightly(env);
    tools::ensure_cargo_install(
        env,
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        "about 1 min",
        Command::new("cargo-fuzz").arg("--version"),
    )?;
    Ok(toolchain)
}

fn ensure_nightly(env: &Env) -> Toolchain {
    let has_nightly = || {
        env.output(Command::new("rustup").args(["run", NIGHTLY, "rustc", "--version"]))
            .is_some_and(|v| v.contains("-nightly"))
    };
    if has_nightly() {
        println!("==> rust toolchain {NIGHTLY}: present");
        return Toolchain { nightly: true };
    }
    let installed = env.step(&format!("rustup toolchain install {NIGHTLY}"), || {
        env.run(Command::new("rustup").args([
            "toolchain",
            "install",
            NIGHTLY,
            "--profile",
            "minimal",
        ]))
    });
    if installed.is_ok() && has_nightly() {
        return Toolchain { nightly: true };
    }
    println!("==> no {NIGHTLY} toolchain: fuzzing with the pinned toolchain and RUSTC_BOOTSTRAP=1");
    Toolchain { nightly: false }
}

/// Builds every target (one cargo run, so the dependencies are built once).
pub fn build(env: &Env, toolchain: &Toolchain) -> Result<(), String> {
    let target_dir = env.root.join("fuzz/target");
    env.run(
        toolchain
            .cargo(env)
            .arg("build")
            .args(BUILD_FLAGS)
            .arg("--target-dir")
            .arg(target_dir),
    )
}

/// Runs `target` for `seconds`. With `verbose`, libFuzzer's progress lines are shown as they
/// come; otherwise only its other lines, and the last ones again if it fails.
pub fn run(
    env: &Env,
    toolchain: &Toolchain,
    target: &Target,
    seconds: u32,
    verbose: bool,
) -> Outcome {
    let fuzz = env.root.join("fuzz");
    let corpus = fuzz.join("corpus").join(target.name);
    // libFuzzer grows the first folder; cargo-fuzz writes crashes to fuzz/artifacts/<target>/.
    if let Err(e) = std::fs::create_dir_all(&corpus) {
        eprintln!("error: cannot create {}: {e}", corpus.display());
        return Outcome {
            ok: false,
            summary: None,
            artifact: None,
        };
    }
    println!("==> fuzz {} ({seconds} s)", target.name);
    let start = Instant::now();
    let mut cmd = toolchain.cargo(env);
    cmd.args(["run", target.name])
        .args(BUILD_FLAGS)
        .arg("--target-dir")
        .arg(fuzz.join("target"))
        .arg(&corpus)
        .arg(fuzz.join(target.seeds))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .arg(format!("-dict={}", fuzz.join(target.dict).display()));
    let outcome = watch(env, &mut cmd, verbose);
    let verdict = if outcome.ok { "ok" } else { "FAILED" };
    println!(
        "==> fuzz {}: {verdict} in {:.1} s{}",
        target.name,
        start.elapsed().as_secs_f64(),
        outcome
            .summary
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default()
    );
    if let Some(artifact) = &outcome.artifact {
        let shown = artifact.strip_prefix(&env.root).unwrap_or(artifact);
        println!("    crash input: {}", artifact.display());
        println!(
            "    reproduce:   {} run {} {} {}",
            toolchain.shown(),
            BUILD_FLAGS.join(" "),
            target.name,
            shown.display()
        );
        println!(
            "    minimise:    {} tmin {} {} {}",
            toolchain.shown(),
            BUILD_FLAGS.join(" "),
            target.name,
            shown.display()
        );
        println!("    then make it a regression test (crates/*/tests/fuzz_regressions.rs)");
    }
    outcome
}

/// Runs cargo-fuzz, reading its stderr (libFuzzer's and cargo's output) for the summary line
/// and the path of a failing input.
fn watch(env: &Env, cmd: &mut Command, verbose: bool) -> Outcome {
    let mut outcome = Outcome {
        ok: false,
        summary: None,
        artifact: None,
    };
    let child = env.prepare(cmd).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            eprintln!("error: cannot run {}: {e}", crate::env::show(cmd));
            return outcome;
        }
    };
    let mut last: VecDeque<String> = VecDeque::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            // Progress lines: `#1234\tNEW    cov: …`.
            let progress = line.starts_with('#');
            if verbose || !progress {
                eprintln!("{line}");
            }
            if let Some(path) = line.split("Test unit written to ").nth(1) {
                outcome.artifact = Some(PathBuf::from(path.trim()));
            }
            if line.starts_with("Done ") {
                outcome.summary = Some(line.clone());
            }
            last.push_back(line);
            if last.len() > 60 {
                last.pop_front();
            }
        }
    }
    outcome.ok = child.wait().is_ok_and(|status| status.success());
    if !outcome.ok && !verbose {
        eprintln!("---- last lines ----");
        for line in &last {
            eprintln!("{line}");
        }
    }
    outcome
}
