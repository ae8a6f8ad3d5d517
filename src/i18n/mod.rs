//! Every sentence a person sees or hears, in English, German and Arabic, from one Fluent
//! catalogue per language (`i18n/<lang>.ftl`). build.rs compiles the catalogues into the
//! tables included below and fails the build when one lacks a key of English or a message's
//! variables differ; plural categories and numbers come from the browser's `Intl` (every
//! locale's CLDR rules, no tables shipped), with a small en/de/ar rule set for native tests.

mod plural;

pub use plural::plural_category;

/// A catalogue key (`k::SIGN_IN`); compile-time checked, an index into the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub usize);

/// The compiled messages' markers (`i18n/compile.rs` writes them): `VAR name VAR_END` is a
/// variable, `SEL name (ARM key BODY text)* SEL_END` a selector whose default arm's key
/// starts with `*`.
const VAR: char = '\u{1}';
const VAR_END: char = '\u{2}';
const SEL: char = '\u{3}';
const ARM: char = '\u{4}';
const BODY: char = '\u{5}';
const SEL_END: char = '\u{6}';

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// A language the catalogues speak. `Pseudo` is English with every message wrapped in
/// `⟦…⟧`: the e2e test that finds text no catalogue produced runs in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
    Ar,
    Pseudo,
}

/// The languages offered in the switch, in its order.
pub const LANGS: [Lang; 3] = [Lang::En, Lang::De, Lang::Ar];

/// A variable's value: text (shown as is, `<bdi>`-safe by the caller) or a number (formatted
/// for the language, and the plural category's input).
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    S(&'a str),
    N(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::S(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::S(s)
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::N(n as f64)
            }
        }
    )*};
}
num_arg!(usize, u64, u32, u16, i64, i32, f64);

/// `tr!(lang, KEY)` or `tr!(lang, KEY, n = count, ip = &ip)`: a whole sentence with its
/// variables, never pieces glued together.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:ident) => {
        $lang.t($crate::i18n::k::$key)
    };
    ($lang:expr, $key:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $lang.f(
            $crate::i18n::k::$key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

impl Lang {
    /// The BCP 47 tag, for `lang=`, `Intl` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ar => "ar",
            Lang::Pseudo => "x-pseudo",
        }
    }

    /// `rtl` for Arabic.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language of a tag (`de-AT` → German), or `None` when no catalogue speaks it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "x-pseudo" {
            return Some(Lang::Pseudo);
        }
        match tag.split(['-', '_']).next()? {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// The first of `tags` a catalogue speaks, else English.
    pub fn choose<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::parse).unwrap_or_default()
    }

    /// The language to speak: the host's `lang` option or attribute, else (standalone) the
    /// one remembered from the switch, else the host page's `<html lang>`, else the browser's
    /// languages, else English. A tag no catalogue speaks passes to the next source.
    pub fn pick(
        option: Option<&str>,
        remembered: Option<&str>,
        page: Option<&str>,
        browser: &[String],
    ) -> Lang {
        let first = [option, remembered, page].into_iter().flatten();
        Lang::choose(first.chain(browser.iter().map(String::as_str)))
    }

    fn table(self) -> &'static [Option<&'static str>; COUNT] {
        match self {
            Lang::En | Lang::Pseudo => &EN,
            Lang::De => &DE,
            Lang::Ar => &AR,
        }
    }

    /// A message without variables.
    pub fn t(self, key: Key) -> String {
        self.f(key, &[])
    }

    /// A message with its variables.
    pub fn f(self, key: Key, args: &[(&str, Arg)]) -> String {
        let message = lookup(self.table(), &EN, key);
        let mut out = String::new();
        if self == Lang::Pseudo {
            out.push('⟦');
        }
        self.write(message, args, &mut out);
        if self == Lang::Pseudo {
            out.push('⟧');
        }
        out
    }

    fn write(self, message: &str, args: &[(&str, Arg)], out: &mut String) {
        let mut rest = message;
        while let Some(at) = rest.find([VAR, SEL]) {
            out.push_str(&rest[..at]);
            let (marker, after) = rest[at..].split_at(1);
            if marker.starts_with(VAR) {
                let (name, tail) = after.split_once(VAR_END).unwrap_or((after, ""));
                self.write_var(arg(args, name), out);
                rest = tail;
            } else {
                let (name, tail) = after.split_once(ARM).unwrap_or((after, ""));
                let (arm, tail) = select(self, arg(args, name), tail);
                self.write(arm, args, out);
                rest = tail;
            }
        }
        out.push_str(rest);
    }

    fn write_var(self, value: Option<Arg>, out: &mut String) {
        // In right-to-left text a variable (an IP, a version, a name) is isolated, so its
        // own direction cannot reorder the sentence around it.
        let isolate = self.dir() == "rtl";
        if isolate {
            out.push('\u{2068}');
        }
        match value {
            Some(Arg::S(s)) => out.push_str(s),
            Some(Arg::N(n)) => out.push_str(&self.number(n)),
            None => {}
        }
        if isolate {
            out.push('\u{2069}');
        }
    }

    /// A number as the language writes it (grouping, digits).
    pub fn number(self, n: f64) -> String {
        plural::format_number(self, n)
    }
}

/// A sentence kept in state (a notice, a shortfall) and said in the language current when
/// it is shown, so a language switch re-says it. Equal when it is the same sentence.
#[derive(Clone)]
pub struct Said(std::rc::Rc<dyn Fn(Lang) -> String>);

impl Said {
    pub fn new(f: impl Fn(Lang) -> String + 'static) -> Said {
        Said(std::rc::Rc::new(f))
    }

    /// A message without variables.
    pub fn key(key: Key) -> Said {
        Said::new(move |lang| lang.t(key))
    }

    pub fn say(&self, lang: Lang) -> String {
        (self.0)(lang)
    }
}

impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Said({:?})", self.say(Lang::En))
    }
}

/// The language's own message, else English's: per message, never a key name.
pub fn lookup(
    table: &[Option<&'static str>],
    english: &[Option<&'static str>],
    key: Key,
) -> &'static str {
    table
        .get(key.0)
        .copied()
        .flatten()
        .or_else(|| english.get(key.0).copied().flatten())
        .unwrap_or("")
}

fn arg<'a>(args: &[(&str, Arg<'a>)], name: &str) -> Option<Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// The arms of a selector, `key BODY text ARM key BODY text … SEL_END`, each as
/// (key, text); `rest` is what follows the selector once they are all read.
struct Arms<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> Iterator for Arms<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        if self.done {
            return None;
        }
        let (key, body) = self.rest.split_once(BODY)?;
        // The arm's text ends at the next ARM or SEL_END of this selector, not of one inside.
        let mut depth = 0usize;
        for (i, c) in body.char_indices() {
            match c {
                SEL => depth += 1,
                SEL_END if depth > 0 => depth -= 1,
                ARM | SEL_END if depth == 0 => {
                    self.done = c == SEL_END;
                    self.rest = &body[i + c.len_utf8()..];
                    return Some((key, &body[..i]));
                }
                _ => {}
            }
        }
        self.done = true;
        self.rest = "";
        Some((key, body))
    }
}

/// The arm for `value` (an exact key first — `[0]`, `[ios]` — then the number's plural
/// category, then the default) and what follows the selector.
fn select<'a>(lang: Lang, value: Option<Arg>, arms: &'a str) -> (&'a str, &'a str) {
    let mut all = Arms {
        rest: arms,
        done: false,
    };
    // Six plural categories and a few exact keys at the most; more are ignored.
    let mut list: [(&str, &str); 8] = [("", ""); 8];
    let mut n = 0;
    for arm in all.by_ref() {
        if let Some(slot) = list.get_mut(n) {
            *slot = arm;
            n += 1;
        }
    }
    let list = &list[..n];
    let plain = |k: &'a str| k.trim_start_matches('*');
    let find = |want: &str| list.iter().find(|(k, _)| plain(k) == want).map(|a| a.1);
    let chosen = match value {
        Some(Arg::S(s)) => find(s),
        Some(Arg::N(v)) => list
            .iter()
            .find(|(k, _)| plain(k).parse::<f64>().ok() == Some(v))
            .map(|a| a.1)
            .or_else(|| find(plural_category(lang, v))),
        None => None,
    };
    let default = list.iter().find(|(k, _)| k.starts_with('*')).map(|a| a.1);
    (chosen.or(default).unwrap_or(""), all.rest)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
