//! The machine-readable answers file (JSON, with a format version): what the command-line
//! evaluator reads and what the app saves and loads. Documented in `docs/answers-format.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::Answers;

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "residence-checker-answers";
/// The current format version.
pub const FORMAT_VERSION: u32 = 1;
/// The largest answers file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// An answers file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version ([`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The rules version the file was saved with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<String>,
    /// The day the answers were evaluated for, if saved with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
    /// The answers.
    pub answers: Answers,
}

/// Why an answers file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not JSON at all.
    NotJson {
        /// What the parser said.
        message: String,
    },
    /// JSON, but not an answers file (no `format` field with the expected name).
    NotAnswersFile,
    /// An answers file of a format version this checker cannot read.
    UnsupportedVersion {
        /// The version in the file.
        version: u64,
    },
    /// A field has a wrong value or is unknown.
    Field {
        /// The path of the field, e.g. `answers.stays_abroad[2].from`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; an answers file is at most {MAX_FILE_BYTES} bytes"
            ),
            FormatError::NotJson { message } => write!(f, "the file is not valid JSON: {message}"),
            FormatError::NotAnswersFile => write!(
                f,
                "the file is not an answers file (its \"format\" field is not \"{FORMAT_NAME}\")"
            ),
            FormatError::UnsupportedVersion { version } => write!(
                f,
                "the file has format version {version}; this checker reads version {FORMAT_VERSION}"
            ),
            FormatError::Field { path, message } => write!(f, "field `{path}`: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Parses an answers file. Checks the size, that it is JSON, that it is an answers file, the
/// format version, and then every field (naming the field on error).
pub fn parse(text: &str) -> Result<AnswersFile, FormatError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FormatError::NotJson {
            message: e.to_string(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(FormatError::NotAnswersFile);
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(version) => return Err(FormatError::UnsupportedVersion { version }),
        None => {
            return Err(FormatError::Field {
                path: "format_version".into(),
                message: "missing or not a whole number".into(),
            })
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| FormatError::Field {
        path: e.path().to_string(),
        message: e.into_inner().to_string(),
    })
}

/// Writes an answers file (pretty JSON, stable field order).
pub fn write(answers: &Answers, rules_version: Option<&str>, today: Option<NaiveDate>) -> String {
    let file = AnswersFile {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        rules_version: rules_version.map(str::to_string),
        today,
        answers: answers.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}
