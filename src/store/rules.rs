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
    ("complaints", "owner_id", Form::Integer),
    ("job_state_times", "job_id", Form::Integer),
    ("job_state_times", "closed_at", Form::Time),
    ("job_state_times", "ms", Form::Integer),
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
