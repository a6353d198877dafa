//! What the Stratégie step receives from the app.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::form::Checked;
use relance_engine::{Computation, Dossier};
use yew::prelude::*;

use crate::components::field::Dispatch;

#[derive(Properties, PartialEq)]
pub struct StrategyProps {
    pub dossier: Option<Rc<Dossier>>,
    pub computation: Option<Rc<Computation>>,
    /// Today, from the browser's clock (`None`: the calculation date is used).
    pub today: Option<NaiveDate>,
    /// The assumptions as typed (`form.strategy`).
    pub typed: BTreeMap<String, String>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}
