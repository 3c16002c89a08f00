//! Modal forms: their state and how keys edit them. Submitting is left to
//! the app, which calls the operations layer.

use crate::domain::qc::{Checklist, ItemOutcome, ItemResult, Mark, Verdict};
use crate::domain::{ItemResult as R, PartKind, Priority};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Nothing for the app to do (the form changed or ignored the key).
    Stay,
    /// The user asked to submit.
    Submit,
    /// The user closed the form.
    Close,
    /// `q` outside a text field: quit (asking first if the form is dirty).
    Quit,
}

/// Feeds a key to a text field, with paste-safe editing from tui-input.
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

fn is_plain(key: &KeyEvent, c: char) -> bool {
    key.code == KeyCode::Char(c) && !key.modifiers.contains(KeyModifiers::CONTROL)
}

/// One choice in a dispatch list.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub name: String,
    pub note: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DispatchForm {
    pub job: i64,
    pub version: i64,
    pub reassign: bool,
    pub bays: Vec<Choice>,
    pub techs: Vec<Choice>,
    pub bay_sel: usize,
    pub tech_sel: usize,
    /// 0: bays, 1: technicians.
    pub focus: usize,
    pub error: Option<String>,
}

impl DispatchForm {
    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        let (list, sel) = if self.focus == 0 {
            (&self.bays, &mut self.bay_sel)
        } else {
            (&self.techs, &mut self.tech_sel)
        };
        match key.code {
            KeyCode::Esc => return FormKey::Close,
            KeyCode::Up | KeyCode::Char('k') => *sel = step(list, *sel, -1),
            KeyCode::Down | KeyCode::Char('j') => *sel = step(list, *sel, 1),
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Left | KeyCode::Right => {
                self.focus = 1 - self.focus
            }
            KeyCode::Enter if self.focus == 0 => self.focus = 1,
            KeyCode::Enter => return FormKey::Submit,
            KeyCode::Char('q') => return FormKey::Quit,
            _ => {}
        }
        FormKey::Stay
    }

    pub fn bay(&self) -> Option<&Choice> {
        self.bays.get(self.bay_sel).filter(|c| c.enabled)
    }

    pub fn tech(&self) -> Option<&Choice> {
        self.techs.get(self.tech_sel).filter(|c| c.enabled)
    }
}

/// Moves to the next enabled choice in `dir`, staying put at the ends.
fn step(list: &[Choice], from: usize, dir: isize) -> usize {
    let mut i = from as isize;
    loop {
        i += dir;
        if i < 0 || i as usize >= list.len() {
            return from;
        }
        if list[i as usize].enabled {
            return i as usize;
        }
    }
}

/// First enabled choice, for the initial selection.
pub fn first_enabled(list: &[Choice]) -> usize {
    list.iter().position(|c| c.enabled).unwrap_or(0)
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityForm {
    pub job: i64,
    pub version: i64,
    pub sel: usize,
    pub error: Option<String>,
}

impl PriorityForm {
    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        match key.code {
            KeyCode::Esc => return FormKey::Close,
            KeyCode::Up | KeyCode::Char('k') => self.sel = self.sel.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.sel = (self.sel + 1).min(2),
            KeyCode::Char('n') => {
                self.sel = 0;
                return FormKey::Submit;
            }
            KeyCode::Char('h') => {
                self.sel = 1;
                return FormKey::Submit;
            }
            KeyCode::Char('u') => {
                self.sel = 2;
                return FormKey::Submit;
            }
            KeyCode::Enter => return FormKey::Submit,
            KeyCode::Char('q') => return FormKey::Quit,
            _ => {}
        }
        FormKey::Stay
    }

    pub fn priority(&self) -> Priority {
        Priority::ALL[self.sel.min(2)]
    }
}

/// A one-field form: a cancel reason or a parts ETA.
#[derive(Debug, Clone)]
pub struct TextForm {
    pub title: String,
    pub label: String,
    pub hint: String,
    pub input: Input,
    pub required: bool,
    pub error: Option<String>,
}

impl TextForm {
    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        match key.code {
            KeyCode::Esc => FormKey::Close,
            KeyCode::Enter => FormKey::Submit,
            _ => {
                edit(&mut self.input, key);
                self.error = None;
                FormKey::Stay
            }
        }
    }

    pub fn dirty(&self) -> bool {
        !self.input.value().trim().is_empty()
    }
}

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
            PartsField::Part => "Part",
            PartsField::Qty => "Quantity",
            PartsField::Kind => "Kind",
            PartsField::Blocking => "Blocking",
            PartsField::Note => "Note",
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
    pub field: usize,
    /// A message next to each field, from validation or the refusal.
    pub errors: [Option<String>; 5],
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
            field: 0,
            errors: Default::default(),
            error: None,
        }
    }

    pub fn current(&self) -> PartsField {
        PartsField::ALL[self.field]
    }

    pub fn kind(&self) -> PartKind {
        PartKind::ALL[self.kind]
    }

    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        let n = PartsField::ALL.len();
        match key.code {
            KeyCode::Esc => return FormKey::Close,
            KeyCode::Enter => return FormKey::Submit,
            KeyCode::Tab | KeyCode::Down => self.field = (self.field + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.field = (self.field + n - 1) % n,
            _ => match self.current() {
                PartsField::Part => edit(&mut self.part, key),
                PartsField::Qty => edit(&mut self.qty, key),
                PartsField::Note => edit(&mut self.note, key),
                PartsField::Kind => match key.code {
                    KeyCode::Left | KeyCode::Char('h') => {
                        self.kind = (self.kind + PartKind::ALL.len() - 1) % PartKind::ALL.len()
                    }
                    KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => {
                        self.kind = (self.kind + 1) % PartKind::ALL.len()
                    }
                    KeyCode::Char('q') => return FormKey::Quit,
                    _ => {}
                },
                PartsField::Blocking => match key.code {
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                        self.blocking = !self.blocking
                    }
                    KeyCode::Char('y') => self.blocking = true,
                    KeyCode::Char('n') => self.blocking = false,
                    KeyCode::Char('q') => return FormKey::Quit,
                    _ => {}
                },
            },
        }
        self.errors[self.field] = None;
        FormKey::Stay
    }

    pub fn on_paste(&mut self, text: &str) {
        match self.current() {
            PartsField::Part => paste(&mut self.part, text),
            PartsField::Qty => paste(&mut self.qty, text),
            PartsField::Note => paste(&mut self.note, text),
            _ => {}
        }
    }

    pub fn dirty(&self) -> bool {
        !self.part.value().trim().is_empty() || !self.note.value().trim().is_empty()
    }
}

/// The QC inspection: the checklist walked item by item, then the road test.
#[derive(Debug, Clone)]
pub struct QcForm {
    pub job: i64,
    pub version: i64,
    pub checklist: Checklist,
    pub results: Vec<ItemResult>,
    pub notes: Vec<Input>,
    pub road_km: Input,
    pub note: Input,
    /// Rows: checklist items, then road-test km, then the overall note.
    pub row: usize,
    /// Editing the note of the current item.
    pub editing: bool,
    pub error: Option<String>,
}

impl QcForm {
    pub fn new(job: i64, version: i64, checklist: Checklist) -> Self {
        let n = checklist.items.len();
        QcForm {
            job,
            version,
            checklist,
            results: vec![R::Pass; n],
            notes: vec![Input::default(); n],
            road_km: Input::default(),
            note: Input::default(),
            row: 0,
            editing: false,
            error: None,
        }
    }

    pub fn km_row(&self) -> usize {
        self.checklist.items.len()
    }

    pub fn note_row(&self) -> usize {
        self.checklist.items.len() + 1
    }

    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        self.error = None;
        if self.editing {
            match key.code {
                KeyCode::Enter | KeyCode::Esc => self.editing = false,
                _ => edit(&mut self.notes[self.row], key),
            }
            return FormKey::Stay;
        }
        let rows = self.note_row() + 1;
        match key.code {
            KeyCode::Esc => return FormKey::Close,
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return FormKey::Submit;
            }
            KeyCode::Up => self.row = self.row.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => self.row = (self.row + 1).min(rows - 1),
            KeyCode::BackTab => self.row = self.row.saturating_sub(1),
            KeyCode::Enter if self.row >= self.km_row() => return FormKey::Submit,
            _ if self.row == self.km_row() => edit(&mut self.road_km, key),
            _ if self.row == self.note_row() => edit(&mut self.note, key),
            KeyCode::Char('k') => self.row = self.row.saturating_sub(1),
            KeyCode::Char('j') | KeyCode::Enter => self.row = (self.row + 1).min(rows - 1),
            _ if is_plain(&key, 'p') => self.mark(R::Pass),
            _ if is_plain(&key, 'f') => self.mark(R::Fail),
            _ if is_plain(&key, 'n') => self.mark(R::Na),
            _ if is_plain(&key, 'e') => self.editing = true,
            _ if is_plain(&key, 'q') => return FormKey::Quit,
            _ => {}
        }
        FormKey::Stay
    }

    /// Pass and n/a move on to the next item; a fail stays, since a note
    /// on what failed usually follows.
    fn mark(&mut self, r: ItemResult) {
        self.results[self.row] = r;
        if r != R::Fail {
            self.row = (self.row + 1).min(self.note_row());
        }
    }

    pub fn on_paste(&mut self, text: &str) {
        if self.editing {
            paste(&mut self.notes[self.row], text);
        } else if self.row == self.km_row() {
            paste(&mut self.road_km, text);
        } else if self.row == self.note_row() {
            paste(&mut self.note, text);
        }
    }

    /// The marks to sign: every item, with its note.
    pub fn marks(&self) -> Vec<Mark> {
        self.checklist
            .items
            .iter()
            .zip(&self.results)
            .zip(&self.notes)
            .map(|((item, r), note)| Mark {
                id: item.id.clone(),
                result: *r,
                note: Some(note.value().to_string()).filter(|n| !n.trim().is_empty()),
            })
            .collect()
    }

    /// The verdict the items give, by the domain's rule.
    pub fn verdict(&self) -> (Verdict, Vec<String>) {
        let items: Vec<ItemOutcome> =
            crate::domain::qc::complete(&self.checklist, &self.marks(), R::Pass)
                .unwrap_or_default();
        let failed = crate::domain::qc::failed(&items)
            .iter()
            .map(|i| i.id.clone())
            .collect();
        (crate::domain::qc::verdict(&items), failed)
    }

    pub fn dirty(&self) -> bool {
        self.results.iter().any(|r| *r != R::Pass)
            || self.notes.iter().any(|n| !n.value().is_empty())
            || !self.road_km.value().is_empty()
            || !self.note.value().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press)
    }

    #[test]
    fn dispatch_lists_skip_disabled_choices() {
        let c = |n: &str, e| Choice {
            name: n.into(),
            note: String::new(),
            enabled: e,
        };
        let mut f = DispatchForm {
            job: 1,
            version: 1,
            reassign: false,
            bays: vec![c("B1", true), c("B2", false), c("B3", true)],
            techs: vec![c("Tina", true)],
            bay_sel: 0,
            tech_sel: 0,
            focus: 0,
            error: None,
        };
        f.on_key(key(KeyCode::Down));
        assert_eq!(f.bay().unwrap().name, "B3");
        f.on_key(key(KeyCode::Down));
        assert_eq!(f.bay().unwrap().name, "B3", "stays at the end");
        assert_eq!(f.on_key(key(KeyCode::Enter)), FormKey::Stay);
        assert_eq!(f.focus, 1);
        assert_eq!(f.on_key(key(KeyCode::Enter)), FormKey::Submit);
    }

    #[test]
    fn parts_form_edits_fields_and_pastes_without_control_characters() {
        let mut f = PartsForm::new(1, 1);
        for ch in "Brake pads".chars() {
            f.on_key(key(KeyCode::Char(ch)));
        }
        f.on_key(key(KeyCode::Backspace));
        assert_eq!(f.part.value(), "Brake pad");
        f.on_paste("s\n\u{1b}[31m");
        assert_eq!(f.part.value(), "Brake pads  [31m");
        f.on_key(key(KeyCode::Tab));
        f.on_key(key(KeyCode::Tab));
        f.on_key(key(KeyCode::Right));
        assert_eq!(f.kind(), PartKind::WrongPart);
        f.on_key(key(KeyCode::Tab));
        f.on_key(key(KeyCode::Char(' ')));
        assert!(f.blocking);
        assert!(f.dirty());
        assert_eq!(f.on_key(key(KeyCode::Char('q'))), FormKey::Quit);
    }

    #[test]
    fn qc_form_walks_the_checklist() {
        let mut f = QcForm::new(1, 1, Checklist::builtin());
        assert_eq!(f.verdict().0, Verdict::Pass);
        f.on_key(key(KeyCode::Char('p')));
        f.on_key(key(KeyCode::Char('f')));
        assert_eq!(f.row, 1, "a fail stays for its note");
        let (v, failed) = f.verdict();
        assert_eq!(v, Verdict::Fail);
        assert_eq!(failed, vec![f.checklist.items[1].id.clone()]);
        f.row = 1;
        f.on_key(key(KeyCode::Char('e')));
        for ch in "bulb out".chars() {
            f.on_key(key(KeyCode::Char(ch)));
        }
        f.on_key(key(KeyCode::Enter));
        assert_eq!(f.marks()[1].note.as_deref(), Some("bulb out"));
        f.row = f.km_row();
        f.on_key(key(KeyCode::Char('8')));
        assert_eq!(f.road_km.value(), "8");
        assert_eq!(f.on_key(key(KeyCode::Enter)), FormKey::Submit);
    }
}

/// Reception: a vehicle checked in as a new job.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    /// Plate, complaint, make, model, customer, phone, promised (text).
    pub inputs: [Input; 7],
    pub priority: usize,
    /// 0..7 the text fields in order, 7 the priority.
    pub field: usize,
    pub errors: [Option<String>; 8],
    pub error: Option<String>,
}

impl CheckInForm {
    pub const LABELS: [&'static str; 8] = [
        "Plate",
        "Complaint",
        "Make",
        "Model",
        "Customer",
        "Phone",
        "Promised",
        "Priority",
    ];
    /// The field names the operations layer uses in its messages.
    pub const FIELDS: [&'static str; 8] = [
        "plate",
        "complaint",
        "make",
        "model",
        "customer",
        "phone",
        "promised",
        "priority",
    ];

    pub fn new() -> Self {
        CheckInForm {
            inputs: Default::default(),
            priority: 0,
            field: 0,
            errors: Default::default(),
            error: None,
        }
    }

    pub fn value(&self, i: usize) -> &str {
        self.inputs[i].value()
    }

    pub fn on_key(&mut self, key: KeyEvent) -> FormKey {
        let n = Self::LABELS.len();
        match key.code {
            KeyCode::Esc => return FormKey::Close,
            KeyCode::Enter => return FormKey::Submit,
            KeyCode::Tab | KeyCode::Down => self.field = (self.field + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.field = (self.field + n - 1) % n,
            _ if self.field == 7 => match key.code {
                KeyCode::Left => self.priority = (self.priority + 2) % 3,
                KeyCode::Right | KeyCode::Char(' ') => self.priority = (self.priority + 1) % 3,
                KeyCode::Char('n') => self.priority = 0,
                KeyCode::Char('h') => self.priority = 1,
                KeyCode::Char('u') => self.priority = 2,
                KeyCode::Char('q') => return FormKey::Quit,
                _ => {}
            },
            _ => edit(&mut self.inputs[self.field], key),
        }
        self.errors[self.field] = None;
        FormKey::Stay
    }

    pub fn on_paste(&mut self, text: &str) {
        if self.field < 7 {
            paste(&mut self.inputs[self.field], text);
        }
    }

    pub fn dirty(&self) -> bool {
        self.inputs.iter().any(|i| !i.value().trim().is_empty())
    }
}

impl Default for CheckInForm {
    fn default() -> Self {
        Self::new()
    }
}
