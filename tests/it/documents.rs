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

/// Issue 22: `print --pdf` makes a real A4 PDF that a tool nobody here
/// wrote reads back: the plate, the lines, the total and the Chinese
/// labels; a job of forty lines breaks onto more pages, each numbered.
#[test]
fn a_pdf_that_poppler_reads_back() {
    let have = |tool: &str| std::process::Command::new(tool).arg("-v").output().is_ok();
    if !have("pdftotext") || !have("pdfinfo") {
        crate::common::skip(
            "a_pdf_that_poppler_reads_back",
            "no pdftotext/pdfinfo (poppler-utils)",
        );
        return;
    }
    let s = Shop::staffed();
    let job = s.new_job("粤B·PDF01");
    for i in 0..40 {
        let work = format!("更换刹车片 {i}");
        s.ok(
            Some("Ada"),
            &["line", "add", &job, "--work", &work, "--hours", "0.5"],
        );
    }
    let pdf = s.dir.path().join("ro.pdf");
    let r = s.run(
        Some("Ada"),
        &[
            "--lang",
            "zh-CN",
            "print",
            "ro",
            &job,
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    if r.stderr.contains("fonts-noto-cjk") {
        crate::common::skip(
            "a_pdf_that_poppler_reads_back",
            "no Chinese font (fonts-noto-cjk)",
        );
        return;
    }
    assert_eq!(r.code, 0, "{}", r.stderr);
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("595 x 842 pts (A4)"), "{info}");
    let pages: i64 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    assert!(pages >= 2, "forty lines on {pages} page(s)");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for want in [
        "委托书",
        "粤B·PDF01",
        "更换刹车片 0",
        "更换刹车片 39",
        "估价（客户已确认）",
        "客户签字",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    assert!(text.contains(&format!("第 {pages}/{pages} 页")), "{text}");
}

/// Issue 22: `--printer NAME` hands the PDF to CUPS's `lp` for that queue
/// (here an `lp` that keeps what it is given, as cups-pdf would); with no
/// `lp` at all, one line says what to install.
#[test]
fn a_print_goes_to_the_named_printer_through_lp() {
    if bayboard::present::pdf::find_font().is_err() {
        crate::common::skip(
            "a_print_goes_to_the_named_printer_through_lp",
            "no Chinese font (fonts-noto-cjk)",
        );
        return;
    }
    let s = Shop::staffed();
    let job = s.new_job("粤B·LP001");
    let (path, kept) = crate::common::fake_lp(s.dir.path());
    let mut cmd = crate::common::bin_on(&s.db);
    cmd.env("PATH", &path)
        .args(["--as", "Ada", "print", "ro", &job, "--printer", "Counter"]);
    let r = crate::common::run(&mut cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("sent to the printer Counter"),
        "{}",
        r.stdout
    );
    let args = std::fs::read_to_string(kept.with_extension("args")).unwrap();
    assert!(args.contains("-d Counter") && args.contains("ro"), "{args}");
    let pdf = std::fs::read(kept.with_extension("pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "{} bytes", pdf.len());
    // The shop's printers: the first is where `--printer` without a name
    // goes; none set, CUPS chooses (no -d).
    let refused = s.refused(Some("Boss"), &["shop", "set", "--printer", "Front desk"]);
    assert!(refused.contains("lpstat -e"), "{refused}");
    s.ok(
        Some("Boss"),
        &["shop", "set", "--printer", "前台", "--printer", "Workshop"],
    );
    let shown = s.json(None, &["shop", "show"]);
    assert_eq!(shown["printers"], serde_json::json!(["前台", "Workshop"]));
    let text = s.ok(None, &["shop", "show"]);
    assert!(
        text.contains("前台, Workshop (the first is the default)"),
        "{text}"
    );
    let to_default = |s: &Shop| {
        let mut cmd = crate::common::bin_on(&s.db);
        cmd.env("PATH", &path)
            .args(["--as", "Ada", "print", "ro", &job, "--printer"]);
        let r = crate::common::run(&mut cmd);
        assert_eq!(r.code, 0, "{}", r.stderr);
        (
            r.stdout,
            std::fs::read_to_string(kept.with_extension("args")).unwrap(),
        )
    };
    let (said, args) = to_default(&s);
    assert!(args.contains("-d 前台"), "{args}");
    assert!(said.contains("sent to the printer 前台"), "{said}");
    s.ok(Some("Boss"), &["shop", "set", "--printer", ""]);
    let (said, args) = to_default(&s);
    assert!(!args.contains("-d"), "{args}");
    assert!(said.contains("CUPS's default printer"), "{said}");
    // No lp at all: said plainly.
    let empty = s.dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let mut cmd = crate::common::bin_on(&s.db);
    cmd.env("PATH", &empty)
        .args(["--as", "Ada", "print", "ro", &job, "--printer", "Counter"]);
    let prints = |s: &Shop| {
        s.job(&job)["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "printed")
            .count()
    };
    let before = prints(&s);
    let r = crate::common::run(&mut cmd);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("cups-client"), "{}", r.stderr);
    assert_eq!(prints(&s), before, "a print that never left is no copy");
    // A printer name CUPS could not have is refused before anything.
    let r = s.run(Some("Ada"), &["print", "ro", &job, "--printer", "bad name"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("lpstat -e"), "{}", r.stderr);
}

/// Issue 22 with the real thing: CUPS and its `cups-pdf` virtual printer
/// (a queue named PDF, set up by `.ci/run` when it can) take the
/// settlement and write it as a file, an A4 page poppler can open.
#[test]
fn a_settlement_printed_on_the_cups_pdf_printer_becomes_a_file() {
    const TEST: &str = "a_settlement_printed_on_the_cups_pdf_printer_becomes_a_file";
    let queues = std::process::Command::new("lpstat").arg("-e").output();
    let has_pdf = queues.as_ref().is_ok_and(|o| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .any(|l| l == "PDF")
    });
    if !has_pdf || bayboard::present::pdf::find_font().is_err() {
        crate::common::skip(
            TEST,
            "no CUPS queue named PDF (cups-pdf) or no Chinese font",
        );
        return;
    }
    let s = Shop::staffed();
    let job = s.ready_for_qc("粤B·CUPS1");
    s.ok(Some("Quinn"), &["qc", "pass", &job]);
    let said = s.ok(
        Some("Ada"),
        &["print", "settlement", &job, "--printer", "PDF"],
    );
    assert!(said.contains("sent to the printer PDF"), "{said}");
    // cups-pdf writes to ~/PDF of the job's owner, named after the title.
    let out = std::path::PathBuf::from(std::env::var("HOME").unwrap()).join("PDF");
    let wanted = format!("{job}_settlement");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let file = loop {
        let found = std::fs::read_dir(&out).ok().and_then(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&wanted))
                })
                .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        });
        match found {
            Some(f) if std::fs::metadata(&f).is_ok_and(|m| m.len() > 1000) => break f,
            _ if std::time::Instant::now() > deadline => {
                panic!("cups-pdf wrote no {wanted}* into {}", out.display())
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(200)),
        }
    };
    // Written whole before it is read: cups-pdf renames nothing, so wait
    // for poppler to open it.
    let mut info = String::new();
    for _ in 0..50 {
        let o = std::process::Command::new("pdfinfo")
            .arg(&file)
            .output()
            .unwrap();
        info = String::from_utf8_lossy(&o.stdout).to_string();
        if o.status.success() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(
        info.contains("(A4)") && info.contains("Pages:           1"),
        "{info}"
    );
    let _ = std::fs::remove_file(&file);
}
