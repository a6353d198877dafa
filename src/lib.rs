//! Relance web app (placeholder until the web-app shell lands).
pub fn run() {}
