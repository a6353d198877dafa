//! Whether this browser already keeps a dossier or a portfolio: the app then opens it, and the
//! quick start, which would show an empty invoice over it, stays away.

/// The localStorage keys the app keeps them under (`src/web/storage.rs`: `KEY`,
/// `PORTFOLIO_KEY`).
pub const KEYS: [&str; 2] = ["relance.v1.form", "relance.v1.portfolio"];

#[cfg(test)]
mod tests {
    /// The app's storage names the same keys.
    #[test]
    fn the_apps_keys() {
        let storage = include_str!("../../../src/web/storage.rs");
        assert!(storage.contains(&format!("pub const KEY: &str = \"{}\";", super::KEYS[0])));
        assert!(storage.contains(&format!(
            "pub const PORTFOLIO_KEY: &str = \"{}\";",
            super::KEYS[1]
        )));
    }
}
