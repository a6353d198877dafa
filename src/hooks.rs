//! Custom hooks: browser side effects tied to the component lifecycle.

pub mod use_autosave;
pub mod use_focus_added_row;
pub mod use_kept_portfolio;
pub mod use_portfolio_rows;
pub mod use_settled;
