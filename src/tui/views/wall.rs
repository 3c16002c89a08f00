//! The wall screen: a read-only board for the workshop's TV, read from
//! across the floor. A pure function of [`Wall`]: big tiles per bay (the
//! plate in block letters on a large screen), what is next on the right,
//! pages that turn by the clock when the bays do not fit.

use super::status_span;
use crate::present::words::{message, ui, word};
use crate::read::board::{BayLine, Board};
use crate::store::JobRow;
use crate::text::{duration, fit};
use chrono::{DateTime, FixedOffset, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Whether the wall is reading the database, or trying to again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Live,
    /// Since when, and why (the board shown is the last one read).
    Reconnecting {
        since: DateTime<Utc>,
        why: String,
    },
}

pub struct Wall {
    /// The last board read; None until the first read succeeds.
    pub board: Option<Board>,
    pub now: DateTime<Utc>,
    pub tz: FixedOffset,
    /// When the wall started: pages turn every `page_secs` from then.
    pub started: DateTime<Utc>,
    pub page_secs: u64,
    pub link: Link,
    pub ascii: bool,
}

/// Big letters from this width and height on (1920×1080 with a normal font).
pub const BIG_WIDTH: u16 = 200;
pub const BIG_HEIGHT: u16 = 40;

/// How the bays are cut into tiles and pages for an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub big: bool,
    pub cols: u16,
    pub rows: u16,
    pub tile_h: u16,
    pub pages: usize,
}

pub fn grid(tiles: Rect, bays: usize, big: bool) -> Grid {
    // A big tile takes eight block letters at half height (8 columns each).
    let (min_w, tile_h) = if big { (66, 12) } else { (26, 6) };
    let cols = (tiles.width / min_w).max(1);
    let rows = (tiles.height / tile_h).max(1);
    let per_page = (cols * rows) as usize;
    Grid {
        big,
        cols,
        rows,
        tile_h,
        pages: bays.div_ceil(per_page).max(1),
    }
}

/// The page showing at `now`: it turns every `page_secs` by the clock alone.
pub fn page_at(w: &Wall, pages: usize) -> usize {
    let secs = (w.now - w.started).num_seconds().max(0) as u64;
    ((secs / w.page_secs.max(1)) as usize) % pages.max(1)
}

pub fn draw(frame: &mut Frame, w: &Wall) {
    let _plain = crate::text::plain_while(w.ascii);
    let area = frame.area();
    let big = area.width >= BIG_WIDTH && area.height >= BIG_HEIGHT;
    // The tiles get the width: on a big screen three of them take a plate
    // of eight block letters at half height (8 columns each).
    let side_w = if area.width >= 120 { 40 } else { 28 };
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let [tiles, side] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_w)]).areas(body);
    let bays: Vec<&BayLine> = w
        .board
        .iter()
        .flat_map(|b| b.bays.iter())
        .filter(|b| b.active || b.job.is_some())
        .collect();
    let g = grid(tiles, bays.len(), big);
    let page = page_at(w, g.pages);
    draw_header(frame, header, w, page, g.pages);
    match &w.board {
        None => {
            let text = match &w.link {
                Link::Reconnecting { why, .. } => {
                    message("wall-waiting-for-db", &[("why", why.clone().into())])
                }
                Link::Live => word("wall-reading").into(),
            };
            frame.render_widget(Paragraph::new(text), body);
        }
        Some(board) => {
            let per_page = (g.cols * g.rows) as usize;
            let rows =
                Layout::vertical(vec![Constraint::Length(g.tile_h); g.rows as usize]).split(tiles);
            let shown: Vec<&&BayLine> = bays.iter().skip(page * per_page).take(per_page).collect();
            // One letter size for the whole page, so plates compare at a glance.
            let longest = shown
                .iter()
                .filter_map(|b| b.job.as_ref())
                .map(|j| big_part(&j.plate).chars().count())
                .max()
                .unwrap_or(0);
            let tile_inner = (tiles.width / g.cols).saturating_sub(2) as usize;
            let size = if longest * 8 <= tile_inner {
                tui_big_text::PixelSize::HalfHeight
            } else {
                tui_big_text::PixelSize::Quadrant
            };
            for (i, bay) in shown.iter().enumerate() {
                let row = rows[i / g.cols as usize];
                let cols =
                    Layout::horizontal(vec![Constraint::Fill(1); g.cols as usize]).split(row);
                tile(
                    frame,
                    cols[i % g.cols as usize],
                    bay,
                    w,
                    big.then_some(size),
                );
            }
            super::wall_next::next_up(frame, side, board, w);
        }
    }
    if w.ascii {
        super::ascii::plain(frame.buffer_mut());
    }
}

fn draw_header(frame: &mut Frame, area: Rect, w: &Wall, page: usize, pages: usize) {
    let shop = w.board.as_ref().map_or("", |b| b.shop.as_str());
    let local = w.now.with_timezone(&w.tz);
    let clock = format!(
        "{}{}",
        crate::present::words::day_and_clock(local.naive_local()),
        local.format(":%S")
    );
    let link = match &w.link {
        Link::Live => Span::styled(
            format!("● {}", word("wall-live")),
            Style::new().fg(Color::Green),
        ),
        Link::Reconnecting { since, .. } => Span::styled(
            message(
                "wall-reconnecting",
                &[("for", duration(w.now - *since).into())],
            ),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
    };
    let mut right = vec![Span::raw(clock), Span::raw("  "), link];
    if pages > 1 {
        let of = message(
            "wall-page",
            &[("page", (page + 1).into()), ("pages", pages.into())],
        );
        right.push(Span::raw(format!("  {of}")));
    }
    let right_w: usize = right.iter().map(|s| crate::text::width(&s.content)).sum();
    let left = fit(
        &format!(" bayboard · {shop}"),
        (area.width as usize).saturating_sub(right_w + 2),
    );
    let gap = (area.width as usize).saturating_sub(crate::text::width(&left) + right_w + 1);
    let mut spans = vec![
        Span::styled(left, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(gap)),
    ];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The plate's letters the block font can draw (Latin; a province
/// character in Chinese stays in the normal-size line above).
fn big_part(plate: &str) -> String {
    plate
        .chars()
        .filter(|c| c.is_ascii_graphic() || *c == '·')
        .collect()
}

fn late_line(j: &JobRow, w: &Wall) -> Span<'static> {
    match j.promised_at {
        Some(p) if j.is_late(w.now) => Span::styled(
            message(
                "wall-late-by",
                &[
                    ("by", duration(w.now - p).into()),
                    ("due", crate::present::when(p, w.now, &w.tz).into()),
                ],
            ),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        Some(p) => Span::raw(message(
            "wall-due",
            &[("due", crate::present::when(p, w.now, &w.tz).into())],
        )),
        None => Span::raw(word("wall-no-promise")),
    }
}

/// One bay; `big` is the block-letter size for the plate, if any.
fn tile(
    frame: &mut Frame,
    area: Rect,
    bay: &BayLine,
    w: &Wall,
    big: Option<tui_big_text::PixelSize>,
) {
    let late = bay.job.as_ref().is_some_and(|j| j.is_late(w.now));
    let border = if late {
        Style::new().fg(Color::Red)
    } else {
        Style::new().fg(Color::DarkGray)
    };
    let block = Block::bordered().border_style(border).title(Span::styled(
        format!(" {} ", bay.name),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let Some(j) = &bay.job else {
        frame.render_widget(
            Paragraph::new(Span::styled(ui("free"), Style::new().fg(Color::DarkGray))),
            inner,
        );
        return;
    };
    let in_state = duration(w.now - j.status_since);
    let room = width.saturating_sub(crate::text::width(&crate::present::status_text(j.status)));
    let long = message("wall-in-state", &[("for", in_state.clone().into())]);
    let head = Line::from(vec![
        status_span(j.status),
        Span::raw(if room >= crate::text::width(&long) + 2 {
            format!("  {long}")
        } else {
            format!("  {in_state}")
        }),
    ]);
    let plate = Line::from(vec![
        Span::styled(
            fit(&j.shown_plate(), 16),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!(
            "  {}",
            fit(&j.vehicle.describe(), width.saturating_sub(18))
        )),
    ]);
    let tech = j.technician.as_deref().unwrap_or("—");
    let who = if j.customer_waiting {
        let mark = if width >= 40 {
            format!(" · {}", word("wall-customer-waiting"))
        } else {
            format!(" · {}", word("wall-waits"))
        };
        Line::from(vec![
            Span::raw(fit(tech, width.saturating_sub(crate::text::width(&mark)))),
            Span::styled(
                mark,
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
        ])
    } else {
        Line::raw(fit(tech, width))
    };
    let due = Line::from(late_line(j, w));
    let work = Line::raw(fit(&j.complaint, width));
    let Some(size) = big else {
        frame.render_widget(Paragraph::new(vec![head, plate, who, due]), inner);
        return;
    };
    let [top, letters, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(4),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(vec![head, plate]), top);
    let text = big_part(&j.plate);
    let style = if late {
        Style::new().fg(Color::Red)
    } else {
        Style::new().fg(Color::White)
    };
    // The block letters have no Chinese: the province character (粤, 京)
    // stands beside them, bold, so the plate still reads whole.
    let province: String = j
        .plate
        .chars()
        .filter(|c| !c.is_ascii() && *c != '·')
        .collect();
    let province = crate::text::shown(&province).into_owned();
    let beside = crate::text::width(&province) as u16;
    let [prov, letters] = Layout::horizontal([
        Constraint::Length(if beside > 0 { beside + 1 } else { 0 }),
        Constraint::Fill(1),
    ])
    .areas(letters);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::styled(province, style.add_modifier(Modifier::BOLD)),
        ]),
        prov,
    );
    frame.render_widget(
        tui_big_text::BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![text.into()])
            .build(),
        letters,
    );
    frame.render_widget(Paragraph::new(vec![who, due, work]), bottom);
}
