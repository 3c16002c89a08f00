//! The Dashboard view: the manager's figures of the range chosen with
//! t/w/m and [ ], drawn from what `tui/dash.rs` holds (never read here).
//! Sections stack top to bottom; ↑↓ scroll by section when they do not fit.

use super::dash_parts::{bar, heat_legend, heat_line, hours_ruler, state_color};
use crate::present::figures::{change, change_short, hours, pct, severity_word};
use crate::present::labels;
use crate::read::figures::Figures;
use crate::text::{cell, fit};
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
const WIDE: u16 = 110;

/// How many sections ↑↓ scroll over.
pub const SECTIONS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let span = m.dash.span(m.now);
    let title = format!(
        "{} · {} to {} ({} day{})",
        if m.dash.back == 0 {
            m.dash.period.label()
        } else {
            "earlier"
        },
        span.from.format("%a %d %b %Y"),
        span.to.format("%a %d %b %Y"),
        span.days(),
        if span.days() == 1 { "" } else { "s" }
    );
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let Some(read) = m.dash.shown(m.now) else {
        frame.render_widget(
            Line::from(vec![bold(title), Span::raw(" · reading…")]),
            head,
        );
        return;
    };
    let age = (m.now - read.at).num_seconds();
    let when = if age < 60 {
        "just read".to_string()
    } else {
        format!("read {} min ago", age / 60)
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
            approvals_parts_complaints,
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
                format!("↓ {hidden} more below: ↑↓ scroll"),
                Style::new().add_modifier(Modifier::DIM),
            ),
            Rect::new(body.x, bottom - 1, body.width, 1),
        );
    }
}

fn bold(s: impl Into<String>) -> Span<'static> {
    Span::styled(s.into(), Style::new().add_modifier(Modifier::BOLD))
}

/// Five big numbers, each with the previous range's beside it in words.
fn headline(frame: &mut Frame, area: Rect, f: &Figures, _: &Model) {
    let p = &f.previous;
    let boxes = [
        ("On time", f.on_time, p.on_time_pct, true),
        ("QC first pass", f.qc_first_pass, p.qc_first_pass_pct, true),
        ("Comebacks", f.comebacks, p.comeback_pct, false),
        (
            "Reached",
            f.followups_reached,
            p.followups_reached_pct,
            true,
        ),
        ("Satisfied", f.satisfaction, p.satisfaction_pct, true),
    ];
    let cols = Layout::horizontal([Constraint::Ratio(1, 5); 5]).split(area);
    for ((name, share, before, up_is_good), col) in boxes.into_iter().zip(cols.iter()) {
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
        if name == "Satisfied" {
            let below = share.pct.is_some_and(|v| v < f.satisfaction_target_pct);
            value = format!(
                "{value} {} {:.0}",
                if below { "below" } else { "met" },
                f.satisfaction_target_pct
            );
            if below {
                value_style = value_style.fg(Color::Red);
            }
        }
        let count = if share.of > 0 {
            format!("{} of {}", share.count, share.of)
        } else {
            "none to count".into()
        };
        let lines = vec![
            Line::styled(fit(name, w), Style::new().add_modifier(Modifier::DIM)),
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
    let mut title = vec![
        bold("Delivered per day "),
        Span::raw(format!("({} in all", f.delivered)),
    ];
    if let Some(p) = peak.filter(|p| p.count > 0 && n > 1) {
        title.push(Span::raw(format!(
            ", most {} on {}",
            p.count,
            p.day.format("%a %d %b")
        )));
    }
    title.push(Span::raw(")"));
    let title = Line::from(title);
    let [t, c] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(chart);
    frame.render_widget(title, t);
    // Bars too thin for day numbers: the first and last day under them.
    let c = if width < 2 && c.height > 2 {
        let [c, axis] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(c);
        let (first, last) = (
            f.from.format("%d %b").to_string(),
            f.to.format("%d %b").to_string(),
        );
        let used = (n * (width + gap)) as usize;
        let room = used.saturating_sub(first.len() + last.len()).max(1);
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
        Line::from(bold("Check-in → delivery")),
        Line::raw(format!("half within  {}", hours(lead.p50))),
        Line::raw(format!("9 in 10 within {}", hours(lead.p90))),
        Line::raw(""),
        Line::raw(format!("delivered before: {}", f.previous.delivered)),
        Line::raw(format!(
            "  {} to {}",
            f.previous.from.format("%d %b"),
            f.previous.to.format("%d %b")
        )),
    ];
    frame.render_widget(Paragraph::new(lines), side);
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
    let mut lines = vec![Line::from(bold("Work in progress now"))];
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
    let mut lines = vec![Line::from(bold("Hours in each state per delivered job"))];
    if f.delivered == 0 {
        lines.push(Line::raw("no job was delivered in this range"));
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
        bold(cell("Technician", name_w)),
        bold(format!("{:>8} {:>8} {:>8}  ", "clocked", "sold", "effic.")),
        bold(cell("", bar_w)),
        bold(" comebacks"),
    ])];
    if f.technicians.is_empty() {
        lines.push(Line::raw("nobody clocked or sold time in this range"));
    }
    let rows = area.height.saturating_sub(1) as usize;
    let max = f
        .technicians
        .iter()
        .filter_map(|t| t.efficiency_pct)
        .fold(100.0, f64::max);
    for (i, t) in f.technicians.iter().enumerate() {
        if i + 1 == rows && f.technicians.len() > rows {
            lines.push(Line::raw(format!(
                "+{} more (bayboard report lists all)",
                f.technicians.len() - i
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
        bold("Bay utilisation by hour "),
        Span::raw("(share of the hour someone was on the clock)"),
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

fn approvals_parts_complaints(frame: &mut Frame, area: Rect, f: &Figures, _: &Model) {
    // Side by side where they fit; complaints under the other two on
    // narrow screens, so no count is cut off.
    let (a, p, c) = if area.width >= WIDE {
        let [a, p, c] = Layout::horizontal([
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
        ])
        .areas(area);
        (a, p, c)
    } else {
        let [top, c] = Layout::vertical([Constraint::Length(6), Constraint::Fill(1)]).areas(area);
        let [a, p] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
        (a, p, c)
    };
    let ap = &f.approvals;
    let lines = vec![
        Line::from(bold("Added work put to customers")),
        Line::raw(format!("asked {} · approved {}", ap.asked, ap.approved)),
        Line::raw(format!(
            "declined {} · undecided {}",
            ap.declined, ap.undecided
        )),
        Line::raw(format!(
            "median decision {}",
            hours(ap.median_decision_hours)
        )),
    ];
    frame.render_widget(Paragraph::new(lines), a);
    let mut lines = vec![Line::from(bold("Parts waiting, hours"))];
    let mut kinds: Vec<_> = f
        .parts_waiting_hours
        .iter()
        .filter(|k| k.hours > 0.0)
        .collect();
    kinds.sort_by(|x, y| y.hours.total_cmp(&x.hours));
    if kinds.is_empty() {
        lines.push(Line::raw("no job waited for parts"));
    }
    for k in kinds.iter().take(5) {
        lines.push(Line::raw(format!(
            "{:>6.1} h {}",
            k.hours,
            labels::part_kind(k.kind)
        )));
    }
    frame.render_widget(Paragraph::new(lines), p);
    let mut lines = vec![Line::from(bold("Complaints, against resolve-by"))];
    for s in &f.complaints {
        let late = if s.overdue > 0 {
            Span::styled(
                format!("{} overdue", s.overdue),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        } else {
            Span::raw("0 overdue")
        };
        let name = severity_word(s.severity)
            .split(" (")
            .next()
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::raw(format!("{name}: {} · {} on time · ", s.opened, s.on_time)),
            late,
            Span::raw(format!(" · {} open", s.open)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), c);
}
