//! A PIN: to log in, or to sign a QC inspection.

use super::widgets::{error_line, popup};
use super::{AnyForm, Focus, Form, FormAction, FormKey, FormKind, QcForm, Submit};
use crate::domain::{Actor, Field, job_label};
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::Effect;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use tui_input::Input;

#[derive(Debug, Clone)]
pub enum PinFor {
    Login(Actor),
    Sign(Box<QcForm>),
}

#[derive(Debug, Clone)]
pub struct PinForm {
    pub purpose: PinFor,
    pub input: Input,
    pub error: Option<String>,
}

impl PinForm {
    pub fn new(purpose: PinFor) -> Self {
        PinForm {
            purpose,
            input: Input::default(),
            error: None,
        }
    }

    /// The form this prompt came from, if any (Esc or a refused signature
    /// goes back to it, input kept).
    pub fn back(&self) -> Option<AnyForm> {
        match &self.purpose {
            PinFor::Sign(f) => Some(AnyForm::Inspect(f.clone())),
            PinFor::Login(_) => None,
        }
    }
}

impl Form for PinForm {
    fn kind(&self) -> FormKind {
        FormKind::Pin
    }

    fn focus(&self) -> Focus {
        Focus::Text
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => FormKey::Close,
            FormAction::Submit => FormKey::Submit,
            _ => FormKey::Stay,
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        super::edit(&mut self.input, key);
        self.error = None;
    }

    fn paste(&mut self, text: &str) {
        super::paste(&mut self.input, text.trim());
    }

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        let pin = self.input.value().to_string();
        if pin.trim().is_empty() {
            self.error = Some(crate::present::words::ui("type your PIN, then ⏎").into());
            return Submit::Stay;
        }
        match &mut self.purpose {
            PinFor::Login(actor) => Submit::Run(Effect::LogIn {
                name: actor.name.clone(),
                pin: Some(pin),
            }),
            PinFor::Sign(f) => match f.signed(Some(pin)) {
                Some(effect) => Submit::Run(effect),
                None => Submit::Stay,
            },
        }
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.input = Input::default();
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        let (title, why) = match &self.purpose {
            PinFor::Login(a) => (
                crate::present::words::message("ui-pin-for", &[("name", fit(&a.name, 30).into())]),
                crate::present::words::ui("to log in"),
            ),
            PinFor::Sign(f) => (
                crate::present::words::message(
                    "ui-sign-qc-of",
                    &[("job", job_label(f.job).into())],
                ),
                crate::present::words::ui("your PIN signs the inspection"),
            ),
        };
        let inner = popup(frame, body, 50, 7, title);
        let dots = "•".repeat(self.input.value().chars().count());
        let lines = vec![
            Line::from(format!("PIN       {dots}")),
            Line::styled(format!("{:10}{why}", ""), Style::new().fg(Color::DarkGray)),
            Line::from(""),
            error_line(&self.error),
        ];
        super::widgets::lines_marked(frame, lines, inner);
        frame.set_cursor_position(Position::new(
            inner.x + 10 + self.input.visual_cursor() as u16,
            inner.y,
        ));
    }
}
