//! Walking every path through the flow: for the exhaustive flow tests and for the Graphviz file
//! reviewers read (`cargo xtask flow`).
//!
//! Choices are enumerated; dates and lists are sampled at the thresholds the rules use. A
//! routing question is branched on every sample value; a question that does not decide the
//! route gets one sample, rotating through the samples from path to path so that every value
//! is still used somewhere. A routing question whose route depends only on whether one value
//! is chosen ([`ROUTE_ON_ONE`]: the basis, which routes only on collective protection) is
//! branched on that value and on one other, rotating.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::NaiveDate;

use super::answer::{set, AnswerValue};
use super::progress;
use crate::domain::answers::{AbsenceReason, Answers, BasisPeriod, EeaBasis, Stay, Topic};
use crate::domain::dates::{days_before, years_before};
use crate::domain::questions::{Kind, Question as Q, QuestionSet};

/// Questions that are asked before the point where they decide the route (a family member is
/// asked where they applied from; the appointment rules route on it later).
const LATE_ROUTING: &[Q] = &[Q::AppliedFrom, Q::UkRegisteredAsEuFamily];

/// Routing questions whose route depends only on whether this one value is chosen: every other
/// value leads the same way, so one of them (rotating) stands for all.
pub const ROUTE_ON_ONE: &[(Q, &str)] = &[
    (Q::Basis, "collective_protection"),
    (Q::LetterSaysMeetPolice, "no"),
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

/// One complete walk.
#[derive(Debug, Clone)]
pub struct Walked {
    /// The answers given on the way.
    pub answers: Answers,
    /// The questions skipped.
    pub skipped: QuestionSet,
    /// The questions asked, in order.
    pub path: Vec<Q>,
}

/// The sample answers tried for `q` (`None` = skipped), given the answers so far.
pub fn samples(q: Q, a: &Answers, today: NaiveDate) -> Vec<Option<AnswerValue>> {
    let ago = |days: u32| days_before(today, days).unwrap_or(today);
    let years_ago = |y: u32| years_before(today, y).unwrap_or(today);
    let mut out: Vec<Option<AnswerValue>> = match q.kind() {
        Kind::Choice => super::choice_options(q, a)
            .iter()
            .map(|o| Some(AnswerValue::Choice((*o).to_string())))
            .collect(),
        Kind::MultiChoice => match q {
            Q::CardSituation => vec![
                vec!["expiring_soon"],
                vec!["lost"],
                vec!["damaged", "name_or_other_change"],
                vec!["received_defective"],
                vec!["passport_sticker"],
                vec!["expired"],
            ],
            _ => vec![vec![], vec!["arrived1990s_or_earlier", "permanent_sticker"]],
        }
        .into_iter()
        .map(|v| {
            Some(AnswerValue::Choices(
                v.into_iter().map(str::to_string).collect(),
            ))
        })
        .collect(),
        Kind::YesNo => vec![
            Some(AnswerValue::YesNo(true)),
            Some(AnswerValue::YesNo(false)),
        ],
        Kind::Date => match q {
            Q::ApplicationDate => vec![d(2021, 4, 15), d(2021, 4, 16), ago(40)],
            Q::UkResidenceStart => {
                vec![d(2020, 12, 31), d(2021, 1, 1), d(2015, 6, 1), years_ago(3)]
            }
            Q::UkChildBirthOrAdoption => vec![d(2020, 12, 31), d(2021, 1, 1)],
            Q::DateOfBirth => vec![years_ago(16), years_ago(21), years_ago(35)],
            Q::CardExpiry => vec![
                ago(30),
                today + chrono::Days::new(60),
                today + chrono::Days::new(200),
            ],
            Q::PermitExpiry => vec![ago(30), today + chrono::Days::new(60)],
            Q::AppointmentDate => vec![ago(10), today + chrono::Days::new(14)],
            Q::PlannedDeparture => vec![
                today + chrono::Days::new(6),
                today + chrono::Days::new(20),
                today + chrono::Days::new(90),
            ],
            // Five years reached within months, in a year, or with an extension to come.
            Q::FirstCollectivePermit => vec![d(2022, 3, 20), years_ago(4), years_ago(2)],
            Q::PermitStart => vec![years_ago(1), years_ago(2)],
            Q::EuResidenceStart => vec![years_ago(6), years_ago(2)],
            _ => vec![ago(60), ago(400)],
        }
        .into_iter()
        .map(|d| Some(AnswerValue::Date(d)))
        .collect(),
        Kind::Text => vec![Some(AnswerValue::Text("2012 586975 61".into()))],
        Kind::Stays => vec![
            Some(AnswerValue::Stays(vec![])),
            Some(AnswerValue::Stays(vec![Stay {
                from: ago(300),
                to: ago(100),
                reason: AbsenceReason::Other,
            }])),
            Some(AnswerValue::Stays(vec![Stay {
                from: years_ago(4),
                to: ago(300),
                reason: AbsenceReason::WorkAbroad,
            }])),
            // A recent trip: inside a window that starts about now (a residence time met
            // years from now counts only the stays from then on).
            Some(AnswerValue::Stays(vec![Stay {
                from: ago(40),
                to: ago(10),
                reason: AbsenceReason::Other,
            }])),
        ],
        Kind::Periods => vec![Some(AnswerValue::Periods(vec![BasisPeriod {
            from: years_ago(8),
            to: today,
            basis: EeaBasis::Employee,
        }]))],
    };
    if q.is_skippable() {
        out.push(None);
    }
    out
}

/// Walks every path from `start`. Fails on a dead end (an incomplete state with no question) or
/// a loop (a path longer than the number of questions).
pub fn walk_all(start: &Answers, today: NaiveDate) -> Result<Vec<Walked>, String> {
    let mut out = Vec::new();
    let mut counter = 0usize;
    dfs(
        start.clone(),
        QuestionSet::new(),
        today,
        &mut out,
        &mut counter,
        0,
    )?;
    Ok(out)
}

fn dfs(
    answers: Answers,
    skipped: QuestionSet,
    today: NaiveDate,
    out: &mut Vec<Walked>,
    counter: &mut usize,
    depth: usize,
) -> Result<(), String> {
    let p = progress(&answers, &skipped, today);
    if depth > Q::ALL.len() {
        return Err(format!("loop: {:?}", p.path));
    }
    let Some(q) = p.next else {
        out.push(Walked {
            answers,
            skipped,
            path: p.path,
        });
        return Ok(());
    };
    let values = samples(q, &answers, today);
    let routing = p.routing.contains(q) || LATE_ROUTING.contains(&q);
    let one = ROUTE_ON_ONE
        .iter()
        .find(|(r, _)| *r == q)
        .map(|(_, v)| Some(AnswerValue::Choice((*v).to_string())));
    let chosen: Vec<Option<AnswerValue>> = if let Some(one) = one.filter(|_| routing) {
        let others: Vec<Option<AnswerValue>> =
            values.iter().filter(|v| **v != one).cloned().collect();
        *counter += 1;
        let other = others.get(*counter % others.len().max(1)).cloned();
        values
            .iter()
            .filter(|v| **v == one)
            .cloned()
            .chain(other)
            .collect()
    } else if routing {
        values
    } else {
        *counter += 1;
        values
            .get(*counter % values.len().max(1))
            .cloned()
            .into_iter()
            .collect()
    };
    if chosen.is_empty() {
        return Err(format!("dead end: no answer possible for {}", q.name()));
    }
    for value in chosen {
        let mut next_answers = answers.clone();
        let mut next_skipped = skipped;
        match value {
            Some(v) => {
                if !set(&mut next_answers, q, v.clone()) {
                    return Err(format!("sample {v:?} refused for {}", q.name()));
                }
            }
            None => {
                next_skipped.insert(q);
            }
        }
        dfs(next_answers, next_skipped, today, out, counter, depth + 1)?;
    }
    Ok(())
}

/// The flow as a Graphviz digraph: an edge for every step taken on some path, labelled with
/// the answers that lead along it when the question decides the route.
pub fn to_dot(walks: &[Walked]) -> String {
    let mut edges: BTreeMap<(Q, Q), BTreeSet<String>> = BTreeMap::new();
    let mut ends: QuestionSet = QuestionSet::new();
    for w in walks {
        for pair in w.path.windows(2) {
            if let [from, to] = pair {
                let label = super::answer::get_json(&w.answers, *from)
                    .map(|v| match v {
                        serde_json::Value::String(s) if from.kind() == Kind::Choice => s,
                        serde_json::Value::Bool(b) if from.kind() == Kind::YesNo => b.to_string(),
                        _ => String::new(),
                    })
                    .unwrap_or_else(|| "skipped".into());
                edges.entry((*from, *to)).or_default().insert(label);
            }
        }
        if let Some(last) = w.path.last() {
            ends.insert(*last);
        }
    }
    let mut s = String::from("digraph flow {\n  rankdir=TB;\n  node [shape=box, fontname=\"sans-serif\"];\n  result [shape=doubleoctagon, label=\"result\"];\n");
    for ((from, to), labels) in &edges {
        let labels: Vec<&str> = labels
            .iter()
            .map(String::as_str)
            .filter(|l| !l.is_empty())
            .collect();
        let _ = writeln!(
            s,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            from.name(),
            to.name(),
            if labels.len() > 4 {
                "…".to_string()
            } else {
                labels.join(", ")
            }
        );
    }
    for end in ends {
        let _ = writeln!(s, "  \"{}\" -> result;", end.name());
    }
    s.push_str("}\n");
    s
}

/// The question-count budgets of the journey (issue 12): over the paths of every topic journey
/// (EU/EEA citizens, who choose no topic, included), the median and the longest.
pub const BUDGET_MEDIAN: usize = 10;
/// See [`BUDGET_MEDIAN`].
pub const BUDGET_MAX: usize = 16;

/// Questions per path over some walks: median, 90th percentile, longest, and how many paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// The median number of questions (the lower middle for an even count).
    pub median: usize,
    /// The 90th percentile (nearest rank).
    pub p90: usize,
    /// The longest path.
    pub max: usize,
    /// How many paths.
    pub paths: usize,
}

impl Figures {
    /// The figures of these walks (all zero for none).
    pub fn of<'a>(walks: impl Iterator<Item = &'a Walked>) -> Figures {
        let mut lengths: Vec<usize> = walks.map(|w| w.path.len()).collect();
        lengths.sort_unstable();
        let rank = |p: usize| {
            let n = lengths.len();
            let i = (n * p).div_ceil(100).max(1) - 1;
            lengths
                .get(i.min(n.saturating_sub(1)))
                .copied()
                .unwrap_or(0)
        };
        Figures {
            median: rank(50),
            p90: rank(90),
            max: lengths.last().copied().unwrap_or(0),
            paths: lengths.len(),
        }
    }

    /// Whether the figures keep within [`BUDGET_MEDIAN`] and [`BUDGET_MAX`].
    pub fn within_budget(&self) -> bool {
        self.median <= BUDGET_MEDIAN && self.max <= BUDGET_MAX
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "questions per path: median {}, p90 {}, max {} ({} paths)",
            self.median, self.p90, self.max, self.paths
        )
    }
}

/// The topic a walk's journey followed (`None` for EU/EEA citizens, who choose none).
pub fn topic_of(w: &Walked) -> Option<crate::domain::answers::Topic> {
    w.answers.topic
}

/// The most questions that follow each question on the paths of each journey (the topic, or
/// `None` for an EU/EEA citizen's), as the Rust source of `flow::estimate`'s table.
pub fn longest_tails_source(walks: &[Walked]) -> String {
    let mut tails: BTreeMap<(Option<Topic>, Q), usize> = BTreeMap::new();
    for w in walks {
        let journey = super::estimate::journey(&w.answers).flatten();
        for (i, q) in w.path.iter().enumerate() {
            let tail = w.path.len() - i - 1;
            let longest = tails.entry((journey, *q)).or_default();
            *longest = (*longest).max(tail);
        }
    }
    let mut s = String::from(
        "//! Written by the flow tests (`UPDATE_SNAPSHOTS=1 cargo test --test flow`): do not edit.\n\n\
         use crate::domain::answers::Topic;\n\
         use crate::domain::questions::Question as Q;\n\n\
         /// The most questions that follow each question on the paths of each journey (`None`: an\n\
         /// EU/EEA citizen's).\n\
         #[rustfmt::skip]\n\
         pub const LONGEST_TAIL: &[(Option<Topic>, Q, u8)] = &[\n",
    );
    for ((journey, q), tail) in tails {
        let journey = match journey {
            Some(t) => format!("Some(Topic::{t:?})"),
            None => "None".into(),
        };
        let _ = writeln!(s, "    ({journey}, Q::{q:?}, {tail}),");
    }
    s.push_str("];\n");
    s
}
