//! Today's cars ready for the customer, after the internal hand-over
//! 内部交车: where each is parked and its key tag, with the customer's phone.

use super::panel_block;
use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Rows this panel wants on Today: none when nothing is ready.
pub fn height(m: &Model, area: Rect) -> u16 {
    super::under_height(m.board.ready.len(), area, 4)
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let w = area.width.saturating_sub(2) as usize;
    let none = crate::present::words::ui("not handed over");
    let lines: Vec<Line> = m
        .board
        .ready
        .iter()
        .map(|j| {
            let text = crate::present::words::message(
                "ui-ready-row",
                &[
                    ("job", j.label().into()),
                    ("plate", crate::text::shown(&j.plate).into_owned().into()),
                    ("spot", j.parking_spot.as_deref().unwrap_or(none).into()),
                    ("tag", j.key_tag.as_deref().unwrap_or("—").into()),
                    ("who", j.customer.clone().unwrap_or_default().into()),
                    ("phone", j.phone.clone().unwrap_or_default().into()),
                ],
            );
            Line::from(fit(&text, w))
        })
        .collect();
    let mut title = crate::present::words::message(
        "ui-ready-title",
        &[("n", (m.board.ready.len() as i64).into())],
    );
    title.push_str(&super::more(m.board.ready.len(), area, 0));
    frame.render_widget(Paragraph::new(lines).block(panel_block(title, false)), area);
}
