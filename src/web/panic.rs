//! The last line of defence: if anything panics, the page still lets the user save their
//! work. The hook logs the panic, then writes a plain DOM block (no Yew: the app is dead by
//! then) with a download link to the last autosaved form, which "Importer un dossier" reads.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlAnchorElement};

/// The id of the fallback block, written once.
pub const FALLBACK_ID: &str = "panic-fallback";
/// The file name of the rescued form.
pub const RESCUE_FILE: &str = "sauvegarde-relance.json";

/// Installs the hook; Yew uses it instead of its own.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fallback();
    }));
}

/// Writes the fallback block at the top of `<body>` (once). Never panics.
pub fn show_fallback() {
    let _ = try_show_fallback();
}

fn try_show_fallback() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(FALLBACK_ID).is_some() {
        return Some(());
    }
    let block = document.create_element("div").ok()?;
    block.set_id(FALLBACK_ID);
    block.set_class_name("panic-fallback");
    block.set_attribute("role", "alert").ok()?;
    let text = paragraph(
        &document,
        "Une erreur inattendue a interrompu Relance. Vos saisies sont enregistrées dans ce \
         navigateur : téléchargez-les pour ne rien perdre, puis rechargez la page. \
         « Importer un dossier » relit ce fichier.",
    )?;
    block.append_child(&text).ok()?;
    match super::storage::load() {
        Some(saved) => {
            let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
            link.set_href(&super::download::object_url(&saved, "application/json").ok()?);
            link.set_download(RESCUE_FILE);
            link.set_text_content(Some("Télécharger ma saisie (sauvegarde-relance.json)"));
            block.append_child(&link).ok()?;
        }
        None => {
            let none = paragraph(&document, "Aucune saisie n'était enregistrée.")?;
            block.append_child(&none).ok()?;
        }
    }
    let body = document.body()?;
    body.insert_before(&block, body.first_child().as_ref())
        .ok()?;
    Some(())
}

fn paragraph(document: &Document, text: &str) -> Option<web_sys::Element> {
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some(text));
    Some(p)
}
