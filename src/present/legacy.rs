//! Notes bayboard wrote before events kept their facts (schema 9), read
//! back as facts where their shape is certain, so that older history, too,
//! reads in the person's language. A note is taken only when saying the
//! facts in English gives back exactly the note as written; anything else
//! is shown as it was written. The stored notes are never rewritten: the
//! event chain covers them.

use super::words::say_with;
use crate::domain::{PartKind, Said, Via};

/// The facts of an old note and what a person typed with it, if the note
/// has a shape bayboard wrote.
pub fn said(kind: &str, note: &str) -> Option<(Said, Option<String>)> {
    let (said, typed) = parse(kind, note)?;
    let iso = |t| crate::store::ts(t);
    // The notes were written in English: the facts are taken only when
    // English gives the note back, whatever language the reader reads.
    let english = super::lang::scoped(super::lang::Lang::En, || {
        say_with(&said, typed.as_deref(), &iso)
    });
    (english == note).then_some((said, typed))
}

/// Splits off what a person typed after `sep`, if anything.
fn typed<'a>(note: &'a str, sep: &str) -> (&'a str, Option<String>) {
    match note.split_once(sep) {
        Some((head, tail)) => (head, Some(tail.to_string())),
        None => (note, None),
    }
}

/// "L-7 Air conditioning blows warm" → the label and the work.
fn labelled(text: &str) -> Option<(&str, &str)> {
    text.split_once(' ')
}

fn parse(kind: &str, note: &str) -> Option<(Said, Option<String>)> {
    let plain = |said: Said| Some((said, None));
    match kind {
        "dispatched" => {
            let (bay, tech) = note.strip_prefix("bay ")?.split_once(", technician ")?;
            plain(
                Said::new("event-dispatched")
                    .text("bay", bay)
                    .text("tech", tech),
            )
        }
        "line_done" | "line_reopened" => {
            let (id, word) = match kind {
                "line_done" => ("event-line-done", " done"),
                _ => ("event-line-reopened", " reopened"),
            };
            let (line, work) = labelled(note.strip_suffix(word)?)?;
            plain(Said::new(id).text("line", line).text("work", work))
        }
        "washed" => plain(Said::new("event-washed")),
        "qc_passed" => plain(Said::new("event-qc-passed")),
        "priority" => {
            let (from, to) = note.split_once(" → ")?;
            plain(
                Said::new("event-priority")
                    .text("from", from)
                    .text("to", to),
            )
        }
        "shop_renamed" => plain(Said::new("event-shop-renamed").text("name", note)),
        "pin_cleared" | "pin_unlocked" => plain(Said::new("event-pin-person").text("name", note)),
        "pins_required" => plain(Said::new("event-pin-rule").text("rule", note)),
        "pin_set" => {
            let (name, key) = note.rsplit_once(" · key ")?;
            plain(
                Said::new("event-pin-set")
                    .text("name", name)
                    .text("key", key),
            )
        }
        "staff_added" | "bay_added" => {
            let (name, what) = note.strip_suffix(')')?.rsplit_once(" (")?;
            plain(match kind {
                "staff_added" => Said::new("event-staff-added")
                    .text("name", name)
                    .text("roles", what),
                _ => Said::new("event-bay-added")
                    .text("bay", name)
                    .text("kind", what),
            })
        }
        _ => lines(kind, note),
    }
}

fn lines(kind: &str, note: &str) -> Option<(Said, Option<String>)> {
    match kind {
        "created" => {
            let (rest, comeback) = match note.rsplit_once(" · comeback of ") {
                Some((r, j)) => (r, Some(j)),
                None => (note, None),
            };
            let (complaints, corrected) = match rest.split_once(" · odometer corrected: ") {
                Some((c, why)) => (c, Some(why)),
                None => (rest, None),
            };
            let said = Said::new("event-created")
                .text("complaints", complaints)
                .opt("corrected", corrected)
                .opt("comeback", comeback);
            Some((said, None))
        }
        "line_priced" => {
            let (head, typed) = match note.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
                Some((h, r)) => (h, Some(r.to_string())),
                None => (note, None),
            };
            let (line_work, change) = head.rsplit_once(": ")?;
            let (before, after) = change.split_once(" → ")?;
            let (line, work) = labelled(line_work)?;
            let said = Said::new("event-line-priced")
                .text("line", line)
                .text("work", work)
                .said("before", sold(before)?)
                .said("after", sold(after)?);
            Some((said, typed))
        }
        "line_approved" | "line_declined" | "approval_cleared" => {
            let (head, typed) = typed(note, ": ");
            let (line_work, decided) = head.rsplit_once(" — ")?;
            let (decision, rest) = decided.split_once(" by ")?;
            let (via, customer) = [Via::Phone, Via::InPerson, Via::Message]
                .into_iter()
                .find_map(|v| Some((v, rest.strip_suffix(v.label())?.strip_suffix(' ')?)))?;
            let (line, work) = labelled(line_work)?;
            let said = Said::new("event-line-decided")
                .text("line", line)
                .text("work", work)
                .text("decision", decision)
                .text("customer", customer)
                .via("via", Some(via));
            Some((said, typed))
        }
        _ => aftersales(kind, note),
    }
}

/// "2.5 h + CNY 860.00", "1.8 h", "CNY 120.00" or "—".
fn sold(text: &str) -> Option<Said> {
    let money = |t: &str| {
        let (code, amount) = t.split_once(' ')?;
        let minor = crate::domain::money::parse(crate::domain::Field::Amount, amount, code).ok()?;
        Some((minor, code.to_string()))
    };
    let said = Said::new("line-sold");
    Some(if text == "—" {
        said.text("what", "none")
    } else if let Some((h, m)) = text.split_once(" h + ") {
        let (minor, code) = money(m)?;
        said.text("what", "both")
            .text("hours", h)
            .money("amount", minor, &code)
    } else if let Some(h) = text.strip_suffix(" h") {
        said.text("what", "hours").text("hours", h)
    } else {
        let (minor, code) = money(text)?;
        said.text("what", "amount").money("amount", minor, &code)
    })
}

fn aftersales(kind: &str, note: &str) -> Option<(Said, Option<String>)> {
    match kind {
        "complaint_acknowledged" | "complaint_resolved" | "complaint_closed" => {
            let (head, typed) = typed(note, " — ");
            let (complaint, to) = head.split_once(' ')?;
            let said = Said::new("event-complaint-step")
                .text("complaint", complaint)
                .text("to", to);
            Some((said, typed))
        }
        "followup_reached" => {
            let (head, typed) = typed(note, " — ");
            let score = match head.strip_prefix("reached, satisfaction ") {
                Some(s) => Some(s.strip_suffix("/5")?.parse::<i64>().ok()?),
                None => None,
            };
            Some((
                Said::new("event-followup-reached").opt("score", score),
                typed,
            ))
        }
        "followup_missed" => {
            let (head, typed) = typed(note, " — ");
            let said = match head.strip_prefix("not reached (try ") {
                Some(n) => Said::new("event-followup-missed")
                    .num("try", n.strip_suffix(')')?.parse().ok()?),
                None => {
                    let tries = head.strip_prefix("not reached (")?.split_once(' ')?.0;
                    Said::new("event-followup-unreachable").num("tries", tries.parse().ok()?)
                }
            };
            Some((said, typed))
        }
        "appt_booked" => {
            let (appt_plate, work) = note.split_once(": ")?;
            let (appt, plate) = appt_plate.split_once(' ')?;
            let said = Said::new("event-appt-booked")
                .text("appt", appt)
                .text("plate", plate)
                .text("work", work);
            Some((said, None))
        }
        "qc_failed" => {
            let (items, typed) = typed(note.strip_prefix("rework: ")?, " — ");
            Some((Said::new("event-qc-failed").text("items", items), typed))
        }
        "parts_logged" | "waiting_parts" => {
            let (head, blocking) = match note.strip_suffix(", blocking)") {
                Some(h) => (h, "yes"),
                None => (note.strip_suffix(')')?, "no"),
            };
            let (rest, kind_words) = head.rsplit_once(" (")?;
            let kind = PartKind::ALL
                .into_iter()
                .find(|k| k.label() == kind_words)?;
            let (part_what, qty) = rest.rsplit_once(" ×")?;
            let (part, what) = labelled(part_what)?;
            let said = Said::new("event-parts-logged")
                .text("part", part)
                .text("what", what)
                .num("qty", qty.parse().ok()?)
                .label("kind", "part_kind", kind.as_str())
                .text("blocking", blocking);
            Some((said, None))
        }
        "appt_arrived" => {
            let (appt, job) = note.split_once(" arrived as ")?;
            Some((
                Said::new("event-appt-arrived")
                    .text("appt", appt)
                    .text("job", job),
                None,
            ))
        }
        "appt_no_show" | "appt_cancelled" => {
            let (appt, plate) = note.split_once(' ')?;
            Some((
                Said::new("event-appt-closed")
                    .text("appt", appt)
                    .text("plate", plate),
                None,
            ))
        }
        _ => parts(kind, note),
    }
}

fn parts(kind: &str, note: &str) -> Option<(Said, Option<String>)> {
    let to = kind
        .strip_prefix("parts_")
        .filter(|to| ["ordered", "received", "resolved", "cancelled", "cleared"].contains(to))?;
    let (head, typed) = typed(note, ": ");
    let (head, eta) = match head.rsplit_once(", ETA ") {
        Some((h, t)) => (h, Some(crate::store::parse_ts(t)?)),
        None => (head, None),
    };
    // A cleared hold repeats the note of the update that cleared it.
    let (rest, to) = match to {
        "cleared" => head.rsplit_once(' ')?,
        _ => (head.strip_suffix(to)?.strip_suffix(' ')?, to),
    };
    let (part, what) = labelled(rest)?;
    let said = Said::new("event-parts-updated")
        .text("part", part)
        .text("what", what);
    let mut said = match to.parse::<crate::domain::PartStatus>() {
        Ok(status) => said.label("to", "part_status", status.as_str()),
        Err(_) => said.text("to", to),
    };
    if let Some(t) = eta {
        said = said.time("eta", t);
    }
    Some((said, typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Notes as the demo shop of release 2 wrote them.
    const OLD: &[(&str, &str)] = &[
        ("dispatched", "bay B3, technician 张敏"),
        ("line_done", "L-27 Annual service and oil change done"),
        ("line_reopened", "L-3 Cabin filter clogged reopened"),
        ("washed", "washed for hand-over"),
        ("qc_passed", "all items pass or n/a"),
        ("priority", "normal → urgent"),
        ("staff_added", "Chen Li (foreman, qc)"),
        ("bay_added", "B1 (mechanical)"),
        ("pin_set", "Quinn · key 0a1b2c3d4e5f"),
        ("pins_required", "signoffs"),
        ("complaint_acknowledged", "C-1 acknowledged"),
        ("complaint_closed", "C-4 closed — customer happy now"),
        (
            "followup_reached",
            "reached, satisfaction 4/5 — happy with the work",
        ),
        ("followup_reached", "reached"),
        ("followup_missed", "not reached (try 2) — no answer"),
        (
            "followup_missed",
            "not reached (3 tries): unreachable — no answer",
        ),
        ("appt_arrived", "A-3 arrived as J-000254"),
        ("appt_no_show", "A-1 桂A·3H8P1"),
        (
            "parts_ordered",
            "P-1 Headlamp unit ordered, ETA 2026-10-26T13:47:00.000Z",
        ),
        ("parts_received", "P-2 Brake disc, front received"),
        ("parts_resolved", "P-1 Headlamp unit resolved: fitted"),
        (
            "parts_cleared",
            "P-40 Rear brake caliper resolved, ETA 2026-12-02T19:09:00.000Z: fitted",
        ),
        ("created", "Brake pedal soft; grinding from rear"),
        ("appt_booked", "A-2 GK17 NBV: Clutch judder, first gear"),
        (
            "qc_failed",
            "rework: Wheel nuts torqued to specification (if wheels were removed)",
        ),
        (
            "qc_failed",
            "rework: No new damage; covers removed — Paint run on the lower edge",
        ),
        (
            "parts_logged",
            "P-2 Brake disc, front ×1 (wrong part, blocking)",
        ),
        ("waiting_parts", "P-3 Oil filter ×2 (out of stock)"),
        (
            "created",
            "Noise again · odometer corrected: new cluster · comeback of J-000051",
        ),
        (
            "line_priced",
            "L-1 Brake pedal soft; grinding from rear: — → 2.5 h + CNY 860.00",
        ),
        ("line_priced", "L-7 Air conditioning blows warm: — → 1.8 h"),
        ("line_priced", "L-9 Pads: 1 h → CNY 120.00 (seized caliper)"),
        (
            "line_declined",
            "L-74 Front brake pads worn to 2 mm — declined by Oliver Grant by phone",
        ),
        (
            "line_approved",
            "L-44 Wiper blades split — approved by 孙丽 in person: go ahead",
        ),
    ];

    #[test]
    fn old_notes_read_back_as_facts_that_say_them_word_for_word() {
        for (kind, note) in OLD {
            let (said, typed) = said(kind, note).unwrap_or_else(|| panic!("{kind}: {note}"));
            let iso = |t| crate::store::ts(t);
            assert_eq!(say_with(&said, typed.as_deref(), &iso), *note, "{kind}");
        }
    }

    #[test]
    fn notes_of_another_shape_are_shown_as_written() {
        assert!(said("dispatched", "moved by hand").is_none());
        assert!(said("line_done", "L-3 done by Tom").is_none());
        assert!(said("parts_ordered", "P-1 ordered, ETA soon").is_none());
        assert!(said("started", "back from lunch").is_none());
    }
}
