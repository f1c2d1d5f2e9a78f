// Long work in the background in a real browser (issue 24): the whole organisation's binder is
// started from the plans page, its job page shows a progress bar in a polite status region that
// htmx refreshes, then a download button; the page and "Mina körningar" pass axe (WCAG 2.1 AA)
// and fit a phone. scripts/test sets BEREDD_URL and BEREDD_ADMIN_PASSWORD; BEREDD_SCREENSHOTS
// names a folder for screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESK, newPage, login, expectAccessible, fits, shot } from './demo-session.mjs';

test('the whole binder is printed in the background with progress, and downloaded from its job page', async () => {
  for (const viewport of [DESK, PHONE]) {
    const page = await newPage(viewport);
    await login(page);
    const w = viewport.width;
    await page.goto(`${BASE}/plans`);
    await page.locator('#binder-unit').selectOption('');
    await page.getByRole('button', { name: 'Skriv ut pärm (PDF)' }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Pärm: Hela organisationen');
    const status = page.getByRole('status').filter({ has: page.locator('#job-line') });
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    if (await page.locator('#job-progress').count()) {
      await shot(page, `job-running-${w}`);
      await expectAccessible(page, `a running job at ${w} px`);
    }
    // htmx asks every second; no reload is needed for the button to come.
    const download = page.locator('#job-result');
    await download.waitFor({ timeout: 180_000 });
    assert.match(await download.textContent(), /^Hämta parm-.*\.pdf \(\d+ kB\)$/);
    assert.equal(await page.locator('#job-progress').count(), 0, 'no progress bar once done');
    assert.equal(await page.locator('#job-leave').count(), 0, 'nor the note that it goes on');
    await expectAccessible(page, `a finished job at ${w} px`);
    await fits(page, 'a finished job');
    await shot(page, `job-done-${w}`);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.match(file.suggestedFilename(), /^parm-.*\.pdf$/);

    await page.getByRole('link', { name: 'Mina körningar' }).click();
    await page.waitForURL(`${BASE}/jobs`);
    assert.ok(await page.locator('#jobs tbody tr').count() >= 1);
    await expectAccessible(page, `my jobs at ${w} px`);
    await fits(page, 'my jobs');
    await shot(page, `jobs-${w}`);
    await page.context().close();
  }
});
