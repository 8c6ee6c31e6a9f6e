//! The only code that touches the browser: clock, storage, download, print, messages to an
//! embedding page. Everything else receives what it needs from here as plain values.
