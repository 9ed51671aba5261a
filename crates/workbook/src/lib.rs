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

/// The frameworks the model's tests use.
#[cfg(test)]
pub(crate) mod test_support {
    use yj_rating_engine::Framework;

    pub fn youth() -> &'static Framework {
        Framework::youth_2018()
    }

    const THEME: &str = include_str!("../../../examples/frameworks/theme-inspection.json");

    /// The theme-inspection example framework, as a file imports it.
    pub fn theme() -> Framework {
        Framework::from_json_str(THEME).expect("the example framework reads")
    }
}
