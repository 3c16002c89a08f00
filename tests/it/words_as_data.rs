//! Words live in the message catalogue, not in the rules: the domain and
//! the operations layer say what happened and why with codes and message
//! ids (`domain::Said`, `domain::Act`, the refusals' fields), and
//! `present` turns them into the reader's language.

use crate::common::sources;

/// The string literals of a source, without its test module, comments,
/// attributes and programmer-facing messages (`expect`, `panic!`, asserts).
fn literals(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let t = line.trim();
        let skip = ["//", "#["];
        let for_programmers = [".expect(", "panic!", "unreachable!", "assert"];
        if skip.iter().any(|s| t.starts_with(s)) || for_programmers.iter().any(|s| t.contains(s)) {
            continue;
        }
        let mut rest = t;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.push((n + 1, after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    out
}

/// Two words of letters in a row: a phrase a person would read.
fn is_phrase(lit: &str) -> bool {
    let words: Vec<&str> = lit.split(' ').collect();
    let wordy = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || "',.;:()".contains(c))
    };
    words.windows(2).any(|p| wordy(p[0]) && wordy(p[1]))
}

/// What may stay, and why.
const ALLOWED: &[(&str, &str)] = &[
    // Command words of the CLI (`bayboard qc pass`), not sentences.
    ("src/domain/states.rs", "qc pass"),
    ("src/domain/states.rs", "qc fail"),
    // The peer level's (`bayboard inspect --level peer`).
    ("src/domain/states.rs", "peer pass"),
    ("src/domain/states.rs", "peer fail"),
    // The complaint a low follow-up score opens is stored as text; issue 23
    // gives complaints and calls a record of their own.
    (
        "src/workshop/aftersales.rs",
        "follow-up call: satisfaction {s}/5{}",
    ),
];

#[test]
fn no_english_sentence_in_the_domain_or_the_operations_layer() {
    let mut found = Vec::new();
    for dir in ["src/domain", "src/workshop"] {
        for (path, text) in sources(dir, "rs") {
            for (line, lit) in literals(&text) {
                let sql = ["SELECT", "INSERT", "UPDATE", "CREATE", "DELETE", "WITH"]
                    .iter()
                    .any(|k| lit.trim_start().starts_with(k));
                let allowed = ALLOWED.iter().any(|(p, l)| *p == path && *l == lit);
                if is_phrase(&lit) && !sql && !allowed {
                    found.push(format!("{path}:{line}: \"{lit}\""));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "words belong in assets/locales/*/ (a message id) or present/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_sentence_when_there_is_one() {
    let src = "fn f() -> String {\n    format!(\"bay {} is taken\", 1)\n}\n";
    assert!(literals(src).iter().any(|(_, l)| is_phrase(l)));
    assert!(!is_phrase("event-line-added"));
    assert!(!is_phrase("{} {}"));
}

/// Every message id the code names is in the English catalogue.
#[test]
fn every_message_id_in_the_code_is_in_the_catalogue() {
    let mut missing = Vec::new();
    for (path, text) in sources("src", "rs") {
        for (line, lit) in literals(&text) {
            let id_like = [
                "problem-",
                "event-",
                "hint-",
                "refusal-",
                "act-",
                "line-sold",
                "word-",
                "thing-",
                "ui-",
                "done-",
                "detail-",
                "why-not-",
                "inv-",
                "check-",
                "figures-",
                "wall-",
                "help-",
                "note-",
                "doc-",
            ]
            .iter()
            .any(|p| lit.starts_with(p))
                && lit
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if id_like && !lit.ends_with('-') && !bayboard::present::words::has(&lit) {
                missing.push(format!("{path}:{line}: {lit}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in assets/locales/en:\n{}",
        missing.join("\n")
    );
}

/// Issue 21: every board word the code asks for (`ui("…")`) is in both
/// catalogues, so nothing falls back to English in Chinese.
#[test]
fn every_board_word_is_in_both_catalogues() {
    use bayboard::present::lang::{Lang, scoped};
    use bayboard::present::words::{key_id, message};
    let mut asked = 0;
    let mut ids = std::collections::HashMap::new();
    for (path, text) in crate::common::sources("src", "rs") {
        for part in text.split("ui(\"").skip(1) {
            let Some(english) = part.split('"').next() else {
                continue;
            };
            asked += 1;
            let id = format!("ui-{}", &key_id(english)["key-".len()..]);
            // Two texts with one id ("Waits", "waits") would read alike.
            let first = ids.entry(id.clone()).or_insert(english.to_string());
            assert_eq!(first, english, "{path}: {id} is taken by {first:?}");
            for lang in Lang::ALL {
                let said = scoped(lang, || message(&id, &[]));
                assert_ne!(
                    said,
                    id,
                    "{path}: ui(\"{english}\") has no {id} in {}",
                    lang.tag()
                );
            }
        }
    }
    assert!(asked > 50, "{asked} words asked for");
}

/// Issue 21: no message of the catalogue is left unused: each id is named
/// in the code, or is the id of a board word or a key's text the code asks
/// for (`ui("…")`, the keymap's strings), or belongs to a family the code
/// builds from a code (`"status-"` + a state's code).
#[test]
fn every_message_of_the_catalogue_is_used() {
    use bayboard::present::lang::Lang;
    use bayboard::present::words::{files, key_id};
    let sources = crate::common::sources("src", "rs");
    let mut used = std::collections::HashSet::new();
    let mut families = Vec::new();
    for (_, text) in &sources {
        for (_, lit) in literals(text) {
            // `"payment-"`, or `format!("thing-{}", …)`.
            let head = lit.split('{').next().unwrap_or("");
            if head.ends_with('-') && !head.contains(' ') {
                families.push(head.to_string());
            }
            let id = key_id(&lit);
            let slug = id.get("key-".len()..).unwrap_or("");
            used.insert(format!("ui-{slug}"));
            used.insert(format!("key-{slug}"));
            used.insert(lit);
        }
    }
    let mut unused = Vec::new();
    for (file, text) in files(Lang::En) {
        for line in text.lines() {
            let Some((id, _)) = line.split_once(" = ").or_else(|| line.split_once(" =")) else {
                continue;
            };
            let id = id.trim();
            if id.starts_with(['#', '.', ' ']) || id.contains(' ') || id.is_empty() {
                continue;
            }
            let in_family = families.iter().any(|f| id.starts_with(f.as_str()));
            if !used.contains(id) && !in_family {
                unused.push(format!("{file}: {id}"));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "{} unused:\n{}",
        unused.len(),
        unused.join("\n")
    );
}
