//! The court step and insolvency (issue 14, feature `court`): the pieces a creditor lists
//! (`pieces`), what must be known before a requête en injonction de payer or a déclaration de
//! créance is drafted (`guards`), and the claim as at the opening judgment (`declaration`).
//! The documents themselves are drafted by `relance-letter`.

mod declaration;
mod guards;
mod pieces;

pub use declaration::{declared, split, Declared};
pub use guards::{declaration_check, injunction_check, Check, Guard};
pub use pieces::{bordereau, Listed, Source};
