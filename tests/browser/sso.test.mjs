// Single sign-on in a real browser: the administrator sets up the municipality's provider (a real
// OpenID Connect provider, oidc-provider.mjs, on a free port of this machine), and a user clicks
// "Logga in med kommunens konto", signs in at the provider and lands on Beredd's start page. Runs
// its own Beredd on a demo database of its own (BEREDD_BIN, set by scripts/test), so the other
// browser tests keep their local logins; both pages are checked with axe-core for WCAG 2.1 AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectAccessible, freePort, launchChromium, lineStarting, startDemo } from './own-server.mjs';

const ADMIN_PASSWORD = 'sso-browser-test-admin';
const SECRET = 'browser-test-client-secret';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beredd-sso-'));
let browser, beredd, provider, BASE, ISSUER;

before(async () => {
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  beredd = await startDemo(`sqlite://${work}/sso.db`, port, ADMIN_PASSWORD);
  const config = path.join(work, 'provider.json');
  fs.writeFileSync(config, JSON.stringify({
    client: { client_id: 'beredd', client_secret: SECRET, redirect_uris: [`${BASE}/login/sso/callback`] },
    users: { anna: { password: 'annas-lösen', name: 'Anna Berg', email: 'anna@kommun.example', groups: ['beredd-krisledning'] } },
    tamper: null,
  }));
  provider = spawn(process.execPath, [new URL('./oidc-provider.mjs', import.meta.url).pathname, config],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  ISSUER = await lineStarting(provider, 'OIDC_PROVIDER ');
  provider.stdout.resume();
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  beredd?.kill();
  provider?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  return page;
}

test('the administrator sets up the provider, and a user logs in with the button', async () => {
  const admin = await newPage();
  await admin.goto(`${BASE}/login`);
  await admin.getByLabel('Användarnamn').fill('admin');
  await admin.getByLabel('Lösenord').fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Logga in' }).click();
  await admin.waitForURL(`${BASE}/`);
  await admin.goto(`${BASE}/login-settings`);
  await expectAccessible(admin, 'the login settings');
  await admin.getByLabel('Utfärdare (issuer)').fill(ISSUER);
  await admin.getByLabel('Klient-id (application id)').fill('beredd');
  await admin.getByLabel('Klienthemlighet').fill(SECRET);
  await admin.getByLabel('Beredds adress').fill(BASE);
  await admin.getByLabel('Grupper och roller').fill('beredd-krisledning = crisis_staff');
  await admin.getByRole('button', { name: 'Spara' }).click();
  await admin.getByText('Ändringarna är sparade.').waitFor();
  assert.equal(await admin.getByLabel('Klienthemlighet').inputValue(), '', 'the secret is never shown again');
  await admin.context().close();

  const page = await newPage({ width: 360, height: 740 });
  await page.goto(`${BASE}/units`);
  const button = page.getByRole('link', { name: 'Logga in med kommunens konto' });
  await button.waitFor();
  await expectAccessible(page, 'the login page with single sign-on');
  await button.click();
  await page.waitForURL(`${ISSUER}/interaction/**`);
  await page.getByLabel('Username').fill('anna');
  await page.getByLabel('Password').fill('annas-lösen');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back at Beredd, logged in, on the page she was going to.
  await page.waitForURL(`${BASE}/units`);
  await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
  await page.goto(`${BASE}/`);
  await page.getByText('Välkommen, Anna Berg.').waitFor();
  await page.context().close();
});
