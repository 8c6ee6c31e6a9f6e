//! Project automation, following the `cargo xtask` convention (`cargo xtask <command>`, an
//! alias in `.cargo/config.toml`). Standard library only.
//!
//! - `cargo xtask serve [--port N]`: installs what is missing, builds the release app with
//!   Trunk (offline) and serves `dist/` on `http://127.0.0.1:8080`.
//! - `cargo xtask test [STAGE...]`: the same set-up plus Chromium, then every stage in order
//!   (or only the named ones): fmt, clippy, native, wasm, browser, e2e.
//! - `cargo xtask bench`: sizes, what a person waits for in the browser (throttled) and native
//!   engine timings; the figures are written into README.md between the `bench` markers.
//! - `cargo xtask flow`: writes the questionnaire as a Graphviz file, `target/flow.dot`, and prints
//!   the questions per path (median, p90, max) over the topic journeys and per topic.

mod bench;
mod cmd;
mod setup;

use std::process::ExitCode;

use cmd::{root, Cmd};
use setup::Setup;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install what is missing, build the release app, serve it on 127.0.0.1
  test [STAGE...]    install what is missing (incl. Chromium), then run the stages in order:
                     fmt, clippy, native, wasm, browser, e2e (default: all)
  bench              sizes (raw/gzip/brotli); start page ready, Start -> first question,
                     last press -> findings, return visit in headless Chromium (throttled);
                     native engine timings; updates README.md
  flow               write the questionnaire as a Graphviz file (target/flow.dot) and
                     print the questions per path, overall and per topic
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("bench") => bench::run(),
        Some("flow") => Cmd::new("cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "--example",
                "flow_dot",
                "--",
                "target/flow.dot",
            ])
            .run(),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the release app into `dist/` with Trunk (offline; `cargo fetch` first).
pub fn build_app(setup: &Setup) -> Result<(), String> {
    setup.cargo(&["fetch"]).run()?;
    Cmd::new("trunk")
        .args(["build", "--release"])
        .envs(setup.env())
        .run()
}

fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" => port.clone(),
        _ => return Err(format!("serve takes only --port N\n\n{USAGE}")),
    };
    let setup = Setup::ensure(false)?;
    build_app(&setup)?;
    println!("\n==> Serving dist/ on http://127.0.0.1:{port}/  (Ctrl-C to stop)\n");
    Cmd::new("node")
        .arg(root().join("tests/e2e/lib/serve.mjs"))
        .args(["--dir", "dist", "--port", &port])
        .run()
}

/// One stage of `cargo xtask test`.
struct Stage {
    name: &'static str,
    /// Stages whose failure makes this one pointless (it is then skipped).
    needs: &'static [&'static str],
    run: fn(&Setup) -> Result<(), String>,
}

const STAGES: &[Stage] = &[
    Stage {
        name: "fmt",
        needs: &[],
        run: |s| s.cargo(&["fmt", "--all", "--check"]).run(),
    },
    Stage {
        name: "clippy",
        needs: &[],
        run: |s| {
            s.cargo(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .run()
        },
    },
    Stage {
        name: "native",
        needs: &[],
        run: |s| s.cargo(&["test", "--workspace"]).run(),
    },
    Stage {
        name: "wasm",
        needs: &[],
        run: build_app,
    },
    Stage {
        name: "browser",
        needs: &[],
        run: |s| {
            s.cargo(&[
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", setup::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .run()
        },
    },
    Stage {
        name: "e2e",
        needs: &["wasm"],
        run: e2e,
    },
];

fn e2e(setup: &Setup) -> Result<(), String> {
    let dir = root().join("tests/e2e");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no tests/e2e/*.test.mjs files".into());
    }
    Cmd::new("node")
        .args([
            "--test",
            "--test-concurrency=1",
            "--test-timeout=180000",
            "--test-reporter=spec",
        ])
        .args(files.iter().map(|p| p.as_os_str()))
        .envs(setup.env())
        .run()
}

fn test(args: &[String]) -> Result<(), String> {
    for name in args {
        if !STAGES.iter().any(|s| s.name == name) {
            return Err(format!("unknown stage `{name}`\n\n{USAGE}"));
        }
    }
    let setup = Setup::ensure(true)?;
    let selected = |name: &str| args.is_empty() || args.iter().any(|a| a == name);

    let mut results: Vec<(&str, &str)> = Vec::new();
    for stage in STAGES.iter().filter(|s| selected(s.name)) {
        let blocked = stage
            .needs
            .iter()
            .any(|need| results.iter().any(|(n, r)| n == need && *r != "ok"));
        if blocked {
            println!(
                "\n==> {}: skipped (needs {})",
                stage.name,
                stage.needs.join(", ")
            );
            results.push((stage.name, "skipped"));
            continue;
        }
        println!("\n==> {}", stage.name);
        let started = std::time::Instant::now();
        let outcome = (stage.run)(&setup);
        let secs = started.elapsed().as_secs_f64();
        match outcome {
            Ok(()) => {
                println!("==> {} ok ({secs:.1} s)", stage.name);
                results.push((stage.name, "ok"));
            }
            Err(e) => {
                println!("==> {} FAILED ({secs:.1} s): {e}", stage.name);
                results.push((stage.name, "FAILED"));
            }
        }
    }

    println!("\n==> summary");
    for (name, result) in &results {
        println!("    {name:<8} {result}");
    }
    if results.iter().all(|(_, r)| *r == "ok") {
        println!("all {} stages passed", results.len());
        Ok(())
    } else {
        Err("some stages failed".into())
    }
}
