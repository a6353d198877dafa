//! What the sender should know before sending a letter, said beside it (web page, CLI stderr)
//! and never in it: an invoice that seems prescribed or soon will be, a payment plan that ends
//! after the last day to act.

use chrono::NaiveDate;

use relance_engine::compute::Regime;
use relance_engine::fr;
use relance_engine::law::prescription::Status;
use relance_engine::rates::Status as RateStatus;

use super::context::Ctx;
use crate::model::LetterKind;
use crate::user_text::clean;

impl Ctx<'_> {
    pub(crate) fn before_sending(&self, kind: LetterKind) -> Vec<String> {
        let mut notes = Vec::new();
        // The earliest last day to act among the invoices still owed, and its invoice.
        let mut first_last_day: Option<(NaiveDate, String)> = None;
        for inv in &self.open {
            let Some(term) = inv.prescription else {
                continue;
            };
            let number = clean(&inv.number);
            let last = fr::date(term.last_day);
            match term.status(self.date) {
                Status::Prescribed => notes.push(format!(
                    "La facture {number} semble prescrite : le dernier jour pour agir en justice était le {last}. La réclamer expose à une fin de non-recevoir ; retirez-la du dossier, sauf interruption ou suspension dont vous avez la preuve (paiement partiel, reconnaissance de dette, action en justice)."
                )),
                Status::Soon => notes.push(format!(
                    "La facture {number} sera prescrite après le {last}, dernier jour pour agir en justice : cette lettre, même recommandée, n'interrompt pas la prescription."
                )),
                Status::Running => {}
            }
            if first_last_day
                .as_ref()
                .is_none_or(|(d, _)| term.last_day < *d)
            {
                first_last_day = Some((term.last_day, number));
            }
        }
        // C. conso. L616-1: a consumer is told which mediator the professional adheres to.
        if self.c.regime == Regime::B2c && clean(&self.fields.consumer_mediator).is_empty() {
            notes.push("Un professionnel doit indiquer au consommateur le médiateur de la consommation dont il relève (C. conso. L616-1) : renseignez-le pour qu'il figure dans la lettre.".to_owned());
        }
        // Unverified rates go into the letter unmarked unless the user keeps the mark.
        if !self.fields.show_unverified {
            let mut seen: Vec<String> = Vec::new();
            for s in self.c.invoices.iter().flat_map(|i| &i.segments) {
                let rate = format!(
                    "{} ({})",
                    fr::percent(s.rate.percent),
                    fr::rate_basis(&s.rate)
                );
                if s.rate.status == RateStatus::Unverified && !seen.contains(&rate) {
                    seen.push(rate);
                }
            }
            if let [one] = seen.as_slice() {
                notes.push(format!(
                    "Taux non confirmé dans une source officielle : {one}. Vérifiez-le avant d'envoyer la lettre : il y figure sans la mention « non vérifié », sauf si vous choisissez de la garder."
                ));
            } else if !seen.is_empty() {
                notes.push(format!(
                    "Taux non confirmés dans une source officielle : {}. Vérifiez-les avant d'envoyer la lettre : ils y figurent sans la mention « non vérifié », sauf si vous choisissez de la garder.",
                    seen.join(" ; ")
                ));
            }
        }
        if kind == LetterKind::PaymentPlan {
            let end = self.plan().last_date();
            if let (Some(end), Some((last_day, number))) = (end, first_last_day) {
                // C. civ. 2240: the signed slip acknowledges the debt and interrupts prescription.
                if end > last_day && last_day >= self.date {
                    notes.push(format!(
                        "La dernière échéance, le {}, tombe après le {}, dernier jour pour agir en justice pour la facture {number} : sans le bon pour accord signé, qui vaut reconnaissance de dette et interrompt la prescription (C. civ. 2240), la prescription serait acquise avant la fin de l'échéancier.",
                        fr::date(end),
                        fr::date(last_day)
                    ));
                }
            }
        }
        notes
    }
}
