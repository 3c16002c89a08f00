//! One job in full: vehicle, complaint, parts, QC results and the timeline.

use super::panel_block;
use crate::detail::JobDetail;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, d: &JobDetail) {
    let text =
        crate::cli::show::detail_text(d, app.now, &app.tz, area.width.saturating_sub(2) as usize);
    let lines: Vec<Line> = text.lines().map(|l| Line::from(l.to_string())).collect();
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.detail_scroll, 0))
        .block(panel_block(format!("{} · details", d.job.label()), true));
    frame.render_widget(para, area);
}
