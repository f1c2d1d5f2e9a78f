// Importing a register from a file in a real browser: from a register's list to the import page,
// a file chosen, its preview (with a row in error: nothing can be stored), then a good file
// previewed and stored; each page checked with axe-core for WCAG 2.1 AA, at 1280 and 360 px.
// The server is started by scripts/test (BEREDD_URL, BEREDD_ADMIN_PASSWORD).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = process.env.BEREDD_URL;
const PASSWORD = process.env.BEREDD_ADMIN_PASSWORD;
assert.ok(BASE && PASSWORD, 'BEREDD_URL and BEREDD_ADMIN_PASSWORD must be set (scripts/test sets them)');

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});
after(async () => { await browser?.close(); });

async function loggedIn(viewport) {
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${BASE}/`);
  return page;
}

async function expectAccessible(page, what) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(violations, [], `${what} (${page.url()}) has WCAG 2.1 AA violations:\n${violations.join('\n')}`);
}

async function noSidewaysScroll(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, `${what} scrolls sideways at ${page.viewportSize().width} px`);
}

function csv(text) {
  return { name: 'fil.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test(`a file with a row in error is previewed and cannot be stored (${viewport.width} px)`, async () => {
    const page = await loggedIn(viewport);
    await page.goto(`${BASE}/people`);
    await page.getByRole('link', { name: 'Importera från Excel/CSV' }).click();
    await page.waitForURL(`${BASE}/people/import`);
    await expectAccessible(page, 'the import page');
    await noSidewaysScroll(page, 'the import page');
    await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles(csv('Namn;Enhet;Arbetstelefon\nWebb Testsson;Hemtjänst Norr;ring mig\n'));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.waitForURL(/\/people\/import\/[A-Za-z0-9_-]+$/);
    assert.match(await page.locator('.error-summary').innerText(), /Rad 2, kolumn Arbetstelefon:/);
    assert.equal(await page.getByRole('button', { name: 'Spara' }).count(), 0, 'no Spara while a row is in error');
    await expectAccessible(page, 'a preview with an error');
    await noSidewaysScroll(page, 'a preview with an error');
  });
}

test('a supplier file goes from its preview to stored', async () => {
  const page = await loggedIn({ width: 1280, height: 900 });
  await page.goto(`${BASE}/suppliers/import`);
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles(csv('Organisationsnummer;Namn;Telefon\n556016-0680;Webbtestets Leverantör AB;08-123 456 00\n'));
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  await page.waitForURL(/\/suppliers\/import\/[A-Za-z0-9_-]+$/);
  assert.match(await page.locator('.import-counts').innerText(), /1 ny/);
  await page.getByText('Kolumner och fält').click();
  assert.equal(await page.getByLabel('Kolumnen Telefon').inputValue(), 'phone', 'the heading is recognised');
  await expectAccessible(page, 'the preview');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.waitForURL(`${BASE}/suppliers/import?msg=imported&new=1&changed=0`);
  assert.match(await page.locator('body').innerText(), /Importen är sparad: 1 ny, 0 ändrade\./);
  await page.goto(`${BASE}/suppliers?q=Webbtestets`);
  assert.match(await page.locator('#results').innerText(), /Webbtestets Leverantör AB/);
});
