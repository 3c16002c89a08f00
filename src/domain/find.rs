//! What a person types to find a job — its number, a plate however typed
//! or its last characters, a phone or part of it, a customer's name (in
//! pinyin too) — read once, for the store's search of the whole history
//! and the board's of the jobs on it.

/// A typed search, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobQuery {
    pub text: String,
    /// `J-12`, `j12` or `12`.
    pub number: Option<i64>,
    /// The plate's canonical form (`粤A·H2526` → `粤AH2526`); two
    /// characters or more to search by.
    pub plate_key: String,
    /// The digits, for a phone; four or more to search by.
    pub digits: String,
}

impl JobQuery {
    pub fn new(text: &str) -> JobQuery {
        let text = text.trim();
        JobQuery {
            text: text.to_string(),
            number: text
                .trim_start_matches(['J', 'j'])
                .trim_start_matches('-')
                .parse()
                .ok(),
            plate_key: super::vehicle::plate_key(text),
            digits: text.chars().filter(|c| c.is_ascii_digit()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether a job with these facts is one the person may mean.
    pub fn matches(
        &self,
        number: i64,
        plate: &str,
        customer: Option<&str>,
        phone: Option<&str>,
    ) -> bool {
        if self.is_empty() {
            return false;
        }
        let plate_fits = self.plate_key.chars().count() >= 2
            && super::vehicle::plate_key(plate).contains(&self.plate_key);
        let phone_fits = self.digits.len() >= 4
            && phone.is_some_and(|p| {
                let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
                digits.contains(&self.digits)
            });
        self.number == Some(number)
            || plate_fits
            || phone_fits
            || customer.is_some_and(|c| super::names::name_matches(c, &self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::JobQuery;

    #[test]
    fn a_job_is_found_by_number_plate_phone_or_pinyin() {
        let fits = |typed: &str| {
            JobQuery::new(typed).matches(21, "粤A·H2526", Some("张敏"), Some("+86 139 1000 2000"))
        };
        for typed in [
            "J-000021",
            "21",
            "粤AH2526",
            "ah 2526",
            "2526",
            "10002000",
            "zm",
            "张",
        ] {
            assert!(fits(typed), "{typed}");
        }
        for typed in ["", "J-22", "9999", "lw", "2"] {
            assert!(!fits(typed), "{typed}");
        }
    }
}
