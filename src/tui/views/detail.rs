//! One job in full: vehicle, complaint, parts, QC results and the timeline;
//! and its car across its visits (the vehicle file).

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

pub fn draw_vehicle(
    frame: &mut Frame,
    area: Rect,
    m: &Model,
    v: &crate::read::vehicle_file::VehicleFile,
) {
    let text = crate::present::vehicle_file::text(v);
    let lines: Vec<Line> = text
        .lines()
        .map(|l| Line::from(crate::text::shown(l).into_owned()))
        .collect();
    let title = crate::present::words::message(
        "ui-vehicle-file-title",
        &[(
            "plate",
            crate::text::shown(&v.vehicle.plate).into_owned().into(),
        )],
    );
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((m.detail_scroll, 0))
        .block(panel_block(title, true));
    frame.render_widget(para, area);
}
