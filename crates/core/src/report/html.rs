//! The downloadable summary: one self-contained HTML page to keep or print (A4), with the
//! answers, the findings and their reasons, sources and conflicts, the key dates, the checklist
//! with boxes to tick by hand, the costs, the rules version and the not-legal-advice line.
//!
//! Self-contained means: one inline `<style>`, no scripts, and nothing the page loads from
//! anywhere (no `src`, no `<link>`, no `url(`); links to the sources are plain anchors whose
//! addresses are also printed. Every piece of text is HTML-escaped. The words are the result
//! page's (`text::render`), plus the `summary.*` keys of the results catalogue.

use std::fmt::Write;

use chrono::NaiveDate;

use super::qr::{self, QrCode};
use super::view::{self, FindingView, ResultView};
use crate::domain::answers::Answers;
use crate::domain::questions::Question;
use crate::engine::decision::Decision;
use crate::flow;
use crate::text::render::{
    answer_summary, format_date, format_nok, item_label, question_summary, situation_line,
};
use crate::text::{tr, tr_with, Lang};

/// Escapes `&`, `<`, `>`, `"` and `'`, so that text is safe in element content and in quoted
/// attribute values.
///
/// ```
/// use residence_core::report::html::escape;
/// assert_eq!(escape("<a href=\"x\">Tom & 'Jerry'</a>"),
///            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept as `<br>`.
fn escape_lines(text: &str) -> String {
    escape(text).replace('\n', "<br>\n")
}

/// The style sheet: readable on screen, and on A4 paper like a checklist.
const STYLE: &str = "\
:root{color:#0b0c0c;background:#fff;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}
body{margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #0b0c0c;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
p{margin:.4rem 0}
a{color:#1d4e89;overflow-wrap:anywhere}
.meta{color:#505a5f}
.notice{border-inline-start:.4rem solid #0b0c0c;padding:.4rem .8rem;font-weight:600;background:#f3f2f1}
.situation{font-size:1.1rem}
.plan{border:3px solid #0b0c0c;padding:.2rem 1rem .6rem;margin:1rem 0}
.plan h2{border:0;margin:.5rem 0 .25rem}
.steps{counter-reset:step}
.steps li{counter-increment:step}
.steps li::before{content:counter(step) \".\";font-weight:700;min-width:1.5rem}
.step--overdue strong{color:#d4351c}
.done{padding-inline-start:1.2rem;color:#383f43}
dl{margin:0}
.row{display:flex;flex-wrap:wrap;gap:0 1rem;border-bottom:1px solid #b1b4b6;padding:.35rem 0}
dt{font-weight:600;flex:0 0 14rem}
dd{margin:0;flex:1 1 16rem}
.finding{border-inline-start:.25rem solid #b1b4b6;padding-block:.1rem;padding-inline:.8rem 0;margin:1rem 0}
.finding--yes{border-inline-start-color:#0b0c0c}
.finding--maybe{border-inline-start-color:#f47738}
.why{font-size:.92rem;color:#383f43}
.why ul{margin:.2rem 0 .4rem;padding-inline-start:1.2rem}
.checklist{list-style:none;padding:0;margin:.25rem 0}
.checklist li{display:flex;gap:.6rem;align-items:flex-start;padding:.3rem 0}
.box{flex:0 0 auto;width:1.05rem;height:1.05rem;border:2px solid #0b0c0c;margin-top:.15rem;background:#fff}
.qr{margin:1.5rem 0;max-width:14rem}
.qr svg{display:block;width:100%;height:auto}
.qr figcaption{font-size:.9rem}
footer{margin-top:2.5rem;border-top:1px solid #b1b4b6;padding-top:.5rem;font-size:.92rem}
@page{size:A4;margin:15mm}
@media print{:root{font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}.finding,.checklist li,.row,.qr{break-inside:avoid}a{color:#0b0c0c}}
";

fn rows(out: &mut String, rows: impl IntoIterator<Item = (String, String)>) {
    out.push_str("<dl>\n");
    for (key, value) in rows {
        let _ = writeln!(
            out,
            "<div class=\"row\"><dt>{}</dt><dd>{}</dd></div>",
            escape(&key),
            escape_lines(&value)
        );
    }
    out.push_str("</dl>\n");
}

fn list(out: &mut String, class: &str, items: impl IntoIterator<Item = String>) {
    let _ = writeln!(out, "<ul class=\"{class}\">");
    for item in items {
        let _ = writeln!(out, "<li>{item}</li>");
    }
    out.push_str("</ul>\n");
}

fn finding(out: &mut String, lang: Lang, f: &FindingView) {
    let _ = writeln!(
        out,
        "<article class=\"finding finding--{}\" id=\"f-{}\">\n<h3>{}</h3>",
        f.verdict,
        escape(&f.id),
        escape_lines(&f.title)
    );
    for paragraph in &f.body {
        let _ = writeln!(out, "<p>{}</p>", escape_lines(paragraph));
    }
    if let Some(missing) = &f.missing {
        let _ = writeln!(out, "<p><strong>{}</strong></p>", escape_lines(missing));
    }
    out.push_str("<div class=\"why\">\n");
    let parts: [(&str, &str, &[String]); 3] = [
        ("ui.conflict", "conflicts", &f.conflicts),
        ("ui.rules", "rules", &f.rules),
        ("ui.sources", "sources", &f.sources),
    ];
    for (heading, class, items) in parts {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(tr(lang, heading)));
        list(
            out,
            class,
            items.iter().map(|item| match class {
                "sources" => {
                    let url = escape(item);
                    format!("<a href=\"{url}\" rel=\"noreferrer\" dir=\"ltr\">{url}</a>")
                }
                "rules" => escape(item),
                _ => escape_lines(item),
            }),
        );
    }
    out.push_str("</div>\n</article>\n");
}

fn findings(out: &mut String, lang: Lang, view: &ResultView, priority: &str) {
    for s in view.sections.iter().filter(|s| s.priority == priority) {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&s.heading));
        for f in &s.findings {
            finding(out, lang, f);
        }
        out.push_str("</section>\n");
    }
}

/// "Your plan": the numbered steps, each with its date (or now) and its reasons, what is
/// already done, and what to bring; tick boxes for paper.
fn plan(out: &mut String, lang: Lang, view: &ResultView) {
    let _ = writeln!(
        out,
        "<section class=\"plan\">\n<h2>{}</h2>\n<p>{}</p>",
        escape(tr(lang, "plan.title")),
        escape(tr(lang, "summary.checklist.hint"))
    );
    if view.plan.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(tr(lang, "plan.none")));
    } else {
        out.push_str("<ol class=\"checklist steps\">\n");
        for step in &view.plan {
            let why: Vec<String> = step
                .why
                .iter()
                .map(|(id, title)| {
                    format!("<a href=\"#f-{}\">{}</a>", escape(id), escape_lines(title))
                })
                .collect();
            let _ = write!(
                out,
                "<li class=\"step step--{}\"><span class=\"box\" aria-hidden=\"true\"></span><span><strong>{}</strong> {}",
                escape(&step.state),
                escape(&step.when),
                escape_lines(&step.text)
            );
            if !why.is_empty() {
                let _ = write!(
                    out,
                    "<br><small>{} {}</small>",
                    escape(tr(lang, "plan.why")),
                    why.join(", ")
                );
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ol>\n");
    }
    if !view.done.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", escape(tr(lang, "plan.done.title")));
        list(out, "done", view.done.iter().map(|d| escape_lines(d)));
    }
    if !view.bring_items.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>", escape(tr(lang, "ui.checklist.bring")));
        list(
            out,
            "checklist",
            view.bring_items.iter().map(|i| {
                format!(
                    "<span class=\"box\" aria-hidden=\"true\"></span><span>{}</span>",
                    escape_lines(i)
                )
            }),
        );
    }
    out.push_str("</section>\n");
}

fn costs(out: &mut String, lang: Lang, d: &Decision) {
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>",
        escape(tr(lang, "summary.costs"))
    );
    // A cost that depends is shown with both amounts, as the checklist shows it.
    let costs: Vec<(String, u32, Option<u32>)> = d
        .checklist
        .iter()
        .filter_map(|i| Some((item_label(lang, i.key), i.cost?, i.cost_alt)))
        .collect();
    if costs.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(tr(lang, "summary.costs.none")));
    } else {
        let total = costs.iter().fold(0u32, |sum, (_, cost, alt)| {
            sum.saturating_add((*cost).max(alt.unwrap_or(0)))
        });
        rows(
            out,
            costs.iter().map(|(label, cost, alt)| {
                let amount = match alt {
                    Some(alt) => tr_with(
                        lang,
                        "ui.checklist.cost_either",
                        &[
                            ("amount", &format_nok(lang, *cost)),
                            ("other", &format_nok(lang, *alt)),
                        ],
                    ),
                    None => format_nok(lang, *cost),
                };
                (label.clone(), amount)
            }),
        );
        if costs.len() > 1 {
            let total = tr_with(
                lang,
                if costs.iter().any(|(_, _, alt)| alt.is_some()) {
                    "summary.costs.total_at_most"
                } else {
                    "summary.costs.total"
                },
                &[("amount", &format_nok(lang, total))],
            );
            let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(&total));
        }
    }
    out.push_str("</section>\n");
}

/// The summary as a self-contained HTML document in `lang`, made on `today`, of `answers` and
/// the `decision` the engine made of them; with `qr` shown as an inline SVG near the end when
/// given.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::{answers::Answers, case::Case};
/// use residence_core::engine::evaluate;
/// use residence_core::report::html::summary_html;
/// use residence_core::text::Lang;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let answers = Answers::default();
/// let decision = evaluate(&Case::from_answers(&answers, today).unwrap(), today);
/// let page = summary_html(Lang::En, today, &answers, &decision, None);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>Your residence card check – 22 November 2026</title>"));
/// ```
pub fn summary_html(
    lang: Lang,
    today: NaiveDate,
    answers: &Answers,
    decision: &Decision,
    qr: Option<&QrCode>,
) -> String {
    let date = format_date(lang, today);
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{heading}</h1>\n<p class=\"meta\">{made}</p>\n<p class=\"notice\">{advice}</p>\n",
        lang = lang.code(),
        dir = lang.dir(),
        title = escape(&tr_with(lang, "summary.title", &[("date", &date)])),
        heading = escape(tr(lang, "summary.heading")),
        made = escape(&tr_with(lang, "summary.made", &[("date", &date)])),
        advice = escape(tr(lang, "ui.not_advice")),
    );

    let situation = situation_line(lang, answers);
    if !situation.is_empty() {
        let line = tr_with(lang, "summary.situation", &[("situation", &situation)]);
        let _ = writeln!(out, "<p class=\"situation\">{}</p>", escape_lines(&line));
    }

    // "Your plan" first, in the same words as the result page.
    let view = view::from_decision(lang, decision);
    plan(&mut out, lang, &view);

    // In the order they were asked, then any answer off that path (from a loaded file).
    let mut order = flow::path(answers, today);
    let rest: Vec<Question> = Question::ALL
        .iter()
        .filter(|q| !order.contains(q))
        .copied()
        .collect();
    order.extend(rest);
    let given: Vec<(String, String)> = order
        .iter()
        .filter_map(|q| {
            Some((
                question_summary(lang, *q),
                answer_summary(lang, answers, *q)?,
            ))
        })
        .collect();
    if !given.is_empty() {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>",
            escape(tr(lang, "summary.answers"))
        );
        rows(&mut out, given);
        out.push_str("</section>\n");
    }

    // The same words as the result page (`report::view`), laid out for a file.
    findings(&mut out, lang, &view, "action");
    findings(&mut out, lang, &view, "warning");
    if !view.dates.is_empty() {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>",
            escape(tr(lang, "ui.dates.title"))
        );
        rows(&mut out, view.dates.iter().cloned());
        out.push_str("</section>\n");
    }
    costs(&mut out, lang, decision);
    findings(&mut out, lang, &view, "info");

    if let Some(code) = qr {
        let title = tr(lang, "summary.qr.title");
        let _ = writeln!(
            out,
            "<figure class=\"qr\">{}<figcaption>{}</figcaption></figure>",
            qr::svg(code, title),
            escape(tr(lang, "summary.qr.caption"))
        );
    }

    let _ = write!(
        out,
        "<footer>\n<p>{}</p>\n<p><strong>{}</strong></p>\n<p>{}</p>\n</footer>\n</main>\n</body>\n</html>\n",
        escape(&view.rules_version),
        escape(tr(lang, "ui.not_advice")),
        escape(tr(lang, "summary.private")),
    );
    out
}
