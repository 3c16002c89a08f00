fn main() -> std::process::ExitCode {
    // `bayboard job list | head` ends quietly, as Unix tools do, instead of
    // panicking on the closed pipe. Rust ignores SIGPIPE by default.
    // SAFETY: called first thing, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    bayboard::cli::main(bayboard::tui::run)
}
