//! The brand's settings page: shipping, the back office's webhook address
//! and secrets, and the host reward rules.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    base::{
        auth::Gate,
        brand::BrandNav,
        forms::{action, Field, FormError, LastForm},
    },
    brand::payments::{PaymentSettings, PaymentsForm, SavePaymentSettings},
    brand::settings::{
        get_brand_settings, BankForm, BrandSettings, NewBrandSecret, SaveBankDetails,
        SaveBrandSettings, SettingsForm,
    },
    rewards::RulesEditor,
};

/// The brand's settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = action::<SaveBrandSettings>();
    let secret = action::<NewBrandSecret>();
    let bank = action::<SaveBankDetails>();
    let pay = action::<SavePaymentSettings>();
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
        <Title text="Settings · Soirée" />
        <BrandNav />
        <Gate data here="/brand/settings" children=move |s: BrandSettings| {
            let initial: SettingsForm = error.get_untracked().and_then(|e| e.kept()).unwrap_or(s.form.clone());
            let account: BankForm = bank_error.get_untracked().and_then(|e| e.kept()).unwrap_or(s.bank.clone());
            view! {
                <header class="page-head"><h1>"Settings"</h1></header>
                <section class="form-card wide" aria-labelledby="shipping-title">
                    <h2 id="shipping-title">"Shipping and back office"</h2>
                    <ActionForm action=save attr:class="form" attr:novalidate="">
                        <FormError error />
                        {move || saved().then(|| view! { <p class="report" role="status">"Settings saved."</p> })}
                        <div class="field-row">
                            <Field id="shipping_flat" name="form[shipping_flat]" label="Shipping to the guest's address (€)" value=initial.shipping_flat.clone() inputmode="decimal" error />
                            <Field id="free_shipping_from" name="form[free_shipping_from]" label="Free from (€ of items)" value=initial.free_shipping_from.clone() inputmode="decimal" error />
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
                        <Field id="webhook_url" name="form[webhook_url]" label="Your back office's webhook address (optional)" kind="url" value=initial.webhook_url.clone()
                            hint="Order events (placed, paid, status changed) are sent here, signed with the webhook secret." error />
                        <button type="submit" class="button primary">"Save the settings"</button>
                    </ActionForm>
                </section>
                <section class="form-card wide" aria-labelledby="bank-title">
                    <h2 id="bank-title">"Bank transfer"</h2>
                    <p class="hint">"Guests who pay by transfer see this account, the amount and their order's payment reference on their order's page and in its email. Leave all three empty to stop offering it."</p>
                    <ActionForm action=bank attr:class="form" attr:novalidate="">
                        <FormError error=bank_error />
                        {move || bank_saved().then(|| view! { <p class="report" role="status">"Bank details saved."</p> })}
                        <Field id="iban" name="form[iban]" label="IBAN" value=account.iban.clone() autocomplete="off" error=bank_error />
                        <div class="field-row">
                            <Field id="bic" name="form[bic]" label="BIC" value=account.bic.clone() autocomplete="off" error=bank_error />
                            <Field id="account_name" name="form[account_name]" label="Account holder" value=account.account_name.clone() error=bank_error />
                        </div>
                        <button type="submit" class="button primary">"Save the bank details"</button>
                    </ActionForm>
                </section>
                <PaymentsSection settings=s.payments.clone() pay answer=paying />
                <RulesEditor />
                <section class="form-card wide" aria-labelledby="secrets-title">
                    <h2 id="secrets-title">"Secrets"</h2>
                    <p>"Payment service webhook: " <code>{format!("POST /webhooks/payments/{}", s.slug)}</code>
                        {if s.has_payment_secret { " (secret set)" } else { " (no secret yet: payments cannot be reported)" }}</p>
                    <p>{if s.has_webhook_secret { "Outbound webhook secret set." } else { "No outbound webhook secret yet." }}</p>
                    <FormError error=secret_error />
                    {move || renewing.get().and_then(Result::ok).map(|value| view! {
                        <p class="report" role="status">"Your new secret, shown only now: " <code data-testid="new-secret">{value}</code></p>
                    })}
                    <div class="actions">
                        <ActionForm action=secret attr:class="inline-form">
                            <input type="hidden" name="kind" value="Payment" />
                            <button type="submit" class="button">"New payment service secret"</button>
                        </ActionForm>
                        <ActionForm action=secret attr:class="inline-form">
                            <input type="hidden" name="kind" value="Webhook" />
                            <button type="submit" class="button">"New outbound webhook secret"</button>
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
    let saved_key = |key: &Option<String>| key.clone().unwrap_or_else(|| "not set".into());
    let method = move |value: &'static str, label: &'static str, on: bool| {
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
            <h2 id="payments-title">"Payments"</h2>
            <ActionForm action=pay attr:class="form" attr:novalidate="" attr:data-testid="payments-form">
                <FormError error />
                {move || saved().then(|| view! { <p class="report" role="status">"Payment settings saved."</p> })}
                <fieldset class="field">
                    <legend>"Ways to pay offered at checkout"</legend>
                    {method("card", "By card, on the order's page (Stripe)", form.card.is_some())}
                    {method("transfer", "By bank transfer, to the account above", form.transfer.is_some())}
                    {method("delivery", "At delivery", form.delivery.is_some())}
                    {mistake("methods")}
                </fieldset>
                <Field id="transfer_days" name="form[transfer_days]" label="Days an unpaid transfer waits before its order is cancelled" value=form.transfer_days.clone() inputmode="numeric"
                    hint="Its buyer gets a reminder after 3 days; at the end its items go back on sale." error />
                <h3>"Your Stripe account"</h3>
                <p class="hint" data-testid="stripe-keys">{format!(
                    "Saved: secret key {}, publishable key {}, webhook signing secret {}. Saved keys are never shown again: type one only to replace it.",
                    saved_key(&settings.secret_key), saved_key(&settings.publishable_key), saved_key(&settings.webhook_secret),
                )}</p>
                <Field id="stripe_secret_key" name="form[stripe_secret_key]" label="Secret key (sk_…)" kind="password" value="" autocomplete="off" error />
                <Field id="stripe_publishable_key" name="form[stripe_publishable_key]" label="Publishable key (pk_…)" kind="password" value="" autocomplete="off" error />
                <Field id="stripe_webhook_secret" name="form[stripe_webhook_secret]" label="Webhook signing secret (whsec_…)" kind="password" value="" autocomplete="off" error />
                <p class="hint">"In Stripe, send the events payment_intent.succeeded and payment_intent.payment_failed to "
                    <code data-testid="stripe-webhook-address">{settings.webhook_address.clone()}</code></p>
                <button type="submit" class="button primary">"Save the payment settings"</button>
            </ActionForm>
        </section>
    }
}
