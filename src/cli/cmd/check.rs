//! `bayboard check` and `bayboard verify`: the database against its rules,
//! and the live file against a backup's chain of events.

use crate::cli::Ctx;
use crate::cli::output::{Output, emit};
use crate::error::{Error, Result};
use crate::present::words::{message, say};
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

/// A sentence as scripts have always read it: in English, whatever the
/// person's language.
fn english(s: &crate::domain::Said) -> String {
    use crate::present::lang::{Lang, scoped};
    scoped(Lang::En, || say(s))
}

/// How many things are wrong: each problem, and a failed integrity check.
pub(super) fn faults(report: &CheckReport) -> usize {
    report.problems.len() + usize::from(report.integrity != ["ok"])
}

impl Output for CheckReport {
    fn text(&self) -> String {
        let mut out = message(
            "check-summary",
            &[
                (
                    "integrity",
                    if self.integrity == ["ok"] {
                        message("check-ok", &[])
                    } else {
                        self.integrity.join("; ")
                    }
                    .into(),
                ),
                ("jobs", self.jobs.into()),
                ("events", self.events.into()),
                ("head", self.chain_head.clone().unwrap_or_default().into()),
                (
                    "has_head",
                    if self.chain_head.is_some() {
                        "yes"
                    } else {
                        "no"
                    }
                    .into(),
                ),
                ("signatures", say(&self.signatures).into()),
            ],
        );
        out.push('\n');
        for p in &self.problems {
            let p = crate::domain::validate::display(p);
            out += &format!("{}\n", message("check-problem", &[("problem", p.into())]));
        }
        if self.problems.is_empty() {
            out += &format!("{}\n", message("check-rules-ok", &[]));
        }
        for n in &self.notes {
            out += &format!("{}\n", message("check-note", &[("note", say(n).into())]));
        }
        out
    }

    fn json(&self) -> impl Serialize {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["signatures"] = english(&self.signatures).into();
        v["notes"] = self.notes.iter().map(english).collect::<Vec<_>>().into();
        v
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
    signatures: crate::domain::Said,
}

impl Output for Verified {
    fn text(&self) -> String {
        let mut out = message(
            "check-verify-summary",
            &[
                ("backup", self.backup_head.clone().into()),
                ("live", self.live_head.clone().into()),
                ("signatures", say(&self.signatures).into()),
            ],
        );
        out.push('\n');
        for p in &self.problems {
            out += &format!(
                "{}\n",
                message("check-problem", &[("problem", p.clone().into())])
            );
        }
        if self.problems.is_empty() {
            out += &format!("{}\n", message("check-verify-ok", &[]));
        }
        out
    }

    fn json(&self) -> impl Serialize {
        serde_json::json!({
            "ok": self.problems.is_empty(),
            "problems": self.problems,
            "backup_head": self.backup_head,
            "live_head": self.live_head,
            "signatures": english(&self.signatures),
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
