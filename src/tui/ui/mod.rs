//! Rendering: a pure function of the app state to a frame.

mod board;
mod detail;
mod login;
mod modals;
mod my_work;
mod parts;
mod qc;

use super::app::{App, Live, View};
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

pub fn draw(frame: &mut Frame, app: &App) {
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
    draw_header(frame, header, app);
    match &app.user {
        None => login::draw(frame, body, app),
        Some(_) => {
            draw_tabs(frame, tabs, app);
            if let Some(d) = &app.detail {
                detail::draw(frame, body, app, d);
            } else {
                match app.view {
                    View::Board => board::draw(frame, body, app),
                    View::MyWork => my_work::draw(frame, body, app),
                    View::Parts => parts::draw(frame, body, app),
                    View::Qc => qc::draw(frame, body, app),
                }
            }
        }
    }
    draw_flash(frame, flash, app);
    draw_footer(frame, footer, app);
    if let Some(m) = &app.modal {
        modals::draw(frame, body, app, m);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("terminal too small"),
        Line::from(format!(
            "{}×{} — bayboard needs at least {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from("enlarge the window, or press q to quit"),
    ];
    let h = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect::new(area.x, y, area.width, h);
    frame.render_widget(Paragraph::new(text).centered(), rect);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let clock = app
        .now
        .with_timezone(&app.tz)
        .format("%a %d %b %H:%M")
        .to_string();
    let live = match app.live {
        Live::Watching => Span::styled("● live", Style::new().fg(Color::Green)),
        Live::Polling => Span::styled("○ polling", Style::new().fg(Color::Yellow)),
    };
    let live_w = crate::text::width(live.content.as_ref());
    // The person with roles if it fits, else the name alone.
    let who = match &app.user {
        Some(a) if width >= 100 => fit(&a.describe(), 40),
        Some(a) => fit(&a.name, 20),
        None => "not logged in".into(),
    };
    let fixed = crate::text::width(&clock) + crate::text::width(&who) + live_w + 2 + 1 + 4;
    let left = fit(
        &format!(" bayboard · {}", app.board.shop),
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

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let Some(actor) = &app.user else { return };
    let mut spans = vec![Span::raw(" ")];
    for v in View::ALL.into_iter().filter(|v| v.allowed(actor)) {
        let text = format!(" {} {} ", v.key(), v.title());
        let style = if v == app.view {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    if let Some(bay) = &app.bay {
        spans.push(Span::raw(format!("  at bay {}", fit(bay, 12))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_flash(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(f) = &app.flash {
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
    }
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    // The last keys (help, quit) always show; others fill what room is left.
    let keys = app.footer_keys();
    let w = |(k, what): &(&str, &str)| crate::text::width(k) + 1 + crate::text::width(what) + 2;
    let tail = keys.len().saturating_sub(2);
    let mut room =
        (area.width as usize).saturating_sub(1 + keys[tail..].iter().map(w).sum::<usize>());
    let mut shown = Vec::new();
    for k in &keys[..tail] {
        if w(k) <= room {
            room -= w(k);
            shown.push(*k);
        }
    }
    shown.extend_from_slice(&keys[tail..]);
    let mut spans = vec![Span::raw(" ")];
    for (k, what) in shown {
        spans.push(Span::styled(k, Style::new().add_modifier(Modifier::BOLD)));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Status as symbol and words, with a colour that only ever repeats them.
pub fn status_span(status: JobStatus) -> Span<'static> {
    let color = match status {
        JobStatus::InProgress => Color::Green,
        JobStatus::Paused | JobStatus::WaitingParts => Color::Yellow,
        JobStatus::Rework => Color::Magenta,
        JobStatus::ReadyForQc | JobStatus::QcPassed => Color::Cyan,
        JobStatus::Cancelled => Color::Red,
        _ => Color::Reset,
    };
    Span::styled(
        format!("{} {}", status.symbol(), status.label()),
        Style::new().fg(color),
    )
}

/// "15:30" or "15:30 ! late" (late in red and bold, and marked in words).
pub fn due_span(job: &JobRow, app: &App) -> Span<'static> {
    match job.promised_at {
        None => Span::raw(""),
        Some(p) => {
            let t = crate::cli::board_text::when(p, app.now, &app.tz);
            if job.is_late(app.now) {
                Span::styled(
                    format!("{t} ! late"),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                )
            } else {
                Span::raw(t)
            }
        }
    }
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

/// Width of the job-number column: "J-000123", one wider past a million.
pub fn job_col(app: &App) -> u16 {
    let last = app
        .board
        .bays
        .iter()
        .filter_map(|b| b.job.as_ref())
        .chain(&app.board.queue)
        .chain(&app.board.parked)
        .chain(&app.board.qc)
        .chain(&app.board.ready)
        .map(|j| j.id)
        .max()
        .unwrap_or(0);
    crate::domain::job_label(last).len().max(8) as u16
}

pub fn selected_style() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
