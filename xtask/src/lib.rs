//! The project's developer tasks, as a library: `cargo xtask` (src/main.rs) and the Trunk
//! post-build hook (src/bin/embed-wasm-and-hash.rs) are its binaries.
//!
//! `tools` installs what is missing; `pipeline` is `cargo xtask test`; `build` holds `serve`
//! and `build`; `fuzz`, `mutants` and `rates` are their commands; `html` reads the attributes
//! of the built index.html; `env` runs child processes.

pub mod build;
pub mod env;
pub mod fuzz;
pub mod html;
pub mod mutants;
pub mod pipeline;
pub mod rates;
pub mod tools;

pub use env::{show, Env};
