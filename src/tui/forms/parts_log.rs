//! Log a parts issue on a job: part, quantity, kind, blocking, note.

use super::widgets::{error_line, hint_line, input_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, field_message,
    place_refusal,
};
use crate::domain::validate::{self, limits};
use crate::domain::{Field, PartKind, job_label};
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use crate::workshop::NewPartsInput;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartsField {
    Part,
    Qty,
    Kind,
    Blocking,
    Note,
}

impl PartsField {
    pub const ALL: [PartsField; 5] = [
        PartsField::Part,
        PartsField::Qty,
        PartsField::Kind,
        PartsField::Blocking,
        PartsField::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartsField::Part => crate::present::words::ui("Part"),
            PartsField::Qty => crate::present::words::ui("Quantity"),
            PartsField::Kind => crate::present::words::ui("Kind"),
            PartsField::Blocking => crate::present::words::ui("Blocking"),
            PartsField::Note => crate::present::words::ui("Note"),
        }
    }

    /// The field the operations layer names in its refusals.
    pub fn field(self) -> Option<Field> {
        match self {
            PartsField::Part => Some(Field::Part),
            PartsField::Qty => Some(Field::Quantity),
            PartsField::Note => Some(Field::Note),
            PartsField::Kind | PartsField::Blocking => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PartsForm {
    pub job: i64,
    pub version: i64,
    pub part: Input,
    pub qty: Input,
    pub kind: usize,
    pub blocking: bool,
    pub note: Input,
    pub field: PartsField,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

impl PartsForm {
    pub fn new(job: i64, version: i64) -> Self {
        PartsForm {
            job,
            version,
            part: Input::default(),
            qty: Input::new("1".into()),
            kind: 0,
            blocking: false,
            note: Input::default(),
            field: PartsField::Part,
            errors: FieldErrors::default(),
            error: None,
        }
    }

    pub fn kind(&self) -> PartKind {
        PartKind::ALL[self.kind]
    }

    fn input(&mut self) -> Option<&mut Input> {
        match self.field {
            PartsField::Part => Some(&mut self.part),
            PartsField::Qty => Some(&mut self.qty),
            PartsField::Note => Some(&mut self.note),
            _ => None,
        }
    }

    fn index(&self) -> usize {
        PartsField::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0)
    }

    fn go_to(&mut self, field: Field) {
        if let Some(f) = PartsField::ALL.iter().find(|f| f.field() == Some(field)) {
            self.field = *f;
        }
    }
}

impl Form for PartsForm {
    fn kind(&self) -> FormKind {
        FormKind::PartsLog
    }

    fn focus(&self) -> Focus {
        match self.field {
            PartsField::Kind => Focus::Choice,
            PartsField::Blocking => Focus::Toggle,
            _ => Focus::Text,
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        let n = PartsField::ALL.len();
        let kinds = PartKind::ALL.len();
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Submit => return FormKey::Submit,
            FormAction::Quit => return FormKey::Quit,
            FormAction::NextField => self.field = PartsField::ALL[cycle(self.index(), n, 1)],
            FormAction::PrevField => self.field = PartsField::ALL[cycle(self.index(), n, -1)],
            FormAction::Left if self.field == PartsField::Kind => {
                self.kind = cycle(self.kind, kinds, -1)
            }
            FormAction::Right | FormAction::Toggle if self.field == PartsField::Kind => {
                self.kind = cycle(self.kind, kinds, 1)
            }
            FormAction::Left | FormAction::Right | FormAction::Toggle
                if self.field == PartsField::Blocking =>
            {
                self.blocking = !self.blocking
            }
            FormAction::Set(v) if self.field == PartsField::Blocking => self.blocking = v == 1,
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[Field::Part, Field::Quantity, Field::Note]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field.field();
        self.input().map(|i| (i, f))
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        !self.part.value().trim().is_empty() || !self.note.value().trim().is_empty()
    }

    /// Field-by-field validation with the domain's rules, so each message
    /// stands next to its field before anything is sent.
    fn submit(&mut self, _m: &Model) -> Submit {
        self.errors.clear_all();
        if let Err(e) = validate::required_text(Field::Part, self.part.value(), limits::PART) {
            self.errors.set(Field::Part, field_message(e));
        }
        let qty = match self.qty.value().trim().parse::<i64>() {
            Ok(q) => match validate::quantity(q) {
                Ok(q) => Some(q),
                Err(e) => {
                    self.errors.set(Field::Quantity, field_message(e));
                    None
                }
            },
            Err(_) => {
                self.errors.set(
                    Field::Quantity,
                    format!("a whole number from 1 to {}", limits::QTY_MAX),
                );
                None
            }
        };
        if let Err(e) = validate::optional_text(Field::Note, Some(self.note.value()), limits::NOTE)
        {
            self.errors.set(Field::Note, field_message(e));
        }
        if let Some(first) = PartsField::ALL
            .iter()
            .filter_map(|f| f.field())
            .find(|f| self.errors.get(*f).is_some())
        {
            self.go_to(first);
            return Submit::Stay;
        }
        Submit::Run(Effect::Write(Write::LogParts {
            job: self.job,
            version: self.version,
            input: NewPartsInput {
                part: self.part.value().to_string(),
                kind: self.kind(),
                qty: qty.unwrap_or(1),
                blocking: self.blocking,
                note: Some(self.note.value().to_string()),
            },
        }))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        let field = field.filter(|f| PartsField::ALL.iter().any(|p| p.field() == Some(*f)));
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.go_to(f);
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let job = m.find_job(self.job);
        let title = format!(
            "{}{}",
            crate::present::words::message(
                "ui-log-parts-on",
                &[("job", job_label(self.job).into())]
            ),
            job.map(|j| format!(" · {}", fit(&j.plate, 12)))
                .unwrap_or_default()
        );
        let inner = popup(frame, body, 74, 11 + self.errors.count() as u16, title);
        let field_w = (inner.width as usize).saturating_sub(12);
        let mut lines = Vec::new();
        let mut cursor = None;
        for field in PartsField::ALL {
            let focused = self.field == field;
            let line = match field {
                PartsField::Part | PartsField::Qty | PartsField::Note => {
                    let input = match field {
                        PartsField::Part => &self.part,
                        PartsField::Qty => &self.qty,
                        _ => &self.note,
                    };
                    let (line, c) = input_line(field.label(), input, field_w, focused);
                    if focused {
                        cursor = Some((c, lines.len()));
                    }
                    line
                }
                PartsField::Kind => Line::from(format!(
                    "{}◂ {} ▸",
                    crate::text::cell(field.label(), 10),
                    crate::present::labels::part_kind(self.kind())
                )),
                PartsField::Blocking => Line::from(format!(
                    "{}[{}] {}",
                    crate::text::cell(field.label(), 10),
                    if self.blocking { "x" } else { " " },
                    if self.blocking {
                        crate::present::words::ui("yes — the job waits for this part")
                    } else {
                        crate::present::words::ui("no")
                    }
                )),
            };
            let error = field.field().and_then(|f| self.errors.get(f));
            push_field(&mut lines, line, focused, field.label(), error, field_w);
        }
        lines.push(Line::from(""));
        lines.push(hint_line(format!(
            " {}",
            crate::tui::keymap::form_hint(FormKind::PartsLog)
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y as u16));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press)
    }

    #[test]
    fn edits_fields_and_pastes_without_control_characters() {
        let mut f = PartsForm::new(1, 1);
        for ch in "Brake pads".chars() {
            f.edit(key(KeyCode::Char(ch)));
        }
        f.edit(key(KeyCode::Backspace));
        assert_eq!(f.part.value(), "Brake pad");
        f.paste("s\n\u{1b}[31m");
        assert_eq!(f.part.value(), "Brake pads  [31m");
        f.act(FormAction::NextField);
        f.act(FormAction::NextField);
        f.act(FormAction::Right);
        assert_eq!(f.kind(), PartKind::WrongPart);
        f.act(FormAction::NextField);
        f.act(FormAction::Toggle);
        assert!(f.blocking);
        assert!(f.dirty());
        assert_eq!(f.act(FormAction::Quit), FormKey::Quit);
    }
}
