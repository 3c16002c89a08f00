//! The crate's error: a refusal by a rule, or trouble with the database file.

use crate::domain::Refusal;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// A rule said no; nothing was changed.
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// The database file cannot be used as it is (missing, foreign, newer).
    #[error("{0}")]
    Database(String),
    /// The command line asks for something the command does not do.
    #[error("{0}")]
    Usage(String),
    /// A guarded install does not let this person do that (another
    /// database, a backup into the group's folder); nothing was changed.
    #[error("{0}")]
    Denied(String),
    /// The file can be read but not written by this user.
    #[error("{0}")]
    ReadOnly(String),
    /// The file was deleted or replaced under an open connection.
    #[error("{0}")]
    Replaced(String),
    #[error("{}", sql_message(.0))]
    Sql(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            Error::Refused(r) => Some(r),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

fn sql_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "the database stayed busy for more than {} s (another program holds a long \
             transaction on it); nothing was changed — try again",
            crate::store::busy_limit().as_secs_f64()
        ),
        Some(ErrorCode::ReadOnly) => {
            "the database is read-only here (file or folder not writable); nothing was changed"
                .to_string()
        }
        Some(ErrorCode::DiskFull) => "the disk is full; nothing was changed".to_string(),
        Some(ErrorCode::SystemIoFailure) => match crate::store::file_size_limit() {
            Some(kb) => format!(
                "this process may not write files over {kb} KB (`ulimit -f`); nothing was \
                 changed — raise the limit and try again"
            ),
            None => format!("database error: {e}"),
        },
        _ => format!("database error: {e}"),
    }
}
