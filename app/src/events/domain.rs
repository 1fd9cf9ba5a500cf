//! Event values with rules, parsed once from the host's form.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::{EventForm, EventStatus};
use crate::base::error::{AppError, Mistakes};
use crate::base::l10n::{page_lang, Key, Lang};

/// Orders close this long after the event ends unless the host says otherwise.
pub const DEFAULT_ORDER_WINDOW: Duration = Duration::days(5);
const TITLE_MAX: usize = 120;
const DESCRIPTION_MAX: usize = 4000;
const CAPACITY_MAX: i64 = 500;

/// Where the party happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    InPerson { address: String },
    Online { video_url: String },
}

impl Place {
    pub fn kind(&self) -> &'static str {
        match self {
            Place::InPerson { .. } => "in_person",
            Place::Online { .. } => "online",
        }
    }
}

/// A valid event, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: Tz,
    pub place: Place,
    pub capacity: i64,
    pub orders_close_at: DateTime<Utc>,
    /// The party's language; `None`: the brand's.
    pub language: Option<Lang>,
    /// `day`, `early`, `both` or `none`.
    pub reminders: &'static str,
}

impl EventDraft {
    /// Checks the form. `kept_start` is the stored start when editing: an
    /// event that already started may keep its start time.
    pub fn parse(
        form: &EventForm,
        now: DateTime<Utc>,
        kept_start: Option<DateTime<Utc>>,
    ) -> Result<Self, AppError> {
        // Every part is checked, so the form shows all its mistakes at once.
        let mut mistakes = Mistakes::default();
        let texts = mistakes.check(parse_texts(form));
        let time_zone = mistakes.check(parse_zone(&form.time_zone));
        let times =
            time_zone.and_then(|zone| mistakes.check(parse_times(form, zone, now, kept_start)));
        let place = mistakes.check(parse_place(form));
        let capacity = mistakes.check(parse_capacity(&form.capacity));
        let language = mistakes.check(parse_language(&form.language));
        let reminders = mistakes.check(parse_reminders(&form.reminders));
        mistakes.finish()?;
        match (texts, time_zone, times, place, capacity) {
            (
                Some((title, description)),
                Some(time_zone),
                Some((starts_at, ends_at, orders_close_at)),
                Some(place),
                Some(capacity),
            ) => Ok(EventDraft {
                title,
                description,
                starts_at,
                ends_at,
                time_zone,
                place,
                capacity,
                orders_close_at,
                language: language.flatten(),
                reminders: reminders.unwrap_or("day"),
            }),
            _ => Err(AppError::Internal),
        }
    }
}

/// When guests are reminded; empty is the default, 24 hours before.
fn parse_reminders(code: &str) -> Result<&'static str, AppError> {
    match code.trim() {
        "" | "day" => Ok("day"),
        "early" => Ok("early"),
        "both" => Ok("both"),
        "none" => Ok("none"),
        _ => Err(AppError::invalid(
            "reminders",
            tr!(page_lang(), EVENT_ERROR_REMINDERS),
        )),
    }
}

/// The party's language: a code of ours, or empty for the brand's.
fn parse_language(code: &str) -> Result<Option<Lang>, AppError> {
    match code.trim() {
        "" => Ok(None),
        code => Lang::parse(code)
            .map(Some)
            .ok_or_else(|| AppError::invalid("language", tr!(page_lang(), EVENT_ERROR_LANGUAGE))),
    }
}

/// The title (required) and the description, trimmed.
fn parse_texts(form: &EventForm) -> Result<(String, String), AppError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(AppError::invalid(
            "title",
            tr!(page_lang(), EVENT_ERROR_TITLE),
        ));
    }
    if title.chars().count() > TITLE_MAX {
        return Err(AppError::invalid(
            "title",
            tr!(page_lang(), EVENT_ERROR_TITLE_LONG, max = TITLE_MAX),
        ));
    }
    let description = form.description.trim();
    if description.chars().count() > DESCRIPTION_MAX {
        return Err(AppError::invalid(
            "description",
            tr!(
                page_lang(),
                EVENT_ERROR_DESCRIPTION_LONG,
                max = DESCRIPTION_MAX
            ),
        ));
    }
    Ok((title.to_owned(), description.to_owned()))
}

/// An event's start, end and order deadline.
type Times = (DateTime<Utc>, DateTime<Utc>, DateTime<Utc>);

/// The start (to come, unless kept), the end after it, and the order
/// deadline (the end plus the default window when left empty).
fn parse_times(
    form: &EventForm,
    zone: Tz,
    now: DateTime<Utc>,
    kept_start: Option<DateTime<Utc>>,
) -> Result<Times, AppError> {
    let starts_at = parse_local(&form.starts_at, zone, "starts_at", START_WORDS)?;
    if starts_at <= now && kept_start != Some(starts_at) {
        return Err(AppError::invalid(
            "starts_at",
            tr!(page_lang(), EVENT_ERROR_START_PAST),
        ));
    }
    let ends_at = parse_local(&form.ends_at, zone, "ends_at", END_WORDS)?;
    if ends_at <= starts_at {
        return Err(AppError::invalid(
            "ends_at",
            tr!(page_lang(), EVENT_ERROR_END_BEFORE_START),
        ));
    }
    let orders_close_at = if form.orders_close_at.trim().is_empty() {
        ends_at + DEFAULT_ORDER_WINDOW
    } else {
        parse_local(
            &form.orders_close_at,
            zone,
            "orders_close_at",
            DEADLINE_WORDS,
        )?
    };
    if orders_close_at < ends_at {
        return Err(AppError::invalid(
            "orders_close_at",
            tr!(page_lang(), EVENT_ERROR_DEADLINE_BEFORE_END),
        ));
    }
    Ok((starts_at, ends_at, orders_close_at))
}

/// At home (an address) or online (an http(s) video link).
fn parse_place(form: &EventForm) -> Result<Place, AppError> {
    match form.kind.as_str() {
        "in_person" => {
            let address = form.address.trim();
            if address.is_empty() {
                return Err(AppError::invalid(
                    "address",
                    tr!(page_lang(), EVENT_ERROR_ADDRESS),
                ));
            }
            Ok(Place::InPerson {
                address: address.to_owned(),
            })
        }
        "online" => {
            let link = form.video_url.trim();
            let ok = url::Url::parse(link)
                .map(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
                .unwrap_or(false);
            if !ok {
                return Err(AppError::invalid(
                    "video_url",
                    tr!(page_lang(), EVENT_ERROR_VIDEO_LINK),
                ));
            }
            Ok(Place::Online {
                video_url: link.to_owned(),
            })
        }
        _ => Err(AppError::invalid(
            "kind",
            tr!(page_lang(), EVENT_ERROR_KIND),
        )),
    }
}

/// A whole number of guests from 1 to the maximum.
fn parse_capacity(raw: &str) -> Result<i64, AppError> {
    let capacity: i64 = raw
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("capacity", tr!(page_lang(), EVENT_ERROR_CAPACITY)))?;
    if capacity < 1 {
        return Err(AppError::invalid(
            "capacity",
            tr!(page_lang(), EVENT_ERROR_CAPACITY_LOW),
        ));
    }
    if capacity > CAPACITY_MAX {
        return Err(AppError::invalid(
            "capacity",
            tr!(page_lang(), EVENT_ERROR_CAPACITY_HIGH, max = CAPACITY_MAX),
        ));
    }
    Ok(capacity)
}

/// An IANA time zone name such as `Europe/Paris`.
pub fn parse_zone(raw: &str) -> Result<Tz, AppError> {
    raw.trim()
        .parse::<Tz>()
        .map_err(|_| AppError::invalid("time_zone", tr!(page_lang(), EVENT_ERROR_TIME_ZONE)))
}

/// What a form's time is missing and how to write it, for one field:
/// (empty, unreadable).
type TimeWords = (Key, Key);
const START_WORDS: TimeWords = (
    crate::base::l10n::keys::EVENT_ERROR_START_MISSING,
    crate::base::l10n::keys::EVENT_ERROR_START_UNREADABLE,
);
const END_WORDS: TimeWords = (
    crate::base::l10n::keys::EVENT_ERROR_END_MISSING,
    crate::base::l10n::keys::EVENT_ERROR_END_UNREADABLE,
);
const DEADLINE_WORDS: TimeWords = (
    crate::base::l10n::keys::EVENT_ERROR_DEADLINE_MISSING,
    crate::base::l10n::keys::EVENT_ERROR_DEADLINE_UNREADABLE,
);

/// A `datetime-local` value (`2026-12-05T19:00`) read in `zone`.
fn parse_local(
    raw: &str,
    zone: Tz,
    field: &str,
    (missing, unreadable): TimeWords,
) -> Result<DateTime<Utc>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(AppError::invalid(
            field,
            crate::base::l10n::text(page_lang(), missing, None),
        ));
    }
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| {
            AppError::invalid(
                field,
                crate::base::l10n::text(page_lang(), unreadable, None),
            )
        })?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        // Clocks go back: the first of the two moments.
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(AppError::invalid(
            field,
            tr!(
                page_lang(),
                EVENT_ERROR_TIME_SKIPPED,
                time = raw,
                zone = zone.name()
            ),
        )),
    }
}

/// Where an event stands at `now`.
pub fn status(
    starts_at: DateTime<Utc>,
    orders_close_at: DateTime<Utc>,
    cancelled: bool,
    now: DateTime<Utc>,
) -> EventStatus {
    if cancelled {
        EventStatus::Cancelled
    } else if now < starts_at {
        EventStatus::Upcoming
    } else if now < orders_close_at {
        EventStatus::OpenForOrders
    } else {
        EventStatus::Closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::{l10n::fmt::datetime_medium, time::local_input};

    fn form() -> EventForm {
        EventForm {
            title: "Candle evening".into(),
            description: "".into(),
            starts_at: "2026-12-05T19:00".into(),
            ends_at: "2026-12-05T22:00".into(),
            time_zone: "Europe/Paris".into(),
            kind: "in_person".into(),
            address: "3 rue des Lilas, Lyon".into(),
            video_url: "".into(),
            capacity: "12".into(),
            orders_close_at: "".into(),
            kit: "".into(),
            language: "en".into(),
            reminders: "".into(),
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
    }

    #[test]
    fn times_are_read_in_the_event_zone_and_the_deadline_defaults() {
        let d = EventDraft::parse(&form(), now(), None).unwrap();
        assert_eq!(
            d.starts_at,
            Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap()
        );
        assert_eq!(d.orders_close_at, d.ends_at + Duration::days(5));
        assert_eq!(local_input(d.starts_at, d.time_zone), "2026-12-05T19:00");
        assert_eq!(
            datetime_medium(Lang::En, d.starts_at, d.time_zone),
            "5 Dec 2026, 19:00"
        );
    }

    #[test]
    fn all_mistakes_show_at_once() {
        let mut f = form();
        f.title = " ".into();
        f.capacity = "0".into();
        f.address = "".into();
        let err = EventDraft::parse(&f, now(), None).unwrap_err();
        for field in ["title", "capacity", "address"] {
            assert!(err.for_field(field).is_some(), "{field}: {err:?}");
        }
    }

    #[test]
    fn each_rule_names_its_field() {
        type Change = fn(&mut EventForm);
        let cases: [(Change, &str); 11] = [
            (|f| f.title = "  ".into(), "title"),
            (|f| f.starts_at = "2026-01-01T10:00".into(), "starts_at"),
            (|f| f.ends_at = "2026-12-05T18:00".into(), "ends_at"),
            (
                |f| f.orders_close_at = "2026-12-05T21:00".into(),
                "orders_close_at",
            ),
            (|f| f.capacity = "0".into(), "capacity"),
            (|f| f.capacity = "many".into(), "capacity"),
            (|f| f.time_zone = "Mars/Olympus".into(), "time_zone"),
            (|f| f.language = "klingon".into(), "language"),
            (|f| f.address = "".into(), "address"),
            (
                |f| {
                    f.kind = "online".into();
                    f.video_url = "javascript:alert(1)".into()
                },
                "video_url",
            ),
            (|f| f.starts_at = "2027-03-28T02:30".into(), "starts_at"),
        ];
        for (change, field) in cases {
            let mut f = form();
            change(&mut f);
            let err = EventDraft::parse(&f, now(), None).unwrap_err();
            assert!(err.for_field(field).is_some(), "{field}: {err:?}");
        }
    }

    #[test]
    fn an_edit_may_keep_a_start_that_has_passed() {
        let d = EventDraft::parse(&form(), now(), None).unwrap();
        let later = d.starts_at + Duration::hours(1);
        assert!(EventDraft::parse(&form(), later, None).is_err());
        assert!(EventDraft::parse(&form(), later, Some(d.starts_at)).is_ok());
    }

    #[test]
    fn status_follows_the_clock() {
        let d = EventDraft::parse(&form(), now(), None).unwrap();
        assert_eq!(
            status(d.starts_at, d.orders_close_at, false, now()),
            EventStatus::Upcoming
        );
        assert_eq!(
            status(d.starts_at, d.orders_close_at, false, d.ends_at),
            EventStatus::OpenForOrders
        );
        assert_eq!(
            status(d.starts_at, d.orders_close_at, false, d.orders_close_at),
            EventStatus::Closed
        );
        assert_eq!(
            status(d.starts_at, d.orders_close_at, true, now()),
            EventStatus::Cancelled
        );
    }
}
