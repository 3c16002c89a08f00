//! `/` on the board: find a job on it by its number, a plate however
//! typed or its last characters, a phone, or the customer's name (pinyin
//! too), and open its details — so a car is found even where the lists
//! hide rows at 80×24.

use super::widgets::{error_line, hint_line, input_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::Field;
use crate::domain::find::JobQuery;
use crate::present::words::{message, ui};
use crate::store::JobRow;
use crate::text::{cell, fit};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Slot};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use tui_input::Input;

#[derive(Debug, Clone, Default)]
pub struct FindForm {
    pub input: Input,
    /// The highlighted one of the jobs found.
    pub sel: usize,
    pub error: Option<String>,
}

/// The jobs on the board the typed text may mean, in board order.
pub fn found<'a>(m: &'a Model, typed: &str) -> Vec<&'a JobRow> {
    let q = JobQuery::new(typed);
    let mut seen = Vec::new();
    m.open_jobs()
        .filter(|j| {
            let fits = q.matches(
                j.id,
                &j.vehicle.plate,
                j.customer.as_deref(),
                j.phone.as_deref(),
            );
            // A job both in a bay and in a queue is listed once.
            fits && !seen.contains(&j.id) && {
                seen.push(j.id);
                true
            }
        })
        .collect()
}

impl Form for FindForm {
    fn kind(&self) -> FormKind {
        FormKind::Find
    }

    fn focus(&self) -> Focus {
        Focus::Text
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => FormKey::Close,
            FormAction::Submit => FormKey::Submit,
            FormAction::Up => {
                self.sel = self.sel.saturating_sub(1);
                FormKey::Stay
            }
            FormAction::Down => {
                self.sel += 1;
                FormKey::Stay
            }
            _ => FormKey::Stay,
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        super::edit(&mut self.input, key);
        self.sel = 0;
        self.error = None;
    }

    fn paste(&mut self, text: &str) {
        super::paste(&mut self.input, text);
        self.sel = 0;
    }

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, m: &Model) -> Submit {
        let jobs = found(m, self.input.value());
        match jobs.get(self.sel.min(jobs.len().saturating_sub(1))) {
            Some(j) => Submit::Open(Effect::LoadJob(Slot::Detail, j.id)),
            None => {
                self.error = Some(message(
                    "ui-find-nothing",
                    &[("text", fit(self.input.value().trim(), 40).into())],
                ));
                Submit::Stay
            }
        }
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let rows = body.height.saturating_sub(8).clamp(3, 12);
        let inner = popup(frame, body, 76, rows + 6, ui("Find a job").into());
        let width = inner.width as usize;
        let (line, cursor) = input_line(ui("find"), &self.input, width, true);
        let mut lines = vec![line];
        let jobs = found(m, self.input.value());
        let sel = self.sel.min(jobs.len().saturating_sub(1));
        // The highlighted row stays in sight when there are more than fit.
        let first = sel.saturating_sub(rows as usize - 1);
        for (i, j) in jobs.iter().enumerate().skip(first).take(rows as usize) {
            let text = format!(
                "{}{}{}{}{}",
                cell(&j.label(), 10),
                cell(&j.shown_plate(), 11),
                cell(&crate::present::status_text(j.status), 16),
                cell(j.customer.as_deref().unwrap_or(""), 14),
                j.complaint
            );
            let style = if i == sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            lines.push(Line::styled(fit(&text, width), style));
        }
        let shown = jobs.len().min(rows as usize);
        for _ in shown..rows as usize {
            lines.push(Line::from(""));
        }
        let count = if self.input.value().trim().is_empty() {
            ui("number, plate, phone or name (pinyin too)").to_string()
        } else {
            message("ui-find-count", &[("n", (jobs.len() as i64).into())])
        };
        lines.push(hint_line(fit(&count, width)));
        lines.push(hint_line(fit(
            &crate::tui::keymap::form_hint(FormKind::Find),
            width,
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        frame.set_cursor_position(Position::new(inner.x + cursor as u16, inner.y));
    }
}
