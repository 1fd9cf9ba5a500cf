import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demo, hydrated, inviteGuest, LoginPage, mailTo, putInCart, scheduleParty, watchErrors } from './pages';

// The brand offers a prize on a party; the party's page shows the
// commitment; the host draws on the presentation screen; the winner is
// mailed and anyone can check the drawing from the party's page.

type Browser = import('@playwright/test').Browser;
type Page = import('@playwright/test').Page;

// The host schedules a party and invites a guest, who says yes on their
// phone. Returns the party's page, the guest's link and the guest.
async function partyWithAYes(page: Page, browser: Browser, javaScriptEnabled: boolean, run: string, title: string) {
  const guest = { name: 'Nina Perret', email: `nina.${run}@example.com` };
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await scheduleParty(page, javaScriptEnabled, { title, days: 2, address: '3 rue Royale, Lyon', kit: 'Starter kit (6 items)' });
  const eventUrl = page.url();
  await inviteGuest(page, javaScriptEnabled, guest);
  const link = (await mailTo(guest.email, 'invites you')).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guestPage = await phone.newPage();
  await guestPage.goto(link);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel("Yes, I'll be there").check();
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.getByTestId('invitation-answer')).toHaveText('Yes');
  await phone.close();
  return { eventUrl, link, guest };
}

// The brand admin offers a prize at the party `title`: `choose` fills the
// prize's fields.
async function offerPrize(browser: Browser, javaScriptEnabled: boolean, title: string, choose: (admin: Page) => Promise<void>) {
  const brand = await browser.newContext({ javaScriptEnabled });
  const admin = await brand.newPage();
  const adminLogin = new LoginPage(admin);
  await adminLogin.open(javaScriptEnabled);
  await adminLogin.signIn(demo.admin.email, demo.admin.password);
  await admin.goto('/brand/draws');
  await hydrated(admin, javaScriptEnabled);
  await choose(admin);
  await admin.getByLabel('Party', { exact: true }).selectOption({ label: title });
  await admin.getByRole('button', { name: 'Offer the prize' }).click();
  await expect(admin.getByTestId('prize-offers')).toContainText(title);
  await brand.close();
}

// The host draws on the presentation screen: Nina wins.
async function drawOnScreen(page: Page, javaScriptEnabled: boolean, eventUrl: string) {
  await page.goto(`${eventUrl}/present`);
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Draw the winner' }).click();
  await expect(page.getByTestId('draw-winner')).toHaveText('Nina P.');
}

test('a prize drawn on the presentation screen, the winner mailed, the drawing checkable', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const title = `Lucky night ${run}`;
  const errors = watchErrors(page);
  const { eventUrl, guest } = await partyWithAYes(page, browser, javaScriptEnabled, run, title);

  // The brand offers a candle at this party, to those who said yes.
  await offerPrize(browser, javaScriptEnabled, title, async (admin) => {
    await admin.getByLabel('Prize', { exact: true }).selectOption({ label: 'Fig Leaf Candle' });
  });

  // The party's page shows the commitment; the host draws on the screen.
  await page.goto(eventUrl);
  const commitment = (await page.getByTestId('draw-commitment').textContent())!.trim();
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  await drawOnScreen(page, javaScriptEnabled, eventUrl);
  await page.screenshot({ path: `artifacts/draw-on-screen-${javaScriptEnabled ? 'js' : 'no-js'}.png` });
  const won = await mailTo(guest.email, 'You won the drawing');
  expect(won.text).toContain('Fig Leaf Candle');

  // Anyone can check: the seed matches the commitment.
  await page.goto(eventUrl);
  await expect(page.getByTestId('draw-winner')).toHaveText('Won by Nina P.');
  const seed = (await page.getByTestId('draw-seed').textContent())!.trim();
  expect(createHash('sha256').update(seed).digest('hex')).toBe(commitment);
  expect(errors).toEqual([]);
});

test('credit won at the drawing pays part of the winner\'s order', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}c`;
  const title = `Credit night ${run}`;
  const errors = watchErrors(page);
  const { eventUrl, link, guest } = await partyWithAYes(page, browser, javaScriptEnabled, run, title);

  // The brand offers 10 € of credit; a mistake first, kept and explained.
  await offerPrize(browser, javaScriptEnabled, title, async (admin) => {
    await admin.getByLabel('Credit on the winner\'s next orders').check();
    await admin.getByLabel('Credit to win').fill('ten');
    await admin.getByLabel('Party', { exact: true }).selectOption({ label: title });
    await admin.getByRole('button', { name: 'Offer the prize' }).click();
    await expect(admin.getByLabel('Credit to win')).toHaveValue('ten');
    await expect(admin.getByText(/Give an amount of credit between 0\.01 and/)).toBeVisible();
    await admin.getByLabel('Credit to win').fill('10');
  });
  await drawOnScreen(page, javaScriptEnabled, eventUrl);
  const won = await mailTo(guest.email, 'You won the drawing');
  expect(won.text).toContain('€10.00 of credit');

  // Nina's cart takes it off; her order shows it.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guestPage = await phone.newPage();
  const guestErrors = watchErrors(guestPage);
  await putInCart(guestPage, javaScriptEnabled, link, 'Fig Leaf Candle');
  await expect(guestPage.getByTestId('cart-credit')).toHaveText('€10.00');
  await guestPage.getByLabel(/To the host, to pick up/).check();
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(guestPage.getByTestId('order-credit')).toHaveText('−€10.00');
  await expect(guestPage.getByText('Prize credit', { exact: true })).toBeVisible();
  await phone.close();
  expect(errors).toEqual([]);
  expect(guestErrors).toEqual([]);
});
