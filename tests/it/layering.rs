//! The layers keep to their places: the CLI and the TUI do not import each
//! other, and neither reaches the store's writes (only the operations
//! layer opens a write transaction). The tests start the binary one way.

use crate::common::sources;

fn refuse(dir: &str, needles: &[&str]) {
    for (path, text) in sources(dir, "rs") {
        for n in needles {
            assert!(!text.contains(n), "{path} mentions `{n}`");
        }
    }
}

#[test]
fn cli_and_tui_do_not_import_each_other() {
    refuse("src/cli", &["crate::tui", "tui::"]);
    refuse("src/tui", &["crate::cli", "cli::"]);
}

#[test]
fn only_the_operations_layer_writes() {
    let writes = [
        "WriteTx",
        "store::insert_",
        "store::save_job",
        "store::append_event",
        "store::update_parts",
        "store::set_",
        "store::bulk",
        "rusqlite",
    ];
    refuse("src/cli", &writes);
    refuse("src/tui", &writes);
}

#[test]
fn only_common_names_the_binary() {
    // Spelt in two halves so that this file does not name it either.
    let needle = ["CARGO_BIN", "_EXE"].concat();
    let named: Vec<String> = sources("tests", "rs")
        .into_iter()
        .filter(|(path, text)| path != "tests/it/common.rs" && text.contains(&needle))
        .map(|(path, _)| path)
        .collect();
    assert!(
        named.is_empty(),
        "start the binary with common::bin() (or bin_on, Shop::run), not {needle}: {named:?}"
    );
}
