//! Keeping the clocked sums (`domain::clock_sums`) in the shop's zone.

use super::Workshop;
use crate::error::Result;
use crate::store;

impl Workshop {
    /// Builds the clocked sums when they are not kept in the shop's zone
    /// (a new zone, an upgrade, a bulk load), so the figures of a long
    /// range read them rather than every clock entry. Only a process
    /// counting in the shop's zone can; returns whether it built them.
    pub fn keep_clock_sums(&mut self) -> Result<bool> {
        let (shop, kept) = self
            .store
            .read(|c| Ok((store::shop_timezone(c)?, store::clock_sums::clock_zone(c)?)))?;
        let Some(zone) = shop else {
            return Ok(false);
        };
        if kept.as_deref() == Some(zone.as_str()) || !self.store.day_zone().is(&zone) {
            return Ok(false);
        }
        store::clock_sums::rebuild(&mut self.store, &zone)?;
        Ok(true)
    }

    /// Counts the clock's local days in `zone` from now on (a test's
    /// stand-in for the `TZ` a process adopts at start).
    pub fn set_day_zone(&mut self, zone: crate::domain::zone::DayZone) {
        self.store.set_day_zone(zone);
    }
}
