//! Text as people type it, made comparable: Unicode normalisation (NFC),
//! exotic spaces made plain, invisible and formatting characters refused,
//! names compared without regard to case in full Unicode, and look-alike
//! names (a Cyrillic "а" in "Olga") caught by their confusable skeleton.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_security::confusable_detection::skeleton;
use unicode_security::mixed_script::AugmentedScriptSet;
use unicode_security::{GeneralSecurityProfile, RestrictionLevel, RestrictionLevelDetection};

/// Characters that show nothing, or change how the text around them shows:
/// format characters (Unicode category Cf), fillers that render blank, and
/// line and paragraph separators (which split a one-line field).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{0600}'..='\u{0605}'
        | '\u{06DD}' | '\u{070F}' | '\u{08E2}' | '\u{110BD}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}'
        | '\u{0890}'..='\u{0891}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}')
}

/// A problem with one character, for the refusal message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadChar {
    Control(char),
    Invisible(char),
}

/// NFC, every kind of space as a plain space (runs of them as one when
/// `collapse`), trimmed. Refuses control and invisible characters.
pub fn normalise(text: &str, collapse: bool) -> Result<String, BadChar> {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_control() {
            return Err(BadChar::Control(c));
        } else if is_invisible(c) {
            return Err(BadChar::Invisible(c));
        } else if c.is_whitespace() {
            if !(collapse && out.ends_with(' ')) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    Ok(out.trim().to_string())
}

/// What makes a person's name one that could pass for another on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Outside UTS #39's identifier profile: symbols, historic or technical
    /// letters, format characters, musical and other marks.
    NotAllowed(char),
    /// A combining mark of another script than the letter it sits on.
    StrayMark(char),
    /// Scripts mixed the way look-alikes are made (Latin with Cyrillic).
    MixedScripts,
}

/// The punctuation names carry, beside letters and digits: apostrophes,
/// hyphens, full stops and the middle dots of transliterated names
/// (阿卜杜·克里木, カタ・カナ).
const NAME_MARKS: &[char] = &['\'', '’', '-', '.', '·', '・'];

/// A person's name held to UTS #39: every character in the general
/// security profile, each combining mark on a letter of its own script,
/// and at most Latin with one other script that is not Cyrillic or Greek
/// (so 张敏, José, 佐藤ひろし and "Kim 민준" pass; "Olgа" with a Cyrillic
/// а does not).
pub fn name_problem(name: &str) -> Option<NameProblem> {
    let mut base: Option<char> = None;
    let mut letters = String::with_capacity(name.len());
    for c in name.chars() {
        if c == ' ' || NAME_MARKS.contains(&c) {
            base = None;
            continue;
        }
        if !c.identifier_allowed() {
            return Some(NameProblem::NotAllowed(c));
        }
        if is_combining_mark(c) {
            let on = base.map(AugmentedScriptSet::for_char);
            let mut mark = AugmentedScriptSet::for_char(c);
            match on {
                Some(on) => mark.intersect_with(on),
                None => return Some(NameProblem::StrayMark(c)),
            }
            if mark.is_empty() {
                return Some(NameProblem::StrayMark(c));
            }
        } else {
            base = Some(c);
        }
        letters.push(c);
    }
    (letters.as_str().detect_restriction_level() > RestrictionLevel::ModeratelyRestrictive)
        .then_some(NameProblem::MixedScripts)
}

/// The form two names are compared in: case folded in full Unicode
/// (`É` = `é`, `STRASSE` = `straße`).
pub fn key(name: &str) -> String {
    name.nfc()
        .collect::<String>()
        .to_uppercase()
        .to_lowercase()
        .nfc()
        .collect()
}

/// Combining marks (accents, underlines, strike-throughs) that a glance
/// at a screen does not tell apart.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn bare(name: &str) -> String {
    name.nfd().filter(|c| !is_mark(*c)).collect()
}

/// Whether two names would be mistaken for each other on a screen: their
/// confusable skeletons match as typed (capital I and small l, digit 0 and
/// O, mathematical letters) or in one case, once accents are set aside.
pub fn looks_like(a: &str, b: &str) -> bool {
    let (a, b) = (bare(a), bare(b));
    let same = |x: &str, y: &str| skeleton(x).eq(skeleton(y));
    same(&a, &b) || same(&key(&a), &key(&b))
}

/// Whether what was typed at a list of people (`find`) picks out `name`:
/// part of the name, the initials of its words, or, for Chinese names, the
/// pinyin whole or begun or its initials — `zm`, `zhangmin`, `zhang min`,
/// `zhang` and `张` all find 张敏. Case and spaces do not count.
pub fn name_matches(name: &str, find: &str) -> bool {
    use pinyin::ToPinyin;
    let find: String = find
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if find.is_empty() {
        return true;
    }
    let lower = name.to_lowercase();
    let initials: String = lower
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    if lower.replace(char::is_whitespace, "").contains(&find) || initials.starts_with(&find) {
        return true;
    }
    let (mut full, mut firsts, mut han) = (String::new(), String::new(), false);
    for c in lower.chars().filter(|c| !c.is_whitespace()) {
        match c.to_pinyin() {
            Some(p) => {
                han = true;
                full.push_str(p.plain());
                firsts.push_str(p.first_letter());
            }
            None => {
                full.push(c);
                firsts.push(c);
            }
        }
    }
    han && (full.starts_with(&find) || firsts.starts_with(&find))
}

/// Whether `find` is anywhere in `text`: its characters, or, for Chinese,
/// its pinyin or the pinyin's initials (`shache` and `sc` find 更换前刹车片).
/// Case and spaces do not count.
pub fn text_matches(text: &str, find: &str) -> bool {
    use pinyin::ToPinyin;
    let squash = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let (text, find) = (squash(text), squash(find));
    if find.is_empty() || text.contains(&find) {
        return true;
    }
    let (mut full, mut firsts) = (String::new(), String::new());
    for c in text.chars() {
        match c.to_pinyin() {
            Some(p) => {
                full.push_str(p.plain());
                firsts.push_str(p.first_letter());
            }
            None => {
                full.push(c);
                firsts.push(c);
            }
        }
    }
    full.contains(&find) || firsts.contains(&find)
}

/// Upper case, one character for one (a plate of 16 `ß` stays 16 long).
pub fn upper_each(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) => u,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_plain_and_invisibles_refused() {
        assert_eq!(normalise("Chen\u{00A0}Li", true).unwrap(), "Chen Li");
        assert_eq!(normalise(" Chen \u{3000}  Li ", true).unwrap(), "Chen Li");
        assert_eq!(normalise("a  b", false).unwrap(), "a  b");
        for bad in [
            "\u{3164}",
            "\u{2800}",
            "Ol\u{200D}ga",
            "a\u{2028}b",
            "x\u{202E}y",
        ] {
            assert!(
                matches!(normalise(bad, true), Err(BadChar::Invisible(_))),
                "{bad:?}"
            );
        }
        assert_eq!(normalise("a\u{7}", true), Err(BadChar::Control('\u{7}')));
        // NFC: a decomposed é becomes one character.
        assert_eq!(normalise("Jose\u{301}", true).unwrap(), "José");
    }

    #[test]
    fn names_compare_in_full_unicode_and_look_alikes_are_caught() {
        assert_eq!(key("ÉMILE"), key("émile"));
        assert_eq!(key("STRASSE"), key("Straße"));
        assert!(looks_like("Olga Petrova", "Olg\u{0430} Petrova"));
        assert!(looks_like("Chen Li", "CHEN LI"));
        assert!(!looks_like("Chen Li", "Chen Lu"));
        assert!(!looks_like("王伟", "王芳"));
        for fake in [
            "OIga Petrova",
            "0lga Petrova",
            "\u{1D40E}\u{1D425}\u{1D420}\u{1D41A} Petrova",
            "Olga Petrova\u{331}",
            "O\u{336}lga Petrova",
        ] {
            assert!(looks_like("Olga Petrova", fake), "{fake}");
        }
    }

    /// Issue 21: people are found the way the staff type their names.
    #[test]
    fn chinese_names_are_found_by_pinyin() {
        for typed in [
            "zm",
            "zhangmin",
            "zhang min",
            "zhang",
            "张",
            "ZM",
            "Zhang Min",
        ] {
            assert!(name_matches("张敏", typed), "{typed}");
        }
        assert!(!name_matches("张敏", "wang"));
        assert!(name_matches("王伟", "ww") && name_matches("王芳", "w"));
        assert!(!name_matches("王伟", "wf"));
        // Latin names as before: part of the name or the words' initials.
        assert!(name_matches("Chen Li", "cl") && name_matches("Chen Li", "li"));
        assert!(!name_matches("Chen Li", "zm"));
    }

    #[test]
    fn upper_case_keeps_the_length() {
        assert_eq!(upper_each("ßab"), "ßAB");
        assert_eq!(upper_each("粤b·123"), "粤B·123");
    }
}
