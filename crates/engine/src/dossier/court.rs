//! What a court or a mandataire needs beyond a letter (issue 14, feature `court`): the parties'
//! registration details, the pieces the creditor holds, the court chosen for an injonction de
//! payer and the debtor's collective proceedings. Read by `parse`, written by
//! `Dossier::to_json`, used by `procedure` and the court documents.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::codes::coded;
use crate::json_text::json;
use crate::money::Eur;

/// The court part of a dossier; every part optional.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Court {
    pub creditor: PartyDetails,
    pub debtor: PartyDetails,
    /// The documents the creditor holds, in the order the user gave (invoices, credit notes
    /// and the décompte are added by the bordereau itself).
    pub pieces: Vec<Piece>,
    pub injunction: Injunction,
    pub insolvency: Option<Insolvency>,
}

/// What identifies a party before a court (CPC 1407 refers to 54 and 57): a company's form,
/// capital, register and representative; a person's names. Empty when not given.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PartyDetails {
    /// « M. » or « Mme », for a person.
    pub civility: Option<Civility>,
    pub legal_form: String,
    pub share_capital: Option<Eur>,
    /// The city of the Registre du commerce et des sociétés.
    pub rcs_city: String,
    /// The registered office, when it differs from the postal address.
    pub registered_office: String,
    pub representative: String,
    pub representative_capacity: String,
    pub first_name: String,
    pub last_name: String,
    /// What CPC 54 3° a) asks of a claimant who is a natural person.
    pub profession: String,
    pub nationality: String,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: String,
}

/// How a person is addressed in a court document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Civility {
    Monsieur,
    Madame,
}

coded!(Civility {
    Monsieur => "M.",
    Madame => "Mme",
});

/// A document the creditor holds and will attach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub date: Option<NaiveDate>,
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Contract,
    Quote,
    Order,
    Delivery,
    Invoice,
    CreditNote,
    Correspondence,
    FormalNotice,
    ReceiptAcknowledgment,
    Decompte,
    Other,
}

coded!(PieceKind {
    Contract => "contrat",
    Quote => "devis",
    Order => "commande",
    Delivery => "livraison",
    Invoice => "facture",
    CreditNote => "avoir",
    Correspondence => "correspondance",
    FormalNotice => "mise_en_demeure",
    ReceiptAcknowledgment => "accuse_reception",
    Decompte => "decompte",
    Other => "autre",
});

/// The injonction de payer's court (CPC 1406: that of the debtor's seat or domicile, which the
/// user names; Relance has no map of the courts' districts) and the amicable attempt made.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Injunction {
    /// Which court, when the debtor's legal form does not tell (`law::injunction::court_kind`).
    pub court_kind: Option<CourtKind>,
    /// « Tribunal de commerce de Lyon », « Tribunal judiciaire de Grenoble ».
    pub court: String,
    pub court_address: String,
    /// The amicable attempt made before going to court (conciliation, médiation…), as the user
    /// describes it; empty when none.
    pub amicable_attempt: String,
}

/// CPC 1406 al. 1: the président of the tribunal de commerce for a claim against a trader or a
/// commercial company, else the tribunal judiciaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourtKind {
    Commerce,
    Judiciaire,
}

coded!(CourtKind {
    Commerce => "commerce",
    Judiciaire => "judiciaire",
});

/// The debtor's collective proceedings (C. com. livre VI).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insolvency {
    pub procedure: Procedure,
    /// The opening judgment: interest stops on that day (L622-28).
    pub opened: NaiveDate,
    /// Its publication in the BODACC: the two months to declare run from it (R622-24).
    pub published: Option<NaiveDate>,
    /// « Tribunal de commerce de Lyon ».
    pub court: String,
    /// The mandataire judiciaire or the liquidator.
    pub representative_name: String,
    pub representative_address: String,
    /// A security or a retention-of-title clause the claim carries, as the user states it.
    pub security: String,
    /// The creditor does not live in the territory where the court sits (metropolitan France,
    /// or the overseas département or collectivité of the court): four months instead of two
    /// (R622-24).
    pub creditor_abroad: bool,
    /// The court and case number when the claim is already before a court (R622-23 3°).
    pub pending_case: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Procedure {
    /// Sauvegarde (L620-1).
    Safeguard,
    /// Redressement judiciaire (L631-1).
    Recovery,
    /// Liquidation judiciaire (L640-1).
    Liquidation,
}

coded!(Procedure {
    Safeguard => "sauvegarde",
    Recovery => "redressement",
    Liquidation => "liquidation",
});

/// The court part alone as a dossier's root holds it: `creditor` and `debtor` with only their
/// details, then `pieces`, `injunction`, `insolvency` (for the page's form).
pub fn root_of(court: &Court) -> Map<String, Value> {
    let mut root = Map::new();
    for (key, details) in [("creditor", &court.creditor), ("debtor", &court.debtor)] {
        let mut party = Value::Object(Map::new());
        write_details(&mut party, details);
        root.insert(key.into(), party);
    }
    write(&mut root, court);
    root
}

/// Adds the details of a party to its JSON object, each key only when given.
pub(super) fn write_details(party: &mut Value, details: &PartyDetails) {
    let Value::Object(map) = party else {
        return;
    };
    for (key, value) in [
        ("legal_form", &details.legal_form),
        ("rcs_city", &details.rcs_city),
        ("registered_office", &details.registered_office),
        ("representative", &details.representative),
        ("representative_capacity", &details.representative_capacity),
        ("first_name", &details.first_name),
        ("last_name", &details.last_name),
        ("profession", &details.profession),
        ("nationality", &details.nationality),
        ("birth_place", &details.birth_place),
    ] {
        if !value.is_empty() {
            map.insert(key.into(), json!(value));
        }
    }
    if let Some(civility) = details.civility {
        map.insert("civility".into(), json!(civility.code()));
    }
    if let Some(born) = details.birth_date {
        map.insert("birth_date".into(), json!(born.to_string()));
    }
    if let Some(capital) = details.share_capital {
        map.insert("share_capital".into(), json!(capital.get().to_string()));
    }
}

/// Adds `pieces`, `injunction` and `insolvency` to the dossier's JSON object, when present.
pub(super) fn write(root: &mut Map<String, Value>, court: &Court) {
    if !court.pieces.is_empty() {
        let pieces = court.pieces.iter().map(|p| {
            json!({"kind": p.kind.code(), "date": p.date.map(|d| d.to_string()), "title": p.title})
        });
        root.insert("pieces".into(), Value::Array(pieces.collect()));
    }
    let i = &court.injunction;
    if *i != Injunction::default() {
        root.insert(
            "injunction".into(),
            json!({
                "court_kind": i.court_kind.map(CourtKind::code),
                "court": i.court,
                "court_address": i.court_address,
                "amicable_attempt": i.amicable_attempt,
            }),
        );
    }
    if let Some(p) = &court.insolvency {
        root.insert(
            "insolvency".into(),
            json!({
                "procedure": p.procedure.code(),
                "opened": p.opened.to_string(),
                "published": p.published.map(|d| d.to_string()),
                "court": p.court,
                "representative": {"name": p.representative_name, "address": p.representative_address},
                "security": p.security,
                "creditor_abroad": p.creditor_abroad,
                "pending_case": p.pending_case,
            }),
        );
    }
}
