//! The CLI chooses between text, JSON and CSV in one place: a handler
//! builds its result and `cli/output.rs` prints it in the form asked for.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_handler_branches_on_json() {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
    let mut files = Vec::new();
    rust_files(&cli, &mut files);
    assert!(files.len() > 5, "no sources under {}", cli.display());
    let mut found = Vec::new();
    for p in files {
        if p.ends_with("output.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for needle in ["ctx.json", ".json {", "if json"] {
            if text.contains(needle) {
                found.push(format!("{} has `{needle}`", p.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "choose the output's form in cli/output.rs (emit), not in a handler:\n{}",
        found.join("\n")
    );
}
