// Beredd in a real browser: log in, walk every page, create and edit a unit, use it on a
// phone-sized screen, and check each page with axe-core for WCAG 2.1 AA. The server is started
// by scripts/test (BEREDD_URL, BEREDD_ADMIN_PASSWORD).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = String(require('vnu-jar')); // the path of vnu.jar
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

// bypassCSP only so that the test can inject axe; the app itself sends a strict CSP.
async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  return page;
}

async function login(page) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${BASE}/`);
}

/** Runs axe for WCAG 2.1 A and AA and returns the violations, readable. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function expectAccessible(page, what) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${what} (${page.url()}) has WCAG 2.1 AA violations:\n${violations.join('\n')}`);
}

test('the login page is accessible and refuses a wrong password in Swedish', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/units`);
  assert.match(page.url(), /\/login\?next=%2Funits$/);
  await expectAccessible(page, 'login page');
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill('fel lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByText('Fel användarnamn eller lösenord.').waitFor();
  await expectAccessible(page, 'login page with error');
  await page.context().close();
});

test('the accessibility statement is linked from every page and readable without logging in', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/login`);
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse för Beredd' }).waitFor();
  await page.getByRole('heading', { name: 'Kända brister' }).waitFor();
  await expectAccessible(page, 'accessibility statement');
  await login(page);
  assert.equal(await page.locator('footer a[href="/tillganglighet"]').count(), 1, 'linked from the footer');
  await page.context().close();
});

// The server's HTML of every crawled page, for the W3C Nu HTML Checker at the end.
const html = new Map();

test('every page a user can reach is accessible', async () => {
  const page = await newPage();
  await login(page);
  const visited = new Set();
  const queue = ['/'];
  // Follow the navigation, one record of each register, and its edit and delete pages.
  const navLinks = await page.locator('nav[aria-label] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  queue.push(...navLinks, '/outage?category=inside_network&hours=720', '/account', '/units/new', '/activities/new', '/people/new', '/systems/new', '/suppliers/new', '/users/new');
  for (const register of ['units', 'activities', 'people', 'systems', 'suppliers', 'resources', 'dependencies', 'assets', 'actions', 'users']) {
    await page.goto(`${BASE}/${register}`);
    const first = await page.locator('table tbody th a').first().getAttribute('href');
    queue.push(first);
    if (register !== 'users') queue.push(`${first}/edit`, `${first}/delete`);
    if (register === 'activities') queue.push(`${first}/bia`);
    if (register === 'systems') queue.push(`${first}/assessment`, `${first}/assessment/STY-01`, `${first}/assessment/areas/STY`);
    if (register === 'assets') queue.push(`${first}/classify`);
  }
  queue.push('/assets/new', '/scenarios/new', '/resources/new', '/dependencies/new', '/requirements/LOG-06', '/requirements?K=4&T=3&flag=patient_data',
    '/requirements/new', '/actions/new', '/overview', '/actions?status=overdue',
    '/plan-templates/ifo-ekonomiskt-bistand', '/incidents/new', '/plans/new', '/plans/1', '/plans/1/edit', '/plans/1/diff?from=1&to=2', '/plans/6',
    '/incidents/1', '/incidents/1/injects', '/incidents/1/lessons', '/incidents/1/recovery', '/incidents/1/log',
    '/risks/analyses/1', '/risks/analyses/1/edit', '/risks/scales', '/risks/1/edit', '/risks?f_decision=treat', '/frameworks/cybersakerhetslagen/2026.1', '/frameworks/iso27001-bilaga-a/2026.1',
    '/assessments/1', '/assessments/1?show=gaps', '/assessments/1/requirements/2.3.3', '/assessments/1/chapters/1',
    '/incidents/1/comms', '/governance/processing', '/governance/review', '/governance/review?year=2025', '/organisation',
    '/governance/training/new', '/governance/training/4', '/governance/training/4/edit', '/governance/training/units/1',
    '/incidents/1/staff', '/incidents/1/roster', '/incidents/1/meeting', '/incidents/1/reporting', '/governance/documents/new');
  // The first governance document: its edit form, a new version and the difference between its versions.
  await page.goto(`${BASE}/governance/documents`);
  const doc = await page.locator('table tbody a[href^="/governance/documents/"]').first().getAttribute('href');
  queue.push(doc, `${doc}/edit`, `${doc}/versions/new`, `${doc}/diff`);
  // The demo has no local requirement, so one is written here to reach its edit form.
  await page.goto(`${BASE}/requirements/new`);
  await page.locator('#requirement_id').fill('EGEN-90');
  await page.locator('#area').selectOption({ index: 1 });
  await page.locator('#title').fill('Reservrutinen prövas varje kvartal');
  await page.locator('#is_text').fill('Reservrutinen prövas inte regelbundet.');
  await page.locator('#shall_text').fill('Reservrutinen ska prövas varje kvartal.');
  await page.locator('#applies').selectOption('T2');
  await page.locator('main form button[type=submit]').first().click();
  await page.waitForURL(/\/requirements\/EGEN-90/);
  queue.push('/requirements/EGEN-90/edit');
  // The whole organisation's binder is printed in the background: its job's page and the list.
  await page.goto(`${BASE}/plans`);
  await page.locator('#binder-unit').selectOption('');
  await page.getByRole('button', { name: 'Skriv ut pärm (PDF)' }).click();
  await page.waitForURL(/\/jobs\/\d+$/);
  queue.push(new URL(page.url()).pathname, '/jobs');
  const failures = [];
  for (const path of queue) {
    if (visited.has(path)) continue;
    visited.add(path);
    const resp = await page.goto(`${BASE}${path}`);
    assert.equal(resp.status(), 200, `${path} answers 200`);
    assert.ok(await page.locator('h1').count() === 1, `${path} has one h1`);
    html.set(path, await resp.text());
    const violations = await axe(page);
    if (violations.length) failures.push(`${path} at 1280 px:\n  ${violations.join('\n  ')}`);
  }
  assert.ok(visited.size >= 40, `walked ${visited.size} pages`);
  await page.context().close();

  // The same pages on a 360-pixel phone: none is wider than the screen, and axe finds nothing
  // there either (a table that scrolls sideways must be reachable by keyboard, say).
  const phone = await newPage({ width: 360, height: 740 });
  await login(phone);
  const wide = [];
  for (const path of visited) {
    await phone.goto(`${BASE}${path}`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    if (width > 361) wide.push(`${path} (${width} px)`);
    const violations = await axe(phone);
    if (violations.length) failures.push(`${path} at 360 px:\n  ${violations.join('\n  ')}`);
  }
  await phone.context().close();
  assert.deepEqual(failures, [], `WCAG 2.1 AA violations:\n${failures.join('\n')}`);
  assert.deepEqual(wide, [], 'pages wider than a 360-pixel screen');
});

// The server's HTML of the crawled pages is valid: the W3C Nu HTML Checker (vnu.jar, Java) finds
// no error in any of them.
test('every crawled page is valid HTML to the W3C Nu HTML Checker', () => {
  assert.ok(html.size >= 40, `the crawl kept ${html.size} pages`);
  const dir = mkdtempSync(join(tmpdir(), 'beredd-vnu-'));
  const files = new Map();
  try {
    [...html].forEach(([path, text], i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, text);
      files.set(`file:${file}`, path);
    });
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...[...files.keys()].map((f) => f.slice(5))],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.status !== null, `java did not run: ${run.error?.message}`);
    const messages = JSON.parse(run.stderr || '{"messages":[]}').messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    const errors = messages.map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine ?? '?'}: ${m.message} ${m.extract ? `«${m.extract.trim().slice(0, 80)}»` : ''}`);
    assert.deepEqual(errors, [], `HTML errors:\n${errors.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a plan is revised in the browser: errors name the row, approval makes the printed binder stale', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/plans`);
  await page.getByRole('link', { name: 'Kontinuitetsplan ekonomiskt bistånd' }).click();
  await page.getByRole('link', { name: 'Börja ett nytt utkast' }).click();
  // A person not in the register is added as a row of its own.
  const n = await page.locator('#calls li.row').count();
  await page.getByRole('button', { name: 'Lägg till en person' }).click();
  await page.locator(`#call${n}_name`).waitFor();
  await page.waitForFunction((id) => document.activeElement?.id === id, `call${n}_name`); // the new row has the focus
  await page.locator(`#call${n}_name`).fill('Ny vikarie');
  await page.locator(`#call${n}_role`).fill('Socialsekreterare');
  await page.locator(`#call${n}_phone`).fill('saknas');
  await page.getByRole('button', { name: 'Spara utkastet' }).first().click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), new RegExp(`Ringlista, person ${n + 1}, telefon: Ange ett telefonnummer`));
  await expectAccessible(page, 'plan form with errors');
  await page.locator(`#call${n}_phone`).fill('070-174 06 98');
  await page.getByLabel('Vad som ändrats').fill('Ny vikarie på ringlistan');
  await page.getByRole('button', { name: 'Spara utkastet' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
  // Approving asks first, on a page of its own, with the unit's manager proposed as approver.
  await page.getByRole('link', { name: 'Godkänn utkastet' }).click();
  await page.getByRole('heading', { level: 1, name: /^Godkänn Kontinuitetsplan ekonomiskt bistånd, version/ }).waitFor();
  assert.notEqual(await page.getByLabel('Vem godkänner planen?').inputValue(), '', 'a manager is proposed');
  await expectAccessible(page, 'approving a plan');
  await page.getByRole('button', { name: /^Godkänn version/ }).click();
  await page.getByRole('status').filter({ hasText: 'Planen är godkänd' }).waitFor();
  assert.equal((await page.locator('.page-head .actions .primary').textContent()).trim(), 'Skriv ut planen (PDF)');
  await page.getByText('Pärmen har version 1, skriv ut den nya').waitFor();
  await page.getByRole('link', { name: 'Jämför med version 1' }).click();
  assert.match(await page.locator('li.diff-added').first().textContent(), /Ny vikarie/);
  await expectAccessible(page, 'plan diff');
  await page.context().close();
});

test('a gap in the assessment against the cybersecurity act becomes an action, on a phone', async () => {
  const page = await newPage({ width: 360, height: 740 });
  await login(page);
  await page.goto(`${BASE}/frameworks`);
  await page.getByRole('link', { name: 'Cybersäkerhetslagen – nulägesanalys hösten 2026' }).click();
  await page.getByRole('link', { name: 'Säkerhet vid förvärv, utveckling och underhåll' }).first().click();
  await page.getByLabel('Nej', { exact: true }).check();
  await page.getByLabel('Ny åtgärd').fill('Rutin för sårbarhetshantering');
  // The date picker cannot send 'snart'; a browser without one can, and the server says why.
  await page.getByLabel('Klart senast').evaluate((el) => { el.type = 'text'; el.value = 'snart'; });
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /Klart senast/);
  await expectAccessible(page, 'assessment answer with errors');
  await page.getByLabel('Klart senast').fill('2027-05-31');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
  await page.getByRole('link', { name: 'Rutin för sårbarhetshantering' }).waitFor();
  await page.getByRole('link', { name: 'Cybersäkerhetslagen – nulägesanalys hösten 2026' }).click();
  const gaps = await page.locator('table[aria-labelledby=gaps-heading] tbody tr').allTextContents();
  assert.ok(gaps.some((g) => g.includes('Rutin för sårbarhetshantering')), gaps.join('\n'));
  await expectAccessible(page, 'assessment overview');
  await page.context().close();
});

test('on a phone the crisis staff start an incident and a second session sees the board change live', async () => {
  const page = await newPage({ width: 360, height: 740 });
  await login(page);
  await page.goto(`${BASE}/incidents`);
  await page.getByRole('link', { name: 'Starta en incident' }).click();
  await page.getByRole('button', { name: 'Starta incidenten' }).click();
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'incident form with errors');
  await page.getByLabel('Vad har hänt (rubrik)').fill('Kommunens IT-system är utslagna');
  await page.getByLabel('Björkbackens särskilda boende').check();
  await page.getByRole('button', { name: 'Starta incidenten' }).click();
  await page.getByRole('status').filter({ hasText: 'Incidenten är startad' }).waitFor();
  await expectAccessible(page, 'incident board');
  const id = new URL(page.url()).pathname.split('/')[2];

  const other = await newPage({ width: 360, height: 740 });
  await login(other);
  await other.goto(`${BASE}/incidents/${id}`);
  await other.getByText('Lägestavlan uppdateras direkt.').waitFor();
  // Each plan is a fold; open the first in both sessions.
  await page.locator('details.area > summary').first().click();
  await other.locator('details.area > summary').first().click();
  const firstItem = page.locator('li.board-item').first();
  const itemId = await firstItem.getAttribute('id');
  await firstItem.getByRole('button', { name: 'Klart' }).click();
  await other.locator(`#${itemId} .state-text`).filter({ hasText: 'Klart' }).waitFor({ timeout: 2000 });
  assert.equal(await other.locator(`#${itemId} button[value=done]`).getAttribute('aria-pressed'), 'true');

  for (const tab of ['log', 'staff', 'roster', 'reporting', 'comms', 'meeting', 'recovery', 'lessons']) {
    const resp = await page.goto(`${BASE}/incidents/${id}/${tab}`);
    assert.equal(resp.status(), 200);
    await expectAccessible(page, `incident ${tab}`);
    if (tab === 'log') assert.match(await page.locator('#chain').textContent(), /Loggen är obruten/);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, 'the incident pages fit a 360-pixel screen');
  await other.context().close();
  await page.context().close();
});

test('an incident known at 07:33 Swedish time on a summer day has its 24-hour deadline at 07:33 the next day', async () => {
  const page = await newPage({ width: 360, height: 740 });
  await login(page);
  await page.goto(`${BASE}/incidents/new`);
  await page.getByLabel('Vad har hänt (rubrik)').fill('Larmen når inte hemtjänsten');
  await page.locator('#discovered_at').fill('2026-07-14 07:33');
  await page.getByLabel('Björkbackens särskilda boende').check();
  await page.getByRole('button', { name: 'Starta incidenten' }).click();
  await page.getByRole('status').filter({ hasText: 'Incidenten är startad' }).waitFor();
  await page.getByRole('link', { name: 'Rapportering', exact: true }).click();
  await expectAccessible(page, 'reporting before any decision');
  const significant = page.locator('#assessment-significant');
  await significant.getByText('Registrera beslutet').click();
  await significant.getByLabel('Betydande incident', { exact: true }).check();
  await significant.locator('#significant_grounds').fill('Larm och journal är nere i hela hemtjänsten.');
  await significant.getByRole('button', { name: 'Spara beslutet' }).click();
  await page.locator('#clock-nis2_early_warning').waitFor();
  assert.equal((await page.locator('#clock-nis2_early_warning .deadline strong').textContent()).trim(), '2026-07-15 07:33 svensk tid');
  assert.equal((await page.locator('#clock-nis2_notification .deadline strong').textContent()).trim(), '2026-07-17 07:33 svensk tid');
  assert.match(await page.locator('#assessment-significant .decision').textContent(), /Betydande incident/);
  await expectAccessible(page, 'reporting with clocks running');
  const banner = await page.locator('.running-incident').textContent();
  assert.match(banner, /Larmen når inte hemtjänsten/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, 'the reporting page fits a 360-pixel screen');
  await page.context().close();
});

test('the navigation is eight groups in the order of the work, and one menu button on a phone', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/systems`);
  const groups = await page.locator('.nav-wide li a').allTextContents();
  assert.deepEqual(groups, ['Start', 'Kris', 'Organisation', 'Klassning och krav', 'Kontinuitet', 'Risk och ramverk', 'Uppföljning', 'Administration']);
  assert.equal(await page.locator('.nav-wide a[aria-current]').textContent(), 'Organisation');
  assert.equal(await page.locator('.subnav a[aria-current=page]').textContent(), 'System och tjänster');
  await page.locator('.subnav').getByRole('link', { name: 'Beroenden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beroenden' }).waitFor();
  await page.context().close();

  const phone = await newPage({ width: 360, height: 740 });
  await login(phone);
  await phone.goto(`${BASE}/systems`);
  assert.equal(await phone.locator('.nav-wide').isVisible(), false);
  await phone.getByText('Meny', { exact: true }).click();
  await phone.locator('.nav-narrow').getByRole('link', { name: 'Årshjul' }).click();
  await phone.getByRole('heading', { level: 1 }).waitFor();
  assert.match(phone.url(), /\/cycle$/);
  await expectAccessible(phone, 'a page with the phone menu');
  await phone.context().close();
});

test('a coordinator creates a unit, sees the errors tied to the fields, and edits it', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/units`);
  await page.getByRole('link', { name: 'Ny enhet' }).click();
  // Saving without a name shows the error summary and the error at the field, keeping input.
  await page.getByLabel('Antal medarbetare').fill('-5');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('alert').waitFor();
  await expectAccessible(page, 'unit form with errors');
  assert.equal(await page.getByLabel('Antal medarbetare').inputValue(), '-5');
  const describedBy = await page.locator('#name').getAttribute('aria-describedby');
  assert.match(describedBy, /name-error/);

  await page.getByLabel('Namn', { exact: false }).first().fill('Webbtestets enhet');
  await page.getByLabel('Nivå').selectOption('enhet');
  await page.getByLabel('Ingår i').selectOption({ label: 'Socialförvaltningen' });
  await page.getByLabel('Antal medarbetare').fill('12');
  await page.getByLabel('Dygnet runt').check();
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('status').filter({ hasText: 'Posten är skapad' }).waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Webbtestets enhet');

  await page.getByRole('link', { name: 'Ändra' }).click();
  await page.getByLabel('Antal medarbetare').fill('14');
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
  assert.ok((await page.locator('dl.details').textContent()).includes('14'));
  await page.context().close();
});

test('the live search narrows a list without reloading the page', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/systems`);
  const before = await page.locator('table tbody tr').count();
  await page.getByLabel('Sök').fill('trygghetslarm');
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length < n, before);
  const rows = await page.locator('table tbody tr').allTextContents();
  assert.ok(rows.length >= 1 && rows.every((r) => r.toLowerCase().includes('trygghetslarm')), rows.join('\n'));
  assert.match(page.url(), /q=trygghetslarm/);
  await page.context().close();
});

test('on a 360-pixel phone the pages fit the screen and phone numbers are tappable', async () => {
  const page = await newPage({ width: 360, height: 740 });
  await login(page);
  for (const path of ['/', '/units', '/people', '/systems']) {
    await page.goto(`${BASE}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
  }
  await page.goto(`${BASE}/people`);
  const tel = await page.locator('a[href^="tel:"]').first().getAttribute('href');
  assert.match(tel, /^tel:\+?\d+$/);
  await expectAccessible(page, 'people list on a phone');
  await page.context().close();
});

test('the keyboard reaches the skip link first and it moves focus to the content', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/units`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Hoppa till innehållet');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.context().close();
});

test('the plan editor: a step moves with and without JavaScript, a person is picked from the register, and it fits a phone', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/plans`);
  await page.getByRole('link', { name: 'Kontinuitetsplan hemtjänsten' }).click();
  await page.getByRole('link', { name: 'Börja ett nytt utkast' }).click();
  const sections = await page.locator('nav.plan-sections a').allTextContents();
  assert.ok(sections.includes('Ringlista (5)') && sections.some((s) => s.startsWith('Reservrutiner')), sections.join(' | '));
  assert.equal(await page.locator('details#r0').getAttribute('open'), null, 'routines are folded');
  await page.locator('#r0 > summary').click();
  const first = await page.locator('#r0_s0_text').inputValue();
  const second = await page.locator('#r0_s1_text').inputValue();
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.locator('#r0').getByRole('button', { name: 'Upp, steg 2' }).click();
  await page.waitForFunction((v) => document.querySelector('#r0_s0_text').value === v, second);
  assert.equal(await page.locator('#r0_s1_text').inputValue(), first);
  assert.equal(loads, 0, 'htmx moved the step without loading the page');
  await page.waitForFunction(() => document.activeElement?.id === 'r0_s0-down'); // the moved step keeps the focus
  await expectAccessible(page, 'plan editor with a routine open');
  // A person from the staff register: name and phone are filled in.
  const n = await page.locator('#calls li.row').count();
  await page.locator('#call_person').selectOption({ index: 1 });
  const chosen = await page.locator('#call_person option:checked').textContent();
  await page.locator('#calls').getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.locator(`#call${n}_name`).waitFor();
  const name = await page.locator(`#call${n}_name`).inputValue();
  assert.ok(name && chosen.startsWith(name), `${name} from ${chosen}`);
  assert.match(await page.locator(`#call${n}_phone`).inputValue(), /^0\d/);
  // The fill from the register says what it found, and what the register lacks.
  await page.getByRole('button', { name: 'Hämta hela ringlistan från personalregistret' }).click();
  await page.locator('#calls-notice').waitFor();
  assert.match(await page.locator('#calls-notice').textContent(), /ur personalregistret.*men bara 5 av dem finns i personalregistret/s);
  await page.getByRole('button', { name: 'Spara utkastet' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }).waitFor();
  const steps = await page.locator('section.routine').first().locator('ol.steps li').allTextContents();
  assert.ok(steps[0].endsWith(second), `${steps[0]} / ${second}`);
  await page.context().close();

  // Without JavaScript the same buttons are plain form posts, on a phone.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'sv-SE' });
  const phone = await context.newPage();
  await login(phone);
  await phone.goto(`${BASE}/plans`);
  await phone.getByRole('link', { name: 'Kontinuitetsplan hemtjänsten' }).click();
  await phone.getByRole('link', { name: 'Redigera utkastet' }).click();
  await phone.locator('#r0 > summary').click();
  const top = await phone.locator('#r0_s0_text').inputValue();
  await phone.locator('#r0_s0-down').click();
  await phone.waitForLoadState();
  assert.equal(await phone.locator('#r0_s1_text').inputValue(), top, 'moved down by a form post');
  assert.notEqual(await phone.locator('details#r0').getAttribute('open'), null, 'the routine stays open');
  assert.ok(await phone.locator('#r0_s1-down[autofocus]').count() === 1, 'the moved step\'s button takes the focus');
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 361, `the editor is ${width} px wide on a phone`);
  await context.close();

  const small = await newPage({ width: 360, height: 740 });
  await login(small);
  await small.goto(`${BASE}/plans`);
  await small.getByRole('link', { name: 'Kontinuitetsplan hemtjänsten' }).click();
  await small.getByRole('link', { name: 'Redigera utkastet' }).click();
  await small.locator('#r0 > summary').click();
  await expectAccessible(small, 'plan editor on a phone');
  await small.context().close();
});
