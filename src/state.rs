//! What the user typed, and nothing else: the engine's [`Form`] (strings exactly as typed,
//! mistakes included), changed only through [`Action`]s by [`AppState::apply`].
//!
//! Derived figures (errors, totals, the décompte) are never stored here: the root component
//! recomputes them from the form with the engine. No money is computed in this module.

use std::rc::Rc;

use relance_engine::form::{Form, InvoiceForm, PaymentForm, PieceForm, RateForm};
use relance_engine::paste::Pasted;
use relance_engine::Dossier;
use yew::Reducible;

/// The whole state of the page that outlives a render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    /// Shared, so that a render hands it to the components and the memos without copying
    /// it: an action copies it once (`Rc::make_mut`), whatever the size of the dossier.
    pub form: Rc<Form>,
    /// What « Charger un exemple » replaced, until « Annuler » puts it back.
    pub before_example: Option<Box<Form>>,
    /// The debtors imported together (issue 15), each with its dossier, kept in this browser
    /// until removed; opening one puts its dossier in the form.
    /// Each dossier shared too: a keystroke in the open one replaces it alone, never copying
    /// the others.
    pub portfolio: Rc<Vec<Rc<Dossier>>>,
    /// The portfolio's dossier the form shows, if any: what is typed goes back to it.
    pub open: Option<usize>,
}

/// A list of payment-like rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    Payment,
    CreditNote,
    /// A written acknowledgment of the debt: a date and the invoice, no amount.
    Acknowledgment,
}

impl Flow {
    /// The list's name in a dossier path: `payments[0].date`.
    pub fn list(self) -> &'static str {
        match self {
            Flow::Payment => "payments",
            Flow::CreditNote => "credit_notes",
            Flow::Acknowledgment => "acknowledgments",
        }
    }
}

/// A list of rates the user adds to the shipped tables (issue 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RateList {
    /// An ECB main refinancing rate, from the date of its change.
    Ecb,
    /// A semester's legal rates, « particuliers » and « autres cas ».
    Legal,
}

/// A field of an added rate: `When` is the date of the change (ECB) or the semester (legal);
/// `Other` is the « autres cas » legal rate (`Percent` is the ECB rate or « particuliers »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RateField {
    When,
    Percent,
    Other,
    Source,
}

/// One of the two parties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    Creditor,
    Debtor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartyField {
    Name,
    Kind,
    Siren,
    Address,
    Email,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceField {
    Number,
    Issued,
    Terms,
    Due,
    Amount,
    Delivered,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowField {
    Date,
    Amount,
    Invoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionField {
    RateKind,
    RatePercent,
    /// What applies where the contractual rate is below the legal floor (C. com. L441-10).
    BelowFloor,
    RatePeriod,
    DayCount,
    Imputation,
    ExtraCosts,
    FormalNoticeDate,
    /// The day capitalisation was asked in court or agreed (C. civ. 1343-2).
    CapitalisationFrom,
}

/// A field of the "Lettre" step (`form.letter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterField {
    Kind,
    Place,
    Signatory,
    Capacity,
    DeadlineDays,
    Sending,
    TrackingNumber,
    Iban,
    Bic,
    ContractReference,
    TermsReference,
    ConsumerMediator,
    Reminders,
    PlanInstalments,
    PlanFirstDate,
    PlanIntervalMonths,
    PlanTotal,
}

/// One text (or choice) field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldId {
    AsOf,
    Party(Party, PartyField),
    Invoice(usize, InvoiceField),
    Flow(Flow, usize, FlowField),
    Option(OptionField),
    Letter(LetterField),
    Rate(RateList, usize, RateField),
    /// A field of the « Jugement » part, by its dossier key (`served`): see `JudgmentForm::fields`.
    Judgment(&'static str),
    /// A field of the court part (issue 14), by its dossier path (`injunction.court`).
    Court(&'static str),
    /// A field of a piece the creditor holds.
    Piece(usize, PieceField),
}

/// A field of a piece row: its kind (`PieceKind` code), date and title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PieceField {
    Kind,
    Date,
    Title,
}

impl FieldId {
    /// The engine's path for this field (`invoices[2].amount`), as in `Checked::error`.
    pub fn path(self) -> String {
        match self {
            FieldId::AsOf => "as_of".to_owned(),
            FieldId::Party(party, field) => {
                let party = match party {
                    Party::Creditor => "creditor",
                    Party::Debtor => "debtor",
                };
                let field = match field {
                    PartyField::Name => "name",
                    PartyField::Kind => "kind",
                    PartyField::Siren => "siren",
                    PartyField::Address => "address",
                    PartyField::Email => "email",
                };
                format!("{party}.{field}")
            }
            FieldId::Invoice(i, field) => {
                let field = match field {
                    InvoiceField::Number => "number",
                    InvoiceField::Issued => "issued",
                    InvoiceField::Terms => "terms",
                    InvoiceField::Due => "due",
                    InvoiceField::Amount => "amount",
                    InvoiceField::Delivered => "delivered",
                };
                format!("invoices[{i}].{field}")
            }
            FieldId::Flow(flow, i, field) => {
                let list = flow.list();
                let field = match field {
                    FlowField::Date => "date",
                    FlowField::Amount => "amount",
                    FlowField::Invoice => "invoice",
                };
                format!("{list}[{i}].{field}")
            }
            FieldId::Option(field) => match field {
                OptionField::RateKind => "options.rate.kind",
                OptionField::RatePercent => "options.rate.percent",
                OptionField::BelowFloor => "options.rate.below_floor",
                OptionField::RatePeriod => "options.rate_period",
                OptionField::DayCount => "options.day_count",
                OptionField::Imputation => "options.imputation",
                OptionField::ExtraCosts => "options.extra_costs",
                OptionField::FormalNoticeDate => "options.formal_notice_date",
                OptionField::CapitalisationFrom => "options.capitalisation_from",
            }
            .to_owned(),
            FieldId::Letter(field) => match field {
                LetterField::Kind => "letter.kind",
                LetterField::Place => "letter.place",
                LetterField::Signatory => "letter.signatory",
                LetterField::Capacity => "letter.capacity",
                LetterField::DeadlineDays => "letter.deadline_days",
                LetterField::Sending => "letter.sending",
                LetterField::TrackingNumber => "letter.tracking_number",
                LetterField::Iban => "letter.iban",
                LetterField::Bic => "letter.bic",
                LetterField::ContractReference => "letter.contract_reference",
                LetterField::TermsReference => "letter.terms_reference",
                LetterField::ConsumerMediator => "letter.consumer_mediator",
                LetterField::Reminders => "letter.reminders",
                LetterField::PlanInstalments => "letter.plan.instalments",
                LetterField::PlanFirstDate => "letter.plan.first_date",
                LetterField::PlanIntervalMonths => "letter.plan.interval_months",
                LetterField::PlanTotal => "letter.plan.total",
            }
            .to_owned(),
            FieldId::Rate(list, i, field) => {
                let (name, field) = match list {
                    RateList::Ecb => (
                        "ecb",
                        match field {
                            RateField::When => "from",
                            RateField::Percent | RateField::Other => "percent",
                            RateField::Source => "source",
                        },
                    ),
                    RateList::Legal => (
                        "legal",
                        match field {
                            RateField::When => "semester",
                            RateField::Percent => "particuliers",
                            RateField::Other => "autres_cas",
                            RateField::Source => "source",
                        },
                    ),
                };
                format!("rates.{name}[{i}].{field}")
            }
            FieldId::Judgment(key) => format!("judgment.{key}"),
            FieldId::Court(path) => path.to_owned(),
            FieldId::Piece(i, field) => {
                let field = match field {
                    PieceField::Kind => "kind",
                    PieceField::Date => "date",
                    PieceField::Title => "title",
                };
                format!("pieces[{i}].{field}")
            }
        }
    }

    /// A DOM id made from the path: `invoices[2].amount` → `f-invoices-2-amount`.
    pub fn dom_id(self) -> String {
        dom_id(&self.path())
    }
}

/// The DOM id of the field at a dossier path: `invoices[2].amount` → `f-invoices-2-amount`.
pub fn dom_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// Everything the user can do to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Sets a field to what was typed. Editing the invoice just past the end of the list
    /// (the quick start on an empty form) adds it.
    Edit(FieldId, String),
    /// The D441-5 indemnity checkbox.
    SetIndemnity(bool),
    /// "Joindre le décompte en annexe".
    SetAnnex(bool),
    /// "Garder la mention « non vérifié »" of unverified rates in the letter.
    SetShowUnverified(bool),
    /// "Maintenir dans la lettre les factures qui semblent prescrites".
    SetKeepPrescribed(bool),
    /// Replaces the drafted text of the letter's paragraph `id`.
    EditParagraph(String, String),
    /// Back to the drafted text of paragraph `id`.
    ResetParagraph(String),
    /// Sets strategy assumption `id` (`fond.cost`) to what was typed, kept even when invalid.
    EditAssumption(String, String),
    /// "Rétablir les valeurs par défaut": forgets every assumption typed.
    ResetAssumptions,
    AddInvoice,
    RemoveInvoice(usize),
    /// Inserts a copy of the invoice right after it (its number left empty: numbers are unique).
    DuplicateInvoice(usize),
    /// Adds pasted rows (invoices, payments, credit notes); an untouched empty first row of a
    /// list is replaced rather than kept.
    AppendPasted(Box<Pasted>),
    AddFlow(Flow),
    RemoveFlow(Flow, usize),
    /// Adds an empty rate row to a list (« Ajouter un taux BCE / légal »).
    AddRate(RateList),
    RemoveRate(RateList, usize),
    /// Adds an empty piece row (« Ajouter une pièce »).
    AddPiece,
    RemovePiece(usize),
    /// Moves piece `i` one place up (`true`) or down: the bordereau keeps the user's order.
    MovePiece(usize, bool),
    /// Replaces the form by the built-in example, keeping the form it replaces for `UndoExample`.
    LoadExample,
    /// Puts back the form the example replaced.
    UndoExample,
    /// Replaces the form by an imported one.
    Import(Box<Form>),
    /// Replaces the portfolio by the debtors just imported.
    SetPortfolio(Vec<Dossier>),
    /// Removes a debtor from the portfolio.
    RemoveFromPortfolio(usize),
    /// Shows a portfolio's dossier in the form; what is typed then goes back to it.
    OpenFromPortfolio(usize),
    /// The open dossier as typed, back in the portfolio.
    UpdatePortfolio(usize, Box<Dossier>),
    /// Back to an empty form.
    Clear,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl AppState {
    /// The state for a form restored from storage (or an empty one).
    pub fn new(form: Form) -> AppState {
        AppState {
            form: Rc::new(form),
            before_example: None,
            portfolio: Rc::default(),
            open: None,
        }
    }

    /// The same with the portfolio kept in this browser, and the dossier the form shows.
    pub fn with_portfolio(mut self, dossiers: Vec<Dossier>, open: Option<usize>) -> AppState {
        self.open = open.filter(|i| *i < dossiers.len());
        self.portfolio = Rc::new(dossiers.into_iter().map(Rc::new).collect());
        self
    }

    /// Whether anything was typed: loading the example then asks first.
    pub fn has_input(&self) -> bool {
        *self.form != Form::default()
    }

    /// Applies `action`. Out-of-range indexes are ignored: a stale click never panics.
    pub fn apply(&mut self, action: Action) {
        let form = Rc::make_mut(&mut self.form);
        match action {
            Action::Edit(field, value) => edit(form, field, value),
            Action::SetIndemnity(on) => form.options.indemnity = on,
            Action::SetAnnex(on) => form.letter.annex = on,
            Action::SetShowUnverified(on) => form.letter.show_unverified = on,
            Action::SetKeepPrescribed(on) => form.letter.keep_prescribed = on,
            Action::EditParagraph(id, text) => {
                form.letter.edits.insert(id, text);
            }
            Action::ResetParagraph(id) => {
                form.letter.edits.remove(&id);
            }
            Action::EditAssumption(id, value) => {
                form.strategy.insert(id, value);
            }
            Action::ResetAssumptions => form.strategy.clear(),
            Action::AddInvoice => form.invoices.push(InvoiceForm::default()),
            Action::RemoveInvoice(i) => {
                if i < form.invoices.len() {
                    form.invoices.remove(i);
                }
            }
            Action::DuplicateInvoice(i) => {
                if let Some(row) = form.invoices.get(i) {
                    let copy = InvoiceForm {
                        number: String::new(),
                        ..row.clone()
                    };
                    form.invoices.insert(i + 1, copy);
                }
            }
            Action::AppendPasted(pasted) => {
                let Pasted {
                    rows,
                    payments,
                    credit_notes,
                    ..
                } = *pasted;
                append(&mut form.invoices, rows);
                append(&mut form.payments, payments);
                append(&mut form.credit_notes, credit_notes);
            }
            Action::AddFlow(flow) => flows(form, flow).push(PaymentForm::default()),
            Action::RemoveFlow(flow, i) => {
                let list = flows(form, flow);
                if i < list.len() {
                    list.remove(i);
                }
            }
            Action::AddRate(list) => rates(form, list).push(RateForm::default()),
            Action::AddPiece => form.pieces.push(PieceForm {
                kind: "contrat".into(),
                ..PieceForm::default()
            }),
            Action::RemovePiece(i) => {
                if i < form.pieces.len() {
                    form.pieces.remove(i);
                }
            }
            Action::MovePiece(i, up) => {
                let j = if up { i.checked_sub(1) } else { Some(i + 1) };
                if let Some(j) = j.filter(|j| *j < form.pieces.len() && i < form.pieces.len()) {
                    form.pieces.swap(i, j);
                }
            }
            Action::RemoveRate(list, i) => {
                let list = rates(form, list);
                if i < list.len() {
                    list.remove(i);
                }
            }
            Action::LoadExample => {
                self.open = None;
                let typed = std::mem::replace(form, example());
                self.before_example = (typed != Form::default()).then(|| Box::new(typed));
            }
            Action::UndoExample => {
                if let Some(typed) = self.before_example.take() {
                    *form = *typed;
                }
            }
            Action::Import(imported) => {
                *form = *imported;
                self.before_example = None;
                self.open = None;
            }
            Action::Clear => {
                *form = Form::default();
                self.before_example = None;
                self.portfolio = Rc::default();
                self.open = None;
            }
            Action::SetPortfolio(dossiers) => {
                self.portfolio = Rc::new(dossiers.into_iter().map(Rc::new).collect());
                self.open = None;
            }
            Action::RemoveFromPortfolio(i) => {
                if i < self.portfolio.len() {
                    Rc::make_mut(&mut self.portfolio).remove(i);
                    self.open = match self.open {
                        Some(o) if o == i => None,
                        Some(o) if o > i => Some(o - 1),
                        other => other,
                    };
                }
            }
            Action::OpenFromPortfolio(i) => {
                if let Some(d) = self.portfolio.get(i) {
                    *form = Form::from_dossier(d);
                    self.before_example = None;
                    self.open = Some(i);
                }
            }
            Action::UpdatePortfolio(i, dossier) => {
                if let Some(slot) = Rc::make_mut(&mut self.portfolio).get_mut(i) {
                    *slot = Rc::new(*dossier);
                }
            }
        }
    }
}

/// The built-in example: the engine's seed dossier (24 000,00 € due on 3 April 2022,
/// computed on 22 November 2026).
pub fn example() -> Form {
    relance_engine::parse::dossier(relance_engine::SEED_DOSSIER)
        .map(|d| Form::from_dossier(&d))
        .unwrap_or_default()
}

/// Adds `rows` to `list`, in place of a lone untouched row.
fn append<T: Default + PartialEq>(list: &mut Vec<T>, rows: Vec<T>) {
    if !rows.is_empty() && list.len() == 1 && list.first() == Some(&T::default()) {
        list.clear();
    }
    list.extend(rows);
}

fn flows(form: &mut Form, flow: Flow) -> &mut Vec<PaymentForm> {
    match flow {
        Flow::Payment => &mut form.payments,
        Flow::CreditNote => &mut form.credit_notes,
        Flow::Acknowledgment => &mut form.acknowledgments,
    }
}

fn rates(form: &mut Form, list: RateList) -> &mut Vec<RateForm> {
    match list {
        RateList::Ecb => &mut form.ecb_rates,
        RateList::Legal => &mut form.legal_rates,
    }
}

fn edit(form: &mut Form, field: FieldId, value: String) {
    match field {
        FieldId::AsOf => form.as_of = value,
        FieldId::Party(party, field) => {
            let p = match party {
                Party::Creditor => &mut form.creditor,
                Party::Debtor => &mut form.debtor,
            };
            *match field {
                PartyField::Name => &mut p.name,
                PartyField::Kind => &mut p.kind,
                PartyField::Siren => &mut p.siren,
                PartyField::Address => &mut p.address,
                PartyField::Email => &mut p.email,
            } = value;
        }
        FieldId::Invoice(i, field) => {
            if i == form.invoices.len() {
                form.invoices.push(InvoiceForm::default());
            }
            if let Some(row) = form.invoices.get_mut(i) {
                *match field {
                    InvoiceField::Number => &mut row.number,
                    InvoiceField::Issued => &mut row.issued,
                    InvoiceField::Terms => &mut row.terms,
                    InvoiceField::Due => &mut row.due,
                    InvoiceField::Amount => &mut row.amount,
                    InvoiceField::Delivered => &mut row.delivered,
                } = value;
            }
        }
        FieldId::Flow(flow, i, field) => {
            if let Some(row) = flows(form, flow).get_mut(i) {
                *match field {
                    FlowField::Date => &mut row.date,
                    FlowField::Amount => &mut row.amount,
                    FlowField::Invoice => &mut row.invoice,
                } = value;
            }
        }
        FieldId::Option(field) => {
            let o = &mut form.options;
            *match field {
                OptionField::RateKind => &mut o.rate_kind,
                OptionField::RatePercent => &mut o.rate_percent,
                OptionField::BelowFloor => &mut o.below_floor,
                OptionField::RatePeriod => &mut o.rate_period,
                OptionField::DayCount => &mut o.day_count,
                OptionField::Imputation => &mut o.imputation,
                OptionField::ExtraCosts => &mut o.extra_costs,
                OptionField::FormalNoticeDate => &mut o.formal_notice_date,
                OptionField::CapitalisationFrom => &mut o.capitalisation_from,
            } = value;
        }
        FieldId::Letter(field) => {
            let l = &mut form.letter;
            *match field {
                LetterField::Kind => &mut l.kind,
                LetterField::Place => &mut l.place,
                LetterField::Signatory => &mut l.signatory,
                LetterField::Capacity => &mut l.capacity,
                LetterField::DeadlineDays => &mut l.deadline_days,
                LetterField::Sending => &mut l.sending,
                LetterField::TrackingNumber => &mut l.tracking_number,
                LetterField::Iban => &mut l.iban,
                LetterField::Bic => &mut l.bic,
                LetterField::ContractReference => &mut l.contract_reference,
                LetterField::TermsReference => &mut l.terms_reference,
                LetterField::ConsumerMediator => &mut l.consumer_mediator,
                LetterField::Reminders => &mut l.reminders,
                LetterField::PlanInstalments => &mut l.plan_instalments,
                LetterField::PlanFirstDate => &mut l.plan_first_date,
                LetterField::PlanIntervalMonths => &mut l.plan_interval_months,
                LetterField::PlanTotal => &mut l.plan_total,
            } = value;
        }
        FieldId::Rate(list, i, field) => {
            if let Some(row) = rates(form, list).get_mut(i) {
                *match field {
                    RateField::When => &mut row.when,
                    RateField::Percent => &mut row.percent,
                    RateField::Other => &mut row.other,
                    RateField::Source => &mut row.source,
                } = value;
            }
        }
        FieldId::Judgment(key) => {
            if let Some(field) = form.judgment.field_mut(key) {
                *field = value;
            }
        }
        FieldId::Court(path) => {
            form.court.insert(path.to_owned(), value);
        }
        FieldId::Piece(i, field) => {
            if let Some(row) = form.pieces.get_mut(i) {
                *match field {
                    PieceField::Kind => &mut row.kind,
                    PieceField::Date => &mut row.date,
                    PieceField::Title => &mut row.title,
                } = value;
            }
        }
    }
}
