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
    /// The browser lets the page read what it saved but refuses to store anything now
    /// (usually: storage is full). What was saved is shown; saving is tried on each change.
    ReadOnly,
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

/// Whether the page may write to local storage now: probed once at start-up, since some
/// browsers allow reading while refusing every write (and a full store refuses too).
fn writable(storage: &web_sys::Storage) -> bool {
    let probe = "yj-rating.probe";
    storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok()
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
    let Some(storage) = storage_object() else {
        return (fresh(), vec![StorageProblem::Unavailable], false);
    };
    let mut problems: Vec<StorageProblem> =
        kept_aside().into_iter().map(StorageProblem::Unreadable).collect();
    // Refused writes never hide what is stored: it is read all the same, and said.
    if !writable(&storage) {
        problems.push(StorageProblem::ReadOnly);
    }
    let Ok(Some(raw)) = storage.get_item(KEY) else {
        return (fresh(), problems, true);
    };
    let stored = match StoredLibrary::from_json_str(&raw) {
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

/// What another tab has just saved.
pub enum SavedByAnotherTab {
    /// Nothing to adopt (storage gone, or the library removed).
    Nothing,
    /// Their library, to adopt.
    Readable(Library),
    /// Something this tab cannot read (a newer version's format, say): kept aside under
    /// a key of its own before this tab's next save writes over it. This tab keeps its own.
    KeptAside(KeptAside),
}

/// The library another tab has just saved, or, if this tab cannot read all of it, that
/// data kept aside, whole, so this tab's next save loses none of it.
pub fn load_saved_by_another_tab() -> SavedByAnotherTab {
    let Some(storage) = storage_object() else {
        return SavedByAnotherTab::Nothing;
    };
    let Some(raw) = storage.get_item(KEY).ok().flatten() else {
        return SavedByAnotherTab::Nothing;
    };
    let reason = match StoredLibrary::from_json_str(&raw) {
        Ok(stored) => match stored.into_library() {
            (library, unreadable) if unreadable.is_empty() => return SavedByAnotherTab::Readable(library),
            (_, unreadable) => format!(
                "the scenarios another tab saved could not all be read here ({})",
                unreadable
                    .iter()
                    .map(|(_, reason)| reason.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        },
        Err(err) => format!("the scenarios another tab saved could not be read here ({err})"),
    };
    SavedByAnotherTab::KeptAside(keep_aside(&storage, raw, reason))
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
