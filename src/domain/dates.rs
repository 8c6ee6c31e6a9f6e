//! Named calendar arithmetic (months, clamping). Filled in by the dates work.
