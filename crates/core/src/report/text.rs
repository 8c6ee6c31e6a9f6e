//! A plain-text rendering of a decision for maintainers (the `evaluate --format text` output):
//! keys, verdicts, parameters, rules and sources, one finding per block. Applicants see the
//! worded result page and checklist instead.

use std::fmt::Write;

use crate::engine::decision::{Decision, Value, Verdict};

fn value(v: &Value) -> String {
    match v {
        Value::Date(d) => d.to_string(),
        Value::Nok(n) => format!("NOK {n}"),
        Value::Days(d) => format!("{d} days"),
        Value::Number(n) => n.to_string(),
        Value::Count(what, n) => format!("{n} {}", what.as_str().replace('_', " ")),
        Value::Key(k) => (*k).to_string(),
        Value::Keys(ks) => format!("[{}]", ks.join(", ")),
        Value::Text(t) => t.clone(),
    }
}

/// Renders the decision as plain text.
pub fn decision_as_text(d: &Decision) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Decision for {} (rules {}, reviewed {})",
        d.today, d.rules_version, d.rules_reviewed
    );
    let _ = writeln!(
        s,
        "Not legal advice: the decision letter from UDI or the police always wins.\n\nFINDINGS"
    );
    for f in &d.findings {
        let verdict = match &f.verdict {
            Verdict::Maybe { missing } if !missing.is_empty() => {
                let names: Vec<&str> = missing.iter().map(|q| q.name()).collect();
                format!("maybe (missing: {})", names.join(", "))
            }
            v => v.as_str().to_string(),
        };
        let rules: Vec<&str> = f.rules.iter().map(|r| r.as_str()).collect();
        let sources: Vec<&str> = f.sources.iter().map(|s| s.id()).collect();
        let _ = writeln!(
            s,
            "- [{:?}] {}: {}\n    rules: {}; sources: {}",
            f.priority,
            f.key.as_str(),
            verdict,
            rules.join(", "),
            sources.join(", ")
        );
        if !f.conflicts.is_empty() {
            let _ = writeln!(s, "    conflicts: {:?}", f.conflicts);
        }
        for (name, v) in &f.params {
            let _ = writeln!(s, "    {name} = {}", value(v));
        }
    }
    if !d.plan.steps.is_empty() || !d.plan.done.is_empty() {
        let _ = writeln!(s, "\nPLAN");
        for (n, step) in d.plan.steps.iter().enumerate() {
            let _ = writeln!(s, "{}. {}", n + 1, step_line(step));
        }
        for step in &d.plan.done {
            let _ = writeln!(s, "done: {}", step_line(step));
        }
    }
    if !d.dates.is_empty() {
        let _ = writeln!(s, "\nDATES");
        for k in &d.dates {
            let _ = writeln!(s, "- {}  {}", k.date, k.key.as_str());
        }
    }
    if !d.checklist.is_empty() {
        let _ = writeln!(s, "\nCHECKLIST");
        for item in &d.checklist {
            let mut line = format!("- [ ] {:?}: {}", item.kind, item.key.as_str());
            if let Some(due) = item.due {
                let _ = write!(line, " (by {due})");
            }
            if let Some(cost) = item.cost {
                let _ = write!(line, " (NOK {cost})");
            }
            let _ = writeln!(s, "{line}");
        }
    }
    s
}

/// One step of the plan for maintainers: when, what, and the dates and case it carries.
fn step_line(step: &crate::engine::plan::Step) -> String {
    use crate::engine::plan::{StepKey, When};
    let what = match step.key {
        StepKey::Do(i) => format!("do {}", i.as_str()),
        StepKey::Event(e) => format!("event {}", e.as_str()),
    };
    let when = match step.when {
        When::Now => "now".to_string(),
        When::Then => "then".to_string(),
        When::By(d) => format!("by {d}"),
        When::From(d) => format!("from {d}"),
        When::On(d) => format!("on {d}"),
        When::Around(d) => format!("around {d}"),
    };
    let mut line = format!("[{when}] {what}");
    if let Some(p) = step.passed {
        let _ = write!(line, " (passed {p})");
    }
    if let Some(st) = step.start {
        let _ = write!(line, " (from {st})");
    }
    if let Some(since) = step.since {
        let _ = write!(line, " (since {since})");
    }
    if let Some(case) = step.case {
        let _ = write!(line, " [{case}]");
    }
    if step.state == crate::engine::decision::ItemState::Overdue {
        line.push_str(" OVERDUE");
    }
    line
}
