import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, watchErrors, scheduleParty } from './pages';

// Runs twice: hydrated, and with JavaScript disabled (plain form posts and
// the browser's own disclosure for the second step).

test('a guest leaves the host a note; cancelling asks first, says who is told, and the guest page says so', async ({ browser, page, javaScriptEnabled }) => {
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const guest = { name: 'Rosa Keller', email: `rosa.${run}@example.com` };
  const title = `Cancelled soirée ${run}`;
  const errors = watchErrors(page);

  // The host schedules a party and invites one guest.
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await scheduleParty(page, javaScriptEnabled, { title, days: 12, address: '8 quai Saint-Vincent, Lyon' });
  const eventUrl = page.url();
  await page.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await page.getByRole('button', { name: 'Add these guests' }).click();
  // Without JavaScript the page comes back from the post: the list shows it.
  await expect(page.getByRole('cell', { name: guest.email })).toBeVisible();
  await expect(page.getByText('not invited yet')).toBeVisible();
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(page.getByText('not invited yet')).toHaveCount(0);

  // The guest answers on a phone with a note for the host.
  const link = (await mailTo(guest.email)).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled });
  const guestPage = await phone.newPage();
  await guestPage.goto(link!);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel("Yes, I'll be there").check();
  await guestPage.getByLabel(/A note to/).fill('I will bring a lemon tart!');
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.getByTestId('invitation-answer')).toHaveText('Yes');

  // The host reads the note on the guest list.
  await page.goto(eventUrl);
  await expect(page.getByTestId('guest-note')).toContainText('I will bring a lemon tart!');

  // A new link asks first, names what stops working, and mails the new one.
  await hydrated(page, javaScriptEnabled);
  await page.locator('summary', { hasText: 'New link' }).click();
  await expect(page.locator('details.confirm[open]').getByTestId('consequence')).toHaveText(
    `${guest.name}'s current link stops working at once; a new one is emailed to ${guest.email}.`,
  );
  await page.getByRole('button', { name: 'Yes, send a new link' }).click();
  await expect(page.getByTestId('sent-note')).toHaveText('1 invitation on the way.');
  await expect(page.locator('details.confirm[open]'), 'the box closed once sent').toHaveCount(0);
  const linkIn = (text: string) => text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0] ?? '';
  await expect.poll(async () => linkIn((await mailTo(guest.email)).text), { timeout: 30_000 }).not.toBe(link);
  const fresh = linkIn((await mailTo(guest.email)).text);
  await guestPage.goto(link!);
  await expect(guestPage.getByRole('heading', { level: 1 })).not.toHaveText(title);

  // Cancelling takes a second step that states the consequence; backing out does nothing.
  await hydrated(page, javaScriptEnabled);
  const first = page.locator('summary', { hasText: 'Cancel the party' });
  await first.click();
  const box = page.locator('details.confirm[open]');
  await expect(box.getByTestId('consequence')).toHaveText('1 guest will be told by email. This cannot be undone.');
  await first.click();
  await expect(page.getByRole('button', { name: 'Yes, cancel the party' })).toBeHidden();
  await expect(page.getByTestId('event-status')).toHaveText('Upcoming');
  await first.click();
  await page.getByRole('button', { name: 'Yes, cancel the party' }).click();
  await expect(page.getByTestId('event-status')).toHaveText('Cancelled');
  await expect(page.locator('summary', { hasText: 'Cancel the party' })).toHaveCount(0);

  // The guest is told by email, and their page says so at the top with nothing to order.
  const told = await mailTo(guest.email, 'Cancelled:');
  expect(told.text).toContain('has cancelled');
  await guestPage.goto(fresh);
  await expect(guestPage.getByTestId('party-over')).toContainText('cancelled this party');
  await expect(guestPage.getByRole('link', { name: 'Your cart and checkout' })).toHaveCount(0);
  await expect(guestPage.getByRole('button', { name: 'Send my answer' })).toHaveCount(0);
  await phone.close();
  expect(errors).toEqual([]);
});
