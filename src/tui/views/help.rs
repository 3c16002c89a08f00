//! The `?` overlay, generated from the keymap, and the yes/no questions.

use super::panel_block;
use crate::domain::{job_label, parts_label};
use crate::text::cell;
use crate::tui::keymap;
use crate::tui::model::{Confirm, Model};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

fn popup(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    )
}

pub fn draw(frame: &mut Frame, body: Rect, m: &Model) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let w = body.width.min(100).saturating_sub(4) as usize;
    let mut lines = Vec::new();
    for (title, rows) in keymap::help(m) {
        lines.push(Line::styled(title, bold));
        // Two columns when the list is long, so it fits 80×24.
        let cols = if rows.len() > 6 && w >= 70 { 2 } else { 1 };
        let col_w = w / cols;
        for pair in rows.chunks(cols) {
            let text: String = pair
                .iter()
                .map(|(keys, label, long)| {
                    // The longer text when it fits, else the footer's label.
                    let what = if crate::text::width(long) + 10 < col_w {
                        long
                    } else {
                        label
                    };
                    cell(&format!("  {keys:<7} {what}"), col_w)
                })
                .collect();
            lines.push(Line::from(text.trim_end().to_string()));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(crate::present::words::ui(
        "In state: how long a job has been in its status. Clocked/est: hours on the clock",
    )));
    lines.push(Line::from(crate::present::words::ui(
        "against the estimate. Sold: flat-rate hours of its work.",
    )));
    lines.push(Line::from(crate::present::words::ui(
        "Only the keys your roles allow are offered; the footer shows them.",
    )));
    lines.push(Line::from(crate::present::words::ui(
        "Changes from other terminals appear by themselves.",
    )));
    let rect = popup(body, w as u16 + 2, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    crate::tui::forms::widgets::mend_edges(frame, rect);
    let block = panel_block(
        crate::present::words::ui("Keys · any key closes").into(),
        true,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // A line the screen cuts ends in `…`.
    crate::tui::forms::widgets::lines_marked(frame, lines, inner);
}

pub fn confirm(frame: &mut Frame, body: Rect, c: &Confirm) {
    let (title, text) = match c {
        Confirm::Quit(_) => (
            crate::present::words::ui("Quit?").to_string(),
            crate::present::words::ui("The form has unsaved input. Quit anyway? y / n"),
        ),
        Confirm::Discard(_) => (
            crate::present::words::ui("Close the form?").to_string(),
            crate::present::words::ui("It holds input that would be lost. Close anyway? y / n"),
        ),
        Confirm::Act { job, action, .. } => match action {
            crate::domain::JobAction::Finish => (
                crate::present::words::message(
                    "ui-confirm-finish",
                    &[("job", job_label(*job).into())],
                ),
                crate::present::words::ui(
                    "Self-check done: send it to QC? Only QC sends it back. y / n",
                ),
            ),
            _ => (
                crate::present::words::message(
                    "ui-confirm-release",
                    &[("job", job_label(*job).into())],
                ),
                crate::present::words::ui(
                    "Free the bay (the car goes to the lot)? The job keeps its place. y / n",
                ),
            ),
        },
        Confirm::NoShow { appt } => (
            crate::present::words::message(
                "ui-confirm-no-show",
                &[(
                    "appt",
                    crate::domain::appointments::appt_label(*appt).into(),
                )],
            ),
            crate::present::words::ui(
                "Record the booking as a no-show? The car can then only be checked in anew. y / n",
            ),
        ),
        Confirm::Parts { issue, to } => match to {
            crate::domain::PartStatus::Resolved => (
                crate::present::words::message(
                    "ui-confirm-resolve",
                    &[("issue", parts_label(*issue).into())],
                ),
                crate::present::words::ui(
                    "Mark this parts issue resolved? It cannot be reopened. y / n",
                ),
            ),
            _ => (
                crate::present::words::message(
                    "ui-confirm-cancel-issue",
                    &[("issue", parts_label(*issue).into())],
                ),
                crate::present::words::ui("Cancel this parts issue? It cannot be reopened. y / n"),
            ),
        },
    };
    let rect = popup(body, 74, 5);
    frame.render_widget(Clear, rect);
    crate::tui::forms::widgets::mend_edges(frame, rect);
    let para = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(panel_block(title, true));
    frame.render_widget(para, rect);
}
