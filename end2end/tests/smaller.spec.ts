import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors } from './pages';

test('a visitor opens an item from the home page and learns how to order it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await hydrated(page, true);
  const card = page.getByTestId('item-card').first();
  const name = (await card.getByRole('heading').textContent())!.trim();
  await card.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Our items are ordered at a party')).toBeVisible();
  await expect(page.getByRole('link', { name: 'host a party yourself' })).toHaveAttribute('href', '/become-a-host');
  // An item off sale, or another number, is not found.
  expect((await page.goto('/items/999999'))?.status()).toBe(404);
  expect(errors).toEqual([]);
});

test('a new API key can be copied in one click', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  await page.getByRole('navigation', { name: 'Brand' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API keys');
  await hydrated(page, true);
  await page.getByLabel('Name').fill(`Metabase ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Create the key' }).click();
  const key = (await page.getByTestId('key-text').textContent())!.trim();
  expect(key.length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Copy the key' }).click();
  await expect(page.getByTestId('copied')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  expect(errors).toEqual([]);
  await context.close();
});
