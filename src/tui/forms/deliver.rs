//! The hand-over at the counter: how the customer paid (or warranty /
//! internal), what became of the old parts, and what this hand-over lacks
//! (unwashed, no payment, old parts asked for) said before the car leaves.

use super::widgets::{error_line, hint_line, popup, push_field};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, step_field};
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

/// The payment (as an amount's field), the old parts, and the gate pass.
const FIELDS: [(Field, &str); 3] = [
    (Field::Amount, "Paid"),
    (Field::ReturnOldParts, "Old parts"),
    (Field::Action, "Gate pass"),
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

#[derive(Debug, Clone, PartialEq)]
pub struct DeliverForm {
    pub job: i64,
    pub version: i64,
    pub ready: Ready,
    pub paid: usize,
    pub old: usize,
    /// Print the gate pass 出门证 on the shop's printer once delivered.
    pub gate_pass: bool,
    pub field: Field,
    pub error: Option<String>,
}

impl DeliverForm {
    pub fn new(job: i64, version: i64, ready: Ready) -> Self {
        DeliverForm {
            job,
            version,
            ready,
            paid: 0,
            // A customer who asked for the old parts gets them back.
            old: usize::from(ready.asked_old_parts),
            gate_pass: true,
            field: Field::Amount,
            error: None,
        }
    }

    pub fn paid(&self) -> Option<Payment> {
        PAID[self.paid]
    }

    pub fn old_parts(&self) -> Option<OldParts> {
        OLD[self.old]
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
        Focus::Choice
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

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        Submit::Run(Effect::Write(Write::Deliver {
            job: self.job,
            version: self.version,
            paid: self.paid(),
            old_parts: self.old_parts(),
            gate_pass: self.gate_pass && self.paid().is_some(),
        }))
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
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
        let inner = popup(frame, body, 64, 10 + 2 * notes.len() as u16, title);
        let width = inner.width as usize;
        let mut lines = Vec::new();
        for (field, name) in FIELDS {
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
    }
}
