//! Architecture invariant: the engine knows nothing about the browser. No web crate may
//! appear in its dependency tree, for any target (chrono's `wasmbind` would pull `js-sys`
//! on wasm32 only, hence `--target all`).

use std::process::Command;

#[test]
fn engine_has_no_web_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "relance-engine",
            "-e",
            "normal",
            "--target",
            "all",
            "--prefix",
            "none",
            "--locked",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo tree: {e}"));
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        tree.contains("relance-engine"),
        "unexpected cargo tree output:\n{tree}"
    );
    let forbidden = ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"];
    let offenders: Vec<&str> = tree
        .lines()
        .filter(|l| {
            forbidden
                .iter()
                .any(|f| l.split_whitespace().next() == Some(*f))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "web crates in the engine's tree: {offenders:?}"
    );
}
