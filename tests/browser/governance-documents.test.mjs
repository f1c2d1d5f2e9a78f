// Steering documents in a real browser: the administrator makes a personal reading link for a
// member of staff on the demo's instruction for the elderly care; the staff member opens it on a
// 360-pixel phone without logging in, reads the instruction and confirms. The list, the document
// page and the public reading page pass axe (WCAG 2.1 AA) and fit a phone. scripts/test sets
// BEREDD_URL and BEREDD_ADMIN_PASSWORD; BEREDD_SCREENSHOTS names a folder for screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESK, newPage, login, expectAccessible, fits, shot } from './demo-session.mjs';

test('a member of staff confirms reading an instruction through a personal link on a phone', async () => {
  const TITLE = 'Så här gör du om systemen ligger nere';
  let link;
  for (const viewport of [DESK, PHONE]) {
    const page = await newPage(viewport);
    await login(page);
    const w = viewport.width;
    await page.goto(`${BASE}/governance/documents`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Styrdokument');
    await expectAccessible(page, `the list of steering documents at ${w} px`);
    await fits(page, 'the list of steering documents');
    await shot(page, `documents-list-${w}`);

    await page.getByRole('link', { name: TITLE }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), TITLE);
    assert.equal(await page.locator('#current-heading').textContent(), 'Gällande version: 1');
    await expectAccessible(page, `the instruction's page at ${w} px`);
    await fits(page, "the instruction's page");
    await shot(page, `document-${w}`);

    if (!link) {
      // Björkbacken's staff: its manager has not read the instruction yet.
      const unit = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Björkbackens särskilda boende' }) });
      assert.match(await unit.locator('p').first().textContent(), /^0 av 1 har läst version 1\.$/);
      await unit.getByRole('button', { name: 'Skapa personliga länkar' }).click();
      assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /^Personliga länkar till /);
      await expectAccessible(page, 'the list of personal links');
      await shot(page, `links-${w}`);
      link = (await page.locator('code.link').first().textContent()).trim();
      assert.match(link, /\/read\/[A-Za-z0-9_-]{43}$/);
    }
    await page.context().close();
  }

  // On the phone of the member of staff, without an account.
  const phone = await newPage(PHONE);
  await phone.goto(link);
  assert.equal(await phone.getByRole('heading', { level: 1 }).textContent(), TITLE);
  assert.doesNotMatch(await phone.locator('main').textContent(), /Maja Lindström/, 'not even whose link it is');
  assert.equal(await phone.locator('nav').count(), 0, 'nothing of Beredd but the document');
  await expectAccessible(phone, 'the public reading page');
  await fits(phone, 'the public reading page');
  await shot(phone, 'read-360');
  await phone.getByRole('button', { name: 'Jag har läst och förstått' }).click();
  assert.equal(await phone.locator('#thanks').textContent(), 'Tack! Din läsbekräftelse är sparad.');
  assert.equal(await phone.getByRole('button', { name: 'Jag har läst och förstått' }).count(), 0);
  await expectAccessible(phone, 'the public reading page after confirming');
  await shot(phone, 'read-done-360');
  await phone.context().close();

  // The administrator now sees her as having read it.
  const page = await newPage(DESK);
  await login(page);
  await page.goto(`${BASE}/governance/documents`);
  await page.getByRole('link', { name: TITLE }).click();
  const unit = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Björkbackens särskilda boende' }) });
  assert.match(await unit.locator('p').first().textContent(), /^1 av 1 har läst version 1\.$/);
  await page.context().close();
});
