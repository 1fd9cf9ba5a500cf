import { expect, test, type Page } from '@playwright/test';
import { demo, hydrated, LoginPage, mailTo, watchErrors } from './pages';

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A JPEG photo drawn in the browser's canvas. */
async function photo(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 1600, 1200);
    gradient.addColorStop(0, '#7d8f69');
    gradient.addColorStop(1, '#e9efe1');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 1600, 1200);
    g.fillStyle = '#f7f3ea';
    g.fillRect(450, 250, 700, 800);
    g.fillStyle = '#5d6b4f';
    g.fillRect(450, 250, 700, 120);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

test('from the catalog to the party: items, kit, guest phone, vote and TV presentation', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);

  // 1. The brand admin creates an item with a photo and a transparency label.
  const login = new LoginPage(page);
  await login.open(true);
  await login.signIn(demo.admin.email, demo.admin.password);
  await expect(page).toHaveURL(/\/brand$/);
  await page.getByRole('navigation', { name: 'Brand' }).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catalog');
  await page.getByRole('link', { name: 'New item' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New item');
  await hydrated(page, true);
  await page.getByLabel('SKU').fill('tee-sage-m');
  await page.getByLabel('Name', { exact: true }).fill('Sage Linen Tee');
  await page.getByLabel('Category').fill('Linen');
  await page.getByLabel('Description', { exact: true }).fill('Washed linen, relaxed cut, made to last.');
  await page.getByLabel('Price in euros, VAT included').fill('49.90');
  await page.getByLabel('Stock').fill('3');
  await page.getByLabel('Add photos').setInputFiles({ name: 'sage-tee.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
  // A composition that does not add up is caught next to its field.
  await page.getByLabel('Composition', { exact: true }).fill('60% organic cotton, 30% recycled polyester');
  await page.getByLabel('Made in (country)').fill('Portugal');
  await page.getByLabel('Recycled content (%)').fill('40');
  await page.getByLabel('Care instructions', { exact: true }).fill('Wash at 30 °C, line dry.');
  await page.getByLabel('How it is made', { exact: true }).fill('Woven and sewn in a family workshop near Porto.');
  await page.getByRole('button', { name: 'Create the item' }).click();
  await expect(page.locator('#composition-error')).toHaveText(
    'The composition adds up to 90 %: the parts must add up to 100 %.',
  );
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Sage Linen Tee');
  await page.getByLabel('Composition', { exact: true }).fill('60% organic cotton, 40% recycled polyester');
  await page.getByRole('button', { name: 'Create the item' }).click();
  await expect(page).toHaveURL(/\/brand\/catalog\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit Sage Linen Tee');
  await expect(page.getByLabel('SKU')).toHaveValue('TEE-SAGE-M');
  await expect(page.getByRole('img', { name: 'Photo 1' })).toBeVisible();
  await expect(page.getByTestId('item-label')).toContainText('60 % organic cotton');
  // Nothing is in French yet: the form says what is missing, the list marks it.
  await expect(page.getByTestId('translation-missing')).toHaveText(
    'Missing in French: Name, Description, Composition, Care instructions, How it is made.',
  );
  await page.goto('/brand/catalog?q=TEE-SAGE');
  await expect(page.getByTestId('untranslated')).toHaveText('Not in French yet');
  await page.getByRole('link', { name: 'Sage Linen Tee' }).click();
  await hydrated(page, true);
  await page.getByLabel('Name in French').fill('T-shirt en lin sauge');
  await page.getByLabel('Description in French').fill('Lin lavé, coupe ample, fait pour durer.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('translation-missing')).toHaveText(
    'Missing in French: Composition, Care instructions, How it is made.',
  );
  await expect(page.getByLabel('Name in French')).toHaveValue('T-shirt en lin sauge');

  // The list finds it by SKU.
  await page.goto('/brand/catalog?q=TEE-SAGE');
  await expect(page.getByTestId('catalog-count')).toHaveText('1 item');
  await expect(page.getByRole('table')).toContainText('Sage Linen Tee');
  await expect(page.getByTestId('untranslated')).toHaveCount(0);

  // 2. The host schedules a party from the starter kit, removes one item
  //    and adds the new one.
  const host = await browser.newContext();
  const hostPage = await host.newPage();
  const hostErrors = watchErrors(hostPage);
  const hostLogin = new LoginPage(hostPage);
  await hostLogin.open(true);
  await hostLogin.signIn(demo.host2.email, demo.host2.password);
  await expect(hostPage).toHaveURL(/\/host$/);
  await hostPage.getByRole('link', { name: 'Schedule a party' }).click();
  await hydrated(hostPage, true);
  const day = inDays(12);
  await hostPage.getByLabel('Title').fill('Linen and light');
  await hostPage.getByLabel('Starts').fill(`${day}T18:30`);
  await hostPage.getByLabel('Ends').fill(`${day}T21:30`);
  await hostPage.getByLabel('Address (shown only to guests who answer yes)').fill('8 quai Saint-Vincent, Lyon');
  await hostPage.getByLabel('Start from a kit').selectOption({ label: 'Starter kit (6 items)' });
  await hostPage.getByRole('button', { name: 'Schedule the party' }).click();
  await expect(hostPage).toHaveURL(/\/host\/events\/\d+$/);
  const eventUrl = hostPage.url();
  const featured = hostPage.getByTestId('featured-item');
  await expect(featured).toHaveCount(6);
  await expect(featured.first()).toContainText('Fig Leaf Candle');
  await hydrated(hostPage, true);
  await hostPage.getByRole('button', { name: 'Remove Clean Linen Candle' }).click();
  await expect(featured).toHaveCount(5);
  await hostPage.getByLabel('Add an item from the catalog').selectOption({ label: 'Linen · Sage Linen Tee (TEE-SAGE-M)' });
  await hostPage.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(featured).toHaveCount(6);
  await expect(featured.last()).toContainText('Sage Linen Tee');
  // Bring the new item to second place.
  for (let i = 0; i < 4; i++) {
    await hostPage.getByRole('button', { name: 'Move Sage Linen Tee up' }).click();
    await expect(featured.nth(4 - i)).toContainText('Sage Linen Tee');
  }
  const hostOrder = (await featured.locator('.featured-name').allTextContents()).map((t) => t.trim());
  expect(hostOrder).toEqual([
    'Fig Leaf Candle',
    'Sage Linen Tee',
    'Sea Salt Reed Diffuser',
    'Stoneware Candle Cup',
    'Washed Linen Tea Towel',
    'Fig Leaf Soap',
  ]);
  await hostPage.getByLabel('Guests, one per line').fill('Inès Roux <ines@example.com>');
  await hostPage.getByRole('button', { name: 'Add these guests' }).click();
  await expect(hostPage.getByRole('table')).toContainText('Inès Roux');
  await hostPage.getByRole('button', { name: 'Send invitations to new guests' }).click();
  await expect(hostPage.getByTestId('sent-note')).toHaveText('1 invitation on the way.');

  // 3. The guest opens the personal link on a phone: the host's items in
  //    the host's order; one opens with its label; a favourite and a vote.
  const mail = await mailTo('ines@example.com');
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const guest = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const guestPage = await guest.newPage();
  const guestErrors = watchErrors(guestPage);
  await guestPage.goto(link!);
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Linen and light');
  const cards = guestPage.getByTestId('item-card');
  await expect(cards).toHaveCount(6);
  const guestOrder = (await cards.locator('h3').allTextContents()).map((t) => t.trim());
  expect(guestOrder).toEqual(hostOrder);
  await expect(cards.nth(1).getByTestId('stock-note')).toHaveText('Only 3 left');
  await hydrated(guestPage, true);
  await guestPage.screenshot({ path: 'artifacts/event-page-phone.png', fullPage: true });

  await cards.nth(1).getByRole('link', { name: 'Sage Linen Tee' }).click();
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Sage Linen Tee');
  await expect(guestPage.getByRole('img', { name: 'Sage Linen Tee' })).toBeVisible();
  const label = guestPage.getByTestId('item-label');
  await expect(label).toContainText('60 % organic cotton');
  await expect(label).toContainText('40 % recycled polyester');
  await expect(label).toContainText('Portugal');
  await expect(label).toContainText('Woven and sewn in a family workshop near Porto.');
  await guestPage.screenshot({ path: 'artifacts/item-page-phone.png', fullPage: true });
  await hydrated(guestPage, true);
  await guestPage.getByRole('button', { name: '♡ Add to favourites' }).click();
  await expect(guestPage.getByTestId('favourite')).toHaveText('♥ In your favourites');
  await expect(guestPage.getByTestId('favourite')).toHaveAttribute('aria-pressed', 'true');
  await guestPage.getByRole('link', { name: '← Linen and light' }).click();
  await expect(cards.nth(1)).toContainText('♥ Sage Linen Tee');

  await guestPage.getByLabel('Snowy fir').check();
  await guestPage.getByRole('button', { name: 'Vote' }).click();
  const results = guestPage.getByTestId('poll-results');
  await expect(results).toContainText('Thank you for voting.');
  await expect(results).toContainText('Snowy fir (your vote)');
  await expect(results).toContainText('100 % · 1 vote');
  // An order from the phone: two of the tee, delivered to the host.
  await cards.nth(1).getByRole('link').click();
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Sage Linen Tee');
  await hydrated(guestPage, true);
  await guestPage.getByLabel('Quantity').selectOption('2');
  await guestPage.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guestPage.getByTestId('added')).toContainText('In your cart: 2.');
  await guestPage.getByRole('link', { name: 'See your cart' }).click();
  await expect(guestPage.getByRole('heading', { level: 1 })).toHaveText('Your cart');
  await expect(guestPage.getByTestId('cart-line')).toHaveCount(1);
  await expect(guestPage.getByTestId('totals')).toContainText('€99.80');
  await expect(guestPage.getByLabel('Your email')).toHaveValue('ines@example.com');
  await hydrated(guestPage, true);
  await guestPage.getByLabel(/To the host, to pick up/).check();
  await guestPage.getByRole('button', { name: 'Place the order' }).click();
  await expect(guestPage).toHaveURL(/\/o\/[A-Za-z0-9_-]+$/);
  await expect(guestPage.getByTestId('order-status')).toHaveText('Placed');
  await expect(guestPage.getByTestId('order-total')).toHaveText('€99.80');
  await expect.poll(async () => (await mailTo('ines@example.com')).subject, { timeout: 15_000 }).toBe(
    'Your order from Linen and light',
  );
  expect((await mailTo('ines@example.com')).text).toContain(guestPage.url().replace(/^.*\/o\//, '/o/'));
  const trackingUrl = guestPage.url();
  expect(guestErrors).toEqual([]);
  await guest.close();

  // The brand admin marks the order paid, then ships it with a tracking number.
  await page.goto('/brand/orders?status=placed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders');
  await page.getByRole('row', { name: /Inès Roux/ }).getByRole('link').click();
  await expect(page.getByTestId('admin-order-status')).toHaveText('Placed');
  await hydrated(page, true);
  for (const [status, next] of [['Paid', 'Paid'], ['In preparation', 'In preparation']]) {
    await page.getByLabel('New status').selectOption({ label: status });
    await page.getByRole('button', { name: 'Save the status' }).click();
    await expect(page.getByTestId('admin-order-status')).toHaveText(next);
  }
  await page.getByLabel('New status').selectOption({ label: 'Shipped' });
  await page.getByRole('button', { name: 'Save the status' }).click();
  await expect(page.locator('#carrier-error')).toHaveText('Name the carrier, e.g. Colissimo.');
  await page.getByLabel('Carrier (when shipping)').fill('Colissimo');
  await page.getByLabel('Tracking number (when shipping)').fill('6A12345678901');
  await page.getByRole('button', { name: 'Save the status' }).click();
  await expect(page.getByTestId('admin-order-status')).toHaveText('Shipped');

  // The guest's tracking page shows each step and the tracking number.
  const again = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const trackingPage = await again.newPage();
  await trackingPage.goto(trackingUrl);
  await expect(trackingPage.getByTestId('order-status')).toHaveText('Shipped');
  const timeline = trackingPage.getByTestId('timeline');
  await expect(timeline).toContainText('Paid');
  await expect(timeline).toContainText('In preparation');
  await expect(timeline).toContainText('Colissimo, tracking number 6A12345678901');
  await trackingPage.screenshot({ path: 'artifacts/order-tracking-phone.png', fullPage: true });
  await again.close();

  // The brand sees the vote, per party.
  await page.goto('/brand/votes');
  await page.getByRole('link', { name: 'Which scent should we make next for winter?' }).click();
  await expect(page.getByTestId('poll-total')).toHaveText(/^\d+ votes? in all$/);
  await expect(page.getByRole('table')).toContainText('Linen and light');

  // 4. The host presents the party on a TV.
  await hostPage.setViewportSize({ width: 1920, height: 1080 });
  await hostPage.goto(eventUrl);
  await hostPage.getByRole('link', { name: 'Present on a TV' }).click();
  await expect(hostPage).toHaveURL(/\/present$/);
  await hydrated(hostPage, true);
  const presentation = hostPage.getByTestId('presentation');
  await expect(presentation).toBeVisible();
  await expect(hostPage.getByTestId('slide-name')).toHaveText(hostOrder[0]);
  await expect(hostPage.getByTestId('slide-position')).toHaveText('1 / 6');
  await hostPage.keyboard.press('ArrowRight');
  await expect(hostPage.getByTestId('slide-name')).toHaveText('Sage Linen Tee');
  await expect(hostPage.getByTestId('slide-position')).toHaveText('2 / 6');
  await expect(hostPage.getByTestId('slide').getByTestId('item-label')).toContainText('Portugal');
  await expect(hostPage.getByRole('img', { name: 'QR code of the party page' })).toBeVisible();
  await expect(hostPage.getByTestId('live-strip')).toContainText('in sales');
  await hostPage.screenshot({ path: 'artifacts/presentation-tv.png' });
  await hostPage.keyboard.press('ArrowRight');
  await expect(hostPage.getByTestId('slide-position')).toHaveText('3 / 6');
  await hostPage.keyboard.press('ArrowLeft');
  await hostPage.keyboard.press('ArrowLeft');
  await expect(hostPage.getByTestId('slide-position')).toHaveText('1 / 6');
  // On-screen buttons move too.
  await hostPage.getByRole('link', { name: 'Next →' }).click();
  await expect(hostPage.getByTestId('slide-position')).toHaveText('2 / 6');

  // At 720p and 1080p the photo is whole, and the controls, the QR code and
  // the live strip overlap nothing.
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await hostPage.setViewportSize(size);
    const parts = {
      photo: hostPage.locator('.slide-photo').locator('img, svg').first(),
      text: hostPage.locator('.slide-text'),
      controls: hostPage.getByRole('navigation', { name: 'Slides' }),
      qr: hostPage.locator('.qr-corner'),
      strip: hostPage.getByTestId('live-strip'),
    };
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const [name, locator] of Object.entries(parts)) {
      const box = await locator.boundingBox();
      expect(box, `${name} at ${size.width}×${size.height}`).toBeTruthy();
      boxes[name] = box!;
      expect(box!.x, `${name} inside the screen`).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${name} inside at ${size.width}`).toBeLessThanOrEqual(size.width + 0.5);
      expect(box!.y + box!.height, `${name} inside at ${size.height}`).toBeLessThanOrEqual(size.height + 0.5);
    }
    const names = Object.keys(boxes);
    for (const a of names) {
      for (const b of names) {
        if (a >= b) continue;
        const [p, q] = [boxes[a], boxes[b]];
        const overlap = p.x < q.x + q.width - 0.5 && q.x < p.x + p.width - 0.5 && p.y < q.y + q.height - 0.5 && q.y < p.y + p.height - 0.5;
        expect(overlap, `${a} and ${b} overlap at ${size.width}×${size.height}`).toBe(false);
      }
    }
    await hostPage.screenshot({ path: `artifacts/presentation-${size.height}p.png` });
  }

  // The room does not see the host's reward progress unless the host shows it.
  const strip = hostPage.getByTestId('live-strip');
  await expect(strip.getByTestId('reward-bar')).toHaveCount(0);
  await hostPage.getByTestId('toggle-reward').click();
  await expect(strip.getByTestId('reward-bar')).toBeVisible();
  await expect(hostPage.getByTestId('slide-position')).toHaveText('2 / 6');
  await hostPage.keyboard.press('ArrowRight');
  await expect(hostPage.getByTestId('slide-position')).toHaveText('3 / 6');
  await expect(strip.getByTestId('reward-bar')).toBeVisible();
  await hostPage.getByTestId('toggle-sales').click();
  await expect(strip.getByTestId('live-sales')).toHaveCount(0);
  await hostPage.getByTestId('toggle-reward').click();
  await expect(strip.getByTestId('reward-bar')).toHaveCount(0);
  expect(hostErrors).toEqual([]);
  await host.close();
  expect(errors).toEqual([]);
});
