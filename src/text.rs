//! Column layout by display width, so wide (CJK) characters keep columns
//! aligned, and durations the way a workshop reads them.

use crate::domain::validate::display;
use chrono::Duration;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

thread_local! {
    static PLAIN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether what is drawn now must be ASCII (the Linux console, `--ascii`).
pub fn plain() -> bool {
    PLAIN.with(|p| p.get())
}

/// Draws in ASCII until the guard drops: the views set it from the model
/// for one frame, so drawing stays a function of the model.
pub fn plain_while(on: bool) -> PlainGuard {
    PlainGuard(PLAIN.with(|p| p.replace(on)))
}

pub struct PlainGuard(bool);

impl Drop for PlainGuard {
    fn drop(&mut self) {
        PLAIN.with(|p| p.set(self.0));
    }
}

/// The mark before a transliteration on an ASCII screen (`~Zhang Min`).
pub const TRANSLITERATED: &str = "~";

/// Text as it may reach a terminal: sanitised, and on an ASCII screen
/// Chinese in pinyin, marked (`domain::translit`).
pub fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    let safe = display(s);
    if !plain() {
        return safe;
    }
    match crate::domain::translit::marked(&safe, TRANSLITERATED) {
        Some(t) => t.into(),
        None => safe,
    }
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Cuts `s` to at most `max` columns, ending with '…' when cut. Sanitises
/// first: nothing from the database reaches a terminal raw.
pub fn fit(s: &str, max: usize) -> String {
    let s = shown(s);
    if s.width() <= max {
        return s.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    // A sequence can be wider than its characters one by one (a digit with
    // an emoji variation selector is two columns): trust the whole string.
    while out.width() > max - 1 {
        out.pop();
    }
    out.push('…');
    out
}

/// A table cell: `fit` into `cols - 1` columns, then pad to exactly `cols`,
/// so neighbouring cells never touch.
pub fn cell(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols.saturating_sub(1));
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// "0:42", "12:05", "3d 4h".
pub fn duration(d: Duration) -> String {
    let mins = d.num_minutes().max(0);
    if mins >= 24 * 60 {
        format!("{}d {}h", mins / (24 * 60), (mins % (24 * 60)) / 60)
    } else {
        format!("{}:{:02}", mins / 60, mins % 60)
    }
}

/// `text` cut into at most `rows` rows of `w` columns; the last row ends
/// in … when text was left over.
pub fn rows_of(text: &str, w: usize, rows: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in text.chars() {
        let cw = crate::text::width(&c.to_string());
        if crate::text::width(out.last().map_or("", |s| s.as_str())) + cw > w {
            if out.len() == rows {
                let last = out.pop().unwrap_or_default();
                out.push(fit(&format!("{last}{c}…"), w));
                return out;
            }
            out.push(String::new());
        }
        if let Some(row) = out.last_mut() {
            row.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_align_by_columns_not_chars() {
        assert_eq!(width(&cell("粤B·12345", 10)), 10);
        assert_eq!(width(&cell("ABC-1234", 10)), 10);
        assert_eq!(cell("粤B·12345", 10), "粤B·12345 ");
        let cut = cell("广州市天河区汽车维修", 7);
        assert_eq!(width(&cut), 7);
        assert!(cut.contains('…'));
        assert!(cell("ABCDEFGHIJ", 10).ends_with("… "));
        // A wide character that would straddle the edge is left out.
        assert_eq!(fit("ab粤", 3), "ab…");
        assert_eq!(width(&fit("粤粤粤", 4)), 3);
    }

    #[test]
    fn fit_sanitises() {
        assert!(!fit("a\u{1b}[2Jb", 20).contains('\u{1b}'));
    }

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(duration(Duration::minutes(42)), "0:42");
        assert_eq!(duration(Duration::minutes(725)), "12:05");
        assert_eq!(duration(Duration::minutes(3 * 1440 + 250)), "3d 4h");
        assert_eq!(duration(Duration::minutes(-5)), "0:00");
    }
}
