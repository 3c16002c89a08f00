//! The Linux console (`TERM=linux`, `--ascii`): nothing but ASCII is
//! drawn, on any view, form or overlay; Chinese names and plates are in
//! pinyin and marked `~` as transliterations; keys are words; and a plate
//! typed as it is shown finds the same car.

use crate::tuikit::*;
use ratatui::crossterm::event::KeyCode;

fn ascii_demo(who: &str, bay: Option<&str>) -> Fixture {
    let mut f = demo(Some(who), bay);
    f.app.model.ascii = true;
    f
}

fn assert_plain(screen: &str, what: &str) {
    let odd: String = screen
        .chars()
        .filter(|c| !c.is_ascii())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(odd.is_empty(), "{what}: {odd:?} drawn:\n{screen}");
    assert_eq!(
        bayboard::tui::views::ascii::unmarked_so_far(),
        0,
        "{what}: Chinese drawn past text::shown:\n{screen}"
    );
    // A name in pinyin is always marked as one.
    for name in ["Zhang Min", "Liu Yang", "LU B2Q8L5", "SU E7X6W1"] {
        for (i, _) in screen.match_indices(name) {
            assert!(
                screen[..i].ends_with('~'),
                "{what}: {name} unmarked:\n{screen}"
            );
        }
    }
}

#[test]
fn every_view_form_and_overlay_is_ascii_with_transliterations_marked() {
    type Step = Vec<KeyCode>;
    let c = KeyCode::Char;
    let runs: Vec<(&str, Option<&str>, Vec<Step>)> = vec![
        (
            "Chen Li",
            None,
            vec![
                vec![],
                vec![c('?')],
                vec![KeyCode::Enter],
                vec![c('d')],
                vec![c('/')],
                vec![c('3')],
                vec![c('4')],
                vec![c('5')],
                vec![c('6')],
                vec![c('7')],
                vec![c('8')],
                vec![c('9')],
            ],
        ),
        (
            "Emma Clark",
            None,
            vec![
                vec![],
                vec![c('n')],
                vec![c('5')],
                vec![c('5'), KeyCode::Enter],
                vec![c('4')],
                vec![c('8'), KeyCode::Enter],
            ],
        ),
        ("刘洋", None, vec![vec![], vec![c('l')]]),
        ("张敏", None, vec![vec![], vec![c('?')]]),
        (
            "Wang Wei",
            Some("B1"),
            vec![vec![], vec![c('f')], vec![c('l')]],
        ),
        ("Olga Petrova", None, vec![vec![], vec![c('i')]]),
    ];
    let mut seen = String::new();
    for (who, bay, steps) in runs {
        for step in steps {
            let mut f = ascii_demo(who, bay);
            for k in &step {
                key(&mut f.app, *k);
            }
            for (w, h) in [(80, 24), (200, 60)] {
                let screen = render(&f.app, w, h);
                assert_plain(&screen, &format!("{who} {step:?} {w}x{h}"));
                seen.push_str(&screen);
            }
        }
    }
    // The people, the plates and the keys are there, in ASCII.
    for shown in ["~Zhang Min", "~Liu Yang", "~LU B2Q8L5", "Enter"] {
        assert!(seen.contains(shown), "{shown} never drawn");
    }
}

#[test]
fn the_login_screen_is_ascii_too() {
    let mut f = demo(None, None);
    f.app.model.ascii = true;
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = render(&f.app, w, h);
        assert_plain(&screen, "login");
        assert!(screen.contains("~Zhang Min"), "{screen}");
    }
}

#[test]
fn a_plate_typed_as_the_console_shows_it_finds_the_car() {
    let mut f = ascii_demo("Chen Li", None);
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "LU B2Q8L5");
    let screen = render(&f.app, 200, 60);
    assert!(screen.contains("~LU B2Q8L5"), "{screen}");
    key(&mut f.app, KeyCode::Enter);
    let detail = f.app.model.detail.as_ref().expect("the job opens");
    assert_eq!(detail.job.plate, "鲁B·2Q8L5", "the same car");
    // Stored as typed: the board without ASCII shows the Chinese plate.
    f.app.model.ascii = false;
    assert!(render(&f.app, 200, 60).contains("鲁B·2Q8L5"));
}

/// Text built of parts (a call to return, a moved promise) spells its
/// plate as a plate and its keys in words.
#[test]
fn a_plate_inside_a_sentence_reads_as_a_plate() {
    let mut f = ascii_demo("Emma Clark", None);
    key(&mut f.app, KeyCode::Char('7'));
    let screen = render(&f.app, 200, 60);
    let call = screen
        .lines()
        .find(|l| l.contains("T-1"))
        .expect("the demo's call");
    assert!(call.contains("~SU E7X6W1"), "{call}");
    key(&mut f.app, KeyCode::Char('6'));
    let today = render(&f.app, 200, 60);
    assert!(today.contains("J-000012 ~SU E7X6W1"), "{today}");
    // Keys and warning signs in the catalogue's words become ASCII words.
    let _plain = bayboard::text::plain_while(true);
    let hint = bayboard::present::words::message("ui-op-none-taken", &[]);
    assert!(hint.contains("Enter takes, Backspace gives back"), "{hint}");
    assert!(hint.is_ascii(), "{hint}");
}
