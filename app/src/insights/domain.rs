//! Host performance without the database: periods in the brand's time zone,
//! totals and rates from per-event figures, the leaderboard's order, weekly
//! buckets and rank bands. Every rate is in basis points (1/100 of a %).

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::base::l10n::keys::{
    INSIGHTS_AVERAGE_ORDER, INSIGHTS_BOOKINGS_GENERATED, INSIGHTS_BUYING_GUESTS,
    INSIGHTS_GUESTS_INVITED, INSIGHTS_NEW_HOSTS, INSIGHTS_PAID_ORDERS, INSIGHTS_PARTIES_HELD,
    INSIGHTS_REVENUE_PAID, INSIGHTS_REWARD_SHARE, INSIGHTS_YES_RATE,
};
use crate::base::l10n::{fmt::money, Key, Lang};
use crate::base::money::{Currency, Money};

/// The period as it comes from the page's address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodQuery {
    /// `month` (this month, the default), `quarter` (the last 3 months) or `custom`.
    #[serde(default)]
    pub period: String,
    /// For `custom`: the first and last days, `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// What one held party generated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFigures {
    pub event_id: i64,
    pub host_id: i64,
    pub host_name: String,
    pub title: String,
    /// Local date of the party, `YYYY-MM-DD`.
    pub day: String,
    pub invited: i64,
    pub answered: i64,
    pub yes: i64,
    /// Invited guests who bought.
    pub bought: i64,
    /// Paid orders (not cancelled or refunded), guests' only.
    pub orders: i64,
    /// Their items, in cents.
    pub revenue_cents: i64,
    /// Distinct buyers other than the host (invited or by the share link).
    pub buyers: i64,
    /// Host credit earned when the party closed.
    pub reward_cents: i64,
    /// Guests who asked to host a party of their own.
    pub bookings: i64,
}

/// Sums over parties, with the rates the pages show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub events: i64,
    pub invited: i64,
    pub answered: i64,
    pub yes: i64,
    pub bought: i64,
    pub orders: i64,
    pub revenue_cents: i64,
    pub buyers: i64,
    pub reward_cents: i64,
    pub bookings: i64,
}

/// `part / whole` in basis points; 0 when the whole is 0.
pub fn ratio_bp(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 10_000 + whole / 2) / whole
    }
}

/// "42.5 %" in English, "42,5 %" in French.
pub fn percent(lang: Lang, bp: i64) -> String {
    tr!(
        lang,
        INSIGHTS_PERCENT,
        value = one_decimal(lang, bp / 100, (bp % 100) / 10)
    )
}

/// `whole` and one decimal, with the language's decimal separator.
pub fn one_decimal(lang: Lang, whole: i64, tenth: i64) -> String {
    let separator = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{whole}{separator}{tenth}")
}

impl Totals {
    pub fn of<'a>(events: impl IntoIterator<Item = &'a EventFigures>) -> Totals {
        let mut t = Totals::default();
        for e in events {
            t.events += 1;
            t.invited += e.invited;
            t.answered += e.answered;
            t.yes += e.yes;
            t.bought += e.bought;
            t.orders += e.orders;
            t.revenue_cents += e.revenue_cents;
            t.buyers += e.buyers;
            t.reward_cents += e.reward_cents;
            t.bookings += e.bookings;
        }
        t
    }

    /// RSVP yes among the invited.
    pub fn yes_rate_bp(&self) -> i64 {
        ratio_bp(self.yes, self.invited)
    }

    /// Buying guests among the invited.
    pub fn conversion_bp(&self) -> i64 {
        ratio_bp(self.buyers, self.invited)
    }

    /// Average paid order, in cents (rounded).
    pub fn average_order_cents(&self) -> i64 {
        if self.orders == 0 {
            0
        } else {
            (self.revenue_cents + self.orders / 2) / self.orders
        }
    }

    /// Host credit earned as a share of revenue.
    pub fn reward_share_bp(&self) -> i64 {
        ratio_bp(self.reward_cents, self.revenue_cents)
    }
}

/// Which way a figure moved against the period before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trend {
    Up,
    Down,
    Flat,
}

/// One tile of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kpi {
    pub key: String,
    pub label: String,
    pub value: String,
    pub previous: String,
    /// "+12 %", "−3.1 pts", "new" or "no change".
    pub change: String,
    pub trend: Trend,
    /// Whether up is good news (it is not for the reward cost).
    pub up_is_good: bool,
}

#[derive(Clone, Copy)]
enum Unit {
    Count,
    Money(Currency),
    Rate,
}

fn kpi(
    lang: Lang,
    key: &str,
    label: Key,
    now: i64,
    before: i64,
    unit: Unit,
    up_is_good: bool,
) -> Kpi {
    let show = |v: i64| match unit {
        Unit::Count => v.to_string(),
        Unit::Money(currency) => money(lang, Money::new(v, currency)),
        Unit::Rate => percent(lang, v),
    };
    let trend = match now.cmp(&before) {
        std::cmp::Ordering::Greater => Trend::Up,
        std::cmp::Ordering::Less => Trend::Down,
        std::cmp::Ordering::Equal => Trend::Flat,
    };
    let sign = |v: i64| if v >= 0 { "+" } else { "−" };
    let change = match (&unit, trend) {
        (_, Trend::Flat) => tr!(lang, INSIGHTS_CHANGE_NONE),
        (Unit::Rate, _) => {
            let d = now - before;
            let points = one_decimal(lang, d.abs() / 100, (d.abs() % 100) / 10);
            tr!(
                lang,
                INSIGHTS_CHANGE_POINTS,
                change = format!("{}{points}", sign(d))
            )
        }
        (_, _) if before == 0 => tr!(lang, INSIGHTS_CHANGE_NEW),
        (_, _) => {
            let d = ratio_bp(now - before, before);
            tr!(
                lang,
                INSIGHTS_CHANGE_PERCENT,
                change = format!("{}{}", sign(d), (d.abs() + 50) / 100)
            )
        }
    };
    Kpi {
        key: key.to_owned(),
        label: crate::base::l10n::text(lang, label, None),
        value: show(now),
        previous: show(before),
        change,
        trend,
        up_is_good,
    }
}

/// The dashboard's tiles, in order.
pub fn kpis(
    lang: Lang,
    currency: Currency,
    now: &Totals,
    before: &Totals,
    new_hosts: (i64, i64),
) -> Vec<Kpi> {
    vec![
        kpi(
            lang,
            "events",
            INSIGHTS_PARTIES_HELD,
            now.events,
            before.events,
            Unit::Count,
            true,
        ),
        kpi(
            lang,
            "invited",
            INSIGHTS_GUESTS_INVITED,
            now.invited,
            before.invited,
            Unit::Count,
            true,
        ),
        kpi(
            lang,
            "yes_rate",
            INSIGHTS_YES_RATE,
            now.yes_rate_bp(),
            before.yes_rate_bp(),
            Unit::Rate,
            true,
        ),
        kpi(
            lang,
            "buyers",
            INSIGHTS_BUYING_GUESTS,
            now.buyers,
            before.buyers,
            Unit::Count,
            true,
        ),
        kpi(
            lang,
            "orders",
            INSIGHTS_PAID_ORDERS,
            now.orders,
            before.orders,
            Unit::Count,
            true,
        ),
        kpi(
            lang,
            "revenue",
            INSIGHTS_REVENUE_PAID,
            now.revenue_cents,
            before.revenue_cents,
            Unit::Money(currency),
            true,
        ),
        kpi(
            lang,
            "average_order",
            INSIGHTS_AVERAGE_ORDER,
            now.average_order_cents(),
            before.average_order_cents(),
            Unit::Money(currency),
            true,
        ),
        kpi(
            lang,
            "reward_share",
            INSIGHTS_REWARD_SHARE,
            now.reward_share_bp(),
            before.reward_share_bp(),
            Unit::Rate,
            false,
        ),
        kpi(
            lang,
            "bookings",
            INSIGHTS_BOOKINGS_GENERATED,
            now.bookings,
            before.bookings,
            Unit::Count,
            true,
        ),
        kpi(
            lang,
            "new_hosts",
            INSIGHTS_NEW_HOSTS,
            new_hosts.0,
            new_hosts.1,
            Unit::Count,
            true,
        ),
    ]
}

/// Revenue of the parties of one week (Monday to Sunday).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekBar {
    /// "3 Nov", "3 nov.".
    pub label: String,
    pub revenue_cents: i64,
}

/// Buckets the parties' revenue by the week of their local date, every week
/// of the period shown, empty ones too.
pub fn revenue_by_week(
    lang: Lang,
    events: &[EventFigures],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<WeekBar> {
    let monday = |d: NaiveDate| d - Duration::days(d.weekday().num_days_from_monday() as i64);
    let mut weeks = Vec::new();
    let mut week = monday(first);
    while week <= last {
        weeks.push((week, 0i64));
        week += Duration::days(7);
    }
    for e in events {
        if let Ok(day) = NaiveDate::parse_from_str(&e.day, "%Y-%m-%d") {
            let w = monday(day);
            if let Some(slot) = weeks.iter_mut().find(|(d, _)| *d == w) {
                slot.1 += e.revenue_cents;
            }
        }
    }
    weeks
        .into_iter()
        .map(|(d, cents)| WeekBar {
            label: crate::base::l10n::fmt::day_month(lang, d),
            revenue_cents: cents,
        })
        .collect()
}

/// One host's line on the leaderboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub host_id: i64,
    pub name: String,
    pub events: i64,
    pub invited: i64,
    pub buyers: i64,
    pub orders: i64,
    pub revenue_cents: i64,
    pub bookings: i64,
    pub conversion_bp: i64,
    pub average_order_cents: i64,
}

/// What the leaderboard sorts by (always highest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    Revenue,
    Events,
    Buyers,
    Conversion,
    AverageOrder,
    Bookings,
}

impl SortBy {
    pub const ALL: [SortBy; 6] = [
        SortBy::Revenue,
        SortBy::Events,
        SortBy::Buyers,
        SortBy::Conversion,
        SortBy::AverageOrder,
        SortBy::Bookings,
    ];

    /// From the address; revenue when unknown.
    pub fn parse(raw: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.key() == raw)
            .unwrap_or(SortBy::Revenue)
    }

    pub fn key(self) -> &'static str {
        match self {
            SortBy::Revenue => "revenue",
            SortBy::Events => "events",
            SortBy::Buyers => "buyers",
            SortBy::Conversion => "conversion",
            SortBy::AverageOrder => "average_order",
            SortBy::Bookings => "bookings",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            SortBy::Revenue => tr!(lang, INSIGHTS_REVENUE),
            SortBy::Events => tr!(lang, INSIGHTS_PARTIES),
            SortBy::Buyers => tr!(lang, INSIGHTS_BUYING_GUESTS),
            SortBy::Conversion => tr!(lang, INSIGHTS_CONVERSION),
            SortBy::AverageOrder => tr!(lang, INSIGHTS_AVERAGE_ORDER),
            SortBy::Bookings => tr!(lang, INSIGHTS_BOOKINGS),
        }
    }

    fn value(self, r: &LeaderRow) -> i64 {
        match self {
            SortBy::Revenue => r.revenue_cents,
            SortBy::Events => r.events,
            SortBy::Buyers => r.buyers,
            SortBy::Conversion => r.conversion_bp,
            SortBy::AverageOrder => r.average_order_cents,
            SortBy::Bookings => r.bookings,
        }
    }
}

/// One row per host with parties in `events`, sorted by `by` (highest
/// first), then by revenue, then by name.
pub fn leaderboard(events: &[EventFigures], by: SortBy) -> Vec<LeaderRow> {
    let mut hosts: std::collections::BTreeMap<i64, (String, Vec<&EventFigures>)> =
        std::collections::BTreeMap::new();
    for e in events {
        hosts
            .entry(e.host_id)
            .or_insert_with(|| (e.host_name.clone(), Vec::new()))
            .1
            .push(e);
    }
    let hosts = hosts
        .into_iter()
        .map(|(id, (name, evs))| (id, name, Totals::of(evs)));
    let mut rows: Vec<LeaderRow> = hosts
        .into_iter()
        .map(|(host_id, name, t)| LeaderRow {
            host_id,
            name,
            events: t.events,
            invited: t.invited,
            buyers: t.buyers,
            orders: t.orders,
            revenue_cents: t.revenue_cents,
            bookings: t.bookings,
            conversion_bp: t.conversion_bp(),
            average_order_cents: t.average_order_cents(),
        })
        .collect();
    rows.sort_by(|a, b| {
        by.value(b)
            .cmp(&by.value(a))
            .then(b.revenue_cents.cmp(&a.revenue_cents))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.host_id.cmp(&b.host_id))
    });
    rows
}

/// Where a host stands among the brand's hosts by revenue, without names:
/// "Top 10 %", "Top 25 %", "Top half" or "Growing"; `None` without parties.
pub fn rank_band(board: &[LeaderRow], host_id: i64) -> Option<String> {
    let mine = board.iter().find(|r| r.host_id == host_id)?;
    // Ties share the best place.
    let place = 1 + board
        .iter()
        .filter(|r| r.revenue_cents > mine.revenue_cents)
        .count();
    let n = board.len();
    let band = if place * 10 <= n {
        "Top 10 %"
    } else if place * 4 <= n {
        "Top 25 %"
    } else if place * 2 <= n {
        "Top half"
    } else {
        "Growing"
    };
    Some(band.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(
        host: i64,
        day: &str,
        revenue: i64,
        orders: i64,
        buyers: i64,
        invited: i64,
    ) -> EventFigures {
        EventFigures {
            host_id: host,
            host_name: format!("Host {host}"),
            day: day.into(),
            revenue_cents: revenue,
            orders,
            buyers,
            invited,
            ..EventFigures::default()
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rates_and_changes() {
        let now = Totals {
            invited: 8,
            yes: 3,
            orders: 3,
            revenue_cents: 10_000,
            reward_cents: 1_000,
            buyers: 2,
            ..Totals::default()
        };
        assert_eq!(now.yes_rate_bp(), 3750);
        assert_eq!(now.average_order_cents(), 3333);
        assert_eq!(now.reward_share_bp(), 1000);
        assert_eq!(percent(Lang::En, 3750), "37.5 %");
        assert_eq!(percent(Lang::Fr, 3750), "37,5\u{a0}%");
        let before = Totals {
            invited: 4,
            yes: 2,
            orders: 1,
            revenue_cents: 8_000,
            ..Totals::default()
        };
        let tiles = kpis(Lang::En, Currency::Eur, &now, &before, (1, 0));
        let get = |k: &str| tiles.iter().find(|t| t.key == k).unwrap().clone();
        assert_eq!(get("invited").change, "+100 %");
        assert_eq!(get("yes_rate").change, "−12.5 pts");
        assert_eq!(get("revenue").change, "+25 %");
        assert_eq!(get("new_hosts").change, "new");
        assert_eq!(get("events").change, "no change");
        assert_eq!(get("reward_share").trend, Trend::Up);
        assert!(!get("reward_share").up_is_good);
    }

    #[test]
    fn the_leaderboard_sorts_and_bands() {
        let events = vec![
            ev(1, "2026-11-02", 30_000, 4, 3, 10),
            ev(2, "2026-11-03", 10_000, 1, 1, 2),
            ev(2, "2026-11-10", 15_000, 2, 2, 2),
            ev(3, "2026-11-11", 0, 0, 0, 5),
        ];
        let ids = |by| {
            leaderboard(&events, by)
                .iter()
                .map(|r| r.host_id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(SortBy::Revenue), vec![1, 2, 3]);
        assert_eq!(ids(SortBy::Events), vec![2, 1, 3]);
        assert_eq!(ids(SortBy::Conversion), vec![2, 1, 3]);
        assert_eq!(ids(SortBy::AverageOrder), vec![2, 1, 3]);
        let board = leaderboard(&events, SortBy::Revenue);
        assert_eq!(board[1].events, 2);
        assert_eq!(board[1].revenue_cents, 25_000);
        assert_eq!(board[1].average_order_cents, 8333);
        assert_eq!(rank_band(&board, 1).as_deref(), Some("Top half"));
        assert_eq!(rank_band(&board, 3).as_deref(), Some("Growing"));
        assert_eq!(rank_band(&board, 9), None);
        let many: Vec<EventFigures> = (1..=20)
            .map(|h| ev(h, "2026-11-02", h * 100, 1, 1, 1))
            .collect();
        let board = leaderboard(&many, SortBy::Revenue);
        assert_eq!(rank_band(&board, 20).as_deref(), Some("Top 10 %"));
        assert_eq!(rank_band(&board, 19).as_deref(), Some("Top 10 %"));
        assert_eq!(rank_band(&board, 18).as_deref(), Some("Top 25 %"));
        assert_eq!(rank_band(&board, 11).as_deref(), Some("Top half"));
        assert_eq!(rank_band(&board, 10).as_deref(), Some("Growing"));
    }

    #[test]
    fn weeks_start_on_monday_and_keep_empty_ones() {
        let events = vec![
            ev(1, "2026-11-04", 100, 1, 1, 1),
            ev(1, "2026-11-08", 50, 1, 1, 1),
            ev(1, "2026-11-20", 7, 1, 1, 1),
        ];
        let weeks = revenue_by_week(Lang::En, &events, d("2026-11-01"), d("2026-11-23"));
        let got: Vec<(String, i64)> = weeks
            .into_iter()
            .map(|w| (w.label, w.revenue_cents))
            .collect();
        assert_eq!(
            got,
            vec![
                ("26 Oct".into(), 0),
                ("2 Nov".into(), 150),
                ("9 Nov".into(), 0),
                ("16 Nov".into(), 7),
                ("23 Nov".into(), 0)
            ]
        );
    }
}
