//! The advisor's desk: Today (bookings and the load ahead), Follow-up
//! (calls due) and Complaints (by deadline).

use super::{panel_block, selected_style, table_state};
use crate::domain::aftersales::{ComplaintStatus, complaint_label};
use crate::domain::appointments::{ApptState, appt_label};
use crate::domain::job_label;
use crate::read::load::Load;
use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

fn empty(frame: &mut Frame, area: Rect, title: String, lines: [&'static str; 2]) {
    let msg = Paragraph::new(vec![
        Line::from(""),
        Line::from(crate::present::words::ui(lines[0])),
        Line::from(crate::present::words::ui(lines[1])),
    ])
    .centered()
    .block(panel_block(title, true));
    frame.render_widget(msg, area);
}

/// "load ▰▰▰▱▱▱▱▱▱▱ 34 % · 19.0 of 56.0 h": booked and open sold hours
/// against the technicians' hours; red above 100 %, in words too.
pub fn load_spans(l: &Load, ascii: bool) -> Vec<Span<'static>> {
    let filled = ((l.ratio * 10.0).round() as usize).min(10);
    let (on, off) = if ascii { ("#", "-") } else { ("▰", "▱") };
    let color = if l.ratio > 1.0 {
        Color::Red
    } else if l.ratio > 0.85 {
        Color::Yellow
    } else {
        Color::Green
    };
    let words = if l.ratio > 1.0 {
        crate::present::words::ui(" overbooked")
    } else {
        ""
    };
    vec![
        Span::raw(format!("{} ", crate::present::words::ui("load"))),
        Span::styled(
            format!("{}{}", on.repeat(filled), off.repeat(10 - filled)),
            Style::new().fg(color),
        ),
        Span::styled(
            format!(" {:.0} %{words}", l.ratio * 100.0),
            Style::new().fg(color).add_modifier(Modifier::BOLD),
        ),
        Span::raw(crate::present::words::message(
            "ui-load-of",
            &[
                ("used", format!("{:.1}", l.booked + l.open_sold).into()),
                ("of", format!("{:.1}", l.available).into()),
            ],
        )),
    ]
}

fn state_span(s: ApptState) -> Span<'static> {
    let color = match s {
        ApptState::Late => Color::Red,
        ApptState::NoShow | ApptState::Cancelled => Color::DarkGray,
        ApptState::Arrived => Color::Green,
        ApptState::Expected => Color::Reset,
    };
    Span::styled(
        s.label(),
        Style::new().fg(color).add_modifier(Modifier::BOLD),
    )
}

pub fn draw_today(frame: &mut Frame, area: Rect, m: &Model) {
    let b = &m.board;
    // As many rows as there are, up to a third of the view.
    let moved = if b.promises_moved.is_empty() {
        0
    } else {
        (b.promises_moved.len() as u16 + 2).min((area.height / 3).max(3))
    };
    let ready = super::ready::height(m, area);
    let due = super::service_due::height(m, area);
    let [list, promises, cars, reminders, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(moved),
        Constraint::Length(ready),
        Constraint::Length(due),
        Constraint::Length(6),
    ])
    .areas(area);
    if due > 0 {
        super::service_due::draw(frame, reminders, m);
    }
    if moved > 0 {
        draw_promises_moved(frame, promises, m);
    }
    if ready > 0 {
        super::ready::draw(frame, cars, m);
    }
    let title =
        crate::present::words::message("ui-today-title", &[("n", (b.today.len() as i64).into())]);
    if b.today.is_empty() {
        empty(
            frame,
            list,
            title,
            ["No bookings for today.", "Book with `bayboard appt new`."],
        );
    } else {
        let wide = area.width >= 110;
        let rows = b.today.iter().map(|a| {
            let mut cells = vec![
                Cell::from(appt_label(a.id)),
                Cell::from(a.at.with_timezone(&m.tz).format("%H:%M").to_string()),
                Cell::from(fit(&a.plate, 10)),
                Cell::from(state_span(a.state)),
                Cell::from(a.job.map(job_label).unwrap_or_default()),
                Cell::from(a.hours.map(|h| format!("{h:.1} h")).unwrap_or_default()),
                Cell::from(fit(&a.work, 60)),
            ];
            if wide {
                cells.push(Cell::from(fit(a.customer.as_deref().unwrap_or(""), 24)));
            }
            Row::new(cells)
        });
        let mut widths = vec![
            Constraint::Length(6),
            Constraint::Length(6),
            Constraint::Length(11),
            Constraint::Length(10),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Fill(1),
        ];
        if wide {
            widths.push(Constraint::Length(24));
        }
        // The cursor goes on to the cars due for their service below.
        let here = (m.sel.today < b.today.len()).then_some(m.sel.today);
        let table = Table::new(rows, widths)
            .block(panel_block(title, here.is_some()))
            .row_highlight_style(selected_style());
        frame.render_stateful_widget(table, list, &mut table_state(here));
    }
    // The days' names in one column, as wide as the widest.
    let col = b
        .ahead
        .iter()
        .map(|(d, _)| {
            crate::text::width(&crate::present::words::weekday(
                d.with_timezone(&m.tz).date_naive(),
            ))
        })
        .max()
        .unwrap_or(10)
        + 1;
    let mut lines = vec![Line::from(
        [
            vec![Span::raw(crate::text::cell(
                crate::present::words::ui("Today"),
                col,
            ))],
            load_spans(&b.load, m.ascii),
        ]
        .concat(),
    )];
    for (day, l) in &b.ahead {
        let name = crate::present::words::weekday(day.with_timezone(&m.tz).date_naive());
        let name = crate::text::cell(&name, col);
        lines.push(Line::from(
            [vec![Span::raw(name)], load_spans(l, m.ascii)].concat(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(panel_block(
            crate::present::words::ui("LOAD AHEAD").into(),
            false,
        )),
        foot,
    );
}

/// Promises moved today: who to call, the new time and why.
fn draw_promises_moved(frame: &mut Frame, area: Rect, m: &Model) {
    let b = &m.board;
    let w = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = b
        .promises_moved
        .iter()
        .map(|p| {
            let who = match (&p.customer, &p.phone) {
                (Some(c), Some(ph)) => format!("{c} {ph}"),
                (Some(c), None) => c.clone(),
                (None, _) => String::new(),
            };
            let at = p
                .promised_at
                .map(|t| crate::present::when(t, m.now, &m.tz))
                .unwrap_or_default();
            let text = crate::present::words::message(
                "ui-promise-moved-row",
                &[
                    ("job", job_label(p.job).into()),
                    ("plate", crate::text::shown(&p.plate).into_owned().into()),
                    ("who", who.into()),
                    ("at", at.into()),
                    ("reason", p.reason.clone().unwrap_or_default().into()),
                    ("by", p.by.clone().unwrap_or_default().into()),
                ],
            );
            Line::from(fit(&text, w))
        })
        .collect();
    let mut title = crate::present::words::message(
        "ui-promises-moved-title",
        &[("n", (b.promises_moved.len() as i64).into())],
    );
    title.push_str(&super::more(b.promises_moved.len(), area, 0));
    frame.render_widget(Paragraph::new(lines).block(panel_block(title, false)), area);
}

pub fn draw_followup(frame: &mut Frame, area: Rect, m: &Model) {
    // Calls to return below the follow-ups, up to half the view.
    let area = if m.board.calls.is_empty() {
        area
    } else {
        let h = (m.board.calls.len() as u16 + 2).min(area.height / 2);
        let [top, calls] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(area);
        super::calls::draw(frame, calls, m);
        top
    };
    let list = &m.board.followups;
    let title =
        crate::present::words::message("ui-followups-title", &[("n", (list.len() as i64).into())]);
    if list.is_empty() {
        empty(
            frame,
            area,
            title,
            [
                "No follow-up call is due.",
                "Delivered cars fall due after the shop's follow-up days.",
            ],
        );
        return;
    }
    // Narrow screens leave out the technician: the call is what matters.
    let wide = area.width >= 100;
    let rows = list.iter().map(|f| {
        let mut cells = vec![
            Cell::from(job_label(f.job)),
            Cell::from(fit(&f.plate, 10)),
            Cell::from(fit(f.customer.as_deref().unwrap_or("—"), 20)),
            Cell::from(fit(f.phone.as_deref().unwrap_or(""), 18)),
            Cell::from(crate::present::words::day(
                f.delivered_at.with_timezone(&m.tz).date_naive(),
            )),
            Cell::from(if f.misses > 0 {
                crate::present::words::message("ui-missed-calls", &[("n", f.misses.into())])
            } else {
                String::new()
            }),
        ];
        if wide {
            cells.push(Cell::from(fit(f.technician.as_deref().unwrap_or(""), 16)));
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(9),
        Constraint::Length(11),
        Constraint::Length(21),
        Constraint::Length(19),
        Constraint::Length(7),
        Constraint::Length(9),
    ];
    let mut header = vec![
        crate::present::words::ui("Job"),
        crate::present::words::ui("Plate"),
        crate::present::words::ui("Customer"),
        crate::present::words::ui("Phone"),
        crate::present::words::ui("Out"),
        crate::present::words::ui("Tries"),
    ];
    if wide {
        widths.push(Constraint::Fill(1));
        header.push(crate::present::words::ui("Technician"));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header))
        .block(panel_block(title, true))
        .row_highlight_style(selected_style());
    let on_followup = (m.sel.followups < list.len()).then_some(m.sel.followups);
    frame.render_stateful_widget(table, area, &mut table_state(on_followup));
}

pub fn draw_complaints(frame: &mut Frame, area: Rect, m: &Model) {
    let list = &m.board.complaints;
    let title =
        crate::present::words::message("ui-complaints-title", &[("n", (list.len() as i64).into())]);
    if list.is_empty() {
        empty(
            frame,
            area,
            title,
            [
                "No open complaint.",
                "Record one with `bayboard complaint new`.",
            ],
        );
        return;
    }
    let when = |t: chrono::DateTime<chrono::Utc>| crate::present::when(t, m.now, &m.tz);
    // Narrow screens: shorter deadline words and no owner, so the text of
    // the complaint still shows.
    let wide = area.width >= 110;
    let rows = list.iter().map(|c| {
        let next = match (c.status, wide) {
            (ComplaintStatus::Open, true) => format!(
                "{} {}",
                crate::present::words::ui("respond by"),
                when(c.respond_by)
            ),
            (ComplaintStatus::Open, false) => format!(
                "{} {}",
                crate::present::words::ui("reply"),
                when(c.respond_by)
            ),
            (ComplaintStatus::Acknowledged, true) => {
                format!(
                    "{} {}",
                    crate::present::words::ui("resolve by"),
                    when(c.resolve_by)
                )
            }
            (ComplaintStatus::Acknowledged, false) => format!(
                "{} {}",
                crate::present::words::ui("fix"),
                when(c.resolve_by)
            ),
            _ => crate::present::words::ui("to close").into(),
        };
        let due = match c.overdue {
            Some(_) if !wide => Span::styled(
                format!("{} {next}", crate::present::words::ui("OVERDUE")),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            Some(o) => Span::styled(
                format!("{} — {}", o.label().to_uppercase(), next),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            None => Span::raw(next),
        };
        let mut cells = vec![
            Cell::from(complaint_label(c.id)),
            Cell::from(crate::present::words::message(
                "ui-severity-n",
                &[("n", c.severity.into())],
            )),
            Cell::from(fit(&c.plate, 10)),
            Cell::from(crate::present::labels::complaint_status(c.status, wide)),
            Cell::from(due),
        ];
        if wide {
            cells.push(Cell::from(fit(&c.owner, 14)));
        }
        cells.push(Cell::from(fit(&c.text, 100)));
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(11),
        Constraint::Length(if wide { 13 } else { 9 }),
        Constraint::Length(if wide { 36 } else { 20 }),
    ];
    if wide {
        widths.push(Constraint::Length(15));
    }
    widths.push(Constraint::Fill(1));
    let table = Table::new(rows, widths)
        .block(panel_block(title, true))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut table_state(Some(m.sel.complaints)));
}
