//! A PDF (bytes): never panics nor hangs; an invoice it carries is one `einvoice` reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_import::{einvoice, pdf, text};

fuzz_target!(|data: &[u8]| {
    if let Ok(invoice) = pdf::read(data) {
        // It came from an XML stream that `einvoice` reads: the number is never empty.
        assert!(!invoice.number.is_empty());
        let _ = einvoice::read(&text::decode(data));
    }
});
