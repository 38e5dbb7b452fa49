// Names (issue 21): two assessments of one organisation are told apart in every picker and in
// the comparison by assessor and date (src/domain/records.rs, `assessment_label`), and the page
// title names the view and the assessment on screen (`page_title`, set through the browser
// layer), at desktop and phone width.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE_CONTEXT, sharedApp } from './support.mjs';
import { openExample, openView, returnToStart, todayIso, waitForView } from './flows.mjs';

const TIMEOUT = 90_000;
const { withApp } = sharedApp();

/** Starts an assessment with an assessor, from the start screen. */
async function startWith(page, organisation, assessor) {
  await returnToStart(page);
  await page.locator('#org-name').fill(organisation);
  await page.locator('#assessor').fill(assessor);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await waitForView(page, 'preconditions');
}

for (const [width, options] of [['desktop', undefined], ['phone', { contextOptions: PHONE_CONTEXT }]]) {
  describe(`names (${width})`, () => {
    test('pickers and the comparison name each assessment by organisation, assessor and date', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        await startWith(page, 'Nordwind Logistics', 'Ann Berg');
        await startWith(page, 'Nordwind Logistics', 'Ben Carter');
        await openView(page, 'report');
        const picker = page.locator('.compare-picker').first();
        const options = await picker.locator('select option').allTextContents();
        const ann = `Nordwind Logistics — Ann Berg, ${todayIso()}`;
        assert.ok(options.map((o) => o.trim()).includes(ann), `the picker does not list "${ann}": ${JSON.stringify(options)}`);
        await picker.locator('select').selectOption({ label: ann });
        await picker.getByRole('button', { name: 'Compare' }).click();
        await page.locator('article.compare').waitFor();
        const names = (await page.locator('.compare-verdicts .card h2').allTextContents()).map((n) => n.trim()).sort();
        assert.deepEqual(names, [ann, `Nordwind Logistics — Ben Carter, ${todayIso()}`]);
        assert.equal(await page.title(), `Compare — ${ann} and Nordwind Logistics — Ben Carter, ${todayIso()} — KOOM Readiness`);
      }, options);
    });

    test('the page title names the view and the assessment', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        assert.equal(await page.title(), 'KOOM Readiness');
        await openExample(page);
        assert.equal(await page.title(), 'Preconditions — Raccoons Incorporated — KOOM Readiness');
        await openView(page, 'red-flags');
        assert.equal(await page.title(), 'Red flags — Raccoons Incorporated — KOOM Readiness');
        await returnToStart(page);
        assert.equal(await page.title(), 'KOOM Readiness');
      }, options);
    });
  });
}
