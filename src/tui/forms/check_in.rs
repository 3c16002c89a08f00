//! Reception: a vehicle checked in as a new job.

use super::op_picker::{OpPicker, Took};
use super::widgets::{error_line, hint_line, input_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, place_refusal,
    step_field,
};
use crate::domain::{Field, Priority};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use crate::workshop::NewJobInput;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

/// The form's fields in order: text fields (the vehicle, then the
/// walk-around), then the priority choice and two yes/no toggles.
pub const FIELDS: [(Field, &str); 18] = [
    (Field::Plate, "Plate"),
    (Field::Complaint, "Complaint"),
    (Field::Op, "Operation"),
    (Field::Make, "Make"),
    (Field::Model, "Model"),
    (Field::Customer, "Customer"),
    (Field::Phone, "Phone"),
    (Field::Promised, "Promised"),
    (Field::Priority, "Priority"),
    (Field::Odometer, "Odometer"),
    (Field::Fuel, "Fuel"),
    (Field::Damage, "Damages"),
    (Field::Valuables, "Valuables"),
    (Field::WarningLights, "Warnings"),
    (Field::WalkaroundDeclined, "Declined"),
    (Field::CustomerWaiting, "Waits"),
    (Field::ReturnOldParts, "Old parts"),
    (Field::KeyTag, "Key tag"),
];

/// The fields typed as text, in the order of `CheckInForm::inputs`.
const TEXT: [Field; 13] = [
    Field::Plate,
    Field::Complaint,
    Field::Make,
    Field::Model,
    Field::Customer,
    Field::Phone,
    Field::Promised,
    Field::Odometer,
    Field::Fuel,
    Field::Damage,
    Field::Valuables,
    Field::WarningLights,
    Field::KeyTag,
];

fn slot(f: Field) -> Option<usize> {
    TEXT.iter().position(|x| *x == f)
}

#[derive(Debug, Clone)]
pub struct CheckInForm {
    /// One input per text field of `FIELDS` (all before the priority).
    pub inputs: [Input; 13],
    pub priority: Priority,
    pub customer_waiting: bool,
    pub return_old_parts: bool,
    /// The customer declined the walk-around.
    pub walkaround_declined: bool,
    /// Operations of the published list: the quote the customer accepts.
    pub ops: OpPicker,
    /// The booking this car arrives for, if it came from the Today view.
    pub appointment: Option<i64>,
    pub field: Field,
    pub errors: FieldErrors,
    pub error: Option<String>,
    /// A promised time already past, as typed, once the person was asked.
    pub past_seen: Option<String>,
    /// Open recall campaigns of cars on file, by plate key: flagged under
    /// the plate as it is typed.
    pub recalls: Vec<crate::store::PlateRecall>,
}

impl Default for CheckInForm {
    fn default() -> Self {
        CheckInForm {
            inputs: Default::default(),
            priority: Priority::Normal,
            customer_waiting: false,
            return_old_parts: false,
            walkaround_declined: false,
            ops: OpPicker::new(12),
            appointment: None,
            field: Field::Plate,
            errors: FieldErrors::default(),
            error: None,
            past_seen: None,
            recalls: Vec::new(),
        }
    }
}

impl CheckInForm {
    pub fn new() -> Self {
        Self::default()
    }

    /// A booked car arriving: the booking fills what it knows, and the
    /// cursor waits on the odometer for the walk-around (Enter takes it as
    /// it is).
    pub fn arrival(a: &crate::store::ApptRow) -> Self {
        let mut f = Self::default();
        let put = |f: &mut Self, field: Field, v: &str| {
            if let Some(i) = slot(field) {
                f.inputs[i] = Input::new(v.to_string());
            }
        };
        put(&mut f, Field::Plate, &a.plate);
        put(&mut f, Field::Complaint, &a.work);
        put(&mut f, Field::Customer, a.customer.as_deref().unwrap_or(""));
        put(&mut f, Field::Phone, a.phone.as_deref().unwrap_or(""));
        f.appointment = Some(a.id);
        f.field = Field::Odometer;
        f
    }

    pub fn value(&self, f: Field) -> &str {
        slot(f)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |i| i.value())
    }

    fn opt(&self, f: Field) -> Option<String> {
        Some(self.value(f).trim().to_string()).filter(|v| !v.is_empty())
    }

    fn input(&mut self) -> Option<&mut Input> {
        let i = slot(self.field)?;
        self.inputs.get_mut(i)
    }
}

impl Form for CheckInForm {
    fn kind(&self) -> FormKind {
        FormKind::CheckIn
    }

    fn focus(&self) -> Focus {
        match self.field {
            Field::Priority => Focus::Choice,
            Field::CustomerWaiting | Field::ReturnOldParts | Field::WalkaroundDeclined => {
                Focus::Toggle
            }
            _ => Focus::Text,
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        let p = Priority::ALL
            .iter()
            .position(|x| *x == self.priority)
            .unwrap_or(0);
        match a {
            FormAction::Close => return FormKey::Close,
            // Enter on the operation field takes what was typed.
            FormAction::Submit if self.field == Field::Op => match self.ops.take() {
                Took::Nothing => return FormKey::Submit,
                Took::Op(_) => self.errors.clear(Field::Op),
                Took::NoMatch(why) => self.errors.set(Field::Op, why),
            },
            FormAction::Submit => return FormKey::Submit,
            FormAction::Quit => return FormKey::Quit,
            FormAction::NextField => self.field = step_field(&FIELDS, self.field, 1),
            FormAction::PrevField => self.field = step_field(&FIELDS, self.field, -1),
            FormAction::Toggle if self.field == Field::CustomerWaiting => {
                self.customer_waiting = !self.customer_waiting
            }
            FormAction::Toggle if self.field == Field::ReturnOldParts => {
                self.return_old_parts = !self.return_old_parts
            }
            FormAction::Toggle if self.field == Field::WalkaroundDeclined => {
                self.walkaround_declined = !self.walkaround_declined
            }
            FormAction::Left => self.priority = Priority::ALL[cycle(p, 3, -1)],
            FormAction::Right | FormAction::Toggle => self.priority = Priority::ALL[cycle(p, 3, 1)],
            FormAction::Set(i) => self.priority = Priority::ALL[(i as usize).min(2)],
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[
            Field::Plate,
            Field::Complaint,
            Field::Op,
            Field::Make,
            Field::Model,
            Field::Customer,
            Field::Phone,
            Field::Promised,
            Field::Priority,
            Field::Odometer,
            Field::Fuel,
            Field::Damage,
            Field::Valuables,
            Field::WarningLights,
            Field::WalkaroundDeclined,
            Field::Walkaround,
            Field::CustomerWaiting,
            Field::ReturnOldParts,
            Field::KeyTag,
        ]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field;
        if f == Field::Op {
            return Some((&mut self.ops.find, Some(f)));
        }
        self.input().map(|i| (i, Some(f)))
    }

    fn edit(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        if self.field == Field::Op && self.ops.give_back(&key) {
            return;
        }
        super::type_into(self, key);
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        self.inputs.iter().any(|i| !i.value().trim().is_empty()) || !self.ops.chosen.is_empty()
    }

    fn submit(&mut self, m: &Model) -> Submit {
        self.errors.clear_all();
        self.error = None;
        if let Some(why) = self.ops.pending() {
            self.refused(Some(Field::Op), why);
            return Submit::Stay;
        }
        let promised = match self.opt(Field::Promised) {
            None => None,
            Some(t) => {
                let local = m.now.with_timezone(&m.tz);
                match crate::timeparse::parse_time(Field::Promised, &t, &local) {
                    Ok(p) => match super::past_confirmed(&mut self.past_seen, &t, p, m.now) {
                        Ok(()) => Some(p),
                        Err(ask) => {
                            self.refused(Some(Field::Promised), ask);
                            return Submit::Stay;
                        }
                    },
                    Err(e) => {
                        self.refused(Some(Field::Promised), super::field_message(e));
                        return Submit::Stay;
                    }
                }
            }
        };
        let odometer_km = match self
            .opt(Field::Odometer)
            .map(|t| t.replace([',', ' '], "").parse::<i64>())
        {
            None => None,
            Some(Ok(km)) => Some(km),
            Some(Err(_)) => {
                self.refused(
                    Some(Field::Odometer),
                    crate::present::words::ui("must be whole kilometres, like 45800").into(),
                );
                return Submit::Stay;
            }
        };
        // Several damages are typed one after another with ";".
        let damages = self
            .value(Field::Damage)
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        Submit::Run(Effect::Write(Write::NewJob(Box::new(NewJobInput {
            plate: self.value(Field::Plate).to_string(),
            complaint: self.value(Field::Complaint).to_string(),
            make: self.opt(Field::Make),
            model: self.opt(Field::Model),
            customer: self.opt(Field::Customer),
            phone: self.opt(Field::Phone),
            promised_at: promised,
            priority: self.priority,
            odometer_km,
            appointment: self.appointment,
            ops: self.ops.codes(),
            key_tag: self.opt(Field::KeyTag),
            customer_waiting: self.customer_waiting,
            walkaround: crate::workshop::WalkaroundInput {
                fuel: self.opt(Field::Fuel),
                damages,
                valuables: self.opt(Field::Valuables),
                warning_lights: self.opt(Field::WarningLights),
                return_old_parts: self.return_old_parts,
                declined: self.walkaround_declined,
            },
            ..Default::default()
        }))))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        // The walk-around as a whole: the cursor goes to its first fact.
        let field = field.map(|f| {
            if f == Field::Walkaround {
                Field::Fuel
            } else {
                f
            }
        });
        let field = field.filter(|f| FIELDS.iter().any(|(x, _)| x == f));
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.field = f;
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let h = 24 + self.errors.count() as u16;
        let title = match self.appointment {
            Some(a) => crate::present::words::message(
                "ui-arrival-walk-around",
                &[("appt", crate::domain::appointments::appt_label(a).into())],
            ),
            None => crate::present::words::ui("Check a vehicle in").into(),
        };
        let inner = popup(frame, body, 74, h, title);
        let field_w = (inner.width as usize).saturating_sub(12);
        let (fields, cursor, focus) = self.field_lines(field_w, m);
        let tail = [
            Line::from(""),
            hint_line(format!(
                " {}",
                crate::present::words::message("ui-check-in-hint", &[])
            )),
            hint_line(format!(
                " {}",
                crate::tui::keymap::form_hint(FormKind::CheckIn)
            )),
            error_line(&self.error),
        ];
        // On a short screen the fields scroll to keep the focused one (and
        // the line under it) shown; the hints and the error stay under them,
        // and a last line says how many fields are further down.
        let mut room = (inner.height as usize).saturating_sub(tail.len()).max(1);
        if fields.len() > room {
            room = room.saturating_sub(1).max(1);
        }
        let total = fields.len();
        let skip = (focus + 2)
            .saturating_sub(room)
            .min(total.saturating_sub(room));
        let below = total.saturating_sub(skip + room);
        let mut lines: Vec<Line> = fields.into_iter().skip(skip).take(room).collect();
        if total > room {
            let more = crate::present::words::message(
                "ui-more-fields-below",
                &[("n", (below as i64).into())],
            );
            lines.push(hint_line(if below > 0 { more } else { String::new() }));
        }
        lines.extend(tail);
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            let y = (y - skip) as u16;
            frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y));
        }
    }
}

impl CheckInForm {
    /// Every field's lines (with its error under it), where the cursor is
    /// among them, and the focused field's line.
    fn field_lines(
        &self,
        field_w: usize,
        m: &Model,
    ) -> (Vec<Line<'static>>, Option<(usize, usize)>, usize) {
        let mut lines = Vec::new();
        let (mut cursor, mut focus) = (None, 0);
        for (field, label) in FIELDS.iter() {
            let label = crate::present::words::ui(label);
            let focused = self.field == *field;
            if focused {
                focus = lines.len();
            }
            let error = self.errors.get(*field);
            if *field == Field::Op {
                let at = self
                    .ops
                    .push(&mut lines, (label, field_w), focused, error, &m.board);
                cursor = at.or(cursor);
                continue;
            }
            let line = match slot(*field).and_then(|i| self.inputs.get(i)) {
                Some(input) => {
                    let (line, c) = input_line(label, input, field_w, focused);
                    if focused {
                        cursor = Some((c, lines.len()));
                    }
                    line
                }
                None => self.choice_line(*field, label),
            };
            push_field(&mut lines, line, focused, label, error, field_w);
            if *field == Field::Plate {
                lines.extend(self.recall_lines(field_w));
            }
        }
        (lines, cursor, focus)
    }

    /// The open campaigns of the car whose plate is typed, however it is
    /// spelt: do the campaign on this visit.
    fn recall_lines(&self, width: usize) -> Vec<Line<'static>> {
        let key = crate::domain::vehicle::plate_key(self.value(Field::Plate));
        if key.is_empty() {
            return Vec::new();
        }
        self.recalls
            .iter()
            .filter(|r| r.plate_key == key)
            .flat_map(|r| {
                let text = crate::present::words::message(
                    "ui-check-in-recall",
                    &[("campaign", r.campaign.clone().into())],
                );
                // The campaign's title on a line of its own: it is long.
                [text, format!("  {}", r.title)].map(|t| {
                    Line::styled(
                        format!("{:11}{}", "", crate::text::fit(&t, width)),
                        ratatui::style::Style::new().fg(ratatui::style::Color::Yellow),
                    )
                })
            })
            .collect()
    }

    /// The priority, or one of the two yes/no toggles.
    fn choice_line(&self, field: Field, label: &str) -> Line<'static> {
        if field == Field::Priority {
            let p = self.priority;
            return Line::from(format!(
                "{}◂ {} {} ▸",
                crate::text::cell(label, 10),
                p.label(),
                p.marker()
            ));
        }
        let (on, what) = match field {
            Field::CustomerWaiting => (
                self.customer_waiting,
                crate::present::words::ui("the customer waits on site"),
            ),
            Field::WalkaroundDeclined => (
                self.walkaround_declined,
                crate::present::words::ui("the customer declined the walk-around"),
            ),
            _ => (
                self.return_old_parts,
                crate::present::words::ui("the customer wants the old parts"),
            ),
        };
        Line::from(format!(
            "{}[{}] {what}",
            crate::text::cell(label, 10),
            if on { "x" } else { " " }
        ))
    }
}
