//! `cargo xtask serve`, `cargo xtask build` and `cargo xtask bench-web`: install the build tools,
//! then run Trunk (and, for the benchmark, Playwright on the build).

use std::process::Command;

use crate::env::Env;
use crate::{pipeline, tools};

/// `cargo xtask serve`: installs the build tools, then runs `trunk serve` until interrupted.
pub fn serve(env: &Env) -> Result<(), String> {
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
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env(pipeline::WEB_RUSTFLAGS, env.web_rustflags()),
    )
}

/// `cargo xtask build`: installs the build tools, builds dist/ and checks the size budget.
pub fn build(env: &Env) -> Result<(), String> {
    tools::ensure_build_tools(env)?;
    tools::ensure_npm_packages(env)?;
    env.step("cargo fetch --locked", || {
        env.run(Command::new("cargo").args(["fetch", "--locked"]))
    })?;
    env.step("trunk build (release-z)", || {
        env.run(&mut pipeline::trunk_build(env))
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

/// `cargo xtask bench-web`: builds dist/ (printing its sizes), then runs the browser benchmarks
/// (`tests/e2e/*.bench.ts`) in Debian's Chromium: typing cost against the dossier's size, and
/// the slow-phone start. Figures are printed and written to tests/e2e/artifacts/bench-web.json.
pub fn bench_web(env: &Env) -> Result<(), String> {
    build(env)?;
    tools::ensure_browser_tools(env)?;
    env.step("browser benchmarks (tests/e2e/*.bench.ts)", || {
        env.run(
            Command::new("npx")
                .args("--no playwright test --config bench.config.ts".split(' '))
                .current_dir(env.root.join("tests/e2e")),
        )
    })
}
