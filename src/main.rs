fn main() -> std::process::ExitCode {
    bayboard::cli::main(bayboard::tui::run)
}
