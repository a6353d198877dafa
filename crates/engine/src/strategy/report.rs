//! The strategy as JSON (CLI `relance strategy --format json`).
