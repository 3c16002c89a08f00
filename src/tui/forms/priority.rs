//! A job's priority: normal, high or urgent, one key each.

use super::widgets::{error_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::{Field, Priority, job_label};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityForm {
    pub job: i64,
    pub version: i64,
    pub sel: usize,
    pub error: Option<String>,
}

impl PriorityForm {
    pub fn new(job: i64, version: i64, current: Priority) -> Self {
        PriorityForm {
            job,
            version,
            sel: Priority::ALL
                .iter()
                .position(|p| *p == current)
                .unwrap_or(0),
            error: None,
        }
    }

    pub fn priority(&self) -> Priority {
        Priority::ALL[self.sel.min(Priority::ALL.len() - 1)]
    }
}

impl Form for PriorityForm {
    fn kind(&self) -> FormKind {
        FormKind::Priority
    }

    fn focus(&self) -> Focus {
        Focus::List
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => FormKey::Close,
            FormAction::Quit => FormKey::Quit,
            FormAction::Up => {
                self.sel = self.sel.saturating_sub(1);
                FormKey::Stay
            }
            FormAction::Down => {
                self.sel = (self.sel + 1).min(Priority::ALL.len() - 1);
                FormKey::Stay
            }
            FormAction::Set(i) => {
                self.sel = (i as usize).min(Priority::ALL.len() - 1);
                FormKey::Submit
            }
            FormAction::Submit => FormKey::Submit,
            _ => FormKey::Stay,
        }
    }

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        Submit::Run(Effect::Write(Write::Priority {
            job: self.job,
            version: self.version,
            priority: self.priority(),
        }))
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        let title = crate::present::words::message(
            "ui-priority-of",
            &[("job", job_label(self.job).into())],
        );
        let inner = popup(frame, body, 40, 8, title);
        let mut lines = Vec::new();
        for (i, p) in Priority::ALL.iter().enumerate() {
            let key = p.as_str().chars().next().unwrap_or(' ');
            let style = if i == self.sel {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            lines.push(Line::styled(
                format!(" {key}  {} {}", p.label(), p.marker()),
                style,
            ));
        }
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
    }
}
