//! The tools a reader would open a rendered letter with, shared by the test files:
//! `pdftotext` and `qpdf --check` (Debian `poppler-utils`, `qpdf`), LibreOffice (Debian
//! `libreoffice-writer-nogui`). A missing tool fails the test with the package to install.
#![allow(dead_code)] // Each test file uses some of them.

use std::path::{Path, PathBuf};
use std::process::Command;

use relance_letter::winansi;

pub fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("relance-letter-render");
    std::fs::create_dir_all(&dir).expect("create the output folder");
    dir
}

/// Runs a tool; a missing tool is a clear failure naming its Debian package.
pub fn run(tool: &str, package: &str, args: &[&str]) -> std::process::Output {
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{tool}` is not installed: this test needs the Debian package `{package}` \
             (apt-get install -y {package}; `cargo xtask test` installs it)"
        ),
        Err(e) => panic!("cannot run `{tool}`: {e}"),
    }
}

pub fn pdftotext(pdf: &Path, raw: bool) -> String {
    let path = pdf.to_str().expect("utf-8 path");
    let mut args = vec!["-enc", "UTF-8"];
    if raw {
        args.push("-raw");
    }
    args.extend([path, "-"]);
    let out = run("pdftotext", "poppler-utils", &args);
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The PDF's text without its page footers, so that a paragraph cut by a page break reads on.
pub fn without_footers(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let l = l.trim();
            !(l.starts_with("Page ")
                && l[5..].split(" / ").count() == 2
                && l[5..]
                    .split(" / ")
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn qpdf_check(pdf: &Path) {
    let out = run(
        "qpdf",
        "qpdf",
        &["--check", pdf.to_str().expect("utf-8 path")],
    );
    assert!(
        out.status.success(),
        "qpdf --check {} failed ({}):\n{}{}",
        pdf.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Without any whitespace (line breaks, wrapping and no-break spaces differ between formats).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).expect("write the rendered file");
    path
}

/// LibreOffice's text of a DOCX (headless conversion), in a private profile.
pub fn libreoffice_text(docx: &Path) -> String {
    let dir = out_dir().join(format!(
        "lo-{}",
        docx.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the conversion folder");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = run(
        "soffice",
        "libreoffice-writer-nogui",
        &[
            &profile,
            "--headless",
            "--norestore",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            dir.to_str().expect("utf-8 path"),
            docx.to_str().expect("utf-8 path"),
        ],
    );
    let txt = dir.join(docx.with_extension("txt").file_name().expect("a file name"));
    assert!(
        out.status.success() && txt.exists(),
        "LibreOffice could not convert {}: {}{}",
        docx.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&txt).expect("LibreOffice writes UTF-8");
    text.trim_start_matches('\u{FEFF}').to_string()
}

pub fn assert_same_words(libreoffice: &str, pdf: &str) {
    let (lo, pdf) = (words(libreoffice), words(pdf));
    assert!(
        lo == pdf,
        "LibreOffice's words vs the PDF's: only in LibreOffice {:?}, only in the PDF {:?}",
        lo.difference(&pdf).collect::<Vec<_>>(),
        pdf.difference(&lo).collect::<Vec<_>>()
    );
}

/// Words of a text as the PDF shows them (WinAnsi), without the PDF's page footers.
pub fn words(text: &str) -> std::collections::BTreeSet<String> {
    winansi::lossy(&text.replace(['\u{A0}', '\u{202F}'], " "))
        .split_whitespace()
        .filter(|w| !matches!(*w, "Page" | "/" | "•"))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Asserts that `needles` appear in `text` in this order (blanks ignored).
#[track_caller]
pub fn in_order(text: &str, needles: &[String]) {
    let hay = squash(text);
    let mut from = 0;
    for needle in needles {
        let n = squash(needle);
        match hay.get(from..).and_then(|rest| rest.find(&n)) {
            Some(at) => from += at + n.len(),
            None => panic!("« {needle} » missing, or out of order, in:\n{text}"),
        }
    }
}
