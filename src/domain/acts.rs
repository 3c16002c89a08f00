//! What a person tried to do, as a code a refusal carries ("… may not
//! {act}"); its words are `act-<code>` in the message catalogue.

use super::lifecycle::JobAction;

macro_rules! acts {
    ($($variant:ident = $code:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Act {
            /// One of the lifecycle's actions (`start`, `pass_qc`, …).
            Job(JobAction),
            $($variant,)*
        }

        impl Act {
            /// Every act that is not a lifecycle action, for the catalogue's test.
            pub const OTHERS: &[Act] = &[$(Act::$variant,)*];

            /// The catalogue's id for the act's words.
            pub fn id(self) -> &'static str {
                match self {
                    Act::Job(_) => "act-job",
                    $(Act::$variant => concat!("act-", $code),)*
                }
            }
        }
    };
}

acts! {
    CheckIn = "check_in",
    AddRequestedWork = "add_requested_work",
    TakeNewRequestedWork = "take_new_requested_work",
    AddFoundWork = "add_found_work",
    TakeFoundWork = "take_found_work",
    RecordDecision = "record_decision",
    TakeDecision = "take_decision",
    MarkWorkDone = "mark_work_done",
    ReopenWork = "reopen_work",
    BeMarkedDone = "be_marked_done",
    BeReopened = "be_reopened",
    ChangeItsWork = "change_its_work",
    PriceWork = "price_work",
    ChangeDecidedPrice = "change_decided_price",
    BePricedAnyMore = "be_priced_any_more",
    LogPartsIssue = "log_parts_issue",
    LogPartsIssueOthers = "log_parts_issue_others",
    UpdatePartsIssue = "update_parts_issue",
    RecordWash = "record_wash",
    BeWashed = "be_washed",
    HandOverInside = "hand_over_inside",
    OpenClaim = "open_claim",
    SetNextService = "set_next_service",
    CallReminder = "call_reminder",
    UpdateClaim = "update_claim",
    ImportRecalls = "import_recalls",
    BeHandedOverInside = "be_handed_over_inside",
    RecordAdjustment = "record_adjustment",
    TakeAdjustment = "take_adjustment",
    ChangeSettings = "change_settings",
    RenameShop = "rename_shop",
    AddBay = "add_bay",
    AddStaff = "add_staff",
    SignDelivery = "sign_delivery",
    SignCancellation = "sign_cancellation",
    SignQc = "sign_qc",
    SetOthersPin = "set_others_pin",
    SetFirstPin = "set_first_pin",
    UnlockPin = "unlock_pin",
    ChangePinRule = "change_pin_rule",
    ActAtAll = "act_at_all",
    BookAppointment = "book_appointment",
    ChangeBooking = "change_booking",
    LogFollowup = "log_followup",
    RecordComplaint = "record_complaint",
    OwnComplaint = "own_complaint",
    WorkOnComplaint = "work_on_complaint",
    MovePromise = "move_promise",
    HavePromiseMoved = "have_promise_moved",
    LogCall = "log_call",
}
