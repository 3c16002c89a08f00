//! ASCII for terminals whose font lacks the status symbols (the Linux
//! console): every symbol the views draw is swapped for a plain character
//! after drawing, so the words beside them carry the meaning as before.

use crate::domain::states::STATES;
use ratatui::buffer::Buffer;

/// (symbol, replacement) — one cell each, or a wide symbol and two cells.
/// The states' own symbols are their rows' `ascii` (`domain/states.rs`).
const SWAPS: &[(&str, &str)] = &[
    ("▸", ">"),
    ("◂", "<"),
    ("●", "*"),
    ("⏎", "~"),
    ("↑", "^"),
    ("↓", "v"),
    ("←", "<"),
    ("→", ">"),
    ("·", "."),
    ("…", "~"),
    ("—", "-"),
    ("–", "-"),
    ("×", "x"),
    ("⛔", "!!"),
];

/// Replaces the drawn symbols in place.
pub fn plain(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let sym = buf[(x, y)].symbol().to_string();
            if let Some(state) = STATES.iter().find(|s| s.symbol == sym) {
                buf[(x, y)].set_char(state.ascii);
            } else if let Some((_, to)) = SWAPS.iter().find(|(from, _)| *from == sym) {
                let mut chars = to.chars();
                if let Some(c) = chars.next() {
                    buf[(x, y)].set_char(c);
                }
                if let Some(c) = chars.next()
                    && x + 1 < area.right()
                {
                    buf[(x + 1, y)].set_char(c);
                    x += 1;
                }
            }
            x += 1;
        }
    }
}
