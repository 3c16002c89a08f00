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

// The words for the domain's codes. The message catalogue takes them over
// with the second language; until then they are said here, in one place.

impl crate::domain::Field {
    /// The name a person reads in a message ("plate: must not be empty").
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::Field::Plate => "plate",
            crate::domain::Field::Complaint => "complaint",
            crate::domain::Field::Make => "make",
            crate::domain::Field::Model => "model",
            crate::domain::Field::Customer => "customer",
            crate::domain::Field::Phone => "phone",
            crate::domain::Field::Promised => "promised",
            crate::domain::Field::Priority => "priority",
            crate::domain::Field::Vin => "vin",
            crate::domain::Field::Year => "year",
            crate::domain::Field::Odometer => "odometer",
            crate::domain::Field::EstimateHours => "estimate hours",
            crate::domain::Field::Part => "part",
            crate::domain::Field::Quantity => "quantity",
            crate::domain::Field::Note => "note",
            crate::domain::Field::ItemNote => "item note",
            crate::domain::Field::Item => "--item",
            crate::domain::Field::Reason => "reason",
            crate::domain::Field::Eta => "ETA",
            crate::domain::Field::RoadTestKm => "road test km",
            crate::domain::Field::Name => "name",
            crate::domain::Field::ShopName => "shop name",
            crate::domain::Field::BayName => "bay name",
            crate::domain::Field::Skill => "skill",
            crate::domain::Field::Role => "role",
            crate::domain::Field::Pin => "PIN",
            crate::domain::Field::Reassign => "reassign",
            crate::domain::Field::Action => "action",
            crate::domain::Field::Work => "work",
            crate::domain::Field::Hours => "hours",
            crate::domain::Field::PartsAmount => "parts amount",
            crate::domain::Field::Urgency => "urgency",
            crate::domain::Field::DecidedBy => "customer's name",
            crate::domain::Field::Via => "via",
            crate::domain::Field::Currency => "currency",
            crate::domain::Field::LabourRate => "labour rate",
            crate::domain::Field::Job => "job",
            crate::domain::Field::Appointment => "appointment",
            crate::domain::Field::Fuel => "fuel",
            crate::domain::Field::Damage => "damage",
            crate::domain::Field::Valuables => "valuables",
            crate::domain::Field::WarningLights => "warning lights",
            crate::domain::Field::CustomerWaiting => "customer waiting",
            crate::domain::Field::ReturnOldParts => "old parts back",
            crate::domain::Field::Amount => "amount",
            crate::domain::Field::FollowupDays => "follow-up days",
            crate::domain::Field::ComebackDays => "comeback days",
            crate::domain::Field::DayHours => "day hours",
            crate::domain::Field::Score => "score",
            crate::domain::Field::Severity => "severity",
        }
    }
}

impl crate::domain::Role {
    /// How a role is named in a sentence ("only a foreman can …").
    pub fn noun(self) -> &'static str {
        match self {
            crate::domain::Role::Technician => "technician",
            crate::domain::Role::Foreman => "foreman",
            crate::domain::Role::Qc => "QC inspector",
            crate::domain::Role::Advisor => "service advisor",
            crate::domain::Role::Parts => "parts staff",
        }
    }
}

impl PartKind {
    /// The words a person reads.
    pub fn label(self) -> &'static str {
        match self {
            PartKind::OutOfStock => "out of stock",
            PartKind::WrongPart => "wrong part",
            PartKind::Damaged => "damaged",
            PartKind::Backorder => "on backorder",
            PartKind::PriceApproval => "price approval",
            PartKind::Other => "other",
        }
    }
}

impl crate::domain::aftersales::FollowupState {
    /// The words a person reads.
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::aftersales::FollowupState::Pending => "not due yet",
            crate::domain::aftersales::FollowupState::Due => "due",
            crate::domain::aftersales::FollowupState::Reached => "reached",
            crate::domain::aftersales::FollowupState::Unreachable => "unreachable",
        }
    }
}

impl crate::domain::aftersales::Overdue {
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::aftersales::Overdue::Response => "response overdue",
            crate::domain::aftersales::Overdue::Resolution => "resolution overdue",
        }
    }
}

impl crate::domain::LineKind {
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::LineKind::Requested => "requested",
            crate::domain::LineKind::Added => "found",
        }
    }
}

impl crate::domain::LineStatus {
    pub fn label(self) -> &'static str {
        use crate::domain::LineStatus::*;
        match self {
            Proposed => "waiting for the customer",
            Approved => "to do",
            Declined => "declined",
            Done => "done",
        }
    }
}

impl crate::domain::Urgency {
    pub fn label(self) -> &'static str {
        self.as_str()
    }
}

impl crate::domain::Via {
    pub fn label(self) -> &'static str {
        use crate::domain::Via::*;
        match self {
            Phone => "by phone",
            InPerson => "in person",
            Message => "by message",
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

/// The words for a code of a kind of thing, as an event stores it
/// (`part_kind`, `out_of_stock`); an unknown code reads as itself.
pub fn code_label(of: &str, code: &str) -> String {
    use crate::domain::{BayKind, LineKind, Role, Urgency};
    fn words<T: std::str::FromStr>(
        code: &str,
        label: impl Fn(T) -> &'static str,
    ) -> Option<String> {
        code.parse::<T>().ok().map(|t| label(t).to_string())
    }
    match of {
        "part_kind" => words::<PartKind>(code, PartKind::label),
        "line_kind" => words::<LineKind>(code, LineKind::label),
        "urgency" => words::<Urgency>(code, Urgency::label),
        "bay_kind" => words::<BayKind>(code, BayKind::as_str),
        "role" => words::<Role>(code, Role::as_str),
        "status" => Some(status_code(code)),
        _ => None,
    }
    .unwrap_or_else(|| code.to_string())
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
