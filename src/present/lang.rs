//! The language a person reads: English or Simplified Chinese, chosen once
//! per process (a terminal is one process): `--lang` or `BAYBOARD_LANG`,
//! else the shop's language (`shop set --language`), else a Chinese system
//! locale, else English.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread alone, over the process's (`scoped`).
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The tag as stored and typed: `en`, `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// A tag as people and locales write it: `zh-CN`, `zh_CN.UTF-8`, `zh`,
    /// `en_GB`, `C`… Only the language counts; unknown ones are `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lang = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "zh" => Some(Lang::ZhCn),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The system locale's language when it is one bayboard speaks
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as the C library reads them).
    pub fn of_system() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .next()
            .and_then(|s| Lang::parse(&s))
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::domain::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s.trim())
            .ok_or_else(|| crate::domain::UnknownCode::new("language", s, ["en", "zh-CN"]))
    }
}

/// The language of this process from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn current() -> Lang {
    if let Some(l) = OVERRIDE.with(|o| o.get()) {
        return l;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::ZhCn,
        _ => Lang::En,
    }
}

/// Runs `f` with this thread reading `lang` (a test in either language, or
/// the English a legacy note is compared with), whatever the process reads.
pub fn scoped<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales_name_a_language() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
        assert!("klingon".parse::<Lang>().is_err());
    }
}
