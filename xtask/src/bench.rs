//! `cargo xtask bench`: measures the built app and, once it exists, the engine.
//!
//! 1. Builds the release app (as `serve` does).
//! 2. `node tests/e2e/bench.mjs`: raw / gzip / brotli size of every first-load file, and what a
//!    person waits for in headless Chromium under mobile throttling (the start page ready, per
//!    language and on a return visit; Start → first question; the last press → findings), each
//!    the median of at least five runs after a warm-up, with the physical floor of the first
//!    figure and every figure's ratio to it. It writes a Markdown table to
//!    `target/bench/web.md`.
//! 3. If `examples/engine_bench.rs` exists: `cargo run --release --example engine_bench`.
//! 4. Writes the figures, with the date and the machine's load, into README.md between the bench
//!    markers.

use crate::cmd::{root, Cmd};
use crate::setup::Setup;

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

/// Runs the benchmark and updates README.md.
pub fn run() -> Result<(), String> {
    let setup = Setup::ensure(true)?;
    crate::build_app(&setup)?;

    println!("\n==> web: sizes and what a person waits for");
    Cmd::new("node")
        .arg(root().join("tests/e2e/bench.mjs"))
        .envs(setup.env())
        .run()?;
    let web_path = root().join("target/bench/web.md");
    let web = std::fs::read_to_string(&web_path)
        .map_err(|e| format!("cannot read {}: {e}", web_path.display()))?;

    let engine = if root().join("examples/engine_bench.rs").exists() {
        println!("\n==> native engine timings");
        let out = setup
            .cargo(&["run", "--quiet", "--release", "--example", "engine_bench"])
            .capture()?;
        format!("Native engine timings (`cargo run --release --example engine_bench`):\n\n```text\n{}\n```\n", out.trim_end())
    } else {
        "Native engine timings: not yet measured (`examples/engine_bench.rs` does not exist yet).\n"
            .to_string()
    };

    let date = Cmd::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .read()
        .unwrap_or_default();
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    // The timings depend on what else the machine runs: say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .map(|l| format!(", load average {l} at the end"))
        .unwrap_or_default();
    let section = format!(
        "{START}\nMeasured on {date} by `cargo xtask bench` ({cpus} CPU cores{load}, Debian Chromium, headless).\n\n{web}\n{engine}{END}"
    );
    update_readme(&section)?;
    println!("\n==> README.md updated with the figures of {date}");
    Ok(())
}

fn update_readme(section: &str) -> Result<(), String> {
    let path = root().join("README.md");
    let readme =
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read README.md: {e}"))?;
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        return Err(format!("README.md lacks the `{START}` … `{END}` markers"));
    };
    if end < start {
        return Err("README.md bench markers are in the wrong order".into());
    }
    let updated = format!(
        "{}{section}{}",
        &readme[..start],
        &readme[end + END.len()..]
    );
    std::fs::write(&path, updated).map_err(|e| format!("cannot write README.md: {e}"))
}
