//! Found work, added by the technician at the bay: what, how urgent, sold
//! hours, parts amount, whether the job must wait for the customer, who
//! pays (the customer, warranty, 三包, goodwill, the shop), a note.

use super::op_picker::{OpPicker, Took};
use super::widgets::{error_line, hint_line, input_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, field_message,
    place_refusal, step_field,
};
use crate::domain::validate::{self, limits};
use crate::domain::warranty::Payer;
use crate::domain::{Field, Urgency, job_label, money};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use crate::workshop::{Found, LineInput};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

/// The fields in order, with their labels.
const FIELDS: [(Field, &str); 8] = [
    (Field::Work, "What"),
    (Field::Op, "Operation"),
    (Field::Urgency, "Urgency"),
    (Field::Hours, "Hours"),
    (Field::PartsAmount, "Parts"),
    (Field::Action, "Blocking"),
    (Field::Payer, "Who pays"),
    (Field::Note, "Note"),
];

#[derive(Debug, Clone)]
pub struct FoundWorkForm {
    pub job: i64,
    pub version: i64,
    pub work: Input,
    pub urgency: Urgency,
    pub hours: Input,
    pub amount: Input,
    pub blocking: bool,
    pub payer: Payer,
    pub note: Input,
    /// An operation of the published list: its words, hours and price
    /// then come from the list.
    pub op: OpPicker,
    pub field: Field,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

impl FoundWorkForm {
    pub fn new(job: i64, version: i64) -> Self {
        FoundWorkForm {
            job,
            version,
            work: Input::default(),
            urgency: Urgency::Soon,
            hours: Input::default(),
            amount: Input::default(),
            blocking: false,
            payer: Payer::Customer,
            note: Input::default(),
            op: OpPicker::new(1),
            field: Field::Work,
            errors: FieldErrors::default(),
            error: None,
        }
    }

    fn input(&mut self) -> Option<&mut Input> {
        let listed = !self.op.chosen.is_empty();
        match self.field {
            Field::Op => Some(&mut self.op.find),
            // The list says what, how long and what it costs.
            Field::Work | Field::Hours | Field::PartsAmount if listed => None,
            Field::Work => Some(&mut self.work),
            Field::Hours => Some(&mut self.hours),
            Field::PartsAmount => Some(&mut self.amount),
            Field::Note => Some(&mut self.note),
            _ => None,
        }
    }
}

impl FoundWorkForm {
    /// The line to add: found work, with the urgency, blocking and note.
    fn write(&self, line: LineInput) -> Effect {
        Effect::Write(Write::AddLine {
            job: self.job,
            version: self.version,
            input: Box::new(LineInput {
                found: Some(Found {
                    urgency: self.urgency,
                    blocking: self.blocking,
                }),
                note: Some(self.note.value().to_string()).filter(|n| !n.trim().is_empty()),
                payer: self.payer,
                ..line
            }),
        })
    }
}

impl Form for FoundWorkForm {
    fn kind(&self) -> FormKind {
        FormKind::FoundWork
    }

    fn focus(&self) -> Focus {
        match self.field {
            Field::Urgency | Field::Payer => Focus::Choice,
            Field::Action => Focus::Toggle,
            _ => Focus::Text,
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        let u = Urgency::ALL
            .iter()
            .position(|x| *x == self.urgency)
            .unwrap_or(0);
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Submit if self.field == Field::Op => match self.op.take() {
                Took::Nothing => return FormKey::Submit,
                Took::Op(_) => self.errors.clear(Field::Op),
                Took::NoMatch(why) => self.errors.set(Field::Op, why),
            },
            FormAction::Submit => return FormKey::Submit,
            FormAction::Quit => return FormKey::Quit,
            FormAction::NextField => self.field = step_field(&FIELDS, self.field, 1),
            FormAction::PrevField => self.field = step_field(&FIELDS, self.field, -1),
            FormAction::Left if self.field == Field::Urgency => {
                self.urgency = Urgency::ALL[cycle(u, 3, -1)]
            }
            FormAction::Right | FormAction::Toggle if self.field == Field::Urgency => {
                self.urgency = Urgency::ALL[cycle(u, 3, 1)]
            }
            FormAction::Set(i) if self.field == Field::Urgency => {
                self.urgency = Urgency::ALL[(i as usize).min(2)]
            }
            FormAction::Left | FormAction::Right if self.field == Field::Payer => {
                let p = Payer::ALL
                    .iter()
                    .position(|x| *x == self.payer)
                    .unwrap_or(0);
                let by = if a == FormAction::Left { -1 } else { 1 };
                self.payer = Payer::ALL[cycle(p, Payer::ALL.len(), by)]
            }
            FormAction::Left | FormAction::Right | FormAction::Toggle
                if self.field == Field::Action =>
            {
                self.blocking = !self.blocking
            }
            FormAction::Set(v) if self.field == Field::Action => self.blocking = v == 1,
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[
            Field::Work,
            Field::Hours,
            Field::PartsAmount,
            Field::Payer,
            Field::Note,
        ]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field;
        self.input().map(|i| (i, Some(f)))
    }

    fn edit(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        if self.field == Field::Op && self.op.give_back(&key) {
            return;
        }
        super::type_into(self, key);
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        [&self.work, &self.hours, &self.amount, &self.note]
            .iter()
            .any(|i| !i.value().trim().is_empty())
            || !self.op.chosen.is_empty()
            || self.payer != Payer::Customer
    }

    fn submit(&mut self, m: &Model) -> Submit {
        self.errors.clear_all();
        self.error = None;
        if let Some(why) = self.op.pending() {
            self.refused(Some(Field::Op), why);
            return Submit::Stay;
        }
        if let Some(op) = self.op.chosen.first() {
            return Submit::Run(self.write(LineInput {
                listed: Some(crate::workshop::Listed::Op(op.code.clone())),
                ..LineInput::default()
            }));
        }
        if let Err(e) = validate::required_text(Field::Work, self.work.value(), limits::PART) {
            self.errors.set(Field::Work, field_message(e));
        }
        let hours = match self.hours.value().trim() {
            "" => None,
            t => match t.parse::<f64>() {
                Ok(h) => match validate::hours(Field::Hours, h) {
                    Ok(h) => Some(h),
                    Err(e) => {
                        self.errors.set(Field::Hours, field_message(e));
                        None
                    }
                },
                Err(_) => {
                    self.errors
                        .set(Field::Hours, "write it as a number, like 1.5");
                    None
                }
            },
        };
        let amount = match self.amount.value().trim() {
            "" => None,
            t => match money::parse(Field::PartsAmount, t, &m.board.currency) {
                Ok(a) => Some(a),
                Err(e) => {
                    self.errors.set(Field::PartsAmount, field_message(e));
                    None
                }
            },
        };
        if let Some((first, _)) = FIELDS.iter().find(|(f, _)| self.errors.get(*f).is_some()) {
            self.field = *first;
            return Submit::Stay;
        }
        Submit::Run(self.write(LineInput {
            work: self.work.value().to_string(),
            hours,
            amount,
            ..LineInput::default()
        }))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.field = f;
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let title = crate::present::words::message(
            "ui-found-work-on",
            &[("job", job_label(self.job).into())],
        );
        let inner = popup(frame, body, 74, 15 + self.errors.count() as u16, title);
        let field_w = (inner.width as usize).saturating_sub(12);
        let mut lines = Vec::new();
        let mut cursor = None;
        for (field, label) in FIELDS {
            let label = crate::present::words::ui(label);
            let focused = self.field == field;
            let error = self.errors.get(field);
            if field == Field::Op {
                let at = self
                    .op
                    .push(&mut lines, (label, field_w), focused, error, &m.board);
                cursor = at.or(cursor);
                continue;
            }
            let line = match self.fixed_line(field, label, m) {
                Some(line) => line,
                None => {
                    let input = match field {
                        Field::Work => &self.work,
                        Field::Hours => &self.hours,
                        Field::PartsAmount => &self.amount,
                        _ => &self.note,
                    };
                    let label = if field == Field::PartsAmount {
                        crate::present::words::message(
                            "ui-parts-in",
                            &[("currency", m.board.currency.clone().into())],
                        )
                    } else {
                        label.to_string()
                    };
                    let (line, c) = input_line(&label, input, field_w, focused);
                    if focused {
                        cursor = Some((c, lines.len()));
                    }
                    line
                }
            };
            push_field(&mut lines, line, focused, label, error, field_w);
        }
        lines.push(Line::from(""));
        lines.push(hint_line(format!(
            " {}",
            crate::tui::keymap::form_hint(FormKind::FoundWork)
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y as u16));
        }
    }
}

impl FoundWorkForm {
    /// A field that is not typed: the urgency, blocking, or what an
    /// operation of the list says.
    fn fixed_line(&self, field: Field, label: &str, m: &Model) -> Option<Line<'static>> {
        let cell = |l: &str| crate::text::cell(l, 10);
        let ui = crate::present::words::ui;
        if let Some(op) = self.op.chosen.first() {
            let from_list = match field {
                Field::Work => Some(match crate::present::lang::current() {
                    crate::present::lang::Lang::ZhCn => op.name_zh.clone(),
                    _ => op.name_en.clone(),
                }),
                Field::Hours => Some(format!("{:.1}", op.hours)),
                Field::PartsAmount => Some("—".into()),
                _ => None,
            };
            if let Some(v) = from_list {
                let what = format!("{}{v}  ({})", cell(label), ui("from the price list"));
                return Some(Line::from(crate::text::fit(&what, 70)));
            }
        }
        match field {
            Field::Urgency => Some(Line::from(format!(
                "{}◂ {} ▸  ({})",
                cell(label),
                self.urgency.label(),
                ui("s safety · o soon · a advisory")
            ))),
            Field::Payer => Some(Line::from(format!(
                "{}◂ {} ▸",
                cell(label),
                crate::present::labels::payer(self.payer)
            ))),
            Field::Action => Some(Line::from(format!(
                "{}[{}] {}",
                cell(label),
                if self.blocking { "x" } else { " " },
                if self.blocking {
                    ui("yes — I cannot go on until the customer decides")
                } else {
                    ui("no — I carry on with the rest")
                }
            ))),
            _ => {
                let _ = m;
                None
            }
        }
    }
}
