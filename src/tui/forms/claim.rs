//! The warranty desk's form: a new claim for a job's warranty lines
//! (symptom, cause, correction, the causal part), or a claim moved on (the
//! next state, the maker's claim number, a note).

use super::widgets::{error_line, hint_line, input_line, popup, push_field};
use super::{
    FieldErrors, Focus, Form, FormAction, FormKey, FormKind, Submit, cycle, place_refusal,
    step_field,
};
use crate::domain::warranty::{ClaimStatus, claim_label};
use crate::domain::{Field, job_label};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

const NEW: [(Field, &str); 4] = [
    (Field::Symptom, "Symptom"),
    (Field::Cause, "Cause"),
    (Field::Correction, "Repair"),
    (Field::Part, "Part no."),
];

const STEP: [(Field, &str); 3] = [
    (Field::ClaimStatus, "State"),
    (Field::ClaimNumber, "Claim no."),
    (Field::Note, "Note"),
];

/// What the form does: open a job's claim, or move a claim on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimFor {
    New { job: i64 },
    Step { claim: i64, from: ClaimStatus },
}

#[derive(Debug, Clone)]
pub struct ClaimForm {
    pub what: ClaimFor,
    /// New: symptom, cause, correction, part. Step: number, note.
    pub inputs: [Input; 4],
    /// Step: which of the claim's next states.
    pub to: usize,
    pub field: Field,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

impl ClaimForm {
    pub fn new_claim(job: i64) -> Self {
        Self::with(ClaimFor::New { job }, Field::Symptom)
    }

    /// A claim moved on; the maker's number given earlier is kept.
    pub fn step(claim: &crate::store::ClaimRow) -> Self {
        let what = ClaimFor::Step {
            claim: claim.id,
            from: claim.status,
        };
        let mut f = Self::with(what, Field::ClaimStatus);
        f.inputs[0] = Input::new(claim.number.clone().unwrap_or_default());
        f
    }

    /// The claim moved on elsewhere while the form was open.
    pub fn moved_to(&mut self, now: ClaimStatus) {
        if let ClaimFor::Step { claim, .. } = self.what {
            self.what = ClaimFor::Step { claim, from: now };
            self.to = 0;
            self.error = Some(crate::present::words::message(
                "ui-claim-moved-elsewhere",
                &[
                    ("claim", claim_label(claim).into()),
                    ("status", crate::present::labels::claim_status(now).into()),
                ],
            ));
        }
    }

    fn with(what: ClaimFor, field: Field) -> Self {
        ClaimForm {
            what,
            inputs: Default::default(),
            to: 0,
            field,
            errors: FieldErrors::default(),
            error: None,
        }
    }

    fn order(&self) -> &'static [(Field, &'static str)] {
        match self.what {
            ClaimFor::New { .. } => &NEW,
            ClaimFor::Step { .. } => &STEP,
        }
    }

    /// The claim's next states (none for a new claim).
    fn next(&self) -> &'static [ClaimStatus] {
        match self.what {
            ClaimFor::New { .. } => &[],
            ClaimFor::Step { from, .. } => from.next(),
        }
    }

    fn slot(&self, field: Field) -> Option<usize> {
        match (self.what, field) {
            (ClaimFor::New { .. }, f) => NEW.iter().position(|(x, _)| *x == f),
            (ClaimFor::Step { .. }, Field::ClaimNumber) => Some(0),
            (ClaimFor::Step { .. }, Field::Note) => Some(1),
            _ => None,
        }
    }

    fn text(&self, i: usize) -> Option<String> {
        Some(self.inputs[i].value().trim().to_string()).filter(|t| !t.is_empty())
    }
}

impl Form for ClaimForm {
    fn kind(&self) -> FormKind {
        FormKind::Claim
    }

    fn focus(&self) -> Focus {
        if self.field == Field::ClaimStatus {
            Focus::Choice
        } else {
            Focus::Text
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        let n = self.next().len().max(1);
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Submit => return FormKey::Submit,
            FormAction::Quit => return FormKey::Quit,
            FormAction::NextField => self.field = step_field(self.order(), self.field, 1),
            FormAction::PrevField => self.field = step_field(self.order(), self.field, -1),
            FormAction::Left => self.to = cycle(self.to, n, -1),
            FormAction::Right | FormAction::Toggle => self.to = cycle(self.to, n, 1),
            _ => {}
        }
        FormKey::Stay
    }

    fn fields(&self) -> &'static [Field] {
        &[
            Field::Symptom,
            Field::Cause,
            Field::Correction,
            Field::Part,
            Field::ClaimStatus,
            Field::ClaimNumber,
            Field::Note,
        ]
    }

    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        let f = self.field;
        let i = self.slot(f)?;
        Some((&mut self.inputs[i], Some(f)))
    }

    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        Some(&mut self.errors)
    }

    fn dirty(&self) -> bool {
        match self.what {
            ClaimFor::New { .. } => (0..4).any(|i| self.text(i).is_some()),
            // The number is the claim's own until changed; a note is typed.
            ClaimFor::Step { .. } => self.text(1).is_some(),
        }
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        self.errors.clear_all();
        self.error = None;
        let write = match self.what {
            ClaimFor::New { job } => {
                for (i, (field, _)) in NEW.iter().enumerate() {
                    if self.text(i).is_none() {
                        let why = crate::present::words::ui("required");
                        self.errors.set(*field, why);
                    }
                }
                if let Some((first, _)) = NEW.iter().find(|(f, _)| self.errors.get(*f).is_some()) {
                    self.field = *first;
                    return Submit::Stay;
                }
                let t = |i| self.text(i).unwrap_or_default();
                Write::NewClaim {
                    job,
                    input: Box::new(crate::workshop::ClaimInput {
                        symptom: t(0),
                        cause: t(1),
                        correction: t(2),
                        part: t(3),
                    }),
                }
            }
            ClaimFor::Step { claim, from } => {
                let Some(to) = self.next().get(self.to).copied() else {
                    self.error = Some(crate::present::words::message(
                        "ui-claim-final",
                        &[
                            ("claim", claim_label(claim).into()),
                            ("status", crate::present::labels::claim_status(from).into()),
                        ],
                    ));
                    return Submit::Stay;
                };
                Write::ClaimStep {
                    claim,
                    to,
                    number: self.text(0),
                    note: self.text(1),
                }
            }
        };
        Submit::Run(Effect::Write(write))
    }

    fn refused(&mut self, field: Option<Field>, message: String) {
        if let Some(f) = place_refusal(&mut self.errors, &mut self.error, field, message) {
            self.field = f;
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        use crate::present::words::{message, ui};
        let title = match self.what {
            ClaimFor::New { job } => message("ui-new-claim", &[("job", job_label(job).into())]),
            ClaimFor::Step { claim, from } => message(
                "ui-move-claim",
                &[
                    ("claim", claim_label(claim).into()),
                    ("status", crate::present::labels::claim_status(from).into()),
                ],
            ),
        };
        let h = 5 + self.order().len() as u16 + self.errors.count() as u16;
        let inner = popup(frame, body, 74, h, title);
        let field_w = (inner.width as usize).saturating_sub(12);
        let mut lines = Vec::new();
        let mut cursor = None;
        for (field, label) in self.order() {
            let label = ui(label);
            let focused = self.field == *field;
            let line = match self.slot(*field) {
                Some(i) => {
                    let (line, c) = input_line(label, &self.inputs[i], field_w, focused);
                    if focused {
                        cursor = Some((c, lines.len()));
                    }
                    line
                }
                None => {
                    let to = self.next().get(self.to).copied();
                    let to = to.map_or("", crate::present::labels::claim_status);
                    Line::from(format!("{}◂ {to} ▸", crate::text::cell(label, 10)))
                }
            };
            push_field(
                &mut lines,
                line,
                focused,
                label,
                self.errors.get(*field),
                field_w,
            );
        }
        lines.push(Line::from(""));
        lines.push(hint_line(format!(
            " {}",
            crate::tui::keymap::form_hint(FormKind::Claim)
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            frame.set_cursor_position(Position::new(inner.x + 1 + x as u16, inner.y + y as u16));
        }
    }
}
