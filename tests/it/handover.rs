//! Reception and hand-over through the CLI: the walk-around, the wash, the
//! settlement against what the customer approved, payment and old parts.

use crate::common::Shop;

/// A job with its one line priced 2 h + 100.00 before dispatch, then
/// worked and passed QC.
fn passed(s: &Shop, plate: &str) -> (String, String) {
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "300"]);
    let j = s.new_job(plate);
    let l = s.first_line(&j);
    s.ok(
        Some("Ada"),
        &["line", "price", &l, "--hours", "2", "--parts-amount", "100"],
    );
    s.to_qc(&j);
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    (j, l)
}

#[test]
fn the_walk_around_is_recorded_at_check_in_and_shown() {
    let s = Shop::staffed();
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "WA-1",
                "--complaint",
                "noise",
                "--fuel",
                "3/8",
                "--damage",
                "前保险杠: 划痕",
                "--damage",
                "rear door: dent",
                "--valuables",
                "sunglasses",
                "--warning-lights",
                "ABS",
                "--return-old-parts",
                "--customer-waiting",
            ],
        )
        .trim()
        .to_string();
    let w = &s.job(&j)["walkaround"];
    assert_eq!(w["fuel_eighths"], 3);
    assert_eq!(w["damages"][0]["place"], "前保险杠");
    assert_eq!(w["damages"][1]["what"], "dent");
    assert_eq!(w["valuables"], "sunglasses");
    assert_eq!(w["warning_lights"], "ABS");
    assert_eq!(w["return_old_parts"], true);
    assert_eq!(w["recorded_by"], "Ada");
    let show = s.ok(None, &["job", "show", &j]);
    assert!(
        show.contains("fuel 3/8") && show.contains("RETURN OLD PARTS"),
        "{show}"
    );
    assert!(show.contains("damage   前保险杠: 划痕"), "{show}");
    for (flag, value, want) in [
        ("--fuel", "9/8", "not a fuel level"),
        ("--damage", "scratch", "write where and what"),
    ] {
        let line = s.refused(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "WA-2",
                "--complaint",
                "x",
                flag,
                value,
            ],
        );
        assert!(line.contains(want), "{line}");
    }
    assert!(
        !s.ok(None, &["job", "list"]).contains("WA-2"),
        "nothing recorded"
    );
    // Without a walk-around, none is recorded.
    let plain = s.new_job("WA-3");
    assert_eq!(s.job(&plain)["walkaround"], serde_json::Value::Null);
}

#[test]
fn the_wash_follows_the_qc_pass_once() {
    let s = Shop::staffed();
    let waiting = s.new_job("WS-1");
    let line = s.refused(Some("Ada"), &["job", "wash", &waiting]);
    assert!(line.contains("cannot be washed"), "{line}");
    let (j, _) = passed(&s, "WS-2");
    let line = s.refused(Some("Pat"), &["job", "wash", &j]);
    assert!(line.contains("may not record a wash"), "{line}");
    s.ok(Some("Tina"), &["job", "wash", &j]);
    let line = s.refused(Some("Ada"), &["job", "wash", &j]);
    assert!(line.contains("washed already"), "{line}");
    assert!(s.job(&j)["handover"]["washed_at"].is_string());
}

#[test]
fn delivery_is_held_to_what_the_customer_approved() {
    let s = Shop::staffed();
    let (j, l) = passed(&s, "ST-1");
    // The foreman re-prices after the work: above the approved estimate.
    s.ok(
        Some("Boss"),
        &[
            "line",
            "price",
            &l,
            "--hours",
            "3",
            "--reason",
            "seized bolts",
        ],
    );
    let inv = s.json(None, &["job", "invoice", &j]);
    assert_eq!(inv["totals"]["total"], 100_000); // 3 h × 300.00 + 100.00
    assert_eq!(inv["totals"]["approved"], 70_000); // 2 h × 300.00 + 100.00
    let text = s.ok(None, &["job", "invoice", &j]);
    assert!(
        text.contains("CNY 300.00 above what was approved"),
        "{text}"
    );
    let line = s.refused(Some("Ada"), &["job", "deliver", &j, "--paid", "card"]);
    assert!(
        line.contains("total CNY 1000.00 is CNY 300.00 above the CNY 700.00 the customer approved"),
        "{line}"
    );
    assert_eq!(s.status(&j), "qc_passed");
    let line = s.refused(
        Some("Ada"),
        &["job", "adjust", &j, "--amount", "300", "--reason", "ok"],
    );
    assert!(line.contains("only a foreman"), "{line}");
    let line = s.refused(
        Some("Boss"),
        &["job", "adjust", &j, "--amount", "-300", "--reason", "ok"],
    );
    assert!(line.contains("negative"), "{line}");
    let line = s.refused(
        Some("Boss"),
        &["job", "adjust", &j, "--amount", "300", "--reason", " "],
    );
    assert!(line.contains("reason: must not be empty"), "{line}");
    s.ok(
        Some("Boss"),
        &[
            "job",
            "adjust",
            &j,
            "--amount",
            "300",
            "--reason",
            "customer agreed at the counter",
        ],
    );
    let r = s.run(Some("Ada"), &["job", "deliver", &j, "--paid", "cheque"]);
    assert_eq!(r.code, 2, "a usage error");
    assert!(r.stderr.contains("one of: cash, card"), "{}", r.stderr);
    s.ok(
        Some("Ada"),
        &[
            "job",
            "deliver",
            &j,
            "--paid",
            "card",
            "--old-parts",
            "returned",
        ],
    );
    let h = &s.job(&j)["handover"];
    assert_eq!(h["paid"], "card");
    assert_eq!(h["old_parts"], "returned");
    assert_eq!(h["adjustments"][0]["by"], "Boss");
    let text = s.ok(None, &["job", "invoice", &j]);
    assert!(
        text.contains("paid: card") && text.contains("old parts returned"),
        "{text}"
    );
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
}

#[test]
fn the_printed_settlement_lines_up_with_chinese_text() {
    let s = Shop::staffed();
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "粤B·INV01",
                "--complaint",
                "刹车异响，前轮",
                "--complaint",
                "Oil change",
                "--customer",
                "李雷",
            ],
        )
        .trim()
        .to_string();
    let text = s.ok(None, &["job", "invoice", &j]);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("L-") || l.starts_with("Line"))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    let widths: Vec<usize> = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(*r))
        .collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}\n{text}");
    assert!(
        text.contains("Demo") || text.contains("Test Garage"),
        "{text}"
    );
    assert!(text.contains("粤B·INV01") && text.contains("李雷"));
    assert!(
        text.contains("TOTAL") && text.contains("CNY 0.00"),
        "{text}"
    );
}

#[test]
fn a_hand_over_without_wash_payment_or_old_parts_is_pointed_out() {
    let s = Shop::staffed();
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "300"]);
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "HO-1",
                "--complaint",
                "pads",
                "--return-old-parts",
            ],
        )
        .trim()
        .to_string();
    s.to_qc(&j);
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    let r = s.run(Some("Ada"), &["job", "deliver", &j]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("handed over unwashed"), "{}", r.stderr);
    assert!(
        r.stderr.contains("asked for the old parts back"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("no payment recorded (--paid)"),
        "{}",
        r.stderr
    );
}

/// Issue 20, finding 5: changing the labour rate used to rewrite past
/// invoices, the approved amount included (CNY 1,910.00 became 3,410.00).
/// A line keeps the rate it was priced at; new work takes the new rate.
#[test]
fn a_rate_change_never_moves_an_approved_or_delivered_amount() {
    let s = Shop::staffed();
    let (done, _) = passed(&s, "RATE-1");
    s.ok(Some("Ada"), &["job", "deliver", &done, "--paid", "cash"]);
    let (open, open_line) = passed(&s, "RATE-2");
    let total = |j: &str| s.json(None, &["job", "invoice", j])["totals"].clone();
    let before = (total(&done), total(&open));
    assert_eq!(
        before.0["total"], 70_000,
        "2 h at 300.00 and 100.00 of parts"
    );
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "1050"]);
    assert_eq!((total(&done), total(&open)), before, "nothing priced moved");
    let invoice = s.ok(None, &["job", "invoice", &done]);
    assert!(invoice.contains("700.00"), "{invoice}");
    assert!(
        invoice.contains("Labour at CNY 300.00 per hour"),
        "{invoice}"
    );
    // The open job is delivered at the price the customer approved.
    s.ok(Some("Ada"), &["job", "deliver", &open, "--paid", "cash"]);
    let line = s.lines(&open)[0].clone();
    assert_eq!(line["id"], open_line.as_str());
    assert_eq!(line["labour_rate"], 30_000);
    // Work priced from now on takes the new rate.
    let new = s.new_job("RATE-3");
    let l = s.first_line(&new);
    s.ok(Some("Ada"), &["line", "price", &l, "--hours", "2"]);
    assert_eq!(total(&new)["total"], 2 * 105_000);
}

/// A line made before the shop had any rate takes the first rate set, and
/// keeps it when the rate changes again.
#[test]
fn a_line_made_before_any_rate_keeps_the_first_one() {
    let s = Shop::staffed();
    let j = s.new_job("RATE-4");
    let l = s.first_line(&j);
    s.ok(Some("Ada"), &["line", "price", &l, "--hours", "1"]);
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "200"]);
    let total = || s.json(None, &["job", "invoice", &j])["totals"]["total"].clone();
    assert_eq!(total(), 20_000);
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "900"]);
    assert_eq!(total(), 20_000);
}

/// The shop's rule (the dealer process): every check-in takes the
/// walk-around or the customer's explicit no; a new shop starts with it.
#[test]
fn a_new_shop_checks_every_car_in_with_the_walk_around_or_the_customers_no() {
    let s = crate::common::Shop::fresh();
    s.ok(None, &["staff", "add", "Boss", "--role", "foreman"]);
    s.ok(Some("Boss"), &["staff", "add", "Ada", "--role", "advisor"]);
    let settings = s.json(Some("Ada"), &["shop", "show"]);
    assert_eq!(settings["walkaround_required"], true, "{settings}");
    let bare = ["job", "new", "--plate", "WR-1", "--complaint", "noise"];
    let refused = s.refused(Some("Ada"), &bare);
    assert!(
        refused.contains("walk-around") && refused.contains("declined"),
        "{refused}"
    );
    // Asking for the old parts back is the customer's wish, not a look.
    let wish = s.refused(Some("Ada"), &[&bare[..], &["--return-old-parts"]].concat());
    assert!(wish.contains("walk-around"), "{wish}");
    let looked = s.ok(Some("Ada"), &[&bare[..], &["--fuel", "4/8"]].concat());
    assert!(looked.trim().starts_with("J-"), "{looked}");
    let declined = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "WR-2",
                "--complaint",
                "noise",
                "--walkaround-declined",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(s.job(&declined)["walkaround"]["declined"], true);
    let shown = s.ok(Some("Ada"), &["job", "show", &declined]);
    assert!(shown.contains("declined by the customer"), "{shown}");
    // Declined and looked over at once is one or the other.
    let both = s.run(
        Some("Ada"),
        &[&bare[..], &["--fuel", "4/8", "--walkaround-declined"]].concat(),
    );
    assert_ne!(both.code, 0);
    // The foreman may make it optional: then a bare check-in is taken.
    s.refused(Some("Ada"), &["shop", "set", "--walkaround", "optional"]);
    s.ok(Some("Boss"), &["shop", "set", "--walkaround", "optional"]);
    s.ok(Some("Ada"), &bare);
}
