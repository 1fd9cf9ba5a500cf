//! The order vocabulary every area shares: deliveries, the brand's shipping
//! rule, the arithmetic in integer cents (line totals, the VAT they
//! include, shipping, the total; no floats anywhere), the kinds of order
//! and the statuses an order moves through.

use serde::{Deserialize, Serialize};

use crate::base::l10n::Lang;
use crate::base::money::{Currency, Money};

/// How an order reaches the guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// To the guest's address: a flat fee, free from a threshold.
    Home,
    /// To the host, delivered with the party's shipment: free.
    Host,
}

impl Delivery {
    pub fn parse(raw: &str) -> Option<Delivery> {
        match raw {
            "home" => Some(Delivery::Home),
            "host" => Some(Delivery::Host),
            _ => None,
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            Delivery::Home => "home",
            Delivery::Host => "host",
        }
    }
}

/// The brand's shipping rule, in the brand's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "RuleWire", from = "RuleWire")]
pub struct ShippingRule {
    pub flat: Money,
    /// Merchandise from this amount ships free.
    pub free_from: Money,
}

impl ShippingRule {
    pub fn currency(&self) -> Currency {
        self.flat.currency()
    }
}

/// A shipping rule on the wire: amounts in minor units and their currency.
#[derive(Serialize, Deserialize)]
struct RuleWire {
    flat_cents: i64,
    free_from_cents: i64,
    currency: Currency,
}

impl From<ShippingRule> for RuleWire {
    fn from(r: ShippingRule) -> Self {
        RuleWire {
            flat_cents: r.flat.minor(),
            free_from_cents: r.free_from.minor(),
            currency: r.currency(),
        }
    }
}

impl From<RuleWire> for ShippingRule {
    fn from(w: RuleWire) -> Self {
        ShippingRule {
            flat: Money::new(w.flat_cents, w.currency),
            free_from: Money::new(w.free_from_cents, w.currency),
        }
    }
}

/// One line to price: unit price (VAT included), VAT rate, quantity, and
/// the units sold at half price (a host's reward; half the unit price,
/// rounded down, off each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    pub unit_price_cents: i64,
    pub vat_rate_bp: i64,
    pub quantity: i64,
    pub half_price_units: i64,
}

impl PricedLine {
    /// A line at full price.
    pub fn new(unit_price_cents: i64, vat_rate_bp: i64, quantity: i64) -> PricedLine {
        PricedLine {
            unit_price_cents,
            vat_rate_bp,
            quantity,
            half_price_units: 0,
        }
    }

    pub fn total_cents(&self) -> i64 {
        self.unit_price_cents * self.quantity - self.half_price_units * (self.unit_price_cents / 2)
    }

    /// The VAT included in the line, rounded half up to the cent:
    /// total × rate / (1 + rate).
    pub fn vat_cents(&self) -> i64 {
        let total = self.total_cents();
        let denominator = 10_000 + self.vat_rate_bp;
        (total * self.vat_rate_bp * 2 + denominator) / (2 * denominator)
    }
}

/// What an order costs, in the order's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "TotalsWire", from = "TotalsWire")]
pub struct Totals {
    /// The lines, VAT included.
    pub merchandise: Money,
    /// The VAT the lines include.
    pub vat: Money,
    pub shipping: Money,
    /// What is left to pay: the lines and shipping, less host credit.
    pub total: Money,
}

/// Totals on the wire: amounts in minor units and their currency.
#[derive(Serialize, Deserialize)]
struct TotalsWire {
    merchandise_cents: i64,
    vat_cents: i64,
    shipping_cents: i64,
    total_cents: i64,
    currency: Currency,
}

impl From<Totals> for TotalsWire {
    fn from(t: Totals) -> Self {
        TotalsWire {
            merchandise_cents: t.merchandise.minor(),
            vat_cents: t.vat.minor(),
            shipping_cents: t.shipping.minor(),
            total_cents: t.total.minor(),
            currency: t.total.currency(),
        }
    }
}

impl From<TotalsWire> for Totals {
    fn from(w: TotalsWire) -> Self {
        let m = |minor| Money::new(minor, w.currency);
        Totals {
            merchandise: m(w.merchandise_cents),
            vat: m(w.vat_cents),
            shipping: m(w.shipping_cents),
            total: m(w.total_cents),
        }
    }
}

impl Totals {
    /// Nothing to pay, in `currency`.
    pub fn zero(currency: Currency) -> Totals {
        let nothing = Money::new(0, currency);
        Totals {
            merchandise: nothing,
            vat: nothing,
            shipping: nothing,
            total: nothing,
        }
    }

    /// The totals of `lines` with `shipping`, less `credit`, in the
    /// currency of `shipping`.
    pub fn of(lines: &[PricedLine], shipping: Money, credit: Money) -> Totals {
        let merchandise: i64 = lines.iter().map(PricedLine::total_cents).sum();
        let vat: i64 = lines.iter().map(PricedLine::vat_cents).sum();
        let m = |minor| Money::new(minor, shipping.currency());
        Totals {
            merchandise: m(merchandise),
            vat: m(vat),
            shipping,
            total: m(merchandise + shipping.minor() - credit.minor()),
        }
    }
}

/// The shipping of a guest's order: free to the host, and to the guest's
/// address from the brand's threshold; an empty cart ships nothing.
pub fn shipping(merchandise_cents: i64, delivery: Delivery, rule: ShippingRule) -> Money {
    let free = Money::new(0, rule.currency());
    match delivery {
        Delivery::Host => free,
        Delivery::Home if merchandise_cents >= rule.free_from.minor() => free,
        Delivery::Home if merchandise_cents == 0 => free,
        Delivery::Home => rule.flat,
    }
}

/// Prices a guest's cart: lines, their VAT, shipping by the delivery and the rule.
pub fn totals(lines: &[PricedLine], delivery: Delivery, rule: ShippingRule) -> Totals {
    let merchandise: i64 = lines.iter().map(PricedLine::total_cents).sum();
    let free = Money::new(0, rule.currency());
    Totals::of(lines, shipping(merchandise, delivery, rule), free)
}

/// Who an order is for: a guest of a party, or the host spending a reward
/// (never counted in a party's sales).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderKind {
    Guest,
    HostReward,
}

impl OrderKind {
    pub fn as_db(self) -> &'static str {
        match self {
            OrderKind::Guest => "guest",
            OrderKind::HostReward => "host_reward",
        }
    }
}

/// How a buyer pays: by card on the order's page (Stripe), by bank
/// transfer to the brand's account, or at delivery. A brand offers any of
/// them (`brands.payment_methods`, a comma list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayMethod {
    Card,
    Transfer,
    Delivery,
}

/// How many minutes a card order may stay unpaid before its items go back
/// on sale.
pub const CARD_PAY_MINUTES: i64 = 30;

impl PayMethod {
    pub const ALL: [PayMethod; 3] = [PayMethod::Card, PayMethod::Transfer, PayMethod::Delivery];

    pub fn parse(raw: &str) -> Option<PayMethod> {
        PayMethod::ALL.into_iter().find(|m| m.as_db() == raw.trim())
    }

    pub fn as_db(self) -> &'static str {
        match self {
            PayMethod::Card => "card",
            PayMethod::Transfer => "transfer",
            PayMethod::Delivery => "delivery",
        }
    }

    /// What the checkout's choice says.
    pub fn label(self, lang: Lang) -> String {
        match self {
            PayMethod::Card => tr!(lang, PAY_METHOD_CARD),
            PayMethod::Transfer => tr!(lang, PAY_METHOD_TRANSFER),
            PayMethod::Delivery => tr!(lang, PAY_METHOD_DELIVERY),
        }
    }

    /// The methods of a stored list, in a fixed order; unknown words are
    /// left out.
    pub fn list(raw: &str) -> Vec<PayMethod> {
        let words: Vec<&str> = raw.split(',').map(str::trim).collect();
        PayMethod::ALL
            .into_iter()
            .filter(|m| words.contains(&m.as_db()))
            .collect()
    }

    /// The stored form of a list.
    pub fn join(methods: &[PayMethod]) -> String {
        PayMethod::ALL
            .into_iter()
            .filter(|m| methods.contains(m))
            .map(PayMethod::as_db)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Where an order stands (`placed`, `in_preparation`… on the wire and in
/// the database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Placed,
    Paid,
    InPreparation,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::Placed,
        OrderStatus::Paid,
        OrderStatus::InPreparation,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::Refunded,
    ];

    pub fn parse(raw: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.as_db() == raw)
    }

    pub fn as_db(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Paid => "paid",
            OrderStatus::InPreparation => "in_preparation",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
        }
    }

    /// The status as a reader of `lang` names it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            OrderStatus::Placed => tr!(lang, ORDER_STATUS_PLACED),
            OrderStatus::Paid => tr!(lang, ORDER_STATUS_PAID),
            OrderStatus::InPreparation => tr!(lang, ORDER_STATUS_IN_PREPARATION),
            OrderStatus::Shipped => tr!(lang, ORDER_STATUS_SHIPPED),
            OrderStatus::Delivered => tr!(lang, ORDER_STATUS_DELIVERED),
            OrderStatus::Cancelled => tr!(lang, ORDER_STATUS_CANCELLED),
            OrderStatus::Refunded => tr!(lang, ORDER_STATUS_REFUNDED),
        }
    }

    /// The statuses an order can move to from this one.
    pub fn next(self) -> &'static [OrderStatus] {
        use OrderStatus::*;
        match self {
            Placed => &[Paid, Cancelled],
            Paid => &[InPreparation, Refunded],
            InPreparation => &[Shipped, Refunded],
            Shipped => &[Delivered, Refunded],
            Delivered => &[Refunded],
            Cancelled | Refunded => &[],
        }
    }

    /// Whether it may move to `to`.
    pub fn can_become(self, to: OrderStatus) -> bool {
        self.next().contains(&to)
    }

    /// Whether an order in this status is a sale: paid and not cancelled or
    /// refunded since. Only sales count toward a host's rewards and in the
    /// brand's figures (dashboard, exports, API).
    pub fn counts_as_sale(self) -> bool {
        use OrderStatus::*;
        matches!(self, Paid | InPreparation | Shipped | Delivered)
    }

    /// Whether the order is void: cancelled, or refunded.
    pub fn is_void(self) -> bool {
        matches!(self, OrderStatus::Cancelled | OrderStatus::Refunded)
    }

    /// The statuses for which `which` holds, as an SQL list:
    /// `('paid', 'in_preparation', 'shipped', 'delivered')`.
    pub fn sql_list(which: fn(OrderStatus) -> bool) -> String {
        let names: Vec<String> = OrderStatus::ALL
            .into_iter()
            .filter(|s| which(*s))
            .map(|s| format!("'{}'", s.as_db()))
            .collect();
        format!("({})", names.join(", "))
    }
}

impl TryFrom<String> for OrderStatus {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        OrderStatus::parse(&raw).ok_or_else(|| format!("unknown order status {raw:?}"))
    }
}

/// The most of one item a cart may hold.
pub const MAX_QUANTITY: i64 = 99;

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: ShippingRule = ShippingRule {
        flat: Money::eur(590),
        free_from: Money::eur(6000),
    };

    fn line(price: i64, bp: i64, quantity: i64) -> PricedLine {
        PricedLine::new(price, bp, quantity)
    }

    #[test]
    fn payment_methods_are_stored_as_a_list_in_a_fixed_order() {
        use PayMethod::*;
        assert_eq!(
            PayMethod::list("delivery, card,bogus"),
            vec![Card, Delivery]
        );
        assert_eq!(PayMethod::join(&[Delivery, Transfer]), "transfer,delivery");
        assert_eq!(PayMethod::list(""), vec![]);
        assert_eq!(PayMethod::parse(" transfer"), Some(Transfer));
        assert_eq!(PayMethod::parse("cash"), None);
    }

    #[test]
    fn an_order_moves_forward_or_is_cancelled_or_refunded() {
        use OrderStatus::*;
        assert!(Placed.can_become(Paid));
        assert!(Placed.can_become(Cancelled));
        assert!(!Placed.can_become(Shipped));
        assert!(Shipped.can_become(Delivered));
        assert!(!Delivered.can_become(Placed));
        assert!(!Cancelled.can_become(Paid));
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_db()), Some(s));
        }
    }

    #[test]
    fn sales_are_paid_orders_not_cancelled_or_refunded() {
        assert_eq!(
            OrderStatus::sql_list(OrderStatus::counts_as_sale),
            "('paid', 'in_preparation', 'shipped', 'delivered')"
        );
        assert_eq!(
            OrderStatus::sql_list(OrderStatus::is_void),
            "('cancelled', 'refunded')"
        );
        assert!(!OrderStatus::Placed.counts_as_sale() && !OrderStatus::Placed.is_void());
    }

    #[test]
    fn vat_is_the_share_included_in_the_price() {
        // €32.00 at 20 %: 32.00 / 1.2 = 26.67, VAT 5.33.
        assert_eq!(line(3200, 2000, 1).vat_cents(), 533);
        // €12.00 at 5.5 %: 12 − 12 / 1.055 = 0.6256… → 0.63.
        assert_eq!(line(1200, 550, 1).vat_cents(), 63);
        assert_eq!(line(0, 2000, 3).vat_cents(), 0);
        assert_eq!(line(999, 0, 2).vat_cents(), 0);
    }

    #[test]
    fn shipping_is_free_to_the_host_and_above_the_threshold() {
        let small = [line(3200, 2000, 1)];
        assert_eq!(totals(&small, Delivery::Host, RULE).shipping, Money::eur(0));
        let home = totals(&small, Delivery::Home, RULE);
        assert_eq!(home.shipping, Money::eur(590));
        assert_eq!(home.total, Money::eur(3790));
        let big = [line(3200, 2000, 2)];
        assert_eq!(totals(&big, Delivery::Home, RULE).shipping, Money::eur(0));
        assert_eq!(
            totals(&[], Delivery::Home, RULE),
            Totals::zero(Currency::Eur)
        );
        // Half price takes half the unit price, rounded down, off a unit;
        // the VAT follows the reduced amount.
        let half = PricedLine {
            half_price_units: 1,
            ..line(3201, 2000, 2)
        };
        assert_eq!(half.total_cents(), 6402 - 1600);
        assert_eq!(half.vat_cents(), 800);
        let reward = Totals::of(&[half], Money::eur(0), Money::eur(1000));
        assert_eq!(reward.total, Money::eur(6402 - 1600 - 1000));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn lines() -> impl Strategy<Value = Vec<PricedLine>> {
            prop::collection::vec(
                (
                    0i64..500_000,
                    prop::sample::select(vec![0i64, 550, 1000, 2000]),
                    1i64..=99,
                )
                    .prop_map(|(price, bp, quantity)| line(price, bp, quantity)),
                0..12,
            )
        }

        fn delivery() -> impl Strategy<Value = Delivery> {
            prop_oneof![Just(Delivery::Home), Just(Delivery::Host)]
        }

        proptest! {
            #[test]
            fn the_total_is_the_lines_plus_shipping(lines in lines(), delivery in delivery(),
                flat in 0i64..2_000, free_from in 0i64..20_000) {
                let rule = ShippingRule { flat: Money::eur(flat), free_from: Money::eur(free_from) };
                let t = totals(&lines, delivery, rule);
                let sum: i64 = lines.iter().map(|l| l.unit_price_cents * l.quantity).sum();
                prop_assert_eq!(t.merchandise.minor(), sum);
                prop_assert_eq!(t.total.minor(), sum + t.shipping.minor());
                prop_assert!(t.vat.minor() >= 0 && t.vat.minor() <= sum);
                match delivery {
                    Delivery::Host => prop_assert_eq!(t.shipping.minor(), 0),
                    Delivery::Home if sum >= free_from || sum == 0 => prop_assert_eq!(t.shipping.minor(), 0),
                    Delivery::Home => prop_assert_eq!(t.shipping.minor(), flat),
                }
            }

            #[test]
            fn the_vat_of_a_line_is_its_share_of_the_price(price in 0i64..1_000_000, bp in 0i64..=10_000, quantity in 1i64..=99) {
                let l = line(price, bp, quantity);
                let total = l.total_cents();
                // vat / total == bp / (10000 + bp), to the nearest cent.
                let exact_times_denominator = total * bp;
                let denominator = 10_000 + bp;
                prop_assert!((l.vat_cents() * denominator - exact_times_denominator).abs() * 2 <= denominator);
            }
        }
    }
}
