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
