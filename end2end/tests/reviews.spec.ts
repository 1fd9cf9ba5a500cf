import { expect, test } from '@playwright/test';
import { demo, hydrated, inviteGuest, LoginPage, mailTo, noSidewaysScroll, putInCart, scheduleParty, watchErrors } from './pages';

// A buyer reviews what they received from the order's page on a phone; the
// brand answers and publishes it; the review shows on the item's page.
// Runs twice: hydrated, and without JavaScript.

test('a buyer’s review, published by the brand, shows on the item’s page', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const guest = { name: 'Inès Robert', email: `ines.${run}@example.com` };
  const comment = `The fig scent fills the room (${run}).`;
  const errors = watchErrors(page);

  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await scheduleParty(page, javaScriptEnabled, { title: `Scented evening ${run}`, days: 2, address: '2 rue Mercière, Lyon', kit: 'Starter kit (6 items)' });
  await inviteGuest(page, javaScriptEnabled, guest);

  // The guest orders a candle, to pick up at the host's.
  const link = (await mailTo(guest.email, 'invites you')).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const buyer = await phone.newPage();
  const buyerErrors = watchErrors(buyer);
  const itemUrl = await putInCart(buyer, javaScriptEnabled, link, 'Fig Leaf Candle');
  await buyer.getByLabel(/To the host, to pick up/).check();
  await buyer.getByRole('button', { name: 'Place the order' }).click();
  await expect(buyer).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  const tracking = buyer.url();
  // Before delivery there is nothing to review.
  await expect(buyer.getByRole('link', { name: 'Review your items' })).toHaveCount(0);

  // The brand delivers it.
  const brand = await browser.newContext({ javaScriptEnabled });
  const admin = await brand.newPage();
  const adminErrors = watchErrors(admin);
  const adminLogin = new LoginPage(admin);
  await adminLogin.open(javaScriptEnabled);
  await adminLogin.signIn(demo.admin.email, demo.admin.password);
  await admin.goto(`/brand/orders?search=${encodeURIComponent(guest.email)}`);
  await admin.locator('tbody tr').first().getByRole('link').first().click();
  await expect(admin).toHaveURL(/\/brand\/orders\/\d+$/);
  for (const step of ['Paid', 'In preparation', 'Shipped', 'Delivered']) {
    await hydrated(admin, javaScriptEnabled);
    await admin.getByLabel('New status').selectOption({ label: step });
    if (step === 'Shipped') {
      await admin.getByLabel('Carrier (when shipping)').fill('Colissimo');
      await admin.getByLabel('Tracking number (when shipping)').fill('6A0042');
    }
    await admin.getByRole('button', { name: 'Save the status' }).click();
    await expect(admin.getByTestId('admin-order-status')).toHaveText(step);
  }

  // The buyer rates it from their order's page: a mistake first.
  await buyer.goto(tracking);
  await buyer.getByRole('link', { name: 'Review your items' }).click();
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('Review your items');
  const form = buyer.locator('section').filter({ hasText: 'Fig Leaf Candle' });
  await form.getByLabel('Your comment').fill(comment);
  await form.getByRole('button', { name: 'Send my review' }).click();
  await expect(buyer.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await expect(form.getByLabel('Your comment')).toHaveValue(comment);
  await form.getByLabel('4 stars out of 5').check();
  await form.getByRole('button', { name: 'Send my review' }).click();
  await expect(buyer.getByTestId('my-review-state')).toHaveText('Sent: the brand reads it before publishing it.');
  await noSidewaysScroll(buyer);
  await buyer.screenshot({ path: `artifacts/review-sent-${javaScriptEnabled ? 'js' : 'no-js'}.png`, fullPage: true });

  // The brand answers and publishes it.
  await admin.goto('/brand/reviews');
  await hydrated(admin, javaScriptEnabled);
  const entry = admin.getByTestId('moderation-entry').filter({ hasText: comment });
  await entry.getByLabel('Your answer (shown under it)').fill('Thank you, Inès!');
  await entry.getByRole('button', { name: 'Save the answer' }).click();
  await expect(entry.getByLabel('Your answer (shown under it)')).toHaveValue('Thank you, Inès!');
  await hydrated(admin, javaScriptEnabled);
  await entry.getByRole('button', { name: 'Publish' }).click();
  await expect(entry).toHaveCount(0);
  await admin.goto('/brand/reviews?state=published');
  await expect(admin.getByTestId('moderation-entry').filter({ hasText: comment })).toHaveCount(1);
  await brand.close();

  // On the item's page: the review, its stars, the brand's answer.
  await buyer.goto(itemUrl);
  const review = buyer.getByTestId('review').filter({ hasText: comment });
  await expect(review).toContainText('Inès R.');
  await expect(review).toContainText('4 stars out of 5');
  await expect(review).toContainText('Thank you, Inès!');
  await expect(buyer.getByTestId('rating')).toContainText(/★ \d\.\d \(\d+\)/);
  await noSidewaysScroll(buyer);
  await buyer.getByTestId('item-reviews').screenshot({ path: `artifacts/item-reviews-${javaScriptEnabled ? 'js' : 'no-js'}.png` });
  await phone.close();
  expect(errors).toEqual([]);
  expect(buyerErrors).toEqual([]);
  expect(adminErrors).toEqual([]);
});
