//! Host rewards, computed from an event's qualifying sales with the brand's
//! tier table. Pure arithmetic in cents; the rules form parsed once.

use serde::{Deserialize, Serialize};

use crate::base::{
    error::AppError,
    l10n::{page_lang, Key},
};

/// One row of the tier table: from this much qualifying sales, this credit
/// (basis points of the sales) and this many half-price items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    pub from_cents: i64,
    pub credit_bp: i64,
    pub half_price_items: i64,
}

/// A brand's reward rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardRules {
    /// Ascending by `from_cents`.
    pub tiers: Vec<Tier>,
    /// Buying guests (other than the host) needed for any reward.
    pub min_buying_guests: i64,
    /// Half-price items added per booking held within the window.
    pub booking_bonus_items: i64,
    /// A booked event counts if it starts within this many days after the
    /// end of the event it was booked from.
    #[serde(default = "default_window")]
    pub booking_window_days: i64,
    /// The percentage of a party's credit shared among its co-hosts at
    /// closing (0 to 50; the host keeps the rest and the half-price items).
    #[serde(default)]
    pub cohost_share_pct: i64,
}

fn default_window() -> i64 {
    60
}

impl Default for RewardRules {
    /// The defaults of the product brief.
    fn default() -> Self {
        let tier = |euros: i64, percent: i64, items: i64| Tier {
            from_cents: euros * 100,
            credit_bp: percent * 100,
            half_price_items: items,
        };
        RewardRules {
            tiers: vec![
                tier(150, 10, 1),
                tier(250, 10, 2),
                tier(400, 15, 3),
                tier(1000, 15, 4),
            ],
            min_buying_guests: 3,
            booking_bonus_items: 1,
            booking_window_days: default_window(),
            cohost_share_pct: 0,
        }
    }
}

/// What a host earns from one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reward {
    /// The tier reached (its index), if any.
    pub tier: Option<usize>,
    pub credit_cents: i64,
    pub half_price_items: i64,
    /// How much more qualifying sales reach the next tier (None at the top).
    pub to_next_cents: Option<i64>,
}

impl RewardRules {
    /// The reward for `sales` cents of qualifying sales from
    /// `buying_guests` guests, with `bookings` bookings held in time.
    /// Credit rounds down to the cent.
    pub fn reward(&self, sales: i64, buying_guests: i64, bookings: i64) -> Reward {
        let sales = sales.max(0);
        let reached = self
            .tiers
            .iter()
            .enumerate()
            .rev()
            .find(|(_, t)| sales >= t.from_cents)
            .map(|(i, _)| i);
        let next = self
            .tiers
            .iter()
            .find(|t| t.from_cents > sales)
            .map(|t| t.from_cents - sales);
        let qualifies = buying_guests >= self.min_buying_guests;
        match reached.filter(|_| qualifies) {
            Some(i) => {
                let tier = self.tiers[i];
                Reward {
                    tier: Some(i),
                    credit_cents: sales * tier.credit_bp / 10_000,
                    half_price_items: tier.half_price_items
                        + bookings.max(0) * self.booking_bonus_items,
                    to_next_cents: next,
                }
            }
            None => Reward {
                tier: None,
                credit_cents: 0,
                half_price_items: 0,
                to_next_cents: next,
            },
        }
    }
}

/// How a host's reward order is priced: half price on the most expensive
/// units, then the credit on what is left, never below zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RewardPricing {
    pub merchandise_cents: i64,
    /// Units at half price, per line (same order as the input).
    pub half_price_units: Vec<i64>,
    pub half_price_cents: i64,
    pub credit_used_cents: i64,
    pub items_used: i64,
    pub total_cents: i64,
}

/// Prices `lines` of (unit price, quantity) with `items` half-price items
/// and `credit` cents available. The half price goes to the most expensive
/// units first (ties: the earlier line); the host's discount on a unit is
/// half its price, rounded down.
pub fn price_reward_order(lines: &[(i64, i64)], items: i64, credit: i64) -> RewardPricing {
    let merchandise: i64 = lines.iter().map(|(p, q)| p * q).sum();
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(lines[i].0), i));
    let mut left = items.max(0);
    let mut half_units = vec![0; lines.len()];
    let mut half_cents = 0;
    for i in order {
        let take = lines[i].1.min(left);
        half_units[i] = take;
        half_cents += take * (lines[i].0 / 2);
        left -= take;
    }
    let after_half = merchandise - half_cents;
    let credit_used = credit.max(0).min(after_half);
    RewardPricing {
        merchandise_cents: merchandise,
        items_used: half_units.iter().sum(),
        half_price_units: half_units,
        half_price_cents: half_cents,
        credit_used_cents: credit_used,
        total_cents: after_half - credit_used,
    }
}

/// The idempotency key of a reward order form; a form too old (or forged)
/// has none.
#[cfg(feature = "ssr")]
pub fn reward_key(form: &super::redeem::RedeemForm) -> Result<&str, crate::base::error::AppError> {
    let key = form.idempotency_key.trim();
    if key.len() < 16 || key.len() > 64 {
        return Err(crate::base::error::AppError::invalid(
            "qty",
            tr!(page_lang(), REWARD_ERROR_EXPIRED),
        ));
    }
    Ok(key)
}

/// A reward order as asked: quantities of items, and where to send it.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewardRequest {
    /// (item id, quantity), quantities of 1 to 20.
    pub wanted: Vec<(i64, i64)>,
    pub address: String,
}

#[cfg(feature = "ssr")]
impl RewardRequest {
    /// Parses the form's quantities (empty ones skipped) and address,
    /// with every mistake at once.
    pub fn parse(
        form: &super::redeem::RedeemForm,
    ) -> Result<RewardRequest, crate::base::error::AppError> {
        let mut mistakes = crate::base::error::Mistakes::default();
        let mut wanted = Vec::new();
        let mut unreadable = false;
        for (id, qty) in &form.qty {
            let qty = qty.trim();
            if qty.is_empty() {
                continue;
            }
            let Ok(id) = id.parse::<i64>() else {
                mistakes.note("qty", tr!(page_lang(), REWARD_ERROR_CHOOSE_ITEMS));
                unreadable = true;
                continue;
            };
            match qty.parse::<i64>().ok().filter(|n| (0..=20).contains(n)) {
                Some(0) => {}
                Some(n) => wanted.push((id, n)),
                None => {
                    mistakes.note(
                        &format!("qty-{id}"),
                        tr!(page_lang(), REWARD_ERROR_QUANTITY),
                    );
                    unreadable = true;
                }
            }
        }
        if wanted.is_empty() && !unreadable {
            mistakes.note("qty", tr!(page_lang(), REWARD_ERROR_NO_ITEM));
        }
        let address = form.address.trim();
        if address.len() < 8 || address.len() > 300 {
            mistakes.note("address", tr!(page_lang(), REWARD_ERROR_ADDRESS));
        }
        mistakes.finish()?;
        Ok(RewardRequest {
            wanted,
            address: address.to_owned(),
        })
    }
}

/// Euros from cents for a form field: `150`, `12.50`.
fn euros(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

/// The rules as the form shows them: five tier rows, empty ones unused.
pub fn form_of(rules: &RewardRules) -> super::RulesForm {
    let mut form = super::RulesForm {
        from: vec![String::new(); super::TIER_ROWS],
        percent: vec![String::new(); super::TIER_ROWS],
        items: vec![String::new(); super::TIER_ROWS],
        min_buying_guests: rules.min_buying_guests.to_string(),
        booking_bonus_items: rules.booking_bonus_items.to_string(),
        booking_window_days: rules.booking_window_days.to_string(),
        cohost_share_pct: rules.cohost_share_pct.to_string(),
    };
    for (i, t) in rules.tiers.iter().take(super::TIER_ROWS).enumerate() {
        form.from[i] = euros(t.from_cents);
        form.percent[i] = if t.credit_bp % 100 == 0 {
            (t.credit_bp / 100).to_string()
        } else {
            format!("{}.{:02}", t.credit_bp / 100, t.credit_bp % 100)
        };
        form.items[i] = t.half_price_items.to_string();
    }
    form
}

/// A whole number in `range`; else `message`, told the range (and `row`).
fn whole(
    raw: &str,
    field: &str,
    range: std::ops::RangeInclusive<i64>,
    message: Key,
    row: Option<usize>,
) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            let mut args = crate::base::l10n::FluentArgs::new();
            args.set("min", crate::base::l10n::arg(*range.start()));
            args.set("max", crate::base::l10n::arg(*range.end()));
            if let Some(row) = row {
                args.set("row", crate::base::l10n::arg(row));
            }
            AppError::invalid(
                field,
                crate::base::l10n::text(page_lang(), message, Some(&args)),
            )
        })
}

/// Row `i`'s sales threshold, typed in the brand's `currency`, in minor units.
fn threshold(
    from: &str,
    i: usize,
    currency: crate::base::money::Currency,
) -> Result<i64, AppError> {
    crate::base::money::parse_cents(from, &format!("from-{i}"), currency).map_err(|_| {
        AppError::invalid(
            &format!("from-{i}"),
            tr!(
                page_lang(),
                REWARD_ERROR_ROW_THRESHOLD,
                row = i + 1,
                currency = currency.name(page_lang())
            ),
        )
    })
}

/// Row `i`'s credit, 0 to 50 %, in basis points.
fn credit_percent(percent: &str, i: usize) -> Result<i64, AppError> {
    percent
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=50.0).contains(p))
        .map(|p| (p * 100.0).round() as i64)
        .ok_or_else(|| {
            AppError::invalid(
                &format!("percent-{i}"),
                tr!(page_lang(), REWARD_ERROR_ROW_CREDIT, row = i + 1),
            )
        })
}

/// Checks the form: each used row needs all three values, thresholds rise
/// from row to row, credit from 0 to 50 %. Every row and number is
/// checked, so the form shows all its mistakes at once.
pub fn parse_form(
    form: &super::RulesForm,
    currency: crate::base::money::Currency,
) -> Result<RewardRules, AppError> {
    let mut m = crate::base::error::Mistakes::default();
    let mut tiers: Vec<Tier> = Vec::new();
    let mut previous: Option<i64> = None;
    for i in 0..super::TIER_ROWS {
        let get = |v: &Vec<String>| v.get(i).map(|s| s.trim().to_owned()).unwrap_or_default();
        let (from, percent, items) = (get(&form.from), get(&form.percent), get(&form.items));
        if from.is_empty() && percent.is_empty() && items.is_empty() {
            continue;
        }
        let row = i + 1;
        let from_cents = m.check(threshold(&from, i, currency));
        if let (Some(prev), Some(now)) = (previous, from_cents) {
            if now <= prev {
                m.note(
                    &format!("from-{i}"),
                    tr!(page_lang(), REWARD_ERROR_ROW_RISING, row = row),
                );
            }
        }
        previous = from_cents.or(previous);
        let credit_bp = m.check(credit_percent(&percent, i));
        let half_price_items = m.check(whole(
            &items,
            &format!("items-{i}"),
            0..=20,
            crate::base::l10n::keys::REWARD_ERROR_ROW_ITEMS,
            Some(row),
        ));
        if let (Some(from_cents), Some(credit_bp), Some(half_price_items)) =
            (from_cents, credit_bp, half_price_items)
        {
            tiers.push(Tier {
                from_cents,
                credit_bp,
                half_price_items,
            });
        }
    }
    if tiers.is_empty() && previous.is_none() {
        m.note("from-0", tr!(page_lang(), REWARD_ERROR_NO_TIER));
    }
    let min_buying_guests = m.check(whole(
        &form.min_buying_guests,
        "min_buying_guests",
        0..=50,
        crate::base::l10n::keys::REWARD_ERROR_MIN_BUYERS,
        None,
    ));
    let booking_bonus_items = m.check(whole(
        &form.booking_bonus_items,
        "booking_bonus_items",
        0..=10,
        crate::base::l10n::keys::REWARD_ERROR_BOOKING_ITEMS,
        None,
    ));
    let booking_window_days = m.check(whole(
        &form.booking_window_days,
        "booking_window_days",
        1..=365,
        crate::base::l10n::keys::REWARD_ERROR_BOOKING_DAYS,
        None,
    ));
    let cohost_share_pct = if form.cohost_share_pct.trim().is_empty() {
        Some(0)
    } else {
        m.check(whole(
            &form.cohost_share_pct,
            "cohost_share_pct",
            0..=50,
            crate::base::l10n::keys::REWARD_ERROR_COHOST_SHARE,
            None,
        ))
    };
    m.finish()?;
    match (
        min_buying_guests,
        booking_bonus_items,
        booking_window_days,
        cohost_share_pct,
    ) {
        (
            Some(min_buying_guests),
            Some(booking_bonus_items),
            Some(booking_window_days),
            Some(cohost_share_pct),
        ) => Ok(RewardRules {
            tiers,
            min_buying_guests,
            booking_bonus_items,
            booking_window_days,
            cohost_share_pct,
        }),
        _ => Err(AppError::Internal),
    }
}

/// A party's credit split at closing: the host's part, and each of
/// `cohosts` co-hosts' (the share divided equally, rounded down; what
/// rounding leaves stays with the host).
pub fn split_credit(credit_cents: i64, share_pct: i64, cohosts: i64) -> (i64, i64) {
    if cohosts <= 0 || share_pct <= 0 || credit_cents <= 0 {
        return (credit_cents, 0);
    }
    let each = credit_cents * share_pct.min(100) / 100 / cohosts;
    (credit_cents - each * cohosts, each)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cohost_share_is_split_equally_and_rounding_stays_with_the_host() {
        assert_eq!(split_credit(2100, 0, 2), (2100, 0));
        assert_eq!(split_credit(2100, 20, 0), (2100, 0));
        assert_eq!(split_credit(2100, 20, 1), (1680, 420));
        // 20 % of 21.01 is 4.202: 2.10 each, the host keeps the cent.
        assert_eq!(split_credit(2101, 20, 2), (1681, 210));
    }

    #[test]
    fn the_reward_order_form_shows_all_its_mistakes_at_once() {
        let mut form = crate::rewards::redeem::RedeemForm {
            address: "Lyon".into(),
            ..Default::default()
        };
        let err = RewardRequest::parse(&form).unwrap_err();
        assert!(err.for_field("qty").is_some(), "no item: {err:?}");
        assert!(err.for_field("address").is_some(), "short address: {err:?}");
        form.qty.insert("7".into(), "99".into());
        form.qty.insert("8".into(), "x".into());
        let err = RewardRequest::parse(&form).unwrap_err();
        for field in ["qty-7", "qty-8", "address"] {
            assert!(err.for_field(field).is_some(), "{field}: {err:?}");
        }
        form.qty.insert("7".into(), "2".into());
        form.qty.insert("8".into(), String::new());
        form.address = "1 rue Royale, 69001 Lyon".into();
        assert_eq!(RewardRequest::parse(&form).unwrap().wanted, vec![(7, 2)]);
    }

    #[test]
    fn the_rules_form_shows_all_its_mistakes_at_once() {
        let mut form = form_of(&RewardRules::default());
        // A round trip of the defaults is clean.
        assert_eq!(
            parse_form(&form, crate::base::money::Currency::Eur).unwrap(),
            RewardRules::default()
        );
        form.percent[0] = "75".into();
        form.from[1] = "1".into();
        form.min_buying_guests = "many".into();
        let err = parse_form(&form, crate::base::money::Currency::Eur).unwrap_err();
        for field in ["percent-0", "from-1", "min_buying_guests"] {
            assert!(
                err.for_field(field).is_some(),
                "no message for {field}: {err:?}"
            );
        }
        assert!(err.for_field("from-0").is_none());
    }

    #[test]
    fn the_default_table_of_the_brief() {
        let rules = RewardRules::default();
        let r = rules.reward(14_999, 5, 0);
        assert_eq!((r.tier, r.credit_cents, r.half_price_items), (None, 0, 0));
        assert_eq!(r.to_next_cents, Some(1));
        let r = rules.reward(15_000, 3, 0);
        assert_eq!(
            (r.tier, r.credit_cents, r.half_price_items),
            (Some(0), 1_500, 1)
        );
        assert_eq!(r.to_next_cents, Some(10_000));
        let r = rules.reward(40_000, 3, 2);
        assert_eq!((r.credit_cents, r.half_price_items), (6_000, 5));
        let r = rules.reward(250_000, 9, 0);
        assert_eq!(
            (r.tier, r.credit_cents, r.half_price_items, r.to_next_cents),
            (Some(3), 37_500, 4, None)
        );
        // Fewer than 3 buying guests: nothing, whatever the sales.
        assert_eq!(rules.reward(250_000, 2, 1).credit_cents, 0);
    }

    #[test]
    fn half_price_goes_to_the_most_expensive_units() {
        // 2 × €40, 1 × €90, 3 × €10; 2 half-price items, €20 credit.
        let p = price_reward_order(&[(4_000, 2), (9_000, 1), (1_000, 3)], 2, 2_000);
        assert_eq!(p.half_price_units, vec![1, 1, 0]);
        assert_eq!(p.half_price_cents, 2_000 + 4_500);
        assert_eq!(p.merchandise_cents, 20_000);
        assert_eq!(p.credit_used_cents, 2_000);
        assert_eq!(p.total_cents, 20_000 - 6_500 - 2_000);
        // More credit than the order: the rest stays.
        let p = price_reward_order(&[(1_000, 1)], 0, 5_000);
        assert_eq!((p.credit_used_cents, p.total_cents), (1_000, 0));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn rewards_grow_with_sales(a in 0i64..300_000, b in 0i64..300_000, guests in 0i64..10, bookings in 0i64..4) {
                let rules = RewardRules::default();
                let (low, high) = if a <= b { (a, b) } else { (b, a) };
                let (rl, rh) = (rules.reward(low, guests, bookings), rules.reward(high, guests, bookings));
                prop_assert!(rl.credit_cents <= rh.credit_cents);
                prop_assert!(rl.half_price_items <= rh.half_price_items);
                prop_assert!(rl.tier <= rh.tier);
            }

            #[test]
            fn a_reward_order_never_spends_more_than_it_has(
                lines in proptest::collection::vec((0i64..20_000, 1i64..5), 0..6),
                items in 0i64..6,
                credit in 0i64..50_000,
            ) {
                let p = price_reward_order(&lines, items, credit);
                prop_assert!(p.credit_used_cents <= credit);
                prop_assert!(p.items_used <= items);
                prop_assert!(p.total_cents >= 0);
                prop_assert_eq!(p.total_cents, p.merchandise_cents - p.half_price_cents - p.credit_used_cents);
            }

            #[test]
            fn rewards_match_the_tier_table(sales in 0i64..300_000, guests in 3i64..10) {
                let rules = RewardRules::default();
                let r = rules.reward(sales, guests, 0);
                let expected = rules.tiers.iter().rev().find(|t| sales >= t.from_cents);
                match expected {
                    None => prop_assert_eq!(r.credit_cents, 0),
                    Some(t) => {
                        prop_assert_eq!(r.credit_cents, sales * t.credit_bp / 10_000);
                        prop_assert_eq!(r.half_price_items, t.half_price_items);
                    }
                }
            }
        }
    }
}
