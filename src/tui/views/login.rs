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
    let h = (staff.len() as u16 + 2).min(area.height);
    let rect = area.centered(
        Constraint::Length(56.min(area.width)),
        Constraint::Length(h),
    );
    let rows = staff.iter().map(|s| {
        let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
        Row::new([
            Cell::from(Span::raw(fit(&s.name, 20))),
            Cell::from(Span::raw(roles.join(", "))),
        ])
    });
    let title = if !m.find.is_empty() {
        format!(
            "Who is at this terminal? find: {}{}",
            crate::text::fit(&m.find, 20),
            if staff.is_empty() { " — nobody" } else { "" }
        )
    } else if staff.is_empty() {
        "No staff yet — add some with `bayboard staff add`".to_string()
    } else {
        "Who is at this terminal? (type to find)".to_string()
    };
    let table = Table::new(rows, [Constraint::Length(22), Constraint::Fill(1)])
        .block(panel_block(title, true))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, rect, &mut super::table_state(Some(m.sel.login)));
}
