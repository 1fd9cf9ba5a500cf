//! Charts drawn as SVG on the server: a bar per week and a funnel, each
//! scaled to its width by the browser (viewBox), coloured by the stylesheet,
//! and paired with a table of the same figures for screen readers and for
//! reading exact values.

use leptos::prelude::*;

use super::domain::{one_decimal, percent, ratio_bp, WeekBar};
use crate::base::l10n::{fmt::money, use_lang, Key, Lang};
use crate::base::money::{Currency, Money};

// Small enough that the text stays readable when a phone scales it down.
const W: f64 = 400.0;
const H: f64 = 220.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// A round maximum for the axis: 1, 2 or 5 times a power of ten.
fn nice_max(max: i64) -> i64 {
    if max <= 0 {
        return 100;
    }
    let mut step = 1i64;
    while step * 10 <= max {
        step *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * step)
        .find(|v| *v >= max)
        .unwrap_or(10 * step)
}

/// Whole units, short: "€1,200" → "€1.2k" ("1,2 k€" in French).
fn short_amount(lang: Lang, cents: i64, currency: Currency) -> String {
    let whole = cents / 100;
    let unit = currency.unit();
    if whole >= 1000 {
        tr!(
            lang,
            INSIGHTS_AXIS_THOUSANDS,
            amount = one_decimal(lang, whole / 1000, (whole % 1000) / 100),
            unit = unit
        )
    } else {
        tr!(
            lang,
            INSIGHTS_AXIS_MONEY,
            amount = whole.to_string(),
            unit = unit
        )
    }
}

/// Revenue per week as bars, with its table.
#[component]
pub fn RevenueChart(weeks: Vec<WeekBar>, currency: Currency) -> impl IntoView {
    let lang = use_lang();
    let max = nice_max(weeks.iter().map(|w| w.revenue_cents).max().unwrap_or(0));
    let n = weeks.len().max(1) as f64;
    let slot = (W - LEFT) / n;
    let bar = (slot * 0.7).max(2.0);
    let plot = H - BOTTOM - TOP;
    // Label at most about 8 weeks, so the labels never overlap on a phone.
    let every = weeks.len().div_ceil(8).max(1);
    let total: i64 = weeks.iter().map(|w| w.revenue_cents).sum();
    let grid = [0, 1, 2, 3, 4].map(|k| {
        let value = max * k / 4;
        let y = TOP + plot - plot * k as f64 / 4.0;
        view! {
            <line class="grid" x1=LEFT x2=W y1=y y2=y />
            <text class="axis" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{short_amount(lang, value, currency)}</text>
        }
    });
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let h = plot * w.revenue_cents as f64 / max as f64;
            let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
            let label = (i % every == 0).then(|| {
                view! { <text class="axis" x=x + bar / 2.0 y=H - 8.0 text-anchor="middle">{w.label.clone()}</text> }
            });
            view! {
                <rect class="chart-bar" x=x y=TOP + plot - h width=bar height=h>
                    <title>{tr!(lang, INSIGHTS_CHART_WEEK, week = &w.label, amount = money(lang, Money::new(w.revenue_cents, currency)))}</title>
                </rect>
                {label}
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid="revenue-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="revenue-chart-title" preserveAspectRatio="xMidYMid meet">
                <title id="revenue-chart-title">{tr!(lang, INSIGHTS_CHART_REVENUE_TITLE, total = money(lang, Money::new(total, currency)))}</title>
                {grid}
                {bars}
            </svg>
            <figcaption>
                <details>
                    <summary>{tr!(lang, INSIGHTS_CHART_AS_TABLE)}</summary>
                    <table class="chart-table">
                        <thead><tr><th scope="col">{tr!(lang, INSIGHTS_CHART_WEEK_OF)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_REVENUE)}</th></tr></thead>
                        <tbody>
                            {weeks.into_iter().map(|w| view! {
                                <tr><th scope="row">{w.label}</th><td class="num">{money(lang, Money::new(w.revenue_cents, currency))}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}

/// The funnel from invitation to purchase: one bar per step, as a share of
/// the first, with its table.
#[component]
pub fn FunnelChart(
    /// (step's name, people)
    steps: Vec<(Key, i64)>,
    #[prop(default = "funnel")] id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let steps: Vec<(String, i64)> = steps
        .into_iter()
        .map(|(step, n)| (crate::base::l10n::text(lang, step, None), n))
        .collect();
    let first = steps.first().map(|s| s.1).unwrap_or(0);
    let row = 40.0;
    let height = row * steps.len() as f64 + 8.0;
    let label_w = 84.0;
    let bars = steps
        .iter()
        .enumerate()
        .map(|(i, (step, n))| {
            let share = ratio_bp(*n, first);
            let width = ((W - label_w - 100.0) * share as f64 / 10_000.0).max(2.0);
            let y = 4.0 + row * i as f64;
            view! {
                <text class="axis step" x=0 y=y + 23.0>{step.clone()}</text>
                <rect class=format!("chart-bar funnel-{i}") x=label_w y=y + 6.0 width=width height=row - 12.0 rx="3">
                    <title>{tr!(lang, INSIGHTS_CHART_STEP, step = step, count = *n, share = percent(lang, share))}</title>
                </rect>
                <text class="value" x=label_w + width + 6.0 y=y + 23.0>{format!("{n} · {}", percent(lang, share))}</text>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let labelled = title_id.clone();
    view! {
        <figure class="chart" data-testid=id>
            <svg viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby=labelled preserveAspectRatio="xMidYMid meet">
                <title id=title_id>{steps.iter().map(|(s, n)| format!("{s} {n}")).collect::<Vec<_>>().join(", ")}</title>
                {bars}
            </svg>
            <figcaption>
                <table class="chart-table">
                    <thead><tr><th scope="col">{tr!(lang, INSIGHTS_CHART_STEP_COLUMN)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_CHART_PEOPLE)}</th><th scope="col" class="num">{tr!(lang, INSIGHTS_CHART_OF_INVITED)}</th></tr></thead>
                    <tbody>
                        {steps.into_iter().map(|(s, n)| view! {
                            <tr><th scope="row">{s}</th><td class="num">{n}</td><td class="num">{percent(lang, ratio_bp(n, first))}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_maxima_are_round() {
        assert_eq!(nice_max(0), 100);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(130), 200);
        assert_eq!(nice_max(45_000), 50_000);
        assert_eq!(nice_max(100_000), 100_000);
        assert_eq!(short_amount(Lang::En, 123_456, Currency::Eur), "€1.2k");
        assert_eq!(short_amount(Lang::En, 9_900, Currency::Eur), "€99");
        assert_eq!(
            short_amount(Lang::Fr, 123_456, Currency::Eur),
            "1,2\u{a0}k€"
        );
        assert_eq!(short_amount(Lang::En, 9_900, Currency::Gbp), "£99");
        assert_eq!(short_amount(Lang::En, 123_456, Currency::Chf), "CHF 1.2k");
        assert_eq!(short_amount(Lang::Fr, 9_900, Currency::Chf), "99\u{a0}CHF");
    }
}
