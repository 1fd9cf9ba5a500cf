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
    let data = Resource::new(
        move || {
            (
                save.version().get(),
                secret.version().get(),
                bank.version().get(),
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
