use bayboard::domain::JobAction;
use bayboard::tui::App;
use bayboard::workshop::Workshop;
use chrono::{FixedOffset, Utc};
use std::time::{Duration, Instant};
fn main() {
    let db = std::env::args().nth(1).unwrap();
    let p = std::path::Path::new(&db);
    let now = Utc::now();
    let mut app = App::new(Workshop::open(p).unwrap(), Some("Foreman 1"), None, now, FixedOffset::east_opt(0).unwrap()).unwrap();
    let mut other = Workshop::open(p).unwrap();
    let job = app.board.bays[0].job.clone().unwrap();
    let backend = ratatui::backend::CrosstermBackend::new(Vec::<u8>::new());
    let mut term = ratatui::Terminal::with_options(backend, ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0,0,160,48)) }).unwrap();
    term.draw(|f| bayboard::tui::ui::draw(f, &app)).unwrap();
    let n = 200;
    let (mut reload, mut draw, mut load) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for i in 0..n {
        if i % 2 == 0 { other.act("Foreman 1", job.id, JobAction::Release, None, None).unwrap(); }
        else { other.reassign("Foreman 1", job.id, Some(&job.bay.clone().unwrap()), None, None).unwrap(); }
        let t = Instant::now();
        bayboard::board::load(app.workshop().store(), now, now).unwrap();
        load += t.elapsed();
        other.act("Foreman 1", job.id, JobAction::SetPriority, None, None).ok();
        let t = Instant::now();
        app.reload();
        reload += t.elapsed();
        let t = Instant::now();
        term.draw(|f| bayboard::tui::ui::draw(f, &app)).unwrap();
        draw += t.elapsed();
    }
    let f = |d: Duration| d.as_secs_f64() * 1000.0 / n as f64;
    println!("after an outside commit: board::load {:.3} ms (cold cache), app.reload {:.3} ms, draw with a change {:.3} ms", f(load), f(reload), f(draw));
}
