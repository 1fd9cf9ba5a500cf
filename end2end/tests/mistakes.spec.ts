import { expect, Page, test } from '@playwright/test';
import { demo, hydrated, LoginPage, watchErrors } from './pages';

// Every form shows all its mistakes at once, each next to its field, keeps
// what was typed, and clears an earlier success note on a new attempt.
// Runs twice at phone size: hydrated, and with JavaScript disabled.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true });

async function signIn(page: Page, who: { email: string; password: string }, javaScriptEnabled: boolean) {
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(who.email, who.password);
  await expect(page).not.toHaveURL(/\/login/);
}

test('an empty application to host flags every field', async ({ page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  await page.goto('/become-a-host');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('City').fill('Nantes');
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.locator('#name-error')).toBeVisible();
  await expect(page.locator('#email-error')).toBeVisible();
  await expect(page.locator('#motivation-error')).toBeVisible();
  await expect(page.locator('#city-error')).toHaveCount(0);
  await expect(page.getByLabel('City')).toHaveValue('Nantes');
  await expect(page.getByText(/serializ|missing field/i)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a form sent before the page hydrates keeps its errors once it does', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'about hydration');
  // The first page's WASM does not arrive: the form is posted as a plain form.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/become-a-host');
  await page.getByLabel('City').fill('Nantes');
  await page.unroute('**/*.wasm');
  const errors = watchErrors(page);
  await page.getByRole('button', { name: 'Send my application' }).click();
  // The page that comes back hydrates with the same errors it was sent with.
  await hydrated(page, true);
  await expect(page.locator('#name-error')).toBeVisible();
  await expect(page.getByLabel('City')).toHaveValue('Nantes');
  expect(errors).toEqual([]);
});

test('scheduling and checkout show all their mistakes at once', async ({ browser, page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  await signIn(page, demo.host2, javaScriptEnabled);
  await page.goto('/host/events/new');
  await hydrated(page, javaScriptEnabled);
  const day = new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Starts').fill(`${day}T19:00`);
  await page.getByLabel('Ends').fill(`${day}T22:00`);
  await page.getByLabel('Address (shown only to guests who answer yes)').fill('2 rue Mercière, Lyon');
  await page.getByLabel('Capacity (guests)').fill('0');
  await page.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(page.locator('#title-error')).toHaveText('Give the party a title.');
  await expect(page.locator('#capacity-error')).toHaveText('Capacity must be at least 1 guest.');
  await expect(page.getByLabel('Address (shown only to guests who answer yes)')).toHaveValue('2 rue Mercière, Lyon');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Title').fill(`Mistakes night ${run}`);
  await page.getByLabel('Capacity (guests)').fill('12');
  await page.getByLabel('Start from a kit').selectOption({ label: 'Starter kit (6 items)' });
  await page.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(page).toHaveURL(/\/host\/events\/\d+$/);
  await hydrated(page, javaScriptEnabled);
  if (await page.getByRole('button', { name: 'Turn the share link on' }).count()) {
    await page.getByRole('button', { name: 'Turn the share link on' }).click();
    await hydrated(page, javaScriptEnabled);
  }
  const share = new URL((await page.getByTestId('share-url').textContent())!.trim()).pathname;

  // A guest on a phone, through the share link: an item in the cart, then
  // a checkout with no name and a broken email.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guest = await phone.newPage();
  const guestErrors = watchErrors(guest);
  await guest.goto(share);
  const item = new URL((await guest.getByTestId('item-card').first().getByRole('link').first().getAttribute('href'))!, 'http://x').pathname;
  await guest.goto(item);
  await hydrated(guest, javaScriptEnabled);
  await guest.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guest.getByTestId('added')).toContainText('In your cart');
  await guest.goto(`${share}/cart`);
  await hydrated(guest, javaScriptEnabled);
  await guest.getByLabel('Your email').fill('rosa-at-example');
  await guest.getByLabel(/To my address/).check();
  await guest.getByRole('button', { name: 'Place the order' }).click();
  await expect(guest.locator('#name-error')).toBeVisible();
  await expect(guest.locator('#email-error')).toBeVisible();
  await expect(guest.locator('#address-error')).toBeVisible();
  await expect(guest.getByLabel('Your email')).toHaveValue('rosa-at-example');
  // Kept out of the address.
  expect(guest.url()).not.toContain('rosa');
  await hydrated(guest, javaScriptEnabled);
  await guest.getByLabel('Your name').fill('Rosa Keller');
  await guest.getByLabel('Your email').fill(`rosa.${run}@example.com`);
  await guest.getByLabel('Your address (for delivery to your address)').fill('4 rue de la République, 69002 Lyon');
  await guest.getByRole('button', { name: 'Place the order' }).click();
  await expect(guest).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  expect(guestErrors).toEqual([]);
  await phone.close();
  expect(errors).toEqual([]);
});

test('the brand admin: a stale note goes, mistakes sit by their fields, declining and suspending ask first', async ({ page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const fan = `Inès ${run}`;
  const applicant = `Lina ${run}`;

  // A fan applies to host, for the admin to decline below.
  await page.goto('/become-a-host');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Your name').fill(applicant);
  await page.getByLabel('Email').fill(`lina.${run}@fans.example`);
  await page.getByLabel('City').fill('Dijon');
  await page.getByLabel('Why you love the brand').fill('Your candles light every dinner I host.');
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByTestId('applied')).toBeVisible();
  await signIn(page, demo.admin, javaScriptEnabled);

  // "Invite a fan to host": a success, then a bad email: the email is
  // marked and the earlier note is gone.
  await page.goto('/brand/hosts');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Name', { exact: true }).fill(fan);
  await page.getByLabel('Email', { exact: true }).fill(`ines.${run}@fans.example`);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByTestId('invited')).toBeVisible();
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Name', { exact: true }).fill('Jules Garnier');
  await page.getByLabel('Email', { exact: true }).fill('jules-at-fans');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.locator('#invite-email-error')).toBeVisible();
  await expect(page.getByTestId('invited')).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Jules Garnier');
  await hydrated(page, javaScriptEnabled);

  // Declining an application takes a second step that says what happens.
  const card = page.getByTestId('applications').locator('li', { hasText: applicant });
  await card.locator('summary', { hasText: 'Decline' }).click();
  await expect(card.getByTestId('consequence')).toContainText(`${applicant} gets a kind email`);
  await card.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.getByText('Done: the fan has been emailed.')).toBeVisible();
  await expect(page.getByTestId('applications').locator('li', { hasText: applicant })).toContainText('Declined');
  await hydrated(page, javaScriptEnabled);

  // Suspending a host (the fan invited above) asks first; reinstating puts
  // things back.
  await page.getByTestId('hosts').getByRole('link', { name: fan, exact: true }).click();
  await expect(page.getByTestId('host-status')).toContainText('Active');
  await hydrated(page, javaScriptEnabled);
  await page.locator('summary', { hasText: 'Suspend the host' }).click();
  await expect(page.getByTestId('consequence')).toContainText('can no longer schedule parties');
  await page.getByRole('button', { name: 'Yes, suspend' }).click();
  await expect(page.getByTestId('host-status')).toContainText('Suspended');
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Reinstate the host' }).click();
  await expect(page.getByTestId('host-status')).toContainText('Active');

  // Settings: two mistakes at once, each by its field; the new secret
  // shown before is gone.
  await page.goto('/brand/settings');
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'New outbound webhook secret' }).click();
  await expect(page.getByTestId('new-secret')).toBeVisible();
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel("Shipping to the guest's address (€)").fill('lots');
  await page.getByLabel("Your back office's webhook address (optional)").fill('not a url');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.locator('#shipping_flat-error')).toBeVisible();
  await expect(page.locator('#webhook_url-error')).toBeVisible();
  await expect(page.getByTestId('new-secret')).toHaveCount(0);
  await hydrated(page, javaScriptEnabled);

  // The transfer account: a mistyped IBAN and a short BIC, each by its
  // field, then the right ones.
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByLabel('BIC').fill('BNPA');
  await page.getByLabel('Account holder').fill('Atelier Lumen SAS');
  await page.getByRole('button', { name: 'Save the bank details' }).click();
  await expect(page.locator('#iban-error')).toContainText('check digits');
  await expect(page.locator('#bic-error')).toBeVisible();
  await expect(page.getByLabel('Account holder')).toHaveValue('Atelier Lumen SAS');
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await page.getByLabel('BIC').fill('BNPAFRPP');
  await page.getByRole('button', { name: 'Save the bank details' }).click();
  await expect(page.getByText('Bank details saved.')).toBeVisible();
  expect(errors).toEqual([]);
});
