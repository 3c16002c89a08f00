//! What the test files share: the one way to start the real `bayboard`
//! binary (`bin`; no other file names it, see `layering`), a temporary shop
//! to run it on, the demo databases seeded once per run, the same shop built
//! in process, and saying that a test was skipped.

use bayboard::domain::{BayKind, LineStatus, Role};
use bayboard::workshop::{NewJobInput, Workshop};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use tempfile::TempDir;

/// The built `bayboard` binary. Start it with [`bin`]; the path itself is
/// for what cannot take a `Command` (an sshd configuration).
pub fn bin_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_bayboard"))
}

/// Keeps the test's own environment out of the binary: no database, person
/// or PIN from the environment, and times in UTC. A test that wants one
/// sets it after this.
fn hermetic(cmd: &mut Command) -> &mut Command {
    cmd.env_remove("BAYBOARD_DB")
        .env_remove("BAYBOARD_USER")
        .env_remove("BAYBOARD_PIN")
        .env("TZ", "UTC")
}

/// The `bayboard` binary, ready for arguments.
pub fn bin() -> Command {
    let mut cmd = Command::new(bin_path());
    hermetic(&mut cmd);
    cmd
}

/// The binary on the database at `db` (`--db db`).
pub fn bin_on(db: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("--db").arg(db);
    cmd
}

/// The binary started through another program: `program args… bayboard`
/// (`setpriv` to drop privileges, say), with the same environment.
pub fn bin_via(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).arg(bin_path());
    hermetic(&mut cmd);
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Runs a command to its end.
pub fn run(cmd: &mut Command) -> Run {
    cmd.output().unwrap().into()
}

/// Runs the binary on `db` with `args` (and no one logged in).
pub fn run_on(db: &Path, args: &[&str]) -> Run {
    run(bin_on(db).args(args))
}

pub struct Shop {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Shop {
    /// An initialised, empty database.
    /// A shop as `init` makes it: its own rules (the walk-around required).
    pub fn fresh() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.sqlite3");
        let shop = Shop { dir, db };
        shop.ok(None, &["init", "--shop", "Test Garage"]);
        shop
    }

    pub fn empty() -> Shop {
        let shop = Shop::fresh();
        // The walk-around rule has its own tests (handover.rs); here a
        // check-in needs only a plate and a complaint.
        shop.ok(None, &["shop", "set", "--walkaround", "optional"]);
        shop
    }

    /// A shop with bays B1, B2 (mechanical), P1 (body) and one of each role;
    /// Quinn is QC only, Dual is both technician and QC.
    pub fn staffed() -> Shop {
        let s = Shop::empty();
        s.ok(None, &["staff", "add", "Boss", "--role", "foreman"]);
        for (name, roles) in STAFF {
            let mut args = vec!["staff", "add", name];
            for r in roles {
                args.push("--role");
                args.push(r.as_str());
            }
            s.ok(Some("Boss"), &args);
        }
        for (bay, kind) in BAYS {
            s.ok(Some("Boss"), &["bay", "add", bay, "--kind", kind.as_str()]);
        }
        s
    }

    /// The demo as `bayboard demo --seed-only` builds it at the real time,
    /// seeded once per test run and copied for each caller: for tests that
    /// run the binary on the live clock (terminals, reports).
    pub fn demo() -> Shop {
        static TEMPLATE: OnceLock<TempDir> = OnceLock::new();
        let (dir, db) = copy_of(&TEMPLATE, |db| {
            let r = run_on(db, &["demo", "--seed-only"]);
            assert_eq!(r.code, 0, "demo --seed-only: {}", r.stderr);
        });
        Shop { dir, db }
    }

    /// The database opened directly, as another tool (or an attacker) would.
    pub fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    /// What `bayboard check --json` names, one line each.
    pub fn check_problems(&self) -> Vec<String> {
        let r = self.run(None, &["check", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    }

    pub fn run(&self, who: Option<&str>, args: &[&str]) -> Run {
        let mut cmd = bin_on(&self.db);
        if let Some(w) = who {
            cmd.arg("--as").arg(w);
        }
        run(cmd.args(args))
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

    pub fn status(&self, number: &str) -> String {
        self.job(number)["status"].as_str().unwrap().to_string()
    }

    /// Waits until the job has `want` status (something else is moving it:
    /// a board in a terminal, say).
    pub fn wait_status(&self, number: &str, want: &str) {
        let start = std::time::Instant::now();
        loop {
            let s = self.status(number);
            if s == want {
                return;
            }
            if start.elapsed() > std::time::Duration::from_secs(20) {
                panic!("{number} stayed {s}, wanted {want}");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// The job's work-order lines, as `line list --json` gives them.
    pub fn lines(&self, number: &str) -> Vec<serde_json::Value> {
        self.json(None, &["line", "list", number])
            .as_array()
            .unwrap()
            .clone()
    }

    /// The id of the job's first line.
    pub fn first_line(&self, number: &str) -> String {
        self.lines(number)[0]["id"].as_str().unwrap().to_string()
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
        for l in self.lines(number) {
            if l["status"] == "approved" {
                self.ok(Some(who), &["line", "done", l["id"].as_str().unwrap()]);
            }
        }
    }

    /// Puts a job to work: Boss dispatches it to Tina at B1 and she starts.
    pub fn at_work(&self, number: &str) {
        self.ok(
            Some("Boss"),
            &["job", "dispatch", number, "--bay", "B1", "--tech", "Tina"],
        );
        self.ok(Some("Tina"), &["job", "start", number]);
    }

    /// Takes a job through the floor to QC: [`Shop::at_work`], then Tina
    /// marks every line done and finishes.
    pub fn to_qc(&self, number: &str) {
        self.at_work(number);
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
}

/// Everyone but Boss (the foreman, who adds them) in [`Shop::staffed`] and
/// [`workshop`].
const STAFF: [(&str, &[Role]); 6] = [
    ("Ada", &[Role::Advisor]),
    ("Tina", &[Role::Technician]),
    ("Tom", &[Role::Technician]),
    ("Quinn", &[Role::Qc]),
    ("Pat", &[Role::Parts]),
    ("Dual", &[Role::Technician, Role::Qc]),
];

const BAYS: [(&str, BayKind); 3] = [
    ("B1", BayKind::Mechanical),
    ("B2", BayKind::Mechanical),
    ("P1", BayKind::Body),
];

/// [`Shop::staffed`]'s shop built in process: the same people and bays.
pub fn workshop() -> (TempDir, Workshop) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workshop::create(&dir.path().join("shop.sqlite3")).unwrap();
    ws.add_staff(None, "Boss", &[Role::Foreman], &[]).unwrap();
    for (name, roles) in STAFF {
        ws.add_staff(Some("Boss"), name, roles, &[]).unwrap();
    }
    for (bay, kind) in BAYS {
        ws.add_bay(Some("Boss"), bay, kind).unwrap();
    }
    (dir, ws)
}

/// Checks in a job through the workshop (as Ada, the advisor, where the
/// shop is [`workshop`]'s); returns its number.
pub fn new_job_in(ws: &mut Workshop, who: &str, plate: &str) -> i64 {
    // Where the shop requires the walk-around (the demo), the customer
    // declines it: these jobs are about other things.
    let required = ws
        .store()
        .read(bayboard::store::walkaround_required)
        .unwrap();
    let input = NewJobInput {
        plate: plate.into(),
        complaint: "noise".into(),
        walkaround: bayboard::workshop::WalkaroundInput {
            declined: required,
            ..Default::default()
        },
        ..Default::default()
    };
    ws.new_job(who, &input).unwrap().id
}

/// A job as the store holds it.
pub fn job_in(ws: &Workshop, number: i64) -> bayboard::store::JobRow {
    ws.store()
        .read(|c| bayboard::store::job(c, number))
        .unwrap()
        .unwrap()
}

/// Marks every line of the job that is to do as done, as its technician
/// would before finishing.
pub fn lines_done_in(ws: &mut Workshop, who: &str, number: i64) {
    let lines = ws
        .store()
        .read(|c| bayboard::store::lines_for_job(c, number))
        .unwrap();
    for l in lines.iter().filter(|l| l.status == LineStatus::Approved) {
        ws.mark_line(who, l.id, true).unwrap();
    }
}

/// The one number a `SELECT count(*) …` gives.
pub fn sql_count(c: &rusqlite::Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A copy, in a new folder, of the database `seed` makes once per test run
/// in `template`: seeding the demo's weeks of history takes seconds.
pub fn copy_of(
    template: &'static OnceLock<TempDir>,
    seed: impl FnOnce(&Path),
) -> (TempDir, PathBuf) {
    const FILE: &str = "demo.sqlite3";
    let template = template.get_or_init(|| {
        let t = tempfile::tempdir().unwrap();
        seed(&t.path().join(FILE));
        t
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(FILE);
    std::fs::copy(template.path().join(FILE), &db).unwrap();
    // The shop key travels with the database it signs.
    let key = bayboard::store::key::key_path(&template.path().join(FILE));
    if key.exists() {
        std::fs::copy(key, bayboard::store::key::key_path(&db)).unwrap();
    }
    (dir, db)
}

/// Says that `test` did not run, and why: `SKIP: <test>: <why>` on stderr
/// (written past the test harness, which keeps a passing test's output to
/// itself) and, when `BAYBOARD_SKIP_LOG` names a file, appended to it
/// (`.ci/run` prints them after its totals).
pub fn skip(test: &str, why: &str) {
    let line = format!("SKIP: {test}: {why}\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
    if let Some(log) = std::env::var_os("BAYBOARD_SKIP_LOG").filter(|l| !l.is_empty()) {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| f.write_all(line.as_bytes()))
            .unwrap_or_else(|e| panic!("BAYBOARD_SKIP_LOG {}: {e}", Path::new(&log).display()));
    }
}

/// Every file under `dir` (from the crate's root) ending in `.ext`: its
/// path from the root, and its text.
pub fn sources(dir: &str, ext: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                let text = std::fs::read_to_string(&p).unwrap();
                out.push((p.strip_prefix(root).unwrap().display().to_string(), text));
            }
        }
    }
    assert!(!out.is_empty(), "no .{ext} files under {dir}");
    out.sort();
    out
}

/// An `lp` that keeps what it is given (as cups-pdf would): its arguments
/// in `kept.args`, the document in `kept.pdf`. Returns the PATH that finds
/// it first, and `kept`.
pub fn fake_lp(dir: &Path) -> (String, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let kept = dir.join("kept");
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\necho \"$@\" > {0}.args\ncat > {0}.pdf\n",
            kept.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (path, kept)
}
