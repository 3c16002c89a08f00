//! The CLI chooses between text, JSON and CSV in one place: a handler
//! builds its result and `cli/output.rs` prints it in the form asked for.

use crate::common::sources;

#[test]
fn no_handler_branches_on_json() {
    let files = sources("src/cli", "rs");
    assert!(files.len() > 5, "{} sources under src/cli", files.len());
    let mut found = Vec::new();
    for (path, text) in files {
        if path.ends_with("/output.rs") {
            continue;
        }
        for needle in ["ctx.json", ".json {", "if json"] {
            if text.contains(needle) {
                found.push(format!("{path} has `{needle}`"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "choose the output's form in cli/output.rs (emit), not in a handler:\n{}",
        found.join("\n")
    );
}
