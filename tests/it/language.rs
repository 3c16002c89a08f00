//! Issue 21 (first part): the language a person reads. `--lang`,
//! `BAYBOARD_LANG`, the shop's language; refusals, states, event words,
//! money and dates in Chinese; JSON the same in both.

use crate::common::{Shop, bin_on, run};

#[test]
fn a_refusal_reads_in_the_language_asked_for() {
    let s = Shop::staffed();
    let j = s.new_job("粤A·H2526");
    let r = s.run(Some("Tina"), &["--lang", "zh-CN", "job", "start", &j]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("当前为待派工"), "{}", r.stderr);
    let r = s.run(Some("Tina"), &["job", "start", &j]);
    assert!(
        r.stderr.contains("is waiting"),
        "English by default: {}",
        r.stderr
    );
    let r = run(bin_on(&s.db)
        .env("BAYBOARD_LANG", "zh-CN")
        .args(["--as", "Tina", "job", "start", &j]));
    assert!(r.stderr.contains("当前为待派工"), "{}", r.stderr);
    let r = s.run(None, &["--lang", "klingon", "board"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("en, zh-CN"), "{}", r.stderr);
}

#[test]
fn the_shops_language_is_every_terminals_unless_one_asks_otherwise() {
    let s = Shop::staffed();
    let j = s.new_job("京N·12345");
    let r = s.run(Some("Ada"), &["shop", "set", "--language", "zh-CN"]);
    assert_eq!(r.code, 1, "only a foreman sets it: {}", r.stdout);
    s.ok(Some("Boss"), &["shop", "set", "--language", "zh-CN"]);
    let r = run(bin_on(&s.db)
        .env_remove("LANG")
        .args(["--as", "Tina", "job", "start", &j]));
    assert!(r.stderr.contains("当前为待派工"), "{}", r.stderr);
    let r = s.run(Some("Tina"), &["--lang", "en", "job", "start", &j]);
    assert!(r.stderr.contains("is waiting"), "{}", r.stderr);
    let show = s.ok(None, &["job", "show", &j]);
    assert!(show.contains("接车"), "the timeline's words: {show}");
}

#[test]
fn json_is_the_same_in_both_languages() {
    let s = Shop::staffed();
    let j = s.delivered("沪C·8K2L1");
    for args in [
        &["job", "show", j.as_str(), "--json"][..],
        &["board", "--json"],
        &["job", "invoice", j.as_str()],
        &["staff", "list", "--json"],
    ] {
        let en = s.run(None, &[&["--lang", "en"][..], args].concat());
        let zh = s.run(None, &[&["--lang", "zh-CN"][..], args].concat());
        assert_eq!(en.code, 0, "{args:?}: {}", en.stderr);
        if args.contains(&"--json") {
            // The board's moment of reading is its own.
            let codes = |out: &str| {
                let mut v: serde_json::Value = serde_json::from_str(out).unwrap();
                v.as_object_mut().map(|o| o.remove("at"));
                v
            };
            assert_eq!(codes(&en.stdout), codes(&zh.stdout), "{args:?}");
        }
    }
}

/// Issue 21, plates: `粤A·H2526`, `粤AH2526` and `粤a h2526` are one car. A
/// check-in of any spelling finds the earlier visit's declined work and
/// the comeback link, and its make and model.
#[test]
fn a_car_is_found_however_its_plate_is_typed() {
    let s = Shop::staffed();
    let first = s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤A·H2526",
            "--complaint",
            "刹车异响",
            "--make",
            "Toyota",
            "--model",
            "Corolla",
        ],
    );
    let first = first.trim().to_string();
    s.to_qc(&first);
    s.ok(Some("Quinn"), &["qc", "pass", &first]);
    s.ok(Some("Ada"), &["job", "deliver", &first]);
    for (n, typed) in ["粤AH2526", "粤a h2526", "粤Ａ－Ｈ２５２６"]
        .into_iter()
        .enumerate()
    {
        let r = s.run(
            Some("Ada"),
            &["job", "new", "--plate", typed, "--complaint", "还是有异响"],
        );
        assert_eq!(r.code, 0, "{typed}: {}", r.stderr);
        let j = r.stdout.trim().to_string();
        let job = s.job(&j);
        assert_eq!(job["vehicle"]["make"], "Toyota", "{typed}: {job}");
        if n == 0 {
            assert!(r.stderr.contains("comeback of"), "{typed}: {}", r.stderr);
            assert_eq!(job["comeback_of"], first.as_str(), "{job}");
        }
        s.ok(Some("Boss"), &["job", "cancel", &j, "--reason", "test"]);
    }
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
    // The spellings on record are named as one car, and a second VIN under
    // the plate as another car, kept apart: notes, not faults.
    for vin in ["1HGCM82633A004352", "LSVAB2BM1HN123456"] {
        let j = s.ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "粤AH2526",
                "--complaint",
                "保养",
                "--vin",
                vin,
            ],
        );
        s.ok(
            Some("Boss"),
            &["job", "cancel", j.trim(), "--reason", "test"],
        );
    }
    // Named as a comeback under another spelling of the plate, it is one.
    let again = s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤a-h2526",
            "--complaint",
            "异响",
            "--comeback-of",
            &first,
        ],
    );
    assert_eq!(s.job(again.trim())["comeback_of"], first.as_str());
    s.ok(
        Some("Boss"),
        &["job", "cancel", again.trim(), "--reason", "test"],
    );
    let r = s.run(None, &["check", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("粤A·H2526") && notes.contains("one plate typed"),
        "{notes}"
    );
    assert!(
        notes.contains("LSVAB2BM1HN123456") && notes.contains("kept apart"),
        "{notes}"
    );
    let zh = s.run(None, &["--lang", "zh-CN", "check"]);
    assert!(
        zh.stdout.contains("提示：") && zh.stdout.contains("同一车牌的不同写法"),
        "{}",
        zh.stdout
    );
    // A plate changed with sqlite3 is no longer filed under its own key.
    s.sql()
        .execute_batch("UPDATE vehicles SET plate = '粤B·99999' WHERE id = 1")
        .unwrap();
    let problems = s.check_problems().join("\n");
    assert!(
        problems.contains("plate 粤B·99999 is filed as 粤AH2526"),
        "{problems}"
    );
}

/// Issue 21: the board's frames, titles, columns, footer and the login
/// screen read in Chinese at 80×24 (the forms and other views follow).
#[test]
fn the_board_and_the_login_screen_read_in_chinese() {
    use bayboard::present::lang::{Lang, scoped};
    let f = crate::tuikit::demo(Some("Chen Li"), None);
    let screen = scoped(Lang::ZhCn, || crate::tuikit::render(&f.app, 80, 24));
    for zh in ["看板", "工位", "车牌", "技师", "状态", "派工"] {
        assert!(screen.contains(zh), "{zh}:\n{screen}");
    }
    for en in ["BAYS", "Plate", "Technician", "dispatch", "free"] {
        assert!(!screen.contains(en), "{en}:\n{screen}");
    }
    // At 200×60 the header names the roles and the queue how long each waited.
    let wide = scoped(Lang::ZhCn, || crate::tuikit::render(&f.app, 200, 60));
    for zh in ["Chen Li（车间主管）", "已等", "结算工时"] {
        assert!(wide.contains(zh), "{zh}:\n{wide}");
    }
    for en in ["(foreman)", "waited", " of "] {
        assert!(!wide.contains(en), "{en}:\n{wide}");
    }
    let login = crate::tuikit::demo(None, None);
    let screen = scoped(Lang::ZhCn, || crate::tuikit::render(&login.app, 80, 24));
    assert!(screen.contains("请选择登录人员"), "{screen}");
    assert!(
        screen.contains("车间主管") && screen.contains("技师"),
        "roles: {screen}"
    );
    assert!(screen.contains("登录"), "the footer: {screen}");
}

/// Issue 21, item 7: `job find` by number, a plate however typed or its
/// last characters, a phone or part of it, and a customer's name in pinyin.
#[test]
fn a_job_is_found_by_plate_digits_phone_or_pinyin() {
    let s = Shop::staffed();
    let mine = s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤A·H2526",
            "--complaint",
            "刹车异响",
            "--customer",
            "张敏",
            "--phone",
            "138 0013 8000",
        ],
    );
    let mine = mine.trim().to_string();
    let other = s.new_job("京N·77777");
    let found = |text: &str| -> Vec<String> {
        s.json(None, &["job", "find", text])
            .as_array()
            .unwrap()
            .iter()
            .map(|j| j["number"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    for text in [
        "粤AH2526",
        "粤a h2526",
        "2526",
        "H2526",
        "0013 8000",
        "13800138000",
        "zm",
        "zhangmin",
        "张",
    ] {
        assert_eq!(found(text), vec![mine.clone()], "{text}");
    }
    assert_eq!(found(&other), vec![other.clone()]);
    assert_eq!(
        found(other.trim_start_matches("J-").trim_start_matches('0')),
        vec![other.clone()]
    );
    assert!(found("nothing-like-it").is_empty());
    let text = s.ok(None, &["--lang", "zh-CN", "job", "find", "2526"]);
    assert!(text.contains("粤A·H2526"), "{text}");
}

/// The CLI's listings say codes in the reader's words: no `normal`,
/// `open` or `blocking` reaches a Chinese listing (found on a last read).
#[test]
fn the_listings_say_their_codes_in_chinese() {
    let s = Shop::staffed();
    let j = s.new_job("粤B·88888");
    s.at_work(&j);
    s.ok(
        Some("Tina"),
        &[
            "parts",
            "log",
            &j,
            "--part",
            "刹车片",
            "--kind",
            "out_of_stock",
            "--blocking",
        ],
    );
    let jobs = s.ok(None, &["--lang", "zh-CN", "job", "list"]);
    assert!(jobs.contains("普通") && !jobs.contains("normal"), "{jobs}");
    let parts = s.ok(None, &["--lang", "zh-CN", "parts", "list"]);
    for zh in ["未处理", "停工待料", "缺货"] {
        assert!(parts.contains(zh), "{zh}: {parts}");
    }
    for code in ["open", "blocking", "out_of_stock"] {
        assert!(!parts.contains(code), "{code}: {parts}");
    }
}

/// Issue 21, item 5: `--tech` and `--as` find a person as the login
/// screen does — pinyin whole, with a space, initials or a character —
/// when exactly one fits; several are listed to choose from.
#[test]
fn the_command_line_finds_people_by_pinyin_or_lists_the_candidates() {
    for typed in ["zm", "zhangmin", "zhang min", "张"] {
        let shop = crate::common::Shop::demo();
        let said = shop.ok(
            Some("chen li"),
            &[
                "job", "dispatch", "J-000015", "--bay", "A1", "--tech", typed,
            ],
        );
        assert!(said.contains("张敏"), "{typed}: {said}");
    }
    let shop = crate::common::Shop::demo();
    let r = shop.run(Some("l"), &["job", "priority", "J-000016", "urgent"]);
    assert_ne!(r.code, 0);
    for name in ["Chen Li", "Li Na", "刘洋"] {
        assert!(r.stderr.contains(name), "{name}: {}", r.stderr);
    }
    // A Latin name is found whole as before, and by its part when that
    // part is nobody else's.
    let said = shop.ok(Some("Olga Petrova"), &["job", "list"]);
    assert!(!said.is_empty());
    let r = shop.run(Some("wang"), &["job", "pause", "J-000021"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let job = shop.ok(None, &["job", "show", "J-000021"]);
    assert!(job.contains("Wang Wei"), "{job}");
}

/// Issue 21: `/` finds a car on the board however its plate is typed, or
/// by its owner's name in pinyin, and ⏎ opens the job — at 80×24, where
/// the lists hide rows.
#[test]
fn slash_finds_a_job_on_the_board_and_opens_it() {
    use crate::tuikit::{chars, key, render};
    use bayboard::present::lang::{Lang, scoped};
    use ratatui::crossterm::event::KeyCode;
    let mut f = crate::tuikit::demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "b 2q8l5");
    let screen = scoped(Lang::ZhCn, || render(&f.app, 80, 24));
    assert!(screen.contains("查找工单"), "{screen}");
    assert!(
        screen.contains("J-000021") && screen.contains("符合 1 张"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Enter);
    let job = f.app.model.detail.as_ref().map(|d| d.job.id);
    assert_eq!(job, Some(21), "{}", render(&f.app, 80, 24));
    // By the customer's name in pinyin, the highlighted one of several:
    // 赵磊 has two cars on the board.
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "zhaolei");
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains("J-000018") && screen.contains("J-000019"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Enter);
    let job = f.app.model.detail.as_ref().map(|d| d.job.id);
    assert!(matches!(job, Some(18) | Some(19)), "{job:?}");
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "nothing-like-this");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.flash().is_empty());
    assert!(render(&f.app, 80, 24).contains("nothing on the board fits"));
}

/// Issue 21, item 6: plates on record typed more than one way are one car
/// once the canonical plate reads them together; the merge is recorded in
/// the log, once, with the spellings.
#[test]
fn plates_typed_two_ways_are_recorded_as_merged_once() {
    let s = Shop::staffed();
    s.sql()
        .execute_batch(
            "INSERT INTO vehicles (plate, plate_key) VALUES ('粤AH2526', '粤AH2526'),
                                                         ('粤A·H2526', '粤AH2526'),
                                                         ('京N·5M2P8', '京N5M2P8');",
        )
        .unwrap();
    let mut ws = bayboard::workshop::Workshop::open(&s.db).unwrap();
    assert_eq!(ws.record_plate_merges().unwrap(), 1);
    assert_eq!(ws.record_plate_merges().unwrap(), 0, "once");
    let said: String = s
        .sql()
        .query_row(
            "SELECT params FROM events WHERE kind = 'vehicles_merged'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        said.contains("粤A·H2526") && said.contains("粤AH2526,"),
        "{said}"
    );
    assert!(!said.contains("京N"), "{said}");
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
}
