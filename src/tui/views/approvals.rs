//! The advisor's Approvals: found work waiting for the customer's yes or
//! no, safety first, with who to call and what it costs.

use super::{panel_block, selected_style, table_state};
use crate::domain::{Urgency, job_label};
use crate::text::{duration, fit};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// Urgency in words, in the colour the dealer manuals use for it.
pub fn urgency_span(u: Option<Urgency>, blocking: bool) -> Span<'static> {
    let (text, color) = match u {
        Some(Urgency::Safety) => (Urgency::Safety.label(), Color::Red),
        Some(Urgency::Soon) => (Urgency::Soon.label(), Color::Yellow),
        Some(Urgency::Advisory) => (Urgency::Advisory.label(), Color::Green),
        None => ("", Color::Reset),
    };
    let text = if blocking {
        format!("{text} ⛔")
    } else {
        text.to_string()
    };
    Span::styled(text, Style::new().fg(color).add_modifier(Modifier::BOLD))
}

/// Approvals, and under them the warranty desk when it has rows.
pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let desk = super::claims::height(m, area);
    let [area, claims] =
        ratatui::layout::Layout::vertical([Constraint::Fill(1), Constraint::Length(desk)])
            .areas(area);
    if desk > 0 {
        super::claims::draw(frame, claims, m);
    }
    draw_approvals(frame, area, m);
}

fn draw_approvals(frame: &mut Frame, area: Rect, m: &Model) {
    let list = &m.board.approvals;
    let title = format!(
        "{} {}",
        crate::present::words::ui("WAITING FOR THE CUSTOMER"),
        list.len()
    );
    if list.is_empty() {
        let msg = Paragraph::new(vec![
            Line::from(""),
            Line::from(crate::present::words::ui(
                "No found work waits for a customer's decision.",
            )),
            Line::from(crate::present::words::ui(
                "When a technician adds some, it appears here at once.",
            )),
        ])
        .centered()
        .block(panel_block(title, true));
        frame.render_widget(msg, area);
        return;
    }
    let wide = area.width >= 140;
    // Narrower, the table cuts the phone and the work: the selected row is
    // written out in full under it, so the advisor can call from here.
    // On the warranty desk below, no approval is selected: no box.
    let (area, full) = if wide || m.selected_approval().is_none() {
        (area, None)
    } else {
        let [table, full] =
            ratatui::layout::Layout::vertical([Constraint::Fill(1), Constraint::Length(4)])
                .areas(area);
        (table, Some(full))
    };
    if let (Some(full), Some(a)) = (full, m.selected_approval()) {
        selected_in_full(frame, full, a);
    }
    let rows = list.iter().map(|a| {
        let who = match (&a.customer, &a.phone) {
            (Some(c), Some(p)) if wide => format!("{c} · {p}"),
            (Some(c), _) => c.clone(),
            (None, _) => format!("— {}", crate::present::words::ui("no customer on record")),
        };
        let work = match &a.line.note {
            Some(n) => format!("{} — {n}", a.line.work),
            None => a.line.work.clone(),
        };
        let mut cells = vec![
            Cell::from(a.line.label()),
            Cell::from(job_label(a.line.job)),
            Cell::from(fit(&a.plate, 10)),
            Cell::from(fit(&who, if wide { 28 } else { 12 })),
            Cell::from(fit(&work, 80)),
            Cell::from(urgency_span(a.line.urgency, a.line.blocking)),
            Cell::from(crate::present::words::money(a.price, &m.board.currency)),
            Cell::from(duration(m.now - a.line.created_at)),
        ];
        if wide {
            cells.insert(
                5,
                Cell::from(
                    a.line
                        .hours
                        .map(|h| format!("{h:.1} h"))
                        .unwrap_or_default(),
                ),
            );
        }
        // Narrow screens: the plate names the car, the job number goes.
        if area.width < 110 {
            cells.remove(1);
        }
        Row::new(cells)
    });
    let price = crate::present::words::ui("Price");
    let mut header = vec![
        crate::present::words::ui("Line"),
        crate::present::words::ui("Job"),
        crate::present::words::ui("Plate"),
        crate::present::words::ui("Customer"),
        crate::present::words::ui("Work"),
        crate::present::words::ui("Urgency"),
        price,
        crate::present::words::ui("Waiting"),
    ];
    let mut widths = vec![
        Constraint::Length(6),
        Constraint::Length(m.job_col()),
        Constraint::Length(10),
        Constraint::Length(if wide { 28 } else { 12 }),
        Constraint::Fill(1),
        Constraint::Length(11),
        Constraint::Length(12),
        Constraint::Length(7),
    ];
    if wide {
        header.insert(5, crate::present::words::ui("Hours"));
        widths.insert(5, Constraint::Length(6));
    }
    // Narrow screens keep the work readable: the plate names the car.
    let narrow = area.width < 110;
    if narrow {
        header.remove(1);
        widths.remove(1);
    }
    let header = header.into_iter().map(|h| h.to_string());
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(panel_block(title, m.selected_approval().is_some()))
        .row_highlight_style(selected_style());
    let here = m.selected_approval().map(|_| m.sel.approvals);
    frame.render_stateful_widget(table, area, &mut table_state(here));
}

/// The selected line's customer, phone and work, uncut.
fn selected_in_full(frame: &mut Frame, area: Rect, a: &crate::store::ApprovalRow) {
    let who = match (&a.customer, &a.phone) {
        (Some(c), Some(p)) => format!("{c} · {p}"),
        (Some(c), None) => c.clone(),
        (None, _) => format!("— {}", crate::present::words::ui("no customer on record")),
    };
    let work = match &a.line.note {
        Some(n) => format!("{} — {n}", a.line.work),
        None => a.line.work.clone(),
    };
    let text = vec![
        Line::styled(
            crate::text::shown(&format!(
                "{} · {} · {who}",
                a.line.label(),
                job_label(a.line.job)
            ))
            .into_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::from(crate::text::shown(&work).into_owned()),
    ];
    let block =
        ratatui::widgets::Block::bordered().border_type(ratatui::widgets::BorderType::Plain);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(block),
        area,
    );
}
