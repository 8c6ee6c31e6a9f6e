//! A QR code for a piece of text (for example an address to continue on a phone), as a grid of
//! modules and as compact SVG.
//!
//! Encoding uses the `qrcode` crate without its image or SVG features; the SVG is written here,
//! one path for all dark modules. Pure: the same text always gives the same bytes.

use std::fmt::Write;

use qrcode::EcLevel;

/// The modules of a QR code: `size` × `size`, row by row, `true` for dark. The quiet zone (the
/// light border of four modules a scanner needs) is not included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    /// Modules per side.
    pub size: u32,
    /// Whether each module is dark, row by row (`size * size` entries).
    pub dark: Vec<bool>,
}

/// The width of the light border around the code, in modules, that a scanner needs.
pub const QUIET_ZONE: u32 = 4;

impl QrCode {
    /// Whether the module in column `x`, row `y` is dark (false outside the code).
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        if x >= self.size || y >= self.size {
            return false;
        }
        let index = (y as usize)
            .checked_mul(self.size as usize)
            .and_then(|row| row.checked_add(x as usize));
        index
            .and_then(|i| self.dark.get(i))
            .copied()
            .unwrap_or(false)
    }
}

/// The QR code of `text`: error correction level M (a damaged or badly printed code still
/// scans), or L when the text is too long for M; `None` when it is too long for any QR code
/// (about 2,900 bytes).
///
/// ```
/// use residence_core::report::qr::qr;
/// let code = qr("https://example.org/").unwrap();
/// assert_eq!(code.dark.len(), (code.size * code.size) as usize);
/// assert!(qr(&"x".repeat(5000)).is_none());
/// ```
pub fn qr(text: &str) -> Option<QrCode> {
    let code = qrcode::QrCode::with_error_correction_level(text, EcLevel::M)
        .or_else(|_| qrcode::QrCode::with_error_correction_level(text, EcLevel::L))
        .ok()?;
    let size = u32::try_from(code.width()).ok()?;
    Some(QrCode {
        size,
        dark: code
            .into_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

/// The `d` attribute of an SVG path that draws every dark module, in module units with the
/// code's top left corner at (0, 0): one `M x y h… v1 h-… z` per horizontal run of dark modules.
/// Give the SVG a `viewBox` with the quiet zone around it (see [`svg`]).
///
/// ```
/// use residence_core::report::qr::{svg_path, QrCode};
/// let code = QrCode { size: 2, dark: vec![true, true, false, true] };
/// assert_eq!(svg_path(&code), "M0 0h2v1h-2zM1 1h1v1h-1z");
/// ```
pub fn svg_path(code: &QrCode) -> String {
    let mut d = String::new();
    for y in 0..code.size {
        let mut x = 0;
        while x < code.size {
            if !code.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < code.size && code.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(d, "M{start} {y}h{run}v1h-{run}z");
        }
    }
    d
}

/// A standalone `<svg>` of the code with its quiet zone, scaling to the width it is given, with
/// `role="img"` and `title` as its accessible name (escaped here).
///
/// ```
/// use residence_core::report::qr::{qr, svg};
/// let out = svg(&qr("hello").unwrap(), "QR code");
/// assert!(out.starts_with("<svg") && out.contains("<title>QR code</title>"));
/// ```
pub fn svg(code: &QrCode, title: &str) -> String {
    let full = code.size.saturating_add(2 * QUIET_ZONE);
    format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"-{q} -{q} {full} {full}\" ",
            "shape-rendering=\"crispEdges\"><title>{title}</title>",
            "<rect x=\"-{q}\" y=\"-{q}\" width=\"{full}\" height=\"{full}\" fill=\"#fff\"/>",
            "<path fill=\"#000\" d=\"{d}\"/></svg>"
        ),
        q = QUIET_ZONE,
        full = full,
        title = super::html::escape(title),
        d = svg_path(code),
    )
}
