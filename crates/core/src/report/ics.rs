//! The calendar file of the key dates (RFC 5545 iCalendar), to import into a phone's or
//! computer's calendar: one all-day event per date, with a reminder a week before each deadline
//! that has not passed.
//!
//! Same input, same bytes: the `UID` of an event comes from its date key and date (importing a
//! newer file updates the events instead of doubling them), and `DTSTAMP` from the day the file
//! is made for, not from a clock. Lines end in CRLF and are folded at 75 octets without
//! splitting a character; text values are escaped.

use chrono::{Datelike, Days, NaiveDate};

use crate::engine::decision::{DateKey, Decision};
use crate::text::render::{date_label, format_date};
use crate::text::{tr, tr_with, Lang};

/// The longest line, in octets, before folding (RFC 5545, 3.1), not counting the CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks.
///
/// ```
/// use residence_core::report::ics::escape_text;
/// assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
/// ```
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded so that no line is longer than
/// [`MAX_LINE_OCTETS`] octets (a continuation line starts with a space, which counts), never
/// inside a UTF-8 character, each line ending in CRLF.
///
/// ```
/// use residence_core::report::ics::push_folded;
/// let mut out = String::new();
/// push_folded(&mut out, &format!("SUMMARY:{}", "å".repeat(40)));
/// let lines: Vec<&str> = out.split_terminator("\r\n").collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines.iter().all(|l| l.len() <= 75));
/// assert_eq!(lines[1].chars().next(), Some(' '));
/// ```
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    // The first line holds 75 octets; a continuation line holds 74 after its leading space.
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // A physical line does not end in a space: some readers trim it away when unfolding.
        // (The next line then starts with the space, after the folding space.)
        let head = rest.get(..cut).unwrap_or_default();
        let trimmed = head.trim_end_matches([' ', '\t']).len();
        if trimmed > 0 {
            cut = trimmed;
        }
        let Some((head, tail)) = rest.split_at_checked(cut) else {
            break;
        };
        if head.is_empty() {
            break;
        }
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Whether a date is a deadline: something the applicant must do by then, so it gets a
/// reminder a week before.
fn is_deadline(key: DateKey) -> bool {
    match key {
        DateKey::RenewalDeadline
        | DateKey::RenewalRecommended
        | DateKey::OrderNewCardBy
        | DateKey::CardExpiry
        | DateKey::PermitExpiry
        | DateKey::CollectiveCheckUdi
        | DateKey::CollectiveFiveYears
        | DateKey::AppointmentBy
        | DateKey::RegisterOnlineBy => true,
        DateKey::CardExpectedEarliest
        | DateKey::CardExpectedBy
        | DateKey::SafeToTravelFrom
        | DateKey::ResidenceTimeMet
        | DateKey::PermanentApplicationEarliest
        | DateKey::PermanentRightFrom
        | DateKey::BrexitPermanentFrom
        | DateKey::CollectiveNewExpiry
        | DateKey::Appointment
        | DateKey::CollectiveLetter
        | DateKey::Trip => false,
    }
}

/// `YYYYMMDD`, the iCalendar DATE form.
fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// The calendar file of the decision's key dates in `lang`, made on `today`; `None` when the
/// decision has no dates.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::{answers::Answers, case::Case};
/// use residence_core::engine::evaluate;
/// use residence_core::report::ics::calendar_ics;
/// use residence_core::text::Lang;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let decision = evaluate(&Case::from_answers(&Answers::default(), today).unwrap(), today);
/// assert_eq!(decision.dates.is_empty(), calendar_ics(Lang::En, today, &decision).is_none());
/// ```
pub fn calendar_ics(lang: Lang, today: NaiveDate, decision: &Decision) -> Option<String> {
    if decision.dates.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(1024 * (decision.dates.len() + 1));
    let mut line = |text: &str| push_folded(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//residence-checker//Residence card checker {}//{}",
        decision.rules_version,
        lang.code().to_ascii_uppercase()
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(tr(lang, "ics.calendar"))
    ));
    let stamp = format!("{}T000000Z", ics_date(today));
    let advice = tr(lang, "ui.not_advice");
    for key_date in &decision.dates {
        let label = date_label(lang, key_date.key);
        let words = [
            ("label", label.as_str()),
            ("date", &format_date(lang, key_date.date)),
            ("today", &format_date(lang, today)),
        ];
        let date = ics_date(key_date.date);
        // The day after; the last representable day has no next day, and ends on itself.
        let end = key_date
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(key_date.date);
        let description = format!("{}\n{advice}", tr_with(lang, "ics.description", &words));
        line("BEGIN:VEVENT");
        line(&format!(
            "UID:{}-{date}@residence-checker",
            key_date.key.as_str().replace('_', "-")
        ));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{date}"));
        line(&format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        line(&format!(
            "SUMMARY:{}",
            escape_text(&tr_with(lang, "ics.summary", &words))
        ));
        line(&format!("DESCRIPTION:{}", escape_text(&description)));
        line("TRANSP:TRANSPARENT");
        if is_deadline(key_date.key) && key_date.date >= today {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line("TRIGGER:-P7D");
            line(&format!(
                "DESCRIPTION:{}",
                escape_text(&tr_with(lang, "ics.alarm", &words))
            ));
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, line);
        out
    }

    #[test]
    fn a_short_line_is_not_folded_and_ends_in_crlf() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(75);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn a_long_ascii_line_is_folded_at_75_octets_with_a_leading_space() {
        let line = "A".repeat(160);
        let out = folded(&line);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 75);
        assert!(lines[1].starts_with(' '));
        assert_eq!(lines.len(), 3);
        // Unfolding (remove CRLF + one space) gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // 'ø' is 2 octets and '€' 3: place them across every possible fold position.
        for prefix in 0..6 {
            let line = format!("{}{}", "a".repeat(70 + prefix), "ø€ø€ø€".repeat(20));
            let out = folded(&line);
            for physical in out.split_terminator("\r\n") {
                assert!(
                    physical.len() <= 75,
                    "{physical:?} is {} octets",
                    physical.len()
                );
            }
            assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
        }
    }

    #[test]
    fn no_physical_line_ends_in_a_space() {
        let line = format!("DESCRIPTION:{}end", "word ".repeat(40));
        let out = folded(&line);
        for physical in out.split_terminator("\r\n") {
            assert!(!physical.ends_with(' '), "{physical:?}");
            assert!(physical.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
    }

    #[test]
    fn text_escaping_covers_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(escape_text("a;b,c"), "a\\;b\\,c");
        assert_eq!(escape_text("C:\\dir"), "C:\\\\dir");
        assert_eq!(escape_text("one\ntwo\r\nthree"), "one\\ntwo\\nthree");
        assert_eq!(escape_text("plain: æøå"), "plain: æøå");
    }

    #[test]
    fn every_date_key_is_sorted_into_deadline_or_not() {
        let deadlines: Vec<_> = DateKey::ALL.iter().filter(|k| is_deadline(**k)).collect();
        assert!(deadlines.contains(&&DateKey::RenewalDeadline));
        assert!(!deadlines.contains(&&DateKey::CardExpectedBy));
    }
}
