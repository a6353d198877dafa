//! The letter as data: addresses, subject, paragraphs, tables, signature and an optional
//! annex. Every renderer walks this structure and nothing else; text is plain Unicode (the
//! renderers escape or encode it for their format).

/// Which letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterKind {
    /// Courteous reminder ("relance amiable").
    Reminder,
    /// "Mise en demeure de payer" (C. civ. 1344).
    FormalNotice,
    /// "Proposition d'échéancier".
    PaymentPlan,
    /// Requête en injonction de payer (CPC 1405 ff.), with its bordereau.
    #[cfg(feature = "court")]
    InjunctionRequest,
    /// Bordereau de pièces alone.
    #[cfg(feature = "court")]
    Bordereau,
    /// Déclaration de créance to the mandataire or the liquidator (C. com. L622-24).
    #[cfg(feature = "court")]
    ClaimDeclaration,
    /// « Remplir le Cerfa »: the value of each heading of the official form.
    #[cfg(feature = "court")]
    CerfaGuide,
    /// Demand to pay what a judgment awarded, before enforcement (issue 13).
    #[cfg(feature = "judgment")]
    JudgmentExecution,
}

impl LetterKind {
    /// Stable code, used in file names, the CLI (`--kind`) and the dossier file.
    pub const fn code(self) -> &'static str {
        match self {
            LetterKind::Reminder => "relance",
            LetterKind::FormalNotice => "mise-en-demeure",
            LetterKind::PaymentPlan => "echeancier",
            #[cfg(feature = "court")]
            LetterKind::InjunctionRequest => "requete-injonction",
            #[cfg(feature = "court")]
            LetterKind::Bordereau => "bordereau",
            #[cfg(feature = "court")]
            LetterKind::ClaimDeclaration => "declaration-creance",
            #[cfg(feature = "court")]
            LetterKind::CerfaGuide => "guide-cerfa",
            #[cfg(feature = "judgment")]
            LetterKind::JudgmentExecution => "execution-jugement",
        }
    }

    pub fn from_code(code: &str) -> Option<LetterKind> {
        Some(match code {
            "relance" => LetterKind::Reminder,
            "mise-en-demeure" => LetterKind::FormalNotice,
            "echeancier" => LetterKind::PaymentPlan,
            #[cfg(feature = "court")]
            "requete-injonction" => LetterKind::InjunctionRequest,
            #[cfg(feature = "court")]
            "bordereau" => LetterKind::Bordereau,
            #[cfg(feature = "court")]
            "declaration-creance" => LetterKind::ClaimDeclaration,
            #[cfg(feature = "court")]
            "guide-cerfa" => LetterKind::CerfaGuide,
            #[cfg(feature = "judgment")]
            "execution-jugement" => LetterKind::JudgmentExecution,
            _ => return None,
        })
    }
}

/// A whole letter, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub kind: LetterKind,
    /// Sender block, top left: name, address lines, SIREN, e-mail.
    pub sender: Vec<String>,
    /// Recipient block, placed for a DL window envelope (window on the right).
    pub recipient: Vec<String>,
    /// "Lyon, le 22 novembre 2026".
    pub place_date: String,
    /// Sending mode line, e.g. "Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1".
    pub sending: Option<String>,
    /// Without the "Objet :" prefix (renderers add it).
    pub subject: String,
    /// Reference lines under the subject ("Vos références…", "Nos factures…").
    pub references: Vec<String>,
    /// "Madame, Monsieur,".
    pub salutation: String,
    pub body: Vec<Block>,
    /// Closing formula ("Je vous prie d'agréer…").
    pub closing: String,
    /// Signatory name, then capacity.
    pub signature: Vec<String>,
    /// Optional annex (the décompte), on its own page(s), with a repeated header when long.
    pub annex: Option<Annex>,
}

/// One piece of the letter's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph the user may edit in place; `id` is stable across drafts (edits are keyed by it).
    Paragraph {
        id: String,
        text: String,
    },
    /// A short heading inside the body or annex.
    Heading(String),
    /// Bullet list.
    Bullets(Vec<String>),
    Table(Table),
}

/// A table of text cells; the last row may be a total (rendered bold, with a rule above).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub align: Align,
    /// Relative width (the renderers share the line width in proportion).
    pub weight: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// An annex: a title and blocks (usually the décompte table per invoice and the totals).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annex {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Letter {
    /// A small letter exercising every block kind, for renderer tests and previews.
    pub fn sample() -> Letter {
        Letter {
            kind: LetterKind::FormalNotice,
            sender: vec!["Atelier Numérique SARL".into(), "12 rue des Lilas".into(), "69003 Lyon".into(), "SIREN 732 829 320".into()],
            recipient: vec!["Boulangeries Martin SAS".into(), "4 place du Marché".into(), "38000 Grenoble".into()],
            place_date: "Lyon, le 22 novembre 2026".into(),
            sending: Some("Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1".into()),
            subject: "Mise en demeure de payer — facture F-2022-031".into(),
            references: vec!["Facture F-2022-031 du 04/03/2022, échue le 03/04/2022".into()],
            salutation: "Madame, Monsieur,".into(),
            body: vec![
                Block::Paragraph { id: "facts".into(), text: "Malgré nos relances, la facture ci-dessous reste impayée : « 24 000,00 € » — œuvre, ça, à, é, è, ô.".into() },
                Block::Table(Table {
                    columns: vec![
                        Column { title: "Somme".into(), align: Align::Left, weight: 3 },
                        Column { title: "Montant".into(), align: Align::Right, weight: 1 },
                    ],
                    rows: vec![
                        vec!["Principal".into(), "24 000,00 €".into()],
                        vec!["Pénalités de retard (C. com. L441-10)".into(), "14 092,53 €".into()],
                        vec!["Indemnité forfaitaire (C. com. D441-5)".into(), "40,00 €".into()],
                    ],
                    total: Some(vec!["Total".into(), "38 132,53 €".into()]),
                }),
                Block::Heading("À défaut de paiement".into()),
                Block::Bullets(vec!["requête en injonction de payer".into(), "référé-provision".into()]),
                Block::Paragraph { id: "notice".into(), text: "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.".into() },
            ],
            closing: "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.".into(),
            signature: vec!["Claire Durand".into(), "Gérante".into()],
            annex: None,
        }
    }
}

/// A paragraph with its stable id (see `draft::ids`).
pub(crate) fn para(id: &str, text: String) -> Block {
    Block::Paragraph {
        id: id.to_owned(),
        text,
    }
}

/// A table of sums: a label (headed `heading`) and an amount per row, then the total row.
pub(crate) fn sums(heading: &str, rows: Vec<Vec<String>>, total: [String; 2]) -> Block {
    Block::Table(Table {
        columns: vec![
            col(heading, Align::Left, 5),
            col("Montant", Align::Right, 2),
        ],
        rows,
        total: Some(total.to_vec()),
    })
}

pub(crate) fn col(title: &str, align: Align, weight: u16) -> Column {
    Column {
        title: title.to_owned(),
        align,
        weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of the CLI's `--kind`, file names and the dossier file, both ways; anything
    /// else is no kind.
    #[test]
    fn kind_codes_round_trip() {
        for (kind, code) in [
            (LetterKind::Reminder, "relance"),
            (LetterKind::FormalNotice, "mise-en-demeure"),
            (LetterKind::PaymentPlan, "echeancier"),
            #[cfg(feature = "court")]
            (LetterKind::InjunctionRequest, "requete-injonction"),
            #[cfg(feature = "court")]
            (LetterKind::Bordereau, "bordereau"),
            #[cfg(feature = "court")]
            (LetterKind::ClaimDeclaration, "declaration-creance"),
            #[cfg(feature = "court")]
            (LetterKind::CerfaGuide, "guide-cerfa"),
            #[cfg(feature = "judgment")]
            (LetterKind::JudgmentExecution, "execution-jugement"),
        ] {
            assert_eq!(kind.code(), code);
            assert_eq!(LetterKind::from_code(code), Some(kind));
        }
        for unknown in ["", "Relance", "mise en demeure", "xyzzy"] {
            assert_eq!(LetterKind::from_code(unknown), None);
        }
    }
}
