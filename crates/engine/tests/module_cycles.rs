//! Architecture invariant: inside every crate of the workspace, imports between module files go
//! one way. A module file that names another (`use crate::a::b`, `super::x`, `self::y`, a path
//! in code, or a child module by its bare name) depends on it; no two files may depend on each
//! other, directly or around a circle. Read from the source text: no compiler needed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from the crate root: `[]` for lib.rs / main.rs, `["strategy", "params"]`.
type Module = Vec<String>;

/// One crate: its module files and the modules they name.
struct Crate {
    name: String,
    /// Module → (module it names → the first path that named it).
    edges: BTreeMap<Module, BTreeMap<Module, String>>,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every crate root directory of the workspace (crates, the web app, xtask; fuzz and tests are
/// not crates of the app).
fn source_dirs() -> Vec<PathBuf> {
    let root = workspace();
    let mut dirs = vec![root.join("src"), root.join("xtask/src")];
    if let Ok(entries) = std::fs::read_dir(root.join("crates")) {
        let mut crates: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path().join("src"))
            .filter(|p| p.is_dir())
            .collect();
        crates.sort();
        dirs.extend(crates);
    }
    dirs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crates in `src`: the library (or the binary when there is no library) with its module
/// files, and each single-file binary.
fn crates_in(src: &Path) -> Vec<(String, Vec<(Module, PathBuf)>)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let has_lib = src.join("lib.rs").is_file();
    let label = src
        .strip_prefix(workspace())
        .unwrap_or(src)
        .display()
        .to_string();
    let mut main = Vec::new();
    let mut out = Vec::new();
    for file in files {
        let rel = file.strip_prefix(src).unwrap_or(&file);
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts.first().is_some_and(|p| p == "bin") {
            out.push((format!("{label}/{}", rel.display()), vec![(vec![], file)]));
            continue;
        }
        if has_lib && parts == ["main.rs"] {
            out.push((format!("{label}/main.rs"), vec![(vec![], file)]));
            continue;
        }
        main.push((module_of(&parts), file));
    }
    out.insert(0, (label, main));
    out
}

/// `strategy/params.rs` → `[strategy, params]`; `strategy/mod.rs`, `lib.rs` → their folder.
fn module_of(parts: &[String]) -> Module {
    let mut m: Module = parts.to_vec();
    if let Some(last) = m.pop() {
        let stem = last.trim_end_matches(".rs");
        if !matches!(stem, "mod" | "lib" | "main") {
            m.push(stem.to_owned());
        }
    }
    m
}

/// The code without comments, string and char literals (their text could look like paths), and
/// without `#[cfg(test)]` modules (whose `super` is the file itself).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    while i < b.len() {
        let c = b[i];
        if c == '/' && at(i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (at(i + 1) == '#' || at(i + 1) == '"') && !ident_char(prev(&b, i)) {
            // Raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            'raw: while j < b.len() {
                if b[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break 'raw;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 2) == '\'' || at(i + 1) == '\\') {
            // A char literal ('a', '\n', '\u{e9}'); a lifetime has no closing quote.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    strip_test_modules(&out)
}

fn prev(b: &[char], i: usize) -> char {
    i.checked_sub(1)
        .and_then(|j| b.get(j))
        .copied()
        .unwrap_or(' ')
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Removes every `#[cfg(test)] mod name { … }`.
fn strip_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(start) = rest.find("#[cfg(test)]") {
        let after = &rest[start + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        let is_mod = trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ");
        match (is_mod, trimmed.find('{')) {
            (true, Some(open)) if !trimmed[..open].contains(';') => {
                out.push_str(&rest[..start]);
                let body = &trimmed[open..];
                let mut depth = 0usize;
                let mut end = body.len();
                for (k, ch) in body.char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &body[end..];
            }
            _ => {
                out.push_str(&rest[..start + 1]);
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every path in `code` that starts with `crate`, `super`, `self` or one of `children`,
/// expanded (`crate::{a, b::c}` → `crate::a`, `crate::b::c`), as segments.
fn paths(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if ident_char(chars[i]) && !ident_char(prev(&chars, i)) && prev(&chars, i) != ':' {
            let mut j = i;
            while j < chars.len() && ident_char(chars[j]) {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let leads =
                matches!(word.as_str(), "crate" | "super" | "self") || children.contains(&word);
            if leads && chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                let (trees, end) = tree(&chars, j + 2);
                for t in trees {
                    let mut p = vec![word.clone()];
                    p.extend(t);
                    out.push(p);
                }
                i = end;
                continue;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Reads a path tail at `i` (after `::`): segments and `{…}` groups; returns every expanded
/// tail and where it stopped.
fn tree(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let skip_ws = |i: &mut usize| {
        while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if chars.get(i) == Some(&'{') {
        i += 1;
        let mut all = Vec::new();
        loop {
            skip_ws(&mut i);
            match chars.get(i) {
                None => break,
                Some('}') => {
                    i += 1;
                    break;
                }
                Some(',') => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let start = i;
            let (trees, end) = tree(chars, i);
            all.extend(trees);
            // Skip `as name` and anything else up to the next `,` or `}`.
            i = end.max(start + 1);
            while let Some(c) = chars.get(i) {
                if *c == ',' || *c == '}' {
                    break;
                }
                i += 1;
            }
        }
        return (all, i);
    }
    let start = i;
    while chars.get(i).is_some_and(|c| ident_char(*c)) {
        i += 1;
    }
    if i == start {
        // `*` or nothing: the path so far.
        if chars.get(i) == Some(&'*') {
            i += 1;
        }
        return (vec![vec![]], i);
    }
    let seg: String = chars[start..i].iter().collect();
    if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
        let (tails, end) = tree(chars, i + 2);
        let all = tails
            .into_iter()
            .map(|t| {
                let mut p = vec![seg.clone()];
                p.extend(t);
                p
            })
            .collect();
        return (all, end);
    }
    (vec![vec![seg]], i)
}

/// The module a path names, from module `here` (`is_dir_module`: a mod.rs / lib.rs file):
/// the longest prefix that is a module of the crate.
fn target(here: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut base = here.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base = vec![];
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    let mut best = base.clone();
    let mut m = base;
    for seg in rest {
        m.push(seg.clone());
        if modules.contains(&m) {
            best = m.clone();
        }
    }
    Some(best)
}

fn read_crate(name: String, files: &[(Module, PathBuf)]) -> Crate {
    let modules: BTreeSet<Module> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<Module, BTreeMap<Module, String>> = BTreeMap::new();
    for (here, file) in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let children: BTreeSet<String> = modules
            .iter()
            .filter(|m| m.len() == here.len() + 1 && m.starts_with(here))
            .filter_map(|m| m.last().cloned())
            .collect();
        for path in paths(&code_only(&text), &children) {
            if let Some(to) = target(here, &path, &modules) {
                if to != *here {
                    edges
                        .entry(here.clone())
                        .or_default()
                        .entry(to)
                        .or_insert_with(|| path.join("::"));
                }
            }
        }
    }
    Crate { name, edges }
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(edges: &BTreeMap<Module, BTreeMap<Module, String>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeMap<Module, String>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        next: usize,
        out: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.edges.get(v) {
            for w in targets.keys() {
                let w = s.edges.get_key_value(w).map_or(w, |(k, _)| k);
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on_stack.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn show(m: &Module) -> String {
    if m.is_empty() {
        "(crate root)".to_owned()
    } else {
        m.join("::")
    }
}

#[test]
fn no_module_file_imports_another_that_imports_it_back() {
    let mut report = Vec::new();
    let mut crates = 0;
    for dir in source_dirs() {
        for (name, files) in crates_in(&dir) {
            crates += 1;
            let c = read_crate(name, &files);
            for component in cycles(&c.edges) {
                let members: BTreeSet<&Module> = component.iter().collect();
                let mut lines = vec![format!(
                    "{}: {}",
                    c.name,
                    component.iter().map(show).collect::<Vec<_>>().join(", ")
                )];
                for from in &component {
                    for (to, via) in c.edges.get(from).into_iter().flatten() {
                        if members.contains(to) {
                            lines.push(format!("    {} -> {} ({via})", show(from), show(to)));
                        }
                    }
                }
                report.push(lines.join("\n"));
            }
        }
    }
    assert!(crates >= 5, "only {crates} crates found");
    assert!(
        report.is_empty(),
        "modules that import each other, around a circle:\n{}",
        report.join("\n")
    );
}

/// The reader itself: paths are found in `use` trees and in code, not in comments or strings,
/// and not in test modules; `super` and bare child names resolve to the module they name.
#[test]
fn the_reader_finds_paths_in_code_only() {
    let code = code_only(
        "use crate::{a::{b, c as d}, e};\n// crate::comment\nlet s = \"crate::string\";\n\
         let r = r#\"super::raw\"#; let c = '\"'; x = self::f::g(); child::h();\n\
         #[cfg(test)]\nmod tests { use super::*; use crate::tested; }\nfn after() { crate::z::w }",
    );
    let children: BTreeSet<String> = ["child".to_owned()].into();
    let found: Vec<String> = paths(&code, &children)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::a::c",
            "crate::e",
            "self::f::g",
            "child::h",
            "crate::z::w"
        ]
    );
    let modules: BTreeSet<Module> = [
        vec![],
        vec!["s".to_owned()],
        vec!["s".to_owned(), "t".to_owned()],
    ]
    .into();
    let here = vec!["s".to_owned(), "t".to_owned()];
    let path = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(
        target(&here, &path("super::X"), &modules),
        Some(vec!["s".to_owned()])
    );
    assert_eq!(
        target(&here, &path("super::super::s::t::Y"), &modules),
        Some(here.clone())
    );
    assert_eq!(
        target(&vec![], &path("crate::s::Z"), &modules),
        Some(vec!["s".to_owned()])
    );
}
