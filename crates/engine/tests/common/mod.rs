//! Shared by the property-test files.

use proptest::test_runner::Config;

/// `cases` cases a property, unless `PROPTEST_CASES` says otherwise.
pub fn proptest_config(cases: u32) -> Config {
    let default = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        default
    } else {
        Config { cases, ..default }
    }
}
