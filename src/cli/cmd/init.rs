//! `bayboard init`: a new database, or word that one is there already.

use crate::cli::output::put;
use crate::cli::{Ctx, make_data_dir};
use crate::error::Result;
use crate::present::words::message;
use crate::workshop::Workshop;

/// Prints a sentence only: `init` refuses `--json` before it gets here.
pub(crate) fn init(ctx: &Ctx, shop: Option<&str>, currency: Option<&str>) -> Result<()> {
    if ctx.default_db {
        make_data_dir(&ctx.db)?;
    }
    let existed = ctx.db.exists() && std::fs::metadata(&ctx.db)?.len() > 0;
    let mut ws = Workshop::create(&ctx.db)?;
    if let Some(name) = shop {
        ws.set_shop_name(ctx.actor.as_deref(), name)?;
    }
    if currency.is_some() {
        ws.set_money(ctx.actor.as_deref(), currency, None)?;
    }
    let mut recorded = None;
    if !existed {
        // A new shop looks every car over at reception (the process's
        // rule); `shop set --walkaround optional` turns it off.
        ws.set_walkaround_rule(ctx.actor.as_deref(), true)?;
        // The shop counts its days in this machine's zone from the start,
        // so the clocked sums are kept from the first clock on; a zone the
        // zone files do not know leaves each terminal its own.
        if let Some(zone) = crate::domain::zone::DayZone::from_env().name
            && ws.set_timezone(ctx.actor.as_deref(), &zone).is_ok()
        {
            ws.keep_clock_sums()?;
            recorded = Some(zone);
        }
    }
    if crate::guard::elevated() && !existed {
        // Only root gets this far (guard::check_companions).
        crate::guard::settle_new_files(&ctx.db)?;
    }
    if existed {
        put(&format!(
            "database already exists at {}; left as it was\n",
            ctx.db.display()
        ))?;
    } else {
        put(&format!("created {}\n", ctx.db.display()))?;
        let said = match recorded {
            Some(zone) => message("shop-zone-recorded", &[("zone", zone.into())]),
            None => message("shop-zone-not-recorded", &[]),
        };
        put(&format!("{said}\n"))?;
    }
    Ok(())
}
