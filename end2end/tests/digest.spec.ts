import { expect, test } from '@playwright/test';
import { attachmentOf, demo, hydrated, LoginPage, mailTo, watchErrors, scheduleParty } from './pages';

// A new host hears from their party: the guest's invitation is a calendar
// entry that does not ask for an answer Soirée would never see, replies go
// to the host, and the host gets a digest of answers and notes, which they
// can turn off. Runs twice at phone size: hydrated, and without JavaScript.
// The e2e server runs its timed workers every 2 s (SCHEDULE_EVERY_SECS).

test.use({ viewport: { width: 390, height: 844 }, isMobile: true });

test('a new host gets a digest of answers and notes, and can turn it off', async ({ browser, page, javaScriptEnabled }) => {
  const errors = watchErrors(page);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const fan = { name: 'Maëlle Roux', email: `maelle.${run}@fans.example`, password: 'a-long-host-password-2026' };
  const guest = { name: 'Théo Blanc', email: `theo.${run}@example.com` };

  // The brand invites a fan to host; the fan sets a password.
  const admin = await browser.newContext({ javaScriptEnabled });
  const adminPage = await admin.newPage();
  const login = new LoginPage(adminPage);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(adminPage).toHaveURL(/\/brand$/);
  await adminPage.goto('/brand/hosts');
  await hydrated(adminPage, javaScriptEnabled);
  await adminPage.getByLabel('Name', { exact: true }).fill(fan.name);
  await adminPage.getByLabel('Email', { exact: true }).fill(fan.email);
  await adminPage.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(adminPage.getByTestId('invited')).toBeVisible();
  await admin.close();
  const welcome = (await mailTo(fan.email, 'Welcome')).text.match(/http:\/\/127\.0\.0\.1:\d+\/welcome\/[A-Za-z0-9_-]+/)![0];
  await page.goto(welcome);
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Your new password').fill(fan.password);
  await page.getByRole('button', { name: 'Set my password and sign in' }).click();
  await expect(page).toHaveURL(/\/host$/);
  await expect(page.getByTestId('digest-state')).toContainText('at most one an hour');

  // A party with one guest.
  await scheduleParty(page, javaScriptEnabled, { title: `First party ${run}`, days: 8, address: '9 rue Saint-Jean, Lyon' });
  await page.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await page.getByRole('button', { name: 'Add these guests' }).click();
  await expect(page.getByTestId('add-report')).toContainText('Added 1 guest.');
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(page.getByTestId('sent-note')).toHaveText('1 invitation on the way.');

  // The invitation: replies go to the host, the calendar entry is published
  // (no Yes/No buttons whose answers would be lost).
  const invitation = await mailTo(guest.email, 'invites you');
  expect(invitation.headers['reply-to']).toContain(fan.email);
  const ics = await attachmentOf(invitation, 'invitation.ics');
  expect(ics).toContain('METHOD:PUBLISH');
  expect(ics).not.toContain('METHOD:REQUEST');
  expect(ics).not.toContain('RSVP=TRUE');

  // The guest answers with a note; the host's digest brings both.
  const link = invitation.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guestPage = await phone.newPage();
  await guestPage.goto(link);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel("Yes, I'll be there").check();
  await guestPage.getByLabel(/A note to/).fill('Can I bring my sister?');
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.getByTestId('invitation-answer')).toHaveText('Yes');
  await phone.close();
  const digest = await mailTo(fan.email, 'at your parties');
  expect(digest.subject).toBe('1 new answer at your parties');
  expect(digest.text).toContain(guest.name);
  expect(digest.text).toContain('Can I bring my sister?');

  // The host turns the digest off; the dashboard says so.
  await page.goto('/host');
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Turn the digest off' }).click();
  await expect(page.getByTestId('digest-state')).toContainText('The digest is off');
  await page.reload();
  await expect(page.getByTestId('digest-state')).toContainText('The digest is off');
  expect(errors).toEqual([]);
});
