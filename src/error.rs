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
    #[error("database error: {0}")]
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
