//! Runs the real `bayboard` binary against a temporary database.

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Shop {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

impl Shop {
    /// An initialised, empty database.
    pub fn empty() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.sqlite3");
        let shop = Shop { dir, db };
        shop.ok(None, &["init", "--shop", "Test Garage"]);
        shop
    }

    /// A shop with bays B1, B2 (mechanical), P1 (body) and one of each role;
    /// Quinn is QC only, Dual is both technician and QC.
    pub fn staffed() -> Shop {
        let s = Shop::empty();
        s.ok(None, &["staff", "add", "Boss", "--role", "foreman"]);
        for (name, roles) in [
            ("Ada", vec!["advisor"]),
            ("Tina", vec!["technician"]),
            ("Tom", vec!["technician"]),
            ("Quinn", vec!["qc"]),
            ("Pat", vec!["parts"]),
            ("Dual", vec!["technician", "qc"]),
        ] {
            let mut args = vec!["staff", "add", name];
            for r in &roles {
                args.push("--role");
                args.push(r);
            }
            s.ok(Some("Boss"), &args);
        }
        s.ok(Some("Boss"), &["bay", "add", "B1"]);
        s.ok(Some("Boss"), &["bay", "add", "B2"]);
        s.ok(Some("Boss"), &["bay", "add", "P1", "--kind", "body"]);
        s
    }

    pub fn run(&self, who: Option<&str>, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_bayboard"));
        cmd.arg("--db").arg(&self.db);
        cmd.env_remove("BAYBOARD_DB")
            .env_remove("BAYBOARD_USER")
            .env("TZ", "UTC");
        if let Some(w) = who {
            cmd.arg("--as").arg(w);
        }
        finish(cmd.args(args).output().unwrap())
    }

    /// Runs and insists on success; returns stdout.
    pub fn ok(&self, who: Option<&str>, args: &[&str]) -> String {
        let r = self.run(who, args);
        assert_eq!(
            r.code,
            0,
            "`{}` as {who:?} failed: {}{}",
            args.join(" "),
            r.stderr,
            r.stdout
        );
        r.stdout
    }

    /// Runs and insists on a refusal: non-zero, one line on stderr, nothing
    /// on stdout. Returns the line.
    pub fn refused(&self, who: Option<&str>, args: &[&str]) -> String {
        let r = self.run(who, args);
        assert_ne!(
            r.code,
            0,
            "`{}` as {who:?} should be refused: {}",
            args.join(" "),
            r.stdout
        );
        assert_eq!(r.stdout, "", "a refusal prints nothing on stdout");
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "one line on stderr: {:?}",
            r.stderr
        );
        r.stderr.trim_end().to_string()
    }

    pub fn json(&self, who: Option<&str>, args: &[&str]) -> serde_json::Value {
        let mut a = args.to_vec();
        a.push("--json");
        let out = self.ok(who, &a);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    pub fn job(&self, number: &str) -> serde_json::Value {
        self.json(None, &["job", "show", number])
    }

    /// Checks in a job and returns its number.
    pub fn new_job(&self, plate: &str) -> String {
        self.ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                plate,
                "--complaint",
                "Noise from front left",
            ],
        )
        .trim()
        .to_string()
    }

    /// The technician marks every line of the job that is to do as done
    /// (what they do before finishing).
    pub fn lines_done(&self, who: &str, number: &str) {
        let lines = self.json(Some(who), &["line", "list", number]);
        for l in lines.as_array().unwrap() {
            if l["status"] == "approved" {
                self.ok(Some(who), &["line", "done", l["id"].as_str().unwrap()]);
            }
        }
    }

    /// Takes a job through the floor to QC: Boss dispatches it to Tina at
    /// B1, she starts, marks every line done and finishes.
    pub fn to_qc(&self, number: &str) {
        self.ok(
            Some("Boss"),
            &["job", "dispatch", number, "--bay", "B1", "--tech", "Tina"],
        );
        self.ok(Some("Tina"), &["job", "start", number]);
        self.lines_done("Tina", number);
        self.ok(Some("Tina"), &["job", "finish", number]);
    }

    /// A new job of `plate`, waiting for QC.
    pub fn ready_for_qc(&self, plate: &str) -> String {
        let j = self.new_job(plate);
        self.to_qc(&j);
        j
    }

    /// A new job of `plate`, passed by Quinn and delivered by Ada.
    pub fn delivered(&self, plate: &str) -> String {
        let j = self.ready_for_qc(plate);
        self.ok(Some("Quinn"), &["qc", "pass", &j]);
        self.ok(Some("Ada"), &["job", "deliver", &j]);
        j
    }

    pub fn status(&self, number: &str) -> String {
        self.job(number)["status"].as_str().unwrap().to_string()
    }
}
