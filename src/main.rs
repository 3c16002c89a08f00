fn main() -> std::process::ExitCode {
    // `bayboard job list | head` ends quietly, as Unix tools do, instead of
    // panicking on the closed pipe. Rust ignores SIGPIPE by default.
    // SAFETY: called first thing, before any thread exists.
    // Past a file-size limit (`ulimit -f`) a write fails with EFBIG and is
    // worded like a full disk, instead of SIGXFSZ killing the process
    // without a word.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    bayboard::cli::main(bayboard::tui::run)
}
