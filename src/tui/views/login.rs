//! Who is at this terminal.

use super::{panel_block, selected_style};
use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let staff = m.login_list();
    // A shared bay terminal shows its bay's job to anyone walking by.
    let bay_line = m.bay.as_ref().map(|b| bay_job(m, b));
    let top = u16::from(bay_line.is_some()) * 2;
    let h = (staff.len() as u16 + 2 + top).min(area.height);
    let outer = area.centered(
        Constraint::Length(56.min(area.width)),
        Constraint::Length(h),
    );
    let rect = Rect {
        y: outer.y + top,
        height: outer.height.saturating_sub(top),
        ..outer
    };
    if let Some(line) = bay_line {
        frame.render_widget(
            ratatui::widgets::Paragraph::new(line),
            Rect { height: 1, ..outer },
        );
    }
    let rows = staff.iter().map(|s| {
        let roles: Vec<&str> = s.roles.iter().map(|r| r.noun()).collect();
        Row::new([
            Cell::from(Span::raw(fit(&s.name, 20))),
            Cell::from(Span::raw(
                roles.join(&crate::present::words::message("sep-list", &[])),
            )),
        ])
    });
    use crate::present::words::{message, ui};
    let title = if !m.find.is_empty() {
        let found = if staff.is_empty() { "none" } else { "some" };
        message(
            "ui-login-find",
            &[
                ("find", crate::text::fit(&m.find, 20).into()),
                ("found", found.into()),
            ],
        )
    } else if staff.is_empty() {
        ui("No staff yet — add some with `bayboard staff add`").to_string()
    } else {
        ui("Who is at this terminal? (type to find)").to_string()
    };
    let table = Table::new(rows, [Constraint::Length(22), Constraint::Fill(1)])
        .block(panel_block(title, true))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, rect, &mut super::table_state(Some(m.sel.login)));
}

/// "Bay B3 · J-000013 RT65 DEF · ⏸ paused · 张敏", or that the bay is free.
fn bay_job<'a>(m: &Model, bay: &str) -> ratatui::text::Line<'a> {
    use ratatui::style::{Modifier, Style};
    let line = m
        .board
        .bays
        .iter()
        .find(|b| b.name.eq_ignore_ascii_case(bay));
    let mut spans = vec![Span::styled(
        format!("Bay {bay} · "),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    match line.and_then(|b| b.job.as_ref()) {
        Some(j) => {
            spans.push(Span::raw(format!(
                "{} {} · ",
                j.label(),
                fit(&j.shown_plate(), 12)
            )));
            spans.push(super::status_span(j.status));
            spans.push(Span::raw(format!(
                " · {}",
                fit(j.technician.as_deref().unwrap_or("—"), 16)
            )));
        }
        None => spans.push(Span::raw("free")),
    }
    ratatui::text::Line::from(spans)
}
