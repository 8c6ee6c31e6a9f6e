//! Running commands: a small builder over `std::process::Command` that echoes what it runs
//! and turns failures into readable errors.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (the parent of the `xtask` folder).
///
/// Read at run time (`cargo run` sets `CARGO_MANIFEST_DIR`), so that a binary built from
/// another checkout sharing the target directory still works on this one.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifest_dir)
}

/// A command to run from the repository root.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    /// A command running `program` in the repository root.
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        let mut inner = Command::new(program.as_ref());
        inner.current_dir(root());
        Cmd {
            inner,
            shown: program.as_ref().to_string_lossy().into_owned(),
        }
    }

    /// Adds one argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.shown.push(' ');
        self.shown.push_str(&arg.as_ref().to_string_lossy());
        self.inner.arg(arg);
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self = self.arg(arg);
        }
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.inner.env(key, value);
        self
    }

    /// Sets environment variables.
    pub fn envs(mut self, vars: Vec<(String, OsString)>) -> Self {
        for (key, value) in vars {
            self.inner.env(key, value);
        }
        self
    }

    /// Runs in `dir` instead of the repository root.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.inner.current_dir(dir);
        self
    }

    /// Runs with inherited output; `Err` unless it exits with status 0.
    pub fn run(mut self) -> Result<(), String> {
        println!("$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs quietly and returns trimmed stdout; `None` if it cannot start or fails.
    pub fn read(mut self) -> Option<String> {
        let out = self.inner.stderr(Stdio::null()).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Runs, echoing output, and returns stdout; `Err` unless it exits with status 0.
    pub fn capture(mut self) -> Result<String, String> {
        println!("$ {}", self.shown);
        let out = self
            .inner
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot start `{}`: {e}", self.shown))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        print!("{stdout}");
        if out.status.success() {
            Ok(stdout)
        } else {
            Err(format!("`{}` failed ({})", self.shown, out.status))
        }
    }
}
