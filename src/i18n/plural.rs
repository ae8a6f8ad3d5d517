//! Plural categories and number formatting: the browser's `Intl.PluralRules` and
//! `Intl.NumberFormat` on wasm (cached per language), and a small English/German/Arabic
//! rule set natively, where the tests run.

use super::Lang;

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// CLDR's plural category of `n` in `lang`.
pub fn plural_category(lang: Lang, n: f64) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        // Counts are small whole numbers, asked for on every row's relative time: each is
        // asked of `Intl` once per language.
        let small = (n.fract() == 0.0 && (0.0..SMALL as f64).contains(&n)).then_some(n as usize);
        if let Some(c) = small.and_then(|i| cached(lang, i)) {
            return c;
        }
        let name = with_intl(lang, |i| String::from(i.plural.select(n)));
        let c = CATEGORIES
            .into_iter()
            .find(|c| *c == name)
            .unwrap_or("other");
        if let Some(i) = small {
            remember(lang, i, c);
        }
        c
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native_category(lang, n)
    }
}

/// The native rules (CLDR, integers and fractions as the three languages have them).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn native_category(lang: Lang, n: f64) -> &'static str {
    let whole = n.fract() == 0.0;
    let (zero, one, two, few, many, other) = (
        CATEGORIES[0],
        CATEGORIES[1],
        CATEGORIES[2],
        CATEGORIES[3],
        CATEGORIES[4],
        CATEGORIES[5],
    );
    match lang {
        Lang::Ar => {
            if !whole {
                return other;
            }
            let n100 = n.abs() % 100.0;
            match n.abs() {
                0.0 => zero,
                1.0 => one,
                2.0 => two,
                _ if (3.0..=10.0).contains(&n100) => few,
                _ if (11.0..=99.0).contains(&n100) => many,
                _ => other,
            }
        }
        // English and German: "one" only for the integer 1.
        _ if whole && n.abs() == 1.0 => one,
        _ => other,
    }
}

/// `n` with the language's grouping and digits.
pub fn format_number(lang: Lang, n: f64) -> String {
    // Whole numbers in English and German: ',' and '.' every three digits, as `Intl` writes
    // them, without a call into JavaScript per number.
    let latin = matches!(lang, Lang::En | Lang::De | Lang::Pseudo);
    if latin && n.fract() == 0.0 && n.abs() < 9.0e15 {
        return grouped(lang, n);
    }
    #[cfg(target_arch = "wasm32")]
    {
        with_intl(lang, |i| {
            i.number
                .call1(&wasm_bindgen::JsValue::NULL, &n.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| n.to_string())
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native_number(lang, n)
    }
}

/// Anything else natively (tests): grouped like English, fractions as Rust writes them.
#[cfg(not(target_arch = "wasm32"))]
fn native_number(lang: Lang, n: f64) -> String {
    if n.fract() != 0.0 || !n.is_finite() {
        return n.to_string();
    }
    grouped(lang, n)
}

/// A whole number grouped in threes (`.` in German, `,` otherwise).
fn grouped(lang: Lang, n: f64) -> String {
    let sep = if lang == Lang::De { '.' } else { ',' };
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Whole numbers below this have their plural category cached.
#[cfg(target_arch = "wasm32")]
const SMALL: usize = 1024;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Per language, the category index + 1 of each small whole number (0: not asked yet).
    static CATEGORY_OF: std::cell::RefCell<Vec<(Lang, Vec<u8>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
fn cached(lang: Lang, i: usize) -> Option<&'static str> {
    CATEGORY_OF.with(|c| {
        let c = c.borrow();
        let (_, row) = c.iter().find(|(l, _)| *l == lang)?;
        let k = usize::from(*row.get(i)?).checked_sub(1)?;
        CATEGORIES.get(k).copied()
    })
}

#[cfg(target_arch = "wasm32")]
fn remember(lang: Lang, i: usize, category: &'static str) {
    let Some(k) = CATEGORIES.iter().position(|c| *c == category) else {
        return;
    };
    CATEGORY_OF.with(|c| {
        let mut c = c.borrow_mut();
        if !c.iter().any(|(l, _)| *l == lang) {
            c.push((lang, vec![0; SMALL]));
        }
        if let Some(slot) = c
            .iter_mut()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, row)| row.get_mut(i))
        {
            *slot = k as u8 + 1;
        }
    });
}

#[cfg(target_arch = "wasm32")]
struct Intl {
    plural: js_sys::Intl::PluralRules,
    number: js_sys::Function,
}

#[cfg(target_arch = "wasm32")]
fn with_intl<R>(lang: Lang, f: impl FnOnce(&Intl) -> R) -> R {
    use std::cell::RefCell;
    thread_local! {
        static CACHE: RefCell<Vec<(Lang, std::rc::Rc<Intl>)>> = const { RefCell::new(Vec::new()) };
    }
    let found = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, i)| i.clone())
    });
    let intl = found.unwrap_or_else(|| {
        let tag = if lang == Lang::Pseudo {
            "en"
        } else {
            lang.tag()
        };
        let locales = js_sys::Array::of1(&tag.into());
        let options = js_sys::Object::new();
        let intl = std::rc::Rc::new(Intl {
            plural: js_sys::Intl::PluralRules::new(&locales, &options),
            number: js_sys::Intl::NumberFormat::new(&locales, &options).format(),
        });
        CACHE.with(|c| c.borrow_mut().push((lang, intl.clone())));
        intl
    });
    f(&intl)
}
