//! The week's service reminders on Today: cars whose next service (set at
//! their last delivery) falls due, with the customer's phone; the call is
//! logged with `bayboard vehicle remind`.

use super::panel_block;
use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Rows this panel wants on Today: none when no car is due.
pub fn height(m: &Model, area: Rect) -> u16 {
    let n = m.board.service_due.len() as u16;
    if n == 0 {
        0
    } else {
        (n + 2).min((area.height / 5).max(3))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let w = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = m
        .board
        .service_due
        .iter()
        .map(|d| Line::from(fit(&crate::present::vehicle_file::due_line(d), w)))
        .collect();
    let mut title = crate::present::words::message(
        "ui-service-due-title",
        &[("n", (m.board.service_due.len() as i64).into())],
    );
    title.push_str(&super::more(m.board.service_due.len(), area, 0));
    frame.render_widget(Paragraph::new(lines).block(panel_block(title, false)), area);
}
