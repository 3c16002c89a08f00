//! A line done, or reopened.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(ws: &mut Workshop, who: &str, line: i64, done: bool) -> Result<String, Error> {
    let l = ws.mark_line(who, line, done)?;
    Ok(format!(
        "{} {} {}",
        l.label(),
        l.work,
        if done {
            "done — space again to reopen"
        } else {
            "reopened"
        }
    ))
}
