import { expect, test } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, watchErrors } from './pages';

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test('the host schedules a party, fixing a mistake without retyping', async ({ page }) => {
  const errors = watchErrors(page);
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);

  await page.getByRole('link', { name: 'Schedule a party' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schedule a party');
  await hydrated(page, true);
  const day = inDays(10);
  await page.getByLabel('Title').fill('Winter candle evening');
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByLabel('Starts').fill(`${day}T19:00`);
  await page.getByLabel('Ends').fill(`${day}T22:30`);
  await page.getByLabel('Address (shown only to guests who answer yes)').fill('3 rue des Lilas, Lyon');
  await page.getByLabel('Capacity (guests)').fill('0');
  await page.getByRole('button', { name: 'Schedule the party' }).click();

  // The error sits next to the field; what was typed is still there.
  await expect(page.locator('#capacity-error')).toHaveText('Capacity must be at least 1 guest.');
  await expect(page.getByLabel('Title')).toHaveValue('Winter candle evening');
  await page.getByLabel('Capacity (guests)').fill('14');
  await page.getByRole('button', { name: 'Schedule the party' }).click();

  await expect(page).toHaveURL(/\/host\/events\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Winter candle evening');
  await expect(page.getByTestId('event-status')).toHaveText('Upcoming');
  await expect(page.getByTestId('event-start')).toContainText('19:00 (Europe/Paris)');

  // Guests: a pasted list with a duplicate and a broken line.
  await page.getByLabel('Guests, one per line').fill(
    'Ana Lima <ana@example.com>\nnot an email\nBob Stone, bob@example.com\nana@example.com',
  );
  await page.getByRole('button', { name: 'Add these guests' }).click();
  const report = page.getByTestId('add-report');
  await expect(report).toContainText('Added 2 guests.');
  await expect(report).toContainText('Line 2: “not an email”');
  await expect(page.getByRole('table')).toContainText('Ana Lima');
  await expect(page.getByRole('table')).toContainText('bob@example.com');
  await page.getByLabel('Name', { exact: true }).fill('Chloé Petit');
  await page.getByLabel('Email', { exact: true }).fill('chloe@example.com');
  await page.getByRole('button', { name: 'Add the guest' }).click();
  await expect(page.getByRole('table')).toContainText('Chloé Petit');
  await page.getByRole('button', { name: 'Remove Bob Stone' }).click();
  await expect(page.getByRole('table')).not.toContainText('Bob Stone');
  await page.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(page.getByTestId('sent-note')).toHaveText('2 invitations on the way.');
  await expect(page.getByRole('table')).not.toContainText('not invited yet');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'artifacts/event-host-phone.png', fullPage: true });
  const eventUrl = page.url();

  // The share link: a QR code for the host, a join form for friends of friends.
  await expect(page.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  const shareUrl = (await page.getByTestId('share-url').textContent())!;
  const visitor = await page.context().browser()!.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(shareUrl);
  await expect(visitorPage.getByRole('heading', { level: 1 })).toHaveText('Winter candle evening');
  await expect(visitorPage.getByText('3 rue des Lilas')).toHaveCount(0);
  await hydrated(visitorPage, true);
  await visitorPage.getByLabel('Your name').fill('Dan Friend');
  await visitorPage.getByLabel('Your email').fill('dan@example.com');
  await visitorPage.getByRole('button', { name: 'Send me my invitation' }).click();
  await expect(visitorPage.getByTestId('joined')).toBeVisible();
  await visitor.close();
  expect((await mailTo('dan@example.com')).subject).toBe('Hugo invites you: Winter candle evening');

  // The invitation arrives through the real SMTP server; its link opens
  // the guest's page without any account.
  const mail = await mailTo('ana@example.com');
  expect(mail.subject).toBe('Hugo invites you: Winter candle evening');
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const guest = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
  const guestPage = await guest.newPage();
  await guestPage.goto(link!);
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Winter candle evening');
  await expect(guestPage.getByText('Hugo invites you')).toBeVisible();
  await expect(guestPage.getByTestId('invitation-when')).toContainText('19:00 (Europe/Paris)');
  await expect(guestPage.getByText('3 rue des Lilas')).toHaveCount(0);
  await hydrated(guestPage, true);
  // A guest is never asked to sign in.
  await expect(guestPage.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  // Sent without an answer: a message next to the choice, in words.
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.locator('#rsvp-error')).toHaveText('Choose yes, maybe or no.');
  await expect(guestPage.getByText(/serializ|missing field/i)).toHaveCount(0);
  await guestPage.getByLabel("Yes, I'll be there").check();
  await guestPage.getByLabel('Companions coming with you').selectOption('1');
  await guestPage.getByLabel('A note to Hugo (optional)').fill('Can I bring dessert?');
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.getByTestId('invitation-answer')).toHaveText('Yes');
  // A yes sees the address.
  await expect(guestPage.getByText('3 rue des Lilas, Lyon')).toBeVisible();
  await guestPage.screenshot({ path: 'artifacts/invitation-phone.png', fullPage: true });
  await guest.close();

  // The same form works with JavaScript disabled.
  const chloeMail = await mailTo('chloe@example.com');
  const chloeLink = chloeMail.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  const noJs = await page.context().browser()!.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 }, isMobile: true });
  const noJsPage = await noJs.newPage();
  await noJsPage.goto(chloeLink!);
  await noJsPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(noJsPage.locator('#rsvp-error')).toHaveText('Choose yes, maybe or no.');
  await expect(noJsPage.getByText(/serializ|missing field/i)).toHaveCount(0);
  await noJsPage.getByLabel('Maybe').check();
  await noJsPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(noJsPage.getByTestId('invitation-answer')).toHaveText('Maybe');
  await noJs.close();
  const wrong = await page.request.get('/i/not-a-valid-token');
  expect(wrong.status()).toBe(404);
  await page.goto(eventUrl);

  await page.getByRole('link', { name: 'Back to your parties' }).click();
  await expect(page.getByRole('region', { name: 'Upcoming' })).toContainText('Winter candle evening');
  // Other tests leave parties of this host behind: read this party's row.
  const row = page.getByRole('listitem').filter({ hasText: 'Winter candle evening' });
  await expect(row.getByTestId('rsvp-counts')).toHaveText('3 invited · 1 yes · 1 maybe · 0 no · 1 pending');
  expect(errors).toEqual([]);
});
