//! Entry point of the `relance-web` binary that Trunk builds to WebAssembly.

fn main() {
    relance_web::run();
}
