import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors } from './pages';

// Runs twice: hydrated, and with JavaScript disabled. A host of the demo's
// history (parties closed with rewards) spends credit on a phone.

test('on a phone a host spends credit: photos, all mistakes at once, then the reward order', async ({ browser, javaScriptEnabled }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const login = new LoginPage(page);

  // The history's hosts: the two runs start from opposite ends, so each
  // finds credit left to spend.
  const hosts = [0, 1, 2, 3, 4, 5].map((n) => `host${n}@hosts.atelier-lumen.example`);
  if (!javaScriptEnabled) hosts.reverse();
  let found = false;
  for (const email of hosts) {
    await login.open(javaScriptEnabled);
    await login.signIn(email, demo.host.password);
    await expect(page).toHaveURL(/\/host$/);
    await page.goto('/host/credit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your credit');
    if (await page.getByRole('button', { name: 'Place my reward order' }).count()) {
      found = true;
      break;
    }
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  }
  expect(found, 'a history host has credit to spend').toBe(true);
  await hydrated(page, javaScriptEnabled);

  const items = page.getByTestId('reward-item');
  await expect(items.first().locator('img, svg')).toHaveCount(1);
  // The address of the host's last party is filled in.
  const address = page.getByLabel('Send it to');
  await expect(address).not.toHaveValue('');
  // The search, the steppers and the live total need JavaScript; without
  // it the page says when the total is worked out.
  const steppers = page.getByRole('button', { name: /^One .+ more$/ });
  if (javaScriptEnabled) {
    await expect(page.getByLabel('Find an item')).toBeVisible();
    await expect.poll(() => steppers.count()).toBeGreaterThan(1);
    await expect(page.getByTestId('total-later')).toBeHidden();
  } else {
    await expect(page.getByLabel('Find an item')).toHaveCount(0);
    await expect(steppers).toHaveCount(0);
    await expect(page.getByTestId('total-later')).toBeVisible();
    await expect(page.getByTestId('reward-totals')).toBeHidden();
  }

  // Nothing chosen and no address: both mistakes at once.
  await address.fill('');
  await page.getByRole('button', { name: 'Place my reward order' }).click();
  await expect(page.getByText('Choose at least one item for your order.')).toBeVisible();
  await expect(page.locator('#address-error')).toContainText('Give the address');
  await hydrated(page, javaScriptEnabled);

  // One item and an address: the order is placed and its page opens.
  await items.first().getByRole('spinbutton').fill('1');
  await page.getByLabel('Send it to').fill('12 rue des Lilas, 69003 Lyon');
  await page.getByRole('button', { name: 'Place my reward order' }).click();
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(page.getByText('12 rue des Lilas, 69003 Lyon')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
