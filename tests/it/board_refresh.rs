//! Issue 25: a board reads again only the parts of the board that the
//! events since its last read touched. Whatever another terminal does, the
//! board read in part must be the board read whole.

use crate::common::Shop;
use bayboard::read::board::{self, Board};
use bayboard::read::changes::{Changed, Parts};
use bayboard::workshop::Workshop;
use chrono::{DateTime, Utc};

struct Watch {
    ws: Workshop,
    board: Board,
    now: DateTime<Utc>,
    day: DateTime<Utc>,
}

impl Watch {
    fn new(shop: &Shop) -> Watch {
        let ws = Workshop::open(&shop.db).unwrap();
        let now = Utc::now();
        let day = bayboard::present::local_midnight(now, &chrono::Local);
        let board = board::load(ws.store(), now, day).unwrap();
        Watch {
            ws,
            board,
            now,
            day,
        }
    }

    /// What the next reload reads, then the reload compared with the
    /// whole board.
    fn after(&mut self, what: &str) -> Changed {
        let seen = self.board.events_seen.unwrap();
        let changed = self.ws.store().read(|c| Changed::since(c, seen)).unwrap();
        let fresh = board::refresh(self.ws.store(), &self.board, self.now, self.day).unwrap();
        let whole = board::load(self.ws.store(), self.now, self.day).unwrap();
        let (a, b) = (format!("{fresh:#?}"), format!("{whole:#?}"));
        let differ: Vec<String> = a
            .lines()
            .zip(b.lines())
            .filter(|(x, y)| x != y)
            .take(4)
            .map(|(x, y)| format!("in part {x} / whole {y}"))
            .collect();
        assert!(differ.is_empty(), "after {what}: {differ:#?}");
        self.board = fresh;
        changed
    }
}

fn id(text: &str, prefix: &str) -> String {
    let at = text
        .find(prefix)
        .unwrap_or_else(|| panic!("{prefix} in {text}"));
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

#[test]
fn a_board_read_in_part_is_the_board_read_whole() {
    let shop = Shop::demo();
    let mut w = Watch::new(&shop);
    let queued = w.board.queue[0].clone();
    let other = if queued.priority == bayboard::domain::Priority::Urgent {
        "normal"
    } else {
        "urgent"
    };
    let j = queued.label();
    shop.ok(Some("Chen Li"), &["job", "priority", &j, other]);
    let c = w.after("a priority");
    // A job's own change reads that job's row and nothing else.
    assert_eq!(c.parts, Parts::NONE);
    assert_eq!(c.jobs.into_iter().collect::<Vec<_>>(), vec![queued.id]);

    let booked = shop.ok(
        Some("Emma Clark"),
        &[
            "appt",
            "new",
            "--plate",
            "粤B·9Q999",
            "--at",
            "tomorrow 10:00",
            "--work",
            "Oil service",
            "--hours",
            "1",
        ],
    );
    let c = w.after("a booking");
    assert_eq!(c.parts, Parts::BOOKINGS);
    assert!(c.jobs.is_empty());
    shop.ok(Some("Emma Clark"), &["appt", "cancel", &id(&booked, "A-")]);
    w.after("a booking cancelled");

    let call = shop.ok(
        Some("Emma Clark"),
        &[
            "call",
            "log",
            "--plate",
            "粤B·9Q999",
            "--about",
            "tyre prices",
        ],
    );
    assert!(w.after("a call").parts.has(Parts::CALLS));
    shop.ok(
        Some("Emma Clark"),
        &["call", "close", &id(&call, "T-"), "--note", "quoted"],
    );
    w.after("a call closed");

    let delivered = w.board.followups[0].job;
    let dj = format!("J-{delivered:06}");
    let complaint = shop.ok(
        Some("Emma Clark"),
        &[
            "complaint",
            "new",
            "--job",
            &dj,
            "--severity",
            "2",
            "--text",
            "noise again",
        ],
    );
    assert!(w.after("a complaint").parts.has(Parts::COMPLAINTS));
    shop.ok(
        Some("Emma Clark"),
        &["complaint", "ack", &id(&complaint, "C-")],
    );
    w.after("a complaint acknowledged");
    shop.ok(
        Some("Emma Clark"),
        &["followup", "log", &dj, "--reached", "no"],
    );
    w.after("a follow-up call");

    let ready = w.board.ready[0].label();
    shop.ok(
        Some("Emma Clark"),
        &[
            "job",
            "promise",
            &ready,
            "--at",
            "tomorrow 10:00",
            "--reason",
            "parts late",
        ],
    );
    w.after("a promise moved");
    shop.ok(
        Some("Emma Clark"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "Wiper blades",
            "--hours",
            "0.3",
        ],
    );
    let c = w.after("a line");
    assert!(c.parts.has(Parts::APPROVALS) && !c.parts.has(Parts::JOBS));
    let free = w
        .board
        .bays
        .iter()
        .find(|b| b.job.is_none() && b.active)
        .unwrap();
    let tech = w
        .board
        .technicians
        .iter()
        .find(|t| t.open_jobs == 0)
        .unwrap()
        .name
        .clone();
    shop.ok(
        Some("Chen Li"),
        &["job", "dispatch", &j, "--bay", &free.name, "--tech", &tech],
    );
    w.after("a dispatch");
    shop.ok(Some("Chen Li"), &["bay", "add", "B99"]);
    assert_eq!(w.after("a bay").parts, Parts::ALL);
    // A change the event log does not explain (another tool) reads it all.
    shop.sql()
        .execute("UPDATE shop SET name = 'Renamed outside'", [])
        .unwrap();
    assert_eq!(w.after("a change outside").parts, Parts::ALL);
    assert_eq!(w.board.shop, "Renamed outside");
}
