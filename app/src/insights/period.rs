//! Periods in the brand's time zone (server only: it needs the zone data).

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::domain::PeriodQuery;
use crate::base::error::AppError;
use crate::base::l10n::Lang;

/// A resolved period: whole local days, as UTC instants (the end excluded),
/// with the period before it to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub prev_first_day: NaiveDate,
    pub prev_last_day: NaiveDate,
    pub prev_from: DateTime<Utc>,
    pub prev_to: DateTime<Utc>,
    /// The brand's zone the days are in.
    pub tz: Tz,
}

/// The longest custom period.
pub const MAX_DAYS: i64 = 366;

/// Midnight at the start of `day` in `tz`, as a UTC instant.
pub fn day_start(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    match tz.from_local_datetime(&midnight).earliest() {
        Some(t) => t.with_timezone(&Utc),
        // Midnight skipped by a clock change: the day starts an hour later.
        None => tz
            .from_local_datetime(&(midnight + Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&midnight)),
    }
}

fn parse_day(lang: Lang, raw: &str, field: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, tr!(lang, INSIGHTS_ERROR_DATE)))
}

/// "1 Nov 2026", "1 nov. 2026".
pub fn short_date(lang: Lang, day: NaiveDate) -> String {
    crate::base::l10n::fmt::date_medium(lang, day)
}

impl Period {
    fn of_days(
        first: NaiveDate,
        last: NaiveDate,
        prev_first: NaiveDate,
        prev_last: NaiveDate,
        tz: Tz,
    ) -> Period {
        let next = |d: NaiveDate| d.succ_opt().unwrap_or(d);
        Period {
            first_day: first,
            last_day: last,
            from: day_start(first, tz),
            to: day_start(next(last), tz),
            prev_first_day: prev_first,
            prev_last_day: prev_last,
            prev_from: day_start(prev_first, tz),
            prev_to: day_start(next(prev_last), tz),
            tz,
        }
    }

    /// The period a query asks for, on `today` (a local date in `tz`).
    /// "This month" runs from the 1st to today and compares with the same
    /// days of the month before; the others compare with the days just
    /// before, as many. Its mistakes are written in `lang`.
    pub fn resolve(
        q: &PeriodQuery,
        today: NaiveDate,
        tz: Tz,
        lang: Lang,
    ) -> Result<Period, AppError> {
        let same_length_before = |first: NaiveDate, last: NaiveDate| {
            let days = (last - first).num_days() + 1;
            (first - Duration::days(days), first - Duration::days(1))
        };
        match q.period.as_str() {
            "" | "month" => {
                let first = today.with_day(1).expect("the 1st exists");
                let prev_first = first - Months::new(1);
                let prev_month_last = first - Duration::days(1);
                let prev_last = prev_first
                    .with_day(today.day())
                    .unwrap_or(prev_month_last)
                    .min(prev_month_last);
                Ok(Period::of_days(first, today, prev_first, prev_last, tz))
            }
            "quarter" => {
                let first = (today - Months::new(3)) + Duration::days(1);
                let (pf, pl) = same_length_before(first, today);
                Ok(Period::of_days(first, today, pf, pl, tz))
            }
            "custom" => {
                let first = parse_day(lang, &q.from, "from")?;
                let last = parse_day(lang, &q.to, "to")?;
                if last < first {
                    return Err(AppError::invalid("to", tr!(lang, INSIGHTS_ERROR_SWAPPED)));
                }
                if (last - first).num_days() + 1 > MAX_DAYS {
                    return Err(AppError::invalid(
                        "to",
                        tr!(lang, INSIGHTS_ERROR_TOO_LONG, days = MAX_DAYS),
                    ));
                }
                let (pf, pl) = same_length_before(first, last);
                Ok(Period::of_days(first, last, pf, pl, tz))
            }
            _ => Err(AppError::invalid(
                "period",
                tr!(lang, INSIGHTS_ERROR_PERIOD),
            )),
        }
    }

    /// "1 Nov 2026 – 23 Nov 2026".
    pub fn label(&self, lang: Lang) -> String {
        tr!(
            lang,
            INSIGHTS_PERIOD_RANGE,
            from = short_date(lang, self.first_day),
            to = short_date(lang, self.last_day)
        )
    }

    pub fn prev_label(&self, lang: Lang) -> String {
        tr!(
            lang,
            INSIGHTS_PERIOD_RANGE,
            from = short_date(lang, self.prev_first_day),
            to = short_date(lang, self.prev_last_day)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn this_month_compares_with_the_same_days_before() {
        let p = Period::resolve(
            &PeriodQuery::default(),
            d("2026-03-31"),
            chrono_tz::Europe::Paris,
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            (p.first_day, p.last_day),
            (d("2026-03-01"), d("2026-03-31"))
        );
        assert_eq!(
            (p.prev_first_day, p.prev_last_day),
            (d("2026-02-01"), d("2026-02-28"))
        );
        assert_eq!(p.label(Lang::En), "1 Mar 2026 – 31 Mar 2026");
        assert_eq!(p.prev_label(Lang::Fr), "1 févr. 2026 – 28 févr. 2026");
        // Paris is UTC+1 in winter: the 1st starts at 23:00 UTC the day before.
        assert_eq!(p.from.to_rfc3339(), "2026-02-28T23:00:00+00:00");
        // …and the period ends at midnight of 1 April, in summer time.
        assert_eq!(p.to.to_rfc3339(), "2026-03-31T22:00:00+00:00");
    }

    #[test]
    fn custom_periods_are_checked() {
        let q = |from: &str, to: &str| PeriodQuery {
            period: "custom".into(),
            from: from.into(),
            to: to.into(),
        };
        let tz = chrono_tz::UTC;
        let today = d("2026-11-23");
        let p = Period::resolve(&q("2026-09-01", "2026-09-30"), today, tz, Lang::En).unwrap();
        assert_eq!(
            (p.prev_first_day, p.prev_last_day),
            (d("2026-08-02"), d("2026-08-31"))
        );
        assert!(
            Period::resolve(&q("2026-09-31", "2026-10-01"), today, tz, Lang::En)
                .unwrap_err()
                .for_field("from")
                .is_some()
        );
        assert!(
            Period::resolve(&q("2026-10-01", "2026-09-01"), today, tz, Lang::En)
                .unwrap_err()
                .for_field("to")
                .is_some()
        );
        assert!(
            Period::resolve(&q("2024-01-01", "2026-01-01"), today, tz, Lang::En)
                .unwrap_err()
                .for_field("to")
                .is_some()
        );
        let quarter = PeriodQuery {
            period: "quarter".into(),
            ..PeriodQuery::default()
        };
        let p = Period::resolve(&quarter, today, tz, Lang::En).unwrap();
        assert_eq!(p.first_day, d("2026-08-24"));
    }
}
