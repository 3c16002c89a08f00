//! The Dashboard view: the manager's figures of the range chosen with
//! t/w/m and [ ], drawn from what `tui/dash.rs` holds (never read here).
//! Sections stack top to bottom; ↑↓ scroll by section when they do not fit.

use super::dash_parts::{bar, heat_legend, heat_line, hours_ruler, state_color};
use crate::present::figures::{change, change_short, hours, pct};
use crate::present::words::{self, FluentValue, message};
use crate::read::figures::Figures;
use crate::text::{cell, fit, width as text_width};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// Draws one section into its rows.
type Section = fn(&mut Frame, Rect, &Figures, &Model);

/// From this width the last section's three parts stand side by side.
pub(super) const WIDE: u16 = 110;

/// How many sections ↑↓ scroll over.
pub const SECTIONS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let span = m.dash.span(m.now);
    let period = if m.dash.back == 0 {
        m.dash.period.label()
    } else {
        words::word("figures-period-earlier")
    };
    let title = message(
        "figures-range-title",
        &[
            ("period", period.into()),
            ("from", words::weekday_year(span.from).into()),
            ("to", words::weekday_year(span.to).into()),
            ("n", span.days().into()),
        ],
    );
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let Some(read) = m.dash.shown(m.now) else {
        frame.render_widget(
            Line::from(vec![bold(title), Span::raw(say("figures-reading"))]),
            head,
        );
        return;
    };
    let age = (m.now - read.at).num_seconds();
    let when = if age < 60 {
        say("figures-just-read")
    } else {
        message("figures-read-ago", &[("min", (age / 60).into())])
    };
    frame.render_widget(
        Line::from(vec![bold(title), Span::raw(format!(" · {when}"))]),
        head,
    );
    let f = &*read.figures;
    let sections: [(u16, Section); SECTIONS as usize] = [
        (4, headline),
        (9, delivered),
        (11, states),
        ((f.technicians.len() as u16).clamp(1, 12) + 1, technicians),
        (f.bay_utilisation.len() as u16 + 3, bays),
        (
            if body.width >= WIDE { 6 } else { 10 },
            super::dash_counts::approvals_parts_complaints,
        ),
    ];
    let mut y = body.y;
    let bottom = body.y + body.height;
    let mut hidden = 0;
    for (i, (h, draw)) in sections.iter().enumerate().skip(m.dash.scroll as usize) {
        // Keep a line for "more below" unless this is the last section.
        let room = bottom.saturating_sub(y) - u16::from(i + 1 < sections.len() && bottom > y);
        if *h > room {
            hidden = sections.len() - i;
            break;
        }
        draw(frame, Rect::new(body.x, y, body.width, *h), f, m);
        y += h;
    }
    if hidden > 0 && y < bottom {
        frame.render_widget(
            Line::styled(
                message("figures-more-below", &[("n", hidden.into())]),
                Style::new().add_modifier(Modifier::DIM),
            ),
            Rect::new(body.x, bottom - 1, body.width, 1),
        );
    }
}

pub(super) fn bold(s: impl Into<String>) -> Span<'static> {
    Span::styled(s.into(), Style::new().add_modifier(Modifier::BOLD))
}

/// A message without arguments.
pub(super) fn say(id: &str) -> String {
    message(id, &[])
}

/// A message with one argument.
pub(super) fn say1<'a>(id: &str, name: &'a str, value: impl Into<FluentValue<'a>>) -> String {
    message(id, &[(name, value.into())])
}

/// `s` right-aligned in `cols` columns, by display width.
pub(super) fn right(s: &str, cols: usize) -> String {
    format!("{}{s}", " ".repeat(cols.saturating_sub(text_width(s))))
}

/// Five big numbers, each with the previous range's beside it in words.
fn headline(frame: &mut Frame, area: Rect, f: &Figures, _: &Model) {
    let p = &f.previous;
    let boxes = [
        ("figures-on-time", f.on_time, p.on_time_pct, true),
        (
            "figures-qc-first-pass",
            f.qc_first_pass,
            p.qc_first_pass_pct,
            true,
        ),
        ("figures-comebacks", f.comebacks, p.comeback_pct, false),
        (
            "figures-reached",
            f.followups_reached,
            p.followups_reached_pct,
            true,
        ),
        (
            "figures-satisfied",
            f.satisfaction,
            p.satisfaction_pct,
            true,
        ),
    ];
    let cols = Layout::horizontal([Constraint::Ratio(1, 5); 5]).split(area);
    for ((id, share, before, up_is_good), col) in boxes.into_iter().zip(cols.iter()) {
        let w = col.width.saturating_sub(1) as usize;
        // Narrow tiles (80 columns) say the change without "points".
        let words = if w >= 16 {
            change(share.pct, before)
        } else {
            change_short(share.pct, before)
        };
        let better = match (share.pct, before) {
            (Some(a), Some(b)) if a != b => Some((a > b) == up_is_good),
            _ => None,
        };
        let color = match better {
            Some(true) => Color::Green,
            Some(false) => Color::Red,
            None => Color::Reset,
        };
        let mut value = pct(share.pct);
        let mut value_style = Style::new().add_modifier(Modifier::BOLD);
        if id == "figures-satisfied" {
            let below = share.pct.is_some_and(|v| v < f.satisfaction_target_pct);
            value = message(
                if below {
                    "figures-target-below"
                } else {
                    "figures-target-met"
                },
                &[
                    ("value", value.into()),
                    ("target", format!("{:.0}", f.satisfaction_target_pct).into()),
                ],
            );
            if below {
                value_style = value_style.fg(Color::Red);
            }
        }
        let count = if share.of > 0 {
            message(
                "figures-count-of",
                &[("count", share.count.into()), ("of", share.of.into())],
            )
        } else {
            say("figures-none-to-count")
        };
        let lines = vec![
            Line::styled(fit(&say(id), w), Style::new().add_modifier(Modifier::DIM)),
            Line::styled(fit(&value, w), value_style),
            Line::styled(fit(&words, w), Style::new().fg(color)),
            Line::raw(fit(&count, w)),
        ];
        frame.render_widget(Paragraph::new(lines), *col);
    }
}

/// Vehicles delivered each day (bars), and check-in → delivery beside.
fn delivered(frame: &mut Frame, area: Rect, f: &Figures, m: &Model) {
    let [chart, side] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Length(26)]).areas(area);
    let n = f.delivered_per_day.len().max(1) as u16;
    let inner = chart.width.saturating_sub(1);
    let (width, gap) = if inner >= n * 3 {
        ((inner / n - 1).min(5), 1)
    } else {
        (1, u16::from(inner >= n * 2))
    };
    let bars: Vec<Bar> = f
        .delivered_per_day
        .iter()
        .map(|d| {
            let b = Bar::default().value(d.count);
            // A number wider than its bar is left off (the title names the
            // busiest day instead).
            let b = if width < 2 || d.count.to_string().len() as u16 > width {
                b.text_value(String::new())
            } else {
                b
            };
            if width >= 2 {
                b.label(Line::from(d.day.format("%d").to_string()))
            } else {
                b
            }
        })
        .collect();
    let peak = f
        .delivered_per_day
        .iter()
        .max_by_key(|d| (d.count, std::cmp::Reverse(d.day)));
    let total = match peak.filter(|p| p.count > 0 && n > 1) {
        Some(p) => message(
            "figures-in-all-most",
            &[
                ("n", f.delivered.into()),
                ("most", p.count.into()),
                ("day", words::weekday(p.day).into()),
            ],
        ),
        None => say1("figures-in-all", "n", f.delivered),
    };
    let title = Line::from(vec![bold(say("figures-per-day")), Span::raw(total)]);
    let [t, c] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(chart);
    frame.render_widget(title, t);
    // Bars too thin for day numbers: the first and last day under them.
    let c = if width < 2 && c.height > 2 {
        let [c, axis] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(c);
        let (first, last) = (words::day(f.from), words::day(f.to));
        let used = (n * (width + gap)) as usize;
        let room = used
            .saturating_sub(text_width(&first) + text_width(&last))
            .max(1);
        frame.render_widget(
            Line::raw(format!("{first}{}{last}", " ".repeat(room))),
            axis,
        );
        c
    } else {
        c
    };
    let mut bc = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(gap)
        .bar_style(Style::new().fg(Color::Cyan))
        .value_style(Style::new().fg(Color::Black).bg(Color::Cyan));
    if m.ascii {
        bc = bc.bar_set(ASCII_BARS);
    }
    frame.render_widget(bc, c);
    let lead = &f.checkin_to_delivery_hours;
    let lines = vec![
        Line::from(bold(say("figures-checkin-arrow-delivery"))),
        Line::raw(match lead.p50 {
            Some(_) => say1("figures-half-within", "hours", hours(lead.p50)),
            None => say("figures-half-within-none"),
        }),
        Line::raw(match lead.p90 {
            Some(_) => say1("figures-nine-in-ten-within", "hours", hours(lead.p90)),
            None => say("figures-nine-in-ten-within-none"),
        }),
        Line::raw(say("figures-levels-head")),
        Line::raw(levels_line(f)),
        Line::raw(say1("figures-delivered-before", "n", f.previous.delivered)),
        Line::raw(message(
            "figures-from-to",
            &[
                ("from", words::day(f.previous.from).into()),
                ("to", words::day(f.previous.to).into()),
            ],
        )),
    ];
    frame.render_widget(Paragraph::new(lines), side);
}

/// Each inspection level's first pass, in the order of the heading's
/// levels: `100/95/90 %` (— where a level signed nothing).
fn levels_line(f: &Figures) -> String {
    let v: Vec<String> = f
        .first_pass_by_level
        .iter()
        .map(|l| l.share.pct.map_or("—".to_string(), |p| format!("{p:.0}")))
        .collect();
    format!("{} %", v.join("/"))
}

const ASCII_BARS: symbols::bar::Set = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "=",
    three_eighths: "=",
    one_quarter: "_",
    one_eighth: "_",
    empty: " ",
};

/// Work in progress now, and the average time a delivered job spent in
/// each state: where the shop loses time.
fn states(frame: &mut Frame, area: Rect, f: &Figures, m: &Model) {
    let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(area);
    let max = f
        .wip_by_state
        .iter()
        .map(|s| s.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let w = left.width.saturating_sub(24) as usize;
    let mut lines = vec![Line::from(bold(say("figures-wip-now")))];
    for s in &f.wip_by_state {
        lines.push(Line::from(vec![
            Span::raw(cell(s.state.label(), 18)),
            Span::raw(format!("{:>3} ", s.count)),
            Span::styled(
                bar(s.count as f64 / max, w, m.ascii),
                Style::new().fg(state_color(s.state)),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), left);
    let max = f
        .hours_in_state
        .iter()
        .map(|s| s.hours)
        .fold(0.0, f64::max)
        .max(0.1);
    let w = right.width.saturating_sub(26) as usize;
    let mut lines = vec![Line::from(bold(say("figures-hours-in-state")))];
    if f.delivered == 0 {
        lines.push(Line::raw(say("figures-no-delivery")));
    }
    for s in f.hours_in_state.iter().filter(|_| f.delivered > 0) {
        lines.push(Line::from(vec![
            Span::raw(cell(s.state.label(), 18)),
            Span::raw(format!("{:>5.1} h ", s.hours)),
            Span::styled(
                bar(s.hours / max, w, m.ascii),
                Style::new().fg(state_color(s.state)),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), right);
}

/// Clocked and sold hours, efficiency with an inline bar, comebacks.
fn technicians(frame: &mut Frame, area: Rect, f: &Figures, m: &Model) {
    let name_w = if area.width >= 100 { 22 } else { 14 };
    let bar_w = (area.width as usize)
        .saturating_sub(name_w + 9 + 9 + 9 + 11)
        .min(40);
    let mut lines = vec![Line::from(vec![
        bold(cell(&say("figures-technician"), name_w)),
        bold(format!(
            "{} {} {}  ",
            right(&say("figures-clocked"), 8),
            right(&say("figures-sold"), 8),
            right(&say("figures-effic"), 8)
        )),
        bold(cell("", bar_w)),
        bold(format!(" {}", say("figures-comebacks-column"))),
    ])];
    if f.technicians.is_empty() {
        lines.push(Line::raw(say("figures-nobody-clocked-range")));
    }
    let rows = area.height.saturating_sub(1) as usize;
    let max = f
        .technicians
        .iter()
        .filter_map(|t| t.efficiency_pct)
        .fold(100.0, f64::max);
    for (i, t) in f.technicians.iter().enumerate() {
        if i + 1 == rows && f.technicians.len() > rows {
            lines.push(Line::raw(say1(
                "figures-more-technicians",
                "n",
                f.technicians.len() - i,
            )));
            break;
        }
        let eff = t.efficiency_pct.unwrap_or(0.0);
        let color = if eff >= 100.0 {
            Color::Green
        } else if eff >= 80.0 {
            Color::Yellow
        } else {
            Color::Red
        };
        lines.push(Line::from(vec![
            Span::raw(cell(&t.name, name_w)),
            Span::raw(format!(
                "{:>6.1} h {:>6.1} h {:>8}  ",
                t.clocked_hours,
                t.sold_hours,
                pct(t.efficiency_pct)
            )),
            Span::styled(
                cell(&bar(eff / max, bar_w.saturating_sub(1), m.ascii), bar_w),
                Style::new().fg(color),
            ),
            Span::raw(format!(" {:>3}", t.comebacks)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Each bay's share of every hour of the day on the clock: a heat strip.
fn bays(frame: &mut Frame, area: Rect, f: &Figures, m: &Model) {
    let cell_w: usize = if area.width >= 8 + 24 * 3 {
        3
    } else if area.width >= 8 + 48 {
        2
    } else {
        1
    };
    let mut lines = vec![Line::from(vec![
        bold(say("figures-bay-by-hour")),
        Span::raw(say("figures-bay-by-hour-what")),
    ])];
    lines.push(Line::raw(format!("{}{}", cell("", 8), hours_ruler(cell_w))));
    for b in &f.bay_utilisation {
        let mut spans = vec![Span::raw(cell(&b.bay, 8))];
        spans.extend(heat_line(&b.pct_by_hour, cell_w, m.ascii));
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(heat_legend(m.ascii)));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
