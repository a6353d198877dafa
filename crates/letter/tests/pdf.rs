//! The PDF's layout, read back from the file: each page's content stream is parsed (the way a
//! reader does: operators and operands, the `cm` scale, fonts through the page resources) into
//! the texts it shows (font, size, position, characters) and the rules it strokes. The tests pin
//! where text lands against the geometry the letter promises: A4 (595 × 842 pt), 20 mm
//! margins, the address 110 mm from the left and 50 mm from the top (DL window envelope),
//! Helvetica's widths, wrapping, pagination, repeated table headers and "Page N / M".
//!
//! Positions are in centipoints (1/100 pt, what the content streams are written in), measured
//! from the top of the page: `baseline` is the distance from the top edge to the text's baseline.

use std::process::Command;

use relance_letter::model::Annex;
use relance_letter::winansi;
use relance_letter::{pdf, Align, Block, Column, Letter, Table};

/// Centipoints from tenths of a millimetre (1 mm = 72 / 25.4 pt = 2.8346 pt), truncated.
fn mm(tenths: i32) -> i32 {
    tenths * 28_346 / 1_000
}

/// A4 as written in the MediaBox, in centipoints.
const PAGE_W: i32 = 59_500;
const PAGE_H: i32 = 84_200;
/// 20 mm margins left and right: 5 669 and 59 500 − 5 669 = 53 831.
const LEFT: i32 = 5_669;
const RIGHT: i32 = 53_831;
/// The address: 110 mm from the left edge (31 180), its first line box 50 mm from the top (14 173).
const WINDOW_X: i32 = 31_180;
/// Text stays above 25 mm from the bottom edge: 84 200 − 7 086.
const BOTTOM: i32 = 77_114;
/// Pages after the first start 20 mm from the top.
const TOP: i32 = 5_669;

/// Body text: 10 pt on a 13.5 pt leading; its baseline is 9.30 pt under the top of its line
/// box: (1 350 − 925) / 2 + 718 (Helvetica's ascender 718 and descender 207, centred).
const BODY: i32 = 1_000;
const BODY_LEAD: i32 = 1_350;
const BODY_BASE: i32 = 930;
/// Headings: 11 pt on 14.5 pt; (1 450 − 1 017) / 2 + 789 = 1 005.
const HEAD: i32 = 1_100;
const HEAD_BASE: i32 = 1_005;
/// Table cells: 9 pt on 11.5 pt, 2.5 pt of padding above and below each row;
/// (1 150 − 832) / 2 + 646 = 805.
const SMALL: i32 = 900;
const SMALL_LEAD: i32 = 1_150;
const SMALL_BASE: i32 = 805;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Text {
    bold: bool,
    size: i32,
    x: i32,
    baseline: i32,
    text: String,
    /// Fill grey in hundredths (0 = black).
    grey: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    x1: i32,
    x2: i32,
    y: i32,
    width: i32,
    /// Stroke grey in hundredths (0 = black).
    grey: i32,
}

#[derive(Debug, Default)]
struct Page {
    texts: Vec<Text>,
    rules: Vec<Rule>,
}

impl Page {
    fn find(&self, text: &str) -> &Text {
        let found: Vec<&Text> = self.texts.iter().filter(|t| t.text == text).collect();
        assert_eq!(found.len(), 1, "{text:?} shown {} times", found.len());
        found[0]
    }

    fn starting(&self, prefix: &str) -> Vec<&Text> {
        self.texts
            .iter()
            .filter(|t| t.text.starts_with(prefix))
            .collect()
    }
}

/// A parsed PDF: its MediaBox and its pages in /Kids order.
struct Doc {
    media_box: String,
    pages: Vec<Page>,
    raw: Vec<u8>,
}

impl Doc {
    fn texts(&self) -> impl Iterator<Item = (usize, &Text)> {
        self.pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.texts.iter().map(move |t| (i, t)))
    }

    /// Where the only text `text` is: its page and the text.
    fn find(&self, text: &str) -> (usize, &Text) {
        let found: Vec<(usize, &Text)> = self.texts().filter(|(_, t)| t.text == text).collect();
        assert_eq!(found.len(), 1, "{text:?} shown {} times", found.len());
        found[0]
    }

    /// Texts of the body, without the page footers.
    fn lines(&self) -> Vec<(usize, &Text)> {
        self.texts().filter(|(_, t)| t.size != 800).collect()
    }
}

fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn text_between<'a>(raw: &'a [u8], start: &str, end: &str) -> &'a str {
    let i =
        find_from(raw, 0, start.as_bytes()).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let j = find_from(raw, i, end.as_bytes()).expect("end");
    std::str::from_utf8(&raw[i..j]).expect("ASCII")
}

/// The dictionary text and the stream bytes of object `id`.
fn object(raw: &[u8], id: u32) -> (String, Vec<u8>) {
    let head = format!("\n{id} 0 obj\n");
    let start = find_from(raw, 0, head.as_bytes()).unwrap_or_else(|| panic!("no object {id}"));
    let end = find_from(raw, start, b"endobj").expect("endobj");
    let body = &raw[start + head.len()..end];
    match find_from(body, 0, b"stream\n") {
        Some(s) => {
            let dict = String::from_utf8_lossy(&body[..s]).into_owned();
            let len: usize = text_between(dict.as_bytes(), "/Length ", "\n")
                .trim()
                .parse()
                .expect("a length");
            (dict, body[s + 7..s + 7 + len].to_vec())
        }
        None => (String::from_utf8_lossy(body).into_owned(), Vec::new()),
    }
}

/// `N 0 R` references of a text, in order.
fn refs(text: &str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| w[1] == "0" && w[2] == "R")
        .map(|w| w[0].parse().expect("an object number"))
        .collect()
}

#[derive(Debug, Clone)]
enum Tok {
    Num(String),
    Name(String),
    Str(Vec<u8>),
    Op(String),
}

fn tokens(content: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        let c = content[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'/' {
            let s = i + 1;
            i = s;
            while i < content.len() && !b" \n\r\t/()[]<>".contains(&content[i]) {
                i += 1;
            }
            out.push(Tok::Name(
                String::from_utf8(content[s..i].to_vec()).expect("a name"),
            ));
        } else if c == b'(' {
            let mut depth = 1;
            let mut bytes = Vec::new();
            i += 1;
            loop {
                let b = content[i];
                i += 1;
                match b {
                    b'\\' => {
                        let e = content[i];
                        i += 1;
                        bytes.push(match e {
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'b' => 8,
                            b'f' => 12,
                            b'0'..=b'7' => {
                                let mut v = u32::from(e - b'0');
                                for _ in 0..2 {
                                    if (b'0'..=b'7').contains(&content[i]) {
                                        v = v * 8 + u32::from(content[i] - b'0');
                                        i += 1;
                                    }
                                }
                                v as u8
                            }
                            other => other,
                        });
                    }
                    b'(' => {
                        depth += 1;
                        bytes.push(b);
                    }
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        bytes.push(b);
                    }
                    _ => bytes.push(b),
                }
            }
            out.push(Tok::Str(bytes));
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            let s = i;
            i += 1;
            while i < content.len() && (content[i].is_ascii_digit() || content[i] == b'.') {
                i += 1;
            }
            out.push(Tok::Num(
                String::from_utf8(content[s..i].to_vec()).expect("a number"),
            ));
        } else {
            let s = i;
            while i < content.len() && content[i].is_ascii_alphabetic() {
                i += 1;
            }
            assert!(i > s, "unexpected byte {c:#x} in a content stream");
            out.push(Tok::Op(
                String::from_utf8(content[s..i].to_vec()).expect("an operator"),
            ));
        }
    }
    out
}

fn int(tok: &Tok) -> i32 {
    match tok {
        Tok::Num(n) => n
            .parse()
            .unwrap_or_else(|_| panic!("{n} is not an integer")),
        other => panic!("{other:?} is not a number"),
    }
}

/// A grey level `0.35` in hundredths.
fn hundredths(tok: &Tok) -> i32 {
    match tok {
        Tok::Num(n) => match n.split_once('.') {
            Some((units, frac)) => {
                let frac = format!("{frac:0<2}");
                units.parse::<i32>().unwrap_or(0) * 100 + frac[..2].parse::<i32>().expect("digits")
            }
            None => n.parse::<i32>().expect("an integer") * 100,
        },
        other => panic!("{other:?} is not a number"),
    }
}

/// Texts and rules of one content stream; `fonts` maps resource names to "bold?".
fn interpret(content: &[u8], fonts: &[(String, bool)]) -> Page {
    let mut page = Page::default();
    let mut stack: Vec<Tok> = Vec::new();
    // (stroke grey, fill grey, line width) and its saved copies.
    let mut state = (0, 0, 100);
    let mut saved = Vec::new();
    let mut scaled = false;
    let mut font = (false, 0);
    let mut at = (0, 0);
    let mut from = (0, 0);
    for tok in tokens(content) {
        let Tok::Op(op) = &tok else {
            stack.push(tok);
            continue;
        };
        let args = std::mem::take(&mut stack);
        match op.as_str() {
            "cm" => {
                let m: Vec<String> = args
                    .iter()
                    .map(|t| match t {
                        Tok::Num(n) => n.clone(),
                        other => panic!("{other:?}"),
                    })
                    .collect();
                assert_eq!(m, ["0.01", "0", "0", "0.01", "0", "0"], "centipoint scale");
                assert!(!scaled, "a single cm");
                scaled = true;
            }
            "q" => saved.push(state),
            "Q" => state = saved.pop().expect("q before Q"),
            "G" => state.0 = hundredths(&args[0]),
            "g" => state.1 = hundredths(&args[0]),
            "w" => state.2 = int(&args[0]),
            "m" => from = (int(&args[0]), int(&args[1])),
            "l" => {
                assert_eq!(int(&args[1]), from.1, "horizontal rules only");
                page.rules.push(Rule {
                    x1: from.0,
                    x2: int(&args[0]),
                    y: PAGE_H - from.1,
                    width: state.2,
                    grey: state.0,
                });
            }
            "S" => {}
            "BT" | "ET" => at = (0, 0),
            "Tf" => {
                let Tok::Name(name) = &args[0] else {
                    panic!("a font name")
                };
                let bold = fonts
                    .iter()
                    .find(|(n, _)| n == name)
                    .unwrap_or_else(|| panic!("font {name} not in the resources"))
                    .1;
                font = (bold, int(&args[1]));
            }
            "Td" => at = (at.0 + int(&args[0]), at.1 + int(&args[1])),
            "Tj" => {
                let Tok::Str(bytes) = &args[0] else {
                    panic!("a string")
                };
                assert!(scaled, "text before the scale");
                page.texts.push(Text {
                    bold: font.0,
                    size: font.1,
                    x: at.0,
                    baseline: PAGE_H - at.1,
                    text: bytes.iter().map(|&b| winansi::char_of(b)).collect(),
                    grey: state.1,
                });
            }
            other => panic!("unexpected operator {other}"),
        }
    }
    assert!(saved.is_empty(), "every q has its Q");
    page
}

fn parse(raw: Vec<u8>) -> Doc {
    let (catalog, _) = object(&raw, 1);
    let tree_id = refs(text_between(catalog.as_bytes(), "/Pages", "\n"))[0];
    let (tree, _) = object(&raw, tree_id);
    let kids = refs(text_between(tree.as_bytes(), "/Kids [", "]"));
    let count: usize = text_between(tree.as_bytes(), "/Count ", "\n")
        .trim()
        .parse()
        .expect("a count");
    assert_eq!(count, kids.len(), "/Count is the number of /Kids");
    let media_box = text_between(tree.as_bytes(), "/MediaBox ", "\n").to_string();
    let font_dict = text_between(tree.as_bytes(), "/Font <<", ">>");
    let fonts: Vec<(String, bool)> = font_dict
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let name = l.split_whitespace().next().expect("a name");
            let (font, _) = object(&raw, refs(l)[0]);
            assert!(font.contains("/Encoding /WinAnsiEncoding"), "{font}");
            let base = text_between(font.as_bytes(), "/BaseFont /", "\n").trim();
            let bold = match base {
                "Helvetica" => false,
                "Helvetica-Bold" => true,
                other => panic!("font {other}"),
            };
            (name.trim_start_matches('/').to_string(), bold)
        })
        .collect();
    let pages = kids
        .iter()
        .map(|&kid| {
            let (page, _) = object(&raw, kid);
            let contents = refs(text_between(page.as_bytes(), "/Contents", "\n"))[0];
            let (_, stream) = object(&raw, contents);
            interpret(&stream, &fonts)
        })
        .collect();
    Doc {
        media_box,
        pages,
        raw,
    }
}

fn render(letter: &Letter) -> Doc {
    parse(pdf::render(letter))
}

/// Width in centipoints of `text` at `size` centipoints, from Helvetica's AFM widths.
fn width(bold: bool, size: i32, text: &str) -> i32 {
    i32::try_from(winansi::text_width(bold, &winansi::encode(text))).expect("a width") * size
        / 1_000
}

/// A letter with the sample's head and only `body` in its body, no annex.
fn with_body(body: Vec<Block>) -> Letter {
    Letter {
        body,
        ..Letter::sample()
    }
}

/// Where the sample's head leaves the body: the salutation's baseline (37 692, see
/// `SAMPLE_TEXTS`), the rest of its line and the 6 pt paragraph gap: 37 692 − 930 + 1 350 + 600.
const BODY_START: i32 = 38_712;

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        id: "p".into(),
        text: text.into(),
    }
}

fn col(title: &str, align: Align, weight: u16) -> Column {
    Column {
        title: title.into(),
        align,
        weight,
    }
}

#[test]
fn the_page_is_a4_in_points_and_drawn_in_centipoints() {
    let doc = render(&Letter::sample());
    assert_eq!(doc.media_box, "[0 0 595 842]");
    assert_eq!(doc.pages.len(), 1);
    let raw = String::from_utf8_lossy(&doc.raw);
    assert!(raw.contains("/Lang (fr-FR)"));
    assert!(raw.contains("/Producer (Relance)") && raw.contains("/Creator (Relance)"));
}

#[test]
fn the_title_is_the_subject() {
    let mut letter = Letter::sample();
    letter.subject = "Rappel F-1".into();
    let doc = render(&letter);
    let raw = String::from_utf8_lossy(&doc.raw);
    assert!(raw.contains("/Title (Rappel F-1)"), "{raw}");
}

/// Every text of the sample's page where it lands: font (B = bold), size, x, baseline from the
/// top (centipoints). The anchors: the sender at 20 mm (5 669) from the left, its first line box
/// 15 mm (4 251) from the top: baseline 4 251 + 930 = 5 181; the address at 110 mm (31 180),
/// 50 mm (14 173) + 930 = 15 103; the place and date right-aligned on 53 831, below the window
/// and the first fold (99 mm = 28 062): 28 062 + 930 = 28 992; then one line per 13.5 pt
/// (1 350), a blank line or a 6 pt gap where the letter has one.
const SAMPLE_TEXTS: &str = "\
B 1000 5669 5181 Atelier Numérique SARL
- 1000 5669 6531 12 rue des Lilas
- 1000 5669 7881 69003 Lyon
- 1000 5669 9231 SIREN 732 829 320
B 1000 31180 15103 Boulangeries Martin SAS
- 1000 31180 16453 4 place du Marché
- 1000 31180 17803 38000 Grenoble
- 1000 41713 28992 Lyon, le 22 novembre 2026
- 1000 5669 31692 Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1
B 1000 5669 33642 Objet : Mise en demeure de payer — facture F-2022-031
- 1000 5669 34992 Facture F-2022-031 du 04/03/2022, échue le 03/04/2022
- 1000 5669 37692 Madame, Monsieur,
- 1000 5669 39642 Malgré nos relances, la facture ci-dessous reste impayée : « 24 000,00 € » — œuvre, ça, à, é, è, ô.
B 900 6094 41717 Somme
B 900 49907 41717 Montant
- 900 6094 43427 Principal
- 900 48653 43427 24 000,00 €
- 900 6094 45077 Pénalités de retard (C. com. L441-10)
- 900 48653 45077 14 092,53 €
- 900 6094 46727 Indemnité forfaitaire (C. com. D441-5)
- 900 50404 46727 40,00 €
B 900 6094 48437 Total
B 900 48653 48437 38 132,53 €
B 1100 5669 50937 À défaut de paiement
- 1000 6519 52512 •
- 1000 7936 52512 requête en injonction de payer
- 1000 6519 53862 •
- 1000 7936 53862 référé-provision
- 1000 5669 55812 La présente vaut mise en demeure au sens de l'article 1344 du Code civil.
- 1000 5669 58362 Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
B 1000 31180 61979 Claire Durand
- 1000 31180 63329 Gérante
- 800 27926 80799 Page 1 / 1";

/// The sample's rules: width (centipoints), from x1 to x2, at y from the top, grey (hundredths).
const SAMPLE_RULES: &str = "\
80 5669 53831 40662 0
50 5669 53831 42312 0
30 5669 53831 44022 75
30 5669 53831 45672 75
80 5669 53831 47322 0";

fn describe_texts(page: &Page) -> String {
    page.texts
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {} {}",
                if t.bold { "B" } else { "-" },
                t.size,
                t.x,
                t.baseline,
                t.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn describe_rules(page: &Page) -> String {
    page.rules
        .iter()
        .map(|r| format!("{} {} {} {} {}", r.width, r.x1, r.x2, r.y, r.grey))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_sample_letter_lands_where_the_layout_puts_it() {
    let doc = render(&Letter::sample());
    assert_eq!(describe_texts(&doc.pages[0]), SAMPLE_TEXTS);
    assert_eq!(describe_rules(&doc.pages[0]), SAMPLE_RULES);
}

/// The words of a bbox line of `pdftotext -bbox`: (xMin, yMin, xMax, word) in points as written.
fn bbox_words(pdf_bytes: &[u8], name: &str) -> Vec<(String, String, String, String)> {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("relance-letter-layout");
    std::fs::create_dir_all(&dir).expect("create the output folder");
    let path = dir.join(name);
    std::fs::write(&path, pdf_bytes).expect("write the PDF");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-bbox"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils) is installed");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let attr = |line: &str, name: &str| {
        text_between(line.as_bytes(), &format!("{name}=\""), "\"").to_string()
    };
    html.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<word "))
        .map(|l| {
            let word = text_between(l.as_bytes(), "\">", "</word>").to_string();
            (attr(l, "xMin"), attr(l, "yMin"), attr(l, "xMax"), word)
        })
        .collect()
}

/// What a PDF reader measures: the address's first word starts 311.80 pt from the left edge
/// (110 mm = 311.81 pt, truncated to the centipoint), the top of its glyphs 143.85 pt from the
/// top edge (the line box 50 mm = 141.73 pt down, the baseline 9.30 pt lower, minus Helvetica's
/// 7.18 pt ascender); the date ends on the right margin, 595 − 56.69 = 538.31 pt.
#[test]
fn a_reader_finds_the_address_in_the_window_and_the_date_on_the_margin() {
    let words = bbox_words(&pdf::render(&Letter::sample()), "window.pdf");
    let first = words
        .iter()
        .find(|w| w.3 == "Boulangeries")
        .expect("the recipient");
    assert_eq!(
        (first.0.as_str(), first.1.as_str()),
        ("311.800000", "143.850000")
    );
    let year = words.iter().find(|w| w.3 == "2026").expect("the date");
    assert_eq!(year.2, "538.310000");
    let sender = words.iter().find(|w| w.3 == "Atelier").expect("the sender");
    assert_eq!(sender.0, "56.690000");
}

/// The place and date go under whichever is lower: the window's bottom and the first fold
/// (99 mm = 28 062), the address + 6 mm (1 700) or the sender + 6 mm; right-aligned on the
/// margin.
#[test]
fn the_date_goes_below_the_window_and_both_addresses() {
    let date = |letter: &Letter| {
        let doc = render(letter);
        let t = doc.pages[0].find("Lyon, le 22 novembre 2026").clone();
        assert_eq!(t.x + width(false, BODY, &t.text), RIGHT, "right-aligned");
        t.baseline
    };
    // Short addresses: 28 062 + 930.
    assert_eq!(date(&Letter::sample()), 28_992);
    // A 12-line address: 14 173 + 12 × 1 350 + 1 700 + 930 = 33 003.
    let mut letter = Letter::sample();
    letter.recipient = (1..=12).map(|i| format!("Ligne {i}")).collect();
    assert_eq!(date(&letter), 33_003);
    // A 20-line sender: 4 251 + 20 × 1 350 + 1 700 + 930 = 33 881.
    let mut letter = Letter::sample();
    letter.sender = (1..=20).map(|i| format!("Ligne {i}")).collect();
    assert_eq!(date(&letter), 33_881);
}

/// Units (1/1000 em) of a WinAnsi text.
fn units(bold: bool, text: &str) -> i64 {
    i64::from(winansi::text_width(bold, &winansi::encode(text)))
}

/// Greedy wrapping at `max` centipoints: each line fits, and the next line's first word would
/// not have fitted on it.
fn assert_greedy(lines: &[&Text], max: i32) {
    assert!(lines.len() > 1, "the text wraps");
    for (i, line) in lines.iter().enumerate() {
        let fits =
            |text: &str| units(line.bold, text) * i64::from(line.size) <= i64::from(max) * 1_000;
        assert!(fits(&line.text), "{:?} is wider than {max}", line.text);
        if let Some(next) = lines.get(i + 1) {
            let word = next.text.split(' ').next().expect("a word");
            assert!(
                !fits(&format!("{} {word}", line.text)),
                "{word:?} would have fitted after {:?}",
                line.text
            );
        }
    }
}

/// The address wraps at the window's width (110 mm to the right margin: 22 651), the sender at
/// 85 mm (24 094), the body at the text width (170 mm: 48 162), bullets 8 mm in (45 895), each
/// greedily, line after line at 13.5 pt.
#[test]
fn texts_wrap_greedily_at_their_block_width() {
    let long = "Établissements de boulangerie et pâtisserie industrielles du Dauphiné réunies en \
                société par actions simplifiée au capital de cent mille euros";
    let mut letter = with_body(vec![
        paragraph(&format!("{long} {long} {long}")),
        Block::Bullets(vec![format!("{long} {long}")]),
    ]);
    letter.recipient = vec![long.into()];
    letter.sender = vec!["Atelier".into(), long.into()];
    let doc = render(&letter);
    let page = &doc.pages[0];
    let block = |x: i32, from: i32, to: i32| -> Vec<&Text> {
        page.texts
            .iter()
            .filter(|t| t.x == x && t.baseline >= from && t.baseline < to && t.text != "•")
            .collect()
    };
    let recipient = block(WINDOW_X, 15_000, 28_000);
    assert_greedy(&recipient, 22_651);
    assert!(recipient[0].bold);
    for (i, line) in recipient.iter().enumerate() {
        assert_eq!(line.baseline, 15_103 + 1_350 * i as i32);
    }
    let sender = block(LEFT, 5_000, 28_000);
    assert_greedy(&sender[1..], 24_094);
    assert!(sender[0].bold && !sender[1].bold);
    let body = block(LEFT, BODY_START, page.find("•").baseline);
    assert_greedy(&body, 48_162);
    let bullets = block(LEFT + mm(80), BODY_START, 80_000);
    assert_greedy(&bullets, 48_162 - mm(80));
    assert_eq!(page.find("•").baseline, bullets[0].baseline);
    assert_eq!(page.find("•").x, LEFT + mm(30));
    for pair in body.windows(2).chain(bullets.windows(2)) {
        assert_eq!(pair[1].baseline - pair[0].baseline, BODY_LEAD);
    }
    // Every word once, in order.
    let words = |texts: &[&Text]| {
        texts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(words(&body), format!("{long} {long} {long}"));
    assert_eq!(words(&bullets), format!("{long} {long}"));
    assert_eq!(words(&recipient), long);
}

/// A line exactly as wide as the text (170 mm at 10 pt: 48 162 units) stays whole:
/// 36 'r' + space + 36 'r' and 86 't' = 72 × 333 + 278 + 86 × 278 = 48 162; one more 't' sends
/// the second word to the next line. A word wider than the line is cut between characters at the
/// last one that fits: 72 'r' and 87 't' fill the line exactly, the 88th 't' goes below.
#[test]
fn a_line_exactly_as_wide_as_the_text_is_not_broken() {
    let first = "r".repeat(36);
    let second = format!("{}{}", "r".repeat(36), "t".repeat(86));
    assert_eq!(units(false, &format!("{first} {second}")), 48_162);
    let shown = |text: &str| -> Vec<String> {
        let doc = render(&with_body(vec![paragraph(text)]));
        doc.pages[0]
            .texts
            .iter()
            .filter(|t| t.text.chars().all(|c| matches!(c, 'r' | 't' | ' ')))
            .map(|t| t.text.clone())
            .collect()
    };
    assert_eq!(
        shown(&format!("{first} {second}")),
        [format!("{first} {second}")]
    );
    assert_eq!(
        shown(&format!("{first} {second}t")),
        [first.clone(), format!("{second}t")]
    );
    let word = format!("{}{}", "r".repeat(72), "t".repeat(87));
    assert_eq!(shown(&format!("{word}t")), [word, "t".to_string()]);
    // Three words filling the line: 100 'r' + space + 'rr' + space + 'r'… (see the sum).
    let three = format!("{} {} {}", "r".repeat(70), "r".repeat(2), "t".repeat(85));
    assert_eq!(
        units(false, &three),
        70 * 333 + 278 + 2 * 333 + 278 + 85 * 278
    );
    assert_eq!(units(false, &three), 48_162);
    assert_eq!(shown(&three), std::slice::from_ref(&three));
    assert_eq!(shown(&format!("{three}t")).len(), 2);
}

/// A paragraph keeps its own line breaks; an empty line keeps its height.
#[test]
fn a_paragraph_keeps_its_line_breaks_and_blank_lines() {
    let doc = render(&with_body(vec![paragraph("un\ndeux\n\ntrois")]));
    let page = &doc.pages[0];
    let base = BODY_START + BODY_BASE;
    assert_eq!(page.find("un").baseline, base);
    assert_eq!(page.find("deux").baseline, base + BODY_LEAD);
    assert_eq!(page.find("trois").baseline, base + 3 * BODY_LEAD);
}

fn one_liners(n: usize) -> Vec<Block> {
    (1..=n)
        .map(|i| paragraph(&format!("Paragraphe {i}")))
        .collect()
}

/// The page each text of `texts` is on.
fn pages_of(doc: &Doc, texts: &[String]) -> Vec<usize> {
    texts.iter().map(|t| doc.find(t).0).collect()
}

/// One-line paragraphs take 13.5 pt + 6 pt (1 950); a line fits while its box ends above 25 mm
/// from the bottom (77 114). Page 1's body starts at 38 712: (77 114 − 1 350 − 38 712) / 1 950
/// = 19.0, so paragraphs 1 to 20 are on page 1; page 2 starts at 20 mm (5 669):
/// (77 114 − 1 350 − 5 669) / 1 950 = 35.9, 36 paragraphs (21 to 56); the rest on page 3.
#[test]
fn paragraphs_fill_each_page_down_to_the_bottom_margin() {
    let doc = render(&with_body(one_liners(60)));
    let names: Vec<String> = (1..=60).map(|i| format!("Paragraphe {i}")).collect();
    let pages = pages_of(&doc, &names);
    let expected: Vec<usize> = (1..=60)
        .map(|i| match i {
            1..=20 => 0,
            21..=56 => 1,
            _ => 2,
        })
        .collect();
    assert_eq!(pages, expected);
    assert_eq!(
        doc.find("Paragraphe 20").1.baseline,
        BODY_START + 19 * 1_950 + BODY_BASE
    );
    assert_eq!(doc.find("Paragraphe 21").1.baseline, TOP + BODY_BASE);
    assert_eq!(
        doc.find("Paragraphe 56").1.baseline,
        TOP + 35 * 1_950 + BODY_BASE
    );
    for (_, t) in doc.lines() {
        assert!(t.baseline - BODY_BASE + BODY_LEAD <= BOTTOM || t.size != BODY);
    }
}

/// Keeping a paragraph's first two lines together: after 19 one-line paragraphs the next line
/// box starts at 38 712 + 19 × 1 950 = 75 762, with 1 352 left: one line fits, not two. A
/// three-line paragraph then starts on page 2; after 18 (73 812, 3 302 left) its first two lines stay on
/// page 1 and the third goes to the top of page 2.
#[test]
fn a_paragraph_never_leaves_its_first_line_alone_at_the_bottom() {
    let three = "première\ndeuxième\ntroisième";
    let mut body = one_liners(19);
    body.push(paragraph(three));
    let doc = render(&with_body(body));
    assert_eq!(doc.find("première").0, 1);
    assert_eq!(doc.find("première").1.baseline, TOP + BODY_BASE);
    let mut body = one_liners(18);
    body.push(paragraph(three));
    let doc = render(&with_body(body));
    assert_eq!(doc.find("première").0, 0);
    assert_eq!(doc.find("première").1.baseline, 73_812 + BODY_BASE);
    assert_eq!(doc.find("deuxième").0, 0);
    assert_eq!(doc.find("troisième").0, 1);
    assert_eq!(doc.find("troisième").1.baseline, TOP + BODY_BASE);
    // Same for a bullet of two lines.
    let mut body = one_liners(19);
    body.push(Block::Bullets(vec!["puce\nsuite".into()]));
    let doc = render(&with_body(body));
    assert_eq!(doc.find("puce").0, 1);
    assert_eq!(doc.find("•").0, 1);
    assert_eq!(doc.find("•").1.baseline, TOP + BODY_BASE);
}

/// A heading is kept with two lines of what follows: it needs its lines (14.5 pt each) and
/// 2 × 13.5 pt. After 17 one-liners and the 3 pt before a heading, 77 114 − (38 712 + 17 ×
/// 1 950 + 300) = 4 952 are left: a one-line heading (1 450 + 2 700 = 4 150) stays, a two-line
/// one (2 900 + 2 700 = 5 600) goes to page 2; after 18 (3 002 left) a one-line heading goes too.
#[test]
fn a_heading_is_kept_with_two_lines_of_what_follows() {
    let with_heading = |n: usize, heading: &str| {
        let mut body = one_liners(n);
        body.push(Block::Heading(heading.into()));
        body.push(paragraph("Après"));
        render(&with_body(body))
    };
    let doc = with_heading(17, "Titre");
    let (page, title) = doc.find("Titre");
    assert_eq!((page, title.bold, title.size), (0, true, HEAD));
    assert_eq!(title.baseline, BODY_START + 17 * 1_950 + 300 + HEAD_BASE);
    // 200 under the heading.
    assert_eq!(
        doc.find("Après").1.baseline,
        title.baseline - HEAD_BASE + 1_450 + 200 + BODY_BASE
    );
    let doc = with_heading(17, "Titre\nsur deux lignes");
    assert_eq!(doc.find("Titre").0, 1);
    // At the top of a page, no space before a heading.
    assert_eq!(doc.find("Titre").1.baseline, TOP + HEAD_BASE);
    assert_eq!(
        doc.find("sur deux lignes").1.baseline,
        TOP + 1_450 + HEAD_BASE
    );
    let doc = with_heading(18, "Titre");
    assert_eq!(doc.find("Titre").0, 1);
}

/// The closing formula and the signature stay together: they need 13.5 pt per line, 8 mm
/// (2 267) between them and 20 mm (5 669) to sign. The body ends with 6 pt more; after n
/// one-liners 77 114 − (38 712 + n × 1 950 + 600) = 37 802 − 1 950 n are left: the sample's 1 +
/// 2 lines need 3 × 1 350 + 7 936 = 11 986 (stay after 13: 12 452 left; go after 14: 10 502);
/// with a 3-line signature, 13 336 (go after 13).
#[test]
fn the_closing_and_the_signature_stay_together() {
    let close = |n: usize, signature: &[&str]| {
        let mut letter = with_body(one_liners(n));
        letter.signature = signature.iter().map(|s| s.to_string()).collect();
        render(&letter)
    };
    let closing = Letter::sample().closing;
    let doc = close(13, &["Claire Durand", "Gérante"]);
    let (page, text) = doc.find(&closing);
    assert_eq!(page, 0);
    assert_eq!(text.baseline, BODY_START + 13 * 1_950 + 600 + BODY_BASE);
    assert_eq!(text.x, LEFT);
    let (page, name) = doc.find("Claire Durand");
    assert_eq!((page, name.x, name.bold), (0, WINDOW_X, true));
    assert_eq!(name.baseline, text.baseline + 1_350 + mm(80));
    assert_eq!(doc.find("Gérante").1.baseline, name.baseline + 1_350);
    assert!(!doc.find("Gérante").1.bold);
    let doc = close(14, &["Claire Durand", "Gérante"]);
    assert_eq!(doc.find(&closing).0, 1);
    assert_eq!(doc.find(&closing).1.baseline, TOP + BODY_BASE);
    assert_eq!(doc.find("Claire Durand").0, 1);
    let doc = close(13, &["Claire Durand", "Gérante", "Direction"]);
    assert_eq!(doc.find(&closing).0, 1);
    assert_eq!(doc.find("Direction").0, 1);
    assert_eq!(doc.pages.len(), 2);
}

/// Every page has "Page N / M" in 8 pt grey, centred on the page, 12 mm from the bottom edge
/// (84 200 − 3 401 = 80 799).
#[test]
fn every_page_has_its_number_centred_in_the_footer() {
    let doc = render(&with_body(one_liners(60)));
    assert_eq!(doc.pages.len(), 3);
    for (i, page) in doc.pages.iter().enumerate() {
        let label = format!("Page {} / 3", i + 1);
        let footer = page.find(&label);
        assert_eq!((footer.size, footer.bold, footer.grey), (800, false, 35));
        assert_eq!(footer.baseline, 80_799);
        assert_eq!(footer.x, (PAGE_W - width(false, 800, &label)) / 2);
        assert_eq!(page.starting("Page ").len(), 1);
        // Only the footer is grey.
        assert!(page.texts.iter().filter(|t| t.grey != 0).count() == 1);
    }
}

/// A table of `n` invoices: "F-i" on the left, "i,00 €" on the right, and a total.
fn invoices(n: usize, total: bool) -> Block {
    Block::Table(Table {
        columns: vec![
            col("Facture", Align::Left, 3),
            col("Montant", Align::Right, 1),
        ],
        rows: (1..=n)
            .map(|i| vec![format!("F-{i}"), format!("{i},00 €")])
            .collect(),
        total: total.then(|| vec!["Total".into(), "999,00 €".into()]),
    })
}

/// The right edge of the amount column, 1.5 mm (425) inside the margin.
const AMOUNT_RIGHT: i32 = RIGHT - 425;

/// A header row takes 2.5 + 11.5 + 2.5 pt (1 650) between a 0.8 pt rule and a 0.5 pt one, then
/// 0.6 pt; each one-line row 1 650, with a light 0.3 pt rule between rows. From page 1's body
/// (38 712) the rows start at 40 422: (77 114 − 1 650 − 40 422) / 1 650 = 21.2, rows 1–22 on
/// page 1. Each next page repeats the header at 20 mm (rule 5 669, text 5 669 + 250 + 805 =
/// 6 724, rule 7 319), rows from 7 379: (77 114 − 1 650 − 7 379) / 1 650 = 41.3, 42 rows a page
/// (23–64, 65–100). The total follows with a 0.8 pt rule and 0.6 pt.
#[test]
fn a_long_table_repeats_its_header_on_each_page() {
    let doc = render(&with_body(vec![invoices(100, true)]));
    let names: Vec<String> = (1..=100).map(|i| format!("F-{i}")).collect();
    let expected: Vec<usize> = (1..=100)
        .map(|i| match i {
            1..=22 => 0,
            23..=64 => 1,
            _ => 2,
        })
        .collect();
    assert_eq!(pages_of(&doc, &names), expected);
    let headers: Vec<(usize, i32)> = doc
        .texts()
        .filter(|(_, t)| t.text == "Facture")
        .map(|(p, t)| (p, t.baseline))
        .collect();
    assert_eq!(headers, [(0, 38_712 + 1_055), (1, 6_724), (2, 6_724)]);
    for (p, t) in doc.texts().filter(|(_, t)| t.text == "Montant") {
        assert!(t.bold && t.size == SMALL, "page {p}");
        assert_eq!(t.x + width(true, SMALL, "Montant"), AMOUNT_RIGHT);
    }
    for (i, name) in names.iter().enumerate() {
        let (page, t) = doc.find(name);
        assert!(!t.bold && t.size == SMALL);
        assert_eq!(t.x, LEFT + 425);
        let amount = format!("{},00 €", i + 1);
        let (amount_page, a) = doc.find(&amount);
        assert_eq!((amount_page, a.baseline), (page, t.baseline));
        assert_eq!(a.x + width(false, SMALL, &amount), AMOUNT_RIGHT);
    }
    assert_eq!(doc.find("F-1").1.baseline, 40_422 + 250 + SMALL_BASE);
    assert_eq!(doc.find("F-22").1.baseline, 40_422 + 21 * 1_650 + 1_055);
    assert_eq!(doc.find("F-23").1.baseline, 7_379 + 1_055);
    assert_eq!(doc.find("F-65").1.baseline, 7_379 + 1_055);
    assert_eq!(doc.find("F-100").1.baseline, 7_379 + 35 * 1_650 + 1_055);
    // The total: a black rule under row 100, 0.6 pt, then the bold row.
    let (page, total) = doc.find("Total");
    let under_100 = 7_379 + 36 * 1_650;
    assert_eq!((page, total.bold), (2, true));
    assert_eq!(total.baseline, under_100 + 60 + 1_055);
    let (_, sum) = doc.find("999,00 €");
    assert!(sum.bold);
    assert_eq!(sum.x + width(true, SMALL, "999,00 €"), AMOUNT_RIGHT);
    // Rules: the header's on each page, one light rule between two rows, one above the total.
    let full = |r: &&Rule| r.x1 == LEFT && r.x2 == RIGHT;
    assert_eq!(
        doc.pages[1]
            .rules
            .iter()
            .filter(|r| r.grey == 0)
            .map(|r| (r.y, r.width))
            .collect::<Vec<_>>(),
        [(5_669, 80), (7_319, 50)]
    );
    assert_eq!(
        doc.pages[2]
            .rules
            .iter()
            .filter(|r| r.grey == 0)
            .map(|r| (r.y, r.width))
            .collect::<Vec<_>>(),
        [(5_669, 80), (7_319, 50), (under_100, 80)]
    );
    let light: Vec<&Rule> = doc
        .pages
        .iter()
        .flat_map(|p| p.rules.iter())
        .filter(|r| r.grey != 0)
        .collect();
    assert_eq!(light.len(), 99);
    assert!(light
        .iter()
        .all(|r| full(r) && r.grey == 75 && r.width == 30));
    assert_eq!(
        doc.pages[1].rules.iter().find(|r| r.grey != 0).unwrap().y,
        7_379 + 1_650
    );
}

/// The total never starts a page alone without its rule and a header: after a paragraph and
/// 20 rows, 77 114 − (38 712 + 1 950 + 1 710 + 20 × 1 650) = 1 742 are left, less than the
/// total's 1 650 + 1 pt: it goes to page 2 under a repeated header. With 19 rows (3 392 left)
/// it stays.
#[test]
fn the_total_moves_to_the_next_page_with_its_rule_and_a_header() {
    let table = |rows: usize| render(&with_body(vec![paragraph("Avant"), invoices(rows, true)]));
    let doc = table(20);
    assert_eq!(doc.find("F-20").0, 0);
    let (page, total) = doc.find("Total");
    assert_eq!(page, 1);
    assert_eq!(total.baseline, 7_379 + 60 + 1_055);
    assert_eq!(doc.pages[1].find("Facture").baseline, 6_724);
    assert_eq!(
        doc.pages[1]
            .rules
            .iter()
            .map(|r| (r.y, r.width))
            .collect::<Vec<_>>(),
        [(5_669, 80), (7_319, 50), (7_379, 80)]
    );
    let doc = table(19);
    assert_eq!(doc.find("Total").0, 0);
    assert_eq!(
        doc.pages[0]
            .texts
            .iter()
            .filter(|t| t.text == "Facture")
            .count(),
        1
    );
}

/// The header row stays with the first row: after 18 one-liners 77 114 − (38 712 + 18 × 1 950)
/// = 3 302 are left, less than the header, the first row and 2 pt (3 500): the table starts on
/// page 2. After 17 (5 252 left) it starts on page 1. A table without rows keeps its header
/// with the total.
#[test]
fn a_table_header_is_never_left_alone_at_the_bottom() {
    let after = |n: usize, table: Block| {
        let mut body = one_liners(n);
        body.push(table);
        render(&with_body(body))
    };
    let doc = after(18, invoices(3, false));
    assert_eq!(doc.find("Facture").0, 1);
    assert_eq!(doc.find("Facture").1.baseline, 6_724);
    assert_eq!(doc.find("F-1").0, 1);
    let doc = after(17, invoices(3, false));
    assert_eq!(
        doc.pages[0].find("Facture").baseline,
        38_712 + 17 * 1_950 + 1_055
    );
    assert_eq!(doc.find("F-1").0, 0);
    let doc = after(18, invoices(0, true));
    assert_eq!(doc.find("Facture").0, 1);
    assert_eq!(doc.find("Total").0, 1);
    assert_eq!(doc.find("Total").1.baseline, 7_379 + 60 + 1_055);
}

/// A cell of `n` lines: "ligne 1" to "ligne n" on their own lines.
fn tall_row(n: usize) -> Vec<String> {
    vec![
        (1..=n)
            .map(|i| format!("ligne {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        "0,50 €".into(),
    ]
}

/// A row that does not fit goes whole to the next page (header repeated) when a page can hold
/// it: 5 lines after 20 rows (1 742 left: one line). A row taller than a page is cut between
/// lines and continued under a repeated header: a fresh page holds (77 114 − 7 379 − 500) /
/// 1 150 = 60 lines of it.
#[test]
fn a_row_moves_whole_or_is_cut_between_lines_under_repeated_headers() {
    let mut table = invoices(20, false);
    if let Block::Table(t) = &mut table {
        t.rows.push(tall_row(5));
    }
    let doc = render(&with_body(vec![paragraph("Avant"), table]));
    for i in 1..=5 {
        let (page, line) = doc.find(&format!("ligne {i}"));
        assert_eq!(page, 1);
        assert_eq!(
            line.baseline,
            7_379 + 250 + (i - 1) * SMALL_LEAD + SMALL_BASE
        );
    }
    assert_eq!(doc.pages[1].find("Facture").baseline, 6_724);
    // 150 lines after one row: the table starts on page 1 (the first row is short), the tall
    // row is cut: 77 114 − 40 422 − 1 650 = 35 042, (35 042 − 500) / 1 150 = 30 lines on page 1,
    // then 60, 60.
    let mut table = invoices(1, false);
    if let Block::Table(t) = &mut table {
        t.rows.push(tall_row(150));
    }
    let doc = render(&with_body(vec![table]));
    let pages: Vec<usize> = (1..=150)
        .map(|i| doc.find(&format!("ligne {i}")).0)
        .collect();
    let expected: Vec<usize> = (1..=150)
        .map(|i| match i {
            1..=30 => 0,
            31..=90 => 1,
            _ => 2,
        })
        .collect();
    assert_eq!(pages, expected);
    assert_eq!(
        doc.find("ligne 1").1.baseline,
        40_422 + 1_650 + 250 + SMALL_BASE
    );
    assert_eq!(doc.find("ligne 31").1.baseline, 7_379 + 250 + SMALL_BASE);
    assert_eq!(
        doc.find("ligne 90").1.baseline,
        7_379 + 250 + 59 * SMALL_LEAD + SMALL_BASE
    );
    assert_eq!(doc.find("ligne 91").1.baseline, 7_379 + 250 + SMALL_BASE);
    let headers: Vec<usize> = doc
        .texts()
        .filter(|(_, t)| t.text == "Facture")
        .map(|(p, _)| p)
        .collect();
    assert_eq!(headers, [0, 1, 2]);
    // The amount is on the row's first line.
    assert_eq!(
        doc.find("0,50 €").1.baseline,
        doc.find("ligne 1").1.baseline
    );
}

fn annexed(blocks: Vec<Block>) -> Letter {
    Letter {
        annex: Some(Annex {
            title: "Annexe — Décompte".into(),
            blocks,
        }),
        ..Letter::sample()
    }
}

/// The annex starts on a page of its own; its title (11 pt bold) heads each of its pages, over
/// a 0.6 pt rule 14.5 + 2 pt under the top (7 319); the annex text starts 7 pt under the title's
/// line (5 669 + 1 450 + 700 = 7 819). A table continued on an annex page repeats its header
/// under the title; a page holds (77 114 − 7 819 − 1 710 − 1 650) / 1 650 + 1 = 40 rows.
#[test]
fn the_annex_title_heads_each_annex_page() {
    let doc = render(&annexed(vec![paragraph("Méthode"), invoices(60, false)]));
    assert_eq!(doc.pages.len(), 3);
    assert!(doc.pages[0].starting("Annexe").is_empty());
    for page in &doc.pages[1..] {
        let title = page.find("Annexe — Décompte");
        assert_eq!((title.bold, title.size, title.x), (true, HEAD, LEFT));
        assert_eq!(title.baseline, TOP + HEAD_BASE);
        assert_eq!((page.rules[0].y, page.rules[0].width), (7_319, 60));
    }
    assert_eq!(doc.find("Méthode").1.baseline, 7_819 + BODY_BASE);
    // Page 2: "Méthode" (1 950), the header (1 710) from 9 769, rows from 11 479:
    // (77 114 − 1 650 − 11 479) / 1 650 = 38.2, rows 1–39.
    assert_eq!(doc.find("F-39").0, 1);
    assert_eq!(doc.find("F-40").0, 2);
    assert_eq!(doc.pages[2].find("Facture").baseline, 7_819 + 1_055);
    assert_eq!(doc.find("F-40").1.baseline, 7_819 + 1_710 + 1_055);
}

/// A row taller than what an annex page holds under its title and header is cut: (77 114 −
/// 7 819 − 1 710 − 500) / 1 150 = 58 lines a page; a row of 58 lines that does not fit goes
/// whole to the next page, one of 59 is cut where it is.
#[test]
fn on_annex_pages_a_row_moves_whole_only_if_a_page_holds_it() {
    let with_tall = |n: usize| {
        let mut table = invoices(2, false);
        if let Block::Table(t) = &mut table {
            t.rows.push(tall_row(n));
        }
        render(&annexed(vec![table]))
    };
    let doc = with_tall(58);
    assert_eq!(doc.find("ligne 1").0, 2);
    assert_eq!(doc.find("ligne 58").0, 2);
    assert_eq!(
        doc.find("ligne 1").1.baseline,
        7_819 + 1_710 + 250 + SMALL_BASE
    );
    let doc = with_tall(59);
    assert_eq!(doc.find("ligne 1").0, 1);
    assert_eq!(
        doc.find("ligne 1").1.baseline,
        7_819 + 1_710 + 2 * 1_650 + 250 + SMALL_BASE
    );
    // 77 114 − 12 829 = 64 285: (64 285 − 500) / 1 150 = 55 lines on the annex's first page.
    assert_eq!(doc.find("ligne 55").0, 1);
    assert_eq!(doc.find("ligne 56").0, 2);
    assert_eq!(
        doc.find("ligne 56").1.baseline,
        7_819 + 1_710 + 250 + SMALL_BASE
    );
}

/// A closing longer than a page starts on a page of its own and runs on line by line:
/// (77 114 − 5 669) / 1 350 = 52.9, lines 1–52 on page 2, the rest and the signature on page 3.
#[test]
fn a_closing_longer_than_a_page_starts_a_page_and_runs_on() {
    let mut letter = with_body(vec![paragraph("Corps")]);
    letter.closing = (1..=60)
        .map(|i| format!("formule {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let doc = render(&letter);
    let pages: Vec<usize> = (1..=60)
        .map(|i| doc.find(&format!("formule {i}")).0)
        .collect();
    let expected: Vec<usize> = (1..=60).map(|i| if i <= 52 { 1 } else { 2 }).collect();
    assert_eq!(pages, expected);
    assert_eq!(doc.find("formule 1").1.baseline, TOP + BODY_BASE);
    assert_eq!(doc.find("formule 53").1.baseline, TOP + BODY_BASE);
    let (page, name) = doc.find("Claire Durand");
    assert_eq!(page, 2);
    assert_eq!(name.baseline, TOP + 8 * BODY_LEAD + mm(80) + BODY_BASE);
}

/// A heading that opens a page (here the annex's first block) has no space above it: its line
/// box starts where the annex text starts, 7 819.
#[test]
fn a_heading_at_the_top_of_a_page_has_no_space_above() {
    let doc = render(&annexed(vec![
        Block::Heading("Facture F-1".into()),
        paragraph("Détail"),
    ]));
    let (page, heading) = doc.find("Facture F-1");
    assert_eq!(page, 1);
    assert_eq!(heading.baseline, 7_819 + HEAD_BASE);
    assert_eq!(
        doc.find("Détail").1.baseline,
        7_819 + 1_450 + 200 + BODY_BASE
    );
}

/// The header is kept with the whole first row when it is taller than one line: after 16
/// one-liners 77 114 − (38 712 + 16 × 1 950) = 7 202 are left, less than the header, a five-line
/// row (500 + 5 × 1 150 = 6 250) and 2 pt: 8 100. The table starts on page 2.
#[test]
fn a_table_header_is_kept_with_a_tall_first_row() {
    let mut body = one_liners(16);
    body.push(Block::Table(Table {
        columns: vec![
            col("Facture", Align::Left, 3),
            col("Montant", Align::Right, 1),
        ],
        rows: vec![tall_row(5)],
        total: None,
    }));
    let doc = render(&with_body(body));
    let headers: Vec<usize> = doc
        .texts()
        .filter(|(_, t)| t.text == "Facture")
        .map(|(p, _)| p)
        .collect();
    assert_eq!(headers, [1]);
    assert_eq!(doc.find("ligne 1").1.baseline, 7_379 + 250 + SMALL_BASE);
    assert_eq!(
        doc.find("ligne 5").1.baseline,
        7_379 + 250 + 4 * SMALL_LEAD + SMALL_BASE
    );
}

/// A cell wraps greedily inside its column less 1.5 mm of padding on each side: two columns of
/// equal weight share the 48 162 of the text width, 24 081 each, text 24 081 − 850 = 23 231
/// wide, lines 11.5 pt apart; the right column's lines end 1.5 mm inside the margin.
#[test]
fn a_cell_wraps_inside_its_column_padding() {
    let long = "Pénalités de retard au taux de la Banque centrale européenne majoré de dix points \
                de pourcentage, du lendemain de l'échéance au jour du paiement";
    let doc = render(&with_body(vec![Block::Table(Table {
        columns: vec![
            col("Libellé", Align::Left, 1),
            col("Détail", Align::Right, 1),
        ],
        rows: vec![vec![long.into(), format!("{long} ({long})")]],
        total: None,
    })]));
    let page = &doc.pages[0];
    let cell = |x: Option<i32>| -> Vec<&Text> {
        page.texts
            .iter()
            .filter(|t| t.size == SMALL && !t.bold)
            .filter(|t| x.is_none_or(|x| t.x == x))
            .filter(|t| x.is_some() || t.x != LEFT + 425)
            .collect()
    };
    let left = cell(Some(LEFT + 425));
    assert_greedy(&left, 23_231);
    let right = cell(None);
    assert_greedy(&right, 23_231);
    for line in &right {
        assert_eq!(line.x + width(false, SMALL, &line.text), RIGHT - 425);
    }
    for pair in left.windows(2).chain(right.windows(2)) {
        assert_eq!(pair[1].baseline - pair[0].baseline, SMALL_LEAD);
    }
    assert_eq!(left[0].baseline, right[0].baseline);
}

/// In the letter, a page continued under a one-line header holds (77 114 − 7 379 − 500) / 1 150
/// = 60 lines of a row: after one row, a row of 60 lines goes whole to page 2, one of 61 starts
/// on page 1 ((77 114 − 42 072 − 500) / 1 150 = 30 lines there).
#[test]
fn in_the_letter_a_row_moves_whole_only_if_a_page_holds_it() {
    let with_tall = |n: usize| {
        let mut table = invoices(1, false);
        if let Block::Table(t) = &mut table {
            t.rows.push(tall_row(n));
        }
        render(&with_body(vec![table]))
    };
    let doc = with_tall(60);
    assert_eq!(doc.find("ligne 1").0, 1);
    assert_eq!(doc.find("ligne 60").0, 1);
    assert_eq!(
        doc.find("ligne 60").1.baseline,
        7_379 + 250 + 59 * SMALL_LEAD + SMALL_BASE
    );
    let doc = with_tall(61);
    assert_eq!(doc.find("ligne 1").0, 0);
    assert_eq!(doc.find("ligne 30").0, 0);
    assert_eq!(doc.find("ligne 31").0, 1);
}
