//! Keys as data: one table (`table.rs`) of (where, key, action, label,
//! who may, when).
//! The key handler, the footer, the `?` help and the hints inside forms are
//! all read from it, so they cannot disagree. To add a key, add a row.

use super::forms::{FormAction, FormKind};
use super::model::{Model, Overlay, View};
use crate::domain::{JobAction, PartStatus, Role};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Login,
    /// Every view of a logged-in person.
    Main,
    View(View),
    Detail,
    Help,
    Confirm,
    Form(FormKind),
}

/// What a key asks for; `update` carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Ctrl-C: quit now, whatever is open.
    ForceQuit,
    Quit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    NextPanel,
    PrevPanel,
    Switch(View),
    Details,
    Back,
    /// The job's car across its visits, from the job's details.
    VehicleFile,
    /// The warranty desk's row: open its claim, or move it on.
    Claim,
    LogIn,
    /// Back to the login screen (a shared bay terminal).
    LogOut,
    /// Today: the selected booking's car arrived (it becomes a job).
    Arrive,
    /// Today: the selected booking's car did not come.
    NoShow,
    /// Follow-up: log a call, reached (true) or not.
    Call(bool),
    /// Complaints: the next step.
    ComplaintStep(crate::domain::aftersales::ComplaintStatus),
    /// A job action that happens at once (start, pause, finish, release).
    Job(JobAction),
    Dispatch,
    Reassign,
    Priority,
    Cancel,
    Deliver,
    /// The car that passed QC was washed.
    Wash,
    /// Move the promised time.
    Promise,
    /// The internal hand-over 内部交车: the parking spot.
    HandOverInside,
    /// Log a customer's call about the row's job.
    LogCall,
    /// Close the selected call to return.
    CloseCall,
    CheckIn,
    LogParts,
    Inspect,
    Parts(PartStatus),
    /// Bay terminal: ↑↓ over the job's lines or over the job list.
    SwitchFocus,
    /// Bay terminal: the selected line done, or reopened.
    LineToggle,
    FoundWork,
    /// Print a job's paperwork (asking which printer when the shop has
    /// several).
    Print(crate::domain::documents::Document),
    /// Approvals: record the customer's yes (true) or no.
    Decide(bool),
    /// Login list: a typed character narrows the list; Unfind takes one back.
    Find,
    Unfind,
    ClearFind,
    /// `/`: find a job on the board and open it.
    FindJob,
    /// Dashboard: show today, this week or the last 30 days.
    Period(crate::tui::dash::Period),
    /// Dashboard: a range earlier (-1) or later (+1).
    Shift(i64),
    /// Dashboard: read the figures again now.
    Refresh,
    Form(FormAction),
    Yes,
    No,
}

/// Who may ever use a key (the help lists it for them).
#[derive(Debug, Clone, Copy)]
pub enum Need {
    Anyone,
    Job(JobAction),
    Roles(&'static [Role]),
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scopes: &'static [Scope],
    /// Empty: any key.
    pub keys: &'static [KeyCode],
    pub ctrl: bool,
    /// How the footer and the help write the key.
    pub shown: &'static str,
    pub label: &'static str,
    /// A longer line for the help; the label when empty.
    pub help: &'static str,
    pub action: Action,
    pub need: Need,
    /// Whether it applies to what is on screen now.
    pub when: fn(&Model) -> bool,
    /// Shown in the footer (when it applies) and in form hints.
    pub footer: bool,
}

const fn bind(
    scopes: &'static [Scope],
    keys: &'static [KeyCode],
    shown: &'static str,
    label: &'static str,
    action: Action,
) -> Binding {
    Binding {
        scopes,
        keys,
        ctrl: false,
        shown,
        label,
        help: "",
        action,
        need: Need::Anyone,
        when: table::always,
        footer: true,
    }
}

impl Binding {
    const fn when(mut self, f: fn(&Model) -> bool) -> Self {
        self.when = f;
        self
    }
    const fn need(mut self, n: Need) -> Self {
        self.need = n;
        self
    }
    const fn help(mut self, h: &'static str) -> Self {
        self.help = h;
        self
    }
    const fn quiet(mut self) -> Self {
        self.footer = false;
        self
    }
    const fn ctrl(mut self) -> Self {
        self.ctrl = true;
        self
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.keys.is_empty() {
            return !ctrl;
        }
        ctrl == self.ctrl && self.keys.contains(&key.code)
    }

    fn permitted(&self, m: &Model) -> bool {
        match (self.need, m.actor()) {
            (Need::Anyone, _) => true,
            (Need::Job(a), Some(who)) => who.has_any(a.roles()),
            (Need::Roles(r), Some(who)) => who.has_any(r),
            (_, None) => false,
        }
    }

    /// Whether the key does this binding's action here and now.
    pub fn applies(&self, m: &Model) -> bool {
        self.permitted(m) && (self.when)(m)
    }

    /// The label in the reader's language (the table's English is the
    /// catalogue's key: `words::key_text`).
    /// The key as printed for the reader: `space` has a name in each
    /// language; the others are printed on the key.
    pub fn key_name(&self) -> &'static str {
        match self.shown {
            "space" => crate::present::words::ui("space"),
            "any key" => crate::present::words::ui("any key"),
            shown => crate::tui::views::key_text(shown, crate::text::plain()),
        }
    }

    pub fn says(&self) -> &'static str {
        crate::present::words::key_text(self.label)
    }

    pub fn help_text(&self) -> &'static str {
        if self.help.is_empty() {
            self.says()
        } else {
            crate::present::words::key_text(self.help)
        }
    }
}

mod table;
pub use table::BINDINGS;

/// The scopes that take keys now, most specific first.
pub fn scopes(m: &Model) -> Vec<Scope> {
    match &m.overlay {
        Some(Overlay::Help) => vec![Scope::Help],
        Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
        Some(Overlay::Form(f)) => vec![Scope::Form(f.get().kind())],
        None if m.user.is_none() => vec![Scope::Login],
        None if m.detail.is_some() => vec![Scope::Detail],
        None => vec![Scope::View(m.view), Scope::Main],
    }
}

fn in_scope(b: &Binding, active: &[Scope]) -> bool {
    b.scopes.iter().any(|s| active.contains(s))
}

/// The action a key asks for here, if any row applies.
pub fn lookup(m: &Model, key: &KeyEvent) -> Option<Action> {
    binding_for(m, key).map(|b| b.action)
}

/// The row a key belongs to here for this person, whether or not it
/// applies to the selected row.
pub fn row_for(m: &Model, key: &KeyEvent) -> Option<&'static Binding> {
    let active = scopes(m);
    BINDINGS
        .iter()
        .find(|b| in_scope(b, &active) && b.matches(key) && b.permitted(m) && !b.keys.is_empty())
}

/// Why a key this person may use does nothing on the selected row, for the
/// flash line ("J-000013 is paused: dispatch needs waiting").
pub fn why_not(m: &Model, key: &KeyEvent) -> Option<String> {
    use crate::present::words::message;
    let Some(b) = row_for(m, key) else {
        return why_not_yours(m, key);
    };
    let what = b.says();
    let Need::Job(a) = b.need else {
        return Some(message("why-not-this-row", &[("what", what.into())]));
    };
    let Some(j) = m.selected_job() else {
        return Some(message("why-not-no-job", &[("what", what.into())]));
    };
    let job = || crate::present::words::FluentValue::from(j.label());
    let states: Vec<&str> = a.from_states().iter().map(|s| s.label()).collect();
    Some(if !a.from_states().contains(&j.status) {
        message(
            "why-not-state",
            &[
                ("job", job()),
                ("status", j.status.label().into()),
                ("what", what.into()),
                ("states", states.join(" / ").into()),
            ],
        )
    } else if a == crate::domain::JobAction::Finish && j.todo_count > 0 {
        message(
            "why-not-lines-to-do",
            &[("job", job()), ("n", j.todo_count.into())],
        )
    } else if a == crate::domain::JobAction::Deliver && j.proposed_count > 0 {
        message("why-not-found-work-waits", &[("job", job())])
    } else if a.own_job_only() && m.actor().is_some_and(|me| j.technician_id != Some(me.id)) {
        let tech = j.technician.clone().unwrap_or_default();
        let has = if tech.is_empty() { "no" } else { "yes" };
        message(
            "why-not-someone-elses",
            &[
                ("job", job()),
                ("tech", tech.into()),
                ("has_tech", has.into()),
            ],
        )
    } else {
        message("why-not-not-now", &[("job", job()), ("what", what.into())])
    })
}

/// A key that is someone else's here ("dispatch is for the foreman"), or,
/// on a board, a letter that is no key at all: said, never silent.
fn why_not_yours(m: &Model, key: &KeyEvent) -> Option<String> {
    use crate::present::words::message;
    let active = scopes(m);
    let theirs = BINDINGS
        .iter()
        .find(|b| in_scope(b, &active) && b.matches(key) && !b.keys.is_empty());
    if let Some(b) = theirs {
        let roles = match b.need {
            Need::Job(a) => a.roles(),
            Need::Roles(r) => r,
            Need::Anyone => return None,
        };
        let roles: Vec<&str> = roles.iter().map(|r| r.noun()).collect();
        return Some(message(
            "why-not-role",
            &[
                ("what", b.says().into()),
                ("roles", roles.join(" / ").into()),
            ],
        ));
    }
    let board = m.user.is_some() && m.overlay.is_none() && m.detail.is_none();
    match key.code {
        KeyCode::Char(c) if board && c.is_alphanumeric() && key.modifiers.is_empty() => {
            Some(message("why-not-no-key", &[("key", c.to_string().into())]))
        }
        _ => None,
    }
}

/// The rows this screen offers this person now, once per key as shown.
pub fn offered(m: &Model) -> Vec<&'static Binding> {
    let active = scopes(m);
    let mut out: Vec<&Binding> = Vec::new();
    for b in BINDINGS {
        if b.footer
            && in_scope(b, &active)
            && b.applies(m)
            && !out.iter().any(|o| o.shown == b.shown)
        {
            out.push(b);
        }
    }
    out
}

/// The footer: what this screen offers this person now.
pub fn footer(m: &Model) -> Vec<(&'static str, &'static str)> {
    offered(m)
        .into_iter()
        .map(|b| (b.key_name(), b.says()))
        .collect()
}

/// The first row that takes `key` here, if any.
pub fn binding_for(m: &Model, key: &KeyEvent) -> Option<&'static Binding> {
    let active = scopes(m);
    BINDINGS
        .iter()
        .find(|b| in_scope(b, &active) && b.matches(key) && b.applies(m))
}

/// A form's key hint: every key of the form, whatever is focused.
pub fn form_hint(kind: FormKind) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut parts = Vec::new();
    for b in BINDINGS {
        if b.footer && b.scopes.contains(&Scope::Form(kind)) && !seen.contains(&b.shown) {
            seen.push(b.shown);
            parts.push(format!("{} {}", b.key_name(), b.says()));
        }
    }
    parts.join(" · ")
}

/// One line of help: the key, its short label and its longer text.
pub type HelpRow = (&'static str, &'static str, &'static str);

/// The help: for each section, the keys this person may use there.
pub fn help(m: &Model) -> Vec<(String, Vec<HelpRow>)> {
    let sections: Vec<(String, Vec<Scope>)> = if m.detail.is_some() {
        vec![(
            crate::present::words::ui("Job details").into(),
            vec![Scope::Detail],
        )]
    } else {
        vec![
            (
                crate::present::words::ui("Everywhere").into(),
                vec![Scope::Main],
            ),
            (
                match m.view {
                    View::MyWork => crate::present::words::ui("My work (bay terminal)").to_string(),
                    v => v.title().to_string(),
                },
                vec![Scope::View(m.view)],
            ),
        ]
    };
    sections
        .into_iter()
        .map(|(title, scopes)| {
            let mut rows: Vec<HelpRow> = Vec::new();
            for b in BINDINGS {
                let own = b.scopes.iter().any(|s| scopes.contains(s));
                if own && b.permitted(m) && !rows.iter().any(|(k, _, _)| *k == b.key_name()) {
                    rows.push((b.key_name(), b.says(), b.help_text()));
                }
            }
            (title, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::lang::{Lang, scoped};

    /// Issue 21: every label and help line of the keymap reads in both
    /// languages (the footer, the form hints and `?` are made of them).
    #[test]
    fn every_key_says_itself_in_both_languages() {
        for b in BINDINGS {
            for text in [b.label, b.help].into_iter().filter(|t| !t.is_empty()) {
                let id = crate::present::words::key_id(text);
                for lang in Lang::ALL {
                    let said = scoped(lang, || crate::present::words::message(&id, &[]));
                    assert_ne!(said, id, "{id} ({text:?}) is missing in {}", lang.tag());
                }
                assert_eq!(
                    scoped(Lang::En, || crate::present::words::key_text(text)),
                    text
                );
            }
        }
        let zh = scoped(Lang::ZhCn, || {
            BINDINGS.iter().map(|b| b.says()).collect::<Vec<_>>()
        });
        assert!(zh.contains(&"派工") && zh.contains(&"交车"), "{zh:?}");
    }
}
