//! One job in full: vehicle, complaint, parts, QC results and the timeline.

use super::panel_block;
use crate::read::detail::JobDetail;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model, d: &JobDetail) {
    let width = area.width.saturating_sub(2) as usize;
    let text = crate::present::detail_text(d, m.now, &m.tz, width);
    let lines: Vec<Line> = text.lines().map(|l| Line::from(l.to_string())).collect();
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((m.detail_scroll, 0))
        .block(panel_block(
            format!(
                "{} · {}",
                d.job.label(),
                crate::present::words::ui("details")
            ),
            true,
        ));
    frame.render_widget(para, area);
}
