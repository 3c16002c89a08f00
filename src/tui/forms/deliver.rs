//! The hand-over at the counter: how the customer paid (or warranty /
//! internal), what became of the old parts, and what this hand-over lacks
//! (unwashed, no payment, old parts asked for) said before the car leaves;
//! the next service, the shop's interval unless the advisor types another,
//! and what is left of the wear parts.

use super::widgets::input_line;
use super::widgets::{error_line, hint_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, place_refusal,
    step_field,
};
use crate::domain::handover::{OldParts, Payment};
use crate::domain::{Field, job_label};
use crate::store::Ready;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_input::Input;

/// The payment (as an amount's field), the old parts, the gate pass, then
/// the next service (a date, a distance) and the wear parts' note.
const FIELDS: [(Field, &str); 6] = [
    (Field::Amount, "Paid"),
    (Field::ReturnOldParts, "Old parts"),
    (Field::Action, "Gate pass"),
    (Field::NextService, "Next on"),
    (Field::Odometer, "Next km"),
    (Field::Note, "Wear"),
];

/// Not recorded, then each way a customer pays.
const PAID: [Option<Payment>; 7] = [
    None,
    Some(Payment::Cash),
    Some(Payment::Card),
    Some(Payment::Transfer),
    Some(Payment::Account),
    Some(Payment::Warranty),
    Some(Payment::Internal),
];
const OLD: [Option<OldParts>; 3] = [None, Some(OldParts::Returned), Some(OldParts::Disposed)];

#[derive(Debug, Clone)]
pub struct DeliverForm {
    pub job: i64,
    pub version: i64,
    pub ready: Ready,
    pub paid: usize,
    pub old: usize,
    /// Print the gate pass 出门证 on the shop's printer once delivered.
    pub gate_pass: bool,
    /// The local day of the hand-over: a next service must come after it.
    pub today: chrono::NaiveDate,
    /// The shop's interval from today and the odometer: what an empty
    /// date or distance means.
    pub default_next: (chrono::NaiveDate, Option<i64>),
    pub next_on: Input,
    pub next_km: Input,
    pub wear: Input,
    pub field: Field,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

impl DeliverForm {
    pub fn new(
        (job, version): (i64, i64),
        ready: Ready,
        (today, odometer): (chrono::NaiveDate, Option<i64>),
    ) -> Self {
        let default_next = crate::domain::service::Interval::builtin().next(today, odometer);
        DeliverForm {
            job,
            version,
            ready,
            paid: 0,
            // A customer who asked for the old parts gets them back.
            old: usize::from(ready.asked_old_parts),
            gate_pass: true,
            today,
            default_next,
            next_on: Input::default(),
            next_km: Input::default(),
            wear: Input::default(),
            field: Field::Amount,
            errors: FieldErrors::default(),
            error: None,
        }
    }

    pub fn paid(&self) -> Option<Payment> {
        PAID[self.paid]
    }

    pub fn old_parts(&self) -> Option<OldParts> {
        OLD[self.old]
    }

    fn input(&mut self) -> Option<&mut Input> {
        match self.field {
            Field::NextService => Some(&mut self.next_on),
            Field::Odometer => Some(&mut self.next_km),
            Field::Note => Some(&mut self.wear),
            _ => None,
        }
    }

    /// The advisor's next service, read from the typed fields; an empty
    /// one keeps the shop's interval.
    fn next_service(&mut self) -> Option<crate::workshop::NextService> {
        self.errors.clear_all();
        let on = match self.next_on.value().trim() {
            "" => None,
            t => match chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                Ok(d) if d > self.today => Some(d),
                _ => {
                    let example = self.default_next.0.format("%Y-%m-%d").to_string();
                    let why = crate::present::words::message(
                        "ui-a-later-day-like",
                        &[("example", example.into())],
                    );
                    self.errors.set(Field::NextService, why);
                    None
                }
            },
        };
        let km = match self.next_km.value().trim() {
            "" => None,
            t => match t.replace([',', ' '], "").parse::<i64>() {
                Ok(k) => Some(k),
                Err(_) => {
                    let why = crate::present::words::ui("write it as a whole number of km");
                    self.errors.set(Field::Odometer, why);
                    None
                }
            },
        };
        let wear = Some(self.wear.value().trim().to_string()).filter(|w| !w.is_empty());
        if let Some((first, _)) = FIELDS.iter().find(|(f, _)| self.errors.get(*f).is_some()) {
            self.field = *first;
            return None;
        }
        Some(crate::workshop::NextService { on, km, wear })
    }

    fn turn(&mut self, by: isize) {
        match self.field {
            Field::Amount => self.paid = cycle(self.paid, PAID.len(), by),
            Field::ReturnOldParts => self.old = cycle(self.old, OLD.len(), by),
            _ => self.gate_pass = !self.gate_pass,
        }
    }
}

impl Form for DeliverForm {
    fn kind(&self) -> FormKind {
        FormKind::Deliver
    }

    fn focus(&self) -> Focus {
        match self.field {
            Field::NextService | Field::Odometer | Field::Note => Focus::Text,
            _ => Focus::Choice,
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Quit => return FormKey::Quit,
            FormAction::Submit => return FormKey::Submit,
            FormAction::NextField => self.field = step_field(&FIELDS, self.field, 1),
            FormAction::PrevField => self.field = step_field(&FIELDS, self.field, -1),
            FormAction::Left => self.turn(-1),
            FormAction::Right | FormAction::Toggle => self.turn(1),
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[Field::NextService, Field::Odometer, Field::Note]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field;
        self.input().map(|i| (i, Some(f)))
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        [&self.next_on, &self.next_km, &self.wear]
            .iter()
            .any(|i| !i.value().trim().is_empty())
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        self.error = None;
        let Some(next) = self.next_service() else {
            return Submit::Stay;
        };
        Submit::Run(Effect::Write(Write::Deliver {
            job: self.job,
            version: self.version,
            paid: self.paid(),
            old_parts: self.old_parts(),
            next: Box::new(next),
            gate_pass: self.gate_pass && self.paid().is_some(),
        }))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.field = f;
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        use crate::present::words::{message, say, ui};
        let label = job_label(self.job);
        let title = message("ui-confirm-deliver", &[("job", label.clone().into())]);
        let notes = crate::domain::handover::notes(
            &label,
            self.ready.washed,
            self.ready.asked_old_parts,
            self.old_parts(),
            self.paid(),
            false,
        );
        let h = 13 + 2 * notes.len() as u16 + self.errors.count() as u16;
        let inner = popup(frame, body, 64, h, title);
        let width = inner.width as usize;
        let mut lines = Vec::new();
        let mut cursor = None;
        for (field, name) in FIELDS {
            if let Some((input, default)) = self.typed(field) {
                let focused = self.field == field;
                let label = ui(name);
                let (mut line, c) = input_line(label, input, width.saturating_sub(1), focused);
                if focused {
                    cursor = Some((c, lines.len()));
                }
                if input.value().is_empty() {
                    line.spans.push(ratatui::text::Span::styled(
                        default,
                        Style::new().fg(Color::DarkGray),
                    ));
                }
                let error = self.errors.get(field);
                push_field(&mut lines, line, focused, label, error, width - 12);
                continue;
            }
            let value = match field {
                Field::Amount => self.paid().map_or(ui("not recorded").to_string(), |p| {
                    crate::present::labels::payment(p.as_str())
                }),
                Field::ReturnOldParts => self.old_parts().map_or(ui("not said").to_string(), |o| {
                    crate::present::labels::old_parts(o.as_str())
                }),
                _ => String::new(),
            };
            let label = ui(name);
            let line = match field {
                Field::Action => {
                    let on = self.gate_pass && self.paid().is_some();
                    let what = if self.paid().is_some() {
                        ui("print it once delivered")
                    } else {
                        ui("waits for the payment")
                    };
                    let mark = if on { "x" } else { " " };
                    Line::from(format!("{}[{mark}] {what}", crate::text::cell(label, 10)))
                }
                _ => Line::from(format!("{}◂ {value} ▸", crate::text::cell(label, 10))),
            };
            push_field(&mut lines, line, self.field == field, label, None, width);
        }
        lines.push(Line::from(""));
        for n in &notes {
            lines.push(Line::styled(
                format!("! {}", say(n)),
                Style::new().fg(Color::Yellow),
            ));
        }
        lines.push(hint_line(format!(
            " {}",
            crate::tui::keymap::form_hint(FormKind::Deliver)
        )));
        lines.push(error_line(&self.error));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        if let Some((x, y)) = cursor {
            let at = ratatui::layout::Position::new(inner.x + 1 + x as u16, inner.y + y as u16);
            frame.set_cursor_position(at);
        }
    }
}

impl DeliverForm {
    /// A typed field and what leaving it empty means.
    fn typed(&self, field: Field) -> Option<(&Input, String)> {
        use crate::present::words::{message, ui};
        let (on, km) = self.default_next;
        match field {
            Field::NextService => Some((
                &self.next_on,
                message(
                    "ui-next-service-default",
                    &[("on", on.format("%Y-%m-%d").to_string().into())],
                ),
            )),
            Field::Odometer => Some((
                &self.next_km,
                km.map_or(ui("no odometer read").to_string(), |k| {
                    message("ui-next-km-default", &[("km", k.into())])
                }),
            )),
            Field::Note => Some((&self.wear, ui("pads 4 mm, tyres 3 mm").to_string())),
            _ => None,
        }
    }
}
