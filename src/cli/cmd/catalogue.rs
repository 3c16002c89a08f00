//! `bayboard catalogue`: publish the price list from CSV files, and list
//! it as text, JSON or CSV (the CSV in the files' own form, so a list
//! printed can be edited and imported again).

use crate::cli::Ctx;
use crate::cli::args::CatalogueCmd;
use crate::cli::output::{Csv, Format, Output, emit, emit_as};
use crate::domain::catalogue::{Op, Part, RowProblem, read_ops, read_parts};
use crate::domain::{Field, Refusal, Said};
use crate::error::{Error, Result};
use crate::present::lang::{self, Lang};
use crate::present::words::{message, money, say, ui, word};
use crate::sanitise::csv_cell;
use crate::text::{cell, fit};
use serde::Serialize;
use std::path::Path;

pub(crate) fn catalogue(ctx: &Ctx, cmd: CatalogueCmd) -> Result<()> {
    match cmd {
        CatalogueCmd::Import { ops, parts } => import(ctx, ops.as_deref(), parts.as_deref()),
        CatalogueCmd::List {
            ops,
            parts,
            find,
            csv,
        } => list(ctx, ops, parts, find.as_deref(), csv),
    }
}

fn import(ctx: &Ctx, ops: Option<&Path>, parts: Option<&Path>) -> Result<()> {
    let path = ops.or(parts).unwrap_or(Path::new(""));
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::Usage(message(
            "ui-cannot-read-file",
            &[
                ("file", path.display().to_string().into()),
                ("error", e.to_string().into()),
            ],
        ))
    })?;
    let mut ws = ctx.open()?;
    let done = if ops.is_some() {
        let rows = read_ops(&text).map_err(refused)?;
        ws.import_ops(ctx.actor.as_deref(), &rows)?
    } else {
        let currency = ws.store().read(crate::store::shop_settings)?.currency;
        let rows = read_parts(&text, &currency).map_err(refused)?;
        ws.import_parts(ctx.actor.as_deref(), &rows)?
    };
    emit(
        ctx,
        &crate::cli::output::said(done, |d| {
            let said = message(
                "done-catalogue-imported",
                &[
                    ("added", d.added.into()),
                    ("changed", d.changed.into()),
                    ("unchanged", d.unchanged.into()),
                ],
            );
            format!("{said}\n")
        }),
    )
}

/// Every refused row on its own line, then the refusal.
fn refused(problems: Vec<RowProblem>) -> Error {
    for p in &problems {
        let line = message(
            "ui-catalogue-row",
            &[
                ("line", (p.line as i64).into()),
                ("why", say(&p.said).into()),
            ],
        );
        crate::cli::output::note(&format!("bayboard: {line}"));
    }
    Refusal::invalid(
        Field::Row,
        Said::new("problem-catalogue-refused").num("n", problems.len() as i64),
    )
    .into()
}

/// The list as published: operations and parts.
#[derive(Debug, Serialize)]
struct List {
    ops: Option<Vec<Op>>,
    parts: Option<Vec<Part>>,
    #[serde(skip)]
    currency: String,
    #[serde(skip)]
    rate: i64,
}

fn name<'a>(en: &'a str, zh: &'a str) -> &'a str {
    if lang::current() == Lang::ZhCn {
        zh
    } else {
        en
    }
}

/// An operation's price at the shop's labour rate.
fn op_price(op: &Op, rate: i64) -> i64 {
    crate::domain::money::price(Some(op.hours), rate, None)
}

impl Output for List {
    fn text(&self) -> String {
        let mut out = String::new();
        if let Some(ops) = &self.ops {
            out += &format!("{}\n", ui("LABOUR OPERATIONS"));
            for op in ops {
                let price = money(op_price(op, self.rate), &self.currency);
                out += &format!(
                    "{}{}{:>6.1} h {:>14}  {}\n",
                    cell(&op.code, 12),
                    cell(&fit(name(&op.name_en, &op.name_zh), 36), 37),
                    op.hours,
                    price,
                    op.bay_kind.as_deref().map_or("", |k| k
                        .parse::<crate::domain::BayKind>()
                        .map_or(k, |k| k.label()))
                );
            }
        }
        if let Some(parts) = &self.parts {
            if !out.is_empty() {
                out.push('\n');
            }
            out += &format!("{}\n", word("ui-catalogue-parts"));
            for p in parts {
                out += &format!(
                    "{}{}{:>14}\n",
                    cell(&p.number, 16),
                    cell(&fit(name(&p.name_en, &p.name_zh), 40), 41),
                    money(p.price, &self.currency)
                );
            }
        }
        out
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

impl Csv for List {
    fn csv(&self) -> String {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c).into_owned()).collect();
            format!("{}\n", cells.join(","))
        };
        let mut out = String::from("\u{feff}");
        if let Some(ops) = &self.ops {
            out += "code,name_en,name_zh,hours,bay_kind,skill\n";
            for op in ops {
                out += &row(&[
                    op.code.clone(),
                    op.name_en.clone(),
                    op.name_zh.clone(),
                    format!("{}", op.hours),
                    op.bay_kind.clone().unwrap_or_default(),
                    op.skill.clone().unwrap_or_default(),
                ]);
            }
        } else if let Some(parts) = &self.parts {
            out += "number,name_en,name_zh,price\n";
            for p in parts {
                out += &row(&[
                    p.number.clone(),
                    p.name_en.clone(),
                    p.name_zh.clone(),
                    crate::domain::money::format(p.price, &self.currency),
                ]);
            }
        }
        out
    }
}

fn list(ctx: &Ctx, ops: bool, parts: bool, find: Option<&str>, csv: bool) -> Result<()> {
    let format = Format::chosen(ctx, csv)?;
    if csv && !ops && !parts {
        return Err(Error::Usage(message("ui-catalogue-csv-which", &[])));
    }
    let (both, st) = (!ops && !parts, ctx.open()?);
    let shop = st.store().read(crate::store::shop_settings)?;
    let fits = |code: &str, en: &str, zh: &str| {
        find.is_none_or(|f| crate::domain::catalogue::entry_matches(code, en, zh, f))
    };
    let list = List {
        ops: (ops || both)
            .then(|| st.store().read(crate::store::catalogue_ops))
            .transpose()?
            .map(|l| {
                l.into_iter()
                    .filter(|o| fits(&o.code, &o.name_en, &o.name_zh))
                    .collect()
            }),
        parts: (parts || both)
            .then(|| st.store().read(crate::store::catalogue_parts))
            .transpose()?
            .map(|l| {
                l.into_iter()
                    .filter(|p| fits(&p.number, &p.name_en, &p.name_zh))
                    .collect()
            }),
        currency: shop.currency,
        rate: shop.labour_rate,
    };
    match format {
        Format::Text => emit(ctx, &list),
        _ => emit_as(format, &list),
    }
}
