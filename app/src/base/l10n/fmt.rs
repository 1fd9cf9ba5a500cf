//! Numbers, money, dates and lists as a reader of a language writes them,
//! from the Unicode CLDR's locale data: ICU4X on the server, the browser's
//! own `Intl` (the same data) in the WASM, which then carries none of it.

use super::Lang;
use crate::base::money::Money;

/// `24,90 €` in French, `€24.90` in English; `1 234,00 £GB`, `CHF 5.00`.
pub fn money(lang: Lang, amount: Money) -> String {
    imp::money(lang, amount)
}

/// A calendar day, short: `1 Nov 2026`, `1 nov. 2026`.
pub fn date_medium(lang: Lang, day: chrono::NaiveDate) -> String {
    imp::date_medium(lang, day)
}

/// A day of a month: `1 Nov`, `1 nov.`.
pub fn day_month(lang: Lang, day: chrono::NaiveDate) -> String {
    imp::day_month(lang, day)
}

#[cfg(feature = "ssr")]
pub use imp::{date_long, datetime_long, datetime_medium, list_and, percent, time_short};

#[cfg(feature = "ssr")]
mod imp {
    use super::*;
    use chrono::{DateTime, Datelike, Timelike, Utc};
    use chrono_tz::Tz;
    use fixed_decimal::Decimal;
    use icu::datetime::fieldsets::{MD, T, YMD, YMDE, YMDET, YMDT};
    use icu::datetime::input::{Date, DateTime as IcuDateTime, Time};
    use icu::datetime::options::TimePrecision;
    use icu::datetime::{DateTimeFormatter, NoCalendarFormatter};
    use icu::decimal::DecimalFormatter;
    use icu::list::ListFormatter;
    use icu::locale::Locale;
    use icu_experimental::dimension::currency::{formatter::CurrencyFormatter, CurrencyCode};
    use icu_experimental::dimension::percent::formatter::PercentFormatter;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::thread::LocalKey;
    use writeable::Writeable;

    fn locale(lang: Lang) -> Locale {
        lang.locale().parse().expect("a valid locale")
    }

    /// Formatters are built once per language and thread and kept:
    /// building one reads its locale data, formatting with it does not.
    type Cache<F> = LocalKey<RefCell<HashMap<Lang, F>>>;

    fn cached<F, R>(
        cache: &'static Cache<F>,
        lang: Lang,
        build: impl FnOnce(Locale) -> F,
        run: impl FnOnce(&F) -> R,
    ) -> R {
        cache.with(|cell| {
            let mut built = cell.borrow_mut();
            run(built.entry(lang).or_insert_with(|| build(locale(lang))))
        })
    }

    thread_local! {
        static CURRENCY: RefCell<HashMap<Lang, CurrencyFormatter>> = RefCell::default();
        static DATETIME: RefCell<HashMap<Lang, DateTimeFormatter<YMDET>>> = RefCell::default();
        static DATETIME_MEDIUM: RefCell<HashMap<Lang, DateTimeFormatter<YMDT>>> = RefCell::default();
        static DATE: RefCell<HashMap<Lang, DateTimeFormatter<YMDE>>> = RefCell::default();
        static TIME: RefCell<HashMap<Lang, NoCalendarFormatter<T>>> = RefCell::default();
        static PERCENT: RefCell<HashMap<Lang, PercentFormatter<DecimalFormatter>>> = RefCell::default();
        static LIST: RefCell<HashMap<Lang, ListFormatter>> = RefCell::default();
        static MEDIUM: RefCell<HashMap<Lang, DateTimeFormatter<YMD>>> = RefCell::default();
        static DAY_MONTH: RefCell<HashMap<Lang, DateTimeFormatter<MD>>> = RefCell::default();
    }

    fn iso(day: chrono::NaiveDate) -> Date<icu::calendar::Iso> {
        Date::try_new_iso(day.year(), day.month() as u8, day.day() as u8).expect("a valid date")
    }

    pub fn date_medium(lang: Lang, day: chrono::NaiveDate) -> String {
        cached(
            &MEDIUM,
            lang,
            |l| {
                DateTimeFormatter::try_new(l.into(), YMD::medium())
                    .expect("date data for fr and en")
            },
            |f| f.format(&iso(day)).write_to_string().into_owned(),
        )
    }

    pub fn day_month(lang: Lang, day: chrono::NaiveDate) -> String {
        cached(
            &DAY_MONTH,
            lang,
            |l| {
                DateTimeFormatter::try_new(l.into(), MD::medium()).expect("date data for fr and en")
            },
            |f| f.format(&iso(day)).write_to_string().into_owned(),
        )
    }

    pub fn money(lang: Lang, amount: Money) -> String {
        cached(
            &CURRENCY,
            lang,
            |l| {
                CurrencyFormatter::try_new(l.into(), Default::default())
                    .expect("currency data for fr and en")
            },
            |f| {
                let code = CurrencyCode(
                    amount
                        .currency()
                        .code()
                        .parse()
                        .expect("a three-letter currency code"),
                );
                let mut value = Decimal::from(amount.minor());
                value.multiply_pow10(-(amount.currency().minor_digits() as i16));
                let text = f
                    .format_fixed_decimal(&value, &code)
                    .write_to_string()
                    .into_owned();
                text
            },
        )
    }

    fn local(t: DateTime<Utc>, zone: Tz) -> IcuDateTime<icu::calendar::Iso> {
        let t = t.with_timezone(&zone);
        IcuDateTime {
            date: Date::try_new_iso(t.year(), t.month() as u8, t.day() as u8)
                .expect("a valid date"),
            time: Time::try_new(t.hour() as u8, t.minute() as u8, 0, 0).expect("a valid time"),
        }
    }

    /// `samedi 12 décembre 2026 à 18:30`, `Saturday 12 December 2026 at
    /// 18:30`: the wall-clock time in `zone`.
    pub fn datetime_long(lang: Lang, t: DateTime<Utc>, zone: Tz) -> String {
        cached(
            &DATETIME,
            lang,
            |l| {
                DateTimeFormatter::try_new(
                    l.into(),
                    YMDET::long().with_time_precision(TimePrecision::Minute),
                )
                .expect("date data for fr and en")
            },
            |f| f.format(&local(t, zone)).write_to_string().into_owned(),
        )
    }

    /// `12 déc. 2026, 18:30`, `12 Dec 2026, 18:30`: a moment in a table's
    /// row, in `zone`.
    pub fn datetime_medium(lang: Lang, t: DateTime<Utc>, zone: Tz) -> String {
        cached(
            &DATETIME_MEDIUM,
            lang,
            |l| {
                DateTimeFormatter::try_new(
                    l.into(),
                    YMDT::medium().with_time_precision(TimePrecision::Minute),
                )
                .expect("date data for fr and en")
            },
            |f| f.format(&local(t, zone)).write_to_string().into_owned(),
        )
    }

    /// `samedi 12 décembre 2026`.
    pub fn date_long(lang: Lang, t: DateTime<Utc>, zone: Tz) -> String {
        cached(
            &DATE,
            lang,
            |l| {
                DateTimeFormatter::try_new(l.into(), YMDE::long()).expect("date data for fr and en")
            },
            |f| {
                f.format(&local(t, zone).date)
                    .write_to_string()
                    .into_owned()
            },
        )
    }

    /// `18:30`.
    pub fn time_short(lang: Lang, t: DateTime<Utc>, zone: Tz) -> String {
        cached(
            &TIME,
            lang,
            |l| {
                NoCalendarFormatter::try_new(
                    l.into(),
                    T::short().with_time_precision(TimePrecision::Minute),
                )
                .expect("time data for fr and en")
            },
            |f| {
                f.format(&local(t, zone).time)
                    .write_to_string()
                    .into_owned()
            },
        )
    }

    /// `12 %` in French, `12%` in English, for a whole percentage.
    pub fn percent(lang: Lang, value: i64) -> String {
        cached(
            &PERCENT,
            lang,
            |l| {
                PercentFormatter::try_new(l.into(), Default::default())
                    .expect("percent data for fr and en")
            },
            |f| {
                f.format(&Decimal::from(value))
                    .write_to_string()
                    .into_owned()
            },
        )
    }

    /// `Ana, Bea et Chloé`; `Ana, Bea and Chloé`.
    pub fn list_and<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
        cached(
            &LIST,
            lang,
            |l| {
                ListFormatter::try_new_and(l.into(), Default::default())
                    .expect("list data for fr and en")
            },
            |f| f.format_to_string(items.iter().map(|s| s.as_ref())),
        )
    }
}

#[cfg(not(feature = "ssr"))]
mod imp {
    use super::*;
    use chrono::Datelike;

    /// A day through the browser's `Intl.DateTimeFormat`, read in UTC.
    fn day_with(lang: Lang, day: chrono::NaiveDate, year: bool) -> String {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        set("day", "numeric");
        set("month", "short");
        if year {
            set("year", "numeric");
        }
        set("timeZone", "UTC");
        let locales = js_sys::Array::of1(&lang.locale().into());
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        let at = js_sys::Date::utc(day.year() as f64, day.month0() as f64);
        let at = at + (day.day() as f64 - 1.0) * 86_400_000.0;
        format
            .call1(&wasm_bindgen::JsValue::NULL, &js_sys::Date::new(&at.into()))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn date_medium(lang: Lang, day: chrono::NaiveDate) -> String {
        day_with(lang, day, true)
    }

    pub fn day_month(lang: Lang, day: chrono::NaiveDate) -> String {
        day_with(lang, day, false)
    }

    pub fn money(lang: Lang, amount: Money) -> String {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        set("style", "currency");
        set("currency", amount.currency().code());
        let locales = js_sys::Array::of1(&lang.locale().into());
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        let value = amount.minor() as f64 / 10f64.powi(amount.currency().minor_digits() as i32);
        format
            .call1(&wasm_bindgen::JsValue::NULL, &value.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::base::money::Currency;
    use chrono::{TimeZone, Utc};

    const NBSP: char = '\u{a0}';
    const NNBSP: char = '\u{202f}';

    #[test]
    fn money_in_french_and_english() {
        assert_eq!(money(Lang::Fr, Money::eur(2490)), format!("24,90{NBSP}€"));
        assert_eq!(money(Lang::En, Money::eur(2490)), "€24.90");
        assert_eq!(money(Lang::Fr, Money::eur(7000)), format!("70,00{NBSP}€"));
        assert_eq!(
            money(Lang::Fr, Money::eur(123_456)),
            format!("1{NNBSP}234,56{NBSP}€")
        );
        assert_eq!(money(Lang::En, Money::eur(123_456)), "€1,234.56");
        assert_eq!(money(Lang::En, Money::eur(-305)), "-€3.05");
        assert_eq!(money(Lang::Fr, Money::eur(0)), format!("0,00{NBSP}€"));
    }

    #[test]
    fn pounds_and_swiss_francs() {
        assert_eq!(money(Lang::En, Money::new(2490, Currency::Gbp)), "£24.90");
        assert_eq!(
            money(Lang::Fr, Money::new(2490, Currency::Gbp)),
            format!("24,90{NBSP}£GB")
        );
        assert_eq!(
            money(Lang::Fr, Money::new(2490, Currency::Chf)),
            format!("24,90{NBSP}CHF")
        );
        assert!(money(Lang::En, Money::new(2490, Currency::Chf)).starts_with("CHF"));
    }

    #[test]
    fn dates_in_the_event_zone_across_a_dst_change() {
        let paris = chrono_tz::Europe::Paris;
        // 17:30 UTC is 18:30 in Paris in winter (UTC+1)…
        let winter = Utc.with_ymd_and_hms(2026, 12, 12, 17, 30, 0).unwrap();
        assert_eq!(
            datetime_long(Lang::Fr, winter, paris),
            "samedi 12 décembre 2026 à 18:30"
        );
        assert_eq!(
            datetime_long(Lang::En, winter, paris),
            "Saturday, 12 December 2026 at 18:30"
        );
        // …and 19:30 in summer (UTC+2): the clocks went forward on 29 March.
        let before = Utc.with_ymd_and_hms(2026, 3, 28, 17, 30, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 17, 30, 0).unwrap();
        assert_eq!(time_short(Lang::Fr, before, paris), "18:30");
        assert_eq!(time_short(Lang::Fr, after, paris), "19:30");
        assert_eq!(date_long(Lang::Fr, after, paris), "dimanche 29 mars 2026");
        // 00:30 UTC on 25 October is 02:30 in Paris (still summer time), and
        // 01:30 UTC is 02:30 again, in winter time.
        let first = Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap();
        let second = Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap();
        assert_eq!(time_short(Lang::En, first, paris), "02:30");
        assert_eq!(time_short(Lang::En, second, paris), "02:30");
        // The day a UTC instant falls on depends on the zone.
        let late = Utc.with_ymd_and_hms(2026, 12, 12, 23, 30, 0).unwrap();
        assert_eq!(
            date_long(Lang::Fr, late, paris),
            "dimanche 13 décembre 2026"
        );
        assert_eq!(
            date_long(Lang::En, late, chrono_tz::Europe::London),
            "Saturday, 12 December 2026"
        );
    }

    #[test]
    fn short_dates() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(date_medium(Lang::En, day), "1 Nov 2026");
        assert_eq!(date_medium(Lang::Fr, day), "1 nov. 2026");
        assert_eq!(day_month(Lang::En, day), "1 Nov");
        assert_eq!(day_month(Lang::Fr, day), "1 nov.");
        let paris = chrono_tz::Europe::Paris;
        let winter = Utc.with_ymd_and_hms(2026, 12, 12, 17, 30, 0).unwrap();
        assert_eq!(
            datetime_medium(Lang::En, winter, paris),
            "12 Dec 2026, 18:30"
        );
        assert_eq!(
            datetime_medium(Lang::Fr, winter, paris),
            "12 déc. 2026, 18:30"
        );
    }

    #[test]
    fn percentages_and_lists() {
        assert_eq!(percent(Lang::Fr, 12), format!("12{NBSP}%"));
        assert_eq!(percent(Lang::En, 12), "12%");
        assert_eq!(
            list_and(Lang::Fr, &["Ana", "Bea", "Chloé"]),
            "Ana, Bea et Chloé"
        );
        assert_eq!(
            list_and(Lang::En, &["Ana", "Bea", "Chloé"]),
            "Ana, Bea and Chloé"
        );
        assert_eq!(list_and(Lang::En, &["Ana"]), "Ana");
    }
}
