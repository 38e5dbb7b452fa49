// End-to-end check that a pathological text does not hang the app, on the release bundle in
// headless Chromium: a saved record written before texts were bounded (or edited by hand) holds
// 1,000,000 characters without a space in a question's note, the pilot's evaluation and a note
// on a stability sign; the app opens it and every view renders within a generous bound. How
// long each view takes is measured by bench/pathological.mjs. And on a phone, a long word
// within the limits (a link to the evidence) in any text never makes a view scroll sideways.
// Every test also checks that the page stayed clean (no console errors, no failed or external
// requests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE_CONTEXT, sharedApp } from './support.mjs';
import { VIEWS, exportExampleFile, openView, seedAndOpen, withLongTexts } from './flows.mjs';

/** "Does not hang": the most a view may take to render. */
const BOUND_MS = 15_000;
const LENGTH = 1_000_000;
const NAME = 'Long Text Logistics';

const { withApp } = sharedApp({ timeout: BOUND_MS });

/** Resolves after two animation frames (the frame that lays the view out has been painted), or rejects after `ms`. */
async function twoFrames(page, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page did not paint within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([
      page.evaluate(() => new Promise((resolveFrames) => requestAnimationFrame(() => requestAnimationFrame(() => resolveFrames())))),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('long texts', () => {
  test('a saved 1,000,000-character note without spaces does not hang any view', { timeout: 240_000 }, async (t) => {
    await withApp(async ({ page }) => {
      const file = await exportExampleFile(page);
      const { assessment, question, sign } = withLongTexts({ ...file.assessment, organisation: NAME }, 'x'.repeat(LENGTH));
      await seedAndOpen(page, 'long-text', assessment, { view: 'green-flags', timeout: BOUND_MS });
      await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: NAME }).waitFor();

      const took = {};
      for (const view of VIEWS) {
        const start = Date.now();
        await page.locator(`nav[aria-label="Assessment sections"] button[data-view="${view.token}"]`).click({ timeout: BOUND_MS });
        await page
          .locator(`nav[aria-label="Assessment sections"] button[data-view="${view.token}"][aria-current="page"]`)
          .waitFor({ state: 'attached', timeout: BOUND_MS });
        await page.locator('main #main-heading', { hasText: view.heading ?? NAME }).waitFor({ state: 'visible', timeout: BOUND_MS });
        await twoFrames(page, BOUND_MS);
        took[view.token] = Date.now() - start;
        assert.ok(took[view.token] < BOUND_MS, `${view.label} took ${took[view.token]} ms to render (bound ${BOUND_MS} ms)`);

        // The long text is really there, not dropped on the way.
        const length = await page.evaluate(
          ([token, questionId, signId]) => {
            switch (token) {
              case 'preconditions':
                return document.getElementById(`${questionId}-note`)?.value.length;
              case 'sequence':
                return document.getElementById('pilot-evaluation')?.value.length;
              case 'stability':
                return document.querySelector(`select[data-cycle="1"][data-sign="${signId}"]`)?.closest('td')?.querySelector('.cell-note')?.textContent.length;
              case 'report':
                return document.querySelector('article.report')?.textContent.length;
              default:
                return null;
            }
          },
          [view.token, question, sign],
        );
        if (['preconditions', 'sequence', 'stability'].includes(view.token)) {
          assert.equal(length, LENGTH, `${view.label}: the long text is not shown in full`);
        } else if (view.token === 'report') {
          assert.ok(length > 3 * LENGTH, `the report does not show the three long texts (${length} characters)`);
        }
      }
      // The app still answers: back to the first view.
      await page.locator('nav[aria-label="Assessment sections"] button[data-view="preconditions"]').click();
      await page.locator('main #main-heading', { hasText: 'Required preconditions' }).waitFor();
      t.diagnostic(`view times with a ${LENGTH}-character note (ms): ${JSON.stringify(took)}`);
    });
  });

  test(
    'on a phone, a long link in any text never makes a view scroll sideways',
    {
      timeout: 120_000,
    },
    async () => {
      await withApp(async ({ page }) => {
        const file = await exportExampleFile(page);
        // A 150-character link: within every limit (a name is 200 characters at most).
        const link = (what) => `https://intranet.example/koom/evidence/${what}/`.padEnd(150, 'x');
        const { assessment } = withLongTexts({ ...file.assessment, organisation: NAME }, link('note'), { cycleText: link('cycle') });
        assessment.pilot.department = link('department');
        assessment.pilot.evaluation = link('evaluation');
        assessment.notes['step.pilot.metrics'] = link('step');
        assessment.unclear = { ...assessment.unclear, 'precondition.coe': link('remark') };
        await seedAndOpen(page, 'long-links', assessment, { view: 'green-flags' });
        const wide = [];
        for (const view of VIEWS) {
          await openView(page, view.token);
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          if (scrollWidth > clientWidth) wide.push(`${view.label}: ${scrollWidth} px wide in a ${clientWidth} px viewport`);
        }
        assert.deepEqual(wide, [], 'a long link widens the page');
      }, { contextOptions: PHONE_CONTEXT });
    },
  );
});
