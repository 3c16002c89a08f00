//! Issue 22, first part: the published price list. Imported whole or not
//! at all, listed as text, JSON and CSV, every change an event; lines made
//! from it take its hours and prices, and keep them when the list changes.

use crate::common::Shop;

const OPS: &str = "code,name_en,name_zh,hours,bay_kind\n\
    BRK-PAD-F,Replace front brake pads,更换前刹车片,1.0,mechanical\n\
    MNT-10K,\"10,000 km service\",1万公里保养,1.5,quick\n";
const PARTS: &str = "number,name_en,name_zh,price\n\
    04465-02220,Front brake pads,前刹车片,620.00\n\
    90915-YZZE1,Oil filter,机油滤清器,48.00\n";

fn shop_with_list() -> Shop {
    let s = Shop::staffed();
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "300"]);
    let dir = s.dir.path();
    std::fs::write(dir.join("ops.csv"), OPS).unwrap();
    std::fs::write(dir.join("parts.csv"), PARTS).unwrap();
    let ops = dir.join("ops.csv");
    let said = s.ok(
        Some("Boss"),
        &["catalogue", "import", "--ops", ops.to_str().unwrap()],
    );
    assert!(said.contains("2 added"), "{said}");
    let parts = dir.join("parts.csv");
    s.ok(
        Some("Boss"),
        &["catalogue", "import", "--parts", parts.to_str().unwrap()],
    );
    s
}

#[test]
fn the_list_is_imported_whole_listed_and_every_change_is_an_event() {
    let s = shop_with_list();
    let text = s.ok(None, &["catalogue", "list"]);
    for want in [
        "BRK-PAD-F",
        "Replace front brake pads",
        "CNY 300.00",
        "04465-02220",
        "CNY 620.00",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    let zh = s.ok(
        None,
        &["--lang", "zh-CN", "catalogue", "list", "--find", "shache"],
    );
    assert!(
        zh.contains("更换前刹车片") && zh.contains("¥300.00"),
        "{zh}"
    );
    assert!(
        !zh.contains("机油"),
        "found by pinyin only what fits:\n{zh}"
    );
    let json = s.json(None, &["catalogue", "list", "--parts"]);
    assert_eq!(json["parts"][0]["price"], 62_000);
    assert!(json["ops"].is_null());
    // The CSV is the import's own form: it reads back the same.
    let csv = s.ok(None, &["catalogue", "list", "--ops", "--csv"]);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"10,000 km service\""), "{csv}");
    // Only a foreman publishes prices.
    let path = s.dir.path().join("parts.csv");
    let r = s.run(
        Some("Ada"),
        &["catalogue", "import", "--parts", path.to_str().unwrap()],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // A new price is an event naming the old one.
    std::fs::write(&path, PARTS.replace("620.00", "660.00")).unwrap();
    let said = s.ok(
        Some("Boss"),
        &["catalogue", "import", "--parts", path.to_str().unwrap()],
    );
    assert!(
        said.contains("1 changed") && said.contains("1 unchanged"),
        "{said}"
    );
    let events: i64 = s
        .sql()
        .query_row(
            "SELECT count(*) FROM events WHERE kind = 'catalogue_part_changed'
               AND params LIKE '%62000%' AND params LIKE '%66000%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(events, 1);
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
}

#[test]
fn a_file_with_bad_rows_names_each_and_imports_nothing() {
    let s = Shop::staffed();
    let path = s.dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "code,name_en,name_zh,hours\nOK-1,Fine,好,1.0\n,No code,无,1\nBAD-H,Hours,时,lots\nOK-1,Twice,又,2\n",
    )
    .unwrap();
    let r = s.run(
        Some("Boss"),
        &["catalogue", "import", "--ops", path.to_str().unwrap()],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for want in [
        "line 3",
        "line 4",
        "line 5",
        "3 rows were refused",
        "nothing was imported",
    ] {
        assert!(r.stderr.contains(want), "{want}:\n{}", r.stderr);
    }
    let list = s.json(None, &["catalogue", "list"]);
    assert_eq!(list["ops"].as_array().unwrap().len(), 0, "{list}");
    let r = s.run(
        Some("Boss"),
        &[
            "--lang",
            "zh-CN",
            "catalogue",
            "import",
            "--ops",
            path.to_str().unwrap(),
        ],
    );
    assert!(
        r.stderr.contains("第 3 行") && r.stderr.contains("未导入任何内容"),
        "{}",
        r.stderr
    );
}

#[test]
fn lines_take_the_lists_hours_and_prices_and_keep_them() {
    let s = shop_with_list();
    let job = s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤B·CAT01",
            "--complaint",
            "刹车异响",
            "--op",
            "BRK-PAD-F",
        ],
    );
    let job = job.trim();
    let part = s.ok(Some("Ada"), &["line", "add", job, "--part", "04465-02220"]);
    let lines = s.lines(job);
    let op = lines.iter().find(|l| l["op"] == "BRK-PAD-F").unwrap();
    assert_eq!(op["hours"], 1.0);
    assert_eq!(op["list_price"], 30_000);
    assert_eq!(op["work"], "Replace front brake pads");
    let p = lines.iter().find(|l| l["id"] == part.trim()).unwrap();
    assert_eq!(
        (p["amount"].as_i64(), p["qty"].as_i64()),
        (Some(62_000), Some(1))
    );
    // Another price needs a reason; with one it is an event and the line's price.
    let r = s.run(
        Some("Ada"),
        &[
            "line",
            "add",
            job,
            "--part",
            "90915-YZZE1",
            "--qty",
            "2",
            "--price",
            "80",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--reason"), "{}", r.stderr);
    s.ok(
        Some("Ada"),
        &[
            "line",
            "add",
            job,
            "--op",
            "MNT-10K",
            "--price",
            "400",
            "--reason",
            "会员价",
        ],
    );
    let off = s.job(job)["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "line_off_list")
        .count();
    assert_eq!(off, 1);
    // The list changes; the lines made keep what they were made with.
    let path = s.dir.path().join("ops.csv");
    std::fs::write(&path, OPS.replace(",1.0,mechanical", ",2.0,mechanical")).unwrap();
    s.ok(
        Some("Boss"),
        &["catalogue", "import", "--ops", path.to_str().unwrap()],
    );
    let settlement = s.json(Some("Ada"), &["job", "invoice", job]);
    // The complaint line (unpriced), the op at 1.0 h, the pads, the agreed 400.
    assert_eq!(
        settlement["totals"]["total"],
        30_000 + 62_000 + 40_000,
        "{settlement}"
    );
    assert_eq!(settlement["totals"]["approved"], 30_000 + 62_000 + 40_000);
    let text = s.ok(Some("Ada"), &["job", "invoice", job]);
    assert!(
        text.contains("list price CNY 450.00; changed: 会员价"),
        "{text}"
    );
    let r = s.run(Some("Ada"), &["line", "add", job, "--op", "NOPE"]);
    assert!(r.stderr.contains("catalogue list"), "{}", r.stderr);
}

#[test]
fn the_estimate_accepted_at_reception_is_what_delivery_is_held_against() {
    let s = shop_with_list();
    let job = s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤B·EST01",
            "--complaint",
            "刹车异响",
            "--op",
            "BRK-PAD-F",
            "--op",
            "MNT-10K",
        ],
    );
    let job = job.trim();
    // 1.0 h + 1.5 h at ¥300.00: what the customer accepted, and its event.
    let shown = s.job(job);
    assert_eq!(shown["estimate_accepted"], 75_000, "{shown}");
    let created = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "created")
        .unwrap()
        .to_string();
    assert!(
        created.contains(r#""estimate":{"currency":"CNY","money":75000}"#),
        "{created}"
    );
    let zh = s.ok(Some("Ada"), &["--lang", "zh-CN", "job", "show", job]);
    assert!(zh.contains("估价（客户已确认）：¥750.00"), "{zh}");
    // While the job waits a quoted line may be priced again, and its own
    // approval moves along; the estimate the customer accepted does not.
    let pads = s
        .lines(job)
        .into_iter()
        .find(|l| l["op"] == "BRK-PAD-F")
        .unwrap();
    let pads = pads["id"].as_str().unwrap();
    s.ok(Some("Ada"), &["line", "price", pads, "--hours", "2"]);
    s.to_qc(job);
    s.ok(Some("Quinn"), &["qc", "pass", job]);
    let inv = s.json(None, &["job", "invoice", job]);
    assert_eq!(inv["totals"]["total"], 105_000, "{inv}");
    assert_eq!(inv["totals"]["estimate"], 75_000);
    assert_eq!(inv["totals"]["approved"], 75_000);
    let text = s.ok(None, &["job", "invoice", job]);
    assert!(
        text.contains("Estimate accepted at reception") && text.contains("CNY 750.00"),
        "{text}"
    );
    let line = s.refused(Some("Ada"), &["job", "deliver", job, "--paid", "card"]);
    assert!(line.contains("above the CNY 750.00"), "{line}");
    // The difference goes through as a foreman's adjustment, with a reason.
    s.ok(
        Some("Boss"),
        &[
            "job",
            "adjust",
            job,
            "--amount",
            "300",
            "--reason",
            "seized caliper",
        ],
    );
    s.ok(Some("Ada"), &["job", "deliver", job, "--paid", "card"]);
}
