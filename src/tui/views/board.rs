//! The board: bays on top, then queue, technicians, parts and QC panels.

use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::TableState;

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let bays_h = (m.board.bays.len() as u16 + 3)
        .min(area.height.saturating_sub(7))
        .max(4);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(bays_h), Constraint::Fill(1)]).areas(area);
    super::bays::draw(frame, top, m);
    let cols = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(bottom);
    super::queue::draw(frame, cols[0], m);
    super::techs::draw(frame, cols[1], m);
    super::parts_panel::draw(frame, cols[2], m);
    super::qc_panel::draw(frame, cols[3], m);
}

/// A panel's table state: the cursor shows only in the focused panel.
pub fn state_for(m: &Model, p: Panel) -> TableState {
    super::table_state((m.panel == p).then(|| m.selected_in(p)))
}
