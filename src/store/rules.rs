//! The form every typed column must have. The same rules become the
//! triggers that stop the stock `sqlite3` tool from writing a malformed
//! value, and the query `bayboard check` uses to name rows written before
//! the rules existed (or with the triggers dropped).
//!
//! Triggers rather than table `CHECK`s: SQLite cannot add a `CHECK` to an
//! existing table without rebuilding it, and rebuilding the events and jobs
//! of a ten-year history would stall every terminal for minutes on upgrade.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, as `store::ts` writes it.
    Time,
    Integer,
    Number,
}

pub const VALUE_RULES: &[(&str, &str, Form)] = &[
    ("bays", "created_at", Form::Time),
    ("staff", "created_at", Form::Time),
    ("staff", "pin_locked_until", Form::Time),
    ("vehicles", "year", Form::Integer),
    ("vehicles", "odometer_km", Form::Integer),
    ("jobs", "promised_at", Form::Time),
    ("jobs", "status_since", Form::Time),
    ("jobs", "created_at", Form::Time),
    ("jobs", "closed_at", Form::Time),
    ("jobs", "estimate_hours", Form::Number),
    ("jobs", "odometer_km", Form::Integer),
    ("jobs", "version", Form::Integer),
    ("jobs", "rework_count", Form::Integer),
    ("time_entries", "started_at", Form::Time),
    ("time_entries", "ended_at", Form::Time),
    ("parts_issues", "eta", Form::Time),
    ("parts_issues", "created_at", Form::Time),
    ("parts_issues", "updated_at", Form::Time),
    ("parts_issues", "closed_at", Form::Time),
    ("parts_issues", "qty", Form::Integer),
    ("qc_inspections", "created_at", Form::Time),
    ("qc_inspections", "road_test_km", Form::Number),
    ("lines", "created_at", Form::Time),
    ("lines", "decided_at", Form::Time),
    ("lines", "done_at", Form::Time),
    ("lines", "hours", Form::Number),
    ("lines", "parts_amount", Form::Integer),
    ("events", "at", Form::Time),
    ("followups", "due_at", Form::Time),
    ("followups", "done_at", Form::Time),
    ("followup_tries", "at", Form::Time),
    ("complaints", "respond_by", Form::Time),
    ("complaints", "resolve_by", Form::Time),
    ("complaints", "created_at", Form::Time),
    ("complaints", "acknowledged_at", Form::Time),
    ("complaints", "resolved_at", Form::Time),
    ("complaints", "closed_at", Form::Time),
    ("calls", "due_at", Form::Time),
    ("calls", "opened_at", Form::Time),
    ("calls", "closed_at", Form::Time),
    ("shop", "day_hours", Form::Number),
    ("appointments", "at", Form::Time),
    ("appointments", "created_at", Form::Time),
    ("appointments", "hours", Form::Number),
    ("walkarounds", "recorded_at", Form::Time),
    ("walkarounds", "fuel_eighths", Form::Integer),
    ("jobs", "washed_at", Form::Time),
    ("adjustments", "amount", Form::Integer),
    ("adjustments", "at", Form::Time),
    ("lines", "approved_hours", Form::Number),
    ("lines", "approved_parts", Form::Integer),
    ("lines", "labour_rate", Form::Integer),
    ("events", "pin_by", Form::Integer),
    ("staff", "pin_set_at", Form::Time),
    ("staff", "pin_set_by", Form::Integer),
    // References and counts the board reads as numbers.
    ("shop", "labour_rate", Form::Integer),
    ("staff", "pin_failures", Form::Integer),
    ("jobs", "vehicle_id", Form::Integer),
    ("jobs", "customer_id", Form::Integer),
    ("jobs", "bay_id", Form::Integer),
    ("jobs", "technician_id", Form::Integer),
    ("time_entries", "job_id", Form::Integer),
    ("time_entries", "staff_id", Form::Integer),
    ("time_entries", "bay_id", Form::Integer),
    ("parts_issues", "job_id", Form::Integer),
    ("parts_issues", "logged_by", Form::Integer),
    ("qc_inspections", "job_id", Form::Integer),
    ("qc_inspections", "inspector_id", Form::Integer),
    ("lines", "job_id", Form::Integer),
    ("events", "actor_id", Form::Integer),
    ("events", "job_id", Form::Integer),
    ("jobs", "comeback_of", Form::Integer),
    ("complaints", "job_id", Form::Integer),
    ("calls", "job_id", Form::Integer),
    ("calls", "opened_by", Form::Integer),
    ("calls", "closed_by", Form::Integer),
    ("complaints", "owner_id", Form::Integer),
    ("job_state_times", "job_id", Form::Integer),
    ("job_state_times", "closed_at", Form::Time),
    ("job_state_times", "ms", Form::Integer),
    ("catalogue_ops", "hours", Form::Number),
    ("catalogue_ops", "updated_at", Form::Time),
    ("catalogue_parts", "price", Form::Integer),
    ("catalogue_parts", "updated_at", Form::Time),
    ("lines", "qty", Form::Integer),
    ("lines", "list_price", Form::Integer),
    ("lines", "price", Form::Integer),
    ("jobs", "estimate_accepted", Form::Integer),
];

/// True when `value` (an SQL expression) has the column's form; NULL passes
/// (NOT NULL is the table's own constraint).
pub fn holds(value: &str, form: Form) -> String {
    match form {
        // The form, and a real moment: SQLite gives back the same text only
        // for a valid date and time (no month 19, no 30 February).
        Form::Time => format!(
            "({value} IS NULL OR (typeof({value}) = 'text' AND {value} GLOB \
             '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z' \
             AND strftime('%Y-%m-%dT%H:%M:%fZ', julianday({value})) = {value}))"
        ),
        Form::Integer => format!("({value} IS NULL OR typeof({value}) = 'integer')"),
        Form::Number => format!("({value} IS NULL OR typeof({value}) IN ('integer','real'))"),
    }
}

fn form_words(form: Form) -> &'static str {
    match form {
        Form::Time => "a UTC time like 2026-11-24T09:00:00.000Z",
        Form::Integer => "a whole number",
        Form::Number => "a number",
    }
}

pub fn trigger_name(table: &str, column: &str, on: &str) -> String {
    format!("valid_{table}_{column}_{on}")
}

/// Creates the triggers, one per rule for inserts and one for updates, for
/// the columns that exist at this point of the migrations.
pub fn create_triggers(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let mut sql = String::new();
    for (table, column, form) in VALUE_RULES {
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            [table, column],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        let cond = holds(&format!("NEW.{column}"), *form);
        let msg = format!("{table}.{column} must be {}", form_words(*form));
        for (on, when) in [
            ("insert", "INSERT".to_string()),
            ("update", format!("UPDATE OF {column}")),
        ] {
            sql.push_str(&format!(
                "CREATE TRIGGER IF NOT EXISTS {} BEFORE {when} ON {table} WHEN NOT {cond}\n\
                 BEGIN SELECT RAISE(ABORT, '{msg}'); END;\n",
                trigger_name(table, column, on)
            ));
        }
    }
    conn.execute_batch(&sql)
}

/// Amounts in minor units: none may pass a trillion (10¹² minor units, ten
/// billion in a currency's major unit), so no sum of a job's lines or a
/// figure over ten years of them comes near the 64-bit limit and wraps.
pub const AMOUNT_BOUND: i64 = 1_000_000_000_000;

pub const AMOUNTS: &[(&str, &str)] = &[
    ("shop", "labour_rate"),
    ("lines", "parts_amount"),
    ("lines", "approved_parts"),
    ("lines", "labour_rate"),
    ("adjustments", "amount"),
    ("catalogue_parts", "price"),
    ("lines", "list_price"),
    ("lines", "price"),
    ("jobs", "estimate_accepted"),
];

fn bounded(value: &str) -> String {
    format!(
        "({value} IS NULL OR typeof({value}) <> 'integer' OR {value} BETWEEN -{AMOUNT_BOUND} AND {AMOUNT_BOUND})"
    )
}

/// Every column declared TEXT that no rule above gives a form: it must hold
/// text (or nothing). A BLOB or a number there stopped every board.
pub fn text_columns(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND upper(c.type) = 'TEXT'
            -- Rows are named by rowid; the two WITHOUT ROWID tables hold
            -- only a key of an id and a checked code or a skill.
            AND m.sql NOT LIKE '%WITHOUT ROWID%'
          ORDER BY m.name, c.cid",
    )?;
    let all = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .into_iter()
        .filter(|(t, c)| !VALUE_RULES.iter().any(|(rt, rc, _)| rt == t && rc == c))
        .collect())
}

fn is_text(value: &str) -> String {
    format!("({value} IS NULL OR typeof({value}) = 'text')")
}

/// The triggers for text columns and amounts (schema 12 on): one for
/// inserts and one for updates of each.
pub fn create_text_and_bound_triggers(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    let mut sql = String::new();
    let mut add = |name: String, table: &str, column: &str, cond: String, msg: &str| {
        for (on, when) in [
            ("insert", "INSERT".to_string()),
            ("update", format!("UPDATE OF {column}")),
        ] {
            sql.push_str(&format!(
                "CREATE TRIGGER IF NOT EXISTS {name}_{on} BEFORE {when} ON {table} WHEN NOT {cond}\n\
                 BEGIN SELECT RAISE(ABORT, '{msg}'); END;\n"
            ));
        }
    };
    for (table, column) in text_columns(conn)? {
        let msg = format!("{table}.{column} must be text");
        add(
            format!("text_{table}_{column}"),
            &table,
            &column,
            is_text(&format!("NEW.{column}")),
            &msg,
        );
    }
    for (table, column) in AMOUNTS {
        // A column a later migration adds gets its trigger then.
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            [table, column],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        let msg = format!("{table}.{column} must be at most {AMOUNT_BOUND} minor units either way");
        add(
            format!("bound_{table}_{column}"),
            table,
            column,
            bounded(&format!("NEW.{column}")),
            &msg,
        );
    }
    conn.execute_batch(&sql)
}

/// Rows holding something other than text in a text column, or an amount
/// past the bound, one line each (with the rules above, for `check`).
pub fn text_and_bound_violations_sql(conn: &rusqlite::Connection) -> rusqlite::Result<String> {
    let mut parts: Vec<String> = text_columns(conn)?
        .into_iter()
        .map(|(t, c)| {
            format!(
                "SELECT '{t} row ' || rowid || ': {c} holds ' || typeof({c}) || ', not text' \
                 FROM {t} WHERE NOT {}",
                is_text(&c)
            )
        })
        .collect();
    parts.extend(AMOUNTS.iter().map(|(t, c)| {
        format!(
            "SELECT '{t} row ' || rowid || ': {c} is ' || {c} || ', past the bound of \
             {AMOUNT_BOUND} minor units' FROM {t} WHERE NOT {}",
            bounded(c)
        )
    }));
    Ok(parts.join("\nUNION ALL\n"))
}

/// A query listing the rows that break the rules, one line each.
pub fn violations_sql() -> String {
    VALUE_RULES
        .iter()
        .map(|(table, column, form)| {
            format!(
                "SELECT '{table} row ' || rowid || ': {column} is ' || quote({column}) || \
                 ', not {}' FROM {table} WHERE NOT {}",
                form_words(*form),
                holds(column, *form)
            )
        })
        .collect::<Vec<_>>()
        .join("\nUNION ALL\n")
}
