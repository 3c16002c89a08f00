//! Keeps ARCHITECTURE.md's recipe for a job state honest: a set of states
//! is the lifecycle table's business (`src/domain/states.rs`), asked of it
//! in Rust (`JobStatus::row`) and of `job_states` in SQL. A list of two or
//! more state codes written anywhere else is one more place a new state
//! would have to be added by hand, and this test names it.

use crate::common::sources;

/// Where a list of codes may stand: the table itself, and the migrations
/// (frozen history: version 7's columns, version 4's checks).
const ALLOWED: [&str; 2] = ["src/domain/states.rs", "src/store/schema.rs"];

/// Quoted words and where they end, in order.
fn quoted(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' || b[i] == b'"' {
            let q = b[i];
            if let Some(len) = text[i + 1..].find(q as char) {
                let word = &text[i + 1..i + 1 + len];
                if !word.contains('\n') {
                    out.push((i, i + len + 2, word));
                    i += len + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Two state codes side by side, joined only by a comma or `|`.
fn lists(text: &str, codes: &[&str]) -> Vec<String> {
    let q = quoted(text);
    q.windows(2)
        .filter(|w| {
            let between = &text[w[0].1..w[1].0];
            codes.contains(&w[0].2)
                && codes.contains(&w[1].2)
                && between.chars().all(|c| c.is_whitespace() || c == ',' || c == '|')
                && between.chars().any(|c| c == ',' || c == '|')
                // A match arm's value and the next arm's key are no list.
                && !text[..w[0].0].trim_end().ends_with("=>")
        })
        .map(|w| format!("{} … {}", w[0].2, w[1].2))
        .collect()
}

#[test]
fn no_list_of_states_outside_the_lifecycle_table() {
    let codes: Vec<&str> = bayboard::domain::JobStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    let mut found = Vec::new();
    for (f, text) in sources("src", "rs")
        .into_iter()
        .chain(sources("docs", "sql"))
    {
        if ALLOWED.contains(&f.as_str()) {
            continue;
        }
        for l in lists(&text, &codes) {
            found.push(format!("{f}: {l}"));
        }
    }
    assert!(found.is_empty(), "lists of states:\n{}", found.join("\n"));
}

#[test]
fn the_detector_sees_sql_and_rust_lists() {
    let codes = ["waiting", "paused"];
    assert_eq!(lists("status IN ('waiting', 'paused')", &codes).len(), 1);
    assert_eq!(lists("\"waiting\" | \"paused\" => 1", &codes).len(), 1);
    assert!(lists("status = 'waiting' AND x = 'paused'", &codes).is_empty());
    assert!(lists("\"a\" => \"waiting\",\n \"paused\" => 2", &codes).is_empty());
}
