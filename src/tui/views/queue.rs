//! The queue panel: waiting jobs by priority, then open jobs without a bay.

use super::board::state_for;
use super::{job_ref, panel_block, selected_style};
use crate::domain::JobStatus;
use crate::text::fit;
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let w = area.width.saturating_sub(2);
    let rows = m.queue_list().into_iter().map(|j| {
        let mut spans = vec![Span::raw(format!("{} ", job_ref(j.id, area)))];
        if j.status == JobStatus::Waiting {
            let marker = j.priority.marker();
            if !marker.is_empty() {
                spans.push(Span::styled(
                    format!("{marker} "),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                ));
            }
            spans.push(Span::raw(fit(&j.shown_plate(), 10)));
            if j.is_late(m.now) {
                spans.push(Span::styled(
                    format!(" {}", crate::present::words::ui("late")),
                    Style::new().fg(Color::Red),
                ));
            }
            if j.customer_waiting {
                spans.push(Span::styled(
                    format!(" {}", crate::present::words::word("ui-mark-waits")),
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ));
            }
            // Wide panels: how long it has waited, and the work asked for.
            if area.width >= 40 {
                spans.push(Span::styled(
                    format!(
                        " {}",
                        crate::present::words::message(
                            "ui-waited",
                            &[("d", crate::text::duration(m.now - j.status_since).into())]
                        )
                    ),
                    Style::new().fg(Color::DarkGray),
                ));
            }
            if area.width >= 44 {
                let used: usize = spans.iter().map(|s| crate::text::width(&s.content)).sum();
                let room = (area.width as usize).saturating_sub(used + 4);
                spans.push(Span::raw(format!("  {}", fit(&j.complaint, room))));
            }
        } else {
            spans.push(Span::raw(format!("{} no bay", j.status.symbol())));
        }
        Row::new([Cell::from(Line::from(spans))])
    });
    let title = format!(
        "{} {}{}",
        crate::present::words::ui("QUEUE"),
        m.board.queue.len(),
        super::more(m.queue_list().len(), area, 0)
    );
    let table = Table::new(rows, [Constraint::Length(w)])
        .block(panel_block(title, m.panel == Panel::Queue))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Queue));
}
