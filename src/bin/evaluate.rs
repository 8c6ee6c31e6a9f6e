//! Native command-line evaluator for maintainers and scripted checks.
//!
//! ```text
//! cargo run --bin evaluate -- ANSWERS.json [--today YYYY-MM-DD] [--format json|text]
//! ```
//!
//! Reads an answers file (`docs/answers-format.md`), validates it, evaluates the rules and prints
//! the decision. It never panics. Exit codes: 0 done (also when the reader of the output went
//! away, a closed pipe); 1 the output could not be written (a message on standard error); 2 bad
//! input (a message naming the argument or the field, and the usage line).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use residence_checker::domain::case::Case;
use residence_checker::domain::dates::parse_iso;
use residence_checker::domain::format::{self, Size};
use residence_checker::engine::evaluate;
use residence_checker::report::text::decision_as_text;

const USAGE: &str = "usage: evaluate ANSWERS.json [--today YYYY-MM-DD] [--format json|text]\n\
     Without --today, the file's \"today\" is used, else the computer's date.";

#[derive(PartialEq)]
enum Format {
    Json,
    Text,
}

struct Args {
    /// The file, as given: on Unix a file name need not be UTF-8 (a Latin-1 system's
    /// `answers-\xFF.json`), and is shown with U+FFFD in its place in messages.
    path: PathBuf,
    today: Option<NaiveDate>,
    format: Format,
}

/// An argument as text for a message: bytes that are not UTF-8 are shown as U+FFFD.
fn shown(arg: &OsString) -> String {
    arg.to_string_lossy().into_owned()
}

fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Args, String> {
    let mut path = None;
    let mut today = None;
    let mut format = Format::Text;
    while let Some(arg) = args.next() {
        // Options and their values are UTF-8 or they are nothing this command knows; a file
        // name is taken as the system gives it.
        match arg.to_str() {
            Some("--today") => {
                let value = args.next().ok_or("--today needs a date (YYYY-MM-DD)")?;
                // The same strict reading as a file's dates (`2026-1-5` is refused).
                let date = value.to_str().and_then(parse_iso).ok_or_else(|| {
                    format!("--today: `{}` is not a date (YYYY-MM-DD)", shown(&value))
                })?;
                today = Some(date);
            }
            Some("--format") => {
                let value = args.next();
                format = match value.as_ref().and_then(|v| v.to_str()) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    _ => {
                        return Err(format!(
                            "--format must be json or text, not `{}`",
                            value.as_ref().map(shown).unwrap_or_default()
                        ))
                    }
                }
            }
            Some("-h" | "--help") => return Err(String::new()),
            _ if arg.as_encoded_bytes().starts_with(b"--") => {
                return Err(format!("unknown option `{}`", shown(&arg)))
            }
            _ if path.is_none() => path = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{}`", shown(&arg))),
        }
    }
    Ok(Args {
        path: path.ok_or("missing ANSWERS.json")?,
        today,
        format,
    })
}

fn system_today() -> NaiveDate {
    // The command line is a shell, not the engine: it may read the clock.
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?))
        .unwrap_or(NaiveDate::MIN)
}

fn run() -> Result<String, String> {
    // `args_os`: `args` panics on an argument that is not UTF-8.
    let args = parse_args(std::env::args_os().skip(1))?;
    let name = args.path.display();
    let bytes = read_at_most(&args.path, format::MAX_FILE_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
    let file = format::parse(&text).map_err(|e| format!("{name}: {e}"))?;
    let today = args.today.or(file.today).unwrap_or_else(system_today);
    let case = Case::from_answers(&file.answers, today).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("  field `{}`: {}", e.question().name(), describe(e)))
            .collect();
        format!("{name}: the answers are not valid:\n{}", lines.join("\n"))
    })?;
    let decision = evaluate(&case, today);
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&decision).map_err(|e| e.to_string())?,
        Format::Text => decision_as_text(&decision),
    })
}

/// The file's bytes. A regular file larger than the limit (and a byte-order mark, which the
/// reader does not count) is refused by its size, unread; any other (a pipe, `/dev/zero`) is
/// read no further than one byte past the limit and its mark, so it is never read into memory
/// whole. The refusal states what was measured: the file's size, or its text without the mark,
/// or "more than" the limit where reading stopped.
fn read_at_most(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let shown = path.display();
    let too_large = |size| format!("{shown}: {}", format::FormatError::TooLarge { size });
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    let regular = file.metadata().ok().filter(|m| m.is_file());
    if let Some(e) = regular.and_then(|m| format::refuse_unread(m.len())) {
        return Err(format!("{shown}: {e}"));
    }
    let most = limit + format::BOM.len();
    let mut bytes = Vec::new();
    file.take(most as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: {e}"))?;
    if bytes.len() > most {
        return Err(too_large(Size::MoreThan(limit as u64)));
    }
    let text = bytes.strip_prefix(format::BOM.as_bytes()).unwrap_or(&bytes);
    if text.len() > limit {
        return Err(too_large(Size::Text(text.len() as u64)));
    }
    Ok(bytes)
}

/// Writes `text` and a line break to standard output. A reader that went away (a closed pipe,
/// as in `evaluate … | head -1`) is not an error of ours: nothing more is written, and that is
/// success. Any other failure (a full disk, a descriptor open only for reading) is returned.
fn print(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = stdout()?;
    match out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        done => done,
    }
}

/// Standard output as a file of its own: `std::io::stdout` counts a write refused with `EBADF`
/// (a descriptor open only for reading) as done, and the output would be lost without a word.
#[cfg(unix)]
fn stdout() -> std::io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    Ok(std::io::stdout().as_fd().try_clone_to_owned()?.into())
}

#[cfg(not(unix))]
fn stdout() -> std::io::Result<std::io::Stdout> {
    Ok(std::io::stdout())
}

/// Writes a message and a line break to standard error; if even that fails, there is nowhere
/// left to say so, and the exit code still tells.
fn say(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}").and_then(|()| err.flush());
}

/// The applicant-facing English message for a validation error (from the catalogue).
fn describe(e: &residence_checker::domain::case::AnswerError) -> String {
    residence_checker::text::render::error_text(residence_checker::text::Lang::En, e)
}

/// The exit codes (docs/answers-format.md): done, or the reader of the output went away.
const EXIT_DONE: u8 = 0;
/// The output could not be written (a full disk, a closed or read-only standard output).
const EXIT_WRITE_FAILED: u8 = 1;
/// Bad input: the arguments, or a file that cannot be read, is refused or is not valid.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let out = match run() {
        Ok(out) => out,
        Err(message) if message.is_empty() => USAGE.to_string(),
        Err(message) => {
            say(&format!("evaluate: {message}\n{USAGE}"));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    match print(&out) {
        Ok(()) => ExitCode::from(EXIT_DONE),
        Err(e) => {
            say(&format!("evaluate: cannot write the output: {e}"));
            ExitCode::from(EXIT_WRITE_FAILED)
        }
    }
}
