//! Writes the questionnaire as a Graphviz file for reviewers: `cargo xtask flow` runs this.
//!
//! Every path is walked (as in the flow tests) on a fixed day, and every step taken on some
//! path becomes an edge, labelled with the answers that lead along it.

use std::process::ExitCode;

use chrono::NaiveDate;
use residence_checker::domain::answers::{Answers, Keyed, Topic};
use residence_checker::flow::enumerate::{
    to_dot, topic_of, walk_all, Figures, BUDGET_MAX, BUDGET_MEDIAN,
};

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/flow.dot".into());
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let walks = match walk_all(&Answers::default(), today) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("flow_dot: the flow is broken: {e}");
            return ExitCode::FAILURE;
        }
    };
    let longest = walks.iter().map(|w| w.path.len()).max().unwrap_or(0);
    if let Err(e) = std::fs::write(&out, to_dot(&walks)) {
        eprintln!("flow_dot: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{out}: {} paths, longest {longest} questions", walks.len());
    // The journeys people take: a topic (or the EU/EEA check, which has none).
    let journeys = || {
        walks
            .iter()
            .filter(|w| topic_of(w) != Some(Topic::Everything))
    };
    let figures = Figures::of(journeys());
    println!("{figures}");
    println!(
        "  budget: median <= {BUDGET_MEDIAN}, max <= {BUDGET_MAX}: {}",
        if figures.within_budget() {
            "kept"
        } else {
            "EXCEEDED"
        }
    );
    println!("per topic:");
    let eu = Figures::of(walks.iter().filter(|w| topic_of(w).is_none()));
    println!("  {:<22} {eu}", "eu_eea (no topic)");
    for topic in Topic::ALL {
        let f = Figures::of(walks.iter().filter(|w| topic_of(w) == Some(*topic)));
        println!("  {:<22} {f}", topic.key());
    }
    println!("render with: dot -Tsvg {out} -o flow.svg");
    ExitCode::SUCCESS
}
