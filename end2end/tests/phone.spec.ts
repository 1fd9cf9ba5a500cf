import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, scheduleParty } from './pages';

// Every page at 360 px wide, as each role: none may scroll sideways, and
// every control (links in running text aside) is at least 24 × 24 px, the
// WCAG 2.2 minimum target size. A table may scroll inside its own box.

const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

/** What is wrong with the page at `label`, in words: sideways scrolling
 * (with the elements that stick out) and controls that are too small. */
async function problems(page: Page, label: string): Promise<string[]> {
  return page.evaluate((label) => {
    const out: string[] = [];
    const describe = (e: Element) => {
      const text = (e.getAttribute('aria-label') || e.textContent || (e as HTMLInputElement).name || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : '';
      return `<${e.tagName.toLowerCase()}${cls}> “${text}”`;
    };
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      const scrolled = (e: Element) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrolled(e))
        .slice(-3)
        .map(describe);
      out.push(`${label}: scrolls sideways (${document.documentElement.scrollWidth} px wide): ${wide.join(', ')}`);
    }
    const controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');
    for (const c of controls) {
      const style = getComputedStyle(c);
      let box = c.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (c.closest('.sr-only') || c.classList.contains('skip-link')) continue;
      // A link inside a sentence takes the line's height (WCAG's inline exception).
      if (c.tagName === 'A' && style.display === 'inline') {
        const around = (c.parentElement?.textContent ?? '').trim().length;
        if (around > (c.textContent ?? '').trim().length) continue;
      }
      // A checkbox or radio button is reached through its label.
      const input = c as HTMLInputElement;
      if ((input.type === 'checkbox' || input.type === 'radio') && c.closest('label')) {
        box = c.closest('label')!.getBoundingClientRect();
      }
      if (box.width < 24 || box.height < 24) {
        out.push(`${label}: ${describe(c)} is ${Math.round(box.width)} × ${Math.round(box.height)} px`);
      }
    }
    return out;
  }, label);
}

/** Visits each path and gathers its problems. */
async function sweep(page: Page, role: string, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), `${role} ${path}`).toBeLessThan(400);
    await hydrated(page, true);
    found.push(...(await problems(page, `${role} ${path}`)));
  }
  return found;
}

/** The first link on `path` whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link like ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

async function signedIn(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(who.email, who.password);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

test('every page fits a 360-px phone, as a visitor, a guest, a host and the brand admin', async ({ browser }) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const guest = { name: 'Iris Laurent', email: `iris.${run}@example.com` };
  const found: string[] = [];

  // The host's party, with a guest, a share link and an order.
  const host = await signedIn(browser, demo.host2);
  const p = host.page;
  await scheduleParty(p, true, { title: `Phone check ${run}`, days: 9, address: '5 place Bellecour, Lyon', kit: 'Starter kit (6 items)' });
  const eventPath = new URL(p.url()).pathname;
  await p.getByLabel('Guests, one per line').fill(`${guest.name} <${guest.email}>`);
  await p.getByRole('button', { name: 'Add these guests' }).click();
  await expect(p.getByTestId('add-report')).toContainText('Added 1 guest.');
  await p.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(p.getByTestId('sent-note')).toHaveText('1 invitation on the way.');
  if (await p.getByRole('button', { name: 'Turn the share link on' }).count()) {
    await p.getByRole('button', { name: 'Turn the share link on' }).click();
  }
  const shareUrl = (await p.getByTestId('share-url').textContent())!.trim();
  const link = (await mailTo(guest.email)).text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)![0];
  const invitation = new URL(link).pathname;
  const share = new URL(shareUrl).pathname;

  // The guest's pages, and an order for its tracking page.
  const g = await browser.newContext(phone);
  const gp = await g.newPage();
  const sheets: string[] = [];
  gp.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') sheets.push(r.url());
  });
  await gp.goto(invitation);
  await hydrated(gp, true);
  // The guest's page carries its styles and the brand's colours: its first
  // paint waits on no stylesheet.
  expect(sheets).toEqual([]);
  await expect(gp.getByRole('button', { name: 'Send my answer' })).toHaveCSS('background-color', 'rgb(122, 46, 59)');
  const itemPath = new URL(
    (await gp.getByTestId('item-card').first().getByRole('link').first().getAttribute('href'))!,
    'http://x',
  ).pathname;
  await gp.goto(itemPath);
  await hydrated(gp, true);
  await gp.getByRole('button', { name: 'Add to cart' }).click();
  await expect(gp.getByTestId('added')).toContainText('In your cart');
  found.push(...(await sweep(gp, 'guest', [invitation, itemPath, `${invitation}/cart`, share, `${share}/items/${itemPath.split('/').pop()}`])));
  await gp.goto(`${invitation}/cart`);
  await hydrated(gp, true);
  await gp.getByLabel(/To the host, to pick up/).check();
  await gp.getByRole('button', { name: 'Place the order' }).click();
  await expect(gp).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  found.push(...(await sweep(gp, 'guest', [new URL(gp.url()).pathname])));
  await g.close();

  // A visitor.
  const v = await browser.newContext(phone);
  const vp = await v.newPage();
  const publicItem = await firstLink(vp, '/', /^\/items\/\d+$/);
  found.push(...(await sweep(vp, 'visitor', ['/', publicItem, '/login', '/forgot', '/erased', '/privacy', '/login/code', '/become-a-host'])));
  await v.close();

  // The host.
  found.push(...(await sweep(p, 'host', [
    '/host', '/host/events/new', eventPath, `${eventPath}/edit`, `${eventPath}/report`,
    `${eventPath}/present`, '/host/performance', '/host/credit',
  ])));
  await host.context.close();

  // The brand admin.
  const admin = await signedIn(browser, demo.admin);
  const a = admin.page;
  const ids = {
    host: await firstLink(a, '/brand/hosts', /^\/brand\/hosts\/\d+$/),
    item: await firstLink(a, '/brand/catalog', /^\/brand\/catalog\/\d+$/),
    kit: await firstLink(a, '/brand/kits', /^\/brand\/kits\/\d+$/),
    order: await firstLink(a, '/brand/orders', /^\/brand\/orders\/\d+$/),
    poll: await firstLink(a, '/brand/votes', /^\/brand\/votes\/\d+$/),
  };
  const report = `/brand/events/${eventPath.split('/').pop()}/report`;
  found.push(...(await sweep(a, 'brand admin', [
    '/brand', '/brand/hosts', ids.host, report, '/brand/bookings', '/brand/catalog', '/brand/catalog/new', ids.item,
    '/brand/kits', '/brand/kits/new', ids.kit, '/brand/orders', ids.order, '/brand/votes', ids.poll,
    '/brand/exports', '/brand/api-keys', '/brand/webhooks', '/brand/settings', '/brand/privacy',
    '/brand/news', '/account/two-step', '/account/password',
  ])));
  await admin.context.close();

  expect(found).toEqual([]);
});
