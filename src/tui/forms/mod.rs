//! Pop-up forms, one file each, all behind one [`Form`] trait. The keymap
//! turns keys into [`FormAction`]s; keys it does not bind go to the focused
//! text field. Submitting returns an effect (or keeps the form with its
//! field errors); a refusal comes back keyed by [`Field`].

mod check_in;
mod claim;
mod decision;
mod deliver;
mod dispatch;
mod find;
mod found_work;
mod inspect;
mod op_picker;
mod parts_log;
mod pin;
mod printer;
mod priority;
mod text;
pub mod widgets;

pub use check_in::CheckInForm;
pub use claim::{ClaimFor, ClaimForm};
pub use decision::DecisionForm;
pub use deliver::DeliverForm;
pub use dispatch::{Choice, DispatchForm};
pub use find::FindForm;
pub use found_work::FoundWorkForm;
pub use inspect::QcForm;
pub use op_picker::OpPicker;
pub use parts_log::{PartsField, PartsForm};
pub use pin::{PinFor, PinForm};
pub use printer::PrinterForm;
pub use priority::PriorityForm;
pub use text::{TextForm, TextPurpose};

use super::model::Model;
use super::msg::Effect;
use crate::domain::{Field, ItemResult};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::Rect;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// Which form: the keymap's scopes for forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Dispatch,
    Priority,
    Text,
    PartsLog,
    Inspect,
    CheckIn,
    Pin,
    FoundWork,
    Decision,
    Find,
    Printer,
    Deliver,
    Claim,
}

/// What the focused part of a form is, so the keymap knows whether a key
/// is a command or typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    /// One of a few values, cycled with ←→.
    Choice,
    /// Yes or no, toggled with space.
    Toggle,
    /// A list to pick from.
    List,
    /// A checklist item to mark.
    Item,
    /// Typing an item's note.
    Note,
}

/// A form command, from the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Submit,
    Close,
    Quit,
    NextField,
    PrevField,
    Up,
    Down,
    Left,
    Right,
    Toggle,
    SwitchList,
    /// Pick the n-th value of the focused choice (priority n/h/u, y/n).
    Set(u8),
    Mark(ItemResult),
    EditNote,
    EndNote,
}

/// What submitting a form leads to.
#[derive(Debug, Clone)]
pub enum Submit {
    /// Run this effect; the form stays until its answer arrives.
    Run(Effect),
    /// A field is wrong; the form shows why.
    Stay,
    /// Another form takes over (the PIN prompt that signs an inspection).
    Next(AnyForm),
    /// The form is done: close it and run this (open the job found).
    Open(Effect),
}

/// What a form command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Nothing for the app to do (the form changed or ignored the key).
    Stay,
    Submit,
    Close,
    /// `q` outside a text field: quit (asking first if the form is dirty).
    Quit,
}

pub trait Form {
    fn kind(&self) -> FormKind;
    fn focus(&self) -> Focus;
    fn act(&mut self, a: FormAction) -> FormKey;
    /// The text field under the cursor, and which field it is (for its
    /// message); None where nothing is typed.
    fn typing(&mut self) -> Option<(&mut Input, Option<Field>)> {
        None
    }
    /// The messages next to fields, for forms that have them.
    fn field_errors(&mut self) -> Option<&mut FieldErrors> {
        None
    }
    /// A key the keymap did not take: typing into the focused field, which
    /// clears that field's message.
    fn edit(&mut self, key: KeyEvent) {
        type_into(self, key);
    }
    fn paste(&mut self, text: &str) {
        if let Some((input, _)) = self.typing() {
            paste(input, text);
        }
    }
    /// The fields a refusal may name; its message then goes next to it.
    fn fields(&self) -> &'static [Field] {
        &[]
    }
    /// Whether closing would throw input away.
    fn dirty(&self) -> bool;
    /// Checks the fields and says what comes next.
    fn submit(&mut self, m: &Model) -> Submit;
    /// A refusal from the operations layer, next to its field if it has one.
    fn refused(&mut self, field: Option<Field>, message: String);
    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model);
}

/// Every form, as one value the model can hold and clone.
#[derive(Debug, Clone)]
pub enum AnyForm {
    Dispatch(Box<DispatchForm>),
    Priority(PriorityForm),
    Text(Box<TextForm>),
    PartsLog(Box<PartsForm>),
    Inspect(Box<QcForm>),
    CheckIn(Box<CheckInForm>),
    Pin(Box<PinForm>),
    FoundWork(Box<FoundWorkForm>),
    Decision(Box<DecisionForm>),
    Find(Box<FindForm>),
    Printer(Box<PrinterForm>),
    Deliver(Box<DeliverForm>),
    Claim(Box<ClaimForm>),
}

impl AnyForm {
    pub fn get(&self) -> &dyn Form {
        match self {
            AnyForm::Dispatch(f) => f.as_ref(),
            AnyForm::Priority(f) => f,
            AnyForm::Text(f) => f.as_ref(),
            AnyForm::PartsLog(f) => f.as_ref(),
            AnyForm::Inspect(f) => f.as_ref(),
            AnyForm::CheckIn(f) => f.as_ref(),
            AnyForm::Pin(f) => f.as_ref(),
            AnyForm::FoundWork(f) => f.as_ref(),
            AnyForm::Decision(f) => f.as_ref(),
            AnyForm::Find(f) => f.as_ref(),
            AnyForm::Printer(f) => f.as_ref(),
            AnyForm::Deliver(f) => f.as_ref(),
            AnyForm::Claim(f) => f.as_ref(),
        }
    }

    pub fn get_mut(&mut self) -> &mut dyn Form {
        match self {
            AnyForm::Dispatch(f) => f.as_mut(),
            AnyForm::Priority(f) => f,
            AnyForm::Text(f) => f.as_mut(),
            AnyForm::PartsLog(f) => f.as_mut(),
            AnyForm::Inspect(f) => f.as_mut(),
            AnyForm::CheckIn(f) => f.as_mut(),
            AnyForm::Pin(f) => f.as_mut(),
            AnyForm::FoundWork(f) => f.as_mut(),
            AnyForm::Decision(f) => f.as_mut(),
            AnyForm::Find(f) => f.as_mut(),
            AnyForm::Printer(f) => f.as_mut(),
            AnyForm::Deliver(f) => f.as_mut(),
            AnyForm::Claim(f) => f.as_mut(),
        }
    }
}

/// A key typed into the focused field, which clears that field's message.
pub fn type_into<F: Form + ?Sized>(form: &mut F, key: KeyEvent) {
    let typed = form.typing().map(|(input, f)| {
        edit(input, key);
        f
    });
    if let (Some(Some(f)), Some(errors)) = (typed, form.field_errors()) {
        errors.clear(f);
    }
}

/// Feeds a key to a text field, with tui-input's editing keys.
pub fn edit(input: &mut Input, key: KeyEvent) {
    input.handle_event(&Event::Key(key));
}

/// Pasted text goes into a single-line field without line breaks or other
/// control characters.
pub fn paste(input: &mut Input, text: &str) {
    for c in text.chars() {
        let c = if c.is_control() { ' ' } else { c };
        input.handle(tui_input::InputRequest::InsertChar(c));
    }
}

/// Moves a field index by `by`, wrapping.
pub fn cycle(i: usize, n: usize, by: isize) -> usize {
    (i as isize + by).rem_euclid(n as isize) as usize
}

/// The field `by` places after `at` in a form's field order, wrapping.
pub fn step_field(order: &[(Field, &str)], at: Field, by: isize) -> Field {
    let i = order.iter().position(|(f, _)| *f == at).unwrap_or(0);
    order[cycle(i, order.len(), by)].0
}

/// A refusal next to the field it names (returned, so the cursor can go
/// there), else under the whole form.
pub fn place_refusal(
    errors: &mut FieldErrors,
    general: &mut Option<String>,
    field: Option<Field>,
    message: String,
) -> Option<Field> {
    match field {
        Some(f) => {
            errors.set(f, message);
            Some(f)
        }
        None => {
            *general = Some(message);
            None
        }
    }
}

/// Messages next to fields, keyed by the field a rule named.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(Field, String)>);

impl FieldErrors {
    pub fn get(&self, f: Field) -> Option<&str> {
        self.0
            .iter()
            .find(|(x, _)| *x == f)
            .map(|(_, m)| m.as_str())
    }

    pub fn set(&mut self, f: Field, message: impl Into<String>) {
        self.clear(f);
        self.0.push((f, message.into()));
    }

    pub fn clear(&mut self, f: Field) {
        self.0.retain(|(x, _)| *x != f);
    }

    pub fn clear_all(&mut self) {
        self.0.clear();
    }

    pub fn count(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A refusal's message without the field name the form already shows.
pub fn field_message(r: crate::domain::Refusal) -> String {
    match r {
        crate::domain::Refusal::Invalid { said, .. } => crate::present::words::say(&said),
        other => other.to_string(),
    }
}

/// A time already past is kept only when submitted twice as typed: the
/// first time the person is asked, in the form.
pub(super) fn past_confirmed(
    seen: &mut Option<String>,
    typed: &str,
    t: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), String> {
    if t >= now || seen.as_deref() == Some(typed.trim()) {
        return Ok(());
    }
    *seen = Some(typed.trim().to_string());
    Err(crate::present::words::message(
        "ui-time-already-past",
        &[("typed", typed.trim().to_string().into())],
    ))
}
