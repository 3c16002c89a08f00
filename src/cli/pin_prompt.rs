//! A PIN typed at the terminal, never echoed and never on the command line
//! (where every local user can read it in `/proc`): asked for when a
//! command acts as someone who keeps a PIN and none was given.

use super::Ctx;
use crate::error::Result;
use crate::workshop::Workshop;
use std::io::{BufRead, Write};

/// Fills `ctx.pin` from the terminal when it is needed and can be asked:
/// stdin and stderr are a terminal, no `--pin`/`BAYBOARD_PIN` was given,
/// and the acting person keeps a PIN. Otherwise the command goes on and
/// its refusal says how to give one.
pub(crate) fn ask_if_needed(ctx: &mut Ctx) -> Result<()> {
    let Some(who) = ctx.actor.clone().filter(|w| !w.trim().is_empty()) else {
        return Ok(());
    };
    // SAFETY: isatty only inspects the descriptors.
    let terminal = unsafe { libc::isatty(0) == 1 && libc::isatty(2) == 1 };
    if ctx.pin.is_some() || !terminal || !ctx.db.exists() {
        return Ok(());
    }
    let Ok(ws) = Workshop::open(&ctx.db) else {
        return Ok(());
    };
    let keeps = ws
        .store()
        .read(|c| crate::store::staff_by_name(c, &who))?
        .is_some_and(|s| s.has_pin);
    if keeps {
        ctx.pin = Some(read_hidden(&format!(
            "PIN for {}: ",
            crate::text::fit(&who, 40)
        ))?);
    }
    Ok(())
}

/// One line from the terminal with echo off, restored however it ends.
fn read_hidden(prompt: &str) -> Result<String> {
    let mut err = std::io::stderr().lock();
    err.write_all(prompt.as_bytes())?;
    err.flush()?;
    // SAFETY: a zeroed termios is a valid value for tcgetattr to fill.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd 0 is a terminal (checked by the caller); the struct is ours.
    let got = unsafe { libc::tcgetattr(0, &mut saved) } == 0;
    if got {
        let mut quiet = saved;
        quiet.c_lflag &= !libc::ECHO;
        quiet.c_lflag |= libc::ECHONL;
        // SAFETY: as above; TCSANOW applies it before the read below.
        unsafe { libc::tcsetattr(0, libc::TCSANOW, &quiet) };
    }
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if got {
        // SAFETY: puts back exactly what was read above.
        unsafe { libc::tcsetattr(0, libc::TCSANOW, &saved) };
    }
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
