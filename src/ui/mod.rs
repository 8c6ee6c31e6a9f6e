//! The only yew code: one root reducer over the answers, pages and small components.
