//! Absence calculators (rolling windows). Filled in by the dates work.
