//! Project automation: `cargo xtask serve`, `cargo xtask test`, `cargo xtask bench`.
fn main() {
    eprintln!("xtask: not yet implemented");
    std::process::exit(2);
}
