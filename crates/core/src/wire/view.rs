//! The result page's words ([`ResultView`]) as text, for the hand-over from the report worker
//! to the page: one record per line, a one-letter tag and tab-separated fields. May import
//! `report::view` (the types it carries).

use crate::report::view::{FindingView, ResultView, SectionView, StaffCopyView, StepView};

/// A field: `\`, tabs and line breaks are written `\\`, `\t`, `\n`, `\r`, so any words
/// (a catalogue's `\n` line break included) come back as they were.
fn field(out: &mut String, text: &str) {
    out.push('\t');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// Reads a [`field`] back; `None` for an unknown escape.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\\' => match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
}

fn record(out: &mut String, tag: char, fields: &[&str]) {
    out.push(tag);
    for f in fields {
        field(out, f);
    }
    out.push('\n');
}

/// The view as text, one record per line (see the module docs).
pub fn encode(view: &ResultView) -> String {
    let mut out = String::new();
    for step in &view.plan {
        record(&mut out, 'T', &[&step.state, &step.when]);
        record(&mut out, 'A', &[&step.text]);
        for (id, title) in &step.why {
            record(&mut out, 'Y', &[id, title]);
        }
        for r in &step.rules {
            record(&mut out, 'Z', &[r]);
        }
    }
    for n in &view.done {
        record(&mut out, 'N', &[n]);
    }
    for s in &view.sections {
        record(&mut out, 'S', &[&s.priority, &s.heading]);
        for f in &s.findings {
            record(&mut out, 'F', &[&f.verdict, &f.title]);
            record(&mut out, 'I', &[&f.id]);
            for p in &f.body {
                record(&mut out, 'P', &[p]);
            }
            if let Some(m) = &f.missing {
                record(&mut out, 'M', &[m]);
            }
            for c in &f.conflicts {
                record(&mut out, 'K', &[c]);
            }
            for r in &f.rules {
                record(&mut out, 'R', &[r]);
            }
            for u in &f.sources {
                record(&mut out, 'U', &[u]);
            }
        }
    }
    for (label, date) in &view.dates {
        record(&mut out, 'D', &[label, date]);
    }
    for i in &view.bring_items {
        record(&mut out, 'C', &["bring", i]);
    }
    for u in &view.sources {
        record(&mut out, 'L', &[u]);
    }
    record(&mut out, 'V', &[&view.rules_version]);
    for e in &view.errors {
        record(&mut out, 'E', &[e]);
    }
    for c in &view.changes {
        record(&mut out, 'X', &[c]);
    }
    for (key, words) in &view.other_topics {
        record(&mut out, 'O', &[key, words]);
    }
    if let Some(copy) = &view.staff_copy {
        record(
            &mut out,
            'H',
            &[&copy.heading, &copy.do_title, &copy.bring_title],
        );
        for i in &copy.do_items {
            record(&mut out, 'B', &["do", i]);
        }
        for i in &copy.bring_items {
            record(&mut out, 'B', &["bring", i]);
        }
    }
    out
}

/// Reads the text form back; `None` if it is not one (a record out of place or unknown).
pub fn decode(text: &str) -> Option<ResultView> {
    let mut view = ResultView::default();
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        let mut parts = line.split('\t');
        let tag = parts.next()?;
        let a = unescape(parts.next().unwrap_or_default())?;
        let b = match parts.next() {
            Some(b) => Some(unescape(b)?),
            None => None,
        };
        if tag == "H" {
            let bring_title = unescape(parts.next()?)?;
            view.staff_copy = Some(StaffCopyView {
                heading: a,
                do_title: b?,
                bring_title,
                ..StaffCopyView::default()
            });
            continue;
        }
        match (tag, b) {
            ("S", Some(heading)) => view.sections.push(SectionView {
                priority: a,
                heading,
                findings: Vec::new(),
            }),
            ("F", Some(title)) => view.sections.last_mut()?.findings.push(FindingView {
                verdict: a,
                title,
                ..FindingView::default()
            }),
            ("I", None) => view_last_finding(&mut view)?.id = a,
            ("P", None) => view_last_finding(&mut view)?.body.push(a),
            ("M", None) => view_last_finding(&mut view)?.missing = Some(a),
            ("K", None) => view_last_finding(&mut view)?.conflicts.push(a),
            ("R", None) => view_last_finding(&mut view)?.rules.push(a),
            ("U", None) => view_last_finding(&mut view)?.sources.push(a),
            ("T", Some(when)) => view.plan.push(StepView {
                state: a,
                when,
                ..StepView::default()
            }),
            ("A", None) => view.plan.last_mut()?.text = a,
            ("Y", Some(title)) => view.plan.last_mut()?.why.push((a, title)),
            ("Z", None) => view.plan.last_mut()?.rules.push(a),
            ("N", None) => view.done.push(a),
            ("D", Some(date)) => view.dates.push((a, date)),
            ("C", Some(item)) if a == "bring" => view.bring_items.push(item),
            ("L", None) => view.sources.push(a),
            ("V", None) => view.rules_version = a,
            ("E", None) => view.errors.push(a),
            ("X", None) => view.changes.push(a),
            ("O", Some(words)) => view.other_topics.push((a, words)),
            ("B", Some(item)) if a == "do" => view.staff_copy.as_mut()?.do_items.push(item),
            ("B", Some(item)) if a == "bring" => view.staff_copy.as_mut()?.bring_items.push(item),
            _ => return None,
        }
    }
    (!view.rules_version.is_empty() || !view.errors.is_empty()).then_some(view)
}

fn view_last_finding(view: &mut ResultView) -> Option<&mut FindingView> {
    view.sections.last_mut()?.findings.last_mut()
}
