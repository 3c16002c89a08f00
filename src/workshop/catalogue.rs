//! Publishing the price list (foreman): a file's operations or parts are
//! taken whole, in one transaction; each row added or changed is an event
//! saying what it was and what it is now, so a price's history is the log.

use super::Workshop;
use super::setup::{setup_actor, setup_event};
use crate::domain::catalogue::{Op, Part};
use crate::domain::{Act, Said};
use crate::error::Result;
use crate::store::{self, Upsert};
use serde::Serialize;

/// How many rows of a file were new, changed, or already so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Imported {
    pub added: i64,
    pub changed: i64,
    pub unchanged: i64,
}

impl Imported {
    fn count<T>(&mut self, u: &Upsert<T>) {
        match u {
            Upsert::Added => self.added += 1,
            Upsert::Changed(_) => self.changed += 1,
            Upsert::Same => self.unchanged += 1,
        }
    }
}

impl Workshop {
    pub fn import_ops(&mut self, who: Option<&str>, ops: &[Op]) -> Result<Imported> {
        self.write(|c, now, session| {
            let who = setup_actor(c, who, Act::ChangeSettings, session)?;
            let mut done = Imported::default();
            for op in ops {
                let u = store::upsert_op(c, op, now)?;
                done.count(&u);
                let said = |id| {
                    Said::new(id)
                        .text("code", &op.code)
                        .text("name", &op.name_en)
                        .text("hours", format!("{:.1}", op.hours))
                };
                let (kind, said) = match &u {
                    Upsert::Added => ("catalogue_op_added", said("event-catalogue-op-added")),
                    Upsert::Changed(was) => (
                        "catalogue_op_changed",
                        said("event-catalogue-op-changed").text("was", format!("{:.1}", was.hours)),
                    ),
                    Upsert::Same => continue,
                };
                setup_event(c, who.as_ref(), kind, &said, now)?;
            }
            Ok(done)
        })
    }

    pub fn import_parts(&mut self, who: Option<&str>, parts: &[Part]) -> Result<Imported> {
        self.write(|c, now, session| {
            let who = setup_actor(c, who, Act::ChangeSettings, session)?;
            let currency = store::shop_settings(c)?.currency;
            let mut done = Imported::default();
            for part in parts {
                let u = store::upsert_part(c, part, now)?;
                done.count(&u);
                let said = |id| {
                    Said::new(id)
                        .text("number", &part.number)
                        .text("name", &part.name_en)
                        .money("price", part.price, &currency)
                };
                let (kind, said) = match &u {
                    Upsert::Added => ("catalogue_part_added", said("event-catalogue-part-added")),
                    Upsert::Changed(was) => (
                        "catalogue_part_changed",
                        said("event-catalogue-part-changed").money("was", was.price, &currency),
                    ),
                    Upsert::Same => continue,
                };
                setup_event(c, who.as_ref(), kind, &said, now)?;
            }
            Ok(done)
        })
    }
}

impl Workshop {
    /// Records, once for each, that the plates on record typed more than
    /// one way are one car (since the canonical plate, schema 14, reads
    /// them together): an event naming the spellings. Called when an
    /// upgrade crosses schema 14; `check` notes the same from the rows.
    pub fn record_plate_merges(&mut self) -> Result<usize> {
        self.write(|c, now, _| {
            let merges = store::unrecorded_plate_merges(c)?;
            for (key, plates) in &merges {
                let said = Said::new("event-vehicles-merged")
                    .text("key", key)
                    .text("plates", plates);
                setup_event(c, None, "vehicles_merged", &said, now)?;
            }
            Ok(merges.len())
        })
    }
}
