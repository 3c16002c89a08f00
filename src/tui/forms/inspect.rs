//! The QC inspection: the checklist walked item by item, then the road
//! test and a note. Signing may ask for the inspector's PIN first.

use super::widgets::{error_line, hint_line, input_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::inspection::{Level, Levels};
use crate::domain::qc::{Checklist, ItemOutcome, Mark, Verdict};
use crate::domain::validate::{self, limits};
use crate::domain::{Field, ItemResult, job_label};
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use crate::workshop::Inspection;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use tui_input::Input;

#[derive(Debug, Clone)]
pub struct QcForm {
    /// Which inspection: the self-check at finish, the peer check, QC.
    pub level: Level,
    pub job: i64,
    pub version: i64,
    pub checklist: Checklist,
    /// Nothing is marked until the inspector marks it.
    pub results: Vec<Option<ItemResult>>,
    pub notes: Vec<Input>,
    pub road_km: Input,
    pub note: Input,
    /// Rows: checklist items, then road-test km, then the overall note.
    pub row: usize,
    /// Editing the note of the current item.
    pub editing: bool,
    /// The job's work order, which the road test confirms.
    pub lines: Vec<crate::store::LineRow>,
    /// The items the last inspection failed, with its notes: a
    /// re-inspection after rework says what to look at again.
    pub failed_before: Vec<(String, Option<String>)>,
    pub error: Option<String>,
}

impl QcForm {
    /// The form of an inspection level, its checklist from
    /// `assets/inspection.toml`.
    pub fn at_level(job: i64, version: i64, level: Level) -> Self {
        QcForm {
            level,
            ..QcForm::new(job, version, Levels::builtin().checklist(level))
        }
    }

    pub fn new(job: i64, version: i64, checklist: Checklist) -> Self {
        let n = checklist.items.len();
        QcForm {
            level: Level::Final,
            job,
            version,
            checklist,
            results: vec![None; n],
            notes: vec![Input::default(); n],
            road_km: Input::default(),
            note: Input::default(),
            row: 0,
            editing: false,
            lines: Vec::new(),
            failed_before: Vec::new(),
            error: None,
        }
    }

    pub fn km_row(&self) -> usize {
        self.checklist.items.len()
    }

    pub fn note_row(&self) -> usize {
        self.checklist.items.len() + 1
    }

    /// Pass and n/a move on to the next item; a fail stays, since a note
    /// on what failed usually follows.
    fn mark(&mut self, r: ItemResult) {
        let item = &self.checklist.items[self.row];
        if r == ItemResult::Na && !item.na_allowed {
            let text = fit(&crate::present::labels::checklist_text(item), 50);
            self.error = Some(crate::present::words::message(
                "ui-item-not-na",
                &[("item", text.into())],
            ));
            return;
        }
        self.results[self.row] = Some(r);
        if r != ItemResult::Fail {
            self.row = (self.row + 1).min(self.note_row());
        }
    }

    /// Required items nobody marked yet.
    pub fn unmarked(&self) -> Vec<usize> {
        self.checklist
            .items
            .iter()
            .zip(&self.results)
            .enumerate()
            .filter(|(_, (item, r))| item.required && r.is_none())
            .map(|(i, _)| i)
            .collect()
    }

    fn road_test_passed(&self) -> bool {
        self.checklist
            .items
            .iter()
            .zip(&self.results)
            .any(|(i, r)| i.id == "road_test" && *r == Some(ItemResult::Pass))
    }

    fn input(&mut self) -> Option<&mut Input> {
        if self.editing {
            Some(&mut self.notes[self.row])
        } else if self.row == self.km_row() {
            Some(&mut self.road_km)
        } else if self.row == self.note_row() {
            Some(&mut self.note)
        } else {
            None
        }
    }

    /// The marks to sign: every item, with its note. An optional item left
    /// unmarked is signed as n/a (every optional item allows it).
    pub fn marks(&self) -> Vec<Mark> {
        self.checklist
            .items
            .iter()
            .zip(&self.results)
            .zip(&self.notes)
            .map(|((item, r), note)| Mark {
                id: item.id.clone(),
                result: r.unwrap_or(if item.na_allowed {
                    ItemResult::Na
                } else {
                    ItemResult::Pass
                }),
                note: Some(note.value().to_string()).filter(|n| !n.trim().is_empty()),
            })
            .collect()
    }

    /// The verdict the items give, by the domain's rule, and the failed ids.
    pub fn verdict(&self) -> (Verdict, Vec<String>) {
        let items: Vec<ItemOutcome> =
            crate::domain::qc::complete(&self.checklist, &self.marks(), ItemResult::Pass)
                .unwrap_or_default();
        // Named as the inspector reads them, not by their ids.
        let failed = crate::domain::qc::failed(&items)
            .iter()
            .map(|i| crate::present::labels::level_item(self.level, &i.id))
            .collect();
        (crate::domain::qc::verdict(&items), failed)
    }

    /// The signature to send, with the PIN if one was asked for; None when
    /// the road-test distance is wrong (the form says so).
    pub fn signed(&mut self, pin: Option<String>) -> Option<Effect> {
        // Nobody signs an inspection nobody did.
        if let Some(&first) = self.unmarked().first() {
            let n = self.unmarked().len();
            self.error = Some(crate::present::words::message(
                "ui-items-unmarked",
                &[("n", (n as i64).into())],
            ));
            self.row = first;
            return None;
        }
        let km = self.road_km.value().trim().to_string();
        if km.is_empty() && self.road_test_passed() {
            self.error =
                Some(crate::present::words::ui("road test km: how far was it driven?").into());
            self.row = self.km_row();
            return None;
        }
        let road_test_km = if km.is_empty() {
            None
        } else {
            match km
                .parse::<f64>()
                .ok()
                .and_then(|k| validate::road_test_km(k).ok())
            {
                Some(k) => Some(k),
                None => {
                    self.error = Some(crate::present::words::message(
                        "ui-road-km-range",
                        &[("max", limits::ROAD_TEST_KM_MAX.into())],
                    ));
                    self.row = self.km_row();
                    return None;
                }
            }
        };
        Some(Effect::Write(Write::Inspect {
            level: self.level,
            job: self.job,
            version: self.version,
            verdict: self.verdict().0,
            inspection: Inspection {
                marks: self.marks(),
                road_test_km,
                note: Some(self.note.value().to_string()).filter(|n| !n.trim().is_empty()),
                pin,
            },
        }))
    }
}

impl Form for QcForm {
    fn kind(&self) -> FormKind {
        FormKind::Inspect
    }

    fn focus(&self) -> Focus {
        if self.editing {
            Focus::Note
        } else if self.row >= self.km_row() {
            Focus::Text
        } else {
            Focus::Item
        }
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        self.error = None;
        let last = self.note_row();
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Quit => return FormKey::Quit,
            FormAction::Submit => return FormKey::Submit,
            FormAction::EndNote => self.editing = false,
            FormAction::EditNote if self.row < self.km_row() => self.editing = true,
            FormAction::Up | FormAction::PrevField => self.row = self.row.saturating_sub(1),
            FormAction::Down | FormAction::NextField => self.row = (self.row + 1).min(last),
            FormAction::Mark(r) if self.row < self.km_row() => self.mark(r),
            _ => {}
        }
        FormKey::Stay
    }

    fn edit(&mut self, key: KeyEvent) {
        self.error = None;
        if let Some(input) = self.input() {
            super::edit(input, key);
        }
    }

    fn paste(&mut self, text: &str) {
        if let Some(input) = self.input() {
            super::paste(input, text);
        }
    }

    fn dirty(&self) -> bool {
        self.results.iter().any(Option::is_some)
            || self.notes.iter().any(|n| !n.value().is_empty())
            || !self.road_km.value().is_empty()
            || !self.note.value().is_empty()
    }

    fn submit(&mut self, m: &Model) -> Submit {
        match self.signed(None) {
            None => Submit::Stay,
            // A person who keeps a PIN signs with it.
            Some(_) if m.keeps_pin() => Submit::Next(super::AnyForm::Pin(Box::new(
                super::PinForm::new(super::PinFor::Sign(Box::new(self.clone()))),
            ))),
            Some(effect) => Submit::Run(effect),
        }
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let job = m.find_job(self.job);
        let title = format!(
            "{} {}{}",
            crate::present::words::ui(match self.level {
                Level::SelfCheck => "Self-check",
                Level::Peer => "Peer check",
                Level::Final => "Final inspection (QC)",
            }),
            job_label(self.job),
            job.map(|j| format!(
                " · {} · {}",
                fit(&j.plate, 12),
                fit(j.technician.as_deref().unwrap_or(""), 16)
            ))
            .unwrap_or_default()
        );
        let inner = popup(frame, body, 100, body.height, title);
        let w = inner.width as usize;
        let room = (inner.height as usize).saturating_sub(self.checklist.items.len() + 8);
        let mut lines = self.work_lines(room, w);
        let top = lines.len();
        let (items, mut cursor) = self.item_lines(w, top);
        lines.extend(items);
        let marker = |row: usize| if self.row == row { "▸" } else { " " };
        let (mut km, kc) = input_line(
            crate::present::words::ui("Road km"),
            &self.road_km,
            w,
            self.row == self.km_row(),
        );
        let (mut note, nc) = input_line(
            crate::present::words::ui("Note"),
            &self.note,
            w,
            self.row == self.note_row(),
        );
        km.spans.insert(0, Span::raw(marker(self.km_row())));
        note.spans.insert(0, Span::raw(marker(self.note_row())));
        lines.push(Line::from(""));
        let km_y = lines.len();
        lines.push(km);
        lines.push(note);
        if self.row == self.km_row() {
            cursor = Some((kc + 1, km_y));
        } else if self.row == self.note_row() {
            cursor = Some((nc + 1, km_y + 1));
        }
        lines.push(Line::from(""));
        lines.push(self.sign_off(w));
        lines.push(hint_line(format!(
            "* {} · {}",
            crate::present::words::ui("required"),
            crate::tui::keymap::form_hint(FormKind::Inspect)
        )));
        lines.push(error_line(&self.error));
        super::widgets::lines_marked(frame, lines, inner);
        if let Some((x, y)) = cursor {
            frame.set_cursor_position(Position::new(inner.x + x as u16, inner.y + y as u16));
        }
    }
}

impl QcForm {
    /// The work that was done, one line each, for the road test and "every
    /// line done" (the last row says how many more did not fit in `room`).
    fn work_lines(&self, room: usize, w: usize) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        // The work that was done, one line each, for the road test and
        // "every line done" (the last rows say how many more).
        let work: Vec<&crate::store::LineRow> = self
            .lines
            .iter()
            .filter(|l| l.status != crate::domain::LineStatus::Declined)
            .collect();
        let head = crate::present::words::message("ui-work-head", &[]);
        if work.len() > room {
            // Not a row each: all of it on the rows there are, so a short
            // screen still shows what was done (cut, and marked, at the end).
            let all: Vec<String> = work
                .iter()
                .map(|l| format!("{} {}", crate::present::line_symbol(l.status), l.work))
                .collect();
            let text = format!("{head} {}", all.join(" · "));
            let bold = Style::new().add_modifier(Modifier::BOLD);
            for row in crate::text::rows_of(&text, w, room.max(1)) {
                lines.push(Line::styled(row, bold));
            }
            return lines;
        }
        for (k, l) in work.iter().enumerate() {
            let lead = if k == 0 {
                head.clone()
            } else {
                " ".repeat(crate::text::width(&head))
            };
            lines.push(Line::styled(
                fit(
                    &format!(
                        "{lead} {} {}",
                        crate::present::line_symbol(l.status),
                        l.work
                    ),
                    w,
                ),
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        lines
    }

    /// The checklist, one row each, and where the cursor stands when a
    /// note is being typed (rows counted from `top`).
    fn item_lines(&self, w: usize, top: usize) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
        let mut lines = Vec::new();
        let mut cursor = None;
        use crate::present::words::word;
        for (i, item) in self.checklist.items.iter().enumerate() {
            let (mark, color) = match self.results[i] {
                Some(ItemResult::Pass) => (format!("✔ {}", word("ui-mark-pass")), Color::Green),
                Some(ItemResult::Fail) => (format!("✗ {}", word("ui-mark-fail")), Color::Red),
                Some(ItemResult::Na) => (format!("– {}", word("ui-mark-na")), Color::DarkGray),
                // Not `?`, which is waiting for the customer.
                None => ("□ ———".to_string(), Color::Yellow),
            };
            let mark = crate::text::cell(&mark, 9);
            let req = if item.required { "*" } else { " " };
            let note = self.notes[i].value();
            let note_text = if self.editing && self.row == i {
                let typed = crate::domain::validate::display(note).into_owned();
                format!(
                    "  {}",
                    crate::present::words::message("detail-note", &[("note", typed.into())])
                )
            } else if note.is_empty() {
                String::new()
            } else {
                format!("  — {}", fit(note, 30))
            };
            let style = if self.row == i {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let text_w = w.saturating_sub(15 + crate::text::width(&note_text));
            let mut text = String::new();
            // First, so a narrow screen cuts the item's words, not this.
            if let Some((_, why)) = self.failed_before.iter().find(|(id, _)| *id == item.id) {
                text.push_str(&crate::present::words::message(
                    "ui-failed-last-time",
                    &[
                        ("note", why.clone().unwrap_or_default().into()),
                        ("has", if why.is_some() { "yes" } else { "no" }.into()),
                    ],
                ));
                text.push_str(" · ");
            }
            text.push_str(&crate::present::labels::checklist_text(item));
            let text = fit(&text, text_w);
            if self.editing && self.row == i {
                // Past the mark, the text and the note's label.
                let typed = crate::text::width(&crate::domain::validate::display(note));
                let label = crate::text::width(&note_text) - typed;
                let x = 11 + crate::text::width(&text) + label + self.notes[i].visual_cursor();
                cursor = Some((x, top + i));
            }
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{mark} "),
                    Style::new().fg(color).add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!("{req}{text}"), style),
                Span::raw(note_text),
            ]));
        }
        (lines, cursor)
    }

    /// What the marks add up to, in words and colour.
    fn sign_off(&self, w: usize) -> Line<'static> {
        let (verdict, failed) = self.verdict();
        let todo = self.unmarked().len();
        // Nothing is signed while an item is unmarked: that comes first.
        let (text, color) = match verdict {
            _ if todo > 0 => (
                crate::present::words::message("ui-verdict-todo", &[("n", (todo as i64).into())]),
                Color::Yellow,
            ),
            Verdict::Fail => (
                crate::present::words::message(
                    "ui-verdict-fail",
                    &[("items", failed.join("、").into())],
                ),
                Color::Red,
            ),
            Verdict::Pass => (
                crate::present::words::ui("PASS — every required item pass or n/a").to_string(),
                Color::Green,
            ),
        };
        Line::from(vec![
            Span::raw(crate::present::words::message("ui-sign-off-is", &[])),
            Span::styled(
                fit(&text, w.saturating_sub(10)),
                Style::new().fg(color).add_modifier(Modifier::BOLD),
            ),
        ])
    }
}

#[cfg(test)]
#[path = "inspect_tests.rs"]
mod tests;
