//! The full-screen board: app state, key handling, rendering, and the run
//! loop that waits on the terminal and on "the database changed".

pub mod app;
pub mod forms;
pub mod live;
pub mod ui;

pub use app::App;
