//! Rendering: pure functions of the model to a frame. One file per screen
//! and per board panel; forms draw themselves (`forms/`).

mod approvals;
pub mod ascii;
mod bays;
mod board;
mod calls;
mod claims;
mod dash_counts;
mod dash_parts;
pub mod dashboard;
mod desk;
mod detail;
mod help;
mod login;
mod my_work;
mod parts;
mod parts_panel;
mod qc;
mod qc_panel;
mod queue;
mod ready;
mod service_due;
mod techs;
pub mod wall;
mod wall_next;

use super::keymap;
use super::model::{Live, Model, Overlay, View};
use crate::domain::JobStatus;
use crate::store::JobRow;
use crate::text::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Below this the board cannot be drawn honestly.
pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 20;

pub fn draw(frame: &mut Frame, m: &Model) {
    let _plain = crate::text::plain_while(m.ascii);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [header, tabs, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, m);
    match &m.user {
        None => login::draw(frame, body, m),
        Some(_) => {
            draw_tabs(frame, tabs, m);
            if let Some(v) = &m.vehicle_file {
                detail::draw_vehicle(frame, body, m, v);
            } else if let Some(d) = &m.detail {
                detail::draw(frame, body, m, d);
            } else {
                match m.view {
                    View::Board => board::draw(frame, body, m),
                    View::MyWork => my_work::draw(frame, body, m),
                    View::Parts => parts::draw(frame, body, m),
                    View::Qc => qc::draw(frame, body, m),
                    View::Today => desk::draw_today(frame, body, m),
                    View::Followup => desk::draw_followup(frame, body, m),
                    View::Complaints => desk::draw_complaints(frame, body, m),
                    View::Approvals => approvals::draw(frame, body, m),
                    View::Dashboard => dashboard::draw(frame, body, m),
                }
            }
        }
    }
    draw_flash(frame, flash, m);
    draw_footer(frame, footer, m);
    match &m.overlay {
        None => {}
        Some(Overlay::Help) => help::draw(frame, body, m),
        Some(Overlay::Confirm(c)) => help::confirm(frame, body, c),
        Some(Overlay::Form(f)) => f.get().draw(frame, body, m),
    }
    if m.ascii {
        ascii::plain(frame.buffer_mut());
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from(crate::present::words::ui("terminal too small")),
        Line::from(format!(
            "{}×{} — bayboard needs at least {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from(crate::present::words::ui(
            "enlarge the window, or press q to quit",
        )),
    ];
    let h = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect::new(area.x, y, area.width, h);
    frame.render_widget(Paragraph::new(text).centered(), rect);
}

fn draw_header(frame: &mut Frame, area: Rect, m: &Model) {
    let width = area.width as usize;
    let clock = crate::present::words::day_and_clock(m.now.with_timezone(&m.tz).naive_local());
    let live = match m.live {
        Live::Watching => Span::styled(
            format!("● {}", crate::present::words::ui("live")),
            Style::new().fg(Color::Green),
        ),
        Live::Polling => Span::styled(
            format!("○ {}", crate::present::words::ui("polling")),
            Style::new().fg(Color::Yellow),
        ),
        Live::Replaced => Span::styled(
            crate::present::words::ui("database file replaced — reopen"),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
    };
    let live_w = crate::text::width(live.content.as_ref());
    // The person with roles if it fits, else the name alone.
    let who = match &m.user {
        Some(a) if width >= 100 => {
            let roles: Vec<&str> = a.roles.iter().map(|r| r.noun()).collect();
            let sep = crate::present::words::message("sep-list", &[]);
            let said = crate::present::words::message(
                "ui-person-roles",
                &[
                    ("name", a.name.as_str().into()),
                    ("roles", roles.join(&sep).into()),
                ],
            );
            fit(&said, 40)
        }
        Some(a) => fit(&a.name, 20),
        None => crate::present::words::ui("not logged in").into(),
    };
    let fixed = crate::text::width(&clock) + crate::text::width(&who) + live_w + 2 + 1 + 4;
    let left = fit(
        &format!(" bayboard · {}", m.board.shop),
        width.saturating_sub(fixed).max(9),
    );
    let used = crate::text::width(&left) + fixed - 4;
    let gap = width.saturating_sub(used);
    let line = Line::from(vec![
        Span::styled(left, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(gap / 2)),
        Span::raw(clock),
        Span::raw(" ".repeat(gap - gap / 2)),
        Span::raw(who),
        Span::raw("  "),
        live,
        Span::raw(" "),
    ]);
    frame.render_widget(
        Paragraph::new(line).style(Style::new().add_modifier(Modifier::REVERSED)),
        area,
    );
}

fn draw_tabs(frame: &mut Frame, area: Rect, m: &Model) {
    let Some(actor) = &m.user else { return };
    let mut spans = vec![Span::raw(" ")];
    let views: Vec<View> = View::ALL.into_iter().filter(|v| v.allowed(actor)).collect();
    // Roomy tabs where they fit, tight ones on narrow screens.
    let roomy: usize = views.iter().map(|v| v.title().len() + 5).sum();
    let tight = roomy + 1 > area.width as usize;
    for v in views {
        let text = if tight {
            format!("{} {}", v.key(), v.title())
        } else {
            format!(" {} {} ", v.key(), v.title())
        };
        let style = if v == m.view {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    if let Some(bay) = &m.bay {
        let at = crate::present::words::message("ui-at-bay", &[("bay", fit(bay, 12).into())]);
        spans.push(Span::raw(format!("  {at}")));
    }
    // The day's load, for those who book and dispatch, where it fits.
    if actor.has_any(&crate::domain::aftersales::AFTERSALES) {
        let load = desk::load_spans(&m.board.load, m.ascii);
        let used: usize = spans.iter().map(|s| crate::text::width(&s.content)).sum();
        let need: usize = load.iter().map(|s| crate::text::width(&s.content)).sum();
        let width = area.width as usize;
        if used + need + 2 <= width {
            spans.push(Span::raw(" ".repeat(width - used - need - 1)));
            spans.extend(load);
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_flash(frame: &mut Frame, area: Rect, m: &Model) {
    if let Some(f) = &m.flash {
        let (mark, style) = if f.error {
            (
                "✗ ",
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        } else {
            ("✓ ", Style::new().fg(Color::Green))
        };
        let text = fit(
            &format!("{mark}{}", f.text),
            area.width.saturating_sub(2) as usize,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text}"), style)),
            area,
        );
    } else if !m.board.complaints_overdue.is_empty()
        && m.actor()
            .is_some_and(|a| a.has_any(&crate::domain::aftersales::AFTERSALES))
    {
        // The foreman and the advisors see missed complaint deadlines until
        // someone acts on them.
        let list: Vec<String> = m
            .board
            .complaints_overdue
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}",
                    crate::domain::aftersales::complaint_label(c.id),
                    crate::present::words::message(
                        "ui-severity-plate",
                        &[
                            ("severity", c.severity.into()),
                            ("plate", c.plate.as_str().into())
                        ]
                    ),
                    c.overdue.map(|o| o.label()).unwrap_or("")
                )
            })
            .collect();
        let text = fit(
            &crate::present::words::message(
                "ui-complaints-overdue",
                &[
                    ("n", (list.len() as i64).into()),
                    ("list", list.join("; ").into()),
                ],
            ),
            area.width.saturating_sub(2) as usize,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {text}"),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )),
            area,
        );
    } else if !m.board.unreadable.is_empty() {
        // Until someone repairs it, the board says what it cannot show.
        let text = fit(
            &format!(
                "⚠ unreadable, shown empty: {} — run `bayboard check`",
                m.board.unreadable.join("; ")
            ),
            area.width.saturating_sub(2) as usize,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {text}"),
                Style::new().fg(Color::Red),
            )),
            area,
        );
    }
}

fn draw_footer(frame: &mut Frame, area: Rect, m: &Model) {
    // The last keys (help, quit, back) always show; others fill what room
    // is left.
    let keys: Vec<(&str, &str)> = keymap::footer(m)
        .into_iter()
        .map(|(k, w)| (key_text(k, m.ascii), w))
        .collect();
    let w = |(k, what): &(&str, &str)| crate::text::width(k) + 1 + crate::text::width(what) + 2;
    // At a shared bay terminal logging parts and logging out matter as
    // much as help and quitting: those never drop off a narrow screen.
    let tail = keys.len().saturating_sub(2);
    let pinned = |i: usize, k: &str| i >= tail || (m.bay.is_some() && (k == "l" || k == "L"));
    let mut room = (area.width as usize).saturating_sub(
        1 + keys
            .iter()
            .enumerate()
            .filter(|(i, (k, _))| pinned(*i, k))
            .map(|(_, k)| w(k))
            .sum::<usize>(),
    );
    let mut shown = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if pinned(i, k.0) {
            shown.push(*k);
        } else if w(k) <= room {
            room -= w(k);
            shown.push(*k);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (k, what) in shown {
        spans.push(Span::styled(k, Style::new().add_modifier(Modifier::BOLD)));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Status as symbol and words, with a colour that only ever repeats them.
pub fn status_span(status: JobStatus) -> Span<'static> {
    Span::styled(
        crate::present::status_text(status),
        Style::new().fg(status_color(status)),
    )
}

/// Each state's colour (always drawn beside its words), from its row of
/// the lifecycle table.
pub fn status_color(status: JobStatus) -> Color {
    use crate::domain::states::Colour;
    match status.row().colour {
        Colour::Plain => Color::Reset,
        Colour::Green => Color::Green,
        Colour::Yellow => Color::Yellow,
        Colour::LightBlue => Color::LightBlue,
        Colour::Magenta => Color::Magenta,
        Colour::Cyan => Color::Cyan,
        Colour::Red => Color::Red,
    }
}

/// "15:30" or "15:30 ! late" (late in red and bold, and marked in words).
pub fn due_span(job: &JobRow, m: &Model) -> Line<'static> {
    let text = crate::present::due_text(job, m.now, &m.tz);
    let mut spans = vec![if job.is_late(m.now) {
        Span::styled(
            text,
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )
    } else {
        Span::raw(text)
    }];
    // A customer waiting on site is marked on every board, in words.
    if job.customer_waiting {
        spans.push(Span::styled(
            format!(" {}", crate::present::words::word("ui-mark-waits")),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ));
    }
    Line::from(spans)
}

/// A bordered block whose border shows focus in bold and colour.
pub fn panel_block(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    let marker = if focused { "▸ " } else { "" };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(format!("{marker}{title}"), style))
}

pub fn selected_style() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// "J-19": job numbers in narrow panels.
pub fn short(n: i64) -> String {
    format!("J-{n}")
}

/// Narrow panels name jobs "J-17"; wide ones "J-000017".
pub fn job_ref(n: i64, area: Rect) -> String {
    if area.width < 30 {
        short(n)
    } else {
        crate::domain::job_label(n)
    }
}

/// A table's selection, shown only in the focused panel.
pub fn table_state(selected: Option<usize>) -> ratatui::widgets::TableState {
    ratatui::widgets::TableState::default().with_selected(selected)
}

/// Rows a panel under a view wants: its rows and borders, at most
/// `1/share` of the area (at least 3), none when it has no rows.
pub fn under_height(rows: usize, area: Rect, share: u16) -> u16 {
    if rows == 0 {
        0
    } else {
        (rows as u16 + 2).min((area.height / share).max(3))
    }
}

/// A list panel whose cursor is shared with the list above it: `selected`
/// is the row here when the cursor has gone on to this panel.
pub fn under_list(
    frame: &mut Frame,
    area: Rect,
    (items, title): (Vec<ratatui::widgets::ListItem>, String),
    selected: Option<usize>,
) {
    let list = ratatui::widgets::List::new(items)
        .block(panel_block(title, selected.is_some()))
        .highlight_style(selected_style());
    frame.render_stateful_widget(
        list,
        area,
        &mut ratatui::widgets::ListState::default().with_selected(selected),
    );
}

/// " · +3 more" when a list has more rows than its panel shows (`header`:
/// rows taken by a table header), so nothing is hidden without saying so.
pub fn more(rows: usize, area: Rect, header: u16) -> String {
    let fits = area.height.saturating_sub(2 + header) as usize;
    match rows.checked_sub(fits).filter(|n| *n > 0) {
        None => String::new(),
        // Narrow panels: short enough to stay on the border.
        Some(n) if area.width < 30 => format!(" +{n}↓"),
        Some(n) => format!(" · +{n} more ↓"),
    }
}

/// A key as the footer writes it; plain words on the Linux console.
pub fn key_text(k: &'static str, ascii: bool) -> &'static str {
    if !ascii {
        return k;
    }
    match k {
        "⏎" => "Enter",
        "↑↓" => "Up/Dn",
        "↑↓ j/k" => "Up/Dn j/k",
        "←→" => "Lt/Rt",
        other => other,
    }
}

/// "1.4/2.0 h", and "2.6/2.0 h over" in red words past the estimate.
pub fn clocked_span(j: &JobRow) -> Span<'static> {
    match j.estimate() {
        Some(e) if j.clocked_hours > e => Span::styled(
            format!("{:.1}/{e:.1} h over", j.clocked_hours),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        Some(e) => Span::raw(format!("{:.1}/{e:.1} h", j.clocked_hours)),
        None => Span::raw(format!("{:.1} h", j.clocked_hours)),
    }
}
