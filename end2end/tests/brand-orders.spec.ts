import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors } from './pages';

// Runs twice at phone size: hydrated, and with JavaScript disabled (the
// summary comes back with the page).

test.use({ viewport: { width: 390, height: 844 }, isMobile: true });

test('the brand marks ticked orders paid at once, finds a customer, and tells parties apart', async ({ page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  // The funnel says why its last step and the "Buying guests" tile differ.
  await expect(page.getByTestId('funnel-note')).toContainText('The funnel follows invited guests');

  await page.goto('/brand/orders?status=placed');
  await hydrated(page, javaScriptEnabled);
  // Nothing ticked: the mistake is named where it is.
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#bulk-ids-error')).toHaveText('Tick the orders to change first.');
  await hydrated(page, javaScriptEnabled);
  const rows = page.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  const first = (await rows.nth(0).locator('td').nth(1).textContent())!.trim();
  const third = (await rows.nth(2).locator('td').nth(1).textContent())!.trim();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await page.getByLabel('Change the ticked orders to').selectOption({ label: 'Paid' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('bulk-report')).toHaveText('2 orders marked paid.');
  // The list (placed orders) no longer holds them.
  await expect(page.getByRole('link', { name: first, exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: third, exact: true })).toHaveCount(0);

  // Search by a customer's name.
  await page.goto('/brand/orders');
  const name = (await page.locator('tbody tr').first().locator('td').nth(3).textContent())!.split('@')[0].trim().split(/\s+/)[0];
  await page.getByLabel('Customer name or email').fill(name);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(name)}`));
  for (const text of await page.locator('tbody tr td:nth-child(4)').allTextContents()) {
    expect(text.toLowerCase()).toContain(name.toLowerCase());
  }
  // The party filter shows each party's date and host.
  const option = (await page.getByLabel('Party').locator('option').nth(1).textContent())!;
  expect(option).toMatch(/ · \d{1,2} \w{3} \d{4} · /);
  expect(errors).toEqual([]);
});
