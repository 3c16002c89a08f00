//! Calls to return: a customer's incoming call (what they asked, what was
//! promised, by when), and the second follow-up call some shops make a
//! set number of days after the first is answered.

use super::said::Said;

/// What kind of call is waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    Incoming,
    SecondFollowup,
}

impl CallKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CallKind::Incoming => "incoming",
            CallKind::SecondFollowup => "second_followup",
        }
    }

    pub fn parse(s: &str) -> Option<CallKind> {
        match s {
            "incoming" => Some(CallKind::Incoming),
            "second_followup" => Some(CallKind::SecondFollowup),
            _ => None,
        }
    }
}

pub fn call_label(id: i64) -> String {
    format!("T-{id}")
}

pub fn parse_call(s: &str) -> Result<i64, Said> {
    let t = s.trim();
    let digits = t
        .strip_prefix("T-")
        .or_else(|| t.strip_prefix("t-"))
        .unwrap_or(t);
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Said::new("problem-call-number").text("text", s))
}

/// Days after the first follow-up call that the second falls due: 0 (no
/// second call) to 30.
pub fn second_followup_days(n: i64) -> Result<i64, super::Refusal> {
    if (0..=30).contains(&n) {
        Ok(n)
    } else {
        Err(super::Refusal::invalid(
            super::Field::FollowupDays,
            Said::new("problem-second-followup-days").num("n", n),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_is_t_and_its_number() {
        assert_eq!(call_label(7), "T-7");
        assert_eq!(parse_call("T-7"), Ok(7));
        assert_eq!(parse_call("t-7"), Ok(7));
        assert_eq!(parse_call("7"), Ok(7));
        assert!(parse_call("T-0").is_err());
        assert!(parse_call("C-7").is_err());
        assert!(second_followup_days(31).is_err());
        assert_eq!(second_followup_days(7), Ok(7));
    }
}
