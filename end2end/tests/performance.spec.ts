import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import { demo, hydrated, LoginPage, mailTo, watchErrors } from './pages';

const run = Date.now().toString(36);
const fan = { name: 'Zoé Marchand', email: `zoe.${run}@example.com`, password: `amber-harbour-${run}` };

test('a fan applies, the brand approves, the fan sets a password and signs in as a host', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Become a host' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Become a host');
  await hydrated(page, true);
  // An empty form shows every mistake at once, each next to its field.
  await page.getByRole('button', { name: 'Send my application' }).click();
  for (const field of ['name', 'email', 'city', 'motivation']) {
    await expect(page.locator(`#${field}-error`)).toBeVisible();
  }
  await page.getByLabel('Your name').fill(fan.name);
  await page.getByLabel('Email').fill('zoe@');
  await page.getByLabel('City').fill('Bordeaux');
  await page.getByLabel('Why you love the brand').fill('Your linen napkins made my sister’s wedding dinner.');
  await page.getByRole('button', { name: 'Send my application' }).click();
  // The mistake is shown next to its field; the rest stays typed.
  await expect(page.locator('#email-error')).toContainText('Enter an email address');
  await expect(page.getByLabel('City')).toHaveValue('Bordeaux');
  await page.getByLabel('Email').fill(fan.email);
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByTestId('applied')).toContainText('Thank you');
  expect((await mailTo(fan.email, 'Your application')).text).toContain('Thank you for applying');

  // The brand admin approves it.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const login = new LoginPage(adminPage);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(adminPage).toHaveURL(/\/brand$/);
  await adminPage.getByRole('link', { name: 'Hosts', exact: true }).click();
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Hosts');
  await hydrated(adminPage, true);
  await expect(adminPage.getByTestId('applications')).toContainText('Your linen napkins');
  await adminPage.getByRole('button', { name: `Approve ${fan.name} as a host` }).click();
  await expect(adminPage.getByRole('status').filter({ hasText: 'the fan has been emailed' })).toBeVisible();
  await expect(adminPage.getByTestId('hosts')).toContainText(fan.name);
  await expect(adminPage.getByRole('navigation', { name: 'Brand' }).getByRole('link', { name: 'API keys' })).toBeVisible();
  // Inviting a fan with a mistyped email marks that field, and the note of
  // the approval above is not taken for this form's.
  await adminPage.getByLabel('Name', { exact: true }).fill('Yann Petit');
  await adminPage.getByLabel('Email', { exact: true }).fill('yann@');
  await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(adminPage.locator('#invite-email-error')).toContainText('Enter an email address');
  await expect(adminPage.getByTestId('invited')).toHaveCount(0);
  // The approval's "Done" note is gone: only the form used last speaks.
  await expect(adminPage.getByRole('status').filter({ hasText: 'the fan has been emailed' })).toHaveCount(0);
  await admin.close();

  // The welcome mail's link sets the password, once, and signs the fan in.
  const mail = await mailTo(fan.email, 'Welcome');
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/welcome\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await hydrated(page, true);
  await page.getByLabel('Your new password').fill(fan.password);
  await page.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(page).toHaveURL(/\/host$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(fan.name);
  await page.getByRole('link', { name: 'Your results' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
  await expect(page.getByTestId('rank-band')).toContainText('Hold a party');
  expect(errors).toEqual([]);
});

test('the brand dashboard shows tiles, charts and a sortable leaderboard; a CSV export downloads', async ({ page }) => {
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  // The demo's last four months.
  await page.goto('/brand?period=quarter');
  await hydrated(page, true);
  const tiles = page.getByTestId('kpis');
  await expect(tiles.locator('li')).toHaveCount(10);
  await expect(tiles.locator('[data-kpi="events"] .tile-value')).not.toHaveText('0');
  await expect(tiles.locator('[data-kpi="revenue"] .tile-value')).toContainText('€');
  await expect(page.getByTestId('revenue-chart').locator('svg rect.chart-bar').first()).toBeAttached();
  await expect(page.getByTestId('funnel').getByRole('table')).toContainText('Invited');

  // The leaderboard sorts by each measure; hosts link to their pages.
  const board = page.getByTestId('leaderboard');
  const revenueCells = board.locator('tbody tr td:nth-child(3)');
  const revenues = (await revenueCells.allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, '')));
  expect(revenues.length).toBeGreaterThan(2);
  expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
  await board.getByRole('link', { name: 'Parties' }).click();
  await expect(page).toHaveURL(/sort=events/);
  await expect(page.getByTestId('leaderboard').locator('th[aria-sort="descending"]')).toContainText('Parties');
  const parties = (await page.getByTestId('leaderboard').locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
  expect([...parties].sort((a, b) => b - a)).toEqual(parties);

  fs.mkdirSync('artifacts', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'artifacts/dashboard-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'artifacts/dashboard-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A host's page, then one of their party reports.
  const first = page.getByTestId('leaderboard').locator('tbody tr').first().getByRole('link');
  const hostName = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostName);
  await expect(page.getByTestId('host-funnel')).toBeVisible();

  // The orders export downloads with its header row, with a progress note.
  await page.goto('/brand/exports?period=quarter');
  await hydrated(page, true);
  const row = page.getByTestId('export-orders');
  const download = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Download orders.csv' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^soiree-orders-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    'order_id,placed_at,status,kind,event_id,event_title,host_id,host_name,customer_name,customer_email,delivery,merchandise_cents,merchandise,shipping_cents,shipping,discount_cents,discount,total_cents,total,currency',
  );
  expect(text.split('\r\n').length).toBeGreaterThan(10);
  await expect(row.getByTestId('export-done')).toContainText('rows downloaded');
  expect(errors).toEqual([]);
});
