//! The app's reactive state and its commands: the layer between the views (`ui`) and
//! the model (the workbook crate) with its storage (`persist`).

mod autosave;
mod parts;
mod state;

pub use autosave::{autosave, SAVE_DELAY};
pub use parts::{Outcome, Part};
pub use state::{AppState, Notice, PendingConversion, TORBAY_EXAMPLE};
