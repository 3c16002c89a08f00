//! Issue 20, finding 4: the 49 names an attacker tried when adding staff
//! (14 were accepted then and showed in the login list as the plain name).
//! Each is refused now, and the names a shop really has still pass.

use crate::common::Shop;

/// Appended to a name nobody in the shop has, so only the character rules
/// can refuse it (not "already exists").
const TAILS: [&str; 36] = [
    // Invisible format characters (accepted before).
    "\u{13430}",
    "\u{0890}",
    "\u{110CD}",
    // Combining marks of other scripts after a Latin name (accepted before).
    "\u{0483}",
    "\u{05A4}",
    "\u{0610}",
    "\u{0E31}",
    "\u{3099}",
    "\u{0951}",
    "\u{0730}",
    "\u{07FD}",
    "\u{0F71}",
    "\u{1D165}",
    // Musical, enclosing and overlay marks, and a variation selector.
    "\u{1D16D}",
    "\u{20DD}",
    "\u{0336}",
    "\u{FE0F}",
    // Zero-width, fillers, soft hyphen, joiners.
    "\u{200B}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{180E}",
    "\u{061C}",
    "\u{115F}",
    "\u{3164}",
    "\u{FFA0}",
    "\u{2800}",
    "\u{00AD}",
    "\u{034F}",
    "\u{17B4}",
    "\u{2063}",
    // Bidirectional overrides and isolates.
    "\u{202E}",
    "\u{202D}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
];

/// Whole names: look-alike letters of other scripts and symbols.
const WHOLE: [&str; 13] = [
    "Olg\u{0430} Petrova",
    "\u{0422}ina Rossi",
    "\u{03A4}ina Rossi",
    "Chen L\u{0456}",
    "\u{FF34}ina Rossi",
    "\u{1D413}ina Rossi",
    "T\u{0338}ina Rossi",
    "\u{24C9}\u{24BE}\u{24C3}\u{24B6}",
    "Tina Rossi \u{2713}",
    "Tina Rossi\u{2122}",
    "Tina Rossi \u{00A9}",
    "Tina Rossi \u{2764}",
    "Tina\u{2028}Rossi",
];

#[test]
fn the_49_names_tried_are_all_refused() {
    let s = Shop::staffed();
    let before = s.json(None, &["staff", "list"]).as_array().unwrap().len();
    let mut tried = 0;
    let names = TAILS
        .iter()
        .map(|t| format!("Marta Ruiz{t}"))
        .chain(WHOLE.iter().map(|n| n.to_string()));
    for name in names {
        tried += 1;
        let r = s.run(Some("Boss"), &["staff", "add", &name, "--role", "qc"]);
        assert_eq!(
            r.code,
            1,
            "{name:?} ({:X?}) was accepted: {}",
            name.chars().last(),
            r.stdout
        );
        assert!(r.stderr.contains("name"), "{name:?}: {}", r.stderr);
    }
    assert_eq!(tried, 49);
    let after = s.json(None, &["staff", "list"]).as_array().unwrap().len();
    assert_eq!(before, after, "no look-alike joined the login list");
}

#[test]
fn the_names_a_shop_really_has_still_pass() {
    let s = Shop::staffed();
    for name in [
        "张敏",
        "欧阳 建国",
        "阿卜杜·克里木",
        "José Núñez",
        "Zoë Müller",
        "O'Brien",
        "Anne-Marie Dubois",
        "Dr. Li",
        "Nguyễn Văn An",
        "佐藤ひろし",
        "김민준",
        "李 Lily",
        "Ōtsuka Rin",
        "Олег Петров",
    ] {
        let r = s.run(
            Some("Boss"),
            &["staff", "add", name, "--role", "technician"],
        );
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    }
}
