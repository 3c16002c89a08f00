//! How the full-screen board opens. The CLI fills it in and the binary
//! hands it to the TUI, so the two never import each other.

#[derive(Debug, Clone, Default)]
pub struct BoardOptions {
    /// The `--as` name; None opens the login screen.
    pub user: Option<String>,
    pub pin: Option<String>,
    /// The bay this terminal stands at.
    pub bay: Option<String>,
    /// ASCII symbols only (`--ascii`, or TERM=linux).
    pub ascii: bool,
    /// Log the person out after this many minutes without a key (0: never).
    pub idle_logout: u64,
    /// Open the read-only wall screen instead, turning pages this often (s).
    pub wall: Option<u64>,
}
