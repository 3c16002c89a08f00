//! Words for codes: what a person reads instead of `out_of_stock`.

use crate::domain::PartKind;

pub fn part_kind(k: PartKind) -> &'static str {
    match k {
        PartKind::OutOfStock => "out of stock",
        PartKind::WrongPart => "wrong part",
        PartKind::Damaged => "damaged",
        PartKind::Backorder => "on backorder",
        PartKind::PriceApproval => "price approval",
        PartKind::Other => "other",
    }
}
