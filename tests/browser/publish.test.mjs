// The public crisis page in a real browser: written by `beredd publish` from the demo database
// (whose exercise has hotlines and approved messages), opened from disk with the network off at
// phone and desk width, and checked with axe for WCAG 2.1 AA. The file downloaded with the button
// on the exercise's communication page is the same file. scripts/test sets BEREDD_BIN,
// BEREDD_DATABASE, BEREDD_URL and BEREDD_ADMIN_PASSWORD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BIN = process.env.BEREDD_BIN;
const DATABASE = process.env.BEREDD_DATABASE;
const BASE = process.env.BEREDD_URL;
const PASSWORD = process.env.BEREDD_ADMIN_PASSWORD;
assert.ok(BIN && DATABASE && BASE && PASSWORD, 'BEREDD_BIN, BEREDD_DATABASE, BEREDD_URL and BEREDD_ADMIN_PASSWORD must be set (scripts/test sets them)');
// Screenshots to look at, when asked for.
const SHOTS = process.env.BEREDD_SCREENSHOTS;

const dir = mkdtempSync(join(tmpdir(), 'beredd-publish-'));
// The demo's exercise is its first incident.
const out = execFileSync(BIN, ['publish', '--database', DATABASE, '--incident', '1', '--out', dir], { encoding: 'utf8' });
const FILE = join(dir, 'index.html');

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
after(async () => { await browser?.close(); });

/** A page with no network: every request that is not the file itself is refused and counted. */
async function offlinePage(viewport) {
  const context = await browser.newContext({ viewport, offline: true, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  const outside = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, context, outside, errors };
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('beredd publish writes the exercise page, which works offline, at 360 px, and passes axe', async () => {
  assert.match(out, /för övningen \(2 meddelanden, 2 nummer/);
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
    const { page, context, outside, errors } = await offlinePage(viewport);
    await page.goto(pathToFileURL(FILE).href);
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Aktuell information om störningen');
    assert.deepEqual(await page.locator('section:not(.en) ul.hotlines a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['tel:0980319210', 'tel:0980319211']);
    assert.equal(await page.locator('section[lang="en"] h2').count(), 1);
    assert.match(await page.locator('p.updated').textContent(), /^Uppdaterad 2026-11-24 10:00 \(svensk tid\)$/);
    // Nothing wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `the page is ${width} px wide at ${viewport.width}`);
    // The exercise banner is on screen at the top and still after scrolling to the end.
    const banner = page.locator('body > p.exercise');
    assert.match(await banner.textContent(), /^ÖVNING – det här är en övning/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `publish-${viewport.width}-top.png`), fullPage: false });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await banner.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 5, `the banner stays at the top of the screen: ${JSON.stringify(box)}`);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `publish-${viewport.width}-end.png`), fullPage: false });
    assert.deepEqual(await axe(page), [], 'the public page has WCAG 2.1 AA violations');
    // Its statement of accessibility, in Swedish and English, at the foot.
    await page.getByRole('heading', { name: 'Tillgänglighet', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Accessibility', exact: true }).waitFor();
    assert.match(await page.locator('footer .a11y').first().textContent(), /Ring ett av numren ovan/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `publish-${viewport.width}-a11y.png`), fullPage: true });
    assert.deepEqual(outside, [], 'the page asked for nothing outside the file');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the button on the communication page downloads the same page', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true, locale: 'sv-SE', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.goto(`${BASE}/incidents/1/comms`);
  assert.deepEqual(await axe(page), [], 'the communication page has WCAG 2.1 AA violations');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'comms-360.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Ladda ner den publika sidan' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'index.html');
  const saved = join(dir, 'downloaded.html');
  await download.saveAs(saved);
  // The same but for when it was made: the server's clock has moved on since the suite began.
  const minute = (html) => html.replace(/datetime="2026-11-24T\d\d:\d\d:\d\dZ"/g, 'datetime="…"')
    .replace(/2026-11-24 \d\d:\d\d/g, '…');
  assert.equal(minute(readFileSync(saved, 'utf8')), minute(readFileSync(FILE, 'utf8')));
  await context.close();
});
