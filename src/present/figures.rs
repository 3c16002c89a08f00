//! The figures as a person reads them (`report`'s text) and as a
//! spreadsheet reads them (`report --csv`: one header row, ISO dates, dot
//! decimals, one row per number). Words for the comparisons with the
//! previous range are here so the dashboard says the same.

use super::labels;
use super::words::message;
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
                (true, _) => "none",
                (false, true) => "one",
                (false, false) => "other",
            };
            let said = |id: &str, d: f64| {
                message(
                    id,
                    &[("d", format!("{d:.1}").into()), ("unit", unit.into())],
                )
            };
            if d > 0.0 {
                said("figures-up", d)
            } else if d < 0.0 {
                said("figures-down", -d)
            } else {
                message("figures-same", &[])
            }
        }
        (None, Some(_)) if short => message("figures-none-to-count", &[]),
        (None, Some(b)) => message(
            "figures-none-to-count-was",
            &[("was", format!("{b:.1}").into())],
        ),
        (Some(_), None) if short => message("figures-nothing-before", &[]),
        (Some(_), None) => message("figures-none-before", &[]),
        (None, None) => message("figures-none-to-count", &[]),
    }
}

fn share(s: &Share) -> String {
    match s.pct {
        Some(_) => message(
            "figures-share",
            &[
                ("pct", pct(s.pct).into()),
                ("count", s.count.into()),
                ("of", s.of.into()),
            ],
        ),
        None => message("figures-share-none", &[]),
    }
}

/// A complaint's severity with what it covers: "severity 1 (safety,
/// repeated, legal)", "1 级（安全、重复故障、法规）".
pub fn severity_word(level: i64) -> String {
    match level {
        1 => message("figures-severity-1", &[]),
        2 => message("figures-severity-2", &[]),
        _ => message("figures-severity-3", &[]),
    }
}

/// The severity alone: "severity 1", "1 级".
pub fn severity_name(level: i64) -> String {
    message("figures-severity", &[("level", level.into())])
}

/// A message without arguments, shorter to write.
fn said(id: &str) -> String {
    message(id, &[])
}

/// The plain-text report.
pub fn report_text(f: &Figures) -> String {
    let p = &f.previous;
    let mut o = String::new();
    let days = f.delivered_per_day.len();
    let _ = writeln!(
        o,
        "{}",
        message(
            "figures-report-title",
            &[
                ("from", f.from.to_string().into()),
                ("to", f.to.to_string().into()),
                ("n", days.into()),
                ("pfrom", p.from.to_string().into()),
                ("pto", p.to.to_string().into()),
            ],
        )
    );
    let row = |o: &mut String, name: &str, value: String, cmp: String| {
        let _ = writeln!(o, "{}{}{}", pad(name, 24), pad(&value, 30), cmp);
    };
    let previous = message("figures-previous", &[("n", p.delivered.into())]);
    row(
        &mut o,
        &said("figures-delivered"),
        f.delivered.to_string(),
        previous,
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
    let lead = &f.checkin_to_delivery_hours;
    let lead = match lead.p50 {
        Some(_) => message(
            "figures-lead-times",
            &[
                ("p50", hours(lead.p50).into()),
                ("p90", hours(lead.p90).into()),
            ],
        ),
        None => said("figures-lead-times-none"),
    };
    row(
        &mut o,
        &said("figures-checkin-to-delivery"),
        lead,
        String::new(),
    );
    for (id, s, before) in [
        ("figures-on-time", &f.on_time, p.on_time_pct),
        (
            "figures-qc-first-pass",
            &f.qc_first_pass,
            p.qc_first_pass_pct,
        ),
        ("figures-comebacks", &f.comebacks, p.comeback_pct),
        (
            "figures-followups-reached",
            &f.followups_reached,
            p.followups_reached_pct,
        ),
        ("figures-satisfied", &f.satisfaction, p.satisfaction_pct),
    ] {
        row(&mut o, &said(id), share(s), change(s.pct, before));
    }
    for l in &f.first_pass_by_level {
        let name = message(
            "figures-level-first-pass",
            &[("level", l.level.as_str().into())],
        );
        row(&mut o, &name, share(&l.share), String::new());
    }
    let met = match f.satisfaction.pct {
        Some(v) if v >= f.satisfaction_target_pct => "met",
        Some(_) => "missed",
        None => "none",
    };
    let target = format!("{:.0}", f.satisfaction_target_pct);
    let _ = writeln!(
        o,
        "{}",
        message(
            "figures-target",
            &[("target", target.into()), ("met", met.into())]
        )
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
    let _ = writeln!(o, "{}\n  {}", said("figures-wip-now"), wip.join(" · "));
    let mut states: Vec<String> = f
        .hours_in_state
        .iter()
        .filter(|_| f.delivered > 0)
        .map(|s| format!("{} {:.1} h", s.state.label(), s.hours))
        .collect();
    if f.delivered == 0 {
        states.push(said("figures-no-delivery"));
    }
    let _ = writeln!(
        o,
        "{}\n  {}",
        said("figures-state-hours"),
        states.join(" · ")
    );
    let _ = writeln!(
        o,
        "{}{}{}{}{}",
        pad(&said("figures-technicians"), 24),
        pad(&said("figures-clocked"), 10),
        pad(&said("figures-sold"), 10),
        pad(&said("figures-efficiency"), 12),
        said("figures-comebacks-column")
    );
    if f.technicians.is_empty() {
        let _ = writeln!(o, "{}", said("figures-nobody-clocked"));
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
    let _ = writeln!(o, "{}", said("figures-bay-hours"));
    let _ = writeln!(
        o,
        "  {}{}",
        pad(&said("figures-bay"), 6),
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
    let counts = message(
        "figures-approvals-counts",
        &[
            ("asked", a.asked.into()),
            ("approved", a.approved.into()),
            ("declined", a.declined.into()),
            ("undecided", a.undecided.into()),
            ("median", hours(a.median_decision_hours).into()),
        ],
    );
    let _ = writeln!(o, "{}{counts}", pad(&said("figures-approvals"), 24));
    let parts: Vec<String> = f
        .parts_waiting_hours
        .iter()
        .map(|k| format!("{} {:.1} h", labels::part_kind(k.kind), k.hours))
        .collect();
    let _ = writeln!(
        o,
        "{}\n  {}",
        said("figures-parts-by-kind"),
        parts.join(" · ")
    );
    let _ = writeln!(o, "{}", said("figures-complaints-recorded"));
    for c in &f.complaints {
        let counts = message(
            "figures-complaints-counts",
            &[
                ("opened", c.opened.into()),
                ("ontime", c.on_time.into()),
                ("overdue", c.overdue.into()),
                ("open", c.open.into()),
            ],
        );
        let _ = writeln!(o, "  {}{counts}", pad(&severity_word(c.severity), 38));
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
    for l in &f.first_pass_by_level {
        let name = format!("first_pass_{}", l.level.as_str());
        rows.put(&name, "count", l.share.count.to_string());
        rows.put(&name, "of", l.share.of.to_string());
        rows.put(&name, "pct", num(l.share.pct));
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

    #[test]
    fn changes_read_in_chinese() {
        use crate::present::lang::{Lang, scoped};
        scoped(Lang::ZhCn, || {
            assert_eq!(change(Some(93.3), Some(91.0)), "↑ 上升 2.3 个百分点");
            assert_eq!(change_short(Some(90.0), Some(91.0)), "↓ 下降 1.0");
            assert_eq!(change(Some(90.0), Some(90.0)), "= 持平");
            assert_eq!(change(None, Some(90.0)), "无可统计（上期 90.0 %）");
            assert_eq!(severity_name(2), "2 级");
        });
    }

    /// The demo's last 30 days, as `bayboard report` reads them.
    fn demo_figures() -> Figures {
        use chrono::TimeZone;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.sqlite3");
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 6, 30, 0)
            .unwrap();
        let ws = crate::demo::seed_at(&db, now).unwrap();
        let zone =
            crate::read::figures::Zone::Fixed(chrono::FixedOffset::east_opt(8 * 3600).unwrap());
        let to = now.with_timezone(&zone).date_naive();
        let span = crate::read::figures::Span::new(to - chrono::Duration::days(29), to);
        crate::read::figures::compute(ws.store(), span, &zone, now, &mut |_, _| {}).unwrap()
    }

    /// Issue 21: the report reads in Chinese from its first line to its
    /// last (the English stays as it was).
    #[test]
    fn the_report_text_reads_in_the_readers_language() {
        use crate::present::lang::{Lang, scoped};
        let f = demo_figures();
        let zh = scoped(Lang::ZhCn, || report_text(&f));
        for heading in [
            "统计 ",
            "上期：",
            "交车台次",
            "接车→交车",
            "准时交车率",
            "一次合格率",
            "返修率",
            "回访接通率",
            "满意度目标",
            "当前在修",
            "每台交车在各状态的平均时长",
            "技师",
            "实际工时",
            "结算工时",
            "工时效率",
            "工位利用率",
            "增项客户确认",
            "提报 ",
            "待料时长（按类型）",
            "投诉（按等级）",
            "1 级（安全、重复故障、法规）",
            "受理 ",
        ] {
            assert!(zh.contains(heading), "{heading} missing:\n{zh}");
        }
        let en = scoped(Lang::En, || report_text(&f));
        for heading in [
            "Figures for",
            "Delivered",
            "Check-in to delivery",
            "On time",
            "QC first pass",
            "Comebacks",
            "Follow-ups reached",
            "Satisfied",
            "satisfaction target",
            "Work in progress now",
            "Average time in each state",
            "Technicians",
            "clocked",
            "efficiency",
            "Bay utilisation",
            "Approvals",
            "asked",
            "Parts waiting",
            "Complaints recorded",
            "severity",
            "opened",
            "resolve-by",
            "previous",
        ] {
            assert!(en.contains(heading), "{heading} not in English:\n{en}");
            assert!(!zh.contains(heading), "{heading} in Chinese:\n{zh}");
        }
        // No English word is left: only names typed in, units and codes.
        let techs = f.technicians.iter().map(|t| t.name.as_str());
        let names: Vec<&str> = techs
            .chain(f.bay_utilisation.iter().map(|b| b.bay.as_str()))
            .collect();
        for line in zh.lines() {
            let mut rest = line.to_string();
            for n in &names {
                rest = rest.replace(n, "");
            }
            let latin = rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .find(|w| w.len() >= 3);
            assert_eq!(latin, None, "English on a Chinese line: {line}");
        }
        // Columns line up by display width, Chinese headings included.
        let head = zh.lines().find(|l| l.starts_with("技师")).unwrap();
        assert_eq!(
            crate::text::width(head.split("实际工时").next().unwrap()),
            24,
            "{head}"
        );
    }
}
