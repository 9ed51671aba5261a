//! The frameworks a scenario may be scored under: the built-in ones, shared by every
//! library, and those the user imports (rule book section 5), held by the library.
//!
//! Every framework in use is an [`Arc<Framework>`], so the app's views and memos can
//! keep one cheaply and compare two by pointer first ([`SharedFramework`]).

use std::sync::{Arc, LazyLock};
use yj_rating_engine::Framework;

static BUILTINS: LazyLock<[Arc<Framework>; 2]> =
    LazyLock::new(|| Framework::builtins().map(|f| Arc::new(f.clone())));

/// The built-in frameworks, youth-2018 first (the one a fresh library starts under).
///
/// ```
/// let [first, _] = yj_rating_workbook::builtins();
/// assert_eq!(first.id, "youth-2018");
/// ```
pub fn builtins() -> [Arc<Framework>; 2] {
    BUILTINS.clone()
}

/// The built-in frameworks, borrowed (no reference counts touched).
pub(crate) fn builtin_frameworks() -> &'static [Arc<Framework>; 2] {
    &BUILTINS
}

/// A framework in use, compared by identity first and by content only when the two
/// are different copies (a library another tab saved reads its imported frameworks
/// anew): cheap for a memo to check on every keystroke.
///
/// ```
/// use yj_rating_workbook::{builtins, SharedFramework};
/// let [youth, _] = builtins();
/// assert_eq!(SharedFramework(youth.clone()), SharedFramework(youth));
/// ```
#[derive(Clone, Debug)]
pub struct SharedFramework(pub Arc<Framework>);

impl PartialEq for SharedFramework {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl std::ops::Deref for SharedFramework {
    type Target = Framework;
    fn deref(&self) -> &Framework {
        &self.0
    }
}

/// References to frameworks, as the engine's readers take them.
pub(crate) fn refs(frameworks: &[Arc<Framework>]) -> Vec<&Framework> {
    frameworks.iter().map(|f| &**f).collect()
}
