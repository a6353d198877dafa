//! Invoices in, not typed (issue 15): readers that turn an accounting export into dossiers, one
//! per debtor, and the portfolio of those dossiers.
//!
//! Module map: `einvoice` (UBL and CII invoices, EN 16931: one dossier per seller and buyer) ·
//! `pdf` (the XML a Factur-X PDF carries) · `fec` (the fichier des écritures comptables, LPF A47 A-1: customer accounts
//! 411 → invoices, payments and their lettering) · `merge` (an FEC's customer and its
//! e-invoices: one dossier) · `files` (several files at once, each recognised and read, then
//! joined: what the CLI and the page call) · `pace` (a long reading that stops now and then
//! with its progress: the page paints and answers there; the CLI never stops) ·
//! `portfolio` (one row per debtor: what the engine computes for it, sorted by total) ·
//! `sample` (generated FECs for the benchmark and the tests). Like the engine, nothing here reads files, the
//! clock or the network: the caller gives the text and the dates.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod einvoice;
pub mod fec;
pub mod files;
mod imported;
pub mod merge;
pub mod pace;
pub mod pdf;
pub mod portfolio;
pub mod sample;
pub mod text;
