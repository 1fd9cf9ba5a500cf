import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors, scheduleParty } from './pages';

// Runs twice: hydrated, and with JavaScript disabled (plain form posts; the
// reports come back with the page). Drag and drop needs JavaScript.

test('on a phone the host jumps to the guests, pastes a mail-app list, and reorders items in one move', async ({ browser, javaScriptEnabled }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: false, javaScriptEnabled });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await scheduleParty(page, javaScriptEnabled, { title: `Sorting night ${run}`, days: 15, address: '1 rue Royale, Lyon', kit: 'Starter kit (6 items)' });

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
  await hydrated(page, javaScriptEnabled);

  // "Add a guest" marks every mistake next to its field and keeps what was typed.
  await page.getByLabel('Name', { exact: true }).fill('L'.repeat(150));
  await page.getByLabel('Email', { exact: true }).fill('lou-at-example');
  await page.getByRole('button', { name: 'Add the guest' }).click();
  await expect(page.locator('#guest-name-error')).toContainText('Keep the name under');
  await expect(page.locator('#guest-email-error')).toContainText('Enter an email address like');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('lou-at-example');
  // The list's report from before is gone: only the form used last speaks.
  await expect(page.getByTestId('add-report')).toHaveCount(0);
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Name', { exact: true }).fill('Lou Martin');
  await page.getByLabel('Email', { exact: true }).fill(`lou.${run}@example.com`);
  await page.getByRole('button', { name: 'Add the guest' }).click();
  await expect(page.getByTestId('add-report')).toContainText('Added 1 guest.');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.locator('#guest-email-error')).toHaveCount(0);
  await hydrated(page, javaScriptEnabled);

  // The last item goes to the top in one click.
  const items = page.getByTestId('featured-item');
  await expect(items).toHaveCount(6);
  // Read again until it holds; without JavaScript a read may meet the next page loading.
  const names = async () => {
    try {
      return (await items.locator('.featured-name').allTextContents()).map((t) => t.trim());
    } catch {
      return [];
    }
  };
  const before = await names();
  await page.getByRole('button', { name: `Move ${before[5]} to the top` }).click();
  await expect.poll(names).toEqual([before[5], ...before.slice(0, 5)]);
  await hydrated(page, javaScriptEnabled);

  // The keyboard way: focus a button and press Enter.
  const second = (await names())[1];
  await page.getByRole('button', { name: `Move ${second} up` }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await names())[0]).toBe(second);
  if (!javaScriptEnabled) {
    // Without JavaScript the items are not draggable: the buttons do it all.
    await expect(items.first()).not.toHaveAttribute('draggable', 'true');
    expect(errors).toEqual([]);
    await context.close();
    return;
  }
  await hydrated(page, javaScriptEnabled);

  // Drag and drop: the fourth item dropped on the first takes its place.
  const now = await names();
  // As a person would, with the first and the fourth item both on screen.
  await items.first().scrollIntoViewIfNeeded();
  await items.nth(3).dragTo(items.nth(0));
  await expect.poll(names).toEqual([now[3], now[0], now[1], now[2], now[4], now[5]]);
  expect(errors).toEqual([]);
  await context.close();
});
