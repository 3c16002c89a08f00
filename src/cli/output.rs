//! How a command's result reaches stdout: text, `--json` or (for the
//! report) CSV, chosen here and nowhere else.

use super::Ctx;
use crate::error::{Error, Result};
use serde::Serialize;
use std::io::Write;

/// A command's result, in each form a reader may ask for.
pub(crate) trait Output {
    /// What a person reads, printed as it is (each line ends in `\n`).
    fn text(&self) -> String;
    fn json(&self) -> impl Serialize;
}

/// A result that is also a table a spreadsheet can read.
pub(crate) trait Csv: Output {
    fn csv(&self) -> String;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Csv,
}

impl Format {
    /// The form asked for on the command line; `csv` only where the
    /// command offers it.
    pub(crate) fn chosen(ctx: &Ctx, csv: bool) -> Result<Format> {
        match (ctx.json, csv) {
            (true, true) => Err(Error::Usage("choose one of --json and --csv".into())),
            (true, false) => Ok(Format::Json),
            (false, true) => Ok(Format::Csv),
            (false, false) => Ok(Format::Text),
        }
    }
}

pub(crate) fn emit(ctx: &Ctx, out: &impl Output) -> Result<()> {
    if ctx.json {
        print_json(&out.json())
    } else {
        put(&out.text())
    }
}

pub(crate) fn emit_as(format: Format, out: &impl Csv) -> Result<()> {
    match format {
        Format::Json => print_json(&out.json()),
        Format::Text => put(&out.text()),
        Format::Csv => {
            // The byte-order mark tells spreadsheets the file is UTF-8; it
            // is the one invisible character kept, and only in first place.
            let csv = out.csv();
            match csv.strip_prefix('\u{feff}') {
                Some(rest) => {
                    std::io::stdout().lock().write_all("\u{feff}".as_bytes())?;
                    put(rest)
                }
                None => put(&csv),
            }
        }
    }
}

/// Every text a command prints goes through here, sanitised once.
pub(crate) fn put(text: &str) -> Result<()> {
    let text = crate::sanitise::terminal(text);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// A note on stderr (a hand-over reminder, an upgrade), sanitised like
/// every other output.
pub(crate) fn note(text: &str) {
    eprintln!("{}", crate::sanitise::terminal(text));
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Database(format!("cannot write JSON: {e}")))?;
    put(&(crate::sanitise::json(&text).into_owned() + "\n"))
}

/// A value whose JSON is itself and whose text is `text` of it; most
/// commands need no more.
pub(crate) struct Said<T, F>(T, F);

pub(crate) fn said<T: Serialize, F: Fn(&T) -> String>(value: T, text: F) -> Said<T, F> {
    Said(value, text)
}

impl<T: Serialize, F: Fn(&T) -> String> Output for Said<T, F> {
    fn text(&self) -> String {
        (self.1)(&self.0)
    }

    fn json(&self) -> impl Serialize {
        &self.0
    }
}

/// One line of text: `line` of each item, in order.
pub(crate) fn each<T>(items: &[T], line: impl Fn(&T) -> String) -> String {
    items.iter().map(|i| line(i) + "\n").collect()
}
