//! The QC inspection form's own tests (the form: `inspect.rs`).

#[test]
fn the_work_done_fits_the_rows_there_are_and_says_it_was_cut() {
    let rows = crate::text::rows_of("Work: ✔ 更换前刹车片 · ✔ Oil change · ✔ Wipers", 20, 2);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| crate::text::width(r) <= 20), "{rows:?}");
    assert!(rows[1].ends_with('…'), "{rows:?}");
    assert_eq!(crate::text::rows_of("Work: ✔ a", 20, 2), ["Work: ✔ a"]);
}

use super::*;

#[test]
fn starts_unmarked_and_signs_only_when_every_required_item_is() {
    let mut f = QcForm::new(1, 1, Checklist::builtin());
    assert!(f.results.iter().all(Option::is_none));
    assert_eq!(f.unmarked().len(), 8);
    assert!(f.signed(None).is_none(), "nothing marked: no signature");
    assert!(f.error.as_deref().unwrap().contains("not marked"));
    // n/a only where the checklist allows it.
    f.row = 0;
    f.act(FormAction::Mark(ItemResult::Na));
    assert_eq!(f.results[0], None);
    assert!(f.error.as_deref().unwrap().contains("cannot be n/a"));
    for _ in 0..f.checklist.items.len() {
        f.act(FormAction::Mark(ItemResult::Pass));
    }
    assert!(f.unmarked().is_empty());
    assert!(f.signed(None).is_none(), "road test passed without km");
    assert_eq!(f.row, f.km_row());
    f.paste("6");
    assert!(f.signed(None).is_some());
}

#[test]
fn walks_the_checklist() {
    let mut f = QcForm::new(1, 1, Checklist::builtin());
    f.act(FormAction::Mark(ItemResult::Pass));
    f.act(FormAction::Mark(ItemResult::Fail));
    assert_eq!(f.row, 1, "a fail stays for its note");
    let (v, failed) = f.verdict();
    assert_eq!(v, Verdict::Fail);
    assert_eq!(failed, vec![f.checklist.items[1].text.clone()]);
    f.act(FormAction::EditNote);
    f.paste("bulb out");
    f.act(FormAction::EndNote);
    assert_eq!(f.marks()[1].note.as_deref(), Some("bulb out"));
    f.row = f.km_row();
    f.paste("8");
    assert_eq!(f.road_km.value(), "8");
}
