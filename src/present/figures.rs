//! The figures as a person reads them (`report`'s text) and as a
//! spreadsheet reads them (`report --csv`: one header row, ISO dates, dot
//! decimals, one row per number). Words for the comparisons with the
//! previous range are here so the dashboard says the same.

use super::labels;
use crate::read::figures::{Figures, Share};
use crate::text::{cell as pad, fit};
use chrono::Datelike;
use std::fmt::Write;

/// "93.3 %", or a dash when there was nothing to count.
pub fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "—".into(), |p| format!("{p:.1} %"))
}

pub fn hours(h: Option<f64>) -> String {
    h.map_or_else(|| "—".into(), |h| format!("{h:.1} h"))
}

/// "↑ up 2.3 points", "↓ down 1.0 point", "= same", or why there is
/// nothing to compare.
pub fn change(now: Option<f64>, before: Option<f64>) -> String {
    worded(now, before, false)
}

/// The same, short enough for a narrow tile ("↑ up 2.3").
pub fn change_short(now: Option<f64>, before: Option<f64>) -> String {
    worded(now, before, true)
}

fn worded(now: Option<f64>, before: Option<f64>, short: bool) -> String {
    match (now, before) {
        (Some(a), Some(b)) => {
            let d = ((a - b) * 10.0).round() / 10.0;
            let unit = match (short, d.abs() == 1.0) {
                (true, _) => "",
                (false, true) => " point",
                (false, false) => " points",
            };
            if d > 0.0 {
                format!("↑ up {d:.1}{unit}")
            } else if d < 0.0 {
                format!("↓ down {:.1}{unit}", -d)
            } else {
                "= same".into()
            }
        }
        (None, Some(_)) if short => "none to count".into(),
        (None, Some(b)) => format!("none to count (was {b:.1} %)"),
        (Some(_), None) if short => "nothing before".into(),
        (Some(_), None) => "none before to compare".into(),
        (None, None) => "none to count".into(),
    }
}

fn share(s: &Share) -> String {
    match s.pct {
        Some(_) => format!("{} ({} of {})", pct(s.pct), s.count, s.of),
        None => "— (none to count)".into(),
    }
}

pub fn severity_word(level: i64) -> &'static str {
    match level {
        1 => "severity 1 (safety, repeated, legal)",
        2 => "severity 2 (repair or service)",
        _ => "severity 3 (other)",
    }
}

/// The plain-text report.
pub fn report_text(f: &Figures) -> String {
    let p = &f.previous;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Figures for {} to {} ({} days); previous: {} to {}",
        f.from,
        f.to,
        f.delivered_per_day.len(),
        p.from,
        p.to
    );
    let row = |o: &mut String, name: &str, value: String, cmp: String| {
        let _ = writeln!(o, "{}{}{}", pad(name, 24), pad(&value, 30), cmp);
    };
    row(
        &mut o,
        "Delivered",
        f.delivered.to_string(),
        format!("previous {}", p.delivered),
    );
    let per_day: Vec<String> = f
        .delivered_per_day
        .iter()
        // Within one year the month and day say it; across years, the year too.
        .map(|d| {
            let day = if f.from.year() == f.to.year() {
                d.day.format("%m-%d")
            } else {
                d.day.format("%Y-%m-%d")
            };
            format!("{day} {}", d.count)
        })
        .collect();
    for chunk in per_day.chunks(7) {
        let _ = writeln!(o, "  {}", chunk.join("  "));
    }
    row(
        &mut o,
        "Check-in to delivery",
        format!(
            "p50 {} · p90 {}",
            hours(f.checkin_to_delivery_hours.p50),
            hours(f.checkin_to_delivery_hours.p90)
        ),
        String::new(),
    );
    for (name, s, before) in [
        ("On time", &f.on_time, p.on_time_pct),
        ("QC first pass", &f.qc_first_pass, p.qc_first_pass_pct),
        ("Comebacks", &f.comebacks, p.comeback_pct),
        (
            "Follow-ups reached",
            &f.followups_reached,
            p.followups_reached_pct,
        ),
        ("Satisfied", &f.satisfaction, p.satisfaction_pct),
    ] {
        row(&mut o, name, share(s), change(s.pct, before));
    }
    let _ = writeln!(
        o,
        "  satisfaction target {:.0} %: {}",
        f.satisfaction_target_pct,
        match f.satisfaction.pct {
            Some(v) if v >= f.satisfaction_target_pct => "met",
            Some(_) => "missed",
            None => "no scores",
        }
    );
    states_text(&mut o, f);
    approvals_text(&mut o, f);
    o
}

/// Work in progress, time in each state, technicians and bays.
fn states_text(o: &mut String, f: &Figures) {
    let wip: Vec<String> = f
        .wip_by_state
        .iter()
        .map(|s| format!("{} {}", s.state.label(), s.count))
        .collect();
    let _ = writeln!(o, "Work in progress now\n  {}", wip.join(" · "));
    let mut states: Vec<String> = f
        .hours_in_state
        .iter()
        .filter(|_| f.delivered > 0)
        .map(|s| format!("{} {:.1} h", s.state.label(), s.hours))
        .collect();
    if f.delivered == 0 {
        states.push("no job was delivered in this range".into());
    }
    let _ = writeln!(
        o,
        "Average time in each state per delivered job\n  {}",
        states.join(" · ")
    );
    let _ = writeln!(
        o,
        "Technicians             {}{}{}comebacks",
        pad("clocked", 10),
        pad("sold", 10),
        pad("efficiency", 12)
    );
    if f.technicians.is_empty() {
        let _ = writeln!(o, "  nobody clocked or sold time");
    }
    for t in &f.technicians {
        let _ = writeln!(
            o,
            "  {}{}{}{}{}",
            pad(&fit(&t.name, 20), 22),
            pad(&format!("{:.1} h", t.clocked_hours), 10),
            pad(&format!("{:.1} h", t.sold_hours), 10),
            pad(&pct(t.efficiency_pct), 12),
            t.comebacks
        );
    }
    let _ = writeln!(o, "Bay utilisation, % of each hour of the day on the clock");
    let _ = writeln!(
        o,
        "  {}{}",
        pad("bay", 6),
        (0..24).map(|h| format!("{h:>3}")).collect::<String>()
    );
    for b in &f.bay_utilisation {
        let _ = writeln!(
            o,
            "  {}{}",
            pad(&fit(&b.bay, 5), 6),
            b.pct_by_hour
                .iter()
                .map(|v| format!("{:>3.0}", v))
                .collect::<String>()
        );
    }
}

/// Approvals, parts waits and complaints.
fn approvals_text(o: &mut String, f: &Figures) {
    let a = &f.approvals;
    let _ = writeln!(
        o,
        "Approvals               asked {} · approved {} · declined {} · undecided {} · median decision {}",
        a.asked,
        a.approved,
        a.declined,
        a.undecided,
        hours(a.median_decision_hours)
    );
    let parts: Vec<String> = f
        .parts_waiting_hours
        .iter()
        .map(|k| format!("{} {:.1} h", labels::part_kind(k.kind), k.hours))
        .collect();
    let _ = writeln!(o, "Parts waiting, hours by kind\n  {}", parts.join(" · "));
    let _ = writeln!(o, "Complaints recorded");
    for c in &f.complaints {
        let _ = writeln!(
            o,
            "  {}{} opened · {} on time · {} overdue · {} open",
            pad(severity_word(c.severity), 38),
            c.opened,
            c.on_time,
            c.overdue,
            c.open
        );
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

/// A field as CSV: quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    crate::sanitise::csv_cell(s).into_owned()
}

/// The CSV's rows before the range: figure, subject, day, hour, value.
#[derive(Default)]
struct Rows(Vec<[String; 5]>);

impl Rows {
    /// A row with no day or hour.
    fn put(&mut self, figure: &str, subject: &str, value: String) {
        self.at(figure, subject, String::new(), String::new(), value);
    }

    fn at(&mut self, figure: &str, subject: &str, day: String, hour: String, value: String) {
        self.0
            .push([figure.into(), subject.into(), day, hour, value]);
    }
}

/// `from,to,figure,subject,day,hour,value`: one number per row, codes for
/// states and kinds (as in the JSON), an empty value where there was
/// nothing to count.
pub fn report_csv(f: &Figures) -> String {
    let mut rows = Rows::default();
    csv_flow(&mut rows, f);
    csv_people(&mut rows, f);
    csv_waits(&mut rows, f);
    csv_previous(&mut rows, f);
    // The byte-order mark tells spreadsheets (Excel above all) the text is
    // UTF-8, so 张敏 stays 张敏.
    let mut out = String::from("\u{feff}from,to,figure,subject,day,hour,value\n");
    for r in rows.0 {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            f.from,
            f.to,
            field(&r[0]),
            field(&r[1]),
            r[2],
            r[3],
            r[4]
        );
    }
    out
}

/// Deliveries, lead times, work in progress, time in state and the shares.
fn csv_flow(rows: &mut Rows, f: &Figures) {
    rows.put("delivered", "", f.delivered.to_string());
    for d in &f.delivered_per_day {
        let (day, n) = (d.day.to_string(), d.count.to_string());
        rows.at("delivered_per_day", "", day, String::new(), n);
    }
    let lead = &f.checkin_to_delivery_hours;
    rows.put("checkin_to_delivery_hours", "p50", num(lead.p50));
    rows.put("checkin_to_delivery_hours", "p90", num(lead.p90));
    for s in &f.wip_by_state {
        rows.put("wip_by_state", s.state.as_str(), s.count.to_string());
    }
    for s in &f.hours_in_state {
        rows.put("hours_in_state", s.state.as_str(), num(Some(s.hours)));
    }
    for (name, s) in [
        ("on_time", &f.on_time),
        ("qc_first_pass", &f.qc_first_pass),
        ("comebacks", &f.comebacks),
        ("followups_reached", &f.followups_reached),
        ("satisfaction", &f.satisfaction),
    ] {
        rows.put(name, "count", s.count.to_string());
        rows.put(name, "of", s.of.to_string());
        rows.put(name, "pct", num(s.pct));
    }
    let target = num(Some(f.satisfaction_target_pct));
    rows.put("satisfaction_target_pct", "", target);
}

/// Technicians and bays.
fn csv_people(rows: &mut Rows, f: &Figures) {
    for t in &f.technicians {
        rows.put(
            "technician_clocked_hours",
            &t.name,
            num(Some(t.clocked_hours)),
        );
        rows.put("technician_sold_hours", &t.name, num(Some(t.sold_hours)));
        rows.put("technician_efficiency_pct", &t.name, num(t.efficiency_pct));
        rows.put("technician_comebacks", &t.name, t.comebacks.to_string());
    }
    for b in &f.bay_utilisation {
        for (h, v) in b.pct_by_hour.iter().enumerate() {
            let value = num(Some(*v));
            rows.at(
                "bay_utilisation_pct",
                &b.bay,
                String::new(),
                h.to_string(),
                value,
            );
        }
    }
}

/// Approvals, parts waits and complaints.
fn csv_waits(rows: &mut Rows, f: &Figures) {
    let a = &f.approvals;
    for (k, v) in [
        ("asked", a.asked),
        ("approved", a.approved),
        ("declined", a.declined),
        ("undecided", a.undecided),
    ] {
        rows.put("approvals", k, v.to_string());
    }
    rows.put(
        "approvals_median_decision_hours",
        "",
        num(a.median_decision_hours),
    );
    for k in &f.parts_waiting_hours {
        rows.put("parts_waiting_hours", k.kind.as_str(), num(Some(k.hours)));
    }
    for c in &f.complaints {
        let s = c.severity.to_string();
        for (k, v) in [
            ("opened", c.opened),
            ("on_time", c.on_time),
            ("overdue", c.overdue),
            ("open", c.open),
        ] {
            rows.put(&format!("complaints_{k}"), &s, v.to_string());
        }
    }
}

/// The previous range's headline and its days.
fn csv_previous(rows: &mut Rows, f: &Figures) {
    let p = &f.previous;
    rows.put("previous_delivered", "", p.delivered.to_string());
    for (k, v) in [
        ("previous_on_time_pct", p.on_time_pct),
        ("previous_qc_first_pass_pct", p.qc_first_pass_pct),
        ("previous_comeback_pct", p.comeback_pct),
        ("previous_followups_reached_pct", p.followups_reached_pct),
        ("previous_satisfaction_pct", p.satisfaction_pct),
    ] {
        rows.put(k, "", num(v));
    }
    let none = String::new;
    rows.at("previous_range", "from", p.from.to_string(), none(), none());
    rows.at("previous_range", "to", p.to.to_string(), none(), none());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(field("Li, Na"), "\"Li, Na\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("王伟"), "王伟");
    }

    #[test]
    fn changes_are_said_in_words_and_arrows() {
        assert_eq!(change(Some(93.3), Some(91.0)), "↑ up 2.3 points");
        assert_eq!(change(Some(90.0), Some(91.0)), "↓ down 1.0 point");
        assert_eq!(change(Some(90.0), Some(90.0)), "= same");
        assert_eq!(change(Some(90.0), None), "none before to compare");
        assert_eq!(change(None, Some(90.0)), "none to count (was 90.0 %)");
        assert_eq!(change_short(Some(93.3), Some(91.0)), "↑ up 2.3");
    }
}
