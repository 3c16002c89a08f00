//! Words for codes: what a person reads instead of `out_of_stock`.

use crate::domain::{JobStatus, PartKind};

// A state's words sit here, beside the other words for codes; its symbol,
// colour and rules are its row in `domain/states.rs`.
impl JobStatus {
    /// The words a person reads on the board.
    pub fn label(self) -> &'static str {
        match self {
            JobStatus::Waiting => "waiting",
            JobStatus::Dispatched => "dispatched",
            JobStatus::InProgress => "in progress",
            JobStatus::Paused => "paused",
            JobStatus::WaitingParts => "waiting parts",
            JobStatus::WaitingApproval => "waiting approval",
            JobStatus::ReadyForQc => "ready for QC",
            JobStatus::QcPassed => "QC passed",
            JobStatus::Rework => "rework",
            JobStatus::Delivered => "delivered",
            JobStatus::Cancelled => "cancelled",
        }
    }
}

pub fn part_kind(k: PartKind) -> &'static str {
    k.label()
}

/// What an event in the log means, in words ("parts_logged" → "parts issue
/// logged"). JSON and the database keep the code.
pub fn event_kind(kind: &str) -> String {
    let words = match kind {
        "created" => "checked in",
        "dispatched" => "dispatched",
        "reassigned" => "reassigned",
        "released" => "bay released",
        "priority" => "priority set",
        "started" => "started",
        "paused" => "paused",
        "resumed" => "resumed",
        "finished" => "self-check done",
        "qc_passed" => "QC passed",
        "qc_failed" => "QC failed",
        "delivered" => "delivered",
        "cancelled" => "cancelled",
        "parts_logged" => "parts issue logged",
        "parts_ordered" => "part ordered",
        "parts_received" => "part received",
        "parts_resolved" => "part resolved",
        "parts_cancelled" => "parts issue cancelled",
        "parts_cleared" => "parts hold cleared",
        "waiting_parts" => "waits for parts",
        "waiting_approval" => "waits for approval",
        "approval_cleared" => "approval hold cleared",
        "line_added" => "work added",
        "line_approved" => "customer approved",
        "line_declined" => "customer declined",
        "line_done" => "work done",
        "line_reopened" => "work reopened",
        "line_priced" => "work priced",
        "pin_set" => "PIN set",
        "pin_cleared" => "PIN cleared",
        "pin_refused" => "wrong PIN",
        "pin_unlocked" => "PIN lock lifted",
        "pins_required" => "PIN rule changed",
        "washed" => "washed",
        "adjusted" => "amount accepted",
        "followup_reached" => "follow-up call",
        "followup_missed" => "follow-up: no answer",
        "complaint_opened" => "complaint recorded",
        "complaint_acknowledged" => "complaint answered",
        "complaint_resolved" => "complaint resolved",
        "complaint_closed" => "complaint closed",
        "appt_booked" => "booked",
        "appt_arrived" => "booking arrived",
        "appt_no_show" => "no-show",
        "appt_cancelled" => "booking cancelled",
        "staff_added" => "staff added",
        "bay_added" => "bay added",
        "shop_renamed" => "shop renamed",
        "shop_set" => "shop settings",
        other => return other.replace('_', " "),
    };
    words.to_string()
}

/// A stored status code in words ("waiting_parts" → "waiting parts"),
/// unknown text as it is.
pub fn status_code(code: &str) -> String {
    code.parse::<crate::domain::JobStatus>()
        .map(|s| s.label().to_string())
        .unwrap_or_else(|_| code.replace('_', " "))
}

/// A QC checklist item's words, from the checklist ("wheel_torque" →
/// "Wheel nuts torqued …"); an unknown id as it is.
pub fn qc_item(id: &str) -> String {
    crate::domain::qc::Checklist::builtin()
        .item(id)
        .map(|i| i.text.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Whom the shop asks for a PIN, in words.
pub fn pin_policy(p: crate::domain::PinPolicy) -> &'static str {
    use crate::domain::PinPolicy;
    match p {
        PinPolicy::None => "from those who keep one",
        PinPolicy::Signoffs => "for sign-offs (QC, delivery, cancellation, PIN resets)",
        PinPolicy::Everyone => "from everyone, for everything",
    }
}

/// A complaint's state in words; narrow columns get a word of at most
/// eight letters.
pub fn complaint_status(s: crate::domain::aftersales::ComplaintStatus, wide: bool) -> &'static str {
    use crate::domain::aftersales::ComplaintStatus::*;
    match s {
        Open => "open",
        Acknowledged if wide => "acknowledged",
        Acknowledged => "answered",
        Resolved => "resolved",
        Closed => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_words() {
        assert_eq!(event_kind("parts_logged"), "parts issue logged");
        assert_eq!(event_kind("something_new"), "something new");
        assert_eq!(status_code("waiting_parts"), "waiting parts");
        assert_eq!(part_kind(PartKind::PriceApproval), "price approval");
        assert!(qc_item("wheel_torque").starts_with("Wheel nuts"));
    }
}
