//! Issue 22: the paperwork as text — each document for a demo job, in
//! English and in Chinese, compared with its snapshot; the gate pass
//! refused until the car passed QC and was paid for; every print an event.

use crate::common::Shop;
use bayboard::domain::documents::Document;
use bayboard::present::documents::{Paper, text};
use bayboard::present::lang::{Lang, scoped};

fn paper(number: i64, doc: Document, lang: Lang) -> String {
    let (_dir, db) = crate::tuikit::demo_copy();
    let ws = bayboard::workshop::Workshop::open(&db).unwrap();
    let now = crate::tuikit::now();
    let detail = bayboard::read::detail::load_detail(ws.store(), number, now).unwrap();
    let settlement = ws.settlement(number).unwrap();
    let tz = crate::tuikit::tz();
    let p = Paper {
        doc,
        copy: 1,
        detail: &detail,
        settlement: &settlement,
        now,
        tz: &tz,
    };
    scoped(lang, || text(&p))
}

#[test]
fn every_document_in_both_languages() {
    // J-000002: delivered, with a declined safety line; J-000021 at work.
    for (number, doc) in [
        (2, Document::RepairOrder),
        (21, Document::JobCard),
        (2, Document::AddedWork),
        (2, Document::Settlement),
        (2, Document::GatePass),
    ] {
        for lang in Lang::ALL {
            let page = paper(number, doc, lang);
            for row in page.lines() {
                assert!(bayboard::text::width(row) <= 78, "{doc:?} too wide: {row}");
            }
            insta::assert_snapshot!(format!("{}_{}", doc.as_str(), lang.tag()), page);
        }
    }
    let settlement = paper(2, Document::Settlement, Lang::ZhCn);
    assert!(
        settlement.contains("客户拒做的安全隐患项目"),
        "{settlement}"
    );
    assert!(settlement.contains("Rear tyres at 2 mm"), "{settlement}");
}

#[test]
fn a_gate_pass_waits_for_the_qc_pass_and_payment_and_each_print_is_recorded() {
    let s = Shop::staffed();
    let job = s.new_job("粤B·GATE1");
    let r = s.run(Some("Ada"), &["print", "gate", &job]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("no gate pass"), "{}", r.stderr);
    let ro = s.ok(Some("Ada"), &["print", "ro", &job]);
    assert!(
        ro.contains("REPAIR ORDER") && ro.contains("粤B·GATE1") && ro.contains("copy 1"),
        "{ro}"
    );
    let again = s.json(Some("Ada"), &["print", "ro", &job]);
    assert_eq!(again["copy"], 2);
    s.to_qc(&job);
    s.ok(Some("Quinn"), &["qc", "pass", &job]);
    let r = s.run(Some("Ada"), &["print", "gate", &job]);
    assert_eq!(r.code, 1, "not paid yet: {}", r.stderr);
    s.ok(Some("Ada"), &["job", "deliver", &job, "--paid", "card"]);
    let gate = s.ok(Some("Ada"), &["--lang", "zh-CN", "print", "gate", &job]);
    assert!(gate.contains("出门证") && gate.contains("刷卡"), "{gate}");
    let prints: Vec<String> = s.job(&job)["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "printed")
        .map(|e| {
            e["said"]["args"]["document"]["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(prints, ["ro", "ro", "gate"]);
}
