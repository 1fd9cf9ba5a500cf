import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, scheduleParty, watchErrors } from './pages';

// The guests' and the admin's trust tools in a browser: asking for one's
// data without a link, the brand's news to those who asked for it, and the
// admin's two-step sign-in.

async function signedIn(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(who.email, who.password);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** The TOTP code (RFC 6238, SHA-1, 6 digits) of a base32 secret at step `step`. */
function totp(secret: string, step: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[19] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

test('a guest asks for the news, gets it, then erases their data from the privacy page', async ({ browser }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const guest = { name: 'Jade Roux', email: `jade.${run}@example.com` };

  // A party with Jade invited; she answers and asks for the brand's news.
  const host = await signedIn(browser, demo.host2);
  const p = host.page;
  await scheduleParty(p, true, { title: `Trust ${run}`, days: 12, address: '3 rue Paradis, Marseille' });
  await p.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await p.getByRole('button', { name: 'Add these guests' }).click();
  await expect(p.getByTestId('add-report')).toContainText('Added 1 guest.');
  await p.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(p.getByTestId('sent-note')).toHaveText('1 invitation on the way.');
  await host.context.close();
  const link = (await mailTo(guest.email)).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const g = await browser.newContext();
  const gp = await g.newPage();
  const guestErrors = watchErrors(gp);
  await gp.goto(new URL(link).pathname);
  await hydrated(gp, true);
  await gp.getByLabel("Yes, I'll be there").check();
  await gp.getByLabel(/news/).check();
  await gp.getByRole('button', { name: 'Send my answer' }).click();
  await expect(gp.getByTestId('invitation-answer')).toHaveText('Yes');

  // The admin writes the news; it reaches Jade with its stop link.
  const admin = await signedIn(browser, demo.admin);
  const a = admin.page;
  const adminErrors = watchErrors(a);
  await a.goto('/brand/news');
  await hydrated(a, true);
  await a.getByRole('button', { name: 'Send to everyone who asked' }).click();
  await expect(a.getByText('Write a subject.')).toBeVisible();
  await expect(a.getByText('Write a message.')).toBeVisible();
  await a.getByLabel('Subject').fill(`Winter linen ${run}`);
  await a.getByLabel('Message').fill('The winter linen is here.\n\nCome and see it at your next party.');
  await a.getByRole('button', { name: 'Send to everyone who asked' }).click();
  await expect(a.getByTestId('news-queued')).toContainText('Your news is on its way to');
  await expect(a.getByTestId('news-sent')).toContainText(`Winter linen ${run}`);
  const news = await mailTo(guest.email, `Winter linen ${run}`);
  expect(news.text).toContain('The winter linen is here.');
  expect(news.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  await admin.context.close();
  expect(adminErrors).toEqual([]);

  // Without her link, Jade asks from the privacy page and erases it all.
  await gp.goto('/privacy');
  await hydrated(gp, true);
  await gp.getByLabel('Email').fill(guest.email);
  await gp.getByRole('button', { name: 'Mail me the link' }).click();
  await expect(gp.getByTestId('ask-sent')).toBeVisible();
  const asked = await mailTo(guest.email, 'Your data at');
  const dataLink = asked.text.match(/http:\/\/127\.0\.0\.1:\d+\/privacy\/request\/[A-Za-z0-9_-]+/)![0];
  await gp.goto(new URL(dataLink).pathname);
  await hydrated(gp, true);
  await expect(gp.getByRole('heading', { level: 1 })).toContainText('Your data at');
  await expect(gp.getByText(guest.email)).toBeVisible();
  const download = gp.waitForEvent('download');
  await gp.getByRole('link', { name: 'Download my data (JSON)' }).click();
  const file = await (await download).path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(data.email).toBe(guest.email);
  expect(data.news_received[0].subject).toBe(`Winter linen ${run}`);
  await gp.getByRole('button', { name: 'Erase my data' }).click();
  await expect(gp.getByText('Tick the box to confirm the erasure.')).toBeVisible();
  await gp.getByLabel(/I understand/).check();
  await gp.getByRole('button', { name: 'Erase my data' }).click();
  await expect(gp).toHaveURL(/\/erased$/);
  const gone = await gp.goto(new URL(link).pathname);
  expect(gone?.status()).toBe(404);
  await g.close();
  expect(guestErrors).toEqual([]);
});

test('the brand admin turns on two-step sign-in and signs in with a code', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, demo.admin);
  const a = admin.page;
  const errors = watchErrors(a);
  await a.goto('/account/two-step');
  await hydrated(a, true);
  await a.getByRole('button', { name: 'Set it up' }).click();
  await expect(a.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await a.getByTestId('two-step-secret').textContent())!.trim();
  const step = Math.floor(Date.now() / 30_000);
  await a.getByLabel('Code', { exact: true }).fill('000000');
  await a.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(a.getByText(/This code is not right/)).toBeVisible();
  await a.getByLabel('Code', { exact: true }).fill(totp(secret, step));
  await a.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = (await a.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await admin.context.close();

  // The next sign-in asks for the code after the password.
  const again = await browser.newContext();
  const p = await again.newPage();
  try {
    const login = new LoginPage(p);
    await login.open(true);
    await login.signIn(demo.admin.email, demo.admin.password);
    await expect(p).toHaveURL(/\/login\/code$/);
    await hydrated(p, true);
    await p.getByLabel('Code', { exact: true }).fill(totp(secret, step + 1));
    await p.getByRole('button', { name: 'Sign in' }).click();
    await expect(p).toHaveURL(/\/brand$/);
  } finally {
    // Off again (with a recovery code), so that other tests sign in with the password.
    await p.goto('/account/two-step');
    await hydrated(p, true);
    await expect(p.getByTestId('two-step-on')).toContainText('10 recovery codes are left');
    await p.getByLabel('Code', { exact: true }).fill(codes[0]);
    await p.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
    await expect(p.getByRole('button', { name: 'Set it up' })).toBeVisible();
    await again.close();
  }
  expect(errors).toEqual([]);
});

test('a signed-in admin changes the password, giving the current one first', async ({ browser }) => {
  const admin = await signedIn(browser, demo.admin);
  const a = admin.page;
  const errors = watchErrors(a);
  await a.getByRole('link', { name: 'Password', exact: true }).click();
  await expect(a).toHaveURL(/\/account\/password$/);
  await hydrated(a, true);
  await a.getByRole('button', { name: 'Change my password' }).click();
  await expect(a.getByText('Type your current password.')).toBeVisible();
  await expect(a.getByText('Use at least 8 characters for the password.')).toBeVisible();
  const change = async (current: string, next: string) => {
    await a.getByLabel('Current password').fill(current);
    await a.getByLabel('New password').fill(next);
    await a.getByRole('button', { name: 'Change my password' }).click();
  };
  await change('not-my-password', 'winter-linen-2027');
  await expect(a.getByText('This is not your current password.')).toBeVisible();
  await change(demo.admin.password, 'winter-linen-2027');
  await expect(a.getByTestId('password-changed')).toBeVisible();
  // And back, for the other tests.
  await change('winter-linen-2027', demo.admin.password);
  await expect(a.getByTestId('password-changed')).toBeVisible();
  await admin.context.close();
  expect(errors).toEqual([]);
});
