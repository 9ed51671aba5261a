//! Where the library lives outside the page: local storage (autosave, data kept
//! aside) and share links.

pub mod share;
pub mod storage;
