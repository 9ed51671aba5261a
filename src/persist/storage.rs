//! Local storage: the library autosaves here. Storage that is disabled or full gives a
//! clear notice; stored data that cannot be read is kept aside under another key and
//! offered for download, never silently wiped.

use gloo_storage::{LocalStorage, Storage};
use yj_rating_workbook::{Library, StoredLibrary};

/// Where the library is kept.
pub const KEY: &str = "yj-rating.library";
/// Prefix of the keys that hold unreadable data kept aside.
pub const ASIDE_PREFIX: &str = "yj-rating.unreadable.";

/// Something about storage the user needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageProblem {
    /// The browser does not let the page use local storage.
    Unavailable,
    /// Saving failed (usually: storage is full).
    SaveFailed(String),
    /// Stored data could not be read; it is kept aside under `key` (or, if even that
    /// failed, only in memory: `key` is empty).
    Unreadable(KeptAside),
}

/// Unreadable data kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptAside {
    pub key: String,
    pub content: String,
    pub reason: String,
}

/// Local storage, if the browser offers it. Never panics: some browsers throw on
/// merely asking for it when storage is disabled.
fn storage_object() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Local storage, if the page may write to it: probed once at start-up, since some
/// browsers allow reading while refusing every write. (Saving does not probe: a full
/// store refuses the probe too, and that is a failed save, not missing storage.)
fn local_storage() -> Option<web_sys::Storage> {
    let storage = storage_object()?;
    let probe = "yj-rating.probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(storage)
}

fn now_key() -> String {
    format!("{ASIDE_PREFIX}{}", js_sys::Date::now() as u64)
}

/// Keeps unreadable data aside under a fresh key.
fn keep_aside(storage: &web_sys::Storage, content: String, reason: String) -> KeptAside {
    let mut key = now_key();
    let mut n = 1;
    while storage.get_item(&key).ok().flatten().is_some() {
        key = format!("{}-{n}", now_key());
        n += 1;
    }
    let kept = storage.set_item(&key, &content).is_ok();
    KeptAside {
        key: if kept { key } else { String::new() },
        content,
        reason,
    }
}

/// Loads the library. Returns it with any problems found, and whether saving may go
/// ahead (it may not while unreadable data could not be kept aside: saving would
/// overwrite it).
pub fn load() -> (Library, Vec<StorageProblem>, bool) {
    let fresh = || Library::new(&yj_rating_workbook::builtins()[0]);
    let Some(storage) = local_storage() else {
        return (fresh(), vec![StorageProblem::Unavailable], false);
    };
    let mut problems: Vec<StorageProblem> =
        kept_aside().into_iter().map(StorageProblem::Unreadable).collect();
    let Ok(Some(raw)) = storage.get_item(KEY) else {
        return (fresh(), problems, true);
    };
    let stored: StoredLibrary = match serde_json::from_str(&raw) {
        Ok(stored) => stored,
        Err(err) => {
            let aside = keep_aside(
                &storage,
                raw,
                format!("the saved scenarios could not be read ({err})"),
            );
            let safe = !aside.key.is_empty();
            problems.push(StorageProblem::Unreadable(aside));
            return (fresh(), problems, safe);
        }
    };
    let (library, unreadable) = stored.into_library();
    let mut safe = true;
    for (scenario, reason) in unreadable {
        let content = serde_json::to_string_pretty(&scenario).unwrap_or_default();
        let aside = keep_aside(
            &storage,
            content,
            format!("scenario \"{}\" could not be read: {reason}", scenario.name),
        );
        safe &= !aside.key.is_empty();
        problems.push(StorageProblem::Unreadable(aside));
    }
    (library, problems, safe)
}

/// Saves the library.
pub fn save(library: &Library) -> Result<(), StorageProblem> {
    if storage_object().is_none() {
        return Err(StorageProblem::Unavailable);
    }
    LocalStorage::set(KEY, StoredLibrary::from_library(library)).map_err(|err| {
        StorageProblem::SaveFailed(format!(
            "Your latest changes could not be saved in this browser ({err}). Storage may be full: \
             export the scenario to a file to keep it, or delete scenarios you no longer need."
        ))
    })
}

/// The library another tab has just saved, if it can be read (if it cannot, this tab
/// keeps its own: the next start-up keeps the unreadable data aside).
pub fn load_saved_by_another_tab() -> Option<Library> {
    let raw = storage_object()?.get_item(KEY).ok()??;
    let stored: StoredLibrary = serde_json::from_str(&raw).ok()?;
    let (library, unreadable) = stored.into_library();
    unreadable.is_empty().then_some(library)
}

/// Everything kept aside so far, oldest first.
pub fn kept_aside() -> Vec<KeptAside> {
    let Some(storage) = storage_object() else {
        return Vec::new();
    };
    let length = storage.length().unwrap_or(0);
    let mut found: Vec<KeptAside> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASIDE_PREFIX))
        .filter_map(|key| {
            let content = storage.get_item(&key).ok().flatten()?;
            Some(KeptAside {
                key,
                content,
                reason: "kept aside earlier because it could not be read".into(),
            })
        })
        .collect();
    found.sort_by(|a, b| a.key.cmp(&b.key));
    found
}

/// Removes data kept aside, once the user has chosen to.
pub fn discard_aside(key: &str) {
    if let Some(storage) = storage_object() {
        let _ = storage.remove_item(key);
    }
}
