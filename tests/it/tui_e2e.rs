//! The real binary in pseudo-terminals: a foreman, a technician and a QC
//! inspector on one database take a vehicle from waiting to delivered (with
//! a parts issue and one rework) by keyboard alone, each seeing the others'
//! changes live; the CLI and a plain SQL writer change data underneath.

use crate::common::Shop;
use crate::ptykit::*;

#[test]
fn three_terminals_take_a_vehicle_from_waiting_to_delivered() {
    let shop = Shop::demo();
    let new = shop.ok(
        Some("Emma Clark"),
        &[
            "job",
            "new",
            "--plate",
            "粤A·E2E01",
            "--complaint",
            "Grinding noise when braking",
            "--priority",
            "urgent",
            "--fuel",
            "5/8",
        ],
    );
    // The newest job: after the demo's day and its weeks of history.
    let job = new.trim().to_string();
    let job = job.as_str();
    assert!(job.starts_with("J-000"), "{job}");

    let mut foreman = Term::spawn(&shop.db, &["--as", "Chen Li"], 120, 40);
    let mut tech = Term::spawn(&shop.db, &["--as", "Ahmed Khan"], 100, 30);
    let mut qc = Term::spawn(&shop.db, &["--as", "Sam Okafor"], 120, 34);
    foreman.wait_text("BAYS");
    tech.wait_text("No job for you right now");
    qc.wait_text("peer check 1 · QC 1");

    // Foreman: the board opens on the queue; the urgent job, dispatch to the
    // first free bay and the first (free) technician.
    foreman.select(job);
    foreman.send_and_wait_for("d", &format!("Dispatch {job}"));
    foreman.send(ENTER);
    foreman.send(ENTER);
    shop.wait_status(job, "dispatched");
    foreman.wait_text("dispatched to");
    // The technician's screen shows it without a key press.
    tech.wait_text("粤A·E2E01");

    // Technician: start, then log a blocking parts issue through the form.
    tech.send("s");
    shop.wait_status(job, "in_progress");
    tech.send_and_wait_for("l", "Log a parts issue");
    tech.send("Brake caliper");
    tech.send(TAB);
    tech.send(TAB);
    tech.send(TAB);
    tech.send(" ");
    tech.send(ENTER);
    shop.wait_status(job, "waiting_parts");
    foreman.wait_text("Brake caliper");

    // Foreman resolves it from the parts panel; the job goes back to paused.
    foreman.send(TAB);
    foreman.send_and_wait_for(TAB, "▸ PARTS");
    foreman.select("Brake caliper");
    foreman.send_and_wait_for("r", "Mark this parts issue resolved?");
    foreman.send("y");
    shop.wait_status(job, "paused");
    tech.wait_text("paused");

    tech.send("s");
    shop.wait_status(job, "in_progress");
    // The one requested line done (space on it), then the self-check.
    tech.wait_text("to do");
    tech.send_and_wait_for(" ", "done — space again to reopen");
    tech.send_and_wait_for("f", "Self-check");
    tech.send("ppp");
    tech.send("\x13"); // Ctrl-S
    // The demo runs the peer check: the team leader signs it.
    shop.wait_status(job, "peer_check");
    shop.ok(Some("Chen Li"), &["inspect", job, "--level", "peer"]);
    shop.wait_status(job, "ready_for_qc");

    // QC: inspect, fail the first item, sign.
    qc.wait_text(job);
    qc.select(job);
    qc.send_and_wait_for("i", &format!("Final inspection (QC) {job}"));
    qc.send("f");
    qc.send(DOWN);
    qc.send("ppppppppp5");
    qc.send("\x13"); // Ctrl-S
    shop.wait_status(job, "rework");
    tech.wait_text("Rework ×1");

    tech.send("s");
    shop.wait_status(job, "in_progress");
    tech.send_and_wait_for("f", "Self-check");
    tech.send("ppp");
    tech.send("\x13"); // Ctrl-S
    // The demo runs the peer check: the team leader signs it.
    shop.wait_status(job, "peer_check");
    shop.ok(Some("Chen Li"), &["inspect", job, "--level", "peer"]);
    shop.wait_status(job, "ready_for_qc");

    qc.wait_text(job);
    qc.select(job);
    qc.send_and_wait_for("i", &format!("Final inspection (QC) {job}"));
    qc.send("pppppppppp5");
    qc.send("\x13");
    shop.wait_status(job, "qc_passed");

    // Foreman delivers from the QC view.
    foreman.send_and_wait_for("4", "ready for delivery");
    foreman.select(job);
    foreman.send_and_wait_for("D", &format!("Deliver {job}"));
    foreman.send_and_wait_for("\x1b[C", "◂ cash ▸");
    foreman.send(ENTER);
    shop.wait_status(job, "delivered");

    for t in [&mut foreman, &mut tech, &mut qc] {
        t.send("q");
        assert_eq!(t.wait_exit(), (true, 0), "{}", t.name);
        assert!(t.restored(), "[{}] terminal not restored", t.name);
    }
}

#[test]
fn the_board_shows_changes_from_the_cli_and_from_plain_sql() {
    let shop = Shop::demo();
    let mut board = Term::spawn(&shop.db, &["--as", "Chen Li"], 120, 40);
    board.wait_text("BAYS");
    board.wait_text("● live");
    shop.ok(
        Some("Chen Li"),
        &[
            "job",
            "dispatch",
            "J-000015",
            "--bay",
            "A1",
            "--tech",
            "Ahmed Khan",
        ],
    );
    board.wait_for("A1 holding J-000015", |s| {
        s.lines()
            .any(|l| l.contains("A1") && l.contains("J-000015") && l.contains("Ahmed Khan"))
    });
    // A writer outside bayboard (no sentinel): the slow poll picks it up.
    let c = shop.sql();
    c.execute("UPDATE jobs SET priority = 'urgent' WHERE id = 18", [])
        .unwrap();
    drop(c);
    board.wait_for("J-000018 urgent", |s| s.contains("J-000018 !!"));
    board.send("q");
    assert_eq!(board.wait_exit(), (true, 0));
    assert!(board.restored());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let shop = Shop::demo();
    for sig in ["-TERM", "-HUP"] {
        let mut t = Term::spawn(&shop.db, &["--as", "Chen Li"], 100, 30);
        t.wait_text("BAYS");
        let ok = std::process::Command::new("kill")
            .arg(sig)
            .arg(t.pid().to_string())
            .status()
            .unwrap();
        assert!(ok.success());
        t.wait_exit();
        assert!(t.restored(), "{sig}: terminal not restored");
    }
}

#[test]
fn a_small_terminal_says_so_and_resizing_back_redraws() {
    let shop = Shop::demo();
    let mut t = Term::spawn(&shop.db, &["--as", "Chen Li"], 100, 30);
    t.wait_text("BAYS");
    t.resize(50, 12);
    t.wait_text("terminal too small");
    t.resize(80, 24);
    t.wait_text("BAYS");
    t.send("\x03"); // Ctrl-C
    assert_eq!(t.wait_exit(), (true, 0));
    assert!(t.restored());
}

#[test]
fn login_screen_without_as() {
    let shop = Shop::demo();
    let mut t = Term::spawn(&shop.db, &[], 100, 30);
    t.wait_text("Who is at this terminal?");
    t.select("Olga Petrova");
    t.send_and_wait_for(ENTER, "log in as Olga Petrova?");
    t.send_and_wait_for(ENTER, "Olga Petrova (QC inspector)");
    t.send("q");
    assert_eq!(t.wait_exit(), (true, 0));
}

/// Found work end to end: the technician adds a blocking line at the bay,
/// every board shows the job waiting for approval, the advisor approves it
/// from the Approvals view, the job goes back to work, the technician marks
/// both lines done and finishes, QC passes.
#[test]
fn found_work_is_approved_and_the_job_goes_back_to_work() {
    let shop = Shop::demo();
    let job = "J-000015";
    shop.ok(
        Some("Chen Li"),
        &[
            "job",
            "dispatch",
            job,
            "--bay",
            "A1",
            "--tech",
            "Ahmed Khan",
        ],
    );
    let mut tech = Term::spawn(&shop.db, &["--as", "Ahmed Khan", "--bay", "A1"], 120, 34);
    let mut foreman = Term::spawn(&shop.db, &["--as", "Chen Li"], 140, 40);
    let mut advisor = Term::spawn(&shop.db, &["--as", "Emma Clark"], 140, 34);
    tech.wait_text("Work order");
    foreman.wait_text("BAYS");
    advisor.wait_text("BAYS");
    tech.send("s");
    shop.wait_status(job, "in_progress");

    // Found work, blocking: what, urgency (safety), hours, parts, blocking.
    tech.send_and_wait_for("w", "Found work on J-000015");
    tech.send("Radiator hose cracked");
    tech.send(TAB);
    tech.send(TAB);
    tech.send("s");
    tech.send(TAB);
    tech.send("1.5");
    tech.send(TAB);
    tech.send("380.00");
    tech.send(TAB);
    tech.send(" ");
    tech.send(ENTER);
    shop.wait_status(job, "waiting_approval");
    tech.wait_text("waiting approval");
    foreman.wait_for("A1 waiting approval", |s| {
        s.lines()
            .any(|l| l.contains("A1") && l.contains("waiting approval"))
    });

    // The advisor approves it: view 5, the line, a, ⏎ (the customer's name
    // comes from the job; by phone).
    advisor.send_and_wait_for("5", "WAITING FOR THE CUSTOMER");
    advisor.wait_text("Radiator hose cracked");
    advisor.select("Radiator hose cracked");
    advisor.send_and_wait_for("a", "Approve L-");
    advisor.send(ENTER);
    shop.wait_status(job, "paused");
    advisor.wait_text("approved by");
    tech.wait_text("paused");

    // Back to work: resume, both lines done, finish.
    tech.send("s");
    shop.wait_status(job, "in_progress");
    tech.send_and_wait_for(" ", "done — space again to reopen");
    tech.send(DOWN);
    tech.send(" ");
    tech.wait_for("both lines done", |s| s.matches("✓ done").count() >= 2);
    tech.send_and_wait_for("f", "Self-check");
    tech.send("ppp");
    tech.send("\x13"); // Ctrl-S
    // The demo runs the peer check: the team leader signs it.
    shop.wait_status(job, "peer_check");
    shop.ok(Some("Chen Li"), &["inspect", job, "--level", "peer"]);
    shop.wait_status(job, "ready_for_qc");

    let mut qc = Term::spawn(&shop.db, &["--as", "Olga Petrova"], 120, 40);
    qc.wait_text(job);
    qc.select(job);
    qc.send("i");
    qc.wait_text("Radiator hose cracked");
    qc.send("pppppppppp8");
    qc.send("\x13");
    shop.wait_status(job, "qc_passed");
    let out = shop.ok(Some("Chen Li"), &["check"]);
    assert!(out.contains("rules: ok"), "{out}");
    for t in [&mut tech, &mut foreman, &mut advisor, &mut qc] {
        t.send("q");
        assert_eq!(t.wait_exit(), (true, 0), "{}", t.name);
    }
}

/// A message leaves the screen by itself after a few seconds, even when
/// nothing else changes.
#[test]
fn a_message_leaves_the_screen_by_itself() {
    let shop = Shop::demo();
    let mut t = Term::spawn(&shop.db, &["--as", "Chen Li"], 120, 40);
    t.wait_text("QUEUE");
    // Back to the bays; `d` on a bay in progress says why it does nothing.
    t.send("\x1b[Z");
    t.send(DOWN);
    t.send_and_wait_for("d", "dispatch needs a job that is waiting");
    let shown = std::time::Instant::now();
    t.wait_for("the message to go", |s| {
        !s.contains("dispatch needs a job that is waiting")
    });
    assert!(shown.elapsed() >= std::time::Duration::from_secs(5));
    t.send("q");
    assert_eq!(t.wait_exit(), (true, 0));
}

/// One car from its booking to the follow-up call: booked from the command
/// line, arrived and called back from the advisor's board in a terminal,
/// worked and delivered in between.
#[test]
fn a_car_goes_from_its_booking_to_a_logged_follow_up_call() {
    // Booked for later today; in the last minutes of a day, wait for the
    // next one (the Today view shows today's bookings).
    let soon = |now: chrono::DateTime<chrono::Local>| now + chrono::Duration::minutes(3);
    while soon(chrono::Local::now()).date_naive() != chrono::Local::now().date_naive() {
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
    let shop = Shop::demo();
    let at = soon(chrono::Local::now())
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let appt = shop.ok(
        Some("Emma Clark"),
        &[
            "appt",
            "new",
            "--plate",
            "粤A·BOOK1",
            "--at",
            &at,
            "--work",
            "Squeaking brakes",
            "--hours",
            "1.5",
            "--customer",
            "陈静",
            "--phone",
            "+86 135 0000 1111",
        ],
    );
    let appt = appt.trim();
    let mut advisor = Term::spawn(&shop.db, &["--as", "Emma Clark"], 120, 34);
    advisor.wait_text("BAYS");
    advisor.send_and_wait_for("6", "TODAY ");
    advisor.wait_text("粤A·BOOK1");
    // The new booking is the last of today's (its time is the latest).
    advisor.select("粤A·BOOK1");
    advisor.send_and_wait_for("a", "Arrival of");
    // The demo shop's rule: no check-in without the walk-around; the
    // refusal leaves the cursor on the fuel.
    advisor.send_and_wait_for(ENTER, "walk-around");
    advisor.send("4/8");
    advisor.send_and_wait_for(ENTER, &format!("{appt} arrived"));
    let job = shop
        .json(Some("Chen Li"), &["job", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["plate"] == "粤A·BOOK1")
        .unwrap()["number"]
        .as_str()
        .unwrap()
        .to_string();
    // The floor does its work (the board tests cover these keys).
    shop.ok(
        Some("Chen Li"),
        &[
            "job",
            "dispatch",
            &job,
            "--bay",
            "A1",
            "--tech",
            "Ahmed Khan",
        ],
    );
    shop.ok(Some("Ahmed Khan"), &["job", "start", &job]);
    shop.lines_done("Ahmed Khan", &job);
    shop.ok(Some("Ahmed Khan"), &["job", "finish", &job]);
    // The demo runs the peer check 互检 before QC.
    shop.ok(Some("Li Na"), &["inspect", &job, "--level", "peer"]);
    shop.ok(Some("Sam Okafor"), &["qc", "pass", &job]);
    shop.ok(Some("Emma Clark"), &["job", "wash", &job]);
    shop.ok(
        Some("Emma Clark"),
        &["job", "deliver", &job, "--paid", "card"],
    );
    assert_eq!(shop.status(&job), "delivered");
    // Three days on, the call falls due.
    shop.sql()
        .execute(
            "UPDATE followups SET due_at = ?1 WHERE job_id = ?2",
            rusqlite::params![
                bayboard::store::ts(chrono::Utc::now() - chrono::Duration::minutes(1)),
                job.trim_start_matches("J-").parse::<i64>().unwrap()
            ],
        )
        .unwrap();
    advisor.send_and_wait_for("7", "FOLLOW-UP CALLS DUE");
    advisor.wait_text("粤A·BOOK1");
    advisor.select("粤A·BOOK1");
    advisor.send_and_wait_for("r", "Follow-up of");
    advisor.send("5 brakes quiet now");
    advisor.send_and_wait_for(ENTER, &format!("{job} follow-up: reached"));
    let shown = shop.job(&job);
    assert_eq!(shown["followup"]["state"], "reached");
    assert_eq!(shown["followup"]["score"], 5);
    advisor.send("q");
    advisor.wait_exit();
}

/// The wall in a terminal: keys other than quitting ones change nothing,
/// and `q` puts the terminal back.
#[test]
fn the_wall_ignores_keys_but_quitting_ones() {
    let shop = Shop::demo();
    let mut wall = Term::spawn(&shop.db, &["wall"], 120, 40);
    wall.wait_text("● live");
    for k in ["d", ENTER, DOWN, "1"] {
        wall.send_unchanged(k);
    }
    wall.wait_text("● live");
    wall.send("q");
    assert_eq!(wall.wait_exit(), (true, 0));
    assert!(wall.restored());
}

/// Issue 21: a car on record as `粤A·H2526`, checked in on the board as
/// `粤AH2526` in Chinese, is the same car: the message names the comeback
/// and the safety work declined last visit, and its details the earlier
/// job.
#[test]
fn a_plate_typed_another_way_on_the_board_finds_the_cars_last_visit() {
    let shop = Shop::staffed();
    let first = shop.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤A·H2526",
            "--complaint",
            "刹车异响",
        ],
    );
    let first = first.trim();
    shop.at_work(first);
    let line = shop.ok(
        Some("Tina"),
        &[
            "line",
            "add",
            first,
            "--work",
            "后轮胎磨损到 2 mm",
            "--added",
            "--urgency",
            "safety",
            "--hours",
            "0.5",
        ],
    );
    shop.ok(
        Some("Ada"),
        &[
            "line",
            "decline",
            line.trim(),
            "--by",
            "孙丽",
            "--via",
            "phone",
        ],
    );
    shop.lines_done("Tina", first);
    shop.ok(Some("Tina"), &["job", "finish", first]);
    shop.ok(Some("Quinn"), &["qc", "pass", first]);
    shop.ok(Some("Ada"), &["job", "deliver", first, "--paid", "cash"]);
    let mut advisor = Term::spawn(&shop.db, &["--as", "Ada", "--lang", "zh-CN"], 100, 30);
    advisor.wait_text("工位");
    advisor.send_and_wait_for("n", "车牌");
    advisor.send("粤AH2526");
    advisor.send(TAB);
    advisor.send("还是有异响");
    advisor.send(ENTER);
    advisor.wait_for("the check-in's message", |s| s.contains("返修，原工单"));
    assert!(advisor.screen().contains("拒做"), "{}", advisor.screen());
    // The details say it whole: the earlier job and the work declined.
    advisor.send_and_wait_for("/", "查找工单");
    advisor.send("h2526");
    advisor.send_and_wait_for(ENTER, "以往拒做项目");
    let screen = advisor.screen();
    assert!(screen.contains("后轮胎磨损到 2 mm"), "{screen}");
    assert!(screen.contains("原工单 J-000001"), "{screen}");
    advisor.send("\x1b");
    advisor.send("q");
    advisor.wait_exit();
    let job = shop.job("J-2");
    assert_eq!(job["comeback_of"], "J-000001", "{job}");
}

/// Issue 22 at the counter: a walk-in checked in with two operations of the
/// price list, the estimate on the form, and the repair order printed with
/// one key (the demo shop has two printers, so the board asks which; Enter
/// takes the default). `lp` here keeps what it is given, as cups-pdf would.
#[test]
fn a_walk_in_is_quoted_from_the_list_and_its_repair_order_printed_with_one_key() {
    if bayboard::present::pdf::find_font().is_err() {
        crate::common::skip(
            "a_walk_in_is_quoted_from_the_list_and_its_repair_order_printed_with_one_key",
            "no Chinese font (fonts-noto-cjk)",
        );
        return;
    }
    let shop = Shop::demo();
    let (path, kept) = crate::common::fake_lp(shop.dir.path());
    let mut desk = Term::spawn_env(
        &shop.db,
        &["--as", "Emma Clark"],
        &[("PATH", &path)],
        100,
        30,
    );
    desk.wait_text("QUEUE");
    desk.send_and_wait_for("n", "Check a vehicle in");
    desk.send("粤B·PTY22");
    desk.send(TAB);
    desk.send("Squeal when braking");
    desk.send(TAB);
    desk.send("BRK-PAD-F");
    desk.send_and_wait_for(ENTER, "labour estimate CNY 300.00 · 1.0 h: BRK-PAD-F");
    desk.send("1wan");
    desk.send_and_wait_for(
        ENTER,
        "labour estimate CNY 600.00 · 2.0 h: BRK-PAD-F · MNT-10K",
    );
    desk.send_and_wait_for(ENTER, "walk-around");
    desk.send("5/8");
    desk.send(ENTER);
    desk.wait_text("checked in");
    let job = shop
        .json(None, &["job", "find", "PTY22"])
        .as_array()
        .unwrap()[0]["number"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(shop.job(&job)["estimate_accepted"], 60_000);
    desk.send_and_wait_for(TAB, "▸ QUEUE");
    desk.select("粤B·PTY22");
    desk.send_and_wait_for("p", "FrontDesk  (default)");
    desk.send(ENTER);
    desk.wait_text("repair order (copy 1) sent to the printer FrontDesk");
    let args = std::fs::read_to_string(kept.with_extension("args")).unwrap();
    assert!(args.contains("-d FrontDesk"), "{args}");
    let pdf = std::fs::read(kept.with_extension("pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "{} bytes", pdf.len());
    let printed = shop.job(&job)["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "printed")
        .count();
    assert_eq!(printed, 1);
    // Found work waiting for the customer: the added-work confirmation.
    desk.send_and_wait_for("5", "WAITING FOR THE CUSTOMER");
    desk.send_and_wait_for("p", "FrontDesk  (default)");
    desk.send(ENTER);
    desk.wait_text("added work (copy 1) sent to the printer FrontDesk");
    // At hand-over: the settlement of a car that passed QC, one key.
    desk.send_and_wait_for("4", "ready for delivery");
    desk.select("J-000007");
    desk.send_and_wait_for("P", "FrontDesk  (default)");
    desk.send(DOWN);
    desk.send(ENTER);
    desk.wait_text("J-000007 settlement (copy 1) sent to the printer Workshop");
    let args = std::fs::read_to_string(kept.with_extension("args")).unwrap();
    assert!(
        args.contains("-d Workshop") && args.contains("settlement"),
        "{args}"
    );
    // The hand-over: paid by card, and the gate pass on the default printer.
    desk.send_and_wait_for("D", "Deliver J-000007");
    desk.send("\x1b[C");
    desk.send_and_wait_for("\x1b[C", "◂ card ▸");
    desk.send(ENTER);
    desk.wait_text("gate pass sent to the printer FrontDesk");
    let args = std::fs::read_to_string(kept.with_extension("args")).unwrap();
    assert!(
        args.contains("-d FrontDesk") && args.contains("gate"),
        "{args}"
    );
    assert_eq!(shop.status("J-000007"), "delivered");
    desk.send("q");
    assert_eq!(desk.wait_exit(), (true, 0));
}
