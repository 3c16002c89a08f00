//! The event log as a hash chain: each event's `hash` is SHA-256 over the
//! previous event's hash and the event's own fields, and a QC event also
//! covers the inspection and items it records. Rewriting, removing or
//! inserting an event (or a sign-off's inspection) breaks every hash after
//! it, which `bayboard check` recomputes. Someone with write access can
//! rebuild the whole chain; a head noted elsewhere, or a backup, shows that.

use super::WriteTx;
use super::key::ShopKey;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// The hash the first event chains to.
pub const GENESIS: [u8; 32] = [0; 32];

/// The event kinds that sign an inspection: QC's, the peer check's, the
/// self-check's (a finish before inspection levels signed none: it covers
/// nothing, so its hash is as it was).
pub const QC_KINDS: [&str; 6] = [
    "qc_passed",
    "qc_failed",
    "peer_passed",
    "peer_failed",
    "finished",
    "self_check_failed",
];

/// An event's hashed fields, as stored.
#[derive(Debug, Clone)]
pub struct Link {
    pub id: i64,
    pub at: String,
    pub actor_id: Option<i64>,
    pub job_id: Option<i64>,
    pub kind: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: Option<String>,
    /// The fingerprint of the PIN the actor proved (`key_print`), if any.
    pub signed: Option<String>,
    /// What happened, as data (schema 9 on); absent on earlier events.
    pub params: Option<String>,
    /// Who set the PIN that signed this event, when it was not the actor
    /// (schema 11 on): such a sign-off is marked until they set their own.
    pub pin_by: Option<i64>,
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A short fingerprint of a stored PIN hash, recorded in the `pin_set`
/// event so that `check` notices a hash swapped in outside bayboard.
pub fn key_print(pin_hash: &str) -> String {
    hex(&Sha256::digest(pin_hash.as_bytes())[..6])
}

pub fn unhex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn part(h: &mut Sha256, bytes: Option<&[u8]>) {
    // A length prefix (and a distinct one for "absent") so that no two
    // different field lists hash the same bytes.
    match bytes {
        None => h.update(u64::MAX.to_le_bytes()),
        Some(b) => {
            h.update((b.len() as u64).to_le_bytes());
            h.update(b);
        }
    }
}

pub fn digest(prev: &[u8; 32], e: &Link, covered: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    let num = |v: Option<i64>| v.map(|n| n.to_string());
    part(&mut h, Some(e.id.to_string().as_bytes()));
    part(&mut h, Some(e.at.as_bytes()));
    part(&mut h, num(e.actor_id).as_deref().map(str::as_bytes));
    part(&mut h, num(e.job_id).as_deref().map(str::as_bytes));
    part(&mut h, Some(e.kind.as_bytes()));
    part(&mut h, e.from.as_deref().map(str::as_bytes));
    part(&mut h, e.to.as_deref().map(str::as_bytes));
    part(&mut h, e.note.as_deref().map(str::as_bytes));
    part(&mut h, e.signed.as_deref().map(str::as_bytes));
    part(&mut h, Some(covered.as_bytes()));
    // Hashed only when present, so the links written before schema 9 keep
    // the hashes they were written with.
    if let Some(p) = &e.params {
        part(&mut h, Some(p.as_bytes()));
    }
    if let Some(by) = e.pin_by {
        // A distinct tag, so this can never read as a params text.
        h.update(b"pin_by");
        part(&mut h, Some(by.to_string().as_bytes()));
    }
    h.finalize().into()
}

/// What a QC event vouches for: the inspection(s) of its job recorded at
/// the same moment, with every item, as one canonical text.
pub fn covered(conn: &Connection, e: &Link) -> Result<String> {
    let Some(job) = e.job_id.filter(|_| QC_KINDS.contains(&e.kind.as_str())) else {
        return Ok(String::new());
    };
    // The level and result the kind signs: a failed self-check and the
    // finish after it may share a moment, and each signs its own.
    let signs = match e.kind.as_str() {
        "qc_passed" => ("final", "pass"),
        "qc_failed" => ("final", "fail"),
        "peer_passed" => ("peer", "pass"),
        "peer_failed" => ("peer", "fail"),
        "finished" => ("self", "pass"),
        _ => ("self", "fail"),
    };
    let mut out = String::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, inspector_id, result, road_test_done, quote(road_test_km), quote(note),
                CASE level WHEN 'final' THEN '' ELSE ' level ' || level END
           FROM qc_inspections WHERE job_id = ?1 AND created_at = ?2
            AND level = ?3 AND result = ?4
          ORDER BY id",
    )?;
    let heads = stmt
        .query_map(params![job, e.at, signs.0, signs.1], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                format!(
                    "inspection {} by {} {} road {} {} {}{}",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?
                ),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = conn.prepare_cached(
        "SELECT item_id, quote(text), required, result, quote(note)
           FROM qc_items WHERE inspection_id = ?1 ORDER BY position",
    )?;
    for (id, head) in heads {
        out.push_str(&head);
        out.push('\n');
        for row in items.query_map([id], |r| {
            Ok(format!(
                "  {} {} {} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?
            ))
        })? {
            out.push_str(&row?);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The newest event's id and hash (the chain's head), if any.
pub fn head(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, coalesce(hash, '') FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn prev_hash(conn: &Connection) -> Result<(i64, [u8; 32])> {
    Ok(match head(conn)? {
        None => (0, GENESIS),
        Some((id, h)) => (id, unhex(&h).unwrap_or(GENESIS)),
    })
}

/// Appends one event as the chain's next link. The id is chosen here (the
/// write lock is held), since the hash covers it and the row cannot be
/// updated once written.
pub(crate) fn append(conn: &WriteTx, mut link: Link) -> Result<i64> {
    let (last, prev) = prev_hash(conn)?;
    link.id = last + 1;
    let hash = digest(&prev, &link, &covered(conn, &link)?);
    let mac = conn.key().sign(&hash);
    conn.prepare_cached(
        "INSERT INTO events (id, at, actor_id, job_id, kind, from_status, to_status, note,
                             signed_key, hash, params, pin_by, mac)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        link.id,
        link.at,
        link.actor_id,
        link.job_id,
        link.kind,
        link.from,
        link.to,
        link.note,
        link.signed,
        hex(&hash),
        link.params,
        link.pin_by,
        mac
    ])?;
    Ok(link.id)
}

/// The links as this schema has them: the migrations that chain and check
/// the log run before `params` (9), `pin_by` and `mac` (11) exist.
fn links(conn: &Connection) -> Result<String> {
    let has = |column: &str| -> Result<bool> {
        Ok(conn.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info('events') WHERE name = ?1",
            [column],
            |r| r.get(0),
        )?)
    };
    let or_null = |column: &'static str| -> Result<&'static str> {
        Ok(if has(column)? { column } else { "NULL" })
    };
    Ok(format!(
        "SELECT id, at, actor_id, job_id, kind, from_status, to_status, note,
                signed_key, hash, {}, {}, {}
           FROM events ORDER BY id",
        or_null("params")?,
        or_null("pin_by")?,
        or_null("mac")?
    ))
}

fn link_row(r: &rusqlite::Row) -> rusqlite::Result<(Link, Option<String>)> {
    Ok((
        Link {
            id: r.get(0)?,
            at: r.get(1)?,
            actor_id: r.get(2)?,
            job_id: r.get(3)?,
            kind: r.get(4)?,
            from: r.get(5)?,
            to: r.get(6)?,
            note: r.get(7)?,
            signed: r.get(8)?,
            params: r.get(10)?,
            pin_by: r.get(11)?,
        },
        r.get(9)?,
    ))
}

/// Fills in the hashes of events written before the chain existed (the
/// migration that introduced it), in id order.
pub fn backfill(conn: &Connection) -> Result<()> {
    // Events from before the chain did not record the key; the PIN their
    // actor keeps now is the best record there is.
    let mut keys = std::collections::HashMap::new();
    let mut stmt = conn.prepare("SELECT id, pin_hash FROM staff WHERE pin_hash IS NOT NULL")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, hash) = row?;
        keys.insert(id, key_print(&hash));
    }
    let mut prev = GENESIS;
    let mut read = conn.prepare(&links(conn)?)?;
    let mut write = conn.prepare("UPDATE events SET hash = ?2, signed_key = ?3 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let (mut link, _) = link_row(row)?;
        link.signed = link.actor_id.and_then(|a| keys.get(&a).cloned());
        let h = digest(&prev, &link, &covered(conn, &link)?);
        write.execute(params![link.id, hex(&h), link.signed])?;
        prev = h;
    }
    Ok(())
}

/// The chain as found: how many links, the head, and the links whose
/// stored hash is not what their content and predecessor give (each break
/// is found on its own: the walk goes on from the stored hash).
#[derive(Debug, Clone, Default)]
pub struct Walk {
    pub links: i64,
    pub head: Option<(i64, String)>,
    pub breaks: Vec<String>,
    /// (id, stored hash) of every link, kept only when asked for.
    pub hashes: Vec<(i64, String)>,
    pub signatures: Signatures,
}

/// The events' signatures under the shop key, as the walk found them.
#[derive(Debug, Clone, Default)]
pub struct Signatures {
    /// Events carrying a signature.
    pub signed: i64,
    /// Events before the first signed one (written before schema 11).
    pub before: i64,
    /// Whether the signatures were checked (the key could be read).
    pub verified: bool,
    /// Events unsigned after signing began, or signed under another key.
    pub forged: Vec<String>,
}

impl Signatures {
    fn see(
        &mut self,
        link: &Link,
        hash: Option<[u8; 32]>,
        mac: Option<&str>,
        key: Option<&ShopKey>,
    ) {
        const SHOWN: usize = 20;
        let problem = match (mac, key) {
            (None, _) if self.signed == 0 => {
                self.before += 1;
                None
            }
            (None, _) => Some("carries no signature: it was written without the shop key"),
            (Some(_), None) => None,
            (Some(m), Some(k)) if hash.is_some_and(|h| k.verifies(&h, m)) => None,
            (Some(_), Some(_)) => Some("is not signed with the shop key: it was forged"),
        };
        self.signed += i64::from(mac.is_some());
        if let Some(p) = problem {
            if self.forged.len() < SHOWN {
                self.forged.push(format!(
                    "event #{} ({} at {}) {p} outside bayboard",
                    link.id, link.kind, link.at
                ));
            } else if self.forged.len() == SHOWN {
                self.forged.push("… and more events like it".to_string());
            }
        }
    }
}

/// Walks the chain in id order, calling `each` on every link (the sign-off
/// checks ride on the same single pass over a long history).
pub fn walk(
    conn: &Connection,
    keep_hashes: bool,
    key: Option<&ShopKey>,
    mut each: impl FnMut(&Link),
) -> Result<Walk> {
    const SHOWN: usize = 20;
    let mut out = Walk::default();
    out.signatures.verified = key.is_some();
    let mut prev = GENESIS;
    let mut last_id = 0;
    let mut unshown = 0;
    let mut stmt = conn.prepare(&links(conn)?)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (link, stored) = match link_row(row) {
            Ok(l) => l,
            Err(e) => {
                // One unreadable event (a BLOB note) is named, and the walk
                // goes on from its stored hash.
                let id: Option<i64> = row.get(0).ok();
                out.breaks.push(format!(
                    "event #{} cannot be read ({e}): it was written outside bayboard",
                    id.map_or("?".into(), |i| i.to_string())
                ));
                out.links += 1;
                let stored: Option<String> = row.get(9).ok().flatten();
                prev = stored.as_deref().and_then(unhex).unwrap_or(prev);
                last_id = id.unwrap_or(last_id);
                continue;
            }
        };
        out.links += 1;
        let mac: Option<String> = row.get(12).ok().flatten();
        out.signatures.see(
            &link,
            stored.as_deref().and_then(unhex),
            mac.as_deref(),
            key,
        );
        each(&link);
        let h = digest(&prev, &link, &covered(conn, &link)?);
        let stored = stored.unwrap_or_default();
        if unhex(&stored) != Some(h) {
            let what = if link.id != last_id + 1 {
                format!(
                    "event(s) #{}–#{} before it were removed",
                    last_id + 1,
                    link.id - 1
                )
            } else if QC_KINDS.contains(&link.kind.as_str()) {
                "it, or the inspection it signs, was changed".to_string()
            } else {
                "it was changed, or an event was inserted before it".to_string()
            };
            if out.breaks.len() < SHOWN {
                out.breaks.push(format!(
                    "event #{} ({} at {}) does not match its hash: {what} outside bayboard",
                    link.id, link.kind, link.at
                ));
            } else {
                unshown += 1;
            }
        }
        last_id = link.id;
        if keep_hashes {
            out.hashes.push((link.id, stored.clone()));
        }
        // Chain on from what is stored, so each rewrite is reported once.
        prev = unhex(&stored).unwrap_or(h);
        out.head = Some((link.id, stored));
    }
    if unshown > 0 {
        out.breaks.push(format!(
            "… and {unshown} more events that do not match their hashes"
        ));
    }
    Ok(out)
}

/// The hashes a chain's content gives, from the first event on, ignoring
/// what is stored: `n` links at most.
fn recompute(conn: &Connection, n: usize) -> Result<Vec<(i64, [u8; 32])>> {
    let mut out = Vec::with_capacity(n.min(1 << 20));
    let mut prev = GENESIS;
    let mut stmt = conn.prepare(&links(conn)?)?;
    let mut rows = stmt.query([])?;
    while out.len() < n
        && let Some(row) = rows.next()?
    {
        let (link, _) = link_row(row)?;
        prev = digest(&prev, &link, &covered(conn, &link)?);
        out.push((link.id, prev));
    }
    Ok(out)
}

/// Whether a live file still holds every event a backup holds, unchanged
/// (recomputed from the live content, so a rewrite that left the stored
/// hashes alone shows too). Returns the problems found.
pub fn compare(live: &Connection, backup: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let old = walk(backup, true, None, |_| {})?;
    if let Some(b) = old.breaks.first() {
        problems.push(format!("the backup's own chain is broken: {b}"));
    }
    let now = recompute(live, old.hashes.len())?;
    for (i, (id, hash)) in old.hashes.iter().enumerate() {
        match now.get(i) {
            None => {
                problems.push(format!(
                    "event #{id} is in the backup but no longer in the live file"
                ));
                break;
            }
            Some((live_id, h)) if live_id != id || unhex(hash) != Some(*h) => {
                problems.push(format!(
                    "event #{id} differs from the backup: the live record was changed from there on"
                ));
                break;
            }
            Some(_) => {}
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: i64, note: &str) -> Link {
        Link {
            id,
            at: "2026-11-23T06:00:00.000Z".into(),
            actor_id: Some(1),
            job_id: None,
            kind: "k".into(),
            from: None,
            to: None,
            note: Some(note.into()),
            signed: None,
            params: None,
            pin_by: None,
        }
    }

    #[test]
    fn every_field_and_the_predecessor_change_the_hash() {
        let a = digest(&GENESIS, &link(1, "x"), "");
        assert_ne!(a, digest(&GENESIS, &link(2, "x"), ""));
        assert_ne!(a, digest(&GENESIS, &link(1, "y"), ""));
        assert_ne!(a, digest(&[1; 32], &link(1, "x"), ""));
        assert_ne!(a, digest(&GENESIS, &link(1, "x"), "inspection"));
        let mut signed = link(1, "x");
        signed.signed = Some("abc".into());
        assert_ne!(a, digest(&GENESIS, &signed, ""));
        // An absent note is not an empty one.
        let mut none = link(1, "");
        none.note = None;
        assert_ne!(
            digest(&GENESIS, &none, ""),
            digest(&GENESIS, &link(1, ""), "")
        );
    }

    #[test]
    fn hex_round_trips() {
        let h = digest(&GENESIS, &link(1, "x"), "");
        assert_eq!(unhex(&hex(&h)), Some(h));
        assert_eq!(unhex("zz"), None);
    }
}
