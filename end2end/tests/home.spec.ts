import { expect, test } from '@playwright/test';
import { hydrated, watchErrors } from './pages';

test('the home page loads, shows the demo brand and hydrates without errors', async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier Lumen');
  await expect(page.getByRole('heading', { name: 'From the collection' })).toBeVisible();
  await expect(page.locator('.item-card')).toHaveCount(8);
  await hydrated(page, true);

  // Links are plain links: each opens its page from the server.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  expect(errors).toEqual([]);
});

test('an unknown address shows the not-found page with status 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the home page reads well on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await hydrated(page, true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'artifacts/home-phone.png', fullPage: true });
});
