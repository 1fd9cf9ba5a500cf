import { expect, test } from '@playwright/test';
import { demo, hydrated, inviteGuest, LoginPage, mailTo, noSidewaysScroll, putInCart, scheduleParty, watchErrors } from './pages';

// Orders around a party, on a phone: a guest changes their mind from the
// tracking page and the host's bar follows. Runs twice: hydrated, and
// without JavaScript.

test.use({ viewport: { width: 360, height: 780 }, isMobile: true });

test('a guest lowers an order from its tracking page and the host’s bar follows', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const guest = { name: 'Hugo Marchal', email: `hugo.${run}@example.com` };
  const errors = watchErrors(page);

  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await scheduleParty(page, javaScriptEnabled, { title: `Second thoughts ${run}`, days: 3, address: '4 rue Neuve, Lyon', kit: 'Starter kit (6 items)' });
  const eventUrl = page.url();
  await inviteGuest(page, javaScriptEnabled, guest);

  // The guest orders two candles for pickup at the host's.
  const link = (await mailTo(guest.email, 'invites you')).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guestPage = await phone.newPage();
  const guestErrors = watchErrors(guestPage);
  await guestPage.goto(link);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByTestId('item-card').filter({ hasText: 'Fig Leaf Candle' }).getByRole('link', { name: 'Fig Leaf Candle' }).click();
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Fig Leaf Candle');
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel('Quantity').selectOption('2');
  await guestPage.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guestPage.getByTestId('added')).toContainText('In your cart');
  await guestPage.goto(`${link}/cart`);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel(/To the host, to pick up/).check();
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  const before = (await guestPage.getByTestId('order-total').textContent())!;
  const rewards = page.getByTestId('rewards');
  await page.goto(eventUrl);
  await expect(rewards).toContainText(`${before} of orders await payment`);

  // Second thoughts: one candle only.
  await hydrated(guestPage, javaScriptEnabled);
  const change = guestPage.getByTestId('order-change');
  await expect(change.getByRole('heading', { name: 'Change your order' })).toBeVisible();
  await change.getByLabel('Quantity of Fig Leaf Candle').selectOption('1');
  await change.getByRole('button', { name: 'Update' }).click();
  await expect(guestPage.getByTestId('timeline')).toContainText('Fig Leaf Candle: 2 → 1.');
  const after = (await guestPage.getByTestId('order-total').textContent())!;
  const cents = (s: string) => Math.round(Number(s.replace(/[^0-9.]/g, '')) * 100);
  expect(cents(after) * 2).toBe(cents(before));
  await noSidewaysScroll(guestPage);
  await change.screenshot({ path: `artifacts/order-change-${javaScriptEnabled ? 'js' : 'no-js'}.png` });
  expect((await mailTo(guest.email, 'was changed')).text).toContain('Fig Leaf Candle: 2 → 1.');

  // The host's bar follows: pushed to a hydrated page, or on the next visit.
  if (!javaScriptEnabled) await page.goto(eventUrl);
  await expect(rewards).toContainText(`${after} of orders await payment`, { timeout: 5_000 });

  await phone.close();
  expect(errors).toEqual([]);
  expect(guestErrors).toEqual([]);
});

test('a friend orders from the host’s link, and the host orders for an absent friend', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  const title = `Friends of friends ${run}`;
  await scheduleParty(page, javaScriptEnabled, { title, days: 4, address: '9 quai Saint-Vincent, Lyon', kit: 'Starter kit (6 items)' });
  const eventUrl = page.url();
  await expect(page.getByRole('heading', { name: 'Your “order from my party” link' })).toBeVisible();
  if (await page.getByRole('button', { name: 'Turn the share link on' }).count()) {
    await page.getByRole('button', { name: 'Turn the share link on' }).click();
    await hydrated(page, javaScriptEnabled);
  }
  await expect(page.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  const share = new URL((await page.getByTestId('share-url').textContent())!.trim()).pathname;

  // A friend of the host orders from the link, without answering anything.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const friend = await phone.newPage();
  const friendErrors = watchErrors(friend);
  await putInCart(friend, javaScriptEnabled, share, 'Fig Leaf Candle');
  await friend.getByLabel('Your name').fill('Jade Morel');
  await friend.getByLabel('Your email').fill(`jade.${run}@example.com`);
  await friend.getByLabel(/To the host, to pick up/).check();
  await friend.getByRole('button', { name: 'Place the order' }).click();
  await expect(friend).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  const total = (await friend.getByTestId('order-total').textContent())!;
  await phone.close();
  await page.goto(eventUrl);
  await expect(page.getByTestId('rewards')).toContainText(`${total} of orders await payment`);

  // The host orders for a friend who cannot come: mistakes first, then the order.
  await hydrated(page, javaScriptEnabled);
  const section = page.locator('section.friend-order');
  await section.getByLabel("Your friend's email").fill('kim-at-example');
  await section.getByRole('button', { name: 'Place the order and email my friend' }).click();
  await expect(section.getByText('Choose at least one item.')).toBeVisible();
  await expect(section.getByLabel("Your friend's email")).toHaveValue('kim-at-example');
  await hydrated(page, javaScriptEnabled);
  await section.getByLabel("Your friend's name").fill('Kim Laurent');
  await section.getByLabel("Your friend's email").fill(`kim.${run}@example.com`);
  await section.getByLabel(/^Fig Leaf Candle/).selectOption('1');
  await section.getByRole('button', { name: 'Place the order and email my friend' }).click();
  await expect(page.getByTestId('friend-order-placed')).toBeVisible();
  await section.screenshot({ path: `artifacts/friend-order-${javaScriptEnabled ? 'js' : 'no-js'}.png` });
  const mail = await mailTo(`kim.${run}@example.com`, 'Hugo ordered for you');
  expect(mail.text).toContain('placed this order for you');
  expect(mail.text).toMatch(/\/o\/[A-Za-z0-9_-]+/);
  await noSidewaysScroll(page);
  expect(errors).toEqual([]);
  expect(friendErrors).toEqual([]);
});

test('a co-host invites guests and presents; only the host edits', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  const title = `Two hosts ${run}`;
  await scheduleParty(page, javaScriptEnabled, { title, days: 5, address: '1 place Bellecour, Lyon', kit: 'Starter kit (6 items)' });
  const eventUrl = page.url();
  // The co-host is new to the brand: added by name and email, they get an
  // account and a link to set a password.
  const newcomer = { name: 'Rose Dumas', email: `rose.${run}@example.com`, password: 'cohost-pass-2026' };
  const cohosts = page.locator('section.cohosts');
  await cohosts.getByLabel("Co-host's email").fill(newcomer.email);
  await cohosts.getByRole('button', { name: 'Add the co-host' }).click();
  await expect(cohosts.locator('#cohost-name-error')).toContainText("Give the co-host's name");
  await expect(cohosts.getByLabel("Co-host's email")).toHaveValue(newcomer.email);
  await hydrated(page, javaScriptEnabled);
  await cohosts.getByLabel("Co-host's name (for someone new to the brand)").fill(newcomer.name);
  await cohosts.getByRole('button', { name: 'Add the co-host' }).click();
  await expect(page.getByTestId('cohost-added')).toContainText(newcomer.name);
  await expect(page.getByTestId('cohosts')).toContainText(newcomer.email);
  await mailTo(newcomer.email, `Hugo Bernard asks you to co-host ${title}`);

  // The co-host sets a password from the welcome mail, finds the party and
  // invites a guest.
  const welcome = (await mailTo(newcomer.email, 'Welcome')).text.match(/http:\/\/127\.0\.0\.1:\d+\/welcome\/[A-Za-z0-9_-]+/)![0];
  const other = await browser.newContext({ javaScriptEnabled });
  const cohost = await other.newPage();
  const cohostErrors = watchErrors(cohost);
  await cohost.goto(welcome);
  await hydrated(cohost, javaScriptEnabled);
  await cohost.getByLabel('Your new password').fill(newcomer.password);
  await cohost.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(cohost).toHaveURL(/\/host$/);
  await cohost.getByRole('link', { name: title }).first().click();
  await expect(cohost).toHaveURL(eventUrl);
  await expect(cohost.locator('section.cohosts')).toContainText('You co-host this party with Hugo Bernard');
  await expect(cohost.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await hydrated(cohost, javaScriptEnabled);
  const guest = `lou.${run}@example.com`;
  await cohost.getByLabel('Guests, one per line').fill(`Lou Garnier <${guest}>`);
  await cohost.getByRole('button', { name: 'Add these guests' }).click();
  await expect(cohost.getByRole('cell', { name: guest })).toBeVisible();
  await hydrated(cohost, javaScriptEnabled);
  await cohost.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(cohost.getByText('not invited yet')).toHaveCount(0);
  await mailTo(guest, 'invites you');

  // And presents.
  await cohost.goto(`${eventUrl}/present`);
  await hydrated(cohost, javaScriptEnabled);
  await expect(cohost.getByTestId('presentation')).toBeVisible();
  await other.close();
  expect(errors).toEqual([]);
  expect(cohostErrors).toEqual([]);
});
