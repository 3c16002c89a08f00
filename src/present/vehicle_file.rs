//! The vehicle file and the service reminders in words.

use super::words::{message, ui};
use crate::read::vehicle_file::VehicleFile;
use crate::store::DueRow;
use crate::text::fit;
use std::fmt::Write;

pub fn text(f: &VehicleFile) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}  {}",
        f.vehicle.plate,
        f.vehicle.vin.as_deref().unwrap_or("")
    );
    match &f.next_service {
        Some(n) => {
            let _ = writeln!(
                o,
                "{}",
                message(
                    "ui-next-service",
                    &[
                        ("on", n.on.format("%Y-%m-%d").to_string().into()),
                        ("km", n.km.map_or("none".into(), |k| k.to_string()).into()),
                        ("job", crate::domain::job_label(n.set_on).into()),
                    ],
                )
            );
            if let Some(w) = &n.wear_note {
                let _ = writeln!(
                    o,
                    "{}",
                    message("ui-wear-note", &[("note", fit(w, 80).into())])
                );
            }
        }
        None => {
            let _ = writeln!(o, "{}", ui("no next service set yet"));
        }
    }
    for r in &f.recalls {
        let line = match r.done_on {
            Some(j) => message(
                "ui-recall-done-line",
                &[
                    ("campaign", r.campaign.as_str().into()),
                    ("title", fit(&r.title, 60).into()),
                    ("job", crate::domain::job_label(j).into()),
                ],
            ),
            None => super::recall_text(r),
        };
        let _ = writeln!(o, "{line}");
    }
    let _ = writeln!(o, "\n{}", ui("Visits"));
    for v in &f.visits {
        let r = &v.row;
        let km = r.odometer_km.map_or(String::new(), |k| format!("{k} km"));
        let flag = if v.rollback {
            ui(" ⚠ odometer lower than before")
        } else {
            ""
        };
        let back = r
            .comeback_of
            .map(|j| {
                message(
                    "ui-comeback-of-short",
                    &[("job", crate::domain::job_label(j).into())],
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{}  {}  {}  {km}{flag}  {}{back}",
            crate::domain::job_label(r.job),
            r.checked_in
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d"),
            r.status.label(),
            fit(&r.complaint, 60),
        );
        for w in &v.done {
            let _ = writeln!(o, "    ✓ {}", fit(w, 70));
        }
        for w in &v.declined {
            let _ = writeln!(o, "    ✗ {}", fit(w, 70));
        }
    }
    if !f.complaints.is_empty() {
        let _ = writeln!(o, "\n{}", ui("Complaints"));
        for c in &f.complaints {
            let _ = writeln!(
                o,
                "{}  {}  {}  {}",
                crate::domain::aftersales::complaint_label(c.id),
                crate::domain::job_label(c.job),
                c.status,
                fit(&c.text, 70)
            );
        }
    }
    o
}

/// One car due: plate, customer and phone, the date and distance.
pub fn due_line(d: &DueRow) -> String {
    message(
        "ui-due-line",
        &[
            ("plate", d.plate.as_str().into()),
            ("who", d.customer.clone().unwrap_or_default().into()),
            ("phone", d.phone.clone().unwrap_or_default().into()),
            (
                "on",
                d.next_service_on.format("%Y-%m-%d").to_string().into(),
            ),
            (
                "km",
                d.next_service_km
                    .map_or("none".into(), |k| k.to_string())
                    .into(),
            ),
            ("job", crate::domain::job_label(d.job).into()),
        ],
    )
}
