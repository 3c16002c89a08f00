//! The full-screen board, as model / message / update / view.
//!
//! A key press becomes a [`msg::Msg`]; [`update::update`] changes the
//! [`model::Model`] and returns [`msg::Effect`]s without doing any IO;
//! [`effects`] runs each effect through the operations layer and feeds the
//! result back as another `Msg`; [`views`] draw the model. Keys live in one
//! table, [`keymap`], from which the key handler, the footer and the help
//! are all generated. See ARCHITECTURE.md.

pub mod app;
pub mod dash;
pub mod effects;
pub mod forms;
pub mod keymap;
pub mod live;
pub mod model;
pub mod msg;
pub mod select;
pub mod update;
pub mod views;
pub mod wall;
mod writes;

pub use app::App;
pub use live::run;
