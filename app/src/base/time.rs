//! Times as people read them: stored in UTC, shown in the event's (or the
//! brand's) IANA zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The zone a stored name stands for; Paris for a name the zone database
/// does not know (a row written by an older version).
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Paris)
}

/// The value of a `datetime-local` input for `t` in `zone`.
pub fn local_input(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_show_in_the_zone() {
        let t = Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap();
        assert_eq!(local_input(t, zone("Europe/Paris")), "2026-12-05T19:00");
        assert_eq!(zone("Not/AZone"), chrono_tz::Europe::Paris);
    }
}
