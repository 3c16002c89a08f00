//! The job state machine (README.md's lifecycle, ARCHITECTURE.md), with the role of
//! every transition. This is the only place that decides whether a job may
//! move; the operations layer asks it before it writes anything.

use super::acts::Act;
use super::numbers::job_label;
use super::people::{Actor, Role};
use super::refusal::Refusal;
use super::states::{To, Transition};
use super::status::JobStatus;
use JobStatus::*;

/// Actions a person takes on a job. Parts blocking is automatic and lives in
/// [`on_blocking_logged`] / [`on_blocking_cleared`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobAction {
    Dispatch,
    Reassign,
    Release,
    SetPriority,
    Start,
    Pause,
    Resume,
    Finish,
    PassPeer,
    FailPeer,
    PassQc,
    FailQc,
    Deliver,
    Cancel,
}

impl JobAction {
    /// Every action, in the order of the transitions table (`domain/states.rs`).
    pub const ALL: [JobAction; super::states::TRANSITIONS.len()] = super::states::all_actions();

    /// The action's row of the transitions table.
    pub fn row(self) -> &'static Transition {
        super::states::transition(self)
    }

    /// The command word, as in the CLI and the event log.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The states the action may be taken from.
    pub fn from_states(self) -> &'static [JobStatus] {
        self.row().from
    }

    /// Who may take the action (any one of these roles).
    pub fn roles(self) -> &'static [Role] {
        self.row().roles
    }

    /// Technician actions are taken only by the job's own technician.
    pub fn own_job_only(self) -> bool {
        self.row().own_job
    }

    /// The event kind the action records.
    pub fn event(self) -> &'static str {
        self.row().event
    }

    fn needs_bay(self) -> bool {
        self.row().needs_bay
    }

    /// A signature of the peer check or the final inspection: never by
    /// someone who worked the job or signed an earlier level.
    pub fn is_inspection(self) -> bool {
        matches!(
            self,
            JobAction::PassPeer | JobAction::FailPeer | JobAction::PassQc | JobAction::FailQc
        )
    }
}

/// What the state machine needs to know about a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobFacts {
    pub number: i64,
    pub status: JobStatus,
    pub has_bay: bool,
    pub technician: Option<(i64, String)>,
    /// Where a held job (waiting for parts or approval) returns to.
    pub parts_return: Option<JobStatus>,
    /// At least one blocking parts issue is open.
    pub blocking_open: bool,
    /// At least one blocking added line waits for the customer's decision.
    pub approval_open: bool,
    /// Lines that keep the job from being finished: proposed, or approved
    /// and not done ("L-3 front pads (waiting for the customer)").
    pub unfinished_lines: Vec<String>,
    /// Lines still waiting for the customer's decision.
    pub proposed_lines: Vec<String>,
    /// Staff who started or logged time on the job (QC independence).
    pub workers: Vec<i64>,
    /// Open parts issues (blocking or not): a vehicle is not handed over
    /// with one still open.
    pub open_parts: Vec<i64>,
    /// The shop runs the peer check 互检 between finish and QC.
    pub peer_check: bool,
    /// Who signed an inspection level of this round (since the last
    /// self-check): none of them signs a later one.
    pub signers: Vec<i64>,
}

/// What `check` reads of a job for an action beyond its state, bay and
/// technician. The operations layer reads only these in the write's
/// transaction (issue 25: a priority change read six queries it never
/// used); a test proves `check` answers the same with only these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The holds (a blocking part, a blocking line) decide where a move
    /// into a state lands.
    pub holds: bool,
    /// The lines still open or proposed.
    pub lines: bool,
    /// Who worked on the job and who signed this round.
    pub inspection: bool,
    /// The open parts issues.
    pub parts: bool,
    /// Whether the shop runs the peer check.
    pub peer_check: bool,
}

impl JobAction {
    pub fn needs(self) -> Needs {
        use JobAction::*;
        Needs {
            holds: matches!(self.row().to, To::State(_)),
            lines: matches!(self, Finish | PassPeer | PassQc | Deliver),
            inspection: self.is_inspection(),
            parts: self == Deliver,
            peer_check: self == Finish,
        }
    }
}

impl JobFacts {
    /// These facts with only what `needs` names kept, the rest empty.
    pub fn only(&self, needs: Needs) -> JobFacts {
        JobFacts {
            blocking_open: needs.holds && self.blocking_open,
            approval_open: needs.holds && self.approval_open,
            unfinished_lines: if needs.lines {
                self.unfinished_lines.clone()
            } else {
                Vec::new()
            },
            proposed_lines: if needs.lines {
                self.proposed_lines.clone()
            } else {
                Vec::new()
            },
            workers: if needs.inspection {
                self.workers.clone()
            } else {
                Vec::new()
            },
            signers: if needs.inspection {
                self.signers.clone()
            } else {
                Vec::new()
            },
            open_parts: if needs.parts {
                self.open_parts.clone()
            } else {
                Vec::new()
            },
            peer_check: needs.peer_check && self.peer_check,
            ..self.clone()
        }
    }

    pub fn label(&self) -> String {
        job_label(self.number)
    }
}

/// The state a job lands in, and where it returns from waiting_parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub to: JobStatus,
    pub parts_return: Option<JobStatus>,
}

impl Outcome {
    fn plain(to: JobStatus) -> Self {
        Outcome {
            to,
            parts_return: None,
        }
    }
}

/// Actions whose from-states include `status`, in table order.
pub fn allowed_actions(status: JobStatus) -> Vec<JobAction> {
    JobAction::ALL
        .into_iter()
        .filter(|a| a.from_states().contains(&status))
        .collect()
}

/// Actions `actor` could take on the job right now (for menus and messages).
#[cfg(test)]
pub fn actions_for(actor: &Actor, job: &JobFacts) -> Vec<JobAction> {
    allowed_actions(job.status)
        .into_iter()
        .filter(|a| check(*a, actor, job).is_ok())
        .collect()
}

/// Whether to offer `action` to `actor` on a job in `status` held by
/// `technician`: the state allows it, the role allows it and, for technician
/// actions, it is their job. [`check`] makes the final call with every fact.
pub fn may_offer(
    action: JobAction,
    actor: &Actor,
    status: JobStatus,
    technician: Option<i64>,
) -> bool {
    action.from_states().contains(&status)
        && actor.has_any(action.roles())
        && (!action.own_job_only() || technician == Some(actor.id))
}

/// Is `action` by `actor` legal on `job`? Returns the resulting state.
/// Reassign and release keep the state unless the job was in progress (the
/// technician's clock must stop), which [`reassign_outcome`] decides.
pub fn check(action: JobAction, actor: &Actor, job: &JobFacts) -> Result<Outcome, Refusal> {
    let label = job.label();
    if !action.from_states().contains(&job.status) {
        return Err(Refusal::IllegalTransition {
            job: label,
            status: job.status,
            action: Act::Job(action),
            allowed: allowed_actions(job.status)
                .into_iter()
                .map(|a| a.name())
                .collect(),
        });
    }
    if !actor.has_any(action.roles()) {
        return Err(Refusal::WrongRole {
            who: actor.describe(),
            action: Act::Job(action),
            job: label,
            status: job.status,
            needs: action.roles().to_vec(),
        });
    }
    if action.own_job_only() {
        match &job.technician {
            Some((id, _)) if *id == actor.id => {}
            Some((_, owner)) => {
                return Err(Refusal::NotYourJob {
                    who: actor.name.clone(),
                    action: Act::Job(action),
                    job: label,
                    status: job.status,
                    owner: owner.clone(),
                });
            }
            None => {
                return Err(Refusal::NotYourJob {
                    who: actor.name.clone(),
                    action: Act::Job(action),
                    job: label,
                    status: job.status,
                    owner: "nobody".into(),
                });
            }
        }
    }
    if action.is_inspection() && job.workers.contains(&actor.id) {
        return Err(Refusal::OwnWork {
            who: actor.name.clone(),
            job: label,
            status: job.status,
        });
    }
    if action.is_inspection() && job.signers.contains(&actor.id) {
        return Err(Refusal::SignedEarlier {
            who: actor.name.clone(),
            job: label,
            status: job.status,
        });
    }
    // Found work the customer approved at inspection is done before a pass.
    if matches!(action, JobAction::PassPeer | JobAction::PassQc) && !job.unfinished_lines.is_empty()
    {
        return Err(Refusal::LinesOpen {
            job: label,
            status: job.status,
            action: Act::Job(action),
            lines: job.unfinished_lines.clone(),
        });
    }
    if action == JobAction::Deliver && !job.open_parts.is_empty() {
        return Err(Refusal::PartsOpen {
            job: label,
            status: job.status,
            issues: job
                .open_parts
                .iter()
                .map(|p| super::parts_label(*p))
                .collect(),
        });
    }
    if action == JobAction::Finish && !job.unfinished_lines.is_empty() {
        return Err(Refusal::LinesOpen {
            job: label,
            status: job.status,
            action: Act::Job(action),
            lines: job.unfinished_lines.clone(),
        });
    }
    if action == JobAction::Deliver && !job.proposed_lines.is_empty() {
        return Err(Refusal::LinesOpen {
            job: label,
            status: job.status,
            action: Act::Job(action),
            lines: job.proposed_lines.clone(),
        });
    }
    if action.needs_bay() && !job.has_bay {
        return Err(Refusal::NoBay {
            job: label,
            status: job.status,
        });
    }
    let target = match action.row().to {
        To::State(ReadyForQc) if action == JobAction::Finish && job.peer_check => PeerCheck,
        To::State(to) => to,
        To::KeepOrPause => return Ok(keep_or_pause(job)),
        To::Keep => return Ok(keep(job)),
    };
    Ok(settle(target, job.holds()))
}

/// Reassigning an in-progress job to another technician stops the clock.
pub fn reassign_outcome(job: &JobFacts, technician_changes: bool) -> Outcome {
    if technician_changes {
        keep_or_pause(job)
    } else {
        keep(job)
    }
}

fn keep(job: &JobFacts) -> Outcome {
    Outcome {
        to: job.status,
        parts_return: job.parts_return,
    }
}

fn keep_or_pause(job: &JobFacts) -> Outcome {
    if job.status == InProgress {
        Outcome::plain(Paused)
    } else {
        keep(job)
    }
}

/// What keeps a job from being worked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holds {
    /// A blocking parts issue is open.
    pub parts: bool,
    /// A blocking added line waits for the customer's decision.
    pub approval: bool,
}

impl Holds {
    pub fn any(self) -> bool {
        self.parts || self.approval
    }

    /// The state a held job shows: waiting for approval wins, since the
    /// customer's decision may make the part unnecessary.
    fn state(self) -> Option<JobStatus> {
        if self.approval {
            Some(WaitingApproval)
        } else if self.parts {
            Some(WaitingParts)
        } else {
            None
        }
    }
}

impl JobFacts {
    pub fn holds(&self) -> Holds {
        Holds {
            parts: self.blocking_open,
            approval: self.approval_open,
        }
    }
}

/// A job never rests in a workable state while a hold is on: it waits and
/// remembers where to return.
fn settle(to: JobStatus, holds: Holds) -> Outcome {
    match holds.state() {
        Some(held) if to.row().parkable => Outcome {
            to: held,
            parts_return: Some(to),
        },
        _ => Outcome::plain(to),
    }
}

/// A hold was added or cleared on a job in `status`; `holds` are the holds
/// now. Returns where the job goes, or None if it stays. A running job
/// stops (it returns paused); a held job returns where it came from once
/// every hold is gone.
pub fn on_holds_changed(
    status: JobStatus,
    parts_return: Option<JobStatus>,
    holds: Holds,
) -> Option<Outcome> {
    let back = match status {
        InProgress => Paused,
        s if s.row().parkable => s,
        s if s.is_held() => parts_return.unwrap_or(Paused),
        _ => return None,
    };
    let to = match holds.state() {
        Some(held) => held,
        None if status.is_held() => back,
        None => return None,
    };
    let out = Outcome {
        to,
        parts_return: to.is_held().then_some(back),
    };
    (to != status).then_some(out)
}

/// Whether a person may set up bays and staff: a foreman, or anyone while
/// the shop has no staff yet (the very first person adds themselves).
pub fn check_setup(
    actor: Option<&Actor>,
    shop_has_staff: bool,
    action: Act,
) -> Result<(), Refusal> {
    if !shop_has_staff {
        return Ok(());
    }
    match actor {
        Some(a) if a.has(Role::Foreman) => Ok(()),
        Some(a) => Err(Refusal::WrongRoleSetup {
            who: a.describe(),
            action,
            needs: vec![Role::Foreman],
        }),
        None => Err(Refusal::NeedActor(Some(action))),
    }
}

/// Who may check a vehicle in as a job.
pub fn check_create(actor: &Actor) -> Result<(), Refusal> {
    const NEEDS: [Role; 2] = [Role::Advisor, Role::Foreman];
    if actor.has_any(&NEEDS) {
        Ok(())
    } else {
        Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action: Act::CheckIn,
            needs: NEEDS.to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 25: the operations layer reads only what `needs` names; the
    /// rule must answer the same with only those facts, for every action,
    /// state and role, under 256 mixes of the facts each.
    #[test]
    fn the_rule_answers_the_same_with_only_what_the_action_needs() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for action in JobAction::ALL {
            for status in JobStatus::ALL {
                for role in Role::ALL {
                    for _ in 0..256 {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        let f = |i: u32| seed >> i & 1 == 1;
                        let full = JobFacts {
                            number: 7,
                            status,
                            has_bay: f(0),
                            technician: f(1).then(|| (if f(2) { 1 } else { 2 }, "P".into())),
                            parts_return: f(3).then_some(Paused),
                            blocking_open: f(4),
                            approval_open: f(5),
                            unfinished_lines: if f(6) { vec!["L-1".into()] } else { vec![] },
                            proposed_lines: if f(7) { vec!["L-2".into()] } else { vec![] },
                            workers: if f(8) { vec![1] } else { vec![3] },
                            open_parts: if f(9) { vec![4] } else { vec![] },
                            peer_check: f(10),
                            signers: if f(11) { vec![1] } else { vec![] },
                        };
                        let who = actor(1, &[role]);
                        assert_eq!(
                            check(action, &who, &full),
                            check(action, &who, &full.only(action.needs())),
                            "{action:?} by a {role:?} on {full:?}"
                        );
                    }
                }
            }
        }
    }

    fn actor(id: i64, roles: &[Role]) -> Actor {
        Actor {
            id,
            name: format!("P{id}"),
            roles: roles.to_vec(),
        }
    }

    fn job(status: JobStatus) -> JobFacts {
        JobFacts {
            number: 7,
            status,
            has_bay: status.may_hold_bay(),
            technician: if status == Waiting {
                None
            } else {
                Some((1, "P1".into()))
            },
            parts_return: status.is_held().then_some(Paused),
            blocking_open: status == WaitingParts,
            approval_open: status == WaitingApproval,
            unfinished_lines: vec![],
            proposed_lines: vec![],
            workers: if matches!(status, Waiting | Dispatched) {
                vec![]
            } else {
                vec![1]
            },
            open_parts: vec![],
            peer_check: false,
            signers: vec![],
        }
    }

    const TECH: i64 = 1;
    fn everyone() -> Actor {
        // Holds every role, but not as the job's technician.
        actor(9, &Role::ALL)
    }
    fn the_tech() -> Actor {
        actor(TECH, &[Role::Technician])
    }

    /// The lifecycle table, written out independently of the
    /// implementation: (from, action, to).
    fn table() -> Vec<(JobStatus, JobAction, JobStatus)> {
        use JobAction as A;
        let mut t = vec![
            (Waiting, A::Dispatch, Dispatched),
            (Dispatched, A::Start, InProgress),
            (Rework, A::Start, InProgress),
            (Paused, A::Resume, InProgress),
            (InProgress, A::Pause, Paused),
            (InProgress, A::Finish, ReadyForQc),
            (PeerCheck, A::PassPeer, ReadyForQc),
            (PeerCheck, A::FailPeer, Rework),
            (ReadyForQc, A::PassQc, QcPassed),
            (ReadyForQc, A::FailQc, Rework),
            (QcPassed, A::Deliver, Delivered),
        ];
        for s in [
            Dispatched,
            InProgress,
            Paused,
            WaitingParts,
            WaitingApproval,
            Rework,
        ] {
            t.push((s, A::Reassign, s));
            t.push((s, A::Release, if s == InProgress { Paused } else { s }));
        }
        for s in JobStatus::ALL.into_iter().filter(|s| s.is_open()) {
            t.push((s, A::Cancel, Cancelled));
            t.push((s, A::SetPriority, s));
        }
        t
    }

    fn actor_for(action: JobAction) -> Actor {
        if action.own_job_only() {
            the_tech()
        } else {
            everyone()
        }
    }

    #[test]
    fn every_allowed_transition_lands_where_the_table_says() {
        for (from, action, to) in table() {
            let out = check(action, &actor_for(action), &job(from))
                .unwrap_or_else(|e| panic!("{from} {action:?}: {e}"));
            assert_eq!(out.to, to, "{from} --{action:?}-->");
        }
    }

    #[test]
    fn every_other_transition_is_refused_and_says_what_is_allowed() {
        let allowed = table();
        for from in JobStatus::ALL {
            for action in JobAction::ALL {
                if allowed.iter().any(|(f, a, _)| *f == from && *a == action) {
                    continue;
                }
                let err = check(action, &actor_for(action), &job(from)).unwrap_err();
                match &err {
                    Refusal::IllegalTransition { status, .. } => assert_eq!(*status, from),
                    other => panic!("{from} {action:?}: unexpected {other:?}"),
                }
                let msg = err.to_string();
                assert!(msg.contains("J-000007"), "{msg}");
                assert!(msg.contains(from.label()), "{msg}");
                let expected: Vec<&str> = allowed_actions(from).iter().map(|a| a.name()).collect();
                if expected.is_empty() {
                    assert!(msg.contains("nothing more"), "{msg}");
                } else {
                    assert!(msg.contains(&expected.join(", ")), "{msg}");
                }
            }
        }
    }

    #[test]
    fn each_action_needs_its_role() {
        for (from, action, _) in table() {
            for role in Role::ALL {
                let a = actor(TECH, &[role]);
                let res = check(action, &a, &job(from));
                let may = action.roles().contains(&role)
                    && !(action.is_inspection() && job(from).workers.contains(&TECH));
                assert_eq!(res.is_ok(), may, "{role} {action:?} from {from}: {res:?}");
                if !action.roles().contains(&role) {
                    assert!(matches!(res, Err(Refusal::WrongRole { .. })));
                }
            }
        }
    }

    #[test]
    fn technicians_act_only_on_their_own_jobs() {
        let other = actor(2, &[Role::Technician]);
        for (from, action) in [
            (Dispatched, JobAction::Start),
            (InProgress, JobAction::Pause),
            (Paused, JobAction::Resume),
            (InProgress, JobAction::Finish),
        ] {
            let err = check(action, &other, &job(from)).unwrap_err();
            assert!(matches!(err, Refusal::NotYourJob { .. }), "{err:?}");
            assert!(err.to_string().contains("P1's job"), "{err}");
        }
        // A foreman is not the technician either.
        let foreman = actor(3, &[Role::Foreman]);
        assert!(check(JobAction::Start, &foreman, &job(Dispatched)).is_err());
    }

    #[test]
    fn qc_is_refused_to_anyone_who_worked_the_job() {
        let inspector_who_worked = actor(TECH, &[Role::Qc, Role::Technician]);
        let err = check(JobAction::PassQc, &inspector_who_worked, &job(ReadyForQc)).unwrap_err();
        assert!(matches!(err, Refusal::OwnWork { .. }));
        assert!(err.to_string().contains("may not inspect"));
        let err = check(JobAction::FailQc, &inspector_who_worked, &job(ReadyForQc)).unwrap_err();
        assert!(matches!(err, Refusal::OwnWork { .. }));
        let independent = actor(5, &[Role::Qc]);
        assert_eq!(
            check(JobAction::PassQc, &independent, &job(ReadyForQc))
                .unwrap()
                .to,
            QcPassed
        );
    }

    /// Issue 24: finish leads to the peer check where the shop runs one;
    /// each level is signed by someone who signed no earlier one; a pass
    /// waits for found work approved at inspection.
    #[test]
    fn levels_go_in_order_each_by_another_person() {
        let mut j = job(InProgress);
        j.peer_check = true;
        assert_eq!(
            check(JobAction::Finish, &the_tech(), &j).unwrap().to,
            PeerCheck
        );
        j.peer_check = false;
        assert_eq!(
            check(JobAction::Finish, &the_tech(), &j).unwrap().to,
            ReadyForQc
        );
        let peer = actor(2, &[Role::Technician, Role::Qc]);
        assert_eq!(
            check(JobAction::PassPeer, &peer, &job(PeerCheck))
                .unwrap()
                .to,
            ReadyForQc
        );
        let mut ready = job(ReadyForQc);
        ready.signers = vec![2];
        let err = check(JobAction::PassQc, &peer, &ready).unwrap_err();
        assert!(matches!(err, Refusal::SignedEarlier { .. }), "{err:?}");
        assert!(check(JobAction::FailQc, &peer, &ready).is_err());
        assert!(check(JobAction::PassQc, &actor(3, &[Role::Qc]), &ready).is_ok());
        ready.unfinished_lines = vec!["L-5 pads".into()];
        let err = check(JobAction::PassQc, &actor(3, &[Role::Qc]), &ready).unwrap_err();
        assert!(matches!(err, Refusal::LinesOpen { .. }), "{err:?}");
        assert!(check(JobAction::FailQc, &actor(3, &[Role::Qc]), &ready).is_ok());
        let worked = actor(TECH, &[Role::Technician]);
        assert!(matches!(
            check(JobAction::PassPeer, &worked, &job(PeerCheck)).unwrap_err(),
            Refusal::OwnWork { .. }
        ));
    }

    #[test]
    fn start_and_release_need_a_bay() {
        let mut j = job(Dispatched);
        j.has_bay = false;
        let err = check(JobAction::Start, &the_tech(), &j).unwrap_err();
        assert!(matches!(err, Refusal::NoBay { .. }));
        assert!(check(JobAction::Release, &everyone(), &j).is_err());
        // The foreman can still give it a bay.
        assert!(check(JobAction::Reassign, &everyone(), &j).is_ok());
    }

    #[test]
    fn holds_park_the_job_and_remember_where_it_was() {
        let parts = Holds {
            parts: true,
            approval: false,
        };
        let approval = Holds {
            parts: false,
            approval: true,
        };
        let both = Holds {
            parts: true,
            approval: true,
        };
        let none = Holds::default();
        assert_eq!(
            on_holds_changed(InProgress, None, parts),
            Some(Outcome {
                to: WaitingParts,
                parts_return: Some(Paused)
            })
        );
        assert_eq!(
            on_holds_changed(InProgress, None, approval),
            Some(Outcome {
                to: WaitingApproval,
                parts_return: Some(Paused)
            })
        );
        // Found work at inspection parks a job waiting for its check too.
        for s in [Dispatched, Paused, Rework, PeerCheck, ReadyForQc] {
            assert_eq!(
                on_holds_changed(s, None, parts).unwrap().parts_return,
                Some(s)
            );
            assert_eq!(on_holds_changed(s, None, both).unwrap().to, WaitingApproval);
        }
        for s in [Waiting, QcPassed, Delivered, Cancelled] {
            assert_eq!(on_holds_changed(s, None, both), None, "{s}");
        }
        // Both holds: approval shows; when it clears, parts still hold.
        let out = on_holds_changed(WaitingParts, Some(Dispatched), both).unwrap();
        assert_eq!(
            (out.to, out.parts_return),
            (WaitingApproval, Some(Dispatched))
        );
        let out = on_holds_changed(WaitingApproval, Some(Dispatched), parts).unwrap();
        assert_eq!((out.to, out.parts_return), (WaitingParts, Some(Dispatched)));
        let out = on_holds_changed(WaitingParts, Some(Dispatched), none).unwrap();
        assert_eq!((out.to, out.parts_return), (Dispatched, None));
        assert_eq!(on_holds_changed(WaitingParts, Some(Paused), parts), None);
        assert_eq!(on_holds_changed(WaitingApproval, Some(Rework), both), None);
        assert_eq!(on_holds_changed(Paused, None, none), None);
        assert_eq!(on_holds_changed(InProgress, None, none), None);
    }

    #[test]
    fn finish_and_delivery_wait_for_the_lines() {
        let mut j = job(InProgress);
        j.unfinished_lines = vec!["L-3 front pads (waiting for the customer)".into()];
        let err = check(JobAction::Finish, &the_tech(), &j).unwrap_err();
        assert!(err.to_string().contains("L-3 front pads"), "{err}");
        let mut j = job(QcPassed);
        j.proposed_lines = vec!["L-4 wipers".into()];
        let err = check(JobAction::Deliver, &everyone(), &j).unwrap_err();
        assert!(err.to_string().contains("L-4 wipers"), "{err}");
    }

    #[test]
    fn a_transition_into_a_workable_state_waits_while_blocked() {
        let mut j = job(Waiting);
        j.blocking_open = true;
        let out = check(JobAction::Dispatch, &everyone(), &j).unwrap();
        assert_eq!(out.to, WaitingParts);
        assert_eq!(out.parts_return, Some(Dispatched));
        let mut j = job(ReadyForQc);
        j.blocking_open = true;
        let out = check(JobAction::FailQc, &actor(5, &[Role::Qc]), &j).unwrap();
        assert_eq!((out.to, out.parts_return), (WaitingParts, Some(Rework)));
    }

    #[test]
    fn a_vehicle_is_not_delivered_with_parts_issues_open() {
        let mut j = job(QcPassed);
        j.open_parts = vec![3];
        let err = check(JobAction::Deliver, &everyone(), &j).unwrap_err();
        assert!(err.to_string().contains("P-3"), "{err}");
        j.open_parts.clear();
        assert!(check(JobAction::Deliver, &everyone(), &j).is_ok());
    }

    #[test]
    fn reassigning_a_running_job_to_someone_else_stops_the_clock() {
        assert_eq!(reassign_outcome(&job(InProgress), true).to, Paused);
        assert_eq!(reassign_outcome(&job(InProgress), false).to, InProgress);
        assert_eq!(reassign_outcome(&job(WaitingParts), true).to, WaitingParts);
    }

    #[test]
    fn setup_needs_a_foreman_once_there_is_staff() {
        assert!(check_setup(None, false, Act::AddBay).is_ok());
        assert!(matches!(
            check_setup(None, true, Act::AddBay),
            Err(Refusal::NeedActor(_))
        ));
        assert!(check_setup(Some(&actor(1, &[Role::Technician])), true, Act::AddBay).is_err());
        assert!(check_setup(Some(&actor(1, &[Role::Foreman])), true, Act::AddBay).is_ok());
        assert!(check_create(&actor(1, &[Role::Advisor])).is_ok());
        assert!(check_create(&actor(1, &[Role::Parts])).is_err());
    }

    #[test]
    fn may_offer_agrees_with_check_on_state_role_and_ownership() {
        for from in JobStatus::ALL {
            for action in JobAction::ALL {
                for a in [
                    the_tech(),
                    everyone(),
                    actor(2, &[Role::Technician]),
                    actor(5, &[Role::Qc]),
                ] {
                    let mut j = job(from);
                    j.has_bay = true;
                    j.workers.clear();
                    let offered = may_offer(action, &a, from, j.technician.as_ref().map(|t| t.0));
                    assert_eq!(
                        offered,
                        check(action, &a, &j).is_ok(),
                        "{action:?} {from} {}",
                        a.name
                    );
                }
            }
        }
    }

    #[test]
    fn actions_for_lists_only_what_this_person_may_do() {
        let names: Vec<_> = actions_for(&the_tech(), &job(InProgress))
            .iter()
            .map(|a| a.name())
            .collect();
        assert_eq!(names, vec!["pause", "finish"]);
    }
}
