import { expect, type Page } from '@playwright/test';

/** Demo accounts loaded by `soiree seed-demo`. */
export const demo = {
  admin: { email: 'admin@atelier-lumen.example', password: 'lumen-admin-2026', name: 'Léa Moreau' },
  host: { email: 'camille@atelier-lumen.example', password: 'lumen-host-2026', name: 'Camille Martin' },
  /** A second host, for tests that leave events behind. */
  host2: { email: 'hugo@atelier-lumen.example', password: 'lumen-host-2026', name: 'Hugo Bernard' },
};

/** The instant `ms` from now, rounded up to the minute. */
export function minuteAfter(ms: number): number {
  return Math.ceil((Date.now() + ms) / 60_000) * 60_000;
}

/** `YYYY-MM-DDTHH:MM` in Paris for the instant `at`. */
export function parisInput(at: number): string {
  const t = new Date(at);
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(t);
  return parts.replace(' ', 'T');
}

/** Collects console errors and page errors (CSP violations land here too). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    // A 4xx answer to a form is the validation message the test expects;
    // Chromium still logs it. Anything else is an error.
    const expected = /Failed to load resource: the server responded with a status of 4\d\d/;
    if (msg.type() === 'error' && !expected.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Waits until the WASM has hydrated the page (with JavaScript on), or
 * until the page has loaded (without).
 * A cold browser on a busy 2-core machine may take several seconds to
 * fetch and compile the WASM the first time: the wait allows a minute. */
export async function hydrated(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
  } else {
    // Without JavaScript each form post loads a new page: let it finish.
    await page.waitForLoadState('load', { timeout: 30_000 });
  }
}

/** The sign-in page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(javaScriptEnabled: boolean) {
    await this.page.goto('/login');
    await hydrated(this.page, javaScriptEnabled);
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }
}

/** The MailDev API the e2e server sends mail to. */
export const maildevApi = `http://127.0.0.1:${process.env.E2E_MAILDEV_PORT ?? 3180}`;

/** The newest mail MailDev received for `to` (whose subject contains
 * `subject`, when given), waiting up to 15 s. */
export type Mail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments?: Array<{ fileName: string; generatedFileName: string; contentType: string }>;
};

/** An attachment of a mail MailDev holds, as text. */
export async function attachmentOf(mail: Mail, fileName: string): Promise<string> {
  const found = (mail.attachments ?? []).find((a) => a.fileName === fileName);
  expect(found, `${fileName} among ${JSON.stringify(mail.attachments ?? [])}`).toBeTruthy();
  const res = await fetch(`${maildevApi}/email/${mail.id}/attachment/${encodeURIComponent(found!.generatedFileName)}`);
  expect(res.ok, `attachment ${fileName}`).toBe(true);
  return res.text();
}

export async function mailTo(to: string, subject?: string): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${maildevApi}/email`);
    const mails = (await res.json()) as Array<Mail & { to: Array<{ address: string }> }>;
    const mine = mails.filter((m) => m.to.some((t) => t.address === to) && (!subject || m.subject.includes(subject)));
    if (mine.length > 0) return mine[mine.length - 1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail for ${to}${subject ? ` about “${subject}”` : ''} within 15 s`);
}

/** Schedules a party `days` ahead, from 19:00 to 22:00, as the signed-in
 * host, and waits on its page. */
export async function scheduleParty(
  page: Page,
  javaScriptEnabled: boolean,
  party: { title: string; days: number; address: string; kit?: string; language?: 'Français' | 'English' },
) {
  await page.goto('/host/events/new');
  await hydrated(page, javaScriptEnabled);
  const day = new Date(Date.now() + party.days * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Title').fill(party.title);
  await page.getByLabel('Starts').fill(`${day}T19:00`);
  await page.getByLabel('Ends').fill(`${day}T22:00`);
  await page.getByLabel('Address (shown only to guests who answer yes)').fill(party.address);
  if (party.kit) await page.getByLabel('Start from a kit').selectOption({ label: party.kit });
  if (party.language) await page.getByLabel('Language of the party').selectOption({ label: party.language });
  await page.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(page).toHaveURL(/\/host\/events\/\d+$/);
  await hydrated(page, javaScriptEnabled);
}

/** On the party's page, the signed-in host adds one guest and sends the
 * invitation. */
export async function inviteGuest(page: Page, javaScriptEnabled: boolean, guest: { name: string; email: string }) {
  await page.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await page.getByRole('button', { name: 'Add these guests' }).click();
  await expect(page.getByRole('cell', { name: guest.email })).toBeVisible();
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(page.getByText('not invited yet')).toHaveCount(0);
}

/** From the party's page at `base` (a personal or share link), the guest
 * opens `item`'s card, puts one in the cart and opens the cart. Returns the
 * item page's address. */
export async function putInCart(page: Page, javaScriptEnabled: boolean, base: string, item: string): Promise<string> {
  await page.goto(base);
  await hydrated(page, javaScriptEnabled);
  await page.getByTestId('item-card').filter({ hasText: item }).getByRole('link', { name: item }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item);
  const itemUrl = page.url();
  await hydrated(page, javaScriptEnabled);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('added')).toContainText('In your cart');
  await page.goto(`${base}/cart`);
  await hydrated(page, javaScriptEnabled);
  return itemUrl;
}

/** The page is no wider than the window: nothing scrolls sideways. */
export async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${page.url()} is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}
