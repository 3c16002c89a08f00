//! The paperwork as text, for the counter's printer and the screen: 78
//! columns measured in terminal cells, so Chinese lines up; every amount
//! right-aligned; signature lines with a date. Words from the catalogue
//! (`doc-…`), in the reader's language.

use super::words::{message, money, word};
use crate::domain::documents::Document;
use crate::domain::{LineKind, LineStatus, Urgency};
use crate::read::detail::JobDetail;
use crate::read::settlement::Settlement;
use crate::text::{cell, fit, width};
use chrono::{DateTime, FixedOffset, Utc};
use std::fmt::Write;

const WIDTH: usize = 78;

/// What a document is drawn from.
pub struct Paper<'a> {
    pub doc: Document,
    pub copy: i64,
    pub detail: &'a JobDetail,
    pub settlement: &'a Settlement,
    pub now: DateTime<Utc>,
    pub tz: &'a FixedOffset,
}

fn right(text: &str, w: usize) -> String {
    format!("{}{text}", " ".repeat(w.saturating_sub(width(text))))
}

fn title(doc: Document) -> &'static str {
    match doc {
        Document::RepairOrder => word("doc-title-ro"),
        Document::JobCard => word("doc-title-card"),
        Document::AddedWork => word("doc-title-added"),
        Document::Settlement => word("doc-title-settlement"),
        Document::GatePass => word("doc-title-gate"),
    }
}

pub fn text(p: &Paper) -> String {
    let mut o = String::new();
    head(&mut o, p);
    match p.doc {
        Document::RepairOrder => repair_order(&mut o, p),
        Document::JobCard => job_card(&mut o, p),
        Document::AddedWork => added_work(&mut o, p),
        Document::Settlement => settlement(&mut o, p),
        Document::GatePass => gate_pass(&mut o, p),
    }
    o
}

/// The shop, the document and its copy, the customer and the car.
fn head(o: &mut String, p: &Paper) {
    let j = &p.detail.job;
    let shop = fit(&p.settlement.shop, WIDTH / 2);
    let name = format!("{}  {}", title(p.doc), j.label());
    let _ = writeln!(o, "{}{}", cell(&shop, WIDTH - width(&name)), name);
    let copy = message(
        "doc-copy",
        &[
            ("copy", p.copy.into()),
            (
                "at",
                super::words::day_and_clock(p.now.with_timezone(p.tz).naive_local()).into(),
            ),
        ],
    );
    let _ = writeln!(o, "{}", right(&copy, WIDTH));
    let _ = writeln!(o, "{}", "=".repeat(WIDTH));
    let v = &j.vehicle;
    let customer = format!(
        "{}  {}",
        fit(j.customer.as_deref().unwrap_or("—"), 30),
        fit(j.phone.as_deref().unwrap_or(""), 24)
    );
    let _ = writeln!(o, "{}{}", cell(word("doc-customer"), 10), customer);
    let car = format!("{}  {}", fit(&j.shown_plate(), 16), fit(&v.describe(), 40));
    let _ = writeln!(o, "{}{}", cell(word("doc-vehicle"), 10), car);
    let vin = v.vin.as_deref().unwrap_or("—");
    let km = v.odometer_km.map_or("—".to_string(), |k| format!("{k} km"));
    let _ = writeln!(
        o,
        "{}{}{}{}",
        cell(word("doc-vin"), 10),
        cell(vin, 26),
        cell(word("doc-odometer"), 10),
        km
    );
    let when = |t| super::when(t, p.now, p.tz);
    let promised = j.promised_at.map_or("—".to_string(), when);
    let _ = writeln!(
        o,
        "{}{}{}{}",
        cell(word("doc-checked-in"), 10),
        cell(&when(j.created_at), 26),
        cell(word("doc-promised"), 10),
        promised
    );
    let _ = writeln!(o, "{}", "-".repeat(WIDTH));
}

/// One priced line: number, work, hours, price.
fn priced_row(o: &mut String, label: &str, work: &str, hours: &str, price: &str) {
    let _ = writeln!(
        o,
        "{}{}{}{}",
        cell(label, 8),
        cell(&fit(work, 44), 46),
        right(hours, 8),
        right(price, 16)
    );
}

fn hours(h: Option<f64>) -> String {
    h.map_or(String::new(), |h| format!("{h:.1}"))
}

fn columns(o: &mut String) {
    priced_row(
        o,
        word("doc-col-line"),
        word("doc-col-work"),
        word("doc-col-hours"),
        word("doc-col-price"),
    );
}

/// A sentence over as many rows as it takes.
fn wrapped(o: &mut String, text: &str) {
    let mut row = String::new();
    for c in text.chars() {
        if width(&row) + width(&c.to_string()) > WIDTH || (c == ' ' && width(&row) > WIDTH - 8) {
            let _ = writeln!(o, "{}", row.trim_end());
            row.clear();
        }
        row.push(c);
    }
    let _ = writeln!(o, "{}", row.trim());
}

fn signatures(o: &mut String, who: &[&'static str]) {
    let _ = writeln!(o);
    for w in who {
        let _ = writeln!(
            o,
            "{}{}{}",
            cell(w, 20),
            cell("______________________", 28),
            message("doc-date-line", &[])
        );
        let _ = writeln!(o);
    }
}

fn repair_order(o: &mut String, p: &Paper) {
    let d = p.detail;
    if let Some(w) = &d.walkaround {
        for line in super::walkaround_lines(w, p.now, p.tz) {
            let _ = writeln!(o, "{}", fit(&line, WIDTH));
        }
        let _ = writeln!(o, "{}", "-".repeat(WIDTH));
    }
    columns(o);
    let asked: Vec<_> = d
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Requested && l.status != LineStatus::Declined)
        .collect();
    let mut total = 0;
    for l in &asked {
        total += l.price();
        priced_row(
            o,
            &l.label(),
            &l.work,
            &hours(l.hours),
            &money(l.price(), &d.currency),
        );
    }
    let _ = writeln!(o, "{}", "-".repeat(WIDTH));
    let estimate = money(total, &d.currency);
    let _ = writeln!(
        o,
        "{}{}",
        cell(word("doc-estimate"), WIDTH - 18),
        right(&estimate, 18)
    );
    // Work asked for after reception is not in what the customer accepted.
    if let Some(e) = d.job.estimate_accepted.filter(|e| *e != total) {
        let _ = writeln!(
            o,
            "{}{}",
            cell(
                super::words::ui("Estimate accepted at reception"),
                WIDTH - 18
            ),
            right(&money(e, &d.currency), 18)
        );
    }
    wrapped(o, &message("doc-ro-consent", &[]));
    signatures(o, &[word("doc-sign-customer"), word("doc-sign-advisor")]);
}

fn job_card(o: &mut String, p: &Paper) {
    let j = &p.detail.job;
    let _ = writeln!(
        o,
        "{}{}{}{}",
        cell(word("doc-bay"), 10),
        cell(j.bay.as_deref().unwrap_or("—"), 26),
        cell(word("doc-technician"), 10),
        j.technician.as_deref().unwrap_or("—")
    );
    let _ = writeln!(
        o,
        "{}{}",
        cell(word("doc-priority"), 10),
        j.priority.label()
    );
    let _ = writeln!(
        o,
        "{}{}",
        cell(word("doc-complaint"), 10),
        fit(&j.complaint, 66)
    );
    let _ = writeln!(o, "{}", "-".repeat(WIDTH));
    for l in p
        .detail
        .lines
        .iter()
        .filter(|l| l.status != LineStatus::Declined)
    {
        let hours = l.hours.map_or(String::new(), |h| format!("{h:.1} h"));
        let _ = writeln!(
            o,
            "[ ] {}{}{}",
            cell(&l.label(), 8),
            cell(&fit(&l.work, 52), 54),
            right(&hours, 8)
        );
    }
    signatures(o, &[word("doc-sign-technician"), word("doc-sign-qc")]);
}

fn added_work(o: &mut String, p: &Paper) {
    let d = p.detail;
    columns(o);
    for l in d.lines.iter().filter(|l| l.kind == LineKind::Added) {
        priced_row(
            o,
            &l.label(),
            &l.work,
            &hours(l.hours),
            &money(l.price(), &d.currency),
        );
        let urgency = l.urgency.map_or("", |u| u.label());
        let decided = match (&l.customer_name, l.status) {
            (Some(by), LineStatus::Declined) => {
                message("doc-declined-by", &[("by", fit(by, 30).into())])
            }
            (Some(by), _) => message("doc-approved-by", &[("by", fit(by, 30).into())]),
            (None, _) => word("doc-undecided").to_string(),
        };
        let _ = writeln!(o, "{:8}{} · {}", "", urgency, decided);
    }
    wrapped(o, &message("doc-added-consent", &[]));
    signatures(o, &[word("doc-sign-customer"), word("doc-sign-advisor")]);
}

fn settlement(o: &mut String, p: &Paper) {
    // The settlement's lines and totals, without its own heading.
    o.push_str(&super::invoice::body(p.settlement, p.tz));
    let d = p.detail;
    let declined: Vec<_> = d
        .lines
        .iter()
        .filter(|l| l.status == LineStatus::Declined && l.urgency == Some(Urgency::Safety))
        .collect();
    if !declined.is_empty() {
        let _ = writeln!(o, "{}", "-".repeat(WIDTH));
        let _ = writeln!(o, "{}", word("doc-declined-safety"));
        for l in declined {
            let _ = writeln!(o, "  {} {}", l.label(), fit(&l.work, 60));
            signatures(o, &[word("doc-sign-declined")]);
        }
    }
    signatures(o, &[word("doc-sign-customer"), word("doc-sign-advisor")]);
}

fn gate_pass(o: &mut String, p: &Paper) {
    let d = p.detail;
    let passed =
        d.qc.iter()
            .rev()
            .find(|q| q.result == crate::domain::qc::Verdict::Pass);
    if let Some(q) = passed {
        let at = super::when(q.at, p.now, p.tz);
        let _ = writeln!(
            o,
            "{}{} · {}",
            cell(word("doc-qc-passed"), 10),
            fit(&q.inspector, 30),
            at
        );
    }
    if let Some(how) = &d.handover.paid {
        let total = money(p.settlement.totals.total, &d.currency);
        let how = super::labels::payment(how);
        let _ = writeln!(o, "{}{} · {}", cell(word("doc-paid"), 10), total, how);
    }
    wrapped(o, &message("doc-gate-note", &[]));
    signatures(o, &[word("doc-sign-advisor"), word("doc-sign-guard")]);
}
