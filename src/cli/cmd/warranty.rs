//! `bayboard claim new|update|list` and `bayboard recall import|list`.

use crate::cli::Ctx;
use crate::cli::args::{ClaimCmd, RecallCmd};
use crate::cli::output::{Csv, Format, Output, emit, emit_as, said};
use crate::domain::money;
use crate::domain::numbers::parse_job_number;
use crate::domain::warranty::{claim_label, parse_claim};
use crate::error::{Error, Result};
use crate::present::labels;
use crate::present::words::message;
use crate::read::claims::ClaimLine;
use crate::read::figures::Zone;
use crate::sanitise::csv_cell;
use crate::store::{self, ClaimRow, RecallState};
use crate::workshop::ClaimInput;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

fn claim_text(c: &ClaimRow) -> String {
    let mut out = message(
        "ui-claim-line",
        &[
            ("claim", claim_label(c.id).into()),
            ("job", crate::domain::job_label(c.job).into()),
            ("plate", c.plate.clone().into()),
            ("status", labels::claim_status(c.status).into()),
            ("number", c.number.clone().unwrap_or("none".into()).into()),
        ],
    );
    out.push('\n');
    out
}

pub(crate) fn claim(ctx: &Ctx, cmd: ClaimCmd) -> Result<()> {
    match cmd {
        ClaimCmd::New {
            job,
            symptom,
            cause,
            correction,
            part,
        } => {
            let n = parse_job_number(&job)?;
            let input = ClaimInput {
                symptom,
                cause,
                correction,
                part,
            };
            let c = ctx.open()?.new_claim(ctx.who()?, n, &input)?;
            emit(ctx, &said(c, |c| format!("{}\n", claim_label(c.id))))
        }
        ClaimCmd::Update {
            claim,
            status,
            number,
            note,
        } => {
            let id = parse_claim(&claim)?;
            let c = ctx.open()?.update_claim(
                ctx.who()?,
                id,
                status,
                number.as_deref(),
                note.as_deref(),
            )?;
            emit(ctx, &said(c, claim_text))
        }
        ClaimCmd::List { month, csv } => list(ctx, month.as_deref(), csv),
    }
}

/// "2026-11" → its first day; none: this month.
fn month_of(text: Option<&str>) -> Result<NaiveDate> {
    match text {
        None => {
            let today = chrono::Local::now().date_naive();
            Ok(today.with_day(1).expect("the first exists"))
        }
        Some(t) => NaiveDate::parse_from_str(&format!("{}-01", t.trim()), "%Y-%m-%d")
            .map_err(|_| Error::Usage(message("ui-month-format", &[("value", t.into())]))),
    }
}

/// The month's claims.
#[derive(Serialize)]
#[serde(transparent)]
struct Month(Vec<ClaimLine>);

impl Output for Month {
    fn text(&self) -> String {
        if self.0.is_empty() {
            return format!("{}\n", message("ui-no-claims", &[]));
        }
        self.0
            .iter()
            .map(|l| {
                let mut line = claim_text(&l.claim);
                line.pop();
                format!(
                    "{line}  {}  {}\n",
                    crate::present::words::money(l.amount, &l.currency),
                    l.tags.join(" ")
                )
            })
            .collect()
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

impl Csv for Month {
    /// The maker's monthly list: one row a claim, as a spreadsheet reads it.
    fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        out +=
            "claim,job,plate,vin,opened,symptom,cause,correction,part,number,status,amount,tags\n";
        for l in &self.0 {
            let c = &l.claim;
            let cells = [
                claim_label(c.id),
                crate::domain::job_label(c.job),
                c.plate.clone(),
                c.vin.clone().unwrap_or_default(),
                c.opened_at.format("%Y-%m-%d").to_string(),
                c.symptom.clone(),
                c.cause.clone(),
                c.correction.clone(),
                c.part.clone(),
                c.number.clone().unwrap_or_default(),
                c.status.as_str().to_string(),
                money::format(l.amount, &l.currency),
                l.tags.join(" "),
            ];
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c).into_owned()).collect();
            out += &cells.join(",");
            out.push('\n');
        }
        out
    }
}

fn list(ctx: &Ctx, month: Option<&str>, csv: bool) -> Result<()> {
    let format = Format::chosen(ctx, csv)?;
    let first = month_of(month)?;
    let ws = ctx.open()?;
    let lines = Month(crate::read::claims::month(
        ws.store(),
        first,
        &Zone::System,
    )?);
    match format {
        Format::Text => emit(ctx, &lines),
        _ => emit_as(format, &lines),
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Recalls(Vec<RecallState>);

impl Output for Recalls {
    fn text(&self) -> String {
        self.0
            .iter()
            .map(|r| {
                let state = match r.done_on {
                    Some(j) => message(
                        "ui-recall-done",
                        &[("job", crate::domain::job_label(j).into())],
                    ),
                    None => message("ui-recall-open", &[]),
                };
                format!("{}  {}  {}  {state}\n", r.campaign, r.vin, r.title)
            })
            .collect()
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

pub(crate) fn recall(ctx: &Ctx, cmd: RecallCmd) -> Result<()> {
    match cmd {
        RecallCmd::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                Error::Usage(message(
                    "ui-cannot-read-file",
                    &[
                        ("file", file.display().to_string().into()),
                        ("error", e.to_string().into()),
                    ],
                ))
            })?;
            let r = ctx.open()?.import_recalls(ctx.who()?, &text)?;
            emit(
                ctx,
                &said(r, |r| {
                    message(
                        "ui-recalls-imported",
                        &[
                            ("added", (r.added as i64).into()),
                            ("known", (r.known as i64).into()),
                        ],
                    ) + "\n"
                }),
            )
        }
        RecallCmd::List { vin } => {
            let ws = ctx.open()?;
            let rows = match vin {
                Some(v) => {
                    let v = crate::domain::vehicle::vin(&v)?;
                    ws.store().read(|c| store::recalls_for_vin(c, &v))?
                }
                None => ws.store().read(store::recalls)?,
            };
            emit(ctx, &Recalls(rows))
        }
    }
}
