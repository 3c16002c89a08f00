//! Input rules shared by the CLI and the TUI forms, and display sanitising.
//!
//! Stored text is kept faithful: anything with control characters or
//! terminal escape sequences is rejected at input rather than altered.
//! Text read back from the database (which the stock `sqlite3` tool may have
//! written) is sanitised by [`display`] before it reaches a terminal.

use super::field::Field;
use super::names;
use super::refusal::Refusal;
use super::said::Said;
use std::borrow::Cow;

/// Limits in characters (not bytes), documented in the README.
pub mod limits {
    pub const NAME: usize = 60;
    pub const PLATE: usize = 16;
    pub const COMPLAINT: usize = 500;
    pub const NOTE: usize = 500;
    pub const REASON: usize = 300;
    pub const PART: usize = 120;
    pub const MAKE_MODEL: usize = 40;
    pub const PHONE: usize = 32;
    /// A key tag or a parking spot: what is written on a tag.
    pub const TAG: usize = 20;
    pub const SKILL: usize = 40;
    pub const QTY_MAX: i64 = 999;
    pub const ESTIMATE_HOURS_MAX: f64 = 200.0;
    pub const ODOMETER_MAX: i64 = 2_000_000;
    pub const ROAD_TEST_KM_MAX: f64 = 1_000.0;
}

/// A required single-line text: normalised (see [`names::normalise`]),
/// non-empty, within `max` characters counted after normalising.
pub fn required_text(field: Field, value: &str, max: usize) -> Result<String, Refusal> {
    required(field, value, max, false)
}

/// A person's name: like [`required_text`], with runs of spaces made one,
/// so "Chen  Li" and "Chen\u{a0}Li" are the one "Chen Li".
pub fn person_name(field: Field, value: &str) -> Result<String, Refusal> {
    let name = required(field, value, limits::NAME, true)?;
    let code = |c: char| format!("{:04X}", c as u32);
    let said = match names::name_problem(&name) {
        None => return Ok(name),
        Some(names::NameProblem::NotAllowed(c)) => {
            Said::new("problem-name-char").text("code", code(c))
        }
        Some(names::NameProblem::StrayMark(c)) => {
            Said::new("problem-name-mark").text("code", code(c))
        }
        Some(names::NameProblem::MixedScripts) => Said::new("problem-name-scripts"),
    };
    Err(Refusal::invalid(field, said))
}

fn required(field: Field, value: &str, max: usize, collapse: bool) -> Result<String, Refusal> {
    let v = clean(field, value, collapse)?;
    if v.is_empty() {
        return Err(Refusal::invalid(field, Said::new("problem-empty")));
    }
    bounded(field, v, max)
}

/// An optional text: empty means absent.
pub fn optional_text(
    field: Field,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, Refusal> {
    match value {
        None => Ok(None),
        Some(v) => {
            let v = clean(field, v, false)?;
            if v.is_empty() {
                Ok(None)
            } else {
                bounded(field, v, max).map(Some)
            }
        }
    }
}

fn clean(field: Field, value: &str, collapse: bool) -> Result<String, Refusal> {
    names::normalise(value, collapse).map_err(|bad| {
        let (id, c) = match bad {
            names::BadChar::Control(c) => ("problem-control-char", c),
            names::BadChar::Invisible(c) => ("problem-invisible-char", c),
        };
        Refusal::invalid(
            field,
            Said::new(id).text("code", format!("{:04X}", c as u32)),
        )
    })
}

fn bounded(field: Field, v: String, max: usize) -> Result<String, Refusal> {
    let n = v.chars().count();
    if n > max {
        return Err(Refusal::invalid(
            field,
            Said::new("problem-too-long")
                .num("n", n as i64)
                .num("max", max as i64),
        ));
    }
    Ok(v)
}

pub fn plate(value: &str) -> Result<String, Refusal> {
    let p = required_text(Field::Plate, value, limits::PLATE)?;
    Ok(names::upper_each(&p))
}

pub fn phone(value: Option<&str>) -> Result<Option<String>, Refusal> {
    let p = optional_text(Field::Phone, value, limits::PHONE)?;
    if let Some(p) = &p
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
    {
        return Err(Refusal::invalid(
            Field::Phone,
            Said::new("problem-phone-chars"),
        ));
    }
    Ok(p)
}

/// A PIN: 4 to 12 digits.
pub fn pin(p: &str) -> Result<String, Refusal> {
    let p = p.trim();
    if (4..=12).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) {
        Ok(p.to_string())
    } else {
        Err(Refusal::invalid(
            Field::Pin,
            Said::new("problem-pin-digits"),
        ))
    }
}

pub fn quantity(q: i64) -> Result<i64, Refusal> {
    if (1..=limits::QTY_MAX).contains(&q) {
        Ok(q)
    } else {
        Err(Refusal::invalid(
            Field::Quantity,
            Said::new("problem-whole-number-from-to")
                .num("min", 1)
                .num("max", limits::QTY_MAX),
        ))
    }
}

pub fn estimate_hours(h: f64) -> Result<f64, Refusal> {
    if h.is_finite() && h > 0.0 && h <= limits::ESTIMATE_HOURS_MAX {
        Ok(h)
    } else {
        Err(Refusal::invalid(
            Field::EstimateHours,
            Said::new("problem-more-than-0-at-most").num("max", limits::ESTIMATE_HOURS_MAX as i64),
        ))
    }
}

/// Sold or clocked hours on a line: more than 0, at most the estimate limit.
pub fn hours(field: Field, h: f64) -> Result<f64, Refusal> {
    if h.is_finite() && h > 0.0 && h <= limits::ESTIMATE_HOURS_MAX {
        Ok(h)
    } else {
        Err(Refusal::invalid(
            field,
            Said::new("problem-more-than-0-at-most").num("max", limits::ESTIMATE_HOURS_MAX as i64),
        ))
    }
}

pub fn year(y: i64, this_year: i64) -> Result<i64, Refusal> {
    if (1900..=this_year + 1).contains(&y) {
        Ok(y)
    } else {
        Err(Refusal::invalid(
            Field::Year,
            Said::new("problem-between")
                .num("min", 1900)
                .num("max", this_year + 1),
        ))
    }
}

pub fn odometer(km: i64) -> Result<i64, Refusal> {
    if (0..=limits::ODOMETER_MAX).contains(&km) {
        Ok(km)
    } else {
        Err(Refusal::invalid(
            Field::Odometer,
            Said::new("problem-between-km")
                .num("min", 0)
                .num("max", limits::ODOMETER_MAX),
        ))
    }
}

pub fn road_test_km(km: f64) -> Result<f64, Refusal> {
    if km.is_finite() && km > 0.0 && km <= limits::ROAD_TEST_KM_MAX {
        Ok(km)
    } else {
        Err(Refusal::invalid(
            Field::RoadTestKm,
            Said::new("problem-more-than-0-at-most").num("max", limits::ROAD_TEST_KM_MAX as i64),
        ))
    }
}

/// Text from the database made safe for one line of a terminal: see
/// `crate::sanitise`, where every output's sanitiser lives.
pub fn display(text: &str) -> Cow<'_, str> {
    crate::sanitise::line(text)
}

/// An IANA zone name as `TZ` takes it (`Asia/Shanghai`, `UTC`): letters,
/// digits, `_+-` and `/` between parts, no `..`; `on_file` says whether
/// the system's zone files have it. The zone files' other trees are not
/// places: `right/` counts leap seconds (a clock 27 s off), `posix/` and
/// `Factory` are not a shop's.
pub fn zone_known(zone: &str, on_file: bool) -> bool {
    let other_tree = ["right/", "posix/"].iter().any(|t| zone.starts_with(t)) || zone == "Factory";
    let shaped = !zone.is_empty()
        && !other_tree
        && zone.len() <= 64
        && !zone.starts_with('/')
        && zone.split('/').all(|p| {
            !p.is_empty()
                && p != ".."
                && p != "."
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
        });
    shaped && on_file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(
            required_text(Field::Part, "  brake pads ", 20).unwrap(),
            "brake pads"
        );
        assert!(
            required_text(Field::Part, "   ", 20)
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        let long = "x".repeat(21);
        let e = required_text(Field::Part, &long, 20)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("21 characters") && e.contains("at most 20"),
            "{e}"
        );
        // Characters, not bytes: 16 CJK characters fit a 16-character limit.
        assert!(required_text(Field::Plate, &"粤".repeat(16), 16).is_ok());
    }

    #[test]
    fn control_characters_and_escapes_are_refused() {
        for bad in [
            "a\u{1b}[2Jb",
            "line\nbreak",
            "tab\there",
            "bell\u{7}",
            "\u{202E}evil",
            "nul\0",
        ] {
            assert!(required_text(Field::Note, bad, 100).is_err(), "{bad:?}");
        }
        assert_eq!(optional_text(Field::Note, Some("  "), 10).unwrap(), None);
    }

    #[test]
    fn display_neutralises_what_the_database_holds() {
        assert_eq!(display("粤B·12345"), "粤B·12345");
        let shown = display("x\u{1b}[31mred\u{7}");
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
        assert!(shown.contains("red"));
    }

    #[test]
    fn numbers_are_bounded() {
        assert!(quantity(0).is_err());
        assert!(quantity(-3).is_err());
        assert!(quantity(1000).is_err());
        assert_eq!(quantity(4).unwrap(), 4);
        assert!(estimate_hours(0.0).is_err());
        assert!(estimate_hours(f64::NAN).is_err());
        assert!(estimate_hours(-1.0).is_err());
        assert!(estimate_hours(1.5).is_ok());
        assert!(year(1850, 2026).is_err());
        assert!(year(2028, 2026).is_err());
        assert!(year(2027, 2026).is_ok());
        assert!(odometer(-1).is_err());
        assert!(road_test_km(0.0).is_err());
        assert!(road_test_km(12.5).is_ok());
    }

    #[test]
    fn plates_are_upper_cased_and_phones_checked() {
        assert_eq!(plate(" abc-1234 ").unwrap(), "ABC-1234");
        assert!(phone(Some("+44 (0)20 7946 0000")).is_ok());
        assert!(phone(Some("call me")).is_err());
    }
}
