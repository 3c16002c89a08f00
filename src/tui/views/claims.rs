//! The warranty desk under Approvals: jobs whose warranty (三包) lines wait
//! for their claim, then the claims not yet paid with their state. The
//! cursor goes on from the approvals to them; `c` opens or moves a claim.

use crate::domain::job_label;
use crate::domain::warranty::claim_label;
use crate::text::fit;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::ListItem;

/// Rows this panel wants: none when the desk is empty.
pub fn height(m: &Model, area: Rect) -> u16 {
    super::under_height(m.board.to_claim.len() + m.board.claims.len(), area, 3)
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    use crate::present::words::message;
    let w = area.width.saturating_sub(2) as usize;
    let b = &m.board;
    let to_claim = b.to_claim.iter().map(|t| {
        message(
            "ui-to-claim-line",
            &[
                ("job", job_label(t.job).into()),
                ("plate", crate::text::shown(&t.plate).into_owned().into()),
                ("lines", t.lines.into()),
            ],
        )
    });
    let claims = b.claims.iter().map(|c| {
        message(
            "ui-desk-claim-line",
            &[
                ("claim", claim_label(c.id).into()),
                ("job", job_label(c.job).into()),
                ("plate", crate::text::shown(&c.plate).into_owned().into()),
                (
                    "status",
                    crate::present::labels::claim_status(c.status).into(),
                ),
                ("number", c.number.as_deref().unwrap_or("none").into()),
                ("part", c.part.clone().into()),
            ],
        )
    });
    let items: Vec<ListItem> = to_claim
        .chain(claims)
        .map(|t| ListItem::new(fit(&t, w)))
        .collect();
    let n = items.len();
    let selected = m.sel.approvals.checked_sub(b.approvals.len());
    let mut title = message(
        "ui-claims-title",
        &[
            ("to_claim", (b.to_claim.len() as i64).into()),
            ("claims", (b.claims.len() as i64).into()),
        ],
    );
    title.push_str(&super::more(n, area, 0));
    super::under_list(frame, area, (items, title), selected);
}
