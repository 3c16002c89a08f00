//! A line done, or reopened.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(ws: &mut Workshop, who: &str, line: i64, done: bool) -> Result<String, Error> {
    let l = ws.mark_line(who, line, done)?;
    Ok(crate::present::words::message(
        "done-line-marked",
        &[
            ("line", l.label().into()),
            ("work", l.work.as_str().into()),
            ("done", if done { "yes" } else { "no" }.into()),
        ],
    ))
}
