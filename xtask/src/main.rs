//! `cargo xtask <command>`: the project's only entry points for developers and CI.
//!
//! `serve`, `build` and `test` first install whatever is missing (see `tools`), then run. No
//! dependencies and hand-rolled argument parsing, so this builds in seconds on a fresh machine.

use std::process::{Command, ExitCode};

use xtask::build::{bench_web, build, serve};
use xtask::{fuzz, mutants, pipeline, rates, Env};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, then serve the app on http://127.0.0.1:8080
  build   install what is missing, then build dist/ for a static host (see README, Deploy)
  test    install what is missing, then run every check and test
  rates   regenerate the engine's rate tables from data/rates/*.csv
  bench   run the native benchmarks: the engine's, and the import of a 200 000-line FEC
  bench-web
          build dist/, print its sizes, then measure in Chromium the typing cost against the
          dossier's size and the start on a slow phone (tests/e2e/*.bench.ts)
  fuzz [TARGET] [--seconds N]
          install cargo-fuzz (and nightly) if missing, then fuzz each target (or TARGET)
          for N seconds (default 60): dossier_parse, compute, paste, letter, strategy
  mutants [--package P] [--file F] [--shard K/N] [--in-diff D] [--jobs J] [--list] | --summary
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
        "bench-web" => bench_web(&env),
        "bench" => env
            .run(Command::new("cargo").args("bench -p relance-engine --bench compute".split(' ')))
            .and_then(|()| {
                env.run(
                    Command::new("cargo").args("bench -p relance-import --bench fec".split(' ')),
                )
            }),
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
