//! Every screen rendered to a test terminal at 80×24 and 160×48, compared
//! with the committed snapshots. The demo shop has CJK plates and late jobs.

use crate::tuikit::*;
use ratatui::crossterm::event::KeyCode;

fn snap(name: &str, app: &bayboard::tui::App) {
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

#[test]
fn login_screen() {
    let f = demo(None, None);
    snap("login", &f.app);
}

#[test]
fn board_as_foreman_with_cjk_plates_and_late_jobs() {
    let f = demo(Some("Chen Li"), None);
    let screen = render(&f.app, 160, 48);
    assert!(screen.contains("粤B·12345") || screen.contains("鲁B·2Q8L5"));
    assert!(screen.contains("! late"));
    snap("board_foreman", &f.app);
}

#[test]
fn board_with_the_bays_focused() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::BackTab);
    snap("board_bays_focus", &f.app);
}

#[test]
fn bay_terminal_of_a_technician() {
    let f = demo(Some("Wang Wei"), Some("B1"));
    // A shared terminal never hides logging parts or logging out.
    let footer = render(&f.app, 80, 24).lines().last().unwrap().to_string();
    assert!(
        footer.contains("l log parts") && footer.contains("L log out"),
        "{footer}"
    );
    snap("my_work_running", &f.app);
}

#[test]
fn bay_terminal_shows_rework_reasons() {
    let f = demo(Some("Priya Nair"), None);
    let screen = render(&f.app, 160, 48);
    assert!(screen.contains("Rework ×1"), "{screen}");
    assert!(screen.contains("Paint run"), "{screen}");
    snap("my_work_rework", &f.app);
}

#[test]
fn parts_panel() {
    let f = demo(Some("刘洋"), None);
    snap("parts", &f.app);
}

#[test]
fn qc_panel() {
    let f = demo(Some("Olga Petrova"), None);
    snap("qc", &f.app);
}

#[test]
fn job_detail_with_timeline() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.detail.is_some());
    snap("detail", &f.app);
}

#[test]
fn help_overlay() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('?'));
    snap("help_board", &f.app);
}

#[test]
fn dispatch_form() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('d'));
    snap("dispatch", &f.app);
}

#[test]
fn priority_and_cancel_forms() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('u'));
    snap("priority", &f.app);
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('C'));
    chars(&mut f.app, "customer");
    snap("cancel", &f.app);
}

#[test]
fn parts_log_form_with_a_field_error() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    key(&mut f.app, KeyCode::Char('l'));
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "0");
    key(&mut f.app, KeyCode::Enter);
    snap("parts_log_errors", &f.app);
}

/// A form's hint that does not fit says it is cut (`…` at its end); the
/// footer and `?` keep every key.
#[test]
fn a_form_hint_cut_at_80_columns_says_so() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    key(&mut f.app, KeyCode::Char('l'));
    let narrow = render(&f.app, 80, 24);
    let hint = narrow
        .lines()
        .find(|l| l.contains("space blocking"))
        .expect("the hint is drawn");
    assert!(hint.contains("…│"), "{hint}");
    // Nothing is marked that is not cut: the title line is whole.
    let title = narrow
        .lines()
        .find(|l| l.contains("Log a parts issue") || l.contains("parts issue"))
        .unwrap_or_default();
    assert!(!title.contains("…"), "{title}");
}

#[test]
fn parts_eta_form() {
    let mut f = demo(Some("刘洋"), None);
    key(&mut f.app, KeyCode::Char('o'));
    chars(&mut f.app, "16:00");
    snap("parts_eta", &f.app);
}

#[test]
fn qc_inspection_form() {
    let mut f = demo(Some("Olga Petrova"), None);
    key(&mut f.app, KeyCode::Char('i'));
    chars(&mut f.app, "ppf");
    snap("inspect", &f.app);
}

#[test]
fn too_small_says_so() {
    let f = demo(Some("Chen Li"), None);
    let screen = render(&f.app, 60, 15);
    assert!(screen.contains("terminal too small"), "{screen}");
    insta::assert_snapshot!("too_small_60x15", screen);
    // Every size from tiny to large renders without a panic.
    for w in [0u16, 1, 10, 40, 71, 72, 80, 100, 200] {
        for h in [0u16, 1, 5, 19, 20, 24, 60] {
            cells(&f.app, w, h);
        }
    }
}

#[test]
fn check_in_form() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "粤B·NEW01");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Wipers smear");
    snap("check_in", &f.app);
}

/// Works on a 16-colour terminal: only the named ANSI colours are used, and
/// every screen shows status as words and symbols whatever the colours.
#[test]
fn every_screen_uses_only_the_sixteen_named_colours() {
    use ratatui::style::Color;
    let screens: Vec<(&str, Vec<KeyCode>)> = vec![
        ("Chen Li", vec![]),
        ("Chen Li", vec![KeyCode::Char('d')]),
        ("Chen Li", vec![KeyCode::Char('?')]),
        (
            "Chen Li",
            vec![KeyCode::BackTab, KeyCode::Down, KeyCode::Enter],
        ),
        ("Wang Wei", vec![KeyCode::Char('l')]),
        ("刘洋", vec![]),
        ("Olga Petrova", vec![KeyCode::Char('i'), KeyCode::Char('f')]),
        ("Emma Clark", vec![KeyCode::Char('n')]),
    ];
    for (who, keys) in screens {
        let mut f = demo(Some(who), None);
        for k in keys {
            key(&mut f.app, k);
        }
        for cell in cells(&f.app, 160, 48).content() {
            for c in [cell.fg, cell.bg] {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{who}: {c:?} needs more than 16 colours"
                );
            }
        }
    }
}

#[test]
fn ascii_mode_draws_no_symbol_a_linux_console_lacks() {
    let mut f = demo(Some("Chen Li"), None);
    f.app.model.ascii = true;
    let screen = render(&f.app, 160, 48);
    for sym in [
        "▶", "⏸", "⧖", "✎", "◎", "✔", "↺", "◇", "○", "⛔", "▸", "●", "⏎",
    ] {
        assert!(
            !screen.contains(sym),
            "{sym} drawn in ASCII mode:\n{screen}"
        );
    }
    // The words carry the meaning as before.
    for words in [
        "in progress",
        "waiting parts",
        "waiting approval",
        "ready for QC",
        "! late",
    ] {
        assert!(screen.contains(words), "{words} missing:\n{screen}");
    }
}

#[test]
fn a_list_that_does_not_fit_says_how_many_are_hidden() {
    let f = demo(Some("Chen Li"), None);
    let screen = render(&f.app, 80, 24);
    // 8 technicians, room for 5 at 80×24.
    assert!(screen.contains("TECHNICIANS +2↓"), "{screen}");
    let big = render(&f.app, 200, 60);
    assert!(!big.contains("more ↓"), "{big}");
}

#[test]
fn clocked_time_is_shown_against_the_estimate() {
    let f = demo(Some("Chen Li"), None);
    let wide = render(&f.app, 160, 48);
    assert!(wide.contains("Clocked/est"), "{wide}");
    let b1 = f.app.board.bays.iter().find(|b| b.name == "B1").unwrap();
    let j = b1.job.as_ref().unwrap();
    assert!(j.clocked_hours > 0.0, "a job in progress has clocked time");
    let t = demo(Some("Wang Wei"), Some("B1"));
    let card = render(&t.app, 100, 30);
    assert!(
        card.contains("Clocked") && card.contains("(clocked/estimate)"),
        "{card}"
    );
}

#[test]
fn a_popup_keeps_its_border_over_wide_characters() {
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;
    let t = drawn(20, 3, |f| {
        // "粤" spans columns 4 and 5; a pop-up starts at column 5.
        f.render_widget(Paragraph::new("    粤B·1"), Rect::new(0, 0, 20, 1));
        let rect = Rect::new(5, 0, 10, 3);
        f.render_widget(ratatui::widgets::Clear, rect);
        bayboard::tui::forms::widgets::mend_edges(f, rect);
        f.render_widget(ratatui::widgets::Block::bordered(), rect);
    });
    let buf = t.backend().buffer().clone();
    assert_eq!(
        buf[(4, 0)].symbol(),
        " ",
        "the wide half outside is blanked"
    );
    assert_eq!(buf[(5, 0)].symbol(), "┌", "the border stays");
}

#[test]
fn wide_screens_give_the_spare_width_to_the_work_and_narrow_ones_cut_no_name_mid_word() {
    let f = demo(Some("Chen Li"), None);
    let big = render(&f.app, 200, 60);
    assert!(
        big.contains("Work") && big.contains("Front brake pads and discs; Brake"),
        "{big}"
    );
    assert!(big.contains("waited"), "the queue says how long: {big}");
    let small = render(&f.app, 80, 24);
    assert!(!small.contains("Tom Ba "), "{small}");
    assert!(
        small.lines().any(|l| l.contains("││Tom ")),
        "first names stay whole: {small}"
    );
}
