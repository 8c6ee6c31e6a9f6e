//! Installing what the build and the tests need, skipping whatever is already there at the
//! right version:
//!
//! | tool | from | check |
//! |---|---|---|
//! | `wasm32-unknown-unknown` target | rustup | `rustup target list --installed` |
//! | Trunk 0.21.14 | `cargo install --locked` | `trunk --version` |
//! | wasm-bindgen CLI (+ test runner) | `cargo install`, the version in `Cargo.lock` | `wasm-bindgen --version` |
//! | wasm-opt (`binaryen@132`), playwright-core, axe | `npm ci` in `tools/` | `tools/node_modules/.package-lock.json` up to date |
//! | Chromium and ChromeDriver (tests only) | Debian `apt-get` | `/usr/bin/chromium`, `/usr/bin/chromedriver` |

use std::ffi::OsString;
use std::path::PathBuf;

use crate::cmd::{root, Cmd};

/// The Trunk version the project is built with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen major version that wasm-opt must report (see `tools/package.json`).
pub const WASM_OPT_VERSION: &str = "version 132";
/// Debian's Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What is installed, and the environment that makes the tools visible.
pub struct Setup {
    path: OsString,
}

impl Setup {
    /// Makes sure every tool is present, installing what is missing. With `browser`, also
    /// Chromium and ChromeDriver.
    pub fn ensure(browser: bool) -> Result<Setup, String> {
        println!("==> setup");
        let setup = Setup {
            path: search_path(),
        };
        setup.ensure_wasm_target()?;
        setup.ensure_trunk()?;
        setup.ensure_wasm_bindgen()?;
        setup.ensure_npm_tools()?;
        if browser {
            ensure_chromium()?;
        }
        Ok(setup)
    }

    /// Environment for child processes: `PATH` with the project tools and `~/.cargo/bin`
    /// first, and the browser for the end-to-end tests.
    pub fn env(&self) -> Vec<(String, OsString)> {
        vec![
            ("PATH".into(), self.path.clone()),
            ("CHROMIUM".into(), CHROMIUM.into()),
        ]
    }

    /// A `cargo` command (the same cargo that runs this xtask) with the project environment.
    pub fn cargo(&self, args: &[&str]) -> Cmd {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Cmd::new(cargo).args(args).envs(self.env())
    }

    fn tool(&self, program: &str) -> Cmd {
        Cmd::new(program).env("PATH", &self.path)
    }

    fn ensure_wasm_target(&self) -> Result<(), String> {
        let installed = self
            .tool("rustup")
            .args(["target", "list", "--installed"])
            .read();
        if installed.is_some_and(|list| list.lines().any(|l| l.trim() == "wasm32-unknown-unknown"))
        {
            println!("    wasm32-unknown-unknown target: present");
            return Ok(());
        }
        self.tool("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"])
            .run()
    }

    fn ensure_trunk(&self) -> Result<(), String> {
        let want = format!("trunk {TRUNK_VERSION}");
        self.ensure_cargo_tool(
            "trunk",
            &want,
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
        )
    }

    fn ensure_wasm_bindgen(&self) -> Result<(), String> {
        let version = locked_version("wasm-bindgen")?;
        let want = format!("wasm-bindgen {version}");
        // Not `--locked`: one of its locked dependencies is missing from the registry.
        self.ensure_cargo_tool(
            "wasm-bindgen",
            &want,
            &["install", "wasm-bindgen-cli", "--version", &version],
        )?;
        // The browser tests need the runner that comes with the same CLI.
        let runner = self
            .tool("wasm-bindgen-test-runner")
            .arg("--version")
            .read();
        if runner.is_none() {
            return Err(
                "wasm-bindgen-test-runner is missing although wasm-bindgen is installed; \
                        reinstall with `cargo install --force wasm-bindgen-cli`"
                    .into(),
            );
        }
        Ok(())
    }

    /// Runs `cargo install` unless `program --version` starts with `want`.
    fn ensure_cargo_tool(&self, program: &str, want: &str, install: &[&str]) -> Result<(), String> {
        let have = self
            .tool(program)
            .arg("--version")
            .read()
            .unwrap_or_default();
        if have.starts_with(want) {
            println!("    {program}: {have}");
            return Ok(());
        }
        println!("    {program}: want `{want}`, have `{have}`: installing (this takes minutes)");
        self.cargo(install).run()?;
        let have = self
            .tool(program)
            .arg("--version")
            .read()
            .unwrap_or_default();
        if have.starts_with(want) {
            Ok(())
        } else {
            Err(format!(
                "{program} reports `{have}` after installing, want `{want}`"
            ))
        }
    }

    fn ensure_npm_tools(&self) -> Result<(), String> {
        let tools = root().join("tools");
        let lock = tools.join("package-lock.json");
        let installed = tools.join("node_modules/.package-lock.json");
        let up_to_date = match (modified(&lock), modified(&installed)) {
            (Some(lock), Some(installed)) => installed >= lock,
            _ => false,
        };
        if !up_to_date {
            if self.tool("npm").arg("--version").read().is_none() {
                return Err("npm is missing: install Node.js 20 or newer with npm \
                            (Debian: `apt-get install nodejs npm`)"
                    .into());
            }
            self.tool("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .dir(&tools)
                .run()?;
        }
        let have = self
            .tool("wasm-opt")
            .arg("--version")
            .read()
            .unwrap_or_default();
        if !have.contains(WASM_OPT_VERSION) {
            return Err(format!(
                "wasm-opt reports `{have}`, want `{WASM_OPT_VERSION}` from tools/node_modules/.bin"
            ));
        }
        println!("    npm tools (tools/): installed; wasm-opt: {have}");
        Ok(())
    }
}

/// Installs Debian's Chromium and ChromeDriver when either is missing.
fn ensure_chromium() -> Result<(), String> {
    let present = |p: &str| std::path::Path::new(p).exists();
    if present(CHROMIUM) && present(CHROMEDRIVER) {
        let version = Cmd::new(CHROMIUM)
            .arg("--version")
            .read()
            .unwrap_or_default();
        println!("    chromium: {version}");
        return Ok(());
    }
    println!("    chromium / chromium-driver: missing, installing with apt-get");
    let as_root = Cmd::new("id").arg("-u").read().as_deref() == Some("0");
    let apt = |args: &[&str]| {
        if as_root {
            Cmd::new("apt-get").args(args)
        } else {
            Cmd::new("sudo").args(["-n", "apt-get"]).args(args)
        }
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()
    };
    let installed =
        apt(&["update"]).and_then(|()| apt(&["install", "-y", "chromium", "chromium-driver"]));
    match installed {
        Ok(()) if present(CHROMIUM) && present(CHROMEDRIVER) => Ok(()),
        outcome => Err(format!(
            "could not install Chromium ({}).\n\
             The browser tests need Debian's `chromium` and `chromium-driver` packages \
             ({CHROMIUM} and {CHROMEDRIVER}). Install them as root:\n\
             \n    apt-get update && apt-get install -y chromium chromium-driver\n",
            outcome
                .err()
                .unwrap_or_else(|| "the binaries are still missing".into())
        )),
    }
}

/// `PATH` with `tools/node_modules/.bin` and `~/.cargo/bin` in front.
fn search_path() -> OsString {
    let mut dirs: Vec<PathBuf> = vec![root().join("tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The version of `package` recorded in `Cargo.lock`.
pub fn locked_version(package: &str) -> Result<String, String> {
    let path = root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    version_in_lock(&lock, package).ok_or_else(|| format!("{package} is not in Cargo.lock"))
}

/// The version of the first `[[package]]` named `package` in the text of a `Cargo.lock`.
fn version_in_lock(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            return lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_string);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::version_in_lock;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        assert_eq!(
            version_in_lock(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            version_in_lock(LOCK, "wasm-bindgen-macro").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(version_in_lock(LOCK, "wasm"), None);
    }

    #[test]
    fn trunk_is_told_the_wasm_bindgen_version_of_the_lock_file() {
        let lock = include_str!("../../Cargo.lock");
        let trunk = include_str!("../../Trunk.toml");
        let configured = trunk
            .lines()
            .find_map(|l| l.trim().strip_prefix("wasm_bindgen = \""))
            .and_then(|v| v.strip_suffix('"'));
        assert_eq!(version_in_lock(lock, "wasm-bindgen").as_deref(), configured);
    }
}
