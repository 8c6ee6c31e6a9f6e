//! Pure renderers of the outputs: checklist, summary (readable and machine-readable), calendar
//! file. Same input, same bytes. May import `domain`, `engine` and `text`.

pub mod text;
pub mod view;
