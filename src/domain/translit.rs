//! Chinese written in ASCII, for a terminal that cannot draw it (the Linux
//! console): names and free text in pinyin (`张敏` → `Zhang Min`), plates
//! with their province in capitals (`粤B·12345` → `YUE B12345`). Only what
//! is drawn changes; what is typed and stored stays as it was, and a plate
//! typed as it is shown is the same car (`plate_key` reads it back).

use pinyin::ToPinyin;

/// The provinces' plate characters and their ASCII: the character's
/// pinyin, and where two share one, the province's ISO 3166-2:CN code
/// after it, so that every one reads back to one character.
const PROVINCES: &[(char, &str)] = &[
    ('京', "JING"),
    ('津', "JIN-TJ"),
    ('沪', "HU"),
    ('渝', "YU-CQ"),
    ('冀', "JI-HE"),
    ('豫', "YU-HA"),
    ('云', "YUN"),
    ('辽', "LIAO"),
    ('黑', "HEI"),
    ('湘', "XIANG"),
    ('皖', "WAN"),
    ('鲁', "LU"),
    ('新', "XIN"),
    ('苏', "SU"),
    ('浙', "ZHE"),
    ('赣', "GAN-JX"),
    ('鄂', "E"),
    ('桂', "GUI-GX"),
    ('甘', "GAN-GS"),
    ('晋', "JIN-SX"),
    ('蒙', "MENG"),
    ('陕', "SHAAN"),
    ('吉', "JI-JL"),
    ('闽', "MIN"),
    ('贵', "GUI-GZ"),
    ('粤', "YUE"),
    ('青', "QING"),
    ('藏', "ZANG"),
    ('川', "CHUAN"),
    ('宁', "NING"),
    ('琼', "QIONG"),
];

/// The plate in ASCII, when it begins with a province's character:
/// `粤B·12345` → `YUE B12345`.
pub fn plate(p: &str) -> Option<String> {
    let mut chars = p.trim().chars();
    let first = chars.next()?;
    let (_, ascii) = PROVINCES.iter().find(|(c, _)| *c == first)?;
    let rest: String = chars
        .map(|c| match c {
            '·' | '•' | '・' | '-' | '.' => ' ',
            c => c,
        })
        .collect();
    let rest = rest.trim_start();
    let mut rest_chars = rest.chars();
    let letter = rest_chars.next()?;
    let tail = rest_chars.as_str().trim_start();
    if !rest.is_ascii() {
        return None;
    }
    Some(format!("{ascii} {letter}{tail}"))
}

/// A plate typed as `plate` shows it (`YUE B12345`, `~yue b12345`) read
/// back to its province character (`粤B12345`); anything else is `None`.
/// The province's ASCII must stand apart from the letter after it, so a
/// Latin plate is never taken for a Chinese one.
pub fn plate_back(typed: &str) -> Option<String> {
    let t = typed.trim().trim_start_matches('~').trim_start();
    let upper = t.to_uppercase();
    let (ascii, c) = PROVINCES
        .iter()
        .map(|(c, a)| (*a, *c))
        .filter(|(a, _)| upper.starts_with(a) && upper[a.len()..].starts_with([' ', '·']))
        .max_by_key(|(a, _)| a.len())?;
    let rest: String = upper[ascii.len()..]
        .chars()
        .filter(|c| !matches!(c, ' ' | '·' | '-' | '.'))
        .collect();
    let mut rest_chars = rest.chars();
    let letter_ok = rest_chars.next().is_some_and(|l| l.is_ascii_alphabetic());
    let tail = rest_chars.as_str();
    let tail_ok = (5..=6).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_alphanumeric());
    (letter_ok && tail_ok).then(|| format!("{c}{rest}"))
}

/// Text in ASCII: each Chinese character its pinyin, a word of its own and
/// capitalised (`张敏` → `Zhang Min`, `换机油 oil` → `Huan Ji You oil`);
/// full-width forms folded, other punctuation the nearest ASCII, anything
/// else `_`. `None` when the text is ASCII already.
pub fn text(s: &str) -> Option<String> {
    marked(s, "")
}

/// `text`, with `mark` before each run of pinyin and each plate, so a
/// reader knows it was not typed so (`~Zhang Min`).
pub fn marked(s: &str, mark: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    if let Some(p) = plate(s) {
        return Some(format!("{mark}{p}"));
    }
    let mut out = String::with_capacity(s.len() * 2);
    let mut last_han = false;
    for c in s.chars() {
        if let Some(p) = c.to_pinyin() {
            if !last_han {
                if out.ends_with(|c: char| c.is_alphanumeric() || ").,;:!?]".contains(c)) {
                    out.push(' ');
                }
                out.push_str(mark);
            } else {
                out.push(' ');
            }
            let mut plain = p.plain().chars();
            if let Some(f) = plain.next() {
                out.extend(f.to_uppercase());
                out.push_str(plain.as_str());
            }
            last_han = true;
            continue;
        }
        let a = ascii_of(c);
        if last_han && !a.starts_with([' ', ',', '.', ')', ':', ';', '!', '?']) {
            out.push(' ');
        }
        last_han = false;
        out.push_str(&a);
    }
    Some(out)
}

fn ascii_of(c: char) -> std::borrow::Cow<'static, str> {
    const SIMPLE: &[(char, &str)] = &[
        ('·', "."),
        ('⚠', "!"),
        ('⛔', "!!"),
        ('、', ","),
        ('。', "."),
        ('“', "\""),
        ('”', "\""),
        ('‘', "'"),
        ('’', "'"),
        ('—', "-"),
        ('–', "-"),
        ('…', "..."),
        ('《', "<"),
        ('》', ">"),
        ('【', "["),
        ('】', "]"),
        ('¥', "Y"),
        ('×', "x"),
        ('→', "->"),
        ('←', "<-"),
        ('✓', "/"),
        ('✔', "v"),
        ('✗', "x"),
        ('\u{3000}', " "),
    ];
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    if folded.is_ascii() {
        return folded.to_string().into();
    }
    SIMPLE
        .iter()
        .find(|(from, _)| *from == c)
        .map_or("_", |(_, to)| to)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_text_read_in_pinyin() {
        assert_eq!(text("张敏").as_deref(), Some("Zhang Min"));
        assert_eq!(text("欧阳 娜娜").as_deref(), Some("Ou Yang Na Na"));
        assert_eq!(
            text("更换机油 oil").as_deref(),
            Some("Geng Huan Ji You oil")
        );
        assert_eq!(text("刹车（前）").as_deref(), Some("Sha Che (Qian)"));
        assert_eq!(text("Oliver Grant"), None);
        assert!(text("Zoë").unwrap().is_ascii());
        assert_eq!(
            marked("J-7 started by 张敏 (刹车)", "~").as_deref(),
            Some("J-7 started by ~Zhang Min (~Sha Che)")
        );
        assert_eq!(marked("粤B·12345", "~").as_deref(), Some("~YUE B12345"));
    }

    #[test]
    fn plates_read_back_to_the_same_car() {
        use crate::domain::vehicle::plate_key;
        for (p, shown) in [
            ("粤B·12345", "YUE B12345"),
            ("沪A·88K21", "HU A88K21"),
            ("晋A12345", "JIN-SX A12345"),
            ("津A12345", "JIN-TJ A12345"),
            ("京N·5M2P8", "JING N5M2P8"),
        ] {
            assert_eq!(plate(p).as_deref(), Some(shown), "{p}");
            assert_eq!(plate_key(shown), plate_key(p), "{shown}");
            assert_eq!(plate_key(&format!("~{shown}")), plate_key(p));
            assert_eq!(plate_key(&shown.to_lowercase()), plate_key(p));
        }
        // Every province reads back to itself.
        for (c, _) in PROVINCES {
            let p = format!("{c}A12345");
            assert_eq!(plate_key(&plate(&p).unwrap()), plate_key(&p), "{p}");
        }
        // Latin plates stay Latin.
        for latin in ["KX19 ABC", "ABC-1234", "SU-AB 123", "HU12 ABC", "E 12345"] {
            assert_eq!(plate_key(latin), latin.replace([' ', '-'], ""), "{latin}");
        }
    }
}
