//! A one-field form: a cancel reason or a parts ETA.

use super::widgets::{error_line, hint_line, input_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::validate::limits;
use crate::domain::{Field, PartStatus, job_label, parts_label};
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use tui_input::Input;

/// What the text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPurpose {
    Cancel {
        job: i64,
        version: i64,
    },
    Eta {
        issue: i64,
    },
    /// A follow-up call: reached ("4 happy with the brakes": the score,
    /// then a comment) or not (a comment only).
    Followup {
        job: i64,
        reached: bool,
    },
    /// A customer called about a job: by when (optional), then what.
    NewCall {
        job: i64,
    },
    /// A call returned: what was done.
    CloseCall {
        id: i64,
    },
    /// The promised time moved: the new time, then why.
    Promise {
        job: i64,
    },
    /// The service reminder call of a car due: reached or not, a note.
    Reminder {
        job: i64,
        reached: bool,
    },
    /// The internal hand-over: where the finished car is parked.
    Spot {
        job: i64,
    },
    /// A complaint's next step and what was said or done.
    Complaint {
        id: i64,
        to: crate::domain::aftersales::ComplaintStatus,
    },
}

/// "4 very happy" → (4, "very happy").
fn score_and_note(text: &str) -> Result<(i64, Option<String>), String> {
    let t = text.trim();
    let mut chars = t.chars();
    match chars.next().and_then(|c| c.to_digit(10)) {
        Some(d @ 1..=5) => {
            let rest = chars.as_str().trim();
            Ok((d as i64, (!rest.is_empty()).then(|| rest.to_string())))
        }
        _ => Err(crate::present::words::ui(
            "start with the customer's score, 1 to 5, then a comment",
        )
        .into()),
    }
}

/// "tomorrow 10:00 parts late" → (the time, "parts late"): the longest
/// run of first words (up to three) that reads as a time, then the reason.
fn time_and_reason(
    text: &str,
    now: &chrono::DateTime<chrono::FixedOffset>,
) -> Result<(chrono::DateTime<chrono::Utc>, String), String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for k in (1..=words.len().min(3)).rev() {
        let head = words[..k].join(" ");
        if let Ok(t) = crate::timeparse::parse_time(Field::Promised, &head, now) {
            let reason = words[k..].join(" ");
            if reason.is_empty() {
                return Err(
                    crate::present::words::ui("write why after the time: parts late").into(),
                );
            }
            return Ok((t, reason));
        }
    }
    Err(crate::present::words::ui("the new time, then why: tomorrow 10:00 parts late").into())
}

#[derive(Debug, Clone)]
pub struct TextForm {
    pub purpose: TextPurpose,
    pub input: Input,
    pub error: Option<String>,
    /// An ETA already past, as typed, once the person was asked.
    pub past_seen: Option<String>,
}

impl TextForm {
    pub fn new(purpose: TextPurpose) -> Self {
        TextForm {
            purpose,
            input: Input::default(),
            error: None,
            past_seen: None,
        }
    }

    fn texts(&self) -> (String, &'static str, String) {
        match self.purpose {
            TextPurpose::Cancel { job, .. } => (
                crate::present::words::message("ui-cancel-job", &[("job", job_label(job).into())]),
                crate::present::words::ui("Reason"),
                crate::present::words::message(
                    "ui-required-at-most",
                    &[("max", (limits::REASON as i64).into())],
                ),
            ),
            TextPurpose::Eta { issue } => (
                crate::present::words::message(
                    "ui-issue-ordered",
                    &[("issue", parts_label(issue).into())],
                ),
                crate::present::words::ui("ETA"),
                crate::present::words::ui("15:30, 2026-11-24 10:00 or empty").into(),
            ),
            TextPurpose::Followup { job, reached: true } => (
                crate::present::words::message(
                    "ui-followup-reached",
                    &[("job", job_label(job).into())],
                ),
                crate::present::words::ui("Score"),
                crate::present::words::ui("the score 1–5, then a comment: 4 happy with the brakes")
                    .into(),
            ),
            TextPurpose::Followup {
                job,
                reached: false,
            } => (
                crate::present::words::message(
                    "ui-followup-missed",
                    &[("job", job_label(job).into())],
                ),
                crate::present::words::ui("Note"),
                crate::present::words::ui("optional: voicemail, wrong number…").into(),
            ),
            TextPurpose::NewCall { job } => (
                crate::present::words::message("ui-log-call", &[("job", job_label(job).into())]),
                crate::present::words::ui("Call"),
                crate::present::words::ui("by when, then what they asked: 16:00 is the car ready?")
                    .into(),
            ),
            TextPurpose::CloseCall { id } => (
                crate::present::words::message(
                    "ui-close-call",
                    &[("call", crate::domain::calls::call_label(id).into())],
                ),
                crate::present::words::ui("Outcome"),
                crate::present::words::ui("what was done: called back, parts due Friday").into(),
            ),
            TextPurpose::Promise { job } => (
                crate::present::words::message(
                    "ui-move-promise",
                    &[("job", job_label(job).into())],
                ),
                crate::present::words::ui("Promised"),
                crate::present::words::ui("the new time, then why: tomorrow 10:00 parts late")
                    .into(),
            ),
            TextPurpose::Reminder { job, reached } => (
                crate::present::words::message(
                    if reached {
                        "ui-reminder-reached"
                    } else {
                        "ui-reminder-missed"
                    },
                    &[("job", job_label(job).into())],
                ),
                crate::present::words::ui("Note"),
                if reached {
                    crate::present::words::ui("optional: booked for Tuesday 9:00")
                } else {
                    crate::present::words::ui("optional: voicemail, wrong number…")
                }
                .into(),
            ),
            TextPurpose::Spot { job } => (
                crate::present::words::message(
                    "ui-hand-over-inside",
                    &[("job", job_label(job).into())],
                ),
                crate::present::words::ui("Spot"),
                crate::present::words::ui("where the car is parked: P-12").into(),
            ),
            TextPurpose::Complaint { id, to } => (
                crate::present::words::message(
                    "ui-confirm-complaint",
                    &[
                        (
                            "complaint",
                            crate::domain::aftersales::complaint_label(id).into(),
                        ),
                        (
                            "to",
                            crate::present::labels::complaint_status(to, true).into(),
                        ),
                    ],
                ),
                crate::present::words::ui("Note"),
                crate::present::words::message(
                    "ui-complaint-step-hint",
                    &[("to", to.as_str().into())],
                ),
            ),
        }
    }
}

impl Form for TextForm {
    fn kind(&self) -> FormKind {
        FormKind::Text
    }

    fn focus(&self) -> Focus {
        Focus::Text
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => FormKey::Close,
            FormAction::Submit => FormKey::Submit,
            _ => FormKey::Stay,
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        super::edit(&mut self.input, key);
        self.error = None;
    }

    fn paste(&mut self, text: &str) {
        super::paste(&mut self.input, text);
    }

    fn dirty(&self) -> bool {
        !self.input.value().trim().is_empty()
    }

    fn submit(&mut self, m: &Model) -> Submit {
        let text = self.input.value().trim().to_string();
        let write = match self.purpose {
            TextPurpose::Followup { job, reached: true } => match score_and_note(&text) {
                Ok((score, note)) => Write::Followup {
                    job,
                    reached: true,
                    score: Some(score),
                    note,
                },
                Err(e) => {
                    self.error = Some(e);
                    return Submit::Stay;
                }
            },
            TextPurpose::Followup {
                job,
                reached: false,
            } => Write::Followup {
                job,
                reached: false,
                score: None,
                note: (!text.is_empty()).then_some(text),
            },
            TextPurpose::Complaint { id, to } => {
                let needed = to != crate::domain::aftersales::ComplaintStatus::Acknowledged;
                if needed && text.is_empty() {
                    self.error = Some(crate::present::words::message(
                        "ui-complaint-step-needs-note",
                        &[],
                    ));
                    return Submit::Stay;
                }
                Write::Complaint {
                    id,
                    to,
                    note: (!text.is_empty()).then_some(text),
                }
            }
            TextPurpose::NewCall { job } => {
                let (due, about) = time_and_reason(&text, &m.now.with_timezone(&m.tz))
                    .map(|(t, r)| (Some(t), r))
                    .unwrap_or((None, text));
                if about.is_empty() {
                    self.error =
                        Some(crate::present::words::ui("write what the customer asked").into());
                    return Submit::Stay;
                }
                Write::LogCall { job, due, about }
            }
            TextPurpose::CloseCall { id } => {
                if text.is_empty() {
                    self.error = Some(crate::present::words::ui("write what was done").into());
                    return Submit::Stay;
                }
                Write::CloseCall { id, note: text }
            }
            TextPurpose::Promise { job } => {
                match time_and_reason(&text, &m.now.with_timezone(&m.tz)) {
                    Ok((at, reason)) => Write::Promise { job, at, reason },
                    Err(e) => {
                        self.error = Some(e);
                        return Submit::Stay;
                    }
                }
            }
            TextPurpose::Reminder { job, reached } => Write::Remind {
                job,
                reached,
                note: (!text.is_empty()).then_some(text),
            },
            TextPurpose::Spot { job } => {
                if text.is_empty() {
                    self.error =
                        Some(crate::present::words::ui("write where the car is parked").into());
                    return Submit::Stay;
                }
                Write::HandOverInside { job, spot: text }
            }
            TextPurpose::Cancel { job, version } => Write::Cancel {
                job,
                version,
                reason: text,
            },
            TextPurpose::Eta { issue } => {
                let eta = if text.is_empty() {
                    None
                } else {
                    let local = m.now.with_timezone(&m.tz);
                    match crate::timeparse::parse_time(Field::Eta, &text, &local) {
                        Ok(t) => {
                            match super::past_confirmed(&mut self.past_seen, &text, t, m.now) {
                                Ok(()) => Some(t),
                                Err(ask) => {
                                    self.error = Some(ask);
                                    return Submit::Stay;
                                }
                            }
                        }
                        Err(e) => {
                            self.error = Some(e.to_string());
                            return Submit::Stay;
                        }
                    }
                };
                Write::UpdateParts {
                    issue,
                    to: PartStatus::Ordered,
                    eta,
                }
            }
        };
        Submit::Run(Effect::Write(write))
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, _m: &Model) {
        let (title, label, hint) = self.texts();
        let inner = popup(frame, body, 70, 7, title);
        let (line, cursor) = input_line(label, &self.input, inner.width as usize, true);
        let lines = vec![
            line,
            hint_line(format!("{:10}{hint}", "")),
            Line::from(""),
            error_line(&self.error),
        ];
        super::widgets::lines_marked(frame, lines, inner);
        frame.set_cursor_position(Position::new(inner.x + cursor as u16, inner.y));
    }
}
