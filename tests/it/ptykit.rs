//! The real binary in a pseudo-terminal, read back through a VT100 screen.
//!
//! Keys are sent one string at a time and each send waits for what it
//! caused, never for a fixed time: [`Term::send`] until the board has drawn
//! a changed screen, [`Term::send_and_wait_for`] until a text shows,
//! [`Term::send_unchanged`] (a key that changes nothing on screen) until the
//! board has drawn and gone quiet. A board also redraws by itself (another
//! terminal's change, the clock), which `send` cannot tell from its key's
//! frame: where the next step depends on the key's effect (a view to
//! switch, a panel to focus), wait for a text it brings.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);
/// How long a key may take to show on screen.
const KEY_PATIENCE: Duration = Duration::from_secs(5);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(5);
/// After a key that changes nothing: no output for this long.
const QUIET: Duration = Duration::from_millis(50);
/// A screen is taken as drawn once no output has come for this long
/// after a whole frame.
const SETTLE: Duration = Duration::from_millis(20);

/// The board ends every frame by hiding the cursor, or by showing it and
/// then moving it (to a form's field): ratatui's last writes of a draw.
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// What the reader thread keeps of the output.
#[derive(Default)]
struct Output {
    raw: Vec<u8>,
    /// Frames finished so far (cursor hidden or shown).
    frames: usize,
    last: Option<Instant>,
    /// The terminal's other end closed: everything written has been read.
    closed: bool,
}

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    out: Arc<Mutex<Output>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    pub name: String,
}

pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";

impl Term {
    /// `bayboard args…` on `db`, started as [`crate::common::bin`] starts it.
    pub fn spawn(db: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn_env(db, args, &[], cols, rows)
    }

    /// [`Term::spawn`] with more of the environment set (`PATH`, say).
    pub fn spawn_env(db: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        let mut cmd = crate::common::bin_on(db);
        cmd.args(args);
        cmd.envs(env.iter().copied());
        let mut pty = CommandBuilder::new(cmd.get_program());
        pty.args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            match v {
                Some(v) => pty.env(k, v),
                None => pty.env_remove(k),
            }
        }
        Term::spawn_command(pty, args.join(" "), cols, rows)
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
        let out = Arc::new(Mutex::new(Output::default()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, o) = (parser.clone(), out.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // The screen first: once a frame is counted, it is on it.
                p.lock().unwrap().process(&buf[..n]);
                let mut o = o.lock().unwrap();
                // A marker may straddle two reads: look from just before.
                let from = o.raw.len().saturating_sub(HIDE_CURSOR.len() - 1);
                o.raw.extend_from_slice(&buf[..n]);
                let ends = o.raw[from..]
                    .windows(HIDE_CURSOR.len())
                    .filter(|w| *w == HIDE_CURSOR || *w == SHOW_CURSOR)
                    .count();
                o.frames += ends;
                o.last = Some(Instant::now());
            }
            o.lock().unwrap().closed = true;
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            parser,
            out,
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
        self.out.lock().unwrap().raw.clone()
    }

    /// Everything drawn: text, colours and attributes, and the cursor.
    fn state(&self) -> Vec<u8> {
        self.parser.lock().unwrap().screen().state_formatted()
    }

    fn frames(&self) -> usize {
        self.out.lock().unwrap().frames
    }

    /// Whether more frames than `before` were drawn and the output ends
    /// with a whole one (no frame half written).
    fn drawn_since(&self, before: usize) -> bool {
        let o = self.out.lock().unwrap();
        let tail = &o.raw[o.raw.len().saturating_sub(32)..];
        let whole = tail.ends_with(HIDE_CURSOR)
            || tail
                .windows(SHOW_CURSOR.len())
                .rposition(|w| w == SHOW_CURSOR)
                .is_some_and(|i| {
                    // Shown, then perhaps moved: ESC [ row ; col H.
                    let rest = &tail[i + SHOW_CURSOR.len()..];
                    rest.is_empty()
                        || (rest.starts_with(b"\x1b[")
                            && rest.ends_with(b"H")
                            && rest[2..rest.len() - 1]
                                .iter()
                                .all(|b| b.is_ascii_digit() || *b == b';'))
                });
        o.frames > before && whole
    }

    /// Waits (briefly) until the board has drawn whole frames and paused:
    /// what is on screen is then what the board meant to show, not half a
    /// frame, so a key's effect can be told from what was there before.
    fn settle(&mut self) {
        self.poll(KEY_PATIENCE, |t| {
            t.drawn_since(0)
                && t.out
                    .lock()
                    .unwrap()
                    .last
                    .is_some_and(|l| l.elapsed() >= SETTLE)
        });
    }

    /// Polls `done` until it holds (true) or `patience` runs out (false).
    fn poll(&mut self, patience: Duration, mut done: impl FnMut(&mut Term) -> bool) -> bool {
        let start = Instant::now();
        loop {
            if done(self) {
                return true;
            }
            if start.elapsed() > patience {
                return false;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen satisfies `pred`; fails with the screen.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        if !self.poll(PATIENCE, |t| pred(&t.screen())) {
            panic!(
                "[{}] waited for {what}; the screen shows:\n{}",
                self.name,
                self.screen()
            );
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        self.wait_for(&format!("'{text}'"), |s| s.contains(text));
    }

    /// Types `keys` and returns at once, whatever the board makes of them.
    pub fn write(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `keys` and waits until the board has drawn a frame that
    /// changed the screen (or has ended: `q`). Fails if nothing changes.
    pub fn send(&mut self, keys: &str) {
        self.settle();
        let (before, frames) = (self.state(), self.frames());
        self.write(keys);
        let changed = self.poll(KEY_PATIENCE, |t| {
            (t.drawn_since(frames) && t.state() != before) || t.ended()
        });
        if !changed {
            panic!(
                "[{}] {keys:?} changed nothing on screen in {KEY_PATIENCE:?} \
                 (send_unchanged is for a key that should not):\n{}",
                self.name,
                self.screen()
            );
        }
    }

    /// Types `keys` and waits until the screen shows `text`.
    pub fn send_and_wait_for(&mut self, keys: &str, text: &str) {
        self.write(keys);
        self.wait_text(text);
    }

    /// Types `keys` that are not to change the screen, and waits until the
    /// board has drawn a frame and then stayed quiet for a moment.
    pub fn send_unchanged(&mut self, keys: &str) {
        let frames = self.frames();
        self.write(keys);
        let quiet = self.poll(KEY_PATIENCE, |t| {
            t.drawn_since(frames)
                && t.out
                    .lock()
                    .unwrap()
                    .last
                    .is_some_and(|l| l.elapsed() >= QUIET)
        });
        assert!(
            quiet,
            "[{}] {keys:?}: no quiet frame in {KEY_PATIENCE:?}:\n{}",
            self.name,
            self.screen()
        );
    }

    /// The rows holding a highlighted (reverse-video) cell, with their text.
    fn highlighted(&self) -> Vec<(u16, String)> {
        let p = self.parser.lock().unwrap();
        let screen = p.screen();
        let (rows, cols) = screen.size();
        (0..rows)
            .filter(|&r| (0..cols).any(|c| screen.cell(r, c).is_some_and(|c| c.inverse())))
            .map(|r| {
                let text = (0..cols)
                    .filter_map(|c| screen.cell(r, c))
                    .map(|c| c.contents())
                    .collect();
                (r, text)
            })
            .collect()
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

    /// Moves the cursor until the highlighted row holds `label`, each time
    /// waiting for the highlight to move (in a whole frame).
    pub fn select(&mut self, label: &str) {
        // Down to the end of the list, then up: the cursor stays on its
        // row across reloads, so the row wanted may be above it.
        for step in [DOWN, UP] {
            for _ in 0..30 {
                self.settle();
                if self.selected_row_has(label) {
                    return;
                }
                let (before, frames) = (self.highlighted(), self.frames());
                self.write(step);
                let moved = self.poll(KEY_PATIENCE, |t| {
                    t.drawn_since(frames) && t.highlighted() != before
                });
                if !moved {
                    break;
                }
            }
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

    /// Whether the process has ended.
    fn ended(&mut self) -> bool {
        self.child.try_wait().unwrap().is_some()
    }

    /// Waits for the process to end and for the last of its output;
    /// returns (success, exit code).
    pub fn wait_exit(&mut self) -> (bool, u32) {
        let mut status = None;
        let ended = self.poll(PATIENCE, |t| {
            status = t.child.try_wait().unwrap();
            status.is_some()
        });
        if !ended {
            let _ = self.child.kill();
            panic!("[{}] did not exit:\n{}", self.name, self.screen());
        }
        let read_all = self.poll(KEY_PATIENCE, |t| t.out.lock().unwrap().closed);
        assert!(
            read_all,
            "[{}] exited, but its terminal stayed open",
            self.name
        );
        let st = status.unwrap();
        (st.success(), st.exit_code())
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
