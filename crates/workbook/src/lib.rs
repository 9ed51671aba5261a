//! What the user works on, as the calculator keeps it: each scenario's form exactly as
//! typed ([`Form`]), the library of named scenarios with its what-if branches and
//! imported frameworks ([`Library`]), and the library as the browser stores it
//! ([`StoredLibrary`]).
//!
//! It knows nothing of the browser or of Leptos, so it is tested natively; the app's
//! state applies these changes reactively and says what happened. No rule lives here:
//! the engine decides.

pub mod form;
pub mod frameworks;
pub mod library;
pub mod stored;

pub use form::{Form, StoredForm};
pub use frameworks::{builtins, SharedFramework};
pub use library::{Converted, Deleted, FrameworkImport, Library, Named, Opened};
pub use stored::{StoredLibrary, StoredScenario, Unreadable};
