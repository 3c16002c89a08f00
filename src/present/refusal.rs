//! A refusal in words: the one place its sentences are put together.

use super::words::{message, say};
use crate::domain::{Act, Refusal, Role};
use fluent_bundle::FluentValue;
use std::fmt;

/// What the person tried, in words.
pub fn act(a: Act) -> String {
    match a {
        Act::Job(action) => message(a.id(), &[("action", v(job_action(action.name())))]),
        other => message(other.id(), &[]),
    }
}

fn thing(what: &str) -> String {
    message(&format!("thing-{}", what.replace(' ', "_")), &[])
}

fn join(items: &[impl AsRef<str>], sep: &str) -> String {
    let sep = message(sep, &[]);
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&sep)
}

fn needs(roles: &[Role]) -> String {
    let nouns: Vec<&str> = roles.iter().map(|r| r.noun()).collect();
    join(&nouns, "sep-or")
}

fn allowed(list: &[&str]) -> String {
    if list.is_empty() {
        message("refusal-allowed-nothing", &[])
    } else {
        let words: Vec<String> = list.iter().map(|c| job_action(c)).collect();
        message(
            "refusal-allowed-now",
            &[("list", join(&words, "sep-list").into())],
        )
    }
}

/// A lifecycle action as the reader says it: its command word in English
/// (what the CLI takes), the dealer's word with the command in Chinese
/// (开工（start）); an action without words is its command word.
fn job_action(command: &str) -> String {
    let id = format!("job-action-{}", command.replace(' ', "-"));
    match message(&id, &[]) {
        said if said == id => command.to_string(),
        said => said,
    }
}

/// "Wang Wei (technician, qc)" — a person as the domain names them —
/// with the roles in the reader's words.
fn person(described: &str) -> String {
    let Some((name, roles)) = described
        .strip_suffix(')')
        .and_then(|d| d.rsplit_once(" ("))
    else {
        return described.to_string();
    };
    let nouns: Option<Vec<&str>> = roles
        .split(", ")
        .map(|r| r.parse::<Role>().ok().map(Role::noun))
        .collect();
    match nouns {
        Some(n) => message(
            "refusal-who",
            &[
                ("name", name.to_string().into()),
                ("roles", join(&n, "sep-list").into()),
            ],
        ),
        None => described.to_string(),
    }
}

fn v(text: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(text.into())
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words(self))
    }
}

fn words(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        IllegalTransition {
            job,
            status,
            action,
            allowed: list,
        } => message(
            "refusal-illegal-transition",
            &[
                ("job", v(job)),
                ("status", v(status.label())),
                ("action", v(act(*action))),
                ("allowed", v(allowed(list))),
            ],
        ),
        WrongRole {
            who,
            action,
            job,
            status,
            needs: roles,
        } => message(
            "refusal-wrong-role",
            &[
                ("who", v(person(who))),
                ("action", v(act(*action))),
                ("job", v(job)),
                ("status", v(status.label())),
                ("needs", v(needs(roles))),
            ],
        ),
        WrongRoleSetup {
            who,
            action,
            needs: roles,
        } => message(
            "refusal-wrong-role-setup",
            &[
                ("who", v(person(who))),
                ("action", v(act(*action))),
                ("needs", v(needs(roles))),
            ],
        ),
        NotYourJob {
            who,
            action,
            job,
            status,
            owner,
        } => message(
            "refusal-not-your-job",
            &[
                ("who", v(person(who))),
                ("action", v(act(*action))),
                ("job", v(job)),
                ("status", v(status.label())),
                ("owner", v(owner)),
            ],
        ),
        NoBay { job, status } => message(
            "refusal-no-bay",
            &[("job", v(job)), ("status", v(status.label()))],
        ),
        BayTaken { bay, holder, free } => {
            let free = if free.is_empty() {
                message("word-none", &[])
            } else {
                join(free, "sep-list")
            };
            message(
                "refusal-bay-taken",
                &[("bay", v(bay)), ("holder", v(holder)), ("free", v(free))],
            )
        }
        BayInactive { bay } => message("refusal-bay-inactive", &[("bay", v(bay))]),
        TechnicianBusy { who, job, other } => message(
            "refusal-technician-busy",
            &[
                ("who", v(person(who))),
                ("job", v(job)),
                ("other", v(other)),
            ],
        ),
        NotATechnician { who, job } => message(
            "refusal-not-a-technician",
            &[("who", v(person(who))), ("job", v(job))],
        ),
        SignedEarlier { who, job, status } => message(
            "refusal-signed-earlier",
            &[
                ("who", v(person(who))),
                ("job", v(job)),
                ("status", v(status.label())),
            ],
        ),
        OwnWork { who, job, status } => message(
            "refusal-own-work",
            &[
                ("who", v(person(who))),
                ("job", v(job)),
                ("status", v(status.label())),
            ],
        ),
        other => more_words(other),
    }
}

fn more_words(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        Stale {
            job,
            seen,
            now,
            status,
        } => message(
            "refusal-stale",
            &[
                ("job", v(job)),
                ("seen", (*seen).into()),
                ("now", (*now).into()),
                ("status", v(status.label())),
            ],
        ),
        Unknown { what, name, hint } => {
            let mut args = vec![("what", v(thing(what))), ("name", v(name))];
            match hint {
                Some(h) => {
                    args.push(("hint", v(say(h))));
                    message("refusal-unknown-hint", &args)
                }
                None => message("refusal-unknown", &args),
            }
        }
        LookAlike { name, existing } => message(
            "refusal-look-alike",
            &[("name", v(name)), ("existing", v(existing))],
        ),
        Duplicate { what, name } => message(
            "refusal-duplicate",
            &[("what", v(thing(what))), ("name", v(name))],
        ),
        Invalid { field, said } => message(
            "refusal-invalid",
            &[("field", v(field.label())), ("problem", v(say(said)))],
        ),
        PartsTransition {
            id,
            status,
            to,
            allowed: list,
        } => message(
            "refusal-parts-transition",
            &[
                ("id", (*id).into()),
                ("status", v(*status)),
                ("to", v(*to)),
                ("allowed", v(allowed(list))),
            ],
        ),
        PartsOpen {
            job,
            status,
            issues,
        } => message(
            "refusal-parts-open",
            &[
                ("job", v(job)),
                ("status", v(status.label())),
                ("issues", v(join(issues, "sep-list"))),
            ],
        ),
        LinesOpen {
            job,
            status,
            action,
            lines,
        } => message(
            "refusal-lines-open",
            &[
                ("job", v(job)),
                ("status", v(status.label())),
                ("action", v(act(*action))),
                ("lines", v(join(lines, "sep-items"))),
            ],
        ),
        NotTheirJob { who, action } => message(
            "refusal-not-their-job",
            &[("who", v(person(who))), ("action", v(act(*action)))],
        ),
        LineNotNow { job, status, what } => message(
            "refusal-line-not-now",
            &[
                ("job", v(job)),
                ("status", v(status.label())),
                ("what", v(act(*what))),
            ],
        ),
        LineState { line, status, what } => message(
            "refusal-line-state",
            &[
                ("line", v(line)),
                ("status", v(status.as_str())),
                ("what", v(act(*what))),
            ],
        ),
        other => pin_words(other),
    }
}

fn pin_words(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        PinNeeded { who } => message("refusal-pin-needed", &[("who", v(person(who)))]),
        WrongPin {
            who,
            left,
            locked_minutes,
        } => {
            let id = match locked_minutes {
                Some(_) => "refusal-wrong-pin-locked",
                None if *left == 1 => "refusal-wrong-pin-last",
                None if *left <= 2 => "refusal-wrong-pin-few",
                None => "refusal-wrong-pin",
            };
            message(
                id,
                &[
                    ("who", v(person(who))),
                    ("left", (*left).into()),
                    ("minutes", locked_minutes.unwrap_or(0).into()),
                ],
            )
        }
        PinLocked { who, minutes } => message(
            "refusal-pin-locked",
            &[("who", v(person(who))), ("minutes", (*minutes).into())],
        ),
        NoPinKept { who, action } => message(
            "refusal-no-pin-kept",
            &[("who", v(person(who))), ("action", v(act(*action)))],
        ),
        ForemanPinNeeded {
            action,
            others_keep,
        } => message(
            if *others_keep {
                "refusal-foreman-pin-needed-once"
            } else {
                "refusal-foreman-pin-needed"
            },
            &[("action", v(act(*action)))],
        ),
        NeedActor(None) => message("refusal-need-actor", &[]),
        NeedActor(Some(a)) => message("refusal-need-foreman", &[("action", v(act(*a)))]),
        _ => unreachable!("every refusal is said by words or more_words"),
    }
}

impl fmt::Display for crate::domain::UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&message(
            "problem-unknown-code",
            &[
                ("what", v(thing(self.what))),
                ("given", v(&self.given)),
                ("list", v(join(&self.one_of, "sep-list"))),
            ],
        ))
    }
}
