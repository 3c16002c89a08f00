//! Words for codes: what a person reads instead of `out_of_stock`.

use super::words::word as w;
use super::{lang, words};
use crate::domain::{JobStatus, PartKind};

// A state's words sit here, beside the other words for codes; its symbol,
// colour and rules are its row in `domain/states.rs`.
impl JobStatus {
    /// The words a person reads on the board.
    pub fn label(self) -> &'static str {
        match self {
            JobStatus::Waiting => w("status-waiting"),
            JobStatus::Dispatched => w("status-dispatched"),
            JobStatus::InProgress => w("status-in-progress"),
            JobStatus::Paused => w("status-paused"),
            JobStatus::WaitingParts => w("status-waiting-parts"),
            JobStatus::WaitingApproval => w("status-waiting-approval"),
            JobStatus::PeerCheck => w("status-peer-check"),
            JobStatus::ReadyForQc => w("status-ready-for-qc"),
            JobStatus::QcPassed => w("status-qc-passed"),
            JobStatus::Rework => w("status-rework"),
            JobStatus::Delivered => w("status-delivered"),
            JobStatus::Cancelled => w("status-cancelled"),
        }
    }
}

// The words for the domain's codes, from the catalogue's `labels.ftl` in
// the reader's language (`words::word` keeps each as a `&'static str`).

impl crate::domain::Field {
    /// The name a person reads in a message ("plate: must not be empty").
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::Field::Plate => w("field-plate"),
            crate::domain::Field::Complaint => w("field-complaint"),
            crate::domain::Field::Make => w("field-make"),
            crate::domain::Field::Model => w("field-model"),
            crate::domain::Field::Customer => w("field-customer"),
            crate::domain::Field::Phone => w("field-phone"),
            crate::domain::Field::Promised => w("field-promised"),
            crate::domain::Field::Priority => w("field-priority"),
            crate::domain::Field::Vin => w("field-vin"),
            crate::domain::Field::Year => w("field-year"),
            crate::domain::Field::Odometer => w("field-odometer"),
            crate::domain::Field::EstimateHours => w("field-estimate-hours"),
            crate::domain::Field::Part => w("field-part"),
            crate::domain::Field::Quantity => w("field-quantity"),
            crate::domain::Field::Note => w("field-note"),
            crate::domain::Field::ItemNote => w("field-item-note"),
            crate::domain::Field::Item => w("field-item"),
            crate::domain::Field::Level => w("field-level"),
            crate::domain::Field::Reason => w("field-reason"),
            crate::domain::Field::Eta => w("field-eta"),
            crate::domain::Field::RoadTestKm => w("field-road-test-km"),
            crate::domain::Field::Name => w("field-name"),
            crate::domain::Field::ShopName => w("field-shop-name"),
            crate::domain::Field::BayName => w("field-bay-name"),
            crate::domain::Field::Skill => w("field-skill"),
            crate::domain::Field::Role => w("field-role"),
            crate::domain::Field::Pin => w("field-pin"),
            crate::domain::Field::Reassign => w("field-reassign"),
            crate::domain::Field::Action => w("field-action"),
            crate::domain::Field::Work => w("field-work"),
            crate::domain::Field::Hours => w("field-hours"),
            crate::domain::Field::PartsAmount => w("field-parts-amount"),
            crate::domain::Field::Urgency => w("field-urgency"),
            crate::domain::Field::DecidedBy => w("field-decided-by"),
            crate::domain::Field::Via => w("field-via"),
            crate::domain::Field::Currency => w("field-currency"),
            crate::domain::Field::LabourRate => w("field-labour-rate"),
            crate::domain::Field::Job => w("field-job"),
            crate::domain::Field::KeyTag => w("field-key-tag"),
            crate::domain::Field::Payer => w("field-payer"),
            crate::domain::Field::Symptom => w("field-symptom"),
            crate::domain::Field::Cause => w("field-cause"),
            crate::domain::Field::Correction => w("field-correction"),
            crate::domain::Field::ClaimNumber => w("field-claim-number"),
            crate::domain::Field::ClaimStatus => w("field-claim-status"),
            crate::domain::Field::Campaign => w("field-campaign"),
            crate::domain::Field::Spot => w("field-spot"),
            crate::domain::Field::NextService => w("field-next-service"),
            crate::domain::Field::Timezone => w("field-timezone"),
            crate::domain::Field::Appointment => w("field-appointment"),
            crate::domain::Field::Fuel => w("field-fuel"),
            crate::domain::Field::Damage => w("field-damage"),
            crate::domain::Field::Valuables => w("field-valuables"),
            crate::domain::Field::WarningLights => w("field-warning-lights"),
            crate::domain::Field::CustomerWaiting => w("field-customer-waiting"),
            crate::domain::Field::ReturnOldParts => w("field-return-old-parts"),
            crate::domain::Field::WalkaroundDeclined => w("field-walkaround-declined"),
            crate::domain::Field::Walkaround => w("field-walkaround"),
            crate::domain::Field::Call => w("field-call"),
            crate::domain::Field::CallBack => w("field-call-back"),
            crate::domain::Field::Amount => w("field-amount"),
            crate::domain::Field::FollowupDays => w("field-followup-days"),
            crate::domain::Field::ComebackDays => w("field-comeback-days"),
            crate::domain::Field::DayHours => w("field-day-hours"),
            crate::domain::Field::Score => w("field-score"),
            crate::domain::Field::Severity => w("field-severity"),
            crate::domain::Field::Op => w("field-op"),
            crate::domain::Field::Price => w("field-price"),
            crate::domain::Field::Row => w("field-row"),
            crate::domain::Field::Printer => w("field-printer"),
        }
    }
}

impl crate::domain::appointments::ApptState {
    /// The words a person reads (expected, 待到店).
    pub fn label(self) -> &'static str {
        use crate::domain::appointments::ApptState::*;
        match self {
            Expected => w("appt-state-expected"),
            Late => w("appt-state-late"),
            Arrived => w("appt-state-arrived"),
            NoShow => w("appt-state-no-show"),
            Cancelled => w("appt-state-cancelled"),
        }
    }
}

impl crate::domain::PartStatus {
    /// The words a person reads (ordered, 已订货).
    pub fn label(self) -> &'static str {
        use crate::domain::PartStatus::*;
        match self {
            Open => w("part-status-open"),
            Ordered => w("part-status-ordered"),
            Received => w("part-status-received"),
            Resolved => w("part-status-resolved"),
            Cancelled => w("part-status-cancelled"),
        }
    }
}

impl crate::domain::BayKind {
    /// The words a person reads (alignment, 四轮定位).
    pub fn label(self) -> &'static str {
        use crate::domain::BayKind::*;
        match self {
            Mechanical => w("bay-kind-mechanical"),
            Body => w("bay-kind-body"),
            Quick => w("bay-kind-quick"),
            Alignment => w("bay-kind-alignment"),
            Diagnosis => w("bay-kind-diagnosis"),
        }
    }
}

impl crate::domain::Priority {
    /// The words a person reads ("urgent", 特急).
    pub fn label(self) -> &'static str {
        use crate::domain::Priority::*;
        match self {
            Normal => w("priority-normal"),
            High => w("priority-high"),
            Urgent => w("priority-urgent"),
        }
    }
}

impl crate::domain::Role {
    /// How a role is named in a sentence ("only a foreman can …").
    pub fn noun(self) -> &'static str {
        match self {
            crate::domain::Role::Technician => w("role-technician"),
            crate::domain::Role::Foreman => w("role-foreman"),
            crate::domain::Role::Qc => w("role-qc"),
            crate::domain::Role::Advisor => w("role-advisor"),
            crate::domain::Role::Parts => w("role-parts"),
        }
    }
}

impl PartKind {
    /// The words a person reads.
    pub fn label(self) -> &'static str {
        match self {
            PartKind::OutOfStock => w("part-kind-out-of-stock"),
            PartKind::WrongPart => w("part-kind-wrong-part"),
            PartKind::Damaged => w("part-kind-damaged"),
            PartKind::Backorder => w("part-kind-backorder"),
            PartKind::PriceApproval => w("part-kind-price-approval"),
            PartKind::Other => w("part-kind-other"),
        }
    }
}

impl crate::domain::aftersales::FollowupState {
    /// The words a person reads.
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::aftersales::FollowupState::Pending => w("followup-pending"),
            crate::domain::aftersales::FollowupState::Due => w("followup-due"),
            crate::domain::aftersales::FollowupState::Reached => w("followup-reached"),
            crate::domain::aftersales::FollowupState::Unreachable => w("followup-unreachable"),
        }
    }
}

impl crate::domain::aftersales::Overdue {
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::aftersales::Overdue::Response => w("overdue-response"),
            crate::domain::aftersales::Overdue::Resolution => w("overdue-resolution"),
        }
    }
}

impl crate::domain::LineKind {
    pub fn label(self) -> &'static str {
        match self {
            crate::domain::LineKind::Requested => w("line-kind-requested"),
            crate::domain::LineKind::Added => w("line-kind-added"),
        }
    }
}

impl crate::domain::LineStatus {
    pub fn label(self) -> &'static str {
        use crate::domain::LineStatus::*;
        match self {
            Proposed => w("line-status-proposed"),
            Approved => w("line-status-approved"),
            Declined => w("line-status-declined"),
            Done => w("line-status-done"),
        }
    }
}

impl crate::domain::Urgency {
    pub fn label(self) -> &'static str {
        use crate::domain::Urgency::*;
        match self {
            Safety => w("urgency-safety"),
            Soon => w("urgency-soon"),
            Advisory => w("urgency-advisory"),
        }
    }
}

impl crate::domain::Via {
    pub fn label(self) -> &'static str {
        use crate::domain::Via::*;
        match self {
            Phone => w("via-phone"),
            InPerson => w("via-in-person"),
            Message => w("via-message"),
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
        "created" => w("event-kind-created"),
        "dispatched" => w("event-kind-dispatched"),
        "reassigned" => w("event-kind-reassigned"),
        "released" => w("event-kind-released"),
        "priority" => w("event-kind-priority"),
        "started" => w("event-kind-started"),
        "paused" => w("event-kind-paused"),
        "resumed" => w("event-kind-resumed"),
        "finished" => w("event-kind-finished"),
        "qc_passed" => w("event-kind-qc-passed"),
        "qc_failed" => w("event-kind-qc-failed"),
        "peer_passed" => w("event-kind-peer-passed"),
        "handed_over_inside" => w("event-kind-handed-over-inside"),
        "claim_opened" => w("event-kind-claim-opened"),
        "next_service_set" => w("event-kind-next-service-set"),
        "reminder_called" => w("event-kind-reminder-called"),
        "claim_updated" => w("event-kind-claim-updated"),
        "recalls_imported" => w("event-kind-recalls-imported"),
        "peer_failed" => w("event-kind-peer-failed"),
        "self_check_failed" => w("event-kind-self-check-failed"),
        "delivered" => w("event-kind-delivered"),
        "cancelled" => w("event-kind-cancelled"),
        "parts_logged" => w("event-kind-parts-logged"),
        "parts_ordered" => w("event-kind-parts-ordered"),
        "parts_received" => w("event-kind-parts-received"),
        "parts_resolved" => w("event-kind-parts-resolved"),
        "parts_cancelled" => w("event-kind-parts-cancelled"),
        "parts_cleared" => w("event-kind-parts-cleared"),
        "waiting_parts" => w("event-kind-waiting-parts"),
        "waiting_approval" => w("event-kind-waiting-approval"),
        "approval_cleared" => w("event-kind-approval-cleared"),
        "line_added" => w("event-kind-line-added"),
        "line_approved" => w("event-kind-line-approved"),
        "line_declined" => w("event-kind-line-declined"),
        "line_done" => w("event-kind-line-done"),
        "line_reopened" => w("event-kind-line-reopened"),
        "line_priced" => w("event-kind-line-priced"),
        "line_off_list" => w("event-kind-line-off-list"),
        "printed" => w("event-kind-printed"),
        "vehicles_merged" => w("event-kind-vehicles-merged"),
        "catalogue_op_added" => w("event-kind-catalogue-op-added"),
        "catalogue_op_changed" => w("event-kind-catalogue-op-changed"),
        "catalogue_part_added" => w("event-kind-catalogue-part-added"),
        "catalogue_part_changed" => w("event-kind-catalogue-part-changed"),
        "pin_set" => w("event-kind-pin-set"),
        "pin_cleared" => w("event-kind-pin-cleared"),
        "pin_refused" => w("event-kind-pin-refused"),
        "pin_unlocked" => w("event-kind-pin-unlocked"),
        "pins_required" => w("event-kind-pins-required"),
        "washed" => w("event-kind-washed"),
        "adjusted" => w("event-kind-adjusted"),
        "promise_moved" => w("event-kind-promise-moved"),
        "call_logged" => w("event-kind-call-logged"),
        "call_closed" => w("event-kind-call-closed"),
        "followup_reached" => w("event-kind-followup-reached"),
        "followup_missed" => w("event-kind-followup-missed"),
        "complaint_opened" => w("event-kind-complaint-opened"),
        "complaint_acknowledged" => w("event-kind-complaint-acknowledged"),
        "complaint_resolved" => w("event-kind-complaint-resolved"),
        "complaint_closed" => w("event-kind-complaint-closed"),
        "appt_booked" => w("event-kind-appt-booked"),
        "appt_arrived" => w("event-kind-appt-arrived"),
        "appt_no_show" => w("event-kind-appt-no-show"),
        "appt_cancelled" => w("event-kind-appt-cancelled"),
        "staff_added" => w("event-kind-staff-added"),
        "bay_added" => w("event-kind-bay-added"),
        "shop_renamed" => w("event-kind-shop-renamed"),
        "shop_set" => w("event-kind-shop-set"),
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
    shipped_checklist()
        .item(id)
        .map(checklist_text)
        .unwrap_or_else(|| id.to_string())
}

/// Who pays for a line, in words.
pub fn payer(p: crate::domain::warranty::Payer) -> &'static str {
    use crate::domain::warranty::Payer::*;
    match p {
        Customer => w("payer-customer"),
        Warranty => w("payer-warranty"),
        Sanbao => w("payer-sanbao"),
        Goodwill => w("payer-goodwill"),
        Internal => w("payer-internal"),
    }
}

/// A claim's state, in words.
pub fn claim_status(s: crate::domain::warranty::ClaimStatus) -> &'static str {
    use crate::domain::warranty::ClaimStatus::*;
    match s {
        Open => w("claim-status-open"),
        Submitted => w("claim-status-submitted"),
        Approved => w("claim-status-approved"),
        Rejected => w("claim-status-rejected"),
        Paid => w("claim-status-paid"),
    }
}

/// An inspection level's name: 自检, 互检, 终检.
pub fn level_name(level: crate::domain::inspection::Level) -> &'static str {
    match level {
        crate::domain::inspection::Level::SelfCheck => w("level-self"),
        crate::domain::inspection::Level::Peer => w("level-peer"),
        crate::domain::inspection::Level::Final => w("level-final"),
    }
}

/// An item of an inspection level's checklist in words.
pub fn level_item(level: crate::domain::inspection::Level, id: &str) -> String {
    crate::domain::inspection::Levels::builtin()
        .row(level)
        .items
        .iter()
        .find(|i| i.id.eq_ignore_ascii_case(id))
        .map(checklist_text)
        .unwrap_or_else(|| id.to_string())
}

fn shipped_checklist() -> &'static crate::domain::qc::Checklist {
    static LIST: std::sync::OnceLock<crate::domain::qc::Checklist> = std::sync::OnceLock::new();
    LIST.get_or_init(crate::domain::qc::Checklist::builtin)
}

/// A checklist item's text in the reader's language, where the checklist
/// gives it in that language.
pub fn checklist_text(item: &crate::domain::qc::ChecklistItem) -> String {
    match (lang::current(), &item.zh) {
        (lang::Lang::ZhCn, Some(zh)) => zh.clone(),
        _ => item.text.clone(),
    }
}

/// An item of a recorded inspection in the reader's language: its words as
/// recorded, or the shipped checklist's translation of those same words.
pub fn recorded_item(id: &str, text: &str) -> String {
    // Levels share ids (no_leaks): the item is the one whose words these are.
    crate::domain::inspection::Levels::builtin()
        .levels
        .iter()
        .flat_map(|l| &l.items)
        .find(|i| i.id.eq_ignore_ascii_case(id) && i.text == text)
        .map_or_else(|| text.to_string(), checklist_text)
}

/// Failed items as an event recorded them (`ids` "a,b", `texts` "A; B"),
/// each in the reader's language where the shipped checklist has it.
pub fn recorded_items(ids: &str, texts: &str) -> String {
    // An item's own words may hold "; ", so each is matched whole.
    let mut rest = texts;
    let mut out = Vec::new();
    for id in ids.split(',') {
        // Levels share ids (no_leaks): the item is the one whose words these are.
        let item = crate::domain::inspection::Levels::builtin()
            .levels
            .iter()
            .flat_map(|l| &l.items)
            .find(|i| i.id.eq_ignore_ascii_case(id) && rest.starts_with(i.text.as_str()));
        match item {
            Some(item) => {
                out.push(checklist_text(item));
                rest = rest[item.text.len()..].trim_start_matches("; ");
            }
            None => return texts.to_string(),
        }
    }
    if !rest.is_empty() {
        return texts.to_string();
    }
    let sep = if lang::current() == lang::Lang::ZhCn {
        "；"
    } else {
        "; "
    };
    out.join(sep)
}

/// A technician's skill as the reader says it (brakes, 制动); a skill the
/// skills file does not name reads as typed.
pub fn skill(name: &str) -> String {
    match (lang::current(), crate::domain::people::skill_zh(name)) {
        (lang::Lang::ZhCn, Some(zh)) => zh.to_string(),
        _ => name.to_string(),
    }
}

/// Skills as the reader says them, in one line.
pub fn skills(names: &[String]) -> String {
    let sep = if lang::current() == lang::Lang::ZhCn {
        "、"
    } else {
        ", "
    };
    names.iter().map(|n| skill(n)).collect::<Vec<_>>().join(sep)
}

/// A payment method's code in words ("transfer" → "bank transfer").
pub fn payment(code: &str) -> String {
    coded("payment-", code)
}

/// What became of the old parts ("returned" → "returned to the customer").
pub fn old_parts(code: &str) -> String {
    coded("old-parts-", code)
}

/// A QC verdict's code ("pass" → "PASS", 合格).
pub fn qc_result(code: &str) -> String {
    coded("qc-result-", code)
}

/// The catalogue's words for a stored code; an unknown code as it is.
fn coded(prefix: &str, code: &str) -> String {
    let id = format!("{prefix}{}", code.replace('_', "-"));
    if words::has(&id) {
        words::message(&id, &[])
    } else {
        code.to_string()
    }
}

/// Whom the shop asks for a PIN, in words.
pub fn pin_policy(p: crate::domain::PinPolicy) -> &'static str {
    use crate::domain::PinPolicy;
    match p {
        PinPolicy::None => w("pin-policy-none"),
        PinPolicy::Signoffs => w("pin-policy-signoffs"),
        PinPolicy::Everyone => w("pin-policy-everyone"),
    }
}

/// A complaint's state in words; narrow columns get a word of at most
/// eight letters.
pub fn complaint_status(s: crate::domain::aftersales::ComplaintStatus, wide: bool) -> &'static str {
    use crate::domain::aftersales::ComplaintStatus::*;
    match s {
        Open => w("complaint-open"),
        Acknowledged if wide => w("complaint-acknowledged"),
        Acknowledged => w("complaint-acknowledged-short"),
        Resolved => w("complaint-resolved"),
        Closed => w("complaint-closed"),
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
        "part_status" => words::<crate::domain::PartStatus>(code, crate::domain::PartStatus::label),
        "document" => Some(coded("document-", code)),
        "payer" => words::<crate::domain::warranty::Payer>(code, payer),
        "claim_status" => words::<crate::domain::warranty::ClaimStatus>(code, claim_status),
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
