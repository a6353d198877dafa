fn main() {
    relance_web::run();
}
