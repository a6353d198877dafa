//! `cargo xtask <command>`: the project's only entry points for developers and CI.
//!
//! `serve`, `build` and `test` first install whatever is missing (see `tools`), then run. No
//! dependencies and hand-rolled argument parsing, so this builds in seconds on a fresh machine.

mod fuzz;
mod html;
mod mutants;
mod pipeline;
mod rates;
mod tools;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, then serve the app on http://127.0.0.1:8080
  build   install what is missing, then build dist/ for a static host (see README, Deploy)
  test    install what is missing, then run every check and test
  rates   regenerate the engine's rate tables from data/rates/*.csv
  bench   run the engine's benchmark
  fuzz [TARGET] [--seconds N]
          install cargo-fuzz (and nightly) if missing, then fuzz each target (or TARGET)
          for N seconds (default 60): dossier_parse, compute, paste, letter, strategy
  mutants [--package P] [--file F] [--shard K/N] [--jobs J] [--list] | --summary
          install cargo-mutants if missing, then mutation-test the pure crates
          (hours on 2 cores: run it a shard at a time; reports in target/mutants/)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.as_slice() {
        [command] => command.as_str(),
        [command, ..] if command == "fuzz" || command == "mutants" => command.as_str(),
        _ => "",
    };
    let env = Env::new();
    let result = match command {
        "serve" => serve(&env),
        "build" => build(&env),
        // `test` prints its own closing line, which must stay the last one.
        "test" => return pipeline::run(&env),
        "rates" => rates::run(),
        "fuzz" => fuzz::command(&env, &args[1..]),
        "mutants" => mutants::command(&env, &args[1..]),
        "bench" => env
            .run(Command::new("cargo").args("bench -p relance-engine --bench compute".split(' '))),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask serve`: installs the build tools, then runs `trunk serve` until interrupted.
fn serve(env: &Env) -> Result<(), String> {
    tools::ensure_build_tools(env)?;
    tools::ensure_npm_packages(env)?;
    // Trunk's --offline also makes cargo offline, so the registry must be cached first.
    env.step("cargo fetch --locked", || {
        env.run(Command::new("cargo").args(["fetch", "--locked"]))
    })?;
    println!("==> serving http://127.0.0.1:8080 (Ctrl-C to stop; reload the page after a change)");
    env.run(
        Command::new("trunk")
            .args("serve --offline --release --cargo-profile release-z".split(' '))
            .args("--address 127.0.0.1 --port 8080".split(' '))
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )
}

/// `cargo xtask build`: installs the build tools, builds dist/ and checks the size budget.
fn build(env: &Env) -> Result<(), String> {
    tools::ensure_build_tools(env)?;
    tools::ensure_npm_packages(env)?;
    env.step("cargo fetch --locked", || {
        env.run(Command::new("cargo").args(["fetch", "--locked"]))
    })?;
    env.step("trunk build (release-z)", || {
        env.run(&mut pipeline::trunk_build())
    })?;
    env.step("size budget", || {
        pipeline::size_budget(&env.root.join("dist"))
    })?;
    println!(
        "==> dist/ is ready: copy it to any static host, at its root or in a directory \
         (headers: deploy/_headers, deploy/nginx.conf)"
    );
    Ok(())
}

/// Where the repository is and the `PATH` every child process gets.
pub struct Env {
    pub root: PathBuf,
    path: OsString,
}

impl Env {
    fn new() -> Env {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        // Tools installed by `cargo install` and npm come first, so that trunk finds them
        // (and never Debian's binaryen, whose wasm-opt cannot read our wasm).
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
            .unwrap_or_else(|| PathBuf::from("/root/.cargo"));
        let mut dirs = vec![
            root.join("tests/e2e/node_modules/.bin"),
            cargo_home.join("bin"),
        ];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path = std::env::join_paths(dirs).unwrap_or_default();
        Env { root, path }
    }

    /// Prepares `cmd` to run in the repository root with our `PATH`.
    pub fn prepare<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        if cmd.get_current_dir().is_none() {
            cmd.current_dir(&self.root);
        }
        cmd.env("PATH", &self.path)
    }

    /// Runs `cmd` with inherited output; an error if it cannot start or exits non-zero.
    pub fn run(&self, cmd: &mut Command) -> Result<(), String> {
        let status = self
            .prepare(cmd)
            .status()
            .map_err(|e| format!("cannot run {}: {e}", show(cmd)))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", show(cmd)))
        }
    }

    /// Runs `cmd` and returns its trimmed stdout, or `None` if it cannot start or fails.
    pub fn output(&self, cmd: &mut Command) -> Option<String> {
        let out = self.prepare(cmd).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Prints `==> title`, runs `f` and reports how long it took.
    pub fn step<T>(&self, title: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
        println!("==> {title}");
        let start = Instant::now();
        let result = f();
        let verdict = if result.is_ok() { "ok" } else { "FAILED" };
        println!(
            "==> {title}: {verdict} in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        result
    }
}

/// The command line of `cmd`, for messages.
pub fn show(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}
