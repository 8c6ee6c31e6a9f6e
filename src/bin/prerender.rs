//! `prerender DIR`: writes the start page, as the app's first render shows it, into a built
//! app (Trunk's staging folder; `tools/post_build.mjs` runs this after every build, before the
//! service worker is written).
//!
//! The markup comes from the app's own components, rendered by yew's server renderer
//! (`ui::prerender`, natively only), in every language and for every kind of visit:
//!
//! - `DIR/index.html`: English, the visit with nothing kept (a first visit), in
//!   `<body data-prerendered>`, and the visit with answers kept in a
//!   `<template data-visit="returning">` (a return visit, which should not wait for a fetch);
//!   the start page's title; and `<meta name="residence-checker:languages">`, the table of
//!   language tags (`text::Lang::TAGS`) the boot script picks the language with.
//! - `DIR/start/<lang>.html` for every language: its title, direction and every visit, each in
//!   a `<template data-visit="…">`, fetched by the boot script for a reader who prefers another
//!   language, switches to it before the app runs, or comes back with answers kept (then
//!   usually from the service worker's cache), or for a kiosk (about 1.2 KB brotli each; not
//!   part of the first load, whose HTML stays small to read).
//!
//! Adding a language to `text::Lang` adds its page here; nothing in this file names one.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender DIR (a built app: Trunk's staging folder or dist/)");
        return std::process::ExitCode::from(2);
    };
    match native::write(std::path::Path::new(&dir)) {
        Ok(lines) => {
            for line in lines {
                println!("prerender: {line}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::Path;

    use residence_checker::text::Lang;
    use residence_checker::ui::hooks::document::title;
    use residence_checker::ui::prerender::{PrerenderedStart, PrerenderedStartProps, Visit};
    use residence_checker::ui::state::Page;
    use yew::LocalServerRenderer;

    /// The attribute that marks the pre-rendered `<body>` (the app's own has none).
    const MARK: &str = "data-prerendered";

    /// The start page of `lang` for `visit`: everything the app puts in `<body>`.
    fn render(lang: Lang, visit: Visit) -> Result<String, String> {
        let renderer = LocalServerRenderer::<PrerenderedStart>::with_props(PrerenderedStartProps {
            lang,
            visit,
        })
        .hydratable(false);
        tokio::runtime::Builder::new_current_thread()
            .build()
            .map(|runtime| runtime.block_on(renderer.render()))
            .map_err(|e| format!("no runtime to render with: {e}"))
    }

    /// Every visit of `lang`, each in a `<template data-visit="…">`.
    fn templates(lang: Lang) -> Result<String, String> {
        Visit::ALL
            .into_iter()
            .map(|visit| {
                let body = render(lang, visit)?;
                Ok(format!(
                    r#"<template data-visit="{}">{body}</template>"#,
                    visit.name()
                ))
            })
            .collect()
    }

    /// Text for `<title>`: `&` and `<` escaped.
    fn escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;")
    }

    fn html_open(lang: Lang) -> String {
        format!(r#"<html lang="{}" dir="{}">"#, lang.code(), lang.dir())
    }

    /// Replaces the first match of the tag `open` (e.g. `<html`, up to its `>`) in `html`.
    fn replace_tag(html: &str, open: &str, with: &str) -> Result<String, String> {
        let start = html
            .find(open)
            .ok_or_else(|| format!("index.html has no {open}>"))?;
        let end = html[start..]
            .find('>')
            .map(|i| start + i + 1)
            .ok_or_else(|| format!("index.html: {open} is not closed"))?;
        Ok(format!("{}{with}{}", &html[..start], &html[end..]))
    }

    /// Writes the pre-rendered pages into the built app in `dir`; returns what it wrote.
    pub fn write(dir: &Path) -> Result<Vec<String>, String> {
        let index_path = dir.join("index.html");
        let index = fs::read_to_string(&index_path)
            .map_err(|e| format!("{}: {e}", index_path.display()))?;
        if index.contains(MARK) {
            return Err(format!("{} is pre-rendered already", index_path.display()));
        }
        let mut done = Vec::new();

        // index.html: English, painted as it arrives, and the table of languages.
        let en = Lang::En;
        let tags: Vec<String> = Lang::TAGS
            .iter()
            .map(|(tag, lang)| format!("{tag}={}", lang.code()))
            .collect();
        let meta = format!(
            r#"<meta name="residence-checker:languages" content="{}">"#,
            tags.join(" ")
        );
        let index = replace_tag(&index, "<html", &html_open(en))?;
        let charset = index
            .find("<meta charset")
            .and_then(|i| index[i..].find('>').map(|j| i + j + 1))
            .ok_or("index.html has no <meta charset>")?;
        let index = format!("{}{meta}{}", &index[..charset], &index[charset..]);
        let (title_start, title_end) = index
            .find("<title>")
            .zip(index.find("</title>"))
            .ok_or("index.html has no <title>")?;
        let index = format!(
            "{}<title>{}{}",
            &index[..title_start],
            escape(&title(en, Page::Start)),
            &index[title_end..]
        );
        let body = format!(
            r#"<body {MARK}>{}<template data-visit="{}">{}</template>"#,
            render(en, Visit::Fresh)?,
            Visit::Returning.name(),
            render(en, Visit::Returning)?
        );
        let index = replace_tag(&index, "<body", &body)?;
        fs::write(&index_path, &index).map_err(|e| format!("{}: {e}", index_path.display()))?;
        done.push(format!("index.html ({} bytes)", index.len()));

        // start/<lang>.html: every language and visit, fetched when needed.
        let start = dir.join("start");
        fs::create_dir_all(&start).map_err(|e| format!("{}: {e}", start.display()))?;
        for lang in Lang::ALL {
            let page = format!(
                "<!doctype html>{}<meta charset=\"utf-8\"><title>{}</title><body>{}</body></html>",
                html_open(lang),
                escape(&title(lang, Page::Start)),
                templates(lang)?
            );
            let path = start.join(format!("{}.html", lang.code()));
            fs::write(&path, &page).map_err(|e| format!("{}: {e}", path.display()))?;
            done.push(format!("start/{}.html ({} bytes)", lang.code(), page.len()));
        }
        Ok(done)
    }
}
