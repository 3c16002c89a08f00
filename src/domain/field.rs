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
    Appointment,
    Fuel,
    Damage,
    Amount,
    FollowupDays,
    ComebackDays,
    DayHours,
    Score,
    Severity,
}

impl Field {
    /// The name a person reads in a message ("plate: must not be empty").
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Plate => "plate",
            Field::Complaint => "complaint",
            Field::Make => "make",
            Field::Model => "model",
            Field::Customer => "customer",
            Field::Phone => "phone",
            Field::Promised => "promised",
            Field::Priority => "priority",
            Field::Vin => "vin",
            Field::Year => "year",
            Field::Odometer => "odometer",
            Field::EstimateHours => "estimate hours",
            Field::Part => "part",
            Field::Quantity => "quantity",
            Field::Note => "note",
            Field::ItemNote => "item note",
            Field::Item => "--item",
            Field::Reason => "reason",
            Field::Eta => "ETA",
            Field::RoadTestKm => "road test km",
            Field::Name => "name",
            Field::ShopName => "shop name",
            Field::BayName => "bay name",
            Field::Skill => "skill",
            Field::Role => "role",
            Field::Pin => "PIN",
            Field::Reassign => "reassign",
            Field::Action => "action",
            Field::Work => "work",
            Field::Hours => "hours",
            Field::PartsAmount => "parts amount",
            Field::Urgency => "urgency",
            Field::DecidedBy => "customer's name",
            Field::Via => "via",
            Field::Currency => "currency",
            Field::LabourRate => "labour rate",
            Field::Job => "job",
            Field::Appointment => "appointment",
            Field::Fuel => "fuel",
            Field::Damage => "damage",
            Field::Amount => "amount",
            Field::FollowupDays => "follow-up days",
            Field::ComebackDays => "comeback days",
            Field::DayHours => "day hours",
            Field::Score => "score",
            Field::Severity => "severity",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
