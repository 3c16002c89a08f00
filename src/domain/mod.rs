//! Plain types and the workshop's rules. No IO, no SQL, no terminal.

pub mod acts;
pub mod aftersales;
pub mod appointments;
pub mod catalogue;
pub mod documents;
pub mod field;
pub mod find;
pub mod handover;
pub mod lifecycle;
pub mod lines;
pub mod money;
pub mod names;
pub mod numbers;
pub mod parts;
pub mod people;
pub mod pins;
pub mod qc;
pub mod refusal;
pub mod said;
pub mod states;
pub mod status;
pub mod translit;
pub mod validate;
pub mod vehicle;

pub use acts::Act;
pub use field::Field;
pub use lifecycle::{Holds, JobAction, JobFacts, Outcome};
pub use lines::{LineKind, LineStatus, Urgency, Via, line_label};
pub use numbers::{job_label, parts_label};
pub use parts::{PartKind, PartStatus};
pub use people::{Actor, BayKind, Role};
pub use pins::PinPolicy;
pub use qc::{Checklist, ItemResult};
pub use refusal::Refusal;
pub use said::{Arg, Said, UnknownCode};
pub use status::{JobStatus, Priority};
