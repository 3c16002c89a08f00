//! The technicians panel: who is clocked on what, and hours today.

use super::board::state_for;
use super::{panel_block, selected_style, short};
use crate::text::fit;
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    // Wide panels add sold hours today and efficiency (sold ÷ clocked).
    let wide = area.width >= 36;
    let name_w = (area.width as usize).saturating_sub(2 + 7 + 4 + 2 + if wide { 11 } else { 0 });
    let rows = m.board.technicians.iter().map(|t| {
        let (state, style) = match t.clocked_on {
            Some(n) => (format!("▶{}", short(n)), Style::new().fg(Color::Green)),
            None if t.open_jobs > 0 => (
                format!(
                    "◇{}",
                    crate::present::words::message("ui-n-jobs", &[("n", t.open_jobs.into())])
                ),
                Style::new().fg(Color::Yellow),
            ),
            None => (
                format!("○{}", crate::present::words::ui("free")),
                Style::new(),
            ),
        };
        let mut cells = vec![
            Cell::from(Span::raw(short_name(&t.name, name_w))),
            Cell::from(Span::styled(state, style)),
            Cell::from(Span::raw(format!("{:.1}h", t.hours_today))),
        ];
        if wide {
            let eff = t
                .efficiency()
                .map(|e| format!("{e:.0}%"))
                .unwrap_or_default();
            cells.push(Cell::from(format!("{:.1}h {eff}", t.sold_today)));
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(4),
    ];
    if wide {
        widths.push(Constraint::Length(10));
    }
    let table = Table::new(rows, widths)
        .block(panel_block(
            format!(
                "{}{}{}",
                crate::present::words::ui("TECHNICIANS"),
                if wide {
                    crate::present::words::ui(" · clocked · sold · eff.")
                } else {
                    ""
                },
                super::more(m.board.technicians.len(), area, 0)
            ),
            m.panel == Panel::Techs,
        ))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Techs));
}

/// A name that fits `w` columns without being cut mid-word: "Tom Baker",
/// else "Tom B.", else the first name cut.
fn short_name(name: &str, w: usize) -> String {
    let name = &crate::text::shown(name);
    if crate::text::width(name) <= w {
        return name.to_string();
    }
    let mut words = name.split_whitespace();
    if let (Some(first), Some(last)) = (words.next(), words.last()) {
        let initial: String = last.chars().take(1).collect();
        let short = format!("{first} {initial}.");
        if crate::text::width(&short) <= w {
            return short;
        }
        if crate::text::width(first) <= w {
            return first.to_string();
        }
    }
    fit(name, w)
}
