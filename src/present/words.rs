//! The message catalogue: every sentence a person reads is a message of
//! `assets/locales/<lang>/*.ftl` (Fluent), looked up by id with its
//! arguments. A missing id shows as itself, and a test fails on it.

use super::lang::{self, Lang};
use crate::domain::{Arg, Said};
use chrono::{DateTime, Utc};
pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentMessage, FluentResource};
use std::sync::OnceLock;

/// Money as the reader writes it: `CNY 1,280.50`, in Chinese `¥1,280.50`.
pub fn money(minor: i64, currency: &str) -> String {
    match (lang::current(), currency) {
        (Lang::ZhCn, "CNY") => format!("¥{}", grouped(&crate::domain::money::format(minor, "CNY"))),
        _ => crate::domain::money::with_code(minor, currency),
    }
}

/// `-1280.50` → `-1,280.50`.
fn grouped(plain: &str) -> String {
    let (sign, rest) = plain.split_at(usize::from(plain.starts_with('-')));
    let (whole, frac) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out + frac
}

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
    (
        "labels.ftl",
        include_str!("../../assets/locales/en/labels.ftl"),
    ),
    ("keys.ftl", include_str!("../../assets/locales/en/keys.ftl")),
    ("ui.ftl", include_str!("../../assets/locales/en/ui.ftl")),
    (
        "figures.ftl",
        include_str!("../../assets/locales/en/figures.ftl"),
    ),
    ("help.ftl", include_str!("../../assets/locales/en/help.ftl")),
];

/// The Simplified Chinese catalogue: the same files, the same ids.
pub const ZH_CN: &[(&str, &str)] = &[
    (
        "acts.ftl",
        include_str!("../../assets/locales/zh-CN/acts.ftl"),
    ),
    (
        "refusals.ftl",
        include_str!("../../assets/locales/zh-CN/refusals.ftl"),
    ),
    (
        "problems.ftl",
        include_str!("../../assets/locales/zh-CN/problems.ftl"),
    ),
    (
        "events.ftl",
        include_str!("../../assets/locales/zh-CN/events.ftl"),
    ),
    (
        "labels.ftl",
        include_str!("../../assets/locales/zh-CN/labels.ftl"),
    ),
    (
        "keys.ftl",
        include_str!("../../assets/locales/zh-CN/keys.ftl"),
    ),
    ("ui.ftl", include_str!("../../assets/locales/zh-CN/ui.ftl")),
    (
        "figures.ftl",
        include_str!("../../assets/locales/zh-CN/figures.ftl"),
    ),
    (
        "help.ftl",
        include_str!("../../assets/locales/zh-CN/help.ftl"),
    ),
];

/// Each language's files.
pub fn files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::ZhCn => ZH_CN,
    }
}

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

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        build(lang.tag(), files(lang)).expect("the catalogues are valid (tests build them)")
    })
}

/// Whether the English catalogue (the reference) has this id.
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

type Args<'a> = [(&'a str, FluentValue<'a>)];

fn fluent_args<'a>(args: &'a Args<'a>) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        out.set(*k, v.clone());
    }
    out
}

/// The message in the reader's language, or in English where that
/// catalogue lacks it (a test fails on every such gap).
fn found(id: &str) -> Option<(&'static Bundle, FluentMessage<'static>)> {
    let lang = lang::current();
    let b = bundle(lang);
    match b.get_message(id) {
        Some(m) => Some((b, m)),
        None if lang != Lang::En => bundle(Lang::En)
            .get_message(id)
            .map(|m| (bundle(Lang::En), m)),
        None => None,
    }
}

/// A message with arguments: `words::message("refusal-bay-inactive", &[("bay", "B1".into())])`.
pub fn message(id: &str, args: &Args) -> String {
    let Some((b, pattern)) = found(id).and_then(|(b, m)| Some((b, m.value()?))) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    let said = b
        .format_pattern(pattern, Some(&fluent_args(args)), &mut errors)
        .into_owned();
    if crate::text::plain() {
        plain(said)
    } else {
        said
    }
}

/// A message for an ASCII screen: keys in words, Chinese in pinyin.
fn plain(said: String) -> String {
    let keys = said
        .replace("⏎", "Enter")
        .replace("↑↓", "Up/Dn")
        .replace("←→", "Lt/Rt")
        .replace('⌫', "Backspace")
        .replace('↑', "Up")
        .replace('↓', "Dn");
    crate::text::shown(&keys).into_owned()
}

/// A word without arguments (a status, a field's name) as a `&'static
/// str`: each is formatted once per language and kept, so the many
/// `label()`s that hand out `&'static str` read the catalogue too.
pub fn word(id: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static KEPT: [OnceLock<Mutex<HashMap<&'static str, &'static str>>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let which = lang::current() as usize * 2 + usize::from(crate::text::plain());
    let kept = KEPT[which].get_or_init(Default::default);
    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
    kept.entry(id)
        .or_insert_with(|| Box::leak(message(id, &[]).into_boxed_str()))
}

/// The message id of a keymap text: `key-` and its English, lower case,
/// each run of other characters one hyphen ("log parts" → `key-log-parts`).
pub fn key_id(english: &str) -> String {
    let mut id = String::from("key-");
    for c in english.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// A keymap text (label or help line) in the reader's language; the
/// English itself where the catalogue lacks it (a test fails on that).
pub fn key_text(english: &'static str) -> &'static str {
    text_of("key-", english)
}

/// A word of the board's own (a column's name, a view's title), keyed by
/// its English like the keymap's: `ui-` and the English (`words::key_id`).
pub fn ui(english: &'static str) -> &'static str {
    text_of("ui-", english)
}

fn text_of(prefix: &'static str, english: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    if english.is_empty() {
        return english;
    }
    type Ids = Mutex<HashMap<(&'static str, &'static str), &'static str>>;
    static IDS: OnceLock<Ids> = OnceLock::new();
    let id = {
        let mut ids = IDS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *ids.entry((prefix, english)).or_insert_with(|| {
            let id = format!("{prefix}{}", &key_id(english)["key-".len()..]);
            Box::leak(id.into_boxed_str())
        })
    };
    match word(id) {
        said if said == id => english,
        said => said,
    }
}

/// A day and a clock time as the reader writes them: `Mon 23 Nov 14:30`,
/// `11月23日 周一 14:30`.
pub fn day_and_clock(t: chrono::NaiveDateTime) -> String {
    use chrono::Datelike;
    match lang::current() {
        Lang::En => t.format("%a %d %b %H:%M").to_string(),
        Lang::ZhCn => {
            let day = WEEKDAYS_ZH[t.weekday().num_days_from_monday() as usize];
            format!("{} {day} {}", t.format("%-m月%-d日"), t.format("%H:%M"))
        }
    }
}

const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/// A day as the reader writes it: `23 Nov`, `11月23日`.
pub fn day(d: chrono::NaiveDate) -> String {
    match lang::current() {
        Lang::En => d.format("%d %b").to_string(),
        Lang::ZhCn => d.format("%-m月%-d日").to_string(),
    }
}

/// A day with its weekday: `Mon 23 Nov`, `11月23日 周一`.
pub fn weekday(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang::current() {
        Lang::En => d.format("%a %d %b").to_string(),
        Lang::ZhCn => format!(
            "{} {}",
            d.format("%-m月%-d日"),
            WEEKDAYS_ZH[d.weekday().num_days_from_monday() as usize]
        ),
    }
}

/// A day with its weekday and year: `Mon 23 Nov 2026`, `2026年11月23日 周一`.
pub fn weekday_year(d: chrono::NaiveDate) -> String {
    match lang::current() {
        Lang::En => d.format("%a %d %b %Y").to_string(),
        Lang::ZhCn => format!("{}年{}", d.format("%Y"), weekday(d)),
    }
}

/// How a moment reads in a message.
pub type Clock<'a> = &'a dyn Fn(DateTime<Utc>) -> String;

fn day_and_time(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&chrono::Local);
    match lang::current() {
        Lang::En => local.format("%d %b %H:%M").to_string(),
        Lang::ZhCn => local.format("%-m月%-d日 %H:%M").to_string(),
    }
}

fn value(arg: &Arg, clock: Clock) -> FluentValue<'static> {
    match arg {
        Arg::Text(t) => FluentValue::from(t.clone()),
        Arg::Num(n) => FluentValue::from(*n),
        Arg::Status(st) => FluentValue::from(st.label()),
        Arg::Via(via) => FluentValue::from(via.label()),
        Arg::Time(t) => FluentValue::from(clock(*t)),
        Arg::Money(minor, currency) => FluentValue::from(money(*minor, currency)),
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
    // Failed checklist items were recorded in the inspector's words; the
    // shipped checklist's are read in the reader's language.
    if let (Some(Arg::Text(items)), Some(Arg::Text(ids))) = (s.arg("items"), s.arg("ids")) {
        let said = super::labels::recorded_items(ids, items);
        if let Some(slot) = args.iter_mut().find(|(k, _)| *k == "items") {
            slot.1 = FluentValue::from(said);
        }
    }
    if let Some(n) = note {
        args.push(("note", FluentValue::from(n.to_string())));
    }
    let Some((b, msg)) = found(&s.id) else {
        return s.id.to_string();
    };
    let fargs = fluent_args(&args);
    let mut errors = Vec::new();
    let mut out = msg
        .value()
        .map(|p| b.format_pattern(p, Some(&fargs), &mut errors))
        .unwrap_or_default()
        .into_owned();
    let mut noted = false;
    for attr in msg.attributes() {
        if args.iter().any(|(k, _)| *k == attr.id()) {
            noted |= attr.id() == "note";
            out.push_str(&b.format_pattern(attr.value(), Some(&fargs), &mut errors));
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

    /// Each message of a catalogue (attributes included) with the
    /// variables it uses, read from the files as written.
    fn entries(files: &[(&str, &str)]) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut out = std::collections::BTreeMap::new();
        let mut current = String::new();
        for (_, text) in files {
            for line in text.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if !line.starts_with(' ')
                    && let Some((id, _)) = line.split_once(" =")
                {
                    current = id.trim().to_string();
                    out.insert(current.clone(), Vec::new());
                }
                let vars = out.get_mut(&current).expect("a line belongs to a message");
                for part in line.split('$').skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    vars.push(name);
                }
                vars.sort();
                vars.dedup();
            }
        }
        out
    }

    /// Issue 21: every message exists in both languages, builds, and uses
    /// the same arguments (none forgotten, none invented).
    #[test]
    fn both_catalogues_have_every_message_with_the_same_arguments() {
        build("zh-CN", ZH_CN).unwrap();
        let (en, zh) = (entries(EN), entries(ZH_CN));
        let missing: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let extra: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "not in zh-CN: {missing:?}");
        assert!(extra.is_empty(), "only in zh-CN: {extra:?}");
        for (id, vars) in &en {
            assert_eq!(&zh[id], vars, "{id} uses other arguments in zh-CN");
        }
        assert!(en.len() > 300, "{} messages", en.len());
    }

    #[test]
    fn chinese_reads_chinese_dates_money_and_states() {
        use crate::present::lang::{Lang, scoped};
        let s = Said::new("refusal-stale")
            .text("job", "J-000001")
            .num("seen", 3)
            .num("now", 4)
            .status("status", crate::domain::JobStatus::WaitingParts);
        let zh = scoped(Lang::ZhCn, || say(&s));
        assert_eq!(
            zh,
            "J-000001 在你查看后已变更（版本 3 → 4）；现为待料；未做任何更改"
        );
        assert_eq!(scoped(Lang::ZhCn, || money(128050, "CNY")), "¥1,280.50");
        assert_eq!(
            scoped(Lang::ZhCn, || money(-123456789, "CNY")),
            "¥-1,234,567.89"
        );
        assert_eq!(scoped(Lang::En, || money(128050, "CNY")), "CNY 1280.50");
        let t = DateTime::parse_from_rfc3339("2026-12-02T09:06:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let zh_time = scoped(Lang::ZhCn, || day_and_time(t));
        assert!(
            zh_time.starts_with("12月") && zh_time.contains('日'),
            "{zh_time}"
        );
        assert_eq!(
            scoped(Lang::ZhCn, || crate::domain::JobStatus::WaitingApproval
                .label()),
            "待客户确认"
        );
        assert_eq!(
            scoped(Lang::En, || crate::domain::JobStatus::WaitingApproval
                .label()),
            "waiting approval"
        );
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
