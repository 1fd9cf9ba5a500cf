import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors } from './pages';

test('on a phone the host jumps to the guests, pastes a mail-app list, and reorders items in one move', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: false });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const run = Date.now().toString(36);
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await page.goto('/host/events/new');
  await hydrated(page, true);
  const day = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Title').fill(`Sorting night ${run}`);
  await page.getByLabel('Starts').fill(`${day}T19:00`);
  await page.getByLabel('Ends').fill(`${day}T22:00`);
  await page.getByLabel('Address (shown only to guests who answer yes)').fill('1 rue Royale, Lyon');
  await page.getByLabel('Start from a kit').selectOption({ label: 'Starter kit (6 items)' });
  await page.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(page).toHaveURL(/\/host\/events\/\d+$/);
  await hydrated(page, true);

  // Before the party, the guests come first, and a jump link leads there.
  const jumps = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  await expect(jumps.first()).toHaveText('Guests');
  await jumps.first().click();
  await expect(page).toHaveURL(/#guests-title$/);
  const sections = await page.locator('article.event > section > h2').allTextContents();
  expect(sections.indexOf('Guests')).toBeLessThan(sections.indexOf('Featured items'));

  // A list as a mail app copies it; the box is emptied for the next one.
  const list = page.getByLabel('Guests, one per line');
  await list.fill(`Inès Caron <ines.${run}@example.com>; Jules Faure <jules.${run}@example.com>, x.${run}@example.com`);
  await page.getByRole('button', { name: 'Add these guests' }).click();
  await expect(page.getByTestId('add-report')).toContainText('Added 3 guests.');
  await expect(list).toHaveValue('');
  await page.getByLabel('Name', { exact: true }).fill('Lou Martin');
  await page.getByLabel('Email', { exact: true }).fill(`lou.${run}@example.com`);
  await page.getByRole('button', { name: 'Add the guest' }).click();
  await expect(page.getByTestId('add-report')).toContainText('Added 1 guest.');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');

  // The last item goes to the top in one click.
  const items = page.getByTestId('featured-item');
  await expect(items).toHaveCount(6);
  const names = async () => (await items.locator('.featured-name').allTextContents()).map((t) => t.trim());
  const before = await names();
  await page.getByRole('button', { name: `Move ${before[5]} to the top` }).click();
  await expect.poll(names).toEqual([before[5], ...before.slice(0, 5)]);

  // The keyboard way: focus a button and press Enter.
  const second = (await names())[1];
  await page.getByRole('button', { name: `Move ${second} up` }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await names())[0]).toBe(second);

  // Drag and drop: the fourth item dropped on the first takes its place.
  const now = await names();
  await items.nth(3).dragTo(items.nth(0));
  await expect.poll(names).toEqual([now[3], now[0], now[1], now[2], now[4], now[5]]);
  expect(errors).toEqual([]);
  await context.close();
});
