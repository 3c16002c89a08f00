//! The handlers, a file per subcommand group. Each builds its result and
//! hands it to [`super::output::emit`].

pub(super) mod aftersales;
pub(super) mod backup;
pub(super) mod bay;
pub(super) mod board;
pub(super) mod calls;
pub(super) mod catalogue;
pub(super) mod check;
pub(super) mod doctor;
pub(super) mod init;
pub(super) mod job;
mod job_money;
mod job_new;
pub(super) mod lines;
pub(super) mod parts;
pub(super) mod print;
pub(super) mod qc;
pub(super) mod report;
pub(super) mod staff;
pub(super) mod vehicle;
pub(super) mod warranty;
