//! The brand's settings page: shipping, the back office's webhook address
//! and secrets, and the host reward rules.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    base::{
        auth::Gate,
        brand::BrandNav,
        forms::{action, Field, FormError, LastForm},
        money::Currency,
    },
    brand::payments::{PaymentSettings, PaymentsForm, SavePaymentSettings},
    brand::sentence::{pieces, slot, Piece},
    brand::settings::{
        get_brand_settings, BankForm, BrandSettings, NewBrandSecret, SaveBankDetails,
        SaveBrandSettings, SettingsForm,
    },
    rewards::{RulesData, RulesEditor},
};

/// The brand's settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = action::<SaveBrandSettings>();
    let secret = action::<NewBrandSecret>();
    let bank = action::<SaveBankDetails>();
    let pay = action::<SavePaymentSettings>();
    let rules = RulesData::new();
    let data = Resource::new(
        move || {
            (
                save.version().get(),
                secret.version().get(),
                bank.version().get(),
                pay.version().get(),
            )
        },
        |_| get_brand_settings(),
    );
    // Only the form used last (here or in the reward rules) speaks.
    let last = LastForm::of_page();
    let (saving, renewing) = (last.answer(save), last.answer(secret));
    let error = Signal::derive(move || saving.get().and_then(Result::err));
    let saved = move || matches!(saving.get(), Some(Ok(())));
    let secret_error = Signal::derive(move || renewing.get().and_then(Result::err));
    let banking = last.answer(bank);
    let bank_error = Signal::derive(move || banking.get().and_then(Result::err));
    let bank_saved = move || matches!(banking.get(), Some(Ok(())));
    let paying = last.answer(pay);
    let lang = crate::base::l10n::use_lang();
    view! {
        <Title text=tr!(lang, SETTINGS_PAGE_TITLE) />
        <BrandNav />
        <Gate data here="/brand/settings" children=move |s: BrandSettings| {
            let initial: SettingsForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(s.form.clone());
            let account: BankForm = bank_error.get_untracked().and_then(|e| e.kept()).unwrap_or(s.bank.clone());
            let currency = Currency::of_db(&s.form.currency);
            let unit = currency.unit();
            view! {
                <header class="page-head"><h1>{tr!(lang, SETTINGS_TITLE)}</h1></header>
                <section class="form-card wide" aria-labelledby="shipping-title">
                    <h2 id="shipping-title">{tr!(lang, SETTINGS_SHIPPING_TITLE)}</h2>
                    <ActionForm action=save attr:class="form" attr:novalidate="">
                        <FormError error />
                        {move || saved().then(|| view! { <p class="report" role="status">{tr!(lang, SETTINGS_SAVED)}</p> })}
                        <div class="field-row">
                            <Field id="shipping_flat" name="form[shipping_flat]" label=tr!(lang, SETTINGS_SHIPPING_FLAT, unit = unit) value=initial.shipping_flat.clone() inputmode="decimal" error />
                            <Field id="free_shipping_from" name="form[free_shipping_from]" label=tr!(lang, SETTINGS_FREE_FROM, unit = unit) value=initial.free_shipping_from.clone() inputmode="decimal" error />
                        </div>
                        <div class="field">
                            <label for="language">{tr!(lang, BRAND_LANGUAGE)}</label>
                            <p class="hint" id="language-hint">{tr!(lang, BRAND_LANGUAGE_HINT)}</p>
                            <select id="language" name="form[language]" aria-describedby="language-hint">
                                {crate::base::l10n::Lang::ALL.into_iter().map(|l| {
                                    let selected = l.code() == initial.language;
                                    view! { <option value=l.code() selected=selected lang=l.code()>{l.native_name()}</option> }
                                }).collect_view()}
                            </select>
                            {move || error.get().and_then(|e| e.for_field("language")).map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="retention_months">{tr!(lang, SETTINGS_RETENTION)}</label>
                            <p class="hint" id="retention-hint">{tr!(lang, SETTINGS_RETENTION_HINT)}</p>
                            <select id="retention_months" name="form[retention_months]" aria-describedby="retention-hint">
                                {(1..=12).map(|n| {
                                    let selected = n.to_string() == initial.retention_months;
                                    view! { <option value=n selected=selected>{tr!(lang, SETTINGS_RETENTION_MONTHS, months = n)}</option> }
                                }).collect_view()}
                            </select>
                            {move || error.get().and_then(|e| e.for_field("retention_months")).map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="currency">{tr!(lang, SETTINGS_CURRENCY)}</label>
                            <p class="hint" id="currency-hint">{if s.currency_locked {
                                tr!(lang, SETTINGS_CURRENCY_LOCKED, currency = currency.name(lang))
                            } else {
                                tr!(lang, SETTINGS_CURRENCY_HINT)
                            }}</p>
                            {if s.currency_locked {
                                // Shown, not offered: a disabled select sends nothing.
                                view! {
                                    <input type="hidden" name="form[currency]" value=currency.code() />
                                    <select id="currency" aria-describedby="currency-hint" disabled>
                                        <option selected>{currency.option(lang)}</option>
                                    </select>
                                }.into_any()
                            } else {
                                let chosen = initial.currency.clone();
                                view! {
                                    <select id="currency" name="form[currency]" aria-describedby="currency-hint">
                                        {Currency::ALL.into_iter().map(|c| {
                                            let selected = c.code() == chosen;
                                            view! { <option value=c.code() selected=selected>{c.option(lang)}</option> }
                                        }).collect_view()}
                                    </select>
                                }.into_any()
                            }}
                            {move || error.get().and_then(|e| e.for_field("currency")).map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                        <Field id="webhook_url" name="form[webhook_url]" label=tr!(lang, SETTINGS_WEBHOOK_URL) kind="url" value=initial.webhook_url.clone()
                            hint=tr!(lang, SETTINGS_WEBHOOK_URL_HINT) error />
                        <button type="submit" class="button primary">{tr!(lang, SETTINGS_SAVE)}</button>
                    </ActionForm>
                </section>
                <section class="form-card wide" aria-labelledby="bank-title">
                    <h2 id="bank-title">{tr!(lang, SETTINGS_BANK_TITLE)}</h2>
                    <p class="hint">{tr!(lang, SETTINGS_BANK_HINT)}</p>
                    <ActionForm action=bank attr:class="form" attr:novalidate="">
                        <FormError error=bank_error />
                        {move || bank_saved().then(|| view! { <p class="report" role="status">{tr!(lang, SETTINGS_BANK_SAVED)}</p> })}
                        <Field id="iban" name="form[iban]" label=tr!(lang, SETTINGS_IBAN) value=account.iban.clone() autocomplete="off" error=bank_error />
                        <div class="field-row">
                            <Field id="bic" name="form[bic]" label=tr!(lang, SETTINGS_BIC) value=account.bic.clone() autocomplete="off" error=bank_error />
                            <Field id="account_name" name="form[account_name]" label=tr!(lang, PAY_TRANSFER_HOLDER) value=account.account_name.clone() error=bank_error />
                        </div>
                        <button type="submit" class="button primary">{tr!(lang, SETTINGS_SAVE_BANK)}</button>
                    </ActionForm>
                </section>
                <PaymentsSection settings=s.payments.clone() pay answer=paying />
                <RulesEditor currency loaded=rules />
                <section class="form-card wide" aria-labelledby="secrets-title">
                    <h2 id="secrets-title">{tr!(lang, SETTINGS_SECRETS_TITLE)}</h2>
                    <p>{
                        let address = format!("POST /webhooks/payments/{}", s.slug);
                        let text = if s.has_payment_secret {
                            tr!(lang, SETTINGS_PAYMENT_WEBHOOK_SET, address = slot(0))
                        } else {
                            tr!(lang, SETTINGS_PAYMENT_WEBHOOK_UNSET, address = slot(0))
                        };
                        pieces(&text).into_iter().map(|piece| match piece {
                            Piece::Text(text) => text.into_any(),
                            Piece::Slot(_) => view! { <code>{address.clone()}</code> }.into_any(),
                        }).collect_view()
                    }</p>
                    <p>{if s.has_webhook_secret { tr!(lang, SETTINGS_WEBHOOK_SECRET_SET) } else { tr!(lang, SETTINGS_WEBHOOK_SECRET_UNSET) }}</p>
                    <FormError error=secret_error />
                    {move || renewing.get().and_then(Result::ok).map(|value| view! {
                        <p class="report" role="status">{pieces(&tr!(lang, SETTINGS_NEW_SECRET, secret = slot(0))).into_iter().map(|piece| match piece {
                            Piece::Text(text) => text.into_any(),
                            Piece::Slot(_) => view! { <code data-testid="new-secret">{value.clone()}</code> }.into_any(),
                        }).collect_view()}</p>
                    })}
                    <div class="actions">
                        <ActionForm action=secret attr:class="inline-form">
                            <input type="hidden" name="kind" value="Payment" />
                            <button type="submit" class="button">{tr!(lang, SETTINGS_NEW_PAYMENT_SECRET)}</button>
                        </ActionForm>
                        <ActionForm action=secret attr:class="inline-form">
                            <input type="hidden" name="kind" value="Webhook" />
                            <button type="submit" class="button">{tr!(lang, SETTINGS_NEW_WEBHOOK_SECRET)}</button>
                        </ActionForm>
                    </div>
                </section>
            }
        } />
    }
}

/// The ways to pay offered at checkout and the Stripe account's keys.
#[component]
fn PaymentsSection(
    settings: PaymentSettings,
    pay: ServerAction<SavePaymentSettings>,
    answer: Signal<Option<Result<(), crate::base::error::AppError>>>,
) -> impl IntoView {
    let lang = crate::base::l10n::use_lang();
    let error = Signal::derive(move || answer.get().and_then(Result::err));
    let saved = move || matches!(answer.get(), Some(Ok(())));
    let form: PaymentsForm = error
        .get_untracked()
        .and_then(|e| e.kept())
        .unwrap_or(settings.form.clone());
    let mistake = move |field: &'static str| {
        move || {
            error
                .get()
                .and_then(|e| e.for_field(field))
                .map(|m| view! { <p class="field-error" id=format!("{field}-error")>{m}</p> })
        }
    };
    // French agrees "not set" with the key (feminine) or the secret.
    let saved_key =
        move |key: &Option<String>| key.clone().unwrap_or_else(|| tr!(lang, SETTINGS_NOT_SET));
    let saved_secret = move |key: &Option<String>| {
        key.clone()
            .unwrap_or_else(|| tr!(lang, SETTINGS_SECRET_NOT_SET))
    };
    let method = move |value: &'static str, label: String, on: bool| {
        view! {
            <label class="choice">
                <input type="checkbox" name=format!("form[{value}]") value="on" checked=on />
                {format!(" {label}")}
            </label>
            {mistake(value)}
        }
    };
    view! {
        <section class="form-card wide" aria-labelledby="payments-title">
            <h2 id="payments-title">{tr!(lang, SETTINGS_PAYMENTS_TITLE)}</h2>
            <ActionForm action=pay attr:class="form" attr:novalidate="" attr:data-testid="payments-form">
                <FormError error />
                {move || saved().then(|| view! { <p class="report" role="status">{tr!(lang, SETTINGS_PAYMENTS_SAVED)}</p> })}
                <fieldset class="field">
                    <legend>{tr!(lang, SETTINGS_WAYS_TO_PAY)}</legend>
                    {method("card", tr!(lang, SETTINGS_PAY_CARD), form.card.is_some())}
                    {method("transfer", tr!(lang, SETTINGS_PAY_TRANSFER), form.transfer.is_some())}
                    {method("delivery", tr!(lang, PAY_METHOD_DELIVERY), form.delivery.is_some())}
                    {mistake("methods")}
                </fieldset>
                <Field id="transfer_days" name="form[transfer_days]" label=tr!(lang, SETTINGS_TRANSFER_DAYS) value=form.transfer_days.clone() inputmode="numeric"
                    hint=tr!(lang, SETTINGS_TRANSFER_DAYS_HINT) error />
                <h3>{tr!(lang, SETTINGS_STRIPE_TITLE)}</h3>
                <p class="hint" data-testid="stripe-keys">{tr!(
                    lang,
                    SETTINGS_STRIPE_KEYS,
                    secret = saved_key(&settings.secret_key),
                    publishable = saved_key(&settings.publishable_key),
                    webhook = saved_secret(&settings.webhook_secret),
                )}</p>
                <Field id="stripe_secret_key" name="form[stripe_secret_key]" label=tr!(lang, SETTINGS_STRIPE_SECRET_KEY) kind="password" value="" autocomplete="off" error />
                <Field id="stripe_publishable_key" name="form[stripe_publishable_key]" label=tr!(lang, SETTINGS_STRIPE_PUBLISHABLE_KEY) kind="password" value="" autocomplete="off" error />
                <Field id="stripe_webhook_secret" name="form[stripe_webhook_secret]" label=tr!(lang, SETTINGS_STRIPE_WEBHOOK_SECRET) kind="password" value="" autocomplete="off" error />
                <p class="hint">{pieces(&tr!(lang, SETTINGS_STRIPE_EVENTS, address = slot(0))).into_iter().map(|piece| match piece {
                    Piece::Text(text) => text.into_any(),
                    Piece::Slot(_) => view! { <code data-testid="stripe-webhook-address">{settings.webhook_address.clone()}</code> }.into_any(),
                }).collect_view()}</p>
                <button type="submit" class="button primary">{tr!(lang, SETTINGS_SAVE_PAYMENTS)}</button>
            </ActionForm>
        </section>
    }
}
