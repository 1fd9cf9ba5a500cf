//! Times as people read them: stored in UTC, shown in the event's (or the
//! brand's) IANA zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The zone a stored name stands for; Paris for a name the zone database
/// does not know (a row written by an older version).
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Paris)
}

/// `Sat 5 Dec 2026, 19:00` in `zone`.
pub fn local_display(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%a %-d %b %Y, %H:%M")
        .to_string()
}

/// The value of a `datetime-local` input for `t` in `zone`.
pub fn local_input(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

/// A length of time as a person says it, to the largest two units that
/// matter: "5 days", "1 day and 3 hours", "40 minutes"; "no time" for
/// none or less than a minute.
pub fn span_words(d: chrono::Duration) -> String {
    let unit = |n: i64, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours, mins) {
        (0, 0, 0) => "no time".to_owned(),
        (0, 0, m) => unit(m, "minute"),
        (0, h, 0) => unit(h, "hour"),
        (0, h, m) => format!("{} and {}", unit(h, "hour"), unit(m, "minute")),
        (d, 0, _) => unit(d, "day"),
        (d, h, _) => format!("{} and {}", unit(d, "day"), unit(h, "hour")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_show_in_the_zone() {
        let t = Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap();
        assert_eq!(
            local_display(t, zone("Europe/Paris")),
            "Sat 5 Dec 2026, 19:00"
        );
        assert_eq!(local_input(t, zone("Europe/Paris")), "2026-12-05T19:00");
        assert_eq!(zone("Not/AZone"), chrono_tz::Europe::Paris);
    }

    #[test]
    fn spans_read_as_people_say_them() {
        use chrono::Duration;
        assert_eq!(span_words(Duration::days(5)), "5 days");
        assert_eq!(
            span_words(Duration::days(5) + Duration::minutes(20)),
            "5 days"
        );
        assert_eq!(span_words(Duration::hours(27)), "1 day and 3 hours");
        assert_eq!(span_words(Duration::minutes(40)), "40 minutes");
        assert_eq!(span_words(Duration::minutes(61)), "1 hour and 1 minute");
        assert_eq!(span_words(Duration::hours(2)), "2 hours");
        assert_eq!(span_words(Duration::seconds(30)), "no time");
        assert_eq!(span_words(Duration::hours(-3)), "no time");
    }
}
