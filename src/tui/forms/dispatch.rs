//! Dispatch or reassign: a bay (free ones of a fitting kind first) and a
//! technician (free ones with fitting skills first).

use super::widgets::{error_line, popup};
use super::{Focus, Form, FormAction, FormKey, FormKind, Submit};
use crate::domain::people::suggested_bay_kind;
use crate::domain::{Field, job_label};
use crate::store::JobRow;
use crate::text::fit;
use crate::tui::model::Model;
use crate::tui::msg::{Effect, Write};
use crate::tui::views::panel_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// One choice in a list.
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
    /// The job's bay and technician before a reassignment.
    pub current: (Option<String>, Option<String>),
    /// What was typed to find a name in the focused list.
    pub find: String,
    pub error: Option<String>,
}

/// A bay's kind and state as the list shows it: taken by a job, or free
/// (and whether it fits the job's work).
/// A specialised bay (alignment, body) the work does not want says so.
fn bay_note(
    kind: crate::domain::BayKind,
    holder: Option<String>,
    want: crate::domain::BayKind,
) -> String {
    use crate::domain::BayKind::{Alignment, Body};
    use crate::present::words::message;
    let misfit = kind != want && matches!(kind, Alignment | Body);
    let fits = kind == want;
    let kind = ("kind", kind.label().into());
    match holder {
        Some(h) => message("ui-bay-taken-by", &[kind, ("job", h.into())]),
        None if fits => message("ui-bay-free-fits", &[kind]),
        None if misfit => message("ui-bay-free-misfit", &[kind, ("want", want.label().into())]),
        None => message("ui-bay-free", &[kind]),
    }
}

impl DispatchForm {
    /// The form for `job`, or why it cannot open (no bay is free).
    pub fn open(m: &Model, job: &JobRow, reassign: bool) -> Result<DispatchForm, String> {
        let kind = suggested_bay_kind(&job.complaint);
        let mut bays: Vec<(u8, Choice)> = m
            .board
            .bays
            .iter()
            .filter(|b| b.active)
            .map(|b| {
                let holder = b.job.as_ref().filter(|h| h.id != job.id);
                let fits = b.kind == kind;
                let note = bay_note(b.kind, holder.map(|h| h.label()), kind);
                // A specialised bay (alignment, body) is a poor stand-in for
                // another kind of work; a general one will do.
                let special = matches!(
                    b.kind,
                    crate::domain::BayKind::Alignment | crate::domain::BayKind::Body
                );
                let rank = match holder {
                    None if fits => 0,
                    None if !special => 1,
                    None => 2,
                    Some(_) => 3,
                };
                let choice = Choice {
                    name: b.name.clone(),
                    note,
                    enabled: holder.is_none(),
                };
                (rank, choice)
            })
            .collect();
        bays.sort_by_key(|(r, _)| *r);
        let bays: Vec<Choice> = bays.into_iter().map(|(_, c)| c).collect();
        let mut techs: Vec<(u8, Choice)> = m
            .board
            .technicians
            .iter()
            .map(|t| {
                // Skills the job's words call for, or the bay kind it needs.
                let matched: Vec<&String> = t
                    .skills
                    .iter()
                    .filter(|s| {
                        crate::domain::people::skill_fits(s, &job.complaint)
                            || s.to_lowercase() == kind.as_str()
                    })
                    .collect();
                let free = t.clocked_on.is_none() && t.open_jobs == 0;
                let state = match t.clocked_on {
                    Some(n) => format!("{} {}", crate::present::words::ui("busy"), job_label(n)),
                    None if t.open_jobs > 0 => crate::present::words::message(
                        "ui-n-assigned",
                        &[("n", t.open_jobs.into())],
                    ),
                    None => crate::present::words::ui("free").into(),
                };
                let said = |s: &String| crate::present::labels::skill(s);
                let mut why: Vec<String> =
                    matched.iter().map(|s| format!("{} ✓", said(s))).collect();
                why.extend(t.skills.iter().filter(|s| !matched.contains(s)).map(said));
                let skills = if why.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", why.join(", "))
                };
                let rank = match (free, !matched.is_empty()) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                let choice = Choice {
                    name: t.name.clone(),
                    note: format!("{state}{skills}"),
                    enabled: true,
                };
                (rank, choice)
            })
            .collect();
        techs.sort_by_key(|(r, _)| *r);
        let techs: Vec<Choice> = techs.into_iter().map(|(_, c)| c).collect();
        if bays.iter().all(|c| !c.enabled) {
            return Err("no bay is free: release one first (x on a bay)".into());
        }
        let position = |list: &[Choice], name: &Option<String>| {
            list.iter().position(|c| Some(&c.name) == name.as_ref())
        };
        let current = (job.bay.clone(), job.technician.clone());
        let bay_sel = match reassign {
            true => position(&bays, &current.0),
            false => None,
        }
        .unwrap_or_else(|| bays.iter().position(|c| c.enabled).unwrap_or(0));
        let tech_sel = match reassign {
            true => position(&techs, &current.1),
            false => None,
        }
        .unwrap_or(0);
        Ok(DispatchForm {
            job: job.id,
            version: job.version,
            reassign,
            bays,
            techs,
            bay_sel,
            tech_sel,
            focus: 0,
            current,
            find: String::new(),
            error: None,
        })
    }

    pub fn bay(&self) -> Option<&Choice> {
        self.bays.get(self.bay_sel).filter(|c| c.enabled)
    }

    pub fn tech(&self) -> Option<&Choice> {
        self.techs.get(self.tech_sel).filter(|c| c.enabled)
    }

    fn step(&mut self, dir: isize) {
        let (list, sel) = if self.focus == 0 {
            (&self.bays, &mut self.bay_sel)
        } else {
            (&self.techs, &mut self.tech_sel)
        };
        *sel = step(list, *sel, dir);
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

impl Form for DispatchForm {
    fn kind(&self) -> FormKind {
        FormKind::Dispatch
    }

    /// Typing finds a name in the focused list, so `q` is a letter here.
    fn focus(&self) -> Focus {
        Focus::Text
    }

    fn act(&mut self, a: FormAction) -> FormKey {
        match a {
            FormAction::Close => return FormKey::Close,
            FormAction::Quit => return FormKey::Quit,
            FormAction::Up => self.step(-1),
            FormAction::Down => self.step(1),
            FormAction::SwitchList => {
                self.focus = 1 - self.focus;
                self.find.clear();
            }
            // ⏎ on the bay list moves on to the technician.
            FormAction::Submit if self.focus == 0 => {
                self.focus = 1;
                self.find.clear();
            }
            FormAction::Submit => return FormKey::Submit,
            _ => {}
        }
        FormKey::Stay
    }

    /// Letters jump to the first matching name (or initials) in the
    /// focused list; Backspace takes one back.
    fn edit(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        use ratatui::crossterm::event::KeyCode;
        match key.code {
            KeyCode::Char(c) if !c.is_control() => self.find.push(c),
            KeyCode::Backspace => {
                self.find.pop();
            }
            _ => return,
        }
        let find = self.find.to_lowercase();
        let (list, sel) = if self.focus == 0 {
            (&self.bays, &mut self.bay_sel)
        } else {
            (&self.techs, &mut self.tech_sel)
        };
        if let Some(i) = list
            .iter()
            .position(|c| c.enabled && crate::tui::select::matches_name(&c.name, &find))
        {
            *sel = i;
        }
    }

    fn dirty(&self) -> bool {
        false
    }

    fn submit(&mut self, _m: &Model) -> Submit {
        let (Some(bay), Some(tech)) = (
            self.bay().map(|c| c.name.clone()),
            self.tech().map(|c| c.name.clone()),
        ) else {
            self.error = Some("choose a free bay and a technician".into());
            return Submit::Stay;
        };
        let write = if self.reassign {
            let (old_bay, old_tech) = &self.current;
            Write::Reassign {
                job: self.job,
                version: self.version,
                bay: (old_bay.as_deref() != Some(bay.as_str())).then_some(bay),
                tech: (old_tech.as_deref() != Some(tech.as_str())).then_some(tech),
            }
        } else {
            Write::Dispatch {
                job: self.job,
                version: self.version,
                bay,
                tech,
            }
        };
        Submit::Run(Effect::Write(write))
    }

    fn refused(&mut self, _field: Option<Field>, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, frame: &mut Frame, body: Rect, m: &Model) {
        let h = (self.bays.len().max(self.techs.len()) as u16 + 6).min(body.height);
        let job = m.find_job(self.job);
        let title = format!(
            "{} {} · {}",
            if self.reassign {
                crate::present::words::ui("Reassign")
            } else {
                crate::present::words::ui("Dispatch")
            },
            job_label(self.job),
            job.map(|j| fit(&format!("{} — {}", j.plate, j.complaint), 48))
                .unwrap_or_default()
        );
        // As wide as the screen allows (up to 120), so skills are not cut.
        let w = body.width.saturating_sub(4).clamp(76, 120);
        let inner = popup(frame, body, w, h, title);
        let [lists, err] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let [left, right] =
            Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(lists);
        for (i, (area, list, sel, name)) in [
            (
                left,
                &self.bays,
                self.bay_sel,
                crate::present::words::ui("Bay"),
            ),
            (
                right,
                &self.techs,
                self.tech_sel,
                crate::present::words::ui("Technician"),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let focused = self.focus == i;
            let mut lines = Vec::new();
            for (k, c) in list.iter().enumerate() {
                let mut style = if c.enabled {
                    Style::new()
                } else {
                    Style::new().fg(Color::DarkGray)
                };
                if k == sel {
                    style = style.add_modifier(if focused {
                        Modifier::REVERSED
                    } else {
                        Modifier::BOLD
                    });
                }
                let mark = if k == sel { "▸" } else { " " };
                let w = area.width.saturating_sub(4) as usize;
                let name = crate::text::cell(&c.name, 14);
                lines.push(Line::styled(
                    fit(&format!("{mark} {name}{}", c.note), w),
                    style,
                ));
            }
            frame.render_widget(
                Paragraph::new(lines).block(panel_block(name.into(), focused)),
                area,
            );
        }
        let bottom = if self.error.is_some() || self.find.is_empty() {
            error_line(&self.error)
        } else {
            Line::from(format!(
                "{}: {}",
                crate::present::words::ui("find"),
                fit(&self.find, 30)
            ))
        };
        frame.render_widget(Paragraph::new(bottom), err);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_skip_disabled_choices() {
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
            current: (None, None),
            find: String::new(),
            error: None,
        };
        f.act(FormAction::Down);
        assert_eq!(f.bay().unwrap().name, "B3");
        f.act(FormAction::Down);
        assert_eq!(f.bay().unwrap().name, "B3", "stays at the end");
        assert_eq!(f.act(FormAction::Submit), FormKey::Stay);
        assert_eq!(f.focus, 1);
        assert_eq!(f.act(FormAction::Submit), FormKey::Submit);
    }
}
