//! Drawing pieces every form shares: the pop-up, a labelled input line,
//! a field with its error under it, the key hint.

use crate::text::fit;
use crate::tui::views::panel_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use tui_input::Input;

/// A cleared, bordered pop-up centred in `area`; returns its block and inner area.
pub fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16, title: String) -> Rect {
    let rect = area.centered(
        Constraint::Length(w.min(area.width)),
        Constraint::Length(h.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    mend_edges(frame, rect);
    let block: Block = panel_block(title, true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

pub fn error_line(e: &Option<String>) -> Line<'static> {
    match e {
        Some(e) => Line::from(Span::styled(
            format!("✗ {}", fit(e, 300)),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )),
        None => Line::from(""),
    }
}

/// The form's lines in `area`, each that does not fit ending in `…` so a
/// cut hint or note says it is cut (the help lists every key in full).
pub fn lines_marked(frame: &mut Frame, lines: Vec<Line<'static>>, area: Rect) {
    let cut: Vec<bool> = lines
        .iter()
        .map(|l| l.width() > area.width as usize)
        .collect();
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
    let buf = frame.buffer_mut();
    for (i, cut) in cut.into_iter().enumerate().take(area.height as usize) {
        if cut && area.width > 0 {
            buf[(area.right() - 1, area.top() + i as u16)].set_symbol("…");
        }
    }
}

pub fn hint_line(text: String) -> Line<'static> {
    Line::styled(text, Style::new().fg(Color::DarkGray))
}

/// "Label     value" with the value scrolled to keep the cursor in view;
/// returns the line and the cursor's column.
pub fn input_line(
    label: &str,
    input: &Input,
    width: usize,
    focused: bool,
) -> (Line<'static>, usize) {
    // Padded by columns, not characters: 车牌 is four columns wide.
    let prefix = crate::text::cell(label, 10);
    let scroll = input.visual_scroll(width.saturating_sub(crate::text::width(&prefix) + 1));
    let shown: String = crate::domain::validate::display(input.value())
        .chars()
        .skip(scroll)
        .collect();
    let style = if focused {
        Style::new().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let cursor = prefix.len() + input.visual_cursor().saturating_sub(scroll);
    (
        Line::from(vec![
            Span::raw(prefix),
            Span::styled(fit(&shown, width.saturating_sub(11)), style),
        ]),
        cursor,
    )
}

/// One form field: a marker on the focused one, and its error on the line
/// below, so each message stands next to its field.
pub fn push_field(
    lines: &mut Vec<Line<'static>>,
    mut line: Line<'static>,
    focused: bool,
    label: &str,
    error: Option<&str>,
    width: usize,
) {
    let marker = if focused {
        Span::styled("▸", Style::new().fg(Color::Cyan))
    } else {
        Span::raw(" ")
    };
    line.spans.insert(0, marker);
    lines.push(line);
    if let Some(e) = error {
        let msg = fit(&format!("✗ {} {e}", label.to_lowercase()), width);
        lines.push(Line::styled(
            format!("{:11}{msg}", ""),
            Style::new().fg(Color::Red),
        ));
    }
}

/// A wide (CJK) character under a pop-up's edge would swallow its border:
/// blank the half that sticks out on either side.
pub fn mend_edges(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let area = buf.area;
    for y in rect.top()..rect.bottom() {
        if rect.left() > area.left() {
            let x = rect.left() - 1;
            if unicode_width::UnicodeWidthStr::width(buf[(x, y)].symbol()) > 1 {
                buf[(x, y)].set_char(' ');
            }
        }
        let right = rect.right();
        if right < area.right() && buf[(right, y)].symbol().is_empty() {
            buf[(right, y)].set_char(' ');
        }
    }
}
