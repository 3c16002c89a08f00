//! The demo's warranty and vehicle-file story: the maker's recall list, a
//! warranty claim sent in, a car due for its service reminder.

use super::{ADVISOR, SimClock, job_of};
use crate::error::Result;
use crate::store;
use crate::workshop::Workshop;
use chrono::{DateTime, Duration, Utc};

/// The maker's recall list (one campaign open for a car in the queue), the
/// warranty claim of the A/C relay on 粤B·12345 sent in, and a car of an
/// earlier visit due for its service reminder this week.
pub(super) fn seed(ws: &mut Workshop, clock: &SimClock, now: DateTime<Utc>) -> Result<()> {
    clock.set(now - Duration::minutes(3));
    let recalls = "campaign,title,vin\n\
        RC-2026-031,燃油泵控制模块软件升级,LS5A3DKE8LA102233\n\
        RC-2026-031,燃油泵控制模块软件升级,LS5A3DKE0LA107781\n";
    ws.import_recalls(ADVISOR, recalls)?;
    let job = job_of(ws, "粤B·12345")?;
    let claim = ws.new_claim(
        ADVISOR,
        job,
        &crate::workshop::ClaimInput {
            symptom: "空调不制冷 A/C blows warm".into(),
            cause: "压缩机离合器继电器失效 compressor clutch relay failed".into(),
            correction: "更换继电器 relay replaced".into(),
            part: "5Q0 951 253".into(),
        },
    )?;
    clock.set(now - Duration::minutes(2));
    ws.update_claim(
        ADVISOR,
        claim.id,
        crate::domain::warranty::ClaimStatus::Submitted,
        None,
        None,
    )?;
    // An earlier visit whose next service falls due in three days.
    let due = ws
        .store()
        .read(|c| store::service_due(c, (now + Duration::days(400)).date_naive()))?;
    if let Some(d) = due.first() {
        clock.set(now - Duration::minutes(1));
        let on = (now + Duration::days(3))
            .with_timezone(&chrono::Local)
            .date_naive();
        ws.set_next_service(ADVISOR, d.job, Some(on), None, Some("前刹车片剩 4 mm"))?;
    }
    Ok(())
}
