//! TEMPORARY stand-in with the agreed API; replaced by the text work.
#![allow(missing_docs)]
use chrono::NaiveDate;

use super::{tr, Lang};
use crate::domain::answers::Answers;
use crate::domain::case::AnswerError;
use crate::domain::questions::Question;
use crate::domain::refs::{Conflict, RuleId};
use crate::engine::decision::{ChecklistItem, DateKey, Finding, Value};

pub fn format_date(_lang: Lang, d: NaiveDate) -> String {
    d.to_string()
}
pub fn format_nok(_lang: Lang, n: u32) -> String {
    format!("NOK {n}")
}
pub fn format_value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Date(d) => format_date(lang, *d),
        _ => format!("{v:?}"),
    }
}
pub fn question_title(lang: Lang, q: Question) -> String {
    tr(lang, &format!("q.{}.title", q.name())).to_string()
}
pub fn question_hint(lang: Lang, q: Question) -> String {
    tr(lang, &format!("q.{}.hint", q.name())).to_string()
}
pub fn question_summary(lang: Lang, q: Question) -> String {
    tr(lang, &format!("q.{}.summary", q.name())).to_string()
}
pub fn option_label(lang: Lang, q: Question, option: &str) -> String {
    tr(lang, &format!("q.{}.opt.{option}", q.name())).to_string()
}
pub fn answer_summary(_lang: Lang, a: &Answers, q: Question) -> Option<String> {
    crate::flow::answer::get_json(a, q).map(|v| v.to_string())
}
pub fn finding_title(_lang: Lang, f: &Finding) -> String {
    format!("{} {}", f.key.as_str(), f.verdict.as_str())
}
pub fn finding_body(_lang: Lang, _f: &Finding) -> Vec<String> {
    vec![]
}
pub fn missing_text(_lang: Lang, _f: &Finding) -> Option<String> {
    None
}
pub fn item_text(_lang: Lang, i: &ChecklistItem) -> String {
    i.key.as_str().to_string()
}
pub fn date_label(_lang: Lang, k: DateKey) -> String {
    k.as_str().to_string()
}
pub fn error_text(_lang: Lang, e: &AnswerError) -> String {
    format!("{e:?}")
}
pub fn conflict_text(_lang: Lang, c: Conflict) -> String {
    format!("{c:?}")
}
pub fn rule_title(_lang: Lang, r: RuleId) -> String {
    r.title().to_string()
}
