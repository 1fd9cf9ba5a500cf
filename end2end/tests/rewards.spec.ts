import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, minuteAfter, parisInput, watchErrors } from './pages';

const run = Date.now().toString(36);
const guests = [
  { name: 'Nora Petit', email: `nora.${run}@example.com` },
  { name: 'Omar Haddad', email: `omar.${run}@example.com` },
  { name: 'Paula Weiss', email: `paula.${run}@example.com` },
];

/** A guest opens their invitation on a phone, orders the candle and the
 * diffuser for pickup at the host's, and lands on the tracking page. */
async function order(browser: Browser, email: string, book: boolean): Promise<{ page: Page; close: () => Promise<void> }> {
  const mail = await mailTo(email);
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(link!);
  for (const item of ['Fig Leaf Candle', 'Sea Salt Reed Diffuser']) {
    // Let the page hydrate before following a link, as a person would not
    // notice but the router does.
    await hydrated(page, true);
    await page.getByTestId('item-card').filter({ hasText: item }).getByRole('link', { name: item }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item);
    await hydrated(page, true);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByTestId('added')).toContainText('In your cart');
    await page.goto(link!);
  }
  await page.goto(`${link}/cart`);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('totals')).toContainText('€70.00');
  await hydrated(page, true);
  await page.getByLabel(/To the host, to pick up/).check();
  if (book) await page.getByLabel(/host a party of my own/).check();
  await page.getByRole('button', { name: 'Place the order' }).click();
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('order-status')).toHaveText('Placed');
  expect(errors).toEqual([]);
  return { page, close: () => context.close() };
}

test('orders credit the host: progress bar, paid and shipped, closing and the credit', async ({ browser, page }) => {
  test.setTimeout(240_000);

  // The host schedules a party that starts in a minute or two, with three guests.
  const host = await browser.newContext();
  const hostPage = await host.newPage();
  const hostErrors = watchErrors(hostPage);
  const hostLogin = new LoginPage(hostPage);
  await hostLogin.open(true);
  await hostLogin.signIn(demo.host2.email, demo.host2.password);
  await expect(hostPage).toHaveURL(/\/host$/);
  await hostPage.goto('/host/events/new');
  await hydrated(hostPage, true);
  await hostPage.getByLabel('Title').fill('Rewards night');
  const startsAt = minuteAfter(70_000);
  await hostPage.getByLabel('Starts').fill(parisInput(startsAt));
  await hostPage.getByLabel('Ends').fill(parisInput(startsAt + 3_600_000));
  await hostPage.getByLabel('Address (shown only to guests who answer yes)').fill('2 rue Mercière, Lyon');
  await hostPage.getByLabel('Start from a kit').selectOption({ label: 'Starter kit (6 items)' });
  await hostPage.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(hostPage).toHaveURL(/\/host\/events\/\d+$/);
  const eventUrl = hostPage.url();
  await hydrated(hostPage, true);
  await hostPage.getByLabel('Guests, one per line').fill(guests.map((g) => `${g.name} <${g.email}>`).join('\n'));
  await hostPage.getByRole('button', { name: 'Add these guests' }).click();
  // The form is sent as a page (the guest list is not an island): the next
  // one is pressed on the page that comes back.
  await expect(hostPage.getByTestId('add-report')).toContainText('Added 3 guests.');
  await hostPage.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(hostPage.getByTestId('sent-note')).toHaveText('3 invitations on the way.');
  // Nothing paid yet: the whole first tier to go.
  const rewards = hostPage.getByTestId('rewards');
  await expect(rewards.getByTestId('reward-sales')).toContainText('€0.00');
  await expect(rewards.getByTestId('reward-headline')).toHaveText(/^€150\.00 more to reach the next reward/);

  // The first guest orders two items, asks to host, gets the confirmation
  // email and opens the tracking page; the two others order too.
  const first = await order(browser, guests[0].email, true);
  await expect.poll(async () => (await mailTo(guests[0].email)).subject, { timeout: 15_000 }).toBe('Your order from Rewards night');
  const confirmation = await mailTo(guests[0].email);
  const trackingPath = first.page.url().replace(/^.*\/o\//, '/o/');
  expect(confirmation.text).toContain(trackingPath);
  await first.close();
  // A guest's page open meanwhile shows the orders as they come, pushed by
  // the server (no reload, no polling).
  const watcher = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const watching = await watcher.newPage();
  const watchLink = (await mailTo(guests[2].email, 'invites you')).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  await watching.goto(watchLink!);
  await hydrated(watching, true);
  await expect(watching.getByTestId('guest-live')).toContainText('1 order');
  for (const g of guests.slice(1)) {
    const o = await order(browser, g.email, false);
    await o.close();
  }
  await expect(watching.getByTestId('guest-live')).toContainText('3 orders', { timeout: 5_000 });
  await watcher.close();
  await expect(rewards).toContainText('€210.00 of orders await payment', { timeout: 5_000 });

  // The brand admin marks the three orders paid, and ships the first.
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  for (const g of guests) {
    await page.goto('/brand/orders?status=placed');
    await page.getByRole('row', { name: new RegExp(g.name) }).getByRole('link').click();
    await expect(page.getByTestId('admin-order-status')).toHaveText('Placed');
    await hydrated(page, true);
    await page.getByLabel('New status').selectOption({ label: 'Paid' });
    await page.getByRole('button', { name: 'Save the status' }).click();
    await expect(page.getByTestId('admin-order-status')).toHaveText('Paid');
    if (g === guests[0]) {
      // The host's bar moves as payments come in, pushed by the server.
      await expect(rewards.getByTestId('reward-sales')).toContainText('€70.00', { timeout: 5_000 });
      await expect(rewards.getByTestId('reward-headline')).toHaveText(/^€80\.00 more to reach the next reward/);
      await page.getByLabel('New status').selectOption({ label: 'In preparation' });
      await page.getByRole('button', { name: 'Save the status' }).click();
      await expect(page.getByTestId('admin-order-status')).toHaveText('In preparation');
      await page.getByLabel('New status').selectOption({ label: 'Shipped' });
      await page.getByLabel('Carrier (when shipping)').fill('Colissimo');
      await page.getByLabel('Tracking number (when shipping)').fill('6A99887766554');
      await page.getByRole('button', { name: 'Save the status' }).click();
      await expect(page.getByTestId('admin-order-status')).toHaveText('Shipped');
    }
  }
  await expect(rewards.getByTestId('reward-sales')).toContainText('€210.00', { timeout: 5_000 });
  await expect(rewards.getByTestId('reward-buyers')).toContainText('3 buying guests · 3 needed');
  await expect(rewards.getByTestId('reward-tier')).toHaveText('Tier 1: €21.00 credit, 1 half-price item');
  await expect(rewards.getByTestId('reward-headline')).toHaveText(/^€40\.00 more to reach the next reward/);
  await hostPage.screenshot({ path: 'artifacts/host-rewards-progress.png', fullPage: true });

  // The guest's tracking page shows both steps and the parcel number.
  const again = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tracking = await again.newPage();
  await tracking.goto(trackingPath);
  await expect(tracking.getByTestId('order-status')).toHaveText('Shipped');
  await expect(tracking.getByTestId('delivery')).toHaveText('Delivery: to the host, for you to pick up.');
  const timeline = tracking.getByTestId('timeline');
  await expect(timeline).toContainText('Paid');
  await expect(timeline).toContainText('Colissimo, tracking number 6A99887766554');
  await again.close();

  // The brand approves the guest who asked to host: she sets her password
  // from the welcome email and lands on her host page.
  await page.getByRole('navigation', { name: 'Brand' }).getByRole('link', { name: 'Bookings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Booking requests');
  await hydrated(page, true);
  await page.getByRole('button', { name: `Approve ${guests[0].name} as a host` }).click();
  await expect(page.getByText('Done: the guest has been emailed.')).toBeVisible();
  await expect.poll(async () => (await mailTo(guests[0].email)).subject, { timeout: 15_000 }).toBe('Welcome to the Atelier Lumen hosts');
  const welcome = (await mailTo(guests[0].email)).text.match(/http:\/\/127\.0\.0\.1:\d+\/welcome\/[A-Za-z0-9_-]+/)?.[0];
  expect(welcome).toBeTruthy();
  const newHost = await browser.newContext();
  const newHostPage = await newHost.newPage();
  await newHostPage.goto(welcome!);
  await hydrated(newHostPage, true);
  await newHostPage.getByLabel('Your new password').fill('linden-harbour-2026');
  await newHostPage.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(newHostPage).toHaveURL(/\/host$/);
  await newHost.close();

  // Once the party has started the host closes it, after reading what
  // guests lose, and sees the final reward.
  const closeButton = hostPage.locator('summary', { hasText: 'Close the party now' });
  const wait = startsAt - Date.now() + 1_000;
  if (wait > 0) await hostPage.waitForTimeout(wait);
  await hostPage.goto(eventUrl);
  await expect(closeButton).toBeVisible();
  await hydrated(hostPage, true);
  await closeButton.click();
  await expect(rewards.getByTestId('consequence')).toContainText(/guests lose \d+ days? .*of ordering/);
  await expect(rewards.getByTestId('consequence')).toContainText('€21.00 credit and 1 half-price item');
  await hostPage.getByRole('button', { name: 'Yes, close the party' }).click();
  await expect(hostPage.getByTestId('closed-note')).toContainText('Credited: €21.00 credit and 1 half-price item.');
  await expect(rewards.getByTestId('reward-headline')).toHaveText('Final reward: tier 1, €21.00 credit and 1 half-price item');
  await hostPage.reload();
  await expect(hostPage.getByTestId('event-status')).toHaveText('Closed');
  await expect(closeButton).toHaveCount(0);

  // A guest's page now says the party is over and offers no cart.
  const late = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const latePage = await late.newPage();
  const guestLink = (await mailTo(guests[2].email, 'invites you')).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  await latePage.goto(guestLink!);
  await expect(latePage.getByTestId('party-over')).toContainText('This party is closed');
  await expect(latePage.getByRole('link', { name: 'Your cart and checkout' })).toHaveCount(0);
  await late.close();

  // The dashboard shows the credit to spend.
  await hostPage.goto('/host');
  await expect(hostPage.getByTestId('dashboard-credit')).toContainText('€21.00');
  await expect(hostPage.getByTestId('dashboard-credit')).toContainText('1 half-price item');
  await hostPage.goto(eventUrl);
  await hostPage.getByRole('link', { name: 'See and spend your credit' }).click();
  await expect(hostPage.getByRole('heading', { level: 1 })).toHaveText('Your credit');
  await expect(hostPage.getByTestId('credit-balance')).toHaveText('€21.00');
  await expect(hostPage.getByTestId('ledger')).toContainText('Reward of "Rewards night": Tier 1 reached');
  // The reward order shows its price live: half price on the dearest unit, then the credit.
  await hydrated(hostPage, true);
  await hostPage.getByLabel(/^Sea Salt Reed Diffuser/).fill('1');
  await expect(hostPage.getByTestId('reward-total')).toHaveText('€0.00');

  // On a phone: photos, a search, steppers, the total in view and the
  // address of the host's party already filled in.
  await hostPage.setViewportSize({ width: 390, height: 844 });
  await expect(hostPage.getByLabel('Send it to')).not.toHaveValue('');
  await hostPage.getByLabel('Find an item').fill('fig');
  const shown = hostPage.getByTestId('reward-item').filter({ visible: true });
  await expect.poll(() => shown.count()).toBeGreaterThan(1);
  for (const text of await shown.allTextContents()) expect(text).toMatch(/fig|Sea Salt Reed Diffuser/i);
  await hostPage.getByRole('button', { name: 'One Sea Salt Reed Diffuser more' }).click();
  await expect(hostPage.getByLabel(/^Sea Salt Reed Diffuser/)).toHaveValue('2');
  await expect(hostPage.getByTestId('reward-total')).not.toHaveText('€0.00');
  await hostPage.getByRole('button', { name: 'One Sea Salt Reed Diffuser less' }).click();
  await expect(hostPage.getByLabel(/^Sea Salt Reed Diffuser/)).toHaveValue('1');
  await expect(hostPage.getByTestId('reward-total')).toHaveText('€0.00');
  await hostPage.getByLabel('Find an item').scrollIntoViewIfNeeded();
  await expect(hostPage.getByTestId('reward-total')).toBeInViewport();
  await hostPage.getByLabel('Find an item').fill('zzz-nothing');
  await expect(hostPage.getByTestId('no-match')).toHaveText('No item matches “zzz-nothing”.');
  await hostPage.screenshot({ path: 'artifacts/host-credit.png', fullPage: true });
  expect(hostErrors).toEqual([]);
  await host.close();
});
