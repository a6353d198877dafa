//! What the engine makes of the form (`Derived`: checked, computed), and the figures of the
//! last keystroke as a click reads them (`Latest`). The app derives them; the components that
//! draw them read them from here.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::figures::figures;
use relance_engine::form::{check, Checked, Form};
use relance_engine::{Computation, Dossier};
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
    let (computation, reason) = match figures(form, &checked, today) {
        Ok(c) => (Some(Rc::new(c)), AttrValue::default()),
        Err(why) => (None, AttrValue::from(why.message())),
    };
    Derived {
        dossier: checked.dossier.clone().map(Rc::new),
        checked: Rc::new(checked),
        computation,
        reason,
    }
}
