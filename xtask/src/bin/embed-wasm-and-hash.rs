//! Trunk `post_build` hook (see Trunk.toml). In `$TRUNK_STAGING_DIR`, after Trunk has written
//! index.html, it
//!
//! 0. builds the quick start's module, `crates/quick` (issue 16: the calculator answers before
//!    the app has arrived): cargo (release-z), wasm-bindgen, wasm-opt, as Trunk does for the
//!    app, into `relance-web-quick-<hash>.js` and `relance-web-quick-<hash>_bg.wasm`; index.html
//!    loads its bindings after boot.js (low priority) and tells boot.js its module (`qjs=` and
//!    `quick=`);
//! 1. turns each `.wasm` (the quick start's and the app's) into a JavaScript module, so the page
//!    starts without `fetch()` and its Content-Security-Policy can say `connect-src 'none'`;
//! 2. minifies the scripts (Terser) and strips the stylesheet's comments and indentation
//!    (written for readers, not for the download), then writes Subresource Integrity hashes
//!    (`integrity="sha384-…"`) on every script and stylesheet of index.html, now that the files
//!    are final;
//! 3. writes `sw.js`, the service worker (`src/sw.js` with this build's file list and version).
//!
//! Step 1: `<name>_bg.wasm` becomes `<name>_bg.wasm.js`:
//! `export const size = N; export default "…";`, the string being the base64 of the `.wasm`
//! compressed as gzip by Zopfli (about 4.5 % smaller than `gzip -9`; 15 iterations, a few seconds).
//! `src/boot.js` decodes it (`atob`, `DecompressionStream`) and hands the
//! bytes to wasm-bindgen's `init`. A module script is governed by `script-src 'self'`, not by
//! `connect-src`. Measured on a 428 KB `.wasm`: 234 KB served as is (the `.wasm`: 428 KB) and
//! 0.5 % more than the `.wasm` once the server gzips it (one character per byte would cost 5 %
//! and twice the size uncompressed; plain base64 about 30 %).
//! The `.wasm` itself is deleted: nothing loads it, and dist/ holds only what the browser downloads.
//!
//! Step 2: Trunk hashes only what its own pipelines emit (the stylesheet), not the scripts of
//! Trunk.toml's `pattern_script` nor the module written here; every hash is recomputed here.
//!
//! Step 3: the file list is every file of the build but `sw.js` itself, `index.html` listed as
//! `./` (the URL the page is opened at, which a static host serves without redirect), each with
//! its SRI hash, which the worker checks when it downloads the file; the version is a hash of
//! that list. Any change in any file gives a new `sw.js`, which the browser installs as an
//! update. The staging directory becomes dist/ after this: dist/ is exactly what the worker
//! caches.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use sha2::{Digest, Sha384};

use xtask::html::{attribute, query_value};

/// The service worker, with a placeholder `const BUILD = …;` line replaced by `seal`.
const SERVICE_WORKER: &str = include_str!("../../../src/sw.js");
/// The placeholder line's start in `src/sw.js`.
const BUILD_LINE: &str = "const BUILD = ";

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR") else {
        eprintln!(
            "embed-wasm-and-hash: TRUNK_STAGING_DIR is not set (this runs as a Trunk post_build hook)"
        );
        return ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    // Trunk's public URL ("./" in Trunk.toml) prefixes every path it writes in index.html.
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let done = quick(dir, &public_url)
        .and_then(|()| embed(dir))
        .and_then(|()| seal(dir, &public_url));
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("embed-wasm-and-hash: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `command`: an error if it cannot start or fails.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run {shown} ({e}): `cargo xtask build` installs the tools"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Step 0: the quick start's module, built and named by its content, and index.html told of it.
fn quick(dir: &Path, public_url: &str) -> Result<(), String> {
    let root = std::env::var_os("TRUNK_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    run(Command::new("cargo").current_dir(&root).args([
        "build",
        "--quiet",
        "--offline",
        "--locked",
        "--package",
        "relance-quick",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "release-z",
    ]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let built = target.join("wasm32-unknown-unknown/release-z/relance_quick.wasm");
    let work = dir.join(".quick");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    run(Command::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "quick",
            "--out-dir",
        ])
        .arg(&work)
        .arg(&built))?;
    // The options of index.html's `data-wasm-opt-params` for the app.
    let optimised = work.join("quick.wasm");
    run(Command::new("wasm-opt")
        .args([
            "-Oz",
            "--converge",
            "--strip-producers",
            "--strip-target-features",
            "--output",
        ])
        .arg(&optimised)
        .arg(work.join("quick_bg.wasm")))?;
    let bytes = std::fs::read(&optimised)
        .map_err(|e| format!("cannot read {}: {e}", optimised.display()))?;
    let stem = format!("relance-web-quick-{}", short_hex(&Sha384::digest(&bytes)));
    for (from, to) in [
        (optimised, format!("{stem}_bg.wasm")),
        (work.join("quick.js"), format!("{stem}.js")),
    ] {
        std::fs::rename(&from, dir.join(&to))
            .map_err(|e| format!("cannot move {}: {e}", from.display()))?;
    }
    std::fs::remove_dir_all(&work).map_err(|e| format!("cannot remove {}: {e}", work.display()))?;
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let html = with_quick(&html, &format!("{public_url}{stem}"))?;
    std::fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// `html` with `&qjs=<stem>.js&quick=<stem>_bg.wasm.js` at the end of boot.js's URL, and the
/// quick start's bindings `<stem>.js` loaded right after boot.js, at low priority as the app's
/// (the stylesheet first: the first paint waits for it).
fn with_quick(html: &str, stem: &str) -> Result<String, String> {
    let boot = html
        .find("boot.js?")
        .ok_or("index.html has no boot.js?… script")?;
    let quote = html[boot..]
        .find('"')
        .ok_or("index.html: boot.js's src is not closed")?
        + boot;
    let close = html[quote..]
        .find("</script>")
        .ok_or("index.html: boot.js's script is not closed")?
        + quote
        + "</script>".len();
    Ok(format!(
        "{}&amp;qjs={stem}.js&amp;quick={stem}_bg.wasm.js{}<script type=\"module\" fetchpriority=\"low\" src=\"{stem}.js\"></script>{}",
        &html[..quote],
        &html[quote..close],
        &html[close..]
    ))
}

/// Step 1, for each module.
fn embed(dir: &Path) -> Result<(), String> {
    for wasm in the_wasm(dir)? {
        embed_one(&wasm)?;
    }
    Ok(())
}

fn embed_one(wasm: &Path) -> Result<(), String> {
    let dir = wasm.parent().unwrap_or(Path::new("."));
    let size = std::fs::metadata(wasm)
        .map_err(|e| format!("cannot read {}: {e}", wasm.display()))?
        .len();
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    // Zopfli writes a plain gzip stream (no name, no time stamp: the same .wasm gives the same
    // module), about 4.5 % smaller than `gzip -9`.
    let mut gzipped = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes.as_slice(),
        &mut gzipped,
    )
    .map_err(|e| format!("cannot compress {}: {e}", wasm.display()))?;
    let name = wasm.file_name().unwrap_or_default().to_string_lossy();
    // No comment line: the first load counts every byte (what it is: this file's doc).
    let module = format!(
        "export const size = {size};\nexport default \"{}\";\n",
        base64(&gzipped)
    );
    let out = dir.join(format!("{name}.js"));
    std::fs::write(&out, module).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    std::fs::remove_file(wasm).map_err(|e| format!("cannot remove {}: {e}", wasm.display()))
}

/// Steps 2 and 3: integrity hashes in index.html, then sw.js.
fn seal(dir: &Path, public_url: &str) -> Result<(), String> {
    // boot.js, wasm-bindgen's bindings and the stylesheet are commented and indented for
    // readers, not for the download (sw.js below too).
    let mut top = Vec::new();
    files(dir, "", &mut top)?;
    for name in top.iter().filter(|n| !n.contains('/')) {
        if name.ends_with(".css") {
            rewrite(&dir.join(name), stylesheet_for_download)?;
        } else if name.ends_with(".js") && !name.ends_with(".wasm.js") && name != "sw.js" {
            minify_module(&dir.join(name))?;
        }
    }
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let html = with_integrity(&html, |reference| {
        let name = local_path(reference, public_url).ok_or_else(|| {
            format!("index.html loads {reference}, which is not a file of the build")
        })?;
        integrity(&dir.join(name))
    })?;
    std::fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    let mut names = Vec::new();
    files(dir, "", &mut names)?;
    let mut list = Vec::new();
    for name in names.into_iter().filter(|n| n != "sw.js") {
        let hash = integrity(&dir.join(&name))?;
        list.push((
            if name == "index.html" {
                "./".to_string()
            } else {
                name
            },
            hash,
        ));
    }
    list.sort();
    let worker = service_worker(&script_for_download(SERVICE_WORKER), &list)?;
    let out = dir.join("sw.js");
    std::fs::write(&out, worker).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Minifies the JavaScript module `path` in place with Terser (npm `terser`, pinned in
/// tests/e2e/package.json; `cargo xtask` puts it on PATH): boot.js and wasm-bindgen's bindings,
/// 8.0 → 6.7 KB gzip in December 2026. Names of exports and of the imports object stay.
fn minify_module(path: &Path) -> Result<(), String> {
    let out = path.with_extension("min.js");
    let status = std::process::Command::new("terser")
        .arg(path)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&out)
        .status()
        .map_err(|e| {
            format!("cannot run terser ({e}): run `cargo xtask build`, which installs it")
        })?;
    if !status.success() {
        return Err(format!("terser failed on {} ({status})", path.display()));
    }
    std::fs::rename(&out, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Rewrites the text file `path` with `change`.
fn rewrite(path: &Path, change: fn(&str) -> String) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    std::fs::write(path, change(&text)).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `css` without its `/* … */` comments and the blanks a browser ignores: runs of blanks become
/// one, and none is kept next to `{`, `}`, `;`, `,`, `>` or after `:`; a block's last `;` goes.
/// Quoted strings are kept as written. What the browser reads is unchanged; gzip: 5.1 → 3.8 KB on styles/app.css in
/// December 2026.
fn stylesheet_for_download(css: &str) -> String {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    let mut blank = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for c in chars.by_ref() {
                if last == '*' && c == '/' {
                    break;
                }
                last = c;
            }
            continue;
        }
        if c.is_whitespace() {
            blank = true;
            continue;
        }
        let after_tight = out.ends_with(TIGHT) || out.ends_with(':') || out.is_empty();
        if blank && !after_tight && !TIGHT.contains(&c) {
            out.push(' ');
        }
        blank = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        // The last declaration of a block needs no `;`.
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out.push('\n');
    out
}

/// `script` without its blank lines and its lines that hold only a `//` comment (comments
/// after code stay), and without indentation unless a template literal spans lines (its text
/// would change).
fn script_for_download(script: &str) -> String {
    let one_line_literals = script.lines().all(|l| l.matches('`').count() % 2 == 0);
    script
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with("//"))
        .map(|line| {
            let line = if one_line_literals {
                line.trim_start()
            } else {
                line
            };
            format!("{line}\n")
        })
        .collect()
}

/// `html` with an `integrity` attribute, from `hash(src or href)`, on every `<script src>` and
/// `<link rel="stylesheet">` (an existing one is replaced). A script whose URL has a `wasm=`
/// parameter (src/boot.js) also gets `data-wasm-integrity`, the hash of that module, which it
/// requests itself, and one with a `quick=` parameter `data-quick-integrity`. Attributes are read as Trunk writes them (double quotes); comments are
/// copied as they are.
fn with_integrity(
    html: &str,
    mut hash: impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let close = if tail.starts_with("<!--") { "-->" } else { ">" };
        let end = tail
            .find(close)
            .ok_or_else(|| "index.html: a tag or comment is not closed".to_string())?
            + close.len();
        let tag = &tail[..end];
        let name = tag[1..]
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let mut seals = Vec::new();
        match name.as_str() {
            "script" => {
                if let Some(src) = attribute(tag, "src") {
                    seals.push(("integrity", src));
                    if let Some(module) = query_value(src, "wasm") {
                        seals.push(("data-wasm-integrity", module));
                    }
                    if let Some(module) = query_value(src, "quick") {
                        seals.push(("data-quick-integrity", module));
                    }
                }
            }
            "link"
                if attribute(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("stylesheet")) =>
            {
                seals.extend(attribute(tag, "href").map(|href| ("integrity", href)));
            }
            _ => {}
        }
        let mut sealed = tag.to_string();
        for (attribute_name, reference) in seals {
            let value = hash(reference)?;
            let bare = without_attribute(&sealed, attribute_name);
            let at = bare.len() - if bare.ends_with("/>") { 2 } else { 1 };
            sealed = format!(
                "{} {attribute_name}=\"{value}\"{}",
                bare[..at].trim_end(),
                &bare[at..]
            );
        }
        out.push_str(&sealed);
        rest = &tail[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `tag` without its attribute `name` (and the space before it).
fn without_attribute(tag: &str, name: &str) -> String {
    match attribute(tag, name) {
        Some(value) => {
            let whole = format!(" {name}=\"{value}\"");
            tag.replacen(&whole, "", 1)
        }
        None => tag.to_string(),
    }
}

/// The file of the build that `reference` (as index.html writes it) names: without query and
/// fragment, without the public URL or `./`; `None` for another origin or scheme.
fn local_path<'a>(reference: &'a str, public_url: &str) -> Option<&'a str> {
    let path = reference.split(['?', '#']).next().unwrap_or_default();
    if path.contains(':') || path.starts_with("//") {
        return None;
    }
    let path = path.strip_prefix(public_url).unwrap_or(path);
    let path = path.trim_start_matches("./").trim_start_matches('/');
    (!path.is_empty() && !path.split('/').any(|part| part == "..")).then_some(path)
}

/// `sha384-<base64>` of a file, as an `integrity` attribute and `fetch()` want it.
fn integrity(file: &Path) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    Ok(format!("sha384-{}", base64(&Sha384::digest(&bytes))))
}

/// Every file under `dir`, as `/`-separated paths relative to the build's root.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{prefix}{name}");
        if entry.path().is_dir() {
            files(&entry.path(), &format!("{path}/"), out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `template` (src/sw.js) with its `const BUILD = …;` line holding this build's version and
/// files: `{"version": "<16 hex digits>", "files": [["./", "sha384-…"], …]}`. The version is
/// derived from the list, so it changes when any file does.
fn service_worker(template: &str, files: &[(String, String)]) -> Result<String, String> {
    for (path, _) in files {
        if !path
            .chars()
            .all(|c| c.is_ascii_graphic() && c != '"' && c != '\\')
        {
            return Err(format!(
                "cannot list {path:?} in sw.js: unexpected character"
            ));
        }
    }
    let mut digest = Sha384::new();
    for (path, hash) in files {
        digest.update(format!("{path} {hash}\n"));
    }
    let version = short_hex(&digest.finalize());
    let list: Vec<String> = files
        .iter()
        .map(|(path, hash)| format!("[\"{path}\", \"{hash}\"]"))
        .collect();
    let line = format!(
        "{BUILD_LINE}{{\"version\": \"{version}\", \"files\": [{}]}};",
        list.join(", ")
    );
    let placeholders = template
        .lines()
        .filter(|l| l.starts_with(BUILD_LINE))
        .count();
    if placeholders != 1 {
        return Err(format!(
            "src/sw.js must have one line starting with `{BUILD_LINE}`, found {placeholders}"
        ));
    }
    let lines: Vec<&str> = template
        .lines()
        .map(|l| {
            if l.starts_with(BUILD_LINE) {
                line.as_str()
            } else {
                l
            }
        })
        .collect();
    Ok(lines.join("\n") + "\n")
}

/// The two `*_bg.wasm` files in `dir`: the quick start's and the app's.
fn the_wasm(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with("_bg.wasm"))
        })
        .collect();
    match found.len() {
        2 => Ok(found),
        n => Err(format!(
            "expected two *_bg.wasm in {} (the quick start's and the app's), found {n}",
            dir.display()
        )),
    }
}

/// The first 8 bytes of a digest, as 16 hex digits: a build's version, a module's name.
fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 (RFC 4648, with padding), as `atob` reads it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha384_integrity_of_a_known_text() {
        let dir =
            std::env::temp_dir().join(format!("embed-wasm-and-hash-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("abc.txt");
        std::fs::write(&file, "abc").unwrap();
        // FIPS 180-2 appendix D.1, in base64.
        assert_eq!(
            integrity(&file).unwrap(),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn integrity_on_scripts_and_stylesheets_only() {
        let html = r#"<!-- a <script src="x.js"> in a comment -->
<link rel="icon" href="data:,"><link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="./app-1.css" integrity="sha384-old"/>
<script type="module" src="./boot.js?js=./app-2.js&amp;wasm=./w.js"></script><script type="module" fetchpriority="low" src="./app-2.js"></script>"#;
        let mut asked = Vec::new();
        let sealed = with_integrity(html, |r| {
            asked.push(local_path(r, "./").unwrap().to_string());
            Ok(format!("sha384-{}", asked.len()))
        })
        .unwrap();
        assert_eq!(asked, ["app-1.css", "boot.js", "w.js", "app-2.js"]);
        assert_eq!(
            sealed,
            r#"<!-- a <script src="x.js"> in a comment -->
<link rel="icon" href="data:,"><link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="./app-1.css" integrity="sha384-1"/>
<script type="module" src="./boot.js?js=./app-2.js&amp;wasm=./w.js" integrity="sha384-2" data-wasm-integrity="sha384-3"></script><script type="module" fetchpriority="low" src="./app-2.js" integrity="sha384-4"></script>"#
        );
    }

    /// The quick start's module: its bindings loaded right after boot.js, its names on boot.js's
    /// URL, and its module's integrity beside the app's.
    #[test]
    fn the_quick_start_is_announced_and_sealed() {
        let html = r#"<head><script type="module" src="./boot.js?js=./a.js&amp;wasm=./a_bg.wasm.js"></script><script type="module" fetchpriority="low" src="./a.js"></script></head>"#;
        let told = with_quick(html, "./relance-web-quick-9").unwrap();
        assert_eq!(
            told,
            r#"<head><script type="module" src="./boot.js?js=./a.js&amp;wasm=./a_bg.wasm.js&amp;qjs=./relance-web-quick-9.js&amp;quick=./relance-web-quick-9_bg.wasm.js"></script><script type="module" fetchpriority="low" src="./relance-web-quick-9.js"></script><script type="module" fetchpriority="low" src="./a.js"></script></head>"#
        );
        let mut asked = Vec::new();
        let sealed = with_integrity(&told, |r| {
            asked.push(local_path(r, "./").unwrap().to_string());
            Ok(format!("sha384-{}", asked.len()))
        })
        .unwrap();
        assert_eq!(
            asked,
            [
                "boot.js",
                "a_bg.wasm.js",
                "relance-web-quick-9_bg.wasm.js",
                "relance-web-quick-9.js",
                "a.js"
            ]
        );
        assert!(
            sealed.contains(r#"data-wasm-integrity="sha384-2" data-quick-integrity="sha384-3""#)
        );
        assert!(with_quick("<head></head>", "x").is_err());
    }

    #[test]
    fn comment_lines_go_code_stays() {
        let script = "// top\n\nconst a = 1; // why\n  // inside\n  const url = `http://${a}`;\n";
        assert_eq!(
            script_for_download(script),
            "const a = 1; // why\nconst url = `http://${a}`;\n"
        );
        // A template literal over two lines keeps every line's indentation.
        let script = "  const t = `a\n  b`;\n  // c\n";
        assert_eq!(script_for_download(script), "  const t = `a\n  b`;\n");
    }

    #[test]
    fn stylesheet_comments_go_rules_stay() {
        let css = "/* Top.\n   Two lines. */\n\n.a > .b,\n.c {\n  color: red; /* why */\n  margin: 0\n    auto;\n}\n\
                   @media (max-width: 40rem) {\n  .b::before { content: \"/*  kept */\"; }\n}\n\
                   .c::after { content: '\\'/*'; width: calc(1rem + 2px) !important; }\n";
        assert_eq!(
            stylesheet_for_download(css),
            ".a>.b,.c{color:red;margin:0 auto}@media (max-width:40rem){.b::before{content:\"/*  kept */\"}}\
             .c::after{content:'\\'/*';width:calc(1rem + 2px) !important}\n"
        );
    }

    #[test]
    fn local_paths() {
        assert_eq!(local_path("./a.js?x=1", "./"), Some("a.js"));
        assert_eq!(local_path("/relance/a.js", "/relance/"), Some("a.js"));
        assert_eq!(local_path("/a.css#x", "/"), Some("a.css"));
        assert_eq!(local_path("https://cdn.example/a.js", "./"), None);
        assert_eq!(local_path("//cdn.example/a.js", "./"), None);
        assert_eq!(local_path("../a.js", "./"), None);
    }

    #[test]
    fn service_worker_gets_the_list_and_a_version_from_it() {
        let template = "// top\nconst BUILD = { version: 'dev', files: [] };\nrest();\n";
        let files = [
            ("./".to_string(), "sha384-a".to_string()),
            ("b.js".to_string(), "sha384-b".to_string()),
        ];
        let worker = service_worker(template, &files).unwrap();
        let line = worker.lines().nth(1).unwrap();
        assert!(line.starts_with("const BUILD = {\"version\": \""), "{line}");
        assert!(line.ends_with(r#"", "files": [["./", "sha384-a"], ["b.js", "sha384-b"]]};"#));
        assert_eq!(worker.lines().last(), Some("rest();"));
        let changed = [files[0].clone(), ("b.js".into(), "sha384-c".into())];
        assert_ne!(
            service_worker(template, &changed).unwrap().lines().nth(1),
            Some(line)
        );
        assert!(service_worker("no placeholder", &files).is_err());
        assert!(service_worker(template, &[("a\"b".into(), "x".into())]).is_err());
    }

    #[test]
    fn base64_matches_rfc_4648() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }
}
