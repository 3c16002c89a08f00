//! The dashboard's last section: the customer's decisions, parts waiting
//! and complaints, side by side where they fit.

use super::dashboard::{WIDE, bold, say, say1};
use crate::present::figures::{hours, severity_name};
use crate::present::labels;
use crate::present::words::message;
use crate::read::figures::Figures;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(super) fn approvals_parts_complaints(frame: &mut Frame, area: Rect, f: &Figures, _: &Model) {
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
        Line::from(bold(say("figures-added-work"))),
        Line::raw(message(
            "figures-asked-approved",
            &[("asked", ap.asked.into()), ("approved", ap.approved.into())],
        )),
        Line::raw(message(
            "figures-declined-undecided",
            &[
                ("declined", ap.declined.into()),
                ("undecided", ap.undecided.into()),
            ],
        )),
        Line::raw(say1(
            "figures-median-decision",
            "hours",
            hours(ap.median_decision_hours),
        )),
    ];
    frame.render_widget(Paragraph::new(lines), a);
    let mut lines = vec![Line::from(bold(say("figures-parts-waiting")))];
    let mut kinds: Vec<_> = f
        .parts_waiting_hours
        .iter()
        .filter(|k| k.hours > 0.0)
        .collect();
    kinds.sort_by(|x, y| y.hours.total_cmp(&x.hours));
    if kinds.is_empty() {
        lines.push(Line::raw(say("figures-no-parts-wait")));
    }
    for k in kinds.iter().take(5) {
        lines.push(Line::raw(format!(
            "{:>6.1} h {}",
            k.hours,
            labels::part_kind(k.kind)
        )));
    }
    frame.render_widget(Paragraph::new(lines), p);
    let mut lines = vec![Line::from(bold(say("figures-complaints-resolve-by")))];
    for s in &f.complaints {
        let overdue = say1("figures-complaints-overdue", "n", s.overdue);
        let late = if s.overdue > 0 {
            Span::styled(
                overdue,
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        } else {
            Span::raw(overdue)
        };
        let row = message(
            "figures-complaints-row",
            &[
                ("name", severity_name(s.severity).into()),
                ("opened", s.opened.into()),
                ("ontime", s.on_time.into()),
            ],
        );
        lines.push(Line::from(vec![
            Span::raw(row),
            late,
            Span::raw(say1("figures-complaints-open", "n", s.open)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), c);
}
