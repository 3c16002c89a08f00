//! Money: integer minor units of the shop's currency (ISO 4217). Typed as
//! `1280.50`, stored as 128050, never as a float.

use super::field::Field;
use super::refusal::Refusal;
use super::said::Said;

/// The most a single amount may be (in major units), as a typing guard.
pub const MAX_MAJOR: i64 = 10_000_000;

/// Digits after the point for `code` (most currencies 2; a few 0 or 3).
pub fn decimals(code: &str) -> u32 {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "XAF" | "XOF" | "PYG" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

/// A currency code: three letters A–Z.
pub fn currency(code: &str) -> Result<String, Refusal> {
    let c = code.trim().to_ascii_uppercase();
    if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(Refusal::invalid(
            Field::Currency,
            Said::new("problem-currency-code").text("code", code),
        ))
    }
}

/// Parses `1280.50` (or `1280`, `1,280.50`) into minor units. Refuses
/// negative amounts, more decimals than the currency has, and anything else.
pub fn parse(field: Field, text: &str, code: &str) -> Result<i64, Refusal> {
    let d = decimals(code);
    let bad = |id: &'static str| {
        Refusal::invalid(field, Said::new(id).text("text", text).text("code", code))
    };
    // A comma only as thousands grouping ("1,280.50"): "12,50" is a
    // decimal comma and "1,2,3,4" no number at all; taken as grouping they
    // would be 1,250.00 and 1,234.00.
    if text.contains(',') && !thousands_grouped(text.trim()) {
        return Err(bad("problem-amount-comma"));
    }
    let t: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    if t.starts_with('-') {
        return Err(bad("problem-amount-negative"));
    }
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || (!frac.is_empty() && !digits(frac)) || (t.contains('.') && frac.is_empty())
    {
        return Err(bad("problem-amount-form"));
    }
    if frac.len() as u32 > d {
        return Err(Refusal::invalid(
            field,
            Said::new("problem-amount-decimals")
                .text("text", text)
                .num("decimals", d as i64)
                .text("code", code),
        ));
    }
    let major: i64 = whole
        .parse()
        .ok()
        .filter(|m| *m <= MAX_MAJOR)
        .ok_or_else(|| {
            Refusal::invalid(
                field,
                Said::new("problem-amount-max")
                    .text("text", text)
                    .num("max", MAX_MAJOR)
                    .text("code", code),
            )
        })?;
    let scale = 10i64.pow(d);
    let minor: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<width$}", width = d as usize)
            .parse()
            .unwrap_or(0)
    };
    Ok(major * scale + minor)
}

/// "1,280.50" and "12,345,678": groups of three after the first.
fn thousands_grouped(text: &str) -> bool {
    let whole = text.split_once('.').map_or(text, |(w, _)| w);
    let frac_has_comma = text.split_once('.').is_some_and(|(_, f)| f.contains(','));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    !frac_has_comma
        && (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// `128050` in CNY → `1280.50`.
pub fn format(minor: i64, code: &str) -> String {
    let d = decimals(code);
    let scale = 10i64.pow(d);
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.abs();
    if d == 0 {
        format!("{sign}{m}")
    } else {
        format!(
            "{sign}{}.{:0width$}",
            m / scale,
            m % scale,
            width = d as usize
        )
    }
}

/// `128050` in CNY → `CNY 1280.50`.
pub fn with_code(minor: i64, code: &str) -> String {
    format!("{code} {}", format(minor, code))
}

/// hours × rate (minor units per hour) + parts, rounded to the minor unit.
pub fn price(hours: Option<f64>, rate: i64, parts: Option<i64>) -> i64 {
    let labour = (hours.unwrap_or(0.0) * rate as f64).round() as i64;
    labour + parts.unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_is_only_thousands_grouping() {
        use crate::domain::Field;
        assert_eq!(parse(Field::Amount, "1,280.50", "CNY").unwrap(), 128_050);
        assert_eq!(
            parse(Field::Amount, "1,234,567", "CNY").unwrap(),
            123_456_700
        );
        for bad in ["12,50", "1,2,3,4", "1,28", "1280,50", ",500", "1,280.5,0"] {
            assert!(parse(Field::Amount, bad, "CNY").is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_and_prints_minor_units() {
        assert_eq!(parse(Field::PartsAmount, "1280.50", "CNY").unwrap(), 128050);
        assert_eq!(parse(Field::PartsAmount, "1,280.5", "CNY").unwrap(), 128050);
        assert_eq!(parse(Field::PartsAmount, "12", "CNY").unwrap(), 1200);
        assert_eq!(parse(Field::PartsAmount, "0.05", "EUR").unwrap(), 5);
        assert_eq!(parse(Field::PartsAmount, "1500", "JPY").unwrap(), 1500);
        assert_eq!(parse(Field::PartsAmount, "1.250", "KWD").unwrap(), 1250);
        for bad in ["-5", "1.234", "abc", "1.", ".5", "", "1e3", "99999999999"] {
            assert!(parse(Field::PartsAmount, bad, "CNY").is_err(), "{bad}");
        }
        assert!(parse(Field::PartsAmount, "15.5", "JPY").is_err());
        assert_eq!(format(128050, "CNY"), "1280.50");
        assert_eq!(format(5, "EUR"), "0.05");
        assert_eq!(format(1500, "JPY"), "1500");
        assert_eq!(with_code(1250, "KWD"), "KWD 1.250");
        assert_eq!(price(Some(1.5), 30000, Some(12050)), 57050);
        assert_eq!(price(None, 30000, None), 0);
        assert!(currency("cny").is_ok() && currency("CN").is_err() && currency("C1Y").is_err());
    }
}
