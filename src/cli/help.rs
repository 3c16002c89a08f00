//! `--help` in the reader's language: clap's texts come from the doc
//! comments in `args.rs` (English); for another language each is replaced
//! from the catalogue's `help.ftl`, keyed by where it stands —
//! `help-job-dispatch` for a command's line, `help-job-dispatch--tech` for
//! an option's, `help-bayboard--db` for one every command shares. A test keeps the
//! English catalogue word for word the doc comments', so neither drifts.

use crate::present::lang::{self, Lang};
use crate::present::words;
use clap::Command;

/// Each text of the command tree with its id, in tree order.
pub fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(cmd, ROOT, &mut out);
    out
}

/// The top command's id; a command below it is `help-job`, `help-job-new`.
const ROOT: &str = "help-bayboard";

fn child(parent: &str, name: &str) -> String {
    if parent == ROOT {
        format!("help-{name}")
    } else {
        format!("{parent}-{name}")
    }
}

fn walk(cmd: &Command, id: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((id.to_string(), about.to_string()));
    }
    if let Some(long) = cmd.get_long_about() {
        out.push((format!("{id}-long"), long.to_string()));
    }
    for arg in cmd.get_arguments() {
        // A shared option is said once, under the top command.
        if arg.is_global_set() && id != ROOT {
            continue;
        }
        if let Some(help) = arg.get_help() {
            out.push((arg_id(id, arg), help.to_string()));
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &child(id, sub.get_name()), out);
    }
}

fn arg_id(at: &str, arg: &clap::Arg) -> String {
    let name = arg
        .get_long()
        .map(str::to_string)
        .unwrap_or_else(|| arg.get_id().as_str().replace('_', "-"));
    format!("{at}--{name}")
}

/// The command tree with its texts in the reader's language.
pub fn localised(cmd: Command) -> Command {
    if lang::current() == Lang::En {
        return cmd;
    }
    localise(cmd, ROOT)
}

fn say(id: &str) -> Option<String> {
    words::has(id).then(|| words::message(id, &[]))
}

fn localise(mut cmd: Command, id: &str) -> Command {
    if let Some(about) = say(id) {
        cmd = cmd.about(about);
    }
    if let Some(long) = say(&format!("{id}-long")) {
        cmd = cmd.long_about(long);
    }
    let args: Vec<(clap::Id, String)> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || id == ROOT)
        .map(|a| (a.get_id().clone(), arg_id(id, a)))
        .collect();
    for (arg, at) in args {
        if let Some(help) = say(&at) {
            cmd = cmd.mut_arg(arg, |a| a.help(help));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let at = child(id, &name);
        cmd = cmd.mut_subcommand(name, |s| localise(s, &at));
    }
    headings(cmd)
}

/// clap's own words: the headings, and the help and version flags.
fn headings(cmd: Command) -> Command {
    use clap::{Arg, ArgAction};
    let t = |id: &str| say(id).unwrap_or_default();
    let ids: Vec<(clap::Id, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().clone(), a.is_positional()))
        .collect();
    let mut cmd = cmd;
    for (id, positional) in ids {
        let heading = t(if positional {
            "help-clap-arguments"
        } else {
            "help-clap-options"
        });
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    let version = cmd.get_version().is_some();
    let cmd = cmd
        .subcommand_help_heading(t("help-clap-commands"))
        .help_template(t("help-clap-template"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t("help-clap-help"))
                .help_heading(t("help-clap-options")),
        );
    if version {
        cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("help-clap-version"))
                .help_heading(t("help-clap-options")),
        )
    } else {
        cmd
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Writes `help.ftl` anew from the doc comments (`BAYBOARD_WRITE_HELP=1`);
    /// otherwise holds the catalogue to them, word for word.
    #[test]
    fn the_english_help_is_the_doc_comments_word_for_word() {
        let texts = super::texts(&crate::cli::args::Cli::command());
        assert!(texts.len() > 100, "{} texts", texts.len());
        if std::env::var_os("BAYBOARD_WRITE_HELP").is_some() {
            let mut out =
                String::from("## `--help`: written from src/cli/args.rs (see src/cli/help.rs)\n");
            for (id, text) in &texts {
                let text = text.replace('{', "{\"{\"}").replace('\n', "\n    ");
                out.push_str(&format!("{id} = {text}\n"));
            }
            std::fs::write("assets/locales/en/help.ftl", out).unwrap();
        }
        crate::present::lang::scoped(crate::present::lang::Lang::En, || {
            for (id, text) in &texts {
                assert_eq!(&crate::present::words::message(id, &[]), text, "{id}");
            }
        });
    }
}
