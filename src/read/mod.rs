//! The read models: what the board, a job's details, the day's load, the
//! settlement and the figures read from the store. Each is a function of
//! the store and a moment passed in (the clock is never read here).

pub mod board;
pub mod changes;
pub mod claims;
pub mod detail;
pub mod figures;
pub mod load;
pub mod settlement;
pub mod vehicle_file;
