//! The lifecycle table in the database: `job_states` holds one row per
//! state of `domain::states::STATES` (kept equal by [`sync`], which every
//! migration that adds a state runs), and two triggers refuse a job in a
//! state the table does not have. SQL that needs a set of states asks
//! `job_states` (`status IN (SELECT code FROM job_states WHERE held)`), so a
//! new state is a row here, never a rebuilt `jobs` table or an edited list.

use crate::domain::states::{ON_THE_FLOOR, STATES};
use rusqlite::Connection;

pub const CREATE: &str = "
CREATE TABLE job_states (
    code      TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    open      INTEGER NOT NULL,
    holds_bay INTEGER NOT NULL,
    held      INTEGER NOT NULL,
    parkable  INTEGER NOT NULL,
    on_floor  INTEGER NOT NULL,
    finished  INTEGER NOT NULL
) WITHOUT ROWID;";

/// The table's rows as `job_states` holds them.
fn rows() -> Vec<(String, i64, [bool; 6])> {
    STATES
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                s.code.to_string(),
                i as i64 + 1,
                [
                    s.open,
                    s.holds_bay,
                    s.held,
                    s.parkable,
                    ON_THE_FLOOR.contains(&s.status),
                    s.finished,
                ],
            )
        })
        .collect()
}

/// Makes `job_states` the table's rows (a migration's hook).
pub fn sync(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM job_states", [])?;
    let mut stmt = conn.prepare(
        "INSERT INTO job_states (code, position, open, holds_bay, held, parkable, on_floor, finished)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (code, pos, f) in rows() {
        stmt.execute(rusqlite::params![
            code, pos, f[0], f[1], f[2], f[3], f[4], f[5]
        ])?;
    }
    Ok(())
}

/// A job's state, where it returns from a hold, and whether it is closed
/// agree with the table.
const RULE: &str = "EXISTS (SELECT 1 FROM job_states s WHERE s.code = NEW.status
                             AND (NEW.closed_at IS NULL) = (s.open = 1))
    AND (NEW.parts_return IS NULL
         OR NEW.parts_return IN (SELECT code FROM job_states WHERE parkable = 1))";

pub const TRIGGERS: [&str; 2] = ["jobs_state_insert", "jobs_state_update"];

/// The state rule as triggers (they replace the `CHECK`s that release 2
/// wrote into `jobs`).
pub fn create_triggers(conn: &Connection) -> rusqlite::Result<()> {
    let msg = "jobs.status must be a state of the lifecycle table, closed exactly when \
               the state is, and parts_return a state a hold returns to";
    conn.execute_batch(&format!(
        "CREATE TRIGGER IF NOT EXISTS {} BEFORE INSERT ON jobs WHEN NOT ({RULE})
         BEGIN SELECT RAISE(ABORT, '{msg}'); END;
         CREATE TRIGGER IF NOT EXISTS {} BEFORE UPDATE OF status, parts_return, closed_at ON jobs
         WHEN NOT ({RULE})
         BEGIN SELECT RAISE(ABORT, '{msg}'); END;",
        TRIGGERS[0], TRIGGERS[1]
    ))
}

/// What `check` finds wrong: `job_states` not the table's rows, or jobs in
/// a state the rule refuses (written with the triggers dropped).
pub fn problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT code, position, open, holds_bay, held, parkable, on_floor, finished
           FROM job_states ORDER BY position",
    )?;
    let stored = stmt
        .query_map([], |r| {
            let mut f = [false; 6];
            for (i, x) in f.iter_mut().enumerate() {
                *x = r.get::<_, i64>(i + 2)? == 1;
            }
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, f))
        })?
        .collect::<rusqlite::Result<Vec<_>>>();
    match stored {
        Ok(stored) if stored == rows() => {}
        Ok(_) => out.push("job_states differs from this build's lifecycle table".to_string()),
        Err(e) => out.push(format!("job_states cannot be read: {e}")),
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT 'J-' || id || ' is in state ' || quote(status)
                || ', closed ' || quote(closed_at) || ', returning to ' || quote(parts_return)
           FROM jobs AS NEW WHERE NOT ({RULE}) LIMIT 20"
    ))?;
    for r in stmt.query_map([], |r| r.get::<_, String>(0))? {
        out.push(format!("{}: not in the lifecycle table", r?));
    }
    Ok(out)
}

/// Removes from a `CREATE TABLE` statement every `CHECK (…)` whose text
/// mentions one of `columns` (balanced parentheses), and the comma that
/// leads a removed table constraint.
pub fn strip_checks(sql: &str, columns: &[&str]) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("CHECK (") {
        let open = at + "CHECK ".len();
        let mut depth = 0;
        let mut end = open;
        for (i, ch) in rest[open..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &rest[open..end];
        if columns.iter().any(|c| body.contains(c)) {
            let kept = rest[..at].trim_end();
            out.push_str(kept);
            rest = &rest[end..];
        } else {
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    // A removed table constraint leaves `…,\n)`.
    let trimmed = out.trim_end();
    match trimmed.strip_suffix(')') {
        Some(body) => format!("{}\n)", body.trim_end().trim_end_matches(',')),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    fn latest() -> rusqlite::Connection {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::schema::migrations()
            .to_latest(&mut conn)
            .unwrap();
        conn
    }

    #[test]
    fn job_states_holds_the_table_and_check_sees_an_edited_row() {
        let conn = latest();
        assert!(super::problems(&conn).unwrap().is_empty());
        conn.execute("UPDATE job_states SET held = 1 WHERE code = 'paused'", [])
            .unwrap();
        let p = super::problems(&conn).unwrap();
        assert_eq!(p, ["job_states differs from this build's lifecycle table"]);
    }

    #[test]
    fn check_names_a_job_written_in_an_unknown_state_with_the_triggers_dropped() {
        let conn = latest();
        let t = "2026-11-23T08:00:00.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO vehicles (id, plate) VALUES (1, 'AB1');
             DROP TRIGGER jobs_state_insert;
             INSERT INTO jobs (id, vehicle_id, complaint, priority, status, status_since, created_at)
             VALUES (4, 1, 'Oil', 'normal', 'finished', '{t}', '{t}');"
        ))
        .unwrap();
        let p = super::problems(&conn).unwrap();
        assert_eq!(
            p,
            [
                "J-4 is in state 'finished', closed NULL, returning to NULL: not in the lifecycle table"
            ]
        );
    }

    #[test]
    fn strips_the_state_checks_and_keeps_the_others() {
        let sql = "CREATE TABLE t (
    a TEXT NOT NULL CHECK (a IN ('x','y')),
    status TEXT NOT NULL CHECK (status IN ('p',
        'q')),
    b INTEGER CHECK (b IN (0, 1)),
    CHECK ((c IS NULL) = (status NOT IN ('q')))
)";
        let out = super::strip_checks(sql, &["status"]);
        assert_eq!(
            out,
            "CREATE TABLE t (
    a TEXT NOT NULL CHECK (a IN ('x','y')),
    status TEXT NOT NULL,
    b INTEGER CHECK (b IN (0, 1))
)"
        );
    }
}
