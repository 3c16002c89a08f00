//! Group reporting (docs/group-reporting.md): docs/group-figures.sql, run by
//! the stock `sqlite3` over several sites' backups as the doc says, gives
//! each site the figures `report --json` gives at that site, and group rows
//! that add the sites up, with percentages and percentiles recomputed rather
//! than averaged. Skipped, saying so, where `sqlite3` is not installed.

use crate::common::Shop;
use bayboard::store::ts;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SQL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/group-figures.sql");
const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/group-reporting.md");
const GROUP: &str = "(group)";

/// Every key of `report --json`. A new one fails here on purpose: give it
/// in docs/group-figures.sql, or list it as not given in the doc.
const REPORT_KEYS: [&str; 20] = [
    "from",
    "to",
    "delivered",
    "delivered_per_day",
    "checkin_to_delivery_hours",
    "wip_by_state",
    "hours_in_state",
    "on_time",
    "qc_first_pass",
    "first_pass_by_level",
    "comebacks",
    "followups_reached",
    "satisfaction",
    "satisfaction_target_pct",
    "technicians",
    "bay_utilisation",
    "approvals",
    "parts_waiting_hours",
    "complaints",
    "previous",
];

/// (figure, subject) → value; `None` where the value is empty.
type Figures = BTreeMap<(String, String), Option<f64>>;

/// Whether sqlite3 3.30 or later (aggregate FILTER clauses) is on PATH;
/// says SKIP when it is not.
fn sqlite3_here(test: &str) -> bool {
    let version = Command::new("sqlite3")
        .arg("-version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let mut parts = version
        .split_whitespace()
        .next()
        .unwrap_or("")
        .split('.')
        .map(|n| n.parse::<u32>().unwrap_or(0));
    let new_enough = (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) >= (3, 30);
    if !new_enough {
        crate::common::skip(
            test,
            &format!(
                "no sqlite3 3.30 or later on PATH ({:?}); docs/group-figures.sql was not run",
                version.trim()
            ),
        );
    }
    new_enough
}

/// `bayboard backup` into `folder`, named after the site.
fn backup(s: &Shop, folder: &Path, site: &str) -> PathBuf {
    let file = folder.join(format!("{site}.sqlite3"));
    s.ok(None, &["backup", file.to_str().unwrap()]);
    file
}

/// The foreman hands back every car that passed QC, so this site differs
/// from the other demo.
fn deliver_every_passed_car(s: &Shop) {
    let staff = s.json(None, &["staff", "list"]);
    let foreman = staff
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["roles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "foreman")
        })
        .expect("the demo has a foreman")["name"]
        .as_str()
        .unwrap()
        .to_string();
    let passed = s.json(None, &["job", "list", "--status", "qc_passed"]);
    let passed = passed.as_array().unwrap();
    assert!(!passed.is_empty(), "the demo has cars ready to go");
    for j in passed {
        s.ok(
            Some(foreman.as_str()),
            &["job", "deliver", j["number"].as_str().unwrap()],
        );
    }
}

/// Puts facts on the edges the counting must get right, as the store
/// allows them: a delivery at the range's first instant (before its
/// check-in, so its lead time is cut to nothing) and one a millisecond
/// before it, a promise kept to the millisecond, a complaint resolved at its
/// deadline, the lowest satisfied score, and a clock entry begun the day
/// before the range.
fn edges(s: &Shop, first_day: NaiveDate) {
    let start = format!("{first_day}T00:00:00.000Z");
    let just_before = format!("{}T23:59:59.999Z", first_day - Duration::days(1));
    let day_before = format!("{}T00:00:00.000Z", first_day - Duration::days(1));
    let delivered = "SELECT id FROM jobs WHERE status = 'delivered' ORDER BY id";
    s.sql()
        .execute_batch(&format!(
            "UPDATE jobs SET closed_at = '{start}'
              WHERE id = ({delivered} DESC LIMIT 1);
             UPDATE jobs SET closed_at = '{just_before}'
              WHERE id = ({delivered} DESC LIMIT 1 OFFSET 1);
             UPDATE jobs SET promised_at = closed_at WHERE id = ({delivered} LIMIT 1);
             UPDATE complaints SET resolved_at = resolve_by
              WHERE id = (SELECT min(id) FROM complaints WHERE resolved_at IS NOT NULL);
             UPDATE followups SET score = 4
              WHERE job_id = (SELECT min(job_id) FROM followups WHERE score IS NOT NULL);
             UPDATE time_entries SET started_at = '{day_before}'
              WHERE id = (SELECT min(id) FROM time_entries WHERE ended_at > '{start}');
             UPDATE job_state_times SET closed_at = (SELECT closed_at FROM jobs WHERE id = job_id);"
        ))
        .unwrap();
}

/// The `.parameter` lines of the doc for a range.
fn range(from: &str, to: &str) -> String {
    format!(".parameter set @from \"'{from}'\"\n.parameter set @to \"'{to}'\"\n")
}

/// What the doc's shell loop feeds sqlite3, after `settings`.
fn script(settings: &str, backups: &[PathBuf]) -> String {
    let mut s = settings.to_string();
    for f in backups {
        s += &format!(
            "ATTACH 'file:{}?mode=ro&immutable=1' AS site;\n.read '{SQL}'\nDETACH site;\n",
            f.display()
        );
    }
    s + ".headers on\n.mode csv\nSELECT * FROM group_figures;\n"
}

/// Runs sqlite3 as the doc does (in UTC): stdout, or stderr on failure.
fn sqlite3(script: &str) -> Result<String, String> {
    let mut child = Command::new("sqlite3")
        .args(["-bail", ":memory:"])
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A few hundred bytes: the pipe takes it all before sqlite3 answers.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        assert_eq!(stdout, "", "nothing printed before the refusal");
        Err(stderr)
    }
}

/// CSV as sqlite3 writes it: quoted fields with "" inside, CRLF rows.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

/// The SQL's rows by site, checking the header and the range on each row.
fn by_site(csv: &str, from: &str, to: &str) -> BTreeMap<String, Figures> {
    let records = csv_records(csv);
    assert_eq!(
        records[0],
        ["site", "from", "to", "figure", "subject", "value"],
        "the header"
    );
    let mut sites: BTreeMap<String, Figures> = BTreeMap::new();
    for r in &records[1..] {
        assert_eq!((r[1].as_str(), r[2].as_str()), (from, to), "{r:?}");
        let value = (!r[5].is_empty())
            .then(|| r[5].parse::<f64>().unwrap_or_else(|e| panic!("{r:?}: {e}")));
        let old = sites
            .entry(r[0].clone())
            .or_default()
            .insert((r[3].clone(), r[4].clone()), value);
        assert!(old.is_none(), "one row per figure: {r:?}");
    }
    sites
}

/// `report --json` flattened to the SQL's figure and subject names (those
/// of `report --csv`).
fn report_figures(r: &Value) -> Figures {
    let keys: BTreeSet<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        REPORT_KEYS.into_iter().collect::<BTreeSet<_>>(),
        "report --json changed: bring docs/group-figures.sql and docs/group-reporting.md along"
    );
    let mut f = Figures::new();
    let mut put = |figure: &str, subject: &str, v: &Value| {
        assert!(v.is_null() || v.is_number(), "{figure} {subject}: {v}");
        f.insert((figure.into(), subject.into()), v.as_f64());
    };
    let list = |k: &str| r[k].as_array().unwrap().clone();
    put("delivered", "", &r["delivered"]);
    for d in list("delivered_per_day") {
        put("delivered_per_day", d["day"].as_str().unwrap(), &d["count"]);
    }
    for p in ["p50", "p90"] {
        put(
            "checkin_to_delivery_hours",
            p,
            &r["checkin_to_delivery_hours"][p],
        );
    }
    for s in list("wip_by_state") {
        put("wip_by_state", s["state"].as_str().unwrap(), &s["count"]);
    }
    for s in list("hours_in_state") {
        put("hours_in_state", s["state"].as_str().unwrap(), &s["hours"]);
    }
    for share in [
        "on_time",
        "qc_first_pass",
        "first_pass_self",
        "first_pass_final",
        "comebacks",
        "followups_reached",
        "satisfaction",
    ] {
        for k in ["count", "of", "pct"] {
            put(share, k, &r[share][k]);
        }
    }
    for l in list("first_pass_by_level") {
        let name = format!("first_pass_{}", l["level"].as_str().unwrap());
        for k in ["count", "of", "pct"] {
            put(&name, k, &l[k]);
        }
    }
    for t in list("technicians") {
        let name = t["name"].as_str().unwrap();
        for k in ["clocked_hours", "sold_hours", "efficiency_pct", "comebacks"] {
            put(&format!("technician_{k}"), name, &t[k]);
        }
    }
    for k in ["asked", "approved", "declined", "undecided"] {
        put("approvals", k, &r["approvals"][k]);
    }
    put(
        "approvals_median_decision_hours",
        "",
        &r["approvals"]["median_decision_hours"],
    );
    for p in list("parts_waiting_hours") {
        put(
            "parts_waiting_hours",
            p["kind"].as_str().unwrap(),
            &p["hours"],
        );
    }
    for c in list("complaints") {
        let severity = c["severity"].to_string();
        for k in ["opened", "on_time", "overdue", "open"] {
            put(&format!("complaints_{k}"), &severity, &c[k]);
        }
    }
    f
}

/// `v` lies between the figure read at two moments (the figures that
/// depend on "now" move one way only), give or take `slack`.
fn between(v: Option<f64>, a: Option<f64>, b: Option<f64>, slack: f64) -> bool {
    match (v, a, b) {
        (None, None, None) => true,
        (Some(v), Some(a), Some(b)) => a.min(b) - slack - 1e-9 <= v && v <= a.max(b) + slack + 1e-9,
        _ => false,
    }
}

fn figure_key(figure: &str, subject: &str) -> (String, String) {
    (figure.to_string(), subject.to_string())
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Durations in ms between two stored times, for rows `query` picks in
/// [start, end).
fn durations(db: &Path, query: &str, start: &str, end: &str) -> Vec<i64> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = c.prepare(query).unwrap();
    let rows = stmt
        .query_map([start, end], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .unwrap();
    rows.map(|r| {
        let (a, b) = r.unwrap();
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        (t(&b) - t(&a)).num_milliseconds().max(0)
    })
    .collect()
}

/// Nearest rank, in hours to 0.1: the value at rank ceil(p n) of all of them.
fn percentile(mut ms: Vec<i64>, p: f64) -> Option<f64> {
    ms.sort_unstable();
    let rank = ((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len().max(1));
    ms.get(rank - 1).map(|&v| round1(v as f64 / 3_600_000.0))
}

#[test]
fn each_site_gets_its_own_report_and_the_group_adds_them_up() {
    if !sqlite3_here("group_report::each_site_gets_its_own_report_and_the_group_adds_them_up") {
        return;
    }
    // Two demo shops (one has since handed back its QC-passed cars, and
    // holds the edge cases) and a new shop with nothing in it yet.
    let today = Utc::now().date_naive();
    let first_day = today - Duration::days(60);
    let (from, to) = (first_day.to_string(), today.to_string());
    let north = Shop::demo();
    let south = Shop::demo();
    deliver_every_passed_car(&south);
    edges(&south, first_day);
    let east = Shop::empty();
    let sites = [("north", &north), ("south", &south), ("east", &east)];
    let folder = tempfile::tempdir().unwrap();
    let mut backups = Vec::new();
    let mut reports = BTreeMap::new();
    // Open clock entries, parts waits and complaint deadlines run to "now":
    // each report's now lies between `first` and `last`.
    let first = Utc::now();
    for (name, s) in sites {
        backups.push(backup(s, folder.path(), name));
        let r = s.json(None, &["report", "--from", &from, "--to", &to]);
        reports.insert(name, report_figures(&r));
    }
    let last = Utc::now() + Duration::milliseconds(1);
    let run = |now: DateTime<Utc>| {
        let settings = range(&from, &to) + &format!(".parameter set @now \"'{}'\"\n", ts(now));
        let out = sqlite3(&script(&settings, &backups)).unwrap_or_else(|e| panic!("{e}"));
        by_site(&out, &from, &to)
    };
    let (early, late) = (run(first), run(last));
    assert_eq!(
        early.keys().map(String::as_str).collect::<Vec<_>>(),
        [GROUP, "east", "north", "south"]
    );

    // Each site: exactly its report (plus its technicians' totals).
    for (name, _) in sites {
        let report = &reports[name];
        let own = |at: &BTreeMap<String, Figures>| -> Figures {
            at[name]
                .iter()
                .filter(|((figure, _), _)| !figure.starts_with("technicians_"))
                .map(|(k, v)| (k.clone(), *v))
                .collect()
        };
        let (a, b) = (own(&early), own(&late));
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            report.keys().collect::<Vec<_>>(),
            "{name}: the same figures as its report"
        );
        for (k, v) in report {
            assert!(
                between(*v, a[k], b[k], 0.0),
                "{name} {k:?}: report {v:?}, SQL {:?}..{:?}",
                a[k],
                b[k]
            );
        }
    }
    let delivered_at = |site: &str| reports[site][&figure_key("delivered", "")].unwrap();
    assert!(
        delivered_at("north") > 0.0,
        "the demo delivers in the range"
    );
    assert_eq!(delivered_at("east"), 0.0);
    assert_ne!(reports["north"], reports["south"], "the demo sites differ");

    // The group: sums of the sites' reports, the rest recomputed.
    let (g0, g1) = (&early[GROUP], &late[GROUP]);
    let sum = |f: &str, s: &str| -> f64 {
        reports
            .values()
            .map(|r| r[&figure_key(f, s)].unwrap_or(0.0))
            .sum()
    };
    let group_check = |f: &str, s: &str, want: f64, slack: f64| {
        let k = figure_key(f, s);
        assert!(
            between(Some(want), g0[&k], g1[&k], slack),
            "group {k:?}: want {want}, SQL {:?}..{:?}",
            g0[&k],
            g1[&k]
        );
    };
    for (f, s) in reports["north"].keys() {
        let summed = matches!(
            f.as_str(),
            "delivered"
                | "delivered_per_day"
                | "wip_by_state"
                | "approvals"
                | "complaints_opened"
                | "complaints_on_time"
                | "complaints_overdue"
                | "complaints_open"
        ) || (matches!(
            f.as_str(),
            "on_time"
                | "qc_first_pass"
                | "first_pass_self"
                | "first_pass_peer"
                | "first_pass_final"
                | "comebacks"
                | "followups_reached"
                | "satisfaction"
        ) && s != "pct");
        if summed {
            group_check(f, s, sum(f, s), 0.0);
        }
    }
    // Hours: the group rounds the unrounded sum, each report its own part.
    let kinds = [
        "out_of_stock",
        "wrong_part",
        "damaged",
        "backorder",
        "price_approval",
        "other",
    ];
    for kind in kinds {
        group_check(
            "parts_waiting_hours",
            kind,
            sum("parts_waiting_hours", kind),
            0.05 * 4.0,
        );
    }
    let people = |f: &str| -> Vec<f64> {
        reports
            .values()
            .flat_map(|r| {
                r.iter()
                    .filter(|((g, _), _)| g == f)
                    .filter_map(|(_, v)| *v)
            })
            .collect()
    };
    let sold = people("technician_sold_hours");
    let clocked = people("technician_clocked_hours");
    let slack = 0.05 * (sold.len() as f64 + 1.0);
    group_check("technicians_sold_hours", "", sold.iter().sum(), slack);
    group_check("technicians_clocked_hours", "", clocked.iter().sum(), slack);
    group_check(
        "technicians_comebacks",
        "",
        people("technician_comebacks").iter().sum(),
        0.0,
    );
    assert!(
        !g0.keys().any(|(f, _)| f.starts_with("technician_")),
        "no group row per person: people belong to one site"
    );
    group_check("sites", "", 3.0, 0.0);
    // Percentages from the summed counts, not the average of the sites'.
    for share in [
        "on_time",
        "qc_first_pass",
        "comebacks",
        "followups_reached",
        "satisfaction",
    ] {
        let (count, of) = (sum(share, "count"), sum(share, "of"));
        let want = (of > 0.0).then(|| round1(count * 100.0 / of));
        assert_eq!(g0[&figure_key(share, "pct")], want, "group {share} pct");
    }
    // Hours in state: per delivered job over all sites.
    let delivered = sum("delivered", "");
    for (f, s) in reports["north"]
        .keys()
        .filter(|(f, _)| f == "hours_in_state")
    {
        let weighted: f64 = reports
            .values()
            .map(|r| r[&figure_key(f, s)].unwrap() * r[&figure_key("delivered", "")].unwrap())
            .sum();
        group_check(f, s, weighted / delivered, 0.1);
    }
    // Percentiles over all sites' jobs together, from the files themselves.
    let (start, end) = (
        format!("{from}T00:00:00.000Z"),
        format!("{}T00:00:00.000Z", today + Duration::days(1)),
    );
    let all = |query: &str| -> Vec<i64> {
        sites
            .iter()
            .flat_map(|(_, s)| durations(&s.db, query, &start, &end))
            .collect()
    };
    let leads = all("SELECT created_at, closed_at FROM jobs
          WHERE status = 'delivered' AND closed_at >= ?1 AND closed_at < ?2");
    assert_eq!(leads.len() as f64, delivered);
    for (p, name) in [(0.5, "p50"), (0.9, "p90")] {
        assert_eq!(
            g0[&figure_key("checkin_to_delivery_hours", name)],
            percentile(leads.clone(), p),
            "group {name}"
        );
    }
    let decisions = all("SELECT created_at, decided_at FROM lines
          WHERE kind = 'added' AND created_at >= ?1 AND created_at < ?2
            AND decided_at IS NOT NULL");
    assert_eq!(
        g0[&figure_key("approvals_median_decision_hours", "")],
        percentile(decisions, 0.5)
    );
}

#[test]
fn the_group_sql_refuses_a_bad_range_a_repeated_site_and_a_foreign_file() {
    if !sqlite3_here(
        "group_report::the_group_sql_refuses_a_bad_range_a_repeated_site_and_a_foreign_file",
    ) {
        return;
    }
    let s = Shop::empty();
    let folder = tempfile::tempdir().unwrap();
    let north = backup(&s, folder.path(), "north");
    let foreign = folder.path().join("south.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE jobs (id INTEGER PRIMARY KEY)")
        .unwrap();
    let one = [north.clone()];
    for (settings, files, want) in [
        (
            ".parameter set @from 2026-11-01\n.parameter set @to \"'2026-11-30'\"\n".to_string(),
            &one[..],
            "@from and @to must be days as text",
        ),
        (
            range("2026-02-30", "2026-03-31"),
            &one[..],
            "must be days as text",
        ),
        (
            range("2026-12-01", "2026-11-30"),
            &one[..],
            "@to is before @from",
        ),
        (
            range("2026-11-01", "2026-11-30") + ".parameter set @now \"'yesterday'\"\n",
            &one[..],
            "@now must be a UTC time",
        ),
        (
            range("2026-11-01", "2026-11-30"),
            &[north.clone(), north.clone()][..],
            "two backups have the same file name",
        ),
        (
            range("2026-11-01", "2026-11-30"),
            &[north.clone(), foreign.clone()][..],
            "not a bayboard file",
        ),
    ] {
        let err = sqlite3(&script(&settings, files))
            .expect_err(&format!("refused: {settings:?} over {files:?}"));
        assert!(err.contains(want), "{want:?} in {err:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    }
    // Nothing was written beside the backups.
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["north.sqlite3", "south.sqlite3"]);
}

#[test]
fn the_commands_in_the_doc_run_as_written() {
    if !sqlite3_here("group_report::the_commands_in_the_doc_run_as_written") {
        return;
    }
    let doc = std::fs::read_to_string(DOC).unwrap();
    let block = doc
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.contains("SELECT * FROM group_figures;"))
        .expect("the doc's sqlite3 loop");
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("backups/2026-12-01");
    std::fs::create_dir_all(&folder).unwrap();
    for site in ["harbour", "north"] {
        backup(&Shop::empty(), &folder, site);
    }
    // The doc's placeholders: where the SQL is, and the zone.
    let (path, zone) = (
        "/path/to/bayboard/docs/group-figures.sql",
        "TZ=Europe/London",
    );
    assert!(block.contains(path) && block.contains(zone), "{block}");
    let commands = block.replace(path, SQL).replace(zone, "TZ=UTC");
    let out = Command::new("sh")
        .arg("-c")
        .arg(&commands)
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(work.path().join("group-2026-11.csv")).unwrap();
    let sites = by_site(&csv, "2026-11-01", "2026-11-30");
    assert_eq!(
        sites.keys().map(String::as_str).collect::<Vec<_>>(),
        [GROUP, "harbour", "north"]
    );
    assert_eq!(sites[GROUP][&figure_key("sites", "")], Some(2.0));
    assert_eq!(sites[GROUP][&figure_key("delivered", "")], Some(0.0));
    assert_eq!(
        sites[GROUP][&figure_key("on_time", "pct")],
        None,
        "a share of nothing is empty"
    );
}
