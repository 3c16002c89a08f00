//! The week's service reminders on Today: cars whose next service (set at
//! their last delivery) falls due, with the customer's phone. The cursor
//! goes on from the bookings to them; `r`/`m` log the reminder call.

use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::ListItem;

/// Rows this panel wants on Today: none when no car is due.
pub fn height(m: &Model, area: Rect) -> u16 {
    super::under_height(m.board.service_due.len(), area, 5)
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let w = area.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = m
        .board
        .service_due
        .iter()
        .map(|d| ListItem::new(fit(&crate::present::vehicle_file::due_line(d), w)))
        .collect();
    let selected = m.sel.today.checked_sub(m.board.today.len());
    let mut title = crate::present::words::message(
        "ui-service-due-title",
        &[("n", (m.board.service_due.len() as i64).into())],
    );
    title.push_str(&super::more(m.board.service_due.len(), area, 0));
    super::under_list(frame, area, (items, title), selected);
}
