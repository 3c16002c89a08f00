//! The layers keep to their places: the CLI and the TUI do not import each
//! other, and neither reaches the store's writes (only the operations
//! layer opens a write transaction).

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p.display().to_string(), text));
            }
        }
    }
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

fn refuse(dir: &str, needles: &[&str]) {
    for (path, text) in sources(dir) {
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
