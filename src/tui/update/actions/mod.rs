//! What each keymap `Action` does to the model, one file per kind of
//! action: the job on the floor (`job.rs`), the bay terminal's work
//! (`work.rs`), parts (`parts.rs`), the advisor's desk (`desk.rs`), the
//! dashboard (`dashboard.rs`), moving about (`navigate.rs`), who is logged in
//! (`session.rs`) and the yes/no question (`confirm.rs`). Each returns the
//! effects to run; none does IO.

use super::super::keymap::Action;
use super::super::model::Model;
use super::super::msg::Effect;

mod confirm;
mod dashboard;
mod desk;
mod job;
mod navigate;
mod parts;
mod session;
mod work;

pub(super) use dashboard::figures_wanted;

/// The selected job's number and the version the person saw.
type Seen = Option<(i64, i64)>;

pub(super) fn act(m: &mut Model, a: Action) -> Vec<Effect> {
    let seen: Seen = m.selected_job().map(|j| (j.id, j.version));
    match a {
        Action::ForceQuit | Action::Quit => session::quit(m),
        Action::LogOut => super::log_out(m),
        Action::LogIn => session::log_in(m),
        Action::Find => vec![],
        Action::Unfind => session::unfind(m),
        Action::ClearFind => session::clear_find(m),
        Action::Help => navigate::help(m),
        Action::FindJob => navigate::find_job(m),
        Action::Up => super::cursor::step(m, -1),
        Action::Down => super::cursor::step(m, 1),
        Action::PageUp | Action::PageDown => navigate::page(m, a == Action::PageDown),
        Action::NextPanel => navigate::panel(m, 1),
        Action::PrevPanel => navigate::panel(m, -1),
        Action::Switch(v) => navigate::switch(m, v),
        Action::Details => navigate::details(m, seen),
        Action::Back => navigate::back(m),
        Action::VehicleFile => navigate::vehicle_file(m),
        Action::Claim => desk::claim(m),
        Action::SwitchFocus => navigate::switch_focus(m),
        Action::Arrive => desk::arrive(m),
        Action::NoShow => desk::no_show(m),
        Action::Call(reached) => desk::call(m, reached),
        Action::LogCall => desk::log_call(m),
        Action::CloseCall => desk::close_call(m),
        Action::ComplaintStep(to) => desk::complaint_step(m, to),
        Action::Decide(approve) => desk::decide(m, approve),
        Action::CheckIn => desk::check_in(m),
        Action::Print(doc) => desk::print(m, doc),
        Action::Job(action) => job::act(m, seen, action),
        Action::Dispatch | Action::Reassign => job::dispatch(m, a == Action::Reassign),
        Action::Priority => job::priority(m),
        Action::Cancel => job::cancel(m, seen),
        Action::Deliver => job::deliver(m, seen),
        Action::Wash => match m.selected_job() {
            Some(j) => vec![Effect::Write(crate::tui::msg::Write::Wash { job: j.id })],
            None => vec![],
        },
        Action::Promise => job::promise(m),
        Action::HandOverInside => job::hand_over_inside(m),
        Action::LogParts => work::log_parts(m, seen),
        Action::Inspect => work::inspect(m, seen),
        Action::LineToggle => work::line_toggle(m),
        Action::FoundWork => work::found_work(m, seen),
        Action::Parts(to) => parts::step(m, to),
        Action::Period(p) => dashboard::period(m, p),
        Action::Shift(by) => dashboard::shift(m, by),
        Action::Refresh => dashboard::refresh(m),
        Action::Form(fa) => super::results::form_action(m, fa),
        Action::Yes => confirm::yes(m),
        Action::No => confirm::no(m),
    }
}
