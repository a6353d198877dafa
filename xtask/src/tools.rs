//! Installs the tools `serve` and `test` need, only when missing or at the wrong version.
//!
//! Every tool comes from a package registry (crates.io, npm, Debian); nothing is downloaded
//! at build time, which is why Trunk runs `--offline` and must find these on `PATH`.

use std::path::Path;
use std::process::Command;

use crate::env::Env;

const TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_VERSION: &str = "0.21.14";
const APT_PACKAGES: [&str; 6] = [
    "chromium",
    "chromium-driver",
    "poppler-utils",
    "qpdf",
    "unzip",
    "libreoffice-writer-nogui",
];
/// Files the Debian packages above provide.
const APT_FILES: [&str; 6] = [
    "/usr/bin/chromium",
    "/usr/bin/chromedriver",
    "/usr/bin/pdftotext",
    "/usr/bin/qpdf",
    "/usr/bin/unzip",
    "/usr/bin/soffice",
];

/// The wasm32 target, trunk and the wasm-bindgen CLI matching Cargo.lock.
pub fn ensure_build_tools(env: &Env) -> Result<(), String> {
    ensure_target(env)?;
    ensure_trunk(env)?;
    ensure_wasm_bindgen(env)
}

fn ensure_target(env: &Env) -> Result<(), String> {
    let installed = env.output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l == TARGET)) {
        println!("==> rust target {TARGET}: present");
        return Ok(());
    }
    env.step(&format!("rustup target add {TARGET}"), || {
        env.run(Command::new("rustup").args(["target", "add", TARGET]))
    })
}

fn ensure_trunk(env: &Env) -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if env
        .output(Command::new("trunk").arg("--version"))
        .as_deref()
        == Some(wanted.as_str())
    {
        println!("==> {wanted}: present");
        return Ok(());
    }
    // Trunk's own release profile is fat LTO on one codegen unit: ~14 min on 2 cores instead of ~8.
    env.step(
        &format!("cargo install trunk {TRUNK_VERSION} (6 to 15 min on 2 cores)"),
        || {
            env.run(
                Command::new("cargo")
                    .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
                    .env("CARGO_PROFILE_RELEASE_LTO", "false")
                    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            )
        },
    )
}

fn ensure_wasm_bindgen(env: &Env) -> Result<(), String> {
    let version = locked_version(&env.root, "wasm-bindgen")?;
    let present = |tool: &str| {
        env.output(Command::new(tool).arg("--version")).as_deref()
            == Some(format!("{tool} {version}").as_str())
    };
    if present("wasm-bindgen") && present("wasm-bindgen-test-runner") {
        println!("==> wasm-bindgen-cli {version}: present");
        return Ok(());
    }
    // Not --locked: the CLI's own lockfile wants a webpki-roots release the registry lacks.
    env.step(
        &format!("cargo install wasm-bindgen-cli {version} (about 3 min)"),
        || {
            env.run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &version,
            ]))
        },
    )
}

/// `cargo install --locked krate --version version`, unless `check` already prints
/// `<krate> <version>`; `duration` tells how long the install takes on 2 cores.
pub fn ensure_cargo_install(
    env: &Env,
    krate: &str,
    version: &str,
    duration: &str,
    check: &mut Command,
) -> Result<(), String> {
    let wanted = format!("{krate} {version}");
    if env.output(check).as_deref() == Some(wanted.as_str()) {
        println!("==> {wanted}: present");
        return Ok(());
    }
    env.step(&format!("cargo install {wanted} ({duration})"), || {
        env.run(Command::new("cargo").args(["install", krate, "--version", version, "--locked"]))
    })
}

/// The version of `package` recorded in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            let version = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \"")?.strip_suffix('"'));
            return version
                .map(str::to_string)
                .ok_or(format!("Cargo.lock: no version after {name_line}"));
        }
    }
    Err(format!("Cargo.lock has no {package} package"))
}

/// Chromium, ChromeDriver, and the letter tests' pdftotext, qpdf, unzip and LibreOffice from Debian; installed with apt-get when running as root.
pub fn ensure_browser_tools(env: &Env) -> Result<(), String> {
    if env
        .output(Command::new("python3").arg("--version"))
        .is_none()
    {
        return Err(
            "python3 not found: the e2e tests serve dist/ with `python3 -m http.server`".into(),
        );
    }
    let missing: Vec<&str> = APT_FILES
        .into_iter()
        .filter(|f| !Path::new(f).exists())
        .collect();
    if missing.is_empty() {
        println!("==> chromium, chromedriver, pdftotext, qpdf, unzip, soffice: present");
        return Ok(());
    }
    let packages = APT_PACKAGES.join(" ");
    if env.output(Command::new("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!(
            "missing {}; as root, run: apt-get install {packages}",
            missing.join(", ")
        ));
    }
    env.step(&format!("apt-get install {packages}"), || {
        env.run(Command::new("apt-get").arg("update"))?;
        env.run(
            Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(APT_PACKAGES)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    })
}

/// Playwright, axe and binaryen (whose wasm-opt Trunk uses) from tests/e2e/package-lock.json.
pub fn ensure_npm_packages(env: &Env) -> Result<(), String> {
    if env.output(Command::new("npm").arg("--version")).is_none() {
        return Err("npm not found: install Node.js 20 and npm".into());
    }
    let e2e = env.root.join("tests/e2e");
    // `npm ls` fails when a package is missing or not at the pinned version.
    if env
        .output(
            Command::new("npm")
                .args(["ls", "--depth=0"])
                .current_dir(&e2e),
        )
        .is_some()
    {
        println!("==> npm packages in tests/e2e: present");
        return Ok(());
    }
    env.step("npm ci in tests/e2e", || {
        env.run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&e2e)
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        )
    })
}
