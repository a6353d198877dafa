//! Browser glue: the clock, localStorage, downloads, file reading, long work paced, the
//! quick start's hand-over, and the panic fallback.
//!
//! Every function here returns a `Result` or an `Option` instead of panicking: a full
//! storage quota or a refused download is reported to the user, never a crash.

pub mod clock;
pub mod download;
pub mod file;
pub mod pace;
pub mod panic;
pub mod quick;
pub mod storage;
