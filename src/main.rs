fn main() {
    std::process::exit(factcheck::cli::main());
}
