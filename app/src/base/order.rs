//! Order arithmetic in integer cents: line totals, the VAT they include,
//! shipping and the total. No floats anywhere.

use serde::{Deserialize, Serialize};

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

/// The brand's shipping rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingRule {
    pub flat_cents: i64,
    /// Merchandise from this amount ships free.
    pub free_from_cents: i64,
}

/// One line to price: unit price (VAT included), VAT rate, quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricedLine {
    pub unit_price_cents: i64,
    pub vat_rate_bp: i64,
    pub quantity: i64,
}

impl PricedLine {
    pub fn total_cents(&self) -> i64 {
        self.unit_price_cents * self.quantity
    }

    /// The VAT included in the line, rounded half up to the cent:
    /// total × rate / (1 + rate).
    pub fn vat_cents(&self) -> i64 {
        let total = self.total_cents();
        let denominator = 10_000 + self.vat_rate_bp;
        (total * self.vat_rate_bp * 2 + denominator) / (2 * denominator)
    }
}

/// What an order costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// The lines, VAT included.
    pub merchandise_cents: i64,
    /// The VAT the lines include.
    pub vat_cents: i64,
    pub shipping_cents: i64,
    pub total_cents: i64,
}

/// Prices a cart: lines, their VAT, shipping by the delivery and the rule.
pub fn totals(lines: &[PricedLine], delivery: Delivery, rule: ShippingRule) -> Totals {
    let merchandise_cents: i64 = lines.iter().map(PricedLine::total_cents).sum();
    let vat_cents = lines.iter().map(PricedLine::vat_cents).sum();
    let shipping_cents = match delivery {
        Delivery::Host => 0,
        Delivery::Home if merchandise_cents >= rule.free_from_cents => 0,
        Delivery::Home if merchandise_cents == 0 => 0,
        Delivery::Home => rule.flat_cents,
    };
    Totals {
        merchandise_cents,
        vat_cents,
        shipping_cents,
        total_cents: merchandise_cents + shipping_cents,
    }
}

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

    pub fn label(self) -> &'static str {
        match self {
            OrderStatus::Placed => "Placed",
            OrderStatus::Paid => "Paid",
            OrderStatus::InPreparation => "In preparation",
            OrderStatus::Shipped => "Shipped",
            OrderStatus::Delivered => "Delivered",
            OrderStatus::Cancelled => "Cancelled",
            OrderStatus::Refunded => "Refunded",
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

/// The most of one item a cart may hold.
pub const MAX_QUANTITY: i64 = 99;

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: ShippingRule = ShippingRule {
        flat_cents: 590,
        free_from_cents: 6000,
    };

    fn line(price: i64, bp: i64, quantity: i64) -> PricedLine {
        PricedLine {
            unit_price_cents: price,
            vat_rate_bp: bp,
            quantity,
        }
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
        assert_eq!(totals(&small, Delivery::Host, RULE).shipping_cents, 0);
        let home = totals(&small, Delivery::Home, RULE);
        assert_eq!(home.shipping_cents, 590);
        assert_eq!(home.total_cents, 3790);
        let big = [line(3200, 2000, 2)];
        assert_eq!(totals(&big, Delivery::Home, RULE).shipping_cents, 0);
        assert_eq!(totals(&[], Delivery::Home, RULE), Totals::default());
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
                let rule = ShippingRule { flat_cents: flat, free_from_cents: free_from };
                let t = totals(&lines, delivery, rule);
                let sum: i64 = lines.iter().map(|l| l.unit_price_cents * l.quantity).sum();
                prop_assert_eq!(t.merchandise_cents, sum);
                prop_assert_eq!(t.total_cents, sum + t.shipping_cents);
                prop_assert!(t.vat_cents >= 0 && t.vat_cents <= sum);
                match delivery {
                    Delivery::Host => prop_assert_eq!(t.shipping_cents, 0),
                    Delivery::Home if sum >= free_from || sum == 0 => prop_assert_eq!(t.shipping_cents, 0),
                    Delivery::Home => prop_assert_eq!(t.shipping_cents, flat),
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
