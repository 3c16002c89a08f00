//! The one sanitiser for text leaving bayboard: whatever another tool
//! wrote into the database, no escape sequence, bell, C1 control or bidi
//! override reaches a terminal, JSON keeps every character but spells the
//! dangerous ones as `\u` escapes, and a CSV cell never starts a formula.

use crate::domain::names;
use std::borrow::Cow;
use std::fmt::Write;

/// A character a terminal may act on instead of showing (C0, DEL, C1) or
/// that changes how its neighbours read (bidi overrides, invisible marks).
pub fn unsafe_char(c: char) -> bool {
    c.is_control() || names::is_invisible(c)
}

/// Terminal text: every unsafe character but line breaks and tabs becomes
/// U+FFFD, so what was there is seen as "something was here".
pub fn terminal(text: &str) -> Cow<'_, str> {
    replace(text, |c| c != '\n' && c != '\t' && unsafe_char(c))
}

/// One line of terminal text (a table cell, a name in a sentence).
pub fn line(text: &str) -> Cow<'_, str> {
    replace(text, unsafe_char)
}

fn replace(text: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if text.chars().any(&bad) {
        Cow::Owned(
            text.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Serialised JSON with every unsafe character inside its strings written
/// as a `\u` escape (serde_json leaves DEL, C1 and bidi marks raw). Outside
/// strings JSON has only ASCII punctuation and white space, so a character
/// by character pass is exact; line breaks there are the layout's own.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && unsafe_char(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c != '\n' && unsafe_char(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CSV cell: quoted when it must be, and a text starting like a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return) led by `'` so a spreadsheet
/// shows it instead of running it. Plain numbers (`-3.5`) stay numbers.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let cell: Cow<str> = if formula {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    };
    if cell.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_keeps_lines_and_loses_controls() {
        assert_eq!(
            terminal("a\u{1b}[2J\nb\tc\u{7}"),
            "a\u{FFFD}[2J\nb\tc\u{FFFD}"
        );
        assert_eq!(terminal("x\u{9b}y\u{202e}z"), "x\u{FFFD}y\u{FFFD}z");
        assert_eq!(line("a\nb"), "a\u{FFFD}b");
        assert!(matches!(terminal("粤B·12345\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let raw = serde_json::to_string_pretty(&serde_json::json!({
            "name": "Eve\u{9b}31m\u{202e}\u{7f}\u{13430}",
        }))
        .unwrap();
        let safe = json(&raw);
        assert!(!safe.chars().any(|c| c != '\n' && unsafe_char(c)), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "Eve\u{9b}31m\u{202e}\u{7f}\u{13430}");
        assert!(
            safe.contains("\\u009b") && safe.contains("\\ud80d\\udc30"),
            "{safe}"
        );
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1+1"), "'+1+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2.50"), "-2.50");
        assert_eq!(csv_cell("张敏"), "张敏");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
    }
}
