//! The message catalogue: every sentence a person reads is a message of
//! `assets/locales/<lang>/*.ftl` (Fluent), looked up by id with its
//! arguments. A missing id shows as itself, and a test fails on it.

use crate::domain::{Arg, Said};
use chrono::{DateTime, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentMessage, FluentResource, FluentValue};
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
    (
        "events.ftl",
        include_str!("../../assets/locales/en/events.ftl"),
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

type Args<'a> = [(&'a str, FluentValue<'a>)];

fn fluent_args<'a>(args: &'a Args<'a>) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        out.set(*k, v.clone());
    }
    out
}

fn found(id: &str) -> Option<FluentMessage<'static>> {
    english().get_message(id)
}

/// A message with arguments: `words::message("refusal-bay-inactive", &[("bay", "B1".into())])`.
pub fn message(id: &str, args: &Args) -> String {
    let Some(pattern) = found(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    english()
        .format_pattern(pattern, Some(&fluent_args(args)), &mut errors)
        .into_owned()
}

/// How a moment reads in a message.
pub type Clock<'a> = &'a dyn Fn(DateTime<Utc>) -> String;

fn day_and_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format("%d %b %H:%M")
        .to_string()
}

fn value(arg: &Arg, clock: Clock) -> FluentValue<'static> {
    match arg {
        Arg::Text(t) => FluentValue::from(t.clone()),
        Arg::Num(n) => FluentValue::from(*n),
        Arg::Status(st) => FluentValue::from(st.label()),
        Arg::Via(via) => FluentValue::from(via.label()),
        Arg::Time(t) => FluentValue::from(clock(*t)),
        Arg::Money(minor, currency) => {
            FluentValue::from(crate::domain::money::with_code(*minor, currency))
        }
        Arg::Label(of, code) => FluentValue::from(super::labels::code_label(of, code)),
        Arg::Said(inner) => FluentValue::from(say_with(inner, None, clock)),
    }
}

/// What a rule said, in words.
pub fn say(s: &Said) -> String {
    say_with(s, None, &day_and_time)
}

/// What was said, with its optional parts (the message's attributes whose
/// argument is there) and what a person typed with it (`note`: the
/// message's `.note`, or after a dash).
pub fn say_with(s: &Said, note: Option<&str>, clock: Clock) -> String {
    let mut args: Vec<(&str, FluentValue)> = s
        .args
        .iter()
        .map(|(k, v)| (k.as_ref(), value(v, clock)))
        .collect();
    if let Some(n) = note {
        args.push(("note", FluentValue::from(n.to_string())));
    }
    let Some(msg) = found(&s.id) else {
        return s.id.to_string();
    };
    let fargs = fluent_args(&args);
    let mut errors = Vec::new();
    let mut out = msg
        .value()
        .map(|p| english().format_pattern(p, Some(&fargs), &mut errors))
        .unwrap_or_default()
        .into_owned();
    let mut noted = false;
    for attr in msg.attributes() {
        if args.iter().any(|(k, _)| *k == attr.id()) {
            noted |= attr.id() == "note";
            out.push_str(&english().format_pattern(attr.value(), Some(&fargs), &mut errors));
        }
    }
    if let (Some(n), false) = (note, noted) {
        out.push_str(" — ");
        out.push_str(n);
    }
    out
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

    #[test]
    fn optional_parts_come_with_their_arguments_and_a_note_after_a_dash() {
        let base = Said::new("event-followup-reached");
        assert_eq!(say_with(&base, None, &day_and_time), "reached");
        let scored = base.clone().num("score", 4);
        assert_eq!(
            say_with(&scored, Some("happy"), &day_and_time),
            "reached, satisfaction 4/5 — happy"
        );
        let released = Said::new("event-released").text("bay", "B2");
        assert_eq!(
            say_with(&released, Some("car moved out"), &day_and_time),
            "bay B2 freed: car moved out"
        );
    }

    #[test]
    fn what_is_said_survives_the_store() {
        let t = DateTime::parse_from_rfc3339("2026-11-24T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let s = Said::new("event-parts-updated")
            .text("part", "P-1")
            .num("qty", 2)
            .money("amount", 12050, "CNY")
            .time("eta", t)
            .status("status", crate::domain::JobStatus::Paused)
            .label("kind", "part_kind", "out_of_stock")
            .said("sold", Said::new("line-sold").text("what", "none"));
        // JSON objects keep their keys sorted; the facts are the same.
        let sorted = |mut s: Said| {
            s.args.sort_by(|a, b| a.0.cmp(&b.0));
            s
        };
        assert_eq!(Said::from_json(&s.to_json()).map(sorted), Some(sorted(s)));
    }
}
