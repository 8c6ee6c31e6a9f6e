//! The downloadable files: the summary page, the calendar file and the QR code.
//!
//! - Snapshots: the summary and the calendar file of a few scenarios (`tests/scenarios/*.toml`),
//!   in both languages, must equal the files under `tests/snapshots/report/`. After an
//!   intended change, rewrite them with `UPDATE_SNAPSHOTS=1 cargo test --test report` and read
//!   the diff.
//! - The calendar file is read back with an independent parser (the `ical` crate).
//! - The QR code is read back with an independent decoder (the `rqrr` crate).
//! - The summary escapes what the applicant typed and loads nothing from anywhere.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;
use residence_checker::domain::answers::Answers;
use residence_checker::domain::case::Case;
use residence_checker::engine::decision::{DateKey, Decision};
use residence_checker::engine::evaluate;
use residence_checker::report::html::summary_html;
use residence_checker::report::ics::{calendar_ics, push_folded};
use residence_checker::report::qr::{qr, svg, svg_path, QrCode, QUIET_ZONE};
use residence_checker::text::render::date_label;
use residence_checker::text::{tr, Lang};
use serde::Deserialize;

/// The scenarios whose files are kept as snapshots: a card by post with an appointment, a
/// permanent card to order in time (dates, a deadline), and a stolen card (a fee).
const SNAPSHOT_SCENARIOS: &[&str] = &[
    "l21_permanent_card_order_three_months_before_free",
    "l24_temporary_permit_card_stolen",
    "x_replacement_card_appointment_and_trip",
];

#[derive(Deserialize)]
struct Scenario {
    today: NaiveDate,
    answers: Answers,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scenario(name: &str) -> (NaiveDate, Answers, Decision) {
    let path = root().join("tests/scenarios").join(format!("{name}.toml"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // The scenario files hold more fields (what is expected); only these two are needed here.
    let table: toml::Table = toml::from_str(&text).expect("scenario is TOML");
    let mut wanted = toml::Table::new();
    for key in ["today", "answers"] {
        if let Some(v) = table.get(key) {
            wanted.insert(key.to_string(), v.clone());
        }
    }
    let s: Scenario = toml::Value::Table(wanted)
        .try_into()
        .expect("scenario answers");
    let case = Case::from_answers(&s.answers, s.today).expect("scenario answers are valid");
    let decision = evaluate(&case, s.today);
    (s.today, s.answers, decision)
}

/// Compares `actual` with the snapshot file `name`, or rewrites it when `UPDATE_SNAPSHOTS` is
/// set.
fn check_snapshot(name: &str, actual: &str) {
    let path = root().join("tests/snapshots/report").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().expect("has a parent")).expect("create snapshot dir");
        fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run `UPDATE_SNAPSHOTS=1 cargo test --test report` and review it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the snapshot at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             If the change is intended: UPDATE_SNAPSHOTS=1 cargo test --test report",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first),
        );
    }
}

#[test]
fn the_summary_and_calendar_of_each_snapshot_scenario_match_their_snapshots() {
    for name in SNAPSHOT_SCENARIOS {
        let (today, answers, decision) = scenario(name);
        for lang in Lang::ALL {
            let html = summary_html(lang, today, &answers, &decision, None);
            check_snapshot(&format!("{name}.{}.html", lang.code()), &html);
            if let Some(ics) = calendar_ics(lang, today, &decision) {
                check_snapshot(&format!("{name}.{}.ics", lang.code()), &ics);
            }
        }
    }
}

#[test]
fn the_snapshot_scenarios_have_dates_and_the_stolen_card_has_a_fee() {
    // So that the snapshots show what they are chosen for.
    let (_, _, permanent) = scenario(SNAPSHOT_SCENARIOS[0]);
    assert!(!permanent.dates.is_empty());
    let (_, _, stolen) = scenario(SNAPSHOT_SCENARIOS[1]);
    assert!(stolen.checklist.iter().any(|i| i.cost.is_some()));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (today, answers, decision) = scenario(SNAPSHOT_SCENARIOS[0]);
    let code = qr("https://example.org/#a");
    for lang in Lang::ALL {
        assert_eq!(
            summary_html(lang, today, &answers, &decision, code.as_ref()),
            summary_html(lang, today, &answers, &decision, code.as_ref())
        );
        assert_eq!(
            calendar_ics(lang, today, &decision),
            calendar_ics(lang, today, &decision)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The summary page

fn all_scenarios() -> Vec<(String, NaiveDate, Answers, Decision)> {
    let mut names: Vec<String> = fs::read_dir(root().join("tests/scenarios"))
        .expect("scenario dir")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "toml").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let path = root().join("tests/scenarios").join(format!("{name}.toml"));
            let text = fs::read_to_string(path).ok()?;
            let table: toml::Table = toml::from_str(&text).ok()?;
            // Scenarios that expect validation errors have no decision.
            if table.contains_key("errors") {
                return None;
            }
            let (today, answers, decision) = scenario(&name);
            Some((name, today, answers, decision))
        })
        .collect()
}

/// Everything between `<tag` and `</tag>` removed (so that anchors may carry addresses).
fn without(html: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let after = start + open.len();
        match rest[after..].find(close) {
            Some(end) => rest = &rest[after + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_summary_is_self_contained_with_one_style_and_no_script() {
    for (name, today, answers, decision) in all_scenarios() {
        for lang in Lang::ALL {
            let code = qr("https://example.org/");
            let html = summary_html(lang, today, &answers, &decision, code.as_ref());
            let lower = html.to_ascii_lowercase();
            assert!(html.starts_with("<!DOCTYPE html>\n"), "{name}");
            assert!(
                html.contains(&format!(
                    "<html lang=\"{}\" dir=\"{}\">",
                    lang.code(),
                    lang.dir()
                )),
                "{name}"
            );
            assert!(lower.contains("<meta charset=\"utf-8\">"), "{name}");
            assert_eq!(lower.matches("<style").count(), 1, "{name}: one style");
            for forbidden in [
                "<script",
                " src=",
                "<link",
                "url(",
                "@import",
                "<img",
                "<iframe",
                "<object",
                "<embed",
                " srcset=",
                "<base",
                "http-equiv",
            ] {
                assert!(!lower.contains(forbidden), "{name}: contains {forbidden}");
            }
            // Addresses only in anchors (printed as their text) and the SVG namespace.
            let outside = without(&without(&lower, "<a ", "</a>"), "xmlns=\"", "\"");
            assert!(
                !outside.contains("http"),
                "{name}: an address outside an anchor"
            );
            // Every anchor to another page prints its address (a step's link to its reason on
            // the same page, `#f-…`, prints the reason's title).
            for anchor in html.split("<a href=\"").skip(1) {
                let (href, rest) = anchor.split_once('"').expect("quoted href");
                if href.starts_with("#f-") {
                    continue;
                }
                let text = rest
                    .split_once('>')
                    .and_then(|(_, t)| t.split_once("</a>"))
                    .map(|(t, _)| t)
                    .expect("anchor text");
                assert_eq!(href, text, "{name}: the address is printed");
            }
            assert!(html.ends_with("</html>\n"), "{name}");
        }
    }
}

#[test]
fn the_summary_has_every_part_of_the_result_page() {
    let (today, answers, decision) = scenario(SNAPSHOT_SCENARIOS[1]);
    for lang in Lang::ALL {
        let html = summary_html(lang, today, &answers, &decision, None);
        let title = tr(lang, "summary.title").replace(
            "{date}",
            &residence_checker::text::render::format_date(lang, today),
        );
        assert!(html.contains(&format!("<title>{title}</title>")));
        for key in [
            "summary.answers",
            "ui.priority.action",
            "plan.title",
            "summary.checklist.hint",
            "summary.costs",
            "ui.not_advice",
            "summary.private",
        ] {
            assert!(html.contains(tr(lang, key)), "{}: no {key}", lang.code());
        }
        let situation_prefix = tr(lang, "summary.situation").replace("{situation}", "");
        assert!(html.contains(&situation_prefix));
        // One box to tick per step of the plan and per thing to bring.
        assert_eq!(
            html.matches("<span class=\"box\"").count(),
            decision.plan.steps.len() + decision.plan.bring.len()
        );
        assert!(html.contains(decision.rules_version));
        let body = html.split_once("<body>").expect("a body").1;
        assert!(!body.contains('{'), "an unfilled placeholder");
    }
}

#[test]
fn typed_text_is_escaped_in_the_summary() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let decision = evaluate(
        &Case::from_answers(&Answers::default(), today).expect("empty answers are valid"),
        today,
    );
    let answers = Answers {
        duf_number: Some("<script>alert(1)</script> & \"'".into()),
        ..Answers::default()
    };
    for lang in Lang::ALL {
        let html = summary_html(lang, today, &answers, &decision, None);
        assert!(!html.contains("<script"), "{}", lang.code());
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&#39;"),
            "{}",
            lang.code()
        );
    }
}

#[test]
fn a_qr_code_is_embedded_as_inline_svg_with_a_title() {
    let (today, answers, decision) = scenario(SNAPSHOT_SCENARIOS[0]);
    let code = qr("https://example.org/").expect("short text encodes");
    let html = summary_html(Lang::Nb, today, &answers, &decision, Some(&code));
    assert!(html.contains("<svg "));
    assert!(html.contains("role=\"img\""));
    assert!(html.contains(&format!(
        "<title>{}</title>",
        tr(Lang::Nb, "summary.qr.title")
    )));
    assert!(html.contains(&svg_path(&code)));
    assert!(!summary_html(Lang::Nb, today, &answers, &decision, None).contains("<svg"));
}

// ---------------------------------------------------------------------------------------------
// The calendar file

/// Undoes TEXT escaping.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn property<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn every_calendar_file_reads_back_with_an_independent_parser() {
    let mut checked = 0;
    for (name, today, _, decision) in all_scenarios() {
        for lang in Lang::ALL {
            let Some(ics) = calendar_ics(lang, today, &decision) else {
                assert!(decision.dates.is_empty(), "{name}: dates but no file");
                continue;
            };
            // CRLF everywhere, no line over 75 octets.
            assert!(ics.ends_with("\r\n"));
            for line in ics.split_terminator("\r\n") {
                assert!(
                    !line.contains('\n') && !line.contains('\r'),
                    "{name}: bare LF"
                );
                assert!(line.len() <= 75, "{name}: {line:?} is too long");
            }
            let mut parser = ical::IcalParser::new(ics.as_bytes());
            let calendar = parser
                .next()
                .expect("one calendar")
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(parser.next().is_none(), "{name}: one calendar only");
            assert_eq!(property(&calendar.properties, "VERSION"), Some("2.0"));
            assert!(property(&calendar.properties, "PRODID").is_some());
            assert_eq!(calendar.events.len(), decision.dates.len(), "{name}");
            let stamp = format!("{}T000000Z", today.format("%Y%m%d"));
            for (event, key_date) in calendar.events.iter().zip(&decision.dates) {
                let p = &event.properties;
                let day = key_date.date.format("%Y%m%d").to_string();
                let next = key_date.date.succ_opt().expect("next day");
                let start = p.iter().find(|p| p.name == "DTSTART").expect("DTSTART");
                assert_eq!(start.value.as_deref(), Some(day.as_str()));
                assert_eq!(
                    start.params,
                    Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
                );
                assert_eq!(
                    property(p, "DTEND"),
                    Some(next.format("%Y%m%d").to_string().as_str())
                );
                assert_eq!(property(p, "DTSTAMP"), Some(stamp.as_str()));
                let uid = property(p, "UID").expect("UID");
                assert!(
                    uid.contains(&day) && uid.contains(&key_date.key.as_str().replace('_', "-"))
                );
                let label = date_label(lang, key_date.key);
                let summary = unescape(property(p, "SUMMARY").expect("SUMMARY"));
                assert!(summary.contains(&label), "{name}: {summary}");
                let description = unescape(property(p, "DESCRIPTION").expect("DESCRIPTION"));
                assert!(description.contains(&label));
                assert!(
                    description.contains(tr(lang, "ui.not_advice")),
                    "{description}"
                );
                let alarm = key_date.date >= today
                    && matches!(
                        key_date.key,
                        DateKey::RenewalDeadline
                            | DateKey::RenewalRecommended
                            | DateKey::OrderNewCardBy
                            | DateKey::CardExpiry
                            | DateKey::PermitExpiry
                            | DateKey::CollectiveCheckUdi
                            | DateKey::CollectiveFiveYears
                            | DateKey::AppointmentBy
                            | DateKey::RegisterOnlineBy
                    );
                assert_eq!(
                    event.alarms.len(),
                    usize::from(alarm),
                    "{name}: {key_date:?}"
                );
                for a in &event.alarms {
                    assert_eq!(property(&a.properties, "TRIGGER"), Some("-P7D"));
                    assert_eq!(property(&a.properties, "ACTION"), Some("DISPLAY"));
                    assert!(property(&a.properties, "DESCRIPTION").is_some());
                }
                checked += 1;
            }
            let uids: std::collections::BTreeSet<_> = calendar
                .events
                .iter()
                .filter_map(|e| property(&e.properties, "UID"))
                .collect();
            assert_eq!(uids.len(), calendar.events.len(), "{name}: UIDs are unique");
        }
    }
    assert!(checked >= 6, "only {checked} events checked");
}

#[test]
fn a_decision_without_dates_has_no_calendar_file() {
    let (today, _, mut decision) = scenario(SNAPSHOT_SCENARIOS[0]);
    decision.dates.clear();
    assert_eq!(calendar_ics(Lang::En, today, &decision), None);
}

#[test]
fn text_with_commas_semicolons_and_long_words_survives_the_parser() {
    let value = "Fornyelse; frist, 22. desember – «viktig» \\ ".repeat(6) + "slutt";
    let mut ics = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//t//t//EN",
        "BEGIN:VEVENT",
    ] {
        push_folded(&mut ics, line);
    }
    push_folded(
        &mut ics,
        &format!(
            "SUMMARY:{}",
            residence_checker::report::ics::escape_text(&value)
        ),
    );
    for line in ["END:VEVENT", "END:VCALENDAR"] {
        push_folded(&mut ics, line);
    }
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("a calendar")
        .expect("parses");
    let summary = property(&calendar.events[0].properties, "SUMMARY").expect("SUMMARY");
    assert_eq!(unescape(summary), value);
}

// ---------------------------------------------------------------------------------------------
// The QR code

/// Reads the code back with `rqrr`, from a greyscale picture of 4 pixels per module with the
/// quiet zone.
fn decode(code: &QrCode) -> String {
    const SCALE: usize = 4;
    let quiet = QUIET_ZONE as usize;
    let side = (code.size as usize + 2 * quiet) * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let mx = (x / SCALE) as i64 - quiet as i64;
        let my = (y / SCALE) as i64 - quiet as i64;
        let dark = mx >= 0 && my >= 0 && code.is_dark(mx as u32, my as u32);
        if dark {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("decodes").1
}

/// The code drawn back from its SVG path: each `M x y h n` run marks n modules dark.
fn from_path(size: u32, d: &str) -> QrCode {
    let mut dark = vec![false; (size * size) as usize];
    for run in d.split('M').skip(1) {
        let (xy, rest) = run.split_once('h').expect("h");
        let (x, y) = xy.split_once(' ').expect("x y");
        let n = rest.split_once('v').expect("v").0;
        let (x, y, n): (u32, u32, u32) = (
            x.parse().expect("x"),
            y.parse().expect("y"),
            n.parse().expect("n"),
        );
        assert_eq!(rest, format!("{n}v1h-{n}z"));
        for i in x..x + n {
            dark[(y * size + i) as usize] = true;
        }
    }
    QrCode { size, dark }
}

#[test]
fn a_short_address_reads_back_from_the_qr_code_and_its_svg_path() {
    let text = "https://example.org/checker/#lang=nb";
    let code = qr(text).expect("encodes");
    assert_eq!(code.dark.len(), (code.size * code.size) as usize);
    assert_eq!(decode(&code), text);
    let redrawn = from_path(code.size, &svg_path(&code));
    assert_eq!(redrawn, code);
    assert_eq!(decode(&redrawn), text);
}

#[test]
fn a_1500_byte_address_reads_back_from_the_qr_code() {
    let mut text = String::from("https://example.org/checker/#answers=");
    let mut n: u32 = 7;
    while text.len() < 1500 {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let c = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            [(n >> 16) as usize % 64];
        text.push(c as char);
    }
    let code = qr(&text).expect("1500 bytes fit");
    assert_eq!(decode(&code), text);
    assert_eq!(decode(&from_path(code.size, &svg_path(&code))), text);
}

#[test]
fn text_too_long_for_any_qr_code_gives_none() {
    assert!(qr(&"a".repeat(2900)).is_some(), "L holds 2,953 bytes");
    assert!(qr(&"a".repeat(3000)).is_none());
}

#[test]
fn the_standalone_svg_has_role_img_a_title_and_the_quiet_zone() {
    let code = qr("hello").expect("encodes");
    let out = svg(&code, "QR <code>");
    assert!(out.starts_with("<svg ") && out.ends_with("</svg>"));
    assert!(out.contains("role=\"img\""));
    assert!(out.contains("<title>QR &lt;code&gt;</title>"));
    let full = code.size + 2 * QUIET_ZONE;
    assert!(out.contains(&format!("viewBox=\"-4 -4 {full} {full}\"")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_a_whole_grid_or_none(text in ".{0,400}") {
        if let Some(code) = qr(&text) {
            prop_assert_eq!(code.dark.len(), (code.size * code.size) as usize);
            prop_assert!(!svg_path(&code).is_empty());
        }
    }

    #[test]
    fn any_line_folds_into_short_lines_that_unfold_to_it(line in "[^\r\n]{0,300}") {
        let mut out = String::new();
        push_folded(&mut out, &line);
        for physical in out.split_terminator("\r\n") {
            prop_assert!(physical.len() <= 75);
        }
        let unfolded = out.replace("\r\n ", "");
        prop_assert_eq!(unfolded.trim_end_matches("\r\n"), line.as_str());
    }

    #[test]
    fn any_typed_text_is_escaped_in_the_summary(duf in ".{0,40}") {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let decision = evaluate(
            &Case::from_answers(&Answers::default(), today).expect("valid"),
            today,
        );
        let answers = Answers { duf_number: Some(duf.clone()), ..Answers::default() };
        let html = summary_html(Lang::En, today, &answers, &decision, None);
        let escaped = residence_checker::report::html::escape(&duf);
        prop_assert!(html.contains(&escaped));
        prop_assert!(!escaped.contains('<') && !escaped.contains('"'));
    }
}

/// A file saved with the rules of 2026.11 (before revision 2026.12) still loads, and the
/// result lists what changed since: the digest below is what the 2026.11.1 engine gave for
/// these answers on 1 December 2026 (captured with `cargo run --bin evaluate` at that version).
#[test]
fn a_file_saved_under_the_2026_11_rules_loads_and_lists_what_changed() {
    use residence_checker::domain::format;
    use residence_checker::report::view::build;
    let saved = r#"{"appointment":"yes","how_to_book":"yes","postal_delivery":"yes","permanent_application_timing":"maybe","renewal_deadline":"maybe","no_travel_until_card":"yes","card_needed":"yes","card_duties":"yes","decision_letter_prevails":"yes","card_returned_to_police":"yes","national_id_number":"yes","card_arrival":"maybe","travel_with_card":"yes","absence_temporary_permit":"maybe","absence_permanent_planning":"no","permanent_requirements":"yes"}"#;
    let answers = r#"{"citizenship":"other","status":"temporary","basis":"protection","applied_for":"permanent_permit","application_date":"2026-10-01","applied_from":"norway","travel_document":"valid","letter_says_meet_police":"yes","channel":"online","date_of_birth":"1990-05-05","first_qualifying_permit_date":"2022-03-01","stays_abroad":[]}"#;
    let mut file = format::parse(&format!(
        r#"{{"format":"residence-checker-answers","format_version":1,"rules_version":"2026.11.1","today":"2026-12-01","answers":{answers},"result":{saved}}}"#
    ))
    .expect("a 2026.11.1 file is read");
    residence_checker::wire::codec::seal(&mut file);
    let sealed = format::write_file(&file);
    let back = format::parse(&sealed).expect("the sealed file is read back");
    assert_eq!(back.rules_version.as_deref(), Some("2026.11.1"));
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    for lang in Lang::ALL {
        let view = build(lang, today, &back.answers, back.result.as_ref());
        assert!(view.errors.is_empty(), "{:?}", view.errors);
        let changes = view.changes.join("\n");
        // New in 2026.12: the language, income and permit-gap findings.
        for key in [
            "permanent_language",
            "permanent_income",
            "permanent_permit_gap",
        ] {
            let (maybe_key, yes_key) = (
                format!("finding.{key}.maybe.title"),
                format!("finding.{key}.yes.title"),
            );
            let title = residence_checker::text::tr(lang, &maybe_key);
            let yes = residence_checker::text::tr(lang, &yes_key);
            assert!(
                changes.contains(title) || changes.contains(yes),
                "{lang:?}: {key} not listed as a change in {changes}"
            );
        }
    }
}
