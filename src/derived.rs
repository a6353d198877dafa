//! What the engine makes of the form (`Derived`: checked, computed), and the figures of the
//! last keystroke as a click reads them (`Latest`). The app derives them; the components that
//! draw them read them from here.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::form::{check, Checked, Form, InvoiceForm};
use relance_engine::{compute, Computation, Dossier, RateTables};
use yew::AttrValue;

/// What the engine makes of the form.
#[derive(Debug, PartialEq, Eq)]
pub struct Derived {
    pub checked: Rc<Checked>,
    pub computation: Option<Rc<Computation>>,
    /// The valid part of the form, as the engine reads it.
    pub dossier: Option<Rc<Dossier>>,
    /// Why there is no computation, when there is none.
    pub reason: AttrValue,
}

/// The figures of the last keystroke, read on a click: a letter's files are drafted from them,
/// while its preview shows the figures of the last pause in typing. Equal to itself only: the
/// same cell, rewritten at each render of the app.
#[derive(Clone)]
pub struct Latest(Rc<RefCell<Rc<Derived>>>);

impl Latest {
    /// The cell the app rewrites at each render (`use_mut_ref`).
    pub fn new(cell: Rc<RefCell<Rc<Derived>>>) -> Self {
        Latest(cell)
    }

    pub fn get(&self) -> Rc<Derived> {
        self.0.borrow().clone()
    }
}

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Checks the form and computes what is valid, on the typed date or else on `today`.
pub fn derive(form: &Form, today: Option<NaiveDate>) -> Derived {
    let checked = check(form);
    let as_of = match checked.as_of {
        Some(d) => Some(d),
        None if form.as_of.trim().is_empty() => today,
        None => None,
    };
    let (computation, reason) = match (&checked.dossier, as_of) {
        (Some(dossier), Some(as_of)) => (
            Some(Rc::new(compute(dossier, as_of, &RateTables::builtin()))),
            AttrValue::default(),
        ),
        (None, _) if form.invoices.iter().all(|i| *i == InvoiceForm::default()) => (
            None,
            AttrValue::from(
                "Saisissez le montant et l'échéance d'une facture : le total s'affiche aussitôt.",
            ),
        ),
        (None, _) => (
            None,
            AttrValue::from("Aucune facture complète et valide : corrigez les champs signalés."),
        ),
        (Some(_), None) => (
            None,
            AttrValue::from("Corrigez la date « Calculer au » pour voir le calcul."),
        ),
    };
    Derived {
        dossier: checked.dossier.clone().map(Rc::new),
        checked: Rc::new(checked),
        computation,
        reason,
    }
}
