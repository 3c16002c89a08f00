//! The fields a refusal can point at. Forms place a refusal's message next
//! to the field it names; the CLI prints the field's name.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Plate,
    Complaint,
    Make,
    Model,
    Customer,
    Phone,
    Promised,
    Priority,
    Vin,
    Year,
    Odometer,
    EstimateHours,
    Part,
    Quantity,
    Note,
    ItemNote,
    Item,
    /// An inspection level (self, peer, final).
    Level,
    Reason,
    Eta,
    RoadTestKm,
    Name,
    ShopName,
    BayName,
    Skill,
    Role,
    Pin,
    Reassign,
    Action,
    Work,
    Hours,
    PartsAmount,
    Urgency,
    DecidedBy,
    Via,
    Currency,
    LabourRate,
    Job,
    /// Who pays for a line.
    Payer,
    /// A warranty claim's parts.
    Symptom,
    Cause,
    Correction,
    ClaimNumber,
    ClaimStatus,
    /// A recall campaign's code.
    Campaign,
    /// The key tag given at check-in.
    KeyTag,
    /// Where the finished car is parked.
    Spot,
    /// The next service's date, set at delivery.
    NextService,
    /// The shop's time zone.
    Timezone,
    Appointment,
    Fuel,
    Damage,
    Valuables,
    WarningLights,
    CustomerWaiting,
    ReturnOldParts,
    WalkaroundDeclined,
    /// The walk-around as a whole (the shop's rule wants it).
    Walkaround,
    /// A call to return.
    Call,
    /// When a call is to be returned by.
    CallBack,
    Amount,
    FollowupDays,
    ComebackDays,
    DayHours,
    Score,
    Severity,
    /// A labour operation's code in the catalogue.
    Op,
    /// A price other than the list's.
    Price,
    /// A row of a catalogue file.
    Row,
    /// A CUPS printer's name.
    Printer,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
