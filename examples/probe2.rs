use bayboard::domain::JobAction;
use bayboard::store;
use bayboard::workshop::Workshop;
use chrono::Utc;
use std::time::{Duration, Instant};
fn main() {
    let db = std::env::args().nth(1).unwrap();
    let p = std::path::Path::new(&db);
    let now = Utc::now();
    let ws = Workshop::open(p).unwrap();
    let mut other = Workshop::open(p).unwrap();
    let job = ws.store().read(|c| Ok(store::open_jobs(c)?)).unwrap().into_iter().find(|j| j.bay.as_deref()==Some("B01")).unwrap();
    let n = 200;
    let mut t_ = [Duration::ZERO; 6];
    for i in 0..n {
        if i % 2 == 0 { other.act("Foreman 1", job.id, JobAction::Release, None, None).unwrap(); }
        else { other.reassign("Foreman 1", job.id, Some("B01"), None, None).unwrap(); }
        ws.store().read(|c| {
            let t = Instant::now(); store::open_jobs(c)?; t_[0] += t.elapsed();
            let t = Instant::now(); store::bay_list(c)?; t_[1] += t.elapsed();
            let t = Instant::now(); store::technicians(c, now - chrono::Duration::hours(10), now)?; t_[2] += t.elapsed();
            let t = Instant::now(); store::parts_list(c, true, 500)?; t_[3] += t.elapsed();
            let t = Instant::now(); store::shop_name(c)?; t_[4] += t.elapsed();
            Ok(())
        }).unwrap();
    }
    let f = |d: Duration| d.as_secs_f64() * 1000.0 / n as f64;
    println!("open_jobs {:.3} bays {:.3} technicians {:.3} parts {:.3} shop {:.3}", f(t_[0]), f(t_[1]), f(t_[2]), f(t_[3]), f(t_[4]));
}
