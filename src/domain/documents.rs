//! The paperwork a dealer prints: repair order 委托书, job card 派工单,
//! added-work confirmation 增项确认单, settlement 结算单 and gate pass
//! 出门证; and the rule that a gate pass waits for the QC pass and a
//! recorded payment.

use super::said::{Said, UnknownCode};
use super::{Field, JobStatus, Refusal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    RepairOrder,
    JobCard,
    AddedWork,
    Settlement,
    GatePass,
}

impl Document {
    pub const ALL: [Document; 5] = [
        Document::RepairOrder,
        Document::JobCard,
        Document::AddedWork,
        Document::Settlement,
        Document::GatePass,
    ];

    /// As typed and stored: `ro`, `card`, `added`, `settlement`, `gate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Document::RepairOrder => "ro",
            Document::JobCard => "card",
            Document::AddedWork => "added",
            Document::Settlement => "settlement",
            Document::GatePass => "gate",
        }
    }
}

impl std::str::FromStr for Document {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Document::ALL
            .into_iter()
            .find(|d| d.as_str() == s.trim())
            .ok_or_else(|| UnknownCode::new("document", s, Document::ALL.map(|d| d.as_str())))
    }
}

/// Whether `doc` may be printed for a job in `status`, `paid` or not: the
/// car leaves on a gate pass only once it passed QC and was paid for.
pub fn check_print(doc: Document, job: &str, status: JobStatus, paid: bool) -> Result<(), Refusal> {
    let passed = matches!(status, JobStatus::QcPassed | JobStatus::Delivered);
    if doc == Document::GatePass && !(passed && paid) {
        return Err(Refusal::invalid(
            Field::Job,
            Said::new("problem-gate-pass-early")
                .text("job", job)
                .status("status", status)
                .text("paid", if paid { "yes" } else { "no" }),
        ));
    }
    Ok(())
}

/// The shop's printers as a foreman types them: CUPS queue names (no
/// spaces, `/`, `#` or commas), the first the default; none typed (or one
/// empty name) leaves the shop without a printer of its own, so `lp` uses
/// CUPS's default.
pub fn printers(names: &[String]) -> Result<Vec<String>, Refusal> {
    let mut out: Vec<String> = Vec::new();
    for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let bad = n.chars().count() > 127
            || n.chars()
                .any(|c| c.is_whitespace() || c.is_control() || "/#,".contains(c));
        if bad {
            return Err(Refusal::invalid(
                Field::Printer,
                Said::new("problem-printer-name").text("name", n),
            ));
        }
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printer_names_are_cups_queue_names() {
        let names = |v: &[&str]| printers(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            names(&["前台", " Workshop ", "前台"]).unwrap(),
            ["前台", "Workshop"]
        );
        assert!(names(&[""]).unwrap().is_empty());
        assert!(names(&["Front desk"]).is_err());
        assert!(names(&["a/b"]).is_err());
    }

    #[test]
    fn a_gate_pass_waits_for_the_qc_pass_and_the_payment() {
        let gate = |s, paid| check_print(Document::GatePass, "J-1", s, paid).is_ok();
        assert!(!gate(JobStatus::ReadyForQc, true));
        assert!(!gate(JobStatus::QcPassed, false));
        assert!(gate(JobStatus::QcPassed, true));
        assert!(gate(JobStatus::Delivered, true));
        assert!(check_print(Document::RepairOrder, "J-1", JobStatus::Waiting, false).is_ok());
        assert_eq!("gate".parse::<Document>().unwrap(), Document::GatePass);
        assert!("invoice".parse::<Document>().is_err());
    }
}
