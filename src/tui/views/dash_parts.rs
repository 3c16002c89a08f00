//! Small drawing pieces of the dashboard: text bars and the heat strip.

use ratatui::style::{Color, Style};
use ratatui::text::Span;

pub use super::status_color as state_color;

/// A bar of `frac` (0–1) of `width` cells.
pub fn bar(frac: f64, width: usize, ascii: bool) -> String {
    let n = ((frac.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    (if ascii { "#" } else { "█" }).repeat(n)
}

/// Four levels, each a shade character (readable without colour) in one
/// of the 16 named colours.
const LEVELS: [(f64, &str, &str, Color); 5] = [
    (0.0, " ", " ", Color::Reset),
    (0.05, "░", ".", Color::Blue),
    (25.0, "▒", ":", Color::Green),
    (50.0, "▓", "+", Color::Yellow),
    (75.0, "█", "#", Color::Red),
];

fn level(pct: f64) -> &'static (f64, &'static str, &'static str, Color) {
    LEVELS
        .iter()
        .rev()
        .find(|(from, ..)| pct >= *from)
        .unwrap_or(&LEVELS[0])
}

/// One bay's 24 hours, `cell` columns each.
pub fn heat_line(pct_by_hour: &[f64], cell: usize, ascii: bool) -> Vec<Span<'static>> {
    pct_by_hour
        .iter()
        .map(|p| {
            let (_, glyph, plain, color) = level(*p);
            let g = if ascii { plain } else { glyph };
            Span::styled(g.repeat(cell), Style::new().fg(*color))
        })
        .collect()
}

/// Hour numbers over the strip: every hour when cells are 3 wide, else
/// every third or sixth.
pub fn hours_ruler(cell: usize) -> String {
    let every = match cell {
        3.. => 1,
        2 => 3,
        _ => 6,
    };
    let mut out = String::new();
    for h in (0..24).step_by(every) {
        let label = format!("{h:<width$}", width = cell * every);
        out.push_str(&label);
    }
    out
}

pub fn heat_legend(ascii: bool) -> Vec<Span<'static>> {
    let words = [
        "figures-heat-none",
        "figures-heat-under-25",
        "figures-heat-25-50",
        "figures-heat-50-75",
        "figures-heat-75-over",
    ]
    .map(|id| crate::present::words::message(id, &[]));
    let mut spans = vec![Span::raw("        ")];
    for ((_, glyph, plain, color), w) in LEVELS.iter().zip(words).skip(1) {
        let g = if ascii { plain } else { glyph };
        spans.push(Span::styled(g.repeat(2), Style::new().fg(*color)));
        spans.push(Span::raw(format!(" {w}  ")));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_told_apart_by_shape_not_only_colour() {
        let glyphs: Vec<&str> = [0.0, 10.0, 30.0, 60.0, 90.0]
            .iter()
            .map(|p| level(*p).1)
            .collect();
        assert_eq!(glyphs, [" ", "░", "▒", "▓", "█"]);
        assert_eq!(level(0.4).1, "░", "a little time still shows");
        assert_eq!(hours_ruler(2).len(), 48);
    }
}
