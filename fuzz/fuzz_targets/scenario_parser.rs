//! The scenario readers on arbitrary bytes: they never panic, and whatever they accept
//! scores, reports and writes back unchanged. The proptest twin of this target is
//! `crates/engine/tests/parser_never_panics.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use yj_rating_engine::{report, score, Framework, Scenario};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let frameworks = Framework::builtins();
    let strict = Scenario::from_json_str(text);
    match Scenario::draft_from_json_str(text, &frameworks) {
        Err(err) => {
            assert!(!err.problems().is_empty());
            // The strict reader fails the same way on structure.
            assert_eq!(strict, Err(err));
        }
        Ok((draft, framework)) => {
            let framework = &*framework;
            let result = score(framework, &draft);
            assert_eq!(result.standards.len(), framework.standards.len());
            let json = report::to_json(framework, &draft, &result);
            assert_eq!(json["total"], result.total);
            let written = draft.to_json_string_with(framework);
            let again = Scenario::draft_from_json_str(&written, &frameworks);
            assert_eq!(again.map(|(s, _)| s), Ok(draft.clone()));
            let problems = draft.problems(framework);
            match strict {
                Ok(scenario) => {
                    assert!(problems.is_empty());
                    assert_eq!(Scenario::from_json_str(&written), Ok(scenario.clone()));
                    assert_eq!(scenario, draft);
                }
                Err(err) => assert_eq!(err.problems(), &problems[..]),
            }
        }
    }
});
