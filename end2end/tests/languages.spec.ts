import { expect, test, type Browser } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, scheduleParty, watchErrors } from './pages';

// French and English on one brand: a party is held in the language its host
// chose, and its guest reads it from the invitation's subject to the
// tracking page; the switcher at the foot of every page works without
// JavaScript.

const run = Date.now().toString(36);
// A French amount: a decimal comma and the euro sign after a no-break space.
const euros = (amount: string) => new RegExp(`${amount.replace('.', '\\.')}\\s€`);

/** The host (signed in, reading English) schedules a party in `language`
 * from the starter kit and invites `guest`. */
async function partyIn(browser: Browser, language: 'Français' | 'English', guest: { name: string; email: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.host2.email, demo.host2.password);
  await expect(page).toHaveURL(/\/host$/);
  await scheduleParty(page, true, {
    title: `${language === 'Français' ? 'Soirée bougies' : 'Candle night'} ${run}`,
    days: 9,
    address: '5 place Bellecour, Lyon',
    kit: 'Starter kit (6 items)',
    language,
  });
  await page.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await page.getByRole('button', { name: 'Add these guests' }).click();
  await expect(page.getByRole('cell', { name: guest.email })).toBeVisible();
  await page.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(page.getByText('not invited yet')).toHaveCount(0);
  await context.close();
}

test('a French guest reads French from the invitation to the tracking page', async ({ browser }) => {
  test.setTimeout(240_000);
  const guest = { name: 'Louise Garnier', email: `louise.${run}@example.com` };
  await partyIn(browser, 'Français', guest);

  const invitation = await mailTo(guest.email, 'vous invite');
  expect(invitation.subject).toMatch(/^Hugo vous invite\s: Soirée bougies/);
  expect(invitation.text).toContain(`Bonjour ${guest.name},`);
  expect(invitation.text).toMatch(/le \p{L}+ \d+ \p{L}+ \d{4} à 19:00 \(Europe\/Paris\)/u);
  expect(invitation.text).toMatch(/Répondez oui, peut-être ou non ici\s:/);
  const link = invitation.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();

  // The guest's phone asks for English, but the party is in French.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await phone.newPage();
  const errors = watchErrors(page);
  await page.goto(link!);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  // The party's date the French way, in its zone.
  await expect(page.locator('main')).toContainText(/\p{L}+ \d+ \p{L}+ \d{4} à 19:00/u);
  await hydrated(page, true);
  await page.getByLabel('Oui, je serai là').check();
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await expect(page.getByTestId('invitation-answer')).toHaveText('Oui');

  for (const item of ['Bougie Feuille de figuier', 'Diffuseur Sel marin']) {
    await page.goto(link!);
    await hydrated(page, true);
    await page.getByTestId('item-card').filter({ hasText: item }).getByRole('link', { name: item }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item);
    await hydrated(page, true);
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page.getByTestId('added')).toContainText('Dans votre panier');
  }
  await page.goto(`${link}/cart`);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('totals')).toContainText(euros('70,00'));
  await hydrated(page, true);
  await page.getByLabel(/Chez l’hôte/).check();
  await page.getByRole('button', { name: 'Passer la commande' }).click();
  await expect(page).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('order-status')).toHaveText('Enregistrée');
  await expect(page.getByTestId('order-total')).toHaveText(euros('70,00'));

  const confirmation = await mailTo(guest.email, 'Votre commande');
  expect(confirmation.text).toMatch(/Total\s: 70,00\s€/);
  expect(errors).toEqual([]);
  await phone.close();
});

test('an English guest of the same brand reads English', async ({ browser }) => {
  test.setTimeout(180_000);
  const guest = { name: 'Oliver Grant', email: `oliver.${run}@example.com` };
  await partyIn(browser, 'English', guest);
  const invitation = await mailTo(guest.email, 'invites you');
  expect(invitation.text).toContain(`Hello ${guest.name},`);
  const link = invitation.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  // The phone asks for French, but the party is in English.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  const page = await phone.newPage();
  await page.goto(link!);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await hydrated(page, true);
  await page.getByLabel("Yes, I'll be there").check();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByTestId('invitation-answer')).toHaveText('Yes');
  await page.goto(`${link}/cart`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await phone.close();
});

test('the language switcher works without JavaScript and comes back to the page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/login?next=%2Fhost');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeAttached();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fhost$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
  // The choice is kept: another page reads English too.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});
