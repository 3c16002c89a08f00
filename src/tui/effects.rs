//! Runs an effect through the operations layer (or a read of the store)
//! and turns its result into a message for `update`.

use super::model::Model;
use super::msg::{Effect, Msg, Snapshot};
use crate::domain::JobAction;
use crate::error::Result;
use crate::workshop::Workshop;

pub fn run(ws: &mut Workshop, m: &Model, e: Effect) -> Msg {
    match e {
        Effect::Reload | Effect::ReloadOutside | Effect::ReloadWhole => match reload(ws, m, &e) {
            Ok(s) => Msg::Loaded(Box::new(s)),
            Err(e) => Msg::LoadFailed(e.to_string()),
        },
        Effect::LogOut => {
            ws.log_out();
            run(ws, m, Effect::Reload)
        }
        Effect::LoadJob(slot, n) => Msg::JobLoaded(
            slot,
            crate::read::detail::load_detail(ws.store(), n, m.now)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::LoadVehicle(plate) => Msg::VehicleLoaded(
            crate::read::vehicle_file::load(ws.store(), &plate)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::CheckInspect {
            job,
            version,
            level,
        } => Msg::InspectChecked {
            job,
            version,
            level,
            result: ws
                .check_action(&m.who(), job, level_action(level))
                .and_then(|()| {
                    let lines = ws.store().read(|c| crate::store::lines_for_job(c, job))?;
                    Ok((
                        lines,
                        crate::read::detail::failed_last_time(ws.store(), job, level)?,
                    ))
                })
                .map_err(|e| e.to_string()),
        },
        Effect::LogIn { name, pin } => Msg::LoggedIn(match ws.log_in(&name, pin.as_deref()) {
            Ok(Some(actor)) => Ok((ws.pin_set_by_other(actor.id).ok().flatten(), actor)),
            Ok(None) => Err(format!("{name} is no longer on the staff list")),
            Err(e) => Err(e.to_string()),
        }),
        Effect::Figures(span) => Msg::Figures(
            span,
            crate::read::figures::compute(ws.store(), span, &m.dash.zone, m.now, &mut |_, _| {})
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::Catalogue => Msg::Catalogue(
            ws.store()
                .read(crate::store::catalogue_ops)
                .map_err(|e| e.to_string()),
        ),
        Effect::Recalls => Msg::Recalls(
            ws.store()
                .read(crate::store::open_recalls_by_plate)
                .map_err(|e| e.to_string()),
        ),
        Effect::Write(w) => Msg::Written(super::writes::write(ws, &m.who(), w)),
    }
}

/// Reads the database version first, then the board: the board is at
/// least as new as the version recorded, so a commit is never skipped.
/// Only the parts the events since the last read touched are read again,
/// unless the clock asks for the whole board.
fn reload(ws: &Workshop, m: &Model, e: &Effect) -> Result<Snapshot> {
    let version = ws.store().data_version()?;
    let day_start = crate::present::local_midnight(m.now, &m.tz);
    let board = match e {
        Effect::ReloadWhole => crate::read::board::load(ws.store(), m.now, day_start)?,
        _ => crate::read::board::refresh(ws.store(), &m.board, m.now, day_start)?,
    };
    let outside = *e == Effect::ReloadOutside;
    // Staff matter to the login screen only; a board logged in does not
    // re-read them on every change.
    let staff = match m.user {
        None => Some(ws.store().read(crate::store::staff_list)?),
        Some(_) => None,
    };
    Ok(Snapshot {
        version,
        outside,
        board,
        staff,
    })
}

/// The action whose rule says whether the inspection form of `level` opens.
fn level_action(level: crate::domain::inspection::Level) -> JobAction {
    match level {
        crate::domain::inspection::Level::SelfCheck => JobAction::Finish,
        crate::domain::inspection::Level::Peer => JobAction::PassPeer,
        crate::domain::inspection::Level::Final => JobAction::PassQc,
    }
}
