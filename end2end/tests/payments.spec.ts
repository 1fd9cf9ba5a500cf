import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, scheduleParty, watchErrors } from './pages';

// Card payments through Stripe, against localstripe (a fake Stripe that
// speaks its API and serves a stand-in for Stripe.js), which the e2e server
// script starts on loopback.

const stripeBase = `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? 3190}`;
const keys = { secret: 'sk_test_soiree_e2e', publishable: 'pk_test_soiree_e2e', webhook: 'whsec_soiree_e2e_signing' };
const run = Date.now().toString(36);
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The brand admin offers `methods` (labels of the checkboxes), and gives
 * the Stripe keys when `withKeys`. */
async function offer(page: Page, javaScriptEnabled: boolean, methods: RegExp[], withKeys: boolean) {
  // Filled and saved again if the form lost what was typed: seen twice in
  // full runs since issue 15 (the settings were saved without the keys),
  // not understood yet (the closing note of issue 15's first session).
  await expect(async () => {
    await page.goto('/brand/settings');
    await hydrated(page, javaScriptEnabled);
    const form = page.getByTestId('payments-form');
    for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
    for (const m of methods) await form.getByLabel(m).check();
    await form.getByLabel('Days an unpaid transfer waits before its order is cancelled').fill('7');
    if (withKeys) {
      await form.getByLabel('Secret key (sk_…)').fill(keys.secret);
      await form.getByLabel('Publishable key (pk_…)').fill(keys.publishable);
      await form.getByLabel('Webhook signing secret (whsec_…)').fill(keys.webhook);
    }
    await form.getByRole('button', { name: 'Save the payment settings' }).click();
    await hydrated(page, javaScriptEnabled);
    await expect(page.getByTestId('payments-form').getByRole('status')).toHaveText('Payment settings saved.', { timeout: 10_000 });
    if (withKeys) await expect(page.getByTestId('stripe-keys')).toContainText('sk_test_', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

async function signedIn(browser: Browser, who: { email: string; password: string }, javaScriptEnabled: boolean, options = {}) {
  const context = await browser.newContext({ javaScriptEnabled, ...options });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(who.email, who.password);
  await expect(page).toHaveURL(/\/(host|brand)$/);
  await hydrated(page, javaScriptEnabled);
  return { context, page };
}

/** The host schedules a party and invites `guest`; returns the party's page and the guest's link. */
async function invite(hostPage: Page, javaScriptEnabled: boolean, title: string, guest: { name: string; email: string }) {
  await scheduleParty(hostPage, javaScriptEnabled, { title, days: 9, address: '3 rue Mercière, Lyon', kit: 'Starter kit (6 items)' });
  await hostPage.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await hostPage.getByRole('button', { name: 'Add these guests' }).click();
  await hydrated(hostPage, javaScriptEnabled);
  await hostPage.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(hostPage.getByTestId('sent-note')).toHaveText('1 invitation on the way.');
  const link = (await mailTo(guest.email)).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  return link!;
}

/** The guest puts the candle in the cart and opens the checkout. */
async function cartWithCandle(page: Page, javaScriptEnabled: boolean, link: string) {
  await page.goto(link);
  await hydrated(page, javaScriptEnabled);
  await page.getByTestId('item-card').filter({ hasText: 'Fig Leaf Candle' }).getByRole('link', { name: 'Fig Leaf Candle' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fig Leaf Candle');
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('added')).toContainText('In your cart');
  await page.goto(`${link}/cart`);
  await hydrated(page, javaScriptEnabled);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
}

/** Types a card into localstripe's card field. */
async function typeCard(page: Page, number: string) {
  const field = page.locator('#card-element');
  await field.getByPlaceholder('number').fill(number);
  await field.getByPlaceholder('exp_month').fill('12');
  await field.getByPlaceholder('exp_year').fill('34');
  await field.getByPlaceholder('cvc').fill('123');
  await field.getByPlaceholder('postal_code').fill('69001');
}

test('a guest pays by card on a phone: a declined card, another card, authentication, and the host sees the sale', async ({ browser, page, javaScriptEnabled, request }) => {
  test.skip(!javaScriptEnabled, 'card payment needs JavaScript (the other test covers the page without it)');
  test.setTimeout(180_000);
  const adminErrors = watchErrors(page);

  // The brand turns cards on, and Stripe is told where to send its events.
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  // Cards without keys: each missing key is named next to its field.
  await page.goto('/brand/settings');
  await hydrated(page, true);
  const form = page.getByTestId('payments-form');
  await form.getByLabel(/By card/).check();
  await form.getByRole('button', { name: 'Save the payment settings' }).click();
  await expect(page.locator('#stripe_secret_key-error')).toContainText('Card payments need the secret key');
  await expect(page.locator('#stripe_webhook_secret-error')).toContainText('Card payments need the webhook signing secret');
  await offer(page, true, [/By card/, /At delivery/], true);
  await expect(page.getByTestId('stripe-keys')).toContainText('sk_test_…_e2e');
  await expect(page.getByTestId('stripe-keys')).not.toContainText(keys.secret);
  const hookAddress = await page.getByTestId('stripe-webhook-address').innerText();
  const hook = await request.post(`${stripeBase}/_config/webhooks/soiree`, { form: { url: hookAddress, secret: keys.webhook } });
  expect(hook.ok()).toBeTruthy();

  // The host invites a guest; nothing sold yet.
  const host = await signedIn(browser, demo.host2, true);
  const hostErrors = watchErrors(host.page);
  const guest = { name: 'Rosa Card', email: `rosa.${run}@example.com` };
  const link = await invite(host.page, true, 'Card night', guest);
  const eventUrl = host.page.url();
  await expect(host.page.getByTestId('reward-sales')).toContainText('€0.00');

  // The guest orders on a phone and pays by card on the order's page.
  const guestContext = await browser.newContext(phone);
  const guestPage = await guestContext.newPage();
  const guestErrors = watchErrors(guestPage);
  await cartWithCandle(guestPage, true, link);
  await expect(guestPage.getByLabel('By card, now')).toBeChecked();
  await guestPage.getByLabel(/To the host, to pick up/).check();
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(guestPage.getByTestId('order-status')).toHaveText('Placed');
  await hydrated(guestPage, true);
  const panel = guestPage.getByTestId('card-payment');
  await expect(panel.getByPlaceholder('number')).toBeVisible({ timeout: 30_000 });
  const pay = panel.getByRole('button', { name: /^Pay €/ });
  const amount = (await pay.innerText()).replace('Pay ', '');

  // A declined card: Stripe's message next to the field, still unpaid.
  await typeCard(guestPage, '4000000000000002');
  await pay.click();
  await expect(panel.getByTestId('card-error')).toHaveText('Your card was declined.');
  await expect(guestPage.getByTestId('order-status')).toHaveText('Placed');
  // Another card pays.
  await typeCard(guestPage, '4242424242424242');
  await pay.click();
  await expect(guestPage.getByTestId('order-status')).toHaveText('Paid');
  await expect(guestPage.getByTestId('card-payment')).toHaveCount(0);
  await expect(guestPage.getByTestId('timeline')).toContainText('Card refused: Your card was declined.');
  await guestPage.screenshot({ path: 'artifacts/guest-paid-by-card.png', fullPage: true });
  await expect.poll(async () => (await mailTo(guest.email)).subject, { timeout: 15_000 }).toContain('paid');

  // The host's progress bar counts the sale.
  await host.page.goto(eventUrl);
  await expect(host.page.getByTestId('reward-sales')).toContainText(amount, { timeout: 15_000 });

  // A second order, with a card that asks for authentication (3-D Secure).
  await cartWithCandle(guestPage, true, link);
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await hydrated(guestPage, true);
  await expect(panel.getByPlaceholder('number')).toBeVisible({ timeout: 30_000 });
  await typeCard(guestPage, '4000002500003155');
  await panel.getByRole('button', { name: /^Pay €/ }).click();
  await guestPage.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(guestPage.getByTestId('order-status')).toHaveText('Paid');

  expect(adminErrors).toEqual([]);
  expect(hostErrors).toEqual([]);
  expect(guestErrors).toEqual([]);
  // Back to a way every other test can pay (a transfer needs the account
  // another test saves).
  await offer(page, true, [/At delivery/], false);
  await guestContext.close();
  await host.context.close();
});

test('a pre-order campaign reaches its goal: the card authorised, then charged, the item made', async ({ browser, page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'authorising a card needs JavaScript');
  test.setTimeout(180_000);
  const adminErrors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  await offer(page, true, [/At delivery/], true);

  // The brand opens a campaign on the tea towel: two to make it.
  await page.goto('/brand/preorders');
  await hydrated(page, true);
  const form = page.locator('form').filter({ has: page.getByLabel('Goal (units)') });
  await form.getByRole('button', { name: 'Open the campaign' }).click();
  await expect(page.getByText('Choose the item.')).toBeVisible();
  await page.getByLabel('Item', { exact: true }).selectOption({ label: 'Washed Linen Tea Towel' });
  await page.getByLabel('Goal (units)').fill('2');
  const lastDay = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Last day').fill(lastDay);
  await page.getByRole('button', { name: 'Open the campaign' }).click();
  await expect(page.getByTestId('campaign').first()).toContainText('Washed Linen Tea Towel');
  await expect(page.getByTestId('campaign-state').first()).toContainText('Open');

  // A guest pre-orders two from the item's page on a phone.
  const host = await signedIn(browser, demo.host2, true);
  const guest = { name: 'Lou Preorder', email: `lou.${run}@example.com` };
  const link = await invite(host.page, true, 'Pre-order night', guest);
  const phoneContext = await browser.newContext(phone);
  const guestPage = await phoneContext.newPage();
  const guestErrors = watchErrors(guestPage);
  await guestPage.goto(link);
  await hydrated(guestPage, true);
  await guestPage.getByTestId('item-card').filter({ hasText: 'Washed Linen Tea Towel' }).getByRole('link', { name: 'Washed Linen Tea Towel' }).click();
  const box = guestPage.getByTestId('preorder');
  await expect(box).toContainText('0 of 2 pre-ordered');
  await box.getByLabel('How many').selectOption('2');
  await box.getByRole('button', { name: 'Pre-order' }).click();
  await expect(guestPage).toHaveURL(/\/p\/[A-Za-z0-9_-]+$/);
  await hydrated(guestPage, true);
  const panel = guestPage.getByTestId('card-payment');
  await expect(panel.getByPlaceholder('number')).toBeVisible({ timeout: 30_000 });
  await typeCard(guestPage, '4242424242424242');
  await panel.getByRole('button', { name: /^Authorise €/ }).click();

  // Authorised, then the goal is reached: the worker charges the card and
  // the item goes into production.
  await expect(guestPage.getByTestId('card-payment')).toHaveCount(0, { timeout: 15_000 });
  await expect(async () => {
    await guestPage.reload();
    await expect(guestPage.getByTestId('preorder-state')).toContainText('your card was charged', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(guestPage.getByTestId('preorder-progress')).toHaveText('2 of 2 pre-ordered');
  await guestPage.screenshot({ path: 'artifacts/preorder-funded.png', fullPage: true });
  expect((await mailTo(guest.email, 'Your pre-order of')).text).toContain('not charged');
  expect((await mailTo(guest.email, 'will be made')).text).toContain('going into production');
  await page.goto('/brand/preorders');
  await expect(page.getByTestId('campaign-state').first()).toContainText('Funded');

  expect(adminErrors).toEqual([]);
  expect(guestErrors).toEqual([]);
  await offer(page, true, [/At delivery/], false);
  await phoneContext.close();
  await host.context.close();
});

test('without JavaScript the checkout says card payment needs it and offers the other ways', async ({ browser, javaScriptEnabled }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, demo.admin, javaScriptEnabled);
  await offer(admin.page, javaScriptEnabled, [/By card/, /At delivery/], true);

  const host = await signedIn(browser, demo.host2, javaScriptEnabled);
  const guest = { name: 'Sami Nojs', email: `sami.${run}.${javaScriptEnabled ? 'js' : 'nojs'}@example.com` };
  const link = await invite(host.page, javaScriptEnabled, `Choice night ${javaScriptEnabled ? 'js' : 'nojs'}`, guest);

  const guestContext = await browser.newContext({ ...phone, javaScriptEnabled });
  const page = await guestContext.newPage();
  const errors = watchErrors(page);
  await cartWithCandle(page, javaScriptEnabled, link);
  const card = page.getByLabel('By card, now');
  if (javaScriptEnabled) {
    await expect(card).toBeEnabled();
    await expect(page.getByTestId('card-needs-js')).toHaveCount(0);
    await page.getByLabel('At delivery').check();
  } else {
    await expect(card).toBeDisabled();
    await expect(page.getByTestId('card-needs-js')).toHaveText(
      'Paying by card needs JavaScript, which is off in this browser: choose another way to pay.',
    );
    await expect(page.getByLabel('At delivery')).toBeChecked();
  }
  await page.getByRole('button', { name: 'Place the order' }).click();
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('order-status')).toHaveText('Placed');
  await expect(page.getByTestId('card-payment')).toHaveCount(0);
  await expect(page.getByTestId('transfer')).toHaveCount(0);
  expect(errors).toEqual([]);

  await offer(admin.page, javaScriptEnabled, [/At delivery/], false);
  await guestContext.close();
  await host.context.close();
  await admin.context.close();
});
