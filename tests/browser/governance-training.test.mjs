// Training in a real browser: the overview with coverage per unit and who has training to do, a
// course's page, a unit's page and the course form pass axe (WCAG 2.1 AA) and fit a phone; the
// administrator records that a member of the crisis staff took the exercise, and she is no
// longer on the list of those due. scripts/test sets BEREDD_URL and BEREDD_ADMIN_PASSWORD;
// BEREDD_SCREENSHOTS names a folder for screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESK, newPage, login, expectAccessible, fits, shot } from './demo-session.mjs';

const COURSE = 'Övning för krisledningsstaben';

test('the training pages are accessible, fit a phone, and a recorded exercise takes a person off the due list', async () => {
  for (const viewport of [DESK, PHONE]) {
    const page = await newPage(viewport);
    await login(page);
    const w = viewport.width;
    await page.goto(`${BASE}/governance/training`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Utbildningar');
    await expectAccessible(page, `the training overview at ${w} px`);
    await fits(page, 'the training overview');
    await shot(page, `training-${w}`);

    await page.locator('table.coverage').getByRole('link', { name: 'Hemtjänst Norr' }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Utbildningar på Hemtjänst Norr');
    await expectAccessible(page, `a unit's training at ${w} px`);
    await fits(page, "a unit's training");
    await shot(page, `training-unit-${w}`);

    await page.goto(`${BASE}/governance/training`);
    await page.locator('table.courses').getByRole('link', { name: COURSE }).click();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), COURSE);
    // Gunilla Eriksson took part in the autumn exercise: it counts, linked to the exercise.
    const gunilla = page.locator('table.status tr', { has: page.getByRole('rowheader', { name: 'Gunilla Eriksson' }) });
    assert.match(await gunilla.locator('.standing').textContent(), /^Gäller till \d{4}-\d{2}-\d{2}$/);
    assert.equal(await gunilla.getByRole('link').textContent(), 'övning: Höstövning: kommunens nät ligger nere');
    await expectAccessible(page, `a course's page at ${w} px`);
    await fits(page, "a course's page");
    await shot(page, `training-course-${w}`);

    await page.getByRole('link', { name: 'Ändra utbildningen' }).click();
    await expectAccessible(page, `the course form at ${w} px`);
    await fits(page, 'the course form');
    await shot(page, `training-form-${w}`);
    await page.context().close();
  }

  // Sara Lindberg, the spokesperson, has not taken the exercise; she did it today.
  const page = await newPage(DESK);
  await login(page);
  await page.goto(`${BASE}/governance/training`);
  const due = () => page.locator('table.due tbody tr', { has: page.getByRole('link', { name: COURSE }) }).locator('th').allTextContents();
  assert.ok((await due()).includes('Sara Lindberg'), 'Sara is due');
  await page.locator('table.courses').getByRole('link', { name: COURSE }).click();
  await page.getByLabel('Anteckning').fill('Seminarieövning med kommunikatörerna');
  await page.getByRole('button', { name: 'Registrera' }).click();
  assert.match(await page.locator('.error-summary').textContent(), /Deltagare: Fyll i fältet\./);
  await expectAccessible(page, 'the course page with an error');
  await page.getByLabel('Sara Lindberg (Kansli-, säkerhets- och kommunikationsenheten)').check();
  await page.getByRole('button', { name: 'Registrera' }).click();
  await page.getByText('Utbildningen är registrerad.').waitFor();
  const sara = page.locator('table.status tr', { has: page.getByRole('rowheader', { name: 'Sara Lindberg' }) });
  assert.match(await sara.locator('.standing').textContent(), /^Gäller till /);
  await page.goto(`${BASE}/governance/training`);
  assert.ok(!(await due()).includes('Sara Lindberg'), 'Sara is no longer due');
  await page.context().close();
});
