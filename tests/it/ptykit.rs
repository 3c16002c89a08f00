//! The real binary in a pseudo-terminal, read back through a VT100 screen.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    pub name: String,
}

pub const DOWN: &str = "\x1b[B";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";

impl Term {
    pub fn spawn(db: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_bayboard"));
        cmd.arg("--db");
        cmd.arg(db);
        cmd.args(args);
        cmd.env("TZ", "UTC");
        cmd.env_remove("BAYBOARD_DB");
        cmd.env_remove("BAYBOARD_USER");
        Term::spawn_command(cmd, args.join(" "), cols, rows)
    }

    /// Any program in a pseudo-terminal (`ssh -tt`, say).
    pub fn spawn_command(mut cmd: CommandBuilder, name: String, cols: u16, rows: u16) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            name,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen satisfies `pred`; fails with the screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return;
            }
            if start.elapsed() > PATIENCE {
                panic!("[{}] waited for {what}; the screen shows:\n{s}", self.name);
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("'{text}'"), |s| s.contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the app take one key event at a time, as typing does.
        std::thread::sleep(Duration::from_millis(40));
    }

    /// The text of the highlighted (reverse-video) row holding `label`.
    pub fn selected_row_has(&self, label: &str) -> bool {
        let p = self.parser.lock().unwrap();
        let screen = p.screen();
        let (rows, cols) = screen.size();
        for r in 2..rows {
            let mut text = String::new();
            let mut col_at = Vec::new();
            for c in 0..cols {
                if let Some(cell) = screen.cell(r, c) {
                    let s = cell.contents();
                    for _ in 0..s.len() {
                        col_at.push(c);
                    }
                    text.push_str(s);
                }
            }
            if let Some(i) = text.find(label) {
                let col = col_at[i];
                if screen.cell(r, col).is_some_and(|c| c.inverse()) {
                    return true;
                }
            }
        }
        false
    }

    /// Presses Down until the highlighted row holds `label`.
    pub fn select(&mut self, label: &str) {
        for _ in 0..30 {
            if self.selected_row_has(label) {
                return;
            }
            self.send(DOWN);
        }
        panic!(
            "[{}] could not select {label}:\n{}",
            self.name,
            self.screen()
        );
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the process to end; returns (success, exit code).
    pub fn wait_exit(&mut self) -> (bool, u32) {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return (st.success(), st.exit_code());
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("[{}] did not exit:\n{}", self.name, self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether the terminal was put back: raw output ends by leaving the
    /// alternate screen and showing the cursor.
    pub fn restored(&self) -> bool {
        let raw = String::from_utf8_lossy(&self.raw()).into_owned();
        let left = raw.rfind("\x1b[?1049l");
        let entered = raw.rfind("\x1b[?1049h");
        matches!((left, entered), (Some(l), Some(e)) if l > e) && raw.contains("\x1b[?25h")
    }
}

/// Runs the CLI as a second process on the same database.
pub fn cli(db: &Path, who: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bayboard"))
        .arg("--db")
        .arg(db)
        .arg("--as")
        .arg(who)
        .args(args)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn status(db: &Path, job: &str) -> String {
    let out = cli(db, "Chen Li", &["job", "show", job, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["status"].as_str().unwrap().to_string()
}

/// Waits until the job has `want` status in the database.
pub fn wait_status(db: &Path, job: &str, want: &str) {
    let start = Instant::now();
    loop {
        let s = status(db, job);
        if s == want {
            return;
        }
        if start.elapsed() > PATIENCE {
            panic!("{job} stayed {s}, wanted {want}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The demo seeded by the binary (at the real time), once per test run,
/// and copied for each test: seeding weeks of history takes seconds.
pub fn seeded_demo() -> (tempfile::TempDir, std::path::PathBuf) {
    static TEMPLATE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let t = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bayboard"))
            .args(["demo", "--seed-only", "--db"])
            .arg(t.path().join("demo.sqlite3"))
            .output()
            .unwrap();
        assert!(out.status.success());
        t
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    std::fs::copy(template.path().join("demo.sqlite3"), &db).unwrap();
    (dir, db)
}
