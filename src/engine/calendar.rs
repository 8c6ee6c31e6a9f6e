//! Norwegian public holidays and working days. Filled in by the dates work.
