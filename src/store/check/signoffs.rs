//! Sign-offs against the chain: every event by a person who kept a PIN at
//! the time must carry the proof of that PIN, every PIN on file must be the
//! one its last `pin_set` event fingerprinted, every QC inspection must be
//! the one its signing event covers, every person's name and roles must be
//! as their `staff_added` event recorded them, and the PIN rule as its last
//! `pins_required` event set it.

use crate::domain::{Arg, Said};
use crate::error::Result;
use crate::store::chain::{self, Walk};
use rusqlite::Connection;
use std::collections::HashMap;

/// The subject's name and key fingerprint from a PIN event's note, as
/// bayboard wrote it before events kept their facts (schema 9).
pub fn pin_note(note: &str) -> (&str, Option<&str>) {
    match note.rsplit_once(" · key ") {
        Some((name, key)) => (name, Some(key)),
        None => (note, None),
    }
}

/// A set-up event's facts by name: from what it says (schema 9 on), or
/// from the note written before.
struct Facts {
    said: Option<Said>,
    note: Option<String>,
}

impl Facts {
    fn of(e: &chain::Link) -> Self {
        let said = e
            .params
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .and_then(|v| Said::from_json(&v));
        Facts {
            said,
            note: e.note.clone(),
        }
    }

    fn text(&self, name: &str) -> Option<String> {
        match self.said.as_ref()?.arg(name)? {
            Arg::Text(t) => Some(t.clone()),
            _ => None,
        }
    }

    /// "Chen Li (foreman, qc)", as `staff_added` recorded the person.
    fn person(&self) -> Option<String> {
        match &self.said {
            Some(_) => Some(format!("{} ({})", self.text("name")?, self.text("roles")?)),
            None => self.note.clone(),
        }
    }

    /// The staff row the event is about (events from issue 20 on).
    fn staff_id(&self) -> Option<i64> {
        match self.said.as_ref()?.arg("staff")? {
            Arg::Num(n) => Some(*n),
            _ => None,
        }
    }

    fn rule(&self) -> Option<String> {
        match &self.said {
            Some(_) => self.text("rule"),
            None => self.note.clone(),
        }
    }

    /// The PIN event's subject and the key it set.
    fn pin_subject(&self) -> Option<(String, Option<String>)> {
        match &self.said {
            Some(_) => Some((self.text("name")?, self.text("key"))),
            None => {
                let (name, key) = pin_note(self.note.as_deref()?);
                Some((name.to_string(), key.map(str::to_string)))
            }
        }
    }
}

/// Staff ids by name, and each id's name and PIN hash.
#[allow(clippy::type_complexity)]
fn staff(
    conn: &Connection,
) -> Result<(HashMap<String, i64>, HashMap<i64, (String, Option<String>)>)> {
    let mut names = HashMap::new();
    let mut by_id = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, name, pin_hash FROM staff")?;
    for row in stmt.query_map([], |r| {
        // A name that is not text is named by `check`'s value rules; here
        // it is read as best it can be, so the chain is still walked.
        let name = crate::store::queries::lossy_text(r, 1)?
            .unwrap_or_else(Some)
            .unwrap_or_default();
        Ok((
            r.get::<_, i64>(0)?,
            name,
            r.get::<_, Option<String>>(2).ok().flatten(),
        ))
    })? {
        let (id, name, hash) = row?;
        names.insert(name.clone(), id);
        by_id.insert(id, (name, hash));
    }
    Ok((names, by_id))
}

pub fn walk(
    conn: &Connection,
    key: Option<&crate::store::key::ShopKey>,
) -> Result<(Walk, Vec<String>)> {
    let (names, by_id) = staff(conn)?;
    // staff id → (event that set the PIN, its key fingerprint if recorded)
    let mut kept: HashMap<i64, (i64, Option<String>)> = HashMap::new();
    let mut problems = Vec::new();
    let mut added: std::collections::HashSet<String> = std::collections::HashSet::new();
    // Staff id → the person as their own `staff_added` event recorded them.
    let mut added_as: HashMap<i64, String> = HashMap::new();
    let mut policy = "none".to_string();
    let name_of = |id: i64| {
        by_id
            .get(&id)
            .map_or(format!("staff {id}"), |s| s.0.clone())
    };
    let walk = chain::walk(conn, false, key, |e: &chain::Link| {
        if let Some(actor) = e.actor_id
            && let Some((since, key)) = kept.get(&actor)
        {
            match (&e.signed, key) {
                (None, _) => problems.push(format!(
                    "event #{} ({}) by {} carries no PIN proof, though they kept a PIN since \
                     event #{since}: the PIN was bypassed outside bayboard",
                    e.id,
                    e.kind,
                    name_of(actor)
                )),
                (Some(used), Some(key)) if used != key => problems.push(format!(
                    "event #{} ({}) by {} was signed with another PIN than the one set at event \
                     #{since}: a PIN was swapped in outside bayboard",
                    e.id,
                    e.kind,
                    name_of(actor)
                )),
                _ => {}
            }
        }
        let facts = Facts::of(e);
        match e.kind.as_str() {
            "staff_added" => {
                if let (Some(id), Some(p)) = (facts.staff_id(), facts.person()) {
                    added_as.insert(id, p);
                } else {
                    added.extend(facts.person());
                }
            }
            "pins_required" => policy = facts.rule().unwrap_or(policy.clone()),
            _ => {}
        }
        match (e.kind.as_str(), facts.pin_subject()) {
            ("pin_set", Some((name, key))) => {
                if let Some(id) = facts.staff_id().or_else(|| names.get(&name).copied()) {
                    kept.insert(id, (e.id, key));
                }
            }
            ("pin_cleared", Some((name, _))) => {
                if let Some(id) = facts.staff_id().or_else(|| names.get(&name).copied()) {
                    kept.remove(&id);
                }
            }
            _ => {}
        }
    })?;
    for (id, (name, hash)) in &by_id {
        match (hash, kept.get(id)) {
            (Some(_), None) => problems.push(format!(
                "{name} has a PIN on file that no event set: it was written outside bayboard"
            )),
            (None, Some((since, _))) => problems.push(format!(
                "{name}'s PIN (set at event #{since}) is gone from the file without an event: \
                 it was removed outside bayboard"
            )),
            (Some(h), Some((since, Some(key)))) if chain::key_print(h) != *key => {
                problems.push(format!(
                    "{name}'s PIN on file is not the one set at event #{since}: \
                     it was replaced outside bayboard"
                ))
            }
            _ => {}
        }
    }
    problems.extend(staff_records(conn, &added_as, &added)?);
    let now: String = conn.query_row("SELECT require_pins FROM shop WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    if now != policy {
        problems.push(format!(
            "the shop asks for PINs from '{now}', but its last recorded rule is '{policy}': it \
             was changed outside bayboard"
        ));
    }
    problems.extend(unmatched_signoffs(conn)?);
    Ok((walk, problems))
}

/// Each person's row against their own `staff_added` event (by id, from
/// issue 20 on), or, for people added before, against any event's record.
fn staff_records(
    conn: &Connection,
    added_as: &HashMap<i64, String>,
    added: &std::collections::HashSet<String>,
) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for s in crate::store::staff_list(conn)? {
        // As `add_staff` records it: roles in their fixed order.
        let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
        let person = format!("{} ({})", s.name, roles.join(", "));
        if let Some(was) = added_as.get(&s.id) {
            if *was != person {
                problems.push(format!(
                    "staff row {} reads {person}, but it was added as {was}: a name or a role \
                     was changed outside bayboard",
                    s.id
                ));
            }
        } else if !added.contains(&person) {
            problems.push(format!(
                "the staff record {person} matches no staff_added event: a name or a role was \
                 changed outside bayboard"
            ));
        }
    }
    Ok(problems)
}

/// Inspections without their signing event, and QC events without the
/// inspection they sign.
fn unmatched_signoffs(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT 'inspection ' || q.id || ' (' || q.level || ') of J-' || q.job_id || ' at '
                || q.created_at || ' has no signing event by its inspector'
           FROM qc_inspections q
          WHERE NOT EXISTS (SELECT 1 FROM events e
                             WHERE e.job_id = q.job_id AND e.at = q.created_at
                               AND e.actor_id = q.inspector_id
                               AND e.kind IN (CASE q.level WHEN 'final' THEN 'qc_passed'
                                                           WHEN 'peer' THEN 'peer_passed'
                                                           ELSE 'finished' END,
                                              CASE q.level WHEN 'final' THEN 'qc_failed'
                                                           WHEN 'peer' THEN 'peer_failed'
                                                           ELSE 'self_check_failed' END))
         UNION ALL
         SELECT 'event #' || e.id || ' (' || e.kind || ' of J-' || e.job_id || ' at ' || e.at
                || ') signs no inspection: an event appended outside bayboard'
           FROM events e
          WHERE e.kind IN ('qc_passed','qc_failed','peer_passed','peer_failed','self_check_failed')
            AND NOT EXISTS (SELECT 1 FROM qc_inspections q
                             WHERE q.job_id = e.job_id AND q.created_at = e.at
                               AND q.inspector_id = e.actor_id
                               AND q.level = CASE WHEN e.kind LIKE 'qc_%' THEN 'final'
                                                  WHEN e.kind LIKE 'peer_%' THEN 'peer'
                                                  ELSE 'self' END)",
    )?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        problems.push(format!("a sign-off does not match its event: {}", row?));
    }
    Ok(problems)
}
