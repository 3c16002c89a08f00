//! Human numbers for jobs ("J-000123") and parts issues ("P-12").

use super::refusal::Refusal;
use super::said::Said;

pub fn job_label(number: i64) -> String {
    format!("J-{number:06}")
}

pub fn parts_label(id: i64) -> String {
    format!("P-{id}")
}

/// Accepts "J-000123", "j-123", "J123" and "123".
pub fn parse_job_number(text: &str) -> Result<i64, Refusal> {
    parse_prefixed(text, 'J', "job")
}

/// Accepts "P-12", "p12" and "12".
pub fn parse_parts_id(text: &str) -> Result<i64, Refusal> {
    parse_prefixed(text, 'P', "parts_issue")
}

/// `L-12`, `L12` or `12`.
pub fn parse_line_id(text: &str) -> Result<i64, Refusal> {
    parse_prefixed(text, 'L', "line")
}

fn parse_prefixed(text: &str, prefix: char, what: &'static str) -> Result<i64, Refusal> {
    let t = text.trim();
    let rest = t
        .strip_prefix(prefix)
        .or_else(|| t.strip_prefix(prefix.to_ascii_lowercase()))
        .map(|r| r.strip_prefix('-').unwrap_or(r))
        .unwrap_or(t);
    match rest.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Refusal::unknown(
            what,
            text,
            Some(Said::new("hint-number-form").text("prefix", prefix)),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_numbers_format_and_parse() {
        assert_eq!(job_label(123), "J-000123");
        for t in ["J-000123", "j-123", "J123", "123", " 123 "] {
            assert_eq!(parse_job_number(t).unwrap(), 123, "{t}");
        }
        for t in [
            "",
            "J-",
            "J-0",
            "-5",
            "X-12",
            "J-12a",
            "99999999999999999999",
        ] {
            assert!(parse_job_number(t).is_err(), "{t}");
        }
    }

    #[test]
    fn parts_ids_format_and_parse() {
        assert_eq!(parts_label(7), "P-7");
        assert_eq!(parse_parts_id("P-7").unwrap(), 7);
        assert_eq!(parse_parts_id("7").unwrap(), 7);
        assert!(parse_parts_id("J-7").is_err());
    }
}
