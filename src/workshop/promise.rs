//! Moving the time promised to the customer: a new time and why, kept as
//! an event the advisor's Today lists until the day is over, so the
//! customer is told.

use super::{Workshop, actor, load_job};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Field, Refusal, Said};
use crate::error::Result;
use crate::store::{self, JobRow};
use chrono::{DateTime, Utc};

impl Workshop {
    /// The job's promised time becomes `at`, for `reason` (parts late, work
    /// found): an advisor or foreman, on an open job.
    pub fn promise(
        &mut self,
        who: &str,
        number: i64,
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<JobRow> {
        let reason = validate::required_text(Field::Reason, reason, limits::REASON)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            // Who talks to the customer: the advisor, or the foreman.
            crate::domain::aftersales::check_aftersales(&who, Act::MovePromise)?;
            let job = load_job(c, number, None)?;
            if !job.status.is_open() {
                return Err(Refusal::LineNotNow {
                    job: job.label(),
                    status: job.status,
                    what: Act::HavePromiseMoved,
                }
                .into());
            }
            if job.promised_at == Some(at) {
                return Err(Refusal::invalid(
                    Field::Promised,
                    Said::new("problem-promise-same").text("job", job.label()),
                )
                .into());
            }
            store::set_promised(c, number, at)?;
            let said = match job.promised_at {
                Some(from) => Said::new("event-promise-moved")
                    .time("from", from)
                    .time("to", at),
                None => Said::new("event-promise-set").time("to", at),
            };
            super::aftersales::event(
                c,
                &who,
                Some(number),
                "promise_moved",
                &said,
                Some(&reason),
                now,
            )?;
            load_job(c, number, None)
        })
    }
}
