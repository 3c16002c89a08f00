//! `bayboard vehicle show|due|remind`, and the next service at delivery.

use crate::cli::Ctx;
use crate::cli::args::VehicleCmd;
use crate::cli::output::{Csv, Format, Output, emit, emit_as, said};
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::present::words::message;
use crate::read::vehicle_file::VehicleFile;
use crate::sanitise::csv_cell;
use crate::store::{self, DueRow};
use serde::Serialize;

impl Output for VehicleFile {
    fn text(&self) -> String {
        crate::present::vehicle_file::text(self)
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Due(Vec<DueRow>);

impl Output for Due {
    fn text(&self) -> String {
        if self.0.is_empty() {
            return format!("{}\n", message("ui-none-due", &[]));
        }
        self.0
            .iter()
            .map(|d| format!("{}\n", crate::present::vehicle_file::due_line(d)))
            .collect()
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

impl Csv for Due {
    /// For the shop's messaging tool: who to remind of what, by when.
    fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        out += "plate,customer,phone,due_on,due_km,last_km,job\n";
        for d in &self.0 {
            let cells = [
                d.plate.clone(),
                d.customer.clone().unwrap_or_default(),
                d.phone.clone().unwrap_or_default(),
                d.next_service_on.format("%Y-%m-%d").to_string(),
                d.next_service_km.map(|k| k.to_string()).unwrap_or_default(),
                d.odometer_km.map(|k| k.to_string()).unwrap_or_default(),
                crate::domain::job_label(d.job),
            ];
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c).into_owned()).collect();
            out += &cells.join(",");
            out.push('\n');
        }
        out
    }
}

pub(crate) fn vehicle(ctx: &Ctx, cmd: VehicleCmd) -> Result<()> {
    match cmd {
        VehicleCmd::Show { car } => {
            let file = crate::read::vehicle_file::load(ctx.open()?.store(), &car)?;
            emit(ctx, &file)
        }
        VehicleCmd::Due { within, csv } => {
            let format = Format::chosen(ctx, csv)?;
            let until = chrono::Local::now().date_naive() + chrono::Days::new(within.max(0) as u64);
            let due = Due(ctx.open()?.store().read(|c| store::service_due(c, until))?);
            match format {
                Format::Text => emit(ctx, &due),
                _ => emit_as(format, &due),
            }
        }
        VehicleCmd::Remind { job, reached, note } => {
            let n = parse_job_number(&job)?;
            ctx.open()?
                .remind(ctx.who()?, n, reached, note.as_deref())?;
            emit(
                ctx,
                &said(crate::domain::job_label(n), |j| {
                    message("ui-reminder-logged", &[("job", j.clone().into())]) + "\n"
                }),
            )
        }
    }
}
