// End-to-end: every view has an address. Back and Forward walk the views, a reload shows what
// was on screen, an address opens what it names, and an unknown address says so.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sharedApp } from './support.mjs';
import { answer, openExample, openView, openedId, readinessModel, startAssessment, waitForSaved, waitForView } from './flows.mjs';

const TIMEOUT = 60_000;
const { withApp, server } = sharedApp();

const fragment = (page) => page.evaluate(() => location.hash);

describe('addresses', () => {
  test('Back and Forward walk the views; a reload keeps the view', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      await startAssessment(page, 'Addressed Apparel');
      const id = await openedId(page);
      assert.equal(await fragment(page), `#/a/${id}/preconditions`);
      await answer(page, preconditions[0].id, 'no');
      await waitForSaved(page, id, (r) => r.assessment.answers[preconditions[0].id] === 'no');
      for (const view of ['maturity', 'red-flags', 'report']) {
        await openView(page, view);
        assert.equal(await fragment(page), `#/a/${id}/${view}`);
      }
      await page.goBack();
      await waitForView(page, 'red-flags');
      await page.goBack();
      await waitForView(page, 'maturity');
      await page.goForward();
      await waitForView(page, 'red-flags');
      assert.equal(await fragment(page), `#/a/${id}/red-flags`);
      await page.reload({ waitUntil: 'load' });
      await waitForView(page, 'red-flags');
      assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Addressed Apparel');
      // Back from the first view of the assessment reaches the start screen.
      await page.getByRole('button', { name: 'KOOM Readiness' }).click();
      await page.locator('#org-name').waitFor();
      assert.equal(await fragment(page), '#/');
      await page.goBack();
      await waitForView(page, 'red-flags');
    });
  });

  test('an address opens what it names, in a new tab too', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await openExample(page);
      await openView(page, 'stability');
      assert.equal(await fragment(page), '#/example/stability');
      const other = await context.newPage();
      await other.goto(`${server().url}#/example/report`);
      await other.locator('article.report h1').waitFor();
      assert.match(await other.locator('article.report h1').textContent(), /Raccoons Incorporated/);
      await other.close();
    });
  });

  test('an unknown or stale address says so and shows the library', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await page.goto(`${server().url}#/a/no-such-id/report`);
      await page.locator('#org-name').waitFor();
      await page.locator('[data-notice="message"]', { hasText: 'not saved in this browser' }).waitFor();
      assert.equal(await fragment(page), '#/');
      await page.goto(`${server().url}#/nowhere/at/all`);
      await page.locator('[data-notice="message"]', { hasText: 'is not an address KOOM Readiness knows' }).waitFor();
    });
  });
});
