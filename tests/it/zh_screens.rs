//! Issue 21: every screen in zh-CN, read for English. A run of three or
//! more Latin letters on a Chinese screen is a defect unless it is what the
//! shop typed (a name, a plate, the work, a note), a unit, or a key's name
//! as printed on the keyboard.

use crate::tuikit::*;
use bayboard::present::lang::{Lang, scoped};
use bayboard::tui::App;
use bayboard::tui::model::View;
use ratatui::crossterm::event::KeyCode;
use std::collections::{BTreeMap, BTreeSet};

/// Key names as printed on keys, units and codes a person types or reads
/// the same in every language.
const ALLOWED: &[&str] = &[
    "Esc",
    "Tab",
    "Enter",
    "PgUp",
    "PgDn",
    "Ctrl",
    "Shift",
    "Home",
    "End",
    "Backspace",
    "PIN",
    "VIN",
    "CNY",
    "km",
    "SSH",
    "bayboard",
    // An IANA zone name is typed as it is (`shop set --timezone`).
    "Asia",
    "Shanghai",
];

/// Every word the shop itself typed into the demo: names, plates, work,
/// notes, makes and models.
fn typed_words(db: &std::path::Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let columns = [
        ("staff", "name"),
        ("staff_skills", "skill"),
        ("customers", "name"),
        ("vehicles", "plate"),
        ("vehicles", "vin"),
        ("vehicles", "make"),
        ("vehicles", "model"),
        ("jobs", "complaint"),
        ("lines", "work"),
        ("lines", "note"),
        ("lines", "customer_name"),
        ("parts_issues", "part"),
        ("parts_issues", "note"),
        ("complaints", "text"),
        ("complaints", "plate"),
        ("appointments", "work"),
        ("appointments", "customer"),
        ("appointments", "plate"),
        ("walkarounds", "valuables"),
        ("walkarounds", "warning_lights"),
        ("damages", "place"),
        ("damages", "what"),
        ("adjustments", "reason"),
        ("followup_tries", "note"),
        ("qc_inspections", "note"),
        ("qc_items", "note"),
        ("bays", "name"),
        ("events", "note"),
        ("catalogue_ops", "code"),
        ("catalogue_parts", "number"),
        ("shop", "name"),
        // CUPS queue names, one per line.
        ("shop", "printers"),
    ];
    let mut words = BTreeSet::new();
    for (table, column) in columns {
        let sql = format!("SELECT {column} FROM {table} WHERE {column} IS NOT NULL");
        let mut st = conn.prepare(&sql).unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
        for text in rows {
            words.extend(latin_runs(&text.unwrap()));
        }
    }
    words
}

/// Runs of three or more Latin letters, leaving out codes: a token with a
/// digit or an underscore (a hash, a VIN, `no_leaks`) or a command's name
/// in full-width brackets after its Chinese (开工（start）).
fn latin_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')) {
        if token.chars().any(|c| c.is_ascii_digit() || c == '_') {
            continue;
        }
        for part in token.split('-') {
            if part.len() >= 3 && !text.contains(&format!("（{part}）")) {
                runs.push(part.to_string());
            }
        }
    }
    runs
}

/// The English left on a screen: each word with the first line it was on.
fn english(screen: &str, typed: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in screen.lines() {
        // The test terminal notes wide symbols after the row; not drawn.
        let line = line
            .split("\" Hidden by multi-width")
            .next()
            .unwrap_or(line);
        for word in latin_runs(line) {
            // A typed word cut at the edge of a column is still typed.
            let known = ALLOWED.contains(&word.as_str())
                || typed.contains(&word)
                || typed.iter().any(|t| t.starts_with(&word));
            if !known {
                found.push((word, line.trim().to_string()));
            }
        }
    }
    found
}

/// Keys that open a form, a question or a message in some view.
const KEYS: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Char('?'),
    KeyCode::Char('n'),
    KeyCode::Char('d'),
    KeyCode::Char('a'),
    KeyCode::Char('x'),
    KeyCode::Char('C'),
    KeyCode::Char('u'),
    KeyCode::Char('l'),
    KeyCode::Char('o'),
    KeyCode::Char('v'),
    KeyCode::Char('w'),
    KeyCode::Char('i'),
    KeyCode::Char('r'),
    KeyCode::Char('m'),
    KeyCode::Char('c'),
    KeyCode::Char('p'),
    KeyCode::Char('f'),
    KeyCode::Char('s'),
    KeyCode::Char('D'),
    KeyCode::Char('t'),
    KeyCode::Char('['),
    KeyCode::Char(']'),
    KeyCode::Char('/'),
];

fn look(
    app: &App,
    what: &str,
    typed: &BTreeSet<String>,
    out: &mut BTreeMap<String, (String, String)>,
) {
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = scoped(Lang::ZhCn, || render(app, w, h));
        for (word, line) in english(&screen, typed) {
            out.entry(word)
                .or_insert_with(|| (format!("{what} {w}x{h}"), line));
        }
    }
}

/// Every view each person may open, with its help, each form and question
/// its keys open and the messages they leave.
#[test]
fn no_english_word_reaches_a_chinese_screen() {
    let mut found = BTreeMap::new();
    let login = demo(None, None);
    let typed = typed_words(&login.db());
    look(&login.app, "login", &typed, &mut found);
    let people = [
        ("Chen Li", None),
        ("Emma Clark", None),
        ("刘洋", None),
        ("Wang Wei", Some("B1")),
        ("Priya Nair", None),
        ("Olga Petrova", None),
        ("Sam Okafor", None),
    ];
    for (who, bay) in people {
        let mut f = demo(Some(who), bay);
        for view in View::ALL {
            key(&mut f.app, KeyCode::Char(view.key()));
            if f.app.model.view != view {
                continue;
            }
            let here = format!("{who} {view:?}");
            look(&f.app, &here, &typed, &mut found);
            for k in KEYS {
                scoped(Lang::ZhCn, || key(&mut f.app, *k));
                look(&f.app, &format!("{here} {k:?}"), &typed, &mut found);
                for _ in 0..3 {
                    key(&mut f.app, KeyCode::Esc);
                }
                key(&mut f.app, KeyCode::Char(view.key()));
            }
        }
    }
    // Inside the inspection: items marked, a note being typed.
    let mut f = demo(Some("Olga Petrova"), None);
    scoped(Lang::ZhCn, || {
        key(&mut f.app, KeyCode::Char('i'));
        chars(&mut f.app, "pf");
    });
    look(&f.app, "Olga Petrova inspect marked", &typed, &mut found);
    scoped(Lang::ZhCn, || key(&mut f.app, KeyCode::Char('e')));
    look(&f.app, "Olga Petrova inspect note", &typed, &mut found);
    none_found(&found, "on Chinese screens");
}

/// What each command prints to a person, in zh-CN: listings, `job show`,
/// the settlement, the board, the report, the checks.
#[test]
fn no_english_word_reaches_a_chinese_command_line() {
    let shop = crate::common::Shop::demo();
    let typed = typed_words(&shop.db);
    let commands: &[&[&str]] = &[
        &["board"],
        &["job", "list"],
        &["job", "show", "J-000002"],
        &["job", "show", "J-000011"],
        &["job", "show", "J-000012"],
        &["job", "invoice", "J-000002"],
        &["job", "find", "2526"],
        &["shop", "show"],
        &["staff", "list"],
        &["bay", "list"],
        &["parts", "list"],
        &["appt", "list"],
        &["followup", "list"],
        &["complaint", "list"],
        &["approvals"],
        &["line", "list", "J-000019"],
        &["qc", "checklist"],
        &["report"],
        &["check"],
        &["job", "start", "J-000015"],
        &["catalogue", "list"],
        &["job", "dispatch", "--help"],
        &["job", "new", "--help"],
        &["line", "add", "--help"],
        &["report", "--help"],
        &["shop", "set", "--help"],
    ];
    let mut found = BTreeMap::new();
    for args in commands {
        let mut cmd = crate::common::bin_on(&shop.db);
        cmd.env("BAYBOARD_LANG", "zh-CN")
            .args(["--as", "Chen Li"])
            .args(*args);
        let r = crate::common::run(&mut cmd);
        let mut said = format!("{}{}", r.stdout, r.stderr);
        if args.contains(&"--help") {
            said = what_help_says(&said);
        }
        for (word, line) in english(&said, &typed) {
            found.entry(word).or_insert((args.join(" "), line));
        }
    }
    none_found(&found, "in Chinese output");
}

/// `--help` less what a person types as it is: the usage line, options
/// and their placeholders, codes given before their Chinese (`safety（安全
/// 隐患）`), acronyms (JSON, RFC 3339), `[env: …]`, and clap's own `help`
/// subcommand line.
fn what_help_says(help: &str) -> String {
    let mut out = String::new();
    for line in help.lines() {
        if line.starts_with("用法") || line.trim_start().starts_with("help ") {
            continue;
        }
        let line = line.split(" [env:").next().unwrap_or(line);
        let line = line.split(" [default:").next().unwrap_or(line);
        // A code before its Chinese in brackets: `none（无人）`.
        let mut plain = String::new();
        let mut rest = line;
        while let Some(i) = rest.find('（') {
            let head = rest[..i].trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '_');
            plain.push_str(head);
            plain.push('（');
            rest = &rest[i + '（'.len_utf8()..];
        }
        plain.push_str(rest);
        for word in plain.split(' ') {
            let letters = word.chars().filter(|c| c.is_ascii_alphabetic());
            let code = word.starts_with('-')
                || word.starts_with('<')
                || word.ends_with('>')
                || word.contains(['=', '.'])
                || letters.clone().all(|c| c.is_ascii_uppercase());
            if !code {
                out.push_str(word);
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// Fails naming each English word, where it was seen, and its line.
fn none_found(found: &BTreeMap<String, (String, String)>, on: &str) {
    let report: Vec<String> = found
        .iter()
        .map(|(word, (at, line))| format!("{word:>14}  {at}: {line}"))
        .collect();
    assert!(
        report.is_empty(),
        "{} English words {on}:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The wall in zh-CN, on a big screen and a small one, live and
/// reconnecting: no English word.
#[test]
fn no_english_word_reaches_the_chinese_wall() {
    use bayboard::tui::views::wall::{Link, Wall, draw};
    let (_dir, db) = demo_copy();
    let typed = typed_words(&db);
    let ws = bayboard::workshop::Workshop::open(&db).unwrap();
    let day = bayboard::present::local_midnight(now(), &tz());
    let board = bayboard::read::board::load(ws.store(), now(), day).unwrap();
    let mut wall = Wall {
        board: Some(board),
        now: now(),
        tz: tz(),
        started: now(),
        page_secs: 15,
        link: Link::Live,
        ascii: false,
    };
    let mut found = BTreeMap::new();
    for (w, h) in [(240, 67), (160, 48), (120, 40), (80, 24)] {
        let screen = scoped(Lang::ZhCn, || drawn_text(w, h, |f| draw(f, &wall)));
        assert!(screen.contains("待检验"), "{screen}");
        for (word, line) in english(&screen, &typed) {
            found.entry(word).or_insert((format!("wall {w}x{h}"), line));
        }
    }
    wall.link = Link::Reconnecting {
        since: now(),
        why: "database is locked".into(),
    };
    wall.board = None;
    let screen = scoped(Lang::ZhCn, || drawn_text(120, 40, |f| draw(f, &wall)));
    assert!(screen.contains("重新连接中"), "{screen}");
    none_found(&found, "on the Chinese wall");
}
