//! Native command-line evaluator.
fn main() {}
