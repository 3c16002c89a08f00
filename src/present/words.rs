//! The message catalogue: every sentence a person reads is a message of
//! `assets/locales/<lang>/*.ftl` (Fluent), looked up by id with its
//! arguments. A missing id shows as itself, and a test fails on it.

use crate::domain::{Arg, Said};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The English catalogue, one file per subject.
pub const EN: &[(&str, &str)] = &[
    ("acts.ftl", include_str!("../../assets/locales/en/acts.ftl")),
    (
        "refusals.ftl",
        include_str!("../../assets/locales/en/refusals.ftl"),
    ),
    (
        "problems.ftl",
        include_str!("../../assets/locales/en/problems.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// A language's catalogue; a file that does not parse, or an id defined
/// twice, is a build defect the tests catch.
pub fn build(lang: &str, files: &[(&str, &str)]) -> Result<Bundle, String> {
    let id = lang.parse().map_err(|e| format!("{lang}: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The board is text in cells: no invisible isolation marks around values.
    bundle.set_use_isolating(false);
    for (name, text) in files {
        let res = FluentResource::try_new(text.to_string())
            .map_err(|(_, errs)| format!("{name}: {errs:?}"))?;
        bundle
            .add_resource(res)
            .map_err(|errs| format!("{name}: {errs:?}"))?;
    }
    Ok(bundle)
}

fn english() -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    EN_BUNDLE.get_or_init(|| build("en", EN).expect("the English catalogue is valid"))
}

/// Whether the catalogue has a message with this id.
pub fn has(id: &str) -> bool {
    english().has_message(id)
}

/// A message with arguments: `words::message("refusal-bay-inactive", &[("bay", "B1".into())])`.
pub fn message(id: &str, args: &[(&str, FluentValue)]) -> String {
    let bundle = english();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// What a rule said, in words.
pub fn say(s: &Said) -> String {
    let args: Vec<(&str, FluentValue)> = s
        .args
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Status(st) => FluentValue::from(st.label()),
                Arg::Via(via) => FluentValue::from(via.label()),
                Arg::Time(t) => FluentValue::from(
                    t.with_timezone(&chrono::Local)
                        .format("%d %b %H:%M")
                        .to_string(),
                ),
                Arg::Said(inner) => FluentValue::from(say(inner)),
            };
            (*k, value)
        })
        .collect();
    message(s.id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_catalogue_builds() {
        build("en", EN).unwrap();
    }

    #[test]
    fn values_are_not_isolated_and_numbers_read_plainly() {
        let s = Said::new("refusal-stale")
            .text("job", "J-000001")
            .num("seen", 3)
            .num("now", 12345)
            .status("status", crate::domain::JobStatus::Paused);
        assert_eq!(
            say(&s),
            "J-000001 changed since you looked (version 3 → 12345); it is now paused; nothing was changed"
        );
    }

    #[test]
    fn every_act_has_words() {
        for a in crate::domain::Act::OTHERS {
            assert!(has(a.id()), "{} has no message", a.id());
        }
    }
}
