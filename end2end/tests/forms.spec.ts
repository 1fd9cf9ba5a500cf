import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, watchErrors } from './pages';

// Runs twice: hydrated, and with JavaScript disabled (plain form posts).

test('the demo host signs in, sees the host dashboard and signs out', async ({ page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);

  await login.signIn(demo.host.email, demo.host.password);

  await expect(page).toHaveURL(/\/host$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your parties');
  await expect(page.getByTestId('signed-in-as')).toHaveText(demo.host.name);
  await expect(page.getByRole('heading', { name: 'No parties yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The session is over on the server: the dashboard sends us to sign in.
  await page.goto('/host');
  await expect(page).toHaveURL(/\/login\?next=\/host$/);
  expect(errors).toEqual([]);
});

test('a forgotten password is chosen again through a link by mail', async ({ page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  // One of the demo's history hosts, a different one per run: nobody else signs in with them.
  const email = `host${javaScriptEnabled ? 0 : 1}@hosts.atelier-lumen.example`;
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot$/);
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByTestId('reset-sent')).toContainText('a link to choose a new password is on its way');

  const link = (await mailTo(email, 'Choose a new password')).text.match(/http:\/\/127\.0\.0\.1:\d+\/reset\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await hydrated(page, javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await page.getByLabel('Your new password').fill('motdepasse123');
  await page.getByRole('button', { name: 'Save my new password and sign in' }).click();
  await expect(page.getByText('This password is one of the most common ones')).toBeVisible();
  await page.getByLabel('Your new password').fill('quiet-orchard-2027');
  await page.getByRole('button', { name: 'Save my new password and sign in' }).click();
  await expect(page).toHaveURL(/\/host$/);

  // Signed out on every device, this one included.
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/host');
  await expect(page).toHaveURL(/\/login\?next=\/host$/);
  expect(errors).toEqual([]);
});

test('a wrong password shows the error next to the form and keeps the email', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);

  await login.signIn(demo.host.email, 'not-my-password');

  await expect(login.error()).toHaveText('That email and password do not match. Check them and try again.');
  await expect(page.getByLabel('Email')).toHaveValue(demo.host.email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
});

test('a host is refused the brand dashboard', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);

  const response = await page.goto('/brand');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('does not have access');
});

test('the brand admin signs in to the brand dashboard', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await page.goto('/login?next=/brand');
  await hydrated(page, javaScriptEnabled);
  await login.signIn(demo.admin.email, demo.admin.password);

  await expect(page).toHaveURL(/\/brand$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brand dashboard');
  // The performance tiles and the leaderboard, rendered on the server. The
  // default period is the brand's current month, which may have no party
  // yet (just after midnight on the 1st): the last 90 days always do.
  await expect(page.getByTestId('kpis').locator('li')).toHaveCount(10);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/brand?period=custom&from=${day(-90)}&to=${day(0)}`);
  await expect(page.getByTestId('leaderboard')).toBeVisible();
});

test('a mistake in the event form keeps what was typed, and out of the address', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await page.goto('/host/events/new');
  await hydrated(page, javaScriptEnabled);
  const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Title').fill('Never saved party');
  await page.getByLabel('Starts').fill(`${day}T19:00`);
  await page.getByLabel('Ends').fill(`${day}T18:00`);
  await page.getByLabel('Address (shown only to guests who answer yes)').fill('9 quai du Rhône, Lyon');
  await page.getByRole('button', { name: 'Schedule the party' }).click();

  await expect(page.locator('#ends_at-error')).toHaveText('The end must come after the start.');
  await expect(page.getByLabel('Title')).toHaveValue('Never saved party');
  await expect(page.getByLabel('Address (shown only to guests who answer yes)')).toHaveValue('9 quai du Rhône, Lyon');
  await expect(page.getByLabel('Starts')).toHaveValue(`${day}T19:00`);
  // Without JavaScript the page comes back from the post: what was typed
  // rides in a short-lived cookie, never in the address.
  expect(page.url()).not.toContain('__err');
  expect(page.url()).toMatch(/\/host\/events\/new$/);
  // Reloading afterwards starts a clean form.
  await page.reload();
  await expect(page.locator('#ends_at-error')).toHaveCount(0);
});

test('a bad photo upload keeps the rest of the item form', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await page.goto('/login?next=/brand/catalog/new');
  await hydrated(page, javaScriptEnabled);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand\/catalog\/new$/);
  await hydrated(page, javaScriptEnabled);
  const sku = javaScriptEnabled ? 'E2E-BAD-JS' : 'E2E-BAD-NOJS';
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Name', { exact: true }).fill('Speckled bowl');
  await page.getByLabel('Category').fill('Ceramics');
  await page.getByLabel('Price in euros, VAT included').fill('28.50');
  await page.getByLabel('Stock').fill('7');
  await page.getByLabel('Composition', { exact: true }).fill('100% stoneware');
  await page.getByLabel('Add photos').setInputFiles({
    name: 'notes.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from('this is not a picture'),
  });
  await page.getByRole('button', { name: 'Create the item' }).click();

  await expect(page.locator('#photos-error')).toHaveText(
    '“notes.gif” is not a JPEG, PNG or WebP photo. Choose a photo in one of these formats.',
  );
  await expect(page.getByLabel('SKU')).toHaveValue(sku);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Speckled bowl');
  await expect(page.getByLabel('Price in euros, VAT included')).toHaveValue('28.50');
  await expect(page.getByLabel('Composition', { exact: true })).toHaveValue('100% stoneware');
  // Nothing was created.
  await page.goto(`/brand/catalog?q=${sku}`);
  await expect(page.getByTestId('catalog-count')).toHaveText('0 items');
});

test('a new API key is shown once, with or without JavaScript', async ({ page, javaScriptEnabled }) => {
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  await page.goto('/brand/api-keys');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Name').fill(`Looker ${javaScriptEnabled ? 'js' : 'plain'} ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Create the key' }).click();
  const key = page.getByTestId('key-text');
  await expect(key).toHaveText(/^\S{20,}$/);
  // The key never rides in the address, and a reload does not show it again.
  expect(page.url()).toMatch(/\/brand\/api-keys\??$/);
  await expect(page.getByRole('button', { name: 'Copy the key' })).toHaveCount(javaScriptEnabled ? 1 : 0);
  await page.reload();
  await expect(page.getByTestId('key-text')).toHaveCount(0);
});
