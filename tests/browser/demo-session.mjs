// What the browser tests against the suite's shared demo server have in common (steering
// documents, training): the server's address and password from scripts/test, one Chromium for
// the file, a page logged in as the administrator, the width check and screenshots on request.
// Not a test file itself (only *.test.mjs are).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium } from './own-server.mjs';

export { expectAccessible } from './own-server.mjs';

export const BASE = process.env.BEREDD_URL;
export const PASSWORD = process.env.BEREDD_ADMIN_PASSWORD;
assert.ok(BASE && PASSWORD, 'BEREDD_URL and BEREDD_ADMIN_PASSWORD must be set (scripts/test sets them)');
const SHOTS = process.env.BEREDD_SCREENSHOTS;
export const PHONE = { width: 360, height: 740 };
export const DESK = { width: 1280, height: 900 };

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

/** A new page at `viewport`; bypassCSP only so that a test can inject axe (the app sends a strict CSP). */
export async function newPage(viewport) {
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  return page;
}

/** A page at `viewport` with JavaScript off: what the forms must do without it. */
export async function noScriptPage(viewport) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false, locale: 'sv-SE' });
  return context.newPage();
}

export async function login(page) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${BASE}/`);
}

export async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= page.viewportSize().width, `${what} is ${width} px wide at ${page.viewportSize().width}`);
}

export async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
