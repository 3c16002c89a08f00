//! A shared bay terminal over a real SSH connection: OpenSSH's server on
//! 127.0.0.1 (throwaway host and user keys), `ForceCommand bayboard --bay`,
//! `ssh -tt` through a pseudo-terminal; a technician logs in and works, then
//! the connection drops mid-session. The database must pass `check` and the
//! last action must be whole or absent. Skipped, saying so, where there is
//! no `sshd` (`.ci/run` installs it when it can).

use crate::common::Shop;
use crate::ptykit::{ENTER, Term};
use portable_pty::CommandBuilder;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SSHD: &str = "/usr/sbin/sshd";

struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "ssh-keygen failed");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// sshd for this user only, whose every session is the bay terminal of B1.
fn start_sshd(dir: &Path, db: &Path, port: u16) -> Server {
    keygen(&dir.join("host_key"));
    keygen(&dir.join("user_key"));
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    // Privilege separation needs this folder when sshd runs as root.
    let _ = std::fs::create_dir_all("/run/sshd");
    let config = format!(
        "Port {port}
ListenAddress 127.0.0.1
HostKey {dir}/host_key
PidFile {dir}/sshd.pid
AuthorizedKeysFile {dir}/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
Match User {user}
    ForceCommand env BAYBOARD_DB={db} TZ=UTC {bin} --bay B1
",
        dir = dir.display(),
        user = user(),
        db = db.display(),
        bin = crate::common::bin_path().display(),
    );
    let conf = dir.join("sshd_config");
    std::fs::write(&conf, config).unwrap();
    let child = Command::new(SSHD)
        .arg("-D")
        .arg("-e")
        .arg("-f")
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child };
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "sshd did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn connect(dir: &Path, port: u16) -> Term {
    let mut cmd = CommandBuilder::new("ssh");
    cmd.args(["-tt", "-i"]);
    cmd.arg(dir.join("user_key"));
    cmd.args([
        "-p",
        &port.to_string(),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "LogLevel=ERROR",
    ]);
    cmd.arg(format!("{}@127.0.0.1", user()));
    Term::spawn_command(cmd, "ssh bay B1".into(), 100, 30)
}

/// Whether a process started by this test's sshd (its environment names
/// this database) still runs.
fn board_running(db: &Path) -> bool {
    let marker = format!("BAYBOARD_DB={}", db.display());
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries.flatten().any(|e| {
                std::fs::read(e.path().join("environ"))
                    .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == marker.as_bytes()))
            })
        })
        .unwrap_or(false)
}

fn b1_job(shop: &Shop) -> String {
    shop.json(Some("Chen Li"), &["board"])["bays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == "B1")
        .unwrap()["job"]["number"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_bay_terminal_over_ssh_works_and_a_dropped_connection_leaves_no_half_write() {
    if !Path::new(SSHD).exists() {
        crate::common::skip(
            "ssh::a_bay_terminal_over_ssh_works_and_a_dropped_connection_leaves_no_half_write",
            &format!("{SSHD} is not installed; the SSH end-to-end test did not run"),
        );
        return;
    }
    let shop = Shop::demo();
    let keys: PathBuf = shop.dir.path().join("ssh");
    std::fs::create_dir(&keys).unwrap();
    let port = free_port();
    let _server = start_sshd(&keys, &shop.db, port);
    let job = b1_job(&shop);
    assert_eq!(shop.status(&job), "in_progress");
    assert!(!board_running(&shop.db));

    let mut term = connect(&keys, port);
    term.wait_text("Who is at this terminal?");
    term.wait_text("Bay B1 · ");
    term.send("ww");
    term.send(ENTER);
    term.wait_text("Wang Wei");
    term.wait_text("My work");
    assert!(board_running(&shop.db), "the board runs on the far side");
    // Pause the job at the bay, over SSH.
    term.send("p");
    shop.wait_status(&job, "paused");
    // Resume, and drop the connection at once: the key may or may not
    // have been acted on when the connection goes.
    term.write("s");
    let pid = term.pid();
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    let _ = term.wait_exit();
    // The board on the far side ends with its session.
    let start = Instant::now();
    while board_running(&shop.db) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the board outlived its SSH session"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let r = shop.run(None, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // The resume is whole or absent; `check` has proved the clock agrees.
    let st = shop.status(&job);
    assert!(st == "paused" || st == "in_progress", "{st}");
}
