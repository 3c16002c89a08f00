//! Pop-up forms and the help overlay, drawn over the body.

use super::panel_block;
use crate::domain::{ItemResult, Priority, job_label, parts_label};
use crate::text::fit;
use crate::tui::app::{App, Modal, PinFor, View, verdict_text};
use crate::tui::forms::{CheckInForm, DispatchForm, PartsField, PartsForm, QcForm, TextForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use tui_input::Input;

fn popup(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    )
}

fn error_line(e: &Option<String>) -> Line<'static> {
    match e {
        Some(e) => Line::from(Span::styled(
            format!("✗ {}", fit(e, 300)),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )),
        None => Line::from(""),
    }
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, modal: &Modal) {
    match modal {
        Modal::Help => help(frame, body, app),
        Modal::ConfirmQuit(_) => confirm(
            frame,
            body,
            "Quit?",
            "The form has unsaved input. Quit anyway? y / n",
        ),
        Modal::Deliver { job, .. } => confirm(
            frame,
            body,
            &format!("Deliver {}", job_label(*job)),
            "Hand the vehicle back to the customer and close the job? y / n",
        ),
        Modal::PartsCancel { issue } => confirm(
            frame,
            body,
            &format!("Cancel {}", parts_label(*issue)),
            "Cancel this parts issue? It cannot be reopened. y / n",
        ),
        Modal::Dispatch(f) => dispatch(frame, body, app, f),
        Modal::Priority(f) => {
            let rect = popup(body, 40, 8);
            frame.render_widget(Clear, rect);
            let mut lines = Vec::new();
            for (i, p) in Priority::ALL.iter().enumerate() {
                let key = p.as_str().chars().next().unwrap_or(' ');
                let style = if i == f.sel {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                };
                lines.push(Line::styled(format!(" {key}  {} {}", p, p.marker()), style));
            }
            lines.push(error_line(&f.error));
            let title = format!("Priority of {}", job_label(f.job));
            frame.render_widget(Paragraph::new(lines).block(panel_block(title, true)), rect);
        }
        Modal::Cancel { form, .. } | Modal::PartsEta { form, .. } => text_form(frame, body, form),
        Modal::PartsLog(f) => parts_form(frame, body, app, f),
        Modal::Inspect(f) => inspect(frame, body, app, f),
        Modal::CheckIn(f) => check_in(frame, body, f),
        Modal::Pin {
            purpose,
            input,
            error,
        } => {
            let (title, why) = match purpose {
                PinFor::Login(a) => (format!("PIN for {}", fit(&a.name, 30)), "to log in"),
                PinFor::Sign(f) => (
                    format!("Sign QC of {}", job_label(f.job)),
                    "your PIN signs the inspection",
                ),
            };
            let rect = popup(body, 50, 7);
            frame.render_widget(Clear, rect);
            let block = panel_block(title, true);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let dots = "•".repeat(input.value().chars().count());
            let lines = vec![
                Line::from(format!("PIN       {dots}")),
                Line::styled(format!("{:10}{why}", ""), Style::new().fg(Color::DarkGray)),
                Line::from(""),
                error_line(error),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
            frame.set_cursor_position(Position::new(
                inner.x + 10 + input.visual_cursor() as u16,
                inner.y,
            ));
        }
    }
}

fn confirm(frame: &mut Frame, body: Rect, title: &str, text: &str) {
    let rect = popup(body, 60, 5);
    frame.render_widget(Clear, rect);
    let para = Paragraph::new(text.to_string())
        .wrap(Wrap { trim: true })
        .block(panel_block(title.to_string(), true));
    frame.render_widget(para, rect);
}

fn help(frame: &mut Frame, body: Rect, app: &App) {
    let mut lines = vec![
        Line::styled("Everywhere", Style::new().add_modifier(Modifier::BOLD)),
        Line::from("  ↑↓ or j/k  move        ⏎  open details      Esc  back"),
        Line::from("  1-4        switch view  ?  this help         q    quit (Ctrl-C too)"),
    ];
    let view = app.view;
    let section =
        |title: &str| Line::styled(title.to_string(), Style::new().add_modifier(Modifier::BOLD));
    match view {
        View::Board => {
            lines.push(section("Board"));
            lines.push(Line::from("  Tab / Shift-Tab  next / previous panel"));
            lines.push(Line::from(
                "  d dispatch a waiting job (foreman)    a reassign bay/technician",
            ));
            lines.push(Line::from(
                "  x release the bay (car to the lot)    u priority    C cancel (reason)",
            ));
            lines.push(Line::from(
                "  l log a parts issue    i inspect (QC)    D deliver (advisor, foreman)",
            ));
        }
        View::MyWork => {
            lines.push(section("My work (bay terminal)"));
            lines.push(Line::from(
                "  s start / resume    p pause    f finish: self-check done, ready for QC",
            ));
            lines.push(Line::from(
                "  l log a parts issue: part, quantity, kind, blocking, note",
            ));
        }
        View::Parts => {
            lines.push(section("Parts"));
            lines.push(Line::from(
                "  o ordered (asks for the ETA)    v received    r resolved    C cancel",
            ));
        }
        View::Qc => {
            lines.push(section("QC"));
            lines.push(Line::from(
                "  i inspect: p pass, f fail (stays for a note), n n/a; e note; road-test km;",
            ));
            lines.push(Line::from(
                "    Ctrl-S or ⏎ on the last rows signs: pass if nothing failed, else rework",
            ));
            lines.push(Line::from("  D deliver a QC-passed vehicle    u priority"));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "Only the keys your roles allow are offered; the footer shows them.",
    ));
    lines.push(Line::from(
        "Changes from other terminals appear by themselves.",
    ));
    let rect = popup(body, 78, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(panel_block("Keys · any key closes".into(), true)),
        rect,
    );
}

fn dispatch(frame: &mut Frame, body: Rect, app: &App, f: &DispatchForm) {
    let h = (f.bays.len().max(f.techs.len()) as u16 + 6).min(body.height);
    let rect = popup(body, 76, h);
    frame.render_widget(Clear, rect);
    let job = app.find_job(f.job);
    let title = format!(
        "{} {} · {}",
        if f.reassign { "Reassign" } else { "Dispatch" },
        job_label(f.job),
        job.map(|j| fit(&format!("{} — {}", j.plate, j.complaint), 48))
            .unwrap_or_default()
    );
    let block = panel_block(title, true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [lists, err] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(lists);
    for (i, (area, list, sel, name)) in [
        (left, &f.bays, f.bay_sel, "Bay"),
        (right, &f.techs, f.tech_sel, "Technician"),
    ]
    .into_iter()
    .enumerate()
    {
        let focused = f.focus == i;
        let mut lines = Vec::new();
        for (k, c) in list.iter().enumerate() {
            let mut style = if c.enabled {
                Style::new()
            } else {
                Style::new().fg(Color::DarkGray)
            };
            if k == sel {
                style = style.add_modifier(if focused {
                    Modifier::REVERSED
                } else {
                    Modifier::BOLD
                });
            }
            let mark = if k == sel { "▸" } else { " " };
            let w = area.width.saturating_sub(4) as usize;
            let name = crate::text::cell(&c.name, 13);
            lines.push(Line::styled(
                fit(&format!("{mark} {name}{}", c.note), w),
                style,
            ));
        }
        frame.render_widget(
            Paragraph::new(lines).block(panel_block(name.into(), focused)),
            area,
        );
    }
    frame.render_widget(Paragraph::new(error_line(&f.error)), err);
}

fn input_line(label: &str, input: &Input, width: usize, focused: bool) -> (Line<'static>, usize) {
    let prefix = format!("{label:<10}");
    let scroll = input.visual_scroll(width.saturating_sub(prefix.len() + 1));
    let shown: String = crate::domain::validate::display(input.value())
        .chars()
        .skip(scroll)
        .collect();
    let style = if focused {
        Style::new().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let cursor = prefix.len() + input.visual_cursor().saturating_sub(scroll);
    (
        Line::from(vec![
            Span::raw(prefix),
            Span::styled(fit(&shown, width.saturating_sub(11)), style),
        ]),
        cursor,
    )
}

/// One form field: a marker on the focused one, and its error on the line
/// below, so each message stands next to its field.
fn push_field(
    lines: &mut Vec<Line<'static>>,
    mut line: Line<'static>,
    focused: bool,
    label: &str,
    error: Option<&str>,
    width: usize,
) {
    let marker = if focused {
        Span::styled("▸", Style::new().fg(Color::Cyan))
    } else {
        Span::raw(" ")
    };
    line.spans.insert(0, marker);
    lines.push(line);
    if let Some(e) = error {
        let msg = fit(&format!("✗ {} {e}", label.to_lowercase()), width);
        lines.push(Line::styled(
            format!("{:11}{msg}", ""),
            Style::new().fg(Color::Red),
        ));
    }
}

fn text_form(frame: &mut Frame, body: Rect, form: &TextForm) {
    let rect = popup(body, 70, 7);
    frame.render_widget(Clear, rect);
    let block = panel_block(form.title.clone(), true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (line, cursor) = input_line(&form.label, &form.input, inner.width as usize, true);
    let lines = vec![
        line,
        Line::styled(
            format!("{:10}{}", "", form.hint),
            Style::new().fg(Color::DarkGray),
        ),
        Line::from(""),
        error_line(&form.error),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position::new(inner.x + cursor as u16, inner.y));
}

fn parts_form(frame: &mut Frame, body: Rect, app: &App, f: &PartsForm) {
    let errors = f.errors.iter().filter(|e| e.is_some()).count() as u16;
    let rect = popup(body, 74, 11 + errors);
    frame.render_widget(Clear, rect);
    let job = app.find_job(f.job);
    let title = format!(
        "Log a parts issue on {}{}",
        job_label(f.job),
        job.map(|j| format!(" · {}", fit(&j.plate, 12)))
            .unwrap_or_default()
    );
    let block = panel_block(title, true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let field_w = (inner.width as usize).saturating_sub(12);
    let mut lines = Vec::new();
    let mut cursor = None;
    let mut cursor_y = 0;
    for (i, field) in PartsField::ALL.iter().enumerate() {
        let focused = f.field == i;
        let line = match field {
            PartsField::Part | PartsField::Qty | PartsField::Note => {
                let input = match field {
                    PartsField::Part => &f.part,
                    PartsField::Qty => &f.qty,
                    _ => &f.note,
                };
                let (line, c) = input_line(field.label(), input, field_w, focused);
                if focused {
                    cursor = Some(c);
                    cursor_y = lines.len();
                }
                line
            }
            PartsField::Kind => Line::from(format!("{:<10}◂ {} ▸", field.label(), f.kind())),
            PartsField::Blocking => Line::from(format!(
                "{:<10}[{}] {}",
                field.label(),
                if f.blocking { "x" } else { " " },
                if f.blocking {
                    "yes — the job waits for this part"
                } else {
                    "no"
                }
            )),
        };
        push_field(
            &mut lines,
            line,
            focused,
            field.label(),
            f.errors[i].as_deref(),
            field_w,
        );
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        " Tab next field · ←→ kind · space blocking · ⏎ log · Esc back",
        Style::new().fg(Color::DarkGray),
    ));
    lines.push(error_line(&f.error));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(c) = cursor {
        frame.set_cursor_position(Position::new(
            inner.x + 1 + c as u16,
            inner.y + cursor_y as u16,
        ));
    }
}

fn inspect(frame: &mut Frame, body: Rect, app: &App, f: &QcForm) {
    let rect = popup(body, 100, body.height);
    frame.render_widget(Clear, rect);
    let job = app.find_job(f.job);
    let title = format!(
        "QC inspection {}{}",
        job_label(f.job),
        job.map(|j| format!(
            " · {} · {}",
            fit(&j.plate, 12),
            fit(j.technician.as_deref().unwrap_or(""), 16)
        ))
        .unwrap_or_default()
    );
    let block = panel_block(title, true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, item) in f.checklist.items.iter().enumerate() {
        let (mark, color) = match f.results[i] {
            ItemResult::Pass => ("✔ pass", Color::Green),
            ItemResult::Fail => ("✗ FAIL", Color::Red),
            ItemResult::Na => ("– n/a ", Color::DarkGray),
        };
        let req = if item.required { "*" } else { " " };
        let note = f.notes[i].value();
        let note_text = if f.editing && f.row == i {
            format!("  note: {}", crate::domain::validate::display(note))
        } else if note.is_empty() {
            String::new()
        } else {
            format!("  — {}", fit(note, 30))
        };
        let style = if f.row == i {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        let text_w = w.saturating_sub(12 + crate::text::width(&note_text));
        let line = Line::from(vec![
            Span::styled(
                format!("{mark} "),
                Style::new().fg(color).add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!("{req}{}", fit(&item.text, text_w)), style),
            Span::raw(note_text.clone()),
        ]);
        if f.editing && f.row == i {
            cursor = Some((
                7 + 1
                    + crate::text::width(&fit(&item.text, text_w))
                    + 8
                    + f.notes[i].visual_cursor(),
                i,
            ));
        }
        lines.push(line);
    }
    let (km, kc) = input_line("Road km", &f.road_km, w, f.row == f.km_row());
    let (note, nc) = input_line("Note", &f.note, w, f.row == f.note_row());
    let marker = |row: usize| if f.row == row { "▸" } else { " " };
    lines.push(Line::from(""));
    let mut km = km;
    km.spans.insert(0, Span::raw(marker(f.km_row())));
    let mut note = note;
    note.spans.insert(0, Span::raw(marker(f.note_row())));
    let km_y = lines.len();
    lines.push(km);
    lines.push(note);
    if f.row == f.km_row() {
        cursor = Some((kc + 1, km_y));
    } else if f.row == f.note_row() {
        cursor = Some((nc + 1, km_y + 1));
    }
    let verdict = verdict_text(f);
    let color = if verdict.starts_with("PASS") {
        Color::Green
    } else {
        Color::Red
    };
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::raw("Sign-off: "),
        Span::styled(
            fit(&verdict, w.saturating_sub(10)),
            Style::new().fg(color).add_modifier(Modifier::BOLD),
        ),
    ]));
    lines.push(Line::styled(
        "* required · p pass · f fail · n n/a · e note · Ctrl-S sign · Esc back",
        Style::new().fg(Color::DarkGray),
    ));
    lines.push(error_line(&f.error));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position::new(inner.x + x as u16, inner.y + y as u16));
    }
}

fn check_in(frame: &mut Frame, body: Rect, f: &CheckInForm) {
    let errors = f.errors.iter().filter(|e| e.is_some()).count() as u16;
    let rect = popup(body, 74, 14 + errors);
    frame.render_widget(Clear, rect);
    let block = panel_block("Check a vehicle in".into(), true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let field_w = (inner.width as usize).saturating_sub(12);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, label) in CheckInForm::LABELS.iter().enumerate() {
        let focused = f.field == i;
        let line = if i < 7 {
            let (line, c) = input_line(label, &f.inputs[i], field_w, focused);
            if focused {
                cursor = Some((c, lines.len()));
            }
            line
        } else {
            let p = Priority::ALL[f.priority];
            Line::from(format!("{label:<10}◂ {p} {} ▸", p.marker()))
        };
        push_field(
            &mut lines,
            line,
            focused,
            label,
            f.errors[i].as_deref(),
            field_w,
        );
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        " plate and complaint required · promised: 15:30 or 2026-11-24 10:00",
        Style::new().fg(Color::DarkGray),
    ));
    lines.push(Line::styled(
        " Tab next field · ←→ priority · ⏎ check in · Esc back",
        Style::new().fg(Color::DarkGray),
    ));
    lines.push(error_line(&f.error));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y as u16));
    }
}
