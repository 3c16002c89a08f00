use bayboard::tui::App;
use bayboard::workshop::Workshop;
use chrono::{FixedOffset, Utc};
use std::time::Instant;
fn main() {
    let db = std::env::args().nth(1).unwrap();
    let app = App::new(Workshop::open(std::path::Path::new(&db)).unwrap(), Some("Foreman 1"), None, Utc::now(), FixedOffset::east_opt(0).unwrap()).unwrap();
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    let n = 3000;
    let t = Instant::now();
    for _ in 0..n { term.draw(|f| bayboard::tui::ui::draw(f, &app)).unwrap(); }
    println!("draw {:.3} ms", t.elapsed().as_secs_f64() * 1000.0 / n as f64);
}
