// Passkeys in a real browser: Chromium's virtual authenticator (the DevTools WebAuthn domain, a
// platform authenticator with user verification) stands in for a phone's fingerprint. A user adds
// a passkey on the second-factor page, gets recovery codes once, logs out, logs in with the
// password and the passkey at phone width, and removes it. Passkeys need a host name, so this runs
// its own Beredd (BEREDD_BIN, set by scripts/test) on a demo database of its own, reached as
// http://localhost:PORT; the other browser tests keep their logins. The pages are checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectAccessible, freePort, launchChromium, startDemo } from './own-server.mjs';

const ADMIN_PASSWORD = 'passkey-browser-test-admin';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'beredd-passkeys-'));
let browser, beredd, BASE;

before(async () => {
  const port = await freePort();
  BASE = `http://localhost:${port}`;
  beredd = await startDemo(`sqlite://${work}/passkeys.db`, port, ADMIN_PASSWORD);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  beredd?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

async function logInWithPassword(page) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

test('a passkey is added, logs in at phone width, and is removed', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  // The phone's authenticator: it verifies the user (as a fingerprint would) without asking.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
               isUserVerified: true, automaticPresenceSimulation: true },
  });

  await logInWithPassword(page);
  await page.waitForURL(`${BASE}/`);
  await page.goto(`${BASE}/account/second-factor`);
  await expectAccessible(page, 'the second-factor page');
  // A key needs a name: refused with the field named, nothing made.
  await page.getByRole('button', { name: 'Lägg till passkey eller säkerhetsnyckel' }).click();
  await page.getByText('Namn på nyckeln: skriv ett namn').waitFor();
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 0);

  await page.getByLabel('Namn på nyckeln').fill('Min telefon');
  await page.getByRole('button', { name: 'Lägg till passkey eller säkerhetsnyckel' }).click();
  await page.getByText('Nyckeln är tillagd.').waitFor();
  const codes = await page.locator('.recovery-codes code').allTextContents();
  assert.equal(codes.length, 10, 'the first second factor gives recovery codes, shown once');
  assert.ok(await page.getByRole('rowheader', { name: 'Min telefon' }).isVisible());
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 1);
  await expectAccessible(page, 'the second-factor page with a key and recovery codes');

  // Log out; log in again on a phone-sized window: the password, then the passkey.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.setViewportSize({ width: 360, height: 740 });
  await logInWithPassword(page);
  const use = page.getByRole('button', { name: 'Använd passkey eller säkerhetsnyckel' });
  await use.waitFor();
  await expectAccessible(page, 'the login\'s second step with a passkey');
  await use.click();
  await page.waitForURL(`${BASE}/`);

  await page.goto(`${BASE}/account/second-factor`);
  const row = page.getByRole('row', { name: /Min telefon/ });
  assert.doesNotMatch(await row.innerText(), /–\s*$/, 'the key shows when it was last used');
  await row.getByRole('button', { name: 'Ta bort: Min telefon' }).click();
  await page.getByText('Nyckeln är borttagen.').waitFor();
  assert.ok(await page.getByText('Du har ingen passkey eller säkerhetsnyckel ännu.').isVisible());
  await context.close();
});
