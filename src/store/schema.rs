//! Versioned migrations. The schema is plain SQL so that the stock `sqlite3`
//! tool makes sense of it. All timestamps are UTC text,
//! `YYYY-MM-DDTHH:MM:SS.sssZ`, which sorts in time order.

use rusqlite_migration::{M, Migrations};

const V1: &str = r#"
CREATE TABLE shop (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL
);
INSERT INTO shop (id, name) VALUES (1, 'Workshop');

CREATE TABLE bays (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL CHECK (kind IN ('mechanical','body','quick','alignment','diagnosis')),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE staff_roles (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    role     TEXT NOT NULL CHECK (role IN ('technician','foreman','qc','advisor','parts')),
    PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;

CREATE TABLE staff_skills (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    skill    TEXT NOT NULL,
    PRIMARY KEY (staff_id, skill)
) WITHOUT ROWID;

CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    phone TEXT
);

CREATE TABLE vehicles (
    id          INTEGER PRIMARY KEY,
    plate       TEXT NOT NULL,
    vin         TEXT,
    make        TEXT,
    model       TEXT,
    year        INTEGER,
    odometer_km INTEGER,
    customer_id INTEGER REFERENCES customers(id)
);
CREATE INDEX vehicles_plate ON vehicles(plate);

-- The job number is the row id: J-000123 is id 123.
-- closed_at is set when a job is delivered or cancelled; open jobs have NULL.
-- bay_id is set only while the job holds the bay (dispatch until QC pass).
-- parts_return: where a waiting_parts job goes back to once unblocked.
-- version = the number of events recorded for the job (optimistic locking).
CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    vehicle_id     INTEGER NOT NULL REFERENCES vehicles(id),
    customer_id    INTEGER REFERENCES customers(id),
    complaint      TEXT NOT NULL,
    priority       TEXT NOT NULL CHECK (priority IN ('normal','high','urgent')),
    estimate_hours REAL,
    promised_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('waiting','dispatched','in_progress','paused',
                       'waiting_parts','ready_for_qc','qc_passed','rework','delivered','cancelled')),
    parts_return   TEXT CHECK (parts_return IN ('dispatched','paused','rework')),
    bay_id         INTEGER REFERENCES bays(id),
    technician_id  INTEGER REFERENCES staff(id),
    rework_count   INTEGER NOT NULL DEFAULT 0,
    status_since   TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 0,
    CHECK ((closed_at IS NULL) = (status NOT IN ('delivered','cancelled')))
);
-- A bay holds at most one job.
CREATE UNIQUE INDEX jobs_one_per_bay ON jobs(bay_id) WHERE bay_id IS NOT NULL;
-- The board reads open jobs only; queries repeat `closed_at IS NULL` exactly.
CREATE INDEX jobs_open ON jobs(closed_at) WHERE closed_at IS NULL;
CREATE INDEX jobs_status ON jobs(status, id);

-- A technician has at most one open time entry.
CREATE TABLE time_entries (
    id         INTEGER PRIMARY KEY,
    job_id     INTEGER NOT NULL REFERENCES jobs(id),
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    started_at TEXT NOT NULL,
    ended_at   TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX time_entries_one_open ON time_entries(staff_id) WHERE ended_at IS NULL;
CREATE INDEX time_entries_job ON time_entries(job_id);
CREATE INDEX time_entries_staff ON time_entries(staff_id, started_at);

CREATE TABLE parts_issues (
    id         INTEGER PRIMARY KEY,
    job_id     INTEGER NOT NULL REFERENCES jobs(id),
    part       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('out_of_stock','wrong_part','damaged','backorder','price_approval','other')),
    qty        INTEGER NOT NULL CHECK (qty >= 1),
    blocking   INTEGER NOT NULL CHECK (blocking IN (0, 1)),
    status     TEXT NOT NULL CHECK (status IN ('open','ordered','received','resolved','cancelled')),
    eta        TEXT,
    note       TEXT,
    logged_by  INTEGER NOT NULL REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at  TEXT,
    CHECK ((closed_at IS NULL) = (status NOT IN ('resolved','cancelled')))
);
CREATE INDEX parts_open ON parts_issues(closed_at) WHERE closed_at IS NULL;
CREATE INDEX parts_job ON parts_issues(job_id);

CREATE TABLE qc_inspections (
    id             INTEGER PRIMARY KEY,
    job_id         INTEGER NOT NULL REFERENCES jobs(id),
    inspector_id   INTEGER NOT NULL REFERENCES staff(id),
    result         TEXT NOT NULL CHECK (result IN ('pass','fail')),
    road_test_done INTEGER NOT NULL CHECK (road_test_done IN (0, 1)),
    road_test_km   REAL,
    note           TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX qc_job ON qc_inspections(job_id);

CREATE TABLE qc_items (
    inspection_id INTEGER NOT NULL REFERENCES qc_inspections(id),
    position      INTEGER NOT NULL,
    item_id       TEXT NOT NULL,
    text          TEXT NOT NULL,
    required      INTEGER NOT NULL CHECK (required IN (0, 1)),
    result        TEXT NOT NULL CHECK (result IN ('pass','fail','na')),
    note          TEXT,
    PRIMARY KEY (inspection_id, item_id)
) WITHOUT ROWID;

-- The append-only event log: who, when, from, to, note.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER REFERENCES staff(id),
    job_id      INTEGER REFERENCES jobs(id),
    kind        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    note        TEXT
);
CREATE INDEX events_job ON events(job_id, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
"#;

/// Optional per-person PIN: a salted Argon2id hash in PHC form (never the
/// PIN), and the count of wrong tries since the last right one.
const V2: &str = r#"
ALTER TABLE staff ADD COLUMN pin_hash TEXT;
ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
"#;

/// "Hours today" for every technician is one range scan of today's entries,
/// not one index seek per technician into their whole history.
const V3: &str = r#"
CREATE INDEX time_entries_started ON time_entries(started_at);
"#;

/// Work orders: a job is made of lines; found work waits for the
/// customer's decision, which may hold the job (`waiting_approval`). The
/// jobs table is rebuilt to let its status CHECK name the new state (SQLite
/// cannot alter a CHECK; the store runs migrations before it turns foreign
/// keys on, so the rebuild keeps every reference). Each existing job's
/// complaint becomes its one requested line, done if the job was already
/// past the technician's self-check. Money is in minor units of the shop's
/// currency.
const V4: &str = r#"
CREATE TABLE jobs_v4 (
    id             INTEGER PRIMARY KEY,
    vehicle_id     INTEGER NOT NULL REFERENCES vehicles(id),
    customer_id    INTEGER REFERENCES customers(id),
    complaint      TEXT NOT NULL,
    priority       TEXT NOT NULL CHECK (priority IN ('normal','high','urgent')),
    estimate_hours REAL,
    promised_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('waiting','dispatched','in_progress','paused',
                       'waiting_parts','waiting_approval','ready_for_qc','qc_passed','rework',
                       'delivered','cancelled')),
    parts_return   TEXT CHECK (parts_return IN ('dispatched','paused','rework')),
    bay_id         INTEGER REFERENCES bays(id),
    technician_id  INTEGER REFERENCES staff(id),
    rework_count   INTEGER NOT NULL DEFAULT 0,
    status_since   TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 0,
    CHECK ((closed_at IS NULL) = (status NOT IN ('delivered','cancelled')))
);
INSERT INTO jobs_v4 SELECT * FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_v4 RENAME TO jobs;
CREATE UNIQUE INDEX jobs_one_per_bay ON jobs(bay_id) WHERE bay_id IS NOT NULL;
CREATE INDEX jobs_open ON jobs(closed_at) WHERE closed_at IS NULL;
CREATE INDEX jobs_status ON jobs(status, id);

ALTER TABLE shop ADD COLUMN currency TEXT NOT NULL DEFAULT 'CNY'
    CHECK (length(currency) = 3 AND currency = upper(currency));
-- Minor units of the currency per sold hour.
ALTER TABLE shop ADD COLUMN labour_rate INTEGER NOT NULL DEFAULT 0 CHECK (labour_rate >= 0);

-- A line: one piece of work on a job. L-12 is id 12. hours: sold
-- (flat-rate) labour hours; parts_amount: minor units. A requested line
-- starts approved; an added one proposed, with an urgency, until the
-- customer decides (who, how, when, recorded by which staff member).
CREATE TABLE lines (
    id             INTEGER PRIMARY KEY,
    job_id         INTEGER NOT NULL REFERENCES jobs(id),
    kind           TEXT NOT NULL CHECK (kind IN ('requested','added')),
    work           TEXT NOT NULL,
    hours          REAL CHECK (hours IS NULL OR (hours >= 0 AND hours <= 200)),
    parts_amount   INTEGER CHECK (parts_amount IS NULL OR parts_amount >= 0),
    status         TEXT NOT NULL CHECK (status IN ('proposed','approved','declined','done')),
    urgency        TEXT CHECK (urgency IN ('safety','soon','advisory')),
    blocking       INTEGER NOT NULL DEFAULT 0 CHECK (blocking IN (0, 1)),
    note           TEXT,
    added_by       INTEGER REFERENCES staff(id),
    created_at     TEXT NOT NULL,
    decided_at     TEXT,
    decided_by     INTEGER REFERENCES staff(id),
    customer_name  TEXT,
    decided_via    TEXT CHECK (decided_via IN ('phone','in_person','message')),
    done_at        TEXT,
    done_by        INTEGER REFERENCES staff(id),
    CHECK ((kind = 'added') = (urgency IS NOT NULL)),
    CHECK (blocking = 0 OR kind = 'added'),
    CHECK ((status = 'done') = (done_at IS NOT NULL)),
    CHECK ((status IN ('proposed') OR kind = 'requested') = (decided_at IS NULL))
);
-- Covers the board's per-job figures (count, state, sold hours) without
-- touching the table.
CREATE INDEX lines_job ON lines(job_id, status, hours);
CREATE INDEX lines_proposed ON lines(created_at) WHERE status = 'proposed';
CREATE INDEX lines_done ON lines(done_at);

INSERT INTO lines (job_id, kind, work, status, created_at, done_at)
SELECT id, 'requested', complaint,
       CASE WHEN status IN ('ready_for_qc','qc_passed','delivered','rework') THEN 'done'
            ELSE 'approved' END,
       created_at,
       CASE WHEN status IN ('ready_for_qc','qc_passed','delivered','rework') THEN status_since END
  FROM jobs;
"#;

/// Trust: who must give a PIN (`require_pins`), PIN locks kept in the
/// database, the odometer read at each check-in kept on the job (so a later
/// visit cannot rewrite it), and the event log as a hash chain
/// (`store::chain`): `signed_key` is the fingerprint of the PIN the actor
/// proved (NULL: they keep none), `hash`
/// links each event to the one before. The append-only trigger is dropped
/// only while this migration fills in the hashes of the existing events.
const V5: &str = r#"
ALTER TABLE shop ADD COLUMN require_pins TEXT NOT NULL DEFAULT 'none'
    CHECK (require_pins IN ('none','signoffs','everyone'));
ALTER TABLE staff ADD COLUMN pin_locked_until TEXT;
ALTER TABLE jobs ADD COLUMN odometer_km INTEGER;
-- The customer waits on site for the car (marked on the wall screen).
ALTER TABLE jobs ADD COLUMN customer_waiting INTEGER NOT NULL DEFAULT 0
    CHECK (customer_waiting IN (0, 1));
UPDATE jobs SET odometer_km = (SELECT odometer_km FROM vehicles v WHERE v.id = jobs.vehicle_id);
ALTER TABLE events ADD COLUMN signed_key TEXT;
ALTER TABLE events ADD COLUMN hash TEXT;
DROP TRIGGER events_no_update;
"#;

/// What the inspection records sign: like the event log, never rewritten.
const V5_AFTER: &str = r#"
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER qc_inspections_no_update BEFORE UPDATE ON qc_inspections
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
CREATE TRIGGER qc_inspections_no_delete BEFORE DELETE ON qc_inspections
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
CREATE TRIGGER qc_items_no_update BEFORE UPDATE ON qc_items
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
CREATE TRIGGER qc_items_no_delete BEFORE DELETE ON qc_items
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
"#;

fn v5_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::chain::backfill(tx).map_err(|e| {
        rusqlite_migration::HookError::Hook(format!("cannot chain the event log: {e}"))
    })?;
    tx.execute_batch(V5_AFTER)?;
    super::rules::create_triggers(tx)?;
    Ok(())
}

/// After delivery: the shop's follow-up and comeback settings and
/// technicians' day hours; a job's link to the earlier job it came back
/// from; one follow-up per delivered job (made at delivery, due after the
/// shop's follow-up days) with every try; complaints with their deadlines.
const V6: &str = r#"
ALTER TABLE shop ADD COLUMN followup_days INTEGER NOT NULL DEFAULT 3
    CHECK (followup_days BETWEEN 3 AND 7);
ALTER TABLE shop ADD COLUMN comeback_days INTEGER NOT NULL DEFAULT 30
    CHECK (comeback_days BETWEEN 1 AND 365);
ALTER TABLE shop ADD COLUMN day_hours REAL NOT NULL DEFAULT 8
    CHECK (day_hours > 0 AND day_hours <= 24);
ALTER TABLE jobs ADD COLUMN comeback_of INTEGER REFERENCES jobs(id);
CREATE INDEX jobs_comeback ON jobs(comeback_of) WHERE comeback_of IS NOT NULL;

CREATE TABLE followups (
    job_id  INTEGER PRIMARY KEY REFERENCES jobs(id),
    due_at  TEXT NOT NULL,
    state   TEXT NOT NULL CHECK (state IN ('open','reached','unreachable')),
    misses  INTEGER NOT NULL DEFAULT 0 CHECK (misses >= 0),
    score   INTEGER CHECK (score BETWEEN 1 AND 5),
    done_at TEXT,
    CHECK ((state = 'open') = (done_at IS NULL))
);
CREATE INDEX followups_open ON followups(due_at) WHERE state = 'open';
CREATE TABLE followup_tries (
    id      INTEGER PRIMARY KEY,
    job_id  INTEGER NOT NULL REFERENCES followups(job_id),
    reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
    score   INTEGER CHECK (score BETWEEN 1 AND 5),
    note    TEXT,
    by_id   INTEGER NOT NULL REFERENCES staff(id),
    at      TEXT NOT NULL,
    CHECK (reached = 1 OR score IS NULL)
);
CREATE INDEX followup_tries_job ON followup_tries(job_id);

-- C-12 is id 12. The deadlines are computed when it is recorded.
CREATE TABLE complaints (
    id              INTEGER PRIMARY KEY,
    job_id          INTEGER REFERENCES jobs(id),
    plate           TEXT NOT NULL,
    severity        INTEGER NOT NULL CHECK (severity IN (1, 2, 3)),
    text            TEXT NOT NULL,
    owner_id        INTEGER NOT NULL REFERENCES staff(id),
    status          TEXT NOT NULL CHECK (status IN ('open','acknowledged','resolved','closed')),
    respond_by      TEXT NOT NULL,
    resolve_by      TEXT NOT NULL,
    created_by      INTEGER NOT NULL REFERENCES staff(id),
    created_at      TEXT NOT NULL,
    acknowledged_at TEXT,
    resolved_at     TEXT,
    closed_at       TEXT
);
CREATE INDEX complaints_open ON complaints(resolve_by) WHERE status IN ('open','acknowledged');

-- The reception walk-around, recorded at check-in by the advisor.
CREATE TABLE walkarounds (
    job_id           INTEGER PRIMARY KEY REFERENCES jobs(id),
    fuel_eighths     INTEGER CHECK (fuel_eighths BETWEEN 0 AND 8),
    valuables        TEXT,
    warning_lights   TEXT,
    return_old_parts INTEGER NOT NULL DEFAULT 0 CHECK (return_old_parts IN (0, 1)),
    recorded_by      INTEGER NOT NULL REFERENCES staff(id),
    recorded_at      TEXT NOT NULL
);
CREATE TABLE damages (
    job_id   INTEGER NOT NULL REFERENCES jobs(id),
    position INTEGER NOT NULL,
    place    TEXT NOT NULL,
    what     TEXT NOT NULL,
    PRIMARY KEY (job_id, position)
) WITHOUT ROWID;

-- Hand-over and settlement: what the customer approved for each line
-- (hours and parts as they stood when approved), the wash, adjustments a
-- foreman records with a reason, and how the job was paid and what became
-- of the old parts.
ALTER TABLE lines ADD COLUMN approved_hours REAL;
ALTER TABLE lines ADD COLUMN approved_parts INTEGER;
UPDATE lines SET approved_hours = hours, approved_parts = parts_amount
 WHERE status IN ('approved','done');
ALTER TABLE jobs ADD COLUMN washed_at TEXT;
ALTER TABLE jobs ADD COLUMN paid TEXT
    CHECK (paid IN ('cash','card','transfer','account','warranty','internal'));
ALTER TABLE jobs ADD COLUMN old_parts TEXT CHECK (old_parts IN ('returned','disposed'));
CREATE TABLE adjustments (
    id     INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES jobs(id),
    amount INTEGER NOT NULL,
    reason TEXT NOT NULL,
    by_id  INTEGER NOT NULL REFERENCES staff(id),
    at     TEXT NOT NULL
);
CREATE INDEX adjustments_job ON adjustments(job_id);

-- A-7 is id 7. A booking becomes a job when the car arrives.
CREATE TABLE appointments (
    id         INTEGER PRIMARY KEY,
    plate      TEXT NOT NULL,
    at         TEXT NOT NULL,
    work       TEXT NOT NULL,
    hours      REAL CHECK (hours IS NULL OR (hours > 0 AND hours <= 200)),
    customer   TEXT,
    phone      TEXT,
    status     TEXT NOT NULL CHECK (status IN ('booked','arrived','no_show','cancelled')),
    job_id     INTEGER REFERENCES jobs(id),
    created_by INTEGER NOT NULL REFERENCES staff(id),
    created_at TEXT NOT NULL,
    CHECK ((status = 'arrived') = (job_id IS NOT NULL))
);
CREATE INDEX appointments_at ON appointments(at);
"#;

fn v6_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    // The value rules of the new tables.
    super::rules::create_triggers(tx)?;
    Ok(())
}

/// The manager's figures read ranges of history: indexes for what closed,
/// was followed up, added, logged or complained about in a range, and each
/// time entry's bay (the bay the job held when the clock started), so bay
/// utilisation needs no parsing of event notes. Entries made before this
/// version get their bay from the job's last dispatch or reassignment
/// before the entry ("bay B2, technician …", written by
/// `workshop/jobs.rs`); an entry with none stays unattributed.
const V7: &str = r#"
ALTER TABLE time_entries ADD COLUMN bay_id INTEGER REFERENCES bays(id);
UPDATE time_entries SET bay_id = (
    SELECT b.id FROM events e
      JOIN bays b ON b.name = CASE WHEN instr(e.note, ',') > 0
                                   THEN substr(e.note, 5, instr(e.note, ',') - 5)
                                   ELSE substr(e.note, 5) END
     WHERE e.job_id = time_entries.job_id
       AND e.kind IN ('dispatched', 'reassigned')
       AND e.note LIKE 'bay %'
       AND e.at <= time_entries.started_at
     ORDER BY e.id DESC LIMIT 1);
CREATE INDEX jobs_closed ON jobs(closed_at, status, created_at, promised_at, rework_count, comeback_of)
    WHERE closed_at IS NOT NULL;
CREATE INDEX time_entries_ended ON time_entries(ended_at, started_at, staff_id, bay_id);
-- Covering indexes: a month of clocked time or sold hours is read from the
-- index alone, without a lookup per row.
DROP INDEX time_entries_started;
CREATE INDEX time_entries_started ON time_entries(started_at, ended_at, staff_id, bay_id);
CREATE INDEX lines_done_by ON lines(done_at, done_by, hours) WHERE done_by IS NOT NULL;

-- Milliseconds each delivered job spent in each state, written in the
-- delivery's transaction from the job's events (`store/figures.rs`,
-- JOB_TIMES_SQL) so a year of figures reads one row per job rather than
-- every event; `bayboard check` recomputes them.
CREATE TABLE job_times (
    job_id           INTEGER PRIMARY KEY REFERENCES jobs(id),
    closed_at        TEXT NOT NULL,
    waiting          INTEGER NOT NULL,
    dispatched       INTEGER NOT NULL,
    in_progress      INTEGER NOT NULL,
    paused           INTEGER NOT NULL,
    waiting_parts    INTEGER NOT NULL,
    waiting_approval INTEGER NOT NULL,
    ready_for_qc     INTEGER NOT NULL,
    qc_passed        INTEGER NOT NULL,
    rework           INTEGER NOT NULL
);
CREATE INDEX job_times_closed ON job_times(closed_at);
CREATE INDEX followups_done ON followups(done_at) WHERE done_at IS NOT NULL;
CREATE INDEX lines_added ON lines(created_at) WHERE kind = 'added';
CREATE INDEX parts_created ON parts_issues(created_at);
CREATE INDEX complaints_created ON complaints(created_at);
"#;

/// Version 7's `job_times` of every delivered job, as it was then (one
/// column per open state; version 8 turns them into rows).
const V7_JOB_TIMES: &str = "
SELECT job_id, (SELECT closed_at FROM jobs WHERE id = job_id) AS closed_at,
       coalesce(sum(CASE WHEN to_status = 'waiting' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'dispatched' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'in_progress' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'paused' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'waiting_parts' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'waiting_approval' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'ready_for_qc' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'qc_passed' THEN ms END), 0),
       coalesce(sum(CASE WHEN to_status = 'rework' THEN ms END), 0)
  FROM (SELECT job_id, to_status,
               max(0, CAST(round((julianday(lead(at) OVER w) - julianday(at)) * 86400000) AS INTEGER)) AS ms
          FROM events
         WHERE job_id IN (SELECT id FROM jobs WHERE status = 'delivered') AND to_status IS NOT NULL
        WINDOW w AS (PARTITION BY job_id ORDER BY id))
 WHERE ms IS NOT NULL
 GROUP BY job_id";

fn v7_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    tx.execute_batch(&format!("INSERT INTO job_times {V7_JOB_TIMES}"))?;
    super::rules::create_triggers(tx)?;
    Ok(())
}

/// Release 3: the lifecycle as data (`domain/states.rs`, `store/states.rs`).
/// The states become `job_states` rows and the rule on a job's state two
/// triggers that read them, so `jobs` is rebuilt once without its state
/// `CHECK`s (the last rebuild a new state costs). Each delivered job's time
/// in each state becomes a row (`job_state_times`) instead of a column per
/// state; the columns of `job_times` are the nine open states of version 7.
const V8: &str = r#"
CREATE TABLE job_state_times (
    job_id    INTEGER NOT NULL REFERENCES jobs(id),
    state     TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    ms        INTEGER NOT NULL,
    PRIMARY KEY (job_id, state)
);
CREATE INDEX job_state_times_closed ON job_state_times(closed_at, state, ms);
INSERT INTO job_state_times
SELECT job_id, state, closed_at, ms FROM (
    SELECT job_id, 'waiting' AS state, closed_at, waiting AS ms FROM job_times
    UNION ALL SELECT job_id, 'dispatched', closed_at, dispatched FROM job_times
    UNION ALL SELECT job_id, 'in_progress', closed_at, in_progress FROM job_times
    UNION ALL SELECT job_id, 'paused', closed_at, paused FROM job_times
    UNION ALL SELECT job_id, 'waiting_parts', closed_at, waiting_parts FROM job_times
    UNION ALL SELECT job_id, 'waiting_approval', closed_at, waiting_approval FROM job_times
    UNION ALL SELECT job_id, 'ready_for_qc', closed_at, ready_for_qc FROM job_times
    UNION ALL SELECT job_id, 'qc_passed', closed_at, qc_passed FROM job_times
    UNION ALL SELECT job_id, 'rework', closed_at, rework FROM job_times)
 WHERE ms > 0;
DROP TABLE job_times;
"#;

fn v8_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    tx.execute_batch(super::states::CREATE)?;
    super::states::sync(tx)?;
    rebuild_jobs_without_state_checks(tx)?;
    super::states::create_triggers(tx)?;
    super::rules::create_triggers(tx)?;
    Ok(())
}

/// `jobs` as it is, less the `CHECK`s that name states, with its indexes
/// and triggers. Foreign keys are off during migrations (`Store::open`), so
/// the references to `jobs` stay.
fn rebuild_jobs_without_state_checks(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let table: String = tx.query_row(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'jobs'",
        [],
        |r| r.get(0),
    )?;
    let mut stmt = tx.prepare(
        "SELECT sql FROM sqlite_master
          WHERE tbl_name = 'jobs' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )?;
    let extras = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    let stripped = super::states::strip_checks(&table, &["status", "parts_return"]);
    let body = stripped
        .split_once('(')
        .map(|(_, body)| body)
        .expect("a CREATE TABLE has a column list");
    tx.execute_batch(&format!(
        "CREATE TABLE jobs_v8 ({body};
         INSERT INTO jobs_v8 SELECT * FROM jobs;
         DROP TABLE jobs;
         ALTER TABLE jobs_v8 RENAME TO jobs;"
    ))?;
    for sql in extras {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

/// Release 3: an event says what happened as data (`params`: a message id
/// and its arguments, `domain::Said` as JSON) beside the words a person
/// typed (`note`), so the history reads in any language. Earlier events
/// keep their notes as written: the chain covers them and they are never
/// rewritten (`store::legacy` reads the ones bayboard wrote).
/// The figures sum the state times one state at a time
/// (`store::figures::state_times`). `INSERT OR REPLACE` deletes the row it
/// replaces without firing the `DELETE` triggers: a signed record refuses
/// an insert under an id it already has.
const V9: &str = r#"
CREATE TRIGGER events_no_replace BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER qc_inspections_no_replace BEFORE INSERT ON qc_inspections
WHEN EXISTS (SELECT 1 FROM qc_inspections WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
CREATE TRIGGER qc_items_no_replace BEFORE INSERT ON qc_items
WHEN EXISTS (SELECT 1 FROM qc_items
              WHERE inspection_id = NEW.inspection_id AND item_id = NEW.item_id)
BEGIN SELECT RAISE(ABORT, 'QC inspections are signed records and cannot change'); END;
ALTER TABLE events ADD COLUMN params TEXT;
ALTER TABLE staff ADD COLUMN pin_locked_tries INTEGER NOT NULL DEFAULT 0;
CREATE INDEX job_state_times_state ON job_state_times(state, closed_at, ms);
DROP INDEX job_state_times_closed;
"#;

/// A line keeps the labour rate it was priced at (issue 20, finding 5): a
/// later rate change never moves an approved, invoiced or delivered
/// amount. NULL means the shop had no rate when the line was made; such a
/// line takes the shop's rate until the rate next changes, when it keeps
/// the one it had. Lines made before this version keep today's rate.
const V10: &str = r#"
ALTER TABLE lines ADD COLUMN labour_rate INTEGER;
UPDATE lines SET labour_rate = (SELECT labour_rate FROM shop WHERE id = 1)
 WHERE (SELECT labour_rate FROM shop WHERE id = 1) > 0;
"#;

/// The value rules of the columns a version adds.
fn v10_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::rules::create_triggers(tx)?;
    Ok(())
}

/// Signatures nobody on the staff can make (issue 20): each event's chain
/// hash signed under the shop key kept outside the database (`mac`); who
/// set the PIN that signed an event when it was not the actor (`pin_by`);
/// when each PIN was set and by whom, for the reset rule.
const V11: &str = r#"
ALTER TABLE events ADD COLUMN mac TEXT;
ALTER TABLE events ADD COLUMN pin_by INTEGER REFERENCES staff(id);
ALTER TABLE staff ADD COLUMN pin_set_at TEXT;
ALTER TABLE staff ADD COLUMN pin_set_by INTEGER REFERENCES staff(id);
"#;

/// Types and values (issue 20, finding 6 and 16): every text column holds
/// text, every amount stays within a trillion minor units (triggers only:
/// no table is rebuilt).
fn v12_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::rules::create_text_and_bound_triggers(tx)?;
    Ok(())
}

/// The shop's language (issue 21): NULL until a foreman sets one, when
/// terminals without `--lang` follow the system locale.
const V13: &str = r#"
ALTER TABLE shop ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en','zh-CN'));
"#;

/// Plates however they are typed (issue 21): each vehicle keeps its plate
/// as first entered and, beside it, the canonical form every lookup uses
/// (`domain::vehicle::plate_key`), computed here for the cars on record.
const V14: &str = r#"
ALTER TABLE vehicles ADD COLUMN plate_key TEXT;
CREATE INDEX vehicles_plate_key ON vehicles(plate_key);
"#;

fn v14_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    let plates: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, plate FROM vehicles WHERE typeof(plate) = 'text'")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut set = tx.prepare("UPDATE vehicles SET plate_key = ?2 WHERE id = ?1")?;
    for (id, plate) in plates {
        set.execute(rusqlite::params![
            id,
            crate::domain::vehicle::plate_key(&plate)
        ])?;
    }
    super::rules::create_text_and_bound_triggers(tx)?;
    Ok(())
}

/// The published price list (issue 22): labour operations with their
/// standard hours, parts with their unit prices, each named in both
/// languages. A line made from it keeps the code, what the list said and
/// the price agreed (`price`, the line's price when set), with the reason
/// when that differs from the list.
const V15: &str = r#"
CREATE TABLE catalogue_ops (
    code TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    hours REAL NOT NULL CHECK (hours >= 0 AND hours <= 1000),
    bay_kind TEXT,
    skill TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE catalogue_parts (
    number TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),
    updated_at TEXT NOT NULL
);
ALTER TABLE lines ADD COLUMN op TEXT;
ALTER TABLE lines ADD COLUMN part_number TEXT;
ALTER TABLE lines ADD COLUMN qty INTEGER;
ALTER TABLE lines ADD COLUMN list_price INTEGER;
ALTER TABLE lines ADD COLUMN price INTEGER;
ALTER TABLE lines ADD COLUMN price_reason TEXT;
"#;

fn v15_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::rules::create_triggers(tx)?;
    super::rules::create_text_and_bound_triggers(tx)?;
    Ok(())
}

/// The estimate the customer accepted at reception (minor units), the
/// figure delivery is held against, and which lines it covered; the shop's
/// printers (CUPS names, one per line, the first the default); the lines'
/// index covering the found work's hours too.
const V16: &str = r#"
ALTER TABLE shop ADD COLUMN printers TEXT;
ALTER TABLE jobs ADD COLUMN estimate_accepted INTEGER;
ALTER TABLE lines ADD COLUMN on_estimate INTEGER NOT NULL DEFAULT 0 CHECK (on_estimate IN (0, 1));
-- The board's work-order figures add the approved found work's hours (the
-- estimate grows by them): the index still covers what they read.
DROP INDEX lines_job;
CREATE INDEX lines_job ON lines(job_id, status, hours, kind);
"#;

fn v16_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::rules::create_triggers(tx)?;
    super::rules::create_text_and_bound_triggers(tx)?;
    Ok(())
}

/// Promises moved: the advisor's Today reads the day's by moment.
const V17: &str = r#"
CREATE INDEX events_promise ON events(at) WHERE kind = 'promise_moved';
"#;

/// The walk-around as a shop rule: required (a new shop's default, set by
/// `init`) or optional (a shop upgraded with jobs keeps checking in as
/// before); a walk-around the customer declined is recorded as such.
const V18: &str = r#"
ALTER TABLE shop ADD COLUMN walkaround_required INTEGER NOT NULL DEFAULT 0
    CHECK (walkaround_required IN (0, 1));
ALTER TABLE walkarounds ADD COLUMN declined INTEGER NOT NULL DEFAULT 0
    CHECK (declined IN (0, 1));
"#;

/// Calls to return: a customer's incoming call (what they asked, what was
/// promised, by when) and the second follow-up call a shop may make some
/// days after the first was answered (`shop.second_followup_days`, 0: none).
const V19: &str = r#"
ALTER TABLE shop ADD COLUMN second_followup_days INTEGER NOT NULL DEFAULT 0
    CHECK (second_followup_days BETWEEN 0 AND 30);
CREATE TABLE calls (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('incoming', 'second_followup')),
    job_id      INTEGER REFERENCES jobs(id),
    plate       TEXT,
    caller      TEXT,
    phone       TEXT,
    about       TEXT,
    promised    TEXT,
    due_at      TEXT,
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    opened_by   INTEGER NOT NULL REFERENCES staff(id),
    opened_at   TEXT NOT NULL,
    closed_by   INTEGER REFERENCES staff(id),
    closed_at   TEXT,
    close_note  TEXT
);
CREATE INDEX calls_open ON calls(due_at) WHERE state = 'open';
CREATE INDEX calls_job ON calls(job_id);
"#;

/// Inspection levels (issue 24): each inspection row is the self-check, the
/// peer check or the final inspection (rows before this are final ones);
/// the shop runs the peer check or not.
const V20: &str = r#"
ALTER TABLE qc_inspections ADD COLUMN level TEXT NOT NULL DEFAULT 'final'
    CHECK (level IN ('self', 'peer', 'final'));
ALTER TABLE shop ADD COLUMN peer_check INTEGER NOT NULL DEFAULT 0 CHECK (peer_check IN (0, 1));
"#;

fn v20_hook(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::states::sync(tx)?;
    super::rules::create_triggers(tx)?;
    super::rules::create_text_and_bound_triggers(tx)?;
    Ok(())
}

/// The key tag given at check-in and the spot the finished car is parked
/// in at the internal hand-over 内部交车 (issue 24).
const V21: &str = r#"
ALTER TABLE jobs ADD COLUMN key_tag TEXT;
ALTER TABLE jobs ADD COLUMN parking_spot TEXT;
"#;

/// Warranty (issue 24): who pays for each line, a recall campaign's code on
/// the line that does it, a warranty claim per job, the recall campaigns'
/// VINs.
const V22: &str = r#"
ALTER TABLE lines ADD COLUMN payer TEXT NOT NULL DEFAULT 'customer'
    CHECK (payer IN ('customer', 'warranty', 'sanbao', 'goodwill', 'internal'));
ALTER TABLE lines ADD COLUMN campaign TEXT;
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL UNIQUE REFERENCES jobs(id),
    symptom     TEXT NOT NULL,
    cause       TEXT NOT NULL,
    correction  TEXT NOT NULL,
    part        TEXT NOT NULL,
    number      TEXT,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'submitted', 'approved', 'rejected', 'paid')),
    opened_by   INTEGER NOT NULL REFERENCES staff(id),
    opened_at   TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX claims_opened ON claims(opened_at);
CREATE TABLE recalls (
    id          INTEGER PRIMARY KEY,
    campaign    TEXT NOT NULL,
    title       TEXT NOT NULL,
    vin         TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (campaign, vin)
);
CREATE INDEX recalls_vin ON recalls(vin);
CREATE INDEX lines_campaign ON lines(campaign) WHERE campaign IS NOT NULL;
"#;

/// The vehicle file (issue 24): the next service set at delivery (a local
/// date and a distance), the advisor's note of the wear parts' remaining
/// life, and the reminder calls for it.
const V23: &str = r#"
ALTER TABLE jobs ADD COLUMN next_service_on TEXT;
ALTER TABLE jobs ADD COLUMN next_service_km INTEGER;
ALTER TABLE jobs ADD COLUMN wear_note TEXT;
CREATE INDEX jobs_service_due ON jobs(next_service_on) WHERE next_service_on IS NOT NULL;
CREATE TABLE reminders (
    id      INTEGER PRIMARY KEY,
    job_id  INTEGER NOT NULL REFERENCES jobs(id),
    by_id   INTEGER NOT NULL REFERENCES staff(id),
    reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
    note    TEXT,
    at      TEXT NOT NULL
);
CREATE INDEX reminders_job ON reminders(job_id);
"#;

/// The reload path on indexes that do not grow with the history (issues
/// 24, 25): the warranty desk reads the warranty lines not yet claimed
/// (`claimed`, set when the job's claim opens) and the claims not yet
/// paid; the complaints not closed; a car's earlier jobs by vehicle (the
/// lines declined before); the cars of a recall campaign by VIN.
const V24: &str = r#"
ALTER TABLE lines ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed IN (0, 1));
UPDATE lines SET claimed = 1 WHERE job_id IN (SELECT job_id FROM claims);
CREATE INDEX lines_to_claim ON lines(job_id)
    WHERE payer IN ('warranty', 'sanbao') AND claimed = 0 AND status IN ('approved', 'done');
CREATE INDEX claims_unpaid ON claims(id) WHERE status <> 'paid';
CREATE INDEX complaints_not_closed ON complaints(resolve_by) WHERE status <> 'closed';
CREATE INDEX jobs_vehicle ON jobs(vehicle_id);
CREATE INDEX vehicles_vin ON vehicles(vin) WHERE vin IS NOT NULL;
"#;

/// The shop's time zone (issue 25): every terminal shows its days and
/// hours, whatever `TZ` the terminal's session has (empty: each its own).
const V25: &str = r#"
ALTER TABLE shop ADD COLUMN timezone TEXT;
"#;

/// Clocked time as sums per local day (issue 25), in the zone `clock_zone`
/// names (NULL: not kept, the figures read the clock entries; the next
/// `report` in the shop's zone builds them).
const V26: &str = r#"
ALTER TABLE shop ADD COLUMN clock_zone TEXT;
CREATE TABLE clock_staff_days (
    day TEXT NOT NULL,
    staff_id INTEGER NOT NULL,
    ms INTEGER NOT NULL,
    PRIMARY KEY (day, staff_id)
) WITHOUT ROWID;
CREATE TABLE clock_bay_hours (
    day TEXT NOT NULL,
    bay_id INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    ms INTEGER NOT NULL,
    PRIMARY KEY (day, bay_id, hour)
) WITHOUT ROWID;
"#;

/// The delivered jobs' time in each state as sums per local day of
/// delivery, kept beside the clocked sums in the zone `clock_zone` names
/// (counted by the next `report`, as the clocked sums are).
const V27: &str = r#"
CREATE TABLE state_days (
    day TEXT NOT NULL,
    state TEXT NOT NULL,
    ms INTEGER NOT NULL,
    PRIMARY KEY (day, state)
) WITHOUT ROWID;
UPDATE shop SET clock_zone = NULL;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(migrations_list())
}

fn migrations_list() -> Vec<M<'static>> {
    vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up_with_hook(V5, v5_hook),
        M::up_with_hook(V6, v6_hook),
        M::up_with_hook(V7, v7_hook),
        M::up_with_hook(V8, v8_hook),
        M::up(V9),
        M::up_with_hook(V10, v10_hook),
        M::up_with_hook(V11, v10_hook),
        M::up_with_hook("", v12_hook),
        M::up_with_hook(V13, v12_hook),
        M::up_with_hook(V14, v14_hook),
        M::up_with_hook(V15, v15_hook),
        M::up_with_hook(V16, v16_hook),
        M::up_with_hook(V17, v16_hook),
        M::up_with_hook(V18, v16_hook),
        M::up_with_hook(V19, v16_hook),
        M::up_with_hook(V20, v20_hook),
        M::up_with_hook(V21, v16_hook),
        M::up_with_hook(V22, v16_hook),
        M::up_with_hook(V23, v16_hook),
        M::up(V24),
        M::up_with_hook(V25, v16_hook),
        M::up_with_hook(V26, v16_hook),
        M::up_with_hook(V27, v16_hook),
    ]
}

/// The schema version this build writes (SQLite's `user_version`).
pub const LATEST: i64 = 27;

#[cfg(test)]
mod tests {
    #[test]
    fn a_version_1_database_is_migrated_to_the_latest() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::Migrations::new(vec![super::M::up(super::V1)])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute(
            "INSERT INTO staff (name, created_at) VALUES ('Old', 'x')",
            [],
        )
        .unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let (hash, fails): (Option<String>, i64) = conn
            .query_row(
                "SELECT pin_hash, pin_failures FROM staff WHERE name = 'Old'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((hash, fails), (None, 0));
    }

    /// Issue 20, finding 5: lines made before version 10 keep the rate in
    /// force at the upgrade, so a later change moves none of them.
    #[test]
    fn lines_made_before_version_10_keep_the_rate_in_force() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let mut before: Vec<_> = super::migrations_list();
        before.truncate(9);
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::Migrations::new(before).to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "UPDATE shop SET labour_rate = 30000 WHERE id = 1;
             INSERT INTO lines (job_id, kind, work, status, created_at)
             VALUES (1, 'requested', 'Brakes', 'approved', '2026-11-01T09:00:00.000Z');",
        )
        .unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let rate: i64 = conn
            .query_row("SELECT labour_rate FROM lines", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rate, 30000);
    }

    #[test]
    fn each_existing_complaint_becomes_one_requested_line() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::Migrations::new(vec![
            super::M::up(super::V1),
            super::M::up(super::V2),
            super::M::up(super::V3),
        ])
        .to_latest(&mut conn)
        .unwrap();
        conn.execute_batch(
            "INSERT INTO staff (id, name, created_at) VALUES (1, 'Tech', 't0');
             INSERT INTO vehicles (id, plate) VALUES (1, 'AB1');
             INSERT INTO jobs (id, vehicle_id, complaint, priority, status, status_since, created_at, closed_at)
             VALUES (1, 1, 'Brakes squeal', 'normal', 'in_progress', 't1', 't0', NULL),
                    (2, 1, 'Oil change', 'normal', 'delivered', 't3', 't2', 't3');
             INSERT INTO time_entries (job_id, staff_id, started_at) VALUES (1, 1, 't1');",
        )
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
        let lines: Vec<(i64, String, String, String)> = conn
            .prepare("SELECT job_id, kind, work, status FROM lines ORDER BY job_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            lines,
            vec![
                (
                    1,
                    "requested".into(),
                    "Brakes squeal".into(),
                    "approved".into()
                ),
                (2, "requested".into(), "Oil change".into(), "done".into()),
            ]
        );
        // The rebuilt jobs table kept its rows and takes the new state.
        conn.execute(
            "UPDATE jobs SET status = 'waiting_approval' WHERE id = 1",
            [],
        )
        .unwrap();
        let refs: i64 = conn
            .query_row(
                "SELECT count(*) FROM time_entries t JOIN jobs j ON j.id = t.job_id",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(refs, 1);
    }

    #[test]
    fn events_written_before_the_chain_are_chained_by_the_migration() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::Migrations::new(vec![
            super::M::up(super::V1),
            super::M::up(super::V2),
            super::M::up(super::V3),
            super::M::up(super::V4),
        ])
        .to_latest(&mut conn)
        .unwrap();
        for i in 0..3 {
            conn.execute(
                "INSERT INTO events (at, kind, note) VALUES ('2026-11-23T08:00:00.000Z', 'x', ?1)",
                [i],
            )
            .unwrap();
        }
        super::migrations().to_latest(&mut conn).unwrap();
        let walk = crate::store::chain::walk(&conn, false, None, |_| {}).unwrap();
        assert_eq!(walk.links, 3);
        assert!(walk.breaks.is_empty(), "{:?}", walk.breaks);
        let e = conn
            .execute("UPDATE events SET note = 'y'", [])
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
    }

    #[test]
    fn version_8_turns_states_into_rows_and_keeps_jobs_and_their_indexes() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::Migrations::new(
            super::migrations_list()
                .into_iter()
                .take(7)
                .collect::<Vec<_>>(),
        )
        .to_latest(&mut conn)
        .unwrap();
        let t = "2026-11-23T08:00:00.000Z";
        conn.execute_batch(&format!(
            "INSERT INTO vehicles (id, plate) VALUES (1, 'AB1');
             INSERT INTO jobs (id, vehicle_id, complaint, priority, status, status_since, created_at, closed_at)
             VALUES (1, 1, 'Oil', 'normal', 'delivered', '{t}', '{t}', '{t}'),
                    (2, 1, 'Brakes', 'normal', 'paused', '{t}', '{t}', NULL);
             INSERT INTO job_times VALUES (1, '{t}', 1000, 0, 5000, 0, 0, 0, 250, 60, 0);"
        ))
        .unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let rows: Vec<(String, i64)> = conn
            .prepare("SELECT state, ms FROM job_state_times WHERE job_id = 1 ORDER BY ms")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let want = [
            ("qc_passed", 60),
            ("ready_for_qc", 250),
            ("waiting", 1000),
            ("in_progress", 5000),
        ];
        assert_eq!(
            rows,
            want.map(|(s, ms)| (s.to_string(), ms)).to_vec(),
            "zero columns leave no row"
        );
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'jobs'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            !sql.contains("'waiting'") && !sql.contains("parts_return IN"),
            "{sql}"
        );
        assert!(
            sql.contains("CHECK (priority IN"),
            "other checks stay: {sql}"
        );
        for index in ["jobs_one_per_bay", "jobs_closed", "jobs_status"] {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
                    [index],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "{index}");
        }
        // The rule now lives in the triggers that read job_states.
        for bad in [
            "UPDATE jobs SET status = 'finished' WHERE id = 2",
            "UPDATE jobs SET status = 'delivered' WHERE id = 2",
            "UPDATE jobs SET parts_return = 'waiting' WHERE id = 2",
            "UPDATE jobs SET promised_at = 'soon' WHERE id = 2",
        ] {
            assert!(conn.execute(bad, []).is_err(), "{bad}");
        }
        conn.execute("UPDATE jobs SET status = 'rework' WHERE id = 2", [])
            .unwrap();
        assert!(crate::store::states::problems(&conn).unwrap().is_empty());
    }

    #[test]
    fn migrations_are_valid_and_latest_matches() {
        super::migrations().validate().unwrap();
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, super::LATEST);
        // A shop upgraded keeps checking in as before: the walk-around
        // rule is `init`'s, not the migration's.
        let required: bool = conn
            .query_row("SELECT walkaround_required FROM shop", [], |r| r.get(0))
            .unwrap();
        assert!(!required);
    }
}
