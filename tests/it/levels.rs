//! Issue 24: inspection levels — self-check at finish, the peer check 互检,
//! the final inspection 终检 — each signed by another person, a fail at any
//! level sending the job to rework with its reasons.

use crate::common::Shop;

fn peer_shop() -> Shop {
    let s = Shop::staffed();
    s.ok(Some("Boss"), &["shop", "set", "--peer-check", "on"]);
    s
}

#[test]
fn a_job_goes_self_check_then_peer_then_final() {
    let s = peer_shop();
    let j = s.new_job("LV-1");
    s.at_work(&j);
    s.lines_done("Tina", &j);
    // A failed self-check item keeps the job with its technician.
    let kept = s.ok(
        Some("Tina"),
        &["job", "finish", &j, "--item", "torque_tools=fail"],
    );
    assert!(kept.contains("torque_tools"), "{kept}");
    assert_eq!(s.status(&j), "in_progress");
    s.ok(Some("Tina"), &["job", "finish", &j]);
    assert_eq!(s.status(&j), "peer_check");
    // QC may not skip the peer check.
    let early = s.refused(Some("Quinn"), &["qc", "pass", &j]);
    assert!(early.contains("peer"), "{early}");
    // Tina worked it: not her peer check.
    let own = s.refused(Some("Tina"), &["inspect", &j, "--level", "peer"]);
    assert!(own.contains("Tina"), "{own}");
    let out = s.ok(Some("Tom"), &["inspect", &j, "--level", "peer"]);
    assert!(out.contains("peer check"), "{out}");
    assert_eq!(s.status(&j), "ready_for_qc");
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    assert_eq!(s.status(&j), "qc_passed");
    let levels: Vec<(String, String)> = s
        .sql()
        .prepare("SELECT level, result FROM qc_inspections ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want = [
        ("self", "fail"),
        ("self", "pass"),
        ("peer", "pass"),
        ("final", "pass"),
    ];
    assert_eq!(
        levels,
        want.map(|(l, r)| (l.to_string(), r.to_string())).to_vec()
    );
    let history = s.ok(Some("Ada"), &["job", "show", &j]);
    for kind in ["self-check failed", "peer check passed", "QC passed"] {
        assert!(history.contains(kind), "{kind}: {history}");
    }
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
}

#[test]
fn a_peer_fail_is_rework_then_peer_again_and_no_one_signs_two_levels() {
    let s = peer_shop();
    let j = s.new_job("LV-2");
    s.to_qc(&j);
    assert_eq!(s.status(&j), "peer_check");
    // Dual is a technician and QC: signing the peer check bars the final.
    let out = s.ok(
        Some("Dual"),
        &["inspect", &j, "--level", "peer", "--item", "no_leaks=fail"],
    );
    assert!(out.contains("no_leaks"), "{out}");
    assert_eq!(s.status(&j), "rework");
    s.ok(Some("Tina"), &["job", "start", &j]);
    s.ok(Some("Tina"), &["job", "finish", &j]);
    assert_eq!(s.status(&j), "peer_check", "peer again after rework");
    s.ok(Some("Dual"), &["inspect", &j, "--level", "peer"]);
    let twice = s.refused(Some("Dual"), &["qc", "pass", &j]);
    assert!(
        twice.contains("Dual") && twice.contains("earlier"),
        "{twice}"
    );
    s.ok(Some("Quinn"), &["inspect", &j, "--level", "final"]);
    assert_eq!(s.status(&j), "qc_passed");
    assert_eq!(s.job(&j)["rework_count"], 1);
}

#[test]
fn a_shop_without_the_peer_check_goes_straight_to_qc() {
    let s = Shop::staffed();
    let shown = s.json(Some("Boss"), &["shop", "show"]);
    assert_eq!(shown["peer_check"], false);
    let j = s.ready_for_qc("LV-3");
    assert_eq!(s.status(&j), "ready_for_qc");
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    assert_eq!(s.status(&j), "qc_passed");
    let off = s.refused(Some("Tom"), &["inspect", &j, "--level", "self"]);
    assert!(off.contains("finish"), "{off}");
}

#[test]
fn each_levels_checklist_is_listed() {
    let s = Shop::staffed();
    for (level, item) in [
        ("self", "torque_tools"),
        ("peer", "work_checked"),
        ("final", "road_test"),
    ] {
        let out = s.ok(None, &["qc", "checklist", "--level", level]);
        assert!(out.contains(item), "{level}: {out}");
        let json = s.json(None, &["qc", "checklist", "--level", level]);
        assert!(
            json.as_array().unwrap().iter().any(|i| i["id"] == item),
            "{json}"
        );
    }
    let bad = s.run(None, &["qc", "checklist", "--level", "fourth"]);
    assert_ne!(bad.code, 0);
    assert!(
        bad.stderr.contains("inspection level") && bad.stderr.contains("self, peer, final"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_peer_check_is_a_foremans_setting() {
    let s = Shop::staffed();
    let no = s.refused(Some("Tina"), &["shop", "set", "--peer-check", "on"]);
    assert!(no.contains("Tina"), "{no}");
    let bad = s.run(Some("Boss"), &["shop", "set", "--peer-check", "maybe"]);
    assert_ne!(bad.code, 0);
    assert!(bad.stderr.contains("on, off"), "{}", bad.stderr);
}

/// Found work at inspection: QC proposes a line; it reaches the advisor's
/// Approvals, a blocking one parks the job, and once approved the job is
/// not passed before the work is done (QC sends it back for it).
#[test]
fn found_work_from_qc_reaches_approvals_and_waits_for_the_work() {
    let s = Shop::staffed();
    let j = s.ready_for_qc("LV-F");
    let line = s.ok(
        Some("Quinn"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "Rear pads at 2 mm",
            "--added",
            "--urgency",
            "safety",
            "--blocking",
        ],
    );
    let line = line.trim();
    assert_eq!(s.status(&j), "waiting_approval");
    let approvals = s.json(Some("Ada"), &["approvals"]);
    assert!(
        approvals
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["id"] == line),
        "{approvals}"
    );
    // An advisor is no inspector: not theirs to raise.
    let no = s.refused(
        Some("Ada"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "x",
            "--added",
            "--urgency",
            "soon",
        ],
    );
    assert!(no.contains("Ada"), "{no}");
    s.ok(
        Some("Ada"),
        &["line", "approve", line, "--by", "Mr Lee", "--via", "phone"],
    );
    assert_eq!(s.status(&j), "ready_for_qc", "back where it waited");
    let early = s.refused(Some("Quinn"), &["qc", "pass", &j]);
    assert!(early.contains(line), "{early}");
    s.ok(
        Some("Quinn"),
        &["qc", "fail", &j, "--item", "work_done=fail"],
    );
    s.ok(Some("Tina"), &["job", "start", &j]);
    s.ok(Some("Tina"), &["line", "done", line]);
    s.ok(Some("Tina"), &["job", "finish", &j]);
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    assert_eq!(s.status(&j), "qc_passed");
}

/// Issue 24, items 3 and 7: the key tag given at check-in and the spot of
/// the internal hand-over 内部交车 are on the job, in its JSON, and on the
/// wall's ready list; the hand-over needs the final pass.
#[test]
fn the_key_tag_and_the_parking_spot_follow_the_car() {
    let s = peer_shop();
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "LV-K",
                "--complaint",
                "Noise",
                "--key-tag",
                "K-17",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(s.job(&j)["key_tag"], "K-17");
    s.to_qc(&j);
    let early = s.refused(Some("Quinn"), &["job", "handover", &j, "--spot", "P-3"]);
    assert!(early.contains(&j), "{early}");
    s.ok(Some("Tom"), &["inspect", &j, "--level", "peer"]);
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    let tech = s.refused(Some("Tina"), &["job", "handover", &j, "--spot", "P-3"]);
    assert!(tech.contains("Tina"), "{tech}");
    let empty = s.refused(Some("Quinn"), &["job", "handover", &j, "--spot", " "]);
    assert!(empty.contains("parking spot"), "{empty}");
    let out = s.ok(Some("Quinn"), &["job", "handover", &j, "--spot", "P-3"]);
    assert!(out.contains("P-3") && out.contains("K-17"), "{out}");
    let job = s.job(&j);
    assert_eq!(job["parking_spot"], "P-3");
    let shown = s.ok(Some("Ada"), &["job", "show", &j]);
    assert!(
        shown.contains("parked at P-3") && shown.contains("tag K-17"),
        "{shown}"
    );
    s.ok(Some("Ada"), &["job", "deliver", &j]);
    assert_eq!(s.status(&j), "delivered");
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
}

/// On the board: `H` on a car that passed QC asks where it is parked;
/// Today lists the cars ready with their spot and key tag; so does the
/// wall; the check-in form takes a key tag.
#[test]
fn the_board_hands_a_car_over_and_shows_where_it_is() {
    use crate::tuikit::*;
    use bayboard::tui::forms::AnyForm;
    use ratatui::crossterm::event::KeyCode;
    let mut f = demo(Some("Olga Petrova"), None);
    let pos = f
        .app
        .qc_list()
        .iter()
        .position(|j| j.plate == "LB68 XYZ")
        .unwrap();
    down(&mut f.app, pos);
    assert!(footer(&f.app).iter().any(|(k, _)| *k == "H"));
    key(&mut f.app, KeyCode::Char('H'));
    assert!(render(&f.app, 80, 24).contains("Hand J-000008 to the advisor"));
    key(&mut f.app, KeyCode::Enter);
    assert!(render(&f.app, 80, 24).contains("write where the car is parked"));
    chars(&mut f.app, "P-5");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.job(8).parking_spot.as_deref(), Some("P-5"));
    // Handed over again: the spot given shows, to keep or change.
    key(&mut f.app, KeyCode::Char('H'));
    assert!(render(&f.app, 80, 24).contains("P-5"));
    key(&mut f.app, KeyCode::Esc);
    // The advisor's Today: both ready cars, with spot and keys.
    let mut a = demo(Some("Emma Clark"), None);
    key(&mut a.app, KeyCode::Char('6'));
    for (w, h) in [(80, 24), (200, 60)] {
        let today = render(&a.app, w, h);
        assert!(today.contains("READY FOR THE CUSTOMER 2"), "{today}");
        assert!(
            today.contains("成品区 A3") && today.contains("keys K-07"),
            "{w}x{h}:\n{today}"
        );
        // The week's service reminders, from the next service set at an
        // earlier delivery.
        assert!(
            today.contains("SERVICE DUE THIS WEEK 1") && today.contains(" due 20"),
            "{w}x{h}:\n{today}"
        );
    }
    // The check-in form takes the key tag, after the walk-around.
    key(&mut a.app, KeyCode::Char('1'));
    key(&mut a.app, KeyCode::Char('n'));
    assert!(matches!(a.app.form(), Some(AnyForm::CheckIn(_))));
    chars(&mut a.app, "KT-1");
    key(&mut a.app, KeyCode::Tab);
    chars(&mut a.app, "Squeak");
    for _ in 0..16 {
        key(&mut a.app, KeyCode::Tab);
    }
    chars(&mut a.app, "K-30");
    let form = render(&a.app, 100, 40);
    assert!(form.contains("Key tag") && form.contains("K-30"), "{form}");
    // The customer declined the walk-around.
    decline_walkaround(&mut a.app);
    key(&mut a.app, KeyCode::Enter);
    assert!(a.app.overlay.is_none(), "{:?}", a.app.flash);
    let tagged = a
        .app
        .board
        .queue
        .iter()
        .find(|j| j.plate == "KT-1")
        .unwrap();
    assert_eq!(tagged.key_tag.as_deref(), Some("K-30"));
}

/// One tag, one set of keys: a tag on an open job's keys is refused, and
/// free again once that job is closed.
#[test]
fn a_key_tag_on_open_keys_is_refused() {
    let s = Shop::staffed();
    let new = |plate: &str| {
        s.run(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                plate,
                "--complaint",
                "Noise",
                "--key-tag",
                "K-31",
            ],
        )
    };
    let first = new("KT-A");
    assert_eq!(first.code, 0, "{}", first.stderr);
    let taken = new("KT-B");
    assert_ne!(taken.code, 0);
    assert!(
        taken.stderr.contains("K-31") && taken.stderr.contains("J-000001"),
        "{}",
        taken.stderr
    );
    s.ok(Some("Boss"), &["job", "cancel", "J-1", "--reason", "gone"]);
    assert_eq!(new("KT-B").code, 0);
}
