//! Issue 24: who pays for each line, the warranty claim across its states
//! and the month's list, recall campaigns flagged at reception.

use crate::common::Shop;

const VIN: &str = "LSVAU2180N2183201";

/// A job of a car with a VIN, one customer line and one warranty line,
/// delivered.
fn warranty_job(s: &Shop) -> String {
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "WA-1",
                "--vin",
                VIN,
                "--complaint",
                "Oil change",
            ],
        )
        .trim()
        .to_string();
    let first = s.first_line(&j);
    s.ok(
        Some("Ada"),
        &[
            "line",
            "price",
            &first,
            "--hours",
            "1",
            "--parts-amount",
            "200.00",
        ],
    );
    s.ok(
        Some("Ada"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "Replace water pump (warranty)",
            "--hours",
            "2",
            "--parts-amount",
            "800.00",
            "--payer",
            "warranty",
        ],
    );
    j
}

#[test]
fn only_the_customers_lines_are_in_the_customers_settlement() {
    let s = Shop::staffed();
    let j = warranty_job(&s);
    let lines = s.lines(&j);
    assert_eq!(lines[1]["payer"], "warranty");
    let st = s.json(Some("Ada"), &["job", "invoice", &j]);
    let covered = st["covered"].as_array().unwrap();
    assert_eq!(covered.len(), 1, "{st}");
    assert_eq!(covered[0]["tag"], format!("{j}-W1"));
    assert_eq!(st["lines"].as_array().unwrap().len(), 1, "{st}");
    // The customer pays their line only: hours at the rate and 200.00 parts.
    let line_price = st["lines"][0]["price"].as_i64().unwrap();
    assert_eq!(st["totals"]["total"].as_i64().unwrap(), line_price, "{st}");
    let printed = s.ok(Some("Ada"), &["job", "invoice", &j]);
    assert!(
        printed.contains("Not charged to the customer") && printed.contains("-W1"),
        "{printed}"
    );
}

#[test]
fn a_claim_goes_submitted_approved_paid_and_the_month_lists_it() {
    let s = Shop::staffed();
    let j = warranty_job(&s);
    let customer_only = s.new_job("WA-2");
    let no = s.refused(
        Some("Ada"),
        &[
            "claim",
            "new",
            &customer_only,
            "--symptom",
            "x",
            "--cause",
            "y",
            "--correction",
            "z",
            "--part",
            "P1",
        ],
    );
    assert!(no.contains("--payer warranty"), "{no}");
    let w = s
        .ok(
            Some("Ada"),
            &[
                "claim",
                "new",
                &j,
                "--symptom",
                "coolant loss",
                "--cause",
                "pump seal",
                "--correction",
                "pump replaced",
                "--part",
                "WP-2201",
            ],
        )
        .trim()
        .to_string();
    assert!(w.starts_with("W-"), "{w}");
    let twice = s.refused(
        Some("Ada"),
        &[
            "claim",
            "new",
            &j,
            "--symptom",
            "a",
            "--cause",
            "b",
            "--correction",
            "c",
            "--part",
            "d",
        ],
    );
    assert!(twice.contains(&w), "{twice}");
    let early = s.refused(Some("Ada"), &["claim", "update", &w, "--status", "paid"]);
    assert!(early.contains("submitted"), "{early}");
    let tech = s.refused(
        Some("Tina"),
        &["claim", "update", &w, "--status", "submitted"],
    );
    assert!(tech.contains("Tina"), "{tech}");
    s.ok(
        Some("Ada"),
        &["claim", "update", &w, "--status", "submitted"],
    );
    // Once sent, the claim stays what was sent: no more of the maker's lines.
    let late = s.refused(
        Some("Ada"),
        &[
            "line", "add", &j, "--work", "Hose", "--hours", "0.5", "--payer", "sanbao",
        ],
    );
    assert!(late.contains(&w) && late.contains("submitted"), "{late}");
    // The maker approves under its own number.
    let unnumbered = s.refused(
        Some("Ada"),
        &["claim", "update", &w, "--status", "approved"],
    );
    assert!(unnumbered.contains("claim number"), "{unnumbered}");
    s.ok(
        Some("Ada"),
        &[
            "claim",
            "update",
            &w,
            "--status",
            "approved",
            "--number",
            "SGM-778812",
        ],
    );
    s.ok(Some("Ada"), &["claim", "update", &w, "--status", "paid"]);
    let fin = s.refused(
        Some("Ada"),
        &["claim", "update", &w, "--status", "submitted"],
    );
    assert!(fin.contains(&w), "{fin}");
    let history = s.ok(Some("Ada"), &["job", "show", &j]);
    for step in ["submitted", "approved", "paid", "SGM-778812"] {
        assert!(history.contains(step), "{step}: {history}");
    }
    // The month's list as a spreadsheet reads it.
    let month = chrono::Local::now().format("%Y-%m").to_string();
    let csv = s.ok(Some("Ada"), &["claim", "list", "--month", &month, "--csv"]);
    let mut rd = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{csv}");
    let col = |name: &str| &rows[0][head.iter().position(|h| h == name).unwrap()];
    assert_eq!(col("claim"), w);
    assert_eq!(col("vin"), VIN);
    assert_eq!(col("status"), "paid");
    assert_eq!(col("number"), "SGM-778812");
    assert_eq!(col("tags"), format!("{j}-W1"));
    // The claim asks for the warranty line's price, as its invoice has it.
    let price = s.json(Some("Ada"), &["job", "invoice", &j])["covered"][0]["price"]
        .as_i64()
        .unwrap();
    let digits: String = col("amount")
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let amount: f64 = digits.parse().unwrap();
    assert_eq!((amount * 100.0).round() as i64, price, "{csv}");
    // Another month has none.
    let none = s.ok(Some("Ada"), &["claim", "list", "--month", "2020-01"]);
    assert!(none.contains("no claims"), "{none}");
    let bad = s.run(Some("Ada"), &["claim", "list", "--month", "2026-13"]);
    assert_ne!(bad.code, 0);
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
}

#[test]
fn a_recall_file_is_refused_by_line_and_an_open_campaign_is_flagged_at_check_in() {
    let s = Shop::staffed();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "campaign,title,vin\nR-24-01,Airbag inflator,{VIN}\nR-24-01,,{VIN}\nR-24-01,x,SHORT\n"
        ),
    )
    .unwrap();
    let refused = s.refused(Some("Ada"), &["recall", "import", bad.to_str().unwrap()]);
    assert!(
        refused.contains("2 bad rows") && refused.contains("line 3"),
        "{refused}"
    );
    assert!(
        s.json(Some("Ada"), &["recall", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        format!("campaign,title,vin\nR-24-01,Airbag inflator,{VIN}\n"),
    )
    .unwrap();
    let out = s.ok(Some("Ada"), &["recall", "import", good.to_str().unwrap()]);
    assert!(out.contains("1 campaign rows added"), "{out}");
    let again = s.ok(Some("Ada"), &["recall", "import", good.to_str().unwrap()]);
    assert!(again.contains("1 already known"), "{again}");
    // At reception: said on stderr, and on the job.
    let r = s.run(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "RC-1",
            "--vin",
            VIN,
            "--complaint",
            "Service",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("R-24-01"), "{}", r.stderr);
    let j = r.stdout.trim().to_string();
    assert_eq!(s.job(&j)["recalls"][0]["campaign"], "R-24-01");
    // Done as a warranty line with the campaign's code: no longer open.
    let l = s
        .ok(
            Some("Ada"),
            &[
                "line",
                "add",
                &j,
                "--work",
                "Replace inflator",
                "--campaign",
                "R-24-01",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(s.lines(&j)[1]["payer"], "warranty");
    s.at_work(&j);
    s.ok(Some("Tina"), &["line", "done", &l]);
    let list = s.json(Some("Ada"), &["recall", "list", "--vin", VIN]);
    assert_eq!(list[0]["done_on"], j.as_str(), "{list}");
    let customer = s.refused(
        Some("Ada"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "x",
            "--campaign",
            "R-1",
            "--payer",
            "goodwill",
        ],
    );
    assert!(customer.contains("warranty"), "{customer}");
}

/// `check` holds the warranty rules against a file changed with sqlite3.
#[test]
fn check_finds_a_claim_or_a_campaign_line_changed_outside_bayboard() {
    let s = Shop::staffed();
    let j = warranty_job(&s);
    s.ok(
        Some("Ada"),
        &[
            "claim",
            "new",
            &j,
            "--symptom",
            "leak",
            "--cause",
            "seal",
            "--correction",
            "pump",
            "--part",
            "WP-1",
        ],
    );
    assert!(s.check_problems().is_empty(), "{:?}", s.check_problems());
    let c = s.sql();
    c.execute_batch(
        "DROP TRIGGER IF EXISTS lines_payer_text;
         UPDATE claims SET status = 'paid';
         UPDATE lines SET campaign = 'RC-1' WHERE payer = 'customer';",
    )
    .unwrap();
    let problems = s.check_problems().join("\n");
    assert!(
        problems.contains("with no approval on record"),
        "{problems}"
    );
    assert!(
        problems.contains("does campaign RC-1 but is paid by customer"),
        "{problems}"
    );
    c.execute_batch("UPDATE lines SET payer = 'customer'")
        .unwrap();
    let problems = s.check_problems().join("\n");
    assert!(
        problems.contains("has no warranty or 三包 line"),
        "{problems}"
    );
}

/// A warranty line added while the job's claim is open joins the claim
/// (its amount follows); the claim's JSON and the invoice agree.
#[test]
fn a_warranty_line_added_while_the_claim_is_open_joins_it() {
    let s = Shop::staffed();
    let j = warranty_job(&s);
    let w = s
        .ok(
            Some("Ada"),
            &[
                "claim",
                "new",
                &j,
                "--symptom",
                "leak",
                "--cause",
                "seal",
                "--correction",
                "replaced",
                "--part",
                "WP-1",
            ],
        )
        .trim()
        .to_string();
    let joins = [
        "line",
        "add",
        &j,
        "--work",
        "Thermostat",
        "--hours",
        "0.5",
        "--payer",
        "warranty",
    ];
    s.ok(Some("Ada"), &joins);
    let invoice = s.json(Some("Ada"), &["job", "invoice", &j]);
    let covered: i64 = invoice["covered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["price"].as_i64().unwrap())
        .sum();
    let claims = s.json(Some("Ada"), &["claim", "list"]);
    let claim = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == w.as_str())
        .unwrap_or_else(|| panic!("{claims}"));
    assert_eq!(claim["amount"].as_i64(), Some(covered), "{claim}");
    // Both lines are the claim's: off the warranty desk's index.
    let unclaimed = crate::common::sql_count(
        &s.sql(),
        "SELECT count(*) FROM lines WHERE payer = 'warranty' AND claimed = 0",
    );
    assert_eq!(unclaimed, 0);
}
