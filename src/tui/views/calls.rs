//! Calls to return, under the follow-ups in the Follow-up view: customers'
//! calls (what they asked, what was promised, by when) and second
//! follow-up calls, soonest due first, until closed.

use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::ListItem;

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let calls = &m.board.calls;
    let w = area.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = calls
        .iter()
        .map(|c| {
            let text = crate::present::call_text(c, m.now);
            let late = c.due_at.is_some_and(|d| d < m.now);
            let line = Line::from(fit(&text, w));
            ListItem::new(if late {
                line.style(Style::new().fg(Color::Red))
            } else {
                line
            })
        })
        .collect();
    let selected = m.sel.followups.checked_sub(m.board.followups.len());
    let mut title =
        crate::present::words::message("ui-calls-title", &[("n", (calls.len() as i64).into())]);
    title.push_str(&super::more(calls.len(), area, 0));
    super::under_list(frame, area, (items, title), selected);
}
