//! Vehicle identification numbers (ISO 3779).

use super::field::Field;
use super::refusal::Refusal;
use super::said::Said;

/// Validates a VIN: 17 characters from A–Z and 0–9 without I, O or Q. For a
/// North-American VIN (first character 1–5) the check digit in position 9 is
/// verified too, since those are issued with one.
pub fn vin(value: &str) -> Result<String, Refusal> {
    let v = value.trim().to_ascii_uppercase();
    let bad = |said: Said| Err(Refusal::invalid(Field::Vin, said.text("value", value)));
    if v.chars().count() != 17 {
        return bad(Said::new("problem-vin-length").num("n", v.chars().count() as i64));
    }
    if let Some(c) = v
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() || matches!(c, 'I' | 'O' | 'Q'))
    {
        return bad(Said::new("problem-vin-char").text("char", c));
    }
    if matches!(v.as_bytes()[0], b'1'..=b'5') {
        let expected = check_digit(&v);
        let found = v.as_bytes()[8] as char;
        if found != expected {
            return bad(Said::new("problem-vin-check")
                .text("found", found)
                .text("expected", expected));
        }
    }
    Ok(v)
}

fn transliterate(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'A'..=b'H' => (c - b'A' + 1) as u32,
        b'J'..=b'N' => (c - b'J' + 1) as u32,
        b'P' => 7,
        b'R' => 9,
        b'S'..=b'Z' => (c - b'S' + 2) as u32,
        _ => 0,
    }
}

fn check_digit(vin: &str) -> char {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum: u32 = vin
        .bytes()
        .zip(WEIGHTS)
        .map(|(c, w)| transliterate(c) * w)
        .sum();
    match sum % 11 {
        10 => 'X',
        d => char::from_digit(d, 10).unwrap_or('0'),
    }
}

/// A plate as matched and kept unique, however it was typed: no middle
/// dot, space, hyphen or full stop; full-width letters and digits folded to
/// ASCII; upper case. `粤A·H2526`, `粤AH2526` and `粤a h2526` are one car.
/// A plate is shown as first entered; this is only for finding it. A
/// plate as the Linux console shows it (`YUE B 12345`, `domain::translit`)
/// is the same car.
pub fn plate_key(plate: &str) -> String {
    let back = super::translit::plate_back(plate);
    back.as_deref()
        .unwrap_or(plate)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '·' | '•' | '・' | '･' | '.' | '-' | '‐' | '–' | '－' | '．'
            ) && !c.is_whitespace()
        })
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plate_is_one_car_however_it_is_typed() {
        for typed in [
            "粤A·H2526",
            "粤AH2526",
            "粤a h2526",
            "粤Ａ－Ｈ２５２６",
            "粤A-H 2526",
        ] {
            assert_eq!(plate_key(typed), "粤AH2526", "{typed}");
        }
        assert_ne!(plate_key("粤AH2526"), plate_key("粤BH2526"));
    }

    proptest::proptest! {
        #[test]
        fn the_canonical_plate_is_idempotent_and_ignores_separators(
            plate in "[粤京沪A-Za-z0-9·\\- .]{0,12}"
        ) {
            let key = plate_key(&plate);
            proptest::prop_assert_eq!(plate_key(&key), key.clone());
            let spaced: String = plate.chars().flat_map(|c| [c, ' ']).collect();
            // The one place a space counts: after a province in pinyin
            // (`E A12345` is 鄂A12345, `EA12345` a Latin plate).
            proptest::prop_assume!(super::super::translit::plate_back(&spaced).is_none());
            proptest::prop_assert_eq!(plate_key(&spaced), key);
        }
    }

    #[test]
    fn valid_vins_pass() {
        // North-American with a correct check digit.
        assert_eq!(vin("1m8gdm9axkp042788").unwrap(), "1M8GDM9AXKP042788");
        assert!(vin("1HGCM82633A004352").is_ok());
        // European: no check digit required.
        assert!(vin("WVWZZZ1JZXW000001").is_ok());
        assert!(vin("LSVAU2180N2183294").is_ok());
    }

    #[test]
    fn invalid_vins_are_refused_with_the_reason() {
        assert!(
            vin("1HGCM82633A00435")
                .unwrap_err()
                .to_string()
                .contains("16 characters")
        );
        assert!(vin("1HGCM82633A0043521").is_err());
        assert!(
            vin("WVWZZZ1JZXW00000I")
                .unwrap_err()
                .to_string()
                .contains("'I'")
        );
        assert!(vin("WVWZZZ1JZXW0000O1").is_err());
        assert!(vin("WVWZZZ1JZ-W000001").is_err());
        assert!(
            vin("1HGCM82643A004352")
                .unwrap_err()
                .to_string()
                .contains("check digit")
        );
    }
}
