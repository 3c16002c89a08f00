//! The customer's decision on found work: their name (the job's customer
//! to start with), how they gave it, a note. Approve or decline is chosen
//! by the key that opened the form.

use super::widgets::{error_line, hint_line, input_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, place_refusal,
    step_field,
};
use crate::domain::{Field, Via};
use crate::store::ApprovalRow;
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

const FIELDS: [(Field, &str); 3] = [
    (Field::DecidedBy, "Customer"),
    (Field::Via, "How"),
    (Field::Note, "Note"),
];

#[derive(Debug, Clone)]
pub struct DecisionForm {
    pub line: i64,
    pub approve: bool,
    /// What is decided, for the title: "L-5 Front pads at 2 mm · CNY 1040.00".
    pub what: String,
    pub customer: Input,
    pub via: Via,
    pub note: Input,
    pub field: Field,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

impl DecisionForm {
    pub fn new(a: &ApprovalRow, approve: bool, currency: &str) -> Self {
        DecisionForm {
            line: a.line.id,
            approve,
            what: format!(
                "{} {} · {}",
                a.line.label(),
                fit(&a.line.work, 30),
                crate::present::words::money(a.price, currency)
            ),
            customer: Input::new(a.customer.clone().unwrap_or_default()),
            via: Via::Phone,
            note: Input::default(),
            field: Field::Via,
            errors: FieldErrors::default(),
            error: None,
        }
    }

    fn input(&mut self) -> Option<&mut Input> {
        match self.field {
            Field::DecidedBy => Some(&mut self.customer),
            Field::Note => Some(&mut self.note),
            _ => None,
        }
    }
}

impl Form for DecisionForm {
    fn kind(&self) -> FormKind {
        FormKind::Decision
    }

    fn focus(&self) -> Focus {
        if self.field == Field::Via {
            Focus::Choice
        } else {
            Focus::Text
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        let v = Via::ALL.iter().position(|x| *x == self.via).unwrap_or(0);
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Submit => return FormKey::Submit,
            FormAction::Quit => return FormKey::Quit,
            FormAction::NextField => self.field = step_field(&FIELDS, self.field, 1),
            FormAction::PrevField => self.field = step_field(&FIELDS, self.field, -1),
            FormAction::Left => self.via = Via::ALL[cycle(v, 3, -1)],
            FormAction::Right | FormAction::Toggle => self.via = Via::ALL[cycle(v, 3, 1)],
            FormAction::Set(i) => self.via = Via::ALL[(i as usize).min(2)],
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[Field::DecidedBy, Field::Note]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field;
        self.input().map(|i| (i, Some(f)))
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        !self.note.value().trim().is_empty()
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        Submit::Run(Effect::Write(Write::DecideLine {
            line: self.line,
            approve: self.approve,
            customer: self.customer.value().to_string(),
            via: self.via,
            note: Some(self.note.value().to_string()).filter(|n| !n.trim().is_empty()),
        }))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.field = f;
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        let verb = if self.approve {
            crate::present::words::ui("Approve")
        } else {
            crate::present::words::ui("Decline")
        };
        let title = format!("{verb} {}", self.what);
        let inner = popup(frame, body, 74, 9 + self.errors.count() as u16, title);
        let field_w = (inner.width as usize).saturating_sub(12);
        let mut lines = Vec::new();
        let mut cursor = None;
        for (field, label) in FIELDS {
            let label = crate::present::words::ui(label);
            let focused = self.field == field;
            let line = match field {
                Field::Via => Line::from(format!(
                    "{}◂ {} ▸  ({})",
                    crate::text::cell(label, 10),
                    self.via.label(),
                    crate::present::words::ui("p phone · i in person · m message")
                )),
                _ => {
                    let input = if field == Field::Note {
                        &self.note
                    } else {
                        &self.customer
                    };
                    let (line, c) = input_line(label, input, field_w, focused);
                    if focused {
                        cursor = Some((c, lines.len()));
                    }
                    line
                }
            };
            push_field(
                &mut lines,
                line,
                focused,
                label,
                self.errors.get(field),
                field_w,
            );
        }
        lines.push(Line::from(""));
        lines.push(hint_line(format!(
            " {}",
            crate::tui::keymap::form_hint(FormKind::Decision)
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y as u16));
        }
    }
}
