//! bayboard: a live job board for a vehicle service workshop.
//!
//! `domain` holds the rules, `store` the SQL, `workshop` the single write
//! path that joins them; `cli` drives it from the command line.

pub mod domain;
pub mod error;
pub mod store;
pub mod workshop;

pub use error::{Error, Result};
pub mod cli;
pub mod demo;
pub mod guard;
pub mod options;
pub mod present;
pub mod printing;
pub mod read;
pub mod sanitise;
pub mod text;
pub mod timeparse;
pub mod tui;
