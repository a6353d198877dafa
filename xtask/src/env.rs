//! Where the repository is, and how every child process is run (with our `PATH`, timed steps).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Where the repository is and the `PATH` every child process gets.
pub struct Env {
    pub root: PathBuf,
    path: OsString,
    cargo_home: PathBuf,
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

impl Env {
    /// The repository of this xtask, and a `PATH` with our installed tools first.
    pub fn new() -> Env {
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
        Env {
            root,
            path,
            cargo_home,
        }
    }

    /// Rust flags of the web app's release build: the source paths that panic locations keep
    /// in the module (`/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/src/…`, this
    /// checkout's directory) become `/crates/…` and `/relance/…`. The module no longer says
    /// where it was built, is the same from any directory, and is 0.1 KB smaller.
    pub fn web_rustflags(&self) -> String {
        let mut flags = vec![format!(
            "--remap-path-prefix={}=/relance",
            self.root.display()
        )];
        if let Ok(registries) = std::fs::read_dir(self.cargo_home.join("registry/src")) {
            for registry in registries.filter_map(Result::ok) {
                flags.push(format!(
                    "--remap-path-prefix={}=/crates",
                    registry.path().display()
                ));
            }
        }
        // The variable is split at blanks: a path holding one is left as it is.
        flags.retain(|f| !f.contains(char::is_whitespace));
        flags.join(" ")
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
