//! ASCII for terminals whose font lacks the status symbols (the Linux
//! console): every symbol the views draw is swapped for a plain character
//! after drawing, so the words beside them carry the meaning as before.
//! Each plain character means one thing: `~` is a transliteration
//! (`text::shown` writes names and plates in pinyin before drawing), `$`
//! text cut at the edge (as nano marks it), `/` a line done, `_` an
//! item not yet marked; a key is a word (`Enter`, `views::key_text`).

use crate::domain::states::STATES;
use ratatui::buffer::Buffer;

/// (symbol, replacement) — one cell each, or a wide symbol and two cells.
/// The states' own symbols are their rows' `ascii` (`domain/states.rs`).
const SWAPS: &[(&str, &str)] = &[
    ("▸", ">"),
    ("◂", "<"),
    ("●", "*"),
    ("✓", "/"),
    ("□", "_"),
    ("↑", "^"),
    ("↓", "v"),
    ("←", "<"),
    ("→", ">"),
    ("·", "."),
    ("…", "$"),
    ("—", "-"),
    ("–", "-"),
    ("×", "x"),
    ("⛔", "!!"),
];

thread_local! {
    static UNMARKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many wide characters this thread's drawing has left to `plain`
/// (written as two letters, not marked): each is a view that drew stored
/// text past `text::shown`, which the ASCII test counts as a fault.
pub fn unmarked_so_far() -> usize {
    UNMARKED.with(|n| n.get())
}

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
            } else if !sym.is_ascii() {
                x += leftover(buf, x, y, &sym);
                continue;
            }
            x += 1;
        }
    }
}

/// Whatever drawing left that is not ASCII: borders in `-`, `|` and `+`,
/// block letters in `#`, a Chinese character (two cells) its pinyin's
/// first two letters, anything else `#`. Text reaches here only where a view drew stored text
/// without `text::shown`; a test keeps that from happening.
fn leftover(buf: &mut Buffer, x: u16, y: u16, sym: &str) -> u16 {
    let wide = crate::text::width(sym) >= 2 && x + 1 < buf.area.right();
    let line = match sym.chars().next() {
        Some('─' | '━' | '═' | '┄' | '┈' | '╌') => Some('-'),
        Some('│' | '┃' | '║' | '┆' | '┊' | '╎') => Some('|'),
        Some('\u{2500}'..='\u{257F}') => Some('+'),
        Some('\u{2580}'..='\u{259F}') => Some('#'),
        _ => None,
    };
    if let Some(c) = line {
        buf[(x, y)].set_char(c);
        return 1;
    }
    let plain = crate::domain::translit::text(sym).unwrap_or_default();
    if wide {
        UNMARKED.with(|n| n.set(n.get() + 1));
    }
    let mut chars = plain.chars().filter(|c| c.is_ascii_graphic());
    buf[(x, y)].set_char(chars.next().unwrap_or('#'));
    if wide {
        buf[(x + 1, y)].set_char(chars.next().unwrap_or(' '));
        2
    } else {
        1
    }
}
