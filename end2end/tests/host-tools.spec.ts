import { expect, test } from '@playwright/test';
import {
  attachmentOf,
  demo,
  hydrated,
  inviteGuest,
  LoginPage,
  mailTo,
  minuteAfter,
  noSidewaysScroll,
  parisInput,
  watchErrors,
} from './pages';

// An online party, on a phone, end to end: the host chooses the reminders,
// the guest who says yes gets the video link 15 minutes before the start,
// orders for pickup; the host writes to those who said yes, moves the party
// (the guest's calendar entry follows: same UID, higher SEQUENCE), prints
// the pick list and presents. Runs twice: hydrated, and without JavaScript.

test.use({ viewport: { width: 360, height: 780 }, isMobile: true });

const uidOf = (ics: string) => ics.match(/^UID:(.+)$/m)?.[1];

test('an online party: video link to a yes, a message, a move in the calendar, the pick list', async ({ browser, page, javaScriptEnabled }) => {
  test.setTimeout(240_000);
  const run = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
  const guest = { name: 'Iris Lambert', email: `iris.${run}@example.com` };
  const title = `Online soirée ${run}`;
  const video = `https://meet.example/${run}`;
  const errors = watchErrors(page);

  // The host schedules an online party that starts in ten minutes.
  const login = new LoginPage(page);
  await login.open(javaScriptEnabled);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await page.goto('/host/events/new');
  await hydrated(page, javaScriptEnabled);
  const startsAt = minuteAfter(10 * 60_000);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByLabel('Starts').fill(parisInput(startsAt));
  await page.getByLabel('Ends').fill(parisInput(startsAt + 2 * 3_600_000));
  await page.getByLabel('Online (video link)').check();
  await page.getByRole('textbox', { name: 'Video link' }).fill(video);
  await page.getByLabel('Reminders to guests').selectOption({ label: '2 days and 24 hours before' });
  await page.getByLabel('Start from a kit').selectOption({ label: 'Starter kit (6 items)' });
  await noSidewaysScroll(page);
  await page.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(page).toHaveURL(/\/host\/events\/\d+$/);
  const eventUrl = page.url();
  await hydrated(page, javaScriptEnabled);
  await inviteGuest(page, javaScriptEnabled, guest);
  await noSidewaysScroll(page);

  // The guest says yes: the party starts within 15 minutes, so the link shows.
  const invitation = await mailTo(guest.email, 'invites you');
  const firstUid = uidOf(await attachmentOf(invitation, 'invitation.ics'));
  const link = invitation.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, javaScriptEnabled });
  const guestPage = await phone.newPage();
  const guestErrors = watchErrors(guestPage);
  await guestPage.goto(link);
  await hydrated(guestPage, javaScriptEnabled);
  await expect(guestPage.getByTestId('video-link')).toHaveCount(0);
  await guestPage.getByLabel("Yes, I'll be there").check();
  await guestPage.getByRole('button', { name: 'Send my answer' }).click();
  await expect(guestPage.getByTestId('invitation-answer')).toHaveText('Yes');
  await expect(guestPage.getByTestId('video-link')).toHaveAttribute('href', video);
  await noSidewaysScroll(guestPage);

  // The guest orders a candle for pickup at the host's.
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByTestId('item-card').filter({ hasText: 'Fig Leaf Candle' }).getByRole('link', { name: 'Fig Leaf Candle' }).click();
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Fig Leaf Candle');
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guestPage.getByTestId('added')).toContainText('In your cart');
  await guestPage.goto(`${link}/cart`);
  await hydrated(guestPage, javaScriptEnabled);
  await guestPage.getByLabel(/To the host, to pick up/).check();
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);

  // The host writes to those who said yes; answers come back to the host.
  await page.goto(eventUrl);
  await hydrated(page, javaScriptEnabled);
  const messages = page.locator('section.messages');
  await messages.getByLabel('Those who said yes').check();
  await messages.getByLabel('Subject').fill(`The link ${run}`);
  await messages.getByLabel('Message', { exact: true }).fill('Bring a candle of your own!');
  await messages.getByRole('button', { name: 'Send the message' }).click();
  await expect(page.getByTestId('message-queued')).toHaveText('Your message is on its way to 1 guest.');
  await expect(page.getByTestId('messages-sent')).toContainText(`The link ${run}`);
  const message = await mailTo(guest.email, `The link ${run}`);
  expect(message.headers['reply-to']).toContain(demo.host2.email);
  expect(message.text).toContain('Bring a candle of your own!');

  // The host moves the party five minutes later: the calendar entry follows.
  await page.goto(`${eventUrl}/edit`);
  await hydrated(page, javaScriptEnabled);
  await page.getByLabel('Starts').fill(parisInput(startsAt + 5 * 60_000));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(eventUrl);
  const moved = await mailTo(guest.email, 'Changed:');
  const ics = await attachmentOf(moved, 'invitation.ics');
  expect(uidOf(ics)).toBe(firstUid);
  expect(ics).toContain('SEQUENCE:1');

  // The pick list: who gets what, and who has paid; and as CSV.
  await page.goto(`${eventUrl}/pick-list`);
  await hydrated(page, javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pick list: ${title}`);
  await expect(page.getByTestId('pick-order')).toContainText(guest.name);
  await expect(page.getByTestId('pick-order')).toContainText('not paid');
  await expect(page.getByTestId('pick-totals')).toContainText('Fig Leaf Candle');
  await expect(page.getByRole('button', { name: 'Print' })).toHaveCount(javaScriptEnabled ? 1 : 0);
  await noSidewaysScroll(page);
  const csv = await page.request.get(`${eventUrl}/pick-list.csv`);
  expect(csv.ok()).toBe(true);
  expect(await csv.text()).toContain(`${guest.name},`);

  // The presentation works as at home.
  await page.goto(`${eventUrl}/present`);
  await hydrated(page, javaScriptEnabled);
  await expect(page.getByTestId('presentation')).toBeVisible();

  await phone.close();
  expect(errors).toEqual([]);
  expect(guestErrors).toEqual([]);
});
