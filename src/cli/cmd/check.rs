//! `bayboard check` and `bayboard verify`: the database against its rules,
//! and the live file against a backup's chain of events.

use crate::cli::Ctx;
use crate::cli::output::{Output, emit};
use crate::error::{Error, Result};
use crate::store::{self, CheckReport};
use crate::workshop::Workshop;
use serde::Serialize;
use std::path::Path;

/// For check and backup, which only read: a file this user may not write
/// is opened read-only instead of refused.
pub(super) fn open_to_read(ctx: &Ctx) -> Result<store::Store> {
    match Workshop::open(&ctx.db) {
        Ok(ws) => Ok(ws.into_store()),
        Err(Error::ReadOnly(_)) => store::Store::open_read_only(&ctx.db),
        Err(e) => Err(e),
    }
}

/// How many things are wrong: each problem, and a failed integrity check.
pub(super) fn faults(report: &CheckReport) -> usize {
    report.problems.len() + usize::from(report.integrity != ["ok"])
}

impl Output for CheckReport {
    fn text(&self) -> String {
        let mut out = format!(
            "integrity: {}\n{} jobs, {} events\nchain head: {}\nsignatures: {}\n",
            self.integrity.join("; "),
            self.jobs,
            self.events,
            self.chain_head.as_deref().unwrap_or("(no events yet)"),
            self.signatures
        );
        for p in &self.problems {
            out += &format!("problem: {}\n", crate::domain::validate::display(p));
        }
        if self.problems.is_empty() {
            out += "rules: ok\n";
        }
        out
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

pub(crate) fn check(ctx: &Ctx) -> Result<()> {
    let st = open_to_read(ctx)?;
    let report = st.check()?;
    emit(ctx, &report)?;
    if report.ok() {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "{} fails its checks ({} problem(s))",
            ctx.db.display(),
            faults(&report)
        )))
    }
}

/// The two heads of the chain, and where the live file parts from the backup.
struct Verified {
    problems: Vec<String>,
    backup_head: String,
    live_head: String,
    /// The live file's signatures under the shop key, in a sentence.
    signatures: String,
}

impl Output for Verified {
    fn text(&self) -> String {
        let mut out = format!(
            "backup head: {}\nlive head:   {}\nsignatures:  {}\n",
            self.backup_head, self.live_head, self.signatures
        );
        for p in &self.problems {
            out += &format!("problem: {p}\n");
        }
        if self.problems.is_empty() {
            out += "the live file holds every event of the backup, unchanged, and nothing \
                    after them is forged\n";
        }
        out
    }

    fn json(&self) -> impl Serialize {
        serde_json::json!({
            "ok": self.problems.is_empty(),
            "problems": self.problems,
            "backup_head": self.backup_head,
            "live_head": self.live_head,
            "signatures": self.signatures,
        })
    }
}

pub(crate) fn verify(ctx: &Ctx, backup: &Path) -> Result<()> {
    let live = open_to_read(ctx)?;
    // A guarded run opens the file a person named with their own rights
    // only, and keeps a copy in memory to compare.
    let old = if crate::guard::elevated() {
        crate::guard::as_real_group(|| store::Store::open_read_only(backup)?.into_memory())?
    } else {
        store::Store::open_read_only(backup)?
    };
    if old.read(store::chain::head)?.is_none() {
        // An empty shop is extended by every file: comparing with it
        // would vouch for anything.
        return Err(Error::Database(format!(
            "{} holds no events, so it proves nothing about {}; give a backup taken from \
             this shop",
            backup.display(),
            ctx.db.display()
        )));
    }
    let mut problems = live.read(|l| old.read(|b| store::chain::compare(l, b)))?;
    // Events appended since the backup extend it; only their signatures
    // tell bayboard's from someone else's.
    let (signatures, forged) = live.signatures()?;
    problems.extend(forged);
    let head = |h: Option<(i64, String)>| h.map_or("(none)".into(), |(id, h)| format!("#{id} {h}"));
    let live_head = head(live.read(store::chain::head)?);
    let verified = Verified {
        problems,
        backup_head: head(old.read(store::chain::head)?),
        live_head,
        signatures,
    };
    emit(ctx, &verified)?;
    if verified.problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "{} does not extend the backup {}",
            ctx.db.display(),
            backup.display()
        )))
    }
}
